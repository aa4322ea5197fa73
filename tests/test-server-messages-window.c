/* test-server-messages-window.c — a server's message in the real window
 *
 * The window shows the findings the CLI prints (they share the core): a
 * server's message pasted alone is a report of its own, pasted with its
 * token it is cross-checked with the token, and on the Request page the
 * answer of a real SoupServer on 127.0.0.1 is read the same way.
 * Screenshots land in <builddir>/tests/screenshots.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "jd-base64.h"
#include "jd-request-page.h"
#include "jd-response-view.h"
#include "jd-server-messages.h"
#include "jd-window.h"
#include "test-ui.h"
#include "test-window-util.h"

/* The finding @id as the window lists it, or NULL. */
static JdFinding *
listed_finding (Fixture *f, const char *id)
{
  GListModel *findings = jd_session_get_findings (f->session);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr (JdFinding) finding = g_list_model_get_item (findings, i);

      if (g_strcmp0 (jd_finding_get_id (finding), id) == 0)
        return finding; /* the store keeps it alive */
    }
  return NULL;
}

static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

/* @header and @payload (JSON) under the signature "signature". */
static char *
fake_token (const char *header, const char *payload)
{
  g_autofree char *h = jd_base64url_encode (header, strlen (header));
  g_autofree char *p = jd_base64url_encode (payload, strlen (payload));

  return g_strdup_printf ("%s.%s.c2lnbmF0dXJl", h, p);
}

static void
test_message_only (Fixture *f, gconstpointer data)
{
  const char *message = "Bearer error=\"invalid_token\", error_description=\"The audience "
                        "'api://orders' is invalid\"";
  JdFinding *said;

  jd_token_page_set_text (f->token_page, message);
  ITERATE_UNTIL (session_caught_up (f));

  said = listed_finding (f, JD_FINDING_SERVER_MESSAGE);
  g_assert_nonnull (said);
  g_assert_nonnull (
    strstr (jd_finding_get_message (said), "The audience 'api://orders' is invalid"));
  g_assert_nonnull (listed_finding (f, JD_FINDING_MESSAGE_WITHOUT_TOKEN));
  g_assert_null (listed_finding (f, "malformed"));
  /* both are rows of the findings list */
  g_assert_cmpuint (n_rows (jd_token_page_get_findings_list (f->token_page)), >=, 2);

  jd_test_save_screenshot (GTK_WIDGET (f->window), "server-message-only.png");
}

static void
test_message_with_token (Fixture *f, gconstpointer data)
{
  g_autofree char *token = fake_token ("{\"alg\":\"RS256\",\"kid\":\"k1\"}",
                                       "{\"aud\":\"api://orders\",\"exp\":4102444800}");
  g_autofree char *text = g_strconcat (token, "\nTokenExpiredError: jwt expired\n", NULL);
  JdFinding *said;

  jd_token_page_set_text (f->token_page, text);
  ITERATE_UNTIL (session_caught_up (f));

  g_assert_nonnull (jd_session_get_token (f->session));
  g_assert_cmpstr (jd_token_get_kid (jd_session_get_token (f->session)), ==, "k1");
  said = listed_finding (f, JD_FINDING_SERVER_MESSAGE);
  g_assert_nonnull (said);
  /* exp is in 2100: the server's "expired" disagrees, and the window says so */
  g_assert_nonnull (
    strstr (jd_finding_get_message (said), "But this token's exp is 2100-01-01T00:00:00Z"));
  g_assert_null (listed_finding (f, JD_FINDING_MESSAGE_WITHOUT_TOKEN));

  jd_test_save_screenshot (GTK_WIDGET (f->window), "server-message-with-token.png");
}

/* A message naming the audience the server expects: the banner's verdict
 * names it, and "aud" is not called unchecked. */
