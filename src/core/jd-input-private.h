/* jd-input-private.h — what the files of JdInput share
 *
 * jd-input.c reads the paste; jd-input-authorization.c an Authorization
 * value, jd-token-response.c a token endpoint's response and
 * jd-input-token-list.c tokens side by side. The curl parser
 * (jd-curl-parse.h) and the placement of a token outside Authorization
 * (jd-input-placement.h) know nothing of JdInput.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "jd-curl-split.h" /* jd_curl_split_words(), for tests */
#include "jd-finding.h"
#include "jd-input.h"
#include "jd-input-placement.h"
#include "jd-input-span.h"

G_BEGIN_DECLS

struct _JdInput
{
  GObject parent_instance;

  JdInputForm form;
  char *token;
  gsize token_start;
  gsize token_end;
  JdRequest *request;
  GPtrArray *findings; /* (element-type JdFinding) */
  GError *error;
  GPtrArray *server_messages; /* (element-type JdServerMessageMatch) */
};

/* jd-token-response.c: @text[from, to) is a token endpoint's JSON
 * response with an access_token: takes that token, names the others in an
 * info finding (JD_FINDING_TOKEN_RESPONSE) and returns TRUE. FALSE (and
 * @self untouched) for any other text. */
#define JD_FINDING_TOKEN_RESPONSE "token-response"
gboolean jd_input_parse_token_response (JdInput *self, const char *text, gsize from, gsize to);

/* jd-input-authorization.c: @value is everything after "Authorization:"
 * (or the whole "Bearer …"): findings about it, and the token in it. */
typedef enum
{
  JD_INPUT_CONTEXT_PASTE, /* a header line or "Bearer …" pasted on its own */
  JD_INPUT_CONTEXT_CURL,  /* a header in a command: exactly what would be sent */
} JdInputContext;

void jd_input_analyze_authorization (JdInput *self, const JdSpan *value, JdInputContext context);

/* jd-input.c. The token is @span[from, to) without its whitespace
 * (wrapped lines); a NUL byte ends it. */
void jd_input_set_token (JdInput *self, const JdSpan *span, gsize from, gsize to);
/* The token is @value[0, len) as it is. Each byte i of @value was read
 * from text[starts[i], ends[i]) of the paste. */
void jd_input_take_token (JdInput *self, const char *value, gsize len, const gsize *starts,
                          const gsize *ends);
/* Several tokens side by side in @data[from, to): an error finding, TRUE
 * (jd-input-token-list.c). */
gboolean jd_input_check_token_list (JdInput *self, const char *data, gsize from, gsize to);
/* jd_input_findings_add() to @self's findings. */
void jd_input_add_finding (JdInput *self, const char *id, JdSeverity severity, const char *message,
                           const char *fix);

G_END_DECLS
