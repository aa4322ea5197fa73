/* test-window.c — the real window under Xvfb: the window and its actions,
 * menus and dialogs, the Keys and Request pages, narrow and dark, and a
 * screenshot of each page (the Token page: test-window-token.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "jd-about.h"
#include "jd-application.h"
#include "jd-claims.h"
#include "jd-dialog.h"
#include "jd-key-set-summary.h"
#include "jd-no-hyphens.h"
#include "jd-preferences-window.h"
#include "jd-window.h"
#include "test-window-util.h"

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

/* ---- Tests -------------------------------------------------------------------- */

static void
test_empty_state (Fixture *f, gconstpointer data)
{
  g_assert_cmpstr (jd_window_get_visible_page (f->window), ==, "token");
  g_assert_null (jd_session_get_token (f->session));
  g_assert_null (jd_token_page_get_verdict (f->token_page));
  g_assert_cmpuint (g_list_model_get_n_items (jd_token_page_get_claims (f->token_page)), ==, 0);
  g_assert_false (jd_token_page_is_ticking (f->token_page));

  jd_test_save_screenshot (GTK_WIDGET (f->window), "empty.png");
}

static gboolean
has_class (GtkWidget *widget, gconstpointer css_class)
{
  return gtk_widget_has_css_class (widget, css_class);
}

static GtkWidget *
find_with_class (GtkWidget *widget, const char *css_class)
{
  return jd_test_find_widget (widget, has_class, css_class);
}

static void
test_paste_action (Fixture *f, gconstpointer data)
{
  g_autofree char *token = make_token ("{\"alg\":\"HS256\"}", "{\"sub\":\"pasted\"}");
  g_autofree char *clip = g_strdup_printf ("Authorization: Bearer %s", token);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (f->window)), clip);
  /* Focus somewhere that is not a text field: Ctrl+V goes to the token area. */
  gtk_window_set_focus (GTK_WINDOW (f->window), NULL);
  jd_window_set_visible_page (f->window, "keys");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.paste", NULL);

  ITERATE_UNTIL (jd_session_get_token (f->session) != NULL && session_caught_up (f));
  g_assert_cmpstr (jd_window_get_visible_page (f->window), ==, "token");
  g_assert_cmpstr (jd_token_get_text (jd_session_get_token (f->session)), ==, token);
  g_assert_cmpint (jd_input_get_form (jd_session_get_input (f->session)), ==,
                   JD_INPUT_FORM_AUTHORIZATION);
}

static goffset
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (goffset)st.st_size : -1;
}

static void
test_open_and_export (Fixture *f, gconstpointer data)
{
  g_autofree char *token = make_token ("{\"alg\":\"HS256\"}", "{\"sub\":\"file\"}");
  g_autofree char *in_path = g_build_filename (f->tmpdir, "in.jwt", NULL);
  g_autofree char *out_path = g_build_filename (f->tmpdir, "out.jwt", NULL);
  g_autofree char *in_text = g_strdup_printf ("%s\n", token);
  g_autoptr (GFile) in_file = g_file_new_for_path (in_path);
  g_autoptr (GFile) out_file = g_file_new_for_path (out_path);
  g_autofree char *saved = NULL;
  gsize saved_len = 0;

  g_assert_true (g_file_set_contents (in_path, in_text, -1, NULL));

  /* Open (Ctrl+O), with the file chooser answered by the test. */
  _jd_window_set_next_chosen_file (f->window, in_file);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open", NULL);
  ITERATE_UNTIL (jd_session_get_token (f->session) != NULL && session_caught_up (f));
  g_assert_cmpstr (jd_token_get_text (jd_session_get_token (f->session)), ==, token);

  /* Export (Ctrl+S): the compact token alone. */
  _jd_window_set_next_chosen_file (f->window, out_file);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export", NULL);
  /* The file exists before its bytes are written (and replaced atomically):
   * wait for the whole token, not for the name. */
  ITERATE_UNTIL (file_size (out_path) == (goffset)strlen (token));
  g_assert_true (g_file_get_contents (out_path, &saved, &saved_len, NULL));
  g_assert_cmpstr (saved, ==, token);
  g_assert_cmpuint (saved_len, ==, strlen (token));
}

