/* jd-har-entry.c — one request of an HTTP Archive
 *
 * An entry keeps its method, URL, status, times, headers (one allocation
 * per header list) and token, and only the position of its bodies in the
 * file: they are decoded when asked for. It turns into the request and
 * response models and is diagnosed like a pasted request.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "jd-har-entry-private.h"
#include "jd-input.h"
#include "jd-json-reader.h"
#include "jd-token.h"
#include "jd-www-authenticate.h"

enum
{
  PROP_0,
  PROP_INDEX,
  PROP_METHOD,
  PROP_URL,
  PROP_PATH,
  PROP_STATUS,
  PROP_STATUS_TEXT,
  PROP_HAS_TOKEN,
  PROP_TOKEN_SOURCE,
  PROP_TOKEN_SOURCE_LABEL,
  PROP_STARTED,
  PROP_STARTED_ISO,
  PROP_TIME_MS,
  PROP_IS_AUTH_FAILURE,
  N_ENTRY_PROPS
};

static GParamSpec *entry_pspecs[N_ENTRY_PROPS];

G_DEFINE_FINAL_TYPE (JdHarEntry, jd_har_entry, G_TYPE_OBJECT)

static void
jd_har_entry_finalize (GObject *object)
{
  JdHarEntry *self = JD_HAR_ENTRY (object);

  g_free (self->method);
  g_free (self->url);
  g_free (self->path);
  g_free (self->status_text);
  g_free (self->http_version);
  g_free (self->response_http_version);
  g_free (self->started_iso);
  g_free (self->request_headers);
  g_free (self->response_headers);
  if (self->token != NULL)
    memset (self->token, 0, strlen (self->token));
  g_free (self->token);
  g_free (self->token_name);
  g_free (self->token_source_label);
  g_free (self->request_mime_type);
  g_free (self->response_mime_type);
  g_clear_pointer (&self->source, g_bytes_unref);

  G_OBJECT_CLASS (jd_har_entry_parent_class)->finalize (object);
}

static void
jd_har_entry_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  JdHarEntry *self = JD_HAR_ENTRY (object);

  switch (prop_id)
    {
      case PROP_INDEX:
        g_value_set_uint (value, self->index);
        break;
      case PROP_METHOD:
        g_value_set_string (value, self->method);
        break;
      case PROP_URL:
        g_value_set_string (value, self->url);
        break;
      case PROP_PATH:
        g_value_set_string (value, self->path);
        break;
      case PROP_STATUS:
        g_value_set_uint (value, self->status);
        break;
      case PROP_STATUS_TEXT:
        g_value_set_string (value, self->status_text);
        break;
      case PROP_HAS_TOKEN:
        g_value_set_boolean (value, self->token != NULL);
        break;
      case PROP_TOKEN_SOURCE:
        g_value_set_uint (value, self->token_source);
        break;
      case PROP_TOKEN_SOURCE_LABEL:
        g_value_set_string (value, self->token_source_label);
        break;
      case PROP_STARTED:
        g_value_set_double (value, self->started);
        break;
      case PROP_STARTED_ISO:
        g_value_set_string (value, self->started_iso);
        break;
      case PROP_TIME_MS:
        g_value_set_double (value, self->time_ms);
        break;
      case PROP_IS_AUTH_FAILURE:
        g_value_set_boolean (value, jd_har_entry_is_auth_failure (self));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_har_entry_class_init (JdHarEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = jd_har_entry_finalize;
  object_class->get_property = jd_har_entry_get_property;

  entry_pspecs[PROP_INDEX] = g_param_spec_uint ("index", NULL, NULL, 0, G_MAXUINT, 0, flags);
  entry_pspecs[PROP_METHOD] = g_param_spec_string ("method", NULL, NULL, NULL, flags);
  entry_pspecs[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, flags);
  entry_pspecs[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, flags);
  entry_pspecs[PROP_STATUS] = g_param_spec_uint ("status", NULL, NULL, 0, G_MAXUINT, 0, flags);
  entry_pspecs[PROP_STATUS_TEXT] = g_param_spec_string ("status-text", NULL, NULL, NULL, flags);
  entry_pspecs[PROP_HAS_TOKEN] = g_param_spec_boolean ("has-token", NULL, NULL, FALSE, flags);
  entry_pspecs[PROP_TOKEN_SOURCE]
    = g_param_spec_uint ("token-source", NULL, NULL, 0, G_MAXUINT, 0, flags);
  entry_pspecs[PROP_TOKEN_SOURCE_LABEL]
    = g_param_spec_string ("token-source-label", NULL, NULL, NULL, flags);
  entry_pspecs[PROP_STARTED]
    = g_param_spec_double ("started", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  entry_pspecs[PROP_STARTED_ISO] = g_param_spec_string ("started-iso", NULL, NULL, NULL, flags);
  entry_pspecs[PROP_TIME_MS]
    = g_param_spec_double ("time-ms", NULL, NULL, -1, G_MAXDOUBLE, -1, flags);
  entry_pspecs[PROP_IS_AUTH_FAILURE]
    = g_param_spec_boolean ("is-auth-failure", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_ENTRY_PROPS, entry_pspecs);
}

static void
jd_har_entry_init (JdHarEntry *self)
{
  self->time_ms = -1;
}

guint
jd_har_entry_get_index (JdHarEntry *self)
{
  g_return_val_if_fail (JD_IS_HAR_ENTRY (self), 0);
  return self->index;
}

const char *
jd_har_entry_get_method (JdHarEntry *self)
{
  g_return_val_if_fail (JD_IS_HAR_ENTRY (self), NULL);
  return self->method;
}

const char *
jd_har_entry_get_url (JdHarEntry *self)
{
  g_return_val_if_fail (JD_IS_HAR_ENTRY (self), NULL);
  return self->url;
}

const char *
jd_har_entry_get_path (JdHarEntry *self)
{
  g_return_val_if_fail (JD_IS_HAR_ENTRY (self), NULL);
  return self->path;
}

guint
jd_har_entry_get_status (JdHarEntry *self)
{
  g_return_val_if_fail (JD_IS_HAR_ENTRY (self), 0);
  return self->status;
}

const char *
jd_har_entry_get_status_text (JdHarEntry *self)
{
  g_return_val_if_fail (JD_IS_HAR_ENTRY (self), NULL);
  return self->status_text;
}

const char *
jd_har_entry_get_http_version (JdHarEntry *self)
{
  g_return_val_if_fail (JD_IS_HAR_ENTRY (self), NULL);
  return self->http_version;
}

gboolean
jd_har_entry_has_started (JdHarEntry *self)
{
  g_return_val_if_fail (JD_IS_HAR_ENTRY (self), FALSE);
  return self->has_started;
}

double
jd_har_entry_get_started (JdHarEntry *self)
{
  g_return_val_if_fail (JD_IS_HAR_ENTRY (self), 0);
  return self->started;
}

gint64
jd_har_entry_get_started_unix (JdHarEntry *self)
{
  g_return_val_if_fail (JD_IS_HAR_ENTRY (self), 0);
  return (gint64)floor (self->started);
}

const char *
jd_har_entry_get_started_iso (JdHarEntry *self)
{
  g_return_val_if_fail (JD_IS_HAR_ENTRY (self), NULL);
  return self->started_iso;
}

double
jd_har_entry_get_time_ms (JdHarEntry *self)
{
  g_return_val_if_fail (JD_IS_HAR_ENTRY (self), -1);
  return self->time_ms;
}

gboolean
jd_har_entry_is_auth_failure (JdHarEntry *self)
{
  g_return_val_if_fail (JD_IS_HAR_ENTRY (self), FALSE);
  return self->status == 401 || self->status == 403;
}

gboolean
jd_har_entry_has_token (JdHarEntry *self)
{
  g_return_val_if_fail (JD_IS_HAR_ENTRY (self), FALSE);
  return self->token != NULL;
}

const char *
jd_har_entry_get_token (JdHarEntry *self)
{
  g_return_val_if_fail (JD_IS_HAR_ENTRY (self), NULL);
  return self->token;
}

JdHarTokenSource
jd_har_entry_get_token_source (JdHarEntry *self)
{
  g_return_val_if_fail (JD_IS_HAR_ENTRY (self), JD_HAR_TOKEN_SOURCE_NONE);
  return self->token_source;
}

const char *
jd_har_entry_get_token_name (JdHarEntry *self)
{
  g_return_val_if_fail (JD_IS_HAR_ENTRY (self), NULL);
  return self->token_name;
}

const char *
jd_har_entry_get_token_source_label (JdHarEntry *self)
{
  g_return_val_if_fail (JD_IS_HAR_ENTRY (self), NULL);
  return self->token_source_label;
}

static const char *
find_header (const JdHeader *headers, guint n, const char *name)
{
  for (guint i = 0; i < n; i++)
    if (g_ascii_strcasecmp (headers[i].name, name) == 0)
      return headers[i].value;
  return NULL;
}

const char *
jd_har_entry_get_authorization (JdHarEntry *self)
{
  g_return_val_if_fail (JD_IS_HAR_ENTRY (self), NULL);
  return find_header (self->request_headers, self->n_request_headers, "Authorization");
}

const JdHeader *
jd_har_entry_get_request_headers (JdHarEntry *self, guint *n_headers)
{
  g_return_val_if_fail (JD_IS_HAR_ENTRY (self), NULL);

  if (n_headers != NULL)
    *n_headers = self->n_request_headers;
  return self->request_headers;
}

const JdHeader *
jd_har_entry_get_response_headers (JdHarEntry *self, guint *n_headers)
{
  g_return_val_if_fail (JD_IS_HAR_ENTRY (self), NULL);

  if (n_headers != NULL)
    *n_headers = self->n_response_headers;
  return self->response_headers;
}

const char *
jd_har_entry_get_request_header (JdHarEntry *self, const char *name)
{
  g_return_val_if_fail (JD_IS_HAR_ENTRY (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  return find_header (self->request_headers, self->n_request_headers, name);
}

const char *
jd_har_entry_get_response_header (JdHarEntry *self, const char *name)
{
  g_return_val_if_fail (JD_IS_HAR_ENTRY (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  return find_header (self->response_headers, self->n_response_headers, name);
}

char **
jd_har_entry_dup_www_authenticate (JdHarEntry *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (JD_IS_HAR_ENTRY (self), NULL);

  for (guint i = 0; i < self->n_response_headers; i++)
    if (g_ascii_strcasecmp (self->response_headers[i].name, "WWW-Authenticate") == 0)
      g_strv_builder_add (builder, self->response_headers[i].value);

  return g_strv_builder_end (builder);
}

static GBytes *
decode_body (JdHarEntry *self, const BodySpan *span)
{
  const char *data;
  gsize len;
  GString *text;

  if (!span->present || self->source == NULL)
    return NULL;

  data = g_bytes_get_data (self->source, &len);
  g_assert (span->offset + span->len <= len);

  text = g_string_sized_new (span->len + 1);
  if (span->escaped)
    jd_json_unescape (data + span->offset, span->len, text);
  else
    g_string_append_len (text, data + span->offset, span->len);

  if (span->base64)
    {
      gsize out_len = 0;
      guchar *out;

      /* g_base64_decode_inplace stops quietly at junk; that is what a viewer wants */
      out = strlen (text->str) > 1 ? g_base64_decode_inplace (text->str, &out_len) : NULL;
      (void)out;
      g_string_truncate (text, out_len);
    }

  return g_string_free_to_bytes (text);
}

