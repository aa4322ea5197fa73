/* test-ui.c — what the window tests share (see test-ui.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "jd-window.h"
#include "test-ui.h"

JdApplication *
jd_test_application_new (int *argc, char ***argv)
{
  g_autoptr (GError) error = NULL;
  JdApplication *app;

  gtk_test_init (argc, argv, NULL);
  app = jd_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE,
                "gtk-decoration-layout", ":close", NULL);
  return app;
}

gboolean
jd_test_timeout_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

void
jd_test_iterate_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, jd_test_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

void
jd_test_present (GtkWindow *window, int width, int height)
{
  if (width > 0)
    gtk_window_set_default_size (window, width, height);
  gtk_window_present (window);
  ITERATE_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));
}

JdWindow *
jd_test_window_new (JdApplication *app, int width, int height)
{
  JdWindow *window = jd_window_new (GTK_APPLICATION (app));

  jd_test_present (GTK_WINDOW (window), width, height);
  return window;
}

void
jd_test_destroy (GtkWindow *window)
{
  gtk_window_destroy (window);
  jd_test_iterate_for (50);
}

static void
set_true (gboolean *flag)
{
  *flag = TRUE;
}

/* A window as GNOME shows it, which Flathub's screenshot guidelines ask for:
 * rounded corners and the window's shadow on a transparent background.
 * Xvfb has no compositing window manager, so GTK draws neither (the window
 * gets .solid-csd); this draws libadwaita 1.2's own `window.csd` (its
 * stylesheet: border-radius 12px; box-shadow 0 2px 8px 2px rgba(0,0,0,.13),
 * 0 3px 20px 10px rgba(0,0,0,.09), 0 6px 32px 16px rgba(0,0,0,.04), and a
 * 0 0 0 1px rgba(0,0,0,.05) border) around @content. */
static GskRenderNode *
frame_window (GskRenderNode *content, int width, int height)
{
  static const struct
  {
    float dy, blur, spread, alpha;
  } shadows[] = {
    { 0, 0, 1, 0.05f }, /* CSS paints the first shadow on top */
    { 2, 8, 2, 0.13f },
    { 3, 20, 10, 0.09f },
    { 6, 32, 16, 0.04f },
  };
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRoundedRect outline;

  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (0, 0, width, height), 12);
  for (gsize i = G_N_ELEMENTS (shadows); i-- > 0;)
    gtk_snapshot_append_outset_shadow (snapshot, &outline, &(GdkRGBA){ 0, 0, 0, shadows[i].alpha },
                                       0, shadows[i].dy, shadows[i].spread, shadows[i].blur);
  gtk_snapshot_push_rounded_clip (snapshot, &outline);
  gtk_snapshot_append_node (snapshot, content);
  gtk_snapshot_pop (snapshot);

  return gtk_snapshot_free_to_node (snapshot);
}

void
jd_test_save_screenshot (GtkWidget *widget, const char *name)
{
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  g_autofree char *path = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  graphene_rect_t bounds;
  int width, height;

  /* Let layout, CSS and list views settle before taking the picture. */
  jd_test_iterate_for (400);
  ITERATE_UNTIL (gtk_widget_get_width (widget) > 0);
  /* Then take it right after a frame was laid out and painted: a badge tick
   * may have queued a new layout, and children without a current allocation
   * cannot be drawn (slow sanitizer builds hit that). */
  {
    GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
    gboolean painted = FALSE;
    gulong id = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (set_true), &painted);

    gtk_widget_queue_draw (widget);
    ITERATE_UNTIL (painted);
    g_signal_handler_disconnect (clock, id);
  }
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);

  /* The window's own snapshot draws every child; the CSS background
   * under it is drawn by GTK outside the vfunc, so paint it first. */
  {
    GdkRGBA bg = { 1, 1, 1, 1 };

    G_GNUC_BEGIN_IGNORE_DEPRECATIONS
    gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "window_bg_color", &bg);
    G_GNUC_END_IGNORE_DEPRECATIONS
    gtk_snapshot_append_color (snapshot, &bg, &GRAPHENE_RECT_INIT (0, 0, width, height));
  }
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
  /* A window not maximized: with its corners and shadow (frame_window). */
  if (GTK_IS_WINDOW (widget) && !gtk_window_is_maximized (GTK_WINDOW (widget)))
    {
      GskRenderNode *framed = frame_window (node, width, height);

      gsk_render_node_unref (node);
      node = framed;
      gsk_render_node_get_bounds (node, &bounds);
    }
  texture = gsk_renderer_render_texture (renderer, node, &bounds);
  g_assert_nonnull (texture);

  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s (%dx%d, window %dx%d)", path, gdk_texture_get_width (texture),
                  gdk_texture_get_height (texture), width, height);
}

GtkWidget *
jd_test_find_widget (GtkWidget *widget, JdTestWidgetMatch match, gconstpointer data)
{
  if (match (widget, data))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = jd_test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
jd_test_close_dialog (GtkWidget *dialog)
{
#if ADW_CHECK_VERSION(1, 5, 0)
  adw_dialog_force_close (ADW_DIALOG (dialog));
#else
  gtk_window_destroy (GTK_WINDOW (dialog));
#endif
}
