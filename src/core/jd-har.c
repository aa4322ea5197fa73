/* jd-har.c — HTTP Archive files, read for their tokens
 *
 * The file is mapped and walked once with JdJsonReader; an entry keeps its
 * method, URL, status, times, headers (one allocation per header list) and
 * token, and only the position of its bodies in the file. Pages already
 * read are handed back to the kernel as the reader moves on, so peak memory
 * stays near what the entries keep, not the file's size.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "jd-har.h"
#include "jd-input.h"
#include "jd-json-reader.h"
#include "jd-time.h"
#include "jd-token.h"
#include "jd-www-authenticate.h"

G_DEFINE_QUARK (jd - har - error - quark, jd_har_error)

void
jd_har_limits_init (JdHarLimits *limits)
{
  g_return_if_fail (limits != NULL);

  limits->max_file_size = JD_HAR_DEFAULT_MAX_FILE_SIZE;
  limits->max_entries = JD_HAR_DEFAULT_MAX_ENTRIES;
  limits->max_string_length = JD_HAR_DEFAULT_MAX_STRING_LENGTH;
  limits->max_depth = JD_HAR_DEFAULT_MAX_DEPTH;
}

static void
jd_har_problem_free (JdHarProblem *problem)
{
  g_free (problem->message);
  g_free (problem);
}

/* ------------------------------------------------------------------ */
/* JdHarEntry */

typedef struct
{
  gsize offset;
  gsize len;
  gboolean present;
  gboolean escaped;
  gboolean base64;
} BodySpan;

struct _JdHarEntry
{
  GObject parent_instance;

  guint index;
  char *method;
  char *url;
  char *path;
  guint status;
  char *status_text;
  char *http_version;
  char *response_http_version;
  char *started_iso;
  double started;
  gboolean has_started;
  double time_ms;

  JdHeader *request_headers; /* one block: headers, then their strings */
  guint n_request_headers;
  JdHeader *response_headers;
  guint n_response_headers;

  char *token;
  char *token_name;
  JdHarTokenSource token_source;
  char *token_source_label;

  char *request_mime_type;
  char *response_mime_type;
  BodySpan request_body;
  BodySpan response_body;
  GBytes *source; /* the whole file, for the bodies */
};

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

GPtrArray *
jd_har_entry_diagnose (JdHarEntry *self, const JdExpectations *expect, gboolean at_entry_time,
                       JdVerifyResult *verification)
{
  g_autoptr (JdExpectations) at = NULL;
  g_autoptr (JdToken) token = NULL;
  g_autoptr (JdInput) input = NULL;
  g_autoptr (JdResponse) response = NULL;
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

  response = jd_har_entry_dup_response (self);
  if (response != NULL)
    {
      /* The server's Date is compared with the moment the request went
       * out, not with the instant the token is judged at (--now). */
      gint64 sent = self->has_started ? jd_har_entry_get_started_unix (self) : 0;
      g_autoptr (GPtrArray) more
        = jd_response_diagnose_sent (response, token, at, self->has_started ? &sent : NULL);

      g_autoptr (GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; more != NULL && i < more->len; i++)
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

/* ------------------------------------------------------------------ */
/* JdHar */

struct _JdHar
{
  GObject parent_instance;

  GPtrArray *entries;  /* JdHarEntry */
  GPtrArray *problems; /* JdHarProblem */
  char *version;
  char *creator;
  guint n_with_token;
  guint n_401;
  guint n_auth_failures;
  gboolean any_credentials;
  char *sanitized_message;
};

static void jd_har_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (JdHar, jd_har, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, jd_har_list_model_init))

static GType
jd_har_get_item_type (GListModel *model)
{
  return JD_TYPE_HAR_ENTRY;
}

static guint
jd_har_get_n_items (GListModel *model)
{
  return JD_HAR (model)->entries->len;
}

static gpointer
jd_har_get_item (GListModel *model, guint position)
{
  JdHar *self = JD_HAR (model);

  if (position >= self->entries->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->entries, position));
}

static void
jd_har_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = jd_har_get_item_type;
  iface->get_n_items = jd_har_get_n_items;
  iface->get_item = jd_har_get_item;
}

static void
jd_har_finalize (GObject *object)
{
  JdHar *self = JD_HAR (object);

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_free (self->version);
  g_free (self->creator);
  g_free (self->sanitized_message);

  G_OBJECT_CLASS (jd_har_parent_class)->finalize (object);
}

static void
jd_har_class_init (JdHarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jd_har_finalize;
}

static void
jd_har_init (JdHar *self)
{
  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify)jd_har_problem_free);
}

const char *
jd_har_get_version (JdHar *self)
{
  g_return_val_if_fail (JD_IS_HAR (self), NULL);
  return self->version;
}

const char *
jd_har_get_creator (JdHar *self)
{
  g_return_val_if_fail (JD_IS_HAR (self), NULL);
  return self->creator;
}

GPtrArray *
jd_har_get_problems (JdHar *self)
{
  g_return_val_if_fail (JD_IS_HAR (self), NULL);
  return self->problems;
}

guint
jd_har_get_n_with_token (JdHar *self)
{
  g_return_val_if_fail (JD_IS_HAR (self), 0);
  return self->n_with_token;
}

guint
jd_har_get_n_auth_failures (JdHar *self)
{
  g_return_val_if_fail (JD_IS_HAR (self), 0);
  return self->n_auth_failures;
}

gboolean
jd_har_is_sanitized (JdHar *self)
{
  g_return_val_if_fail (JD_IS_HAR (self), FALSE);
  return self->n_401 > 0 && !self->any_credentials;
}

