/* fuzz-keys.c — key material as people paste or download it (JWK, JWKS,
 * PEM public keys and certificates, DER) and verification with it
 *
 * The input is the key data, optionally followed by "\n#jws " and a
 * compact token to verify; without one, a few fixed RFC 7515 / RFC 8037
 * tokens (HS256, RS256, ES256, EdDSA) are verified against the set.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "jd-keys.h"
#include "jd-verify.h"

#include "fuzz-common.h"

#define TOKEN_MARK "\n#jws "

static const char *const fixed_tokens[] = {
  /* RFC 7515 A.1, HS256 */
  "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9."
  "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6"
  "Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
  /* RFC 7515 A.2, RS256 */
  "eyJhbGciOiJSUzI1NiJ9."
  "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9p"
  "c19yb290Ijp0cnVlfQ.cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-"
  "0Qc_"
  "lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4BAynRFdiuB--f_"
  "nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkS"
  "jtQBMHlb1L07Qe7K0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-"
  "eOkHWEsqtFZESc6BfI7noOPqvhJ1phCnvWh6IeYI2w9"
  "QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQGe77Rw",
  /* RFC 7515 A.3, ES256 */
  "eyJhbGciOiJFUzI1NiJ9."
  "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9p"
  "c19yb290Ijp0cnVlfQ.DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-"
  "F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-K"
  "g6NU1Q",
  /* RFC 8037 A.4, EdDSA */
  "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.hgyY0il_MGCjP0JzlnLWG1PPOt7-"
  "09PGcvMg3AIbQR"
  "6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg",
};

/* jd-keys quotes what it read (a PEM label, a certificate's names) in
 * problems and descriptions: always as UTF-8, whatever the input was. */
static void
check_text (const char *s)
{
  jd_fuzz_assert_utf8 (s);
}

static void
check_key (JdKey *key)
{
  g_autofree char *description = jd_key_describe (key);

  /* A key is an "RSA", "EC", "OKP" or "oct" key, or says why not. */
  g_assert_true (jd_key_get_kty (key) != NULL || jd_key_get_problem (key) != NULL);
  check_text (description);
  check_text (jd_key_get_kid (key));
  check_text (jd_key_get_kty (key));
  check_text (jd_key_get_crv (key));
  check_text (jd_key_get_alg (key));
  check_text (jd_key_get_use (key));
  check_text (jd_key_get_thumbprint (key));
  check_text (jd_key_get_source (key));
  check_text (jd_key_get_problem (key));
  check_text (jd_key_get_note (key));
  check_text (jd_key_get_x5t (key));
  check_text (jd_key_get_x5t_s256 (key));
  check_text (jd_key_get_certificate_info (key));
  jd_key_get_bits (key);
  jd_key_has_private_parts (key);
  /* A key with a problem is never usable. */
  if (jd_key_get_problem (key) != NULL)
    g_assert_false (jd_key_is_usable (key));
}

