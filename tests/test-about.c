/* test-about.c — the About dialog and the metainfo it is filled from
 * (src/app/jd-about.c, src/app/jd-appdata.c, src/app/jd-dialog.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "jd-about.h"
#include "jd-appdata.h"
#include "jd-dialog.h"
#include "jd-window.h"
#include "test-ui.h"
#include "test-rows.h"

static JdApplication *app;

/* ---- The shipped metainfo ---------------------------------------------- */

static void
test_metainfo (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JdAppdata) a
    = jd_appdata_new_from_resource (JD_METAINFO_RESOURCE, PACKAGE_VERSION, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (a->name, ==, "JWT Doctor");
  g_assert_cmpstr (a->developer_name, ==, "The JWT Doctor developers");
  /* the one project address (meson.build: project_url) */
  g_assert_cmpstr (a->homepage, ==, PACKAGE_URL);
  g_assert_cmpstr (a->bugtracker, ==, PACKAGE_BUGREPORT);
  g_assert_cmpstr (a->license, ==, "GPL-3.0-or-later");
  /* this version's release is in the metainfo, newest first, with notes */
  g_assert_cmpstr (a->version, ==, PACKAGE_VERSION);
  g_assert_nonnull (a->release_notes);
  g_assert_true (
    g_str_has_prefix (a->release_notes, "<p>First release.</p><ul><li>Diagnoses expired"));
  g_assert_true (g_str_has_suffix (a->release_notes, "</li></ul>"));
  g_assert_null (strstr (a->release_notes, "xml:lang"));
}

/* ---- The reader, row by row ------------------------------------------- */

typedef struct
{
  const char *name;
  const char *language;  /* LANGUAGE while reading */
  const char *want;      /* release whose notes are asked for */
  const char *body;      /* inside <component> */
  const char *notes;     /* expected release notes (NULL: none) */
  const char *developer; /* expected developer name */
} ReaderRow;

#define REL(desc)                                                                                  \
  "<releases><release version=\"1.0\"><description>" desc "</description></release>"               \
  "<release version=\"0.9\"><description><p>Old</p></description></release></releases>"

static const ReaderRow reader_rows[] = {
  { "untranslated", "", "1.0", REL ("<p>Hi</p><p xml:lang=\"de\">Hallo</p>"), "<p>Hi</p>", NULL },
  { "translated", "de", "1.0", REL ("<p>Hi</p><p xml:lang=\"de\">Hallo</p>"), "<p>Hallo</p>",
    NULL },
  { "other-language", "fr", "1.0", REL ("<p>Hi</p><p xml:lang=\"de\">Hallo</p>"), "<p>Hi</p>",
    NULL },
  { "list-item-translated", "de", "1.0",
    REL ("<ul><li>One</li><li xml:lang=\"de\">Eins</li><li>Two</li></ul>"),
    "<ul><li>Eins</li><li>Two</li></ul>", NULL },
  { "list-item-untranslated", "", "1.0",
    REL ("<ul><li>One</li><li xml:lang=\"de\">Eins</li><li>Two</li></ul>"),
    "<ul><li>One</li><li>Two</li></ul>", NULL },
  { "older-release", "", "0.9", REL ("<p>New</p>"), "<p>Old</p>", NULL },
  { "unknown-release", "", "2.0", REL ("<p>New</p>"), NULL, NULL },
  { "escaped", "", "1.0", REL ("<p>a &lt; b &amp; c</p>"), "<p>a &lt; b &amp; c</p>", NULL },
  { "white-space", "", "1.0", REL ("<p>\n   two\n   words\n </p>"), "<p>two words</p>", NULL },
  { "inline-code", "", "1.0", REL ("<p>use <code>kid</code> now</p>"),
    "<p>use <code>kid</code> now</p>", NULL },
  { "developer", "", "1.0",
    "<developer_name>Old</developer_name><developer><name>New</name></developer>", NULL, "New" },
  { "developer-name-only", "", "1.0", "<developer_name>Old</developer_name>", NULL, "Old" },
};

static void
test_reader_row (gconstpointer data)
{
  const ReaderRow *row = data;
  g_autofree char *xml
    = g_strdup_printf ("<?xml version=\"1.0\"?><component><id>x</id>%s</component>", row->body);
  g_autoptr (GError) error = NULL;
  g_autoptr (JdAppdata) a = NULL;

  g_setenv ("LANGUAGE", row->language, TRUE);
  a = jd_appdata_new_from_data (xml, strlen (xml), row->want, &error);
  g_unsetenv ("LANGUAGE");

  g_assert_no_error (error);
  g_assert_cmpstr (a->release_notes, ==, row->notes);
  g_assert_cmpstr (a->developer_name, ==, row->developer);
  if (strstr (row->body, "<releases>") != NULL)
    g_assert_cmpstr (a->version, ==, "1.0"); /* the first is the newest */
}

static void
test_reader_malformed (void)
{
  const char *xml = "<component><name>JWT Doctor</nam></component>";
  g_autoptr (GError) error = NULL;
  g_autoptr (JdAppdata) a = jd_appdata_new_from_data (xml, strlen (xml), "1.0", &error);

  g_assert_null (a);
  g_assert_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "line 1")); /* where */
}

/* ---- SPDX → GtkLicense, row by row ---------------------------------- */

