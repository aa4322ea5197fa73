/* test-compare.c — two tokens side by side (src/core/jd-compare.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "jd-base64.h"
#include "jd-compare.h"
#include "jd-har.h"
#include "test-rows.h"

/* An unsigned-looking JWS from two JSON texts and a fake signature. */
static JdToken *
make_token (const char *header, const char *payload)
{
  g_autofree char *h = jd_base64url_encode (header, strlen (header));
  g_autofree char *p = jd_base64url_encode (payload, strlen (payload));
  g_autofree char *text = g_strdup_printf ("%s.%s.c2lnbmF0dXJlLXNlZ21lbnQ", h, p);

  return jd_token_parse (text, -1);
}

static const JdCompareRow *
find_row (GPtrArray *rows, JdCompareSection section, const char *name)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const JdCompareRow *row = g_ptr_array_index (rows, i);
      if (row->section == section && g_strcmp0 (row->name, name) == 0)
        return row;
    }
  return NULL;
}

static gboolean
notes_contain (char **notes, const char *text)
{
  for (guint i = 0; notes[i] != NULL; i++)
    if (strstr (notes[i], text) != NULL)
      return TRUE;
  return FALSE;
}

/* How many differences the notes name: one per note, and one per name on
 * the line that names the members without a note of their own. */
static guint
named_differences (char **notes)
{
  guint n = 0;

  for (guint i = 0; notes[i] != NULL; i++)
    {
      const char *names = strstr (notes[i], "also different: ");

      if (names == NULL)
        names = strstr (notes[i], "members differ (");

      if (names == NULL)
        {
          n++;
          continue;
        }
      n++;
      for (const char *c = names; *c != '\0'; c++)
        if (c[0] == ',' && c[1] == ' ')
          n++;
    }
  return n;
}

/* A and B are named neutrally: never left/right, good/bad. */
static void
assert_neutral (char **notes)
{
  const char *words[] = { "left", "right", "good", "bad" };

  for (guint i = 0; notes[i] != NULL; i++)
    for (guint w = 0; w < G_N_ELEMENTS (words); w++)
      g_assert_null (strstr (notes[i], words[w]));
}

/* No row ever carries the compact token or its signature. */
static void
assert_no_secret (GPtrArray *rows, JdToken *token)
{
  JdRange sig;

  g_assert_true (jd_token_get_segment_range (token, JD_SEGMENT_SIGNATURE, &sig));
  for (guint i = 0; i < rows->len; i++)
    {
      const JdCompareRow *row = g_ptr_array_index (rows, i);
      const char *values[] = { row->left, row->right, row->note };

      for (guint v = 0; v < G_N_ELEMENTS (values); v++)
        {
          g_autofree char *signature
            = g_strndup (jd_token_get_text (token) + sig.start, sig.end - sig.start);

          if (values[v] == NULL)
            continue;
          g_assert_null (strstr (values[v], jd_token_get_text (token)));
          if (*signature != '\0')
            g_assert_null (strstr (values[v], signature));
        }
    }
}

/* The header rows of test_claims: alg and kid first, in that order. */
static void
check_claims_header (GPtrArray *rows)
{
  const JdCompareRow *row;

  row = g_ptr_array_index (rows, 0);
  g_assert_cmpint (row->section, ==, JD_COMPARE_SECTION_HEADER);
  g_assert_cmpstr (row->name, ==, "alg");
  g_assert_cmpint (row->state, ==, JD_COMPARE_DIFFERENT);
  g_assert_cmpstr (row->left, ==, "\"RS256\"");
  g_assert_cmpstr (row->right, ==, "\"HS256\"");
  g_assert_nonnull (strstr (row->note, "different algorithm"));

  row = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (row->name, ==, "kid");
  g_assert_cmpint (row->state, ==, JD_COMPARE_ONLY_LEFT);
  g_assert_null (row->right);
  g_assert_nonnull (strstr (row->note, "kid only in token A"));

  row = find_row (rows, JD_COMPARE_SECTION_HEADER, "typ");
  g_assert_cmpint (row->state, ==, JD_COMPARE_SAME);
  g_assert_null (row->note);
}