/* Issue 12: the window title names the file that was opened; a paste resets it. */
static void
test_title (Fixture *f, gconstpointer data)
{
  g_autofree char *token = make_token ("{\"alg\":\"HS256\"}", "{\"sub\":\"file\"}");
  g_autofree char *pasted = make_token ("{\"alg\":\"HS256\"}", "{\"sub\":\"pasted\"}");
  g_autofree char *path = g_build_filename (f->tmpdir, "token.jwt", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "JWT Doctor");
  g_assert_true (g_file_set_contents (path, token, -1, NULL));
  jd_window_open_file (f->window, file);
  ITERATE_UNTIL (g_strcmp0 (gtk_window_get_title (GTK_WINDOW (f->window)), "token.jwt — JWT Doctor")
                 == 0);
  ITERATE_UNTIL (session_caught_up (f));
  g_assert_cmpstr (jd_token_get_text (jd_session_get_token (f->session)), ==, token);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (f->window)), pasted);
  gtk_window_set_focus (GTK_WINDOW (f->window), NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.paste", NULL);
  ITERATE_UNTIL (g_strcmp0 (jd_token_get_text (jd_session_get_token (f->session)), pasted) == 0);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "JWT Doctor");
}

/* Issue 12: no hyphen is drawn where the token, a curl command or a
 * finding's message wraps ('-' is base64url). */
static void
test_no_hyphens (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) findings = g_ptr_array_new ();
  g_autoptr (GPtrArray) commands = g_ptr_array_new ();
  GtkWidget *request_page;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.example", NULL);
  ITERATE_UNTIL (jd_session_get_token (f->session) != NULL && session_caught_up (f));
  g_assert_true (jd_widget_has_no_hyphens (find_text_view (GTK_WIDGET (f->token_page))));

  collect_labels (GTK_WIDGET (jd_token_page_get_findings_list (f->token_page)), NULL, findings);
  g_assert_cmpuint (findings->len, >=, 2);
  for (guint i = 0; i < findings->len; i++)
    g_assert_true (jd_widget_has_no_hyphens (g_ptr_array_index (findings, i)));

  request_page = GTK_WIDGET (jd_window_get_request_page (f->window));
  collect_labels (request_page, "command", commands);
  g_assert_cmpuint (commands->len, >=, 3); /* the three curl commands and the response headers */
  for (guint i = 0; i < commands->len; i++)
    g_assert_true (jd_widget_has_no_hyphens (g_ptr_array_index (commands, i)));

  /* Text typed later is covered too. */
  {
    GtkTextBuffer *buffer = jd_token_page_get_buffer (f->token_page);
    GtkTextIter end;

    gtk_text_buffer_get_end_iter (buffer, &end);
    gtk_text_buffer_insert (buffer, &end, "-more-base64url-", -1);
    g_assert_true (jd_widget_has_no_hyphens (find_text_view (GTK_WIDGET (f->token_page))));
  }
}

/* Issue 12: the Request page's empty state fits at the default 900×700:
 * nothing of it is cut, and the page scrolls when it does not fit. */
static void
test_request_empty_state (Fixture *f, gconstpointer data)
{
  GtkWidget *page;
  GtkWidget *status;
  int natural = 0;

  jd_window_set_visible_page (f->window, "request");
  page = GTK_WIDGET (jd_window_get_request_page (f->window));
  status = find_with_class (page, "empty-state");
  g_assert_nonnull (status);
  ITERATE_UNTIL (gtk_widget_get_mapped (status) && gtk_widget_get_height (status) > 0);
  jd_test_iterate_for (100);
  gtk_widget_measure (status, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (status), NULL,
                      &natural, NULL, NULL);
  /* gtk_widget_measure() counts the margins, the height does not. */
  natural -= gtk_widget_get_margin_top (status) + gtk_widget_get_margin_bottom (status);
  g_test_message ("empty state: %d px of %d", gtk_widget_get_height (status), natural);
  g_assert_cmpint (gtk_widget_get_height (status), >=, natural);
  jd_test_save_screenshot (GTK_WIDGET (f->window), "request-empty.png");
}

static void
test_copy_report (Fixture *f, gconstpointer data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (f->window));
  g_autofree char *report = NULL;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.example", NULL);
  ITERATE_UNTIL (jd_session_get_token (f->session) != NULL && session_caught_up (f));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.copy-report", NULL);
  report = jd_session_dup_report (f->session);
  g_assert_nonnull (strstr (report, "expired"));
  /* The report never holds the token itself. */
  g_assert_null (strstr (report, jd_token_get_text (jd_session_get_token (f->session))));
  g_assert_true (gdk_clipboard_is_local (clipboard));
}

