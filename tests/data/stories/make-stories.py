#!/usr/bin/python3
# make-stories.py — writes the real-401 story files in this folder.
#
# Each story re-enacts one public issue thread: the token is built here with
# PyJWT from the claims the thread shows (never a real token), with made-up
# ids, keys and secrets. Every story is judged at NOW (--now), so the files
# stay valid. Run it again only to change a story; the test reads the files.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import base64
import json
import os
import sys

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

NOW = 1765000000
HERE = os.path.dirname(os.path.abspath(__file__))

# One fixed RSA key per run is fine: the files are written once.
KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
OTHER = rsa.generate_private_key(public_exponent=65537, key_size=2048)


def rs(claims, kid="k1", key=KEY, typ="JWT", extra=None):
    headers = {"kid": kid, "typ": typ}
    if extra:
        headers.update(extra)
    return jwt.encode(claims, key, algorithm="RS256", headers=headers)


def hs(claims, secret, kid=None, typ="JWT"):
    headers = {"typ": typ}
    if kid:
        headers["kid"] = kid
    return jwt.encode(claims, secret, algorithm="HS256", headers=headers)


def t(**claims):
    base = {"iat": NOW - 300, "exp": NOW + 3300}
    base.update(claims)
    return {k: v for k, v in base.items() if v is not None}


def jwks(key, kid):
    pub = key.public_key().public_numbers()

    def b64(n):
        raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
        return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()

    return json.dumps({"keys": [{"kty": "RSA", "use": "sig", "alg": "RS256", "kid": kid,
                                 "n": b64(pub.n), "e": b64(pub.e)}]}, indent=1) + "\n"


STORIES = []


def story(name, source, cause, expect, body, args=""):
    STORIES.append((name, source, cause, expect, args, body))


AUTH0 = "https://dev-story.eu.auth0.com/"
COGNITO = "https://cognito-idp.us-west-2.amazonaws.com/us-west-2_AbCdEfGhI"

# ---- audience ------------------------------------------------------------
story("01-idx10214-identityserver-resources",
      "https://github.com/aruss/IdentityBase/issues/37",
      "token's aud is the IdentityServer legacy resources audience, API expects 'api1'",
      "audience-mismatch",
      "IDX10214: Audience validation failed. Audiences: 'http://localhost:5000/resources'. "
      "Did not match: validationParameters.ValidAudience: 'api1' or validationParameters.ValidAudiences: 'null'.\n"
      + rs(t(iss="http://localhost:5000", aud="http://localhost:5000/resources", client_id="mvc",
             sub="1", scope=["openid", "profile"])) + "\n",
      "--aud api1")
story("02-idx10214-space-in-appsettings",
      "https://github.com/Azure-Samples/active-directory-aspnetcore-webapp-openidconnect-v2/issues/347",
      "the expected audience in appsettings.json carried a trailing space",
      "audience-mismatch",
      rs(t(iss="https://login.microsoftonline.com/8f4a6d1e-0b57-4c1a-9a3e-2f9c6d7b1a55/v2.0",
           aud="3c9e5f0a-7d21-4b8e-a1f4-6e2d9c0b7a13", azp="5b0c1d2e-3f4a-4b5c-8d6e-7f8091a2b3c4",
           scp="access_as_user", ver="2.0", tid="8f4a6d1e-0b57-4c1a-9a3e-2f9c6d7b1a55",
           oid="0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d")) + "\n",
      "--aud '3c9e5f0a-7d21-4b8e-a1f4-6e2d9c0b7a13 '")
story("03-is4-audience-empty-no-api-scope",
      "https://github.com/DuendeArchive/IdentityServer4/issues/4727",
      "no API scope was requested, so the access token has no aud at all",
      "audience-mismatch",
      "IDX10214: Audience validation failed. Audiences: 'empty'. Did not match: validationParameters.ValidAudience: "
      "'MindCard_API' or validationParameters.ValidAudiences: 'null'.\n"
      + rs(t(iss="https://localhost:6443", client_id="mindcard_spa", sub="42", scope=["openid", "profile"])) + "\n",
      "--aud MindCard_API")
