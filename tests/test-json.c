/* test-json.c — tests for src/core/jd-json.c (the JSONTestSuite run is in test-json-conformance.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "jd-json.h"
#include "test-rows.h"

static JsonNode *
parse (const char *text, JdJsonFlags flags, gsize *offset, GError **error)
{
  return jd_json_parse (text, strlen (text), flags, offset, error);
}

static void
test_values (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node
    = parse ("{\"a\": [1, -2.5e3, true, false, null, \"x\\u00e9\\ud83d\\ude00\"],"
             " \"big\": 123456789012345678901234567890}",
             0, NULL, &error);
  JsonObject *o;
  JsonArray *a;

  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  o = json_node_get_object (node);
  a = json_object_get_array_member (o, "a");
  g_assert_cmpint (json_array_get_int_element (a, 0), ==, 1);
  g_assert_cmpfloat (json_array_get_double_element (a, 1), ==, -2500.0);
  g_assert_true (json_array_get_boolean_element (a, 2));
  g_assert_true (json_array_get_null_element (a, 4));
  g_assert_cmpstr (json_array_get_string_element (a, 5), ==, "x\xc3\xa9\xf0\x9f\x98\x80");
  /* Too big for gint64: kept as a double, not wrapped. */
  g_assert_cmpfloat (json_object_get_double_member (o, "big"), >, 1e29);
}

static void
test_duplicates (void)
{
  g_autoptr (GError) error = NULL;
  gsize offset = 0;
  g_autoptr (JsonNode) node = parse ("{\"alg\":\"RS256\",\"alg\":\"none\"}", 0, &offset, &error);

  g_assert_null (node);
  g_assert_error (error, JD_JSON_ERROR, JD_JSON_ERROR_DUPLICATE_MEMBER);
  g_assert_cmpuint (offset, ==, 15);
  g_assert_nonnull (strstr (error->message, "\"alg\""));
  g_clear_error (&error);

  /* Allowed: the last one wins (RFC 7159 behaviour). */
  node = parse ("{\"alg\":\"RS256\",\"alg\":\"none\"}", JD_JSON_ALLOW_DUPLICATES, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "alg"), ==, "none");
}

/* Every error says at which byte, and what. A case per row. */
typedef struct
{
  const char *name;
  const char *text;
  gsize offset;
  const char *needle;
} ErrorCase;

static const ErrorCase error_cases[] = {
  { "missing-colon", "{\"a\" 1}", 5, "':'" },
  { "trailing-comma", "{\"a\":1,}", 7, "member name" },
  { "unclosed-array", "[1,2", 4, "end of the text" },
  { "leading-zero", "{\"a\":01}", 5, "0" },
  { "unclosed-string", "\"abc", 0, "never closed" },
  { "control-character", "[\"a\tb\"]", 3, "control character" },
  { "text-after-value", "{} x", 3, "after the JSON value" },
  { "bad-escape", "[\"\\x\"]", 2, "escape" },
  { "bad-literal", "[tru]", 1, "JSON value" },
  { "invalid-utf8", "\"\xff\"", 1, "UTF-8" },
  { "lone-surrogate", "[\"\\ud800\"]", 2, "surrogate" },
  { "empty", "", 0, "no JSON" },
};

static void
test_errors_say_where (gconstpointer data)
{
  const ErrorCase *c = data;
  g_autoptr (GError) error = NULL;
  gsize offset = 999;
  g_autoptr (JsonNode) node = parse (c->text, 0, &offset, &error);
  g_autofree char *where = g_strdup_printf ("byte %" G_GSIZE_FORMAT ":", c->offset);

  g_test_message ("%s: %s", c->name, error ? error->message : "(accepted)");
  g_assert_null (node);
  g_assert_nonnull (error);
  g_assert_cmpuint (offset, ==, c->offset);
  g_assert_nonnull (strstr (error->message, where));
  g_assert_nonnull (strstr (error->message, c->needle));
}

static void
test_depth_limit (void)
{
  g_autoptr (GString) deep = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) ok = NULL;
  g_autoptr (JsonNode) node = NULL;

  for (int i = 0; i < JD_JSON_MAX_DEPTH; i++)
    g_string_append_c (deep, '[');
  for (int i = 0; i < JD_JSON_MAX_DEPTH; i++)
    g_string_append_c (deep, ']');
  ok = jd_json_parse (deep->str, deep->len, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ok);

  g_string_prepend_c (deep, '[');
  g_string_append_c (deep, ']');
  node = jd_json_parse (deep->str, deep->len, 0, NULL, &error);
  g_assert_null (node);
  g_assert_error (error, JD_JSON_ERROR, JD_JSON_ERROR_TOO_DEEP);
}

