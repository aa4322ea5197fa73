/* test-har-no-token.c — tests for src/core/jd-har-no-token.c
 *
 * tests/data/har-cors-preflight.har holds, side by side, each kind of
 * failed request without a token and the close request that must not be
 * reported the same way; one GLib test case per entry.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "test-har-util.h"

typedef struct
{
  guint index;
  const char *id; /* the one finding expected, or NULL: nothing to report */
  const char *why;
} EntryCase;

static const EntryCase entry_cases[] = {
  { 0, "cors-preflight-rejected", "OPTIONS with Access-Control-Request-Method, answered 401" },
  { 1, "no-token", "OPTIONS without Access-Control-Request-Method is no preflight" },
  { 2, NULL, "carries a token: jd_diagnose() speaks for it" },
  { 3, "no-token", "a GET answered 401 without a token" },
  { 4, NULL, "a GET without a token that succeeded" },
  { 5, NULL, "a preflight answered 204" },
  { 6, "malformed-authorization", "Basic credentials: the header's own problem" },
};

static void
test_entry (gconstpointer data)
{
  const EntryCase *c = data;
  g_autoptr (JdHar) har = jd_test_har_load_fixture ("har-cors-preflight.har");
  g_autoptr (JdHarEntry) entry = g_list_model_get_item (G_LIST_MODEL (har), c->index);
  g_autoptr (GPtrArray) alone = jd_har_entry_diagnose_no_token (entry);
  g_autoptr (GPtrArray) all = jd_har_entry_diagnose (entry, NULL, TRUE, NULL);

  g_test_message ("%s", c->why);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (har)), ==, G_N_ELEMENTS (entry_cases));
  g_assert_false (jd_har_is_sanitized (har));
  if (c->id == NULL)
    {
      g_assert_null (alone);
      return;
    }
  g_assert_nonnull (alone);
  g_assert_cmpuint (alone->len, ==, 1);
  g_assert_cmpstr (jd_finding_get_id (g_ptr_array_index (alone, 0)), ==, c->id);
  g_assert_cmpint (jd_finding_get_severity (g_ptr_array_index (alone, 0)), ==, JD_SEVERITY_ERROR);
  /* jd_har_entry_diagnose() says the same for an entry without a token. */
  g_assert_nonnull (all);
  g_assert_true (jd_findings_has (all, c->id));
  g_assert_cmpint (jd_har_entry_is_cors_preflight (entry), ==,
                   g_str_equal (c->id, "cors-preflight-rejected"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (entry_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/jd/har-no-token/entry-%u", entry_cases[i].index);
      g_test_add_data_func (path, &entry_cases[i], test_entry);
    }
  return g_test_run ();
}
