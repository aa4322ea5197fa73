/* jd-token-page.h — the paste area, verdict, findings and claims tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "jd-session.h"

G_BEGIN_DECLS

#define JD_TYPE_TOKEN_PAGE (jd_token_page_get_type ())
G_DECLARE_FINAL_TYPE (JdTokenPage, jd_token_page, JD, TOKEN_PAGE, AdwBin)

void jd_token_page_set_session (JdTokenPage *self, JdSession *session);
/* Replaces the token area's text as one undoable step (Ctrl+Z brings the
 * previous text back) and decodes it at once. */
void jd_token_page_set_text (JdTokenPage *self, const char *text);
/* Replaces the token area's text with the clipboard's. */
void jd_token_page_paste (JdTokenPage *self);

GtkTextBuffer *jd_token_page_get_buffer (JdTokenPage *self);
/* The rows of the claims (payload) and header trees: GtkTreeListRow items. */
GListModel *jd_token_page_get_claims (JdTokenPage *self);
GListModel *jd_token_page_get_header (JdTokenPage *self);
GtkSelectionModel *jd_token_page_get_claims_selection (JdTokenPage *self);
GtkListBox *jd_token_page_get_findings_list (JdTokenPage *self);
/* The verdict banner's text, NULL when hidden. */
const char *jd_token_page_get_verdict (JdTokenPage *self);
/* Whether the whole verdict is inside the page's visible part (after a
 * paste, drop or open the page scrolls to it). */
gboolean jd_token_page_get_verdict_in_view (JdTokenPage *self);
/* At phone width the claims tables drop their Meaning column (each claim's
 * name has it as a tooltip), so names and values keep the room. */
void jd_token_page_set_narrow (JdTokenPage *self, gboolean narrow);
/* TRUE while the once-a-second clock runs (only while the page is shown). */
gboolean jd_token_page_is_ticking (JdTokenPage *self);
/* Whether the paste area shows the text folded (an overlong line). */
gboolean jd_token_page_is_folded (JdTokenPage *self);
/* The whole text of the paste area, also while it is shown folded. */
char *jd_token_page_dup_text (JdTokenPage *self);

G_END_DECLS
