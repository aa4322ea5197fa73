/* test-har-hostile.c — reading hostile and broken HAR files
 *
 * Not JSON, not a HAR, missing, truncated, entries of the wrong type,
 * nesting and strings over the limits, files over the size and entry
 * limits, cuts at many places and random byte edits: never a crash, an
 * error or a problem that says where, and the entries before it kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "test-har-util.h"

static void
test_not_json (void)
{
  g_autoptr (GError) error = jd_test_har_load_fixture_error ("har-not-json.har", NULL);

  g_assert_error (error, JD_HAR_ERROR, JD_HAR_ERROR_NOT_JSON);
  g_assert_nonnull (strstr (error->message, "byte 0 (line 1, column 1)"));
  g_assert_nonnull (strstr (error->message, "found '<'"));
}

static void
test_not_har (void)
{
  g_autoptr (GError) error = jd_test_har_load_fixture_error ("har-not-har.har", NULL);
  g_autoptr (GError) error2 = NULL;
  g_autoptr (GError) error3 = NULL;
  g_autoptr (GError) error4 = NULL;
  g_autoptr (GBytes) array = g_bytes_new_static ("[1, 2]", 6);
  g_autoptr (GBytes) no_entries = g_bytes_new_static ("{\"log\": {\"version\": \"1.2\"}}", 27);
  g_autoptr (GBytes) empty = g_bytes_new_static ("", 0);

  g_assert_error (error, JD_HAR_ERROR, JD_HAR_ERROR_NOT_HAR);
  g_assert_nonnull (strstr (error->message, "\"log\" is a string, not an object"));

  g_assert_null (jd_har_load_bytes (array, NULL, NULL, &error2));
  g_assert_error (error2, JD_HAR_ERROR, JD_HAR_ERROR_NOT_HAR);
  g_assert_nonnull (strstr (error2->message, "an array"));

  g_assert_null (jd_har_load_bytes (no_entries, NULL, NULL, &error3));
  g_assert_error (error3, JD_HAR_ERROR, JD_HAR_ERROR_NOT_HAR);
  g_assert_nonnull (strstr (error3->message, "no \"entries\" array"));

  g_assert_null (jd_har_load_bytes (empty, NULL, NULL, &error4));
  g_assert_error (error4, JD_HAR_ERROR, JD_HAR_ERROR_NOT_JSON);
  g_assert_nonnull (strstr (error4->message, "no JSON value"));
}

static void
test_missing_file (void)
{
  g_autoptr (GFile) file = g_file_new_for_path ("/nonexistent/dir/x.har");
  g_autoptr (GError) error = NULL;
  g_autoptr (JdHar) har = jd_har_load_file (file, NULL, NULL, &error);

  g_assert_null (har);
  g_assert_error (error, JD_HAR_ERROR, JD_HAR_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/nonexistent/dir/x.har"));
}

static void
test_truncated (void)
{
  g_autoptr (JdHar) har = jd_test_har_load_fixture ("har-truncated.har");
  const JdHarProblem *problem;

  /* the three complete entries are still there */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (har)), ==, 3);
  g_assert_cmpuint (jd_har_get_problems (har)->len, ==, 1);
  problem = jd_test_har_problem_at (har, 0);
  g_assert_true (problem->fatal);
  g_assert_cmpint (problem->entry, ==, 3);
  g_assert_cmpuint (problem->line, >, 300);
  g_assert_cmpuint (problem->column, >, 0);
  g_assert_true (g_str_has_prefix (problem->message, "byte "));
  g_assert_nonnull (strstr (problem->message, "the data ends inside"));
  g_assert_nonnull (strstr (problem->message, "entries[3]"));
  /* the timeline works on what was read */
  {
    g_autoptr (GPtrArray) timeline = jd_har_dup_timeline (har);
    g_assert_cmpuint (timeline->len, ==, 1);
  }
}

