/* test-verify.c — src/core/jd-verify.c: key selection, verdicts, findings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "jd-keys-private.h"
#include "jd-verify.h"
#include "test-keys-util.h"

static char *
read_data (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return g_strstrip (text);
}

/* Replaces one character in the middle of @segment by another base64url one. */
static char *
tamper (const char *token, guint segment)
{
  char *copy = g_strdup (token);
  char **parts = g_strsplit (token, ".", -1);
  gsize offset = 0;
  gsize len;

  for (guint i = 0; i < segment; i++)
    offset += strlen (parts[i]) + 1;
  len = strlen (parts[segment]);
  g_assert_cmpuint (len, >, 2);
  offset += len / 2;
  copy[offset] = copy[offset] == 'A' ? 'B' : 'A';
  g_strfreev (parts);
  return copy;
}

/* A set of one new HS256 secret. */
static JdKeySet *
hs256_set (void)
{
  g_autoptr (TkKey) k = tk_key_new ("HS256", NULL);
  g_autofree char *jwk = tk_key_jwk (k);

  return tk_set_from_text (jwk);
}

static JdVerifyResult *
verify_text (const char *token_text, JdKeySet *set, const char *const *allowed)
{
  g_autoptr (JdToken) token = jd_token_parse (token_text, -1);
  return jd_verify (token, set, allowed);
}

static JdKeyVerdict *
verdict_at (JdVerifyResult *result, guint i)
{
  JdKeyVerdict *v = g_list_model_get_item (jd_verify_result_get_verdicts (result), i);
  g_object_unref (v); /* the model keeps it alive */
  return v;
}

static void
assert_reason_has (JdVerifyResult *result, guint i, const char *needle)
{
  const char *reason = jd_key_verdict_get_reason (verdict_at (result, i));

  g_test_message ("verdict %u: %s", i, reason);
  g_assert_nonnull (reason);
  if (strstr (reason, needle) == NULL)
    g_error ("verdict %u: \"%s\" lacks \"%s\"", i, reason, needle);
}

static void
assert_finding_has (JdVerifyResult *result, const char *id, JdSeverity severity, const char *needle)
{
  JdFinding *f = jd_findings_find (jd_verify_result_get_findings (result), id);

  if (f == NULL)
    g_error ("no %s finding", id);
  g_test_message ("%s: %s", id, jd_finding_get_message (f));
  g_assert_cmpint (jd_finding_get_severity (f), ==, severity);
  if (needle && strstr (jd_finding_get_message (f), needle) == NULL)
    g_error ("%s: \"%s\" lacks \"%s\"", id, jd_finding_get_message (f), needle);
}

/* ------------------------------------------------------------------ */

/* RFC 7515, 7520 and 8037 examples: each verifies with its key, and no
 * longer once a segment is tampered with. */
static const struct
{
  const char *name;
  const char *jws;
  const char *jwk;
} rfc_vectors[] = {
  { "rfc7515-A.1", "rfc7515-A.1.jws", "rfc7515-A.1.jwk" },
  { "rfc7515-A.2", "rfc7515-A.2.jws", "rfc7515-A.2.jwk" },
  { "rfc7515-A.3", "rfc7515-A.3.jws", "rfc7515-A.3.jwk" },
  { "rfc7515-A.4", "rfc7515-A.4.jws", "rfc7515-A.4.jwk" },
  { "rfc7520-4.1", "rfc7520-4.1.jws", "rfc7520-4.1.jwk" },
  { "rfc7520-4.2", "rfc7520-4.2.jws", "rfc7520-4.2.jwk" },
  { "rfc7520-4.3", "rfc7520-4.3.jws", "rfc7520-4.3.jwk" },
  { "rfc7520-4.4", "rfc7520-4.4.jws", "rfc7520-4.4.jwk" },
  { "rfc8037-A.4", "rfc8037-A.4.jws", "rfc8037-A.2.jwk" },
};

static void
test_rfc_vector (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_autofree char *jws = read_data (rfc_vectors[i].jws);
  g_autofree char *jwk = read_data (rfc_vectors[i].jwk);
  g_autoptr (JdKeySet) set = tk_set_from_text (jwk);

  {
    g_autoptr (JdVerifyResult) result = verify_text (jws, set, NULL);
    g_assert_cmpint (jd_verify_result_get_status (result), ==, JD_SIGNATURE_VALID);
    g_assert_true (jd_verify_result_get_key (result) == jd_key_set_get_key (set, 0));
    assert_finding_has (result, JD_FINDING_SIGNATURE_VALID, JD_SEVERITY_OK, NULL);
    g_assert_true (jd_key_verdict_get_tried (verdict_at (result, 0)));
    assert_reason_has (result, 0, "signature valid");
  }
  for (guint seg = 0; seg < 3; seg++)
    {
      g_autofree char *bad = tamper (jws, seg);
      g_autoptr (JdVerifyResult) result = verify_text (bad, set, NULL);
      g_assert_cmpint (jd_verify_result_get_status (result), !=, JD_SIGNATURE_VALID);
      g_assert_null (jd_verify_result_get_key (result));
      g_assert_false (
        jd_findings_has (jd_verify_result_get_findings (result), JD_FINDING_SIGNATURE_VALID));
    }
  {
    g_autofree char *bad = tamper (jws, 1);
    g_autoptr (JdVerifyResult) result = verify_text (bad, set, NULL);
    g_assert_cmpint (jd_verify_result_get_status (result), ==, JD_SIGNATURE_INVALID);
    assert_finding_has (result, JD_FINDING_SIGNATURE_INVALID, JD_SEVERITY_ERROR, NULL);
  }
}

