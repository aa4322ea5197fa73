/* jd-severity.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "jd-severity.h"

const char *
jd_severity_icon_name (JdSeverity severity)
{
  switch (severity)
    {
      case JD_SEVERITY_ERROR:
        return "dialog-error-symbolic";
      case JD_SEVERITY_WARNING:
        return "dialog-warning-symbolic";
      case JD_SEVERITY_OK:
        return "emblem-ok-symbolic";
      case JD_SEVERITY_INFO:
      default:
        return "dialog-information-symbolic";
    }
}

const char *
jd_severity_css_class (JdSeverity severity)
{
  switch (severity)
    {
      case JD_SEVERITY_ERROR:
        return "error";
      case JD_SEVERITY_WARNING:
        return "warning";
      case JD_SEVERITY_OK:
        return "success";
      case JD_SEVERITY_INFO:
      default:
        return "accent";
    }
}

const char *
jd_severity_label (JdSeverity severity)
{
  switch (severity)
    {
      case JD_SEVERITY_ERROR:
        return _ ("Error");
      case JD_SEVERITY_WARNING:
        return _ ("Warning");
      case JD_SEVERITY_OK:
        return _ ("Passed");
      case JD_SEVERITY_INFO:
      default:
        return _ ("Note");
    }
}
