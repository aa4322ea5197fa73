/* jd-request.c — an HTTP request and response, as data (no sockets here)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "jd-request.h"

/* ------------------------------------------------------------------ */
/* Headers, shared by requests and responses                           */

static void
jd_header_free (gpointer data)
{
  JdHeader *header = data;

  g_free (header->name);
  g_free (header->value);
  g_free (header);
}

static GPtrArray *
jd_headers_new (void)
{
  return g_ptr_array_new_with_free_func (jd_header_free);
}

/* HTTP/2 pseudo-headers (":authority", ":method", ":path", ":scheme",
 * ":status") come from HAR files and "Copy as cURL"; they are not headers
 * a HTTP/1.1 request can carry, so they are never stored. */
static gboolean
jd_header_name_is_pseudo (const char *name)
{
  g_assert (name != NULL);

  return name[0] == ':';
}

/* What the header limits (JD_HEADERS_MAX_COUNT, JD_HEADER_MAX_SIZE) left
 * out of a request or a response. Kept per header name: setting a header
 * replaces what was said about it, removing it forgets it. */
typedef struct
{
  char *name;    /* as given */
  guint index;   /* its position (1-based) among the headers given */
  char *message; /* a translated sentence */
} LeftOut;

typedef struct
{
  gboolean response;   /* the wording: "of the response" */
  guint n_offered;     /* headers given (kept or left out), pseudo-headers aside */
  char *first_over;    /* the name of the first one past the count, shortened */
  GPtrArray *too_long; /* (element-type LeftOut) a header left out for its size */
  GHashTable *over;    /* lower-case name → how many of that name were past the count */
  guint n_over;        /* headers past the count */
  guint n_untracked;   /* of those, past JD_HEADERS_MAX_COUNT names: not in @over */
  GPtrArray *problems; /* (element-type utf8) too_long, then the count; built on demand */
} HeaderLimits;

G_STATIC_ASSERT (JD_HEADER_MAX_SIZE < JD_CREDENTIAL_HEADER_MAX_SIZE);

static void
left_out_free (gpointer data)
{
  LeftOut *left_out = data;

  g_free (left_out->name);
  g_free (left_out->message);
  g_free (left_out);
}

static void
header_limits_init (HeaderLimits *limits, gboolean response)
{
  limits->response = response;
  limits->too_long = g_ptr_array_new_with_free_func (left_out_free);
  limits->over = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  limits->problems = g_ptr_array_new_with_free_func (g_free);
}

static void
header_limits_clear (HeaderLimits *limits)
{
  g_clear_pointer (&limits->first_over, g_free);
  g_clear_pointer (&limits->too_long, g_ptr_array_unref);
  g_clear_pointer (&limits->over, g_hash_table_unref);
  g_clear_pointer (&limits->problems, g_ptr_array_unref);
}

static void
header_limits_copy (HeaderLimits *to, const HeaderLimits *from)
{
  GHashTableIter iter;
  gpointer key, value;

  to->n_offered = from->n_offered;
  g_free (to->first_over);
  to->first_over = g_strdup (from->first_over);
  g_ptr_array_set_size (to->too_long, 0);
  for (guint i = 0; i < from->too_long->len; i++)
    {
      const LeftOut *left_out = g_ptr_array_index (from->too_long, i);
      LeftOut *copy = g_new0 (LeftOut, 1);

      copy->name = g_strdup (left_out->name);
      copy->index = left_out->index;
      copy->message = g_strdup (left_out->message);
      g_ptr_array_add (to->too_long, copy);
    }
  g_hash_table_remove_all (to->over);
  g_hash_table_iter_init (&iter, from->over);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (to->over, g_strdup (key), value);
  to->n_over = from->n_over;
  to->n_untracked = from->n_untracked;
}

/* Forgets the headers called @name that were left out (for their size or
 * past the count); returns how many there were. */
static guint
header_limits_forget (HeaderLimits *limits, const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);
  guint n = 0;
  gpointer over;

  for (guint i = limits->too_long->len; i > 0; i--)
    {
      const LeftOut *left_out = g_ptr_array_index (limits->too_long, i - 1);

      if (g_ascii_strcasecmp (left_out->name, name) == 0)
        {
          g_ptr_array_remove_index (limits->too_long, i - 1);
          n++;
        }
    }

  over = g_hash_table_lookup (limits->over, lower);
  if (over != NULL)
    {
      n += GPOINTER_TO_UINT (over);
      limits->n_over -= GPOINTER_TO_UINT (over);
      g_hash_table_remove (limits->over, lower);
      if (limits->n_over == limits->n_untracked)
        limits->n_untracked = 0;
      if (limits->n_over == 0)
        g_clear_pointer (&limits->first_over, g_free);
    }

  g_assert (limits->n_offered >= n);
  limits->n_offered -= n;
  return n;
}

