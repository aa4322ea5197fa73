/* test-near-miss.c — tests for src/core/jd-near-miss.c
 *
 * One test case per row of each table: a pair of values the row explains,
 * and a close pair it must not explain. Every row of the tables must have
 * its case (checked).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "jd-finding.h"
#include "jd-near-miss.h"
#include "test-rows.h"

typedef struct
{
  const char *row;
  const char *provider; /* provider row id, nullable */
  const char *got, *want, *needle;
  const char *close_got, *close_want; /* must not be explained by @row */
} ValueCase;

#define GUID "6e74172b-be56-4843-9ff4-e66a39bb12e3"
#define TENANT "72f988bf-86f1-41af-91ab-2d7cd011db47"
#define OTHER_TENANT "11111111-1111-1111-1111-111111111111"

static const ValueCase value_cases[] = {
  { "entra-tenant", "entra-v2", "https://login.microsoftonline.com/" OTHER_TENANT "/v2.0",
    "https://login.microsoftonline.com/" TENANT "/v2.0", "different tenants (tid " OTHER_TENANT,
    "https://sts.windows.net/" TENANT "/", "https://login.microsoftonline.com/" TENANT "/v2.0" },
  { "entra-version", "entra-v1", "https://sts.windows.net/" TENANT "/",
    "https://login.microsoftonline.com/" TENANT "/v2.0",
    "the token is a v1.0 token and the API expects v2.0",
    "https://login.microsoftonline.com/" TENANT "/v2.0/",
    "https://login.microsoftonline.com/" TENANT "/v2.0" },
  { "entra-app-id-uri", "entra-v1", "api://" GUID, GUID, "App ID URI vs client id of the same app",
    "api://my-api", GUID },
  { "entra-graph", "entra-v1", "00000003-0000-0000-c000-000000000000", "api://" GUID,
    "Microsoft Graph's audience", "00000003-0000-0000-c000-000000000001", "api://" GUID },
  { "keycloak-realm-host", "keycloak", "http://keycloak:8080/realms/shop",
    "https://auth.example.com/realms/shop",
    "the same realm \"shop\" on another host name (keycloak instead of auth.example.com)",
    "https://auth.example.com/realms/shop-test", "https://auth.example.com/realms/shop" },
  { "okta-org-vs-custom", "okta-org", "https://acme.okta.com",
    "https://acme.okta.com/oauth2/default",
    "org authorization server instead of the custom server \"default\"", "https://other.okta.com",
    "https://acme.okta.com/oauth2/default" },
  { "google-function-path", "google", "https://us-central1-shop.cloudfunctions.net",
    "https://us-central1-shop.cloudfunctions.net/hello", "the function URL without its path",
    "https://us-central1-shop.cloudfunctions.net/bye",
    "https://us-central1-shop.cloudfunctions.net/hello" },
  { "firebase-project", "firebase", "https://securetoken.google.com/shop-staging",
    "https://securetoken.google.com/shop-prod",
    "another Firebase project: shop-staging instead of shop-prod",
    "https://securetoken.google.com/shop-prod/", "https://securetoken.google.com/shop-prod" },
  { "cognito-pool", "cognito", "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AAAA",
    "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_BBBB",
    "another Cognito user pool: eu-west-1_AAAA instead of eu-west-1_BBBB",
    "https://cognito-idp.us-east-1.amazonaws.com/eu-west-1_AAAA",
    "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AAAA" },
  { "whitespace", NULL, "https://api.example.com\n", "https://api.example.com",
    "the token's value ends with a line break", "https://api.example.com x",
    "https://api.example.com" },
  { "percent-encoding", NULL, "https%3A%2F%2Fapi.example.com", "https://api.example.com",
    "percent-encoded", "https%3A%2F%2Fapi.example.org", "https://api.example.com" },
  { "case", NULL, "https://API.example.com", "https://api.example.com", "upper and lower case",
    "https://API.example.org", "https://api.example.com" },
  { "scheme", NULL, "http://api.example.com", "https://api.example.com", "http vs https",
    "ftp://api.example.com", "https://api.example.com" },
  { "trailing-slash", NULL, "https://api.example.com/", "https://api.example.com",
    "trailing slash, which the token's value has", "https://api.example.com/x",
    "https://api.example.com" },
  { "array-as-string", NULL, "[\"https://api.example.com\"]", "https://api.example.com",
    "one-element JSON array written as a string", "[\"https://api.example.com\",\"x\"]",
    "https://api.example.com" },
  { "another-host", NULL, "https://staging.example.com/api", "https://prod.example.com/api",
    "the same path on another host: staging.example.com instead of prod.example.com",
    "https://staging.example.com/", "https://prod.example.com/" },
  { "another-path", NULL, "https://api.example.com/v1", "https://api.example.com/v2",
    "the same host (api.example.com), another path: \"/v1\" instead of \"/v2\"",
    "https://api.example.com:8443/v1", "https://api.example.com/v2" },
};

