/* jd-sign.c — make JWS compact tokens (RFC 7515 §5.1, §7.1) with a JdSignKey
 *
 * One row per key family (as jd-jwa-*.c verify): the algorithm's
 * parameters come from the verifier's tables (jd_jwa_lookup), so every
 * algorithm that verifies also signs. Tokens made here are remembered by
 * their SHA-256 so the app can say "test token signed on this computer"
 * without putting anything into the token.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <gnutls/crypto.h>

#include "jd-base64.h"
#include "jd-json.h"
#include "jd-jwa.h"
#include "jd-sign-key-private.h"
#include "jd-sign.h"

typedef GBytes *(*JdSignFunc) (const JdJwa *jwa, JdSignKey *key, gnutls_datum_t *input,
                               GError **error);

static GBytes *
sign_hmac (const JdJwa *jwa, JdSignKey *key, gnutls_datum_t *input, GError **error)
{
  guint8 mac[64];
  gsize len;
  const guint8 *secret = _jd_sign_key_get_secret (key, &len);
  int ret = gnutls_hmac_fast (jwa->param, secret, len, input->data, input->size, mac);
  GBytes *out;

  if (ret < 0)
    {
      g_set_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_CRYPTO,
                   _ ("GnuTLS could not compute the %s MAC: %s"), jwa->name, gnutls_strerror (ret));
      return NULL;
    }
  out = g_bytes_new (mac, jwa->hash_len);
  gnutls_memset (mac, 0, sizeof mac);
  return out;
}

static GBytes *
privkey_sign (const JdJwa *jwa, JdSignKey *key, gnutls_datum_t *input, int sign_algo,
              GError **error)
{
  gnutls_datum_t sig = { NULL, 0 };
  GBytes *out;
  int ret;

  /* RSA-PSS: GnuTLS uses a salt as long as the hash, as RFC 7518 §3.5 requires. */
  ret = gnutls_privkey_sign_data2 (_jd_sign_key_get_privkey (key), sign_algo, 0, input, &sig);
  if (ret < 0)
    {
      g_set_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_CRYPTO,
                   _ ("GnuTLS could not make the %s signature: %s"), jwa->name,
                   gnutls_strerror (ret));
      return NULL;
    }
  out = g_bytes_new (sig.data, sig.size);
  gnutls_free (sig.data);
  return out;
}

static GBytes *
sign_rsa (const JdJwa *jwa, JdSignKey *key, gnutls_datum_t *input, GError **error)
{
  return privkey_sign (jwa, key, input, jwa->param, error);
}

static GBytes *
sign_eddsa (const JdJwa *jwa, JdSignKey *key, gnutls_datum_t *input, GError **error)
{
  gboolean ed448 = g_strcmp0 (jd_key_get_crv (jd_sign_key_get_public (key)), "Ed448") == 0;

  return privkey_sign (jwa, key, input, ed448 ? GNUTLS_SIGN_EDDSA_ED448 : GNUTLS_SIGN_EDDSA_ED25519,
                       error);
}

/* Copies the big-endian integer @d into @out, @width bytes, left-padded. */
static gboolean
fixed_width (const gnutls_datum_t *d, guint8 *out, gsize width)
{
  gsize skip = 0;

  while (skip < d->size && d->data[skip] == 0)
    skip++;
  if (d->size - skip > width)
    return FALSE;
  memset (out, 0, width - (d->size - skip));
  memcpy (out + width - (d->size - skip), d->data + skip, d->size - skip);
  return TRUE;
}

/* GnuTLS returns the DER ECDSA-Sig-Value; JWS wants R‖S, each as wide as
 * the curve's order (RFC 7518 §3.4). */
static GBytes *
sign_ecdsa (const JdJwa *jwa, JdSignKey *key, gnutls_datum_t *input, GError **error)
{
  gsize half = jwa->hash_len == 64 ? 66 : jwa->hash_len;
  g_autoptr (GBytes) der = privkey_sign (jwa, key, input, jwa->param, error);
  gnutls_datum_t derd, r = { NULL, 0 }, s = { NULL, 0 };
  guint8 rs[2 * 66];
  gboolean ok;
  gsize len;

  if (der == NULL)
    return NULL;
  derd.data = (guint8 *)g_bytes_get_data (der, &len);
  derd.size = (unsigned int)len;
  ok = gnutls_decode_rs_value (&derd, &r, &s) >= 0 && fixed_width (&r, rs, half)
       && fixed_width (&s, rs + half, half);
  gnutls_free (r.data);
  gnutls_free (s.data);
  if (!ok)
    {
      g_set_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_CRYPTO,
                   _ ("GnuTLS made an %s signature that is not R‖S of %zu bytes each"), jwa->name,
                   half);
      return NULL;
    }
  return g_bytes_new (rs, 2 * half);
}

static const struct
{
  const char *kty;
  JdSignFunc sign;
} families[] = {
  { "oct", sign_hmac },
  { "RSA", sign_rsa },
  { "EC", sign_ecdsa },
  { "OKP", sign_eddsa },
};