/* The matrix's token, signed by k1 (kid "k1"), in a set {k2, k1}. */
static void
matrix_valid (const char *alg, const char *token, JdKeySet *set)
{
  /* valid: chosen by kid */
  {
    g_autoptr (JdVerifyResult) r = verify_text (token, set, NULL);
    g_assert_cmpint (jd_verify_result_get_status (r), ==, JD_SIGNATURE_VALID);
    g_assert_true (jd_verify_result_get_key (r) == jd_key_set_get_key (set, 1));
    g_assert_cmpstr (jd_verify_result_get_alg (r), ==, alg);
    g_assert_cmpstr (jd_verify_result_get_kid (r), ==, "k1");
    g_assert_false (jd_key_verdict_get_tried (verdict_at (r, 0)));
    assert_reason_has (r, 0, "kid differs");
    assert_reason_has (r, 1, "matches the token's kid — signature valid");
    g_assert_cmpint (jd_key_verdict_get_status (verdict_at (r, 1)), ==, JD_SIGNATURE_VALID);
  }
  /* tampered payload, tampered signature */
  for (guint seg = 1; seg <= 2; seg++)
    {
      g_autofree char *bad = tamper (token, seg);
      g_autoptr (JdVerifyResult) r = verify_text (bad, set, NULL);
      g_assert_cmpint (jd_verify_result_get_status (r), ==, JD_SIGNATURE_INVALID);
      assert_finding_has (r, JD_FINDING_SIGNATURE_INVALID, JD_SEVERITY_ERROR, alg);
      assert_reason_has (r, 1, "signature invalid");
    }
}

/* Wrong key: the set's key with the token's kid is another key. */
static void
matrix_wrong_key (const TkAlg *alg, const char *token)
{
  g_autoptr (TkKey) impostor = tk_key_cached (alg->alg, 1, "k1");
  g_autofree char *jwk_other = tk_key_jwk (impostor);
  g_autoptr (JdKeySet) wrong = tk_set_from_text (jwk_other);
  g_autoptr (JdVerifyResult) r = verify_text (token, wrong, NULL);

  g_assert_cmpint (jd_verify_result_get_status (r), ==, JD_SIGNATURE_INVALID);
  assert_finding_has (r, JD_FINDING_SIGNATURE_INVALID, JD_SEVERITY_ERROR,
                      alg->pk == GNUTLS_PK_UNKNOWN ? "different secret" : "different private key");
}

/* Wrong kid: not in the set; the set's kids are named. No kid with
 * several keys: every fitting key is tried. */
static void
matrix_kids (TkKey *k1, JdKeySet *set)
{
  {
    g_autofree char *other_kid = tk_sign_token (k1, "rotated-2024", "{\"sub\":\"alice\"}");
    g_autoptr (JdVerifyResult) r = verify_text (other_kid, set, NULL);
    JdFinding *f;
    g_assert_cmpint (jd_verify_result_get_status (r), !=, JD_SIGNATURE_VALID);
    assert_finding_has (r, JD_FINDING_KID_NOT_FOUND, JD_SEVERITY_ERROR, "\"rotated-2024\"");
    f = jd_findings_find (jd_verify_result_get_findings (r), JD_FINDING_KID_NOT_FOUND);
    g_assert_cmpint (jd_finding_get_rank (f), ==, JD_RANK_KID);
    g_assert_nonnull (strstr (jd_finding_get_message (f), "\"k2\", \"k1\""));
    /* k1 would verify: the header's kid is what is wrong. */
    g_assert_nonnull (strstr (jd_finding_get_message (f), "verifies the signature"));
    assert_reason_has (r, 1, "yet this key verifies");
    g_assert_false (
      jd_findings_has (jd_verify_result_get_findings (r), JD_FINDING_SIGNATURE_VALID));
  }
  {
    g_autofree char *no_kid = tk_sign_token (k1, NULL, "{\"sub\":\"alice\"}");
    g_autoptr (JdVerifyResult) r = verify_text (no_kid, set, NULL);
    g_assert_cmpint (jd_verify_result_get_status (r), ==, JD_SIGNATURE_VALID);
    g_assert_true (jd_verify_result_get_key (r) == jd_key_set_get_key (set, 1));
    g_assert_true (jd_key_verdict_get_tried (verdict_at (r, 0)));
    assert_reason_has (r, 0, "no kid in the token — signature invalid");
    assert_reason_has (r, 1, "no kid in the token — signature valid");
  }
}

/* jd_verify_signature on the raw parts agrees. */
static void
matrix_raw (const char *alg, const char *token, JdKeySet *set)
{
  g_auto (GStrv) parts = g_strsplit (token, ".", 3);
  g_autofree char *input = g_strdup_printf ("%s.%s", parts[0], parts[1]);
  g_autoptr (GBytes) sig = tk_b64url_decode (parts[2]);
  g_autoptr (GError) error = NULL;

  g_assert_true (jd_verify_signature (alg, jd_key_set_get_key (set, 1), input, strlen (input),
                                      g_bytes_get_data (sig, NULL), g_bytes_get_size (sig),
                                      &error));
  g_assert_no_error (error);
  g_assert_false (jd_verify_signature (alg, jd_key_set_get_key (set, 0), input, strlen (input),
                                       g_bytes_get_data (sig, NULL), g_bytes_get_size (sig),
                                       &error));
  g_assert_error (error, JD_VERIFY_ERROR, JD_VERIFY_ERROR_BAD_SIGNATURE);
}

/* Every algorithm (a case each) × {valid, tampered payload, tampered
 * signature, wrong key, wrong kid, no kid with several keys}, keys made
 * with GnuTLS now. */
static void
test_generated_matrix (gconstpointer data)
{
  const TkAlg *alg = data;
  g_autoptr (TkKey) k1 = tk_key_cached (alg->alg, 0, "k1");
  g_autoptr (TkKey) k2 = tk_key_cached (alg->alg, 1, "k2");
  g_autofree char *jwk1 = tk_key_jwk (k1);
  g_autofree char *jwk2 = tk_key_jwk (k2);
  g_autofree char *jwks = g_strdup_printf ("{\"keys\":[%s,%s]}", jwk2, jwk1);
  g_autoptr (JdKeySet) set = tk_set_from_text (jwks);
  g_autofree char *token = tk_sign_token (k1, "k1", "{\"sub\":\"alice\",\"n\":1}");

  matrix_valid (alg->alg, token, set);
  matrix_wrong_key (alg, token);
  matrix_kids (k1, set);
  matrix_raw (alg->alg, token, set);
}

