/* test-net.c — src/net sends: answers, redirects, timeouts, requests built
 * from arguments, errors that hide secrets, TLS and caching, against the
 * SoupServers on 127.0.0.1 of test-net-util.c (keys: test-net-keys.c)
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
#include "test-net-util.h"
#include "test-run.h"
#include "jd-net-key-trust.h"
#include "test-rows.h"

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

/* GET @path with a token: the answer must come, with the status @status
 * (unless 0); its findings, dumped. The answer in @out_response. */
static GPtrArray *
send_diagnosed (const char *path, guint status, JdResponse **out_response)
{
  g_autoptr (JdRequest) request = request_with_token (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (JdResponse) response = jd_net_send (request, NULL, NULL, &error);
  GPtrArray *findings;

  g_assert_no_error (error);
  if (status != 0)
    g_assert_cmpuint (jd_response_get_status (response), ==, status);
  findings = jd_response_diagnose (response, NULL, NULL);
  dump (findings);
  if (out_response != NULL)
    *out_response = g_steal_pointer (&response);
  return findings;
}

/* Sending @request with @options gives no answer but the JD_NET_ERROR
 * @code. (transfer full) */
static GError *
send_refused (JdRequest *request, const JdNetOptions *options, int code)
{
  GError *error = NULL;
  g_autoptr (JdResponse) response = jd_net_send (request, options, NULL, &error);

  g_assert_null (response);
  g_assert_error (error, JD_NET_ERROR, code);
  return error;
}

static const struct
{
  const char *error;
  guint status;
  const char *finding;
} bearer_error_rows[] = {
  { "invalid_token", 401, JD_FINDING_BEARER_INVALID_TOKEN },
  { "invalid_request", 400, JD_FINDING_BEARER_INVALID_REQUEST },
  { "insufficient_scope", 403, JD_FINDING_INSUFFICIENT_SCOPE },
};

static void
test_send_bearer_errors (gconstpointer data)
{
  const __typeof__ (bearer_error_rows[0]) *row = data;
  g_autofree char *path = g_strdup_printf ("/401/%s", row->error);
  g_autoptr (GPtrArray) findings = send_diagnosed (path, row->status, NULL);
  JdFinding *f = finding_saying (findings, row->finding, "said by the test server");

  g_assert_nonnull (strstr (jd_finding_get_message (f), "realm \"test\""));
  g_assert_false (jd_findings_has (findings, JD_FINDING_MISSING_WWW_AUTHENTICATE));
}

static void
test_send_401_without_www_authenticate (void)
{
  g_autoptr (GPtrArray) findings = send_diagnosed ("/401-bare", 401, NULL);
  JdFinding *f = finding_saying (findings, JD_FINDING_MISSING_WWW_AUTHENTICATE, "test-gateway");

  g_assert_cmpint (jd_finding_get_severity (f), ==, JD_SEVERITY_ERROR);
}

static void
test_send_403 (void)
{
  g_autoptr (GPtrArray) findings = send_diagnosed ("/403", 403, NULL);

  g_assert_true (jd_findings_has (findings, JD_FINDING_STATUS_403));
  g_assert_false (jd_findings_has (findings, JD_FINDING_MISSING_WWW_AUTHENTICATE));
}

static void
test_send_several_challenges (void)
{
  g_autoptr (JdResponse) response = NULL;
  g_autoptr (GPtrArray) findings = send_diagnosed ("/challenges", 0, &response);
  g_autoptr (GPtrArray) challenges = NULL;
  g_autoptr (GPtrArray) values = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  GPtrArray *headers;

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
  g_assert_true (jd_findings_has (findings, JD_FINDING_BEARER_INVALID_TOKEN));
  g_assert_false (jd_findings_has (findings, JD_FINDING_NO_BEARER_CHALLENGE));
}

static void
test_send_clock_skew (void)
{
  g_autoptr (GPtrArray) findings = send_diagnosed ("/skewed", 0, NULL);

  finding_saying (findings, JD_FINDING_SERVER_CLOCK_SKEW, "5 minutes ahead");
}

static void
test_send_timeout (void)
{
  g_autoptr (JdRequest) request = request_with_token ("/hang");
  JdNetOptions options = { .timeout = 1 };
  g_autoptr (GError) error = NULL;

  error = send_refused (request, &options, JD_NET_ERROR_TIMEOUT);
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
    error = send_refused (request, NULL, JD_NET_ERROR_REDIRECT);
    g_test_message ("%s", error->message);
    g_clear_error (&error);
  }
  {
    g_autoptr (JdRequest) request = request_with_token ("/redirect-ftp");
    error = send_refused (request, NULL, JD_NET_ERROR_REDIRECT);
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

static const char *const bad_url_rows[]
  = { "not a url", "ftp://127.0.0.1/", "file:///etc/passwd", "http://" };

static void
test_send_bad_urls (gconstpointer data)
{
  const __typeof__ (bad_url_rows[0]) *row = data;
  g_autoptr (JdRequest) request = jd_request_new ("GET", *row);
  g_autoptr (GError) error = NULL;

  error = send_refused (request, NULL, JD_NET_ERROR_URL);
  g_test_message ("%s", error->message);
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

static const struct
{
  const char *name;
  const char *header;
  const char *part;
} bad_header_rows[] = {
  { "no-colon", "NoColon", "no ':'" },
  { "bad-name", "Bad Name: x", "byte 3 of the name" },
  { "empty-name", ": x", "empty name" },
  { "line-break", "X-Injected: a\r\nHost: evil", "line breaks" },
};

static void
test_request_from_args_bad_header (gconstpointer data)
{
  const __typeof__ (bad_header_rows[0]) *row = data;
  g_autofree char *u = url ("/ok");
  g_autoptr (GError) error = NULL;
  const char *one[] = { row->header, NULL };
  g_autoptr (JdRequest) request = jd_net_request_new_from_args (u, NULL, one, NULL, &error);

  g_assert_null (request);
  g_assert_error (error, JD_NET_ERROR, JD_NET_ERROR_HEADER);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, row->part));
}

static void
test_request_from_args (void)
{
  g_autofree char *u = url ("/ok");
  const char *headers[] = { "Accept: application/json", "X-Trace-Id:  42 ", NULL };
  const char *with_auth[] = { "authorization: Basic dXNlcjpwYXNz", NULL };
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

    jd_request_add_header (request, "X-Evil", "a\r\nX-Injected: 1");
    g_assert_cmpstr (jd_request_get_header (request, "X-Evil"), ==, "a\r\nX-Injected: 1");
    error = send_refused (request, NULL, JD_NET_ERROR_HEADER);
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

/* -H without a colon: the position and at most the name, never the value */
static void
test_secret_header_without_colon (void)
{
  g_autofree char *u = url ("/ok");
  g_autoptr (GError) error = NULL;
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
}

/* a bare token: nothing of it is shown */
static void
test_secret_header_bare_token (void)
{
  g_autofree char *u = url ("/ok");
  g_autoptr (GError) error = NULL;
  const char *headers[] = { "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0." SECRET, NULL };
  g_autoptr (JdRequest) request = jd_net_request_new_from_args (u, NULL, headers, NULL, &error);

  g_assert_null (request);
  assert_no_secret (error);
  g_assert_nonnull (strstr (error->message, "-H argument 1"));
}

/* a space instead of the colon, and a colon inside the value */
static void
test_secret_header_space_for_colon (void)
{
  g_autofree char *u = url ("/ok");
  g_autoptr (GError) error = NULL;
  const char *headers[] = { "Authorization Basic alice:hunter2", NULL };
  g_autoptr (JdRequest) request = jd_net_request_new_from_args (u, NULL, headers, NULL, &error);

  g_assert_null (request);
  assert_no_secret (error);
  g_assert_nonnull (strstr (error->message, "-H argument 1"));
  g_assert_nonnull (strstr (error->message, "byte 13 of the name (0x20)"));
}

/* URLs that are refused: userinfo and query are not shown */
static const struct
{
  const char *name;
  const char *url;
} secret_url_rows[] = {
  { "ftp", "ftp://" USERINFO "127.0.0.1/x?access_token=" SECRET },
  { "no-host", "http://" USERINFO "/x?access_token=" SECRET },
  { "not-a-url", "not a url " USERINFO "?access_token=" SECRET },
  { "bad-port", "http://" USERINFO "127.0.0.1:99999/?" SECRET },
};

static void
test_secret_refused_url (gconstpointer data)
{
  const char *refused = secret_url_rows[GPOINTER_TO_UINT (data)].url;
  g_autoptr (GError) error = NULL;
  g_autoptr (JdRequest) request = jd_net_request_new_from_args (refused, NULL, NULL, NULL, &error);
  g_autoptr (JdRequest) direct = jd_request_new ("GET", refused);
  g_autoptr (JdResponse) response = NULL;

  g_assert_null (request);
  g_assert_error (error, JD_NET_ERROR, JD_NET_ERROR_URL);
  assert_no_secret (error);
  g_clear_error (&error);
  response = jd_net_send (direct, NULL, NULL, &error);
  g_assert_null (response);
  assert_no_secret (error);
}

static void
test_secret_connection_refused (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *refused = g_strdup_printf (
    "http://" USERINFO "127.0.0.1:%u/x?access_token=" SECRET "#" SECRET, closed_port ());
  g_autoptr (JdRequest) request = jd_request_new (NULL, refused);

  error = send_refused (request, NULL, JD_NET_ERROR_CONNECT);
  assert_no_secret (error);
  g_assert_nonnull (strstr (error->message, "/x?…"));
}

static void
test_secret_timeout (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *hang = secret_url ("/hang?access_token=" SECRET);
  g_autoptr (JdRequest) request = jd_request_new (NULL, hang);
  JdNetOptions options = { .timeout = 1 };

  error = send_refused (request, &options, JD_NET_ERROR_TIMEOUT);
  assert_no_secret (error);
}

/* a redirect to somewhere that is not http(s) */
static void
test_secret_redirect (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *redirect = secret_url ("/redirect-ftp-secret?access_token=" SECRET);
  g_autoptr (JdRequest) request = jd_request_new (NULL, redirect);

  error = send_refused (request, NULL, JD_NET_ERROR_REDIRECT);
  assert_no_secret (error);
  g_assert_nonnull (strstr (error->message, "ftp://127.0.0.1/x?…"));
}

/* key sets: HTTP error, not a key set, too large */
static const struct
{
  const char *name;
  const char *path;
} secret_jwks_rows[] = {
  { "http-error", "/nowhere?access_token=" SECRET },
  { "not-json", "/jwks-not-json?access_token=" SECRET },
  { "broken-json", "/jwks-broken-json?access_token=" SECRET },
  { "too-large", "/endless?access_token=" SECRET },
};

static void
test_secret_jwks (gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *jwks = secret_url (secret_jwks_rows[GPOINTER_TO_UINT (data)].path);
  JdNetOptions options = { .max_body = 64 * 1024 };
  g_autoptr (JdRemoteKeys) keys = jd_net_fetch_jwks (jwks, &options, NULL, &error);

  g_assert_null (keys);
  assert_no_secret (error);
}

/* discovery: the issuer and the document's URL */
static const struct
{
  const char *name;
  const char *path;
} secret_discovery_rows[] = {
  { "missing", "/missing" }, { "no-jwks", "/nojwks" },        { "not-json", "/notjson" },
  { "deep", "/deep" },       { "query", "/?tenant=" SECRET },
};

static void
test_secret_discovery (gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *issuer = secret_url (secret_discovery_rows[GPOINTER_TO_UINT (data)].path);
  g_autoptr (JdRemoteKeys) keys = jd_net_discover (issuer, NULL, NULL, &error);

  g_assert_null (keys);
  assert_no_secret (error);
}

static void
test_secret_discovery_url (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *got = jd_net_discovery_url ("ftp://" USERINFO "id.example.com/?" SECRET, &error);

  g_assert_null (got);
  assert_no_secret (error);
}

/* Regression: error messages must never show a header value nor a URL's
 * userinfo or query; one case per place an error can come from. */
static void
add_errors_hide_secrets (void)
{
  g_test_add_func ("/jd/net/errors-hide-secrets/header-without-colon",
                   test_secret_header_without_colon);
  g_test_add_func ("/jd/net/errors-hide-secrets/header-bare-token", test_secret_header_bare_token);
  g_test_add_func ("/jd/net/errors-hide-secrets/header-space-for-colon",
                   test_secret_header_space_for_colon);
  for (guint i = 0; i < G_N_ELEMENTS (secret_url_rows); i++)
    {
      g_autofree char *path
        = g_strdup_printf ("/jd/net/errors-hide-secrets/url/%s", secret_url_rows[i].name);
      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_secret_refused_url);
    }
  g_test_add_func ("/jd/net/errors-hide-secrets/connection-refused",
                   test_secret_connection_refused);
  g_test_add_func ("/jd/net/errors-hide-secrets/timeout", test_secret_timeout);
  g_test_add_func ("/jd/net/errors-hide-secrets/redirect", test_secret_redirect);
  for (guint i = 0; i < G_N_ELEMENTS (secret_jwks_rows); i++)
    {
      g_autofree char *path
        = g_strdup_printf ("/jd/net/errors-hide-secrets/jwks/%s", secret_jwks_rows[i].name);
      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_secret_jwks);
    }
  for (guint i = 0; i < G_N_ELEMENTS (secret_discovery_rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/jd/net/errors-hide-secrets/discovery/%s",
                                               secret_discovery_rows[i].name);
      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_secret_discovery);
    }
  g_test_add_func ("/jd/net/errors-hide-secrets/discovery-url", test_secret_discovery_url);
}

