/* test-server-messages.c — tests for src/core/jd-server-messages.c and
 * src/core/jd-server-message-check.c
 *
 * Every row of the server-message table has two test cases: its real text
 * (as the stack writes it, values filled in) must be recognised as that
 * row, and a close text must not be. Then the mechanism: values pulled out
 * of messages, nested messages, tokens never quoted, the cross-check with
 * the token, messages in a paste, a response and a HAR entry, and the
 * README listing every row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "jd-base64.h"
#include "jd-diagnosis.h"
#include "jd-har.h"
#include "jd-input.h"
#include "jd-server-messages.h"
#include "jd-www-authenticate.h"

typedef struct
{
  const char *id;
  const char *real; /* the text as a server or log shows it */
  const char *near; /* a close text that must not be this row */
} RowCase;

static const RowCase cases[] = {
  { "idx10223",
    "IDX10223: Lifetime validation failed. The token is expired. ValidTo (UTC): '05/07/2024 "
    "10:00:00', Current time (UTC): '05/07/2024 11:02:13'.",
    "IDX10222: Lifetime validation failed. The token is expired." },
  { "idx10222",
    "IDX10222: Lifetime validation failed. The token is not yet valid. ValidFrom (UTC): "
    "'05/07/2024 10:00:00', Current time (UTC): '05/07/2024 09:58:10'.",
    "IDX10222: Lifetime validation succeeded. The token is not yet valid." },
  { "idx10225",
    "IDX10225: Lifetime validation failed. The token is missing an Expiration Time. Tokentype: "
    "'System.IdentityModel.Tokens.Jwt.JwtSecurityToken'.",
    "IDX10225: Lifetime validation failed. The token has an Expiration Time." },
  { "idx10230",
    "IDX10230: Lifetime validation failed. Delegate returned false, securitytoken: '[PII of type "
    "'Microsoft.IdentityModel.JsonWebTokens.JsonWebToken' is hidden. For more details, see "
    "https://aka.ms/IdentityModel/PII.]'.",
    "IDX10231: Lifetime validation failed. Delegate returned false" },
  { "idx10214",
    "IDX10214: Audience validation failed. Audiences: 'api://orders'. Did not match: "
    "validationParameters.ValidAudience: 'api://orders-api' or "
    "validationParameters.ValidAudiences: 'null'.",
    "IDX10214: Audience validation failed. Audiences: 'api://orders'. Did not match: "
    "validationParameters.ValidIssuer: 'x'" },
  { "idx10215",
    "IDX10215: Audience validation failed. Audiences: 'b2c3'. Did not match: "
    "validationParameters.ValidAudiences: 'a1b2, api://a1b2'.",
    "IDX10215: Audience validation failed. Audiences: 'b2c3'. Did match: "
    "validationParameters.ValidAudiences: 'b2c3'." },
  { "idx10206", "IDX10206: Unable to validate audience. The 'audiences' parameter is empty.",
    "IDX10206: Unable to validate audience. The 'audiences' parameter is fine." },
  { "idx10208",
    "IDX10208: Unable to validate audience. validationParameters.ValidAudience is null or "
    "whitespace and validationParameters.ValidAudiences is null.",
    "IDX10208: Unable to validate issuer. validationParameters.ValidAudience is null or "
    "whitespace" },
  { "idx10205",
    "IDX10205: Issuer validation failed. Issuer: 'https://sts.windows.net/t1/'. Did not match: "
    "validationParameters.ValidIssuer: 'https://login.microsoftonline.com/t1/v2.0' or "
    "validationParameters.ValidIssuers: 'null' or "
    "validationParameters.ConfigurationManager.CurrentConfiguration.Issuer: 'Null'. For more "
    "details, see https://aka.ms/IdentityModel/issuer-validation.",
    "IDX10205: Issuer validation passed. Issuer: 'https://sts.windows.net/t1/'." },
  { "idx10212",
    "IDX10212: Issuer validation failed. Issuer: 'https://sts.windows.net/t2/'. Did not match any: "
    "validationParameters.ValidIssuers: 'https://sts.windows.net/t1/' or "
    "validationParameters.ConfigurationManager.CurrentConfiguration.Issuer: 'Null'.",
    "IDX10212: Issuer validation failed. Issuer: 'https://sts.windows.net/t2/'. Did match: "
    "validationParameters.ValidIssuers: 'x'" },
  { "idx10211", "IDX10211: Unable to validate issuer. The 'issuer' parameter is null or whitespace",
    "IDX10211: Unable to validate issuer. The 'audience' parameter is null or whitespace" },
  { "idx10204",
    "IDX10204: Unable to validate issuer. validationParameters.ValidIssuer is null or whitespace "
    "AND validationParameters.ValidIssuers is null or empty.",
    "IDX10204: Unable to validate audience. validationParameters.ValidIssuer is null or "
    "whitespace" },
  { "idx10500",
    "IDX10500: Signature validation failed. No security keys were provided to validate the "
    "signature.",
    "IDX10500: Signature validation failed. Security keys were provided to validate the "
    "signature." },
  { "idx10501",
    "IDX10501: Signature validation failed. Unable to match key: \nkid: "
    "'nOo3ZDrODXEK1jKWhXslHR_KXEg'.",
    "IDX10501: Signature validation failed. Able to match key: kid: "
    "'nOo3ZDrODXEK1jKWhXslHR_KXEg'." },
  { "idx10516",
    "IDX10516: Signature validation failed. Unable to match key: \nkid: 'abc'. \nNumber of keys in "
    "TokenValidationParameters: '0'. \nNumber of keys in Configuration: '1'.",
    "IDX10516: Signature validation failed. Unable to load key: kid: 'abc'." },
  { "idx10503",
    "IDX10503: Signature validation failed. The token's kid is: 'k9', but did not match any keys "
    "in TokenValidationParameters or Configuration. Keys tried: "
    "'Microsoft.IdentityModel.Tokens.RsaSecurityKey, KeyId: 'k1''.",
    "IDX10530: Signature validation failed. The token's kid is: 'k9'" },
  { "idx10517",
    "IDX10517: Signature validation failed. The token's kid is missing. Keys tried: '[PII of type "
    "'System.Text.StringBuilder' is hidden. For more details, see "
    "https://aka.ms/IdentityModel/PII.]'.",
    "IDX10517: Signature validation failed. The token's kid is present." },
  { "idx10511",
    "IDX10511: Signature validation failed. Keys tried: "
    "'Microsoft.IdentityModel.Tokens.RsaSecurityKey, KeyId: 'k1''. Number of keys in "
    "TokenValidationParameters: '0'. kid: 'k1'.",
    "IDX10511: Signature validation failed. No keys tried." },
  { "idx10504",
    "IDX10504: Unable to validate signature, token does not have a signature: '[PII of type "
    "'System.String' is hidden. For more details, see https://aka.ms/IdentityModel/PII.]'.",
    "IDX10504: Able to validate signature, token does have a signature" },
  { "idx10634",
    "IDX10634: Unable to create the SignatureProvider.\nAlgorithm: 'ES256', SecurityKey: "
    "'Microsoft.IdentityModel.Tokens.RsaSecurityKey, KeyId: 'k1''\n is not supported.",
    "IDX10634: Able to create the SignatureProvider. Algorithm: 'ES256'" },
  { "idx10696",
    "IDX10696: The algorithm 'HS256' is not in the user-defined accepted list of algorithms.",
    "IDX10696: The algorithm 'HS256' is in the user-defined accepted list of algorithms." },
  { "idx12741", "IDX12741: JWT: 'undefined' must have three segments (JWS) or five segments (JWE).",
    "IDX12741: JWT must have four segments (JWS) or five segments (JWE)." },
  { "idx12709",
    "IDX12709: CanReadToken() returned false. JWT is not well formed.\nThe token needs to be in "
    "JWS or JWE Compact Serialization Format.",
    "IDX12709: CanReadToken() returned true. JWT is well formed." },
  { "idx14100",
    "IDX14100: JWT is not well formed, there are no dots (.).\nThe token needs to be in JWS or JWE "
    "Compact Serialization Format.",
    "IDX14100: JWT is not well formed, there are two dots (.)." },
  { "idx14120", "IDX14120: JWT is not well formed, there is only one dot (.).",
    "IDX14120: JWT is not well formed, there are only two dots (.)." },
  { "idx14101",
    "IDX14101: Unable to decode the payload 'eyJzdWIiOiIxIn0' as Base64Url encoded string.",
    "IDX14101: Able to decode the payload 'eyJzdWIiOiIxIn0' as Base64Url encoded string." },
  { "aspnet-expired",
    "Bearer error=\"invalid_token\", error_description=\"The token expired at '05/07/2024 "
    "10:00:00'\"",
    "Bearer error=\"invalid_token\", error_description=\"The token expires at '05/07/2024 "
    "10:00:00'\"" },
  { "aspnet-not-before",
    "Bearer error=\"invalid_token\", error_description=\"The token is not valid before '05/07/2024 "
    "10:00:00'\"",
    "The token is valid before '05/07/2024 10:00:00'" },
  { "aspnet-audience",
    "Bearer error=\"invalid_token\", error_description=\"The audience 'api://orders' is invalid\"",
    "The audience 'api://orders' is valid" },
  { "aspnet-issuer",
    "Bearer error=\"invalid_token\", error_description=\"The issuer 'https://sts.windows.net/t1/' "
    "is invalid\"",
    "The issuer 'https://sts.windows.net/t1/' is valid" },
  { "aspnet-no-expiration",
    "Bearer error=\"invalid_token\", error_description=\"The token has no expiration\"",
    "The token has an expiration" },
  { "aspnet-key-not-found",
    "Bearer error=\"invalid_token\", error_description=\"The signature key was not found\"",
    "The signature key was found" },
  { "aspnet-signature",
    "Bearer error=\"invalid_token\", error_description=\"The signature is invalid\"",
    "The signature is valid" },
  { "aspnet-lifetime",
    "Bearer error=\"invalid_token\", error_description=\"The token lifetime is invalid; NotBefore: "
    "'05/07/2024 11:00:00', Expires: '05/07/2024 10:00:00'\"",
    "The token lifetime is valid" },
  { "aspnet2-expired",
    "Bearer authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\", "
    "error=\"invalid_token\", error_description=\"The token is expired\"",
    "The token is expiring" },
  { "aspnet2-not-valid-yet",
    "Bearer error=\"invalid_token\", error_description=\"The token is not valid yet\"",
    "The token is not valid any more" },
  { "idw10201",
    "System.UnauthorizedAccessException: IDW10201: Neither scope or roles claim was found in the "
    "bearer token.",
    "IDW10201: Either scope or roles claim was found in the bearer token." },
  { "idw10203",
    "IDW10203: The 'scope' or 'scp' claim does not contain scopes 'access_as_user' or was not "
    "found.",
    "IDW10203: The 'scope' or 'scp' claim does contain scopes 'access_as_user'." },
  { "spring-expired",
    "Bearer error=\"invalid_token\", error_description=\"Jwt expired at 2024-05-07T10:00:00Z\", "
    "error_uri=\"https://tools.ietf.org/html/rfc6750#section-3.1\"",
    "Jwt expires at 2024-05-07T10:00:00Z" },
  { "spring-used-before",
    "[invalid_id_token] An error occurred while attempting to decode the Jwt: Jwt used before "
    "2020-05-19T18:52:10Z",
    "Jwt used after 2020-05-19T18:52:10Z" },
  { "spring-decode",
    "Bearer error=\"invalid_token\", error_description=\"An error occurred while attempting to "
    "decode the Jwt: Malformed token\"",
    "An error occurred while attempting to encode the Jwt: Malformed token" },
  { "spring-audience",
    "Bearer error=\"invalid_token\", error_description=\"The required audience is missing\"",
    "The required audience is present" },
  { "spring-aud-claim", "o.s.s.oauth2.jwt.JwtClaimValidator       : The aud claim is not valid",
    "The aud claim is valid" },
  { "spring-iss-claim", "o.s.s.oauth2.jwt.JwtClaimValidator       : The iss claim is not valid",
    "The iss claim is valid" },
  { "spring-bearer-malformed",
    "Bearer error=\"invalid_token\", error_description=\"Bearer token is malformed\"",
    "Bearer token is well formed" },
  { "nimbus-signature",
    "An error occurred while attempting to decode the Jwt: Signed JWT rejected: Invalid signature",
    "Signed JWT accepted: Invalid signature" },
  { "nimbus-no-key",
    "An error occurred while attempting to decode the Jwt: Signed JWT rejected: Another algorithm "
    "expected, or no matching key(s) found",
    "Signed JWT rejected: Another algorithm expected, or matching key(s) found" },
  { "nimbus-serialization",
    "An error occurred while attempting to decode the Jwt: Invalid JWT serialization: Missing dot "
    "delimiter(s)",
    "Invalid JWT serialization: Missing colon delimiter(s)" },
  { "jjwt-expired",
    "io.jsonwebtoken.ExpiredJwtException: JWT expired at 2024-05-07T10:00:00Z. Current time: "
    "2024-05-07T11:02:13Z, a difference of 3733123 milliseconds.  Allowed clock skew: 0 "
    "milliseconds.",
    "JWT expires at 2024-05-07T10:00:00Z. Current time: 2024-05-07T11:02:13Z" },
  { "jjwt-signature",
    "io.jsonwebtoken.security.SignatureException: JWT signature does not match locally computed "
    "signature. JWT validity cannot be asserted and should not be trusted.",
    "JWT signature does match locally computed signature." },
  { "jjwt-segments",
    "io.jsonwebtoken.MalformedJwtException: JWT strings must contain exactly 2 period characters. "
    "Found: 0",
    "JWT strings must contain exactly 2 comma characters. Found: 0" },
  { "jjwt-audience",
    "io.jsonwebtoken.IncorrectClaimException: Expected aud claim to be: api://orders, but was: "
    "api://billing.",
    "Expected sub claim to be: api://orders, but was: api://billing." },
  { "jjwt-issuer",
    "io.jsonwebtoken.IncorrectClaimException: Expected iss claim to be: https://a.example/, but "
    "was: https://b.example/.",
    "Expected iss claim to be present." },
  { "jsonwebtoken-expired", "TokenExpiredError: jwt expired",
    "TokenExpiredError: jwt expires soon" },
  { "jsonwebtoken-not-active", "NotBeforeError: jwt not active", "NotBeforeError: jwt now active" },
  { "jsonwebtoken-signature", "JsonWebTokenError: invalid signature",
    "JsonWebTokenError: invalid signatures" },
  { "jsonwebtoken-audience", "JsonWebTokenError: jwt audience invalid. expected: api://orders",
    "JsonWebTokenError: jwt audience valid. expected: api://orders" },
  { "jsonwebtoken-issuer",
    "JsonWebTokenError: jwt issuer invalid. expected: https://issuer.example/",
    "JsonWebTokenError: jwt issuer valid. expected: https://issuer.example/" },
  { "jsonwebtoken-malformed", "JsonWebTokenError: jwt malformed",
    "JsonWebTokenError: jwt well formed" },
  { "jsonwebtoken-must-be-provided", "JsonWebTokenError: jwt must be provided",
    "JsonWebTokenError: jwt must be a string" },
  { "jsonwebtoken-algorithm", "JsonWebTokenError: invalid algorithm",
    "JsonWebTokenError: invalid algorithms list" },
  { "jsonwebtoken-signature-required", "JsonWebTokenError: jwt signature is required",
    "JsonWebTokenError: jwt signature is present" },
  { "jsonwebtoken-max-age", "TokenExpiredError: maxAge exceeded",
    "TokenExpiredError: maxAge exceededBy" },
  { "express-jwt-no-token", "UnauthorizedError: No authorization token was found",
    "UnauthorizedError: No authorization header was found" },
  { "lexik-not-found", "{\"code\":401,\"message\":\"JWT Token not found\"}",
    "{\"code\":401,\"message\":\"JWT Token not founded in cache\"}" },
  { "lexik-expired", "{\"code\":401,\"message\":\"Expired JWT Token\"}",
    "{\"code\":401,\"message\":\"Expired JWT Tokens are refreshed\"}" },
  { "express-jwt-format", "UnauthorizedError: Format is Authorization: Bearer [token]",
    "Format is Authorization: Basic [token]" },
  { "pyjwt-expired", "jwt.exceptions.ExpiredSignatureError: Signature has expired",
    "Signature has not expired" },
  { "pyjwt-nbf", "jwt.exceptions.ImmatureSignatureError: The token is not yet valid (nbf)",
    "The token is not yet valid (exp)" },
  { "pyjwt-iat", "jwt.exceptions.ImmatureSignatureError: The token is not yet valid (iat)",
    "The token is not yet valid (iss)" },
  { "pyjwt-audience", "jwt.exceptions.InvalidAudienceError: Audience doesn't match",
    "Audience does match" },
  { "pyjwt-invalid-audience", "jwt.exceptions.InvalidAudienceError: Invalid audience",
    "InvalidAudienceError" },
  { "pyjwt-missing-aud",
    "jwt.exceptions.MissingRequiredClaimError: Token is missing the \"aud\" claim",
    "Token is missing the \"sub\" claim" },
  { "pyjwt-issuer", "jwt.exceptions.InvalidIssuerError: Invalid issuer", "InvalidIssuerError" },
  { "pyjwt-signature", "jwt.exceptions.InvalidSignatureError: Signature verification failed",
    "Signature verification succeeded" },
  { "pyjwt-segments", "jwt.exceptions.DecodeError: Not enough segments", "Enough segments" },
  { "pyjwt-padding", "jwt.exceptions.DecodeError: Invalid crypto padding",
    "Invalid signature padding" },
  { "pyjwt-alg", "jwt.exceptions.InvalidAlgorithmError: The specified alg value is not allowed",
    "The specified alg value is allowed" },
  { "pyjwt-jwks-kid",
    "jwt.exceptions.PyJWKClientError: Unable to find a signing key that matches: \"k9\"",
    "Able to find a signing key that matches: \"k9\"" },
  { "firebase-expired",
    "Firebase ID token has expired. Get a fresh ID token from your client app and try again "
    "(auth/id-token-expired). See https://firebase.google.com/docs/auth/admin/verify-id-tokens for "
    "details on how to retrieve an ID token.",
    "Firebase ID token has not expired." },
  { "firebase-expired-code", "{\"code\":\"auth/id-token-expired\"}",
    "{\"code\":\"auth/id-token-revoked\"}" },
  { "firebase-audience",
    "Firebase ID token has incorrect \"aud\" (audience) claim. Expected \"my-project\" but got "
    "\"other-project\". Make sure the ID token comes from the same Firebase project as the service "
    "account used to authenticate this SDK.",
    "Firebase ID token has correct \"aud\" (audience) claim." },
  { "firebase-issuer",
    "Firebase ID token has incorrect \"iss\" (issuer) claim. Expected "
    "\"https://securetoken.google.com/my-project\" but got \"https://accounts.google.com\".",
    "Firebase ID token has correct \"iss\" (issuer) claim." },
  { "firebase-kid",
    "Firebase ID token has \"kid\" claim which does not correspond to a known public key. Most "
    "likely the ID token is expired, so get a fresh token from your client app and try again.",
    "Firebase ID token has \"kid\" claim which does correspond to a known public key." },
  { "firebase-signature",
    "Firebase ID token has invalid signature. See "
    "https://firebase.google.com/docs/auth/admin/verify-id-tokens for details on how to retrieve "
    "an ID token.",
    "Firebase ID token has a valid signature." },
  { "firebase-custom-token",
    "verifyIdToken() expects an ID token, but was given a custom token. See "
    "https://firebase.google.com/docs/auth/admin/verify-id-tokens for details on how to retrieve "
    "an ID token.",
    "verifyIdToken() expects an ID token, and was given one." },
  { "firebase-no-kid",
    "Firebase ID token has no \"kid\" claim. See "
    "https://firebase.google.com/docs/auth/admin/verify-id-tokens for details on how to retrieve "
    "an ID token.",
    "Firebase ID token has a \"kid\" claim." },
  { "firebase-algorithm",
    "Firebase ID token has incorrect algorithm. Expected \"RS256\" but got \"HS256\". See "
    "https://firebase.google.com/docs/auth/admin/verify-id-tokens for details.",
    "Firebase ID token has correct algorithm. Expected \"RS256\" and got \"RS256\"." },
  { "firebase-decode",
    "Decoding Firebase ID token failed. Make sure you passed the entire string JWT which "
    "represents an ID token.",
    "Decoding Firebase ID token succeeded." },
  { "envoy-missing", "Jwt is missing", "Jwt is present" },
  { "envoy-expired", "Jwt is expired", "Jwt is not expired" },
  { "envoy-not-yet-valid", "Jwt not yet valid", "Jwt now valid" },
  { "envoy-verification", "Jwt verification fails", "Jwt verification succeeds" },
  { "envoy-kid", "Jwks doesn't have key to match kid or alg from Jwt",
    "Jwks does have key to match kid or alg from Jwt" },
  { "envoy-audience", "Audiences in Jwt are not allowed", "Audiences in Jwt are allowed" },
  { "envoy-issuer", "Jwt issuer is not configured", "Jwt issuer is configured" },
  { "envoy-format",
    "Jwt is not in the form of Header.Payload.Signature with two dots and 3 sections",
    "Jwt is in the form of Header.Payload.Signature" },
  { "envoy-alg", "Jwt header [alg] is not supported", "Jwt header [alg] is supported" },
  { "envoy-jwks-fetch", "Jwks remote fetch is failed", "Jwks remote fetch is done" },
  { "kong-no-credentials", "{\"message\":\"No credentials found for given 'iss'\"}",
    "{\"message\":\"Credentials found for given 'iss'\"}" },
  { "kong-signature", "{\"message\":\"Invalid signature\"}",
    "{\"message\":\"Invalid signatures\"}" },
  { "kong-algorithm", "{\"message\":\"Invalid algorithm\"}",
    "{\"message\":\"Invalid algorithms\"}" },
  { "kong-expired", "{\"exp\":\"token expired\"}",
    "Bearer error=\"invalid_token\", error_description=\"The access token expired\"" },
  { "kong-nbf", "{\"nbf\":\"token not valid yet\"}", "{\"nbf\":\"token valid\"}" },
  { "kong-bad-token", "{\"message\":\"Bad token; invalid JSON\"}",
    "{\"message\":\"Bad request; invalid JSON\"}" },
  { "kong-multiple", "{\"message\":\"Multiple tokens provided\"}",
    "{\"message\":\"Multiple tokens allowed\"}" },
  { "kong-unrecognizable", "{\"message\":\"Unrecognizable token\"}",
    "{\"message\":\"Recognizable token\"}" },
  { "apigw-unauthorized", "{\"message\":\"Unauthorized\"}",
    "{\"message\":\"Unauthorized client\"}" },
  { "apigw-expired", "{\"message\":\"The incoming token has expired\"}",
    "{\"message\":\"The outgoing token has expired\"}" },
  { "apigw-audience",
    "www-authenticate: Bearer scope=\"\" error=\"invalid_token\" error_description=\"the token "
    "does not have a valid audience\"",
    "the token does have a valid audience" },
  { "apigw-missing-auth-token", "{\"message\":\"Missing Authentication Token\"}",
    "{\"message\":\"Missing Authentication Tokens Policy\"}" },
  { "apigw-iam",
    "{\"message\":\"Authorization header requires 'Credential' parameter. Authorization header "
    "requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter.\"}",
    "{\"message\":\"Authorization header requires 'Bearer' parameter.\"}" },
  { "apigw-explicit-deny",
    "{\"Message\":\"User is not authorized to access this resource with an explicit deny\"}",
    "{\"Message\":\"User is authorized to access this resource\"}" },
  { "cognito-access-token-expired", "NotAuthorizedException: Access Token has expired",
    "NotAuthorizedException: Access Token has been revoked" },
  { "aws-jwt-verify-expired", "JwtExpiredError: Token expired at 2024-05-07T10:00:00.000Z",
    "JwtExpiredError: Token expires at 2024-05-07T10:00:00.000Z" },
  { "aws-jwt-verify-nbf", "JwtNotBeforeError: Token can't be used before 2024-05-07T10:00:00.000Z",
    "Token can be used before 2024-05-07T10:00:00.000Z" },
  { "aws-jwt-verify-audience",
    "JwtInvalidAudienceError: Audience not allowed: api://billing. Expected: api://orders",
    "Audience allowed: api://billing. Expected: api://orders" },
  { "aws-jwt-verify-issuer",
    "JwtInvalidIssuerError: Issuer not allowed: "
    "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_A. Expected: "
    "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_B",
    "Issuer allowed: https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_A." },
  { "aws-jwt-verify-token-use", "JwtInvalidClaimError: Token use not allowed: id. Expected: access",
    "Token use allowed: access. Expected: access" },
  { "aws-jwt-verify-client-id", "JwtInvalidClaimError: Client ID not allowed: 3abc. Expected: 7xyz",
    "Client ID allowed: 3abc." },
  { "aws-jwt-verify-kid", "KidNotFoundInJwksError: JWK for kid k9 not found in the JWKS",
    "JWK for kid k9 found in the JWKS" },
  { "okta-claim-aud",
    "JwtParseError: claim 'aud' value 'api://default' does not match expected value 'api://orders'",
    "claim 'aud' value 'api://default' does match expected value 'api://default'" },
  { "okta-audience",
    "Error: audience claim api://default does not match expected audience: api://orders",
    "audience claim api://default does match expected audience: api://default" },
  { "okta-issuer",
    "Error: issuer https://dev-1.okta.com does not match expected issuer: "
    "https://dev-1.okta.com/oauth2/default",
    "issuer https://dev-1.okta.com does match expected issuer" },
  { "njwt-not-active", "JwtParseError: Jwt not active", "JwtParseError: Jwt now active" },
  { "njwt-parse", "JwtParseError: Jwt cannot be parsed", "JwtParseError: Jwt can be parsed" },
  { "njwt-kid", "JwtParseError: Error while resolving signing key for kid \"k9\"",
    "Error while resolving signing algorithm for kid \"k9\"" },
  { "keycloak-issuer",
    "Bearer realm=\"dev\", error=\"invalid_token\", error_description=\"Invalid token issuer. "
    "Expected 'http://127.0.0.1:9080/realms/dev', but was 'http://localhost:9080/realms/dev'\"",
    "Valid token issuer. Expected 'http://127.0.0.1:9080/realms/dev'" },
  { "keycloak-audience",
    "org.keycloak.common.VerificationException: Expected audience not available in the token",
    "Expected audience available in the token" },
  { "keycloak-token-type", "Token type is incorrect. Expected 'Bearer' but was 'Refresh'",
    "Token type is correct. Expected 'Bearer' and was 'Bearer'" },
  { "keycloak-not-active", "org.keycloak.exceptions.TokenNotActiveException: Token is not active",
    "Token is now active" },
  { "keycloak-connect-expired", "Grant validation failed. Reason: invalid token (expired)",
    "Grant validation failed. Reason: invalid token (expiring)" },
  { "keycloak-connect-iss", "Grant validation failed. Reason: invalid token (wrong ISS)",
    "Grant validation failed. Reason: invalid token (wrong iss)" },
  { "keycloak-connect-signature", "Grant validation failed. Reason: invalid token (signature)",
    "Grant validation failed. Reason: invalid token (signed)" },
  { "keycloak-connect-audience", "Grant validation failed. Reason: invalid token (wrong audience)",
    "Grant validation failed. Reason: invalid token (wrong type)" },
  { "golang-jwt-expired", "token has invalid claims: token is expired", "token is expiredAt" },
  { "golang-jwt-not-valid-yet", "token has invalid claims: token is not valid yet",
    "token is now valid" },
  { "golang-jwt-used-before-issued", "token has invalid claims: token used before issued",
    "token used after issued" },
  { "golang-jwt-audience", "token has invalid claims: token has invalid audience",
    "token has valid audience" },
  { "golang-jwt-issuer", "token has invalid claims: token has invalid issuer",
    "token has valid issuer" },
  { "golang-jwt-signature", "token signature is invalid: crypto/rsa: verification error",
    "token signature is valid" },
  { "golang-jwt-segments", "token is malformed: token contains an invalid number of segments",
    "token contains a valid number of segments" },
  { "golang-jwt-malformed", "token is malformed: could not JSON decode header",
    "token is well formed" },
  { "golang-jwt-unverifiable",
    "token is unverifiable: error while executing keyfunc: kid k9 not found",
    "token is verifiable" },
  { "go-oidc-expired", "oidc: token is expired (Token Expiry: 2024-05-07 10:00:00 +0000 UTC)",
    "oidc: token is fresh (Token Expiry: 2024-05-07 10:00:00 +0000 UTC)" },
  { "go-oidc-audience", "oidc: expected audience \"cluster-a\" got [\"cluster-b\"]",
    "oidc: expected audience \"cluster-a\" and got it" },
  { "go-oidc-issuer",
    "oidc: id token issued by a different provider, expected \"https://a.example\" got "
    "\"https://b.example\"",
    "oidc: id token issued by the same provider" },
  { "go-oidc-malformed", "oidc: malformed jwt: illegal base64 data at input byte 4",
    "oidc: well-formed jwt" },
  { "go-oidc-signature", "failed to verify signature: failed to verify id token signature",
    "verified signature" },
};

