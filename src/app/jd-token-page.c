/* jd-token-page.c — the Token page: the paste area (jd-paste-area.c), the
 * verdict banner, the findings and claims (jd-token-results.c) and the
 * clock that judges the time claims
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "jd-claims.h"
#include "jd-token-page.h"
#include "jd-token-results.h"
#include "jd-paste-area.h"
#include "jd-sign.h"

/* Typing waits this long for a pause; a paste is decoded at once. */
#define DEBOUNCE_MS 150

struct _JdTokenPage
{
  AdwBin parent_instance;

  GtkRevealer *verdict_revealer;
  GtkBox *verdict_box;
  GtkImage *verdict_icon;
  GtkLabel *verdict_title;
  GtkWidget *made_here_label;
  GtkLabel *verdict_detail;
  GtkWidget *verdict_keys_button;
  GtkLabel *judged_label;
  GtkSpinner *spinner;
  GtkLabel *legend;
  GtkTextView *text_view;
  GtkWidget *placeholder;
  GtkStack *results_stack;

  /* Built with the first token, NULL until then. */
  JdTokenResults *results;

  JdSession *session;
  JdPasteArea *paste_area;

  JdToken *shown_token;
  GListModel *payload_model; /* JdClaimNode, top level */
  GListModel *header_model;
  GtkTreeListModel *claims_tree;
  GtkTreeListModel *header_tree;
  GtkSingleSelection *claims_selection;
  GtkSingleSelection *header_selection;

  char *verdict_text;
  guint debounce_id;
  guint tick_id;
  GdkSurface *surface;
  gboolean scroll_pending; /* a new text: show the verdict when it comes */
  gboolean narrow;         /* phone width: no Meaning column */
  guint scroll_id;
};

G_DEFINE_FINAL_TYPE (JdTokenPage, jd_token_page, ADW_TYPE_BIN)

enum
{
  SHOW_KEYS,
  LAST_SIGNAL
};

static guint signals[LAST_SIGNAL];

/* ---- Paste area ------------------------------------------------------------ */

char *
jd_token_page_dup_text (JdTokenPage *self)
{
  g_return_val_if_fail (JD_IS_TOKEN_PAGE (self), NULL);
  return jd_paste_area_dup_text (self->paste_area);
}

static void
push_text (JdTokenPage *self)
{
  g_autofree char *text = NULL;

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  if (self->session == NULL)
    return;

  text = jd_paste_area_dup_text (self->paste_area);
  jd_session_set_text (self->session, text, -1);
}

static gboolean
debounce_cb (gpointer user_data)
{
  JdTokenPage *self = user_data;

  self->debounce_id = 0;
  push_text (self);

  return G_SOURCE_REMOVE;
}

gboolean
jd_token_page_is_folded (JdTokenPage *self)
{
  g_return_val_if_fail (JD_IS_TOKEN_PAGE (self), FALSE);
  return jd_paste_area_is_folded (self->paste_area);
}

/* The person typed: decode after a pause. */
static void
paste_area_edited (JdTokenPage *self)
{
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->debounce_id = g_timeout_add (DEBOUNCE_MS, debounce_cb, self);
}

/* Scrolls the page so that the verdict is at its top. */
/* The page's scrolled window: the template's child, not bound, as AdwBin
 * unparents its child itself. */
static GtkScrolledWindow *
get_scroller (JdTokenPage *self)
{
  return GTK_SCROLLED_WINDOW (adw_bin_get_child (ADW_BIN (self)));
}

static void
scroll_to_verdict (JdTokenPage *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (get_scroller (self));
  GtkWidget *content = gtk_scrolled_window_get_child (get_scroller (self));
  double x = 0, y = 0;

  if (GTK_IS_VIEWPORT (content))
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  if (content == NULL
      || !gtk_widget_translate_coordinates (GTK_WIDGET (self->verdict_revealer), content, 0, 0, &x,
                                            &y))
    y = 0;
  /* The page's own top margin above the verdict stays in view. */
  gtk_adjustment_set_value (adjustment, MAX (0, y - 12));
}

