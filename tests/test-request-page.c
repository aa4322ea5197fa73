/* test-request-page.c — the Request page's Send, the response view, and the
 * Keys page's Fetch and Discover, in the real window under Xvfb against a
 * real SoupServer on 127.0.0.1
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "jd-base64.h"
#include "test-tls.h"
#include "test-ui.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>

#include "jd-application.h"
#include "jd-net.h"
#include "jd-www-authenticate.h"
#include "jd-window.h"

static JdApplication *app;

typedef struct
{
  JdWindow *window;
  JdSession *session;
  JdRequestPage *request_page;
  JdKeysPage *keys_page;

  SoupServer *server;
  char *base;        /* http://127.0.0.1:PORT */
  GPtrArray *paused; /* messages the server never answers */
  guint hang_requests;
  char *authorization; /* what the last request carried */
  GBytes *jwks;
} Fixture;

/* ---- Helpers --------------------------------------------------------------- */

static char *
b64url (const char *text)
{
  return jd_base64url_encode (text, strlen (text));
}

/* An RS256 token for the example key set's kid, issued by @iss (nullable). */
static char *
make_token (const char *iss)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *payload = NULL;
  g_autofree char *h = b64url ("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"k_2026_05\"}");
  g_autofree char *p = NULL;

  if (iss != NULL)
    payload = g_strdup_printf ("{\"iss\":\"%s\",\"sub\":\"u1\",\"iat\":%" G_GINT64_FORMAT
                               ",\"exp\":%" G_GINT64_FORMAT "}",
                               iss, now, now + 3600);
  else
    payload = g_strdup_printf ("{\"sub\":\"u1\",\"iat\":%" G_GINT64_FORMAT
                               ",\"exp\":%" G_GINT64_FORMAT "}",
                               now, now + 3600);
  p = b64url (payload);
  return g_strdup_printf ("%s.%s.c2lnbmF0dXJlLWJ5dGVz", h, p);
}

static void
load_token (Fixture *f, const char *token)
{
  jd_window_open_text (f->window, token, strlen (token), "test");
  ITERATE_UNTIL (jd_session_get_token (f->session) != NULL
                 && g_strcmp0 (jd_token_get_text (jd_session_get_token (f->session)), token) == 0);
}

static gboolean
model_has_finding (GListModel *model, const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (JdFinding) finding = g_list_model_get_item (model, i);

      if (g_strcmp0 (jd_finding_get_id (finding), id) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_button_for_action (GtkWidget *widget, gconstpointer action)
{
  return GTK_IS_BUTTON (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static gboolean
is_row_titled (GtkWidget *widget, gconstpointer title)
{
  return ADW_IS_ACTION_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static GtkSwitch *
certificate_switch (Fixture *f)
{
  GtkWidget *row = jd_test_find_widget (GTK_WIDGET (f->request_page), is_row_titled,
                                        "Accept an Invalid Certificate");

  g_assert_nonnull (row);
  return GTK_SWITCH (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)));
}

/* Where the response view's top is inside the page's scrolled window. */
static double
result_top (Fixture *f)
{
  GtkWidget *scroller = adw_bin_get_child (ADW_BIN (f->request_page));
  graphene_point_t point;

  if (!gtk_widget_compute_point (GTK_WIDGET (jd_request_page_get_response_view (f->request_page)),
                                 scroller, &GRAPHENE_POINT_INIT (0, 0), &point))
    return -1;
  return point.y;
}

/* ---- The server --------------------------------------------------------------- */

static void
set_json (SoupServerMessage *msg, guint status, const char *json)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, json, strlen (json));
}

static void
server_callback (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
                 gpointer user_data)
{
  Fixture *f = user_data;
  SoupMessageHeaders *request_headers = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *response_headers = soup_server_message_get_response_headers (msg);

  g_free (f->authorization);
  f->authorization = g_strdup (soup_message_headers_get_one (request_headers, "Authorization"));

  if (g_str_equal (path, "/api/invoices"))
    {
      set_json (msg, 401,
                "{\"error\":\"invalid_token\",\"error_description\":\"The access token expired\"}");
      soup_message_headers_append (response_headers, "WWW-Authenticate",
                                   "Bearer realm=\"invoices\", error=\"invalid_token\", "
                                   "error_description=\"The access token expired\"");
    }
  else if (g_str_equal (path, "/gateway"))
    {
      set_json (msg, 401, "{\"message\":\"Unauthorized\"}");
      soup_message_headers_replace (response_headers, "Server", "test-gateway");
    }
  else if (g_str_has_prefix (path, "/hang"))
    {
      f->hang_requests++;
      g_ptr_array_add (f->paused, g_object_ref (msg));
      soup_server_message_pause (msg);
    }
  else if (g_str_equal (path, "/jwks.json"))
    {
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (f->jwks, NULL),
                                        g_bytes_get_size (f->jwks));
      soup_message_headers_replace (response_headers, "Cache-Control", "public, max-age=600");
    }
  else if (g_str_equal (path, "/.well-known/openid-configuration"))
    {
      g_autofree char *doc
        = g_strdup_printf ("{\"issuer\":\"%s\",\"jwks_uri\":\"%s/jwks.json\"}", f->base, f->base);

      set_json (msg, 200, doc);
    }
  else if (g_str_equal (path, "/elsewhere/.well-known/openid-configuration"))
    {
      g_autofree char *doc = g_strdup_printf (
        "{\"issuer\":\"https://login.example.com/\",\"jwks_uri\":\"%s/jwks.json\"}", f->base);

      set_json (msg, 200, doc);
    }
  else
    set_json (msg, 404, "{}");
}

