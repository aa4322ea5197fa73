/* jd-keys.c — to be written */
#include "config.h"
