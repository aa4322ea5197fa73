/* jd-net.c — send a JdRequest with libsoup 3
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "jd-net.h"
#include "jd-net-private.h"
#include "jd-time.h"
#include "jd-www-authenticate.h"

G_DEFINE_QUARK (jd - net - error - quark, jd_net_error)

#define READ_CHUNK 65536

/* ------------------------------------------------------------------ */
/* What the exchange learned, attached to the JdResponse               */

typedef struct
{
  char *url;
  GPtrArray *redirects;
  char *withheld;
  char *accepted_problem;
} NetInfo;

static GQuark
net_info_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("jd-net-info");
  return quark;
}

static void
net_info_free (gpointer data)
{
  NetInfo *info = data;

  g_free (info->url);
  g_ptr_array_unref (info->redirects);
  g_free (info->withheld);
  g_free (info->accepted_problem);
  g_free (info);
}

/* The response's NetInfo; one with every field NULL for a response that
 * did not come from jd_net_send(). */
static const NetInfo *
get_info (JdResponse *response)
{
  static const NetInfo none;
  const NetInfo *info = g_object_get_qdata (G_OBJECT (response), net_info_quark ());

  return info ? info : &none;
}

const char *
jd_net_response_get_url (JdResponse *response)
{
  g_return_val_if_fail (JD_IS_RESPONSE (response), NULL);
  return get_info (response)->url;
}

GPtrArray *
jd_net_response_get_redirects (JdResponse *response)
{
  g_return_val_if_fail (JD_IS_RESPONSE (response), NULL);
  return get_info (response)->redirects;
}

const char *
jd_net_response_get_authorization_withheld (JdResponse *response)
{
  g_return_val_if_fail (JD_IS_RESPONSE (response), NULL);
  return get_info (response)->withheld;
}

const char *
jd_net_response_get_accepted_certificate_problem (JdResponse *response)
{
  g_return_val_if_fail (JD_IS_RESPONSE (response), NULL);
  return get_info (response)->accepted_problem;
}

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

void
_jd_net_options_resolve (const JdNetOptions *options, JdNetOptions *out)
{
  g_assert (out != NULL);

  if (options != NULL)
    *out = *options;
  else
    memset (out, 0, sizeof *out);
  if (out->timeout == 0)
    out->timeout = JD_NET_DEFAULT_TIMEOUT;
  if (out->max_body == 0)
    out->max_body = JD_NET_DEFAULT_MAX_BODY;
}

static int
uri_port (GUri *uri)
{
  int port = g_uri_get_port (uri);

  if (port > 0)
    return port;
  return g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0 ? 443 : 80;
}

/* RFC 6454 origin: scheme, host and port. */
static gboolean
same_origin (GUri *a, GUri *b)
{
  return g_ascii_strcasecmp (g_uri_get_scheme (a), g_uri_get_scheme (b)) == 0
         && g_ascii_strcasecmp (g_uri_get_host (a), g_uri_get_host (b)) == 0
         && uri_port (a) == uri_port (b);
}

static gboolean
is_credential_header (const char *name)
{
  return g_ascii_strcasecmp (name, "Authorization") == 0 || g_ascii_strcasecmp (name, "Cookie") == 0
         || g_ascii_strcasecmp (name, "Proxy-Authorization") == 0;
}