/* ---- Fixture ---------------------------------------------------------------- */

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *jwks_path
    = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "article-jwks.json", NULL);
  g_autofree char *contents = NULL;
  gsize len;
  GSList *uris;

  g_assert_true (g_file_get_contents (jwks_path, &contents, &len, &error));
  g_assert_no_error (error);
  f->jwks = g_bytes_new_take (g_steal_pointer (&contents), len);

  f->paused = g_ptr_array_new_with_free_func (g_object_unref);
  f->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (f->server, NULL, server_callback, f, NULL);
  soup_server_listen_local (f->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (f->server);
  f->base = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);
  if (g_str_has_suffix (f->base, "/"))
    f->base[strlen (f->base) - 1] = '\0';
  g_assert_true (g_str_has_prefix (f->base, "http://127.0.0.1:"));

  f->window = jd_window_new (GTK_APPLICATION (app));
  f->session = jd_window_get_session (f->window);
  f->request_page = jd_window_get_request_page (f->window);
  f->keys_page = jd_window_get_keys_page (f->window);
  /* A sanitizer build on a busy machine can take longer than the default
   * 30 s; the tests that need an answer get one, the others cancel. */
  g_assert_nonnull (jd_session_get_settings (f->session));
  g_settings_set_int (jd_session_get_settings (f->session), "request-timeout", 600);
  jd_test_present (GTK_WINDOW (f->window), 900, 700);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  jd_test_destroy (GTK_WINDOW (f->window));

  for (guint i = 0; i < f->paused->len; i++)
    {
      SoupServerMessage *msg = g_ptr_array_index (f->paused, i);

      set_json (msg, 504, "{}");
      soup_server_message_unpause (msg);
    }
  jd_test_iterate_for (50);
  g_ptr_array_unref (f->paused);
  soup_server_disconnect (f->server);
  g_clear_object (&f->server);
  g_free (f->base);
  g_free (f->authorization);
  g_bytes_unref (f->jwks);
}

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

static void
send_and_wait (Fixture *f, const char *path)
{
  g_autofree char *url = g_strconcat (f->base, path, NULL);
  JdResponseView *view = jd_request_page_get_response_view (f->request_page);
  JdResponse *before = jd_response_view_get_response (view);

  jd_request_page_set_url (f->request_page, url);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->request_page), "request.send", NULL));
  g_assert_true (jd_request_page_get_busy (f->request_page));
  ITERATE_UNTIL (!jd_request_page_get_busy (f->request_page));
  g_assert_null (jd_request_page_get_problem (f->request_page));
  g_assert_true (jd_response_view_get_response (view) != before);
}