/* The payload rows of test_claims. */
static void
check_claims_payload (GPtrArray *rows)
{
  const JdCompareRow *row;

  /* payload: issuer, audience (a string vs an array with a slash) */
  row = find_row (rows, JD_COMPARE_SECTION_PAYLOAD, "iss");
  g_assert_cmpint (row->state, ==, JD_COMPARE_DIFFERENT);
  g_assert_cmpuint (row->rank, ==, 2);
  g_assert_nonnull (strstr (row->note, "different issuer"));
  row = find_row (rows, JD_COMPARE_SECTION_PAYLOAD, "aud");
  g_assert_cmpint (row->state, ==, JD_COMPARE_DIFFERENT);
  g_assert_cmpstr (row->right, ==, "[\"https://api.example.com/\"]");
  g_assert_nonnull (strstr (row->note, "different audience"));
  row = find_row (rows, JD_COMPARE_SECTION_PAYLOAD, "sub");
  g_assert_cmpint (row->state, ==, JD_COMPARE_SAME);

  /* scopes: which ones each side lacks */
  row = find_row (rows, JD_COMPARE_SECTION_PAYLOAD, "scope");
  g_assert_cmpint (row->state, ==, JD_COMPARE_DIFFERENT);
  g_assert_nonnull (strstr (row->note, "only in A: orders:write"));
  g_assert_nonnull (strstr (row->note, "only in B: profile"));

  /* times carry their UTC date; exp says how much earlier */
  row = find_row (rows, JD_COMPARE_SECTION_PAYLOAD, "exp");
  g_assert_cmpstr (row->left, ==, "1700003600 (2023-11-14T23:13:20Z)");
  g_assert_nonnull (strstr (row->note, "expires 55 minutes earlier"));
  row = find_row (rows, JD_COMPARE_SECTION_PAYLOAD, "iat");
  g_assert_cmpint (row->state, ==, JD_COMPARE_SAME);

  /* the others by name, each only on one side */
  row = find_row (rows, JD_COMPARE_SECTION_PAYLOAD, "email");
  g_assert_cmpint (row->state, ==, JD_COMPARE_ONLY_LEFT);
  g_assert_cmpuint (row->rank, ==, 0);
  row = find_row (rows, JD_COMPARE_SECTION_PAYLOAD, "nonce");
  g_assert_cmpint (row->state, ==, JD_COMPARE_ONLY_RIGHT);
  g_assert_cmpstr (row->right, ==, "\"n-0S6\"");

  /* the lifetime */
  row = find_row (rows, JD_COMPARE_SECTION_DERIVED, "lifetime (exp − iat)");
  g_assert_nonnull (row);
  g_assert_cmpstr (row->left, ==, "1 hour");
  g_assert_cmpstr (row->right, ==, "5 minutes");
  g_assert_nonnull (strstr (row->note, "different lifetime: 1 hour vs 5 minutes"));

  /* no instants given: no "moment of use" row; both decode: no decoding row */
  g_assert_null (find_row (rows, JD_COMPARE_SECTION_DERIVED, "at the moment of use"));
  g_assert_null (find_row (rows, JD_COMPARE_SECTION_DERIVED, "decoding"));
}

/* test_claims with left and right swapped. */
static void
check_claims_swapped (JdToken *works, JdToken *fails)
{
  const JdCompareRow *row;
  g_autoptr (GPtrArray) swapped = jd_compare_tokens (fails, works, 0, 0, 60);

  row = find_row (swapped, JD_COMPARE_SECTION_HEADER, "kid");
  g_assert_cmpint (row->state, ==, JD_COMPARE_ONLY_RIGHT);
  g_assert_nonnull (strstr (row->note, "kid only in token B"));
  row = find_row (swapped, JD_COMPARE_SECTION_PAYLOAD, "scope");
  g_assert_nonnull (strstr (row->note, "only in A: profile"));
  row = find_row (swapped, JD_COMPARE_SECTION_PAYLOAD, "exp");
  g_assert_nonnull (strstr (row->note, "expires 55 minutes later"));
  g_assert_cmpuint (jd_compare_count_differences (swapped), ==, 9);
}

