/* jd-claims.c — claim meanings and the claims tree model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "jd-claims.h"
#include "jd-json.h"
#include "jd-diagnosis.h"

G_DEFINE_ENUM_TYPE (JdClaimsSection, jd_claims_section,
                    G_DEFINE_ENUM_VALUE (JD_CLAIMS_SECTION_HEADER, "header"),
                    G_DEFINE_ENUM_VALUE (JD_CLAIMS_SECTION_PAYLOAD, "payload"))

/* Longest string value shown in "value-text", in characters. */
#define VALUE_TEXT_MAX_CHARS 256

/* ---- Meanings ---------------------------------------------------------- */

typedef struct
{
  const char *name;
  const char *meaning;
} Meaning;

/* JOSE header parameters: RFC 7515 §4.1, RFC 7516 §4.1, RFC 7518 §4.6–4.8,
 * RFC 7797, RFC 8555, RFC 7519 §5, and Microsoft Graph's "nonce". */
static const Meaning header_meanings[] = {
  { "alg",
    N_ ("Algorithm that signs the token (or, in a JWE, encrypts its key). The API must check "
        "it against its own allow-list, never follow it blindly; “none” means unsigned.") },
  { "typ", N_ ("Media type of the whole token: “JWT”, “at+jwt” (an OAuth access token, RFC 9068), "
               "“dpop+jwt”, …") },
  { "kid", N_ ("Key ID: which key of the issuer’s key set (JWKS) signed the token. If the API’s "
               "cached key set lacks it, the issuer has rotated its keys.") },
  { "cty", N_ ("Content type of the payload; “JWT” means the payload is itself a token (nested, "
               "e.g. signed then encrypted).") },
  { "jku",
    N_ ("URL of a key set (JWKS) holding the signing key. An API must never fetch keys from a "
        "URL the token chooses.") },
  { "jwk", N_ ("The signing key itself, embedded in the token. Trusting it would let anyone sign "
               "tokens: an API must verify with its own keys.") },
  { "x5u", N_ ("URL of the X.509 certificate chain of the signing key. Not to be trusted just "
               "because the token names it.") },
  { "x5c", N_ ("X.509 certificate chain of the signing key (base64 DER, leaf first).") },
  { "x5t", N_ ("SHA-1 thumbprint of the signing key’s X.509 certificate (Azure AD sets it to the "
               "same value as kid).") },
  { "x5t#S256", N_ ("SHA-256 thumbprint of the signing key’s X.509 certificate.") },
  { "crit", N_ ("Header extensions the recipient must understand; a recipient that does not must "
                "reject the token.") },
  { "enc", N_ ("Content encryption algorithm: this is an encrypted token (JWE); only the holder of "
               "the decryption key can read its claims.") },
  { "zip", N_ ("Compression applied before encryption (“DEF” is DEFLATE).") },
  { "epk", N_ ("Ephemeral public key the sender created for ECDH-ES key agreement (JWE).") },
  { "apu",
    N_ ("Agreement PartyUInfo: information about the producer, for ECDH-ES key derivation.") },
  { "apv",
    N_ ("Agreement PartyVInfo: information about the recipient, for ECDH-ES key derivation.") },
  { "iv", N_ ("Initialization vector of the AES-GCM key wrapping (JWE).") },
  { "tag", N_ ("Authentication tag of the AES-GCM key wrapping (JWE).") },
  { "p2s", N_ ("Salt for PBES2 password-based key encryption (JWE).") },
  { "p2c", N_ ("Iteration count for PBES2 password-based key encryption (JWE).") },
  { "b64", N_ ("RFC 7797: false means the payload is signed as is, not base64url-encoded.") },
  { "nonce", N_ ("Microsoft Graph access tokens carry this: Graph hashes it before checking the "
                 "signature, so no other API can verify such a token. Request a token whose "
                 "audience is your own API. (In ACME, RFC 8555, it is an anti-replay nonce.)") },
  { "url", N_ ("ACME (RFC 8555): the URL this signed request is meant for.") },
  { "iss", N_ ("Issuer, replicated from the claims (RFC 7519 §5.3) so it is readable even when the "
               "payload is encrypted.") },
  { "sub",
    N_ ("Subject, replicated from the claims (RFC 7519 §5.3) so it is readable even when the "
        "payload is encrypted.") },
  { "aud",
    N_ ("Audience, replicated from the claims (RFC 7519 §5.3) so it is readable even when the "
        "payload is encrypted.") },
};

/* JWT claims: RFC 7519 §4.1, OpenID Connect Core 1.0 §2 and §5.1, RFC 7800,
 * RFC 8693, RFC 9068, and the providers' own claims. */
