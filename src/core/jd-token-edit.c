/* jd-token-edit.c — NAME=VALUE claim edits with relative NumericDates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "jd-json.h"
#include "jd-sign-key.h"
#include "jd-sign.h"
#include "jd-token-edit.h"

/* Time units a relative value may end in. */
static const struct
{
  char unit;
  gint64 seconds;
} units[] = {
  { 's', 1 }, { 'm', 60 }, { 'h', 3600 }, { 'd', 86400 }, { 'w', 604800 },
};

/* A relative form's prefix, and the sign it gives the number after it. */
static const struct
{
  const char *prefix;
  int sign; /* 0: nothing may follow */
} relative_forms[] = {
  { "now+", +1 },
  { "now-", -1 },
  { "now", 0 },
  { "+", +1 },
};

/* Largest offset accepted: about 31,700 years either way. */
#define MAX_OFFSET G_GINT64_CONSTANT (1000000000000)

/* @text at byte @at of @assignment: "N[unit]" → seconds. */
static gboolean
parse_offset (const char *assignment, gsize at, gint64 *seconds, GError **error)
{
  const char *p = assignment + at;
  gint64 n = 0;
  gsize digits = 0;

  while (g_ascii_isdigit (p[digits]))
    {
      n = n * 10 + (p[digits] - '0');
      digits++;
      if (n > MAX_OFFSET)
        {
          g_set_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_INPUT,
                       _ ("“%s”, byte %zu: the offset is larger than %lld seconds"), assignment, at,
                       (long long)MAX_OFFSET);
          return FALSE;
        }
    }
  if (digits == 0)
    {
      g_set_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_INPUT,
                   _ ("“%s”, byte %zu: expected a number of seconds (e.g. +3600 or +1h)"),
                   assignment, at);
      return FALSE;
    }
  if (p[digits] == '\0')
    {
      *seconds = n;
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (p[digits] == units[i].unit && p[digits + 1] == '\0')
      {
        *seconds = n * units[i].seconds;
        return TRUE;
      }
  g_set_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_INPUT,
               _ ("“%s”, byte %zu: '%c' is not a time unit; use s, m, h, d or w, or none for "
                  "seconds"),
               assignment, at + digits, p[digits]);
  return FALSE;
}

/* A relative NumericDate at byte @at, or FALSE with *@error unset when the
 * value is not one of the relative forms. */
static gboolean
parse_relative (const char *assignment, gsize at, gint64 now, JsonNode **out, GError **error)
{
  const char *value = assignment + at;

  for (guint i = 0; i < G_N_ELEMENTS (relative_forms); i++)
    {
      gsize plen = strlen (relative_forms[i].prefix);
      gint64 offset = 0;

      if (strncmp (value, relative_forms[i].prefix, plen) != 0)
        continue;
      if (relative_forms[i].sign == 0 && value[plen] != '\0')
        continue; /* "nowhere" is a string */
      if (relative_forms[i].sign != 0 && !parse_offset (assignment, at + plen, &offset, error))
        return FALSE;
      *out = json_node_new (JSON_NODE_VALUE);
      json_node_set_int (*out, now + relative_forms[i].sign * offset);
      return TRUE;
    }
  return FALSE;
}

/* Whether @value is meant as JSON: it starts like a JSON value other than
 * a bare word (a bare word that is not true/false/null is a string). */
static gboolean
looks_like_json (const char *value)
{
  return strchr ("{[\"-0123456789", value[0]) != NULL || g_str_equal (value, "true")
         || g_str_equal (value, "false") || g_str_equal (value, "null");
}

static JsonNode *
parse_value (const char *assignment, gsize at, gint64 now, GError **error)
{
  const char *value = assignment + at;
  g_autoptr (GError) local = NULL;
  g_autofree char *padded = NULL;
  gsize offset = 0;
  JsonNode *node = NULL;

  if (parse_relative (assignment, at, now, &node, error))
    return node;
  if (error && *error)
    return NULL;
  if (value[0] == '\0' || !looks_like_json (value))
    {
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (node, value);
      return node;
    }
  /* The name and '=' become spaces, which JSON skips: the decoder's byte
   * offsets then count from the start of the assignment. */
  padded = g_strdup (assignment);
  memset (padded, ' ', at);
  node = jd_json_parse (padded, strlen (padded), JD_JSON_FLAGS_NONE, &offset, &local);
  if (node == NULL)
    g_set_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_INPUT,
                 _ ("“%s”, %s (the value is JSON here; write a string as \"…\")"), assignment,
                 local->message);
  return node;
}

