/* jd-har-reader-entry.c — reading one entry of an HTTP Archive
 *
 * An item of log.entries becomes a JdHarEntry: its request and response
 * (headers in one block, HTTP/2 pseudo-headers as fallbacks for a missing
 * method or URL, cookies and query parameters), the position of its
 * bodies, its start time, and its bearer token from the Authorization
 * header, an access_token query parameter or a JWT-shaped cookie.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "jd-har-entry-private.h"
#include "jd-har-reader-private.h"
#include "jd-input.h"

static void
add_header (JdHarReader *ctx, const char *name, gsize name_len, const char *value, gsize value_len)
{
  gsize pair[2];

  pair[0] = ctx->names->len;
  g_string_append_len (ctx->names, name, name_len);
  g_string_append_c (ctx->names, '\0');
  pair[1] = ctx->names->len;
  g_string_append_len (ctx->names, value, value_len);
  g_string_append_c (ctx->names, '\0');
  g_array_append_vals (ctx->offsets, pair, 2);
}

/* Turns the headers collected in ctx into one block. */
static JdHeader *
finish_headers (JdHarReader *ctx, guint *n_headers)
{
  guint n = ctx->offsets->len / 2;
  JdHeader *headers;
  char *strings;

  *n_headers = n;
  if (n == 0)
    {
      g_string_truncate (ctx->names, 0);
      return NULL;
    }

  headers = g_malloc (n * sizeof (JdHeader) + ctx->names->len);
  strings = (char *)(headers + n);
  memcpy (strings, ctx->names->str, ctx->names->len);
  for (guint i = 0; i < n; i++)
    {
      headers[i].name = strings + g_array_index (ctx->offsets, gsize, 2 * i);
      headers[i].value = strings + g_array_index (ctx->offsets, gsize, 2 * i + 1);
    }

  g_string_truncate (ctx->names, 0);
  g_array_set_size (ctx->offsets, 0);
  return headers;
}

static void
set_candidate (char **slot, const char *value, gsize len)
{
  if (*slot == NULL)
    *slot = g_strndup (value, len);
}

static void
scan_cookie_header (JdHarReader *ctx, const char *value)
{
  const char *p = value;

  while (*p != '\0')
    {
      const char *end = strchr (p, ';');
      const char *eq;
      gsize seg = end != NULL ? (gsize)(end - p) : strlen (p);

      eq = memchr (p, '=', seg);
      if (eq != NULL && ctx->cookie_token == NULL)
        {
          const char *name = p;
          const char *v = eq + 1;
          gsize vlen = seg - (v - p);

          while (name < eq && g_ascii_isspace (*name))
            name++;
          while (vlen > 0 && g_ascii_isspace (v[vlen - 1]))
            vlen--;
          if (vlen >= 2 && v[0] == '"' && v[vlen - 1] == '"')
            {
              v++;
              vlen -= 2;
            }
          if (jd_input_is_jwt_shaped (v, vlen))
            {
              const char *name_end = eq;
              while (name_end > name && g_ascii_isspace (name_end[-1]))
                name_end--;
              ctx->cookie_token = g_strndup (v, vlen);
              ctx->cookie_name = g_strndup (name, name_end - name);
            }
        }
      if (end == NULL)
        break;
      p = end + 1;
    }
}

/* Called with each {"name": …, "value": …} of an array, as text. */
typedef void (*PairFunc) (JdHarReader *ctx, GString *name, GString *value, gpointer user_data);

/* The members of one {"name": …, "value": …} object, its '{' read;
 * others are skipped. Returns FALSE when reading must stop. */
