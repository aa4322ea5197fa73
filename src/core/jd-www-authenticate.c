/* jd-www-authenticate.c — RFC 7235 challenges, RFC 6750 errors
 *
 * The findings a response gives are in jd-response-diagnosis.c; HTTP-date
 * is read in jd-time.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jd-www-authenticate.h"
#include "jd-www-authenticate-private.h"

G_DEFINE_QUARK (jd - www - authenticate - error - quark, jd_www_authenticate_error)

/* ------------------------------------------------------------------ */
/* Challenges                                                          */

static void
jd_auth_param_free (gpointer data)
{
  JdAuthParam *param = data;

  g_free (param->name);
  g_free (param->value);
  g_free (param);
}

static JdAuthParam *
jd_auth_param_new (const char *name, const char *value)
{
  JdAuthParam *param = g_new0 (JdAuthParam, 1);

  param->name = g_strdup (name);
  param->value = g_strdup (value);
  return param;
}

static JdChallenge *
jd_challenge_new (void)
{
  JdChallenge *self = g_new0 (JdChallenge, 1);

  self->params = g_ptr_array_new_with_free_func (jd_auth_param_free);
  return self;
}

JdChallenge *
jd_challenge_copy (const JdChallenge *self)
{
  JdChallenge *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = jd_challenge_new ();
  copy->scheme = g_strdup (self->scheme);
  copy->token68 = g_strdup (self->token68);
  copy->header = self->header;
  copy->offset = self->offset;
  for (guint i = 0; i < self->params->len; i++)
    {
      const JdAuthParam *param = g_ptr_array_index (self->params, i);
      g_ptr_array_add (copy->params, jd_auth_param_new (param->name, param->value));
    }
  return copy;
}

void
jd_challenge_free (JdChallenge *self)
{
  if (self == NULL)
    return;
  g_free (self->scheme);
  g_free (self->token68);
  g_ptr_array_unref (self->params);
  g_free (self);
}

G_DEFINE_BOXED_TYPE (JdChallenge, jd_challenge, jd_challenge_copy, jd_challenge_free)

gboolean
jd_challenge_is_scheme (const JdChallenge *self, const char *scheme)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (scheme != NULL, FALSE);

  return g_ascii_strcasecmp (self->scheme, scheme) == 0;
}

const char *
jd_challenge_get_param (const JdChallenge *self, const char *name)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < self->params->len; i++)
    {
      const JdAuthParam *param = g_ptr_array_index (self->params, i);
      if (g_ascii_strcasecmp (param->name, name) == 0)
        return param->value;
    }
  return NULL;
}

/* ------------------------------------------------------------------ */
/* The parser (RFC 7235 §2.1 and §4.1, RFC 7230 §3.2.6 and §7)          */

typedef struct
{
  const guchar *p;
  gsize len;
  gsize pos;
} Scanner;

gboolean
jd_http_is_tchar (guchar c)
{
  /* RFC 9110 §5.6.2 (was RFC 7230 §3.2.6) */
  return g_ascii_isalnum (c) || (c != 0 && strchr ("!#$%&'*+-.^_`|~", c) != NULL);
}

static gboolean
is_token68_char (guchar c)
{
  return g_ascii_isalnum (c) || (c != 0 && strchr ("-._~+/", c) != NULL);
}

static gboolean
at_end (Scanner *s)
{
  return s->pos >= s->len;
}

static guchar
peek (Scanner *s)
{
  return at_end (s) ? 0 : s->p[s->pos];
}

static void
skip_ows (Scanner *s)
{
  while (!at_end (s) && (s->p[s->pos] == ' ' || s->p[s->pos] == '\t'))
    s->pos++;
}

/* Empty list elements and the whitespace around them (1#challenge,
 * RFC 7230 §7). */
static void
skip_list_separators (Scanner *s)
{
  while (!at_end (s) && (peek (s) == ',' || peek (s) == ' ' || peek (s) == '\t'))
    s->pos++;
}

static gboolean G_GNUC_PRINTF (4, 5)
  fail (Scanner *s, gsize offset, GError **error, const char *format, ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  s->pos = offset;
  /* TRANSLATORS: "byte 17: '\"' is not allowed here" */
  g_set_error (error, JD_WWW_AUTHENTICATE_ERROR, JD_WWW_AUTHENTICATE_ERROR_SYNTAX,
               _ ("byte %zu: %s"), offset, what);
  return FALSE;
}