static const struct
{
  const char *name;
  const char *token;
} none_tokens[] = {
  { "alg-none", "eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0." }, /* {"alg":"none"} */
  { "alg-NONE", "eyJhbGciOiJOT05FIn0.eyJzdWIiOiIxIn0." }, /* {"alg":"NONE"} */
  { "none-with-signature", "eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.c2lnbmF0dXJl" },
};

static void
test_none_never_verifies (gconstpointer data)
{
  const char *token = data;
  g_autoptr (JdKeySet) set = hs256_set ();
  g_autoptr (JdVerifyResult) r = verify_text (token, set, NULL);
  g_autoptr (JdVerifyResult) r2 = verify_text (token, NULL, NULL);

  g_assert_cmpint (jd_verify_result_get_status (r), ==, JD_SIGNATURE_NONE);
  g_assert_cmpint (jd_verify_result_get_status (r2), ==, JD_SIGNATURE_NONE);
  g_assert_false (jd_key_verdict_get_tried (verdict_at (r, 0)));
  assert_reason_has (r, 0, "unsigned");
  g_assert_null (jd_verify_result_get_key (r));
}

static void
test_none_signature (void)
{
  g_autoptr (JdKeySet) set = hs256_set ();
  g_autoptr (GError) error = NULL;

  g_assert_false (
    jd_verify_signature ("none", jd_key_set_get_key (set, 0), "a.b", 3, "", 0, &error));
  g_assert_error (error, JD_VERIFY_ERROR, JD_VERIFY_ERROR_UNSUPPORTED_ALG);
  g_assert_cmpstr (jd_signature_status_to_string (JD_SIGNATURE_NONE), ==, "none");
  g_assert_cmpstr (jd_signature_status_to_string (JD_SIGNATURE_VALID), ==, "valid");
  g_assert_cmpstr (jd_signature_status_to_string (JD_SIGNATURE_INVALID), ==, "invalid");
  g_assert_cmpstr (jd_signature_status_to_string (JD_SIGNATURE_UNVERIFIED), ==, "unverified");
}

static void
test_allow_list (void)
{
  g_autoptr (TkKey) k = tk_key_cached ("RS256", 0, NULL);
  g_autofree char *jwk = tk_key_jwk (k);
  g_autoptr (JdKeySet) set = tk_set_from_text (jwk);
  g_autofree char *token = tk_sign_token (k, NULL, "{}");
  const char *es_only[] = { "ES256", NULL };
  const char *rs_only[] = { "RS256", NULL };
  g_autoptr (JdVerifyResult) refused = verify_text (token, set, es_only);
  g_autoptr (JdVerifyResult) allowed = verify_text (token, set, rs_only);

  g_assert_cmpint (jd_verify_result_get_status (refused), ==, JD_SIGNATURE_UNVERIFIED);
  assert_reason_has (refused, 0, "RS256 is not an allowed algorithm");
  g_assert_false (jd_key_verdict_get_tried (verdict_at (refused, 0)));
  g_assert_cmpint (jd_verify_result_get_status (allowed), ==, JD_SIGNATURE_VALID);

  /* The default allow-list is every implemented algorithm, nothing else. */
  {
    const char *const *algs = jd_verify_get_algorithms ();
    guint n = 0;
    for (; algs[n]; n++)
      g_assert_cmpstr (algs[n], !=, "none");
    g_assert_cmpuint (n, ==, G_N_ELEMENTS (tk_algs));
    for (guint i = 0; i < G_N_ELEMENTS (tk_algs); i++)
      g_assert_true (g_strv_contains (algs, tk_algs[i].alg));
  }
}

/* The HS256 forgery keyed with each form of an RSA public key. */
typedef enum
{
  FORM_PEM,
  FORM_PEM_TRIMMED,
  FORM_DER,
  FORM_JWK,
} ConfusionForm;

static const struct
{
  const char *name;
  ConfusionForm form;
} confusion_forms[] = {
  { "pem", FORM_PEM },
  { "pem-without-newline", FORM_PEM_TRIMMED },
  { "der", FORM_DER },
  { "jwk-json", FORM_JWK },
};

/* The bytes of @form of @rsa's public key. */
static GBytes *
public_key_form (TkKey *rsa, ConfusionForm form)
{
  g_autofree char *pem = tk_key_pem (rsa);
  gnutls_pubkey_t pub;
  gnutls_datum_t der;
  GBytes *bytes;

  switch (form)
    {
      case FORM_PEM:
        return g_bytes_new (pem, strlen (pem));
      case FORM_PEM_TRIMMED:
        return g_bytes_new (pem, strlen (pem) - 1);
      case FORM_JWK:
        {
          g_autofree char *jwk = tk_key_jwk (rsa);
          return g_bytes_new (jwk, strlen (jwk));
        }
      case FORM_DER:
      default:
        break;
    }
  gnutls_pubkey_init (&pub);
  g_assert_cmpint (gnutls_pubkey_import_privkey (pub, rsa->priv, 0, 0), >=, 0);
  g_assert_cmpint (gnutls_pubkey_export2 (pub, GNUTLS_X509_FMT_DER, &der), >=, 0);
  bytes = g_bytes_new (der.data, der.size);
  gnutls_free (der.data);
  gnutls_pubkey_deinit (pub);
  return bytes;
}