const char *
jd_har_get_sanitized_message (JdHar *self)
{
  g_return_val_if_fail (JD_IS_HAR (self), NULL);

  if (!jd_har_is_sanitized (self))
    return NULL;

  if (self->sanitized_message == NULL)
    {
      g_autofree char *first = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE,
                     "This HAR has %u answer 401 Unauthorized, but no request in it carries an "
                     "Authorization or Cookie header: the browser left the credentials out when it "
                     "saved the file, so there is no token to diagnose.",
                     "This HAR has %u answers 401 Unauthorized, but no request in it carries an "
                     "Authorization or Cookie header: the browser left the credentials out when it "
                     "saved the file, so there is no token to diagnose.",
                     self->n_401),
        self->n_401);

      self->sanitized_message = g_strconcat (
        first, " ",
        _ ("Export it again with the credentials: in Chrome or Edge, open the DevTools settings "
           "(F1), "
           "under Preferences → Network turn on “Allow to generate HAR with sensitive data”, then "
           "in "
           "the Network panel choose “Export HAR (with sensitive data)…”. Firefox keeps them with "
           "“Save All As HAR”."),
        NULL);
    }

  return self->sanitized_message;
}

GListModel *
jd_har_dup_failing_first (JdHar *self)
{
  GListStore *store;

  g_return_val_if_fail (JD_IS_HAR (self), NULL);

  /* a stable partition: the same order as jd_har_entry_compare_failing_first() */
  store = g_list_store_new (JD_TYPE_HAR_ENTRY);
  for (guint i = 0; i < self->entries->len; i++)
    {
      JdHarEntry *e = g_ptr_array_index (self->entries, i);
      if (jd_har_entry_is_auth_failure (e))
        g_list_store_append (store, e);
    }
  for (guint i = 0; i < self->entries->len; i++)
    {
      JdHarEntry *e = g_ptr_array_index (self->entries, i);
      if (!jd_har_entry_is_auth_failure (e))
        g_list_store_append (store, e);
    }

  return G_LIST_MODEL (store);
}

/* ------------------------------------------------------------------ */
/* Token timeline */

void
jd_har_timeline_token_free (JdHarTimelineToken *token)
{
  if (token == NULL)
    return;

  if (token->token != NULL)
    memset (token->token, 0, strlen (token->token));
  g_free (token->token);
  g_free (token->fingerprint);
  g_free (token->subject);
  g_free (token->kid);
  g_clear_pointer (&token->uses, g_ptr_array_unref);
  g_clear_pointer (&token->failed_after_exp, g_ptr_array_unref);
  g_free (token);
}

/* A time claim as whole seconds (rounded down), when it is a NumericDate:
 * jd_numeric_date_read() keeps it within years 1–9999, so the cast is safe. */
static gboolean
claim_to_int64 (JsonObject *claims, const char *name, gint64 *out)
{
  double seconds;

  if (jd_numeric_date_get_member (claims, name, &seconds) != JD_NUMERIC_DATE_VALID)
    return FALSE;
  *out = (gint64)floor (seconds);
  return TRUE;
}

static int
compare_timeline (gconstpointer a, gconstpointer b)
{
  const JdHarTimelineToken *ta = *(JdHarTimelineToken *const *)a;
  const JdHarTimelineToken *tb = *(JdHarTimelineToken *const *)b;
  JdHarEntry *ea = g_ptr_array_index (ta->uses, 0);
  JdHarEntry *eb = g_ptr_array_index (tb->uses, 0);

  if (ta->first_used != tb->first_used && ta->first_used > 0 && tb->first_used > 0)
    return ta->first_used < tb->first_used ? -1 : 1;
  return ea->index < eb->index ? -1 : ea->index > eb->index ? 1 : 0;
}

GPtrArray *
jd_har_dup_timeline (JdHar *self)
{
  g_autoptr (GHashTable) by_token = NULL;
  GPtrArray *timeline;

  g_return_val_if_fail (JD_IS_HAR (self), NULL);

  timeline = g_ptr_array_new_with_free_func ((GDestroyNotify)jd_har_timeline_token_free);
  by_token = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->entries->len; i++)
    {
      JdHarEntry *e = g_ptr_array_index (self->entries, i);
      JdHarTimelineToken *t;

      if (e->token == NULL)
        continue;

      t = g_hash_table_lookup (by_token, e->token);
      if (t == NULL)
        {
          g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, e->token, -1);

          t = g_new0 (JdHarTimelineToken, 1);
          t->token = g_strdup (e->token);
          t->fingerprint = g_strndup (sum, 12);
          t->source = e->token_source;
          t->uses = g_ptr_array_new_with_free_func (g_object_unref);
          t->failed_after_exp = g_ptr_array_new_with_free_func (g_object_unref);
          g_ptr_array_add (timeline, t);
          g_hash_table_insert (by_token, t->token, t);
        }

      g_ptr_array_add (t->uses, g_object_ref (e));
      if (e->has_started)
        {
          if (t->first_used == 0 || e->started < t->first_used)
            t->first_used = e->started;
          if (t->last_used == 0 || e->started > t->last_used)
            t->last_used = e->started;
        }
    }

  for (guint i = 0; i < timeline->len; i++)
    {
      JdHarTimelineToken *t = g_ptr_array_index (timeline, i);
      g_autoptr (JdToken) token = jd_token_parse (t->token, -1);
      JsonObject *claims = jd_token_get_claims (token);

      t->has_exp = claim_to_int64 (claims, "exp", &t->exp);
      t->has_iat = claim_to_int64 (claims, "iat", &t->iat);
      if (claims != NULL && json_object_has_member (claims, "sub"))
        {
          JsonNode *sub = json_object_get_member (claims, "sub");
          if (JSON_NODE_HOLDS_VALUE (sub) && json_node_get_value_type (sub) == G_TYPE_STRING)
            t->subject = g_strdup (json_node_get_string (sub));
        }
      t->kid = g_strdup (jd_token_get_kid (token));

      if (!t->has_exp)
        continue;

      for (guint j = 0; j < t->uses->len; j++)
        {
          JdHarEntry *e = g_ptr_array_index (t->uses, j);

          if (!e->has_started || e->started < (double)t->exp)
            continue;
          t->n_used_after_exp++;
          if (jd_har_entry_is_auth_failure (e))
            g_ptr_array_add (t->failed_after_exp, g_object_ref (e));
        }
    }

  g_ptr_array_sort (timeline, compare_timeline);
  return timeline;
}

/* ------------------------------------------------------------------ */
/* Reading */

