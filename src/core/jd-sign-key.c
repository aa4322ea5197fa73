/* jd-sign-key.c — a key that can sign: HMAC secret, private PEM/JWK, or a
 * throwaway key generated here
 *
 * The public half is kept as an ordinary JdKey (loaded from the public JWK
 * through jd-key-import-jwk.c), so the kty, curve, size and RFC 7638 thumbprint are
 * computed by the same code that verifies. The private half never leaves
 * this object except as signatures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <gnutls/abstract.h>
#include <gnutls/crypto.h>

#include "jd-base64.h"
#include "jd-json.h"
#include "jd-jwa.h"
#include "jd-file-read.h"
#include "jd-sign-key-private.h"
#include "jd-verify.h"

G_DEFINE_QUARK (jd - sign - error - quark, jd_sign_error)

struct _JdSignKey
{
  GObject parent_instance;

  gnutls_privkey_t priv; /* RSA, EC, OKP */
  guint8 *secret;        /* oct */
  gsize secret_len;
  JdKeySet *set; /* holds the public JdKey */
  JsonObject *public_jwk;
  char *kid;
  char *jwk_alg;
  char *source;
  gboolean generated;
};

G_DEFINE_FINAL_TYPE (JdSignKey, jd_sign_key, G_TYPE_OBJECT)

static void
jd_sign_key_finalize (GObject *object)
{
  JdSignKey *self = JD_SIGN_KEY (object);

  if (self->priv)
    gnutls_privkey_deinit (self->priv);
  if (self->secret)
    {
      gnutls_memset (self->secret, 0, self->secret_len);
      g_free (self->secret);
    }
  g_clear_object (&self->set);
  g_clear_pointer (&self->public_jwk, json_object_unref);
  g_free (self->kid);
  g_free (self->jwk_alg);
  g_free (self->source);

  G_OBJECT_CLASS (jd_sign_key_parent_class)->finalize (object);
}

static void
jd_sign_key_class_init (JdSignKeyClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jd_sign_key_finalize;
}

static void
jd_sign_key_init (JdSignKey *self)
{
  self->set = jd_key_set_new ();
}

/* ------------------------------------------------------------------ */
/* The public half                                                     */

static void
jwk_set_b64 (JsonObject *jwk, const char *member, const gnutls_datum_t *d, gsize width)
{
  g_autofree guint8 *buf = g_malloc0 (MAX (width, d->size) + 1);
  gsize len = MAX (width, d->size);

  /* EC coordinates are fixed width (RFC 7518 §6.2.1.2): left-pad. */
  g_autofree char *text = NULL;

  memcpy (buf + (len - d->size), d->data, d->size);
  text = jd_base64url_encode (buf, len);
  json_object_set_string_member (jwk, member, text);
}

static JsonObject *
public_jwk_from_ecc (gnutls_pubkey_t pub, GError **error)
{
  static const struct
  {
    gnutls_ecc_curve_t curve;
    const char *crv;
    const char *kty;
    gsize width;
  } curves[] = {
    { GNUTLS_ECC_CURVE_SECP256R1, "P-256", "EC", 32 },
    { GNUTLS_ECC_CURVE_SECP384R1, "P-384", "EC", 48 },
    { GNUTLS_ECC_CURVE_SECP521R1, "P-521", "EC", 66 },
    { GNUTLS_ECC_CURVE_ED25519, "Ed25519", "OKP", 32 },
    { GNUTLS_ECC_CURVE_ED448, "Ed448", "OKP", 57 },
  };
  gnutls_ecc_curve_t curve;
  gnutls_datum_t x = { 0 }, y = { 0 };
  JsonObject *jwk = NULL;
  int ret;

  ret = gnutls_pubkey_export_ecc_raw2 (pub, &curve, &x, &y, GNUTLS_EXPORT_FLAG_NO_LZ);
  if (ret < 0)
    {
      g_set_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_KEY,
                   _ ("GnuTLS could not read the key's public point: %s"), gnutls_strerror (ret));
      return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (curves) && jwk == NULL; i++)
    if (curves[i].curve == curve)
      {
        jwk = json_object_new ();
        json_object_set_string_member (jwk, "kty", curves[i].kty);
        json_object_set_string_member (jwk, "crv", curves[i].crv);
        jwk_set_b64 (jwk, "x", &x, curves[i].width);
        if (y.data)
          jwk_set_b64 (jwk, "y", &y, curves[i].width);
      }
  if (jwk == NULL)
    g_set_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_KEY,
                 _ ("a key on curve %s: JWS signs with P-256, P-384, P-521 and Ed25519 only"),
                 gnutls_ecc_curve_get_name (curve));
  gnutls_free (x.data);
  gnutls_free (y.data);
  return jwk;
}