static void
test_key_confusion (gconstpointer data)
{
  ConfusionForm form = GPOINTER_TO_INT (data);
  g_autoptr (TkKey) rsa = tk_key_cached ("RS256", 0, NULL);
  g_autofree char *text = form == FORM_JWK ? tk_key_jwk (rsa) : tk_key_pem (rsa);
  g_autoptr (JdKeySet) set = tk_set_from_text (text);
  g_autoptr (TkKey) forger = g_new0 (TkKey, 1);
  g_autofree char *token = NULL;
  const char *rs_only[] = { "RS256", NULL };

  forger->alg = tk_alg ("HS256");
  forger->secret = public_key_form (rsa, form);
  token = tk_sign_token (forger, NULL, "{\"sub\":\"admin\"}");
  {
    g_autoptr (JdVerifyResult) r = verify_text (token, set, NULL);
    g_assert_cmpint (jd_verify_result_get_status (r), ==, JD_SIGNATURE_INVALID);
    assert_finding_has (r, JD_FINDING_KEY_CONFUSION, JD_SEVERITY_ERROR, "key-confusion");
    assert_reason_has (r, 0, "key confusion");
    g_assert_null (jd_verify_result_get_key (r));
  }
  {
    /* An allow-list stops the forgery, and the finding still names it. */
    g_autoptr (JdVerifyResult) r = verify_text (token, set, rs_only);
    g_assert_cmpint (jd_verify_result_get_status (r), !=, JD_SIGNATURE_VALID);
    assert_finding_has (r, JD_FINDING_KEY_CONFUSION, JD_SEVERITY_ERROR, NULL);
  }
}

/* An honest HS256 token with an RSA key: no confusion, no usable key. */
static void
test_key_confusion_honest (void)
{
  g_autoptr (TkKey) rsa = tk_key_cached ("RS256", 0, NULL);
  g_autofree char *pem = tk_key_pem (rsa);
  g_autoptr (JdKeySet) pem_set = tk_set_from_text (pem);
  g_autoptr (TkKey) hs = tk_key_new ("HS256", NULL);
  g_autofree char *token = tk_sign_token (hs, NULL, "{}");
  g_autoptr (JdVerifyResult) r = verify_text (token, pem_set, NULL);

  g_assert_false (jd_findings_has (jd_verify_result_get_findings (r), JD_FINDING_KEY_CONFUSION));
  assert_finding_has (r, JD_FINDING_NO_USABLE_KEY, JD_SEVERITY_ERROR, "HS256");
  assert_reason_has (r, 0, "wrong type for HS256");
  g_assert_cmpint (jd_verify_result_get_status (r), ==, JD_SIGNATURE_UNVERIFIED);
}

static void
test_weak_secrets (void)
{
  g_autoptr (TkKey) example = tk_key_new_secret ("HS256", NULL, "your-256-bit-secret");
  g_autofree char *token = tk_sign_token (example, NULL, "{\"sub\":\"1\"}");

  /* Found without any key: the token is signed with a published example. */
  {
    g_autoptr (JdVerifyResult) r = verify_text (token, NULL, NULL);
    g_assert_cmpint (jd_verify_result_get_status (r), ==, JD_SIGNATURE_UNVERIFIED);
    assert_finding_has (r, JD_FINDING_WEAK_SECRET, JD_SEVERITY_WARNING,
                        "well-known example secrets");
    /* #12: the secret is never quoted, even one found by trying. */
    for (guint i = 0; i < jd_verify_result_get_findings (r)->len; i++)
      g_assert_null (
        strstr (jd_finding_get_message (g_ptr_array_index (jd_verify_result_get_findings (r), i)),
                "your-256-bit-secret"));
  }
  /* The user's secret is the example. */
  {
    g_autoptr (JdKeySet) set = jd_key_set_new ();
    g_autoptr (JdVerifyResult) r = NULL;
    g_assert_true (jd_key_set_add_secret (set, "your-256-bit-secret", 19, FALSE, NULL));
    r = verify_text (token, set, NULL);
    g_assert_cmpint (jd_verify_result_get_status (r), ==, JD_SIGNATURE_VALID);
    assert_finding_has (r, JD_FINDING_WEAK_SECRET, JD_SEVERITY_WARNING, "well-known");
    for (guint i = 0; i < jd_verify_result_get_findings (r)->len; i++)
      g_assert_null (
        strstr (jd_finding_get_message (g_ptr_array_index (jd_verify_result_get_findings (r), i)),
                "your-256-bit-secret"));
  }
  /* A short secret typed by the user verifies, with a warning. */
  {
    g_autoptr (TkKey) shorty = tk_key_new_secret ("HS384", NULL, "tr0ub4dor&3-horse");
    g_autofree char *t = tk_sign_token (shorty, NULL, "{}");
    g_autoptr (JdKeySet) set = jd_key_set_new ();
    g_autoptr (JdVerifyResult) r = NULL;
    g_assert_true (jd_key_set_add_secret (set, "tr0ub4dor&3-horse", 17, FALSE, NULL));
    r = verify_text (t, set, NULL);
    g_assert_cmpint (jd_verify_result_get_status (r), ==, JD_SIGNATURE_VALID);
    assert_finding_has (r, JD_FINDING_WEAK_SECRET, JD_SEVERITY_WARNING, "RFC 7518 §3.2");
  }
  /* A short oct JWK is refused as strict verifiers do, and explained. */
  {
    g_autoptr (TkKey) shorty = tk_key_new_secret ("HS256", "s", "0123456789abcdef");
    g_autofree char *jwk = tk_key_jwk (shorty);
    g_autofree char *t = tk_sign_token (shorty, "s", "{}");
    g_autoptr (JdKeySet) set = tk_set_from_text (jwk);
    g_autoptr (JdVerifyResult) r = verify_text (t, set, NULL);
    g_assert_cmpint (jd_verify_result_get_status (r), !=, JD_SIGNATURE_VALID);
    assert_reason_has (r, 0, "MAC matches");
    assert_finding_has (r, JD_FINDING_WEAK_SECRET, JD_SEVERITY_WARNING, "16 bytes");
  }
  /* A strong random secret: no warning. */
  {
    g_autoptr (TkKey) strong = tk_key_new ("HS512", NULL);
    g_autofree char *jwk = tk_key_jwk (strong);
    g_autofree char *t = tk_sign_token (strong, NULL, "{}");
    g_autoptr (JdKeySet) set = tk_set_from_text (jwk);
    g_autoptr (JdVerifyResult) r = verify_text (t, set, NULL);
    g_assert_cmpint (jd_verify_result_get_status (r), ==, JD_SIGNATURE_VALID);
    g_assert_false (jd_findings_has (jd_verify_result_get_findings (r), JD_FINDING_WEAK_SECRET));
  }
}

