/* test-limits-http.c — every input has a limit with a clear message, never
 * a crash or a hang: WWW-Authenticate values, header counts and sizes of
 * requests and responses, pasted curl commands and header blocks
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
#include "jd-curl-split.h"
#include "jd-input.h"
#include "jd-json-reader.h"
#include "jd-json.h"
#include "jd-keys.h"
#include "jd-request.h"
#include "jd-token.h"
#include "jd-verify.h"
#include "jd-www-authenticate.h"
#include "test-limits-util.h"

/* ---- headers, WWW-Authenticate, curl ---------------------------------------- */

static void
test_www_authenticate_size (void)
{
  gsize n = JD_WWW_AUTHENTICATE_MAX_SIZE - strlen ("Bearer realm=\"\"");
  g_autofree char *realm = g_strnfill (n, 'r');
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
  g_autofree char *value = g_strnfill (fits + 1, 'v');
  g_autofree char *long_name = g_strnfill (100, 'N');
  g_autofree char *token = g_strnfill (cred + 1, 't');
  g_autofree char *cookie
    = g_strnfill (JD_CREDENTIAL_HEADER_MAX_SIZE - strlen ("Cookie: ") + 1, 'c');
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
  g_autofree char *big = g_strnfill (JD_HEADER_MAX_SIZE, 'a');
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
  JdFinding *left_out;

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
  g_assert_cmpint (jd_finding_get_severity (left_out), ==, JD_SEVERITY_WARNING);
  g_assert_cmpstr (jd_finding_get_message (left_out), ==,
                   "Headers from 501 (“X-Filler”) on are left out: the response has 10001 headers; "
                   "only the first 500 are read.");
}

static void
test_response_header_too_long (void)
{
  g_autofree char *realm = g_strnfill (70 * 1024, 'r');
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
  g_assert_cmpstr (jd_finding_get_message (find_finding (findings, JD_FINDING_HEADERS_LEFT_OUT)),
                   ==, expected);
  g_assert_false (jd_findings_has (findings, JD_FINDING_MISSING_WWW_AUTHENTICATE));
}

/* Other headers left out do not hide a missing WWW-Authenticate. */
static void
test_response_left_out_not_challenge (void)
{
  g_autofree char *trace = g_strnfill (70 * 1000, 't');
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
  g_autofree char *filler = g_strnfill (MIB, 'x');
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
  g_autofree char *filler = g_strnfill (MIB, 'x');
  g_autofree char *token = make_token ("{\"sub\":\"u\"}");
  g_autofree char *cmd = g_strdup_printf ("curl https://api.example.com/ -H 'X-Big: %s' "
                                          "-H 'Authorization: Bearer %s'",
                                          filler, token);
  g_autoptr (JdInput) input = jd_input_parse (cmd, strlen (cmd));
  g_autoptr (JdToken) parsed = jd_token_parse (jd_input_get_token (input), -1);
  g_autoptr (GPtrArray) findings = jd_diagnose (parsed, NULL, NULL, input);
  JdFinding *left_out;

  g_assert_cmpstr (jd_input_get_token (input), ==, token);
  g_assert_null (jd_request_get_header (jd_input_get_request (input), "X-Big"));
  g_assert_nonnull (jd_request_get_header (jd_input_get_request (input), "Authorization"));
  /* The diagnosis (what the window and the CLI show) names the header. */
  left_out = find_finding (findings, JD_FINDING_HEADERS_LEFT_OUT);
  g_assert_nonnull (left_out);
  g_assert_cmpstr (jd_finding_get_message (left_out), ==,
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
  g_autofree char *payload = g_strnfill (filler + 1, 'a');
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
  JdFinding *warning;
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
  g_assert_cmpint (jd_finding_get_severity (warning), ==, JD_SEVERITY_WARNING);
  expected = g_strdup_printf ("The curl command has more than 10000 words; reading stopped at byte "
                              "%zu of %zu, so the options after it are left out.",
                              stop, cmd->len);
  g_assert_cmpstr (jd_finding_get_message (warning), ==, expected);

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
  JdFinding *left_out;

  for (guint i = 0; i < 600; i++)
    g_string_append_printf (block, "x-h%u: %u\n", i, i);
  g_string_append_printf (block, "Authorization: Bearer %s\n", token);

  input = jd_input_parse (block->str, block->len);
  g_assert_cmpint (jd_input_get_form (input), ==, JD_INPUT_FORM_AUTHORIZATION);
  g_assert_cmpstr (jd_input_get_token (input), ==, token);
  g_assert_cmpuint (jd_request_get_headers (jd_input_get_request (input))->len, ==, 500);
  left_out = find_finding (jd_input_get_findings (input), JD_FINDING_HEADERS_LEFT_OUT);
  g_assert_nonnull (left_out);
  g_assert_cmpstr (jd_finding_get_message (left_out), ==,
                   "Headers from 501 (“x-h499”) on are left out: the request has 602 headers; "
                   "only the first 500 are read.");
}

static void
test_paste_size (void)
{
  g_autofree char *filler = g_strnfill (MIB, 'x');
  g_autofree char *token = make_token (filler);
  g_autofree char *text = g_strnfill (JD_INPUT_MAX_SIZE + 1, ' ');
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
  g_assert_cmpint (jd_finding_get_severity (find_finding (findings, JD_FINDING_INPUT_TOO_LARGE)),
                   ==, JD_SEVERITY_ERROR);
  g_assert_cmpstr (jd_finding_get_message (find_finding (findings, JD_FINDING_INPUT_TOO_LARGE)), ==,
                   error->message);
  /* …and only it: nothing was read, so nothing is said of a token. */
  g_assert_null (find_finding (findings, JD_FINDING_MALFORMED));
  g_assert_cmpuint (findings->len, ==, 1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

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
