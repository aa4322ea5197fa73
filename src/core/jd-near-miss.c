/* jd-near-miss.c — the tables of near misses for claim values and names
 *
 * Value rows come in three groups: provider rows (a provider's own terms,
 * tried first), loose rows (differences that a normalisation removes;
 * several can combine) and structural rows (host, path, an array written
 * as text). When nothing applies, jd_near_miss_describe() still says what
 * the two values share and where they part.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jd-finding.h"
#include "jd-near-miss.h"
#include "jd-providers.h"

/* ---- helpers ------------------------------------------------------------ */

static const char *
after_scheme (const char *s)
{
  if (g_ascii_strncasecmp (s, "https://", 8) == 0)
    return s + 8;
  if (g_ascii_strncasecmp (s, "http://", 7) == 0)
    return s + 7;
  return s;
}

static gboolean
ends_with_slash (const char *s)
{
  gsize n = strlen (s);
  return n > 0 && s[n - 1] == '/';
}

/* A URL with a host, or NULL. */
static GUri *
parse_url (const char *s)
{
  GUri *uri = g_uri_parse (s, G_URI_FLAGS_SCHEME_NORMALIZE, NULL);

  if (uri != NULL && (g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0'))
    g_clear_pointer (&uri, g_uri_unref);
  return uri;
}

static const char *
path_or_root (GUri *uri)
{
  const char *p = g_uri_get_path (uri);
  return *p ? p : "/";
}

/* ---- loose rows: normalisations ----------------------------------------- */

static char *
norm_whitespace (const char *s)
{
  return g_strstrip (g_strdup (s));
}

static char *
norm_percent (const char *s)
{
  char *out = g_uri_unescape_string (s, NULL);
  return out ? out : g_strdup (s);
}

static char *
norm_case (const char *s)
{
  return g_utf8_validate (s, -1, NULL) ? g_utf8_casefold (s, -1) : g_ascii_strdown (s, -1);
}

static char *
norm_scheme (const char *s)
{
  return g_strdup (after_scheme (s));
}

static char *
norm_slash (const char *s)
{
  gsize n = strlen (s);

  while (n > 0 && s[n - 1] == '/')
    n--;
  return g_strndup (s, n);
}

/* ---- loose rows: explanations ------------------------------------------- */

static char *
say_whitespace (const char *got, const char *want)
{
  const char *which = NULL;
  gsize lg = strlen (got), lw = strlen (want);

  if ((lg > 0 && got[lg - 1] == '\n') || (lw > 0 && want[lw - 1] == '\n'))
    return g_strdup_printf (
      _ ("%s ends with a line break (\\n), e.g. from a file or an environment "
         "variable written with echo"),
      lg > 0 && got[lg - 1] == '\n' ? _ ("the token's value") : _ ("the expected value"));
  which = strlen (got) > strlen (want) ? _ ("the token's value") : _ ("the expected value");
  return g_strdup_printf (_ ("%s has leading or trailing whitespace"), which);
}

static char *
say_percent (const char *got, const char *want)
{
  return g_strdup_printf (_ ("%s is percent-encoded (e.g. %%3A for ':'), and the comparison does "
                             "not decode it"),
                          strchr (got, '%') ? _ ("the token's value") : _ ("the expected value"));
}

static char *
say_case (const char *got, const char *want)
{
  return g_strdup (_ ("they differ in upper and lower case, and the comparison is exact"));
}

static char *
say_scheme (const char *got, const char *want)
{
  if (after_scheme (got) == got || after_scheme (want) == want)
    return g_strdup_printf (_ ("%s has a scheme (https://) and the other does not"),
                            after_scheme (got) == got ? _ ("the expected value")
                                                      : _ ("the token's value"));
  return g_strdup (_ ("they differ in the scheme (http vs https)"));
}

static char *
say_slash (const char *got, const char *want)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (got));

  return g_strdup_printf (_ ("they differ by a trailing slash, which %s has"),
                          ends_with_slash (trimmed) ? _ ("the token's value")
                                                    : _ ("the expected value"));
}

/* ---- structural rows ---------------------------------------------------- */

