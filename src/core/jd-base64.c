/* jd-base64.c — to be written */
#include "config.h"
