/* jd-www-authenticate.c — to be written */
#include "config.h"
