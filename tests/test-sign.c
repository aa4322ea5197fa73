/* test-sign.c — jd-sign.c and jd-sign-key*.c: every algorithm signs, and
 * what it signs verifies with JWT Doctor's verifier and with PyJWT; keys
 * from PEM, JWK, JWKS, secrets and generation; refusals name the misfit
 *
 * One GLib test case per table row. Keys are the fixtures in
 * tests/data/sign/ (see its README) or generated here; nothing is mocked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "jd-json.h"
#include "jd-keys-private.h"
#include "jd-sign.h"
#include "jd-token.h"
#include "jd-verify.h"
#include "test-rows.h"

#define SECRET "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

static JdSignKey *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "sign", name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  JdSignKey *key = jd_sign_key_new_from_file (file, &error);

  g_assert_no_error (error);
  g_assert_nonnull (key);
  return key;
}

/* A key set that verifies what @key signs: the secret, or the exported JWKS. */
static JdKeySet *
verifying_set (JdSignKey *key)
{
  g_autoptr (JdKeySet) set = jd_key_set_new ();
  g_autoptr (GError) error = NULL;

  if (g_str_equal (jd_sign_key_get_kty (key), "oct"))
    {
      GBytes *secret = jd_key_get_secret (jd_sign_key_get_public (key));
      g_assert_true (jd_key_set_add_secret (set, g_bytes_get_data (secret, NULL),
                                            g_bytes_get_size (secret), FALSE, &error));
    }
  else
    {
      g_autofree char *jwks = jd_sign_key_export_public_jwks (key, NULL, &error);
      g_assert_no_error (error);
      g_assert_null (strstr (jwks, "\"d\""));
      g_assert_true (jd_key_set_load_data (set, jwks, strlen (jwks), "exported.jwks", &error));
    }
  g_assert_no_error (error);
  return g_steal_pointer (&set);
}

/* The key material PyJWT gets: the secret, or the exported public JWK. */
static char *
pyjwt_key_arg (JdSignKey *key)
{
  if (g_str_equal (jd_sign_key_get_kty (key), "oct"))
    return g_strdup (SECRET);
  return jd_sign_key_export_public_jwks (key, NULL, NULL);
}

