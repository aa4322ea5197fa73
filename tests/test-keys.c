/* test-keys.c — src/core/jd-key*.c: JWK, JWKS, PEM, X.509, secrets
 *
 * Table-driven tests register one test case per row, named by the row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "jd-base64.h"
#include "jd-keys-private.h"
#include "test-keys-util.h"

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static JdKeySet *
load_string (const char *text, const char *source)
{
  g_autoptr (GError) error = NULL;
  JdKeySet *set = jd_key_set_new ();

  g_assert_true (jd_key_set_load_data (set, text, strlen (text), source, &error));
  g_assert_no_error (error);
  return set;
}

static JdKeySet *
load_data_file (const char *name)
{
  g_autofree char *path = data_path (name);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  JdKeySet *set = jd_key_set_new ();

  g_assert_true (jd_key_set_load_file (set, file, &error));
  g_assert_no_error (error);
  return set;
}

/* Registers @func once per row of @rows (@n rows of @size bytes, each
 * starting with its name) as "@prefix/<name>", with the row as its data. */
static void
add_row_tests (const char *prefix, gconstpointer rows, gsize size, gsize n, GTestDataFunc func)
{
  for (gsize i = 0; i < n; i++)
    {
      gconstpointer row = (const guint8 *)rows + i * size;
      g_autofree char *path = g_strdup_printf ("%s/%s", prefix, *(const char *const *)row);

      g_test_add_data_func (path, row, func);
    }
}

#define ADD_ROW_TESTS(prefix, rows, func)                                                          \
  add_row_tests (prefix, rows, sizeof rows[0], G_N_ELEMENTS (rows), func)

/* The RFC examples, one row per file in tests/data. */
typedef struct
{
  const char *file;
  const char *kty;
  const char *crv;
  guint bits;
} RfcRow;

static const RfcRow rfc_rows[] = {
  { "rfc7515-A.1.jwk", "oct", NULL, 512 },   { "rfc7515-A.2.jwk", "RSA", NULL, 2048 },
  { "rfc7515-A.3.jwk", "EC", "P-256", 256 }, { "rfc7515-A.4.jwk", "EC", "P-521", 521 },
  { "rfc7520-4.1.jwk", "RSA", NULL, 2048 },  { "rfc7520-4.3.jwk", "EC", "P-521", 521 },
  { "rfc7520-4.4.jwk", "oct", NULL, 256 },   { "rfc8037-A.2.jwk", "OKP", "Ed25519", 255 },
};

static void
test_rfc_key_row (gconstpointer data)
{
  const RfcRow *row = data;
  g_autoptr (JdKeySet) set = load_data_file (row->file);
  JdKey *key;

  g_assert_cmpuint (jd_key_set_get_n_keys (set), ==, 1);
  key = jd_key_set_get_key (set, 0);
  g_assert_null (jd_key_get_problem (key));
  g_assert_true (jd_key_is_usable (key));
  g_assert_cmpstr (jd_key_get_kty (key), ==, row->kty);
  g_assert_cmpstr (jd_key_get_crv (key), ==, row->crv);
  g_assert_cmpuint (jd_key_get_bits (key), ==, row->bits);
  g_assert_cmpstr (jd_key_get_source (key), ==, row->file);
  g_assert_nonnull (jd_key_get_thumbprint (key));
  g_assert_cmpuint (strlen (jd_key_get_thumbprint (key)), ==, 43);
}

static void
test_thumbprint_rfc7638 (void)
{
  g_autoptr (JdKeySet) set = load_data_file ("rfc7638-3.1.jwk");
  g_autofree char *path = data_path ("rfc7638-3.1.thp");
  g_autofree char *want = NULL;
  JdKey *key = jd_key_set_get_key (set, 0);

  g_assert_true (g_file_get_contents (path, &want, NULL, NULL));
  g_strstrip (want);
  g_assert_cmpstr (jd_key_get_thumbprint (key), ==, want);
  g_assert_cmpstr (jd_key_get_kid (key), ==, "2011-04-29");
  g_assert_cmpstr (jd_key_get_alg (key), ==, "RS256");
}

static void
test_formats (void)
{
  g_autofree char *path = data_path ("rfc7515-A.3.jwk");
  g_autofree char *jwk = NULL;
  g_autofree char *jwks = NULL;
  g_autofree char *array = NULL;

  g_assert_true (g_file_get_contents (path, &jwk, NULL, NULL));
  jwks = g_strdup_printf ("{\"keys\": [%s, %s]}", jwk, jwk);
  array = g_strdup_printf ("\xef\xbb\xbf  [%s]", jwk);

  {
    g_autoptr (JdKeySet) set = load_string (jwks, "jwks.json");
    g_assert_cmpuint (jd_key_set_get_n_keys (set), ==, 2);
    g_assert_cmpstr (jd_key_get_source (jd_key_set_get_key (set, 1)), ==, "jwks.json keys[1]");
    g_assert_cmpstr (jd_key_get_path (jd_key_set_get_key (set, 1)), ==, "keys[1]");
    g_assert_cmpuint (jd_key_set_get_warnings (set)->len, ==, 0);
  }
  {
    g_autoptr (JdKeySet) set = load_string (array, "array.json");
    g_assert_cmpuint (jd_key_set_get_n_keys (set), ==, 1);
    g_assert_cmpstr (jd_key_get_path (jd_key_set_get_key (set, 0)), ==, "[0]");
    g_assert_true (jd_key_is_usable (jd_key_set_get_key (set, 0)));
  }
  {
    /* Loading twice appends. */
    g_autoptr (JdKeySet) set = load_string (jwk, "one.jwk");
    g_autoptr (GError) error = NULL;
    g_assert_true (jd_key_set_load_data (set, jwks, strlen (jwks), NULL, &error));
    g_assert_cmpuint (jd_key_set_get_n_keys (set), ==, 3);
    jd_key_set_clear (set);
    g_assert_cmpuint (jd_key_set_get_n_keys (set), ==, 0);
  }
}