static void
test_claims (void)
{
  g_autoptr (JdToken) works = make_token (
    "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"2024-05\"}",
    "{\"iss\":\"https://login.example.com/prod/\",\"aud\":\"https://api.example.com\","
    "\"sub\":\"alice\",\"scope\":\"orders:read "
    "orders:write\",\"iat\":1700000000,\"exp\":1700003600,"
    "\"email\":\"alice@example.com\"}");
  g_autoptr (JdToken) fails = make_token (
    "{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
    "{\"iss\":\"https://login.example.com/staging/\",\"aud\":[\"https://api.example.com/\"],"
    "\"sub\":\"alice\",\"scope\":\"orders:read profile\",\"iat\":1700000000,\"exp\":1700000300,"
    "\"nonce\":\"n-0S6\"}");
  g_autoptr (GPtrArray) rows = jd_compare_tokens (works, fails, 0, 0, 60);
  g_auto (GStrv) notes = jd_compare_dup_notes (rows);

  check_claims_header (rows);
  check_claims_payload (rows);

  /* the notes: issuer and audience (rank 1) before alg/kid/scope (2) and lifetime (4) */
  g_assert_cmpuint (jd_compare_count_differences (rows), ==, 9);
  g_assert_true (g_str_has_prefix (notes[0], "different issuer"));
  g_assert_true (g_str_has_prefix (notes[1], "different audience"));
  g_assert_true (notes_contain (notes, "different lifetime"));
  g_assert_true (notes_contain (notes, "different scopes"));
  /* Members without a note of their own are named on one line, so the
   * list names all 9 differences the count says. */
  g_assert_true (notes_contain (notes, "also different: "));
  g_assert_true (notes_contain (notes, "email"));
  g_assert_cmpuint (named_differences (notes), ==, jd_compare_count_differences (rows));
  assert_neutral (notes);

  g_assert_false (jd_compare_same_token (works, fails));
  assert_no_secret (rows, works);
  assert_no_secret (rows, fails);

  check_claims_swapped (works, fails);
}

static void
test_scopes_written_differently (void)
{
  g_autoptr (JdToken) a = make_token ("{\"alg\":\"RS256\"}", "{\"scp\":\"a b\"}");
  g_autoptr (JdToken) b = make_token ("{\"alg\":\"RS256\"}", "{\"scp\":[\"b\",\"a\"]}");
  g_autoptr (GPtrArray) rows = jd_compare_tokens (a, b, 0, 0, 60);
  const JdCompareRow *row = find_row (rows, JD_COMPARE_SECTION_PAYLOAD, "scp");

  g_assert_cmpint (row->state, ==, JD_COMPARE_DIFFERENT);
  g_assert_nonnull (strstr (row->note, "written differently (same items)"));
}

static void
test_same (void)
{
  g_autoptr (JdToken) a
    = make_token ("{\"alg\":\"RS256\",\"kid\":\"k\"}", "{\"aud\":\"x\",\"iat\":1,\"exp\":3601}");
  g_autoptr (JdToken) b = jd_token_parse (jd_token_get_text (a), -1);
  g_autoptr (GPtrArray) rows = jd_compare_tokens (a, b, 0, 0, 60);
  g_auto (GStrv) notes = jd_compare_dup_notes (rows);

  g_assert_true (jd_compare_same_token (a, b));
  g_assert_cmpuint (jd_compare_count_differences (rows), ==, 0);
  g_assert_cmpuint (g_strv_length (notes), ==, 1);
  g_assert_cmpstr (notes[0], ==, "The two tokens carry the same header and claims.");
  /* alg, kid, aud, exp, iat, lifetime */
  g_assert_cmpuint (rows->len, ==, 6);
}

static void
test_ordinary_only (void)
{
  g_autoptr (JdToken) a = make_token ("{\"alg\":\"RS256\"}", "{\"aud\":\"x\",\"jti\":\"1\"}");
  g_autoptr (JdToken) b = make_token ("{\"alg\":\"RS256\"}", "{\"aud\":\"x\",\"jti\":\"2\"}");
  g_autoptr (GPtrArray) rows = jd_compare_tokens (a, b, 0, 0, 60);
  g_auto (GStrv) notes = jd_compare_dup_notes (rows);

  g_assert_cmpuint (jd_compare_count_differences (rows), ==, 1);
  g_assert_cmpuint (g_strv_length (notes), ==, 1);
  g_assert_nonnull (strstr (notes[0], "Only ordinary members differ (jti)"));
  g_assert_cmpuint (named_differences (notes), ==, jd_compare_count_differences (rows));
  assert_neutral (notes);
}

