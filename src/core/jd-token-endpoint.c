/* jd-token-endpoint.c — OAuth token endpoint requests and answers, as data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>
#include <json-glib/json-glib.h>

#include "jd-base64.h"
#include "jd-json.h"
#include "jd-token-endpoint.h"
#include "jd-token-errors.h"

G_DEFINE_QUARK (jd - token - endpoint - error - quark, jd_token_endpoint_error)

#define DEVICE_GRANT "urn:ietf:params:oauth:grant-type:device_code"
#define ASSERTION_TYPE "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"

static const struct
{
  const char *name;
  JdGrantType grant;
} grant_names[] = {
  { "client_credentials", JD_GRANT_CLIENT_CREDENTIALS },
  { "client-credentials", JD_GRANT_CLIENT_CREDENTIALS },
  { "refresh_token", JD_GRANT_REFRESH_TOKEN },
  { "refresh-token", JD_GRANT_REFRESH_TOKEN },
  { "authorization_code", JD_GRANT_AUTHORIZATION_CODE },
  { "authorization-code", JD_GRANT_AUTHORIZATION_CODE },
  { "pkce", JD_GRANT_AUTHORIZATION_CODE },
  { "code", JD_GRANT_AUTHORIZATION_CODE },
  { "device_code", JD_GRANT_DEVICE_CODE },
  { "device-code", JD_GRANT_DEVICE_CODE },
  { "device", JD_GRANT_DEVICE_CODE },
  { DEVICE_GRANT, JD_GRANT_DEVICE_CODE },
};

gboolean
jd_grant_type_from_string (const char *text, JdGrantType *out)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (grant_names); i++)
    if (strcmp (text, grant_names[i].name) == 0)
      {
        *out = grant_names[i].grant;
        return TRUE;
      }
  return FALSE;
}

const char *
jd_grant_type_to_string (JdGrantType grant)
{
  switch (grant)
    {
      case JD_GRANT_CLIENT_CREDENTIALS:
        return "client_credentials";
      case JD_GRANT_REFRESH_TOKEN:
        return "refresh_token";
      case JD_GRANT_AUTHORIZATION_CODE:
        return "authorization_code";
      case JD_GRANT_DEVICE_CODE:
      default:
        return DEVICE_GRANT;
    }
}

gboolean
jd_client_auth_from_string (const char *text, JdClientAuth *out)
{
  static const struct
  {
    const char *name;
    JdClientAuth auth;
  } names[] = {
    { "basic", JD_CLIENT_AUTH_BASIC },
    { "client_secret_basic", JD_CLIENT_AUTH_BASIC },
    { "post", JD_CLIENT_AUTH_POST },
    { "client_secret_post", JD_CLIENT_AUTH_POST },
    { "private_key_jwt", JD_CLIENT_AUTH_PRIVATE_KEY_JWT },
    { "none", JD_CLIENT_AUTH_NONE },
  };

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (names); i++)
    if (strcmp (text, names[i].name) == 0)
      {
        *out = names[i].auth;
        return TRUE;
      }
  return FALSE;
}

/* ---- JdTokenGrant ---------------------------------------------------------- */

static void
wipe (char **secret)
{
  if (*secret != NULL)
    memset (*secret, 0, strlen (*secret));
  g_clear_pointer (secret, g_free);
}

JdTokenGrant *
jd_token_grant_new (JdGrantType grant)
{
  JdTokenGrant *self = g_new0 (JdTokenGrant, 1);

  self->grant = grant;
  self->auth = JD_CLIENT_AUTH_BASIC;
  return self;
}

JdTokenGrant *
jd_token_grant_copy (const JdTokenGrant *grant)
{
  JdTokenGrant *self = jd_token_grant_new (grant->grant);

  self->auth = grant->auth;
  self->token_endpoint = g_strdup (grant->token_endpoint);
  self->authorization_endpoint = g_strdup (grant->authorization_endpoint);
  self->device_endpoint = g_strdup (grant->device_endpoint);
  self->client_id = g_strdup (grant->client_id);
  self->client_secret = g_strdup (grant->client_secret);
  self->client_assertion = g_strdup (grant->client_assertion);
  self->refresh_token = g_strdup (grant->refresh_token);
  self->code = g_strdup (grant->code);
  self->code_verifier = g_strdup (grant->code_verifier);
  self->redirect_uri = g_strdup (grant->redirect_uri);
  self->device_code = g_strdup (grant->device_code);
  self->scope = g_strdup (grant->scope);
  self->audience = g_strdup (grant->audience);
  self->resource = g_strdup (grant->resource);
  return self;
}

