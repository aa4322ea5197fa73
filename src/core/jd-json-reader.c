/* jd-json-reader.c — a strict pull reader for JSON held in memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "jd-finding.h"
#include "jd-json-reader.h"

G_DEFINE_QUARK (jd - json - reader - error - quark, jd_json_reader_error)

typedef enum
{
  ST_START,        /* the top-level value comes next */
  ST_TOP_END,      /* after the top-level value: only whitespace may follow */
  ST_OBJECT_FIRST, /* after '{': a member name or '}' */
  ST_ARRAY_FIRST,  /* after '[': a value or ']' */
  ST_AFTER_MEMBER, /* after a member name: ':' and a value */
  ST_AFTER_VALUE,  /* inside a container after a value: ',' or the closing bracket */
  ST_DONE,         /* END or ERROR was returned */
} State;

struct _JdJsonReader
{
  const guchar *data;
  gsize len;
  gsize pos;

  State state;
  JdJsonToken token;
  gsize tok_start; /* first byte of the current token */
  gsize raw_start; /* strings: first byte after the opening quote; numbers: first byte */
  gsize raw_len;
  gboolean escaped; /* the current string has backslash escapes */
  gboolean decoded; /* scratch holds the current string decoded */

  guint8 *stack; /* 1 = object, 0 = array */
  guint depth;
  guint stack_size;
  guint max_depth;
  gsize max_string_length;

  GString *scratch;
  GError *error;
  gsize error_offset;
};

/* Byte classes inside a string: 0 plain ASCII, 1 '"', 2 '\\', 3 control, 4 non-ASCII. */
static const guint8 string_class[256] = {
  3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
  0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
  4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
  4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
  4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
};

JdJsonReader *
jd_json_reader_new (const char *data, gsize len, JdJsonReaderFlags flags)
{
  JdJsonReader *self;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  self = g_new0 (JdJsonReader, 1);
  self->data = (const guchar *)data;
  self->len = len;
  self->state = ST_START;
  self->token = JD_JSON_TOKEN_ERROR;
  self->max_depth = JD_JSON_READER_DEFAULT_MAX_DEPTH;
  self->scratch = g_string_new (NULL);

  if ((flags & JD_JSON_READER_ALLOW_BOM) != 0 && len >= 3 && self->data[0] == 0xEF
      && self->data[1] == 0xBB && self->data[2] == 0xBF)
    self->pos = 3;

  return self;
}

void
jd_json_reader_free (JdJsonReader *self)
{
  if (self == NULL)
    return;

  g_free (self->stack);
  g_string_free (self->scratch, TRUE);
  g_clear_error (&self->error);
  g_free (self);
}

void
jd_json_reader_set_limits (JdJsonReader *self, guint max_depth, gsize max_string_length)
{
  g_return_if_fail (self != NULL);

  self->max_depth = max_depth > 0 ? max_depth : JD_JSON_READER_DEFAULT_MAX_DEPTH;
  self->max_string_length = max_string_length;
}

static char *
describe_byte (JdJsonReader *self, gsize offset)
{
  if (offset >= self->len)
    return g_strdup (_ ("the end of the data"));
  return jd_describe_byte (self->data[offset]);
}

G_GNUC_PRINTF (4, 5)
static JdJsonToken
fail (JdJsonReader *self, JdJsonReaderError code, gsize offset, const char *format, ...)
{
  g_autofree char *what = NULL;
  va_list args;
  guint line = 0;
  guint column = 0;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  jd_json_offset_to_line_column ((const char *)self->data, self->len, offset, &line, &column);

  g_clear_error (&self->error);
  self->error = g_error_new (JD_JSON_READER_ERROR, code, _ ("byte %zu (line %u, column %u): %s"),
                             (gsize)offset, line, column, what);
  self->error_offset = offset;
  self->state = ST_DONE;
  self->token = JD_JSON_TOKEN_ERROR;
  return JD_JSON_TOKEN_ERROR;
}

static inline void
skip_whitespace (JdJsonReader *self)
{
  const guchar *d = self->data;
  gsize p = self->pos;
  gsize n = self->len;

  while (p < n && (d[p] == ' ' || d[p] == '\n' || d[p] == '\r' || d[p] == '\t'))
    p++;
  self->pos = p;
}

