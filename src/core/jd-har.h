/* jd-har.h — HTTP Archive (HAR 1.2 / 1.1) files, read for their tokens
 *
 * Reads HARs as Chrome, Firefox, Safari, Playwright, mitmproxy and Charles
 * write them (a UTF-8 byte order mark, Firefox BiDi {type, value} header
 * values, HTTP/2 pseudo-headers, status 0 entries, base64 bodies, missing
 * optional fields) with a streaming reader over the mapped file: a 100 MB
 * HAR never becomes a JSON tree. Bodies stay in the file until asked for.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "jd-diagnosis.h"
#include "jd-request.h"

G_BEGIN_DECLS

#define JD_HAR_ERROR (jd_har_error_quark ())
GQuark jd_har_error_quark (void);

typedef enum
{
  JD_HAR_ERROR_IO,        /* the file could not be opened or read */
  JD_HAR_ERROR_TOO_LARGE, /* the file is over the size limit */
  JD_HAR_ERROR_NOT_JSON,  /* the JSON broke before any entry could be read */
  JD_HAR_ERROR_NOT_HAR,   /* JSON, but no "log" object with an "entries" array */
} JdHarError;

/* Where an entry's bearer token came from. */
typedef enum
{
  JD_HAR_TOKEN_SOURCE_NONE,
  JD_HAR_TOKEN_SOURCE_AUTHORIZATION, /* Authorization: Bearer … */
  JD_HAR_TOKEN_SOURCE_QUERY,         /* an access_token query parameter (RFC 6750 §2.3) */
  JD_HAR_TOKEN_SOURCE_COOKIE,        /* a cookie whose value is a JWT */
} JdHarTokenSource;

/* Limits against hostile or absurd files; every one is reported with a
 * message when it is hit. */
typedef struct
{
  guint64 max_file_size;   /* bytes; default 2 GiB */
  guint max_entries;       /* default 1,000,000 */
  gsize max_string_length; /* bytes of one JSON string; default 512 MiB */
  guint max_depth;         /* nested objects and arrays; default 256 */
} JdHarLimits;

#define JD_HAR_DEFAULT_MAX_FILE_SIZE (G_GUINT64_CONSTANT (2) * 1024 * 1024 * 1024)
#define JD_HAR_DEFAULT_MAX_ENTRIES 1000000
#define JD_HAR_DEFAULT_MAX_STRING_LENGTH ((gsize)512 * 1024 * 1024)
#define JD_HAR_DEFAULT_MAX_DEPTH 256

void jd_har_limits_init (JdHarLimits *limits); /* the defaults */

/* Something that went wrong while reading; the entries before it are kept. */
typedef struct
{
  gsize offset;   /* byte offset in the file */
  guint line;     /* 1-based */
  guint column;   /* 1-based, in characters */
  int entry;      /* index in log.entries, or -1 */
  gboolean fatal; /* reading stopped here */
  char *message;  /* translated: "byte 5120 (line 180, column 9): entries[3] is a string, not an
                     object; skipped" */
} JdHarProblem;

/* ------------------------------------------------------------------ */

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

/* "har:INDEX", the CLI's "source" (transfer full). */
char *jd_har_entry_dup_source (JdHarEntry *self);

/* GCompareDataFunc: 401 and 403 first, then the rest; file order within. */
int jd_har_entry_compare_failing_first (gconstpointer a, gconstpointer b, gpointer user_data);
/* For a search field: TRUE when @text (case-insensitive, may be empty)
 * occurs in the method, URL or status, and @status is 0 or equal to the
 * entry's status, or a class (400 means 4xx). */
gboolean jd_har_entry_matches (JdHarEntry *self, const char *text, guint status);

/* ------------------------------------------------------------------ */

