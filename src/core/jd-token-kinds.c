/* jd-token-kinds.c — the token-kind tables and the wrong-token-kind / no-token findings
 *
 * Knowledge lives in the three tables below, one row per rule; the code
 * after them only reads the rows. A new opaque-token shape, a new claim
 * that gives a kind away, or a provider's own wording is one new row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jd-input-text.h"
#include "jd-token-kinds.h"

/* ---- table 1: what is not a JWT at all ---------------------------------- */

/* First match wins: literals, then known prefixes, then shapes. */
static const JdTextRow text_rows[] = {
  /* Literals a client writes when it has no token. */
  { "literal-undefined", JD_TEXT_EXACT_CI, "undefined", NULL, 0, 0, JD_KIND_NO_TOKEN,
    N_ ("what JavaScript writes for a variable that was never set"),
    N_ (
      "The client built the header before it had a token (or read the wrong field): make sure the "
      "token is fetched and stored before the request, and send its value.") },
  { "literal-null", JD_TEXT_EXACT_CI, "null", NULL, 0, 0, JD_KIND_NO_TOKEN,
    N_ ("what JSON and JavaScript write for a missing value"),
    N_ ("The token was missing when the header was built (an empty store, a failed login, a field "
        "read before it was set): send the header only once a token is there.") },
  { "literal-nil", JD_TEXT_EXACT_CI, "nil", NULL, 0, 0, JD_KIND_NO_TOKEN,
    N_ ("what Go and Ruby write for a missing value"),
    N_ ("The token was missing when the header was built: check the variable before adding the "
        "header.") },
  { "literal-none", JD_TEXT_EXACT_CI, "None", NULL, 0, 0, JD_KIND_NO_TOKEN,
    N_ ("what Python writes for a missing value"),
    N_ ("The token was None when the header was formatted (f\"Bearer {token}\"): fetch the token "
        "first and check it before building the header.") },
  { "literal-object", JD_TEXT_EXACT_CI, "[object Object]", NULL, 0, 0, JD_KIND_NO_TOKEN,
    N_ ("what JavaScript writes for an object turned into text: the whole token response (or a "
        "Promise or object holding the token) went into the header"),
    N_ ("Put the token string itself in the header, e.g. `Bearer ${response.access_token}`, and "
        "await the Promise that returns it.") },
  { "literal-bearer", JD_TEXT_EXACT_CI, "Bearer", NULL, 0, 0, JD_KIND_NO_TOKEN,
    N_ ("the scheme itself: the prefix was added twice and the token is missing"),
    N_ ("Keep the stored token bare, let one place add \"Bearer \", and check that a token is "
        "there before the header is built.") },
  { "template-braces", JD_TEXT_ENCLOSED, "{{", "}}", 4, 0, JD_KIND_NO_TOKEN,
    N_ ("a template variable that was never filled in (Postman, Insomnia, Handlebars)"),
    N_ ("Set the variable in the environment the request uses (Postman: the selected "
        "environment, or the collection's Authorization tab), or paste the token itself.") },
  { "template-angle", JD_TEXT_ENCLOSED, "<", ">", 3, 0, JD_KIND_NO_TOKEN,
    N_ ("a placeholder copied from documentation"),
    N_ ("Replace the placeholder with a real access token.") },

  /* Opaque tokens and API keys of known issuers, by their documented prefix. */
  { "google-ya29", JD_TEXT_PREFIX, "ya29.", NULL, 20, 0, JD_KIND_OPAQUE,
    N_ ("a Google OAuth 2.0 access token (opaque, for Google APIs)"),
    N_ (
      "Cloud Run, Cloud Functions and IAP want a Google-signed ID token whose aud is the service "
      "URL (IAP: its OAuth client id): `gcloud auth print-identity-token --audiences=URL`, or the "
      "metadata server's /identity?audience=URL, not print-access-token.") },
  { "google-refresh", JD_TEXT_PREFIX, "1//", NULL, 20, 0, JD_KIND_OPAQUE,
    N_ ("a Google OAuth 2.0 refresh token"),
    N_ ("Exchange it at https://oauth2.googleapis.com/token (grant_type=refresh_token) and send "
        "the token you get back.") },
  { "github-pat", JD_TEXT_PREFIX, "ghp_", NULL, 40, 0, JD_KIND_OPAQUE,
    N_ ("a GitHub personal access token"),
    N_ ("GitHub tokens are for GitHub's API; an API that verifies JWTs needs a token from its own "
        "identity provider.") },
  { "github-oauth", JD_TEXT_PREFIX, "gho_", NULL, 40, 0, JD_KIND_OPAQUE,
    N_ ("a GitHub OAuth app access token"),
    N_ ("GitHub tokens are for GitHub's API; an API that verifies JWTs needs a token from its own "
        "identity provider.") },
  { "github-user-to-server", JD_TEXT_PREFIX, "ghu_", NULL, 40, 0, JD_KIND_OPAQUE,
    N_ ("a GitHub App user access token"),
    N_ ("GitHub tokens are for GitHub's API; to call your API, send a token of your own identity "
        "provider.") },
  { "github-server-to-server", JD_TEXT_PREFIX, "ghs_", NULL, 40, 0, JD_KIND_OPAQUE,
    N_ ("a GitHub App installation token"),
    N_ ("GitHub tokens are for GitHub's API; to call your API, send a token of your own identity "
        "provider.") },
  { "github-fine-grained", JD_TEXT_PREFIX, "github_pat_", NULL, 40, 0, JD_KIND_OPAQUE,
    N_ ("a GitHub fine-grained personal access token"),
    N_ ("GitHub tokens are for GitHub's API; an API that verifies JWTs needs a token from its own "
        "identity provider.") },
  { "gitlab-pat", JD_TEXT_PREFIX, "glpat-", NULL, 20, 0, JD_KIND_OPAQUE,
    N_ ("a GitLab personal access token"),
    N_ ("GitLab tokens are for GitLab's API (header PRIVATE-TOKEN); send your API a token from its "
        "own identity provider.") },
  { "slack-bot", JD_TEXT_PREFIX, "xoxb-", NULL, 20, 0, JD_KIND_OPAQUE, N_ ("a Slack bot token"),
    N_ ("Slack tokens are for Slack's Web API only.") },
  { "slack-user", JD_TEXT_PREFIX, "xoxp-", NULL, 20, 0, JD_KIND_OPAQUE, N_ ("a Slack user token"),
    N_ ("Slack tokens are for Slack's Web API only.") },
  { "slack-refresh", JD_TEXT_PREFIX, "xoxe-", NULL, 20, 0, JD_KIND_OPAQUE,
    N_ ("a Slack refresh or configuration token"),
    N_ ("Slack tokens are for Slack's Web API only; a refresh token is exchanged at "
        "oauth.v2.access.") },
  { "aws-session-token", JD_TEXT_PREFIX, "IQoJb3JpZ2lu", NULL, 100, 0, JD_KIND_OPAQUE,
    N_ ("an AWS STS session token"),
    N_ ("AWS session tokens sign requests with SigV4 (X-Amz-Security-Token); they are not bearer "
        "tokens. For a Cognito-protected API, send the Cognito access token.") },
  { "aws-session-token-old", JD_TEXT_PREFIX, "FwoGZXIvYXdz", NULL, 100, 0, JD_KIND_OPAQUE,
    N_ ("an AWS STS session token"),
    N_ ("AWS session tokens sign requests with SigV4 (X-Amz-Security-Token); they are not bearer "
        "tokens. For a Cognito-protected API, send the Cognito access token.") },
  { "aws-access-key-id", JD_TEXT_PREFIX, "ASIA", NULL, 20, 20, JD_KIND_OPAQUE,
    N_ ("an AWS temporary access key id"),
    N_ ("AWS keys sign requests with SigV4; they are not bearer tokens.") },
  { "aws-access-key-id-long-term", JD_TEXT_PREFIX, "AKIA", NULL, 20, 20, JD_KIND_OPAQUE,
    N_ ("an AWS access key id"),
    N_ ("AWS keys sign requests with SigV4; they are not bearer tokens. Rotate the key if it was "
        "shared.") },
  { "stripe-secret", JD_TEXT_PREFIX, "sk_live_", NULL, 20, 0, JD_KIND_OPAQUE,
    N_ ("a Stripe live secret key"),
    N_ ("Stripe keys are for Stripe's API; never send a secret key to another service — rotate it "
        "if it left the server.") },
  { "stripe-test", JD_TEXT_PREFIX, "sk_test_", NULL, 20, 0, JD_KIND_OPAQUE,
    N_ ("a Stripe test secret key"),
    N_ ("Stripe keys are for Stripe's API; your API needs a token from its own identity "
        "provider.") },
  { "api-key-sk", JD_TEXT_PREFIX, "sk-", NULL, 20, 0, JD_KIND_OPAQUE,
    N_ ("an API key (the \"sk-\" secret keys of OpenAI, Anthropic and others)"),
    N_ ("API keys go to the service that issued them (often in its own header, e.g. x-api-key); "
        "an API that verifies JWTs needs an access token from its identity provider.") },
  { "npm-token", JD_TEXT_PREFIX, "npm_", NULL, 40, 0, JD_KIND_OPAQUE, N_ ("an npm access token"),
    N_ ("npm tokens are for the npm registry only.") },

  /* Shapes. */
  { "auth0-opaque", JD_TEXT_OPAQUE, NULL, NULL, 32, 32, JD_KIND_OPAQUE,
    N_ ("a 32-character opaque access token, the kind Auth0 issues when the token request names "
        "no API (no audience)"),
    N_ ("Request the token for your API: add audience=<API identifier> to the /authorize or "
        "/oauth/token request (auth0-spa-js / Auth0 React: authorizationParams.audience), and the "
        "access token comes back as a JWT the API can verify.") },
  { "opaque", JD_TEXT_OPAQUE, NULL, NULL, 16, 0, JD_KIND_OPAQUE,
    N_ ("an opaque access token (a reference only its issuer can resolve, not a JWT)"),
    N_ ("An API that verifies JWTs cannot read it. Ask the identity provider for a JWT access "
        "token for this API (Auth0: an audience; Okta: a custom authorization server; Entra ID: "
        "your API's scope), or have the API call the issuer's introspection endpoint (RFC "
        "7662).") },
};