/* Runs PyJWT's jwt.decode() on @token; returns its stdout. */
static char *
pyjwt_decode (const char *token, const char *alg, const char *key_arg, gboolean is_secret)
{
  static const char script[]
    = "import json, sys, jwt\n"
      "token, alg, key, is_secret = sys.argv[1:5]\n"
      "if is_secret != '1':\n"
      "    key = jwt.PyJWK(json.loads(key)['keys'][0], algorithm=alg).key\n"
      "claims = jwt.decode(token, key, algorithms=[alg], audience='https://api.example.com')\n"
      "print('verified', claims['sub'])\n";
  const char *python = g_getenv ("JD_PYJWT_PYTHON");
  const char *argv[] = { python, "-c", script, token, alg, key_arg, is_secret ? "1" : "0", NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  g_assert_nonnull (python); /* tests/meson.build finds a python3 that imports jwt */
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_test_message ("PyJWT said: %s", err);
  return g_steal_pointer (&out);
}

/* ------------------------------------------------------------------ */
/* Every algorithm: one row each                                       */

typedef struct
{
  const char *alg;
  const char *fixture; /* NULL: the HMAC secret */
} AlgRow;

static const AlgRow alg_rows[] = {
  { "HS256", NULL },
  { "HS384", NULL },
  { "HS512", NULL },
  { "RS256", "rsa-pkcs8.pem" },
  { "RS384", "rsa-pkcs1.pem" },
  { "RS512", "rsa-private.jwk" },
  { "PS256", "rsa-pkcs8.pem" },
  { "PS384", "rsa-pkcs1.pem" },
  { "PS512", "rsa-private.jwk" },
  { "ES256", "ec-p256-sec1.pem" },
  { "ES384", "ec-p384-pkcs8.pem" },
  { "ES512", "ec-p521-sec1.pem" },
  { "EdDSA", "ed25519-pkcs8.pem" },
};

static JdSignKey *
row_key (const AlgRow *row)
{
  g_autoptr (GError) error = NULL;
  JdSignKey *key;

  if (row->fixture)
    return load_fixture (row->fixture);
  key = jd_sign_key_new_secret (SECRET, strlen (SECRET), &error);
  g_assert_no_error (error);
  return key;
}

static char *
sign_row (JdSignKey *key, const char *alg)
{
  g_autoptr (JsonObject) payload = json_object_new ();
  g_autoptr (JsonObject) header = json_object_new ();
  g_autoptr (GError) error = NULL;
  char *token;

  json_object_set_string_member (header, "typ", "JWT");
  json_object_set_string_member (header, "alg", "none"); /* replaced, never kept */
  json_object_set_string_member (payload, "sub", "alice");
  json_object_set_string_member (payload, "aud", "https://api.example.com");
  json_object_set_int_member (payload, "exp", g_get_real_time () / G_USEC_PER_SEC + 3600);
  token = jd_sign_compact (key, alg, header, payload, &error);
  g_assert_no_error (error);
  g_assert_nonnull (token);
  return token;
}

static void
test_alg_verifies (gconstpointer data)
{
  const AlgRow *row = data;
  g_autoptr (JdSignKey) key = row_key (row);
  g_autofree char *token = sign_row (key, row->alg);
  g_autoptr (JdToken) parsed = jd_token_parse (token, -1);
  g_autoptr (JdKeySet) set = verifying_set (key);
  g_autoptr (JdVerifyResult) result = NULL;
  g_autofree char *tampered = g_strdup (token);
  g_autoptr (JdToken) bad = NULL;
  g_autoptr (JdVerifyResult) bad_result = NULL;
  char *last = tampered + strlen (tampered) - 2;

  g_assert_cmpstr (json_object_get_string_member (jd_token_get_header (parsed), "alg"), ==,
                   row->alg);
  g_assert_true (jd_sign_is_made_here (token));
  result = jd_verify (parsed, set, NULL);
  g_assert_cmpint (jd_verify_result_get_status (result), ==, JD_SIGNATURE_VALID);

  /* The close input that must not verify: one signature byte changed. */
  *last = *last == 'A' ? 'B' : 'A';
  bad = jd_token_parse (tampered, -1);
  bad_result = jd_verify (bad, set, NULL);
  g_assert_cmpint (jd_verify_result_get_status (bad_result), ==, JD_SIGNATURE_INVALID);
  g_assert_false (jd_sign_is_made_here (tampered));
}

static void
test_alg_pyjwt (gconstpointer data)
{
  const AlgRow *row = data;
  g_autoptr (JdSignKey) key = NULL;
  g_autofree char *token = NULL, *key_arg = NULL, *out = NULL, *tampered = NULL, *bad_out = NULL;

  if (g_strcmp0 (g_getenv ("JD_PYJWT_PYTHON"), "") == 0)
    {
      /* tests/meson.build found no python3 that imports jwt and cryptography. */
      g_test_skip ("PyJWT is not installed (apt install python3-jwt python3-cryptography)");
      return;
    }
  key = row_key (row);
  token = sign_row (key, row->alg);
  key_arg = pyjwt_key_arg (key);
  out = pyjwt_decode (token, row->alg, key_arg, row->fixture == NULL);
  g_assert_cmpstr (out, ==, "verified alice\n");

  /* Both ways: PyJWT rejects the token with one signature byte changed. */
  tampered = g_strdup (token);
  tampered[strlen (tampered) - 3] = tampered[strlen (tampered) - 3] == 'A' ? 'B' : 'A';
  bad_out = pyjwt_decode (tampered, row->alg, key_arg, row->fixture == NULL);
  g_assert_cmpstr (bad_out, ==, "");
}

/* ------------------------------------------------------------------ */
/* Key sources                                                         */

typedef struct
{
  const char *fixture;
  const char *describe; /* jd_sign_key_describe */
  const char *kid;      /* nullable */
  const char *alg;      /* the natural algorithm */
} SourceRow;

static const SourceRow source_rows[] = {
  { "rsa-pkcs8.pem", "RSA 2048", NULL, "RS256" },
  { "rsa-pkcs1.pem", "RSA 2048", NULL, "RS256" },
  { "ec-p256-sec1.pem", "EC P-256", NULL, "ES256" },
  { "ec-p384-pkcs8.pem", "EC P-384", NULL, "ES384" },
  { "ec-p521-sec1.pem", "EC P-521", NULL, "ES512" },
  { "ed25519-pkcs8.pem", "OKP Ed25519", NULL, "EdDSA" },
  { "rsa-private.jwk", "RSA 2048", "rsa-jwk-1", "RS256" },
  { "ec-p256-private.jwk", "EC P-256", "ec-jwk-1", "ES256" },
  { "ed25519-private.jwk", "OKP Ed25519", NULL, "EdDSA" },
  { "oct.jwk", "oct 384-bit secret", "hmac-1", "HS384" },
  { "jwks-one-private.json", "EC P-256", "ec-jwk-1", "ES256" },
};

static void
test_source (gconstpointer data)
{
  const SourceRow *row = data;
  g_autoptr (JdSignKey) key = load_fixture (row->fixture);
  g_autofree char *describe = jd_sign_key_describe (key);
  g_autofree char *alg = jd_sign_key_choose_alg (key, NULL, NULL, NULL);
  g_autofree char *token = sign_row (key, NULL);
  g_autoptr (JdToken) parsed = jd_token_parse (token, -1);
  g_autoptr (JdKeySet) set = verifying_set (key);
  g_autoptr (JdVerifyResult) result = jd_verify (parsed, set, NULL);
  JsonObject *header = jd_token_get_header (parsed);

  g_assert_cmpstr (describe, ==, row->describe);
  g_assert_cmpstr (jd_sign_key_get_kid (key), ==, row->kid);
  g_assert_cmpstr (alg, ==, row->alg);
  g_assert_cmpstr (json_object_get_string_member (header, "alg"), ==, row->alg);
  g_assert_cmpstr (json_object_get_string_member_with_default (header, "kid", NULL), ==, row->kid);
  g_assert_false (jd_sign_key_is_generated (key));
  g_assert_cmpint (jd_verify_result_get_status (result), ==, JD_SIGNATURE_VALID);
}

typedef struct
{
  const char *fixture;
  const char *message; /* a part of the error */
} RefusedRow;

static const RefusedRow refused_rows[] = {
  { "rsa-public.pem", "holds a PEM \"PUBLIC KEY\" block and no private key" },
  { "rsa-encrypted.pem", "an encrypted private key (PEM \"ENCRYPTED PRIVATE KEY\")" },
  { "jwks-public.json", "holds 1 keys and none is private" },
  { "rsa-no-primes.jwk", "has \"d\" but not the primes \"p\" and \"q\"" },
  { "README", "is neither a PEM private key" },
};

static void
test_refused (gconstpointer data)
{
  const RefusedRow *row = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "sign", row->fixture, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (JdSignKey) key = jd_sign_key_new_from_file (file, &error);

  g_assert_null (key);
  g_assert_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_KEY);
  g_assert_nonnull (strstr (error->message, row->message));
  g_assert_true (g_str_has_prefix (error->message, row->fixture));
}