/* The refresh race of tests/data/har-chrome-401.har: entry 3 (200, the
 * refreshed token) against entry 1 (401, the old token sent 40 s after exp). */
static void
test_har_refresh_race (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "har-chrome-401.har", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (JdHar) har = jd_har_load_file (file, NULL, NULL, &error);
  g_autoptr (JdHarEntry) worked = NULL;
  g_autoptr (JdHarEntry) failed = NULL;
  g_autoptr (JdToken) left = NULL;
  g_autoptr (JdToken) right = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) strict = NULL;
  g_auto (GStrv) notes = NULL;
  const JdCompareRow *row;

  g_assert_no_error (error);
  worked = g_list_model_get_item (G_LIST_MODEL (har), 3);
  failed = g_list_model_get_item (G_LIST_MODEL (har), 1);
  g_assert_cmpuint (jd_har_entry_get_status (worked), ==, 200);
  g_assert_cmpuint (jd_har_entry_get_status (failed), ==, 401);

  left = jd_token_parse (jd_har_entry_get_token (worked), -1);
  right = jd_token_parse (jd_har_entry_get_token (failed), -1);
  rows = jd_compare_tokens (left, right, jd_har_entry_get_started_unix (worked),
                            jd_har_entry_get_started_unix (failed), 60);
  notes = jd_compare_dup_notes (rows);

  row = find_row (rows, JD_COMPARE_SECTION_HEADER, "kid");
  g_assert_cmpint (row->state, ==, JD_COMPARE_DIFFERENT);
  g_assert_cmpstr (row->left, ==, "\"k2\"");
  g_assert_cmpstr (row->right, ==, "\"k1\"");
  g_assert_cmpint (find_row (rows, JD_COMPARE_SECTION_HEADER, "alg")->state, ==, JD_COMPARE_SAME);
  g_assert_cmpint (find_row (rows, JD_COMPARE_SECTION_PAYLOAD, "aud")->state, ==, JD_COMPARE_SAME);
  g_assert_cmpint (find_row (rows, JD_COMPARE_SECTION_PAYLOAD, "iss")->state, ==, JD_COMPARE_SAME);
  g_assert_cmpint (find_row (rows, JD_COMPARE_SECTION_PAYLOAD, "scope")->state, ==,
                   JD_COMPARE_SAME);
  g_assert_cmpint (find_row (rows, JD_COMPARE_SECTION_PAYLOAD, "exp")->state, ==,
                   JD_COMPARE_DIFFERENT);
  g_assert_cmpint (find_row (rows, JD_COMPARE_SECTION_PAYLOAD, "iat")->state, ==,
                   JD_COMPARE_DIFFERENT);
  /* both live one hour */
  row = find_row (rows, JD_COMPARE_SECTION_DERIVED, "lifetime (exp − iat)");
  g_assert_cmpint (row->state, ==, JD_COMPARE_SAME);
  g_assert_cmpstr (row->left, ==, "1 hour");

  /* the answer: the failing one had expired when it was sent */
  row = find_row (rows, JD_COMPARE_SECTION_DERIVED, "at the moment of use");
  g_assert_nonnull (row);
  g_assert_cmpint (row->state, ==, JD_COMPARE_DIFFERENT);
  g_assert_cmpuint (row->rank, ==, 1);
  g_assert_cmpstr (row->left, ==, "expires in 59 minutes");
  g_assert_nonnull (strstr (row->right, "expired 40 seconds ago"));
  g_assert_true (g_str_has_prefix (notes[0], "token B had expired when it was used"));
  g_assert_true (notes_contain (notes, "different key id"));
  g_assert_true (notes_contain (notes, "expires 1 hour earlier"));
  /* The count the window shows names as many differences as its list. */
  g_assert_true (notes_contain (notes, "also different: iat"));
  g_assert_cmpuint (named_differences (notes), ==, jd_compare_count_differences (rows));
  assert_neutral (notes);
  g_assert_cmpuint (jd_compare_count_differences (rows), ==, 4);
  assert_no_secret (rows, left);
  assert_no_secret (rows, right);

  /* a server without leeway: the same answer, no longer "within leeway" */
  strict = jd_compare_tokens (left, right, jd_har_entry_get_started_unix (worked),
                              jd_har_entry_get_started_unix (failed), 0);
  row = find_row (strict, JD_COMPARE_SECTION_DERIVED, "at the moment of use");
  g_assert_cmpstr (row->right, ==, "expired 40 seconds ago");
}

