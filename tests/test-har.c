/* test-har.c — reading HAR files: real exports and hand-written shapes
 *
 * Fixtures are tests/data/har-*.har; real browser exports are vendored in
 * tests/data/har (tests/data/SOURCES). The tokens T1 and T2 are described
 * in test-har-util.h. Hostile and broken files are in test-har-hostile.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "jd-base64.h"
#include "jd-json-reader.h"
#include "jd-www-authenticate.h"
#include "test-har-util.h"
#include "test-rows.h"

static void
assert_no_pseudo_headers (JdHarEntry *entry)
{
  guint n;
  const JdHeader *headers = jd_har_entry_get_request_headers (entry, &n);

  for (guint i = 0; i < n; i++)
    g_assert_cmpint (headers[i].name[0], !=, ':');
}

/* The log's facts: version, creator, counts. */
static void
assert_chrome_log (JdHar *har)
{
  g_assert_cmpstr (jd_har_get_version (har), ==, "1.2");
  g_assert_cmpstr (jd_har_get_creator (har), ==, "WebInspector 537.36");
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (har)) == JD_TYPE_HAR_ENTRY);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (har)), ==, 9);
  g_assert_cmpuint (jd_har_get_problems (har)->len, ==, 0);
  g_assert_cmpuint (jd_har_get_n_with_token (har), ==, 7);
  g_assert_cmpuint (jd_har_get_n_auth_failures (har), ==, 2);
  g_assert_false (jd_har_is_sanitized (har));
  g_assert_null (jd_har_get_sanitized_message (har));
}

/* Entry 1, the 401 after the token expired: the properties the window
 * binds, the token, the headers, the response. */
static void
assert_chrome_401 (JdHarEntry *e)
{
  g_autofree char *method = NULL;
  g_autofree char *path = NULL;
  g_autofree char *iso = NULL;
  guint index;
  guint status;
  gboolean has_token;
  gboolean auth_failure;
  double started;
  double time_ms;

  /* the properties the window binds */
  g_object_get (e, "index", &index, "method", &method, "path", &path, "status", &status,
                "has-token", &has_token, "started", &started, "started-iso", &iso, "time-ms",
                &time_ms, "is-auth-failure", &auth_failure, NULL);
  g_assert_cmpuint (index, ==, 1);
  g_assert_cmpstr (method, ==, "GET");
  g_assert_cmpstr (path, ==, "/v1/orders?page=2");
  g_assert_cmpuint (status, ==, 401);
  g_assert_true (has_token);
  g_assert_true (auth_failure);
  g_assert_cmpfloat_with_epsilon (started, 1700000040.25, 1e-6);
  g_assert_cmpint (jd_har_entry_get_started_unix (e), ==, 1700000040);
  g_assert_cmpstr (iso, ==, "2023-11-14T22:14:00.250Z");
  g_assert_cmpfloat_with_epsilon (time_ms, 42.5, 1e-9);
  g_assert_cmpstr (jd_har_entry_get_url (e), ==, "https://api.example.com/v1/orders?page=2");
  g_assert_cmpstr (jd_har_entry_get_http_version (e), ==, "http/2.0");

  /* the token and where it came from */
  g_assert_true (g_str_has_prefix (jd_har_entry_get_token (e), T1_PREFIX));
  g_assert_cmpint (jd_har_entry_get_token_source (e), ==, JD_HAR_TOKEN_SOURCE_AUTHORIZATION);
  g_assert_cmpstr (jd_har_entry_get_token_source_label (e), ==, "Authorization header");
  g_assert_true (g_str_has_prefix (jd_har_entry_get_authorization (e), "Bearer " T1_PREFIX));

  /* HTTP/2 pseudo-headers are not headers */
  assert_no_pseudo_headers (e);
  g_assert_cmpstr (jd_har_entry_get_request_header (e, "ACCEPT"), ==, "application/json");
  g_assert_null (jd_har_entry_get_request_header (e, ":authority"));

  /* response: raw WWW-Authenticate and the body, decoded on demand */
  {
    g_auto (GStrv) challenges = jd_har_entry_dup_www_authenticate (e);
    g_autoptr (GBytes) body = jd_har_entry_dup_response_body (e);

    g_assert_cmpuint (g_strv_length (challenges), ==, 1);
    g_assert_cmpstr (challenges[0], ==,
                     "Bearer realm=\"api\", error=\"invalid_token\", error_description=\"The "
                     "access token expired\"");
    g_assert_nonnull (body);
    g_assert_cmpmem (g_bytes_get_data (body, NULL), g_bytes_get_size (body),
                     "{\"error\":\"invalid_token\"}", 25);
    g_assert_cmpstr (jd_har_entry_get_response_mime_type (e), ==, "application/json");
  }
}

/* Entries 2 to 8: the 403, the refresh, status 0, the query and cookie
 * tokens, a base64 body. */
