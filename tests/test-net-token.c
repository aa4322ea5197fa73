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

static void
assert_token (JdTokenAnswer *answer, GError *error)
{
  g_assert_no_error (error);
  g_assert_nonnull (answer);
  g_assert_true (jd_token_answer_has_token (answer));
  g_assert_cmpuint (g_strv_length ((char *[]){ answer->access_token, NULL }), ==, 1);
  g_assert_true (g_str_has_prefix (answer->access_token, "eyJ"));
}

/* ---- grants ---------------------------------------------------------------- */

static void
test_client_credentials_basic_discovered (void)
{
  g_autoptr (JdTokenGrant) grant = grant_new (JD_GRANT_CLIENT_CREDENTIALS, JD_CLIENT_AUTH_BASIC);
  g_autoptr (GError) error = NULL;
  g_autoptr (JdTokenAnswer) answer = NULL;
  g_autofree char *authorization = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *audience = NULL;
  Run run = { 0 };

  reset ();
  /* No token endpoint typed: discovery of the token's iss finds it. */
  answer = fresh (grant, idp_issuer (idp), &run, 10, NULL, &error);
  assert_token (answer, error);
  authorization = idp_last (idp, "Authorization");
  secret = idp_last (idp, "client_secret");
  audience = idp_last (idp, "audience");
  g_assert_true (g_str_has_prefix (authorization, "Basic "));
  g_assert_null (secret);
  g_assert_cmpstr (audience, ==, IDP_AUDIENCE);
  run_clear (&run);
}

static void
test_client_credentials_post_typed (void)
{
  g_autoptr (JdTokenGrant) grant = grant_new (JD_GRANT_CLIENT_CREDENTIALS, JD_CLIENT_AUTH_POST);
  g_autoptr (GError) error = NULL;
  g_autoptr (JdTokenAnswer) answer = NULL;
  g_autofree char *authorization = NULL;
  g_autofree char *secret = NULL;
  Run run = { 0 };

  reset ();
  grant->token_endpoint = g_strconcat (idp_issuer (idp), "/token", NULL);
  answer = fresh (grant, NULL, &run, 10, NULL, &error);
  assert_token (answer, error);
  authorization = idp_last (idp, "Authorization");
  secret = idp_last (idp, "client_secret");
  g_assert_null (authorization);
  g_assert_cmpstr (secret, ==, IDP_CLIENT_SECRET);
  run_clear (&run);
}

