/* jd-net.h — the only code that opens sockets
 *
 * Send a JdRequest, fetch a JWKS by URL, OIDC discovery from a token's iss.
 * Only an explicit user action (Send, Fetch keys, Discover) or an explicit
 * CLI option (--request, --jwks URL, --discover) calls into this file.
 *
 * Every operation is asynchronous (GTask; the GCancellable is honoured) and
 * has a synchronous twin that runs it on a private GMainContext, for the CLI.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "jd-diagnosis.h"
#include "jd-finding.h"
#include "jd-keys.h"
#include "jd-request.h"
#include "jd-token.h"

G_BEGIN_DECLS

#define JD_NET_ERROR (jd_net_error_quark ())
GQuark jd_net_error_quark (void);

typedef enum
{
  JD_NET_ERROR_URL,       /* not an http(s) URL */
  JD_NET_ERROR_TIMEOUT,   /* no complete answer within the timeout */
  JD_NET_ERROR_TLS,       /* the certificate was refused: the message says why, in words */
  JD_NET_ERROR_CONNECT,   /* name resolution, connection refused, reset, … */
  JD_NET_ERROR_REDIRECT,  /* too many redirects, or a redirect to a non-HTTP URL */
  JD_NET_ERROR_HTTP,      /* an answer, but not the one needed (JWKS / discovery: not 2xx) */
  JD_NET_ERROR_TOO_LARGE, /* a JWKS or discovery document larger than the size cap */
  JD_NET_ERROR_DISCOVERY, /* the discovery document is not usable (no jwks_uri, not JSON, …) */
  JD_NET_ERROR_KEYS,      /* the JWKS did not load (the message holds the key loader's words) */
  JD_NET_ERROR_HEADER,    /* a header that cannot be sent (bad name, line break in the value) */
  JD_NET_ERROR_AUTHORIZATION, /* Get a Fresh Token: a grant that could not finish (state, expiry, …)
                               */
} JdNetError;

#define JD_NET_DEFAULT_TIMEOUT 30                  /* seconds */
#define JD_NET_DEFAULT_MAX_BODY (10 * 1024 * 1024) /* bytes */
#define JD_NET_MAX_REDIRECTS 10

typedef enum
{
  JD_NET_FLAGS_NONE = 0,
  /* Accept a certificate the system does not trust, for this one request.
   * Never a default; the response notes what was accepted. */
  JD_NET_ACCEPT_INVALID_CERTIFICATE = 1 << 0,
  /* Do not follow redirects: answer with the 3xx itself. */
  JD_NET_NO_REDIRECTS = 1 << 1,
} JdNetFlags;

typedef struct
{
  guint timeout;  /* seconds for the whole exchange; 0: JD_NET_DEFAULT_TIMEOUT */
  gsize max_body; /* bytes kept of the body; 0: JD_NET_DEFAULT_MAX_BODY; the rest is dropped */
  JdNetFlags flags;
} JdNetOptions;

/* ------------------------------------------------------------------ */
/* Send a request                                                      */

/* Sends @request as it is (method, URL, headers, body). Redirects are
 * followed (up to JD_NET_MAX_REDIRECTS) but Authorization, Cookie and
 * Proxy-Authorization are never sent to an origin other than the
 * request's own. The JdResponse holds the final answer's status, headers,
 * at most options->max_body bytes of body (marked truncated when more
 * came), and the elapsed time. @options may be NULL (defaults). */
void jd_net_send_async (JdRequest *request, const JdNetOptions *options, GCancellable *cancellable,
                        GAsyncReadyCallback callback, gpointer user_data);
JdResponse *jd_net_send_finish (GAsyncResult *result, GError **error);
JdResponse *jd_net_send (JdRequest *request, const JdNetOptions *options, GCancellable *cancellable,
                         GError **error);

/* For the CLI's --request URL [-X METHOD] [-H 'Name: value']…: a request
 * for @url with @method (NULL: GET) and @headers ("Name: value" each,
 * nullable), carrying @token (nullable) as "Authorization: Bearer …" unless
 * a header already sets Authorization. Fails (JD_NET_ERROR_URL or
 * JD_NET_ERROR_HEADER) with a message naming the bad argument. */
JdRequest *jd_net_request_new_from_args (const char *url, const char *method,
                                         const char *const *headers, const char *token,
                                         GError **error);

/* jd_response_diagnose() plus what the exchange itself showed:
 *  authorization-withheld (warning): a redirect to another origin, where
 *    the token was not sent, gave the final answer;
 *  certificate-accepted (warning): an invalid certificate was accepted
 *    for this request;
 *  response-truncated (info): the body was cut at the size cap.
 * Returns: (transfer full) (element-type JdFinding), sorted. */
GPtrArray *jd_net_response_diagnose (JdResponse *response, JdToken *token,
                                     const JdExpectations *expect);

#define JD_FINDING_AUTHORIZATION_WITHHELD "authorization-withheld"
#define JD_FINDING_CERTIFICATE_ACCEPTED "certificate-accepted"
#define JD_FINDING_RESPONSE_TRUNCATED "response-truncated"

/* What jd_net_send() learned on the way, attached to the response it
 * returned (NULL for a response that did not come from jd_net_send()). */
