/* test-net.c — src/net: real SoupServers on 127.0.0.1 (one of them TLS
 * with a certificate made here with GnuTLS), driven by jd-net.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "jd-base64.h"
#include "jd-net.h"
#include "jd-www-authenticate.h"
#include "test-run.h"
#include "test-tls.h"
#include "jd-net-key-trust.h"

/* ------------------------------------------------------------------ */
/* Servers, in a thread of their own (the sync API iterates a private  */
/* main context, so the servers cannot live on the test's context)     */

typedef struct
{
  GThread *thread;
  GMainContext *context;
  GMainLoop *loop;
  SoupServer *plain; /* http://127.0.0.1:A */
  SoupServer *other; /* http://127.0.0.1:B, another origin */
  SoupServer *tls;   /* https://127.0.0.1:C, self-signed */
  char *plain_url;   /* without trailing slash */
  char *other_url;
  char *tls_url;
  GMutex lock;
  GCond cond;
  gboolean ready;
  /* what the servers saw, under lock */
  char *last_authorization_plain;
  char *last_authorization_other;
  char *last_cookie_other;
  guint other_hits;
  GPtrArray *paused; /* SoupServerMessage that never get an answer */
} Servers;

static Servers *servers;

/* RFC 7517 A.1's EC public key, and a second one with another kid */
#define JWKS                                                                                       \
  "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":"                                            \
  "\"MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4\","                                               \
  "\"y\":\"4Etl6SRW2YiLUrN5vfvVHuhNwGJeeA0lWyrPfmOT5W8\",\"use\":\"sig\",\"kid\":\"1\"},"          \
  "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4\","       \
  "\"y\":\"4Etl6SRW2YiLUrN5vfvVHuhNwGJeeA0lWyrPfmOT5W8\",\"use\":\"sig\",\"kid\":\"2\"}]}"

static void
record (Servers *s, SoupServerMessage *msg, gboolean other)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  g_mutex_lock (&s->lock);
  if (other)
    {
      g_free (s->last_authorization_other);
      g_free (s->last_cookie_other);
      s->last_authorization_other
        = g_strdup (soup_message_headers_get_one (headers, "Authorization"));
      s->last_cookie_other = g_strdup (soup_message_headers_get_one (headers, "Cookie"));
      s->other_hits++;
    }
  else
    {
      g_free (s->last_authorization_plain);
      s->last_authorization_plain
        = g_strdup (soup_message_headers_get_one (headers, "Authorization"));
    }
  g_mutex_unlock (&s->lock);
}

static void
set_json (SoupServerMessage *msg, guint status, const char *json)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, json, strlen (json));
}

static void
on_wrote_chunk (SoupServerMessage *msg, gpointer user_data)
{
  static const char chunk[4096] = { [0 ... 4095] = 'x' };
  SoupMessageBody *body = soup_server_message_get_response_body (msg);

  soup_message_body_append (body, SOUP_MEMORY_STATIC, chunk, sizeof chunk);
}

static void
handle_plain (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
              gpointer user_data)
{
  Servers *s = user_data;
  SoupMessageHeaders *response_headers = soup_server_message_get_response_headers (msg);

  record (s, msg, FALSE);

  if (g_str_equal (path, "/ok"))
    {
      set_json (msg, 200, "{\"hello\":\"world\"}");
      soup_message_headers_append (response_headers, "X-Test", "one");
      soup_message_headers_append (response_headers, "X-Test", "two");
    }
  else if (g_str_has_prefix (path, "/401/"))
    {
      g_autofree char *challenge = g_strdup_printf (
        "Bearer realm=\"test\", error=\"%s\", error_description=\"said by the test server\"%s",
        path + 5, g_str_equal (path + 5, "insufficient_scope") ? ", scope=\"orders:write\"" : "");
      set_json (msg,
                g_str_equal (path + 5, "insufficient_scope") ? 403
                : g_str_equal (path + 5, "invalid_request")  ? 400
                                                             : 401,
                "{\"error\":\"no\"}");
      soup_message_headers_append (response_headers, "WWW-Authenticate", challenge);
    }
  else if (g_str_equal (path, "/401-bare"))
    {
      set_json (msg, 401, "{\"message\":\"Unauthorized\"}");
      soup_message_headers_replace (response_headers, "Server", "test-gateway");
    }
  else if (g_str_equal (path, "/403"))
    set_json (msg, 403, "{\"message\":\"Forbidden\"}");
  else if (g_str_equal (path, "/challenges"))
    {
      set_json (msg, 401, "{}");
      soup_message_headers_append (response_headers, "WWW-Authenticate",
                                   "Basic realm=\"legacy\", Negotiate");
      soup_message_headers_append (
        response_headers, "WWW-Authenticate",
        "Bearer realm=\"api\", error=\"invalid_token\", error_description=\"expired\"");
    }
  else if (g_str_equal (path, "/skewed"))
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr (GDateTime) later = g_date_time_add_minutes (now, 5);
      g_autofree char *date = g_date_time_format (later, "%a, %d %b %Y %H:%M:%S GMT");
      set_json (msg, 200, "{}");
      soup_message_headers_replace (response_headers, "Date", date);
    }
  else if (g_str_equal (path, "/hang"))
    {
      g_mutex_lock (&s->lock);
      g_ptr_array_add (s->paused, g_object_ref (msg));
      g_mutex_unlock (&s->lock);
      soup_server_message_pause (msg);
    }
  else if (g_str_equal (path, "/endless"))
    {
      soup_server_message_set_status (msg, 200, NULL);
      soup_message_headers_set_encoding (response_headers, SOUP_ENCODING_CHUNKED);
      soup_message_body_set_accumulate (soup_server_message_get_response_body (msg), FALSE);
      g_signal_connect (msg, "wrote-chunk", G_CALLBACK (on_wrote_chunk), NULL);
      g_signal_connect (msg, "wrote-headers", G_CALLBACK (on_wrote_chunk), NULL);
    }
  else if (g_str_equal (path, "/jwks"))
    {
      set_json (msg, 200, JWKS);
      soup_message_headers_replace (response_headers, "Cache-Control", "public, max-age=600");
    }
  else if (g_str_equal (path, "/jwks-not-json"))
    set_json (msg, 200, "<html>Sign in</html>");
  else if (g_str_equal (path, "/jwks-broken-json"))
    set_json (msg, 200, "{\"keys\":[{\"kty\":\"EC\",}]}");
  else if (g_str_equal (path, "/issuer/.well-known/openid-configuration"))
    {
      g_autofree char *doc = g_strdup_printf ("{\"issuer\":\"%s/issuer\",\"jwks_uri\":\"%s/jwks\"}",
                                              s->plain_url, s->plain_url);
      set_json (msg, 200, doc);
    }
  else if (g_str_equal (path, "/nojwks/.well-known/openid-configuration"))
    set_json (msg, 200, "{\"issuer\":\"x\"}");
  else if (g_str_equal (path, "/notjson/.well-known/openid-configuration"))
    set_json (msg, 200, "{\"issuer\":");
  else if (g_str_equal (path, "/deep/.well-known/openid-configuration"))
    {
      /* {"a":[[[…]]]} nested 2,000,000 deep (4 MB): a recursive parser overflows the stack */
      const gsize depth = 2000000;
      char *doc = g_malloc (depth * 2 + 7);

      memcpy (doc, "{\"a\":", 5);
      memset (doc + 5, '[', depth);
      memset (doc + 5 + depth, ']', depth);
      memcpy (doc + 5 + depth * 2, "}", 2);
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, doc,
                                        depth * 2 + 6);
    }
  else if (g_str_equal (path, "/exact"))
    set_json (msg, 200, "[1,2,3]");
  else if (g_str_equal (path, "/redirect-other"))
    {
      g_autofree char *target = g_strdup_printf ("%s/landing", s->other_url);
      soup_server_message_set_redirect (msg, 302, target);
    }
  else if (g_str_equal (path, "/redirect-same"))
    soup_server_message_set_redirect (msg, 302, "/ok");
  else if (g_str_equal (path, "/redirect-loop"))
    soup_server_message_set_redirect (msg, 302, "/redirect-loop");
  else if (g_str_equal (path, "/redirect-ftp"))
    soup_server_message_set_redirect (msg, 302, "ftp://127.0.0.1/x");
  else if (g_str_equal (path, "/redirect-ftp-secret"))
    soup_server_message_set_redirect (
      msg, 302, "ftp://alice:hunter2@127.0.0.1/x?access_token=SeCrEt42#SeCrEt42");
  else if (g_str_equal (path, "/post-303"))
    soup_server_message_set_redirect (msg, 303, "/ok");
  else
    set_json (msg, 404, "{\"error\":\"not found\"}");
}

static void
handle_other (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
              gpointer user_data)
{
  Servers *s = user_data;

  record (s, msg, TRUE);
  set_json (msg, 200, "{\"landed\":true}");
}