static void
test_secret_text_vs_base64 (void)
{
  const char *b64 = "c2lnbmluZy1rZXktZm9yLXRoZS1zdGFnaW5nLWFwaS0xMjM0";
  gsize len;
  g_autofree guchar *raw = g_base64_decode (b64, &len);
  g_autoptr (TkKey) signer = g_new0 (TkKey, 1);
  g_autofree char *token = NULL;

  signer->alg = tk_alg ("HS256");
  signer->secret = g_bytes_new (raw, len);
  token = tk_sign_token (signer, NULL, "{}");

  {
    /* Typed as text, but the issuer decodes it. */
    g_autoptr (JdKeySet) set = jd_key_set_new ();
    g_autoptr (JdVerifyResult) r = NULL;
    g_assert_true (jd_key_set_add_secret (set, b64, strlen (b64), FALSE, NULL));
    r = verify_text (token, set, NULL);
    g_assert_cmpint (jd_verify_result_get_status (r), ==, JD_SIGNATURE_INVALID);
    assert_finding_has (r, JD_FINDING_SIGNATURE_INVALID, JD_SEVERITY_ERROR,
                        "matches the secret base64-decoded");
  }
  {
    g_autoptr (JdKeySet) set = jd_key_set_new ();
    g_autoptr (JdVerifyResult) r = NULL;
    g_assert_true (jd_key_set_add_secret (set, b64, strlen (b64), TRUE, NULL));
    r = verify_text (token, set, NULL);
    g_assert_cmpint (jd_verify_result_get_status (r), ==, JD_SIGNATURE_VALID);
  }
  {
    /* The other way round: signed with the text, given as base64. */
    g_autoptr (TkKey) text_signer = tk_key_new_secret ("HS256", NULL, b64);
    g_autofree char *t = tk_sign_token (text_signer, NULL, "{}");
    g_autoptr (JdKeySet) set = jd_key_set_new ();
    g_autoptr (JdVerifyResult) r = NULL;
    g_assert_true (jd_key_set_add_secret (set, b64, strlen (b64), TRUE, NULL));
    r = verify_text (t, set, NULL);
    g_assert_cmpint (jd_verify_result_get_status (r), ==, JD_SIGNATURE_INVALID);
    assert_finding_has (r, JD_FINDING_SIGNATURE_INVALID, JD_SEVERITY_ERROR, "text as typed");
  }
}

static void
test_graph_nonce (void)
{
  g_autoptr (TkKey) real = tk_key_cached ("RS256", 0, "graph-kid");
  g_autoptr (TkKey) tenant = tk_key_cached ("RS256", 1, "graph-kid");
  g_autofree char *jwk = tk_key_jwk (tenant);
  g_autoptr (JdKeySet) set = tk_set_from_text (jwk);
  const char *header = "{\"typ\":\"JWT\",\"nonce\":\"AQAB-not-for-you\",\"alg\":\"RS256\","
                       "\"kid\":\"graph-kid\"}";
  const char *payload = "{\"aud\":\"https://graph.microsoft.com\"}";
  g_autofree char *h64 = tk_b64url (header, strlen (header));
  g_autofree char *p64 = tk_b64url (payload, strlen (payload));
  g_autofree char *input = g_strdup_printf ("%s.%s", h64, p64);
  g_autoptr (GBytes) sig = tk_sign_raw (real, input, strlen (input));
  g_autofree char *s64 = tk_b64url (g_bytes_get_data (sig, NULL), g_bytes_get_size (sig));
  g_autofree char *token = g_strdup_printf ("%s.%s", input, s64);
  g_autoptr (JdVerifyResult) r = verify_text (token, set, NULL);

  g_assert_cmpint (jd_verify_result_get_status (r), ==, JD_SIGNATURE_INVALID);
  assert_finding_has (r, JD_FINDING_SIGNATURE_INVALID, JD_SEVERITY_ERROR, "Microsoft Graph");
  g_assert_nonnull (strstr (jd_finding_get_fix (jd_findings_find (jd_verify_result_get_findings (r),
                                                                  JD_FINDING_SIGNATURE_INVALID)),
                            "api://"));
}

static void
test_key_policy (void)
{
  g_autoptr (TkKey) rsa = tk_key_cached ("RS256", 0, NULL);
  g_autoptr (TkKey) ec = tk_key_cached ("ES256", 0, NULL);
  g_autofree char *rsa_jwk = tk_key_jwk (rsa);
  g_autofree char *ec_jwk = tk_key_jwk (ec);
  g_autofree char *token = tk_sign_token (rsa, NULL, "{}");
  g_autofree char *body = g_strndup (rsa_jwk + 1, strlen (rsa_jwk) - 2);
  g_autofree char *jwks = g_strdup_printf (
    "{\"keys\":[{\"use\":\"enc\",%s},{\"alg\":\"RS512\",%s},{\"key_ops\":[\"encrypt\"],%s},%s,"
    "{\"alg\":\"RS256\",\"use\":\"sig\",\"key_ops\":[\"verify\"],%s}]}",
    body, body, body, ec_jwk, body);
  g_autoptr (JdKeySet) set = tk_set_from_text (jwks);
  g_autoptr (JdVerifyResult) r = verify_text (token, set, NULL);

  g_assert_cmpint (jd_verify_result_get_status (r), ==, JD_SIGNATURE_VALID);
  assert_reason_has (r, 0, "use is enc");
  assert_reason_has (r, 1, "the key says RS512, the token says RS256");
  assert_reason_has (r, 2, "key_ops does not include verify");
  assert_reason_has (r, 3, "wrong type for RS256");
  assert_reason_has (r, 4, "signature valid");
  g_assert_true (jd_verify_result_get_key (r) == jd_key_set_get_key (set, 4));

  /* Curve must fit: ES384 token, P-256 key. */
  {
    g_autoptr (TkKey) ec384 = tk_key_cached ("ES384", 0, NULL);
    g_autofree char *t = tk_sign_token (ec384, NULL, "{}");
    g_autoptr (JdKeySet) s = tk_set_from_text (ec_jwk);
    g_autoptr (JdVerifyResult) r2 = verify_text (t, s, NULL);
    assert_reason_has (r2, 0, "curve P-256 does not fit ES384");
    assert_finding_has (r2, JD_FINDING_NO_USABLE_KEY, JD_SEVERITY_ERROR, "key 1 (no kid");
  }
  /* RSA under 2048 bits is not tried. */
  {
    gnutls_privkey_t small;
    TkKey *k = g_new0 (TkKey, 1);
    g_autoptr (TkKey) owner = k;
    g_autofree char *small_jwk = NULL;
    g_autofree char *t = NULL;
    g_autoptr (JdKeySet) s = NULL;
    g_autoptr (JdVerifyResult) r2 = NULL;
    gnutls_privkey_init (&small);
    g_assert_cmpint (gnutls_privkey_generate2 (small, GNUTLS_PK_RSA, 1024, 0, NULL, 0), >=, 0);
    k->alg = tk_alg ("RS256");
    k->priv = small;
    small_jwk = tk_key_jwk (k);
    t = tk_sign_token (k, NULL, "{}");
    s = tk_set_from_text (small_jwk);
    r2 = verify_text (t, s, NULL);
    g_assert_cmpint (jd_verify_result_get_status (r2), !=, JD_SIGNATURE_VALID);
    assert_reason_has (r2, 0, "RSA key under 2048 bits");
  }
}

