/* test-agreement.c — one verdict, every view: for each situation of
 * agreement-situations.h, the real jwt-doctor-cli's text report, its JSON
 * report, its exit status and the core's JdVerdict made in this process
 * say the same thing (test-agreement-window.c adds the window's banner and
 * copied report)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "agreement-situations.h"
#include "jd-diagnosis.h"
#include "jd-input.h"
#include "jd-keys.h"
#include "jd-verdict.h"
#include "jd-verify.h"
#include "test-rows.h"

static char *tmpdir;

/* The verdict as the core makes it from the same token, keys and expectations. */
static JdVerdict *
core_verdict (const AgSituation *s)
{
  g_autofree char *text = ag_make_token (s);
  g_autoptr (JdInput) input = jd_input_parse (text, strlen (text));
  g_autoptr (JdToken) token = jd_token_parse (jd_input_get_token (input), -1);
  g_autoptr (JdKeySet) keys = jd_key_set_new ();
  g_autoptr (JdExpectations) e = jd_expectations_new ();
  g_autoptr (JdVerifyResult) verification = NULL;
  g_autoptr (GPtrArray) findings = NULL;
  g_autoptr (GError) error = NULL;
  gboolean is_secret;
  g_autofree char *material = ag_make_keys (s->keys, &is_secret);

  e->now = AG_NOW;
  e->audience = g_strdup (s->aud);
  e->issuer = g_strdup (s->iss);
  if (s->leeway >= 0)
    e->leeway = s->leeway;
  if (s->algs)
    e->algorithms = g_strsplit (s->algs, ",", -1);
  if (material != NULL && is_secret)
    g_assert_true (jd_key_set_add_secret (keys, material, strlen (material), FALSE, &error));
  else if (material != NULL)
    g_assert_true (jd_key_set_load_data (keys, material, strlen (material), "keys.txt", &error));
  g_assert_no_error (error);

  verification = jd_verify (token, keys, (const char *const *)e->algorithms);
  findings = jd_diagnose (token, e, verification, input);
  return jd_verdict_new (token, findings, verification, e, "the instant --now gave");
}

static void
test_situation (gconstpointer data)
{
  const AgSituation *s = data;
  g_auto (AgCli) c = { 0 };
  g_autoptr (JdVerdict) core = core_verdict (s);
  JsonArray *findings;
  guint errors = 0;
  g_autofree char *verdict_line = NULL;

  ag_run_cli (s, tmpdir, &c);

  /* The table says what the verdict is … */
  g_assert_cmpstr (ag_verdict_string (&c, "result"), ==, s->result);
  g_assert_cmpstr (ag_verdict_string (&c, "signature"), ==, s->signature);
  g_assert_cmpstr (ag_verdict_string (&c, "first_cause"), ==, s->first);

  /* … the exit status follows it … */
  g_assert_cmpint (c.json.status, ==, g_str_equal (s->result, "rejected") ? 1 : 0);
  g_assert_cmpint (c.text.status, ==, c.json.status);

  /* … the JSON's findings agree with its verdict … */
  findings = json_object_get_array_member (c.token, "findings");
  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *f = json_array_get_object_element (findings, i);

      errors += g_str_equal (json_object_get_string_member (f, "severity"), "error");
      /* … and the text report names each of them. */
      ag_assert_holds (c.text.out, json_object_get_string_member (f, "message"));
    }
  g_assert_cmpint (json_object_get_int_member (c.verdict, "errors"), ==, errors);
  if (errors > 0)
    g_assert_cmpstr (s->result, ==, "rejected");
  g_assert_cmpint (json_object_get_int_member (c.verdict, "judged_at"), ==, AG_NOW);

  /* The text report renders the same verdict. */
  verdict_line = g_strdup_printf ("Verdict: %s", ag_verdict_string (&c, "headline"));
  ag_assert_holds (c.text.out, verdict_line);
  ag_assert_holds (c.text.out, ag_verdict_string (&c, "signature_text"));
  if (ag_verdict_string (&c, "not_checked_text") != NULL)
    ag_assert_holds (c.text.out, ag_verdict_string (&c, "not_checked_text"));
  g_assert_true (
    (ag_verdict_string (&c, "not_checked_text") != NULL) == (s->aud == NULL || s->iss == NULL)
    || g_str_equal (s->signature, "unreadable") || g_str_equal (s->signature, "encrypted"));

  /* The core's verdict in this process is the CLI's. */
  g_assert_cmpstr (jd_verdict_result_to_string (jd_verdict_get_result (core)), ==, s->result);
  g_assert_cmpstr (jd_verdict_get_headline (core), ==, ag_verdict_string (&c, "headline"));
  g_assert_cmpstr (jd_verdict_get_signature_text (core), ==,
                   ag_verdict_string (&c, "signature_text"));
  g_assert_cmpstr (jd_verdict_get_not_checked_text (core), ==,
                   ag_verdict_string (&c, "not_checked_text"));

  /* Never print the token. */
  {
    g_autofree char *token = ag_make_token (s);
    if (strlen (token) > 40)
      {
        g_assert_null (strstr (c.text.out, token));
        g_assert_null (strstr (c.json.out, token));
      }
  }
}

int
main (int argc, char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  gnutls_global_init ();
  tmpdir = g_dir_make_tmp ("test-agreement-XXXXXX", NULL);

  JD_TEST_ADD_ROWS ("/jd/agreement", ag_situations, name, test_situation);
  ret = g_test_run ();

  jd_test_remove_dir (tmpdir);
  g_free (tmpdir);
  tk_cleanup ();
  return ret;
}
