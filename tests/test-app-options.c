/* test-app-options.c — jwt-doctor (the window's binary) answers --version
 * and --help without a display, and its help names what it opens: HAR files
 * and .jwt token files (and points to jwt-doctor-cli for scripts).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "test-run.h"
#include "test-rows.h"

/* No DISPLAY, no WAYLAND_DISPLAY: these must not need one. */
static const char *const no_display[]
  = { "DISPLAY", "", "WAYLAND_DISPLAY", "", "LANGUAGE", "", NULL };

static const char *
app_path (void)
{
  const char *path = g_getenv ("JD_APP");

  g_assert_nonnull (path);
  return path;
}

static void
test_version (void)
{
  g_auto (JdTestRun) r = { 0 };
  g_autofree char *want = g_strdup_printf ("jwt-doctor %s\n", PACKAGE_VERSION);

  jd_test_run (&r, app_path (), no_display, NULL, (const char *[]){ "--version", NULL });
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, want);
  g_assert_cmpstr (r.err, ==, "");
}

typedef struct
{
  const char *what;
  const char *text;
} HelpRow;

static const HelpRow help_rows[] = {
  { "har", ".har" },          { "har-name", "HAR files" }, { "jwt", ".jwt" },
  { "example", "--example" }, { "version", "--version" },  { "cli", "jwt-doctor-cli" },
};

static void
test_help (gconstpointer data)
{
  const HelpRow *row = data;
  g_auto (JdTestRun) r = { 0 };

  jd_test_run (&r, app_path (), no_display, NULL, (const char *[]){ "--help", NULL });
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "Usage:"));
  g_assert_nonnull (strstr (r.out, "[FILE…]"));
  if (strstr (r.out, row->text) == NULL)
    g_error ("jwt-doctor --help does not mention %s:\n%s", row->text, r.out);
}

static void
test_bad_option (void)
{
  g_auto (JdTestRun) r = { 0 };

  jd_test_run (&r, app_path (), no_display, NULL, (const char *[]){ "--verison", NULL });
  g_assert_cmpint (r.status, !=, 0);
  g_assert_nonnull (strstr (r.err, "--verison"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jd/app-options/version", test_version);
  JD_TEST_ADD_ROWS ("/jd/app-options/help", help_rows, what, test_help);
  g_test_add_func ("/jd/app-options/unknown-option", test_bad_option);
  return g_test_run ();
}
