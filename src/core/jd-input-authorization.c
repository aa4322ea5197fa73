/* jd-input-authorization.c — the value of an Authorization header
 *
 * What a person pasted after "Authorization:" (or "Bearer …" alone), or
 * what a curl command sends in it: the scheme (Bearer in any case, Bearer
 * twice, Basic, none, another), quotes, wrapped lines and spaces around
 * and inside the token, a shell variable in its place. Each is a finding;
 * the token is what the server would read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "jd-input-private.h"
#include "jd-token-kinds.h"

static gboolean
word_is_ci (const char *data, gsize from, gsize to, const char *word)
{
  return to - from == strlen (word) && g_ascii_strncasecmp (data + from, word, to - from) == 0;
}

/* "[object Object]": a literal the client wrote instead of a token
 * (jd-token-kinds.h) keeps its spaces, and they are not the problem.
 * Returns TRUE when @value[from, to) is one and was taken as the token. */
static gboolean
take_literal (JdInput *self, const JdSpan *value, gsize from, gsize to)
{
  g_autofree char *literal = NULL;
  const JdTextRow *row;

  if (to - from >= 64 || memchr (value->data + from, ' ', to - from) == NULL)
    return FALSE;
  literal = g_strndup (value->data + from, to - from);
  row = jd_token_kinds_match_text (literal);
  if (row == NULL || row->kind != JD_KIND_NO_TOKEN)
    return FALSE;
  jd_input_set_token (self, value, from, to);
  g_free (self->token);
  self->token = g_steal_pointer (&literal);
  return TRUE;
}

/* A line break or a space inside the token @data[from, to): a finding
 * each. Returns where the token ends: before the space when only the first
 * word is a JWT ("Bearer eyJ… extra"). */
static gsize
note_inner_whitespace (JdInput *self, const char *data, gsize from, gsize to,
                       JdInputContext context)
{
  gboolean line_break = FALSE;
  gboolean space = FALSE;

  for (gsize i = from; i < to; i++)
    {
      if (jd_input_is_line_break (data[i]))
        line_break = TRUE;
      else if (jd_input_is_space (data[i]))
        space = TRUE;
    }

  if (line_break)
    {
      if (context == JD_INPUT_CONTEXT_CURL)
        jd_input_add_finding (
          self, JD_FINDING_MALFORMED_AUTHORIZATION, JD_SEVERITY_ERROR,
          _ ("The Authorization header has a line break inside the token: the "
             "request carries a broken header, or the server cuts the token at the "
             "break."),
          _ ("Remove line breaks from the token, for example a trailing newline "
             "read from a file or a command's output: use the value trimmed."));
      else
        jd_input_add_finding (
          self, JD_FINDING_MALFORMED_AUTHORIZATION, JD_SEVERITY_WARNING,
          _ ("The pasted Authorization value has a line break inside the token; the "
             "parts were joined. If the client really sends it like this, the header "
             "is broken; if the break only comes from copying wrapped text, ignore "
             "this."),
          _ ("Make sure the client sends the token on one line, without a newline "
             "read from a file or a command's output."));
    }
  else if (space)
    {
      gsize end = jd_input_word_end (data, from, to);

      /* "Bearer abc def": one token with a space in it, or a token and
       * something else? A JWT after joining says which. */
      g_autoptr (GString) joined = g_string_new (NULL);
      for (gsize i = from; i < to; i++)
        if (!jd_input_is_space (data[i]))
          g_string_append_c (joined, data[i]);

      jd_input_add_finding (
        self, JD_FINDING_MALFORMED_AUTHORIZATION, JD_SEVERITY_ERROR,
        _ ("The Authorization header has a space inside the token; the server "
           "reads only the part before it, or rejects the header."),
        _ ("Send the token as one word after \"Bearer \", with nothing else in the "
           "header value."));
      if (!jd_input_is_jwt_shaped (joined->str, joined->len)
          && jd_input_is_jwt_shaped (data + from, end - from))
        to = end;
    }

  return to;
}

