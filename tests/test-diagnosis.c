/* test-diagnosis.c — tests for src/core/jd-diagnosis.c
 *
 * Every finding id that jd_diagnose() makes from the token itself has a
 * test that triggers it and one where it must not appear.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "jd-base64.h"
#include "jd-diagnosis.h"
#include "jd-input.h"
#include "test-diagnose-util.h"

#define ARTICLE_EXP 1748441531

static GPtrArray *
diagnose (const char *header, const char *payload, JdExpectations *e)
{
  g_autoptr (JdToken) token = token_for (header, payload);
  return jd_diagnose (token, e, NULL, NULL);
}

static JdExpectations *
at (gint64 now)
{
  JdExpectations *e = jd_expectations_new ();
  e->now = now;
  return e;
}

static void
assert_finding (GPtrArray *findings, const char *id, JdSeverity severity)
{
  JdFinding *f = jd_findings_find (findings, id);

  if (f == NULL)
    {
      for (guint i = 0; i < findings->len; i++)
        g_test_message ("have: %s", jd_finding_get_id (g_ptr_array_index (findings, i)));
      g_error ("expected finding %s", id);
    }
  g_assert_cmpint (jd_finding_get_severity (f), ==, severity);
  g_assert_nonnull (jd_finding_get_message (f));
  g_assert_cmpstr (jd_finding_get_message (f), !=, "");
}

static void
test_article_example (void)
{
  /* The acceptance check of the foundation issue: the article's payload, --now 1748441600. */
  g_autoptr (JdExpectations) e = at (1748441600);
  g_autoptr (GPtrArray) f
    = diagnose ("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"k_2026_05\"}",
                "{\"iss\":\"https://auth.example.com/\",\"sub\":\"user_a8f9c2\","
                "\"aud\":\"https://api.example.com/v2\",\"exp\":1748441531,"
                "\"iat\":1748437931,\"nbf\":1748437931,"
                "\"scope\":\"read:invoice write:invoice\"}",
                e);
  JdFinding *first = g_ptr_array_index (f, 0);

  assert_sorted (f);
  g_assert_cmpstr (jd_finding_get_id (first), ==, "expired");
  g_assert_cmpint (jd_finding_get_severity (first), ==, JD_SEVERITY_ERROR);
  g_assert_cmpint (jd_finding_get_rank (first), ==, 1);
  g_assert_cmpstr (jd_finding_get_claim (first), ==, "exp");
  g_assert_nonnull (strstr (jd_finding_get_message (first), "69 seconds ago"));
  g_assert_nonnull (strstr (jd_finding_get_message (first), "2025-05-28 14:12:11 UTC"));
  g_assert_nonnull (strstr (jd_finding_get_fix (first), "refresh token"));
}

typedef struct
{
  const char *name;
  gint64 now;
  gint64 leeway;
  const char *id;
  JdSeverity sev;
} ExpiryRow;

/* exp is 1000000 */
static const ExpiryRow expiry_rows[] = {
  /* exactly exp: within the leeway -> warning, not error */
  { "at-exp", 1000000, 60, "expired-within-leeway", JD_SEVERITY_WARNING },
  /* exp + L - 1: still a warning */
  { "leeway-end", 1000059, 60, "expired-within-leeway", JD_SEVERITY_WARNING },
  /* exp + L: now >= exp + L -> error */
  { "past-leeway", 1000060, 60, "expired", JD_SEVERITY_ERROR },
  /* leeway 0: exactly exp is expired */
  { "no-leeway-at-exp", 1000000, 0, "expired", JD_SEVERITY_ERROR },
  /* leeway 0, one second before: expiring within 5 minutes is a warning, as the badge says */
  { "no-leeway-second-before", 999999, 0, "expires-soon", JD_SEVERITY_WARNING },
  /* within L before exp -> warning */
  { "within-leeway-before", 999950, 60, "expires-soon", JD_SEVERITY_WARNING },
  /* 4 minutes before -> warning */
  { "four-minutes-before", 1000000 - 240, 60, "expires-soon", JD_SEVERITY_WARNING },
  /* an hour before -> ok */
  { "hour-before", 1000000 - 3600, 60, "not-expired", JD_SEVERITY_OK },
};