static void
test_keys_page (Fixture *f, gconstpointer data)
{
  JdKeysPage *keys = jd_window_get_keys_page (f->window);
  GListModel *rows = jd_keys_page_get_rows (keys);
  g_autofree char *status0 = NULL;
  g_autofree char *status1 = NULL;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.example", NULL);
  ITERATE_UNTIL (jd_session_get_token (f->session) != NULL && session_caught_up (f));

  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 2);
  {
    g_autoptr (GObject) first = g_list_model_get_item (rows, 0);

    g_assert_true (JD_IS_KEY_VERDICT (first));
  }
  g_assert_cmpint (jd_verify_result_get_status (jd_session_get_verification (f->session)), ==,
                   JD_SIGNATURE_VALID);

  status0 = jd_keys_page_dup_status (keys, 0);
  status1 = jd_keys_page_dup_status (keys, 1);
  g_test_message ("key 0: %s; key 1: %s", status0, status1);
  g_assert_nonnull (strstr (status0, "valid"));
  g_assert_nonnull (strstr (status1, "kid"));

  jd_window_set_visible_page (f->window, "keys");
  jd_test_save_screenshot (GTK_WIDGET (f->window), "keys-page.png");
}

static void
test_request_page (Fixture *f, gconstpointer data)
{
  JdRequestPage *page = jd_window_get_request_page (f->window);
  const char *with_token;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.example", NULL);
  ITERATE_UNTIL (jd_session_get_token (f->session) != NULL && session_caught_up (f));
  g_assert_null (jd_request_page_get_command (page, JD_CURL_WITHOUT_TOKEN));

  jd_request_page_set_url (page, "https://api.example.com/v2/invoices");
  g_assert_nonnull (strstr (jd_request_page_get_command (page, JD_CURL_WITHOUT_TOKEN), "curl"));
  g_assert_null (
    strstr (jd_request_page_get_command (page, JD_CURL_WITHOUT_TOKEN), "Authorization"));
  with_token = jd_request_page_get_command (page, JD_CURL_THIS_TOKEN);
  g_assert_nonnull (strstr (with_token, jd_token_get_text (jd_session_get_token (f->session))));
  g_assert_nonnull (strstr (jd_request_page_get_command (page, JD_CURL_FRESH_TOKEN), "$TOKEN"));

  jd_window_set_visible_page (f->window, "request");
  jd_test_save_screenshot (GTK_WIDGET (f->window), "request-page.png");
}

