/* jd-claims.h — what each claim means, and the claims tree the window shows
 *
 * Meanings: one translated line per registered claim (RFC 7519), OpenID
 * Connect Core claim, common provider claim (Azure AD / Entra ID, Auth0,
 * Okta, Keycloak, Google / Firebase) and JOSE header parameter (RFC 7515,
 * 7516, 7797, and Microsoft Graph's "nonce"). The same name can mean
 * different things in the header and the payload ("nonce", "typ"), so a
 * lookup always names its section.
 *
 * The tree: a GListModel of JdClaimNode for the top level of a header or
 * payload. Objects and arrays have children, made on first request and kept,
 * so the same JdClaimNode is returned every time (jd_claims_model_find() and
 * a GtkTreeListModel agree on identity). Wrap it like this:
 *
 *   model = jd_claims_model_new (jd_token_get_claims (token), JD_CLAIMS_SECTION_PAYLOAD);
 *   tree = gtk_tree_list_model_new (model, FALSE, FALSE,
 *                                   jd_claims_create_child_model,
 *                                   NULL, NULL);
 *   // once a second while visible:
 *   jd_claims_model_set_now (model, g_get_real_time () / G_USEC_PER_SEC, leeway);
 *
 * Time badges (exp, nbf, iat, auth_time, updated_at at the top of the
 * payload) follow jd-time.h; set_now notifies "badge-text" / "badge-state" /
 * "badge-tooltip" only on the nodes whose value actually changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "jd-time.h"

G_BEGIN_DECLS

typedef enum
{
  JD_CLAIMS_SECTION_HEADER,  /* JOSE header parameters */
  JD_CLAIMS_SECTION_PAYLOAD, /* JWT claims */
} JdClaimsSection;

GType jd_claims_section_get_type (void);
#define JD_TYPE_CLAIMS_SECTION (jd_claims_section_get_type ())

/* ---- Meanings ---------------------------------------------------------- */

/* The meaning of the member @name at the top level of @section, translated,
 * or NULL when it is not known. Azure's "xms_*" and URL-namespaced names
 * ("https://example.com/roles", as Auth0 requires for custom claims) have a
 * generic meaning. Names are compared exactly (claims are case-sensitive).
 * Returns: (transfer none) (nullable) */
const char *jd_claims_get_meaning (JdClaimsSection section, const char *name);

/* The meaning of a nested member, by path with array indices removed:
 * "realm_access.roles", "resource_access.account.roles", "firebase.sign_in_provider",
 * "address.locality", "cnf.jkt", "act.sub"; a top-level path falls back to
 * jd_claims_get_meaning().
 * Returns: (transfer none) (nullable) */
const char *jd_claims_get_meaning_for_path (JdClaimsSection section, const char *path);

/* The names with a meaning in @section, for tests and documentation
 * (exact names only, not the xms_ / URL patterns).
 * Returns: (transfer container) (element-type utf8): a NULL-terminated array
 * of static strings; free with g_free(). */
const char **jd_claims_list_known (JdClaimsSection section);

/* ---- One row of the tree ---------------------------------------------- */

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

/* ---- The tree's top level --------------------------------------------- */

/* The top-level model is a JdClaimsModel (a GListModel of JdClaimNode); the
 * functions below take it as a GListModel so it can be passed around as one. */
#define JD_TYPE_CLAIMS_MODEL (jd_claims_model_get_type ())
G_DECLARE_FINAL_TYPE (JdClaimsModel, jd_claims_model, JD, CLAIMS_MODEL, GObject)

/* A GListModel of JdClaimNode, one per member of @object in its order.
 * @object may be NULL (an empty model: the payload did not decode). Badges
 * are computed for the clock at creation with JD_DEFAULT_LEEWAY (60 s);
 * call jd_claims_model_set_now() to judge another instant.
 * Returns: (transfer full) */
GListModel *jd_claims_model_new (JsonObject *object, JdClaimsSection section);

/* Re-judges every time badge at @now (unix seconds) with @leeway seconds.
 * Notifies a node's "badge-state", "badge-text" and "badge-tooltip" only
 * when that value changed; nothing else is touched, so it is cheap to call
 * every second. */
void jd_claims_model_set_now (GListModel *model, gint64 now, gint64 leeway);

gint64 jd_claims_model_get_now (GListModel *model);
gint64 jd_claims_model_get_leeway (GListModel *model);

/* The node at @path (as "path" writes it), or NULL. A top-level member can
 * also be found by its bare name even when its path is bracketed
 * ("x5t#S256" is plain; "https://x.example/roles" finds ["https://x.example/roles"]),
 * so a finding's claim name always finds its row. Creates the children on
 * the way down.
 * Returns: (transfer none) (nullable) */
JdClaimNode *jd_claims_model_find (GListModel *model, const char *path);

G_END_DECLS
