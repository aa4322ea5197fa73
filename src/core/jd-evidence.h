/* jd-evidence.h — evidence beyond the claims: truncation, local-time clocks, typ at+jwt
 *
 * What the token's shape and numbers say besides what its claims state:
 *  - token-truncated: a signature shorter than its algorithm (and key)
 *    make, or a token / Authorization line exactly as long as a typical
 *    proxy or header limit (4096, 8190, 8192, 16384 bytes);
 *  - clock-local-time: "iat" off from now by a time zone's offset (whole,
 *    half or quarter hours, up to 14 h) while exp − iat is sane — the
 *    issuer wrote local time instead of UTC;
 *  - typ-at-jwt: an RFC 9068 access token, which some older verifiers
 *    that insist on typ "JWT" reject.
 * Each is a table, one row per rule.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "jd-expectations.h"
#include "jd-token.h"
#include "jd-verify.h"

G_BEGIN_DECLS

#define JD_FINDING_CLOCK_LOCAL_TIME "clock-local-time"
#define JD_FINDING_TYP_AT_JWT "typ-at-jwt"

/* One JWS algorithm's signature size in bytes; 0 for RSA (the key's). */
typedef struct
{
  const char *alg;
  guint bytes;
} JdSignatureSize;

/* A length at which headers are typically cut, and who cuts there. */
typedef struct
{
  gsize limit;
  const char *who; /* translatable */
} JdHeaderLimit;

/* What the counted bytes hold: the token alone, with "Bearer ", or the
 * whole "Authorization: Bearer …" line. */
typedef struct
{
  gsize extra;
  const char *what; /* translatable */
} JdLineForm;

const JdSignatureSize *jd_evidence_signature_sizes (guint *n_rows);
const JdHeaderLimit *jd_evidence_header_limits (guint *n_rows);
const JdLineForm *jd_evidence_line_forms (guint *n_rows);
/* Real UTC offsets, in minutes (−720 … +840). */
const int *jd_evidence_utc_offsets (guint *n_rows);

/* The base64url length of a @bytes-byte signature (no padding). */
gsize jd_evidence_base64url_length (gsize bytes);

/* Adds token-truncated, clock-local-time and typ-at-jwt findings to @out.
 * @verification (nullable) tells the RSA key's size when a key was given. */
void jd_evidence_check (GPtrArray *out, JdToken *token, const JdExpectations *expect,
                        JdVerifyResult *verification);

G_END_DECLS