static char *
read_token (Scanner *s)
{
  gsize start = s->pos;

  while (!at_end (s) && jd_http_is_tchar (s->p[s->pos]))
    s->pos++;
  if (s->pos == start)
    return NULL;
  return g_strndup ((const char *)s->p + start, s->pos - start);
}

/* At a DQUOTE: reads a quoted-string, returns its unescaped value. */
static char *
read_quoted_string (Scanner *s, GError **error)
{
  g_autoptr (GString) value = g_string_new (NULL);
  gsize start = s->pos;

  g_assert (peek (s) == '"');
  s->pos++;

  while (!at_end (s))
    {
      guchar c = s->p[s->pos];

      if (c == '"')
        {
          s->pos++;
          return g_utf8_make_valid (value->str, value->len);
        }
      if (c == '\\')
        {
          guchar next;

          if (s->pos + 1 >= s->len)
            break;
          next = s->p[s->pos + 1];
          if (next != '\t' && (next < 0x20 || next == 0x7f))
            {
              g_autofree char *b = jd_describe_byte (next);
              fail (s, s->pos + 1, error,
                    _ ("%s cannot be escaped with a backslash in a quoted string"), b);
              return NULL;
            }
          g_string_append_c (value, next);
          s->pos += 2;
          continue;
        }
      if (c != '\t' && (c < 0x20 || c == 0x7f))
        {
          g_autofree char *b = jd_describe_byte (c);
          fail (s, s->pos, error, _ ("%s is not allowed inside a quoted string"), b);
          return NULL;
        }
      g_string_append_c (value, c);
      s->pos++;
    }

  fail (s, start, error, _ ("the quoted string that starts here never ends (no closing '\"')"));
  return NULL;
}

/* Is the text at the scanner "token BWS =" (an auth-param) rather than the
 * start of a new challenge? Does not move the scanner. */
static gboolean
looks_like_param (Scanner *s)
{
  Scanner look = *s;
  g_autofree char *name = read_token (&look);

  if (name == NULL)
    return FALSE;
  skip_ows (&look);
  return peek (&look) == '=';
}

static gboolean
read_params (Scanner *s, JdChallenge *challenge, GError **error)
{
  for (;;)
    {
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;
      gsize name_offset = s->pos;

      name = read_token (s);
      if (name == NULL)
        {
          g_autofree char *b = jd_describe_byte (peek (s));
          return fail (s, s->pos, error, _ ("%s cannot start a parameter name"), b);
        }
      skip_ows (s);
      if (peek (s) != '=')
        {
          if (at_end (s))
            return fail (
              s, s->pos, error,
              _ ("the value ends after the parameter name \"%s\" without '=' and a value"), name);
          else
            {
              g_autofree char *b = jd_describe_byte (peek (s));
              return fail (s, s->pos, error,
                           _ ("%s after the parameter name \"%s\", where '=' belongs"), b, name);
            }
        }
      s->pos++;
      skip_ows (s);
      if (peek (s) == '"')
        {
          value = read_quoted_string (s, error);
          if (value == NULL)
            return FALSE;
        }
      else
        {
          value = read_token (s);
          if (value == NULL)
            {
              if (at_end (s))
                return fail (s, s->pos, error, _ ("the parameter \"%s\" has no value after '='"),
                             name);
              else
                {
                  g_autofree char *b = jd_describe_byte (peek (s));
                  return fail (
                    s, s->pos, error,
                    _ ("%s cannot start the value of \"%s\" (use a token or a quoted string)"), b,
                    name);
                }
            }
        }

      if (jd_challenge_get_param (challenge, name) != NULL)
        {
          s->pos = name_offset;
          g_set_error (error, JD_WWW_AUTHENTICATE_ERROR, JD_WWW_AUTHENTICATE_ERROR_DUPLICATE,
                       _ ("byte %zu: the parameter \"%s\" appears twice in the %s challenge (RFC "
                          "7235 §2.1 allows it once)"),
                       name_offset, name, challenge->scheme);
          return FALSE;
        }
      g_ptr_array_add (challenge->params, jd_auth_param_new (name, value));

      /* What follows: the end, or a comma and then another parameter or a
       * new challenge (told apart by "name =" ahead). */
      skip_ows (s);
      if (at_end (s))
        return TRUE;
      if (peek (s) != ',')
        {
          g_autofree char *b = jd_describe_byte (peek (s));
          return fail (s, s->pos, error,
                       _ ("%s after the value of \"%s\", where ',' or the end belongs"), b, name);
        }
      skip_list_separators (s);
      if (at_end (s) || !looks_like_param (s))
        return TRUE; /* the caller reads the next challenge */
    }
}

