/* jd-curl-parse.c — what a curl command line sends
 *
 * The words a shell would pass to curl (jd-curl-split.c), read as curl
 * reads its options: the request it makes, the token it carries and where
 * each of the token's bytes came from in the paste.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "jd-curl-parse.h"
#include "jd-curl-split.h"
#include "jd-input-placement.h"
#include "jd-www-authenticate.h"

/* ------------------------------------------------------------------ */
/* Arguments                                                           */

typedef JdCurlWord Word;

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
  JdCurlCommand *command;
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

/* The command's credential: @arg's bytes, which stay in the command's
 * words. The first one found is the one taken. */
static void
take_credential (Build *build, JdCurlCredentialKind kind, const Arg *arg)
{
  JdCurlCredential *credential = &build->command->credential;

  g_assert (credential->kind == JD_CURL_CREDENTIAL_NONE);
  /* An empty word (curl --oauth2-bearer "") has no positions at all. */
  g_assert (arg->len == 0 || (arg->starts != NULL && arg->ends != NULL));

  credential->kind = kind;
  credential->data = arg->data;
  credential->len = arg->len;
  credential->starts = arg->starts;
  credential->ends = arg->ends;
  build->command->credential_at = build->command->findings->len;
  build->token_found = TRUE;
}

/* "Name: value" → the request, and the Authorization header to the
 * command's credential. */
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

          take_credential (build, JD_CURL_CREDENTIAL_AUTHORIZATION, &whole);
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

/* -b name=value (without '=', -b names a cookie file). The cookies are
 * joined onto the first Cookie header at the end: joining them one -b at
 * a time copied the whole header each time (quadratic). */
static void
take_cookie (Build *build, const char *value)
{
  if (strchr (value, '=') == NULL)
    return;
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

/* -u user:password (without ':', curl would ask for the password). */
static void
take_user (Build *build, const char *value)
{
  g_autofree char *encoded = NULL;

  if (strchr (value, ':') == NULL)
    return;
  encoded = g_base64_encode ((const guchar *)value, strlen (value));
  /* An explicit -H Authorization wins over -u: added at the end. */
  g_free (build->basic);
  build->basic = g_strconcat ("Basic ", encoded, NULL);
}

static void
take_oauth2_bearer (Build *build, const Arg *arg, const char *value)
{
  g_autofree char *header = g_strconcat ("Bearer ", value, NULL);

  jd_request_add_header (build->request, "Authorization", header);
  build->authorization_headers++;
  if (!build->token_found)
    take_credential (build, JD_CURL_CREDENTIAL_TOKEN, arg);
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
        take_cookie (build, value);
        break;

      case ACTION_USER:
        take_user (build, value);
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
        take_oauth2_bearer (build, arg, value);
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

/* ------------------------------------------------------------------ */
/* A token outside Authorization                                       */

/* A token found at @step->arg.data[start] outside Authorization: in a
 * header (-H 'token: eyJ…'), a Cookie header or a -b cookie. */
static void
note_placement (GPtrArray *findings, const Step *step, gsize start)
{
  JdTokenPlace place;
  g_autofree char *name = NULL;

  if (step->action == ACTION_HEADER
      && jd_input_locate_in_headers (step->arg.data, 0, start, &place, &name))
    jd_input_placement_add (findings, place, name);
  else if (step->action == ACTION_COOKIE)
    {
      name = jd_input_cookie_name (step->arg.data, 0, start);
      jd_input_placement_add (findings, JD_TOKEN_PLACE_COOKIE, name);
    }
}

/* access_token=… in the URL, a query parameter per RFC 6750 §2.3,
 * whatever its shape. */
static gboolean
take_query_token (Build *build, const Step *step)
{
  const Arg *url = &step->arg;

  for (gsize p = 0; p + 13 < url->len; p++)
    {
      gsize from = p + 14, to = from;

      if ((url->data[p] != '?' && url->data[p] != '&')
          || strncmp (url->data + p + 1, "access_token=", 13) != 0)
        continue;

      while (to < url->len && url->data[to] != '&' && url->data[to] != '#')
        to++;
      if (to > from)
        {
          Arg token = arg_sub (url, from, to);

          take_credential (build, JD_CURL_CREDENTIAL_TOKEN, &token);
          jd_input_placement_add (build->command->findings, JD_TOKEN_PLACE_QUERY, "access_token");
          return TRUE;
        }
    }

  return FALSE;
}

/* A JWT anywhere in @step's argument. */
static gboolean
take_jwt_in_step (Build *build, const Step *step)
{
  GPtrArray *findings = build->command->findings;
  gsize start, end;
  Arg token;

  if (!jd_input_find_jwt (step->arg.data, step->arg.len, &start, &end))
    return FALSE;

  token = arg_sub (&step->arg, start, end);
  take_credential (build, JD_CURL_CREDENTIAL_TOKEN, &token);
  note_placement (findings, step, start);
  if (step->action == ACTION_USER)
    jd_input_findings_add (findings, JD_FINDING_MALFORMED_AUTHORIZATION, JD_SEVERITY_ERROR,
                           _ ("The command sends the token as Basic credentials "
                              "(-u user:password), not as a Bearer token: an API "
                              "that expects a bearer token rejects it."),
                           _ ("Send the token as -H 'Authorization: Bearer <token>' "
                              "instead of -u."));
  return TRUE;
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

          if (step->action != order[o])
            continue;
          if (step->action == ACTION_URL && take_query_token (build, step))
            return TRUE;
          if (take_jwt_in_step (build, step))
            return TRUE;
        }
    }

  return FALSE;
}