/* A DER ECDSA-Sig-Value where R‖S belongs, for each curve: ES512's DER
 * length is in the long form (0x30 0x81 …) and went unrecognised; and the
 * finding led with "signed with a different private key", which sends the
 * person after the wrong thing. */
typedef struct
{
  const char *alg;
  int sign;
} DerCase;

static const DerCase der_cases[] = {
  { "ES256", GNUTLS_SIGN_ECDSA_SHA256 },
  { "ES384", GNUTLS_SIGN_ECDSA_SHA384 },
  { "ES512", GNUTLS_SIGN_ECDSA_SHA512 },
};

static void
test_der_ecdsa_signatures (gconstpointer row)
{
  const DerCase *c = row;
  g_autoptr (TkKey) ec = tk_key_cached (c->alg, 0, NULL);
  g_autofree char *jwk = tk_key_jwk (ec);
  g_autoptr (JdKeySet) set = tk_set_from_text (jwk);
  g_autofree char *header = g_strdup_printf ("{\"alg\":\"%s\"}", c->alg);
  g_autofree char *h64 = tk_b64url (header, strlen (header));
  g_autofree char *p64 = tk_b64url ("{}", 2);
  g_autofree char *input = g_strdup_printf ("%s.%s", h64, p64);
  gnutls_datum_t data = { (guint8 *)input, strlen (input) };
  gnutls_datum_t der;
  g_autofree char *s64 = NULL;
  g_autofree char *token = NULL;
  g_autoptr (JdVerifyResult) r = NULL;
  JdFinding *f;

  g_assert_cmpint (gnutls_privkey_sign_data2 (ec->priv, c->sign, 0, &data, &der), >=, 0);
  if (g_str_equal (c->alg, "ES512"))
    g_assert_cmpint (der.data[1], ==, 0x81);
  s64 = tk_b64url (der.data, der.size);
  token = g_strdup_printf ("%s.%s", input, s64);
  gnutls_free (der.data);

  r = verify_text (token, set, NULL);
  g_assert_cmpint (jd_verify_result_get_status (r), ==, JD_SIGNATURE_INVALID);
  assert_reason_has (r, 0, "bytes of DER");
  assert_finding_has (r, JD_FINDING_SIGNATURE_INVALID, JD_SEVERITY_ERROR, "DER");
  f = jd_findings_find (jd_verify_result_get_findings (r), JD_FINDING_SIGNATURE_INVALID);
  /* The format problem leads; the key is not the suspect. */
  g_assert_true (g_str_has_prefix (jd_finding_get_message (f), "The "));
  g_assert_nonnull (strstr (jd_finding_get_message (f), "signature is malformed"));
  g_assert_null (strstr (jd_finding_get_message (f), "different private key"));
  g_assert_nonnull (strstr (jd_finding_get_fix (f), "R‖S"));
}

static void
test_malformed_signatures (void)
{
  g_autoptr (TkKey) ec = tk_key_cached ("ES256", 0, NULL);
  g_autofree char *jwk = tk_key_jwk (ec);
  g_autoptr (JdKeySet) set = tk_set_from_text (jwk);
  const char *header = "{\"alg\":\"ES256\"}";
  g_autofree char *h64 = tk_b64url (header, strlen (header));
  g_autofree char *p64 = tk_b64url ("{}", 2);
  g_autofree char *input = g_strdup_printf ("%s.%s", h64, p64);
  gnutls_datum_t data = { (guint8 *)input, strlen (input) };
  gnutls_datum_t der;

  /* A DER signature where R‖S belongs: invalid, and said why. */
  g_assert_cmpint (gnutls_privkey_sign_data2 (ec->priv, GNUTLS_SIGN_ECDSA_SHA256, 0, &data, &der),
                   >=, 0);
  {
    g_autofree char *s64 = tk_b64url (der.data, der.size);
    g_autofree char *token = g_strdup_printf ("%s.%s", input, s64);
    g_autoptr (JdVerifyResult) r = verify_text (token, set, NULL);
    g_assert_cmpint (jd_verify_result_get_status (r), ==, JD_SIGNATURE_INVALID);
    assert_reason_has (r, 0, "DER");
    assert_finding_has (r, JD_FINDING_SIGNATURE_INVALID, JD_SEVERITY_ERROR, "DER");
  }
  gnutls_free (der.data);

  /* Every wrong length, including empty: invalid, never a crash. */
  for (guint len = 0; len < 140; len += 7)
    {
      g_autofree guint8 *junk = g_malloc0 (len + 1);
      g_autofree char *s64 = NULL;
      g_autofree char *token = NULL;
      g_autoptr (JdVerifyResult) r = NULL;
      memset (junk, 0x5a, len);
      s64 = tk_b64url (junk, len);
      token = g_strdup_printf ("%s.%s", input, s64);
      r = verify_text (token, set, NULL);
      g_assert_cmpint (jd_verify_result_get_status (r), !=, JD_SIGNATURE_VALID);
    }

  /* A valid signature with '=' padding is not strict base64url. */
  {
    g_autoptr (TkKey) hs = tk_key_new ("HS256", NULL);
    g_autofree char *hs_jwk = tk_key_jwk (hs);
    g_autoptr (JdKeySet) hs_set = tk_set_from_text (hs_jwk);
    g_autofree char *token = tk_sign_token (hs, NULL, "{}");
    g_autofree char *padded = g_strdup_printf ("%s=", token);
    g_autoptr (JdVerifyResult) ok = verify_text (token, hs_set, NULL);
    g_autoptr (JdVerifyResult) r = verify_text (padded, hs_set, NULL);
    g_assert_cmpint (jd_verify_result_get_status (ok), ==, JD_SIGNATURE_VALID);
    g_assert_cmpint (jd_verify_result_get_status (r), ==, JD_SIGNATURE_INVALID);
    assert_finding_has (r, JD_FINDING_SIGNATURE_INVALID, JD_SEVERITY_ERROR, "not a strict JWS");
  }
}

