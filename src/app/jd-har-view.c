/* jd-har-view.c — the entries of a HAR file, failing ones first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "jd-no-hyphens.h"
#include "jd-cause.h"
#include "jd-compare-view.h"
#include "jd-har-list.h"
#include "jd-har-view.h"
#include "jd-timeline-view.h"
#include "jd-www-authenticate.h"

struct _JdHarView
{
  AdwWindow parent_instance;

  AdwWindowTitle *window_title;
  GtkSwitch *entry_time_switch;
  GtkStack *stack;
  GtkProgressBar *progress_bar;
  GtkButton *cancel_button;
  AdwStatusPage *error_page;
  GtkLabel *message_label;
  GtkSearchEntry *search_entry;
  GtkDropDown *status_dropdown;
  GtkStack *list_stack;
  GtkColumnView *column_view;
  GtkLabel *details_label;
  AdwViewStack *view_stack;
  JdTimelineView *timeline_view;
  GtkButton *compare_button;

  GWeakRef session; /* the main window's */
  GCancellable *cancellable;
  GFile *file;
  JdHar *har;
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;
  GtkSingleSelection *selection;
  GtkCustomFilter *filter;
  char *filter_text;
  JdHarViewStatus filter_status;
  char *error;
  char *details;
  gboolean loading;
  gboolean timeline_filled;
  gboolean spans_days; /* the Started column shows the date */
  GWeakRef compare_view;
};

G_DEFINE_FINAL_TYPE (JdHarView, jd_har_view, ADW_TYPE_WINDOW)

enum
{
  ENTRY_ACTIVATED,
  LAST_SIGNAL
};

static guint signals[LAST_SIGNAL];

/* ---- Cells ---------------------------------------------------------------- */

typedef enum
{
  COLUMN_METHOD,
  COLUMN_HOST,
  COLUMN_PATH,
  COLUMN_STATUS,
  COLUMN_CAUSE,
  COLUMN_TOKEN,
  COLUMN_STARTED,
  COLUMN_DURATION,
} Column;

static void
setup_cell (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_DURATION ? 1.0 : 0.0);
  if (column == COLUMN_PATH)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  if (column == COLUMN_HOST)
    {
      /* The end of a host names the site: "…tracker.example.net". */
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_START);
      gtk_label_set_width_chars (GTK_LABEL (label), 14);
    }
  if (column == COLUMN_CAUSE)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
    }
  if (column == COLUMN_STATUS || column == COLUMN_STARTED || column == COLUMN_DURATION)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static const char *
short_source (JdHarEntry *entry)
{
  switch (jd_har_entry_get_token_source (entry))
    {
      case JD_HAR_TOKEN_SOURCE_AUTHORIZATION:
        return C_ ("token source", "Header");
      case JD_HAR_TOKEN_SOURCE_QUERY:
        return C_ ("token source", "Query");
      case JD_HAR_TOKEN_SOURCE_COOKIE:
        return C_ ("token source", "Cookie");
      case JD_HAR_TOKEN_SOURCE_NONE:
      default:
        return "";
    }
}

/* The words of the Cause column, judged with the main window's expectations
 * at the moment the request was sent (jd-cause.h). */
static char *
dup_first_cause (JdHarView *self, JdHarEntry *entry)
{
  g_autoptr (JdSession) session = g_weak_ref_get (&self->session);
  g_autoptr (JdExpectations) expect = NULL;

  if (session != NULL)
    expect = jd_session_dup_expectations (session);
  return jd_har_entry_dup_first_cause (entry, expect);
}

