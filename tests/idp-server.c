/* idp-server.c — a loopback identity provider for the fresh token tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <libsoup/soup.h>

#include "idp-server.h"

struct _Idp
{
  GThread *thread;
  GMainContext *context;
  GMainLoop *loop;
  SoupServer *server;
  SoupServer *other;
  char *issuer;
  char *other_url;
  GMutex lock;
  IdpTokenMode mode;
  char *error;
  char *description;
  guint pending, slow_down;
  guint expires_in;
  gboolean expired;
  char *authorize_error;
  char *challenge;
  char *redirect_uri;
  guint token_requests;
  guint other_requests;
  GHashTable *last; /* form of the last token request, plus "Authorization" */
  char *issued;     /* the last access token issued: the API at /api accepts it */
};

char *
idp_b64url (const char *text)
{
  g_autofree char *b64 = g_base64_encode ((const guchar *)text, strlen (text));
  g_strdelimit (b64, "+", '-');
  g_strdelimit (b64, "/", '_');
  for (char *p = b64 + strlen (b64); p > b64 && p[-1] == '='; p--)
    p[-1] = '\0';
  return g_strdup (b64);
}

/* An HS256 token for IDP_AUDIENCE, valid for an hour, key "idp-secret". */
static char *
make_token (Idp *idp, const char *sub)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *payload
    = g_strdup_printf ("{\"iss\":\"%s\",\"aud\":\"%s\",\"sub\":\"%s\",\"iat\":%" G_GINT64_FORMAT
                       ",\"exp\":%" G_GINT64_FORMAT ",\"scope\":\"read\"}",
                       idp->issuer, IDP_AUDIENCE, sub, now, now + 3600);
  g_autofree char *h = idp_b64url ("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
  g_autofree char *p = idp_b64url (payload);
  g_autofree char *input = g_strconcat (h, ".", p, NULL);
  g_autoptr (GHmac) hmac = g_hmac_new (G_CHECKSUM_SHA256, (const guchar *)"idp-secret", 10);
  guint8 mac[32];
  gsize len = sizeof mac;
  g_autofree char *sig64 = NULL;

  g_hmac_update (hmac, (const guchar *)input, strlen (input));
  g_hmac_get_digest (hmac, mac, &len);
  sig64 = g_base64_encode (mac, len);
  g_strdelimit (sig64, "+", '-');
  g_strdelimit (sig64, "/", '_');
  for (char *q = sig64 + strlen (sig64); q > sig64 && q[-1] == '='; q--)
    q[-1] = '\0';
  return g_strconcat (input, ".", sig64, NULL);
}

static void
json_answer (SoupServerMessage *msg, guint status, const char *json)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, json, strlen (json));
}

static void
oauth_error (SoupServerMessage *msg, guint status, const char *error, const char *description)
{
  g_autoptr (GString) json = g_string_new ("{");
  gboolean okta = g_str_has_prefix (error, "E0");

  g_string_append_printf (json, "\"%s\":\"%s\"", okta ? "errorCode" : "error", error);
  if (description != NULL)
    g_string_append_printf (json, ",\"%s\":\"%s\"", okta ? "errorSummary" : "error_description",
                            description);
  g_string_append (json, "}");
  json_answer (msg, status, json->str);
}

static void
token_answer (Idp *idp, SoupServerMessage *msg, const char *sub, gboolean refresh)
{
  g_autofree char *token = make_token (idp, sub);
  g_autofree char *json = NULL;

  g_free (idp->issued);
  idp->issued = g_strdup (token);
  json
    = g_strdup_printf ("{\"access_token\":\"%s\",\"token_type\":\"Bearer\",\"expires_in\":3600%s}",
                       token, refresh ? ",\"refresh_token\":\"rt-next\"" : "");
  json_answer (msg, 200, json);
}

