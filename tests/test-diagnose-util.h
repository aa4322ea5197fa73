/* test-diagnose-util.h — what the diagnosis tests share: a token made of a
 * header and a payload, a paste diagnosed as the CLI and the window do,
 * findings counted, dumped and checked for order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "jd-diagnosis.h"
#include "jd-token.h"
#include "test-rows.h"

G_BEGIN_DECLS

/* @header and @payload (JSON texts) base64url-encoded, with the signature
 * "signature". (transfer full) */
JdToken *token_for (const char *header, const char *payload);
/* @paste parsed as a paste and its token diagnosed against @e. (transfer full) */
GPtrArray *diagnose_paste (const char *paste, JdExpectations *e);
/* How many of @findings have the id @id. */
guint count_id (GPtrArray *findings, const char *id);
/* Each finding as a test message: id, severity and message. */
void dump (GPtrArray *findings);
/* @findings are in jd_finding_compare() order. */
void assert_sorted (GPtrArray *findings);
/* The finding @id of @findings, whose message says @needle. (transfer none) */
JdFinding *finding_saying (GPtrArray *findings, const char *id, const char *needle);

G_END_DECLS
