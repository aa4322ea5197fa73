/* jd-www-authenticate.c — RFC 7235 challenges, RFC 6750 errors, response findings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "jd-providers.h"
#include "jd-server-messages.h"
#include "jd-time.h"
#include "jd-www-authenticate.h"

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
      while (!at_end (s) && (peek (s) == ',' || peek (s) == ' ' || peek (s) == '\t'))
        s->pos++;
      if (at_end (s) || !looks_like_param (s))
        return TRUE; /* the caller reads the next challenge */
    }
}

static gboolean
parse_into (GPtrArray *challenges, const char *value, gsize len, guint header, gsize *error_offset,
            GError **error)
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
      g_autoptr (JdChallenge) challenge = NULL;
      g_autofree char *scheme = NULL;
      gsize scheme_offset;

      /* 1#challenge: empty list elements and surrounding whitespace are fine */
      while (!at_end (&s) && (peek (&s) == ',' || peek (&s) == ' ' || peek (&s) == '\t'))
        s.pos++;
      if (at_end (&s))
        break;

      scheme_offset = s.pos;
      scheme = read_token (&s);
      if (scheme == NULL)
        {
          g_autofree char *b = jd_describe_byte (peek (&s));
          if (peek (&s) == '"')
            fail (&s, s.pos, error,
                  _ ("a quoted string where an authentication scheme (such as Bearer) belongs"));
          else
            fail (&s, s.pos, error, _ ("%s cannot start an authentication scheme"), b);
          goto failed;
        }

      challenge = jd_challenge_new ();
      challenge->scheme = g_steal_pointer (&scheme);
      challenge->header = header;
      challenge->offset = scheme_offset;

      if (at_end (&s) || peek (&s) == ',')
        {
          /* A scheme alone ("Negotiate"), or "Basic, realm=x" (an empty
           * list element before the first parameter). */
          if (peek (&s) == ',')
            {
              Scanner after = s;
              while (!at_end (&after)
                     && (peek (&after) == ',' || peek (&after) == ' ' || peek (&after) == '\t'))
                after.pos++;
              if (!at_end (&after) && looks_like_param (&after))
                {
                  s = after;
                  if (!read_params (&s, challenge, error))
                    goto failed;
                }
            }
          g_ptr_array_add (challenges, g_steal_pointer (&challenge));
          continue;
        }

      if (peek (&s) != ' ' && peek (&s) != '\t')
        {
          g_autofree char *b = jd_describe_byte (peek (&s));
          if (peek (&s) == '=')
            fail (&s, s.pos, error,
                  _ ("'=' right after \"%s\": a challenge starts with a scheme name, then a space"),
                  challenge->scheme);
          else
            fail (&s, s.pos, error, _ ("%s inside the scheme name \"%s\""), b, challenge->scheme);
          goto failed;
        }
      skip_ows (&s);
      if (at_end (&s) || peek (&s) == ',')
        {
          g_ptr_array_add (challenges, g_steal_pointer (&challenge));
          continue;
        }

      /* token68, or the first auth-param? */
      {
        Scanner look = s;
        gsize start = look.pos;

        while (!at_end (&look) && is_token68_char (peek (&look)))
          look.pos++;
        if (look.pos > start)
          {
            gsize end;

            while (!at_end (&look) && peek (&look) == '=')
              look.pos++;
            end = look.pos;
            skip_ows (&look);
            if (at_end (&look) || peek (&look) == ',')
              {
                challenge->token68 = g_strndup (value + start, end - start);
                s = look;
                g_ptr_array_add (challenges, g_steal_pointer (&challenge));
                continue;
              }
          }
      }

      if (!read_params (&s, challenge, error))
        goto failed;
      g_ptr_array_add (challenges, g_steal_pointer (&challenge));
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

failed:
  if (error_offset)
    *error_offset = s.pos;
  g_ptr_array_set_size (challenges, before);
  return FALSE;
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
  if (!parse_into (challenges, value, len, 0, error_offset, error))
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

      if (!parse_into (challenges, values[i], strlen (values[i]), i, NULL, &local_error))
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

/* ------------------------------------------------------------------ */
/* HTTP-date                                                           */

