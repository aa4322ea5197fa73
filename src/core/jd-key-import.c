/* jd-key-import.c — what every key importer shares: base64 that names
 * the member, a GnuTLS public key or X.509 certificate adopted into a
 * JdKey (kty, crv, bits, thumbprint, the checks every key gets), and an
 * HMAC secret typed by the user
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <gnutls/crypto.h>

#include "jd-base64.h"
#include "jd-finding.h"
#include "jd-key-checks.h"
#include "jd-key-import.h"

/* ------------------------------------------------------------------ */
/* base64 / base64url (jd-base64.c decodes; this names the member)     */

/* The offset in @text of the @n-th byte that is not whitespace. */
static gsize
offset_with_space (const char *text, gsize len, gsize n)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (text[i]) && n-- == 0)
      return i;
  return len;
}

/* A message about a base64 error at @offset of @text. For @secret text
 * (key material) it names the position and never the byte: the message
 * may end up in a CI log. */
static void
set_b64_error (GError **error, const char *text, gsize len, JdKeyB64Mode mode, gboolean secret,
               int code, gsize offset, gsize n_symbols)
{
  g_autofree char *what = NULL;

  switch (code)
    {
      case JD_BASE64_ERROR_INVALID_LENGTH:
        g_set_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_INVALID,
                     mode == JD_KEY_B64_URL
                       ? _ ("%zu characters cannot be base64url (one too many or too few)")
                       : _ ("%zu characters cannot be base64 (one too many or too few)"),
                     n_symbols);
        return;
      case JD_BASE64_ERROR_PADDING:
        /* '=' carries no key bits: naming it tells nothing about a secret. */
        g_set_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_INVALID,
                     mode == JD_KEY_B64_URL
                       ? _ ("byte %zu: '=' padding is not allowed in base64url")
                       : _ ("byte %zu: '=' padding does not complete a group of four"),
                     offset);
        return;
      case JD_BASE64_ERROR_STANDARD_ALPHABET:
        if (secret || offset >= len)
          g_set_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_INVALID,
                       _ ("byte %zu is standard base64, not base64url (which writes '-' and '_' "
                          "for '+' and '/')"),
                       offset);
        else
          g_set_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_INVALID,
                       _ ("byte %zu: '%c' is standard base64, not base64url (use '%c')"), offset,
                       text[offset], text[offset] == '+' ? '-' : '_');
        return;
      case JD_BASE64_ERROR_TRAILING_BITS:
        g_set_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_INVALID,
                     _ ("byte %zu: the last character carries bits that no encoder writes "
                        "(not canonical base64url)"),
                     offset);
        return;
      default:
        break;
    }

  if (secret || offset >= len)
    g_set_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_INVALID,
                 mode == JD_KEY_B64_URL ? _ ("byte %zu is not a base64url character")
                                        : _ ("byte %zu is not a base64 character"),
                 offset);
  else
    {
      what = jd_describe_byte (text[offset]);
      g_set_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_INVALID,
                   mode == JD_KEY_B64_URL ? _ ("byte %zu: %s is not a base64url character")
                                          : _ ("byte %zu: %s is not a base64 character"),
                   offset, what);
    }
}

/* Decodes with jd_base64url_decode_lenient (). JD_KEY_B64_URL fails on every
 * deviation from strict base64url, as jd_base64url_decode () does; JD_KEY_B64_ANY
 * also skips whitespace. @secret: see set_b64_error (). Offsets in messages
 * are byte offsets in @text. */
GBytes *
jd_key_b64_decode (const char *text, gsize len, JdKeyB64Mode mode, gboolean secret, GError **error)
{
  g_autoptr (GError) fatal = NULL;
  g_autoptr (GError) problem = NULL;
  g_autofree char *compact = NULL;
  const char *input = text;
  gsize input_len = len;
  gsize offset = 0;
  GBytes *bytes;

  if (mode == JD_KEY_B64_ANY)
    {
      compact = g_malloc (len + 1);
      input_len = 0;
      for (gsize i = 0; i < len; i++)
        if (!g_ascii_isspace (text[i]))
          compact[input_len++] = text[i];
      input = compact;
    }

  bytes = jd_base64url_decode_lenient (input, input_len, &offset, &problem, &fatal);
  if (bytes != NULL && (mode == JD_KEY_B64_ANY || problem == NULL))
    return bytes;
  g_clear_pointer (&bytes, g_bytes_unref);

  if (mode == JD_KEY_B64_ANY)
    offset = offset_with_space (text, len, offset);
  while (input_len > 0 && input[input_len - 1] == '=')
    input_len--;
  set_b64_error (error, text, len, mode, secret, fatal ? fatal->code : problem->code, offset,
                 input_len);
  return NULL;
}

