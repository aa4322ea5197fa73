/* test-token-kinds.c — tests for src/core/jd-token-kinds.c
 *
 * Every row of the three token-kind tables has a vector here that
 * triggers it and a close one that must not; each row is its own GLib test
 * case, named after the row. Then whole tokens: the kind named from the
 * weighed evidence, and the findings jd_diagnose() makes of it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "jd-base64.h"
#include "jd-diagnosis.h"
#include "jd-input.h"
#include "jd-token-kinds.h"
#include "test-diagnose-util.h"

#define NOW 1748440100

/* ---- helpers ------------------------------------------------------------ */

static JdExpectations *
expect_for (const char *aud, const char *iss, JdExpectedKind kind)
{
  JdExpectations *e = jd_expectations_new ();
  e->now = NOW;
  e->audience = g_strdup (aud);
  e->issuer = g_strdup (iss);
  e->token_kind = kind;
  return e;
}

/* ---- table 1: text rows ------------------------------------------------- */

typedef struct
{
  const char *row;
  const char *hit;  /* matched by exactly this row */
  const char *miss; /* a close text this row must not match */
} TextVector;

static const TextVector text_vectors[] = {
  { "literal-undefined", "undefined", "undefinedX" },
  { "literal-null", "null", "nullable" },
  { "literal-nil", "nil", "nils" },
  { "literal-none", "None", "Nonesuch" },
  { "literal-object", "[object Object]", "[object]" },
  { "literal-bearer", "Bearer", "Bearers" },
  { "template-braces", "{{access_token}}", "{{access_token}" },
  { "template-angle", "<token>", "<token" },
  { "google-ya29", "ya29.a0AfH6SMBx3kLqP9zz_example_token", "ya29.short" },
  { "google-refresh", "1//0gAbCdEfGhIjKlMnOpQrStUv", "1//short" },
  { "github-pat", "ghp_0123456789abcdefghijABCDEFGHIJ012345", "ghp_0123456789" },
  { "github-oauth", "gho_0123456789abcdefghijABCDEFGHIJ012345", "gho_01234567" },
  { "github-user-to-server", "ghu_0123456789abcdefghijABCDEFGHIJ012345", "ghu_0123" },
  { "github-server-to-server", "ghs_0123456789abcdefghijABCDEFGHIJ012345", "ghs_0123" },
  { "github-fine-grained", "github_pat_11ABCDEFG0123456789_abcdefghijklmnop", "github_pat_1" },
  { "gitlab-pat", "glpat-xxxxxxxxxxxxxxxxxxxx", "glpat-xx" },
  { "slack-bot", "xoxb-1234567890-0987654321-AbCdEf", "xoxb-12" },
  { "slack-user", "xoxp-1234567890-0987654321-AbCdEf", "xoxp-12" },
  { "slack-refresh", "xoxe-1-My0xLTEyMzQ1Njc4OTAtMDk4NzY1", "xoxe-1" },
  { "aws-session-token",
    "IQoJb3JpZ2luX2VjEJr//////////"
    "wEaCXVzLWVhc3QtMSJHMEUCIQDexampleexampleexampleexampleexampleexample"
    "exampleexampleexampleexampleexample",
    "IQoJb3JpZ2luX2VjEJr" },
  { "aws-session-token-old",
    "FwoGZXIvYXdzEJr//////////wEaDexampleexampleexampleexampleexampleexampleexampleexampleexample"
    "exampleexampleexampleexampleexample",
    "FwoGZXIvYXdzEJr" },
  { "aws-access-key-id", "ASIAIOSFODNN7EXAMPLE", "ASIAIOSFODNN7EXAMPLE1" },
  { "aws-access-key-id-long-term", "AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPL" },
  { "stripe-secret", "sk_live_4eC39HqLyjWDarjtT1zdp7dc", "sk_live_4e" },
  { "stripe-test", "sk_test_4eC39HqLyjWDarjtT1zdp7dc", "sk_test_4e" },
  { "api-key-sk", "sk-proj-abcdefghijklmnopqrstuvwx", "sk-abc" },
  { "npm-token", "npm_abcdefghijklmnopqrstuvwxyz0123456789", "npm_abc" },
  { "auth0-opaque", "Xh3kLqP9zzAbCdEfGhIjKlMnOpQrStUv", "Xh3kLqP9zzAbCdEfGhIjKlMnOpQrStUvW" },
  { "opaque", "8xLOxBtZp8-Xh3kLqP9zzAbCdEfGh", "eyJhbGciOiJSUzI1NiJ9xxxxxxxxx" },
};

