/* jd-compare-view.c — two tokens side by side, differences marked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "jd-compare-view.h"
#include "jd-sign.h"
#include "jd-diagnosis.h"
#include "jd-input.h"

struct _JdCompareView
{
  AdwWindow parent_instance;

  GtkLabel *left_heading;
  GtkLabel *right_heading;
  GtkDropDown *left_dropdown;
  GtkDropDown *right_dropdown;
  GtkEntry *left_entry;
  GtkEntry *right_entry;
  GtkSwitch *only_switch;
  GtkWidget *summary_box;
  GtkLabel *summary_label;
  GtkGrid *grid;

  JdHar *har;
  GtkFilterListModel *with_token;
  GPtrArray *rows;
  char *summary;
  gint64 leeway;
};

G_DEFINE_FINAL_TYPE (JdCompareView, jd_compare_view, ADW_TYPE_WINDOW)

/* ---- The sides ---------------------------------------------------------------- */

static char *
entry_label (JdHarEntry *entry)
{
  guint status = jd_har_entry_get_status (entry);
  g_autofree char *at = NULL;
  g_autofree char *code = status != 0 ? g_strdup_printf ("%u", status) : g_strdup ("—");

  if (jd_har_entry_has_started (entry))
    {
      g_autoptr (GDateTime) dt
        = g_date_time_new_from_unix_local (jd_har_entry_get_started_unix (entry));
      at = dt != NULL ? g_date_time_format (dt, "%H:%M:%S") : NULL;
    }

  /* TRANSLATORS: "#2 · 401 GET /v1/orders · 22:14:00"; "—" when there was no response */
  return g_strdup_printf ("#%u · %s %s %s%s%s", jd_har_entry_get_index (entry), code,
                          jd_har_entry_get_method (entry), jd_har_entry_get_path (entry),
                          at != NULL ? " · " : "", at != NULL ? at : "");
}

static JdHarEntry *
side_entry (JdCompareView *self, GtkDropDown *dropdown)
{
  if (self->with_token == NULL)
    return NULL;
  return gtk_drop_down_get_selected_item (dropdown);
}

static const char *
side_text (GtkEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  return text != NULL && *text != '\0' ? text : NULL;
}

/* The side's token (new), its moment of use (0: none) and its heading. */
static JdToken *
side_token (JdCompareView *self, GtkDropDown *dropdown, GtkEntry *text_entry, const char *letter,
            gint64 *at, char **heading)
{
  const char *text = side_text (text_entry);
  JdHarEntry *entry;

  *at = 0;
  if (text != NULL)
    {
      g_autoptr (JdInput) input = jd_input_parse (text, strlen (text));

      /* TRANSLATORS: "A · pasted token, judged now" */
      *heading = g_strdup_printf (_ ("%s · pasted token, judged now"), letter);
      gtk_widget_set_sensitive (GTK_WIDGET (dropdown), FALSE);
      if (*jd_input_get_token (input) == '\0')
        return NULL;
      /* a pasted token is about to be used: its moment is now */
      *at = g_get_real_time () / G_USEC_PER_SEC;
      if (jd_sign_is_made_here (jd_input_get_token (input)))
        {
          g_free (*heading);
          /* TRANSLATORS: "B · test token signed on this computer" */
          *heading = g_strdup_printf (_ ("%s · test token signed on this computer"), letter);
        }
      return jd_token_parse (jd_input_get_token (input), -1);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (dropdown), TRUE);
  entry = side_entry (self, dropdown);
  if (entry == NULL || !jd_har_entry_has_token (entry))
    {
      /* TRANSLATORS: "A · no token yet" */
      *heading = g_strdup_printf (_ ("%s · choose a request or paste a token"), letter);
      return NULL;
    }

  if (jd_har_entry_get_status (entry) == 0)
    /* TRANSLATORS: "A · no response" */
    *heading = g_strdup_printf (_ ("%s · no response"), letter);
  else
    {
      const char *outcome = jd_compare_entry_worked (entry)        ? _ ("worked")
                            : jd_har_entry_is_auth_failure (entry) ? _ ("failed")
                                                                   : _ ("other status");

      /* TRANSLATORS: "A · worked (200)" */
      *heading
        = g_strdup_printf (_ ("%s · %s (%u)"), letter, outcome, jd_har_entry_get_status (entry));
    }
  if (jd_har_entry_has_started (entry))
    *at = jd_har_entry_get_started_unix (entry);
  return jd_token_parse (jd_har_entry_get_token (entry), -1);
}

