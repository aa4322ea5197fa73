/* test-request.c — JdRequest / JdResponse as data, and their curl rendering
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "jd-request.h"
#include "test-rows.h"

static JdHeader *
header_at (GPtrArray *headers, guint i)
{
  g_assert_cmpuint (i, <, headers->len);
  return g_ptr_array_index (headers, i);
}

static void
test_request_basics (void)
{
  g_autoptr (JdRequest) request = jd_request_new (NULL, "https://api.example.com/v1/me");

  g_assert_cmpstr (jd_request_get_method (request), ==, "GET");
  g_assert_cmpstr (jd_request_get_url (request), ==, "https://api.example.com/v1/me");
  g_assert_null (jd_request_get_body (request));
  g_assert_cmpuint (jd_request_get_headers (request)->len, ==, 0);

  jd_request_set_method (request, "PATCH");
  g_assert_cmpstr (jd_request_get_method (request), ==, "PATCH");
  jd_request_set_method (request, NULL);
  g_assert_cmpstr (jd_request_get_method (request), ==, "GET");
  jd_request_set_url (request, "http://127.0.0.1/");
  g_assert_cmpstr (jd_request_get_url (request), ==, "http://127.0.0.1/");
}

static void
test_request_headers_order (void)
{
  g_autoptr (JdRequest) request = jd_request_new ("POST", "https://api.example.com/");
  GPtrArray *headers = jd_request_get_headers (request);

  jd_request_add_header (request, "Accept", "application/json");
  jd_request_add_header (request, "X-B", "2");
  jd_request_add_header (request, "x-a", "1");
  jd_request_add_header (request, "X-B", "3");

  g_assert_cmpuint (headers->len, ==, 4);
  g_assert_cmpstr (header_at (headers, 0)->name, ==, "Accept");
  g_assert_cmpstr (header_at (headers, 1)->name, ==, "X-B");
  g_assert_cmpstr (header_at (headers, 1)->value, ==, "2");
  g_assert_cmpstr (header_at (headers, 2)->name, ==, "x-a");
  g_assert_cmpstr (header_at (headers, 3)->value, ==, "3");

  /* Lookups are case-insensitive and give the first. */
  g_assert_cmpstr (jd_request_get_header (request, "x-b"), ==, "2");
  g_assert_cmpstr (jd_request_get_header (request, "X-A"), ==, "1");
  g_assert_null (jd_request_get_header (request, "X-C"));

  jd_request_remove_header (request, "x-B");
  g_assert_cmpuint (headers->len, ==, 2);
  g_assert_null (jd_request_get_header (request, "X-B"));
  g_assert_cmpstr (header_at (headers, 1)->name, ==, "x-a");

  jd_request_add_header (request, "X-A", "again");
  jd_request_set_header (request, "X-a", "one");
  g_assert_cmpuint (headers->len, ==, 2);
  g_assert_cmpstr (header_at (headers, 1)->name, ==, "x-a");
  g_assert_cmpstr (header_at (headers, 1)->value, ==, "one");
  jd_request_set_header (request, "X-New", "n");
  g_assert_cmpuint (headers->len, ==, 3);
  g_assert_cmpstr (header_at (headers, 2)->value, ==, "n");

  /* A NULL value is an empty value. */
  jd_request_add_header (request, "X-Empty", NULL);
  g_assert_cmpstr (jd_request_get_header (request, "x-empty"), ==, "");
}

static void
test_request_pseudo_headers (void)
{
  g_autoptr (JdRequest) request = jd_request_new ("GET", "https://api.example.com/");

  jd_request_add_header (request, ":authority", "api.example.com");
  jd_request_add_header (request, ":method", "GET");
  jd_request_add_header (request, ":path", "/");
  jd_request_add_header (request, ":scheme", "https");
  jd_request_set_header (request, ":path", "/x");
  jd_request_add_header (request, "Accept", "*/*");

  g_assert_cmpuint (jd_request_get_headers (request)->len, ==, 1);
  g_assert_null (jd_request_get_header (request, ":authority"));
  g_assert_cmpstr (jd_request_get_header (request, "accept"), ==, "*/*");
}

