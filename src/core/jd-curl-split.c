/* jd-curl-split.c — read a curl command line into words as a shell would
 *
 * "Copy as cURL (bash)" from Chrome and Firefox: single quotes, double
 * quotes, $'…' ANSI-C quoting, backslash continuations; and Chrome's
 * "Copy as cURL (cmd)" with ^ escapes. Every byte of every word remembers
 * which bytes of the paste it came from, so the token can be highlighted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "jd-curl-split.h"
#include "jd-input-text.h"

/* ------------------------------------------------------------------ */
/* Words                                                               */

typedef JdCurlWord Word;

static Word *
word_new (void)
{
  Word *word = g_new0 (Word, 1);

  word->text = g_string_new (NULL);
  word->starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  word->ends = g_array_new (FALSE, FALSE, sizeof (gsize));

  return word;
}

static void
word_free (gpointer data)
{
  Word *word = data;

  g_string_free (word->text, TRUE);
  g_array_unref (word->starts);
  g_array_unref (word->ends);
  g_free (word);
}

static void
word_push (Word *word, char c, gsize start, gsize end)
{
  g_string_append_c (word->text, c);
  g_array_append_val (word->starts, start);
  g_array_append_val (word->ends, end);
}

static void
word_push_bytes (Word *word, const char *bytes, gsize len, gsize start, gsize end)
{
  for (gsize i = 0; i < len; i++)
    word_push (word, bytes[i], start, end);
}

static gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

static gboolean
is_operator (char c)
{
  return c == '|' || c == ';' || c == '&' || c == '<' || c == '>' || c == '(' || c == ')';
}

/* ------------------------------------------------------------------ */
/* bash's $'…'                                                         */

/* The byte a one-letter escape stands for (\n, \t, \e, \\, \' …), or -1. */
static int
simple_escape (char c)
{
  switch (c)
    {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case 'a':
        return '\a';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'v':
        return '\v';
      case 'e':
      case 'E':
        return '\033';
      case '\\':
      case '\'':
      case '"':
      case '?':
        return c;
      default:
        return -1;
    }
}

/* \xHH, \uHHHH or \UHHHHHHHH (@c says which) whose digits start at @i; the
 * escape starts at @start. Returns the offset after the digits. */
static gsize
read_ansi_c_hex (Word *word, char c, const char *data, gsize start, gsize i, gsize to)
{
  guint max = c == 'x' ? 2 : c == 'u' ? 4 : 8;
  guint n = 0;
  guint32 value = 0;

  while (n < max && i < to && g_ascii_xdigit_value (data[i]) >= 0)
    {
      value = value * 16 + (guint32)g_ascii_xdigit_value (data[i]);
      i++;
      n++;
    }

  if (n == 0)
    {
      word_push (word, '\\', start, start + 1);
      word_push (word, c, start + 1, i);
    }
  else if (c == 'x')
    {
      word_push (word, (char)value, start, i);
    }
  else if (value <= 0x10FFFF)
    {
      char utf8[8];
      int utf8_len = g_unichar_to_utf8 (value, utf8);
      word_push_bytes (word, utf8, utf8_len, start, i);
    }

  return i;
}

/* \N, \NN or \NNN in octal, @c its first digit, the others from @i. */
static gsize
read_ansi_c_octal (Word *word, char c, const char *data, gsize start, gsize i, gsize to)
{
  guint value = (guint)(c - '0');
  guint n = 1;

  while (n < 3 && i < to && data[i] >= '0' && data[i] <= '7')
    {
      value = value * 8 + (guint)(data[i] - '0');
      i++;
      n++;
    }
  word_push (word, (char)(value & 0xff), start, i);

  return i;
}

/* The escape whose backslash is at @start (and @start + 1 < @to): returns
 * the offset after it. Escapes as bash documents them. */
static gsize
read_ansi_c_escape (Word *word, const char *data, gsize start, gsize to)
{
  char c = data[start + 1];
  gsize i = start + 2;
  int simple = simple_escape (c);

  if (simple >= 0)
    {
      word_push (word, (char)simple, start, i);
      return i;
    }
  if (c == 'c')
    {
      if (i < to)
        {
          word_push (word, data[i] & 0x1f, start, i + 1);
          i++;
        }
      return i;
    }
  if (c == 'x' || c == 'u' || c == 'U')
    return read_ansi_c_hex (word, c, data, start, i, to);
  if (c >= '0' && c <= '7')
    return read_ansi_c_octal (word, c, data, start, i, to);

  word_push (word, '\\', start, start + 1);
  word_push (word, c, start + 1, i);
  return i;
}

/* $'…' from @i (after the opening quote); returns the offset after the
 * closing quote. */
static gsize
read_ansi_c (Word *word, const char *data, gsize i, gsize to)
{
  while (i < to && data[i] != '\'')
    {
      if (data[i] != '\\' || i + 1 >= to)
        {
          word_push (word, data[i], i, i + 1);
          i++;
          continue;
        }
      i = read_ansi_c_escape (word, data, i, to);
    }

  return i < to ? i + 1 : i;
}

