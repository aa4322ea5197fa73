/* test-cli-sign.c — jwt-doctor-cli --sign / --generate-key as a user runs
 * them: the printed token verifies with jwt-doctor-cli and with PyJWT, the
 * edits land, refusals say where and what (exit 2), and neither the secret
 * nor the private key is ever printed
 *
 * One GLib test case per table row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "test-run.h"
#include "test-rows.h"

#define SECRET "a-test-secret-of-32-bytes-or-more!!"
#define NOW "1800000000"
#define AUD "https://api.example.com"

/* An expired token (exp 1700000000) with kid "old-key", to re-sign. */
#define EXPIRED                                                                                    \
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6Im9sZC1rZXkifQ."                                    \
  "eyJzdWIiOiJhbGljZSIsImV4cCI6MTcwMDAwMDAwMCwiYXVkIjoiaHR0cHM6Ly9vdGhlci5leGFtcGxlIn0.c2ln"

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "sign", name, NULL);
}

static char *
secret_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jd-cli-sign-XXXXXX", NULL);
  char *path = g_build_filename (dir, "secret.txt", NULL);

  g_assert_true (g_file_set_contents (path, SECRET "\n", -1, NULL));
  return path;
}

static void
run (JdTestRun *r, const char *const *args)
{
  jd_test_run (r, jd_test_cli_path (), NULL, NULL, args);
}

/* ------------------------------------------------------------------ */

typedef struct
{
  const char *name;
  const char *key;      /* fixture, "secret", or NULL with generate */
  const char *generate; /* --generate-key */
  const char *alg;      /* --sign-alg, nullable */
  const char *expect_alg;
} SignRow;

static const SignRow sign_rows[] = {
  { "hs256-secret", "secret", NULL, NULL, "HS256" },
  { "hs512-secret", "secret", NULL, "HS512", "HS512" },
  { "rs256-pkcs1", "rsa-pkcs1.pem", NULL, NULL, "RS256" },
  { "ps384-jwk", "rsa-private.jwk", NULL, "PS384", "PS384" },
  { "es384-pkcs8", "ec-p384-pkcs8.pem", NULL, NULL, "ES384" },
  { "es512-sec1", "ec-p521-sec1.pem", NULL, NULL, "ES512" },
  { "eddsa-jwk", "ed25519-private.jwk", NULL, NULL, "EdDSA" },
  { "generated-rsa", NULL, "rsa", NULL, "RS256" },
  { "generated-ec", NULL, "ec", NULL, "ES256" },
  { "generated-ed25519", NULL, "ed25519", NULL, "EdDSA" },
};

static void
test_sign_row (gconstpointer data)
{
  const SignRow *row = data;
  g_autofree char *secret = secret_file ();
  g_autofree char *dir = g_path_get_dirname (secret);
  g_autofree char *jwks = g_build_filename (dir, "public.jwks", NULL);
  g_autofree char *key = row->key && !g_str_equal (row->key, "secret") ? fixture (row->key) : NULL;
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_auto (JdTestRun) r = { 0 }, check = { 0 }, py = { 0 };
  g_autofree char *token = NULL;
  g_autofree char *want_err = NULL;
  const char *python = g_getenv ("JD_PYJWT_PYTHON");
  const char *py_script
    = "import json, sys, jwt\n"
      "token, alg, key = sys.argv[1:4]\n"
      "if alg.startswith('HS'):\n"
      "    key = open(key).read().rstrip('\\n')\n"
      "else:\n"
      "    key = jwt.PyJWK(json.load(open(key))['keys'][0], algorithm=alg).key\n"
      "c = jwt.decode(token, key, algorithms=[alg], audience='" AUD "', leeway=0)\n"
      "print(c['sub'], c['exp'] - c['iat'], c['aud'])\n";

  if (row->generate)
    g_ptr_array_add (args, (char *)"--generate-key"), g_ptr_array_add (args, (char *)row->generate);
  else
    g_ptr_array_add (args, (char *)"--sign"), g_ptr_array_add (args, key ? key : (char *)"secret");
  if (row->alg)
    g_ptr_array_add (args, (char *)"--sign-alg"), g_ptr_array_add (args, (char *)row->alg);
  g_ptr_array_add (args, (char *)"--secret-file");
  g_ptr_array_add (args, secret);
  if (row->key == NULL || !g_str_equal (row->key, "secret"))
    g_ptr_array_add (args, (char *)"--jwks-out"), g_ptr_array_add (args, jwks);
  g_ptr_array_add (args, (char *)"--set=iat=now");
  g_ptr_array_add (args, (char *)"--set=exp=+1h");
  g_ptr_array_add (args, (char *)"--set=aud=" AUD);
  g_ptr_array_add (args, (char *)EXPIRED);
  g_ptr_array_add (args, NULL);
  run (&r, (const char *const *)args->pdata);

  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.err, "a test token signed on this computer"));
  g_assert_null (strstr (r.err, SECRET));
  g_assert_null (strstr (r.out, SECRET));
  token = g_strstrip (g_strdup (r.out));
  g_assert_cmpuint (strlen (token) + 1, ==, strlen (r.out)); /* the token alone, one line */

  /* jwt-doctor-cli itself: signature valid, not expired, audience ok. */
  {
    const char *secret_args[] = { "--secret-file", secret, "--aud", AUD, token, NULL };
    const char *jwks_args[] = { "--jwks", jwks, "--aud", AUD, token, NULL };
    run (&check, g_str_has_prefix (row->expect_alg, "HS") ? secret_args : jwks_args);
  }
  g_assert_cmpint (check.status, ==, 0);
  g_assert_nonnull (strstr (check.out, "signature-valid"));
  g_assert_null (strstr (check.out, "signature-invalid"));
  want_err = g_strdup_printf ("— %s", row->expect_alg);
  g_assert_nonnull (strstr (check.out, want_err));

  /* PyJWT, when tests/meson.build found a python3 that has it. */
  if (g_strcmp0 (python, "") == 0)
    {
      g_test_message ("PyJWT not checked: not installed (apt install python3-jwt "
                      "python3-cryptography)");
      g_remove (jwks);
      g_remove (secret);
      g_rmdir (dir);
      return;
    }
  {
    const char *py_args[] = { "-c",
                              py_script,
                              token,
                              row->expect_alg,
                              g_str_has_prefix (row->expect_alg, "HS") ? secret : jwks,
                              NULL };
    jd_test_run (&py, python, NULL, NULL, py_args);
  }
  if (py.status != 0)
    g_test_message ("PyJWT: %s", py.err);
  g_assert_cmpint (py.status, ==, 0);
  g_assert_cmpstr (py.out, ==, "alice 3600 " AUD "\n");

  g_remove (jwks);
  g_remove (secret);
  g_rmdir (dir);
}