static void
bind_cell (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  JdHarView *self = g_object_get_data (G_OBJECT (factory), "har-view");
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_list_item_get_child (item);
  JdHarEntry *entry = gtk_list_item_get_item (item);
  g_autofree char *text = NULL;
  guint status = jd_har_entry_get_status (entry);

  gtk_widget_remove_css_class (label, "error");
  gtk_widget_remove_css_class (label, "warning");
  gtk_widget_remove_css_class (label, "dim-label");
  gtk_widget_set_tooltip_text (label, NULL);

  switch (column)
    {
      case COLUMN_METHOD:
        gtk_label_set_text (GTK_LABEL (label), jd_har_entry_get_method (entry));
        break;

      case COLUMN_HOST:
        text = jd_har_entry_dup_host (entry);
        gtk_label_set_text (GTK_LABEL (label), text);
        gtk_widget_set_tooltip_text (label, jd_har_entry_get_url (entry));
        break;

      case COLUMN_PATH:
        gtk_label_set_text (GTK_LABEL (label), jd_har_entry_get_path (entry));
        gtk_widget_set_tooltip_text (label, jd_har_entry_get_url (entry));
        break;

      case COLUMN_CAUSE:
        text = dup_first_cause (self, entry);
        gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
        /* Ellipsized in the column: the whole text in the tooltip. */
        gtk_widget_set_tooltip_text (label, text);
        if (text != NULL)
          gtk_widget_add_css_class (label, "error");
        break;

      case COLUMN_STATUS:
        if (status == 0)
          {
            gtk_label_set_text (GTK_LABEL (label), "—");
            gtk_widget_set_tooltip_text (label,
                                         _ ("No response: the request was blocked or aborted"));
            gtk_widget_add_css_class (label, "dim-label");
          }
        else
          {
            text = g_strdup_printf ("%u", status);
            gtk_label_set_text (GTK_LABEL (label), text);
            if (jd_har_entry_is_auth_failure (entry))
              gtk_widget_add_css_class (label, "error");
            else if (status >= 400)
              gtk_widget_add_css_class (label, "warning");
          }
        break;

      case COLUMN_TOKEN:
        gtk_label_set_text (GTK_LABEL (label), short_source (entry));
        gtk_widget_set_tooltip_text (label, jd_har_entry_get_token_source_label (entry));
        break;

      case COLUMN_STARTED:
        /* With the date when the entries span days: 09:14 twice must not look alike. */
        text = jd_har_entry_format_started (entry, self->spans_days);
        gtk_widget_set_tooltip_text (label, jd_har_entry_get_started_iso (entry));
        gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
        break;

      case COLUMN_DURATION:
        if (jd_har_entry_get_time_ms (entry) >= 0)
          /* TRANSLATORS: a duration in milliseconds */
          text = g_strdup_printf (_ ("%.0f ms"), jd_har_entry_get_time_ms (entry));
        gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
        break;

      default:
        g_assert_not_reached ();
    }
}

static void
add_column (JdHarView *self, const char *title, Column column, gboolean expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *col;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (column));
  g_object_set_data (G_OBJECT (factory), "har-view", self);
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (col, expand);
  gtk_column_view_column_set_resizable (col, TRUE);
  gtk_column_view_append_column (self->column_view, col);
  g_object_unref (col);
}

/* ---- Filter --------------------------------------------------------------- */

static gboolean
filter_func (gpointer item, gpointer user_data)
{
  JdHarView *self = user_data;
  JdHarEntry *entry = item;
  guint status = jd_har_entry_get_status (entry);
  guint want = 0;

  switch (self->filter_status)
    {
      case JD_HAR_VIEW_STATUS_AUTH_FAILURES:
        if (!jd_har_entry_is_auth_failure (entry))
          return FALSE;
        break;
      case JD_HAR_VIEW_STATUS_4XX:
        want = 400;
        break;
      case JD_HAR_VIEW_STATUS_5XX:
        want = 500;
        break;
      case JD_HAR_VIEW_STATUS_2XX:
        want = 200;
        break;
      case JD_HAR_VIEW_STATUS_NO_RESPONSE:
        if (status != 0)
          return FALSE;
        break;
      case JD_HAR_VIEW_STATUS_WITH_TOKEN:
        if (!jd_har_entry_has_token (entry))
          return FALSE;
        break;
      case JD_HAR_VIEW_STATUS_ALL:
      default:
        break;
    }

  return jd_har_entry_matches (entry, self->filter_text, want);
}

static void on_search_changed (JdHarView *self);
static void on_status_selected (JdHarView *self);

