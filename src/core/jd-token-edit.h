/* jd-token-edit.h — edit a token's claims before re-signing: NAME=VALUE
 * with relative times (exp=+3600, iat=now, nbf=now-5m) and JSON values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The value forms, one row each (jd-token-edit.c):
 *   now, now+N, now-N, +N   a NumericDate relative to @now; N may end in
 *                           s, m, h, d or w (exp=+1h)
 *   a JSON value            aud=["a","b"], admin=true, n=5, sub="42"
 *   anything else           a string: aud=https://api.example.com
 * Errors (JD_SIGN_ERROR_INPUT) name the byte of @assignment that is wrong;
 * a JSON value's error is the decoder's, at the value's byte. */
gboolean jd_token_edit_set (JsonObject *object, const char *assignment, gint64 now, GError **error);
/* Removes claim @name (an error only when @name is empty). */
gboolean jd_token_edit_unset (JsonObject *object, const char *name, GError **error);
/* The same on JSON text (an object, as the editor holds it): returns the
 * edited object pretty-printed, or NULL with the decoder's error for the
 * text ("payload, byte 17: …") or the assignment's. */
char *jd_token_edit_text (const char *json, const char *part, const char *assignment, gint64 now,
                          GError **error);

G_END_DECLS
