/* jd-curl-parse.c — read a curl command line as a shell would
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

#include <glib/gi18n-lib.h>

#include "jd-input-private.h"
#include "jd-www-authenticate.h"

/* ------------------------------------------------------------------ */
/* Words                                                               */

typedef struct
{
  GString *text;
  GArray *starts; /* (element-type gsize) */
  GArray *ends;   /* (element-type gsize) */
} Word;

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

/* A part of a word: an option's argument. */
typedef struct
{
  const char *data;
  gsize len;
  const gsize *starts;
  const gsize *ends;
} Arg;

static Arg
arg_from_word (Word *word, gsize offset)
{
  Arg arg;

  g_assert (offset <= word->text->len);

  arg.data = word->text->str + offset;
  arg.len = word->text->len - offset;
  /* An empty GArray's data is NULL, and NULL + 0 is undefined behaviour. */
  arg.starts = word->starts->data ? (const gsize *)(gpointer)word->starts->data + offset : NULL;
  arg.ends = word->ends->data ? (const gsize *)(gpointer)word->ends->data + offset : NULL;

  return arg;
}

static Arg
arg_sub (const Arg *arg, gsize from, gsize to)
{
  Arg sub = *arg;

  g_assert (from <= to && to <= arg->len);

  sub.data += from;
  sub.len = to - from;
  if (sub.starts != NULL) /* NULL for an empty word */
    {
      sub.starts += from;
      sub.ends += from;
    }

  return sub;
}

static char *
arg_dup (const Arg *arg)
{
  /* Stops at a NUL byte, as curl's argv would. */
  return g_strndup (arg->data, arg->len);
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

/* $'…' from @i (after the opening quote); returns the offset after the
 * closing quote. Escapes as bash documents them. */
static gsize
read_ansi_c (Word *word, const char *data, gsize i, gsize to)
{
  while (i < to && data[i] != '\'')
    {
      gsize start = i;
      char c = data[i];

      if (c != '\\' || i + 1 >= to)
        {
          word_push (word, c, i, i + 1);
          i++;
          continue;
        }

      c = data[i + 1];
      i += 2;
      switch (c)
        {
          case 'n':
            word_push (word, '\n', start, i);
            break;
          case 't':
            word_push (word, '\t', start, i);
            break;
          case 'r':
            word_push (word, '\r', start, i);
            break;
          case 'a':
            word_push (word, '\a', start, i);
            break;
          case 'b':
            word_push (word, '\b', start, i);
            break;
          case 'f':
            word_push (word, '\f', start, i);
            break;
          case 'v':
            word_push (word, '\v', start, i);
            break;
          case 'e':
          case 'E':
            word_push (word, '\033', start, i);
            break;
          case '\\':
          case '\'':
          case '"':
          case '?':
            word_push (word, c, start, i);
            break;

          case 'c':
            if (i < to)
              {
                word_push (word, data[i] & 0x1f, start, i + 1);
                i++;
              }
            break;

          case 'x':
          case 'u':
          case 'U':
            {
              guint max = c == 'x' ? 2 : c == 'u' ? 4 : 8;
              guint n = 0;
              guint32 value = 0;

              while (n < max && i < to && hex_value (data[i]) >= 0)
                {
                  value = value * 16 + (guint32)hex_value (data[i]);
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
            }
            break;

          case '0':
          case '1':
          case '2':
          case '3':
          case '4':
          case '5':
          case '6':
          case '7':
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
            }
            break;

          default:
            word_push (word, '\\', start, start + 1);
            word_push (word, c, start + 1, i);
            break;
        }
    }

  return i < to ? i + 1 : i;
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
      Word *word;
      char c = data[i];

      if (is_blank (c))
        {
          i++;
          continue;
        }
      if (c == '\\' && i + 1 < to && data[i + 1] == '\n')
        {
          i += 2;
          continue;
        }
      if (c == '\\' && i + 2 < to && data[i + 1] == '\r' && data[i + 2] == '\n')
        {
          i += 3;
          continue;
        }
      if (c == '#')
        {
          while (i < to && data[i] != '\n')
            i++;
          continue;
        }
      if (is_operator (c))
        break;
      /* JD_CURL_MAX_WORDS: each word costs its bytes several times over. */
      if (words->len >= JD_CURL_MAX_WORDS)
        {
          *stopped = i;
          break;
        }

      word = word_new ();
      g_ptr_array_add (words, word);

      while (i < to)
        {
          c = data[i];

          if (is_blank (c) || is_operator (c))
            break;

          if (c == '\\')
            {
              if (i + 1 < to && data[i + 1] == '\n')
                i += 2;
              else if (i + 2 < to && data[i + 1] == '\r' && data[i + 2] == '\n')
                i += 3;
              else if (i + 1 < to)
                {
                  word_push (word, data[i + 1], i, i + 2);
                  i += 2;
                }
              else
                {
                  word_push (word, c, i, i + 1);
                  i++;
                }
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
              for (i++; i < to && data[i] != '"';)
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
              if (i < to)
                i++;
            }
          else
            {
              word_push (word, c, i, i + 1);
              i++;
            }
        }

      if (i < to && is_operator (data[i]))
        break;
    }

  return words;
}

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