static void
test_narrow (Fixture *f, gconstpointer data)
{
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (f->window));
  GtkWidget *bar = gtk_widget_get_last_child (content);

  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 720);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.example", NULL);
  ITERATE_UNTIL (jd_session_get_token (f->session) != NULL && session_caught_up (f));
  /* Usable at 360 px: the window really gets that narrow… */
  ITERATE_UNTIL (gtk_widget_get_width (GTK_WIDGET (f->window)) <= 370);

  /* …and the page switcher moves to a bar at the bottom. */
  g_assert_true (ADW_IS_VIEW_SWITCHER_BAR (bar));
  ITERATE_UNTIL (gtk_widget_get_mapped (bar)
                 && adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)));
  g_assert_nonnull (adw_view_switcher_bar_get_stack (ADW_VIEW_SWITCHER_BAR (bar)));

  jd_test_save_screenshot (GTK_WIDGET (f->window), "narrow.png");
  /* Issue 12: 360 px also with every window button there is (the
   * header bar's contents held it at 479), on every page. */
  {
    const char *pages[] = { "token", "keys", "request" };
    g_autofree char *layout = NULL;

    g_object_get (gtk_settings_get_default (), "gtk-decoration-layout", &layout, NULL);
    g_object_set (gtk_settings_get_default (), "gtk-decoration-layout",
                  "menu:minimize,maximize,close", NULL);
    for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
      {
        int min = 0;

        jd_window_set_visible_page (f->window, pages[i]);
        jd_test_iterate_for (100);
        gtk_widget_measure (GTK_WIDGET (f->window), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL,
                            NULL, NULL);
        g_test_message ("%s page: minimum width %d", pages[i], min);
        g_assert_cmpint (min, <=, 360);
      }
    g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", layout, NULL);
    jd_window_set_visible_page (f->window, "token");
  }

  /* The claims at 360 px: "aud" keeps its trailing slash in view. */
  {
    GtkAdjustment *adjustment = page_adjustment (f);
    GtkWidget *claims = find_first (GTK_WIDGET (f->token_page), GTK_TYPE_COLUMN_VIEW);
    double x = 0, y = 0;

    ITERATE_UNTIL (gtk_widget_translate_coordinates (
      claims, gtk_widget_get_parent (GTK_WIDGET (f->token_page)), 0, 0, &x, &y));
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + y - 40);
    jd_test_iterate_for (200);
    jd_test_save_screenshot (GTK_WIDGET (f->window), "narrow-claims.png");
    {
      g_autoptr (GPtrArray) labels = g_ptr_array_new ();
      GtkLabel *aud = NULL;
      g_autoptr (GtkColumnViewColumn) meaning
        = g_list_model_get_item (gtk_column_view_get_columns (GTK_COLUMN_VIEW (claims)), 2);

      collect_labels (claims, NULL, labels);
      for (guint i = 0; i < labels->len; i++)
        if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)),
                       "\"https://api.example.com/v2/\"")
            == 0)
          aud = g_ptr_array_index (labels, i);
      g_assert_nonnull (aud);
      /* The whole value is drawn, trailing slash included; the meanings
       * went to the names' tooltips. */
      g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (aud)));
      g_assert_false (gtk_column_view_column_get_visible (meaning));
    }
    gtk_adjustment_set_value (adjustment, 0);
  }

  jd_window_set_visible_page (f->window, "keys");
  jd_test_save_screenshot (GTK_WIDGET (f->window), "narrow-keys.png");
}

static void
test_dark (Fixture *f, gconstpointer data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.example", NULL);
  ITERATE_UNTIL (jd_session_get_token (f->session) != NULL && session_caught_up (f));

  jd_test_save_screenshot (GTK_WIDGET (f->window), "token-page-dark.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_open_keys (Fixture *f, gconstpointer data)
{
  g_autofree char *path
    = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "article-jwks.json", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  JdKeysPage *keys = jd_window_get_keys_page (f->window);
  GListModel *rows = jd_keys_page_get_rows (keys);
  g_autofree char *status = NULL;

  /* Ctrl+K with the chooser answered by the test: a JWKS lands on the Keys page. */
  _jd_window_set_next_chosen_file (f->window, file);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.load-keys", NULL);
  ITERATE_UNTIL (g_list_model_get_n_items (rows) == 2);
  g_assert_cmpstr (jd_window_get_visible_page (f->window), ==, "keys");
  {
    g_autoptr (GObject) first = g_list_model_get_item (rows, 0);

    g_assert_true (JD_IS_KEY (first));
  }
  status = jd_keys_page_dup_status (keys, 0);
  g_assert_cmpstr (status, ==, "no token to check");

  /* Dropped text is sorted the same way: a PEM block is keys, not a token. */
  {
    const char *pem = "-----BEGIN PUBLIC KEY-----\nnot base64\n-----END PUBLIC KEY-----\n";

    jd_window_open_text (f->window, pem, strlen (pem), "key.pem");
  }
  g_assert_null (jd_session_get_token (f->session));
  /* It is broken; the table keeps it and says why. */
  if (g_list_model_get_n_items (rows) == 3)
    {
      g_autofree char *why = jd_keys_page_dup_status (keys, 2);

      g_test_message ("broken PEM: %s", why);
      g_assert_cmpstr (why, !=, "no token to check");
    }
}

static void
test_open_example_file (Fixture *f, gconstpointer data)
{
  g_autofree char *path
    = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "article-expired.jwt", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);

  /* `jwt-doctor data/examples/article-expired.jwt` (build-aux/run --example)
   * shows the whole example: its keys and the API it was written for. */
  jd_window_open_file (f->window, file);
  ITERATE_UNTIL (jd_session_get_token (f->session) != NULL && session_caught_up (f));
  g_assert_true (jd_session_is_example (f->session));
  g_assert_true (has_finding (f, "audience-mismatch"));
  g_assert_cmpint (jd_verify_result_get_status (jd_session_get_verification (f->session)), ==,
                   JD_SIGNATURE_VALID);
}

static void
test_window_size_saved (Fixture *f, gconstpointer data)
{
  GSettings *settings = jd_application_get_settings (app);
  JdWindow *second;
  int width = 0, height = 0;

  g_assert_nonnull (settings);

  /* Closing saves the size… */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 640, 480);
  jd_test_iterate_for (100);
  gtk_window_close (GTK_WINDOW (f->window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 640);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 480);

  /* …and the next window opens with it. The token is never saved. */
  second = jd_window_new (GTK_APPLICATION (app));
  gtk_window_get_default_size (GTK_WINDOW (second), &width, &height);
  g_assert_cmpint (width, ==, 640);
  g_assert_cmpint (height, ==, 480);
  gtk_window_destroy (GTK_WINDOW (second));

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  /* The fixture's window is gone: give teardown a fresh one to destroy. */
  f->window = jd_window_new (GTK_APPLICATION (app));
}

