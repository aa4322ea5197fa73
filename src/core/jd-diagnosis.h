/* jd-diagnosis.h — the ranked checklist of DESIGN.md
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "jd-finding.h"
#include "jd-token.h"
#include "jd-providers.h" /* jd_azure_issuer_parse() */

G_BEGIN_DECLS

typedef struct _JdVerifyResult JdVerifyResult;
typedef struct _JdInput JdInput;

#define JD_DEFAULT_LEEWAY 60

/* The kind of token the API expects: almost always an access token; a few
 * (Cloud Run, IAP, some gateways) take OpenID Connect ID tokens. */
typedef enum
{
  JD_EXPECT_ACCESS_TOKEN,
  JD_EXPECT_ID_TOKEN,
} JdExpectedKind;

/* What the server expects. NULL strings mean "not checked". */
typedef struct
{
  gint64 now;                /* evaluate time claims at this instant (unix seconds) */
  gint64 leeway;             /* seconds, default JD_DEFAULT_LEEWAY */
  char *audience;            /* expected aud, nullable */
  char *issuer;              /* expected iss, nullable */
  char **algorithms;         /* allow-list (NULL-terminated), nullable = any but none */
  JdExpectedKind token_kind; /* default JD_EXPECT_ACCESS_TOKEN */
} JdExpectations;

JdExpectations *jd_expectations_new (void); /* now = the clock, leeway 60 */
JdExpectations *jd_expectations_copy (const JdExpectations *self);
void jd_expectations_free (JdExpectations *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdExpectations, jd_expectations_free)

/* Every finding for @token, sorted with jd_finding_compare().
 * @verification (nullable): a signature check's result; its findings are merged.
 * @input (nullable): how the token was pasted (double Bearer prefix, …).
 * Returns: (transfer full) (element-type JdFinding) */
GPtrArray *jd_diagnose (JdToken *token, const JdExpectations *expect, JdVerifyResult *verification,
                        JdInput *input);

G_END_DECLS
