/* jd-server-messages.c — the table of servers' error messages
 *
 * One row per message: the exact text as its source writes it ({…} marks
 * the values it fills in), the pattern that recognises it, the stack and
 * file it comes from, the finding it means and what to check. Patterns are
 * PCRE, matched as the stack writes the text (case included), and name the
 * values they carry: (?<expected>…) what the server wanted, (?<actual>…)
 * what it saw, (?<kid>…), (?<alg>…), (?<when>…) an instant; (?<hidden>…)
 * is left out when the message is quoted (it may hold a token).
 * tests/test-server-messages.c matches each row's real text and a close
 * text that must not match. Sources were read at these commits:
 *   AzureAD/azure-activedirectory-identitymodel-extensions-for-dotnet c6b3b6a
 *   auth0/node-jsonwebtoken bc28861, auth0/express-jwt de703b4
 *   jpadilla/pyjwt dcc27a9, golang-jwt/jwt 1a11d37 (v5), coreos/go-oidc 22dfdca
 *   google/jwt_verify_lib b59e807 (Envoy jwt_authn), firebase/firebase-admin-node 5a203f6
 *   jwtk/njwt ec9483b, okta/okta-jwt-verifier-js 701353c, awslabs/aws-jwt-verify a7fce8e
 *   lexik/LexikJWTAuthenticationBundle: the texts its exceptions carry (issue #270 shows one)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jd-server-messages.h"

/* A quoted value in a Microsoft.IdentityModel message: the value, or the
 * "[PII of type '…' is hidden …]" placeholder that stands for it. */
#define MSV(name) "'(?<" name ">\\[PII[^\\]]*\\]|[^']*)'"
/* A quoted value to be left out when quoting (it may be the token). */
#define MSHIDDEN "'(?<hidden>\\[PII[^\\]]*\\]|[^']*)'"
/* No letter, digit, '_' or '-' right before / after. */
#define WB "(?<![\\w-])"
#define WE "(?![\\w-])"

#define MS_TOKENS "Microsoft.IdentityModel.Tokens (ASP.NET Core, Azure Functions)"
#define MS_JWT "Microsoft.IdentityModel.JsonWebTokens / System.IdentityModel.Tokens.Jwt"
#define MS_SRC                                                                                     \
  "AzureAD/azure-activedirectory-identitymodel-extensions-for-dotnet: "                            \
  "src/Microsoft.IdentityModel.Tokens/LogMessages.cs"
#define MS_SRC_OLD MS_SRC " (before 7.0)"
#define MS_JWT_SRC                                                                                 \
  "AzureAD/azure-activedirectory-identitymodel-extensions-for-dotnet: "                            \
  "src/Microsoft.IdentityModel.JsonWebTokens/LogMessages.cs"
#define MS_SYS_SRC                                                                                 \
  "AzureAD/azure-activedirectory-identitymodel-extensions-for-dotnet: "                            \
  "src/System.IdentityModel.Tokens.Jwt/LogMessages.cs"
#define ASPNET "ASP.NET Core JwtBearer (WWW-Authenticate error_description)"
#define ASPNET_SRC                                                                                 \
  "dotnet/aspnetcore: src/Security/Authentication/JwtBearer/src/JwtBearerHandler.cs"
#define MSIDWEB "Microsoft.Identity.Web"
#define MSIDWEB_SRC                                                                                \
  "AzureAD/microsoft-identity-web: "                                                               \
  "src/Microsoft.Identity.Web.TokenAcquisition/IDWebErrorMessage.cs"
#define SPRING "Spring Security OAuth2 Resource Server"
#define NIMBUS "Spring Security with Nimbus JOSE+JWT"
#define JJWT "jjwt (io.jsonwebtoken; Okta Java verifier)"
#define JJWT_SRC "jwtk/jjwt: impl/src/main/java/io/jsonwebtoken/impl/DefaultJwtParser.java"
#define NODE_JWT "jsonwebtoken (Node.js; express-jwt, passport-jwt)"
#define NODE_JWT_SRC "auth0/node-jsonwebtoken: verify.js"
#define EXPRESS_JWT "express-jwt"
#define EXPRESS_JWT_SRC "auth0/express-jwt: src/index.ts"
#define PYJWT "PyJWT"
#define FIREBASE "Firebase Admin SDK (Node.js)"
#define FIREBASE_SRC "firebase/firebase-admin-node: src/auth/token-verifier.ts"
#define ENVOY "Envoy jwt_authn (Istio RequestAuthentication)"
#define ENVOY_SRC "google/jwt_verify_lib: src/status.cc"
#define KONG "Kong jwt plugin"
#define KONG_SRC "Kong/kong: kong/plugins/jwt/handler.lua"
#define APIGW "AWS API Gateway"
#define AWS_VERIFY "aws-jwt-verify (Cognito, AWS)"
#define AWS_VERIFY_SRC "awslabs/aws-jwt-verify: src/jwt.ts, src/assert.ts"
#define OKTA "Okta JWT verifier (okta-jwt-verifier-js)"
#define OKTA_SRC "okta/okta-jwt-verifier-js: lib.js"
#define NJWT "njwt (Okta JWT verifier for Node.js)"
#define NJWT_SRC "jwtk/njwt: properties.json"
#define KEYCLOAK "Keycloak (TokenVerifier, Java adapters)"
#define KEYCLOAK_SRC "keycloak/keycloak: core/src/main/java/org/keycloak/TokenVerifier.java"
#define KC_CONNECT "keycloak-connect (Node.js adapter)"
#define KC_CONNECT_SRC "keycloak/keycloak-nodejs-connect: middleware/auth-utils/grant-manager.js"
#define GOJWT "golang-jwt/jwt v5 (v4: capitalised)"
#define GOJWT_SRC "golang-jwt/jwt: errors.go"
#define GOOIDC "go-oidc (oauth2-proxy, Kubernetes OIDC, Dex)"
#define GOOIDC_SRC "coreos/go-oidc: oidc/verify.go"
#define LEXIK "LexikJWTAuthenticationBundle (Symfony)"
#define LEXIK_SRC "lexik/LexikJWTAuthenticationBundle: MissingTokenException, ExpiredTokenException"

/* The table is data, one row per message, laid out by hand: long texts
 * stay on one line so that each can be found with grep. */
/* clang-format off */

/* What to check, shared by the rows that mean the same thing. */
#define CHECK_EXPIRED N_("Get a fresh token (refresh it, or sign in again). If a fresh one fails the same way, compare the clocks of the client and the server (NTP).")
#define CHECK_NBF N_("The server's clock is behind the issuer's, or the token is used before its nbf: synchronise the clocks (NTP) or allow a small clock skew in the verifier.")
#define CHECK_AUDIENCE N_("Request the token for this API: the audience (Auth0 \"audience\", Entra \"scope=api://…/.default\", Okta authorization server audience, Keycloak Audience mapper) must be exactly what the API's verifier is configured with.")
#define CHECK_ISSUER N_("Compare the issuer URL the API trusts with the token's iss, character for character: tenant, realm, environment (staging vs production), host name, trailing slash.")
#define CHECK_KID N_("The API has no key with the token's kid: it reads the JWKS of another issuer or tenant, or its key cache predates a key rotation. Point it at the issuer's jwks_uri and let it refresh.")
#define CHECK_SIGNATURE N_("The key or secret the API checks with is not the one that signed the token: compare the HMAC secret (and its encoding) or the issuer's public key (JWKS) on both sides.")
#define CHECK_MALFORMED N_("The API did not receive a whole, compact JWT: check that the header is exactly \"Authorization: Bearer <token>\" with nothing cut, quoted, URL-encoded or wrapped.")
#define CHECK_NOT_JWT N_("The API received something that is not a JWT at all: an opaque access token (Auth0 without an audience, Google ya29.), a literal \"undefined\" or \"null\", or an empty value. Request a JWT access token for this API.")
#define CHECK_NO_TOKEN N_("No token reached the server: send \"Authorization: Bearer <token>\"; check that the client had a token, and that no proxy or redirect dropped the header.")
#define CHECK_ALG N_("Sign with an algorithm the API accepts, or add this one to the API's allow-list if it is really meant (never mix HS* and RS* for one issuer).")
#define CHECK_SCOPE N_("Request the token with the scope or app role this API requires (and grant consent for it); an ID token has no scope at all.")
#define CHECK_KIND N_("Send the access token, not the ID token or the refresh token: the API checks the token type.")
#define CHECK_NO_EXP N_("Have the issuer set exp: this API refuses tokens that never expire.")