/* ---- table 2: evidence in a decoded JWT --------------------------------- */

static const JdSignalRow signal_rows[] = {
  /* OpenID Connect ID tokens (OpenID Connect Core 1.0 §2, §3.1.3.6). */
  { "oidc-nonce", JD_KIND_ID, 2, JD_SIGNAL_CLAIM_PRESENT, "nonce", NULL,
    N_ ("it carries \"nonce\", which the client sends to bind an ID token to its sign-in") },
  { "oidc-at-hash", JD_KIND_ID, 2, JD_SIGNAL_CLAIM_PRESENT, "at_hash", NULL,
    N_ ("it carries \"at_hash\", the hash of the access token issued beside it") },
  { "oidc-c-hash", JD_KIND_ID, 2, JD_SIGNAL_CLAIM_PRESENT, "c_hash", NULL,
    N_ ("it carries \"c_hash\", the hash of the authorization code") },
  { "cognito-id", JD_KIND_ID, 3, JD_SIGNAL_CLAIM_EQUALS, "token_use", "id",
    N_ ("\"token_use\" is \"id\" (an Amazon Cognito ID token)") },
  { "keycloak-id", JD_KIND_ID, 3, JD_SIGNAL_CLAIM_EQUALS, "typ", "ID",
    N_ ("its \"typ\" claim is \"ID\" (a Keycloak ID token)") },
  { "aud-is-azp", JD_KIND_ID, 1, JD_SIGNAL_AUD_IS_AZP, NULL, NULL,
    N_ ("its \"aud\" is the client itself (equal to \"azp\")") },
  { "aud-is-client", JD_KIND_ID, 1, JD_SIGNAL_AUD_IS_CLIENT, NULL, NULL,
    N_ ("its \"aud\" looks like a client id, not an API identifier") },
  { "profile-email", JD_KIND_ID, 1, JD_SIGNAL_CLAIM_PRESENT, "email", NULL,
    N_ ("it carries profile claims such as \"email\"") },
  { "no-scope", JD_KIND_ID, 1, JD_SIGNAL_NO_SCOPE, NULL, NULL,
    N_ ("it has no scope, scp, roles, permissions or client_id claim") },
  /* A Firebase ID token is what Firebase-backed APIs verify: its profile
   * claims are no evidence of a misplaced ID token. */
  { "firebase-id", JD_KIND_ID, -3, JD_SIGNAL_CLAIM_PRESENT, "firebase", NULL,
    N_ ("it carries \"firebase\": a Firebase ID token, the token Firebase-backed APIs take") },

  /* Refresh tokens. */
  { "keycloak-refresh", JD_KIND_REFRESH, 3, JD_SIGNAL_CLAIM_EQUALS, "typ", "Refresh",
    N_ ("its \"typ\" claim is \"Refresh\" (a Keycloak refresh token)") },
  { "keycloak-offline", JD_KIND_REFRESH, 3, JD_SIGNAL_CLAIM_EQUALS, "typ", "Offline",
    N_ (
      "its \"typ\" claim is \"Offline\" (a Keycloak offline token, a long-lived refresh token)") },
  { "token-use-refresh", JD_KIND_REFRESH, 3, JD_SIGNAL_CLAIM_EQUALS, "token_use", "refresh",
    N_ ("\"token_use\" is \"refresh\"") },
  { "header-typ-refresh", JD_KIND_REFRESH, 3, JD_SIGNAL_HEADER_TYP, NULL, "refresh+jwt",
    N_ ("its header \"typ\" is \"refresh+jwt\"") },

  /* Firebase custom token (firebase.google.com/docs/auth/admin/create-custom-tokens). */
  { "firebase-custom", JD_KIND_FIREBASE_CUSTOM, 3, JD_SIGNAL_CLAIM_EQUALS, "aud",
    "https://identitytoolkit.googleapis.com/google.identity.identitytoolkit.v1.IdentityToolkit",
    N_ (
      "its \"aud\" is Google's Identity Toolkit URL: it is a custom token, made to be exchanged") },

  /* A Google Sign-In ID token where a Firebase ID token is expected. */
  { "google-for-firebase", JD_KIND_GOOGLE_ID, 3, JD_SIGNAL_ISS_NOT_EXPECTED_FIREBASE, NULL,
    "accounts.google.com",
    N_ ("its \"iss\" is accounts.google.com while the API expects a Firebase issuer "
        "(https://securetoken.google.com/…)") },

  /* OpenID Connect Back-Channel Logout 1.0 §2.4. */
  { "logout-token", JD_KIND_LOGOUT, 3, JD_SIGNAL_EVENTS_HAS, NULL,
    "http://schemas.openid.net/event/backchannel-logout",
    N_ ("its \"events\" claim holds the back-channel logout event") },

  /* Access tokens (RFC 9068, and the providers' own markers). */
  { "rfc9068-typ", JD_KIND_ACCESS, 3, JD_SIGNAL_HEADER_TYP, NULL, "at+jwt",
    N_ ("its header \"typ\" is \"at+jwt\" (RFC 9068 access token)") },
  { "cognito-access", JD_KIND_ACCESS, 3, JD_SIGNAL_CLAIM_EQUALS, "token_use", "access",
    N_ ("\"token_use\" is \"access\" (an Amazon Cognito access token)") },
  { "keycloak-access", JD_KIND_ACCESS, 3, JD_SIGNAL_CLAIM_EQUALS, "typ", "Bearer",
    N_ ("its \"typ\" claim is \"Bearer\" (a Keycloak access token)") },
  { "scope", JD_KIND_ACCESS, 2, JD_SIGNAL_CLAIM_PRESENT, "scope", NULL,
    N_ ("it carries \"scope\"") },
  { "scp", JD_KIND_ACCESS, 2, JD_SIGNAL_CLAIM_PRESENT, "scp", NULL, N_ ("it carries \"scp\"") },
  { "azp-not-aud", JD_KIND_ACCESS, 1, JD_SIGNAL_AZP_NOT_AUD, NULL, NULL,
    N_ ("it was issued to client \"azp\" for another audience (an API)") },
  { "client-id", JD_KIND_ACCESS, 1, JD_SIGNAL_CLAIM_PRESENT, "client_id", NULL,
    N_ ("it carries \"client_id\"") },
};

