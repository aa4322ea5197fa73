/* jd-dialog.c — show a dialog the way the libadwaita at hand does it
 *
 * libadwaita 1.5 turned the About, Preferences and (1.8) Shortcuts windows
 * into AdwDialogs, shown inside their parent window; the windows they
 * replace are deprecated since 1.6. The app builds either, by version
 * (jd-about.c, jd-preferences-window.c, jd-window.c); these two helpers
 * show one and find the one shown, whichever it is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "jd-dialog.h"

/* Shows @dialog (an AdwDialog, or a GtkWindow before libadwaita 1.5) over
 * @parent, which may be NULL. */
void
jd_dialog_present (GtkWidget *dialog, GtkWindow *parent)
{
  g_return_if_fail (GTK_IS_WIDGET (dialog));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

#if ADW_CHECK_VERSION(1, 5, 0)
  if (ADW_IS_DIALOG (dialog))
    {
      adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (parent));
      return;
    }
#endif
  gtk_window_set_transient_for (GTK_WINDOW (dialog), parent);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The dialog or window of @type shown over @parent, or NULL. */
GtkWidget *
jd_dialog_find_shown (GtkWindow *parent, GType type)
{
  g_autoptr (GListModel) toplevels = NULL;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);

#if ADW_CHECK_VERSION(1, 5, 0)
  if (ADW_IS_APPLICATION_WINDOW (parent))
    {
      AdwDialog *dialog
        = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (parent));

      if (dialog != NULL && G_TYPE_CHECK_INSTANCE_TYPE (dialog, type))
        return GTK_WIDGET (dialog);
    }
#endif
  toplevels = g_object_ref (gtk_window_get_toplevels ());
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (GTK_WIDGET (w))
          && gtk_window_get_transient_for (w) == parent)
        return GTK_WIDGET (w);
    }

  return NULL;
}