story("04-is4-www-authenticate-audience-empty",
      "https://github.com/DuendeArchive/IdentityServer4/issues/4278",
      "the JavaScript client asked no API scope: token without aud",
      "audience-mismatch",
      "Authorization: Bearer "
      + rs(t(iss="https://localhost:5000", client_id="js", sub="818727", scope=["openid", "profile"])) + "\n"
      "WWW-Authenticate: Bearer error=\"invalid_token\", error_description=\"The audience 'empty' is invalid\"\n",
      "--aud api1")
story("05-keycloak-master-realm-account-audience",
      "https://github.com/dotnet/aspnetcore/issues/21735",
      "Keycloak puts 'account' (and realm clients) in aud; the API's client id needs an Audience mapper",
      "audience-mismatch",
      rs(t(iss="http://localhost:8080/auth/realms/master", aud=["master-realm", "account"], azp="lamp-app",
           typ="Bearer", sub="b1", scope="email profile")) + "\n",
      "--aud lamp-app")
story("06-keycloak-aud-account-not-client",
      "https://github.com/keycloak/keycloak/issues/35262",
      "Keycloak access token has aud 'account'; the client id is only in azp",
      "audience-mismatch",
      rs(t(iss="http://localhost:8080/realms/test", aud="account", azp="ui-client", typ="Bearer",
           sub="c2", scope="openid email profile")) + "\n",
      "--aud ui-client")
story("07-entra-app-id-uri-vs-client-id",
      "https://github.com/AzureAD/passport-azure-ad/pull/433",
      "v1 token's aud is the App ID URI api://<client id>, the library expects the bare client id",
      "audience-mismatch",
      rs(t(iss="https://sts.windows.net/8f4a6d1e-0b57-4c1a-9a3e-2f9c6d7b1a55/",
           aud="api://6d7e8f90-1a2b-4c3d-9e4f-5a6b7c8d9e0f", appid="5b0c1d2e-3f4a-4b5c-8d6e-7f8091a2b3c4",
           scp="user_impersonation", ver="1.0", tid="8f4a6d1e-0b57-4c1a-9a3e-2f9c6d7b1a55")) + "\n",
      "--aud 6d7e8f90-1a2b-4c3d-9e4f-5a6b7c8d9e0f")
story("08-graph-token-for-own-api",
      "https://github.com/TheNetworg/oauth2-azure/issues/169",
      "a token for the app's own API was sent to Microsoft Graph, which wants aud https://graph.microsoft.com",
      "audience-mismatch",
      "{\"error\":{\"code\":\"InvalidAuthenticationToken\",\"message\":\"Access token validation failure. Invalid audience.\"}}\n"
      + rs(t(iss="https://sts.windows.net/8f4a6d1e-0b57-4c1a-9a3e-2f9c6d7b1a55/",
             aud="api://6d7e8f90-1a2b-4c3d-9e4f-5a6b7c8d9e0f", appid="6d7e8f90-1a2b-4c3d-9e4f-5a6b7c8d9e0f",
             scp="Directory.Read.All email openid profile User.Read", ver="1.0",
             tid="8f4a6d1e-0b57-4c1a-9a3e-2f9c6d7b1a55")) + "\n",
      "--aud https://graph.microsoft.com")
story("09-adal-audience-is-invalid-app-id-uri",
      "https://github.com/AzureAD/azure-activedirectory-library-for-js/issues/472",
      "the API accepts only the client id, the token carries the App ID URI",
      "audience-mismatch",
      "WWW-Authenticate: Bearer error=\"invalid_token\", error_description=\"The audience is invalid\"\n"
      "Authorization: Bearer "
      + rs(t(iss="https://sts.windows.net/8f4a6d1e-0b57-4c1a-9a3e-2f9c6d7b1a55/",
             aud="https://contoso.onmicrosoft.com/story-api", appid="5b0c1d2e-3f4a-4b5c-8d6e-7f8091a2b3c4",
             scp="user_impersonation", ver="1.0")) + "\n",
      "--aud 5b0c1d2e-3f4a-4b5c-8d6e-7f8091a2b3c4")
