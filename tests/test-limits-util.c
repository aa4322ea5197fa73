/* test-limits-util.c — what test-limits and test-limits-http share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "jd-base64.h"
#include "test-limits-util.h"

/* A compact HS256-looking token whose payload is @payload. */
char *
make_token (const char *payload)
{
  static const char header[] = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
  g_autofree char *h = jd_base64url_encode (header, strlen (header));
  g_autofree char *p = jd_base64url_encode (payload, strlen (payload));

  return g_strdup_printf ("%s.%s.c2lnbmF0dXJl", h, p);
}

JdFinding *
find_finding (GPtrArray *findings, const char *id)
{
  return findings != NULL ? jd_findings_find (findings, id) : NULL;
}

void
assert_contains (const char *haystack, const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” is not in “%s”", needle, haystack);
}
