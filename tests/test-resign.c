/* test-resign.c — Edit and Re-sign in the real window under Xvfb: JSON
 * errors in the decoder's words, quick actions, signing with the loaded
 * secret, a private key loaded on the Keys page and a throwaway key (its
 * public JWKS copied), "Test token signed on this computer" on the Token
 * page, in the report and in Compare
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "jd-base64.h"
#include "jd-compare-view.h"
#include "jd-json.h"
#include "jd-resign-window.h"
#include "jd-sign.h"
#include "jd-window.h"
#include "test-ui.h"

#define SECRET "resign-test-secret-of-at-least-32-bytes"
#define AUD "https://api.example.com"

static JdApplication *app;

typedef struct
{
  JdWindow *window;
  JdSession *session;
  JdTokenPage *token_page;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->window = jd_test_window_new (app, 1000, 760);
  f->session = jd_window_get_session (f->window);
  f->token_page = jd_window_get_token_page (f->window);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_settings_reset (jd_session_get_settings (f->session), "expected-audience");
  jd_test_destroy (GTK_WINDOW (f->window));
}

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

/* ---- Helpers --------------------------------------------------------------- */

/* An expired HS256/RS256/… token (the signature is not real). */
static char *
expired_token (const char *alg)
{
  g_autofree char *header = g_strdup_printf ("{\"alg\":\"%s\",\"typ\":\"JWT\"}", alg);
  const char *payload = "{\"sub\":\"alice\",\"aud\":\"https://other.example\",\"exp\":1700000000}";
  g_autofree char *h = jd_base64url_encode (header, strlen (header));
  g_autofree char *p = jd_base64url_encode (payload, strlen (payload));

  return g_strdup_printf ("%s.%s.c2lnbmF0dXJl", h, p);
}

static gboolean
caught_up (Fixture *f, const char *text)
{
  return !jd_session_get_busy (f->session)
         && g_strcmp0 (jd_session_get_analysed_text (f->session), text) == 0;
}

static void
show_token (Fixture *f, const char *token)
{
  jd_token_page_set_text (f->token_page, token);
  ITERATE_UNTIL (caught_up (f, token));
}

static JdResignWindow *
open_resign (Fixture *f)
{
  GtkWindow *w;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.resign", NULL));
  w = jd_window_get_resign_window (f->window);
  g_assert_nonnull (w);
  ITERATE_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (w)));
  return JD_RESIGN_WINDOW (w);
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static const char *
selected_string (AdwComboRow *row)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (row);
  return item ? gtk_string_object_get_string (item) : NULL;
}

/* The visible label under @widget whose text is @text, or NULL. */
static GtkWidget *
find_label (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label (c, text);
      if (found)
        return found;
    }
  return NULL;
}

static gboolean
shows_made_here (Fixture *f)
{
  GtkWidget *label = find_label (GTK_WIDGET (f->token_page), "Test token signed on this computer");

  g_assert_nonnull (label);
  return gtk_widget_get_visible (label);
}

static gboolean
has_finding (Fixture *f, const char *id)
{
  GListModel *findings = jd_session_get_findings (f->session);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr (JdFinding) finding = g_list_model_get_item (findings, i);
      if (g_strcmp0 (jd_finding_get_id (finding), id) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Signs through the window; returns the session's new token text. */
static const char *
sign_and_use (Fixture *f, JdResignWindow *w, const char *before)
{
  const char *text;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w), "resign.sign", NULL));
  ITERATE_UNTIL (!gtk_widget_get_visible (GTK_WIDGET (w)));
  ITERATE_UNTIL (jd_session_get_token (f->session) != NULL
                 && g_strcmp0 (jd_token_get_text (jd_session_get_token (f->session)), before) != 0
                 && !jd_session_get_busy (f->session));
  text = jd_token_get_text (jd_session_get_token (f->session));
  g_assert_true (jd_sign_is_made_here (text));
  return text;
}

static void
clipboard_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  *(char **)data = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
}

/* ---- Tests ----------------------------------------------------------------- */

/* The expired HS256 token, re-signed with the loaded secret after "exp in
 * 1 hour", "iat now" and "expected aud": valid, and marked as made here. */
