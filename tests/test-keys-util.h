/* test-keys-util.h — keys and tokens made at test time with GnuTLS
 *
 * Shared by test-keys.c, test-verify.c, test-verify-explain.c, the agreement
 * tests and bench-verify.c. Everything is real crypto: keys are generated,
 * tokens are signed, nothing is mocked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include <gio/gio.h>
#include <gnutls/gnutls.h>
#include <gnutls/abstract.h>
#include <gnutls/crypto.h>
#include <gnutls/x509.h>

#include "jd-key-set.h"

/* A key set loaded from @text, which must load. */
static inline JdKeySet *
tk_set_from_text (const char *text)
{
  g_autoptr (GError) error = NULL;
  JdKeySet *set = jd_key_set_new ();

  g_assert_true (jd_key_set_load_data (set, text, strlen (text), "test", &error));
  g_assert_no_error (error);
  return set;
}

static inline char *
tk_b64url (gconstpointer data, gsize len)
{
  char *s = g_base64_encode (data, len);
  char *w = s;

  for (char *r = s; *r; r++)
    if (*r != '=')
      *w++ = *r == '+' ? '-' : *r == '/' ? '_' : *r;
  *w = '\0';
  return s;
}

static inline GBytes *
tk_b64url_decode (const char *text)
{
  gsize n = strlen (text);
  g_autoptr (GString) s = g_string_new (text);
  guchar *out;
  gsize len;

  for (gsize i = 0; i < n; i++)
    s->str[i] = s->str[i] == '-' ? '+' : s->str[i] == '_' ? '/' : s->str[i];
  while (s->len % 4)
    g_string_append_c (s, '=');
  out = g_base64_decode (s->str, &len);
  return g_bytes_new_take (out, len);
}

/* @der as a PEM block labelled @label, 64 base64 characters a line. */
static inline char *
tk_pem_wrap (const char *label, const guint8 *der, gsize len)
{
  g_autofree char *b64 = g_base64_encode (der, len);
  g_autoptr (GString) s = g_string_new (NULL);
  gsize n = strlen (b64);

  g_string_append_printf (s, "-----BEGIN %s-----\n", label);
  for (gsize i = 0; i < n; i += 64)
    {
      g_string_append_len (s, b64 + i, MIN (64, n - i));
      g_string_append_c (s, '\n');
    }
  g_string_append_printf (s, "-----END %s-----\n", label);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

typedef struct
{
  const char *alg;
  gnutls_pk_algorithm_t pk;
  unsigned int bits; /* RSA bits or GNUTLS_CURVE_TO_BITS (curve) */
  gnutls_sign_algorithm_t sign;
  gnutls_mac_algorithm_t mac;
  guint coord; /* ECDSA coordinate size */
} TkAlg;

static const TkAlg tk_algs[] = {
  { "HS256", GNUTLS_PK_UNKNOWN, 0, 0, GNUTLS_MAC_SHA256, 0 },
  { "HS384", GNUTLS_PK_UNKNOWN, 0, 0, GNUTLS_MAC_SHA384, 0 },
  { "HS512", GNUTLS_PK_UNKNOWN, 0, 0, GNUTLS_MAC_SHA512, 0 },
  { "RS256", GNUTLS_PK_RSA, 2048, GNUTLS_SIGN_RSA_SHA256, 0, 0 },
  { "RS384", GNUTLS_PK_RSA, 2048, GNUTLS_SIGN_RSA_SHA384, 0, 0 },
  { "RS512", GNUTLS_PK_RSA, 2048, GNUTLS_SIGN_RSA_SHA512, 0, 0 },
  { "PS256", GNUTLS_PK_RSA, 2048, GNUTLS_SIGN_RSA_PSS_SHA256, 0, 0 },
  { "PS384", GNUTLS_PK_RSA, 2048, GNUTLS_SIGN_RSA_PSS_SHA384, 0, 0 },
  { "PS512", GNUTLS_PK_RSA, 2048, GNUTLS_SIGN_RSA_PSS_SHA512, 0, 0 },
  { "ES256", GNUTLS_PK_ECDSA, GNUTLS_CURVE_TO_BITS (GNUTLS_ECC_CURVE_SECP256R1),
    GNUTLS_SIGN_ECDSA_SHA256, 0, 32 },
  { "ES384", GNUTLS_PK_ECDSA, GNUTLS_CURVE_TO_BITS (GNUTLS_ECC_CURVE_SECP384R1),
    GNUTLS_SIGN_ECDSA_SHA384, 0, 48 },
  { "ES512", GNUTLS_PK_ECDSA, GNUTLS_CURVE_TO_BITS (GNUTLS_ECC_CURVE_SECP521R1),
    GNUTLS_SIGN_ECDSA_SHA512, 0, 66 },
  { "EdDSA", GNUTLS_PK_EDDSA_ED25519, GNUTLS_CURVE_TO_BITS (GNUTLS_ECC_CURVE_ED25519),
    GNUTLS_SIGN_EDDSA_ED25519, 0, 0 },
};

/* A signing key: a GnuTLS private key, or an HMAC secret. */
typedef struct
{
  const TkAlg *alg;
  gnutls_privkey_t priv;
  GBytes *secret;
  char *kid;
  gboolean borrowed; /* priv belongs to someone else */
} TkKey;

static inline void
tk_key_free (TkKey *key)
{
  if (key == NULL)
    return;
  if (key->priv && !key->borrowed)
    gnutls_privkey_deinit (key->priv);
  g_clear_pointer (&key->secret, g_bytes_unref);
  g_free (key->kid);
  g_free (key);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TkKey, tk_key_free)

static inline const TkAlg *
tk_alg (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (tk_algs); i++)
    if (g_str_equal (tk_algs[i].alg, name))
      return &tk_algs[i];
  g_assert_not_reached ();
  return NULL;
}