static void
test_expiry_boundaries (gconstpointer data)
{
  const ExpiryRow *row = data;
  const char *h = "{\"alg\":\"HS256\"}";
  const char *p = "{\"exp\":1000000}";
  g_autoptr (JdExpectations) e = at (row->now);
  g_autoptr (GPtrArray) f = NULL;

  e->leeway = row->leeway;
  f = diagnose (h, p, e);
  assert_finding (f, row->id, row->sev);
  /* "expired" always means rejected; the leeway's own id never comes with it. */
  if (g_strcmp0 (row->id, "expired") != 0)
    g_assert_false (jd_findings_has (f, "expired"));
  if (g_strcmp0 (row->id, "expired-within-leeway") != 0)
    g_assert_false (jd_findings_has (f, "expired-within-leeway"));
}

static void
test_missing_and_string_exp (void)
{
  g_autoptr (JdExpectations) e = at (1000);
  g_autoptr (GPtrArray) none = diagnose ("{\"alg\":\"HS256\"}", "{\"sub\":\"a\"}", e);
  g_autoptr (GPtrArray) str
    = diagnose ("{\"alg\":\"HS256\"}", "{\"exp\":\"2026-05-28T14:02:11Z\"}", e);
  g_autoptr (GPtrArray) frac = diagnose ("{\"alg\":\"HS256\"}", "{\"exp\":999.5}", e);
  g_autoptr (GPtrArray) iat_str
    = diagnose ("{\"alg\":\"HS256\"}", "{\"exp\":9999,\"iat\":\"yesterday\"}", e);

  /* A string iat is rejected by verifiers too: an error, as its badge says. */
  assert_finding (iat_str, "invalid-numeric-date", JD_SEVERITY_ERROR);

  assert_finding (none, "missing-exp", JD_SEVERITY_WARNING);
  g_assert_false (jd_findings_has (none, "expired"));
  assert_finding (str, "invalid-numeric-date", JD_SEVERITY_ERROR);
  g_assert_nonnull (strstr (jd_finding_get_message (jd_findings_find (str, "invalid-numeric-date")),
                            "2026-05-28T14:02:11Z"));
  g_assert_false (jd_findings_has (str, "missing-exp"));
  /* A fractional NumericDate is a number: 999.5 < 1000 but within leeway. */
  assert_finding (frac, "expired-within-leeway", JD_SEVERITY_WARNING);
  g_assert_false (jd_findings_has (frac, "expired"));
  g_assert_false (jd_findings_has (frac, "invalid-numeric-date"));
}

static void
test_not_yet_valid_and_issued_in_future (void)
{
  const char *h = "{\"alg\":\"HS256\"}";
  g_autoptr (JdExpectations) e = at (5000);
  g_autoptr (GPtrArray) nbf_far = diagnose (h, "{\"exp\":9000,\"nbf\":5061}", e);
  g_autoptr (GPtrArray) nbf_edge = diagnose (h, "{\"exp\":9000,\"nbf\":5060}", e);
  g_autoptr (GPtrArray) nbf_past = diagnose (h, "{\"exp\":9000,\"nbf\":4000}", e);
  g_autoptr (GPtrArray) iat_far = diagnose (h, "{\"exp\":9000,\"iat\":5090}", e);
  g_autoptr (GPtrArray) iat_edge = diagnose (h, "{\"exp\":9000,\"iat\":5060}", e);
  g_autoptr (GPtrArray) iat_past = diagnose (h, "{\"exp\":9000,\"iat\":4000}", e);

  /* nbf > now + L -> error; nbf == now + L -> warning only */
  assert_finding (nbf_far, "not-yet-valid", JD_SEVERITY_ERROR);
  g_assert_cmpint (jd_finding_get_rank (jd_findings_find (nbf_far, "not-yet-valid")), ==, 2);
  assert_finding (nbf_edge, "not-yet-valid-within-leeway", JD_SEVERITY_WARNING);
  g_assert_false (jd_findings_has (nbf_edge, "not-yet-valid"));
  g_assert_false (jd_findings_has (nbf_far, "not-yet-valid-within-leeway"));
  g_assert_false (jd_findings_has (nbf_past, "not-yet-valid"));
  assert_finding (iat_far, "issued-in-future", JD_SEVERITY_ERROR);
  g_assert_nonnull (
    strstr (jd_finding_get_message (jd_findings_find (iat_far, "issued-in-future")), "90 seconds"));
  assert_finding (iat_edge, "issued-in-future-within-leeway", JD_SEVERITY_WARNING);
  g_assert_false (jd_findings_has (iat_edge, "issued-in-future"));
  g_assert_false (jd_findings_has (iat_far, "issued-in-future-within-leeway"));
  g_assert_false (jd_findings_has (iat_past, "issued-in-future"));
}

