/* jd-page-switcher.c — the window's page switcher: in the header bar, or a bar at the bottom when
 * narrow
 *
 * Wide, the Token, Keys and Request buttons sit in the middle of the header
 * bar; narrow, the header bar shows the window's title and the buttons move
 * to @bar at the bottom. libadwaita 1.2 does this with AdwViewSwitcherTitle,
 * deprecated since 1.4 for an AdwViewSwitcher (policy "wide") in the header
 * bar and an AdwBreakpoint on the window; the same source builds either.
 * The bar's buttons are built the first time the window is narrow.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "jd-page-switcher.h"

/* Narrower than this, the switcher moves to the bottom bar (libadwaita
 * ≥ 1.4; AdwViewSwitcherTitle decides by itself when its buttons no longer
 * fit, at about the same width for three pages). */
#define NARROW_CONDITION "max-width: 550sp"

static void
fill_bar (AdwViewSwitcherBar *bar, AdwViewStack *stack)
{
  if (adw_view_switcher_bar_get_stack (bar) == NULL)
    adw_view_switcher_bar_set_stack (bar, stack);
}

#if ADW_CHECK_VERSION(1, 4, 0)

static void
narrow_applied (AdwBreakpoint *breakpoint, AdwViewSwitcherBar *bar)
{
  fill_bar (bar, g_object_get_data (G_OBJECT (breakpoint), "jd-stack"));
}

static void
add_setter (AdwBreakpoint *breakpoint, gpointer object, const char *property, GType type,
            gpointer value)
{
  g_auto (GValue) v = G_VALUE_INIT;

  g_value_init (&v, type);
  if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (&v, GPOINTER_TO_INT (value));
  else
    g_value_set_object (&v, value);
  adw_breakpoint_add_setter (breakpoint, G_OBJECT (object), property, &v);
}

void
jd_page_switcher_setup (AdwApplicationWindow *window, AdwHeaderBar *header_bar, AdwViewStack *stack,
                        AdwViewSwitcherBar *bar)
{
  GtkWidget *switcher = adw_view_switcher_new ();
  AdwBreakpoint *narrow = adw_breakpoint_new (adw_breakpoint_condition_parse (NARROW_CONDITION));

  adw_view_switcher_set_policy (ADW_VIEW_SWITCHER (switcher), ADW_VIEW_SWITCHER_POLICY_WIDE);
  adw_view_switcher_set_stack (ADW_VIEW_SWITCHER (switcher), stack);
  adw_header_bar_set_title_widget (header_bar, switcher);

  /* Narrow: no title widget (the header bar shows the window's title), and
   * the bar revealed; the breakpoint puts everything back when wide. */
  add_setter (narrow, header_bar, "title-widget", GTK_TYPE_WIDGET, NULL);
  add_setter (narrow, bar, "visible", G_TYPE_BOOLEAN, GINT_TO_POINTER (TRUE));
  add_setter (narrow, bar, "reveal", G_TYPE_BOOLEAN, GINT_TO_POINTER (TRUE));
  g_object_set_data (G_OBJECT (narrow), "jd-stack", stack);
  g_signal_connect_object (narrow, "apply", G_CALLBACK (narrow_applied), bar, 0);
  adw_application_window_add_breakpoint (window, narrow);
}

#else /* libadwaita < 1.4 */

static void
title_visible_changed (AdwViewSwitcherTitle *title, GParamSpec *pspec, AdwViewSwitcherBar *bar)
{
  if (adw_view_switcher_title_get_title_visible (title))
    fill_bar (bar, adw_view_switcher_title_get_stack (title));
}

void
jd_page_switcher_setup (AdwApplicationWindow *window, AdwHeaderBar *header_bar, AdwViewStack *stack,
                        AdwViewSwitcherBar *bar)
{
  GtkWidget *title = adw_view_switcher_title_new ();

  adw_view_switcher_title_set_stack (ADW_VIEW_SWITCHER_TITLE (title), stack);
  /* The window's title, also when it names the file that was opened. */
  g_object_bind_property (window, "title", title, "title", G_BINDING_SYNC_CREATE);
  adw_header_bar_set_title_widget (header_bar, title);

  /* The title shows when the buttons no longer fit: then the bar does.
   * Hidden, not only unrevealed, while wide: libadwaita 1.2 otherwise
   * allocates the empty bar at height -1 (a GTK warning). */
  g_object_bind_property (title, "title-visible", bar, "reveal", G_BINDING_SYNC_CREATE);
  g_object_bind_property (title, "title-visible", bar, "visible", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (title, "notify::title-visible", G_CALLBACK (title_visible_changed), bar,
                           0);
}

#endif
