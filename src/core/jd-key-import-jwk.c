/* jd-key-import-jwk.c — one JWK (RFC 7517, RFC 7518 §6, RFC 8037) into a
 * JdKey: a table of key types looked up by "kty", as latchset/jose does,
 * and the x5c certificate chain
 *
 * Every problem names the member ("\"crv\" X25519 is for key agreement"),
 * and the key keeps its place in its set with it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "jd-key-checks.h"
#include "jd-key-import-jwk.h"
#include "jd-key-import.h"

/* ------------------------------------------------------------------ */
/* Members                                                             */

static const char *
get_string_member (JsonObject *obj, const char *name, JdKey *key, gboolean *ok)
{
  JsonNode *node = json_object_get_member (obj, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      jd_key_add_problem (key, _ ("\"%s\" must be a string"), name);
      *ok = FALSE;
      return NULL;
    }
  return json_node_get_string (node);
}

/* Members that hold secret key material (RFC 7518 §6.2.2, §6.3.2, §6.4.1). */
static gboolean
is_secret_member (const char *name)
{
  static const char *const members[] = { "k", "d", "p", "q", "dp", "dq", "qi" };

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    if (g_str_equal (name, members[i]))
      return TRUE;
  return FALSE;
}

/* Decodes a required base64url member. NULL with the key's problem set. */
static GBytes *
decode_member (JdKey *key, JsonObject *jwk, const char *name, gboolean required)
{
  g_autoptr (GError) error = NULL;
  gboolean ok = TRUE;
  const char *text = get_string_member (jwk, name, key, &ok);
  GBytes *bytes;

  if (!ok)
    return NULL;
  if (text == NULL)
    {
      if (required)
        jd_key_add_problem (key, _ ("a %s key needs a \"%s\" member"), key->kty, name);
      return NULL;
    }
  /* A secret key's members are not repeated in messages, not even a byte. */
  bytes = jd_key_b64_decode (text, strlen (text), JD_KEY_B64_URL, is_secret_member (name), &error);
  if (bytes == NULL)
    {
      jd_key_add_problem (key, _ ("\"%s\" is not base64url: %s"), name, error->message);
      return NULL;
    }
  if (g_bytes_get_size (bytes) == 0)
    {
      jd_key_add_problem (key, _ ("\"%s\" is empty"), name);
      g_bytes_unref (bytes);
      return NULL;
    }
  return bytes;
}

/* ------------------------------------------------------------------ */
/* One table entry per key type                                        */

typedef gboolean (*JdJwkImport) (JdKey *key, JsonObject *jwk);

static gboolean
jwk_import_rsa (JdKey *key, JsonObject *jwk)
{
  static const char *private_members[] = { "d", "p", "q", "dp", "dq", "qi", "oth" };
  g_autoptr (GBytes) n = NULL;
  g_autoptr (GBytes) e = NULL;
  gnutls_datum_t nd, ed;
  gnutls_pubkey_t pubkey;
  const guint8 *ep;
  gsize elen;
  int ret;

  for (guint i = 0; i < G_N_ELEMENTS (private_members); i++)
    if (json_object_has_member (jwk, private_members[i]))
      key->has_private = TRUE;

  if (!(n = decode_member (key, jwk, "n", TRUE)) || !(e = decode_member (key, jwk, "e", TRUE)))
    return FALSE;

  nd.data = (guint8 *)g_bytes_get_data (n, NULL);
  nd.size = g_bytes_get_size (n);
  ed.data = (guint8 *)g_bytes_get_data (e, &elen);
  ed.size = elen;
  ep = ed.data;

  if (nd.data[0] == 0)
    jd_key_add_note (key, _ ("\"n\" starts with a zero byte, which RFC 7518 §6.3.1.1 forbids; "
                             "accepted, but strict libraries refuse this key"));
  {
    g_autofree char *bad_e = jd_key_check_rsa_exponent (ep, elen);
    if (bad_e)
      {
        jd_key_add_problem (key, "%s", bad_e);
        return FALSE;
      }
  }
  if ((nd.data[nd.size - 1] & 1) == 0)
    {
      jd_key_add_problem (key, _ ("\"n\" is even, so it is not an RSA modulus"));
      return FALSE;
    }

  gnutls_pubkey_init (&pubkey);
  ret = gnutls_pubkey_import_rsa_raw (pubkey, &nd, &ed);
  if (ret < 0)
    {
      gnutls_pubkey_deinit (pubkey);
      jd_key_add_problem (key, _ ("GnuTLS refused the RSA numbers: %s"), gnutls_strerror (ret));
      return FALSE;
    }
  jd_key_adopt_pubkey (key, pubkey);
  return TRUE;
}

