/* jd-providers.c — the provider profile table and the provider rules table
 *
 * One row per identity provider (or variant), one row per rule that reads
 * the token alone. The texts are the provider's own terms and console
 * names, so a fix says which setting to change where.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jd-finding.h"
#include "jd-providers.h"

/* ---- the profiles ------------------------------------------------------- */

#define ENTRA_AUD_FIX                                                                              \
  N_ ("Entra ID: v1.0 access tokens carry the API's Application ID URI (api://…, App "           \
      "registrations → your API → Expose an API), v2.0 tokens its Application (client) ID. "   \
      "Request the scope \"<Application ID URI>/.default\" or one of the API's scopes — not a "  \
      "Microsoft Graph scope — and configure the API with the value the token carries.")
#define ENTRA_ISS_FIX                                                                              \
  N_ ("Entra ID: v1.0 tokens carry iss https://sts.windows.net/<tenant id>/, v2.0 tokens "         \
      "https://login.microsoftonline.com/<tenant id>/v2.0. Which one the API receives is set by "  \
      "accessTokenAcceptedVersion (requestedAccessTokenVersion) in the API's app registration "    \
      "manifest; a multi-tenant API must check the tenant (tid) itself.")
#define ENTRA_SCOPES                                                                               \
  N_ ("Entra ID: delegated permissions are in \"scp\" (space-separated), application "             \
      "permissions (app roles) in \"roles\".")
#define ENTRA_HOWTO                                                                                \
  N_ ("Entra ID: acquire the token with the scope \"api://<your API's client id>/.default\" (or "  \
      "one of its scopes); an ID token's aud is the client app, and no API accepts it.")
#define OKTA_ISS_FIX                                                                               \
  N_ (                                                                                             \
    "Okta: the org authorization server's issuer is https://<org>.okta.com, a custom one's "       \
    "https://<org>.okta.com/oauth2/<server id> (\"default\" for the default server). Client and "  \
    "API must use the same server: compare their issuer settings.")
#define OKTA_SCOPES N_ ("Okta: scopes are in \"scp\" (an array), the client in \"cid\".")
#define OKTA_HOWTO                                                                                 \
  N_ ("Okta: request the token from the custom authorization server's "                            \
      "/oauth2/<server id>/v1/token endpoint and send the access_token, not the id_token.")