static void
test_message_audience_in_verdict (Fixture *f, gconstpointer data)
{
  g_autofree char *token
    = fake_token ("{\"alg\":\"RS256\"}", "{\"aud\":\"api://invoices\",\"exp\":4102444800}");
  g_autofree char *text
    = g_strconcat (token, "\njwt audience invalid. expected: api://orders\n", NULL);
  JdVerdict *verdict;
  const char *const *not_checked;

  jd_token_page_set_text (f->token_page, text);
  ITERATE_UNTIL (session_caught_up (f));

  g_assert_nonnull (listed_finding (f, JD_FINDING_AUDIENCE_MISMATCH));
  verdict = jd_session_get_verdict (f->session);
  g_assert_nonnull (verdict);
  g_assert_nonnull (strstr (jd_verdict_get_headline (verdict), "\"api://orders\""));
  not_checked = jd_verdict_get_not_checked (verdict);
  g_assert_false (not_checked != NULL && g_strv_contains (not_checked, "aud"));
}

/* A 401 whose WWW-Authenticate says, in ASP.NET Core's words, that the
 * server has no key for the token. */
static void
answer_no_key (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
               gpointer user_data)
{
  const char *body = "{\"message\":\"Jwks doesn't have key to match kid or alg from Jwt\"}";

  soup_server_message_set_status (msg, 401, NULL);
  soup_message_headers_append (soup_server_message_get_response_headers (msg), "WWW-Authenticate",
                               "Bearer error=\"invalid_token\", "
                               "error_description=\"The signature key was not found\"");
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, body, strlen (body));
}

static gboolean
lists_server_message (GListModel *findings, const char *needle)
{
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr (JdFinding) finding = g_list_model_get_item (findings, i);

      if (g_str_equal (jd_finding_get_id (finding), JD_FINDING_SERVER_MESSAGE)
          && strstr (jd_finding_get_message (finding), needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
test_request_page (Fixture *f, gconstpointer data)
{
  g_autofree char *token = fake_token ("{\"alg\":\"RS256\",\"kid\":\"k1\"}",
                                       "{\"iss\":\"https://issuer.example/\",\"exp\":4102444800}");
  g_autoptr (SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr (GError) error = NULL;
  GSList *uris;
  g_autofree char *base = NULL;
  g_autofree char *url = NULL;
  JdRequestPage *page = jd_window_get_request_page (f->window);
  JdResponseView *view = jd_request_page_get_response_view (page);

  soup_server_add_handler (server, NULL, answer_no_key, NULL, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  base = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);
  g_assert_true (g_str_has_prefix (base, "http://127.0.0.1:"));
  url = g_strconcat (base, "api", NULL);
  g_settings_set_int (jd_session_get_settings (f->session), "request-timeout", 600);

  jd_window_open_text (f->window, token, strlen (token), "test");
  ITERATE_UNTIL (jd_session_get_token (f->session) != NULL && session_caught_up (f));
  jd_request_page_set_url (page, url);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "request.send", NULL));
  ITERATE_UNTIL (!jd_request_page_get_busy (page));
  g_assert_nonnull (jd_response_view_get_response (view));

  /* the header's words, cross-checked with the token's kid; the body's (Envoy) too */
  g_assert_true (
    lists_server_message (jd_response_view_get_findings (view), "This token's kid is \"k1\""));
  g_assert_true (
    lists_server_message (jd_response_view_get_findings (view), "in the response body"));
  g_assert_true (
    lists_server_message (jd_session_get_findings (f->session), "The signature key was not found"));

  jd_window_set_visible_page (f->window, "request");
  jd_test_save_screenshot (GTK_WIDGET (f->window), "server-message-request-page.png");
  soup_server_disconnect (server);
}

int
main (int argc, char *argv[])
{
  app = jd_test_application_new (&argc, &argv);

  ADD ("/jd/app/server-messages/message-only", test_message_only);
  ADD ("/jd/app/server-messages/with-token", test_message_with_token);
  ADD ("/jd/app/server-messages/audience-in-verdict", test_message_audience_in_verdict);
  ADD ("/jd/app/server-messages/request-page", test_request_page);
  return g_test_run ();
}