/* ---- table 3: the providers' own words for a kind ----------------------- */

static const JdKindFixRow fix_rows[] = {
  { JD_KIND_ID, "auth0.com",
    N_ (
      "Auth0: request the token with audience=<your API identifier> (authorizationParams.audience "
      "in auth0-spa-js / Auth0 React) and send getAccessTokenSilently()'s result, not the ID "
      "token.") },
  { JD_KIND_ID, "cognito-idp.",
    N_ (
      "Cognito: send AuthenticationResult.AccessToken (token_use \"access\"), not IdToken; an API "
      "Gateway Cognito authorizer with OAuth scopes accepts only access tokens.") },
  { JD_KIND_ID, "login.microsoftonline.",
    N_ (
      "Entra ID: call acquireTokenSilent with your API's scope (api://<application id>/<scope> or "
      "/.default) and send accessToken, not idToken.") },
  { JD_KIND_ID, "sts.windows.net",
    N_ (
      "Entra ID: call acquireTokenSilent with your API's scope (api://<application id>/<scope> or "
      "/.default) and send accessToken, not idToken.") },
  { JD_KIND_ID, "okta.com",
    N_ ("Okta: send authState.accessToken (tokenManager.get('accessToken')), not the idToken.") },
  { JD_KIND_ID, "/realms/",
    N_ ("Keycloak: send keycloak.token (the access token), not keycloak.idToken.") },
  { JD_KIND_ID, "accounts.google.com",
    N_ ("Google: Cloud Run and IAP do take Google ID tokens, but then aud must be the service URL "
        "(IAP: its OAuth client id) — mint one with --audiences=URL and set --token-kind id; other "
        "APIs need the access token.") },
  { JD_KIND_REFRESH, "/realms/",
    N_ ("Keycloak: POST it to /realms/<realm>/protocol/openid-connect/token with "
        "grant_type=refresh_token and send the access_token of the answer.") },
  { JD_KIND_REFRESH, "cognito-idp.",
    N_ ("Cognito: call InitiateAuth with REFRESH_TOKEN_AUTH and send the AccessToken it "
        "returns.") },
};