static gboolean
read_name_value (JdHarReader *ctx, const char *field, GString *name, GString *value)
{
  JdJsonReader *r = ctx->reader;
  JdJsonToken token;

  while ((token = jd_json_reader_next (r)) == JD_JSON_TOKEN_MEMBER)
    {
      if (jd_json_reader_string_equal (r, "name"))
        {
          if (!jd_har_reader_read_text (ctx, jd_json_reader_next (r), field, name))
            return FALSE;
        }
      else if (jd_json_reader_string_equal (r, "value"))
        {
          if (!jd_har_reader_read_text (ctx, jd_json_reader_next (r), field, value))
            return FALSE;
        }
      else if (!jd_json_reader_skip (r))
        return FALSE;
    }
  return token == JD_JSON_TOKEN_END_OBJECT;
}

/* "headers", "cookies", "queryString": [{"name": …, "value": …}, …]; each
 * pair goes to @func, an item that is not an object is reported and
 * skipped. Returns FALSE when reading must stop. */
static gboolean
read_pairs (JdHarReader *ctx, const char *field, PairFunc func, gpointer user_data)
{
  JdJsonReader *r = ctx->reader;
  JdJsonToken token = jd_json_reader_next (r);

  if (token != JD_JSON_TOKEN_BEGIN_ARRAY)
    return token == JD_JSON_TOKEN_NULL
           || jd_har_reader_unexpected (ctx, token, field, _ ("an array"));

  while ((token = jd_json_reader_next (r)) != JD_JSON_TOKEN_END_ARRAY)
    {
      g_autoptr (GString) name = NULL;

      if (token != JD_JSON_TOKEN_BEGIN_OBJECT)
        {
          if (!jd_har_reader_unexpected (ctx, token, field, _ ("an object")))
            return FALSE;
          continue;
        }

      name = g_string_new (NULL);
      g_string_truncate (ctx->value, 0);
      if (!read_name_value (ctx, field, name, ctx->value))
        return FALSE;
      func (ctx, name, ctx->value, user_data);
    }

  return TRUE;
}

typedef struct
{
  gboolean request;
  guint *status_out; /* response: set from ":status" when still 0, nullable */
} HeaderList;

/* HTTP/2 and HTTP/3 pseudo-headers: not headers, but they can stand in
 * for a missing method or URL, or status. */
static void
take_pseudo_header (JdHarReader *ctx, const HeaderList *list, const char *name,
                    const GString *value)
{
  if (list->request)
    {
      if (strcmp (name, ":method") == 0)
        set_candidate (&ctx->pseudo_method, value->str, value->len);
      else if (strcmp (name, ":scheme") == 0)
        set_candidate (&ctx->pseudo_scheme, value->str, value->len);
      else if (strcmp (name, ":authority") == 0)
        set_candidate (&ctx->pseudo_authority, value->str, value->len);
      else if (strcmp (name, ":path") == 0)
        set_candidate (&ctx->pseudo_path, value->str, value->len);
    }
  else if (list->status_out != NULL && strcmp (name, ":status") == 0 && *list->status_out == 0)
    *list->status_out = (guint)g_ascii_strtoull (value->str, NULL, 10);
}

static void
take_header (JdHarReader *ctx, GString *name, GString *value, gpointer user_data)
{
  const HeaderList *list = user_data;

  if (name->len == 0)
    return;

  if (name->str[0] == ':')
    {
      take_pseudo_header (ctx, list, name->str, value);
      return;
    }

  if (list->request && g_ascii_strcasecmp (name->str, "Cookie") == 0)
    {
      ctx->has_cookie = TRUE;
      scan_cookie_header (ctx, value->str);
    }

  add_header (ctx, name->str, name->len, value->str, value->len);
}

/* "headers": [{"name": …, "value": …}, …] into one block at *@headers,
 * which replaces an earlier one. */
static gboolean
read_headers (JdHarReader *ctx, const char *field, gboolean request, guint *status_out,
              JdHeader **headers, guint *n_headers)
{
  HeaderList list = { request, status_out };
  gboolean ok;

  g_free (*headers);
  g_array_set_size (ctx->offsets, 0);
  g_string_truncate (ctx->names, 0);
  ok = read_pairs (ctx, field, take_header, &list);
  *headers = finish_headers (ctx, n_headers);
  return ok;
}

