/* jd-token-results.c — the Token page's findings list and its claims and
 * header tables, with their row menu
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "jd-claims.h"
#include "jd-finding.h"
#include "jd-no-hyphens.h"
#include "jd-severity.h"
#include "jd-token-results.h"

struct _JdTokenResults
{
  GtkBox parent_instance;

  GtkListBox *findings_list;
  GtkColumnView *claims_view;
  GtkColumnView *header_view;
  GMenuModel *claim_menu;

  GtkWidget *menu_popover;
  JdClaimNode *menu_node;

  GtkSingleSelection *claims_selection;
  GtkSingleSelection *header_selection;
};

G_DEFINE_FINAL_TYPE (JdTokenResults, jd_token_results, GTK_TYPE_BOX)

enum
{
  FINDING_SELECTED,
  LAST_SIGNAL
};

static guint signals[LAST_SIGNAL];

/* ---- Findings ---------------------------------------------------------------- */

/* A plain row (icon, message, fix): cheaper to measure than an
 * AdwActionRow, which matters when every keystroke rebuilds the list. */
static GtkWidget *
create_finding_row (gpointer item, gpointer user_data)
{
  JdFinding *finding = JD_FINDING (item);
  JdSeverity severity = jd_finding_get_severity (finding);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *icon = gtk_image_new_from_icon_name (jd_severity_icon_name (severity));
  GtkWidget *message = gtk_label_new (jd_finding_get_message (finding));
  const char *fix = jd_finding_get_fix (finding);
  g_autofree char *accessible = NULL;

  gtk_widget_add_css_class (icon, jd_severity_css_class (severity));
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  jd_severity_label (severity), -1);
  gtk_widget_set_tooltip_text (icon, jd_severity_label (severity));

  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (message), PANGO_WRAP_WORD_CHAR);
  /* A minimum width in characters spares GTK from laying the text out at
   * every candidate width (half the cost of the first frame after a paste). */
  gtk_label_set_width_chars (GTK_LABEL (message), 20);
  /* Messages quote kids, audiences and token bytes: no drawn hyphens. */
  jd_label_set_no_hyphens (GTK_LABEL (message));
  gtk_box_append (GTK_BOX (texts), message);
  if (fix != NULL && fix[0] != '\0')
    {
      GtkWidget *fix_label = gtk_label_new (fix);

      gtk_label_set_xalign (GTK_LABEL (fix_label), 0);
      gtk_label_set_wrap (GTK_LABEL (fix_label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (fix_label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (fix_label), 20);
      jd_label_set_no_hyphens (GTK_LABEL (fix_label));
      gtk_widget_add_css_class (fix_label, "dim-label");
      gtk_widget_add_css_class (fix_label, "caption");
      gtk_box_append (GTK_BOX (texts), fix_label);
    }
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);

  /* A grid, not a horizontal box: asked for its height at a width, GTK 4.8's
   * box searches for the widths of children whose width depends on their
   * height (the wrapping texts) by bisection, each step a bisection over
   * Pango layouts inside GtkLabel — half the frame after a paste. The grid
   * gives the texts the width left of the icon, as the box did. */
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  /* The row takes the grid's whole height (min-height in style.css), so
   * icon and texts centre in it as in a box; the grid keeps the expansion
   * to itself. */
  gtk_widget_set_vexpand (texts, TRUE);
  gtk_widget_set_vexpand (grid, FALSE);
  gtk_grid_attach (GTK_GRID (grid), icon, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), texts, 1, 0, 1, 1);
  gtk_widget_add_css_class (grid, "finding-box");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);
  gtk_widget_add_css_class (row, "finding");

  /* Read as one sentence: "Error: the token expired … Fix: …" */
  accessible
    = g_strdup_printf ("%s: %s", jd_severity_label (severity), jd_finding_get_message (finding));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "finding", g_object_ref (finding), g_object_unref);

  return row;
}

static void
findings_row_selected (JdTokenResults *self, GtkListBoxRow *row)
{
  JdFinding *finding;

  if (row == NULL)
    return;
  finding = g_object_get_data (G_OBJECT (row), "finding");
  g_signal_emit (self, signals[FINDING_SELECTED], 0, finding);
}

void
jd_token_results_bind_findings (JdTokenResults *self, GListModel *findings)
{
  g_return_if_fail (JD_IS_TOKEN_RESULTS (self));

  gtk_list_box_bind_model (self->findings_list, findings, create_finding_row, NULL, NULL);
}

GtkListBox *
jd_token_results_get_findings_list (JdTokenResults *self)
{
  g_return_val_if_fail (JD_IS_TOKEN_RESULTS (self), NULL);

  return self->findings_list;
}

