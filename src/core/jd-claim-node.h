/* jd-claim-node.h — JdClaimNode, one row of the claims tree (jd-claims.h):
 * a member or array element, its value text, meaning and time badge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "jd-claim-meanings.h"
#include "jd-time.h"

G_BEGIN_DECLS

#define JD_TYPE_CLAIM_NODE (jd_claim_node_get_type ())
G_DECLARE_FINAL_TYPE (JdClaimNode, jd_claim_node, JD, CLAIM_NODE, GObject)

/* Properties (all read-only, G_PARAM_EXPLICIT_NOTIFY):
 *   "name"          string  member name, or "[3]" for an array element
 *   "path"          string  "realm_access.roles[0]"; members whose name is not
 *                           plain (holds '.', '[', ']', '"' or is empty) are
 *                           written ["https://x.example/roles"] (JSON string)
 *   "value-text"    string  scalars: compact JSON — strings keep their quotes,
 *                           so "1748441531" (a string) and 1748441531 (a
 *                           number) look different; strings longer than 256
 *                           characters are cut with "…" (the full value is in
 *                           "node"); objects: "4 members"; arrays: "3 items";
 *                           empty ones "{}" and "[]"
 *   "meaning"       string  nullable, translated
 *   "is-time"       boolean a top-level time claim of the payload
 *   "badge-state"   JdBadgeState, JD_BADGE_NONE unless is-time
 *   "badge-text"    string  nullable: "expired 3 hours ago", "not a NumericDate"
 *   "badge-tooltip" string  nullable: UTC, local time and raw value, or the
 *                           NumericDate problem
 *   "node"          JsonNode (boxed) the value itself
 *   "section"       JdClaimsSection
 */
const char *jd_claim_node_get_name (JdClaimNode *self);
const char *jd_claim_node_get_path (JdClaimNode *self);
const char *jd_claim_node_get_value_text (JdClaimNode *self);
const char *jd_claim_node_get_meaning (JdClaimNode *self);
gboolean jd_claim_node_get_is_time (JdClaimNode *self);
JdBadgeState jd_claim_node_get_badge_state (JdClaimNode *self);
const char *jd_claim_node_get_badge_text (JdClaimNode *self);
const char *jd_claim_node_get_badge_tooltip (JdClaimNode *self);
JsonNode *jd_claim_node_get_node (JdClaimNode *self);
JdClaimsSection jd_claim_node_get_section (JdClaimNode *self);

/* The children of an object or array with at least one element, else NULL.
 * The same model is returned on every call.
 * Returns: (transfer full) (nullable): a GListModel of JdClaimNode */
GListModel *jd_claim_node_get_children (JdClaimNode *self);

/* A GtkTreeListModelCreateModelFunc: @item is a JdClaimNode.
 * Returns: (transfer full) (nullable) */
GListModel *jd_claims_create_child_model (gpointer item, gpointer user_data);

G_END_DECLS
