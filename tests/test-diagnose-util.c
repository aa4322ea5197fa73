/* test-diagnose-util.c — what the diagnosis tests share (see test-diagnose-util.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "jd-base64.h"
#include "jd-input.h"
#include "test-diagnose-util.h"

JdToken *
token_for (const char *header, const char *payload)
{
  g_autofree char *h = jd_base64url_encode (header, strlen (header));
  g_autofree char *p = jd_base64url_encode (payload, strlen (payload));
  g_autofree char *text = g_strdup_printf ("%s.%s.c2lnbmF0dXJl", h, p);
  return jd_token_parse (text, -1);
}

GPtrArray *
diagnose_paste (const char *paste, JdExpectations *e)
{
  g_autoptr (JdInput) input = jd_input_parse (paste, strlen (paste));
  g_autoptr (JdToken) token = jd_token_parse (jd_input_get_token (input), -1);
  return jd_diagnose (token, e, NULL, input);
}

guint
count_id (GPtrArray *findings, const char *id)
{
  guint n = 0;
  for (guint i = 0; i < findings->len; i++)
    n += g_str_equal (jd_finding_get_id (g_ptr_array_index (findings, i)), id);
  return n;
}

void
dump (GPtrArray *findings)
{
  for (guint i = 0; i < findings->len; i++)
    {
      JdFinding *f = g_ptr_array_index (findings, i);
      g_test_message ("%s [%s] %s", jd_finding_get_id (f),
                      jd_severity_to_string (jd_finding_get_severity (f)),
                      jd_finding_get_message (f));
    }
}

void
assert_sorted (GPtrArray *findings)
{
  for (guint i = 1; i < findings->len; i++)
    g_assert_cmpint (jd_finding_compare (g_ptr_array_index (findings, i - 1),
                                         g_ptr_array_index (findings, i), NULL),
                     <=, 0);
}

JdFinding *
finding_saying (GPtrArray *findings, const char *id, const char *needle)
{
  JdFinding *f = jd_findings_find (findings, id);

  g_assert_nonnull (f);
  g_assert_nonnull (strstr (jd_finding_get_message (f), needle));
  return f;
}