/* The authentication scheme that starts a challenge; NULL (and @error)
 * when none does. */
static char *
read_scheme (Scanner *s, GError **error)
{
  char *scheme = read_token (s);

  if (scheme == NULL)
    {
      g_autofree char *b = jd_describe_byte (peek (s));
      if (peek (s) == '"')
        fail (s, s->pos, error,
              _ ("a quoted string where an authentication scheme (such as Bearer) belongs"));
      else
        fail (s, s->pos, error, _ ("%s cannot start an authentication scheme"), b);
    }
  return scheme;
}

/* At the end or a ',' after the scheme: a scheme alone ("Negotiate"), or
 * "Basic, realm=x" (an empty list element before the first parameter). */
static gboolean
read_params_after_comma (Scanner *s, JdChallenge *challenge, GError **error)
{
  Scanner after = *s;

  if (peek (s) != ',')
    return TRUE;
  skip_list_separators (&after);
  if (at_end (&after) || !looks_like_param (&after))
    return TRUE;
  *s = after;
  return read_params (s, challenge, error);
}

/* After the scheme name comes a space; says what came instead. */
static gboolean
expect_space_after_scheme (Scanner *s, const JdChallenge *challenge, GError **error)
{
  g_autofree char *b = NULL;

  if (peek (s) == ' ' || peek (s) == '\t')
    return TRUE;
  b = jd_describe_byte (peek (s));
  if (peek (s) == '=')
    fail (s, s->pos, error,
          _ ("'=' right after \"%s\": a challenge starts with a scheme name, then a space"),
          challenge->scheme);
  else
    fail (s, s->pos, error, _ ("%s inside the scheme name \"%s\""), b, challenge->scheme);
  return FALSE;
}

/* A token68 followed by the end or a ',' (rather than the first
 * auth-param): stored in @challenge, and the scanner moves past it. */
static gboolean
read_token68 (Scanner *s, JdChallenge *challenge)
{
  Scanner look = *s;
  gsize start = look.pos;
  gsize end;

  while (!at_end (&look) && is_token68_char (peek (&look)))
    look.pos++;
  if (look.pos == start)
    return FALSE;
  while (!at_end (&look) && peek (&look) == '=')
    look.pos++;
  end = look.pos;
  skip_ows (&look);
  if (!at_end (&look) && peek (&look) != ',')
    return FALSE;
  challenge->token68 = g_strndup ((const char *)s->p + start, end - start);
  *s = look;
  return TRUE;
}

/* One challenge, at its scheme: NULL (and @error) when it breaks the grammar. */
static JdChallenge *
read_challenge (Scanner *s, guint header, GError **error)
{
  g_autoptr (JdChallenge) challenge = NULL;
  gsize scheme_offset = s->pos;
  char *scheme = read_scheme (s, error);

  if (scheme == NULL)
    return NULL;

  challenge = jd_challenge_new ();
  challenge->scheme = scheme;
  challenge->header = header;
  challenge->offset = scheme_offset;

  if (at_end (s) || peek (s) == ',')
    return read_params_after_comma (s, challenge, error) ? g_steal_pointer (&challenge) : NULL;

  if (!expect_space_after_scheme (s, challenge, error))
    return NULL;
  skip_ows (s);
  if (at_end (s) || peek (s) == ',' || read_token68 (s, challenge))
    return g_steal_pointer (&challenge);

  if (!read_params (s, challenge, error))
    return NULL;
  return g_steal_pointer (&challenge);
}