GBytes *
jd_har_entry_dup_request_body (JdHarEntry *self)
{
  g_return_val_if_fail (JD_IS_HAR_ENTRY (self), NULL);
  return decode_body (self, &self->request_body);
}

GBytes *
jd_har_entry_dup_response_body (JdHarEntry *self)
{
  g_return_val_if_fail (JD_IS_HAR_ENTRY (self), NULL);
  return decode_body (self, &self->response_body);
}

const char *
jd_har_entry_get_request_mime_type (JdHarEntry *self)
{
  g_return_val_if_fail (JD_IS_HAR_ENTRY (self), NULL);
  return self->request_mime_type;
}

const char *
jd_har_entry_get_response_mime_type (JdHarEntry *self)
{
  g_return_val_if_fail (JD_IS_HAR_ENTRY (self), NULL);
  return self->response_mime_type;
}

JdRequest *
jd_har_entry_dup_request (JdHarEntry *self)
{
  JdRequest *request;
  g_autoptr (GBytes) body = NULL;

  g_return_val_if_fail (JD_IS_HAR_ENTRY (self), NULL);

  request = jd_request_new (self->method[0] != '\0' ? self->method : NULL, self->url);
  for (guint i = 0; i < self->n_request_headers; i++)
    jd_request_add_header (request, self->request_headers[i].name, self->request_headers[i].value);

  body = jd_har_entry_dup_request_body (self);
  if (body != NULL)
    jd_request_set_body (request, body);

  return request;
}