static void
test_secret (Fixture *f, gconstpointer data)
{
  g_autofree char *token = expired_token ("HS256");
  g_autofree char *claims = NULL;
  g_autofree char *report = NULL;
  JdResignWindow *w;
  const char *signed_token;

  g_settings_set_string (jd_session_get_settings (f->session), "expected-audience", AUD);
  g_assert_true (jd_session_set_secret (f->session, SECRET, FALSE, NULL));
  show_token (f, token);
  g_assert_true (has_finding (f, "expired"));
  g_assert_false (shows_made_here (f));

  w = open_resign (f);
  g_assert_cmpstr (selected_string (jd_resign_window_get_key_row (w)), ==,
                   "secret — oct 312-bit secret");
  g_assert_cmpstr (selected_string (jd_resign_window_get_alg_row (w)), ==, "HS256");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w), "resign.exp-in-hour", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w), "resign.iat-now", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w), "resign.expected-aud", NULL));
  claims = buffer_text (jd_resign_window_get_claims_buffer (w));
  g_assert_nonnull (strstr (claims, "\"aud\" : \"" AUD "\""));
  g_assert_nonnull (strstr (claims, "\"iat\" : "));
  g_assert_null (strstr (claims, "1700000000")); /* exp replaced */
  jd_test_save_screenshot (GTK_WIDGET (w), "resign-dialog.png");

  signed_token = sign_and_use (f, w, token);
  g_assert_true (g_str_has_prefix (signed_token, "eyJhbGciOiJIUzI1NiIs"));
  g_assert_false (has_finding (f, "expired"));
  g_assert_true (has_finding (f, "signature-valid"));
  g_assert_false (has_finding (f, "audience-mismatch"));
  g_assert_true (shows_made_here (f));
  report = jd_session_dup_report (f->session);
  g_assert_nonnull (strstr (report, "Test token signed on this computer"));
  jd_test_save_screenshot (GTK_WIDGET (f->window), "resign-signed.png");

  /* Both ways: the original token again is not marked. */
  show_token (f, token);
  g_assert_false (shows_made_here (f));
}

/* JSON mistakes: the decoder's message, word for word; no signing. */
static void
test_json_error (Fixture *f, gconstpointer data)
{
  g_autofree char *token = expired_token ("HS256");
  const char *bad = "{\"sub\": \"alice\",, \"exp\": 1}";
  g_autoptr (GError) decoder = NULL;
  g_autoptr (JsonNode) node = jd_json_parse (bad, strlen (bad), JD_JSON_FLAGS_NONE, NULL, &decoder);
  g_autofree char *expected = NULL;
  JdResignWindow *w;
  GtkWidget *label;

  g_assert_null (node);
  show_token (f, token);
  w = open_resign (f);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (w)));
  gtk_text_buffer_set_text (jd_resign_window_get_claims_buffer (w), bad, -1);
  expected = g_strconcat ("payload, ", decoder->message, NULL);
  label = find_label (GTK_WIDGET (w), expected);
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_visible (label));
  gtk_widget_activate_action (GTK_WIDGET (w), "resign.sign", NULL); /* disabled: nothing */
  jd_test_iterate_for (50);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (w)));
  g_assert_true (g_str_equal (jd_token_get_text (jd_session_get_token (f->session)), token));
  jd_test_save_screenshot (GTK_WIDGET (w), "resign-json-error.png");

  /* The close input that must not: fixed JSON, the message goes. */
  gtk_text_buffer_set_text (jd_resign_window_get_claims_buffer (w), "{\"sub\": \"alice\"}", -1);
  g_assert_false (gtk_widget_get_visible (label));
  gtk_window_close (GTK_WINDOW (w));
}

/* No key loaded, an RS256 token: a throwaway RSA key, its public JWKS
 * copied; with that JWKS loaded, the signature verifies. */
static void
test_throwaway (Fixture *f, gconstpointer data)
{
  g_autofree char *token = expired_token ("RS256");
  g_autofree char *copied = NULL;
  JdResignWindow *w;
  const char *signed_token;
  g_autoptr (JdToken) parsed = NULL;

  show_token (f, token);
  w = open_resign (f);
  g_assert_cmpstr (selected_string (jd_resign_window_get_key_row (w)), ==,
                   "New throwaway key: RSA 2048 (RS256)");
  g_assert_cmpstr (selected_string (jd_resign_window_get_alg_row (w)), ==, "RS256");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w), "resign.copy-jwks", NULL));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (w)), NULL, clipboard_cb,
                                 &copied);
  ITERATE_UNTIL (copied != NULL);
  g_assert_nonnull (strstr (copied, "\"kty\" : \"RSA\""));
  g_assert_null (strstr (copied, "\"d\""));
  g_assert_null (strstr (copied, "\"p\""));

  signed_token = sign_and_use (f, w, token);
  parsed = jd_token_parse (signed_token, -1);
  g_assert_cmpstr (jd_token_get_alg (parsed), ==, "RS256");
  g_assert_nonnull (jd_token_get_kid (parsed));
  g_assert_nonnull (strstr (copied, jd_token_get_kid (parsed)));
  g_assert_false (has_finding (f, "signature-valid")); /* no key loaded yet */
  g_assert_true (jd_session_load_keys (f->session, copied, strlen (copied), "copied.jwks", NULL));
  ITERATE_UNTIL (has_finding (f, "signature-valid"));
  g_assert_true (shows_made_here (f));
}