static const JdProvider providers[] = {
  { "aws-alb",
    "AWS ALB",
    { NULL },
    "signer",
    "arn:aws:elasticloadbalancing:",
    JD_PROVIDER_AUD_API,
    TRUE,
    N_ ("AWS ALB: the x-amzn-oidc-data header has no audience; check its \"signer\" (your load "
        "balancer's ARN) and its \"client\" instead."),
    N_ ("AWS ALB: \"iss\" is the issuer of the IdP configured in the listener rule's "
        "authenticate-oidc or authenticate-cognito action."),
    N_ ("AWS ALB: the claims come from the IdP's userinfo endpoint; scopes are in the IdP's own "
        "access token, forwarded in x-amzn-oidc-accesstoken."),
    N_ ("AWS ALB: to call an API with a bearer token, forward the IdP's access token from "
        "x-amzn-oidc-accesstoken, not x-amzn-oidc-data.") },
  { "auth0",
    "Auth0",
    { "https://*.auth0.com", NULL },
    NULL,
    NULL,
    JD_PROVIDER_AUD_API,
    FALSE,
    N_ ("Auth0: request the token with the audience parameter set to your API's Identifier "
        "(Dashboard → Applications → APIs → your API → Settings → Identifier); without it Auth0 "
        "issues an opaque token, or one good for /userinfo only."),
    N_ ("Auth0: the issuer is the tenant's domain with a trailing slash "
        "(https://TENANT.REGION.auth0.com/), or the custom domain's when clients sign in through "
        "it (Branding → Custom Domains): configure the API with the one the clients use."),
    N_ ("Auth0: scopes are in \"scope\"; with RBAC and \"Add Permissions in the Access Token\" "
        "(APIs → your API → Settings) also in \"permissions\"."),
    N_ ("Auth0: call /authorize or /oauth/token with audience=<API Identifier> and send the "
        "access_token, not the id_token.") },
  { "entra-v2",
    "Microsoft Entra ID (v2.0)",
    { "https://login.microsoftonline.com/*/v2.0", "https://login.microsoftonline.us/*/v2.0",
      "https://login.chinacloudapi.cn/*/v2.0", "https://login.partner.microsoftonline.cn/*/v2.0",
      NULL },
    NULL,
    NULL,
    JD_PROVIDER_AUD_API,
    FALSE,
    ENTRA_AUD_FIX,
    ENTRA_ISS_FIX,
    ENTRA_SCOPES,
    ENTRA_HOWTO },
  { "entra-v1",
    "Microsoft Entra ID (v1.0)",
    { "https://sts.windows.net/*", "https://login.windows.net/*",
      "https://login.microsoftonline.com/*", "https://login.microsoftonline.us/*",
      "https://sts.chinacloudapi.cn/*", "https://login.partner.microsoftonline.cn/*",
      "https://login.chinacloudapi.cn/*", NULL },
    NULL,
    NULL,
    JD_PROVIDER_AUD_API,
    FALSE,
    ENTRA_AUD_FIX,
    ENTRA_ISS_FIX,
    ENTRA_SCOPES,
    ENTRA_HOWTO },
  { "cognito",
    "AWS Cognito",
    { "https://cognito-idp.*.amazonaws.com/*", NULL },
    NULL,
    NULL,
    JD_PROVIDER_AUD_CLIENT_ID,
    FALSE,
    N_ ("Cognito: access tokens carry no \"aud\"; their app client id is in \"client_id\". Check "
        "client_id instead (aws-jwt-verify: tokenUse \"access\" and clientId); the ids are under "
        "User pools → your pool → App integration → App clients. Only ID tokens carry aud."),
    N_ ("Cognito: the issuer is https://cognito-idp.<region>.amazonaws.com/<user pool id>: compare "
        "the region and the pool id (User pools → your pool → overview) with the API's settings."),
    N_ ("Cognito: scopes are in \"scope\" of access tokens, groups in \"cognito:groups\"; custom "
        "scopes come from a resource server (App integration → Resource servers)."),
    N_ ("Cognito: send the access_token (token_use \"access\"), not the id_token — unless the API "
        "(an API Gateway Cognito authorizer without OAuth scopes) expects ID tokens.") },
  { "okta-custom",
    "Okta (custom authorization server)",
    { "https://*.okta.com/oauth2/*", "https://*.oktapreview.com/oauth2/*",
      "https://*.okta-emea.com/oauth2/*", NULL },
    NULL,
    NULL,
    JD_PROVIDER_AUD_API,
    FALSE,
    N_ ("Okta: the audience is the authorization server's Audience (Security → API → "
        "Authorization Servers → your server → Settings; \"api://default\" for the default "
        "server): configure the API with exactly it."),
    OKTA_ISS_FIX,
    OKTA_SCOPES,
    OKTA_HOWTO },
  { "okta-org",
    "Okta (org authorization server)",
    { "https://*.okta.com", "https://*.oktapreview.com", "https://*.okta-emea.com", NULL },
    NULL,
    NULL,
    JD_PROVIDER_AUD_API,
    FALSE,
    N_ ("Okta: the org authorization server mints access tokens for Okta's own APIs only. For your "
        "API use a custom authorization server (Security → API → Authorization Servers, e.g. "
        "\"default\" with audience api://default) and its /oauth2/<server id>/v1/token endpoint."),
    OKTA_ISS_FIX,
    OKTA_SCOPES,
    OKTA_HOWTO },
  { "firebase",
    "Firebase Authentication",
    { "https://securetoken.google.com/*", NULL },
    NULL,
    NULL,
    JD_PROVIDER_AUD_PROJECT,
    FALSE,
    N_ ("Firebase: aud is the project id (Project settings → General → Project ID). Initialise the "
        "Admin SDK or verifier with the project the client app signs in to (its "
        "firebaseConfig.projectId)."),
    N_ ("Firebase: the issuer is https://securetoken.google.com/<project id>; a token of another "
        "project (staging vs production) is refused."),
    N_ ("Firebase: ID tokens carry no scopes; custom claims set with setCustomUserClaims are "
        "top-level claims."),
    N_ ("Firebase: send the ID token from user.getIdToken(); a custom token must first be "
        "exchanged with signInWithCustomToken.") },
  { "google",
    "Google",
    { "https://accounts.google.com", "accounts.google.com", NULL },
    NULL,
    NULL,
    JD_PROVIDER_AUD_SERVICE,
    FALSE,
    N_ (
      "Google: an ID token for Cloud Run carries the service URL (https://…run.app, no path) as "
      "aud, for Cloud Functions the function URL with its path. Mint it for that audience: gcloud "
      "auth print-identity-token --audiences=URL (service account), fetchIdToken(URL) in the "
      "client libraries, or the metadata server's identity?audience=URL."),
    N_ ("Google: ID tokens carry iss \"https://accounts.google.com\" or \"accounts.google.com\"; "
        "both are genuine, so accept both."),
    N_ ("Google: ID tokens carry no scopes; Cloud Run and IAP check the audience and the caller's "
        "IAM role (roles/run.invoker)."),
    N_ ("Google: Cloud Run, Cloud Functions and IAP need an ID token (a JWT), not a ya29. OAuth "
        "access token: gcloud auth print-identity-token, or the metadata server's identity "
        "endpoint.") },
  { "keycloak",
    "Keycloak",
    { "*://*/realms/*", "*://*/auth/realms/*", NULL },
    NULL,
    NULL,
    JD_PROVIDER_AUD_API,
    FALSE,
    N_ ("Keycloak: by default \"aud\" holds only \"account\" and the client is in \"azp\". Add an "
        "Audience mapper: Clients → the client that requests tokens → Client scopes → "
        "<client>-dedicated → Add mapper → By configuration → Audience, Included Client Audience = "
        "your API's client."),
    N_ ("Keycloak: the issuer is <base URL>/realms/<realm> with the host name the token was "
        "requested through. Set the hostname (KC_HOSTNAME, or the realm's Frontend URL) so clients "
        "and the API see one issuer, and check the realm name."),
    N_ ("Keycloak: scopes are in \"scope\", realm roles in realm_access.roles, client roles in "
        "resource_access.<client>.roles."),
    N_ ("Keycloak: send the access_token (typ \"Bearer\"), not the id_token (typ \"ID\") or the "
        "refresh_token (typ \"Refresh\").") },
};