static gboolean
client_ok (GHashTable *form, const char *authorization)
{
  if (authorization != NULL && g_str_has_prefix (authorization, "Basic "))
    {
      gsize len;
      g_autofree guchar *pair = g_base64_decode (authorization + 6, &len);
      g_autofree char *text = g_strndup ((const char *)pair, len);
      return g_strcmp0 (text, IDP_CLIENT_ID ":s3cr%26t") == 0;
    }
  if (g_strcmp0 (g_hash_table_lookup (form, "client_id"), IDP_CLIENT_ID) != 0)
    return FALSE;
  if (g_hash_table_lookup (form, "client_assertion") != NULL)
    return g_strcmp0 (g_hash_table_lookup (form, "client_assertion_type"),
                      "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
           == 0;
  return g_strcmp0 (g_hash_table_lookup (form, "client_secret"), IDP_CLIENT_SECRET) == 0;
}

static gboolean
unpause (gpointer msg)
{
  json_answer (msg, 200, "{\"access_token\":\"late\"}");
  soup_server_message_unpause (msg);
  return G_SOURCE_REMOVE;
}

static void
on_grant (Idp *idp, SoupServerMessage *msg, GHashTable *form, const char *authorization)
{
  const char *grant = g_hash_table_lookup (form, "grant_type");

  if (g_strcmp0 (grant, "client_credentials") == 0)
    {
      if (client_ok (form, authorization))
        token_answer (idp, msg, "app@clients", FALSE);
      else
        oauth_error (msg, 401, "invalid_client", "Client authentication failed.");
    }
  else if (g_strcmp0 (grant, "refresh_token") == 0)
    {
      if (g_strcmp0 (g_hash_table_lookup (form, "refresh_token"), IDP_REFRESH_TOKEN) == 0)
        token_answer (idp, msg, "user-1", TRUE);
      else
        oauth_error (msg, 400, "invalid_grant", "Unknown or expired refresh token.");
    }
  else if (g_strcmp0 (grant, "authorization_code") == 0)
    {
      const char *verifier = g_hash_table_lookup (form, "code_verifier");
      g_autofree char *challenge = NULL;
      if (verifier != NULL)
        {
          g_autoptr (GChecksum) sha = g_checksum_new (G_CHECKSUM_SHA256);
          guint8 raw[32];
          gsize len = sizeof raw;
          g_autofree char *b64 = NULL;

          g_checksum_update (sha, (const guchar *)verifier, strlen (verifier));
          g_checksum_get_digest (sha, raw, &len);
          b64 = g_base64_encode (raw, len);
          g_strdelimit (b64, "+", '-');
          g_strdelimit (b64, "/", '_');
          b64[43] = '\0';
          challenge = g_strdup (b64);
        }
      if (g_strcmp0 (g_hash_table_lookup (form, "code"), "the-code") != 0
          || g_strcmp0 (g_hash_table_lookup (form, "redirect_uri"), idp->redirect_uri) != 0)
        oauth_error (msg, 400, "invalid_grant", "Invalid authorization code");
      else if (challenge == NULL || g_strcmp0 (challenge, idp->challenge) != 0)
        oauth_error (msg, 400, "invalid_grant", "PKCE verification failed: code_verifier");
      else
        token_answer (idp, msg, "user-1", TRUE);
    }
  else if (g_strcmp0 (grant, "urn:ietf:params:oauth:grant-type:device_code") == 0)
    {
      if (g_strcmp0 (g_hash_table_lookup (form, "device_code"), "dc-1") != 0)
        oauth_error (msg, 400, "invalid_grant", "Unknown device code");
      else if (idp->pending > 0 && idp->pending--)
        oauth_error (msg, 400, "authorization_pending", NULL);
      else if (idp->slow_down > 0 && idp->slow_down--)
        oauth_error (msg, 400, "slow_down", NULL);
      else if (idp->expired)
        oauth_error (msg, 400, "expired_token", NULL);
      else
        token_answer (idp, msg, "user-1", FALSE);
    }
  else
    oauth_error (msg, 400, "unsupported_grant_type", NULL);
}

/* The decoded form as a table that owns its keys and values (soup_form_decode's
 * values live inside its keys, so a value added to it would leak). */
static GHashTable *
form_copy (const char *text)
{
  GHashTable *decoded = soup_form_decode (text);
  GHashTable *form = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, decoded);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (form, g_strdup (key), g_strdup (value));
  g_hash_table_unref (decoded);
  return form;
}

