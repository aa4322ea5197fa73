/* test-verify-explain.c — src/core/jd-verify-explain.c and the findings
 * jd-verify.c builds with it: no usable key (an error naming every key),
 * kid and secret near misses, keys kept out only by alg / use / key_ops.
 *
 * Every table row runs twice: once with an input that triggers it, once
 * with a close input that must not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "jd-keys-private.h"
#include "jd-verify-explain.h"
#include "jd-verify.h"
#include "test-keys-util.h"

/* A token whose header is @header, signed by @key; with @tamper the
 * signature is made over @signed_header and the header swapped afterwards. */
static char *
sign_with_header (TkKey *key, const char *header, const char *signed_header)
{
  const char *payload = "{\"sub\":\"42\"}";
  g_autofree char *h64 = tk_b64url (header, strlen (header));
  g_autofree char *sh64 = tk_b64url (signed_header, strlen (signed_header));
  g_autofree char *p64 = tk_b64url (payload, strlen (payload));
  g_autofree char *input = g_strdup_printf ("%s.%s", sh64, p64);
  g_autoptr (GBytes) sig = tk_sign_raw (key, input, strlen (input));
  g_autofree char *s64 = tk_b64url (g_bytes_get_data (sig, NULL), g_bytes_get_size (sig));

  return g_strdup_printf ("%s.%s.%s", h64, p64, s64);
}

static JdFinding *
finding (JdVerifyResult *r, const char *id)
{
  GPtrArray *findings = jd_verify_result_get_findings (r);

  for (guint i = 0; i < findings->len; i++)
    g_test_message ("%s: %s", jd_finding_get_id (g_ptr_array_index (findings, i)),
                    jd_finding_get_message (g_ptr_array_index (findings, i)));
  return jd_findings_find (findings, id);
}

static void
assert_has (const char *text, const char *needle)
{
  if (needle != NULL && strstr (text, needle) == NULL)
    g_error ("\"%s\" lacks \"%s\"", text, needle);
}

/* ------------------------------------------------------------------ */
/* No usable key: #12 "Keys were given but none of them can check the token" */

typedef enum
{
  SET_JWK,
  SET_PEM,
  SET_JWKS
} SetForm;

static const struct
{
  const char *name;
  const char *signer;     /* the algorithm the token is really signed with */
  const char *header_alg; /* what its header says (NULL: the signer's) */
  gboolean tamper;        /* header changed after signing (else signed as written) */
  SetForm form;
  const char *rsa_members; /* JWK members beside kty/n/e (SET_JWK, RSA signers) */
  const char *needle;
  const char *needle2;
  const char *close_members; /* the close input: these members, honest token */
} unusable_rows[] = {
  { "hs256-vs-rsa-jwks", "HS256", NULL, FALSE, SET_JWK, "\"kid\":\"r1\",",
    "key 1 (kid \"r1\"): ", "wrong type for HS256", NULL },
  { "hs256-vs-rsa-pem", "HS256", NULL, FALSE, SET_PEM, NULL, "key 1 (no kid; RSA 2048 from test)",
    "wrong type for HS256", NULL },
  { "rs256-relabelled-rs384", "RS256", "RS384", TRUE, SET_JWK, "\"alg\":\"RS256\",",
    "the key says RS256, the token says RS384", NULL, "\"alg\":\"RS256\"," },
  { "rs256-relabelled-ps256", "RS256", "PS256", TRUE, SET_JWK, "\"alg\":\"RS256\",",
    "the key says RS256, the token says PS256", NULL, "\"alg\":\"RS256\"," },
  { "signer-wrote-rs384", "RS256", "RS384", FALSE, SET_JWK, "\"alg\":\"RS256\",",
    "the key says RS256, the token says RS384", "a valid RS256 signature by this key",
    "\"alg\":\"RS256\"," },
  { "use-enc", "RS256", NULL, FALSE, SET_JWK, "\"use\":\"enc\",", "use is enc, not sig",
    "yet this key verifies the signature", "\"use\":\"sig\"," },
  { "key-ops-encrypt", "RS256", NULL, FALSE, SET_JWK, "\"key_ops\":[\"encrypt\"],",
    "key_ops does not include verify", "yet this key verifies the signature",
    "\"key_ops\":[\"verify\"]," },
  /* A key the loader refused: its problem, without the JSON path. */
  { "broken-key", "RS256", NULL, FALSE, SET_JWKS, "\"x5c\":\"not-an-array\",",
    "unusable: \"x5c\" must be a non-empty array", "key 1 (no kid; RSA 2048 from test)",
    "\"use\":\"sig\"," },
};