typedef struct
{
  JdJsonReader *reader;
  const char *data;
  gsize len;
  GBytes *source;
  const JdHarLimits *limits;
  GCancellable *cancellable;
  JdHarProgressFunc progress;
  gpointer progress_data;
  gboolean mapped; /* data is a private file mapping: read pages may be dropped */
  gsize dropped;   /* bytes at the start already handed back */
  JdHar *har;
  GTimeZone *utc;
  GString *value;  /* scratch for one header value */
  GString *names;  /* header list being built: "name\0value\0…" */
  GArray *offsets; /* gsize pairs into names */
  int entry;       /* index being read, -1 outside entries */
  gboolean in_entries;
  gboolean stopped;          /* a limit or cancellation ended the reading (not a JSON error) */
  GError *stop_error;        /* cancellation */
  JdHarEntryFunc entry_func; /* streaming: each entry goes here and is not kept */
  gpointer entry_data;

  /* per entry, HTTP/2 pseudo-headers and token candidates */
  char *pseudo_method;
  char *pseudo_scheme;
  char *pseudo_authority;
  char *pseudo_path;
  char *query_token;
  char *cookie_token;
  char *cookie_name;
  gboolean has_cookie;
} Ctx;

static const char *
kind_name (JdJsonToken token)
{
  switch (token)
    {
      case JD_JSON_TOKEN_BEGIN_OBJECT:
        return _ ("an object");
      case JD_JSON_TOKEN_BEGIN_ARRAY:
        return _ ("an array");
      case JD_JSON_TOKEN_STRING:
        return _ ("a string");
      case JD_JSON_TOKEN_NUMBER:
        return _ ("a number");
      case JD_JSON_TOKEN_TRUE:
        return "true";
      case JD_JSON_TOKEN_FALSE:
        return "false";
      case JD_JSON_TOKEN_NULL:
        return "null";
      case JD_JSON_TOKEN_ERROR:
      case JD_JSON_TOKEN_END:
      case JD_JSON_TOKEN_END_OBJECT:
      case JD_JSON_TOKEN_END_ARRAY:
      case JD_JSON_TOKEN_MEMBER:
      default:
        return "?";
    }
}

static void
add_problem_message (Ctx *ctx, gsize offset, gboolean fatal,
                     char *message) /* (transfer full), already with its position */
{
  JdHarProblem *problem = g_new0 (JdHarProblem, 1);

  problem->offset = offset;
  jd_json_offset_to_line_column (ctx->data, ctx->len, offset, &problem->line, &problem->column);
  problem->entry = ctx->entry;
  problem->fatal = fatal;
  problem->message = message;
  g_ptr_array_add (ctx->har->problems, problem);
}

G_GNUC_PRINTF (4, 5)
static void
add_problem (Ctx *ctx, gsize offset, gboolean fatal, const char *format, ...)
{
  g_autofree char *what = NULL;
  va_list args;
  guint line;
  guint column;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  jd_json_offset_to_line_column (ctx->data, ctx->len, offset, &line, &column);
  add_problem_message (
    ctx, offset, fatal,
    g_strdup_printf (_ ("byte %zu (line %u, column %u): %s"), offset, line, column, what));
}

/* "entries[3].request.headers" for messages */
static char *
where (Ctx *ctx, const char *field)
{
  if (ctx->entry < 0)
    return g_strdup (field);
  if (field == NULL)
    return g_strdup_printf ("entries[%d]", ctx->entry);
  return g_strdup_printf ("entries[%d].%s", ctx->entry, field);
}

/* The value whose first token is @token is not what the format wants:
 * report it and skip it. Returns FALSE when reading must stop. */
static gboolean
unexpected (Ctx *ctx, JdJsonToken token, const char *field, const char *wanted)
{
  g_autofree char *place = where (ctx, field);

  if (token == JD_JSON_TOKEN_ERROR)
    return FALSE;

  add_problem (ctx, jd_json_reader_get_offset (ctx->reader), FALSE,
               /* TRANSLATORS: "entries[3].request.headers is a string, not an array; skipped" */
               _ ("%s is %s, not %s; skipped"), place, kind_name (token), wanted);
  return jd_json_reader_skip (ctx->reader);
}

/* Reads a value that should be text: a string; a number, true, false and
 * null as written; Firefox BiDi's {"type": "string"|"base64", "value": …}.
 * Appends to @out. Returns FALSE when reading must stop. */
static gboolean
read_text (Ctx *ctx, JdJsonToken token, const char *field, GString *out)
{
  JdJsonReader *r = ctx->reader;

  switch (token)
    {
      case JD_JSON_TOKEN_STRING:
        {
          gsize len;
          const char *s = jd_json_reader_get_string (r, &len);
          g_string_append_len (out, s, len);
          return TRUE;
        }

      case JD_JSON_TOKEN_NUMBER:
        {
          gsize len;
          const char *s = jd_json_reader_get_number_text (r, &len);
          g_string_append_len (out, s, len);
          return TRUE;
        }

      case JD_JSON_TOKEN_TRUE:
        g_string_append (out, "true");
        return TRUE;

      case JD_JSON_TOKEN_FALSE:
        g_string_append (out, "false");
        return TRUE;

      case JD_JSON_TOKEN_NULL:
        return TRUE;

      case JD_JSON_TOKEN_BEGIN_OBJECT:
        {
          gboolean base64 = FALSE;
          g_autoptr (GString) value = g_string_new (NULL);

          while ((token = jd_json_reader_next (r)) == JD_JSON_TOKEN_MEMBER)
            {
              if (jd_json_reader_string_equal (r, "type"))
                {
                  token = jd_json_reader_next (r);
                  if (token == JD_JSON_TOKEN_STRING)
                    base64 = jd_json_reader_string_equal (r, "base64");
                  else if (!jd_json_reader_skip (r))
                    return FALSE;
                }
              else if (jd_json_reader_string_equal (r, "value"))
                {
                  token = jd_json_reader_next (r);
                  if (token == JD_JSON_TOKEN_STRING)
                    {
                      gsize len;
                      const char *s = jd_json_reader_get_string (r, &len);
                      g_string_append_len (value, s, len);
                    }
                  else if (!unexpected (ctx, token, field, _ ("a string")))
                    return FALSE;
                }
              else if (!jd_json_reader_skip (r))
                return FALSE;
            }
          if (token != JD_JSON_TOKEN_END_OBJECT)
            return FALSE;

          if (base64)
            {
              gsize len = 0;
              /* g_base64_decode_inplace is a critical for fewer than 2 bytes (up to a NUL) */
              if (strlen (value->str) > 1)
                g_base64_decode_inplace (value->str, &len);
              g_string_truncate (value, len);
              if (g_utf8_validate_len (value->str, value->len, NULL))
                g_string_append_len (out, value->str, value->len);
              else
                {
                  g_autofree char *valid = g_utf8_make_valid (value->str, value->len);
                  g_string_append (out, valid);
                }
            }
          else
            g_string_append_len (out, value->str, value->len);
          return TRUE;
        }

      case JD_JSON_TOKEN_BEGIN_ARRAY:
        return unexpected (ctx, token, field, _ ("a string"));

      case JD_JSON_TOKEN_ERROR:
      case JD_JSON_TOKEN_END:
      case JD_JSON_TOKEN_END_OBJECT:
      case JD_JSON_TOKEN_END_ARRAY:
      case JD_JSON_TOKEN_MEMBER:
      default:
        return FALSE;
    }
}

