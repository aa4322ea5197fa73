/* jd-token-endpoint.h — OAuth token endpoint requests and answers, as data
 *
 * Builds the POST a grant sends (RFC 6749 §4.1.3, §4.4, §6; RFC 8628 §3.1,
 * §3.4; RFC 7636 PKCE; RFC 7523 client assertions; RFC 8707 resource), the
 * authorization URL of the code flow, and reads the answers. No sockets:
 * src/net sends what this builds. Secrets, codes and tokens are wiped from
 * memory when a JdTokenGrant or JdTokenAnswer is freed, and never logged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "jd-request.h"

G_BEGIN_DECLS

#define JD_TOKEN_ENDPOINT_ERROR (jd_token_endpoint_error_quark ())
GQuark jd_token_endpoint_error_quark (void);

typedef enum
{
  JD_TOKEN_ENDPOINT_ERROR_MISSING, /* a parameter the grant needs is missing: the message names it
                                    */
  JD_TOKEN_ENDPOINT_ERROR_ANSWER,  /* the answer is not a usable JSON object */
} JdTokenEndpointError;

typedef enum
{
  JD_GRANT_CLIENT_CREDENTIALS, /* RFC 6749 §4.4 */
  JD_GRANT_REFRESH_TOKEN,      /* RFC 6749 §6 */
  JD_GRANT_AUTHORIZATION_CODE, /* RFC 6749 §4.1 with PKCE (RFC 7636), loopback redirect (RFC 8252
                                  §7.3) */
  JD_GRANT_DEVICE_CODE,        /* RFC 8628 */
} JdGrantType;

typedef enum
{
  JD_CLIENT_AUTH_BASIC,           /* client_secret_basic: Authorization: Basic (RFC 6749 §2.3.1) */
  JD_CLIENT_AUTH_POST,            /* client_secret_post: client_id and client_secret in the body */
  JD_CLIENT_AUTH_PRIVATE_KEY_JWT, /* client_assertion signed with the client's key (RFC 7523 §2.2)
                                   */
  JD_CLIENT_AUTH_NONE,            /* a public client: client_id in the body only */
} JdClientAuth;

/* "client_credentials" (also "client-credentials"), "refresh_token",
 * "authorization_code" (also "pkce", "code"), "device_code" (also
 * "device"); FALSE for anything else. */
gboolean jd_grant_type_from_string (const char *text, JdGrantType *out);
/* The grant_type value sent: "client_credentials", …,
 * "urn:ietf:params:oauth:grant-type:device_code". */
const char *jd_grant_type_to_string (JdGrantType grant);
/* "basic", "post", "private_key_jwt", "none" (also the RFC 7591 names
 * "client_secret_basic", "client_secret_post"). */
gboolean jd_client_auth_from_string (const char *text, JdClientAuth *out);

typedef struct
{
  JdGrantType grant;
  JdClientAuth auth;
  char *token_endpoint;
  char *authorization_endpoint; /* the code flow; nullable: from discovery */
  char *device_endpoint;        /* device_authorization_endpoint; nullable: from discovery */
  char *client_id;
  char *client_secret;    /* secret: wiped on free */
  char *client_assertion; /* private_key_jwt: the signed assertion; wiped on free */
  char *refresh_token;    /* secret */
  char *code;             /* secret: the authorization code */
  char *code_verifier;    /* secret: PKCE */
  char *redirect_uri;
  char *device_code; /* secret */
  char *scope;
  char *audience; /* Auth0 */
  char *resource; /* RFC 8707, Entra ID v1 */
} JdTokenGrant;

JdTokenGrant *jd_token_grant_new (JdGrantType grant);
JdTokenGrant *jd_token_grant_copy (const JdTokenGrant *grant);
void jd_token_grant_free (JdTokenGrant *grant);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdTokenGrant, jd_token_grant_free)

/* The token request: POST token_endpoint, form-encoded, Accept JSON, with
 * the client authentication @grant->auth asks for. Fails
 * (JD_TOKEN_ENDPOINT_ERROR_MISSING) naming what is missing.
 * Returns: (transfer full) */
JdRequest *jd_token_grant_build_request (const JdTokenGrant *grant, GError **error);
/* RFC 8628 §3.1: POST @device_endpoint with client_id, scope, audience,
 * resource (and the client's authentication when it has a secret). */
JdRequest *jd_token_grant_build_device_request (const JdTokenGrant *grant,
                                                const char *device_endpoint, GError **error);
/* RFC 6749 §4.1.1 + RFC 7636 §4.3: the URL the browser opens, with
 * response_type=code, client_id, redirect_uri, scope, state,
 * code_challenge (S256 of grant->code_verifier), audience, resource.
 * Returns: (transfer full) */
char *jd_token_grant_build_authorize_url (const JdTokenGrant *grant,
                                          const char *authorization_endpoint, const char *state,
                                          GError **error);

/* RFC 7636 §4.1: 43 characters of base64url from 32 random bytes. Also
 * used for the state parameter. Returns: (transfer full) */
char *jd_pkce_verifier_new (void);
/* RFC 7636 §4.2: BASE64URL(SHA256(ASCII(verifier))). Returns: (transfer full) */
char *jd_pkce_challenge_s256 (const char *verifier);

/* A token endpoint's answer: the tokens, or the error (RFC 6749 §5.1, §5.2).
 * Okta's errorCode / errorSummary fill error / error_description when the
 * OAuth members are absent. */
typedef struct
{
  guint status;
  char *access_token;  /* secret */
  char *id_token;      /* secret */
  char *refresh_token; /* secret */
  char *token_type;
  char *scope;
  gint64 expires_in; /* seconds, -1: not given */
  char *error;
  char *error_description;
  char *error_uri;
  /* RFC 8628 §3.2 (device authorization answers only) */
  char *device_code; /* secret */
  char *user_code;
  char *verification_uri;
  char *verification_uri_complete;
  gint64 interval; /* seconds, -1: not given */
} JdTokenAnswer;

/* Reads @body (nullable). A body that is not a JSON object fails
 * (JD_TOKEN_ENDPOINT_ERROR_ANSWER) saying where, with the status. */
JdTokenAnswer *jd_token_answer_parse (guint status, GBytes *body, GError **error);
void jd_token_answer_free (JdTokenAnswer *answer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdTokenAnswer, jd_token_answer_free)

/* TRUE for a 2xx answer that holds an access token. */
gboolean jd_token_answer_has_token (const JdTokenAnswer *answer);
/* The explanation of an error answer (jd_token_error_explain), or of a
 * 2xx answer without access_token. Returns: (transfer full) */
char *jd_token_answer_explain (const JdTokenAnswer *answer, char **fix);

G_END_DECLS
