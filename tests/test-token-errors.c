/* test-token-errors.c — the token endpoint error table, one case per row, both ways
 *
 * Each row has an answer that must pick it and a close answer that must
 * not (a provider row's near miss is the same error code with another
 * description, which falls to the generic row).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib.h>

#include "jd-token-errors.h"

#include "token-error-examples.h"
#include "test-rows.h"

static void
test_row (gconstpointer data)
{
  const JdTokenErrorRule *rule = data;
  const Example *example = example_for (rule->id);
  const JdTokenErrorRule *found;
  g_autofree char *fix = NULL;
  g_autofree char *text = NULL;

  g_assert_nonnull (example);
  found = jd_token_error_lookup (example->error, example->description);
  g_assert_nonnull (found);
  g_assert_cmpstr (found->id, ==, rule->id);

  /* The explanation names the values and the rule's source, and carries its fix. */
  text = jd_token_error_explain (400, example->error, example->description, &fix);
  g_assert_true (strstr (text, "400") != NULL);
  g_assert_true (strstr (text, example->error) != NULL);
  if (example->description != NULL)
    g_assert_true (strstr (text, example->description) != NULL);
  g_assert_true (strstr (text, rule->source) != NULL);
  g_assert_cmpstr (fix, ==, rule->fix);

  /* The close answer does not pick this row. */
  found = jd_token_error_lookup (example->near_error, example->near_description);
  if (found != NULL)
    g_assert_cmpstr (found->id, !=, rule->id);
}

static void
test_every_row_has_an_example (void)
{
  guint n;
  const JdTokenErrorRule *rules = jd_token_error_rules (&n);

  g_assert_cmpuint (n, ==, G_N_ELEMENTS (examples));
  for (guint i = 0; i < n; i++)
    {
      g_assert_nonnull (example_for (rules[i].id));
      g_assert_true (rules[i].error != NULL || rules[i].pattern != NULL);
      g_assert_nonnull (rules[i].meaning);
      g_assert_nonnull (rules[i].fix);
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (rules[i].id, !=, rules[j].id);
    }
}

static void
test_unknown (void)
{
  g_autofree char *fix = NULL;
  g_autofree char *text = jd_token_error_explain (400, "frobnicated", "The frob is wrong", &fix);
  g_autofree char *fix2 = NULL;
  g_autofree char *text2 = jd_token_error_explain (502, NULL, NULL, &fix2);

  g_assert_null (jd_token_error_lookup ("frobnicated", "The frob is wrong"));
  g_assert_null (jd_token_error_lookup (NULL, NULL));
  g_assert_true (strstr (text, "“frobnicated”") != NULL);
  g_assert_true (strstr (text, "The frob is wrong") != NULL);
  g_assert_true (strstr (fix, "frobnicated") != NULL);
  g_assert_true (strstr (text2, "502") != NULL);
  g_assert_true (strstr (fix2, "\"error\"") != NULL);
}

int
main (int argc, char *argv[])
{
  guint n;
  const JdTokenErrorRule *rules;

  g_test_init (&argc, &argv, NULL);
  rules = jd_token_error_rules (&n);
  JD_TEST_ADD_ROWS_N ("/token-errors/row", rules, n, id, test_row);
  g_test_add_func ("/token-errors/every-row-has-an-example", test_every_row_has_an_example);
  g_test_add_func ("/token-errors/unknown", test_unknown);
  return g_test_run ();
}