/* ---- Tests -------------------------------------------------------------------- */

static void
test_nothing_sent_until_asked (Fixture *f, gconstpointer data)
{
  g_autofree char *token = make_token (NULL);
  g_autofree char *url = g_strconcat (f->base, "/api/invoices", NULL);
  GtkWidget *send;

  load_token (f, token);
  send = jd_test_find_widget (GTK_WIDGET (f->request_page), is_button_for_action, "request.send");
  g_assert_nonnull (send);
  /* No URL: Send is disabled. */
  g_assert_false (gtk_widget_is_sensitive (send));

  jd_request_page_set_url (f->request_page, url);
  jd_test_iterate_for (100);
  g_assert_true (gtk_widget_is_sensitive (send));
  /* Typing a URL and a token composed the curl commands but sent nothing. */
  g_assert_nonnull (
    strstr (jd_request_page_get_command (f->request_page, JD_CURL_THIS_TOKEN), token));
  g_assert_null (f->authorization);
  g_assert_false (jd_request_page_get_busy (f->request_page));
}

static gboolean
is_copy_button (GtkWidget *widget, gconstpointer tooltip)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

/* Issue 12: a copy button's check mark resets when the text it copies changes. */
static void
test_copy_check_mark (Fixture *f, gconstpointer data)
{
  g_autofree char *token = make_token (NULL);
  g_autofree char *url = g_strconcat (f->base, "/api/invoices", NULL);
  g_autofree char *other = g_strconcat (f->base, "/api/orders", NULL);
  GtkWidget *copy_this, *copy_fresh;

  load_token (f, token);
  jd_request_page_set_url (f->request_page, url);
  jd_test_iterate_for (100);
  copy_this = jd_test_find_widget (GTK_WIDGET (f->request_page), is_copy_button,
                                   "Copy the command “With This Token”");
  copy_fresh = jd_test_find_widget (GTK_WIDGET (f->request_page), is_copy_button,
                                    "Copy the command “With a Fresh Token”");
  g_assert_nonnull (copy_this);
  g_assert_nonnull (copy_fresh);

  g_signal_emit_by_name (copy_this, "clicked");
  g_signal_emit_by_name (copy_fresh, "clicked");
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (copy_this)), ==, "emblem-ok-symbolic");
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (copy_fresh)), ==, "emblem-ok-symbolic");

  /* A new token: the command with it changed, the fresh-token one did not. */
  {
    g_autofree char *second = make_token ("https://second.example.com/");

    load_token (f, second);
    jd_test_iterate_for (100);
    g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (copy_this)), ==, "edit-copy-symbolic");
    g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (copy_fresh)), ==, "emblem-ok-symbolic");
  }

  /* Another URL changes them all. */
  jd_request_page_set_url (f->request_page, other);
  jd_test_iterate_for (100);
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (copy_fresh)), ==, "edit-copy-symbolic");
}