story("10-apple-bundle-id-vs-app-id",
      "https://github.com/lupidan/apple-signin-unity/issues/135",
      "Sign in with Apple ID token's aud is the bundle id, the server was configured with the numeric App ID",
      "audience-mismatch",
      "IDX10214: Audience validation failed. Audiences: 'com.topcog.tapwizard2'. Did not match: "
      "validationParameters.ValidAudience: '1596750535' or validationParameters.ValidAudiences: 'null'.\n"
      + rs(t(iss="https://appleid.apple.com", aud="com.topcog.tapwizard2", sub="001234.abcdef.0042",
             nonce_supported=True, auth_time=NOW - 300)) + "\n",
      "--aud 1596750535 --token-kind id")
story("11-api-gateway-auth0-multiple-audiences",
      "https://github.com/aws-samples/ask-around-me/issues/3",
      "API Gateway's issuer lacked Auth0's trailing slash",
      "issuer-mismatch",
      rs(t(iss=AUTH0, aud=["https://auth0-jwt-authorizer", AUTH0 + "userinfo"], azp="Zx9", sub="auth0|5f",
           scope="openid profile email")) + "\n",
      "--aud https://auth0-jwt-authorizer --iss https://dev-story.eu.auth0.com")

# ---- Cognito -------------------------------------------------------------
COG_ACCESS = t(sub="f02e777c-489d-43c5-806d-2e6c06c9a355", token_use="access",
               scope="aws.cognito.signin.user.admin", auth_time=NOW - 300, iss=COGNITO,
               jti="752b158e", client_id="5bsjlins3936h9gvpi0c24ah5b", username="Test2")
story("12-cognito-access-token-aud-check",
      "https://github.com/awslabs/aws-support-tools/issues/97",
      "Cognito access tokens carry client_id, not aud: check client_id (or send the ID token)",
      "audience-mismatch",
      rs(COG_ACCESS) + "\n",
      "--aud 5bsjlins3936h9gvpi0c24ah5b")
story("13-cognito-identity-pool-needs-id-token",
      "https://github.com/amazon-archives/amazon-cognito-identity-js/issues/12",
      "an access token was given to the identity pool's Logins map, which needs the ID token",
      "wrong-token-kind",
      "Invalid login token. Missing a required claim: aud\n" + rs(COG_ACCESS) + "\n",
      "--token-kind id")
story("14-cognito-express-jwt-audience-invalid",
      "https://github.com/buccfer/aws-cognito-express/issues/18",
      "the verifier checked aud, which Cognito access tokens never have (client_id instead)",
      "audience-mismatch",
      "{\"statusCode\":401,\"error\":\"Unauthorized\",\"message\":\"jwt audience invalid. expected: 5bsjlins3936h9gvpi0c24ah5b\"}\n"
      + rs(COG_ACCESS) + "\n",
      "--aud 5bsjlins3936h9gvpi0c24ah5b")
story("15-cognito-id-token-where-access-expected",
      "https://github.com/tokusumi/fastapi-cloudauth/issues/53",
      "an ID token (token_use id) was sent where the API checks access tokens",
      "wrong-token-kind",
      "Authorization: Bearer "
      + rs(t(sub="f02e777c", aud="5bsjlins3936h9gvpi0c24ah5b", token_use="id", auth_time=NOW - 300,
             iss=COGNITO, email="a@example.com", at_hash="x1y2z3", **{"cognito:username": "Test2"})) + "\n")

# ---- Auth0 / opaque / no token -------------------------------------------
story("16-auth0-opaque-no-audience",
      "https://github.com/auth0-samples/auth0-ios-swift-sample/issues/39",
      "no API audience requested: Auth0 returned a short opaque access token",
      "wrong-token-kind",
      "Authorization: Bearer KBSxkmG-OcpA6-cg\n")
