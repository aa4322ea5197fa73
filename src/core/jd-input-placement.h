/* jd-input-placement.h — where a token travels when it is not in
 * "Authorization: Bearer"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "jd-input-text.h"

G_BEGIN_DECLS

/* Where a token travels outside "Authorization". */
typedef enum
{
  JD_TOKEN_PLACE_HEADER, /* name: the header */
  JD_TOKEN_PLACE_COOKIE, /* name: the cookie, nullable */
  JD_TOKEN_PLACE_QUERY,  /* name: the URL parameter */
} JdTokenPlace;

/* Appends to @findings (jd_input_findings_add) a
 * token-outside-authorization warning naming @place and @name (nullable);
 * none for a header that carries a token by design (AWS ALB, IAP, …). */
void jd_input_placement_add (GPtrArray *findings, JdTokenPlace place, const char *name);
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