gboolean
jd_token_page_get_verdict_in_view (JdTokenPage *self)
{
  GtkAdjustment *adjustment;
  double x = 0, y = 0;

  g_return_val_if_fail (JD_IS_TOKEN_PAGE (self), FALSE);

  adjustment = gtk_scrolled_window_get_vadjustment (get_scroller (self));
  if (!gtk_widget_translate_coordinates (GTK_WIDGET (self->verdict_revealer),
                                         GTK_WIDGET (get_scroller (self)), 0, 0, &x, &y))
    return FALSE;
  return y >= 0
         && y + gtk_widget_get_height (GTK_WIDGET (self->verdict_revealer))
              <= gtk_adjustment_get_page_size (adjustment) + 1;
}

void
jd_token_page_set_text (JdTokenPage *self, const char *text)
{
  g_autofree char *current = NULL;

  g_return_if_fail (JD_IS_TOKEN_PAGE (self));
  g_return_if_fail (text != NULL);

  /* A paste, drop or open: the verdict on it is what the person looks for,
   * now and once the new text's verdict is laid out. */
  scroll_to_verdict (self);

  current = jd_paste_area_dup_text (self->paste_area);
  if (g_strcmp0 (current, text) == 0)
    {
      push_text (self);
      return;
    }
  self->scroll_pending = TRUE;

  /* One user action: Ctrl+Z restores what was there, so nothing typed is
   * lost (except across the folded view, see jd_paste_area_set_text()). */
  jd_paste_area_set_text (self->paste_area, text);

  push_text (self);
}

static void
paste_text_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (JdTokenPage) self = user_data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, NULL);

  if (text == NULL || text[0] == '\0')
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  jd_token_page_set_text (self, text);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

void
jd_token_page_paste (JdTokenPage *self)
{
  g_return_if_fail (JD_IS_TOKEN_PAGE (self));

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (self)), NULL, paste_text_cb,
                                 g_object_ref (self));
}

/* ---- Claims trees ----------------------------------------------------------- */

static void
setup_model (GtkTreeListModel **tree, GtkSingleSelection **selection)
{
  g_autoptr (GListStore) empty = g_list_store_new (JD_TYPE_CLAIM_NODE);

  *tree = gtk_tree_list_model_new (G_LIST_MODEL (g_steal_pointer (&empty)), FALSE, FALSE,
                                   (GtkTreeListModelCreateModelFunc)jd_claims_create_child_model,
                                   NULL, NULL);
  *selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (*tree)));
  gtk_single_selection_set_autoselect (*selection, FALSE);
  gtk_single_selection_set_can_unselect (*selection, TRUE);
}

static void
set_tree_root (GtkTreeListModel *tree, GListModel *root)
{
  /* gtk_tree_list_model has no setter for its root on 4.8: rebuild the
   * flattening by swapping the items of the root store. */
  GListStore *store = G_LIST_STORE (gtk_tree_list_model_get_model (tree));
  guint n = g_list_model_get_n_items (root);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (root, i));
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)), items->pdata,
                       items->len);
}

/* ---- Clock ------------------------------------------------------------------ */

static void
update_clock (JdTokenPage *self)
{
  g_autoptr (JdExpectations) expect = NULL;

  if (self->session == NULL || self->payload_model == NULL)
    return;

  expect = jd_session_dup_expectations (self->session);
  jd_claims_model_set_now (self->payload_model, expect->now, expect->leeway);
}

static gboolean
tick_cb (gpointer user_data)
{
  JdTokenPage *self = user_data;

  update_clock (self);
  /* Findings follow the clock too: an exp passing turns into "expired". */
  jd_session_refresh (self->session);

  return G_SOURCE_CONTINUE;
}

static gboolean
has_time_claims (JdTokenPage *self)
{
  guint n;

  if (self->payload_model == NULL)
    return FALSE;
  n = g_list_model_get_n_items (self->payload_model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (JdClaimNode) node = g_list_model_get_item (self->payload_model, i);

      if (jd_claim_node_get_is_time (node))
        return TRUE;
    }

  return FALSE;
}

