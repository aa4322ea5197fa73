/* jd-input.c — to be written */
#include "config.h"