GBytes *
jd_sign_bytes (JdSignKey *key, const char *alg, gconstpointer input, gsize input_len,
               GError **error)
{
  g_autofree char *misfit = NULL;
  const JdJwa *jwa;
  gnutls_datum_t in = { (guint8 *)input, (unsigned int)input_len };

  g_return_val_if_fail (JD_IS_SIGN_KEY (key), NULL);
  g_return_val_if_fail (alg != NULL, NULL);

  misfit = jd_sign_key_misfit (key, alg);
  if (misfit)
    {
      g_set_error_literal (error, JD_SIGN_ERROR, JD_SIGN_ERROR_ALG, misfit);
      return NULL;
    }
  jwa = jd_jwa_lookup (alg);
  for (guint i = 0; i < G_N_ELEMENTS (families); i++)
    if (g_str_equal (families[i].kty, jwa->kty))
      return families[i].sign (jwa, key, &in, error);
  g_assert_not_reached ();
}

/* ------------------------------------------------------------------ */
/* Tokens made here                                                    */

static GMutex made_here_lock;
static GHashTable *made_here; /* SHA-256 hex of each token signed here */

static char *
token_digest (const char *token)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (token));

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, trimmed, -1);
}

static void
remember_made_here (const char *token)
{
  g_mutex_lock (&made_here_lock);
  if (made_here == NULL)
    made_here = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_add (made_here, token_digest (token));
  g_mutex_unlock (&made_here_lock);
}

gboolean
jd_sign_is_made_here (const char *token)
{
  g_autofree char *digest = NULL;
  gboolean found;

  if (token == NULL)
    return FALSE;
  digest = token_digest (token);
  g_mutex_lock (&made_here_lock);
  found = made_here != NULL && g_hash_table_contains (made_here, digest);
  g_mutex_unlock (&made_here_lock);
  return found;
}

/* ------------------------------------------------------------------ */
/* Compact serialization                                               */

static char *
encode_object (JsonObject *object)
{
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *json = NULL;

  json_node_set_object (node, object);
  json = jd_json_to_string (node, FALSE);
  return jd_base64url_encode (json, strlen (json));
}

char *
jd_sign_compact (JdSignKey *key, const char *alg, JsonObject *header, JsonObject *payload,
                 GError **error)
{
  g_autoptr (JsonObject) h = json_object_new ();
  g_autofree char *chosen = NULL, *h64 = NULL, *p64 = NULL, *input = NULL, *s64 = NULL;
  g_autoptr (GBytes) sig = NULL;
  char *token;

  g_return_val_if_fail (JD_IS_SIGN_KEY (key), NULL);
  g_return_val_if_fail (payload != NULL, NULL);

  chosen = jd_sign_key_choose_alg (
    key, alg, header ? json_object_get_string_member_with_default (header, "alg", NULL) : NULL,
    error);
  if (chosen == NULL)
    return NULL;

  /* "alg" first, as most libraries write it; then the header's members. */
  json_object_set_string_member (h, "alg", chosen);
  if (header)
    {
      g_autoptr (GList) names = json_object_get_members (header);
      for (GList *l = names; l; l = l->next)
        if (!g_str_equal (l->data, "alg"))
          json_object_set_member (h, l->data,
                                  json_node_copy (json_object_get_member (header, l->data)));
    }
  if (jd_sign_key_get_kid (key))
    json_object_set_string_member (h, "kid", jd_sign_key_get_kid (key));

  h64 = encode_object (h);
  p64 = encode_object (payload);
  input = g_strconcat (h64, ".", p64, NULL);
  sig = jd_sign_bytes (key, chosen, input, strlen (input), error);
  if (sig == NULL)
    return NULL;
  s64 = jd_base64url_encode (g_bytes_get_data (sig, NULL), g_bytes_get_size (sig));
  token = g_strconcat (input, ".", s64, NULL);
  remember_made_here (token);
  return token;
}

/* @text as a JSON object; errors read "header, byte 17: …". */
static JsonObject *
parse_object (const char *text, const char *part, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (JsonNode) node = NULL;

  node = jd_json_parse (text, strlen (text), JD_JSON_FLAGS_NONE, NULL, &local);
  if (node == NULL)
    {
      g_set_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_INPUT, "%s, %s", part, local->message);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_INPUT,
                   _ ("%s: a JWT's %s is a JSON object {…} (RFC 7519 §7.2)"), part, part);
      return NULL;
    }
  return json_object_ref (json_node_get_object (node));
}

char *
jd_sign_compact_text (JdSignKey *key, const char *alg, const char *header_json,
                      const char *payload_json, GError **error)
{
  g_autoptr (JsonObject) header = NULL;
  g_autoptr (JsonObject) payload = NULL;

  g_return_val_if_fail (JD_IS_SIGN_KEY (key), NULL);
  g_return_val_if_fail (payload_json != NULL, NULL);

  if (header_json && !(header = parse_object (header_json, _ ("header"), error)))
    return NULL;
  if (!(payload = parse_object (payload_json, _ ("payload"), error)))
    return NULL;
  return jd_sign_compact (key, alg, header, payload, error);
}