static void
test_send_401_bearer (Fixture *f, gconstpointer data)
{
  g_autofree char *token = make_token (NULL);
  g_autofree char *expected = g_strconcat ("Bearer ", token, NULL);
  JdResponseView *view = jd_request_page_get_response_view (f->request_page);
  GtkSwitch *cert = certificate_switch (f);
  g_autofree char *body = NULL;

  load_token (f, token);
  jd_request_page_set_headers (f->request_page,
                               "Accept: application/json\nX-Trace: test-request-page\n");
  gtk_switch_set_active (cert, TRUE);

  send_and_wait (f, "/api/invoices");

  /* The request carried this token. */
  g_assert_cmpstr (f->authorization, ==, expected);

  /* Status, explained; the RFC 6750 error explained with its description. */
  g_assert_nonnull (strstr (jd_response_view_get_status_text (view), "401"));
  g_assert_true (
    model_has_finding (jd_response_view_get_findings (view), JD_FINDING_BEARER_INVALID_TOKEN));
  g_assert_true (model_has_finding (jd_session_get_findings (f->session), JD_FINDING_STATUS_401));
  g_assert_false (
    model_has_finding (jd_response_view_get_findings (view), JD_FINDING_MISSING_WWW_AUTHENTICATE));

  /* The body, pretty-printed JSON. */
  body = jd_response_view_dup_body_text (view);
  g_assert_nonnull (strstr (body, "\"error\" : \"invalid_token\""));
  g_assert_nonnull (strchr (body, '\n'));

  /* The Token page ranks the answer's findings with the token's. */
  g_assert_true (
    model_has_finding (jd_session_get_findings (f->session), JD_FINDING_BEARER_INVALID_TOKEN));

  /* Accepting an invalid certificate lasts one request. */
  g_assert_false (gtk_switch_get_active (cert));

  /* Shown, the page scrolls the answer into view (laid out, not only the
   * adjustment's value: the screenshot draws what was allocated). */
  jd_window_set_visible_page (f->window, "request");
  ITERATE_UNTIL (result_top (f) >= 0 && result_top (f) < 100);
  jd_test_save_screenshot (GTK_WIDGET (f->window), "request-page-401.png");

  /* A new token drops the old answer's findings from the Token page. */
  {
    g_autofree char *other = make_token ("https://other.example.com/");

    load_token (f, other);
    g_assert_false (
      model_has_finding (jd_session_get_findings (f->session), JD_FINDING_BEARER_INVALID_TOKEN));
  }
}

static void
test_send_401_without_challenge (Fixture *f, gconstpointer data)
{
  g_autofree char *token = make_token (NULL);
  JdResponseView *view = jd_request_page_get_response_view (f->request_page);

  load_token (f, token);
  send_and_wait (f, "/gateway");

  g_assert_nonnull (strstr (jd_response_view_get_status_text (view), "401"));
  g_assert_true (
    model_has_finding (jd_response_view_get_findings (view), JD_FINDING_MISSING_WWW_AUTHENTICATE));
  g_assert_true (
    model_has_finding (jd_session_get_findings (f->session), JD_FINDING_MISSING_WWW_AUTHENTICATE));
}

static void
test_send_without_token (Fixture *f, gconstpointer data)
{
  g_autofree char *token = make_token (NULL);
  GtkWidget *row
    = jd_test_find_widget (GTK_WIDGET (f->request_page), is_row_titled, "Carry This Token");

  load_token (f, token);
  g_assert_nonnull (row);
  gtk_switch_set_active (GTK_SWITCH (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row))),
                         FALSE);
  send_and_wait (f, "/api/invoices");
  g_assert_null (f->authorization);
  /* The commands still show all three calls. */
  g_assert_nonnull (
    strstr (jd_request_page_get_command (f->request_page, JD_CURL_THIS_TOKEN), token));
}

/* With the headers editor full (JD_HEADERS_MAX_COUNT lines), the token
 * is not the header the limit drops: one of the editor's is, and the page
 * says so instead of sending. One line fewer: sent, with the token. */
static void
test_headers_full (Fixture *f, gconstpointer data)
{
  g_autofree char *token = make_token (NULL);
  g_autofree char *url = g_strconcat (f->base, "/api/invoices", NULL);
  g_autofree char *bearer = g_strconcat ("Bearer ", token, NULL);
  g_autoptr (GString) lines = g_string_new (NULL);
  const char *problem;

  load_token (f, token);
  for (guint i = 1; i <= JD_HEADERS_MAX_COUNT; i++)
    g_string_append_printf (lines, "X-H%u: v\n", i);
  jd_request_page_set_headers (f->request_page, lines->str);
  jd_request_page_set_url (f->request_page, url);
  jd_test_iterate_for (100);
  g_assert_nonnull (
    strstr (jd_request_page_get_command (f->request_page, JD_CURL_THIS_TOKEN), token));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->request_page), "request.send", NULL));
  g_assert_false (jd_request_page_get_busy (f->request_page));
  problem = jd_request_page_get_problem (f->request_page);
  g_assert_nonnull (problem);
  g_test_message ("%s", problem);
  g_assert_nonnull (strstr (problem, "(“X-H500”)"));
  g_assert_nonnull (strstr (problem, "501 headers"));
  g_assert_null (f->authorization);

  /* 499 lines and the token: 500, all sent. */
  g_string_truncate (lines, strstr (lines->str, "X-H500:") - lines->str);
  jd_request_page_set_headers (f->request_page, lines->str);
  send_and_wait (f, "/api/invoices");
  g_assert_cmpstr (f->authorization, ==, bearer);
}