static gboolean
is_primary_menu_button (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

static GtkMenuButton *
find_primary_menu_button (GtkWidget *widget)
{
  return GTK_MENU_BUTTON (jd_test_find_widget (widget, is_primary_menu_button, NULL));
}

#if !ADW_CHECK_VERSION(1, 8, 0)
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static gboolean
overlay_has_accelerator (GtkWidget *widget, const char *accelerator)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accel = NULL;

      g_object_get (widget, "accelerator", &accel, NULL);
      if (g_strcmp0 (accel, accelerator) == 0)
        return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (overlay_has_accelerator (child, accelerator))
      return TRUE;
  return FALSE;
}
G_GNUC_END_IGNORE_DEPRECATIONS
#endif

static void
test_menu_windows (Fixture *f, gconstpointer data)
{
#if !ADW_CHECK_VERSION(1, 8, 0)
  GtkWindow *w;
#endif
  GtkWidget *dialog;
  GtkMenuButton *menu_button = find_primary_menu_button (GTK_WIDGET (f->window));
  GMenuModel *menu;
  g_autoptr (GtkPopover) popover = NULL;

  /* The primary menu (F10) gets its popover when first opened. */
  g_assert_nonnull (menu_button);
  jd_test_present (GTK_WINDOW (f->window), 0, 0);
  gtk_menu_button_popup (menu_button);
  ITERATE_UNTIL (gtk_menu_button_get_popover (menu_button) != NULL
                 && gtk_widget_get_mapped (GTK_WIDGET (gtk_menu_button_get_popover (menu_button))));
  menu = gtk_menu_button_get_menu_model (menu_button);
  g_assert_nonnull (menu);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 3); /* sections */
  /* (a reference: a new popover cannot take the old one's address) */
  popover = g_object_ref (gtk_menu_button_get_popover (menu_button));
  gtk_menu_button_popdown (menu_button);
  ITERATE_UNTIL (!gtk_widget_get_mapped (GTK_WIDGET (popover)));
  /* Opened again: the same popover, not a new one per opening. */
  gtk_menu_button_popup (menu_button);
  ITERATE_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (gtk_menu_button_get_popover (menu_button))));
  g_assert_true (gtk_menu_button_get_popover (menu_button) == popover);
  g_assert_true (gtk_menu_button_get_menu_model (menu_button) == menu);
  gtk_menu_button_popdown (menu_button);

  /* Keyboard shortcuts (Ctrl+?): built the first time they are asked for
   * (jd_window_get_help_overlay), shown over this window. */
#if !ADW_CHECK_VERSION(1, 8, 0)
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (f->window)));
  G_GNUC_END_IGNORE_DEPRECATIONS