static void
handle_tls (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
            gpointer user_data)
{
  Servers *s = user_data;

  /* #12: an https document whose jwks_uri is plain http (a downgrade), one
   * to a name that does not resolve (refused before any fetch), and the
   * close case, an https jwks_uri. */
  if (g_str_equal (path, "/down/.well-known/openid-configuration")
      || g_str_equal (path, "/down-invalid/.well-known/openid-configuration")
      || g_str_equal (path, "/secure/.well-known/openid-configuration"))
    {
      const char *issuer_path = g_strndup (path, strstr (path, "/.well-known") - path);
      g_autofree char *jwks
        = g_str_equal (issuer_path, "/down")           ? g_strdup_printf ("%s/jwks", s->plain_url)
          : g_str_equal (issuer_path, "/down-invalid") ? g_strdup ("http://localhost.invalid/jwks")
                                                       : g_strdup_printf ("%s/jwks", s->tls_url);
      g_autofree char *doc = g_strdup_printf ("{\"issuer\":\"%s%s\",\"jwks_uri\":\"%s\"}",
                                              s->tls_url, issuer_path, jwks);
      g_free ((char *)issuer_path);
      set_json (msg, 200, doc);
    }
  else if (g_str_equal (path, "/jwks"))
    set_json (msg, 200,
              "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"t1\",\"k\":"
              "\"c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTMyYg\"}]}");
  else
    set_json (msg, 200, "{\"tls\":true}");
}

static char *
server_url (SoupServer *server)
{
  GSList *uris = soup_server_get_uris (server);
  g_autofree char *url = NULL;

  g_assert_nonnull (uris);
  url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);
  if (g_str_has_suffix (url, "/"))
    url[strlen (url) - 1] = '\0';
  return g_steal_pointer (&url);
}