static const char *broken_jwks
  = "{\"keys\": ["
    "{\"kty\":\"EC\",\"kid\":\"good\",\"crv\":\"P-256\","
    "\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\","
    "\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\"},"
    /* 1: x is 31 bytes */
    "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVA\","
    "\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\"},"
    /* 2: standard base64 in n */
    "{\"kty\":\"RSA\",\"n\":\"ab+c\",\"e\":\"AQAB\"},"
    /* 3: no e */
    "{\"kty\":\"RSA\",\"n\":\"AQAB\"},"
    /* 4: unknown kty */
    "{\"kty\":\"DSA\"},"
    /* 5: kty in the wrong case */
    "{\"kty\":\"rsa\",\"n\":\"AQAB\",\"e\":\"AQAB\"},"
    /* 6: key agreement curve */
    "{\"kty\":\"OKP\",\"crv\":\"X25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"},"
    /* 7: not an object */
    "42,"
    /* 8: exponent 1 */
    "{\"kty\":\"RSA\",\"n\":\"AQAB\",\"e\":\"AQ\"},"
    /* 9: no kty */
    "{\"n\":\"AQAB\"},"
    /* 10: kid is a number */
    "{\"kty\":\"oct\",\"kid\":7,\"k\":\"AQAB\"},"
    /* 11: padding in base64url */
    "{\"kty\":\"oct\",\"k\":\"AQ==\"},"
    /* 12: a point that is not on the curve */
    "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\","
    "\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5b0\"}"
    "]}";

/* One row per key of broken_jwks, in order: what its problem starts with. */
typedef struct
{
  const char *name;
  const char *want; /* NULL: usable */
} ProblemRow;

static const ProblemRow broken_rows[] = {
  { "good", NULL },
  { "x-31-bytes", "keys[1]: \"crv\" P-256 needs a 32-byte \"x\", got 31" },
  { "n-standard-base64", "keys[2]: \"n\" is not base64url: byte 2: '+' is standard base64" },
  { "no-e", "keys[3]: a RSA key needs a \"e\" member" },
  { "unknown-kty", "keys[4]: \"kty\" \"DSA\" is not RSA, EC, OKP or oct" },
  { "kty-wrong-case", "keys[5]: \"kty\" \"rsa\" has the wrong case" },
  { "key-agreement-curve", "keys[6]: \"crv\" X25519 is for key agreement" },
  { "not-an-object", "keys[7]: a JWK must be a JSON object" },
  { "exponent-1", "keys[8]: the RSA public exponent e is 1; RFC 8017 §3.1" },
  { "no-kty", "keys[9]: no \"kty\" member" },
  { "kid-not-a-string", "keys[10]: \"kid\" must be a string" },
  { "padding-in-base64url", "keys[11]: \"k\" is not base64url: byte 2: '=' padding" },
  { "point-not-on-curve", "keys[12]: (\"x\", \"y\") is not a point on P-256" },
};

/* The problem (nullable) of key @i of @set, which must hold @n keys. */
static const char *
problem_of_key (JdKeySet *set, gsize n, gsize i)
{
  const char *problem;

  g_assert_cmpuint (jd_key_set_get_n_keys (set), ==, n);
  problem = jd_key_get_problem (jd_key_set_get_key (set, i));
  g_test_message ("%s", problem ? problem : "(usable)");
  return problem;
}

static void
test_broken_key_row (gconstpointer data)
{
  const ProblemRow *row = data;
  g_autoptr (JdKeySet) set = load_string (broken_jwks, "broken.json");
  const char *problem = problem_of_key (set, G_N_ELEMENTS (broken_rows), row - broken_rows);
  JdKey *key = jd_key_set_get_key (set, row - broken_rows);

  if (row->want == NULL)
    {
      g_assert_null (problem);
      g_assert_true (jd_key_is_usable (key));
    }
  else
    {
      g_assert_nonnull (problem);
      g_assert_true (g_str_has_prefix (problem, row->want));
      g_assert_false (jd_key_is_usable (key));
    }
}

static void
test_rsa_leading_zero (void)
{
  g_autoptr (JdKeySet) plain = load_data_file ("rfc7515-A.2.jwk");
  JdKey *ref = jd_key_set_get_key (plain, 0);
  g_autofree char *path = data_path ("rfc7515-A.2.jwk");
  g_autofree char *text = NULL;
  g_autofree char *patched = NULL;
  g_autoptr (JdKeySet) set = NULL;
  GBytes *n = NULL;
  JdKey *key;

  /* Prepend a zero byte to n: "ofgW…" decodes to a1 f8 16 …; the
   * base64url of 00 a1 f8 16 … starts "AKH4Fg". */
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  {
    g_autoptr (JsonParser) parser = json_parser_new ();
    JsonObject *obj;
    g_autofree char *n64 = NULL;
    g_autoptr (GByteArray) buf = g_byte_array_new ();
    guint8 zero = 0;
    g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
    obj = json_node_get_object (json_parser_get_root (parser));
    n = tk_b64url_decode (json_object_get_string_member (obj, "n"));
    g_byte_array_append (buf, &zero, 1);
    g_byte_array_append (buf, g_bytes_get_data (n, NULL), g_bytes_get_size (n));
    n64 = tk_b64url (buf->data, buf->len);
    patched = g_strdup_printf ("{\"kty\":\"RSA\",\"e\":\"AQAB\",\"n\":\"%s\"}", n64);
    g_bytes_unref (n);
  }
  set = load_string (patched, "zero.jwk");
  key = jd_key_set_get_key (set, 0);
  g_assert_true (jd_key_is_usable (key));
  g_assert_cmpuint (jd_key_get_bits (key), ==, 2048);
  g_assert_nonnull (jd_key_get_note (key));
  g_assert_nonnull (strstr (jd_key_get_note (key), "zero byte"));
  /* The key is the same key. */
  g_assert_cmpuint (jd_key_get_bits (ref), ==, 2048);
  g_assert_null (jd_key_get_note (ref));
}

