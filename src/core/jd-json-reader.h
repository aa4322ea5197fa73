/* jd-json-reader.h — a strict pull reader for JSON held in memory
 *
 * For JSON too big to hold as a tree (a HAR of 100 MB): the reader walks the
 * bytes of a buffer (typically a mapped file) one token at a time and keeps
 * nothing but a stack of open containers. Strings are not copied unless asked
 * for; their raw span can be kept and decoded later with jd_json_unescape().
 *
 * The grammar is RFC 8259's, strictly: no comments, no trailing commas, no
 * leading zeros, no control characters in strings, UTF-8 validated. Member
 * names are not checked for duplicates (that is the caller's business).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define JD_JSON_READER_ERROR (jd_json_reader_error_quark ())
GQuark jd_json_reader_error_quark (void);

typedef enum
{
  JD_JSON_READER_ERROR_SYNTAX,    /* not JSON at this byte */
  JD_JSON_READER_ERROR_TRUNCATED, /* the data ends inside a value */
  JD_JSON_READER_ERROR_UTF8,      /* a string holds bytes that are not UTF-8 */
  JD_JSON_READER_ERROR_TOO_DEEP,  /* more nested containers than the limit */
  JD_JSON_READER_ERROR_TOO_LONG,  /* a string longer than the limit */
  JD_JSON_READER_ERROR_EMPTY,     /* no value at all */
} JdJsonReaderError;

typedef enum
{
  JD_JSON_TOKEN_ERROR, /* see jd_json_reader_get_error(); the reader stays here */
  JD_JSON_TOKEN_END,   /* the document ended after its one value */
  JD_JSON_TOKEN_BEGIN_OBJECT,
  JD_JSON_TOKEN_END_OBJECT,
  JD_JSON_TOKEN_BEGIN_ARRAY,
  JD_JSON_TOKEN_END_ARRAY,
  JD_JSON_TOKEN_MEMBER, /* a member name; the next token is its value */
  JD_JSON_TOKEN_STRING,
  JD_JSON_TOKEN_NUMBER,
  JD_JSON_TOKEN_TRUE,
  JD_JSON_TOKEN_FALSE,
  JD_JSON_TOKEN_NULL,
} JdJsonToken;

typedef enum
{
  JD_JSON_READER_FLAGS_NONE = 0,
  JD_JSON_READER_ALLOW_BOM = 1 << 0, /* skip one leading UTF-8 byte order mark */
} JdJsonReaderFlags;

#define JD_JSON_READER_DEFAULT_MAX_DEPTH 512

typedef struct _JdJsonReader JdJsonReader;

/* @data is not copied and must outlive the reader; it need not be
 * NUL-terminated. max_depth 0 means JD_JSON_READER_DEFAULT_MAX_DEPTH,
 * max_string_length 0 means no limit (other than the data's size). */
JdJsonReader *jd_json_reader_new (const char *data, gsize len, JdJsonReaderFlags flags);
void jd_json_reader_free (JdJsonReader *self);
void jd_json_reader_set_limits (JdJsonReader *self, guint max_depth, gsize max_string_length);

/* Reads the next token. After JD_JSON_TOKEN_ERROR or JD_JSON_TOKEN_END every
 * further call returns the same. */
JdJsonToken jd_json_reader_next (JdJsonReader *self);
/* The current token again, without reading. */
JdJsonToken jd_json_reader_peek_token (JdJsonReader *self);
/* Skips the value whose first token was just read (a whole object or
 * array after BEGIN_*; nothing for a scalar). Returns FALSE on error. */
gboolean jd_json_reader_skip (JdJsonReader *self);

/* For STRING and MEMBER: the decoded text, NUL-terminated, valid UTF-8,
 * valid until the next call on the reader. @len (nullable) receives the
 * length in bytes (the text may contain U+0000). */
const char *jd_json_reader_get_string (JdJsonReader *self, gsize *len);
char *jd_json_reader_dup_string (JdJsonReader *self);
/* For STRING and MEMBER: TRUE when the decoded text is exactly @str
 * (fast when the string has no escapes). */
gboolean jd_json_reader_string_equal (JdJsonReader *self, const char *str);
/* For STRING and MEMBER: the raw bytes between the quotes (offset into the
 * data, length), for decoding later with jd_json_unescape(). Returns TRUE
 * when the raw bytes contain escapes. */
gboolean jd_json_reader_get_raw_string (JdJsonReader *self, gsize *offset, gsize *len);
/* For NUMBER: the value (±HUGE_VAL on overflow, as strtod), and the raw text. */
double jd_json_reader_get_double (JdJsonReader *self);
gboolean jd_json_reader_get_int64 (JdJsonReader *self,
                                   gint64 *value); /* FALSE when not an integer in range */
const char *jd_json_reader_get_number_text (JdJsonReader *self, gsize *len);

/* Where the current token starts, as a byte offset into the data. */
gsize jd_json_reader_get_offset (JdJsonReader *self);
/* How far the reader has come (for progress). */
gsize jd_json_reader_get_position (JdJsonReader *self);
guint jd_json_reader_get_depth (JdJsonReader *self);

/* After JD_JSON_TOKEN_ERROR: the error (transfer none) and its offset.
 * Messages read "byte 1234 (line 7, column 3): expected ',' or '}' after an
 * object member, found 'x'". */
const GError *jd_json_reader_get_error (JdJsonReader *self);
gsize jd_json_reader_get_error_offset (JdJsonReader *self);

/* Decodes the raw bytes of a string (as returned by
 * jd_json_reader_get_raw_string(), already validated) and appends them to
 * @out. Lone surrogate escapes become U+FFFD. */
void jd_json_unescape (const char *raw, gsize len, GString *out);

/* Line and column (both 1-based, column counted in characters) of @offset. */
void jd_json_offset_to_line_column (const char *data, gsize len, gsize offset, guint *line,
                                    guint *column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdJsonReader, jd_json_reader_free)

G_END_DECLS