static void
test_entries_not_objects (void)
{
  g_autoptr (JdHar) har = jd_test_har_load_fixture ("har-entries-not-objects.har");
  GPtrArray *problems = jd_har_get_problems (har);
  JdHarEntry *e;

  /* entries 4, 5 and 6 are objects; 0-3 are not */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (har)), ==, 3);
  g_assert_cmpuint (jd_har_entry_get_index (jd_test_har_entry_at (har, 0)), ==, 4);
  g_assert_cmpuint (jd_har_entry_get_index (jd_test_har_entry_at (har, 2)), ==, 6);

  g_assert_cmpuint (problems->len, >=, 4);
  g_assert_nonnull (strstr (jd_test_har_problem_at (har, 0)->message,
                            "entries[0] is a string, not an object; skipped"));
  g_assert_nonnull (
    strstr (jd_test_har_problem_at (har, 1)->message, "entries[1] is a number, not an object"));
  g_assert_nonnull (
    strstr (jd_test_har_problem_at (har, 2)->message, "entries[2] is null, not an object"));
  g_assert_nonnull (
    strstr (jd_test_har_problem_at (har, 3)->message, "entries[3] is an array, not an object"));
  g_assert_true (
    g_str_has_prefix (jd_test_har_problem_at (har, 0)->message, "byte 72 (line 3, column 3): "));
  for (guint i = 0; i < problems->len; i++)
    g_assert_false (jd_test_har_problem_at (har, i)->fatal);

  /* headers of the wrong type are skipped, the token is still found in the query */
  e = jd_test_har_entry_at (har, 0);
  g_assert_cmpuint (jd_har_entry_get_status (e), ==, 401);
  g_assert_cmpint (jd_har_entry_get_token_source (e), ==, JD_HAR_TOKEN_SOURCE_QUERY);
  g_assert_false (jd_har_entry_has_started (e));
  g_assert_cmpstr (jd_har_entry_get_started_iso (e), ==, "yesterday");

  /* request is a string: an entry without method or URL, but an entry */
  e = jd_test_har_entry_at (har, 1);
  g_assert_cmpstr (jd_har_entry_get_url (e), ==, "");
  g_assert_cmpuint (jd_har_entry_get_status (e), ==, 200);

  e = jd_test_har_entry_at (har, 2);
  g_assert_true (g_str_has_prefix (jd_har_entry_get_token (e), T1_PREFIX));
}

static void
test_deep_nesting (void)
{
  g_autoptr (JdHar) har = jd_test_har_load_fixture ("har-deep-nesting.har");
  const JdHarProblem *problem;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (har)), ==, 1);
  problem = jd_test_har_problem_at (har, 0);
  g_assert_true (problem->fatal);
  g_assert_cmpint (problem->entry, ==, 1);
  g_assert_nonnull (strstr (problem->message, "more than 256 nested objects and arrays"));
  g_assert_cmpuint (problem->line, ==, 3);
}

static void
test_gigantic_string (void)
{
  JdHarLimits limits;
  g_autoptr (JdHar) har = NULL;
  const JdHarProblem *problem;
  g_autofree char *path
    = g_test_build_filename (G_TEST_DIST, "data", "har-gigantic-string.har", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;

  /* with the default limits the 100 KiB header is read */
  {
    g_autoptr (JdHar) full = jd_test_har_load_fixture ("har-gigantic-string.har");
    const char *huge = jd_har_entry_get_request_header (jd_test_har_entry_at (full, 1), "X-Huge");
    g_assert_cmpuint (strlen (huge), ==, 100 * 1024);
  }

  jd_har_limits_init (&limits);
  limits.max_string_length = 64 * 1024;
  har = jd_har_load_file (file, &limits, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (har)), ==, 1);
  problem = jd_test_har_problem_at (har, 0);
  g_assert_true (problem->fatal);
  g_assert_nonnull (
    strstr (problem->message, "a string of 102400 bytes is longer than the limit of 65536 bytes"));
}

static void
test_limits (void)
{
  JdHarLimits limits;
  g_autoptr (GError) error = NULL;
  g_autoptr (JdHar) har = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "har-chrome-401.har", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);

  jd_har_limits_init (&limits);
  g_assert_cmpuint (limits.max_depth, ==, JD_HAR_DEFAULT_MAX_DEPTH);

  /* file size */
  limits.max_file_size = 1000;
  error = jd_test_har_load_fixture_error ("har-chrome-401.har", &limits);
  g_assert_error (error, JD_HAR_ERROR, JD_HAR_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "HAR files larger than 1"));
  g_clear_error (&error);

  /* entry count */
  jd_har_limits_init (&limits);
  limits.max_entries = 2;
  har = jd_har_load_file (file, &limits, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (har)), ==, 2);
  g_assert_true (jd_test_har_problem_at (har, 0)->fatal);
  g_assert_nonnull (
    strstr (jd_test_har_problem_at (har, 0)->message, "more than 2 entries, the limit"));
}

/* Cut a real-shaped HAR at many places: never a crash, always a message
 * that says where, and never more entries than before the cut. */
