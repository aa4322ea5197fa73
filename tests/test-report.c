/* test-report.c — tests for src/core/jd-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "jd-base64.h"
#include "jd-diagnosis.h"
#include "jd-report.h"
#include "jd-verdict.h"

static JdToken *
token_for (const char *header, const char *payload, const char *sig)
{
  g_autofree char *h = jd_base64url_encode (header, strlen (header));
  g_autofree char *p = jd_base64url_encode (payload, strlen (payload));
  g_autofree char *text = g_strdup_printf ("%s.%s.%s", h, p, sig);
  return jd_token_parse (text, -1);
}

static JdReport *
report_for (JdToken *token, gint64 now)
{
  JdReport *report = jd_report_new ();
  g_autoptr (JdExpectations) e = jd_expectations_new ();
  g_autoptr (GPtrArray) findings = NULL;

  e->now = now;
  findings = jd_diagnose (token, e, NULL, NULL);
  {
    g_autoptr (JdVerdict) verdict = jd_verdict_new (token, findings, NULL, e, NULL);
    jd_report_add_verdict (report, "har:3", verdict);
  }
  return report;
}

static void
test_json_shape (void)
{
  g_autoptr (JdToken) token = token_for ("{\"alg\":\"HS256\",\"kid\":\"k1\"}",
                                         "{\"exp\":100,\"sub\":\"u\"}", "c2VjcmV0c2lnbmF0dXJl");
  g_autoptr (JdReport) report = report_for (token, 1000);
  g_autofree char *json = jd_report_to_json (report, FALSE);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *t, *sig, *f0;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  t = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "tokens"),
    0);
  g_assert_cmpstr (json_object_get_string_member (t, "source"), ==, "har:3");
  g_assert_cmpstr (
    json_object_get_string_member (json_object_get_object_member (t, "header"), "kid"), ==, "k1");
  g_assert_cmpstr (
    json_object_get_string_member (json_object_get_object_member (t, "payload"), "sub"), ==, "u");
  sig = json_object_get_object_member (t, "signature");
  g_assert_cmpstr (json_object_get_string_member (sig, "alg"), ==, "HS256");
  g_assert_cmpstr (json_object_get_string_member (sig, "status"), ==, "unverified");
  g_assert_cmpstr (json_object_get_string_member (sig, "kid"), ==, "k1");
  f0 = json_array_get_object_element (json_object_get_array_member (t, "findings"), 0);
  g_assert_cmpstr (json_object_get_string_member (f0, "id"), ==, "expired");
  g_assert_cmpstr (json_object_get_string_member (f0, "severity"), ==, "error");
  g_assert_cmpint (json_object_get_int_member (f0, "rank"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (f0, "claim"), ==, "exp");
  g_assert_true (json_object_has_member (f0, "message"));
  g_assert_true (json_object_has_member (f0, "fix"));
  /* The signature bytes never appear. */
  g_assert_null (strstr (json, "c2VjcmV0c2lnbmF0dXJl"));
  g_assert_true (jd_report_has_errors (report));
}

static void
test_unsecured_status_none (void)
{
  g_autoptr (JdToken) token = token_for ("{\"alg\":\"none\"}", "{\"exp\":99999}", "");
  g_autoptr (JdReport) report = report_for (token, 1000);
  g_autofree char *json = jd_report_to_json (report, FALSE);
  g_autofree char *text = jd_report_to_text (report, FALSE, 1000);

  g_assert_nonnull (strstr (json, "\"status\":\"none\""));
  g_assert_nonnull (strstr (json, "\"alg-none\""));
  g_assert_nonnull (strstr (text, "unsigned"));
  g_assert_true (jd_report_has_errors (report));
}

static void
test_malformed_has_null_header (void)
{
  g_autoptr (JdToken) token = jd_token_parse ("%%%.%%%.%%%", -1);
  g_autoptr (JdReport) report = report_for (token, 1000);
  g_autofree char *json = jd_report_to_json (report, FALSE);

  g_assert_nonnull (strstr (json, "\"header\":null"));
  g_assert_nonnull (strstr (json, "\"payload\":null"));
  g_assert_nonnull (strstr (json, "\"id\":\"malformed\""));
}