const JdProvider *
jd_providers_get_all (guint *n_rows)
{
  if (n_rows)
    *n_rows = G_N_ELEMENTS (providers);
  return providers;
}

const JdProvider *
jd_providers_lookup (const char *id)
{
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (providers); i++)
    if (g_str_equal (providers[i].id, id))
      return &providers[i];
  return NULL;
}

const char *
jd_provider_text (const char *column_value)
{
  return column_value != NULL ? _ (column_value) : "";
}

const char *
jd_provider_get_string (JsonObject *obj, const char *member)
{
  JsonNode *node = obj != NULL ? json_object_get_member (obj, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* ---- issuer patterns ---------------------------------------------------- */

#define JD_PROVIDER_MAX_ISS 2048 /* bytes */

/* '*' matches one or more characters other than '/'; ASCII case is ignored.
 * *cap receives what the last '*' matched. */
static gboolean
glob (const char *p, gsize pn, const char *s, gsize sn, const char **cap, gsize *cap_len)
{
  while (pn > 0 && *p != '*')
    {
      if (sn == 0 || g_ascii_tolower (*p) != g_ascii_tolower (*s))
        return FALSE;
      p++, pn--, s++, sn--;
    }
  if (pn == 0)
    return sn == 0;
  for (gsize k = 1; k <= sn && s[k - 1] != '/'; k++)
    if (glob (p + 1, pn - 1, s + k, sn - k, cap, cap_len))
      {
        if (cap != NULL && *cap == NULL)
          {
            *cap = s;
            *cap_len = k;
          }
        return TRUE;
      }
  return FALSE;
}

static gsize
without_trailing_slashes (const char *s)
{
  gsize n = strlen (s);

  while (n > 0 && s[n - 1] == '/')
    n--;
  return n;
}

gboolean
jd_provider_match_iss (const JdProvider *row, const char *iss, char **capture)
{
  if (capture)
    *capture = NULL;
  /* No provider's issuer is longer: a huge pasted value is not matched. */
  if (row == NULL || iss == NULL || strlen (iss) > JD_PROVIDER_MAX_ISS)
    return FALSE;
  for (guint i = 0; i < JD_PROVIDER_MAX_PATTERNS && row->iss[i] != NULL; i++)
    {
      const char *cap = NULL;
      gsize cap_len = 0;

      if (glob (row->iss[i], without_trailing_slashes (row->iss[i]), iss,
                without_trailing_slashes (iss), &cap, &cap_len))
        {
          if (capture && cap != NULL)
            *capture = g_strndup (cap, cap_len);
          return TRUE;
        }
    }
  return FALSE;
}

const JdProvider *
jd_providers_detect_iss (const char *iss)
{
  for (guint i = 0; iss != NULL && i < G_N_ELEMENTS (providers); i++)
    if (jd_provider_match_iss (&providers[i], iss, NULL))
      return &providers[i];
  return NULL;
}

const JdProvider *
jd_providers_detect (JsonObject *header, JsonObject *claims)
{
  for (guint i = 0; i < G_N_ELEMENTS (providers); i++)
    {
      const char *v;

      if (providers[i].header_member == NULL)
        continue;
      v = jd_provider_get_string (header, providers[i].header_member);
      if (v != NULL && g_str_has_prefix (v, providers[i].header_prefix))
        return &providers[i];
    }
  return jd_providers_detect_iss (jd_provider_get_string (claims, "iss"));
}

gboolean
jd_azure_issuer_parse (const char *iss, char **tenant, gboolean *v2)
{
  const JdProvider *rows[] = { jd_providers_lookup ("entra-v2"), jd_providers_lookup ("entra-v1") };

  if (tenant)
    *tenant = NULL;
  if (v2)
    *v2 = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (jd_provider_match_iss (rows[i], iss, tenant))
      {
        if (v2)
          *v2 = i == 0;
        return TRUE;
      }
  return FALSE;
}

gboolean
jd_provider_excuses_problem (const JdProvider *row, JdToken *token, const JdTokenProblem *problem)
{
  const char *text = jd_token_get_text (token);

  return row != NULL && row->padded_by_design && problem->code == JD_TOKEN_ERROR_BASE64
         && problem->offset < jd_token_get_length (token) && text[problem->offset] == '=';
}

const JdTokenProblem *
jd_providers_strict_problem (JdToken *token)
{
  const JdTokenProblem *first = jd_token_get_encoding_problem (token);
  /* Only a header marker (the ALB's signer) can excuse bytes: the claims
   * of a token that is not strict JWS are no evidence. */
  const JdProvider *row = jd_providers_detect (jd_token_get_header (token), NULL);
  GPtrArray *problems = jd_token_get_problems (token);

  if (first == NULL || row == NULL || !row->padded_by_design)
    return first;
  /* The same codes as jd_token_get_encoding_problem(), minus the padding. */
  for (guint i = 0; i < problems->len; i++)
    {
      const JdTokenProblem *p = g_ptr_array_index (problems, i);

      if ((p->code == JD_TOKEN_ERROR_BASE64 || p->code == JD_TOKEN_ERROR_SEGMENTS
           || p->code == JD_TOKEN_ERROR_EMPTY || p->code == JD_TOKEN_ERROR_TOO_LARGE
           || p->code == JD_TOKEN_ERROR_CRITICAL)
          && !jd_provider_excuses_problem (row, token, p))
        return p;
    }
  return NULL;
}