static void
test_shortcut (Fixture *f, gconstpointer data)
{
  g_autoptr (GListModel) controllers
    = gtk_widget_observe_controllers (GTK_WIDGET (f->request_page));
  gboolean found = FALSE;

  /* Ctrl+Enter is the page's Send, caught before the headers editor
   * would insert a line break. */
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !found; i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);
      g_autoptr (GListModel) shortcuts = NULL;

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      shortcuts = g_object_ref (G_LIST_MODEL (controller));
      for (guint j = 0; j < g_list_model_get_n_items (shortcuts); j++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (shortcuts, j);
          g_autofree char *trigger
            = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          g_autofree char *action
            = gtk_shortcut_action_to_string (gtk_shortcut_get_action (shortcut));

          if (strstr (trigger, "<Control>Return") != NULL
              && strstr (action, "request.send") != NULL)
            {
              g_assert_cmpint (gtk_event_controller_get_propagation_phase (controller), ==,
                               GTK_PHASE_CAPTURE);
              found = TRUE;
            }
        }
    }
  g_assert_true (found);
}

static void
test_show_har_response (Fixture *f, gconstpointer data)
{
  g_autofree char *token = make_token (NULL);
  g_autoptr (JdResponse) response = jd_response_new (401, "Unauthorized");
  g_autoptr (GBytes) body = g_bytes_new_static ("<h1>401</h1>", 12);
  JdResponseView *view = jd_request_page_get_response_view (f->request_page);

  load_token (f, token);
  jd_response_add_header (response, "Content-Type", "text/html");
  jd_response_set_body (response, body, FALSE);
  jd_request_page_show_response (f->request_page, response);

  g_assert_true (jd_response_view_get_response (view) == response);
  g_assert_true (
    model_has_finding (jd_response_view_get_findings (view), JD_FINDING_MISSING_WWW_AUTHENTICATE));
  g_assert_true (
    model_has_finding (jd_session_get_findings (f->session), JD_FINDING_MISSING_WWW_AUTHENTICATE));
  g_assert_null (f->authorization); /* shown, not sent */
}

static void
test_cancel (Fixture *f, gconstpointer data)
{
  g_autofree char *token = make_token (NULL);
  g_autofree char *url = g_strconcat (f->base, "/hang", NULL);
  GtkWidget *cancel
    = jd_test_find_widget (GTK_WIDGET (f->request_page), is_button_for_action, "request.cancel");

  load_token (f, token);
  jd_request_page_set_url (f->request_page, url);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->request_page), "request.send", NULL));
  ITERATE_UNTIL (f->hang_requests == 1);
  g_assert_true (jd_request_page_get_busy (f->request_page));
  g_assert_nonnull (cancel);
  g_assert_true (gtk_widget_get_visible (cancel) && gtk_widget_is_sensitive (cancel));

  /* A second Send while one runs does nothing. */
  gtk_widget_activate_action (GTK_WIDGET (f->request_page), "request.send", NULL);

  g_signal_emit_by_name (cancel, "clicked");
  ITERATE_UNTIL (!jd_request_page_get_busy (f->request_page));
  g_assert_nonnull (jd_request_page_get_problem (f->request_page));
  g_assert_true (g_str_has_prefix (jd_request_page_get_problem (f->request_page), "Cancelled"));
  g_assert_cmpuint (f->hang_requests, ==, 1);
  g_assert_false (gtk_widget_get_visible (cancel));
}

