/* test-providers.c — tests for src/core/jd-providers.c and jd-provider-rules.c
 *
 * One test case per provider row (a token it recognises, a close one it
 * must not), one per provider rule (a token that triggers it, a close one
 * that must not), the provider-aware audience and issuer findings, and the
 * README listing every provider.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "jd-base64.h"
#include "jd-diagnosis.h"
#include "jd-providers.h"
#include "jd-request.h"
#include "jd-verify.h"
#include "jd-www-authenticate.h"
#include "test-keys-util.h"
#include "test-diagnose-util.h"

#define ALB_SIGNER                                                                                 \
  "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188"

static GPtrArray *
diagnose (const char *header, const char *payload, const char *aud, const char *iss)
{
  g_autoptr (JdToken) token = token_for (header, payload);
  g_autoptr (JdExpectations) e = jd_expectations_new ();

  e->now = 1000;
  e->audience = g_strdup (aud);
  e->issuer = g_strdup (iss);
  return jd_diagnose (token, e, NULL, NULL);
}

static void
dump_messages (GPtrArray *f)
{
  for (guint i = 0; i < f->len; i++)
    g_test_message ("%s: %s", jd_finding_get_id (g_ptr_array_index (f, i)),
                    jd_finding_get_message (g_ptr_array_index (f, i)));
}

/* ---- detection: one case per provider row ------------------------------- */

typedef struct
{
  const char *id;
  const char *header, *iss;         /* recognised */
  const char *close_header, *close; /* must not be */
} DetectCase;

static const DetectCase detect_cases[] = {
  { "aws-alb", "{\"alg\":\"ES256\",\"signer\":\"" ALB_SIGNER "\"}", NULL,
    "{\"alg\":\"ES256\",\"signer\":\"arn:aws:iam::123456789012:role/web\"}", NULL },
  { "auth0", NULL, "https://acme.eu.auth0.com/", NULL, "https://acme.auth0.com.evil.example/" },
  { "entra-v2", NULL, "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0",
    NULL, "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0/extra" },
  { "entra-v1", NULL, "https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/", NULL,
    "https://sts.windows.net/" },
  { "cognito", NULL, "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf", NULL,
    "https://cognito-idp.eu-west-1.amazonaws.com/" },
  { "okta-custom", NULL, "https://acme.okta.com/oauth2/default", NULL,
    "https://acme.okta.com/oauth2/default/v1" },
  { "okta-org", NULL, "https://acme.okta.com", NULL, "https://acme.okta.com.example.net" },
  { "firebase", NULL, "https://securetoken.google.com/shop-prod", NULL,
    "https://securetoken.google.com/" },
  { "google", NULL, "https://accounts.google.com", NULL,
    "https://accounts.google.com.evil.example" },
  { "keycloak", NULL, "https://kc.example.com/realms/shop", NULL,
    "https://kc.example.com/realm/shop" },
};

static const JdProvider *
detect (const char *header, const char *iss)
{
  g_autofree char *claims_json = iss ? g_strdup_printf ("{\"iss\":\"%s\"}", iss) : g_strdup ("{}");
  g_autoptr (JsonNode) h = json_from_string (header ? header : "{}", NULL);
  g_autoptr (JsonNode) c = json_from_string (claims_json, NULL);

  return jd_providers_detect (json_node_get_object (h), json_node_get_object (c));
}

static void
test_detect_row (gconstpointer data)
{
  const DetectCase *c = data;
  const JdProvider *row = jd_providers_lookup (c->id);
  const JdProvider *got = detect (c->header, c->iss);
  const JdProvider *close = detect (c->close_header, c->close);

  g_assert_nonnull (row);
  g_assert_true (got == row);
  g_assert_true (close != row);
  /* Every row speaks in the provider's terms: all its texts are there. */
  g_assert_cmpstr (jd_provider_text (row->aud_fix), !=, "");
  g_assert_cmpstr (jd_provider_text (row->iss_fix), !=, "");
  g_assert_cmpstr (jd_provider_text (row->scope_rule), !=, "");
  g_assert_cmpstr (jd_provider_text (row->access_howto), !=, "");
}