static const JdServerMessageMatch *
find_row (GPtrArray *matches, const char *id)
{
  for (guint i = 0; i < matches->len; i++)
    {
      const JdServerMessageMatch *m = g_ptr_array_index (matches, i);

      if (g_str_equal (m->row->id, id))
        return m;
    }
  return NULL;
}

static void
test_row_matches (gconstpointer data)
{
  const RowCase *c = data;
  g_autoptr (GPtrArray) matches = jd_server_messages_scan (c->real, strlen (c->real), "the paste");
  const JdServerMessageMatch *m = find_row (matches, c->id);

  g_assert_nonnull (jd_server_messages_lookup (c->id));
  if (m == NULL)
    {
      g_test_fail_printf ("row %s does not recognise its real text: %s", c->id, c->real);
      return;
    }
  g_assert_cmpstr (m->where, ==, "the paste");
  g_assert_true (strlen (m->text) > 0);
}

static void
test_row_near (gconstpointer data)
{
  const RowCase *c = data;
  g_autoptr (GPtrArray) matches = jd_server_messages_scan (c->near, strlen (c->near), "the paste");

  if (find_row (matches, c->id) != NULL)
    g_test_fail_printf ("row %s recognises the close text: %s", c->id, c->near);
}

/* ---- the table -------------------------------------------------------------- */