static void
test_text_row (gconstpointer data)
{
  const TextVector *v = data;
  const JdTextRow *hit = jd_token_kinds_match_text (v->hit);
  const JdTextRow *miss = jd_token_kinds_match_text (v->miss);

  g_assert_nonnull (hit);
  g_assert_cmpstr (hit->name, ==, v->row);
  g_assert_true (miss == NULL || !g_str_equal (miss->name, v->row));
}

/* Every row has a vector, and a JWT never matches a text row. */
static void
test_text_rows_covered (void)
{
  guint n;
  const JdTextRow *rows = jd_token_kinds_text_rows (&n);
  g_autoptr (JdToken) jwt = token_for ("{\"alg\":\"RS256\"}", "{\"sub\":\"1\"}");

  for (guint i = 0; i < n; i++)
    {
      gboolean found = FALSE;
      for (guint j = 0; j < G_N_ELEMENTS (text_vectors) && !found; j++)
        found = g_str_equal (text_vectors[j].row, rows[i].name);
      if (!found)
        g_error ("text row %s has no test vector", rows[i].name);
    }
  g_assert_null (jd_token_kinds_match_text (jd_token_get_text (jwt)));
}

/* ---- table 2: signal rows ----------------------------------------------- */

typedef struct
{
  const char *row;
  const char *header;
  const char *hit;  /* payload for which the row holds */
  const char *miss; /* a close payload for which it does not */
  const char *aud;  /* expected audience, nullable */
  const char *iss;  /* expected issuer, nullable */
} SignalVector;

#define RS "{\"alg\":\"RS256\"}"