/* What each kind is, and what to send instead of it. */
static const struct
{
  const char *name;
  const char *what;
  const char *fix;
} kind_texts[JD_KIND_N] = {
  [JD_KIND_UNKNOWN] = { "unknown", N_ ("a token of unknown kind"), NULL },
  [JD_KIND_ACCESS] = { "access", N_ ("an access token"),
                       N_ ("This API is set to expect an ID token: send the id_token of the token "
                           "response, or, if the API really takes access tokens, expect those "
                           "(--token-kind access, Preferences › Expectations).") },
  [JD_KIND_ID] = { "id", N_ ("an OpenID Connect ID token"),
                   N_ ("An ID token tells the client who signed in; it is not meant for APIs "
                       "(OpenID Connect Core §2). Send the access token of the same token "
                       "response (access_token, not id_token), requested for this API.") },
  [JD_KIND_REFRESH] = { "refresh", N_ ("a refresh token"),
                        N_ ("A refresh token goes only to the token endpoint (grant_type="
                            "refresh_token, RFC 6749 §6): exchange it there and send the access "
                            "token you get.") },
  [JD_KIND_FIREBASE_CUSTOM] = { "firebase-custom", N_ ("a Firebase custom token"),
                                N_ ("Custom tokens are exchanged, not sent: call "
                                    "signInWithCustomToken() with it, then send "
                                    "user.getIdToken()'s result.") },
  [JD_KIND_GOOGLE_ID] = { "google-id", N_ ("a Google Sign-In ID token"),
                          N_ ("Firebase-backed APIs verify Firebase ID tokens: sign in to Firebase "
                              "with the Google credential (signInWithCredential("
                              "GoogleAuthProvider.credential(idToken))) and send "
                              "user.getIdToken()'s result.") },
  [JD_KIND_LOGOUT] = { "logout", N_ ("an OpenID Connect back-channel logout token"),
                       N_ ("Logout tokens go only to the client's back-channel logout URI; send "
                           "the API an access token.") },
  [JD_KIND_OPAQUE] = { "opaque", N_ ("an opaque token"), NULL },
  [JD_KIND_NO_TOKEN] = { "no-token", N_ ("no token"), NULL },
};

