/* test-mime.c — the file types as GIO and the file manager resolve them
 *
 * Compiles the built shared-mime-info package (data/…JwtDoctor.xml, path in
 * $JD_MIME_PACKAGE) with update-mime-database ($JD_UPDATE_MIME_DATABASE)
 * into a temporary XDG data dir, puts that dir first in XDG_DATA_DIRS
 * before GIO reads its MIME database, and then asks GIO what each file is:
 * g_content_type_guess() (what a drop or an open dialog uses) and
 * g_file_query_info (standard::content-type), which is what Nautilus
 * reads. No xdg-mime: without a named desktop it falls back to `file`,
 * which knows neither type. One GLib test case per table row, each type
 * both ways (a name or content that must give it, a close one that must not).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#define TOKEN "eyJhbGciOiJIUzI1NiJ9.e30.c2ln\n"
#define HAR "{\n  \"log\": {\n    \"version\": \"1.2\",\n    \"entries\": []\n  }\n}\n"
#define JSON "{\n  \"keys\": []\n}\n"

typedef struct
{
  const char *name;     /* file name given to GIO */
  const char *contents; /* the file's bytes */
  const char *want;     /* the content type it must get */
  gboolean is;          /* TRUE: must be `want`; FALSE: must not be */
} MimeRow;

static const MimeRow rows[] = {
  /* application/jwt: by the *.jwt glob only (RFC 7519 registers no magic) */
  { "token.jwt", TOKEN, "application/jwt", TRUE },
  { "token.txt", TOKEN, "application/jwt", FALSE },
  { "token.jwt.txt", TOKEN, "application/jwt", FALSE },
  /* application/x-har+json: by the *.har glob, or by its `{ … "log"` magic */
  { "capture.har", HAR, "application/x-har+json", TRUE },
  { "capture", HAR, "application/x-har+json", TRUE },
  { "keys", JSON, "application/x-har+json", FALSE },
  { "capture.har.json", JSON, "application/x-har+json", FALSE },
};

static char *tmpdir;
static char *setup_error;
static const char *skip_reason;

/* FALSE when the case cannot run; a set-up failure fails it. */
static gboolean
ready (void)
{
  if (skip_reason != NULL)
    {
      g_test_skip (skip_reason);
      return FALSE;
    }
  if (setup_error != NULL)
    g_error ("%s", setup_error);
  return TRUE;
}

static void
assert_row (const MimeRow *row, const char *got)
{
  g_test_message ("%s: got %s", row->name, got);
  if (row->is)
    g_assert_cmpstr (got, ==, row->want);
  else
    g_assert_cmpstr (got, !=, row->want);
}

/* What a drop or an open dialog gets: a name and the first bytes. */
static void
test_guess (gconstpointer data)
{
  const MimeRow *row = data;
  g_autofree char *got = NULL;

  if (!ready ())
    return;
  got
    = g_content_type_guess (row->name, (const guchar *)row->contents, strlen (row->contents), NULL);
  assert_row (row, got);
}

/* What the file manager shows: the type of a file on disk. */
static void
test_file_info (gconstpointer data)
{
  const MimeRow *row = data;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GError) error = NULL;

  if (!ready ())
    return;
  dir = g_build_filename (tmpdir, "files", NULL);
  g_mkdir_with_parents (dir, 0700);
  path = g_build_filename (dir, row->name, NULL);
  g_file_set_contents (path, row->contents, -1, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE, G_FILE_QUERY_INFO_NONE,
                            NULL, &error);
  g_assert_no_error (error);
  assert_row (row, g_file_info_get_content_type (info));
  g_unlink (path);
}

/* The parents the package declares, so text and JSON tools still open them. */
static void
test_parents (void)
{
  if (!ready ())
    return;
  g_assert_true (g_content_type_is_a ("application/jwt", "text/plain"));
  g_assert_false (g_content_type_is_a ("application/jwt", "application/json"));
  g_assert_true (g_content_type_is_a ("application/x-har+json", "application/json"));
  g_assert_false (g_content_type_is_a ("text/plain", "application/jwt"));
}

/* Compiles the package into TMPDIR/share/mime; NULL or why not. */
static char *
compile_package (const char *package, const char *update_mime_database)
{
  g_autofree char *packages = g_build_filename (tmpdir, "share", "mime", "packages", NULL);
  g_autofree char *mime = g_build_filename (tmpdir, "share", "mime", NULL);
  g_autofree char *copy = NULL;
  g_autofree char *text = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  gsize len;
  int status;
  const char *argv[] = { update_mime_database, mime, NULL };

  g_mkdir_with_parents (packages, 0700);
  copy = g_build_filename (packages, "io.github.jwtdoctor.JwtDoctor.xml", NULL);
  if (!g_file_get_contents (package, &text, &len, &error)
      || !g_file_set_contents (copy, text, len, &error))
    return g_strdup_printf ("copying %s: %s", package, error->message);
  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                     &error))
    return g_strdup_printf ("%s: %s", update_mime_database, error->message);
  if (!g_spawn_check_wait_status (status, &error) || (err != NULL && *err != '\0'))
    return g_strdup_printf ("%s %s failed: %s", update_mime_database, mime,
                            err != NULL && *err ? err : error->message);
  return NULL;
}

int
main (int argc, char *argv[])
{
  const char *package = g_getenv ("JD_MIME_PACKAGE");
  const char *umd = g_getenv ("JD_UPDATE_MIME_DATABASE");
  const char *system_dirs = g_getenv ("XDG_DATA_DIRS");
  g_autofree char *home = NULL;
  g_autofree char *share = NULL;
  g_autofree char *dirs = NULL;
  g_autoptr (GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  tmpdir = g_dir_make_tmp ("jd-test-mime-XXXXXX", &error);
  g_assert_no_error (error);
  /* Before GIO's first look at its MIME database (and for
   * update-mime-database): ours first, then the system's (which supplies
   * text/plain and application/json); no user database from $HOME. */
  home = g_build_filename (tmpdir, "home", NULL);
  share = g_build_filename (tmpdir, "share", NULL);
  dirs = g_strdup_printf ("%s:%s", share,
                          system_dirs != NULL && *system_dirs ? system_dirs
                                                              : "/usr/local/share:/usr/share");
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_DATA_DIRS", dirs, TRUE);
  g_setenv ("GIO_USE_VFS", "local", TRUE);

  if (package == NULL || umd == NULL)
    setup_error = g_strdup (
      "JD_MIME_PACKAGE and JD_UPDATE_MIME_DATABASE are not set (run through meson test)");
  else if (*umd == '\0')
    skip_reason = "update-mime-database (shared-mime-info) is not installed";
  else
    setup_error = compile_package (package, umd);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *guess = g_strdup_printf ("/jd/mime/guess/%s", rows[i].name);
      g_autofree char *info = g_strdup_printf ("/jd/mime/file-info/%s", rows[i].name);

      g_test_add_data_func (guess, &rows[i], test_guess);
      g_test_add_data_func (info, &rows[i], test_file_info);
    }
  g_test_add_func ("/jd/mime/parents", test_parents);

  ret = g_test_run ();

  {
    const char *argv_rm[] = { "rm", "-rf", tmpdir, NULL };

    g_spawn_sync (NULL, (char **)argv_rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL,
                  NULL);
  }
  g_free (tmpdir);
  g_free (setup_error);
  return ret;
}