static const struct
{
  const char *crv;
  gnutls_ecc_curve_t curve;
  guint size;
  gboolean okp;
  gboolean signs;
} curves[] = {
  { "P-256", GNUTLS_ECC_CURVE_SECP256R1, 32, FALSE, TRUE },
  { "P-384", GNUTLS_ECC_CURVE_SECP384R1, 48, FALSE, TRUE },
  { "P-521", GNUTLS_ECC_CURVE_SECP521R1, 66, FALSE, TRUE },
  { "Ed25519", GNUTLS_ECC_CURVE_ED25519, 32, TRUE, TRUE },
  { "Ed448", GNUTLS_ECC_CURVE_ED448, 57, TRUE, TRUE },
  { "X25519", GNUTLS_ECC_CURVE_X25519, 32, TRUE, FALSE },
  { "X448", GNUTLS_ECC_CURVE_X448, 56, TRUE, FALSE },
};

/* The row of "crv" @crv for a key of kty EC (or OKP when @okp) that
 * signs; -1 with the key's problem set. */
static int
jwk_find_curve (JdKey *key, const char *crv, gboolean okp)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (curves); i++)
    if (g_str_equal (curves[i].crv, crv))
      break;
  if (i == G_N_ELEMENTS (curves))
    {
      if (g_str_equal (crv, "secp256k1"))
        jd_key_add_problem (key, _ ("\"crv\" secp256k1 (ES256K) is not supported"));
      else
        jd_key_add_problem (key,
                            okp ? _ ("\"crv\" %s is not Ed25519 or Ed448")
                                : _ ("\"crv\" %s is not P-256, P-384 or P-521"),
                            crv);
      return -1;
    }
  if (curves[i].okp != okp)
    {
      jd_key_add_problem (key, _ ("\"crv\" %s belongs to kty \"%s\", not \"%s\""), crv,
                          curves[i].okp ? "OKP" : "EC", key->kty);
      return -1;
    }
  if (!curves[i].signs)
    {
      jd_key_add_problem (key,
                          _ ("\"crv\" %s is for key agreement (ECDH-ES); it cannot verify "
                             "signatures"),
                          crv);
      return -1;
    }
  return (int)i;
}