static char *
explain_host (const char *got, const char *want)
{
  g_autoptr (GUri) a = parse_url (got);
  g_autoptr (GUri) b = parse_url (want);
  g_autofree char *pa = NULL;
  g_autofree char *pb = NULL;

  if (a == NULL || b == NULL || g_ascii_strcasecmp (g_uri_get_host (a), g_uri_get_host (b)) == 0)
    return NULL;
  pa = norm_slash (path_or_root (a));
  pb = norm_slash (path_or_root (b));
  /* Hosts alone ("https://a/" vs "https://b/") are simply other services. */
  if (!g_str_equal (pa, pb) || *pa == '\0')
    return NULL;
  return g_strdup_printf (_ ("the same path on another host: %s instead of %s"), g_uri_get_host (a),
                          g_uri_get_host (b));
}

static char *
explain_path (const char *got, const char *want)
{
  g_autoptr (GUri) a = parse_url (got);
  g_autoptr (GUri) b = parse_url (want);

  if (a == NULL || b == NULL || g_ascii_strcasecmp (g_uri_get_host (a), g_uri_get_host (b)) != 0
      || g_uri_get_port (a) != g_uri_get_port (b))
    return NULL;
  return g_strdup_printf (_ ("the same host (%s), another path: \"%s\" instead of \"%s\""),
                          g_uri_get_host (a), path_or_root (a), path_or_root (b));
}