/* "queryString": an access_token parameter is a token candidate */
static void
take_query_parameter (JdHarReader *ctx, GString *name, GString *value, gpointer user_data)
{
  if (strcmp (name->str, "access_token") == 0 && value->len > 0)
    set_candidate (&ctx->query_token, value->str, value->len);
}

/* "cookies": the first JWT-shaped value is a token candidate */
static void
take_cookie (JdHarReader *ctx, GString *name, GString *value, gpointer user_data)
{
  ctx->has_cookie = TRUE;
  if (ctx->cookie_token == NULL && jd_input_is_jwt_shaped (value->str, value->len))
    {
      ctx->cookie_token = g_strndup (value->str, value->len);
      ctx->cookie_name = g_strndup (name->str, name->len);
    }
}

/* "postData" / "content": {"mimeType", "text", "encoding"} */
static gboolean
read_body (JdHarReader *ctx, const char *field, BodySpan *span, char **mime_type)
{
  JdJsonReader *r = ctx->reader;
  JdJsonToken token = jd_json_reader_next (r);
  gboolean base64 = FALSE;

  if (token != JD_JSON_TOKEN_BEGIN_OBJECT)
    return token == JD_JSON_TOKEN_NULL
           || jd_har_reader_unexpected (ctx, token, field, _ ("an object"));

  while ((token = jd_json_reader_next (r)) == JD_JSON_TOKEN_MEMBER)
    {
      if (jd_json_reader_string_equal (r, "text"))
        {
          token = jd_json_reader_next (r);
          if (token == JD_JSON_TOKEN_STRING)
            {
              span->escaped = jd_json_reader_get_raw_string (r, &span->offset, &span->len);
              span->present = TRUE;
            }
          else if (token != JD_JSON_TOKEN_NULL
                   && !jd_har_reader_unexpected (ctx, token, field, _ ("a string")))
            return FALSE;
        }
      else if (jd_json_reader_string_equal (r, "mimeType"))
        {
          if (!jd_har_reader_read_dup_text (ctx, field, mime_type))
            return FALSE;
        }
      else if (jd_json_reader_string_equal (r, "encoding"))
        {
          token = jd_json_reader_next (r);
          if (token == JD_JSON_TOKEN_STRING)
            base64 = jd_json_reader_string_equal (r, "base64");
          else if (!jd_json_reader_skip (r))
            return FALSE;
        }
      else if (!jd_json_reader_skip (r))
        return FALSE;
    }

  span->base64 = base64;
  return token == JD_JSON_TOKEN_END_OBJECT;
}

static gboolean
read_request (JdHarReader *ctx, JdHarEntry *entry)
{
  JdJsonReader *r = ctx->reader;
  JdJsonToken token;

  while ((token = jd_json_reader_next (r)) == JD_JSON_TOKEN_MEMBER)
    {
      gboolean ok;

      if (jd_json_reader_string_equal (r, "method"))
        ok = jd_har_reader_read_dup_text (ctx, "request.method", &entry->method);
      else if (jd_json_reader_string_equal (r, "url"))
        ok = jd_har_reader_read_dup_text (ctx, "request.url", &entry->url);
      else if (jd_json_reader_string_equal (r, "httpVersion"))
        ok = jd_har_reader_read_dup_text (ctx, "request.httpVersion", &entry->http_version);
      else if (jd_json_reader_string_equal (r, "headers"))
        ok = read_headers (ctx, "request.headers", TRUE, NULL, &entry->request_headers,
                           &entry->n_request_headers);
      else if (jd_json_reader_string_equal (r, "cookies"))
        ok = read_pairs (ctx, "request.cookies", take_cookie, NULL);
      else if (jd_json_reader_string_equal (r, "queryString"))
        ok = read_pairs (ctx, "request.queryString", take_query_parameter, NULL);
      else if (jd_json_reader_string_equal (r, "postData"))
        ok = read_body (ctx, "request.postData", &entry->request_body, &entry->request_mime_type);
      else
        ok = jd_json_reader_skip (r);

      if (!ok)
        return FALSE;
    }

  return token == JD_JSON_TOKEN_END_OBJECT;
}

