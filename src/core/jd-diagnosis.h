/* jd-diagnosis.h — the ranked checklist of DESIGN.md
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "jd-finding.h"
#include "jd-token.h"

G_BEGIN_DECLS

typedef struct _JdVerifyResult JdVerifyResult;
typedef struct _JdInput JdInput;

#define JD_DEFAULT_LEEWAY 60

/* The kind of token the API expects: almost always an access token; a few
 * (Cloud Run, IAP, some gateways) take OpenID Connect ID tokens. */
typedef enum {
  JD_EXPECT_ACCESS_TOKEN,
  JD_EXPECT_ID_TOKEN,
} JdExpectedKind;

/* What the server expects. NULL strings mean "not checked". */
typedef struct {
  gint64   now;        /* evaluate time claims at this instant (unix seconds) */
  gint64   leeway;     /* seconds, default JD_DEFAULT_LEEWAY */
  char    *audience;   /* expected aud, nullable */
  char    *issuer;     /* expected iss, nullable */
  char   **algorithms; /* allow-list (NULL-terminated), nullable = any but none */
  JdExpectedKind token_kind; /* default JD_EXPECT_ACCESS_TOKEN */
} JdExpectations;

JdExpectations *jd_expectations_new  (void); /* now = the clock, leeway 60 */
JdExpectations *jd_expectations_copy (const JdExpectations *self);
void            jd_expectations_free (JdExpectations *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdExpectations, jd_expectations_free)

/* Every finding for @token, sorted with jd_finding_compare().
 * @verification (nullable): a signature check's result; its findings are merged.
 * @input (nullable): how the token was pasted (double Bearer prefix, …).
 * Returns: (transfer full) (element-type JdFinding) */
GPtrArray *jd_diagnose (JdToken              *token,
                        const JdExpectations *expect,
                        JdVerifyResult       *verification,
                        JdInput              *input);

/* Whether @iss is an Azure AD (Entra ID) issuer of any cloud (public, US
 * government, China): "https://sts.windows.net/TENANT/" (v1.0 tokens) or
 * "https://login.microsoftonline.com/TENANT/v2.0" and the like. @tenant
 * (nullable) receives the tenant part, @v2 (nullable) whether it is the
 * v2.0 endpoint's issuer. */
gboolean jd_azure_issuer_parse (const char  *iss,
                                char       **tenant,
                                gboolean    *v2);

G_END_DECLS
