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
 * The three parts: jd-claim-meanings.h (the meanings), jd-claim-node.h
 * (one row) and jd-claims-model.h (the top level).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "jd-claim-meanings.h"
#include "jd-claim-node.h"
#include "jd-claims-model.h"
