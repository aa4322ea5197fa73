/* test-limits.c — every input has a limit with a clear message, never a
 * crash or a hang: tokens, JSON nesting, HAR size and entries, keys
 * (headers, WWW-Authenticate and pastes: test-limits-http.c)
 *
 * Each limit is tested at its value (accepted) and one past it (refused or
 * left out, with a message that says where and gives the numbers).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "jd-base64.h"
#include "jd-diagnosis.h"
#include "jd-har.h"
#include "jd-input.h"
#include "jd-json-reader.h"
#include "jd-json.h"
#include "jd-keys.h"
#include "jd-request.h"
#include "jd-token.h"
#include "jd-verify.h"
#include "jd-www-authenticate.h"
#include "test-limits-util.h"

static gboolean
has_problem (JdToken *token, JdTokenError code)
{
  GPtrArray *problems = jd_token_get_problems (token);

  for (guint i = 0; i < problems->len; i++)
    if (((JdTokenProblem *)g_ptr_array_index (problems, i))->code == code)
      return TRUE;
  return FALSE;
}

/* ---- tokens ------------------------------------------------------------ */

static void
test_token_1mib (void)
{
  g_autofree char *filler = g_strnfill (MIB, 'x');
  g_autofree char *payload
    = g_strdup_printf ("{\"sub\":\"u\",\"exp\":1700000000,\"blob\":\"%s\"}", filler);
  g_autofree char *text = make_token (payload);
  g_autofree char *pasted = g_strdup_printf ("Authorization: Bearer %s\n", text);
  g_autoptr (JdToken) token = NULL;
  g_autoptr (JdInput) input = NULL;
  g_autoptr (JdExpectations) expect = jd_expectations_new ();
  g_autoptr (GPtrArray) findings = NULL;
  JsonObject *claims;

  g_assert_cmpuint (strlen (text), >, MIB);

  token = jd_token_parse (text, -1);
  g_assert_false (jd_token_is_malformed (token));
  claims = jd_token_get_claims (token);
  g_assert_nonnull (claims);
  g_assert_cmpuint (strlen (json_object_get_string_member (claims, "blob")), ==, MIB);

  expect->now = 1700000100;
  findings = jd_diagnose (token, expect, NULL, NULL);
  g_assert_true (jd_findings_has (findings, JD_FINDING_EXPIRED));

  /* The same as a paste: found whole. */
  input = jd_input_parse (pasted, strlen (pasted));
  g_assert_cmpstr (jd_input_get_token (input), ==, text);
}

static void
test_token_too_large (void)
{
  gsize len = JD_TOKEN_MAX_SIZE + 1;
  g_autofree char *text = g_strnfill (len, 'a');
  g_autoptr (JdToken) token = jd_token_parse (text, len);
  const JdTokenProblem *p;

  g_assert_true (jd_token_is_malformed (token));
  g_assert_true (has_problem (token, JD_TOKEN_ERROR_TOO_LARGE));
  p = g_ptr_array_index (jd_token_get_problems (token), 0);
  g_assert_nonnull (strstr (p->message, "MiB"));
  g_assert_cmpuint (jd_token_get_length (token), ==, 0); /* nothing kept */
}

static void
test_token_deep_payload (void)
{
  g_autofree char *open = g_strnfill (100000, '[');
  g_autofree char *close = g_strnfill (100000, ']');
  g_autofree char *payload = g_strconcat (open, close, NULL);
  g_autofree char *text = make_token (payload);
  g_autoptr (JdToken) token = jd_token_parse (text, -1);
  g_autoptr (JdExpectations) expect = jd_expectations_new ();
  g_autoptr (GPtrArray) findings = NULL;

  g_assert_true (jd_token_is_malformed (token));
  g_assert_true (has_problem (token, JD_TOKEN_ERROR_JSON));
  findings = jd_diagnose (token, expect, NULL, NULL);
  g_assert_true (jd_findings_has (findings, JD_FINDING_MALFORMED));
}

/* ---- JSON ---------------------------------------------------------------- */

static JsonNode *
parse_nested (guint depth, GError **error)
{
  g_autofree char *open = g_strnfill (depth, '[');
  g_autofree char *close = g_strnfill (depth, ']');
  g_autofree char *text = g_strconcat (open, close, NULL);

  return jd_json_parse (text, strlen (text), JD_JSON_FLAGS_NONE, NULL, error);
}

