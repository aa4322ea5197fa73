/* test-cli-output.c — jwt-doctor-cli prints its report part by part
 * (src/cli/jd-cli-output.c): for every split of the same tokens into parts,
 * text and JSON, the joined output is byte for byte what one report holding
 * them all renders. One case per row (parts × format). The output is caught
 * with g_set_print_handler(), as the CLI prints with g_print().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "jd-base64.h"
#include "jd-cli-output.h"
#include "jd-diagnosis.h"
#include "test-rows.h"

static GString *printed;

static void
catch_print (const char *text)
{
  g_string_append (printed, text);
}

typedef struct
{
  const char *name;
  const char *parts; /* tokens per part: "1,0,2" = three parts; "" = no part */
  gboolean json;
} OutputRow;

static const OutputRow rows[] = {
  { "json/none", "", TRUE },          { "json/empty-parts", "0,0", TRUE },
  { "json/one", "1", TRUE },          { "json/one-by-one", "1,1,1", TRUE },
  { "json/mixed", "0,2,0,1", TRUE },  { "text/none", "", FALSE },
  { "text/one", "1", FALSE },         { "text/one-by-one", "1,1,1", FALSE },
  { "text/mixed", "0,2,0,1", FALSE },
};

/* Token i: a different header, payload and finding each time, with JSON
 * that holds the words the joiner looks for ("tokens" : [, a closing ]). */
static JdToken *
token_for (guint i)
{
  g_autofree char *header = g_strdup_printf ("{\"alg\":\"HS256\",\"kid\":\"k%u\"}", i);
  g_autofree char *payload = g_strdup_printf (
    "{\"exp\":%u,\"sub\":\"\\\"tokens\\\" : [ ]\\n  ]\\n}\",\"list\":[%u,[]]}", 100 + i, i);
  g_autofree char *h = jd_base64url_encode (header, strlen (header));
  g_autofree char *p = jd_base64url_encode (payload, strlen (payload));
  g_autofree char *text = g_strdup_printf ("%s.%s.c2ln", h, p);

  return jd_token_parse (text, -1);
}

static void
add_token (JdReport *report, guint i)
{
  g_autoptr (JdToken) token = token_for (i);
  g_autoptr (JdExpectations) e = jd_expectations_new ();
  g_autoptr (GPtrArray) findings = NULL;
  g_autofree char *source = g_strdup_printf ("har:%u", i);

  e->now = 100 + 2 * i; /* token 0 is valid; the others expired */
  findings = jd_diagnose (token, e, NULL, NULL);
  jd_report_add (report, source, token, NULL, findings);
}

static void
test_row (gconstpointer data)
{
  const OutputRow *row = data;
  g_auto (GStrv) parts = g_strsplit (row->parts, ",", -1);
  g_autoptr (JdReport) whole = jd_report_new ();
  g_autofree char *want = NULL;
  JdCliOutput out;
  GPrintFunc old;
  guint next = 0;

  printed = g_string_new (NULL);
  old = g_set_print_handler (catch_print);
  jd_cli_output_init (&out, row->json, FALSE, 1000);
  for (guint p = 0; parts[p] != NULL && *parts[p] != '\0'; p++)
    {
      g_autoptr (JdReport) part = jd_report_new ();
      guint n = (guint)g_ascii_strtoull (parts[p], NULL, 10);

      for (guint k = 0; k < n; k++, next++)
        {
          add_token (part, next);
          add_token (whole, next);
        }
      jd_cli_output_add (&out, part);
    }
  jd_cli_output_finish (&out);
  g_set_print_handler (old);

  if (row->json)
    {
      g_autofree char *json = jd_report_to_json (whole, TRUE);
      want = g_strconcat (json, "\n", NULL);
    }
  else
    want = jd_report_to_text (whole, FALSE, 1000);

  g_assert_cmpstr (printed->str, ==, want);
  g_assert_cmpuint (out.n_tokens, ==, next);
  g_assert_cmpint (out.has_errors, ==, jd_report_has_errors (whole));
  g_string_free (printed, TRUE);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  JD_TEST_ADD_ROWS ("/jd/cli-output", rows, name, test_row);
  return g_test_run ();
}