JdResponse *
jd_har_entry_dup_response (JdHarEntry *self)
{
  JdResponse *response;
  g_autoptr (GBytes) body = NULL;

  g_return_val_if_fail (JD_IS_HAR_ENTRY (self), NULL);

  if (self->status == 0)
    return NULL;

  response = jd_response_new (self->status, self->status_text);
  if (self->response_http_version != NULL)
    jd_response_set_http_version (response, self->response_http_version);
  for (guint i = 0; i < self->n_response_headers; i++)
    jd_response_add_header (response, self->response_headers[i].name,
                            self->response_headers[i].value);

  body = jd_har_entry_dup_response_body (self);
  if (body != NULL)
    jd_response_set_body (response, body, FALSE);
  if (self->time_ms >= 0)
    jd_response_set_elapsed_ms (response, self->time_ms);

  return response;
}

/* The server's Date is compared with the moment the request went out, not
 * with the instant the token is judged at (--now). NULL without a response. */
static GPtrArray *
response_findings (JdHarEntry *self, JdToken *token, const JdExpectations *expect)
{
  g_autoptr (JdResponse) response = jd_har_entry_dup_response (self);
  gint64 sent = self->has_started ? jd_har_entry_get_started_unix (self) : 0;

  if (response == NULL)
    return NULL;
  return jd_response_diagnose_sent (response, token, expect, self->has_started ? &sent : NULL);
}