/* TRUE when a header called @name was (or, past the names kept, may
 * have been) left out. */
static gboolean
header_limits_left_out (HeaderLimits *limits, const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  for (guint i = 0; i < limits->too_long->len; i++)
    if (g_ascii_strcasecmp (((LeftOut *)g_ptr_array_index (limits->too_long, i))->name, name) == 0)
      return TRUE;
  return limits->n_untracked > 0 || g_hash_table_contains (limits->over, lower);
}

/* The position (1-based) among the headers given of the kept header at
 * @kept (0-based): the ones left out for their size count too. */
static guint
header_limits_position (HeaderLimits *limits, guint kept)
{
  guint position = kept + 1;
  gboolean moved = TRUE;
  g_autofree gboolean *counted = g_new0 (gboolean, limits->too_long->len + 1);

  while (moved)
    {
      moved = FALSE;
      for (guint i = 0; i < limits->too_long->len; i++)
        if (!counted[i] && ((LeftOut *)g_ptr_array_index (limits->too_long, i))->index <= position)
          {
            counted[i] = TRUE;
            position++;
            moved = TRUE;
          }
    }
  return position;
}

/* A header name to show in a message: valid UTF-8, and not a megabyte of it. */
static char *
shorten_name (const char *name)
{
  gsize len = strlen (name);
  g_autofree char *valid = g_utf8_make_valid (name, MIN (len, 40));

  if (len > 40)
    return g_strconcat (valid, "…", NULL);
  return g_steal_pointer (&valid);
}

/* Headers that carry a token: as long as a token may be. */
static gsize
header_max_size (const char *name)
{
  if (g_ascii_strcasecmp (name, "Authorization") == 0
      || g_ascii_strcasecmp (name, "Proxy-Authorization") == 0
      || g_ascii_strcasecmp (name, "Cookie") == 0)
    return JD_CREDENTIAL_HEADER_MAX_SIZE;
  return JD_HEADER_MAX_SIZE;
}

/* TRUE when "@name: @value" fits; otherwise says so in @limits. @index is
 * the header's position (1-based) among those given. */
static gboolean
header_fits (HeaderLimits *limits, guint index, const char *name, const char *value)
{
  gsize size = strlen (name) + 2 + strlen (value);
  gsize max = header_max_size (name);
  g_autofree char *shown = NULL;
  LeftOut *left_out;

  if (size <= max)
    return TRUE;

  shown = shorten_name (name);
  left_out = g_new0 (LeftOut, 1);
  left_out->name = g_strdup (name);
  left_out->index = index;
  left_out->message
    = limits->response
        /* Translators: "Header 12 (“X-Big”) of the response is 1048583 bytes long; …" */
        ? g_strdup_printf (_ ("Header %u (“%s”) of the response is %zu bytes long; a "
                              "header is at most %zu bytes, so it is left out."),
                           index, shown, size, max)
        : g_strdup_printf (_ ("Header %u (“%s”) of the request is %zu bytes long; a "
                              "header is at most %zu bytes, so it is left out."),
                           index, shown, size, max);
  g_ptr_array_add (limits->too_long, left_out);
  return FALSE;
}

static GPtrArray *
header_limits_get_problems (HeaderLimits *limits)
{
  g_ptr_array_set_size (limits->problems, 0);
  for (guint i = 0; i < limits->too_long->len; i++)
    g_ptr_array_add (limits->problems,
                     g_strdup (((LeftOut *)g_ptr_array_index (limits->too_long, i))->message));

  if (limits->n_over > 0)
    {
      guint n = limits->n_offered;

      g_ptr_array_add (
        limits->problems,
        limits->response
          ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Headers from %u (“%s”) on are left out: the "
                                          "response has %u header; only the first %u "
                                          "are read.",
                                          "Headers from %u (“%s”) on are left out: the "
                                          "response has %u headers; only the first %u "
                                          "are read.",
                                          n),
                             JD_HEADERS_MAX_COUNT + 1, limits->first_over, n, JD_HEADERS_MAX_COUNT)
          : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Headers from %u (“%s”) on are left out: the "
                                          "request has %u header; only the first %u "
                                          "are read.",
                                          "Headers from %u (“%s”) on are left out: the "
                                          "request has %u headers; only the first %u "
                                          "are read.",
                                          n),
                             JD_HEADERS_MAX_COUNT + 1, limits->first_over, n,
                             JD_HEADERS_MAX_COUNT));
    }

  return limits->problems;
}

