/* jd-claims.c — to be written */
#include "config.h"