static JdKeySet *
unusable_set (guint row, TkKey *rsa, TkKey *hmac, const char *members)
{
  g_autofree char *jwk = NULL;

  if (members == NULL && unusable_rows[row].form == SET_JWK && hmac != NULL)
    {
      jwk = tk_key_jwk (hmac);
      return tk_set_from_text (jwk);
    }
  if (unusable_rows[row].form == SET_PEM)
    {
      g_autofree char *pem = tk_key_pem (rsa);
      return tk_set_from_text (pem);
    }
  jwk = tk_key_jwk (rsa);
  {
    g_autofree char *with = g_strdup_printf ("{%s%s", members ? members : "", jwk + 1);
    g_autofree char *set = g_strdup_printf ("{\"keys\":[%s]}", with);
    return tk_set_from_text (unusable_rows[row].form == SET_JWKS ? set : with);
  }
}

static void
test_unusable_triggers (gconstpointer data)
{
  guint row = GPOINTER_TO_UINT (data);
  g_autoptr (TkKey) rsa = tk_key_cached ("RS256", 0, NULL);
  g_autoptr (TkKey) signer = NULL;
  g_autofree char *header = NULL;
  g_autofree char *signed_header = NULL;
  g_autofree char *token = NULL;
  g_autoptr (JdKeySet) set = NULL;
  g_autoptr (JdToken) t = NULL;
  g_autoptr (JdVerifyResult) r = NULL;
  JdFinding *f;

  signer = g_str_has_prefix (unusable_rows[row].signer, "HS")
             ? tk_key_new_secret ("HS256", NULL, "a-secret-of-thirty-two-bytes-ok!")
             : tk_key_cached (unusable_rows[row].signer, 0, NULL);
  header = g_strdup_printf ("{\"alg\":\"%s\"}", unusable_rows[row].header_alg
                                                  ? unusable_rows[row].header_alg
                                                  : unusable_rows[row].signer);
  signed_header = unusable_rows[row].tamper
                    ? g_strdup_printf ("{\"alg\":\"%s\"}", unusable_rows[row].signer)
                    : g_strdup (header);
  token = sign_with_header (signer, header, signed_header);
  set = unusable_set (row, rsa, NULL, unusable_rows[row].rsa_members);
  t = jd_token_parse (token, -1);
  r = jd_verify (t, set, NULL);

  g_assert_cmpint (jd_verify_result_get_status (r), !=, JD_SIGNATURE_VALID);
  f = finding (r, JD_FINDING_NO_USABLE_KEY);
  g_assert_nonnull (f);
  g_assert_cmpint (jd_finding_get_severity (f), ==, JD_SEVERITY_ERROR);
  assert_has (jd_finding_get_message (f), unusable_rows[row].needle);
  assert_has (jd_finding_get_message (f), unusable_rows[row].needle2);
  /* Rows are named as the Keys table shows them, never by JSON path. */
  g_assert_null (strstr (jd_finding_get_message (f), "keys["));
  if (unusable_rows[row].tamper)
    g_assert_null (strstr (jd_finding_get_message (f), "valid RS256 signature"));
}

