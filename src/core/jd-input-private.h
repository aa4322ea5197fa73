/* jd-input-private.h — what jd-input.c and jd-curl-parse.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "jd-finding.h"
#include "jd-input.h"

G_BEGIN_DECLS

/* jd-curl-parse.c: @text[from, to) starts with "curl". Sets the request,
 * the token and findings on @self. */
void jd_input_parse_curl (JdInput *self, const char *text, gsize from, gsize to);

/* jd-token-response.c: @text[from, to) is a token endpoint's JSON
 * response with an access_token: takes that token, names the others in an
 * info finding (JD_FINDING_TOKEN_RESPONSE) and returns TRUE. FALSE (and
 * @self untouched) for any other text. */
#define JD_FINDING_TOKEN_RESPONSE "token-response"
gboolean jd_input_parse_token_response (JdInput *self, const char *text, gsize from, gsize to);

/* jd-curl-parse.c, for tests: the words a shell would pass to curl; past
 * JD_CURL_MAX_WORDS words the splitting stops, and *@stopped (nullable)
 * is the byte where (@len when all was read). */
GStrv jd_curl_split_words (const char *text, gsize len, gsize *stopped);

/* jd-input.c, for jd-curl-parse.c. Each byte i of @value was read from
 * text[starts[i], ends[i]) of the paste. */
void jd_input_set_request (JdInput *self, JdRequest *request);
void jd_input_take_authorization (JdInput *self, const char *value, gsize len, const gsize *starts,
                                  const gsize *ends);
void jd_input_take_token (JdInput *self, const char *value, gsize len, const gsize *starts,
                          const gsize *ends);
gboolean jd_input_find_jwt (const char *data, gsize len, gsize *start, gsize *end);
/* Several tokens side by side in @data[from, to): an error finding, TRUE
 * (jd-input-token-list.c). */
gboolean jd_input_check_token_list (JdInput *self, const char *data, gsize from, gsize to);
void jd_input_add_finding (JdInput *self, const char *id, JdSeverity severity, const char *message,
                           const char *fix);
/* A headers-left-out finding for each header @request's limits left out. */
void jd_input_add_header_problems (JdInput *self, JdRequest *request);

/* jd-input-placement.c: where a token travels outside "Authorization". */
typedef enum
{
  JD_TOKEN_PLACE_HEADER, /* name: the header */
  JD_TOKEN_PLACE_COOKIE, /* name: the cookie, nullable */
  JD_TOKEN_PLACE_QUERY,  /* name: the URL parameter */
} JdTokenPlace;

/* A token-outside-authorization warning naming @place and @name (nullable);
 * none for a header that carries a token by design (AWS ALB, IAP, …). */
void jd_input_add_placement (JdInput *self, JdTokenPlace place, const char *name);
gboolean jd_input_header_is_by_design (const char *name);
/* Whether @data[at] lies in a "Name: value" line (not Authorization) of a
 * block that starts at @from; *@place and *@name (transfer full, nullable
 * for a cookie without a name) say which header or cookie. */
gboolean jd_input_locate_in_headers (const char *data, gsize from, gsize at, JdTokenPlace *place,
                                     char **name);
/* The name of the cookie whose value starts at @data[at] ("a=1; sid=eyJ…"),
 * looking back no further than @from; NULL when there is none. */
char *jd_input_cookie_name (const char *data, gsize from, gsize at);
/* A "Name: eyJ…" line whose value is a token with base64 padding or
 * standard-base64 characters (which jd_input_find_jwt does not take):
 * the value's range, without the name. */
gboolean jd_input_find_header_token (const char *data, gsize from, gsize to, gsize *start,
                                     gsize *end);

G_END_DECLS