const char *
jd_kind_to_string (JdKind kind)
{
  g_return_val_if_fail (kind < JD_KIND_N, "unknown");
  return kind_texts[kind].name;
}

const JdTextRow *
jd_token_kinds_text_rows (guint *n_rows)
{
  *n_rows = G_N_ELEMENTS (text_rows);
  return text_rows;
}

const JdSignalRow *
jd_token_kinds_signal_rows (guint *n_rows)
{
  *n_rows = G_N_ELEMENTS (signal_rows);
  return signal_rows;
}

const JdKindFixRow *
jd_token_kinds_fix_rows (guint *n_rows)
{
  *n_rows = G_N_ELEMENTS (fix_rows);
  return fix_rows;
}

/* ---- matching text rows ------------------------------------------------- */

static gboolean
is_opaque_char (char c)
{
  /* RFC 6750 §2.1 b64token, without the dot (a dot means JWT-like segments). */
  return g_ascii_isalnum (c) || c == '-' || c == '_' || c == '~' || c == '+' || c == '/'
         || c == '=';
}

static gboolean
text_row_matches (const JdTextRow *row, const char *text, gsize len)
{
  if (len < row->min_len || (row->max_len != 0 && len > row->max_len))
    return FALSE;

  switch (row->match)
    {
      case JD_TEXT_EXACT_CI:
        return g_ascii_strcasecmp (text, row->pattern) == 0;
      case JD_TEXT_PREFIX:
        return g_str_has_prefix (text, row->pattern) && strpbrk (text, " \t\r\n") == NULL;
      case JD_TEXT_ENCLOSED:
        return g_str_has_prefix (text, row->pattern) && g_str_has_suffix (text, row->suffix);
      case JD_TEXT_OPAQUE:
        /* "eyJ" is '{"' in base64url: a JWT cut before its first dot. */
        if (g_str_has_prefix (text, "eyJ"))
          return FALSE;
        for (gsize i = 0; i < len; i++)
          if (!is_opaque_char (text[i]))
            return FALSE;
        return TRUE;
      default:
        g_assert_not_reached ();
    }
}