static void
on_token (Idp *idp, SoupServerMessage *msg)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autofree char *text = g_strndup (body->data, body->length);
  GHashTable *form = form_copy (text);
  const char *authorization
    = soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "Authorization");

  g_mutex_lock (&idp->lock);
  idp->token_requests++;
  g_clear_pointer (&idp->last, g_hash_table_unref);
  idp->last = form;
  if (authorization != NULL)
    g_hash_table_insert (form, g_strdup ("Authorization"), g_strdup (authorization));
  switch (idp->mode)
    {
      case IDP_TOKEN_ERROR:
        oauth_error (msg, g_strcmp0 (idp->error, "invalid_client") == 0 ? 401 : 400, idp->error,
                     idp->description);
        break;
      case IDP_TOKEN_SLOW:
        soup_server_message_pause (msg);
        {
          GSource *source = g_timeout_source_new_seconds (3);
          g_source_set_callback (source, unpause, msg, NULL);
          g_source_attach (source, g_main_context_get_thread_default ());
          g_source_unref (source);
        }
        break;
      case IDP_TOKEN_HANG:
        soup_server_message_pause (msg);
        break;
      case IDP_TOKEN_REDIRECT:
        {
          g_autofree char *to = g_strconcat (idp->other_url, "/steal", NULL);
          soup_server_message_set_redirect (msg, 307, to);
        }
        break;
      case IDP_TOKEN_HTML:
        soup_server_message_set_status (msg, 200, NULL);
        soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, "<html>", 6);
        break;
      case IDP_TOKEN_OK:
      default:
        on_grant (idp, msg, form, authorization);
        break;
    }
  g_mutex_unlock (&idp->lock);
}

static void
on_authorize (Idp *idp, SoupServerMessage *msg, GHashTable *query)
{
  const char *redirect = query ? g_hash_table_lookup (query, "redirect_uri") : NULL;
  g_autofree char *to = NULL;
  g_autofree char *state = NULL;

  if (query == NULL || redirect == NULL
      || g_strcmp0 (g_hash_table_lookup (query, "response_type"), "code") != 0
      || g_strcmp0 (g_hash_table_lookup (query, "code_challenge_method"), "S256") != 0
      || g_strcmp0 (g_hash_table_lookup (query, "client_id"), IDP_CLIENT_ID) != 0)
    {
      soup_server_message_set_status (msg, 400, NULL);
      return;
    }
  g_mutex_lock (&idp->lock);
  g_free (idp->challenge);
  idp->challenge = g_strdup (g_hash_table_lookup (query, "code_challenge"));
  g_free (idp->redirect_uri);
  idp->redirect_uri = g_strdup (redirect);
  state = g_uri_escape_string (g_hash_table_lookup (query, "state"), NULL, FALSE);
  if (idp->authorize_error != NULL)
    to = g_strdup_printf ("%s?error=%s&error_description=The%%20user%%20said%%20no&state=%s",
                          redirect, idp->authorize_error, state);
  else
    to = g_strdup_printf ("%s?code=the-code&state=%s", redirect, state);
  g_mutex_unlock (&idp->lock);
  soup_server_message_set_redirect (msg, 302, to);
}

/* An API that accepts only the last token this IdP issued. */
static void
on_api (Idp *idp, SoupServerMessage *msg)
{
  const char *authorization
    = soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "Authorization");
  gboolean ok;

  g_mutex_lock (&idp->lock);
  ok = authorization != NULL && idp->issued != NULL && g_str_has_prefix (authorization, "Bearer ")
       && g_strcmp0 (authorization + 7, idp->issued) == 0;
  g_mutex_unlock (&idp->lock);
  if (ok)
    json_answer (msg, 200, "{\"orders\":[]}");
  else
    {
      soup_message_headers_append (
        soup_server_message_get_response_headers (msg), "WWW-Authenticate",
        "Bearer error=\"invalid_token\", error_description=\"The token expired\"");
      json_answer (msg, 401, "{\"error\":\"invalid_token\"}");
    }
}

static void
handler (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
         gpointer user_data)
{
  Idp *idp = user_data;

  if (g_strcmp0 (path, "/.well-known/openid-configuration") == 0)
    {
      g_autofree char *json = g_strdup_printf (
        "{\"issuer\":\"%1$s\",\"token_endpoint\":\"%1$s/token\",\"authorization_endpoint\":\"%1$s/"
        "authorize\","
        "\"device_authorization_endpoint\":\"%1$s/device\",\"jwks_uri\":\"%1$s/jwks\"}",
        idp->issuer);
      json_answer (msg, 200, json);
    }
  else if (g_strcmp0 (path, "/token") == 0)
    on_token (idp, msg);
  else if (g_strcmp0 (path, "/device") == 0)
    {
      g_autofree char *json = NULL;

      g_mutex_lock (&idp->lock);
      json = g_strdup_printf ("{\"device_code\":\"dc-1\",\"user_code\":\"" IDP_USER_CODE
                              "\",\"verification_uri\":\"%s/activate\","
                              "\"expires_in\":%u,\"interval\":1}",
                              idp->issuer, idp->expires_in);
      g_mutex_unlock (&idp->lock);
      json_answer (msg, 200, json);
    }
  else if (g_strcmp0 (path, "/authorize") == 0)
    on_authorize (idp, msg, query);
  else if (g_strcmp0 (path, "/api") == 0)
    on_api (idp, msg);
  else
    soup_server_message_set_status (msg, 404, NULL);
}