static void
test_value_row (gconstpointer data)
{
  const ValueCase *c = data;
  const JdProvider *provider = c->provider ? jd_providers_lookup (c->provider) : NULL;
  const char *row = NULL;
  g_autofree char *why = NULL;
  g_autofree char *close = NULL;

  g_assert_true (c->provider == NULL || provider != NULL);
  why = jd_near_miss_explain (c->got, c->want, provider, &row);
  g_test_message ("%s", why ? why : "(null)");
  g_assert_nonnull (why);
  g_assert_cmpstr (row, ==, c->row);
  g_assert_nonnull (strstr (why, c->needle));

  close = jd_near_miss_explain (c->close_got, c->close_want, provider, &row);
  g_test_message ("close: %s", close ? close : "(null)");
  g_assert_cmpstr (row, !=, c->row);
}

static void
test_every_value_row_has_a_case (void)
{
  guint n;
  const JdNearMissRow *rows = jd_near_miss_get_rows (&n);

  g_assert_cmpuint (n, ==, G_N_ELEMENTS (value_cases));
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (rows[i].id, ==, value_cases[i].row);
}

static void
test_provider_rows_need_the_provider (void)
{
  const char *row = NULL;
  g_autofree char *why = jd_near_miss_explain ("http://keycloak:8080/realms/shop",
                                               "https://auth.example.com/realms/shop", NULL, &row);

  /* Without the provider, the generic row names the host. */
  g_assert_cmpstr (row, ==, "another-host");
  g_assert_nonnull (strstr (why, "keycloak instead of auth.example.com"));
}

static void
test_combined (void)
{
  const char *row = NULL;
  g_autofree char *why
    = jd_near_miss_explain ("HTTPS://API.example.com/ ", "https://api.example.com", NULL, &row);

  g_test_message ("%s", why);
  g_assert_nonnull (why);
  g_assert_nonnull (strstr (why, "whitespace"));
  g_assert_nonnull (strstr (why, "case"));
  g_assert_nonnull (strstr (why, "trailing slash"));
  g_assert_null (strstr (why, "scheme"));
  g_assert_cmpstr (row, ==, "whitespace");
}

static const struct
{
  const char *name;
  const char *got, *want, *needle, *row;
} describe_rows[] = {
  { "common-prefix", "invoice-api", "invoice-app", "first 10 characters (\"invoice-ap\")",
    "common-prefix" },
  { "nothing-in-common", "zzz", "abc", "from the first character", JD_NEAR_MISS_NOTHING_IN_COMMON },
  { "url-vs-name", "my-api", "https://api.example.com",
    "\"https://api.example.com\" is a URL and \"my-api\" is not", "url-vs-name" },
  { "another-host", "https://a.example.com/x", "https://b.example.com/y",
    "another host (a.example.com instead of b.example.com)", "unrelated-urls" },
  { "another-port", "https://a.example.com:8443/", "https://a.example.com/",
    "on another port: 8443 instead of 443", "unrelated-urls" },
  { "web-vs-identifier", "https://company.okta.com", "api://default",
    "\"https://company.okta.com\" is a web address and \"api://default\" an identifier in the "
    "form api://",
    "web-vs-identifier" },
  { "api-scheme-hosts", "api://one", "api://two", "another host: one instead of two",
    "unrelated-urls" },
};

static void
test_describe_unrelated (gconstpointer data)
{
  const typeof (describe_rows[0]) *c = data;
  const char *row = NULL;
  g_autofree char *why = jd_near_miss_describe (c->got, c->want, NULL, &row);

  g_test_message ("%s", why);
  g_assert_cmpstr (row, ==, c->row);
  g_assert_null (jd_near_miss_explain (c->got, c->want, NULL, NULL));
  g_assert_nonnull (strstr (why, c->needle));
}

static void
test_describe_same (void)
{
  g_assert_null (jd_near_miss_explain ("same", "same", NULL, NULL));
}

static void
test_shape (void)
{
  g_autoptr (JsonNode) one = json_from_string ("[\"https://auth.example.com/\"]", NULL);
  g_autoptr (JsonNode) two = json_from_string ("[\"https://auth.example.com/\",\"x\"]", NULL);
  g_autofree char *why = jd_near_miss_shape (one, "https://auth.example.com/");

  g_assert_nonnull (why);
  g_assert_nonnull (strstr (why, "one-element array"));
  g_assert_null (jd_near_miss_shape (two, "https://auth.example.com/"));
  g_assert_null (jd_near_miss_shape (one, "https://other.example.com/"));
}

