/* jd-claim-node-private.h — what JdClaimsModel needs of JdClaimNode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "jd-claim-node.h"

G_BEGIN_DECLS

/* @parent: NULL for the top level. @name: the member name, or NULL for the
 * array element @index. */
JdClaimNode *jd_claim_node_new (JdClaimsSection section, JdClaimNode *parent, const char *name,
                                guint index, JsonNode *node);
/* Sets the badge; notifies each property only when it changed. */
void jd_claim_node_set_now (JdClaimNode *self, gint64 now, gint64 leeway);
/* The children, created on first request and kept, or NULL.
 * Returns: (transfer none) (nullable) */
GListModel *jd_claim_node_peek_children (JdClaimNode *self);

G_END_DECLS