gboolean
jd_www_authenticate_parse_into (GPtrArray *challenges, const char *value, gsize len, guint header,
                                gsize *error_offset, GError **error)
{
  Scanner s = { (const guchar *)value, len, 0 };
  guint before = challenges->len;

  if (len > JD_WWW_AUTHENTICATE_MAX_SIZE)
    {
      if (error_offset)
        *error_offset = JD_WWW_AUTHENTICATE_MAX_SIZE;
      g_set_error (error, JD_WWW_AUTHENTICATE_ERROR, JD_WWW_AUTHENTICATE_ERROR_TOO_LARGE,
                   _ ("the header value is %zu bytes long; more than %d bytes is refused"), len,
                   JD_WWW_AUTHENTICATE_MAX_SIZE);
      return FALSE;
    }

  for (;;)
    {
      JdChallenge *challenge;

      /* 1#challenge: empty list elements and surrounding whitespace are fine */
      skip_list_separators (&s);
      if (at_end (&s))
        break;

      challenge = read_challenge (&s, header, error);
      if (challenge == NULL)
        {
          if (error_offset)
            *error_offset = s.pos;
          g_ptr_array_set_size (challenges, before);
          return FALSE;
        }
      g_ptr_array_add (challenges, challenge);
    }

  if (challenges->len == before)
    {
      if (error_offset)
        *error_offset = 0;
      g_set_error (error, JD_WWW_AUTHENTICATE_ERROR, JD_WWW_AUTHENTICATE_ERROR_EMPTY,
                   _ ("the header value holds no challenge (RFC 7235 requires at least one)"));
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
jd_www_authenticate_parse (const char *value, gssize len, gsize *error_offset, GError **error)
{
  g_autoptr (GPtrArray) challenges = NULL;

  g_return_val_if_fail (value != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (len < 0)
    len = strlen (value);

  challenges = g_ptr_array_new_with_free_func ((GDestroyNotify)jd_challenge_free);
  if (!jd_www_authenticate_parse_into (challenges, value, len, 0, error_offset, error))
    return NULL;
  return g_steal_pointer (&challenges);
}

GPtrArray *
jd_www_authenticate_parse_all (const char *const *values, char **left_out, GError **error)
{
  g_autoptr (GPtrArray) challenges = NULL;
  guint n_given, n;

  g_return_val_if_fail (values != NULL, NULL);
  g_return_val_if_fail (left_out == NULL || *left_out == NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  n_given = g_strv_length ((char **)values);
  /* As many as a JdResponse keeps (JD_HEADERS_MAX_COUNT): the first ones,
   * as the other limits keep. */
  n = MIN (n_given, JD_HEADERS_MAX_COUNT);
  challenges = g_ptr_array_new_with_free_func ((GDestroyNotify)jd_challenge_free);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GError) local_error = NULL;

      if (!jd_www_authenticate_parse_into (challenges, values[i], strlen (values[i]), i, NULL,
                                           &local_error))
        {
          if (n_given > 1)
            g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                        /* TRANSLATORS: "header 2, " then "byte 17: …" */
                                        _ ("header %u, "), i + 1);
          else
            g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  if (challenges->len == 0)
    {
      g_set_error (error, JD_WWW_AUTHENTICATE_ERROR, JD_WWW_AUTHENTICATE_ERROR_EMPTY,
                   _ ("there is no WWW-Authenticate value"));
      return NULL;
    }
  if (n_given > n && left_out != NULL)
    *left_out
      = n_given == n + 1
          /* Translators: "header 501: there are 501 WWW-Authenticate values; …" */
          ? g_strdup_printf (_ ("header %u: there are %u WWW-Authenticate values; only the "
                                "first %u are read"),
                             n + 1, n_given, n)
          /* Translators: "headers 501 to 4096: there are 4096 WWW-Authenticate values; …" */
          : g_strdup_printf (_ ("headers %u to %u: there are %u WWW-Authenticate values; "
                                "only the first %u are read"),
                             n + 1, n_given, n_given, n);
  return g_steal_pointer (&challenges);
}

/* ------------------------------------------------------------------ */
/* RFC 6750                                                            */

JdBearerError
jd_bearer_error_from_string (const char *error)
{
  if (error == NULL)
    return JD_BEARER_ERROR_NONE;
  /* Error codes are case-sensitive (RFC 6750 §3, RFC 6749 §A.7), but a
   * server that writes "Invalid_Token" still means it. */
  if (g_ascii_strcasecmp (error, "invalid_request") == 0)
    return JD_BEARER_ERROR_INVALID_REQUEST;
  if (g_ascii_strcasecmp (error, "invalid_token") == 0)
    return JD_BEARER_ERROR_INVALID_TOKEN;
  if (g_ascii_strcasecmp (error, "insufficient_scope") == 0)
    return JD_BEARER_ERROR_INSUFFICIENT_SCOPE;
  return JD_BEARER_ERROR_OTHER;
}

const char *
jd_bearer_error_explain (JdBearerError error)
{
  switch (error)
    {
      case JD_BEARER_ERROR_NONE:
        return NULL;
      case JD_BEARER_ERROR_INVALID_REQUEST:
        return _ (
          "invalid_request (RFC 6750 §3.1): the request is malformed: a required parameter "
          "is missing, a parameter is repeated or unsupported, or the token was sent in more "
          "than one way (header and query, or header and body). The token itself was not "
          "judged. RFC 6750 answers this with 400 Bad Request.");
      case JD_BEARER_ERROR_INVALID_TOKEN:
        return _ ("invalid_token (RFC 6750 §3.1): the server read the token and rejected it: it is "
                  "expired, revoked, malformed, signed with a key the server does not trust, or "
                  "meant for another audience or issuer. Getting a new token (or fixing the claim "
                  "the other findings point at) is the way out. RFC 6750 answers this with 401.");
      case JD_BEARER_ERROR_INSUFFICIENT_SCOPE:
        return _ ("insufficient_scope (RFC 6750 §3.1): the token is valid, but it does not carry "
                  "the scope this resource requires. A new token will not help unless it is "
                  "requested with that scope. RFC 6750 answers this with 403 Forbidden.");
      case JD_BEARER_ERROR_OTHER:
        return _ ("This error code is not one of the three RFC 6750 defines (invalid_request, "
                  "invalid_token, insufficient_scope); its meaning is the server's own.");
      default:
        g_return_val_if_reached (NULL);
    }
}

guint
jd_bearer_error_status (JdBearerError error)
{
  switch (error)
    {
      case JD_BEARER_ERROR_INVALID_REQUEST:
        return 400;
      case JD_BEARER_ERROR_INVALID_TOKEN:
        return 401;
      case JD_BEARER_ERROR_INSUFFICIENT_SCOPE:
        return 403;
      case JD_BEARER_ERROR_NONE:
      case JD_BEARER_ERROR_OTHER:
      default:
        return 0;
    }
}

char *
jd_challenge_describe (const JdChallenge *self)
{
  g_autoptr (GString) text = g_string_new (NULL);
  const char *realm, *error, *description, *uri, *scope;

  g_return_val_if_fail (self != NULL, NULL);

  realm = jd_challenge_get_param (self, "realm");
  error = jd_challenge_get_param (self, "error");
  description = jd_challenge_get_param (self, "error_description");
  uri = jd_challenge_get_param (self, "error_uri");
  scope = jd_challenge_get_param (self, "scope");

  if (realm != NULL)
    /* TRANSLATORS: "Bearer challenge, realm "api"." */
    g_string_append_printf (text, _ ("%s challenge, realm \"%s\"."), self->scheme, realm);
  else
    g_string_append_printf (text, _ ("%s challenge."), self->scheme);

  if (self->token68 != NULL)
    g_string_append_printf (text, " %s", _ ("It carries opaque data (token68) for the client."));

  if (jd_challenge_is_scheme (self, "Bearer"))
    {
      JdBearerError code = jd_bearer_error_from_string (error);

      if (code == JD_BEARER_ERROR_NONE)
        g_string_append_printf (text, " %s",
                                _ ("No error code: by RFC 6750 §3.1 the server is asking for a "
                                   "token because the request carried none it could see."));
      else if (code == JD_BEARER_ERROR_OTHER)
        g_string_append_printf (text, " error=\"%s\": %s", error, jd_bearer_error_explain (code));
      else
        g_string_append_printf (text, " %s", jd_bearer_error_explain (code));
    }
  else if (error != NULL)
    g_string_append_printf (text, " error=\"%s\".", error);

  if (description != NULL)
    g_string_append_printf (text, "\n%s %s", _ ("The server's description:"), description);
  if (scope != NULL)
    g_string_append_printf (text, "\n%s %s", _ ("Scope the resource requires:"), scope);
  if (uri != NULL)
    g_string_append_printf (text, "\n%s %s", _ ("More about the error:"), uri);

  for (guint i = 0; i < self->params->len; i++)
    {
      const JdAuthParam *param = g_ptr_array_index (self->params, i);
      static const char *const shown[]
        = { "realm", "error", "error_description", "error_uri", "scope", NULL };
      gboolean known = FALSE;

      for (guint j = 0; shown[j] != NULL; j++)
        if (g_ascii_strcasecmp (param->name, shown[j]) == 0)
          known = TRUE;
      if (!known)
        g_string_append_printf (text, "\n%s=\"%s\"", param->name, param->value);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
