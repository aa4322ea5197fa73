/* jd-cli-color.c — whether jwt-doctor-cli colours its text report (--color)
 *
 * --color=always and --color=never are what they say; auto (the default)
 * colours only a terminal that can show it and a user who did not opt out:
 * standard output is a tty, TERM is not "dumb", and NO_COLOR is unset or
 * empty (https://no-color.org: "when present and not an empty string").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "jd-cli-color.h"

static const struct
{
  const char *name;
  JdCliColor mode;
} modes[] = {
  { "auto", JD_CLI_COLOR_AUTO },
  { "always", JD_CLI_COLOR_ALWAYS },
  { "never", JD_CLI_COLOR_NEVER },
};

gboolean
jd_cli_color_parse (const char *value, JdCliColor *mode, GError **error)
{
  g_return_val_if_fail (mode != NULL, FALSE);

  if (value == NULL)
    {
      *mode = JD_CLI_COLOR_AUTO;
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    if (g_str_equal (value, modes[i].name))
      {
        *mode = modes[i].mode;
        return TRUE;
      }
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _ ("--color=%s: not a colour mode; use auto, always or never"), value);
  return FALSE;
}

gboolean
jd_cli_color_wanted (JdCliColor mode, gboolean is_tty, const char *term, const char *no_color)
{
  switch (mode)
    {
      case JD_CLI_COLOR_ALWAYS:
        return TRUE;
      case JD_CLI_COLOR_NEVER:
        return FALSE;
      case JD_CLI_COLOR_AUTO:
      default:
        if (!is_tty)
          return FALSE;
        if (term != NULL && g_str_equal (term, "dumb"))
          return FALSE;
        return no_color == NULL || *no_color == '\0';
    }
}