static void
test_private_members (void)
{
  const char *jwks
    = "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"d\":\"jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-"
      "E9LI\","
      "\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\","
      "\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\"},"
      "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\","
      "\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\"},"
      "{\"kty\":\"oct\",\"k\":\"c2VjcmV0\"}]}";
  g_autoptr (JdKeySet) set = load_string (jwks, "leaky.json");
  GPtrArray *warnings = jd_key_set_get_warnings (set);
  JdFinding *finding;

  g_assert_true (jd_key_has_private_parts (jd_key_set_get_key (set, 0)));
  g_assert_false (jd_key_has_private_parts (jd_key_set_get_key (set, 1)));
  g_assert_true (jd_key_has_private_parts (jd_key_set_get_key (set, 2)));
  /* The private key still verifies: only its public half is used. */
  g_assert_true (jd_key_is_usable (jd_key_set_get_key (set, 0)));

  finding = jd_findings_find (warnings, JD_FINDING_JWKS_PRIVATE_KEY);
  g_assert_nonnull (finding);
  g_assert_cmpint (jd_finding_get_severity (finding), ==, JD_SEVERITY_WARNING);
  g_assert_nonnull (strstr (jd_finding_get_message (finding), "key 1, key 3"));
  g_assert_null (strstr (jd_finding_get_message (finding), "keys["));
  g_assert_nonnull (strstr (jd_finding_get_message (finding), "leaky.json"));
  g_assert_nonnull (jd_finding_get_fix (finding));
}

static void
test_duplicate_kid (void)
{
  const char *jwks = "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"a\",\"k\":\"AQAB\"},"
                     "{\"kty\":\"oct\",\"kid\":\"b\",\"k\":\"AQAB\"},"
                     "{\"kty\":\"oct\",\"kid\":\"a\",\"k\":\"AQAC\"}]}";
  g_autoptr (JdKeySet) set = load_string (jwks, "dup.json");
  g_autoptr (GPtrArray) kids = jd_key_set_get_kids (set);
  JdFinding *finding = jd_findings_find (jd_key_set_get_warnings (set), JD_FINDING_DUPLICATE_KID);

  g_assert_nonnull (finding);
  g_assert_nonnull (strstr (jd_finding_get_message (finding), "\"a\""));
  g_assert_cmpuint (kids->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (kids, 0), ==, "a");
  g_assert_cmpstr (g_ptr_array_index (kids, 1), ==, "b");
}

/* One row per algorithm: its key as SPKI PEM and as a JWK. */
static const char *const pem_algs[] = { "RS256", "ES256", "ES384", "ES512", "EdDSA" };

static void
test_pem_key_row (gconstpointer data)
{
  const char *const *alg = data;
  g_autoptr (TkKey) tk = tk_key_new (*alg, NULL);
  g_autofree char *pem = tk_key_pem (tk);
  g_autofree char *jwk = tk_key_jwk (tk);
  g_autoptr (JdKeySet) from_pem = load_string (pem, "key.pem");
  g_autoptr (JdKeySet) from_jwk = load_string (jwk, "key.jwk");
  JdKey *a = jd_key_set_get_key (from_pem, 0);
  JdKey *b = jd_key_set_get_key (from_jwk, 0);

  g_assert_true (jd_key_is_usable (a));
  g_assert_cmpstr (jd_key_get_kty (a), ==, jd_key_get_kty (b));
  g_assert_cmpstr (jd_key_get_crv (a), ==, jd_key_get_crv (b));
  g_assert_cmpuint (jd_key_get_bits (a), ==, jd_key_get_bits (b));
  /* RFC 7638: the same key has the same thumbprint however it was written. */
  g_assert_cmpstr (jd_key_get_thumbprint (a), ==, jd_key_get_thumbprint (b));
  g_assert_cmpstr (jd_key_get_source (a), ==, "key.pem");
}

static void
test_pem_pkcs1_and_several_blocks (void)
{
  g_autoptr (TkKey) rsa = tk_key_new ("RS256", NULL);
  g_autoptr (TkKey) ec = tk_key_new ("ES256", NULL);
  g_autofree char *jwk = tk_key_jwk (rsa);
  g_autofree char *ec_pem = tk_key_pem (ec);
  g_autofree char *pkcs1_pem = NULL;
  g_autofree char *both = NULL;
  g_autoptr (JdKeySet) ref = load_string (jwk, "ref");
  g_autoptr (JdKeySet) set = NULL;
  gnutls_pubkey_t pub;
  gnutls_datum_t der;

  /* SPKI of a 2048-bit RSA key: 24 bytes of header, then RSAPublicKey. */
  gnutls_pubkey_init (&pub);
  g_assert_cmpint (gnutls_pubkey_import_privkey (pub, rsa->priv, 0, 0), >=, 0);
  g_assert_cmpint (gnutls_pubkey_export2 (pub, GNUTLS_X509_FMT_DER, &der), >=, 0);
  g_assert_cmpint (der.data[19], ==, 0x03);
  g_assert_cmpint (der.data[23], ==, 0x00);
  pkcs1_pem = tk_pem_wrap ("RSA PUBLIC KEY", der.data + 24, der.size - 24);
  gnutls_free (der.data);
  gnutls_pubkey_deinit (pub);

  both = g_strdup_printf ("some text before\n%s\n%s-----BEGIN NONSENSE-----\nAAAA\n-----END "
                          "NONSENSE-----\n",
                          pkcs1_pem, ec_pem);
  set = load_string (both, "keys.pem");
  g_assert_cmpuint (jd_key_set_get_n_keys (set), ==, 3);
  g_assert_true (jd_key_is_usable (jd_key_set_get_key (set, 0)));
  g_assert_cmpstr (jd_key_get_thumbprint (jd_key_set_get_key (set, 0)), ==,
                   jd_key_get_thumbprint (jd_key_set_get_key (ref, 0)));
  g_assert_cmpstr (jd_key_get_kty (jd_key_set_get_key (set, 1)), ==, "EC");
  g_assert_cmpstr (jd_key_get_source (jd_key_set_get_key (set, 1)), ==, "keys.pem #2");
  g_assert_nonnull (strstr (jd_key_get_problem (jd_key_set_get_key (set, 2)), "NONSENSE"));
}

/* Wycheproof json_web_key_test.json, "jws_rsa_roca_key": a modulus with
 * the ROCA fingerprint (CVE-2017-15361). */
#define ROCA_N                                                                                     \
  "AanFpofbj7KjD4Lf-N2hVMKR7yewSyXhhbirIMTGpfYEhZ_lnt5UoK98DnKIgArXGTu3MaW_HhFw16HGaTDUHqPrId7f"   \
  "e4r11CqRw09yBFuW79V8sYIwHdzCaWflUI6auImYbVfoN9_nD5n8N8SY9DwXw7mwZM9wREPXoDPgOoIWl6q_MPsp7n0z"   \
  "s3Z5ZaiQWOOzl1S9OhwAfSiiOwz6efnXEaxuTEtPd7BjSx7NaFka8Dx9U7YqXy2RFj1O9PjyaDGuRh7YXsX3iMUSP_wS"   \
  "yHQg_c_qHRtKUsNSGCT7OZg0hzm2KphtjnayKJvC64vAbROBR4Ubg6Bxg9IQVZ-QYyE"

