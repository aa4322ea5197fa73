/* jd-severity.h — how a finding's severity looks in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "jd-finding.h"

G_BEGIN_DECLS

const char *jd_severity_icon_name (JdSeverity severity); /* "dialog-error-symbolic" … */
const char *
jd_severity_css_class (JdSeverity severity); /* "error", "warning", "success", "accent" */
const char *
jd_severity_label (JdSeverity severity); /* translated, for screen readers and tooltips */

G_END_DECLS
