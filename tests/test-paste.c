/* test-paste.c — tests for src/core/jd-paste.c: which pastes replace the paste area
 *
 * One row per form jd_paste_replaces() takes as a whole paste, each with a
 * close text that must go in at the cursor instead (hand editing).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "jd-paste.h"
#include "test-rows.h"

#define TOKEN "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnMQ"

typedef struct
{
  const char *name;
  const char *replaces; /* a whole paste: replaces the text */
  const char *edits;    /* close to it, a fragment: goes in at the cursor */
} PasteRow;

static const PasteRow rows[] = {
  { "token", TOKEN, "eyJhbGciOiJIUzI1NiJ9" },
  { "token-with-newline", TOKEN "\n", "c2lnMQ\n" },
  { "two-tokens-glued", TOKEN TOKEN, "eyJzdWIiOiIxIn0" },
  { "jwe", "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.AAAA.BBBB.CCCC.DDDD", "AAAA.BBBB" },
  { "bearer", "Bearer " TOKEN, "Bearer " },
  { "authorization", "Authorization: Bearer " TOKEN, "Authorization: Bearer " },
  { "curl", "curl -H 'Authorization: Bearer " TOKEN "' https://api.example.com/orders",
    "curl https://api.example.com/orders" },
};

static void
test_row (gconstpointer data)
{
  const PasteRow *row = data;

  g_assert_true (jd_paste_replaces (row->replaces, -1));
  g_assert_false (jd_paste_replaces (row->edits, -1));
}

static void
test_nothing (void)
{
  g_assert_false (jd_paste_replaces (NULL, -1));
  g_assert_false (jd_paste_replaces ("", -1));
  /* Only @len bytes are read: the first 20 bytes of a token are a fragment. */
  g_assert_false (jd_paste_replaces (TOKEN, 20));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  JD_TEST_ADD_ROWS ("/jd/paste/replaces", rows, name, test_row);
  g_test_add_func ("/jd/paste/nothing", test_nothing);

  return g_test_run ();
}