static void
assert_chrome_others (JdHar *har)
{
  JdHarEntry *e;

  /* two challenges on the 403 */
  {
    g_auto (GStrv) challenges = NULL;

    e = jd_test_har_entry_at (har, 4);
    challenges = jd_har_entry_dup_www_authenticate (e);
    g_assert_cmpuint (g_strv_length (challenges), ==, 2);
    g_assert_cmpstr (challenges[0], ==,
                     "Bearer error=\"insufficient_scope\", scope=\"admin:write\"");
    g_assert_cmpstr (challenges[1], ==, "DPoP algs=\"ES256\"");
    g_assert_true (g_str_has_prefix (jd_har_entry_get_token (e), T2_PREFIX));
  }

  /* a request body (the refresh) with no token */
  {
    g_autoptr (GBytes) body = NULL;

    e = jd_test_har_entry_at (har, 2);
    g_assert_false (jd_har_entry_has_token (e));
    g_assert_null (jd_har_entry_get_token_source_label (e));
    body = jd_har_entry_dup_request_body (e);
    g_assert_nonnull (body);
    g_assert_cmpmem (g_bytes_get_data (body, NULL), g_bytes_get_size (body),
                     "grant_type=refresh_token&refresh_token=r-123", 44);
    g_assert_cmpstr (jd_har_entry_get_request_mime_type (e), ==,
                     "application/x-www-form-urlencoded");
  }

  /* status 0: blocked, no response */
  e = jd_test_har_entry_at (har, 5);
  g_assert_cmpuint (jd_har_entry_get_status (e), ==, 0);
  g_assert_null (jd_har_entry_dup_response (e));
  g_assert_null (jd_har_entry_dup_response_body (e));

  /* access_token query parameter, elided from the path */
  e = jd_test_har_entry_at (har, 6);
  g_assert_cmpint (jd_har_entry_get_token_source (e), ==, JD_HAR_TOKEN_SOURCE_QUERY);
  g_assert_cmpstr (jd_har_entry_get_token_name (e), ==, "access_token");
  g_assert_cmpstr (jd_har_entry_get_token_source_label (e), ==, "access_token query parameter");
  g_assert_true (g_str_has_prefix (jd_har_entry_get_token (e), T2_PREFIX));
  g_assert_cmpstr (jd_har_entry_get_path (e), ==, "/v1/stream?access_token=…&x=1");

  /* a cookie holding a JWT */
  e = jd_test_har_entry_at (har, 7);
  g_assert_cmpint (jd_har_entry_get_token_source (e), ==, JD_HAR_TOKEN_SOURCE_COOKIE);
  g_assert_cmpstr (jd_har_entry_get_token_name (e), ==, "session");
  g_assert_cmpstr (jd_har_entry_get_token_source_label (e), ==, "cookie “session”");
  g_assert_true (g_str_has_prefix (jd_har_entry_get_token (e), T1_PREFIX));

  /* base64 content.encoding */
  {
    g_autoptr (GBytes) body = NULL;
    static const guchar png[]
      = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 'b', 'i', 'n', 'a', 'r', 'y' };

    e = jd_test_har_entry_at (har, 8);
    body = jd_har_entry_dup_response_body (e);
    g_assert_nonnull (body);
    g_assert_cmpmem (g_bytes_get_data (body, NULL), g_bytes_get_size (body), png, sizeof png);
  }

  {
    g_autofree char *source = jd_har_entry_dup_source (jd_test_har_entry_at (har, 6));
    g_assert_cmpstr (source, ==, "har:6");
  }
}

static void
test_chrome (void)
{
  g_autoptr (JdHar) har = jd_test_har_load_fixture ("har-chrome-401.har");

  assert_chrome_log (har);
  assert_chrome_401 (jd_test_har_entry_at (har, 1));
  assert_chrome_others (har);
}

static void
test_request_response (void)
{
  g_autoptr (JdHar) har = jd_test_har_load_fixture ("har-chrome-401.har");
  JdHarEntry *e = jd_test_har_entry_at (har, 1);
  g_autoptr (JdRequest) request = jd_har_entry_dup_request (e);
  g_autoptr (JdResponse) response = jd_har_entry_dup_response (e);
  g_autofree char *bearer = NULL;
  GPtrArray *headers;
  GBytes *body;

  g_assert_cmpstr (jd_request_get_method (request), ==, "GET");
  g_assert_cmpstr (jd_request_get_url (request), ==, "https://api.example.com/v1/orders?page=2");
  headers = jd_request_get_headers (request);
  g_assert_cmpuint (headers->len, ==, 3);
  for (guint i = 0; i < headers->len; i++)
    g_assert_cmpint (((JdHeader *)g_ptr_array_index (headers, i))->name[0], !=, ':');
  bearer = jd_request_dup_bearer (request);
  g_assert_cmpstr (bearer, ==, jd_har_entry_get_token (e));

  g_assert_nonnull (response);
  g_assert_cmpuint (jd_response_get_status (response), ==, 401);
  g_assert_cmpstr (jd_response_get_header (response, "WWW-Authenticate"), ==,
                   "Bearer realm=\"api\", error=\"invalid_token\", error_description=\"The access "
                   "token expired\"");
  g_assert_cmpstr (jd_response_get_http_version (response), ==, "http/2.0");
  body = jd_response_get_body (response);
  g_assert_nonnull (body);
  g_assert_cmpuint (g_bytes_get_size (body), ==, 25);
  g_assert_cmpfloat_with_epsilon (jd_response_get_elapsed_ms (response), 42.5, 1e-9);

  /* the POST keeps its body */
  {
    g_autoptr (JdRequest) post = jd_har_entry_dup_request (jd_test_har_entry_at (har, 2));
    g_assert_cmpstr (jd_request_get_method (post), ==, "POST");
    g_assert_nonnull (jd_request_get_body (post));
  }
}