static void
update_list_stack (JdHarView *self)
{
  gboolean empty
    = self->filtered == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0;

  gtk_stack_set_visible_child_name (self->list_stack, empty ? "empty" : "rows");
}

void
jd_har_view_set_filter (JdHarView *self, const char *text, JdHarViewStatus status)
{
  char *copy;

  g_return_if_fail (JD_IS_HAR_VIEW (self));

  /* @text may be self->filter_text itself */
  copy = g_strdup (text != NULL ? text : "");
  g_free (self->filter_text);
  self->filter_text = copy;
  self->filter_status = status;

  /* keep the widgets in step when called from code, without feedback */
  g_signal_handlers_block_by_func (self->search_entry, on_search_changed, self);
  g_signal_handlers_block_by_func (self->status_dropdown, on_status_selected, self);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), self->filter_text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), self->filter_text);
  if (gtk_drop_down_get_selected (self->status_dropdown) != (guint)status)
    gtk_drop_down_set_selected (self->status_dropdown, status);
  g_signal_handlers_unblock_by_func (self->status_dropdown, on_status_selected, self);
  g_signal_handlers_unblock_by_func (self->search_entry, on_search_changed, self);

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_list_stack (self);
}

static void
on_search_changed (JdHarView *self)
{
  jd_har_view_set_filter (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                          self->filter_status);
}

static void
on_status_selected (JdHarView *self)
{
  jd_har_view_set_filter (self, self->filter_text,
                          (JdHarViewStatus)gtk_drop_down_get_selected (self->status_dropdown));
}

/* ---- Choosing an entry ------------------------------------------------------ */

static void
set_details (JdHarView *self, const char *text)
{
  g_free (self->details);
  self->details = g_strdup (text);
  gtk_label_set_text (self->details_label, text);
}

static void
show_details (JdHarView *self, JdHarEntry *entry, JdExpectations *expect)
{
  g_autoptr (GString) s = g_string_new (NULL);
  g_autoptr (JdResponse) response = jd_har_entry_dup_response (entry);
  g_auto (GStrv) challenges = jd_har_entry_dup_www_authenticate (entry);

  g_string_append_printf (s, "%s %s\n", jd_har_entry_get_method (entry),
                          jd_har_entry_get_url (entry));
  if (response == NULL)
    g_string_append (s, _ ("No response: the request was blocked or aborted."));
  else
    {
      const char *reason = jd_har_entry_get_status_text (entry);
      g_string_append_printf (s, "→ %u%s%s", jd_har_entry_get_status (entry),
                              *reason != '\0' ? " " : "", reason);
    }
  if (jd_har_entry_get_time_ms (entry) >= 0)
    g_string_append_printf (s, _ (" · %.0f ms"), jd_har_entry_get_time_ms (entry));
  g_string_append_c (s, '\n');

  if (jd_har_entry_has_token (entry))
    /* TRANSLATORS: %s is where the token was found, e.g. "Authorization header" */
    g_string_append_printf (s, _ ("Token from the %s\n"),
                            jd_har_entry_get_token_source_label (entry));
  else
    {
      /* A failed request without a token: what core says of it (a CORS
       * preflight always; "sent without its token" unless the HAR was
       * saved without credentials). */
      g_autoptr (GPtrArray) why = jd_har_entry_diagnose_no_token (entry);
      gboolean sanitized = self->har != NULL && jd_har_is_sanitized (self->har);

      g_string_append (s, _ ("This request carries no token.\n"));
      if (why != NULL && why->len > 0 && (!sanitized || jd_har_entry_is_cors_preflight (entry)))
        g_string_append_printf (s, "%s\n", jd_finding_get_message (g_ptr_array_index (why, 0)));
    }

  for (guint i = 0; challenges[i] != NULL; i++)
    g_string_append_printf (s, "WWW-Authenticate: %s\n", challenges[i]);

  if (response != NULL && jd_har_entry_has_token (entry))
    {
      /* The server's Date is compared with when the browser sent the request. */
      g_autoptr (GPtrArray) findings = jd_har_entry_diagnose_response (entry, expect);

      for (guint i = 0; findings != NULL && i < findings->len; i++)
        {
          JdFinding *f = g_ptr_array_index (findings, i);

          if (jd_finding_get_severity (f) == JD_SEVERITY_OK)
            continue;
          g_string_append_printf (s, "\n• %s", jd_finding_get_message (f));
          if (jd_finding_get_fix (f) != NULL && *jd_finding_get_fix (f) != '\0')
            g_string_append_printf (s, " %s", jd_finding_get_fix (f));
        }
    }

  g_strchomp (s->str);
  set_details (self, s->str);
}

