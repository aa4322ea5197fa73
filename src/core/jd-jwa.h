/* jd-jwa.h — JWS algorithms (RFC 7518 §3, RFC 8037), one table per family
 *
 * Each family file (jd-jwa-hmac.c, jd-jwa-rsa.c, jd-jwa-ecdsa.c,
 * jd-jwa-eddsa.c) exports a NULL-terminated table; jd_jwa_lookup() finds an
 * algorithm by its exact, case-sensitive name. "none" is in no table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "jd-keys-private.h"

G_BEGIN_DECLS

typedef struct _JdJwa JdJwa;

typedef gboolean (*JdJwaVerify) (const JdJwa *jwa, JdKey *key, const guint8 *input, gsize input_len,
                                 const guint8 *sig, gsize sig_len, GError **error);

struct _JdJwa
{
  const char *name; /* "RS256" */
  const char *kty;  /* the key type it needs: "RSA", "EC", "OKP", "oct" */
  const char *crv;  /* the curve it needs (ES*), NULL for any of the family */
  guint hash_len;   /* bytes of the hash output (HMAC tag, minimum secret) */
  int param;        /* gnutls_mac_algorithm_t or gnutls_sign_algorithm_t */
  JdJwaVerify verify;
};

extern const JdJwa jd_jwa_hmac[];
extern const JdJwa jd_jwa_rsa[];
extern const JdJwa jd_jwa_ecdsa[];
extern const JdJwa jd_jwa_eddsa[];

const JdJwa *jd_jwa_lookup (const char *name);
gboolean jd_jwa_is_hmac (const JdJwa *jwa);
/* Why @key's material cannot serve @jwa at all (kty, curve), translated;
 * NULL when it fits. Policy (alg, use, size) is the verifier's business. */
char *jd_jwa_key_misfit (const JdJwa *jwa, JdKey *key);
/* The MAC check on raw secret bytes (also used for the key-confusion and
 * well-known-secret checks). Constant-time comparison. */
gboolean jd_jwa_hmac_check (const JdJwa *jwa, gconstpointer secret, gsize secret_len,
                            const guint8 *input, gsize input_len, const guint8 *sig, gsize sig_len,
                            GError **error);
/* Shared by the public-key families: GnuTLS verification of @sig. */
gboolean jd_jwa_pubkey_verify (const JdJwa *jwa, JdKey *key, int sign_algo, unsigned int flags,
                               const guint8 *input, gsize input_len, const guint8 *sig,
                               gsize sig_len, GError **error);

/* TRUE when @ret, what a GnuTLS verification returned, is success; else
 * the error says why, in the words the Keys table shows. */
gboolean jd_jwa_check_gnutls_verdict (const JdJwa *jwa, int ret, GError **error);

G_END_DECLS
