/* jd-diagnosis.c — to be written */
#include "config.h"
