/* jd-timeline-item.c — one row's item of the HAR timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "jd-timeline-item.h"

struct _JdTimelineItem
{
  GObject parent_instance;
  GPtrArray *timeline; /* keeps token alive */
  const JdHarTimelineToken *token;
  guint index;
};

G_DEFINE_FINAL_TYPE (JdTimelineItem, jd_timeline_item, G_TYPE_OBJECT)

static void
jd_timeline_item_finalize (GObject *object)
{
  JdTimelineItem *self = JD_TIMELINE_ITEM (object);

  g_clear_pointer (&self->timeline, g_ptr_array_unref);
  G_OBJECT_CLASS (jd_timeline_item_parent_class)->finalize (object);
}

static void
jd_timeline_item_class_init (JdTimelineItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jd_timeline_item_finalize;
}

static void
jd_timeline_item_init (JdTimelineItem *self)
{
}

JdTimelineItem *
jd_timeline_item_new (GPtrArray *timeline, guint index)
{
  JdTimelineItem *self;

  g_return_val_if_fail (timeline != NULL && index < timeline->len, NULL);

  self = g_object_new (JD_TYPE_TIMELINE_ITEM, NULL);
  self->timeline = g_ptr_array_ref (timeline);
  self->token = g_ptr_array_index (timeline, index);
  self->index = index;
  return self;
}

const JdHarTimelineToken *
jd_timeline_item_get_token (JdTimelineItem *self)
{
  g_return_val_if_fail (JD_IS_TIMELINE_ITEM (self), NULL);

  return self->token;
}

guint
jd_timeline_item_get_index (JdTimelineItem *self)
{
  g_return_val_if_fail (JD_IS_TIMELINE_ITEM (self), 0);

  return self->index;
}
