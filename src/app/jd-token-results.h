/* jd-token-results.h — the Token page's findings list and its claims and
 * header tables, with their row menu
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define JD_TYPE_TOKEN_RESULTS (jd_token_results_get_type ())
G_DECLARE_FINAL_TYPE (JdTokenResults, jd_token_results, JD, TOKEN_RESULTS, GtkBox)

/* Shows the claims (payload) and header trees that @claims and @header
 * select in (each a GtkSingleSelection over a GtkTreeListModel of
 * JdClaimNode rows, owned by the page, which sets their roots). */
GtkWidget *jd_token_results_new (GtkSingleSelection *claims, GtkSingleSelection *header);
/* Lists @findings (of JdFinding), one row each. */
void jd_token_results_bind_findings (JdTokenResults *self, GListModel *findings);
GtkListBox *jd_token_results_get_findings_list (JdTokenResults *self);
/* At phone width the tables drop their Meaning column. */
void jd_token_results_set_narrow (JdTokenResults *self, gboolean narrow);
/* Copies the value (or, with @whole_claim, `"name": value`) of the claim
 * the row menu was opened on, else of the selected claim, to the clipboard. */
void jd_token_results_copy (JdTokenResults *self, gboolean whole_claim);

G_END_DECLS
