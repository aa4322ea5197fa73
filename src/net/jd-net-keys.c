/* jd-net-keys.c — a JWKS by URL, and OIDC discovery from a token's iss
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "jd-diagnosis.h"
#include "jd-net.h"
#include "jd-net-private.h"
#include "jd-json.h"
#include "jd-www-authenticate.h"
#include "jd-net-key-trust.h"

/* ------------------------------------------------------------------ */
/* JdRemoteKeys                                                        */

struct _JdRemoteKeys
{
  GObject parent_instance;

  JdKeySet *key_set;
  char *jwks_uri;
  char *issuer;
  char *discovery_url;
  char *discovered_issuer;
  GDateTime *fetched_at;
  gint64 cache_lifetime;
  char *cache_explanation;
  JdResponse *response;
  char *refusal;          /* why its keys were not used (jd-net-key-trust.c), or NULL */
  const char *refusal_id; /* the finding id of the refusal */
};

G_DEFINE_FINAL_TYPE (JdRemoteKeys, jd_remote_keys, G_TYPE_OBJECT)

static void
jd_remote_keys_finalize (GObject *object)
{
  JdRemoteKeys *self = JD_REMOTE_KEYS (object);

  g_clear_object (&self->key_set);
  g_free (self->jwks_uri);
  g_free (self->issuer);
  g_free (self->discovery_url);
  g_free (self->discovered_issuer);
  g_clear_pointer (&self->fetched_at, g_date_time_unref);
  g_free (self->cache_explanation);
  g_clear_object (&self->response);
  g_free (self->refusal);

  G_OBJECT_CLASS (jd_remote_keys_parent_class)->finalize (object);
}

static void
jd_remote_keys_class_init (JdRemoteKeysClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jd_remote_keys_finalize;
}

static void
jd_remote_keys_init (JdRemoteKeys *self)
{
  self->cache_lifetime = -1;
}

const char *
jd_remote_keys_get_refusal (JdRemoteKeys *self)
{
  g_return_val_if_fail (JD_IS_REMOTE_KEYS (self), NULL);
  return self->refusal;
}

JdKeySet *
jd_remote_keys_get_key_set (JdRemoteKeys *self)
{
  g_return_val_if_fail (JD_IS_REMOTE_KEYS (self), NULL);
  return self->key_set;
}

const char *
jd_remote_keys_get_jwks_uri (JdRemoteKeys *self)
{
  g_return_val_if_fail (JD_IS_REMOTE_KEYS (self), NULL);
  return self->jwks_uri;
}

const char *
jd_remote_keys_get_issuer (JdRemoteKeys *self)
{
  g_return_val_if_fail (JD_IS_REMOTE_KEYS (self), NULL);
  return self->issuer;
}

const char *
jd_remote_keys_get_discovery_url (JdRemoteKeys *self)
{
  g_return_val_if_fail (JD_IS_REMOTE_KEYS (self), NULL);
  return self->discovery_url;
}

const char *
jd_remote_keys_get_discovered_issuer (JdRemoteKeys *self)
{
  g_return_val_if_fail (JD_IS_REMOTE_KEYS (self), NULL);
  return self->discovered_issuer;
}

GDateTime *
jd_remote_keys_get_fetched_at (JdRemoteKeys *self)
{
  g_return_val_if_fail (JD_IS_REMOTE_KEYS (self), NULL);
  return self->fetched_at;
}

gint64
jd_remote_keys_get_cache_lifetime (JdRemoteKeys *self)
{
  g_return_val_if_fail (JD_IS_REMOTE_KEYS (self), -1);
  return self->cache_lifetime;
}

const char *
jd_remote_keys_get_cache_explanation (JdRemoteKeys *self)
{
  g_return_val_if_fail (JD_IS_REMOTE_KEYS (self), NULL);
  return self->cache_explanation;
}

