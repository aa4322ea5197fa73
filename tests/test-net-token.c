/* test-net-token.c — Get a Fresh Token against a real identity provider on
 * 127.0.0.1 (tests/idp-server.c): discovery, each grant, each client
 * authentication, every row of the error table from the wire, a slow and a
 * hanging endpoint, cancellation, and a redirect that tries to take the
 * client secret to another origin.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <libsoup/soup.h>

#include "idp-server.h"
#include "jd-client-assertion.h"
#include "jd-token.h"
#include "jd-net-token.h"
#include "jd-token-errors.h"
#include "test-rows.h"
#include "token-error-examples.h"

static Idp *idp;

typedef struct
{
  GAsyncResult *result;
  char *user_code;
  char *verification_uri;
  SoupSession *browser;
  char *page;
  guint page_status;
  const char *browser_mode; /* NULL: follow the IdP; "forged-state": come back with another state */
} Run;

static void
on_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Run *run = user_data;

  run->result = g_object_ref (result);
}

static void
show_code (const JdTokenAnswer *device, gpointer user_data)
{
  Run *run = user_data;

  run->user_code = g_strdup (device->user_code);
  run->verification_uri = g_strdup (device->verification_uri);
}

static void
on_page (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Run *run = user_data;
  g_autoptr (GBytes) bytes
    = soup_session_send_and_read_finish (SOUP_SESSION (source), result, NULL);
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);

  run->page_status = soup_message_get_status (msg);
  run->page
    = bytes ? g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes)) : g_strdup ("");
}

/* The browser: the test opens the authorization URL itself. */
static void
open_uri (const char *url, gpointer user_data)
{
  Run *run = user_data;
  g_autoptr (SoupMessage) msg = NULL;
  g_autofree char *target = NULL;

  g_assert_true (g_str_has_prefix (url, idp_issuer (idp)));
  g_assert_nonnull (strstr (url, "code_challenge_method=S256"));
  g_assert_null (strstr (url, "code_verifier"));
  if (g_strcmp0 (run->browser_mode, "forged-state") == 0)
    {
      /* Straight to the loopback redirect, with a state this run did not send. */
      g_autoptr (GUri) uri = g_uri_parse (url, G_URI_FLAGS_ENCODED_QUERY, NULL);
      g_autoptr (GHashTable) query
        = g_uri_parse_params (g_uri_get_query (uri), -1, "&", G_URI_PARAMS_NONE, NULL);
      target = g_strdup_printf ("%s?code=the-code&state=forged",
                                (char *)g_hash_table_lookup (query, "redirect_uri"));
      g_assert_true (g_str_has_prefix (target, "http://127.0.0.1:"));
    }
  else
    target = g_strdup (url);
  run->browser = soup_session_new ();
  msg = soup_message_new ("GET", target);
  soup_session_send_and_read_async (run->browser, msg, G_PRIORITY_DEFAULT, NULL, on_page, run);
}

static JdTokenAnswer *
fresh (const JdTokenGrant *grant, const char *issuer, Run *run, guint timeout,
       GCancellable *cancellable, GError **error)
{
  JdFreshTokenUi ui = { open_uri, show_code, NULL, run };
  JdNetOptions options = { .timeout = timeout };
  JdTokenAnswer *answer;

  jd_net_fresh_token_async (grant, issuer, &ui, &options, cancellable, on_done, run);
  while (run->result == NULL || (run->browser != NULL && run->page == NULL))
    g_main_context_iteration (NULL, TRUE);
  answer = jd_net_fresh_token_finish (run->result, error);
  g_clear_object (&run->result);
  return answer;
}

