/* jd-har-entry.h — one request of an HTTP Archive, read for its token
 *
 * A JdHarEntry keeps what the reader (jd-har-reader.c) found in one item of
 * log.entries: method, URL, status, times, headers, the bearer token and
 * where it came from, and where its bodies are in the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "jd-diagnosis.h"
#include "jd-request.h"

G_BEGIN_DECLS

/* Where an entry's bearer token came from. */
typedef enum
{
  JD_HAR_TOKEN_SOURCE_NONE,
  JD_HAR_TOKEN_SOURCE_AUTHORIZATION, /* Authorization: Bearer … */
  JD_HAR_TOKEN_SOURCE_QUERY,         /* an access_token query parameter (RFC 6750 §2.3) */
  JD_HAR_TOKEN_SOURCE_COOKIE,        /* a cookie whose value is a JWT */
} JdHarTokenSource;

#define JD_TYPE_HAR_ENTRY (jd_har_entry_get_type ())
G_DECLARE_FINAL_TYPE (JdHarEntry, jd_har_entry, JD, HAR_ENTRY, GObject)

/* Properties (read-only): "index" guint, "method", "url", "path" (path and
 * query, with an access_token value elided), "status" guint, "status-text",
 * "has-token" gboolean, "token-source" (JdHarTokenSource as guint),
 * "token-source-label", "started" double (unix seconds, 0 when unknown),
 * "started-iso" (nullable), "time-ms" double, "is-auth-failure" gboolean
 * (status 401 or 403). */
guint jd_har_entry_get_index (JdHarEntry *self); /* position in log.entries */
const char *jd_har_entry_get_method (JdHarEntry *self);
const char *jd_har_entry_get_url (JdHarEntry *self);
const char *jd_har_entry_get_path (JdHarEntry *self);
guint jd_har_entry_get_status (JdHarEntry *self); /* 0: blocked or aborted */
const char *jd_har_entry_get_status_text (JdHarEntry *self);
const char *jd_har_entry_get_http_version (JdHarEntry *self); /* nullable */
gboolean jd_har_entry_has_started (JdHarEntry *self);
double jd_har_entry_get_started (JdHarEntry *self);          /* unix seconds with fraction */
gint64 jd_har_entry_get_started_unix (JdHarEntry *self);     /* whole seconds (floor) */
const char *jd_har_entry_get_started_iso (JdHarEntry *self); /* as written in the file, nullable */
double jd_har_entry_get_time_ms (JdHarEntry *self);          /* total time, -1 when unknown */
gboolean jd_har_entry_is_auth_failure (JdHarEntry *self);

/* The bearer token: nullable; SECRET — show it only where the user asked. */
gboolean jd_har_entry_has_token (JdHarEntry *self);
const char *jd_har_entry_get_token (JdHarEntry *self);
JdHarTokenSource jd_har_entry_get_token_source (JdHarEntry *self);
/* The cookie's or query parameter's name, nullable. */
const char *jd_har_entry_get_token_name (JdHarEntry *self);
/* Translated: "Authorization header", "access_token query parameter",
 * "cookie “session”"; NULL when there is no token. */
const char *jd_har_entry_get_token_source_label (JdHarEntry *self);
/* The raw Authorization header value, nullable. */
const char *jd_har_entry_get_authorization (JdHarEntry *self);

/* Headers in file order, pseudo-headers (":authority", …) left out. */
const JdHeader *jd_har_entry_get_request_headers (JdHarEntry *self, guint *n_headers);
const JdHeader *jd_har_entry_get_response_headers (JdHarEntry *self, guint *n_headers);
/* First header of that name (case-insensitive), nullable. */
const char *jd_har_entry_get_request_header (JdHarEntry *self, const char *name);
const char *jd_har_entry_get_response_header (JdHarEntry *self, const char *name);
/* Every WWW-Authenticate value, raw, in order (transfer full; empty
 * array when there is none). */
char **jd_har_entry_dup_www_authenticate (JdHarEntry *self);

/* Bodies, decoded from the file on demand (base64 content.encoding
 * honoured); NULL when the HAR holds none. */
GBytes *jd_har_entry_dup_request_body (JdHarEntry *self);
GBytes *jd_har_entry_dup_response_body (JdHarEntry *self);
const char *jd_har_entry_get_request_mime_type (JdHarEntry *self);  /* nullable */
const char *jd_har_entry_get_response_mime_type (JdHarEntry *self); /* nullable */

/* The entry as the request model (new objects each call). */
JdRequest *jd_har_entry_dup_request (JdHarEntry *self);
/* NULL for status 0 (no response was received). */
JdResponse *jd_har_entry_dup_response (JdHarEntry *self);

/* jd-har-no-token.c: an OPTIONS request with Access-Control-Request-Method. */
gboolean jd_har_entry_is_cors_preflight (JdHarEntry *self);
/* For a 401/403 entry without a token: cors-preflight-rejected for a
 * preflight, the Authorization header's problems, or no-token. NULL for an
 * entry with a token or one that did not fail.
 * Returns: (transfer full) (element-type JdFinding) (nullable) */
GPtrArray *jd_har_entry_diagnose_no_token (JdHarEntry *self);

/* Every finding for the entry's token and its response, sorted with
 * jd_finding_compare(): jd_diagnose() (with the Authorization header as the
 * paste, so "Bearer Bearer …" is named) merged with jd_response_diagnose().
 * @expect (nullable): defaults; when @at_entry_time is TRUE and the entry
 * has a startedDateTime, time claims are judged at that instant (whole
 * seconds) instead of expect->now. The server's Date is always compared
 * with the startedDateTime (jd_response_diagnose_sent()), never with
 * expect->now; without a startedDateTime the clocks are not compared.
 * @verification (nullable) as for jd_diagnose(). For an entry without a
 * token: jd_har_entry_diagnose_no_token().
 * Returns: (transfer full) (element-type JdFinding) (nullable) */
GPtrArray *jd_har_entry_diagnose (JdHarEntry *self, const JdExpectations *expect,
                                  gboolean at_entry_time, JdVerifyResult *verification);

/* What the entry's response alone says of its token
 * (jd_response_diagnose_sent()), the server's Date compared with the
 * startedDateTime. NULL for an entry without a token or a response.
 * Returns: (transfer full) (element-type JdFinding) (nullable) */
GPtrArray *jd_har_entry_diagnose_response (JdHarEntry *self, const JdExpectations *expect);

/* "har:INDEX", the CLI's "source" (transfer full). */
char *jd_har_entry_dup_source (JdHarEntry *self);

/* GCompareDataFunc: 401 and 403 first, then the rest; file order within. */
int jd_har_entry_compare_failing_first (gconstpointer a, gconstpointer b, gpointer user_data);
/* For a search field: TRUE when @text (case-insensitive, may be empty)
 * occurs in the method, URL or status, and @status is 0 or equal to the
 * entry's status, or a class (400 means 4xx). */
gboolean jd_har_entry_matches (JdHarEntry *self, const char *text, guint status);
G_END_DECLS
