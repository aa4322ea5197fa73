/* test-token-endpoint.c — token requests and answers as data (src/core/jd-token-endpoint.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib.h>

#include "jd-client-assertion.h"
#include "jd-keys.h"
#include "jd-token.h"
#include "jd-token-endpoint.h"
#include "jd-verify.h"

static char *
body_of (JdRequest *request)
{
  GBytes *body = jd_request_get_body (request);
  gsize len = 0;
  const char *data = g_bytes_get_data (body, &len);

  return g_strndup (data, len);
}

static GBytes *
text_bytes (const char *text)
{
  return g_bytes_new_static (text, strlen (text));
}

static JdTokenGrant *
grant_new (JdGrantType type, JdClientAuth auth)
{
  JdTokenGrant *grant = jd_token_grant_new (type);

  grant->auth = auth;
  grant->token_endpoint = g_strdup ("https://idp.example/oauth/token");
  grant->client_id = g_strdup ("my app");
  grant->client_secret = g_strdup ("s3cr&t");
  return grant;
}

static void
test_client_credentials_basic (void)
{
  g_autoptr (JdTokenGrant) grant = grant_new (JD_GRANT_CLIENT_CREDENTIALS, JD_CLIENT_AUTH_BASIC);
  g_autoptr (JdRequest) request = NULL;
  g_autofree char *body = NULL;
  g_autofree guchar *decoded = NULL;
  gsize len;

  grant->scope = g_strdup ("read write");
  grant->audience = g_strdup ("https://api.example/");
  request = jd_token_grant_build_request (grant, NULL);
  g_assert_nonnull (request);
  g_assert_cmpstr (jd_request_get_method (request), ==, "POST");
  g_assert_cmpstr (jd_request_get_url (request), ==, "https://idp.example/oauth/token");
  g_assert_cmpstr (jd_request_get_header (request, "Content-Type"), ==,
                   "application/x-www-form-urlencoded");
  body = body_of (request);
  g_assert_cmpstr (
    body, ==,
    "grant_type=client_credentials&scope=read%20write&audience=https%3A%2F%2Fapi.example%2F");
  /* RFC 6749 §2.3.1: id and secret are form-encoded, then joined and base64'd. */
  g_assert_true (g_str_has_prefix (jd_request_get_header (request, "Authorization"), "Basic "));
  decoded = g_base64_decode (jd_request_get_header (request, "Authorization") + 6, &len);
  g_assert_cmpmem (decoded, len, "my%20app:s3cr%26t", strlen ("my%20app:s3cr%26t"));
  g_assert_null (strstr (body, "s3cr"));
}

static void
test_client_credentials_post (void)
{
  g_autoptr (JdTokenGrant) grant = grant_new (JD_GRANT_CLIENT_CREDENTIALS, JD_CLIENT_AUTH_POST);
  g_autoptr (JdRequest) request = NULL;
  g_autofree char *body = NULL;

  grant->resource = g_strdup ("https://graph.microsoft.com");
  request = jd_token_grant_build_request (grant, NULL);
  body = body_of (request);
  g_assert_cmpstr (
    body, ==,
    "grant_type=client_credentials&resource=https%3A%2F%2Fgraph.microsoft.com&client_id=my%20app&"
    "client_secret=s3cr%26t");
  g_assert_null (jd_request_get_header (request, "Authorization"));
}

static void
test_private_key_jwt (void)
{
  g_autoptr (JdTokenGrant) grant
    = grant_new (JD_GRANT_CLIENT_CREDENTIALS, JD_CLIENT_AUTH_PRIVATE_KEY_JWT);
  g_autoptr (JdRequest) request = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *body = NULL;

  g_assert_null (jd_token_grant_build_request (grant, &error));
  g_assert_error (error, JD_TOKEN_ENDPOINT_ERROR, JD_TOKEN_ENDPOINT_ERROR_MISSING);
  g_assert_true (strstr (error->message, "client_assertion") != NULL);

  grant->client_assertion = g_strdup ("aaa.bbb.ccc");
  request = jd_token_grant_build_request (grant, NULL);
  body = body_of (request);
  g_assert_true (
    strstr (
      body,
      "client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer")
    != NULL);
  g_assert_true (strstr (body, "client_assertion=aaa.bbb.ccc") != NULL);
  g_assert_null (strstr (body, "client_secret"));
}

static void
test_refresh_and_missing (void)
{
  g_autoptr (JdTokenGrant) grant = grant_new (JD_GRANT_REFRESH_TOKEN, JD_CLIENT_AUTH_NONE);
  g_autoptr (JdRequest) request = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *body = NULL;

  g_assert_null (jd_token_grant_build_request (grant, &error));
  g_assert_true (strstr (error->message, "refresh_token") != NULL);
  grant->refresh_token = g_strdup ("rt-1");
  request = jd_token_grant_build_request (grant, NULL);
  body = body_of (request);
  g_assert_cmpstr (body, ==, "grant_type=refresh_token&refresh_token=rt-1&client_id=my%20app");

  g_clear_error (&error);
  g_free (grant->client_id);
  grant->client_id = NULL;
  g_assert_null (jd_token_grant_build_request (grant, &error));
  g_assert_true (strstr (error->message, "client_id") != NULL);
}

