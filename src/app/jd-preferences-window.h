/* jd-preferences-window.h — expectations (aud, iss, algorithms, leeway) and network limits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* An AdwPreferencesDialog from libadwaita 1.5 (AdwPreferencesWindow is
 * deprecated since 1.6), an AdwPreferencesWindow before; the same
 * template (jd-preferences-window.ui names no parent) and behaviour. Show
 * it with jd_dialog_present (). */
#define JD_TYPE_PREFERENCES_WINDOW (jd_preferences_window_get_type ())
#if ADW_CHECK_VERSION(1, 5, 0)
G_DECLARE_FINAL_TYPE (JdPreferencesWindow, jd_preferences_window, JD, PREFERENCES_WINDOW,
                      AdwPreferencesDialog)
#else
G_DECLARE_FINAL_TYPE (JdPreferencesWindow, jd_preferences_window, JD, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)
#endif

/* @settings may be NULL (schema not installed): the rows are then insensitive. */
GtkWidget *jd_preferences_window_new (GSettings *settings);

G_END_DECLS
