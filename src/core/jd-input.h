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

#include "jd-input-text.h"
#include "jd-request.h"

G_BEGIN_DECLS

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
/* Whether @self is a server's message and no token: no token was found
 * in the text (a bare "Bearer error=…" challenge counts as no token), and
 * messages were. */
gboolean jd_input_is_server_message (JdInput *self);

G_END_DECLS
