/* jd-www-authenticate-private.h — the WWW-Authenticate parser's one step,
 * for the response checker (jd-response-diagnosis.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "jd-www-authenticate.h"

G_BEGIN_DECLS

/* Parses one field value (@len bytes) and appends its challenges to
 * @challenges, each marked with @header (which value it came from). On
 * error @challenges is left as it was, and *@error_offset (nullable) holds
 * the byte the message names. */
gboolean jd_www_authenticate_parse_into (GPtrArray *challenges, const char *value, gsize len,
                                         guint header, gsize *error_offset, GError **error);

G_END_DECLS