static void
verify (JdKeySet *set, const char *text, gsize len, gboolean restrict_algs)
{
  static const char *algs[] = { "RS256", "ES256", "HS256", "EdDSA", "PS256", NULL };
  g_autoptr (JdToken) token = jd_token_parse (text, len);
  g_autoptr (JdVerifyResult) result = NULL;
  GListModel *verdicts;
  GPtrArray *findings;
  JdSignatureStatus status;

  result = jd_verify (token, set, restrict_algs ? algs : NULL);
  g_assert_nonnull (result);
  status = jd_verify_result_get_status (result);
  g_assert_nonnull (jd_signature_status_to_string (status));
  /* alg none never verifies, nor does a token whose header did not decode
   * (a payload that is not JSON may still be signed: RFC 8037 A.4). */
  if (g_strcmp0 (jd_token_get_alg (token), "none") == 0 || jd_token_get_header (token) == NULL)
    g_assert_cmpint (status, !=, JD_SIGNATURE_VALID);
  if (status == JD_SIGNATURE_VALID)
    {
      g_assert_nonnull (jd_verify_result_get_key (result));
      if (restrict_algs)
        g_assert_true (g_strv_contains (algs, jd_token_get_alg (token)));
    }

  verdicts = jd_verify_result_get_verdicts (result);
  g_assert_cmpuint (g_list_model_get_n_items (verdicts), ==, jd_key_set_get_n_keys (set));
  for (guint i = 0; i < g_list_model_get_n_items (verdicts); i++)
    {
      g_autoptr (JdKeyVerdict) v = g_list_model_get_item (verdicts, i);

      check_text (jd_key_verdict_get_reason (v));
      jd_key_verdict_get_tried (v);
      jd_key_verdict_get_status (v);
      g_assert_true (jd_key_verdict_get_key (v) == jd_key_set_get_key (set, i));
    }
  findings = jd_verify_result_get_findings (result);
  for (guint i = 0; i < findings->len; i++)
    {
      JdFinding *f = g_ptr_array_index (findings, i);

      check_text (jd_finding_get_message (f));
      check_text (jd_finding_get_fix (f));
    }

  /* The raw operation with the first keys under every algorithm. */
  if (jd_token_get_signing_input (token) != NULL && jd_token_get_signature (token) != NULL)
    {
      GBytes *input = jd_token_get_signing_input (token);
      GBytes *sig = jd_token_get_signature (token);
      const char *const *all = jd_verify_get_algorithms ();

      for (guint k = 0; k < MIN (jd_key_set_get_n_keys (set), 2); k++)
        for (guint a = 0; all[a] != NULL; a++)
          {
            g_autoptr (GError) error = NULL;
            gboolean ok;

            ok = jd_verify_signature (all[a], jd_key_set_get_key (set, k),
                                      g_bytes_get_data (input, NULL), g_bytes_get_size (input),
                                      g_bytes_get_data (sig, NULL), g_bytes_get_size (sig), &error);
            if (!ok)
              {
                g_assert_nonnull (error);
                check_text (error->message);
              }
          }
    }
}

int
jd_fuzz_keys (const guint8 *data, gsize size)
{
  g_autoptr (JdKeySet) set = jd_key_set_new ();
  g_autoptr (GError) error = NULL;
  const char *text = (const char *)data;
  const char *token = NULL;
  gsize key_len = size, token_len = 0;
  GPtrArray *warnings;
  g_autoptr (GPtrArray) kids = NULL;

  /* The last "\n#jws " splits keys from token. */
  for (gsize i = size; i >= strlen (TOKEN_MARK) && token == NULL; i--)
    if (memcmp (text + i - strlen (TOKEN_MARK), TOKEN_MARK, strlen (TOKEN_MARK)) == 0)
      {
        key_len = i - strlen (TOKEN_MARK);
        token = text + i;
        token_len = size - i;
      }

  if (!jd_key_set_load_data (set, text, key_len, "fuzz.jwks", &error))
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == JD_KEYS_ERROR);
      check_text (error->message);
      g_clear_error (&error);
    }
  if (size % 5 == 1)
    {
      /* The same bytes as an HMAC secret, base64 or not. */
      if (!jd_key_set_add_secret (set, text, key_len, size % 2, &error))
        {
          check_text (error->message);
          g_clear_error (&error);
        }
    }

  g_assert_cmpuint (jd_key_set_get_n_keys (set), ==, g_list_model_get_n_items (G_LIST_MODEL (set)));
  for (guint i = 0; i < jd_key_set_get_n_keys (set); i++)
    check_key (jd_key_set_get_key (set, i));
  warnings = jd_key_set_get_warnings (set);
  for (guint i = 0; i < warnings->len; i++)
    check_text (jd_finding_get_message (g_ptr_array_index (warnings, i)));
  kids = jd_key_set_get_kids (set);
  for (guint i = 0; i < kids->len; i++)
    check_text (g_ptr_array_index (kids, i));

  if (token != NULL)
    verify (set, token, token_len, size % 3 == 0);
  else
    for (guint i = 0; i < G_N_ELEMENTS (fixed_tokens); i++)
      verify (set, fixed_tokens[i], strlen (fixed_tokens[i]), (size + i) % 3 == 0);

  jd_key_set_clear (set);
  g_assert_cmpuint (jd_key_set_get_n_keys (set), ==, 0);
  return 0;
}

JD_FUZZ_ENTRY_POINT (jd_fuzz_keys)
