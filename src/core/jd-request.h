/* jd-request.h — an HTTP request, as data (no sockets here)
 *
 * It includes jd-response.h: JdResponse and JdHeader come with it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "jd-response.h"

G_BEGIN_DECLS

typedef enum
{
  JD_CURL_WITHOUT_TOKEN, /* the baseline: a compliant server answers 401 + WWW-Authenticate */
  JD_CURL_THIS_TOKEN,    /* reproduce the failing call */
  JD_CURL_FRESH_TOKEN,   /* "$TOKEN" from the environment, with a comment saying how to get one */
} JdCurlVariant;

/* @url as it may appear in a message or a report: without userinfo
 * ("user:pass@"), the query shown as "?…" and the fragment as "#…", valid
 * UTF-8. Works on any text, also on what is not a URL; NULL gives "".
 * Returns: (transfer full) */
char *jd_url_redact (const char *url);

#define JD_TYPE_REQUEST (jd_request_get_type ())
G_DECLARE_FINAL_TYPE (JdRequest, jd_request, JD, REQUEST, GObject)

JdRequest *jd_request_new (const char *method, /* nullable: GET */
                           const char *url);
JdRequest *jd_request_copy (JdRequest *self); /* deep: headers and body */
const char *jd_request_get_method (JdRequest *self);
void jd_request_set_method (JdRequest *self, const char *method);
const char *jd_request_get_url (JdRequest *self);
void jd_request_set_url (JdRequest *self, const char *url);
/* (element-type JdHeader) (transfer none), in order; HTTP/2 pseudo-headers
 * (":authority", …) are never stored. */
GPtrArray *jd_request_get_headers (JdRequest *self);
void jd_request_add_header (JdRequest *self, const char *name, const char *value);
/* What the header limits left out, one translated sentence each ("Header 12
 * (“X-Big”) of the request is 1048583 bytes long; …"); empty when every
 * header was kept. (element-type utf8) (transfer none) */
GPtrArray *jd_request_get_header_problems (JdRequest *self);
/* TRUE when the limits left out a header called @name (case-insensitive):
 * too long, or past the count. Problems are kept per name: set_header
 * replaces what was said of @name, remove_header forgets it. */
gboolean jd_request_header_left_out (JdRequest *self, const char *name);
void jd_request_remove_header (JdRequest *self, const char *name);     /* case-insensitive, all */
const char *jd_request_get_header (JdRequest *self, const char *name); /* first, nullable */
/* Replace the first header called @name (case-insensitive), drop later ones; append if none. */
void jd_request_set_header (JdRequest *self, const char *name, const char *value);
GBytes *jd_request_get_body (JdRequest *self); /* nullable */
void jd_request_set_body (JdRequest *self, GBytes *body);
/* The bearer token the request carries (Authorization: Bearer …), nullable. */
char *jd_request_dup_bearer (JdRequest *self);

/* jd-curl-render.c: what a person pastes into bash: `curl -i`, one option per line with
 * backslash continuations, POSIX single quotes. @token replaces the bearer
 * token for JD_CURL_THIS_TOKEN (NULL: keep the request's own); for
 * JD_CURL_WITHOUT_TOKEN, a non-NULL @token is also taken out of the query
 * (a parameter with that value) and the Cookie header (a cookie with that
 * value), so the baseline really carries no token. */
char *jd_request_to_curl (JdRequest *self, JdCurlVariant variant, const char *token);
/* Append @value (@len bytes, any bytes) to @out in POSIX single quotes. */
void jd_shell_quote_append (GString *out, const char *value, gsize len);

G_END_DECLS
