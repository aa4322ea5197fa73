/* jd-har.h — HTTP Archive (HAR 1.2 / 1.1) files, read for their tokens
 *
 * Reads HARs as Chrome, Firefox, Safari, Playwright, mitmproxy and Charles
 * write them (a UTF-8 byte order mark, Firefox BiDi {type, value} header
 * values, HTTP/2 pseudo-headers, status 0 entries, base64 bodies, missing
 * optional fields) with a streaming reader over the mapped file: a 100 MB
 * HAR never becomes a JSON tree. Bodies stay in the file until asked for.
 * The entries are in jd-har-entry.h, the reader's limits, problems and
 * errors in jd-har-reader.h; this header includes both.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "jd-har-entry.h"
#include "jd-har-reader.h"

G_BEGIN_DECLS

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
