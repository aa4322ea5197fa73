/* jd-token-errors.h — what a token endpoint's error answer means, and its fix
 *
 * One row per rule: the OAuth "error" code it applies to (RFC 6749 §5.2,
 * RFC 8628 §3.5, RFC 8707, RFC 7636) and, for a provider's variant, the text
 * or code that names it in "error_description" (Entra ID's AADSTS codes,
 * Auth0, Okta's errorCode E0000…, Keycloak, Google). The first row that
 * matches wins: provider rows come before the generic ones.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *id;      /* stable row id: "invalid_client", "aadsts7000215", … */
  const char *error;   /* the "error" (or Okta "errorCode") it applies to; NULL: any */
  const char *pattern; /* text in error_description, case-insensitive; NULL: any. A
                        * pattern ending in a digit does not match before another digit. */
  const char *source; /* who says so: "RFC 6749 §5.2", "Microsoft Entra ID", … (not translated) */
  const char *meaning; /* translatable: what it means */
  const char *fix;     /* translatable: what to change, in the provider's words */
} JdTokenErrorRule;

/* The table, in match order. @n_rules: (out) */
const JdTokenErrorRule *jd_token_error_rules (guint *n_rules);

/* The row for this answer, or NULL when no row knows @error. @error and
 * @description are nullable (Okta's errorCode / errorSummary may stand in
 * for them). */
const JdTokenErrorRule *jd_token_error_lookup (const char *error, const char *description);

/* A sentence naming the values: "The token endpoint answered 401 with
 * error “invalid_client” (“AADSTS7000215: Invalid client secret…”).
 * Microsoft Entra ID: the client secret is wrong…" and, in @fix, the rule's
 * fix (or a generic one naming the error). @status: the HTTP status (0:
 * unknown). Returns: (transfer full) */
char *jd_token_error_explain (guint status, const char *error, const char *description, char **fix);

G_END_DECLS
