/* test-agreement-window.c — one verdict, every view, in the real window
 * under Xvfb: for each situation of agreement-situations.h, the Token
 * page's banner, the Keys page's summary and the copied report say what the
 * real jwt-doctor-cli says in text and JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "agreement-situations.h"
#include "jd-window.h"
#include "test-rows.h"
#include "test-ui.h"

static JdApplication *app;
static JdWindow *window;
static char *tmpdir;

static gboolean
caught_up (JdSession *session, JdTokenPage *page)
{
  g_autofree char *text = jd_token_page_dup_text (page);

  return !jd_session_get_busy (session)
         && g_strcmp0 (jd_session_get_analysed_text (session), text) == 0
         && jd_session_get_verdict (session) != NULL;
}

/* The window's expectations, keys and clock for @s, then its token. */
static void
show_situation (const AgSituation *s)
{
  JdSession *session = jd_window_get_session (window);
  JdTokenPage *page = jd_window_get_token_page (window);
  GSettings *settings = jd_application_get_settings (app);
  g_autofree char *token = ag_make_token (s);
  g_auto (GStrv) algs = s->algs ? g_strsplit (s->algs, ",", -1) : g_new0 (char *, 1);
  g_autoptr (GError) error = NULL;
  gboolean is_secret;
  g_autofree char *keys = ag_make_keys (s->keys, &is_secret);

  g_settings_set_string (settings, "expected-audience", s->aud ? s->aud : "");
  g_settings_set_string (settings, "expected-issuer", s->iss ? s->iss : "");
  g_settings_set_int (settings, "leeway", s->leeway >= 0 ? s->leeway : 60);
  g_settings_set_strv (settings, "allowed-algorithms", (const char *const *)algs);
  jd_session_set_now (session, AG_NOW);
  jd_session_clear_keys (session);
  g_assert_true (jd_session_set_secret (session, NULL, FALSE, &error));
  if (keys != NULL && is_secret)
    g_assert_true (jd_session_set_secret (session, keys, FALSE, &error));
  else if (keys != NULL)
    g_assert_true (jd_session_load_keys (session, keys, strlen (keys), "keys.txt", &error));
  g_assert_no_error (error);

  jd_token_page_set_text (page, token);
  ITERATE_UNTIL (caught_up (session, page));
}

static void
test_situation (gconstpointer data)
{
  const AgSituation *s = data;
  JdSession *session = jd_window_get_session (window);
  JdTokenPage *page = jd_window_get_token_page (window);
  JdKeysPage *keys_page = jd_window_get_keys_page (window);
  GListModel *window_findings = jd_session_get_findings (session);
  g_auto (AgCli) c = { 0 };
  g_auto (GStrv) banner = NULL;
  g_autofree char *report = NULL;
  g_autofree char *verdict_line = NULL;
  JsonArray *findings;
  JdVerdict *verdict;

  ag_run_cli (s, tmpdir, &c);
  show_situation (s);
  verdict = jd_session_get_verdict (session);

  /* The banner: the headline on one line, then the signature and what was
   * not checked, all as the CLI says them. */
  g_assert_nonnull (jd_token_page_get_verdict (page));
  banner = g_strsplit (jd_token_page_get_verdict (page), "\n", -1);
  g_assert_cmpstr (banner[0], ==, ag_verdict_string (&c, "headline"));
  g_assert_cmpstr (jd_verdict_result_to_string (jd_verdict_get_result (verdict)), ==, s->result);
  ag_assert_holds (banner[1], ag_verdict_string (&c, "signature_text"));
  if (ag_verdict_string (&c, "not_checked_text") != NULL)
    ag_assert_holds (banner[1], ag_verdict_string (&c, "not_checked_text"));
  else
    g_assert_null (jd_verdict_get_not_checked_text (verdict));
  g_assert_cmpint (jd_verdict_get_judged_at (verdict), ==,
                   json_object_get_int_member (c.verdict, "judged_at"));

  /* The same findings, in the same order. */
  findings = json_object_get_array_member (c.token, "findings");
  g_assert_cmpuint (g_list_model_get_n_items (window_findings), ==,
                    json_array_get_length (findings));
  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      g_autoptr (JdFinding) f = g_list_model_get_item (window_findings, i);

      g_assert_cmpstr (
        jd_finding_get_id (f), ==,
        json_object_get_string_member (json_array_get_object_element (findings, i), "id"));
    }

  /* The Keys page's summary is the signature sentence, whenever keys were
   * given or the app found the secret itself. */
  if (jd_verdict_get_signature (verdict) != JD_VERDICT_SIGNATURE_NO_KEYS)
    /* The summary names the key set, then says the verdict's own sentence. */
    g_assert_true (g_str_has_suffix (jd_keys_page_get_summary (keys_page),
                                     ag_verdict_string (&c, "signature_text")));

  /* The copied report is the CLI's text report of the same verdict. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-report", NULL);
  report = jd_session_dup_report (session);
  verdict_line = g_strdup_printf ("Verdict: %s", ag_verdict_string (&c, "headline"));
  ag_assert_holds (report, verdict_line);
  ag_assert_holds (report, ag_verdict_string (&c, "signature_text"));
  for (guint i = 0; i < json_array_get_length (findings); i++)
    ag_assert_holds (report, json_object_get_string_member (
                               json_array_get_object_element (findings, i), "message"));
  /* The exit status the CLI gave is the window's verdict. */
  g_assert_cmpint (c.json.status, ==,
                   jd_verdict_get_result (verdict) == JD_VERDICT_REJECTED ? 1 : 0);

  /* A few banners to look at (build-aux/screenshots copies them). */
  if (g_strv_contains ((const char *const[]){ "hs256-no-keys", "kid-missing-other-verifies",
                                              "rs256-use-enc", "hs256-weak-secret-found", NULL },
                       s->name))
    {
      g_autofree char *name = g_strdup_printf ("verdict-%s.png", s->name);
      jd_test_save_screenshot (GTK_WIDGET (window), name);
    }
}

int
main (int argc, char **argv)
{
  int ret;

  app = jd_test_application_new (&argc, &argv);
  gnutls_global_init ();
  tmpdir = g_dir_make_tmp ("test-agreement-window-XXXXXX", NULL);
  window = jd_test_window_new (app, 900, 700);

  JD_TEST_ADD_ROWS ("/jd/app/agreement", ag_situations, name, test_situation);
  ret = g_test_run ();

  jd_test_destroy (GTK_WINDOW (window));
  jd_test_remove_dir (tmpdir);
  g_free (tmpdir);
  tk_cleanup ();
  g_clear_object (&app);
  return ret;
}