static inline void
after_scalar (JdJsonReader *self)
{
  self->state = self->depth == 0 ? ST_TOP_END : ST_AFTER_VALUE;
}

/* Length of the valid UTF-8 sequence at @s (1-4), or 0 when it is not one;
 * *truncated is set when the data ends inside an otherwise valid prefix. */
static inline guint
utf8_sequence (const guchar *s, gsize avail, gboolean *truncated)
{
  guchar c = s[0];
  guchar lo = 0x80;
  guchar hi = 0xBF;
  guint n;

  *truncated = FALSE;

  if (c < 0x80)
    return 1;
  else if (c >= 0xC2 && c <= 0xDF)
    n = 2;
  else if (c >= 0xE0 && c <= 0xEF)
    {
      n = 3;
      if (c == 0xE0)
        lo = 0xA0;
      else if (c == 0xED)
        hi = 0x9F;
    }
  else if (c >= 0xF0 && c <= 0xF4)
    {
      n = 4;
      if (c == 0xF0)
        lo = 0x90;
      else if (c == 0xF4)
        hi = 0x8F;
    }
  else
    return 0;

  for (guint i = 1; i < n; i++)
    {
      guchar b;

      if (i >= avail)
        {
          *truncated = TRUE;
          return 0;
        }
      b = s[i];
      if (i == 1 ? (b < lo || b > hi) : (b & 0xC0) != 0x80)
        return 0;
    }

  return n;
}

static inline gboolean
is_hex (guchar c)
{
  return g_ascii_isxdigit (c);
}

static JdJsonToken
fail_unclosed (JdJsonReader *self, gsize start)
{
  return fail (self, JD_JSON_READER_ERROR_TRUNCATED, self->len,
               _ ("the data ends inside the string that starts at byte %zu"), start);
}

/* @p is at a backslash inside the string that starts at @start. Returns
 * the position after the escape, or 0 after failing. */
static inline gsize
scan_escape (JdJsonReader *self, gsize p, gsize start)
{
  const guchar *d = self->data;
  gsize n = self->len;

  if (p + 1 >= n)
    {
      fail_unclosed (self, start);
      return 0;
    }
  switch (d[p + 1])
    {
      case '"':
      case '\\':
      case '/':
      case 'b':
      case 'f':
      case 'n':
      case 'r':
      case 't':
        return p + 2;

      case 'u':
        for (guint i = 0; i < 4; i++)
          {
            if (p + 2 + i >= n)
              {
                fail_unclosed (self, start);
                return 0;
              }
            if (!is_hex (d[p + 2 + i]))
              {
                fail (self, JD_JSON_READER_ERROR_SYNTAX, p,
                      _ ("'\\u' must be followed by four hexadecimal digits"));
                return 0;
              }
          }
        return p + 6;

      default:
        {
          g_autofree char *what = describe_byte (self, p + 1);
          fail (self, JD_JSON_READER_ERROR_SYNTAX, p,
                _ ("a backslash followed by %s is not a JSON escape"), what);
          return 0;
        }
    }
}

/* @p is at a byte that is neither a quote nor a backslash nor plain
 * ASCII. Returns the position after its UTF-8 sequence, or 0 after
 * failing. */
static inline gsize
scan_other (JdJsonReader *self, gsize p, gsize start)
{
  const guchar *d = self->data;
  guchar c = d[p];
  gboolean truncated;
  guint len;

  if (c < 0x20)
    {
      fail (self, JD_JSON_READER_ERROR_SYNTAX, p,
            _ ("control character U+%04X must be escaped inside a string"), c);
      return 0;
    }
  len = utf8_sequence (d + p, self->len - p, &truncated);
  if (len == 0)
    {
      if (truncated)
        {
          fail_unclosed (self, start);
          return 0;
        }
      {
        fail (self, JD_JSON_READER_ERROR_UTF8, p, _ ("byte 0x%02X in a string is not UTF-8"), c);
        return 0;
      }
    }
  return p + len;
}

