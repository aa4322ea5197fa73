/* jd-request-page.h — the request and its three curl commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "jd-session.h"

G_BEGIN_DECLS

#define JD_TYPE_REQUEST_PAGE (jd_request_page_get_type ())
G_DECLARE_FINAL_TYPE (JdRequestPage, jd_request_page, JD, REQUEST_PAGE, AdwBin)

void        jd_request_page_set_session (JdRequestPage *self,
                                         JdSession     *session);
/* The command shown for @variant, NULL when there is no request yet. */
const char *jd_request_page_get_command (JdRequestPage *self,
                                         JdCurlVariant  variant);
void        jd_request_page_set_url     (JdRequestPage *self,
                                         const char    *url);

G_END_DECLS