/* The public JWK (kty and key members only) of @priv. */
static JsonObject *
public_jwk_from_privkey (gnutls_privkey_t priv, GError **error)
{
  gnutls_pubkey_t pub;
  gnutls_datum_t n = { 0 }, e = { 0 };
  JsonObject *jwk = NULL;
  int pk, ret;

  gnutls_pubkey_init (&pub);
  ret = gnutls_pubkey_import_privkey (pub, priv, 0, 0);
  if (ret < 0)
    {
      gnutls_pubkey_deinit (pub);
      g_set_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_KEY,
                   _ ("GnuTLS found no public half in this private key: %s"),
                   gnutls_strerror (ret));
      return NULL;
    }
  pk = gnutls_pubkey_get_pk_algorithm (pub, NULL);
  if (pk == GNUTLS_PK_RSA || pk == GNUTLS_PK_RSA_PSS)
    {
      ret = gnutls_pubkey_export_rsa_raw2 (pub, &n, &e, GNUTLS_EXPORT_FLAG_NO_LZ);
      if (ret >= 0)
        {
          jwk = json_object_new ();
          json_object_set_string_member (jwk, "kty", "RSA");
          jwk_set_b64 (jwk, "n", &n, 0);
          jwk_set_b64 (jwk, "e", &e, 0);
        }
      else
        g_set_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_KEY,
                     _ ("GnuTLS could not read the RSA modulus: %s"), gnutls_strerror (ret));
      gnutls_free (n.data);
      gnutls_free (e.data);
    }
  else if (pk == GNUTLS_PK_ECDSA || pk == GNUTLS_PK_EDDSA_ED25519 || pk == GNUTLS_PK_EDDSA_ED448)
    jwk = public_jwk_from_ecc (pub, error);
  else
    g_set_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_KEY,
                 _ ("a %s private key: JWS signs with RSA, EC and Ed25519 keys"),
                 gnutls_pk_get_name (pk));
  gnutls_pubkey_deinit (pub);
  return jwk;
}

/* Loads @jwk (public members only) into self->set as the public JdKey. */
static gboolean
adopt_public_jwk (JdSignKey *self, JsonObject *jwk, GError **error)
{
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *text = NULL;
  JdKey *pub;

  json_node_set_object (node, jwk);
  text = jd_json_to_string (node, FALSE);
  if (!jd_key_set_load_data (self->set, text, strlen (text), self->source, error))
    return FALSE;
  pub = jd_key_set_get_key (self->set, 0);
  if (jd_key_get_problem (pub) != NULL)
    {
      g_set_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_KEY, "%s: %s", self->source,
                   jd_key_get_problem (pub));
      return FALSE;
    }
  self->public_jwk = json_object_ref (jwk);
  return TRUE;
}

static JdSignKey *
sign_key_new (const char *source)
{
  JdSignKey *self = g_object_new (JD_TYPE_SIGN_KEY, NULL);

  self->source = g_strdup (source ? source : "key");
  return self;
}