static const SignalVector signal_vectors[] = {
  { "oidc-nonce", RS, "{\"nonce\":\"n-0S6_WzA2Mj\"}", "{\"non\":\"n\"}", NULL, NULL },
  { "oidc-at-hash", RS, "{\"at_hash\":\"77QmUPtjPfzWtF2AnpK9RQ\"}", "{\"s_hash\":\"x\"}", NULL,
    NULL },
  { "oidc-c-hash", RS, "{\"c_hash\":\"LDktKdoQak3Pk0cnXxCltA\"}", "{\"hash\":\"x\"}", NULL, NULL },
  { "cognito-id", RS, "{\"token_use\":\"id\"}", "{\"token_use\":\"access\"}", NULL, NULL },
  { "keycloak-id", RS, "{\"typ\":\"ID\"}", "{\"typ\":\"Bearer\"}", NULL, NULL },
  { "aud-is-azp", RS, "{\"aud\":\"my-client\",\"azp\":\"my-client\"}",
    "{\"aud\":[\"account\",\"my-client\"],\"azp\":\"my-client\"}", NULL, NULL },
  { "aud-is-client", RS, "{\"aud\":\"AbCdEf0123456789\"}",
    "{\"aud\":\"https://other.example.com\"}", "https://api.example.com", NULL },
  { "profile-email", RS, "{\"email\":\"a@example.com\"}", "{\"mail\":\"a@example.com\"}", NULL,
    NULL },
  { "no-scope", RS, "{\"sub\":\"1\"}", "{\"sub\":\"1\",\"scp\":\"read\"}", NULL, NULL },
  { "firebase-id", RS, "{\"firebase\":{\"sign_in_provider\":\"password\"}}", "{\"fire\":1}", NULL,
    NULL },
  { "keycloak-refresh", RS, "{\"typ\":\"Refresh\"}", "{\"typ\":\"refresh-token\"}", NULL, NULL },
  { "keycloak-offline", RS, "{\"typ\":\"Offline\"}", "{\"typ\":\"Online\"}", NULL, NULL },
  { "token-use-refresh", RS, "{\"token_use\":\"refresh\"}", "{\"token_use\":\"id\"}", NULL, NULL },
  { "header-typ-refresh", "{\"alg\":\"HS256\",\"typ\":\"refresh+jwt\"}", "{}", "{}", NULL, NULL },
  { "firebase-custom", RS,
    "{\"aud\":\"https://identitytoolkit.googleapis.com/"
    "google.identity.identitytoolkit.v1.IdentityToolkit\"}",
    "{\"aud\":\"my-project\"}", NULL, NULL },
  { "google-for-firebase", RS, "{\"iss\":\"https://accounts.google.com\"}",
    "{\"iss\":\"https://securetoken.google.com/my-project\"}", NULL,
    "https://securetoken.google.com/my-project" },
  { "logout-token", RS, "{\"events\":{\"http://schemas.openid.net/event/backchannel-logout\":{}}}",
    "{\"events\":{\"http://schemas.openid.net/event/other\":{}}}", NULL, NULL },
  { "rfc9068-typ", "{\"alg\":\"RS256\",\"typ\":\"at+jwt\"}", "{}", "{}", NULL, NULL },
  { "cognito-access", RS, "{\"token_use\":\"access\"}", "{\"token_use\":\"id\"}", NULL, NULL },
  { "keycloak-access", RS, "{\"typ\":\"Bearer\"}", "{\"typ\":\"ID\"}", NULL, NULL },
  { "scope", RS, "{\"scope\":\"openid read\"}", "{\"scopes\":\"read\"}", NULL, NULL },
  { "scp", RS, "{\"scp\":\"read\"}", "{\"sc\":\"read\"}", NULL, NULL },
  { "azp-not-aud", RS, "{\"aud\":[\"https://api.example.com\"],\"azp\":\"app\"}",
    "{\"aud\":[\"https://api.example.com\",\"app\"],\"azp\":\"app\"}", NULL, NULL },
  { "client-id", RS, "{\"client_id\":\"abc\"}", "{\"clientid\":\"abc\"}", NULL, NULL },
};

static const JdSignalRow *
signal_row (const char *name)
{
  guint n;
  const JdSignalRow *rows = jd_token_kinds_signal_rows (&n);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (rows[i].name, name))
      return &rows[i];
  g_error ("no signal row %s", name);
}

static void
test_signal_row (gconstpointer data)
{
  const SignalVector *v = data;
  const JdSignalRow *row = signal_row (v->row);
  g_autoptr (JdExpectations) e = expect_for (v->aud, v->iss, JD_EXPECT_ACCESS_TOKEN);
  g_autoptr (JdToken) hit = token_for (v->header, v->hit);
  g_autoptr (JdToken) miss = NULL;

  /* Header rows: the miss is the same header with another typ. */
  if (row->test == JD_SIGNAL_HEADER_TYP)
    miss = token_for ("{\"alg\":\"RS256\",\"typ\":\"JWT\"}", v->miss);
  else
    miss = token_for (v->header, v->miss);

  g_assert_true (jd_token_kinds_signal_holds (row, hit, e));
  g_assert_false (jd_token_kinds_signal_holds (row, miss, e));
}

static void
test_signal_rows_covered (void)
{
  guint n;
  const JdSignalRow *rows = jd_token_kinds_signal_rows (&n);

  for (guint i = 0; i < n; i++)
    {
      gboolean found = FALSE;
      for (guint j = 0; j < G_N_ELEMENTS (signal_vectors) && !found; j++)
        found = g_str_equal (signal_vectors[j].row, rows[i].name);
      if (!found)
        g_error ("signal row %s has no test vector", rows[i].name);
      g_assert_cmpint (rows[i].weight, !=, 0);
    }
}

/* ---- table 3: the providers' wording ------------------------------------ */