static gboolean
read_response (JdHarReader *ctx, JdHarEntry *entry)
{
  JdJsonReader *r = ctx->reader;
  JdJsonToken token;

  while ((token = jd_json_reader_next (r)) == JD_JSON_TOKEN_MEMBER)
    {
      gboolean ok;

      if (jd_json_reader_string_equal (r, "status"))
        {
          double status = 0;

          ok = jd_har_reader_read_number (ctx, "response.status", &status);
          if (status >= 0 && status < 1000)
            entry->status = (guint)status;
        }
      else if (jd_json_reader_string_equal (r, "statusText"))
        ok = jd_har_reader_read_dup_text (ctx, "response.statusText", &entry->status_text);
      else if (jd_json_reader_string_equal (r, "httpVersion"))
        ok = jd_har_reader_read_dup_text (ctx, "response.httpVersion",
                                          &entry->response_http_version);
      else if (jd_json_reader_string_equal (r, "headers"))
        ok = read_headers (ctx, "response.headers", FALSE, &entry->status, &entry->response_headers,
                           &entry->n_response_headers);
      else if (jd_json_reader_string_equal (r, "content"))
        ok = read_body (ctx, "response.content", &entry->response_body, &entry->response_mime_type);
      else
        ok = jd_json_reader_skip (r);

      if (!ok)
        return FALSE;
    }

  return token == JD_JSON_TOKEN_END_OBJECT;
}

static char *
percent_decode (const char *s, gsize len)
{
  GString *out = g_string_sized_new (len);

  for (gsize i = 0; i < len; i++)
    {
      if (s[i] == '%' && i + 2 < len + 0 && g_ascii_isxdigit (s[i + 1])
          && g_ascii_isxdigit (s[i + 2]))
        {
          g_string_append_c (
            out, (char)((g_ascii_xdigit_value (s[i + 1]) << 4) | g_ascii_xdigit_value (s[i + 2])));
          i += 2;
        }
      else if (s[i] == '+')
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, s[i]);
    }
  return g_string_free (out, FALSE);
}

/* Path and query of @url for the list, with access_token values elided;
 * also finds an access_token query parameter. */
static char *
make_path (JdHarReader *ctx, const char *url)
{
  const char *p = strstr (url, "://");
  const char *query;
  const char *fragment;
  GString *path;

  if (p != NULL)
    {
      p += 3;
      p += strcspn (p, "/?#");
    }
  else
    p = url;

  fragment = strchr (p, '#');
  if (fragment == NULL)
    fragment = p + strlen (p);
  query = memchr (p, '?', fragment - p);

  path = g_string_new (NULL);
  if (*p != '/')
    g_string_append_c (path, '/');
  g_string_append_len (path, p, (query != NULL ? query : fragment) - p);
  if (path->len > 1 && *p != '/')
    g_string_erase (path, 0, 1);

  if (query != NULL)
    {
      const char *q = query + 1;

      g_string_append_c (path, '?');
      while (q < fragment)
        {
          const char *amp = memchr (q, '&', fragment - q);
          const char *end = amp != NULL ? amp : fragment;
          const char *eq = memchr (q, '=', end - q);

          if (eq != NULL && eq - q == 12 && strncmp (q, "access_token", 12) == 0)
            {
              if (ctx->query_token == NULL && end > eq + 1)
                ctx->query_token = percent_decode (eq + 1, end - (eq + 1));
              g_string_append (path, "access_token=…");
            }
          else
            g_string_append_len (path, q, end - q);
          if (amp != NULL)
            g_string_append_c (path, '&');
          q = end + 1;
        }
    }

  return g_string_free (path, FALSE);
}

