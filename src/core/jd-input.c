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

#include "jd-curl-parse.h"
#include "jd-finding.h"
#include "jd-input.h"
#include "jd-input-private.h"
#include "jd-server-messages.h"
#include "jd-www-authenticate.h"

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

/* Characters of a compact JWS/JWE (base64url and dots), plus what
 * RFC 6750's b64token allows and a lenient decoder can show: + / = ~ */
static gboolean
is_token_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '_' || c == '.' || c == '=' || c == '+' || c == '/'
         || c == '~';
}

/* ------------------------------------------------------------------ */
/* Results                                                             */

static void
add_finding (JdInput *self, const char *id, JdSeverity severity, const char *message,
             const char *fix)
{
  g_assert (JD_IS_INPUT (self));

  jd_input_findings_add (self->findings, id, severity, message, fix);
}

/* @findings[from, to) to @self's, each as add_finding() would add it. */
static void
add_findings (JdInput *self, GPtrArray *findings, guint from, guint to)
{
  for (guint i = from; i < to; i++)
    {
      JdFinding *finding = g_ptr_array_index (findings, i);

      add_finding (self, jd_finding_get_id (finding), jd_finding_get_severity (finding),
                   jd_finding_get_message (finding), jd_finding_get_fix (finding));
    }
}

void
jd_input_set_token (JdInput *self, const JdSpan *span, gsize from, gsize to)
{
  GString *token;

  g_assert (from <= to && to <= span->len);

  token = g_string_sized_new (to - from);
  for (gsize i = from; i < to;)
    {
      gsize run = i;

      /* Copy runs between spaces at once; a NUL byte ends the token (it is a C string). */
      while (run < to && span->data[run] != '\0' && !jd_input_is_space (span->data[run]))
        run++;
      g_string_append_len (token, span->data + i, run - i);
      if (run < to && span->data[run] == '\0')
        {
          to = run;
          break;
        }
      i = run;
      while (i < to && jd_input_is_space (span->data[i]))
        i++;
    }

  g_free (self->token);
  self->token = g_string_free (token, FALSE);

  if (from < to)
    {
      self->token_start = jd_span_src_start (span, from);
      self->token_end = jd_span_src_end (span, to - 1);
    }
  else
    {
      self->token_start = self->token_end = from < span->len ? jd_span_src_start (span, from)
                                            : span->len > 0  ? jd_span_src_end (span, span->len - 1)
                                                             : span->base;
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

  if (colon == 0 || !jd_input_has_prefix_ci (data + from, to - from, "Authorization"))
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
  gsize word = jd_input_skip_space (data, from + 6, eol);
  gsize words = 1, jwt_start, jwt_end;
  gboolean punctuated = FALSE;

  if (word == from + 6 || word >= eol || jd_input_has_prefix_ci (data + word, eol - word, "eyJ")
      || jd_input_has_prefix_ci (data + word, eol - word, "Bearer"))
    return FALSE;
  for (gsize i = word; i < eol;
       i = jd_input_skip_space (data, jd_input_word_end (data, i, eol), eol))
    {
      gsize end = jd_input_word_end (data, i, eol);
      words++;
      punctuated |= end > i && data[end - 1] != '\0' && strchr (".,:", data[end - 1]) != NULL;
    }
  return words >= 3 && punctuated && jd_input_find_jwt_range (data, word, to, &jwt_start, &jwt_end);
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

      jd_input_trim (data, &a, &b);
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

      jd_input_trim (data, &a, &b);
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
      if (jd_input_is_space (data[i]))
        {
          gboolean line_break = FALSE;

          while (i < to && jd_input_is_space (data[i]))
            line_break |= jd_input_is_line_break (data[i++]);
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
      jd_input_trim (data, &a, &b);
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
    from = jd_input_skip_space (data, line_end (data, from, to), to);

  /* A shell prompt copied along. */
  if (to - from >= 2 && (data[from] == '$' || data[from] == '>') && data[from + 1] == ' ')
    from = jd_input_skip_space (data, from + 1, to);

  if (jd_input_has_prefix_ci (data + from, to - from, "curl.exe"))
    from += 8;
  else if (jd_input_has_prefix_ci (data + from, to - from, "curl"))
    from += 4;
  else
    return FALSE;

  return from == to || jd_input_is_space (data[from]) || data[from] == '^';
}

/* A headers-left-out finding for each header @request's limits left out. */
static void
add_header_problems (JdInput *self, JdRequest *request)
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

/* A token somewhere in other text: JSON from a token endpoint, a log,
 * another header or a cookie (named: most APIs read only Authorization);
 * or a padded token in a header line, taken without the header's name. */
static gboolean
take_token_in_text (JdInput *self, const JdSpan *span, gsize from, gsize to)
{
  const char *text = span->data;
  JdTokenPlace place;
  g_autofree char *name = NULL;
  gsize start, end;

  if (!jd_input_find_jwt_range (text, from, to, &start, &end)
      && !jd_input_find_header_token (text, from, to, &start, &end))
    return FALSE;
  self->form = JD_INPUT_FORM_TOKEN;
  jd_input_set_token (self, span, start, end);
  jd_input_check_token_list (self, text, from, to);
  if (jd_input_locate_in_headers (text, from, start, &place, &name))
    {
      self->request = request_from_header_block (text, from, to);
      jd_input_placement_add (self->findings, place, name);
    }
  return TRUE;
}

/* A curl command (jd-curl-parse.c): its request, its credential read as
 * the server would, and its findings in the order they were found. */
static void
take_curl (JdInput *self, const char *text, gsize from, gsize to)
{
  g_autoptr (JdCurlCommand) command = NULL;
  const JdCurlCredential *credential;
  JdSpan span;

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
      return;
    }

  command = jd_curl_parse (text, from, to);
  credential = &command->credential;
  span = (JdSpan){ credential->data, credential->len, credential->starts, credential->ends, 0 };

  add_findings (self, command->findings, 0, command->credential_at);
  if (credential->kind == JD_CURL_CREDENTIAL_AUTHORIZATION)
    jd_input_analyze_authorization (self, &span, JD_INPUT_CONTEXT_CURL);
  else if (credential->kind == JD_CURL_CREDENTIAL_TOKEN)
    jd_input_set_token (self, &span, 0, span.len);
  add_findings (self, command->findings, command->credential_at, command->findings->len);

  if (command->has_url)
    g_set_object (&self->request, command->request);
  add_header_problems (self, command->request);
}

/* Longer than JD_INPUT_MAX_SIZE: refused whole. Reading part of it could
 * find a token that is not the one meant, and a curl command costs
 * several bytes per byte to read. */
static void
refuse_too_large (JdInput *self, gsize len)
{
  self->form = JD_INPUT_FORM_UNKNOWN;
  g_set_error (&self->error, JD_INPUT_ERROR, JD_INPUT_ERROR_TOO_LARGE,
               _ ("The text is %zu bytes long; more than %d bytes (%d MiB) is not read, so "
                  "none of it was."),
               len, JD_INPUT_MAX_SIZE, JD_INPUT_MAX_SIZE / (1024 * 1024));
  add_finding (self, JD_FINDING_INPUT_TOO_LARGE, JD_SEVERITY_ERROR, self->error->message,
               _ ("Paste only the token, its Authorization header or the one curl command "
                  "that sends it."));
}

/* "Bearer …" at @text[from], and "BearereyJ…" with the space missing;
 * not a sentence that starts with the word. */
static gboolean
starts_with_bearer (const char *text, gsize from, gsize to)
{
  return jd_input_has_prefix_ci (text + from, to - from, "Bearer")
         && !bearer_opens_prose (text, from, to)
         && (to - from == 6 || jd_input_is_space (text[from + 6]) || text[from + 6] == ':'
             || jd_input_has_prefix_ci (text + from + 6, to - from - 6, "eyJ"));
}

/* The forms without a command around them: an Authorization line, a
 * "Bearer …", a bare token, a block of headers, a token in other text.
 * FALSE when none of them is the text's. */
static gboolean
take_header_forms (JdInput *self, const JdSpan *span, gsize from, gsize to)
{
  const char *text = span->data;
  gsize value_start, value_end;

  /* "Authorization: …" as the first line. */
  if ((value_start = authorization_name_end (text, from, to)) != 0)
    {
      JdSpan value;

      value_end = authorization_value_end (text, value_start, to);
      value = jd_span_sub (span, value_start, value_end);
      self->form = JD_INPUT_FORM_AUTHORIZATION;
      jd_input_analyze_authorization (self, &value, JD_INPUT_CONTEXT_PASTE);
      return TRUE;
    }

  if (starts_with_bearer (text, from, to))
    {
      JdSpan value = jd_span_sub (span, from, to);

      self->form = JD_INPUT_FORM_BEARER;
      jd_input_analyze_authorization (self, &value, JD_INPUT_CONTEXT_PASTE);
      return TRUE;
    }

  /* A bare token, maybe wrapped over lines; a .jwt file. */
  if (is_wrapped_token (text, from, to))
    {
      self->form = JD_INPUT_FORM_TOKEN;
      jd_input_set_token (self, span, from, to);
      return TRUE;
    }

  /* A block of request headers with an Authorization line in it. */
  if (find_authorization_line (text, from, to, &value_start, &value_end))
    {
      JdSpan value = jd_span_sub (span, value_start, value_end);

      self->form = JD_INPUT_FORM_AUTHORIZATION;
      self->request = request_from_header_block (text, from, to);
      if (self->request != NULL)
        add_header_problems (self, self->request);
      jd_input_analyze_authorization (self, &value, JD_INPUT_CONTEXT_PASTE);
      return TRUE;
    }

  return take_token_in_text (self, span, from, to);
}

/* No token found: the text is passed on as it is (up to a NUL byte), so
 * the decoder can say where and what is wrong with it. */
static void
take_whole_text (JdInput *self, const char *text, gsize from, gsize to)
{
  gsize nul = from;

  self->form = JD_INPUT_FORM_UNKNOWN;
  while (nul < to && text[nul] != '\0')
    nul++;
  g_free (self->token);
  self->token = g_strndup (text + from, nul - from);
  self->token_start = from;
  self->token_end = nul;
}

static JdInput *
parse_text (const char *text, gsize len)
{
  g_autoptr (JdInput) self = g_object_new (JD_TYPE_INPUT, NULL);
  JdSpan span = { text, len, NULL, NULL, 0 };
  gsize from = 0, to = len;

  g_return_val_if_fail (text != NULL || len == 0, g_steal_pointer (&self));

  if (len == 0)
    return g_steal_pointer (&self);

  if (len > JD_INPUT_MAX_SIZE)
    {
      refuse_too_large (self, len);
      return g_steal_pointer (&self);
    }

  /* A byte order mark from an editor or a Windows tool. */
  if (len >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    from = 3;
  jd_input_trim (text, &from, &to);

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
      take_curl (self, text, from, to);
      return g_steal_pointer (&self);
    }

  /* Quotes around the whole paste: copied from code or JSON. */
  while (to - from >= 2 && jd_input_is_quote (text[from]) && text[to - 1] == text[from])
    {
      from++;
      to--;
      jd_input_trim (text, &from, &to);
    }

  if (!take_header_forms (self, &span, from, to))
    take_whole_text (self, text, from, to);

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

  jd_input_trim (text, &from, &to);
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
/* Called from the other files of JdInput                              */

void
jd_input_take_token (JdInput *self, const char *value, gsize len, const gsize *starts,
                     const gsize *ends)
{
  JdSpan span = { value, len, starts, ends, 0 };

  g_assert (JD_IS_INPUT (self));
  g_assert (len == 0 || (starts != NULL && ends != NULL));

  jd_input_set_token (self, &span, 0, len);
}

void
jd_input_add_finding (JdInput *self, const char *id, JdSeverity severity, const char *message,
                      const char *fix)
{
  add_finding (self, id, severity, message, fix);
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

gboolean
jd_input_is_server_message (JdInput *self)
{
  g_return_val_if_fail (JD_IS_INPUT (self), FALSE);

  return self->server_messages != NULL && self->server_messages->len > 0
         && self->form == JD_INPUT_FORM_UNKNOWN;
}

const GError *
jd_input_get_error (JdInput *self)
{
  g_return_val_if_fail (JD_IS_INPUT (self), NULL);

  return self->error;
}
