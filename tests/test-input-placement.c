/* test-input-placement.c — tests for src/core/jd-input-placement.c and the
 * paste forms of issue 13 §3: a token outside "Authorization: Bearer", a
 * "Bearer" glued to the token, a padded token in a header line.
 *
 * Each row is its own test case: one paste that triggers it, one close
 * paste that must not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "jd-diagnosis.h"
#include "jd-input.h"
#include "test-diagnose-util.h"

/* {"alg":"HS256"}.{"sub":"1"}.signature */
#define T "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXI"

static JdInput *
parse (const char *text)
{
  return jd_input_parse (text, strlen (text));
}

typedef struct
{
  const char *name;
  const char *hit;   /* warns, naming @where */
  const char *where; /* the header, cookie or parameter named */
  const char *miss;  /* a close paste that must not warn */
} PlaceCase;

static const PlaceCase place_cases[] = {
  { "header-x-access-token", "GET /v1/me HTTP/1.1\nHost: api.example.com\nx-access-token: " T "\n",
    "\"x-access-token\"",
    "GET /v1/me HTTP/1.1\nAuthorization: Bearer " T "\nx-access-token: " T "\n" },
  { "header-token", "token: " T, "\"token\"", "Authorization: Bearer " T },
  { "header-x-api-key", "Host: a.example\nx-api-key: " T, "\"x-api-key\"", "Host: a.example\n" T },
  { "cookie-line", "Cookie: theme=dark; session=" T, "cookie \"session\"",
    "Authorization: Bearer " T "\nCookie: theme=dark; session=" T },
  { "curl-header", "curl https://api.example.com -H 'x-access-token: " T "'", "\"x-access-token\"",
    "curl https://api.example.com -H 'Authorization: Bearer " T "' -H 'x-access-token: " T "'" },
  { "curl-cookie", "curl https://api.example.com -b 'a=1; jwt=" T "'", "cookie \"jwt\"",
    "curl https://api.example.com -H 'Authorization: Bearer " T "' -b 'a=1; jwt=" T "'" },
  { "curl-query", "curl 'https://api.example.com/v1?access_token=" T "'", "\"access_token\"",
    "curl 'https://api.example.com/v1?access_token=" T "' -H 'Authorization: Bearer " T "'" },
  /* Headers that carry a token by design, from a proxy to its backend: the
   * miss is the same header name; the hit a near name that is not one. */
  { "by-design-alb", "x-amzn-oidc-datax: " T, "\"x-amzn-oidc-datax\"", "x-amzn-oidc-data: " T },
  { "by-design-alb-access", "x-amzn-oidc-accesstokens: " T, "\"x-amzn-oidc-accesstokens\"",
    "x-amzn-oidc-accesstoken: " T },
  { "by-design-iap", "x-goog-iap-jwt: " T, "\"x-goog-iap-jwt\"", "x-goog-iap-jwt-assertion: " T },
  { "by-design-cloudflare", "cf-access-jwt: " T, "\"cf-access-jwt\"",
    "Cf-Access-Jwt-Assertion: " T },
  { "by-design-app-service", "x-ms-token-aad: " T, "\"x-ms-token-aad\"",
    "X-MS-TOKEN-AAD-ACCESS-TOKEN: " T },
  { "by-design-app-service-id", "x-ms-token-aad-id: " T, "\"x-ms-token-aad-id\"",
    "x-ms-token-aad-id-token: " T },
};

static void
test_place (gconstpointer data)
{
  const PlaceCase *c = data;
  g_autoptr (JdInput) hit = parse (c->hit);
  g_autoptr (JdInput) miss = parse (c->miss);
  JdFinding *f
    = jd_findings_find (jd_input_get_findings (hit), JD_FINDING_TOKEN_OUTSIDE_AUTHORIZATION);

  g_assert_cmpstr (jd_input_get_token (hit), ==, T);
  g_assert_nonnull (f);
  g_assert_cmpint (jd_finding_get_severity (f), ==, JD_SEVERITY_WARNING);
  g_assert_nonnull (strstr (jd_finding_get_message (f), c->where));
  g_assert_nonnull (strstr (jd_finding_get_fix (f), "Authorization: Bearer"));
  /* The name, never the token. */
  g_assert_null (strstr (jd_finding_get_message (f), "c2lnbmF0dXJl"));

  g_assert_cmpstr (jd_input_get_token (miss), ==, T);
  g_assert_false (
    jd_findings_has (jd_input_get_findings (miss), JD_FINDING_TOKEN_OUTSIDE_AUTHORIZATION));
}

/* "BearereyJ…": one finding that says so, and the token after it. */
typedef struct
{
  const char *name;
  const char *glued;
  const char *spaced;
} GluedCase;

static const GluedCase glued_cases[] = {
  { "authorization", "Authorization: Bearer" T, "Authorization: Bearer " T },
  { "bare", "Bearer" T, "Bearer " T },
  { "lower-case", "authorization: bearer" T, "authorization: Bearer " T },
  { "curl", "curl https://a.example -H 'Authorization: Bearer" T "'",
    "curl https://a.example -H 'Authorization: Bearer " T "'" },
};

static void
test_glued (gconstpointer data)
{
  const GluedCase *c = data;
  g_autoptr (JdInput) glued = parse (c->glued);
  g_autoptr (JdInput) spaced = parse (c->spaced);
  g_autoptr (JdToken) token = jd_token_parse (jd_input_get_token (glued), -1);
  g_autoptr (GPtrArray) findings = jd_diagnose (token, NULL, NULL, glued);
  guint errors = 0;

  g_assert_cmpstr (jd_input_get_token (glued), ==, T);
  for (guint i = 0; i < findings->len; i++)
    errors += jd_finding_get_severity (g_ptr_array_index (findings, i)) == JD_SEVERITY_ERROR;
  g_assert_cmpuint (errors, ==, 1);
  g_assert_cmpuint (count_id (findings, "malformed-authorization"), ==, 1);
  g_assert_nonnull (strstr (
    jd_finding_get_message (jd_findings_find (findings, "malformed-authorization")), "glued"));

  g_assert_cmpstr (jd_input_get_token (spaced), ==, T);
  g_assert_false (jd_findings_has (jd_input_get_findings (spaced), "malformed-authorization"));
}

/* A token with base64 padding in a header line (AWS ALB pads each
 * segment): the value is taken, not the line. */
#define PADDED "eyJhbGciOiJFUzI1NiIsImtpZCI6IjEifQ==.eyJzdWIiOiIxIn0=.c2lnbmF0dXJl=="

static void
test_padded_header_token (void)
{
  g_autoptr (JdInput) padded = parse ("x-amzn-oidc-data: " PADDED "\n");
  g_autoptr (JdInput) plain = parse ("x-amzn-oidc-data " PADDED "\n");

  g_assert_cmpstr (jd_input_get_token (padded), ==, PADDED);
  g_assert_cmpuint (jd_input_get_token_start (padded), ==, strlen ("x-amzn-oidc-data: "));
  g_assert_false (
    jd_findings_has (jd_input_get_findings (padded), JD_FINDING_TOKEN_OUTSIDE_AUTHORIZATION));
  /* Without "Name:", it is no header line: the text is not cut there. */
  g_assert_true (g_str_has_prefix (jd_input_get_token (plain), "x-amzn-oidc-data"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  JD_TEST_ADD_ROWS ("/jd/input-placement/place", place_cases, name, test_place);
  JD_TEST_ADD_ROWS ("/jd/input-placement/glued-bearer", glued_cases, name, test_glued);
  g_test_add_func ("/jd/input-placement/padded-header-token", test_padded_header_token);

  return g_test_run ();
}
