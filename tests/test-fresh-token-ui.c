/* test-fresh-token-ui.c — Get a Fresh Token in the real window under Xvfb:
 * a 401 from an expired token, the dialog, a token by client credentials
 * from the identity provider on 127.0.0.1 (tests/idp-server.c), Compare
 * with the deciding differences, Send Again answered 200; a refusal
 * explained; the device code shown in the dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "idp-server.h"
#include "jd-fresh-token-dialog.h"
#include "jd-window.h"
#include "test-ui.h"

static JdApplication *app;
static Idp *idp;

typedef struct
{
  JdWindow *window;
  JdSession *session;
  JdRequestPage *request_page;
} Fixture;

/* The failing token: the IdP's issuer and the API's audience, expired. */
static char *
expired_token (void)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *payload
    = g_strdup_printf ("{\"iss\":\"%s\",\"aud\":\"" IDP_AUDIENCE "\",\"sub\":\"app@clients\","
                       "\"iat\":%" G_GINT64_FORMAT ",\"exp\":%" G_GINT64_FORMAT "}",
                       idp_issuer (idp), now - 7200, now - 3600);
  g_autofree char *h = idp_b64url ("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
  g_autofree char *p = idp_b64url (payload);

  return g_strconcat (h, ".", p, ".c2lnbmF0dXJl", NULL);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autofree char *token = expired_token ();
  g_autofree char *url = g_strconcat (idp_issuer (idp), "/api", NULL);

  idp_set_token_mode (idp, IDP_TOKEN_OK, NULL, NULL);
  idp_set_device (idp, 0, 0, FALSE);
  f->window = jd_window_new (GTK_APPLICATION (app));
  f->session = jd_window_get_session (f->window);
  f->request_page = jd_window_get_request_page (f->window);
  g_settings_set_int (jd_session_get_settings (f->session), "request-timeout", 600);
  jd_test_present (GTK_WINDOW (f->window), 1000, 900);
  jd_session_set_text (f->session, token, -1);
  ITERATE_UNTIL (jd_session_get_token (f->session) != NULL);
  jd_request_page_set_url (f->request_page, url);
  jd_window_set_visible_page (f->window, "request");
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  jd_test_destroy (GTK_WINDOW (f->window));
}

static JdFreshTokenDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* (transfer none) */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);
      if (JD_IS_FRESH_TOKEN_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return JD_FRESH_TOKEN_DIALOG (window);
    }
  return NULL;
}

static void
set_row (JdFreshTokenDialog *dialog, const char *name, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (jd_fresh_token_dialog_get_row (dialog, name)), text);
}

static JdFreshTokenDialog *
open_dialog (Fixture *f)
{
  JdFreshTokenDialog *dialog;

  g_assert_true (
    gtk_widget_activate_action (GTK_WIDGET (f->request_page), "request.fresh-token", NULL));
  ITERATE_UNTIL (find_dialog () != NULL);
  dialog = find_dialog ();
  ITERATE_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  set_row (dialog, "client-id", IDP_CLIENT_ID);
  set_row (dialog, "audience", IDP_AUDIENCE);
  return dialog;
}

static guint
send_and_wait (Fixture *f, const char *action)
{
  JdResponseView *view = jd_request_page_get_response_view (f->request_page);
  JdResponse *before = jd_response_view_get_response (view);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->request_page), action, NULL));
  ITERATE_UNTIL (!jd_request_page_get_busy (f->request_page));
  g_assert_null (jd_request_page_get_problem (f->request_page));
  g_assert_true (jd_response_view_get_response (view) != before);
  return jd_response_get_status (jd_response_view_get_response (view));
}

/* The closing note's sequence: 401, Get a Fresh Token, Compare, Send Again → 200. */
static void
test_fresh_compare_send_again (Fixture *f, gconstpointer data)
{
  JdFreshTokenDialog *dialog;
  JdCompareView *compare;
  const char *fresh_command;
  const char *summary;

  g_assert_null (jd_request_page_get_fresh_token (f->request_page));
  g_assert_cmpuint (send_and_wait (f, "request.send"), ==, 401);
  jd_test_save_screenshot (GTK_WIDGET (f->window), "fresh-1-401.png");
  /* Without a fresh token the third command reads $TOKEN, and Send Again is off. */
  g_assert_nonnull (
    strstr (jd_request_page_get_command (f->request_page, JD_CURL_FRESH_TOKEN), "$TOKEN"));
  g_assert_false (
    gtk_widget_activate_action (GTK_WIDGET (f->request_page), "request.send-fresh", NULL)
    && jd_request_page_get_busy (f->request_page));

  dialog = open_dialog (f);
  set_row (dialog, "client-secret", IDP_CLIENT_SECRET);
  jd_test_save_screenshot (GTK_WIDGET (dialog), "fresh-2-dialog.png");
  jd_fresh_token_dialog_start (dialog);
  ITERATE_UNTIL (jd_request_page_get_compare_view (f->request_page) != NULL);
  g_assert_nonnull (jd_request_page_get_fresh_token (f->request_page));
  g_assert_true (g_str_has_prefix (jd_request_page_get_fresh_token (f->request_page), "eyJ"));

  /* Compare: A is the fresh token, B the failing one; the deciding difference on top. */
  compare = jd_request_page_get_compare_view (f->request_page);
  ITERATE_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (compare)));
  summary = jd_compare_view_get_summary (compare);
  g_assert_nonnull (summary);
  g_assert_nonnull (strstr (summary, "expired"));
  jd_test_save_screenshot (GTK_WIDGET (compare), "fresh-3-compare.png");
  gtk_window_close (GTK_WINDOW (compare));

  /* The third curl command now carries the fresh token. */
  fresh_command = jd_request_page_get_command (f->request_page, JD_CURL_FRESH_TOKEN);
  g_assert_nonnull (strstr (fresh_command, jd_request_page_get_fresh_token (f->request_page)));
  g_assert_null (strstr (fresh_command, "$TOKEN"));

  g_assert_cmpuint (send_and_wait (f, "request.send-fresh"), ==, 200);
  jd_test_save_screenshot (GTK_WIDGET (f->window), "fresh-4-send-again.png");
}

