/* test-input-sniff.c — tests for src/core/jd-input-sniff.c: what a
 * dropped, opened or piped text is, for the window and the CLI alike.
 *
 * Each row is its own test case: one text (and file name) that is the
 * kind, one close text that is not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "jd-input-sniff.h"
#include "test-rows.h"

/* {"alg":"HS256"}.{"sub":"1"}.signature */
#define T "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXI"

typedef struct
{
  const char *name;
  JdInputKind kind;
  const char *hit;       /* is @kind */
  const char *hit_file;  /* its file name, nullable */
  JdInputKind miss_kind; /* what the close text is instead */
  const char *miss;
  const char *miss_file;
} Row;

static const Row rows[] = {
  { "har-by-name", JD_INPUT_KIND_HAR, T, "capture.har", JD_INPUT_KIND_TOKEN, T, "capture.jwt" },
  { "har-by-name-upper", JD_INPUT_KIND_HAR, T, "CAPTURE.HAR", JD_INPUT_KIND_TOKEN, T,
    "capture.harx" },
  { "har-by-name-mixed", JD_INPUT_KIND_HAR, T, "capture.Har", JD_INPUT_KIND_TOKEN, T, "har" },
  { "har-by-content", JD_INPUT_KIND_HAR, "{\"log\": {\"entries\": []}}", NULL, JD_INPUT_KIND_TOKEN,
    "{\"logs\": {\"entries\": []}}", NULL },
  { "har-without-entries-in-head", JD_INPUT_KIND_HAR, "{\"log\": {\"version\": \"1.2\"", NULL,
    JD_INPUT_KIND_TOKEN, "{\"version\": \"1.2\", \"logs\": []}", NULL },
  { "har-after-bom-and-blanks", JD_INPUT_KIND_HAR, "\xEF\xBB\xBF \n\t{\"log\": {}}", "x.json",
    JD_INPUT_KIND_TOKEN, "\xEF\xBB\xBF x {\"log\": {}}", "x.json" },
  { "har-is-an-object", JD_INPUT_KIND_HAR, "{\"log\": {\"entries\": []}}", NULL,
    JD_INPUT_KIND_TOKEN, "[{\"log\": {\"entries\": []}}]", NULL },
  { "jwks", JD_INPUT_KIND_KEYS, "{\"keys\": []}", "jwks.json", JD_INPUT_KIND_TOKEN, "{\"key\": []}",
    "jwks.json" },
  { "jwk", JD_INPUT_KIND_KEYS, "{\"kty\": \"RSA\"}", NULL, JD_INPUT_KIND_TOKEN,
    "{\"typ\": \"JWT\"}", NULL },
  { "jwk-array", JD_INPUT_KIND_KEYS, "[{\"kty\": \"oct\"}]", NULL, JD_INPUT_KIND_TOKEN,
    "x [{\"kty\": \"oct\"}]", NULL },
  { "pem", JD_INPUT_KIND_KEYS, "\n-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----\n",
    "key.pem", JD_INPUT_KIND_TOKEN, "-----BEGI", "key.pem" },
  { "der", JD_INPUT_KIND_KEYS, "\x30\x82\x01\x0a\xff\xfe", "cert.der", JD_INPUT_KIND_TOKEN,
    "\x30\x7f\x01\x0a\xff\xfe", "cert.der" },
  { "der-not-text", JD_INPUT_KIND_KEYS, "\x30\x82\x01\x0a\xff\xfe", NULL, JD_INPUT_KIND_TOKEN,
    "\x30\xc2\x82 text", NULL },
  { "token", JD_INPUT_KIND_TOKEN, "Authorization: Bearer " T, NULL, JD_INPUT_KIND_HAR,
    "{\"log\": \"Authorization: Bearer " T "\"}", NULL },
  { "empty", JD_INPUT_KIND_TOKEN, "", NULL, JD_INPUT_KIND_HAR, "", ".har" },
};

/* The "keys" member past the first 4 KiB is not looked at. */
static void
test_head_only (void)
{
  g_autoptr (GString) s = g_string_new ("{\"pad\": \"");

  while (s->len < 4096)
    g_string_append_c (s, 'x');
  g_string_append (s, "\", \"keys\": []}");
  g_assert_cmpint (jd_input_sniff (s->str, s->len, NULL), ==, JD_INPUT_KIND_TOKEN);
  g_string_erase (s, 9, 200);
  g_assert_cmpint (jd_input_sniff (s->str, s->len, NULL), ==, JD_INPUT_KIND_KEYS);
}

static void
test_row (gconstpointer data)
{
  const Row *row = data;

  g_assert_cmpint (jd_input_sniff (row->hit, strlen (row->hit), row->hit_file), ==, row->kind);
  g_assert_cmpint (jd_input_sniff (row->miss, strlen (row->miss), row->miss_file), ==,
                   row->miss_kind);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  JD_TEST_ADD_ROWS ("/jd/input-sniff", rows, name, test_row);
  g_test_add_func ("/jd/input-sniff/head-only", test_head_only);

  return g_test_run ();
}