static const Meaning payload_meanings[] = {
  /* RFC 7519 registered claims */
  { "iss", N_ ("Issuer: who created and signed the token. The API must expect exactly this value, "
               "character for character.") },
  { "sub", N_ ("Subject: the user or client the token is about, unique within the issuer.") },
  { "aud", N_ ("Audience: the API or APIs the token is meant for. An API rejects a token that does "
               "not name it.") },
  { "exp", N_ ("Expiration time: the token must not be accepted on or after this instant.") },
  { "nbf", N_ ("Not before: the token must not be accepted before this instant.") },
  { "iat", N_ ("Issued at: when the token was created.") },
  { "jti", N_ ("JWT ID: a unique identifier of this token, to detect replays or revoke it.") },

  /* OpenID Connect Core: ID token */
  { "auth_time",
    N_ ("When the user last actually authenticated (entered credentials), as opposed to "
        "when the token was issued; checked against max_age.") },
  { "nonce", N_ ("Value the client sent in its authentication request; binds the ID token to that "
                 "request, against replay.") },
  { "acr", N_ ("Authentication context class: how strongly the user authenticated (e.g. with MFA). "
               "Keycloak uses “1” for a fresh login and “0” for a session cookie.") },
  { "amr", N_ ("Authentication methods used, e.g. pwd, mfa, otp, hwk, fido (RFC 8176).") },
  { "azp", N_ ("Authorized party: the client the token was issued to (OIDC; Keycloak, Google and "
               "Azure AD v2 set it to the client ID).") },
  { "at_hash", N_ ("Access token hash: binds this ID token to the access token issued with it.") },
  { "c_hash", N_ ("Code hash: binds this ID token to the authorization code issued with it.") },
  { "s_hash", N_ ("State hash (FAPI): binds this ID token to the client’s state value.") },
  { "sid", N_ ("Session ID: the user’s session at the issuer, used for front- and back-channel "
               "logout.") },
  { "events", N_ ("Security events this token reports, e.g. a back-channel logout (RFC 8417).") },

  /* OpenID Connect Core: standard claims */
  { "name", N_ ("The user’s full name, for display.") },
  { "given_name", N_ ("The user’s given (first) name.") },
  { "family_name", N_ ("The user’s family (last) name.") },
  { "middle_name", N_ ("The user’s middle name.") },
  { "nickname", N_ ("A casual name of the user.") },
  { "preferred_username", N_ ("Name the user likes to be called, often an email address or UPN "
                              "(Azure AD v2, Keycloak). Neither unique nor stable: never use it "
                              "as a key or for authorization.") },
  { "profile", N_ ("URL of the user’s profile page.") },
  { "picture", N_ ("URL of the user’s profile picture.") },
  { "website", N_ ("URL of the user’s web page or blog.") },
  { "email", N_ ("The user’s email address. Trust it for identity only when email_verified is "
                 "true.") },
  { "email_verified", N_ ("Whether the issuer verified that the user controls this email "
                          "address.") },
  { "gender", N_ ("The user’s gender.") },
  { "birthdate", N_ ("The user’s birthday (YYYY-MM-DD, or YYYY).") },
  { "zoneinfo", N_ ("The user’s time zone, e.g. Europe/Paris.") },
  { "locale", N_ ("The user’s locale, e.g. en-US.") },
  { "phone_number", N_ ("The user’s phone number.") },
  { "phone_number_verified", N_ ("Whether the issuer verified the phone number.") },
  { "address", N_ ("The user’s postal address (an object).") },
  { "updated_at", N_ ("When the user’s profile information was last changed.") },

  /* OAuth 2.0: RFC 7800, RFC 8693, RFC 9068 */
  { "cnf", N_ ("Confirmation: the key this token is bound to (DPoP jkt, mutual-TLS x5t#S256). The "
               "caller must prove it holds that key.") },
  { "scope", N_ ("Scopes granted, space-separated (OAuth 2.0; Auth0, Okta, Keycloak). An API "
                 "checks that the scope it needs is there.") },
  { "client_id", N_ ("The OAuth client that requested the token (RFC 9068, RFC 8693).") },
  { "act", N_ ("Actor: who acts on behalf of the subject (token exchange, RFC 8693).") },
  { "may_act", N_ ("Who is allowed to act on behalf of the subject (token exchange, RFC 8693).") },
  { "groups", N_ ("Groups the user belongs to (Azure AD: group object IDs; replaced by "
                  "_claim_names when there are too many).") },
  { "roles", N_ ("Roles granted: app roles assigned to the user or application (Azure AD), or "
                 "RFC 9068 roles.") },
  { "entitlements", N_ ("Entitlements granted to the subject (RFC 9068).") },

  /* Azure AD (Microsoft Entra ID) */
  { "tid", N_ ("Azure AD tenant ID: the directory that issued the token; the issuer contains "
               "it.") },
  { "oid", N_ ("Azure AD object ID: the user’s or service principal’s immutable ID in the tenant, "
               "the same for every application.") },
  { "appid", N_ ("Azure AD v1: application (client) ID of the client that requested the "
                 "token.") },
  { "appidacr", N_ ("Azure AD v1: how the client authenticated: 0 public client, 1 client secret, "
                    "2 certificate.") },
  { "azpacr", N_ ("Azure AD v2: how the client authenticated: 0 public client, 1 client secret, "
                  "2 certificate.") },
  { "scp", N_ ("Delegated scopes granted to the client (Azure AD: one space-separated string; "
               "Okta: an array). Absent from app-only tokens, which carry roles.") },
  { "ver", N_ ("Token format version (Azure AD: “1.0” or “2.0”, which decides the form of the "
               "issuer; Okta: 1).") },
  { "idp", N_ ("Identity provider that authenticated the user, when not the issuer itself (Azure "
               "AD: a guest’s home tenant or an external provider).") },
  { "upn", N_ ("Azure AD user principal name, the sign-in name. It can change: not for "
               "authorization.") },
  { "unique_name", N_ ("Azure AD v1: a human-readable name of the subject. It can change: not for "
                       "authorization.") },
  { "uti", N_ ("Azure AD token identifier, used by Azure internally.") },
  { "rh", N_ ("Azure AD internal claim used to revalidate tokens; ignore it.") },
  { "aio", N_ ("Azure AD internal claim; ignore it.") },
  { "wids", N_ ("Azure AD directory roles of the user, as role template IDs (e.g. Global "
                "Administrator).") },
  { "ipaddr", N_ ("Azure AD: the IP address the user authenticated from.") },
  { "onprem_sid", N_ ("Azure AD: the user’s security identifier in on-premises Active "
                      "Directory.") },
  { "pwd_exp", N_ ("Azure AD: seconds until the user’s password expires.") },
  { "pwd_url", N_ ("Azure AD: where the user can change their password.") },
  { "in_corp", N_ ("Azure AD: whether the user signed in from the corporate network.") },
  { "hasgroups", N_ ("Azure AD: the user is in groups, but too many to list in the token; query "
                     "Microsoft Graph.") },
  { "_claim_names", N_ ("Claims left out of the token because they are too large (Azure AD "
                        "groups overage); _claim_sources says where to get them.") },
  { "_claim_sources", N_ ("Where to fetch the claims named in _claim_names (OIDC aggregated and "
                          "distributed claims).") },
  { "ctry", N_ ("Azure AD: the user’s country or region.") },
  { "tenant_ctry", N_ ("Azure AD: the tenant’s country or region.") },
  { "tenant_region_scope", N_ ("Azure AD: the tenant’s region.") },
  { "acct", N_ ("Azure AD: the user’s account status in the tenant: 0 member, 1 guest.") },
  { "acrs", N_ ("Azure AD: authentication context IDs the user satisfied (Conditional "
                "Access).") },
  { "login_hint", N_ ("Azure AD: an opaque hint to sign this user in again without asking.") },
  { "deviceid", N_ ("Azure AD: ID of the device the user signed in from.") },
  { "verified_primary_email", N_ ("Azure AD: the user’s primary email addresses, verified.") },
  { "verified_secondary_email", N_ ("Azure AD: the user’s secondary email addresses, "
                                    "verified.") },
  { "xms_cc", N_ ("Azure AD: client capabilities, e.g. “cp1” when the client handles continuous "
                  "access evaluation claim challenges.") },
  { "xms_tcdt", N_ ("Azure AD: when the tenant was created (seconds since 1970).") },
  { "xms_pdl", N_ ("Azure AD: the user’s preferred data location (Multi-Geo).") },
  { "xms_tpl", N_ ("Azure AD: the tenant’s preferred language.") },
  { "xms_pl", N_ ("Azure AD: the user’s preferred language.") },
  { "xms_mirid", N_ ("Azure AD: resource ID of the managed identity that requested the "
                     "token.") },

  /* Auth0 and Okta */
  { "permissions", N_ ("Permissions granted for this API (Auth0 role-based access control, with "
                       "“Add Permissions in the Access Token” on).") },
  { "gty", N_ ("Auth0: grant type that produced the token, e.g. client-credentials, password, "
               "refresh_token.") },
  { "cid", N_ ("Okta: client ID of the application that requested the token.") },
  { "uid", N_ ("Okta: the user’s ID (absent from client-credentials tokens).") },
  { "org_id", N_ ("Auth0: the organization the user signed in to.") },
  { "org_name", N_ ("Auth0: the name of the organization the user signed in to.") },

  /* Keycloak */
  { "realm_access", N_ ("Keycloak: roles granted in the realm (realm_access.roles).") },
  { "resource_access", N_ ("Keycloak: roles granted per client "
                           "(resource_access.CLIENT.roles).") },
  { "session_state", N_ ("Keycloak: the user’s session at the server (OIDC session "
                         "management).") },
  { "allowed-origins", N_ ("Keycloak: web origins allowed to call with this token from a browser "
                           "(CORS).") },
  { "typ", N_ ("Keycloak: the kind of token: “Bearer” (access token), “ID” or “Refresh”. An API "
               "accepts only Bearer.") },

  /* Google and Firebase */
  { "firebase", N_ ("Firebase: how the user signed in (sign_in_provider), linked identities and "
                    "tenant.") },
  { "hd", N_ ("Google: the user’s Google Workspace domain; absent for consumer accounts.") },
  { "user_id", N_ ("Firebase: the user’s UID (the same as sub).") },
};