static void
test_request_body_copy (void)
{
  g_autoptr (JdRequest) request = jd_request_new ("PUT", "https://api.example.com/item");
  g_autoptr (GBytes) body = g_bytes_new_static ("{\"a\":1}", 7);
  g_autoptr (JdRequest) copy = NULL;

  jd_request_add_header (request, "Content-Type", "application/json");
  jd_request_set_body (request, body);
  g_assert_true (g_bytes_equal (jd_request_get_body (request), body));

  copy = jd_request_copy (request);
  jd_request_set_header (request, "Content-Type", "text/plain");
  jd_request_set_body (request, NULL);
  g_assert_null (jd_request_get_body (request));

  g_assert_cmpstr (jd_request_get_method (copy), ==, "PUT");
  g_assert_cmpstr (jd_request_get_url (copy), ==, "https://api.example.com/item");
  g_assert_cmpstr (jd_request_get_header (copy, "content-type"), ==, "application/json");
  g_assert_true (g_bytes_equal (jd_request_get_body (copy), body));
}

static void
test_request_bearer (void)
{
  g_autoptr (JdRequest) request = jd_request_new (NULL, "https://api.example.com/");
  char *token;

  g_assert_null (jd_request_dup_bearer (request));

  jd_request_add_header (request, "Authorization", "Basic dXNlcjpwYXNz");
  g_assert_null (jd_request_dup_bearer (request));

  jd_request_add_header (request, "authorization", "  bEaReR   abc.def.ghi  ");
  token = jd_request_dup_bearer (request);
  g_assert_cmpstr (token, ==, "abc.def.ghi");
  g_free (token);

  jd_request_set_header (request, "Authorization", "Bearer");
  g_assert_null (jd_request_dup_bearer (request));
  jd_request_set_header (request, "Authorization", "Bearerabc");
  g_assert_null (jd_request_dup_bearer (request));
  jd_request_set_header (request, "Authorization", "Bearer\tx.y.z");
  token = jd_request_dup_bearer (request);
  g_assert_cmpstr (token, ==, "x.y.z");
  g_free (token);
}

static void
test_response_basics (void)
{
  g_autoptr (JdResponse) response = jd_response_new (401, "Unauthorized");
  g_autoptr (GBytes) body = g_bytes_new_static ("{}", 2);

  g_assert_cmpuint (jd_response_get_status (response), ==, 401);
  g_assert_cmpstr (jd_response_get_reason (response), ==, "Unauthorized");
  g_assert_cmpstr (jd_response_get_http_version (response), ==, "HTTP/1.1");
  jd_response_set_http_version (response, "HTTP/2");
  g_assert_cmpstr (jd_response_get_http_version (response), ==, "HTTP/2");

  jd_response_add_header (response, ":status", "401");
  jd_response_add_header (response, "WWW-Authenticate", "Bearer error=\"invalid_token\"");
  jd_response_add_header (response, "www-authenticate", "Basic realm=\"x\"");
  g_assert_cmpuint (jd_response_get_headers (response)->len, ==, 2);
  g_assert_cmpstr (jd_response_get_header (response, "WWW-AUTHENTICATE"), ==,
                   "Bearer error=\"invalid_token\"");
  g_assert_null (jd_response_get_header (response, ":status"));

  g_assert_null (jd_response_get_body (response));
  g_assert_false (jd_response_get_body_truncated (response));
  jd_response_set_body (response, body, TRUE);
  g_assert_true (jd_response_get_body (response) == body);
  g_assert_true (jd_response_get_body_truncated (response));

  jd_response_set_elapsed_ms (response, 12.5);
  g_assert_cmpfloat (jd_response_get_elapsed_ms (response), ==, 12.5);
}

/* libsoup 3.2.2 (Debian 12) leaks the socket of every connection the client
 * closes ("Don't leak idle connections closed by the client", fixed in
 * libsoup 3.3.0 by commit d20c6601). Not ours: tell LeakSanitizer, and
 * record whole stacks so it can see g_socket_accept in them (GLib has no
 * frame pointers). Only in this small program; no effect without ASan. */
const char *__lsan_default_suppressions (void);
const char *__asan_default_options (void);

const char *
__lsan_default_suppressions (void)
{
  return "leak:g_socket_accept\n"
         "leak:soup_server_listen_local\n";
}

const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}

/* ------------------------------------------------------------------ */
/* Running shell commands while a SoupServer turns on this thread      */

typedef struct
{
  GBytes *out;
  GError *error;
  gboolean communicated;
  gboolean exited;
} Run;

static void
communicate_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Run *run = user_data;

  g_subprocess_communicate_finish (G_SUBPROCESS (source), result, &run->out, NULL, &run->error);
  run->communicated = TRUE;
}

