/* jd-jwa-ecdsa.c — ES256/384/512 (RFC 7518 §3.4)
 *
 * JWS carries R‖S, each exactly as long as the curve's order; GnuTLS wants
 * the DER SEQUENCE of two INTEGERs. A signature of any other length is
 * invalid (a DER signature pasted into a JWS is the usual culprit).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gnutls/crypto.h>

#include "jd-jwa.h"
#include "jd-verify.h"

/* Whether @sig is one DER SEQUENCE filling all of @sig that starts with an
 * INTEGER: the ECDSA-Sig-Value most libraries return. ES512's is longer
 * than 127 bytes, so its length comes in the long form (0x30 0x81 …). */
static gboolean
looks_like_der_signature (const guint8 *sig,
                          gsize         sig_len)
{
  gsize header, len;

  if (sig_len < 8 || sig[0] != 0x30)
    return FALSE;
  if (sig[1] < 0x80)
    {
      header = 2;
      len = sig[1];
    }
  else if (sig[1] == 0x81 && sig[2] >= 0x80)
    {
      header = 3;
      len = sig[2];
    }
  else if (sig[1] == 0x82 && sig_len >= 4 && (sig[2] << 8 | sig[3]) >= 0x100)
    {
      header = 4;
      len = (gsize) sig[2] << 8 | sig[3];
    }
  else
    return FALSE;

  return header + len == sig_len && sig[header] == 0x02;
}

static gboolean
ecdsa_verify (const JdJwa  *jwa,
              JdKey        *key,
              const guint8 *input,
              gsize         input_len,
              const guint8 *sig,
              gsize         sig_len,
              GError      **error)
{
  gsize half = jwa->hash_len == 64 ? 66 : jwa->hash_len; /* P-521: 66-byte coordinates */
  gnutls_datum_t r, s, der = { NULL, 0 };
  gboolean ok;
  int ret;

  if (sig_len != 2 * half)
    {
      if (looks_like_der_signature (sig, sig_len))
        g_set_error (error, JD_VERIFY_ERROR, JD_VERIFY_ERROR_MALFORMED_SIGNATURE,
                     _("an %s signature is R‖S, %zu bytes; this one is %zu bytes of DER — "
                       "the signer forgot to convert it (RFC 7518 §3.4)"),
                     jwa->name, 2 * half, sig_len);
      else
        g_set_error (error, JD_VERIFY_ERROR, JD_VERIFY_ERROR_MALFORMED_SIGNATURE,
                     _("an %s signature is R‖S, %zu bytes; this one is %zu"), jwa->name,
                     2 * half, sig_len);
      return FALSE;
    }

  r.data = (guint8 *) sig;
  r.size = half;
  s.data = (guint8 *) sig + half;
  s.size = half;
  ret = gnutls_encode_rs_value (&der, &r, &s);
  if (ret < 0)
    {
      g_set_error (error, JD_VERIFY_ERROR, JD_VERIFY_ERROR_MALFORMED_SIGNATURE,
                   _("R‖S could not be encoded: %s"), gnutls_strerror (ret));
      return FALSE;
    }
  ok = jd_jwa_pubkey_verify (jwa, key, jwa->param, 0, input, input_len, der.data, der.size,
                             error);
  gnutls_free (der.data);
  return ok;
}

const JdJwa jd_jwa_ecdsa[] = {
  { "ES256", "EC", "P-256", 32, GNUTLS_SIGN_ECDSA_SHA256, ecdsa_verify },
  { "ES384", "EC", "P-384", 48, GNUTLS_SIGN_ECDSA_SHA384, ecdsa_verify },
  { "ES512", "EC", "P-521", 64, GNUTLS_SIGN_ECDSA_SHA512, ecdsa_verify },
  { NULL },
};
