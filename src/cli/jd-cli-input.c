/* jd-cli-input.c — jwt-doctor-cli reads its INPUT: standard input, a file,
 * or an argument that names a file; each read is bounded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <gio/gunixinputstream.h>

#include "jd-cli-input.h"
#include "jd-file-read.h"
#include "jd-input.h"

#define MAX_INPUT_SIZE (256 * 1024 * 1024) /* bytes; a HAR can be large, a token is not */

/* A plain path goes straight to GIO's local VFS: g_file_new_for_commandline_arg()
 * would first set up the default VFS, registering every GIO extension point
 * and scanning the GIO modules, about 6% of a whole run. A URI keeps it. */
GFile *
jd_cli_file_for_arg (const char *arg)
{
  g_autofree char *path = NULL;

  if (g_uri_peek_scheme (arg) != NULL)
    return g_file_new_for_commandline_arg (arg);
  path = g_canonicalize_filename (arg, NULL);
  return g_vfs_get_file_for_path (g_vfs_get_local (), path);
}

static gboolean
read_stream (GInputStream *in, GByteArray *buf, const char *what, GError **error)
{
  guint8 chunk[65536];

  for (;;)
    {
      gssize n = g_input_stream_read (in, chunk, sizeof chunk, NULL, error);
      if (n < 0)
        return FALSE;
      if (n == 0)
        return TRUE;
      if (buf->len + n > MAX_INPUT_SIZE)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                       _ ("%s is larger than %d MiB"), what, MAX_INPUT_SIZE / (1024 * 1024));
          return FALSE;
        }
      g_byte_array_append (buf, chunk, n);
    }
}

GBytes *
jd_cli_read_stdin (GError **error)
{
  g_autoptr (GInputStream) in = g_unix_input_stream_new (STDIN_FILENO, FALSE);
  g_autoptr (GByteArray) buf = g_byte_array_new ();

  if (!read_stream (in, buf, _ ("standard input"), error))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&buf));
}

GBytes *
jd_cli_read_file (const char *path, GError **error)
{
  g_autoptr (GFile) file = jd_cli_file_for_arg (path);

  /* Size-checked first, then read with the bound (jd-file-read.c). */
  return jd_file_read_bounded (file, MAX_INPUT_SIZE, error);
}

/* An INPUT that names a file rather than holding a token: one rule per
 * row. A token is base64url and dots, so it never holds '/' nor ends in
 * one of these suffixes; a curl command or a header line holds spaces. */
static const char *const file_suffixes[] = { ".jwt", ".har", ".json", ".txt", ".pem" };

gboolean
jd_cli_names_a_file (const char *arg)
{
  for (const char *p = arg; *p; p++)
    if (g_ascii_isspace (*p))
      return FALSE;
  if (strchr (arg, '/') != NULL && !jd_input_is_jwt_shaped (arg, strlen (arg)))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (file_suffixes); i++)
    if (g_str_has_suffix (arg, file_suffixes[i]))
      return TRUE;
  return FALSE;
}
