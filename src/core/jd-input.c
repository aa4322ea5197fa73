/* jd-input.c — take what a person pastes and find the token in it
 *
 * Everything here works on bytes with an explicit length: the paste may be
 * binary junk, hold NUL bytes or be invalid UTF-8. Nothing reads past len.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "jd-finding.h"
#include "jd-input.h"
#include "jd-input-private.h"
#include "jd-server-messages.h"
#include "jd-www-authenticate.h"
#include "jd-token-kinds.h"

struct _JdInput
{
  GObject parent_instance;

  JdInputForm form;
  char *token;
  gsize token_start;
  gsize token_end;
  JdRequest *request;
  GPtrArray *findings; /* (element-type JdFinding) */
  GError *error;
  GPtrArray *server_messages; /* (element-type JdServerMessageMatch) */
};

G_DEFINE_FINAL_TYPE (JdInput, jd_input, G_TYPE_OBJECT)

G_DEFINE_QUARK (jd - input - error - quark, jd_input_error)

enum
{
  PROP_0,
  PROP_FORM,
  PROP_TOKEN,
  LAST_PROP
};

static GParamSpec *pspecs[LAST_PROP];

static void
jd_input_finalize (GObject *object)
{
  JdInput *self = JD_INPUT (object);

  g_free (self->token);
  g_clear_object (&self->request);
  g_ptr_array_unref (self->findings);
  g_clear_error (&self->error);
  g_clear_pointer (&self->server_messages, g_ptr_array_unref);

  G_OBJECT_CLASS (jd_input_parent_class)->finalize (object);
}

static void
jd_input_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  JdInput *self = JD_INPUT (object);

  switch (prop_id)
    {
      case PROP_FORM:
        g_value_set_int (value, self->form);
        break;
      case PROP_TOKEN:
        g_value_set_string (value, self->token);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_input_class_init (JdInputClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = jd_input_finalize;
  object_class->get_property = jd_input_get_property;

  /* Read-only: an input never changes after it is parsed. */
  pspecs[PROP_FORM] = g_param_spec_int ("form", NULL, NULL, JD_INPUT_FORM_EMPTY,
                                        JD_INPUT_FORM_UNKNOWN, JD_INPUT_FORM_EMPTY, flags);
  pspecs[PROP_TOKEN] = g_param_spec_string ("token", NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, LAST_PROP, pspecs);
}

static void
jd_input_init (JdInput *self)
{
  self->form = JD_INPUT_FORM_EMPTY;
  self->token = g_strdup ("");
  self->findings = g_ptr_array_new_with_free_func (g_object_unref);
}

/* ------------------------------------------------------------------ */
/* Bytes, and where they came from                                     */

/* A run of bytes and, for each byte, the range of the pasted text it was
 * read from (an escape such as \x41 or '\'' makes one byte out of several).
 * Without maps, byte i came from base + i. */
typedef struct
{
  const char *data;
  gsize len;
  const gsize *starts; /* nullable */
  const gsize *ends;   /* nullable */
  gsize base;
} Span;

static gsize
span_src_start (const Span *span, gsize i)
{
  g_assert (i < span->len);
  return span->starts != NULL ? span->starts[i] : span->base + i;
}

static gsize
span_src_end (const Span *span, gsize i)
{
  g_assert (i < span->len);
  return span->ends != NULL ? span->ends[i] : span->base + i + 1;
}

static Span
span_sub (const Span *span, gsize from, gsize to)
{
  Span sub = *span;

  g_assert (from <= to && to <= span->len);

  sub.data = span->data + from;
  sub.len = to - from;
  if (span->starts != NULL)
    {
      sub.starts = span->starts + from;
      sub.ends = span->ends + from;
    }
  else
    {
      sub.base = span->base + from;
    }

  return sub;
}

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

static gboolean
is_line_break (char c)
{
  return c == '\r' || c == '\n';
}

/* Characters of a compact JWS/JWE (base64url and dots), plus what
 * RFC 6750's b64token allows and a lenient decoder can show: + / = ~ */
static gboolean
is_token_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '_' || c == '.' || c == '=' || c == '+' || c == '/'
         || c == '~';
}

static gboolean
is_quote (char c)
{
  return c == '"' || c == '\'' || c == '`';
}

static void
trim (const char *data, gsize *from, gsize *to)
{
  while (*from < *to && is_space (data[*from]))
    (*from)++;
  while (*to > *from && is_space (data[*to - 1]))
    (*to)--;
}

static gboolean
has_prefix_ci (const char *data, gsize len, const char *prefix)
{
  gsize plen = strlen (prefix);

  return len >= plen && g_ascii_strncasecmp (data, prefix, plen) == 0;
}

gboolean
jd_input_is_jwt_shaped (const char *data, gsize len)
{
  guint dots = 0;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  if (len < 8 || memcmp (data, "eyJ", 3) != 0)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      if (data[i] == '.')
        dots++;
      else if (!(g_ascii_isalnum (data[i]) || data[i] == '-' || data[i] == '_'))
        return FALSE;
    }

  return dots == 2 || dots == 4;
}