/* A private EC key loaded on the Keys page signs ES256 (and offers no RS256). */
static void
test_private_key (Fixture *f, gconstpointer data)
{
  g_autofree char *token = expired_token ("ES256");
  g_autofree char *path
    = g_test_build_filename (G_TEST_DIST, "data", "sign", "ec-p256-sec1.pem", NULL);
  g_autofree char *pem = NULL;
  gsize len;
  JdResignWindow *w;
  GListModel *algs;

  g_assert_true (g_file_get_contents (path, &pem, &len, NULL));
  g_assert_true (jd_session_load_keys (f->session, pem, len, "ec-p256-sec1.pem", NULL));
  show_token (f, token);
  w = open_resign (f);
  g_assert_cmpstr (selected_string (jd_resign_window_get_key_row (w)), ==,
                   "ec-p256-sec1.pem — EC P-256");
  algs = adw_combo_row_get_model (jd_resign_window_get_alg_row (w));
  g_assert_cmpuint (g_list_model_get_n_items (algs), ==, 1);
  g_assert_cmpstr (selected_string (jd_resign_window_get_alg_row (w)), ==, "ES256");
  sign_and_use (f, w, token);
  ITERATE_UNTIL (has_finding (f, "signature-valid"));
  g_assert_true (shows_made_here (f));
}

/* Compare never takes the re-signed token for the original. */
static void
test_compare (Fixture *f, gconstpointer data)
{
  g_autofree char *token = expired_token ("HS256");
  g_autofree char *signed_token = NULL;
  JdCompareView *view;
  JdResignWindow *w;

  g_assert_true (jd_session_set_secret (f->session, SECRET, FALSE, NULL));
  show_token (f, token);
  w = open_resign (f);
  signed_token = g_strdup (sign_and_use (f, w, token));

  view = jd_compare_view_new (GTK_WINDOW (f->window), NULL);
  jd_compare_view_set_left_text (view, token);
  jd_compare_view_set_right_text (view, signed_token);
  jd_test_present (GTK_WINDOW (view), 0, 0);
  g_assert_nonnull (
    strstr (jd_compare_view_get_summary (view), "B is a test token signed on this computer"));
  g_assert_nonnull (find_label (GTK_WIDGET (view), "B · test token signed on this computer"));
  g_assert_nonnull (find_label (GTK_WIDGET (view), "A · pasted token, judged now"));
  jd_test_save_screenshot (GTK_WIDGET (view), "resign-compare.png");

  /* Both ways: the original on both sides carries no such note. */
  jd_compare_view_set_right_text (view, token);
  g_assert_null (strstr (jd_compare_view_get_summary (view), "signed on this computer"));
  gtk_window_destroy (GTK_WINDOW (view));
}

/* At 360 px the mark and the button still fit: the window gets that narrow. */
static void
test_narrow (Fixture *f, gconstpointer data)
{
  g_autofree char *token = expired_token ("HS256");
  JdResignWindow *w;

  g_assert_true (jd_session_set_secret (f->session, SECRET, FALSE, NULL));
  show_token (f, token);
  w = open_resign (f);
  sign_and_use (f, w, token);
  g_assert_true (shows_made_here (f));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 720);
  ITERATE_UNTIL (gtk_widget_get_width (GTK_WIDGET (f->window)) <= 370);
  jd_test_save_screenshot (GTK_WIDGET (f->window), "resign-narrow.png");
}

int
main (int argc, char *argv[])
{
  int ret;

  app = jd_test_application_new (&argc, &argv);

  ADD ("/jd/app/resign/secret", test_secret);
  ADD ("/jd/app/resign/json-error", test_json_error);
  ADD ("/jd/app/resign/throwaway", test_throwaway);
  ADD ("/jd/app/resign/private-key", test_private_key);
  ADD ("/jd/app/resign/compare", test_compare);
  ADD ("/jd/app/resign/narrow", test_narrow);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
