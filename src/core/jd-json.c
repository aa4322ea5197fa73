/* jd-json.c — strict RFC 8259 JSON to json-glib nodes, with byte positions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "jd-json.h"

G_DEFINE_QUARK (jd - json - error - quark, jd_json_error)

typedef struct
{
  const char *data;
  gsize len;
  gsize pos;
  JdJsonFlags flags;
  guint depth;
  GError *error;
  gsize error_offset;
} Parser;

static JsonNode *parse_value (Parser *p);

G_GNUC_PRINTF (4, 5)
static void
fail (Parser *p, gsize offset, JdJsonError code, const char *format, ...)
{
  g_autofree char *what = NULL;
  va_list args;

  if (p->error != NULL)
    return;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  p->error_offset = offset;
  p->error = g_error_new (JD_JSON_ERROR, code, _ ("byte %zu: %s"), offset, what);
}

static char *
describe_here (Parser *p)
{
  guchar c;

  if (p->pos >= p->len)
    return g_strdup (_ ("the end of the text"));
  c = p->data[p->pos];
  if (c >= 0x21 && c < 0x7f)
    return g_strdup_printf ("'%c'", c);
  return g_strdup_printf ("0x%02X", c);
}

static void
skip_ws (Parser *p)
{
  while (p->pos < p->len)
    {
      char c = p->data[p->pos];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
        break;
      p->pos++;
    }
}

static gboolean
expect_literal (Parser *p, const char *word)
{
  gsize n = strlen (word);

  if (p->len - p->pos < n || memcmp (p->data + p->pos, word, n) != 0)
    {
      g_autofree char *here = describe_here (p);
      fail (p, p->pos, JD_JSON_ERROR_SYNTAX, _ ("expected a JSON value, found %s"), here);
      return FALSE;
    }
  p->pos += n;
  return TRUE;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (Parser *p, gunichar *out)
{
  gunichar v = 0;

  if (p->len - p->pos < 4)
    {
      fail (p, p->pos, JD_JSON_ERROR_SYNTAX, _ ("\\u needs four hexadecimal digits"));
      return FALSE;
    }
  for (int i = 0; i < 4; i++)
    {
      int h = hex_value (p->data[p->pos + i]);
      if (h < 0)
        {
          fail (p, p->pos + i, JD_JSON_ERROR_SYNTAX, _ ("\\u needs four hexadecimal digits"));
          return FALSE;
        }
      v = (v << 4) | h;
    }
  p->pos += 4;
  *out = v;
  return TRUE;
}

static gboolean
has_nul_mark (const char *data, gsize len)
{
  for (gsize i = 0; i + 3 <= len; i++)
    if (memcmp (data + i, JD_JSON_NUL_MARK, 3) == 0)
      return TRUE;
  return FALSE;
}

/* After "\u": four hex digits, a surrogate pair's second half, appended to
 * @s as UTF-8 (U+0000 and U+FDD1 as JD_JSON_NUL_MARK sequences). */
static inline gboolean
parse_unicode_escape (Parser *p, GString *s)
{
  gunichar u;

  if (!read_hex4 (p, &u))
    return FALSE;
  if (u >= 0xD800 && u <= 0xDBFF)
    {
      gunichar lo;
      if (p->len - p->pos < 2 || p->data[p->pos] != '\\' || p->data[p->pos + 1] != 'u')
        {
          fail (p, p->pos - 6, JD_JSON_ERROR_UTF8,
                _ ("\\u%04X is half of a surrogate pair; the other half is missing"), u);
          return FALSE;
        }
      p->pos += 2;
      if (!read_hex4 (p, &lo))
        return FALSE;
      if (lo < 0xDC00 || lo > 0xDFFF)
        {
          fail (p, p->pos - 6, JD_JSON_ERROR_UTF8,
                _ ("\\u%04X cannot follow the high surrogate \\u%04X"), lo, u);
          return FALSE;
        }
      u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
    }
  else if (u >= 0xDC00 && u <= 0xDFFF)
    {
      fail (p, p->pos - 6, JD_JSON_ERROR_UTF8, _ ("\\u%04X is a lone low surrogate"), u);
      return FALSE;
    }
  if (u == 0)
    /* json-glib strings are NUL-terminated (JD_JSON_NUL_MARK). */
    g_string_append (s, JD_JSON_NUL_MARK "0");
  else if (u == JD_JSON_NUL_MARK_CHAR)
    g_string_append (s, JD_JSON_NUL_MARK JD_JSON_NUL_MARK);
  else
    g_string_append_unichar (s, u);
  return TRUE;
}

