/* jd-request-page.h — the request, Send, the answer explained, and the
 * three curl commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "jd-compare-view.h"
#include "jd-response-view.h"
#include "jd-session.h"

G_BEGIN_DECLS

#define JD_TYPE_REQUEST_PAGE (jd_request_page_get_type ())
G_DECLARE_FINAL_TYPE (JdRequestPage, jd_request_page, JD, REQUEST_PAGE, AdwBin)

void jd_request_page_set_session (JdRequestPage *self, JdSession *session);
/* The command shown for @variant, NULL when there is no request yet. */
const char *jd_request_page_get_command (JdRequestPage *self, JdCurlVariant variant);
void jd_request_page_set_url (JdRequestPage *self, const char *url);
/* The headers, "Name: value" one per line, as in the editor. */
void jd_request_page_set_headers (JdRequestPage *self, const char *text);

/* Send (the action "request.send", Ctrl+Enter) and Cancel ("request.cancel"). */
gboolean jd_request_page_get_busy (JdRequestPage *self);
JdResponseView *jd_request_page_get_response_view (JdRequestPage *self);
/* What the page says instead of a response (an error, "cancelled"):
 * "TITLE: message", or NULL while a response (or nothing) is shown. */
const char *jd_request_page_get_problem (JdRequestPage *self);
/* Get a Fresh Token: the token it fetched (in memory only), nullable, and
 * the Compare window it opened (nullable). */
const char *jd_request_page_get_fresh_token (JdRequestPage *self);
JdCompareView *jd_request_page_get_compare_view (JdRequestPage *self);

/* Shows a response that did not come from Send (a HAR entry's), explained
 * against the session's token, as if it had just arrived. */
void jd_request_page_show_response (JdRequestPage *self, JdResponse *response);

G_END_DECLS
