/* jd-dialog.h — show a dialog the way the libadwaita at hand does it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void jd_dialog_present (GtkWidget *dialog, GtkWindow *parent);
GtkWidget *jd_dialog_find_shown (GtkWindow *parent, GType type);

G_END_DECLS