static void
test_bom (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) a = jd_json_parse ("\xEF\xBB\xBF{}", 5, JD_JSON_ALLOW_BOM, NULL, &error);
  g_autoptr (JsonNode) b = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (a);
  b = jd_json_parse ("\xEF\xBB\xBF{}", 5, 0, NULL, &error);
  g_assert_null (b);
  g_assert_nonnull (error);
}

static void
test_embedded_nul (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = jd_json_parse ("{}\0{}", 5, 0, NULL, &error);

  g_assert_null (node);
  g_assert_error (error, JD_JSON_ERROR, JD_JSON_ERROR_SYNTAX);
}

static void
test_to_string (void)
{
  g_autoptr (JsonNode) node = parse ("{\"b\":1,\"a\":[true]}", 0, NULL, NULL);
  g_autofree char *compact = jd_json_to_string (node, FALSE);
  g_autofree char *pretty = jd_json_to_string (node, TRUE);

  /* Member order is kept as written. */
  g_assert_cmpstr (compact, ==, "{\"b\":1,\"a\":[true]}");
  g_assert_nonnull (strstr (pretty, "\n  \"b\" : 1"));
}

static void
test_to_string_is_json (void)
{
  /* json-glib 1.6 writes these as 1e+22.0, -inf.0 and a raw U+001F. */
  g_autoptr (JsonNode) node
    = parse ("{\"a\":1E22,\"b\":-1e999,\"c\":\"x\\u001fy\",\"d\":[],\"e\":{},"
             "\"f\":0.5,\"g\":\"q\\\"\\\\\"}",
             0, NULL, NULL);
  g_autofree char *compact = jd_json_to_string (node, FALSE);
  g_autofree char *pretty = jd_json_to_string (node, TRUE);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) again = NULL;

  g_assert_cmpstr (compact, ==,
                   "{\"a\":1e+22,\"b\":null,\"c\":\"x\\u001fy\",\"d\":[],\"e\":{},"
                   "\"f\":0.5,\"g\":\"q\\\"\\\\\"}");
  again = jd_json_parse (pretty, strlen (pretty), 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (json_object_get_double_member (json_node_get_object (again), "a"), ==, 1e22);
}

/* #12: every string round-trips exactly, U+0000 included: parse, write,
 * and the text written is @written; parsing it again writes it again. */
static const struct
{
  const char *name;
  const char *json;
  const char *written;
} round_trip_rows[] = {
  { "nul-inside", "{\"sub\":\"ali\\u0000ce\"}", "{\"sub\":\"ali\\u0000ce\"}" },
  { "nul-alone", "[\"\\u0000\"]", "[\"\\u0000\"]" },
  { "nul-in-a-name", "{\"a\\u0000b\":1}", "{\"a\\u0000b\":1}" },
  { "nul-then-zero", "[\"\\u00000\"]", "[\"\\u00000\"]" },
  /* close inputs: text that looks like the escape is not U+0000 */
  { "close-backslash-u-text", "[\"ali\\\\u0000ce\"]", "[\"ali\\\\u0000ce\"]" },
  { "close-mark-character",
    "[\"\xef\xb7\x91"
    "0\"]",
    "[\"\xef\xb7\x91"
    "0\"]" },
  { "close-escaped-mark", "[\"\\ufdd10\"]",
    "[\"\xef\xb7\x91"
    "0\"]" },
};

static void
test_round_trip (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = parse (round_trip_rows[i].json, 0, NULL, &error);
  g_autofree char *written = NULL;
  g_autoptr (JsonNode) again = NULL;
  g_autofree char *rewritten = NULL;

  g_assert_no_error (error);
  written = jd_json_to_string (node, FALSE);
  g_assert_cmpstr (written, ==, round_trip_rows[i].written);
  again = parse (written, 0, NULL, &error);
  g_assert_no_error (error);
  rewritten = jd_json_to_string (again, FALSE);
  g_assert_cmpstr (rewritten, ==, written);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jd/json/values", test_values);
  g_test_add_func ("/jd/json/duplicates", test_duplicates);
  JD_TEST_ADD_ROWS ("/jd/json/errors", error_cases, name, test_errors_say_where);
  g_test_add_func ("/jd/json/depth", test_depth_limit);
  g_test_add_func ("/jd/json/bom", test_bom);
  g_test_add_func ("/jd/json/nul", test_embedded_nul);
  for (guint i = 0; i < G_N_ELEMENTS (round_trip_rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/jd/json/round-trip/%s", round_trip_rows[i].name);
      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_round_trip);
    }
  g_test_add_func ("/jd/json/to-string", test_to_string);
  g_test_add_func ("/jd/json/to-string-is-json", test_to_string_is_json);

  return g_test_run ();
}
