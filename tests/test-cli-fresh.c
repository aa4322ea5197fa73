/* test-cli-fresh.c — jwt-doctor-cli --fresh-token against the identity
 * provider on 127.0.0.1 (tests/idp-server.c), run as a user runs it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "idp-server.h"
#include "test-run.h"

static Idp *idp;
static char *dir;

static char *
write_file (const char *name, const char *contents)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

/* The failing token: the IdP's issuer, expired long ago. */
static char *
expired_token (void)
{
  g_autofree char *payload = g_strdup_printf ("{\"iss\":\"%s\",\"aud\":\"" IDP_AUDIENCE
                                              "\",\"sub\":\"user-1\",\"iat\":900,\"exp\":1000}",
                                              idp_issuer (idp));
  g_autofree char *h = idp_b64url ("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
  g_autofree char *p = idp_b64url (payload);

  return g_strconcat (h, ".", p, ".c2lnbmF0dXJl", NULL);
}

static void
run_cli (JdTestRun *r, const char *const *args)
{
  jd_test_run (r, jd_test_cli_path (), NULL, NULL, args);
}

static void
test_client_credentials_alone (void)
{
  g_auto (JdTestRun) r = { 0 };
  g_autofree char *secret = write_file ("secret", IDP_CLIENT_SECRET "\n");

  idp_set_token_mode (idp, IDP_TOKEN_OK, NULL, NULL);
  run_cli (&r, (const char *const[]){ "--fresh-token", "client_credentials", "--iss",
                                      idp_issuer (idp), "--client-id", IDP_CLIENT_ID,
                                      "--client-secret-file", secret, "--audience", IDP_AUDIENCE,
                                      "--aud", IDP_AUDIENCE, "--json", NULL });
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "\"source\" : \"fresh-token\""));
  g_assert_nonnull (strstr (r.out, "app@clients"));
  /* The token is not printed unless asked for. */
  g_assert_null (strstr (r.out, "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."));
  g_assert_null (strstr (r.err, IDP_CLIENT_SECRET));
}

static void
test_beside_failing_token (void)
{
  g_auto (JdTestRun) r = { 0 };
  g_autofree char *token = expired_token ();

  idp_set_token_mode (idp, IDP_TOKEN_OK, NULL, NULL);
  /* No --iss, no --token-endpoint: the failing token's iss is discovered. */
  run_cli (&r, (const char *const[]){ "--fresh-token", "client_credentials", "--client-id",
                                      IDP_CLIENT_ID, "--client-secret", IDP_CLIENT_SECRET,
                                      "--client-auth", "post", token, NULL });
  g_assert_cmpint (r.status, ==, 1); /* the failing token is expired */
  g_assert_nonnull (strstr (r.out, "fresh token (A) vs argument (B)"));
  g_assert_nonnull (strstr (r.out, "expired"));
}

static void
test_print_token (void)
{
  g_auto (JdTestRun) r = { 0 };

  idp_set_token_mode (idp, IDP_TOKEN_OK, NULL, NULL);
  run_cli (&r, (const char *const[]){
                 "--fresh-token", "client_credentials", "--iss", idp_issuer (idp), "--client-id",
                 IDP_CLIENT_ID, "--client-secret", IDP_CLIENT_SECRET, "--print-token", NULL });
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "eyJ"));
  g_assert_cmpuint (strlen (r.out), ==, strcspn (r.out, "\n") + 1); /* one line: the token alone */
  g_assert_nonnull (strstr (r.err, "fresh-token"));
}

static void
test_refused (void)
{
  g_auto (JdTestRun) r = { 0 };

  idp_set_token_mode (idp, IDP_TOKEN_ERROR, "invalid_client",
                      "AADSTS7000215: Invalid client secret provided.");
  run_cli (&r, (const char *const[]){ "--fresh-token", "client_credentials", "--iss",
                                      idp_issuer (idp), "--client-id", IDP_CLIENT_ID,
                                      "--client-secret", "Xq9-not-it", NULL });
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "401"));
  g_assert_nonnull (strstr (r.err, "AADSTS7000215"));
  g_assert_nonnull (strstr (r.err, "Certificates & secrets"));
  g_assert_null (strstr (r.err, "Xq9-not-it"));
  g_assert_null (strstr (r.out, "Xq9-not-it"));
}