static JdJsonToken
scan_string (JdJsonReader *self, JdJsonToken token)
{
  const guchar *d = self->data;
  gsize n = self->len;
  gsize start = self->pos;
  gsize p = start + 1;
  gboolean escaped = FALSE;

  g_assert (d[start] == '"');

  for (;;)
    {
      while (p < n && string_class[d[p]] == 0)
        p++;

      if (p >= n)
        return fail_unclosed (self, start);
      if (d[p] == '"')
        break;
      if (d[p] == '\\')
        {
          escaped = TRUE;
          p = scan_escape (self, p, start);
        }
      else
        p = scan_other (self, p, start);
      if (p == 0)
        return JD_JSON_TOKEN_ERROR;
    }

  self->raw_start = start + 1;
  self->raw_len = p - (start + 1);
  self->escaped = escaped;
  self->decoded = FALSE;
  self->pos = p + 1;

  if (self->max_string_length > 0 && self->raw_len > self->max_string_length)
    return fail (self, JD_JSON_READER_ERROR_TOO_LONG, start,
                 _ ("a string of %zu bytes is longer than the limit of %zu bytes"), self->raw_len,
                 self->max_string_length);

  self->token = token;
  return token;
}

static JdJsonToken
scan_number (JdJsonReader *self)
{
  const guchar *d = self->data;
  gsize n = self->len;
  gsize start = self->pos;
  gsize p = start;

  if (d[p] == '-')
    p++;

  if (p >= n)
    return fail (self, JD_JSON_READER_ERROR_TRUNCATED, n, _ ("the data ends inside a number"));

  if (d[p] == '0')
    {
      p++;
      if (p < n && g_ascii_isdigit (d[p]))
        return fail (self, JD_JSON_READER_ERROR_SYNTAX, start,
                     _ ("a number may not start with a leading zero"));
    }
  else if (d[p] >= '1' && d[p] <= '9')
    {
      while (p < n && g_ascii_isdigit (d[p]))
        p++;
    }
  else
    {
      g_autofree char *what = describe_byte (self, p);
      return fail (self, JD_JSON_READER_ERROR_SYNTAX, p,
                   _ ("expected a digit in a number, found %s"), what);
    }

  if (p < n && d[p] == '.')
    {
      p++;
      if (p >= n)
        return fail (self, JD_JSON_READER_ERROR_TRUNCATED, n, _ ("the data ends inside a number"));
      if (!g_ascii_isdigit (d[p]))
        {
          g_autofree char *what = describe_byte (self, p);
          return fail (self, JD_JSON_READER_ERROR_SYNTAX, p,
                       _ ("expected a digit after '.' in a number, found %s"), what);
        }
      while (p < n && g_ascii_isdigit (d[p]))
        p++;
    }

  if (p < n && (d[p] == 'e' || d[p] == 'E'))
    {
      p++;
      if (p < n && (d[p] == '+' || d[p] == '-'))
        p++;
      if (p >= n)
        return fail (self, JD_JSON_READER_ERROR_TRUNCATED, n, _ ("the data ends inside a number"));
      if (!g_ascii_isdigit (d[p]))
        {
          g_autofree char *what = describe_byte (self, p);
          return fail (self, JD_JSON_READER_ERROR_SYNTAX, p,
                       _ ("expected a digit in the exponent of a number, found %s"), what);
        }
      while (p < n && g_ascii_isdigit (d[p]))
        p++;
    }

  self->raw_start = start;
  self->raw_len = p - start;
  self->pos = p;
  self->token = JD_JSON_TOKEN_NUMBER;
  after_scalar (self);
  return JD_JSON_TOKEN_NUMBER;
}

static JdJsonToken
scan_literal (JdJsonReader *self, const char *word, JdJsonToken token)
{
  gsize wlen = strlen (word);
  gsize avail = self->len - self->pos;
  gsize cmp = MIN (wlen, avail);

  if (memcmp (self->data + self->pos, word, cmp) == 0 && cmp < wlen)
    return fail (self, JD_JSON_READER_ERROR_TRUNCATED, self->len, _ ("the data ends inside '%s'"),
                 word);

  if (memcmp (self->data + self->pos, word, cmp) != 0)
    {
      g_autofree char *what = describe_byte (self, self->pos);
      return fail (
        self, JD_JSON_READER_ERROR_SYNTAX, self->pos,
        _ ("expected a value (a string, number, object, array, true, false or null), found %s"),
        what);
    }

  self->pos += wlen;
  self->token = token;
  after_scalar (self);
  return token;
}