GPtrArray *
jd_har_entry_diagnose_response (JdHarEntry *self, const JdExpectations *expect)
{
  g_autoptr (JdToken) token = NULL;

  g_return_val_if_fail (JD_IS_HAR_ENTRY (self), NULL);

  if (self->token == NULL)
    return NULL;
  token = jd_token_parse (self->token, -1);
  return response_findings (self, token, expect);
}

GPtrArray *
jd_har_entry_diagnose (JdHarEntry *self, const JdExpectations *expect, gboolean at_entry_time,
                       JdVerifyResult *verification)
{
  g_autoptr (JdExpectations) at = NULL;
  g_autoptr (JdToken) token = NULL;
  g_autoptr (JdInput) input = NULL;
  g_autoptr (GPtrArray) more = NULL;
  GPtrArray *findings;

  g_return_val_if_fail (JD_IS_HAR_ENTRY (self), NULL);

  if (self->token == NULL)
    return jd_har_entry_diagnose_no_token (self);

  at = expect != NULL ? jd_expectations_copy (expect) : jd_expectations_new ();
  if (at_entry_time && self->has_started)
    at->now = jd_har_entry_get_started_unix (self);

  token = jd_token_parse (self->token, -1);
  if (self->token_source == JD_HAR_TOKEN_SOURCE_AUTHORIZATION)
    {
      const char *auth = jd_har_entry_get_authorization (self);
      g_autofree char *line = g_strconcat ("Authorization: ", auth, NULL);

      input = jd_input_parse (line, strlen (line));
    }

  findings = jd_diagnose (token, at, verification, input);

  more = response_findings (self, token, at);
  if (more != NULL)
    {
      g_autoptr (GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < more->len; i++)
        {
          JdFinding *f = g_ptr_array_index (more, i);

          /* the same id from both (e.g. server-clock-skew) is reported once */
          if (!jd_findings_has (findings, jd_finding_get_id (f)))
            g_ptr_array_add (fresh, g_object_ref (f));
        }
      jd_findings_merge (findings, fresh);
    }

  return findings;
}

char *
jd_har_entry_dup_source (JdHarEntry *self)
{
  g_return_val_if_fail (JD_IS_HAR_ENTRY (self), NULL);
  return g_strdup_printf ("har:%u", self->index);
}

int
jd_har_entry_compare_failing_first (gconstpointer a, gconstpointer b, gpointer user_data)
{
  JdHarEntry *ea = (JdHarEntry *)a;
  JdHarEntry *eb = (JdHarEntry *)b;
  gboolean fa;
  gboolean fb;

  g_return_val_if_fail (JD_IS_HAR_ENTRY (ea), 0);
  g_return_val_if_fail (JD_IS_HAR_ENTRY (eb), 0);

  fa = jd_har_entry_is_auth_failure (ea);
  fb = jd_har_entry_is_auth_failure (eb);
  if (fa != fb)
    return fa ? -1 : 1;
  return ea->index < eb->index ? -1 : ea->index > eb->index ? 1 : 0;
}

static gboolean
contains_casefold (const char *haystack, const char *needle)
{
  gsize hn;
  gsize nn = strlen (needle);

  if (nn == 0)
    return TRUE;
  if (haystack == NULL)
    return FALSE;
  hn = strlen (haystack);
  for (gsize i = 0; i + nn <= hn; i++)
    if (g_ascii_strncasecmp (haystack + i, needle, nn) == 0)
      return TRUE;
  return FALSE;
}

gboolean
jd_har_entry_matches (JdHarEntry *self, const char *text, guint status)
{
  char status_str[16];

  g_return_val_if_fail (JD_IS_HAR_ENTRY (self), FALSE);

  if (status != 0)
    {
      if (status % 100 == 0 && status >= 100)
        {
          if (self->status / 100 != status / 100)
            return FALSE;
        }
      else if (self->status != status)
        return FALSE;
    }

  if (text == NULL || text[0] == '\0')
    return TRUE;

  g_snprintf (status_str, sizeof status_str, "%u", self->status);
  return contains_casefold (self->method, text) || contains_casefold (self->url, text)
         || contains_casefold (status_str, text);
}