static gpointer
server_thread (gpointer user_data)
{
  Servers *s = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GTlsCertificate) certificate = jd_test_make_certificate ();

  g_main_context_push_thread_default (s->context);

  s->plain = soup_server_new (NULL, NULL);
  soup_server_add_handler (s->plain, NULL, handle_plain, s, NULL);
  soup_server_listen_local (s->plain, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  s->other = soup_server_new (NULL, NULL);
  soup_server_add_handler (s->other, NULL, handle_other, s, NULL);
  soup_server_listen_local (s->other, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  s->tls = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_add_handler (s->tls, NULL, handle_tls, s, NULL);
  soup_server_listen_local (s->tls, 0, SOUP_SERVER_LISTEN_IPV4_ONLY | SOUP_SERVER_LISTEN_HTTPS,
                            &error);
  g_assert_no_error (error);

  s->plain_url = server_url (s->plain);
  s->other_url = server_url (s->other);
  s->tls_url = server_url (s->tls);

  g_mutex_lock (&s->lock);
  s->ready = TRUE;
  g_cond_signal (&s->cond);
  g_mutex_unlock (&s->lock);

  g_main_loop_run (s->loop);

  for (guint i = 0; i < s->paused->len; i++)
    soup_server_message_unpause (g_ptr_array_index (s->paused, i));
  g_ptr_array_set_size (s->paused, 0);
  soup_server_disconnect (s->plain);
  soup_server_disconnect (s->other);
  soup_server_disconnect (s->tls);
  g_clear_object (&s->plain);
  g_clear_object (&s->other);
  g_clear_object (&s->tls);
  while (g_main_context_iteration (s->context, FALSE))
    ;
  g_main_context_pop_thread_default (s->context);
  return NULL;
}

static void
servers_start (void)
{
  servers = g_new0 (Servers, 1);
  g_mutex_init (&servers->lock);
  g_cond_init (&servers->cond);
  servers->paused = g_ptr_array_new_with_free_func (g_object_unref);
  servers->context = g_main_context_new ();
  servers->loop = g_main_loop_new (servers->context, FALSE);
  servers->thread = g_thread_new ("servers", server_thread, servers);
  g_mutex_lock (&servers->lock);
  while (!servers->ready)
    g_cond_wait (&servers->cond, &servers->lock);
  g_mutex_unlock (&servers->lock);
}

static gboolean
quit_loop (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static void
servers_stop (void)
{
  g_main_context_invoke (servers->context, quit_loop, servers->loop);
  g_thread_join (servers->thread);
  g_main_loop_unref (servers->loop);
  g_main_context_unref (servers->context);
  g_ptr_array_unref (servers->paused);
  g_free (servers->plain_url);
  g_free (servers->other_url);
  g_free (servers->tls_url);
  g_free (servers->last_authorization_plain);
  g_free (servers->last_authorization_other);
  g_free (servers->last_cookie_other);
  g_mutex_clear (&servers->lock);
  g_cond_clear (&servers->cond);
  g_clear_pointer (&servers, g_free);
}

static char *
url (const char *path)
{
  return g_strconcat (servers->plain_url, path, NULL);
}

static JdRequest *
request_with_token (const char *path)
{
  g_autofree char *u = url (path);
  JdRequest *request = jd_request_new ("GET", u);

  jd_request_add_header (request, "Authorization", "Bearer header.payload.signature");
  jd_request_add_header (request, "Accept", "application/json");
  return request;
}

static void
dump (GPtrArray *findings)
{
  for (guint i = 0; i < findings->len; i++)
    {
      JdFinding *f = g_ptr_array_index (findings, i);
      g_test_message ("%s [%s] %s", jd_finding_get_id (f),
                      jd_severity_to_string (jd_finding_get_severity (f)),
                      jd_finding_get_message (f));
    }
}

/* ------------------------------------------------------------------ */
/* Sending                                                             */

static void
test_send_ok (void)
{
  g_autoptr (JdRequest) request = request_with_token ("/ok");
  g_autoptr (GError) error = NULL;
  g_autoptr (JdResponse) response = NULL;
  g_autoptr (GPtrArray) findings = NULL;
  GBytes *body;
  GPtrArray *headers;
  guint x_test = 0;

  response = jd_net_send (request, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jd_response_get_status (response), ==, 200);
  g_assert_cmpstr (jd_response_get_reason (response), ==, "OK");
  g_assert_cmpstr (jd_response_get_http_version (response), ==, "HTTP/1.1");
  g_assert_cmpstr (jd_response_get_header (response, "content-type"), ==, "application/json");
  headers = jd_response_get_headers (response);
  for (guint i = 0; i < headers->len; i++)
    if (g_ascii_strcasecmp (((JdHeader *)g_ptr_array_index (headers, i))->name, "X-Test") == 0)
      x_test++;
  g_assert_cmpuint (x_test, ==, 2);
  body = jd_response_get_body (response);
  g_assert_cmpmem (g_bytes_get_data (body, NULL), g_bytes_get_size (body), "{\"hello\":\"world\"}",
                   17);
  g_assert_false (jd_response_get_body_truncated (response));
  g_assert_cmpfloat (jd_response_get_elapsed_ms (response), >, 0.0);
  g_assert_cmpuint (jd_net_response_get_redirects (response)->len, ==, 0);
  g_assert_null (jd_net_response_get_authorization_withheld (response));
  g_assert_true (g_str_has_suffix (jd_net_response_get_url (response), "/ok"));

  g_mutex_lock (&servers->lock);
  g_assert_cmpstr (servers->last_authorization_plain, ==, "Bearer header.payload.signature");
  g_mutex_unlock (&servers->lock);

  findings = jd_response_diagnose (response, NULL, NULL);
  g_assert_true (jd_findings_has (findings, JD_FINDING_STATUS_SUCCESS));
}

static void
test_send_body_exactly_at_cap (void)
{
  g_autoptr (JdRequest) request = request_with_token ("/exact");
  JdNetOptions options = { .max_body = 7 };
  g_autoptr (GError) error = NULL;
  g_autoptr (JdResponse) response = NULL;

  response = jd_net_send (request, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (jd_response_get_body (response)), ==, 7);
  g_assert_false (jd_response_get_body_truncated (response));
}

static void
test_send_bearer_errors (void)
{
  static const struct
  {
    const char *error;
    guint status;
    const char *finding;
  } cases[] = {
    { "invalid_token", 401, JD_FINDING_BEARER_INVALID_TOKEN },
    { "invalid_request", 400, JD_FINDING_BEARER_INVALID_REQUEST },
    { "insufficient_scope", 403, JD_FINDING_INSUFFICIENT_SCOPE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/401/%s", cases[i].error);
      g_autoptr (JdRequest) request = request_with_token (path);
      g_autoptr (GError) error = NULL;
      g_autoptr (JdResponse) response = jd_net_send (request, NULL, NULL, &error);
      g_autoptr (GPtrArray) findings = NULL;
      JdFinding *f;

      g_assert_no_error (error);
      g_assert_cmpuint (jd_response_get_status (response), ==, cases[i].status);
      findings = jd_response_diagnose (response, NULL, NULL);
      dump (findings);
      f = jd_findings_find (findings, cases[i].finding);
      g_assert_nonnull (f);
      g_assert_nonnull (strstr (jd_finding_get_message (f), "said by the test server"));
      g_assert_nonnull (strstr (jd_finding_get_message (f), "realm \"test\""));
      g_assert_false (jd_findings_has (findings, JD_FINDING_MISSING_WWW_AUTHENTICATE));
    }
}

static void
test_send_401_without_www_authenticate (void)
{
  g_autoptr (JdRequest) request = request_with_token ("/401-bare");
  g_autoptr (GError) error = NULL;
  g_autoptr (JdResponse) response = jd_net_send (request, NULL, NULL, &error);
  g_autoptr (GPtrArray) findings = NULL;
  JdFinding *f;

  g_assert_no_error (error);
  g_assert_cmpuint (jd_response_get_status (response), ==, 401);
  findings = jd_response_diagnose (response, NULL, NULL);
  dump (findings);
  f = jd_findings_find (findings, JD_FINDING_MISSING_WWW_AUTHENTICATE);
  g_assert_nonnull (f);
  g_assert_cmpint (jd_finding_get_severity (f), ==, JD_SEVERITY_ERROR);
  g_assert_nonnull (strstr (jd_finding_get_message (f), "test-gateway"));
}

static void
test_send_403 (void)
{
  g_autoptr (JdRequest) request = request_with_token ("/403");
  g_autoptr (GError) error = NULL;
  g_autoptr (JdResponse) response = jd_net_send (request, NULL, NULL, &error);
  g_autoptr (GPtrArray) findings = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (jd_response_get_status (response), ==, 403);
  findings = jd_response_diagnose (response, NULL, NULL);
  dump (findings);
  g_assert_true (jd_findings_has (findings, JD_FINDING_STATUS_403));
  g_assert_false (jd_findings_has (findings, JD_FINDING_MISSING_WWW_AUTHENTICATE));
}

static void
test_send_several_challenges (void)
{
  g_autoptr (JdRequest) request = request_with_token ("/challenges");
  g_autoptr (GError) error = NULL;
  g_autoptr (JdResponse) response = jd_net_send (request, NULL, NULL, &error);
  g_autoptr (GPtrArray) findings = NULL;
  g_autoptr (GPtrArray) challenges = NULL;
  g_autoptr (GPtrArray) values = g_ptr_array_new ();
  GPtrArray *headers;

  g_assert_no_error (error);
  headers = jd_response_get_headers (response);
  for (guint i = 0; i < headers->len; i++)
    {
      JdHeader *h = g_ptr_array_index (headers, i);
      if (g_ascii_strcasecmp (h->name, "WWW-Authenticate") == 0)
        g_ptr_array_add (values, h->value);
    }
  g_ptr_array_add (values, NULL);
  challenges = jd_www_authenticate_parse_all ((const char *const *)values->pdata, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (challenges->len, ==, 3);
  g_assert_true (jd_challenge_is_scheme (g_ptr_array_index (challenges, 2), "Bearer"));

  findings = jd_response_diagnose (response, NULL, NULL);
  dump (findings);
  g_assert_true (jd_findings_has (findings, JD_FINDING_BEARER_INVALID_TOKEN));
  g_assert_false (jd_findings_has (findings, JD_FINDING_NO_BEARER_CHALLENGE));
}

static void
test_send_clock_skew (void)
{
  g_autoptr (JdRequest) request = request_with_token ("/skewed");
  g_autoptr (GError) error = NULL;
  g_autoptr (JdResponse) response = jd_net_send (request, NULL, NULL, &error);
  g_autoptr (GPtrArray) findings = NULL;
  JdFinding *f;

  g_assert_no_error (error);
  findings = jd_response_diagnose (response, NULL, NULL);
  dump (findings);
  f = jd_findings_find (findings, JD_FINDING_SERVER_CLOCK_SKEW);
  g_assert_nonnull (f);
  g_assert_nonnull (strstr (jd_finding_get_message (f), "5 minutes ahead"));
}

static void
test_send_timeout (void)
{
  g_autoptr (JdRequest) request = request_with_token ("/hang");
  JdNetOptions options = { .timeout = 1 };
  g_autoptr (GError) error = NULL;
  g_autoptr (JdResponse) response = jd_net_send (request, &options, NULL, &error);

  g_assert_null (response);
  g_assert_error (error, JD_NET_ERROR, JD_NET_ERROR_TIMEOUT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "1 second"));
}

static gboolean
cancel_soon (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
on_sent_cancelled (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GError **error = user_data;
  g_autoptr (JdResponse) response = jd_net_send_finish (result, error);

  g_assert_null (response);
}

static void
test_send_cancel (void)
{
  g_autoptr (JdRequest) request = request_with_token ("/hang");
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GMainContext) context = g_main_context_new ();
  GSource *source;

  /* the async API, on a context of our own */
  g_main_context_push_thread_default (context);
  jd_net_send_async (request, NULL, cancellable, on_sent_cancelled, &error);
  source = g_timeout_source_new (200);
  g_source_set_callback (source, cancel_soon, cancellable, NULL);
  g_source_attach (source, context);
  g_source_unref (source);
  while (error == NULL)
    g_main_context_iteration (context, TRUE);
  while (g_main_context_iteration (context, FALSE))
    ;
  g_main_context_pop_thread_default (context);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* already cancelled before it starts: no request at all */
  g_clear_error (&error);
  {
    g_autoptr (JdResponse) response = jd_net_send (request, NULL, cancellable, &error);
    g_assert_null (response);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  }
}

static void
test_send_endless_body (void)
{
  g_autoptr (JdRequest) request = request_with_token ("/endless");
  JdNetOptions options = { .max_body = 100 * 1024 };
  g_autoptr (GError) error = NULL;
  g_autoptr (JdResponse) response = jd_net_send (request, &options, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (jd_response_get_status (response), ==, 200);
  g_assert_cmpuint (g_bytes_get_size (jd_response_get_body (response)), ==, 100 * 1024);
  g_assert_true (jd_response_get_body_truncated (response));
  {
    g_autoptr (GPtrArray) findings = jd_net_response_diagnose (response, NULL, NULL);
    g_assert_true (jd_findings_has (findings, JD_FINDING_RESPONSE_TRUNCATED));
  }
}

static void
test_send_redirect_other_origin (void)
{
  g_autoptr (JdRequest) request = request_with_token ("/redirect-other");
  g_autoptr (GError) error = NULL;
  g_autoptr (JdResponse) response = NULL;

  jd_request_add_header (request, "Cookie", "session=secret");
  response = jd_net_send (request, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jd_response_get_status (response), ==, 200);
  g_assert_cmpuint (jd_net_response_get_redirects (response)->len, ==, 1);
  g_assert_true (g_str_has_prefix (jd_net_response_get_url (response), servers->other_url));
  g_assert_nonnull (jd_net_response_get_authorization_withheld (response));

  {
    g_autoptr (GPtrArray) findings = jd_net_response_diagnose (response, NULL, NULL);
    JdFinding *f = jd_findings_find (findings, JD_FINDING_AUTHORIZATION_WITHHELD);
    dump (findings);
    g_assert_nonnull (f);
    g_assert_nonnull (strstr (jd_finding_get_message (f), servers->other_url));
  }

  g_mutex_lock (&servers->lock);
  g_assert_cmpuint (servers->other_hits, >, 0);
  g_assert_null (servers->last_authorization_other);
  g_assert_null (servers->last_cookie_other);
  g_assert_cmpstr (servers->last_authorization_plain, ==, "Bearer header.payload.signature");
  g_mutex_unlock (&servers->lock);
}

static void
test_send_redirect_same_origin (void)
{
  g_autoptr (JdRequest) request = request_with_token ("/redirect-same");
  g_autoptr (GError) error = NULL;
  g_autoptr (JdResponse) response = NULL;

  g_mutex_lock (&servers->lock);
  g_clear_pointer (&servers->last_authorization_plain, g_free);
  g_mutex_unlock (&servers->lock);

  response = jd_net_send (request, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jd_response_get_status (response), ==, 200);
  g_assert_cmpuint (jd_net_response_get_redirects (response)->len, ==, 1);
  g_assert_null (jd_net_response_get_authorization_withheld (response));
  g_mutex_lock (&servers->lock);
  /* the last request the server saw is the redirected one, still with the token */
  g_assert_cmpstr (servers->last_authorization_plain, ==, "Bearer header.payload.signature");
  g_mutex_unlock (&servers->lock);
}

static void
test_send_redirect_problems (void)
{
  g_autoptr (GError) error = NULL;

  {
    g_autoptr (JdRequest) request = request_with_token ("/redirect-loop");
    g_autoptr (JdResponse) response = jd_net_send (request, NULL, NULL, &error);
    g_assert_null (response);
    g_assert_error (error, JD_NET_ERROR, JD_NET_ERROR_REDIRECT);
    g_test_message ("%s", error->message);
    g_clear_error (&error);
  }
  {
    g_autoptr (JdRequest) request = request_with_token ("/redirect-ftp");
    g_autoptr (JdResponse) response = jd_net_send (request, NULL, NULL, &error);
    g_assert_null (response);
    g_assert_error (error, JD_NET_ERROR, JD_NET_ERROR_REDIRECT);
    g_assert_nonnull (strstr (error->message, "ftp://"));
    g_clear_error (&error);
  }
  {
    g_autoptr (JdRequest) request = request_with_token ("/redirect-loop");
    JdNetOptions options = { .flags = JD_NET_NO_REDIRECTS };
    g_autoptr (JdResponse) response = jd_net_send (request, &options, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (jd_response_get_status (response), ==, 302);
  }
  {
    /* POST + 303: the redirected request is a GET without the body */
    g_autoptr (JdRequest) request = request_with_token ("/post-303");
    g_autoptr (GBytes) body = g_bytes_new_static ("{\"a\":1}", 7);
    g_autoptr (JdResponse) response = NULL;

    jd_request_set_method (request, "POST");
    jd_request_add_header (request, "Content-Type", "application/json");
    jd_request_set_body (request, body);
    response = jd_net_send (request, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (jd_response_get_status (response), ==, 200);
  }
}

static void
test_send_bad_urls (void)
{
  static const char *const urls[]
    = { "not a url", "ftp://127.0.0.1/", "file:///etc/passwd", "http://" };

  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      g_autoptr (JdRequest) request = jd_request_new ("GET", urls[i]);
      g_autoptr (GError) error = NULL;
      g_autoptr (JdResponse) response = jd_net_send (request, NULL, NULL, &error);

      g_assert_null (response);
      g_assert_error (error, JD_NET_ERROR, JD_NET_ERROR_URL);
      g_test_message ("%s", error->message);
    }
}

/* -H arguments the header limits would leave out are an error (the CLI's
 * usage error), never a request sent without them (or without the token). */
static void
test_request_from_args_limits (void)
{
  g_autofree char *u = url ("/ok");
  g_autoptr (GPtrArray) many = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *big = g_strnfill (70 * 1024, 's');
  g_autofree char *big_header = g_strconcat ("X-Big: ", big, NULL);
  const char *one_big[] = { "Accept: */*", big_header, NULL };
  g_autoptr (GError) error = NULL;

  for (guint i = 1; i <= JD_HEADERS_MAX_COUNT; i++)
    g_ptr_array_add (many, g_strdup_printf ("X-H%u: v", i));
  g_ptr_array_add (many, NULL);

  {
    /* 500 -H and the token: all fit but the token */
    g_autoptr (JdRequest) request
      = jd_net_request_new_from_args (u, NULL, (const char *const *)many->pdata, "a.b.c", &error);
    g_assert_null (request);
    g_assert_error (error, JD_NET_ERROR, JD_NET_ERROR_HEADER);
    g_test_message ("%s", error->message);
    g_assert_nonnull (strstr (error->message, "(“Authorization”)"));
    g_assert_nonnull (strstr (error->message, "501 headers"));
    g_assert_null (strstr (error->message, "a.b.c"));
    g_clear_error (&error);
  }
  {
    /* 500 -H alone: sent */
    g_autoptr (JdRequest) request
      = jd_net_request_new_from_args (u, NULL, (const char *const *)many->pdata, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (jd_request_get_headers (request)->len, ==, JD_HEADERS_MAX_COUNT);
  }
  {
    /* 501 -H */
    g_autoptr (JdRequest) request = NULL;

    g_ptr_array_insert (many, 0, g_strdup ("X-H0: v"));
    request
      = jd_net_request_new_from_args (u, NULL, (const char *const *)many->pdata, NULL, &error);
    g_assert_null (request);
    g_assert_error (error, JD_NET_ERROR, JD_NET_ERROR_HEADER);
    g_assert_nonnull (strstr (error->message, "(“X-H500”)"));
    g_clear_error (&error);
  }
  {
    /* one -H over 64 KiB: its number, name and size, not its value */
    g_autoptr (JdRequest) request = jd_net_request_new_from_args (u, NULL, one_big, NULL, &error);

    g_assert_null (request);
    g_assert_error (error, JD_NET_ERROR, JD_NET_ERROR_HEADER);
    g_test_message ("%s", error->message);
    g_assert_nonnull (strstr (error->message, "Header 2 (“X-Big”)"));
    g_assert_nonnull (strstr (error->message, "71687 bytes"));
    g_assert_null (strstr (error->message, "sss"));
    g_clear_error (&error);
  }
}

static void
test_request_from_args (void)
{
  g_autofree char *u = url ("/ok");
  const char *headers[] = { "Accept: application/json", "X-Trace-Id:  42 ", NULL };
  const char *with_auth[] = { "authorization: Basic dXNlcjpwYXNz", NULL };
  static const struct
  {
    const char *header;
    const char *part;
  } bad[] = {
    { "NoColon", "no ':'" },
    { "Bad Name: x", "byte 3 of the name" },
    { ": x", "empty name" },
    { "X-Injected: a\r\nHost: evil", "line breaks" },
  };
  g_autoptr (GError) error = NULL;

  {
    g_autoptr (JdRequest) request
      = jd_net_request_new_from_args (u, "POST", headers, "a.b.c", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (jd_request_get_method (request), ==, "POST");
    g_assert_cmpstr (jd_request_get_header (request, "Accept"), ==, "application/json");
    g_assert_cmpstr (jd_request_get_header (request, "x-trace-id"), ==, "42");
    g_assert_cmpstr (jd_request_get_header (request, "Authorization"), ==, "Bearer a.b.c");
  }
  {
    /* the caller's own Authorization wins over the token */
    g_autoptr (JdRequest) request
      = jd_net_request_new_from_args (u, NULL, with_auth, "a.b.c", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (jd_request_get_method (request), ==, "GET");
    g_assert_cmpstr (jd_request_get_header (request, "Authorization"), ==, "Basic dXNlcjpwYXNz");
  }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      const char *one[] = { bad[i].header, NULL };
      g_autoptr (JdRequest) request = jd_net_request_new_from_args (u, NULL, one, NULL, &error);

      g_assert_null (request);
      g_assert_error (error, JD_NET_ERROR, JD_NET_ERROR_HEADER);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, bad[i].part));
      g_clear_error (&error);
    }
  {
    g_autoptr (JdRequest) request = jd_net_request_new_from_args (u, "GE T", NULL, NULL, &error);
    g_assert_null (request);
    g_assert_error (error, JD_NET_ERROR, JD_NET_ERROR_HEADER);
    g_clear_error (&error);
  }
  {
    g_autoptr (JdRequest) request
      = jd_net_request_new_from_args ("ftp://x/", NULL, NULL, NULL, &error);
    g_assert_null (request);
    g_assert_error (error, JD_NET_ERROR, JD_NET_ERROR_URL);
    g_clear_error (&error);
  }
  {
    /* a header that could split the request is refused before any byte is sent */
    g_autoptr (JdRequest) request = jd_request_new ("GET", u);
    g_autoptr (JdResponse) response = NULL;

    jd_request_add_header (request, "X-Evil", "a\r\nX-Injected: 1");
    g_assert_cmpstr (jd_request_get_header (request, "X-Evil"), ==, "a\r\nX-Injected: 1");
    response = jd_net_send (request, NULL, NULL, &error);
    g_assert_null (response);
    g_assert_error (error, JD_NET_ERROR, JD_NET_ERROR_HEADER);
  }
}

/* Regression: error messages must never show a header value (a "-H" without
 * a colon was echoed whole, token included) nor a URL's userinfo or query. */
#define SECRET "SeCrEt42"
#define USERINFO "alice:hunter2@"

static void
assert_no_secret (const GError *error)
{
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_null (strstr (error->message, SECRET));
  g_assert_null (strstr (error->message, "eyJ"));
  g_assert_null (strstr (error->message, "alice"));
  g_assert_null (strstr (error->message, "hunter2"));
}

/* plain_url with userinfo, then @path_and_query */
static char *
secret_url (const char *path_and_query)
{
  g_assert_true (g_str_has_prefix (servers->plain_url, "http://"));
  return g_strconcat ("http://" USERINFO, servers->plain_url + strlen ("http://"), path_and_query,
                      NULL);
}

static guint16
closed_port (void)
{
  g_autoptr (GSocketListener) listener = g_socket_listener_new ();
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr (GSocketAddress) effective = NULL;
  g_autoptr (GError) error = NULL;
  guint16 port;

  g_socket_listener_add_address (listener, address, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                 NULL, &effective, &error);
  g_assert_no_error (error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
  g_socket_listener_close (listener);
  return port;
}

static void
test_errors_hide_secrets (void)
{
  g_autofree char *u = url ("/ok");
  g_autoptr (GError) error = NULL;

  /* -H without a colon: the position and at most the name, never the value */
  {
    const char *headers[]
      = { "Accept: application/json",
          "Authorization Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0." SECRET, NULL };
    g_autoptr (JdRequest) request = jd_net_request_new_from_args (u, NULL, headers, NULL, &error);

    g_assert_null (request);
    g_assert_error (error, JD_NET_ERROR, JD_NET_ERROR_HEADER);
    assert_no_secret (error);
    g_assert_nonnull (strstr (error->message, "-H argument 2"));
    g_assert_nonnull (strstr (error->message, "\"Authorization"));
    g_assert_nonnull (strstr (error->message, "no ':'"));
    g_clear_error (&error);
  }
  {
    /* a bare token: nothing of it is shown */
    const char *headers[] = { "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0." SECRET, NULL };
    g_autoptr (JdRequest) request = jd_net_request_new_from_args (u, NULL, headers, NULL, &error);

    g_assert_null (request);
    assert_no_secret (error);
    g_assert_nonnull (strstr (error->message, "-H argument 1"));
    g_clear_error (&error);
  }
  {
    /* a space instead of the colon, and a colon inside the value */
    const char *headers[] = { "Authorization Basic alice:hunter2", NULL };
    g_autoptr (JdRequest) request = jd_net_request_new_from_args (u, NULL, headers, NULL, &error);

    g_assert_null (request);
    assert_no_secret (error);
    g_assert_nonnull (strstr (error->message, "-H argument 1"));
    g_assert_nonnull (strstr (error->message, "byte 13 of the name (0x20)"));
    g_clear_error (&error);
  }

  /* URLs that are refused: userinfo and query are not shown */
  {
    static const char *const urls[] = {
      "ftp://" USERINFO "127.0.0.1/x?access_token=" SECRET,
      "http://" USERINFO "/x?access_token=" SECRET,
      "not a url " USERINFO "?access_token=" SECRET,
      "http://" USERINFO "127.0.0.1:99999/?" SECRET,
    };
    for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
      {
        g_autoptr (JdRequest) request
          = jd_net_request_new_from_args (urls[i], NULL, NULL, NULL, &error);
        g_autoptr (JdRequest) direct = jd_request_new ("GET", urls[i]);
        g_autoptr (JdResponse) response = NULL;

        g_assert_null (request);
        g_assert_error (error, JD_NET_ERROR, JD_NET_ERROR_URL);
        assert_no_secret (error);
        g_clear_error (&error);
        response = jd_net_send (direct, NULL, NULL, &error);
        g_assert_null (response);
        assert_no_secret (error);
        g_clear_error (&error);
      }
  }

  /* connection refused */
  {
    g_autofree char *refused = g_strdup_printf (
      "http://" USERINFO "127.0.0.1:%u/x?access_token=" SECRET "#" SECRET, closed_port ());
    g_autoptr (JdRequest) request = jd_request_new (NULL, refused);
    g_autoptr (JdResponse) response = jd_net_send (request, NULL, NULL, &error);

    g_assert_null (response);
    g_assert_error (error, JD_NET_ERROR, JD_NET_ERROR_CONNECT);
    assert_no_secret (error);
    g_assert_nonnull (strstr (error->message, "/x?…"));
    g_clear_error (&error);
  }

  /* timeout */
  {
    g_autofree char *hang = secret_url ("/hang?access_token=" SECRET);
    g_autoptr (JdRequest) request = jd_request_new (NULL, hang);
    JdNetOptions options = { .timeout = 1 };
    g_autoptr (JdResponse) response = jd_net_send (request, &options, NULL, &error);

    g_assert_null (response);
    g_assert_error (error, JD_NET_ERROR, JD_NET_ERROR_TIMEOUT);
    assert_no_secret (error);
    g_clear_error (&error);
  }

  /* a redirect to somewhere that is not http(s) */
  {
    g_autofree char *redirect = secret_url ("/redirect-ftp-secret?access_token=" SECRET);
    g_autoptr (JdRequest) request = jd_request_new (NULL, redirect);
    g_autoptr (JdResponse) response = jd_net_send (request, NULL, NULL, &error);

    g_assert_null (response);
    g_assert_error (error, JD_NET_ERROR, JD_NET_ERROR_REDIRECT);
    assert_no_secret (error);
    g_assert_nonnull (strstr (error->message, "ftp://127.0.0.1/x?…"));
    g_clear_error (&error);
  }

  /* key sets: HTTP error, not a key set, too large */
  {
    static const char *const paths[]
      = { "/nowhere?access_token=" SECRET, "/jwks-not-json?access_token=" SECRET,
          "/jwks-broken-json?access_token=" SECRET, "/endless?access_token=" SECRET };
    for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
      {
        g_autofree char *jwks = secret_url (paths[i]);
        JdNetOptions options = { .max_body = 64 * 1024 };
        g_autoptr (JdRemoteKeys) keys = jd_net_fetch_jwks (jwks, &options, NULL, &error);

        g_assert_null (keys);
        assert_no_secret (error);
        g_clear_error (&error);
      }
  }

  /* discovery: the issuer and the document's URL */
  {
    static const char *const paths[]
      = { "/missing", "/nojwks", "/notjson", "/deep", "/?tenant=" SECRET };
    for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
      {
        g_autofree char *issuer = secret_url (paths[i]);
        g_autoptr (JdRemoteKeys) keys = jd_net_discover (issuer, NULL, NULL, &error);

        g_assert_null (keys);
        assert_no_secret (error);
        g_clear_error (&error);
      }
    {
      g_autofree char *got
        = jd_net_discovery_url ("ftp://" USERINFO "id.example.com/?" SECRET, &error);
      g_assert_null (got);
      assert_no_secret (error);
      g_clear_error (&error);
    }
  }
}

static void
test_send_connection_refused (void)
{
  g_autoptr (GSocketListener) listener = g_socket_listener_new ();
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr (GSocketAddress) effective = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *u = NULL;
  guint16 port;

  /* find a free port, then close it */
  g_socket_listener_add_address (listener, address, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                 NULL, &effective, &error);
  g_assert_no_error (error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
  g_socket_listener_close (listener);
  u = g_strdup_printf ("http://127.0.0.1:%u/", port);
  {
    g_autoptr (JdRequest) request = jd_request_new (NULL, u);
    g_autoptr (JdResponse) response = jd_net_send (request, NULL, NULL, &error);
    g_assert_null (response);
    g_assert_error (error, JD_NET_ERROR, JD_NET_ERROR_CONNECT);
    g_test_message ("%s", error->message);
  }
}

static void
test_send_tls_self_signed (void)
{
  g_autofree char *u = g_strconcat (servers->tls_url, "/", NULL);
  g_autoptr (JdRequest) request = jd_request_new ("GET", u);
  g_autoptr (GError) error = NULL;
  g_autoptr (JdResponse) response = NULL;
  JdNetOptions options = { .flags = JD_NET_ACCEPT_INVALID_CERTIFICATE };

  g_assert_true (g_str_has_prefix (u, "https://127.0.0.1:"));

  /* the default: refused, with the problem in words */
  response = jd_net_send (request, NULL, NULL, &error);
  g_assert_null (response);
  g_assert_error (error, JD_NET_ERROR, JD_NET_ERROR_TLS);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "self-signed"));
  g_assert_nonnull (strstr (error->message, "jwt-doctor test"));
  g_clear_error (&error);

  /* accepted only because this request asked */
  response = jd_net_send (request, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jd_response_get_status (response), ==, 200);
  g_assert_nonnull (jd_net_response_get_accepted_certificate_problem (response));
  g_assert_nonnull (
    strstr (jd_net_response_get_accepted_certificate_problem (response), "self-signed"));
  {
    g_autoptr (GPtrArray) findings = jd_net_response_diagnose (response, NULL, NULL);
    g_assert_true (jd_findings_has (findings, JD_FINDING_CERTIFICATE_ACCEPTED));
  }
  g_clear_object (&response);

  /* …and the next request without the flag is refused again */
  response = jd_net_send (request, NULL, NULL, &error);
  g_assert_null (response);
  g_assert_error (error, JD_NET_ERROR, JD_NET_ERROR_TLS);
}

static void
test_certificate_words (void)
{
  g_autofree char *all = jd_net_describe_certificate_problem (G_TLS_CERTIFICATE_VALIDATE_ALL);
  g_autofree char *none = jd_net_describe_certificate_problem (0);

  g_assert_nonnull (strstr (all, "self-signed"));
  g_assert_nonnull (strstr (all, "another host name"));
  g_assert_nonnull (strstr (all, "expired"));
  g_assert_nonnull (strstr (all, "not valid yet"));
  g_assert_nonnull (strstr (all, "revoked"));
  g_assert_nonnull (none);
}

/* ------------------------------------------------------------------ */
/* HTTP cache lifetime (no socket)                                     */

static void
test_cache_lifetime (void)
{
  static const struct
  {
    const char *cache_control;
    const char *expires;
    const char *age;
    gint64 lifetime;
    const char *part;
  } cases[] = {
    { "public, max-age=600", NULL, NULL, 600, "up to 10 minutes" },
    { "max-age=\"600\"", NULL, "120", 480, "Age: 120" },
    { "public, max-age=60", NULL, "300", 0, "stale" },
    { "no-cache", NULL, NULL, 0, "every time" },
    { "no-store, max-age=600", NULL, NULL, 0, "no-store" },
    { NULL, "Sat, 28 Nov 2026 13:00:00 GMT", NULL, 3600, "up to 1 hour" },
    { NULL, "0", NULL, 0, "stale" },
    { "public", NULL, NULL, -1, "no Cache-Control max-age" },
    { "max-age=86400", "Sat, 28 Nov 2026 13:00:00 GMT", NULL, 86400, "up to 1 day" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (JdResponse) response = jd_response_new (200, "OK");
      g_autofree char *explanation = NULL;
      gint64 lifetime;

      jd_response_add_header (response, "Date", "Sat, 28 Nov 2026 12:00:00 GMT");
      if (cases[i].cache_control)
        jd_response_add_header (response, "Cache-Control", cases[i].cache_control);
      if (cases[i].expires)
        jd_response_add_header (response, "Expires", cases[i].expires);
      if (cases[i].age)
        jd_response_add_header (response, "Age", cases[i].age);
      lifetime = jd_net_cache_lifetime (response, 1795867200, &explanation);
      g_test_message ("%u: %" G_GINT64_FORMAT " %s", i, lifetime, explanation);
      g_assert_cmpint (lifetime, ==, cases[i].lifetime);
      g_assert_nonnull (strstr (explanation, cases[i].part));
    }
}

/* ------------------------------------------------------------------ */
/* Keys from the network                                               */

static char *
b64url (const char *text)
{
  return jd_base64url_encode (text, strlen (text));
}

static JdToken *
make_token (const char *header, const char *payload)
{
  g_autofree char *h = b64url (header);
  g_autofree char *p = b64url (payload);
  g_autofree char *text = g_strdup_printf ("%s.%s.c2ln", h, p);

  return jd_token_parse (text, -1);
}

static void
test_jwks_fetch (void)
{
  g_autofree char *u = url ("/jwks");
  g_autoptr (GError) error = NULL;
  g_autoptr (JdRemoteKeys) keys = jd_net_fetch_jwks (u, NULL, NULL, &error);
  g_autoptr (GPtrArray) findings = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  JdFinding *f;

  g_assert_no_error (error);
  g_assert_nonnull (keys);
  g_assert_cmpuint (jd_key_set_get_n_keys (jd_remote_keys_get_key_set (keys)), ==, 2);
  g_assert_cmpstr (jd_remote_keys_get_jwks_uri (keys), ==, u);
  g_assert_null (jd_remote_keys_get_discovery_url (keys));
  g_assert_cmpint (jd_remote_keys_get_cache_lifetime (keys), ==, 600);
  g_assert_nonnull (strstr (jd_remote_keys_get_cache_explanation (keys),
                            "will not see a new key for up to 10 minutes"));
  g_assert_cmpint (g_date_time_difference (now, jd_remote_keys_get_fetched_at (keys)), >=, 0);
  g_assert_cmpuint (jd_response_get_status (jd_remote_keys_get_response (keys)), ==, 200);

  findings = jd_remote_keys_diagnose (keys, NULL);
  dump (findings);
  f = jd_findings_find (findings, JD_FINDING_JWKS_FETCHED);
  g_assert_nonnull (f);
  g_assert_nonnull (strstr (jd_finding_get_message (f), "Fetched 2 keys"));
  g_assert_nonnull (strstr (jd_finding_get_message (f), "10 minutes"));
  g_assert_false (jd_findings_has (findings, JD_FINDING_AZURE_APPID_DISCOVERY));

  /* A jwks_uri with a query (an API key, a signature) is shown without it:
   * findings are copied into reports. */
  {
    g_autofree char *with_query = url ("/jwks?api_key=s3cret-value");
    g_autoptr (JdRemoteKeys) keys2 = jd_net_fetch_jwks (with_query, NULL, NULL, &error);
    g_autoptr (GPtrArray) findings2 = NULL;

    g_assert_no_error (error);
    findings2 = jd_remote_keys_diagnose (keys2, NULL);
    f = jd_findings_find (findings2, JD_FINDING_JWKS_FETCHED);
    g_assert_nonnull (f);
    g_assert_null (strstr (jd_finding_get_message (f), "s3cret-value"));
    g_assert_nonnull (strstr (jd_finding_get_message (f), "/jwks?…"));
  }
}

static void
test_jwks_errors (void)
{
  static const struct
  {
    const char *path;
    int code;
    const char *part;
  } cases[] = {
    { "/jwks-not-json", JD_NET_ERROR_KEYS, "/jwks-not-json" },
    { "/jwks-broken-json", JD_NET_ERROR_KEYS, "not valid JSON" },
    { "/nowhere", JD_NET_ERROR_HTTP, "404" },
    { "/endless", JD_NET_ERROR_TOO_LARGE, "larger than" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *u = url (cases[i].path);
      g_autoptr (GError) error = NULL;
      JdNetOptions options = { .max_body = 64 * 1024 };
      g_autoptr (JdRemoteKeys) keys = jd_net_fetch_jwks (u, &options, NULL, &error);

      g_assert_null (keys);
      g_assert_error (error, JD_NET_ERROR, cases[i].code);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].part));
    }
}

static void
test_discovery_url (void)
{
  static const struct
  {
    const char *issuer;
    const char *url;
  } cases[] = {
    { "https://id.example.com", "https://id.example.com/.well-known/openid-configuration" },
    { "https://id.example.com/", "https://id.example.com/.well-known/openid-configuration" },
    { "https://id.example.com/tenant/v2.0",
      "https://id.example.com/tenant/v2.0/.well-known/openid-configuration" },
    { "https://id.example.com/realms/x/",
      "https://id.example.com/realms/x/.well-known/openid-configuration" },
    { "not a url", NULL },
    { "", NULL },
    { "urn:example:issuer", NULL },
    { "https://id.example.com/?tenant=1", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *got = jd_net_discovery_url (cases[i].issuer, &error);

      g_assert_cmpstr (got, ==, cases[i].url);
      if (cases[i].url == NULL)
        {
          g_assert_error (error, JD_NET_ERROR, JD_NET_ERROR_URL);
          g_test_message ("%s", error->message);
        }
    }

  {
    g_autofree char *azure = jd_net_azure_appid_discovery_url (
      "https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0",
      "6731de76-14a6-49ae-97bc-6eba6914391e");
    g_autofree char *other = jd_net_azure_appid_discovery_url ("https://id.example.com", "x");
    g_assert_cmpstr (
      azure, ==,
      "https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0"
      "/.well-known/openid-configuration?appid=6731de76-14a6-49ae-97bc-6eba6914391e");
    g_assert_null (other);
  }
}

static void
test_discover (void)
{
  g_autofree char *issuer = url ("/issuer");
  g_autofree char *issuer_slash = url ("/issuer/");
  g_autofree char *jwks = url ("/jwks");
  g_autoptr (GError) error = NULL;

  {
    g_autoptr (JdRemoteKeys) keys = jd_net_discover (issuer, NULL, NULL, &error);
    g_autoptr (GPtrArray) findings = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (jd_remote_keys_get_jwks_uri (keys), ==, jwks);
    g_assert_cmpstr (jd_remote_keys_get_issuer (keys), ==, issuer);
    g_assert_cmpstr (jd_remote_keys_get_discovered_issuer (keys), ==, issuer);
    g_assert_true (g_str_has_suffix (jd_remote_keys_get_discovery_url (keys),
                                     "/issuer/.well-known/openid-configuration"));
    g_assert_cmpuint (jd_key_set_get_n_keys (jd_remote_keys_get_key_set (keys)), ==, 2);
    findings = jd_remote_keys_diagnose (keys, NULL);
    g_assert_false (jd_findings_has (findings, JD_FINDING_DISCOVERY_ISSUER_MISMATCH));
  }

  /* iss with a trailing slash: the same document (OIDC Discovery §4), but
   * its issuer differs from the token's by that slash */
  {
    g_autoptr (JdRemoteKeys) keys = jd_net_discover (issuer_slash, NULL, NULL, &error);
    g_autoptr (GPtrArray) findings = NULL;
    JdFinding *f;

    g_assert_no_error (error);
    findings = jd_remote_keys_diagnose (keys, NULL);
    dump (findings);
    f = jd_findings_find (findings, JD_FINDING_DISCOVERY_ISSUER_MISMATCH);
    g_assert_nonnull (f);
    /* OIDC Discovery §4.3: MUST NOT be used. An error naming both issuers,
     * and none of its keys (#12). */
    g_assert_cmpint (jd_finding_get_severity (f), ==, JD_SEVERITY_ERROR);
    g_assert_nonnull (strstr (jd_finding_get_message (f), issuer));
    g_assert_nonnull (strstr (jd_finding_get_message (f), issuer_slash));
    g_assert_cmpuint (jd_key_set_get_n_keys (jd_remote_keys_get_key_set (keys)), ==, 0);
    g_assert_false (jd_findings_has (findings, JD_FINDING_JWKS_FETCHED));
  }
}

/* https discovery to an http jwks_uri: refused (RFC 7515 §4.1.2, OIDC
 * Discovery §7); an https jwks_uri is the close case that is fetched. */
static const struct
{
  const char *issuer_path;
  gboolean refused;
} downgrade_rows[] = {
  { "/down", TRUE },
  { "/down-invalid", TRUE },
  { "/secure", FALSE },
};

static void
test_discover_downgrade (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_autofree char *issuer = g_strconcat (servers->tls_url, downgrade_rows[i].issuer_path, NULL);
  JdNetOptions options = { 0, 0, JD_NET_ACCEPT_INVALID_CERTIFICATE };
  g_autoptr (GError) error = NULL;
  g_autoptr (JdRemoteKeys) keys = jd_net_discover (issuer, &options, NULL, &error);
  g_autoptr (GPtrArray) findings = NULL;
  JdFinding *f;

  g_assert_no_error (error);
  findings = jd_remote_keys_diagnose (keys, NULL);
  dump (findings);
  f = jd_findings_find (findings, JD_FINDING_JWKS_DOWNGRADE);
  if (downgrade_rows[i].refused)
    {
      g_assert_nonnull (f);
      g_assert_cmpint (jd_finding_get_severity (f), ==, JD_SEVERITY_ERROR);
      g_assert_nonnull (strstr (jd_finding_get_message (f), "plain http"));
      g_assert_cmpuint (jd_key_set_get_n_keys (jd_remote_keys_get_key_set (keys)), ==, 0);
    }
  else
    {
      g_assert_null (f);
      g_assert_cmpuint (jd_key_set_get_n_keys (jd_remote_keys_get_key_set (keys)), ==, 1);
      g_assert_false (jd_findings_has (findings, JD_FINDING_JWKS_INSECURE_TRANSPORT));
    }
}

static const struct
{
  const char *host;
  gboolean loopback;
} loopback_rows[] = {
  { "127.0.0.1", TRUE },       { "127.8.9.10", TRUE }, { "[::1]", TRUE },
  { "localhost", TRUE },       { "LOCALHOST.", TRUE }, { "keycloak.localhost", TRUE },
  { "128.0.0.1", FALSE },      { "10.0.0.1", FALSE },  { "localhost.invalid", FALSE },
  { "id.example.com", FALSE }, { "[::2]", FALSE },     { "notlocalhost", FALSE },
};

static void
test_loopback (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_autofree char *jwks = g_strdup_printf ("http://%s/jwks", loopback_rows[i].host);
  g_autofree char *https = g_strdup_printf ("https://%s/jwks", loopback_rows[i].host);
  g_autofree char *warning = jd_net_insecure_jwks_warning (jwks);
  g_autofree char *none = jd_net_insecure_jwks_warning (https);

  g_assert_cmpint (jd_net_host_is_loopback (loopback_rows[i].host), ==, loopback_rows[i].loopback);
  /* Plain http off loopback: the keys came over an unprotected channel. */
  if (loopback_rows[i].loopback)
    g_assert_null (warning);
  else
    {
      g_assert_nonnull (warning);
      g_assert_nonnull (strstr (warning, "RFC 7515 §4.1.2"));
    }
  g_assert_null (none);
}

static const struct
{
  const char *name;
  const char *asked;
  const char *found;
  const char *doc;
  const char *jwks;
  const char *id; /* NULL: usable */
} refusal_rows[] = {
  { "trailing-slash", "https://id.example.com/", "https://id.example.com",
    "https://id.example.com/.well-known/openid-configuration", "https://id.example.com/jwks",
    JD_FINDING_DISCOVERY_ISSUER_MISMATCH },
  { "no-issuer", "https://id.example.com", NULL,
    "https://id.example.com/.well-known/openid-configuration", "https://id.example.com/jwks",
    JD_FINDING_DISCOVERY_ISSUER_MISMATCH },
  { "downgrade", "https://id.example.com", "https://id.example.com",
    "https://id.example.com/.well-known/openid-configuration", "http://id.example.com/jwks",
    JD_FINDING_JWKS_DOWNGRADE },
  { "close-same-issuer", "https://id.example.com", "https://id.example.com",
    "https://id.example.com/.well-known/openid-configuration", "https://keys.example.com/jwks",
    NULL },
  { "close-http-throughout", "http://localhost:8080/realms/dev", "http://localhost:8080/realms/dev",
    "http://localhost:8080/realms/dev/.well-known/openid-configuration",
    "http://localhost:8080/realms/dev/protocol/openid-connect/certs", NULL },
};

static void
test_refusal (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  const char *id = NULL;
  g_autofree char *msg = jd_net_discovery_refusal (refusal_rows[i].asked, refusal_rows[i].found,
                                                   refusal_rows[i].doc, refusal_rows[i].jwks, &id);

  g_assert_cmpstr (id, ==, refusal_rows[i].id);
  if (refusal_rows[i].id == NULL)
    g_assert_null (msg);
  else
    {
      g_test_message ("%s", msg);
      g_assert_nonnull (msg);
      if (refusal_rows[i].found)
        g_assert_nonnull (strstr (msg, refusal_rows[i].found));
      if (g_str_equal (refusal_rows[i].id, JD_FINDING_DISCOVERY_ISSUER_MISMATCH))
        g_assert_nonnull (strstr (msg, refusal_rows[i].asked));
      else
        g_assert_nonnull (strstr (msg, refusal_rows[i].jwks));
    }
}

static void
test_discover_errors (void)
{
  static const struct
  {
    const char *path;
    int code;
    const char *part;
  } cases[] = {
    { "/missing", JD_NET_ERROR_HTTP, "publishes no OpenID Connect discovery document" },
    { "/nojwks", JD_NET_ERROR_DISCOVERY, "jwks_uri" },
    { "/notjson", JD_NET_ERROR_DISCOVERY, "not JSON" },
    /* regression: this used to overflow the stack in json-glib's parser; the error says where */
    { "/deep", JD_NET_ERROR_DISCOVERY, "byte " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *issuer = url (cases[i].path);
      g_autoptr (GError) error = NULL;
      g_autoptr (JdRemoteKeys) keys = jd_net_discover (issuer, NULL, NULL, &error);

      g_assert_null (keys);
      g_assert_error (error, JD_NET_ERROR, cases[i].code);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].part));
    }
}

static void
test_azure_appid_hint (void)
{
  g_autofree char *u = url ("/jwks");
  g_autoptr (GError) error = NULL;
  g_autoptr (JdRemoteKeys) keys = jd_net_fetch_jwks (u, NULL, NULL, &error);
  g_autoptr (JdToken) azure = make_token (
    "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"app-specific-key\"}",
    "{\"iss\":\"https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0\","
    "\"azp\":\"6731de76-14a6-49ae-97bc-6eba6914391e\",\"aud\":\"api://orders\"}");
  g_autoptr (JdToken) known = make_token (
    "{\"alg\":\"ES256\",\"kid\":\"1\"}",
    "{\"iss\":\"https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0\"}");
  g_autoptr (JdToken) elsewhere
    = make_token ("{\"alg\":\"RS256\",\"kid\":\"zzz\"}", "{\"iss\":\"https://id.example.com\"}");
  g_autoptr (GPtrArray) findings = NULL;
  JdFinding *f;

  g_assert_no_error (error);
  findings = jd_remote_keys_diagnose (keys, azure);
  dump (findings);
  f = jd_findings_find (findings, JD_FINDING_AZURE_APPID_DISCOVERY);
  g_assert_nonnull (f);
  g_assert_nonnull (
    strstr (jd_finding_get_message (f), "?appid=6731de76-14a6-49ae-97bc-6eba6914391e"));
  g_assert_nonnull (strstr (jd_finding_get_message (f), "app-specific-key"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  findings = jd_remote_keys_diagnose (keys, known);
  g_assert_false (jd_findings_has (findings, JD_FINDING_AZURE_APPID_DISCOVERY));
  g_clear_pointer (&findings, g_ptr_array_unref);

  findings = jd_remote_keys_diagnose (keys, elsewhere);
  g_assert_false (jd_findings_has (findings, JD_FINDING_AZURE_APPID_DISCOVERY));
}

static void
on_discovered (GObject *source, GAsyncResult *result, gpointer user_data)
{
  JdRemoteKeys **out = user_data;
  g_autoptr (GError) error = NULL;

  *out = jd_net_discover_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_discover_async (void)
{
  /* the async API on the test's default context, as the window uses it */
  g_autofree char *issuer = url ("/issuer");
  g_autoptr (JdRemoteKeys) keys = NULL;

  jd_net_discover_async (issuer, NULL, NULL, on_discovered, &keys);
  while (keys == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (jd_key_set_get_n_keys (jd_remote_keys_get_key_set (keys)), ==, 2);
}

/* ------------------------------------------------------------------ */
/* jwt-doctor-cli's network options, run as a user runs them           */

static gboolean
run_cli (JdTestRun *r, const char *const *args)
{
  static const char *const env[] = { "GIO_USE_PROXY_RESOLVER", "dummy", NULL };

  if (g_getenv ("JD_CLI") == NULL)
    {
      g_test_skip ("JD_CLI is not set (run through meson test)");
      return FALSE;
    }
  jd_test_run (r, g_getenv ("JD_CLI"), env, NULL, args);
  return TRUE;
}

/* Does the --json report's first token hold a finding with @id? */
static gboolean
json_has_finding (const char *out, const char *id)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonArray *tokens, *findings;

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  tokens
    = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "tokens");
  g_assert_cmpuint (json_array_get_length (tokens), >, 0);
  findings = json_object_get_array_member (json_array_get_object_element (tokens, 0), "findings");
  for (guint i = 0; i < json_array_get_length (findings); i++)
    if (g_strcmp0 (
          json_object_get_string_member (json_array_get_object_element (findings, i), "id"), id)
        == 0)
      return TRUE;
  return FALSE;
}

static char *
cli_token (void)
{
  g_autofree char *payload
    = g_strdup_printf ("{\"iss\":\"%s/issuer\",\"sub\":\"cli\",\"exp\":%" G_GINT64_FORMAT "}",
                       servers->plain_url, g_get_real_time () / G_USEC_PER_SEC + 3600);
  g_autofree char *h = b64url ("{\"alg\":\"ES256\",\"kid\":\"1\"}");
  g_autofree char *p = b64url (payload);

  return g_strdup_printf ("%s.%s.c2ln", h, p);
}

static void
test_cli_request (void)
{
  g_autofree char *token = cli_token ();
  g_autofree char *expected = g_strconcat ("Bearer ", token, NULL);
  g_autofree char *u = url ("/401/invalid_token");
  g_auto (JdTestRun) r = { 0 };
  const char *args[] = { "--json", "--request", u, "-H", "Accept: application/json", token, NULL };

  if (!run_cli (&r, args))
    return;
  g_assert_cmpint (r.status, ==, 1);
  g_assert_true (json_has_finding (r.out, JD_FINDING_BEARER_INVALID_TOKEN));
  g_assert_true (json_has_finding (r.out, JD_FINDING_STATUS_401));
  g_mutex_lock (&servers->lock);
  g_assert_cmpstr (servers->last_authorization_plain, ==, expected);
  g_mutex_unlock (&servers->lock);
  /* the token is never printed */
  g_assert_null (strstr (r.out, token));
  g_assert_null (strstr (r.err, token));
}

static void
test_cli_request_text (void)
{
  g_autofree char *token = cli_token ();
  g_autofree char *u = url ("/401-bare");
  g_auto (JdTestRun) r = { 0 };
  const char *args[] = { "--request", u, "-X", "POST", token, NULL };

  if (!run_cli (&r, args))
    return;
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.out, "WWW-Authenticate"));
  g_assert_nonnull (strstr (r.out, "POST "));
  g_assert_nonnull (strstr (r.out, "401"));
}

static void
test_cli_jwks_and_discover (void)
{
  g_autofree char *token = cli_token ();
  g_autofree char *jwks = url ("/jwks");

  {
    g_auto (JdTestRun) r = { 0 };
    const char *args[] = { "--json", "--jwks", jwks, token, NULL };

    if (!run_cli (&r, args))
      return;
    g_assert_cmpint (r.status, !=, 2);
    g_assert_true (json_has_finding (r.out, JD_FINDING_JWKS_FETCHED));
  }
  {
    g_auto (JdTestRun) r = { 0 };
    const char *args[] = { "--json", "--discover", token, NULL };

    g_assert_true (run_cli (&r, args));
    g_assert_cmpint (r.status, !=, 2);
    g_assert_true (json_has_finding (r.out, JD_FINDING_JWKS_FETCHED));
    g_assert_nonnull (strstr (r.out, "/issuer/.well-known/openid-configuration"));
  }
}

/* #12: --discover with --iss that differs from the document's issuer by a
 * trailing slash: the keys are not used, an error shows both issuers,
 * exit 1; the close case (the exact issuer) fetches the keys. */
static void
test_cli_discover_issuer_mismatch (void)
{
  g_autofree char *token = cli_token ();
  g_autofree char *exact = url ("/issuer");
  g_autofree char *slash = url ("/issuer/");
  g_auto (JdTestRun) r = { 0 };
  g_auto (JdTestRun) ok = { 0 };
  const char *args[] = { "--json", "--discover", "--iss", slash, token, NULL };
  const char *ok_args[] = { "--json", "--discover", "--iss", exact, token, NULL };

  if (!run_cli (&r, args))
    return;
  g_assert_cmpint (r.status, ==, 1);
  g_assert_true (json_has_finding (r.out, JD_FINDING_DISCOVERY_ISSUER_MISMATCH));
  g_assert_false (json_has_finding (r.out, JD_FINDING_JWKS_FETCHED));
  g_assert_nonnull (strstr (r.out, "MUST NOT be used"));

  g_assert_true (run_cli (&ok, ok_args));
  g_assert_true (json_has_finding (ok.out, JD_FINDING_JWKS_FETCHED));
  g_assert_false (json_has_finding (ok.out, JD_FINDING_DISCOVERY_ISSUER_MISMATCH));
}

static void
test_cli_network_errors (void)
{
  g_autofree char *token = cli_token ();
  g_autofree char *missing = url ("/nowhere");
  g_autofree char *ok = url ("/ok");
  const char *no_iss = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln";
  static const char *part[] = { "--jwks", "byte 3 of the name" };
  const char *jwks_args[] = { "--jwks", missing, token, NULL };
  const char *header_args[] = { "--request", ok, "-H", "Bad Header: x", token, NULL };
  const char *discover_args[] = { "--json", "--discover", no_iss, NULL };
  const char *const *cases[] = { jwks_args, header_args };

  /* Wrong arguments: usage errors. */
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (JdTestRun) r = { 0 };

      if (!run_cli (&r, cases[i]))
        return;
      g_assert_cmpint (r.status, ==, 2);
      g_assert_nonnull (strstr (r.err, part[i]));
    }

  /* A token that gives discovery nothing to start from is still a report. */
  {
    g_auto (JdTestRun) r = { 0 };

    if (!run_cli (&r, discover_args))
      return;
    g_assert_cmpint (r.status, ==, 1);
    g_assert_true (json_has_finding (r.out, "key-discovery-failed"));
  }
}

int
main (int argc, char *argv[])
{
  int status;

  /* Tests talk to 127.0.0.1 only: never through a proxy from the environment. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jd/net/send/ok", test_send_ok);
  g_test_add_func ("/jd/net/cli/discover-issuer-mismatch", test_cli_discover_issuer_mismatch);
  for (guint i = 0; i < G_N_ELEMENTS (downgrade_rows); i++)
    {
      g_autofree char *p
        = g_strdup_printf ("/jd/net/discover/downgrade%s", downgrade_rows[i].issuer_path);
      g_test_add_data_func (p, GUINT_TO_POINTER (i), test_discover_downgrade);
    }
  for (guint i = 0; i < G_N_ELEMENTS (loopback_rows); i++)
    {
      g_autofree char *p = g_strdup_printf ("/jd/net/loopback/%u", i);
      g_test_add_data_func (p, GUINT_TO_POINTER (i), test_loopback);
    }
  for (guint i = 0; i < G_N_ELEMENTS (refusal_rows); i++)
    {
      g_autofree char *p = g_strdup_printf ("/jd/net/discovery-refusal/%s", refusal_rows[i].name);
      g_test_add_data_func (p, GUINT_TO_POINTER (i), test_refusal);
    }
  g_test_add_func ("/jd/net/send/body-at-cap", test_send_body_exactly_at_cap);
  g_test_add_func ("/jd/net/send/bearer-errors", test_send_bearer_errors);
  g_test_add_func ("/jd/net/send/401-without-www-authenticate",
                   test_send_401_without_www_authenticate);
  g_test_add_func ("/jd/net/send/403", test_send_403);
  g_test_add_func ("/jd/net/send/several-challenges", test_send_several_challenges);
  g_test_add_func ("/jd/net/send/clock-skew", test_send_clock_skew);
  g_test_add_func ("/jd/net/send/timeout", test_send_timeout);
  g_test_add_func ("/jd/net/send/cancel", test_send_cancel);
  g_test_add_func ("/jd/net/send/endless-body", test_send_endless_body);
  g_test_add_func ("/jd/net/send/redirect-other-origin", test_send_redirect_other_origin);
  g_test_add_func ("/jd/net/send/redirect-same-origin", test_send_redirect_same_origin);
  g_test_add_func ("/jd/net/send/redirect-problems", test_send_redirect_problems);
  g_test_add_func ("/jd/net/send/bad-urls", test_send_bad_urls);
  g_test_add_func ("/jd/net/send/connection-refused", test_send_connection_refused);
  g_test_add_func ("/jd/net/request-from-args", test_request_from_args);
  g_test_add_func ("/jd/net/request-from-args-limits", test_request_from_args_limits);
  g_test_add_func ("/jd/net/errors-hide-secrets", test_errors_hide_secrets);
  g_test_add_func ("/jd/net/send/tls-self-signed", test_send_tls_self_signed);
  g_test_add_func ("/jd/net/tls/words", test_certificate_words);
  g_test_add_func ("/jd/net/cache-lifetime", test_cache_lifetime);
  g_test_add_func ("/jd/net/jwks/fetch", test_jwks_fetch);
  g_test_add_func ("/jd/net/jwks/errors", test_jwks_errors);
  g_test_add_func ("/jd/net/discovery/url", test_discovery_url);
  g_test_add_func ("/jd/net/discovery/fetch", test_discover);
  g_test_add_func ("/jd/net/discovery/errors", test_discover_errors);
  g_test_add_func ("/jd/net/discovery/async", test_discover_async);
  g_test_add_func ("/jd/net/jwks/azure-appid", test_azure_appid_hint);
  g_test_add_func ("/jd/net/cli/request", test_cli_request);
  g_test_add_func ("/jd/net/cli/request-text", test_cli_request_text);
  g_test_add_func ("/jd/net/cli/jwks-and-discover", test_cli_jwks_and_discover);
  g_test_add_func ("/jd/net/cli/network-errors", test_cli_network_errors);

  servers_start ();
  status = g_test_run ();
  servers_stop ();
  return status;
}