static void
wait_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Run *run = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  run->exited = TRUE;
}

/* Runs @script with /bin/sh -c, $TOKEN set to @token_env (or unset), no
 * proxy and no ~/.curlrc. Returns stdout; the exit status must be 0. */
static GBytes *
run_shell (const char *shell, const char *script, const char *token_env)
{
  const char *unset[] = { "http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy",
                          "ALL_PROXY",  "no_proxy",   "NO_PROXY",    "TOKEN" };
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;
  Run run = { 0 };

  /* stderr: curl's progress meter. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  for (guint i = 0; i < G_N_ELEMENTS (unset); i++)
    g_subprocess_launcher_unsetenv (launcher, unset[i]);
  g_subprocess_launcher_setenv (launcher, "CURL_HOME", "/nonexistent", TRUE);
  g_subprocess_launcher_setenv (launcher, "HOME", "/nonexistent", TRUE);
  if (token_env != NULL)
    g_subprocess_launcher_setenv (launcher, "TOKEN", token_env, TRUE);

  process = g_subprocess_launcher_spawn (launcher, &error, shell, "-c", script, NULL);
  g_assert_no_error (error);

  g_subprocess_communicate_async (process, NULL, NULL, communicate_cb, &run);
  while (!run.communicated)
    g_main_context_iteration (NULL, TRUE);
  g_subprocess_wait_async (process, NULL, wait_cb, &run);
  while (!run.exited)
    g_main_context_iteration (NULL, TRUE);

  g_assert_no_error (run.error);
  if (!g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != 0)
    g_error ("%s -c failed (status %d) running:\n%s", shell, g_subprocess_get_status (process),
             script);

  return run.out;
}

static GBytes *
run_sh (const char *script, const char *token_env)
{
  return run_shell ("/bin/sh", script, token_env);
}

typedef struct
{
  const char *name;
  const char *value; /* NULL: every byte but NUL, which no shell argument can hold */
} QuoteRow;

static const QuoteRow quote_rows[] = {
  { "empty", "" },
  { "plain", "plain" },
  { "apostrophe", "it's" },
  { "two-quotes", "''" },
  { "escaped-quote", "'\\''" },
  { "double-and-single", "\"double\" and 'single'" },
  { "shell-syntax",
    "$HOME ${PATH} $(echo no) `echo no` $((1+1)) !! ~ * ? [a] {a,b} ; & | < > # %" },
  { "line-breaks", "line one\nline two\r\nline three\n" },
  { "tab-and-backslashes", "tab\there\\back\\\\slash\\n\\t" },
  { "utf-8", "h\xc3\xa9llo \xe2\x86\x92 \xe2\x9c\x93 \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x94\x91" },
  { "not-utf-8", "not utf-8: \xff\xfe\xc3\x28 \x80" },
  { "dash-n", "-n" },
  { "option-like", "--data-raw @file" },
  { "every-byte", NULL },
};

static void
test_shell_quote (gconstpointer data)
{
  const QuoteRow *row = data;
  g_autoptr (GString) all = g_string_new (NULL);
  const char *value;
  gsize len;
  g_autoptr (GString) script = g_string_new ("printf '%s' ");
  g_autoptr (GBytes) out = NULL;
  g_autoptr (GBytes) expected = NULL;

  /* Every byte but NUL, which no shell argument can hold. */
  for (int c = 1; c < 256; c++)
    g_string_append_c (all, (char)c);

  value = row->value != NULL ? row->value : all->str;
  len = strlen (value);
  expected = g_bytes_new (value, len);

  jd_shell_quote_append (script, value, len);
  out = run_sh (script->str, NULL);
  g_assert_true (g_bytes_equal (out, expected));

  /* What a person pastes into: bash. */
  if (g_file_test ("/bin/bash", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_autoptr (GBytes) bash_out = run_shell ("/bin/bash", script->str, NULL);
      g_assert_true (g_bytes_equal (bash_out, expected));
    }
}

/* ------------------------------------------------------------------ */
/* A SoupServer on 127.0.0.1 that remembers the last request           */

typedef struct
{
  SoupServer *server;
  char *base; /* "http://127.0.0.1:PORT" */
  guint hits;
  char *method;
  char *path_and_query;
  GPtrArray *names;
  GPtrArray *values;
  GBytes *body;
} Server;

static void
server_handler (SoupServer *soup_server, SoupServerMessage *msg, const char *path,
                GHashTable *query, gpointer user_data)
{
  Server *server = user_data;
  GUri *uri = soup_server_message_get_uri (msg);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  SoupMessageHeadersIter iter;
  const char *name, *value;

  server->hits++;
  g_free (server->method);
  server->method = g_strdup (soup_server_message_get_method (msg));
  g_free (server->path_and_query);
  if (g_uri_get_query (uri) != NULL)
    server->path_and_query = g_strconcat (g_uri_get_path (uri), "?", g_uri_get_query (uri), NULL);
  else
    server->path_and_query = g_strdup (g_uri_get_path (uri));

  g_ptr_array_set_size (server->names, 0);
  g_ptr_array_set_size (server->values, 0);
  soup_message_headers_iter_init (&iter, headers);
  while (soup_message_headers_iter_next (&iter, &name, &value))
    {
      g_ptr_array_add (server->names, g_strdup (name));
      g_ptr_array_add (server->values, g_strdup (value));
    }

  g_clear_pointer (&server->body, g_bytes_unref);
  server->body = soup_message_body_flatten (soup_server_message_get_request_body (msg));

  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, "ok\n", 3);
}