/* ---- The table ---------------------------------------------------------------- */

static GtkWidget *
cell_label (const char *text, const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 34);
  gtk_label_set_width_chars (GTK_LABEL (label), 12);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static const char *
section_title (JdCompareSection section)
{
  switch (section)
    {
      case JD_COMPARE_SECTION_HEADER:
        return _ ("Header");
      case JD_COMPARE_SECTION_PAYLOAD:
        return _ ("Claims");
      case JD_COMPARE_SECTION_DERIVED:
      default:
        return _ ("Derived");
    }
}

static void
clear_grid (JdCompareView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
}

static void
fill_grid (JdCompareView *self)
{
  gboolean only = gtk_switch_get_active (self->only_switch);
  int y = 0;
  int section = -1;

  clear_grid (self);
  if (self->rows == NULL)
    return;

  gtk_grid_attach (self->grid, cell_label (_ ("Member"), "heading"), 0, y, 1, 1);
  gtk_grid_attach (self->grid, cell_label ("A", "heading"), 1, y, 1, 1);
  gtk_grid_attach (self->grid, cell_label ("B", "heading"), 2, y, 1, 1);
  gtk_grid_attach (self->grid, cell_label (_ ("Comparison"), "heading"), 3, y, 1, 1);
  y++;

  for (guint i = 0; i < self->rows->len; i++)
    {
      const JdCompareRow *row = g_ptr_array_index (self->rows, i);
      g_autofree char *state = jd_compare_state_describe (row->state, "A", "B");
      GtkWidget *name;
      GtkWidget *left;
      GtkWidget *right;
      GtkWidget *verdict;
      GtkWidget *badge;
      const char *mono;

      if (only && row->state == JD_COMPARE_SAME)
        continue;

      if ((int)row->section != section)
        {
          GtkWidget *title = cell_label (section_title (row->section), "title-4");

          section = row->section;
          gtk_widget_set_margin_top (title, y > 1 ? 12 : 0);
          gtk_grid_attach (self->grid, title, 0, y++, 4, 1);
        }

      name
        = cell_label (row->name, row->section == JD_COMPARE_SECTION_DERIVED ? NULL : "monospace");
      if (row->state != JD_COMPARE_SAME)
        gtk_widget_add_css_class (name, "heading");
      mono = row->section == JD_COMPARE_SECTION_DERIVED ? NULL : "monospace";
      left = cell_label (row->left != NULL ? row->left : _ ("(absent)"),
                         row->left != NULL ? mono : "dim-label");
      right = cell_label (row->right != NULL ? row->right : _ ("(absent)"),
                          row->right != NULL ? mono : "dim-label");
      gtk_label_set_selectable (GTK_LABEL (left), row->left != NULL);
      gtk_label_set_selectable (GTK_LABEL (right), row->right != NULL);

      verdict = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      badge = gtk_label_new (state);
      gtk_widget_set_halign (badge, GTK_ALIGN_START);
      gtk_widget_set_valign (badge, GTK_ALIGN_START);
      if (row->state == JD_COMPARE_SAME)
        gtk_widget_add_css_class (badge, "dim-label");
      else
        {
          gtk_widget_add_css_class (badge, "badge");
          gtk_widget_add_css_class (badge, row->rank > 0 && row->rank <= 3 ? "error" : "warning");
        }
      gtk_box_append (GTK_BOX (verdict), badge);
      if (row->note != NULL)
        gtk_box_append (GTK_BOX (verdict), cell_label (row->note, NULL));

      gtk_grid_attach (self->grid, name, 0, y, 1, 1);
      gtk_grid_attach (self->grid, left, 1, y, 1, 1);
      gtk_grid_attach (self->grid, right, 2, y, 1, 1);
      gtk_grid_attach (self->grid, verdict, 3, y, 1, 1);
      y++;
    }
}

static void
set_summary (JdCompareView *self, const char *text, const char *state)
{
  const char *newline = strchr (text, '\n');
  g_autofree char *first = g_markup_escape_text (text, newline != NULL ? newline - text : -1);
  g_autofree char *rest = newline != NULL ? g_markup_escape_text (newline, -1) : g_strdup ("");
  g_autofree char *markup = g_strdup_printf ("<b>%s</b>%s", first, rest);

  g_free (self->summary);
  self->summary = g_strdup (text);
  gtk_label_set_markup (self->summary_label, markup);
  gtk_widget_remove_css_class (self->summary_box, "error");
  gtk_widget_remove_css_class (self->summary_box, "warning");
  gtk_widget_remove_css_class (self->summary_box, "success");
  if (state != NULL)
    gtk_widget_add_css_class (self->summary_box, state);
}

