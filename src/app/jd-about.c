/* jd-about.c — the About dialog, filled from the AppStream metainfo
 *
 * Name, version, developers, website, issue tracker, licence and the
 * release notes of this version come from the metainfo compiled into the
 * resources, so they are written once (data/io.github.jwtdoctor.JwtDoctor.metainfo.xml.in).
 * libadwaita ≥ 1.5 builds an AdwAboutDialog from it, 1.4 an AdwAboutWindow; 1.2 has neither
 * constructor, so jd-appdata.c reads the metainfo for it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "jd-about.h"
#include "jd-appdata.h"

/* SPDX ids of the licences GTK 4.8 names (GtkLicense); others are shown
 * by name (GTK_LICENSE_CUSTOM). */
static const struct
{
  const char *spdx;
  GtkLicense license;
} licenses[] = {
  { "GPL-2.0-or-later", GTK_LICENSE_GPL_2_0 },
  { "GPL-2.0-only", GTK_LICENSE_GPL_2_0_ONLY },
  { "GPL-3.0-or-later", GTK_LICENSE_GPL_3_0 },
  { "GPL-3.0-only", GTK_LICENSE_GPL_3_0_ONLY },
  { "LGPL-2.1-or-later", GTK_LICENSE_LGPL_2_1 },
  { "LGPL-2.1-only", GTK_LICENSE_LGPL_2_1_ONLY },
  { "LGPL-3.0-or-later", GTK_LICENSE_LGPL_3_0 },
  { "LGPL-3.0-only", GTK_LICENSE_LGPL_3_0_ONLY },
  { "AGPL-3.0-or-later", GTK_LICENSE_AGPL_3_0 },
  { "AGPL-3.0-only", GTK_LICENSE_AGPL_3_0_ONLY },
  { "BSD-2-Clause", GTK_LICENSE_BSD },
  { "BSD-3-Clause", GTK_LICENSE_BSD_3 },
  { "MIT", GTK_LICENSE_MIT_X11 },
  { "Artistic-2.0", GTK_LICENSE_ARTISTIC },
  { "Apache-2.0", GTK_LICENSE_APACHE_2_0 },
  { "MPL-2.0", GTK_LICENSE_MPL_2_0 },
};

GtkLicense
jd_about_license_from_spdx (const char *spdx)
{
  if (spdx == NULL)
    return GTK_LICENSE_UNKNOWN;
  for (gsize i = 0; i < G_N_ELEMENTS (licenses); i++)
    if (g_strcmp0 (licenses[i].spdx, spdx) == 0)
      return licenses[i].license;
  return GTK_LICENSE_CUSTOM;
}

#if !ADW_CHECK_VERSION(1, 4, 0)
/* libadwaita 1.2: what adw_about_window_new_from_appdata () sets. */
static GtkWidget *
about_from_appdata (const JdAppdata *appdata)
{
  GtkWidget *about = adw_about_window_new ();
  GtkLicense license = jd_about_license_from_spdx (appdata->license);

  g_object_set (about, "application-icon", APP_ID, "application-name", appdata->name,
                "developer-name", appdata->developer_name, "version", appdata->version, "website",
                appdata->homepage, "issue-url", appdata->bugtracker, "license-type", license, NULL);
  if (license == GTK_LICENSE_CUSTOM)
    adw_about_window_set_license (ADW_ABOUT_WINDOW (about), appdata->license);
  if (appdata->release_notes != NULL)
    g_object_set (about, "release-notes-version", PACKAGE_VERSION, "release-notes",
                  appdata->release_notes, NULL);
  return about;
}
#endif

/* A new About dialog (JD_TYPE_ABOUT), not yet shown: jd_dialog_present (). */
GtkWidget *
jd_about_new (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JdAppdata) appdata = NULL;
  const char *developers[2] = { NULL, NULL };
  GtkWidget *about;

  appdata = jd_appdata_new_from_resource (JD_METAINFO_RESOURCE, PACKAGE_VERSION, &error);
  if (appdata == NULL)
    g_error ("%s: %s", JD_METAINFO_RESOURCE, error->message); /* compiled in: a build bug */

#if ADW_CHECK_VERSION(1, 5, 0)
  about = GTK_WIDGET (adw_about_dialog_new_from_appdata (JD_METAINFO_RESOURCE, PACKAGE_VERSION));
#elif ADW_CHECK_VERSION(1, 4, 0)
  about = adw_about_window_new_from_appdata (JD_METAINFO_RESOURCE, PACKAGE_VERSION);
#else
  about = about_from_appdata (appdata);
#endif

  /* The metainfo's developer, also on the Credits page. */
  developers[0] = appdata->developer_name;
  g_object_set (about, "comments",
                _ ("Find out why an API answered 401 Unauthorized: decode the bearer token, "
                   "check its claims and signature against what the server expects, "
                   "and reproduce the call with curl. Everything runs on this computer."),
                "developers", developers[0] != NULL ? developers : NULL,
                /* Translators: put your names here, one per line */
                "translator-credits", _ ("translator-credits"), NULL);

  return about;
}