typedef struct
{
  const char *json;
  const char *message;
} JwkRefusedRow;

static const JwkRefusedRow jwk_refused_rows[] = {
  { "{\"kty\":\"RSA\",\"n\":\"AQAB\",\"e\":\"AQAB\"}", "is a public RSA JWK (no \"d\")" },
  { "{\"kty\":\"EC\",\"crv\":\"P-192\",\"x\":\"AA\",\"y\":\"AA\",\"d\":\"AA\"}",
    "\"crv\": \"P-192\" is not a curve JWS signs with" },
  { "{\"kty\":\"oct\",\"k\":\"a+b\"}", "member \"k\", " },
  { "{\"kty\":\"oct\",\"k\":\"ab*c\"}", "member \"k\", byte 2" },
  { "{\"kty\":\"oct\"}", "member \"k\" is missing" },
  { "{\"kid\":\"x\"}", "a JWK needs a \"kty\" string" },
  { "{\"kty\":\"RSA\",\"n\":1}", "is a public RSA JWK" },
  { "{\"kty\":\"oct\",\"k\":\"\"}", "the HMAC secret is empty" },
  { "{\"kty\":\"oct\" \"k\":\"\"}",
    "pasted.jwk: byte 13: expected ',' or '}' after a member, found '\"'" },
};

static void
test_jwk_refused (gconstpointer data)
{
  const JwkRefusedRow *row = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JdSignKey) key
    = jd_sign_key_new_from_data (row->json, strlen (row->json), "pasted.jwk", &error);

  g_assert_null (key);
  g_assert_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_KEY);
  if (strstr (error->message, row->message) == NULL)
    g_test_message ("message: %s", error->message);
  g_assert_nonnull (strstr (error->message, row->message));
  /* A private member's bytes are never quoted (the message may reach a CI log). */
  g_assert_null (strstr (error->message, "'*'"));
}

