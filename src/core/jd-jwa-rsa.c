/* jd-jwa-rsa.c — RS256/384/512 (RSASSA-PKCS1-v1_5, RFC 7518 §3.3) and
 * PS256/384/512 (RSASSA-PSS with MGF1 and a salt as long as the hash, §3.5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gnutls/x509.h>

#include "jd-jwa.h"

static gboolean
rsa_verify (const JdJwa  *jwa,
            JdKey        *key,
            const guint8 *input,
            gsize         input_len,
            const guint8 *sig,
            gsize         sig_len,
            GError      **error)
{
  return jd_jwa_pubkey_verify (jwa, key, jwa->param, 0, input, input_len, sig, sig_len, error);
}

static gboolean
pss_verify (const JdJwa  *jwa,
            JdKey        *key,
            const guint8 *input,
            gsize         input_len,
            const guint8 *sig,
            gsize         sig_len,
            GError      **error)
{
  /* RFC 7518 §3.5: "The size of the salt value is the same size as the
   * hash function output." */
  return jd_jwa_pubkey_verify (jwa, key, jwa->param, GNUTLS_VERIFY_RSA_PSS_FIXED_SALT_LENGTH,
                               input, input_len, sig, sig_len, error);
}

const JdJwa jd_jwa_rsa[] = {
  { "RS256", "RSA", NULL, 32, GNUTLS_SIGN_RSA_SHA256, rsa_verify },
  { "RS384", "RSA", NULL, 48, GNUTLS_SIGN_RSA_SHA384, rsa_verify },
  { "RS512", "RSA", NULL, 64, GNUTLS_SIGN_RSA_SHA512, rsa_verify },
  { "PS256", "RSA", NULL, 32, GNUTLS_SIGN_RSA_PSS_SHA256, pss_verify },
  { "PS384", "RSA", NULL, 48, GNUTLS_SIGN_RSA_PSS_SHA384, pss_verify },
  { "PS512", "RSA", NULL, 64, GNUTLS_SIGN_RSA_PSS_SHA512, pss_verify },
  { NULL },
};
