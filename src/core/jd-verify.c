/* jd-verify.c — to be written */
#include "config.h"
