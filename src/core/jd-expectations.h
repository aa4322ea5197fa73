/* jd-expectations.h — what the server expects of a token: time, audience,
 * issuer, algorithms, kind
 *
 * Below the diagnosis, so that the checks it calls (evidence, token kinds,
 * server messages, WWW-Authenticate) can take expectations without
 * including the diagnosis.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

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

G_END_DECLS