JdResponse *
jd_remote_keys_get_response (JdRemoteKeys *self)
{
  g_return_val_if_fail (JD_IS_REMOTE_KEYS (self), NULL);
  return self->response;
}

/* ------------------------------------------------------------------ */
/* Azure AD / Entra ID                                                  */

char *
jd_net_discovery_url (const char *issuer, GError **error)
{
  g_autoptr (GUri) uri = NULL;
  g_autofree char *base = NULL;
  gsize len;

  g_return_val_if_fail (issuer != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (*issuer == '\0')
    {
      g_set_error (error, JD_NET_ERROR, JD_NET_ERROR_URL,
                   _ ("The token has an empty iss: there is no issuer to discover"));
      return NULL;
    }
  uri = _jd_net_parse_url (issuer, NULL);
  if (uri == NULL)
    {
      g_autofree char *shown = jd_url_redact (issuer);
      g_set_error (error, JD_NET_ERROR, JD_NET_ERROR_URL,
                   _ ("iss \"%s\" is not an http(s) URL, so it has no OpenID Connect discovery "
                      "document; find the key set's URL in the provider's documentation"),
                   shown);
      return NULL;
    }
  if (g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    {
      g_autofree char *shown = jd_url_redact (issuer);
      g_set_error (
        error, JD_NET_ERROR, JD_NET_ERROR_URL,
        _ ("iss \"%s\" has a query or fragment, which an OpenID Connect issuer may not have"),
        shown);
      return NULL;
    }

  /* OIDC Discovery 1.0 §4: remove any terminating "/" before appending. */
  base = g_strdup (issuer);
  len = strlen (base);
  while (len > 0 && base[len - 1] == '/')
    base[--len] = '\0';
  return g_strconcat (base, "/.well-known/openid-configuration", NULL);
}

char *
jd_net_azure_appid_discovery_url (const char *issuer, const char *appid)
{
  g_autofree char *url = NULL;
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (issuer != NULL, NULL);

  if (!jd_azure_issuer_parse (issuer, NULL, NULL)
      || (url = jd_net_discovery_url (issuer, NULL)) == NULL)
    return NULL;
  escaped = g_uri_escape_string (appid != NULL && *appid ? appid : "<application-id>", NULL, FALSE);
  return g_strconcat (url, "?appid=", escaped, NULL);
}

/* ------------------------------------------------------------------ */
/* Findings                                                            */

static const char *
claim_string (JdToken *token, const char *name)
{
  JsonObject *claims = token ? jd_token_get_claims (token) : NULL;
  JsonNode *node;

  if (claims == NULL || !json_object_has_member (claims, name))
    return NULL;
  node = json_object_get_member (claims, name);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
key_set_has_kid (JdKeySet *set, const char *kid)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (set));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (JdKey) key = g_list_model_get_item (G_LIST_MODEL (set), i);
      if (g_strcmp0 (jd_key_get_kid (key), kid) == 0)
        return TRUE;
    }
  return FALSE;
}

