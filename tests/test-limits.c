/* test-limits.c — every input has a limit with a clear message, never a
 * crash or a hang: tokens, JSON nesting, HAR size and entries, keys,
 * WWW-Authenticate values, header counts, pasted curl commands
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
#include "jd-input-private.h"
#include "jd-json-reader.h"
#include "jd-json.h"
#include "jd-keys.h"
#include "jd-request.h"
#include "jd-token.h"
#include "jd-verify.h"
#include "jd-www-authenticate.h"

#define MIB (1024 * 1024)

static char *
b64url (const char *data, gsize len)
{
  return jd_base64url_encode (data, len);
}

/* A compact HS256-looking token whose payload is @payload. */
static char *
make_token (const char *payload)
{
  static const char header[] = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
  g_autofree char *h = b64url (header, strlen (header));
  g_autofree char *p = b64url (payload, strlen (payload));

  return g_strdup_printf ("%s.%s.c2lnbmF0dXJl", h, p);
}

static char *
repeat (char c, gsize n)
{
  char *s = g_malloc (n + 1);

  memset (s, c, n);
  s[n] = '\0';
  return s;
}

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
  g_autofree char *filler = repeat ('x', MIB);
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
  g_autofree char *text = repeat ('a', len);
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
  g_autofree char *open = repeat ('[', 100000);
  g_autofree char *close = repeat (']', 100000);
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
  g_autofree char *open = repeat ('[', depth);
  g_autofree char *close = repeat (']', depth);
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
  g_autofree char *open = repeat ('[', 10 * MIB);
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
  g_autofree char *open = repeat ('[', 300);
  g_autofree char *close = repeat (']', 300);
  g_autofree char *deep_extra = g_strdup_printf (",\"x\":%s%s", open, close);
  g_autofree char *long_string = repeat ('s', 5000);
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
  g_autofree char *data = repeat (' ', len);
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
  g_autofree char *data = repeat ('[', MIB);
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

static const JdFinding *
find_finding (GPtrArray *findings, const char *id)
{
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    if (g_strcmp0 (jd_finding_get_id (g_ptr_array_index (findings, i)), id) == 0)
      return g_ptr_array_index (findings, i);
  return NULL;
}

