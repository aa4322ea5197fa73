/* jd-provider-rules.c — provider rules that read the token alone
 *
 * One row per rule (jd-providers.h, JdProviderRule): a Microsoft Graph
 * token, an Entra app-only token without permissions, Okta's org server,
 * Keycloak's "account" audience, gcloud's own client id, a Firebase
 * project mismatch, Auth0's userinfo-only audience, an AWS ALB header.
 * Every message names the token's values and starts with the provider.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jd-finding.h"
#include "jd-providers.h"

#define GCLOUD_CLIENT_ID "32555940559.apps.googleusercontent.com"

/* The string values of "aud" (a string or an array); NULL elements skipped. */
static GPtrArray *
aud_values (JsonObject *claims)
{
  GPtrArray *out = g_ptr_array_new ();
  JsonNode *aud = claims ? json_object_get_member (claims, "aud") : NULL;

  if (aud != NULL && JSON_NODE_HOLDS_VALUE (aud) && json_node_get_value_type (aud) == G_TYPE_STRING)
    g_ptr_array_add (out, (gpointer)json_node_get_string (aud));
  else if (aud != NULL && JSON_NODE_HOLDS_ARRAY (aud))
    {
      JsonArray *a = json_node_get_array (aud);
      for (guint i = 0; i < json_array_get_length (a); i++)
        {
          JsonNode *e = json_array_get_element (a, i);
          if (JSON_NODE_HOLDS_VALUE (e) && json_node_get_value_type (e) == G_TYPE_STRING)
            g_ptr_array_add (out, (gpointer)json_node_get_string (e));
        }
    }
  return out;
}

static const char *
provider_name (JdToken *token, JsonObject *claims)
{
  const JdProvider *p = jd_providers_detect (jd_token_get_header (token), claims);
  return p ? p->name : "";
}

static const char *const graph_audiences[] = {
  "00000003-0000-0000-c000-000000000000",
  "https://graph.microsoft.com",
  "https://graph.microsoft.com/",
  "https://graph.microsoft.us",
  "https://microsoftgraph.chinacloudapi.cn",
  "00000002-0000-0000-c000-000000000000",
  "https://graph.windows.net",
  "https://graph.windows.net/",
  NULL,
};

gboolean
jd_provider_is_graph_audience (const char *aud)
{
  return aud != NULL && g_strv_contains (graph_audiences, aud);
}

static char *
rule_graph_token (JdToken *token, JsonObject *claims, const char **fix)
{
  g_autoptr (GPtrArray) aud = aud_values (claims);

  if (aud->len != 1 || !g_strv_contains (graph_audiences, g_ptr_array_index (aud, 0)))
    return NULL;
  *fix = _ ("Request a token for your API, not for Graph: the scope \"api://<your API's client "
            "id>/.default\" or one of the scopes under Expose an API, instead of User.Read or "
            "https://graph.microsoft.com/.default.");
  return g_strdup_printf (
    _ ("%s: \"aud\" is \"%s\", Microsoft Graph: this token is for Graph, and no "
       "other API can validate it (Graph tokens even carry a header nonce that "
       "makes their signature fail anywhere else)"),
    provider_name (token, claims), (char *)g_ptr_array_index (aud, 0));
}

static char *
rule_app_only_no_roles (JdToken *token, JsonObject *claims, const char **fix)
{
  const char *client = jd_provider_get_string (claims, "appid");
  const char *idtyp = jd_provider_get_string (claims, "idtyp");
  g_autoptr (GPtrArray) aud = aud_values (claims);

  if (client == NULL)
    client = jd_provider_get_string (claims, "azp");
  if (client == NULL || json_object_has_member (claims, "scp")
      || json_object_has_member (claims, "roles"))
    return NULL;
  /* A user's token names the user; an app-only token does not (or says idtyp "app"). */
  if (g_strcmp0 (idtyp, "app") != 0
      && (json_object_has_member (claims, "upn")
          || json_object_has_member (claims, "preferred_username")
          || json_object_has_member (claims, "name") || g_strcmp0 (idtyp, "user") == 0))
    return NULL;
  if (aud->len == 1 && g_strv_contains (graph_audiences, g_ptr_array_index (aud, 0)))
    return NULL; /* the Graph rule says more */
  *fix
    = _ ("Give the client an application permission of your API: App registrations → your API → "
         "App roles → Create app role (allowed member types: Applications); then App "
         "registrations → the client → API permissions → Add a permission → My APIs → "
         "Application permissions, and Grant admin consent. The role then appears in \"roles\".");
  return g_strdup_printf (
    _ ("%s: an app-only token (client %s, no user) with neither \"scp\" nor "
       "\"roles\": the client holds no permission of this API, so an API that "
       "checks roles refuses it"),
    provider_name (token, claims), client);
}