/* ------------------------------------------------------------------ */
/* Key and algorithm fit, both ways                                    */

typedef struct
{
  const char *fixture; /* NULL: the secret */
  const char *alg;
  const char *misfit; /* NULL: fits */
} FitRow;

static const FitRow fit_rows[] = {
  { "ec-p256-sec1.pem", "RS256",
    "EC P-256 cannot make RS256 signatures: RS256 needs a key of type RSA" },
  { "ec-p256-sec1.pem", "ES256", NULL },
  { "ec-p256-sec1.pem", "ES384", "EC P-256 cannot make ES384 signatures: ES384 needs curve P-384" },
  { "ec-p384-pkcs8.pem", "ES384", NULL },
  { "rsa-pkcs8.pem", "ES256",
    "RSA 2048 cannot make ES256 signatures: ES256 needs a key of type EC" },
  { "rsa-pkcs8.pem", "PS256", NULL },
  { "rsa-pkcs8.pem", "HS256",
    "RSA 2048 cannot make HS256 signatures: HS256 needs a key of type oct" },
  { NULL, "HS512", NULL },
  { NULL, "RS256", "cannot make RS256 signatures: RS256 needs a key of type RSA" },
  { "ed25519-pkcs8.pem", "EdDSA", NULL },
  { "ed25519-pkcs8.pem", "ES256", "OKP Ed25519 cannot make ES256 signatures" },
  { "rsa-pkcs8.pem", "none", "alg \"none\" means an unsigned token" },
  { NULL, "none", "JWT Doctor never makes one" },
  { NULL, "hs256", "\"hs256\" is not a JWS algorithm JWT Doctor can sign with" },
  { "oct.jwk", "HS256", "the key's JWK says \"alg\": \"HS384\"" },
  { "oct.jwk", "HS384", NULL },
};

static void
test_fit (gconstpointer data)
{
  const FitRow *row = data;
  AlgRow key_row = { row->alg, row->fixture };
  g_autoptr (JdSignKey) key = row_key (&key_row);
  g_autofree char *misfit = jd_sign_key_misfit (key, row->alg);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) payload = json_object_new ();
  g_autofree char *token = jd_sign_compact (key, row->alg, NULL, payload, &error);
  g_auto (GStrv) algs = jd_sign_key_list_algs (key);

  if (row->misfit == NULL)
    {
      g_assert_null (misfit);
      g_assert_no_error (error);
      g_assert_nonnull (token);
      g_assert_true (g_strv_contains ((const char *const *)algs, row->alg));
      return;
    }
  g_assert_nonnull (misfit);
  if (strstr (misfit, row->misfit) == NULL)
    g_test_message ("misfit: %s", misfit);
  g_assert_nonnull (strstr (misfit, row->misfit));
  g_assert_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_ALG);
  g_assert_cmpstr (error->message, ==, misfit);
  g_assert_null (token);
  g_assert_false (g_strv_contains ((const char *const *)algs, row->alg));
}

/* ------------------------------------------------------------------ */
/* Choosing the algorithm, generated keys, JSON text                   */

static void
test_choose_keeps_header_alg (void)
{
  g_autoptr (JdSignKey) key = load_fixture ("rsa-pkcs8.pem");
  g_autofree char *kept = jd_sign_key_choose_alg (key, NULL, "PS384", NULL);
  g_autofree char *unfit = jd_sign_key_choose_alg (key, NULL, "ES256", NULL);

  g_assert_cmpstr (kept, ==, "PS384");
  g_assert_cmpstr (unfit, ==, "RS256"); /* the header's alg does not fit: the key's own */
}