/* RSA keys are slow to make: one per size, cached for the process. */
static inline TkKey *
tk_key_new (const char *alg_name, const char *kid)
{
  TkKey *key = g_new0 (TkKey, 1);
  int ret;

  key->alg = tk_alg (alg_name);
  key->kid = g_strdup (kid);
  if (key->alg->pk == GNUTLS_PK_UNKNOWN)
    {
      guint8 buf[64];
      gnutls_rnd (GNUTLS_RND_NONCE, buf, sizeof buf);
      key->secret = g_bytes_new (buf, key->alg->mac == GNUTLS_MAC_SHA256   ? 32
                                      : key->alg->mac == GNUTLS_MAC_SHA384 ? 48
                                                                           : 64);
      return key;
    }
  gnutls_privkey_init (&key->priv);
  ret = gnutls_privkey_generate2 (key->priv, key->alg->pk, key->alg->bits, 0, NULL, 0);
  g_assert_cmpint (ret, >=, 0);
  return key;
}

static GHashTable *tk_cache;

static inline void
tk_cleanup (void)
{
  g_clear_pointer (&tk_cache, g_hash_table_unref);
}

/* Generating RSA keys is slow: tests share @n keys per key type. */
static inline TkKey *
tk_key_cached (const char *alg_name, guint n, const char *kid)
{
  const TkAlg *alg = tk_alg (alg_name);
  g_autofree char *id = g_strdup_printf ("%d/%u/%u", alg->pk, alg->bits, n);
  TkKey *key;
  TkKey *cached;

  if (alg->pk == GNUTLS_PK_UNKNOWN)
    return tk_key_new (alg_name, kid);
  if (tk_cache == NULL)
    tk_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)tk_key_free);
  cached = g_hash_table_lookup (tk_cache, id);
  if (cached == NULL)
    {
      cached = tk_key_new (alg_name, NULL);
      g_hash_table_insert (tk_cache, g_strdup (id), cached);
    }
  key = g_new0 (TkKey, 1);
  key->alg = alg;
  key->priv = cached->priv;
  key->borrowed = TRUE;
  key->kid = g_strdup (kid);
  return key;
}

static inline TkKey *
tk_key_new_secret (const char *alg_name, const char *kid, const char *secret)
{
  TkKey *key = g_new0 (TkKey, 1);

  key->alg = tk_alg (alg_name);
  key->kid = g_strdup (kid);
  key->secret = g_bytes_new (secret, strlen (secret));
  return key;
}

