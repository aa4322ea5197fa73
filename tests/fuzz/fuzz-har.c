/* fuzz-har.c — a HAR file, as the window reads a dropped one: every entry,
 * its token, headers, bodies, request and response models, the curl
 * commands, the response's findings and the token timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "jd-har.h"
#include "jd-www-authenticate.h"

#include "fuzz-common.h"

static void
check_headers (const JdHeader *headers, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      g_assert_nonnull (headers[i].name);
      g_assert_nonnull (headers[i].value);
      jd_fuzz_assert_utf8 (headers[i].name);
      jd_fuzz_assert_utf8 (headers[i].value);
    }
}

static void
check_entry (JdHarEntry *entry, guint position)
{
  const JdHeader *headers;
  guint n;
  g_auto (GStrv) challenges = NULL;
  g_autoptr (GBytes) request_body = NULL;
  g_autoptr (GBytes) response_body = NULL;
  g_autoptr (JdRequest) request = NULL;
  g_autoptr (JdResponse) response = NULL;
  g_autofree char *source = NULL;

  jd_fuzz_assert_utf8 (jd_har_entry_get_method (entry));
  jd_fuzz_assert_utf8 (jd_har_entry_get_url (entry));
  jd_fuzz_assert_utf8 (jd_har_entry_get_path (entry));
  jd_fuzz_assert_utf8 (jd_har_entry_get_status_text (entry));
  jd_fuzz_assert_utf8 (jd_har_entry_get_http_version (entry));
  jd_fuzz_assert_utf8 (jd_har_entry_get_started_iso (entry));
  jd_fuzz_assert_utf8 (jd_har_entry_get_token_name (entry));
  jd_fuzz_assert_utf8 (jd_har_entry_get_token_source_label (entry));
  jd_fuzz_assert_utf8 (jd_har_entry_get_authorization (entry));
  jd_fuzz_assert_utf8 (jd_har_entry_get_request_mime_type (entry));
  jd_fuzz_assert_utf8 (jd_har_entry_get_response_mime_type (entry));
  jd_har_entry_get_index (entry);
  jd_har_entry_get_status (entry);
  jd_har_entry_has_started (entry);
  jd_har_entry_get_started (entry);
  jd_har_entry_get_started_unix (entry);
  jd_har_entry_get_time_ms (entry);
  jd_har_entry_is_auth_failure (entry);
  if (jd_har_entry_has_token (entry))
    {
      g_assert_nonnull (jd_har_entry_get_token (entry));
      g_assert_cmpint (jd_har_entry_get_token_source (entry), !=, JD_HAR_TOKEN_SOURCE_NONE);
    }

  headers = jd_har_entry_get_request_headers (entry, &n);
  check_headers (headers, n);
  headers = jd_har_entry_get_response_headers (entry, &n);
  check_headers (headers, n);
  jd_har_entry_get_request_header (entry, "authorization");
  jd_har_entry_get_response_header (entry, "date");
  challenges = jd_har_entry_dup_www_authenticate (entry);
  g_assert_nonnull (challenges);

  request_body = jd_har_entry_dup_request_body (entry);
  response_body = jd_har_entry_dup_response_body (entry);

  source = jd_har_entry_dup_source (entry);
  g_assert_true (g_str_has_prefix (source, "har:"));
  jd_har_entry_matches (entry, "", 0);
  jd_har_entry_matches (entry, "API", 400);

  request = jd_har_entry_dup_request (entry);
  if (request != NULL)
    {
      for (JdCurlVariant v = JD_CURL_WITHOUT_TOKEN; v <= JD_CURL_FRESH_TOKEN; v++)
        {
          g_autofree char *curl = jd_request_to_curl (request, v, NULL);
          g_assert_nonnull (curl);
        }
      g_free (jd_request_dup_bearer (request));
    }

  /* What the CLI and the window show for the entry: the token's and the
   * response's findings together, judged at the entry's time. */
  if (position % 2 == 0)
    {
      g_autoptr (JdExpectations) expect = jd_expectations_new ();
      g_autoptr (GPtrArray) all = NULL;

      expect->now = JD_FUZZ_NOW;
      all = jd_har_entry_diagnose (entry, expect, position % 4 == 0, NULL);
      if (jd_har_entry_has_token (entry))
        g_assert_nonnull (all);
      for (guint i = 0; all != NULL && i < all->len; i++)
        {
          jd_fuzz_assert_utf8 (jd_finding_get_message (g_ptr_array_index (all, i)));
          if (i > 0)
            g_assert_cmpint (
              jd_finding_compare (g_ptr_array_index (all, i - 1), g_ptr_array_index (all, i), NULL),
              <=, 0);
        }
    }

  response = jd_har_entry_dup_response (entry);
  if (response != NULL && (position % 4) == 0)
    {
      g_autoptr (JdToken) token = NULL;
      g_autoptr (JdExpectations) expect = jd_expectations_new ();
      g_autoptr (GPtrArray) findings = NULL;

      if (jd_har_entry_has_token (entry))
        token = jd_token_parse (jd_har_entry_get_token (entry), -1);
      expect->now
        = jd_har_entry_has_started (entry) ? jd_har_entry_get_started_unix (entry) : JD_FUZZ_NOW;
      findings = jd_response_diagnose (response, token, expect);
      g_assert_nonnull (findings);
      for (guint i = 0; i < findings->len; i++)
        jd_fuzz_assert_utf8 (jd_finding_get_message (g_ptr_array_index (findings, i)));
    }
}