static void
test_every_provider_has_a_case (void)
{
  guint n;
  const JdProvider *rows = jd_providers_get_all (&n);

  g_assert_cmpuint (n, ==, G_N_ELEMENTS (detect_cases));
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (rows[i].id, ==, detect_cases[i].id);
  g_assert_null (jd_providers_lookup ("no-such-provider"));
  g_assert_null (jd_providers_detect (NULL, NULL));
}

static void
test_readme_lists_provider (gconstpointer data)
{
  const JdProvider *row = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "README.md", NULL);
  g_autofree char *readme = NULL;
  g_autofree char *needle = g_strdup_printf ("| %s |", row->name);

  g_assert_true (g_file_get_contents (path, &readme, NULL, NULL));
  g_assert_nonnull (strstr (readme, needle));
}

/* An issuer longer than any provider's is not matched (at and past the limit). */
static void
test_detect_limit (void)
{
  for (gsize len = 2047; len <= 2049; len++)
    {
      g_autoptr (GString) iss = g_string_new ("https://");
      const JdProvider *row;

      while (iss->len < len - strlen (".auth0.com/"))
        g_string_append_c (iss, 'a');
      g_string_append (iss, ".auth0.com/");
      g_assert_cmpuint (iss->len, ==, len);
      row = jd_providers_detect_iss (iss->str);
      if (len <= 2048)
        g_assert_cmpstr (row ? row->id : NULL, ==, "auth0");
      else
        g_assert_null (row);
    }
}

/* ---- rules: one case per rule row --------------------------------------- */

typedef struct
{
  const char *finding;
  const char *header, *payload, *needle;
  const char *close_header, *close_payload;
} RuleCase;

#define RS "{\"alg\":\"RS256\"}"
#define ENTRA_V1 "\"iss\":\"https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/\""
#define ENTRA_V2                                                                                   \
  "\"iss\":\"https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0\""

static const RuleCase rule_cases[] = {
  /* The ALB case builds its own padded token (test_alb_token). */
  { "provider-alb-token", NULL, NULL, NULL, NULL, NULL },
  { "provider-graph-token", RS,
    "{" ENTRA_V1 ",\"aud\":\"00000003-0000-0000-c000-000000000000\",\"scp\":\"User.Read\"}",
    "Microsoft Entra ID (v1.0): \"aud\" is \"00000003-0000-0000-c000-000000000000\", Microsoft "
    "Graph",
    RS, "{" ENTRA_V1 ",\"aud\":\"api://invoices\",\"scp\":\"Invoices.Read\"}" },
  { "provider-app-only-no-roles", RS,
    "{" ENTRA_V2 ",\"aud\":\"api://invoices\",\"azp\":\"c0ffee\",\"idtyp\":\"app\"}",
    "app-only token (client c0ffee, no user)", RS,
    "{" ENTRA_V2 ",\"aud\":\"api://"
    "invoices\",\"azp\":\"c0ffee\",\"idtyp\":\"app\",\"roles\":[\"Invoices.Read\"]}" },
  { "provider-okta-org-server", RS,
    "{\"iss\":\"https://acme.okta.com\",\"scp\":[\"openid\"],\"cid\":\"0oa1\"}",
    "org authorization server (\"iss\" is \"https://acme.okta.com\"", RS,
    "{\"iss\":\"https://acme.okta.com/oauth2/default\",\"scp\":[\"openid\"],\"cid\":\"0oa1\"}" },
  { "provider-keycloak-account-audience", RS,
    "{\"iss\":\"https://kc.example.com/realms/shop\",\"aud\":\"account\",\"azp\":\"web\"}",
    "\"aud\" is only \"account\"", RS,
    "{\"iss\":\"https://kc.example.com/realms/"
    "shop\",\"aud\":[\"account\",\"invoices\"],\"azp\":\"web\"}" },
  { "provider-gcloud-audience", RS,
    "{\"iss\":\"https://accounts.google.com\",\"aud\":\"32555940559.apps.googleusercontent.com\","
    "\"email\":\"dev@example.com\"}",
    "dev@example.com minted this ID token", RS,
    "{\"iss\":\"https://accounts.google.com\",\"aud\":\"https://invoices-abc123-ew.a.run.app\"}" },
  { "provider-firebase-project", RS,
    "{\"iss\":\"https://securetoken.google.com/shop\",\"aud\":\"shop-staging\"}",
    "names the project \"shop\" but \"aud\" is \"shop-staging\"", RS,
    "{\"iss\":\"https://securetoken.google.com/shop\",\"aud\":\"shop\"}" },
  { "provider-auth0-management-api", RS,
    "{\"iss\":\"https://acme.eu.auth0.com/\",\"aud\":\"https://acme.eu.auth0.com/api/v2/\"}",
    "the Auth0 Management API", RS,
    "{\"iss\":\"https://acme.eu.auth0.com/\",\"aud\":\"https://api.acme.com/api/v2/\"}" },
  { "provider-auth0-userinfo-audience", RS,
    "{\"iss\":\"https://acme.eu.auth0.com/\",\"aud\":\"https://acme.eu.auth0.com/userinfo\"}",
    "the only audience is \"https://acme.eu.auth0.com/userinfo\"", RS,
    "{\"iss\":\"https://acme.eu.auth0.com/\",\"aud\":[\"https://api.acme.com\","
    "\"https://acme.eu.auth0.com/userinfo\"]}" },
};