/* p->pos is at a backslash: appends what the escape stands for. */
static inline gboolean
parse_escape (Parser *p, GString *s)
{
  guchar c;

  if (p->pos + 1 >= p->len)
    {
      fail (p, p->pos, JD_JSON_ERROR_SYNTAX, _ ("this string is never closed"));
      return FALSE;
    }
  c = p->data[p->pos + 1];
  p->pos += 2;
  switch (c)
    {
      case '"':
      case '\\':
      case '/':
        g_string_append_c (s, c);
        return TRUE;
      case 'b':
        g_string_append_c (s, '\b');
        return TRUE;
      case 'f':
        g_string_append_c (s, '\f');
        return TRUE;
      case 'n':
        g_string_append_c (s, '\n');
        return TRUE;
      case 'r':
        g_string_append_c (s, '\r');
        return TRUE;
      case 't':
        g_string_append_c (s, '\t');
        return TRUE;
      case 'u':
        return parse_unicode_escape (p, s);
      default:
        {
          g_autofree char *here = NULL;
          p->pos--;
          here = describe_here (p);
          fail (p, p->pos - 1, JD_JSON_ERROR_SYNTAX, _ ("\\%s is not a JSON escape"), here);
          return FALSE;
        }
    }
}

/* p->pos is at a byte >= 0x80: appends one valid UTF-8 sequence. */
static inline gboolean
append_utf8 (Parser *p, GString *s, guchar c)
{
  const char *seq = p->data + p->pos;
  gsize avail = p->len - p->pos;
  gsize n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;

  if (avail < n || !g_utf8_validate_len (seq, n, NULL) || c < 0xC2 || c > 0xF4)
    {
      fail (p, p->pos, JD_JSON_ERROR_UTF8, _ ("0x%02X starts no valid UTF-8 character"), c);
      return FALSE;
    }
  if (n == 3 && memcmp (seq, JD_JSON_NUL_MARK, 3) == 0)
    g_string_append (s, JD_JSON_NUL_MARK); /* a real U+FDD1 is written twice */
  g_string_append_len (s, seq, n);
  p->pos += n;
  return TRUE;
}

/* A run of plain ASCII goes in at once. */
static inline void
append_ascii_run (Parser *p, GString *s)
{
  gsize run = p->pos + 1;

  while (run < p->len && (guchar)p->data[run] < 0x80 && (guchar)p->data[run] >= 0x20
         && p->data[run] != '"' && p->data[run] != '\\')
    run++;
  g_string_append_len (s, p->data + p->pos, run - p->pos);
  p->pos = run;
}

/* Fast path: no escapes, no control characters — one copy. NULL when the
 * string needs the careful path. */
static inline char *
parse_plain_string (Parser *p)
{
  gsize start = p->pos;
  gsize end = p->pos + 1;
  gboolean ascii = TRUE;

  while (end < p->len && p->data[end] != '"' && p->data[end] != '\\'
         && (guchar)p->data[end] >= 0x20)
    ascii &= (guchar)p->data[end++] < 0x80;
  if (end < p->len && p->data[end] == '"'
      && (ascii
          || (g_utf8_validate_len (p->data + start + 1, end - start - 1, NULL)
              && !has_nul_mark (p->data + start + 1, end - start - 1))))
    {
      p->pos = end + 1;
      return g_strndup (p->data + start + 1, end - start - 1);
    }
  return NULL;
}

