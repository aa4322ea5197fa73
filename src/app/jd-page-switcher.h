/* jd-page-switcher.h — the window's page switcher: in the header bar, or a bar at the bottom when
 * narrow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void jd_page_switcher_setup (AdwApplicationWindow *window, AdwHeaderBar *header_bar,
                             AdwViewStack *stack, AdwViewSwitcherBar *bar);

G_END_DECLS
