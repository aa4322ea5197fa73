/* jd-claims-model.h — JdClaimsModel, the top level of the claims tree
 * (jd-claims.h): a GListModel of JdClaimNode for a header or payload
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "jd-claim-node.h"

G_BEGIN_DECLS

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
