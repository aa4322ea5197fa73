/* jd-token-kinds.h — what kind of token was sent: the token-kind tables
 *
 * Two tables, one row per rule (DESIGN.md, "token kinds"):
 *
 *  - text rows: what is not a JWT at all, told by its shape — an opaque
 *    access token of a known issuer (Google "ya29.", GitHub "ghp_", Slack
 *    "xoxb-", AWS session tokens, "sk-" API keys, Auth0's short opaque
 *    tokens), or a literal the client wrote when it had no token
 *    ("undefined", "null", "[object Object]", "Bearer", a template
 *    placeholder);
 *  - signal rows: evidence in a decoded JWT's header and claims that it is
 *    an ID token, a refresh token, a Firebase custom token, a logout token
 *    or an access token. Evidence is weighed: a kind is named only when the
 *    weights of its signals reach JD_TOKEN_KIND_THRESHOLD, never on one
 *    weak sign.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "jd-expectations.h"
#include "jd-finding.h"
#include "jd-token.h"

G_BEGIN_DECLS

#define JD_TOKEN_KIND_THRESHOLD 3

typedef enum
{
  JD_KIND_UNKNOWN,
  JD_KIND_ACCESS,          /* an access token (what an API expects) */
  JD_KIND_ID,              /* an OpenID Connect ID token */
  JD_KIND_REFRESH,         /* a refresh (or offline) token */
  JD_KIND_FIREBASE_CUSTOM, /* to exchange with signInWithCustomToken */
  JD_KIND_GOOGLE_ID,       /* a Google Sign-In ID token where Firebase's is expected */
  JD_KIND_LOGOUT,          /* an OIDC back-channel logout token */
  JD_KIND_OPAQUE,          /* not a JWT: an opaque token or key of a known shape */
  JD_KIND_NO_TOKEN,        /* not a token at all: the client had none to send */
  JD_KIND_N
} JdKind;

const char *jd_kind_to_string (JdKind kind); /* "access", "id", "refresh", … */

/* How a text row matches the whole token text. */
typedef enum
{
  JD_TEXT_EXACT_CI, /* equal, ASCII case ignored */
  JD_TEXT_PREFIX,   /* starts with pattern, and is at least min_len bytes long */
  JD_TEXT_ENCLOSED, /* starts with pattern and ends with suffix */
  JD_TEXT_OPAQUE,   /* no dot, only base64url/base64 characters, length min_len … max_len */
} JdTextMatch;

typedef struct
{
  const char *name; /* row id, stable, for tests: "google-ya29" */
  JdTextMatch match;
  const char *pattern; /* prefix or literal; NULL for JD_TEXT_OPAQUE */
  const char *suffix;  /* JD_TEXT_ENCLOSED only */
  guint min_len;
  guint max_len;    /* 0: no limit */
  JdKind kind;      /* JD_KIND_OPAQUE or JD_KIND_NO_TOKEN */
  const char *what; /* translatable: "a Google OAuth access token" */
  const char *fix;  /* translatable: what to send instead */
} JdTextRow;

/* What a signal row tests. */
typedef enum
{
  JD_SIGNAL_CLAIM_PRESENT, /* claim @member exists */
  JD_SIGNAL_CLAIM_EQUALS,  /* claim @member is the string @value */
  JD_SIGNAL_HEADER_TYP,    /* header typ is @value (case ignored, "application/" optional) */
  JD_SIGNAL_EVENTS_HAS,    /* claim "events" is an object with member @value */
  JD_SIGNAL_AUD_IS_AZP,    /* aud is one string (or one-element array) equal to azp */
  JD_SIGNAL_AZP_NOT_AUD,   /* azp is a string that aud (string or array) does not hold */
  JD_SIGNAL_AUD_IS_CLIENT, /* the API expects an audience, and aud is not it but looks like a client
                              id */
  JD_SIGNAL_NO_SCOPE,      /* none of scope, scp, roles, permissions, client_id */
  JD_SIGNAL_ISS_NOT_EXPECTED_FIREBASE, /* iss is @value while the API expects a Firebase
                                          (securetoken) issuer */
} JdSignalTest;

typedef struct
{
  const char *name; /* row id, stable, for tests: "oidc-nonce" */
  JdKind kind;
  int weight; /* 3 decides alone; 2 strong; 1 weak */
  JdSignalTest test;
  const char *member;   /* claim name, or NULL */
  const char *value;    /* compared value, or NULL */
  const char *evidence; /* translatable: "it carries a \"nonce\"" */
} JdSignalRow;

/* Per-kind wording where an issuer has its own words: used when the
 * token's "iss" contains @issuer_part ("auth0.com", "/realms/"). Issuer
 * recognition proper is the provider profiles' job; this is only wording. */
typedef struct
{
  JdKind kind;
  const char *issuer_part;
  const char *fix; /* translatable */
} JdKindFixRow;

const JdTextRow *jd_token_kinds_text_rows (guint *n_rows);
const JdSignalRow *jd_token_kinds_signal_rows (guint *n_rows);
const JdKindFixRow *jd_token_kinds_fix_rows (guint *n_rows);

/* The text row that matches @text as a whole, or NULL. A JWT-shaped text
 * never matches. */
const JdTextRow *jd_token_kinds_match_text (const char *text);
/* Whether signal @row holds for @token under @expect. */
gboolean jd_token_kinds_signal_holds (const JdSignalRow *row, JdToken *token,
                                      const JdExpectations *expect);
/* The kind @token's evidence names (JD_KIND_UNKNOWN below the threshold or
 * when two kinds reach it). @evidence (nullable) receives the translated
 * evidence of the kind named, joined: "it carries \"nonce\", …". */
JdKind jd_token_kinds_classify (JdToken *token, const JdExpectations *expect, char **evidence);

/* Adds no-token / wrong-token-kind findings for @token to @out. Returns
 * TRUE when @token is not a JWT at all and was recognised (no-token or an
 * opaque kind): its decode problems then say nothing more and are not
 * reported. @paste_findings (nullable) are the findings of the paste
 * (jd_input_get_findings): an empty token that it already said is no token
 * is recognised too. */
gboolean jd_token_kinds_check (GPtrArray *out, JdToken *token, GPtrArray *paste_findings,
                               const JdExpectations *expect);

G_END_DECLS