/* ------------------------------------------------------------------ */

typedef struct
{
  const char *name;
  const char
    *args[8]; /* "@KEY" is replaced by the fixture rsa-pkcs8.pem, "@EC" by ec-p256-sec1.pem */
  const char *message; /* standard error, exactly */
} RefuseRow;

static const RefuseRow refuse_rows[] = {
  { "misfit",
    { "--sign", "@EC", "--sign-alg", "RS256", EXPIRED },
    "jwt-doctor-cli: --sign-alg RS256: EC P-256 cannot make RS256 signatures: RS256 needs a key of "
    "type RSA (RFC 7518 §3.1)\n" },
  { "fits", { "--sign", "@EC", "--sign-alg", "ES256", EXPIRED }, NULL },
  { "none",
    { "--sign", "@KEY", "--sign-alg", "none", EXPIRED },
    "jwt-doctor-cli: --sign-alg none: alg \"none\" means an unsigned token, which no server should "
    "accept; JWT Doctor never makes one (RFC 8725 §3.1)\n" },
  { "set-no-equals",
    { "--sign", "@KEY", "--set", "exp+3600", EXPIRED },
    "jwt-doctor-cli: --set “exp+3600”: no '=' between the claim name and its value; write "
    "NAME=VALUE, e.g. exp=+3600\n" },
  { "set-unit",
    { "--sign", "@KEY", "--set", "exp=+2y", EXPIRED },
    "jwt-doctor-cli: --set “exp=+2y”, byte 6: 'y' is not a time unit; use s, m, h, d or w, or "
    "none for seconds\n" },
  { "set-json",
    { "--sign", "@KEY", "--set", "roles=[\"a\",", EXPIRED },
    "jwt-doctor-cli: --set “roles=[\"a\",”, byte 11: expected a JSON value, found the end of the "
    "text (the value is JSON here; write a string as \"…\")\n" },
  { "set-ok", { "--sign", "@KEY", "--set", "roles=[\"a\"]", EXPIRED }, NULL },
  { "secret-missing",
    { "--sign", "secret", EXPIRED },
    "jwt-doctor-cli: --sign secret: give the HMAC secret with --secret-file FILE (or --secret "
    "TEXT); a key file named “secret” is written ./secret\n" },
  { "generate-kind",
    { "--generate-key", "dsa", EXPIRED },
    "jwt-doctor-cli: --generate-key dsa: expected rsa (RSA 2048), ec (P-256) or ed25519\n" },
  { "both-keys",
    { "--generate-key", "ec", "--sign", "@KEY", EXPIRED },
    "jwt-doctor-cli: --sign and --generate-key both name the signing key; give one\n" },
  { "json",
    { "--sign", "@KEY", "--json", EXPIRED },
    "jwt-doctor-cli: --sign and --generate-key print a token; --json, --request and --discover "
    "diagnose one: run jwt-doctor-cli again on the printed token\n" },
  { "malformed-input",
    { "--sign", "@KEY", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOi*.c2ln" },
    "jwt-doctor-cli: the token's payload cannot be read, so it cannot be re-signed: segment 2 "
    "(payload): byte 10: '*' is not a base64url character\n" },
  { "jwks-out-secret",
    { "--sign", "secret", "--secret", SECRET, "--jwks-out", "/nonexistent/x.jwks", EXPIRED },
    NULL /* checked below: an HMAC secret has no public half */ },
};

static void
test_refuse_row (gconstpointer data)
{
  const RefuseRow *row = data;
  g_autofree char *key = fixture ("rsa-pkcs8.pem");
  g_autofree char *ec = fixture ("ec-p256-sec1.pem");
  const char *args[G_N_ELEMENTS (row->args) + 1] = { NULL };
  g_auto (JdTestRun) r = { 0 };

  for (guint i = 0; row->args[i]; i++)
    args[i] = g_str_equal (row->args[i], "@KEY")  ? key
              : g_str_equal (row->args[i], "@EC") ? ec
                                                  : row->args[i];
  run (&r, args);
  if (g_str_equal (row->name, "jwks-out-secret"))
    {
      g_assert_cmpint (r.status, ==, 2);
      g_assert_nonnull (
        strstr (r.err, "--jwks-out /nonexistent/x.jwks: an HMAC secret has no public half"));
      g_assert_cmpstr (r.out, ==, "");
      g_assert_null (strstr (r.err, SECRET));
      return;
    }
  if (row->message == NULL)
    {
      g_assert_cmpint (r.status, ==, 0);
      g_assert_true (g_str_has_prefix (r.out, "eyJ"));
      return;
    }
  g_assert_cmpint (r.status, ==, 2);
  g_assert_cmpstr (r.err, ==, row->message);
  g_assert_cmpstr (r.out, ==, "");
}

/* The header is the token's (typ, kid kept; alg replaced), the claims the
 * token's with the edits; --now fixes the relative times. */
static void
test_edits_land (void)
{
  g_autofree char *key = fixture ("rsa-pkcs8.pem");
  const char *args[] = { "--sign", key,          "--now",   NOW,   "--set", "exp=+3600",
                         "--set",  "nbf=now-5m", "--unset", "aud", EXPIRED, NULL };
  g_auto (JdTestRun) r = { 0 }, d = { 0 };
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *tok, *header, *payload;
  g_autofree char *token = NULL;

  run (&r, args);
  g_assert_cmpint (r.status, ==, 0);
  token = g_strstrip (g_strdup (r.out));
  {
    const char *dargs[] = { "--json", "--now", NOW, token, NULL };
    run (&d, dargs);
  }
  g_assert_true (json_parser_load_from_data (parser, d.out, -1, NULL));
  tok = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "tokens"),
    0);
  header = json_object_get_object_member (tok, "header");
  payload = json_object_get_object_member (tok, "payload");
  g_assert_cmpstr (json_object_get_string_member (header, "alg"), ==, "RS256");
  g_assert_cmpstr (json_object_get_string_member (header, "kid"), ==, "old-key");
  g_assert_cmpstr (json_object_get_string_member (header, "typ"), ==, "JWT");
  g_assert_cmpint (json_object_get_int_member (payload, "exp"), ==, 1800003600);
  g_assert_cmpint (json_object_get_int_member (payload, "nbf"), ==, 1799999700);
  g_assert_cmpstr (json_object_get_string_member (payload, "sub"), ==, "alice");
  g_assert_false (json_object_has_member (payload, "aud"));
}

/* No INPUT on a terminal-less stdin: a token from no claims but the edits. */
static void
test_from_nothing (void)
{
  g_autofree char *key = fixture ("ed25519-pkcs8.pem");
  const char *args[] = { "--sign", key, "--set", "sub=svc", "-", NULL };
  g_auto (JdTestRun) r = { 0 };

  jd_test_run (&r, jd_test_cli_path (), NULL, "", args);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "eyJ"));
  /* {"alg":"EdDSA","typ":"JWT"} */
  g_assert_true (g_str_has_prefix (r.out, "eyJhbGciOiJFZERTQSIsInR5cCI6IkpXVCJ9."));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  JD_TEST_ADD_ROWS ("/cli-sign/sign", sign_rows, name, test_sign_row);
  JD_TEST_ADD_ROWS ("/cli-sign/refuse", refuse_rows, name, test_refuse_row);
  g_test_add_func ("/cli-sign/edits-land", test_edits_land);
  g_test_add_func ("/cli-sign/from-nothing", test_from_nothing);
  return g_test_run ();
}
