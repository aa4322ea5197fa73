/* jd-timeline-view.c — the distinct tokens of a HAR and when each was used
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "jd-time.h"
#include "jd-timeline-bar.h"
#include "jd-timeline-item.h"
#include "jd-timeline-view.h"

/* ---- The view ---------------------------------------------------------------- */

struct _JdTimelineView
{
  GtkBox parent_instance;

  GtkLabel *summary_label;
  GtkStack *stack;
  GtkListView *list_view;
  GListStore *store;

  GPtrArray *timeline;
  double start;
  double end;
  char *summary;
};

G_DEFINE_FINAL_TYPE (JdTimelineView, jd_timeline_view, GTK_TYPE_BOX)

enum
{
  ENTRY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Local wall-clock time as the Requests list shows it, with the date when
 * it is not the day the HAR starts. */
static char *
format_time (JdTimelineView *self, double t)
{
  g_autoptr (GDateTime) dt = g_date_time_new_from_unix_local ((gint64)t);
  g_autoptr (GDateTime) first = g_date_time_new_from_unix_local ((gint64)self->start);

  if (dt == NULL)
    return g_strdup ("?");
  if (first != NULL && g_date_time_get_day_of_year (dt) == g_date_time_get_day_of_year (first)
      && g_date_time_get_year (dt) == g_date_time_get_year (first))
    return g_date_time_format (dt, "%H:%M:%S");
  return g_date_time_format (dt, "%Y-%m-%d %H:%M:%S");
}

static char *
describe_sources (const JdHarTimelineToken *token)
{
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();

  for (guint i = 0; i < token->uses->len; i++)
    {
      const char *label = jd_har_entry_get_token_source_label (g_ptr_array_index (token->uses, i));
      gboolean seen = FALSE;

      for (guint j = 0; j < labels->len && !seen; j++)
        seen = g_strcmp0 (g_ptr_array_index (labels, j), label) == 0;
      if (!seen && label != NULL)
        g_ptr_array_add (labels, (gpointer)label);
    }
  g_ptr_array_add (labels, NULL);
  return g_strjoinv (", ", (char **)labels->pdata);
}

static char *
describe_title (const JdHarTimelineToken *token, guint index)
{
  /* TRANSLATORS: "Token 1 · 3fa81c0b9d2e"; the second part is a fingerprint (SHA-256 prefix) */
  return g_strdup_printf (_ ("Token %u · %s"), index + 1, token->fingerprint);
}

static char *
describe_subtitle (const JdHarTimelineToken *token)
{
  g_autoptr (GString) s = g_string_new (NULL);
  g_autofree char *sources = describe_sources (token);

  if (token->subject != NULL)
    g_string_append_printf (s, "sub %s", token->subject);
  if (token->kid != NULL)
    g_string_append_printf (s, "%skid %s", s->len ? " · " : "", token->kid);
  if (*sources != '\0')
    /* TRANSLATORS: %s lists where the token was sent: "Authorization header, cookie “session”" */
    g_string_append_printf (s, "%s%s", s->len ? " · " : "", sources);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* The first line: use span and the token's own times. */
static char *
describe_times (JdTimelineView *self, const JdHarTimelineToken *token)
{
  g_autoptr (GString) s = g_string_new (NULL);
  guint n = token->uses->len;

  if (token->first_used > 0)
    {
      g_autofree char *from = format_time (self, token->first_used);
      g_autofree char *to = format_time (self, token->last_used);

      if (n == 1)
        g_string_append_printf (s, _ ("Used once, at %s"), from);
      else
        g_string_append_printf (s,
                                g_dngettext (GETTEXT_PACKAGE, "Used %u time, from %s to %s",
                                             "Used %u times, from %s to %s", n),
                                n, from, to);
    }
  else
    g_string_append_printf (s,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "Used %u time (no start times in the file)",
                                         "Used %u times (no start times in the file)", n),
                            n);

  if (token->has_iat)
    {
      g_autofree char *iat = format_time (self, (double)token->iat);
      g_string_append_printf (s, _ (" · issued %s"), iat);
    }
  if (token->has_exp)
    {
      g_autofree char *exp = format_time (self, (double)token->exp);
      g_string_append_printf (s, _ (" · expires %s"), exp);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

typedef enum
{
  VERDICT_OK,
  VERDICT_NOTE,
  VERDICT_WARNING,
  VERDICT_ERROR,
} Verdict;

/* The second line: what happened around exp, in words. */
static char *
describe_verdict (JdTimelineView *self, const JdHarTimelineToken *token, Verdict *verdict)
{
  g_autoptr (GString) s = g_string_new (NULL);
  guint n_failed = token->failed_after_exp->len;
  guint n_auth_failures = 0;

  for (guint i = 0; i < token->uses->len; i++)
    if (jd_har_entry_is_auth_failure (g_ptr_array_index (token->uses, i)))
      n_auth_failures++;

  if (!token->has_exp)
    {
      *verdict = VERDICT_NOTE;
      g_string_append (s, _ ("No exp: nothing here says when this token stops being accepted."));
    }
  else
    {
      g_autofree char *exp = format_time (self, (double)token->exp);
      g_autofree char *more = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "Expired at %s, then sent %u more time",
                     "Expired at %s, then sent %u more times", token->n_used_after_exp),
        exp, token->n_used_after_exp);

      if (n_failed > 0)
        {
          *verdict = VERDICT_ERROR;
          g_string_append_printf (
            s,
            g_dngettext (
              GETTEXT_PACKAGE, "%s: %u request failed (401 or 403) after exp — a refresh race.",
              "%s: %u requests failed (401 or 403) after exp — a refresh race.", n_failed),
            more, n_failed);
        }
      else if (token->n_used_after_exp > 0)
        {
          *verdict = VERDICT_WARNING;
          g_string_append_printf (s, _ ("%s; none was refused with 401 or 403."), more);
        }
      else if (token->last_used > 0)
        {
          g_autofree char *left
            = jd_time_format_duration ((gint64)((double)token->exp - token->last_used));

          *verdict = VERDICT_OK;
          /* TRANSLATORS: %s is a duration, "58 minutes" */
          g_string_append_printf (
            s, _ ("Not expired at any use: it expires %s after the last one."), left);
        }
      else
        {
          *verdict = VERDICT_OK;
          g_string_append (s, _ ("Not expired at any use."));
        }
    }

  if (n_auth_failures > n_failed)
    {
      guint n = n_auth_failures - n_failed;

      if (*verdict < VERDICT_WARNING)
        *verdict = VERDICT_WARNING;
      g_string_append_c (s, ' ');
      g_string_append_printf (
        s,
        g_dngettext (GETTEXT_PACKAGE,
                     "%u request was refused (401 or 403) before exp: not an expiry problem.",
                     "%u requests were refused (401 or 403) before exp: not an expiry problem.", n),
        n);
    }

  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
describe_failed (JdTimelineView *self, const JdHarTimelineToken *token, JdHarEntry *entry)
{
  g_autofree char *at = format_time (self, jd_har_entry_get_started (entry));
  g_autofree char *after
    = jd_time_format_duration ((gint64)(jd_har_entry_get_started (entry) - (double)token->exp));

  /* TRANSLATORS: "401 GET /v1/orders · 22:14:00, 40 seconds after exp" */
  return g_strdup_printf (_ ("%u %s %s · %s, %s after exp"), jd_har_entry_get_status (entry),
                          jd_har_entry_get_method (entry), jd_har_entry_get_path (entry), at,
                          after);
}

/* ---- Rows --------------------------------------------------------------------- */

typedef struct
{
  GtkLabel *title;
  GtkLabel *subtitle;
  JdTimelineBar *bar;
  GtkLabel *times;
  GtkLabel *verdict;
  GtkBox *failed;
} Row;

static void
on_failed_clicked (GtkButton *button, gpointer user_data)
{
  JdHarEntry *entry = g_object_get_data (G_OBJECT (button), "jd-entry");
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (button), JD_TYPE_TIMELINE_VIEW);

  if (view != NULL && entry != NULL)
    g_signal_emit (view, signals[ENTRY_ACTIVATED], 0, entry);
}

static GtkLabel *
row_label (GtkBox *box)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (box, label);
  return GTK_LABEL (label);
}