int
jd_fuzz_har (const guint8 *data, gsize size)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_autoptr (JdHar) har = NULL;
  g_autoptr (GError) error = NULL;
  JdHarLimits limits;
  GPtrArray *problems;
  guint n;

  jd_har_limits_init (&limits);
  if (size % 3 == 0)
    {
      /* Small limits, so that the fuzzer meets every one of them. */
      limits.max_entries = 8;
      limits.max_depth = 12;
      limits.max_string_length = 1024;
      limits.max_file_size = 64 * 1024;
    }

  har = jd_har_load_bytes (bytes, &limits, NULL, &error);
  if (har == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == JD_HAR_ERROR);
      jd_fuzz_assert_utf8 (error->message);
      return 0;
    }
  g_assert_null (error);

  problems = jd_har_get_problems (har);
  for (guint i = 0; i < problems->len; i++)
    {
      const JdHarProblem *p = g_ptr_array_index (problems, i);

      g_assert_nonnull (p->message);
      jd_fuzz_assert_utf8 (p->message);
      g_assert_cmpuint (p->offset, <=, size);
      g_assert_cmpuint (p->line, >=, 1);
    }
  jd_fuzz_assert_utf8 (jd_har_get_version (har));
  jd_fuzz_assert_utf8 (jd_har_get_creator (har));
  jd_fuzz_assert_utf8 (jd_har_get_sanitized_message (har));
  jd_har_is_sanitized (har);
  g_assert_cmpuint (jd_har_get_n_with_token (har), <=,
                    g_list_model_get_n_items (G_LIST_MODEL (har)));
  g_assert_cmpuint (jd_har_get_n_auth_failures (har), <=,
                    g_list_model_get_n_items (G_LIST_MODEL (har)));

  n = g_list_model_get_n_items (G_LIST_MODEL (har));
  if (size % 3 == 0)
    g_assert_cmpuint (n, <=, limits.max_entries);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (JdHarEntry) entry = g_list_model_get_item (G_LIST_MODEL (har), i);
      check_entry (entry, i);
    }

  {
    g_autoptr (GListModel) failing = jd_har_dup_failing_first (har);
    g_autoptr (GPtrArray) timeline = jd_har_dup_timeline (har);

    g_assert_cmpuint (g_list_model_get_n_items (failing), ==, n);
    for (guint i = 0; i < timeline->len; i++)
      {
        JdHarTimelineToken *t = g_ptr_array_index (timeline, i);

        g_assert_nonnull (t->token);
        jd_fuzz_assert_utf8 (t->fingerprint);
        jd_fuzz_assert_utf8 (t->subject);
        jd_fuzz_assert_utf8 (t->kid);
        g_assert_cmpuint (t->uses->len, >, 0);
      }
  }
  return 0;
}

JD_FUZZ_ENTRY_POINT (jd_fuzz_har)
