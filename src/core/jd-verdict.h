/* jd-verdict.h — the one verdict on a token, decided in one place
 *
 * Built from what jd_diagnose() and jd_verify() give (token, ranked
 * findings, verification, expectations). The CLI text and JSON reports,
 * the exit status, the window's banner, the Keys page summary and the
 * copied report all render a JdVerdict and re-derive nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "jd-diagnosis.h"
#include "jd-finding.h"
#include "jd-token.h"
#include "jd-verify.h"

G_BEGIN_DECLS

/* Ordered from worst to best. */
typedef enum
{
  JD_VERDICT_REJECTED,
  JD_VERDICT_ACCEPTED_WITH_WARNINGS,
  JD_VERDICT_ACCEPTED,
} JdVerdictResult;

/* "rejected", "accepted-with-warnings", "accepted" (the JSON report's words) */
const char *jd_verdict_result_to_string (JdVerdictResult result);

/* The signature's status and why. */
typedef enum
{
  JD_VERDICT_SIGNATURE_VALID,             /* a key of the set verified it */
  JD_VERDICT_SIGNATURE_INVALID,           /* a key was tried and the signature does not verify */
  JD_VERDICT_SIGNATURE_NO_KEYS,           /* not checked: no key was given */
  JD_VERDICT_SIGNATURE_NO_USABLE_KEY,     /* keys were given, none can check the token */
  JD_VERDICT_SIGNATURE_KID_NOT_FOUND,     /* the token's kid is not in the key set */
  JD_VERDICT_SIGNATURE_ALG_NOT_ALLOWED,   /* the allow-list refuses the alg before any key */
  JD_VERDICT_SIGNATURE_WELL_KNOWN_SECRET, /* no key given, a well-known secret verifies it */
  JD_VERDICT_SIGNATURE_UNSIGNED,          /* alg none: never valid */
  JD_VERDICT_SIGNATURE_ENCRYPTED,         /* a JWE: no signature an API could check */
  JD_VERDICT_SIGNATURE_UNREADABLE,        /* the token cannot be read: nothing checked */
} JdVerdictSignature;

/* "valid", "invalid", "no-keys", "no-usable-key", "kid-not-found",
 * "alg-not-allowed", "well-known-secret", "unsigned", "encrypted", "unreadable" */
const char *jd_verdict_signature_to_string (JdVerdictSignature signature);

#define JD_TYPE_VERDICT (jd_verdict_get_type ())
G_DECLARE_FINAL_TYPE (JdVerdict, jd_verdict, JD, VERDICT, GObject)

/* @findings: (element-type JdFinding) ranked, as jd_diagnose() returns them
 * (with anything merged in); referenced, not copied.
 * @verification (nullable): NULL when no key was given.
 * @expect (nullable: defaults, judged now by the clock).
 * @judged_reason (nullable): why the time claims were judged at @expect->now
 * rather than now ("when the request was sent"); NULL means now. */
JdVerdict *jd_verdict_new (JdToken *token, GPtrArray *findings, JdVerifyResult *verification,
                           const JdExpectations *expect, const char *judged_reason);

JdVerdictResult jd_verdict_get_result (JdVerdict *self);
JdToken *jd_verdict_get_token (JdVerdict *self);
JdVerifyResult *jd_verdict_get_verification (JdVerdict *self); /* nullable */
/* (transfer none) (element-type JdFinding), in rank order */
GPtrArray *jd_verdict_get_findings (JdVerdict *self);
guint jd_verdict_get_n_errors (JdVerdict *self);
guint jd_verdict_get_n_warnings (JdVerdict *self);
/* The finding the headline names (nullable: nothing wrong). */
JdFinding *jd_verdict_get_first_cause (JdVerdict *self);

/* One line: "Rejected: expired 3 hours ago", "Accepted with 1 warning: …",
 * "Accepted: no problem found". The full message and fix stay in the finding. */
const char *jd_verdict_get_headline (JdVerdict *self);

JdVerdictSignature jd_verdict_get_signature (JdVerdict *self);
/* The signature's status and why, one sentence naming the key, the kid or
 * the number of keys and the finding to read. */
const char *jd_verdict_get_signature_text (JdVerdict *self);

/* The instant the time claims were judged at (unix seconds). */
gint64 jd_verdict_get_judged_at (JdVerdict *self);
/* TRUE when that is now (the clock), FALSE when another instant. */
gboolean jd_verdict_get_judged_now (JdVerdict *self);
const char *jd_verdict_get_judged_reason (JdVerdict *self); /* nullable */
/* "Judged at 14:11:05 UTC on 28 May 2025, when the request was sent";
 * NULL when judged now. */
const char *jd_verdict_get_judged_text (JdVerdict *self);

/* The claims not checked because nothing was expected of them: "aud",
 * "iss" (NULL-terminated, maybe empty; transfer none). */
const char *const *jd_verdict_get_not_checked (JdVerdict *self);
/* Says which and where to set them; NULL when everything was checked. */
const char *jd_verdict_get_not_checked_text (JdVerdict *self);

/* The banner's second line: signature sentence, then not-checked sentence. */
char *jd_verdict_dup_detail (JdVerdict *self);

/* The short cause the headline gives for @finding ("expired 3 hours ago"),
 * judged at @now (transfer full). Exposed for the table's tests. */
char *jd_verdict_describe_cause (JdFinding *finding, JdToken *token, const JdExpectations *expect);

G_END_DECLS