static int
month_from_name (const char *name)
{
  static const char *const months[]
    = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

  for (int i = 0; i < 12; i++)
    if (g_ascii_strncasecmp (name, months[i], 3) == 0 && name[3] == '\0')
      return i + 1;
  return 0;
}

static gboolean
make_time (int year, int month, int day, int hour, int minute, int second, gint64 *out)
{
  g_autoptr (GDateTime) dt = NULL;

  if (month < 1 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
    return FALSE;
  if (second == 60) /* a leap second */
    second = 59;
  dt = g_date_time_new_utc (year, month, day, hour, minute, second);
  if (dt == NULL)
    return FALSE;
  *out = g_date_time_to_unix (dt);
  return TRUE;
}

gboolean
jd_http_date_parse (const char *text, gint64 *unix_seconds)
{
  char wkday[16], month[4], zone[4];
  int day, year, hour, minute, second, n = 0;
  gint64 result;

  g_return_val_if_fail (text != NULL, FALSE);

  while (*text == ' ' || *text == '\t')
    text++;

  /* IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT" */
  if (sscanf (text, "%3[A-Za-z], %2d %3[A-Za-z] %4d %2d:%2d:%2d %3[A-Za-z]%n", wkday, &day, month,
              &year, &hour, &minute, &second, zone, &n)
        == 8
      && n > 0 && strlen (wkday) == 3)
    {
      if (g_ascii_strcasecmp (zone, "GMT") == 0 && text[n] == '\0'
          && make_time (year, month_from_name (month), day, hour, minute, second, &result))
        goto done;
      return FALSE;
    }

  /* RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT" */
  n = 0;
  if (sscanf (text, "%15[A-Za-z], %2d-%3[A-Za-z]-%4d %2d:%2d:%2d %3[A-Za-z]%n", wkday, &day, month,
              &year, &hour, &minute, &second, zone, &n)
        == 8
      && n > 0)
    {
      if (year < 100)
        year += year < 70 ? 2000 : 1900; /* RFC 7231 §7.1.1.1 says: 50 years ahead; close enough */
      if (g_ascii_strcasecmp (zone, "GMT") == 0 && text[n] == '\0'
          && make_time (year, month_from_name (month), day, hour, minute, second, &result))
        goto done;
      return FALSE;
    }

  /* asctime: "Sun Nov  6 08:49:37 1994" */
  n = 0;
  if (sscanf (text, "%3[A-Za-z] %3[A-Za-z] %2d %2d:%2d:%2d %4d%n", wkday, month, &day, &hour,
              &minute, &second, &year, &n)
        == 7
      && n > 0)
    {
      if (text[n] == '\0'
          && make_time (year, month_from_name (month), day, hour, minute, second, &result))
        goto done;
      return FALSE;
    }

  return FALSE;

done:
  if (unix_seconds)
    *unix_seconds = result;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The response checker                                                */

/* The token's scopes: "scope" (RFC 8693 / RFC 9068, space-separated) or
 * "scp" (a string or an array, as Azure AD and Okta write it). */
static GPtrArray *
token_scopes (JdToken *token, const char **claim)
{
  JsonObject *claims;
  static const char *const names[] = { "scope", "scp" };

  if (token == NULL || (claims = jd_token_get_claims (token)) == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      JsonNode *node;
      GPtrArray *scopes;

      if (!json_object_has_member (claims, names[i]))
        continue;
      node = json_object_get_member (claims, names[i]);
      scopes = g_ptr_array_new_with_free_func (g_free);
      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        {
          g_auto (GStrv) parts = g_strsplit (json_node_get_string (node), " ", -1);
          for (guint j = 0; parts[j] != NULL; j++)
            if (*parts[j] != '\0')
              g_ptr_array_add (scopes, g_strdup (parts[j]));
        }
      else if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);
          for (guint j = 0; j < json_array_get_length (array); j++)
            {
              JsonNode *element = json_array_get_element (array, j);
              if (JSON_NODE_HOLDS_VALUE (element)
                  && json_node_get_value_type (element) == G_TYPE_STRING)
                g_ptr_array_add (scopes, g_strdup (json_node_get_string (element)));
            }
        }
      *claim = names[i];
      return scopes;
    }
  return NULL;
}