/* ------------------------------------------------------------------ */
/* The command                                                         */

/* The index of the first word after "curl" (a prompt may come first). */
static guint
skip_to_options (GPtrArray *words)
{
  for (guint i = 0; i < words->len; i++)
    {
      Word *word = g_ptr_array_index (words, i);

      if (g_ascii_strcasecmp (word->text->str, "curl") == 0
          || g_ascii_strcasecmp (word->text->str, "curl.exe") == 0)
        return i + 1;
    }

  return words->len;
}

/* A cluster of short options in @word: -sSL, -HName:value, -XPUT. Returns
 * whether the option's argument was the next word (@next). */
static gboolean
read_short_options (Build *build, Word *word, Word *next)
{
  const char *w = word->text->str;

  for (gsize c = 1; c < word->text->len; c++)
    {
      const Option *option = find_short_option (w[c]);

      if (option == NULL)
        continue;
      if (!option->takes_arg)
        {
          take_step (build, option->action, NULL);
          continue;
        }
      if (c + 1 < word->text->len)
        {
          Arg arg = arg_from_word (word, c + 1);
          take_step (build, option->action, &arg);
        }
      else if (next != NULL)
        {
          Arg arg = arg_from_word (next, 0);
          take_step (build, option->action, &arg);
          return TRUE;
        }
      return FALSE;
    }

  return FALSE;
}

/* A long option in @word (--header): returns whether its argument was the
 * next word (@next). */
static gboolean
read_long_option (Build *build, Word *word, Word *next)
{
  const Option *option = find_long_option (word->text->str + 2);

  if (option != NULL && option->takes_arg)
    {
      if (next != NULL)
        {
          Arg arg = arg_from_word (next, 0);
          take_step (build, option->action, &arg);
          return TRUE;
        }
    }
  else if (option != NULL)
    {
      take_step (build, option->action, NULL);
    }

  return FALSE;
}

/* Every word from @i on: options, their arguments, URLs. */
static void
read_options (Build *build, GPtrArray *words, guint i)
{
  gboolean options_end = FALSE;

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
          if (read_long_option (build, word, next))
            i++;
        }
      else if (!options_end && w[0] == '-' && w[1] != '\0')
        {
          if (read_short_options (build, word, next))
            i++;
        }
      else
        {
          Arg arg = arg_from_word (word, 0);
          take_step (build, ACTION_URL, &arg);
        }
    }
}

/* The headers curl adds itself: -b's cookies (in the place the first -b
 * kept, unless -H gave a Cookie header: then curl sends the -H ones only),
 * and -u's Basic header unless -H Authorization was given. */