void
jd_token_grant_free (JdTokenGrant *grant)
{
  if (grant == NULL)
    return;
  wipe (&grant->client_secret);
  wipe (&grant->client_assertion);
  wipe (&grant->refresh_token);
  wipe (&grant->code);
  wipe (&grant->code_verifier);
  wipe (&grant->device_code);
  g_free (grant->token_endpoint);
  g_free (grant->authorization_endpoint);
  g_free (grant->device_endpoint);
  g_free (grant->client_id);
  g_free (grant->redirect_uri);
  g_free (grant->scope);
  g_free (grant->audience);
  g_free (grant->resource);
  g_free (grant);
}

static gboolean
is_set (const char *value)
{
  return value != NULL && *value != '\0';
}

static void
form_add (GString *form, const char *name, const char *value)
{
  g_autofree char *escaped = NULL;

  if (!is_set (value))
    return;
  escaped = g_uri_escape_string (value, NULL, FALSE);
  g_string_append_printf (form, "%s%s=%s", form->len ? "&" : "", name, escaped);
}

static gboolean
require (const char *value, const char *what, GError **error)
{
  if (is_set (value))
    return TRUE;
  /* TRANSLATORS: %s is a parameter ("client_id", "the token endpoint URL") */
  g_set_error (error, JD_TOKEN_ENDPOINT_ERROR, JD_TOKEN_ENDPOINT_ERROR_MISSING, _ ("%s is missing"),
               what);
  return FALSE;
}

/* The client's authentication (RFC 6749 §2.3.1, RFC 7523 §2.2), into
 * @request's header or @form. A public client sends client_id only. */
static gboolean
add_client_auth (const JdTokenGrant *grant, JdRequest *request, GString *form, GError **error)
{
  if (!require (grant->client_id, "client_id", error))
    return FALSE;
  switch (grant->auth)
    {
      case JD_CLIENT_AUTH_BASIC:
        {
          /* §2.3.1: each part is form-encoded before the two are joined. */
          g_autofree char *id = g_uri_escape_string (grant->client_id, NULL, FALSE);
          g_autofree char *secret = NULL;
          g_autofree char *pair = NULL;
          g_autofree char *b64 = NULL;
          g_autofree char *value = NULL;

          if (!require (grant->client_secret, "client_secret", error))
            return FALSE;
          secret = g_uri_escape_string (grant->client_secret, NULL, FALSE);
          pair = g_strconcat (id, ":", secret, NULL);
          b64 = g_base64_encode ((const guchar *)pair, strlen (pair));
          value = g_strconcat ("Basic ", b64, NULL);
          jd_request_add_header (request, "Authorization", value);
          memset (pair, 0, strlen (pair));
          memset (secret, 0, strlen (secret));
          memset (b64, 0, strlen (b64));
          memset (value, 0, strlen (value));
          return TRUE;
        }
      case JD_CLIENT_AUTH_POST:
        if (!require (grant->client_secret, "client_secret", error))
          return FALSE;
        form_add (form, "client_id", grant->client_id);
        form_add (form, "client_secret", grant->client_secret);
        return TRUE;
      case JD_CLIENT_AUTH_PRIVATE_KEY_JWT:
        if (!require (grant->client_assertion, "client_assertion (private_key_jwt)", error))
          return FALSE;
        form_add (form, "client_id", grant->client_id);
        form_add (form, "client_assertion_type", ASSERTION_TYPE);
        form_add (form, "client_assertion", grant->client_assertion);
        return TRUE;
      case JD_CLIENT_AUTH_NONE:
      default:
        form_add (form, "client_id", grant->client_id);
        return TRUE;
    }
}

static JdRequest *
finish_request (JdRequest *request, GString *form)
{
  GBytes *body;

  jd_request_add_header (request, "Content-Type", "application/x-www-form-urlencoded");
  jd_request_add_header (request, "Accept", "application/json");
  body = g_bytes_new (form->str, form->len);
  jd_request_set_body (request, body);
  g_bytes_unref (body);
  memset (form->str, 0, form->len);
  return request;
}