static char *
explain_array_text (const char *got, const char *want)
{
  g_autoptr (JsonNode) node = NULL;
  JsonArray *array;
  JsonNode *e;

  if (got[0] != '[' || (node = json_from_string (got, NULL)) == NULL
      || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = json_node_get_array (node);
  if (json_array_get_length (array) != 1
      || !JSON_NODE_HOLDS_VALUE (e = json_array_get_element (array, 0))
      || json_node_get_value_type (e) != G_TYPE_STRING
      || !g_str_equal (json_node_get_string (e), want))
    return NULL;
  return g_strdup_printf (
    _ ("the value is a one-element JSON array written as a string: the issuer "
       "serialised [\"%s\"] into text instead of writing the array (or the "
       "string) itself"),
    want);
}

/* ---- provider rows ------------------------------------------------------ */

/* Both values match @provider_id's issuer patterns; captures returned. */
static gboolean
both_match (const char *provider_id, const char *got, const char *want, char **cg, char **cw)
{
  const JdProvider *row = jd_providers_lookup (provider_id);

  if (!jd_provider_match_iss (row, got, cg))
    return FALSE;
  if (!jd_provider_match_iss (row, want, cw))
    {
      g_clear_pointer (cg, g_free);
      return FALSE;
    }
  return TRUE;
}

static char *
explain_entra_tenant (const char *got, const char *want)
{
  g_autofree char *t1 = NULL;
  g_autofree char *t2 = NULL;

  if (!jd_azure_issuer_parse (got, &t1, NULL) || !jd_azure_issuer_parse (want, &t2, NULL)
      || g_ascii_strcasecmp (t1, t2) == 0)
    return NULL;
  return g_strdup_printf (
    _ ("both are Microsoft Entra ID (Azure AD) issuers, but for different tenants "
       "(tid %s instead of %s): the token comes from another directory"),
    t1, t2);
}

static char *
explain_entra_version (const char *got, const char *want)
{
  g_autofree char *t1 = NULL;
  g_autofree char *t2 = NULL;
  gboolean v2_got, v2_want;

  if (!jd_azure_issuer_parse (got, &t1, &v2_got) || !jd_azure_issuer_parse (want, &t2, &v2_want)
      || g_ascii_strcasecmp (t1, t2) != 0 || v2_got == v2_want)
    return NULL;
  return g_strdup_printf (
    _ ("same Entra ID tenant, but the token is a %s token and the API expects "
       "%s: set accessTokenAcceptedVersion in the API's app manifest, or accept "
       "both issuers"),
    v2_got ? "v2.0" : "v1.0", v2_want ? "v2.0" : "v1.0");
}

static char *
explain_entra_app_id_uri (const char *got, const char *want)
{
  const char *uri = g_str_has_prefix (got, "api://") ? got : want;
  const char *id = uri == got ? want : got;
  g_autofree char *bare = norm_slash (uri + MIN (strlen (uri), 6));

  if (!g_str_has_prefix (uri, "api://") || g_str_has_prefix (id, "api://")
      || !g_uuid_string_is_valid (id) || g_ascii_strcasecmp (bare, id) != 0)
    return NULL;
  return g_strdup_printf (
    _ ("App ID URI vs client id of the same app: %s is the Application ID URI "
       "of the app whose client id is %s. v1.0 access tokens carry the URI, v2.0 "
       "tokens the client id: accept both in the API, or set "
       "accessTokenAcceptedVersion to the version the API expects"),
    uri, id);
}

/* The token's aud is Microsoft Graph: it was requested with Graph scopes. */
static char *
explain_entra_graph (const char *got, const char *want)
{
  if (!jd_provider_is_graph_audience (got) || jd_provider_is_graph_audience (want))
    return NULL;
  return g_strdup_printf (
    _ ("\"%s\" is Microsoft Graph's audience: the client asked for Graph scopes (User.Read, "
       "Mail.Send, …) instead of this API's, so the token is for Graph and no other API can "
       "validate it"),
    got);
}

static char *
explain_keycloak_realm_host (const char *got, const char *want)
{
  g_autofree char *r1 = NULL;
  g_autofree char *r2 = NULL;
  g_autoptr (GUri) a = NULL;
  g_autoptr (GUri) b = NULL;

  if (!both_match ("keycloak", got, want, &r1, &r2) || !g_str_equal (r1, r2)
      || (a = parse_url (got)) == NULL || (b = parse_url (want)) == NULL)
    return NULL;
  if (g_ascii_strcasecmp (g_uri_get_host (a), g_uri_get_host (b)) == 0
      && g_uri_get_port (a) == g_uri_get_port (b))
    return NULL;
  return g_strdup_printf (
    _ ("the same realm \"%s\" on another host name (%s instead of %s): the client "
       "requested the token through another URL than the API uses (front-end vs "
       "internal URL)"),
    r1, g_uri_get_host (a), g_uri_get_host (b));
}

/* Whether the custom server @custom lives on the org server @org's host. */
static gboolean
same_okta_org (const char *org, const char *custom)
{
  g_autofree char *base = norm_slash (org);
  return g_ascii_strncasecmp (custom, base, strlen (base)) == 0 && custom[strlen (base)] == '/';
}

static char *
explain_okta_servers (const char *got, const char *want)
{
  const JdProvider *org = jd_providers_lookup ("okta-org");
  const JdProvider *custom = jd_providers_lookup ("okta-custom");
  g_autofree char *server = NULL;

  if (jd_provider_match_iss (org, got, NULL) && jd_provider_match_iss (custom, want, &server)
      && same_okta_org (got, want))
    return g_strdup_printf (
      _ ("org authorization server instead of the custom server \"%s\": the client "
         "requested the token from /oauth2/v1/token instead of "
         "/oauth2/%s/v1/token"),
      server, server);
  g_clear_pointer (&server, g_free);
  if (jd_provider_match_iss (custom, got, &server) && jd_provider_match_iss (org, want, NULL)
      && same_okta_org (want, got))
    return g_strdup_printf (
      _ ("custom authorization server \"%s\" instead of the org server the API "
         "expects"),
      server);
  return NULL;
}

static char *
explain_google_function_path (const char *got, const char *want)
{
  g_autoptr (GUri) a = parse_url (got);
  g_autoptr (GUri) b = parse_url (want);
  const char *host;
  gboolean got_bare, want_bare;

  if (a == NULL || b == NULL || g_ascii_strcasecmp (g_uri_get_host (a), g_uri_get_host (b)) != 0)
    return NULL;
  host = g_uri_get_host (a);
  if (!g_str_has_suffix (host, ".cloudfunctions.net") && !g_str_has_suffix (host, ".run.app"))
    return NULL;
  got_bare = g_str_equal (path_or_root (a), "/");
  want_bare = g_str_equal (path_or_root (b), "/");
  if (got_bare == want_bare)
    return NULL;
  if (got_bare)
    return g_strdup_printf (
      _ ("the function URL without its path: the token is for %s, the API expects "
         "the function %s"),
      host, path_or_root (b));
  return g_strdup_printf (
    _ ("the token's audience has the path %s, the API expects the bare service "
       "URL: Cloud Run audiences carry no path"),
    path_or_root (a));
}

static char *
explain_firebase_project (const char *got, const char *want)
{
  g_autofree char *p1 = NULL;
  g_autofree char *p2 = NULL;

  if (!both_match ("firebase", got, want, &p1, &p2) || g_str_equal (p1, p2))
    return NULL;
  return g_strdup_printf (_ ("another Firebase project: %s instead of %s (staging vs production?)"),
                          p1, p2);
}

static char *
explain_cognito_pool (const char *got, const char *want)
{
  g_autofree char *p1 = NULL;
  g_autofree char *p2 = NULL;

  if (!both_match ("cognito", got, want, &p1, &p2) || g_str_equal (p1, p2))
    return NULL;
  return g_strdup_printf (
    _ ("another Cognito user pool: %s instead of %s (the pool id starts with its "
       "region)"),
    p1, p2);
}

/* ---- the table ---------------------------------------------------------- */

static const JdNearMissRow rows[] = {
  /* provider rows */
  { "entra-tenant", "entra", explain_entra_tenant, NULL },
  { "entra-version", "entra", explain_entra_version, NULL },
  { "entra-app-id-uri", "entra", explain_entra_app_id_uri, NULL },
  { "entra-graph", "entra", explain_entra_graph, NULL },
  { "keycloak-realm-host", "keycloak", explain_keycloak_realm_host, NULL },
  { "okta-org-vs-custom", "okta", explain_okta_servers, NULL },
  { "google-function-path", "google", explain_google_function_path, NULL },
  { "firebase-project", "firebase", explain_firebase_project, NULL },
  { "cognito-pool", "cognito", explain_cognito_pool, NULL },
  /* loose rows, in the order they normalise */
  { "whitespace", NULL, NULL, norm_whitespace, say_whitespace },
  { "percent-encoding", NULL, NULL, norm_percent, say_percent },
  { "case", NULL, NULL, norm_case, say_case },
  { "scheme", NULL, NULL, norm_scheme, say_scheme },
  { "trailing-slash", NULL, NULL, norm_slash, say_slash },
  /* structural rows */
  { "array-as-string", NULL, explain_array_text, NULL },
  { "another-host", NULL, explain_host, NULL },
  { "another-path", NULL, explain_path, NULL },
};

const JdNearMissRow *
jd_near_miss_get_rows (guint *n_rows)
{
  if (n_rows)
    *n_rows = G_N_ELEMENTS (rows);
  return rows;
}

/* @s with every loose row's normalisation but @skip's (-1: none). */
static char *
normalize_all (const char *s, int skip)
{
  char *cur = g_strdup (s);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (rows[i].normalize != NULL && (int)i != skip)
      {
        char *next = rows[i].normalize (cur);
        g_free (cur);
        cur = next;
      }
  return cur;
}

/* Several loose differences at once: each row without which the values
 * would still differ is named. */
static char *
explain_loose (const char *got, const char *want, const char **row_id)
{
  g_autofree char *a = normalize_all (got, -1);
  g_autofree char *b = normalize_all (want, -1);
  g_autoptr (GString) out = NULL;

  if (!g_str_equal (a, b))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *ga = NULL;
      g_autofree char *wb = NULL;
      g_autofree char *why = NULL;

      if (rows[i].normalize == NULL)
        continue;
      ga = normalize_all (got, i);
      wb = normalize_all (want, i);
      if (g_str_equal (ga, wb) || (why = rows[i].say (got, want)) == NULL)
        continue;
      if (out == NULL)
        {
          out = g_string_new (why);
          if (row_id)
            *row_id = rows[i].id;
        }
      else
        g_string_append_printf (out, "; %s %s", _ ("and"), why);
    }
  return out ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

char *
jd_near_miss_explain (const char *got, const char *want, const JdProvider *provider,
                      const char **row_id)
{
  char *why;

  if (row_id)
    *row_id = NULL;
  g_return_val_if_fail (got != NULL && want != NULL, NULL);
  if (g_str_equal (got, want))
    return NULL;

  for (guint i = 0; provider != NULL && i < G_N_ELEMENTS (rows); i++)
    if (rows[i].provider != NULL && g_str_has_prefix (provider->id, rows[i].provider)
        && (why = rows[i].explain (got, want)) != NULL)
      {
        if (row_id)
          *row_id = rows[i].id;
        return why;
      }

  if ((why = explain_loose (got, want, row_id)) != NULL)
    return why;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (rows[i].provider == NULL && rows[i].normalize == NULL
        && (why = rows[i].explain (got, want)) != NULL)
      {
        if (row_id)
          *row_id = rows[i].id;
        return why;
      }
  return NULL;
}

static gboolean
is_web (GUri *uri)
{
  const char *scheme = g_uri_get_scheme (uri);
  return g_ascii_strcasecmp (scheme, "https") == 0 || g_ascii_strcasecmp (scheme, "http") == 0;
}

/* When no row applies: what the values share and where they part. */
static char *
describe_unrelated (const char *got, const char *want, const char **row_id)
{
  g_autoptr (GUri) a = parse_url (got);
  g_autoptr (GUri) b = parse_url (want);
  gsize common = 0;

  /* "https://company.okta.com" vs "api://default": a web address and an
   * identifier that only looks like a URL; their "hosts" are no places to
   * compare. */
  *row_id = "web-vs-identifier";
  if (a != NULL && b != NULL && is_web (a) != is_web (b))
    return g_strdup_printf (_ ("\"%s\" is a web address and \"%s\" an identifier in the "
                               "form %s://…: they name different things"),
                            is_web (a) ? got : want, is_web (a) ? want : got,
                            g_uri_get_scheme (is_web (a) ? b : a));
  *row_id = "unrelated-urls";
  if (a != NULL && b != NULL && g_ascii_strcasecmp (g_uri_get_host (a), g_uri_get_host (b)) == 0)
    return g_strdup_printf (_ ("the same host (%s) on another port: %d instead of %d"),
                            g_uri_get_host (a), g_uri_get_port (a), g_uri_get_port (b));
  if (a != NULL && b != NULL && g_str_equal (path_or_root (a), path_or_root (b)))
    return g_strdup_printf (_ ("another host: %s instead of %s"), g_uri_get_host (a),
                            g_uri_get_host (b));
  if (a != NULL && b != NULL)
    return g_strdup_printf (
      _ ("another host (%s instead of %s) and another path (\"%s\" instead of "
         "\"%s\")"),
      g_uri_get_host (a), g_uri_get_host (b), path_or_root (a), path_or_root (b));
  *row_id = "url-vs-name";
  if ((a == NULL) != (b == NULL))
    return g_strdup_printf (_ ("\"%s\" is a URL and \"%s\" is not"), a ? got : want,
                            a ? want : got);
  while (got[common] != '\0' && got[common] == want[common])
    common++;
  *row_id = common > 0 ? "common-prefix" : JD_NEAR_MISS_NOTHING_IN_COMMON;
  if (common == 0)
    return g_strdup (_ ("they differ from the first character on"));
  return g_strdup_printf (
    _ ("they agree in the first %zu characters (\"%.*s\") and part after that"), common,
    (int)common, got);
}

char *
jd_near_miss_describe (const char *got, const char *want, const JdProvider *provider,
                       const char **row_id)
{
  const char *id = NULL;
  char *why = jd_near_miss_explain (got, want, provider, &id);

  if (why == NULL)
    why = describe_unrelated (got, want, &id);
  if (row_id)
    *row_id = id;
  return why;
}

/* ---- claim names -------------------------------------------------------- */

static const char *const registered[] = { "iss", "sub", "aud", "exp", "nbf", "iat", "jti", NULL };

static const char *
match_case (const char *name)
{
  for (guint i = 0; registered[i] != NULL; i++)
    if (g_ascii_strcasecmp (name, registered[i]) == 0 && !g_str_equal (name, registered[i]))
      return registered[i];
  return NULL;
}

static const char *
match_whitespace (const char *name)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name));

  if (g_str_equal (stripped, name))
    return NULL;
  for (guint i = 0; registered[i] != NULL; i++)
    if (g_str_equal (stripped, registered[i]))
      return registered[i];
  return NULL;
}

