/* jd-json.h — strict JSON (RFC 8259) for JOSE: positions, duplicates, depth
 *
 * json-glib accepts duplicate member names silently and reports errors by
 * line and column of a "<data>" stream; JOSE needs to reject duplicates
 * (RFC 7515 §4) and to say at which byte a token's JSON went wrong. This
 * parser builds json-glib nodes, so the rest of the code keeps json-glib's API.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define JD_JSON_ERROR (jd_json_error_quark ())
GQuark jd_json_error_quark (void);

typedef enum
{
  JD_JSON_ERROR_SYNTAX,
  JD_JSON_ERROR_DUPLICATE_MEMBER,
  JD_JSON_ERROR_TOO_DEEP,
  JD_JSON_ERROR_UTF8,
  JD_JSON_ERROR_EMPTY,
} JdJsonError;

#define JD_JSON_MAX_DEPTH 128

/* Strings cannot hold U+0000 (json-glib's are NUL-terminated), yet a claim
 * may: "ali\u0000ce". The parser writes U+0000 as this mark (U+FDD1, a
 * noncharacter, Unicode's own "for internal use") followed by '0', and a
 * real U+FDD1 as the mark twice; the writer turns both back, so every
 * string round-trips exactly. jd_json_unmark() gives the text to show. */
#define JD_JSON_NUL_MARK "\xef\xb7\x91"
#define JD_JSON_NUL_MARK_CHAR 0xFDD1
/* @text with U+0000 shown as the six characters \u0000 (transfer full). */
char *jd_json_unmark (const char *text);

typedef enum
{
  JD_JSON_FLAGS_NONE = 0,
  JD_JSON_ALLOW_DUPLICATES
  = 1 << 0,                   /* keep the last value (RFC 7159 behaviour) instead of failing */
  JD_JSON_ALLOW_BOM = 1 << 1, /* skip a leading UTF-8 byte order mark */
} JdJsonFlags;

/* Parses exactly one JSON value (surrounding whitespace allowed).
 * On error, *error_offset (if not NULL) is the byte offset of the problem
 * and the message reads "byte 17: expected ':' after member name". */
JsonNode *jd_json_parse (const char *data, gsize len, JdJsonFlags flags, gsize *error_offset,
                         GError **error);

/* Pretty-prints with two-space indentation (for display and reports). */
char *jd_json_to_string (JsonNode *node, gboolean pretty);

G_END_DECLS
