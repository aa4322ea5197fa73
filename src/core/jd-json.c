/* jd-json.c — to be written */
#include "config.h"