/* The public JWK (or the oct JWK for secrets), with kid when set. */
static inline char *
tk_key_jwk (TkKey *key)
{
  g_autoptr (GString) s = g_string_new ("{");

  if (key->kid)
    g_string_append_printf (s, "\"kid\":\"%s\",", key->kid);
  if (key->secret)
    {
      g_autofree char *k
        = tk_b64url (g_bytes_get_data (key->secret, NULL), g_bytes_get_size (key->secret));
      g_string_append_printf (s, "\"kty\":\"oct\",\"k\":\"%s\"}", k);
      return g_string_free (g_steal_pointer (&s), FALSE);
    }
  if (key->alg->pk == GNUTLS_PK_RSA)
    {
      gnutls_datum_t m, e;
      g_autofree char *n64 = NULL;
      g_autofree char *e64 = NULL;
      g_assert_cmpint (gnutls_privkey_export_rsa_raw2 (key->priv, &m, &e, NULL, NULL, NULL, NULL,
                                                       NULL, NULL, GNUTLS_EXPORT_FLAG_NO_LZ),
                       >=, 0);
      n64 = tk_b64url (m.data, m.size);
      e64 = tk_b64url (e.data, e.size);
      g_string_append_printf (s, "\"kty\":\"RSA\",\"n\":\"%s\",\"e\":\"%s\"}", n64, e64);
      gnutls_free (m.data);
      gnutls_free (e.data);
    }
  else
    {
      gnutls_ecc_curve_t curve;
      gnutls_datum_t x, y;
      g_autofree char *x64 = NULL;
      g_autofree char *y64 = NULL;
      guint8 buf[66];
      g_assert_cmpint (
        gnutls_privkey_export_ecc_raw2 (key->priv, &curve, &x, &y, NULL, GNUTLS_EXPORT_FLAG_NO_LZ),
        >=, 0);
      if (key->alg->pk == GNUTLS_PK_ECDSA)
        {
          guint size = key->alg->coord;
          const char *crv = size == 32 ? "P-256" : size == 48 ? "P-384" : "P-521";
          memset (buf, 0, sizeof buf);
          memcpy (buf + size - x.size, x.data, x.size);
          x64 = tk_b64url (buf, size);
          memset (buf, 0, sizeof buf);
          memcpy (buf + size - y.size, y.data, y.size);
          y64 = tk_b64url (buf, size);
          g_string_append_printf (s, "\"kty\":\"EC\",\"crv\":\"%s\",\"x\":\"%s\",\"y\":\"%s\"}",
                                  crv, x64, y64);
          gnutls_free (y.data);
        }
      else
        {
          x64 = tk_b64url (x.data, x.size);
          g_string_append_printf (s, "\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"%s\"}", x64);
        }
      gnutls_free (x.data);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* SPKI PEM of the public key. */
static inline char *
tk_key_pem (TkKey *key)
{
  gnutls_pubkey_t pub;
  gnutls_datum_t out;
  char *pem;

  gnutls_pubkey_init (&pub);
  g_assert_cmpint (gnutls_pubkey_import_privkey (pub, key->priv, 0, 0), >=, 0);
  g_assert_cmpint (gnutls_pubkey_export2 (pub, GNUTLS_X509_FMT_PEM, &out), >=, 0);
  pem = g_strndup ((char *)out.data, out.size);
  gnutls_free (out.data);
  gnutls_pubkey_deinit (pub);
  return pem;
}

/* A self-signed certificate for the key, PEM or DER. */
static inline GBytes *
tk_key_certificate (TkKey *key, const char *cn, gnutls_x509_crt_fmt_t fmt)
{
  gnutls_x509_crt_t crt;
  gnutls_pubkey_t pub;
  gnutls_datum_t out;
  time_t now = time (NULL);
  guint8 serial[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
  GBytes *bytes;

  gnutls_x509_crt_init (&crt);
  gnutls_pubkey_init (&pub);
  g_assert_cmpint (gnutls_pubkey_import_privkey (pub, key->priv, 0, 0), >=, 0);
  g_assert_cmpint (gnutls_x509_crt_set_pubkey (crt, pub), >=, 0);
  gnutls_x509_crt_set_version (crt, 3);
  gnutls_x509_crt_set_serial (crt, serial, sizeof serial);
  gnutls_x509_crt_set_activation_time (crt, now - 3600);
  gnutls_x509_crt_set_expiration_time (crt, now + 86400);
  g_assert_cmpint (
    gnutls_x509_crt_set_dn_by_oid (crt, GNUTLS_OID_X520_COMMON_NAME, 0, cn, strlen (cn)), >=, 0);
  g_assert_cmpint (
    gnutls_x509_crt_set_issuer_dn_by_oid (crt, GNUTLS_OID_X520_COMMON_NAME, 0, cn, strlen (cn)), >=,
    0);
  g_assert_cmpint (gnutls_x509_crt_privkey_sign (crt, crt, key->priv, GNUTLS_DIG_SHA256, 0), >=, 0);
  g_assert_cmpint (gnutls_x509_crt_export2 (crt, fmt, &out), >=, 0);
  bytes = g_bytes_new (out.data, out.size);
  gnutls_free (out.data);
  gnutls_pubkey_deinit (pub);
  gnutls_x509_crt_deinit (crt);
  return bytes;
}

/* Raw JWS signature (R‖S for ECDSA) over @input. */
static inline GBytes *
tk_sign_raw (TkKey *key, const char *input, gsize len)
{
  gnutls_datum_t data = { (guint8 *)input, len };
  gnutls_datum_t sig = { NULL, 0 };
  GBytes *out;

  if (key->secret)
    {
      guint8 mac[64];
      g_assert_cmpint (gnutls_hmac_fast (key->alg->mac, g_bytes_get_data (key->secret, NULL),
                                         g_bytes_get_size (key->secret), input, len, mac),
                       >=, 0);
      return g_bytes_new (mac, gnutls_hmac_get_len (key->alg->mac));
    }
  g_assert_cmpint (gnutls_privkey_sign_data2 (key->priv, key->alg->sign,
                                              key->alg->sign == GNUTLS_SIGN_RSA_PSS_SHA256
                                                  || key->alg->sign == GNUTLS_SIGN_RSA_PSS_SHA384
                                                  || key->alg->sign == GNUTLS_SIGN_RSA_PSS_SHA512
                                                ? GNUTLS_PRIVKEY_FLAG_RSA_PSS_FIXED_SALT_LENGTH
                                                : 0,
                                              &data, &sig),
                   >=, 0);
  if (key->alg->pk == GNUTLS_PK_ECDSA)
    {
      gnutls_datum_t r, s;
      guint size = key->alg->coord;
      guint8 rs[132] = { 0 };
      const guint8 *rp, *sp;
      gsize rl, sl;
      g_assert_cmpint (gnutls_decode_rs_value (&sig, &r, &s), >=, 0);
      /* r and s may carry a sign byte or be shorter than the curve. */
      rp = r.data, rl = r.size, sp = s.data, sl = s.size;
      while (rl > size && rp[0] == 0)
        rp++, rl--;
      while (sl > size && sp[0] == 0)
        sp++, sl--;
      memcpy (rs + size - rl, rp, rl);
      memcpy (rs + 2 * size - sl, sp, sl);
      out = g_bytes_new (rs, 2 * size);
      gnutls_free (r.data);
      gnutls_free (s.data);
    }
  else
    out = g_bytes_new (sig.data, sig.size);
  gnutls_free (sig.data);
  return out;
}

/* A compact JWS of @header_json and @payload_json, signed with @key. */
static inline char *
tk_sign_compact (TkKey *key, const char *header_json, const char *payload_json)
{
  g_autofree char *h64 = tk_b64url (header_json, strlen (header_json));
  g_autofree char *p64 = tk_b64url (payload_json, strlen (payload_json));
  g_autofree char *input = g_strdup_printf ("%s.%s", h64, p64);
  g_autoptr (GBytes) sig = tk_sign_raw (key, input, strlen (input));
  g_autofree char *s64 = tk_b64url (g_bytes_get_data (sig, NULL), g_bytes_get_size (sig));

  return g_strdup_printf ("%s.%s", input, s64);
}

/* A compact JWS: header {"alg":…,"kid":…} (kid when @kid is set). */
static inline char *
tk_sign_token (TkKey *key, const char *kid, const char *payload_json)
{
  g_autofree char *header
    = kid ? g_strdup_printf ("{\"alg\":\"%s\",\"kid\":\"%s\"}", key->alg->alg, kid)
          : g_strdup_printf ("{\"alg\":\"%s\"}", key->alg->alg);

  return tk_sign_compact (key, header, payload_json);
}