static void
apply_entry (JdHarView *self, JdHarEntry *entry)
{
  g_autoptr (JdSession) session = g_weak_ref_get (&self->session);
  g_autoptr (JdExpectations) expect = NULL;
  gint64 when = 0;

  if (entry == NULL)
    return;

  if (session == NULL)
    {
      expect = jd_expectations_new ();
      show_details (self, entry, expect);
      return;
    }

  if (gtk_switch_get_active (self->entry_time_switch) && jd_har_entry_has_started (entry))
    when = jd_har_entry_get_started_unix (entry);

  if (!jd_har_entry_has_token (entry))
    {
      /* Nothing goes to the window: the details alone are judged at the entry's time. */
      expect = jd_session_dup_expectations (session);
      if (when != 0)
        expect->now = when;
      show_details (self, entry, expect);
      return;
    }

  /* The main window puts the entry's token (and request) on its pages. */
  g_signal_emit (self, signals[ENTRY_ACTIVATED], 0, entry);

  /* The instant belongs to this token: the next text pasted, dropped or
   * opened is judged at now again (JdSession). */
  jd_session_set_judged_at (session, when, when != 0 ? _ ("when the request was sent") : NULL);
  expect = jd_session_dup_expectations (session);
  show_details (self, entry, expect);
}

static void
on_selected_item (JdHarView *self)
{
  apply_entry (self, gtk_single_selection_get_selected_item (self->selection));
}

static void
on_entry_time_switched (JdHarView *self)
{
  apply_entry (self, gtk_single_selection_get_selected_item (self->selection));
}

void
jd_har_view_select (JdHarView *self, guint position)
{
  g_return_if_fail (JD_IS_HAR_VIEW (self));
  g_return_if_fail (self->selection != NULL);

  if (gtk_single_selection_get_selected (self->selection) == position)
    on_selected_item (self);
  else
    gtk_single_selection_set_selected (self->selection, position);
}

/* ---- Tokens and Compare ------------------------------------------------------- */

/* The timeline is read the first time the Tokens page shows. */
static void
on_page_changed (JdHarView *self)
{
  if (self->har == NULL || self->timeline_filled)
    return;
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "tokens") != 0)
    return;
  self->timeline_filled = TRUE;
  jd_timeline_view_set_har (self->timeline_view, self->har);
}

static GtkListView *
find_list_view (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return GTK_LIST_VIEW (child);
  return NULL;
}

static guint
row_position (JdHarView *self, JdHarEntry *entry)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (JdHarEntry) e = g_list_model_get_item (G_LIST_MODEL (self->sorted), i);
      if (e == entry)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* A request chosen in the timeline: show it in the Requests list. */
static void
on_timeline_entry_activated (JdHarView *self, JdHarEntry *entry)
{
  guint position;
  GtkListView *list;

  if (self->sorted == NULL)
    return;

  position = row_position (self, entry);
  if (position == GTK_INVALID_LIST_POSITION)
    {
      /* hidden by the filter: show everything again */
      jd_har_view_set_filter (self, "", JD_HAR_VIEW_STATUS_ALL);
      position = row_position (self, entry);
    }
  if (position == GTK_INVALID_LIST_POSITION)
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, "requests");
  jd_har_view_select (self, position);
  list = find_list_view (GTK_WIDGET (self->column_view));
  if (list != NULL)
    gtk_widget_activate_action (GTK_WIDGET (list), "list.scroll-to-item", "u", position);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
on_compare_clicked (JdHarView *self)
{
  jd_har_view_compare (self, NULL);
}