/* Reads a member's value as a new string; NULL in *out when it is not text. */
static gboolean
read_dup_text (Ctx *ctx, const char *field, char **out)
{
  JdJsonToken token = jd_json_reader_next (ctx->reader);
  g_autoptr (GString) s = g_string_new (NULL);

  if (token == JD_JSON_TOKEN_STRING)
    {
      g_free (*out);
      *out = jd_json_reader_dup_string (ctx->reader);
      return TRUE;
    }
  if (token == JD_JSON_TOKEN_NULL)
    return TRUE;
  if (!read_text (ctx, token, field, s))
    return FALSE;
  g_free (*out);
  *out = g_string_free (g_steal_pointer (&s), FALSE);
  return TRUE;
}

static gboolean
read_number (Ctx *ctx, const char *field, double *out)
{
  JdJsonToken token = jd_json_reader_next (ctx->reader);

  if (token == JD_JSON_TOKEN_NUMBER)
    {
      *out = jd_json_reader_get_double (ctx->reader);
      return TRUE;
    }
  if (token == JD_JSON_TOKEN_STRING)
    {
      /* some tools write numbers as strings */
      const char *s = jd_json_reader_get_string (ctx->reader, NULL);
      char *end = NULL;
      double d = g_ascii_strtod (s, &end);

      if (end != s && *end == '\0')
        *out = d;
      return TRUE;
    }
  if (token == JD_JSON_TOKEN_NULL)
    return TRUE;
  return unexpected (ctx, token, field, _ ("a number"));
}

static void
add_header (Ctx *ctx, const char *name, gsize name_len, const char *value, gsize value_len)
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
finish_headers (Ctx *ctx, guint *n_headers)
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
scan_cookie_header (Ctx *ctx, const char *value)
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

/* "headers": [{"name": …, "value": …}, …] */
static gboolean
read_headers (Ctx *ctx, const char *field, gboolean request, guint *status_out)
{
  JdJsonReader *r = ctx->reader;
  JdJsonToken token = jd_json_reader_next (r);

  if (token != JD_JSON_TOKEN_BEGIN_ARRAY)
    return token == JD_JSON_TOKEN_NULL || unexpected (ctx, token, field, _ ("an array"));

  while ((token = jd_json_reader_next (r)) != JD_JSON_TOKEN_END_ARRAY)
    {
      g_autoptr (GString) name = NULL;
      gboolean have_value = FALSE;

      if (token != JD_JSON_TOKEN_BEGIN_OBJECT)
        {
          if (!unexpected (ctx, token, field, _ ("an object")))
            return FALSE;
          continue;
        }

      name = g_string_new (NULL);
      g_string_truncate (ctx->value, 0);
      while ((token = jd_json_reader_next (r)) == JD_JSON_TOKEN_MEMBER)
        {
          if (jd_json_reader_string_equal (r, "name"))
            {
              if (!read_text (ctx, jd_json_reader_next (r), field, name))
                return FALSE;
            }
          else if (jd_json_reader_string_equal (r, "value"))
            {
              if (!read_text (ctx, jd_json_reader_next (r), field, ctx->value))
                return FALSE;
              have_value = TRUE;
            }
          else if (!jd_json_reader_skip (r))
            return FALSE;
        }
      if (token != JD_JSON_TOKEN_END_OBJECT)
        return FALSE;

      if (name->len == 0)
        continue;
      (void)have_value;

      if (name->str[0] == ':')
        {
          /* HTTP/2 and HTTP/3 pseudo-headers: not headers, but they can
           * stand in for a missing method or URL */
          if (request)
            {
              if (strcmp (name->str, ":method") == 0)
                set_candidate (&ctx->pseudo_method, ctx->value->str, ctx->value->len);
              else if (strcmp (name->str, ":scheme") == 0)
                set_candidate (&ctx->pseudo_scheme, ctx->value->str, ctx->value->len);
              else if (strcmp (name->str, ":authority") == 0)
                set_candidate (&ctx->pseudo_authority, ctx->value->str, ctx->value->len);
              else if (strcmp (name->str, ":path") == 0)
                set_candidate (&ctx->pseudo_path, ctx->value->str, ctx->value->len);
            }
          else if (status_out != NULL && strcmp (name->str, ":status") == 0 && *status_out == 0)
            *status_out = (guint)g_ascii_strtoull (ctx->value->str, NULL, 10);
          continue;
        }

      if (request && g_ascii_strcasecmp (name->str, "Cookie") == 0)
        {
          ctx->has_cookie = TRUE;
          scan_cookie_header (ctx, ctx->value->str);
        }

      add_header (ctx, name->str, name->len, ctx->value->str, ctx->value->len);
    }

  return TRUE;
}