static Server *
server_new (void)
{
  Server *server = g_new0 (Server, 1);
  g_autoptr (GError) error = NULL;
  GSList *uris;

  server->server = soup_server_new (NULL, NULL);
  server->names = g_ptr_array_new_with_free_func (g_free);
  server->values = g_ptr_array_new_with_free_func (g_free);
  soup_server_add_handler (server->server, NULL, server_handler, server, NULL);

  soup_server_listen_local (server->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (server->server);
  g_assert_nonnull (uris);
  server->base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  return server;
}

static void
server_free (Server *server)
{
  /* curl has exited and closed its connections: let the server see that
   * and let go of them, so nothing is left for the leak checker. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  soup_server_disconnect (server->server);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_object_unref (server->server);
  g_free (server->base);
  g_free (server->method);
  g_free (server->path_and_query);
  g_ptr_array_unref (server->names);
  g_ptr_array_unref (server->values);
  g_clear_pointer (&server->body, g_bytes_unref);
  g_free (server);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Server, server_free)

/* The value the server received for @name; NULL if none; fails on two. */
static const char *
server_header (Server *server, const char *name)
{
  const char *found = NULL;

  for (guint i = 0; i < server->names->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (server->names, i), name) == 0)
      {
        g_assert_null (found);
        found = g_ptr_array_index (server->values, i);
      }

  return found;
}

/* Renders @request, runs it with curl and checks the server got it. */
static void
send_and_compare (Server *server, JdRequest *request, JdCurlVariant variant, const char *token,
                  const char *token_env)
{
  g_autofree char *command = jd_request_to_curl (request, variant, token);
  g_autoptr (GBytes) out = NULL;
  GPtrArray *headers = jd_request_get_headers (request);
  const char *url = jd_request_get_url (request);
  guint hits = server->hits;
  GBytes *body = jd_request_get_body (request);

  g_test_message ("running:\n%s", command);
  out = run_sh (command, token_env);

  /* curl -i: the status line is in the output. */
  g_assert_cmpuint (g_bytes_get_size (out), >=, 12);
  g_assert_true (memcmp (g_bytes_get_data (out, NULL), "HTTP/1.1 200", 12) == 0);

  g_assert_cmpuint (server->hits, ==, hits + 1);
  g_assert_cmpstr (server->method, ==, jd_request_get_method (request));
  g_assert_true (g_str_has_prefix (url, server->base));
  g_assert_cmpstr (server->path_and_query, ==, url + strlen (server->base));

  for (guint i = 0; i < headers->len; i++)
    {
      JdHeader *header = g_ptr_array_index (headers, i);

      /* curl writes Content-Length from the body it sends. */
      if (g_ascii_strcasecmp (header->name, "Authorization") == 0
          || g_ascii_strcasecmp (header->name, "Content-Length") == 0)
        continue;
      g_assert_cmpstr (server_header (server, header->name), ==, header->value);
    }

  switch (variant)
    {
      case JD_CURL_WITHOUT_TOKEN:
        g_assert_null (server_header (server, "Authorization"));
        break;
      case JD_CURL_THIS_TOKEN:
        if (token != NULL)
          {
            g_autofree char *expected = g_strconcat ("Bearer ", token, NULL);
            g_assert_cmpstr (server_header (server, "Authorization"), ==, expected);
          }
        else
          {
            g_assert_cmpstr (server_header (server, "Authorization"), ==,
                             jd_request_get_header (request, "Authorization"));
          }
        break;
      case JD_CURL_FRESH_TOKEN:
        {
          g_autofree char *expected = g_strconcat ("Bearer ", token_env, NULL);
          g_assert_cmpstr (server_header (server, "Authorization"), ==, expected);
        }
        break;
      default:
        g_assert_not_reached ();
    }

  if (body == NULL)
    {
      g_assert_cmpuint (g_bytes_get_size (server->body), ==, 0);
    }
  else
    {
      g_assert_true (g_bytes_equal (server->body, body));
      if (jd_request_get_header (request, "Content-Type") == NULL)
        g_assert_null (server_header (server, "Content-Type"));
    }
}

static const char nasty_body[]
  = "{\"msg\": \"it's \\\"$HOME\\\" `id` $(id) ${PATH}\",\n"
    "  \"lines\": \"one\\ntwo\",\r\n"
    "  \"utf8\": \"h\xc3\xa9llo \xe2\x9c\x93 \xf0\x9f\x94\x91\", \"q\": \"'\\''\"}\n";

static JdRequest *
nasty_request (Server *server)
{
  g_autofree char *url
    = g_strconcat (server->base, "/api/it's/$HOME/items?a[0]=1&b={x}&c=%24'", NULL);
  JdRequest *request = jd_request_new ("POST", url);
  g_autoptr (GBytes) body = g_bytes_new_static (nasty_body, strlen (nasty_body));

  jd_request_add_header (request, ":authority", "127.0.0.1");
  jd_request_add_header (request, ":method", "POST");
  jd_request_add_header (request, "Accept", "application/json");
  jd_request_add_header (request, "Authorization", "Bearer orig.to'k.en$");
  jd_request_add_header (request, "X-Quote", "it's \"quoted\" 'single' '\\''");
  jd_request_add_header (request, "X-Dollar", "$HOME ${PATH} $(id) `id` $((1+1)) !!");
  jd_request_add_header (request, "X-Utf8",
                         "h\xc3\xa9llo \xe2\x86\x92 \xe2\x9c\x93 \xe6\x97\xa5\xe6\x9c\xac");
  jd_request_add_header (request, "X-Backslash", "a\\b\\\\n\\t");
  jd_request_add_header (request, "X-Empty", "");
  jd_request_add_header (request, "Content-Type", "application/json; charset=utf-8");
  jd_request_add_header (request, "Content-Length", "99999");
  jd_request_set_body (request, body);

  return request;
}

/* A HAR is untrusted: a URL that starts with '-' must reach curl as the
 * URL, not as an option ("-o…" would write a file). Run through sh -c with
 * a curl function that prints its arguments, one per line. */
typedef struct
{
  const char *name;
  const char *url;
} UrlRow;

static const UrlRow url_rows[] = {
  { "dash-o", "-o/tmp/jd-pwned" },
  { "dash-dash-next", "--next" },
  { "ftp", "ftp://example.com/x" },
  { "no-scheme", "example.com/x" },
};

static void
test_curl_url_not_an_option (gconstpointer data)
{
  const UrlRow *row = data;
  g_autoptr (JdRequest) request = jd_request_new (NULL, row->url);
  g_autofree char *command = NULL;
  g_autofree char *script = NULL;
  g_autoptr (GBytes) out = NULL;
  g_autofree char *args = NULL;
  g_autofree char *want = NULL;

  jd_request_add_header (request, "Accept", "application/json");
  command = jd_request_to_curl (request, JD_CURL_THIS_TOKEN, NULL);
  g_test_message ("%s", command);
  script
    = g_strconcat ("curl () { for a in \"$@\"; do printf '%s\\n' \"$a\"; done; }\n", command, NULL);
  out = run_sh (script, NULL);
  args = g_strndup (g_bytes_get_data (out, NULL), g_bytes_get_size (out));
  want = g_strdup_printf ("-i\n--url\n%s\n-H\nAccept: application/json\n", row->url);
  g_assert_cmpstr (args, ==, want);
}

/* http(s) URLs keep the short form. */
static void
test_curl_url_http_short (void)
{
  g_autoptr (JdRequest) request = jd_request_new (NULL, "HTTPS://api.example.com/-x");
  g_autofree char *command = jd_request_to_curl (request, JD_CURL_THIS_TOKEN, NULL);
  g_assert_cmpstr (command, ==, "curl -i 'HTTPS://api.example.com/-x'\n");
}

typedef struct
{
  const char *name;
  JdCurlVariant variant;
  const char *token;     /* nullable */
  const char *token_env; /* $TOKEN, nullable */
} RoundtripRow;

static const RoundtripRow roundtrip_rows[] = {
  { "this-token-own", JD_CURL_THIS_TOKEN, NULL, NULL },
  { "this-token-given", JD_CURL_THIS_TOKEN, "ne'w.$tok.`en`", NULL },
  { "without-token", JD_CURL_WITHOUT_TOKEN, NULL, NULL },
  { "fresh-token", JD_CURL_FRESH_TOKEN, NULL, "fresh'$(id).`tok`.en\"" },
};

static void
test_curl_roundtrip (gconstpointer data)
{
  const RoundtripRow *row = data;
  g_autoptr (Server) server = server_new ();
  g_autoptr (JdRequest) request = nasty_request (server);

  send_and_compare (server, request, row->variant, row->token, row->token_env);
}

typedef struct
{
  const char *name;
  const char *method;
  const char *body;
  gboolean needs_x;
} MethodRow;

static const MethodRow method_rows[] = {
  { "get", "GET", NULL, FALSE },
  { "post-body", "POST", "a=1&b=2", FALSE },
  { "post-no-body", "POST", NULL, TRUE },
  { "put", "PUT", "{}", TRUE },
  { "delete", "DELETE", NULL, TRUE },
  { "patch", "PATCH", "[]", TRUE },
  { "get-body", "GET", "body on a GET", TRUE },
  { "options", "OPTIONS", NULL, TRUE },
};

static void
test_curl_methods (gconstpointer data)
{
  const MethodRow *row = data;
  g_autoptr (Server) server = server_new ();
  g_autofree char *url = g_strconcat (server->base, "/m", NULL);
  g_autoptr (JdRequest) request = jd_request_new (row->method, url);
  g_autofree char *command = NULL;

  if (row->body != NULL)
    {
      g_autoptr (GBytes) body = g_bytes_new_static (row->body, strlen (row->body));
      jd_request_set_body (request, body);
    }
  command = jd_request_to_curl (request, JD_CURL_WITHOUT_TOKEN, NULL);
  g_assert_true (g_str_has_prefix (command, "curl -i "));
  g_assert_true ((strstr (command, "\n  -X ") != NULL) == row->needs_x);
  g_assert_true ((strstr (command, "--data-raw ") != NULL) == (row->body != NULL));
  send_and_compare (server, request, JD_CURL_WITHOUT_TOKEN, NULL, NULL);
}

static void
test_curl_binary_body (void)
{
  static const char data[] = "a\0b\xff\x01\n'c\\0%s";
  g_autoptr (Server) server = server_new ();
  g_autofree char *url = g_strconcat (server->base, "/upload", NULL);
  g_autoptr (JdRequest) request = jd_request_new ("PUT", url);
  g_autoptr (GBytes) body = g_bytes_new_static (data, sizeof data - 1);
  g_autofree char *command = NULL;

  jd_request_set_body (request, body);
  command = jd_request_to_curl (request, JD_CURL_WITHOUT_TOKEN, NULL);
  g_assert_true (g_str_has_prefix (command, "printf '%b' '"));
  g_assert_nonnull (strstr (command, "--data-binary '@-'"));
  send_and_compare (server, request, JD_CURL_WITHOUT_TOKEN, NULL, NULL);
}

static void
test_curl_text (void)
{
  g_autoptr (JdRequest) request = jd_request_new (NULL, "https://api.example.com/v1/me");
  g_autofree char *without = NULL;
  g_autofree char *this = NULL;
  g_autofree char *other = NULL;
  g_autofree char *fresh = NULL;
  g_auto (GStrv) lines = NULL;

  jd_request_add_header (request, ":authority", "api.example.com");
  jd_request_add_header (request, ":path", "/v1/me");
  jd_request_add_header (request, "Accept", "application/json");
  jd_request_add_header (request, "authorization", "Bearer abc.def.ghi");
  jd_request_add_header (request, "Accept-Encoding", "gzip, deflate, br");

  without = jd_request_to_curl (request, JD_CURL_WITHOUT_TOKEN, NULL);
  g_assert_cmpstr (without, ==,
                   "curl -i 'https://api.example.com/v1/me' \\\n"
                   "  -H 'Accept: application/json' \\\n"
                   "  --compressed\n");

  this = jd_request_to_curl (request, JD_CURL_THIS_TOKEN, NULL);
  g_assert_cmpstr (this, ==,
                   "curl -i 'https://api.example.com/v1/me' \\\n"
                   "  -H 'Accept: application/json' \\\n"
                   "  -H 'authorization: Bearer abc.def.ghi' \\\n"
                   "  --compressed\n");

  other = jd_request_to_curl (request, JD_CURL_THIS_TOKEN, "x.y.z");
  g_assert_nonnull (strstr (other, "  -H 'authorization: Bearer x.y.z' \\\n"));
  g_assert_null (strstr (other, "abc.def.ghi"));

  fresh = jd_request_to_curl (request, JD_CURL_FRESH_TOKEN, NULL);
  g_assert_null (strstr (fresh, "abc.def.ghi"));
  lines = g_strsplit (fresh, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  g_assert_true (g_str_has_prefix (lines[0], "# "));
  g_assert_nonnull (strstr (lines[0], "TOKEN"));
  g_assert_cmpstr (lines[1], ==, "curl -i 'https://api.example.com/v1/me' \\");
  g_assert_cmpstr (lines[2], ==, "  -H 'Accept: application/json' \\");
  g_assert_cmpstr (lines[3], ==, "  -H \"Authorization: Bearer $TOKEN\" \\");
  g_assert_cmpstr (lines[4], ==, "  --compressed");
  g_assert_cmpstr (lines[5], ==, "");

  /* No pseudo-header leaks into any variant. */
  g_assert_null (strstr (without, ":authority"));
  g_assert_null (strstr (this, ":path"));
  g_assert_null (strstr (fresh, ":authority"));
}

static void
test_curl_add_authorization (void)
{
  g_autoptr (JdRequest) request = jd_request_new ("DELETE", "https://api.example.com/items/[1]");
  g_autofree char *this = NULL;
  g_autofree char *fresh = NULL;
  g_autofree char *none = NULL;

  /* No Authorization in the request: the token variants add one. */
  this = jd_request_to_curl (request, JD_CURL_THIS_TOKEN, "a.b.c");
  g_assert_cmpstr (this, ==,
                   "curl -i --globoff 'https://api.example.com/items/[1]' \\\n"
                   "  -X 'DELETE' \\\n"
                   "  -H 'Authorization: Bearer a.b.c'\n");
  fresh = jd_request_to_curl (request, JD_CURL_FRESH_TOKEN, "a.b.c");
  g_assert_nonnull (strstr (fresh, "\n  -H \"Authorization: Bearer $TOKEN\"\n"));
  g_assert_null (strstr (fresh, "a.b.c"));
  none = jd_request_to_curl (request, JD_CURL_THIS_TOKEN, NULL);
  g_assert_null (strstr (none, "Authorization"));
}

static void
test_curl_without_token_anywhere (void)
{
  g_autoptr (JdRequest) request
    = jd_request_new (NULL, "https://api.example.com/me?a=1&access_token=t.o.k&b=2#top");
  g_autofree char *without = NULL;
  g_autofree char *this = NULL;

  jd_request_add_header (request, "Cookie", "theme=dark; id_token=t.o.k; x=y");
  jd_request_add_header (request, "Authorization", "Bearer t.o.k");

  without = jd_request_to_curl (request, JD_CURL_WITHOUT_TOKEN, "t.o.k");
  g_assert_cmpstr (without, ==,
                   "curl -i 'https://api.example.com/me?a=1&b=2#top' \\\n"
                   "  -H 'Cookie: theme=dark; x=y'\n");

  /* The token variants keep them. */
  this = jd_request_to_curl (request, JD_CURL_THIS_TOKEN, "t.o.k");
  g_assert_nonnull (strstr (this, "access_token=t.o.k"));
  g_assert_nonnull (strstr (this, "id_token=t.o.k"));

  /* Nothing left in the Cookie header: no header. */
  jd_request_set_header (request, "Cookie", "id_token=t.o.k");
  g_free (without);
  without = jd_request_to_curl (request, JD_CURL_WITHOUT_TOKEN, "t.o.k");
  g_assert_null (strstr (without, "Cookie"));
}

static void
test_curl_folded_header (void)
{
  g_autoptr (JdRequest) request = jd_request_new (NULL, "https://api.example.com/");
  g_autofree char *command = NULL;

  jd_request_add_header (request, "X-Folded", "first\r\n  second\nthird \n\tfourth");
  jd_request_add_header (request, "X-Empty", "");
  command = jd_request_to_curl (request, JD_CURL_WITHOUT_TOKEN, NULL);
  g_assert_cmpstr (command, ==,
                   "curl -i 'https://api.example.com/' \\\n"
                   "  -H 'X-Folded: first second third fourth' \\\n"
                   "  -H 'X-Empty;'\n");
}

typedef struct
{
  const char *name;
  const char *url;
  const char *redacted;
} RedactRow;

static const RedactRow redact_rows[] = {
  { "plain", "https://api.example.com/v1/orders", "https://api.example.com/v1/orders" },
  { "query", "https://api.example.com/v1/orders?access_token=x&y=z",
    "https://api.example.com/v1/orders?…" },
  { "fragment", "https://api.example.com/cb#id_token=x", "https://api.example.com/cb#…" },
  { "query-and-fragment", "https://api.example.com/cb?a=1#id_token=x",
    "https://api.example.com/cb?…#…" },
  { "userinfo-and-port", "https://alice:hunter2@api.example.com:8443/x",
    "https://api.example.com:8443/x" },
  { "user-only", "https://alice@api.example.com", "https://api.example.com" },
  { "several-at", "http://a@b@api.example.com/p@q?r@s", "http://api.example.com/p@q?…" },
  { "network-path", "//alice:pw@host/x", "//host/x" },
  { "no-scheme", "alice:pw@host/x", "host/x" },
  /* without a scheme, a "//" in the path is not where the authority starts */
  { "no-scheme-double-slash-path", "user:pw@host/a//b", "host/a//b" },
  { "no-scheme-double-slash-at", "user:pw@host/a//c@d", "host/a//c@d" },
  { "no-userinfo-double-slash-at", "host/a//b@c", "host/a//b@c" },
  { "query-with-slashes", "user:pw@host?q=//x@y", "host?…" },
  { "scheme-double-slash-path", "https://user:pw@host/a//b", "https://host/a//b" },
  { "not-a-url", "not a url", "not a url" },
  { "question-mark", "?", "?…" },
  { "empty", "", "" },
  { "not-utf-8", "http://h\xff/x?y", "http://h\xef\xbf\xbd/x?…" },
};

/* jd_url_redact (was in test-net: it is core) */
static void
test_redact_url (gconstpointer data)
{
  const RedactRow *row = data;
  g_autofree char *got = jd_url_redact (row->url);

  g_assert_cmpstr (got, ==, row->redacted);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jd/request/basics", test_request_basics);
  g_test_add_func ("/jd/request/headers/order", test_request_headers_order);
  g_test_add_func ("/jd/request/headers/pseudo", test_request_pseudo_headers);
  g_test_add_func ("/jd/request/body-copy", test_request_body_copy);
  g_test_add_func ("/jd/request/bearer", test_request_bearer);
  g_test_add_func ("/jd/response/basics", test_response_basics);
  g_test_add_func ("/jd/request/curl/text", test_curl_text);
  g_test_add_func ("/jd/request/curl/add-authorization", test_curl_add_authorization);
  g_test_add_func ("/jd/request/curl/folded-header", test_curl_folded_header);
  g_test_add_func ("/jd/request/curl/without-token-anywhere", test_curl_without_token_anywhere);
  JD_TEST_ADD_ROWS ("/jd/request/curl/shell-quote", quote_rows, name, test_shell_quote);
  JD_TEST_ADD_ROWS ("/jd/request/curl/roundtrip", roundtrip_rows, name, test_curl_roundtrip);
  JD_TEST_ADD_ROWS ("/jd/request/curl/url-not-an-option", url_rows, name,
                    test_curl_url_not_an_option);
  g_test_add_func ("/jd/request/curl/url-http-short", test_curl_url_http_short);
  JD_TEST_ADD_ROWS ("/jd/request/curl/methods", method_rows, name, test_curl_methods);
  g_test_add_func ("/jd/request/curl/binary-body", test_curl_binary_body);
  JD_TEST_ADD_ROWS ("/jd/request/redact-url", redact_rows, name, test_redact_url);

  return g_test_run ();
}
