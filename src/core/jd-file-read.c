/* jd-file-read.c — read a file whole, never more than a bound
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jd-file-read.h"

static void
set_too_large (GError **error, GFile *file, gsize max)
{
  g_autofree char *name = g_file_get_parse_name (file);

  if (max >= 1024 * 1024)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                 _ ("“%s” is larger than %zu MiB, the most that is read"), name,
                 max / (1024 * 1024));
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                 _ ("“%s” is larger than %zu bytes, the most that is read"), name, max);
}

GBytes *
jd_file_read_bounded (GFile *file, gsize max, GError **error)
{
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GFileInputStream) in = NULL;
  g_autoptr (GByteArray) buf = NULL;
  guint8 chunk[65536];

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* A regular file says its size: refuse it before reading. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR
      && (guint64)g_file_info_get_size (info) > max)
    {
      set_too_large (error, file, max);
      return NULL;
    }

  in = g_file_read (file, NULL, error);
  if (in == NULL)
    return NULL;
  buf = g_byte_array_sized_new (info != NULL
                                    && g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR
                                  ? (guint)g_file_info_get_size (info)
                                  : 0);
  for (;;)
    {
      gsize want = MIN (sizeof chunk, max + 1 - buf->len);
      gssize n = g_input_stream_read (G_INPUT_STREAM (in), chunk, want, NULL, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      if (buf->len + (gsize)n > max)
        {
          set_too_large (error, file, max);
          return NULL;
        }
      g_byte_array_append (buf, chunk, n);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&buf));
}
