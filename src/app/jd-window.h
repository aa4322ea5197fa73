/* jd-window.h — the JWT Doctor window: Token, Keys and Request pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "jd-har-view.h"
#include "jd-keys-page.h"
#include "jd-request-page.h"
#include "jd-session.h"
#include "jd-token-page.h"

G_BEGIN_DECLS

#define JD_TYPE_WINDOW (jd_window_get_type ())
G_DECLARE_FINAL_TYPE (JdWindow, jd_window, JD, WINDOW, AdwApplicationWindow)

/* @app (nullable): its "settings" property (GSettings), when it has one,
 * is the window's; else the window reads the installed schema itself. */
JdWindow *jd_window_new (GtkApplication *app);

JdSession *jd_window_get_session (JdWindow *self);
JdTokenPage *jd_window_get_token_page (JdWindow *self);
JdKeysPage *jd_window_get_keys_page (JdWindow *self);
JdRequestPage *jd_window_get_request_page (JdWindow *self);
/* The keyboard shortcuts (Ctrl+?), built on first use: a JD_TYPE_SHORTCUTS,
 * an AdwShortcutsDialog from libadwaita 1.8, a GtkShortcutsWindow before. */
#if ADW_CHECK_VERSION(1, 8, 0)
#define JD_TYPE_SHORTCUTS ADW_TYPE_SHORTCUTS_DIALOG
#else
#define JD_TYPE_SHORTCUTS GTK_TYPE_SHORTCUTS_WINDOW
#endif
GtkWidget *jd_window_get_help_overlay (JdWindow *self);
/* Edit and Re-sign (win.resign), once opened; nullable. */
GtkWindow *jd_window_get_resign_window (JdWindow *self);

/* "token", "keys" or "request" */
const char *jd_window_get_visible_page (JdWindow *self);
void jd_window_set_visible_page (JdWindow *self, const char *name);

/* Reads @file and puts it where it belongs (jd_input_sniff()): a HAR file
 * (by its name) into a HAR view, a key set (JWKS, JWK, PEM, certificate) on
 * the Keys page, anything else into the token area. */
void jd_window_open_file (JdWindow *self, GFile *file);
/* Opens @file in a new HAR view beside the window, whose chosen requests
 * go to this window's pages. Returns: (transfer none) */
JdHarView *jd_window_open_har (JdWindow *self, GFile *file);
/* The same for text that was dropped or pasted. */
void jd_window_open_text (JdWindow *self, const char *text, gsize len, const char *source);
void jd_window_load_example (JdWindow *self);
void jd_window_add_toast (JdWindow *self, const char *message);

/* For tests: the next file chooser answers with @file (NULL: cancel)
 * without showing a dialog. */
void _jd_window_set_next_chosen_file (JdWindow *self, GFile *file);

G_END_DECLS