static JdJsonToken
push (JdJsonReader *self, gboolean object)
{
  if (self->depth >= self->max_depth)
    return fail (self, JD_JSON_READER_ERROR_TOO_DEEP, self->pos,
                 _ ("more than %u nested objects and arrays"), self->max_depth);

  if (self->depth >= self->stack_size)
    {
      self->stack_size = MAX (64, self->stack_size * 2);
      self->stack = g_realloc (self->stack, self->stack_size);
    }
  self->stack[self->depth++] = object ? 1 : 0;
  self->pos++;

  if (object)
    {
      self->state = ST_OBJECT_FIRST;
      self->token = JD_JSON_TOKEN_BEGIN_OBJECT;
    }
  else
    {
      self->state = ST_ARRAY_FIRST;
      self->token = JD_JSON_TOKEN_BEGIN_ARRAY;
    }
  return self->token;
}

static JdJsonToken
pop (JdJsonReader *self)
{
  g_assert (self->depth > 0);

  self->depth--;
  self->token = self->stack[self->depth] ? JD_JSON_TOKEN_END_OBJECT : JD_JSON_TOKEN_END_ARRAY;
  self->pos++;
  after_scalar (self);
  return self->token;
}

static JdJsonToken
read_value (JdJsonReader *self)
{
  if (self->pos >= self->len)
    {
      if (self->depth == 0)
        return fail (self, JD_JSON_READER_ERROR_EMPTY, self->pos, _ ("there is no JSON value"));
      return fail (self, JD_JSON_READER_ERROR_TRUNCATED, self->pos,
                   _ ("the data ends where a value was expected"));
    }

  switch (self->data[self->pos])
    {
      case '{':
        return push (self, TRUE);

      case '[':
        return push (self, FALSE);

      case '"':
        if (scan_string (self, JD_JSON_TOKEN_STRING) == JD_JSON_TOKEN_ERROR)
          return JD_JSON_TOKEN_ERROR;
        after_scalar (self);
        return JD_JSON_TOKEN_STRING;

      case 't':
        return scan_literal (self, "true", JD_JSON_TOKEN_TRUE);

      case 'f':
        return scan_literal (self, "false", JD_JSON_TOKEN_FALSE);

      case 'n':
        return scan_literal (self, "null", JD_JSON_TOKEN_NULL);

      case '-':
      case '0':
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7':
      case '8':
      case '9':
        return scan_number (self);

      default:
        {
          g_autofree char *what = describe_byte (self, self->pos);
          return fail (
            self, JD_JSON_READER_ERROR_SYNTAX, self->pos,
            _ ("expected a value (a string, number, object, array, true, false or null), found %s"),
            what);
        }
    }
}

static JdJsonToken
read_member (JdJsonReader *self)
{
  if (scan_string (self, JD_JSON_TOKEN_MEMBER) == JD_JSON_TOKEN_ERROR)
    return JD_JSON_TOKEN_ERROR;
  self->state = ST_AFTER_MEMBER;
  return JD_JSON_TOKEN_MEMBER;
}

/* After the top-level value: only the end of the data. */
static inline JdJsonToken
next_top_end (JdJsonReader *self)
{
  g_autofree char *what = NULL;

  if (self->pos >= self->len)
    {
      self->state = ST_DONE;
      self->token = JD_JSON_TOKEN_END;
      return JD_JSON_TOKEN_END;
    }
  what = describe_byte (self, self->pos);
  return fail (self, JD_JSON_READER_ERROR_SYNTAX, self->pos,
               _ ("%s after the end of the JSON value"), what);
}

/* After '{': a member name or '}'. */
static inline JdJsonToken
next_object_first (JdJsonReader *self, guchar c)
{
  g_autofree char *what = NULL;

  if (self->pos >= self->len)
    return fail (self, JD_JSON_READER_ERROR_TRUNCATED, self->pos,
                 _ ("the data ends inside an object"));
  if (c == '}')
    return pop (self);
  if (c == '"')
    return read_member (self);
  what = describe_byte (self, self->pos);
  return fail (self, JD_JSON_READER_ERROR_SYNTAX, self->pos,
               _ ("expected a member name in double quotes or '}', found %s"), what);
}

/* After a member name: ':' and a value. */
static inline JdJsonToken
next_after_member (JdJsonReader *self, guchar c)
{
  if (c != ':')
    {
      g_autofree char *what = describe_byte (self, self->pos);
      if (self->pos >= self->len)
        return fail (self, JD_JSON_READER_ERROR_TRUNCATED, self->pos,
                     _ ("the data ends inside an object"));
      return fail (self, JD_JSON_READER_ERROR_SYNTAX, self->pos,
                   _ ("expected ':' after a member name, found %s"), what);
    }
  self->pos++;
  skip_whitespace (self);
  self->tok_start = self->pos;
  return read_value (self);
}