static int
compare_entry_pointers (gconstpointer a, gconstpointer b, gpointer user_data)
{
  return jd_har_entry_compare_failing_first (*(gpointer const *)a, *(gpointer const *)b, user_data);
}

static gboolean
has_finding (GPtrArray *findings, const char *id, JdSeverity severity)
{
  JdFinding *f = jd_findings_find (findings, id);

  if (g_test_verbose ())
    for (guint i = 0; i < findings->len; i++)
      {
        JdFinding *g = g_ptr_array_index (findings, i);
        g_test_message ("  %s (%s)", jd_finding_get_id (g),
                        jd_severity_to_string (jd_finding_get_severity (g)));
      }
  return f != NULL && jd_finding_get_severity (f) == severity;
}

static void
test_diagnose (void)
{
  g_autoptr (JdHar) har = jd_test_har_load_fixture ("har-chrome-401.har");
  g_autoptr (JdHar) charles = jd_test_har_load_fixture ("har-charles-bom.har");
  g_autoptr (GPtrArray) f1 = NULL;
  g_autoptr (GPtrArray) f4 = NULL;
  g_autoptr (GPtrArray) f8 = NULL;
  g_autoptr (GPtrArray) f8_now = NULL;
  g_autoptr (GPtrArray) fc = NULL;
  g_autoptr (JdExpectations) expect = jd_expectations_new ();

  /* no token, no findings */
  g_assert_null (jd_har_entry_diagnose (jd_test_har_entry_at (har, 2), NULL, TRUE, NULL));

  /* judged at the entry's start: T1 was 160 s past exp when entry 8 went out */
  f8 = jd_har_entry_diagnose (jd_test_har_entry_at (har, 8), NULL, TRUE, NULL);
  g_assert_true (has_finding (f8, JD_FINDING_EXPIRED, JD_SEVERITY_ERROR));
  /* and an hour before exp it was not expired */
  expect->now = T1_EXP - 3600;
  f8_now = jd_har_entry_diagnose (jd_test_har_entry_at (har, 8), expect, FALSE, NULL);
  g_assert_false (jd_findings_has (f8_now, JD_FINDING_EXPIRED));

  /* the response's findings are merged: RFC 6750 error on the 401 */
  f1 = jd_har_entry_diagnose (jd_test_har_entry_at (har, 1), NULL, TRUE, NULL);
  g_assert_nonnull (jd_findings_find (f1, "bearer-invalid-token"));

  /* insufficient_scope on the 403 */
  f4 = jd_har_entry_diagnose (jd_test_har_entry_at (har, 4), NULL, TRUE, NULL);
  g_assert_nonnull (jd_findings_find (f4, JD_FINDING_INSUFFICIENT_SCOPE));
  g_assert_false (jd_findings_has (f4, JD_FINDING_EXPIRED));

  /* "Bearer Bearer …" and a 401 with no WWW-Authenticate */
  fc = jd_har_entry_diagnose (jd_test_har_entry_at (charles, 0), NULL, TRUE, NULL);
  g_assert_nonnull (jd_findings_find (fc, JD_FINDING_DOUBLE_BEARER_PREFIX));
  g_assert_nonnull (jd_findings_find (fc, JD_FINDING_MISSING_WWW_AUTHENTICATE));

  /* sorted worst first */
  for (guint i = 1; i < f1->len; i++)
    g_assert_cmpint (
      jd_finding_compare (g_ptr_array_index (f1, i - 1), g_ptr_array_index (f1, i), NULL), <=, 0);
}

/* The response's own findings, as the HAR view lists them under an entry:
 * the RFC 6750 error of the 401, nothing of the token's claims, nothing for
 * an entry without a token. */
static void
test_diagnose_response (void)
{
  g_autoptr (JdHar) har = jd_test_har_load_fixture ("har-chrome-401.har");
  g_autoptr (GPtrArray) f1 = jd_har_entry_diagnose_response (jd_test_har_entry_at (har, 1), NULL);
  g_autoptr (GPtrArray) f8 = jd_har_entry_diagnose_response (jd_test_har_entry_at (har, 8), NULL);

  g_assert_nonnull (jd_findings_find (f1, "bearer-invalid-token"));
  g_assert_false (jd_findings_has (f8, JD_FINDING_EXPIRED));
  g_assert_null (jd_har_entry_diagnose_response (jd_test_har_entry_at (har, 2), NULL));
}