static char *
rule_okta_org_server (JdToken *token, JsonObject *claims, const char **fix)
{
  const char *iss = jd_provider_get_string (claims, "iss");

  /* Access tokens carry scp or cid; the org server's ID tokens are fine for sign-in. */
  if (!json_object_has_member (claims, "scp") && !json_object_has_member (claims, "cid"))
    return NULL;
  *fix = jd_provider_text (jd_providers_lookup ("okta-org")->aud_fix);
  return g_strdup_printf (
    _ ("Okta: this access token comes from the org authorization server "
       "(\"iss\" is \"%s\", without /oauth2/<server id>): only Okta's own APIs "
       "can validate it"),
    iss);
}

static char *
rule_keycloak_account_audience (JdToken *token, JsonObject *claims, const char **fix)
{
  g_autoptr (GPtrArray) aud = aud_values (claims);
  const char *azp = jd_provider_get_string (claims, "azp");

  if (aud->len != 1 || !g_str_equal (g_ptr_array_index (aud, 0), "account"))
    return NULL;
  *fix = jd_provider_text (jd_providers_lookup ("keycloak")->aud_fix);
  return g_strdup_printf (
    _ ("Keycloak: \"aud\" is only \"account\" (the account console, added by "
       "default) and the client is \"%s\" (azp): the token names no API as its "
       "audience"),
    azp ? azp : "?");
}

static char *
rule_gcloud_audience (JdToken *token, JsonObject *claims, const char **fix)
{
  g_autoptr (GPtrArray) aud = aud_values (claims);
  const char *email = jd_provider_get_string (claims, "email");

  if (aud->len != 1 || !g_str_equal (g_ptr_array_index (aud, 0), GCLOUD_CLIENT_ID))
    return NULL;
  *fix = _ ("Mint the token for the service: gcloud auth print-identity-token --audiences=https://"
            "SERVICE-URL with a service account (--impersonate-service-account=…), or fetch an ID "
            "token for that audience from the metadata server or the client library.");
  return g_strdup_printf (_ ("Google: \"aud\" is %s, the client id of the gcloud CLI itself: %s "
                             "minted this ID token with gcloud auth print-identity-token and no "
                             "audience. Cloud Run lets it through for developer testing; your own "
                             "API, IAP and Endpoints check aud against their own URL or client id "
                             "and refuse it"),
                          GCLOUD_CLIENT_ID, email ? email : _ ("the user"));
}

static char *
rule_firebase_project (JdToken *token, JsonObject *claims, const char **fix)
{
  g_autoptr (GPtrArray) aud = aud_values (claims);
  g_autofree char *project = NULL;

  if (!jd_provider_match_iss (jd_providers_lookup ("firebase"),
                              jd_provider_get_string (claims, "iss"), &project)
      || aud->len != 1 || g_str_equal (g_ptr_array_index (aud, 0), project))
    return NULL;
  *fix = jd_provider_text (jd_providers_lookup ("firebase")->aud_fix);
  return g_strdup_printf (_ ("Firebase: \"iss\" names the project \"%s\" but \"aud\" is \"%s\": a "
                             "Firebase ID token names the same project in both, so the Admin SDK "
                             "refuses it"),
                          project, (char *)g_ptr_array_index (aud, 0));
}

static char *
rule_auth0_userinfo_audience (JdToken *token, JsonObject *claims, const char **fix)
{
  g_autoptr (GPtrArray) aud = aud_values (claims);

  if (aud->len != 1 || !g_str_has_suffix (g_ptr_array_index (aud, 0), "/userinfo"))
    return NULL;
  *fix = jd_provider_text (jd_providers_lookup ("auth0")->aud_fix);
  return g_strdup_printf (
    _ ("Auth0: the only audience is \"%s\": the token was requested without an "
       "audience parameter, so it is good for /userinfo and for no API"),
    (char *)g_ptr_array_index (aud, 0));
}

