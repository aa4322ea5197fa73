/* jd-json-text.c — helpers on JSON text beside the pull reader: decode a
 * string's raw span (jd_json_unescape()) and turn a byte offset into a line
 * and column; declared in jd-json-reader.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "jd-json-reader.h"

void
jd_json_offset_to_line_column (const char *data, gsize len, gsize offset, guint *line,
                               guint *column)
{
  const char *p = data;
  const char *end = data + MIN (offset, len);
  const char *line_start = data;
  guint n_lines = 1;
  guint n_chars = 1;

  g_return_if_fail (data != NULL || len == 0);

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);

      if (nl == NULL)
        break;
      n_lines++;
      p = nl + 1;
      line_start = p;
    }

  for (p = line_start; p < end; p++)
    {
      /* count characters: every byte that is not a UTF-8 continuation byte */
      if (((guchar)*p & 0xC0) != 0x80)
        n_chars++;
    }

  if (line != NULL)
    *line = n_lines;
  if (column != NULL)
    *column = n_chars;
}

void
jd_json_unescape (const char *raw, gsize len, GString *out)
{
  const char *p = raw;
  const char *end = raw + len;

  g_return_if_fail (raw != NULL || len == 0);
  g_return_if_fail (out != NULL);

  while (p < end)
    {
      const char *bs = memchr (p, '\\', end - p);
      gunichar cp;

      if (bs == NULL)
        {
          g_string_append_len (out, p, end - p);
          break;
        }
      g_string_append_len (out, p, bs - p);
      p = bs + 1;
      if (p >= end)
        break;

      switch (*p)
        {
          case 'b':
            g_string_append_c (out, '\b');
            p++;
            break;
          case 'f':
            g_string_append_c (out, '\f');
            p++;
            break;
          case 'n':
            g_string_append_c (out, '\n');
            p++;
            break;
          case 'r':
            g_string_append_c (out, '\r');
            p++;
            break;
          case 't':
            g_string_append_c (out, '\t');
            p++;
            break;
          case 'u':
            if (end - p < 5)
              return;
            cp = (g_ascii_xdigit_value (p[1]) << 12) | (g_ascii_xdigit_value (p[2]) << 8)
                 | (g_ascii_xdigit_value (p[3]) << 4) | g_ascii_xdigit_value (p[4]);
            p += 5;
            if (cp >= 0xD800 && cp <= 0xDBFF)
              {
                if (end - p >= 6 && p[0] == '\\' && p[1] == 'u' && g_ascii_isxdigit (p[2])
                    && g_ascii_isxdigit (p[3]) && g_ascii_isxdigit (p[4])
                    && g_ascii_isxdigit (p[5]))
                  {
                    gunichar lo
                      = (g_ascii_xdigit_value (p[2]) << 12) | (g_ascii_xdigit_value (p[3]) << 8)
                        | (g_ascii_xdigit_value (p[4]) << 4) | g_ascii_xdigit_value (p[5]);
                    if (lo >= 0xDC00 && lo <= 0xDFFF)
                      {
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                        p += 6;
                      }
                    else
                      cp = 0xFFFD;
                  }
                else
                  cp = 0xFFFD;
              }
            else if (cp >= 0xDC00 && cp <= 0xDFFF)
              cp = 0xFFFD;
            g_string_append_unichar (out, cp);
            break;
          default: /* '"', '\\', '/' */
            g_string_append_c (out, *p);
            p++;
            break;
        }
    }
}