static gboolean
jwk_import_curve (JdKey *key, JsonObject *jwk, gboolean okp)
{
  g_autoptr (GBytes) x = NULL;
  g_autoptr (GBytes) y = NULL;
  gnutls_datum_t xd, yd;
  gnutls_pubkey_t pubkey;
  gboolean ok = TRUE;
  const char *crv;
  int i;
  int ret;

  if (json_object_has_member (jwk, "d"))
    key->has_private = TRUE;

  crv = get_string_member (jwk, "crv", key, &ok);
  if (!ok)
    return FALSE;
  if (crv == NULL)
    {
      jd_key_add_problem (key, _ ("a %s key needs a \"crv\" member"), key->kty);
      return FALSE;
    }
  key->crv = g_strdup (crv);
  if ((i = jwk_find_curve (key, crv, okp)) < 0)
    return FALSE;

  if (!(x = decode_member (key, jwk, "x", TRUE)))
    return FALSE;
  if (g_bytes_get_size (x) != curves[i].size)
    {
      jd_key_add_problem (key, _ ("\"crv\" %s needs a %u-byte \"x\", got %zu"), crv, curves[i].size,
                          g_bytes_get_size (x));
      return FALSE;
    }
  if (!okp)
    {
      if (!(y = decode_member (key, jwk, "y", TRUE)))
        return FALSE;
      if (g_bytes_get_size (y) != curves[i].size)
        {
          jd_key_add_problem (key, _ ("\"crv\" %s needs a %u-byte \"y\", got %zu"), crv,
                              curves[i].size, g_bytes_get_size (y));
          return FALSE;
        }
    }

  xd.data = (guint8 *)g_bytes_get_data (x, NULL);
  xd.size = g_bytes_get_size (x);
  gnutls_pubkey_init (&pubkey);
  if (y)
    {
      yd.data = (guint8 *)g_bytes_get_data (y, NULL);
      yd.size = g_bytes_get_size (y);
    }
  ret = gnutls_pubkey_import_ecc_raw (pubkey, curves[i].curve, &xd, y ? &yd : NULL);
  if (ret >= 0 && !okp)
    ret = gnutls_pubkey_verify_params (pubkey);
  if (ret < 0)
    {
      gnutls_pubkey_deinit (pubkey);
      jd_key_add_problem (key,
                          okp ? _ ("\"x\" is not a valid %s public key: %s")
                              : _ ("(\"x\", \"y\") is not a point on %s: %s"),
                          crv, gnutls_strerror (ret));
      return FALSE;
    }
  jd_key_adopt_pubkey (key, pubkey);
  return TRUE;
}

static gboolean
jwk_import_ec (JdKey *key, JsonObject *jwk)
{
  return jwk_import_curve (key, jwk, FALSE);
}

static gboolean
jwk_import_okp (JdKey *key, JsonObject *jwk)
{
  return jwk_import_curve (key, jwk, TRUE);
}

static gboolean
jwk_import_oct (JdKey *key, JsonObject *jwk)
{
  g_autoptr (GBytes) k = NULL;

  /* An oct key is a secret: publishing it is publishing the key. */
  key->has_private = TRUE;
  if (!(k = decode_member (key, jwk, "k", TRUE)))
    return FALSE;
  key->secret = g_steal_pointer (&k);
  key->bits = g_bytes_get_size (key->secret) * 8;
  {
    const char *members[] = { "k", "kty", NULL };
    gboolean ok = TRUE;
    const char *values[] = { get_string_member (jwk, "k", key, &ok), "oct" };
    /* decode_member () above has read "k" as a string. */
    g_assert (ok && values[0] != NULL);
    jd_key_compute_thumbprint (key, members, values);
  }
  return TRUE;
}

static const struct
{
  const char *kty;
  JdJwkImport import;
} jwk_types[] = {
  { "RSA", jwk_import_rsa },
  { "EC", jwk_import_ec },
  { "OKP", jwk_import_okp },
  { "oct", jwk_import_oct },
};

/* ------------------------------------------------------------------ */
/* x5c: the key's certificate chain                                    */

/* The element @label of "x5c" as a certificate, or NULL with the key's problem set. */
static gnutls_x509_crt_t
x5c_read_certificate (JdKey *key, JsonNode *elem, const char *label)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) der = NULL;
  gnutls_x509_crt_t crt;
  gnutls_datum_t d;
  int ret;

  if (!JSON_NODE_HOLDS_VALUE (elem) || json_node_get_value_type (elem) != G_TYPE_STRING)
    {
      jd_key_add_problem (key, _ ("\"%s\" must be a string"), label);
      return NULL;
    }
  /* x5c is standard base64 (RFC 7517 §4.7), not base64url. */
  der = jd_key_b64_decode (json_node_get_string (elem), strlen (json_node_get_string (elem)),
                           JD_KEY_B64_ANY, FALSE, &error);
  if (der == NULL)
    {
      jd_key_add_problem (key, _ ("\"%s\" is not base64: %s"), label, error->message);
      return NULL;
    }
  gnutls_x509_crt_init (&crt);
  d.data = (guint8 *)g_bytes_get_data (der, NULL);
  d.size = g_bytes_get_size (der);
  ret = gnutls_x509_crt_import (crt, &d, GNUTLS_X509_FMT_DER);
  if (ret < 0)
    {
      gnutls_x509_crt_deinit (crt);
      jd_key_add_problem (key, _ ("\"%s\" is not an X.509 certificate: %s"), label,
                          gnutls_strerror (ret));
      return NULL;
    }
  return crt;
}

