/* jd-jwa-hmac.c — HS256, HS384, HS512 (RFC 7518 §3.2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gnutls/crypto.h>

#include "jd-jwa.h"
#include "jd-verify.h"

gboolean
jd_jwa_hmac_check (const JdJwa *jwa, gconstpointer secret, gsize secret_len, const guint8 *input,
                   gsize input_len, const guint8 *sig, gsize sig_len, GError **error)
{
  guint8 mac[64];
  int ret;

  g_assert (jwa->hash_len <= sizeof mac);

  if (sig_len != jwa->hash_len)
    {
      g_set_error (error, JD_VERIFY_ERROR, JD_VERIFY_ERROR_MALFORMED_SIGNATURE,
                   _ ("an %s MAC is %u bytes, this one is %zu"), jwa->name, jwa->hash_len, sig_len);
      return FALSE;
    }
  ret = gnutls_hmac_fast (jwa->param, secret, secret_len, input, input_len, mac);
  if (ret < 0)
    {
      g_set_error (error, JD_VERIFY_ERROR, JD_VERIFY_ERROR_BAD_SIGNATURE,
                   _ ("GnuTLS could not compute the MAC: %s"), gnutls_strerror (ret));
      return FALSE;
    }
  /* Constant time: how much of the MAC matched must not leak. */
  ret = gnutls_memcmp (mac, sig, sig_len);
  gnutls_memset (mac, 0, sizeof mac);
  if (ret != 0)
    {
      g_set_error (error, JD_VERIFY_ERROR, JD_VERIFY_ERROR_BAD_SIGNATURE,
                   _ ("the %s MAC does not match this secret"), jwa->name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
hmac_verify (const JdJwa *jwa, JdKey *key, const guint8 *input, gsize input_len, const guint8 *sig,
             gsize sig_len, GError **error)
{
  GBytes *secret = jd_key_get_secret (key);

  g_assert (secret != NULL);
  return jd_jwa_hmac_check (jwa, g_bytes_get_data (secret, NULL), g_bytes_get_size (secret), input,
                            input_len, sig, sig_len, error);
}

const JdJwa jd_jwa_hmac[] = {
  { "HS256", "oct", NULL, 32, GNUTLS_MAC_SHA256, hmac_verify },
  { "HS384", "oct", NULL, 48, GNUTLS_MAC_SHA384, hmac_verify },
  { "HS512", "oct", NULL, 64, GNUTLS_MAC_SHA512, hmac_verify },
  { NULL },
};
