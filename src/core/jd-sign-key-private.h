/* jd-sign-key-private.h — what the signer and the key readers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gnutls/abstract.h>

#include "jd-sign-key.h"

G_BEGIN_DECLS

/* Takes ownership of @priv. @kid and @jwk_alg (nullable) come from a JWK. */
JdSignKey *_jd_sign_key_new_private (gnutls_privkey_t priv, const char *source, const char *kid,
                                     const char *jwk_alg, GError **error);
JdSignKey *_jd_sign_key_new_secret_full (gconstpointer secret, gsize len, const char *source,
                                         const char *kid, const char *jwk_alg, GError **error);
gnutls_privkey_t _jd_sign_key_get_privkey (JdSignKey *self);         /* nullable */
const guint8 *_jd_sign_key_get_secret (JdSignKey *self, gsize *len); /* nullable */

G_END_DECLS
