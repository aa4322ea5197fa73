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
void     jd_input_parse_curl         (JdInput    *self,
                                      const char *text,
                                      gsize       from,
                                      gsize       to);

/* jd-token-response.c: @text[from, to) is a token endpoint's JSON
 * response with an access_token: takes that token, names the others in an
 * info finding (JD_FINDING_TOKEN_RESPONSE) and returns TRUE. FALSE (and
 * @self untouched) for any other text. */
#define JD_FINDING_TOKEN_RESPONSE "token-response"
gboolean jd_input_parse_token_response (JdInput    *self,
                                        const char *text,
                                        gsize       from,
                                        gsize       to);

/* jd-curl-parse.c, for tests: the words a shell would pass to curl; past
 * JD_CURL_MAX_WORDS words the splitting stops, and *@stopped (nullable)
 * is the byte where (@len when all was read). */
GStrv    jd_curl_split_words         (const char *text,
                                      gsize       len,
                                      gsize      *stopped);

/* jd-input.c, for jd-curl-parse.c. Each byte i of @value was read from
 * text[starts[i], ends[i]) of the paste. */
void     jd_input_set_request        (JdInput     *self,
                                      JdRequest   *request);
void     jd_input_take_authorization (JdInput     *self,
                                      const char  *value,
                                      gsize        len,
                                      const gsize *starts,
                                      const gsize *ends);
void     jd_input_take_token         (JdInput     *self,
                                      const char  *value,
                                      gsize        len,
                                      const gsize *starts,
                                      const gsize *ends);
gboolean jd_input_find_jwt           (const char  *data,
                                      gsize        len,
                                      gsize       *start,
                                      gsize       *end);
void     jd_input_add_finding        (JdInput     *self,
                                      const char  *id,
                                      JdSeverity   severity,
                                      const char  *message,
                                      const char  *fix);
/* A headers-left-out finding for each header @request's limits left out. */
void     jd_input_add_header_problems (JdInput    *self,
                                       JdRequest  *request);

G_END_DECLS