/* The first JWT-shaped run of bytes in @data[from, to); FALSE if none. */
static gboolean
find_jwt (const char *data, gsize from, gsize to, gsize *out_start, gsize *out_end)
{
  for (gsize i = from; i + 3 <= to; i++)
    {
      gsize j;
      guint dots;

      if (data[i] != 'e' || memcmp (data + i, "eyJ", 3) != 0)
        continue;
      /* Must start a run, not sit inside one. */
      if (i > from && (g_ascii_isalnum (data[i - 1]) || data[i - 1] == '-' || data[i - 1] == '_'))
        continue;

      /* The dots are counted once, while scanning, and kept up to date
       * as trailing dots are dropped: recounting per dropped dot made a
       * long run of dots quadratic. */
      j = i;
      dots = 0;
      while (j < to
             && (g_ascii_isalnum (data[j]) || data[j] == '-' || data[j] == '_' || data[j] == '.'))
        dots += data[j++] == '.';
      /* A sentence may end right after the token. */
      while (j > i && data[j - 1] == '.' && dots > 4)
        {
          j--;
          dots--;
        }
      if (j > i && data[j - 1] == '.' && (dots == 3 || dots == 5))
        {
          j--;
          dots--;
        }

      if (jd_input_is_jwt_shaped (data + i, j - i))
        {
          *out_start = i;
          *out_end = j;
          return TRUE;
        }
      i = j > i ? j - 1 : i;
    }

  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Results                                                             */

static void
add_finding (JdInput *self, const char *id, JdSeverity severity, const char *message,
             const char *fix)
{
  int rank;

  g_assert (JD_IS_INPUT (self));

  /* A header the server cannot read fails before any claim is looked at. */
  rank = severity == JD_SEVERITY_ERROR ? JD_RANK_MALFORMED : JD_RANK_REQUEST;

  /* One finding per id and message is enough. */
  for (guint i = 0; i < self->findings->len; i++)
    {
      JdFinding *finding = g_ptr_array_index (self->findings, i);

      if (g_strcmp0 (jd_finding_get_id (finding), id) == 0
          && g_strcmp0 (jd_finding_get_message (finding), message) == 0)
        return;
    }

  jd_findings_add (self->findings, id, severity, rank, NULL, message, fix);
}

/* The token is @span[from, to) without its whitespace (wrapped lines). */
static void
set_token (JdInput *self, const Span *span, gsize from, gsize to)
{
  GString *token;

  g_assert (from <= to && to <= span->len);

  token = g_string_sized_new (to - from);
  for (gsize i = from; i < to;)
    {
      gsize run = i;

      /* Copy runs between spaces at once; a NUL byte ends the token (it is a C string). */
      while (run < to && span->data[run] != '\0' && !is_space (span->data[run]))
        run++;
      g_string_append_len (token, span->data + i, run - i);
      if (run < to && span->data[run] == '\0')
        {
          to = run;
          break;
        }
      i = run;
      while (i < to && is_space (span->data[i]))
        i++;
    }

  g_free (self->token);
  self->token = g_string_free (token, FALSE);

  if (from < to)
    {
      self->token_start = span_src_start (span, from);
      self->token_end = span_src_end (span, to - 1);
    }
  else
    {
      self->token_start = self->token_end = from < span->len ? span_src_start (span, from)
                                            : span->len > 0  ? span_src_end (span, span->len - 1)
                                                             : span->base;
    }
}

/* ------------------------------------------------------------------ */
/* The value of an Authorization header                                */

typedef enum
{
  CONTEXT_PASTE, /* a header line or "Bearer …" pasted on its own */
  CONTEXT_CURL,  /* a header in a command: exactly what would be sent */
} Context;

static gsize
word_end (const char *data, gsize from, gsize to)
{
  while (from < to && !is_space (data[from]))
    from++;

  return from;
}

static gsize
skip_space (const char *data, gsize from, gsize to)
{
  while (from < to && is_space (data[from]))
    from++;

  return from;
}

static gboolean
word_is_ci (const char *data, gsize from, gsize to, const char *word)
{
  return to - from == strlen (word) && g_ascii_strncasecmp (data + from, word, to - from) == 0;
}

/* "[object Object]": a literal the client wrote instead of a token
 * (jd-token-kinds.h) keeps its spaces, and they are not the problem.
 * Returns TRUE when @value[from, to) is one and was taken as the token. */
static gboolean
take_literal (JdInput *self, const Span *value, gsize from, gsize to)
{
  g_autofree char *literal = NULL;
  const JdTextRow *row;

  if (to - from >= 64 || memchr (value->data + from, ' ', to - from) == NULL)
    return FALSE;
  literal = g_strndup (value->data + from, to - from);
  row = jd_token_kinds_match_text (literal);
  if (row == NULL || row->kind != JD_KIND_NO_TOKEN)
    return FALSE;
  set_token (self, value, from, to);
  g_free (self->token);
  self->token = g_steal_pointer (&literal);
  return TRUE;
}

/* The token part after the scheme: quotes, wrapped lines, spaces. */
static void
analyze_credentials (JdInput *self, const Span *value, gsize from, gsize to, Context context)
{
  const char *data = value->data;
  gboolean line_break = FALSE;
  gboolean space = FALSE;

  trim (data, &from, &to);
  if (from == to)
    {
      add_finding (self, JD_FINDING_NO_TOKEN, JD_SEVERITY_ERROR,
                   _ ("The Authorization header names a scheme but carries no token after it: "
                      "the client had no token to send."),
                   _ ("Check that the variable holding the token is set before the header is "
                      "built (an empty value, \"undefined\" or \"null\" ends up here)."));
      set_token (self, value, from, to);
      return;
    }

  if (to - from >= 2 && is_quote (data[from]) && data[to - 1] == data[from])
    {
      add_finding (self, JD_FINDING_MALFORMED_AUTHORIZATION, JD_SEVERITY_ERROR,
                   _ ("The token in the Authorization header is wrapped in quotes; the server "
                      "reads the quotes as part of the token."),
                   _ ("Send the token without quotes: Authorization: Bearer eyJ… (a JSON "
                      "string was probably copied with its quotes, or the header was built "
                      "with JSON.stringify)."));
      from++;
      to--;
      trim (data, &from, &to);
    }

  /* "Bearer $TOKEN", "Bearer ${ACCESS_TOKEN}": a shell variable, as in the
   * commands jd_request_to_curl writes. Its value is not in the paste. */
  if (data[from] == '$' && to - from >= 2
      && (g_ascii_isalpha (data[from + 1]) || data[from + 1] == '_' || data[from + 1] == '{'))
    {
      add_finding (self, JD_FINDING_MALFORMED_AUTHORIZATION, JD_SEVERITY_WARNING,
                   _ ("The token is a shell variable; its value is not part of what was "
                      "pasted."),
                   _ ("Paste the token itself, or the command after the shell has put the "
                      "variable's value in (e.g. from the browser's \"Copy as cURL\")."));
      set_token (self, value, from, from);
      return;
    }

  if (take_literal (self, value, from, to))
    return;

  for (gsize i = from; i < to; i++)
    {
      if (is_line_break (data[i]))
        line_break = TRUE;
      else if (is_space (data[i]))
        space = TRUE;
    }

  if (line_break)
    {
      if (context == CONTEXT_CURL)
        add_finding (self, JD_FINDING_MALFORMED_AUTHORIZATION, JD_SEVERITY_ERROR,
                     _ ("The Authorization header has a line break inside the token: the "
                        "request carries a broken header, or the server cuts the token at the "
                        "break."),
                     _ ("Remove line breaks from the token, for example a trailing newline "
                        "read from a file or a command's output: use the value trimmed."));
      else
        add_finding (self, JD_FINDING_MALFORMED_AUTHORIZATION, JD_SEVERITY_WARNING,
                     _ ("The pasted Authorization value has a line break inside the token; the "
                        "parts were joined. If the client really sends it like this, the header "
                        "is broken; if the break only comes from copying wrapped text, ignore "
                        "this."),
                     _ ("Make sure the client sends the token on one line, without a newline "
                        "read from a file or a command's output."));
    }
  else if (space)
    {
      gsize end = word_end (data, from, to);

      /* "Bearer abc def": one token with a space in it, or a token and
       * something else? A JWT after joining says which. */
      g_autoptr (GString) joined = g_string_new (NULL);
      for (gsize i = from; i < to; i++)
        if (!is_space (data[i]))
          g_string_append_c (joined, data[i]);

      add_finding (self, JD_FINDING_MALFORMED_AUTHORIZATION, JD_SEVERITY_ERROR,
                   _ ("The Authorization header has a space inside the token; the server "
                      "reads only the part before it, or rejects the header."),
                   _ ("Send the token as one word after \"Bearer \", with nothing else in the "
                      "header value."));
      if (!jd_input_is_jwt_shaped (joined->str, joined->len)
          && jd_input_is_jwt_shaped (data + from, end - from))
        to = end;
    }

  set_token (self, value, from, to);
}

static void
analyze_basic (JdInput *self, const Span *value, gsize from, gsize to)
{
  const char *data = value->data;
  g_autofree char *encoded = NULL;
  g_autofree guchar *decoded = NULL;
  gsize decoded_len = 0;
  gsize start, end;

  trim (value->data, &from, &to);
  encoded = g_strndup (data + from, to - from);

  add_finding (self, JD_FINDING_MALFORMED_AUTHORIZATION, JD_SEVERITY_ERROR,
               _ ("The Authorization header uses the Basic scheme (user name and password), not "
                  "Bearer: an API that expects a bearer token rejects it."),
               _ ("Send the access token as \"Authorization: Bearer <token>\" instead of "
                  "Basic credentials."));

  /* A JWT written straight after "Basic", or one inside user:password. */
  if (jd_input_is_jwt_shaped (data + from, to - from))
    {
      set_token (self, value, from, to);
      return;
    }

  if (strlen (encoded) == to - from)
    decoded = g_base64_decode (encoded, &decoded_len);
  if (decoded != NULL && find_jwt ((const char *)decoded, 0, decoded_len, &start, &end))
    {
      g_free (self->token);
      self->token = g_strndup ((const char *)decoded + start, end - start);
      /* The token is inside the base64: highlight the credentials. */
      self->token_start = span_src_start (value, from);
      self->token_end = to > from ? span_src_end (value, to - 1) : self->token_start;
      return;
    }

  set_token (self, value, to, to);
}

/* "BearereyJ…": the space after the scheme is missing. One finding says
 * so; the token after "Bearer" is then read as usual. Returns TRUE when
 * the word @value[from, scheme_end) is such a glued pair. */
static gboolean
take_glued_bearer (JdInput *self, const Span *value, gsize from, gsize scheme_end, gsize to,
                   Context context)
{
  const char *data = value->data;

  if (scheme_end - from <= 6 || !has_prefix_ci (data + from, scheme_end - from, "Bearer")
      || !has_prefix_ci (data + from + 6, scheme_end - from - 6, "eyJ"))
    return FALSE;
  add_finding (self, JD_FINDING_MALFORMED_AUTHORIZATION, JD_SEVERITY_ERROR,
               _ ("\"Bearer\" is glued to the token, without a space: the server sees no "
                  "Bearer scheme (RFC 6750 §2.1) and rejects the header."),
               _ ("Put one space between the scheme and the token: Authorization: Bearer "
                  "eyJ… (the code joins \"Bearer\" and the token without the space)."));
  analyze_credentials (self, value, from + 6, to, context);
  return TRUE;
}

/* @value is everything after "Authorization:" (or the whole "Bearer …"). */
static void
analyze_authorization (JdInput *self, const Span *value, Context context)
{
  const char *data = value->data;
  gsize from = 0, to = value->len;
  gsize scheme_end;

  trim (data, &from, &to);
  if (from == to)
    {
      add_finding (self, JD_FINDING_NO_TOKEN, JD_SEVERITY_ERROR,
                   _ ("The Authorization header is empty: the client had no token to send."),
                   _ ("Send \"Authorization: Bearer <token>\"; check that the code building the "
                      "header has a token at that moment."));
      set_token (self, value, from, to);
      return;
    }

  if (to - from >= 2 && is_quote (data[from]) && data[to - 1] == data[from])
    {
      add_finding (self, JD_FINDING_MALFORMED_AUTHORIZATION, JD_SEVERITY_ERROR,
                   _ ("The Authorization value is wrapped in quotes; the server reads the "
                      "quotes as part of the scheme and the token."),
                   _ ("Send the value without quotes: Authorization: Bearer eyJ…"));
      from++;
      to--;
      trim (data, &from, &to);
    }

  scheme_end = word_end (data, from, to);

  if (take_glued_bearer (self, value, from, scheme_end, to, context))
    return;

  /* "Bearer", "bearer", "BEARER" (RFC 7235 §2.1: case-insensitive), or
   * "Bearer:" with a stray colon. */
  if (word_is_ci (data, from, scheme_end, "Bearer")
      || word_is_ci (data, from, scheme_end, "Bearer:"))
    {
      gsize rest;
      guint repeats = 0;

      if (data[scheme_end - 1] == ':')
        add_finding (self, JD_FINDING_MALFORMED_AUTHORIZATION, JD_SEVERITY_ERROR,
                     _ ("The Authorization header reads \"Bearer:\": the colon after the scheme "
                        "is not part of the syntax, so the server does not see a Bearer "
                        "token."),
                     _ ("Write \"Bearer\", one space, then the token: Authorization: Bearer "
                        "eyJ…"));
      else if (strncmp (data + from, "Bearer", 6) != 0)
        {
          g_autofree char *scheme = g_strndup (data + from, 6);
          g_autofree char *message = g_strdup_printf (
            _ ("The scheme is written \"%s\". RFC 7235 makes it case-insensitive, but some "
               "servers and gateways only accept \"Bearer\"."),
            scheme);
          add_finding (self, JD_FINDING_MALFORMED_AUTHORIZATION, JD_SEVERITY_INFO, message,
                       _ ("Write \"Bearer\" to be safe with strict servers."));
        }

      rest = skip_space (data, scheme_end, to);
      for (;;)
        {
          gsize end = word_end (data, rest, to);

          if (end == rest || end == to
              || !(word_is_ci (data, rest, end, "Bearer")
                   || word_is_ci (data, rest, end, "Bearer:")))
            break;
          repeats++;
          rest = skip_space (data, end, to);
        }

      if (repeats > 0)
        add_finding (self, JD_FINDING_DOUBLE_BEARER_PREFIX, JD_SEVERITY_ERROR,
                     _ ("The Authorization header says \"Bearer Bearer …\": the server reads "
                        "\"Bearer …\" as the token and rejects it."),
                     _ ("The client adds \"Bearer \" to a value that already has it. Keep the "
                        "stored token bare and let one place (the HTTP client or its "
                        "interceptor) add the prefix."));

      analyze_credentials (self, value, rest, to, context);
      return;
    }

  if (word_is_ci (data, from, scheme_end, "Basic"))
    {
      analyze_basic (self, value, scheme_end, to);
      return;
    }

  /* No scheme at all: the token alone. */
  if (scheme_end == to || skip_space (data, scheme_end, to) == to
      || jd_input_is_jwt_shaped (data + from, scheme_end - from) || is_quote (data[from]))
    {
      add_finding (self, JD_FINDING_MALFORMED_AUTHORIZATION, JD_SEVERITY_ERROR,
                   _ ("The Authorization header holds the token without a scheme; RFC 6750 "
                      "expects \"Bearer\" and a space before it."),
                   _ ("Send \"Authorization: Bearer <token>\"."));
      analyze_credentials (self, value, from, to, context);
      return;
    }

  /* Another scheme: "JWT eyJ…", "Token eyJ…", "Bearer-Token …". */
  {
    /* Shown to a person: valid UTF-8, and not a megabyte of it. */
    g_autofree char *scheme = g_utf8_make_valid (data + from, MIN (scheme_end - from, 32));
    g_autofree char *message = g_strdup_printf (
      _ ("The Authorization header uses the scheme \"%s\", not \"Bearer\"; servers that "
         "follow RFC 6750 reject it."),
      scheme);
    g_autofree char *fix = g_strdup_printf (
      _ ("Send \"Authorization: Bearer <token>\", unless the API documents \"%s\"."), scheme);

    add_finding (self, JD_FINDING_MALFORMED_AUTHORIZATION, JD_SEVERITY_WARNING, message, fix);
    analyze_credentials (self, value, scheme_end, to, context);
  }
}

/* ------------------------------------------------------------------ */
/* Header lines and bare tokens                                        */

/* "Name:" at @data[from]: returns the offset after the colon, or 0. */
static gsize
header_name_end (const char *data, gsize from, gsize to)
{
  gsize i = from;

  while (i < to && (g_ascii_isalnum (data[i]) || data[i] == '-' || data[i] == '_'))
    i++;
  if (i == from)
    return 0;
  while (i < to && (data[i] == ' ' || data[i] == '\t'))
    i++;
  if (i < to && data[i] == ':')
    return i + 1;

  return 0;
}

/* "Authorization:" (any case, spaces before the colon) at @data[from]:
 * the offset after the colon, or 0. "Authorization-Foo:" is not it. */
static gsize
authorization_name_end (const char *data, gsize from, gsize to)
{
  gsize colon = header_name_end (data, from, to);
  gsize name_end = from + strlen ("Authorization");

  if (colon == 0 || !has_prefix_ci (data + from, to - from, "Authorization"))
    return 0;
  for (gsize i = name_end; i + 1 < colon; i++)
    if (data[i] != ' ' && data[i] != '\t')
      return 0;

  return colon;
}

static gsize
line_end (const char *data, gsize from, gsize to)
{
  while (from < to && data[from] != '\n')
    from++;

  return from;
}

/* "Bearer was not authenticated. Failure message: IDX10501: …" (ASP.NET
 * Core's log, the scheme's name opening a sentence) with the token pasted
 * elsewhere: the first line is a sentence (three or more words, one of
 * them ending in '.', ',' or ':') whose second word is neither a token nor
 * "Bearer" again, and a JWT follows. Then the text is read as a log with a
 * token in it, not as "Bearer <value>". */
static gboolean
bearer_opens_prose (const char *data, gsize from, gsize to)
{
  gsize eol = line_end (data, from, to);
  gsize word = skip_space (data, from + 6, eol);
  gsize words = 1, jwt_start, jwt_end;
  gboolean punctuated = FALSE;

  if (word == from + 6 || word >= eol || has_prefix_ci (data + word, eol - word, "eyJ")
      || has_prefix_ci (data + word, eol - word, "Bearer"))
    return FALSE;
  for (gsize i = word; i < eol; i = skip_space (data, word_end (data, i, eol), eol))
    {
      gsize end = word_end (data, i, eol);
      words++;
      punctuated |= end > i && data[end - 1] != '\0' && strchr (".,:", data[end - 1]) != NULL;
    }
  return words >= 3 && punctuated && find_jwt (data, word, to, &jwt_start, &jwt_end);
}

/* The value of an "Authorization:" line that starts at @name: up to the
 * next line that is another header (wrapped lines belong to it). */
static gsize
authorization_value_end (const char *data, gsize value, gsize to)
{
  gsize end = line_end (data, value, to);

  while (end < to)
    {
      gsize next = end + 1;
      gsize next_end = line_end (data, next, to);
      gsize a = next, b = next_end;

      trim (data, &a, &b);
      /* A blank line, or "Name: …", ends the value. */
      if (a == b || header_name_end (data, a, b) != 0)
        break;
      end = next_end;
    }

  return end;
}

/* A line "Authorization: …" anywhere in a block of header lines (Firefox's
 * "Copy Request Headers", a log). Returns TRUE and the value's range. */
static gboolean
find_authorization_line (const char *data, gsize from, gsize to, gsize *value_start,
                         gsize *value_end)
{
  for (gsize line = from; line < to;)
    {
      gsize end = line_end (data, line, to);
      gsize a = line, b = end;
      gsize name_end;

      trim (data, &a, &b);
      if ((name_end = authorization_name_end (data, a, b)) != 0)
        {
          *value_start = name_end;
          *value_end = authorization_value_end (data, name_end, to);
          return TRUE;
        }
      line = end + 1;
    }

  return FALSE;
}

/* Only token characters, whitespace between them containing a line break
 * (a wrapped token). */
static gboolean
is_wrapped_token (const char *data, gsize from, gsize to)
{
  for (gsize i = from; i < to;)
    {
      if (is_token_char (data[i]))
        {
          i++;
          continue;
        }
      if (is_space (data[i]))
        {
          gboolean line_break = FALSE;

          while (i < to && is_space (data[i]))
            line_break |= is_line_break (data[i++]);
          if (!line_break)
            return FALSE;
          continue;
        }
      return FALSE;
    }

  return TRUE;
}

/* "GET /v1/me HTTP/2" and header lines after it, as the browsers' "Copy
 * Request Headers" write them: the request, or NULL. */
static JdRequest *
request_from_header_block (const char *data, gsize from, gsize to)
{
  g_autoptr (JdRequest) request = NULL;
  g_autofree char *line = NULL;
  g_auto (GStrv) parts = NULL;
  g_autofree char *scheme = NULL;
  g_autofree char *host = NULL;
  g_autofree char *url = NULL;
  gsize end = line_end (data, from, to);
  gsize next;

  line = g_strndup (data + from, end - from);
  g_strstrip (line);
  parts = g_strsplit (line, " ", -1);
  if (g_strv_length (parts) != 3 || !g_str_has_prefix (parts[2], "HTTP/") || *parts[0] == '\0')
    return NULL;
  for (const char *m = parts[0]; *m != '\0'; m++)
    if (!g_ascii_isupper (*m))
      return NULL;
  if (parts[1][0] != '/' && !g_str_has_prefix (parts[1], "http"))
    return NULL;

  request = jd_request_new (parts[0], "");

  for (next = end + 1; next < to;)
    {
      gsize a = next, b = line_end (data, next, to);
      gsize name_end;
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;

      next = b + 1;
      trim (data, &a, &b);
      if (a == b)
        break;

      /* ":authority: api.example.com" */
      name_end = data[a] == ':' ? header_name_end (data, a + 1, b) : header_name_end (data, a, b);
      if (name_end == 0 || memchr (data + a, '\0', b - a) != NULL)
        continue;
      name = g_strndup (data + a, name_end - 1 - a);
      g_strstrip (name);
      value = g_strndup (data + name_end, b - name_end);
      g_strstrip (value);

      if (g_ascii_strcasecmp (name, ":scheme") == 0)
        {
          g_free (scheme);
          scheme = g_strdup (value);
        }
      else if (g_ascii_strcasecmp (name, ":authority") == 0
               || g_ascii_strcasecmp (name, "Host") == 0)
        {
          if (host == NULL)
            host = g_strdup (value);
        }
      jd_request_add_header (request, name, value);
    }

  if (next < to)
    {
      g_autoptr (GBytes) body = g_bytes_new (data + next, to - next);
      jd_request_set_body (request, body);
    }

  if (parts[1][0] != '/' || host == NULL)
    url = g_strdup (parts[1]);
  else
    url = g_strconcat (scheme != NULL ? scheme : "https", "://", host, parts[1], NULL);
  jd_request_set_url (request, url);

  return g_steal_pointer (&request);
}

static gboolean
looks_like_curl (const char *data, gsize from, gsize to)
{
  /* Comment lines first, as in the commands jd_request_to_curl writes. */
  while (from < to && data[from] == '#')
    from = skip_space (data, line_end (data, from, to), to);

  /* A shell prompt copied along. */
  if (to - from >= 2 && (data[from] == '$' || data[from] == '>') && data[from + 1] == ' ')
    from = skip_space (data, from + 1, to);

  if (has_prefix_ci (data + from, to - from, "curl.exe"))
    from += 8;
  else if (has_prefix_ci (data + from, to - from, "curl"))
    from += 4;
  else
    return FALSE;

  return from == to || is_space (data[from]) || data[from] == '^';
}

/* A token somewhere in other text: JSON from a token endpoint, a log,
 * another header or a cookie (named: most APIs read only Authorization);
 * or a padded token in a header line, taken without the header's name. */
static gboolean
take_token_in_text (JdInput *self, const Span *span, gsize from, gsize to)
{
  const char *text = span->data;
  JdTokenPlace place;
  g_autofree char *name = NULL;
  gsize start, end;

  if (!find_jwt (text, from, to, &start, &end)
      && !jd_input_find_header_token (text, from, to, &start, &end))
    return FALSE;
  self->form = JD_INPUT_FORM_TOKEN;
  set_token (self, span, start, end);
  jd_input_check_token_list (self, text, from, to);
  if (jd_input_locate_in_headers (text, from, start, &place, &name))
    {
      self->request = request_from_header_block (text, from, to);
      jd_input_add_placement (self, place, name);
    }
  return TRUE;
}

static JdInput *
parse_text (const char *text, gsize len)
{
  g_autoptr (JdInput) self = g_object_new (JD_TYPE_INPUT, NULL);
  Span span = { text, len, NULL, NULL, 0 };
  gsize from = 0, to = len;
  gsize value_start, value_end;

  g_return_val_if_fail (text != NULL || len == 0, g_steal_pointer (&self));

  if (len == 0)
    return g_steal_pointer (&self);

  /* Refused whole: reading part of it could find a token that is not the
   * one meant, and a curl command costs several bytes per byte to read. */
  if (len > JD_INPUT_MAX_SIZE)
    {
      self->form = JD_INPUT_FORM_UNKNOWN;
      g_set_error (&self->error, JD_INPUT_ERROR, JD_INPUT_ERROR_TOO_LARGE,
                   _ ("The text is %zu bytes long; more than %d bytes (%d MiB) is not read, so "
                      "none of it was."),
                   len, JD_INPUT_MAX_SIZE, JD_INPUT_MAX_SIZE / (1024 * 1024));
      add_finding (self, JD_FINDING_INPUT_TOO_LARGE, JD_SEVERITY_ERROR, self->error->message,
                   _ ("Paste only the token, its Authorization header or the one curl command "
                      "that sends it."));
      return g_steal_pointer (&self);
    }

  /* A byte order mark from an editor or a Windows tool. */
  if (len >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    from = 3;
  trim (text, &from, &to);

  if (from == to)
    {
      self->form = JD_INPUT_FORM_EMPTY;
      self->token_start = self->token_end = from;
      return g_steal_pointer (&self);
    }

  /* A token endpoint's response: its access_token (jd-token-response.c). */
  if (text[from] == '{' && jd_input_parse_token_response (self, text, from, to))
    {
      self->form = JD_INPUT_FORM_TOKEN;
      return g_steal_pointer (&self);
    }

  if (looks_like_curl (text, from, to))
    {
      self->form = JD_INPUT_FORM_CURL;
      if (to - from > JD_CURL_MAX_SIZE)
        {
          g_set_error (&self->error, JD_INPUT_ERROR, JD_INPUT_ERROR_TOO_LARGE,
                       _ ("The curl command is %zu bytes long; more than %d bytes (%d MiB) is not "
                          "read, so none of it was."),
                       to - from, JD_CURL_MAX_SIZE, JD_CURL_MAX_SIZE / (1024 * 1024));
          add_finding (self, JD_FINDING_INPUT_TOO_LARGE, JD_SEVERITY_ERROR, self->error->message,
                       _ ("Paste only the token or its Authorization header: a command this large "
                          "carries a body the diagnosis does not need."));
          return g_steal_pointer (&self);
        }
      jd_input_parse_curl (self, text, from, to);
      return g_steal_pointer (&self);
    }

  /* Quotes around the whole paste: copied from code or JSON. */
  while (to - from >= 2 && is_quote (text[from]) && text[to - 1] == text[from])
    {
      from++;
      to--;
      trim (text, &from, &to);
    }

  /* "Authorization: …" as the first line. */
  if ((value_start = authorization_name_end (text, from, to)) != 0)
    {
      Span value;

      value_end = authorization_value_end (text, value_start, to);
      value = span_sub (&span, value_start, value_end);
      self->form = JD_INPUT_FORM_AUTHORIZATION;
      analyze_authorization (self, &value, CONTEXT_PASTE);
      return g_steal_pointer (&self);
    }

  /* "Bearer …", and "BearereyJ…" with the space missing. */
  if (has_prefix_ci (text + from, to - from, "Bearer") && !bearer_opens_prose (text, from, to)
      && (to - from == 6 || is_space (text[from + 6]) || text[from + 6] == ':'
          || has_prefix_ci (text + from + 6, to - from - 6, "eyJ")))
    {
      Span value = span_sub (&span, from, to);

      self->form = JD_INPUT_FORM_BEARER;
      analyze_authorization (self, &value, CONTEXT_PASTE);
      return g_steal_pointer (&self);
    }

  /* A bare token, maybe wrapped over lines; a .jwt file. */
  if (is_wrapped_token (text, from, to))
    {
      self->form = JD_INPUT_FORM_TOKEN;
      set_token (self, &span, from, to);
      return g_steal_pointer (&self);
    }

  /* A block of request headers with an Authorization line in it. */
  if (find_authorization_line (text, from, to, &value_start, &value_end))
    {
      Span value = span_sub (&span, value_start, value_end);

      self->form = JD_INPUT_FORM_AUTHORIZATION;
      self->request = request_from_header_block (text, from, to);
      if (self->request != NULL)
        jd_input_add_header_problems (self, self->request);
      analyze_authorization (self, &value, CONTEXT_PASTE);
      return g_steal_pointer (&self);
    }

  if (take_token_in_text (self, &span, from, to))
    return g_steal_pointer (&self);

  /* No token found: pass the text on as it is, so the decoder can say
   * where and what is wrong with it. */
  self->form = JD_INPUT_FORM_UNKNOWN;
  {
    gsize nul = from;

    while (nul < to && text[nul] != '\0')
      nul++;
    g_free (self->token);
    self->token = g_strndup (text + from, nul - from);
    self->token_start = from;
    self->token_end = nul;
  }

  return g_steal_pointer (&self);
}

/* "Bearer error=\"invalid_token\", error_description=\"…\"": a
 * WWW-Authenticate value copied from a response, not an Authorization
 * header. */
static gboolean
is_bearer_error_challenge (const char *text, gsize len)
{
  gsize from = 0, to = len;
  g_autoptr (GPtrArray) challenges = NULL;

  trim (text, &from, &to);
  challenges = jd_www_authenticate_parse (text + from, to - from, NULL, NULL);
  for (guint i = 0; challenges != NULL && i < challenges->len; i++)
    {
      const JdChallenge *c = g_ptr_array_index (challenges, i);

      if (jd_challenge_get_param (c, "error") != NULL
          || jd_challenge_get_param (c, "error_description") != NULL)
        return TRUE;
    }
  return FALSE;
}

/* A server's error message pasted around the token (or instead of it):
 * the text before and after the token, or all of it when there is none. */
static void
scan_server_messages (JdInput *self, const char *text, gsize len)
{
  const char *where = _ ("the paste");

  if (self->error != NULL || text == NULL || len == 0)
    self->server_messages = g_ptr_array_new ();
  else if (self->form == JD_INPUT_FORM_UNKNOWN || self->token_end <= self->token_start)
    self->server_messages = jd_server_messages_scan (text, len, where);
  else if (self->form == JD_INPUT_FORM_BEARER && is_bearer_error_challenge (text, len)
           && (self->server_messages = jd_server_messages_scan (text, len, where))->len > 0)
    {
      /* the server's answer with a message it knows, not a token: read
       * as text, like any other text without a token */
      self->form = JD_INPUT_FORM_UNKNOWN;
      g_ptr_array_set_size (self->findings, 0);
      g_free (self->token);
      self->token = g_strndup (text, len);
      self->token_start = 0;
      self->token_end = strlen (self->token);
    }
  else
    {
      g_autoptr (GPtrArray) after = NULL;

      g_clear_pointer (&self->server_messages, g_ptr_array_unref);
      after
        = jd_server_messages_scan (text + self->token_end, len - MIN (len, self->token_end), where);
      self->server_messages = jd_server_messages_scan (text, MIN (self->token_start, len), where);
      for (guint i = 0; i < after->len; i++)
        if (self->server_messages->len < JD_SERVER_MESSAGES_MAX_MATCHES)
          g_ptr_array_add (self->server_messages, g_ptr_array_steal_index (after, i--));
    }
}

JdInput *
jd_input_parse (const char *text, gsize len)
{
  JdInput *self = parse_text (text, len);

  scan_server_messages (self, text, len);
  return self;
}

/* ------------------------------------------------------------------ */
/* Called from jd-curl-parse.c                                         */

void
jd_input_set_request (JdInput *self, JdRequest *request)
{
  g_assert (JD_IS_INPUT (self));

  g_set_object (&self->request, request);
}

void
jd_input_take_authorization (JdInput *self, const char *value, gsize len, const gsize *starts,
                             const gsize *ends)
{
  Span span = { value, len, starts, ends, 0 };

  g_assert (JD_IS_INPUT (self));
  /* An empty word (curl --oauth2-bearer "") has no positions at all. */
  g_assert (len == 0 || (starts != NULL && ends != NULL));

  analyze_authorization (self, &span, CONTEXT_CURL);
}

void
jd_input_take_token (JdInput *self, const char *value, gsize len, const gsize *starts,
                     const gsize *ends)
{
  Span span = { value, len, starts, ends, 0 };

  g_assert (JD_IS_INPUT (self));
  /* An empty word (curl --oauth2-bearer "") has no positions at all. */
  g_assert (len == 0 || (starts != NULL && ends != NULL));

  set_token (self, &span, 0, len);
}

gboolean
jd_input_find_jwt (const char *data, gsize len, gsize *start, gsize *end)
{
  return find_jwt (data, 0, len, start, end);
}

void
jd_input_add_finding (JdInput *self, const char *id, JdSeverity severity, const char *message,
                      const char *fix)
{
  add_finding (self, id, severity, message, fix);
}

void
jd_input_add_header_problems (JdInput *self, JdRequest *request)
{
  GPtrArray *problems;

  g_assert (JD_IS_INPUT (self));
  g_assert (JD_IS_REQUEST (request));

  problems = jd_request_get_header_problems (request);
  for (guint i = 0; i < problems->len; i++)
    jd_findings_add (self->findings, JD_FINDING_HEADERS_LEFT_OUT, JD_SEVERITY_WARNING,
                     JD_RANK_REQUEST, NULL, g_ptr_array_index (problems, i),
                     _ ("The request as read here (and sent from the Request page) lacks "
                        "them. Servers refuse far less, commonly 8 KiB a header line and about "
                        "100 headers: trim what the client sends."));
}

/* ------------------------------------------------------------------ */
/* Getters                                                             */

JdInputForm
jd_input_get_form (JdInput *self)
{
  g_return_val_if_fail (JD_IS_INPUT (self), JD_INPUT_FORM_EMPTY);

  return self->form;
}

const char *
jd_input_get_token (JdInput *self)
{
  g_return_val_if_fail (JD_IS_INPUT (self), "");

  return self->token;
}

gsize
jd_input_get_token_start (JdInput *self)
{
  g_return_val_if_fail (JD_IS_INPUT (self), 0);

  return self->token_start;
}

gsize
jd_input_get_token_end (JdInput *self)
{
  g_return_val_if_fail (JD_IS_INPUT (self), 0);

  return self->token_end;
}

JdRequest *
jd_input_get_request (JdInput *self)
{
  g_return_val_if_fail (JD_IS_INPUT (self), NULL);

  return self->request;
}

GPtrArray *
jd_input_get_findings (JdInput *self)
{
  g_return_val_if_fail (JD_IS_INPUT (self), NULL);

  return self->findings;
}

GPtrArray *
jd_input_get_server_messages (JdInput *self)
{
  g_return_val_if_fail (JD_IS_INPUT (self), NULL);

  return self->server_messages;
}

const GError *
jd_input_get_error (JdInput *self)
{
  g_return_val_if_fail (JD_IS_INPUT (self), NULL);

  return self->error;
}
