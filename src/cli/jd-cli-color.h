/* jd-cli-color.h — whether jwt-doctor-cli colours its text report (--color)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  JD_CLI_COLOR_AUTO,
  JD_CLI_COLOR_ALWAYS,
  JD_CLI_COLOR_NEVER,
} JdCliColor;

/* Parses the value of --color (NULL = auto); FALSE with @error naming the
 * value and the accepted ones. */
gboolean jd_cli_color_parse (const char *value, JdCliColor *mode, GError **error);

/* auto: colour only on a terminal, not for TERM=dumb, and not when NO_COLOR
 * is set to a non-empty value (no-color.org). @term and @no_color are the
 * variables' values (nullable). */
gboolean jd_cli_color_wanted (JdCliColor mode, gboolean is_tty, const char *term,
                              const char *no_color);

G_END_DECLS
