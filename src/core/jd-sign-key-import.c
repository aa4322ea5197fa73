/* jd-sign-key-import.c — read a private key to sign with: PEM (PKCS#8,
 * PKCS#1, SEC1), a private JWK (RFC 7518 §6), or a JWKS with one private key
 *
 * Messages say what was found instead of a private key and where a JWK
 * member went wrong. Key bytes read here are wiped after use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <gnutls/crypto.h>

#include "jd-base64.h"
#include "jd-json.h"
#include "jd-key-import.h"
#include "jd-sign-key-private.h"

static gboolean
is_public_member (const char *member)
{
  static const char *const public_members[] = { "n", "e", "x", "y", NULL };

  return g_strv_contains (public_members, member);
}

/* A member of @jwk, base64url-decoded; @what is the JWK's name in messages. */
static GBytes *
jwk_bytes (JsonObject *jwk, const char *member, const char *what, GError **error)
{
  g_autoptr (GError) local = NULL;
  JsonNode *node = json_object_get_member (jwk, member);
  const char *text;
  GBytes *bytes;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_KEY,
                   node ? _ ("%s: member \"%s\" is not a string")
                        : _ ("%s: member \"%s\" is missing"),
                   what, member);
      return NULL;
    }
  text = json_node_get_string (node);
  /* The private members (d, p, q, dp, dq, qi, k): a message names where the
   * text goes wrong, never the byte, as for the keys that verify. */
  bytes
    = jd_key_b64_decode (text, strlen (text), JD_KEY_B64_URL, !is_public_member (member), &local);
  if (bytes == NULL)
    g_set_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_KEY, _ ("%s: member \"%s\", %s"), what, member,
                 local->message);
  return bytes;
}

static gnutls_datum_t
datum (GBytes *bytes)
{
  gnutls_datum_t d = { NULL, 0 };

  if (bytes)
    {
      gsize len;
      d.data = (guint8 *)g_bytes_get_data (bytes, &len);
      d.size = (unsigned int)len;
    }
  return d;
}

static gboolean
import_rsa (gnutls_privkey_t priv, JsonObject *jwk, const char *what, GError **error)
{
  static const char *members[] = { "n", "e", "d", "p", "q" };
  GBytes *b[G_N_ELEMENTS (members)] = { NULL };
  gnutls_datum_t d[G_N_ELEMENTS (members)];
  gboolean ok = TRUE;
  int ret;

  if (json_object_has_member (jwk, "d")
      && (!json_object_has_member (jwk, "p") || !json_object_has_member (jwk, "q")))
    {
      g_set_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_KEY,
                   _ ("%s has \"d\" but not the primes \"p\" and \"q\", which GnuTLS needs to "
                      "sign (RFC 7518 §6.3.2)"),
                   what);
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (members) && ok; i++)
    {
      b[i] = jwk_bytes (jwk, members[i], what, error);
      ok = b[i] != NULL;
      d[i] = datum (b[i]);
    }
  if (ok)
    {
      ret
        = gnutls_privkey_import_rsa_raw (priv, &d[0], &d[1], &d[2], &d[3], &d[4], NULL, NULL, NULL);
      if (ret < 0)
        g_set_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_KEY,
                     _ ("%s: GnuTLS cannot use these RSA numbers: %s"), what,
                     gnutls_strerror (ret));
      ok = ret >= 0;
    }
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    g_clear_pointer (&b[i], g_bytes_unref);
  return ok;
}