static void
test_failing_first (void)
{
  g_autoptr (JdHar) har = jd_test_har_load_fixture ("har-chrome-401.har");
  g_autoptr (GListModel) sorted = jd_har_dup_failing_first (har);
  static const guint expected[] = { 1, 4, 0, 2, 3, 5, 6, 7, 8 };
  g_autoptr (GPtrArray) copy = g_ptr_array_new ();

  g_assert_cmpuint (g_list_model_get_n_items (sorted), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr (JdHarEntry) e = g_list_model_get_item (sorted, i);
      g_assert_cmpuint (jd_har_entry_get_index (e), ==, expected[i]);
    }

  /* the compare function (for a GtkCustomSorter) gives the same order */
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (har)); i > 0; i--)
    g_ptr_array_add (copy, jd_test_har_entry_at (har, i - 1));
  g_ptr_array_sort_with_data (copy, compare_entry_pointers, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpuint (jd_har_entry_get_index (g_ptr_array_index (copy, i)), ==, expected[i]);
}

static void
test_matches (void)
{
  g_autoptr (JdHar) har = jd_test_har_load_fixture ("har-chrome-401.har");
  JdHarEntry *e = jd_test_har_entry_at (har, 1);

  g_assert_true (jd_har_entry_matches (e, NULL, 0));
  g_assert_true (jd_har_entry_matches (e, "", 0));
  g_assert_true (jd_har_entry_matches (e, "ORDERS", 0));
  g_assert_true (jd_har_entry_matches (e, "get", 0));
  g_assert_true (jd_har_entry_matches (e, "401", 0));
  g_assert_false (jd_har_entry_matches (e, "admin", 0));
  g_assert_true (jd_har_entry_matches (e, NULL, 401));
  g_assert_true (jd_har_entry_matches (e, NULL, 400));
  g_assert_false (jd_har_entry_matches (e, NULL, 403));
  g_assert_false (jd_har_entry_matches (e, NULL, 200));
  g_assert_false (jd_har_entry_matches (e, "orders", 500));
}