static GPtrArray *
split_cmd (const char *data, gsize from, gsize to, gsize *stopped)
{
  g_autoptr (GArray) chars = g_array_new (FALSE, FALSE, sizeof (CmdChar));
  GPtrArray *words = g_ptr_array_new_with_free_func (word_free);
  gsize k = 0;

  *stopped = to;
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

#define CHAR_AT(n) (g_array_index (chars, CmdChar, (n)).c)
#define START_AT(n) (g_array_index (chars, CmdChar, (n)).start)
#define END_AT(n) (g_array_index (chars, CmdChar, (n)).end)

  while (k < chars->len)
    {
      Word *word;
      gboolean quoted = FALSE;

      if (is_blank (CHAR_AT (k)))
        {
          k++;
          continue;
        }
      if (words->len >= JD_CURL_MAX_WORDS)
        {
          *stopped = START_AT (k);
          break;
        }

      word = word_new ();
      g_ptr_array_add (words, word);

      while (k < chars->len)
        {
          char c = CHAR_AT (k);

          if (!quoted && is_blank (c))
            break;

          if (c == '\\')
            {
              gsize n = 0;

              while (k + n < chars->len && CHAR_AT (k + n) == '\\')
                n++;
              if (k + n < chars->len && CHAR_AT (k + n) == '"')
                {
                  for (gsize b = 0; b < n / 2; b++)
                    word_push (word, '\\', START_AT (k + 2 * b), END_AT (k + 2 * b + 1));
                  if (n % 2 == 1)
                    word_push (word, '"', START_AT (k + n - 1), END_AT (k + n));
                  else
                    quoted = !quoted;
                  k += n + 1;
                }
              else
                {
                  for (gsize b = 0; b < n; b++)
                    word_push (word, '\\', START_AT (k + b), END_AT (k + b));
                  k += n;
                }
            }
          else if (c == '"')
            {
              if (quoted && k + 1 < chars->len && CHAR_AT (k + 1) == '"')
                {
                  word_push (word, '"', START_AT (k), END_AT (k + 1));
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
              word_push (word, c, START_AT (k), END_AT (k));
              k++;
            }
        }
    }

#undef CHAR_AT
#undef START_AT
#undef END_AT

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

/* ------------------------------------------------------------------ */
/* curl's options                                                      */

typedef enum
{
  ACTION_IGNORE,
  ACTION_HEADER,
  ACTION_METHOD,
  ACTION_DATA, /* -d, --data, --data-binary, --data-ascii */
  ACTION_DATA_RAW,
  ACTION_DATA_URLENCODE,
  ACTION_JSON,
  ACTION_COOKIE,
  ACTION_USER,
  ACTION_USER_AGENT,
  ACTION_REFERER,
  ACTION_URL,
  ACTION_OAUTH2_BEARER,
  ACTION_HEAD,
  ACTION_GET,
} Action;

typedef struct
{
  const char *long_name;
  char short_name;
  gboolean takes_arg;
  Action action;
} Option;

static const Option options[] = {
  { "header", 'H', TRUE, ACTION_HEADER },
  { "request", 'X', TRUE, ACTION_METHOD },
  { "data", 'd', TRUE, ACTION_DATA },
  { "data-ascii", 0, TRUE, ACTION_DATA },
  { "data-binary", 0, TRUE, ACTION_DATA },
  { "data-raw", 0, TRUE, ACTION_DATA_RAW },
  { "data-urlencode", 0, TRUE, ACTION_DATA_URLENCODE },
  { "json", 0, TRUE, ACTION_JSON },
  { "cookie", 'b', TRUE, ACTION_COOKIE },
  { "user", 'u', TRUE, ACTION_USER },
  { "user-agent", 'A', TRUE, ACTION_USER_AGENT },
  { "referer", 'e', TRUE, ACTION_REFERER },
  { "url", 0, TRUE, ACTION_URL },
  { "oauth2-bearer", 0, TRUE, ACTION_OAUTH2_BEARER },
  { "head", 'I', FALSE, ACTION_HEAD },
  { "get", 'G', FALSE, ACTION_GET },
  /* Options with an argument that says nothing about the request. */
  { "output", 'o', TRUE, ACTION_IGNORE },
  { "write-out", 'w', TRUE, ACTION_IGNORE },
  { "max-time", 'm', TRUE, ACTION_IGNORE },
  { "proxy", 'x', TRUE, ACTION_IGNORE },
  { "cert", 'E', TRUE, ACTION_IGNORE },
  { "config", 'K', TRUE, ACTION_IGNORE },
  { "cookie-jar", 'c', TRUE, ACTION_IGNORE },
  { "dump-header", 'D', TRUE, ACTION_IGNORE },
  { "form", 'F', TRUE, ACTION_IGNORE },
  { "upload-file", 'T', TRUE, ACTION_IGNORE },
  { "range", 'r', TRUE, ACTION_IGNORE },
  { "proxy-user", 'U', TRUE, ACTION_IGNORE },
  { "speed-limit", 'Y', TRUE, ACTION_IGNORE },
  { "speed-time", 'y', TRUE, ACTION_IGNORE },
  { "time-cond", 'z', TRUE, ACTION_IGNORE },
  { "continue-at", 'C', TRUE, ACTION_IGNORE },
  { "ftp-port", 'P', TRUE, ACTION_IGNORE },
  { "quote", 'Q', TRUE, ACTION_IGNORE },
  { "telnet-option", 't', TRUE, ACTION_IGNORE },
  { "connect-timeout", 0, TRUE, ACTION_IGNORE },
  { "cacert", 0, TRUE, ACTION_IGNORE },
  { "capath", 0, TRUE, ACTION_IGNORE },
  { "cert-type", 0, TRUE, ACTION_IGNORE },
  { "key", 0, TRUE, ACTION_IGNORE },
  { "key-type", 0, TRUE, ACTION_IGNORE },
  { "pass", 0, TRUE, ACTION_IGNORE },
  { "resolve", 0, TRUE, ACTION_IGNORE },
  { "connect-to", 0, TRUE, ACTION_IGNORE },
  { "retry", 0, TRUE, ACTION_IGNORE },
  { "retry-delay", 0, TRUE, ACTION_IGNORE },
  { "retry-max-time", 0, TRUE, ACTION_IGNORE },
  { "form-string", 0, TRUE, ACTION_IGNORE },
  { "max-redirs", 0, TRUE, ACTION_IGNORE },
  { "interface", 0, TRUE, ACTION_IGNORE },
  { "limit-rate", 0, TRUE, ACTION_IGNORE },
  { "stderr", 0, TRUE, ACTION_IGNORE },
  { "trace", 0, TRUE, ACTION_IGNORE },
  { "trace-ascii", 0, TRUE, ACTION_IGNORE },
  { "dns-servers", 0, TRUE, ACTION_IGNORE },
  { "local-port", 0, TRUE, ACTION_IGNORE },
  { "noproxy", 0, TRUE, ACTION_IGNORE },
  { "pinnedpubkey", 0, TRUE, ACTION_IGNORE },
  { "tls-max", 0, TRUE, ACTION_IGNORE },
  { "expect100-timeout", 0, TRUE, ACTION_IGNORE },
  { "keepalive-time", 0, TRUE, ACTION_IGNORE },
  { "unix-socket", 0, TRUE, ACTION_IGNORE },
  { "abstract-unix-socket", 0, TRUE, ACTION_IGNORE },
  { "variable", 0, TRUE, ACTION_IGNORE },
  { "url-query", 0, TRUE, ACTION_IGNORE },
  { "aws-sigv4", 0, TRUE, ACTION_IGNORE },
  { "ciphers", 0, TRUE, ACTION_IGNORE },
  { "curves", 0, TRUE, ACTION_IGNORE },
  { "proto", 0, TRUE, ACTION_IGNORE },
  { "proto-redir", 0, TRUE, ACTION_IGNORE },
  { "proxy-header", 0, TRUE, ACTION_IGNORE },
  { "preproxy", 0, TRUE, ACTION_IGNORE },
  { "socks5", 0, TRUE, ACTION_IGNORE },
  { "socks5-hostname", 0, TRUE, ACTION_IGNORE },
  { "netrc-file", 0, TRUE, ACTION_IGNORE },
  { "max-filesize", 0, TRUE, ACTION_IGNORE },
  { "request-target", 0, TRUE, ACTION_IGNORE },
  { "output-dir", 0, TRUE, ACTION_IGNORE },
  { "alt-svc", 0, TRUE, ACTION_IGNORE },
  { "hsts", 0, TRUE, ACTION_IGNORE },
  { "etag-save", 0, TRUE, ACTION_IGNORE },
  { "etag-compare", 0, TRUE, ACTION_IGNORE },
  { "happy-eyeballs-timeout-ms", 0, TRUE, ACTION_IGNORE },
  { "login-options", 0, TRUE, ACTION_IGNORE },
  { "sasl-authzid", 0, TRUE, ACTION_IGNORE },
  { "service-name", 0, TRUE, ACTION_IGNORE },
  { "proxy-cacert", 0, TRUE, ACTION_IGNORE },
  { "proxy-cert", 0, TRUE, ACTION_IGNORE },
  { "proxy-key", 0, TRUE, ACTION_IGNORE },
  { "mail-from", 0, TRUE, ACTION_IGNORE },
  { "mail-rcpt", 0, TRUE, ACTION_IGNORE },
  { "parallel-max", 0, TRUE, ACTION_IGNORE },
  { "rate", 0, TRUE, ACTION_IGNORE },
};

static const Option *
find_long_option (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    if (strcmp (options[i].long_name, name) == 0)
      return &options[i];

  return NULL;
}

static const Option *
find_short_option (char name)
{
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    if (options[i].short_name == name)
      return &options[i];

  return NULL;
}

/* ------------------------------------------------------------------ */
/* Building the request                                                */

typedef struct
{
  Action action;
  Arg arg;
} Step;

typedef struct
{
  JdInput *input;
  JdRequest *request;
  GString *body;
  gboolean has_data;
  gboolean form_data; /* -d: curl adds a form Content-Type */
  gboolean json;
  gboolean get;
  gboolean head;
  char *method;
  gboolean has_url;
  Arg url;
  gboolean token_found;
  guint authorization_headers;
  char *basic;                 /* -u user:password as "Basic …" */
  GString *cookies;            /* the -b cookies, joined with "; "; nullable */
  gboolean cookie_placeholder; /* the first Cookie header is an empty one -b added */
  gboolean header_cookie;      /* -H gave a Cookie header: curl sends no -b string then */
  GArray *steps;               /* (element-type Step) */
} Build;

/* A -H Cookie header (@value NULL: "Cookie:", which removes it). curl
 * sends no -b name=value string when a Cookie header is given with -H
 * (lib/http.c: only "if there is no custom Cookie: header"), wherever
 * it comes; the place -b kept for them is taken, or given back. */
static void
take_cookie_header (Build *build, const char *name, const char *value)
{
  build->header_cookie = TRUE;
  if (build->cookie_placeholder)
    {
      build->cookie_placeholder = FALSE;
      if (value != NULL)
        {
          jd_request_set_header (build->request, name, value);
          return;
        }
      jd_request_remove_header (build->request, name);
    }
  if (value != NULL)
    jd_request_add_header (build->request, name, value);
}

/* "Name: value" → the request, and the Authorization header to the input. */
static void
take_header (Build *build, const Arg *arg)
{
  g_autofree char *name = NULL;
  g_autofree char *value = NULL;
  gsize colon;
  gsize value_start;
  gsize name_from = 0;
  Arg value_arg;

  if (arg->len == 0 || arg->data[0] == '@')
    return;

  /* ":authority: example.com": the name has a colon of its own. */
  if (arg->data[0] == ':')
    name_from = 1;
  for (colon = name_from; colon < arg->len; colon++)
    if (arg->data[colon] == ':' || arg->data[colon] == ';')
      break;
  if (colon == arg->len)
    return;

  name = g_strndup (arg->data, colon);
  g_strstrip (name);
  if (*name == '\0')
    return;
  /* Not a field name (RFC 9110 §5.1: a token, here maybe after the ':' of
   * a pseudo-header), e.g. " @file" or bytes with a NUL: curl cannot send it
   * either, and written back as -H '@…' it would read a file. */
  if (memchr (arg->data, '\0', colon) != NULL)
    return;
  for (const char *c = name + (name[0] == ':'); *c != '\0'; c++)
    if (!jd_http_is_tchar ((guchar)*c))
      return;

  if (arg->data[colon] == ';')
    {
      /* "Name;" sends the header empty; anything after ';' is not curl's. */
      if (g_ascii_strcasecmp (name, "Cookie") == 0)
        take_cookie_header (build, name, "");
      else
        jd_request_add_header (build->request, name, "");
      return;
    }

  value_start = colon + 1;
  while (value_start < arg->len
         && (arg->data[value_start] == ' ' || arg->data[value_start] == '\t'))
    value_start++;
  value_arg = arg_sub (arg, value_start, arg->len);
  value = arg_dup (&value_arg);

  /* "Name:" with nothing after it removes the header in curl. */
  if (*value == '\0')
    {
      if (g_ascii_strcasecmp (name, "Authorization") == 0)
        build->authorization_headers++;
      if (g_ascii_strcasecmp (name, "Cookie") == 0)
        take_cookie_header (build, name, NULL);
      return;
    }

  if (g_ascii_strcasecmp (name, "Cookie") == 0)
    take_cookie_header (build, name, value);
  else
    jd_request_add_header (build->request, name, value);

  if (g_ascii_strcasecmp (name, "Authorization") == 0)
    {
      build->authorization_headers++;
      if (!build->token_found)
        {
          /* Give the whole value after the colon, so its analysis sees
           * leading spaces and quotes the way the server would. */
          Arg whole = arg_sub (arg, colon + 1, arg->len);

          jd_input_take_authorization (build->input, whole.data, whole.len, whole.starts,
                                       whole.ends);
          build->token_found = TRUE;
        }
    }
}

static void
append_data (Build *build, const char *data, gboolean separate)
{
  if (build->has_data && separate)
    g_string_append_c (build->body, '&');
  g_string_append (build->body, data);
  build->has_data = TRUE;
}

static void
take_data_urlencode (Build *build, const Arg *arg)
{
  g_autofree char *data = arg_dup (arg);
  const char *eq = strchr (data, '=');
  g_autofree char *encoded = NULL;

  /* name@file and @file read a file: keep them as written. */
  if (eq == NULL && strchr (data, '@') != NULL)
    {
      append_data (build, data, TRUE);
      return;
    }
  if (eq == NULL)
    {
      encoded = g_uri_escape_string (data, NULL, FALSE);
      append_data (build, encoded, TRUE);
      return;
    }

  encoded = g_uri_escape_string (eq + 1, NULL, FALSE);
  if (eq == data)
    {
      append_data (build, encoded, TRUE);
    }
  else
    {
      g_autofree char *pair = g_strdup_printf ("%.*s=%s", (int)(eq - data), data, encoded);
      append_data (build, pair, TRUE);
    }
}

static void
take_step (Build *build, Action action, const Arg *arg)
{
  g_autofree char *value = arg != NULL ? arg_dup (arg) : NULL;

  switch (action)
    {
      case ACTION_HEADER:
        take_header (build, arg);
        break;

      case ACTION_METHOD:
        g_free (build->method);
        build->method = g_steal_pointer (&value);
        break;

      case ACTION_DATA:
      case ACTION_DATA_RAW:
        append_data (build, value, TRUE);
        build->form_data = TRUE;
        break;

      case ACTION_DATA_URLENCODE:
        take_data_urlencode (build, arg);
        build->form_data = TRUE;
        break;

      case ACTION_JSON:
        append_data (build, value, FALSE);
        build->json = TRUE;
        break;

      case ACTION_COOKIE:
        /* Without '=', -b names a cookie file. The cookies are joined onto
         * the first Cookie header at the end: joining them one -b at a
         * time copied the whole header each time (quadratic). */
        if (strchr (value, '=') != NULL)
          {
            if (build->cookies == NULL)
              {
                build->cookies = g_string_new (NULL);
                /* Where the header goes when there is none yet. */
                if (!build->header_cookie)
                  {
                    jd_request_add_header (build->request, "Cookie", "");
                    build->cookie_placeholder = TRUE;
                  }
              }
            if (build->cookies->len > 0)
              g_string_append (build->cookies, "; ");
            g_string_append (build->cookies, value);
          }
        break;

      case ACTION_USER:
        {
          g_autofree char *encoded = NULL;
          if (strchr (value, ':') == NULL)
            break;
          encoded = g_base64_encode ((const guchar *)value, strlen (value));
          /* An explicit -H Authorization wins over -u: added at the end. */
          g_free (build->basic);
          build->basic = g_strconcat ("Basic ", encoded, NULL);
        }
        break;

      case ACTION_USER_AGENT:
        jd_request_add_header (build->request, "User-Agent", value);
        break;

      case ACTION_REFERER:
        jd_request_add_header (build->request, "Referer", value);
        break;

      case ACTION_URL:
        if (!build->has_url)
          {
            build->url = *arg;
            build->has_url = TRUE;
          }
        break;

      case ACTION_OAUTH2_BEARER:
        {
          g_autofree char *header = g_strconcat ("Bearer ", value, NULL);

          jd_request_add_header (build->request, "Authorization", header);
          build->authorization_headers++;
          if (!build->token_found)
            {
              jd_input_take_token (build->input, arg->data, arg->len, arg->starts, arg->ends);
              build->token_found = TRUE;
            }
        }
        break;

      case ACTION_HEAD:
        build->head = TRUE;
        break;

      case ACTION_GET:
        build->get = TRUE;
        break;

      case ACTION_IGNORE:
      default:
        break;
    }

  if (arg != NULL && action != ACTION_IGNORE)
    {
      Step step = { action, *arg };
      g_array_append_val (build->steps, step);
    }
}

/* A token found at @step->arg.data[start] outside Authorization: in a
 * header (-H 'token: eyJ…'), a Cookie header or a -b cookie. */
static void
note_placement (JdInput *input, const Step *step, gsize start)
{
  JdTokenPlace place;
  g_autofree char *name = NULL;

  if (step->action == ACTION_HEADER
      && jd_input_locate_in_headers (step->arg.data, 0, start, &place, &name))
    jd_input_add_placement (input, place, name);
  else if (step->action == ACTION_COOKIE)
    {
      name = jd_input_cookie_name (step->arg.data, 0, start);
      jd_input_add_placement (input, JD_TOKEN_PLACE_COOKIE, name);
    }
}

/* When no Authorization header carries the token: a JWT in another
 * header, an access_token in the URL, a cookie, -u, the body. */
static gboolean
find_token_elsewhere (Build *build)
{
  static const Action order[] = {
    ACTION_HEADER, ACTION_URL,      ACTION_COOKIE,         ACTION_USER,
    ACTION_DATA,   ACTION_DATA_RAW, ACTION_DATA_URLENCODE, ACTION_JSON,
  };

  for (guint o = 0; o < G_N_ELEMENTS (order); o++)
    {
      for (guint i = 0; i < build->steps->len; i++)
        {
          Step *step = &g_array_index (build->steps, Step, i);
          gsize start, end;

          if (step->action != order[o])
            continue;

          if (step->action == ACTION_URL)
            {
              /* access_token=…, a query parameter per RFC 6750 §2.3,
               * whatever its shape. */
              for (gsize p = 0; p + 13 < step->arg.len; p++)
                {
                  if ((step->arg.data[p] == '?' || step->arg.data[p] == '&')
                      && strncmp (step->arg.data + p + 1, "access_token=", 13) == 0)
                    {
                      gsize from = p + 14, to = from;

                      while (to < step->arg.len && step->arg.data[to] != '&'
                             && step->arg.data[to] != '#')
                        to++;
                      if (to > from)
                        {
                          Arg token = arg_sub (&step->arg, from, to);
                          jd_input_take_token (build->input, token.data, token.len, token.starts,
                                               token.ends);
                          jd_input_add_placement (build->input, JD_TOKEN_PLACE_QUERY,
                                                  "access_token");
                          return TRUE;
                        }
                    }
                }
            }

          if (jd_input_find_jwt (step->arg.data, step->arg.len, &start, &end))
            {
              Arg token = arg_sub (&step->arg, start, end);

              jd_input_take_token (build->input, token.data, token.len, token.starts, token.ends);
              note_placement (build->input, step, start);
              if (step->action == ACTION_USER)
                jd_input_add_finding (build->input, JD_FINDING_MALFORMED_AUTHORIZATION,
                                      JD_SEVERITY_ERROR,
                                      _ ("The command sends the token as Basic credentials "
                                         "(-u user:password), not as a Bearer token: an API "
                                         "that expects a bearer token rejects it."),
                                      _ ("Send the token as -H 'Authorization: Bearer <token>' "
                                         "instead of -u."));
              return TRUE;
            }
        }
    }

  return FALSE;
}

void
jd_input_parse_curl (JdInput *self, const char *text, gsize from, gsize to)
{
  g_autoptr (GPtrArray) words = NULL;
  g_autoptr (JdRequest) request = NULL;
  g_autofree char *url = NULL;
  Build build = { 0 };
  gboolean options_end = FALSE;
  gsize stopped;
  guint i = 0;

  g_assert (JD_IS_INPUT (self));
  g_assert (from <= to);

  if (is_cmd_flavour (text, from, to))
    words = split_cmd (text, from, to, &stopped);
  else
    words = split_bash (text, from, to, &stopped);
  if (stopped < to)
    {
      g_autofree char *message = g_strdup_printf (
        _ ("The curl command has more than %u words; reading stopped at byte %zu of %zu, so the "
           "options after it are left out."),
        JD_CURL_MAX_WORDS, stopped, to);

      jd_input_add_finding (self, JD_FINDING_INPUT_TOO_LARGE, JD_SEVERITY_WARNING, message,
                            _ ("Paste the command as the browser copied it, or only the token "
                               "or its Authorization header."));
    }

  /* Up to and including the word "curl" (a prompt may come first). */
  for (; i < words->len; i++)
    {
      Word *word = g_ptr_array_index (words, i);

      if (g_ascii_strcasecmp (word->text->str, "curl") == 0
          || g_ascii_strcasecmp (word->text->str, "curl.exe") == 0)
        {
          i++;
          break;
        }
    }

  build.input = self;
  build.request = request = jd_request_new (NULL, "");
  build.body = g_string_new (NULL);
  build.steps = g_array_new (FALSE, FALSE, sizeof (Step));

  for (; i < words->len; i++)
    {
      Word *word = g_ptr_array_index (words, i);
      const char *w = word->text->str;
      Word *next = i + 1 < words->len ? g_ptr_array_index (words, i + 1) : NULL;

      if (!options_end && strcmp (w, "--") == 0)
        {
          options_end = TRUE;
        }
      else if (!options_end && w[0] == '-' && w[1] == '-')
        {
          const Option *option = find_long_option (w + 2);

          if (option != NULL && option->takes_arg)
            {
              if (next != NULL)
                {
                  Arg arg = arg_from_word (next, 0);
                  take_step (&build, option->action, &arg);
                  i++;
                }
            }
          else if (option != NULL)
            {
              take_step (&build, option->action, NULL);
            }
        }
      else if (!options_end && w[0] == '-' && w[1] != '\0')
        {
          /* A cluster of short options: -sSL, -HName:value, -XPUT. */
          for (gsize c = 1; c < word->text->len; c++)
            {
              const Option *option = find_short_option (w[c]);

              if (option == NULL)
                continue;
              if (!option->takes_arg)
                {
                  take_step (&build, option->action, NULL);
                  continue;
                }
              if (c + 1 < word->text->len)
                {
                  Arg arg = arg_from_word (word, c + 1);
                  take_step (&build, option->action, &arg);
                }
              else if (next != NULL)
                {
                  Arg arg = arg_from_word (next, 0);
                  take_step (&build, option->action, &arg);
                  i++;
                }
              break;
            }
        }
      else
        {
          Arg arg = arg_from_word (word, 0);
          take_step (&build, ACTION_URL, &arg);
        }
    }

  /* -b: in the place the first -b kept, unless -H gave a Cookie header
   * (then curl sends the -H ones only). */
  if (build.cookies != NULL && !build.header_cookie)
    {
      g_assert (build.cookie_placeholder);
      jd_request_set_header (request, "Cookie", build.cookies->str);
    }

  /* -u: a Basic header unless -H Authorization was given. */
  if (build.basic != NULL && jd_request_get_header (request, "Authorization") == NULL)
    jd_request_add_header (request, "Authorization", build.basic);

  if (build.authorization_headers > 1)
    jd_input_add_finding (self, JD_FINDING_MALFORMED_AUTHORIZATION, JD_SEVERITY_WARNING,
                          _ ("The command sends more than one Authorization header; servers "
                             "take the first, the last, or reject the request."),
                          _ ("Send exactly one Authorization header."));

  if (!build.token_found)
    build.token_found = find_token_elsewhere (&build);

  /* Method, body, URL. */
  if (build.has_url)
    url = arg_dup (&build.url);
  else
    url = g_strdup ("");

  if (build.has_data && build.get)
    {
      g_autofree char *with_query
        = g_strconcat (url, strchr (url, '?') != NULL ? "&" : "?", build.body->str, NULL);
      g_free (url);
      url = g_steal_pointer (&with_query);
    }
  else if (build.has_data)
    {
      g_autoptr (GBytes) body = g_bytes_new (build.body->str, build.body->len);

      jd_request_set_body (request, body);
      if (build.json)
        {
          if (jd_request_get_header (request, "Content-Type") == NULL)
            jd_request_add_header (request, "Content-Type", "application/json");
          if (jd_request_get_header (request, "Accept") == NULL)
            jd_request_add_header (request, "Accept", "application/json");
        }
      else if (build.form_data && jd_request_get_header (request, "Content-Type") == NULL)
        {
          jd_request_add_header (request, "Content-Type", "application/x-www-form-urlencoded");
        }
    }

  jd_request_set_url (request, url);
  if (build.method != NULL)
    jd_request_set_method (request, build.method);
  else if (build.head)
    jd_request_set_method (request, "HEAD");
  else if (build.has_data && !build.get)
    jd_request_set_method (request, "POST");

  if (build.has_url)
    jd_input_set_request (self, request);
  jd_input_add_header_problems (self, request);

  g_free (build.method);
  if (build.cookies != NULL)
    g_string_free (build.cookies, TRUE);
  g_free (build.basic);
  g_string_free (build.body, TRUE);
  g_array_unref (build.steps);
}

/* For tests: the words a shell would pass to curl (bash or cmd flavour,
 * decided as jd_input_parse does), each cut at a NUL byte; *@stopped:
 * where the word limit stopped the splitting (@len: it did not). */
GStrv
jd_curl_split_words (const char *text, gsize len, gsize *stopped)
{
  g_autoptr (GPtrArray) words = NULL;
  GStrvBuilder *builder;
  GStrv result;
  gsize stopped_at;

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  words = is_cmd_flavour (text, 0, len) ? split_cmd (text, 0, len, &stopped_at)
                                        : split_bash (text, 0, len, &stopped_at);
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
