/* jd-jwa-rsa.c — RS256/384/512 (RSASSA-PKCS1-v1_5, RFC 7518 §3.3) and
 * PS256/384/512 (RSASSA-PSS with MGF1 and a salt as long as the hash, §3.5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gnutls/abstract.h>
#include <gnutls/crypto.h>
#include <gnutls/x509.h>

#include "jd-jwa.h"
#include "jd-verify.h"

/* The DER of DigestInfo up to the digest, for each hash (RFC 8017 §9.2,
 * note 1). PKCS#1 v1.5 verification encodes DigestInfo and compares the
 * whole encoded message; with these fixed prefixes the encoding needs no
 * ASN.1 library call per signature. */
static const guint8 prefix_sha256[] = { 0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
                                        0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20 };
static const guint8 prefix_sha384[] = { 0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
                                        0x65, 0x03, 0x04, 0x02, 0x02, 0x05, 0x00, 0x04, 0x30 };
static const guint8 prefix_sha512[] = { 0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
                                        0x65, 0x03, 0x04, 0x02, 0x03, 0x05, 0x00, 0x04, 0x40 };

/* RSASSA-PKCS1-v1_5: hash, prepend the DigestInfo prefix and let GnuTLS
 * (nettle's rsa_pkcs1_verify) build the expected encoded message and
 * compare it with s^e mod n. Nothing of the decrypted block is parsed, so
 * the forgeries that fool parsing verifiers (Bleichenbacher 2006) cannot
 * work; the Wycheproof PKCS#1 vectors in tests/test-wycheproof.c hold it to
 * gnutls_pubkey_verify_data2's verdicts. */
static gboolean
rsa_verify (const JdJwa *jwa, JdKey *key, const guint8 *input, gsize input_len, const guint8 *sig,
            gsize sig_len, GError **error)
{
  gnutls_pubkey_t pubkey = jd_key_get_pubkey (key);
  guint8 digest_info[19 + 64];
  gnutls_digest_algorithm_t hash;
  const guint8 *prefix;
  gnutls_datum_t data, signature = { (guint8 *)sig, sig_len };
  int ret;

  g_assert (pubkey != NULL);
  /* GNUTLS_VERIFY_USE_TLS1_RSA takes any RSA key, also one whose
   * SubjectPublicKeyInfo restricts it to RSASSA-PSS (RFC 4055 §1.2), which
   * must never verify PKCS#1 v1.5: such a key takes GnuTLS's own path, which
   * refuses it. */
  if (gnutls_pubkey_get_pk_algorithm (pubkey, NULL) != GNUTLS_PK_RSA)
    return jd_jwa_pubkey_verify (jwa, key, jwa->param, 0, input, input_len, sig, sig_len, error);
  switch (jwa->hash_len)
    {
      case 32:
        hash = GNUTLS_DIG_SHA256;
        prefix = prefix_sha256;
        break;
      case 48:
        hash = GNUTLS_DIG_SHA384;
        prefix = prefix_sha384;
        break;
      default:
        g_assert (jwa->hash_len == 64);
        hash = GNUTLS_DIG_SHA512;
        prefix = prefix_sha512;
        break;
    }
  G_STATIC_ASSERT (sizeof prefix_sha256 == 19 && sizeof prefix_sha384 == 19
                   && sizeof prefix_sha512 == 19);
  memcpy (digest_info, prefix, 19);
  if (gnutls_hash_fast (hash, input, input_len, digest_info + 19) < 0)
    return jd_jwa_pubkey_verify (jwa, key, jwa->param, 0, input, input_len, sig, sig_len, error);

  data.data = digest_info;
  data.size = 19 + jwa->hash_len;
  ret = gnutls_pubkey_verify_hash2 (pubkey, jwa->param, GNUTLS_VERIFY_USE_TLS1_RSA, &data,
                                    &signature);
  return jd_jwa_check_gnutls_verdict (jwa, ret, error);
}

static gboolean
pss_verify (const JdJwa *jwa, JdKey *key, const guint8 *input, gsize input_len, const guint8 *sig,
            gsize sig_len, GError **error)
{
  /* RFC 7518 §3.5: "The size of the salt value is the same size as the
   * hash function output." */
  return jd_jwa_pubkey_verify (jwa, key, jwa->param, GNUTLS_VERIFY_RSA_PSS_FIXED_SALT_LENGTH, input,
                               input_len, sig, sig_len, error);
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