static void
test_malformed (void)
{
  g_autoptr (JdToken) good = make_token ("{\"alg\":\"RS256\"}", "{\"aud\":\"x\"}");
  g_autoptr (JdToken) bad = jd_token_parse ("eyJhbGciOiJSUzI1NiJ9.e*yJhdWQiOiJ4In0.c2ln", -1);
  g_autoptr (JdToken) jwe
    = jd_token_parse ("eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.a.b.c.d", -1);
  g_autoptr (GPtrArray) rows = jd_compare_tokens (good, bad, 100, 100, 60);
  g_autoptr (GPtrArray) rows_jwe = jd_compare_tokens (jwe, good, 0, 0, 60);
  g_auto (GStrv) notes = jd_compare_dup_notes (rows);
  const JdCompareRow *row;

  row = find_row (rows, JD_COMPARE_SECTION_DERIVED, "decoding");
  g_assert_nonnull (row);
  g_assert_cmpstr (row->left, ==, "decoded");
  g_assert_nonnull (strstr (row->right, "segment 2"));
  g_assert_cmpstr (notes[0], ==, "token B cannot be fully decoded");
  /* the payload's claims are on the left only; alg is the same */
  g_assert_cmpint (find_row (rows, JD_COMPARE_SECTION_PAYLOAD, "aud")->state, ==,
                   JD_COMPARE_ONLY_LEFT);
  g_assert_cmpint (find_row (rows, JD_COMPARE_SECTION_HEADER, "alg")->state, ==, JD_COMPARE_SAME);
  /* neither has exp: the moment row says so on both sides */
  row = find_row (rows, JD_COMPARE_SECTION_DERIVED, "at the moment of use");
  g_assert_cmpstr (row->left, ==, "no usable exp");
  g_assert_cmpint (row->state, ==, JD_COMPARE_SAME);

  row = find_row (rows_jwe, JD_COMPARE_SECTION_DERIVED, "decoding");
  g_assert_nonnull (strstr (row->left, "encrypted (JWE)"));
  g_assert_cmpint (find_row (rows_jwe, JD_COMPARE_SECTION_HEADER, "enc")->state, ==,
                   JD_COMPARE_ONLY_LEFT);
}

/* Nested values are compared as JSON (member order does not matter), long
 * values are cut for display, and odd names sort after the known ones. */
static void
test_values (void)
{
  g_autofree char *long_a = g_strnfill (500, 'a');
  g_autofree char *payload_a = g_strdup_printf (
    "{\"zz\":1,\"cnf\":{\"jkt\":\"x\",\"n\":1},\"long\":\"%s\",\"aud\":\"x\"}", long_a);
  g_autoptr (JdToken) a = make_token ("{\"alg\":\"ES256\"}", payload_a);
  g_autoptr (JdToken) b = make_token (
    "{\"alg\":\"ES256\"}",
    "{\"aud\":\"x\",\"cnf\":{\"n\":1,\"jkt\":\"x\"},\"long\":\"b\",\"zz\":1.5,\"a b\":null}");
  g_autoptr (GPtrArray) rows = jd_compare_tokens (a, b, 0, 0, 60);
  const JdCompareRow *row;
  guint i_aud = G_MAXUINT, i_ab = G_MAXUINT, i_zz = G_MAXUINT;

  g_assert_cmpint (find_row (rows, JD_COMPARE_SECTION_PAYLOAD, "cnf")->state, ==, JD_COMPARE_SAME);
  g_assert_cmpint (find_row (rows, JD_COMPARE_SECTION_PAYLOAD, "zz")->state, ==,
                   JD_COMPARE_DIFFERENT);
  row = find_row (rows, JD_COMPARE_SECTION_PAYLOAD, "long");
  g_assert_cmpint (row->state, ==, JD_COMPARE_DIFFERENT);
  g_assert_cmpuint (g_utf8_strlen (row->left, -1), ==, 201);
  g_assert_true (g_str_has_suffix (row->left, "…"));
  row = find_row (rows, JD_COMPARE_SECTION_PAYLOAD, "a b");
  g_assert_cmpint (row->state, ==, JD_COMPARE_ONLY_RIGHT);
  g_assert_cmpstr (row->right, ==, "null");

  for (guint i = 0; i < rows->len; i++)
    {
      const JdCompareRow *r = g_ptr_array_index (rows, i);
      if (g_strcmp0 (r->name, "aud") == 0)
        i_aud = i;
      else if (g_strcmp0 (r->name, "a b") == 0)
        i_ab = i;
      else if (g_strcmp0 (r->name, "zz") == 0)
        i_zz = i;
    }
  g_assert_cmpuint (i_aud, <, i_ab);
  g_assert_cmpuint (i_ab, <, i_zz);
}

