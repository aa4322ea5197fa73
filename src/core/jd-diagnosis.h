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

/* The expectations jd_diagnose() judges with: a server message in @input
 * (nullable) that names the audience or issuer it expects fills in the
 * ones @expect does not set. Give the filled copy to jd_verdict_new() too,
 * so the verdict names what the findings checked. Returns whether any was
 * filled in. */
gboolean jd_diagnosis_fill_expectations (JdExpectations *expect, JdInput *input);

/* Every finding for @token, sorted with jd_finding_compare().
 * @verification (nullable): a signature check's result; its findings are merged.
 * @input (nullable): how the token was pasted (double Bearer prefix, …).
 * Returns: (transfer full) (element-type JdFinding) */
GPtrArray *jd_diagnose (JdToken *token, const JdExpectations *expect, JdVerifyResult *verification,
                        JdInput *input);

G_END_DECLS