static void
assert_roca (JdKeySet *set)
{
  JdKey *key;

  g_assert_cmpuint (jd_key_set_get_n_keys (set), ==, 1);
  key = jd_key_set_get_key (set, 0);
  g_test_message ("%s: %s", jd_key_get_source (key), jd_key_get_problem (key));
  g_assert_cmpstr (jd_key_get_kty (key), ==, "RSA");
  g_assert_nonnull (jd_key_get_problem (key));
  g_assert_nonnull (strstr (jd_key_get_problem (key), "ROCA"));
  g_assert_false (jd_key_is_usable (key));
}

/* The ROCA check holds for every form of the key; DER PKCS#1 lost it: the
 * problem was cleared after the import that had set it. */
static void
test_roca_every_form (void)
{
  const char *jwk = "{\"kty\":\"RSA\",\"e\":\"AQAB\",\"n\":\"" ROCA_N "\"}";
  g_autoptr (GBytes) n = jd_base64url_decode (ROCA_N, strlen (ROCA_N), NULL);
  gnutls_datum_t m = { (guint8 *)g_bytes_get_data (n, NULL), g_bytes_get_size (n) };
  gnutls_datum_t e = { (guint8 *)"\x01\x00\x01", 3 };
  gnutls_datum_t spki;
  gnutls_pubkey_t pub;
  g_autofree char *pkcs1_pem = NULL;

  {
    g_autoptr (JdKeySet) set = load_string (jwk, "roca.jwk");
    assert_roca (set);
  }

  gnutls_pubkey_init (&pub);
  g_assert_cmpint (gnutls_pubkey_import_rsa_raw (pub, &m, &e), >=, 0);
  g_assert_cmpint (gnutls_pubkey_export2 (pub, GNUTLS_X509_FMT_DER, &spki), >=, 0);
  gnutls_pubkey_deinit (pub);
  /* SPKI: 24 bytes of header, then the RSAPublicKey (PKCS#1) SEQUENCE. */
  g_assert_cmpint (spki.data[19], ==, 0x03);
  g_assert_cmpint (spki.data[23], ==, 0x00);
  g_assert_cmpint (spki.data[24], ==, 0x30);

  {
    g_autoptr (JdKeySet) set = jd_key_set_new ();
    g_assert_true (
      jd_key_set_load_data (set, (const char *)spki.data, spki.size, "roca.spki.der", NULL));
    assert_roca (set);
  }
  {
    g_autoptr (JdKeySet) set = jd_key_set_new ();
    g_assert_true (jd_key_set_load_data (set, (const char *)spki.data + 24, spki.size - 24,
                                         "roca.pkcs1.der", NULL));
    assert_roca (set);
  }
  pkcs1_pem = tk_pem_wrap ("RSA PUBLIC KEY", spki.data + 24, spki.size - 24);
  {
    g_autoptr (JdKeySet) set = load_string (pkcs1_pem, "roca.pkcs1.pem");
    assert_roca (set);
  }
  gnutls_free (spki.data);
}

static void
check_certificate_key (JdKey *key, GBytes *der)
{
  guint8 digest[32];
  g_autofree char *x5t = NULL;
  g_autofree char *x5t256 = NULL;

  gnutls_hash_fast (GNUTLS_DIG_SHA1, g_bytes_get_data (der, NULL), g_bytes_get_size (der), digest);
  x5t = tk_b64url (digest, 20);
  gnutls_hash_fast (GNUTLS_DIG_SHA256, g_bytes_get_data (der, NULL), g_bytes_get_size (der),
                    digest);
  x5t256 = tk_b64url (digest, 32);

  g_assert_true (jd_key_is_usable (key));
  g_assert_cmpstr (jd_key_get_x5t (key), ==, x5t);
  g_assert_cmpstr (jd_key_get_x5t_s256 (key), ==, x5t256);
  g_assert_nonnull (jd_key_get_certificate_info (key));
  g_assert_nonnull (strstr (jd_key_get_certificate_info (key), "CN=jwt-doctor-test"));
  g_assert_nonnull (strstr (jd_key_get_certificate_info (key), "currently valid"));
}

