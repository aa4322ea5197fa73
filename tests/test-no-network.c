/* test-no-network.c — decoding, verifying with keys from files, reading
 * HAR files and explaining responses open no socket.
 *
 * This program defines socket(), connect() and getaddrinfo() itself. The
 * dynamic linker resolves every call to them — from GLib, GIO, GnuTLS,
 * libsoup or our code — to these definitions first (ELF symbol
 * interposition: the executable comes first in the lookup scope), so any
 * attempt is counted and fails. No LD_PRELOAD, no namespaces, works as
 * root or not, in CI and under the sanitizers. The first test proves that
 * the trap catches a real attempt made through jd-net.
 *
 * jwt-doctor-cli runs in a subprocess with tests/no-network-shim.c
 * preloaded, which makes it exit 97 on any Internet socket or name lookup.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <netdb.h>
#include <string.h>
#include <sys/socket.h>

#include "jd-diagnosis.h"
#include "jd-har.h"
#include "jd-keys.h"
#include "jd-net.h"
#include "jd-request.h"
#include "jd-token.h"
#include "jd-verify.h"
#include "jd-www-authenticate.h"
#include "test-run.h"

static int attempts;
static char last_attempt[128];

static void
note (const char *what, int detail)
{
  g_atomic_int_inc (&attempts);
  g_snprintf (last_attempt, sizeof last_attempt, "%s (%d)", what, detail);
}

int
socket (int domain, int type, int protocol)
{
  note ("socket", domain);
  errno = EACCES;
  return -1;
}

int
connect (int fd, const struct sockaddr *address, socklen_t len)
{
  note ("connect", address ? address->sa_family : -1);
  errno = EACCES;
  return -1;
}

int
getaddrinfo (const char *node, const char *service, const struct addrinfo *hints,
             struct addrinfo **res)
{
  note ("getaddrinfo", 0);
  return EAI_FAIL;
}

#define assert_no_attempt()                                                                        \
  G_STMT_START                                                                                     \
  {                                                                                                \
    if (g_atomic_int_get (&attempts) != 0)                                                         \
      g_error ("a socket was attempted: %s", last_attempt);                                        \
  }                                                                                                \
  G_STMT_END

/* The trap is real: jd-net trying 127.0.0.1 is caught and fails. */
static void
test_trap_catches_jd_net (void)
{
  g_autoptr (JdRequest) request = jd_request_new ("GET", "http://127.0.0.1:9/");
  g_autoptr (GError) error = NULL;
  g_autoptr (JdResponse) response = NULL;

  g_atomic_int_set (&attempts, 0);
  response = jd_net_send (request, NULL, NULL, &error);
  g_assert_null (response);
  g_assert_error (error, JD_NET_ERROR, JD_NET_ERROR_CONNECT);
  g_assert_cmpint (g_atomic_int_get (&attempts), >, 0);
  g_test_message ("caught: %s → %s", last_attempt, error->message);
  g_atomic_int_set (&attempts, 0);
}

/* RFC 7515 A.1 and a broken token: decoding never reaches for the network. */
static const char *const decode_rows[] = {
  "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9."
  "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
  "."
  "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
  "eyJhbGciOiJub25lIn0.eyJpc3MiOiJodHRwczovL2lkLmV4YW1wbGUuY29tLyJ9.",
  "not.a*.token",
};

static void
test_decode (gconstpointer data)
{
  const __typeof__ (decode_rows[0]) *row = data;
  g_autoptr (JdToken) token = jd_token_parse (*row, -1);
  g_assert_nonnull (token);
  assert_no_attempt ();
}

static char *
data_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

/* RFC 7515 A.1 (HS256), A.2 (RS256), A.3 (ES256): each token verified with
 * its key loaded from a file, then the whole diagnosis. */
static const char *const key_file_rows[] = { "rfc7515-A.1", "rfc7515-A.2", "rfc7515-A.3" };