/* The clock ticks once a second only while someone can see it: the page
 * is mapped (its window shown, this page visible) and not minimised. */
static void
update_ticking (JdTokenPage *self)
{
  gboolean visible = gtk_widget_get_mapped (GTK_WIDGET (self));

  if (visible && self->surface != NULL && GDK_IS_TOPLEVEL (self->surface))
    visible
      = (gdk_toplevel_get_state (GDK_TOPLEVEL (self->surface)) & GDK_TOPLEVEL_STATE_MINIMIZED) == 0;

  if (visible && has_time_claims (self) && self->session != NULL)
    {
      if (self->tick_id == 0)
        {
          update_clock (self);
          self->tick_id = g_timeout_add_seconds (1, tick_cb, self);
        }
    }
  else
    g_clear_handle_id (&self->tick_id, g_source_remove);
}

gboolean
jd_token_page_is_ticking (JdTokenPage *self)
{
  g_return_val_if_fail (JD_IS_TOKEN_PAGE (self), FALSE);

  return self->tick_id != 0;
}

static void
jd_token_page_map (GtkWidget *widget)
{
  JdTokenPage *self = JD_TOKEN_PAGE (widget);
  GtkNative *native;

  GTK_WIDGET_CLASS (jd_token_page_parent_class)->map (widget);

  native = gtk_widget_get_native (widget);
  if (native != NULL && self->surface == NULL)
    {
      self->surface = g_object_ref (gtk_native_get_surface (native));
      g_signal_connect_object (self->surface, "notify::state", G_CALLBACK (update_ticking), self,
                               G_CONNECT_SWAPPED);
    }
  update_ticking (self);
}

static void
jd_token_page_unmap (GtkWidget *widget)
{
  JdTokenPage *self = JD_TOKEN_PAGE (widget);

  GTK_WIDGET_CLASS (jd_token_page_parent_class)->unmap (widget);

  if (self->surface != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->surface, self);
      g_clear_object (&self->surface);
    }
  update_ticking (self);
}

/* ---- Findings and verdict ------------------------------------------------- */

static gboolean
select_node_in (GtkSingleSelection *selection, JdClaimNode *node)
{
  GListModel *model = G_LIST_MODEL (selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GtkTreeListRow) row = g_list_model_get_item (model, i);
      g_autoptr (GObject) item = gtk_tree_list_row_get_item (row);

      if (item == (GObject *)node)
        {
          gtk_single_selection_set_selected (selection, i);
          return TRUE;
        }
    }

  return FALSE;
}

static void
finding_selected (JdTokenPage *self, JdFinding *finding)
{
  const char *claim;
  JdClaimNode *node = NULL;

  claim = finding ? jd_finding_get_claim (finding) : NULL;
  if (claim == NULL)
    return;

  if (self->payload_model != NULL
      && (node = jd_claims_model_find (self->payload_model, claim)) != NULL)
    select_node_in (self->claims_selection, node);
  else if (self->header_model != NULL
           && (node = jd_claims_model_find (self->header_model, claim)) != NULL)
    select_node_in (self->header_selection, node);
}

static void
verdict_keys_clicked (JdTokenPage *self)
{
  g_signal_emit (self, signals[SHOW_KEYS], 0);
}

#define JUDGE_NOW_URI "jd:judge-now"

/* "Judge Now", the link after "Judged at …": the token's time claims
 * are judged at the clock again. */
static gboolean
judged_link_activated (JdTokenPage *self, const char *uri)
{
  if (g_strcmp0 (uri, JUDGE_NOW_URI) != 0)
    return FALSE;
  jd_session_set_judged_at (self->session, 0, NULL);
  return TRUE;
}

static gboolean
verdict_wants_keys (JdVerdict *verdict)
{
  switch (jd_verdict_get_signature (verdict))
    {
      case JD_VERDICT_SIGNATURE_NO_KEYS:
      case JD_VERDICT_SIGNATURE_NO_USABLE_KEY:
      case JD_VERDICT_SIGNATURE_KID_NOT_FOUND:
      case JD_VERDICT_SIGNATURE_INVALID:
      case JD_VERDICT_SIGNATURE_WELL_KNOWN_SECRET:
        return TRUE;
      default:
        return FALSE;
    }
}