typedef struct
{
  const char *spdx;
  GtkLicense license;
  const char *near; /* a close id that must not map to it */
} LicenseRow;

static const LicenseRow license_rows[] = {
  { "GPL-2.0-or-later", GTK_LICENSE_GPL_2_0, "GPL-2.0-only" },
  { "GPL-2.0-only", GTK_LICENSE_GPL_2_0_ONLY, "GPL-2.0-or-later" },
  { "GPL-3.0-or-later", GTK_LICENSE_GPL_3_0, "GPL-3.0-only" },
  { "GPL-3.0-only", GTK_LICENSE_GPL_3_0_ONLY, "GPL-3.0-or-later" },
  { "LGPL-2.1-or-later", GTK_LICENSE_LGPL_2_1, "LGPL-2.1-only" },
  { "LGPL-2.1-only", GTK_LICENSE_LGPL_2_1_ONLY, "LGPL-2.1-or-later" },
  { "LGPL-3.0-or-later", GTK_LICENSE_LGPL_3_0, "LGPL-3.0-only" },
  { "LGPL-3.0-only", GTK_LICENSE_LGPL_3_0_ONLY, "LGPL-3.0-or-later" },
  { "AGPL-3.0-or-later", GTK_LICENSE_AGPL_3_0, "AGPL-3.0-only" },
  { "AGPL-3.0-only", GTK_LICENSE_AGPL_3_0_ONLY, "AGPL-3.0-or-later" },
  { "BSD-2-Clause", GTK_LICENSE_BSD, "BSD-3-Clause" },
  { "BSD-3-Clause", GTK_LICENSE_BSD_3, "BSD-2-Clause" },
  { "MIT", GTK_LICENSE_MIT_X11, "MIT-0" },
  { "Artistic-2.0", GTK_LICENSE_ARTISTIC, "Artistic-1.0" },
  { "Apache-2.0", GTK_LICENSE_APACHE_2_0, "Apache-1.1" },
  { "MPL-2.0", GTK_LICENSE_MPL_2_0, "MPL-1.1" },
};

static void
test_license_row (gconstpointer data)
{
  const LicenseRow *row = data;

  g_assert_cmpint (jd_about_license_from_spdx (row->spdx), ==, row->license);
  g_assert_cmpint (jd_about_license_from_spdx (row->near), !=, row->license);
}

static void
test_license_unknown (void)
{
  g_assert_cmpint (jd_about_license_from_spdx ("CC0-1.0"), ==, GTK_LICENSE_CUSTOM);
  g_assert_cmpint (jd_about_license_from_spdx (NULL), ==, GTK_LICENSE_UNKNOWN);
}

/* ---- The dialog ---------------------------------------------------------- */

static void
test_about_dialog (void)
{
  GtkWindow *window = GTK_WINDOW (jd_window_new (GTK_APPLICATION (app)));
  GtkWidget *about = jd_about_new ();
  g_autofree char *name = NULL, *version = NULL, *website = NULL, *issues = NULL;
  g_autofree char *developer = NULL, *notes = NULL, *notes_version = NULL;
  g_auto (GStrv) developers = NULL;
  GtkLicense license;

  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (about, JD_TYPE_ABOUT));
  g_object_get (about, "application-name", &name, "version", &version, "website", &website,
                "issue-url", &issues, "developer-name", &developer, "developers", &developers,
                "release-notes", &notes, "release-notes-version", &notes_version, "license-type",
                &license, NULL);
  g_assert_cmpstr (name, ==, "JWT Doctor");
  g_assert_cmpstr (version, ==, PACKAGE_VERSION);
  g_assert_cmpstr (website, ==, PACKAGE_URL);
  g_assert_cmpstr (issues, ==, PACKAGE_BUGREPORT);
  g_assert_cmpint (license, ==, GTK_LICENSE_GPL_3_0);
  /* developers and release notes from the metainfo, not from the code */
  g_assert_cmpstr (developer, ==, "The JWT Doctor developers");
  g_assert_nonnull (developers);
  g_assert_cmpstr (developers[0], ==, "The JWT Doctor developers");
  g_assert_null (developers[1]);
  g_assert_cmpstr (notes_version, ==, PACKAGE_VERSION);
  g_assert_nonnull (strstr (notes, "First release."));

  /* shown over the window it was asked from */
  gtk_window_present (window);
  jd_dialog_present (about, window);
  ITERATE_UNTIL (jd_dialog_find_shown (window, JD_TYPE_ABOUT) == about);
  jd_test_close_dialog (about);
  ITERATE_UNTIL (jd_dialog_find_shown (window, JD_TYPE_ABOUT) == NULL);
  gtk_window_destroy (window);
}

int
main (int argc, char *argv[])
{
  g_unsetenv ("LANGUAGE");
  app = jd_test_application_new (&argc, &argv);

  g_test_add_func ("/jd/about/metainfo", test_metainfo);
  JD_TEST_ADD_ROWS ("/jd/about/reader", reader_rows, name, test_reader_row);
  g_test_add_func ("/jd/about/reader/malformed", test_reader_malformed);
  JD_TEST_ADD_ROWS ("/jd/about/license", license_rows, spdx, test_license_row);
  g_test_add_func ("/jd/about/license/unknown", test_license_unknown);
  g_test_add_func ("/jd/about/dialog", test_about_dialog);

  return g_test_run ();
}
