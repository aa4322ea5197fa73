/* jd-token-errors.c — the table of token endpoint errors and their fixes
 *
 * A token endpoint that refuses answers 400 or 401 with a JSON object
 * {"error": …, "error_description": …} (RFC 6749 §5.2). The code alone
 * says little ("invalid_client" covers a wrong secret, a wrong client id
 * and a wrong authentication method); providers say more in the
 * description, and each row here reads one such variant.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jd-token-errors.h"

#define ENTRA "Microsoft Entra ID"
#define AUTH0 "Auth0"
#define OKTA "Okta"
#define KEYCLOAK "Keycloak"
#define GOOGLE "Google"

static const JdTokenErrorRule rules[] = {
  /* ---- Microsoft Entra ID (Azure AD): AADSTS codes in error_description ---- */
  { "aadsts7000215", NULL, "AADSTS7000215", ENTRA,
    N_ (
      "the client secret is wrong. A common slip: the secret's ID was sent instead of its value."),
    N_ ("In App registrations → Certificates & secrets, create a new client secret and send its "
        "Value "
        "(shown once), not its Secret ID.") },
  { "aadsts7000222", NULL, "AADSTS7000222", ENTRA, N_ ("the client secret has expired."),
    N_ ("In App registrations → Certificates & secrets, create a new client secret and replace the "
        "old "
        "one wherever it is configured.") },
  { "aadsts700016", NULL, "AADSTS700016", ENTRA,
    N_ ("no application with this client_id exists in this tenant (a wrong client_id, or the wrong "
        "tenant "
        "in the token endpoint URL)."),
    N_ (
      "Copy the Application (client) ID from App registrations → Overview, and use the token "
      "endpoint "
      "of the tenant where the app is registered (or a multi-tenant app consented in this one).") },
  { "aadsts50011", NULL, "AADSTS50011", ENTRA,
    N_ ("the redirect_uri sent is not one the app registration lists."),
    N_ ("Add the exact redirect URI (scheme, host, port, path) under App registrations → "
        "Authentication; "
        "for a loopback redirect, register http://localhost or http://127.0.0.1 under Mobile and "
        "desktop "
        "applications, where any port is accepted.") },
  { "aadsts65001", NULL, "AADSTS65001", ENTRA,
    N_ ("the user or an administrator has not consented to the permissions the app asks for."),
    N_ ("In App registrations → API permissions, choose \"Grant admin consent\", or sign in once "
        "interactively to consent.") },
  { "aadsts500011", NULL, "AADSTS500011", ENTRA,
    N_ ("the resource (the API in scope or resource) was not found in this tenant."),
    N_ ("Check the API's Application ID URI (App registrations → Expose an API) against the scope "
        "(\"api://…/.default\") or the resource parameter; the API must be registered or consented "
        "in "
        "this tenant.") },
  { "aadsts70011", NULL, "AADSTS70011", ENTRA,
    N_ ("the scope is not valid; the client credentials grant accepts only \"RESOURCE/.default\"."),
    N_ (
      "Ask for scope \"api://YOUR-API/.default\" (v2.0 endpoint); for delegated scopes use a user "
      "grant.") },
  { "aadsts7000218", NULL, "AADSTS7000218", ENTRA,
    N_ ("the app is confidential: the request carried neither client_secret nor client_assertion."),
    N_ ("Send the client secret (or a private_key_jwt assertion), or, for a public client, enable "
        "\"Allow public client flows\" under App registrations → Authentication.") },
  { "aadsts700024", NULL, "AADSTS700024", ENTRA,
    N_ ("the client assertion (private_key_jwt) is not within its valid time range."),
    N_ ("Check this computer's clock and the assertion's iat/nbf/exp (Entra ID accepts at most 10 "
        "minutes).") },
  { "aadsts54005", NULL, "AADSTS54005", ENTRA, N_ ("the authorization code was already redeemed."),
    N_ ("An authorization code works once: start the sign-in again for a new code.") },
  { "aadsts700082", NULL, "AADSTS700082", ENTRA,
    N_ ("the refresh token expired after a long time without use."),
    N_ ("Sign in again interactively for a new refresh token.") },
  { "aadsts90002", NULL, "AADSTS90002", ENTRA,
    N_ ("the tenant in the token endpoint URL does not exist."),
    N_ ("Use the Directory (tenant) ID or the tenant's domain from the app's Overview page in the "
        "token "
        "endpoint URL.") },

  /* ---- Auth0 ---- */
  { "auth0-service-not-enabled", "access_denied", "Service not enabled within domain", AUTH0,
    N_ ("the audience names an API that does not exist in this tenant, or that this application "
        "may not "
        "call."),
    N_ (
      "In the Auth0 Dashboard → Applications → APIs, check the API's Identifier (it is the "
      "audience, "
      "character for character) and, under its Machine to Machine Applications tab, authorize this "
      "application.") },
  { "auth0-grant-type-not-allowed", "unauthorized_client", "not allowed for the client", AUTH0,
    N_ ("this grant type is not enabled for the application."),
    N_ ("In the Auth0 Dashboard → Applications → your application → Settings → Advanced Settings → "
        "Grant "
        "Types, enable the grant (Client Credentials for machine-to-machine).") },
  { "auth0-client-not-authorized", "access_denied", "Client has not been granted scopes", AUTH0,
    N_ ("the application is authorized for the API but not for the scopes asked for."),
    N_ ("In the Auth0 Dashboard → Applications → APIs → your API → Machine to Machine "
        "Applications, tick "
        "the scopes for this application, or ask for fewer.") },

  /* ---- Okta: errorCode E0000… (management API style) and its descriptions ---- */
  { "okta-e0000011", "E0000011", NULL, OKTA,
    N_ ("the API token or access token sent is not valid."),
    N_ ("Create a new API token (Security → API → Tokens) or a new access token; Okta API tokens "
        "expire "
        "after 30 days without use.") },
  { "okta-e0000022", "E0000022", NULL, OKTA,
    N_ ("this endpoint does not accept the HTTP method used."),
    N_ ("Send the token request as POST with Content-Type application/x-www-form-urlencoded.") },
  { "okta-e0000015", "E0000015", NULL, OKTA,
    N_ ("the feature behind this endpoint is not enabled for the organization."),
    N_ ("Ask the Okta administrator to enable the feature (for example API Access Management for "
        "custom "
        "authorization servers).") },
  { "okta-invalid-client-secret", "invalid_client",
    "client secret supplied for a confidential client is invalid", OKTA,
    N_ ("the client secret is wrong."),
    N_ ("Copy the client secret again from Applications → your app → General → Client "
        "Credentials.") },
  { "okta-client-auth-method", "invalid_client", "token_endpoint_auth_method", OKTA,
    N_ ("the client authenticated with a method its Okta app is not set up for."),
    N_ ("Match the Client authentication setting of the app (Client secret or Public key / Private "
        "key) "
        "with --client-auth: basic or post for a secret, private_key_jwt for a key.") },

  /* ---- Keycloak ---- */
  { "keycloak-invalid-credentials", NULL, "Invalid client credentials", KEYCLOAK,
    N_ ("the client id or the client secret is wrong."),
    N_ ("In the Admin Console → Clients → your client → Credentials, copy the Client secret (or "
        "regenerate it); check that the client id is the Client ID, not its internal UUID.") },
  { "keycloak-no-service-account", NULL, "Client not enabled to retrieve service account", KEYCLOAK,
    N_ ("the client credentials grant is not enabled for this client."),
    N_ (
      "In the Admin Console → Clients → your client → Settings, turn on Client authentication and "
      "Service accounts roles.") },
  { "keycloak-public-service-account", NULL,
    "Public client not allowed to retrieve service account", KEYCLOAK,
    N_ ("a public client cannot use the client credentials grant."),
    N_ (
      "Turn on Client authentication for the client (it becomes confidential) and Service accounts "
      "roles, then use its secret.") },
  { "keycloak-token-not-active", "invalid_grant", "Token is not active", KEYCLOAK,
    N_ ("the refresh token has expired or its session ended."),
    N_ ("Sign in again for a new refresh token; the realm's SSO Session Idle and Max settings "
        "decide how "
        "long one lives.") },

  /* ---- Google ---- */
  { "google-expired-or-revoked", "invalid_grant", "Token has been expired or revoked", GOOGLE,
    N_ ("the refresh token has expired or was revoked (an app in Testing status gets refresh "
        "tokens that "
        "last 7 days)."),
    N_ ("Sign in again for a new refresh token; publish the OAuth consent screen to keep refresh "
        "tokens "
        "longer.") },

  /* ---- PKCE (RFC 7636 §4.6) ---- */
  { "pkce-mismatch", "invalid_grant", "code_verifier", "RFC 7636 §4.6",
    N_ ("the code_verifier does not match the code_challenge sent with the authorization request."),
    N_ ("Send the same code_verifier that produced the code_challenge (S256), and start the "
        "sign-in again "
        "for a new code.") },

  /* ---- RFC 6749 §5.2 ---- */
  { "invalid_request", "invalid_request", NULL, "RFC 6749 §5.2",
    N_ ("a required parameter is missing, repeated or malformed, or the request is otherwise "
        "malformed."),
    N_ ("Read error_description for the parameter; send the request as POST with Content-Type "
        "application/x-www-form-urlencoded and each parameter once.") },
  { "invalid_client", "invalid_client", NULL, "RFC 6749 §5.2",
    N_ ("client authentication failed: an unknown client id, a wrong secret, or an authentication "
        "method "
        "the client is not registered for."),
    N_ (
      "Check the client id and secret, and the method: client_secret_basic (Authorization: Basic), "
      "client_secret_post (in the body) or private_key_jwt must be the one the client is "
      "registered "
      "with.") },
  { "invalid_grant", "invalid_grant", NULL, "RFC 6749 §5.2",
    N_ (
      "the grant (authorization code, refresh token or device code) is invalid, expired, revoked, "
      "already used, or was issued to another client or redirect URI."),
    N_ ("Get a new grant: sign in again for a new code or refresh token; a code works once and "
        "only with "
        "the redirect_uri it was issued for.") },
  { "unauthorized_client", "unauthorized_client", NULL, "RFC 6749 §5.2",
    N_ ("this client may not use this grant type."),
    N_ ("Enable the grant type for the client in the identity provider's settings.") },
  { "unsupported_grant_type", "unsupported_grant_type", NULL, "RFC 6749 §5.2",
    N_ ("the server does not support this grant type at this endpoint."),
    N_ ("Check grant_types_supported in the issuer's discovery document, and the token endpoint "
        "URL.") },
  { "invalid_scope", "invalid_scope", NULL, "RFC 6749 §5.2",
    N_ ("a requested scope is unknown, malformed, or more than the client may ask for."),
    N_ (
      "Ask only for scopes the client is allowed (scopes_supported in the discovery document lists "
      "the known ones); leave scope out to get the default.") },
  { "invalid_target", "invalid_target", NULL, "RFC 8707 §2",
    N_ ("the resource (or audience) parameter names an API this server does not know or will not "
        "issue "
        "tokens for."),
    N_ ("Check the resource / audience value against the API's identifier in the identity "
        "provider.") },
  { "access_denied", "access_denied", NULL, "RFC 6749 §4.1.2.1, RFC 8628 §3.5",
    N_ ("the user or the server refused the request."),
    N_ ("Approve the request when signing in, or ask the administrator for access.") },

  /* ---- RFC 8628 §3.5: device authorization grant ---- */
  { "authorization_pending", "authorization_pending", NULL, "RFC 8628 §3.5",
    N_ ("the user has not yet entered the code and approved."),
    N_ ("Enter the code at the verification URI; polling continues.") },
  { "slow_down", "slow_down", NULL, "RFC 8628 §3.5",
    N_ ("polling too fast; the interval grows by 5 seconds."),
    N_ ("Nothing to do: polling continues more slowly.") },
  { "expired_token", "expired_token", NULL, "RFC 8628 §3.5",
    N_ ("the device code expired before the user approved."),
    N_ ("Start again for a new code, and enter it within its lifetime.") },

  /* ---- generic server side ---- */
  { "server_error", "server_error", NULL, "RFC 6749 §4.1.2.1",
    N_ ("the identity provider failed inside."),
    N_ ("Try again later; if it persists, check the provider's "
        "status page or its logs.") },
  { "temporarily_unavailable", "temporarily_unavailable", NULL, "RFC 6749 §4.1.2.1",
    N_ ("the identity provider is overloaded or under maintenance."), N_ ("Try again later.") },
};