typedef struct
{
  const char *issuer_part;
  JdKind kind;
  const char *payload_hit;  /* a token of that kind from that issuer */
  const char *payload_miss; /* the same kind from an issuer the row is not for */
  const char *words;        /* in the fix of the hit only */
} FixVector;

#define ID_CLAIMS "\"nonce\":\"n\",\"at_hash\":\"h\""
#define REFRESH_KC "\"typ\":\"Refresh\""

static const FixVector fix_vectors[] = {
  { "auth0.com", JD_KIND_ID, "{\"iss\":\"https://dev-x.eu.auth0.com/\"," ID_CLAIMS "}",
    "{\"iss\":\"https://auth.example.com/\"," ID_CLAIMS "}", "getAccessTokenSilently" },
  { "cognito-idp.", JD_KIND_ID,
    "{\"iss\":\"https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_a\"," ID_CLAIMS "}",
    "{\"iss\":\"https://idp.example.com/eu-west-1_a\"," ID_CLAIMS "}",
    "AuthenticationResult.AccessToken" },
  { "login.microsoftonline.", JD_KIND_ID,
    "{\"iss\":\"https://login.microsoftonline.com/t/v2.0\"," ID_CLAIMS "}",
    "{\"iss\":\"https://login.example.com/t/v2.0\"," ID_CLAIMS "}", "acquireTokenSilent" },
  { "sts.windows.net", JD_KIND_ID, "{\"iss\":\"https://sts.windows.net/t/\"," ID_CLAIMS "}",
    "{\"iss\":\"https://sts.example.net/t/\"," ID_CLAIMS "}", "acquireTokenSilent" },
  { "okta.com", JD_KIND_ID, "{\"iss\":\"https://dev-1.okta.com/oauth2/default\"," ID_CLAIMS "}",
    "{\"iss\":\"https://dev-1.example.com/oauth2/default\"," ID_CLAIMS "}",
    "authState.accessToken" },
  { "/realms/", JD_KIND_ID, "{\"iss\":\"https://kc.example.com/realms/demo\"," ID_CLAIMS "}",
    "{\"iss\":\"https://kc.example.com/auth/demo\"," ID_CLAIMS "}", "keycloak.idToken" },
  { "accounts.google.com", JD_KIND_ID, "{\"iss\":\"https://accounts.google.com\"," ID_CLAIMS "}",
    "{\"iss\":\"https://accounts.example.com\"," ID_CLAIMS "}", "--audiences=URL" },
  { "/realms/", JD_KIND_REFRESH, "{\"iss\":\"https://kc.example.com/realms/demo\"," REFRESH_KC "}",
    "{\"iss\":\"https://kc.example.com/auth/demo\"," REFRESH_KC "}", "openid-connect/token" },
  { "cognito-idp.", JD_KIND_REFRESH,
    "{\"iss\":\"https://cognito-idp.eu-west-1.amazonaws.com/a\",\"token_use\":\"refresh\"}",
    "{\"iss\":\"https://idp.example.com/a\",\"token_use\":\"refresh\"}", "REFRESH_TOKEN_AUTH" },
};

static const char *
wrong_kind_fix (const char *payload)
{
  static char buf[2048];
  g_autoptr (JdToken) token = token_for (RS, payload);
  g_autoptr (JdExpectations) e = expect_for (NULL, NULL, JD_EXPECT_ACCESS_TOKEN);
  g_autoptr (GPtrArray) findings = jd_diagnose (token, e, NULL, NULL);
  JdFinding *f = jd_findings_find (findings, JD_FINDING_WRONG_TOKEN_KIND);

  g_assert_nonnull (f);
  g_strlcpy (buf, jd_finding_get_fix (f), sizeof buf);
  return buf;
}

static void
test_fix_row (gconstpointer data)
{
  const FixVector *v = data;
  g_autoptr (JdToken) token = token_for (RS, v->payload_hit);

  g_assert_cmpint (jd_token_kinds_classify (token, NULL, NULL), ==, v->kind);
  g_assert_nonnull (strstr (wrong_kind_fix (v->payload_hit), v->words));
  g_assert_null (strstr (wrong_kind_fix (v->payload_miss), v->words));
}

