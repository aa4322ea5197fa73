/* jd-input.h — take what a person pastes and find the token in it
 *
 * A bare token; "Authorization: Bearer …"; "Bearer …"; "Bearer Bearer …";
 * quotes, whitespace and wrapped lines; a "Copy as cURL (bash)" command;
 * a .jwt file's content.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "jd-request.h"

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

#define JD_INPUT_ERROR (jd_input_error_quark ())
GQuark jd_input_error_quark (void);

typedef enum
{
  JD_INPUT_ERROR_TOO_LARGE, /* longer than JD_INPUT_MAX_SIZE (a curl command: JD_CURL_MAX_SIZE) */
} JdInputError;

typedef enum
{
  JD_INPUT_FORM_EMPTY,
  JD_INPUT_FORM_TOKEN,         /* a bare token (or a .jwt file's content) */
  JD_INPUT_FORM_BEARER,        /* "Bearer …" */
  JD_INPUT_FORM_AUTHORIZATION, /* "Authorization: Bearer …" */
  JD_INPUT_FORM_CURL,          /* a curl command line */
  JD_INPUT_FORM_UNKNOWN,       /* no token found; the text is passed on as is */
} JdInputForm;

#define JD_TYPE_INPUT (jd_input_get_type ())
G_DECLARE_FINAL_TYPE (JdInput, jd_input, JD, INPUT, GObject)

/* Never NULL. @text need not be NUL-terminated or valid UTF-8. */
JdInput *jd_input_parse (const char *text, gsize len);
JdInputForm jd_input_get_form (JdInput *self);
/* The compact token, cleaned of quotes, whitespace and line breaks; never
 * NULL (empty when there is none). */
const char *jd_input_get_token (JdInput *self);
/* Where the token starts and ends in the pasted text (for highlighting). */
gsize jd_input_get_token_start (JdInput *self);
gsize jd_input_get_token_end (JdInput *self);
/* For a curl command: the request it makes (method, URL, headers); also for
 * a block of request headers that starts with a request line ("GET /x
 * HTTP/2", as "Copy Request Headers" writes it). Nullable. */
JdRequest *jd_input_get_request (JdInput *self);
/* Findings about the paste itself, e.g. double-bearer-prefix (transfer none). */
GPtrArray *jd_input_get_findings (JdInput *self);
/* Why nothing of the text was read (JD_INPUT_ERROR_TOO_LARGE), or NULL.
 * The form is then JD_INPUT_FORM_UNKNOWN (JD_INPUT_FORM_CURL for a curl
 * command), the token empty and the request NULL. */
const GError *jd_input_get_error (JdInput *self);
/* The servers' error messages (jd-server-messages.h) found in the text
 * around the token, or in all of it when there is no token; never NULL.
 * (transfer none) (element-type JdServerMessageMatch) */
GPtrArray *jd_input_get_server_messages (JdInput *self);

/* Whether @data[0, len) is, as a whole, a compact JWS (3 segments) or JWE
 * (5 segments) whose header is base64url JSON ("eyJ" is '{"'): only
 * base64url characters and dots, at least 8 bytes. The one test of a
 * token's shape, for finding a token among other text (pastes, cookies,
 * query parameters, HAR files). @data need not be NUL-terminated. */
gboolean jd_input_is_jwt_shaped (const char *data, gsize len);

G_END_DECLS
