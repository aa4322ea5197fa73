/* jd-paste-area.h — the Token page's paste area: segment colours, problem
 * marks and their tooltips, and overlong text shown folded
 *
 * Works on the page's text view (its buffer, placeholder and colour
 * legend); the page decides when the text goes to the session.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "jd-session.h"

G_BEGIN_DECLS

#define JD_TYPE_PASTE_AREA (jd_paste_area_get_type ())
G_DECLARE_FINAL_TYPE (JdPasteArea, jd_paste_area, JD, PASTE_AREA, GObject)

/* Takes over @text_view (undo, text tags, clipboard, tooltips), shows
 * @placeholder while it is empty and writes the segment colours into
 * @legend; adds the bar that says what is folded under its card. */
JdPasteArea *jd_paste_area_new (GtkTextView *text_view, GtkWidget *placeholder, GtkLabel *legend);
/* The session whose marks and token problems the text shows. */
void jd_paste_area_set_session (JdPasteArea *self, JdSession *session);
/* The whole text, also while it is shown folded. */
char *jd_paste_area_dup_text (JdPasteArea *self);
gboolean jd_paste_area_is_folded (JdPasteArea *self);
/* Replaces the text as one undoable step (not across the folded view),
 * folded when it has an overlong line; emits no "edited". */
void jd_paste_area_set_text (JdPasteArea *self, const char *text);
/* Colours the segments and underlines the problems of the session's
 * analysis, when it is of the text shown. */
void jd_paste_area_apply_marks (JdPasteArea *self);

G_END_DECLS
