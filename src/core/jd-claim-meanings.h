/* jd-claim-meanings.h — what each claim means: one translated line per
 * registered claim (RFC 7519), OpenID Connect Core claim, common provider
 * claim and JOSE header parameter, looked up in its section (jd-claims.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

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

G_END_DECLS