static const char *const known_meanings[] = {
  JD_FINDING_EXPIRED,           JD_FINDING_NOT_YET_VALID,
  JD_FINDING_ISSUED_IN_FUTURE,  "missing-exp",
  JD_FINDING_AUDIENCE_MISMATCH, "wrong-token-kind",
  JD_FINDING_ISSUER_MISMATCH,   JD_FINDING_ALGORITHM_NOT_ALLOWED,
  JD_FINDING_KID_NOT_FOUND,     JD_FINDING_SIGNATURE_INVALID,
  JD_FINDING_MALFORMED,         JD_FINDING_INSUFFICIENT_SCOPE,
  JD_SERVER_MESSAGE_NO_TOKEN,   JD_SERVER_MESSAGE_NO_REASON,
  JD_SERVER_MESSAGE_NOT_TOKEN,  NULL,
};

static void
test_table (void)
{
  guint n;
  const JdServerMessage *rows = jd_server_messages_get_table (&n);
  g_autoptr (GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) stacks = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (n, >=, 60);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GRegex) re = NULL;
      g_autoptr (GError) error = NULL;

      g_assert_false (g_hash_table_contains (ids, rows[i].id));
      g_hash_table_add (ids, (gpointer)rows[i].id);
      g_hash_table_add (stacks, (gpointer)rows[i].stack);
      g_assert_true (g_strv_contains (known_meanings, rows[i].means));
      g_assert_true (*rows[i].text && *rows[i].source && *rows[i].check && *rows[i].stack);
      re = g_regex_new (rows[i].pattern, G_REGEX_RAW, 0, &error);
      g_assert_no_error (error);
    }
  g_assert_cmpuint (g_hash_table_size (stacks), >=, 10);

  /* every row has its two test cases, and every test case its row */
  g_assert_cmpuint (G_N_ELEMENTS (cases), ==, n);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_true (g_hash_table_contains (ids, cases[i].id));
}