/* ------------------------------------------------------------------ */
/* A GnuTLS public key, whatever it was written in                     */

static guint
bits_of (const guint8 *data, gsize len)
{
  while (len > 0 && data[0] == 0)
    {
      data++;
      len--;
    }
  if (len == 0)
    return 0;
  return (guint)((len - 1) * 8 + g_bit_storage (data[0]));
}

/* kty, bits, thumbprint and the checks every RSA key gets. */
static void
adopt_rsa (JdKey *self, gnutls_pubkey_t pubkey)
{
  gnutls_datum_t m = { NULL, 0 }, e = { NULL, 0 };

  g_free (self->kty);
  self->kty = g_strdup ("RSA");
  if (gnutls_pubkey_export_rsa_raw2 (pubkey, &m, &e, GNUTLS_EXPORT_FLAG_NO_LZ) >= 0)
    {
      g_autofree char *n64 = jd_base64url_encode (m.data, m.size);
      g_autofree char *e64 = jd_base64url_encode (e.data, e.size);
      const char *members[] = { "e", "kty", "n", NULL };
      const char *values[] = { e64, "RSA", n64 };
      g_autofree char *bad_e = jd_key_check_rsa_exponent (e.data, e.size);
      self->bits = bits_of (m.data, m.size);
      jd_key_compute_thumbprint (self, members, values);
      /* The same check as a JWK's "e" (jwk_import_rsa): PEM, DER and
       * certificates must not let an e = 1 key through. */
      if (bad_e)
        jd_key_add_problem (self, "%s", bad_e);
      if (jd_key_check_rsa_roca (m.data, m.size))
        jd_key_add_problem (self, _ ("the RSA modulus has the ROCA fingerprint "
                                     "(CVE-2017-15361): it was made by a vulnerable "
                                     "Infineon chip and can be factored"));
      gnutls_free (m.data);
      gnutls_free (e.data);
    }
}

/* The JWS name of @curve and its coordinate size in bytes, or NULL. */
static const char *
jws_curve (gnutls_ecc_curve_t curve, guint *size)
{
  switch (curve)
    {
      case GNUTLS_ECC_CURVE_SECP256R1:
        *size = 32;
        return "P-256";
      case GNUTLS_ECC_CURVE_SECP384R1:
        *size = 48;
        return "P-384";
      case GNUTLS_ECC_CURVE_SECP521R1:
        *size = 66;
        return "P-521";
      case GNUTLS_ECC_CURVE_ED25519:
        *size = 32;
        return "Ed25519";
      case GNUTLS_ECC_CURVE_ED448:
        *size = 57;
        return "Ed448";
      default:
        return NULL;
    }
}

/* crv, bits and the thumbprint of a curve key (@x and @y as GnuTLS
 * exported them, without leading zeros). */