static void
update (JdCompareView *self)
{
  g_autoptr (JdToken) left = NULL;
  g_autoptr (JdToken) right = NULL;
  g_autofree char *left_heading = NULL;
  g_autofree char *right_heading = NULL;
  g_autoptr (GString) s = g_string_new (NULL);
  g_auto (GStrv) notes = NULL;
  gint64 left_at;
  gint64 right_at;
  guint n;
  gboolean decisive = FALSE;

  left = side_token (self, self->left_dropdown, self->left_entry, "A", &left_at, &left_heading);
  right
    = side_token (self, self->right_dropdown, self->right_entry, "B", &right_at, &right_heading);
  gtk_label_set_text (self->left_heading, left_heading);
  gtk_label_set_text (self->right_heading, right_heading);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->left_heading), left_heading);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->right_heading), right_heading);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  if (left == NULL || right == NULL)
    {
      set_summary (
        self, _ ("Choose two requests, or paste a token on either side, to compare their tokens."),
        NULL);
      fill_grid (self);
      return;
    }

  self->rows = jd_compare_tokens (left, right, left_at, right_at, self->leeway);
  notes = jd_compare_dup_notes (self->rows);
  n = jd_compare_count_differences (self->rows);

  if (jd_compare_same_token (left, right))
    g_string_append (s, _ ("Both sides carry the same token: the difference is not in the token "
                           "(look at the request, the server, or when it was sent)."));
  else
    g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%u difference", "%u differences", n),
                            n);
  /* A token made by Edit and Re-sign is never taken for one the provider issued. */
  if (jd_sign_is_made_here (jd_token_get_text (left))
      != jd_sign_is_made_here (jd_token_get_text (right)))
    g_string_append_printf (s,
                            _ ("\n• %s is a test token signed on this computer, not one the "
                               "identity provider issued: it shows what the API does with these "
                               "claims, not why the original failed."),
                            jd_sign_is_made_here (jd_token_get_text (left)) ? "A" : "B");

  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    {
      const JdCompareRow *row = g_ptr_array_index (self->rows, i);
      if (row->state != JD_COMPARE_SAME && row->rank > 0 && row->rank <= 3)
        decisive = TRUE;
    }
  for (guint i = 0; notes[i] != NULL; i++)
    g_string_append_printf (s, "\n• %s", notes[i]);

  /* A re-signed token beside its original is never "the same": at least a warning. */
  set_summary (self, s->str,
               decisive ? "error"
               : n > 0
                   || jd_sign_is_made_here (jd_token_get_text (left))
                        != jd_sign_is_made_here (jd_token_get_text (right))
                 ? "warning"
                 : "success");
  fill_grid (self);
}

/* ---- Pickers ------------------------------------------------------------------- */

static gboolean
has_token_filter (gpointer item, gpointer user_data)
{
  return jd_har_entry_has_token (item);
}

static void
setup_choice (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
  gtk_list_item_set_child (item, label);
}

static void
bind_choice (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  g_autofree char *text = entry_label (gtk_list_item_get_item (item));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static guint
position_of (JdCompareView *self, JdHarEntry *entry)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->with_token));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (JdHarEntry) e = g_list_model_get_item (G_LIST_MODEL (self->with_token), i);
      if (e == entry)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* ---- API ---------------------------------------------------------------------- */

void
jd_compare_view_set_entries (JdCompareView *self, JdHarEntry *left, JdHarEntry *right)
{
  g_return_if_fail (JD_IS_COMPARE_VIEW (self));
  g_return_if_fail (self->with_token != NULL);

  if (left != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->left_entry), "");
      gtk_drop_down_set_selected (self->left_dropdown, position_of (self, left));
    }
  if (right != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->right_entry), "");
      gtk_drop_down_set_selected (self->right_dropdown, position_of (self, right));
    }
  update (self);
}

void
jd_compare_view_set_left_text (JdCompareView *self, const char *text)
{
  g_return_if_fail (JD_IS_COMPARE_VIEW (self));
  gtk_editable_set_text (GTK_EDITABLE (self->left_entry), text != NULL ? text : "");
}

void
jd_compare_view_set_right_text (JdCompareView *self, const char *text)
{
  g_return_if_fail (JD_IS_COMPARE_VIEW (self));
  gtk_editable_set_text (GTK_EDITABLE (self->right_entry), text != NULL ? text : "");
}

