/* jd-response.h — an HTTP response, as data (no sockets here)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "jd-headers.h"

G_BEGIN_DECLS

#define JD_TYPE_RESPONSE (jd_response_get_type ())
G_DECLARE_FINAL_TYPE (JdResponse, jd_response, JD, RESPONSE, GObject)

JdResponse *jd_response_new (guint status, const char *reason);
guint jd_response_get_status (JdResponse *self);
const char *jd_response_get_reason (JdResponse *self);
const char *jd_response_get_http_version (JdResponse *self);
void jd_response_set_http_version (JdResponse *self, const char *version);
GPtrArray *jd_response_get_headers (JdResponse *self); /* (element-type JdHeader) */
void jd_response_add_header (JdResponse *self, const char *name, const char *value);
GPtrArray *jd_response_get_header_problems (JdResponse *self);             /* as for JdRequest */
gboolean jd_response_header_left_out (JdResponse *self, const char *name); /* as for JdRequest */
const char *jd_response_get_header (JdResponse *self, const char *name);
GBytes *jd_response_get_body (JdResponse *self); /* nullable */
void jd_response_set_body (JdResponse *self, GBytes *body, gboolean truncated);
gboolean jd_response_get_body_truncated (JdResponse *self);
double jd_response_get_elapsed_ms (JdResponse *self);
void jd_response_set_elapsed_ms (JdResponse *self, double ms);

G_END_DECLS