static void
jd_headers_add (GPtrArray *headers, HeaderLimits *limits, const char *name, const char *value)
{
  JdHeader *header;

  g_assert (headers != NULL);
  g_assert (limits != NULL);
  g_assert (name != NULL);

  if (jd_header_name_is_pseudo (name))
    return;
  if (value == NULL)
    value = "";

  limits->n_offered = MIN (limits->n_offered, G_MAXUINT - 1) + 1;
  if (limits->n_offered > JD_HEADERS_MAX_COUNT)
    {
      g_autofree char *lower = g_ascii_strdown (name, -1);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (limits->over, lower));

      if (limits->first_over == NULL)
        limits->first_over = shorten_name (name);
      /* A name per header, for a few (the memory of a million is not). */
      if (n > 0 || g_hash_table_size (limits->over) < JD_HEADERS_MAX_COUNT)
        g_hash_table_insert (limits->over, g_steal_pointer (&lower), GUINT_TO_POINTER (n + 1));
      else
        limits->n_untracked++;
      limits->n_over++;
      return;
    }
  if (!header_fits (limits, limits->n_offered, name, value))
    return;

  header = g_new0 (JdHeader, 1);
  header->name = g_strdup (name);
  header->value = g_strdup (value);
  g_ptr_array_add (headers, header);
}

static const char *
jd_headers_get (GPtrArray *headers, const char *name)
{
  g_assert (headers != NULL);
  g_assert (name != NULL);

  for (guint i = 0; i < headers->len; i++)
    {
      JdHeader *header = g_ptr_array_index (headers, i);

      if (g_ascii_strcasecmp (header->name, name) == 0)
        return header->value;
    }

  return NULL;
}

/* Removes every header called @name, and what the limits said of it. */
static void
jd_headers_remove (GPtrArray *headers, HeaderLimits *limits, const char *name)
{
  g_assert (headers != NULL);
  g_assert (limits != NULL);
  g_assert (name != NULL);

  for (guint i = headers->len; i > 0; i--)
    {
      JdHeader *header = g_ptr_array_index (headers, i - 1);

      if (g_ascii_strcasecmp (header->name, name) == 0)
        {
          g_ptr_array_remove_index (headers, i - 1);
          g_assert (limits->n_offered > 0);
          limits->n_offered--;
        }
    }
  header_limits_forget (limits, name);
}

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
  HeaderLimits limits;
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
  header_limits_clear (&self->limits);
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
  header_limits_init (&self->limits, FALSE);
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
  header_limits_copy (&copy->limits, &self->limits);
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

  return header_limits_get_problems (&self->limits);
}