story("17-auth0-opaque-32-chars",
      "https://github.com/auth0/react-native-auth0/issues/349",
      "passwordless login without audience: 32-character opaque access token",
      "wrong-token-kind",
      "Authorization: Bearer uUr3Hs0mNq1-Kd8ZpT2xWcVb7LoYeAj4\n")
story("18-auth0-jwe-no-audience",
      "https://github.com/auth0/nextjs-auth0/issues/1809",
      "no audience: Auth0 issued an encrypted (JWE) access token for /userinfo",
      "encrypted-token",
      "Authorization: Bearer "
      + base64.urlsafe_b64encode(json.dumps({"alg": "dir", "enc": "A256GCM", "iss": AUTH0}).encode()).rstrip(b"=").decode()
      + "..bXlJVnNhbXBsZV9pdg.ZW5jcnlwdGVkX3BheWxvYWRfZXhhbXBsZV9ub3RfcmVhbA.dGFnX2V4YW1wbGVfMTI\n")
story("19-bearer-undefined",
      "https://github.com/krishnaacharyaa/profileFolio/pull/42",
      "the front end sent the header before the token was stored: 'Bearer undefined'",
      "no-token",
      "curl 'https://api.example.com/api/user' -H 'Authorization: Bearer undefined'\n")
story("20-bearer-none-python",
      "https://github.com/mozilla-services/cliquet/issues/182",
      "a Python client formatted a missing token: 'Bearer None'",
      "no-token",
      "Authorization: Bearer None\n")
story("21-bearer-empty",
      "https://github.com/5apps/liquor-cabinet/pull/88",
      "the client sent the scheme with no token",
      "no-token",
      "Authorization: Bearer\n")

# ---- Google / Firebase ---------------------------------------------------
story("22-cloud-run-ya29",
      "https://github.com/google/adk-python/issues/3814",
      "an OAuth access token (ya29.) was sent to Cloud Run, which needs an ID token with aud = service URL",
      "wrong-token-kind",
      "Authorization: Bearer ya29.a0AfB_byC" + "x" * 150 + "\n"
      "HTTP/2 401\nwww-authenticate: Bearer error=\"invalid_token\" error_description=\"The access token could not be verified\"\n")
story("23-cloud-run-gcloud-client-audience",
      "https://github.com/GoogleCloudPlatform/cloud-run-proxy/issues/10",
      "the ID token from user ADC is minted for gcloud's own OAuth client, not the service URL",
      "audience-mismatch",
      rs(t(iss="https://accounts.google.com", aud="764086051850-6qr4p6gpi6hn506pt8ejuq83di341hur.apps.googleusercontent.com",
           azp="764086051850-6qr4p6gpi6hn506pt8ejuq83di341hur.apps.googleusercontent.com",
           sub="1097", email="dev@example.com", email_verified=True, at_hash="h1")) + "\n",
      "--aud https://story-svc-abc123-ew.a.run.app --token-kind id")
story("24-firebase-google-signin-id-token",
      "https://github.com/firebase/firebase-admin-go/issues/723",
      "the Google Sign-In ID token (OAuthCredential) was sent, not user.getIdToken()",
      "wrong-token-kind",
      "ID token has invalid 'aud' (audience) claim; expected \"story-project\" but got "
      "\"1084655800000-abcdefghijk.apps.googleusercontent.com\"\n"
      + rs(t(iss="https://accounts.google.com", aud="1084655800000-abcdefghijk.apps.googleusercontent.com",
             azp="1084655800000-abcdefghijk.apps.googleusercontent.com", sub="1097", email="a@example.com",
             email_verified=True, nonce="n1")) + "\n",
      "--aud story-project --iss https://securetoken.google.com/story-project --token-kind id")
