/* jd-sign.h — make a JWS compact token (RFC 7515 §7.1) from a header and
 * payload with a JdSignKey, and remember which tokens were made here
 *
 * Every algorithm the verifier checks also signs: HS256/384/512,
 * RS256/384/512, PS256/384/512 (salt = hash length), ES256/384/512 (R‖S,
 * fixed width), EdDSA (Ed25519). "none" is never made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "jd-sign-key.h"

G_BEGIN_DECLS

/* Signs @payload (a JSON object) under a copy of @header (a JSON object,
 * nullable) with "alg" set to jd_sign_key_choose_alg (@key, @alg, the
 * header's alg) and "kid" set to the key's kid when it has one. The
 * result is remembered as made here (jd_sign_is_made_here). */
char *jd_sign_compact (JdSignKey *key, const char *alg, JsonObject *header, JsonObject *payload,
                       GError **error);
/* Signs @header_json and @payload_json (text, each a JSON object) as
 * jd_sign_compact does; a JSON mistake is reported like the decoder's:
 * "header, byte 17: expected ':' after member name". */
char *jd_sign_compact_text (JdSignKey *key, const char *alg, const char *header_json,
                            const char *payload_json, GError **error);
/* The raw operation: the signature over @input (transfer full). */
GBytes *jd_sign_bytes (JdSignKey *key, const char *alg, gconstpointer input, gsize input_len,
                       GError **error);

/* TRUE when @token (compact, surrounding whitespace ignored) was signed by
 * jd_sign_compact in this process: "a test token signed on this
 * computer". Only a hash of each token is kept. */
gboolean jd_sign_is_made_here (const char *token);

G_END_DECLS
