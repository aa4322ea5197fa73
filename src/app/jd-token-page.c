/* jd-token-page.c — the paste area, verdict, findings and claims tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "jd-no-hyphens.h"
#include "jd-claims.h"
#include "jd-token-page.h"
#include "jd-token-results.h"
#include "jd-paste.h"
#include "jd-sign.h"

/* Typing waits this long for a pause; a paste is decoded at once. */
#define DEBOUNCE_MS 150
/* Text with a line longer than FOLD_MIN_CHARS is shown folded: the paste
 * area holds its first and last FOLD_KEEP_CHARS characters with a marker
 * between them, and is read-only; the whole text is kept in folded_text and
 * is what is analysed, copied and exported. Pango laying out a
 * megabyte-long paragraph would hold the window for most of a second
 * (tests/test-window.c, 1 MiB paste); "Show All" does it on request. */
#define FOLD_MIN_CHARS (16 * 1024)
#define FOLD_KEEP_CHARS 4096

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
  GtkTextBuffer *buffer;
  GtkTextTag *segment_tags[5];
  GtkTextTag *problem_tag;
  GtkTextTag *marker_tag; /* the "… characters not shown …" line */
  GtkWidget *fold_bar;    /* says what is folded, with Show All; hidden when not */
  GtkLabel *fold_label;
  char *folded_text;    /* the whole text while folded, else NULL */
  glong fold_chars;     /* its length in characters */
  glong fold_tail;      /* offset in folded_text where the shown tail starts */
  glong marker_chars;   /* length of the marker in the buffer */
  char *pending_text;   /* inserted through the text view, to be folded */
  gboolean paste_edits; /* this paste replaces a selection: hand editing */
  guint pending_id;

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
  gboolean setting_text;
  gboolean selecting;
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

/* ---- Colours of the three segments --------------------------------------- */

/* GNOME palette: red, purple, blue (and two more for JWE); the dark shades
 * on a light background, the light shades on a dark one, each ≥ 4.5:1. */
static const char *segment_light[] = { "#a51d2d", "#813d9c", "#1a5fb4", "#986a44", "#26a269" };
static const char *segment_dark[] = { "#ff7b63", "#dc8add", "#99c1f1", "#cdab8f", "#8ff0a4" };

static void
update_tag_colours (JdTokenPage *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  g_autofree char *legend = NULL;
  const char **colours = dark ? segment_dark : segment_light;

  for (guint i = 0; i < G_N_ELEMENTS (self->segment_tags); i++)
    g_object_set (self->segment_tags[i], "foreground", colours[i], NULL);
  g_object_set (self->problem_tag, "underline-rgba",
                &(GdkRGBA){ dark ? 1.0 : 0.88, dark ? 0.48 : 0.11, dark ? 0.39 : 0.14, 1.0 }, NULL);

  legend = g_strdup_printf (
    "<span foreground=\"%s\">%s</span> · <span foreground=\"%s\">%s</span> · "
    "<span foreground=\"%s\">%s</span>",
    colours[0], _ ("header"), colours[1], _ ("payload"), colours[2], _ ("signature"));
  gtk_label_set_markup (self->legend, legend);
}

/* ---- Paste area ------------------------------------------------------------ */

static char *
dup_buffer_text (JdTokenPage *self)
{
  GtkTextIter start, end;

  if (self->folded_text != NULL)
    return g_strdup (self->folded_text);
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  return gtk_text_buffer_get_text (self->buffer, &start, &end, TRUE);
}

char *
jd_token_page_dup_text (JdTokenPage *self)
{
  g_return_val_if_fail (JD_IS_TOKEN_PAGE (self), NULL);
  return dup_buffer_text (self);
}

/* Offsets between the whole text and the folded paste area: the head maps
 * to itself, the tail follows the marker, the hidden middle is the marker. */
static glong
shown_offset (JdTokenPage *self, glong offset, gboolean is_end)
{
  if (self->folded_text == NULL || offset < FOLD_KEEP_CHARS)
    return offset;
  if (offset >= self->fold_tail)
    return offset - self->fold_tail + FOLD_KEEP_CHARS + self->marker_chars;
  return is_end ? FOLD_KEEP_CHARS + self->marker_chars : FOLD_KEEP_CHARS;
}