static void
test_json_depth (void)
{
  g_autoptr (JsonNode) ok = NULL;
  g_autoptr (JsonNode) deep = NULL;
  g_autoptr (JsonNode) very_deep = NULL;
  g_autoptr (GError) error = NULL;

  ok = parse_nested (JD_JSON_MAX_DEPTH, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ok);

  deep = parse_nested (JD_JSON_MAX_DEPTH + 1, &error);
  g_assert_null (deep);
  g_assert_error (error, JD_JSON_ERROR, JD_JSON_ERROR_TOO_DEEP);
  g_assert_nonnull (strstr (error->message, "nested deeper than 128"));
  g_clear_error (&error);

  /* A megabyte of '[' is refused at byte 128, not by the stack. */
  very_deep = parse_nested (MIB, &error);
  g_assert_null (very_deep);
  g_assert_error (error, JD_JSON_ERROR, JD_JSON_ERROR_TOO_DEEP);
}

static void
test_json_reader_limits (void)
{
  g_autofree char *open = g_strnfill (10 * MIB, '[');
  const char nested[] = "[[[[[1]]]]]";
  const char text[] = "[\"0123456789abcdef\"]";
  g_autoptr (JdJsonReader) deep = jd_json_reader_new (nested, strlen (nested), 0);
  g_autoptr (JdJsonReader) longs = jd_json_reader_new (text, strlen (text), 0);
  g_autoptr (JdJsonReader) huge = jd_json_reader_new (open, 10 * MIB, 0);
  JdJsonToken t;

  jd_json_reader_set_limits (deep, 4, 0);
  while ((t = jd_json_reader_next (deep)) != JD_JSON_TOKEN_ERROR && t != JD_JSON_TOKEN_END)
    ;
  g_assert_cmpint (t, ==, JD_JSON_TOKEN_ERROR);
  g_assert_error ((GError *)jd_json_reader_get_error (deep), JD_JSON_READER_ERROR,
                  JD_JSON_READER_ERROR_TOO_DEEP);
  g_assert_cmpuint (jd_json_reader_get_error_offset (deep), ==, 4);

  jd_json_reader_set_limits (longs, 0, 10);
  while ((t = jd_json_reader_next (longs)) != JD_JSON_TOKEN_ERROR && t != JD_JSON_TOKEN_END)
    ;
  g_assert_error ((GError *)jd_json_reader_get_error (longs), JD_JSON_READER_ERROR,
                  JD_JSON_READER_ERROR_TOO_LONG);

  /* The default limit holds for 10 MiB of '['. */
  while ((t = jd_json_reader_next (huge)) != JD_JSON_TOKEN_ERROR && t != JD_JSON_TOKEN_END)
    ;
  g_assert_error ((GError *)jd_json_reader_get_error (huge), JD_JSON_READER_ERROR,
                  JD_JSON_READER_ERROR_TOO_DEEP);
  g_assert_cmpuint (jd_json_reader_get_error_offset (huge), ==, JD_JSON_READER_DEFAULT_MAX_DEPTH);
}

/* ---- HAR ----------------------------------------------------------------- */

static GBytes *
make_har (guint n_entries, const char *extra)
{
  GString *s = g_string_new ("{\"log\":{\"version\":\"1.2\",\"entries\":[");

  for (guint i = 0; i < n_entries; i++)
    g_string_append_printf (
      s,
      "%s{\"startedDateTime\":\"2023-11-14T22:13:20Z\",\"time\":1,"
      "\"request\":{\"method\":\"GET\",\"url\":\"https://a.example/%u\","
      "\"headers\":[{\"name\":\"Authorization\",\"value\":\"Bearer x.y.z\"}]%s},"
      "\"response\":{\"status\":401,\"statusText\":\"\",\"headers\":[]}}",
      i ? "," : "", i, extra ? extra : "");
  g_string_append (s, "]}}");
  return g_string_free_to_bytes (s);
}

static void
test_har_file_size (void)
{
  g_autoptr (GBytes) bytes = make_har (3, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (JdHar) har = NULL;
  JdHarLimits limits;

  jd_har_limits_init (&limits);
  limits.max_file_size = 100;
  har = jd_har_load_bytes (bytes, &limits, NULL, &error);
  g_assert_null (har);
  g_assert_error (error, JD_HAR_ERROR, JD_HAR_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "not read"));
}