/* Nested members, matched segment by segment; "*" matches any one name.
 * Array indices are not part of the pattern. */
static const Meaning header_nested_meanings[] = {
  { "jwk.kty", N_ ("Key type: RSA, EC, OKP or oct.") },
  { "jwk.kid", N_ ("Key ID of the embedded key.") },
  { "jwk.n", N_ ("RSA modulus (base64url).") },
  { "jwk.e", N_ ("RSA public exponent (base64url).") },
  { "jwk.crv", N_ ("Elliptic curve, e.g. P-256 or Ed25519.") },
  { "jwk.x", N_ ("Public key x coordinate (base64url).") },
  { "jwk.y", N_ ("Public key y coordinate (base64url).") },
  { "epk.kty", N_ ("Key type: RSA, EC, OKP or oct.") },
  { "epk.crv", N_ ("Elliptic curve, e.g. P-256 or Ed25519.") },
  { "epk.x", N_ ("Public key x coordinate (base64url).") },
  { "epk.y", N_ ("Public key y coordinate (base64url).") },
};

static const Meaning payload_nested_meanings[] = {
  { "realm_access.roles", N_ ("Keycloak: realm roles granted to the user.") },
  { "resource_access.*", N_ ("Keycloak: roles granted for this client.") },
  { "resource_access.*.roles", N_ ("Keycloak: client roles granted to the user.") },
  { "firebase.identities", N_ ("Firebase: identities linked to the user, by provider.") },
  { "firebase.sign_in_provider", N_ ("Firebase: how the user signed in: password, google.com, "
                                     "phone, anonymous, custom, …") },
  { "firebase.sign_in_second_factor", N_ ("Firebase: the second factor used, e.g. phone.") },
  { "firebase.second_factor_identifier", N_ ("Firebase: ID of the second factor used.") },
  { "firebase.tenant", N_ ("Firebase: the tenant (Identity Platform) the user belongs to.") },
  { "address.formatted", N_ ("The full postal address, formatted for display.") },
  { "address.street_address", N_ ("Street address.") },
  { "address.locality", N_ ("City or locality.") },
  { "address.region", N_ ("State, province or region.") },
  { "address.postal_code", N_ ("Postal code.") },
  { "address.country", N_ ("Country.") },
  { "cnf.jkt", N_ ("SHA-256 thumbprint of the DPoP key the caller must prove (RFC 9449).") },
  { "cnf.x5t#S256", N_ ("SHA-256 thumbprint of the client certificate the caller must present "
                        "(mutual TLS, RFC 8705).") },
  { "cnf.jwk", N_ ("The key the caller must prove it holds (RFC 7800).") },
  { "cnf.kid", N_ ("ID of the key the caller must prove it holds (RFC 7800).") },
  { "act.sub", N_ ("The acting party’s subject.") },
  { "act.iss", N_ ("The acting party’s issuer.") },
  { "act.act", N_ ("An earlier actor in the delegation chain.") },
  { "_claim_sources.*.endpoint", N_ ("Where to fetch the left-out claims (Azure AD: a Microsoft "
                                     "Graph URL).") },
};