static void
test_short_lifetime (void)
{
  g_autoptr (JdExpectations) e = at (1000);
  g_autoptr (GPtrArray) shortl = diagnose ("{\"alg\":\"HS256\"}", "{\"iat\":990,\"exp\":1200}", e);
  g_autoptr (GPtrArray) longl = diagnose ("{\"alg\":\"HS256\"}", "{\"iat\":990,\"exp\":4590}", e);

  assert_finding (shortl, "short-lifetime", JD_SEVERITY_INFO);
  g_assert_false (jd_findings_has (longl, "short-lifetime"));
}

typedef struct
{
  const char *name;
  const char *payload;
  const char *want;
  const char *needle;
} AudienceRow;

static const AudienceRow audience_rows[] = {
  { "other-api", "{\"exp\":9999999999,\"aud\":\"https://billing.example.com\"}",
    "https://api.example.com", "minted for" },
  { "trailing-slash", "{\"exp\":9999999999,\"aud\":\"https://api.example.com/\"}",
    "https://api.example.com", "trailing slash" },
  { "http-vs-https", "{\"exp\":9999999999,\"aud\":\"http://api.example.com\"}",
    "https://api.example.com", "http vs https" },
  { "no-scheme", "{\"exp\":9999999999,\"aud\":\"api.example.com\"}", "https://api.example.com",
    "scheme" },
  { "case", "{\"exp\":9999999999,\"aud\":\"https://API.example.com\"}", "https://api.example.com",
    "case" },
  { "array", "{\"exp\":9999999999,\"aud\":[\"a\",\"b\"]}", "c", "\"a\", \"b\"" },
  { "missing", "{\"exp\":9999999999}", "c", "no \"aud\"" },
  { "empty-array", "{\"exp\":9999999999,\"aud\":[]}", "c", "empty array" },
  { "number", "{\"exp\":9999999999,\"aud\":42}", "c", "neither" },
};

static void
test_audience (gconstpointer data)
{
  const AudienceRow *row = data;
  const char *h = "{\"alg\":\"HS256\"}";
  g_autoptr (JdExpectations) e = at (1000);
  g_autoptr (GPtrArray) f = NULL;
  JdFinding *m;

  e->audience = g_strdup (row->want);
  f = diagnose (h, row->payload, e);
  assert_finding (f, "audience-mismatch", JD_SEVERITY_ERROR);
  m = jd_findings_find (f, "audience-mismatch");
  g_test_message ("%s", jd_finding_get_message (m));
  g_assert_nonnull (strstr (jd_finding_get_message (m), row->needle));
  g_assert_cmpint (jd_finding_get_rank (m), ==, 3);
}

/* An array containing the exact value matches. */
static void
test_audience_in_array (void)
{
  const char *h = "{\"alg\":\"HS256\"}";
  g_autoptr (JdExpectations) e = at (1000);
  g_autoptr (GPtrArray) f = NULL;

  e->audience = g_strdup ("https://api.example.com");
  f = diagnose (h, "{\"exp\":9999999999,\"aud\":[\"x\",\"https://api.example.com\"]}", e);
  g_assert_false (jd_findings_has (f, "audience-mismatch"));
  assert_finding (f, "audience-ok", JD_SEVERITY_OK);
}

/* No expectation: no check at all. */
static void
test_audience_not_expected (void)
{
  const char *h = "{\"alg\":\"HS256\"}";
  g_autoptr (JdExpectations) e = at (1000);
  g_autoptr (GPtrArray) f = diagnose (h, "{\"exp\":9999999999,\"aud\":\"x\"}", e);

  g_assert_false (jd_findings_has (f, "audience-mismatch"));
}

