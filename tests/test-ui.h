/* test-ui.h — what the window tests share: main-loop helpers and screenshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "jd-application.h"
#include "jd-window.h"

G_BEGIN_DECLS

/* gtk_test_init(), then the real application, registered (non-unique),
 * with animations off and GNOME's default title bar (a close button only),
 * so that window tests and their screenshots do not depend on the machine. */
JdApplication *jd_test_application_new (int *argc, char ***argv);

gboolean jd_test_timeout_cb (gpointer data);

/* Runs the main loop until @cond holds; fails the test after 30 s. */
#define ITERATE_UNTIL(cond)                                                                        \
  G_STMT_START                                                                                     \
  {                                                                                                \
    gboolean timed_out_ = FALSE;                                                                   \
    guint id_ = g_timeout_add_seconds (30, jd_test_timeout_cb, &timed_out_);                       \
    while (!(cond) && !timed_out_)                                                                 \
      g_main_context_iteration (NULL, TRUE);                                                       \
    if (!timed_out_)                                                                               \
      g_source_remove (id_);                                                                       \
    if (!(cond))                                                                                   \
      g_error ("timed out waiting for: %s", #cond);                                                \
  }                                                                                                \
  G_STMT_END

/* Runs the main loop for @ms milliseconds. */
void jd_test_iterate_for (guint ms);

/* @window at @width × @height (unless @width is 0), presented; returns once
 * it is mapped. */
void jd_test_present (GtkWindow *window, int width, int height);
/* A new window of @app, presented at @width × @height. */
JdWindow *jd_test_window_new (JdApplication *app, int width, int height);
/* @window destroyed, and 50 ms for what that lets go. */
void jd_test_destroy (GtkWindow *window);

/* A PNG of @widget's window under <builddir>/tests/screenshots, to look at:
 * taken right after a painted frame, never with a layout pending. */
void jd_test_save_screenshot (GtkWidget *widget, const char *name);

/* The first widget under (or being) @widget, depth first, that @match
 * accepts with @data, or NULL. */
typedef gboolean (*JdTestWidgetMatch) (GtkWidget *widget, gconstpointer data);
GtkWidget *jd_test_find_widget (GtkWidget *widget, JdTestWidgetMatch match, gconstpointer data);

/* Closes a dialog (the preferences, About), whatever libadwaita has. */
void jd_test_close_dialog (GtkWidget *dialog);

G_END_DECLS