/* self->pos is at a ',' after a value: the next element or member. */
static inline JdJsonToken
next_after_comma (JdJsonReader *self, gboolean in_object)
{
  gsize comma = self->pos;
  g_autofree char *what = NULL;
  guchar c;

  self->pos++;
  skip_whitespace (self);
  self->tok_start = self->pos;
  c = self->pos < self->len ? self->data[self->pos] : 0;

  if (self->pos < self->len && c == (in_object ? '}' : ']'))
    return fail (self, JD_JSON_READER_ERROR_SYNTAX, comma, _ ("a comma before '%c' is not allowed"),
                 c);

  if (!in_object)
    return read_value (self);

  if (self->pos >= self->len)
    return fail (self, JD_JSON_READER_ERROR_TRUNCATED, self->pos,
                 _ ("the data ends inside an object"));
  if (c == '"')
    return read_member (self);
  what = describe_byte (self, self->pos);
  return fail (self, JD_JSON_READER_ERROR_SYNTAX, self->pos,
               _ ("expected a member name in double quotes after ',', found %s"), what);
}

/* Inside a container after a value: ',' or the closing bracket. */
static inline JdJsonToken
next_after_value (JdJsonReader *self, guchar c)
{
  gboolean in_object = self->stack[self->depth - 1] != 0;
  g_autofree char *what = NULL;

  if (self->pos >= self->len)
    return fail (self, JD_JSON_READER_ERROR_TRUNCATED, self->pos,
                 in_object ? _ ("the data ends inside an object")
                           : _ ("the data ends inside an array"));
  if (c == ',')
    return next_after_comma (self, in_object);
  if (c == (in_object ? '}' : ']'))
    return pop (self);

  what = describe_byte (self, self->pos);
  return fail (self, JD_JSON_READER_ERROR_SYNTAX, self->pos,
               in_object ? _ ("expected ',' or '}' after an object member, found %s")
                         : _ ("expected ',' or ']' after an array element, found %s"),
               what);
}

JdJsonToken
jd_json_reader_next (JdJsonReader *self)
{
  guchar c;

  g_return_val_if_fail (self != NULL, JD_JSON_TOKEN_ERROR);

  if (self->state == ST_DONE)
    return self->token;

  skip_whitespace (self);
  self->tok_start = self->pos;
  c = self->pos < self->len ? self->data[self->pos] : 0;

  switch (self->state)
    {
      case ST_START:
        return read_value (self);
      case ST_TOP_END:
        return next_top_end (self);
      case ST_OBJECT_FIRST:
        return next_object_first (self, c);
      case ST_ARRAY_FIRST:
        if (c == ']')
          return pop (self);
        return read_value (self);
      case ST_AFTER_MEMBER:
        return next_after_member (self, c);
      case ST_AFTER_VALUE:
        return next_after_value (self, c);
      case ST_DONE:
      default:
        g_assert_not_reached ();
    }

  return JD_JSON_TOKEN_ERROR;
}

JdJsonToken
jd_json_reader_peek_token (JdJsonReader *self)
{
  g_return_val_if_fail (self != NULL, JD_JSON_TOKEN_ERROR);

  return self->token;
}

gboolean
jd_json_reader_skip (JdJsonReader *self)
{
  guint target;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->token == JD_JSON_TOKEN_ERROR)
    return FALSE;

  if (self->token == JD_JSON_TOKEN_MEMBER)
    {
      /* skip the member's value */
      JdJsonToken t = jd_json_reader_next (self);

      if (t == JD_JSON_TOKEN_ERROR)
        return FALSE;
    }

  if (self->token != JD_JSON_TOKEN_BEGIN_OBJECT && self->token != JD_JSON_TOKEN_BEGIN_ARRAY)
    return TRUE;

  target = self->depth - 1;
  for (;;)
    {
      JdJsonToken t = jd_json_reader_next (self);

      if (t == JD_JSON_TOKEN_ERROR)
        return FALSE;
      if ((t == JD_JSON_TOKEN_END_OBJECT || t == JD_JSON_TOKEN_END_ARRAY) && self->depth == target)
        return TRUE;
    }
}