static void
setup_row (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  Row *row = g_new0 (Row, 1);

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  row->title = row_label (GTK_BOX (box));
  gtk_widget_add_css_class (GTK_WIDGET (row->title), "heading");
  row->subtitle = row_label (GTK_BOX (box));
  gtk_widget_add_css_class (GTK_WIDGET (row->subtitle), "dim-label");
  row->bar = JD_TIMELINE_BAR (jd_timeline_bar_new ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->bar));
  row->times = row_label (GTK_BOX (box));
  gtk_widget_add_css_class (GTK_WIDGET (row->times), "numeric");
  row->verdict = row_label (GTK_BOX (box));
  row->failed = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 2));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->failed));

  g_object_set_data_full (G_OBJECT (box), "jd-row", row, g_free);
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_row (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  JdTimelineView *self = user_data;
  JdTimelineItem *ti = gtk_list_item_get_item (item);
  const JdHarTimelineToken *token = jd_timeline_item_get_token (ti);
  Row *row = g_object_get_data (G_OBJECT (gtk_list_item_get_child (item)), "jd-row");
  g_autofree char *title = describe_title (token, jd_timeline_item_get_index (ti));
  g_autofree char *subtitle = describe_subtitle (token);
  g_autofree char *times = describe_times (self, token);
  g_autofree char *words = NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *child;
  Verdict verdict;

  words = describe_verdict (self, token, &verdict);
  gtk_label_set_text (row->title, title);
  gtk_label_set_text (row->subtitle, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (row->subtitle), *subtitle != '\0');
  gtk_label_set_text (row->times, times);
  gtk_label_set_text (row->verdict, words);
  gtk_widget_remove_css_class (GTK_WIDGET (row->verdict), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (row->verdict), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (row->verdict), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (row->verdict), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (row->verdict), verdict == VERDICT_ERROR     ? "error"
                                                       : verdict == VERDICT_WARNING ? "warning"
                                                       : verdict == VERDICT_OK      ? "success"
                                                                                    : "dim-label");

  jd_timeline_bar_set (row->bar, token, self->start, self->end);
  accessible = g_strdup_printf ("%s. %s", times, words);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row->bar), accessible);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (row->failed))) != NULL)
    gtk_box_remove (row->failed, child);
  for (guint i = 0; i < token->failed_after_exp->len; i++)
    {
      JdHarEntry *entry = g_ptr_array_index (token->failed_after_exp, i);
      g_autofree char *text = describe_failed (self, token, entry);
      GtkWidget *button = gtk_button_new ();
      GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
      GtkWidget *label = gtk_label_new (text);

      gtk_widget_add_css_class (icon, "error");
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
      gtk_box_append (GTK_BOX (content), icon);
      gtk_box_append (GTK_BOX (content), label);
      gtk_button_set_child (GTK_BUTTON (button), content);
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _ ("Show this request in the Requests list"));
      g_object_set_data (G_OBJECT (button), "jd-entry", entry);
      g_signal_connect (button, "clicked", G_CALLBACK (on_failed_clicked), NULL);
      gtk_box_append (row->failed, button);
    }
  gtk_widget_set_visible (GTK_WIDGET (row->failed), token->failed_after_exp->len > 0);
}