/* ---- Loading ------------------------------------------------------------------ */

static void
on_progress (double fraction, gpointer user_data)
{
  JdHarView *self = user_data;
  g_autofree char *percent = g_strdup_printf ("%.0f %%", fraction * 100);

  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  gtk_progress_bar_set_text (self->progress_bar, percent);
}

static char *
describe_problems (JdHar *har)
{
  GPtrArray *problems = jd_har_get_problems (har);
  g_autoptr (GString) s = g_string_new (NULL);

  if (problems->len == 0)
    return NULL;

  g_string_append_printf (s,
                          g_dngettext (GETTEXT_PACKAGE, "%u problem while reading this file:",
                                       "%u problems while reading this file:", problems->len),
                          problems->len);
  for (guint i = 0; i < problems->len && i < 3; i++)
    {
      const JdHarProblem *p = g_ptr_array_index (problems, i);
      g_string_append_printf (s, "\n%s", p->message);
    }
  if (problems->len > 3)
    g_string_append (s, "\n…");
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
show_har (JdHarView *self)
{
  g_autofree char *problems = describe_problems (self->har);
  g_autofree char *subtitle = NULL;
  g_autofree char *requests = NULL;
  g_autoptr (GString) message = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->har));
  GtkCustomSorter *sorter;

  requests = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u request", "%u requests", n), n);
  subtitle
    = g_strdup_printf (_ ("%s · %u with a token · %u answered 401 or 403"), requests,
                       jd_har_get_n_with_token (self->har), jd_har_get_n_auth_failures (self->har));
  adw_window_title_set_subtitle (self->window_title, subtitle);

  if (jd_har_is_sanitized (self->har))
    g_string_append (message, jd_har_get_sanitized_message (self->har));
  else if (n > 0 && jd_har_get_n_with_token (self->har) == 0)
    g_string_append (message, _ ("No request in this file carries a bearer token."));
  if (problems != NULL)
    g_string_append_printf (message, "%s%s", message->len > 0 ? "\n\n" : "", problems);
  gtk_label_set_text (self->message_label, message->str);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message->len > 0);

  self->spans_days = jd_har_spans_days (self->har);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->har)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  sorter = gtk_custom_sorter_new (jd_har_entry_compare_failing_first, NULL, NULL);
  self->sorted
    = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)), GTK_SORTER (sorter));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (on_selected_item),
                           self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  update_list_stack (self);
  gtk_stack_set_visible_child_name (self->stack, "list");
  gtk_widget_set_sensitive (GTK_WIDGET (self->compare_button),
                            jd_har_get_n_with_token (self->har) > 0);
  on_page_changed (self);
}

static void
on_loaded (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (JdHarView) self = user_data;
  g_autoptr (GError) error = NULL;

  self->loading = FALSE;
  self->har = jd_har_load_finish (result, &error);

  /* closed (or Cancel pressed) while the worker ran: nothing to show */
  if (g_cancellable_is_cancelled (self->cancellable))
    {
      if (gtk_widget_get_realized (GTK_WIDGET (self)) || gtk_widget_get_visible (GTK_WIDGET (self)))
        gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (self->har == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          gtk_window_destroy (GTK_WINDOW (self));
          return;
        }
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      self->error = g_strdup (error->message);
      /* the description is markup */
      adw_status_page_set_description (self->error_page, escaped);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  show_har (self);
}

void
jd_har_view_load (JdHarView *self, GFile *file)
{
  g_autofree char *name = NULL;

  g_return_if_fail (JD_IS_HAR_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->file == NULL);

  self->file = g_object_ref (file);
  name = g_file_get_basename (file);
  adw_window_title_set_title (self->window_title, name);
  gtk_window_set_title (GTK_WINDOW (self), name);

  self->loading = TRUE;
  gtk_stack_set_visible_child_name (self->stack, "loading");
  on_progress (0, self);
  jd_har_load_async (file, NULL, self->cancellable, on_progress, self, on_loaded,
                     g_object_ref (self));
}

static void
on_cancel_clicked (JdHarView *self)
{
  g_cancellable_cancel (self->cancellable);
}

/* ---- Object ----------------------------------------------------------------- */

static gboolean
jd_har_view_close_request (GtkWindow *window)
{
  JdHarView *self = JD_HAR_VIEW (window);

  g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (jd_har_view_parent_class)->close_request (window);
}

static void
jd_har_view_dispose (GObject *object)
{
  JdHarView *self = JD_HAR_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);

  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_HAR_VIEW);

  G_OBJECT_CLASS (jd_har_view_parent_class)->dispose (object);
}