static void
test_rule_row (gconstpointer data)
{
  const RuleCase *c = data;
  g_autoptr (GPtrArray) f = diagnose (c->header, c->payload, NULL, NULL);
  g_autoptr (GPtrArray) close = diagnose (c->close_header, c->close_payload, NULL, NULL);
  JdFinding *finding = jd_findings_find (f, c->finding);

  dump_messages (f);
  g_assert_nonnull (finding);
  g_assert_nonnull (strstr (jd_finding_get_message (finding), c->needle));
  g_assert_nonnull (jd_finding_get_fix (finding));
  g_assert_cmpstr (jd_finding_get_fix (finding), !=, "");
  g_assert_false (jd_findings_has (close, c->finding));
}

/* base64url with its '=' padding, as the ALB writes it */
static char *
padded (const char *s, gsize len)
{
  char *out = g_base64_encode ((const guchar *)s, len);

  g_strdelimit (out, "+", '-');
  g_strdelimit (out, "/", '_');
  return out;
}

static char *
alb_token (const char *header)
{
  const char *payload = "{\"sub\":\"1234\",\"email\":\"dev@example.com\",\"exp\":9999999999,"
                        "\"iss\":\"https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf\"}";
  guchar sig[64];
  g_autofree char *h = padded (header, strlen (header));
  g_autofree char *p = padded (payload, strlen (payload));
  g_autofree char *s = NULL;

  memset (sig, 0x5a, sizeof sig);
  s = padded ((const char *)sig, sizeof sig);
  g_assert_nonnull (strchr (s, '='));
  return g_strdup_printf ("%s.%s.%s", h, p, s);
}

static void
test_alb_token (void)
{
  g_autofree char *alb
    = alb_token ("{\"typ\":\"JWT\",\"kid\":\"3d4a-kid\",\"alg\":\"ES256\",\"iss\":\"https://"
                 "cognito-idp.eu-west-1."
                 "amazonaws.com/eu-west-1_AbCdEf\",\"client\":\"abc\",\"signer\":\"" ALB_SIGNER
                 "\",\"exp\":9999999999}");
  g_autofree char *plain = alb_token (
    "{\"typ\":\"JWT\",\"kid\":\"3d4a-kid\",\"alg\":\"ES256\",\"iss\":\"https://"
    "cognito-idp.eu-west-1."
    "amazonaws.com/eu-west-1_AbCdEf\",\"client\":\"abc\",\"signer\":\"arn:aws:iam::1:role/x\"}");
  g_autoptr (JdToken) t1 = jd_token_parse (alb, -1);
  g_autoptr (JdToken) t2 = jd_token_parse (plain, -1);
  g_autoptr (GPtrArray) f1 = jd_diagnose (t1, NULL, NULL, NULL);
  g_autoptr (GPtrArray) f2 = jd_diagnose (t2, NULL, NULL, NULL);
  JdFinding *finding = jd_findings_find (f1, "provider-alb-token");

  dump_messages (f1);
  g_assert_true (jd_token_is_malformed (t1)); /* the decoder still sees the padding … */
  g_assert_nonnull (finding);                 /* … and the diagnosis names it once */
  g_assert_false (jd_findings_has (f1, "malformed"));
  g_assert_nonnull (strstr (jd_finding_get_message (finding), ALB_SIGNER));
  g_assert_nonnull (strstr (jd_finding_get_message (finding),
                            "https://public-keys.auth.elb.eu-west-1.amazonaws.com/3d4a-kid"));
  g_assert_cmpint (jd_finding_get_severity (finding), ==, JD_SEVERITY_WARNING);
  /* The same padding without the ALB's signer is malformed. */
  g_assert_true (jd_findings_has (f2, "malformed"));
  g_assert_false (jd_findings_has (f2, "provider-alb-token"));
}

