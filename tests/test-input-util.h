/* test-input-util.h — what test-input.c and test-curl.c share: a token,
 * parsing with the checks that always hold, fixtures, findings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "jd-finding.h"
#include "jd-input.h"
#include "test-rows.h"

G_BEGIN_DECLS

/* RS256 header, the article's exp (1748441531), a 256-byte signature. */
#define T                                                                                          \
  "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImsxIn0."                                           \
  "eyJpc3MiOiJodHRwczovL2xvZ2luLmV4YW1wbGUuY29tLyIsInN1YiI6InVzZXItNDIiLCJhdWQiOiJodHRwczov"       \
  "L2FwaS5leGFtcGxlLmNvbSIsImV4cCI6MTc0ODQ0MTUzMSwiaWF0IjoxNzQ4NDM3OTMxLCJzY29wZSI6InJlYWQ6"       \
  "aXRlbXMifQ."                                                                                    \
  "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0-P0BB"       \
  "QkNERUZHSElKS0xNTk9QUVJTVFVWV1hZWltcXV5fYGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6e3x9fn-AgYKD"       \
  "hIWGh4iJiouMjY6PkJGSk5SVlpeYmZqbnJ2en6ChoqOkpaanqKmqq6ytrq-wsbKztLW2t7i5uru8vb6_wMHCw8TF"       \
  "xsfIycrLzM3Oz9DR0tPU1dbX2Nna29zd3t_g4eLj5OXm5-jp6uvs7e7v8PHy8_T19vf4-fr7_P3-_w"

/* Parses exactly @len bytes from a buffer of exactly that size (so the
 * address sanitizer sees any read past it) and checks what must always
 * hold. (transfer full) */
JdInput *jd_test_parse (const char *text, gsize len);
JdInput *jd_test_parse_str (const char *text);
/* tests/data/@name's bytes; *@len (nullable) their number. (transfer full) */
char *jd_test_load (const char *name, gsize *len);
/* The token is T, and the paste holds it literally where the offsets say. */
void jd_test_assert_token_at (JdInput *input, const char *text, gsize len);
/* The body is @expected (NULL: there is none). */
void jd_test_assert_body (JdRequest *request, const char *expected);
guint jd_test_count_findings (JdInput *input, const char *id);
/* The finding @id, of @severity, with a message and a fix. (transfer none) */
JdFinding *jd_test_the_finding (JdInput *input, const char *id, JdSeverity severity);

G_END_DECLS