/* A missing method or URL from the HTTP/2 pseudo-headers, an empty status
 * text, and the path for the list. */
static void
fill_defaults (JdHarReader *ctx, JdHarEntry *entry)
{
  if (entry->method == NULL)
    entry->method = g_strdup (ctx->pseudo_method != NULL ? ctx->pseudo_method : "");
  if (entry->url == NULL)
    {
      if (ctx->pseudo_authority != NULL)
        entry->url = g_strconcat (ctx->pseudo_scheme != NULL ? ctx->pseudo_scheme : "https", "://",
                                  ctx->pseudo_authority,
                                  ctx->pseudo_path != NULL ? ctx->pseudo_path : "/", NULL);
      else
        entry->url = g_strdup (ctx->pseudo_path != NULL ? ctx->pseudo_path : "");
    }
  if (entry->status_text == NULL)
    entry->status_text = g_strdup ("");

  entry->path = make_path (ctx, entry->url);
}

/* startedDateTime as unix seconds, or a problem. */
static void
parse_started (JdHarReader *ctx, JdHarEntry *entry)
{
  g_autoptr (GDateTime) dt = NULL;

  if (entry->started_iso == NULL)
    return;

  dt = g_date_time_new_from_iso8601 (entry->started_iso, ctx->utc);
  if (dt != NULL)
    {
      entry->started = (double)g_date_time_to_unix (dt) + g_date_time_get_microsecond (dt) / 1e6;
      entry->has_started = TRUE;
    }
  else
    jd_har_reader_add_problem (
      ctx, jd_json_reader_get_offset (ctx->reader), FALSE,
      _ ("entries[%d].startedDateTime “%s” is not an ISO 8601 date and time"), ctx->entry,
      entry->started_iso);
}

/* The token of an Authorization header: after "Bearer" (also "Bearer
 * Bearer …"), or any JWT-shaped credential. */
static void
take_authorization_token (JdHarEntry *entry, const char *auth)
{
  const char *p = auth;
  const char *scheme;
  gsize scheme_len;
  gsize len;

  while (g_ascii_isspace (*p))
    p++;
  scheme = p;
  while (*p != '\0' && !g_ascii_isspace (*p))
    p++;
  scheme_len = p - scheme;
  while (g_ascii_isspace (*p))
    p++;
  /* "Bearer Bearer x": the token is the last word */
  while (g_ascii_strncasecmp (p, "Bearer ", 7) == 0)
    {
      p += 7;
      while (g_ascii_isspace (*p))
        p++;
    }
  len = strlen (p);
  while (len > 0 && g_ascii_isspace (p[len - 1]))
    len--;

  if (len > 0
      && ((scheme_len == 6 && g_ascii_strncasecmp (scheme, "Bearer", 6) == 0)
          || jd_input_is_jwt_shaped (p, len)))
    {
      entry->token = g_strndup (p, len);
      entry->token_source = JD_HAR_TOKEN_SOURCE_AUTHORIZATION;
      entry->token_source_label = g_strdup (_ ("Authorization header"));
    }
}

/* Without one in the Authorization header: an access_token query
 * parameter, then a JWT-shaped cookie. */
static void
take_other_token (JdHarReader *ctx, JdHarEntry *entry)
{
  if (entry->token == NULL && ctx->query_token != NULL)
    {
      entry->token = g_steal_pointer (&ctx->query_token);
      entry->token_name = g_strdup ("access_token");
      entry->token_source = JD_HAR_TOKEN_SOURCE_QUERY;
      entry->token_source_label = g_strdup (_ ("access_token query parameter"));
    }

  if (entry->token == NULL && ctx->cookie_token != NULL)
    {
      entry->token = g_steal_pointer (&ctx->cookie_token);
      entry->token_name = g_steal_pointer (&ctx->cookie_name);
      entry->token_source = JD_HAR_TOKEN_SOURCE_COOKIE;
      /* TRANSLATORS: %s is a cookie's name */
      entry->token_source_label = g_strdup_printf (_ ("cookie “%s”"), entry->token_name);
    }
}