static gboolean
import_ecc (gnutls_privkey_t priv, JsonObject *jwk, const char *what, GError **error)
{
  static const struct
  {
    const char *kty, *crv;
    gnutls_ecc_curve_t curve;
  } curves[] = {
    { "EC", "P-256", GNUTLS_ECC_CURVE_SECP256R1 }, { "EC", "P-384", GNUTLS_ECC_CURVE_SECP384R1 },
    { "EC", "P-521", GNUTLS_ECC_CURVE_SECP521R1 }, { "OKP", "Ed25519", GNUTLS_ECC_CURVE_ED25519 },
    { "OKP", "Ed448", GNUTLS_ECC_CURVE_ED448 },
  };
  const char *kty = json_object_get_string_member_with_default (jwk, "kty", "");
  const char *crv = json_object_get_string_member_with_default (jwk, "crv", "");
  g_autoptr (GBytes) x = NULL, y = NULL, k = NULL;
  gnutls_datum_t xd, yd, kd;
  gboolean okp = g_str_equal (kty, "OKP");
  int ret;

  for (guint i = 0; i < G_N_ELEMENTS (curves); i++)
    {
      if (!g_str_equal (curves[i].kty, kty) || !g_str_equal (curves[i].crv, crv))
        continue;
      if (!(x = jwk_bytes (jwk, "x", what, error))
          || (!okp && !(y = jwk_bytes (jwk, "y", what, error)))
          || !(k = jwk_bytes (jwk, "d", what, error)))
        return FALSE;
      xd = datum (x);
      yd = datum (y);
      kd = datum (k);
      ret = gnutls_privkey_import_ecc_raw (priv, curves[i].curve, &xd, okp ? NULL : &yd, &kd);
      if (ret < 0)
        g_set_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_KEY,
                     _ ("%s: GnuTLS cannot use this %s key: %s"), what, crv, gnutls_strerror (ret));
      return ret >= 0;
    }
  g_set_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_KEY,
               _ ("%s: \"crv\": \"%s\" is not a curve JWS signs with (%s)"), what, crv,
               okp ? "Ed25519" : "P-256, P-384, P-521");
  return FALSE;
}

static JdSignKey *
import_jwk (JsonObject *jwk, const char *source, GError **error)
{
  const char *kty = json_object_get_string_member_with_default (jwk, "kty", NULL);
  const char *kid = json_object_get_string_member_with_default (jwk, "kid", NULL);
  const char *alg = json_object_get_string_member_with_default (jwk, "alg", NULL);
  gnutls_privkey_t priv;
  gboolean ok;

  if (kty == NULL)
    {
      g_set_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_KEY,
                   _ ("%s: a JWK needs a \"kty\" string (RFC 7517 §4.1)"), source);
      return NULL;
    }
  if (g_str_equal (kty, "oct"))
    {
      g_autoptr (GBytes) k = jwk_bytes (jwk, "k", source, error);
      if (k == NULL)
        return NULL;
      return _jd_sign_key_new_secret_full (g_bytes_get_data (k, NULL), g_bytes_get_size (k), source,
                                           kid, alg, error);
    }
  if (!g_str_equal (kty, "RSA") && !g_str_equal (kty, "EC") && !g_str_equal (kty, "OKP"))
    {
      g_set_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_KEY,
                   _ ("%s: \"kty\": \"%s\" is not a key type JWS signs with (RSA, EC, OKP, oct)"),
                   source, kty);
      return NULL;
    }
  if (!json_object_has_member (jwk, "d"))
    {
      g_set_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_KEY,
                   _ ("%s is a public %s JWK (no \"d\"): it verifies but cannot sign; give the "
                      "private JWK"),
                   source, kty);
      return NULL;
    }
  gnutls_privkey_init (&priv);
  ok = g_str_equal (kty, "RSA") ? import_rsa (priv, jwk, source, error)
                                : import_ecc (priv, jwk, source, error);
  if (!ok)
    {
      gnutls_privkey_deinit (priv);
      return NULL;
    }
  return _jd_sign_key_new_private (priv, source, kid, alg, error);
}

/* A JWKS: exactly one of its keys must be private (or a secret). */
static JdSignKey *
import_jwks (JsonArray *keys, const char *source, GError **error)
{
  JsonObject *found = NULL;
  guint n_private = 0, n = json_array_get_length (keys);
  g_autofree char *what = NULL;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (keys, i);
      JsonObject *jwk = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      if (jwk && (json_object_has_member (jwk, "d") || json_object_has_member (jwk, "k")))
        {
          found = found ? found : jwk;
          n_private++;
        }
    }
  if (n_private != 1)
    {
      g_set_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_KEY,
                   n_private == 0
                     ? _ ("%s holds %u keys and none is private (no \"d\" or \"k\"): a JWKS of "
                          "public keys verifies but cannot sign")
                     : _ ("%s holds %u private keys: give the one to sign with as a single JWK"),
                   source, n_private == 0 ? n : n_private);
      return NULL;
    }
  return import_jwk (found, source, error);
}

