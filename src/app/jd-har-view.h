/* jd-har-view.h — the entries of a HAR file, failing ones first
 *
 * A window beside the main one: the file is read in a worker (progress bar
 * and Cancel), then its requests are listed (method, path, status, token,
 * start, duration), 401 and 403 first, filterable by text and status.
 * Choosing one asks the main window (the "entry-activated" signal) to show
 * its token (and request), and judges time claims at the moment it was
 * sent (a switch goes back to the clock).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "jd-compare-view.h"
#include "jd-har.h"
#include "jd-session.h"
#include "jd-timeline-view.h"

G_BEGIN_DECLS

/* Status filter of jd_har_view_set_filter() */
typedef enum
{
  JD_HAR_VIEW_STATUS_ALL,
  JD_HAR_VIEW_STATUS_AUTH_FAILURES, /* 401 and 403 */
  JD_HAR_VIEW_STATUS_4XX,
  JD_HAR_VIEW_STATUS_5XX,
  JD_HAR_VIEW_STATUS_2XX,
  JD_HAR_VIEW_STATUS_NO_RESPONSE, /* status 0: blocked or aborted */
  JD_HAR_VIEW_STATUS_WITH_TOKEN,
} JdHarViewStatus;

#define JD_TYPE_HAR_VIEW (jd_har_view_get_type ())
G_DECLARE_FINAL_TYPE (JdHarView, jd_har_view, JD, HAR_VIEW, AdwWindow)

/* A HAR view beside @parent, judging with @session's expectations (held
 * weakly). Choosing a request that carries a token emits "entry-activated"
 * (JdHarEntry *entry) for @parent to show it, then judges the token's time
 * claims at the request's start (jd_session_set_judged_at()). */
JdHarView *jd_har_view_new (GtkWindow *parent, JdSession *session);
void jd_har_view_load (JdHarView *self, GFile *file);
gboolean jd_har_view_get_loading (JdHarView *self);
JdHar *jd_har_view_get_har (JdHarView *self); /* nullable until loaded */
/* The rows as shown: filtered, failing first (of JdHarEntry). */
GListModel *jd_har_view_get_rows (JdHarView *self);
void jd_har_view_set_filter (JdHarView *self, const char *text, JdHarViewStatus status);
/* Selects the row at @position (as in jd_har_view_get_rows()) and applies it. */
void jd_har_view_select (JdHarView *self, guint position);
/* The switch: judge time claims at the chosen request's start (TRUE, the
 * default) or at the current time. */
void jd_har_view_set_at_request_time (JdHarView *self, gboolean at_request_time);
gboolean jd_har_view_get_at_request_time (JdHarView *self);
/* The note above the list (sanitized export, problems), NULL when hidden;
 * the error shown instead of the list, NULL when there is none. */
const char *jd_har_view_get_message (JdHarView *self);
const char *jd_har_view_get_error (JdHarView *self);
/* The selected request's response, as shown under the list. */
const char *jd_har_view_get_details (JdHarView *self);
/* The selected request, nullable. */
JdHarEntry *jd_har_view_get_selected_entry (JdHarView *self);

/* The page shown: "requests" (the list) or "tokens" (the timeline of the
 * distinct tokens, read when first shown). */
void jd_har_view_set_page (JdHarView *self, const char *name);
const char *jd_har_view_get_page (JdHarView *self);
JdTimelineView *jd_har_view_get_timeline_view (JdHarView *self);

/* What "Compare Tokens…" does: opens (or raises) the Compare window with
 * @entry (nullable: the selected request, else the first failing one) and a
 * request of the opposite outcome beside it: the one that worked as A, the
 * one that failed as B. Returns: (transfer none) */
JdCompareView *jd_har_view_compare (JdHarView *self, JdHarEntry *entry);

G_END_DECLS