story("25-firebase-custom-token-verified",
      "https://github.com/firebase/firebase-admin-python/issues/51",
      "a custom token (to exchange with signInWithCustomToken) was passed to verify_id_token",
      "wrong-token-kind",
      rs({"iss": "firebase-adminsdk-x1@story-project.iam.gserviceaccount.com",
          "sub": "firebase-adminsdk-x1@story-project.iam.gserviceaccount.com",
          "aud": "https://identitytoolkit.googleapis.com/google.identity.identitytoolkit.v1.IdentityToolkit",
          "uid": "user-1", "iat": NOW - 60, "exp": NOW + 3540}) + "\n",
      "--aud story-project --iss https://securetoken.google.com/story-project --token-kind id")
story("26-firebase-php-google-issuer",
      "https://github.com/beste/firebase-php/issues/101",
      "the provider's (Google) ID token was not exchanged for a Firebase ID token",
      "wrong-token-kind",
      rs(t(iss="accounts.google.com", aud="1084655800000-abcdefghijk.apps.googleusercontent.com",
           azp="1084655800000-abcdefghijk.apps.googleusercontent.com", sub="1097", email="a@example.com")) + "\n",
      "--aud story-project --iss https://securetoken.google.com/story-project --token-kind id")

# ---- issuer --------------------------------------------------------------
story("27-keycloak-docker-issuer-host",
      "https://github.com/LandRegistry/common-dev-env/pull/83",
      "token issued at localhost:8180, verified inside docker as keycloak:8080",
      "issuer-mismatch",
      "{\"error\":\"invalid_token\",\"error_description\":\"Token invalid: Invalid token issuer. Expected "
      "'http://keycloak:8080/auth/realms/development', but was 'http://localhost:8180/auth/realms/development'\"}\n"
      + rs(t(iss="http://localhost:8180/auth/realms/development", aud="account", azp="web", typ="Bearer", sub="d1")) + "\n",
      "--iss http://keycloak:8080/auth/realms/development")
story("28-keycloak-admin-service-hostname",
      "https://github.com/keycloak/keycloak/issues/24596",
      "token issued through the cluster service name, Keycloak expects its front-end URL",
      "issuer-mismatch",
      rs(t(iss="http://mykeycloak-service.keycloak:8180/realms/myrealm", aud="account", azp="admin-cli",
           typ="Bearer", sub="d2")) + "\n",
      "--iss http://localhost:8180/realms/myrealm")
story("29-keycloak-docker-www-authenticate-issuer",
      "https://github.com/NikiforovAll/keycloak-authorization-services-dotnet/issues/115",
      "API in docker reaches Keycloak as host.docker.internal, tokens say localhost",
      "issuer-mismatch",
      "Authorization: Bearer "
      + rs(t(iss="http://localhost:8080/realms/my-realm", aud="account", azp="my-client", typ="Bearer", sub="d3")) + "\n"
      "WWW-Authenticate: Bearer error=\"invalid_token\", error_description=\"The issuer 'http://localhost:8080/realms/my-realm' is invalid\"\n",
      "--iss http://host.docker.internal:8080/realms/my-realm")
story("30-okta-org-server-token",
      "https://github.com/okta/okta-oidc-js/issues/46",
      "access token from the Okta org authorization server; the verifier expects a custom server",
      "audience-mismatch",
      "SigningKeyNotFoundError: Unable to find a signing key that matches 'k1'\n"
      + rs(t(iss="https://company.okta.com", aud="https://company.okta.com", cid="0oa1b2c3d4", uid="00u1",
             scp=["openid"], ver=1, sub="a@example.com")) + "\n",
      "--iss https://company.okta.com/oauth2/default --aud api://default")
story("31-is4-issuer-port",
      "https://github.com/DuendeArchive/IdentityServer4/issues/2348",
      "IdentityServer derived its issuer from the caller's host; IssuerUri had to be set",
      "audience-mismatch",
      "JWT token validation error: IDX10214: Audience validation failed. Audiences: 'http://localhost/resources'. "
      "Did not match: validationParameters.ValidAudience: 'http://localhost:5000/resources' or validationParameters.ValidAudiences: 'null'.\n"
      + rs(t(iss="http://localhost", aud="http://localhost/resources", client_id="wp", sub="9")) + "\n",
      "--aud http://localhost:5000/resources")

