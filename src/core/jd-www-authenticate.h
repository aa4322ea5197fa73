/* jd-www-authenticate.h — what a server's answer says about a token
 *
 * An RFC 7235 §4.1 WWW-Authenticate parser (several challenges in one
 * header value and across several headers, quoted strings with escapes,
 * token68, case-insensitive names), the RFC 6750 §3 Bearer error codes
 * explained, and a checker that turns a JdResponse into findings
 * (missing-www-authenticate, insufficient-scope, server-clock-skew, …).
 * No sockets here: the response comes from src/net, a HAR file or a test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "jd-expectations.h"
#include "jd-finding.h"
#include "jd-request.h"
#include "jd-token.h"

G_BEGIN_DECLS

#define JD_WWW_AUTHENTICATE_ERROR (jd_www_authenticate_error_quark ())
GQuark jd_www_authenticate_error_quark (void);

typedef enum
{
  JD_WWW_AUTHENTICATE_ERROR_SYNTAX,    /* the message names the byte */
  JD_WWW_AUTHENTICATE_ERROR_DUPLICATE, /* a parameter twice in one challenge (RFC 7235 §2.1) */
  JD_WWW_AUTHENTICATE_ERROR_TOO_LARGE,
  JD_WWW_AUTHENTICATE_ERROR_EMPTY,
} JdWwwAuthenticateError;

/* Header values longer than this are refused with a message. */
#define JD_WWW_AUTHENTICATE_MAX_SIZE (64 * 1024)

/* Further finding ids produced by jd_response_diagnose() (DESIGN.md allows
 * more ids; the three of DESIGN.md are in jd-finding.h). */
#define JD_FINDING_BEARER_INVALID_REQUEST "bearer-invalid-request"
#define JD_FINDING_BEARER_INVALID_TOKEN "bearer-invalid-token"
#define JD_FINDING_BEARER_ERROR "bearer-error" /* an error code RFC 6750 does not define */
#define JD_FINDING_BEARER_NO_TOKEN_SEEN                                                            \
  "bearer-no-token-seen" /* 401, Bearer, no error: no token arrived */
#define JD_FINDING_NO_BEARER_CHALLENGE "no-bearer-challenge"
#define JD_FINDING_WWW_AUTHENTICATE_MALFORMED "www-authenticate-malformed"
#define JD_FINDING_STATUS_401 "status-401"
#define JD_FINDING_STATUS_403 "status-403"
#define JD_FINDING_STATUS_SUCCESS "status-success"
#define JD_FINDING_STATUS_OTHER "status-other"

typedef struct
{
  char *name;  /* as the server wrote it */
  char *value; /* unquoted and unescaped; valid UTF-8 (other bytes replaced) */
} JdAuthParam;

/* One challenge: a scheme and either a token68 or a list of parameters. */
typedef struct
{
  char *scheme;      /* as written; compare with jd_challenge_is_scheme() */
  char *token68;     /* nullable */
  GPtrArray *params; /* (element-type JdAuthParam), in order, never NULL */
  guint header;      /* which header value (0-based) it came from */
  gsize offset;      /* byte offset of the scheme in that value */
} JdChallenge;

#define JD_TYPE_CHALLENGE (jd_challenge_get_type ())
GType jd_challenge_get_type (void) G_GNUC_CONST;
JdChallenge *jd_challenge_copy (const JdChallenge *self);
void jd_challenge_free (JdChallenge *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdChallenge, jd_challenge_free)

gboolean jd_challenge_is_scheme (const JdChallenge *self,
                                 const char *scheme); /* case-insensitive */
/* The value of parameter @name (case-insensitive), nullable. */
const char *jd_challenge_get_param (const JdChallenge *self, const char *name);

/* Parses one WWW-Authenticate (or Proxy-Authenticate) field value.
 * @len may be -1 for a NUL-terminated value. On error the message names
 * the byte ("byte 17: '\"' …"), and *error_offset (if not NULL) holds it.
 * Returns: (transfer full) (element-type JdChallenge): never empty. */
GPtrArray *jd_www_authenticate_parse (const char *value, gssize len, gsize *error_offset,
                                      GError **error);

/* Parses several field values (a response may carry the header more than
 * once) into one list; messages start with "header 2, byte 17: …" when
 * there is more than one value. Only the first JD_HEADERS_MAX_COUNT values
 * are read (as many as a JdResponse keeps); when there are more,
 * *@left_out (nullable; NULL otherwise) says so ("headers 501 to 4096: …"). */
GPtrArray *jd_www_authenticate_parse_all (const char *const *values, char **left_out,
                                          GError **error);

/* RFC 6750 §3.1 error codes. */
typedef enum
{
  JD_BEARER_ERROR_NONE, /* no error parameter */
  JD_BEARER_ERROR_INVALID_REQUEST,
  JD_BEARER_ERROR_INVALID_TOKEN,
  JD_BEARER_ERROR_INSUFFICIENT_SCOPE,
  JD_BEARER_ERROR_OTHER, /* an error code RFC 6750 does not define */
} JdBearerError;

JdBearerError jd_bearer_error_from_string (const char *error); /* nullable: NONE */
/* What the error code means (translated, one paragraph); NULL for NONE. */
const char *jd_bearer_error_explain (JdBearerError error);
/* The status code RFC 6750 §3.1 gives the error (400, 401, 403), 0 when none. */
guint jd_bearer_error_status (JdBearerError error);

/* A person-readable account of one challenge: the scheme, realm, the
 * error explained, error_description, error_uri, scope. Translated. */
char *jd_challenge_describe (const JdChallenge *self);

/* Whether byte @c may be part of an HTTP token (RFC 9110 §5.6.2 tchar):
 * a header field name, a method, an authentication scheme or parameter name. */
gboolean jd_http_is_tchar (guchar c);

/* Every finding the response shows, sorted with jd_finding_compare():
 * the status (401 vs 403), the WWW-Authenticate challenges (or their
 * absence), RFC 6750 errors, scopes the token lacks, and the server's
 * clock against @expect->now.
 * @token (nullable): the token the request carried.
 * @expect (nullable): jd_expectations_new() defaults.
 * Returns: (transfer full) (element-type JdFinding) */
GPtrArray *jd_response_diagnose (JdResponse *response, JdToken *token,
                                 const JdExpectations *expect);

/* jd_response_diagnose(), with the server's Date compared with *@sent_at
 * (unix seconds), the moment the request went out, instead of
 * @expect->now: for a recorded exchange (a HAR entry's startedDateTime)
 * judged at another instant (--now).
 * @sent_at (nullable): NULL when that moment is not known; the clocks are
 * then not compared.
 * Returns: (transfer full) (element-type JdFinding) */
GPtrArray *jd_response_diagnose_sent (JdResponse *response, JdToken *token,
                                      const JdExpectations *expect, const gint64 *sent_at);

G_END_DECLS