/* ---- values in the messages ------------------------------------------------- */

static const JdServerMessageMatch *
scan_one (GPtrArray **keep, const char *text, const char *id)
{
  const JdServerMessageMatch *m;

  *keep = jd_server_messages_scan (text, strlen (text), "the paste");
  m = find_row (*keep, id);
  g_assert_nonnull (m);
  return m;
}

static void
test_values (void)
{
  g_autoptr (GPtrArray) a = NULL, b = NULL, c = NULL, d = NULL, e = NULL, f = NULL, g = NULL;
  const JdServerMessageMatch *m;

  m = scan_one (&a, cases[4].real, "idx10214");
  g_assert_cmpstr (m->actual, ==, "api://orders");
  g_assert_cmpstr (m->expected, ==, "api://orders-api");

  /* Microsoft's hidden values are no values */
  m = scan_one (
    &b,
    "IDX10214: Audience validation failed. Audiences: '[PII of type 'System.String' is hidden. "
    "For more details, see https://aka.ms/IdentityModel/PII.]'. Did not match: "
    "validationParameters.ValidAudience: '[PII is hidden]' or "
    "validationParameters.ValidAudiences: 'api://x'.",
    "idx10214");
  g_assert_null (m->actual);
  g_assert_cmpstr (m->expected, ==, "api://x");

  m = scan_one (
    &c, "Firebase ID token has incorrect \"aud\" (audience) claim. Expected \"p1\" but got \"p2\".",
    "firebase-audience");
  g_assert_cmpstr (m->expected, ==, "p1");
  g_assert_cmpstr (m->actual, ==, "p2");

  m = scan_one (
    &d,
    "IDX10503: Signature validation failed. The token's kid is: 'k9', but did not match any keys",
    "idx10503");
  g_assert_cmpstr (m->kid, ==, "k9");

  m = scan_one (&e,
                "Firebase ID token has incorrect algorithm. Expected \"RS256\" but got \"HS256\".",
                "firebase-algorithm");
  g_assert_cmpstr (m->alg, ==, "HS256");

  m = scan_one (
    &f,
    "Invalid token issuer. Expected 'http://kc:8080/realms/a', but was 'http://localhost/realms/a'",
    "keycloak-issuer");
  g_assert_cmpstr (m->expected, ==, "http://kc:8080/realms/a");
  g_assert_cmpstr (m->actual, ==, "http://localhost/realms/a");

  m = scan_one (&g, "jwt audience invalid. expected: api://a or api://b", "jsonwebtoken-audience");
  g_assert_cmpstr (m->expected, ==, "api://a or api://b");
}