static JdSignKey *
import_json (const char *data, gsize len, const char *source, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (JsonNode) node = jd_json_parse (data, len, JD_JSON_ALLOW_BOM, NULL, &local);
  JsonObject *obj;

  if (node == NULL)
    {
      g_set_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_KEY, _ ("%s: %s"), source, local->message);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_KEY,
                   _ ("%s: a JWK is a JSON object; this JSON is not one"), source);
      return NULL;
    }
  obj = json_node_get_object (node);
  if (json_object_has_member (obj, "keys")
      && JSON_NODE_HOLDS_ARRAY (json_object_get_member (obj, "keys")))
    return import_jwks (json_object_get_array_member (obj, "keys"), source, error);
  return import_jwk (obj, source, error);
}

/* The first PEM block whose label says PRIVATE KEY; NULL with an error
 * saying what the PEM holds instead. */
static JdSignKey *
import_pem (const char *data, gsize len, const char *source, GError **error)
{
  const char *begin = g_strstr_len (data, len, "-----BEGIN ");
  g_autofree char *label = NULL;

  while (begin != NULL)
    {
      const char *label_end = g_strstr_len (begin + 11, data + len - begin - 11, "-----");
      const char *end;
      gsize rest;

      if (label_end == NULL)
        break;
      g_free (label);
      label = g_strndup (begin + 11, label_end - begin - 11);
      rest = data + len - label_end;
      end = g_strstr_len (label_end + 5, rest - 5, "-----END ");
      if (g_str_has_suffix (label, "PRIVATE KEY"))
        {
          gnutls_privkey_t priv;
          gnutls_datum_t d = { (guint8 *)begin, (unsigned int)(data + len - begin) };
          int ret;

          if (strstr (label, "ENCRYPTED")
              || (end && g_strstr_len (label_end, end - label_end, "Proc-Type:")))
            {
              g_set_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_KEY,
                           _ ("%s: an encrypted private key (PEM \"%s\"): decrypt it first, e.g. "
                              "openssl pkey -in KEY -out plain.pem"),
                           source, label);
              return NULL;
            }
          gnutls_privkey_init (&priv);
          ret = gnutls_privkey_import_x509_raw (priv, &d, GNUTLS_X509_FMT_PEM, NULL,
                                                GNUTLS_PKCS_PLAIN);
          if (ret < 0)
            {
              gnutls_privkey_deinit (priv);
              g_set_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_KEY,
                           _ ("%s: GnuTLS cannot read the PEM \"%s\" block: %s"), source, label,
                           gnutls_strerror (ret));
              return NULL;
            }
          return _jd_sign_key_new_private (priv, source, NULL, NULL, error);
        }
      begin = end ? g_strstr_len (end + 9, data + len - end - 9, "-----BEGIN ") : NULL;
    }
  g_set_error (
    error, JD_SIGN_ERROR, JD_SIGN_ERROR_KEY,
    _ ("%s holds a PEM \"%s\" block and no private key: it verifies but cannot sign; "
       "give the PEM \"PRIVATE KEY\" (PKCS#8), \"RSA PRIVATE KEY\" or \"EC PRIVATE KEY\""),
    source, label ? label : "?");
  return NULL;
}

JdSignKey *
jd_sign_key_new_from_data (const char *data, gsize len, const char *source, GError **error)
{
  gsize start = 0;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  source = source ? source : _ ("the key");
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    start = 3;
  while (start < len && g_ascii_isspace (data[start]))
    start++;
  if (start < len && data[start] == '{')
    return import_json (data, len, source, error);
  if (g_strstr_len (data, len, "-----BEGIN ") != NULL)
    return import_pem (data, len, source, error);
  g_set_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_KEY,
               _ ("%s is neither a PEM private key (-----BEGIN PRIVATE KEY-----) nor a private JWK "
                  "({\"kty\": …, \"d\": …})"),
               source);
  return NULL;
}
