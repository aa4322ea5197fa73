/* jd-timeline-bar.c — one token's life on the HAR's time axis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "jd-timeline-bar.h"

#define BAR_HEIGHT 30
#define PAD 6.0

struct _JdTimelineBar
{
  GtkWidget parent_instance;

  const JdHarTimelineToken *token;
  double start;
  double end;
};

G_DEFINE_FINAL_TYPE (JdTimelineBar, jd_timeline_bar, GTK_TYPE_WIDGET)

static GdkRGBA
named_color (GtkWidget *widget, const char *name, const char *fallback, float alpha)
{
  GdkRGBA color;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, &color))
    gdk_rgba_parse (&color, fallback);
  G_GNUC_END_IGNORE_DEPRECATIONS
  color.alpha *= alpha;
  return color;
}

static double
x_of (JdTimelineBar *self, double t, double width)
{
  double f = (t - self->start) / (self->end - self->start);

  return PAD + CLAMP (f, 0.0, 1.0) * (width - 2 * PAD);
}

static gboolean
is_failed_after_exp (const JdHarTimelineToken *token, JdHarEntry *entry)
{
  for (guint i = 0; i < token->failed_after_exp->len; i++)
    if (g_ptr_array_index (token->failed_after_exp, i) == entry)
      return TRUE;
  return FALSE;
}

static void
jd_timeline_bar_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  JdTimelineBar *self = JD_TIMELINE_BAR (widget);
  const JdHarTimelineToken *t = self->token;
  double w = gtk_widget_get_width (widget);
  double h = gtk_widget_get_height (widget);
  double mid = h / 2;
  GdkRGBA fg = named_color (widget, "window_fg_color", "#000", 1);
  GdkRGBA track = named_color (widget, "window_fg_color", "#000", 0.15);
  GdkRGBA valid = named_color (widget, "success_color", "#26a269", 0.22);
  GdkRGBA expired = named_color (widget, "error_color", "#c01c28", 0.10);
  GdkRGBA accent = named_color (widget, "accent_color", "#3584e4", 1);
  GdkRGBA error = named_color (widget, "error_color", "#c01c28", 1);
  GdkRGBA warning = named_color (widget, "warning_color", "#9c6e03", 1);

  if (w <= 2 * PAD || t == NULL || self->end <= self->start)
    return;

  fg.alpha *= 0.7;

  /* the axis */
  gtk_snapshot_append_color (snapshot, &track, &GRAPHENE_RECT_INIT (PAD, mid - 1, w - 2 * PAD, 2));

  /* valid from iat (or the axis start) to exp; after exp, a faint red */
  if (t->has_exp)
    {
      double from = t->has_iat ? x_of (self, (double)t->iat, w) : PAD;
      double to = x_of (self, (double)t->exp, w);

      if (to > from)
        gtk_snapshot_append_color (snapshot, &valid,
                                   &GRAPHENE_RECT_INIT (from, 3, to - from, h - 6));
      if (w - PAD > to)
        gtk_snapshot_append_color (snapshot, &expired,
                                   &GRAPHENE_RECT_INIT (to, 3, w - PAD - to, h - 6));
    }

  /* in use from the first to the last request */
  if (t->first_used > 0)
    {
      double from = x_of (self, t->first_used, w);
      double to = x_of (self, t->last_used, w);

      gtk_snapshot_append_color (snapshot, &accent,
                                 &GRAPHENE_RECT_INIT (from, mid - 3, MAX (to - from, 2), 6));
    }

  /* every request: a tick; 401/403 after exp: a tall red one, other 401/403: orange */
  for (guint i = 0; i < t->uses->len; i++)
    {
      JdHarEntry *e = g_ptr_array_index (t->uses, i);
      double x;

      if (!jd_har_entry_has_started (e))
        continue;
      x = x_of (self, jd_har_entry_get_started (e), w);
      if (is_failed_after_exp (t, e))
        gtk_snapshot_append_color (snapshot, &error, &GRAPHENE_RECT_INIT (x - 1.5, 0, 3, h));
      else if (jd_har_entry_is_auth_failure (e))
        gtk_snapshot_append_color (snapshot, &warning, &GRAPHENE_RECT_INIT (x - 1.5, 2, 3, h - 4));
      else
        gtk_snapshot_append_color (snapshot, &fg, &GRAPHENE_RECT_INIT (x - 0.5, mid - 7, 1, 14));
    }

  /* exp: a line across, when it is on the axis */
  if (t->has_exp && (double)t->exp >= self->start && (double)t->exp <= self->end)
    {
      double x = x_of (self, (double)t->exp, w);
      gtk_snapshot_append_color (snapshot, &error, &GRAPHENE_RECT_INIT (x - 1, 0, 2, h));
      gtk_snapshot_append_color (snapshot, &error, &GRAPHENE_RECT_INIT (x - 4, 0, 8, 2));
      gtk_snapshot_append_color (snapshot, &error, &GRAPHENE_RECT_INIT (x - 4, h - 2, 8, 2));
    }
}

static void
jd_timeline_bar_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                         int *natural, int *minimum_baseline, int *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = 400;
    }
  else
    *minimum = *natural = BAR_HEIGHT;
}

static void
jd_timeline_bar_class_init (JdTimelineBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = jd_timeline_bar_snapshot;
  widget_class->measure = jd_timeline_bar_measure;
  gtk_widget_class_set_css_name (widget_class, "timelinebar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
jd_timeline_bar_init (JdTimelineBar *self)
{
}

GtkWidget *
jd_timeline_bar_new (void)
{
  return g_object_new (JD_TYPE_TIMELINE_BAR, NULL);
}

void
jd_timeline_bar_set (JdTimelineBar *self, const JdHarTimelineToken *token, double start, double end)
{
  g_return_if_fail (JD_IS_TIMELINE_BAR (self));

  self->token = token;
  self->start = start;
  self->end = end;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