static gboolean
scopes_contain (GPtrArray *scopes, const char *scope)
{
  for (guint i = 0; scopes != NULL && i < scopes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (scopes, i), scope) == 0)
      return TRUE;
  return FALSE;
}

static char *
join_scopes (GPtrArray *scopes)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < scopes->len; i++)
    g_string_append_printf (text, "%s\"%s\"", i > 0 ? ", " : "",
                            (const char *)g_ptr_array_index (scopes, i));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_insufficient_scope (GPtrArray *findings, const JdChallenge *bearer, JdToken *token,
                        guint status)
{
  g_autoptr (GString) message = g_string_new (NULL);
  g_autoptr (GString) fix = g_string_new (NULL);
  g_autofree char *described = jd_challenge_describe (bearer);
  const char *required = jd_challenge_get_param (bearer, "scope");
  const char *claim = NULL;
  g_autoptr (GPtrArray) have = token_scopes (token, &claim);
  const JdProvider *provider;

  g_string_append (message, described);
  if (required != NULL && token != NULL)
    {
      g_auto (GStrv) parts = g_strsplit (required, " ", -1);
      g_autoptr (GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; parts[i] != NULL; i++)
        if (*parts[i] != '\0' && !scopes_contain (have, parts[i]))
          g_ptr_array_add (missing, g_strdup (parts[i]));

      if (have == NULL)
        g_string_append_printf (message, "\n%s",
                                _ ("The token has no \"scope\" or \"scp\" claim at all."));
      else
        {
          g_autofree char *list = join_scopes (have);
          g_string_append_printf (message, "\n");
          /* TRANSLATORS: "The token's scp claim holds "orders:read"." */
          g_string_append_printf (message, _ ("The token's %s claim holds %s."), claim,
                                  have->len > 0 ? list : "\"\"");
        }
      if (missing->len > 0)
        {
          g_autofree char *list = join_scopes (missing);
          g_string_append_printf (message, " ");
          g_string_append_printf (message, _ ("Missing: %s."), list);
        }
    }
  if (status == 401)
    g_string_append_printf (
      message, "\n%s",
      _ ("RFC 6750 §3.1 answers insufficient_scope with 403, not 401: this server "
         "mixes the two, so read the error code, not the status."));

  if (required != NULL)
    g_string_append_printf (fix,
                            _ ("Request the token with scope \"%s\" (the scope parameter of the "
                               "authorization or token request) and make sure the client is "
                               "allowed that scope in the identity provider."),
                            required);
  else
    g_string_append (fix,
                     _ ("Find which scope or role this endpoint requires (its documentation or "
                        "the API's authorization policy), request a token with it, and make "
                        "sure the client is granted it in the identity provider."));

  /* Where the provider keeps scopes and roles, in its console's words. */
  provider
    = token ? jd_providers_detect (jd_token_get_header (token), jd_token_get_claims (token)) : NULL;
  if (provider != NULL)
    g_string_append_printf (fix, " %s", jd_provider_text (provider->scope_rule));

  jd_findings_add (findings, JD_FINDING_INSUFFICIENT_SCOPE, JD_SEVERITY_ERROR, JD_RANK_REQUEST,
                   "scope", message->str, fix->str);
}