const char *jd_net_response_get_url (JdResponse *response); /* the final URL, after redirects */
/* (transfer none) (element-type utf8): every URL that answered with a redirect, in order */
GPtrArray *jd_net_response_get_redirects (JdResponse *response);
/* The URL of another origin the Authorization header was withheld from, or NULL. */
const char *jd_net_response_get_authorization_withheld (JdResponse *response);
/* When JD_NET_ACCEPT_INVALID_CERTIFICATE let a bad certificate through:
 * what was wrong with it, in words; NULL otherwise. */
const char *jd_net_response_get_accepted_certificate_problem (JdResponse *response);

/* "is not signed by an authority this computer trusts (self-signed or a
 * private CA); is for another host name" — translated; never NULL. */
char *jd_net_describe_certificate_problem (GTlsCertificateFlags flags);

/* ------------------------------------------------------------------ */
/* HTTP caching of a key set                                           */

/* How long a verifier that honours HTTP caching keeps this response:
 * Cache-Control no-store / no-cache / max-age minus Age, else Expires
 * minus Date. Returns the seconds, or -1 when the response says nothing.
 * @explanation (optional, transfer full): "Cache-Control: max-age=600: a
 * verifier that caches this key set will not see a new key for up to 10
 * minutes." */
gint64 jd_net_cache_lifetime (JdResponse *response, gint64 now, char **explanation);

/* ------------------------------------------------------------------ */
/* Keys from the network                                               */

#define JD_TYPE_REMOTE_KEYS (jd_remote_keys_get_type ())
G_DECLARE_FINAL_TYPE (JdRemoteKeys, jd_remote_keys, JD, REMOTE_KEYS, GObject)

JdKeySet *jd_remote_keys_get_key_set (JdRemoteKeys *self);
const char *jd_remote_keys_get_jwks_uri (JdRemoteKeys *self);
/* Set when the keys came through discovery, NULL otherwise. */
const char *jd_remote_keys_get_issuer (JdRemoteKeys *self);
const char *jd_remote_keys_get_discovery_url (JdRemoteKeys *self);
/* The "issuer" member of the discovery document, nullable. */
const char *jd_remote_keys_get_discovered_issuer (JdRemoteKeys *self);
GDateTime *jd_remote_keys_get_fetched_at (JdRemoteKeys *self);
gint64 jd_remote_keys_get_cache_lifetime (JdRemoteKeys *self); /* seconds, -1 unknown */
const char *jd_remote_keys_get_cache_explanation (JdRemoteKeys *self);
JdResponse *jd_remote_keys_get_response (JdRemoteKeys *self); /* the JWKS response */
/* Why the keys were refused and not fetched (OIDC Discovery §4.3 issuer
 * mismatch, an https-to-http jwks_uri), nullable: the key set is then
 * empty and the response is the discovery document's (jd-net-key-trust.c). */
const char *jd_remote_keys_get_refusal (JdRemoteKeys *self);

/* Findings about the fetched keys for @token (nullable):
 *  jwks-fetched (info): when, from where, and the HTTP cache lifetime;
 *  discovery-issuer-mismatch (warning): the document's issuer is not iss;
 *  azure-appid-discovery (info): the token's kid is not in the set, the
 *    issuer is Azure AD / Entra ID: apps with their own signing keys
 *    publish them only at the ?appid= discovery variant.
 * Returns: (transfer full) (element-type JdFinding) */
GPtrArray *jd_remote_keys_diagnose (JdRemoteKeys *self, JdToken *token);

#define JD_FINDING_JWKS_FETCHED "jwks-fetched"
#define JD_FINDING_DISCOVERY_ISSUER_MISMATCH "discovery-issuer-mismatch"
#define JD_FINDING_AZURE_APPID_DISCOVERY "azure-appid-discovery"

/* GET @url and load it with jd_key_set_load_data(). */
void jd_net_fetch_jwks_async (const char *url, const JdNetOptions *options,
                              GCancellable *cancellable, GAsyncReadyCallback callback,
                              gpointer user_data);
JdRemoteKeys *jd_net_fetch_jwks_finish (GAsyncResult *result, GError **error);
JdRemoteKeys *jd_net_fetch_jwks (const char *url, const JdNetOptions *options,
                                 GCancellable *cancellable, GError **error);

/* OIDC Discovery 1.0 §4: "{issuer without trailing /}/.well-known/openid-configuration".
 * Fails (JD_NET_ERROR_URL) when @issuer is not an absolute http(s) URL
 * without query or fragment. */
char *jd_net_discovery_url (const char *issuer, GError **error);
/* The Azure AD / Entra ID "?appid=" variant of the discovery URL, or NULL
 * when @issuer is not an Azure AD issuer. */
char *jd_net_azure_appid_discovery_url (const char *issuer, const char *appid);

/* GET the discovery document for @issuer, then its jwks_uri. */
void jd_net_discover_async (const char *issuer, const JdNetOptions *options,
                            GCancellable *cancellable, GAsyncReadyCallback callback,
                            gpointer user_data);
JdRemoteKeys *jd_net_discover_finish (GAsyncResult *result, GError **error);
JdRemoteKeys *jd_net_discover (const char *issuer, const JdNetOptions *options,
                               GCancellable *cancellable, GError **error);

G_END_DECLS
