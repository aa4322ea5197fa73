/* jd-paste.h — what a paste does to the paste area: replace it, or go in at the cursor
 *
 * A person who pastes a whole token (or an Authorization line, or a curl
 * command) into the paste area means "diagnose this one instead", not
 * "insert it into the token that is there": two tokens run together are a
 * malformed text that reads like neither. A fragment (a few characters, a
 * segment) is hand editing and goes in at the cursor as usual.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether pasting @text (@len bytes, or -1 for NUL-terminated) replaces the
 * paste area's whole content: TRUE when @text on its own is a compact JWS or
 * JWE (jd_input_is_jwt_shaped() on the token jd-input finds in it), or a
 * "Bearer …" / "Authorization: …" line or a curl command that carries one. */
gboolean jd_paste_replaces (const char *text, gssize len);

G_END_DECLS