gboolean
jd_token_edit_set (JsonObject *object, const char *assignment, gint64 now, GError **error)
{
  const char *eq;
  g_autofree char *name = NULL;
  JsonNode *value;

  g_return_val_if_fail (object != NULL, FALSE);
  g_return_val_if_fail (assignment != NULL, FALSE);

  eq = strchr (assignment, '=');
  if (eq == NULL)
    {
      g_set_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_INPUT,
                   _ ("“%s”: no '=' between the claim name and its value; write NAME=VALUE, e.g. "
                      "exp=+3600"),
                   assignment);
      return FALSE;
    }
  if (eq == assignment)
    {
      g_set_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_INPUT,
                   _ ("“%s”, byte 0: the claim name before '=' is empty"), assignment);
      return FALSE;
    }
  name = g_strndup (assignment, eq - assignment);
  if (!g_utf8_validate (assignment, -1, NULL))
    {
      g_set_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_INPUT,
                   _ ("the edit is not UTF-8 text; a claim name and value are JSON strings"));
      return FALSE;
    }
  value = parse_value (assignment, eq + 1 - assignment, now, error);
  if (value == NULL)
    return FALSE;
  json_object_set_member (object, name, value);
  return TRUE;
}

gboolean
jd_token_edit_unset (JsonObject *object, const char *name, GError **error)
{
  g_return_val_if_fail (object != NULL, FALSE);

  if (name == NULL || name[0] == '\0')
    {
      g_set_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_INPUT,
                   _ ("the name of the claim to remove is empty"));
      return FALSE;
    }
  if (json_object_has_member (object, name))
    json_object_remove_member (object, name);
  return TRUE;
}

char *
jd_token_edit_text (const char *json, const char *part, const char *assignment, gint64 now,
                    GError **error)
{
  g_autoptr (JsonObject) object = NULL;
  g_autoptr (JsonNode) node = NULL;

  g_return_val_if_fail (json != NULL, NULL);

  /* The same parse, and the same errors, as signing the part. */
  object = jd_sign_parse_part (json, part, NULL, error);
  if (object == NULL || !jd_token_edit_set (object, assignment, now, error))
    return NULL;
  node = json_node_init_object (json_node_alloc (), object);
  return jd_json_to_string (node, TRUE);
}

static JsonObject *
copy_object (JsonObject *object, const char *skip)
{
  JsonObject *copy = json_object_new ();
  g_autoptr (GList) names = json_object_get_members (object);

  for (GList *l = names; l; l = l->next)
    if (g_strcmp0 (l->data, skip) != 0)
      json_object_set_member (copy, l->data,
                              json_node_copy (json_object_get_member (object, l->data)));
  return copy;
}

gboolean
jd_token_edit_start (JdToken *token, JsonObject **header, JsonObject **claims, GError **error)
{
  JsonObject *h, *c;
  GPtrArray *problems;

  g_return_val_if_fail (JD_IS_TOKEN (token), FALSE);

  if (jd_token_get_kind (token) == JD_TOKEN_KIND_JWE)
    {
      g_set_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_INPUT,
                   _ ("an encrypted token (JWE, 5 segments): its claims cannot be read here, so it "
                      "cannot be edited and re-signed"));
      return FALSE;
    }
  h = jd_token_get_header (token);
  c = jd_token_get_claims (token);
  if (h == NULL || c == NULL)
    {
      problems = jd_token_get_problems (token);
      if (problems->len > 0)
        {
          const JdTokenProblem *first = g_ptr_array_index (problems, 0);
          int segment = h == NULL ? JD_SEGMENT_HEADER : JD_SEGMENT_PAYLOAD;

          /* The problem in the part that could not be read, when one names it. */
          for (guint i = problems->len; i-- > 0;)
            if (((const JdTokenProblem *)g_ptr_array_index (problems, i))->segment == segment)
              first = g_ptr_array_index (problems, i);
          g_set_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_INPUT,
                       _ ("the token's %s cannot be read, so it cannot be re-signed: %s"),
                       h == NULL ? _ ("header") : _ ("payload"), first->message);
        }
      else
        g_set_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_INPUT,
                     _ ("the token's payload is not a JSON object of claims, so it cannot be "
                        "edited and re-signed"));
      return FALSE;
    }
  *header = copy_object (h, "alg");
  *claims = copy_object (c, NULL);
  return TRUE;
}