static const char *
lookup (const Meaning *table, gsize n_entries, const char *name)
{
  for (gsize i = 0; i < n_entries; i++)
    if (strcmp (table[i].name, name) == 0)
      return _ (table[i].meaning);
  return NULL;
}

const char *
jd_claims_get_meaning (JdClaimsSection section, const char *name)
{
  const char *meaning;

  g_return_val_if_fail (name != NULL, NULL);

  if (section == JD_CLAIMS_SECTION_HEADER)
    return lookup (header_meanings, G_N_ELEMENTS (header_meanings), name);

  meaning = lookup (payload_meanings, G_N_ELEMENTS (payload_meanings), name);
  if (meaning != NULL)
    return meaning;

  if (g_str_has_prefix (name, "xms_"))
    return _ ("Azure AD extension claim (xms_…), set by Microsoft or by the application’s optional "
              "claims.");
  if (g_str_has_prefix (name, "https://") || g_str_has_prefix (name, "http://"))
    return _ ("Custom claim, namespaced by a URL (Auth0 requires this for custom claims).");
  return NULL;
}

/* TRUE when the segments of @pattern ("a.*.b") match @segments. */
static gboolean
pattern_matches (const char *pattern, const char *const *segments)
{
  g_auto (GStrv) parts = g_strsplit (pattern, ".", -1);
  guint i;

  for (i = 0; parts[i] != NULL; i++)
    {
      if (segments[i] == NULL)
        return FALSE;
      if (strcmp (parts[i], "*") != 0 && strcmp (parts[i], segments[i]) != 0)
        return FALSE;
    }
  return segments[i] == NULL;
}

/* @segments: member names from the top, array elements left out. */
static const char *
meaning_for_segments (JdClaimsSection section, const char *const *segments)
{
  const Meaning *table;
  gsize n_entries;

  g_assert (segments != NULL && segments[0] != NULL);

  if (segments[1] == NULL)
    return jd_claims_get_meaning (section, segments[0]);

  if (section == JD_CLAIMS_SECTION_HEADER)
    {
      table = header_nested_meanings;
      n_entries = G_N_ELEMENTS (header_nested_meanings);
    }
  else
    {
      table = payload_nested_meanings;
      n_entries = G_N_ELEMENTS (payload_nested_meanings);
    }

  for (gsize i = 0; i < n_entries; i++)
    if (pattern_matches (table[i].name, segments))
      return _ (table[i].meaning);
  return NULL;
}

const char *
jd_claims_get_meaning_for_path (JdClaimsSection section, const char *path)
{
  g_auto (GStrv) segments = NULL;
  g_autoptr (GString) plain = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (*path == '\0')
    return NULL;

  /* Drop array indices: "resource_access.account.roles[0]" → "…roles". */
  plain = g_string_new (NULL);
  for (const char *p = path; *p != '\0'; p++)
    {
      if (*p == '[')
        {
          const char *close = strchr (p, ']');
          if (close == NULL)
            break;
          p = close;
          continue;
        }
      g_string_append_c (plain, *p);
    }
  if (plain->len == 0)
    return NULL;

  /* A top-level name is looked up whole, dots and all. */
  if (strcmp (plain->str, path) == 0)
    {
      const char *meaning = jd_claims_get_meaning (section, path);
      if (meaning != NULL)
        return meaning;
    }

  segments = g_strsplit (plain->str, ".", -1);
  return meaning_for_segments (section, (const char *const *)segments);
}

