/* jd-input-sniff.c — what a dropped, opened or piped text is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "jd-input-sniff.h"

/* How far into the text the sniffer looks. */
#define HEAD_SIZE 4096

static gboolean
has_har_name (const char *name)
{
  gsize n = name != NULL ? strlen (name) : 0;

  return n >= 4 && g_ascii_strcasecmp (name + n - 4, ".har") == 0;
}

/* The offset of the first byte after a UTF-8 byte order mark and white space. */
static gsize
skip_blank (const char *data, gsize len)
{
  gsize i = 0;

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < len && g_ascii_isspace (data[i]))
    i++;
  return i;
}

JdInputKind
jd_input_sniff (const char *data, gsize len, const char *name)
{
  gsize i;
  gsize head;

  g_return_val_if_fail (data != NULL || len == 0, JD_INPUT_KIND_TOKEN);

  /* A HAR is JSON whose top-level object has "log": sniffed cheaply, so a
   * token file is never parsed as JSON. */
  if (has_har_name (name))
    return JD_INPUT_KIND_HAR;

  i = skip_blank (data, len);
  head = MIN (len, HEAD_SIZE);

  /* DER certificate: a SEQUENCE with a long length, not text. */
  if (len - i >= 2 && (guchar)data[i] == 0x30 && (guchar)data[i + 1] >= 0x81
      && !g_utf8_validate (data, head, NULL))
    return JD_INPUT_KIND_KEYS;

  if (len - i >= 10 && memcmp (data + i, "-----BEGIN", 10) == 0)
    return JD_INPUT_KIND_KEYS;

  if (i < len && (data[i] == '{' || data[i] == '['))
    {
      gsize n = MIN (len - i, HEAD_SIZE);

      if (data[i] == '{' && g_strstr_len (data + i, n, "\"log\"") != NULL)
        return JD_INPUT_KIND_HAR;
      if (g_strstr_len (data + i, n, "\"kty\"") != NULL
          || g_strstr_len (data + i, n, "\"keys\"") != NULL)
        return JD_INPUT_KIND_KEYS;
    }

  return JD_INPUT_KIND_TOKEN;
}
