/* jd-client-assertion.h — the private_key_jwt client assertion (RFC 7523 §2.2, §3)
 *
 * A short-lived JWT the client signs with its own private key instead of
 * sending a client secret: iss = sub = the client id, aud = the token
 * endpoint, a random jti, iat now and exp five minutes later.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "jd-sign-key.h"

G_BEGIN_DECLS

#define JD_CLIENT_ASSERTION_LIFETIME 300 /* seconds */

/* @alg: nullable (the key's natural algorithm); @now: unix seconds.
 * Returns: (transfer full) the compact JWS, or NULL with @error set (no
 * private key, an algorithm that does not fit it, "none"). */
char *jd_client_assertion_new (JdSignKey *key, const char *alg, const char *client_id,
                               const char *token_endpoint, gint64 now, GError **error);

G_END_DECLS
