/* jd-appdata.h — what the About window shows, read from the AppStream metainfo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  char *name;           /* <name> */
  char *developer_name; /* <developer><name>, else <developer_name> */
  char *homepage;       /* <url type="homepage"> */
  char *bugtracker;     /* <url type="bugtracker"> */
  char *license;        /* <project_license> (SPDX) */
  char *version;        /* the newest <release>'s version */
  char *release_notes;  /* the description of the asked-for release, as
                         * AppStream markup (<p>, <ul>, <ol>, <li>, <em>,
                         * <code>) in the current language; NULL if absent */
} JdAppdata;

JdAppdata *jd_appdata_new_from_resource (const char *resource_path, const char *release_version,
                                         GError **error);
JdAppdata *jd_appdata_new_from_data (const char *data, gsize len, const char *release_version,
                                     GError **error);
void jd_appdata_free (JdAppdata *appdata);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdAppdata, jd_appdata_free)

G_END_DECLS