const char *
jd_json_reader_get_string (JdJsonReader *self, gsize *len)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->token == JD_JSON_TOKEN_STRING || self->token == JD_JSON_TOKEN_MEMBER,
                        NULL);

  if (!self->decoded)
    {
      g_string_truncate (self->scratch, 0);
      if (self->escaped)
        jd_json_unescape ((const char *)self->data + self->raw_start, self->raw_len, self->scratch);
      else
        g_string_append_len (self->scratch, (const char *)self->data + self->raw_start,
                             self->raw_len);
      self->decoded = TRUE;
    }

  if (len != NULL)
    *len = self->scratch->len;
  return self->scratch->str;
}

char *
jd_json_reader_dup_string (JdJsonReader *self)
{
  gsize len;
  const char *s;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->token == JD_JSON_TOKEN_STRING || self->token == JD_JSON_TOKEN_MEMBER,
                        NULL);

  if (!self->escaped)
    return g_strndup ((const char *)self->data + self->raw_start, self->raw_len);

  s = jd_json_reader_get_string (self, &len);
  return g_memdup2 (s, len + 1);
}

gboolean
jd_json_reader_string_equal (JdJsonReader *self, const char *str)
{
  gsize slen;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (str != NULL, FALSE);

  if (self->token != JD_JSON_TOKEN_STRING && self->token != JD_JSON_TOKEN_MEMBER)
    return FALSE;

  slen = strlen (str);
  if (!self->escaped)
    return self->raw_len == slen && memcmp (self->data + self->raw_start, str, slen) == 0;

  {
    gsize len;
    const char *s = jd_json_reader_get_string (self, &len);
    return len == slen && memcmp (s, str, slen) == 0;
  }
}

gboolean
jd_json_reader_get_raw_string (JdJsonReader *self, gsize *offset, gsize *len)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->token == JD_JSON_TOKEN_STRING || self->token == JD_JSON_TOKEN_MEMBER,
                        FALSE);

  if (offset != NULL)
    *offset = self->raw_start;
  if (len != NULL)
    *len = self->raw_len;
  return self->escaped;
}

const char *
jd_json_reader_get_number_text (JdJsonReader *self, gsize *len)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->token == JD_JSON_TOKEN_NUMBER, NULL);

  if (len != NULL)
    *len = self->raw_len;
  return (const char *)self->data + self->raw_start;
}

double
jd_json_reader_get_double (JdJsonReader *self)
{
  char buf[64];
  g_autofree char *heap = NULL;
  const char *text;

  g_return_val_if_fail (self != NULL, 0.0);
  g_return_val_if_fail (self->token == JD_JSON_TOKEN_NUMBER, 0.0);

  if (self->raw_len < sizeof buf)
    {
      memcpy (buf, self->data + self->raw_start, self->raw_len);
      buf[self->raw_len] = '\0';
      text = buf;
    }
  else
    text = heap = g_strndup ((const char *)self->data + self->raw_start, self->raw_len);

  return g_ascii_strtod (text, NULL);
}

gboolean
jd_json_reader_get_int64 (JdJsonReader *self, gint64 *value)
{
  const guchar *p;
  const guchar *end;
  gboolean negative = FALSE;
  guint64 acc = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (self->token != JD_JSON_TOKEN_NUMBER)
    return FALSE;

  p = self->data + self->raw_start;
  end = p + self->raw_len;
  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  for (; p < end; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      if (acc > (G_MAXUINT64 - 9) / 10)
        return FALSE;
      acc = acc * 10 + (*p - '0');
    }
  if (negative)
    {
      if (acc > (guint64)G_MAXINT64 + 1)
        return FALSE;
      *value = (gint64)(0 - acc);
    }
  else
    {
      if (acc > G_MAXINT64)
        return FALSE;
      *value = (gint64)acc;
    }
  return TRUE;
}

gsize
jd_json_reader_get_offset (JdJsonReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->tok_start;
}

gsize
jd_json_reader_get_position (JdJsonReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->pos;
}

guint
jd_json_reader_get_depth (JdJsonReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->depth;
}

const GError *
jd_json_reader_get_error (JdJsonReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->error;
}

gsize
jd_json_reader_get_error_offset (JdJsonReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->error_offset;
}
