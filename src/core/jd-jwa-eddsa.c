/* jd-jwa-eddsa.c — EdDSA with Ed25519 or Ed448 (RFC 8037 §3.1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "jd-jwa.h"
#include "jd-verify.h"

static gboolean
eddsa_verify (const JdJwa *jwa, JdKey *key, const guint8 *input, gsize input_len, const guint8 *sig,
              gsize sig_len, GError **error)
{
  gboolean ed448 = g_strcmp0 (jd_key_get_crv (key), "Ed448") == 0;
  gsize want = ed448 ? 114 : 64;

  if (sig_len != want)
    {
      g_set_error (error, JD_VERIFY_ERROR, JD_VERIFY_ERROR_MALFORMED_SIGNATURE,
                   _ ("an %s signature is %zu bytes; this one is %zu"), ed448 ? "Ed448" : "Ed25519",
                   want, sig_len);
      return FALSE;
    }
  return jd_jwa_pubkey_verify (jwa, key,
                               ed448 ? GNUTLS_SIGN_EDDSA_ED448 : GNUTLS_SIGN_EDDSA_ED25519, 0,
                               input, input_len, sig, sig_len, error);
}

const JdJwa jd_jwa_eddsa[] = {
  { "EdDSA", "OKP", NULL, 64, GNUTLS_SIGN_EDDSA_ED25519, eddsa_verify },
  { NULL },
};
