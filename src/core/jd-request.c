/* jd-request.c — to be written */
#include "config.h"
