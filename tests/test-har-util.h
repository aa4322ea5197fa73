/* test-har-util.h — HAR fixtures for the HAR tests
 *
 * Shared by test-har.c, test-har-hostile.c and test-har-no-token.c.
 * Fixtures are tests/data/har-*.har. The two tokens in them are HS256 JWTs
 * for "alice": T1 (kid k1, exp 1700000000 = 2023-11-14T22:13:20Z) and T2
 * (kid k2, exp 1700003640), the refreshed one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "jd-har.h"

G_BEGIN_DECLS

#define T1_PREFIX "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImsxIn0."
#define T2_PREFIX "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImsyIn0."
#define T1_EXP 1700000000

/* tests/data/@name, loaded with the default limits; fails the test when it
 * cannot be (transfer full). */
JdHar *jd_test_har_load_fixture (const char *name);
/* tests/data/@name must not load: the error (transfer full). */
GError *jd_test_har_load_fixture_error (const char *name, const JdHarLimits *limits);
/* The entry at @position, which must exist (transfer none: the model keeps it). */
JdHarEntry *jd_test_har_entry_at (JdHar *har, guint position);
/* Problem @i, which must exist. */
const JdHarProblem *jd_test_har_problem_at (JdHar *har, guint i);

G_END_DECLS
