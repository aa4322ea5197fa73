/* test-input-util.c — what test-input.c and test-curl.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "test-input-util.h"

JdInput *
jd_test_parse (const char *text, gsize len)
{
  g_autofree char *copy = len > 0 ? g_memdup2 (text, len) : NULL;
  JdInput *input = jd_input_parse (copy, len);

  g_assert_nonnull (input);
  g_assert_nonnull (jd_input_get_token (input));
  g_assert_nonnull (jd_input_get_findings (input));
  g_assert_cmpuint (jd_input_get_token_start (input), <=, jd_input_get_token_end (input));
  g_assert_cmpuint (jd_input_get_token_end (input), <=, len);

  return input;
}

JdInput *
jd_test_parse_str (const char *text)
{
  return jd_test_parse (text, strlen (text));
}

char *
jd_test_load (const char *name, gsize *len)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr (GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, len, &error);
  g_assert_no_error (error);

  return contents;
}

void
jd_test_assert_token_at (JdInput *input, const char *text, gsize len)
{
  gsize start = jd_input_get_token_start (input);
  gsize end = jd_input_get_token_end (input);

  g_assert_cmpstr (jd_input_get_token (input), ==, T);
  g_assert_cmpuint (end, <=, len);
  g_assert_cmpuint (end - start, ==, strlen (T));
  g_assert_true (memcmp (text + start, T, strlen (T)) == 0);
}

guint
jd_test_count_findings (JdInput *input, const char *id)
{
  GPtrArray *findings = jd_input_get_findings (input);
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    if (g_strcmp0 (jd_finding_get_id (g_ptr_array_index (findings, i)), id) == 0)
      n++;

  return n;
}

JdFinding *
jd_test_the_finding (JdInput *input, const char *id, JdSeverity severity)
{
  JdFinding *finding = jd_findings_find (jd_input_get_findings (input), id);

  g_assert_nonnull (finding);
  g_assert_cmpint (jd_finding_get_severity (finding), ==, severity);
  g_assert_cmpstr (jd_finding_get_message (finding), !=, "");
  g_assert_nonnull (jd_finding_get_fix (finding));
  g_assert_cmpstr (jd_finding_get_fix (finding), !=, "");

  return finding;
}

void
jd_test_assert_body (JdRequest *request, const char *expected)
{
  GBytes *body = jd_request_get_body (request);

  if (expected == NULL)
    {
      g_assert_null (body);
      return;
    }
  g_assert_nonnull (body);
  g_assert_cmpmem (g_bytes_get_data (body, NULL), g_bytes_get_size (body), expected,
                   strlen (expected));
}
