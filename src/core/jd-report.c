/* jd-report.c — to be written */
#include "config.h"