JdRequest *
jd_token_grant_build_request (const JdTokenGrant *grant, GError **error)
{
  g_autoptr (JdRequest) request = NULL;
  g_autoptr (GString) form = g_string_new (NULL);

  if (!require (grant->token_endpoint, _ ("the token endpoint URL"), error))
    return NULL;
  request = jd_request_new ("POST", grant->token_endpoint);
  form_add (form, "grant_type", jd_grant_type_to_string (grant->grant));
  switch (grant->grant)
    {
      case JD_GRANT_REFRESH_TOKEN:
        if (!require (grant->refresh_token, "refresh_token", error))
          return NULL;
        form_add (form, "refresh_token", grant->refresh_token);
        break;
      case JD_GRANT_AUTHORIZATION_CODE:
        if (!require (grant->code, "code", error)
            || !require (grant->redirect_uri, "redirect_uri", error)
            || !require (grant->code_verifier, "code_verifier", error))
          return NULL;
        form_add (form, "code", grant->code);
        form_add (form, "redirect_uri", grant->redirect_uri);
        form_add (form, "code_verifier", grant->code_verifier);
        break;
      case JD_GRANT_DEVICE_CODE:
        if (!require (grant->device_code, "device_code", error))
          return NULL;
        form_add (form, "device_code", grant->device_code);
        break;
      case JD_GRANT_CLIENT_CREDENTIALS:
      default:
        break;
    }
  /* RFC 6749 §6: a refresh keeps the original scope unless asked; the
   * code grant's scope was in the authorization request. */
  if (grant->grant == JD_GRANT_CLIENT_CREDENTIALS || grant->grant == JD_GRANT_REFRESH_TOKEN)
    form_add (form, "scope", grant->scope);
  form_add (form, "audience", grant->audience);
  form_add (form, "resource", grant->resource);
  if (!add_client_auth (grant, request, form, error))
    return NULL;
  return finish_request (g_steal_pointer (&request), form);
}

JdRequest *
jd_token_grant_build_device_request (const JdTokenGrant *grant, const char *device_endpoint,
                                     GError **error)
{
  g_autoptr (JdRequest) request = NULL;
  g_autoptr (GString) form = g_string_new (NULL);
  g_autoptr (JdTokenGrant) copy = jd_token_grant_copy (grant);

  if (!require (device_endpoint, "device_authorization_endpoint", error))
    return NULL;
  request = jd_request_new ("POST", device_endpoint);
  form_add (form, "scope", grant->scope);
  form_add (form, "audience", grant->audience);
  form_add (form, "resource", grant->resource);
  /* A public client (the usual device client) sends client_id alone. */
  if (copy->auth != JD_CLIENT_AUTH_PRIVATE_KEY_JWT && !is_set (copy->client_secret))
    copy->auth = JD_CLIENT_AUTH_NONE;
  if (!add_client_auth (copy, request, form, error))
    return NULL;
  return finish_request (g_steal_pointer (&request), form);
}

char *
jd_token_grant_build_authorize_url (const JdTokenGrant *grant, const char *authorization_endpoint,
                                    const char *state, GError **error)
{
  g_autoptr (GString) query = g_string_new (NULL);
  g_autofree char *challenge = NULL;

  if (!require (authorization_endpoint, "authorization_endpoint", error)
      || !require (grant->client_id, "client_id", error)
      || !require (grant->redirect_uri, "redirect_uri", error)
      || !require (grant->code_verifier, "code_verifier", error)
      || !require (state, "state", error))
    return NULL;
  challenge = jd_pkce_challenge_s256 (grant->code_verifier);
  form_add (query, "response_type", "code");
  form_add (query, "client_id", grant->client_id);
  form_add (query, "redirect_uri", grant->redirect_uri);
  form_add (query, "scope", grant->scope);
  form_add (query, "state", state);
  form_add (query, "code_challenge", challenge);
  form_add (query, "code_challenge_method", "S256");
  form_add (query, "audience", grant->audience);
  form_add (query, "resource", grant->resource);
  return g_strconcat (authorization_endpoint, strchr (authorization_endpoint, '?') ? "&" : "?",
                      query->str, NULL);
}

/* ---- PKCE ------------------------------------------------------------------ */

char *
jd_pkce_verifier_new (void)
{
  guint8 bytes[32];
  char *verifier;

  if (gnutls_rnd (GNUTLS_RND_KEY, bytes, sizeof bytes) != 0)
    g_error ("gnutls_rnd failed: no random bytes for PKCE");
  verifier = jd_base64url_encode (bytes, sizeof bytes);
  memset (bytes, 0, sizeof bytes);
  return verifier;
}