/* A message inside a longer one is the longer one's; a wrapper gives way. */
static void
test_nested (void)
{
  const char *firebase = "Firebase ID token has invalid signature.";
  const char *spring
    = "An error occurred while attempting to decode the Jwt: Jwt expired at 2024-05-07T10:00:00Z";
  const char *wrapper
    = "An error occurred while attempting to decode the Jwt: Couldn't retrieve remote JWK set";
  g_autoptr (GPtrArray) a = jd_server_messages_scan (firebase, strlen (firebase), "x");
  g_autoptr (GPtrArray) b = jd_server_messages_scan (spring, strlen (spring), "x");
  g_autoptr (GPtrArray) c = jd_server_messages_scan (wrapper, strlen (wrapper), "x");

  g_assert_cmpuint (a->len, ==, 1);
  g_assert_nonnull (find_row (a, "firebase-signature"));
  g_assert_cmpuint (b->len, ==, 1);
  g_assert_nonnull (find_row (b, "spring-expired"));
  g_assert_cmpuint (c->len, ==, 1);
  g_assert_nonnull (find_row (c, "spring-decode"));
}

/* ---- tokens ------------------------------------------------------------------ */

#define EXP 1715076000 /* 2024-05-07T10:00:00Z */

static char *
token_text (const char *payload)
{
  const char *header = "{\"alg\":\"RS256\",\"kid\":\"k1\",\"typ\":\"JWT\"}";
  g_autofree char *h = jd_base64url_encode (header, strlen (header));
  g_autofree char *p = jd_base64url_encode (payload, strlen (payload));

  return g_strdup_printf ("%s.%s.c2lnbmF0dXJl", h, p);
}