typedef struct
{
  const char *name;
  const char *iss;
  const char *want;
  const char *needle;
} IssuerRow;

static const IssuerRow issuer_rows[] = {
  { "other-tenant", "https://auth.staging.example.com/", "https://auth.example.com/",
    "another tenant or environment" },
  { "trailing-slash", "https://auth.example.com", "https://auth.example.com/", "trailing slash" },
  { "no-scheme", "accounts.google.com", "https://accounts.google.com", "scheme" },
  { "azure-v1", "https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/",
    "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0", "v1.0 token" },
  { "azure-tenants", "https://login.microsoftonline.com/11111111-1111-1111-1111-111111111111/v2.0",
    "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0",
    "different tenants" },
};

static void
test_issuer (gconstpointer data)
{
  const IssuerRow *row = data;
  const char *h = "{\"alg\":\"RS256\"}";
  g_autoptr (JdExpectations) e = at (1000);
  g_autofree char *payload = g_strdup_printf ("{\"exp\":9999999999,\"iss\":\"%s\"}", row->iss);
  g_autoptr (GPtrArray) f = NULL;
  JdFinding *m;

  e->issuer = g_strdup (row->want);
  f = diagnose (h, payload, e);
  assert_finding (f, "issuer-mismatch", JD_SEVERITY_ERROR);
  m = jd_findings_find (f, "issuer-mismatch");
  g_test_message ("%s", jd_finding_get_message (m));
  g_assert_nonnull (strstr (jd_finding_get_message (m), row->needle));
  g_assert_cmpint (jd_finding_get_rank (m), ==, 4);
}

/* The expected issuer matches; a token without iss does not. */
static void
test_issuer_match_and_missing (void)
{
  const char *h = "{\"alg\":\"RS256\"}";
  g_autoptr (JdExpectations) e = at (1000);
  g_autoptr (GPtrArray) f = NULL;

  e->issuer = g_strdup ("https://auth.example.com/");
  f = diagnose (h, "{\"exp\":9999999999,\"iss\":\"https://auth.example.com/\"}", e);
  g_assert_false (jd_findings_has (f, "issuer-mismatch"));
  assert_finding (f, "issuer-ok", JD_SEVERITY_OK);
  g_clear_pointer (&f, g_ptr_array_unref);
  f = diagnose (h, "{\"exp\":9999999999}", e);
  assert_finding (f, "issuer-mismatch", JD_SEVERITY_ERROR);
}

static void
test_algorithms (void)
{
  const char *p = "{\"exp\":9999999999}";
  g_autoptr (JdExpectations) e = at (1000);
  g_autoptr (GPtrArray) none = diagnose ("{\"alg\":\"none\"}", p, e);
  g_autoptr (GPtrArray) none_case = diagnose ("{\"alg\":\"nOnE\"}", p, e);
  g_autoptr (GPtrArray) rs = diagnose ("{\"alg\":\"RS256\"}", p, e);
  g_autoptr (GPtrArray) bogus = diagnose ("{\"alg\":\"HS257\"}", p, e);
  g_autoptr (GPtrArray) hs_not_allowed = NULL;
  g_autoptr (GPtrArray) rs_allowed = NULL;

  assert_finding (none, "alg-none", JD_SEVERITY_ERROR);
  g_assert_cmpint (jd_finding_get_rank (jd_findings_find (none, "alg-none")), ==, 5);
  /* alg none is never "valid": the verdict has an error even with nothing else wrong. */
  g_assert_cmpint (jd_finding_get_severity (g_ptr_array_index (none, 0)), ==, JD_SEVERITY_ERROR);
  assert_finding (none_case, "alg-none", JD_SEVERITY_ERROR);
  g_assert_false (jd_findings_has (rs, "alg-none"));
  g_assert_false (jd_findings_has (rs, "algorithm-not-allowed"));
  assert_finding (bogus, "algorithm-not-allowed", JD_SEVERITY_ERROR);
  /* "None" is unsigned too: no "signature not checked" note beside alg-none. */
  g_assert_false (jd_findings_has (none_case, "signature-unverified"));

  e->algorithms = g_strsplit ("RS256,ES256", ",", -1);
  hs_not_allowed = diagnose ("{\"alg\":\"HS256\"}", p, e);
  rs_allowed = diagnose ("{\"alg\":\"RS256\"}", p, e);
  assert_finding (hs_not_allowed, "algorithm-not-allowed", JD_SEVERITY_ERROR);
  g_assert_nonnull (
    strstr (jd_finding_get_message (jd_findings_find (hs_not_allowed, "algorithm-not-allowed")),
            "RS256, ES256"));
  g_assert_false (jd_findings_has (rs_allowed, "algorithm-not-allowed"));
}