/* ---- claim names -------------------------------------------------------- */

typedef struct
{
  const char *row, *name, *claim, *close;
} NameCase;

static const NameCase name_cases[] = {
  { "case", "Exp", "exp", "Expo" },
  { "whitespace", "aud ", "aud", "a ud" },
  { "synonym", "expires", "exp", "expires_in" },
};

static void
test_name_row (gconstpointer data)
{
  const NameCase *c = data;
  const char *row = NULL;
  g_autofree char *json = g_strdup_printf ("{\"%s\":1}", c->name);
  g_autofree char *json_both = g_strdup_printf ("{\"%s\":1,\"%s\":2}", c->name, c->claim);
  g_autoptr (JsonNode) node = json_from_string (json, NULL);
  g_autoptr (JsonNode) both = json_from_string (json_both, NULL);
  g_autoptr (GPtrArray) f = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) none = g_ptr_array_new_with_free_func (g_object_unref);
  JdFinding *finding;

  g_assert_cmpstr (jd_claim_name_near_miss (c->name, &row), ==, c->claim);
  g_assert_cmpstr (row, ==, c->row);
  g_assert_null (jd_claim_name_near_miss (c->close, &row));
  g_assert_null (row);
  g_assert_null (jd_claim_name_near_miss (c->claim, NULL));

  jd_claim_names_check (f, json_node_get_object (node));
  finding = jd_findings_find (f, JD_FINDING_CLAIM_NAME_NEAR_MISS);
  g_assert_nonnull (finding);
  g_test_message ("%s", jd_finding_get_message (finding));
  g_assert_cmpstr (jd_finding_get_claim (finding), ==, c->claim);
  g_assert_cmpint (jd_finding_get_severity (finding), ==, JD_SEVERITY_WARNING);
  g_assert_nonnull (strstr (jd_finding_get_message (finding), c->name));
  /* The registered claim is there too: nothing to say. */
  jd_claim_names_check (none, json_node_get_object (both));
  g_assert_false (jd_findings_has (none, JD_FINDING_CLAIM_NAME_NEAR_MISS));
}

static void
test_every_name_row_has_a_case (void)
{
  guint n;
  const JdClaimNameRow *rows = jd_claim_name_get_rows (&n);

  g_assert_cmpuint (n, ==, G_N_ELEMENTS (name_cases));
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (rows[i].id, ==, name_cases[i].row);
}

/* ---- the expected audience in another claim ------------------------------ */

static void
test_other_claim_row (gconstpointer data)
{
  const JdOtherClaimRow *row = data;
  g_autofree char *json = g_strdup_printf ("{\"aud\":\"account\",\"%s\":\"invoices\"}", row->claim);
  g_autoptr (JsonNode) node = json_from_string (json, NULL);
  JsonObject *claims = json_node_get_object (node);
  g_autofree char *why = jd_near_miss_other_claim (claims, "invoices");
  g_autofree char *close = jd_near_miss_other_claim (claims, "invoices-api");
  g_autofree char *needle = g_strdup_printf ("\"invoices\" is the token's \"%s\"", row->claim);

  g_assert_nonnull (why);
  g_assert_nonnull (strstr (why, needle));
  g_assert_null (close);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  JD_TEST_ADD_ROWS ("/jd/near-miss/value", value_cases, row, test_value_row);
  g_test_add_func ("/jd/near-miss/value/every-row", test_every_value_row_has_a_case);
  g_test_add_func ("/jd/near-miss/value/provider-rows-need-provider",
                   test_provider_rows_need_the_provider);
  g_test_add_func ("/jd/near-miss/value/combined", test_combined);
  JD_TEST_ADD_ROWS ("/jd/near-miss/value/unrelated", describe_rows, name, test_describe_unrelated);
  g_test_add_func ("/jd/near-miss/value/same", test_describe_same);
  g_test_add_func ("/jd/near-miss/value/shape", test_shape);
  JD_TEST_ADD_ROWS ("/jd/near-miss/name", name_cases, row, test_name_row);
  g_test_add_func ("/jd/near-miss/name/every-row", test_every_name_row_has_a_case);
  {
    guint n;
    const JdOtherClaimRow *rows = jd_near_miss_get_other_claim_rows (&n);
    for (guint i = 0; i < n; i++)
      {
        g_autofree char *path = g_strdup_printf ("/jd/near-miss/other-claim/%s", rows[i].claim);
        g_test_add_data_func (path, &rows[i], test_other_claim_row);
      }
  }

  return g_test_run ();
}
