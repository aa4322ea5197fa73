/* jd-verify-explain.c — what a failed key or secret comparison was close to
 *
 * Two tables: the ways a kid can nearly match (each row a normalisation;
 * two kids that differ but normalise alike differ in that way), and the
 * ways a secret is commonly mangled between issuer and API (each row a
 * transformation; the first that makes the MAC match is the answer).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "jd-base64.h"
#include "jd-key-set-summary.h"
#include "jd-verify-explain.h"

char *
jd_verify_key_name (JdKey *key, guint row)
{
  const char *kid = jd_key_get_kid (key);
  g_autofree char *what = NULL;
  g_autofree char *origin = NULL;

  g_return_val_if_fail (JD_IS_KEY (key), NULL);

  if (kid)
    return g_strdup_printf (_ ("key %u (kid \"%s\")"), row, kid);
  what = jd_key_describe (key);
  origin = jd_key_dup_origin (key);
  return g_strdup_printf (_ ("key %u (no kid; %s from %s)"), row, what, origin);
}

/* ------------------------------------------------------------------ */
/* kid near misses                                                     */

typedef char *(*Normalise) (const char *s);

static char *
strip_newlines (const char *s)
{
  gsize len = strlen (s);

  while (len > 0 && (s[len - 1] == '\n' || s[len - 1] == '\r'))
    len--;
  return g_strndup (s, len);
}

static char *
strip_spaces (const char *s)
{
  return g_strstrip (g_strdup (s));
}

static char *
fold_case (const char *s)
{
  return g_utf8_validate (s, -1, NULL) ? g_utf8_casefold (s, -1) : g_ascii_strdown (s, -1);
}

static char *
strip_quotes (const char *s)
{
  gsize len = strlen (s);

  if (len >= 2 && (s[0] == '"' || s[0] == '\'') && s[len - 1] == s[0])
    return g_strndup (s + 1, len - 2);
  return g_strdup (s);
}

static const struct
{
  const char *name;
  Normalise normalise;
  const char *how; /* translated on use */
} kid_near_misses[] = {
  { "trailing-newline", strip_newlines,
    N_ ("one of them ends in a line break (a kid read from a file or an environment variable "
        "keeps its newline)") },
  { "surrounding-whitespace", strip_spaces,
    N_ ("they differ only in leading or trailing whitespace") },
  { "letter-case", fold_case,
    N_ ("they differ only in letter case, and kids are compared exactly (RFC 7515 §4.1.4)") },
  { "quotes", strip_quotes, N_ ("one of them is wrapped in quotes") },
};

const char *
jd_verify_kid_near_miss_name (guint i)
{
  return i < G_N_ELEMENTS (kid_near_misses) ? kid_near_misses[i].name : NULL;
}

const char *
jd_verify_kid_near_miss (const char *token_kid, const char *key_kid)
{
  if (token_kid == NULL || key_kid == NULL || strcmp (token_kid, key_kid) == 0)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (kid_near_misses); i++)
    {
      g_autofree char *a = kid_near_misses[i].normalise (token_kid);
      g_autofree char *b = kid_near_misses[i].normalise (key_kid);

      if (strcmp (a, b) == 0)
        return _ (kid_near_misses[i].how);
    }
  return NULL;
}

/* ------------------------------------------------------------------ */
/* secret near misses                                                  */

typedef GBytes *(*Transform) (const char *data, gsize len);

static GBytes *
drop_newline (const char *data, gsize len)
{
  if (len >= 2 && data[len - 2] == '\r' && data[len - 1] == '\n')
    return g_bytes_new (data, len - 2);
  if (len >= 1 && data[len - 1] == '\n')
    return g_bytes_new (data, len - 1);
  return NULL;
}

static GBytes *
drop_spaces (const char *data, gsize len)
{
  gsize start = 0, end = len;

  while (start < end && g_ascii_isspace (data[start]))
    start++;
  while (end > start && g_ascii_isspace (data[end - 1]))
    end--;
  if (start == 0 && end == len)
    return NULL;
  return g_bytes_new (data + start, end - start);
}

static GBytes *
decode_alphabet (const char *data, gsize len, const char *forbidden)
{
  if (len == 0 || memchr (data, '\0', len) != NULL)
    return NULL;
  for (gsize i = 0; i < len; i++)
    if (strchr (forbidden, data[i]) != NULL)
      return NULL;
  return jd_base64url_decode_lenient (data, len, NULL, NULL, NULL);
}

static GBytes *
base64_decode (const char *data, gsize len)
{
  return decode_alphabet (data, len, "-_");
}

static GBytes *
base64url_decode (const char *data, gsize len)
{
  return decode_alphabet (data, len, "+/=");
}

static GBytes *
base64_encode (const char *data, gsize len)
{
  char *text = g_base64_encode ((const guchar *)data, len);
  return g_bytes_new_take (text, strlen (text));
}

