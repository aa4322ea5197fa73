/* jd-response-view.h — a server's answer: status, time, redirects,
 * headers, body and the findings it shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "jd-request.h"

G_BEGIN_DECLS

#define JD_TYPE_RESPONSE_VIEW (jd_response_view_get_type ())
G_DECLARE_FINAL_TYPE (JdResponseView, jd_response_view, JD, RESPONSE_VIEW, AdwBin)

GtkWidget *jd_response_view_new (void);
/* Shows @response (nullable: nothing) with @findings (nullable;
 * element-type JdFinding, e.g. from jd_net_response_diagnose()); the
 * "status-*" findings are said by the status line, not listed again. */
void jd_response_view_set_response (JdResponseView *self, JdResponse *response,
                                    GPtrArray *findings);
JdResponse *jd_response_view_get_response (JdResponseView *self); /* nullable */
/* "HTTP/1.1 401 Unauthorized", as shown. */
const char *jd_response_view_get_status_text (JdResponseView *self);
GListModel *jd_response_view_get_findings (JdResponseView *self); /* of JdFinding, as listed */
/* The body as shown (pretty-printed JSON, or the text). (transfer full) */
char *jd_response_view_dup_body_text (JdResponseView *self);

/* Shared with the Keys page: one boxed-list row for a finding, as the
 * Token page draws it (severity icon, message, fix). */
GtkWidget *jd_finding_row_new (gpointer finding, gpointer user_data);

G_END_DECLS