GPtrArray *
jd_remote_keys_diagnose (JdRemoteKeys *self, JdToken *token)
{
  g_autoptr (GPtrArray) findings = NULL;
  g_autofree char *when = NULL;
  g_autofree char *message = NULL;
  g_autofree char *jwks_uri = NULL;
  g_autofree char *discovery_url = NULL;
  const char *iss, *kid;
  guint n_keys;

  g_return_val_if_fail (JD_IS_REMOTE_KEYS (self), NULL);
  g_return_val_if_fail (token == NULL || JD_IS_TOKEN (token), NULL);

  /* Findings end up in reports and the clipboard: no query or userinfo. */
  jwks_uri = jd_url_redact (self->jwks_uri);
  if (self->discovery_url != NULL)
    discovery_url = jd_url_redact (self->discovery_url);
  findings = g_ptr_array_new_with_free_func (g_object_unref);
  n_keys = g_list_model_get_n_items (G_LIST_MODEL (self->key_set));
  when = g_date_time_format (self->fetched_at, "%Y-%m-%d %H:%M:%S UTC");

  if (self->refusal != NULL)
    {
      /* Refused before any key was fetched: the set is empty, and the
       * error shows both values (jd-net-key-trust.c). */
      jd_findings_add (findings, self->refusal_id, JD_SEVERITY_ERROR,
                       g_str_equal (self->refusal_id, JD_FINDING_DISCOVERY_ISSUER_MISMATCH)
                         ? JD_RANK_ISSUER
                         : JD_RANK_KID,
                       "iss", self->refusal,
                       g_str_equal (self->refusal_id, JD_FINDING_DISCOVERY_ISSUER_MISMATCH)
                         ? _ ("Discover from the issuer exactly as the identity provider writes it "
                              "in its discovery document (compare the trailing slash, the scheme "
                              "and the tenant part), and make the API trust that same value.")
                         : _ ("Make the identity provider publish its jwks_uri over https, or give "
                              "the key set with --jwks / the Keys page yourself."));
      jd_findings_sort (findings);
      return g_steal_pointer (&findings);
    }

  if (self->discovery_url != NULL)
    message = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "Fetched %u key from %s (found through %s) at %s.\n%s",
                   "Fetched %u keys from %s (found through %s) at %s.\n%s", n_keys),
      n_keys, jwks_uri, discovery_url, when, self->cache_explanation);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Fetched %u key from %s at %s.\n%s",
                                            "Fetched %u keys from %s at %s.\n%s", n_keys),
                               n_keys, jwks_uri, when, self->cache_explanation);
  jd_findings_add (
    findings, JD_FINDING_JWKS_FETCHED, JD_SEVERITY_INFO, JD_RANK_KID, "kid", message,
    _ ("A key that appeared after a verifier last fetched this set stays unknown to it "
       "until its cache expires; restarting the verifier or clearing its JWKS cache "
       "picks it up at once."));

  {
    g_autofree char *insecure = jd_net_insecure_jwks_warning (self->jwks_uri);
    if (insecure != NULL)
      jd_findings_add (findings, JD_FINDING_JWKS_INSECURE_TRANSPORT, JD_SEVERITY_WARNING,
                       JD_RANK_SIGNATURE, NULL, insecure,
                       _ ("Fetch the key set over https; plain http is fine only on this machine "
                          "(a local Keycloak or dev server)."));
  }

  iss = claim_string (token, "iss");
  kid = token ? jd_token_get_kid (token) : NULL;
  if (kid != NULL && !key_set_has_kid (self->key_set, kid)
      && jd_azure_issuer_parse (iss, NULL, NULL))
    {
      const char *appid = claim_string (token, "appid");
      g_autofree char *url = NULL;
      g_autofree char *text = NULL;

      if (appid == NULL)
        appid = claim_string (token, "azp");
      url = jd_net_azure_appid_discovery_url (iss, appid);
      text = g_strdup_printf (
        _ (
          "The token's kid \"%s\" is not in the tenant's key set. Azure AD (Entra ID) signs tokens "
          "for applications that have their own signing keys (claims mapping, custom signing "
          "keys) with a key published only in the application's discovery document: %s"),
        kid, url);
      jd_findings_add (
        findings, JD_FINDING_AZURE_APPID_DISCOVERY, JD_SEVERITY_INFO, JD_RANK_KID, "kid", text,
        _ ("Fetch the keys through the ?appid= discovery URL, and configure the verifier "
           "with that metadata address for this application."));
    }

  jd_findings_sort (findings);
  return g_steal_pointer (&findings);
}

/* ------------------------------------------------------------------ */
/* Fetching                                                            */

typedef struct
{
  JdNetOptions options;
  char *url;           /* what is being fetched now */
  char *issuer;        /* discovery only */
  char *discovery_url; /* discovery only */
  char *discovered_issuer;
} FetchData;

