/* test-regressions.c — every input the fuzzers ever broke, replayed
 *
 * tests/data/fuzz-TARGET-N.EXT is an input on which tests/fuzz/fuzz-TARGET
 * once crashed, leaked, hung or tripped an assertion; each gets a test
 * /jd/regressions/fuzz-TARGET-N.EXT that runs the fuzz target's own code
 * (built here without libFuzzer) on it. The fixtures of tests/data go
 * through every target as well, as a smoke test of the targets' checks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib.h>

#include "fuzz-common.h"
#include "test-rows.h"

typedef struct
{
  const char *name;
  int (*func) (const guint8 *data, gsize size);
} Target;

static const Target targets[] = {
  { "token", jd_fuzz_token },
  { "json", jd_fuzz_json },
  { "keys", jd_fuzz_keys },
  { "har", jd_fuzz_har },
  { "www-authenticate", jd_fuzz_www_authenticate },
  { "curl", jd_fuzz_curl },
};

/* "fuzz-www-authenticate-3.txt" → the www-authenticate target. */
static const Target *
target_for_file (const char *basename)
{
  const Target *best = NULL;

  if (!g_str_has_prefix (basename, "fuzz-"))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      gsize n = strlen (targets[i].name);

      if (strncmp (basename + 5, targets[i].name, n) == 0 && basename[5 + n] == '-'
          && (best == NULL || n > strlen (best->name)))
        best = &targets[i];
    }
  return best;
}

static char *
data_dir (void)
{
  return g_build_filename (g_test_get_dir (G_TEST_DIST), "data", NULL);
}

static void
replay_file (gconstpointer user_data)
{
  const char *basename = user_data;
  g_autofree char *dir = data_dir ();
  g_autofree char *path = g_build_filename (dir, basename, NULL);
  g_autofree char *contents = NULL;
  g_autofree guint8 *exact = NULL;
  g_autoptr (GError) error = NULL;
  const Target *target;
  gsize len;

  target = target_for_file (basename);
  /* A file named fuzz-* that no target claims is a misnamed regression. */
  g_assert_nonnull (target);
  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  /* Exactly @len bytes, no NUL after them (as libFuzzer passes them), so
   * that the sanitizer build sees a read past the end. */
  exact = g_memdup2 (contents, len);
  g_assert_cmpint (target->func (exact, len), ==, 0);
}

static void
fixtures_through_target (gconstpointer user_data)
{
  const Target *target = user_data;
  g_autofree char *dir = data_dir ();
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize len;

      /* The regressions have their own tests, with their own target. */
      if (g_str_has_prefix (name, "fuzz-") || !g_file_test (path, G_FILE_TEST_IS_REGULAR)
          || !g_file_get_contents (path, &contents, &len, NULL))
        continue;
      {
        g_autofree guint8 *exact = g_memdup2 (contents, len);
        g_assert_cmpint (target->func (exact, len), ==, 0);
      }
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *)a, *(char *const *)b);
}

static void
test_target_names (void)
{
  g_assert_true (target_for_file ("fuzz-www-authenticate-1.txt") == &targets[4]);
  g_assert_true (target_for_file ("fuzz-token-12") == &targets[0]);
  g_assert_null (target_for_file ("fuzz-tokens-1"));
  g_assert_null (target_for_file ("har-chrome-401.har"));
}

int
main (int argc, char *argv[])
{
  g_autofree char *dir = NULL;
  g_autoptr (GDir) d = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_test_init (&argc, &argv, NULL);
  jd_fuzz_init ();

  g_test_add_func ("/jd/regressions/target-names", test_target_names);
  JD_TEST_ADD_ROWS ("/jd/regressions/fixtures", targets, name, fixtures_through_target);

  dir = data_dir ();
  d = g_dir_open (dir, 0, NULL);
  if (d != NULL)
    {
      const char *name;

      while ((name = g_dir_read_name (d)) != NULL)
        if (g_str_has_prefix (name, "fuzz-"))
          g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *path = g_strdup_printf ("/jd/regressions/%s", name);

      g_test_add_data_func (path, name, replay_file);
    }

  return g_test_run ();
}