static void
test_refresh_token (void)
{
  g_auto (JdTestRun) r = { 0 };
  g_autofree char *rt = write_file ("refresh", IDP_REFRESH_TOKEN "\n");

  idp_set_token_mode (idp, IDP_TOKEN_OK, NULL, NULL);
  run_cli (&r,
           (const char *const[]){ "--fresh-token", "refresh_token", "--iss", idp_issuer (idp),
                                  "--client-id", IDP_CLIENT_ID, "--refresh-token-file", rt, NULL });
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "user-1"));
  g_assert_null (strstr (r.out, IDP_REFRESH_TOKEN));
}

static void
test_device (void)
{
  g_auto (JdTestRun) r = { 0 };

  idp_set_token_mode (idp, IDP_TOKEN_OK, NULL, NULL);
  idp_set_device (idp, 1, 0, FALSE);
  run_cli (&r, (const char *const[]){ "--fresh-token", "device_code", "--iss", idp_issuer (idp),
                                      "--client-id", IDP_CLIENT_ID, "--scope", "openid", NULL });
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.err, IDP_USER_CODE));
  g_assert_nonnull (strstr (r.err, "/activate"));
}

static void
test_private_key_jwt (void)
{
  g_auto (JdTestRun) r = { 0 };
  g_autofree char *key
    = g_test_build_filename (G_TEST_DIST, "data", "sign", "ec-p256-sec1.pem", NULL);

  idp_set_token_mode (idp, IDP_TOKEN_OK, NULL, NULL);
  run_cli (&r,
           (const char *const[]){ "--fresh-token", "client_credentials", "--iss", idp_issuer (idp),
                                  "--client-id", IDP_CLIENT_ID, "--client-key", key, NULL });
  g_assert_cmpint (r.status, ==, 0);
  {
    g_autofree char *type = idp_last (idp, "client_assertion_type");
    g_autofree char *assertion = idp_last (idp, "client_assertion");
    g_assert_cmpstr (type, ==, "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    g_assert_true (g_str_has_prefix (assertion, "eyJ"));
  }
}

static void
test_usage_errors (void)
{
  g_auto (JdTestRun) a = { 0 };
  g_auto (JdTestRun) b = { 0 };
  g_auto (JdTestRun) c = { 0 };

  run_cli (&a, (const char *const[]){ "--fresh-token", "password", "--client-id", "x",
                                      "--token-endpoint", "https://idp.invalid/token", NULL });
  g_assert_cmpint (a.status, ==, 2);
  g_assert_nonnull (strstr (a.err, "client_credentials"));
  run_cli (&b, (const char *const[]){ "--fresh-token", "client_credentials", "--client-id", "x",
                                      "--client-auth", "private_key_jwt", "--token-endpoint",
                                      "https://idp.invalid/token", NULL });
  g_assert_cmpint (b.status, ==, 2);
  g_assert_nonnull (strstr (b.err, "--client-key"));
  /* A plain-http token endpoint off loopback is refused before anything is sent. */
  run_cli (&c, (const char *const[]){ "--fresh-token", "client_credentials", "--client-id", "x",
                                      "--client-secret", "y", "--token-endpoint",
                                      "http://idp.invalid/token", NULL });
  g_assert_cmpint (c.status, ==, 2);
  g_assert_nonnull (strstr (c.err, "RFC 6749 §3.2"));
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  idp = idp_new ();
  dir = g_dir_make_tmp ("jd-cli-fresh-XXXXXX", NULL);
  g_test_add_func ("/cli-fresh/client-credentials", test_client_credentials_alone);
  g_test_add_func ("/cli-fresh/beside-failing-token", test_beside_failing_token);
  g_test_add_func ("/cli-fresh/print-token", test_print_token);
  g_test_add_func ("/cli-fresh/refused", test_refused);
  g_test_add_func ("/cli-fresh/refresh-token", test_refresh_token);
  g_test_add_func ("/cli-fresh/device", test_device);
  g_test_add_func ("/cli-fresh/private-key-jwt", test_private_key_jwt);
  g_test_add_func ("/cli-fresh/usage-errors", test_usage_errors);
  status = g_test_run ();
  jd_test_remove_dir (dir);
  g_free (dir);
  idp_free (idp);
  return status;
}