static void
add_bearer_error (GPtrArray *findings, const JdChallenge *bearer, JdToken *token, guint status)
{
  const char *error = jd_challenge_get_param (bearer, "error");
  JdBearerError code = jd_bearer_error_from_string (error);
  g_autofree char *described = jd_challenge_describe (bearer);
  g_autoptr (GString) message = g_string_new (described);
  guint expected_status = jd_bearer_error_status (code);

  if (expected_status != 0 && status != expected_status
      && code != JD_BEARER_ERROR_INSUFFICIENT_SCOPE)
    {
      g_string_append (message, "\n");
      g_string_append_printf (
        message, _ ("RFC 6750 pairs this error with status %u; this server answered %u."),
        expected_status, status);
    }

  switch (code)
    {
      case JD_BEARER_ERROR_INVALID_TOKEN:
        jd_findings_add (
          findings, JD_FINDING_BEARER_INVALID_TOKEN, JD_SEVERITY_ERROR, JD_RANK_REQUEST, NULL,
          message->str,
          _ ("The server rejected the token itself. The token findings (exp, aud, iss, "
             "alg, kid, signature) say which part; otherwise it was revoked, or the "
             "server trusts another issuer or key set. Get a new token and compare."));
        break;
      case JD_BEARER_ERROR_INVALID_REQUEST:
        jd_findings_add (
          findings, JD_FINDING_BEARER_INVALID_REQUEST, JD_SEVERITY_ERROR, JD_RANK_REQUEST, NULL,
          message->str,
          _ ("Send the token once, only in the header, exactly as "
             "\"Authorization: Bearer <token>\": no second \"Bearer\", no quotes, no "
             "line breaks, and not also in the query string or the body."));
        break;
      case JD_BEARER_ERROR_INSUFFICIENT_SCOPE:
        add_insufficient_scope (findings, bearer, token, status);
        break;
      case JD_BEARER_ERROR_OTHER:
        jd_findings_add (
          findings, JD_FINDING_BEARER_ERROR, JD_SEVERITY_WARNING, JD_RANK_REQUEST, NULL,
          message->str,
          _ ("Look up this error code in the API's or gateway's documentation; the "
             "error_description and error_uri, when present, are the server's own words."));
        break;
      case JD_BEARER_ERROR_NONE:
        if (status == 401 && token != NULL)
          jd_findings_add (
            findings, JD_FINDING_BEARER_NO_TOKEN_SEEN, JD_SEVERITY_WARNING, JD_RANK_REQUEST, NULL,
            message->str,
            _ ("The request carried a token, yet the server answers as if none arrived. "
               "Check the header name and the \"Bearer \" prefix, and whether a proxy, a "
               "load balancer or a redirect to another host removed the Authorization header."));
        break;
      default:
        g_assert_not_reached ();
    }
}

static char *
describe_server (JdResponse *response)
{
  const char *server_raw = jd_response_get_header (response, "Server");
  const char *via_raw = jd_response_get_header (response, "Via");
  /* header values are bytes from the network: only valid UTF-8 goes into messages */
  g_autofree char *server = server_raw ? g_utf8_make_valid (server_raw, -1) : NULL;
  g_autofree char *via = via_raw ? g_utf8_make_valid (via_raw, -1) : NULL;

  if (server != NULL && via != NULL)
    return g_strdup_printf (" (Server: %s; Via: %s)", server, via);
  if (server != NULL)
    return g_strdup_printf (" (Server: %s)", server);
  if (via != NULL)
    return g_strdup_printf (" (Via: %s)", via);
  return g_strdup ("");
}