static void
test_connection_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (GSocketListener) listener = g_socket_listener_new ();
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr (GSocketAddress) effective = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *url = NULL;
  GtkWidget *send
    = jd_test_find_widget (GTK_WIDGET (f->request_page), is_button_for_action, "request.send");

  /* A port that was free a moment ago and is closed now. */
  g_socket_listener_add_address (listener, address, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                 NULL, &effective, &error);
  g_assert_no_error (error);
  url = g_strdup_printf ("http://127.0.0.1:%u/api",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective)));
  g_socket_listener_close (listener);

  jd_request_page_set_url (f->request_page, url);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->request_page), "request.send", NULL));
  ITERATE_UNTIL (!jd_request_page_get_busy (f->request_page));
  g_assert_nonnull (jd_request_page_get_problem (f->request_page));
  g_assert_true (
    g_str_has_prefix (jd_request_page_get_problem (f->request_page), "Could Not Connect"));
  /* The request stays editable and can be sent again. */
  g_assert_true (gtk_widget_is_sensitive (send));
  jd_window_set_visible_page (f->window, "request");
  jd_test_save_screenshot (GTK_WIDGET (f->window), "request-page-refused.png");

  /* A header line that is not a header: said where, nothing sent. */
  jd_request_page_set_headers (f->request_page, "Accept: */*\nnot a header\n");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->request_page), "request.send", NULL));
  g_assert_false (jd_request_page_get_busy (f->request_page));
  g_assert_nonnull (strstr (jd_request_page_get_problem (f->request_page), "line 2"));
}

static void
test_self_signed (Fixture *f, gconstpointer data)
{
  g_autoptr (GTlsCertificate) certificate = jd_test_make_certificate ();
  g_autoptr (SoupServer) tls = soup_server_new ("tls-certificate", certificate, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *token = make_token (NULL);
  g_autofree char *url = NULL;
  GSList *uris;
  GtkSwitch *cert = certificate_switch (f);
  JdResponseView *view = jd_request_page_get_response_view (f->request_page);

  soup_server_add_handler (tls, NULL, server_callback, f, NULL);
  soup_server_listen_local (tls, 0, SOUP_SERVER_LISTEN_IPV4_ONLY | SOUP_SERVER_LISTEN_HTTPS,
                            &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (tls);
  url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);
  g_assert_true (g_str_has_prefix (url, "https://127.0.0.1:"));

  load_token (f, token);
  jd_request_page_set_url (f->request_page, url);

  /* Refused, with the problem in words; nothing was answered. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->request_page), "request.send", NULL));
  ITERATE_UNTIL (!jd_request_page_get_busy (f->request_page));
  g_assert_nonnull (jd_request_page_get_problem (f->request_page));
  g_test_message ("%s", jd_request_page_get_problem (f->request_page));
  g_assert_true (
    g_str_has_prefix (jd_request_page_get_problem (f->request_page), "Certificate Refused"));
  g_assert_nonnull (strstr (jd_request_page_get_problem (f->request_page), "trust"));
  g_assert_null (f->authorization);

  /* Accepted for one request: the answer says so, and the switch is off again. */
  gtk_switch_set_active (cert, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->request_page), "request.send", NULL));
  ITERATE_UNTIL (!jd_request_page_get_busy (f->request_page));
  g_assert_null (jd_request_page_get_problem (f->request_page));
  g_assert_nonnull (strstr (jd_response_view_get_status_text (view), "404"));
  g_assert_true (
    model_has_finding (jd_response_view_get_findings (view), JD_FINDING_CERTIFICATE_ACCEPTED));
  g_assert_false (gtk_switch_get_active (cert));

  /* The next request is refused again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->request_page), "request.send", NULL));
  ITERATE_UNTIL (!jd_request_page_get_busy (f->request_page));
  g_assert_true (
    g_str_has_prefix (jd_request_page_get_problem (f->request_page), "Certificate Refused"));

  soup_server_disconnect (tls);
}

static void
test_fetch_jwks (Fixture *f, gconstpointer data)
{
  g_autofree char *token = make_token (NULL);
  g_autofree char *url = g_strconcat (f->base, "/jwks.json", NULL);
  g_autofree char *fetched = NULL;
  GtkWidget *discover;

  load_token (f, token);
  g_assert_cmpuint (g_list_model_get_n_items (jd_keys_page_get_rows (f->keys_page)), ==, 0);

  /* The token has no iss: Discover is disabled and says why. */
  discover = jd_test_find_widget (GTK_WIDGET (f->keys_page), is_button_for_action, "keys.discover");
  g_assert_nonnull (discover);
  g_assert_false (gtk_widget_is_sensitive (discover));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (discover), "iss"));

  jd_keys_page_set_jwks_url (f->keys_page, url);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->keys_page), "keys.fetch", NULL));
  g_assert_true (jd_keys_page_get_busy (f->keys_page));
  ITERATE_UNTIL (!jd_keys_page_get_busy (f->keys_page));
  g_assert_null (jd_keys_page_get_error (f->keys_page));

  g_assert_cmpuint (g_list_model_get_n_items (jd_keys_page_get_rows (f->keys_page)), ==, 2);
  fetched = jd_keys_page_dup_fetched_text (f->keys_page);
  g_assert_nonnull (fetched);
  g_test_message ("%s", fetched);
  g_assert_true (g_str_has_prefix (fetched, "Fetched at "));
  g_assert_nonnull (strstr (fetched, url));
  g_assert_nonnull (strstr (fetched, "max-age=600"));
  g_assert_nonnull (strstr (fetched, "10 minutes"));
  g_assert_true (model_has_finding (jd_session_get_findings (f->session), JD_FINDING_JWKS_FETCHED));

  /* Fetching again replaces the set rather than adding to it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->keys_page), "keys.fetch", NULL));
  ITERATE_UNTIL (!jd_keys_page_get_busy (f->keys_page));
  g_assert_cmpuint (g_list_model_get_n_items (jd_keys_page_get_rows (f->keys_page)), ==, 2);

  /* A URL that answers 404: an error on the page, the keys unchanged. */
  {
    g_autofree char *missing = g_strconcat (f->base, "/nothing.json", NULL);

    jd_keys_page_set_jwks_url (f->keys_page, missing);
    gtk_widget_activate_action (GTK_WIDGET (f->keys_page), "keys.fetch", NULL);
    ITERATE_UNTIL (!jd_keys_page_get_busy (f->keys_page));
    g_assert_nonnull (jd_keys_page_get_error (f->keys_page));
    g_test_message ("%s", jd_keys_page_get_error (f->keys_page));
    g_assert_nonnull (strstr (jd_keys_page_get_error (f->keys_page), "404"));
    g_assert_cmpuint (g_list_model_get_n_items (jd_keys_page_get_rows (f->keys_page)), ==, 2);
  }

  jd_window_set_visible_page (f->window, "keys");
  jd_test_save_screenshot (GTK_WIDGET (f->window), "keys-page-fetched.png");
}

