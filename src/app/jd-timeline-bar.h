/* jd-timeline-bar.h — one token's life on the HAR's time axis
 *
 * A thin horizontal bar: the token's validity (iat … exp) as a band, its use
 * from first to last request as a bar, every request as a tick, exp as a
 * line, and the requests that failed (401/403) after exp as tall ticks in the
 * error colour. The same facts are said in words by the accessible label the
 * caller sets and by the labels beside it: colour is never the only signal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "jd-har.h"

G_BEGIN_DECLS

#define JD_TYPE_TIMELINE_BAR (jd_timeline_bar_get_type ())
G_DECLARE_FINAL_TYPE (JdTimelineBar, jd_timeline_bar, JD, TIMELINE_BAR, GtkWidget)

GtkWidget *jd_timeline_bar_new (void);

/* Draws @token (borrowed: it must outlive the bar or be replaced; nullable)
 * on the axis @start … @end (unix seconds, @end > @start). */
void jd_timeline_bar_set (JdTimelineBar *self, const JdHarTimelineToken *token, double start,
                          double end);

G_END_DECLS
