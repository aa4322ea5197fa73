/* jd-net-token.c — Get a Fresh Token: discovery, the token request, the
 * device flow's polling and the code flow's loopback redirect
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "jd-json.h"
#include "jd-net-private.h"
#include "jd-net-token.h"

void
jd_token_endpoints_free (JdTokenEndpoints *endpoints)
{
  if (endpoints == NULL)
    return;
  g_free (endpoints->discovery_url);
  g_free (endpoints->issuer);
  g_free (endpoints->token_endpoint);
  g_free (endpoints->authorization_endpoint);
  g_free (endpoints->device_authorization_endpoint);
  g_free (endpoints);
}

/* ---- discovery ------------------------------------------------------------- */

static char *
member_string (JsonObject *object, const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

static JdTokenEndpoints *
read_endpoints (JdResponse *response, const char *url, GError **error)
{
  g_autofree char *shown = jd_url_redact (url);
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GError) local = NULL;
  GBytes *body = jd_response_get_body (response);
  gsize len = 0;
  const char *data = body ? g_bytes_get_data (body, &len) : NULL;
  JdTokenEndpoints *endpoints;
  JsonObject *object;

  if (jd_response_get_status (response) < 200 || jd_response_get_status (response) > 299)
    {
      g_set_error (
        error, JD_NET_ERROR, JD_NET_ERROR_HTTP,
        _ ("GET %s answered %u: no discovery document there, so no token endpoint. Type the "
           "token endpoint URL instead."),
        shown, jd_response_get_status (response));
      return NULL;
    }
  if (data == NULL || len == 0
      || (root
          = jd_json_parse (data, len, JD_JSON_ALLOW_DUPLICATES | JD_JSON_ALLOW_BOM, NULL, &local))
           == NULL
      || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, JD_NET_ERROR, JD_NET_ERROR_DISCOVERY,
                   _ ("The discovery document at %s is not a JSON object: %s"), shown,
                   local ? local->message : _ ("the body is empty or not an object"));
      return NULL;
    }
  object = json_node_get_object (root);
  endpoints = g_new0 (JdTokenEndpoints, 1);
  endpoints->discovery_url = g_strdup (url);
  endpoints->issuer = member_string (object, "issuer");
  endpoints->token_endpoint = member_string (object, "token_endpoint");
  endpoints->authorization_endpoint = member_string (object, "authorization_endpoint");
  endpoints->device_authorization_endpoint
    = member_string (object, "device_authorization_endpoint");
  if (endpoints->token_endpoint == NULL)
    {
      g_set_error (
        error, JD_NET_ERROR, JD_NET_ERROR_DISCOVERY,
        _ ("The discovery document at %s has no \"token_endpoint\" string: type the token "
           "endpoint URL instead"),
        shown);
      jd_token_endpoints_free (endpoints);
      return NULL;
    }
  return endpoints;
}

static void
on_discovery (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JdResponse) response = jd_net_send_finish (result, &error);
  JdTokenEndpoints *endpoints;

  if (response == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  endpoints = read_endpoints (response, g_task_get_task_data (task), &error);
  if (endpoints == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, endpoints, (GDestroyNotify)jd_token_endpoints_free);
}

void
jd_net_discover_endpoints_async (const char *issuer, const JdNetOptions *options,
                                 GCancellable *cancellable, GAsyncReadyCallback callback,
                                 gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr (GError) error = NULL;
  g_autoptr (JdRequest) request = NULL;
  char *url;

  g_task_set_source_tag (task, jd_net_discover_endpoints_async);
  url = jd_net_discovery_url (issuer, &error);
  if (url == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_set_task_data (task, url, g_free);
  request = jd_request_new ("GET", url);
  jd_request_add_header (request, "Accept", "application/json");
  jd_net_send_async (request, options, cancellable, on_discovery, g_steal_pointer (&task));
}

JdTokenEndpoints *
jd_net_discover_endpoints_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- one token request ----------------------------------------------------- */

/* RFC 6749 §3.2: TLS, except for a loopback address (a test, a local IdP). */
static gboolean
check_endpoint (const char *url, GError **error)
{
  g_autoptr (GUri) uri = _jd_net_parse_url (url, error);
  g_autofree char *shown = NULL;
  const char *host;

  if (uri == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0)
    return TRUE;
  host = g_uri_get_host (uri);
  if (g_strcmp0 (host, "127.0.0.1") == 0 || g_strcmp0 (host, "::1") == 0
      || g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  shown = jd_url_redact (url);
  g_set_error (
    error, JD_NET_ERROR, JD_NET_ERROR_URL,
    _ ("%s is plain http: the client secret, the code and the tokens would cross the network "
       "in clear text (RFC 6749 §3.2 requires TLS). Use the https URL."),
    shown);
  return FALSE;
}

static void
on_token_sent (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JdResponse) response = jd_net_send_finish (result, &error);
  const char *url = g_task_get_task_data (task);
  JdTokenAnswer *answer;
  guint status;

  if (response == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  status = jd_response_get_status (response);
  if (_jd_net_is_redirect (status))
    {
      const char *location = jd_response_get_header (response, "Location");
      g_autofree char *shown = jd_url_redact (url);
      g_autofree char *shown_location = jd_url_redact (location);
      g_task_return_new_error (
        task, JD_NET_ERROR, JD_NET_ERROR_REDIRECT,
        _ ("The token endpoint %s answered %u, redirecting to “%s”. JWT Doctor does "
           "not follow a token endpoint's redirects, so the client's credentials "
           "were not sent there. Use the token_endpoint of the discovery document."),
        shown, status, shown_location);
      return;
    }
  answer = jd_token_answer_parse (status, jd_response_get_body (response), &error);
  if (answer == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, answer, (GDestroyNotify)jd_token_answer_free);
}

void
jd_net_token_request_async (const JdTokenGrant *grant, const char *device_endpoint,
                            const JdNetOptions *options, GCancellable *cancellable,
                            GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr (GError) error = NULL;
  g_autoptr (JdRequest) request = NULL;
  JdNetOptions resolved;

  g_task_set_source_tag (task, jd_net_token_request_async);
  request = device_endpoint != NULL
              ? jd_token_grant_build_device_request (grant, device_endpoint, &error)
              : jd_token_grant_build_request (grant, &error);
  if (request == NULL || !check_endpoint (jd_request_get_url (request), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_set_task_data (task, g_strdup (jd_request_get_url (request)), g_free);
  _jd_net_options_resolve (options, &resolved);
  resolved.flags |= JD_NET_NO_REDIRECTS;
  jd_net_send_async (request, &resolved, cancellable, on_token_sent, g_steal_pointer (&task));
}

JdTokenAnswer *
jd_net_token_request_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
