/* jd-token.h — a compact JWS / JWE as a person pasted it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define JD_TOKEN_ERROR (jd_token_error_quark ())
GQuark jd_token_error_quark (void);

typedef enum
{
  JD_TOKEN_ERROR_EMPTY,
  JD_TOKEN_ERROR_TOO_LARGE,
  JD_TOKEN_ERROR_SEGMENTS,         /* not 3 (JWS) or 5 (JWE) dot-separated segments */
  JD_TOKEN_ERROR_BASE64,           /* a segment is not base64url */
  JD_TOKEN_ERROR_JSON,             /* header (or payload) is not JSON */
  JD_TOKEN_ERROR_NOT_OBJECT,       /* header or payload JSON is not an object */
  JD_TOKEN_ERROR_DUPLICATE_MEMBER, /* the same member name twice (RFC 7515 §4: rejected) */
  JD_TOKEN_ERROR_HEADER,           /* header lacks a string "alg", or alg/crit/… are wrong */
  JD_TOKEN_ERROR_UTF8,             /* decoded JSON is not valid UTF-8 */
  JD_TOKEN_ERROR_CRITICAL,         /* "crit" names an extension no verifier here understands */
  JD_TOKEN_ERROR_GLUED,            /* two tokens back to back: "h.p.sh.p.s" */
} JdTokenError;

typedef enum
{
  JD_TOKEN_KIND_UNKNOWN,   /* could not tell: the header did not decode */
  JD_TOKEN_KIND_JWS,       /* signed: 3 segments, alg is not "none" */
  JD_TOKEN_KIND_UNSECURED, /* 3 segments, alg "none" (RFC 7519 §6) */
  JD_TOKEN_KIND_JWE,       /* 5 segments, encrypted: only the protected header is readable */
} JdTokenKind;

/* Segment indices in the compact serialization. */
enum
{
  JD_SEGMENT_HEADER = 0,
  JD_SEGMENT_PAYLOAD = 1,
  JD_SEGMENT_SIGNATURE = 2, /* JWS; in a JWE, 1..4 are key, iv, ciphertext, tag */
};

/* Byte offsets into jd_token_get_text(), end exclusive. */
typedef struct
{
  gsize start;
  gsize end;
} JdRange;

/* Something wrong with the token's bytes. Every problem names a place. */
typedef struct
{
  JdTokenError code;
  int segment;    /* 0-based segment, or -1 for the token as a whole */
  gsize offset;   /* byte offset of the bad byte in jd_token_get_text() */
  gsize length;   /* how many bytes to underline (≥ 1 unless the text is empty) */
  char *message;  /* translated: "segment 2 (payload), byte 17: '*' is not base64url" */
  gboolean fatal; /* the segment could not be decoded at all */
} JdTokenProblem;

#define JD_TOKEN_MAX_SIZE (16 * 1024 * 1024) /* bytes; larger input is refused with a message */

#define JD_TYPE_TOKEN (jd_token_get_type ())
G_DECLARE_FINAL_TYPE (JdToken, jd_token, JD, TOKEN, GObject)

/* Never returns NULL: a token that cannot be decoded is still a token that
 * carries its problems, so a report can always be made. @text is the
 * compact serialization alone (see jd-input.h for everything around it). */
JdToken *jd_token_parse (const char *text, gssize len);

const char *jd_token_get_text (JdToken *self);
gsize jd_token_get_length (JdToken *self);
JdTokenKind jd_token_get_kind (JdToken *self);
guint jd_token_get_n_segments (JdToken *self);
gboolean jd_token_get_segment_range (JdToken *self, guint segment, JdRange *range);

/* Problems, in order of position. Empty when the token is well-formed. */
GPtrArray *
jd_token_get_problems (JdToken *self); /* (element-type JdTokenProblem) (transfer none) */
gboolean jd_token_is_malformed (JdToken *self);
/* The first problem that makes a verifier reject the token before its
 * signature (base64url, segments, size, an unknown "crit" extension),
 * without reading the payload's JSON. Nullable. */
const JdTokenProblem *jd_token_get_encoding_problem (JdToken *self);

/* The decoded header; NULL when it could not be decoded. */
JsonObject *jd_token_get_header (JdToken *self);
const char *jd_token_get_alg (JdToken *self); /* nullable */
const char *jd_token_get_kid (JdToken *self); /* nullable */
const char *jd_token_get_typ (JdToken *self); /* nullable */
const char *jd_token_get_cty (JdToken *self); /* nullable */
gboolean jd_token_is_nested (JdToken *self);  /* cty is "JWT" (RFC 7519 §5.2) */

/* The payload: claims when it is a JSON object; otherwise NULL, and the
 * decoded bytes are available as text (valid UTF-8 or NULL). For a JWE
 * both are NULL. */
JsonObject *jd_token_get_claims (JdToken *self);
JsonNode *jd_token_get_payload_node (JdToken *self);   /* any JSON value, nullable */
const char *jd_token_get_payload_text (JdToken *self); /* nullable */

/* The decoded signature (JWS) — empty for alg none, NULL when undecodable. */
GBytes *jd_token_get_signature (JdToken *self);
/* ASCII(BASE64URL(header) || '.' || BASE64URL(payload)), RFC 7515 §5.2 */
GBytes *jd_token_get_signing_input (JdToken *self);

G_END_DECLS
