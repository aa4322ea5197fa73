/* jd-claim-meanings.c — what each claim and header parameter means: the
 * tables, and their lookup by name and by path
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jd-claim-meanings-private.h"

G_DEFINE_ENUM_TYPE (JdClaimsSection, jd_claims_section,
                    G_DEFINE_ENUM_VALUE (JD_CLAIMS_SECTION_HEADER, "header"),
                    G_DEFINE_ENUM_VALUE (JD_CLAIMS_SECTION_PAYLOAD, "payload"))

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

const char *
jd_claims_get_meaning_for_segments (JdClaimsSection section, const char *const *segments)
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
  return jd_claims_get_meaning_for_segments (section, (const char *const *)segments);
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
