/* jd-diagnosis.h — the ranked checklist of DESIGN.md
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "jd-expectations.h"
#include "jd-finding.h"
#include "jd-token.h"
#include "jd-providers.h" /* jd_azure_issuer_parse() */

G_BEGIN_DECLS

typedef struct _JdVerifyResult JdVerifyResult;
typedef struct _JdInput JdInput;

/* Every finding for @token, sorted with jd_finding_compare().
 * @verification (nullable): a signature check's result; its findings are merged.
 * @input (nullable): how the token was pasted (double Bearer prefix, …).
 * Returns: (transfer full) (element-type JdFinding) */
GPtrArray *jd_diagnose (JdToken *token, const JdExpectations *expect, JdVerifyResult *verification,
                        JdInput *input);

G_END_DECLS