static void
test_text (void)
{
  /* "c2ln" is "sig": a placeholder, not a cut signature (token-truncated). */
  g_autoptr (JdToken) token
    = token_for ("{\"alg\":\"HS256\"}", "{\"exp\":100,\"name\":\"Zoë\"}", "c2ln");
  g_autoptr (JdReport) report = report_for (token, 1000);
  g_autofree char *plain = jd_report_to_text (report, FALSE, 1000);
  g_autofree char *colored = jd_report_to_text (report, TRUE, 1000);

  g_assert_nonnull (strstr (plain, "Token (har:3) — HS256"));
  g_assert_nonnull (strstr (plain, "error"));
  g_assert_nonnull (strstr (plain, "expired [exp]"));
  g_assert_nonnull (strstr (plain, "Fix:"));
  g_assert_nonnull (strstr (plain, "Zoë"));
  g_assert_nonnull (strstr (plain, "1970-01-01T00:01:40Z"));
  /* The verdict's headline: the result and the first cause in a few words. */
  g_assert_nonnull (strstr (plain, "Verdict: Rejected: expired 15 minutes ago"));
  g_assert_null (strchr (plain, '\033'));
  g_assert_nonnull (strchr (colored, '\033'));
  /* Lines are wrapped for a terminal. */
  {
    g_auto (GStrv) lines = g_strsplit (plain, "\n", -1);
    for (guint i = 0; lines[i]; i++)
      g_assert_cmpint (g_utf8_strlen (lines[i], -1), <=, 100);
  }
}

static void
test_empty_report (void)
{
  g_autoptr (JdReport) report = jd_report_new ();
  g_autofree char *json = jd_report_to_json (report, FALSE);
  g_autofree char *text = jd_report_to_text (report, FALSE, 0);

  g_assert_cmpstr (json, ==, "{\"version\":1,\"tokens\":[]}");
  g_assert_false (jd_report_has_errors (report));
  g_assert_cmpuint (jd_report_get_n_tokens (report), ==, 0);
  g_assert_nonnull (strstr (text, "No token"));
}

/* #12: a nested token's inner JWS is never printed, in text or JSON; a
 * payload that is plain text (the close input) still is. */
static const struct
{
  const char *name;
  const char *header;
  const char *payload;
  gboolean printed;
} nested_rows[] = {
  { "cty-jwt", "{\"alg\":\"HS256\",\"cty\":\"JWT\"}",
    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJpbm5lciJ9.aW5uZXItc2lnbmF0dXJl", FALSE },
  { "jws-payload-without-cty", "{\"alg\":\"HS256\"}",
    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJpbm5lciJ9.aW5uZXItc2lnbmF0dXJl", FALSE },
  { "close-plain-text", "{\"alg\":\"HS256\"}", "hello-inner-text", TRUE },
};

static void
test_nested_not_printed (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_autoptr (JdToken) token = token_for (nested_rows[i].header, nested_rows[i].payload, "c2ln");
  g_autoptr (JdReport) report = report_for (token, 1000);
  g_autofree char *text = jd_report_to_text (report, FALSE, 1000);
  g_autofree char *json = jd_report_to_json (report, TRUE);
  /* Its signature segment is the part that must never appear. */
  const char *needle
    = nested_rows[i].printed ? nested_rows[i].payload : strrchr (nested_rows[i].payload, '.') + 1;

  g_test_message ("%s", text);
  if (nested_rows[i].printed)
    {
      g_assert_nonnull (strstr (text, needle));
      g_assert_nonnull (strstr (json, needle));
    }
  else
    {
      g_assert_null (strstr (text, needle));
      g_assert_null (strstr (json, needle));
      g_assert_nonnull (strstr (text, "nested token, not printed"));
    }
}

/* #12: the JSON report carries a claim with U+0000 exactly; the text
 * report shows it as \u0000. */
static void
test_nul_claim (void)
{
  g_autoptr (JdToken) token
    = token_for ("{\"alg\":\"HS256\"}", "{\"sub\":\"ali\\u0000ce\"}", "c2ln");
  g_autoptr (JdReport) report = report_for (token, 1000);
  g_autofree char *json = jd_report_to_json (report, FALSE);
  g_autofree char *text = jd_report_to_text (report, FALSE, 1000);

  g_assert_nonnull (strstr (json, "\"sub\":\"ali\\u0000ce\""));
  g_assert_nonnull (strstr (text, "ali\\u0000ce"));
  g_assert_null (strstr (json, "\xef\xb7\x91"));
  g_assert_null (strstr (text, "\xef\xb7\x91"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jd/report/json", test_json_shape);
  g_test_add_func ("/jd/report/unsecured", test_unsecured_status_none);
  g_test_add_func ("/jd/report/malformed", test_malformed_has_null_header);
  g_test_add_func ("/jd/report/text", test_text);
  g_test_add_func ("/jd/report/empty", test_empty_report);
  g_test_add_func ("/jd/report/nul-claim", test_nul_claim);
  for (guint i = 0; i < G_N_ELEMENTS (nested_rows); i++)
    {
      g_autofree char *path
        = g_strdup_printf ("/jd/report/nested-not-printed/%s", nested_rows[i].name);
      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_nested_not_printed);
    }

  return g_test_run ();
}
