/* test-har-stream.c — jd_har_load_file_streaming(): every entry handed over
 * in file order, the same entries and the same whole-file facts as
 * jd_har_load_file(), none kept; and a callback that says stop stops there.
 * One case per HAR file (the fixtures and the vendored browser exports).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "jd-har.h"

static const char *const files[] = {
  "har-charles-bom.har",
  "har-chrome-401.har",
  "har-deep-nesting.har",
  "har-entries-not-objects.har",
  "har-firefox-bidi.har",
  "har-gigantic-string.har",
  "har-not-har.har",
  "har-not-json.har",
  "har-sanitized.har",
  "har-truncated.har",
  "har/mitmproxy-chrome.har",
  "har/mitmproxy-firefox.har",
  "har/mitmproxy-with-bom.har",
};

static gboolean
collect (JdHarEntry *entry, gpointer user_data)
{
  g_ptr_array_add (user_data, g_object_ref (entry));
  return TRUE;
}

static void
assert_same_entry (JdHarEntry *a, JdHarEntry *b)
{
  g_assert_cmpuint (jd_har_entry_get_index (a), ==, jd_har_entry_get_index (b));
  g_assert_cmpstr (jd_har_entry_get_method (a), ==, jd_har_entry_get_method (b));
  g_assert_cmpstr (jd_har_entry_get_url (a), ==, jd_har_entry_get_url (b));
  g_assert_cmpuint (jd_har_entry_get_status (a), ==, jd_har_entry_get_status (b));
  g_assert_cmpstr (jd_har_entry_get_started_iso (a), ==, jd_har_entry_get_started_iso (b));
  g_assert_cmpstr (jd_har_entry_get_token (a), ==, jd_har_entry_get_token (b));
  g_assert_cmpstr (jd_har_entry_get_token_source_label (a), ==,
                   jd_har_entry_get_token_source_label (b));
  {
    g_autoptr (GBytes) body_a = jd_har_entry_dup_response_body (a);
    g_autoptr (GBytes) body_b = jd_har_entry_dup_response_body (b);

    g_assert_true ((body_a == NULL) == (body_b == NULL));
    if (body_a != NULL)
      g_assert_true (g_bytes_equal (body_a, body_b));
  }
}

static void
test_same_as_load (gconstpointer data)
{
  const char *name = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) stream_error = NULL;
  g_autoptr (JdHar) har = jd_har_load_file (file, NULL, NULL, &error);
  g_autoptr (GPtrArray) seen = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (JdHar) streamed
    = jd_har_load_file_streaming (file, NULL, collect, seen, NULL, &stream_error);
  guint n;

  if (har == NULL)
    {
      g_assert_null (streamed);
      g_assert_error (stream_error, error->domain, error->code);
      g_assert_cmpstr (stream_error->message, ==, error->message);
      g_assert_cmpuint (seen->len, ==, 0);
      return;
    }
  g_assert_no_error (stream_error);
  g_assert_nonnull (streamed);

  n = g_list_model_get_n_items (G_LIST_MODEL (har));
  g_assert_cmpuint (seen->len, ==, n);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (streamed)), ==, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (JdHarEntry) entry = g_list_model_get_item (G_LIST_MODEL (har), i);
      assert_same_entry (entry, g_ptr_array_index (seen, i));
    }
  g_assert_cmpuint (jd_har_get_n_with_token (streamed), ==, jd_har_get_n_with_token (har));
  g_assert_cmpuint (jd_har_get_n_auth_failures (streamed), ==, jd_har_get_n_auth_failures (har));
  g_assert_cmpint (jd_har_is_sanitized (streamed), ==, jd_har_is_sanitized (har));
  g_assert_cmpstr (jd_har_get_creator (streamed), ==, jd_har_get_creator (har));
  g_assert_cmpstr (jd_har_get_version (streamed), ==, jd_har_get_version (har));
  g_assert_cmpuint (jd_har_get_problems (streamed)->len, ==, jd_har_get_problems (har)->len);
  for (guint i = 0; i < jd_har_get_problems (har)->len; i++)
    g_assert_cmpstr (
      ((JdHarProblem *)g_ptr_array_index (jd_har_get_problems (streamed), i))->message, ==,
      ((JdHarProblem *)g_ptr_array_index (jd_har_get_problems (har), i))->message);
}

static gboolean
stop_after_two (JdHarEntry *entry, gpointer user_data)
{
  guint *n = user_data;

  return ++*n < 2;
}

/* Firefox's export has 14 entries: a FALSE from the second stops there,
 * without an error or a problem; TRUE throughout reads all 14. */
static void
test_stop (void)
{
  g_autofree char *path
    = g_test_build_filename (G_TEST_DIST, "data", "har", "mitmproxy-firefox.har", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = 0;
  g_autoptr (JdHar) stopped
    = jd_har_load_file_streaming (file, NULL, stop_after_two, &n, NULL, &error);
  g_autoptr (JdHar) whole = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (stopped);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (jd_har_get_problems (stopped)->len, ==, 0);

  whole = jd_har_load_file_streaming (file, NULL, collect, all, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 14);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_strdup_printf ("/jd/har-stream/same-as-load/%s", files[i]);
      g_test_add_data_func (path, files[i], test_same_as_load);
    }
  g_test_add_func ("/jd/har-stream/stop", test_stop);
  return g_test_run ();
}