static void
test_certificates (void)
{
  g_autoptr (TkKey) tk = tk_key_new ("ES256", "c1");
  g_autoptr (TkKey) other = tk_key_new ("ES256", NULL);
  g_autoptr (GBytes) der = tk_key_certificate (tk, "jwt-doctor-test", GNUTLS_X509_FMT_DER);
  g_autofree char *pem_text
    = tk_pem_wrap ("CERTIFICATE", g_bytes_get_data (der, NULL), g_bytes_get_size (der));
  g_autoptr (GBytes) pem = g_bytes_new (pem_text, strlen (pem_text));
  g_autofree char *jwk = tk_key_jwk (tk);
  g_autoptr (JdKeySet) ref = load_string (jwk, "ref");
  g_autoptr (GError) error = NULL;

  {
    g_autoptr (JdKeySet) set = jd_key_set_new ();
    g_assert_true (jd_key_set_load_data (set, g_bytes_get_data (pem, NULL), g_bytes_get_size (pem),
                                         "cert.pem", &error));
    check_certificate_key (jd_key_set_get_key (set, 0), der);
    g_assert_cmpstr (jd_key_get_thumbprint (jd_key_set_get_key (set, 0)), ==,
                     jd_key_get_thumbprint (jd_key_set_get_key (ref, 0)));
  }
  {
    g_autoptr (JdKeySet) set = jd_key_set_new ();
    g_assert_true (jd_key_set_load_data (set, g_bytes_get_data (der, NULL), g_bytes_get_size (der),
                                         "cert.der", &error));
    check_certificate_key (jd_key_set_get_key (set, 0), der);
  }
  {
    /* A JWK with its x5c chain: the leaf's key is the key. */
    g_autofree char *b64 = g_base64_encode (g_bytes_get_data (der, NULL), g_bytes_get_size (der));
    g_autofree char *with_chain = g_strdup_printf ("{\"keys\":[%.*s,\"x5c\":[\"%s\",\"%s\"]}]}",
                                                   (int)strlen (jwk) - 1, jwk, b64, b64);
    g_autofree char *only_chain = g_strdup_printf ("{\"kty\":\"EC\",\"x5c\":[\"%s\"]}", b64);
    g_autofree char *other_jwk = tk_key_jwk (other);
    g_autofree char *mismatch
      = g_strdup_printf ("%.*s,\"x5c\":[\"%s\"]}", (int)strlen (other_jwk) - 1, other_jwk, b64);
    g_autoptr (JdKeySet) set = load_string (with_chain, "x5c.json");
    g_autoptr (JdKeySet) set2 = load_string (only_chain, "x5c-only.json");
    g_autoptr (JdKeySet) set3 = load_string (mismatch, "x5c-other.json");
    JdKey *key = jd_key_set_get_key (set, 0);

    check_certificate_key (key, der);
    g_assert_nonnull (strstr (jd_key_get_certificate_info (key), "x5c[1]"));
    g_assert_cmpstr (jd_key_get_kid (key), ==, "c1");
    check_certificate_key (jd_key_set_get_key (set2, 0), der);
    /* #13 §5: a key with only x5c says so (not every verifier reads x5c);
     * a key with its own members does not. */
    g_assert_nonnull (jd_key_get_note (jd_key_set_get_key (set2, 0)));
    g_assert_nonnull (strstr (jd_key_get_note (jd_key_set_get_key (set2, 0)), "x5c[0]"));
    g_assert_true (jd_key_get_note (key) == NULL
                   || strstr (jd_key_get_note (key), "the key is the one in") == NULL);
    g_assert_nonnull (strstr (jd_key_get_problem (jd_key_set_get_key (set3, 0)), "x5c[0]"));
  }
  {
    /* Google and Firebase publish {"kid": "-----BEGIN CERTIFICATE-----…"}. */
    g_autofree char *escaped = g_strescape (pem_text, NULL);
    g_autofree char *map
      = g_strdup_printf ("{\"abc123\": \"%.*s\"}", (int)strlen (escaped), escaped);
    g_autoptr (JdKeySet) set = load_string (map, "certs.json");
    g_assert_cmpuint (jd_key_set_get_n_keys (set), ==, 1);
    g_assert_cmpstr (jd_key_get_kid (jd_key_set_get_key (set, 0)), ==, "abc123");
    g_assert_true (jd_key_is_usable (jd_key_set_get_key (set, 0)));
  }
}

static void
test_ed448 (void)
{
  gnutls_privkey_t priv;
  gnutls_pubkey_t pub;
  gnutls_datum_t out;
  g_autoptr (JdKeySet) set = NULL;
  g_autofree char *pem = NULL;
  JdKey *key;

  gnutls_privkey_init (&priv);
  g_assert_cmpint (gnutls_privkey_generate2 (priv, GNUTLS_PK_EDDSA_ED448,
                                             GNUTLS_CURVE_TO_BITS (GNUTLS_ECC_CURVE_ED448), 0, NULL,
                                             0),
                   >=, 0);
  gnutls_pubkey_init (&pub);
  g_assert_cmpint (gnutls_pubkey_import_privkey (pub, priv, 0, 0), >=, 0);
  g_assert_cmpint (gnutls_pubkey_export2 (pub, GNUTLS_X509_FMT_PEM, &out), >=, 0);
  pem = g_strndup ((char *)out.data, out.size);
  gnutls_free (out.data);
  g_assert_cmpint (gnutls_pubkey_export_ecc_raw2 (pub, NULL, &out, NULL, 0), >=, 0);
  {
    g_autofree char *x = tk_b64url (out.data, out.size);
    g_autofree char *jwk = g_strdup_printf ("{\"kty\":\"OKP\",\"crv\":\"Ed448\",\"x\":\"%s\"}", x);
    g_autoptr (JdKeySet) from_jwk = load_string (jwk, "ed448.jwk");
    set = load_string (pem, "ed448.pem");
    key = jd_key_set_get_key (set, 0);
    g_assert_true (jd_key_is_usable (key));
    g_assert_cmpstr (jd_key_get_crv (key), ==, "Ed448");
    g_assert_true (jd_key_is_usable (jd_key_set_get_key (from_jwk, 0)));
    g_assert_cmpstr (jd_key_get_thumbprint (key), ==,
                     jd_key_get_thumbprint (jd_key_set_get_key (from_jwk, 0)));
  }
  gnutls_free (out.data);
  gnutls_pubkey_deinit (pub);
  gnutls_privkey_deinit (priv);
}

static void
test_private_key_pem (void)
{
  g_autoptr (TkKey) tk = tk_key_new ("ES256", NULL);
  g_autoptr (JdKeySet) set = NULL;
  g_autofree char *jwk = tk_key_jwk (tk);
  g_autoptr (JdKeySet) ref = load_string (jwk, "ref");
  gnutls_x509_privkey_t x509;
  gnutls_datum_t out;
  g_autofree char *pem = NULL;
  JdKey *key;

  g_assert_cmpint (gnutls_privkey_export_x509 (tk->priv, &x509), >=, 0);
  g_assert_cmpint (
    gnutls_x509_privkey_export2_pkcs8 (x509, GNUTLS_X509_FMT_PEM, NULL, GNUTLS_PKCS_PLAIN, &out),
    >=, 0);
  pem = g_strndup ((char *)out.data, out.size);
  gnutls_free (out.data);
  gnutls_x509_privkey_deinit (x509);

  set = load_string (pem, "private.pem");
  key = jd_key_set_get_key (set, 0);
  g_assert_true (jd_key_is_usable (key));
  g_assert_true (jd_key_has_private_parts (key));
  g_assert_nonnull (jd_key_get_note (key));
  g_assert_cmpstr (jd_key_get_thumbprint (key), ==,
                   jd_key_get_thumbprint (jd_key_set_get_key (ref, 0)));
}