/* "cookies" / "queryString": [{"name": …, "value": …}]; @query selects access_token */
static gboolean
read_pairs (Ctx *ctx, const char *field, gboolean query)
{
  JdJsonReader *r = ctx->reader;
  JdJsonToken token = jd_json_reader_next (r);

  if (token != JD_JSON_TOKEN_BEGIN_ARRAY)
    return token == JD_JSON_TOKEN_NULL || unexpected (ctx, token, field, _ ("an array"));

  while ((token = jd_json_reader_next (r)) != JD_JSON_TOKEN_END_ARRAY)
    {
      g_autoptr (GString) name = NULL;
      g_autoptr (GString) value = NULL;

      if (token != JD_JSON_TOKEN_BEGIN_OBJECT)
        {
          if (!unexpected (ctx, token, field, _ ("an object")))
            return FALSE;
          continue;
        }

      name = g_string_new (NULL);
      value = g_string_new (NULL);
      while ((token = jd_json_reader_next (r)) == JD_JSON_TOKEN_MEMBER)
        {
          if (jd_json_reader_string_equal (r, "name"))
            {
              if (!read_text (ctx, jd_json_reader_next (r), field, name))
                return FALSE;
            }
          else if (jd_json_reader_string_equal (r, "value"))
            {
              if (!read_text (ctx, jd_json_reader_next (r), field, value))
                return FALSE;
            }
          else if (!jd_json_reader_skip (r))
            return FALSE;
        }
      if (token != JD_JSON_TOKEN_END_OBJECT)
        return FALSE;

      if (query)
        {
          if (strcmp (name->str, "access_token") == 0 && value->len > 0)
            set_candidate (&ctx->query_token, value->str, value->len);
        }
      else
        {
          ctx->has_cookie = TRUE;
          if (ctx->cookie_token == NULL && jd_input_is_jwt_shaped (value->str, value->len))
            {
              ctx->cookie_token = g_strndup (value->str, value->len);
              ctx->cookie_name = g_strndup (name->str, name->len);
            }
        }
    }

  return TRUE;
}