static void
test_send_connection_refused (void)
{
  /* a free port, closed again */
  g_autofree char *u = g_strdup_printf ("http://127.0.0.1:%u/", closed_port ());
  g_autoptr (JdRequest) request = jd_request_new (NULL, u);
  g_autoptr (GError) error = send_refused (request, NULL, JD_NET_ERROR_CONNECT);

  g_test_message ("%s", error->message);
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
  error = send_refused (request, NULL, JD_NET_ERROR_TLS);
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
  error = send_refused (request, NULL, JD_NET_ERROR_TLS);
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

static const struct
{
  const char *cache_control;
  const char *expires;
  const char *age;
  gint64 lifetime;
  const char *part;
} cache_rows[] = {
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

static void
test_cache_lifetime (gconstpointer data)
{
  const __typeof__ (cache_rows[0]) *row = data;
  guint i = (guint)(row - cache_rows);
  g_autoptr (JdResponse) response = jd_response_new (200, "OK");
  g_autofree char *explanation = NULL;
  gint64 lifetime;

  jd_response_add_header (response, "Date", "Sat, 28 Nov 2026 12:00:00 GMT");
  if (row->cache_control)
    jd_response_add_header (response, "Cache-Control", row->cache_control);
  if (row->expires)
    jd_response_add_header (response, "Expires", row->expires);
  if (row->age)
    jd_response_add_header (response, "Age", row->age);
  lifetime = jd_net_cache_lifetime (response, 1795867200, &explanation);
  g_test_message ("%u: %" G_GINT64_FORMAT " %s", i, lifetime, explanation);
  g_assert_cmpint (lifetime, ==, row->lifetime);
  g_assert_nonnull (strstr (explanation, row->part));
}

int
main (int argc, char *argv[])
{
  int status;

  /* Tests talk to 127.0.0.1 only: never through a proxy from the environment. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jd/net/send/ok", test_send_ok);
  g_test_add_func ("/jd/net/send/body-at-cap", test_send_body_exactly_at_cap);
  JD_TEST_ADD_ROWS ("/jd/net/send/bearer-errors", bearer_error_rows, error,
                    test_send_bearer_errors);
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
  for (guint i = 0; i < G_N_ELEMENTS (bad_url_rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/jd/net/send/bad-urls/%u", i);
      g_test_add_data_func (path, &bad_url_rows[i], test_send_bad_urls);
    }
  g_test_add_func ("/jd/net/send/connection-refused", test_send_connection_refused);
  g_test_add_func ("/jd/net/request-from-args", test_request_from_args);
  JD_TEST_ADD_ROWS ("/jd/net/request-from-args/bad-header", bad_header_rows, name,
                    test_request_from_args_bad_header);
  g_test_add_func ("/jd/net/request-from-args-limits", test_request_from_args_limits);
  add_errors_hide_secrets ();
  g_test_add_func ("/jd/net/send/tls-self-signed", test_send_tls_self_signed);
  g_test_add_func ("/jd/net/tls/words", test_certificate_words);
  for (guint i = 0; i < G_N_ELEMENTS (cache_rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/jd/net/cache-lifetime/%u", i);
      g_test_add_data_func (path, &cache_rows[i], test_cache_lifetime);
    }

  servers_start ();
  status = g_test_run ();
  servers_stop ();
  return status;
}
