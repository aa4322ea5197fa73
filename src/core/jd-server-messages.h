/* jd-server-messages.h — servers' own error texts: what they mean, and
 * whether the token agrees
 *
 * A table (jd-server-messages.c) holds one row per message a verifier
 * writes (Microsoft.IdentityModel's IDX10223, Spring Security's "Jwt
 * expired at …", jsonwebtoken's "jwt audience invalid. expected: …"): the
 * exact text as its source writes it, a pattern that recognises it, the
 * stack and file it comes from, and the finding it means. The mechanism
 * (jd-server-message-check.c) finds them in a paste, a response body or a
 * WWW-Authenticate header, pulls out the values they name (the expected
 * audience, the token's kid, the instant it expired at) and cross-checks
 * them with the token.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "jd-expectations.h"
#include "jd-finding.h"
#include "jd-request.h"
#include "jd-token.h"

G_BEGIN_DECLS

/* An error finding: a server's message was recognised. Its rank and claim
 * are those of the finding the message means; its message quotes the
 * server and says whether the token agrees. */
#define JD_FINDING_SERVER_MESSAGE "server-message"
/* An info finding: the paste holds a server's message but no token; the
 * report comes from the message alone. */
#define JD_FINDING_MESSAGE_WITHOUT_TOKEN "message-without-token"

/* What the findings a row may mean besides the JD_FINDING_* ids: the
 * request carried no token the server could read. */
#define JD_SERVER_MESSAGE_NO_TOKEN "malformed-authorization"
/* … the server gave no reason (API Gateway's bare "Unauthorized"). */
#define JD_SERVER_MESSAGE_NO_REASON "rejected"
/* … not about the token at all (a path the gateway does not know). */
#define JD_SERVER_MESSAGE_NOT_TOKEN "not-a-token-problem"

/* Bytes of one text that are searched (the first ones): a server's
 * message sits in the first lines of a body or a log excerpt. */
#define JD_SERVER_MESSAGES_MAX_SCAN (256 * 1024)
/* Messages reported from one text; the rest are not. */
#define JD_SERVER_MESSAGES_MAX_MATCHES 8

typedef enum
{
  JD_SERVER_MESSAGE_FLAG_NONE = 0,
  /* The text wraps another message ("An error occurred while attempting
   * to decode the Jwt: …"): when a row matches inside it, that one is kept. */
  JD_SERVER_MESSAGE_FLAG_WRAPPER = 1 << 0,
} JdServerMessageFlags;

typedef struct
{
  const char *id;     /* stable row id, e.g. "idx10223" */
  const char *stack;  /* who writes it, e.g. "Microsoft.IdentityModel (ASP.NET Core)" */
  const char *source; /* where the text is: repository and file */
  const char *text;   /* the exact text as the source writes it; {…} for its values */
  /* A PCRE pattern, matched as written (case included). Named groups give
   * the values: expected, actual, kid, alg, when. */
  const char *pattern;
  const char *means; /* a JD_FINDING_* id, or a JD_SERVER_MESSAGE_* meaning */
  const char *claim; /* the claim it is about, nullable */
  const char *check; /* what to check (marked for translation, not translated) */
  JdServerMessageFlags flags;
} JdServerMessage;

/* The table, in its order. */
const JdServerMessage *jd_server_messages_get_table (guint *n_rows);
const JdServerMessage *jd_server_messages_lookup (const char *id);

/* One recognised message. Values are valid UTF-8 with any JWT-shaped run
 * replaced by "<token>", never NULL for text, nullable otherwise. */
typedef struct
{
  const JdServerMessage *row;
  char *where;    /* "the paste", "the response body", "WWW-Authenticate" (translated) */
  char *text;     /* the matched text, at most 300 bytes */
  char *expected; /* what the server expects (aud, iss, token kind, scope) */
  char *actual;   /* what the server saw in the token */
  char *kid;
  char *alg;
  char *when;   /* the instant the message names, as written */
  gsize offset; /* where in the searched text it starts */
} JdServerMessageMatch;

void jd_server_message_match_free (JdServerMessageMatch *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdServerMessageMatch, jd_server_message_match_free)

/* Every message of the table in @text[0, MIN (@len, JD_SERVER_MESSAGES_MAX_SCAN)),
 * in the order they appear; a match inside a longer one is dropped (the
 * longer one is more exact) unless the longer one is a wrapper. A row is
 * reported once. @where (translated) is copied into each match.
 * Returns: (transfer full) (element-type JdServerMessageMatch) */
GPtrArray *jd_server_messages_scan (const char *text, gsize len, const char *where);

/* jd_server_messages_scan() over @response's WWW-Authenticate values and,
 * when the status is 400 or above, its body.
 * Returns: (transfer full) (element-type JdServerMessageMatch) */
GPtrArray *jd_server_messages_scan_response (JdResponse *response);

/* Sets @expect's audience and issuer from the values the messages name,
 * where @expect has none and the value is one plain string. Returns
 * whether anything was set. */
gboolean jd_server_messages_fill_expectations (GPtrArray *matches, JdExpectations *expect);

/* Appends a JD_FINDING_SERVER_MESSAGE finding to @findings for each of
 * @matches (nullable), cross-checked with @token (nullable: no token, or
 * none that decodes) judged at @expect (nullable: the clock, default
 * leeway). @given (nullable) is what the person set: a value a message
 * names is said to be taken as the expectation where @given has none. */
void jd_server_messages_diagnose (GPtrArray *matches, JdToken *token, const JdExpectations *expect,
                                  const JdExpectations *given, GPtrArray *findings);

/* The table as Markdown table rows (README, --list-messages). (transfer full) */
char *jd_server_messages_to_markdown (void);

G_END_DECLS
