/* test-json-conformance.c — JSONTestSuite through both JSON readers
 *
 * Every y_ file must be accepted and every n_ file rejected, by the
 * streaming reader (src/core/jd-json-reader.c) and by the strict DOM parser
 * (src/core/jd-json.c). i_ files (implementation-defined) are run and their
 * outcome reported, never asserted. A mutation pass then checks that the
 * two agree on bytes no one wrote by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "jd-json-reader.h"
#include "jd-json.h"

static char *
conformance_dir (void)
{
  /* vendored in tests/data/json-conformance (tests/data/SOURCES) */
  return g_test_build_filename (G_TEST_DIST, "data", "json-conformance", "test_parsing", NULL);
}

/* Runs the streaming reader over the whole document; TRUE when accepted. */
static gboolean
reader_accepts (const char *data, gsize len, char **message)
{
  g_autoptr (JdJsonReader) reader = jd_json_reader_new (data, len, JD_JSON_READER_FLAGS_NONE);
  JdJsonToken token;
  guint n = 0;

  do
    {
      token = jd_json_reader_next (reader);
      /* exercise the accessors: they must work on every token */
      if (token == JD_JSON_TOKEN_STRING || token == JD_JSON_TOKEN_MEMBER)
        {
          gsize slen = 0;
          const char *s = jd_json_reader_get_string (reader, &slen);

          g_assert_nonnull (s);
          g_assert_true (g_utf8_validate (s, slen, NULL) || memchr (s, 0, slen) != NULL);
        }
      else if (token == JD_JSON_TOKEN_NUMBER)
        (void)jd_json_reader_get_double (reader);
      n++;
    }
  while (token != JD_JSON_TOKEN_END && token != JD_JSON_TOKEN_ERROR);

  if (token == JD_JSON_TOKEN_ERROR)
    {
      const GError *error = jd_json_reader_get_error (reader);

      g_assert_nonnull (error);
      g_assert_true (error->domain == JD_JSON_READER_ERROR);
      /* every message says where */
      g_assert_true (g_str_has_prefix (error->message, "byte "));
      g_assert_cmpuint (jd_json_reader_get_error_offset (reader), <=, len);
      if (message != NULL)
        *message = g_strdup (error->message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
dom_accepts (const char *data, gsize len, char **message)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = NULL;
  gsize offset = 0;

  node = jd_json_parse (data, len, JD_JSON_ALLOW_DUPLICATES, &offset, &error);
  if (node == NULL)
    {
      g_assert_nonnull (error);
      if (message != NULL)
        *message = g_strdup (error->message);
      return FALSE;
    }
  g_assert_no_error (error);
  return TRUE;
}

static void
test_file (gconstpointer user_data)
{
  const char *path = user_data;
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *contents = NULL;
  g_autofree char *reader_message = NULL;
  g_autofree char *dom_message = NULL;
  g_autoptr (GError) error = NULL;
  gsize len = 0;
  gboolean by_reader;
  gboolean by_dom;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);

  by_reader = reader_accepts (contents, len, &reader_message);
  by_dom = dom_accepts (contents, len, &dom_message);

  if (base[0] == 'y')
    {
      if (!by_reader)
        g_test_message ("%s: streaming reader rejected: %s", base, reader_message);
      if (!by_dom)
        g_test_message ("%s: jd_json_parse rejected: %s", base, dom_message);
      g_assert_true (by_reader);
      g_assert_true (by_dom);
    }
  else if (base[0] == 'n')
    {
      if (by_reader)
        g_test_message ("%s: streaming reader accepted", base);
      if (by_dom)
        g_test_message ("%s: jd_json_parse accepted", base);
      g_assert_false (by_reader);
      g_assert_false (by_dom);
    }
  else
    {
      g_test_message ("%s: streaming reader %s%s%s; jd_json_parse %s%s%s", base,
                      by_reader ? "accepts" : "rejects", by_reader ? "" : ": ",
                      by_reader ? "" : reader_message, by_dom ? "accepts" : "rejects",
                      by_dom ? "" : ": ", by_dom ? "" : dom_message);
    }
}

/* The vendored corpus (tests/data/SOURCES) is all there: 318 files of
 * JSONTestSuite's test_parsing/ became one case each. */
static void
test_corpus (gconstpointer data)
{
  g_assert_cmpuint (GPOINTER_TO_UINT (data), ==, 318);
}

/* Byte flips, deletions and truncations of the y_ files: the two parsers
 * must not crash and must agree on what is JSON. Deterministic seed. */
static void
test_mutations (void)
{
  g_autofree char *dir = conformance_dir ();
  g_autoptr (GDir) d = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261128);
  static const char alphabet[] = "{}[]\",:0123456789.eE+-tfnul \\\x01\x7f\xc3\xa9\xed\xa0\x80\xf0";
  const char *name;
  guint n_cases = 0;
  guint n_disagree = 0;
  guint n_surrogates = 0;

  g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));

  d = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (d);

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *contents = NULL;
      gsize len;

      if (name[0] != 'y')
        continue;

      path = g_build_filename (dir, name, NULL);
      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));

      for (guint i = 0; i < 40; i++)
        {
          g_autofree char *copy = g_malloc (len + 2);
          gsize clen = len;
          gboolean a;
          gboolean b;

          memcpy (copy, contents, len);
          if (len > 0)
            {
              gsize at = g_rand_int_range (rand, 0, (gint32)len);

              switch (g_rand_int_range (rand, 0, 3))
                {
                  case 0: /* replace one byte */
                    copy[at] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
                    break;
                  case 1: /* delete one byte */
                    memmove (copy + at, copy + at + 1, len - at - 1);
                    clen--;
                    break;
                  default: /* truncate */
                    clen = at;
                    break;
                }
            }

          g_autofree char *dom_message = NULL;

          a = reader_accepts (copy, clen, NULL);
          b = dom_accepts (copy, clen, &dom_message);
          n_cases++;
          /* A known, deliberate difference (JSONTestSuite's i_ cases): a
           * lone surrogate escape is U+FFFD for the streaming reader (a HAR
           * with a cut JavaScript string is still read) and an error for
           * jd_json_parse (a JOSE header must be exact). */
          if (a && !b && dom_message != NULL && strstr (dom_message, "surrogate") != NULL)
            {
              n_surrogates++;
              continue;
            }
          if (a != b)
            {
              n_disagree++;
              g_test_message ("disagreement (reader %s, jd_json_parse %s) on %s mutated: %.*s",
                              a ? "accepts" : "rejects", b ? "accepts" : "rejects", name,
                              (int)MIN (clen, 200), copy);
            }
        }
    }

  g_test_message (
    "%u mutations, %u disagreements, %u lone surrogates (accepted by the reader only)", n_cases,
    n_disagree, n_surrogates);
  g_assert_cmpuint (n_cases, >, 1000);
  g_assert_cmpuint (n_disagree, ==, 0);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  /* g_ptr_array_sort passes pointers to the elements */
  return strcmp (*(char *const *)a, *(char *const *)b);
}

int
main (int argc, char *argv[])
{
  g_autofree char *dir = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) d = NULL;
  const char *name;
  int ret;

  g_test_init (&argc, &argv, NULL);

  dir = conformance_dir ();
  d = g_dir_open (dir, 0, NULL);

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      if (g_str_has_suffix (name, ".json") && (name[0] == 'y' || name[0] == 'n' || name[0] == 'i')
          && name[1] == '_')
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *n = g_ptr_array_index (names, i);
      g_autofree char *test_path = g_strdup_printf ("/jd/json-conformance/%c/%s", n[0], n);
      char *path = g_build_filename (dir, n, NULL);

      g_ptr_array_add (paths, path);
      g_test_add_data_func (test_path, path, test_file);
    }

  g_test_add_data_func ("/jd/json-conformance/corpus", GUINT_TO_POINTER (names->len), test_corpus);
  g_test_add_func ("/jd/json-conformance/mutations", test_mutations);

  ret = g_test_run ();
  return ret;
}
