/* jd-no-hyphens.c — no hyphen where a token, a curl command or a message wraps (see
 * jd-no-hyphens.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "jd-no-hyphens.h"

#define TAG_NAME "jd-no-hyphens"

void
jd_label_set_no_hyphens (GtkLabel *label)
{
  PangoAttrList *current;
  g_autoptr (PangoAttrList) attrs = NULL;

  g_return_if_fail (GTK_IS_LABEL (label));

  current = gtk_label_get_attributes (label);
  attrs = current != NULL ? pango_attr_list_copy (current) : pango_attr_list_new ();
  pango_attr_list_change (attrs, pango_attr_insert_hyphens_new (FALSE));
  gtk_label_set_attributes (label, attrs);
}

static void
tag_inserted (GtkTextBuffer *buffer, GtkTextIter *location, const char *text, int len,
              GtkTextTag *tag)
{
  GtkTextIter start = *location;

  /* After the default handler @location is at the end of the new text. */
  gtk_text_iter_backward_chars (&start, (int)g_utf8_strlen (text, len));
  gtk_text_buffer_apply_tag (buffer, tag, &start, location);
}

void
jd_text_view_set_no_hyphens (GtkTextView *view)
{
  GtkTextBuffer *buffer;
  GtkTextTag *tag;
  GtkTextIter start, end;

  g_return_if_fail (GTK_IS_TEXT_VIEW (view));

  buffer = gtk_text_view_get_buffer (view);
  tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), TAG_NAME);
  if (tag != NULL)
    return;
  tag = gtk_text_buffer_create_tag (buffer, TAG_NAME, "insert-hyphens", FALSE, NULL);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
  g_signal_connect_object (buffer, "insert-text", G_CALLBACK (tag_inserted), tag, G_CONNECT_AFTER);
}

static gboolean
attrs_have_no_hyphens (PangoAttrList *attrs)
{
  g_autoptr (PangoAttrIterator) iter = NULL;
  PangoAttribute *attr;

  if (attrs == NULL)
    return FALSE;
  iter = pango_attr_list_get_iterator (attrs);
  attr = pango_attr_iterator_get (iter, PANGO_ATTR_INSERT_HYPHENS);
  return attr != NULL && ((PangoAttrInt *)attr)->value == 0;
}

gboolean
jd_widget_has_no_hyphens (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return attrs_have_no_hyphens (gtk_label_get_attributes (GTK_LABEL (widget)));
  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextTag *tag
        = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), TAG_NAME);
      GtkTextIter start, end;
      gboolean value = TRUE;

      if (tag == NULL)
        return FALSE;
      g_object_get (tag, "insert-hyphens", &value, NULL);
      if (value)
        return FALSE;
      /* The whole text carries it: from the start, with no toggle before the end. */
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      if (gtk_text_iter_equal (&start, &end))
        return TRUE;
      if (!gtk_text_iter_has_tag (&start, tag))
        return FALSE;
      gtk_text_iter_forward_to_tag_toggle (&start, tag);
      return gtk_text_iter_is_end (&start);
    }
  return FALSE;
}