static void
test_generated (gconstpointer data)
{
  JdSignKeyKind kind = GPOINTER_TO_INT (data);
  static const char *const algs[] = { "RS256", "ES256", "EdDSA" };
  g_autoptr (GError) error = NULL;
  g_autoptr (JdSignKey) key = jd_sign_key_generate (kind, &error);
  g_autoptr (JdSignKey) other = jd_sign_key_generate (kind, NULL);
  g_autofree char *token = NULL;
  g_autofree char *jwks = NULL;
  g_autoptr (JdToken) parsed = NULL;
  g_autoptr (JdKeySet) set = NULL;
  g_autoptr (JdKeySet) other_set = NULL;
  g_autoptr (JdVerifyResult) result = NULL;
  g_autoptr (JdVerifyResult) other_result = NULL;

  g_assert_no_error (error);
  g_assert_true (jd_sign_key_is_generated (key));
  g_assert_cmpstr (jd_sign_key_get_kid (key), ==,
                   jd_key_get_thumbprint (jd_sign_key_get_public (key)));
  g_assert_cmpstr (jd_sign_key_get_kid (key), !=, jd_sign_key_get_kid (other));
  token = sign_row (key, NULL);
  parsed = jd_token_parse (token, -1);
  g_assert_cmpstr (json_object_get_string_member (jd_token_get_header (parsed), "alg"), ==,
                   algs[kind]);
  g_assert_cmpstr (json_object_get_string_member (jd_token_get_header (parsed), "kid"), ==,
                   jd_sign_key_get_kid (key));

  jwks = jd_sign_key_export_public_jwks (key, algs[kind], &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (jwks, "\"use\" : \"sig\"") ? jwks : strstr (jwks, "\"sig\""));
  g_assert_null (strstr (jwks, "\"d\""));
  set = verifying_set (key);
  result = jd_verify (parsed, set, NULL);
  g_assert_cmpint (jd_verify_result_get_status (result), ==, JD_SIGNATURE_VALID);
  /* Another generated key of the same kind does not verify it. */
  other_set = verifying_set (other);
  other_result = jd_verify (parsed, other_set, NULL);
  g_assert_cmpint (jd_verify_result_get_status (other_result), !=, JD_SIGNATURE_VALID);
}

static void
test_secret_has_no_jwks (void)
{
  g_autoptr (JdSignKey) key = jd_sign_key_new_secret (SECRET, strlen (SECRET), NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *jwks = jd_sign_key_export_public_jwks (key, NULL, &error);

  g_assert_null (jwks);
  g_assert_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_KEY);
  g_assert_null (jd_sign_key_get_kid (key));
}

static void
test_from_keys_page (void)
{
  /* What the Keys page loaded: a private PEM (its public half verifies)
   * and a secret; both sign. A public PEM does not. */
  g_autofree char *priv_path
    = g_test_build_filename (G_TEST_DIST, "data", "sign", "ec-p256-sec1.pem", NULL);
  g_autofree char *pub_path
    = g_test_build_filename (G_TEST_DIST, "data", "sign", "rsa-public.pem", NULL);
  g_autoptr (GFile) priv_file = g_file_new_for_path (priv_path);
  g_autoptr (GFile) pub_file = g_file_new_for_path (pub_path);
  g_autoptr (JdKeySet) set = jd_key_set_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (JdSignKey) from_priv = NULL, from_secret = NULL, from_pub = NULL;

  g_assert_true (jd_key_set_load_file (set, priv_file, &error));
  g_assert_true (jd_key_set_load_file (set, pub_file, &error));
  g_assert_true (jd_key_set_add_secret (set, SECRET, strlen (SECRET), FALSE, &error));
  g_assert_no_error (error);

  from_priv = jd_sign_key_new_from_key (jd_key_set_get_key (set, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jd_sign_key_get_kty (from_priv), ==, "EC");
  from_pub = jd_sign_key_new_from_key (jd_key_set_get_key (set, 1), &error);
  g_assert_null (from_pub);
  g_assert_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_KEY);
  g_assert_nonnull (strstr (error->message, "is a public key: it verifies but cannot sign"));
  g_clear_error (&error);
  from_secret = jd_sign_key_new_from_key (jd_key_set_get_key (set, 2), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jd_sign_key_get_kty (from_secret), ==, "oct");
}

typedef struct
{
  const char *header;
  const char *payload;
  const char *message; /* NULL: signs */
} TextRow;

static const TextRow text_rows[] = {
  { "{\"typ\":\"JWT\"}", "{\"sub\":\"a\"}", NULL },
  { NULL, "{\"sub\":\"a\"}", NULL },
  { "{\"typ\":\"JWT\"", "{\"sub\":\"a\"}", "header, byte 12: " },
  { "{\"typ\":\"JWT\"}", "{\"sub\" \"a\"}", "payload, byte 7: " },
  { "{\"typ\":\"JWT\"}", "{\"sub\":\"a\",\"sub\":\"b\"}",
    "payload, byte 11: the member \"sub\" appears twice" },
  { "{\"typ\":\"JWT\"}", "[1]", "payload: a JWT's payload is a JSON object" },
};

