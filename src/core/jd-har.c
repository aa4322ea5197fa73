/* jd-har.c — to be written */
#include "config.h"