static void
test_timeline (void)
{
  g_autoptr (JdHar) har = jd_test_har_load_fixture ("har-chrome-401.har");
  g_autoptr (GPtrArray) timeline = jd_har_dup_timeline (har);
  JdHarTimelineToken *t1;
  JdHarTimelineToken *t2;

  g_assert_cmpuint (timeline->len, ==, 2);
  t1 = g_ptr_array_index (timeline, 0);
  t2 = g_ptr_array_index (timeline, 1);

  g_assert_true (g_str_has_prefix (t1->token, T1_PREFIX));
  g_assert_cmpuint (strlen (t1->fingerprint), ==, 12);
  g_assert_null (strstr (t1->token, t1->fingerprint) == t1->token ? "fingerprint is a token prefix"
                                                                  : NULL);
  g_assert_cmpstr (t1->subject, ==, "alice");
  g_assert_cmpstr (t1->kid, ==, "k1");
  g_assert_true (t1->has_exp);
  g_assert_cmpint (t1->exp, ==, T1_EXP);
  g_assert_true (t1->has_iat);
  g_assert_cmpint (t1->iat, ==, 1699996400);
  /* entries 0, 1, 7 (cookie) and 8 */
  g_assert_cmpuint (t1->uses->len, ==, 4);
  g_assert_cmpfloat_with_epsilon (t1->first_used, 1699999200.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (t1->last_used, 1700000160.0, 1e-6);
  /* the refresh race: entry 1 went out 40 s after exp and got 401 */
  g_assert_cmpuint (t1->failed_after_exp->len, ==, 1);
  g_assert_cmpuint (jd_har_entry_get_index (g_ptr_array_index (t1->failed_after_exp, 0)), ==, 1);
  g_assert_cmpuint (t1->n_used_after_exp, ==, 3);

  g_assert_true (g_str_has_prefix (t2->token, T2_PREFIX));
  g_assert_cmpstr (t2->kid, ==, "k2");
  g_assert_cmpuint (t2->uses->len, ==, 3);
  /* the 403 is not about expiry: T2 was fresh */
  g_assert_cmpuint (t2->failed_after_exp->len, ==, 0);
  g_assert_cmpuint (t2->n_used_after_exp, ==, 0);
  g_assert_cmpstr (t1->fingerprint, !=, t2->fingerprint);
}

static char *
b64url (const char *text)
{
  return jd_base64url_encode (text, strlen (text));
}

/* A one-entry HAR: GET with "Authorization: Bearer <HS256 token with
 * @payload>", started at @started (nullable: no startedDateTime), answered
 * @status with a Date header @date (nullable: none). */
static JdHar *
one_entry_har (const char *payload, const char *started, guint status, const char *date)
{
  g_autofree char *h = b64url ("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
  g_autofree char *p = b64url (payload);
  g_autofree char *started_member
    = started ? g_strdup_printf ("\"startedDateTime\":\"%s\",", started) : g_strdup ("");
  g_autofree char *date_header
    = date ? g_strdup_printf ("{\"name\":\"Date\",\"value\":\"%s\"}", date) : g_strdup ("");
  g_autofree char *text = g_strdup_printf (
    "{\"log\":{\"version\":\"1.2\",\"entries\":[{%s"
    "\"request\":{\"method\":\"GET\",\"url\":\"https://api.example.com/v1/"
    "me\",\"httpVersion\":\"HTTP/1.1\","
    "\"headers\":[{\"name\":\"Authorization\",\"value\":\"Bearer %s.%s.c2ln\"}]},"
    "\"response\":{\"status\":%u,\"statusText\":\"\",\"httpVersion\":\"HTTP/1.1\",\"headers\":[%s],"
    "\"content\":{\"size\":0,\"mimeType\":\"application/json\"}},\"time\":10}]}}",
    started_member, h, p, status, date_header);
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr (GError) error = NULL;
  JdHar *har = jd_har_load_bytes (bytes, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (har)), ==, 1);
  return har;
}

/* Regression: exp/iat outside years 1–9999 went into the timeline as
 * integers; 2^63 passed "d > (double) G_MAXINT64" and was cast (undefined). */
/* Time claims a timeline cannot place: out of range or not numbers. */
static const struct
{
  const char *name;
  const char *value;
} out_of_range_rows[] = {
  { "int64-max-plus-one", "9223372036854775808" },
  { "int64-max", "9223372036854775807" },
  { "int64-min", "-9223372036854775808" },
  { "1e18", "1e18" },
  { "minus-1e300", "-1e300" },
  { "year-10000", "253402300800" },
  { "string", "\"1700000000\"" },
  { "boolean", "true" },
};

static void
test_timeline_time_claims_out_of_range (gconstpointer data)
{
  const char *value = ((const typeof (out_of_range_rows[0]) *)data)->value;
  g_autofree char *payload
    = g_strdup_printf ("{\"sub\":\"alice\",\"exp\":%s,\"iat\":%s}", value, value);
  g_autoptr (JdHar) har = one_entry_har (payload, "2023-11-14T22:00:00.000Z", 401, NULL);
  g_autoptr (GPtrArray) timeline = jd_har_dup_timeline (har);
  JdHarTimelineToken *t;

  g_test_message ("%s", payload);
  g_assert_cmpuint (timeline->len, ==, 1);
  t = g_ptr_array_index (timeline, 0);
  g_assert_cmpstr (t->subject, ==, "alice");
  g_assert_false (t->has_exp);
  g_assert_false (t->has_iat);
  g_assert_cmpuint (t->n_used_after_exp, ==, 0);
  g_assert_cmpuint (t->failed_after_exp->len, ==, 0);
}

/* The limits themselves and fractions are NumericDates (whole seconds, rounded down). */
static void
test_timeline_time_claims_limits (void)
{
  g_autoptr (JdHar) har = one_entry_har ("{\"exp\":253402300799,\"iat\":1699999999.75}",
                                         "2023-11-14T22:00:00.000Z", 401, NULL);
  g_autoptr (GPtrArray) timeline = jd_har_dup_timeline (har);
  JdHarTimelineToken *t = g_ptr_array_index (timeline, 0);

  g_assert_true (t->has_exp);
  g_assert_cmpint (t->exp, ==, G_GINT64_CONSTANT (253402300799));
  g_assert_true (t->has_iat);
  g_assert_cmpint (t->iat, ==, 1699999999);
  g_assert_cmpuint (t->n_used_after_exp, ==, 0);
}

/* Regression: the response's Date was compared with expect->now, so
 * --now 1900000000 made every HAR server "2314 days behind". The server's
 * clock is compared with the moment the request went out (startedDateTime);
 * the token's own time claims still follow expect->now / at_entry_time. */
static void
test_diagnose_clock_skew_at_started (void)
{
  g_autoptr (JdExpectations) expect = jd_expectations_new ();
  const char *payload = "{\"sub\":\"alice\",\"iat\":1699996400,\"exp\":1700000000}";

  expect->now = 1900000000;

  /* the fixture's servers are in step with the browser */
  {
    g_autoptr (JdHar) har = jd_test_har_load_fixture ("har-chrome-401.har");

    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (har)); i++)
      for (int at_entry_time = 0; at_entry_time <= 1; at_entry_time++)
        {
          g_autoptr (GPtrArray) findings
            = jd_har_entry_diagnose (jd_test_har_entry_at (har, i), expect, at_entry_time, NULL);

          g_assert_false (findings != NULL
                          && jd_findings_has (findings, JD_FINDING_SERVER_CLOCK_SKEW));
        }
  }

  /* Date 1 s after startedDateTime: no skew, whatever now is; exp still judged at now */
  {
    g_autoptr (JdHar) har
      = one_entry_har (payload, "2023-11-14T22:00:00.250Z", 401, "Tue, 14 Nov 2023 22:00:01 GMT");
    g_autoptr (GPtrArray) findings
      = jd_har_entry_diagnose (jd_test_har_entry_at (har, 0), expect, FALSE, NULL);
    g_autoptr (GPtrArray) at_entry
      = jd_har_entry_diagnose (jd_test_har_entry_at (har, 0), expect, TRUE, NULL);

    g_assert_false (jd_findings_has (findings, JD_FINDING_SERVER_CLOCK_SKEW));
    g_assert_true (has_finding (findings, JD_FINDING_EXPIRED, JD_SEVERITY_ERROR));
    g_assert_false (jd_findings_has (at_entry, JD_FINDING_SERVER_CLOCK_SKEW));
    g_assert_false (jd_findings_has (at_entry, JD_FINDING_EXPIRED));
  }

  /* a server 20 minutes ahead of the browser is found, under any now */
  {
    g_autoptr (JdHar) har
      = one_entry_har (payload, "2023-11-14T22:00:00.000Z", 401, "Tue, 14 Nov 2023 22:20:00 GMT");
    g_autoptr (GPtrArray) findings
      = jd_har_entry_diagnose (jd_test_har_entry_at (har, 0), expect, FALSE, NULL);
    JdFinding *f = jd_findings_find (findings, JD_FINDING_SERVER_CLOCK_SKEW);

    g_assert_nonnull (f);
    g_test_message ("%s", jd_finding_get_message (f));
    g_assert_nonnull (strstr (jd_finding_get_message (f), "20 minutes ahead"));
    /* sent at 22:00:00, 13 min 20 s before exp: the server's clock said 6 min 40 s after it */
    g_assert_cmpint (jd_finding_get_severity (f), ==, JD_SEVERITY_ERROR);
    g_assert_cmpstr (jd_finding_get_claim (f), ==, "exp");
  }

  /* no startedDateTime: the moment is unknown, so the clocks are not compared */
  {
    g_autoptr (JdHar) har = one_entry_har (payload, NULL, 401, "Tue, 14 Nov 2023 22:00:01 GMT");
    g_autoptr (GPtrArray) findings
      = jd_har_entry_diagnose (jd_test_har_entry_at (har, 0), expect, TRUE, NULL);

    g_assert_false (jd_findings_has (findings, JD_FINDING_SERVER_CLOCK_SKEW));
    g_assert_true (jd_findings_has (findings, JD_FINDING_EXPIRED));
  }
}