void
jd_compare_view_set_leeway (JdCompareView *self, gint64 leeway)
{
  g_return_if_fail (JD_IS_COMPARE_VIEW (self));

  if (self->leeway == leeway)
    return;
  self->leeway = leeway;
  update (self);
}

void
jd_compare_view_set_only_differences (JdCompareView *self, gboolean only)
{
  g_return_if_fail (JD_IS_COMPARE_VIEW (self));
  gtk_switch_set_active (self->only_switch, only);
}

GPtrArray *
jd_compare_view_get_rows (JdCompareView *self)
{
  g_return_val_if_fail (JD_IS_COMPARE_VIEW (self), NULL);
  return self->rows;
}

const char *
jd_compare_view_get_summary (JdCompareView *self)
{
  g_return_val_if_fail (JD_IS_COMPARE_VIEW (self), NULL);
  return self->summary;
}

/* ---- Object ----------------------------------------------------------------- */

static void
jd_compare_view_dispose (GObject *object)
{
  JdCompareView *self = JD_COMPARE_VIEW (object);

  if (self->left_dropdown != NULL)
    {
      gtk_drop_down_set_model (self->left_dropdown, NULL);
      gtk_drop_down_set_model (self->right_dropdown, NULL);
    }
  g_clear_object (&self->with_token);
  g_clear_object (&self->har);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_COMPARE_VIEW);

  G_OBJECT_CLASS (jd_compare_view_parent_class)->dispose (object);
}

static void
jd_compare_view_finalize (GObject *object)
{
  JdCompareView *self = JD_COMPARE_VIEW (object);

  g_free (self->summary);

  G_OBJECT_CLASS (jd_compare_view_parent_class)->finalize (object);
}

static void
jd_compare_view_class_init (JdCompareViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_compare_view_dispose;
  object_class->finalize = jd_compare_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/jd-compare-view.ui");
  gtk_widget_class_bind_template_child (widget_class, JdCompareView, left_heading);
  gtk_widget_class_bind_template_child (widget_class, JdCompareView, right_heading);
  gtk_widget_class_bind_template_child (widget_class, JdCompareView, left_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JdCompareView, right_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JdCompareView, left_entry);
  gtk_widget_class_bind_template_child (widget_class, JdCompareView, right_entry);
  gtk_widget_class_bind_template_child (widget_class, JdCompareView, only_switch);
  gtk_widget_class_bind_template_child (widget_class, JdCompareView, summary_box);
  gtk_widget_class_bind_template_child (widget_class, JdCompareView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, JdCompareView, grid);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jd_compare_view_init (JdCompareView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->leeway = JD_DEFAULT_LEEWAY;
}

JdCompareView *
jd_compare_view_new (GtkWindow *parent, JdHar *har)
{
  JdCompareView *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (har == NULL || JD_IS_HAR (har), NULL);

  self = g_object_new (JD_TYPE_COMPARE_VIEW, "transient-for", parent, "destroy-with-parent",
                       parent != NULL, NULL);
  if (parent != NULL && gtk_window_get_application (parent) != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));

  if (har != NULL)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

      self->har = g_object_ref (har);
      self->with_token = gtk_filter_list_model_new (
        g_object_ref (G_LIST_MODEL (har)),
        GTK_FILTER (gtk_custom_filter_new (has_token_filter, NULL, NULL)));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_choice), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_choice), NULL);
      gtk_drop_down_set_factory (self->left_dropdown, factory);
      gtk_drop_down_set_factory (self->right_dropdown, factory);
      g_object_unref (factory);
      gtk_drop_down_set_model (self->left_dropdown, G_LIST_MODEL (self->with_token));
      gtk_drop_down_set_model (self->right_dropdown, G_LIST_MODEL (self->with_token));
      gtk_drop_down_set_selected (self->left_dropdown, GTK_INVALID_LIST_POSITION);
      gtk_drop_down_set_selected (self->right_dropdown, GTK_INVALID_LIST_POSITION);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->left_dropdown), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->right_dropdown), FALSE);
      gtk_entry_set_placeholder_text (self->left_entry, _ ("Paste a token for A"));
      gtk_entry_set_placeholder_text (self->right_entry, _ ("Paste a token for B"));
    }

  g_signal_connect_object (self->left_dropdown, "notify::selected", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->right_dropdown, "notify::selected", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->left_entry, "changed", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->right_entry, "changed", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->only_switch, "notify::active", G_CALLBACK (fill_grid), self,
                           G_CONNECT_SWAPPED);

  update (self);
  return self;
}