const JdTextRow *
jd_token_kinds_match_text (const char *text)
{
  gsize len;

  g_return_val_if_fail (text != NULL, NULL);

  len = strlen (text);
  if (jd_input_is_jwt_shaped (text, len))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (text_rows); i++)
    if (text_row_matches (&text_rows[i], text, len))
      return &text_rows[i];
  return NULL;
}

/* ---- matching signal rows ----------------------------------------------- */

static const char *
claim_string (JsonObject *claims, const char *name)
{
  JsonNode *node = json_object_get_member (claims, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* aud as one string: a string, or an array of exactly one string. */
static const char *
single_audience (JsonObject *claims)
{
  JsonNode *node = json_object_get_member (claims, "aud");

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node)
      && json_array_get_length (json_node_get_array (node)) == 1)
    node = json_array_get_element (json_node_get_array (node), 0);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
audience_holds (JsonObject *claims, const char *value)
{
  JsonNode *node = json_object_get_member (claims, "aud");
  JsonArray *array;

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node))
    return g_strcmp0 (json_node_get_string (node), value) == 0;
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *e = json_array_get_element (array, i);
      if (JSON_NODE_HOLDS_VALUE (e) && g_strcmp0 (json_node_get_string (e), value) == 0)
        return TRUE;
    }
  return FALSE;
}

/* A client id (Auth0, Cognito, Okta, Entra GUID, Google's
 * ….apps.googleusercontent.com), not an API identifier (a URL, api://…). */
static gboolean
looks_like_client_id (const char *aud)
{
  if (g_str_has_suffix (aud, ".apps.googleusercontent.com"))
    return TRUE;
  return strlen (aud) >= 8 && strpbrk (aud, ":/ ") == NULL;
}

static gboolean
typ_is (const char *typ, const char *want)
{
  if (typ == NULL)
    return FALSE;
  if (g_ascii_strncasecmp (typ, "application/", 12) == 0)
    typ += 12;
  return g_ascii_strcasecmp (typ, want) == 0;
}

static gboolean
iss_is_host (const char *iss, const char *host)
{
  if (iss == NULL)
    return FALSE;
  if (g_str_has_prefix (iss, "https://"))
    iss += 8;
  return g_str_equal (iss, host);
}

