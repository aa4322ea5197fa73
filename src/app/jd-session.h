/* jd-session.h — what one window is looking at: the pasted text, its token,
 * the key set, the expectations and the diagnosis
 *
 * The pages show a session; they never compute, nor open a socket: keys
 * and requests from the network go through the session too
 * (jd-session-net.c). Text over
 * JD_SESSION_WORKER_THRESHOLD bytes is decoded in a worker thread so the
 * window keeps drawing; a newer text always wins over an older result.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "jd-diagnosis.h"
#include "jd-input.h"
#include "jd-keys.h"
#include "jd-net.h"
#include "jd-net-token.h"
#include "jd-request.h"
#include "jd-token.h"
#include "jd-verdict.h"
#include "jd-verify.h"

G_BEGIN_DECLS

#define JD_SESSION_WORKER_THRESHOLD (64 * 1024)

/* Where a part of the token sits in the session's text, in characters. */
typedef enum
{
  JD_MARK_SEGMENT, /* index: the segment (0 header, 1 payload, 2 signature, …) */
  JD_MARK_PROBLEM, /* index: into jd_token_get_problems() */
} JdMarkKind;

typedef struct
{
  JdMarkKind kind;
  guint index;
  gsize start; /* character offsets into jd_session_get_text() */
  gsize end;
} JdMark;

#define JD_TYPE_SESSION (jd_session_get_type ())
G_DECLARE_FINAL_TYPE (JdSession, jd_session, JD, SESSION, GObject)

JdSession *jd_session_new (GSettings *settings);

/* The text a person typed, pasted, dropped or opened (valid UTF-8).
 * Decodes at once, or in a worker when the text is large. */
void jd_session_set_text (JdSession *self, const char *text, gssize len);
const char *jd_session_get_text (JdSession *self);
gboolean jd_session_get_busy (JdSession *self);
/* The bytes of the analysed text (may lag behind set_text while busy). */
const char *jd_session_get_analysed_text (JdSession *self);

JdInput *jd_session_get_input (JdSession *self);     /* nullable */
JdToken *jd_session_get_token (JdSession *self);     /* nullable: no text */
GArray *jd_session_get_marks (JdSession *self);      /* (element-type JdMark) */
JdRequest *jd_session_get_request (JdSession *self); /* nullable */

/* Keys: every loaded blob plus the secret make up the key set. */
JdKeySet *jd_session_get_keys (JdSession *self);
gboolean jd_session_load_keys (JdSession *self, const char *data, gsize len, const char *source,
                               GError **error);
gboolean jd_session_set_secret (JdSession *self, const char *secret, /* nullable: none */
                                gboolean is_base64, GError **error);
/* Forgets every loaded key and the HMAC secret. */
void jd_session_clear_keys (JdSession *self);
/* What the last load did to the set ("Added 3 keys from b.json to the
 * set.", "Replaced the loaded keys with …"), nullable (translated). */
const char *jd_session_get_key_change (JdSession *self);
/* Like load_keys, but the loaded blobs are replaced by @data (a fetched
 * JWKS replaces the set; the HMAC secret stays). */
gboolean jd_session_replace_keys (JdSession *self, const char *data, gsize len, const char *source,
                                  GError **error);

JdVerifyResult *jd_session_get_verification (JdSession *self); /* nullable */
GListModel *jd_session_get_findings (JdSession *self);         /* of JdFinding */
/* Findings from elsewhere (a sent request's response: origin "response";
 * fetched keys: origin "keys") merged into the ranked findings.
 * @findings (nullable: none; element-type JdFinding) replaces what
 * @origin gave before. A new text drops the "response" findings: they
 * belonged to the old token. */
void jd_session_set_extra_findings (JdSession *self, const char *origin, GPtrArray *findings);
GSettings *jd_session_get_settings (JdSession *self); /* nullable */
/* A copy of what the diagnosis checks against. */
JdExpectations *jd_session_dup_expectations (JdSession *self);

/* The bundled example: loads its key set and returns its token text, for
 * the caller to put into the token area (which sets the session's text).
 * While the session shows that token, it is checked against the audience
 * and issuer the example was written for, not the settings.
 * Returns: (transfer full) (nullable) */
char *jd_session_load_example (JdSession *self, GError **error);
gboolean jd_session_is_example (JdSession *self);
/* TRUE when @text (a file's content) is the bundled example token, so that
 * opening data/examples/article-expired.jwt shows the whole example. */
gboolean jd_text_is_example (const char *text, gsize len);

/* The clock. 0 (the default) follows the system clock; tests and HAR
 * entries set a fixed instant. */
gint64 jd_session_get_now (JdSession *self);
void jd_session_set_now (JdSession *self, gint64 now);
/* The instant the current token's time claims are judged at, and why
 * ("when the request was sent"): it belongs to that token, so any new text
 * is judged at now again. @when 0 (or @reason NULL) judges at now. */