/* "postData" / "content": {"mimeType", "text", "encoding"} */
static gboolean
read_body (Ctx *ctx, const char *field, BodySpan *span, char **mime_type)
{
  JdJsonReader *r = ctx->reader;
  JdJsonToken token = jd_json_reader_next (r);
  gboolean base64 = FALSE;

  if (token != JD_JSON_TOKEN_BEGIN_OBJECT)
    return token == JD_JSON_TOKEN_NULL || unexpected (ctx, token, field, _ ("an object"));

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
          else if (token != JD_JSON_TOKEN_NULL && !unexpected (ctx, token, field, _ ("a string")))
            return FALSE;
        }
      else if (jd_json_reader_string_equal (r, "mimeType"))
        {
          if (!read_dup_text (ctx, field, mime_type))
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
read_request (Ctx *ctx, JdHarEntry *entry)
{
  JdJsonReader *r = ctx->reader;
  JdJsonToken token;

  while ((token = jd_json_reader_next (r)) == JD_JSON_TOKEN_MEMBER)
    {
      gboolean ok;

      if (jd_json_reader_string_equal (r, "method"))
        ok = read_dup_text (ctx, "request.method", &entry->method);
      else if (jd_json_reader_string_equal (r, "url"))
        ok = read_dup_text (ctx, "request.url", &entry->url);
      else if (jd_json_reader_string_equal (r, "httpVersion"))
        ok = read_dup_text (ctx, "request.httpVersion", &entry->http_version);
      else if (jd_json_reader_string_equal (r, "headers"))
        {
          g_free (entry->request_headers);
          g_array_set_size (ctx->offsets, 0);
          g_string_truncate (ctx->names, 0);
          ok = read_headers (ctx, "request.headers", TRUE, NULL);
          entry->request_headers = finish_headers (ctx, &entry->n_request_headers);
        }
      else if (jd_json_reader_string_equal (r, "cookies"))
        ok = read_pairs (ctx, "request.cookies", FALSE);
      else if (jd_json_reader_string_equal (r, "queryString"))
        ok = read_pairs (ctx, "request.queryString", TRUE);
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
read_response (Ctx *ctx, JdHarEntry *entry)
{
  JdJsonReader *r = ctx->reader;
  JdJsonToken token;

  while ((token = jd_json_reader_next (r)) == JD_JSON_TOKEN_MEMBER)
    {
      gboolean ok;

      if (jd_json_reader_string_equal (r, "status"))
        {
          double status = 0;

          ok = read_number (ctx, "response.status", &status);
          if (status >= 0 && status < 1000)
            entry->status = (guint)status;
        }
      else if (jd_json_reader_string_equal (r, "statusText"))
        ok = read_dup_text (ctx, "response.statusText", &entry->status_text);
      else if (jd_json_reader_string_equal (r, "httpVersion"))
        ok = read_dup_text (ctx, "response.httpVersion", &entry->response_http_version);
      else if (jd_json_reader_string_equal (r, "headers"))
        {
          g_free (entry->response_headers);
          g_array_set_size (ctx->offsets, 0);
          g_string_truncate (ctx->names, 0);
          ok = read_headers (ctx, "response.headers", FALSE, &entry->status);
          entry->response_headers = finish_headers (ctx, &entry->n_response_headers);
        }
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
make_path (Ctx *ctx, const char *url)
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

/* After the entry's members: defaults, fallbacks, its token. */
static void
finish_entry (Ctx *ctx, JdHarEntry *entry)
{
  const char *auth;

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

  if (entry->started_iso != NULL)
    {
      g_autoptr (GDateTime) dt = g_date_time_new_from_iso8601 (entry->started_iso, ctx->utc);

      if (dt != NULL)
        {
          entry->started
            = (double)g_date_time_to_unix (dt) + g_date_time_get_microsecond (dt) / 1e6;
          entry->has_started = TRUE;
        }
      else
        add_problem (ctx, jd_json_reader_get_offset (ctx->reader), FALSE,
                     _ ("entries[%d].startedDateTime “%s” is not an ISO 8601 date and time"),
                     ctx->entry, entry->started_iso);
    }

  auth = find_header (entry->request_headers, entry->n_request_headers, "Authorization");
  if (auth != NULL)
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

  if (auth != NULL || ctx->has_cookie || entry->token != NULL)
    ctx->har->any_credentials = TRUE;
  if (entry->token != NULL)
    ctx->har->n_with_token++;
  if (entry->status == 401)
    ctx->har->n_401++;
  if (jd_har_entry_is_auth_failure (entry))
    ctx->har->n_auth_failures++;
}

static void
reset_entry_state (Ctx *ctx)
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

static gboolean
read_entry (Ctx *ctx, guint index)
{
  JdJsonReader *r = ctx->reader;
  g_autoptr (JdHarEntry) entry = g_object_new (JD_TYPE_HAR_ENTRY, NULL);
  JdJsonToken token;

  entry->index = index;
  reset_entry_state (ctx);

  while ((token = jd_json_reader_next (r)) == JD_JSON_TOKEN_MEMBER)
    {
      gboolean ok;

      if (jd_json_reader_string_equal (r, "request"))
        {
          token = jd_json_reader_next (r);
          ok = token == JD_JSON_TOKEN_BEGIN_OBJECT
                 ? read_request (ctx, entry)
                 : unexpected (ctx, token, "request", _ ("an object"));
        }
      else if (jd_json_reader_string_equal (r, "response"))
        {
          token = jd_json_reader_next (r);
          ok = token == JD_JSON_TOKEN_BEGIN_OBJECT
                 ? read_response (ctx, entry)
                 : unexpected (ctx, token, "response", _ ("an object"));
        }
      else if (jd_json_reader_string_equal (r, "startedDateTime"))
        ok = read_dup_text (ctx, "startedDateTime", &entry->started_iso);
      else if (jd_json_reader_string_equal (r, "time"))
        ok = read_number (ctx, "time", &entry->time_ms);
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
  g_ptr_array_add (ctx->har->entries, g_steal_pointer (&entry));
  return TRUE;
}

/* Between entries: progress, cancellation, and giving read pages back. */
static gboolean
checkpoint (Ctx *ctx)
{
  gsize pos = jd_json_reader_get_position (ctx->reader);

  if (g_cancellable_set_error_if_cancelled (ctx->cancellable, &ctx->stop_error))
    {
      ctx->stopped = TRUE;
      return FALSE;
    }

  if (ctx->progress != NULL && ctx->len > 0)
    ctx->progress ((double)pos / (double)ctx->len, ctx->progress_data);

#if defined(MADV_DONTNEED)
  if (ctx->mapped)
    {
      static gsize page_size;
      gsize chunk = 8 * 1024 * 1024;

      if (page_size == 0)
        page_size = (gsize)sysconf (_SC_PAGESIZE);

      if (pos > ctx->dropped + chunk + page_size)
        {
          /* the mapping starts on a page boundary; keep the current page */
          gsize end = (pos - page_size) & ~(page_size - 1);

          if (end > ctx->dropped)
            {
              madvise ((char *)ctx->data + ctx->dropped, end - ctx->dropped, MADV_DONTNEED);
              ctx->dropped = end;
            }
        }
    }
#endif

  return TRUE;
}

static gboolean
read_entries (Ctx *ctx)
{
  JdJsonReader *r = ctx->reader;
  JdJsonToken token;
  guint index = 0;

  ctx->in_entries = TRUE;

  while ((token = jd_json_reader_next (r)) != JD_JSON_TOKEN_END_ARRAY)
    {
      if (token == JD_JSON_TOKEN_ERROR)
        return FALSE;

      if (index >= ctx->limits->max_entries)
        {
          ctx->entry = -1;
          add_problem (
            ctx, jd_json_reader_get_offset (r), TRUE,
            g_dngettext (GETTEXT_PACKAGE,
                         "log.entries holds more than %u entry, the limit; the rest are not read",
                         "log.entries holds more than %u entries, the limit; the rest are not read",
                         ctx->limits->max_entries),
            ctx->limits->max_entries);
          ctx->stopped = TRUE;
          return FALSE;
        }

      ctx->entry = (int)index;
      if (token != JD_JSON_TOKEN_BEGIN_OBJECT)
        {
          if (!unexpected (ctx, token, NULL, _ ("an object")))
            return FALSE;
        }
      else if (!read_entry (ctx, index))
        return FALSE;

      index++;
      if ((index & 63) == 0 && !checkpoint (ctx))
        return FALSE;
    }

  ctx->entry = -1;
  return TRUE;
}

static gboolean
read_log (Ctx *ctx, gboolean *found_entries)
{
  JdJsonReader *r = ctx->reader;
  JdJsonToken token;

  while ((token = jd_json_reader_next (r)) == JD_JSON_TOKEN_MEMBER)
    {
      gboolean ok;

      if (jd_json_reader_string_equal (r, "entries") && *found_entries)
        {
          /* A second log.entries: JSON names should be unique (RFC 8259 §4).
           * Keep the first, say so, and skip this one (it would also restart
           * the count the entry limit is checked against). */
          add_problem (ctx, jd_json_reader_get_offset (r), FALSE,
                       _ ("log.entries appears a second time; only the first is read"));
          ok = jd_json_reader_skip (r);
        }
      else if (jd_json_reader_string_equal (r, "entries"))
        {
          token = jd_json_reader_next (r);
          if (token == JD_JSON_TOKEN_BEGIN_ARRAY)
            {
              *found_entries = TRUE;
              ok = read_entries (ctx);
            }
          else
            ok = unexpected (ctx, token, "log.entries", _ ("an array"));
        }
      else if (jd_json_reader_string_equal (r, "version"))
        ok = read_dup_text (ctx, "log.version", &ctx->har->version);
      else if (jd_json_reader_string_equal (r, "creator"))
        {
          token = jd_json_reader_next (r);
          if (token == JD_JSON_TOKEN_BEGIN_OBJECT)
            {
              g_autofree char *name = NULL;
              g_autofree char *version = NULL;

              ok = TRUE;
              while (ok && (token = jd_json_reader_next (r)) == JD_JSON_TOKEN_MEMBER)
                {
                  if (jd_json_reader_string_equal (r, "name"))
                    ok = read_dup_text (ctx, "log.creator.name", &name);
                  else if (jd_json_reader_string_equal (r, "version"))
                    ok = read_dup_text (ctx, "log.creator.version", &version);
                  else
                    ok = jd_json_reader_skip (r);
                }
              ok = ok && token == JD_JSON_TOKEN_END_OBJECT;
              if (name != NULL)
                {
                  g_free (ctx->har->creator);
                  ctx->har->creator
                    = version != NULL ? g_strconcat (name, " ", version, NULL) : g_strdup (name);
                }
            }
          else
            ok = unexpected (ctx, token, "log.creator", _ ("an object"));
        }
      else
        ok = jd_json_reader_skip (r);

      if (!ok)
        return FALSE;
    }

  return token == JD_JSON_TOKEN_END_OBJECT;
}

static JdHar *
load_data (GBytes *bytes, gboolean mapped, const char *display_name, const JdHarLimits *limits,
           GCancellable *cancellable, JdHarProgressFunc progress, gpointer progress_data,
           JdHarEntryFunc entry_func, gpointer entry_data, GError **error)
{
  g_autoptr (JdHar) har = g_object_new (JD_TYPE_HAR, NULL);
  g_autoptr (JdJsonReader) reader = NULL;
  Ctx ctx = { 0 };
  JdJsonToken token;
  gboolean found_log = FALSE;
  gboolean found_entries = FALSE;
  gboolean ok = TRUE;

  ctx.data = g_bytes_get_data (bytes, &ctx.len);
  if (ctx.data == NULL)
    ctx.data = "";
  ctx.source = bytes;
  ctx.limits = limits;
  ctx.cancellable = cancellable;
  ctx.progress = progress;
  ctx.progress_data = progress_data;
  ctx.entry_func = entry_func;
  ctx.entry_data = entry_data;
  ctx.mapped = mapped;
  ctx.har = har;
  ctx.entry = -1;
  ctx.utc = g_time_zone_new_utc ();
  ctx.value = g_string_new (NULL);
  ctx.names = g_string_new (NULL);
  ctx.offsets = g_array_new (FALSE, FALSE, sizeof (gsize));

  if (ctx.len > limits->max_file_size)
    {
      g_autofree char *size = g_format_size (ctx.len);
      g_autofree char *max = g_format_size (limits->max_file_size);

      g_set_error (error, JD_HAR_ERROR, JD_HAR_ERROR_TOO_LARGE,
                   _ ("%s is %s; HAR files larger than %s are not read"), display_name, size, max);
      ok = FALSE;
      goto out;
    }

  reader = jd_json_reader_new (ctx.data, ctx.len, JD_JSON_READER_ALLOW_BOM);
  jd_json_reader_set_limits (reader, limits->max_depth, limits->max_string_length);
  ctx.reader = reader;

  token = jd_json_reader_next (reader);
  if (token == JD_JSON_TOKEN_BEGIN_OBJECT)
    {
      while ((token = jd_json_reader_next (reader)) == JD_JSON_TOKEN_MEMBER)
        {
          if (jd_json_reader_string_equal (reader, "log"))
            {
              token = jd_json_reader_next (reader);
              if (token != JD_JSON_TOKEN_BEGIN_OBJECT)
                {
                  if (token != JD_JSON_TOKEN_ERROR)
                    {
                      g_set_error (error, JD_HAR_ERROR, JD_HAR_ERROR_NOT_HAR,
                                   _ ("%s is not a HAR: its \"log\" is %s, not an object"),
                                   display_name, kind_name (token));
                      ok = FALSE;
                      goto out;
                    }
                  break;
                }
              found_log = TRUE;
              if (!read_log (&ctx, &found_entries))
                break;
            }
          else if (!jd_json_reader_skip (reader))
            break;
        }
      if (token == JD_JSON_TOKEN_END_OBJECT)
        token = jd_json_reader_next (reader);
    }
  else if (token != JD_JSON_TOKEN_ERROR)
    {
      g_set_error (error, JD_HAR_ERROR, JD_HAR_ERROR_NOT_HAR,
                   _ ("%s is JSON, but %s, not a HAR (an object with a \"log\" member)"),
                   display_name, kind_name (token));
      ok = FALSE;
      goto out;
    }

  if (ctx.stop_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&ctx.stop_error));
      ok = FALSE;
      goto out;
    }

  if (!ctx.stopped && jd_json_reader_peek_token (reader) == JD_JSON_TOKEN_ERROR)
    {
      const GError *json_error = jd_json_reader_get_error (reader);
      gsize offset = jd_json_reader_get_error_offset (reader);

      if (!found_entries)
        {
          g_set_error (error, JD_HAR_ERROR, JD_HAR_ERROR_NOT_JSON, _ ("%s is not a HAR: %s"),
                       display_name, json_error->message);
          ok = FALSE;
          goto out;
        }

      if (ctx.entry >= 0)
        {
          g_autofree char *message = NULL;

          message = g_strdup_printf (
            g_dngettext (
              GETTEXT_PACKAGE,
              "%s (in entries[%d]; reading stopped there, the %d entry before it is shown)",
              "%s (in entries[%d]; reading stopped there, the %d entries before it are shown)",
              ctx.entry),
            json_error->message, ctx.entry, ctx.entry);
          add_problem_message (&ctx, offset, TRUE, g_steal_pointer (&message));
        }
      else
        add_problem_message (&ctx, offset, TRUE, g_strdup (json_error->message));
    }
  else if (!ctx.stopped && (!found_log || !found_entries))
    {
      g_set_error (error, JD_HAR_ERROR, JD_HAR_ERROR_NOT_HAR,
                   found_log ? _ ("%s is not a HAR: its \"log\" has no \"entries\" array")
                             : _ ("%s is not a HAR: it has no \"log\" object"),
                   display_name);
      ok = FALSE;
      goto out;
    }

  if (progress != NULL)
    progress (1.0, progress_data);

out:
  reset_entry_state (&ctx);
  g_clear_error (&ctx.stop_error);
  g_time_zone_unref (ctx.utc);
  g_string_free (ctx.value, TRUE);
  g_string_free (ctx.names, TRUE);
  g_array_unref (ctx.offsets);

  return ok ? g_steal_pointer (&har) : NULL;
}

JdHar *
jd_har_load_bytes (GBytes *bytes, const JdHarLimits *limits, GCancellable *cancellable,
                   GError **error)
{
  JdHarLimits defaults;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (limits == NULL)
    {
      jd_har_limits_init (&defaults);
      limits = &defaults;
    }

  return load_data (bytes, FALSE, _ ("The data"), limits, cancellable, NULL, NULL, NULL, NULL,
                    error);
}

static JdHar *
load_file (GFile *file, const JdHarLimits *limits, GCancellable *cancellable,
           JdHarProgressFunc progress, gpointer progress_data, JdHarEntryFunc entry_func,
           gpointer entry_data, GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = NULL;
  g_autofree char *quoted = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GFileInfo) info = NULL;
  gboolean mapped = FALSE;

  name = g_file_get_parse_name (file);
  quoted = g_strdup_printf ("“%s”", name);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      g_set_error (error, JD_HAR_ERROR, JD_HAR_ERROR_IO, _ ("Could not open %s: %s"), quoted,
                   local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, JD_HAR_ERROR, JD_HAR_ERROR_IO, _ ("%s is a folder, not a HAR file"),
                   quoted);
      return NULL;
    }
  if ((guint64)g_file_info_get_size (info) > limits->max_file_size)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      g_autofree char *max = g_format_size (limits->max_file_size);

      g_set_error (error, JD_HAR_ERROR, JD_HAR_ERROR_TOO_LARGE,
                   _ ("%s is %s; HAR files larger than %s are not read"), quoted, size, max);
      return NULL;
    }

  if (path != NULL)
    {
      GMappedFile *mf = g_mapped_file_new (path, FALSE, &local_error);

      if (mf == NULL)
        {
          g_set_error (error, JD_HAR_ERROR, JD_HAR_ERROR_IO, _ ("Could not read %s: %s"), quoted,
                       local_error->message);
          return NULL;
        }
      bytes = g_mapped_file_get_bytes (mf);
      mapped = g_mapped_file_get_contents (mf) != NULL;
      g_mapped_file_unref (mf);
    }
  else
    {
      char *contents = NULL;
      gsize len = 0;

      if (!g_file_load_contents (file, cancellable, &contents, &len, NULL, &local_error))
        {
          g_set_error (error, JD_HAR_ERROR, JD_HAR_ERROR_IO, _ ("Could not read %s: %s"), quoted,
                       local_error->message);
          return NULL;
        }
      bytes = g_bytes_new_take (contents, len);
    }

  return load_data (bytes, mapped, quoted, limits, cancellable, progress, progress_data, entry_func,
                    entry_data, error);
}

JdHar *
jd_har_load_file (GFile *file, const JdHarLimits *limits, GCancellable *cancellable, GError **error)
{
  JdHarLimits defaults;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (limits == NULL)
    {
      jd_har_limits_init (&defaults);
      limits = &defaults;
    }

  return load_file (file, limits, cancellable, NULL, NULL, NULL, NULL, error);
}

JdHar *
jd_har_load_file_streaming (GFile *file, const JdHarLimits *limits, JdHarEntryFunc func,
                            gpointer user_data, GCancellable *cancellable, GError **error)
{
  JdHarLimits defaults;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (func != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (limits == NULL)
    {
      jd_har_limits_init (&defaults);
      limits = &defaults;
    }

  return load_file (file, limits, cancellable, NULL, NULL, func, user_data, error);
}

/* ------------------------------------------------------------------ */
/* In a worker */

typedef struct
{
  GFile *file;
  JdHarLimits limits;
  JdHarProgressFunc progress;
  gpointer progress_data;
  GMainContext *context;
  gint64 last_report;
  double last_fraction;
} LoadData;

typedef struct
{
  JdHarProgressFunc progress;
  gpointer progress_data;
  double fraction;
} ProgressReport;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->context, g_main_context_unref);
  g_free (data);
}