const char **
jd_claims_list_known (JdClaimsSection section)
{
  const Meaning *table;
  gsize n_entries;
  const char **names;

  if (section == JD_CLAIMS_SECTION_HEADER)
    {
      table = header_meanings;
      n_entries = G_N_ELEMENTS (header_meanings);
    }
  else
    {
      table = payload_meanings;
      n_entries = G_N_ELEMENTS (payload_meanings);
    }

  names = g_new0 (const char *, n_entries + 1);
  for (gsize i = 0; i < n_entries; i++)
    names[i] = table[i].name;
  return names;
}

/* ---- JdClaimNode ------------------------------------------------------- */

struct _JdClaimNode
{
  GObject parent_instance;

  JdClaimsSection section;
  char *name;
  char *path;
  char **segments; /* member names from the top, for meanings */
  char *value_text;
  const char *meaning;
  JsonNode *node;

  GListStore *children; /* created on first request */

  JdTimeClaim time_claim;
  gboolean has_date;
  double date;

  JdBadgeState badge_state;
  char *badge_text;
  char *badge_tooltip;
};

G_DEFINE_FINAL_TYPE (JdClaimNode, jd_claim_node, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_NAME,
  PROP_PATH,
  PROP_VALUE_TEXT,
  PROP_MEANING,
  PROP_IS_TIME,
  PROP_BADGE_STATE,
  PROP_BADGE_TEXT,
  PROP_BADGE_TOOLTIP,
  PROP_NODE,
  PROP_SECTION,
  LAST_PROP
};

static GParamSpec *pspecs[LAST_PROP];

static void
jd_claim_node_finalize (GObject *object)
{
  JdClaimNode *self = JD_CLAIM_NODE (object);

  g_free (self->name);
  g_free (self->path);
  g_strfreev (self->segments);
  g_free (self->value_text);
  g_clear_pointer (&self->node, json_node_unref);
  g_clear_object (&self->children);
  g_free (self->badge_text);
  g_free (self->badge_tooltip);

  G_OBJECT_CLASS (jd_claim_node_parent_class)->finalize (object);
}

