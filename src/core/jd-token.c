/* jd-token.c — to be written */
#include "config.h"