static void
test_fix_rows_covered (void)
{
  guint n;
  const JdKindFixRow *rows = jd_token_kinds_fix_rows (&n);

  for (guint i = 0; i < n; i++)
    {
      gboolean found = FALSE;
      for (guint j = 0; j < G_N_ELEMENTS (fix_vectors) && !found; j++)
        found = g_str_equal (fix_vectors[j].issuer_part, rows[i].issuer_part)
                && fix_vectors[j].kind == rows[i].kind;
      if (!found)
        g_error ("fix row %s/%s has no test vector", jd_kind_to_string (rows[i].kind),
                 rows[i].issuer_part);
    }
}

/* ---- whole tokens: weighing the evidence -------------------------------- */

typedef struct
{
  const char *name;
  const char *header;
  const char *payload;
  const char *aud;
  const char *iss;
  JdExpectedKind expected;
  JdKind kind;         /* what classify names */
  gboolean wrong_kind; /* whether jd_diagnose reports wrong-token-kind */
} KindCase;

static const KindCase kind_cases[] = {
  /* An Auth0 ID token sent to an API (nonce, client id audience, email, no scope). */
  { "auth0-id-token", RS,
    "{\"iss\":\"https://dev-x.us.auth0.com/"
    "\",\"sub\":\"auth0|1\",\"aud\":\"AbCdEf0123456789AbCdEf0123456789\","
    "\"nonce\":\"n\",\"email\":\"a@b.c\",\"iat\":1748440000,\"exp\":1748443600}",
    "https://api.example.com", NULL, JD_EXPECT_ACCESS_TOKEN, JD_KIND_ID, TRUE },
  /* The Auth0 access token of the same sign-in. */
  { "auth0-access-token", RS,
    "{\"iss\":\"https://dev-x.us.auth0.com/\",\"sub\":\"auth0|1\",\"aud\":[\"https://"
    "api.example.com\","
    "\"https://dev-x.us.auth0.com/"
    "userinfo\"],\"azp\":\"AbCdEf0123456789AbCdEf0123456789\",\"scope\":\"openid "
    "read\",\"iat\":1748440000,\"exp\":1748443600}",
    "https://api.example.com", NULL, JD_EXPECT_ACCESS_TOKEN, JD_KIND_ACCESS, FALSE },
  /* One weak sign is not enough: a token with email and nothing else. */
  { "one-weak-sign", RS, "{\"sub\":\"1\",\"email\":\"a@b.c\",\"scope\":\"read\"}", NULL, NULL,
    JD_EXPECT_ACCESS_TOKEN, JD_KIND_UNKNOWN, FALSE },
  /* A nonce alone (strong, but only one sign) with a scope: not named. */
  { "nonce-with-scope", RS, "{\"sub\":\"1\",\"nonce\":\"n\",\"scope\":\"read\"}", NULL, NULL,
    JD_EXPECT_ACCESS_TOKEN, JD_KIND_UNKNOWN, FALSE },
  /* Cognito ID token: token_use decides. */
  { "cognito-id-token", RS, "{\"token_use\":\"id\",\"aud\":\"3abc\",\"email\":\"a@b.c\"}", NULL,
    NULL, JD_EXPECT_ACCESS_TOKEN, JD_KIND_ID, TRUE },
  /* Keycloak access token that also carries a nonce: typ Bearer decides. */
  { "keycloak-access-with-nonce", RS,
    "{\"typ\":\"Bearer\",\"nonce\":\"n\",\"email\":\"a@b.c\",\"azp\":\"app\",\"aud\":\"account\"}",
    NULL, NULL, JD_EXPECT_ACCESS_TOKEN, JD_KIND_ACCESS, FALSE },
  /* Keycloak refresh token. */
  { "keycloak-refresh", "{\"alg\":\"HS512\"}", "{\"typ\":\"Refresh\",\"scope\":\"openid\"}", NULL,
    NULL, JD_EXPECT_ACCESS_TOKEN, JD_KIND_REFRESH, TRUE },
  /* A Firebase ID token is what a Firebase-backed API takes. */
  { "firebase-id-token", RS,
    "{\"iss\":\"https://securetoken.google.com/"
    "p\",\"aud\":\"p\",\"email\":\"a@b.c\",\"firebase\":{}}",
    "p", "https://securetoken.google.com/p", JD_EXPECT_ACCESS_TOKEN, JD_KIND_UNKNOWN, FALSE },
  /* A Google Sign-In ID token where a Firebase one is expected. */
  { "google-for-firebase", RS,
    "{\"iss\":\"https://"
    "accounts.google.com\",\"aud\":\"1.apps.googleusercontent.com\",\"azp\":\"1.apps."
    "googleusercontent.com\",\"email\":\"a@b.c\",\"nonce\":\"n\",\"at_hash\":\"h\"}",
    "p", "https://securetoken.google.com/p", JD_EXPECT_ACCESS_TOKEN, JD_KIND_GOOGLE_ID, TRUE },
  /* Firebase custom token. */
  { "firebase-custom", RS,
    "{\"aud\":\"https://identitytoolkit.googleapis.com/"
    "google.identity.identitytoolkit.v1.IdentityToolkit\","
    "\"uid\":\"u\"}",
    NULL, NULL, JD_EXPECT_ACCESS_TOKEN, JD_KIND_FIREBASE_CUSTOM, TRUE },
  /* --token-kind id: an ID token is right, an access token is wrong. */
  { "id-expected-id-sent", RS, "{\"nonce\":\"n\",\"at_hash\":\"h\"}", NULL, NULL,
    JD_EXPECT_ID_TOKEN, JD_KIND_ID, FALSE },
  { "id-expected-access-sent", "{\"alg\":\"RS256\",\"typ\":\"at+jwt\"}", "{\"scope\":\"read\"}",
    NULL, NULL, JD_EXPECT_ID_TOKEN, JD_KIND_ACCESS, TRUE },
  /* Contradicting decisive evidence: nothing named. */
  { "contradiction", RS, "{\"token_use\":\"id\",\"typ\":\"Bearer\"}", NULL, NULL,
    JD_EXPECT_ACCESS_TOKEN, JD_KIND_UNKNOWN, FALSE },
};