static void
unbind_row (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  Row *row = g_object_get_data (G_OBJECT (gtk_list_item_get_child (item)), "jd-row");

  jd_timeline_bar_set (row->bar, NULL, 0, 1);
}

/* ---- API -------------------------------------------------------------------- */

void
jd_timeline_view_set_har (JdTimelineView *self, JdHar *har)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *span = NULL;
  g_autofree char *tokens = NULL;
  guint n_failed = 0;
  double start = 0;
  double end = 0;

  g_return_if_fail (JD_IS_TIMELINE_VIEW (self));
  g_return_if_fail (har == NULL || JD_IS_HAR (har));

  g_list_store_remove_all (self->store);
  g_clear_pointer (&self->timeline, g_ptr_array_unref);
  g_clear_pointer (&self->summary, g_free);

  if (har != NULL)
    self->timeline = jd_har_dup_timeline (har);

  if (self->timeline == NULL || self->timeline->len == 0)
    {
      self->summary = g_strdup (_ ("No request in this file carries a bearer token."));
      gtk_label_set_text (self->summary_label, self->summary);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  /* the axis: from the first request to the last, with a margin */
  for (guint i = 0; i < self->timeline->len; i++)
    {
      const JdHarTimelineToken *t = g_ptr_array_index (self->timeline, i);

      n_failed += t->failed_after_exp->len;
      if (t->first_used <= 0)
        continue;
      if (start == 0 || t->first_used < start)
        start = t->first_used;
      if (end == 0 || t->last_used > end)
        end = t->last_used;
    }
  if (end - start < 60)
    {
      double mid = (start + end) / 2;
      start = mid - 30;
      end = mid + 30;
    }
  self->start = start - (end - start) * 0.03;
  self->end = end + (end - start) * 0.03;

  for (guint i = 0; i < self->timeline->len; i++)
    {
      JdTimelineItem *item = jd_timeline_item_new (self->timeline, i);

      g_list_store_append (self->store, item);
      g_object_unref (item);
    }

  from = format_time (self, start);
  to = format_time (self, end);
  span = jd_time_format_duration ((gint64)(end - start));
  tokens = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u distinct token", "%u distinct tokens", self->timeline->len),
    self->timeline->len);
  self->summary = g_strdup_printf (
    _ ("%s, used from %s to %s (%s). On each bar: green while valid (iat to exp), "
       "a red line at exp, a tick per request, a tall red tick per request refused "
       "after exp (%u in all), an orange one per request refused before exp."),
    tokens, from, to, span, n_failed);
  gtk_label_set_text (self->summary_label, self->summary);
  gtk_stack_set_visible_child_name (self->stack, "rows");
}