/* p->pos is at the opening quote. Returns a newly allocated UTF-8 string. */
static char *
parse_string (Parser *p)
{
  g_autoptr (GString) s = NULL;
  gsize start = p->pos;
  char *plain = parse_plain_string (p);

  if (plain != NULL)
    return plain;

  s = g_string_new (NULL);
  p->pos++; /* '"' */
  for (;;)
    {
      guchar c;

      if (p->pos >= p->len)
        {
          fail (p, start, JD_JSON_ERROR_SYNTAX, _ ("this string is never closed"));
          return NULL;
        }
      c = p->data[p->pos];
      if (c == '"')
        {
          p->pos++;
          return g_string_free (g_steal_pointer (&s), FALSE);
        }
      if (c < 0x20)
        {
          fail (p, p->pos, JD_JSON_ERROR_SYNTAX,
                _ ("control character 0x%02X inside a string must be escaped"), c);
          return NULL;
        }
      if (c == '\\')
        {
          if (!parse_escape (p, s))
            return NULL;
        }
      else if (c < 0x80)
        append_ascii_run (p, s);
      else if (!append_utf8 (p, s, c))
        return NULL;
    }
}

static JsonNode *
parse_number (Parser *p)
{
  gsize start = p->pos;
  gboolean is_int = TRUE;
  JsonNode *node;
  char *buf;

  if (p->pos < p->len && p->data[p->pos] == '-')
    p->pos++;
  if (p->pos >= p->len || !g_ascii_isdigit (p->data[p->pos]))
    {
      fail (p, p->pos, JD_JSON_ERROR_SYNTAX, _ ("a number needs a digit here"));
      return NULL;
    }
  if (p->data[p->pos] == '0')
    {
      p->pos++;
      if (p->pos < p->len && g_ascii_isdigit (p->data[p->pos]))
        {
          fail (p, p->pos - 1, JD_JSON_ERROR_SYNTAX, _ ("numbers cannot start with 0"));
          return NULL;
        }
    }
  else
    while (p->pos < p->len && g_ascii_isdigit (p->data[p->pos]))
      p->pos++;

  if (p->pos < p->len && p->data[p->pos] == '.')
    {
      is_int = FALSE;
      p->pos++;
      if (p->pos >= p->len || !g_ascii_isdigit (p->data[p->pos]))
        {
          fail (p, p->pos, JD_JSON_ERROR_SYNTAX, _ ("a digit must follow the decimal point"));
          return NULL;
        }
      while (p->pos < p->len && g_ascii_isdigit (p->data[p->pos]))
        p->pos++;
    }
  if (p->pos < p->len && (p->data[p->pos] == 'e' || p->data[p->pos] == 'E'))
    {
      is_int = FALSE;
      p->pos++;
      if (p->pos < p->len && (p->data[p->pos] == '+' || p->data[p->pos] == '-'))
        p->pos++;
      if (p->pos >= p->len || !g_ascii_isdigit (p->data[p->pos]))
        {
          fail (p, p->pos, JD_JSON_ERROR_SYNTAX, _ ("an exponent needs a digit"));
          return NULL;
        }
      while (p->pos < p->len && g_ascii_isdigit (p->data[p->pos]))
        p->pos++;
    }

  node = json_node_alloc ();
  if (is_int && p->pos - start <= 18)
    {
      /* Up to 18 digits always fit in a gint64: no temporary string. */
      gboolean neg = p->data[start] == '-';
      gint64 v = 0;
      for (gsize i = start + neg; i < p->pos; i++)
        v = v * 10 + (p->data[i] - '0');
      json_node_init_int (node, neg ? -v : v);
      return node;
    }
  buf = g_strndup (p->data + start, p->pos - start);
  if (is_int)
    {
      gint64 v;
      errno = 0;
      v = g_ascii_strtoll (buf, NULL, 10);
      if (errno == ERANGE)
        json_node_init_double (node, g_ascii_strtod (buf, NULL));
      else
        json_node_init_int (node, v);
    }
  else
    json_node_init_double (node, g_ascii_strtod (buf, NULL));
  g_free (buf);
  return node;
}

