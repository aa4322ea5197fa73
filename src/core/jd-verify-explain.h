/* jd-verify-explain.h — what a failed key or secret comparison was close to
 *
 * The verifier (jd-verify.c) decides; this file says in words which key was
 * meant and how near a miss was: keys named as the Keys table shows them,
 * kids that differ only in case or whitespace, secrets that verify once a
 * trailing newline is dropped or once they are base64-decoded, keys kept
 * out only by their "use", "key_ops" or "alg". Near misses are tables, one
 * row per way two values can differ (RFC 8725 §3.1 on choosing keys).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "jd-jwa.h"

G_BEGIN_DECLS

/* "key 2 (kid \"abc\")" or "key 3 (no kid; RSA 2048 from key.pem)": @row
 * is the 1-based row of the Keys table, which lists the set in order. */
char *jd_verify_key_name (JdKey *key, guint row);

/* How @token_kid and @key_kid differ when they are one edit of a known
 * kind apart (letter case, whitespace, a trailing newline, quotes);
 * translated, static; NULL when they are equal or differ otherwise. */
const char *jd_verify_kid_near_miss (const char *token_kid, const char *key_kid);

/* The kid near misses of the table, for tests: row @i's name ("letter-case"),
 * NULL past the end. */
const char *jd_verify_kid_near_miss_name (guint i);

/* When @secret does not verify: the first variant of it that does ("without
 * its trailing newline", "base64url-decoded" …), translated, static; NULL
 * when none does. */
const char *jd_verify_secret_near_miss (const JdJwa *jwa, GBytes *secret, const guint8 *input,
                                        gsize input_len, const guint8 *sig, gsize sig_len);

/* The secret variants of the table, for tests: row @i's name, NULL past the
 * end; jd_verify_secret_variant() applies row @i (NULL when it does not
 * apply to @secret, or changes nothing). */
const char *jd_verify_secret_variant_name (guint i);
GBytes *jd_verify_secret_variant (guint i, GBytes *secret);

/* When no key could be used: would @key verify the signature if a
 * verifier ignored its "alg", "use" and "key_ops"? (Its type, curve and
 * size must still fit.) */
gboolean jd_verify_key_would_verify (const JdJwa *jwa, JdKey *key, const guint8 *input,
                                     gsize input_len, const guint8 *sig, gsize sig_len);

/* When a key says alg @key_alg and the token @token_alg: does the
 * signature verify under the key's own algorithm (the token's alg header
 * was changed after signing)? */
gboolean jd_verify_relabelled (JdKey *key, const char *key_alg, const guint8 *input,
                               gsize input_len, const guint8 *sig, gsize sig_len);

/* One key that could not check the token, for jd_verify_explain_unusable(). */
typedef struct
{
  JdKey *key;
  guint row;             /* 1-based, as the Keys table shows it */
  const char *reason;    /* why the verifier did not use it (the Keys table's words) */
  gboolean would_verify; /* only its alg / use / key_ops kept it out */
  gboolean relabelled;   /* the signature verifies under the key's own alg */
} JdUnusableKey;

/* The no-usable-key message: every key given, by row and kid, and why it
 * could not check an @alg token; a verifier holding exactly these keys
 * rejects the token (RFC 7515 §5.2, RFC 8725 §3.1). */
char *jd_verify_explain_unusable (const char *alg, const JdUnusableKey *keys, guint n_keys);

G_END_DECLS
