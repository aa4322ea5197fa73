/* jd-no-hyphens.h — no hyphen where a token, a curl command or a message wraps
 *
 * Pango ≥ 1.44 draws a hyphen where it breaks a line inside a word. In a
 * token, '-' is a base64url character: a drawn hyphen reads as part of the
 * token, and a person copying it by eye gets a different token. These turn
 * that off for a label or a text view (the text stays selectable and
 * copies exactly as it is).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Adds insert-hyphens = FALSE to @label's attributes (keeping the others). */
void jd_label_set_no_hyphens (GtkLabel *label);

/* A tag with insert-hyphens = FALSE over the whole of @view's buffer,
 * kept over whatever is inserted later. */
void jd_text_view_set_no_hyphens (GtkTextView *view);

/* Whether @widget (a GtkLabel or GtkTextView) was set so. */
gboolean jd_widget_has_no_hyphens (GtkWidget *widget);

G_END_DECLS
