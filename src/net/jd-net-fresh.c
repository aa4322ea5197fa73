/* jd-net-fresh.c — "Get a Fresh Token" from start to end: discovery when
 * no token endpoint was typed, then the grant; the device flow's polling
 * (RFC 8628 §3.4, §3.5) and the code flow's loopback redirect on 127.0.0.1
 * (RFC 8252 §7.3) with PKCE (RFC 7636) and a checked state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "jd-net-private.h"
#include "jd-net-token.h"

#define DEVICE_DEFAULT_INTERVAL 5 /* seconds, RFC 8628 §3.2 */
#define DEVICE_SLOW_DOWN_STEP 5   /* seconds, RFC 8628 §3.5 */
#define CALLBACK_PATH "/callback"

typedef struct
{
  JdTokenGrant *grant;
  JdFreshTokenUi ui;
  JdNetOptions options;
  /* waiting (device polling, the browser) */
  GSource *wait_source;
  GSource *cancel_source;
  guint interval;  /* seconds between device polls */
  gint64 deadline; /* monotonic µs when the device code expires, 0: none */
  gint64 expires_in;
  /* the code flow */
  SoupServer *server;
  GTask *handler_task; /* the reference the callback handler holds, until it is removed */
  char *state;
} FreshData;

static void
stop_waiting (FreshData *data)
{
  if (data->wait_source != NULL)
    g_source_destroy (data->wait_source);
  g_clear_pointer (&data->wait_source, g_source_unref);
  if (data->cancel_source != NULL)
    g_source_destroy (data->cancel_source);
  g_clear_pointer (&data->cancel_source, g_source_unref);
}

static gboolean
unref_later (gpointer task)
{
  g_object_unref (task);
  return G_SOURCE_REMOVE;
}

/* Removes the loopback handler; its reference on the task goes from an idle,
 * so that the server is never disconnected from inside its own handler. */
static void
drop_handler (FreshData *data)
{
  GSource *idle;

  if (data->handler_task == NULL)
    return;
  soup_server_remove_handler (data->server, CALLBACK_PATH);
  idle = g_idle_source_new ();
  g_source_set_callback (idle, unref_later, g_steal_pointer (&data->handler_task), NULL);
  g_source_set_static_name (idle, "[jd-net] loopback done");
  g_source_attach (idle, g_main_context_get_thread_default ());
  g_source_unref (idle);
}

static void
fresh_data_free (gpointer p)
{
  FreshData *data = p;

  stop_waiting (data);
  jd_token_grant_free (data->grant);
  if (data->server != NULL)
    soup_server_disconnect (data->server);
  g_clear_object (&data->server);
  if (data->state != NULL)
    memset (data->state, 0, strlen (data->state));
  g_free (data->state);
  g_free (data);
}

static void run_grant (GTask *task);

static gboolean
on_wait_cancelled (GCancellable *cancellable, gpointer user_data)
{
  GTask *task = user_data;
  g_autoptr (GError) error = NULL;

  stop_waiting (g_task_get_task_data (task));
  drop_handler (g_task_get_task_data (task));
  g_cancellable_set_error_if_cancelled (cancellable, &error);
  g_task_return_error (task, g_steal_pointer (&error));
  return G_SOURCE_REMOVE;
}

/* Waits @seconds (then @callback with the task) or for the cancellable. The
 * sources hold the task's reference. */
static void
wait_then (GTask *task, guint seconds, GSourceFunc callback)
{
  FreshData *data = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  stop_waiting (data);
  data->wait_source = g_timeout_source_new_seconds (seconds);
  g_source_set_callback (data->wait_source, callback, g_object_ref (task), g_object_unref);
  g_source_set_static_name (data->wait_source, "[jd-net] fresh token wait");
  g_source_attach (data->wait_source, g_task_get_context (task));
  if (cancellable != NULL)
    {
      data->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (data->cancel_source, G_SOURCE_FUNC (on_wait_cancelled),
                             g_object_ref (task), g_object_unref);
      g_source_attach (data->cancel_source, g_task_get_context (task));
    }
}

/* The task returns @answer, the token endpoint's last word. */
static void
return_answer (GTask *task, JdTokenAnswer *answer)
{
  g_task_return_pointer (task, answer, (GDestroyNotify)jd_token_answer_free);
}

