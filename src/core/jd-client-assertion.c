/* jd-client-assertion.c — the private_key_jwt client assertion (RFC 7523)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "jd-client-assertion.h"
#include "jd-sign.h"
#include "jd-token-endpoint.h"

char *
jd_client_assertion_new (JdSignKey *key, const char *alg, const char *client_id,
                         const char *token_endpoint, gint64 now, GError **error)
{
  g_autoptr (JsonObject) header = json_object_new ();
  g_autoptr (JsonObject) payload = json_object_new ();
  g_autofree char *jti = jd_pkce_verifier_new ();

  g_return_val_if_fail (JD_IS_SIGN_KEY (key), NULL);
  if (client_id == NULL || *client_id == '\0' || token_endpoint == NULL || *token_endpoint == '\0')
    {
      g_set_error (
        error, JD_TOKEN_ENDPOINT_ERROR, JD_TOKEN_ENDPOINT_ERROR_MISSING, _ ("%s is missing"),
        client_id == NULL || *client_id == '\0' ? "client_id" : _ ("the token endpoint URL"));
      return NULL;
    }
  json_object_set_string_member (header, "typ", "JWT");
  /* RFC 7523 §3: iss and sub are the client id, aud the token endpoint. */
  json_object_set_string_member (payload, "iss", client_id);
  json_object_set_string_member (payload, "sub", client_id);
  json_object_set_string_member (payload, "aud", token_endpoint);
  json_object_set_string_member (payload, "jti", jti);
  json_object_set_int_member (payload, "iat", now);
  json_object_set_int_member (payload, "exp", now + JD_CLIENT_ASSERTION_LIFETIME);
  return jd_sign_compact (key, alg, header, payload, error);
}