static void
test_malformed_and_encrypted (void)
{
  g_autoptr (JdExpectations) e = at (1000);
  g_autoptr (JdToken) broken = jd_token_parse ("eyJhbGciOiJIUzI1NiJ9.e*30.AAAA", -1);
  g_autoptr (GPtrArray) f = jd_diagnose (broken, e, NULL, NULL);
  g_autoptr (JdToken) jwe
    = jd_token_parse ("eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.AAAA.BBBB.CCCC.DDDD", -1);
  /* {"alg":"RSA-OAEP","enc":{}}: a non-string enc is named, not a critical warning. */
  g_autoptr (JdToken) odd_jwe
    = jd_token_parse ("eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6e319.AAAA.BBBB.CCCC.DDDD", -1);
  g_autoptr (GPtrArray) fo = jd_diagnose (odd_jwe, e, NULL, NULL);
  g_autoptr (GPtrArray) fe = jd_diagnose (jwe, e, NULL, NULL);
  g_autoptr (GPtrArray) good = diagnose ("{\"alg\":\"HS256\"}", "{\"exp\":9999999999}", e);
  JdFinding *first = g_ptr_array_index (f, 0);

  g_assert_cmpstr (jd_finding_get_id (first), ==, "malformed");
  g_assert_cmpint (jd_finding_get_rank (first), ==, 0);
  g_assert_nonnull (strstr (jd_finding_get_message (first), "byte 1"));
  g_assert_cmpstr (jd_finding_get_claim (first), ==, "payload");
  assert_finding (fe, "encrypted-token", JD_SEVERITY_ERROR);
  g_assert_nonnull (
    strstr (jd_finding_get_message (jd_findings_find (fe, "encrypted-token")), "A256GCM"));
  g_assert_false (jd_findings_has (fe, "malformed"));
  assert_finding (fo, "encrypted-token", JD_SEVERITY_ERROR);
  g_assert_false (jd_findings_has (good, "malformed"));
  g_assert_false (jd_findings_has (good, "encrypted-token"));
}

static void
test_unverified_note (void)
{
  g_autoptr (JdExpectations) e = at (1000);
  g_autoptr (GPtrArray) f = diagnose ("{\"alg\":\"HS256\"}", "{\"exp\":9999999999}", e);

  assert_finding (f, "signature-unverified", JD_SEVERITY_INFO);
  /* Without problems, nothing is an error. */
  for (guint i = 0; i < f->len; i++)
    g_assert_cmpint (jd_finding_get_severity (g_ptr_array_index (f, i)), !=, JD_SEVERITY_ERROR);
}

static void
test_ranking (void)
{
  /* Everything wrong at once: errors in DESIGN.md's rank order. */
  g_autoptr (JdExpectations) e = at (10000);
  g_autoptr (GPtrArray) f = NULL;
  const char *order[] = { "expired", "issued-in-future", "audience-mismatch", "issuer-mismatch",
                          "algorithm-not-allowed" };
  guint k = 0;

  e->audience = g_strdup ("a");
  e->issuer = g_strdup ("i");
  e->algorithms = g_strsplit ("ES256", ",", -1);
  f = diagnose ("{\"alg\":\"HS256\"}", "{\"exp\":100,\"iat\":99999,\"aud\":\"b\",\"iss\":\"j\"}",
                e);
  assert_sorted (f);
  for (guint i = 0; i < f->len && k < G_N_ELEMENTS (order); i++)
    if (g_str_equal (jd_finding_get_id (g_ptr_array_index (f, i)), order[k]))
      k++;
  g_assert_cmpuint (k, ==, G_N_ELEMENTS (order));
}