GPtrArray *
jd_timeline_view_get_timeline (JdTimelineView *self)
{
  g_return_val_if_fail (JD_IS_TIMELINE_VIEW (self), NULL);
  return self->timeline;
}

const char *
jd_timeline_view_get_summary (JdTimelineView *self)
{
  g_return_val_if_fail (JD_IS_TIMELINE_VIEW (self), NULL);
  return self->summary;
}

char *
jd_timeline_view_dup_description (JdTimelineView *self, guint index)
{
  const JdHarTimelineToken *token;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *times = NULL;
  g_autofree char *verdict = NULL;
  g_autoptr (GString) s = NULL;
  Verdict v;

  g_return_val_if_fail (JD_IS_TIMELINE_VIEW (self), NULL);
  g_return_val_if_fail (self->timeline != NULL && index < self->timeline->len, NULL);

  token = g_ptr_array_index (self->timeline, index);
  title = describe_title (token, index);
  subtitle = describe_subtitle (token);
  times = describe_times (self, token);
  verdict = describe_verdict (self, token, &v);
  s = g_string_new (NULL);
  g_string_append_printf (s, "%s\n%s\n%s\n%s", title, subtitle, times, verdict);
  for (guint i = 0; i < token->failed_after_exp->len; i++)
    {
      g_autofree char *failed
        = describe_failed (self, token, g_ptr_array_index (token->failed_after_exp, i));
      g_string_append_printf (s, "\n%s", failed);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

void
jd_timeline_view_activate_failed (JdTimelineView *self, guint index, guint failed)
{
  const JdHarTimelineToken *token;

  g_return_if_fail (JD_IS_TIMELINE_VIEW (self));
  g_return_if_fail (self->timeline != NULL && index < self->timeline->len);
  token = g_ptr_array_index (self->timeline, index);
  g_return_if_fail (failed < token->failed_after_exp->len);

  g_signal_emit (self, signals[ENTRY_ACTIVATED], 0,
                 g_ptr_array_index (token->failed_after_exp, failed));
}

/* ---- Object ----------------------------------------------------------------- */

static void
jd_timeline_view_dispose (GObject *object)
{
  JdTimelineView *self = JD_TIMELINE_VIEW (object);

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->store);
  g_clear_pointer (&self->timeline, g_ptr_array_unref);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (jd_timeline_view_parent_class)->dispose (object);
}

static void
jd_timeline_view_class_init (JdTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jd_timeline_view_dispose;

  /**
   * JdTimelineView::entry-activated:
   * @entry: the JdHarEntry of a request that failed after exp
   */
  signals[ENTRY_ACTIVATED]
    = g_signal_new ("entry-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                    NULL, G_TYPE_NONE, 1, JD_TYPE_HAR_ENTRY);
}

static void
jd_timeline_view_init (JdTimelineView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *empty = adw_status_page_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);

  self->summary_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->summary_label, TRUE);
  gtk_label_set_xalign (self->summary_label, 0);
  gtk_widget_set_margin_top (GTK_WIDGET (self->summary_label), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->summary_label), 6);
  gtk_widget_set_margin_start (GTK_WIDGET (self->summary_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->summary_label), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "dim-label");
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->summary_label));

  self->store = g_list_store_new (JD_TYPE_TIMELINE_ITEM);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (
    GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->store)))),
    factory));
  gtk_list_view_set_show_separators (self->list_view, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Tokens"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list_view));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "dialog-password-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _ ("No Tokens"));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, scrolled, "rows");
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_stack_set_visible_child_name (self->stack, "empty");
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->stack));
}

GtkWidget *
jd_timeline_view_new (void)
{
  return g_object_new (JD_TYPE_TIMELINE_VIEW, NULL);
}