static void
fetch_data_free (gpointer p)
{
  FetchData *data = p;

  g_free (data->url);
  g_free (data->issuer);
  g_free (data->discovery_url);
  g_free (data->discovered_issuer);
  g_free (data);
}

static void
get (const char *url, const JdNetOptions *options, const char *accept, GCancellable *cancellable,
     GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (JdRequest) request = jd_request_new ("GET", url);

  jd_request_add_header (request, "Accept", accept);
  jd_net_send_async (request, options, cancellable, callback, user_data);
}

/* A usable answer: 2xx with the whole body. */
static gboolean
check_response (JdResponse *response, const char *url, const char *what, gsize max_body,
                GError **error)
{
  guint status = jd_response_get_status (response);
  g_autofree char *shown = jd_url_redact (url);

  if (status < 200 || status > 299)
    {
      const char *reason = jd_response_get_reason (response);
      /* TRANSLATORS: "GET https://… answered 404 Not Found: no key set there." */
      g_set_error (error, JD_NET_ERROR, JD_NET_ERROR_HTTP, _ ("GET %s answered %u %s: no %s there"),
                   shown, status, reason ? reason : "", what);
      return FALSE;
    }
  if (jd_response_get_body_truncated (response))
    {
      g_set_error (error, JD_NET_ERROR, JD_NET_ERROR_TOO_LARGE,
                   _ ("The %s at %s is larger than %zu bytes; it was not read"), what, shown,
                   max_body);
      return FALSE;
    }
  return TRUE;
}