static void
test_client_credentials_wrong_secret (void)
{
  g_autoptr (JdTokenGrant) grant = grant_new (JD_GRANT_CLIENT_CREDENTIALS, JD_CLIENT_AUTH_BASIC);
  g_autoptr (GError) error = NULL;
  g_autoptr (JdTokenAnswer) answer = NULL;
  g_autofree char *text = NULL;
  g_autofree char *fix = NULL;
  Run run = { 0 };

  reset ();
  g_free (grant->client_secret);
  grant->client_secret = g_strdup ("Xq9-not-it");
  answer = fresh (grant, idp_issuer (idp), &run, 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (jd_token_answer_has_token (answer));
  g_assert_cmpuint (answer->status, ==, 401);
  text = jd_token_answer_explain (answer, &fix);
  g_assert_nonnull (strstr (text, "401"));
  g_assert_nonnull (strstr (text, "invalid_client"));
  g_assert_null (strstr (text, "Xq9-not-it")); /* the secret is never in a message */
  g_assert_nonnull (strstr (fix, "client_secret_basic"));
  run_clear (&run);
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
  g_autoptr (JdTokenGrant) grant = grant_new (JD_GRANT_REFRESH_TOKEN, JD_CLIENT_AUTH_POST);
  g_autoptr (GError) error = NULL;
  g_autoptr (JdTokenAnswer) answer = NULL;
  g_autoptr (JdTokenAnswer) refused = NULL;
  Run run = { 0 };

  reset ();
  grant->refresh_token = g_strdup (IDP_REFRESH_TOKEN);
  answer = fresh (grant, idp_issuer (idp), &run, 10, NULL, &error);
  assert_token (answer, error);
  g_assert_cmpstr (answer->refresh_token, ==, "rt-next");

  g_free (grant->refresh_token);
  grant->refresh_token = g_strdup ("rt-old");
  refused = fresh (grant, idp_issuer (idp), &run, 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (refused->error, ==, "invalid_grant");
  g_assert_cmpstr (jd_token_error_lookup (refused->error, refused->error_description)->id, ==,
                   "invalid_grant");
  run_clear (&run);
}

static void
test_device (void)
{
  g_autoptr (JdTokenGrant) grant = grant_new (JD_GRANT_DEVICE_CODE, JD_CLIENT_AUTH_NONE);
  g_autoptr (GError) error = NULL;
  g_autoptr (JdTokenAnswer) answer = NULL;
  guint before = idp_token_requests (idp);
  Run run = { 0 };

  reset ();
  g_clear_pointer (&grant->client_secret, g_free);
  grant->scope = g_strdup ("openid offline_access");
  /* Twice authorization_pending, once slow_down (the interval grows by 5 s), then the token. */
  idp_set_device (idp, 2, 1, FALSE);
  answer = fresh (grant, idp_issuer (idp), &run, 10, NULL, &error);
  assert_token (answer, error);
  g_assert_cmpstr (run.user_code, ==, IDP_USER_CODE);
  g_assert_true (g_str_has_suffix (run.verification_uri, "/activate"));
  g_assert_cmpuint (idp_token_requests (idp) - before, ==, 4);
  run_clear (&run);
}

static void
test_device_expired (void)
{
  g_autoptr (JdTokenGrant) grant = grant_new (JD_GRANT_DEVICE_CODE, JD_CLIENT_AUTH_NONE);
  g_autoptr (GError) error = NULL;
  g_autoptr (JdTokenAnswer) answer = NULL;
  g_autofree char *text = NULL;
  Run run = { 0 };

  reset ();
  idp_set_device (idp, 1, 0, TRUE);
  answer = fresh (grant, idp_issuer (idp), &run, 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (answer->error, ==, "expired_token");
  text = jd_token_answer_explain (answer, NULL);
  g_assert_nonnull (strstr (text, "RFC 8628"));
  run_clear (&run);
}

/* The device code's own lifetime ends the polling, even while the server
 * still says authorization_pending. */
static void
test_device_deadline (void)
{
  g_autoptr (JdTokenGrant) grant = grant_new (JD_GRANT_DEVICE_CODE, JD_CLIENT_AUTH_NONE);
  g_autoptr (GError) error = NULL;
  g_autoptr (JdTokenAnswer) answer = NULL;
  Run run = { 0 };

  reset ();
  idp_set_device (idp, 100, 0, FALSE);
  idp_set_device_expires_in (idp, 2);
  answer = fresh (grant, idp_issuer (idp), &run, 10, NULL, &error);
  idp_set_device_expires_in (idp, 60);
  g_assert_null (answer);
  g_assert_error (error, JD_NET_ERROR, JD_NET_ERROR_AUTHORIZATION);
  g_assert_nonnull (strstr (error->message, "2 seconds"));
  run_clear (&run);
}

static void
test_code_pkce (void)
{
  g_autoptr (JdTokenGrant) grant = grant_new (JD_GRANT_AUTHORIZATION_CODE, JD_CLIENT_AUTH_NONE);
  g_autoptr (GError) error = NULL;
  g_autoptr (JdTokenAnswer) answer = NULL;
  g_autofree char *redirect = NULL;
  Run run = { 0 };

  reset ();
  g_clear_pointer (&grant->client_secret, g_free);
  grant->scope = g_strdup ("openid");
  answer = fresh (grant, idp_issuer (idp), &run, 10, NULL, &error);
  assert_token (answer, error);
  g_assert_cmpuint (run.page_status, ==, 200);
  g_assert_nonnull (strstr (run.page, "Signed in"));
  /* The verifier matched the S256 challenge; the redirect was 127.0.0.1, a port of its own. */
  redirect = idp_last (idp, "redirect_uri");
  g_assert_true (g_str_has_prefix (redirect, "http://127.0.0.1:"));
  g_assert_true (g_str_has_suffix (redirect, "/callback"));
  run_clear (&run);
}

static void
test_code_forged_state (void)
{
  g_autoptr (JdTokenGrant) grant = grant_new (JD_GRANT_AUTHORIZATION_CODE, JD_CLIENT_AUTH_NONE);
  g_autoptr (GError) error = NULL;
  g_autoptr (JdTokenAnswer) answer = NULL;
  guint before = idp_token_requests (idp);
  Run run = { .browser_mode = "forged-state" };

  reset ();
  answer = fresh (grant, idp_issuer (idp), &run, 10, NULL, &error);
  g_assert_null (answer);
  g_assert_error (error, JD_NET_ERROR, JD_NET_ERROR_AUTHORIZATION);
  g_assert_nonnull (strstr (error->message, "state"));
  g_assert_cmpuint (run.page_status, ==, 400);
  g_assert_cmpuint (idp_token_requests (idp), ==, before); /* no code was exchanged */
  run_clear (&run);
}

static void
test_code_denied (void)
{
  g_autoptr (JdTokenGrant) grant = grant_new (JD_GRANT_AUTHORIZATION_CODE, JD_CLIENT_AUTH_NONE);
  g_autoptr (GError) error = NULL;
  g_autoptr (JdTokenAnswer) answer = NULL;
  Run run = { 0 };

  reset ();
  idp_set_authorize_error (idp, "access_denied");
  answer = fresh (grant, idp_issuer (idp), &run, 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (answer->error, ==, "access_denied");
  g_assert_cmpstr (answer->error_description, ==, "The user said no");
  run_clear (&run);
}

/* ---- every row of the error table, from the wire --------------------------- */

static void
test_error_row (gconstpointer data)
{
  const JdTokenErrorRule *rule = data;
  const Example *example = example_for (rule->id);
  g_autoptr (JdTokenGrant) grant = grant_new (JD_GRANT_CLIENT_CREDENTIALS, JD_CLIENT_AUTH_BASIC);
  g_autoptr (GError) error = NULL;
  g_autoptr (JdTokenAnswer) answer = NULL;
  g_autofree char *text = NULL;
  g_autofree char *fix = NULL;
  Run run = { 0 };

  reset ();
  grant->token_endpoint = g_strconcat (idp_issuer (idp), "/token", NULL);
  idp_set_token_mode (idp, IDP_TOKEN_ERROR, example->error, example->description);
  answer = fresh (grant, NULL, &run, 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (jd_token_answer_has_token (answer));
  g_assert_cmpstr (answer->error, ==, example->error);
  g_assert_cmpstr (answer->error_description, ==, example->description);
  g_assert_cmpstr (jd_token_error_lookup (answer->error, answer->error_description)->id, ==,
                   rule->id);
  text = jd_token_answer_explain (answer, &fix);
  g_assert_nonnull (strstr (text, rule->source));
  g_assert_cmpstr (fix, ==, g_dgettext (GETTEXT_PACKAGE, rule->fix));

  /* The near miss from the wire does not read as this row. */
  idp_set_token_mode (idp, IDP_TOKEN_ERROR, example->near_error, example->near_description);
  g_clear_pointer (&answer, jd_token_answer_free);
  answer = fresh (grant, NULL, &run, 10, NULL, &error);
  g_assert_no_error (error);
  if (jd_token_error_lookup (answer->error, answer->error_description) != NULL)
    g_assert_cmpstr (jd_token_error_lookup (answer->error, answer->error_description)->id, !=,
                     rule->id);
  run_clear (&run);
}

/* ---- what must not happen -------------------------------------------------- */

static void
test_redirect_keeps_secret (void)
{
  g_autoptr (JdTokenGrant) grant = grant_new (JD_GRANT_CLIENT_CREDENTIALS, JD_CLIENT_AUTH_POST);
  g_autoptr (GError) error = NULL;
  g_autoptr (JdTokenAnswer) answer = NULL;
  Run run = { 0 };

  reset ();
  idp_set_token_mode (idp, IDP_TOKEN_REDIRECT, NULL, NULL);
  answer = fresh (grant, idp_issuer (idp), &run, 10, NULL, &error);
  g_assert_null (answer);
  g_assert_error (error, JD_NET_ERROR, JD_NET_ERROR_REDIRECT);
  g_assert_nonnull (strstr (error->message, "307"));
  g_assert_nonnull (strstr (error->message, "/steal"));
  g_assert_null (strstr (error->message, IDP_CLIENT_SECRET));
  g_assert_cmpuint (idp_other_requests (idp), ==, 0);
  run_clear (&run);
}

static void
test_plain_http_refused (void)
{
  g_autoptr (JdTokenGrant) grant = grant_new (JD_GRANT_CLIENT_CREDENTIALS, JD_CLIENT_AUTH_BASIC);
  g_autoptr (GError) error = NULL;
  g_autoptr (JdTokenAnswer) answer = NULL;
  Run run = { 0 };

  grant->token_endpoint = g_strdup ("http://idp.invalid/oauth/token");
  answer = fresh (grant, NULL, &run, 10, NULL, &error);
  g_assert_null (answer);
  g_assert_error (error, JD_NET_ERROR, JD_NET_ERROR_URL);
  g_assert_nonnull (strstr (error->message, "RFC 6749 §3.2"));
  run_clear (&run);
}

static void
test_not_json (void)
{
  g_autoptr (JdTokenGrant) grant = grant_new (JD_GRANT_CLIENT_CREDENTIALS, JD_CLIENT_AUTH_BASIC);
  g_autoptr (GError) error = NULL;
  g_autoptr (JdTokenAnswer) answer = NULL;
  Run run = { 0 };

  reset ();
  idp_set_token_mode (idp, IDP_TOKEN_HTML, NULL, NULL);
  answer = fresh (grant, idp_issuer (idp), &run, 10, NULL, &error);
  g_assert_null (answer);
  g_assert_error (error, JD_TOKEN_ENDPOINT_ERROR, JD_TOKEN_ENDPOINT_ERROR_ANSWER);
  g_assert_nonnull (strstr (error->message, "200"));
  run_clear (&run);
}

static void
test_slow_times_out (void)
{
  g_autoptr (JdTokenGrant) grant = grant_new (JD_GRANT_CLIENT_CREDENTIALS, JD_CLIENT_AUTH_BASIC);
  g_autoptr (GError) error = NULL;
  g_autoptr (JdTokenAnswer) answer = NULL;
  Run run = { 0 };

  reset ();
  grant->token_endpoint = g_strconcat (idp_issuer (idp), "/token", NULL);
  idp_set_token_mode (idp, IDP_TOKEN_SLOW, NULL, NULL);
  answer = fresh (grant, NULL, &run, 1, NULL, &error);
  g_assert_null (answer);
  g_assert_error (error, JD_NET_ERROR, JD_NET_ERROR_TIMEOUT);
  g_assert_nonnull (strstr (error->message, "1 second"));
  run_clear (&run);
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
  g_autoptr (JdTokenGrant) grant = grant_new (JD_GRANT_CLIENT_CREDENTIALS, JD_CLIENT_AUTH_BASIC);
  g_autoptr (GError) error = NULL;
  g_autoptr (JdTokenAnswer) answer = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  Run run = { 0 };

  reset ();
  grant->token_endpoint = g_strconcat (idp_issuer (idp), "/token", NULL);
  idp_set_token_mode (idp, IDP_TOKEN_HANG, NULL, NULL);
  g_timeout_add (200, cancel_soon, cancellable);
  answer = fresh (grant, NULL, &run, 60, cancellable, &error);
  g_assert_null (answer);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  run_clear (&run);
}

static void
test_device_wait_cancelled (void)
{
  g_autoptr (JdTokenGrant) grant = grant_new (JD_GRANT_DEVICE_CODE, JD_CLIENT_AUTH_NONE);
  g_autoptr (GError) error = NULL;
  g_autoptr (JdTokenAnswer) answer = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  Run run = { 0 };

  reset ();
  idp_set_device (idp, 100, 0, FALSE);
  g_timeout_add (1500, cancel_soon, cancellable);
  answer = fresh (grant, idp_issuer (idp), &run, 10, cancellable, &error);
  g_assert_null (answer);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpstr (run.user_code, ==, IDP_USER_CODE);
  run_clear (&run);
}

static void
test_sync_twin (void)
{
  g_autoptr (JdTokenGrant) grant = grant_new (JD_GRANT_CLIENT_CREDENTIALS, JD_CLIENT_AUTH_BASIC);
  g_autoptr (GError) error = NULL;
  g_autoptr (JdTokenAnswer) answer = NULL;

  reset ();
  answer = jd_net_fresh_token (grant, idp_issuer (idp), NULL, NULL, NULL, &error);
  assert_token (answer, error);
}

static void
test_no_endpoint (void)
{
  g_autoptr (JdTokenGrant) grant = grant_new (JD_GRANT_CLIENT_CREDENTIALS, JD_CLIENT_AUTH_BASIC);
  g_autoptr (GError) error = NULL;
  g_autoptr (JdTokenAnswer) answer = jd_net_fresh_token (grant, NULL, NULL, NULL, NULL, &error);

  g_assert_null (answer);
  g_assert_error (error, JD_NET_ERROR, JD_NET_ERROR_URL);
  g_assert_nonnull (strstr (error->message, "token endpoint"));
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
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("/net-token/error/%s", rules[i].id);
      g_test_add_data_func (path, &rules[i], test_error_row);
    }
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
