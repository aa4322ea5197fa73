/* jd-net-token.h — Get a Fresh Token: the token endpoint client
 *
 * Reached only by an explicit action (the window's "Get a Fresh Token", the
 * CLI's --fresh-token). The endpoints come from the OIDC discovery document
 * of the token's iss, or are typed. Grants: client credentials (secret by
 * client_secret_basic / client_secret_post, or private_key_jwt), refresh
 * token, authorization code with PKCE through the system browser and a
 * loopback redirect on 127.0.0.1 (RFC 8252 §7.3, RFC 7636), and the device
 * authorization grant (RFC 8628).
 *
 * The token endpoint's redirects are never followed: a 3xx is an error
 * naming where it pointed, and the client secret and the body stay here.
 * A plain-http token endpoint is refused unless it is on a loopback address
 * (RFC 6749 §3.2: the secret would cross the network in clear text).
 * Secrets, codes and tokens stay in memory and are never logged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "jd-net.h"
#include "jd-token-endpoint.h"

G_BEGIN_DECLS

#define JD_NET_AUTHORIZE_TIMEOUT 600 /* seconds the loopback redirect waits for the browser */

typedef struct
{
  char *discovery_url;
  char *issuer; /* the document's "issuer", nullable */
  char *token_endpoint;
  char *authorization_endpoint;        /* nullable */
  char *device_authorization_endpoint; /* nullable */
} JdTokenEndpoints;

void jd_token_endpoints_free (JdTokenEndpoints *endpoints);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdTokenEndpoints, jd_token_endpoints_free)

/* GET the OIDC discovery document of @issuer and read its endpoints. */
void jd_net_discover_endpoints_async (const char *issuer, const JdNetOptions *options,
                                      GCancellable *cancellable, GAsyncReadyCallback callback,
                                      gpointer user_data);
JdTokenEndpoints *jd_net_discover_endpoints_finish (GAsyncResult *result, GError **error);

/* One POST to @grant->token_endpoint (or, with @device_endpoint non-NULL,
 * the device authorization request of RFC 8628 §3.1). Any JSON answer is
 * returned, an error answer too (jd_token_answer_explain() says what it
 * means); transport failures, a redirect, a plain-http endpoint off
 * loopback and a body that is not JSON are a GError. */
void jd_net_token_request_async (const JdTokenGrant *grant, const char *device_endpoint,
                                 const JdNetOptions *options, GCancellable *cancellable,
                                 GAsyncReadyCallback callback, gpointer user_data);
JdTokenAnswer *jd_net_token_request_finish (GAsyncResult *result, GError **error);

/* What a grant needs from the person: the code flow opens @url in the
 * browser (the window uses GtkUriLauncher / gtk_show_uri, the CLI prints it
 * and asks the desktop; a test drives it itself), the device flow shows
 * the user code and where to enter it. Both are called on the caller's
 * main context. */
typedef struct
{
  void (*open_uri) (const char *url, gpointer user_data);
  void (*show_code) (const JdTokenAnswer *device, gpointer user_data);
  /* private_key_jwt: a new client assertion for @token_endpoint (its aud),
   * made before each token request (each with its own jti); nullable when
   * the grant carries one already. */
  char *(*client_assertion) (const char *token_endpoint, gpointer user_data, GError **error);
  gpointer user_data;
} JdFreshTokenUi;

/* Everything "Get a Fresh Token" does: discovery of @issuer when
 * @grant->token_endpoint is NULL (also for the authorization and device
 * endpoints), then the grant: one request; or the loopback redirect, the
 * browser and the code exchange; or the device code, shown through @ui,
 * and polling (every `interval` seconds, 5 by default; slow_down adds 5;
 * authorization_pending goes on; expired_token, access_denied and any other
 * error end it). Returns the final answer, a token or an error answer. */
void jd_net_fresh_token_async (const JdTokenGrant *grant, const char *issuer,
                               const JdFreshTokenUi *ui, const JdNetOptions *options,
                               GCancellable *cancellable, GAsyncReadyCallback callback,
                               gpointer user_data);
JdTokenAnswer *jd_net_fresh_token_finish (GAsyncResult *result, GError **error);
/* The synchronous twin, for the CLI (runs a private main context). */
JdTokenAnswer *jd_net_fresh_token (const JdTokenGrant *grant, const char *issuer,
                                   const JdFreshTokenUi *ui, const JdNetOptions *options,
                                   GCancellable *cancellable, GError **error);

G_END_DECLS