#endif
  g_assert_null (jd_dialog_find_shown (GTK_WINDOW (f->window), JD_TYPE_SHORTCUTS));
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (
    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-help-overlay", NULL));
  ITERATE_UNTIL ((dialog = jd_dialog_find_shown (GTK_WINDOW (f->window), JD_TYPE_SHORTCUTS))
                 != NULL);
  g_assert_true (dialog == jd_window_get_help_overlay (f->window));
#if !ADW_CHECK_VERSION(1, 8, 0)
  /* It lists the Request page's Ctrl+Enter too (the dialog of libadwaita
   * 1.8 lists the same: build-aux/check-shortcuts, test shortcuts-in-step). */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_assert_true (overlay_has_accelerator (dialog, "<Control>Return"));
  G_GNUC_END_IGNORE_DEPRECATIONS
  w = GTK_WINDOW (dialog);
  gtk_window_close (w); /* hidden, kept for next time */
  ITERATE_UNTIL (!gtk_widget_get_visible (GTK_WIDGET (w)));
#else
  adw_dialog_close (ADW_DIALOG (dialog)); /* closed, kept for next time */
  ITERATE_UNTIL (jd_dialog_find_shown (GTK_WINDOW (f->window), JD_TYPE_SHORTCUTS) == NULL);
#endif
  g_assert_true (
    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-help-overlay", NULL));
  ITERATE_UNTIL (jd_dialog_find_shown (GTK_WINDOW (f->window), JD_TYPE_SHORTCUTS) == dialog);
#if ADW_CHECK_VERSION(1, 8, 0)
  adw_dialog_close (ADW_DIALOG (dialog));
#else
  gtk_window_close (w);
#endif

  /* About and Expectations: dialogs over this window (jd-dialog.c) */
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  ITERATE_UNTIL ((dialog = jd_dialog_find_shown (GTK_WINDOW (f->window), JD_TYPE_ABOUT)) != NULL);
  jd_test_close_dialog (dialog);

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  ITERATE_UNTIL (
    (dialog = jd_dialog_find_shown (GTK_WINDOW (f->window), JD_TYPE_PREFERENCES_WINDOW)) != NULL);
  jd_test_close_dialog (dialog);
  jd_test_iterate_for (50);
}

static void
test_curl_paste (Fixture *f, gconstpointer data)
{
  g_autofree char *token = make_token ("{\"alg\":\"HS256\"}", "{\"sub\":\"curl\"}");
  g_autofree char *curl = g_strdup_printf ("curl 'https://api.example.com/v2/orders?id=7' \\\n"
                                           "  -H 'accept: application/json' \\\n"
                                           "  -H 'authorization: Bearer %s'",
                                           token);
  JdRequestPage *page;

  jd_token_page_set_text (f->token_page, curl);
  ITERATE_UNTIL (session_caught_up (f));
  g_assert_cmpint (jd_input_get_form (jd_session_get_input (f->session)), ==, JD_INPUT_FORM_CURL);
  g_assert_cmpstr (jd_token_get_text (jd_session_get_token (f->session)), ==, token);

  /* The Request page takes the pasted request: its URL and headers. */
  page = jd_window_get_request_page (f->window);
  g_assert_nonnull (jd_request_page_get_command (page, JD_CURL_WITHOUT_TOKEN));
  g_assert_nonnull (
    strstr (jd_request_page_get_command (page, JD_CURL_WITHOUT_TOKEN), "orders?id=7"));
  g_assert_nonnull (
    strstr (jd_request_page_get_command (page, JD_CURL_WITHOUT_TOKEN), "accept: application/json"));
  g_assert_null (strstr (jd_request_page_get_command (page, JD_CURL_WITHOUT_TOKEN), token));
  g_assert_nonnull (strstr (jd_request_page_get_command (page, JD_CURL_THIS_TOKEN), token));
}

static void
test_secret (Fixture *f, gconstpointer data)
{
  g_autofree char *header = b64url ("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
  g_autofree char *payload = b64url ("{\"sub\":\"hmac\",\"exp\":4000000000}");
  g_autofree char *input = g_strdup_printf ("%s.%s", header, payload);
  g_autoptr (GHmac) hmac
    = g_hmac_new (G_CHECKSUM_SHA256, (const guchar *)"a-shared-secret-of-32-bytes-long", 32);
  guint8 mac[32];
  gsize mac_len = sizeof mac;
  g_autofree char *mac_b64 = NULL;
  g_autofree char *token = NULL;
  g_autoptr (GError) error = NULL;

  g_hmac_update (hmac, (const guchar *)input, -1);
  g_hmac_get_digest (hmac, mac, &mac_len);
  mac_b64 = g_base64_encode (mac, mac_len);
  g_strdelimit (mac_b64, "+", '-');
  g_strdelimit (mac_b64, "/", '_');
  g_strdelimit (mac_b64, "=", '\0');
  token = g_strdup_printf ("%s.%s", input, mac_b64);

  jd_token_page_set_text (f->token_page, token);
  ITERATE_UNTIL (session_caught_up (f));
  g_assert_cmpint (jd_verify_result_get_status (jd_session_get_verification (f->session)), ==,
                   JD_SIGNATURE_UNVERIFIED);
  g_assert_nonnull (strstr (jd_token_page_get_verdict (f->token_page), "not checked"));

  g_assert_true (jd_session_set_secret (f->session, "wrong", FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (jd_verify_result_get_status (jd_session_get_verification (f->session)), ==,
                   JD_SIGNATURE_INVALID);

  /* A new secret replaces the old one: one key in the table, and it verifies. */
  g_assert_true (
    jd_session_set_secret (f->session, "a-shared-secret-of-32-bytes-long", FALSE, &error));
  g_assert_cmpuint (
    g_list_model_get_n_items (jd_keys_page_get_rows (jd_window_get_keys_page (f->window))), ==, 1);
  g_assert_cmpint (jd_verify_result_get_status (jd_session_get_verification (f->session)), ==,
                   JD_SIGNATURE_VALID);
  g_assert_nonnull (strstr (jd_token_page_get_verdict (f->token_page), "Signature valid"));
}

/* Every icon-only button has a name a screen reader can say. */
static void
check_labelled (GtkWidget *widget, guint *n_checked)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_labelled (child, n_checked);

  if ((GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) == NULL
       && gtk_button_get_icon_name (GTK_BUTTON (widget)) != NULL)
      || (GTK_IS_MENU_BUTTON (widget)
          && gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)) == NULL))
    {
      gboolean named
        = gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL)
          || gtk_widget_get_tooltip_text (widget) != NULL;

      if (!named)
        g_test_message ("unlabelled %s in %s", G_OBJECT_TYPE_NAME (widget),
                        G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)));
      g_assert_true (named);
      (*n_checked)++;
    }
}