static void
finish_headers (Build *build)
{
  JdRequest *request = build->request;

  if (build->cookies != NULL && !build->header_cookie)
    {
      g_assert (build->cookie_placeholder);
      jd_request_set_header (request, "Cookie", build->cookies->str);
    }

  if (build->basic != NULL && jd_request_get_header (request, "Authorization") == NULL)
    jd_request_add_header (request, "Authorization", build->basic);
}

/* The body of -d / --json and the Content-Type and Accept curl adds. */
static void
finish_body (Build *build)
{
  JdRequest *request = build->request;
  g_autoptr (GBytes) body = g_bytes_new (build->body->str, build->body->len);

  jd_request_set_body (request, body);
  if (build->json)
    {
      if (jd_request_get_header (request, "Content-Type") == NULL)
        jd_request_add_header (request, "Content-Type", "application/json");
      if (jd_request_get_header (request, "Accept") == NULL)
        jd_request_add_header (request, "Accept", "application/json");
    }
  else if (build->form_data && jd_request_get_header (request, "Content-Type") == NULL)
    {
      jd_request_add_header (request, "Content-Type", "application/x-www-form-urlencoded");
    }
}

/* Method, body, URL. */
static void
finish_request (Build *build)
{
  JdRequest *request = build->request;
  g_autofree char *url = build->has_url ? arg_dup (&build->url) : g_strdup ("");

  if (build->has_data && build->get)
    {
      g_autofree char *with_query
        = g_strconcat (url, strchr (url, '?') != NULL ? "&" : "?", build->body->str, NULL);
      g_free (url);
      url = g_steal_pointer (&with_query);
    }
  else if (build->has_data)
    {
      finish_body (build);
    }

  jd_request_set_url (request, url);
  if (build->method != NULL)
    jd_request_set_method (request, build->method);
  else if (build->head)
    jd_request_set_method (request, "HEAD");
  else if (build->has_data && !build->get)
    jd_request_set_method (request, "POST");
}

static void
note_word_limit (GPtrArray *findings, gsize stopped, gsize to)
{
  g_autofree char *message = g_strdup_printf (
    _ ("The curl command has more than %u words; reading stopped at byte %zu of %zu, so the "
       "options after it are left out."),
    JD_CURL_MAX_WORDS, stopped, to);

  jd_input_findings_add (findings, JD_FINDING_INPUT_TOO_LARGE, JD_SEVERITY_WARNING, message,
                         _ ("Paste the command as the browser copied it, or only the token "
                            "or its Authorization header."));
}

JdCurlCommand *
jd_curl_parse (const char *text, gsize from, gsize to)
{
  JdCurlCommand *command = g_new0 (JdCurlCommand, 1);
  Build build = { 0 };
  gsize stopped;

  g_return_val_if_fail (text != NULL || from == to, NULL);
  g_return_val_if_fail (from <= to, NULL);

  command->findings = g_ptr_array_new_with_free_func (g_object_unref);
  command->words = jd_curl_split (text, from, to, &stopped);
  if (stopped < to)
    note_word_limit (command->findings, stopped, to);

  build.command = command;
  build.request = command->request = jd_request_new (NULL, "");
  build.body = g_string_new (NULL);
  build.steps = g_array_new (FALSE, FALSE, sizeof (Step));

  read_options (&build, command->words, skip_to_options (command->words));
  finish_headers (&build);

  if (build.authorization_headers > 1)
    jd_input_findings_add (command->findings, JD_FINDING_MALFORMED_AUTHORIZATION,
                           JD_SEVERITY_WARNING,
                           _ ("The command sends more than one Authorization header; servers "
                              "take the first, the last, or reject the request."),
                           _ ("Send exactly one Authorization header."));

  if (!build.token_found)
    build.token_found = find_token_elsewhere (&build);

  finish_request (&build);
  command->has_url = build.has_url;

  g_free (build.method);
  if (build.cookies != NULL)
    g_string_free (build.cookies, TRUE);
  g_free (build.basic);
  g_string_free (build.body, TRUE);
  g_array_unref (build.steps);

  return command;
}

void
jd_curl_command_free (JdCurlCommand *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->request);
  g_ptr_array_unref (self->findings);
  g_ptr_array_unref (self->words);
  g_free (self);
}