static void
add_clock_skew (GPtrArray *findings, JdResponse *response, JdToken *token, gint64 now,
                gint64 leeway)
{
  const char *date = jd_response_get_header (response, "Date");
  g_autoptr (GString) message = g_string_new (NULL);
  g_autofree char *amount = NULL;
  JsonObject *claims = token != NULL ? jd_token_get_claims (token) : NULL;
  JdSeverity severity = JD_SEVERITY_WARNING;
  const char *claim = NULL;
  gint64 server_now, skew;
  double exp_value, start_value;
  const char *start_name = NULL;

  if (date == NULL || !jd_http_date_parse (date, &server_now))
    return;
  /* Every instant below lies within years 1–9999 (Date has four digits,
   * time claims go through jd_numeric_date_read()), and so does @now once
   * clamped: sums and differences of them, and of a leeway capped at that
   * span, cannot overflow. */
  now = CLAMP (now, (gint64)JD_NUMERIC_DATE_MIN, (gint64)JD_NUMERIC_DATE_MAX);
  leeway = CLAMP (leeway, 0, (gint64)(JD_NUMERIC_DATE_MAX - JD_NUMERIC_DATE_MIN));
  skew = server_now - now;
  if (ABS (skew) <= leeway)
    return;

  /* Date has whole seconds and the answer took a moment to arrive: a skew
   * of 299 s is "5 minutes", not "4 minutes". */
  amount = jd_time_format_duration (ABS (skew) >= 120 ? (ABS (skew) + 30) / 60 * 60 : skew);
  if (skew > 0)
    g_string_append_printf (
      message, _ ("The server's clock is %s ahead of this computer's (Date: %s)."), amount, date);
  else
    g_string_append_printf (
      message, _ ("The server's clock is %s behind this computer's (Date: %s)."), amount, date);

  if (jd_numeric_date_get_member (claims, "exp", &exp_value) == JD_NUMERIC_DATE_VALID)
    {
      gint64 exp = (gint64)floor (exp_value);

      g_string_append_c (message, '\n');
      if (server_now >= exp + leeway && now < exp + leeway)
        {
          g_autofree char *ago = jd_time_format_duration (server_now - exp);
          g_autofree char *left = jd_time_format_duration (exp - now);
          severity = JD_SEVERITY_ERROR;
          claim = "exp";
          if (exp > now)
            g_string_append_printf (
              message,
              _ ("By the server's clock this token expired %s ago; by yours it is "
                 "valid for %s more. The server rejects it as expired."),
              ago, left);
          else
            g_string_append_printf (
              message,
              _ ("By the server's clock this token expired %s ago, beyond the leeway; "
                 "by yours it is still within the leeway. The server rejects it as expired."),
              ago);
        }
      else if (skew > 0)
        g_string_append_printf (
          message, _ ("The server sees this token expire %s earlier than you expect."), amount);
      else
        g_string_append_printf (
          message, _ ("The server accepts this token %s longer than you expect, past its exp."),
          amount);
    }

  if (jd_numeric_date_get_member (claims, "nbf", &start_value) == JD_NUMERIC_DATE_VALID)
    start_name = "nbf";
  else if (jd_numeric_date_get_member (claims, "iat", &start_value) == JD_NUMERIC_DATE_VALID)
    start_name = "iat";
  if (start_name != NULL)
    {
      gint64 start = (gint64)floor (start_value);
      const char *name = start_name;

      g_string_append_c (message, '\n');
      if (start > server_now + leeway && start <= now + leeway)
        {
          g_autofree char *ahead = jd_time_format_duration (start - server_now);
          severity = JD_SEVERITY_ERROR;
          claim = name;
          /* TRANSLATORS: "By the server's clock this token's iat lies 4 minutes in the future; …"
           */
          g_string_append_printf (
            message,
            _ ("By the server's clock this token's %s lies %s in the future; a "
               "server that checks it rejects the token as not yet valid."),
            name, ahead);
        }
      else if (skew < 0)
        g_string_append_printf (
          message,
          _ ("A token fresh from the identity provider looks issued in the future "
             "to this server for its first %s (minus the leeway)."),
          amount);
      else
        g_string_append_printf (message,
                                _ ("Its %s is no problem for the server: it sees the token as "
                                   "issued earlier than you do."),
                                name);
    }

  jd_findings_add (findings, JD_FINDING_SERVER_CLOCK_SKEW, severity, JD_RANK_CLOCK_SKEW, claim,
                   message->str,
                   _ ("Synchronise the clock that is off with NTP (chrony, systemd-timesyncd, "
                      "w32time); a leeway larger than the skew only hides it."));
}

static const char *
standard_reason (guint status)
{
  switch (status)
    {
      case 200:
        return "OK";
      case 201:
        return "Created";
      case 204:
        return "No Content";
      case 400:
        return "Bad Request";
      case 401:
        return "Unauthorized";
      case 403:
        return "Forbidden";
      case 404:
        return "Not Found";
      case 407:
        return "Proxy Authentication Required";
      case 500:
        return "Internal Server Error";
      case 502:
        return "Bad Gateway";
      case 503:
        return "Service Unavailable";
      default:
        return "";
    }
}

GPtrArray *
jd_response_diagnose (JdResponse *response, JdToken *token, const JdExpectations *expect)
{
  gint64 now;

  g_return_val_if_fail (JD_IS_RESPONSE (response), NULL);
  g_return_val_if_fail (token == NULL || JD_IS_TOKEN (token), NULL);

  now = expect != NULL ? expect->now : g_get_real_time () / G_USEC_PER_SEC;
  return jd_response_diagnose_sent (response, token, expect, &now);
}

