/* jd-finding.h — one entry of a diagnosis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Ordered from worst to best: sorting by severity is sorting by this value. */
typedef enum
{
  JD_SEVERITY_ERROR,
  JD_SEVERITY_WARNING,
  JD_SEVERITY_INFO,
  JD_SEVERITY_OK,
} JdSeverity;

const char *jd_severity_to_string (JdSeverity severity); /* "error", "warning", "info", "ok" */

/* Stable finding ids (DESIGN.md). More may be added; these never change meaning. */
#define JD_FINDING_MALFORMED "malformed"
#define JD_FINDING_ENCRYPTED_TOKEN "encrypted-token"
#define JD_FINDING_ALG_NONE "alg-none"
#define JD_FINDING_EXPIRED "expired"
#define JD_FINDING_NOT_YET_VALID "not-yet-valid"
#define JD_FINDING_ISSUED_IN_FUTURE "issued-in-future"
#define JD_FINDING_AUDIENCE_MISMATCH "audience-mismatch"
#define JD_FINDING_ISSUER_MISMATCH "issuer-mismatch"
#define JD_FINDING_ALGORITHM_NOT_ALLOWED "algorithm-not-allowed"
#define JD_FINDING_KID_NOT_FOUND "kid-not-found"
#define JD_FINDING_SIGNATURE_INVALID "signature-invalid"
#define JD_FINDING_SIGNATURE_VALID "signature-valid"
#define JD_FINDING_KEY_CONFUSION "key-confusion"
#define JD_FINDING_WEAK_SECRET "weak-secret"
#define JD_FINDING_DOUBLE_BEARER_PREFIX "double-bearer-prefix"
#define JD_FINDING_MISSING_WWW_AUTHENTICATE "missing-www-authenticate"
#define JD_FINDING_INSUFFICIENT_SCOPE "insufficient-scope"
#define JD_FINDING_SERVER_CLOCK_SKEW "server-clock-skew"
/* Past the limit, but the leeway lets it through (warning): the ids without
 * the suffix always mean that a server with the given leeway rejects. */
#define JD_FINDING_EXPIRED_WITHIN_LEEWAY "expired-within-leeway"
#define JD_FINDING_NOT_YET_VALID_WITHIN_LEEWAY "not-yet-valid-within-leeway"
#define JD_FINDING_ISSUED_IN_FUTURE_WITHIN_LEEWAY "issued-in-future-within-leeway"
/* Another kind of token than the API expects (ID, refresh, opaque …): jd-token-kinds.h */
#define JD_FINDING_WRONG_TOKEN_KIND "wrong-token-kind"
/* No token at all: empty, "undefined", "null", "[object Object]", "Bearer" */
#define JD_FINDING_NO_TOKEN "no-token"
/* Cut short: a signature too short for its algorithm, or a length at a proxy limit */
#define JD_FINDING_TOKEN_TRUNCATED "token-truncated"

/* Ranks follow DESIGN.md's table: 1 expired … 7 signature; 0 means "before
 * everything" (the token cannot be read at all), 8+ request/response and
 * informational findings. Findings sort by severity, then rank. */
enum
{
  JD_RANK_MALFORMED = 0,
  JD_RANK_EXPIRED = 1,
  JD_RANK_CLOCK_SKEW = 2,
  JD_RANK_AUDIENCE = 3,
  JD_RANK_ISSUER = 4,
  JD_RANK_ALGORITHM = 5,
  JD_RANK_KID = 6,
  JD_RANK_SIGNATURE = 7,
  JD_RANK_REQUEST = 8,
  JD_RANK_INFO = 9,
};

#define JD_TYPE_FINDING (jd_finding_get_type ())
G_DECLARE_FINAL_TYPE (JdFinding, jd_finding, JD, FINDING, GObject)

/* claim may be NULL (the finding is about the whole token or the request).
 * message and fix are already translated, for a person to read. */
JdFinding *jd_finding_new (const char *id, JdSeverity severity, int rank, const char *claim,
                           const char *message, const char *fix);
const char *jd_finding_get_id (JdFinding *self);
JdSeverity jd_finding_get_severity (JdFinding *self);
int jd_finding_get_rank (JdFinding *self);
const char *jd_finding_get_claim (JdFinding *self);
const char *jd_finding_get_message (JdFinding *self);
const char *jd_finding_get_fix (JdFinding *self);

/* GCompareDataFunc: severity first (error before ok), then rank, then the
 * findings that explain the others of their rank (token-truncated, no-token,
 * wrong-token-kind), then id. */
int jd_finding_compare (gconstpointer a, gconstpointer b, gpointer user_data);
/* For tests: the row of @id among the leading findings (jd_finding_n_leading()
 * when it is not one), and how many rows there are. */
guint jd_finding_leading_index (const char *id);
guint jd_finding_n_leading (void);

/* Convenience: append a new finding to @findings (a GPtrArray of JdFinding
 * with g_object_unref as free func). message and fix take printf formats
 * only through the caller; they are copied. */
void jd_findings_add (GPtrArray *findings, const char *id, JdSeverity severity, int rank,
                      const char *claim, const char *message, const char *fix);
/* Sorts @findings (a GPtrArray of JdFinding) with jd_finding_compare(); stable. */
void jd_findings_sort (GPtrArray *findings);
/* Appends a reference to every finding of @more (nullable) to @into, then sorts @into. */
void jd_findings_merge (GPtrArray *into, GPtrArray *more);
gboolean jd_findings_has (GPtrArray *findings, const char *id);
JdFinding *jd_findings_find (GPtrArray *findings, const char *id);

/* How one byte is named in a message, translated: 'a' for printable ASCII
 * ("'" for the quote itself), "a space", "a tab", "a line break", else
 * "the non-ASCII byte 0xC3" or "the control character 0x01".
 * Returns: (transfer full) */
char *jd_describe_byte (guchar c);

G_END_DECLS