gboolean
jd_request_header_left_out (JdRequest *self, const char *name)
{
  g_return_val_if_fail (JD_IS_REQUEST (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  return header_limits_left_out (&self->limits, name);
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
  header_limits_forget (&self->limits, name);

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
          if (!header_fits (&self->limits, header_limits_position (&self->limits, i), name, value))
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

/* ------------------------------------------------------------------ */
/* curl                                                                */

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

char *
jd_request_to_curl (JdRequest *self, JdCurlVariant variant, const char *token)
{
  g_autoptr (GString) out = NULL;
  g_autofree char *url = NULL;
  const char *method;
  const guint8 *body = NULL;
  gsize body_len = 0;
  gboolean body_has_nul = FALSE;
  gboolean wrote_authorization = FALSE;
  gboolean compressed = FALSE;

  g_return_val_if_fail (JD_IS_REQUEST (self), NULL);
  g_return_val_if_fail (variant <= JD_CURL_FRESH_TOKEN, NULL);

  out = g_string_new (NULL);
  method = self->method;

  if (self->body != NULL)
    {
      body = g_bytes_get_data (self->body, &body_len);
      body_has_nul = body_len > 0 && memchr (body, '\0', body_len) != NULL;
    }

  if (variant == JD_CURL_FRESH_TOKEN)
    {
      g_string_append (out, "# ");
      /* Translators: a shell comment above a curl command; keep "$TOKEN"
       * and "export TOKEN=…" as they are. */
      g_string_append (out, _ ("Get a fresh token from your identity provider (or copy one from "
                               "the browser's network panel), then: export TOKEN='eyJ…'"));
      g_string_append_c (out, '\n');
    }

  if (body_has_nul)
    append_printf_octal (out, body, body_len);

  /* The baseline carries no token at all: not in the query, not in a
   * cookie either. */
  if (variant == JD_CURL_WITHOUT_TOKEN && token != NULL && *token != '\0')
    url = url_without_token (self->url, token);
  else
    url = g_strdup (self->url);

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
  if (g_strcmp0 (method, "HEAD") != 0 && !(g_strcmp0 (method, "GET") == 0 && self->body == NULL)
      && !(g_strcmp0 (method, "POST") == 0 && self->body != NULL))
    append_option_line (out, "-X", method, strlen (method));

  for (guint i = 0; i < self->headers->len; i++)
    {
      JdHeader *header = g_ptr_array_index (self->headers, i);

      if (header_is_curls_own (header->name))
        continue;

      if (g_ascii_strcasecmp (header->name, "Accept-Encoding") == 0)
        {
          /* The person wants to read the answer: let curl ask for what it
           * can decompress. */
          compressed = TRUE;
          continue;
        }

      if (variant == JD_CURL_WITHOUT_TOKEN && token != NULL && *token != '\0'
          && g_ascii_strcasecmp (header->name, "Cookie") == 0)
        {
          g_autofree char *cookie = cookie_without_token (header->value, token);

          if (cookie != NULL)
            append_header_line (out, header->name, cookie);
          continue;
        }

      if (g_ascii_strcasecmp (header->name, "Authorization") == 0)
        {
          if (variant == JD_CURL_WITHOUT_TOKEN || wrote_authorization)
            continue;

          wrote_authorization = TRUE;
          if (variant == JD_CURL_FRESH_TOKEN)
            {
              g_string_append (out, " \\\n  -H \"Authorization: Bearer $TOKEN\"");
              continue;
            }
          if (token != NULL)
            {
              g_autofree char *value = g_strconcat ("Bearer ", token, NULL);
              append_header_line (out, header->name, value);
              continue;
            }
        }

      append_header_line (out, header->name, header->value);
    }

  if (!wrote_authorization && variant == JD_CURL_FRESH_TOKEN)
    {
      g_string_append (out, " \\\n  -H \"Authorization: Bearer $TOKEN\"");
    }
  else if (!wrote_authorization && variant == JD_CURL_THIS_TOKEN && token != NULL)
    {
      g_autofree char *value = g_strconcat ("Bearer ", token, NULL);
      append_header_line (out, "Authorization", value);
    }

  if (self->body != NULL) /* an empty body is still a body: curl sends Content-Length: 0 */
    {
      /* --data-raw adds "Content-Type: application/x-www-form-urlencoded"
       * when there is none: "Content-Type:" tells curl to leave it out. */
      if (jd_headers_get (self->headers, "Content-Type") == NULL)
        append_option_line (out, "-H", "Content-Type:", strlen ("Content-Type:"));

      if (body_has_nul)
        append_option_line (out, "--data-binary", "@-", 2);
      else
        append_option_line (out, "--data-raw", body != NULL ? (const char *)body : "", body_len);
    }

  if (compressed)
    g_string_append (out, " \\\n  --compressed");

  g_string_append_c (out, '\n');

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ------------------------------------------------------------------ */
/* JdResponse                                                          */

struct _JdResponse
{
  GObject parent_instance;

  guint status;
  char *reason;
  char *http_version;
  GPtrArray *headers; /* (element-type JdHeader) */
  HeaderLimits limits;
  GBytes *body;
  gboolean body_truncated;
  double elapsed_ms;
};

G_DEFINE_FINAL_TYPE (JdResponse, jd_response, G_TYPE_OBJECT)

enum
{
  RESPONSE_PROP_0,
  RESPONSE_PROP_STATUS,
  RESPONSE_PROP_REASON,
  RESPONSE_LAST_PROP
};

static GParamSpec *response_pspecs[RESPONSE_LAST_PROP];

static void
jd_response_finalize (GObject *object)
{
  JdResponse *self = JD_RESPONSE (object);

  g_free (self->reason);
  g_free (self->http_version);
  g_ptr_array_unref (self->headers);
  header_limits_clear (&self->limits);
  g_clear_pointer (&self->body, g_bytes_unref);

  G_OBJECT_CLASS (jd_response_parent_class)->finalize (object);
}

static void
jd_response_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  JdResponse *self = JD_RESPONSE (object);

  switch (prop_id)
    {
      case RESPONSE_PROP_STATUS:
        g_value_set_uint (value, self->status);
        break;
      case RESPONSE_PROP_REASON:
        g_value_set_string (value, self->reason);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_response_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  JdResponse *self = JD_RESPONSE (object);

  switch (prop_id)
    {
      case RESPONSE_PROP_STATUS:
        self->status = g_value_get_uint (value);
        break;
      case RESPONSE_PROP_REASON:
        g_free (self->reason);
        self->reason = g_value_dup_string (value);
        if (self->reason == NULL)
          self->reason = g_strdup ("");
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_response_class_init (JdResponseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = jd_response_finalize;
  object_class->get_property = jd_response_get_property;
  object_class->set_property = jd_response_set_property;

  response_pspecs[RESPONSE_PROP_STATUS]
    = g_param_spec_uint ("status", NULL, NULL, 0, 999, 0, flags);
  response_pspecs[RESPONSE_PROP_REASON] = g_param_spec_string ("reason", NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, RESPONSE_LAST_PROP, response_pspecs);
}

static void
jd_response_init (JdResponse *self)
{
  self->reason = g_strdup ("");
  self->http_version = g_strdup ("HTTP/1.1");
  self->headers = jd_headers_new ();
  header_limits_init (&self->limits, TRUE);
}

JdResponse *
jd_response_new (guint status, const char *reason)
{
  g_return_val_if_fail (status <= 999, NULL);

  return g_object_new (JD_TYPE_RESPONSE, "status", status, "reason", reason != NULL ? reason : "",
                       NULL);
}

guint
jd_response_get_status (JdResponse *self)
{
  g_return_val_if_fail (JD_IS_RESPONSE (self), 0);

  return self->status;
}

const char *
jd_response_get_reason (JdResponse *self)
{
  g_return_val_if_fail (JD_IS_RESPONSE (self), NULL);

  return self->reason;
}

const char *
jd_response_get_http_version (JdResponse *self)
{
  g_return_val_if_fail (JD_IS_RESPONSE (self), NULL);

  return self->http_version;
}

void
jd_response_set_http_version (JdResponse *self, const char *version)
{
  g_return_if_fail (JD_IS_RESPONSE (self));

  g_free (self->http_version);
  self->http_version = g_strdup (version != NULL ? version : "");
}

GPtrArray *
jd_response_get_headers (JdResponse *self)
{
  g_return_val_if_fail (JD_IS_RESPONSE (self), NULL);

  return self->headers;
}

void
jd_response_add_header (JdResponse *self, const char *name, const char *value)
{
  g_return_if_fail (JD_IS_RESPONSE (self));
  g_return_if_fail (name != NULL);

  jd_headers_add (self->headers, &self->limits, name, value);
}

GPtrArray *
jd_response_get_header_problems (JdResponse *self)
{
  g_return_val_if_fail (JD_IS_RESPONSE (self), NULL);

  return header_limits_get_problems (&self->limits);
}

gboolean
jd_response_header_left_out (JdResponse *self, const char *name)
{
  g_return_val_if_fail (JD_IS_RESPONSE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  return header_limits_left_out (&self->limits, name);
}

const char *
jd_response_get_header (JdResponse *self, const char *name)
{
  g_return_val_if_fail (JD_IS_RESPONSE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return jd_headers_get (self->headers, name);
}

GBytes *
jd_response_get_body (JdResponse *self)
{
  g_return_val_if_fail (JD_IS_RESPONSE (self), NULL);

  return self->body;
}

void
jd_response_set_body (JdResponse *self, GBytes *body, gboolean truncated)
{
  g_return_if_fail (JD_IS_RESPONSE (self));

  if (body != NULL)
    g_bytes_ref (body);
  g_clear_pointer (&self->body, g_bytes_unref);
  self->body = body;
  self->body_truncated = !!truncated;
}

gboolean
jd_response_get_body_truncated (JdResponse *self)
{
  g_return_val_if_fail (JD_IS_RESPONSE (self), FALSE);

  return self->body_truncated;
}

double
jd_response_get_elapsed_ms (JdResponse *self)
{
  g_return_val_if_fail (JD_IS_RESPONSE (self), 0.0);

  return self->elapsed_ms;
}

void
jd_response_set_elapsed_ms (JdResponse *self, double ms)
{
  g_return_if_fail (JD_IS_RESPONSE (self));

  self->elapsed_ms = ms;
}
