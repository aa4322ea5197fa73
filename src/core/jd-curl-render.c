/* jd-curl-render.c — a JdRequest as a curl command to paste into bash
 *
 * The opposite direction of jd-curl-parse.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "jd-request.h"

/* POSIX single quotes: everything between them is literal, bytes
 * included; a single quote itself is written '\''. */
void
jd_shell_quote_append (GString *out, const char *value, gsize len)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (value != NULL || len == 0);

  g_string_append_c (out, '\'');
  for (gsize i = 0; i < len; i++)
    {
      if (value[i] == '\'')
        g_string_append (out, "'\\''");
      else
        g_string_append_c (out, value[i]);
    }
  g_string_append_c (out, '\'');
}

static void
append_quoted (GString *out, const char *value)
{
  jd_shell_quote_append (out, value, strlen (value));
}

static void
append_option_line (GString *out, const char *option, const char *value, gsize len)
{
  g_string_append (out, " \\\n  ");
  g_string_append (out, option);
  if (value != NULL)
    {
      g_string_append_c (out, ' ');
      jd_shell_quote_append (out, value, len);
    }
}

static void
append_header_line (GString *out, const char *name, const char *value)
{
  g_autoptr (GString) line = g_string_new (name);

  /* curl: "Name:" removes a header, "Name;" sends it empty. A value of
   * blanks only is empty too (RFC 9110 §5.5: surrounding whitespace is not
   * part of a field value), and "Name:   " would remove the header. */
  if (value[strspn (value, " \t\r\n")] == '\0')
    {
      g_string_append_c (line, ';');
    }
  else
    {
      g_string_append (line, ": ");
      /* A header value cannot hold a line break: curl would send a broken
       * request. Unfold it as RFC 9110 §5.5 says for obs-fold (one space). */
      for (const char *p = value; *p != '\0'; p++)
        {
          if (*p != '\r' && *p != '\n')
            {
              g_string_append_c (line, *p);
              continue;
            }
          while (p[1] == '\r' || p[1] == '\n' || p[1] == ' ' || p[1] == '\t')
            p++;
          if (line->len > 0 && line->str[line->len - 1] != ' ')
            g_string_append_c (line, ' ');
        }
    }

  append_option_line (out, "-H", line->str, line->len);
}

/* Headers curl writes itself from what it sends, or that only describe
 * the connection: copying them would make the command lie. */