/* The banner renders the session's JdVerdict: the headline on one line,
 * then the signature and what was not checked, then the instant judged at
 * when it is not now. */
static void
update_verdict (JdTokenPage *self)
{
  JdVerdict *verdict = jd_session_get_verdict (self->session);
  const char *judged;
  g_autofree char *detail = NULL;
  g_autofree char *judged_line = NULL;
  const char *klass, *icon;

  if (verdict == NULL)
    {
      gtk_revealer_set_reveal_child (self->verdict_revealer, FALSE);
      g_clear_pointer (&self->verdict_text, g_free);
      return;
    }

  switch (jd_verdict_get_result (verdict))
    {
      case JD_VERDICT_REJECTED:
        klass = "error";
        icon = "dialog-error-symbolic";
        break;
      case JD_VERDICT_ACCEPTED_WITH_WARNINGS:
        klass = "warning";
        icon = "dialog-warning-symbolic";
        break;
      case JD_VERDICT_ACCEPTED:
      default:
        klass = "success";
        icon = "emblem-ok-symbolic";
        break;
    }

  detail = jd_verdict_dup_detail (verdict);
  judged = jd_verdict_get_judged_text (verdict);
  if (judged != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (judged, -1);
      g_autofree char *link = g_markup_escape_text (_ ("Judge Now"), -1);

      judged_line = g_strdup_printf ("%s · <a href=\"" JUDGE_NOW_URI "\">%s</a>", escaped, link);
    }

  gtk_widget_set_css_classes (GTK_WIDGET (self->verdict_box),
                              (const char *[]){ "verdict", klass, NULL });
  gtk_image_set_from_icon_name (self->verdict_icon, icon);
  gtk_label_set_text (self->verdict_title, jd_verdict_get_headline (verdict));
  gtk_label_set_text (self->verdict_detail, detail);
  gtk_label_set_markup (self->judged_label, judged_line ? judged_line : "");
  gtk_widget_set_visible (GTK_WIDGET (self->judged_label), judged != NULL);
  gtk_widget_set_visible (self->verdict_keys_button, verdict_wants_keys (verdict));
  gtk_widget_set_visible (GTK_WIDGET (self->verdict_box), TRUE);
  gtk_revealer_set_reveal_child (self->verdict_revealer, TRUE);

  g_free (self->verdict_text);
  if (judged != NULL)
    self->verdict_text
      = g_strdup_printf ("%s\n%s\n%s", jd_verdict_get_headline (verdict), detail, judged);
  else
    self->verdict_text = g_strdup_printf ("%s\n%s", jd_verdict_get_headline (verdict), detail);
}

/* ---- Results ------------------------------------------------------------------ */

void
jd_token_page_set_narrow (JdTokenPage *self, gboolean narrow)
{
  g_return_if_fail (JD_IS_TOKEN_PAGE (self));

  self->narrow = narrow;
  if (self->results != NULL)
    jd_token_results_set_narrow (self->results, narrow);
}

/* The findings list, the claims and header trees and their menu
 * (JdTokenResults): built when the first token arrives (or a test asks), so
 * the empty state's first frame costs none of them. */
static void
ensure_results (JdTokenPage *self)
{
  if (self->results != NULL)
    return;

  self->results
    = JD_TOKEN_RESULTS (jd_token_results_new (self->claims_selection, self->header_selection));
  g_signal_connect_object (self->results, "finding-selected", G_CALLBACK (finding_selected), self,
                           G_CONNECT_SWAPPED);
  jd_token_results_set_narrow (self->results, self->narrow);
  if (self->session != NULL)
    jd_token_results_bind_findings (self->results, jd_session_get_findings (self->session));

  gtk_stack_add_named (self->results_stack, GTK_WIDGET (self->results), "results");
}