static void
test_discover (Fixture *f, gconstpointer data)
{
  g_autofree char *token = make_token (f->base);
  g_autofree char *jwks_uri = g_strconcat (f->base, "/jwks.json", NULL);
  g_autofree char *fetched = NULL;
  GtkWidget *discover
    = jd_test_find_widget (GTK_WIDGET (f->keys_page), is_button_for_action, "keys.discover");

  load_token (f, token);
  jd_test_iterate_for (50);
  g_assert_true (gtk_widget_is_sensitive (discover));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->keys_page), "keys.discover", NULL));
  ITERATE_UNTIL (!jd_keys_page_get_busy (f->keys_page));
  g_assert_null (jd_keys_page_get_error (f->keys_page));
  g_assert_cmpuint (g_list_model_get_n_items (jd_keys_page_get_rows (f->keys_page)), ==, 2);
  fetched = jd_keys_page_dup_fetched_text (f->keys_page);
  g_assert_nonnull (strstr (fetched, jwks_uri));
  g_assert_false (model_has_finding (jd_keys_page_get_remote_findings (f->keys_page),
                                     JD_FINDING_DISCOVERY_ISSUER_MISMATCH));
}

static void
test_discover_issuer_mismatch (Fixture *f, gconstpointer data)
{
  g_autofree char *iss = g_strconcat (f->base, "/elsewhere", NULL);
  g_autofree char *token = make_token (iss);

  load_token (f, token);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->keys_page), "keys.discover", NULL));
  ITERATE_UNTIL (!jd_keys_page_get_busy (f->keys_page));
  /* OIDC Discovery §4.3: a document for another issuer MUST NOT be used:
   * none of its keys are loaded, and an error says why (#12). */
  g_assert_cmpuint (g_list_model_get_n_items (jd_keys_page_get_rows (f->keys_page)), ==, 0);
  g_assert_true (model_has_finding (jd_keys_page_get_remote_findings (f->keys_page),
                                    JD_FINDING_DISCOVERY_ISSUER_MISMATCH));
  g_assert_null (jd_keys_page_dup_fetched_text (f->keys_page));
  g_assert_nonnull (jd_keys_page_get_error (f->keys_page));
  g_assert_nonnull (strstr (jd_keys_page_get_error (f->keys_page), "MUST NOT be used"));
  /* … and the Token page ranks it too. */
  g_assert_true (
    model_has_finding (jd_session_get_findings (f->session), JD_FINDING_DISCOVERY_ISSUER_MISMATCH));

  /* The key set stays loaded for the next token, and what it said with it
   * (the document's issuer is compared with the issuer that was asked). */
  {
    g_autofree char *other = make_token ("https://login.example.com/");

    load_token (f, other);
    g_assert_true (model_has_finding (jd_session_get_findings (f->session),
                                      JD_FINDING_DISCOVERY_ISSUER_MISMATCH));
    g_assert_cmpuint (g_list_model_get_n_items (jd_keys_page_get_rows (f->keys_page)), ==, 0);
  }

  /* Clear forgets the fetched set and what it said. */
  gtk_widget_activate_action (GTK_WIDGET (f->keys_page), "keys.clear", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (jd_keys_page_get_rows (f->keys_page)), ==, 0);
  g_assert_null (jd_keys_page_dup_fetched_text (f->keys_page));
  g_assert_false (
    model_has_finding (jd_session_get_findings (f->session), JD_FINDING_DISCOVERY_ISSUER_MISMATCH));
}

