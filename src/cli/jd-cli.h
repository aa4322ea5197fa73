/* jd-cli.h — jwt-doctor-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses (DESIGN.md). */
enum
{
  JD_CLI_EXIT_OK = 0,     /* no error findings */
  JD_CLI_EXIT_ERRORS = 1, /* at least one error finding */
  JD_CLI_EXIT_USAGE = 2,  /* usage error or unreadable file */
};

int jd_cli_main (int argc, char **argv);

G_END_DECLS