static void
test_expectations_copy (void)
{
  g_autoptr (JdExpectations) e = jd_expectations_new ();
  g_autoptr (JdExpectations) c = NULL;
  gint64 wall = g_get_real_time () / G_USEC_PER_SEC;

  g_assert_cmpint (e->leeway, ==, 60);
  g_assert_cmpint (ABS (e->now - wall), <=, 2);
  e->audience = g_strdup ("a");
  e->algorithms = g_strsplit ("RS256", ",", -1);
  c = jd_expectations_copy (e);
  g_assert_cmpstr (c->audience, ==, "a");
  g_assert_cmpstr (c->algorithms[0], ==, "RS256");
  g_assert_true (c->audience != e->audience);
}

typedef struct
{
  const char *name;
  const char *iss;
  gboolean azure;
  const char *tenant;
  gboolean v2;
} AzureRow;

static const AzureRow azure_rows[] = {
  { "v1", "https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/", TRUE,
    "72f988bf-86f1-41af-91ab-2d7cd011db47", FALSE },
  { "v2", "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0", TRUE,
    "72f988bf-86f1-41af-91ab-2d7cd011db47", TRUE },
  { "us-government", "https://LOGIN.microsoftonline.us/tid/v2.0/", TRUE, "tid", TRUE },
  { "china-v2", "https://login.chinacloudapi.cn/tid/v2.0", TRUE, "tid", TRUE },
  { "china-v1", "https://sts.chinacloudapi.cn/tid/", TRUE, "tid", FALSE },
  { "no-tenant", "https://sts.windows.net/", FALSE, NULL, FALSE },
  { "not-https", "http://sts.windows.net/tid/", FALSE, NULL, FALSE },
  { "another-host", "https://sts.windows.net.evil.example/tid/", FALSE, NULL, FALSE },
  { "google", "https://accounts.google.com", FALSE, NULL, FALSE },
  { "not-a-url", "not a url", FALSE, NULL, FALSE },
};

static void
test_azure_issuer (gconstpointer data)
{
  const AzureRow *row = data;
  g_autofree char *tenant = NULL;
  gboolean v2 = !row->v2;

  g_assert_cmpint (jd_azure_issuer_parse (row->iss, &tenant, &v2), ==, row->azure);
  g_assert_cmpstr (tenant, ==, row->tenant);
  g_assert_cmpint (v2, ==, row->v2);
}

static void
test_azure_issuer_null (void)
{
  g_assert_false (jd_azure_issuer_parse (NULL, NULL, NULL));
}

/* Two tokens pasted back to back: malformed, never an encrypted token, and
 * the diagnosis says why first. A real JWE next to it is still one. */
static void
test_glued_tokens (void)
{
  const char *one = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnMQ";
  g_autofree char *two = g_strconcat (one, one, NULL);
  g_autoptr (JdInput) input = jd_input_parse (two, strlen (two));
  g_autoptr (JdToken) token = jd_token_parse (jd_input_get_token (input), -1);
  g_autoptr (GPtrArray) findings = jd_diagnose (token, NULL, NULL, input);
  g_autoptr (JdToken) jwe
    = jd_token_parse ("eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.AAAA.BBBB.CCCC.DDDD", -1);
  g_autoptr (GPtrArray) jwe_findings = jd_diagnose (jwe, NULL, NULL, NULL);
  JdFinding *first = g_ptr_array_index (findings, 0);

  g_assert_cmpstr (jd_finding_get_id (first), ==, "malformed");
  g_assert_cmpint (jd_finding_get_severity (first), ==, JD_SEVERITY_ERROR);
  g_assert_nonnull (strstr (jd_finding_get_message (first), "two tokens back to back?"));
  g_assert_nonnull (strstr (jd_finding_get_fix (first), "Paste one token"));
  g_assert_null (jd_findings_find (findings, "encrypted-token"));
  assert_finding (jwe_findings, "encrypted-token", JD_SEVERITY_ERROR);
  g_assert_null (jd_findings_find (jwe_findings, "malformed"));
}