char *
jd_net_describe_certificate_problem (GTlsCertificateFlags flags)
{
  static const struct
  {
    GTlsCertificateFlags flag;
    const char *words;
  } problems[] = {
    { G_TLS_CERTIFICATE_UNKNOWN_CA, N_ ("it is not signed by an authority this computer trusts (a "
                                        "self-signed certificate or a private CA)") },
    { G_TLS_CERTIFICATE_BAD_IDENTITY, N_ ("it was issued for another host name") },
    { G_TLS_CERTIFICATE_NOT_ACTIVATED, N_ ("it is not valid yet (check this computer's clock)") },
    { G_TLS_CERTIFICATE_EXPIRED, N_ ("it has expired") },
    { G_TLS_CERTIFICATE_REVOKED, N_ ("it has been revoked") },
    { G_TLS_CERTIFICATE_INSECURE, N_ ("it uses an insecure algorithm") },
    { G_TLS_CERTIFICATE_GENERIC_ERROR, N_ ("it could not be checked") },
  };
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (problems); i++)
    if (flags & problems[i].flag)
      g_string_append_printf (text, "%s%s", text->len > 0 ? "; " : "", _ (problems[i].words));
  if (text->len == 0)
    g_string_append (text, _ ("it was refused for a reason the TLS library did not name"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
describe_certificate (GTlsCertificate *certificate)
{
  g_autofree char *subject = NULL;
  g_autofree char *issuer = NULL;
  g_autoptr (GDateTime) not_after = NULL;
  g_autofree char *until = NULL;

  if (certificate == NULL)
    return g_strdup ("");
  subject = g_tls_certificate_get_subject_name (certificate);
  issuer = g_tls_certificate_get_issuer_name (certificate);
  not_after = g_tls_certificate_get_not_valid_after (certificate);
  if (not_after != NULL)
    until = g_date_time_format (not_after, "%Y-%m-%d");
  /* TRANSLATORS: " (subject CN=x, issued by CN=y, valid until 2027-01-01)" */
  return g_strdup_printf (_ (" (subject %s, issued by %s, valid until %s)"),
                          subject ? subject : "?", issuer ? issuer : "?", until ? until : "?");
}

GPtrArray *
jd_net_response_diagnose (JdResponse *response, JdToken *token, const JdExpectations *expect)
{
  g_autoptr (GPtrArray) findings = NULL;
  const NetInfo *info;

  g_return_val_if_fail (JD_IS_RESPONSE (response), NULL);

  findings = jd_response_diagnose (response, token, expect);
  info = get_info (response);
  if (info->withheld != NULL)
    {
      g_autofree char *message = g_strdup_printf (
        _ ("The request was redirected to %s, another origin, and the Authorization header was not "
           "sent there (curl and browsers do the same). The answer below comes from that URL, "
           "which never saw the token."),
        info->withheld);
      jd_findings_add (findings, JD_FINDING_AUTHORIZATION_WITHHELD, JD_SEVERITY_WARNING,
                       JD_RANK_REQUEST, NULL, message,
                       _ ("Call the final URL directly (fix the base URL: scheme, host, trailing "
                          "slash), so that the token goes where the API is."));
    }
  if (info->accepted_problem != NULL)
    {
      g_autofree char *message
        = g_strdup_printf (_ ("The server's certificate was accepted for this "
                              "request only, although %s."),
                           info->accepted_problem);
      jd_findings_add (findings, JD_FINDING_CERTIFICATE_ACCEPTED, JD_SEVERITY_WARNING, JD_RANK_INFO,
                       NULL, message,
                       _ ("Clients that check certificates (all of them, by default) refuse this "
                          "server; install a certificate from a trusted authority."));
    }
  if (jd_response_get_body_truncated (response))
    {
      GBytes *body = jd_response_get_body (response);
      g_autofree char *message = g_strdup_printf (
        _ ("Only the first %zu bytes of the body were kept; the rest was dropped."),
        body ? g_bytes_get_size (body) : 0);
      jd_findings_add (findings, JD_FINDING_RESPONSE_TRUNCATED, JD_SEVERITY_INFO, JD_RANK_INFO,
                       NULL, message, NULL);
    }
  jd_findings_sort (findings);
  return g_steal_pointer (&findings);
}

/* ------------------------------------------------------------------ */
/* Sending                                                             */

typedef struct
{
  JdRequest *request;
  JdNetOptions options;
  SoupSession *session;
  SoupMessage *message;
  GCancellable *cancellable; /* ours: cancelled by the caller's or by the timer */
  GCancellable *caller_cancellable;
  gulong cancelled_id;
  GSource *timeout_source;
  gboolean timed_out;
  GInputStream *stream;
  GByteArray *body;
  gboolean truncated;
  gint64 started;
  GUri *origin;
  GUri *current;
  char *method;
  gboolean body_dropped;
  GPtrArray *redirects;
  char *withheld;
  GTlsCertificateFlags tls_errors;
  GTlsCertificate *peer_certificate;
  gboolean tls_seen;
  char *accepted_problem;
} SendData;

static void
send_data_stop (SendData *data)
{
  if (data->timeout_source != NULL)
    {
      g_source_destroy (data->timeout_source);
      g_clear_pointer (&data->timeout_source, g_source_unref);
    }
  if (data->cancelled_id != 0)
    {
      /* Not g_cancellable_disconnect(): this may run inside the caller's
       * own cancel (a GTask can complete synchronously there), where that
       * would wait for itself. */
      g_signal_handler_disconnect (data->caller_cancellable, data->cancelled_id);
      data->cancelled_id = 0;
    }
}

static void
send_data_free (gpointer p)
{
  SendData *data = p;

  send_data_stop (data);
  g_clear_object (&data->request);
  if (data->message != NULL)
    g_signal_handlers_disconnect_by_data (data->message, data);
  g_clear_object (&data->message);
  g_clear_object (&data->stream);
  g_clear_object (&data->session);
  g_clear_object (&data->cancellable);
  g_clear_object (&data->caller_cancellable);
  g_clear_pointer (&data->body, g_byte_array_unref);
  g_clear_pointer (&data->origin, g_uri_unref);
  g_clear_pointer (&data->current, g_uri_unref);
  g_free (data->method);
  g_clear_pointer (&data->redirects, g_ptr_array_unref);
  g_free (data->withheld);
  g_clear_object (&data->peer_certificate);
  g_free (data->accepted_problem);
  g_free (data);
}

static void start_hop (GTask *task);

static gboolean
on_timeout (gpointer user_data)
{
  SendData *data = user_data;
  g_autoptr (GSource) source = g_steal_pointer (&data->timeout_source);
  g_autoptr (GCancellable) cancellable = g_object_ref (data->cancellable);

  data->timed_out = TRUE;
  /* The operation may complete, and @data be freed, inside this call. */
  g_cancellable_cancel (cancellable);
  return G_SOURCE_REMOVE;
}

static void
on_caller_cancelled (GCancellable *caller, gpointer user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

static gboolean
on_accept_certificate (SoupMessage *message, GTlsCertificate *certificate,
                       GTlsCertificateFlags errors, gpointer user_data)
{
  SendData *data = user_data;

  data->tls_seen = TRUE;
  data->tls_errors = errors;
  g_set_object (&data->peer_certificate, certificate);
  if (data->options.flags & JD_NET_ACCEPT_INVALID_CERTIFICATE)
    {
      g_autofree char *words = jd_net_describe_certificate_problem (errors);
      g_autofree char *which = describe_certificate (certificate);
      g_free (data->accepted_problem);
      data->accepted_problem = g_strdup_printf ("%s%s", words, which);
      return TRUE;
    }
  return FALSE;
}

static void
return_error (GTask *task, GError *error)
{
  SendData *data = g_task_get_task_data (task);
  const char *host = g_uri_get_host (data->current);
  g_autofree char *full = g_uri_to_string (data->current);
  g_autofree char *url = jd_url_redact (full);

  send_data_stop (data);

  if ((data->timed_out && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    {
      g_task_return_new_error (
        task, JD_NET_ERROR, JD_NET_ERROR_TIMEOUT,
        g_dngettext (GETTEXT_PACKAGE, "%s did not answer completely within %u second",
                     "%s did not answer completely within %u seconds", data->options.timeout),
        url, data->options.timeout);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_error_copy (error));
    }
  else if (error->domain == G_TLS_ERROR && data->tls_seen)
    {
      g_autofree char *words = jd_net_describe_certificate_problem (data->tls_errors);
      g_autofree char *which = describe_certificate (data->peer_certificate);
      g_task_return_new_error (
        task, JD_NET_ERROR, JD_NET_ERROR_TLS,
        _ ("The certificate of %s was refused: %s%s. Accept it only if you "
           "trust this server, and only for this request (the option to accept "
           "an invalid certificate)."),
        host, words, which);
    }
  else if (error->domain == G_TLS_ERROR)
    {
      g_task_return_new_error (task, JD_NET_ERROR, JD_NET_ERROR_TLS,
                               _ ("The TLS connection to %s failed: %s"), host, error->message);
    }
  else
    {
      g_task_return_new_error (task, JD_NET_ERROR, JD_NET_ERROR_CONNECT,
                               _ ("Could not reach %s: %s"), url, error->message);
    }
}

static void
complete (GTask *task)
{
  SendData *data = g_task_get_task_data (task);
  g_autoptr (JdResponse) response = NULL;
  g_autoptr (GBytes) body = NULL;
  SoupMessageHeadersIter iter;
  const char *name, *value;
  NetInfo *info;
  const char *version;

  send_data_stop (data);

  response = jd_response_new (soup_message_get_status (data->message),
                              soup_message_get_reason_phrase (data->message));
  switch (soup_message_get_http_version (data->message))
    {
      case SOUP_HTTP_1_0:
        version = "HTTP/1.0";
        break;
      case SOUP_HTTP_2_0:
        version = "HTTP/2";
        break;
      case SOUP_HTTP_1_1:
      default:
        version = "HTTP/1.1";
        break;
    }
  jd_response_set_http_version (response, version);

  soup_message_headers_iter_init (&iter, soup_message_get_response_headers (data->message));
  while (soup_message_headers_iter_next (&iter, &name, &value))
    jd_response_add_header (response, name, value);

  body = g_byte_array_free_to_bytes (g_steal_pointer (&data->body));
  jd_response_set_body (response, body, data->truncated);
  jd_response_set_elapsed_ms (response, (g_get_monotonic_time () - data->started) / 1000.0);

  info = g_new0 (NetInfo, 1);
  info->url = g_uri_to_string_partial (data->current, G_URI_HIDE_PASSWORD);
  info->redirects = g_ptr_array_ref (data->redirects);
  info->withheld = g_strdup (data->withheld);
  info->accepted_problem = g_strdup (data->accepted_problem);
  g_object_set_qdata_full (G_OBJECT (response), net_info_quark (), info, net_info_free);

  g_task_return_pointer (task, g_steal_pointer (&response), g_object_unref);
}

static void
on_closed (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;

  /* Closing a body we stopped reading may fail; the answer is complete anyway. */
  g_input_stream_close_finish (G_INPUT_STREAM (source), result, NULL);
  complete (task);
}

static void read_more (GTask *task);

static void
on_read (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  SendData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;

  bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);
  if (bytes == NULL)
    {
      return_error (task, error);
      return;
    }
  if (g_bytes_get_size (bytes) == 0)
    {
      g_input_stream_close_async (data->stream, G_PRIORITY_DEFAULT, NULL, on_closed,
                                  g_steal_pointer (&task));
      return;
    }
  g_byte_array_append (data->body, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  if (data->body->len > data->options.max_body)
    {
      /* The rest is dropped: closing the stream closes the connection. */
      data->truncated = TRUE;
      g_byte_array_set_size (data->body, data->options.max_body);
      g_input_stream_close_async (data->stream, G_PRIORITY_DEFAULT, NULL, on_closed,
                                  g_steal_pointer (&task));
      return;
    }
  read_more (g_steal_pointer (&task));
}

static void
read_more (GTask *task)
{
  SendData *data = g_task_get_task_data (task);
  gsize want = MIN ((gsize)READ_CHUNK, data->options.max_body + 1 - data->body->len);

  g_input_stream_read_bytes_async (data->stream, want, G_PRIORITY_DEFAULT, data->cancellable,
                                   on_read, task);
}

gboolean
_jd_net_is_redirect (guint status)
{
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

static void
on_sent (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  SendData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (GInputStream) stream = NULL;
  guint status;
  const char *location;
  g_autoptr (GUri) next = NULL;
  g_autofree char *current_url = NULL;
  g_autofree char *next_url = NULL;

  stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (stream == NULL)
    {
      return_error (task, error);
      return;
    }

  status = soup_message_get_status (data->message);
  location
    = soup_message_headers_get_one (soup_message_get_response_headers (data->message), "Location");
  if (!_jd_net_is_redirect (status) || location == NULL
      || (data->options.flags & JD_NET_NO_REDIRECTS))
    {
      data->stream = g_steal_pointer (&stream);
      read_more (g_steal_pointer (&task));
      return;
    }

  /* A redirect: followed by hand, so that we decide which headers go on. */
  current_url = g_uri_to_string_partial (data->current, G_URI_HIDE_PASSWORD);
  g_input_stream_close_async (stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);

  if (data->redirects->len >= JD_NET_MAX_REDIRECTS)
    {
      g_autofree char *shown = jd_url_redact (current_url);
      send_data_stop (data);
      g_task_return_new_error (task, JD_NET_ERROR, JD_NET_ERROR_REDIRECT,
                               _ ("More than %d redirects; the last came from %s"),
                               JD_NET_MAX_REDIRECTS, shown);
      return;
    }
  next = g_uri_parse_relative (data->current, location, SOUP_HTTP_URI_FLAGS, NULL);
  if (next == NULL
      || (g_ascii_strcasecmp (g_uri_get_scheme (next), "http") != 0
          && g_ascii_strcasecmp (g_uri_get_scheme (next), "https") != 0)
      || g_uri_get_host (next) == NULL)
    {
      g_autofree char *shown = jd_url_redact (current_url);
      g_autofree char *shown_location = jd_url_redact (location);
      send_data_stop (data);
      g_task_return_new_error (task, JD_NET_ERROR, JD_NET_ERROR_REDIRECT,
                               _ ("%s redirected (%u) to \"%s\", which is not an http(s) URL"),
                               shown, status, shown_location);
      return;
    }

  g_ptr_array_add (data->redirects, g_steal_pointer (&current_url));

  /* RFC 9110 §15.4: 303 turns into GET; 301/302 after POST do too, as
   * every browser and curl do; 307/308 keep the method and the body. */
  if ((status == 303 && g_ascii_strcasecmp (data->method, "HEAD") != 0)
      || ((status == 301 || status == 302) && g_ascii_strcasecmp (data->method, "POST") == 0))
    {
      g_free (data->method);
      data->method = g_strdup ("GET");
      data->body_dropped = TRUE;
    }

  if (!same_origin (data->origin, next) && data->withheld == NULL)
    {
      GPtrArray *headers = jd_request_get_headers (data->request);
      for (guint i = 0; i < headers->len; i++)
        {
          const JdHeader *header = g_ptr_array_index (headers, i);
          if (g_ascii_strcasecmp (header->name, "Authorization") == 0)
            {
              data->withheld = g_uri_to_string_partial (next, G_URI_HIDE_PASSWORD);
              break;
            }
        }
    }

  g_uri_unref (data->current);
  data->current = g_steal_pointer (&next);
  start_hop (g_steal_pointer (&task));
}

static void
start_hop (GTask *task)
{
  SendData *data = g_task_get_task_data (task);
  SoupMessageHeaders *headers;
  GPtrArray *request_headers;
  gboolean credentials = same_origin (data->origin, data->current);
  gboolean has_user_agent = FALSE;
  GBytes *body;

  if (data->message != NULL)
    g_signal_handlers_disconnect_by_data (data->message, data);
  g_clear_object (&data->message);

  data->message = soup_message_new_from_uri (data->method, data->current);
  soup_message_add_flags (data->message, SOUP_MESSAGE_NO_REDIRECT);
  headers = soup_message_get_request_headers (data->message);

  request_headers = jd_request_get_headers (data->request);
  for (guint i = 0; i < request_headers->len; i++)
    {
      const JdHeader *header = g_ptr_array_index (request_headers, i);

      if (!credentials && is_credential_header (header->name))
        continue;
      if (g_ascii_strcasecmp (header->name, "Host") == 0
          || g_ascii_strcasecmp (header->name, "Content-Length") == 0
          || g_ascii_strcasecmp (header->name, "Transfer-Encoding") == 0 || header->name[0] == ':')
        continue;
      if (data->body_dropped && g_ascii_strcasecmp (header->name, "Content-Type") == 0)
        continue;
      if (g_ascii_strcasecmp (header->name, "User-Agent") == 0)
        has_user_agent = TRUE;
      soup_message_headers_append (headers, header->name, header->value);
    }
  if (!has_user_agent)
    soup_message_headers_append (headers, "User-Agent", "jwt-doctor/" PACKAGE_VERSION);

  body = jd_request_get_body (data->request);
  if (body != NULL && !data->body_dropped)
    soup_message_set_request_body_from_bytes (data->message, NULL, body);

  g_signal_connect (data->message, "accept-certificate", G_CALLBACK (on_accept_certificate), data);
  soup_session_send_async (data->session, data->message, G_PRIORITY_DEFAULT, data->cancellable,
                           on_sent, task);
}

void
jd_net_send_async (JdRequest *request, const JdNetOptions *options, GCancellable *cancellable,
                   GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GUri) uri = NULL;
  SendData *data;

  g_return_if_fail (JD_IS_REQUEST (request));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, jd_net_send_async);
  g_task_set_name (task, "jd_net_send_async");

  uri = _jd_net_parse_url (jd_request_get_url (request), &error);
  if (uri == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  {
    GPtrArray *headers = jd_request_get_headers (request);
    for (guint i = 0; i < headers->len; i++)
      {
        const JdHeader *header = g_ptr_array_index (headers, i);
        if (!_jd_net_check_header (header->name, header->value, &error))
          {
            g_task_return_error (task, g_steal_pointer (&error));
            return;
          }
      }
  }

  data = g_new0 (SendData, 1);
  g_task_set_task_data (task, data, send_data_free);
  _jd_net_options_resolve (options, &data->options);
  data->request = jd_request_copy (request);
  data->method
    = g_strdup (jd_request_get_method (request) ? jd_request_get_method (request) : "GET");
  data->origin = g_uri_ref (uri);
  data->current = g_steal_pointer (&uri);
  data->redirects = g_ptr_array_new_with_free_func (g_free);
  data->body = g_byte_array_new ();
  data->started = g_get_monotonic_time ();
  data->cancellable = g_cancellable_new ();
  /* Created here, so it belongs to the caller's thread-default main context. */
  data->session = soup_session_new_with_options ("timeout", data->options.timeout, "idle-timeout",
                                                 data->options.timeout, NULL);

  if (cancellable != NULL)
    {
      data->caller_cancellable = g_object_ref (cancellable);
      data->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (on_caller_cancelled),
                                                  g_object_ref (data->cancellable), g_object_unref);
    }

  data->timeout_source
    = g_timeout_source_new ((guint)MIN ((guint64)data->options.timeout * 1000, G_MAXUINT));
  g_source_set_callback (data->timeout_source, on_timeout, data, NULL);
  g_source_set_static_name (data->timeout_source, "[jd-net] timeout");
  g_source_attach (data->timeout_source, g_task_get_context (task));

  start_hop (g_steal_pointer (&task));
}

JdResponse *
jd_net_send_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jd_net_send_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------ */
/* Running an async call to completion on a private main context       */

void
_jd_net_sync_init (JdNetSync *sync)
{
  sync->context = g_main_context_new ();
  sync->result = NULL;
  g_main_context_push_thread_default (sync->context);
}

void
_jd_net_sync_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  JdNetSync *sync = user_data;

  sync->result = g_object_ref (result);
}

void
_jd_net_sync_wait (JdNetSync *sync)
{
  while (sync->result == NULL)
    g_main_context_iteration (sync->context, TRUE);
}

void
_jd_net_sync_clear (JdNetSync *sync)
{
  g_clear_object (&sync->result);
  /* Let libsoup finish what it closes from idle callbacks. */
  while (g_main_context_iteration (sync->context, FALSE))
    ;
  g_main_context_pop_thread_default (sync->context);
  g_clear_pointer (&sync->context, g_main_context_unref);
}

JdResponse *
jd_net_send (JdRequest *request, const JdNetOptions *options, GCancellable *cancellable,
             GError **error)
{
  JdNetSync sync;
  JdResponse *response;

  g_return_val_if_fail (JD_IS_REQUEST (request), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  _jd_net_sync_init (&sync);
  jd_net_send_async (request, options, cancellable, _jd_net_sync_done, &sync);
  _jd_net_sync_wait (&sync);
  response = jd_net_send_finish (sync.result, error);
  _jd_net_sync_clear (&sync);
  return response;
}
