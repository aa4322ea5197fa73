/* jd-token-response.c — a token endpoint's JSON response pasted whole
 *
 * {"access_token": "…", "id_token": "…", "refresh_token": "…", …} is what
 * RFC 6749 §5.1 and OpenID Connect Core §3.1.3.3 return. The token sent to
 * an API is the access_token: that one is diagnosed; the others are named
 * for what they are, never diagnosed in its place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "jd-input-private.h"
#include "jd-json.h"

/* The members of a token response that hold other tokens, and what each
 * one is for (one row per member). */
static const struct
{
  const char *member;
  const char *what; /* translated on use */
} other_tokens[] = {
  { "id_token", N_ ("the id_token tells the client who signed in (OpenID Connect Core §2) and is "
                    "not sent to APIs") },
  { "refresh_token", N_ ("the refresh_token goes back to the token endpoint for a new access "
                         "token (RFC 6749 §1.5) and is not sent to APIs") },
};

static const char *
string_member (JsonObject *object, const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

gboolean
jd_input_parse_token_response (JdInput *self, const char *text, gsize from, gsize to)
{
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GString) others = g_string_new (NULL);
  g_autofree gsize *starts = NULL;
  g_autofree gsize *ends = NULL;
  g_autofree char *msg = NULL;
  JsonObject *object;
  const char *access, *at;
  gsize len;

  /* jd_json_parse(): depth-limited, unlike json-glib's recursive parser
   * (a pasted "{"a":[[[[…" must not overflow the stack). */
  if (from >= to || text[from] != '{')
    return FALSE;
  root = jd_json_parse (text + from, to - from, JD_JSON_ALLOW_DUPLICATES, NULL, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;
  object = json_node_get_object (root);
  access = string_member (object, "access_token");
  if (access == NULL || *access == '\0')
    return FALSE;
  /* A token is base64url and dots: JSON writes it unescaped, so its bytes
   * are in the text as they are (for highlighting). */
  len = strlen (access);
  at = g_strstr_len (text + from, to - from, access);
  if (at == NULL)
    return FALSE;

  starts = g_new (gsize, len);
  ends = g_new (gsize, len);
  for (gsize i = 0; i < len; i++)
    {
      starts[i] = (gsize)(at - text) + i;
      ends[i] = starts[i] + 1;
    }
  jd_input_take_token (self, access, len, starts, ends);

  for (guint i = 0; i < G_N_ELEMENTS (other_tokens); i++)
    if (string_member (object, other_tokens[i].member) != NULL)
      {
        g_string_append (others, "; ");
        g_string_append (others, _ (other_tokens[i].what));
      }
  msg = g_strdup_printf (_ ("This is a token endpoint's response (RFC 6749 §5.1): its access_token "
                            "is the token sent to the API, and it is the one diagnosed here%s."),
                         others->str);
  jd_input_add_finding (self, JD_FINDING_TOKEN_RESPONSE, JD_SEVERITY_INFO, msg,
                        _ ("Send the access_token in \"Authorization: Bearer …\"; keep the other "
                           "tokens in the client."));
  return TRUE;
}
