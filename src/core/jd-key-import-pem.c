/* jd-key-import-pem.c — keys written as PEM or DER: SPKI public keys,
 * PKCS#1 RSAPublicKey, X.509 certificates and unencrypted private keys
 *
 * Every PEM block becomes one key; a block that holds no public key keeps
 * its place with a problem that names its label.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "jd-key-import-pem.h"
#include "jd-key-import.h"

/* ------------------------------------------------------------------ */
/* DER structures                                                      */

/* Appends a DER @tag and the definite length @len (short form, or long
 * form in one or two bytes). */
static void
der_append_header (GByteArray *out, guint8 tag, gsize len)
{
  guint8 hdr[4];
  gsize n = 0;

  hdr[n++] = tag;
  if (len < 0x80)
    hdr[n++] = len;
  else if (len < 0x100)
    hdr[n++] = 0x81, hdr[n++] = len;
  else
    hdr[n++] = 0x82, hdr[n++] = len >> 8, hdr[n++] = len & 0xff;
  g_byte_array_append (out, hdr, n);
}

/* SPKI header for an RSA key given as PKCS#1 RSAPublicKey. */
static GBytes *
wrap_pkcs1 (GBytes *pkcs1)
{
  static const guint8 alg_id[]
    = { 0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00 };
  g_autoptr (GByteArray) bitstr = g_byte_array_new ();
  g_autoptr (GByteArray) out = g_byte_array_new ();
  gsize len = g_bytes_get_size (pkcs1);
  guint8 zero = 0;

  /* BIT STRING { 0 unused bits, RSAPublicKey } */
  der_append_header (bitstr, 0x03, len + 1);
  g_byte_array_append (bitstr, &zero, 1);
  g_byte_array_append (bitstr, g_bytes_get_data (pkcs1, NULL), len);
  der_append_header (out, 0x30, sizeof alg_id + bitstr->len);
  g_byte_array_append (out, alg_id, sizeof alg_id);
  g_byte_array_append (out, bitstr->data, bitstr->len);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static gboolean
key_import_spki_der (JdKey *key, GBytes *der)
{
  gnutls_pubkey_t pubkey;
  gnutls_datum_t d = { (guint8 *)g_bytes_get_data (der, NULL), g_bytes_get_size (der) };
  int ret;

  gnutls_pubkey_init (&pubkey);
  ret = gnutls_pubkey_import (pubkey, &d, GNUTLS_X509_FMT_DER);
  if (ret < 0)
    {
      gnutls_pubkey_deinit (pubkey);
      jd_key_add_problem (key, _ ("not a public key GnuTLS can read: %s"), gnutls_strerror (ret));
      return FALSE;
    }
  return jd_key_adopt_pubkey (key, pubkey);
}

static gboolean
key_import_private_der (JdKey *key, GBytes *der)
{
  gnutls_privkey_t priv;
  gnutls_pubkey_t pubkey;
  gnutls_datum_t d = { (guint8 *)g_bytes_get_data (der, NULL), g_bytes_get_size (der) };
  int ret;

  gnutls_privkey_init (&priv);
  ret = gnutls_privkey_import_x509_raw (priv, &d, GNUTLS_X509_FMT_DER, NULL, GNUTLS_PKCS_PLAIN);
  if (ret < 0)
    {
      gnutls_privkey_deinit (priv);
      jd_key_add_problem (key, _ ("a private key GnuTLS cannot read: %s"), gnutls_strerror (ret));
      return FALSE;
    }
  gnutls_pubkey_init (&pubkey);
  ret = gnutls_pubkey_import_privkey (pubkey, priv, 0, 0);
  gnutls_privkey_deinit (priv);
  if (ret < 0)
    {
      gnutls_pubkey_deinit (pubkey);
      jd_key_add_problem (key, _ ("no public key in this private key: %s"), gnutls_strerror (ret));
      return FALSE;
    }
  key->has_private = TRUE;
  jd_key_add_note (key, _ ("a private key: its public half verifies, and it can sign test "
                           "tokens (Edit and Re-sign); keep this file secret"));
  return jd_key_adopt_pubkey (key, pubkey);
}

static gboolean
key_import_certificate_der (JdKey *key, GBytes *der, gboolean quiet)
{
  gnutls_x509_crt_t crt;
  gnutls_datum_t d = { (guint8 *)g_bytes_get_data (der, NULL), g_bytes_get_size (der) };
  gboolean ok;
  int ret;

  gnutls_x509_crt_init (&crt);
  ret = gnutls_x509_crt_import (crt, &d, GNUTLS_X509_FMT_DER);
  if (ret < 0)
    {
      gnutls_x509_crt_deinit (crt);
      if (!quiet)
        jd_key_add_problem (key, _ ("not an X.509 certificate: %s"), gnutls_strerror (ret));
      return FALSE;
    }
  ok = jd_key_adopt_certificate (key, crt);
  gnutls_x509_crt_deinit (crt);
  return ok;
}

/* ------------------------------------------------------------------ */
/* DER                                                                 */

/* DER that is no certificate: an SPKI public key, else a PKCS#1
 * RSAPublicKey. FALSE when it is neither. */
static gboolean
der_import_public_key (JdKey *key, GBytes *der)
{
  g_autoptr (GBytes) spki = NULL;
  gnutls_pubkey_t pubkey;
  gnutls_datum_t d = { (guint8 *)g_bytes_get_data (der, NULL), g_bytes_get_size (der) };

  gnutls_pubkey_init (&pubkey);
  if (gnutls_pubkey_import (pubkey, &d, GNUTLS_X509_FMT_DER) >= 0)
    {
      jd_key_adopt_pubkey (key, pubkey);
      return TRUE;
    }
  gnutls_pubkey_deinit (pubkey);
  /* Forget what the certificate attempt said, not what the
   * PKCS#1 import finds (a ROCA modulus, say). */
  g_clear_pointer (&key->problem, g_free);
  spki = wrap_pkcs1 (der);
  return key_import_spki_der (key, spki);
}

JdKey *
jd_key_new_from_der (const char *data, gsize len, const char *source, GError **error)
{
  g_autoptr (GBytes) der = g_bytes_new (data, len);
  JdKey *key = jd_key_new (source, NULL);

  key->original = g_bytes_ref (der);
  if (!key_import_certificate_der (key, der, TRUE) && !der_import_public_key (key, der))
    {
      g_object_unref (key);
      g_set_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_FORMAT,
                   _ ("%s: binary data that is neither a DER certificate nor a DER "
                      "public key"),
                   source);
      return NULL;
    }
  return key;
}