static glong
text_offset (JdTokenPage *self, glong shown, gboolean is_end)
{
  if (self->folded_text == NULL || shown < FOLD_KEEP_CHARS)
    return shown;
  if (shown >= FOLD_KEEP_CHARS + self->marker_chars)
    return shown - FOLD_KEEP_CHARS - self->marker_chars + self->fold_tail;
  return is_end ? self->fold_tail : FOLD_KEEP_CHARS;
}

static void
push_text (JdTokenPage *self)
{
  g_autofree char *text = NULL;

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  if (self->session == NULL)
    return;

  text = dup_buffer_text (self);
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

static void apply_marks (JdTokenPage *self);

/* Whether @text has a line longer than FOLD_MIN_CHARS characters. */
static gboolean
needs_fold (const char *text)
{
  const char *line = text;

  for (;;)
    {
      const char *nl = strchr (line, '\n');
      gsize bytes = nl ? (gsize)(nl - line) : strlen (line);

      /* A character is at most 4 bytes: only long lines are counted. */
      if (bytes > FOLD_MIN_CHARS && g_utf8_strlen (line, bytes) > FOLD_MIN_CHARS)
        return TRUE;
      if (nl == NULL)
        return FALSE;
      line = nl + 1;
    }
}

gboolean
jd_token_page_is_folded (JdTokenPage *self)
{
  g_return_val_if_fail (JD_IS_TOKEN_PAGE (self), FALSE);
  return self->folded_text != NULL;
}

/* Puts @text into the paste area, folded when it has an overlong line.
 * Entering or leaving the folded view cannot be undone (the undo history
 * would bring back the marker as if it were text): it is cleared then. */
static void
fill_buffer (JdTokenPage *self, const char *text)
{
  gboolean was_folded = self->folded_text != NULL;
  gboolean fold = needs_fold (text);
  GtkTextIter start, end;

  g_clear_pointer (&self->folded_text, g_free);
  if (fold || was_folded)
    gtk_text_buffer_begin_irreversible_action (self->buffer);
  else
    gtk_text_buffer_begin_user_action (self->buffer);

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_delete (self->buffer, &start, &end);
  if (!fold)
    gtk_text_buffer_insert (self->buffer, &start, text, -1);
  else
    {
      glong n = g_utf8_strlen (text, -1);
      const char *head_end = g_utf8_offset_to_pointer (text, FOLD_KEEP_CHARS);
      const char *tail = g_utf8_offset_to_pointer (text, n - FOLD_KEEP_CHARS);
      g_autofree char *hidden
        = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%ld character not shown",
                                        "%ld characters not shown", n - 2 * FOLD_KEEP_CHARS),
                           n - 2 * FOLD_KEEP_CHARS);
      g_autofree char *marker = g_strdup_printf ("\n[ … %s … ]\n", hidden);
      g_autofree char *caption = g_strdup_printf (
        _ ("This text is %ld characters long; its first and last %d are shown. All of it is "
           "analysed, copied and exported. The paste area is read-only while folded."),
        n, FOLD_KEEP_CHARS);

      self->folded_text = g_strdup (text);
      self->fold_chars = n;
      self->fold_tail = n - FOLD_KEEP_CHARS;
      self->marker_chars = g_utf8_strlen (marker, -1);
      gtk_text_buffer_insert (self->buffer, &start, text, head_end - text);
      gtk_text_buffer_insert_with_tags (self->buffer, &start, marker, -1, self->marker_tag, NULL);
      gtk_text_buffer_insert (self->buffer, &start, tail, -1);
      gtk_label_set_text (self->fold_label, caption);
    }

  if (fold || was_folded)
    gtk_text_buffer_end_irreversible_action (self->buffer);
  else
    gtk_text_buffer_end_user_action (self->buffer);

  gtk_text_view_set_editable (self->text_view, !fold);
  gtk_widget_set_visible (self->fold_bar, fold);
  gtk_accessible_update_property (
    GTK_ACCESSIBLE (self->text_view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
    fold ? gtk_label_get_text (self->fold_label)
         : _ ("Paste a token, an Authorization header or a curl command"),
    -1);
}