static void
test_truncate_everywhere (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "har-chrome-401.har", NULL);
  g_autofree char *contents = NULL;
  gsize len;
  guint n_errors = 0;
  guint n_partial = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));

  for (gsize cut = 0; cut < len; cut += 1 + cut / 64)
    {
      g_autoptr (GBytes) bytes = g_bytes_new (contents, cut);
      g_autoptr (GError) error = NULL;
      g_autoptr (JdHar) har = jd_har_load_bytes (bytes, NULL, NULL, &error);

      if (har == NULL)
        {
          g_assert_nonnull (error);
          g_assert_nonnull (strstr (error->message, "byte "));
          n_errors++;
          continue;
        }

      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (har)), <=, 9);
      g_assert_cmpuint (jd_har_get_problems (har)->len, >=, 1);
      g_assert_true (jd_test_har_problem_at (har, jd_har_get_problems (har)->len - 1)->fatal);
      g_assert_true (g_str_has_prefix (
        jd_test_har_problem_at (har, jd_har_get_problems (har)->len - 1)->message, "byte "));
      n_partial++;
    }

  g_assert_cmpuint (n_errors, >, 0);
  g_assert_cmpuint (n_partial, >, 0);
}

/* Random byte edits of a fixture (deterministic): whatever comes out, no
 * crash, and every problem or error says where. Run under ASan/UBSan in
 * the sanitizer build. One case per fixture, each from the same seed. */
static const char *const mutated_fixtures[] = {
  "har-chrome-401.har",
  "har-firefox-bidi.har",
  "har-charles-bom.har",
  "har-entries-not-objects.har",
};

/* A copy of @contents with one to four random bytes replaced (transfer full). */
static GBytes *
mutate (GRand *rand, const char *contents, gsize len)
{
  static const char alphabet[] = "{}[]\",:0123456789.eE-tfnul \\\x01\xc3\xa9\xed\xa0\xef\xbb\xbf";
  char *copy = g_memdup2 (contents, len);
  guint n_edits = 1 + g_rand_int_range (rand, 0, 4);

  for (guint k = 0; k < n_edits; k++)
    copy[g_rand_int_range (rand, 0, (gint32)len)]
      = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
  return g_bytes_new_take (copy, len);
}

/* Whatever was read says where its problems are, and every entry can be
 * asked for its body, request, response, URL and path. */
static void
assert_mutant_usable (JdHar *har)
{
  for (guint p = 0; p < jd_har_get_problems (har)->len; p++)
    g_assert_true (g_str_has_prefix (jd_test_har_problem_at (har, p)->message, "byte "));
  for (guint e = 0; e < g_list_model_get_n_items (G_LIST_MODEL (har)); e++)
    {
      JdHarEntry *entry = jd_test_har_entry_at (har, e);
      g_autoptr (GBytes) body = jd_har_entry_dup_response_body (entry);
      g_autoptr (JdRequest) request = jd_har_entry_dup_request (entry);
      g_autoptr (JdResponse) response = jd_har_entry_dup_response (entry);

      g_assert_true (g_utf8_validate (jd_har_entry_get_url (entry), -1, NULL));
      g_assert_true (g_utf8_validate (jd_har_entry_get_path (entry), -1, NULL));
    }
  {
    g_autoptr (GPtrArray) timeline = jd_har_dup_timeline (har);
    g_assert_nonnull (timeline);
  }
}

static void
test_mutations (gconstpointer data)
{
  const char *fixture = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", fixture, NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (6);
  guint n_loaded = 0;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));

  for (guint i = 0; i < 300; i++)
    {
      g_autoptr (GBytes) bytes = mutate (rand, contents, len);
      g_autoptr (GError) error = NULL;
      g_autoptr (JdHar) har = jd_har_load_bytes (bytes, NULL, NULL, &error);

      if (har == NULL)
        {
          g_assert_nonnull (error);
          continue;
        }
      n_loaded++;
      assert_mutant_usable (har);
    }

  g_assert_cmpuint (n_loaded, >, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jd/har/hostile/not-json", test_not_json);
  g_test_add_func ("/jd/har/hostile/not-har", test_not_har);
  g_test_add_func ("/jd/har/hostile/missing-file", test_missing_file);
  g_test_add_func ("/jd/har/hostile/truncated", test_truncated);
  g_test_add_func ("/jd/har/hostile/entries-not-objects", test_entries_not_objects);
  g_test_add_func ("/jd/har/hostile/deep-nesting", test_deep_nesting);
  g_test_add_func ("/jd/har/hostile/gigantic-string", test_gigantic_string);
  g_test_add_func ("/jd/har/hostile/limits", test_limits);
  g_test_add_func ("/jd/har/hostile/truncate-everywhere", test_truncate_everywhere);
  for (guint i = 0; i < G_N_ELEMENTS (mutated_fixtures); i++)
    {
      g_autofree char *name = g_strdup_printf ("/jd/har/hostile/mutations/%s", mutated_fixtures[i]);
      g_test_add_data_func (name, mutated_fixtures[i], test_mutations);
    }

  return g_test_run ();
}