static void
other_handler (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
               gpointer user_data)
{
  Idp *idp = user_data;

  g_mutex_lock (&idp->lock);
  idp->other_requests++;
  g_mutex_unlock (&idp->lock);
  json_answer (msg, 200, "{\"access_token\":\"stolen\"}");
}

static char *
listen (SoupServer *server)
{
  g_autoptr (GError) error = NULL;
  GSList *uris;
  char *url;

  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);
  return url;
}

static gpointer
run (gpointer user_data)
{
  Idp *idp = user_data;

  g_main_context_push_thread_default (idp->context);
  g_main_loop_run (idp->loop);
  g_main_context_pop_thread_default (idp->context);
  return NULL;
}

Idp *
idp_new (void)
{
  Idp *idp = g_new0 (Idp, 1);

  g_mutex_init (&idp->lock);
  idp->expires_in = 60;
  idp->context = g_main_context_new ();
  idp->loop = g_main_loop_new (idp->context, FALSE);
  g_main_context_push_thread_default (idp->context);
  idp->server = soup_server_new (NULL, NULL);
  idp->other = soup_server_new (NULL, NULL);
  idp->issuer = listen (idp->server);
  idp->other_url = listen (idp->other);
  soup_server_add_handler (idp->server, NULL, handler, idp, NULL);
  soup_server_add_handler (idp->other, NULL, other_handler, idp, NULL);
  g_main_context_pop_thread_default (idp->context);
  idp->thread = g_thread_new ("idp", run, idp);
  return idp;
}

static gboolean
quit (gpointer user_data)
{
  Idp *idp = user_data;

  soup_server_disconnect (idp->server);
  soup_server_disconnect (idp->other);
  g_main_loop_quit (idp->loop);
  return G_SOURCE_REMOVE;
}

void
idp_free (Idp *idp)
{
  g_main_context_invoke (idp->context, quit, idp);
  g_thread_join (idp->thread);
  g_object_unref (idp->server);
  g_object_unref (idp->other);
  g_main_loop_unref (idp->loop);
  g_main_context_unref (idp->context);
  g_free (idp->issuer);
  g_free (idp->other_url);
  g_free (idp->error);
  g_free (idp->description);
  g_free (idp->authorize_error);
  g_free (idp->challenge);
  g_free (idp->redirect_uri);
  g_clear_pointer (&idp->last, g_hash_table_unref);
  g_free (idp->issued);
  g_mutex_clear (&idp->lock);
  g_free (idp);
}

const char *
idp_issuer (Idp *idp)
{
  return idp->issuer;
}

void
idp_set_token_mode (Idp *idp, IdpTokenMode mode, const char *error, const char *description)
{
  g_mutex_lock (&idp->lock);
  idp->mode = mode;
  g_free (idp->error);
  idp->error = g_strdup (error);
  g_free (idp->description);
  idp->description = g_strdup (description);
  g_mutex_unlock (&idp->lock);
}

void
idp_set_device (Idp *idp, guint pending, guint slow_down, gboolean expired)
{
  g_mutex_lock (&idp->lock);
  idp->pending = pending;
  idp->slow_down = slow_down;
  idp->expired = expired;
  g_mutex_unlock (&idp->lock);
}

void
idp_set_device_expires_in (Idp *idp, guint seconds)
{
  g_mutex_lock (&idp->lock);
  idp->expires_in = seconds;
  g_mutex_unlock (&idp->lock);
}

void
idp_set_authorize_error (Idp *idp, const char *error)
{
  g_mutex_lock (&idp->lock);
  g_free (idp->authorize_error);
  idp->authorize_error = g_strdup (error);
  g_mutex_unlock (&idp->lock);
}

guint
idp_token_requests (Idp *idp)
{
  guint n;

  g_mutex_lock (&idp->lock);
  n = idp->token_requests;
  g_mutex_unlock (&idp->lock);
  return n;
}

guint
idp_other_requests (Idp *idp)
{
  guint n;

  g_mutex_lock (&idp->lock);
  n = idp->other_requests;
  g_mutex_unlock (&idp->lock);
  return n;
}

char *
idp_last (Idp *idp, const char *name)
{
  char *value;

  g_mutex_lock (&idp->lock);
  value = idp->last ? g_strdup (g_hash_table_lookup (idp->last, name)) : NULL;
  g_mutex_unlock (&idp->lock);
  return value;
}