static void
test_kind_case (gconstpointer data)
{
  const KindCase *c = data;
  g_autoptr (JdToken) token = token_for (c->header, c->payload);
  g_autoptr (JdExpectations) e = expect_for (c->aud, c->iss, c->expected);
  g_autoptr (GPtrArray) findings = jd_diagnose (token, e, NULL, NULL);
  g_autofree char *evidence = NULL;
  JdKind kind = jd_token_kinds_classify (token, e, &evidence);

  g_assert_cmpstr (jd_kind_to_string (kind), ==, jd_kind_to_string (c->kind));
  g_assert_true ((kind == JD_KIND_UNKNOWN) == (evidence == NULL));
  g_assert_cmpint (jd_findings_has (findings, JD_FINDING_WRONG_TOKEN_KIND), ==, c->wrong_kind);
  if (c->wrong_kind)
    {
      JdFinding *f = jd_findings_find (findings, JD_FINDING_WRONG_TOKEN_KIND);
      g_assert_cmpint (jd_finding_get_severity (f), ==, JD_SEVERITY_ERROR);
      g_assert_cmpint (jd_finding_get_rank (f), ==, JD_RANK_AUDIENCE);
      /* The message names the evidence it found. */
      g_assert_nonnull (strstr (jd_finding_get_message (f), evidence));
    }
}

/* The message names what the API wants in its issuer's words: a Firebase
 * project's API wants a Firebase ID token; without that issuer, the kind. */
typedef struct
{
  const char *name;
  const char *iss;
  JdExpectedKind expected;
  const char *needle;
} WantedCase;

