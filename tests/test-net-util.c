/* test-net-util.c — the SoupServers on 127.0.0.1 that test-net and
 * test-net-keys drive jd-net against (one of them TLS, with a certificate
 * made here with GnuTLS), in a thread of their own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <libsoup/soup.h>

#include "test-net-util.h"
#include "test-tls.h"

Servers *servers;

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

/* A sent request's answers: statuses, challenges, a skewed clock, and
 * answers that never come or never end. FALSE when @path is not one. */
static gboolean
answer_send (Servers *s, SoupServerMessage *msg, const char *path)
{
  SoupMessageHeaders *response_headers = soup_server_message_get_response_headers (msg);

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
  else
    return FALSE;
  return TRUE;
}

/* Key sets and discovery documents, good and broken. */
static gboolean
answer_keys (Servers *s, SoupServerMessage *msg, const char *path)
{
  SoupMessageHeaders *response_headers = soup_server_message_get_response_headers (msg);

  if (g_str_equal (path, "/jwks"))
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
  else
    return FALSE;
  return TRUE;
}

/* Redirects: to another origin, the same one, a loop, not http. */
static gboolean
answer_redirect (Servers *s, SoupServerMessage *msg, const char *path)
{
  if (g_str_equal (path, "/redirect-other"))
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
    return FALSE;
  return TRUE;
}

static void
handle_plain (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
              gpointer user_data)
{
  Servers *s = user_data;

  record (s, msg, FALSE);
  if (!answer_send (s, msg, path) && !answer_keys (s, msg, path) && !answer_redirect (s, msg, path))
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

void
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

void
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

char *
url (const char *path)
{
  return g_strconcat (servers->plain_url, path, NULL);
}

JdRequest *
request_with_token (const char *path)
{
  g_autofree char *u = url (path);
  JdRequest *request = jd_request_new ("GET", u);

  jd_request_add_header (request, "Authorization", "Bearer header.payload.signature");
  jd_request_add_header (request, "Accept", "application/json");
  return request;
}

/* ------------------------------------------------------------------ */
/* Sending                                                             */