# ---- kind, keys, secrets, time ------------------------------------------
story("32-keycloak-refresh-token-validated",
      "https://github.com/mattmorg55/Owin.Security.Keycloak/issues/10",
      "the refresh token (HS256, typ Refresh) was validated as an access token",
      "wrong-token-kind",
      "IDX10501: Signature validation failed. Unable to match 'kid': 'f70df3b4-ef47-409b-b910-a71879a72fb8'\n"
      + hs(t(iss="https://example.com:8443/auth/realms/demo", aud="WebApplication2", typ="Refresh",
             azp="WebApplication2", sub="58ee5d30", session_state="1a88"), "realm-hmac-secret-not-shown",
           kid="f70df3b4-ef47-409b-b910-a71879a72fb8") + "\n",
      "--aud WebApplication2")
story("33-is4-restart-new-signing-key",
      "https://github.com/DuendeArchive/IdentityServer4/issues/769",
      "IdentityServer made a new temporary signing key on restart; the API's cached keys lack the new kid",
      "kid-not-found",
      "Bearer was not authenticated. Failure message: IDX10501: Signature validation failed. Unable to match 'kid'\n"
      + rs(t(iss="http://localhost:5000", aud="api1", client_id="client", scope=["api1"]), kid="new-kid-after-restart",
           key=OTHER) + "\n",
      "--aud api1 --jwks @DIR@/33-old-keys.jwks")
story("34-hs256-base64-secret",
      "https://github.com/auth0/node-jsonwebtoken/issues/584",
      "one side used the secret's base64 text as raw bytes, the other decoded it first",
      "signature-invalid",
      hs(t(_id="5c8a", username="antoine", sub="5c8a"), base64.b64decode("c2VjcmV0LWtleS1mb3ItdGhlLXN0b3J5LWFwaS0yMDI1")) + "\n",
      "--secret c2VjcmV0LWtleS1mb3ItdGhlLXN0b3J5LWFwaS0yMDI1")
story("35-iat-one-second-ahead",
      "https://github.com/lcobucci/jwt/issues/191",
      "the issuing server's clock runs a second ahead and the verifier allows no leeway",
      "issued-in-future",
      hs({"iss": "https://issuer.example", "iat": NOW + 1, "exp": NOW + 3601, "sub": "u1"},
         "a-long-enough-shared-secret-for-hs256-xx") + "\n",
      "--leeway 0")
story("36-lexik-apache-strips-header",
      "https://github.com/lexik/LexikJWTAuthenticationBundle/issues/270",
      "Apache dropped the Authorization header before PHP saw it ('JWT Token not found')",
      "server-message",
      "curl -i 'http://fireports.local/api/reports' -H 'Authorization: Bearer "
      + rs(t(username="robert", roles=["ROLE_USER"])) + "'\n"
      "HTTP/1.1 401 Unauthorized\nContent-Type: application/json\n\n{\"code\":401,\"message\":\"JWT Token not found\"}\n")
story("37-dropwizard-token-expired",
      "https://github.com/ToastShaman/dropwizard-auth-jwt/issues/18",
      "the example minted an already expired token (to show the expiry check)",
      "expired",
      "WARN com.github.toastshaman.dropwizard.auth.jwt.JWTAuthFilter: Error decoding credentials: The token has expired\n"
      + rs({"iss": "http://localhost:8080/realms/demo", "aud": "account", "sub": "s1",
            "iat": NOW - 86400 - 300, "exp": NOW - 86400}) + "\n")