static void
jd_claim_node_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  JdClaimNode *self = JD_CLAIM_NODE (object);

  switch (prop_id)
    {
      case PROP_NAME:
        g_value_set_string (value, self->name);
        break;
      case PROP_PATH:
        g_value_set_string (value, self->path);
        break;
      case PROP_VALUE_TEXT:
        g_value_set_string (value, self->value_text);
        break;
      case PROP_MEANING:
        g_value_set_string (value, self->meaning);
        break;
      case PROP_IS_TIME:
        g_value_set_boolean (value, self->time_claim != JD_TIME_CLAIM_NONE);
        break;
      case PROP_BADGE_STATE:
        g_value_set_enum (value, self->badge_state);
        break;
      case PROP_BADGE_TEXT:
        g_value_set_string (value, self->badge_text);
        break;
      case PROP_BADGE_TOOLTIP:
        g_value_set_string (value, self->badge_tooltip);
        break;
      case PROP_NODE:
        g_value_set_boxed (value, self->node);
        break;
      case PROP_SECTION:
        g_value_set_enum (value, self->section);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_claim_node_class_init (JdClaimNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = jd_claim_node_finalize;
  object_class->get_property = jd_claim_node_get_property;

  pspecs[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  pspecs[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, flags);
  pspecs[PROP_VALUE_TEXT] = g_param_spec_string ("value-text", NULL, NULL, NULL, flags);
  pspecs[PROP_MEANING] = g_param_spec_string ("meaning", NULL, NULL, NULL, flags);
  pspecs[PROP_IS_TIME] = g_param_spec_boolean ("is-time", NULL, NULL, FALSE, flags);
  pspecs[PROP_BADGE_STATE]
    = g_param_spec_enum ("badge-state", NULL, NULL, JD_TYPE_BADGE_STATE, JD_BADGE_NONE, flags);
  pspecs[PROP_BADGE_TEXT] = g_param_spec_string ("badge-text", NULL, NULL, NULL, flags);
  pspecs[PROP_BADGE_TOOLTIP] = g_param_spec_string ("badge-tooltip", NULL, NULL, NULL, flags);
  pspecs[PROP_NODE] = g_param_spec_boxed ("node", NULL, NULL, JSON_TYPE_NODE, flags);
  pspecs[PROP_SECTION] = g_param_spec_enum ("section", NULL, NULL, JD_TYPE_CLAIMS_SECTION,
                                            JD_CLAIMS_SECTION_PAYLOAD, flags);

  g_object_class_install_properties (object_class, LAST_PROP, pspecs);
}

static void
jd_claim_node_init (JdClaimNode *self)
{
}

/* Shortest text that reads back as the same double. */
static char *
format_double (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    return g_strdup ("null");
  for (int precision = 15; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  return g_strdup (buffer);
}

static char *
format_string (const char *text)
{
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_VALUE);
  g_autofree char *shortened = NULL;
  g_autofree char *valid = NULL;

  /* json-glib nodes built by hand may hold anything; never walk bad UTF-8. */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  if (g_utf8_strlen (text, -1) > VALUE_TEXT_MAX_CHARS)
    {
      g_autofree char *head = g_utf8_substring (text, 0, VALUE_TEXT_MAX_CHARS);
      shortened = g_strconcat (head, "…", NULL);
    }
  json_node_set_string (node, shortened != NULL ? shortened : text);
  /* Our writer: a claim's U+0000 reads as \u0000 (jd-json.h). */
  return jd_json_to_string (node, FALSE);
}

static char *format_value (JsonNode *node);

/* An array of strings, numbers, booleans and nulls (an "aud" list, roles,
 * scopes) shows its values, as JSON: ["api", "web"]. Past the length of
 * one value the rest is cut with the count, ["api", … (40 items)]; the
 * children hold every value. NULL when an element is an object or array. */
static char *
format_scalar_array (JsonArray *array)
{
  guint n = json_array_get_length (array);
  g_autoptr (GString) text = g_string_new ("[");

  for (guint i = 0; i < n; i++)
    if (!JSON_NODE_HOLDS_VALUE (json_array_get_element (array, i))
        && !JSON_NODE_HOLDS_NULL (json_array_get_element (array, i)))
      return NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *value = format_value (json_array_get_element (array, i));

      if (i > 0 && g_utf8_strlen (text->str, -1) + g_utf8_strlen (value, -1) > VALUE_TEXT_MAX_CHARS)
        {
          /* TRANSLATORS: the end of a shortened list: "["api", … (40 items)]" */
          g_string_append_printf (
            text, g_dngettext (GETTEXT_PACKAGE, ", … (%u item)]", ", … (%u items)]", n), n);
          return g_string_free (g_steal_pointer (&text), FALSE);
        }
      g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", value);
    }
  g_string_append_c (text, ']');
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
format_value (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
      case JSON_NODE_OBJECT:
        {
          guint n = json_object_get_size (json_node_get_object (node));

          if (n == 0)
            return g_strdup ("{}");
          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u member", "%u members", n), n);
        }

      case JSON_NODE_ARRAY:
        {
          guint n = json_array_get_length (json_node_get_array (node));
          char *inline_text;

          if (n == 0)
            return g_strdup ("[]");
          inline_text = format_scalar_array (json_node_get_array (node));
          if (inline_text != NULL)
            return inline_text;
          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items", n), n);
        }

      case JSON_NODE_NULL:
        return g_strdup ("null");

      case JSON_NODE_VALUE:
      default:
        {
          GType type = json_node_get_value_type (node);

          if (type == G_TYPE_STRING)
            return format_string (json_node_get_string (node));
          if (type == G_TYPE_INT64)
            return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
          if (type == G_TYPE_DOUBLE)
            return format_double (json_node_get_double (node));
          if (type == G_TYPE_BOOLEAN)
            return g_strdup (json_node_get_boolean (node) ? "true" : "false");
          return g_strdup ("null");
        }
    }
}

static gboolean
name_is_plain (const char *name)
{
  return *name != '\0' && strpbrk (name, ".[]\"") == NULL;
}

static char *
bracketed_name (const char *name)
{
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_VALUE);
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autofree char *quoted = NULL;

  json_node_set_string (node, name);
  json_generator_set_root (generator, node);
  quoted = json_generator_to_data (generator, NULL);
  return g_strdup_printf ("[%s]", quoted);
}

static void
compute_badge (JdClaimNode *self, gint64 now, gint64 leeway, JdBadgeState *state, char **text,
               char **tooltip)
{
  g_assert (self->time_claim != JD_TIME_CLAIM_NONE);

  if (self->has_date)
    {
      *state = jd_time_badge_state (self->time_claim, self->date, now, leeway);
      *text = jd_time_badge_text (self->time_claim, self->date, now, leeway);
      *tooltip = jd_time_format_tooltip (self->date, self->node);
      return;
    }

  *state = self->time_claim == JD_TIME_CLAIM_EXPIRY || self->time_claim == JD_TIME_CLAIM_NOT_BEFORE
               || self->time_claim == JD_TIME_CLAIM_ISSUED_AT
             ? JD_BADGE_ERROR
             : JD_BADGE_WARNING;
  *text = g_strdup (_ ("not a NumericDate"));
  *tooltip = jd_numeric_date_problem (self->name, self->node);
}

/* Sets the badge; notifies each property only when it changed. */
static void
jd_claim_node_set_now (JdClaimNode *self, gint64 now, gint64 leeway)
{
  JdBadgeState state;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  g_assert (JD_IS_CLAIM_NODE (self));

  if (self->time_claim == JD_TIME_CLAIM_NONE)
    return;

  compute_badge (self, now, leeway, &state, &text, &tooltip);

  if (state != self->badge_state)
    {
      self->badge_state = state;
      g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_BADGE_STATE]);
    }
  if (g_strcmp0 (text, self->badge_text) != 0)
    {
      g_free (self->badge_text);
      self->badge_text = g_steal_pointer (&text);
      g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_BADGE_TEXT]);
    }
  if (g_strcmp0 (tooltip, self->badge_tooltip) != 0)
    {
      g_free (self->badge_tooltip);
      self->badge_tooltip = g_steal_pointer (&tooltip);
      g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_BADGE_TOOLTIP]);
    }
}

