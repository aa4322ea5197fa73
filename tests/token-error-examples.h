/* token-error-examples.h — for each row of the token endpoint error table
 * (src/core/jd-token-errors.c): an answer that must pick it and a close one
 * that must not. Shared by test-token-errors (the table) and test-net-token
 * (the same answers from a real token endpoint on 127.0.0.1).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>
#include <glib.h>

typedef struct
{
  const char *id;
  const char *error, *description;           /* must pick row @id */
  const char *near_error, *near_description; /* must not */
} Example;

G_GNUC_UNUSED static const Example examples[] = {
  { "aadsts7000215", "invalid_client",
    "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is "
    "the "
    "client secret value, not the client secret ID",
    "invalid_client", "AADSTS70002: Error validating credentials." },
  { "aadsts7000222", "invalid_client",
    "AADSTS7000222: The provided client secret keys for app 'x' are expired.", "invalid_client",
    "AADSTS700022: something else" },
  { "aadsts700016", "unauthorized_client",
    "AADSTS700016: Application with identifier '1234' was not found in the directory 'contoso'.",
    "unauthorized_client", "AADSTS7000160: not the same code" },
  { "aadsts50011", "invalid_request",
    "AADSTS50011: The redirect URI 'http://127.0.0.1:5000/' specified in the request does not "
    "match",
    "invalid_request", "AADSTS500110: a longer code" },
  { "aadsts65001", "invalid_grant",
    "AADSTS65001: The user or administrator has not consented to use the application",
    "invalid_grant", "AADSTS6500: shorter" },
  { "aadsts500011", "invalid_resource",
    "AADSTS500011: The resource principal named api://orders was not found in the tenant named "
    "contoso.",
    "invalid_resource", "AADSTS50001: The application named api://orders was not found" },
  { "aadsts70011", "invalid_scope",
    "AADSTS70011: The provided value for the input parameter 'scope' is not valid.",
    "invalid_scope", "The requested scope is invalid." },
  { "aadsts7000218", "invalid_client",
    "AADSTS7000218: The request body must contain the following parameter: 'client_assertion' or "
    "'client_secret'.",
    "invalid_client", "AADSTS700021: other" },
  { "aadsts700024", "invalid_client",
    "AADSTS700024: Client assertion is not within its valid time range.", "invalid_client",
    "AADSTS70002: Client assertion failed" },
  { "aadsts54005", "invalid_grant", "AADSTS54005: OAuth2 Authorization code was already redeemed",
    "invalid_grant", "AADSTS5400: code" },
  { "aadsts700082", "invalid_grant",
    "AADSTS700082: The refresh token has expired due to inactivity.", "invalid_grant",
    "AADSTS70008: The provided authorization code or refresh token has expired" },
  { "aadsts90002", "invalid_request", "AADSTS90002: Tenant 'contoso.onmicrosoft.co' not found.",
    "invalid_request", "AADSTS900023: Specified tenant identifier is neither a valid DNS name" },
  { "auth0-service-not-enabled", "access_denied",
    "Service not enabled within domain: https://api.example.com", "access_denied", "Unauthorized" },
  { "auth0-grant-type-not-allowed", "unauthorized_client",
    "Grant type 'client_credentials' not allowed for the client.", "unauthorized_client",
    "Client is not allowed to use this grant" },
  { "auth0-client-not-authorized", "access_denied",
    "Client has not been granted scopes: read:orders", "access_denied",
    "Client has been granted scopes" },
  { "okta-e0000011", "E0000011", "Invalid token provided", "E0000001", "Api validation failed" },
  { "okta-e0000022", "E0000022", "The endpoint does not support the provided HTTP method",
    "E0000021", NULL },
  { "okta-e0000015", "E0000015",
    "You do not have permission to access the feature you are requesting", "E00000150", NULL },
  { "okta-invalid-client-secret", "invalid_client",
    "The client secret supplied for a confidential client is invalid.", "invalid_client",
    "Client authentication failed." },
  { "okta-client-auth-method", "invalid_client",
    "Client authentication failed. Either the client or the client credentials are invalid. "
    "token_endpoint_auth_method is client_secret_basic",
    "invalid_client",
    "Client authentication failed. Either the client or the client credentials are invalid." },
  { "keycloak-invalid-credentials", "unauthorized_client",
    "Invalid client or Invalid client credentials", "unauthorized_client", "Invalid client" },
  { "keycloak-no-service-account", "unauthorized_client",
    "Client not enabled to retrieve service account", "unauthorized_client", "Client not enabled" },
  { "keycloak-public-service-account", "unauthorized_client",
    "Public client not allowed to retrieve service account", "unauthorized_client",
    "Public client" },
  { "keycloak-token-not-active", "invalid_grant", "Token is not active", "invalid_grant",
    "Token is active" },
  { "google-expired-or-revoked", "invalid_grant", "Token has been expired or revoked.",
    "invalid_grant", "Bad Request" },
  { "pkce-mismatch", "invalid_grant", "PKCE verification failed: code_verifier does not match",
    "invalid_grant", "PKCE verification failed" },
  { "invalid_request", "invalid_request", "Missing parameter: grant_type", "invalid_requests",
    NULL },
  { "invalid_client", "invalid_client", "Client authentication failed.", "invalid-client", NULL },
  { "invalid_grant", "invalid_grant", "Invalid authorization code", "invalid_grants", NULL },
  { "unauthorized_client", "unauthorized_client", NULL, "unauthorised_client", NULL },
  { "unsupported_grant_type", "unsupported_grant_type", NULL, "unsupported_response_type", NULL },
  { "invalid_scope", "invalid_scope", "The requested scope is invalid.", "insufficient_scope",
    NULL },
  { "invalid_target", "invalid_target", NULL, "invalid_token", NULL },
  { "access_denied", "access_denied", "The end user denied the request", "accessdenied", NULL },
  { "authorization_pending", "authorization_pending", NULL, "authorization_required", NULL },
  { "slow_down", "slow_down", NULL, "slowdown", NULL },
  { "expired_token", "expired_token", NULL, "invalid_token", "The access token expired" },
  { "server_error", "server_error", NULL, "Server_Error", NULL },
  { "temporarily_unavailable", "temporarily_unavailable", NULL, "unavailable", NULL },
};

static inline const Example *
example_for (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    if (strcmp (examples[i].id, id) == 0)
      return &examples[i];
  return NULL;
}