/* The payload of an ALB token, its length chosen so that it ends in '='. */
static char *
padded_payload (void)
{
  g_autoptr (GString) payload
    = g_string_new ("{\"sub\":\"1234\",\"exp\":9999999999,\"email\":\"dev@example.com\"}");

  while (payload->len % 3 == 0)
    g_string_append_c (payload, ' ');
  return padded (payload->str, payload->len);
}

/* An ALB token signed with a real ES256 key, padded as the ALB sends it. */
static JdVerifyResult *
verify_alb (const char *signer, char **alb_text)
{
  g_autoptr (TkKey) key = tk_key_new ("ES256", "3d4a-kid");
  g_autofree char *pem = tk_key_pem (key);
  g_autofree char *header
    = g_strdup_printf ("{\"typ\":\"JWT\",\"kid\":\"3d4a-kid\",\"alg\":\"ES256\","
                       "\"client\":\"abc\",\"signer\":\"%s\"}",
                       signer);
  g_autofree char *h = padded (header, strlen (header));
  g_autofree char *p = padded_payload ();
  g_autofree char *input = g_strdup_printf ("%s.%s", h, p);
  g_autoptr (GBytes) sig = tk_sign_raw (key, input, strlen (input));
  g_autofree char *s = padded (g_bytes_get_data (sig, NULL), g_bytes_get_size (sig));
  g_autoptr (JdKeySet) keys = jd_key_set_new ();
  g_autoptr (JdToken) token = NULL;

  g_assert_nonnull (strchr (input, '='));
  *alb_text = g_strdup_printf ("%s.%s", input, s);
  token = jd_token_parse (*alb_text, -1);
  g_assert_true (jd_key_set_load_data (keys, pem, strlen (pem), "pem", NULL));
  return jd_verify (token, keys, NULL);
}

static void
test_alb_verified_the_alb_way (void)
{
  g_autofree char *t1 = NULL;
  g_autofree char *t2 = NULL;
  g_autoptr (JdVerifyResult) alb = verify_alb (ALB_SIGNER, &t1);
  g_autoptr (JdVerifyResult) other = verify_alb ("arn:aws:iam::123456789012:role/web", &t2);
  g_autoptr (JdToken) token = jd_token_parse (t1, -1);
  g_autoptr (GPtrArray) f = jd_diagnose (token, NULL, alb, NULL);

  dump_messages (f);
  /* The padding is the ALB's: the signature is checked, and verifies. */
  g_assert_cmpint (jd_verify_result_get_status (alb), ==, JD_SIGNATURE_VALID);
  g_assert_true (jd_findings_has (f, "signature-valid"));
  g_assert_false (jd_findings_has (f, "malformed"));
  /* The same bytes from anyone else are not a strict JWS. */
  g_assert_cmpint (jd_verify_result_get_status (other), ==, JD_SIGNATURE_INVALID);
  tk_cleanup ();
}