/* An entry's token findings and its response's are merged sorted
 * (jd_findings_merge()), each id once. */
static void
test_diagnose_merged (void)
{
  g_autoptr (JdHar) har = jd_test_har_load_fixture ("har-chrome-401.har");
  g_autoptr (JdExpectations) expect = jd_expectations_new ();

  expect->now = T1_EXP + 160;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (har)); i++)
    {
      g_autoptr (GPtrArray) findings
        = jd_har_entry_diagnose (jd_test_har_entry_at (har, i), expect, FALSE, NULL);
      g_autoptr (GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

      if (findings == NULL)
        continue;
      for (guint j = 0; j < findings->len; j++)
        {
          JdFinding *f = g_ptr_array_index (findings, j);

          g_assert_true (g_hash_table_add (ids, (gpointer)jd_finding_get_id (f)));
          if (j > 0)
            g_assert_cmpint (jd_finding_compare (g_ptr_array_index (findings, j - 1), f, NULL), <=,
                             0);
        }
    }

  /* a server-clock-skew from the response, merged into the token's findings */
  {
    g_autoptr (JdHar) skewed
      = one_entry_har ("{\"sub\":\"alice\",\"exp\":1700003600}", "2023-11-14T22:00:00.000Z", 401,
                       "Tue, 14 Nov 2023 22:20:00 GMT");
    g_autoptr (GPtrArray) findings
      = jd_har_entry_diagnose (jd_test_har_entry_at (skewed, 0), NULL, TRUE, NULL);

    g_assert_true (jd_findings_has (findings, JD_FINDING_SERVER_CLOCK_SKEW));
    g_assert_true (jd_findings_has (findings, JD_FINDING_STATUS_401));
    for (guint j = 1; j < findings->len; j++)
      g_assert_cmpint (jd_finding_compare (g_ptr_array_index (findings, j - 1),
                                           g_ptr_array_index (findings, j), NULL),
                       <=, 0);
  }
}

static void
test_sanitized (void)
{
  g_autoptr (JdHar) har = jd_test_har_load_fixture ("har-sanitized.har");
  const char *message;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (har)), ==, 9);
  g_assert_cmpuint (jd_har_get_n_with_token (har), ==, 0);
  g_assert_true (jd_har_is_sanitized (har));
  message = jd_har_get_sanitized_message (har);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "401"));
  g_assert_nonnull (strstr (message, "no request in it carries an Authorization or Cookie header"));
  g_assert_nonnull (strstr (message, "Allow to generate HAR with sensitive data"));
  g_assert_nonnull (strstr (message, "Export HAR (with sensitive data)"));

  /* no 401 at all: not "sanitized", whatever the headers */
  {
    g_autoptr (JdHar) ff = jd_test_har_load_fixture ("har-firefox-bidi.har");
    g_assert_false (jd_har_is_sanitized (ff));
  }
}