static void
run_clear (Run *run)
{
  /* Let the loopback server's last idle callbacks run. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_free (run->user_code);
  g_free (run->verification_uri);
  g_clear_object (&run->browser);
  g_free (run->page);
}

static JdTokenGrant *
grant_new (JdGrantType type, JdClientAuth auth)
{
  JdTokenGrant *grant = jd_token_grant_new (type);

  grant->auth = auth;
  grant->client_id = g_strdup (IDP_CLIENT_ID);
  grant->client_secret = g_strdup (IDP_CLIENT_SECRET);
  grant->audience = g_strdup (IDP_AUDIENCE);
  return grant;
}

static void
reset (void)
{
  idp_set_token_mode (idp, IDP_TOKEN_OK, NULL, NULL);
  idp_set_device (idp, 0, 0, FALSE);
  idp_set_authorize_error (idp, NULL);
}

/* One test's grant, its answer or error, and its browser. */
typedef struct
{
  JdTokenGrant *grant;
  JdTokenAnswer *answer;
  GError *error;
  Run run;
} Case;

/* The IdP answers tokens again; a grant of @type with @auth. */
static void
case_start (Case *c, JdGrantType type, JdClientAuth auth)
{
  reset ();
  c->grant = grant_new (type, auth);
}

/* Get a Fresh Token with the case's grant: c->answer or c->error. */
static void
case_fresh (Case *c, const char *issuer, guint timeout, GCancellable *cancellable)
{
  g_clear_pointer (&c->answer, jd_token_answer_free);
  g_clear_error (&c->error);
  c->answer = fresh (c->grant, issuer, &c->run, timeout, cancellable, &c->error);
}

static void
case_clear (Case *c)
{
  run_clear (&c->run);
  g_clear_pointer (&c->answer, jd_token_answer_free);
  g_clear_error (&c->error);
  g_clear_pointer (&c->grant, jd_token_grant_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Case, case_clear)

static void
assert_token (JdTokenAnswer *answer, GError *error)
{
  g_assert_no_error (error);
  g_assert_nonnull (answer);
  g_assert_true (jd_token_answer_has_token (answer));
  g_assert_cmpuint (g_strv_length ((char *[]){ answer->access_token, NULL }), ==, 1);
  g_assert_true (g_str_has_prefix (answer->access_token, "eyJ"));
}

/* No answer, but the error @domain/@code whose message says @needle. */
static void
assert_refused (Case *c, GQuark domain, int code, const char *needle)
{
  g_assert_null (c->answer);
  g_assert_error (c->error, domain, code);
  g_assert_nonnull (strstr (c->error->message, needle));
}

/* ---- grants ---------------------------------------------------------------- */

static void
test_client_credentials_basic_discovered (void)
{
  g_auto (Case) c = { 0 };
  g_autofree char *authorization = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *audience = NULL;

  case_start (&c, JD_GRANT_CLIENT_CREDENTIALS, JD_CLIENT_AUTH_BASIC);
  /* No token endpoint typed: discovery of the token's iss finds it. */
  case_fresh (&c, idp_issuer (idp), 10, NULL);
  assert_token (c.answer, c.error);
  authorization = idp_last (idp, "Authorization");
  secret = idp_last (idp, "client_secret");
  audience = idp_last (idp, "audience");
  g_assert_true (g_str_has_prefix (authorization, "Basic "));
  g_assert_null (secret);
  g_assert_cmpstr (audience, ==, IDP_AUDIENCE);
}

static void
test_client_credentials_post_typed (void)
{
  g_auto (Case) c = { 0 };
  g_autofree char *authorization = NULL;
  g_autofree char *secret = NULL;

  case_start (&c, JD_GRANT_CLIENT_CREDENTIALS, JD_CLIENT_AUTH_POST);
  c.grant->token_endpoint = g_strconcat (idp_issuer (idp), "/token", NULL);
  case_fresh (&c, NULL, 10, NULL);
  assert_token (c.answer, c.error);
  authorization = idp_last (idp, "Authorization");
  secret = idp_last (idp, "client_secret");
  g_assert_null (authorization);
  g_assert_cmpstr (secret, ==, IDP_CLIENT_SECRET);
}

static void
test_client_credentials_wrong_secret (void)
{
  g_auto (Case) c = { 0 };
  g_autofree char *text = NULL;
  g_autofree char *fix = NULL;

  case_start (&c, JD_GRANT_CLIENT_CREDENTIALS, JD_CLIENT_AUTH_BASIC);
  g_free (c.grant->client_secret);
  c.grant->client_secret = g_strdup ("Xq9-not-it");
  case_fresh (&c, idp_issuer (idp), 10, NULL);
  g_assert_no_error (c.error);
  g_assert_false (jd_token_answer_has_token (c.answer));
  g_assert_cmpuint (c.answer->status, ==, 401);
  text = jd_token_answer_explain (c.answer, &fix);
  g_assert_nonnull (strstr (text, "401"));
  g_assert_nonnull (strstr (text, "invalid_client"));
  g_assert_null (strstr (text, "Xq9-not-it")); /* the secret is never in a message */
  g_assert_nonnull (strstr (fix, "client_secret_basic"));
}

static char *
make_assertion (const char *token_endpoint, gpointer user_data, GError **error)
{
  return jd_client_assertion_new (user_data, NULL, IDP_CLIENT_ID, token_endpoint,
                                  g_get_real_time () / G_USEC_PER_SEC, error);
}

/* private_key_jwt (RFC 7523): the assertion is made once the token endpoint
 * is discovered (it is the aud), and sent instead of a secret. */
static void
test_private_key_jwt (void)
{
  g_autoptr (JdTokenGrant) grant
    = grant_new (JD_GRANT_CLIENT_CREDENTIALS, JD_CLIENT_AUTH_PRIVATE_KEY_JWT);
  g_autoptr (GError) error = NULL;
  g_autoptr (JdTokenAnswer) answer = NULL;
  g_autoptr (JdSignKey) key = jd_sign_key_generate (JD_SIGN_KEY_EC, NULL);
  g_autofree char *assertion = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *token_endpoint = g_strconcat (idp_issuer (idp), "/token", NULL);
  g_autoptr (JdToken) sent = NULL;
  JdFreshTokenUi ui = { NULL, NULL, make_assertion, key };
  JsonObject *claims;

  reset ();
  g_clear_pointer (&grant->client_secret, g_free);
  answer = jd_net_fresh_token (grant, idp_issuer (idp), &ui, NULL, NULL, &error);
  assert_token (answer, error);
  assertion = idp_last (idp, "client_assertion");
  secret = idp_last (idp, "client_secret");
  g_assert_null (secret);
  sent = jd_token_parse (assertion, -1);
  claims = jd_token_get_claims (sent);
  g_assert_nonnull (claims);
  g_assert_cmpstr (json_object_get_string_member (claims, "aud"), ==, token_endpoint);
  g_assert_cmpstr (json_object_get_string_member (claims, "iss"), ==, IDP_CLIENT_ID);
  g_assert_cmpstr (jd_token_get_alg (sent), ==, "ES256");
}

static void
test_refresh_token (void)
{
  g_auto (Case) c = { 0 };

  case_start (&c, JD_GRANT_REFRESH_TOKEN, JD_CLIENT_AUTH_POST);
  c.grant->refresh_token = g_strdup (IDP_REFRESH_TOKEN);
  case_fresh (&c, idp_issuer (idp), 10, NULL);
  assert_token (c.answer, c.error);
  g_assert_cmpstr (c.answer->refresh_token, ==, "rt-next");

  g_free (c.grant->refresh_token);
  c.grant->refresh_token = g_strdup ("rt-old");
  case_fresh (&c, idp_issuer (idp), 10, NULL);
  g_assert_no_error (c.error);
  g_assert_cmpstr (c.answer->error, ==, "invalid_grant");
  g_assert_cmpstr (jd_token_error_lookup (c.answer->error, c.answer->error_description)->id, ==,
                   "invalid_grant");
}

static void
test_device (void)
{
  g_auto (Case) c = { 0 };
  guint before = idp_token_requests (idp);

  case_start (&c, JD_GRANT_DEVICE_CODE, JD_CLIENT_AUTH_NONE);
  g_clear_pointer (&c.grant->client_secret, g_free);
  c.grant->scope = g_strdup ("openid offline_access");
  /* Twice authorization_pending, once slow_down (the interval grows by 5 s), then the token. */
  idp_set_device (idp, 2, 1, FALSE);
  case_fresh (&c, idp_issuer (idp), 10, NULL);
  assert_token (c.answer, c.error);
  g_assert_cmpstr (c.run.user_code, ==, IDP_USER_CODE);
  g_assert_true (g_str_has_suffix (c.run.verification_uri, "/activate"));
  g_assert_cmpuint (idp_token_requests (idp) - before, ==, 4);
}

static void
test_device_expired (void)
{
  g_auto (Case) c = { 0 };
  g_autofree char *text = NULL;

  case_start (&c, JD_GRANT_DEVICE_CODE, JD_CLIENT_AUTH_NONE);
  idp_set_device (idp, 1, 0, TRUE);
  case_fresh (&c, idp_issuer (idp), 10, NULL);
  g_assert_no_error (c.error);
  g_assert_cmpstr (c.answer->error, ==, "expired_token");
  text = jd_token_answer_explain (c.answer, NULL);
  g_assert_nonnull (strstr (text, "RFC 8628"));
}

/* The device code's own lifetime ends the polling, even while the server
 * still says authorization_pending. */
static void
test_device_deadline (void)
{
  g_auto (Case) c = { 0 };

  case_start (&c, JD_GRANT_DEVICE_CODE, JD_CLIENT_AUTH_NONE);
  idp_set_device (idp, 100, 0, FALSE);
  idp_set_device_expires_in (idp, 2);
  case_fresh (&c, idp_issuer (idp), 10, NULL);
  idp_set_device_expires_in (idp, 60);
  assert_refused (&c, JD_NET_ERROR, JD_NET_ERROR_AUTHORIZATION, "2 seconds");
}

static void
test_code_pkce (void)
{
  g_auto (Case) c = { 0 };
  g_autofree char *redirect = NULL;

  case_start (&c, JD_GRANT_AUTHORIZATION_CODE, JD_CLIENT_AUTH_NONE);
  g_clear_pointer (&c.grant->client_secret, g_free);
  c.grant->scope = g_strdup ("openid");
  case_fresh (&c, idp_issuer (idp), 10, NULL);
  assert_token (c.answer, c.error);
  g_assert_cmpuint (c.run.page_status, ==, 200);
  g_assert_nonnull (strstr (c.run.page, "Signed in"));
  /* The verifier matched the S256 challenge; the redirect was 127.0.0.1, a port of its own. */
  redirect = idp_last (idp, "redirect_uri");
  g_assert_true (g_str_has_prefix (redirect, "http://127.0.0.1:"));
  g_assert_true (g_str_has_suffix (redirect, "/callback"));
}

static void
test_code_forged_state (void)
{
  g_auto (Case) c = { .run = { .browser_mode = "forged-state" } };
  guint before = idp_token_requests (idp);

  case_start (&c, JD_GRANT_AUTHORIZATION_CODE, JD_CLIENT_AUTH_NONE);
  case_fresh (&c, idp_issuer (idp), 10, NULL);
  assert_refused (&c, JD_NET_ERROR, JD_NET_ERROR_AUTHORIZATION, "state");
  g_assert_cmpuint (c.run.page_status, ==, 400);
  g_assert_cmpuint (idp_token_requests (idp), ==, before); /* no code was exchanged */
}

static void
test_code_denied (void)
{
  g_auto (Case) c = { 0 };

  case_start (&c, JD_GRANT_AUTHORIZATION_CODE, JD_CLIENT_AUTH_NONE);
  idp_set_authorize_error (idp, "access_denied");
  case_fresh (&c, idp_issuer (idp), 10, NULL);
  g_assert_no_error (c.error);
  g_assert_cmpstr (c.answer->error, ==, "access_denied");
  g_assert_cmpstr (c.answer->error_description, ==, "The user said no");
}

/* ---- every row of the error table, from the wire --------------------------- */

static void
test_error_row (gconstpointer data)
{
  const JdTokenErrorRule *rule = data;
  const Example *example = example_for (rule->id);
  g_auto (Case) c = { 0 };
  g_autofree char *text = NULL;
  g_autofree char *fix = NULL;

  case_start (&c, JD_GRANT_CLIENT_CREDENTIALS, JD_CLIENT_AUTH_BASIC);
  c.grant->token_endpoint = g_strconcat (idp_issuer (idp), "/token", NULL);
  idp_set_token_mode (idp, IDP_TOKEN_ERROR, example->error, example->description);
  case_fresh (&c, NULL, 10, NULL);
  g_assert_no_error (c.error);
  g_assert_false (jd_token_answer_has_token (c.answer));
  g_assert_cmpstr (c.answer->error, ==, example->error);
  g_assert_cmpstr (c.answer->error_description, ==, example->description);
  g_assert_cmpstr (jd_token_error_lookup (c.answer->error, c.answer->error_description)->id, ==,
                   rule->id);
  text = jd_token_answer_explain (c.answer, &fix);
  g_assert_nonnull (strstr (text, rule->source));
  g_assert_cmpstr (fix, ==, g_dgettext (GETTEXT_PACKAGE, rule->fix));

  /* The near miss from the wire does not read as this row. */
  idp_set_token_mode (idp, IDP_TOKEN_ERROR, example->near_error, example->near_description);
  case_fresh (&c, NULL, 10, NULL);
  g_assert_no_error (c.error);
  if (jd_token_error_lookup (c.answer->error, c.answer->error_description) != NULL)
    g_assert_cmpstr (jd_token_error_lookup (c.answer->error, c.answer->error_description)->id, !=,
                     rule->id);
}

/* ---- what must not happen -------------------------------------------------- */

static void
test_redirect_keeps_secret (void)
{
  g_auto (Case) c = { 0 };

  case_start (&c, JD_GRANT_CLIENT_CREDENTIALS, JD_CLIENT_AUTH_POST);
  idp_set_token_mode (idp, IDP_TOKEN_REDIRECT, NULL, NULL);
  case_fresh (&c, idp_issuer (idp), 10, NULL);
  assert_refused (&c, JD_NET_ERROR, JD_NET_ERROR_REDIRECT, "307");
  g_assert_nonnull (strstr (c.error->message, "/steal"));
  g_assert_null (strstr (c.error->message, IDP_CLIENT_SECRET));
  g_assert_cmpuint (idp_other_requests (idp), ==, 0);
}

static void
test_plain_http_refused (void)
{
  g_auto (Case) c = { 0 };

  /* No reset (): the IdP is not asked. */
  c.grant = grant_new (JD_GRANT_CLIENT_CREDENTIALS, JD_CLIENT_AUTH_BASIC);
  c.grant->token_endpoint = g_strdup ("http://idp.invalid/oauth/token");
  case_fresh (&c, NULL, 10, NULL);
  assert_refused (&c, JD_NET_ERROR, JD_NET_ERROR_URL, "RFC 6749 §3.2");
}

static void
test_not_json (void)
{
  g_auto (Case) c = { 0 };

  case_start (&c, JD_GRANT_CLIENT_CREDENTIALS, JD_CLIENT_AUTH_BASIC);
  idp_set_token_mode (idp, IDP_TOKEN_HTML, NULL, NULL);
  case_fresh (&c, idp_issuer (idp), 10, NULL);
  assert_refused (&c, JD_TOKEN_ENDPOINT_ERROR, JD_TOKEN_ENDPOINT_ERROR_ANSWER, "200");
}

static void
test_slow_times_out (void)
{
  g_auto (Case) c = { 0 };

  case_start (&c, JD_GRANT_CLIENT_CREDENTIALS, JD_CLIENT_AUTH_BASIC);
  c.grant->token_endpoint = g_strconcat (idp_issuer (idp), "/token", NULL);
  idp_set_token_mode (idp, IDP_TOKEN_SLOW, NULL, NULL);
  case_fresh (&c, NULL, 1, NULL);
  assert_refused (&c, JD_NET_ERROR, JD_NET_ERROR_TIMEOUT, "1 second");
}

static gboolean
cancel_soon (gpointer cancellable)
{
  g_cancellable_cancel (cancellable);
  return G_SOURCE_REMOVE;
}

static void
test_hanging_cancelled (void)
{
  g_auto (Case) c = { 0 };
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();

  case_start (&c, JD_GRANT_CLIENT_CREDENTIALS, JD_CLIENT_AUTH_BASIC);
  c.grant->token_endpoint = g_strconcat (idp_issuer (idp), "/token", NULL);
  idp_set_token_mode (idp, IDP_TOKEN_HANG, NULL, NULL);
  g_timeout_add (200, cancel_soon, cancellable);
  case_fresh (&c, NULL, 60, cancellable);
  g_assert_null (c.answer);
  g_assert_error (c.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_device_wait_cancelled (void)
{
  g_auto (Case) c = { 0 };
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();

  case_start (&c, JD_GRANT_DEVICE_CODE, JD_CLIENT_AUTH_NONE);
  idp_set_device (idp, 100, 0, FALSE);
  g_timeout_add (1500, cancel_soon, cancellable);
  case_fresh (&c, idp_issuer (idp), 10, cancellable);
  g_assert_null (c.answer);
  g_assert_error (c.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpstr (c.run.user_code, ==, IDP_USER_CODE);
}

static void
test_sync_twin (void)
{
  g_auto (Case) c = { 0 };

  case_start (&c, JD_GRANT_CLIENT_CREDENTIALS, JD_CLIENT_AUTH_BASIC);
  c.answer = jd_net_fresh_token (c.grant, idp_issuer (idp), NULL, NULL, NULL, &c.error);
  assert_token (c.answer, c.error);
}

static void
test_no_endpoint (void)
{
  g_auto (Case) c = { 0 };

  c.grant = grant_new (JD_GRANT_CLIENT_CREDENTIALS, JD_CLIENT_AUTH_BASIC);
  c.answer = jd_net_fresh_token (c.grant, NULL, NULL, NULL, NULL, &c.error);
  assert_refused (&c, JD_NET_ERROR, JD_NET_ERROR_URL, "token endpoint");
}

int
main (int argc, char *argv[])
{
  guint n;
  const JdTokenErrorRule *rules;
  int status;

  g_test_init (&argc, &argv, NULL);
  idp = idp_new ();
  g_test_add_func ("/net-token/client-credentials/basic-discovered",
                   test_client_credentials_basic_discovered);
  g_test_add_func ("/net-token/client-credentials/post-typed", test_client_credentials_post_typed);
  g_test_add_func ("/net-token/client-credentials/wrong-secret",
                   test_client_credentials_wrong_secret);
  g_test_add_func ("/net-token/client-credentials/private-key-jwt", test_private_key_jwt);
  g_test_add_func ("/net-token/refresh-token", test_refresh_token);
  g_test_add_func ("/net-token/device/pending-slow-down-token", test_device);
  g_test_add_func ("/net-token/device/expired", test_device_expired);
  g_test_add_func ("/net-token/device/cancelled-while-waiting", test_device_wait_cancelled);
  g_test_add_func ("/net-token/device/deadline", test_device_deadline);
  g_test_add_func ("/net-token/code/pkce-loopback", test_code_pkce);
  g_test_add_func ("/net-token/code/forged-state", test_code_forged_state);
  g_test_add_func ("/net-token/code/denied", test_code_denied);
  rules = jd_token_error_rules (&n);
  JD_TEST_ADD_ROWS_N ("/net-token/error", rules, n, id, test_error_row);
  g_test_add_func ("/net-token/redirect-keeps-secret", test_redirect_keeps_secret);
  g_test_add_func ("/net-token/plain-http-refused", test_plain_http_refused);
  g_test_add_func ("/net-token/not-json", test_not_json);
  g_test_add_func ("/net-token/slow-times-out", test_slow_times_out);
  g_test_add_func ("/net-token/hanging-cancelled", test_hanging_cancelled);
  g_test_add_func ("/net-token/sync", test_sync_twin);
  g_test_add_func ("/net-token/no-endpoint", test_no_endpoint);
  status = g_test_run ();
  idp_free (idp);
  return status;
}
