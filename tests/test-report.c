/* test-report.c — tests for src/core/jd-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "jd-base64.h"
#include "jd-diagnosis.h"
#include "jd-report.h"

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
  jd_report_add (report, "har:3", token, NULL, findings);
  return report;
}

static void
test_json_shape (void)
{
  g_autoptr (JdToken) token = token_for ("{\"alg\":\"HS256\",\"kid\":\"k1\"}", "{\"exp\":100,\"sub\":\"u\"}",
                                         "c2VjcmV0c2lnbmF0dXJl");
  g_autoptr (JdReport) report = report_for (token, 1000);
  g_autofree char *json = jd_report_to_json (report, FALSE);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *t, *sig, *f0;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  t = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "tokens"), 0);
  g_assert_cmpstr (json_object_get_string_member (t, "source"), ==, "har:3");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (t, "header"), "kid"), ==, "k1");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (t, "payload"), "sub"), ==, "u");
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
  g_autoptr (JdToken) token = token_for ("{\"alg\":\"HS256\"}", "{\"exp\":100,\"name\":\"Zoë\"}", "c2ln");
  g_autoptr (JdReport) report = report_for (token, 1000);
  g_autofree char *plain = jd_report_to_text (report, FALSE, 1000);
  g_autofree char *colored = jd_report_to_text (report, TRUE, 1000);

  g_assert_nonnull (strstr (plain, "Token (har:3) — HS256"));
  g_assert_nonnull (strstr (plain, "error"));
  g_assert_nonnull (strstr (plain, "expired [exp]"));
  g_assert_nonnull (strstr (plain, "Fix:"));
  g_assert_nonnull (strstr (plain, "Zoë"));
  g_assert_nonnull (strstr (plain, "1970-01-01T00:01:40Z"));
  g_assert_nonnull (strstr (plain, "Verdict: 1 error"));
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

  g_assert_cmpstr (json, ==, "{\"tokens\":[]}");
  g_assert_false (jd_report_has_errors (report));
  g_assert_cmpuint (jd_report_get_n_tokens (report), ==, 0);
  g_assert_nonnull (strstr (text, "No token"));
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

  return g_test_run ();
}
