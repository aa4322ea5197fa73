/* jd-near-miss.h — how a claim value or a claim name nearly matches
 *
 * When "aud" or "iss" is not what the API expects, the nearest expected
 * value is found and the difference named: letter case, whitespace or a
 * trailing newline, a trailing slash, the scheme, percent-encoding, the
 * same path on another host, another path on the same host, an array
 * written as a string; and, for a known provider, its own terms ("same
 * realm on another host", "org server instead of custom server", …).
 * Claim names that nearly match a registered one ("Exp", "aud ",
 * "expires") are a second table. One row per kind of difference.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "jd-providers.h"

G_BEGIN_DECLS

#define JD_FINDING_CLAIM_NAME_NEAR_MISS "claim-name-near-miss"

typedef struct
{
  const char *id;       /* "case", "trailing-slash", "keycloak-realm-host", … */
  const char *provider; /* NULL: any values; else a provider id prefix ("entra") */
  /* Structural rows: NULL when the row does not apply to the two values;
   * else why they differ, translated, naming the parts (transfer full).
   * Loose rows leave it NULL: normalize and say explain them together. */
  char *(*explain) (const char *got, const char *want);
  /* Loose rows only (else NULL): the value with this difference taken out.
   * Loose rows combine: "letter case and a trailing slash". */
  char *(*normalize) (const char *s);
  /* Loose rows only: the wording of the difference, for values where the
   * combination found it (the values may differ in other ways too). */
  char *(*say) (const char *got, const char *want);
} JdNearMissRow;

const JdNearMissRow *jd_near_miss_get_rows (guint *n_rows);

/* How @got (the token's value) differs from @want (what the API expects),
 * or NULL when they are not near: provider rows of @provider (nullable)
 * first, then the generic ones. Several generic differences at once are
 * all named ("letter case and a trailing slash"). @row_id (nullable)
 * receives the id of the first row that explained it.
 * Returns: (transfer full) (nullable) */
char *jd_near_miss_explain (const char *got, const char *want, const JdProvider *provider,
                            const char **row_id);

/* Like jd_near_miss_explain(), but always names the difference: when no
 * row applies, says what the two values have and have not in common (the
 * same host, another host, neither is a URL, …); *@row_id is then
 * "unrelated-urls", "url-vs-name", "common-prefix" or
 * JD_NEAR_MISS_NOTHING_IN_COMMON. Returns: (transfer full) */
#define JD_NEAR_MISS_NOTHING_IN_COMMON "nothing-in-common"
char *jd_near_miss_describe (const char *got, const char *want, const JdProvider *provider,
                             const char **row_id);

/* A claim that must be a string ("iss") written as the one-element array
 * holding exactly @want: why that fails, or NULL. Returns: (transfer full) */
char *jd_near_miss_shape (JsonNode *node, const char *want);

typedef struct
{
  const char *id; /* "case", "whitespace", "synonym" */
  /* The registered name that @name nearly is, or NULL. */
  const char *(*match) (const char *name);
  const char *reason; /* translatable, marked for gettext: why verifiers ignore it */
} JdClaimNameRow;

const JdClaimNameRow *jd_claim_name_get_rows (guint *n_rows);

/* The registered claim (RFC 7519 §4.1) that @name nearly is, or NULL when
 * @name is registered itself or not near any. @row_id (nullable) receives
 * the row id. */
const char *jd_claim_name_near_miss (const char *name, const char **row_id);

/* A warning for every claim whose name nearly matches a registered claim
 * the token lacks ("Exp" but no "exp"). */
void jd_claim_names_check (GPtrArray *findings, JsonObject *claims);

/* The expected audience found in another claim (azp, client_id, appid,
 * cid): the API is configured with the client's id, or the client asked
 * for no audience. One row per claim. */
typedef struct
{
  const char *claim;
  const char *meaning; /* translatable, marked for gettext */
} JdOtherClaimRow;

const JdOtherClaimRow *jd_near_miss_get_other_claim_rows (guint *n_rows);

/* When a claim of @other_claims holds exactly @want: says which and what
 * it means. Returns: (transfer full) (nullable) */
char *jd_near_miss_other_claim (JsonObject *claims, const char *want);

G_END_DECLS