static void
test_har_entries (void)
{
  g_autoptr (GBytes) bytes = make_har (10, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (JdHar) har = NULL;
  GPtrArray *problems;
  const JdHarProblem *last;
  JdHarLimits limits;

  jd_har_limits_init (&limits);
  limits.max_entries = 3;
  har = jd_har_load_bytes (bytes, &limits, NULL, &error);
  g_assert_no_error (error);
  /* The first entries are kept, and a problem says the rest were not read. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (har)), ==, 3);
  problems = jd_har_get_problems (har);
  g_assert_cmpuint (problems->len, >, 0);
  last = g_ptr_array_index (problems, problems->len - 1);
  g_assert_true (last->fatal);
  g_assert_nonnull (strstr (last->message, "more than 3 entries"));
}

static void
test_har_many_entries (void)
{
  g_autoptr (GBytes) bytes = make_har (20000, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (JdHar) har = jd_har_load_bytes (bytes, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (har)), ==, 20000);
  g_assert_cmpuint (jd_har_get_n_auth_failures (har), ==, 20000);
}

static void
test_har_depth_and_strings (void)
{
  g_autofree char *open = g_strnfill (300, '[');
  g_autofree char *close = g_strnfill (300, ']');
  g_autofree char *deep_extra = g_strdup_printf (",\"x\":%s%s", open, close);
  g_autofree char *long_string = g_strnfill (5000, 's');
  g_autofree char *long_extra = g_strdup_printf (",\"comment\":\"%s\"", long_string);
  g_autoptr (GBytes) deep = make_har (2, deep_extra);
  g_autoptr (GBytes) longs = make_har (2, long_extra);
  g_autoptr (JdHar) har_deep = NULL;
  g_autoptr (JdHar) har_long = NULL;
  g_autoptr (GError) error = NULL;
  const JdHarProblem *problem;
  JdHarLimits limits;

  /* Nesting beyond the default 256 stops reading there, with a message. */
  har_deep = jd_har_load_bytes (deep, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (har_deep)), ==, 0);
  problem = g_ptr_array_index (jd_har_get_problems (har_deep), 0);
  g_assert_true (problem->fatal);
  g_assert_nonnull (strstr (problem->message, "more than 256 nested"));

  jd_har_limits_init (&limits);
  limits.max_string_length = 1000;
  har_long = jd_har_load_bytes (longs, &limits, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jd_har_get_problems (har_long)->len, >, 0);
  problem = g_ptr_array_index (jd_har_get_problems (har_long), 0);
  g_test_message ("%s", problem->message);
  g_assert_true (problem->fatal);
  g_assert_nonnull (strstr (problem->message, "1000"));
}

/* ---- keys ---------------------------------------------------------------- */

static void
test_keys_too_large (void)
{
  static const char jwks[]
    = "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"a\",\"k\":\"c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0\"}]}";
  gsize len = JD_KEYS_MAX_SIZE + 1;
  g_autofree char *data = g_strnfill (len, ' ');
  g_autoptr (JdKeySet) set = jd_key_set_new ();
  g_autoptr (JdKeySet) fits = jd_key_set_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  g_assert_cmpint (JD_KEYS_MAX_SIZE, ==, 16 * MIB);

  /* At the limit: a JWKS followed by whitespace up to 16 MiB loads. */
  memcpy (data, jwks, strlen (jwks));
  g_assert_true (jd_key_set_load_data (fits, data, JD_KEYS_MAX_SIZE, "big.jwks", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (jd_key_set_get_n_keys (fits), ==, 1);

  g_assert_false (jd_key_set_load_data (set, data, len, "big.jwks", &error));
  g_assert_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_TOO_LARGE);
  message
    = g_strdup_printf ("big.jwks: %zu bytes is too large for a key set (the limit is 16 MiB)", len);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_keys_nesting (void)
{
  /* json-glib's parser recursed once per '[' and overflowed the stack. */
  g_autofree char *data = g_strnfill (MIB, '[');
  g_autoptr (JdKeySet) set = jd_key_set_new ();
  g_autoptr (GError) error = NULL;

  g_assert_false (jd_key_set_load_data (set, data, MIB, "deep.jwks", &error));
  g_assert_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "nested"));
}

/* A JWKS of @n oct keys; @array_only: a bare array instead of {"keys": …}. */
static char *
make_jwks (guint n, gboolean array_only)
{
  GString *s = g_string_new (array_only ? "[" : "{\"keys\":[");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (
      s,
      "%s{\"kty\":\"oct\",\"kid\":\"k%u\",\"k\":\"c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LSVk%04u\"}",
      i ? "," : "", i, i);
  g_string_append (s, array_only ? "]" : "]}");
  return g_string_free (s, FALSE);
}

