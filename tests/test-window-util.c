/* test-window-util.c — what the window tests share: the fixture (a real
 * window under Xvfb), tokens to paste, and finding widgets and rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "jd-base64.h"
#include "jd-dialog.h"
#include "test-run.h"
#include "test-window-util.h"

JdApplication *app;

char *
b64url (const char *text)
{
  return jd_base64url_encode (text, strlen (text));
}

char *
make_token (const char *header, const char *payload)
{
  g_autofree char *h = b64url (header);
  g_autofree char *p = b64url (payload);

  return g_strdup_printf ("%s.%s.c2lnbmF0dXJlLWJ5dGVz", h, p);
}

char *
buffer_text (Fixture *f)
{
  return jd_token_page_dup_text (f->token_page);
}

gboolean
session_caught_up (Fixture *f)
{
  g_autofree char *text = buffer_text (f);

  return !jd_session_get_busy (f->session)
         && g_strcmp0 (jd_session_get_analysed_text (f->session), text) == 0;
}

/* The top-level row of the claims tree named @name, or NULL. */
JdClaimNode *
find_row (GListModel *rows, const char *name)
{
  guint n = g_list_model_get_n_items (rows);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr (JdClaimNode) node = gtk_tree_list_row_get_item (row);

      if (gtk_tree_list_row_get_depth (row) == 0
          && g_strcmp0 (jd_claim_node_get_name (node), name) == 0)
        return node;
    }

  return NULL;
}

JdFinding *
finding_at (Fixture *f, guint i)
{
  g_autoptr (JdFinding) finding = g_list_model_get_item (jd_session_get_findings (f->session), i);

  return finding; /* the store keeps it alive */
}

gboolean
has_finding (Fixture *f, const char *id)
{
  GListModel *findings = jd_session_get_findings (f->session);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    if (g_strcmp0 (jd_finding_get_id (finding_at (f, i)), id) == 0)
      return TRUE;
  return FALSE;
}

void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->window = jd_test_window_new (app, 900, 700);
  f->session = jd_window_get_session (f->window);
  f->token_page = jd_window_get_token_page (f->window);
  f->tmpdir = g_dir_make_tmp ("test-window-XXXXXX", NULL);
}

void
fixture_teardown (Fixture *f, gconstpointer data)
{
  jd_test_destroy (GTK_WINDOW (f->window));
  jd_test_remove_dir (f->tmpdir);
  g_free (f->tmpdir);
}

static gboolean
is_of_type (GtkWidget *widget, gconstpointer type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

GtkWidget *
find_first (GtkWidget *widget, GType type)
{
  return jd_test_find_widget (widget, is_of_type, GSIZE_TO_POINTER (type));
}

GtkWidget *
find_text_view (GtkWidget *widget)
{
  return find_first (widget, GTK_TYPE_TEXT_VIEW);
}

/* Every label under @widget (with @css_class, or all when NULL). */
void
collect_labels (GtkWidget *widget, const char *css_class, GPtrArray *labels)
{
  if (GTK_IS_LABEL (widget) && (css_class == NULL || gtk_widget_has_css_class (widget, css_class)))
    g_ptr_array_add (labels, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    collect_labels (c, css_class, labels);
}

GtkAdjustment *
page_adjustment (Fixture *f)
{
  GtkWidget *w = GTK_WIDGET (f->token_page);

  while (w != NULL && !GTK_IS_SCROLLED_WINDOW (w))
    w = gtk_widget_get_first_child (w);
  g_assert_nonnull (w);
  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (w));
}