static const JdServerMessage table[] = {
  /* ---- Microsoft.IdentityModel -------------------------------------- */
  { "idx10223", MS_TOKENS, MS_SRC,
    "IDX10223: Lifetime validation failed. The token is expired. ValidTo (UTC): '{0}', Current time (UTC): '{1}'.",
    "IDX10223: Lifetime validation failed\\. The token is expired\\.(?: ValidTo(?: \\(UTC\\))?: " MSV ("when") ")?",
    JD_FINDING_EXPIRED, "exp", CHECK_EXPIRED },
  { "idx10222", MS_TOKENS, MS_SRC,
    "IDX10222: Lifetime validation failed. The token is not yet valid. ValidFrom (UTC): '{0}', Current time (UTC): '{1}'.",
    "IDX10222: Lifetime validation failed\\. The token is not yet valid\\.(?: ValidFrom(?: \\(UTC\\))?: " MSV ("when") ")?",
    JD_FINDING_NOT_YET_VALID, "nbf", CHECK_NBF },
  { "idx10225", MS_TOKENS, MS_SRC,
    "IDX10225: Lifetime validation failed. The token is missing an Expiration Time. Tokentype: '{0}'.",
    "IDX10225: Lifetime validation failed\\. The token is missing an Expiration Time\\.",
    "missing-exp", "exp", CHECK_NO_EXP },
  { "idx10230", MS_TOKENS, MS_SRC,
    "IDX10230: Lifetime validation failed. Delegate returned false, securitytoken: '{0}'.",
    "IDX10230: Lifetime validation failed\\. Delegate returned false",
    JD_FINDING_EXPIRED, "exp",
    N_("The API's own LifetimeValidator refused the token: read that delegate (it may demand a shorter lifetime, or compare with a clock of its own).") },
  { "idx10214", MS_TOKENS, MS_SRC,
    "IDX10214: Audience validation failed. Audiences: '{0}'. Did not match: validationParameters.ValidAudience: '{1}' or validationParameters.ValidAudiences: '{2}'.",
    "IDX10214: Audience validation failed\\. Audiences: " MSV ("actual") "\\. Did not match: validationParameters\\.ValidAudience: " MSV ("expected") "(?: or validationParameters\\.ValidAudiences: " MSV ("expected2") ")?",
    JD_FINDING_AUDIENCE_MISMATCH, "aud", CHECK_AUDIENCE },
  { "idx10215", MS_TOKENS, MS_SRC,
    "IDX10215: Audience validation failed. Audiences: '{0}'. Did not match: validationParameters.ValidAudiences: '{1}'.",
    "IDX10215: Audience validation failed\\. Audiences: " MSV ("actual") "\\. Did not match: validationParameters\\.ValidAudiences: " MSV ("expected"),
    JD_FINDING_AUDIENCE_MISMATCH, "aud", CHECK_AUDIENCE },
  { "idx10206", MS_TOKENS, MS_SRC,
    "IDX10206: Unable to validate audience. The 'audiences' parameter is empty.",
    "IDX10206: Unable to validate audience\\. The 'audiences' parameter is empty",
    JD_FINDING_AUDIENCE_MISMATCH, "aud",
    N_("The token has no aud at all: request it for this API (an audience, resource or API scope), not a bare sign-in token.") },
  { "idx10208", MS_TOKENS, MS_SRC,
    "IDX10208: Unable to validate audience. validationParameters.ValidAudience is null or whitespace and validationParameters.ValidAudiences is null.",
    "IDX10208: Unable to validate audience\\. validationParameters\\.ValidAudience is null or whitespace",
    JD_FINDING_AUDIENCE_MISMATCH, "aud",
    N_("The API is configured with no audience at all: set TokenValidationParameters.ValidAudience (or the Audience option of AddJwtBearer) to the API's identifier.") },
  { "idx10205", MS_TOKENS, MS_SRC,
    "IDX10205: Issuer validation failed. Issuer: '{0}'. Did not match: validationParameters.ValidIssuer: '{1}' or validationParameters.ValidIssuers: '{2}' or validationParameters.ConfigurationManager.CurrentConfiguration.Issuer: '{3}'.",
    "IDX10205: Issuer validation failed\\. Issuer: " MSV ("actual") "\\. Did not match: validationParameters\\.ValidIssuer: " MSV ("expected") "(?: or validationParameters\\.ValidIssuers: " MSV ("expected2") ")?",
    JD_FINDING_ISSUER_MISMATCH, "iss", CHECK_ISSUER },
  { "idx10212", MS_TOKENS, MS_SRC,
    "IDX10212: Issuer validation failed. Issuer: '{0}'. Did not match any: validationParameters.ValidIssuers: '{1}' or validationParameters.ConfigurationManager.CurrentConfiguration.Issuer: '{2}'.",
    "IDX10212: Issuer validation failed\\. Issuer: " MSV ("actual") "\\. Did not match any: validationParameters\\.ValidIssuers: " MSV ("expected"),
    JD_FINDING_ISSUER_MISMATCH, "iss", CHECK_ISSUER },
  { "idx10211", MS_TOKENS, MS_SRC,
    "IDX10211: Unable to validate issuer. The 'issuer' parameter is null or whitespace.",
    "IDX10211: Unable to validate issuer\\. The 'issuer' parameter is null or whitespace",
    JD_FINDING_ISSUER_MISMATCH, "iss",
    N_("The token has no iss: it was not minted by the identity provider the API trusts.") },
  { "idx10204", MS_TOKENS, MS_SRC,
    "IDX10204: Unable to validate issuer. validationParameters.ValidIssuer is null or whitespace AND validationParameters.ValidIssuers is null or empty.",
    "IDX10204: Unable to validate issuer\\. validationParameters\\.ValidIssuer is null or whitespace",
    JD_FINDING_ISSUER_MISMATCH, "iss",
    N_("The API is configured with no issuer: set Authority (so the issuer comes from its discovery document) or TokenValidationParameters.ValidIssuer.") },
  { "idx10500", MS_TOKENS, MS_SRC,
    "IDX10500: Signature validation failed. No security keys were provided to validate the signature.",
    "IDX10500: Signature validation failed\\. No security keys were provided",
    JD_FINDING_KID_NOT_FOUND, "kid",
    N_("The API has no keys at all: its Authority or MetadataAddress is wrong or unreachable from the server (the discovery document and jwks_uri must load), or IssuerSigningKey is unset.") },
  { "idx10501", MS_TOKENS, MS_SRC_OLD,
    "IDX10501: Signature validation failed. Unable to match key: kid: '{0}'.",
    "IDX10501: Signature validation failed\\. Unable to match keys?:\\s*kid: " MSV ("kid"),
    JD_FINDING_KID_NOT_FOUND, "kid", CHECK_KID },
  { "idx10516", MS_TOKENS, MS_SRC_OLD,
    "IDX10516: Signature validation failed. Unable to match key: kid: '{0}'. Number of keys in TokenValidationParameters: '{1}'. Number of keys in Configuration: '{2}'.",
    "IDX10516: Signature validation failed\\. Unable to match key:\\s*kid: " MSV ("kid"),
    JD_FINDING_KID_NOT_FOUND, "kid", CHECK_KID },
  { "idx10503", MS_TOKENS, MS_SRC,
    "IDX10503: Signature validation failed. The token's kid is: '{0}', but did not match any keys in TokenValidationParameters or Configuration.",
    "IDX10503: Signature validation failed\\.(?: The token's kid is: " MSV ("kid") ", but did not match any keys)?",
    JD_FINDING_KID_NOT_FOUND, "kid", CHECK_KID },
  { "idx10517", MS_TOKENS, MS_SRC,
    "IDX10517: Signature validation failed. The token's kid is missing. Keys tried: '{0}'.",
    "IDX10517: Signature validation failed\\. The token's kid is missing",
    JD_FINDING_KID_NOT_FOUND, "kid",
    N_("The token names no kid, and none of the API's keys verified it: it was signed by a key the API does not have (another issuer, or a locally minted token).") },
  { "idx10511", MS_TOKENS, MS_SRC,
    "IDX10511: Signature validation failed. Keys tried: '{0}'. … kid: '{4}'.",
    "IDX10511: Signature validation failed\\. Keys tried: ",
    JD_FINDING_SIGNATURE_INVALID, NULL,
    N_("A key with the token's kid was found and the signature did not verify with it: the token was altered, or the key under that kid changed (a rotated key re-using a kid, or a test key).") },
  { "idx10504", MS_TOKENS, MS_SRC,
    "IDX10504: Unable to validate signature, token does not have a signature: '{0}'.",
    "IDX10504: Unable to validate signature, token does not have a signature",
    JD_FINDING_MALFORMED, "signature",
    N_("The token's third segment is empty: it is unsigned (alg none) or was cut after the second dot. Send the signed token.") },
  { "idx10634", MS_TOKENS, MS_SRC,
    "IDX10634: Unable to create the SignatureProvider. Algorithm: '{0}', SecurityKey: '{1}' is not supported.",
    "IDX10634: Unable to create the SignatureProvider\\.\\s*Algorithm: " MSV ("alg"),
    JD_FINDING_ALGORITHM_NOT_ALLOWED, "alg",
    N_("The API's key cannot check this algorithm (an RSA key for an ES256 token, an HMAC secret for RS256): the token and the key come from different places.") },
  { "idx10696", MS_TOKENS, MS_SRC,
    "IDX10696: The algorithm '{0}' is not in the user-defined accepted list of algorithms.",
    "IDX10696: The algorithm " MSV ("alg") " is not in the user-defined accepted list",
    JD_FINDING_ALGORITHM_NOT_ALLOWED, "alg", CHECK_ALG },
  { "idx12741", MS_JWT, MS_SYS_SRC,
    "IDX12741: JWT must have three segments (JWS) or five segments (JWE).",
    "IDX12741: JWT(?:: " MSHIDDEN ")? must have three segments \\(JWS\\) or five segments \\(JWE\\)",
    JD_FINDING_MALFORMED, NULL, CHECK_MALFORMED },
  { "idx12709", MS_JWT, MS_SYS_SRC,
    "IDX12709: CanReadToken() returned false. JWT is not well formed.",
    "IDX12709: CanReadToken\\(\\) returned false\\. JWT is not well formed",
    JD_FINDING_MALFORMED, NULL, CHECK_MALFORMED },
  { "idx14100", MS_JWT, MS_JWT_SRC,
    "IDX14100: JWT is not well formed, there are no dots (.).",
    "IDX14100: JWT is not well formed, there are no dots \\(\\.\\)",
    "wrong-token-kind", NULL, CHECK_NOT_JWT },
  { "idx14120", MS_JWT, MS_JWT_SRC,
    "IDX14120: JWT is not well formed, there is only one dot (.).",
    "IDX14120: JWT is not well formed, there is only one dot \\(\\.\\)",
    JD_FINDING_MALFORMED, NULL, CHECK_MALFORMED },
  { "idx14101", MS_JWT, MS_JWT_SRC,
    "IDX14101: Unable to decode the payload '{0}' as Base64Url encoded string.",
    "IDX1410[12]: Unable to decode the (?:payload|header) " MSHIDDEN " as Base64Url encoded string",
    JD_FINDING_MALFORMED, NULL, CHECK_MALFORMED },

  /* ---- ASP.NET Core JwtBearer: WWW-Authenticate error_description ---- */
  { "aspnet-expired", ASPNET, ASPNET_SRC, "The token expired at '{0}'",
    "The token expired at '(?<when>[^']*)'", JD_FINDING_EXPIRED, "exp", CHECK_EXPIRED },
  { "aspnet-not-before", ASPNET, ASPNET_SRC, "The token is not valid before '{0}'",
    "The token is not valid before '(?<when>[^']*)'", JD_FINDING_NOT_YET_VALID, "nbf", CHECK_NBF },
  { "aspnet-audience", ASPNET, ASPNET_SRC, "The audience '{0}' is invalid",
    "The audience '(?<actual>[^']*)' is invalid", JD_FINDING_AUDIENCE_MISMATCH, "aud", CHECK_AUDIENCE },
  { "aspnet-issuer", ASPNET, ASPNET_SRC, "The issuer '{0}' is invalid",
    "The issuer '(?<actual>[^']*)' is invalid", JD_FINDING_ISSUER_MISMATCH, "iss", CHECK_ISSUER },
  { "aspnet-no-expiration", ASPNET, ASPNET_SRC, "The token has no expiration",
    "The token has no expiration", "missing-exp", "exp", CHECK_NO_EXP },
  { "aspnet-key-not-found", ASPNET, ASPNET_SRC, "The signature key was not found",
    "The signature key was not found", JD_FINDING_KID_NOT_FOUND, "kid", CHECK_KID },
  { "aspnet-signature", ASPNET, ASPNET_SRC, "The signature is invalid",
    "The signature is invalid", JD_FINDING_SIGNATURE_INVALID, NULL, CHECK_SIGNATURE },

  { "aspnet-lifetime", ASPNET, ASPNET_SRC, "The token lifetime is invalid; NotBefore: '{0}', Expires: '{1}'",
    "The token lifetime is invalid", JD_FINDING_MALFORMED, "nbf",
    N_("The token's nbf is after its exp (or one of them is not a date): the issuer writes them wrong.") },
  { "aspnet2-expired", ASPNET " (2.x)", "dotnet/aspnetcore: src/Security/Authentication/JwtBearer/src/JwtBearerHandler.cs (2.x)",
    "The token is expired", "The token is expired", JD_FINDING_EXPIRED, "exp", CHECK_EXPIRED },
  { "aspnet2-not-valid-yet", ASPNET " (2.x)", "dotnet/aspnetcore: src/Security/Authentication/JwtBearer/src/JwtBearerHandler.cs (2.x)",
    "The token is not valid yet", "The token is not valid yet", JD_FINDING_NOT_YET_VALID, "nbf", CHECK_NBF },

  /* ---- Microsoft.Identity.Web ---------------------------------------- */
  { "idw10201", MSIDWEB, MSIDWEB_SRC,
    "IDW10201: Neither scope or roles claim was found in the bearer token.",
    "(?:IDW10201: )?Neither scope or roles claim was found in the bearer token",
    JD_FINDING_INSUFFICIENT_SCOPE, "scp",
    N_("The token has neither scp nor roles: an ID token, or an app-only (client credentials) token of an app that was granted no app role of this API. Request a delegated scope, or grant an app role (and admin consent) and request api://…/.default.") },
  { "idw10203", MSIDWEB, MSIDWEB_SRC,
    "IDW10203: The 'scope' or 'scp' claim does not contain scopes '{0}' or was not found.",
    "IDW10203: The 'scope' or 'scp' claim does not contain scopes '(?<expected>[^']*)'",
    JD_FINDING_INSUFFICIENT_SCOPE, "scp", CHECK_SCOPE },

  /* ---- Spring Security ------------------------------------------------ */
  { "spring-expired", SPRING,
    "spring-projects/spring-security: oauth2/oauth2-resource-server … JwtTimestampValidator.java",
    "Jwt expired at {exp}", "Jwt expired at (?<when>[0-9][0-9T:.+Z-]*)",
    JD_FINDING_EXPIRED, "exp", CHECK_EXPIRED },
  { "spring-used-before", SPRING,
    "spring-projects/spring-security: oauth2/oauth2-jose … JwtTimestampValidator.java",
    "Jwt used before {nbf}", "Jwt used before (?<when>[0-9][0-9T:.+Z-]*)",
    JD_FINDING_NOT_YET_VALID, "nbf", CHECK_NBF },
  { "spring-decode", SPRING,
    "spring-projects/spring-security: oauth2/oauth2-jose … NimbusJwtDecoder.java",
    "An error occurred while attempting to decode the Jwt: {message}",
    "An error occurred while attempting to decode the Jwt(?::[^\"\\r\\n]*)?",
    JD_FINDING_MALFORMED, NULL,
    N_("Spring could not decode or verify the token; the words after the colon say why (a signature, a key, the format). A wrong jwk-set-uri or issuer-uri makes every token fail here."),
    JD_SERVER_MESSAGE_FLAG_WRAPPER },
  { "spring-audience", SPRING,
    "Spring Security reference: OAuth 2.0 Resource Server, \"Validating Custom Claims\" (AudienceValidator)",
    "The required audience is missing", "The required audience is missing",
    JD_FINDING_AUDIENCE_MISMATCH, "aud", CHECK_AUDIENCE },
  { "spring-aud-claim", SPRING,
    "spring-projects/spring-security: oauth2/oauth2-jose … JwtClaimValidator.java",
    "The aud claim is not valid", "The aud claim is not valid",
    JD_FINDING_AUDIENCE_MISMATCH, "aud", CHECK_AUDIENCE },
  { "spring-iss-claim", SPRING,
    "spring-projects/spring-security: oauth2/oauth2-jose … JwtIssuerValidator.java (JwtClaimValidator)",
    "The iss claim is not valid", "The iss claim is not valid",
    JD_FINDING_ISSUER_MISMATCH, "iss",
    N_("spring.security.oauth2.resourceserver.jwt.issuer-uri must equal the token's iss exactly: Keycloak writes the host name the client used (localhost vs the service name in Docker), and a trailing slash counts.") },
  { "spring-bearer-malformed", SPRING,
    "spring-projects/spring-security: … DefaultBearerTokenResolver.java",
    "Bearer token is malformed", "Bearer token is malformed",
    JD_SERVER_MESSAGE_NO_TOKEN, NULL, CHECK_MALFORMED },
  { "nimbus-signature", NIMBUS, "Nimbus JOSE+JWT: DefaultJWTProcessor.java (via Spring's NimbusJwtDecoder)",
    "Signed JWT rejected: Invalid signature", "Signed JWT rejected: Invalid signature",
    JD_FINDING_SIGNATURE_INVALID, NULL, CHECK_SIGNATURE },
  { "nimbus-no-key", NIMBUS, "Nimbus JOSE+JWT: DefaultJWTProcessor.java (via Spring's NimbusJwtDecoder)",
    "Signed JWT rejected: Another algorithm expected, or no matching key(s) found",
    "Signed JWT rejected: Another algorithm expected, or no matching key\\(s\\) found",
    JD_FINDING_KID_NOT_FOUND, "kid",
    N_("No key of jwk-set-uri has the token's kid and alg: the API reads another issuer's JWKS, the key was rotated, or the token is HS256 while the API expects RS256.") },
  { "nimbus-serialization", NIMBUS, "Nimbus JOSE+JWT: JWTParser.java",
    "Invalid JWT serialization: Missing dot delimiter(s)",
    "Invalid JWT serialization: Missing dot delimiter\\(s\\)",
    "wrong-token-kind", NULL, CHECK_NOT_JWT },

  /* ---- jjwt ------------------------------------------------------------- */
  { "jjwt-expired", JJWT, JJWT_SRC,
    "JWT expired at {exp}. Current time: {now}, a difference of {ms} milliseconds.  Allowed clock skew: {skew} milliseconds.",
    "JWT expired at (?<when>[0-9][0-9T:.+Z-]*?)\\.? Current time",
    JD_FINDING_EXPIRED, "exp", CHECK_EXPIRED },
  { "jjwt-signature", JJWT, JJWT_SRC,
    "JWT signature does not match locally computed signature. JWT validity cannot be asserted and should not be trusted.",
    "JWT signature does not match locally computed signature",
    JD_FINDING_SIGNATURE_INVALID, NULL, CHECK_SIGNATURE },
  { "jjwt-segments", JJWT, JJWT_SRC,
    "JWT strings must contain exactly 2 period characters. Found: {n}",
    "JWT strings must contain exactly 2 period characters\\. Found: [0-9]+",
    JD_FINDING_MALFORMED, NULL, CHECK_MALFORMED },
  { "jjwt-audience", JJWT, "jwtk/jjwt: api/src/main/java/io/jsonwebtoken/ClaimJwtException.java",
    "Expected aud claim to be: {expected}, but was: {actual}.",
    "Expected aud claim to be: (?<expected>[^,\\s]+), but was: (?<actual>[^\\s]+?)\\.?(?=\\s|$|\")",
    JD_FINDING_AUDIENCE_MISMATCH, "aud", CHECK_AUDIENCE },
  { "jjwt-issuer", JJWT, "jwtk/jjwt: api/src/main/java/io/jsonwebtoken/ClaimJwtException.java",
    "Expected iss claim to be: {expected}, but was: {actual}.",
    "Expected iss claim to be: (?<expected>[^,\\s]+), but was: (?<actual>[^\\s]+?)\\.?(?=\\s|$|\")",
    JD_FINDING_ISSUER_MISMATCH, "iss", CHECK_ISSUER },

  /* ---- jsonwebtoken / express-jwt --------------------------------------- */
  { "jsonwebtoken-expired", NODE_JWT, NODE_JWT_SRC, "jwt expired",
    WB "jwt expired" WE, JD_FINDING_EXPIRED, "exp", CHECK_EXPIRED },
  { "jsonwebtoken-not-active", NODE_JWT, NODE_JWT_SRC, "jwt not active",
    WB "jwt not active" WE, JD_FINDING_NOT_YET_VALID, "nbf", CHECK_NBF },
  { "jsonwebtoken-signature", NODE_JWT, NODE_JWT_SRC, "invalid signature",
    WB "invalid signature" WE, JD_FINDING_SIGNATURE_INVALID, NULL, CHECK_SIGNATURE },
  { "jsonwebtoken-audience", NODE_JWT, NODE_JWT_SRC, "jwt audience invalid. expected: {audience}",
    WB "jwt audience invalid\\. expected: (?<expected>[^\"\\r\\n]*[^\"\\s.,])",
    JD_FINDING_AUDIENCE_MISMATCH, "aud", CHECK_AUDIENCE },
  { "jsonwebtoken-issuer", NODE_JWT, NODE_JWT_SRC, "jwt issuer invalid. expected: {issuer}",
    WB "jwt issuer invalid\\. expected: (?<expected>[^\"\\s,]*[^\"\\s.,])",
    JD_FINDING_ISSUER_MISMATCH, "iss", CHECK_ISSUER },
  { "jsonwebtoken-malformed", NODE_JWT, NODE_JWT_SRC, "jwt malformed",
    WB "jwt malformed" WE, JD_FINDING_MALFORMED, NULL, CHECK_MALFORMED },
  { "jsonwebtoken-must-be-provided", NODE_JWT, NODE_JWT_SRC, "jwt must be provided",
    WB "jwt must be provided" WE, JD_SERVER_MESSAGE_NO_TOKEN, NULL, CHECK_NO_TOKEN },
  { "jsonwebtoken-algorithm", NODE_JWT, NODE_JWT_SRC, "invalid algorithm",
    WB "invalid algorithm" WE, JD_FINDING_ALGORITHM_NOT_ALLOWED, "alg", CHECK_ALG },
  { "jsonwebtoken-signature-required", NODE_JWT, NODE_JWT_SRC, "jwt signature is required",
    WB "jwt signature is required" WE, JD_FINDING_MALFORMED, "signature",
    N_("The token's third segment is empty: it is unsigned (alg none) or was cut. Send the signed token.") },
  { "jsonwebtoken-max-age", NODE_JWT, NODE_JWT_SRC, "maxAge exceeded",
    WB "maxAge exceeded" WE, JD_FINDING_EXPIRED, "iat",
    N_("The API refuses tokens issued longer ago than its maxAge, whatever their exp: get a fresh token, or compare maxAge with the issuer's token lifetime.") },
  { "express-jwt-no-token", EXPRESS_JWT, EXPRESS_JWT_SRC, "No authorization token was found",
    "No authorization token was found", JD_SERVER_MESSAGE_NO_TOKEN, NULL, CHECK_NO_TOKEN },
  /* ---- LexikJWTAuthenticationBundle (Symfony, PHP) -------------------------- */
  { "lexik-not-found", LEXIK, LEXIK_SRC, "JWT Token not found",
    WB "JWT Token not found" WE, JD_SERVER_MESSAGE_NO_TOKEN, NULL,
    N_("The Symfony app saw no Authorization header. If the request sent one, Apache in front of PHP (FPM, CGI) dropped it: pass it on with \"CGIPassAuth On\" or \"SetEnvIf Authorization \"(.*)\" HTTP_AUTHORIZATION=$1\"; otherwise send \"Authorization: Bearer <token>\".") },
  { "lexik-expired", LEXIK, LEXIK_SRC, "Expired JWT Token",
    WB "Expired JWT Token" WE, JD_FINDING_EXPIRED, "exp", CHECK_EXPIRED },
  { "express-jwt-format", EXPRESS_JWT, EXPRESS_JWT_SRC, "Format is Authorization: Bearer [token]",
    "Format is Authorization: Bearer \\[token\\]", JD_SERVER_MESSAGE_NO_TOKEN, NULL,
    N_("The Authorization header is not \"Bearer <token>\": another scheme, a missing space, or a second word after the token.") },

  /* ---- PyJWT --------------------------------------------------------------- */
  { "pyjwt-expired", PYJWT, "jpadilla/pyjwt: jwt/api_jwt.py", "Signature has expired",
    "Signature has expired", JD_FINDING_EXPIRED, "exp", CHECK_EXPIRED },
  { "pyjwt-nbf", PYJWT, "jpadilla/pyjwt: jwt/api_jwt.py", "The token is not yet valid (nbf)",
    "The token is not yet valid \\(nbf\\)", JD_FINDING_NOT_YET_VALID, "nbf", CHECK_NBF },
  { "pyjwt-iat", PYJWT, "jpadilla/pyjwt: jwt/api_jwt.py", "The token is not yet valid (iat)",
    "The token is not yet valid \\(iat\\)", JD_FINDING_ISSUED_IN_FUTURE, "iat",
    N_("The issuer's clock is ahead of the API's: synchronise them (NTP), or pass leeway= to jwt.decode().") },
  { "pyjwt-audience", PYJWT, "jpadilla/pyjwt: jwt/api_jwt.py", "Audience doesn't match",
    "Audience doesn't match", JD_FINDING_AUDIENCE_MISMATCH, "aud", CHECK_AUDIENCE },
  { "pyjwt-invalid-audience", PYJWT, "jpadilla/pyjwt: jwt/api_jwt.py", "Invalid audience",
    WB "Invalid audience" WE, JD_FINDING_AUDIENCE_MISMATCH, "aud", CHECK_AUDIENCE },
  { "pyjwt-missing-aud", PYJWT, "jpadilla/pyjwt: jwt/exceptions.py", "Token is missing the \"aud\" claim",
    "Token is missing the \"aud\" claim", JD_FINDING_AUDIENCE_MISMATCH, "aud",
    N_("The token has no aud, and the API passes audience= to jwt.decode(): request the token for this API.") },
  { "pyjwt-issuer", PYJWT, "jpadilla/pyjwt: jwt/api_jwt.py", "Invalid issuer",
    WB "Invalid issuer" WE, JD_FINDING_ISSUER_MISMATCH, "iss", CHECK_ISSUER },
  { "pyjwt-signature", PYJWT ", " NJWT, "jpadilla/pyjwt: jwt/api_jws.py; " NJWT_SRC,
    "Signature verification failed", "Signature verification failed",
    JD_FINDING_SIGNATURE_INVALID, NULL, CHECK_SIGNATURE },
  { "pyjwt-segments", PYJWT, "jpadilla/pyjwt: jwt/api_jws.py", "Not enough segments",
    "Not enough segments", JD_FINDING_MALFORMED, NULL, CHECK_MALFORMED },
  { "pyjwt-padding", PYJWT, "jpadilla/pyjwt: jwt/api_jws.py", "Invalid header padding",
    "Invalid (?:header|payload|crypto) padding", JD_FINDING_MALFORMED, NULL, CHECK_MALFORMED },
  { "pyjwt-alg", PYJWT, "jpadilla/pyjwt: jwt/api_jws.py", "The specified alg value is not allowed",
    "The specified alg value is not allowed", JD_FINDING_ALGORITHM_NOT_ALLOWED, "alg",
    N_("The token's alg is not in the algorithms= list the API passes to jwt.decode().") },
  { "pyjwt-jwks-kid", PYJWT, "jpadilla/pyjwt: jwt/jwks_client.py",
    "Unable to find a signing key that matches: \"{kid}\"",
    "Unable to find a signing key that matches: \"(?<kid>[^\"]*)\"", JD_FINDING_KID_NOT_FOUND, "kid",
    CHECK_KID },

  /* ---- Firebase Admin ------------------------------------------------------- */
  { "firebase-expired", FIREBASE, FIREBASE_SRC,
    "Firebase ID token has expired. Get a fresh ID token from your client app and try again (auth/id-token-expired).",
    "Firebase (?:ID token|session cookie) has expired", JD_FINDING_EXPIRED, "exp",
    N_("Firebase ID tokens live one hour: call getIdToken() on the client before each request (it refreshes when needed) instead of storing the token.") },
  { "firebase-expired-code", FIREBASE, "firebase/firebase-admin-node: src/utils/error.ts",
    "auth/id-token-expired", WB "auth/(?:id-token|session-cookie)-expired" WE, JD_FINDING_EXPIRED, "exp",
    N_("Firebase ID tokens live one hour: call getIdToken() on the client before each request (it refreshes when needed) instead of storing the token.") },
  { "firebase-audience", FIREBASE, FIREBASE_SRC,
    "Firebase ID token has incorrect \"aud\" (audience) claim. Expected \"{projectId}\" but got \"{aud}\".",
    "Firebase ID token has incorrect \"aud\" \\(audience\\) claim\\. Expected \"(?<expected>[^\"]*)\" but got \"(?<actual>[^\"]*)\"",
    JD_FINDING_AUDIENCE_MISMATCH, "aud",
    N_("The ID token comes from another Firebase project than the Admin SDK's service account (or it is a Google Sign-In token, not a Firebase one): use the same project on both sides.") },
  { "firebase-issuer", FIREBASE, FIREBASE_SRC,
    "Firebase ID token has incorrect \"iss\" (issuer) claim. Expected \"https://securetoken.google.com/{projectId}\" but got \"{iss}\".",
    "Firebase ID token has incorrect \"iss\" \\(issuer\\) claim\\. Expected \"(?<expected>[^\"]*)\" but got \"(?<actual>[^\"]*)\"",
    JD_FINDING_ISSUER_MISMATCH, "iss",
    N_("A Firebase ID token's iss is https://securetoken.google.com/<project id>: a Google Sign-In ID token (accounts.google.com) or another project's token is not one.") },
  { "firebase-kid", FIREBASE, FIREBASE_SRC,
    "Firebase ID token has \"kid\" claim which does not correspond to a known public key. Most likely the ID token is expired, so get a fresh token from your client app and try again.",
    "Firebase ID token has \"kid\" claim which does not correspond to a known public key",
    JD_FINDING_KID_NOT_FOUND, "kid",
    N_("Google rotates the securetoken keys: an old token's kid is no longer published. Get a fresh ID token; if a fresh one fails too, it is not a Firebase ID token.") },
  { "firebase-signature", FIREBASE, FIREBASE_SRC, "Firebase ID token has invalid signature.",
    "Firebase ID token has invalid signature", JD_FINDING_SIGNATURE_INVALID, NULL, CHECK_SIGNATURE },
  { "firebase-custom-token", FIREBASE, FIREBASE_SRC,
    "verifyIdToken() expects an ID token, but was given a custom token.",
    "verifyIdToken\\(\\) expects an ID token, but was given a (?:legacy )?custom token",
    "wrong-token-kind", NULL,
    N_("A custom token is what the server hands the client to sign in with: exchange it with signInWithCustomToken(), then send the ID token from getIdToken().") },
  { "firebase-no-kid", FIREBASE, FIREBASE_SRC, "Firebase ID token has no \"kid\" claim.",
    "Firebase ID token has no \"kid\" claim", "wrong-token-kind", "kid",
    N_("Firebase ID tokens always carry a kid: this is another kind of token (a custom token, a token of your own). Send the ID token from getIdToken().") },
  { "firebase-algorithm", FIREBASE, FIREBASE_SRC,
    "Firebase ID token has incorrect algorithm. Expected \"RS256\" but got \"{alg}\".",
    "Firebase ID token has incorrect algorithm\\. Expected \"RS256\" but got \"(?<alg>[^\"]*)\"",
    JD_FINDING_ALGORITHM_NOT_ALLOWED, "alg",
    N_("Firebase ID tokens are RS256: a token with another alg was minted by something else (a custom or self-made token).") },
  { "firebase-decode", FIREBASE, FIREBASE_SRC,
    "Decoding Firebase ID token failed. Make sure you passed the entire string JWT which represents an ID token.",
    "Decoding Firebase ID token failed", JD_FINDING_MALFORMED, NULL, CHECK_MALFORMED },

  /* ---- Envoy jwt_authn -------------------------------------------------------- */
  { "envoy-missing", ENVOY, ENVOY_SRC, "Jwt is missing", "Jwt is missing",
    JD_SERVER_MESSAGE_NO_TOKEN, NULL, CHECK_NO_TOKEN },
  { "envoy-expired", ENVOY ", " NJWT, ENVOY_SRC "; " NJWT_SRC, "Jwt is expired", "Jwt is expired",
    JD_FINDING_EXPIRED, "exp", CHECK_EXPIRED },
  { "envoy-not-yet-valid", ENVOY, ENVOY_SRC, "Jwt not yet valid", "Jwt not yet valid",
    JD_FINDING_NOT_YET_VALID, "nbf", CHECK_NBF },
  { "envoy-verification", ENVOY, ENVOY_SRC, "Jwt verification fails", "Jwt verification fails",
    JD_FINDING_SIGNATURE_INVALID, NULL, CHECK_SIGNATURE },
  { "envoy-kid", ENVOY, ENVOY_SRC, "Jwks doesn't have key to match kid or alg from Jwt",
    "Jwks doesn't have key to match kid or alg from Jwt", JD_FINDING_KID_NOT_FOUND, "kid",
    N_("No key of the provider's jwks (remote_jwks or local_jwks) has the token's kid and alg: the RequestAuthentication points at another issuer's jwksUri, or the JWKS cache predates a key rotation.") },
  { "envoy-audience", ENVOY, ENVOY_SRC, "Audiences in Jwt are not allowed",
    "Audiences in Jwt are not allowed", JD_FINDING_AUDIENCE_MISMATCH, "aud",
    N_("None of the token's aud values is in the provider's audiences list (Istio: jwtRules[].audiences): add the API's audience there, or request the token for it.") },
  { "envoy-issuer", ENVOY, ENVOY_SRC, "Jwt issuer is not configured",
    "Jwt issuer is not configured", JD_FINDING_ISSUER_MISMATCH, "iss",
    N_("No provider (Istio: jwtRules[].issuer) has the token's iss, character for character: add it, or fix the issuer the client gets its tokens from.") },
  { "envoy-format", ENVOY, ENVOY_SRC,
    "Jwt is not in the form of Header.Payload.Signature with two dots and 3 sections",
    "Jwt is not in the form of Header\\.Payload\\.Signature with two dots and 3 sections",
    JD_FINDING_MALFORMED, NULL, CHECK_MALFORMED },
  { "envoy-alg", ENVOY, ENVOY_SRC, "Jwt header [alg] is not supported",
    "Jwt header \\[alg\\] is not supported", JD_FINDING_ALGORITHM_NOT_ALLOWED, "alg", CHECK_ALG },
  { "envoy-jwks-fetch", ENVOY, ENVOY_SRC, "Jwks remote fetch is failed",
    "Jwks remote fetch is failed", JD_FINDING_KID_NOT_FOUND, "kid",
    N_("Envoy could not load the jwksUri: check that the proxy can reach it (a cluster for the host, DNS, TLS) — every token fails until it can.") },

  /* ---- Kong ---------------------------------------------------------------- */
  { "kong-no-credentials", KONG, KONG_SRC, "No credentials found for given 'iss'",
    "No credentials found for given '(?<actual>[^']*)'", JD_FINDING_ISSUER_MISMATCH, "iss",
    N_("Kong looks up the consumer's JWT credential whose key equals the token's iss (key_claim_name): create the credential with key = the exact iss, or set key_claim_name to the claim that holds it.") },
  { "kong-signature", KONG ", " AWS_VERIFY, KONG_SRC "; awslabs/aws-jwt-verify: src/jwt-verifier.ts",
    "Invalid signature", WB "Invalid signature" WE, JD_FINDING_SIGNATURE_INVALID, NULL,
    N_("The credential's secret (HS256; mind secret_is_base64) or rsa_public_key is not the key that signed the token.") },
  { "kong-algorithm", KONG, KONG_SRC, "Invalid algorithm", WB "Invalid algorithm" WE,
    JD_FINDING_ALGORITHM_NOT_ALLOWED, "alg",
    N_("The token's alg is not the credential's algorithm (HS256 unless set): make them the same.") },
  /* Kong answers with its errors table: {"exp":"token expired"}. The bare
   * words are RFC 6750's own example ("The access token expired"), so only
   * Kong's JSON is Kong's. */
  { "kong-expired", KONG, "Kong/kong: kong/plugins/jwt/jwt_parser.lua", "{\"exp\":\"token expired\"}",
    "\"exp\"\\s*:\\s*\"token expired\"", JD_FINDING_EXPIRED, "exp", CHECK_EXPIRED },
  { "kong-nbf", KONG, "Kong/kong: kong/plugins/jwt/jwt_parser.lua", "{\"nbf\":\"token not valid yet\"}",
    "\"nbf\"\\s*:\\s*\"token not valid yet\"", JD_FINDING_NOT_YET_VALID, "nbf", CHECK_NBF },
  { "kong-bad-token", KONG, KONG_SRC, "Bad token; {reason}", "Bad token; (?<hidden>[^\"\\r\\n]*)",
    JD_FINDING_MALFORMED, NULL, CHECK_MALFORMED },
  { "kong-multiple", KONG, KONG_SRC, "Multiple tokens provided", "Multiple tokens provided",
    JD_SERVER_MESSAGE_NO_TOKEN, NULL,
    N_("The request carries the token more than once (header, query parameter ?jwt=, cookie): send it once, in the Authorization header.") },
  { "kong-unrecognizable", KONG, KONG_SRC, "Unrecognizable token", "Unrecognizable token",
    JD_SERVER_MESSAGE_NO_TOKEN, NULL, CHECK_MALFORMED },

  /* ---- AWS: API Gateway, Cognito, aws-jwt-verify ------------------------------ */
  { "apigw-unauthorized", APIGW, "AWS API Gateway: gateway response UNAUTHORIZED",
    "{\"message\":\"Unauthorized\"}", "\\{\\s*\"message\"\\s*:\\s*\"Unauthorized\"\\s*\\}",
    JD_SERVER_MESSAGE_NO_REASON, NULL,
    N_("The authorizer refused the token without saying why. A Cognito user pool authorizer (REST API) takes the ID token unless the method has OAuth scopes, then the access token; an HTTP API JWT authorizer checks iss and aud (or client_id) — its WWW-Authenticate header says which.") },
  { "apigw-expired", APIGW " (Cognito authorizer)", "AWS API Gateway: gateway response EXPIRED_TOKEN",
    "The incoming token has expired", "The incoming token has expired",
    JD_FINDING_EXPIRED, "exp",
    N_("Cognito tokens live one hour by default: refresh with the refresh token (Amplify does it in fetchAuthSession()) before calling.") },
  { "apigw-audience", APIGW " (HTTP API JWT authorizer)",
    "AWS API Gateway developer guide: Troubleshooting HTTP API JWT authorizers",
    "the token does not have a valid audience", "the token does not have a valid audience",
    JD_FINDING_AUDIENCE_MISMATCH, "aud",
    N_("The authorizer's Audience list must hold the token's aud — for a Cognito access token, which has no aud, its client_id (the app client id).") },
  { "apigw-missing-auth-token", APIGW, "AWS API Gateway: gateway response MISSING_AUTHENTICATION_TOKEN",
    "Missing Authentication Token", "Missing Authentication Token" WE, JD_SERVER_MESSAGE_NOT_TOKEN, NULL,
    N_("Not about your token: API Gateway has no route for this method and path (a typo, a missing stage name such as /prod, or the API was not deployed), or the route uses IAM authorization.") },
  { "apigw-iam", APIGW " (IAM authorization)", "AWS API Gateway: gateway response for a malformed SigV4 Authorization header",
    "Authorization header requires 'Credential' parameter.",
    "Authorization header requires 'Credential' parameter", JD_SERVER_MESSAGE_NOT_TOKEN, NULL,
    N_("This route uses IAM (SigV4) authorization, which reads the Authorization header as an AWS signature: a bearer token is not accepted here. Attach a JWT or Cognito authorizer to the route instead.") },
  { "apigw-explicit-deny", APIGW " (Lambda authorizer)", "AWS API Gateway: gateway response ACCESS_DENIED",
    "User is not authorized to access this resource with an explicit deny",
    "User is not authorized to access this resource with an explicit deny",
    JD_FINDING_INSUFFICIENT_SCOPE, NULL,
    N_("The Lambda authorizer returned a Deny policy (or an Allow for another resource ARN: a cached policy covers only the methodArn it was made for). Read the authorizer's logs.") },
  { "cognito-access-token-expired", "Amazon Cognito (GetUser, user pool APIs)",
    "Amazon Cognito API reference: NotAuthorizedException", "Access Token has expired",
    "Access Token has expired", JD_FINDING_EXPIRED, "exp", CHECK_EXPIRED },
  { "aws-jwt-verify-expired", AWS_VERIFY, AWS_VERIFY_SRC, "Token expired at {exp}",
    "Token expired at (?<when>[0-9][0-9T:.+Z-]*[0-9Z])", JD_FINDING_EXPIRED, "exp", CHECK_EXPIRED },
  { "aws-jwt-verify-nbf", AWS_VERIFY, AWS_VERIFY_SRC, "Token can't be used before {nbf}",
    "Token can't be used before (?<when>[0-9][0-9T:.+Z-]*[0-9Z])", JD_FINDING_NOT_YET_VALID, "nbf",
    CHECK_NBF },
  { "aws-jwt-verify-audience", AWS_VERIFY, AWS_VERIFY_SRC,
    "Audience not allowed: {aud}. Expected: {audience}",
    "Audience not allowed: (?<actual>[^\"\\r\\n]*?)\\. Expected(?: one of)?: (?<expected>[^\"\\r\\n]*[^\"\\s.])",
    JD_FINDING_AUDIENCE_MISMATCH, "aud", CHECK_AUDIENCE },
  { "aws-jwt-verify-issuer", AWS_VERIFY, AWS_VERIFY_SRC,
    "Issuer not allowed: {iss}. Expected: {issuer}",
    "Issuer not allowed: (?<actual>[^\"\\s]*?)\\. Expected(?: one of)?: (?<expected>[^\"\\s,]*[^\"\\s.,])",
    JD_FINDING_ISSUER_MISMATCH, "iss", CHECK_ISSUER },
  { "aws-jwt-verify-token-use", AWS_VERIFY, "awslabs/aws-jwt-verify: src/cognito-verifier.ts",
    "Token use not allowed: {token_use}. Expected: {tokenUse}",
    "Token use not allowed: (?<actual>\\w+)\\. Expected: (?<expected>\\w+)", "wrong-token-kind",
    "token_use",
    N_("Cognito issues an ID token (token_use id) and an access token (token_use access): send the one the verifier's tokenUse names.") },
  { "aws-jwt-verify-client-id", AWS_VERIFY, "awslabs/aws-jwt-verify: src/cognito-verifier.ts",
    "Client ID not allowed: {client_id}. Expected: {clientId}",
    "Client ID(?: \\(\"audience\"\\))? not allowed: (?<actual>[^\"\\s]*?)\\. Expected(?: one of)?: (?<expected>[^\"\\s,]*[^\"\\s.,])",
    JD_FINDING_AUDIENCE_MISMATCH, "client_id",
    N_("The token was issued to another Cognito app client: a Cognito access token names it in client_id (an ID token in aud). Use the app client the API expects, or add it to clientId.") },
  { "aws-jwt-verify-kid", AWS_VERIFY, "awslabs/aws-jwt-verify: src/jwt-verifier.ts",
    "JWK for kid {kid} not found in the JWKS", "JWK for kid (?<kid>\\S+) not found in the JWKS",
    JD_FINDING_KID_NOT_FOUND, "kid", CHECK_KID },

  /* ---- Okta --------------------------------------------------------------------- */
  { "okta-claim-aud", OKTA, OKTA_SRC,
    "claim 'aud' value '{actual}' does not match expected value '{expected}'",
    "claim 'aud' value '(?<actual>[^']*)' does not match expected value '(?<expected>[^']*)'",
    JD_FINDING_AUDIENCE_MISMATCH, "aud",
    N_("Okta's org authorization server mints tokens only for Okta's own APIs: use a custom authorization server (such as \"default\", audience api://default) whose audience is what the API expects.") },
  { "okta-audience", OKTA, OKTA_SRC, "audience claim {aud} does not match expected audience: {expected}",
    "audience claim (?<actual>\\S+) does not match expected audience: (?<expected>[^\"\\s,]*[^\"\\s.,])",
    JD_FINDING_AUDIENCE_MISMATCH, "aud",
    N_("Okta's org authorization server mints tokens only for Okta's own APIs: use a custom authorization server (such as \"default\", audience api://default) whose audience is what the API expects.") },
  { "okta-issuer", OKTA, OKTA_SRC, "issuer {iss} does not match expected issuer: {expected}",
    "issuer (?<actual>\\S+) does not match expected issuer: (?<expected>[^\"\\s,]*[^\"\\s.,])",
    JD_FINDING_ISSUER_MISMATCH, "iss",
    N_("An Okta org server's issuer is https://{yourOktaDomain}; a custom server's is https://{yourOktaDomain}/oauth2/{serverId}: the verifier and the client must use the same one.") },
  { "njwt-not-active", NJWT, NJWT_SRC, "Jwt not active", "Jwt not active",
    JD_FINDING_NOT_YET_VALID, "nbf", CHECK_NBF },
  { "njwt-parse", NJWT, NJWT_SRC, "Jwt cannot be parsed", "Jwt cannot be parsed",
    JD_FINDING_MALFORMED, NULL, CHECK_MALFORMED },
  { "njwt-kid", NJWT " / " OKTA, NJWT_SRC, "Error while resolving signing key for kid \"{kid}\"",
    "Error while resolving signing key for kid \"(?<kid>[^\"]*)\"", JD_FINDING_KID_NOT_FOUND, "kid",
    CHECK_KID },

  /* ---- Keycloak ---------------------------------------------------------------- */
  { "keycloak-issuer", KEYCLOAK, KEYCLOAK_SRC,
    "Invalid token issuer. Expected '{realmUrl}', but was '{iss}'",
    "Invalid token issuer\\. Expected '(?<expected>[^']*)'(?:, but was '(?<actual>[^']*)')?",
    JD_FINDING_ISSUER_MISMATCH, "iss",
    N_("Keycloak writes the host name the client used into iss: the same realm reached as localhost, as the service name inside Docker, or through a proxy gives different issuers. Set KC_HOSTNAME (the front-end URL) so every token carries one issuer.") },
  { "keycloak-audience", KEYCLOAK, KEYCLOAK_SRC, "Expected audience not available in the token",
    "Expected audience not available in the token", JD_FINDING_AUDIENCE_MISMATCH, "aud",
    N_("Keycloak puts a client in aud only when a mapper says so (azp is the client the token was issued to): add an Audience mapper for the API's client to the client scope the caller uses.") },
  { "keycloak-token-type", KEYCLOAK, KEYCLOAK_SRC,
    "Token type is incorrect. Expected '{expected}' but was '{typ}'",
    "Token type is incorrect\\. Expected '(?<expected>[^']*)' but was '(?<actual>[^']*)'",
    "wrong-token-kind", "typ", CHECK_KIND },
  { "keycloak-not-active", KEYCLOAK, KEYCLOAK_SRC, "Token is not active", "Token is not active",
    JD_FINDING_EXPIRED, "exp", CHECK_EXPIRED },
  { "keycloak-connect-expired", KC_CONNECT, KC_CONNECT_SRC, "invalid token (expired)",
    "invalid token \\(expired\\)", JD_FINDING_EXPIRED, "exp", CHECK_EXPIRED },
  { "keycloak-connect-iss", KC_CONNECT, KC_CONNECT_SRC, "invalid token (wrong ISS)",
    "invalid token \\(wrong ISS\\)", JD_FINDING_ISSUER_MISMATCH, "iss",
    N_("keycloak.json's auth-server-url and realm must give the token's iss exactly (the same host name the client used to reach Keycloak).") },
  { "keycloak-connect-signature", KC_CONNECT, KC_CONNECT_SRC, "invalid token (signature)",
    "invalid token \\(signature\\)", JD_FINDING_SIGNATURE_INVALID, NULL, CHECK_SIGNATURE },
  { "keycloak-connect-audience", KC_CONNECT, KC_CONNECT_SRC, "invalid token (wrong audience)",
    "invalid token \\(wrong audience\\)", JD_FINDING_AUDIENCE_MISMATCH, "aud",
    N_("With verify-token-audience, the adapter's client (resource) must be in aud: add an Audience mapper for it in Keycloak.") },

  /* ---- golang-jwt ----------------------------------------------------------------- */
  { "golang-jwt-expired", GOJWT, GOJWT_SRC, "token is expired", WB "[Tt]oken is expired" WE,
    JD_FINDING_EXPIRED, "exp", CHECK_EXPIRED },
  { "golang-jwt-not-valid-yet", GOJWT, GOJWT_SRC, "token is not valid yet",
    WB "[Tt]oken is not valid yet" WE, JD_FINDING_NOT_YET_VALID, "nbf", CHECK_NBF },
  { "golang-jwt-used-before-issued", GOJWT, GOJWT_SRC, "token used before issued",
    WB "[Tt]oken used before issued" WE, JD_FINDING_ISSUED_IN_FUTURE, "iat",
    N_("The issuer's clock is ahead of the API's: synchronise them (NTP), or allow leeway (jwt.WithLeeway).") },
  { "golang-jwt-audience", GOJWT, GOJWT_SRC, "token has invalid audience",
    WB "token has invalid audience" WE, JD_FINDING_AUDIENCE_MISMATCH, "aud", CHECK_AUDIENCE },
  { "golang-jwt-issuer", GOJWT, GOJWT_SRC, "token has invalid issuer",
    WB "token has invalid issuer" WE, JD_FINDING_ISSUER_MISMATCH, "iss", CHECK_ISSUER },
  { "golang-jwt-signature", GOJWT, GOJWT_SRC, "token signature is invalid",
    WB "token signature is invalid" WE, JD_FINDING_SIGNATURE_INVALID, NULL, CHECK_SIGNATURE },
  { "golang-jwt-segments", GOJWT, "golang-jwt/jwt: parser.go", "token contains an invalid number of segments",
    WB "token contains an invalid number of segments" WE, JD_FINDING_MALFORMED, NULL, CHECK_MALFORMED },
  { "golang-jwt-malformed", GOJWT, GOJWT_SRC, "token is malformed", WB "token is malformed" WE,
    JD_FINDING_MALFORMED, NULL, CHECK_MALFORMED },
  { "golang-jwt-unverifiable", GOJWT, GOJWT_SRC, "token is unverifiable",
    WB "token is unverifiable" WE, JD_FINDING_KID_NOT_FOUND, "kid",
    N_("The API's Keyfunc returned no key for this token (unknown kid, unexpected alg, JWKS not loaded): see the words after the colon.") },

  /* ---- go-oidc ------------------------------------------------------------------ */
  { "go-oidc-expired", GOOIDC, GOOIDC_SRC, "oidc: token is expired (Token Expiry: {expiry})",
    "oidc: token is expired \\(Token Expiry: (?<when>[^)]*)\\)", JD_FINDING_EXPIRED, "exp",
    CHECK_EXPIRED },
  { "go-oidc-audience", GOOIDC, GOOIDC_SRC, "oidc: expected audience \"{clientID}\" got [\"{aud}\"]",
    "oidc: expected audience \"(?<expected>[^\"]*)\" got (?<actual>\\[[^\\]]*\\])",
    JD_FINDING_AUDIENCE_MISMATCH, "aud",
    N_("go-oidc checks aud against its ClientID (oauth2-proxy: --client-id, plus --extra-jwt-issuers=issuer=audience for other clients; Kubernetes: --oidc-client-id).") },
  { "go-oidc-issuer", GOOIDC, GOOIDC_SRC,
    "oidc: id token issued by a different provider, expected \"{issuer}\" got \"{iss}\"",
    "oidc: id token issued by a different provider, expected \"(?<expected>[^\"]*)\" got \"(?<actual>[^\"]*)\"",
    JD_FINDING_ISSUER_MISMATCH, "iss", CHECK_ISSUER },
  { "go-oidc-malformed", GOOIDC, GOOIDC_SRC, "oidc: malformed jwt: {reason}", "oidc: malformed jwt",
    JD_FINDING_MALFORMED, NULL, CHECK_MALFORMED },
  { "go-oidc-signature", GOOIDC, GOOIDC_SRC, "failed to verify signature: {reason}",
    "failed to verify signature: ", JD_FINDING_SIGNATURE_INVALID, NULL, CHECK_SIGNATURE },
};

/* clang-format on */

const JdServerMessage *
jd_server_messages_get_table (guint *n_rows)
{
  if (n_rows != NULL)
    *n_rows = G_N_ELEMENTS (table);
  return table;
}

const JdServerMessage *
jd_server_messages_lookup (const char *id)
{
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (table); i++)
    if (g_str_equal (table[i].id, id))
      return &table[i];
  return NULL;
}