/* ------------------------------------------------------------------ */
/* bash                                                                */

/* A backslash at @i outside quotes: a continuation, or the next byte as
 * it is. Returns the offset after it. */
static gsize
read_bash_backslash (Word *word, const char *data, gsize i, gsize to)
{
  if (i + 1 < to && data[i + 1] == '\n')
    return i + 2;
  if (i + 2 < to && data[i + 1] == '\r' && data[i + 2] == '\n')
    return i + 3;
  if (i + 1 < to)
    {
      word_push (word, data[i + 1], i, i + 2);
      return i + 2;
    }
  word_push (word, data[i], i, i + 1);
  return i + 1;
}

/* "…" from @i (after the opening quote), where a backslash escapes only
 * \ " $ ` and a line break; returns the offset after the closing quote. */
static gsize
read_double_quoted (Word *word, const char *data, gsize i, gsize to)
{
  while (i < to && data[i] != '"')
    {
      if (data[i] == '\\' && i + 1 < to)
        {
          char next = data[i + 1];

          if (next == '\n')
            {
              i += 2;
              continue;
            }
          if (next == '\\' || next == '"' || next == '$' || next == '`')
            {
              word_push (word, next, i, i + 2);
              i += 2;
              continue;
            }
        }
      word_push (word, data[i], i, i + 1);
      i++;
    }

  return i < to ? i + 1 : i;
}

/* One word from @i, up to a blank or an operator outside quotes; returns
 * the offset after it. */
static gsize
read_bash_word (Word *word, const char *data, gsize i, gsize to)
{
  while (i < to)
    {
      char c = data[i];

      if (is_blank (c) || is_operator (c))
        break;

      if (c == '\\')
        {
          i = read_bash_backslash (word, data, i, to);
        }
      else if (c == '\'')
        {
          for (i++; i < to && data[i] != '\''; i++)
            word_push (word, data[i], i, i + 1);
          if (i < to)
            i++;
        }
      else if (c == '$' && i + 1 < to && data[i + 1] == '\'')
        {
          i = read_ansi_c (word, data, i + 2, to);
        }
      else if (c == '"')
        {
          i = read_double_quoted (word, data, i + 1, to);
        }
      else
        {
          word_push (word, c, i, i + 1);
          i++;
        }
    }

  return i;
}

/* What comes between words at @i: blanks, a backslash continuation, a
 * comment. Returns the offset after it, or @i when a word (or an
 * operator) starts there. */
static gsize
skip_bash_gap (const char *data, gsize i, gsize to)
{
  if (is_blank (data[i]))
    return i + 1;
  if (data[i] == '\\' && i + 1 < to && data[i + 1] == '\n')
    return i + 2;
  if (data[i] == '\\' && i + 2 < to && data[i + 1] == '\r' && data[i + 2] == '\n')
    return i + 3;
  if (data[i] == '#')
    {
      while (i < to && data[i] != '\n')
        i++;
      return i;
    }
  return i;
}

/* bash: words until the end of the text or of the command (an unquoted
 * |, ;, &, <, >). Unquoted line breaks are taken as spaces: a paste that
 * lost a backslash still reads as one command. */
static GPtrArray *
split_bash (const char *data, gsize from, gsize to, gsize *stopped)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (word_free);
  gsize i = from;

  *stopped = to;

  while (i < to)
    {
      gsize next = skip_bash_gap (data, i, to);
      Word *word;

      if (next != i)
        {
          i = next;
          continue;
        }
      if (is_operator (data[i]))
        break;
      /* JD_CURL_MAX_WORDS: each word costs its bytes several times over. */
      if (words->len >= JD_CURL_MAX_WORDS)
        {
          *stopped = i;
          break;
        }

      word = word_new ();
      g_ptr_array_add (words, word);
      i = read_bash_word (word, data, i, to);

      if (i < to && is_operator (data[i]))
        break;
    }

  return words;
}

/* ------------------------------------------------------------------ */
/* cmd.exe                                                             */

/* cmd.exe and the MS C runtime, as Chrome's "Copy as cURL (cmd)" writes:
 * first cmd removes ^ escapes and ^-newline continuations, then the C
 * runtime splits words at blanks outside double quotes, with its
 * backslash-before-quote rules. */
typedef struct
{
  char c;
  gsize start;
  gsize end;
} CmdChar;

/* What cmd.exe leaves of @data[from, to): ^x is x, ^ and a line break
 * are nothing. (element-type CmdChar) */
static GArray *
cmd_unescape (const char *data, gsize from, gsize to)
{
  GArray *chars = g_array_new (FALSE, FALSE, sizeof (CmdChar));

  for (gsize i = from; i < to;)
    {
      CmdChar entry;

      if (data[i] == '^')
        {
          if (i + 1 < to && data[i + 1] == '\n')
            {
              i += 2;
              continue;
            }
          if (i + 2 < to && data[i + 1] == '\r' && data[i + 2] == '\n')
            {
              i += 3;
              continue;
            }
          if (i + 1 < to)
            {
              entry.c = data[i + 1];
              entry.start = i;
              entry.end = i + 2;
              g_array_append_val (chars, entry);
              i += 2;
              continue;
            }
          i++;
          continue;
        }

      entry.c = data[i];
      entry.start = i;
      entry.end = i + 1;
      g_array_append_val (chars, entry);
      i++;
    }

  return chars;
}