/* ---- Claims trees ----------------------------------------------------------- */

static JdClaimNode *
node_from_list_item (GtkListItem *item)
{
  GtkTreeListRow *row = gtk_list_item_get_item (item);

  return row ? gtk_tree_list_row_get_item (row) : NULL; /* (transfer full) */
}

static void
popup_menu (JdTokenResults *self, JdClaimNode *node, GtkWidget *widget, double x, double y)
{
  double px = 0, py = 0;

  g_set_object (&self->menu_node, node);
  /* gtk_widget_translate_coordinates () is deprecated since GTK 4.12 */
#if GTK_CHECK_VERSION(4, 12, 0)
  {
    graphene_point_t p;

    if (!gtk_widget_compute_point (widget, GTK_WIDGET (self), &GRAPHENE_POINT_INIT (x, y), &p))
      return;
    px = p.x;
    py = p.y;
  }
#else
  if (!gtk_widget_translate_coordinates (widget, GTK_WIDGET (self), x, y, &px, &py))
    return;
#endif
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu_popover),
                               &(GdkRectangle){ (int)px, (int)py, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->menu_popover));
}

static void
cell_pressed (GtkGestureClick *gesture, int n_press, double x, double y, GtkListItem *item)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  JdTokenResults *self = JD_TOKEN_RESULTS (gtk_widget_get_ancestor (widget, JD_TYPE_TOKEN_RESULTS));
  g_autoptr (JdClaimNode) node = node_from_list_item (item);
  GtkColumnView *view = GTK_COLUMN_VIEW (gtk_widget_get_ancestor (widget, GTK_TYPE_COLUMN_VIEW));

  if (self == NULL || node == NULL)
    return;

  gtk_selection_model_select_item (gtk_column_view_get_model (view),
                                   gtk_list_item_get_position (item), TRUE);
  popup_menu (self, node, widget, x, y);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
add_context_gesture (GtkWidget *widget, GtkListItem *item)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (cell_pressed), item);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));
}

static void
name_setup (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* Short names whole ("aud", "exp"), long ones cut in the middle. */
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_width_chars (GTK_LABEL (label), 5);
  gtk_widget_add_css_class (label, "claim-name");
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), label);
  gtk_list_item_set_child (item, expander);
  add_context_gesture (expander, item);
}

static void
name_bind (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkTreeExpander *expander = GTK_TREE_EXPANDER (gtk_list_item_get_child (item));
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  g_autoptr (JdClaimNode) node = node_from_list_item (item);

  g_autofree char *tooltip = NULL;

  gtk_tree_expander_set_list_row (expander, row);
  gtk_label_set_text (GTK_LABEL (gtk_tree_expander_get_child (expander)),
                      jd_claim_node_get_name (node));
  /* The whole name, and its meaning (the Meaning column is hidden when narrow). */
  if (jd_claim_node_get_meaning (node) != NULL)
    tooltip = g_strdup_printf ("%s — %s", jd_claim_node_get_name (node),
                               jd_claim_node_get_meaning (node));
  gtk_widget_set_tooltip_text (gtk_tree_expander_get_child (expander),
                               tooltip != NULL ? tooltip : jd_claim_node_get_name (node));
}

static void
name_unbind (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (gtk_list_item_get_child (item)), NULL);
}

static void
update_badge (JdClaimNode *node, GParamSpec *pspec, GtkWidget *badge)
{
  JdBadgeState state = jd_claim_node_get_badge_state (node);
  const char *classes[] = { "badge", NULL, NULL };

  switch (state)
    {
      case JD_BADGE_OK:
        classes[1] = "success";
        break;
      case JD_BADGE_WARNING:
        classes[1] = "warning";
        break;
      case JD_BADGE_ERROR:
        classes[1] = "error";
        break;
      case JD_BADGE_NONE:
      default:
        break;
    }
  gtk_widget_set_css_classes (badge, classes);
  gtk_widget_set_visible (badge,
                          state != JD_BADGE_NONE && jd_claim_node_get_badge_text (node) != NULL);
  gtk_label_set_text (GTK_LABEL (badge), jd_claim_node_get_badge_text (node));
  gtk_widget_set_tooltip_text (badge, jd_claim_node_get_badge_tooltip (node));
}

static void
value_setup (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *badge = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* Cut in the middle: both ends stay in view, where near misses are
   * (a trailing slash on "aud", the end of a kid); the tooltip has it all. */
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
  gtk_widget_add_css_class (label, "monospace");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), badge);
  gtk_list_item_set_child (item, box);
  add_context_gesture (box, item);
}

/* Bytes of a claim value shown whole in its tooltip. */
#define VALUE_TOOLTIP_MAX 4096

static char *node_value_text (JdClaimNode *node);