static void
adopt_curve_point (JdKey *self, int pk, gnutls_ecc_curve_t curve, const char *crv, guint size,
                   const gnutls_datum_t *x, const gnutls_datum_t *y)
{
  guint8 xb[66] = { 0 }, yb[66] = { 0 };
  g_autofree char *x64 = NULL;
  g_autofree char *y64 = NULL;

  g_free (self->crv);
  self->crv = g_strdup (crv);
  self->bits = curve == GNUTLS_ECC_CURVE_SECP521R1 ? 521
               : curve == GNUTLS_ECC_CURVE_ED25519 ? 255
               : curve == GNUTLS_ECC_CURVE_ED448   ? 448
                                                   : size * 8;
  if (x->size <= size)
    memcpy (xb + size - x->size, x->data, x->size);
  x64 = jd_base64url_encode (pk == GNUTLS_PK_ECDSA ? xb : x->data,
                             pk == GNUTLS_PK_ECDSA ? size : x->size);
  if (pk == GNUTLS_PK_ECDSA)
    {
      const char *members[] = { "crv", "kty", "x", "y", NULL };
      const char *values[] = { crv, "EC", x64, NULL };
      if (y->size <= size)
        memcpy (yb + size - y->size, y->data, y->size);
      y64 = jd_base64url_encode (yb, size);
      values[3] = y64;
      jd_key_compute_thumbprint (self, members, values);
    }
  else
    {
      const char *members[] = { "crv", "kty", "x", NULL };
      const char *values[] = { crv, "OKP", x64 };
      jd_key_compute_thumbprint (self, members, values);
    }
}

/* An EC or OKP key: FALSE with a problem for a curve JWS has no name for. */
static gboolean
adopt_curve (JdKey *self, gnutls_pubkey_t pubkey, int pk)
{
  gnutls_ecc_curve_t curve = GNUTLS_ECC_CURVE_INVALID;
  gnutls_datum_t x = { NULL, 0 }, y = { NULL, 0 };
  const char *crv;
  guint size = 0;

  if (gnutls_pubkey_export_ecc_raw2 (pubkey, &curve, &x, &y, GNUTLS_EXPORT_FLAG_NO_LZ) < 0)
    {
      jd_key_add_problem (self, _ ("GnuTLS could not read the key's curve point"));
      return FALSE;
    }
  crv = jws_curve (curve, &size);
  g_free (self->kty);
  self->kty = g_strdup (pk == GNUTLS_PK_ECDSA ? "EC" : "OKP");
  if (crv == NULL)
    jd_key_add_problem (self, _ ("curve %s cannot verify JWS signatures"),
                        gnutls_ecc_curve_get_name (curve));
  else
    adopt_curve_point (self, pk, curve, crv, size, &x, &y);
  gnutls_free (x.data);
  gnutls_free (y.data);
  return crv != NULL;
}

gboolean
jd_key_adopt_pubkey (JdKey *self, gnutls_pubkey_t pubkey)
{
  unsigned int bits = 0;
  int pk = gnutls_pubkey_get_pk_algorithm (pubkey, &bits);

  g_assert (self->pubkey == NULL);
  self->pubkey = pubkey;

  switch (pk)
    {
      case GNUTLS_PK_RSA:
      case GNUTLS_PK_RSA_PSS:
        adopt_rsa (self, pubkey);
        return TRUE;
      case GNUTLS_PK_ECDSA:
      case GNUTLS_PK_EDDSA_ED25519:
      case GNUTLS_PK_EDDSA_ED448:
        return adopt_curve (self, pubkey, pk);
      default:
        jd_key_add_problem (self, _ ("a %s key cannot verify JWS signatures"),
                            gnutls_pk_get_name (pk) ? gnutls_pk_get_name (pk) : "?");
        return FALSE;
    }
}

/* ------------------------------------------------------------------ */
/* Certificates                                                        */

static char *
format_time (time_t t)
{
  g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc ((gint64)t);
  return dt ? g_date_time_format (dt, "%Y-%m-%d") : g_strdup ("?");
}

char *
jd_key_describe_certificate (gnutls_x509_crt_t crt, const char *label)
{
  gnutls_datum_t dn = { NULL, 0 }, issuer = { NULL, 0 };
  time_t from = gnutls_x509_crt_get_activation_time (crt);
  time_t until = gnutls_x509_crt_get_expiration_time (crt);
  g_autofree char *from_s = format_time (from);
  g_autofree char *until_s = format_time (until);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *state;
  char *line;

  gnutls_x509_crt_get_dn3 (crt, &dn, 0);
  gnutls_x509_crt_get_issuer_dn3 (crt, &issuer, 0);
  if (now > (gint64)until)
    state = _ ("expired (reported, not enforced)");
  else if (now < (gint64)from)
    state = _ ("not yet valid (reported, not enforced)");
  else
    state = _ ("currently valid");
  line = g_strdup_printf (_ ("%s: %s, issued by %s, valid %s to %s, %s"), label,
                          dn.data ? (char *)dn.data : "?", issuer.data ? (char *)issuer.data : "?",
                          from_s, until_s, state);
  gnutls_free (dn.data);
  gnutls_free (issuer.data);
  return line;
}