static void
test_verify_with_key_files (gconstpointer data)
{
  const __typeof__ (key_file_rows[0]) *row = data;
  g_autofree char *jws_name = g_strconcat (*row, ".jws", NULL);
  g_autofree char *jwk_name = g_strconcat (*row, ".jwk", NULL);
  g_autofree char *jws_path = data_file (jws_name);
  g_autofree char *jwk_path = data_file (jwk_name);
  g_autoptr (GFile) jwk = g_file_new_for_path (jwk_path);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JdToken) token = NULL;
  g_autoptr (JdKeySet) keys = jd_key_set_new ();
  g_autoptr (JdVerifyResult) result = NULL;
  g_autoptr (JdExpectations) expect = jd_expectations_new ();
  g_autoptr (GPtrArray) findings = NULL;

  g_file_get_contents (jws_path, &text, NULL, &error);
  g_assert_no_error (error);
  token = jd_token_parse (g_strstrip (text), -1);
  g_assert_false (jd_token_is_malformed (token));
  jd_key_set_load_file (keys, jwk, &error);
  g_assert_no_error (error);
  result = jd_verify (token, keys, NULL);
  g_assert_cmpint (jd_verify_result_get_status (result), ==, JD_SIGNATURE_VALID);
  findings = jd_diagnose (token, expect, result, NULL);
  g_assert_true (jd_findings_has (findings, JD_FINDING_SIGNATURE_VALID));
  assert_no_attempt ();
}

static void
check_har (JdHar *har)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (har));

  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (JdHarEntry) entry = g_list_model_get_item (G_LIST_MODEL (har), i);
      g_autoptr (JdResponse) response = jd_har_entry_dup_response (entry);

      if (response != NULL)
        {
          g_autoptr (GPtrArray) findings = jd_response_diagnose (response, NULL, NULL);
          g_assert_nonnull (findings);
        }
    }
}

static void
on_har_loaded (GObject *source, GAsyncResult *result, gpointer user_data)
{
  JdHar **out = user_data;
  g_autoptr (GError) error = NULL;

  *out = jd_har_load_finish (result, &error);
  g_assert_no_error (error);
}

/* The vendored HAR exports (tests/data/har), read in this thread and in a worker thread, every
 * entry's response explained. */
static const char *const har_file_rows[]
  = { "mitmproxy-chrome.har", "mitmproxy-firefox.har", "mitmproxy-with-bom.har" };

static void
test_har_files (gconstpointer data)
{
  const __typeof__ (har_file_rows[0]) *row = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "har", *row, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (JdHar) har = jd_har_load_file (file, NULL, NULL, &error);
  g_autoptr (JdHar) har_async = NULL;

  g_assert_no_error (error);
  check_har (har);

  jd_har_load_async (file, NULL, NULL, NULL, NULL, on_har_loaded, &har_async);
  while (har_async == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (har_async)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (har)));
  assert_no_attempt ();
}

static void
test_explain_response (void)
{
  g_autoptr (JdResponse) response = jd_response_new (401, "Unauthorized");
  g_autoptr (GPtrArray) findings = NULL;
  g_autoptr (JdRequest) request = jd_request_new ("GET", "https://api.example.com/orders");
  g_autofree char *curl = NULL;

  jd_response_add_header (response, "WWW-Authenticate",
                          "Bearer realm=\"api\", error=\"invalid_token\"");
  jd_response_add_header (response, "Date", "Sat, 28 Nov 2026 12:00:00 GMT");
  findings = jd_response_diagnose (response, NULL, NULL);
  g_assert_true (jd_findings_has (findings, "bearer-invalid-token"));

  jd_request_add_header (request, "Authorization", "Bearer a.b.c");
  curl = jd_request_to_curl (request, JD_CURL_THIS_TOKEN, NULL);
  g_assert_nonnull (curl);

  /* and the pure helpers of jd-net itself */
  {
    g_autofree char *explanation = NULL;
    g_autoptr (JdResponse) jwks = jd_response_new (200, "OK");
    g_autofree char *url = jd_net_discovery_url ("https://login.example.com/tenant/", NULL);
    g_autofree char *azure
      = jd_net_azure_appid_discovery_url ("https://sts.windows.net/tenant/", "app");

    g_assert_cmpstr (url, ==, "https://login.example.com/tenant/.well-known/openid-configuration");
    g_assert_nonnull (azure);
    jd_response_add_header (jwks, "Cache-Control", "max-age=600");
    g_assert_cmpint (jd_net_cache_lifetime (jwks, 0, &explanation), ==, 600);
  }
  assert_no_attempt ();
}