static void
test_unusable_close (gconstpointer data)
{
  guint row = GPOINTER_TO_UINT (data);
  g_autoptr (TkKey) rsa = tk_key_cached ("RS256", 0, NULL);
  g_autoptr (TkKey) hmac = tk_key_new_secret ("HS256", NULL, "a-secret-of-thirty-two-bytes-ok!");
  gboolean hs = g_str_has_prefix (unusable_rows[row].signer, "HS");
  g_autofree char *token = tk_sign_token (hs ? hmac : rsa, NULL, "{\"sub\":\"42\"}");
  g_autoptr (JdKeySet) set = NULL;
  g_autoptr (JdVerifyResult) r = NULL;
  g_autoptr (JdToken) t = jd_token_parse (token, -1);

  if (hs)
    {
      g_autofree char *jwk = tk_key_jwk (hmac);
      set = tk_set_from_text (jwk);
    }
  else
    set = unusable_set (row, rsa, NULL, unusable_rows[row].close_members);
  r = jd_verify (t, set, NULL);
  g_assert_null (finding (r, JD_FINDING_NO_USABLE_KEY));
  g_assert_cmpint (jd_verify_result_get_status (r), ==, JD_SIGNATURE_VALID);
}

/* ------------------------------------------------------------------ */
/* kid near misses: #13 §5                                             */

static const struct
{
  const char *row; /* the table row that must answer */
  const char *token_kid;
  const char *key_kid;
  const char *close_kid; /* a kid that differs otherwise: no near miss */
} kid_rows[] = {
  { "trailing-newline", "key-2024", "key-2024\n", "key-2025\n" },
  { "surrounding-whitespace", "key-2024", " key-2024 ", " key-2025 " },
  { "letter-case", "Key-2024", "key-2024", "key-2025" },
  { "quotes", "key-2024", "\"key-2024\"", "\"key-2025\"" },
};

static void
test_kid_near_miss (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  const char *how = jd_verify_kid_near_miss (kid_rows[i].token_kid, kid_rows[i].key_kid);
  guint row = 0;

  while (jd_verify_kid_near_miss_name (row)
         && !g_str_equal (jd_verify_kid_near_miss_name (row), kid_rows[i].row))
    row++;
  g_assert_nonnull (jd_verify_kid_near_miss_name (row));
  g_assert_nonnull (how);
  g_test_message ("%s: %s", kid_rows[i].row, how);
  /* Close inputs: equal kids and kids that differ in substance. */
  g_assert_null (jd_verify_kid_near_miss (kid_rows[i].token_kid, kid_rows[i].token_kid));
  g_assert_null (jd_verify_kid_near_miss (kid_rows[i].token_kid, kid_rows[i].close_kid));
}

static void
test_kid_near_miss_in_finding (void)
{
  g_autoptr (TkKey) rsa = tk_key_cached ("RS256", 0, NULL);
  g_autofree char *token = tk_sign_token (rsa, "Key-2024", "{}");
  g_autofree char *jwk = tk_key_jwk (rsa);
  g_autofree char *set_text = g_strdup_printf ("{\"kid\":\"key-2024\",%s", jwk + 1);
  g_autoptr (JdKeySet) set = tk_set_from_text (set_text);
  g_autoptr (JdToken) t = jd_token_parse (token, -1);
  g_autoptr (JdVerifyResult) r = jd_verify (t, set, NULL);
  JdFinding *f = finding (r, JD_FINDING_KID_NOT_FOUND);

  g_assert_nonnull (f);
  assert_has (jd_finding_get_message (f), "\"key-2024\"");
  assert_has (jd_finding_get_message (f), "letter case");
}

/* ------------------------------------------------------------------ */
/* secret near misses: #13 §5                                          */

static const struct
{
  const char *row;
  const char *given;  /* what the user typed */
  const char *issuer; /* what the issuer signed with (bytes) */
  gsize issuer_len;
} secret_rows[] = {
  { "trailing-newline", "correct-horse-battery-staple-42!\n", "correct-horse-battery-staple-42!",
    32 },
  { "surrounding-whitespace", "  correct-horse-battery-staple-42!  ",
    "correct-horse-battery-staple-42!", 32 },
  { "base64-decoded",
    "Y29ycmVjdC1ob3JzZS1iYXR0ZXJ5LXN0YXBsZS00MiE=", "correct-horse-battery-staple-42!", 32 },
  { "base64url-decoded", "_-_-Y29ycmVjdC1ob3JzZS1iYXR0ZXJ5LXN0YXBsZS00MiE",
    "\xff\xef\xfe"
    "correct-horse-battery-staple-42!",
    35 },
  { "hex-decoded", "636f72726563742d686f7273652d626174746572792d737461706c652d343221",
    "correct-horse-battery-staple-42!", 32 },
  { "base64-encoded", "correct-horse-battery-staple-42!",
    "Y29ycmVjdC1ob3JzZS1iYXR0ZXJ5LXN0YXBsZS00MiE=", 44 },
};