static void
test_secrets (void)
{
  g_autoptr (JdKeySet) set = jd_key_set_new ();
  g_autoptr (GError) error = NULL;
  GBytes *secret;
  JdKey *key;

  g_assert_true (jd_key_set_add_secret (set, "hello world", 11, FALSE, &error));
  key = jd_key_set_get_key (set, 0);
  g_assert_cmpstr (jd_key_get_kty (key), ==, "oct");
  g_assert_cmpuint (jd_key_get_bits (key), ==, 88);
  g_assert_true (jd_key_is_usable (key));
  g_assert_false (jd_key_has_private_parts (key));
  g_assert_true (jd_key_is_user_secret (key));
  secret = jd_key_get_secret (key);
  g_assert_cmpmem (g_bytes_get_data (secret, NULL), g_bytes_get_size (secret), "hello world", 11);

  /* base64 and base64url, padded or not, all decode. */
  g_assert_true (jd_key_set_add_secret (set, "aGk/Pz8+", 8, TRUE, &error));
  g_assert_true (jd_key_set_add_secret (set, "aGk_Pz8-", 8, TRUE, &error));
  g_assert_true (jd_key_set_add_secret (set, "aGk=", 4, TRUE, &error));
  g_assert_no_error (error);
  secret = jd_key_get_secret (jd_key_set_get_key (set, 1));
  g_assert_cmpmem (g_bytes_get_data (secret, NULL), g_bytes_get_size (secret), "hi?\x3f?>", 6);
  secret = jd_key_get_secret (jd_key_set_get_key (set, 2));
  g_assert_cmpmem (g_bytes_get_data (secret, NULL), g_bytes_get_size (secret), "hi?\x3f?>", 6);
  secret = jd_key_get_secret (jd_key_set_get_key (set, 3));
  g_assert_cmpmem (g_bytes_get_data (secret, NULL), g_bytes_get_size (secret), "hi", 2);
  g_assert_true (jd_key_secret_is_base64 (jd_key_set_get_key (set, 3)));

  g_assert_false (jd_key_set_add_secret (set, "not*base64", 10, TRUE, &error));
  g_assert_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "byte 3"));
  g_clear_error (&error);
  g_assert_false (jd_key_set_add_secret (set, "", 0, FALSE, &error));
  g_assert_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (jd_key_set_get_n_keys (set), ==, 4);

  /* Whitespace (a wrapped or newline-terminated secret) is skipped. */
  {
    g_autoptr (JdKeySet) ws = jd_key_set_new ();
    g_assert_true (jd_key_set_add_secret (ws, " aGk/\nPz8+\n", 11, TRUE, &error));
    g_assert_no_error (error);
    secret = jd_key_get_secret (jd_key_set_get_key (ws, 0));
    g_assert_cmpmem (g_bytes_get_data (secret, NULL), g_bytes_get_size (secret), "hi?\x3f?>", 6);
  }
}

/* An error about a secret lands in CI logs: it gives the position of the
 * bad byte, never the byte ("byte 8: '!' is not base64" gave it away). */
static void
test_secret_not_in_messages (void)
{
  const char *secret = "MySecr3t!Passw0rd";
  g_autoptr (JdKeySet) set = jd_key_set_new ();
  g_autoptr (GError) error = NULL;

  g_assert_false (jd_key_set_add_secret (set, secret, strlen (secret), TRUE, &error));
  g_assert_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "byte 8"));
  g_assert_null (strchr (error->message, '!'));
  g_assert_null (strstr (error->message, "Pass"));

  /* A private key's PEM body is key material too. */
  {
    const char *pem = "-----BEGIN PRIVATE KEY-----\nMIIE!vQIBADANBgkqhkiG9w0BAQEFAASC\n"
                      "-----END PRIVATE KEY-----\n";
    g_autoptr (JdKeySet) keys = load_string (pem, "key.pem");
    const char *problem = jd_key_get_problem (jd_key_set_get_key (keys, 0));

    g_test_message ("%s", problem);
    /* Offsets count from the end of the BEGIN line (its line break is byte 0). */
    g_assert_nonnull (strstr (problem, "byte 5 is not a base64 character"));
    g_assert_null (strchr (problem, '!'));
  }

  /* A public member still names the byte: it helps and hides nothing. */
  {
    g_autoptr (JdKeySet) keys
      = load_string ("{\"kty\":\"RSA\",\"n\":\"ab!c\",\"e\":\"AQAB\"}", "n.json");
    const char *problem = jd_key_get_problem (jd_key_set_get_key (keys, 0));
    g_assert_cmpstr (problem, ==,
                     "\"n\" is not base64url: byte 2: '!' is not a base64url character");
  }
}

/* The same for a JWK's "k": one row per key of secret_k_jwks. */
static const char *secret_k_jwks = "{\"keys\":["
                                   "{\"kty\":\"oct\",\"k\":\"MySecr3t!Passw0rd\"},"
                                   "{\"kty\":\"oct\",\"k\":\"MySecr3t+Passw0rdX\"},"
                                   "{\"kty\":\"oct\",\"k\":\"MySecr3t\\u0001Passw0rd\"},"
                                   "{\"kty\":\"oct\",\"k\":\"AR\"}"
                                   "]}";

static const ProblemRow secret_k_rows[] = {
  { "not-base64url", "keys[0]: \"k\" is not base64url: byte 8 is not a base64url character" },
  { "standard-base64", "keys[1]: \"k\" is not base64url: byte 8 is standard base64" },
  { "control-character", "keys[2]: \"k\" is not base64url: byte 8 is not a base64url character" },
  /* Non-zero unused bits: no encoder writes them (RFC 7515 §2, RFC 4648 §3.5). */
  { "unused-bits", "keys[3]: \"k\" is not base64url: byte 1: the last character carries bits" },
};

static void
test_secret_k_row (gconstpointer data)
{
  const ProblemRow *row = data;
  g_autoptr (JdKeySet) keys = load_string (secret_k_jwks, "k.json");
  const char *problem = problem_of_key (keys, G_N_ELEMENTS (secret_k_rows), row - secret_k_rows);

  g_assert_nonnull (problem);
  g_assert_true (g_str_has_prefix (problem, row->want));
  /* "byte 8: '+' …" would name it. */
  g_assert_null (strstr (problem, "byte 8:"));
  g_assert_null (strchr (problem, '!'));
  g_assert_null (strstr (problem, "0x01"));
}

/* Text that holds no key: the error says what it is instead. */
typedef struct
{
  const char *name;
  const char *text;
  const char *want;
} NotAKeyRow;

