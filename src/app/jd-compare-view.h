/* jd-compare-view.h — two tokens side by side, differences marked
 *
 * "This one works, that one does not": pick two requests of a HAR (or
 * paste a token on either side) and see both tokens' headers and claims in
 * one table, each row saying same / different / only in A / only in B, the
 * differences that decide acceptance summarised on top (jd-compare.h).
 * Only decoded JSON is shown, never the compact tokens.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "jd-compare.h"
#include "jd-har.h"

G_BEGIN_DECLS

#define JD_TYPE_COMPARE_VIEW (jd_compare_view_get_type ())
G_DECLARE_FINAL_TYPE (JdCompareView, jd_compare_view, JD, COMPARE_VIEW, AdwWindow)

/* @parent nullable; @har (nullable) offers its requests with a token in
 * the two pickers. */
JdCompareView *jd_compare_view_new (GtkWindow *parent, JdHar *har);
/* The requests compared (nullable each: keep the side as it is). */
void jd_compare_view_set_entries (JdCompareView *self, JdHarEntry *left, JdHarEntry *right);
/* A pasted token (or Authorization line, curl command…) for a side;
 * NULL or "" goes back to the side's request. */
void jd_compare_view_set_left_text (JdCompareView *self, const char *text);
void jd_compare_view_set_right_text (JdCompareView *self, const char *text);
void jd_compare_view_set_leeway (JdCompareView *self, gint64 leeway);
/* Show only the rows that differ. */
void jd_compare_view_set_only_differences (JdCompareView *self, gboolean only);

/* The comparison as shown: (element-type JdCompareRow) (transfer none)
 * (nullable: a side has no token yet). */
GPtrArray *jd_compare_view_get_rows (JdCompareView *self);
/* The summary above the table, as plain text. */
const char *jd_compare_view_get_summary (JdCompareView *self);

G_END_DECLS