static void
value_bind (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *label = gtk_widget_get_first_child (box);
  GtkWidget *badge = gtk_widget_get_next_sibling (label);
  g_autoptr (JdClaimNode) node = node_from_list_item (item);
  g_autofree char *whole = node_value_text (node);

  gtk_label_set_text (GTK_LABEL (label), jd_claim_node_get_value_text (node));
  /* The whole value (the text shown stops after 256 characters), unless it
   * is too long for a tooltip; Copy Value always copies all of it. */
  gtk_widget_set_tooltip_text (
    label, strlen (whole) <= VALUE_TOOLTIP_MAX ? whole : jd_claim_node_get_value_text (node));
  update_badge (node, NULL, badge);
  g_signal_connect_object (node, "notify::badge-text", G_CALLBACK (update_badge), badge, 0);
  g_signal_connect_object (node, "notify::badge-state", G_CALLBACK (update_badge), badge, 0);
  g_signal_connect_object (node, "notify::badge-tooltip", G_CALLBACK (update_badge), badge, 0);
}

static void
value_unbind (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *badge = gtk_widget_get_next_sibling (gtk_widget_get_first_child (box));
  g_autoptr (JdClaimNode) node = node_from_list_item (item);

  if (node != NULL)
    g_signal_handlers_disconnect_by_data (node, badge);
}

static void
meaning_setup (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (label), 16);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_list_item_set_child (item, label);
  add_context_gesture (label, item);
}

static void
meaning_bind (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  g_autoptr (JdClaimNode) node = node_from_list_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), jd_claim_node_get_meaning (node));
}

static void
add_column (GtkColumnView *view, const char *title, gboolean expand, GCallback setup,
            GCallback bind, GCallback unbind)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkColumnViewColumn) column = NULL;

  g_signal_connect (factory, "setup", setup, NULL);
  g_signal_connect (factory, "bind", bind, NULL);
  if (unbind != NULL)
    g_signal_connect (factory, "unbind", unbind, NULL);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (view, column);
}

static JdClaimNode *
selected_node (JdTokenResults *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  GtkSingleSelection *selection = self->claims_selection;
  GtkTreeListRow *row;

  if (focus != NULL && self->header_view != NULL
      && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->header_view)))
    selection = self->header_selection;
  row = gtk_single_selection_get_selected_item (selection);

  return row ? gtk_tree_list_row_get_item (row) : NULL;
}

static char *
node_value_text (JdClaimNode *node)
{
  JsonNode *json = jd_claim_node_get_node (node);

  if (json == NULL)
    return g_strdup ("");
  if (JSON_NODE_HOLDS_VALUE (json) && json_node_get_value_type (json) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (json));

  return json_to_string (json, FALSE);
}

void
jd_token_results_copy (JdTokenResults *self, gboolean whole_claim)
{
  g_autoptr (JdClaimNode) node = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (JD_IS_TOKEN_RESULTS (self));

  node = self->menu_node ? g_object_ref (self->menu_node) : selected_node (self);
  g_clear_object (&self->menu_node);
  if (node == NULL)
    return;

  if (!whole_claim)
    text = node_value_text (node);
  else
    {
      JsonNode *json = jd_claim_node_get_node (node);
      g_autoptr (JsonNode) name
        = json_node_init_string (json_node_alloc (), jd_claim_node_get_name (node));
      g_autofree char *name_text = json_to_string (name, FALSE);
      g_autofree char *value_text = json ? json_to_string (json, FALSE) : g_strdup ("null");

      text = g_strdup_printf ("%s: %s", name_text, value_text);
    }

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
}

static void
popup_selected (JdTokenResults *self, GtkColumnView *view)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (view));
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (selection);
  g_autoptr (JdClaimNode) node = row ? gtk_tree_list_row_get_item (row) : NULL;

  if (node != NULL)
    popup_menu (self, node, GTK_WIDGET (view), gtk_widget_get_width (GTK_WIDGET (view)) / 2.0,
                gtk_widget_get_height (GTK_WIDGET (view)) / 2.0);
}

static gboolean
menu_shortcut (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  JdTokenResults *self = JD_TOKEN_RESULTS (gtk_widget_get_ancestor (widget, JD_TYPE_TOKEN_RESULTS));

  popup_selected (self, GTK_COLUMN_VIEW (widget));
  return TRUE;
}

/* A column view reports little natural height before its rows exist; size
 * the card around the rows instead, up to its maximum. */
static void
fit_view_height (GListModel *rows, guint position, guint removed, guint added, GtkColumnView *view)
{
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_parent (GTK_WIDGET (view)));
  int height = 38 + 50 * (int)g_list_model_get_n_items (rows);

  gtk_scrolled_window_set_min_content_height (
    scroller, MIN (height, gtk_scrolled_window_get_max_content_height (scroller)));
}