static void
test_firefox_bidi (void)
{
  g_autoptr (JdHar) har = jd_test_har_load_fixture ("har-firefox-bidi.har");
  JdHarEntry *e = jd_test_har_entry_at (har, 0);
  const char *binary;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (har)), ==, 2);
  g_assert_cmpuint (jd_har_get_problems (har)->len, ==, 0);
  g_assert_cmpstr (jd_har_get_creator (har), ==, "Firefox 133.0");

  /* {type: "string"} and {type: "base64"} header values */
  g_assert_cmpstr (jd_har_entry_get_request_header (e, "Host"), ==, "api.example.com");
  g_assert_true (g_str_has_prefix (jd_har_entry_get_authorization (e), "Bearer " T1_PREFIX));
  g_assert_true (g_str_has_prefix (jd_har_entry_get_token (e), T1_PREFIX));
  binary = jd_har_entry_get_request_header (e, "X-Binary");
  g_assert_nonnull (binary);
  g_assert_true (g_utf8_validate (binary, -1, NULL));
  g_assert_true (g_str_has_suffix (binary, "ok"));
  g_assert_cmpstr (jd_har_entry_get_response_header (e, "www-authenticate"), ==,
                   "Bearer error=\"invalid_token\"");

  /* a time zone offset; optional fields missing */
  g_assert_cmpfloat_with_epsilon (jd_har_entry_get_started (e), 1700000040.25, 1e-6);
  g_assert_cmpfloat (jd_har_entry_get_time_ms (e), ==, -1);
  g_assert_cmpstr (jd_har_entry_get_status_text (e), ==, "");
  g_assert_null (jd_har_entry_get_http_version (e));

  e = jd_test_har_entry_at (har, 1);
  g_assert_cmpuint (jd_har_entry_get_status (e), ==, 204);
  g_assert_null (jd_har_entry_dup_response_body (e));
  {
    g_autoptr (JdResponse) response = jd_har_entry_dup_response (e);
    g_assert_nonnull (response);
    g_assert_null (jd_response_get_body (response));
  }
}

static void
test_charles_bom (void)
{
  g_autoptr (JdHar) har = jd_test_har_load_fixture ("har-charles-bom.har");
  JdHarEntry *e = jd_test_har_entry_at (har, 0);

  g_assert_cmpstr (jd_har_get_version (har), ==, "1.1");
  g_assert_cmpuint (jd_har_get_problems (har)->len, ==, 0);
  /* status and time written as strings */
  g_assert_cmpuint (jd_har_entry_get_status (e), ==, 401);
  g_assert_cmpfloat (jd_har_entry_get_time_ms (e), ==, 12);
  /* "+11:00" */
  g_assert_cmpfloat_with_epsilon (jd_har_entry_get_started (e), 1700000040.0, 1e-6);
  /* "Bearer Bearer …": the token is still found; the raw header keeps the mistake */
  g_assert_true (g_str_has_prefix (jd_har_entry_get_token (e), T1_PREFIX));
  g_assert_true (g_str_has_prefix (jd_har_entry_get_authorization (e), "Bearer Bearer "));
  /* a 401 with no WWW-Authenticate */
  {
    g_auto (GStrv) challenges = jd_har_entry_dup_www_authenticate (e);
    g_assert_cmpuint (g_strv_length (challenges), ==, 0);
  }
}

/* Real browser exports, vendored in tests/data/har (tests/data/SOURCES). */
static char *
vendored_har (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "har", name, NULL);
}

typedef struct
{
  const char *name;
  guint n_entries;
  const char *creator;
  guint status0;
} RealExport;

static const RealExport real_exports[] = {
  { "mitmproxy-chrome.har", 3, "WebInspector 537.36", 304 },
  { "mitmproxy-firefox.har", 14, "Firefox 111.0.1", 304 },
  { "mitmproxy-with-bom.har", 1, "WebInspector 537.36", 200 },
};

static void
test_real_export (gconstpointer data)
{
  const RealExport *row = data;
  g_autofree char *path = vendored_har (row->name);
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JdHar) har = NULL;

  file = g_file_new_for_path (path);
  har = jd_har_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (har)), ==, row->n_entries);
  g_assert_cmpuint (jd_har_get_problems (har)->len, ==, 0);
  g_assert_cmpstr (jd_har_get_creator (har), ==, row->creator);
  g_assert_cmpuint (jd_har_entry_get_status (jd_test_har_entry_at (har, 0)), ==, row->status0);
  g_assert_false (jd_har_is_sanitized (har));

  for (guint j = 0; j < row->n_entries; j++)
    {
      JdHarEntry *e = jd_test_har_entry_at (har, j);
      g_autoptr (GBytes) body = jd_har_entry_dup_response_body (e);

      g_assert_true (jd_har_entry_has_started (e));
      g_assert_true (g_str_has_prefix (jd_har_entry_get_url (e), "https://"));
      g_assert_cmpstr (jd_har_entry_get_method (e), !=, "");
      assert_no_pseudo_headers (e);
    }
}

/* Chrome's status 0 entry */
static void
test_real_export_status_0 (void)
{
  g_autofree char *path = vendored_har ("mitmproxy-chrome.har");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (JdHar) har = jd_har_load_file (file, NULL, NULL, NULL);

  g_assert_cmpuint (jd_har_entry_get_status (jd_test_har_entry_at (har, 1)), ==, 0);
  g_assert_null (jd_har_entry_dup_response (jd_test_har_entry_at (har, 1)));
}

/* ------------------------------------------------------------------ */
/* Loading in a worker */

typedef struct
{
  GMainLoop *loop;
  JdHar *har;
  GError *error;
  guint n_progress;
  double last_fraction;
  gboolean decreasing;
} AsyncState;

static void
on_progress (double fraction, gpointer user_data)
{
  AsyncState *state = user_data;

  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  if (fraction < state->last_fraction)
    state->decreasing = TRUE;
  state->last_fraction = fraction;
  state->n_progress++;
}