static char
char_at (GArray *chars, gsize n)
{
  return g_array_index (chars, CmdChar, n).c;
}

static gsize
start_at (GArray *chars, gsize n)
{
  return g_array_index (chars, CmdChar, n).start;
}

static gsize
end_at (GArray *chars, gsize n)
{
  return g_array_index (chars, CmdChar, n).end;
}

/* A run of backslashes at @k: before a double quote, each pair is one
 * backslash and an odd one escapes the quote (else the quote toggles
 * *@quoted); elsewhere they are themselves. Returns the index after them. */
static gsize
read_cmd_backslashes (Word *word, GArray *chars, gsize k, gboolean *quoted)
{
  gsize n = 0;

  while (k + n < chars->len && char_at (chars, k + n) == '\\')
    n++;
  if (k + n < chars->len && char_at (chars, k + n) == '"')
    {
      for (gsize b = 0; b < n / 2; b++)
        word_push (word, '\\', start_at (chars, k + 2 * b), end_at (chars, k + 2 * b + 1));
      if (n % 2 == 1)
        word_push (word, '"', start_at (chars, k + n - 1), end_at (chars, k + n));
      else
        *quoted = !*quoted;
      return k + n + 1;
    }

  for (gsize b = 0; b < n; b++)
    word_push (word, '\\', start_at (chars, k + b), end_at (chars, k + b));
  return k + n;
}

/* One word from @k, up to a blank outside double quotes; returns the
 * index after it. */
static gsize
read_cmd_word (Word *word, GArray *chars, gsize k)
{
  gboolean quoted = FALSE;

  while (k < chars->len)
    {
      char c = char_at (chars, k);

      if (!quoted && is_blank (c))
        break;

      if (c == '\\')
        {
          k = read_cmd_backslashes (word, chars, k, &quoted);
        }
      else if (c == '"')
        {
          if (quoted && k + 1 < chars->len && char_at (chars, k + 1) == '"')
            {
              word_push (word, '"', start_at (chars, k), end_at (chars, k + 1));
              k += 2;
            }
          else
            {
              quoted = !quoted;
              k++;
            }
        }
      else
        {
          word_push (word, c, start_at (chars, k), end_at (chars, k));
          k++;
        }
    }

  return k;
}

static GPtrArray *
split_cmd (const char *data, gsize from, gsize to, gsize *stopped)
{
  g_autoptr (GArray) chars = cmd_unescape (data, from, to);
  GPtrArray *words = g_ptr_array_new_with_free_func (word_free);
  gsize k = 0;

  *stopped = to;
  while (k < chars->len)
    {
      Word *word;

      if (is_blank (char_at (chars, k)))
        {
          k++;
          continue;
        }
      if (words->len >= JD_CURL_MAX_WORDS)
        {
          *stopped = start_at (chars, k);
          break;
        }

      word = word_new ();
      g_ptr_array_add (words, word);
      k = read_cmd_word (word, chars, k);
    }

  return words;
}

/* Chrome's cmd flavour ends lines with " ^" and quotes the URL with
 * ^" … ^" (a bash command may hold ^" inside a quoted body, so that alone
 * is not enough further on). */
static gboolean
is_cmd_flavour (const char *data, gsize from, gsize to)
{
  gboolean caret = FALSE;
  gsize i = from;

  while (i < to && is_blank (data[i]))
    i++;
  if (to - i >= 7 && g_ascii_strncasecmp (data + i, "curl ^\"", 7) == 0)
    caret = TRUE;

  for (; i + 1 < to; i++)
    {
      if (data[i] == '\\' && (data[i + 1] == '\n' || data[i + 1] == '\r'))
        return FALSE;
      if (data[i] == '^' && (data[i + 1] == '\n' || data[i + 1] == '\r'))
        caret = TRUE;
    }

  return caret;
}

GPtrArray *
jd_curl_split (const char *text, gsize from, gsize to, gsize *stopped)
{
  g_assert (from <= to);
  g_assert (stopped != NULL);

  if (is_cmd_flavour (text, from, to))
    return split_cmd (text, from, to, stopped);
  return split_bash (text, from, to, stopped);
}

GStrv
jd_curl_split_words (const char *text, gsize len, gsize *stopped)
{
  g_autoptr (GPtrArray) words = NULL;
  GStrvBuilder *builder;
  GStrv result;
  gsize stopped_at;

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  words = jd_curl_split (text, 0, len, &stopped_at);
  if (stopped != NULL)
    *stopped = stopped_at;
  builder = g_strv_builder_new ();
  for (guint i = 0; i < words->len; i++)
    {
      Word *word = g_ptr_array_index (words, i);
      g_strv_builder_add (builder, word->text->str);
    }
  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return result;
}
