/* jd-request.c — an HTTP request, as data (no sockets here)
 *
 * Its headers and their limits are in jd-headers.c, the response in
 * jd-response.c, the request as a curl command in jd-curl-render.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "jd-headers-private.h"
#include "jd-request.h"

/* ------------------------------------------------------------------ */
/* URLs in messages                                                    */

char *
jd_url_redact (const char *url)
{
  g_autoptr (GString) out = NULL;
  const char *query, *authority, *authority_end, *at = NULL, *slashes;

  if (url == NULL)
    return g_strdup ("");
  query = url + strcspn (url, "?#");
  /* the authority follows the first "/" when that is "//" (after the
   * scheme, or at the start); otherwise (no scheme, "user:pw@host/a//b")
   * it starts the text. It ends at the next "/", "?" or "#"; its userinfo
   * ends at the last "@" */
  slashes = url + strcspn (url, "/?#");
  authority = slashes[0] == '/' && slashes[1] == '/' ? slashes + 2 : url;
  authority_end = authority + strcspn (authority, "/?#");
  for (const char *p = authority; p < authority_end; p++)
    if (*p == '@')
      at = p;

  out = g_string_new_len (url, authority - url);
  if (at != NULL)
    authority = at + 1;
  g_string_append_len (out, authority, query - authority);
  if (*query == '?')
    g_string_append (out, "?…");
  if (strchr (query, '#') != NULL)
    g_string_append (out, "#…");
  return g_utf8_make_valid (out->str, out->len);
}

/* ------------------------------------------------------------------ */
/* JdRequest                                                           */

struct _JdRequest
{
  GObject parent_instance;

  char *method;
  char *url;
  GPtrArray *headers; /* (element-type JdHeader) */
  JdHeaderLimits limits;
  GBytes *body;
};

G_DEFINE_FINAL_TYPE (JdRequest, jd_request, G_TYPE_OBJECT)

enum
{
  REQUEST_PROP_0,
  REQUEST_PROP_METHOD,
  REQUEST_PROP_URL,
  REQUEST_LAST_PROP
};

static GParamSpec *request_pspecs[REQUEST_LAST_PROP];

static void
jd_request_finalize (GObject *object)
{
  JdRequest *self = JD_REQUEST (object);

  g_free (self->method);
  g_free (self->url);
  g_ptr_array_unref (self->headers);
  jd_header_limits_clear (&self->limits);
  g_clear_pointer (&self->body, g_bytes_unref);

  G_OBJECT_CLASS (jd_request_parent_class)->finalize (object);
}