const JdTokenErrorRule *
jd_token_error_rules (guint *n_rules)
{
  if (n_rules != NULL)
    *n_rules = G_N_ELEMENTS (rules);
  return rules;
}

/* @pattern in @text, ASCII case-insensitive; a pattern ending in a digit
 * must not be followed by another digit (AADSTS700016 is not AADSTS7000160). */
static gboolean
contains (const char *text, const char *pattern)
{
  gsize n = strlen (pattern);
  gboolean digit_end = n > 0 && g_ascii_isdigit (pattern[n - 1]);

  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_strncasecmp (p, pattern, n) == 0 && !(digit_end && g_ascii_isdigit (p[n])))
      return TRUE;
  return FALSE;
}

const JdTokenErrorRule *
jd_token_error_lookup (const char *error, const char *description)
{
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      const JdTokenErrorRule *rule = &rules[i];

      if (rule->error != NULL && (error == NULL || strcmp (rule->error, error) != 0))
        continue;
      if (rule->pattern != NULL && (description == NULL || !contains (description, rule->pattern)))
        continue;
      if (rule->error == NULL && rule->pattern == NULL)
        continue;
      return rule;
    }
  return NULL;
}

char *
jd_token_error_explain (guint status, const char *error, const char *description, char **fix)
{
  const JdTokenErrorRule *rule = jd_token_error_lookup (error, description);
  g_autoptr (GString) text = g_string_new (NULL);

  if (status != 0)
    g_string_append_printf (text, _ ("The token endpoint answered %u"), status);
  else
    g_string_append (text, _ ("The token endpoint answered"));
  if (error != NULL)
    g_string_append_printf (text, _ (" with error “%s”"), error);
  if (description != NULL && *description != '\0')
    g_string_append_printf (text, " (“%s”)", description);
  g_string_append (text, ". ");

  if (rule != NULL)
    {
      /* TRANSLATORS: "RFC 6749 §5.2: client authentication failed: …" */
      g_string_append_printf (text, _ ("%s: %s"), rule->source, _ (rule->meaning));
      if (fix != NULL)
        *fix = g_strdup (_ (rule->fix));
    }
  else
    {
      g_string_append (text, error != NULL
                               ? _ ("JWT Doctor does not know this error code.")
                               : _ ("The answer holds no OAuth error code (RFC 6749 §5.2)."));
      if (fix != NULL)
        *fix = error != NULL
                 ? g_strdup_printf (_ ("Look up “%s” in the identity provider's documentation, "
                                       "and read the error description."),
                                    error)
                 : g_strdup (_ ("Check the token endpoint URL: an OAuth token endpoint answers "
                                "errors as JSON with an \"error\" member."));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