static const WantedCase wanted_cases[] = {
  { "firebase-issuer", "https://securetoken.google.com/p", JD_EXPECT_ID_TOKEN,
    "not a Firebase ID token" },
  { "other-issuer", "https://accounts.google.com", JD_EXPECT_ID_TOKEN, "not an ID token" },
};

static void
test_wanted_case (gconstpointer data)
{
  const WantedCase *c = data;
  g_autoptr (JdToken) token
    = token_for (RS, "{\"aud\":\"https://identitytoolkit.googleapis.com/"
                     "google.identity.identitytoolkit.v1.IdentityToolkit\",\"uid\":\"u\"}");
  g_autoptr (JdExpectations) e = expect_for ("p", c->iss, c->expected);
  g_autoptr (GPtrArray) findings = jd_diagnose (token, e, NULL, NULL);
  JdFinding *f = jd_findings_find (findings, JD_FINDING_WRONG_TOKEN_KIND);

  g_assert_nonnull (f);
  g_test_message ("%s", jd_finding_get_message (f));
  g_assert_nonnull (strstr (jd_finding_get_message (f), c->needle));
}

/* The audience finding no longer calls an ID token "another service's token". */
static void
test_audience_wording (void)
{
  g_autoptr (GPtrArray) id = NULL;
  g_autoptr (GPtrArray) other = NULL;
  g_autoptr (JdExpectations) e
    = expect_for ("https://api.example.com", NULL, JD_EXPECT_ACCESS_TOKEN);
  g_autoptr (JdToken) t1 = token_for (RS, kind_cases[0].payload);
  g_autoptr (JdToken) t2
    = token_for (RS, "{\"aud\":\"https://other.example.com\",\"scope\":\"x\"}");

  id = jd_diagnose (t1, e, NULL, NULL);
  other = jd_diagnose (t2, e, NULL, NULL);
  g_assert_null (
    strstr (jd_finding_get_message (jd_findings_find (id, JD_FINDING_AUDIENCE_MISMATCH)),
            "another service"));
  g_assert_nonnull (
    strstr (jd_finding_get_message (jd_findings_find (other, JD_FINDING_AUDIENCE_MISMATCH)),
            "another service"));
}

/* ---- not a JWT: one finding, not three malformed ------------------------ */

typedef struct
{
  const char *name;
  const char *paste;
  const char *id;     /* the one finding expected */
  const char *absent; /* a word the message must not hold (the token itself), nullable */
} PasteCase;

static const PasteCase paste_cases[] = {
  { "bearer-undefined", "Authorization: Bearer undefined", JD_FINDING_NO_TOKEN, NULL },
  { "bearer-null", "Bearer null", JD_FINDING_NO_TOKEN, NULL },
  { "object-object", "Authorization: Bearer [object Object]", JD_FINDING_NO_TOKEN, NULL },
  { "bearer-empty", "Authorization: Bearer ", JD_FINDING_NO_TOKEN, NULL },
  { "header-empty", "Authorization:", JD_FINDING_NO_TOKEN, NULL },
  { "bearer-bearer", "Authorization: Bearer Bearer", JD_FINDING_NO_TOKEN, NULL },
  { "ya29", "Authorization: Bearer ya29.a0AfH6SMBx3kLqP9zz_secretpart", JD_FINDING_WRONG_TOKEN_KIND,
    "secretpart" },
  { "ghp", "ghp_0123456789abcdefghijABCDEFGHIJsecret", JD_FINDING_WRONG_TOKEN_KIND, "secret" },
};

static void
test_paste_case (gconstpointer data)
{
  const PasteCase *c = data;
  g_autoptr (JdExpectations) e = expect_for (NULL, NULL, JD_EXPECT_ACCESS_TOKEN);
  g_autoptr (GPtrArray) findings = diagnose_paste (c->paste, e);
  JdFinding *f = jd_findings_find (findings, c->id);

  g_assert_nonnull (f);
  g_assert_cmpuint (count_id (findings, c->id), ==, 1);
  g_assert_cmpuint (count_id (findings, JD_FINDING_MALFORMED), ==, 0);
  g_assert_cmpuint (count_id (findings, "malformed-authorization"), ==, 0);
  if (c->absent != NULL)
    {
      g_assert_null (strstr (jd_finding_get_message (f), c->absent));
      g_assert_null (strstr (jd_finding_get_fix (f), c->absent));
    }
}