static const NotAKeyRow not_a_key_rows[] = {
  { "token", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc", "looks like a token" },
  { "words", "just some words", "is not a JWK" },
  { "whitespace", "   \n", "is empty" },
  { "provider-configuration", "{\"issuer\":\"https://x\",\"jwks_uri\":\"https://x/keys\"}",
    "https://x/keys" },
  /* Any JSON value may stand where a string belongs: never a g_critical. */
  { "jwks-uri-object", "{\"jwks_uri\":{}}", "\"jwks_uri\" is not a string" },
  { "jwks-uri-array", "{\"jwks_uri\":[\"https://x/keys\"]}", "\"jwks_uri\" is not a string" },
  { "jwks-uri-number", "{\"jwks_uri\":5}", "\"jwks_uri\" is not a string" },
  { "jwks-uri-null", "{\"jwks_uri\":null}", "\"jwks_uri\" is not a string" },
  { "object-without-keys", "{\"hello\": 1}", "without \"keys\" or \"kty\"" },
  { "keys-not-an-array", "{\"keys\": 5}", "\"keys\" must be an array" },
  { "broken-json", "{\"keys\": [", "not valid JSON" },
  { "no-keys", "{\"keys\": []}", "holds no keys" },
  { "json-string", "\"a string\"", "not an object or array" },
};

static void
test_not_a_key_row (gconstpointer data)
{
  const NotAKeyRow *row = data;
  g_autoptr (JdKeySet) set = jd_key_set_new ();
  g_autoptr (GError) error = NULL;

  g_assert_false (jd_key_set_load_data (set, row->text, strlen (row->text), "input", &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (error->domain == JD_KEYS_ERROR);
  g_assert_nonnull (strstr (error->message, row->want));
  g_assert_nonnull (strstr (error->message, "input"));
  g_assert_cmpuint (jd_key_set_get_n_keys (set), ==, 0);
}

static void
on_items_changed (GListModel *model, guint position, guint removed, guint added, guint *counter)
{
  counter[0]++;
  counter[1] += added;
  counter[2] += removed;
}

static void
test_list_model (void)
{
  g_autoptr (JdKeySet) set = jd_key_set_new ();
  g_autoptr (JdKey) first = NULL;
  guint counter[3] = { 0 };

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (set)) == JD_TYPE_KEY);
  g_signal_connect (set, "items-changed", G_CALLBACK (on_items_changed), counter);
  g_assert_true (jd_key_set_load_data (set, broken_jwks, strlen (broken_jwks), "b", NULL));
  g_assert_cmpuint (counter[0], ==, 1);
  g_assert_cmpuint (counter[1], ==, 13);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (set)), ==, 13);
  first = g_list_model_get_item (G_LIST_MODEL (set), 0);
  g_assert_true (JD_IS_KEY (first));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (set), 13));
  jd_key_set_clear (set);
  g_assert_cmpuint (counter[2], ==, 13);
  {
    g_autofree char *kid = NULL;
    g_autofree char *desc = NULL;
    g_object_get (first, "kid", &kid, "description", &desc, NULL);
    g_assert_cmpstr (kid, ==, "good");
    g_assert_cmpstr (desc, ==, "EC P-256");
  }
}

static void
test_load_file_errors (void)
{
  g_autoptr (JdKeySet) set = jd_key_set_new ();
  g_autoptr (GFile) file = g_file_new_for_path ("/nonexistent/dir/jwks.json");
  g_autoptr (GError) error = NULL;

  g_assert_false (jd_key_set_load_file (set, file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "/nonexistent/dir/jwks.json"));
}

static void
test_describe (void)
{
  g_autoptr (JdKeySet) set = load_data_file ("rfc7515-A.2.jwk");
  g_autoptr (JdKeySet) set2 = load_data_file ("rfc7515-A.1.jwk");
  g_autoptr (JdKeySet) set3 = load_data_file ("rfc8037-A.2.jwk");
  g_autofree char *a = jd_key_describe (jd_key_set_get_key (set, 0));
  g_autofree char *b = jd_key_describe (jd_key_set_get_key (set2, 0));
  g_autofree char *c = jd_key_describe (jd_key_set_get_key (set3, 0));

  g_assert_cmpstr (a, ==, "RSA 2048");
  g_assert_cmpstr (b, ==, "oct 512-bit secret");
  g_assert_cmpstr (c, ==, "OKP Ed25519");
}

/* RFC 8017 §3.1: e is odd and at least 3, however the key is written down.
 * One row per exponent and form; each row with a bad e must be refused
 * with the reason, each row with a good e must load as usable. */
typedef enum
{
  E_FORM_JWK,
  E_FORM_SPKI_PEM,
  E_FORM_SPKI_DER,
  E_FORM_PKCS1_PEM,
  E_FORM_CERTIFICATE,
  E_N_FORMS,
} ExponentForm;

static const char *const exponent_form_names[]
  = { "jwk", "spki-pem", "spki-der", "pkcs1-pem", "certificate" };

static const struct
{
  const char *name;
  guint8 e[3];
  gsize len;
  const char *problem; /* NULL: usable */
} exponent_rows[] = {
  { "e-1", { 1 }, 1, "the RSA public exponent e is 1; RFC 8017 §3.1" },
  { "e-2", { 2 }, 1, "the RSA public exponent e is 2, an even number" },
  { "e-65536", { 1, 0, 0 }, 3, "the RSA public exponent e is 65536, an even number" },
  { "e-3", { 3 }, 1, NULL },
  { "e-65537", { 1, 0, 1 }, 3, NULL },
};

