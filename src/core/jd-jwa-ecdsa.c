/* jd-jwa-ecdsa.c — ES256/384/512 (RFC 7518 §3.4)
 *
 * JWS carries R‖S, each exactly as long as the curve's order; GnuTLS wants
 * the DER SEQUENCE of two INTEGERs. A signature of any other length is
 * invalid (a DER signature pasted into a JWS is the usual culprit).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <gnutls/crypto.h>

#include "jd-jwa.h"
#include "jd-verify.h"

/* Whether @sig is one DER SEQUENCE filling all of @sig that starts with an
 * INTEGER: the ECDSA-Sig-Value most libraries return. ES512's is longer
 * than 127 bytes, so its length comes in the long form (0x30 0x81 …). */
static gboolean
looks_like_der_signature (const guint8 *sig, gsize sig_len)
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
      len = (gsize)sig[2] << 8 | sig[3];
    }
  else
    return FALSE;

  return header + len == sig_len && sig[header] == 0x02;
}

/* One DER INTEGER from @len big-endian bytes: leading zeros dropped (one
 * kept for zero), a zero byte added when the top bit is set. */
static gsize
encode_integer (const guint8 *bytes, gsize len, guint8 *out)
{
  gsize skip = 0, n;

  while (skip + 1 < len && bytes[skip] == 0)
    skip++;
  n = len - skip;
  out[0] = 0x02;
  if (bytes[skip] & 0x80)
    {
      out[1] = (guint8)(n + 1);
      out[2] = 0;
      memcpy (out + 3, bytes + skip, n);
      return n + 3;
    }
  out[1] = (guint8)n;
  memcpy (out + 2, bytes + skip, n);
  return n + 2;
}

/* ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER } (RFC 3279 §2.2.3)
 * from JWS R‖S, each @half bytes (at most 66, P-521). Written here rather
 * than with gnutls_encode_rs_value(), which builds it through libtasn1 for
 * every signature. */
#define DER_MAX (4 + 2 * (3 + 66))
static gsize
encode_rs (const guint8 *sig, gsize half, guint8 *der)
{
  guint8 body[2 * (3 + 66)];
  gsize body_len, header;

  g_assert (half <= 66);
  body_len = encode_integer (sig, half, body);
  body_len += encode_integer (sig + half, half, body + body_len);
  der[0] = 0x30;
  if (body_len < 0x80)
    {
      der[1] = (guint8)body_len;
      header = 2;
    }
  else
    {
      der[1] = 0x81;
      der[2] = (guint8)body_len;
      header = 3;
    }
  memcpy (der + header, body, body_len);
  return header + body_len;
}

static gboolean
ecdsa_verify (const JdJwa *jwa, JdKey *key, const guint8 *input, gsize input_len, const guint8 *sig,
              gsize sig_len, GError **error)
{
  gsize half = jwa->hash_len == 64 ? 66 : jwa->hash_len; /* P-521: 66-byte coordinates */
  guint8 der[DER_MAX];
  gsize der_len;

  if (sig_len != 2 * half)
    {
      if (looks_like_der_signature (sig, sig_len))
        g_set_error (error, JD_VERIFY_ERROR, JD_VERIFY_ERROR_MALFORMED_SIGNATURE,
                     _ ("an %s signature is R‖S, %zu bytes; this one is %zu bytes of DER — "
                        "the signer forgot to convert it (RFC 7518 §3.4)"),
                     jwa->name, 2 * half, sig_len);
      else
        g_set_error (error, JD_VERIFY_ERROR, JD_VERIFY_ERROR_MALFORMED_SIGNATURE,
                     _ ("an %s signature is R‖S, %zu bytes; this one is %zu"), jwa->name, 2 * half,
                     sig_len);
      return FALSE;
    }

  der_len = encode_rs (sig, half, der);
  return jd_jwa_pubkey_verify (jwa, key, jwa->param, 0, input, input_len, der, der_len, error);
}

const JdJwa jd_jwa_ecdsa[] = {
  { "ES256", "EC", "P-256", 32, GNUTLS_SIGN_ECDSA_SHA256, ecdsa_verify },
  { "ES384", "EC", "P-384", 48, GNUTLS_SIGN_ECDSA_SHA384, ecdsa_verify },
  { "ES512", "EC", "P-521", 64, GNUTLS_SIGN_ECDSA_SHA512, ecdsa_verify },
  { NULL },
};