static const char *
match_synonym (const char *name)
{
  static const struct
  {
    const char *synonym, *claim;
  } synonyms[] = {
    { "expires", "exp" },   { "expiry", "exp" },     { "expires_at", "exp" },
    { "expiresAt", "exp" }, { "expiration", "exp" }, { "issued_at", "iat" },
    { "issuedAt", "iat" },  { "not_before", "nbf" }, { "notBefore", "nbf" },
    { "audience", "aud" },  { "issuer", "iss" },     { "subject", "sub" },
    { "audiences", "aud" }, { "token_id", "jti" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (synonyms); i++)
    if (g_ascii_strcasecmp (name, synonyms[i].synonym) == 0)
      return synonyms[i].claim;
  return NULL;
}

static const JdClaimNameRow name_rows[] = {
  { "case", match_case,
    N_ ("claim names are case-sensitive (RFC 7519 §4), so verifiers ignore it") },
  { "whitespace", match_whitespace, N_ ("the name carries whitespace, so verifiers ignore it") },
  { "synonym", match_synonym,
    N_ ("it is not a registered claim name, and verifiers read only the registered one (RFC 7519 "
        "§4.1)") },
};

const JdClaimNameRow *
jd_claim_name_get_rows (guint *n_rows)
{
  if (n_rows)
    *n_rows = G_N_ELEMENTS (name_rows);
  return name_rows;
}

const char *
jd_claim_name_near_miss (const char *name, const char **row_id)
{
  if (row_id)
    *row_id = NULL;
  if (name == NULL || g_strv_contains (registered, name))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (name_rows); i++)
    {
      const char *claim = name_rows[i].match (name);
      if (claim != NULL)
        {
          if (row_id)
            *row_id = name_rows[i].id;
          return claim;
        }
    }
  return NULL;
}