static void
test_text (gconstpointer data)
{
  const TextRow *row = data;
  g_autoptr (JdSignKey) key = jd_sign_key_new_secret (SECRET, strlen (SECRET), NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *token = jd_sign_compact_text (key, "HS256", row->header, row->payload, &error);

  if (row->message == NULL)
    {
      g_assert_no_error (error);
      g_assert_true (jd_sign_is_made_here (token));
      return;
    }
  g_assert_null (token);
  g_assert_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_INPUT);
  if (!g_str_has_prefix (error->message, row->message))
    g_test_message ("message: %s", error->message);
  g_assert_true (g_str_has_prefix (error->message, row->message));
}

static void
test_json_errors_match_decoder (void)
{
  /* The editor's message is the decoder's, word for word, after "payload, ". */
  const char *bad = "{\"exp\": 12,, \"sub\": \"a\"}";
  g_autoptr (JdSignKey) key = jd_sign_key_new_secret (SECRET, strlen (SECRET), NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) json_error = NULL;
  g_autofree char *token = jd_sign_compact_text (key, NULL, NULL, bad, &error);
  g_autoptr (JsonNode) node
    = jd_json_parse (bad, strlen (bad), JD_JSON_FLAGS_NONE, NULL, &json_error);
  g_autofree char *expected = NULL;

  g_assert_null (node);
  expected = g_strconcat ("payload, ", json_error->message, NULL);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_null (token);
}

static void
test_made_here (void)
{
  const char *foreign = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln";
  g_autoptr (JdSignKey) key = jd_sign_key_new_secret (SECRET, strlen (SECRET), NULL);
  g_autoptr (JsonObject) payload = json_object_new ();
  g_autofree char *token = jd_sign_compact (key, "HS256", NULL, payload, NULL);
  g_autofree char *spaced = g_strconcat ("  ", token, "\n", NULL);

  g_assert_true (jd_sign_is_made_here (token));
  g_assert_true (jd_sign_is_made_here (spaced));
  g_assert_false (jd_sign_is_made_here (foreign));
  g_assert_false (jd_sign_is_made_here (NULL));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (alg_rows); i++)
    {
      g_autofree char *a = g_strdup_printf ("/sign/alg/%s/verifies", alg_rows[i].alg);
      g_autofree char *b = g_strdup_printf ("/sign/alg/%s/pyjwt", alg_rows[i].alg);
      g_test_add_data_func (a, &alg_rows[i], test_alg_verifies);
      g_test_add_data_func (b, &alg_rows[i], test_alg_pyjwt);
    }
  JD_TEST_ADD_ROWS ("/sign/source", source_rows, fixture, test_source);
  JD_TEST_ADD_ROWS ("/sign/refused", refused_rows, fixture, test_refused);
  for (guint i = 0; i < G_N_ELEMENTS (jwk_refused_rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/sign/jwk-refused/%u", i);
      g_test_add_data_func (path, &jwk_refused_rows[i], test_jwk_refused);
    }
  for (guint i = 0; i < G_N_ELEMENTS (fit_rows); i++)
    {
      g_autofree char *path = g_strdup_printf (
        "/sign/fit/%s/%s", fit_rows[i].fixture ? fit_rows[i].fixture : "secret", fit_rows[i].alg);
      g_test_add_data_func (path, &fit_rows[i], test_fit);
    }
  for (guint i = 0; i < G_N_ELEMENTS (text_rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/sign/text/%u", i);
      g_test_add_data_func (path, &text_rows[i], test_text);
    }
  g_test_add_data_func ("/sign/generated/rsa", GINT_TO_POINTER (JD_SIGN_KEY_RSA), test_generated);
  g_test_add_data_func ("/sign/generated/ec", GINT_TO_POINTER (JD_SIGN_KEY_EC), test_generated);
  g_test_add_data_func ("/sign/generated/ed25519", GINT_TO_POINTER (JD_SIGN_KEY_ED25519),
                        test_generated);
  g_test_add_func ("/sign/choose-keeps-header-alg", test_choose_keeps_header_alg);
  g_test_add_func ("/sign/secret-has-no-jwks", test_secret_has_no_jwks);
  g_test_add_func ("/sign/from-keys-page", test_from_keys_page);
  g_test_add_func ("/sign/json-errors-match-decoder", test_json_errors_match_decoder);
  g_test_add_func ("/sign/made-here", test_made_here);

  return g_test_run ();
}