/* Show All: the whole text in the paste area, editable again. Slow for a
 * megabyte-long line, but asked for. */
static void
show_all_clicked (JdTokenPage *self)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->folded_text == NULL)
    return;
  text = g_steal_pointer (&self->folded_text);
  self->setting_text = TRUE;
  gtk_text_buffer_begin_irreversible_action (self->buffer);
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_delete (self->buffer, &start, &end);
  gtk_text_buffer_insert (self->buffer, &start, text, -1);
  gtk_text_buffer_end_irreversible_action (self->buffer);
  self->setting_text = FALSE;
  gtk_text_view_set_editable (self->text_view, TRUE);
  gtk_widget_set_visible (self->fold_bar, FALSE);
  if (self->session != NULL)
    apply_marks (self);
}

static gboolean
set_pending_text (gpointer data)
{
  JdTokenPage *self = data;
  g_autofree char *text = g_steal_pointer (&self->pending_text);

  self->pending_id = 0;
  if (text != NULL)
    jd_token_page_set_text (self, text);
  return G_SOURCE_REMOVE;
}

/* Text that arrives through the text view itself (its own paste, a drop on
 * it): a whole token, header line or curl command replaces what is there
 * (jd_paste_replaces(); typing and pasted fragments go in at the cursor),
 * and text that would need folding goes through jd_token_page_set_text()
 * instead, so a megabyte never reaches Pango. Both wait for an idle: the
 * buffer cannot change under the signal's iterator. */
static void
buffer_insert_text (JdTokenPage *self, GtkTextIter *location, const char *text, int len)
{
  GtkTextIter start, end;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *inserted = NULL;
  g_autofree char *whole = NULL;

  if (self->setting_text || len < 0)
    return;
  if (len >= 8 && !self->paste_edits && gtk_text_buffer_get_char_count (self->buffer) > 0
      && jd_paste_replaces (text, len))
    whole = g_strndup (text, len);
  else if (len > FOLD_MIN_CHARS)
    {
      gtk_text_buffer_get_bounds (self->buffer, &start, &end);
      before = gtk_text_buffer_get_text (self->buffer, &start, location, TRUE);
      after = gtk_text_buffer_get_text (self->buffer, location, &end, TRUE);
      inserted = g_strndup (text, len);
      whole = g_strconcat (before, inserted, after, NULL);
      if (!needs_fold (whole))
        return;
    }
  else
    return;

  g_signal_stop_emission_by_name (self->buffer, "insert-text");
  g_free (self->pending_text);
  self->pending_text = g_steal_pointer (&whole);
  if (self->pending_id == 0)
    self->pending_id = g_idle_add (set_pending_text, self);
}

/* Copying from the folded view copies the whole text under the selection:
 * a selection that touches the marker takes everything it stands for. */
static void
text_view_copy (JdTokenPage *self)
{
  GtkTextIter start, end;
  glong from, to;
  g_autofree char *text = NULL;

  if (self->folded_text == NULL
      || !gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end))
    return; /* GtkTextView's own handler does it */

  from = text_offset (self, gtk_text_iter_get_offset (&start), FALSE);
  to = text_offset (self, gtk_text_iter_get_offset (&end), TRUE);
  {
    const char *a = g_utf8_offset_to_pointer (self->folded_text, from);
    const char *b = g_utf8_offset_to_pointer (self->folded_text, to);
    text = g_strndup (a, b - a);
  }
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self->text_view)), text);
  g_signal_stop_emission_by_name (self->text_view, "copy-clipboard");
}

static void
buffer_changed (JdTokenPage *self)
{
  gtk_widget_set_visible (self->placeholder, gtk_text_buffer_get_char_count (self->buffer) == 0);

  if (self->setting_text)
    return;

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->debounce_id = g_timeout_add (DEBOUNCE_MS, debounce_cb, self);
}

/* Before the text view pastes: with part of the text selected, the person
 * edits by hand (a new token into a curl command), and the paste goes there. */
static void
text_view_paste (JdTokenPage *self)
{
  GtkTextIter start, end, sel_start, sel_end;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  self->paste_edits
    = gtk_text_buffer_get_selection_bounds (self->buffer, &sel_start, &sel_end)
      && !(gtk_text_iter_equal (&sel_start, &start) && gtk_text_iter_equal (&sel_end, &end));
}