static int
rank_of (const char *claim)
{
  if (g_str_equal (claim, "exp"))
    return JD_RANK_EXPIRED;
  if (g_str_equal (claim, "nbf") || g_str_equal (claim, "iat"))
    return JD_RANK_CLOCK_SKEW;
  if (g_str_equal (claim, "aud"))
    return JD_RANK_AUDIENCE;
  if (g_str_equal (claim, "iss"))
    return JD_RANK_ISSUER;
  return JD_RANK_INFO;
}

void
jd_claim_names_check (GPtrArray *findings, JsonObject *claims)
{
  g_autoptr (GList) names = claims ? json_object_get_members (claims) : NULL;

  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *row_id = NULL;
      const char *claim = jd_claim_name_near_miss (l->data, &row_id);
      const char *reason = "";
      g_autofree char *msg = NULL;
      g_autofree char *fix = NULL;

      if (claim == NULL || json_object_has_member (claims, claim))
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (name_rows); i++)
        if (g_str_equal (name_rows[i].id, row_id))
          reason = _ (name_rows[i].reason);
      msg = g_strdup_printf (_ ("The payload has \"%s\" but no \"%s\": %s"), (char *)l->data, claim,
                             reason);
      fix = g_strdup_printf (
        _ ("Have the issuer write the registered claim name \"%s\", exactly so."), claim);
      jd_findings_add (findings, JD_FINDING_CLAIM_NAME_NEAR_MISS, JD_SEVERITY_WARNING,
                       rank_of (claim), claim, msg, fix);
    }
}

