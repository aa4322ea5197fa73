/* test-limits-util.c — what test-limits and test-limits-http share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "jd-base64.h"
#include "test-limits-util.h"

static char *
b64url (const char *data, gsize len)
{
  return jd_base64url_encode (data, len);
}

/* A compact HS256-looking token whose payload is @payload. */
char *
make_token (const char *payload)
{
  static const char header[] = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
  g_autofree char *h = b64url (header, strlen (header));
  g_autofree char *p = b64url (payload, strlen (payload));

  return g_strdup_printf ("%s.%s.c2lnbmF0dXJl", h, p);
}

char *
repeat (char c, gsize n)
{
  char *s = g_malloc (n + 1);

  memset (s, c, n);
  s[n] = '\0';
  return s;
}

const JdFinding *
find_finding (GPtrArray *findings, const char *id)
{
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    if (g_strcmp0 (jd_finding_get_id (g_ptr_array_index (findings, i)), id) == 0)
      return g_ptr_array_index (findings, i);
  return NULL;
}

void
assert_contains (const char *haystack, const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” is not in “%s”", needle, haystack);
}