static void
on_loaded (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AsyncState *state = user_data;

  state->har = jd_har_load_finish (result, &state->error);
  g_main_loop_quit (state->loop);
}

static void
test_async (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "har-chrome-401.har", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  AsyncState state = { 0 };

  state.loop = g_main_loop_new (NULL, FALSE);
  jd_har_load_async (file, NULL, NULL, on_progress, &state, on_loaded, &state);
  g_main_loop_run (state.loop);

  g_assert_no_error (state.error);
  g_assert_nonnull (state.har);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (state.har)), ==, 9);
  g_assert_cmpuint (state.n_progress, >=, 1);
  g_assert_cmpfloat (state.last_fraction, ==, 1.0);
  g_assert_false (state.decreasing);

  g_clear_object (&state.har);
  g_main_loop_unref (state.loop);
}

static void
test_async_cancelled (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "har-chrome-401.har", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  AsyncState state = { 0 };

  state.loop = g_main_loop_new (NULL, FALSE);
  g_cancellable_cancel (cancellable);
  jd_har_load_async (file, NULL, cancellable, NULL, NULL, on_loaded, &state);
  g_main_loop_run (state.loop);

  g_assert_null (state.har);
  g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&state.error);
  g_main_loop_unref (state.loop);
}

/* A HAR of a few tens of MB, mapped: pages already read are given back to
 * the kernel while reading; bodies read afterwards must still be right. */
static void
test_large_mapped (void)
{
  g_autoptr (GFileIOStream) stream = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GString) har_text
    = g_string_new ("{\"log\":{\"version\":\"1.2\",\"creator\":{\"name\":\"test\"},\"entries\":[");
  g_autoptr (GError) error = NULL;
  g_autoptr (JdHar) har = NULL;
  g_autofree char *body = NULL;
  const guint n = 3000;

  body = g_strnfill (8 * 1024, 'x');
  for (guint i = 0; i < n; i++)
    g_string_append_printf (
      har_text,
      "%s{\"startedDateTime\":\"2023-11-14T22:00:%02u.000Z\",\"time\":1,"
      "\"request\":{\"method\":\"GET\",\"url\":\"https://api.example.com/items/%u\","
      "\"headers\":[{\"name\":\"Authorization\",\"value\":\"Bearer "
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIldSJ9.c2ln\"}]},"
      "\"response\":{\"status\":%u,\"headers\":[],\"content\":{\"mimeType\":\"text/plain\","
      "\"text\":\"item %u \\\"quoted\\\" %s\"}}}",
      i == 0 ? "" : ",", i % 60, i, i % 10 == 0 ? 401 : 200, i, body);
  g_string_append (har_text, "]}}");

  file = g_file_new_tmp ("jd-test-har-XXXXXX.har", &stream, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_replace_contents (file, har_text->str, har_text->len, NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, &error));
  g_assert_no_error (error);

  har = jd_har_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (har)), ==, n);
  g_assert_cmpuint (jd_har_get_n_auth_failures (har), ==, n / 10);
  g_assert_cmpuint (jd_har_get_n_with_token (har), ==, n);

  for (guint i = 0; i < n; i += 377)
    {
      g_autoptr (GBytes) b = jd_har_entry_dup_response_body (jd_test_har_entry_at (har, i));
      g_autofree char *expected = g_strdup_printf ("item %u \"quoted\" %s", i, body);

      g_assert_cmpmem (g_bytes_get_data (b, NULL), g_bytes_get_size (b), expected,
                       strlen (expected));
    }

  g_file_delete (file, NULL, NULL);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jd/har/chrome", test_chrome);
  g_test_add_func ("/jd/har/request-response", test_request_response);
  g_test_add_func ("/jd/har/diagnose", test_diagnose);
  g_test_add_func ("/jd/har/diagnose-response", test_diagnose_response);
  g_test_add_func ("/jd/har/diagnose-clock-skew-at-started", test_diagnose_clock_skew_at_started);
  g_test_add_func ("/jd/har/diagnose-merged", test_diagnose_merged);
  g_test_add_func ("/jd/har/failing-first", test_failing_first);
  g_test_add_func ("/jd/har/matches", test_matches);
  g_test_add_func ("/jd/har/timeline", test_timeline);
  JD_TEST_ADD_ROWS ("/jd/har/timeline-time-claims-out-of-range", out_of_range_rows, name,
                    test_timeline_time_claims_out_of_range);
  g_test_add_func ("/jd/har/timeline-time-claims-out-of-range/limits",
                   test_timeline_time_claims_limits);
  g_test_add_func ("/jd/har/sanitized", test_sanitized);
  g_test_add_func ("/jd/har/firefox-bidi", test_firefox_bidi);
  g_test_add_func ("/jd/har/charles-bom", test_charles_bom);
  JD_TEST_ADD_ROWS ("/jd/har/real-exports", real_exports, name, test_real_export);
  g_test_add_func ("/jd/har/real-exports/status-0", test_real_export_status_0);
  g_test_add_func ("/jd/har/async", test_async);
  g_test_add_func ("/jd/har/async-cancelled", test_async_cancelled);
  g_test_add_func ("/jd/har/large-mapped", test_large_mapped);

  return g_test_run ();
}