/* For a malformed token the first finding is the first broken byte, also
 * when the segment count is wrong too (named at the end of the text). */
static void
test_first_broken_byte (void)
{
  const char *text = "eyJhb*GciOiJIUzI1NiJ9.eyJz*dWIi";
  g_autoptr (JdToken) token = jd_token_parse (text, -1);
  g_autoptr (GPtrArray) findings = jd_diagnose (token, NULL, NULL, NULL);
  JdFinding *first = g_ptr_array_index (findings, 0);

  g_assert_cmpstr (jd_finding_get_id (first), ==, "malformed");
  g_assert_nonnull (strstr (jd_finding_get_message (first), "byte 5"));
  g_assert_nonnull (strstr (jd_finding_get_message (first), "'*'"));
}

/* The findings that explain the others of their rank lead it: one row per
 * leading id, each with a situation where it must come first and a close one
 * (the same token without its cause) where it is absent. */
typedef struct
{
  const char *id;
  const char *text;  /* what is pasted */
  const char *close; /* nearly the same, without the cause */
  const char *aud;   /* the expected audience, or NULL */
} LeadRow;

static const LeadRow lead_rows[] = {
  /* An ID token (nonce, aud = a client id, no scope) sent to an API: said before audience-mismatch.
   */
  { "wrong-token-kind",
    "eyJhbGciOiJIUzI1NiJ9."
    "eyJpc3MiOiJodHRwczovL2Rldi1hYmMudXMuYXV0aDAuY29tLyIsInN1YiI6ImF1dGgwfDEyMyIsImF1ZCI6Ilhx"
    "OENMSUVOVElEYWJjZGVmZ2hpamtsbW5vcHFyc3R1Iiwibm9uY2UiOiJuLTBTNl9XekEyTWoiLCJleHAiOjQxMDI0NDQ4MD"
    "B9.c2lnbmF0dXJl",
    "eyJhbGciOiJIUzI1NiJ9."
    "eyJpc3MiOiJodHRwczovL2Rldi1hYmMudXMuYXV0aDAuY29tLyIsInN1YiI6ImF1dGgwfDEyMyIsImF1ZCI6Ilhx"
    "OENMSUVOVElEYWJjZGVmZ2hpamtsbW5vcHFyc3R1Iiwic2NvcGUiOiJyZWFkIiwiZXhwIjo0MTAyNDQ0ODAwfQ."
    "c2lnbmF0dXJl",
    "https://api.example.com" },
  /* "Bearer undefined": said instead of, or before, any decoding error. */
  { "no-token", "Authorization: Bearer undefined", "Authorization: Bearer undefinedx", NULL },
  /* A header line cut at 4096 bytes: said before the decoding errors it causes. */
  { "token-truncated", NULL, NULL, NULL },
};

static GPtrArray *
diagnose_paste_for (const char *text, const char *aud)
{
  g_autoptr (JdExpectations) e = jd_expectations_new ();

  e->now = 1765000000;
  e->audience = g_strdup (aud);
  return diagnose_paste (text, e);
}

/* "Authorization: Bearer " and a token of @len bytes whose payload is cut. */
static char *
cut_line (gsize len)
{
  GString *s = g_string_new ("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwicGFkIjoi");

  while (s->len < len)
    g_string_append_c (s, 'Q');
  return g_string_free (s, FALSE);
}

static void
test_leading (gconstpointer data)
{
  const LeadRow *row = data;
  g_autofree char *cut = row->text ? NULL : cut_line (4096);
  g_autofree char *whole = row->text ? NULL : cut_line (4095);
  g_autoptr (GPtrArray) hit = diagnose_paste_for (row->text ? row->text : cut, row->aud);
  g_autoptr (GPtrArray) miss = diagnose_paste_for (row->close ? row->close : whole, row->aud);

  g_assert_cmpuint (hit->len, >, 0);
  g_assert_cmpstr (jd_finding_get_id (g_ptr_array_index (hit, 0)), ==, row->id);
  g_assert_false (jd_findings_has (miss, row->id));
  g_assert_cmpuint (jd_finding_leading_index (row->id), <, jd_finding_n_leading ());
}