void jd_session_set_judged_at (JdSession *self, gint64 when, const char *reason);
/* NULL when the token is judged at now (the clock, or the fixed clock of
 * jd_session_set_now()). */
const char *jd_session_get_judged_reason (JdSession *self);

/* The verdict on the current token, rendered by the banner, the Keys page
 * and the copied report (nullable: no token). */
JdVerdict *jd_session_get_verdict (JdSession *self);

/* Re-run the diagnosis (the clock moved, the expectations changed). */
void jd_session_refresh (JdSession *self);

/* The plain-text report of the current diagnosis. */
char *jd_session_dup_report (JdSession *self);

/* ---- Keys and requests from the network (jd-session-net.c) ----------------
 * Only an explicit action (Fetch, Discover, Send) calls these. Each runs in
 * a GCancellable the session owns, one at a time (a second start while one
 * runs fails with G_IO_ERROR_PENDING); finalizing the session cancels it.
 * The timeout and size limit come from the settings. */

/* The token's "iss" when it is a string, else NULL. */
const char *jd_session_get_issuer (JdSession *self);
/* The discovery document's URL for that issuer; NULL (and @error when the
 * issuer is not a URL) otherwise. */
char *jd_session_dup_discovery_url (JdSession *self, GError **error);

/* Fetches the JWKS at @url, or discovers @issuer's keys (OIDC discovery,
 * then its jwks_uri). The fetched set replaces the loaded keys (the HMAC
 * secret stays), becomes jd_session_get_remote_keys() ("notify::remote-keys")
 * and what it says of the token is ranked with its findings (origin "keys"),
 * again for every new token. */
void jd_session_fetch_keys_async (JdSession *self, const char *url, GAsyncReadyCallback callback,
                                  gpointer user_data);
void jd_session_discover_keys_async (JdSession *self, const char *issuer,
                                     GAsyncReadyCallback callback, gpointer user_data);
/* For both. FALSE with @error: the network's error (G_IO_ERROR_CANCELLED:
 * cancelled, the loaded keys are unchanged), the refusal of a discovered
 * set (JD_NET_ERROR_DISCOVERY: its findings are kept, no key is loaded), or
 * why the answer holds no keys. */
gboolean jd_session_fetch_keys_finish (JdSession *self, GAsyncResult *result, GError **error);
gboolean jd_session_get_fetching_keys (JdSession *self);
void jd_session_cancel_keys (JdSession *self);
JdRemoteKeys *jd_session_get_remote_keys (JdSession *self); /* nullable: none fetched */
/* What the fetched set says of the token (element-type JdFinding), nullable. */
GPtrArray *jd_session_get_remote_keys_findings (JdSession *self);
/* Forgets the fetched set and its findings (the keys stay loaded). */
void jd_session_forget_remote_keys (JdSession *self);

/* Sends @request, which carries @token (nullable: none). The answer's
 * findings are ranked with the token's own (origin "response") while the
 * session still shows @token. */
void jd_session_send_async (JdSession *self, JdRequest *request, JdToken *token, JdNetFlags flags,
                            GAsyncReadyCallback callback, gpointer user_data);
/* The answer and its findings (@findings: (out) (transfer full)), or NULL
 * with @error (G_IO_ERROR_CANCELLED: cancelled). */
JdResponse *jd_session_send_finish (JdSession *self, GAsyncResult *result, GPtrArray **findings,
                                    GError **error);
gboolean jd_session_get_sending (JdSession *self);
void jd_session_cancel_send (JdSession *self);
/* What @response says with @token (nullable), with the session's
 * expectations; ranked on the Token page too while the session shows
 * @token. Returns: (transfer full) (element-type JdFinding) */
GPtrArray *jd_session_diagnose_response (JdSession *self, JdResponse *response, JdToken *token);
/* Another token (a fresh one) diagnosed with the session's expectations.
 * Returns: (transfer full) (element-type JdFinding) */
GPtrArray *jd_session_diagnose_token (JdSession *self, JdToken *token);

/* Get a Fresh Token: @grant asked of its token endpoint (src/net), with
 * @ui's callbacks for the browser, the device code and private_key_jwt.
 * @cancellable is the dialog's: closing it ends the wait. */
void jd_session_fresh_token_async (JdSession *self, const JdTokenGrant *grant, const char *issuer,
                                   const JdFreshTokenUi *ui, GCancellable *cancellable,
                                   GAsyncReadyCallback callback, gpointer user_data);
/* The endpoint's final answer (a token or an error answer), or NULL with
 * @error (G_IO_ERROR_CANCELLED: cancelled). */
JdTokenAnswer *jd_session_fresh_token_finish (JdSession *self, GAsyncResult *result,
                                              GError **error);

/* For tests: while held, a worker waits before it decodes, so a test can
 * watch the window draw with a decode pending, whatever the machine's
 * speed. Process-wide. */
void jd_session_hold_workers (gboolean hold);

G_END_DECLS