gboolean
jd_token_kinds_signal_holds (const JdSignalRow *row, JdToken *token, const JdExpectations *expect)
{
  JsonObject *claims = jd_token_get_claims (token);
  JsonNode *node;
  const char *aud;

  if (row->test == JD_SIGNAL_HEADER_TYP)
    return typ_is (jd_token_get_typ (token), row->value);
  if (claims == NULL)
    return FALSE;

  switch (row->test)
    {
      case JD_SIGNAL_CLAIM_PRESENT:
        return json_object_has_member (claims, row->member);
      case JD_SIGNAL_CLAIM_EQUALS:
        return g_strcmp0 (claim_string (claims, row->member), row->value) == 0;
      case JD_SIGNAL_EVENTS_HAS:
        node = json_object_get_member (claims, "events");
        return node != NULL && JSON_NODE_HOLDS_OBJECT (node)
               && json_object_has_member (json_node_get_object (node), row->value);
      case JD_SIGNAL_AUD_IS_AZP:
        aud = single_audience (claims);
        return aud != NULL && g_strcmp0 (aud, claim_string (claims, "azp")) == 0;
      case JD_SIGNAL_AZP_NOT_AUD:
        return claim_string (claims, "azp") != NULL && json_object_has_member (claims, "aud")
               && !audience_holds (claims, claim_string (claims, "azp"));
      case JD_SIGNAL_AUD_IS_CLIENT:
        aud = single_audience (claims);
        return expect != NULL && expect->audience != NULL && *expect->audience != '\0'
               && aud != NULL && !g_str_equal (aud, expect->audience) && looks_like_client_id (aud);
      case JD_SIGNAL_NO_SCOPE:
        {
          static const char *const scope_claims[]
            = { "scope", "scp", "roles", "permissions", "client_id", "cid" };
          for (guint i = 0; i < G_N_ELEMENTS (scope_claims); i++)
            if (json_object_has_member (claims, scope_claims[i]))
              return FALSE;
          return TRUE;
        }
      case JD_SIGNAL_ISS_NOT_EXPECTED_FIREBASE:
        return expect != NULL && expect->issuer != NULL
               && g_str_has_prefix (expect->issuer, "https://securetoken.google.com/")
               && iss_is_host (claim_string (claims, "iss"), row->value);
      case JD_SIGNAL_HEADER_TYP:
      default:
        g_assert_not_reached ();
    }
}

JdKind
jd_token_kinds_classify (JdToken *token, const JdExpectations *expect, char **evidence)
{
  int score[JD_KIND_N] = { 0 };
  gboolean decisive[JD_KIND_N] = { FALSE };
  gboolean held[G_N_ELEMENTS (signal_rows)] = { FALSE };
  JdKind best = JD_KIND_UNKNOWN;
  guint reached = 0, decided = 0;

  g_return_val_if_fail (JD_IS_TOKEN (token), JD_KIND_UNKNOWN);

  if (evidence)
    *evidence = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (signal_rows); i++)
    if ((held[i] = jd_token_kinds_signal_holds (&signal_rows[i], token, expect)))
      {
        score[signal_rows[i].kind] += signal_rows[i].weight;
        decisive[signal_rows[i].kind] |= signal_rows[i].weight >= JD_TOKEN_KIND_THRESHOLD;
      }

  for (JdKind k = JD_KIND_ACCESS; k < JD_KIND_N; k++)
    if (score[k] >= JD_TOKEN_KIND_THRESHOLD)
      {
        reached++;
        decided += decisive[k];
        if (best == JD_KIND_UNKNOWN || (decisive[k] && !decisive[best])
            || (decisive[k] == decisive[best] && score[k] > score[best]))
          best = k;
      }
  /* Two kinds with equal standing: the evidence contradicts itself. */
  if (reached > 1 && (decided == 0 || decided > 1))
    return JD_KIND_UNKNOWN;

  if (best != JD_KIND_UNKNOWN && evidence)
    {
      g_autoptr (GString) s = g_string_new (NULL);
      for (guint i = 0; i < G_N_ELEMENTS (signal_rows); i++)
        if (held[i] && signal_rows[i].kind == best && signal_rows[i].weight > 0)
          g_string_append_printf (s, "%s%s", s->len ? "; " : "", _ (signal_rows[i].evidence));
      *evidence = g_string_free (g_steal_pointer (&s), FALSE);
    }
  return best;
}

/* ---- findings ----------------------------------------------------------- */

static gboolean
is_wrong_kind (JdKind kind, JdExpectedKind expected)
{
  switch (kind)
    {
      case JD_KIND_ACCESS:
        return expected == JD_EXPECT_ID_TOKEN;
      case JD_KIND_ID:
        return expected == JD_EXPECT_ACCESS_TOKEN;
      case JD_KIND_REFRESH:
      case JD_KIND_FIREBASE_CUSTOM:
      case JD_KIND_GOOGLE_ID:
      case JD_KIND_LOGOUT:
      case JD_KIND_OPAQUE:
      case JD_KIND_NO_TOKEN:
        return TRUE;
      case JD_KIND_UNKNOWN:
      case JD_KIND_N:
      default:
        return FALSE;
    }
}