/* The answer of a token request; NULL once @task has returned its error. */
static JdTokenAnswer *
finish_answer (GTask *task, GAsyncResult *result)
{
  g_autoptr (GError) error = NULL;
  JdTokenAnswer *answer = jd_net_token_request_finish (result, &error);

  if (answer == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  return answer;
}

static void
on_final_answer (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  JdTokenAnswer *answer = finish_answer (task, result);

  if (answer != NULL)
    return_answer (task, answer);
}

/* A request to the token endpoint (or, with @device_endpoint, the device
 * authorization endpoint), with a new private_key_jwt assertion when the
 * UI makes them. */
static void
token_request (GTask *task, const char *device_endpoint, GAsyncReadyCallback callback)
{
  FreshData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;

  if (data->grant->auth == JD_CLIENT_AUTH_PRIVATE_KEY_JWT && data->ui.client_assertion != NULL)
    {
      char *assertion
        = data->ui.client_assertion (data->grant->token_endpoint, data->ui.user_data, &error);
      if (assertion == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      if (data->grant->client_assertion != NULL)
        memset (data->grant->client_assertion, 0, strlen (data->grant->client_assertion));
      g_free (data->grant->client_assertion);
      data->grant->client_assertion = assertion;
    }
  jd_net_token_request_async (data->grant, device_endpoint, &data->options,
                              g_task_get_cancellable (task), callback, g_object_ref (task));
}

/* ---- the device flow (RFC 8628) -------------------------------------------- */

static gboolean poll_device (gpointer user_data);

static void
on_device_polled (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  FreshData *data = g_task_get_task_data (task);
  g_autoptr (JdTokenAnswer) answer = finish_answer (task, result);

  if (answer == NULL)
    return;
  if (g_strcmp0 (answer->error, "slow_down") == 0)
    data->interval += DEVICE_SLOW_DOWN_STEP;
  if (g_strcmp0 (answer->error, "slow_down") != 0
      && g_strcmp0 (answer->error, "authorization_pending") != 0)
    {
      return_answer (task, g_steal_pointer (&answer));
      return;
    }
  if (data->deadline != 0
      && g_get_monotonic_time () + data->interval * G_USEC_PER_SEC > data->deadline)
    {
      g_task_return_new_error (task, JD_NET_ERROR, JD_NET_ERROR_AUTHORIZATION,
                               g_dngettext (GETTEXT_PACKAGE,
                                            "The device code expired after %lu second without "
                                            "approval. Start again, and enter the code at the "
                                            "verification URI in time.",
                                            "The device code expired after %lu seconds without "
                                            "approval. Start again, and enter the code at the "
                                            "verification URI in time.",
                                            (gulong)data->expires_in),
                               (gulong)data->expires_in);
      return;
    }
  wait_then (task, data->interval, poll_device);
}

static gboolean
poll_device (gpointer user_data)
{
  GTask *task = user_data;
  FreshData *data = g_task_get_task_data (task);

  stop_waiting (data);
  token_request (task, NULL, on_device_polled);
  return G_SOURCE_REMOVE;
}

static void
on_device_authorized (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  FreshData *data = g_task_get_task_data (task);
  g_autoptr (JdTokenAnswer) answer = finish_answer (task, result);

  if (answer == NULL)
    return;
  if (answer->status < 200 || answer->status > 299 || answer->device_code == NULL
      || answer->user_code == NULL || answer->verification_uri == NULL)
    {
      if (answer->error == NULL)
        {
          g_task_return_new_error (
            task, JD_NET_ERROR, JD_NET_ERROR_AUTHORIZATION,
            _ ("The device authorization endpoint answered %u without device_code, "
               "user_code and verification_uri (RFC 8628 §3.2)"),
            answer->status);
          return;
        }
      return_answer (task, g_steal_pointer (&answer));
      return;
    }
  if (data->ui.show_code != NULL)
    data->ui.show_code (answer, data->ui.user_data);
  g_free (data->grant->device_code);
  data->grant->device_code = g_strdup (answer->device_code);
  data->interval
    = answer->interval > 0 ? (guint)MIN (answer->interval, 3600) : DEVICE_DEFAULT_INTERVAL;
  data->expires_in = answer->expires_in;
  data->deadline
    = answer->expires_in > 0 ? g_get_monotonic_time () + answer->expires_in * G_USEC_PER_SEC : 0;
  wait_then (task, data->interval, poll_device);
}

/* ---- the code flow: browser and loopback redirect (RFC 8252 §7.3) ----------- */

static const char *
page_for (gboolean ok)
{
  return ok ? "<!doctype html><meta charset=utf-8><title>JWT Doctor</title>"
              "<p>Signed in. You can close this tab and go back to JWT Doctor."
            : "<!doctype html><meta charset=utf-8><title>JWT Doctor</title>"
              "<p>JWT Doctor did not get a code. Go back to JWT Doctor to read why.";
}

static void
on_callback (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
             gpointer user_data)
{
  GTask *task = user_data;
  FreshData *data = g_task_get_task_data (task);
  const char *state = query ? g_hash_table_lookup (query, "state") : NULL;
  const char *code = query ? g_hash_table_lookup (query, "code") : NULL;
  const char *error = query ? g_hash_table_lookup (query, "error") : NULL;
  gboolean ok
    = state != NULL && g_strcmp0 (state, data->state) == 0 && code != NULL && error == NULL;
  const char *page = page_for (ok);

  soup_server_message_set_status (msg, ok ? 200 : 400, NULL);
  soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_STATIC, page,
                                    strlen (page));
  /* Only one redirect is taken: later ones (a reload) get a 404. */
  g_object_ref (task);
  drop_handler (data);
  stop_waiting (data);

  if (state == NULL || g_strcmp0 (state, data->state) != 0)
    {
      /* RFC 6749 §10.12: a redirect this run did not start (CSRF), or a stale tab. */
      g_task_return_new_error (
        task, JD_NET_ERROR, JD_NET_ERROR_AUTHORIZATION,
        _ ("The browser came back to %s with a state that is not the one sent "
           "(RFC 6749 §10.12): this redirect belongs to another sign-in. Nothing "
           "was exchanged; start again."),
        data->grant->redirect_uri);
    }
  else if (error != NULL || code == NULL)
    {
      JdTokenAnswer *answer = g_new0 (JdTokenAnswer, 1);
      answer->status = 0;
      answer->expires_in = answer->interval = -1;
      answer->error = g_strdup (error ? error : "invalid_request");
      answer->error_description = g_strdup (g_hash_table_lookup (query, "error_description"));
      answer->error_uri = g_strdup (g_hash_table_lookup (query, "error_uri"));
      return_answer (task, answer);
    }
  else
    {
      data->grant->code = g_strdup (code);
      token_request (task, NULL, on_final_answer);
    }
  g_object_unref (task);
}

static gboolean
on_browser_timeout (gpointer user_data)
{
  GTask *task = user_data;
  FreshData *data = g_task_get_task_data (task);

  g_object_ref (task);
  stop_waiting (data);
  drop_handler (data);
  g_task_return_new_error (task, JD_NET_ERROR, JD_NET_ERROR_AUTHORIZATION,
                           _ ("The browser did not come back to %s within %d minutes. Finish the "
                              "sign-in in the browser tab, or start again."),
                           data->grant->redirect_uri, JD_NET_AUTHORIZE_TIMEOUT / 60);
  g_object_unref (task);
  return G_SOURCE_REMOVE;
}

static gboolean
start_loopback (GTask *task, GError **error)
{
  FreshData *data = g_task_get_task_data (task);
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autofree char *url = NULL;
  GSList *uris;
  int port;

  /* 127.0.0.1 only, a port the system picks (RFC 8252 §7.3, §8.3). */
  data->server = soup_server_new ("server-header", "jwt-doctor ", NULL);
  if (!soup_server_listen (data->server, address, 0, error))
    return FALSE;
  uris = soup_server_get_uris (data->server);
  port = g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  g_free (data->grant->redirect_uri);
  data->grant->redirect_uri = g_strdup_printf ("http://127.0.0.1:%d" CALLBACK_PATH, port);
  g_free (data->grant->code_verifier);
  data->grant->code_verifier = jd_pkce_verifier_new ();
  data->state = jd_pkce_verifier_new ();
  url = jd_token_grant_build_authorize_url (data->grant, data->grant->authorization_endpoint,
                                            data->state, error);
  if (url == NULL)
    return FALSE;
  data->handler_task = g_object_ref (task);
  soup_server_add_handler (data->server, CALLBACK_PATH, on_callback, task, NULL);
  wait_then (task, JD_NET_AUTHORIZE_TIMEOUT, on_browser_timeout);
  if (data->ui.open_uri != NULL)
    data->ui.open_uri (url, data->ui.user_data);
  return TRUE;
}

/* ---- the whole action ------------------------------------------------------ */

static gboolean
need_discovery (const JdTokenGrant *grant)
{
  return grant->token_endpoint == NULL
         || (grant->grant == JD_GRANT_AUTHORIZATION_CODE && grant->authorization_endpoint == NULL)
         || (grant->grant == JD_GRANT_DEVICE_CODE && grant->device_endpoint == NULL);
}

static void
run_grant (GTask *task)
{
  FreshData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;

  switch (data->grant->grant)
    {
      case JD_GRANT_DEVICE_CODE:
        if (data->grant->device_endpoint == NULL)
          break;
        token_request (task, data->grant->device_endpoint, on_device_authorized);
        return;
      case JD_GRANT_AUTHORIZATION_CODE:
        if (data->grant->authorization_endpoint == NULL)
          break;
        if (!start_loopback (task, &error))
          g_task_return_error (task, g_steal_pointer (&error));
        return;
      case JD_GRANT_CLIENT_CREDENTIALS:
      case JD_GRANT_REFRESH_TOKEN:
      default:
        token_request (task, NULL, on_final_answer);
        return;
    }
  g_task_return_new_error (
    task, JD_NET_ERROR, JD_NET_ERROR_DISCOVERY,
    data->grant->grant == JD_GRANT_DEVICE_CODE
      ? _ ("No device authorization endpoint: the discovery document has no "
           "\"device_authorization_endpoint\"; the provider may not offer the "
           "device grant for this client")
      : _ ("No authorization endpoint: the discovery document has no "
           "\"authorization_endpoint\""));
}

static void
on_endpoints (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  FreshData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (JdTokenEndpoints) endpoints = jd_net_discover_endpoints_finish (result, &error);

  if (endpoints == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (data->grant->token_endpoint == NULL)
    data->grant->token_endpoint = g_strdup (endpoints->token_endpoint);
  if (data->grant->authorization_endpoint == NULL)
    data->grant->authorization_endpoint = g_strdup (endpoints->authorization_endpoint);
  if (data->grant->device_endpoint == NULL)
    data->grant->device_endpoint = g_strdup (endpoints->device_authorization_endpoint);
  run_grant (task);
}

void
jd_net_fresh_token_async (const JdTokenGrant *grant, const char *issuer, const JdFreshTokenUi *ui,
                          const JdNetOptions *options, GCancellable *cancellable,
                          GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  FreshData *data = g_new0 (FreshData, 1);

  g_task_set_source_tag (task, jd_net_fresh_token_async);
  g_task_set_task_data (task, data, fresh_data_free);
  data->grant = jd_token_grant_copy (grant);
  if (ui != NULL)
    data->ui = *ui;
  _jd_net_options_resolve (options, &data->options);

  if (!need_discovery (data->grant))
    run_grant (task);
  else if (issuer == NULL)
    g_task_return_new_error (
      task, JD_NET_ERROR, JD_NET_ERROR_URL,
      _ ("No token endpoint: type its URL, or load a token whose iss names an "
         "issuer with OpenID Connect discovery"));
  else
    jd_net_discover_endpoints_async (issuer, &data->options, cancellable, on_endpoints,
                                     g_steal_pointer (&task));
}

JdTokenAnswer *
jd_net_fresh_token_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

JdTokenAnswer *
jd_net_fresh_token (const JdTokenGrant *grant, const char *issuer, const JdFreshTokenUi *ui,
                    const JdNetOptions *options, GCancellable *cancellable, GError **error)
{
  JdNetSync sync;
  JdTokenAnswer *answer;

  _jd_net_sync_init (&sync);
  jd_net_fresh_token_async (grant, issuer, ui, options, cancellable, _jd_net_sync_done, &sync);
  _jd_net_sync_wait (&sync);
  answer = jd_net_fresh_token_finish (sync.result, error);
  _jd_net_sync_clear (&sync);
  return answer;
}