/* The token part after the scheme: quotes, wrapped lines, spaces. */
static void
analyze_credentials (JdInput *self, const JdSpan *value, gsize from, gsize to,
                     JdInputContext context)
{
  const char *data = value->data;

  jd_input_trim (data, &from, &to);
  if (from == to)
    {
      jd_input_add_finding (
        self, JD_FINDING_NO_TOKEN, JD_SEVERITY_ERROR,
        _ ("The Authorization header names a scheme but carries no token after it: "
           "the client had no token to send."),
        _ ("Check that the variable holding the token is set before the header is "
           "built (an empty value, \"undefined\" or \"null\" ends up here)."));
      jd_input_set_token (self, value, from, to);
      return;
    }

  if (to - from >= 2 && jd_input_is_quote (data[from]) && data[to - 1] == data[from])
    {
      jd_input_add_finding (
        self, JD_FINDING_MALFORMED_AUTHORIZATION, JD_SEVERITY_ERROR,
        _ ("The token in the Authorization header is wrapped in quotes; the server "
           "reads the quotes as part of the token."),
        _ ("Send the token without quotes: Authorization: Bearer eyJ… (a JSON "
           "string was probably copied with its quotes, or the header was built "
           "with JSON.stringify)."));
      from++;
      to--;
      jd_input_trim (data, &from, &to);
    }

  /* "Bearer $TOKEN", "Bearer ${ACCESS_TOKEN}": a shell variable, as in the
   * commands jd_request_to_curl writes. Its value is not in the paste. */
  if (data[from] == '$' && to - from >= 2
      && (g_ascii_isalpha (data[from + 1]) || data[from + 1] == '_' || data[from + 1] == '{'))
    {
      jd_input_add_finding (self, JD_FINDING_MALFORMED_AUTHORIZATION, JD_SEVERITY_WARNING,
                            _ ("The token is a shell variable; its value is not part of what was "
                               "pasted."),
                            _ ("Paste the token itself, or the command after the shell has put the "
                               "variable's value in (e.g. from the browser's \"Copy as cURL\")."));
      jd_input_set_token (self, value, from, from);
      return;
    }

  if (take_literal (self, value, from, to))
    return;

  to = note_inner_whitespace (self, data, from, to, context);
  jd_input_set_token (self, value, from, to);
}

static void
analyze_basic (JdInput *self, const JdSpan *value, gsize from, gsize to)
{
  const char *data = value->data;
  g_autofree char *encoded = NULL;
  g_autofree guchar *decoded = NULL;
  gsize decoded_len = 0;
  gsize start, end;

  jd_input_trim (value->data, &from, &to);
  encoded = g_strndup (data + from, to - from);

  jd_input_add_finding (
    self, JD_FINDING_MALFORMED_AUTHORIZATION, JD_SEVERITY_ERROR,
    _ ("The Authorization header uses the Basic scheme (user name and password), not "
       "Bearer: an API that expects a bearer token rejects it."),
    _ ("Send the access token as \"Authorization: Bearer <token>\" instead of "
       "Basic credentials."));

  /* A JWT written straight after "Basic", or one inside user:password. */
  if (jd_input_is_jwt_shaped (data + from, to - from))
    {
      jd_input_set_token (self, value, from, to);
      return;
    }

  if (strlen (encoded) == to - from)
    decoded = g_base64_decode (encoded, &decoded_len);
  if (decoded != NULL
      && jd_input_find_jwt_range ((const char *)decoded, 0, decoded_len, &start, &end))
    {
      g_free (self->token);
      self->token = g_strndup ((const char *)decoded + start, end - start);
      /* The token is inside the base64: highlight the credentials. */
      self->token_start = jd_span_src_start (value, from);
      self->token_end = to > from ? jd_span_src_end (value, to - 1) : self->token_start;
      return;
    }

  jd_input_set_token (self, value, to, to);
}

/* "BearereyJ…": the space after the scheme is missing. One finding says
 * so; the token after "Bearer" is then read as usual. Returns TRUE when
 * the word @value[from, scheme_end) is such a glued pair. */
static gboolean
take_glued_bearer (JdInput *self, const JdSpan *value, gsize from, gsize scheme_end, gsize to,
                   JdInputContext context)
{
  const char *data = value->data;

  if (scheme_end - from <= 6 || !jd_input_has_prefix_ci (data + from, scheme_end - from, "Bearer")
      || !jd_input_has_prefix_ci (data + from + 6, scheme_end - from - 6, "eyJ"))
    return FALSE;
  jd_input_add_finding (self, JD_FINDING_MALFORMED_AUTHORIZATION, JD_SEVERITY_ERROR,
                        _ ("\"Bearer\" is glued to the token, without a space: the server sees no "
                           "Bearer scheme (RFC 6750 §2.1) and rejects the header."),
                        _ ("Put one space between the scheme and the token: Authorization: Bearer "
                           "eyJ… (the code joins \"Bearer\" and the token without the space)."));
  analyze_credentials (self, value, from + 6, to, context);
  return TRUE;
}

/* "Bearer", "bearer", "BEARER" (RFC 7235 §2.1: case-insensitive), or
 * "Bearer:" with a stray colon, as the word @value[from, scheme_end):
 * how it is written, "Bearer Bearer", then the token after it. */