static void
on_jwks (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  FetchData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (JdResponse) response = NULL;
  g_autoptr (JdRemoteKeys) keys = NULL;
  g_autoptr (JdKeySet) set = NULL;
  g_autofree char *shown = NULL;
  GBytes *body;
  gsize len = 0;
  const char *bytes;

  response = jd_net_send_finish (result, &error);
  if (response == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!check_response (response, data->url, _ ("key set"), data->options.max_body, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  body = jd_response_get_body (response);
  bytes = body ? g_bytes_get_data (body, &len) : NULL;
  set = jd_key_set_new ();
  shown = jd_url_redact (data->url);
  /* the source name goes into the key set's messages */
  if (!jd_key_set_load_data (set, bytes ? bytes : "", len, shown, &error))
    {
      if (strstr (error->message, shown) != NULL)
        g_task_return_new_error (task, JD_NET_ERROR, JD_NET_ERROR_KEYS, "%s", error->message);
      else
        g_task_return_new_error (task, JD_NET_ERROR, JD_NET_ERROR_KEYS, _ ("The key set at %s: %s"),
                                 shown, error->message);
      return;
    }

  keys = g_object_new (JD_TYPE_REMOTE_KEYS, NULL);
  keys->key_set = g_steal_pointer (&set);
  keys->jwks_uri = g_strdup (jd_net_response_get_url (response) ? jd_net_response_get_url (response)
                                                                : data->url);
  keys->issuer = g_strdup (data->issuer);
  keys->discovery_url = g_strdup (data->discovery_url);
  keys->discovered_issuer = g_strdup (data->discovered_issuer);
  keys->fetched_at = g_date_time_new_now_utc ();
  keys->cache_lifetime = jd_net_cache_lifetime (response, g_date_time_to_unix (keys->fetched_at),
                                                &keys->cache_explanation);
  keys->response = g_steal_pointer (&response);
  g_task_return_pointer (task, g_steal_pointer (&keys), g_object_unref);
}

void
jd_net_fetch_jwks_async (const char *url, const JdNetOptions *options, GCancellable *cancellable,
                         GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  FetchData *data;

  g_return_if_fail (url != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, jd_net_fetch_jwks_async);
  data = g_new0 (FetchData, 1);
  _jd_net_options_resolve (options, &data->options);
  data->url = g_strdup (url);
  g_task_set_task_data (task, data, fetch_data_free);

  get (url, &data->options, "application/jwk-set+json, application/json", cancellable, on_jwks,
       g_steal_pointer (&task));
}

JdRemoteKeys *
jd_net_fetch_jwks_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jd_net_fetch_jwks_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

JdRemoteKeys *
jd_net_fetch_jwks (const char *url, const JdNetOptions *options, GCancellable *cancellable,
                   GError **error)
{
  JdNetSync sync;
  JdRemoteKeys *keys;

  g_return_val_if_fail (url != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  _jd_net_sync_init (&sync);
  jd_net_fetch_jwks_async (url, options, cancellable, _jd_net_sync_done, &sync);
  _jd_net_sync_wait (&sync);
  keys = jd_net_fetch_jwks_finish (sync.result, error);
  _jd_net_sync_clear (&sync);
  return keys;
}

/* ------------------------------------------------------------------ */
/* Discovery                                                           */

/* The discovery document @response holds, as a JSON object, or NULL with
 * @error saying why not (404, not JSON, not an object…). */
static JsonNode *
read_discovery_document (FetchData *data, JdResponse *response, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (JsonNode) root = NULL;
  GBytes *body;
  gsize len = 0;
  const char *bytes;
  /* for messages: the URLs without userinfo or query */
  g_autofree char *shown_url = jd_url_redact (data->discovery_url);
  g_autofree char *shown_issuer = jd_url_redact (data->issuer);

  if (jd_response_get_status (response) == 404 || jd_response_get_status (response) == 410)
    {
      g_set_error (error, JD_NET_ERROR, JD_NET_ERROR_HTTP,
                   _ ("GET %s answered %u: the issuer \"%s\" publishes no OpenID Connect "
                      "discovery document there. Check iss for a typo or a missing path "
                      "(a tenant, a realm, \"/v2.0\"); a plain OAuth server may publish "
                      "/.well-known/oauth-authorization-server (RFC 8414) instead, or "
                      "name its key set URL only in its documentation."),
                   shown_url, jd_response_get_status (response), shown_issuer);
      return NULL;
    }
  if (!check_response (response, data->discovery_url, _ ("discovery document"),
                       data->options.max_body, error))
    return NULL;

  body = jd_response_get_body (response);
  bytes = body ? g_bytes_get_data (body, &len) : NULL;
  /* jd_json_parse() and not json-glib's parser: the document comes from
   * the network, and json-glib recurses without a limit, so a deeply
   * nested document would overflow the stack. The error says at which byte. */
  if (bytes == NULL || len == 0
      || (root = jd_json_parse (bytes, len, JD_JSON_ALLOW_DUPLICATES | JD_JSON_ALLOW_BOM, NULL,
                                &local_error))
           == NULL)
    {
      g_set_error (error, JD_NET_ERROR, JD_NET_ERROR_DISCOVERY,
                   _ ("The discovery document at %s is not JSON: %s"), shown_url,
                   local_error ? local_error->message : _ ("the body is empty"));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, JD_NET_ERROR, JD_NET_ERROR_DISCOVERY,
                   _ ("The discovery document at %s is not a JSON object"), shown_url);
      return NULL;
    }
  return g_steal_pointer (&root);
}

/* The document's "jwks_uri" (its "issuer" kept in @data), or NULL with
 * @error set when it has none. */
static const char *
discovered_jwks_uri (FetchData *data, JsonObject *object, GError **error)
{
  JsonNode *member;

  member = json_object_get_member (object, "issuer");
  if (member != NULL && JSON_NODE_HOLDS_VALUE (member)
      && json_node_get_value_type (member) == G_TYPE_STRING)
    data->discovered_issuer = g_strdup (json_node_get_string (member));

  member = json_object_get_member (object, "jwks_uri");
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member)
      || json_node_get_value_type (member) != G_TYPE_STRING)
    {
      g_autofree char *shown_url = jd_url_redact (data->discovery_url);

      g_set_error (error, JD_NET_ERROR, JD_NET_ERROR_DISCOVERY,
                   _ ("The discovery document at %s has no \"jwks_uri\" string, so it does "
                      "not say where the keys are"),
                   shown_url);
      return NULL;
    }
  return json_node_get_string (member);
}