/* ------------------------------------------------------------------ */
/* jwt-doctor-cli, with no-network-shim preloaded: without --jwks URL,  */
/* --discover or --request it opens no Internet socket and resolves no  */
/* name; the control case proves the shim catches the CLI when it does. */

#define SHIM_EXIT 97

static int
run_cli_without_network (const char *const *args, char **err_out)
{
  /* an AddressSanitizer build wants its runtime first; the shim comes first here */
  g_autofree char *asan = g_strdup_printf (
    "%s%sverify_asan_link_order=0", g_getenv ("ASAN_OPTIONS") ? g_getenv ("ASAN_OPTIONS") : "",
    g_getenv ("ASAN_OPTIONS") ? ":" : "");
  const char *env[]
    = { "LD_PRELOAD", NO_NETWORK_SHIM, "ASAN_OPTIONS", asan, "GIO_USE_VFS", "local", NULL };
  g_auto (JdTestRun) r = { 0 };

  jd_test_run (&r, jd_test_cli_path (), env, NULL, args);
  if (err_out != NULL)
    *err_out = g_steal_pointer (&r.err);
  return r.status;
}

static void
test_cli_without_network (void)
{
  g_autofree char *jws_path = data_file ("rfc7515-A.2.jws");
  g_autofree char *jwk_path = data_file ("rfc7515-A.2.jwk");
  g_autofree char *token = NULL;
  g_autofree char *har = NULL;
  g_autoptr (GError) error = NULL;

  g_file_get_contents (jws_path, &token, NULL, &error);
  g_assert_no_error (error);
  g_strstrip (token);

  /* control: the shim stops the CLI the moment it reaches for the network */
  {
    const char *args[] = { "--jwks", "http://127.0.0.1:9/jwks.json", token, NULL };
    g_autofree char *err = NULL;
    g_assert_cmpint (run_cli_without_network (args, &err), ==, SHIM_EXIT);
    g_assert_nonnull (strstr (err, "no-network-shim: caught"));
  }
  /* a token with its key from a file (--key and --jwks FILE), text and JSON */
  {
    const char *args[] = { "--key", jwk_path, token, NULL };
    g_assert_cmpint (run_cli_without_network (args, NULL), <, 2);
  }
  {
    const char *args[] = { "--json", "--jwks", jwk_path, "--aud", "api", token, NULL };
    g_assert_cmpint (run_cli_without_network (args, NULL), <, 2);
  }
  /* a token file, and a HAR file */
  {
    const char *args[] = { jws_path, NULL };
    g_assert_cmpint (run_cli_without_network (args, NULL), <, 2);
  }
  {
    const char *args[] = { "--json", NULL, NULL };
    har = g_test_build_filename (G_TEST_DIST, "data", "har", "mitmproxy-chrome.har", NULL);
    args[1] = har;
    g_assert_cmpint (run_cli_without_network (args, NULL), <, 2);
  }
}

int
main (int argc, char *argv[])
{
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jd/no-network/trap", test_trap_catches_jd_net);
  for (guint i = 0; i < G_N_ELEMENTS (decode_rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/jd/no-network/decode/%u", i);
      g_test_add_data_func (path, &decode_rows[i], test_decode);
    }
  for (guint i = 0; i < G_N_ELEMENTS (key_file_rows); i++)
    {
      g_autofree char *path
        = g_strdup_printf ("/jd/no-network/verify-with-key-files/%s", key_file_rows[i]);
      g_test_add_data_func (path, &key_file_rows[i], test_verify_with_key_files);
    }
  for (guint i = 0; i < G_N_ELEMENTS (har_file_rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/jd/no-network/har-files/%s", har_file_rows[i]);
      g_test_add_data_func (path, &har_file_rows[i], test_har_files);
    }
  g_test_add_func ("/jd/no-network/cli", test_cli_without_network);
  g_test_add_func ("/jd/no-network/explain-response", test_explain_response);

  return g_test_run ();
}