static JsonNode *
parse_object (Parser *p)
{
  g_autoptr (JsonObject) object = json_object_new ();
  JsonNode *node;

  p->pos++; /* '{' */
  skip_ws (p);
  if (p->pos < p->len && p->data[p->pos] == '}')
    {
      p->pos++;
      goto done;
    }
  for (;;)
    {
      g_autofree char *name = NULL;
      gsize name_offset;
      JsonNode *value;

      skip_ws (p);
      if (p->pos >= p->len || p->data[p->pos] != '"')
        {
          g_autofree char *here = describe_here (p);
          fail (p, p->pos, JD_JSON_ERROR_SYNTAX,
                _ ("expected a member name in double quotes, found %s"), here);
          return NULL;
        }
      name_offset = p->pos;
      name = parse_string (p);
      if (name == NULL)
        return NULL;
      skip_ws (p);
      if (p->pos >= p->len || p->data[p->pos] != ':')
        {
          g_autofree char *here = describe_here (p);
          fail (p, p->pos, JD_JSON_ERROR_SYNTAX, _ ("expected ':' after the member name, found %s"),
                here);
          return NULL;
        }
      p->pos++;
      value = parse_value (p);
      if (value == NULL)
        return NULL;
      if (json_object_has_member (object, name) && !(p->flags & JD_JSON_ALLOW_DUPLICATES))
        {
          json_node_unref (value);
          fail (p, name_offset, JD_JSON_ERROR_DUPLICATE_MEMBER,
                _ ("the member \"%s\" appears twice"), name);
          return NULL;
        }
      json_object_set_member (object, name, value);
      skip_ws (p);
      if (p->pos < p->len && p->data[p->pos] == ',')
        {
          p->pos++;
          continue;
        }
      if (p->pos < p->len && p->data[p->pos] == '}')
        {
          p->pos++;
          break;
        }
      {
        g_autofree char *here = describe_here (p);
        fail (p, p->pos, JD_JSON_ERROR_SYNTAX, _ ("expected ',' or '}' after a member, found %s"),
              here);
        return NULL;
      }
    }
done:
  node = json_node_alloc ();
  json_node_init_object (node, object);
  return node;
}

static JsonNode *
parse_array (Parser *p)
{
  g_autoptr (JsonArray) array = json_array_new ();
  JsonNode *node;

  p->pos++; /* '[' */
  skip_ws (p);
  if (p->pos < p->len && p->data[p->pos] == ']')
    {
      p->pos++;
      goto done;
    }
  for (;;)
    {
      JsonNode *value = parse_value (p);
      if (value == NULL)
        return NULL;
      json_array_add_element (array, value);
      skip_ws (p);
      if (p->pos < p->len && p->data[p->pos] == ',')
        {
          p->pos++;
          continue;
        }
      if (p->pos < p->len && p->data[p->pos] == ']')
        {
          p->pos++;
          break;
        }
      {
        g_autofree char *here = describe_here (p);
        fail (p, p->pos, JD_JSON_ERROR_SYNTAX, _ ("expected ',' or ']' in an array, found %s"),
              here);
        return NULL;
      }
    }
done:
  node = json_node_alloc ();
  json_node_init_array (node, array);
  return node;
}

