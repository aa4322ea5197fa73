/* jd-paste-area.c — the Token page's paste area: segment colours, problem
 * marks and their tooltips, and overlong text shown folded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "jd-no-hyphens.h"
#include "jd-paste-area.h"
#include "jd-paste.h"

/* Text with a line longer than FOLD_MIN_CHARS is shown folded: the paste
 * area holds its first and last FOLD_KEEP_CHARS characters with a marker
 * between them, and is read-only; the whole text is kept in folded_text and
 * is what is analysed, copied and exported. Pango laying out a
 * megabyte-long paragraph would hold the window for most of a second
 * (tests/test-window.c, 1 MiB paste); "Show All" does it on request. */
#define FOLD_MIN_CHARS (16 * 1024)
#define FOLD_KEEP_CHARS 4096

struct _JdPasteArea
{
  GObject parent_instance;

  GtkTextView *text_view; /* the page's; the area lives as long as it */
  GtkTextBuffer *buffer;
  GtkWidget *placeholder;
  GtkLabel *legend;
  JdSession *session;

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
  gboolean setting_text;
};

G_DEFINE_FINAL_TYPE (JdPasteArea, jd_paste_area, G_TYPE_OBJECT)

enum
{
  EDITED,
  PASTED,
  REPLACE,
  LAST_SIGNAL
};

static guint signals[LAST_SIGNAL];

/* ---- Colours of the three segments --------------------------------------- */

/* GNOME palette: red, purple, blue (and two more for JWE); the dark shades
 * on a light background, the light shades on a dark one, each ≥ 4.5:1. */
static const char *segment_light[] = { "#a51d2d", "#813d9c", "#1a5fb4", "#986a44", "#26a269" };
static const char *segment_dark[] = { "#ff7b63", "#dc8add", "#99c1f1", "#cdab8f", "#8ff0a4" };

static void
update_tag_colours (JdPasteArea *self)
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

static char *
dup_buffer_text (JdPasteArea *self)
{
  GtkTextIter start, end;

  if (self->folded_text != NULL)
    return g_strdup (self->folded_text);
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  return gtk_text_buffer_get_text (self->buffer, &start, &end, TRUE);
}

/* Offsets between the whole text and the folded paste area: the head maps
 * to itself, the tail follows the marker, the hidden middle is the marker. */
static glong
shown_offset (JdPasteArea *self, glong offset, gboolean is_end)
{
  if (self->folded_text == NULL || offset < FOLD_KEEP_CHARS)
    return offset;
  if (offset >= self->fold_tail)
    return offset - self->fold_tail + FOLD_KEEP_CHARS + self->marker_chars;
  return is_end ? FOLD_KEEP_CHARS + self->marker_chars : FOLD_KEEP_CHARS;
}

static glong
text_offset (JdPasteArea *self, glong shown, gboolean is_end)
{
  if (self->folded_text == NULL || shown < FOLD_KEEP_CHARS)
    return shown;
  if (shown >= FOLD_KEEP_CHARS + self->marker_chars)
    return shown - FOLD_KEEP_CHARS - self->marker_chars + self->fold_tail;
  return is_end ? self->fold_tail : FOLD_KEEP_CHARS;
}

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

/* Puts @text into the paste area, folded when it has an overlong line.
 * Entering or leaving the folded view cannot be undone (the undo history
 * would bring back the marker as if it were text): it is cleared then. */
static void
fill_buffer (JdPasteArea *self, const char *text)
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
show_all_clicked (JdPasteArea *self)
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
    jd_paste_area_apply_marks (self);
}

static gboolean
set_pending_text (gpointer data)
{
  JdPasteArea *self = data;
  g_autofree char *text = g_steal_pointer (&self->pending_text);

  self->pending_id = 0;
  if (text != NULL)
    g_signal_emit (self, signals[REPLACE], 0, text);
  return G_SOURCE_REMOVE;
}

/* Text that arrives through the text view itself (its own paste, a drop on
 * it): a whole token, header line or curl command replaces what is there
 * (jd_paste_replaces(); typing and pasted fragments go in at the cursor),
 * and text that would need folding goes through "replace" (the page's
 * jd_token_page_set_text()) instead, so a megabyte never reaches Pango. Both wait for an idle: the
 * buffer cannot change under the signal's iterator. */
