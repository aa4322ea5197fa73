/* jd-verify.h — choose keys like a real verifier, check the signature
 *
 * The algorithm comes from the key and the allow-list, never from the token
 * alone; "none" never verifies; MACs are compared in constant time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "jd-finding.h"
#include "jd-keys.h"
#include "jd-token.h"
#include "jd-verify-error.h"

G_BEGIN_DECLS

/* Finding ids added by the verifier (beside those in jd-finding.h). */
#define JD_FINDING_NO_USABLE_KEY "no-usable-key"

typedef enum
{
  JD_SIGNATURE_UNVERIFIED, /* no key (or no usable key) to check with */
  JD_SIGNATURE_VALID,
  JD_SIGNATURE_INVALID,
  JD_SIGNATURE_NONE, /* alg "none" / unsecured: nothing to verify, never valid */
} JdSignatureStatus;

const char *jd_signature_status_to_string (JdSignatureStatus status); /* "valid" … (JSON report) */

#define JD_TYPE_KEY_VERDICT (jd_key_verdict_get_type ())
G_DECLARE_FINAL_TYPE (JdKeyVerdict, jd_key_verdict, JD, KEY_VERDICT, GObject)

JdKey *jd_key_verdict_get_key (JdKeyVerdict *self);
gboolean jd_key_verdict_get_tried (JdKeyVerdict *self);
JdSignatureStatus jd_key_verdict_get_status (JdKeyVerdict *self);
/* In words, for the Keys table: "matches the token's kid — signature valid",
 * "kid differs", "wrong type for RS256", … (translated) */
const char *jd_key_verdict_get_reason (JdKeyVerdict *self);

#define JD_TYPE_VERIFY_RESULT (jd_verify_result_get_type ())
G_DECLARE_FINAL_TYPE (JdVerifyResult, jd_verify_result, JD, VERIFY_RESULT, GObject)

/* @keys may be NULL or empty (result: unverified, or none for alg none).
 * @allowed_algs: NULL-terminated allow-list, NULL for "every JWS algorithm
 * this program implements". */
JdVerifyResult *jd_verify (JdToken *token, JdKeySet *keys, const char *const *allowed_algs);

JdSignatureStatus jd_verify_result_get_status (JdVerifyResult *self);
const char *jd_verify_result_get_alg (JdVerifyResult *self); /* the token's, nullable */
const char *jd_verify_result_get_kid (JdVerifyResult *self); /* the token's, nullable */
JdKey *jd_verify_result_get_key (JdVerifyResult *self);      /* the key that verified, nullable */
/* @key as the Keys table shows it: "key 2 (kid \"abc\")" (its row and kid). (transfer full) */
char *jd_verify_result_dup_key_label (JdVerifyResult *self, JdKey *key);
/* TRUE when no key of the set verified but a well-known example secret,
 * tried by jd_verify() itself, does (the weak-secret finding says which). */
gboolean jd_verify_result_get_secret_found (JdVerifyResult *self);
/* One JdKeyVerdict per key of the set, in the set's order. */
GListModel *jd_verify_result_get_verdicts (JdVerifyResult *self);
/* kid-not-found, signature-valid/-invalid, key-confusion, weak-secret, …
 * (transfer none) (element-type JdFinding) */
GPtrArray *jd_verify_result_get_findings (JdVerifyResult *self);

/* Every algorithm jd_verify() can check, NULL-terminated (static). */
const char *const *jd_verify_get_algorithms (void);

/* The raw operation (used by the benchmark and tests): verify @sig over
 * @input with @key under @alg. FALSE with an error saying why for any
 * failure, including a key that does not fit the algorithm. */
gboolean jd_verify_signature (const char *alg, JdKey *key, gconstpointer input, gsize input_len,
                              gconstpointer sig, gsize sig_len, GError **error);

G_END_DECLS