static void
jd_har_view_finalize (GObject *object)
{
  JdHarView *self = JD_HAR_VIEW (object);

  g_weak_ref_clear (&self->session);
  g_weak_ref_clear (&self->compare_view);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->file);
  g_clear_object (&self->har);
  g_free (self->filter_text);
  g_free (self->error);
  g_free (self->details);

  G_OBJECT_CLASS (jd_har_view_parent_class)->finalize (object);
}

static void
jd_har_view_class_init (JdHarViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = jd_har_view_dispose;
  object_class->finalize = jd_har_view_finalize;
  window_class->close_request = jd_har_view_close_request;

  g_type_ensure (JD_TYPE_TIMELINE_VIEW);

  /* A request with a token was chosen: the main window shows it. */
  signals[ENTRY_ACTIVATED]
    = g_signal_new ("entry-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                    NULL, G_TYPE_NONE, 1, JD_TYPE_HAR_ENTRY);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/jd-har-view.ui");
  gtk_widget_class_bind_template_child (widget_class, JdHarView, window_title);
  gtk_widget_class_bind_template_child (widget_class, JdHarView, entry_time_switch);
  gtk_widget_class_bind_template_child (widget_class, JdHarView, stack);
  gtk_widget_class_bind_template_child (widget_class, JdHarView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, JdHarView, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, JdHarView, error_page);
  gtk_widget_class_bind_template_child (widget_class, JdHarView, message_label);
  gtk_widget_class_bind_template_child (widget_class, JdHarView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, JdHarView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JdHarView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, JdHarView, column_view);
  gtk_widget_class_bind_template_child (widget_class, JdHarView, details_label);
  gtk_widget_class_bind_template_child (widget_class, JdHarView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, JdHarView, timeline_view);
  gtk_widget_class_bind_template_child (widget_class, JdHarView, compare_button);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jd_har_view_init (JdHarView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  jd_label_set_no_hyphens (self->details_label);

  self->cancellable = g_cancellable_new ();
  self->filter_text = g_strdup ("");

  add_column (self, _ ("Method"), COLUMN_METHOD, FALSE);
  add_column (self, _ ("Host"), COLUMN_HOST, FALSE);
  add_column (self, _ ("Path"), COLUMN_PATH, TRUE);
  add_column (self, _ ("Status"), COLUMN_STATUS, FALSE);
  add_column (self, _ ("Cause"), COLUMN_CAUSE, TRUE);
  add_column (self, _ ("Token"), COLUMN_TOKEN, FALSE);
  add_column (self, _ ("Started"), COLUMN_STARTED, FALSE);
  add_column (self, _ ("Duration"), COLUMN_DURATION, FALSE);

  g_signal_connect_object (self->cancel_button, "clicked", G_CALLBACK (on_cancel_clicked), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (on_search_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->status_dropdown, "notify::selected",
                           G_CALLBACK (on_status_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entry_time_switch, "notify::active",
                           G_CALLBACK (on_entry_time_switched), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (on_page_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timeline_view, "entry-activated",
                           G_CALLBACK (on_timeline_entry_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->compare_button, "clicked", G_CALLBACK (on_compare_clicked), self,
                           G_CONNECT_SWAPPED);
  g_weak_ref_init (&self->compare_view, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->compare_button), FALSE);
}

JdHarView *
jd_har_view_new (GtkWindow *parent, JdSession *session)
{
  JdHarView *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (JD_IS_SESSION (session), NULL);

  self = g_object_new (JD_TYPE_HAR_VIEW, "application", gtk_window_get_application (parent),
                       "transient-for", parent, "destroy-with-parent", TRUE, NULL);
  g_weak_ref_init (&self->session, session);
  return self;
}

gboolean
jd_har_view_get_loading (JdHarView *self)
{
  g_return_val_if_fail (JD_IS_HAR_VIEW (self), FALSE);
  return self->loading;
}

JdHar *
jd_har_view_get_har (JdHarView *self)
{
  g_return_val_if_fail (JD_IS_HAR_VIEW (self), NULL);
  return self->har;
}

GListModel *
jd_har_view_get_rows (JdHarView *self)
{
  g_return_val_if_fail (JD_IS_HAR_VIEW (self), NULL);
  return self->sorted != NULL ? G_LIST_MODEL (self->sorted) : NULL;
}

const char *
jd_har_view_get_message (JdHarView *self)
{
  g_return_val_if_fail (JD_IS_HAR_VIEW (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->message_label)))
    return NULL;
  return gtk_label_get_text (self->message_label);
}

const char *
jd_har_view_get_error (JdHarView *self)
{
  g_return_val_if_fail (JD_IS_HAR_VIEW (self), NULL);
  return self->error;
}

const char *
jd_har_view_get_details (JdHarView *self)
{
  g_return_val_if_fail (JD_IS_HAR_VIEW (self), NULL);
  return self->details;
}

void
jd_har_view_set_at_request_time (JdHarView *self, gboolean at_request_time)
{
  g_return_if_fail (JD_IS_HAR_VIEW (self));
  gtk_switch_set_active (self->entry_time_switch, at_request_time);
}

gboolean
jd_har_view_get_at_request_time (JdHarView *self)
{
  g_return_val_if_fail (JD_IS_HAR_VIEW (self), FALSE);
  return gtk_switch_get_active (self->entry_time_switch);
}

JdHarEntry *
jd_har_view_get_selected_entry (JdHarView *self)
{
  g_return_val_if_fail (JD_IS_HAR_VIEW (self), NULL);

  if (self->selection == NULL)
    return NULL;
  return gtk_single_selection_get_selected_item (self->selection);
}

void
jd_har_view_set_page (JdHarView *self, const char *name)
{
  g_return_if_fail (JD_IS_HAR_VIEW (self));
  g_return_if_fail (g_strcmp0 (name, "requests") == 0 || g_strcmp0 (name, "tokens") == 0);

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

const char *
jd_har_view_get_page (JdHarView *self)
{
  g_return_val_if_fail (JD_IS_HAR_VIEW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

JdTimelineView *
jd_har_view_get_timeline_view (JdHarView *self)
{
  g_return_val_if_fail (JD_IS_HAR_VIEW (self), NULL);
  return self->timeline_view;
}

JdCompareView *
jd_har_view_compare (JdHarView *self, JdHarEntry *entry)
{
  g_autoptr (JdCompareView) existing = NULL;
  g_autoptr (JdSession) session = NULL;
  JdCompareView *view;
  JdHarEntry *worked = NULL;
  JdHarEntry *failed = NULL;

  g_return_val_if_fail (JD_IS_HAR_VIEW (self), NULL);
  g_return_val_if_fail (entry == NULL || JD_IS_HAR_ENTRY (entry), NULL);
  g_return_val_if_fail (self->har != NULL, NULL);

  if (entry == NULL)
    entry = jd_har_view_get_selected_entry (self);
  jd_compare_pick_pair (self->har, entry, &worked, &failed);

  existing = g_weak_ref_get (&self->compare_view);
  if (existing != NULL)
    view = existing;
  else
    {
      view = jd_compare_view_new (GTK_WINDOW (self), self->har);
      g_weak_ref_set (&self->compare_view, view);
    }

  session = g_weak_ref_get (&self->session);
  if (session != NULL)
    {
      g_autoptr (JdExpectations) expect = jd_session_dup_expectations (session);
      jd_compare_view_set_leeway (view, expect->leeway);
    }
  jd_compare_view_set_entries (view, worked, failed);
  gtk_window_present (GTK_WINDOW (view));
  return view;
}