static gboolean
header_is_curls_own (const char *name)
{
  static const char *const names[] = {
    "Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive", "Proxy-Connection", "TE",
    "Upgrade",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (name, names[i]) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
url_needs_globoff (const char *url)
{
  return strpbrk (url, "[]{}") != NULL;
}

/* printf '%b' writes these bytes back on any POSIX shell: used for a body
 * that holds NUL bytes, which no shell argument can carry. */
static void
append_printf_octal (GString *out, const guint8 *data, gsize len)
{
  g_string_append (out, "printf '%b' '");
  for (gsize i = 0; i < len; i++)
    {
      guint8 c = data[i];

      if (c == 0 || c == '\\' || c == '\'' || c < 0x20 || c >= 0x7f)
        g_string_append_printf (out, "\\0%03o", c);
      else
        g_string_append_c (out, (char)c);
    }
  g_string_append (out, "' |\n");
}

/* The URL without query parameters whose value is @token. */
static char *
url_without_token (const char *url, const char *token)
{
  const char *query = strchr (url, '?');
  const char *fragment;
  g_autoptr (GString) out = NULL;
  g_auto (GStrv) params = NULL;
  g_autofree char *query_part = NULL;
  gboolean first = TRUE;

  if (query == NULL)
    return g_strdup (url);

  fragment = strchr (query, '#');
  query_part
    = fragment != NULL ? g_strndup (query + 1, fragment - query - 1) : g_strdup (query + 1);
  params = g_strsplit (query_part, "&", -1);

  out = g_string_new_len (url, query - url);
  for (guint i = 0; params[i] != NULL; i++)
    {
      const char *eq = strchr (params[i], '=');

      if (eq != NULL && strcmp (eq + 1, token) == 0)
        continue;
      g_string_append_c (out, first ? '?' : '&');
      g_string_append (out, params[i]);
      first = FALSE;
    }
  if (fragment != NULL)
    g_string_append (out, fragment);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The Cookie value without cookies whose value is @token; NULL if none is
 * left. */
static char *
cookie_without_token (const char *cookie, const char *token)
{
  g_auto (GStrv) pairs = g_strsplit (cookie, ";", -1);
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      const char *pair = g_strstrip (pairs[i]);
      const char *eq = strchr (pair, '=');

      if (*pair == '\0' || (eq != NULL && strcmp (eq + 1, token) == 0))
        continue;
      if (out->len > 0)
        g_string_append (out, "; ");
      g_string_append (out, pair);
    }

  if (out->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* What one rendering carries from step to step. */
typedef struct
{
  GString *out;
  JdCurlVariant variant;
  const char *token; /* nullable */
  gboolean wrote_authorization;
  gboolean compressed;
} CurlRender;

/* JD_CURL_WITHOUT_TOKEN with a token to take out of the query and cookies. */
static gboolean
removes_token (const CurlRender *r)
{
  return r->variant == JD_CURL_WITHOUT_TOKEN && r->token != NULL && *r->token != '\0';
}

static void
append_fresh_token_comment (GString *out)
{
  g_string_append (out, "# ");
  /* Translators: a shell comment above a curl command; keep "$TOKEN"
   * and "export TOKEN=…" as they are. */
  g_string_append (out, _ ("Get a fresh token from your identity provider (or copy one from "
                           "the browser's network panel), then: export TOKEN='eyJ…'"));
  g_string_append_c (out, '\n');
}

/* "curl -i URL", then -X when curl's own choice of method is not the request's. */
static void
append_curl_and_url (GString *out, const char *method, const char *url, gboolean has_body)
{
  g_string_append (out, "curl -i");
  if (g_strcmp0 (method, "HEAD") == 0)
    g_string_append (out, " --head");
  if (url_needs_globoff (url))
    g_string_append (out, " --globoff");
  /* A URL that does not start with a scheme could start with '-' (a HAR
   * file is untrusted): after --url, curl reads it as the URL, never as
   * an option. */
  if (g_ascii_strncasecmp (url, "http://", 7) == 0 || g_ascii_strncasecmp (url, "https://", 8) == 0)
    g_string_append_c (out, ' ');
  else
    g_string_append (out, " --url ");
  append_quoted (out, url);

  /* curl sends GET without a body and POST with one; anything else needs -X.
   * HEAD is --head above (-X HEAD would wait for a body that never comes). */
  /* curl's own choice is POST with a body (even an empty one) and GET without. */
  if (g_strcmp0 (method, "HEAD") != 0 && !(g_strcmp0 (method, "GET") == 0 && !has_body)
      && !(g_strcmp0 (method, "POST") == 0 && has_body))
    append_option_line (out, "-X", method, strlen (method));
}

/* The Authorization header as the variant writes it; FALSE when the
 * request's own value is to be written. */
static gboolean
append_authorization (CurlRender *r, const char *name)
{
  if (r->variant == JD_CURL_WITHOUT_TOKEN || r->wrote_authorization)
    return TRUE;

  r->wrote_authorization = TRUE;
  if (r->variant == JD_CURL_FRESH_TOKEN)
    {
      g_string_append (r->out, " \\\n  -H \"Authorization: Bearer $TOKEN\"");
      return TRUE;
    }
  if (r->token != NULL)
    {
      g_autofree char *value = g_strconcat ("Bearer ", r->token, NULL);
      append_header_line (r->out, name, value);
      return TRUE;
    }
  return FALSE;
}

static void
append_header (CurlRender *r, const JdHeader *header)
{
  if (header_is_curls_own (header->name))
    return;

  if (g_ascii_strcasecmp (header->name, "Accept-Encoding") == 0)
    {
      /* The person wants to read the answer: let curl ask for what it
       * can decompress. */
      r->compressed = TRUE;
      return;
    }

  if (removes_token (r) && g_ascii_strcasecmp (header->name, "Cookie") == 0)
    {
      g_autofree char *cookie = cookie_without_token (header->value, r->token);

      if (cookie != NULL)
        append_header_line (r->out, header->name, cookie);
      return;
    }

  if (g_ascii_strcasecmp (header->name, "Authorization") == 0
      && append_authorization (r, header->name))
    return;

  append_header_line (r->out, header->name, header->value);
}

/* The variant's Authorization when the request carried none. */
static void
append_missing_authorization (CurlRender *r)
{
  if (!r->wrote_authorization && r->variant == JD_CURL_FRESH_TOKEN)
    {
      g_string_append (r->out, " \\\n  -H \"Authorization: Bearer $TOKEN\"");
    }
  else if (!r->wrote_authorization && r->variant == JD_CURL_THIS_TOKEN && r->token != NULL)
    {
      g_autofree char *value = g_strconcat ("Bearer ", r->token, NULL);
      append_header_line (r->out, "Authorization", value);
    }
}

static void
append_body (GString *out, JdRequest *self, const guint8 *body, gsize body_len,
             gboolean body_has_nul)
{
  /* --data-raw adds "Content-Type: application/x-www-form-urlencoded"
   * when there is none: "Content-Type:" tells curl to leave it out. */
  if (jd_request_get_header (self, "Content-Type") == NULL)
    append_option_line (out, "-H", "Content-Type:", strlen ("Content-Type:"));

  if (body_has_nul)
    append_option_line (out, "--data-binary", "@-", 2);
  else
    append_option_line (out, "--data-raw", body != NULL ? (const char *)body : "", body_len);
}

char *
jd_request_to_curl (JdRequest *self, JdCurlVariant variant, const char *token)
{
  g_autoptr (GString) out = NULL;
  g_autofree char *url = NULL;
  GBytes *request_body;
  GPtrArray *headers;
  const guint8 *body = NULL;
  gsize body_len = 0;
  gboolean body_has_nul = FALSE;
  CurlRender r = { NULL, variant, token, FALSE, FALSE };

  g_return_val_if_fail (JD_IS_REQUEST (self), NULL);
  g_return_val_if_fail (variant <= JD_CURL_FRESH_TOKEN, NULL);

  out = g_string_new (NULL);
  r.out = out;
  request_body = jd_request_get_body (self);

  if (request_body != NULL)
    {
      body = g_bytes_get_data (request_body, &body_len);
      body_has_nul = body_len > 0 && memchr (body, '\0', body_len) != NULL;
    }

  if (variant == JD_CURL_FRESH_TOKEN)
    append_fresh_token_comment (out);

  if (body_has_nul)
    append_printf_octal (out, body, body_len);

  /* The baseline carries no token at all: not in the query, not in a
   * cookie either. */
  if (removes_token (&r))
    url = url_without_token (jd_request_get_url (self), token);
  else
    url = g_strdup (jd_request_get_url (self));

  append_curl_and_url (out, jd_request_get_method (self), url, request_body != NULL);

  headers = jd_request_get_headers (self);
  for (guint i = 0; i < headers->len; i++)
    append_header (&r, g_ptr_array_index (headers, i));
  append_missing_authorization (&r);

  if (request_body != NULL) /* an empty body is still a body: curl sends Content-Length: 0 */
    append_body (out, self, body, body_len, body_has_nul);

  if (r.compressed)
    g_string_append (out, " \\\n  --compressed");

  g_string_append_c (out, '\n');

  return g_string_free (g_steal_pointer (&out), FALSE);
}