/* A distinct token of the HAR and how it was used. */
typedef struct
{
  char *token;       /* SECRET: the compact token */
  char *fingerprint; /* first 12 hex digits of its SHA-256: safe to show */
  JdHarTokenSource source;
  char *subject; /* "sub", nullable */
  char *kid;     /* header "kid", nullable */
  gboolean has_exp;
  gint64 exp;
  gboolean has_iat;
  gint64 iat;
  double first_used; /* unix seconds of its first request, 0 when unknown */
  double last_used;
  GPtrArray *uses; /* (element-type JdHarEntry) every request that sent it, in file order */
  GPtrArray *failed_after_exp; /* (element-type JdHarEntry) 401/403 answers to requests started at
                                  or after exp */
  guint n_used_after_exp;      /* requests (any status) started at or after exp */
} JdHarTimelineToken;

void jd_har_timeline_token_free (JdHarTimelineToken *token);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdHarTimelineToken, jd_har_timeline_token_free)

/* ------------------------------------------------------------------ */

#define JD_TYPE_HAR (jd_har_get_type ())
G_DECLARE_FINAL_TYPE (JdHar, jd_har, JD, HAR, GObject)

/* Called in the caller's main context with 0.0 … 1.0. */
typedef void (*JdHarProgressFunc) (double fraction, gpointer user_data);

/* Returns NULL with an error when nothing HAR-like could be read (the file
 * cannot be read, is over a limit, is not JSON before log.entries, has no
 * log.entries). Otherwise the HAR, with jd_har_get_problems() saying what
 * was skipped or where reading stopped. @limits nullable: the defaults. */
JdHar *jd_har_load_file (GFile *file, const JdHarLimits *limits, GCancellable *cancellable,
                         GError **error);
/* Streaming: hands each entry to @func as soon as it is read (in file
 * order, on the calling thread) and keeps none, so memory does not grow with
 * the number of entries. @func returns FALSE to stop reading there (not an
 * error). The returned HAR has no items, but its counts, creator, version,
 * problems and sanitized state are those of the whole file (up to a stop).
 * Errors as jd_har_load_file(). */
typedef gboolean (*JdHarEntryFunc) (JdHarEntry *entry, gpointer user_data);
JdHar *jd_har_load_file_streaming (GFile *file, const JdHarLimits *limits, JdHarEntryFunc func,
                                   gpointer user_data, GCancellable *cancellable, GError **error);
/* The same from memory (@bytes is kept while the HAR lives). */
JdHar *jd_har_load_bytes (GBytes *bytes, const JdHarLimits *limits, GCancellable *cancellable,
                          GError **error);
/* Reads in a worker thread. @progress (nullable) is called in the thread
 * default main context of the caller; @progress_data must stay alive until
 * @callback has run. */
void jd_har_load_async (GFile *file, const JdHarLimits *limits, GCancellable *cancellable,
                        JdHarProgressFunc progress, gpointer progress_data,
                        GAsyncReadyCallback callback, gpointer user_data);
JdHar *jd_har_load_finish (GAsyncResult *result, GError **error);

/* JdHar is a GListModel of JdHarEntry in file order. */
const char *jd_har_get_version (JdHar *self); /* "1.2", nullable */
const char *jd_har_get_creator (JdHar *self); /* "Firefox 111.0.1", nullable */
GPtrArray *jd_har_get_problems (JdHar *self); /* (element-type JdHarProblem) (transfer none) */
guint jd_har_get_n_with_token (JdHar *self);
guint jd_har_get_n_auth_failures (JdHar *self); /* 401 and 403 */

/* TRUE when the HAR has 401 answers but no request anywhere carries an
 * Authorization or Cookie header: the browser stripped them on export. */
gboolean jd_har_is_sanitized (JdHar *self);
/* The explanation and how to export again (translated), NULL when not sanitized. */
const char *jd_har_get_sanitized_message (JdHar *self);

/* The entries, 401 and 403 first (transfer full). */
GListModel *jd_har_dup_failing_first (JdHar *self);

/* The distinct tokens, ordered by first use (transfer full)
 * (element-type JdHarTimelineToken). */
GPtrArray *jd_har_dup_timeline (JdHar *self);

G_END_DECLS