static char *
rule_auth0_management_api (JdToken *token, JsonObject *claims, const char **fix)
{
  g_autoptr (GPtrArray) aud = aud_values (claims);

  for (guint i = 0; i < aud->len; i++)
    {
      const char *a = g_ptr_array_index (aud, i);
      g_autofree char *tenant = NULL;

      /* https://TENANT.auth0.com/api/v2/: the tenant's own domain, then /api/v2/ */
      if (!g_str_has_suffix (a, "/api/v2/"))
        continue;
      tenant = g_strndup (a, strlen (a) - strlen ("api/v2/"));
      if (jd_providers_detect_iss (tenant) != jd_providers_lookup ("auth0"))
        continue;
      *fix = _ ("Auth0: request the token with audience = your own API's Identifier (Applications "
                "→ APIs → your API), not the Auth0 Management API's; the Management API token is "
                "for calling Auth0 itself.");
      return g_strdup_printf (_ ("Auth0: \"aud\" is \"%s\", the Auth0 Management API: this token "
                                 "is for managing the tenant, and your API refuses it"),
                              a);
    }
  return NULL;
}

static char *
rule_alb_token (JdToken *token, JsonObject *claims, const char **fix)
{
  const char *signer = jd_provider_get_string (jd_token_get_header (token), "signer");
  const char *kid = jd_token_get_kid (token);
  g_auto (GStrv) arn = g_strsplit (signer, ":", 6);
  const char *region = g_strv_length (arn) > 3 && *arn[3] ? arn[3] : "REGION";
  g_autofree char *url = g_strdup_printf ("https://public-keys.auth.elb.%s.amazonaws.com/%s",
                                          region, kid ? kid : "KID");

  *fix = _ ("Verify it the ALB way: fetch the PEM public key from the URL named here, check that "
            "\"signer\" is your load balancer's ARN, and verify ES256 over the header and payload "
            "exactly as received, padding included. Generic JWT libraries refuse the padding. To "
            "call an API with a bearer token, forward x-amzn-oidc-accesstoken instead.");
  return g_strdup_printf (_ ("AWS ALB: this is the x-amzn-oidc-data header that load balancer %s "
                             "adds (alg %s): its segments are base64 with '=' padding by design, "
                             "not a malformed JWT; its key is at %s"),
                          signer, jd_token_get_alg (token) ? jd_token_get_alg (token) : "?", url);
}

static const JdProviderRule rules[] = {
  { "provider-alb-token", "aws-alb", JD_SEVERITY_WARNING, JD_RANK_MALFORMED, NULL, rule_alb_token },
  { "provider-graph-token", "entra", JD_SEVERITY_WARNING, JD_RANK_AUDIENCE, "aud",
    rule_graph_token },
  { "provider-app-only-no-roles", "entra", JD_SEVERITY_WARNING, JD_RANK_AUDIENCE, "roles",
    rule_app_only_no_roles },
  { "provider-okta-org-server", "okta-org", JD_SEVERITY_WARNING, JD_RANK_ISSUER, "iss",
    rule_okta_org_server },
  { "provider-keycloak-account-audience", "keycloak", JD_SEVERITY_WARNING, JD_RANK_AUDIENCE, "aud",
    rule_keycloak_account_audience },
  { "provider-gcloud-audience", "google", JD_SEVERITY_WARNING, JD_RANK_AUDIENCE, "aud",
    rule_gcloud_audience },
  { "provider-firebase-project", "firebase", JD_SEVERITY_WARNING, JD_RANK_AUDIENCE, "aud",
    rule_firebase_project },
  { "provider-auth0-management-api", "auth0", JD_SEVERITY_WARNING, JD_RANK_AUDIENCE, "aud",
    rule_auth0_management_api },
  { "provider-auth0-userinfo-audience", "auth0", JD_SEVERITY_WARNING, JD_RANK_AUDIENCE, "aud",
    rule_auth0_userinfo_audience },
};

const JdProviderRule *
jd_provider_rules_get_all (guint *n_rows)
{
  if (n_rows)
    *n_rows = G_N_ELEMENTS (rules);
  return rules;
}

void
jd_provider_rules_check (GPtrArray *findings, const JdProvider *provider, JdToken *token)
{
  JsonObject *claims = jd_token_get_claims (token);

  if (provider == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      const char *fix = NULL;
      g_autofree char *msg = NULL;

      if (!g_str_has_prefix (provider->id, rules[i].provider))
        continue;
      /* Only the ALB rule reads the header alone; the others need claims. */
      if (claims == NULL && provider->header_member == NULL)
        continue;
      msg = rules[i].check (token, claims, &fix);
      if (msg != NULL)
        jd_findings_add (findings, rules[i].finding_id, rules[i].severity, rules[i].rank,
                         rules[i].claim, msg, fix);
    }
}
