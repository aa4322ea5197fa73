/* main.c — jwt-doctor-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "jd-cli.h"

int
main (int argc, char **argv)
{
  /* Only the categories this program uses: its messages and the terminal's
   * character set. The others stay "C" (the report prints ISO dates and
   * plain numbers) and are never loaded: ten locale files fewer per run. */
  setlocale (LC_CTYPE, "");
  setlocale (LC_MESSAGES, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  return jd_cli_main (argc, argv);
}