static void
test_refused (Fixture *f, gconstpointer data)
{
  JdFreshTokenDialog *dialog = open_dialog (f);

  set_row (dialog, "client-secret", "Xq9-not-it");
  idp_set_token_mode (idp, IDP_TOKEN_ERROR, "invalid_client",
                      "AADSTS7000215: Invalid client secret provided.");
  jd_fresh_token_dialog_start (dialog);
  ITERATE_UNTIL (!jd_fresh_token_dialog_get_busy (dialog));
  g_assert_nonnull (strstr (jd_fresh_token_dialog_get_status (dialog), "AADSTS7000215"));
  g_assert_nonnull (strstr (jd_fresh_token_dialog_get_status (dialog), "Certificates & secrets"));
  g_assert_null (strstr (jd_fresh_token_dialog_get_status (dialog), "Xq9-not-it"));
  g_assert_null (jd_request_page_get_fresh_token (f->request_page));
  jd_test_save_screenshot (GTK_WIDGET (dialog), "fresh-refused.png");
  gtk_window_close (GTK_WINDOW (dialog));
}

static void
test_device_code_shown (Fixture *f, gconstpointer data)
{
  JdFreshTokenDialog *dialog = open_dialog (f);

  idp_set_device (idp, 2, 0, FALSE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (jd_fresh_token_dialog_get_row (dialog, "grant")), 3);
  adw_combo_row_set_selected (ADW_COMBO_ROW (jd_fresh_token_dialog_get_row (dialog, "client-auth")),
                              3);
  jd_fresh_token_dialog_start (dialog);
  ITERATE_UNTIL (jd_fresh_token_dialog_get_code (dialog) != NULL);
  g_assert_cmpstr (jd_fresh_token_dialog_get_code (dialog), ==, IDP_USER_CODE);
  g_assert_true (jd_fresh_token_dialog_get_busy (dialog));
  jd_test_save_screenshot (GTK_WIDGET (dialog), "fresh-device-code.png");
  ITERATE_UNTIL (jd_request_page_get_fresh_token (f->request_page) != NULL);
}

/* private_key_jwt with a pasted private key: the assertion is made for the
 * discovered token endpoint, and no secret is sent. */
static void
test_private_key_jwt (Fixture *f, gconstpointer data)
{
  JdFreshTokenDialog *dialog = open_dialog (f);
  g_autofree char *path
    = g_test_build_filename (G_TEST_DIST, "data", "sign", "ec-p256-sec1.pem", NULL);
  g_autofree char *pem = NULL;
  g_autofree char *assertion = NULL;
  g_autofree char *secret = NULL;

  g_assert_true (g_file_get_contents (path, &pem, NULL, NULL));
  adw_combo_row_set_selected (ADW_COMBO_ROW (jd_fresh_token_dialog_get_row (dialog, "client-auth")),
                              2);
  g_assert_true (gtk_widget_get_visible (jd_fresh_token_dialog_get_row (dialog, "client-key")));
  g_assert_false (gtk_widget_get_visible (jd_fresh_token_dialog_get_row (dialog, "client-secret")));
  set_row (dialog, "client-key", pem);
  jd_fresh_token_dialog_start (dialog);
  ITERATE_UNTIL (jd_request_page_get_fresh_token (f->request_page) != NULL);
  assertion = idp_last (idp, "client_assertion");
  secret = idp_last (idp, "client_secret");
  g_assert_true (g_str_has_prefix (assertion, "eyJ"));
  g_assert_null (secret);
}

int
main (int argc, char *argv[])
{
  int ret;

  app = jd_test_application_new (&argc, &argv);
  idp = idp_new ();
  g_test_add ("/jd/app/fresh/compare-send-again", Fixture, NULL, fixture_setup,
              test_fresh_compare_send_again, fixture_teardown);
  g_test_add ("/jd/app/fresh/refused", Fixture, NULL, fixture_setup, test_refused,
              fixture_teardown);
  g_test_add ("/jd/app/fresh/device-code", Fixture, NULL, fixture_setup, test_device_code_shown,
              fixture_teardown);
  g_test_add ("/jd/app/fresh/private-key-jwt", Fixture, NULL, fixture_setup, test_private_key_jwt,
              fixture_teardown);
  ret = g_test_run ();
  idp_free (idp);
  g_clear_object (&app);
  return ret;
}
