/* jd-session-net.c — the session's keys and requests from the network
 *
 * Fetching a JWKS, OIDC discovery and Send run here, each in a cancellable
 * the session owns, and their results are diagnosed here: the pages only
 * start them and show the session's state.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "jd-session-private.h"

struct _JdSessionNet
{
  GCancellable *keys_cancellable; /* set while fetching or discovering */
  JdRemoteKeys *remote;           /* the last fetched key set */
  GPtrArray *remote_findings;     /* what it says of the session's token */
  GCancellable *send_cancellable; /* set while a request is on its way */
};

JdSessionNet *
jd_session_net_new (void)
{
  return g_new0 (JdSessionNet, 1);
}

void
jd_session_net_free (JdSessionNet *net)
{
  if (net == NULL)
    return;
  g_cancellable_cancel (net->keys_cancellable);
  g_cancellable_cancel (net->send_cancellable);
  g_clear_object (&net->keys_cancellable);
  g_clear_object (&net->send_cancellable);
  g_clear_object (&net->remote);
  g_clear_pointer (&net->remote_findings, g_ptr_array_unref);
  g_free (net);
}

/* The timeout and size limit of the settings. */
static void
get_options (JdSession *self, JdNetOptions *options)
{
  GSettings *settings = jd_session_get_settings (self);

  options->timeout = 0;
  options->max_body = 0;
  options->flags = JD_NET_FLAGS_NONE;
  if (settings != NULL)
    {
      options->timeout = (guint)MAX (g_settings_get_int (settings, "request-timeout"), 1);
      options->max_body
        = (gsize)MAX (g_settings_get_int (settings, "response-size-limit"), 1) * 1024 * 1024;
    }
}

/* ---- Keys from the network ------------------------------------------------ */

const char *
jd_session_get_issuer (JdSession *self)
{
  JdToken *token;

  g_return_val_if_fail (JD_IS_SESSION (self), NULL);

  token = jd_session_get_token (self);
  return token ? jd_provider_get_string (jd_token_get_claims (token), "iss") : NULL;
}

char *
jd_session_dup_discovery_url (JdSession *self, GError **error)
{
  const char *iss;

  g_return_val_if_fail (JD_IS_SESSION (self), NULL);

  iss = jd_session_get_issuer (self);
  if (iss == NULL)
    return NULL;
  return jd_net_discovery_url (iss, error);
}

/* What the fetched set says for the session's token, without a refresh. */
static gboolean
diagnose_remote (JdSession *self)
{
  JdSessionNet *net = jd_session_get_net (self);

  if (net->remote == NULL)
    return FALSE;

  g_clear_pointer (&net->remote_findings, g_ptr_array_unref);
  net->remote_findings = jd_remote_keys_diagnose (net->remote, jd_session_get_token (self));
  /* The Token page ranks them too (the Azure ?appid= hint beside kid-not-found). */
  jd_session_put_extra_findings (self, "keys", net->remote_findings);
  return TRUE;
}

void
jd_session_net_token_changed (JdSession *self)
{
  if (diagnose_remote (self))
    g_object_notify (G_OBJECT (self), "remote-keys");
}

/* Keeps @remote as the fetched set and ranks what it says. */
static void
set_remote (JdSession *self, JdRemoteKeys *remote)
{
  g_set_object (&jd_session_get_net (self)->remote, remote);
  diagnose_remote (self);
  jd_session_refresh (self);
  g_object_notify (G_OBJECT (self), "remote-keys");
}

