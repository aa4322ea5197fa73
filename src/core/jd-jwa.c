/* jd-jwa.c — the algorithm registry: find a JWS algorithm by name, say
 * whether a key's material can serve it, and the GnuTLS verification the
 * public-key families share
 *
 * The families' tables live in jd-jwa-hmac.c, jd-jwa-rsa.c, jd-jwa-ecdsa.c
 * and jd-jwa-eddsa.c; "none" is in no table, so it can never verify.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <gnutls/crypto.h>

#include "jd-jwa.h"
#include "jd-verify-error.h"

static const JdJwa *const families[] = { jd_jwa_hmac, jd_jwa_rsa, jd_jwa_ecdsa, jd_jwa_eddsa };

const JdJwa *
jd_jwa_lookup (const char *name)
{
  if (name == NULL)
    return NULL;
  for (guint f = 0; f < G_N_ELEMENTS (families); f++)
    for (const JdJwa *jwa = families[f]; jwa->name; jwa++)
      if (strcmp (jwa->name, name) == 0)
        return jwa;
  return NULL;
}

gboolean
jd_jwa_is_hmac (const JdJwa *jwa)
{
  return jwa != NULL && strcmp (jwa->kty, "oct") == 0;
}

char *
jd_jwa_key_misfit (const JdJwa *jwa, JdKey *key)
{
  const char *kty = jd_key_get_kty (key);
  const char *crv = jd_key_get_crv (key);

  if (g_strcmp0 (kty, jwa->kty) != 0)
    {
      g_autofree char *what = jd_key_describe (key);
      return g_strdup_printf (_ ("wrong type for %s: it needs a %s key, this is %s"), jwa->name,
                              jwa->kty, what);
    }
  if (jwa->crv && g_strcmp0 (crv, jwa->crv) != 0)
    return g_strdup_printf (_ ("curve %s does not fit %s, which needs %s"), crv ? crv : "?",
                            jwa->name, jwa->crv);
  if (g_str_equal (jwa->kty, "OKP") && g_strcmp0 (crv, "Ed25519") != 0
      && g_strcmp0 (crv, "Ed448") != 0)
    return g_strdup_printf (_ ("curve %s cannot make %s signatures"), crv ? crv : "?", jwa->name);
  /* An RSA key whose SubjectPublicKeyInfo says id-RSASSA-PSS (RFC 4055)
   * verifies PS* only. */
  if (g_str_has_prefix (jwa->name, "RS") && jd_key_get_pubkey (key) != NULL
      && gnutls_pubkey_get_pk_algorithm (jd_key_get_pubkey (key), NULL) == GNUTLS_PK_RSA_PSS)
    return g_strdup_printf (_ ("the key is restricted to RSASSA-PSS (its certificate or PEM says "
                               "id-RSASSA-PSS), so it verifies PS256/384/512 only, not %s"),
                            jwa->name);
  return NULL;
}

gboolean
jd_jwa_pubkey_verify (const JdJwa *jwa, JdKey *key, int sign_algo, unsigned int flags,
                      const guint8 *input, gsize input_len, const guint8 *sig, gsize sig_len,
                      GError **error)
{
  gnutls_pubkey_t pubkey = jd_key_get_pubkey (key);
  gnutls_datum_t data = { (guint8 *)input, input_len };
  gnutls_datum_t signature = { (guint8 *)sig, sig_len };
  int ret;

  g_assert (pubkey != NULL);

  ret = gnutls_pubkey_verify_data2 (pubkey, sign_algo, flags, &data, &signature);
  return jd_jwa_check_gnutls_verdict (jwa, ret, error);
}

gboolean
jd_jwa_check_gnutls_verdict (const JdJwa *jwa, int ret, GError **error)
{
  if (ret >= 0)
    return TRUE;
  if (ret == GNUTLS_E_PK_SIG_VERIFY_FAILED)
    g_set_error (error, JD_VERIFY_ERROR, JD_VERIFY_ERROR_BAD_SIGNATURE,
                 _ ("the %s signature does not match this key"), jwa->name);
  else
    g_set_error (error, JD_VERIFY_ERROR, JD_VERIFY_ERROR_BAD_SIGNATURE,
                 _ ("the %s signature does not verify: %s"), jwa->name, gnutls_strerror (ret));
  return FALSE;
}