static void
paste_done (JdTokenPage *self)
{
  self->paste_edits = FALSE;
  push_text (self);
}

static void
apply_marks (JdTokenPage *self)
{
  GtkTextIter start, end;
  GArray *marks;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  for (guint i = 0; i < G_N_ELEMENTS (self->segment_tags); i++)
    gtk_text_buffer_remove_tag (self->buffer, self->segment_tags[i], &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->problem_tag, &start, &end);

  /* The text moved on since this analysis: its own result will come. */
  text = dup_buffer_text (self);
  if (g_strcmp0 (text, jd_session_get_analysed_text (self->session)) != 0)
    return;

  marks = jd_session_get_marks (self->session);
  for (guint i = 0; marks != NULL && i < marks->len; i++)
    {
      const JdMark *mark = &g_array_index (marks, JdMark, i);
      GtkTextTag *tag;

      if (mark->kind == JD_MARK_SEGMENT)
        tag = self->segment_tags[MIN (mark->index, G_N_ELEMENTS (self->segment_tags) - 1)];
      else
        tag = self->problem_tag;

      gtk_text_buffer_get_iter_at_offset (self->buffer, &start,
                                          shown_offset (self, mark->start, FALSE));
      gtk_text_buffer_get_iter_at_offset (self->buffer, &end, shown_offset (self, mark->end, TRUE));
      gtk_text_buffer_apply_tag (self->buffer, tag, &start, &end);
    }
}