/* ------------------------------------------------------------------ */
/* PEM                                                                 */

static JdKey *
key_from_pem_block (const char *label, const char *body, gsize body_len, GBytes *block,
                    const char *source, const char *path)
{
  JdKey *key = jd_key_new (source, path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) der = NULL;

  key->original = g_bytes_ref (block);

  /* Skip RFC 1421 headers ("Proc-Type: …") — an encrypted key has them. */
  if (strstr (label, "ENCRYPTED") || g_strstr_len (body, body_len, "Proc-Type:"))
    {
      jd_key_add_problem (key, _ ("an encrypted private key; give the public key or certificate"));
      return key;
    }

  der
    = jd_key_b64_decode (body, body_len, JD_KEY_B64_ANY, strstr (label, "PRIVATE") != NULL, &error);
  if (der == NULL)
    {
      jd_key_add_problem (key, _ ("the PEM body is not base64: %s"), error->message);
      return key;
    }

  if (g_str_equal (label, "PUBLIC KEY"))
    key_import_spki_der (key, der);
  else if (g_str_equal (label, "RSA PUBLIC KEY"))
    {
      g_autoptr (GBytes) spki = wrap_pkcs1 (der);
      key_import_spki_der (key, spki);
    }
  else if (g_str_equal (label, "CERTIFICATE") || g_str_equal (label, "X509 CERTIFICATE")
           || g_str_equal (label, "TRUSTED CERTIFICATE"))
    key_import_certificate_der (key, der, FALSE);
  else if (g_str_equal (label, "PRIVATE KEY") || g_str_equal (label, "RSA PRIVATE KEY")
           || g_str_equal (label, "EC PRIVATE KEY"))
    key_import_private_der (key, der);
  else
    jd_key_add_problem (key, _ ("a PEM \"%s\" block holds no public key"), label);
  return key;
}

/* How many "-----BEGIN " lines @data holds. */
static guint
count_pem_blocks (const char *data, gsize len)
{
  const char *p = data;
  const char *end = data + len;
  guint n = 0;

  while (p < end && (p = g_strstr_len (p, end - p, "-----BEGIN ")) != NULL)
    {
      n++;
      p += 11;
    }
  return n;
}

gboolean
jd_key_import_pem (const char *data, gsize len, const char *source, const char *path,
                   GPtrArray *keys, guint max, guint *n_unread)
{
  const char *p = data;
  const char *end = data + len;
  guint n = 0;

  while (p < end)
    {
      const char *begin = g_strstr_len (p, end - p, "-----BEGIN ");
      const char *label_end, *body, *stop, *after;
      g_autofree char *label = NULL;
      g_autofree char *end_marker = NULL;
      g_autofree char *src = NULL;
      g_autofree char *kpath = NULL;
      g_autoptr (GBytes) block = NULL;

      /* At the limit: count what is left, read none of it. */
      if (begin != NULL && n >= max)
        {
          *n_unread += count_pem_blocks (begin, end - begin);
          break;
        }
      if (begin == NULL)
        break;
      label_end = g_strstr_len (begin + 11, end - begin - 11, "-----");
      if (label_end == NULL)
        break;
      label = g_strndup (begin + 11, label_end - begin - 11);
      body = label_end + 5;
      end_marker = g_strdup_printf ("-----END %s-----", label);
      stop = g_strstr_len (body, end - body, end_marker);
      /* The label is quoted in messages: bytes that are not UTF-8 become
       * U+FFFD (such a label is no RFC 7468 label, so nothing matches it). */
      if (!g_utf8_validate (label, -1, NULL))
        {
          char *shown = g_utf8_make_valid (label, -1);
          g_free (label);
          label = shown;
        }
      n++;
      src = n > 1 || path ? g_strdup_printf ("%s #%u", source, n) : g_strdup (source);
      kpath = path ? g_strdup (path) : g_strdup_printf (_ ("PEM block %u"), n);
      if (stop == NULL)
        {
          JdKey *key = jd_key_new (src, kpath);
          jd_key_add_problem (key, _ ("\"-----BEGIN %s-----\" has no matching END line"), label);
          g_ptr_array_add (keys, key);
          break;
        }
      after = stop + strlen (end_marker);
      if (after < end && *after == '\r')
        after++;
      if (after < end && *after == '\n')
        after++;
      block = g_bytes_new (begin, after - begin);
      g_ptr_array_add (keys, key_from_pem_block (label, body, stop - body, block, src, kpath));
      p = after;
    }
  return n > 0;
}
