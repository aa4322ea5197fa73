/* jd-timeline-item.h — one row's item of the HAR timeline: a distinct
 * token of the HAR and its place in the list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "jd-har.h"

G_BEGIN_DECLS

#define JD_TYPE_TIMELINE_ITEM (jd_timeline_item_get_type ())
G_DECLARE_FINAL_TYPE (JdTimelineItem, jd_timeline_item, JD, TIMELINE_ITEM, GObject)

/* The token at @index of @timeline (element-type JdHarTimelineToken), which
 * the item keeps alive. */
JdTimelineItem *jd_timeline_item_new (GPtrArray *timeline, guint index);
const JdHarTimelineToken *jd_timeline_item_get_token (JdTimelineItem *self);
guint jd_timeline_item_get_index (JdTimelineItem *self);

G_END_DECLS