static void
jd_request_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  JdRequest *self = JD_REQUEST (object);

  switch (prop_id)
    {
      case REQUEST_PROP_METHOD:
        g_value_set_string (value, self->method);
        break;
      case REQUEST_PROP_URL:
        g_value_set_string (value, self->url);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_request_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  JdRequest *self = JD_REQUEST (object);

  switch (prop_id)
    {
      case REQUEST_PROP_METHOD:
        jd_request_set_method (self, g_value_get_string (value));
        break;
      case REQUEST_PROP_URL:
        jd_request_set_url (self, g_value_get_string (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_request_class_init (JdRequestClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = jd_request_finalize;
  object_class->get_property = jd_request_get_property;
  object_class->set_property = jd_request_set_property;

  request_pspecs[REQUEST_PROP_METHOD] = g_param_spec_string ("method", NULL, NULL, "GET", flags);
  request_pspecs[REQUEST_PROP_URL] = g_param_spec_string ("url", NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, REQUEST_LAST_PROP, request_pspecs);
}

static void
jd_request_init (JdRequest *self)
{
  self->method = g_strdup ("GET");
  self->url = g_strdup ("");
  self->headers = jd_headers_new ();
  jd_header_limits_init (&self->limits, FALSE);
}

JdRequest *
jd_request_new (const char *method, const char *url)
{
  g_return_val_if_fail (url != NULL, NULL);

  return g_object_new (JD_TYPE_REQUEST, "method", method != NULL ? method : "GET", "url", url,
                       NULL);
}

/**
 * jd_request_copy:
 *
 * Returns: (transfer full): a deep copy of @self (headers, body).
 */
JdRequest *
jd_request_copy (JdRequest *self)
{
  JdRequest *copy;

  g_return_val_if_fail (JD_IS_REQUEST (self), NULL);

  copy = jd_request_new (self->method, self->url);
  for (guint i = 0; i < self->headers->len; i++)
    {
      JdHeader *header = g_ptr_array_index (self->headers, i);
      jd_headers_add (copy->headers, &copy->limits, header->name, header->value);
    }
  /* What the limits left out of the original, as it said it. */
  jd_header_limits_copy (&copy->limits, &self->limits);
  if (self->body != NULL)
    copy->body = g_bytes_ref (self->body);

  return copy;
}

const char *
jd_request_get_method (JdRequest *self)
{
  g_return_val_if_fail (JD_IS_REQUEST (self), NULL);

  return self->method;
}

/* Methods are case-sensitive (RFC 9110 §9.1), so they are kept as given;
 * NULL or empty means GET. */
void
jd_request_set_method (JdRequest *self, const char *method)
{
  g_return_if_fail (JD_IS_REQUEST (self));

  if (method == NULL || *method == '\0')
    method = "GET";

  if (g_strcmp0 (self->method, method) == 0)
    return;

  g_free (self->method);
  self->method = g_strdup (method);
  g_object_notify_by_pspec (G_OBJECT (self), request_pspecs[REQUEST_PROP_METHOD]);
}

const char *
jd_request_get_url (JdRequest *self)
{
  g_return_val_if_fail (JD_IS_REQUEST (self), NULL);

  return self->url;
}

void
jd_request_set_url (JdRequest *self, const char *url)
{
  g_return_if_fail (JD_IS_REQUEST (self));

  if (url == NULL)
    url = "";

  if (g_strcmp0 (self->url, url) == 0)
    return;

  g_free (self->url);
  self->url = g_strdup (url);
  g_object_notify_by_pspec (G_OBJECT (self), request_pspecs[REQUEST_PROP_URL]);
}

GPtrArray *
jd_request_get_headers (JdRequest *self)
{
  g_return_val_if_fail (JD_IS_REQUEST (self), NULL);

  return self->headers;
}

void
jd_request_add_header (JdRequest *self, const char *name, const char *value)
{
  g_return_if_fail (JD_IS_REQUEST (self));
  g_return_if_fail (name != NULL);

  jd_headers_add (self->headers, &self->limits, name, value);
}

GPtrArray *
jd_request_get_header_problems (JdRequest *self)
{
  g_return_val_if_fail (JD_IS_REQUEST (self), NULL);

  return jd_header_limits_get_problems (&self->limits);
}

gboolean
jd_request_header_left_out (JdRequest *self, const char *name)
{
  g_return_val_if_fail (JD_IS_REQUEST (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  return jd_header_limits_left_out (&self->limits, name);
}

void
jd_request_remove_header (JdRequest *self, const char *name)
{
  g_return_if_fail (JD_IS_REQUEST (self));
  g_return_if_fail (name != NULL);

  jd_headers_remove (self->headers, &self->limits, name);
}

/**
 * jd_request_set_header:
 *
 * Replaces the value of the first header called @name (case-insensitive)
 * and removes any later ones; appends it when there is none.
 */
void
jd_request_set_header (JdRequest *self, const char *name, const char *value)
{
  gboolean found = FALSE;

  g_return_if_fail (JD_IS_REQUEST (self));
  g_return_if_fail (name != NULL);

  if (jd_header_name_is_pseudo (name))
    return;
  if (value == NULL)
    value = "";

  /* What was said of the header before is replaced by what is said now. */
  jd_header_limits_forget (&self->limits, name);

  for (guint i = 0; i < self->headers->len;)
    {
      JdHeader *header = g_ptr_array_index (self->headers, i);

      if (g_ascii_strcasecmp (header->name, name) != 0)
        {
          i++;
        }
      else if (!found)
        {
          found = TRUE;
          /* Too long: the header is left out, not kept with its old value
           * (it stays counted among those given). */
          if (!jd_header_limits_fits (&self->limits, jd_header_limits_position (&self->limits, i),
                                      name, value))
            {
              g_ptr_array_remove_index (self->headers, i);
              continue;
            }
          g_free (header->value);
          header->value = g_strdup (value);
          i++;
        }
      else
        {
          g_ptr_array_remove_index (self->headers, i);
          self->limits.n_offered--;
        }
    }

  if (!found)
    jd_headers_add (self->headers, &self->limits, name, value);
}

const char *
jd_request_get_header (JdRequest *self, const char *name)
{
  g_return_val_if_fail (JD_IS_REQUEST (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return jd_headers_get (self->headers, name);
}

GBytes *
jd_request_get_body (JdRequest *self)
{
  g_return_val_if_fail (JD_IS_REQUEST (self), NULL);

  return self->body;
}

void
jd_request_set_body (JdRequest *self, GBytes *body)
{
  g_return_if_fail (JD_IS_REQUEST (self));

  if (body == self->body)
    return;

  g_clear_pointer (&self->body, g_bytes_unref);
  if (body != NULL)
    self->body = g_bytes_ref (body);
}

static gboolean
is_http_space (char c)
{
  return c == ' ' || c == '\t';
}

/* "Bearer" followed by at least one space (RFC 6750 §2.1, RFC 7235 §2.1:
 * the scheme is case-insensitive). Returns the rest, or NULL. */
static const char *
skip_bearer_scheme (const char *value)
{
  g_assert (value != NULL);

  while (is_http_space (*value))
    value++;
  if (g_ascii_strncasecmp (value, "Bearer", 6) != 0 || !is_http_space (value[6]))
    return NULL;
  value += 6;
  while (is_http_space (*value))
    value++;

  return value;
}

char *
jd_request_dup_bearer (JdRequest *self)
{
  g_return_val_if_fail (JD_IS_REQUEST (self), NULL);

  for (guint i = 0; i < self->headers->len; i++)
    {
      JdHeader *header = g_ptr_array_index (self->headers, i);
      const char *token;
      const char *end;

      if (g_ascii_strcasecmp (header->name, "Authorization") != 0)
        continue;

      token = skip_bearer_scheme (header->value);
      if (token == NULL)
        continue;

      end = token + strlen (token);
      while (end > token && g_ascii_isspace (end[-1]))
        end--;
      if (end == token)
        continue;

      return g_strndup (token, end - token);
    }

  return NULL;
}