static void
test_every_rule_has_a_case (void)
{
  guint n;
  const JdProviderRule *rules = jd_provider_rules_get_all (&n);

  g_assert_cmpuint (n, ==, G_N_ELEMENTS (rule_cases));
  for (guint i = 0; i < n; i++)
    {
      gboolean known = FALSE;
      guint np;
      const JdProvider *rows = jd_providers_get_all (&np);

      g_assert_cmpstr (rules[i].finding_id, ==, rule_cases[i].finding);
      /* Each rule belongs to a provider row. */
      for (guint k = 0; k < np; k++)
        known |= g_str_has_prefix (rows[k].id, rules[i].provider);
      g_assert_true (known);
    }
}

/* ---- provider-aware audience and issuer ---------------------------------- */

static void
test_cognito_access_token_audience (void)
{
  const char *iss = "\"iss\":\"https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf\"";
  g_autofree char *access
    = g_strdup_printf ("{%s,\"token_use\":\"access\",\"client_id\":\"7abc\"}", iss);
  g_autofree char *id_token = g_strdup_printf ("{%s,\"token_use\":\"id\",\"aud\":\"7abc\"}", iss);
  g_autoptr (GPtrArray) f = diagnose (RS, access, "7abc", NULL);
  g_autoptr (GPtrArray) other = diagnose (RS, access, "9xyz", NULL);
  g_autoptr (GPtrArray) ok = diagnose (RS, id_token, "7abc", NULL);
  JdFinding *m = jd_findings_find (f, "audience-mismatch");

  dump_messages (f);
  g_assert_nonnull (m);
  g_assert_true (g_str_has_prefix (jd_finding_get_message (m), "AWS Cognito: "));
  g_assert_nonnull (strstr (jd_finding_get_message (m), "the API checks the wrong claim"));
  /* Never "set the audience" for Cognito access tokens: check client_id. */
  g_assert_null (strstr (jd_finding_get_fix (m), "set the audience"));
  g_assert_nonnull (strstr (jd_finding_get_fix (m), "client_id"));
  m = jd_findings_find (other, "audience-mismatch");
  g_assert_nonnull (strstr (jd_finding_get_message (m), "\"client_id\" (\"7abc\")"));
  g_assert_true (jd_findings_has (ok, "audience-ok"));
}

static const struct
{
  const char *name;
  const char *payload, *aud, *iss, *id, *needle;
} aware_rows[] = {
  { "keycloak-host", "{\"iss\":\"http://keycloak:8080/realms/shop\"}", NULL,
    "https://auth.example.com/realms/shop", "issuer-mismatch",
    "Keycloak: \"iss\" is \"http://keycloak:8080/realms/shop\" but the API expects "
    "\"https://auth.example.com/realms/shop\": the same realm \"shop\" on another host name" },
  { "okta-org-server", "{\"iss\":\"https://acme.okta.com\"}", NULL,
    "https://acme.okta.com/oauth2/default", "issuer-mismatch",
    "org authorization server instead of the custom server \"default\"" },
  { "entra-app-id-uri", "{" ENTRA_V1 ",\"aud\":\"api://6e74172b-be56-4843-9ff4-e66a39bb12e3\"}",
    "6e74172b-be56-4843-9ff4-e66a39bb12e3", NULL, "audience-mismatch",
    "App ID URI vs client id of the same app" },
  { "google-function-path",
    "{\"iss\":\"https://accounts.google.com\",\"aud\":\"https://"
    "us-central1-shop.cloudfunctions.net\"}",
    "https://us-central1-shop.cloudfunctions.net/hello", NULL, "audience-mismatch",
    "Google: \"aud\" is \"https://us-central1-shop.cloudfunctions.net\" but the API expects "
    "\"https://us-central1-shop.cloudfunctions.net/hello\": the function URL without its path" },
  { "keycloak-azp",
    "{\"iss\":\"https://kc.example.com/realms/shop\",\"aud\":\"account\",\"azp\":\"invoices\"}",
    "invoices", NULL, "audience-mismatch",
    "Keycloak: The token was minted for \"account\", not for \"invoices\"" },
  /* No provider: the message still names both values and how they differ. */
  { "no-provider-path", "{\"iss\":\"https://idp.example.org/tenant-a\"}", NULL,
    "https://idp.example.org/tenant-b", "issuer-mismatch",
    "the same host (idp.example.org), another path: \"/tenant-a\" instead of \"/tenant-b\"" },
};