void
jd_key_read_x5t (JdKey *self, gnutls_x509_crt_t crt)
{
  gnutls_datum_t der = { NULL, 0 };

  if (gnutls_x509_crt_export2 (crt, GNUTLS_X509_FMT_DER, &der) < 0)
    return;
  self->x5t = jd_key_sha_b64url (GNUTLS_DIG_SHA1, der.data, der.size);
  self->x5t_s256 = jd_key_sha_b64url (GNUTLS_DIG_SHA256, der.data, der.size);
  gnutls_free (der.data);
}

gboolean
jd_key_adopt_certificate (JdKey *self, gnutls_x509_crt_t crt)
{
  gnutls_pubkey_t pubkey;
  int ret;

  gnutls_pubkey_init (&pubkey);
  ret = gnutls_pubkey_import_x509 (pubkey, crt, 0);
  if (ret < 0)
    {
      gnutls_pubkey_deinit (pubkey);
      jd_key_add_problem (self, _ ("the certificate's public key could not be read: %s"),
                          gnutls_strerror (ret));
      return FALSE;
    }
  jd_key_read_x5t (self, crt);
  g_free (self->cert_info);
  self->cert_info = jd_key_describe_certificate (crt, _ ("certificate"));
  return jd_key_adopt_pubkey (self, pubkey);
}

/* ------------------------------------------------------------------ */
/* An HMAC secret typed by the user                                    */

/* secret, alternate_secret and secret_is_base64 of a user secret. */
static gboolean
secret_decode (JdKey *key, const char *text, gsize len, gboolean is_base64, GError **error)
{
  g_autoptr (GBytes) raw = g_bytes_new (text, len);

  if (is_base64)
    {
      g_autoptr (GError) local_error = NULL;
      g_autoptr (GBytes) decoded
        = jd_key_b64_decode (text, len, JD_KEY_B64_ANY, TRUE, &local_error);
      if (decoded == NULL)
        {
          g_set_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_INVALID,
                       _ ("the secret is not base64 or base64url: %s"), local_error->message);
          return FALSE;
        }
      if (g_bytes_get_size (decoded) == 0)
        {
          g_set_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_INVALID,
                       _ ("the secret decodes to nothing"));
          return FALSE;
        }
      key->secret = g_steal_pointer (&decoded);
      key->alternate_secret = g_steal_pointer (&raw);
      key->secret_is_base64 = TRUE;
    }
  else
    {
      key->secret = g_steal_pointer (&raw);
      /* The same text might be meant as base64 (the "text vs base64" mix-up). */
      key->alternate_secret = jd_key_b64_decode (text, len, JD_KEY_B64_ANY, TRUE, NULL);
      if (key->alternate_secret && g_bytes_get_size (key->alternate_secret) == 0)
        g_clear_pointer (&key->alternate_secret, g_bytes_unref);
    }
  return TRUE;
}

JdKey *
jd_key_new_user_secret (const char *text, gsize len, gboolean is_base64, GError **error)
{
  g_autoptr (JdKey) key = NULL;

  if (len == 0)
    {
      g_set_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_INVALID, _ ("the secret is empty"));
      return NULL;
    }

  key = jd_key_new (is_base64 ? _ ("secret (base64)") : _ ("secret"), NULL);
  key->kty = g_strdup ("oct");
  key->user_secret = TRUE;
  if (!secret_decode (key, text, len, is_base64, error))
    return NULL;
  key->bits = g_bytes_get_size (key->secret) * 8;
  {
    g_autofree char *k
      = jd_base64url_encode (g_bytes_get_data (key->secret, NULL), g_bytes_get_size (key->secret));
    const char *members[] = { "k", "kty", NULL };
    const char *values[] = { k, "oct" };
    jd_key_compute_thumbprint (key, members, values);
  }
  return g_steal_pointer (&key);
}
