/* test-har-util.c — HAR fixtures for the HAR tests (see test-har-util.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-har-util.h"

JdHar *
jd_test_har_load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  JdHar *har;

  har = jd_har_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (har);
  return har;
}

GError *
jd_test_har_load_fixture_error (const char *name, const JdHarLimits *limits)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  GError *error = NULL;
  g_autoptr (JdHar) har = jd_har_load_file (file, limits, NULL, &error);

  g_assert_null (har);
  g_assert_nonnull (error);
  return error;
}

JdHarEntry *
jd_test_har_entry_at (JdHar *har, guint position)
{
  JdHarEntry *entry = g_list_model_get_item (G_LIST_MODEL (har), position);

  g_assert_nonnull (entry);
  /* the model keeps its own reference */
  g_object_unref (entry);
  return entry;
}

const JdHarProblem *
jd_test_har_problem_at (JdHar *har, guint i)
{
  GPtrArray *problems = jd_har_get_problems (har);

  g_assert_cmpuint (i, <, problems->len);
  return g_ptr_array_index (problems, i);
}
