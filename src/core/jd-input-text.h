/* jd-input-text.h — the pasted text below JdInput: its limits, the
 * findings about it, and what a token looks like in it
 *
 * What the paste reader (jd-input.c), the curl parser (jd-curl-parse.c)
 * and the token-kind and server-message tables share, without any of them
 * knowing JdInput.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "jd-finding.h"

G_BEGIN_DECLS

/* A finding of the paste itself, next to JD_FINDING_DOUBLE_BEARER_PREFIX:
 * an Authorization header without a scheme, with another scheme (Basic,
 * JWT, Token), with quotes, a line break or a space inside the token. */
#define JD_FINDING_MALFORMED_AUTHORIZATION "malformed-authorization"
/* A warning finding: no Authorization header, but a token in another
 * header, a cookie or the URL (jd-input-placement.c). */
#define JD_FINDING_TOKEN_OUTSIDE_AUTHORIZATION "token-outside-authorization"
/* An error finding: the text is longer than JD_INPUT_MAX_SIZE, so none of
 * it was read (jd_input_get_error says the same). */
#define JD_FINDING_INPUT_TOO_LARGE "input-too-large"

/* Bytes of pasted text that are read at all: a token at its own limit
 * (JD_TOKEN_MAX_SIZE, 16 MiB) with a curl command or a block of headers
 * around it. A longer text is refused whole, with a message. */
#define JD_INPUT_MAX_SIZE (17 * 1024 * 1024)
/* A curl command costs many bytes per byte to read (each byte remembers
 * where it came from): one longer than JD_CURL_MAX_SIZE is refused whole,
 * and words past the first JD_CURL_MAX_WORDS are not read (a warning says
 * where reading stopped). Browsers' "Copy as cURL" writes fewer than 100. */
#define JD_CURL_MAX_SIZE (4 * 1024 * 1024)
#define JD_CURL_MAX_WORDS 10000

/* Whether @data[0, len) is, as a whole, a compact JWS (3 segments) or JWE
 * (5 segments) whose header is base64url JSON ("eyJ" is '{"'): only
 * base64url characters and dots, at least 8 bytes. The one test of a
 * token's shape, for finding a token among other text (pastes, cookies,
 * query parameters, HAR files). @data need not be NUL-terminated. */
gboolean jd_input_is_jwt_shaped (const char *data, gsize len);

/* The first JWT-shaped run of bytes in @data[from, to), not inside a longer
 * run of base64url characters, without a sentence's full stop after it:
 * TRUE and its range, or FALSE. */
gboolean jd_input_find_jwt_range (const char *data, gsize from, gsize to, gsize *start, gsize *end);
/* The same over @data[0, len). */
gboolean jd_input_find_jwt (const char *data, gsize len, gsize *start, gsize *end);

/* Appends a finding about the paste to @findings (element-type JdFinding):
 * an error ranks with a malformed token (a header the server cannot read
 * fails before any claim is looked at), anything else with the request.
 * One finding per id and message: a second one is not added. */
void jd_input_findings_add (GPtrArray *findings, const char *id, JdSeverity severity,
                            const char *message, const char *fix);

G_END_DECLS