static JsonNode *
parse_value (Parser *p)
{
  JsonNode *node = NULL;
  char c;

  skip_ws (p);
  if (p->pos >= p->len)
    {
      fail (p, p->pos, JD_JSON_ERROR_SYNTAX,
            _ ("expected a JSON value, found the end of the text"));
      return NULL;
    }

  c = p->data[p->pos];
  switch (c)
    {
      case '{':
      case '[':
        if (++p->depth > JD_JSON_MAX_DEPTH)
          {
            fail (p, p->pos, JD_JSON_ERROR_TOO_DEEP, _ ("nested deeper than %d levels"),
                  JD_JSON_MAX_DEPTH);
            return NULL;
          }
        node = c == '{' ? parse_object (p) : parse_array (p);
        p->depth--;
        return node;
      case '"':
        {
          char *s = parse_string (p);
          if (s == NULL)
            return NULL;
          node = json_node_alloc ();
          json_node_init_string (node, s);
          g_free (s);
          return node;
        }
      case 't':
        if (!expect_literal (p, "true"))
          return NULL;
        return json_node_init_boolean (json_node_alloc (), TRUE);
      case 'f':
        if (!expect_literal (p, "false"))
          return NULL;
        return json_node_init_boolean (json_node_alloc (), FALSE);
      case 'n':
        if (!expect_literal (p, "null"))
          return NULL;
        return json_node_init_null (json_node_alloc ());
      default:
        if (c == '-' || g_ascii_isdigit (c))
          return parse_number (p);
        {
          g_autofree char *here = describe_here (p);
          fail (p, p->pos, JD_JSON_ERROR_SYNTAX, _ ("expected a JSON value, found %s"), here);
          return NULL;
        }
    }
}

JsonNode *
jd_json_parse (const char *data, gsize len, JdJsonFlags flags, gsize *error_offset, GError **error)
{
  Parser p = { data, len, 0, flags, 0, NULL, 0 };
  JsonNode *node;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if ((flags & JD_JSON_ALLOW_BOM) && len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    p.pos = 3;

  skip_ws (&p);
  if (p.pos >= len)
    {
      if (error_offset)
        *error_offset = p.pos;
      g_set_error (error, JD_JSON_ERROR, JD_JSON_ERROR_EMPTY, _ ("byte %zu: no JSON here"), p.pos);
      return NULL;
    }

  node = parse_value (&p);
  if (node != NULL)
    {
      skip_ws (&p);
      if (p.pos < len)
        {
          g_autofree char *here = describe_here (&p);
          fail (&p, p.pos, JD_JSON_ERROR_SYNTAX, _ ("unexpected %s after the JSON value"), here);
          g_clear_pointer (&node, json_node_unref);
        }
    }

  if (node == NULL)
    {
      g_assert (p.error != NULL);
      if (error_offset)
        *error_offset = p.error_offset;
      g_propagate_error (error, p.error);
      return NULL;
    }
  return node;
}

/* Short-circuits at a NUL: never reads past the end of @p. */
static gboolean
is_mark (const guchar *p)
{
  return p[0] == 0xEF && p[1] == 0xB7 && p[2] == 0x91;
}

char *
jd_json_unmark (const char *text)
{
  GString *out;

  if (text == NULL)
    return NULL;
  out = g_string_sized_new (strlen (text));
  for (const guchar *p = (const guchar *)text; *p; p++)
    {
      if (is_mark (p) && p[3] == '0')
        {
          g_string_append (out, "\\u0000");
          p += 3;
        }
      else if (is_mark (p) && is_mark (p + 3))
        {
          g_string_append (out, JD_JSON_NUL_MARK);
          p += 5;
        }
      else
        g_string_append_c (out, (char)*p);
    }
  return g_string_free (out, FALSE);
}

/* Our own writer: json-glib 1.6's generator writes 1E22 as "1e+22.0", infinity
 * as "-inf.0" and U+001F unescaped, none of which is JSON. The layout matches
 * json-glib's ("name" : value, two-space indent) so output reads the same. */
static void
write_string (GString *out, const char *s)
{
  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *)s; *p; p++)
    {
      /* JD_JSON_NUL_MARK "0" is U+0000; the mark twice is the mark itself. */
      if (is_mark (p) && p[3] == '0')
        {
          g_string_append (out, "\\u0000");
          p += 3;
          continue;
        }
      if (is_mark (p) && is_mark (p + 3))
        {
          g_string_append (out, JD_JSON_NUL_MARK);
          p += 5;
          continue;
        }
      switch (*p)
        {
          case '"':
            g_string_append (out, "\\\"");
            break;
          case '\\':
            g_string_append (out, "\\\\");
            break;
          case '\b':
            g_string_append (out, "\\b");
            break;
          case '\f':
            g_string_append (out, "\\f");
            break;
          case '\n':
            g_string_append (out, "\\n");
            break;
          case '\r':
            g_string_append (out, "\\r");
            break;
          case '\t':
            g_string_append (out, "\\t");
            break;
          default:
            if (*p < 0x20 || *p == 0x7f)
              g_string_append_printf (out, "\\u%04x", *p);
            else
              g_string_append_c (out, (char)*p);
        }
    }
  g_string_append_c (out, '"');
}

