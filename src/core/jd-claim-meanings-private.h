/* jd-claim-meanings-private.h — what JdClaimNode needs of the meanings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "jd-claim-meanings.h"

G_BEGIN_DECLS

/* The meaning of the member at @segments: member names from the top, array
 * elements left out.
 * Returns: (transfer none) (nullable) */
const char *jd_claims_get_meaning_for_segments (JdClaimsSection section,
                                                const char *const *segments);

G_END_DECLS