/* The base fix for @kind, and the issuer's own words when a row knows it. */
static char *
fix_for_kind (JdKind kind, JdToken *token)
{
  JsonObject *claims = jd_token_get_claims (token);
  const char *iss = claims ? claim_string (claims, "iss") : NULL;
  GString *fix = g_string_new (_ (kind_texts[kind].fix));

  for (guint i = 0; iss != NULL && i < G_N_ELEMENTS (fix_rows); i++)
    if (fix_rows[i].kind == kind && strstr (iss, fix_rows[i].issuer_part) != NULL)
      {
        g_string_append_printf (fix, " %s", _ (fix_rows[i].fix));
        break;
      }
  return g_string_free (fix, FALSE);
}

static gboolean
check_text (GPtrArray *out, JdToken *token, GPtrArray *paste_findings)
{
  const char *text = jd_token_get_text (token);
  const JdTextRow *row;
  g_autofree char *msg = NULL;

  /* An empty token after "Bearer" or "Authorization:": jd-input already
   * said so (no-token); nothing more to say about the decoding. */
  if (*text == '\0')
    return paste_findings != NULL && jd_findings_has (paste_findings, JD_FINDING_NO_TOKEN);

  if ((row = jd_token_kinds_match_text (text)) == NULL)
    return FALSE;

  if (row->kind == JD_KIND_NO_TOKEN)
    {
      /* A literal is not a secret: quoting it is what helps. */
      g_autofree char *shown = g_utf8_make_valid (text, MIN (strlen (text), 64));
      msg = g_strdup_printf (_ ("The token sent is the text \"%s\" — %s. The client had no token "
                                "to send."),
                             shown, _ (row->what));
      jd_findings_add (out, JD_FINDING_NO_TOKEN, JD_SEVERITY_ERROR, JD_RANK_MALFORMED, NULL, msg,
                       _ (row->fix));
      return TRUE;
    }

  /* Never the token: only the row's documented prefix and the length. */
  if (row->match == JD_TEXT_PREFIX)
    msg
      = g_strdup_printf (_ ("This is not a JWT: its shape (\"%s…\", %zu characters) is that of %s"),
                         row->pattern, strlen (text), _ (row->what));
  else
    msg = g_strdup_printf (_ ("This is not a JWT: %zu characters without dots, %s"), strlen (text),
                           _ (row->what));
  jd_findings_add (out, JD_FINDING_WRONG_TOKEN_KIND, JD_SEVERITY_ERROR, JD_RANK_AUDIENCE, NULL, msg,
                   _ (row->fix));
  return TRUE;
}

/* What the API wants, in its issuer's words where the expected issuer
 * says which token that is: one row per issuer whose APIs take one token. */
static const struct
{
  const char *issuer_prefix;
  const char *wanted; /* translatable */
} wanted_rows[] = {
  { "https://securetoken.google.com/", N_ ("a Firebase ID token") },
};

static const char *
wanted_text (const JdExpectations *expect, JdExpectedKind expected)
{
  for (guint i = 0; expect != NULL && expect->issuer != NULL && i < G_N_ELEMENTS (wanted_rows); i++)
    if (g_str_has_prefix (expect->issuer, wanted_rows[i].issuer_prefix))
      return _ (wanted_rows[i].wanted);
  return expected == JD_EXPECT_ID_TOKEN ? _ ("an ID token") : _ ("an access token");
}

gboolean
jd_token_kinds_check (GPtrArray *out, JdToken *token, GPtrArray *paste_findings,
                      const JdExpectations *expect)
{
  g_autofree char *evidence = NULL;
  g_autofree char *msg = NULL;
  g_autofree char *fix = NULL;
  JdExpectedKind expected = expect ? expect->token_kind : JD_EXPECT_ACCESS_TOKEN;
  JdKind kind;

  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (JD_IS_TOKEN (token), FALSE);

  if (jd_token_get_kind (token) != JD_TOKEN_KIND_JWS
      && jd_token_get_kind (token) != JD_TOKEN_KIND_UNSECURED)
    return jd_token_get_kind (token) != JD_TOKEN_KIND_JWE
           && check_text (out, token, paste_findings);

  kind = jd_token_kinds_classify (token, expect, &evidence);
  if (!is_wrong_kind (kind, expected))
    return FALSE;

  msg = g_strdup_printf (_ ("This is %s, not %s: %s."), _ (kind_texts[kind].what),
                         wanted_text (expect, expected), evidence);
  fix = fix_for_kind (kind, token);
  jd_findings_add (out, JD_FINDING_WRONG_TOKEN_KIND, JD_SEVERITY_ERROR, JD_RANK_AUDIENCE, NULL, msg,
                   fix);
  return FALSE;
}