static void
test_code_and_device (void)
{
  g_autoptr (JdTokenGrant) grant = grant_new (JD_GRANT_AUTHORIZATION_CODE, JD_CLIENT_AUTH_NONE);
  g_autoptr (JdRequest) request = NULL;
  g_autoptr (JdRequest) device = NULL;
  g_autofree char *body = NULL;
  g_autofree char *device_body = NULL;
  g_autofree char *url = NULL;

  grant->code = g_strdup ("c0de");
  grant->redirect_uri = g_strdup ("http://127.0.0.1:5000/callback");
  grant->code_verifier = g_strdup ("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
  grant->scope = g_strdup ("openid");
  request = jd_token_grant_build_request (grant, NULL);
  body = body_of (request);
  g_assert_cmpstr (
    body, ==,
    "grant_type=authorization_code&code=c0de&redirect_uri=http%3A%2F%2F127.0.0.1%3A5000%2Fcallback&"
    "code_verifier=dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk&client_id=my%20app");

  url = jd_token_grant_build_authorize_url (grant, "https://idp.example/authorize?tenant=x",
                                            "st4te", NULL);
  g_assert_true (
    g_str_has_prefix (url, "https://idp.example/authorize?tenant=x&response_type=code&"));
  g_assert_true (strstr (url, "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&")
                 != NULL);
  g_assert_true (strstr (url, "&code_challenge_method=S256") != NULL);
  g_assert_true (strstr (url, "&state=st4te&") != NULL);
  g_assert_null (strstr (url, "dBjftJeZ")); /* the verifier itself never leaves */

  /* RFC 8628 §3.1: a public client sends client_id and scope. */
  g_clear_pointer (&grant->client_secret, g_free);
  grant->grant = JD_GRANT_DEVICE_CODE;
  device = jd_token_grant_build_device_request (grant, "https://idp.example/device", NULL);
  device_body = body_of (device);
  g_assert_cmpstr (device_body, ==, "scope=openid&client_id=my%20app");
}

static void
test_pkce (void)
{
  g_autofree char *a = jd_pkce_verifier_new ();
  g_autofree char *b = jd_pkce_verifier_new ();
  g_autofree char *challenge
    = jd_pkce_challenge_s256 ("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

  /* RFC 7636 Appendix B */
  g_assert_cmpstr (challenge, ==, "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  g_assert_cmpuint (strlen (a), ==, 43);
  g_assert_cmpstr (a, !=, b);
  for (const char *p = a; *p; p++)
    g_assert_true (g_ascii_isalnum (*p) || *p == '-' || *p == '_');
}

static void
test_names (void)
{
  JdGrantType grant;
  JdClientAuth auth;

  g_assert_true (jd_grant_type_from_string ("client_credentials", &grant));
  g_assert_cmpint (grant, ==, JD_GRANT_CLIENT_CREDENTIALS);
  g_assert_true (jd_grant_type_from_string ("device", &grant));
  g_assert_cmpint (grant, ==, JD_GRANT_DEVICE_CODE);
  g_assert_cmpstr (jd_grant_type_to_string (grant), ==,
                   "urn:ietf:params:oauth:grant-type:device_code");
  g_assert_true (jd_grant_type_from_string ("pkce", &grant));
  g_assert_cmpint (grant, ==, JD_GRANT_AUTHORIZATION_CODE);
  g_assert_false (jd_grant_type_from_string ("password", &grant));
  g_assert_true (jd_client_auth_from_string ("client_secret_post", &auth));
  g_assert_cmpint (auth, ==, JD_CLIENT_AUTH_POST);
  g_assert_false (jd_client_auth_from_string ("tls_client_auth", &auth));
}

static void
test_answers (void)
{
  g_autoptr (GBytes) ok
    = text_bytes ("{\"access_token\":\"a.b.c\",\"token_type\":\"Bearer\",\"expires_in\":\"3600\"}");
  g_autoptr (GBytes) err
    = text_bytes ("{\"errorCode\":\"E0000011\",\"errorSummary\":\"Invalid token provided\"}");
  g_autoptr (GBytes) html = text_bytes ("<html>");
  g_autoptr (GBytes) empty = text_bytes ("{}");
  g_autoptr (GError) error_a = NULL;
  g_autoptr (JdTokenAnswer) a = jd_token_answer_parse (200, ok, &error_a);
  g_autoptr (JdTokenAnswer) b = jd_token_answer_parse (401, err, NULL);
  g_autoptr (JdTokenAnswer) c = jd_token_answer_parse (200, empty, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *fix = NULL;
  g_autofree char *text_c = NULL;

  g_assert_no_error (error_a);
  g_assert_nonnull (a);
  g_assert_true (jd_token_answer_has_token (a));
  g_assert_cmpstr (a->access_token, ==, "a.b.c");
  g_assert_cmpint (a->expires_in, ==, 3600);
  g_assert_false (jd_token_answer_has_token (b));
  g_assert_cmpstr (b->error, ==, "E0000011");
  text = jd_token_answer_explain (b, &fix);
  g_assert_true (strstr (text, "401") != NULL);
  g_assert_true (strstr (text, "Okta") != NULL);
  g_assert_true (strstr (fix, "API token") != NULL);
  g_assert_false (jd_token_answer_has_token (c));
  text_c = jd_token_answer_explain (c, NULL);
  g_assert_true (strstr (text_c, "without an access_token") != NULL);

  g_assert_null (jd_token_answer_parse (502, html, &error));
  g_assert_error (error, JD_TOKEN_ENDPOINT_ERROR, JD_TOKEN_ENDPOINT_ERROR_ANSWER);
  g_assert_true (strstr (error->message, "502") != NULL);
  g_assert_true (strstr (error->message, "byte 0") != NULL);
}

/* RFC 7523 §3: the assertion verifies with the key's public half and holds
 * iss = sub = client id, aud = token endpoint, a jti, and five minutes. */
static void
test_client_assertion (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JdSignKey) key = jd_sign_key_generate (JD_SIGN_KEY_EC, &error);
  g_autoptr (JdSignKey) secret
    = jd_sign_key_new_secret ("0123456789abcdef0123456789abcdef", 32, NULL);
  g_autofree char *assertion = NULL;
  g_autofree char *hs = NULL;
  g_autofree char *jwks = NULL;
  g_autoptr (JdToken) token = NULL;
  g_autoptr (JdKeySet) set = jd_key_set_new ();
  g_autoptr (JdVerifyResult) result = NULL;
  JsonObject *claims;

  g_assert_no_error (error);
  assertion
    = jd_client_assertion_new (key, NULL, "my-app", "https://idp.example/token", 1000, &error);
  g_assert_no_error (error);
  token = jd_token_parse (assertion, -1);
  claims = jd_token_get_claims (token);
  g_assert_cmpstr (json_object_get_string_member (claims, "iss"), ==, "my-app");
  g_assert_cmpstr (json_object_get_string_member (claims, "sub"), ==, "my-app");
  g_assert_cmpstr (json_object_get_string_member (claims, "aud"), ==, "https://idp.example/token");
  g_assert_cmpint (json_object_get_int_member (claims, "exp"), ==,
                   1000 + JD_CLIENT_ASSERTION_LIFETIME);
  g_assert_cmpuint (strlen (json_object_get_string_member (claims, "jti")), ==, 43);
  jwks = jd_sign_key_export_public_jwks (key, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (jd_key_set_load_data (set, jwks, strlen (jwks), "exported.jwks", &error));
  result = jd_verify (token, set, NULL);
  g_assert_cmpint (jd_verify_result_get_status (result), ==, JD_SIGNATURE_VALID);

  /* A key that cannot make the asked algorithm, and a missing client id, are refused. */
  g_assert_null (
    jd_client_assertion_new (key, "RS256", "my-app", "https://idp.example/token", 1000, &error));
  g_assert_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_ALG);
  g_clear_error (&error);
  g_assert_null (
    jd_client_assertion_new (key, NULL, NULL, "https://idp.example/token", 1000, &error));
  g_assert_error (error, JD_TOKEN_ENDPOINT_ERROR, JD_TOKEN_ENDPOINT_ERROR_MISSING);
  g_clear_error (&error);
  hs = jd_client_assertion_new (secret, NULL, "my-app", "https://idp.example/token", 1000, &error);
  g_assert_no_error (error);
  g_assert_nonnull (hs);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/token-endpoint/client-credentials/basic", test_client_credentials_basic);
  g_test_add_func ("/token-endpoint/client-credentials/post", test_client_credentials_post);
  g_test_add_func ("/token-endpoint/client-credentials/private-key-jwt", test_private_key_jwt);
  g_test_add_func ("/token-endpoint/refresh-token", test_refresh_and_missing);
  g_test_add_func ("/token-endpoint/code-and-device", test_code_and_device);
  g_test_add_func ("/token-endpoint/pkce", test_pkce);
  g_test_add_func ("/token-endpoint/names", test_names);
  g_test_add_func ("/token-endpoint/answers", test_answers);
  g_test_add_func ("/token-endpoint/client-assertion", test_client_assertion);
  return g_test_run ();
}