static void
setup_view (GtkColumnView *view, GtkTreeListModel *tree, GtkSingleSelection *selection)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_column_view_set_model (view, GTK_SELECTION_MODEL (selection));
  g_signal_connect_object (tree, "items-changed", G_CALLBACK (fit_view_height), view, 0);
  fit_view_height (G_LIST_MODEL (tree), 0, 0, 0, view);

  add_column (view, _ ("Claim"), FALSE, G_CALLBACK (name_setup), G_CALLBACK (name_bind),
              G_CALLBACK (name_unbind));
  add_column (view, _ ("Value"), TRUE, G_CALLBACK (value_setup), G_CALLBACK (value_bind),
              G_CALLBACK (value_unbind));
  add_column (view, _ ("Meaning"), TRUE, G_CALLBACK (meaning_setup), G_CALLBACK (meaning_bind),
              NULL);

  /* Keyboard: the menu key or Shift+F10 opens the row menu, Ctrl+C copies the value. */
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (
      gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Menu, 0),
                                   gtk_keyval_trigger_new (GDK_KEY_F10, GDK_SHIFT_MASK)),
      gtk_callback_action_new (menu_shortcut, NULL, NULL)));
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_c, GDK_CONTROL_MASK),
                      gtk_named_action_new ("claims.copy-value")));
  gtk_widget_add_controller (GTK_WIDGET (view), shortcuts);
}

/* The Meaning column of @view (its third), shown unless the page is narrow. */
static void
show_meaning_column (GtkColumnView *view, gboolean visible)
{
  g_autoptr (GtkColumnViewColumn) column = NULL;

  column = g_list_model_get_item (gtk_column_view_get_columns (view), 2);
  if (column != NULL)
    gtk_column_view_column_set_visible (column, visible);
}

void
jd_token_results_set_narrow (JdTokenResults *self, gboolean narrow)
{
  g_return_if_fail (JD_IS_TOKEN_RESULTS (self));

  show_meaning_column (self->claims_view, !narrow);
  show_meaning_column (self->header_view, !narrow);
}

/* ---- Life cycle ------------------------------------------------------------ */

GtkWidget *
jd_token_results_new (GtkSingleSelection *claims, GtkSingleSelection *header)
{
  JdTokenResults *self;

  g_return_val_if_fail (GTK_IS_SINGLE_SELECTION (claims), NULL);
  g_return_val_if_fail (GTK_IS_SINGLE_SELECTION (header), NULL);

  self = g_object_new (JD_TYPE_TOKEN_RESULTS, NULL);
  self->claims_selection = g_object_ref (claims);
  self->header_selection = g_object_ref (header);
  setup_view (self->claims_view, GTK_TREE_LIST_MODEL (gtk_single_selection_get_model (claims)),
              claims);
  setup_view (self->header_view, GTK_TREE_LIST_MODEL (gtk_single_selection_get_model (header)),
              header);
  return GTK_WIDGET (self);
}

static void
jd_token_results_dispose (GObject *object)
{
  JdTokenResults *self = JD_TOKEN_RESULTS (object);

  g_clear_pointer (&self->menu_popover, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_TOKEN_RESULTS);
  g_clear_object (&self->menu_node);
  g_clear_object (&self->claims_selection);
  g_clear_object (&self->header_selection);

  G_OBJECT_CLASS (jd_token_results_parent_class)->dispose (object);
}

static void
jd_token_results_class_init (JdTokenResultsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_token_results_dispose;

  /* A row of the findings list was selected: its JdFinding (nullable). */
  signals[FINDING_SELECTED]
    = g_signal_new ("finding-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                    NULL, G_TYPE_NONE, 1, G_TYPE_OBJECT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/jd-token-results.ui");
  gtk_widget_class_bind_template_child (widget_class, JdTokenResults, findings_list);
  gtk_widget_class_bind_template_child (widget_class, JdTokenResults, claims_view);
  gtk_widget_class_bind_template_child (widget_class, JdTokenResults, header_view);
  gtk_widget_class_bind_template_child (widget_class, JdTokenResults, claim_menu);
}

static void
jd_token_results_init (JdTokenResults *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->findings_list, "row-selected", G_CALLBACK (findings_row_selected),
                           self, G_CONNECT_SWAPPED);

  self->menu_popover = gtk_popover_menu_new_from_model (self->claim_menu);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->menu_popover), FALSE);
  gtk_widget_set_halign (self->menu_popover, GTK_ALIGN_START);
  gtk_widget_set_parent (self->menu_popover, GTK_WIDGET (self));
}