static const char *
variant_words (const char *row)
{
  for (guint i = 0; jd_verify_secret_variant_name (i); i++)
    if (g_str_equal (jd_verify_secret_variant_name (i), row))
      {
        /* The words the table gives, read back through a matching MAC. */
        return jd_verify_secret_variant_name (i);
      }
  g_assert_not_reached ();
  return NULL;
}

static void
test_secret_near_miss (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_autoptr (TkKey) issuer = g_new0 (TkKey, 1);
  g_autofree char *token = NULL;
  g_autoptr (JdKeySet) set = jd_key_set_new ();
  g_autoptr (JdKeySet) close_set = jd_key_set_new ();
  g_autoptr (JdToken) t = NULL;
  g_autoptr (JdVerifyResult) r = NULL;
  g_autoptr (JdVerifyResult) rc = NULL;
  JdFinding *f;

  variant_words (secret_rows[i].row);
  issuer->alg = tk_alg ("HS256");
  issuer->secret = g_bytes_new (secret_rows[i].issuer, secret_rows[i].issuer_len);
  token = tk_sign_token (issuer, NULL, "{\"sub\":\"42\"}");
  t = jd_token_parse (token, -1);

  g_assert_true (
    jd_key_set_add_secret (set, secret_rows[i].given, strlen (secret_rows[i].given), FALSE, NULL));
  r = jd_verify (t, set, NULL);
  g_assert_cmpint (jd_verify_result_get_status (r), ==, JD_SIGNATURE_INVALID);
  f = finding (r, JD_FINDING_SIGNATURE_INVALID);
  g_assert_nonnull (f);
  g_assert_true (strstr (jd_finding_get_message (f), "but it matches") != NULL);

  /* Close: a secret that is simply another one gets no near miss. */
  g_assert_true (
    jd_key_set_add_secret (close_set, "another-secret-of-32-bytes-long!", 32, FALSE, NULL));
  rc = jd_verify (t, close_set, NULL);
  f = finding (rc, JD_FINDING_SIGNATURE_INVALID);
  g_assert_nonnull (f);
  g_assert_null (strstr (jd_finding_get_message (f), "but it matches"));
}

int
main (int argc, char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (unusable_rows); i++)
    {
      g_autofree char *a
        = g_strdup_printf ("/jd/verify-explain/no-usable-key/%s/triggers", unusable_rows[i].name);
      g_autofree char *b
        = g_strdup_printf ("/jd/verify-explain/no-usable-key/%s/close", unusable_rows[i].name);
      g_test_add_data_func (a, GUINT_TO_POINTER (i), test_unusable_triggers);
      g_test_add_data_func (b, GUINT_TO_POINTER (i), test_unusable_close);
    }
  for (guint i = 0; i < G_N_ELEMENTS (kid_rows); i++)
    {
      g_autofree char *p = g_strdup_printf ("/jd/verify-explain/kid-near-miss/%s", kid_rows[i].row);
      g_test_add_data_func (p, GUINT_TO_POINTER (i), test_kid_near_miss);
    }
  g_test_add_func ("/jd/verify-explain/kid-near-miss/in-finding", test_kid_near_miss_in_finding);
  for (guint i = 0; i < G_N_ELEMENTS (secret_rows); i++)
    {
      g_autofree char *p
        = g_strdup_printf ("/jd/verify-explain/secret-near-miss/%s", secret_rows[i].row);
      g_test_add_data_func (p, GUINT_TO_POINTER (i), test_secret_near_miss);
    }

  ret = g_test_run ();
  tk_cleanup ();
  return ret;
}