static void
test_keys_at_limit (void)
{
  g_autofree char *data = make_jwks (JD_KEYS_MAX_KEYS, FALSE);
  g_autoptr (JdKeySet) set = jd_key_set_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (JdToken) token = NULL;
  g_autoptr (JdVerifyResult) result = NULL;
  g_autofree char *text = make_token ("{\"sub\":\"u\"}");

  g_assert_cmpint (JD_KEYS_MAX_KEYS, ==, 1000);
  g_assert_true (jd_key_set_load_data (set, data, strlen (data), "many.jwks", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (jd_key_set_get_n_keys (set), ==, 1000);
  g_assert_null (find_finding (jd_key_set_get_warnings (set), JD_FINDING_JWKS_TOO_MANY_KEYS));

  /* All are tried. */
  token = jd_token_parse (text, -1);
  result = jd_verify (token, set, NULL);
  g_assert_cmpint (jd_verify_result_get_status (result), ==, JD_SIGNATURE_INVALID);
  g_assert_cmpuint (g_list_model_get_n_items (jd_verify_result_get_verdicts (result)), ==, 1000);
}

static void
test_keys_over_limit (void)
{
  g_autofree char *data = make_jwks (JD_KEYS_MAX_KEYS + 1, FALSE);
  g_autofree char *many = make_jwks (4096, TRUE);
  g_autoptr (JdKeySet) set = jd_key_set_new ();
  g_autoptr (JdKeySet) array_set = jd_key_set_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (JdToken) token = NULL;
  g_autoptr (JdVerifyResult) result = NULL;
  g_autoptr (JdExpectations) expect = jd_expectations_new ();
  g_autoptr (GPtrArray) findings = NULL;
  g_autofree char *text = make_token ("{\"sub\":\"u\"}");
  JdFinding *warning;

  /* The first 1000 are read; the set says the rest were not. */
  g_assert_true (jd_key_set_load_data (set, data, strlen (data), "many.jwks", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (jd_key_set_get_n_keys (set), ==, 1000);
  g_assert_cmpstr (jd_key_get_kid (jd_key_set_get_key (set, 999)), ==, "k999");
  warning = find_finding (jd_key_set_get_warnings (set), JD_FINDING_JWKS_TOO_MANY_KEYS);
  g_assert_nonnull (warning);
  g_assert_cmpint (jd_finding_get_severity (warning), ==, JD_SEVERITY_WARNING);
  assert_contains (jd_finding_get_message (warning),
                   "many.jwks keys[1000]…: the set holds 1001 keys; only the first 1000 are read");

  /* The warning travels with the verification into the diagnosis (what the
   * window and the CLI show). */
  token = jd_token_parse (text, -1);
  result = jd_verify (token, set, NULL);
  findings = jd_diagnose (token, expect, result, NULL);
  g_assert_true (jd_findings_has (findings, JD_FINDING_JWKS_TOO_MANY_KEYS));

  /* A bare array of JWKs: the same, with its own path. */
  g_assert_true (jd_key_set_load_data (array_set, many, strlen (many), "array.json", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (jd_key_set_get_n_keys (array_set), ==, 1000);
  warning = find_finding (jd_key_set_get_warnings (array_set), JD_FINDING_JWKS_TOO_MANY_KEYS);
  g_assert_nonnull (warning);
  assert_contains (jd_finding_get_message (warning),
                   "array.json [1000]…: the set holds 4096 keys; only the first 1000 are read");
}

/* The limit is per set, across loads (the window loads file after file
 * into one set). */
static void
test_keys_over_limit_across_loads (void)
{
  g_autofree char *data = make_jwks (600, FALSE);
  g_autoptr (JdKeySet) set = jd_key_set_new ();
  g_autoptr (GError) error = NULL;
  GPtrArray *warnings;
  guint n_warnings = 0;

  g_assert_true (jd_key_set_load_data (set, data, strlen (data), "a.jwks", &error));
  g_assert_no_error (error);
  g_assert_null (find_finding (jd_key_set_get_warnings (set), JD_FINDING_JWKS_TOO_MANY_KEYS));

  g_assert_true (jd_key_set_load_data (set, data, strlen (data), "b.jwks", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (jd_key_set_get_n_keys (set), ==, JD_KEYS_MAX_KEYS);
  g_assert_cmpstr (jd_key_get_kid (jd_key_set_get_key (set, 999)), ==, "k399");
  assert_contains (jd_finding_get_message (
                     find_finding (jd_key_set_get_warnings (set), JD_FINDING_JWKS_TOO_MANY_KEYS)),
                   "b.jwks: the key set already holds 600 keys; of the 600 here only the first 400 "
                   "are read");

  /* Full: a third load adds nothing, and says so. */
  g_assert_true (jd_key_set_load_data (set, data, strlen (data), "c.jwks", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (jd_key_set_get_n_keys (set), ==, JD_KEYS_MAX_KEYS);
  warnings = jd_key_set_get_warnings (set);
  for (guint i = 0; i < warnings->len; i++)
    if (g_str_equal (jd_finding_get_id (g_ptr_array_index (warnings, i)),
                     JD_FINDING_JWKS_TOO_MANY_KEYS))
      {
        n_warnings++;
        if (strstr (jd_finding_get_message (g_ptr_array_index (warnings, i)), "c.jwks") != NULL)
          assert_contains (
            jd_finding_get_message (g_ptr_array_index (warnings, i)),
            "c.jwks: the key set already holds 1000 keys; of the 600 here none are read");
      }
  g_assert_cmpuint (n_warnings, ==, 2);
}

static void
test_keys_pem_over_limit (void)
{
  static const char block[] = "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n";
  static const char cert[] = "-----BEGIN CERTIFICATE-----\\nAAAA\\n-----END CERTIFICATE-----\\n";
  g_autoptr (GString) at = g_string_new (NULL);
  g_autoptr (GString) map = g_string_new ("{");
  g_autofree char *over = NULL;
  g_autoptr (JdKeySet) set_at = jd_key_set_new ();
  g_autoptr (JdKeySet) set_over = jd_key_set_new ();
  g_autoptr (JdKeySet) set_map = jd_key_set_new ();
  g_autoptr (GError) error = NULL;
  JdFinding *warning;

  /* PEM blocks (each broken, so each a key with its problem) */
  for (guint i = 0; i < JD_KEYS_MAX_KEYS; i++)
    g_string_append (at, block);
  over = g_strconcat (at->str, block, NULL);

  g_assert_true (jd_key_set_load_data (set_at, at->str, at->len, "keys.pem", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (jd_key_set_get_n_keys (set_at), ==, 1000);
  g_assert_null (find_finding (jd_key_set_get_warnings (set_at), JD_FINDING_JWKS_TOO_MANY_KEYS));

  g_assert_true (jd_key_set_load_data (set_over, over, strlen (over), "keys.pem", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (jd_key_set_get_n_keys (set_over), ==, 1000);
  warning = find_finding (jd_key_set_get_warnings (set_over), JD_FINDING_JWKS_TOO_MANY_KEYS);
  g_assert_nonnull (warning);
  assert_contains (
    jd_finding_get_message (warning),
    "keys.pem PEM block 1001…: the set holds 1001 keys; only the first 1000 are read");

  /* {"kid": "-----BEGIN CERTIFICATE-----…"}, as Google publishes. */
  for (guint i = 0; i < JD_KEYS_MAX_KEYS + 5; i++)
    g_string_append_printf (map, "%s\"c%u\":\"%s\"", i ? "," : "", i, cert);
  g_string_append_c (map, '}');
  g_assert_true (jd_key_set_load_data (set_map, map->str, map->len, "certs.json", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (jd_key_set_get_n_keys (set_map), ==, 1000);
  warning = find_finding (jd_key_set_get_warnings (set_map), JD_FINDING_JWKS_TOO_MANY_KEYS);
  g_assert_nonnull (warning);
  assert_contains (jd_finding_get_message (warning),
                   "certs.json \"c1000\"…: the set holds 1005 keys; only the first 1000 are read");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jd/limits/token/1mib", test_token_1mib);
  g_test_add_func ("/jd/limits/token/too-large", test_token_too_large);
  g_test_add_func ("/jd/limits/token/deep-payload", test_token_deep_payload);
  g_test_add_func ("/jd/limits/json/depth", test_json_depth);
  g_test_add_func ("/jd/limits/json-reader/limits", test_json_reader_limits);
  g_test_add_func ("/jd/limits/har/file-size", test_har_file_size);
  g_test_add_func ("/jd/limits/har/entries", test_har_entries);
  g_test_add_func ("/jd/limits/har/many-entries", test_har_many_entries);
  g_test_add_func ("/jd/limits/har/depth-and-strings", test_har_depth_and_strings);
  g_test_add_func ("/jd/limits/keys/too-large", test_keys_too_large);
  g_test_add_func ("/jd/limits/keys/nesting", test_keys_nesting);
  g_test_add_func ("/jd/limits/keys/at-limit", test_keys_at_limit);
  g_test_add_func ("/jd/limits/keys/over-limit", test_keys_over_limit);
  g_test_add_func ("/jd/limits/keys/pem-over-limit", test_keys_pem_over_limit);
  g_test_add_func ("/jd/limits/keys/over-limit-across-loads", test_keys_over_limit_across_loads);
  return g_test_run ();
}
