/* idp-server.h — a SoupServer on 127.0.0.1 playing an identity provider, in
 * a thread of its own: OIDC discovery, a token endpoint for each grant, a
 * device authorization endpoint, an authorization endpoint a test drives
 * instead of a browser, and another origin that counts what reaches it.
 * Used by test-net-token (the async and sync API), test-cli-fresh (a
 * process) and test-fresh-token-ui (the window); /api is an API that
 * accepts only the last token issued, 401 for any other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

typedef struct _Idp Idp;

typedef enum
{
  IDP_TOKEN_OK,       /* the grant decides */
  IDP_TOKEN_ERROR,    /* answer error / error_description (Okta's errorCode for E0…) */
  IDP_TOKEN_SLOW,     /* answer after 3 seconds */
  IDP_TOKEN_HANG,     /* never answer */
  IDP_TOKEN_REDIRECT, /* 307 to the other origin */
  IDP_TOKEN_HTML,     /* 200 with an HTML page */
} IdpTokenMode;

Idp *idp_new (void);
void idp_free (Idp *idp);
const char *idp_issuer (Idp *idp); /* http://127.0.0.1:PORT (no trailing slash) */
void idp_set_token_mode (Idp *idp, IdpTokenMode mode, const char *error, const char *description);
/* The device flow: this many authorization_pending, then slow_down, answers
 * before the token; @expired: answer expired_token instead of the token. */
void idp_set_device (Idp *idp, guint pending, guint slow_down, gboolean expired);
/* The device code's expires_in (default 60 seconds). */
void idp_set_device_expires_in (Idp *idp, guint seconds);
/* The authorization endpoint redirects with error=@error instead of a code. */
void idp_set_authorize_error (Idp *idp, const char *error);
guint idp_token_requests (Idp *idp);
guint idp_other_requests (Idp *idp); /* requests that reached the other origin */
/* The last token request's form value @name, or its Authorization header
 * for "Authorization". Returns: (transfer full) (nullable) */
char *idp_last (Idp *idp, const char *name);
/* @text in base64url without padding, for the tokens the tests make. */
char *idp_b64url (const char *text);
/* The audience and issuer of the tokens it issues: idp_issuer() and
 * "https://api.example/". */
#define IDP_AUDIENCE "https://api.example/"
#define IDP_CLIENT_ID "app"
#define IDP_CLIENT_SECRET "s3cr&t"
#define IDP_REFRESH_TOKEN "rt-good"
#define IDP_USER_CODE "WDJB-MJHT"