typedef struct
{
  const char *name;
  const char *token;
  const char *reason;
} UnusualCase;

static const UnusualCase unusual_cases[] = {
  { "unknown-alg", "eyJhbGciOiJIUzEifQ.e30.AAAA", "not a JWS algorithm" }, /* {"alg":"HS1"} */
  { "no-alg", "eyJ0eXAiOiJKV1QifQ.e30.AAAA", "no readable alg" },          /* {"typ":"JWT"} */
  { "not-a-token", "not a token", "no readable alg" },
  { "jwe", "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.a.b.c.d", "JWE" },
};

static void
test_unusual_tokens (gconstpointer data)
{
  const UnusualCase *c = data;
  g_autoptr (JdKeySet) set = hs256_set ();
  g_autoptr (JdVerifyResult) r = verify_text (c->token, set, NULL);

  g_assert_cmpint (jd_verify_result_get_status (r), ==, JD_SIGNATURE_UNVERIFIED);
  assert_reason_has (r, 0, c->reason);
}

static void
test_kidless_key (void)
{
  /* One PEM key and a token with a kid: a verifier configured with one key
   * uses it; no kid-not-found. */
  g_autoptr (TkKey) k = tk_key_cached ("ES256", 0, NULL);
  g_autofree char *pem = tk_key_pem (k);
  g_autoptr (JdKeySet) set = tk_set_from_text (pem);
  g_autofree char *token = tk_sign_token (k, "whatever", "{}");
  g_autoptr (JdVerifyResult) r = verify_text (token, set, NULL);

  g_assert_cmpint (jd_verify_result_get_status (r), ==, JD_SIGNATURE_VALID);
  assert_reason_has (r, 0, "has no kid to compare — signature valid");
  g_assert_false (jd_findings_has (jd_verify_result_get_findings (r), JD_FINDING_KID_NOT_FOUND));
}

static void
test_ed448 (void)
{
  gnutls_privkey_t priv;
  gnutls_pubkey_t pub;
  gnutls_datum_t x, sig;
  const char *header = "{\"alg\":\"EdDSA\"}";
  g_autofree char *h64 = tk_b64url (header, strlen (header));
  g_autofree char *p64 = tk_b64url ("{\"sub\":\"ed448\"}", 15);
  g_autofree char *input = g_strdup_printf ("%s.%s", h64, p64);
  gnutls_datum_t data = { (guint8 *)input, strlen (input) };
  g_autofree char *jwk = NULL;
  g_autofree char *token = NULL;
  g_autoptr (JdKeySet) set = NULL;

  gnutls_privkey_init (&priv);
  g_assert_cmpint (gnutls_privkey_generate2 (priv, GNUTLS_PK_EDDSA_ED448,
                                             GNUTLS_CURVE_TO_BITS (GNUTLS_ECC_CURVE_ED448), 0, NULL,
                                             0),
                   >=, 0);
  gnutls_pubkey_init (&pub);
  g_assert_cmpint (gnutls_pubkey_import_privkey (pub, priv, 0, 0), >=, 0);
  g_assert_cmpint (gnutls_pubkey_export_ecc_raw2 (pub, NULL, &x, NULL, 0), >=, 0);
  {
    g_autofree char *x64 = tk_b64url (x.data, x.size);
    jwk = g_strdup_printf ("{\"kty\":\"OKP\",\"crv\":\"Ed448\",\"x\":\"%s\"}", x64);
  }
  g_assert_cmpint (gnutls_privkey_sign_data2 (priv, GNUTLS_SIGN_EDDSA_ED448, 0, &data, &sig), >=,
                   0);
  g_assert_cmpuint (sig.size, ==, 114);
  {
    g_autofree char *s64 = tk_b64url (sig.data, sig.size);
    token = g_strdup_printf ("%s.%s", input, s64);
  }
  set = tk_set_from_text (jwk);
  {
    g_autoptr (JdVerifyResult) r = verify_text (token, set, NULL);
    g_assert_cmpint (jd_verify_result_get_status (r), ==, JD_SIGNATURE_VALID);
  }
  {
    g_autofree char *bad = tamper (token, 1);
    g_autoptr (JdVerifyResult) r = verify_text (bad, set, NULL);
    g_assert_cmpint (jd_verify_result_get_status (r), ==, JD_SIGNATURE_INVALID);
  }
  gnutls_free (x.data);
  gnutls_free (sig.data);
  gnutls_pubkey_deinit (pub);
  gnutls_privkey_deinit (priv);
}