/* Close cases: a cut JWT stays malformed; a short word is not a token kind. */
static const struct
{
  const char *name;
  const char *paste;
} not_a_kind_rows[] = {
  { "cut-jwt", "eyJhbGciOiJSUzI1NiJ9" },
  { "short-word", "Bearer abc" },
  { "literal-with-dots", "undefined.x.y" },
};

static void
test_paste_not_a_kind (gconstpointer data)
{
  const typeof (not_a_kind_rows[0]) *row = data;
  g_autoptr (JdExpectations) e = expect_for (NULL, NULL, JD_EXPECT_ACCESS_TOKEN);
  g_autoptr (GPtrArray) findings = diagnose_paste (row->paste, e);

  g_assert_true (jd_findings_has (findings, JD_FINDING_MALFORMED));
  g_assert_false (jd_findings_has (findings, JD_FINDING_NO_TOKEN));
  g_assert_false (jd_findings_has (findings, JD_FINDING_WRONG_TOKEN_KIND));
}

/* README's "The kind of token" lists every text row's shape and every claim
 * a signal row reads: the documentation follows the table. */
static void
test_readme_lists_rows (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "README.md", NULL);
  g_autofree char *readme = NULL;
  g_autoptr (GError) error = NULL;
  guint n;
  const JdTextRow *texts = jd_token_kinds_text_rows (&n);
  const JdSignalRow *signals;

  g_assert_true (g_file_get_contents (path, &readme, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    if (texts[i].pattern != NULL && strstr (readme, texts[i].pattern) == NULL)
      g_error ("README.md does not name text row %s (%s)", texts[i].name, texts[i].pattern);
  signals = jd_token_kinds_signal_rows (&n);
  for (guint i = 0; i < n; i++)
    if (signals[i].member != NULL && strstr (readme, signals[i].member) == NULL)
      g_error ("README.md does not name the claim of signal row %s (%s)", signals[i].name,
               signals[i].member);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  JD_TEST_ADD_ROWS ("/jd/token-kinds/text", text_vectors, row, test_text_row);
  g_test_add_func ("/jd/token-kinds/text/covered", test_text_rows_covered);
  JD_TEST_ADD_ROWS ("/jd/token-kinds/signal", signal_vectors, row, test_signal_row);
  g_test_add_func ("/jd/token-kinds/signal/covered", test_signal_rows_covered);
  for (guint i = 0; i < G_N_ELEMENTS (fix_vectors); i++)
    {
      g_autofree char *part = g_strdelimit (g_strdup (fix_vectors[i].issuer_part), "/", '-');
      g_autofree char *path = g_strdup_printf ("/jd/token-kinds/fix/%s/%s",
                                               jd_kind_to_string (fix_vectors[i].kind), part);
      g_test_add_data_func (path, &fix_vectors[i], test_fix_row);
    }
  g_test_add_func ("/jd/token-kinds/fix/covered", test_fix_rows_covered);
  JD_TEST_ADD_ROWS ("/jd/token-kinds/classify", kind_cases, name, test_kind_case);
  JD_TEST_ADD_ROWS ("/jd/token-kinds/wanted", wanted_cases, name, test_wanted_case);
  g_test_add_func ("/jd/token-kinds/audience-wording", test_audience_wording);
  JD_TEST_ADD_ROWS ("/jd/token-kinds/paste", paste_cases, name, test_paste_case);
  JD_TEST_ADD_ROWS ("/jd/token-kinds/paste/not-a-kind", not_a_kind_rows, name,
                    test_paste_not_a_kind);
  g_test_add_func ("/jd/token-kinds/readme", test_readme_lists_rows);

  return g_test_run ();
}