static void
test_discover_cancel (Fixture *f, gconstpointer data)
{
  g_autofree char *iss = g_strconcat (f->base, "/hang", NULL);
  g_autofree char *token = make_token (iss);

  load_token (f, token);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->keys_page), "keys.discover", NULL));
  ITERATE_UNTIL (f->hang_requests > 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->keys_page), "keys.cancel", NULL));
  ITERATE_UNTIL (!jd_keys_page_get_busy (f->keys_page));
  g_assert_nonnull (strstr (jd_keys_page_get_error (f->keys_page), "Cancelled"));
}

int
main (int argc, char *argv[])
{
  int ret;

  app = jd_test_application_new (&argc, &argv);

  ADD ("/jd/app/request/nothing-sent-until-asked", test_nothing_sent_until_asked);
  ADD ("/jd/app/request/send-401-bearer", test_send_401_bearer);
  ADD ("/jd/app/request/copy-check-mark", test_copy_check_mark);
  ADD ("/jd/app/request/send-401-without-challenge", test_send_401_without_challenge);
  ADD ("/jd/app/request/send-without-token", test_send_without_token);
  ADD ("/jd/app/request/headers-full", test_headers_full);
  ADD ("/jd/app/request/cancel", test_cancel);
  ADD ("/jd/app/request/ctrl-enter", test_shortcut);
  ADD ("/jd/app/request/show-har-response", test_show_har_response);
  ADD ("/jd/app/request/connection-refused", test_connection_refused);
  ADD ("/jd/app/request/self-signed", test_self_signed);
  ADD ("/jd/app/keys/fetch", test_fetch_jwks);
  ADD ("/jd/app/keys/discover", test_discover);
  ADD ("/jd/app/keys/discover-issuer-mismatch", test_discover_issuer_mismatch);
  ADD ("/jd/app/keys/discover-cancel", test_discover_cancel);

  ret = g_test_run ();

  g_clear_object (&app);
  return ret;
}