static void
test_provider_aware_findings (gconstpointer data)
{
  const typeof (aware_rows[0]) *c = data;
  g_autoptr (GPtrArray) f = diagnose (RS, c->payload, c->aud, c->iss);
  JdFinding *m = jd_findings_find (f, c->id);

  dump_messages (f);
  g_assert_nonnull (m);
  g_assert_nonnull (strstr (jd_finding_get_message (m), c->needle));
}

static void
test_iss_one_element_array (void)
{
  g_autoptr (GPtrArray) f
    = diagnose (RS, "{\"iss\":[\"https://auth.example.com/\"]}", NULL, "https://auth.example.com/");
  g_autoptr (GPtrArray) g
    = diagnose (RS, "{\"iss\":[\"https://x.example.com/\"]}", NULL, "https://auth.example.com/");

  g_assert_nonnull (
    strstr (jd_finding_get_message (jd_findings_find (f, "issuer-mismatch")), "one-element array"));
  g_assert_null (
    strstr (jd_finding_get_message (jd_findings_find (g, "issuer-mismatch")), "one-element array"));
}

/* A 403 insufficient_scope: the fix says where the provider keeps scopes. */
static void
test_scope_rule_in_fix (void)
{
  g_autoptr (JdToken) entra = token_for (RS, "{" ENTRA_V2 ",\"scp\":\"Invoices.Read\"}");
  g_autoptr (JdToken) plain
    = token_for (RS, "{\"iss\":\"https://idp.example.org/\",\"scope\":\"a\"}");
  g_autoptr (JdResponse) response = jd_response_new (403, NULL);
  g_autoptr (GPtrArray) f1 = NULL;
  g_autoptr (GPtrArray) f2 = NULL;
  const char *rule = jd_provider_text (jd_providers_lookup ("entra-v2")->scope_rule);

  jd_response_add_header (response, "WWW-Authenticate",
                          "Bearer error=\"insufficient_scope\", scope=\"Invoices.Write\"");
  f1 = jd_response_diagnose (response, entra, NULL);
  f2 = jd_response_diagnose (response, plain, NULL);
  g_assert_nonnull (
    strstr (jd_finding_get_fix (jd_findings_find (f1, "insufficient-scope")), rule));
  g_assert_null (strstr (jd_finding_get_fix (jd_findings_find (f2, "insufficient-scope")), rule));
}

int
main (int argc, char **argv)
{
  guint n;
  const JdProvider *rows;

  g_test_init (&argc, &argv, NULL);

  JD_TEST_ADD_ROWS ("/jd/providers/detect", detect_cases, id, test_detect_row);
  g_test_add_func ("/jd/providers/detect/every-row", test_every_provider_has_a_case);
  g_test_add_func ("/jd/providers/detect/limit", test_detect_limit);
  rows = jd_providers_get_all (&n);
  JD_TEST_ADD_ROWS_N ("/jd/providers/readme", rows, n, id, test_readme_lists_provider);
  for (guint i = 1; i < G_N_ELEMENTS (rule_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/jd/providers/rule/%s", rule_cases[i].finding);
      g_test_add_data_func (path, &rule_cases[i], test_rule_row);
    }
  g_test_add_func ("/jd/providers/rule/provider-alb-token", test_alb_token);
  g_test_add_func ("/jd/providers/rule/provider-alb-token/verified", test_alb_verified_the_alb_way);
  g_test_add_func ("/jd/providers/rule/every-row", test_every_rule_has_a_case);
  g_test_add_func ("/jd/providers/audience/cognito-access-token",
                   test_cognito_access_token_audience);
  JD_TEST_ADD_ROWS ("/jd/providers/provider-aware", aware_rows, name, test_provider_aware_findings);
  g_test_add_func ("/jd/providers/iss-one-element-array", test_iss_one_element_array);
  g_test_add_func ("/jd/providers/scope-rule-in-fix", test_scope_rule_in_fix);

  return g_test_run ();
}