/* Takes @priv; @kid and @jwk_alg come from a private JWK (nullable). */
JdSignKey *
_jd_sign_key_new_private (gnutls_privkey_t priv, const char *source, const char *kid,
                          const char *jwk_alg, GError **error)
{
  g_autoptr (JdSignKey) self = sign_key_new (source);
  g_autoptr (JsonObject) jwk = NULL;

  self->priv = priv;
  self->kid = g_strdup (kid);
  self->jwk_alg = g_strdup (jwk_alg);
  jwk = public_jwk_from_privkey (priv, error);
  if (jwk == NULL || !adopt_public_jwk (self, jwk, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* ------------------------------------------------------------------ */
/* Constructors                                                        */

JdSignKey *
_jd_sign_key_new_secret_full (gconstpointer secret, gsize len, const char *source, const char *kid,
                              const char *jwk_alg, GError **error)
{
  g_autoptr (JdSignKey) self = sign_key_new (source);
  g_autoptr (JsonObject) jwk = json_object_new ();
  g_autofree char *k = NULL;

  if (len == 0)
    {
      g_set_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_KEY,
                   _ ("the HMAC secret is empty: give the secret the server checks with"));
      return NULL;
    }
  self->secret = g_memdup2 (secret, len);
  self->secret_len = len;
  self->kid = g_strdup (kid);
  self->jwk_alg = g_strdup (jwk_alg);
  json_object_set_string_member (jwk, "kty", "oct");
  k = jd_base64url_encode (secret, len);
  json_object_set_string_member (jwk, "k", k);
  if (!adopt_public_jwk (self, jwk, error))
    return NULL;
  gnutls_memset (k, 0, strlen (k));
  /* The JWK text held the secret only for the load; the JdKey keeps it
   * for verification. No public JWK exists for a secret. */
  g_clear_pointer (&self->public_jwk, json_object_unref);
  return g_steal_pointer (&self);
}

JdSignKey *
jd_sign_key_new_secret (gconstpointer secret, gsize len, GError **error)
{
  return _jd_sign_key_new_secret_full (secret, len, "secret", NULL, NULL, error);
}

JdSignKey *
jd_sign_key_new_from_file (GFile *file, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  JdSignKey *key;
  gsize len = 0;
  const char *data;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* Bounded: a 1 GB file, /dev/zero or an endless FIFO is refused at
   * JD_KEYS_MAX_SIZE instead of filling memory (jd-file-read.c). */
  bytes = jd_file_read_bounded (file, JD_KEYS_MAX_SIZE, &local);
  if (bytes == NULL && g_error_matches (local, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
    {
      g_set_error_literal (error, JD_SIGN_ERROR, JD_SIGN_ERROR_KEY, local->message);
      return NULL;
    }
  if (bytes == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  name = g_file_get_basename (file);
  data = g_bytes_get_data (bytes, &len);
  key = jd_sign_key_new_from_data (data ? data : "", len, name, error);
  /* The private key's bytes do not outlive this call. */
  if (len > 0)
    gnutls_memset ((gpointer)data, 0, len);
  return key;
}

JdSignKey *
jd_sign_key_new_from_key (JdKey *key, GError **error)
{
  g_autoptr (GBytes) source = NULL;
  GBytes *secret;

  g_return_val_if_fail (JD_IS_KEY (key), NULL);

  secret = jd_key_get_secret (key);
  if (secret != NULL)
    return _jd_sign_key_new_secret_full (g_bytes_get_data (secret, NULL), g_bytes_get_size (secret),
                                         jd_key_get_source (key), jd_key_get_kid (key),
                                         jd_key_get_alg (key), error);
  source = jd_key_dup_private_source (key);
  if (source == NULL)
    {
      g_autofree char *what = jd_key_describe (key);
      g_set_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_KEY,
                   _ ("%s (%s) is a public key: it verifies but cannot sign; load the private "
                      "key (PEM or private JWK)"),
                   jd_key_get_source (key), what);
      return NULL;
    }
  return jd_sign_key_new_from_data (g_bytes_get_data (source, NULL), g_bytes_get_size (source),
                                    jd_key_get_source (key), error);
}

JdSignKey *
jd_sign_key_generate (JdSignKeyKind kind, GError **error)
{
  static const struct
  {
    gnutls_pk_algorithm_t pk;
    unsigned int bits;
    const char *source;
  } kinds[] = {
    [JD_SIGN_KEY_RSA] = { GNUTLS_PK_RSA, 2048, "generated RSA 2048" },
    [JD_SIGN_KEY_EC]
    = { GNUTLS_PK_ECDSA, GNUTLS_CURVE_TO_BITS (GNUTLS_ECC_CURVE_SECP256R1), "generated EC P-256" },
    [JD_SIGN_KEY_ED25519]
    = { GNUTLS_PK_EDDSA_ED25519, GNUTLS_CURVE_TO_BITS (GNUTLS_ECC_CURVE_ED25519),
        "generated Ed25519" },
  };
  gnutls_privkey_t priv;
  JdSignKey *self;
  int ret;

  g_return_val_if_fail ((guint)kind < G_N_ELEMENTS (kinds), NULL);

  gnutls_privkey_init (&priv);
  ret = gnutls_privkey_generate2 (priv, kinds[kind].pk, kinds[kind].bits, 0, NULL, 0);
  if (ret < 0)
    {
      gnutls_privkey_deinit (priv);
      g_set_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_CRYPTO,
                   _ ("GnuTLS could not generate the key: %s"), gnutls_strerror (ret));
      return NULL;
    }
  self = _jd_sign_key_new_private (priv, kinds[kind].source, NULL, NULL, error);
  if (self == NULL)
    return NULL;
  self->generated = TRUE;
  self->kid = g_strdup (jd_key_get_thumbprint (jd_sign_key_get_public (self)));
  return self;
}

gboolean
jd_sign_key_kind_from_string (const char *text, JdSignKeyKind *kind)
{
  static const char *names[] = {
    [JD_SIGN_KEY_RSA] = "rsa",
    [JD_SIGN_KEY_EC] = "ec",
    [JD_SIGN_KEY_ED25519] = "ed25519",
  };

  for (guint i = 0; text && i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (text, names[i]) == 0)
      {
        *kind = (JdSignKeyKind)i;
        return TRUE;
      }
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Accessors                                                           */

JdKey *
jd_sign_key_get_public (JdSignKey *self)
{
  g_return_val_if_fail (JD_IS_SIGN_KEY (self), NULL);
  return jd_key_set_get_key (self->set, 0);
}

const char *
jd_sign_key_get_kty (JdSignKey *self)
{
  g_return_val_if_fail (JD_IS_SIGN_KEY (self), NULL);
  return jd_key_get_kty (jd_sign_key_get_public (self));
}

const char *
jd_sign_key_get_kid (JdSignKey *self)
{
  g_return_val_if_fail (JD_IS_SIGN_KEY (self), NULL);
  return self->kid;
}

const char *
jd_sign_key_get_source (JdSignKey *self)
{
  g_return_val_if_fail (JD_IS_SIGN_KEY (self), NULL);
  return self->source;
}

gboolean
jd_sign_key_is_generated (JdSignKey *self)
{
  g_return_val_if_fail (JD_IS_SIGN_KEY (self), FALSE);
  return self->generated;
}

char *
jd_sign_key_describe (JdSignKey *self)
{
  g_return_val_if_fail (JD_IS_SIGN_KEY (self), NULL);
  return jd_key_describe (jd_sign_key_get_public (self));
}

gnutls_privkey_t
_jd_sign_key_get_privkey (JdSignKey *self)
{
  return self->priv;
}

const guint8 *
_jd_sign_key_get_secret (JdSignKey *self, gsize *len)
{
  *len = self->secret_len;
  return self->secret;
}

/* ------------------------------------------------------------------ */
/* Algorithms                                                          */

char *
jd_sign_key_misfit (JdSignKey *self, const char *alg)
{
  const JdJwa *jwa;
  JdKey *pub;
  g_autofree char *what = NULL;

  g_return_val_if_fail (JD_IS_SIGN_KEY (self), NULL);

  jwa = jd_jwa_lookup (alg);
  if (jwa == NULL && alg && g_ascii_strcasecmp (alg, "none") == 0)
    return g_strdup_printf (_ ("alg \"%s\" means an unsigned token, which no server should accept; "
                               "JWT Doctor never makes one (RFC 8725 §3.1)"),
                            alg);
  if (jwa == NULL)
    return g_strdup_printf (_ ("\"%s\" is not a JWS algorithm JWT Doctor can sign with; use one of "
                               "HS256/384/512, RS256/384/512, PS256/384/512, ES256/384/512, EdDSA"),
                            alg ? alg : "");
  pub = jd_sign_key_get_public (self);
  what = jd_key_describe (pub);
  if (g_strcmp0 (jd_key_get_kty (pub), jwa->kty) != 0)
    return g_strdup_printf (_ ("%s cannot make %s signatures: %s needs a key of type %s "
                               "(RFC 7518 §3.1)"),
                            what, jwa->name, jwa->name, jwa->kty);
  if (jwa->crv && g_strcmp0 (jd_key_get_crv (pub), jwa->crv) != 0)
    return g_strdup_printf (_ ("%s cannot make %s signatures: %s needs curve %s (RFC 7518 §3.4)"),
                            what, jwa->name, jwa->name, jwa->crv);
  if (self->jwk_alg && g_strcmp0 (self->jwk_alg, jwa->name) != 0)
    return g_strdup_printf (_ ("the key's JWK says \"alg\": \"%s\", so a server holding it checks "
                               "%s only, not %s (RFC 7517 §4.4)"),
                            self->jwk_alg, self->jwk_alg, jwa->name);
  return jd_jwa_key_misfit (jwa, pub);
}

GStrv
jd_sign_key_list_algs (JdSignKey *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (JD_IS_SIGN_KEY (self), NULL);

  for (const char *const *alg = jd_verify_get_algorithms (); *alg; alg++)
    {
      g_autofree char *misfit = jd_sign_key_misfit (self, *alg);
      if (misfit == NULL)
        g_strv_builder_add (builder, *alg);
    }
  return g_strv_builder_end (builder);
}

static const char *
natural_alg (JdSignKey *self)
{
  static const struct
  {
    const char *kty, *crv, *alg;
  } rows[] = {
    { "RSA", NULL, "RS256" },   { "EC", "P-256", "ES256" }, { "EC", "P-384", "ES384" },
    { "EC", "P-521", "ES512" }, { "OKP", NULL, "EdDSA" },   { "oct", NULL, "HS256" },
  };
  JdKey *pub = jd_sign_key_get_public (self);

  if (self->jwk_alg)
    return self->jwk_alg;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (g_strcmp0 (rows[i].kty, jd_key_get_kty (pub)) == 0
        && (rows[i].crv == NULL || g_strcmp0 (rows[i].crv, jd_key_get_crv (pub)) == 0))
      return rows[i].alg;
  return NULL;
}

char *
jd_sign_key_choose_alg (JdSignKey *self, const char *requested, const char *header_alg,
                        GError **error)
{
  char *misfit;
  const char *natural;

  g_return_val_if_fail (JD_IS_SIGN_KEY (self), NULL);

  if (requested != NULL)
    {
      misfit = jd_sign_key_misfit (self, requested);
      if (misfit == NULL)
        return g_strdup (requested);
      g_set_error_literal (error, JD_SIGN_ERROR, JD_SIGN_ERROR_ALG, misfit);
      g_free (misfit);
      return NULL;
    }
  if (header_alg != NULL)
    {
      misfit = jd_sign_key_misfit (self, header_alg);
      g_free (misfit);
      if (misfit == NULL)
        return g_strdup (header_alg);
    }
  natural = natural_alg (self);
  misfit = natural ? jd_sign_key_misfit (self, natural) : NULL;
  if (natural != NULL && misfit == NULL)
    return g_strdup (natural);
  g_set_error_literal (error, JD_SIGN_ERROR, JD_SIGN_ERROR_ALG,
                       misfit ? misfit : _ ("no JWS algorithm fits this key"));
  g_free (misfit);
  return NULL;
}

char *
jd_sign_key_export_public_jwks (JdSignKey *self, const char *alg, GError **error)
{
  g_autoptr (JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr (JsonObject) jwks = json_object_new ();
  JsonArray *keys = json_array_new ();
  JsonObject *jwk;

  g_return_val_if_fail (JD_IS_SIGN_KEY (self), NULL);

  if (self->public_jwk == NULL)
    {
      g_set_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_KEY,
                   _ ("an HMAC secret has no public half to publish: the server needs the "
                      "secret itself"));
      json_array_unref (keys);
      return NULL;
    }
  jwk = json_object_new ();
  {
    g_autoptr (GList) names = json_object_get_members (self->public_jwk);
    for (GList *l = names; l; l = l->next)
      json_object_set_member (jwk, l->data,
                              json_node_copy (json_object_get_member (self->public_jwk, l->data)));
  }
  if (self->kid)
    json_object_set_string_member (jwk, "kid", self->kid);
  json_object_set_string_member (jwk, "use", "sig");
  if (alg)
    json_object_set_string_member (jwk, "alg", alg);
  json_array_add_object_element (keys, jwk);
  json_object_set_array_member (jwks, "keys", keys);
  json_node_set_object (root, jwks);
  return jd_json_to_string (root, TRUE);
}