/* The HAR's counts (they make jd_har_is_sanitized()). */
static void
count_entry (JdHarReader *ctx, JdHarEntry *entry, gboolean has_authorization)
{
  if (has_authorization || ctx->has_cookie || entry->token != NULL)
    ctx->contents->any_credentials = TRUE;
  if (entry->token != NULL)
    ctx->contents->n_with_token++;
  if (entry->status == 401)
    ctx->contents->n_401++;
  if (jd_har_entry_is_auth_failure (entry))
    ctx->contents->n_auth_failures++;
}

/* After the entry's members: defaults, fallbacks, its token. */
static void
finish_entry (JdHarReader *ctx, JdHarEntry *entry)
{
  const char *auth;

  fill_defaults (ctx, entry);
  parse_started (ctx, entry);

  auth = jd_har_entry_get_request_header (entry, "Authorization");
  if (auth != NULL)
    take_authorization_token (entry, auth);
  take_other_token (ctx, entry);
  count_entry (ctx, entry, auth != NULL);
}

void
jd_har_reader_reset_entry (JdHarReader *ctx)
{
  g_clear_pointer (&ctx->pseudo_method, g_free);
  g_clear_pointer (&ctx->pseudo_scheme, g_free);
  g_clear_pointer (&ctx->pseudo_authority, g_free);
  g_clear_pointer (&ctx->pseudo_path, g_free);
  g_clear_pointer (&ctx->query_token, g_free);
  g_clear_pointer (&ctx->cookie_token, g_free);
  g_clear_pointer (&ctx->cookie_name, g_free);
  ctx->has_cookie = FALSE;
}

gboolean
jd_har_reader_read_entry (JdHarReader *ctx, guint index)
{
  JdJsonReader *r = ctx->reader;
  g_autoptr (JdHarEntry) entry = g_object_new (JD_TYPE_HAR_ENTRY, NULL);
  JdJsonToken token;

  entry->index = index;
  jd_har_reader_reset_entry (ctx);

  while ((token = jd_json_reader_next (r)) == JD_JSON_TOKEN_MEMBER)
    {
      gboolean ok;

      if (jd_json_reader_string_equal (r, "request"))
        {
          token = jd_json_reader_next (r);
          ok = token == JD_JSON_TOKEN_BEGIN_OBJECT
                 ? read_request (ctx, entry)
                 : jd_har_reader_unexpected (ctx, token, "request", _ ("an object"));
        }
      else if (jd_json_reader_string_equal (r, "response"))
        {
          token = jd_json_reader_next (r);
          ok = token == JD_JSON_TOKEN_BEGIN_OBJECT
                 ? read_response (ctx, entry)
                 : jd_har_reader_unexpected (ctx, token, "response", _ ("an object"));
        }
      else if (jd_json_reader_string_equal (r, "startedDateTime"))
        ok = jd_har_reader_read_dup_text (ctx, "startedDateTime", &entry->started_iso);
      else if (jd_json_reader_string_equal (r, "time"))
        ok = jd_har_reader_read_number (ctx, "time", &entry->time_ms);
      else
        ok = jd_json_reader_skip (r);

      if (!ok)
        return FALSE;
    }
  if (token != JD_JSON_TOKEN_END_OBJECT)
    return FALSE;

  finish_entry (ctx, entry);
  if (entry->request_body.present || entry->response_body.present)
    entry->source = g_bytes_ref (ctx->source);
  if (ctx->entry_func != NULL)
    {
      /* streaming: handed over and dropped, so memory does not grow with the entries */
      if (!ctx->entry_func (entry, ctx->entry_data))
        {
          ctx->stopped = TRUE;
          return FALSE;
        }
      return TRUE;
    }
  g_ptr_array_add (ctx->contents->entries, g_steal_pointer (&entry));
  return TRUE;
}