char *
jd_near_miss_shape (JsonNode *node, const char *want)
{
  JsonArray *array;
  JsonNode *e;

  if (node == NULL || want == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = json_node_get_array (node);
  if (json_array_get_length (array) != 1
      || !JSON_NODE_HOLDS_VALUE (e = json_array_get_element (array, 0))
      || json_node_get_value_type (e) != G_TYPE_STRING
      || !g_str_equal (json_node_get_string (e), want))
    return NULL;
  return g_strdup_printf (
    _ ("it is the one-element array [\"%s\"], and RFC 7519 §4.1.1 makes \"iss\" a "
       "string: verifiers that compare strings refuse it"),
    want);
}

/* ---- the expected audience in another claim ------------------------------ */

static const JdOtherClaimRow other_claims[] = {
  { "azp", N_ ("the client that requested the token (OIDC authorized party), not its audience") },
  { "client_id", N_ ("the client that requested the token (RFC 9068, Cognito), not its audience") },
  { "appid", N_ ("the client that requested the token (Entra ID v1.0), not its audience") },
  { "cid", N_ ("the client that requested the token (Okta), not its audience") },
};

const JdOtherClaimRow *
jd_near_miss_get_other_claim_rows (guint *n_rows)
{
  if (n_rows)
    *n_rows = G_N_ELEMENTS (other_claims);
  return other_claims;
}

char *
jd_near_miss_other_claim (JsonObject *claims, const char *want)
{
  for (guint i = 0; claims != NULL && want != NULL && i < G_N_ELEMENTS (other_claims); i++)
    {
      JsonNode *node = json_object_get_member (claims, other_claims[i].claim);

      if (node != NULL && JSON_NODE_HOLDS_VALUE (node)
          && json_node_get_value_type (node) == G_TYPE_STRING
          && g_str_equal (json_node_get_string (node), want))
        return g_strdup_printf (_ ("\"%s\" is the token's \"%s\": %s"), want, other_claims[i].claim,
                                _ (other_claims[i].meaning));
    }
  return NULL;
}
