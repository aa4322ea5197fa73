/* jd-settings.h — the application's GSettings, when its schema is installed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Settings for the app id, or NULL when the schema is not installed. */
GSettings *jd_settings_new_if_installed (void);

G_END_DECLS
