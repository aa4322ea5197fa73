/* jd-resign-window.h — Edit and Re-sign: a test token signed on this computer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "jd-session.h"

G_BEGIN_DECLS

#define JD_TYPE_RESIGN_WINDOW (jd_resign_window_get_type ())
G_DECLARE_FINAL_TYPE (JdResignWindow, jd_resign_window, JD, RESIGN_WINDOW, AdwWindow)

/* Emits "signed" (the new compact token) when the user signs; hides on
 * close, keeping its throwaway keys for the next time. */
JdResignWindow *jd_resign_window_new (GtkWindow *parent, JdSession *session);
/* Starts again from the session's current token and keys. */
void jd_resign_window_reload (JdResignWindow *self);
GtkTextBuffer *jd_resign_window_get_claims_buffer (JdResignWindow *self);
GtkTextBuffer *jd_resign_window_get_header_buffer (JdResignWindow *self);

/* For tests: the key and algorithm choices. Actions: resign.sign,
 * resign.exp-in-hour, resign.iat-now, resign.expected-aud, resign.copy-jwks. */
AdwComboRow *jd_resign_window_get_key_row (JdResignWindow *self);
AdwComboRow *jd_resign_window_get_alg_row (JdResignWindow *self);

G_END_DECLS