/* Reads the chain up to its first bad element and describes what it read
 * in the key's certificate info. The leaf x5c[0] (to deinit), or NULL. */
static gnutls_x509_crt_t
x5c_read_chain (JdKey *key, JsonArray *array)
{
  g_autoptr (GString) info = g_string_new (NULL);
  gnutls_x509_crt_t leaf = NULL;
  guint n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = g_strdup_printf ("x5c[%u]", i);
      g_autofree char *line = NULL;
      gnutls_x509_crt_t crt = x5c_read_certificate (key, json_array_get_element (array, i), label);

      if (crt == NULL)
        break;
      line = jd_key_describe_certificate (crt, label);
      if (info->len)
        g_string_append_c (info, '\n');
      g_string_append (info, line);
      if (i == 0)
        leaf = crt;
      else
        gnutls_x509_crt_deinit (crt);
    }

  if (info->len)
    {
      g_free (key->cert_info);
      key->cert_info = g_string_free (g_steal_pointer (&info), FALSE);
    }
  return leaf;
}

/* "x5t" and "x5t#S256", when given, are the leaf's. */
static void
x5c_check_thumbprints (JdKey *key, JsonObject *jwk)
{
  gboolean ok = TRUE;
  const char *x5t = get_string_member (jwk, "x5t", key, &ok);
  const char *x5t256 = get_string_member (jwk, "x5t#S256", key, &ok);

  if (x5t && g_strcmp0 (x5t, key->x5t) != 0)
    jd_key_add_note (key, _ ("\"x5t\" does not match x5c[0]"));
  if (x5t256 && g_strcmp0 (x5t256, key->x5t_s256) != 0)
    jd_key_add_note (key, _ ("\"x5t#S256\" does not match x5c[0]"));
}

/* Only a certificate chain: the leaf's key is the key. */
static void
x5c_adopt_leaf_key (JdKey *key, gnutls_x509_crt_t leaf)
{
  gnutls_pubkey_t pubkey;

  gnutls_pubkey_init (&pubkey);
  if (gnutls_pubkey_import_x509 (pubkey, leaf, 0) >= 0)
    {
      jd_key_adopt_pubkey (key, pubkey);
      /* RFC 7517 §4.7 allows it; not every verifier reads x5c. */
      jd_key_add_note (key, _ ("no \"n\"/\"e\" or \"x\"/\"y\": the key is the one in the "
                               "certificate x5c[0]. Verifiers that read only the key members "
                               "(many JWKS clients do) cannot use this key"));
    }
  else
    gnutls_pubkey_deinit (pubkey);
}

/* The JWK's own members and its leaf certificate must hold the same key. */
static void
x5c_compare_leaf_key (JdKey *key, gnutls_x509_crt_t leaf)
{
  gnutls_pubkey_t pubkey;
  gnutls_datum_t a = { NULL, 0 }, b = { NULL, 0 };

  gnutls_pubkey_init (&pubkey);
  if (gnutls_pubkey_import_x509 (pubkey, leaf, 0) >= 0
      && gnutls_pubkey_export2 (pubkey, GNUTLS_X509_FMT_DER, &a) >= 0
      && gnutls_pubkey_export2 (key->pubkey, GNUTLS_X509_FMT_DER, &b) >= 0
      && (a.size != b.size || memcmp (a.data, b.data, a.size) != 0))
    jd_key_add_problem (key, _ ("the key in x5c[0] differs from the JWK's own members"));
  gnutls_free (a.data);
  gnutls_free (b.data);
  gnutls_pubkey_deinit (pubkey);
}