static void
write_indent (GString *out, gboolean pretty, guint depth)
{
  if (!pretty)
    return;
  g_string_append_c (out, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

static void
write_node (GString *out, JsonNode *node, gboolean pretty, guint depth)
{
  switch (JSON_NODE_TYPE (node))
    {
      case JSON_NODE_OBJECT:
        {
          JsonObject *object = json_node_get_object (node);
          g_autoptr (GList) members = json_object_get_members (object);

          if (members == NULL)
            {
              g_string_append (out, "{}");
              break;
            }
          g_string_append_c (out, '{');
          for (GList *l = members; l; l = l->next)
            {
              write_indent (out, pretty, depth + 1);
              write_string (out, l->data);
              g_string_append (out, pretty ? " : " : ":");
              write_node (out, json_object_get_member (object, l->data), pretty, depth + 1);
              if (l->next)
                g_string_append_c (out, ',');
            }
          write_indent (out, pretty, depth);
          g_string_append_c (out, '}');
        }
        break;
      case JSON_NODE_ARRAY:
        {
          JsonArray *array = json_node_get_array (node);
          guint n = json_array_get_length (array);

          if (n == 0)
            {
              g_string_append (out, "[]");
              break;
            }
          g_string_append_c (out, '[');
          for (guint i = 0; i < n; i++)
            {
              write_indent (out, pretty, depth + 1);
              write_node (out, json_array_get_element (array, i), pretty, depth + 1);
              if (i + 1 < n)
                g_string_append_c (out, ',');
            }
          write_indent (out, pretty, depth);
          g_string_append_c (out, ']');
        }
        break;
      case JSON_NODE_NULL:
        g_string_append (out, "null");
        break;
      case JSON_NODE_VALUE:
      default:
        {
          GType type = json_node_get_value_type (node);

          if (type == G_TYPE_STRING)
            write_string (out, json_node_get_string (node));
          else if (type == G_TYPE_INT64)
            g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          else if (type == G_TYPE_BOOLEAN)
            g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          else if (type == G_TYPE_DOUBLE)
            {
              double d = json_node_get_double (node);
              char buf[G_ASCII_DTOSTR_BUF_SIZE];

              /* JSON has no infinity or NaN (a number like 1e999 overflows). */
              if (!isfinite (d))
                g_string_append (out, "null");
              else
                {
                  /* A double stays a double when read back: "-0" would come back as 0. */
                  g_ascii_dtostr (buf, sizeof buf, d);
                  g_string_append (out, buf);
                  if (strpbrk (buf, ".eE") == NULL)
                    g_string_append (out, ".0");
                }
            }
          else
            g_string_append (out, "null");
        }
        break;
    }
}

char *
jd_json_to_string (JsonNode *node, gboolean pretty)
{
  GString *out;

  g_return_val_if_fail (node != NULL, NULL);

  out = g_string_new (NULL);
  write_node (out, node, pretty, 0);
  return g_string_free (out, FALSE);
}