/* Ties within one severity and rank: the finding that says what the token
 * is comes first; one row per rule, each with a close case that must not. */
typedef struct
{
  const char *name;
  const char *a;
  int rank_a;
  const char *b;
  int rank_b;
  const char *first;
} TieCase;

static const TieCase tie_cases[] = {
  { "kind-before-audience", JD_FINDING_AUDIENCE_MISMATCH, JD_RANK_AUDIENCE,
    JD_FINDING_WRONG_TOKEN_KIND, JD_RANK_AUDIENCE, JD_FINDING_WRONG_TOKEN_KIND },
  { "kind-after-expired", JD_FINDING_WRONG_TOKEN_KIND, JD_RANK_AUDIENCE, JD_FINDING_EXPIRED,
    JD_RANK_EXPIRED, JD_FINDING_EXPIRED },
  { "no-token-before-malformed", JD_FINDING_MALFORMED, JD_RANK_MALFORMED, JD_FINDING_NO_TOKEN,
    JD_RANK_MALFORMED, JD_FINDING_NO_TOKEN },
  { "others-by-id", JD_FINDING_ISSUER_MISMATCH, JD_RANK_AUDIENCE, JD_FINDING_AUDIENCE_MISMATCH,
    JD_RANK_AUDIENCE, JD_FINDING_AUDIENCE_MISMATCH },
};

static void
test_tie (gconstpointer data)
{
  const TieCase *c = data;
  g_autoptr (GPtrArray) f = g_ptr_array_new_with_free_func (g_object_unref);

  jd_findings_add (f, c->a, JD_SEVERITY_ERROR, c->rank_a, NULL, "a", "fix");
  jd_findings_add (f, c->b, JD_SEVERITY_ERROR, c->rank_b, NULL, "b", "fix");
  jd_findings_sort (f);
  g_assert_cmpstr (jd_finding_get_id (g_ptr_array_index (f, 0)), ==, c->first);
  assert_sorted (f);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jd/diagnosis/article", test_article_example);
  JD_TEST_ADD_ROWS ("/jd/diagnosis/expiry-boundaries", expiry_rows, name, test_expiry_boundaries);
  g_test_add_func ("/jd/diagnosis/missing-and-string-exp", test_missing_and_string_exp);
  g_test_add_func ("/jd/diagnosis/nbf-iat", test_not_yet_valid_and_issued_in_future);
  g_test_add_func ("/jd/diagnosis/short-lifetime", test_short_lifetime);
  JD_TEST_ADD_ROWS ("/jd/diagnosis/audience", audience_rows, name, test_audience);
  g_test_add_func ("/jd/diagnosis/audience/in-array", test_audience_in_array);
  g_test_add_func ("/jd/diagnosis/audience/not-expected", test_audience_not_expected);
  JD_TEST_ADD_ROWS ("/jd/diagnosis/issuer", issuer_rows, name, test_issuer);
  g_test_add_func ("/jd/diagnosis/issuer/match-and-missing", test_issuer_match_and_missing);
  g_test_add_func ("/jd/diagnosis/algorithms", test_algorithms);
  g_test_add_func ("/jd/diagnosis/malformed-encrypted", test_malformed_and_encrypted);
  g_test_add_func ("/jd/diagnosis/unverified", test_unverified_note);
  g_test_add_func ("/jd/diagnosis/ranking", test_ranking);
  JD_TEST_ADD_ROWS ("/jd/diagnosis/tie", tie_cases, name, test_tie);
  g_test_add_func ("/jd/diagnosis/expectations", test_expectations_copy);
  JD_TEST_ADD_ROWS ("/jd/diagnosis/azure-issuer", azure_rows, name, test_azure_issuer);
  g_test_add_func ("/jd/diagnosis/azure-issuer/null", test_azure_issuer_null);
  g_test_add_func ("/jd/diagnosis/glued-tokens", test_glued_tokens);
  g_test_add_func ("/jd/diagnosis/first-broken-byte", test_first_broken_byte);
  JD_TEST_ADD_ROWS ("/jd/diagnosis/leads-its-rank", lead_rows, id, test_leading);

  return g_test_run ();
}