# ---- second batch ----------------------------------------------------------
TENANT = "8f4a6d1e-0b57-4c1a-9a3e-2f9c6d7b1a55"
story("38-graph-token-to-own-api",
      "https://github.com/AzureAD/azure-activedirectory-identitymodel-extensions-for-dotnet/issues/1334",
      "the SPA asked Graph scopes (user.read), so the token is for Microsoft Graph, not the API",
      "audience-mismatch",
      "Microsoft.IdentityModel.Tokens.SecurityTokenInvalidSignatureException: IDX10511: Signature validation failed. "
      "Keys tried: 'Microsoft.IdentityModel.Tokens.X509SecurityKey, KeyId: 'k1'\n"
      + rs(t(iss="https://sts.windows.net/%s/" % TENANT, aud="00000003-0000-0000-c000-000000000000",
             appid="7391aebb-1a35-4ad7-8166-0a1b2c3d4e5f", scp="Mail.Send User.Read", ver="1.0", tid=TENANT,
             upn="dev@example.com"), extra={"nonce": "AQABAAAAAABnfiG-mA6NTae7CdWW7Qfdr_vA1td_KJ55uewzV8uA"}) + "\n",
      "--aud api://7391aebb-1a35-4ad7-8166-0a1b2c3d4e5f")
story("39-auth0-hs256-application",
      "https://github.com/auth0/auth0-spa-js/issues/41",
      "the Auth0 application signs ID tokens with HS256; the SDK accepts only RS256",
      "algorithm-not-allowed",
      hs(t(iss=AUTH0, aud="Zx9AbCdEf0123456789AbCdEf012345", sub="auth0|5f", nonce="n1", email="a@example.com"),
         "client-secret-of-the-auth0-application") + "\n",
      "--alg RS256 --token-kind id --aud Zx9AbCdEf0123456789AbCdEf012345")
story("40-auth0-go-hs256-not-supported",
      "https://github.com/auth0-blog/auth0-golang-jwt/issues/14",
      "the API (Auth0 API settings) signs with HS256; the Go middleware expects RS256",
      "algorithm-not-allowed",
      "{\"error\":\"invalid_token\",\"errorDescription\":\"Algorithm HS256 is not supported. (Expected algs: [RS256])\"}\n"
      + hs(t(iss=AUTH0, aud="https://golang-api", sub="auth0|5f", azp="Zx9", scope="openid profile"),
           "signing-secret-of-the-auth0-api-xxxx") + "\n",
      "--alg RS256 --aud https://golang-api")
story("41-client-clock-one-hour-behind",
      "https://github.com/auth0/angular2-jwt/issues/415",
      "the user's computer had daylight saving turned off: its clock was one hour behind",
      "issued-in-future",
      rs(t(iss="https://login.example.com/", aud="https://api.example.com", sub="u1", scope="read",
           iat=NOW - 60, exp=NOW + 3540)) + "\n",
      "--now %d" % (NOW - 3600))
story("42-acvp-jwt-cut-at-1024",
      "https://github.com/usnistgov/ACVP/issues/741",
      "the client kept the JWT in a 1024-byte buffer and sent it cut "
      "(token-truncated names the 1 KiB buffer, but ranks after the malformed payload)",
      "malformed",
      "{\"acvVersion\":\"1.0\",\"error\":\"JWT signature does not match locally computed signature. "
      "JWT validity cannot be asserted and should not be trusted.\"}\n"
      "Authorization: Bearer "
      + hs(t(iss="acvts", vsIds=list(range(70000, 70160))), "acvp-server-secret-not-known-here")[:1024] + "\n")


def main():
    with open(os.path.join(HERE, "33-old-keys.jwks"), "w") as f:
        f.write(jwks(KEY, "old-kid-before-restart"))
    for name, source, cause, expect, args, body in STORIES:
        with open(os.path.join(HERE, name + ".txt"), "w") as f:
            f.write("# source: %s\n# cause: %s\n# expect: %s\n# args: --now %d %s\n" %
                    (source, cause, expect, NOW, args))
            f.write(body)
    print("%d stories" % len(STORIES))


if __name__ == "__main__":
    sys.exit(main())