static void
analyze_bearer (JdInput *self, const JdSpan *value, gsize from, gsize scheme_end, gsize to,
                JdInputContext context)
{
  const char *data = value->data;
  gsize rest;
  guint repeats = 0;

  if (data[scheme_end - 1] == ':')
    jd_input_add_finding (
      self, JD_FINDING_MALFORMED_AUTHORIZATION, JD_SEVERITY_ERROR,
      _ ("The Authorization header reads \"Bearer:\": the colon after the "
         "scheme is not part of the syntax, so the server does not see a Bearer "
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
      jd_input_add_finding (self, JD_FINDING_MALFORMED_AUTHORIZATION, JD_SEVERITY_INFO, message,
                            _ ("Write \"Bearer\" to be safe with strict servers."));
    }

  rest = jd_input_skip_space (data, scheme_end, to);
  for (;;)
    {
      gsize end = jd_input_word_end (data, rest, to);

      if (end == rest || end == to
          || !(word_is_ci (data, rest, end, "Bearer") || word_is_ci (data, rest, end, "Bearer:")))
        break;
      repeats++;
      rest = jd_input_skip_space (data, end, to);
    }

  if (repeats > 0)
    jd_input_add_finding (self, JD_FINDING_DOUBLE_BEARER_PREFIX, JD_SEVERITY_ERROR,
                          _ ("The Authorization header says \"Bearer Bearer …\": the server reads "
                             "\"Bearer …\" as the token and rejects it."),
                          _ ("The client adds \"Bearer \" to a value that already has it. Keep the "
                             "stored token bare and let one place (the HTTP client or its "
                             "interceptor) add the prefix."));

  analyze_credentials (self, value, rest, to, context);
}

/* Another scheme: "JWT eyJ…", "Token eyJ…", "Bearer-Token …", the word
 * @value[from, scheme_end). */
static void
analyze_other_scheme (JdInput *self, const JdSpan *value, gsize from, gsize scheme_end, gsize to,
                      JdInputContext context)
{
  /* Shown to a person: valid UTF-8, and not a megabyte of it. */
  g_autofree char *scheme = g_utf8_make_valid (value->data + from, MIN (scheme_end - from, 32));
  g_autofree char *message = g_strdup_printf (
    _ ("The Authorization header uses the scheme \"%s\", not \"Bearer\"; servers that "
       "follow RFC 6750 reject it."),
    scheme);
  g_autofree char *fix = g_strdup_printf (
    _ ("Send \"Authorization: Bearer <token>\", unless the API documents \"%s\"."), scheme);

  jd_input_add_finding (self, JD_FINDING_MALFORMED_AUTHORIZATION, JD_SEVERITY_WARNING, message,
                        fix);
  analyze_credentials (self, value, scheme_end, to, context);
}

void
jd_input_analyze_authorization (JdInput *self, const JdSpan *value, JdInputContext context)
{
  const char *data = value->data;
  gsize from = 0, to = value->len;
  gsize scheme_end;

  jd_input_trim (data, &from, &to);
  if (from == to)
    {
      jd_input_add_finding (
        self, JD_FINDING_NO_TOKEN, JD_SEVERITY_ERROR,
        _ ("The Authorization header is empty: the client had no token to send."),
        _ ("Send \"Authorization: Bearer <token>\"; check that the code building the "
           "header has a token at that moment."));
      jd_input_set_token (self, value, from, to);
      return;
    }

  if (to - from >= 2 && jd_input_is_quote (data[from]) && data[to - 1] == data[from])
    {
      jd_input_add_finding (self, JD_FINDING_MALFORMED_AUTHORIZATION, JD_SEVERITY_ERROR,
                            _ ("The Authorization value is wrapped in quotes; the server reads the "
                               "quotes as part of the scheme and the token."),
                            _ ("Send the value without quotes: Authorization: Bearer eyJ…"));
      from++;
      to--;
      jd_input_trim (data, &from, &to);
    }

  scheme_end = jd_input_word_end (data, from, to);

  if (take_glued_bearer (self, value, from, scheme_end, to, context))
    return;

  if (word_is_ci (data, from, scheme_end, "Bearer")
      || word_is_ci (data, from, scheme_end, "Bearer:"))
    {
      analyze_bearer (self, value, from, scheme_end, to, context);
      return;
    }

  if (word_is_ci (data, from, scheme_end, "Basic"))
    {
      analyze_basic (self, value, scheme_end, to);
      return;
    }

  /* No scheme at all: the token alone. */
  if (scheme_end == to || jd_input_skip_space (data, scheme_end, to) == to
      || jd_input_is_jwt_shaped (data + from, scheme_end - from) || jd_input_is_quote (data[from]))
    {
      jd_input_add_finding (
        self, JD_FINDING_MALFORMED_AUTHORIZATION, JD_SEVERITY_ERROR,
        _ ("The Authorization header holds the token without a scheme; RFC 6750 "
           "expects \"Bearer\" and a space before it."),
        _ ("Send \"Authorization: Bearer <token>\"."));
      analyze_credentials (self, value, from, to, context);
      return;
    }

  analyze_other_scheme (self, value, from, scheme_end, to, context);
}
