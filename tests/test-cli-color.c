/* test-cli-color.c — jwt-doctor-cli --color=auto|always|never
 *
 * The decision (src/cli/jd-cli-color.c) one case per table row, each rule
 * both ways (the input that turns colour off, a close one that leaves it
 * on); then the real binary: escapes with --color=always, none with never or
 * in a pipe (auto), a wrong value is a usage error that names it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "jd-cli-color.h"
#include "test-run.h"
#include "test-rows.h"

typedef struct
{
  const char *name;
  const char *value; /* --color's value, NULL = not given */
  gboolean is_tty;
  const char *term;
  const char *no_color;
  gboolean want;
} ColorRow;

static const ColorRow rows[] = {
  { "auto-tty", NULL, TRUE, "xterm-256color", NULL, TRUE },
  { "auto-explicit-tty", "auto", TRUE, "xterm-256color", NULL, TRUE },
  { "auto-pipe", "auto", FALSE, "xterm-256color", NULL, FALSE },
  { "auto-term-dumb", "auto", TRUE, "dumb", NULL, FALSE },
  { "auto-term-dumber", "auto", TRUE, "dumber", NULL, TRUE },
  { "auto-no-term", "auto", TRUE, NULL, NULL, TRUE },
  { "auto-no-color-1", "auto", TRUE, "xterm", "1", FALSE },
  { "auto-no-color-0", "auto", TRUE, "xterm", "0", FALSE },
  { "auto-no-color-empty", "auto", TRUE, "xterm", "", TRUE },
  { "always-pipe", "always", FALSE, "dumb", "1", TRUE },
  { "never-tty", "never", TRUE, "xterm", NULL, FALSE },
};

static void
test_row (gconstpointer data)
{
  const ColorRow *row = data;
  g_autoptr (GError) error = NULL;
  JdCliColor mode = JD_CLI_COLOR_NEVER;

  g_assert_true (jd_cli_color_parse (row->value, &mode, &error));
  g_assert_no_error (error);
  g_assert_cmpint (jd_cli_color_wanted (mode, row->is_tty, row->term, row->no_color), ==,
                   row->want);
}

static const char *const parse_bad_rows[] = { "", "yes", "Always", "auto ", "1" };

static void
test_parse_bad (gconstpointer data)
{
  const __typeof__ (parse_bad_rows[0]) *row = data;
  g_autoptr (GError) error = NULL;
  JdCliColor mode = JD_CLI_COLOR_ALWAYS;

  g_assert_false (jd_cli_color_parse (*row, &mode, &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_assert_nonnull (strstr (error->message, "auto, always or never"));
  g_assert_cmpint (mode, ==, JD_CLI_COLOR_ALWAYS);
}

static char *
example (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "article-expired.jwt", NULL);
}

/* The real binary, its standard output a pipe. */
static void
test_cli (void)
{
  g_autofree char *token = example ();
  const char *const env[] = { "TERM", "xterm-256color", NULL };
  const char *const no_color[] = { "TERM", "xterm-256color", "NO_COLOR", "1", NULL };
  g_auto (JdTestRun) always = { 0 };
  g_auto (JdTestRun) always_nc = { 0 };
  g_auto (JdTestRun) never = { 0 };
  g_auto (JdTestRun) piped = { 0 };
  g_auto (JdTestRun) bad = { 0 };

  jd_test_run (&always, jd_test_cli_path (), env, NULL,
               (const char *[]){ "--color=always", token, NULL });
  g_assert_cmpint (always.status, ==, 1);
  g_assert_nonnull (strstr (always.out, "\033["));

  /* an explicit always wins over NO_COLOR */
  jd_test_run (&always_nc, jd_test_cli_path (), no_color, NULL,
               (const char *[]){ "--color", "always", token, NULL });
  g_assert_nonnull (strstr (always_nc.out, "\033["));

  jd_test_run (&never, jd_test_cli_path (), env, NULL,
               (const char *[]){ "--color=never", token, NULL });
  g_assert_cmpint (never.status, ==, 1);
  g_assert_null (strchr (never.out, '\033'));
  g_assert_cmpstr (never.out, !=, "");

  jd_test_run (&piped, jd_test_cli_path (), env, NULL, (const char *[]){ token, NULL });
  g_assert_null (strchr (piped.out, '\033'));
  g_assert_cmpstr (piped.out, ==, never.out);

  jd_test_run (&bad, jd_test_cli_path (), env, NULL,
               (const char *[]){ "--color=sometimes", token, NULL });
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_nonnull (strstr (bad.err, "--color=sometimes"));
  g_assert_cmpstr (bad.out, ==, "");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  JD_TEST_ADD_ROWS ("/jd/cli-color/rule", rows, name, test_row);
  for (guint i = 0; i < G_N_ELEMENTS (parse_bad_rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/jd/cli-color/parse-bad/%u", i);
      g_test_add_data_func (path, &parse_bad_rows[i], test_parse_bad);
    }
  g_test_add_func ("/jd/cli-color/cli", test_cli);
  return g_test_run ();
}