static void
remote_done (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  JdSession *self = g_task_get_source_object (task);
  gboolean discovering = GPOINTER_TO_INT (g_task_get_task_data (task));
  g_autoptr (GError) error = NULL;
  g_autoptr (JdRemoteKeys) remote = NULL;
  JdResponse *response;
  GBytes *body;

  remote = discovering ? jd_net_discover_finish (result, &error)
                       : jd_net_fetch_jwks_finish (result, &error);
  g_clear_object (&jd_session_get_net (self)->keys_cancellable);

  if (remote == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (jd_remote_keys_get_refusal (remote) != NULL)
    {
      /* Refused (OIDC Discovery §4.3, https to http): none of its keys are
       * loaded; the error finding shows both values. */
      set_remote (self, remote);
      g_task_return_new_error (task, JD_NET_ERROR, JD_NET_ERROR_DISCOVERY, "%s",
                               jd_remote_keys_get_refusal (remote));
      return;
    }

  response = jd_remote_keys_get_response (remote);
  body = response ? jd_response_get_body (response) : NULL;
  if (body == NULL)
    {
      g_task_return_new_error (task, JD_NET_ERROR, JD_NET_ERROR_KEYS, "%s",
                               _ ("The key set arrived empty."));
      return;
    }
  if (!jd_session_replace_keys (self, g_bytes_get_data (body, NULL), g_bytes_get_size (body),
                                jd_remote_keys_get_jwks_uri (remote), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  set_remote (self, remote);
  g_task_return_boolean (task, TRUE);
}

static void
start_remote (JdSession *self, gboolean discover, const char *what, GAsyncReadyCallback callback,
              gpointer user_data)
{
  JdSessionNet *net = jd_session_get_net (self);
  JdNetOptions options;
  GTask *task = g_task_new (self, NULL, callback, user_data);

  g_task_set_source_tag (task, start_remote);
  g_task_set_task_data (task, GINT_TO_POINTER (discover), NULL);
  if (net->keys_cancellable != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               "Keys are already on their way");
      g_object_unref (task);
      return;
    }

  get_options (self, &options);
  net->keys_cancellable = g_cancellable_new ();
  if (discover)
    jd_net_discover_async (what, &options, net->keys_cancellable, remote_done, task);
  else
    jd_net_fetch_jwks_async (what, &options, net->keys_cancellable, remote_done, task);
}

void
jd_session_fetch_keys_async (JdSession *self, const char *url, GAsyncReadyCallback callback,
                             gpointer user_data)
{
  g_return_if_fail (JD_IS_SESSION (self));
  g_return_if_fail (url != NULL);

  start_remote (self, FALSE, url, callback, user_data);
}

void
jd_session_discover_keys_async (JdSession *self, const char *issuer, GAsyncReadyCallback callback,
                                gpointer user_data)
{
  g_return_if_fail (JD_IS_SESSION (self));
  g_return_if_fail (issuer != NULL);

  start_remote (self, TRUE, issuer, callback, user_data);
}

gboolean
jd_session_fetch_keys_finish (JdSession *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
jd_session_get_fetching_keys (JdSession *self)
{
  g_return_val_if_fail (JD_IS_SESSION (self), FALSE);

  return jd_session_get_net (self)->keys_cancellable != NULL;
}

void
jd_session_cancel_keys (JdSession *self)
{
  g_return_if_fail (JD_IS_SESSION (self));

  g_cancellable_cancel (jd_session_get_net (self)->keys_cancellable);
}

JdRemoteKeys *
jd_session_get_remote_keys (JdSession *self)
{
  g_return_val_if_fail (JD_IS_SESSION (self), NULL);

  return jd_session_get_net (self)->remote;
}

GPtrArray *
jd_session_get_remote_keys_findings (JdSession *self)
{
  g_return_val_if_fail (JD_IS_SESSION (self), NULL);

  return jd_session_get_net (self)->remote_findings;
}

void
jd_session_forget_remote_keys (JdSession *self)
{
  JdSessionNet *net;

  g_return_if_fail (JD_IS_SESSION (self));

  net = jd_session_get_net (self);
  g_clear_object (&net->remote);
  g_clear_pointer (&net->remote_findings, g_ptr_array_unref);
  jd_session_set_extra_findings (self, "keys", NULL);
  g_object_notify (G_OBJECT (self), "remote-keys");
}

/* ---- Send ------------------------------------------------------------------ */

typedef struct
{
  JdToken *token;      /* the token the request carries, nullable */
  GPtrArray *findings; /* what its answer says */
} SendData;

static void
send_data_free (SendData *data)
{
  g_clear_object (&data->token);
  g_clear_pointer (&data->findings, g_ptr_array_unref);
  g_free (data);
}

GPtrArray *
jd_session_diagnose_response (JdSession *self, JdResponse *response, JdToken *token)
{
  g_autoptr (JdExpectations) expect = NULL;
  GPtrArray *findings;

  g_return_val_if_fail (JD_IS_SESSION (self), NULL);
  g_return_val_if_fail (JD_IS_RESPONSE (response), NULL);

  expect = jd_session_dup_expectations (self);
  findings = jd_net_response_diagnose (response, token, expect);
  /* The Token page ranks these with the token's own findings, as long as
   * it still shows the token that was sent. */
  if (token != NULL && token == jd_session_get_token (self))
    jd_session_set_extra_findings (self, "response", findings);
  return findings;
}

static void
send_done (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  JdSession *self = g_task_get_source_object (task);
  SendData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  JdResponse *response = jd_net_send_finish (result, &error);

  g_clear_object (&jd_session_get_net (self)->send_cancellable);
  if (response == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  data->findings = jd_session_diagnose_response (self, response, data->token);
  g_task_return_pointer (task, response, g_object_unref);
}

void
jd_session_send_async (JdSession *self, JdRequest *request, JdToken *token, JdNetFlags flags,
                       GAsyncReadyCallback callback, gpointer user_data)
{
  JdSessionNet *net;
  JdNetOptions options;
  SendData *data;
  GTask *task;

  g_return_if_fail (JD_IS_SESSION (self));
  g_return_if_fail (JD_IS_REQUEST (request));
  g_return_if_fail (token == NULL || JD_IS_TOKEN (token));

  net = jd_session_get_net (self);
  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, jd_session_send_async);
  data = g_new0 (SendData, 1);
  data->token = token ? g_object_ref (token) : NULL;
  g_task_set_task_data (task, data, (GDestroyNotify)send_data_free);
  if (net->send_cancellable != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               "A request is already on its way");
      g_object_unref (task);
      return;
    }

  get_options (self, &options);
  options.flags = flags;
  net->send_cancellable = g_cancellable_new ();
  jd_net_send_async (request, &options, net->send_cancellable, send_done, task);
}

JdResponse *
jd_session_send_finish (JdSession *self, GAsyncResult *result, GPtrArray **findings, GError **error)
{
  SendData *data;
  JdResponse *response;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  data = g_task_get_task_data (G_TASK (result));
  response = g_task_propagate_pointer (G_TASK (result), error);
  if (findings != NULL)
    *findings = response != NULL ? g_steal_pointer (&data->findings) : NULL;
  return response;
}

gboolean
jd_session_get_sending (JdSession *self)
{
  g_return_val_if_fail (JD_IS_SESSION (self), FALSE);

  return jd_session_get_net (self)->send_cancellable != NULL;
}

void
jd_session_cancel_send (JdSession *self)
{
  g_return_if_fail (JD_IS_SESSION (self));

  g_cancellable_cancel (jd_session_get_net (self)->send_cancellable);
}

/* ---- Another token ------------------------------------------------------- */

GPtrArray *
jd_session_diagnose_token (JdSession *self, JdToken *token)
{
  g_autoptr (JdExpectations) expect = NULL;

  g_return_val_if_fail (JD_IS_SESSION (self), NULL);
  g_return_val_if_fail (JD_IS_TOKEN (token), NULL);

  expect = jd_session_dup_expectations (self);
  return jd_diagnose (token, expect, NULL, NULL);
}

/* ---- Get a Fresh Token ---------------------------------------------------- */

static void
fresh_token_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  JdTokenAnswer *answer = jd_net_fresh_token_finish (result, &error);

  if (answer == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, answer, (GDestroyNotify)jd_token_answer_free);
}

void
jd_session_fresh_token_async (JdSession *self, const JdTokenGrant *grant, const char *issuer,
                              const JdFreshTokenUi *ui, GCancellable *cancellable,
                              GAsyncReadyCallback callback, gpointer user_data)
{
  GTask *task;

  g_return_if_fail (JD_IS_SESSION (self));
  g_return_if_fail (grant != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jd_session_fresh_token_async);
  jd_net_fresh_token_async (grant, issuer, ui, NULL, cancellable, fresh_token_done, task);
}

JdTokenAnswer *
jd_session_fresh_token_finish (JdSession *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (JD_IS_SESSION (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