static void
test_accessible_names (Fixture *f, gconstpointer data)
{
  guint n = 0;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.example", NULL);
  ITERATE_UNTIL (jd_session_get_token (f->session) != NULL && session_caught_up (f));
  jd_request_page_set_url (jd_window_get_request_page (f->window), "https://api.example.com/v2/x");

  check_labelled (GTK_WIDGET (f->window), &n);
  g_assert_cmpuint (n, >=, 5);
}

/* #12 Keys page: a second load says it was added ("N keys from 2
 * sources"), each row says where its key came from, a kid two sources
 * share is marked on the row and named in a finding, and Clear forgets
 * the HMAC secret too. */
static void
test_keys_sources (Fixture *f, gconstpointer data)
{
  JdKeysPage *keys = jd_window_get_keys_page (f->window);
  const char *a = "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"shared\",\"k\":"
                  "\"c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTMyYg\"},"
                  "{\"kty\":\"oct\",\"kid\":\"only-a\",\"k\":"
                  "\"b3RoZXItc2VjcmV0LW90aGVyLXNlY3JldC0zMmJ5dGU\"}]}";
  const char *b = "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"shared\",\"k\":"
                  "\"dGhpcmQtc2VjcmV0LXRoaXJkLXNlY3JldC0zMmJ5dGU\"}]}";
  g_autoptr (GError) error = NULL;
  g_autofree char *source0 = NULL;
  g_autofree char *source2 = NULL;
  g_autofree char *kid0 = NULL;
  g_autofree char *kid1 = NULL;
  g_autofree char *row2 = NULL;
  g_autoptr (GPtrArray) dups = NULL;

  g_assert_true (jd_session_load_keys (f->session, a, strlen (a), "a.json", &error));
  g_assert_no_error (error);
  g_assert_null (strstr (jd_keys_page_get_summary (keys), "Added"));

  /* An RS256 token against HMAC keys only: rejected, never "Accepted",
   * and the banner does not ask for keys that are loaded. */
  {
    g_autofree char *h = b64url ("{\"alg\":\"RS256\"}");
    g_autofree char *p = b64url ("{\"sub\":\"x\",\"exp\":4000000000}");
    g_autofree char *token = g_strdup_printf ("%s.%s.c2ln", h, p);

    jd_token_page_set_text (f->token_page, token);
    ITERATE_UNTIL (session_caught_up (f));
    g_test_message ("verdict: %s", jd_token_page_get_verdict (f->token_page));
    g_assert_nonnull (strstr (jd_token_page_get_verdict (f->token_page), "Rejected"));
    g_assert_nonnull (
      strstr (jd_token_page_get_verdict (f->token_page), "but none can check this"));
    g_assert_nonnull (strstr (jd_keys_page_get_summary (keys), "none can check this"));
  }
  g_assert_true (jd_session_load_keys (f->session, b, strlen (b), "b.json", &error));
  ITERATE_UNTIL (session_caught_up (f));
  g_test_message ("summary: %s", jd_keys_page_get_summary (keys));
  g_assert_nonnull (strstr (jd_keys_page_get_summary (keys), "Added 1 key from b.json"));
  g_assert_nonnull (strstr (jd_keys_page_get_summary (keys), "3 keys from 2 sources"));

  source0 = jd_keys_page_dup_cell (keys, 0, "source");
  source2 = jd_keys_page_dup_cell (keys, 2, "source");
  g_assert_cmpstr (source0, ==, "a.json");
  g_assert_cmpstr (source2, ==, "b.json");
  row2 = jd_keys_page_dup_cell (keys, 2, "row");
  g_assert_cmpstr (row2, ==, "3");
  kid0 = jd_keys_page_dup_cell (keys, 0, "kid");
  kid1 = jd_keys_page_dup_cell (keys, 1, "kid");
  g_assert_cmpstr (kid0, ==, "shared (also key 3)");
  g_assert_cmpstr (kid1, ==, "only-a");
  dups = jd_key_set_cross_source_duplicates (jd_session_get_keys (f->session));
  g_assert_cmpuint (dups->len, ==, 1);
  g_assert_nonnull (
    strstr (jd_finding_get_message (g_ptr_array_index (dups, 0)), "key 1 (from a.json)"));

  /* Replacing (a fetched set) says so. */
  g_assert_true (
    jd_session_replace_keys (f->session, b, strlen (b), "https://id.example.com/jwks", &error));
  ITERATE_UNTIL (session_caught_up (f));
  g_assert_nonnull (
    strstr (jd_keys_page_get_summary (keys), "Replaced the loaded keys with 1 key"));

  /* Clear forgets the secret as well as the keys. */
  g_assert_true (
    jd_session_set_secret (f->session, "a-shared-secret-of-32-bytes-long", FALSE, &error));
  g_assert_cmpuint (jd_key_set_get_n_keys (jd_session_get_keys (f->session)), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (keys), "keys.clear", NULL);
  ITERATE_UNTIL (session_caught_up (f));
  g_assert_cmpuint (jd_key_set_get_n_keys (jd_session_get_keys (f->session)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (jd_keys_page_get_rows (keys)), ==, 0);
}

int
main (int argc, char *argv[])
{
  int ret;

  app = jd_test_application_new (&argc, &argv);

  ADD ("/jd/app/window/empty-state", test_empty_state);
  ADD ("/jd/app/actions/paste", test_paste_action);
  ADD ("/jd/app/window/title", test_title);
  ADD ("/jd/app/window/no-hyphens", test_no_hyphens);
  ADD ("/jd/app/request/empty-state", test_request_empty_state);
  ADD ("/jd/app/actions/open-and-export", test_open_and_export);
  ADD ("/jd/app/actions/copy-report", test_copy_report);
  ADD ("/jd/app/actions/open-keys", test_open_keys);
  ADD ("/jd/app/actions/open-example-file", test_open_example_file);
  ADD ("/jd/app/window/size-saved", test_window_size_saved);
  ADD ("/jd/app/window/menu-windows", test_menu_windows);
  ADD ("/jd/app/request/curl-paste", test_curl_paste);
  ADD ("/jd/app/keys/secret", test_secret);
  ADD ("/jd/app/window/accessible-names", test_accessible_names);
  ADD ("/jd/app/keys/status", test_keys_page);
  ADD ("/jd/app/keys/sources", test_keys_sources);
  ADD ("/jd/app/request/curl", test_request_page);
  ADD ("/jd/app/window/narrow", test_narrow);
  ADD ("/jd/app/window/dark", test_dark);

  ret = g_test_run ();

  g_clear_object (&app);
  return ret;
}