static void
jwk_import_x5c (JdKey *key, JsonObject *jwk)
{
  JsonNode *node = json_object_get_member (jwk, "x5c");
  gnutls_x509_crt_t leaf;

  if (node == NULL)
    return;
  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) == 0)
    {
      jd_key_add_problem (key, _ ("\"x5c\" must be a non-empty array of base64 certificates"));
      return;
    }
  leaf = x5c_read_chain (key, json_node_get_array (node));
  if (leaf == NULL)
    return;

  jd_key_read_x5t (key, leaf);
  x5c_check_thumbprints (key, jwk);
  if (key->pubkey == NULL && key->problem == NULL)
    x5c_adopt_leaf_key (key, leaf);
  else if (key->pubkey)
    x5c_compare_leaf_key (key, leaf);
  gnutls_x509_crt_deinit (leaf);
}

/* ------------------------------------------------------------------ */
/* One JWK                                                             */

/* "key_ops": its strings (other elements are skipped), or a problem. */
static void
jwk_read_key_ops (JdKey *key, JsonObject *jwk)
{
  JsonNode *ops = json_object_get_member (jwk, "key_ops");

  if (ops && JSON_NODE_HOLDS_ARRAY (ops))
    {
      JsonArray *array = json_node_get_array (ops);
      GStrvBuilder *b = g_strv_builder_new ();
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *op = json_array_get_element (array, i);
          if (JSON_NODE_HOLDS_VALUE (op) && json_node_get_value_type (op) == G_TYPE_STRING)
            g_strv_builder_add (b, json_node_get_string (op));
        }
      key->key_ops = g_strv_builder_end (b);
      g_strv_builder_unref (b);
    }
  else if (ops && !JSON_NODE_HOLDS_NULL (ops))
    jd_key_add_problem (key, _ ("\"key_ops\" must be an array of strings"));
}

/* The key type's own members, then its x5c chain; a problem for a "kty"
 * that is none of the table's. */
static void
jwk_import_kty (JdKey *key, JsonObject *jwk, const char *kty)
{
  for (guint i = 0; i < G_N_ELEMENTS (jwk_types); i++)
    if (g_str_equal (jwk_types[i].kty, kty))
      {
        /* RSA and EC keys may come as an x5c chain alone. */
        gboolean members = json_object_has_member (jwk, "n") || json_object_has_member (jwk, "x")
                           || json_object_has_member (jwk, "k")
                           || !json_object_has_member (jwk, "x5c");
        if (members)
          jwk_types[i].import (key, jwk);
        jwk_import_x5c (key, jwk);
        return;
      }

  if (g_ascii_strcasecmp (kty, "rsa") == 0 || g_ascii_strcasecmp (kty, "ec") == 0
      || g_ascii_strcasecmp (kty, "okp") == 0 || g_ascii_strcasecmp (kty, "oct") == 0)
    jd_key_add_problem (key, _ ("\"kty\" \"%s\" has the wrong case (kty is case-sensitive)"), kty);
  else
    jd_key_add_problem (key, _ ("\"kty\" \"%s\" is not RSA, EC, OKP or oct"), kty);
}

JdKey *
jd_key_new_from_jwk (JsonNode *node, const char *source, const char *path)
{
  JdKey *key = jd_key_new (source, path);
  g_autoptr (JsonGenerator) gen = NULL;
  JsonObject *jwk;
  gboolean ok = TRUE;
  const char *kty;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      jd_key_add_problem (key, _ ("a JWK must be a JSON object"));
      return key;
    }
  jwk = json_node_get_object (node);

  gen = json_generator_new ();
  json_generator_set_root (gen, node);
  key->jwk_json = json_generator_to_data (gen, NULL);

  key->kid = g_strdup (get_string_member (jwk, "kid", key, &ok));
  key->alg = g_strdup (get_string_member (jwk, "alg", key, &ok));
  key->use = g_strdup (get_string_member (jwk, "use", key, &ok));
  kty = get_string_member (jwk, "kty", key, &ok);
  key->kty = g_strdup (kty);
  jwk_read_key_ops (key, jwk);

  if (!ok)
    return key;
  if (kty == NULL)
    {
      jd_key_add_problem (key, _ ("no \"kty\" member: the key type is unknown"));
      return key;
    }
  jwk_import_kty (key, jwk, kty);
  return key;
}