static void
copy_claim_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  JdTokenPage *self = JD_TOKEN_PAGE (widget);

  if (self->results != NULL)
    jd_token_results_copy (self->results, !g_str_equal (action_name, "claims.copy-value"));
}

/* ---- Session ----------------------------------------------------------------- */

static void
token_changed (JdTokenPage *self)
{
  JdToken *token = jd_session_get_token (self->session);
  g_autoptr (GListStore) empty = NULL;

  jd_paste_area_apply_marks (self->paste_area);
  gtk_widget_set_visible (self->made_here_label,
                          token != NULL && jd_sign_is_made_here (jd_token_get_text (token)));
  if (token != NULL)
    ensure_results (self);
  gtk_stack_set_visible_child_name (self->results_stack, token ? "results" : "empty");

  if (token == self->shown_token)
    return;
  g_set_object (&self->shown_token, token);

  g_clear_object (&self->payload_model);
  g_clear_object (&self->header_model);
  if (token != NULL)
    {
      self->payload_model
        = jd_claims_model_new (jd_token_get_claims (token), JD_CLAIMS_SECTION_PAYLOAD);
      self->header_model
        = jd_claims_model_new (jd_token_get_header (token), JD_CLAIMS_SECTION_HEADER);
      update_clock (self);
      set_tree_root (self->claims_tree, self->payload_model);
      set_tree_root (self->header_tree, self->header_model);
    }
  else
    {
      empty = g_list_store_new (JD_TYPE_CLAIM_NODE);
      set_tree_root (self->claims_tree, G_LIST_MODEL (empty));
      set_tree_root (self->header_tree, G_LIST_MODEL (empty));
    }

  update_ticking (self);
}

static gboolean
scroll_idle_cb (gpointer data)
{
  JdTokenPage *self = data;

  self->scroll_id = 0;
  scroll_to_verdict (self);
  return G_SOURCE_REMOVE;
}

static void
diagnosis_changed (JdTokenPage *self)
{
  update_verdict (self);
  if (self->scroll_pending && !jd_session_get_busy (self->session))
    {
      /* After the layout the new verdict and results make. */
      self->scroll_pending = FALSE;
      if (self->scroll_id == 0)
        self->scroll_id = g_idle_add_full (G_PRIORITY_LOW, scroll_idle_cb, self, NULL);
    }
}

static void
clock_changed (JdTokenPage *self)
{
  update_clock (self);
}

static void
busy_changed (JdTokenPage *self)
{
  gboolean busy = jd_session_get_busy (self->session);

  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
}

