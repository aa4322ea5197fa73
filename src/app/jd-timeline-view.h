/* jd-timeline-view.h — the distinct tokens of a HAR and when each was used
 *
 * The refresh race at a glance: one row per token (fingerprint, subject,
 * kid, where it was sent), a JdTimelineBar on the HAR's time axis, and the
 * same facts in words; every request that failed after the token's exp is a
 * button that emits "entry-activated".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "jd-har.h"

G_BEGIN_DECLS

#define JD_TYPE_TIMELINE_VIEW (jd_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (JdTimelineView, jd_timeline_view, JD, TIMELINE_VIEW, GtkBox)

GtkWidget *jd_timeline_view_new (void);
/* Reads the HAR's tokens (jd_har_dup_timeline()); @har nullable. */
void jd_timeline_view_set_har (JdTimelineView *self, JdHar *har);
/* (element-type JdHarTimelineToken) (transfer none) (nullable) */
GPtrArray *jd_timeline_view_get_timeline (JdTimelineView *self);
/* The line above the rows: the time span and what the marks mean. */
const char *jd_timeline_view_get_summary (JdTimelineView *self);
/* The words of the row for token @index, as shown (transfer full). */
char *jd_timeline_view_dup_description (JdTimelineView *self, guint index);
/* What the button of failed request @failed of token @index does. */
void jd_timeline_view_activate_failed (JdTimelineView *self, guint index, guint failed);

G_END_DECLS