static void
assert_contains (const char *haystack, const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” is not in “%s”", needle, haystack);
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
  const JdFinding *warning;

  /* The first 1000 are read; the set says the rest were not. */
  g_assert_true (jd_key_set_load_data (set, data, strlen (data), "many.jwks", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (jd_key_set_get_n_keys (set), ==, 1000);
  g_assert_cmpstr (jd_key_get_kid (jd_key_set_get_key (set, 999)), ==, "k999");
  warning = find_finding (jd_key_set_get_warnings (set), JD_FINDING_JWKS_TOO_MANY_KEYS);
  g_assert_nonnull (warning);
  g_assert_cmpint (jd_finding_get_severity ((JdFinding *)warning), ==, JD_SEVERITY_WARNING);
  assert_contains (jd_finding_get_message ((JdFinding *)warning),
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
  assert_contains (jd_finding_get_message ((JdFinding *)warning),
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
  assert_contains (jd_finding_get_message ((JdFinding *)find_finding (
                     jd_key_set_get_warnings (set), JD_FINDING_JWKS_TOO_MANY_KEYS)),
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
  const JdFinding *warning;

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
    jd_finding_get_message ((JdFinding *)warning),
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
  assert_contains (jd_finding_get_message ((JdFinding *)warning),
                   "certs.json \"c1000\"…: the set holds 1005 keys; only the first 1000 are read");
}

/* ---- headers, WWW-Authenticate, curl ---------------------------------------- */

static void
test_www_authenticate_size (void)
{
  gsize n = JD_WWW_AUTHENTICATE_MAX_SIZE - strlen ("Bearer realm=\"\"");
  g_autofree char *realm = repeat ('r', n);
  g_autofree char *fits = g_strdup_printf ("Bearer realm=\"%s\"", realm);
  g_autofree char *over = g_strdup_printf ("Bearer realm=\"%sr\"", realm);
  g_autoptr (GPtrArray) ok = NULL;
  g_autoptr (GPtrArray) refused = NULL;
  g_autoptr (GError) error = NULL;
  gsize offset = 0;

  g_assert_cmpuint (strlen (fits), ==, JD_WWW_AUTHENTICATE_MAX_SIZE);
  ok = jd_www_authenticate_parse (fits, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (jd_challenge_get_param (g_ptr_array_index (ok, 0), "realm")), ==, n);

  refused = jd_www_authenticate_parse (over, -1, &offset, &error);
  g_assert_null (refused);
  g_assert_error (error, JD_WWW_AUTHENTICATE_ERROR, JD_WWW_AUTHENTICATE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "refused"));
  g_assert_cmpuint (offset, ==, JD_WWW_AUTHENTICATE_MAX_SIZE);
}

/* ---- headers of requests and responses ---------------------------------------- */

static void
test_request_header_count (void)
{
  g_autoptr (JdRequest) request = jd_request_new (NULL, "https://a.example/");
  g_autoptr (JdRequest) copy = NULL;
  GPtrArray *problems;

  g_assert_cmpint (JD_HEADERS_MAX_COUNT, ==, 500);
  for (guint i = 1; i <= JD_HEADERS_MAX_COUNT; i++)
    {
      g_autofree char *name = g_strdup_printf ("X-H%u", i);
      jd_request_add_header (request, name, "v");
    }
  /* Pseudo-headers are never stored, and do not count. */
  jd_request_add_header (request, ":authority", "a.example");
  g_assert_cmpuint (jd_request_get_headers (request)->len, ==, 500);
  g_assert_cmpuint (jd_request_get_header_problems (request)->len, ==, 0);

  /* One more: left out, and said so. */
  jd_request_add_header (request, "X-H501", "v");
  jd_request_add_header (request, "Authorization", "Bearer x.y.z");
  g_assert_cmpuint (jd_request_get_headers (request)->len, ==, 500);
  g_assert_null (jd_request_get_header (request, "X-H501"));
  problems = jd_request_get_header_problems (request);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (problems, 0), ==,
                   "Headers from 501 (“X-H501”) on are left out: the request has 502 headers; "
                   "only the first 500 are read.");

  /* A copy says the same. */
  copy = jd_request_copy (request);
  g_assert_cmpuint (jd_request_get_headers (copy)->len, ==, 500);
  g_assert_cmpstr (g_ptr_array_index (jd_request_get_header_problems (copy), 0), ==,
                   g_ptr_array_index (problems, 0));
}

static void
test_request_header_size (void)
{
  g_autoptr (JdRequest) request = jd_request_new (NULL, "https://a.example/");
  gsize fits = JD_HEADER_MAX_SIZE - strlen ("X-Big: ");
  gsize cred = JD_CREDENTIAL_HEADER_MAX_SIZE - strlen ("Authorization: ");
  g_autofree char *value = repeat ('v', fits + 1);
  g_autofree char *long_name = repeat ('N', 100);
  g_autofree char *token = repeat ('t', cred + 1);
  g_autofree char *cookie = repeat ('c', JD_CREDENTIAL_HEADER_MAX_SIZE - strlen ("Cookie: ") + 1);
  GPtrArray *problems;

  g_assert_cmpint (JD_HEADER_MAX_SIZE, ==, 64 * 1024);
  g_assert_cmpint (JD_CREDENTIAL_HEADER_MAX_SIZE, >=,
                   JD_TOKEN_MAX_SIZE + strlen ("Authorization: Bearer "));

  /* "X-Big: " and the value make exactly 64 KiB: kept. */
  value[fits] = '\0';
  jd_request_add_header (request, "X-Big", value);
  g_assert_cmpuint (strlen (jd_request_get_header (request, "X-Big")), ==, fits);
  /* One byte more: left out. */
  value[fits] = 'v';
  jd_request_add_header (request, "X-Bigger", value);
  g_assert_null (jd_request_get_header (request, "X-Bigger"));

  /* Authorization may carry a token up to its own limit. */
  token[cred] = '\0';
  jd_request_add_header (request, "Authorization", token);
  g_assert_cmpuint (strlen (jd_request_get_header (request, "Authorization")), ==, cred);
  jd_request_add_header (request, "Cookie", cookie);
  g_assert_null (jd_request_get_header (request, "Cookie"));

  /* A long name is shortened in the message. */
  jd_request_add_header (request, long_name, value);

  /* set_header: too long leaves the header out, old value and all. */
  jd_request_set_header (request, "X-Big", value);
  g_assert_null (jd_request_get_header (request, "X-Big"));

  problems = jd_request_get_header_problems (request);
  g_assert_cmpuint (problems->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (problems, 0), ==,
                   "Header 2 (“X-Bigger”) of the request is 65540 bytes long; a header is at most "
                   "65536 bytes, so it is left out.");
  g_assert_cmpstr (g_ptr_array_index (problems, 1), ==,
                   "Header 4 (“Cookie”) of the request is 16842753 bytes long; a header is at most "
                   "16842752 bytes, so it is left out.");
  assert_contains (g_ptr_array_index (problems, 2),
                   "Header 5 (“NNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNN…”)");
  g_assert_cmpstr (g_ptr_array_index (problems, 3), ==,
                   "Header 1 (“X-Big”) of the request is 65537 bytes long; a header is at most "
                   "65536 bytes, so it is left out.");
}

/* Problems are kept per header name: set_header replaces what was said,
 * a value that fits clears it, remove_header forgets it and the count. */
static void
test_request_header_problems_per_name (void)
{
  g_autoptr (JdRequest) request = jd_request_new (NULL, "https://a.example/");
  g_autoptr (JdRequest) cycles = jd_request_new (NULL, "https://a.example/");
  g_autofree char *big = repeat ('a', JD_HEADER_MAX_SIZE);
  GPtrArray *problems;

  jd_request_add_header (request, "X-A", "small");
  jd_request_set_header (request, "X-A", big);
  jd_request_set_header (request, "X-A", big);
  problems = jd_request_get_header_problems (request);
  g_assert_cmpuint (problems->len, ==, 1);
  assert_contains (g_ptr_array_index (problems, 0), "Header 1 (“X-A”)");
  /* A value that fits: the header is back and the problem gone. */
  jd_request_set_header (request, "X-A", "ok");
  g_assert_cmpstr (jd_request_get_header (request, "X-A"), ==, "ok");
  g_assert_cmpuint (jd_request_get_header_problems (request)->len, ==, 0);

  /* The same position whether the header was added or set: X-C is the
   * third header given, after one left out. */
  jd_request_add_header (request, "X-B", big);
  jd_request_add_header (request, "X-C", "small");
  jd_request_set_header (request, "X-C", big);
  problems = jd_request_get_header_problems (request);
  g_assert_cmpuint (problems->len, ==, 2);
  assert_contains (g_ptr_array_index (problems, 0), "Header 2 (“X-B”)");
  assert_contains (g_ptr_array_index (problems, 1), "Header 3 (“X-C”)");
  /* Removing a header forgets what was said of it. */
  jd_request_remove_header (request, "x-b");
  problems = jd_request_get_header_problems (request);
  g_assert_cmpuint (problems->len, ==, 1);
  assert_contains (g_ptr_array_index (problems, 0), "“X-C”");

  /* Removing takes the header out of the count. */
  for (guint i = 0; i <= JD_HEADERS_MAX_COUNT; i++)
    {
      jd_request_remove_header (cycles, "X-B");
      jd_request_add_header (cycles, "X-B", "1");
    }
  g_assert_cmpstr (jd_request_get_header (cycles, "X-B"), ==, "1");
  g_assert_cmpuint (jd_request_get_headers (cycles)->len, ==, 1);
  g_assert_cmpuint (jd_request_get_header_problems (cycles)->len, ==, 0);
  /* …and so does set_header of a name given twice. */
  for (guint i = 1; i < JD_HEADERS_MAX_COUNT; i++)
    jd_request_add_header (cycles, "X-B", "2");
  jd_request_set_header (cycles, "X-B", "3");
  for (guint i = 1; i < JD_HEADERS_MAX_COUNT; i++)
    {
      g_autofree char *name = g_strdup_printf ("X-H%u", i);
      jd_request_add_header (cycles, name, "v");
    }
  g_assert_cmpuint (jd_request_get_headers (cycles)->len, ==, JD_HEADERS_MAX_COUNT);
  g_assert_cmpuint (jd_request_get_header_problems (cycles)->len, ==, 0);
}

static void
test_response_many_headers (void)
{
  g_autoptr (JdResponse) at = jd_response_new (401, "Unauthorized");
  g_autoptr (JdResponse) over = jd_response_new (401, "Unauthorized");
  g_autoptr (GPtrArray) findings_at = NULL;
  g_autoptr (GPtrArray) findings_over = NULL;
  g_autoptr (JdExpectations) expect = jd_expectations_new ();
  const JdFinding *left_out;

  /* 499 challenges and the Bearer one: 500, all read. */
  for (guint i = 0; i < JD_HEADERS_MAX_COUNT - 1; i++)
    {
      g_autofree char *value = g_strdup_printf ("Basic realm=\"r%u\", Other", i);
      jd_response_add_header (at, "WWW-Authenticate", value);
    }
  jd_response_add_header (at, "WWW-Authenticate", "Bearer error=\"invalid_token\"");
  findings_at = jd_response_diagnose (at, NULL, expect);
  g_assert_true (jd_findings_has (findings_at, JD_FINDING_BEARER_INVALID_TOKEN));
  g_assert_false (jd_findings_has (findings_at, JD_FINDING_HEADERS_LEFT_OUT));

  /* 10,000 and then the Bearer one: the first 500 are read, and a finding
   * says the rest were not (not that the server sent no challenge). */
  for (guint i = 0; i < 10000; i++)
    {
      g_autofree char *value = g_strdup_printf ("Basic realm=\"r%u\", Other", i);
      jd_response_add_header (over, i == 0 ? "Date" : "X-Filler", value);
    }
  jd_response_add_header (over, "WWW-Authenticate", "Bearer error=\"invalid_token\"");
  g_assert_cmpuint (jd_response_get_headers (over)->len, ==, 500);
  findings_over = jd_response_diagnose (over, NULL, expect);
  g_assert_true (jd_findings_has (findings_over, JD_FINDING_STATUS_401));
  g_assert_false (jd_findings_has (findings_over, JD_FINDING_BEARER_INVALID_TOKEN));
  g_assert_false (jd_findings_has (findings_over, JD_FINDING_MISSING_WWW_AUTHENTICATE));
  left_out = find_finding (findings_over, JD_FINDING_HEADERS_LEFT_OUT);
  g_assert_nonnull (left_out);
  g_assert_cmpint (jd_finding_get_severity ((JdFinding *)left_out), ==, JD_SEVERITY_WARNING);
  g_assert_cmpstr (jd_finding_get_message ((JdFinding *)left_out), ==,
                   "Headers from 501 (“X-Filler”) on are left out: the response has 10001 headers; "
                   "only the first 500 are read.");
}

static void
test_response_header_too_long (void)
{
  g_autofree char *realm = repeat ('r', 70 * 1024);
  g_autofree char *value = g_strdup_printf ("Bearer realm=\"%s\"", realm);
  g_autoptr (JdResponse) response = jd_response_new (401, NULL);
  g_autoptr (GPtrArray) findings = NULL;
  g_autofree char *expected = NULL;

  jd_response_add_header (response, "Content-Type", "text/plain");
  jd_response_add_header (response, "WWW-Authenticate", value);
  g_assert_null (jd_response_get_header (response, "WWW-Authenticate"));
  findings = jd_response_diagnose (response, NULL, NULL);
  expected = g_strdup_printf ("Header 2 (“WWW-Authenticate”) of the response is %zu bytes long; a "
                              "header is at most 65536 bytes, so it is left out.",
                              strlen ("WWW-Authenticate: ") + strlen (value));
  g_assert_cmpstr (
    jd_finding_get_message ((JdFinding *)find_finding (findings, JD_FINDING_HEADERS_LEFT_OUT)), ==,
    expected);
  g_assert_false (jd_findings_has (findings, JD_FINDING_MISSING_WWW_AUTHENTICATE));
}

/* Other headers left out do not hide a missing WWW-Authenticate. */
static void
test_response_left_out_not_challenge (void)
{
  g_autofree char *trace = repeat ('t', 70 * 1000);
  g_autoptr (JdResponse) long_one = jd_response_new (401, "Unauthorized");
  g_autoptr (JdResponse) many = jd_response_new (401, "Unauthorized");
  g_autoptr (JdResponse) dropped = jd_response_new (401, "Unauthorized");
  g_autoptr (GPtrArray) findings_long = NULL;
  g_autoptr (GPtrArray) findings_many = NULL;
  g_autoptr (GPtrArray) findings_dropped = NULL;

  jd_response_add_header (long_one, "Server", "gw");
  jd_response_add_header (long_one, "X-Debug-Trace", trace);
  findings_long = jd_response_diagnose (long_one, NULL, NULL);
  g_assert_true (jd_findings_has (findings_long, JD_FINDING_HEADERS_LEFT_OUT));
  g_assert_true (jd_findings_has (findings_long, JD_FINDING_MISSING_WWW_AUTHENTICATE));
  g_assert_false (jd_response_header_left_out (long_one, "WWW-Authenticate"));
  g_assert_true (jd_response_header_left_out (long_one, "x-debug-trace"));

  /* Past the count, but none of those left out is a WWW-Authenticate. */
  for (guint i = 0; i <= JD_HEADERS_MAX_COUNT; i++)
    jd_response_add_header (many, "X-Filler", "v");
  findings_many = jd_response_diagnose (many, NULL, NULL);
  g_assert_true (jd_findings_has (findings_many, JD_FINDING_HEADERS_LEFT_OUT));
  g_assert_true (jd_findings_has (findings_many, JD_FINDING_MISSING_WWW_AUTHENTICATE));

  /* One past the count is: the server sent one, it was not read. */
  for (guint i = 0; i < JD_HEADERS_MAX_COUNT; i++)
    jd_response_add_header (dropped, "X-Filler", "v");
  jd_response_add_header (dropped, "WWW-Authenticate", "Bearer");
  g_assert_true (jd_response_header_left_out (dropped, "www-authenticate"));
  findings_dropped = jd_response_diagnose (dropped, NULL, NULL);
  g_assert_false (jd_findings_has (findings_dropped, JD_FINDING_MISSING_WWW_AUTHENTICATE));
}

/* ---- WWW-Authenticate ------------------------------------------------------ */

static void
test_www_authenticate_values (void)
{
  g_autoptr (GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) ok = NULL;
  g_autoptr (GPtrArray) first = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *left_out = NULL;

  for (guint i = 0; i < JD_HEADERS_MAX_COUNT; i++)
    g_ptr_array_add (values, g_strdup_printf ("Basic realm=\"r%u\"", i));
  g_ptr_array_add (values, NULL);
  ok = jd_www_authenticate_parse_all ((const char *const *)values->pdata, &left_out, &error);
  g_assert_no_error (error);
  g_assert_null (left_out);
  g_assert_cmpuint (ok->len, ==, 500);

  /* Past the limit, the first 500 are read (as other limits do), and
   * what was left out is said. */
  g_ptr_array_index (values, JD_HEADERS_MAX_COUNT) = g_strdup ("Bearer");
  g_ptr_array_add (values, g_strdup ("Bearer"));
  g_ptr_array_add (values, NULL);
  first = jd_www_authenticate_parse_all ((const char *const *)values->pdata, &left_out, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_cmpuint (first->len, ==, 500);
  g_assert_true (jd_challenge_is_scheme (g_ptr_array_index (first, 499), "Basic"));
  g_assert_cmpstr (
    left_out, ==,
    "headers 501 to 502: there are 502 WWW-Authenticate values; only the first 500 are read");
}

/* ---- pastes: curl commands, header blocks, the paste itself --------------------- */

static void
test_curl_many_headers (void)
{
  g_autofree char *filler = repeat ('x', MIB);
  g_autofree char *big = make_token (filler);
  g_autofree char *token = NULL;
  g_autoptr (GString) at = g_string_new ("curl 'https://api.example.com/'");
  g_autoptr (GString) cmd = g_string_new ("curl 'https://api.example.com/'");
  g_autoptr (JdInput) input_at = NULL;
  g_autoptr (JdInput) input = NULL;
  JdRequest *request;
  GPtrArray *findings;
  guint n_left_out = 0;

  /* 500 headers, one of them a 1 MiB token: all kept, the token decodes. */
  g_string_append_printf (at, " -H 'Authorization: Bearer %s'", big);
  for (guint i = 1; i < JD_HEADERS_MAX_COUNT; i++)
    g_string_append_printf (at, " \\\n  -H 'X-Header-%u: %u'", i, i);
  input_at = jd_input_parse (at->str, at->len);
  g_assert_cmpstr (jd_input_get_token (input_at), ==, big);
  g_assert_cmpuint (jd_request_get_headers (jd_input_get_request (input_at))->len, ==, 500);
  g_assert_null (find_finding (jd_input_get_findings (input_at), JD_FINDING_HEADERS_LEFT_OUT));

  /* 4,000 headers (8,000 words), then the token and a 1 MiB header. */
  token = make_token ("{\"sub\":\"u\"}");
  for (guint i = 0; i < 4000; i++)
    g_string_append_printf (cmd, " \\\n  -H 'X-Header-%u: %u'", i, i);
  g_string_append_printf (cmd, " -H 'Authorization: Bearer %s' -H 'X-Big: %s'", token, filler);

  input = jd_input_parse (cmd->str, cmd->len);
  g_assert_cmpint (jd_input_get_form (input), ==, JD_INPUT_FORM_CURL);
  /* The token is found wherever it is. */
  g_assert_cmpstr (jd_input_get_token (input), ==, token);
  request = jd_input_get_request (input);
  g_assert_nonnull (request);
  g_assert_cmpuint (jd_request_get_headers (request)->len, ==, 500);
  g_assert_cmpstr (jd_request_get_header (request, "X-Header-499"), ==, "499");
  g_assert_null (jd_request_get_header (request, "X-Header-500"));

  findings = jd_input_get_findings (input);
  for (guint i = 0; i < findings->len; i++)
    {
      JdFinding *f = g_ptr_array_index (findings, i);

      if (g_strcmp0 (jd_finding_get_id (f), JD_FINDING_HEADERS_LEFT_OUT) != 0)
        continue;
      n_left_out++;
      g_assert_cmpint (jd_finding_get_severity (f), ==, JD_SEVERITY_WARNING);
      g_assert_cmpstr (jd_finding_get_message (f), ==,
                       "Headers from 501 (“X-Header-500”) on are left out: the request has 4002 "
                       "headers; only the first 500 are read.");
    }
  g_assert_cmpuint (n_left_out, ==, 1);
}

static void
test_curl_long_header (void)
{
  g_autofree char *filler = repeat ('x', MIB);
  g_autofree char *token = make_token ("{\"sub\":\"u\"}");
  g_autofree char *cmd = g_strdup_printf ("curl https://api.example.com/ -H 'X-Big: %s' "
                                          "-H 'Authorization: Bearer %s'",
                                          filler, token);
  g_autoptr (JdInput) input = jd_input_parse (cmd, strlen (cmd));
  g_autoptr (JdToken) parsed = jd_token_parse (jd_input_get_token (input), -1);
  g_autoptr (GPtrArray) findings = jd_diagnose (parsed, NULL, NULL, input);
  const JdFinding *left_out;

  g_assert_cmpstr (jd_input_get_token (input), ==, token);
  g_assert_null (jd_request_get_header (jd_input_get_request (input), "X-Big"));
  g_assert_nonnull (jd_request_get_header (jd_input_get_request (input), "Authorization"));
  /* The diagnosis (what the window and the CLI show) names the header. */
  left_out = find_finding (findings, JD_FINDING_HEADERS_LEFT_OUT);
  g_assert_nonnull (left_out);
  g_assert_cmpstr (jd_finding_get_message ((JdFinding *)left_out), ==,
                   "Header 1 (“X-Big”) of the request is 1048583 bytes long; a header is at most "
                   "65536 bytes, so it is left out.");
}

static void
test_curl_many_cookies (void)
{
  /* Each -b was joined onto the Cookie header by copying it whole
   * (quadratic: 40,000 cookies took 2.5 s); now they are gathered and
   * joined once. JD_CURL_MAX_WORDS bounds the count anyway. */
  g_autoptr (GString) cmd = g_string_new ("curl https://api.example.com/ -b first=1");
  g_autoptr (GString) expected = g_string_new ("first=1");
  g_autoptr (JdInput) input = NULL;
  const char *cookie;

  for (guint i = 0; i < 4990; i++)
    {
      g_string_append_printf (cmd, " -b c%u=v", i);
      g_string_append_printf (expected, "; c%u=v", i);
    }
  input = jd_input_parse (cmd->str, cmd->len);
  g_assert_null (find_finding (jd_input_get_findings (input), JD_FINDING_INPUT_TOO_LARGE));
  cookie = jd_request_get_header (jd_input_get_request (input), "Cookie");
  g_assert_nonnull (cookie);
  g_assert_cmpuint (strlen (cookie), ==, expected->len);
  g_assert_true (strcmp (cookie, expected->str) == 0);
}

static void
test_curl_size (void)
{
  static const char head[]
    = "curl https://api.example.com/ -H 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.";
  static const char tail[] = ".c2ln'";
  gsize filler = JD_CURL_MAX_SIZE - strlen (head) - strlen (tail);
  g_autofree char *payload = repeat ('a', filler + 1);
  g_autofree char *fits = NULL;
  g_autofree char *over = NULL;
  g_autoptr (JdInput) input_fits = NULL;
  g_autoptr (JdInput) input_over = NULL;
  const GError *error;

  g_assert_cmpint (JD_CURL_MAX_SIZE, ==, 4 * MIB);
  over = g_strconcat (head, payload, tail, NULL);
  payload[filler] = '\0';
  fits = g_strconcat (head, payload, tail, NULL);
  g_assert_cmpuint (strlen (fits), ==, JD_CURL_MAX_SIZE);

  /* Exactly 4 MiB: read, the token whole. */
  input_fits = jd_input_parse (fits, strlen (fits));
  g_assert_null (jd_input_get_error (input_fits));
  g_assert_cmpuint (strlen (jd_input_get_token (input_fits)), ==,
                    strlen ("eyJhbGciOiJIUzI1NiJ9.") + filler + 5);

  /* One byte more: refused, with the size and the limit. */
  input_over = jd_input_parse (over, strlen (over));
  error = jd_input_get_error (input_over);
  g_assert_error ((GError *)error, JD_INPUT_ERROR, JD_INPUT_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==,
                   "The curl command is 4194305 bytes long; more than 4194304 bytes (4 MiB) is not "
                   "read, so none of it was.");
  g_assert_cmpint (jd_input_get_form (input_over), ==, JD_INPUT_FORM_CURL);
  g_assert_cmpstr (jd_input_get_token (input_over), ==, "");
  g_assert_nonnull (find_finding (jd_input_get_findings (input_over), JD_FINDING_INPUT_TOO_LARGE));
}

static void
test_curl_words (void)
{
  g_autofree char *token = make_token ("{\"sub\":\"u\"}");
  g_autoptr (GString) cmd = g_string_new (NULL);
  g_autoptr (JdInput) at = NULL;
  g_autoptr (JdInput) over = NULL;
  g_autofree char *expected = NULL;
  const JdFinding *warning;
  gsize stop;

  /* "curl", the URL, -H and its argument, and -s until there are 10,000 words. */
  g_string_printf (cmd, "curl https://api.example.com/ -H 'Authorization: Bearer %s'", token);
  for (guint i = 4; i < JD_CURL_MAX_WORDS; i++)
    g_string_append (cmd, " -s");
  g_assert_cmpint (JD_CURL_MAX_WORDS, ==, 10000);

  at = jd_input_parse (cmd->str, cmd->len);
  g_assert_cmpstr (jd_input_get_token (at), ==, token);
  g_assert_null (find_finding (jd_input_get_findings (at), JD_FINDING_INPUT_TOO_LARGE));

  /* Word 10,001: reading stops there, and says where. */
  stop = cmd->len + 1;
  g_string_append (cmd, " -H 'X-After: 1'");
  over = jd_input_parse (cmd->str, cmd->len);
  g_assert_cmpstr (jd_input_get_token (over), ==, token);
  g_assert_null (jd_request_get_header (jd_input_get_request (over), "X-After"));
  warning = find_finding (jd_input_get_findings (over), JD_FINDING_INPUT_TOO_LARGE);
  g_assert_nonnull (warning);
  g_assert_cmpint (jd_finding_get_severity ((JdFinding *)warning), ==, JD_SEVERITY_WARNING);
  expected = g_strdup_printf ("The curl command has more than 10000 words; reading stopped at byte "
                              "%zu of %zu, so the options after it are left out.",
                              stop, cmd->len);
  g_assert_cmpstr (jd_finding_get_message ((JdFinding *)warning), ==, expected);

  /* The word splitter says where it stopped too. */
  {
    gsize stopped = 0;
    g_auto (GStrv) words = jd_curl_split_words (cmd->str, cmd->len, &stopped);

    g_assert_cmpuint (g_strv_length (words), ==, JD_CURL_MAX_WORDS);
    g_assert_cmpuint (stopped, ==, stop);
  }
  {
    gsize stopped = 0;
    g_auto (GStrv) words = jd_curl_split_words (cmd->str, stop - 1, &stopped);

    g_assert_cmpuint (g_strv_length (words), ==, JD_CURL_MAX_WORDS);
    g_assert_cmpuint (stopped, ==, stop - 1);
  }
}

static void
test_header_block_many_headers (void)
{
  g_autofree char *token = make_token ("{\"sub\":\"u\"}");
  g_autoptr (GString) block = g_string_new ("GET /v1/me HTTP/2\nHost: api.example.com\n");
  g_autoptr (JdInput) input = NULL;
  const JdFinding *left_out;

  for (guint i = 0; i < 600; i++)
    g_string_append_printf (block, "x-h%u: %u\n", i, i);
  g_string_append_printf (block, "Authorization: Bearer %s\n", token);

  input = jd_input_parse (block->str, block->len);
  g_assert_cmpint (jd_input_get_form (input), ==, JD_INPUT_FORM_AUTHORIZATION);
  g_assert_cmpstr (jd_input_get_token (input), ==, token);
  g_assert_cmpuint (jd_request_get_headers (jd_input_get_request (input))->len, ==, 500);
  left_out = find_finding (jd_input_get_findings (input), JD_FINDING_HEADERS_LEFT_OUT);
  g_assert_nonnull (left_out);
  g_assert_cmpstr (jd_finding_get_message ((JdFinding *)left_out), ==,
                   "Headers from 501 (“x-h499”) on are left out: the request has 602 headers; "
                   "only the first 500 are read.");
}

static void
test_paste_size (void)
{
  g_autofree char *filler = repeat ('x', MIB);
  g_autofree char *token = make_token (filler);
  g_autofree char *text = repeat (' ', JD_INPUT_MAX_SIZE + 1);
  g_autoptr (JdInput) fits = NULL;
  g_autoptr (JdInput) over = NULL;
  g_autoptr (JdToken) empty = NULL;
  g_autoptr (GPtrArray) findings = NULL;
  const GError *error;

  g_assert_cmpint (JD_INPUT_MAX_SIZE, ==, 17 * MIB);
  g_assert_cmpint (JD_INPUT_MAX_SIZE, >, JD_TOKEN_MAX_SIZE);

  /* A header line with a 1 MiB token, padded to exactly 17 MiB: read. */
  memcpy (text, "Authorization: Bearer ", strlen ("Authorization: Bearer "));
  memcpy (text + strlen ("Authorization: Bearer "), token, strlen (token));
  fits = jd_input_parse (text, JD_INPUT_MAX_SIZE);
  g_assert_null (jd_input_get_error (fits));
  g_assert_cmpint (jd_input_get_form (fits), ==, JD_INPUT_FORM_AUTHORIZATION);
  g_assert_cmpstr (jd_input_get_token (fits), ==, token);

  /* One byte more: refused whole, with the size and the limit. */
  over = jd_input_parse (text, JD_INPUT_MAX_SIZE + 1);
  error = jd_input_get_error (over);
  g_assert_error ((GError *)error, JD_INPUT_ERROR, JD_INPUT_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==,
                   "The text is 17825793 bytes long; more than 17825792 bytes (17 MiB) is not "
                   "read, so none of it was.");
  g_assert_cmpint (jd_input_get_form (over), ==, JD_INPUT_FORM_UNKNOWN);
  g_assert_cmpstr (jd_input_get_token (over), ==, "");
  g_assert_null (jd_input_get_request (over));

  /* The diagnosis carries it as an error (the CLI exits 1, the window shows it). */
  empty = jd_token_parse (jd_input_get_token (over), -1);
  findings = jd_diagnose (empty, NULL, NULL, over);
  g_assert_cmpint (
    jd_finding_get_severity ((JdFinding *)find_finding (findings, JD_FINDING_INPUT_TOO_LARGE)), ==,
    JD_SEVERITY_ERROR);
  g_assert_cmpstr (
    jd_finding_get_message ((JdFinding *)find_finding (findings, JD_FINDING_INPUT_TOO_LARGE)), ==,
    error->message);
  /* …and only it: nothing was read, so nothing is said of a token. */
  g_assert_null (find_finding (findings, JD_FINDING_MALFORMED));
  g_assert_cmpuint (findings->len, ==, 1);
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
  g_test_add_func ("/jd/limits/www-authenticate/size", test_www_authenticate_size);
  g_test_add_func ("/jd/limits/www-authenticate/values", test_www_authenticate_values);
  g_test_add_func ("/jd/limits/request/header-count", test_request_header_count);
  g_test_add_func ("/jd/limits/request/header-size", test_request_header_size);
  g_test_add_func ("/jd/limits/request/header-problems-per-name",
                   test_request_header_problems_per_name);
  g_test_add_func ("/jd/limits/response/many-headers", test_response_many_headers);
  g_test_add_func ("/jd/limits/response/header-too-long", test_response_header_too_long);
  g_test_add_func ("/jd/limits/response/left-out-not-challenge",
                   test_response_left_out_not_challenge);
  g_test_add_func ("/jd/limits/curl/many-headers", test_curl_many_headers);
  g_test_add_func ("/jd/limits/curl/long-header", test_curl_long_header);
  g_test_add_func ("/jd/limits/curl/many-cookies", test_curl_many_cookies);
  g_test_add_func ("/jd/limits/curl/size", test_curl_size);
  g_test_add_func ("/jd/limits/curl/words", test_curl_words);
  g_test_add_func ("/jd/limits/header-block/many-headers", test_header_block_many_headers);
  g_test_add_func ("/jd/limits/paste/size", test_paste_size);

  return g_test_run ();
}
