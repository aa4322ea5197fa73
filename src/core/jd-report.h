/* jd-report.h — the diagnosis as text for people and as JSON for machines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "jd-finding.h"
#include "jd-token.h"

G_BEGIN_DECLS

typedef struct _JdVerifyResult JdVerifyResult;
typedef struct _JdVerdict JdVerdict;

#define JD_TYPE_REPORT (jd_report_get_type ())
G_DECLARE_FINAL_TYPE (JdReport, jd_report, JD, REPORT, GObject)

JdReport *jd_report_new (void);
/* @source: "argument", "stdin", "file", "har:3" (DESIGN.md).
 * @verification: nullable. @findings: (element-type JdFinding), as jd_diagnose() returns.
 * Makes the verdict with default expectations (judged now): callers that
 * know the expectations use jd_report_add_verdict(). */
void jd_report_add (JdReport *self, const char *source, JdToken *token,
                    JdVerifyResult *verification, GPtrArray *findings);
/* Adds a token as its verdict says (token, verification, findings, the
 * instant judged at): every view of the report renders @verdict. */
void jd_report_add_verdict (JdReport *self, const char *source, JdVerdict *verdict);
/* Adds a line under the token just added ("GET https://… → 401"), shown in the text report. */
void jd_report_add_note (JdReport *self, const char *note);
/* The instant the token just added was judged at (e.g. a HAR entry's start),
 * used for its relative times in the text report instead of @now. */
void jd_report_set_judged_at (JdReport *self, gint64 when);
guint jd_report_get_n_tokens (JdReport *self);
/* TRUE when any token's verdict is rejected (the CLI's exit status 1). */
gboolean jd_report_has_errors (JdReport *self);

/* The JSON of DESIGN.md: {"tokens": [{"source", "header", "payload",
 * "signature": {"alg", "status", "kid"}, "findings": [...], "verdict": {...}}]}. Never holds
 * the token itself or the signature bytes. */
char *jd_report_to_json (JdReport *self, gboolean pretty);
/* For a person in a terminal; @color adds ANSI colours (the caller decides:
 * a terminal, and NO_COLOR unset). @now is for relative times. */
char *jd_report_to_text (JdReport *self, gboolean color, gint64 now);

/* For a terminal: @text (any bytes) as valid UTF-8 with every control
 * character (C0, DEL, C1) written as \u001b-style escapes, so a token, a HAR
 * file or a server cannot move the cursor, erase lines or set the clipboard.
 * Line breaks are kept when @keep_newlines. (transfer full) */
char *jd_text_escape_controls (const char *text, gboolean keep_newlines);

G_END_DECLS