GPtrArray *
jd_response_diagnose_sent (JdResponse *response, JdToken *token, const JdExpectations *expect,
                           const gint64 *sent_at)
{
  g_autoptr (GPtrArray) findings = NULL;
  g_autoptr (GPtrArray) challenges = NULL;
  GPtrArray *headers;
  guint status, n_values = 0;
  const JdChallenge *bearer = NULL;
  gint64 leeway;
  const char *reason;
  g_autofree char *status_line = NULL;

  g_return_val_if_fail (JD_IS_RESPONSE (response), NULL);
  g_return_val_if_fail (token == NULL || JD_IS_TOKEN (token), NULL);

  leeway = expect != NULL ? MAX (expect->leeway, 0) : JD_DEFAULT_LEEWAY;

  findings = g_ptr_array_new_with_free_func (g_object_unref);
  challenges = g_ptr_array_new_with_free_func ((GDestroyNotify)jd_challenge_free);
  status = jd_response_get_status (response);
  reason = jd_response_get_reason (response);
  if (reason == NULL || *reason == '\0')
    reason = standard_reason (status);
  status_line = g_strdup_printf ("%u%s%s", status, *reason ? " " : "", reason);
  if (!g_utf8_validate (status_line, -1, NULL))
    {
      /* The reason phrase is the server's bytes (RFC 9112 §4 allows obs-text). */
      char *shown = g_utf8_make_valid (status_line, -1);
      g_free (status_line);
      status_line = shown;
    }

  /* Every WWW-Authenticate value, each parsed on its own so that one bad
   * value does not hide the others. */
  headers = jd_response_get_headers (response);
  for (guint i = 0; headers != NULL && i < headers->len; i++)
    {
      const JdHeader *header = g_ptr_array_index (headers, i);
      g_autoptr (GError) error = NULL;

      if (g_ascii_strcasecmp (header->name, "WWW-Authenticate") != 0)
        continue;
      n_values++;
      if (!parse_into (challenges, header->value, strlen (header->value), n_values - 1, NULL,
                       &error))
        {
          g_autofree char *message = g_strdup_printf (
            _ ("The WWW-Authenticate header cannot be read: %s"), error->message);
          jd_findings_add (
            findings, JD_FINDING_WWW_AUTHENTICATE_MALFORMED, JD_SEVERITY_WARNING, JD_RANK_REQUEST,
            NULL, message,
            _ ("The server (or something in front of it) writes a header that breaks "
               "RFC 7235 §4.1; clients may ignore it. Report it to the API's owners."));
        }
    }
  /* Headers the response's limits left out (too many, too long): a
   * challenge may have been among them. */
  {
    GPtrArray *problems = jd_response_get_header_problems (response);

    for (guint i = 0; i < problems->len; i++)
      jd_findings_add (findings, JD_FINDING_HEADERS_LEFT_OUT, JD_SEVERITY_WARNING, JD_RANK_REQUEST,
                       NULL, g_ptr_array_index (problems, i),
                       _ ("What follows is judged without these headers; a WWW-Authenticate "
                          "among them is not seen. No client needs headers this large or this "
                          "many: look at what the server or a proxy adds."));
  }
  for (guint i = 0; i < challenges->len && bearer == NULL; i++)
    {
      const JdChallenge *c = g_ptr_array_index (challenges, i);
      if (jd_challenge_is_scheme (c, "Bearer") || jd_challenge_is_scheme (c, "DPoP"))
        bearer = c;
    }

  if (status >= 200 && status < 300)
    {
      g_autofree char *message = g_strdup_printf (
        _ ("%s: the server accepted the request and the token with it."), status_line);
      jd_findings_add (findings, JD_FINDING_STATUS_SUCCESS, JD_SEVERITY_OK, JD_RANK_INFO, NULL,
                       message, NULL);
    }
  else if (status == 401)
    {
      g_autofree char *message = g_strdup_printf (
        _ ("%s: the server did not accept the credentials. Either none arrived, or the token was "
           "read and rejected (expired, wrong audience or issuer, a key it does not know, a bad "
           "signature). 401 is about who you are; 403 would mean it knew and still refused."),
        status_line);
      jd_findings_add (
        findings, JD_FINDING_STATUS_401, JD_SEVERITY_INFO, JD_RANK_INFO, NULL, message,
        _ ("Fix the token (see the token findings) or find out why it did not arrive."));

      /* When a WWW-Authenticate is among the headers the limits left out,
       * the headers-left-out finding says so; "missing" would blame a
       * gateway. Other headers left out hide nothing. */
      if (n_values == 0 && !jd_response_header_left_out (response, "WWW-Authenticate"))
        {
          g_autofree char *server = describe_server (response);
          g_autofree char *missing = g_strdup_printf (
            _ ("The 401 carries no WWW-Authenticate header%s, which RFC 7235 §3.1 requires of "
               "every 401. "
               "A CDN, API gateway, load balancer or proxy most likely answered (or stripped the "
               "header): the application behind it probably never saw the request."),
            server);
          jd_findings_add (
            findings, JD_FINDING_MISSING_WWW_AUTHENTICATE, JD_SEVERITY_ERROR, JD_RANK_REQUEST, NULL,
            missing,
            _ ("Look at the gateway's own JWT settings (audience, issuer, JWKS URL, "
               "allowed algorithms) and its logs, and whether it forwards the "
               "Authorization header; the application's logs will not show this request."));
        }
      else if (bearer == NULL && challenges->len > 0)
        {
          g_autoptr (GString) schemes = g_string_new (NULL);
          g_autofree char *message2 = NULL;

          for (guint i = 0; i < challenges->len; i++)
            g_string_append_printf (
              schemes, "%s%s", i > 0 ? ", " : "",
              ((const JdChallenge *)g_ptr_array_index (challenges, i))->scheme);
          message2 = g_strdup_printf (_ ("The server offers %s, not Bearer: this URL does not take "
                                         "bearer tokens, or the layer answering is configured for "
                                         "another scheme."),
                                      schemes->str);
          jd_findings_add (findings, JD_FINDING_NO_BEARER_CHALLENGE, JD_SEVERITY_WARNING,
                           JD_RANK_REQUEST, NULL, message2,
                           _ ("Check the URL (a login page or an admin endpoint?) and which "
                              "authentication the server expects there."));
        }
    }
  else if (status == 403)
    {
      g_autofree char *message = g_strdup_printf (
        _ ("%s: the server knew who you are (or did not need to) and refused anyway. The token may "
           "be valid but lack a scope or role, or a policy (IP range, tenant, resource owner) "
           "blocks it. A fresh token with the same scopes gets the same answer."),
        status_line);
      jd_findings_add (findings, JD_FINDING_STATUS_403, JD_SEVERITY_INFO, JD_RANK_INFO, NULL,
                       message,
                       _ ("Compare the token's scope/scp and roles claims with what the endpoint "
                          "requires, and check the API's authorization policy."));
    }
  else
    {
      g_autofree char *message = NULL;

      if (status == 400)
        message
          = g_strdup_printf (_ ("%s: the server could not use the request as sent (a malformed "
                                "header, parameter or body); RFC 6750 answers invalid_request "
                                "this way."),
                             status_line);
      else if (status >= 300 && status < 400)
        message
          = g_strdup_printf (_ ("%s: a redirect, not an answer about the token."), status_line);
      else if (status >= 500)
        message = g_strdup_printf (_ ("%s: the server failed while handling the request; this says "
                                      "nothing about the token."),
                                   status_line);
      else
        message = g_strdup_printf (_ ("%s: not an authentication answer."), status_line);
      jd_findings_add (findings, JD_FINDING_STATUS_OTHER, JD_SEVERITY_INFO, JD_RANK_INFO, NULL,
                       message, NULL);
    }

  if (bearer != NULL)
    add_bearer_error (findings, bearer, token, status);

  if (sent_at != NULL)
    add_clock_skew (findings, response, token, *sent_at, leeway);

  /* The server's own words, in the body or an error_description. */
  {
    g_autoptr (GPtrArray) said = jd_server_messages_scan_response (response);

    jd_server_messages_diagnose (said, token, expect, expect, findings);
  }

  jd_findings_sort (findings);
  return g_steal_pointer (&findings);
}