static void
buffer_insert_text (JdPasteArea *self, GtkTextIter *location, const char *text, int len)
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
text_view_copy (JdPasteArea *self)
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
buffer_changed (JdPasteArea *self)
{
  gtk_widget_set_visible (self->placeholder, gtk_text_buffer_get_char_count (self->buffer) == 0);

  if (self->setting_text)
    return;

  g_signal_emit (self, signals[EDITED], 0);
}

/* Before the text view pastes: with part of the text selected, the person
 * edits by hand (a new token into a curl command), and the paste goes there. */
static void
text_view_paste (JdPasteArea *self)
{
  GtkTextIter start, end, sel_start, sel_end;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  self->paste_edits
    = gtk_text_buffer_get_selection_bounds (self->buffer, &sel_start, &sel_end)
      && !(gtk_text_iter_equal (&sel_start, &start) && gtk_text_iter_equal (&sel_end, &end));
}

static void
paste_done (JdPasteArea *self)
{
  self->paste_edits = FALSE;
  g_signal_emit (self, signals[PASTED], 0);
}

void
jd_paste_area_apply_marks (JdPasteArea *self)
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
text_query_tooltip (JdPasteArea *self, int x, int y, gboolean keyboard, GtkTooltip *tooltip)
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

/* Under the paste area (its GtkOverlay), shown while the text is folded. */
static void
add_fold_bar (JdPasteArea *self)
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

/* ---- API ------------------------------------------------------------------- */

char *
jd_paste_area_dup_text (JdPasteArea *self)
{
  g_return_val_if_fail (JD_IS_PASTE_AREA (self), NULL);
  return dup_buffer_text (self);
}

gboolean
jd_paste_area_is_folded (JdPasteArea *self)
{
  g_return_val_if_fail (JD_IS_PASTE_AREA (self), FALSE);
  return self->folded_text != NULL;
}

void
jd_paste_area_set_text (JdPasteArea *self, const char *text)
{
  g_return_if_fail (JD_IS_PASTE_AREA (self));
  g_return_if_fail (text != NULL);

  self->setting_text = TRUE;
  fill_buffer (self, text);
  self->setting_text = FALSE;
}

void
jd_paste_area_set_session (JdPasteArea *self, JdSession *session)
{
  g_return_if_fail (JD_IS_PASTE_AREA (self));
  g_return_if_fail (JD_IS_SESSION (session));

  g_set_object (&self->session, session);
}

/* ---- Life cycle ------------------------------------------------------------ */

static void
jd_paste_area_dispose (GObject *object)
{
  JdPasteArea *self = JD_PASTE_AREA (object);

  g_clear_handle_id (&self->pending_id, g_source_remove);
  g_clear_pointer (&self->pending_text, g_free);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (jd_paste_area_parent_class)->dispose (object);
}

static void
jd_paste_area_finalize (GObject *object)
{
  JdPasteArea *self = JD_PASTE_AREA (object);

  if (self->folded_text != NULL)
    memset (self->folded_text, 0, strlen (self->folded_text)); /* a credential */
  g_clear_pointer (&self->folded_text, g_free);

  G_OBJECT_CLASS (jd_paste_area_parent_class)->finalize (object);
}

static void
jd_paste_area_class_init (JdPasteAreaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jd_paste_area_dispose;
  object_class->finalize = jd_paste_area_finalize;

  /* The person changed the text (typing, cutting, undoing): decode it after a pause. */
  signals[EDITED] = g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 0);
  /* A paste into the text view is done: decode it at once. */
  signals[PASTED] = g_signal_new ("pasted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 0);
  /* A whole token, header line or curl command (or text to fold) came in
   * through the text view: the page puts it in with jd_token_page_set_text(). */
  signals[REPLACE] = g_signal_new ("replace", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
jd_paste_area_init (JdPasteArea *self)
{
}

JdPasteArea *
jd_paste_area_new (GtkTextView *text_view, GtkWidget *placeholder, GtkLabel *legend)
{
  JdPasteArea *self;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (text_view), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (placeholder), NULL);
  g_return_val_if_fail (GTK_IS_LABEL (legend), NULL);

  self = g_object_new (JD_TYPE_PASTE_AREA, NULL);
  self->text_view = text_view;
  self->placeholder = placeholder;
  self->legend = legend;

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

  add_fold_bar (self);
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

  return self;
}
