/* jd-providers.h — identity provider profiles: one table row per provider
 *
 * A row says how to recognise tokens of one identity provider (or one
 * variant of it: Entra ID v1 and v2, Okta's org and custom authorization
 * servers) from the issuer, a header member or a claim, and carries the
 * provider's own rules and fixes in the words of its console. Rules that
 * look at the token alone (a Microsoft Graph token, Keycloak's "account"
 * audience, an AWS ALB header) are a second table, jd_provider_rules_check().
 * Adding a provider is adding a row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "jd-token.h"

G_BEGIN_DECLS

/* What "aud" holds in the provider's access tokens. */
typedef enum
{
  JD_PROVIDER_AUD_API,       /* the API's identifier (the usual case) */
  JD_PROVIDER_AUD_CLIENT_ID, /* access tokens carry no aud: the app client is in client_id (Cognito)
                              */
  JD_PROVIDER_AUD_PROJECT,   /* aud is the project id; iss ends with it (Firebase) */
  JD_PROVIDER_AUD_SERVICE,   /* ID tokens whose aud is the receiving service's URL (Google) */
} JdProviderAudRule;

#define JD_PROVIDER_MAX_PATTERNS 8

typedef struct
{
  const char *id;   /* stable: "keycloak", "entra-v2", … */
  const char *name; /* the product's name, shown before messages: "Keycloak" */
  /* Issuer patterns: '*' matches one or more characters other than '/';
   * the scheme and host compare without case, trailing slashes are
   * ignored. NULL-terminated (fewer than JD_PROVIDER_MAX_PATTERNS). */
  const char *iss[JD_PROVIDER_MAX_PATTERNS];
  const char *header_member; /* nullable: a header member that marks the provider … */
  const char *header_prefix; /* … whose string value starts with this */
  JdProviderAudRule aud_rule;
  gboolean padded_by_design; /* segments carry '=' padding: not a malformed token */
  /* Translatable, marked for gettext; read them with jd_provider_text(): */
  const char *aud_fix;    /* where the audience is set, in the console's words */
  const char *iss_fix;    /* where the issuer comes from */
  const char *scope_rule; /* where scopes or roles live */
  const char
    *access_howto; /* how a client gets an access token for an API (for token-kind findings) */
} JdProvider;

/* The rows, in the order they are tried. */
const JdProvider *jd_providers_get_all (guint *n_rows);
const JdProvider *jd_providers_lookup (const char *id); /* nullable */

/* The first row whose header marker, else whose issuer pattern, matches.
 * @header and @claims are nullable. Returns: (nullable) (transfer none) */
const JdProvider *jd_providers_detect (JsonObject *header, JsonObject *claims);
const JdProvider *jd_providers_detect_iss (const char *iss);

/* Whether @iss matches one of @row's issuer patterns; @capture (nullable)
 * receives what the first '*' matched (a tenant, realm, pool, project). */
gboolean jd_provider_match_iss (const JdProvider *row, const char *iss, char **capture);

/* The provider's text for @row's column, translated; never NULL ("" when
 * the row has none). */
const char *jd_provider_text (const char *column_value);

/* Whether @problem of @token is the padding this provider writes by design
 * (AWS ALB): the diagnosis then says so once instead of "malformed". */
gboolean jd_provider_excuses_problem (const JdProvider *row, JdToken *token,
                                      const JdTokenProblem *problem);

/* jd_token_get_encoding_problem(), except the padding a provider writes by
 * design (AWS ALB, recognised by its header): what makes a verifier of that
 * provider's tokens reject @token before its signature. Nullable. */
const JdTokenProblem *jd_providers_strict_problem (JdToken *token);

/* Rules that look at the token alone: a Microsoft Graph token, an Entra
 * app-only token with neither scp nor roles, Okta's org server, Keycloak's
 * "account" audience, gcloud's client id, a Firebase project mismatch,
 * Auth0's userinfo-only audience, an AWS ALB header. */
typedef struct
{
  const char *finding_id; /* "provider-graph-token", … */
  const char *provider;   /* row id of the provider (prefix match: "entra" is both versions) */
  int severity;           /* JdSeverity */
  int rank;
  const char *claim; /* the claim the finding is about, nullable */
  /* NULL when the rule does not apply; else the message (transfer full),
   * and *fix points at the fix (static, translated). */
  char *(*check) (JdToken *token, JsonObject *claims, const char **fix);
} JdProviderRule;

const JdProviderRule *jd_provider_rules_get_all (guint *n_rows);

/* Appends the finding of every rule of @provider that applies to @token. */
void jd_provider_rules_check (GPtrArray *findings, const JdProvider *provider, JdToken *token);

/* Whether @iss is a Microsoft Entra ID (Azure AD) issuer of any cloud
 * (public, US government, China): "https://sts.windows.net/TENANT/" (v1.0
 * tokens) or "https://login.microsoftonline.com/TENANT/v2.0" and the like.
 * Read from the entra-v1 and entra-v2 rows. @tenant (nullable) receives the
 * tenant part, @v2 (nullable) whether it is the v2.0 endpoint's issuer. */
gboolean jd_azure_issuer_parse (const char *iss, char **tenant, gboolean *v2);

/* A string member of @obj, or NULL (nullable @obj). */
const char *jd_provider_get_string (JsonObject *obj, const char *member);

/* TRUE for an audience of Microsoft Graph (or the retired Azure AD Graph):
 * a token for Graph, which no other API can validate. */
gboolean jd_provider_is_graph_audience (const char *aud);

G_END_DECLS