void
jd_token_page_set_session (JdTokenPage *self, JdSession *session)
{
  g_return_if_fail (JD_IS_TOKEN_PAGE (self));
  g_return_if_fail (JD_IS_SESSION (session));
  g_return_if_fail (self->session == NULL);

  self->session = g_object_ref (session);
  jd_paste_area_set_session (self->paste_area, session);
  g_signal_connect_object (session, "token-changed", G_CALLBACK (token_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "diagnosis-changed", G_CALLBACK (diagnosis_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "clock-changed", G_CALLBACK (clock_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::busy", G_CALLBACK (busy_changed), self,
                           G_CONNECT_SWAPPED);
  if (self->results != NULL)
    jd_token_results_bind_findings (self->results, jd_session_get_findings (session));
  busy_changed (self);
  token_changed (self);
}

GtkTextBuffer *
jd_token_page_get_buffer (JdTokenPage *self)
{
  g_return_val_if_fail (JD_IS_TOKEN_PAGE (self), NULL);

  return gtk_text_view_get_buffer (self->text_view);
}

GListModel *
jd_token_page_get_claims (JdTokenPage *self)
{
  g_return_val_if_fail (JD_IS_TOKEN_PAGE (self), NULL);

  return G_LIST_MODEL (self->claims_tree);
}

GListModel *
jd_token_page_get_header (JdTokenPage *self)
{
  g_return_val_if_fail (JD_IS_TOKEN_PAGE (self), NULL);

  return G_LIST_MODEL (self->header_tree);
}

GtkSelectionModel *
jd_token_page_get_claims_selection (JdTokenPage *self)
{
  g_return_val_if_fail (JD_IS_TOKEN_PAGE (self), NULL);

  return GTK_SELECTION_MODEL (self->claims_selection);
}

GtkListBox *
jd_token_page_get_findings_list (JdTokenPage *self)
{
  g_return_val_if_fail (JD_IS_TOKEN_PAGE (self), NULL);

  ensure_results (self);
  return jd_token_results_get_findings_list (self->results);
}

const char *
jd_token_page_get_verdict (JdTokenPage *self)
{
  g_return_val_if_fail (JD_IS_TOKEN_PAGE (self), NULL);

  return self->verdict_text;
}

/* ---- Life cycle ------------------------------------------------------------ */

static void
jd_token_page_dispose (GObject *object)
{
  JdTokenPage *self = JD_TOKEN_PAGE (object);

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_handle_id (&self->scroll_id, g_source_remove);
  g_clear_object (&self->paste_area);
  if (self->surface != NULL)
    g_signal_handlers_disconnect_by_data (self->surface, self);
  g_clear_object (&self->surface);
  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_TOKEN_PAGE);
  self->results = NULL;

  g_clear_object (&self->session);
  g_clear_object (&self->shown_token);
  g_clear_object (&self->payload_model);
  g_clear_object (&self->header_model);
  g_clear_object (&self->claims_selection);
  g_clear_object (&self->header_selection);
  g_clear_object (&self->claims_tree);
  g_clear_object (&self->header_tree);
  g_clear_pointer (&self->verdict_text, g_free);

  G_OBJECT_CLASS (jd_token_page_parent_class)->dispose (object);
}

static void
jd_token_page_class_init (JdTokenPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_token_page_dispose;
  widget_class->map = jd_token_page_map;
  widget_class->unmap = jd_token_page_unmap;

  signals[SHOW_KEYS] = g_signal_new ("show-keys", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/jd-token-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JdTokenPage, verdict_revealer);
  gtk_widget_class_bind_template_child (widget_class, JdTokenPage, verdict_box);
  gtk_widget_class_bind_template_child (widget_class, JdTokenPage, verdict_icon);
  gtk_widget_class_bind_template_child (widget_class, JdTokenPage, verdict_title);
  gtk_widget_class_bind_template_child (widget_class, JdTokenPage, made_here_label);
  gtk_widget_class_bind_template_child (widget_class, JdTokenPage, verdict_detail);
  gtk_widget_class_bind_template_child (widget_class, JdTokenPage, verdict_keys_button);
  gtk_widget_class_bind_template_child (widget_class, JdTokenPage, judged_label);
  gtk_widget_class_bind_template_child (widget_class, JdTokenPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, JdTokenPage, legend);
  gtk_widget_class_bind_template_child (widget_class, JdTokenPage, text_view);
  gtk_widget_class_bind_template_child (widget_class, JdTokenPage, placeholder);
  gtk_widget_class_bind_template_child (widget_class, JdTokenPage, results_stack);
  gtk_widget_class_bind_template_callback (widget_class, verdict_keys_clicked);
  gtk_widget_class_bind_template_callback (widget_class, judged_link_activated);

  gtk_widget_class_install_action (widget_class, "claims.copy-value", NULL, copy_claim_action);
  gtk_widget_class_install_action (widget_class, "claims.copy-claim", NULL, copy_claim_action);
}

static void
jd_token_page_init (JdTokenPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->paste_area = jd_paste_area_new (self->text_view, self->placeholder, self->legend);
  g_signal_connect_object (self->paste_area, "edited", G_CALLBACK (paste_area_edited), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->paste_area, "pasted", G_CALLBACK (push_text), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->paste_area, "replace", G_CALLBACK (jd_token_page_set_text), self,
                           G_CONNECT_SWAPPED);

  setup_model (&self->claims_tree, &self->claims_selection);
  setup_model (&self->header_tree, &self->header_selection);

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
}
