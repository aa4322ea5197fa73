/* jd-net.c — to be written */
#include "config.h"