static gboolean
report_progress (gpointer user_data)
{
  ProgressReport *report = user_data;

  report->progress (report->fraction, report->progress_data);
  return G_SOURCE_REMOVE;
}

/* In the worker: forward at most every 50 ms (and the end) to the caller's context. */
static void
worker_progress (double fraction, gpointer user_data)
{
  LoadData *data = user_data;
  gint64 now = g_get_monotonic_time ();
  ProgressReport *report;

  if (fraction < 1.0 && now - data->last_report < 50 * 1000)
    return;
  if (fraction == data->last_fraction)
    return;

  data->last_report = now;
  data->last_fraction = fraction;

  report = g_new (ProgressReport, 1);
  report->progress = data->progress;
  report->progress_data = data->progress_data;
  report->fraction = fraction;
  g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT, report_progress, report, g_free);
}

static void
load_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;
  JdHar *har;

  har = load_file (data->file, &data->limits, cancellable,
                   data->progress != NULL ? worker_progress : NULL, data, NULL, NULL, &error);
  if (har == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, har, g_object_unref);
}

void
jd_har_load_async (GFile *file, const JdHarLimits *limits, GCancellable *cancellable,
                   JdHarProgressFunc progress, gpointer progress_data, GAsyncReadyCallback callback,
                   gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (file);
  if (limits != NULL)
    data->limits = *limits;
  else
    jd_har_limits_init (&data->limits);
  data->progress = progress;
  data->progress_data = progress_data;
  data->context = g_main_context_ref_thread_default ();
  data->last_fraction = -1;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, jd_har_load_async);
  g_task_set_name (task, "jd_har_load_async");
  g_task_set_task_data (task, data, (GDestroyNotify)load_data_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, load_thread);
}

JdHar *
jd_har_load_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jd_har_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