/* @parent: NULL for the top level. @name: the member name, or NULL for the
 * array element @index. */
static JdClaimNode *
jd_claim_node_new (JdClaimsSection section, JdClaimNode *parent, const char *name, guint index,
                   JsonNode *node)
{
  JdClaimNode *self = g_object_new (JD_TYPE_CLAIM_NODE, NULL);
  g_autoptr (GStrvBuilder) segments = g_strv_builder_new ();

  g_assert (node != NULL);

  self->section = section;
  self->node = json_node_ref (node);

  if (parent != NULL)
    g_strv_builder_addv (segments, (const char **)parent->segments);

  if (name != NULL)
    {
      self->name = g_strdup (name);
      g_strv_builder_add (segments, name);
      if (parent == NULL)
        self->path = name_is_plain (name) ? g_strdup (name) : bracketed_name (name);
      else if (name_is_plain (name))
        self->path = g_strconcat (parent->path, ".", name, NULL);
      else
        {
          g_autofree char *bracketed = bracketed_name (name);
          self->path = g_strconcat (parent->path, bracketed, NULL);
        }
    }
  else
    {
      g_assert (parent != NULL);
      self->name = g_strdup_printf ("[%u]", index);
      self->path = g_strconcat (parent->path, self->name, NULL);
    }
  self->segments = g_strv_builder_end (segments);

  /* Array elements take no meaning: it would repeat the array's. */
  if (name != NULL)
    self->meaning = meaning_for_segments (section, (const char *const *)self->segments);

  self->value_text = format_value (node);

  if (parent == NULL && section == JD_CLAIMS_SECTION_PAYLOAD)
    self->time_claim = jd_time_claim_from_name (name);
  if (self->time_claim != JD_TIME_CLAIM_NONE)
    self->has_date = jd_numeric_date_read (node, &self->date) == JD_NUMERIC_DATE_VALID;

  return self;
}

const char *
jd_claim_node_get_name (JdClaimNode *self)
{
  g_return_val_if_fail (JD_IS_CLAIM_NODE (self), NULL);
  return self->name;
}

const char *
jd_claim_node_get_path (JdClaimNode *self)
{
  g_return_val_if_fail (JD_IS_CLAIM_NODE (self), NULL);
  return self->path;
}

const char *
jd_claim_node_get_value_text (JdClaimNode *self)
{
  g_return_val_if_fail (JD_IS_CLAIM_NODE (self), NULL);
  return self->value_text;
}

const char *
jd_claim_node_get_meaning (JdClaimNode *self)
{
  g_return_val_if_fail (JD_IS_CLAIM_NODE (self), NULL);
  return self->meaning;
}

gboolean
jd_claim_node_get_is_time (JdClaimNode *self)
{
  g_return_val_if_fail (JD_IS_CLAIM_NODE (self), FALSE);
  return self->time_claim != JD_TIME_CLAIM_NONE;
}

JdBadgeState
jd_claim_node_get_badge_state (JdClaimNode *self)
{
  g_return_val_if_fail (JD_IS_CLAIM_NODE (self), JD_BADGE_NONE);
  return self->badge_state;
}

const char *
jd_claim_node_get_badge_text (JdClaimNode *self)
{
  g_return_val_if_fail (JD_IS_CLAIM_NODE (self), NULL);
  return self->badge_text;
}

const char *
jd_claim_node_get_badge_tooltip (JdClaimNode *self)
{
  g_return_val_if_fail (JD_IS_CLAIM_NODE (self), NULL);
  return self->badge_tooltip;
}

JsonNode *
jd_claim_node_get_node (JdClaimNode *self)
{
  g_return_val_if_fail (JD_IS_CLAIM_NODE (self), NULL);
  return self->node;
}

JdClaimsSection
jd_claim_node_get_section (JdClaimNode *self)
{
  g_return_val_if_fail (JD_IS_CLAIM_NODE (self), JD_CLAIMS_SECTION_PAYLOAD);
  return self->section;
}

static gboolean
has_children (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return json_object_get_size (json_node_get_object (node)) > 0;
  if (JSON_NODE_HOLDS_ARRAY (node))
    return json_array_get_length (json_node_get_array (node)) > 0;
  return FALSE;
}

static GListStore *
ensure_children (JdClaimNode *self)
{
  g_assert (JD_IS_CLAIM_NODE (self));

  if (self->children != NULL || !has_children (self->node))
    return self->children;

  self->children = g_list_store_new (JD_TYPE_CLAIM_NODE);

  if (JSON_NODE_HOLDS_OBJECT (self->node))
    {
      JsonObject *object = json_node_get_object (self->node);
      g_autoptr (GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        {
          g_autoptr (JdClaimNode) child = NULL;

          child = jd_claim_node_new (self->section, self, l->data, 0,
                                     json_object_get_member (object, l->data));
          g_list_store_append (self->children, child);
        }
    }
  else
    {
      JsonArray *array = json_node_get_array (self->node);
      guint n = json_array_get_length (array);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr (JdClaimNode) child = NULL;

          child
            = jd_claim_node_new (self->section, self, NULL, i, json_array_get_element (array, i));
          g_list_store_append (self->children, child);
        }
    }

  return self->children;
}