static const char *default_payload
  = "{\"iss\":\"https://login.microsoftonline.com/t1/v2.0\","
    "\"aud\":\"api://orders\",\"exp\":1715076000,\"iat\":1715072400}";

/* jd_diagnose() of @message pasted after a token with @payload, at @now. */
static GPtrArray *
diagnose_paste (const char *payload, const char *message, gint64 now, const char *aud)
{
  g_autofree char *token = payload ? token_text (payload) : NULL;
  g_autofree char *text = token ? g_strdup_printf ("%s\n%s\n", token, message) : g_strdup (message);
  g_autoptr (JdInput) input = jd_input_parse (text, strlen (text));
  g_autoptr (JdToken) parsed = jd_token_parse (jd_input_get_token (input), -1);
  g_autoptr (JdExpectations) e = jd_expectations_new ();

  e->now = now;
  e->audience = g_strdup (aud);
  return jd_diagnose (parsed, e, NULL, input);
}

static const char *
server_message (GPtrArray *findings)
{
  JdFinding *f = jd_findings_find (findings, JD_FINDING_SERVER_MESSAGE);

  g_assert_nonnull (f);
  g_assert_cmpint (jd_finding_get_severity (f), ==, JD_SEVERITY_ERROR);
  return jd_finding_get_message (f);
}

