/* jd-about.h — the About dialog, filled from the AppStream metainfo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The metainfo as compiled into the resources (src/app/meson.build). */
#define JD_METAINFO_RESOURCE RESOURCE_PREFIX "/metainfo.xml"

/* What jd_about_new() returns: AdwAboutDialog from libadwaita 1.5,
 * AdwAboutWindow before. */
#if ADW_CHECK_VERSION(1, 5, 0)
#define JD_TYPE_ABOUT ADW_TYPE_ABOUT_DIALOG
#else
#define JD_TYPE_ABOUT ADW_TYPE_ABOUT_WINDOW
#endif

GtkWidget *jd_about_new (void);
GtkLicense jd_about_license_from_spdx (const char *spdx);

G_END_DECLS