GListModel *
jd_claim_node_get_children (JdClaimNode *self)
{
  GListStore *children;

  g_return_val_if_fail (JD_IS_CLAIM_NODE (self), NULL);

  children = ensure_children (self);
  return children != NULL ? g_object_ref (G_LIST_MODEL (children)) : NULL;
}

GListModel *
jd_claims_create_child_model (gpointer item, gpointer user_data)
{
  g_return_val_if_fail (JD_IS_CLAIM_NODE (item), NULL);

  return jd_claim_node_get_children (JD_CLAIM_NODE (item));
}

/* ---- JdClaimsModel: the top level -------------------------------------- */

struct _JdClaimsModel
{
  GObject parent_instance;

  GPtrArray *items; /* JdClaimNode */
  gint64 now;
  gint64 leeway;
};

static GType
jd_claims_model_get_item_type (GListModel *model)
{
  return JD_TYPE_CLAIM_NODE;
}

static guint
jd_claims_model_get_n_items (GListModel *model)
{
  return JD_CLAIMS_MODEL (model)->items->len;
}

static gpointer
jd_claims_model_get_item (GListModel *model, guint position)
{
  JdClaimsModel *self = JD_CLAIMS_MODEL (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
jd_claims_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = jd_claims_model_get_item_type;
  iface->get_n_items = jd_claims_model_get_n_items;
  iface->get_item = jd_claims_model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (JdClaimsModel, jd_claims_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      jd_claims_model_list_model_init))

static void
jd_claims_model_finalize (GObject *object)
{
  JdClaimsModel *self = JD_CLAIMS_MODEL (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (jd_claims_model_parent_class)->finalize (object);
}

static void
jd_claims_model_class_init (JdClaimsModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jd_claims_model_finalize;
}

static void
jd_claims_model_init (JdClaimsModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

GListModel *
jd_claims_model_new (JsonObject *object, JdClaimsSection section)
{
  JdClaimsModel *self;

  g_return_val_if_fail (section == JD_CLAIMS_SECTION_HEADER || section == JD_CLAIMS_SECTION_PAYLOAD,
                        NULL);

  self = g_object_new (JD_TYPE_CLAIMS_MODEL, NULL);
  self->now = g_get_real_time () / G_USEC_PER_SEC;
  self->leeway = JD_DEFAULT_LEEWAY;

  if (object != NULL)
    {
      g_autoptr (GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        {
          JdClaimNode *node = jd_claim_node_new (section, NULL, l->data, 0,
                                                 json_object_get_member (object, l->data));

          /* Nobody listens yet: this only fills the badge. */
          jd_claim_node_set_now (node, self->now, self->leeway);
          g_ptr_array_add (self->items, node);
        }
    }

  return G_LIST_MODEL (self);
}

void
jd_claims_model_set_now (GListModel *model, gint64 now, gint64 leeway)
{
  JdClaimsModel *self;

  g_return_if_fail (JD_IS_CLAIMS_MODEL (model));

  self = JD_CLAIMS_MODEL (model);
  self->now = now;
  self->leeway = leeway;

  /* Time claims live at the top level only. */
  for (guint i = 0; i < self->items->len; i++)
    jd_claim_node_set_now (g_ptr_array_index (self->items, i), now, leeway);
}

gint64
jd_claims_model_get_now (GListModel *model)
{
  g_return_val_if_fail (JD_IS_CLAIMS_MODEL (model), 0);
  return JD_CLAIMS_MODEL (model)->now;
}

gint64
jd_claims_model_get_leeway (GListModel *model)
{
  g_return_val_if_fail (JD_IS_CLAIMS_MODEL (model), 0);
  return JD_CLAIMS_MODEL (model)->leeway;
}

/* TRUE when @path continues below @prefix: "a.b" or "a[0]" below "a". */
static gboolean
path_is_below (const char *path, const char *prefix)
{
  gsize len = strlen (prefix);

  return strncmp (path, prefix, len) == 0 && (path[len] == '.' || path[len] == '[');
}

static JdClaimNode *
find_in (GListModel *model, const char *path)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (JdClaimNode) node = g_list_model_get_item (model, i);

      if (strcmp (node->path, path) == 0)
        return node; /* the model keeps its reference */
      if (path_is_below (path, node->path))
        {
          GListStore *children = ensure_children (node);

          if (children != NULL)
            {
              JdClaimNode *found = find_in (G_LIST_MODEL (children), path);
              if (found != NULL)
                return found;
            }
        }
    }
  return NULL;
}

JdClaimNode *
jd_claims_model_find (GListModel *model, const char *path)
{
  JdClaimsModel *self;
  JdClaimNode *found;

  g_return_val_if_fail (JD_IS_CLAIMS_MODEL (model), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  self = JD_CLAIMS_MODEL (model);
  found = find_in (model, path);
  if (found != NULL)
    return found;

  for (guint i = 0; i < self->items->len; i++)
    {
      JdClaimNode *node = g_ptr_array_index (self->items, i);

      if (strcmp (node->name, path) == 0)
        return node;
    }
  return NULL;
}
