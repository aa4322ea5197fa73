/* jd-cause.h — a failing call's first cause in a few words, for a list column
 *
 * The Requests list of a HAR answers before any row is chosen: each failing
 * call shows why it failed ("expired", "insufficient_scope: orders:write",
 * "no token sent"), computed from the same findings the Token page shows.
 * The words for each finding id are one table in jd-cause.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "jd-diagnosis.h"
#include "jd-har.h"
#include "jd-www-authenticate.h"

G_BEGIN_DECLS

/* A few translated words for the first error among @findings (sorted with
 * jd_finding_compare()) that the table knows, else the first such warning:
 * "expired", "wrong audience", "invalid_token: The access token expired".
 * Where the table names a WWW-Authenticate parameter, its value in @bearer
 * (nullable: the response's Bearer challenge) follows after a colon:
 * "insufficient_scope: orders:write". NULL when nothing fits.
 * Returns: (transfer full) (nullable) */
char *jd_findings_dup_short_cause (GPtrArray *findings, const JdChallenge *bearer);

/* The first cause of @entry when it failed (401 or 403): "no token sent"
 * when it carried none, else jd_findings_dup_short_cause() of its findings
 * judged at the moment it was sent (jd_har_entry_diagnose()) with its
 * response's Bearer challenge. NULL for a call that did not fail.
 * @expect (nullable): defaults.
 * Returns: (transfer full) (nullable) */
char *jd_har_entry_dup_first_cause (JdHarEntry *entry, const JdExpectations *expect);

G_END_DECLS
