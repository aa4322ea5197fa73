/* jd-keys-page.h — the key set beside the token's kid and alg
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "jd-session.h"

G_BEGIN_DECLS

#define JD_TYPE_KEYS_PAGE (jd_keys_page_get_type ())
G_DECLARE_FINAL_TYPE (JdKeysPage, jd_keys_page, JD, KEYS_PAGE, AdwBin)

void        jd_keys_page_set_session  (JdKeysPage *self,
                                       JdSession  *session);
/* The table's rows: JdKeyVerdict when there is a token, else JdKey. */
GListModel *jd_keys_page_get_rows     (JdKeysPage *self);
/* The text of the Status column for row @position (transfer full). */
char       *jd_keys_page_dup_status   (JdKeysPage *self,
                                       guint       position);

G_END_DECLS