static gboolean
text_query_tooltip (JdTokenPage *self, int x, int y, gboolean keyboard, GtkTooltip *tooltip)
{
  static const char *segment_names[] = {
    N_ ("Header: how the token is signed (alg, kid, typ)"),
    N_ ("Payload: the claims"),
    N_ ("Signature"),
  };
  GtkTextIter iter;
  GArray *marks;
  JdToken *token;
  int bx, by, offset;
  const char *text = NULL;

  if (self->session == NULL || (token = jd_session_get_token (self->session)) == NULL)
    return FALSE;

  if (keyboard)
    gtk_text_buffer_get_iter_at_mark (self->buffer, &iter,
                                      gtk_text_buffer_get_insert (self->buffer));
  else
    {
      gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx,
                                             &by);
      if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by))
        return FALSE;
    }
  offset = gtk_text_iter_get_offset (&iter);
  if (self->folded_text != NULL && offset >= FOLD_KEEP_CHARS
      && offset < FOLD_KEEP_CHARS + self->marker_chars)
    {
      /* On the marker: what the hidden part holds, a problem first. */
      glong from = FOLD_KEEP_CHARS, to = self->fold_tail;

      marks = jd_session_get_marks (self->session);
      for (guint i = 0; marks != NULL && i < marks->len; i++)
        {
          const JdMark *mark = &g_array_index (marks, JdMark, i);

          if (mark->kind == JD_MARK_PROBLEM && (glong)mark->end > from && (glong)mark->start < to)
            {
              const JdTokenProblem *problem
                = g_ptr_array_index (jd_token_get_problems (token), mark->index);
              gtk_tooltip_set_text (tooltip, problem->message);
              return TRUE;
            }
        }
      gtk_tooltip_set_text (tooltip, gtk_label_get_text (self->fold_label));
      return TRUE;
    }
  offset = text_offset (self, offset, FALSE);

  marks = jd_session_get_marks (self->session);
  for (guint i = 0; marks != NULL && i < marks->len; i++)
    {
      const JdMark *mark = &g_array_index (marks, JdMark, i);

      if ((gsize)offset < mark->start || (gsize)offset >= mark->end)
        continue;
      if (mark->kind == JD_MARK_PROBLEM)
        {
          const JdTokenProblem *problem
            = g_ptr_array_index (jd_token_get_problems (token), mark->index);

          text = problem->message;
          break; /* a problem wins over its segment */
        }
      if (text == NULL && jd_token_get_kind (token) != JD_TOKEN_KIND_JWE
          && mark->index < G_N_ELEMENTS (segment_names))
        text = _ (segment_names[mark->index]);
    }

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
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

  current = dup_buffer_text (self);
  if (g_strcmp0 (current, text) == 0)
    {
      push_text (self);
      return;
    }
  self->scroll_pending = TRUE;

  /* One user action: Ctrl+Z restores what was there, so nothing typed is
   * lost (except across the folded view, see fill_buffer()). */
  self->setting_text = TRUE;
  fill_buffer (self, text);
  self->setting_text = FALSE;

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

  if (self->selecting)
    return;
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

  apply_marks (self);
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

  return self->buffer;
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
  g_clear_handle_id (&self->pending_id, g_source_remove);
  g_clear_handle_id (&self->scroll_id, g_source_remove);
  g_clear_pointer (&self->pending_text, g_free);
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
  if (self->folded_text != NULL)
    memset (self->folded_text, 0, strlen (self->folded_text)); /* a credential */
  g_clear_pointer (&self->folded_text, g_free);

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

  self->buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_set_enable_undo (self->buffer, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (self->segment_tags); i++)
    self->segment_tags[i] = gtk_text_buffer_create_tag (self->buffer, NULL, NULL);
  self->problem_tag = gtk_text_buffer_create_tag (
    self->buffer, "problem", "underline", PANGO_UNDERLINE_ERROR, "weight", PANGO_WEIGHT_BOLD, NULL);
  /* Created last: above the segment colours. */
  self->marker_tag = gtk_text_buffer_create_tag (
    self->buffer, "fold-marker", "style", PANGO_STYLE_ITALIC, "foreground-rgba",
    &(GdkRGBA){ 0.5, 0.5, 0.5, 1 }, "editable", FALSE, NULL);
  update_tag_colours (self);

  /* Under the paste area (its GtkOverlay), shown while the text is folded. */
  {
    GtkWidget *area = gtk_widget_get_ancestor (GTK_WIDGET (self->text_view), GTK_TYPE_OVERLAY);
    GtkWidget *box = gtk_widget_get_parent (area);
    GtkWidget *show_all = gtk_button_new_with_mnemonic (_ ("Show _All"));

    g_assert (GTK_IS_BOX (box));
    self->fold_label = GTK_LABEL (
      g_object_new (GTK_TYPE_LABEL, "wrap", TRUE, "xalign", 0.0f, "hexpand", TRUE, NULL));
    gtk_widget_add_css_class (GTK_WIDGET (self->fold_label), "dim-label");
    gtk_widget_add_css_class (GTK_WIDGET (self->fold_label), "caption");
    gtk_widget_set_tooltip_text (show_all, _ ("Put the whole text in the paste area to edit it; "
                                              "laying out a very long line takes a moment"));
    gtk_widget_set_valign (show_all, GTK_ALIGN_CENTER);
    gtk_widget_add_css_class (show_all, "flat");
    g_signal_connect_object (show_all, "clicked", G_CALLBACK (show_all_clicked), self,
                             G_CONNECT_SWAPPED);
    self->fold_bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    gtk_widget_set_margin_start (self->fold_bar, 6);
    gtk_box_append (GTK_BOX (self->fold_bar), GTK_WIDGET (self->fold_label));
    gtk_box_append (GTK_BOX (self->fold_bar), show_all);
    gtk_widget_set_visible (self->fold_bar, FALSE);
    gtk_box_insert_child_after (GTK_BOX (box), self->fold_bar, area);
  }
  jd_text_view_set_no_hyphens (self->text_view);
  g_signal_connect_object (self->text_view, "paste-clipboard", G_CALLBACK (text_view_paste), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->text_view, "copy-clipboard", G_CALLBACK (text_view_copy), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_tag_colours), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->buffer, "changed", G_CALLBACK (buffer_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->buffer, "paste-done", G_CALLBACK (paste_done), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->buffer, "insert-text", G_CALLBACK (buffer_insert_text), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->text_view, "query-tooltip", G_CALLBACK (text_query_tooltip), self,
                           G_CONNECT_SWAPPED);

  setup_model (&self->claims_tree, &self->claims_selection);
  setup_model (&self->header_tree, &self->header_selection);

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
}