static GBytes *
exponent_key_data (guint row, ExponentForm form)
{
  g_autoptr (TkKey) signer = tk_key_cached ("RS256", 0, NULL);
  gnutls_datum_t m, e0;
  gnutls_datum_t e = { (guint8 *)exponent_rows[row].e, exponent_rows[row].len };
  gnutls_datum_t out;
  gnutls_pubkey_t pub;
  GBytes *bytes;

  g_assert_cmpint (
    gnutls_privkey_export_rsa_raw2 (signer->priv, &m, &e0, NULL, NULL, NULL, NULL, NULL, NULL, 0),
    >=, 0);
  if (form == E_FORM_JWK)
    {
      g_autofree char *n64 = tk_b64url (m.data, m.size);
      g_autofree char *e64 = tk_b64url (e.data, e.size);
      char *jwk = g_strdup_printf ("{\"kty\":\"RSA\",\"n\":\"%s\",\"e\":\"%s\"}", n64, e64);
      gnutls_free (m.data);
      gnutls_free (e0.data);
      return g_bytes_new_take (jwk, strlen (jwk));
    }
  gnutls_pubkey_init (&pub);
  g_assert_cmpint (gnutls_pubkey_import_rsa_raw (pub, &m, &e), >=, 0);
  gnutls_free (m.data);
  gnutls_free (e0.data);
  if (form == E_FORM_CERTIFICATE)
    {
      gnutls_x509_crt_t crt;
      guint8 serial[4] = { 1, 2, 3, 4 };
      time_t now = time (NULL);

      gnutls_x509_crt_init (&crt);
      g_assert_cmpint (gnutls_x509_crt_set_pubkey (crt, pub), >=, 0);
      gnutls_x509_crt_set_version (crt, 3);
      gnutls_x509_crt_set_serial (crt, serial, sizeof serial);
      gnutls_x509_crt_set_activation_time (crt, now - 3600);
      gnutls_x509_crt_set_expiration_time (crt, now + 86400);
      g_assert_cmpint (gnutls_x509_crt_set_dn_by_oid (crt, GNUTLS_OID_X520_COMMON_NAME, 0, "e", 1),
                       >=, 0);
      g_assert_cmpint (
        gnutls_x509_crt_set_issuer_dn_by_oid (crt, GNUTLS_OID_X520_COMMON_NAME, 0, "e", 1), >=, 0);
      g_assert_cmpint (gnutls_x509_crt_privkey_sign (crt, crt, signer->priv, GNUTLS_DIG_SHA256, 0),
                       >=, 0);
      g_assert_cmpint (gnutls_x509_crt_export2 (crt, GNUTLS_X509_FMT_PEM, &out), >=, 0);
      gnutls_x509_crt_deinit (crt);
    }
  else
    g_assert_cmpint (
      gnutls_pubkey_export2 (
        pub, form == E_FORM_SPKI_PEM ? GNUTLS_X509_FMT_PEM : GNUTLS_X509_FMT_DER, &out),
      >=, 0);
  gnutls_pubkey_deinit (pub);
  if (form == E_FORM_PKCS1_PEM)
    {
      /* SPKI: 24 bytes of header for a 2048-bit key, then RSAPublicKey. */
      char *pem;
      g_assert_cmpint (out.data[24], ==, 0x30);
      pem = tk_pem_wrap ("RSA PUBLIC KEY", out.data + 24, out.size - 24);
      gnutls_free (out.data);
      return g_bytes_new_take (pem, strlen (pem));
    }
  bytes = g_bytes_new (out.data, out.size);
  gnutls_free (out.data);
  return bytes;
}

static void
test_rsa_exponent_row (gconstpointer data)
{
  guint row = GPOINTER_TO_UINT (data) / E_N_FORMS;
  ExponentForm form = GPOINTER_TO_UINT (data) % E_N_FORMS;
  g_autoptr (GBytes) bytes = exponent_key_data (row, form);
  g_autoptr (JdKeySet) set = jd_key_set_new ();
  g_autoptr (GError) error = NULL;
  JdKey *key;

  g_assert_true (jd_key_set_load_data (set, g_bytes_get_data (bytes, NULL),
                                       g_bytes_get_size (bytes), "e-test", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (jd_key_set_get_n_keys (set), ==, 1);
  key = jd_key_set_get_key (set, 0);
  g_test_message ("%s / %s: %s", exponent_rows[row].name, exponent_form_names[form],
                  jd_key_get_problem (key) ? jd_key_get_problem (key) : "(usable)");
  if (exponent_rows[row].problem == NULL)
    {
      g_assert_null (jd_key_get_problem (key));
      g_assert_true (jd_key_is_usable (key));
    }
  else
    {
      g_assert_false (jd_key_is_usable (key));
      g_assert_nonnull (jd_key_get_problem (key));
      g_assert_nonnull (strstr (jd_key_get_problem (key), exponent_rows[row].problem));
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_ROW_TESTS ("/jd/keys/jwk/rfc-vectors", rfc_rows, test_rfc_key_row);
  g_test_add_func ("/jd/keys/jwk/thumbprint-rfc7638", test_thumbprint_rfc7638);
  g_test_add_func ("/jd/keys/jwk/rsa-leading-zero", test_rsa_leading_zero);
  g_test_add_func ("/jd/keys/jwk/ed448", test_ed448);
  g_test_add_func ("/jd/keys/jwk/describe", test_describe);
  g_test_add_func ("/jd/keys/jwks/formats", test_formats);
  ADD_ROW_TESTS ("/jd/keys/jwks/broken-keys-kept", broken_rows, test_broken_key_row);
  g_test_add_func ("/jd/keys/jwks/private-members", test_private_members);
  g_test_add_func ("/jd/keys/jwks/duplicate-kid", test_duplicate_kid);
  g_test_add_func ("/jd/keys/jwks/list-model", test_list_model);
  ADD_ROW_TESTS ("/jd/keys/pem/spki", pem_algs, test_pem_key_row);
  g_test_add_func ("/jd/keys/pem/pkcs1-and-blocks", test_pem_pkcs1_and_several_blocks);
  g_test_add_func ("/jd/keys/roca/every-form", test_roca_every_form);
  g_test_add_func ("/jd/keys/pem/private-key", test_private_key_pem);
  g_test_add_func ("/jd/keys/x509/certificates", test_certificates);
  g_test_add_func ("/jd/keys/secret", test_secrets);
  g_test_add_func ("/jd/keys/secret/not-in-messages", test_secret_not_in_messages);
  ADD_ROW_TESTS ("/jd/keys/secret/not-in-messages/jwk-k", secret_k_rows, test_secret_k_row);
  ADD_ROW_TESTS ("/jd/keys/not-a-key", not_a_key_rows, test_not_a_key_row);
  g_test_add_func ("/jd/keys/load-file-errors", test_load_file_errors);
  for (guint i = 0; i < G_N_ELEMENTS (exponent_rows); i++)
    for (guint f = 0; f < E_N_FORMS; f++)
      {
        g_autofree char *path = g_strdup_printf ("/jd/keys/rsa-exponent/%s/%s",
                                                 exponent_rows[i].name, exponent_form_names[f]);
        g_test_add_data_func (path, GUINT_TO_POINTER (i * E_N_FORMS + f), test_rsa_exponent_row);
      }

  return g_test_run ();
}