char *
jd_pkce_challenge_s256 (const char *verifier)
{
  guint8 digest[32];
  gsize len = sizeof digest;
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_checksum_update (checksum, (const guchar *)verifier, strlen (verifier));
  g_checksum_get_digest (checksum, digest, &len);
  return jd_base64url_encode (digest, len);
}

/* ---- answers --------------------------------------------------------------- */

static char *
dup_string (JsonObject *object, const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

/* A number, or a string of digits (some providers send "3600"). */
static gint64
get_seconds (JsonObject *object, const char *name)
{
  JsonNode *node = json_object_get_member (object, name);
  const char *text;
  guint64 value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return -1;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return MAX (json_node_get_int (node), -1);
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return (gint64)CLAMP (json_node_get_double (node), -1, G_MAXINT32);
  text = json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
  if (text != NULL && g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT32, &value, NULL))
    return (gint64)value;
  return -1;
}

JdTokenAnswer *
jd_token_answer_parse (guint status, GBytes *body, GError **error)
{
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GError) local = NULL;
  JdTokenAnswer *answer;
  JsonObject *object;
  gsize len = 0;
  const char *data = body ? g_bytes_get_data (body, &len) : NULL;

  if (data == NULL || len == 0
      || (root
          = jd_json_parse (data, len, JD_JSON_ALLOW_DUPLICATES | JD_JSON_ALLOW_BOM, NULL, &local))
           == NULL)
    {
      g_set_error (error, JD_TOKEN_ENDPOINT_ERROR, JD_TOKEN_ENDPOINT_ERROR_ANSWER,
                   _ ("The token endpoint answered %u, and its body is not JSON: %s"), status,
                   local ? local->message : _ ("the body is empty"));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, JD_TOKEN_ENDPOINT_ERROR, JD_TOKEN_ENDPOINT_ERROR_ANSWER,
                   _ ("The token endpoint answered %u with JSON that is not an object"), status);
      return NULL;
    }
  object = json_node_get_object (root);
  answer = g_new0 (JdTokenAnswer, 1);
  answer->status = status;
  answer->access_token = dup_string (object, "access_token");
  answer->id_token = dup_string (object, "id_token");
  answer->refresh_token = dup_string (object, "refresh_token");
  answer->token_type = dup_string (object, "token_type");
  answer->scope = dup_string (object, "scope");
  answer->expires_in = get_seconds (object, "expires_in");
  answer->error = dup_string (object, "error");
  answer->error_description = dup_string (object, "error_description");
  answer->error_uri = dup_string (object, "error_uri");
  if (answer->error == NULL)
    answer->error = dup_string (object, "errorCode");
  if (answer->error_description == NULL)
    answer->error_description = dup_string (object, "errorSummary");
  answer->device_code = dup_string (object, "device_code");
  answer->user_code = dup_string (object, "user_code");
  answer->verification_uri = dup_string (object, "verification_uri");
  if (answer->verification_uri == NULL) /* Google's older name */
    answer->verification_uri = dup_string (object, "verification_url");
  answer->verification_uri_complete = dup_string (object, "verification_uri_complete");
  answer->interval = get_seconds (object, "interval");
  /* The answer held secrets: the parsed tree is freed at once, the body is the caller's. */
  return answer;
}

void
jd_token_answer_free (JdTokenAnswer *answer)
{
  if (answer == NULL)
    return;
  wipe (&answer->access_token);
  wipe (&answer->id_token);
  wipe (&answer->refresh_token);
  wipe (&answer->device_code);
  g_free (answer->token_type);
  g_free (answer->scope);
  g_free (answer->error);
  g_free (answer->error_description);
  g_free (answer->error_uri);
  g_free (answer->user_code);
  g_free (answer->verification_uri);
  g_free (answer->verification_uri_complete);
  g_free (answer);
}

gboolean
jd_token_answer_has_token (const JdTokenAnswer *answer)
{
  return answer->status >= 200 && answer->status <= 299 && is_set (answer->access_token);
}

char *
jd_token_answer_explain (const JdTokenAnswer *answer, char **fix)
{
  if (answer->error == NULL && answer->status >= 200 && answer->status <= 299)
    {
      if (fix != NULL)
        *fix = g_strdup (
          _ ("Check that the URL is the token endpoint (token_endpoint in the discovery "
             "document), not the authorization endpoint or a web page."));
      return g_strdup_printf (
        _ ("The token endpoint answered %u without an access_token (RFC 6749 §5.1)"),
        answer->status);
    }
  return jd_token_error_explain (answer->status, answer->error, answer->error_description, fix);
}