static void
test_cross_check_expired (void)
{
  g_autoptr (GPtrArray) agrees = diagnose_paste (default_payload, cases[0].real, EXP + 3733, NULL);
  g_autoptr (GPtrArray) ahead = diagnose_paste (default_payload, cases[0].real, EXP - 600, NULL);
  g_autoptr (GPtrArray) other = diagnose_paste (
    default_payload, "The token expired at '05/07/2024 09:00:00'", EXP + 60, NULL);

  g_assert_nonnull (
    strstr (server_message (agrees), "The token agrees: its exp is 2024-05-07T10:00:00Z"));
  g_assert_true (jd_findings_has (agrees, JD_FINDING_EXPIRED));
  /* exp in the future at the instant judged: a clock or another token */
  g_assert_nonnull (
    strstr (server_message (ahead),
            "But this token's exp is 2024-05-07T10:00:00Z, still 10 minutes ahead"));
  g_assert_false (jd_findings_has (ahead, JD_FINDING_EXPIRED));
  /* the server names another expiry (.NET's invariant date): another token */
  g_assert_nonnull (
    strstr (server_message (other), "The server names 2024-05-07T09:00:00Z as the expiry"));
}

static void
test_cross_check_not_yet_valid (void)
{
  const char *payload = "{\"nbf\":1715076000,\"exp\":1715079600}";
  g_autoptr (GPtrArray) agrees = diagnose_paste (payload, "Jwt not yet valid", EXP - 300, NULL);
  g_autoptr (GPtrArray) behind = diagnose_paste (payload, "Jwt not yet valid", EXP + 300, NULL);

  g_assert_nonnull (strstr (server_message (agrees), "The token agrees: its nbf is"));
  g_assert_nonnull (strstr (server_message (behind),
                            "But this token's nbf is 2024-05-07T10:00:00Z, 5 minutes before"));
}

/* The expected audience a message names becomes the expectation when the
 * person set none, so the audience check (and its near misses) runs. */
static void
test_cross_check_audience (void)
{
  g_autoptr (GPtrArray) filled = diagnose_paste (default_payload, cases[4].real, EXP - 600, NULL);
  g_autoptr (GPtrArray) given
    = diagnose_paste (default_payload, cases[4].real, EXP - 600, "api://orders");
  JdFinding *aud = jd_findings_find (filled, JD_FINDING_AUDIENCE_MISMATCH);

  g_assert_nonnull (aud);
  g_assert_nonnull (strstr (jd_finding_get_message (aud), "api://orders-api"));
  g_assert_nonnull (
    strstr (server_message (filled),
            "This token's aud is \"api://orders\"; the server expects \"api://orders-api\"."));
  g_assert_nonnull (strstr (server_message (filled), "is taken as the expected audience"));
  /* set by the person: kept, and the server's words still say what it expects */
  g_assert_false (jd_findings_has (given, JD_FINDING_AUDIENCE_MISMATCH));
  g_assert_null (strstr (server_message (given), "is taken as the expected audience"));
  g_assert_nonnull (strstr (server_message (given), "the server expects \"api://orders-api\""));
}

static void
test_cross_check_kid_and_alg (void)
{
  g_autoptr (GPtrArray) kid = diagnose_paste (
    default_payload,
    "IDX10503: Signature validation failed. The token's kid is: 'k9', but did not match any keys",
    EXP - 600, NULL);
  g_autoptr (GPtrArray) alg = diagnose_paste (
    default_payload,
    "IDX10696: The algorithm 'HS256' is not in the user-defined accepted list of algorithms.",
    EXP - 600, NULL);
  g_autoptr (GPtrArray) malformed
    = diagnose_paste (default_payload, "jwt malformed", EXP - 600, NULL);

  g_assert_nonnull (
    strstr (server_message (kid), "The server names kid \"k9\", and this token's kid is \"k1\""));
  g_assert_nonnull (
    strstr (server_message (alg), "The server names HS256, and this token's alg is RS256"));
  g_assert_nonnull (strstr (server_message (malformed), "But this token decodes cleanly here"));
}

/* A message pasted alone is a report of its own: no "malformed" errors for
 * the message text. */
static void
test_message_only (void)
{
  g_autoptr (GPtrArray) findings
    = diagnose_paste (NULL, "TokenExpiredError: jwt expired\n", EXP, NULL);
  g_autoptr (GPtrArray) plain
    = diagnose_paste (NULL, "this is not a token and no message\n", EXP, NULL);

  g_assert_true (jd_findings_has (findings, JD_FINDING_MESSAGE_WITHOUT_TOKEN));
  g_assert_nonnull (strstr (server_message (findings), "No token was given with the message"));
  g_assert_false (jd_findings_has (findings, JD_FINDING_MALFORMED));
  /* without a message the text is still judged as a (malformed) token */
  g_assert_true (jd_findings_has (plain, JD_FINDING_MALFORMED));
  g_assert_false (jd_findings_has (plain, JD_FINDING_MESSAGE_WITHOUT_TOKEN));
  g_assert_false (jd_findings_has (plain, JD_FINDING_SERVER_MESSAGE));
}

/* A WWW-Authenticate value copied from a response is the server's answer,
 * not an Authorization header with a strange token. */
static void
test_bearer_challenge_paste (void)
{
  const char *known
    = "Bearer error=\"invalid_token\", error_description=\"The signature key was not found\"";
  const char *unknown = "Bearer error=\"invalid_token\", error_description=\"nope\"";
  g_autoptr (JdInput) a = jd_input_parse (known, strlen (known));
  g_autoptr (JdInput) b = jd_input_parse (unknown, strlen (unknown));
  g_autoptr (GPtrArray) findings = diagnose_paste (NULL, known, EXP, NULL);

  g_assert_cmpint (jd_input_get_form (a), ==, JD_INPUT_FORM_UNKNOWN);
  g_assert_cmpuint (jd_input_get_findings (a)->len, ==, 0);
  g_assert_true (jd_input_is_server_message (a));
  g_assert_true (jd_findings_has (findings, JD_FINDING_MESSAGE_WITHOUT_TOKEN));
  g_assert_false (jd_findings_has (findings, "malformed-authorization"));
  /* no message the table knows: read as before, a Bearer header */
  g_assert_cmpint (jd_input_get_form (b), ==, JD_INPUT_FORM_BEARER);
  g_assert_false (jd_input_is_server_message (b));
}

