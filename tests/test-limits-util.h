/* test-limits-util.h — what test-limits and test-limits-http share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "jd-finding.h"

G_BEGIN_DECLS

#define MIB (1024 * 1024)

/* A compact HS256-looking token whose payload is @payload. (transfer full) */
char *make_token (const char *payload);
/* @n times @c. (transfer full) */
/* The finding @id in @findings, or NULL. */
JdFinding *find_finding (GPtrArray *findings, const char *id);
/* Fails the test unless @haystack holds @needle (both shown). */
void assert_contains (const char *haystack, const char *needle);

G_END_DECLS