static GBytes *
hex_decode (const char *data, gsize len)
{
  g_autoptr (GByteArray) out = NULL;

  if (len == 0 || len % 2 != 0)
    return NULL;
  out = g_byte_array_sized_new (len / 2);
  for (gsize i = 0; i < len; i += 2)
    {
      int hi = g_ascii_xdigit_value (data[i]);
      int lo = g_ascii_xdigit_value (data[i + 1]);
      guint8 b;

      if (hi < 0 || lo < 0)
        return NULL;
      b = (guint8)(hi << 4 | lo);
      g_byte_array_append (out, &b, 1);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static const struct
{
  const char *name;
  Transform transform;
  const char *how; /* translated on use */
} secret_variants[] = {
  { "trailing-newline", drop_newline, N_ ("the same secret without its trailing newline") },
  { "surrounding-whitespace", drop_spaces,
    N_ ("the same secret without its leading and trailing whitespace") },
  { "base64-decoded", base64_decode, N_ ("the secret base64-decoded") },
  { "base64url-decoded", base64url_decode, N_ ("the secret base64url-decoded") },
  { "hex-decoded", hex_decode, N_ ("the secret hex-decoded") },
  { "base64-encoded", base64_encode, N_ ("the secret's base64 text used as the key") },
};

const char *
jd_verify_secret_variant_name (guint i)
{
  return i < G_N_ELEMENTS (secret_variants) ? secret_variants[i].name : NULL;
}

GBytes *
jd_verify_secret_variant (guint i, GBytes *secret)
{
  gsize len;
  const char *data = g_bytes_get_data (secret, &len);
  GBytes *out;

  g_return_val_if_fail (i < G_N_ELEMENTS (secret_variants), NULL);

  out = secret_variants[i].transform (data ? data : "", len);
  if (out != NULL && (g_bytes_get_size (out) == 0 || g_bytes_equal (out, secret)))
    g_clear_pointer (&out, g_bytes_unref);
  return out;
}

const char *
jd_verify_secret_near_miss (const JdJwa *jwa, GBytes *secret, const guint8 *input, gsize input_len,
                            const guint8 *sig, gsize sig_len)
{
  g_return_val_if_fail (jd_jwa_is_hmac (jwa), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (secret_variants); i++)
    {
      g_autoptr (GBytes) variant = jd_verify_secret_variant (i, secret);

      if (variant != NULL
          && jd_jwa_hmac_check (jwa, g_bytes_get_data (variant, NULL), g_bytes_get_size (variant),
                                input, input_len, sig, sig_len, NULL))
        return _ (secret_variants[i].how);
    }
  return NULL;
}

/* ------------------------------------------------------------------ */
/* keys kept out by policy                                             */

gboolean
jd_verify_key_would_verify (const JdJwa *jwa, JdKey *key, const guint8 *input, gsize input_len,
                            const guint8 *sig, gsize sig_len)
{
  g_autofree char *misfit = NULL;

  if (jwa == NULL || !jd_key_is_usable (key) || jd_key_get_problem (key) != NULL)
    return FALSE;
  misfit = jd_jwa_key_misfit (jwa, key);
  if (misfit != NULL)
    return FALSE;
  return jwa->verify (jwa, key, input, input_len, sig, sig_len, NULL);
}

gboolean
jd_verify_relabelled (JdKey *key, const char *key_alg, const guint8 *input, gsize input_len,
                      const guint8 *sig, gsize sig_len)
{
  return jd_verify_key_would_verify (jd_jwa_lookup (key_alg), key, input, input_len, sig, sig_len);
}

/* ------------------------------------------------------------------ */
/* no usable key                                                       */

char *
jd_verify_explain_unusable (const char *alg, const JdUnusableKey *keys, guint n_keys)
{
  g_autoptr (GString) s = g_string_new (NULL);

  if (n_keys == 1)
    g_string_append_printf (s,
                            _ ("The key given cannot check this %s token, so a verifier holding "
                               "it rejects the token (RFC 7515 §5.2, RFC 8725 §3.1):"),
                            alg);
  else
    g_string_append_printf (s,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "None of the %u key given can check this %s token, so a "
                                         "verifier holding it rejects the token (RFC 7515 §5.2, "
                                         "RFC 8725 §3.1):",
                                         "None of the %u keys given can check this %s token, so a "
                                         "verifier holding them rejects the token (RFC 7515 "
                                         "§5.2, RFC 8725 §3.1):",
                                         n_keys),
                            n_keys, alg);
  for (guint i = 0; i < n_keys; i++)
    {
      const JdUnusableKey *k = &keys[i];
      g_autofree char *name = jd_verify_key_name (k->key, k->row);

      /* Translators: one key of the list, "key 2 (kid "a"): use is enc, not sig" */
      g_string_append_printf (s, _ ("%s %s: %s"), i ? ";" : "", name, k->reason);
      if (k->relabelled)
        g_string_append_printf (s,
                                _ (" — yet the signature is a valid %s signature by this key: "
                                   "the signer wrote the wrong alg into the header"),
                                jd_key_get_alg (k->key));
      else if (k->would_verify)
        g_string_append (s, _ (" — yet this key verifies the signature: only its alg, use or "
                               "key_ops keeps a verifier from using it"));
    }
  g_string_append_c (s, '.');
  return g_string_free (g_steal_pointer (&s), FALSE);
}