/* OIDC Discovery §4.3 and the https-to-http downgrade: refused before
 * any key is fetched; the result holds no keys, and says why. NULL when
 * the key set may be fetched. */
static JdRemoteKeys *
refused_discovery (FetchData *data, JdResponse **response, const char *jwks_uri)
{
  const char *id = NULL;
  g_autofree char *refusal = jd_net_discovery_refusal (data->issuer, data->discovered_issuer,
                                                       data->discovery_url, jwks_uri, &id);
  JdRemoteKeys *keys;

  if (refusal == NULL)
    return NULL;
  keys = g_object_new (JD_TYPE_REMOTE_KEYS, NULL);
  keys->key_set = jd_key_set_new ();
  keys->jwks_uri = g_strdup (jwks_uri);
  keys->issuer = g_strdup (data->issuer);
  keys->discovery_url = g_strdup (data->discovery_url);
  keys->discovered_issuer = g_strdup (data->discovered_issuer);
  keys->fetched_at = g_date_time_new_now_utc ();
  keys->cache_explanation = g_strdup ("");
  keys->response = g_steal_pointer (response);
  keys->refusal = g_steal_pointer (&refusal);
  keys->refusal_id = id;
  return keys;
}

/* The discovery document read: its jwks_uri fetched next (on_jwks), unless
 * it is refused. */
static void
on_discovery (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  FetchData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (JdResponse) response = NULL;
  g_autoptr (JsonNode) root = NULL;
  const char *jwks_uri = NULL;
  JdRemoteKeys *refused;
  GCancellable *cancellable;

  response = jd_net_send_finish (result, &error);
  if (response != NULL)
    root = read_discovery_document (data, response, &error);
  if (root != NULL)
    jwks_uri = discovered_jwks_uri (data, json_node_get_object (root), &error);
  if (jwks_uri == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  refused = refused_discovery (data, &response, jwks_uri);
  if (refused != NULL)
    {
      g_task_return_pointer (task, refused, g_object_unref);
      return;
    }

  g_free (data->url);
  data->url = g_strdup (jwks_uri);
  cancellable = g_task_get_cancellable (task);
  get (data->url, &data->options, "application/jwk-set+json, application/json", cancellable,
       on_jwks, g_steal_pointer (&task));
}

void
jd_net_discover_async (const char *issuer, const JdNetOptions *options, GCancellable *cancellable,
                       GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *url = NULL;
  FetchData *data;

  g_return_if_fail (issuer != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, jd_net_discover_async);

  url = jd_net_discovery_url (issuer, &error);
  if (url == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data = g_new0 (FetchData, 1);
  _jd_net_options_resolve (options, &data->options);
  data->issuer = g_strdup (issuer);
  data->discovery_url = g_strdup (url);
  data->url = g_steal_pointer (&url);
  g_task_set_task_data (task, data, fetch_data_free);

  get (data->discovery_url, &data->options, "application/json", cancellable, on_discovery,
       g_steal_pointer (&task));
}

JdRemoteKeys *
jd_net_discover_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jd_net_discover_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

JdRemoteKeys *
jd_net_discover (const char *issuer, const JdNetOptions *options, GCancellable *cancellable,
                 GError **error)
{
  JdNetSync sync;
  JdRemoteKeys *keys;

  g_return_val_if_fail (issuer != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  _jd_net_sync_init (&sync);
  jd_net_discover_async (issuer, options, cancellable, _jd_net_sync_done, &sync);
  _jd_net_sync_wait (&sync);
  keys = jd_net_discover_finish (sync.result, error);
  _jd_net_sync_clear (&sync);
  return keys;
}