/* jd_compare_pick_pair() on tests/data/har-chrome-401.har, one case per
 * row: the request chosen (-1: none) and the pair expected (-1: none), as
 * positions in the file. */
typedef struct
{
  const char *name;
  int entry;
  int worked;
  int failed;
} PairCase;

static const PairCase pair_cases[] = {
  /* no choice: the first failing request with a token, and the same path that worked */
  { "first-failure", -1, 3, 1 },
  /* a request without a token counts as no choice */
  { "entry-without-token", 5, 3, 1 },
  /* a failure finds the call to the same path that worked */
  { "failure-same-path", 1, 3, 1 },
  /* a call that worked finds the nearest failure in time (no same path) */
  { "worked-nearest-failure", 0, 0, 1 },
  { "worked-same-path", 3, 3, 1 },
  /* the 403: the nearest call that worked, its token in the query */
  { "forbidden-nearest-worked", 4, 6, 4 },
};

static JdHarEntry *
har_entry_at (JdHar *har, int position)
{
  g_autoptr (JdHarEntry) entry = NULL;

  if (position < 0)
    return NULL;
  entry = g_list_model_get_item (G_LIST_MODEL (har), position);
  return entry; /* the HAR keeps it alive */
}

static void
test_pick_pair (gconstpointer data)
{
  const PairCase *c = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "har-chrome-401.har", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (JdHar) har = jd_har_load_file (file, NULL, NULL, &error);
  JdHarEntry *worked = NULL;
  JdHarEntry *failed = NULL;

  g_assert_no_error (error);
  jd_compare_pick_pair (har, har_entry_at (har, c->entry), &worked, &failed);
  g_assert_true (worked == har_entry_at (har, c->worked));
  g_assert_true (failed == har_entry_at (har, c->failed));
  if (worked != NULL)
    g_assert_true (jd_compare_entry_worked (worked));
  if (failed != NULL)
    g_assert_false (jd_compare_entry_worked (failed));
}

static void
test_describe (void)
{
  g_autofree char *same = jd_compare_state_describe (JD_COMPARE_SAME, NULL, NULL);
  g_autofree char *diff = jd_compare_state_describe (JD_COMPARE_DIFFERENT, "A", "B");
  g_autofree char *only_l = jd_compare_state_describe (JD_COMPARE_ONLY_LEFT, "Worked", "Failed");
  g_autofree char *only_r = jd_compare_state_describe (JD_COMPARE_ONLY_RIGHT, NULL, NULL);

  g_assert_cmpstr (same, ==, "same");
  g_assert_cmpstr (diff, ==, "different");
  g_assert_cmpstr (only_l, ==, "only in Worked");
  g_assert_cmpstr (only_r, ==, "only in B");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jd/compare/claims", test_claims);
  g_test_add_func ("/jd/compare/scopes-written-differently", test_scopes_written_differently);
  g_test_add_func ("/jd/compare/same", test_same);
  g_test_add_func ("/jd/compare/ordinary-only", test_ordinary_only);
  g_test_add_func ("/jd/compare/har-refresh-race", test_har_refresh_race);
  g_test_add_func ("/jd/compare/malformed", test_malformed);
  g_test_add_func ("/jd/compare/values", test_values);
  g_test_add_func ("/jd/compare/describe", test_describe);
  JD_TEST_ADD_ROWS ("/jd/compare/pick-pair", pair_cases, name, test_pick_pair);

  return g_test_run ();
}