static void
test_set_warnings_in_findings (void)
{
  g_autoptr (TkKey) k = tk_key_new ("HS256", "leaky");
  g_autofree char *jwk = tk_key_jwk (k);
  g_autofree char *jwks = g_strdup_printf ("{\"keys\":[%s]}", jwk);
  g_autoptr (JdKeySet) set = tk_set_from_text (jwks);
  g_autofree char *token = tk_sign_token (k, "leaky", "{}");
  g_autoptr (JdVerifyResult) r = verify_text (token, set, NULL);

  g_assert_cmpint (jd_verify_result_get_status (r), ==, JD_SIGNATURE_VALID);
  assert_finding_has (r, JD_FINDING_JWKS_PRIVATE_KEY, JD_SEVERITY_WARNING, "key 1");
  assert_finding_has (r, JD_FINDING_SIGNATURE_VALID, JD_SEVERITY_OK, "key 1 (kid \"leaky\")");
}

static void
test_verdict_properties (void)
{
  g_autoptr (TkKey) k = tk_key_new ("HS256", "p");
  g_autofree char *jwk = tk_key_jwk (k);
  g_autoptr (JdKeySet) set = tk_set_from_text (jwk);
  g_autofree char *token = tk_sign_token (k, "p", "{}");
  g_autoptr (JdVerifyResult) r = verify_text (token, set, NULL);
  g_autoptr (JdKey) key = NULL;
  g_autofree char *reason = NULL;
  gboolean tried;
  int status;

  g_object_get (verdict_at (r, 0), "key", &key, "reason", &reason, "tried", &tried, "status",
                &status, NULL);
  g_assert_true (key == jd_key_set_get_key (set, 0));
  g_assert_true (tried);
  g_assert_cmpint (status, ==, JD_SIGNATURE_VALID);
  g_assert_nonnull (strstr (reason, "signature valid"));
}

/* An RS256 token and the signer's public key twice: as rsaEncryption, and
 * with the same modulus under the id-RSASSA-PSS OID (made with OpenSSL by
 * rewriting the OID). A PSS-only key must never verify PKCS#1 v1.5. */
static void
test_rs256_pss_only_key (void)
{
  g_autofree char *token_text = read_data ("rsa-pss-spki-rs256.jwt");
  g_autofree char *rsa_pem = read_data ("rsa-pss-spki-rsaEncryption.pem");
  g_autofree char *pss_pem = read_data ("rsa-pss-spki.pem");
  g_autoptr (JdToken) token = jd_token_parse (token_text, -1);
  g_autoptr (JdKeySet) rsa = tk_set_from_text (rsa_pem);
  g_autoptr (JdKeySet) pss = tk_set_from_text (pss_pem);
  g_autoptr (JdVerifyResult) with_rsa = jd_verify (token, rsa, NULL);
  g_autoptr (JdVerifyResult) with_pss = jd_verify (token, pss, NULL);

  g_assert_cmpstr (jd_token_get_alg (token), ==, "RS256");
  g_assert_cmpint (jd_verify_result_get_status (with_rsa), ==, JD_SIGNATURE_VALID);
  g_assert_cmpint (jd_verify_result_get_status (with_pss), !=, JD_SIGNATURE_VALID);
  {
    GListModel *verdicts = jd_verify_result_get_verdicts (with_pss);
    g_autoptr (JdKeyVerdict) v = g_list_model_get_item (verdicts, 0);

    g_assert_nonnull (strstr (jd_key_verdict_get_reason (v), "restricted to RSASSA-PSS"));
  }
}

/* A case of a table: @prefix/@name. */
static void
add_case (const char *prefix, const char *name, gconstpointer data, GTestDataFunc func)
{
  g_autofree char *path = g_strdup_printf ("%s/%s", prefix, name);

  g_test_add_data_func (path, data, func);
}

int
main (int argc, char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rfc_vectors); i++)
    add_case ("/jd/verify/rfc-vectors", rfc_vectors[i].name, GUINT_TO_POINTER (i), test_rfc_vector);
  for (guint i = 0; i < G_N_ELEMENTS (tk_algs); i++)
    add_case ("/jd/verify/generated-matrix", tk_algs[i].alg, &tk_algs[i], test_generated_matrix);
  for (guint i = 0; i < G_N_ELEMENTS (none_tokens); i++)
    add_case ("/jd/verify/none-never-verifies", none_tokens[i].name, none_tokens[i].token,
              test_none_never_verifies);
  g_test_add_func ("/jd/verify/none-never-verifies/verify-signature", test_none_signature);
  g_test_add_func ("/jd/verify/allow-list", test_allow_list);
  for (guint i = 0; i < G_N_ELEMENTS (confusion_forms); i++)
    add_case ("/jd/verify/key-confusion", confusion_forms[i].name,
              GINT_TO_POINTER (confusion_forms[i].form), test_key_confusion);
  g_test_add_func ("/jd/verify/key-confusion/honest-hs256", test_key_confusion_honest);
  g_test_add_func ("/jd/verify/weak-secret", test_weak_secrets);
  g_test_add_func ("/jd/verify/secret-text-vs-base64", test_secret_text_vs_base64);
  g_test_add_func ("/jd/verify/azure-graph-nonce", test_graph_nonce);
  g_test_add_func ("/jd/verify/key-policy", test_key_policy);
  g_test_add_func ("/jd/verify/malformed-signatures", test_malformed_signatures);
  for (guint i = 0; i < G_N_ELEMENTS (der_cases); i++)
    add_case ("/jd/verify/malformed/der-ecdsa", der_cases[i].alg, &der_cases[i],
              test_der_ecdsa_signatures);
  for (guint i = 0; i < G_N_ELEMENTS (unusual_cases); i++)
    add_case ("/jd/verify/unusual-tokens", unusual_cases[i].name, &unusual_cases[i],
              test_unusual_tokens);
  g_test_add_func ("/jd/verify/kidless-key", test_kidless_key);
  g_test_add_func ("/jd/verify/ed448", test_ed448);
  g_test_add_func ("/jd/verify/set-warnings-in-findings", test_set_warnings_in_findings);
  g_test_add_func ("/jd/verify/verdict-properties", test_verdict_properties);
  g_test_add_func ("/jd/verify/rs256-pss-only-key", test_rs256_pss_only_key);

  ret = g_test_run ();
  tk_cleanup ();
  return ret;
}