/* The token is never quoted back, even when a message carries it. */
static void
test_token_not_quoted (void)
{
  g_autofree char *token = token_text (default_payload);
  g_autofree char *message
    = g_strdup_printf ("The audience '%s' is invalid; Bad token; %s", token, token);
  g_autoptr (GPtrArray) matches = jd_server_messages_scan (message, strlen (message), "x");
  g_autoptr (GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_cmpuint (matches->len, ==, 2);
  jd_server_messages_diagnose (matches, NULL, NULL, NULL, findings);
  for (guint i = 0; i < findings->len; i++)
    g_assert_null (strstr (jd_finding_get_message (g_ptr_array_index (findings, i)), token));
  g_assert_cmpstr (((JdServerMessageMatch *)g_ptr_array_index (matches, 0))->actual, ==, "<token>");
}

/* ---- where messages are read ------------------------------------------------- */

static void
test_response (void)
{
  g_autofree char *text = token_text (default_payload);
  g_autoptr (JdToken) token = jd_token_parse (text, -1);
  g_autoptr (JdResponse) response = jd_response_new (401, "Unauthorized");
  g_autoptr (JdResponse) quiet = jd_response_new (401, "Unauthorized");
  g_autoptr (GBytes) body = g_bytes_new_static ("Jwt issuer is not configured", 28);
  g_autoptr (JdExpectations) e = jd_expectations_new ();
  g_autoptr (GPtrArray) findings = NULL;
  g_autoptr (GPtrArray) none = NULL;
  guint n = 0;

  e->now = EXP - 600;
  jd_response_add_header (
    response, "WWW-Authenticate",
    "Bearer error=\"invalid_token\", error_description=\"The signature key was not found\"");
  jd_response_set_body (response, body, FALSE);
  jd_response_add_header (quiet, "WWW-Authenticate", "Bearer error=\"invalid_token\"");
  findings = jd_response_diagnose (response, token, e);
  none = jd_response_diagnose (quiet, token, e);

  for (guint i = 0; i < findings->len; i++)
    {
      JdFinding *f = g_ptr_array_index (findings, i);

      if (!g_str_equal (jd_finding_get_id (f), JD_FINDING_SERVER_MESSAGE))
        continue;
      n++;
      if (strstr (jd_finding_get_message (f), "in the WWW-Authenticate header"))
        g_assert_nonnull (strstr (jd_finding_get_message (f), "This token's kid is \"k1\""));
      else
        g_assert_nonnull (strstr (jd_finding_get_message (f), "in the response body"));
    }
  g_assert_cmpuint (n, ==, 2);
  g_assert_false (jd_findings_has (none, JD_FINDING_SERVER_MESSAGE));
}

static void
test_har_entry (void)
{
  g_autofree char *token = token_text (default_payload);
  g_autofree char *har = g_strdup_printf (
    "{\"log\":{\"version\":\"1.2\",\"entries\":[{\"startedDateTime\":\"2024-05-07T10:10:00Z\","
    "\"time\":5,"
    "\"request\":{\"method\":\"GET\",\"url\":\"https://api.example/x\",\"httpVersion\":\"HTTP/"
    "1.1\","
    "\"headers\":[{\"name\":\"Authorization\",\"value\":\"Bearer "
    "%s\"}],\"queryString\":[],\"cookies\":[],"
    "\"headersSize\":-1,\"bodySize\":0},"
    "\"response\":{\"status\":401,\"statusText\":\"Unauthorized\",\"httpVersion\":\"HTTP/1.1\","
    "\"headers\":[{\"name\":\"Content-Type\",\"value\":\"application/json\"}],\"cookies\":[],"
    "\"content\":{\"size\":37,\"mimeType\":\"application/"
    "json\",\"text\":\"{\\\"message\\\":\\\"jwt expired\\\"}\"},"
    "\"redirectURL\":\"\",\"headersSize\":-1,\"bodySize\":37},\"cache\":{},\"timings\":{\"send\":0,"
    "\"wait\":5,\"receive\":0}}]}}",
    token);
  g_autoptr (GBytes) bytes = g_bytes_new_take (g_strdup (har), strlen (har));
  g_autoptr (GError) error = NULL;
  g_autoptr (JdHar) parsed = jd_har_load_bytes (bytes, NULL, NULL, &error);
  g_autoptr (JdHarEntry) entry = NULL;
  g_autoptr (GPtrArray) findings = NULL;

  g_assert_no_error (error);
  entry = g_list_model_get_item (G_LIST_MODEL (parsed), 0);
  findings = jd_har_entry_diagnose (entry, NULL, TRUE, NULL);
  /* judged at the entry's time: the server's "expired" agrees with exp */
  g_assert_nonnull (strstr (server_message (findings), "jsonwebtoken"));
  g_assert_nonnull (
    strstr (server_message (findings), "The token agrees: its exp is 2024-05-07T10:00:00Z"));
}

/* README's "What it diagnoses" lists every message of the table. */
static void
test_readme_lists_every_row (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "README.md", NULL);
  g_autofree char *readme = NULL;
  g_autoptr (GError) error = NULL;
  guint n;
  const JdServerMessage *rows = jd_server_messages_get_table (&n);

  g_file_get_contents (path, &readme, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *cell = g_strdup_printf ("`%s`", rows[i].text);
      g_autofree char *escaped = NULL;
      g_auto (GStrv) parts = g_strsplit (cell, "|", -1);

      escaped = g_strjoinv ("\\|", parts);
      if (strstr (readme, escaped) == NULL)
        g_error ("README.md does not list %s (%s): run jwt-doctor-cli --list-messages", rows[i].id,
                 escaped);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *match = g_strdup_printf ("/server-messages/row/%s/matches", cases[i].id);
      g_autofree char *near = g_strdup_printf ("/server-messages/row/%s/near-miss", cases[i].id);

      g_test_add_data_func (match, &cases[i], test_row_matches);
      g_test_add_data_func (near, &cases[i], test_row_near);
    }
  g_test_add_func ("/server-messages/table", test_table);
  g_test_add_func ("/server-messages/values", test_values);
  g_test_add_func ("/server-messages/nested", test_nested);
  g_test_add_func ("/server-messages/cross-check/expired", test_cross_check_expired);
  g_test_add_func ("/server-messages/cross-check/not-yet-valid", test_cross_check_not_yet_valid);
  g_test_add_func ("/server-messages/cross-check/audience", test_cross_check_audience);
  g_test_add_func ("/server-messages/cross-check/kid-alg-malformed", test_cross_check_kid_and_alg);
  g_test_add_func ("/server-messages/message-only", test_message_only);
  g_test_add_func ("/server-messages/bearer-challenge-paste", test_bearer_challenge_paste);
  g_test_add_func ("/server-messages/token-not-quoted", test_token_not_quoted);
  g_test_add_func ("/server-messages/response", test_response);
  g_test_add_func ("/server-messages/har-entry", test_har_entry);
  g_test_add_func ("/server-messages/readme", test_readme_lists_every_row);
  return g_test_run ();
}
