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

void jd_keys_page_set_session (JdKeysPage *self, JdSession *session);
/* The table's rows: JdKeyVerdict when there is a token, else JdKey. */
GListModel *jd_keys_page_get_rows (JdKeysPage *self);
/* The text of the Status column for row @position (transfer full). */
char *jd_keys_page_dup_status (JdKeysPage *self, guint position);

/* A cell as the table shows it, for row @position: @column is "row" (the
 * number findings name keys by), "kid" (with "(also key N)" when another
 * row has the same kid) or "source" (transfer full, nullable). */
char *jd_keys_page_dup_cell (JdKeysPage *self, guint position, const char *column);
/* The line above the table: what the last load did, "7 keys from 2
 * sources", and the verdict on the token. */
const char *jd_keys_page_get_summary (JdKeysPage *self);

/* Fetch ("keys.fetch") takes the JWKS URL from the entry; Discover
 * ("keys.discover") starts from the token's iss; "keys.cancel" stops either. */
void jd_keys_page_set_jwks_url (JdKeysPage *self, const char *url);
gboolean jd_keys_page_get_busy (JdKeysPage *self);
/* "Fetched at HH:MM from URL" and the cache explanation, one per line;
 * NULL before anything was fetched. (transfer full) */
char *jd_keys_page_dup_fetched_text (JdKeysPage *self);
/* What jd_remote_keys_diagnose() said about the fetched set (of JdFinding),
 * as listed: jwks-fetched is the "Fetched at" row instead. */
GListModel *jd_keys_page_get_remote_findings (JdKeysPage *self);
/* A fetch error (or else a load error) shown on the page, NULL when none. */
const char *jd_keys_page_get_error (JdKeysPage *self);
/* The summary above the keys table: the verdict's signature sentence. */

G_END_DECLS
