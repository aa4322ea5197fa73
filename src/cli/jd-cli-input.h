/* jd-cli-input.h — jwt-doctor-cli reads its INPUT: standard input, a file,
 * or an argument that names a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A GFile for a command-line path or URI. */
GFile *jd_cli_file_for_arg (const char *arg);
/* All of standard input, bounded (256 MiB). */
GBytes *jd_cli_read_stdin (GError **error);
/* All of the file @path, bounded (256 MiB). */
GBytes *jd_cli_read_file (const char *path, GError **error);
/* Whether the INPUT @arg names a file rather than holding a token. */
gboolean jd_cli_names_a_file (const char *arg);

G_END_DECLS
