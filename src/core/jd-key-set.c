/* jd-key-set.c — JdKeySet: the keys to verify with, as a list model, in
 * load order
 *
 * Loading detects the format (a JWKS, an array of JWKs, one JWK, a map of
 * certificates, PEM, DER); every key of a set is loaded on its own
 * (jd-key-import*.c), so one bad entry never hides the others. The set
 * adds what only a set can know: private keys in a public JWKS, duplicate
 * kids, and more keys than JD_KEYS_MAX_KEYS.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "jd-file-read.h"
#include "jd-json.h"
#include "jd-key-import-jwk.h"
#include "jd-key-import-pem.h"
#include "jd-key-import.h"
#include "jd-key-set.h"

struct _JdKeySet
{
  GObject parent_instance;

  GPtrArray *keys;
  GPtrArray *warnings;
};

static void jd_key_set_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (JdKeySet, jd_key_set, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      jd_key_set_list_model_init))

enum
{
  SET_PROP_0,
  SET_PROP_N_ITEMS,
  SET_LAST_PROP
};

static GParamSpec *set_pspecs[SET_LAST_PROP];

static GType
jd_key_set_get_item_type (GListModel *model)
{
  return JD_TYPE_KEY;
}

static guint
jd_key_set_get_n_items (GListModel *model)
{
  return JD_KEY_SET (model)->keys->len;
}

static gpointer
jd_key_set_get_item (GListModel *model, guint position)
{
  JdKeySet *self = JD_KEY_SET (model);

  if (position >= self->keys->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->keys, position));
}

static void
jd_key_set_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = jd_key_set_get_item_type;
  iface->get_n_items = jd_key_set_get_n_items;
  iface->get_item = jd_key_set_get_item;
}

static void
jd_key_set_finalize (GObject *object)
{
  JdKeySet *self = (JdKeySet *)object;

  g_ptr_array_unref (self->keys);
  g_ptr_array_unref (self->warnings);
  G_OBJECT_CLASS (jd_key_set_parent_class)->finalize (object);
}

static void
jd_key_set_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  JdKeySet *self = JD_KEY_SET (object);

  switch (prop_id)
    {
      case SET_PROP_N_ITEMS:
        g_value_set_uint (value, self->keys->len);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_key_set_class_init (JdKeySetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jd_key_set_finalize;
  object_class->get_property = jd_key_set_get_property;

  set_pspecs[SET_PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, SET_LAST_PROP, set_pspecs);
}

static void
jd_key_set_init (JdKeySet *self)
{
  self->keys = g_ptr_array_new_with_free_func (g_object_unref);
  self->warnings = g_ptr_array_new_with_free_func (g_object_unref);
}

JdKeySet *
jd_key_set_new (void)
{
  return g_object_new (JD_TYPE_KEY_SET, NULL);
}

guint
jd_key_set_get_n_keys (JdKeySet *self)
{
  g_return_val_if_fail (JD_IS_KEY_SET (self), 0);
  return self->keys->len;
}

JdKey *
jd_key_set_get_key (JdKeySet *self, guint position)
{
  g_return_val_if_fail (JD_IS_KEY_SET (self), NULL);
  g_return_val_if_fail (position < self->keys->len, NULL);
  return g_ptr_array_index (self->keys, position);
}

GPtrArray *
jd_key_set_get_warnings (JdKeySet *self)
{
  g_return_val_if_fail (JD_IS_KEY_SET (self), NULL);
  return self->warnings;
}

GPtrArray *
jd_key_set_get_kids (JdKeySet *self)
{
  GPtrArray *kids;

  g_return_val_if_fail (JD_IS_KEY_SET (self), NULL);

  kids = g_ptr_array_new ();
  for (guint i = 0; i < self->keys->len; i++)
    {
      JdKey *key = g_ptr_array_index (self->keys, i);
      gboolean seen = FALSE;

      if (key->kid == NULL)
        continue;
      for (guint j = 0; j < kids->len && !seen; j++)
        seen = g_str_equal (g_ptr_array_index (kids, j), key->kid);
      if (!seen)
        g_ptr_array_add (kids, key->kid);
    }
  return kids;
}

void
jd_key_set_clear (JdKeySet *self)
{
  guint n;

  g_return_if_fail (JD_IS_KEY_SET (self));

  n = self->keys->len;
  g_ptr_array_set_size (self->keys, 0);
  g_ptr_array_set_size (self->warnings, 0);
  if (n)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), 0, n, 0);
      g_object_notify_by_pspec (G_OBJECT (self), set_pspecs[SET_PROP_N_ITEMS]);
    }
}

static void
jd_key_set_take (JdKeySet *self, GPtrArray *keys)
{
  guint pos = self->keys->len;

  if (keys->len == 0)
    return;
  for (guint i = 0; i < keys->len; i++)
    g_ptr_array_add (self->keys, g_object_ref (g_ptr_array_index (keys, i)));
  g_list_model_items_changed (G_LIST_MODEL (self), pos, 0, keys->len);
  g_object_notify_by_pspec (G_OBJECT (self), set_pspecs[SET_PROP_N_ITEMS]);
}

/* Set-level findings: private material in a JWKS, duplicate kids. */
static void
jd_key_set_check (JdKeySet *self, GPtrArray *keys, const char *source)
{
  g_autoptr (GString) leaks = g_string_new (NULL);
  g_autoptr (GString) dups = g_string_new (NULL);
  guint n_leaks = 0;

  for (guint i = 0; i < keys->len; i++)
    {
      JdKey *key = g_ptr_array_index (keys, i);

      if (key->has_private)
        {
          if (leaks->len)
            g_string_append (leaks, ", ");
          /* Named by row, as the Keys table numbers it (not "keys[0]"). */
          g_string_append_printf (leaks, _ ("key %u"), self->keys->len + i + 1);
          n_leaks++;
        }
      if (key->kid)
        for (guint j = 0; j < i; j++)
          {
            JdKey *other = g_ptr_array_index (keys, j);
            if (g_strcmp0 (other->kid, key->kid) == 0)
              {
                if (dups->len)
                  g_string_append (dups, ", ");
                g_string_append_printf (dups, "\"%s\"", key->kid);
                break;
              }
          }
    }

  if (n_leaks)
    {
      g_autofree char *msg = NULL;

      if (n_leaks == 1 && keys->len == 1 && ((JdKey *)g_ptr_array_index (keys, 0))->path == NULL)
        msg = g_strdup_printf (_ ("%s holds private key material. A JWKS is published for "
                                  "anyone to fetch: if this key is, anyone can sign tokens "
                                  "your API accepts."),
                               source);
      else
        msg = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%s holds private key material (%s). A JWKS is "
                                            "published for anyone to fetch: if this one is, "
                                            "anyone can sign tokens your API accepts.",
                                            "%s holds private key material (%s). A JWKS is "
                                            "published for anyone to fetch: if this one is, "
                                            "anyone can sign tokens your API accepts.",
                                            n_leaks),
                               source, leaks->str);
      jd_findings_add (self->warnings, JD_FINDING_JWKS_PRIVATE_KEY, JD_SEVERITY_WARNING,
                       JD_RANK_KID, NULL, msg,
                       _ ("Publish only the public members (kty, kid, use, alg, n, e / crv, x, y) "
                          "and never oct keys; treat the exposed keys as compromised and rotate "
                          "them now."));
    }
  if (dups->len)
    {
      g_autofree char *msg = g_strdup_printf (
        _ ("%s uses the same kid more than once (%s): a verifier picks one of them and may "
           "pick the wrong one"),
        source, dups->str);
      jd_findings_add (self->warnings, JD_FINDING_DUPLICATE_KID, JD_SEVERITY_WARNING, JD_RANK_KID,
                       NULL, msg,
                       _ ("Give every key in the set its own kid (RFC 7638 thumbprints make "
                          "good kids)."));
    }
}

/* More than JD_KEYS_MAX_KEYS: the first ones were read; @first_unread is
 * the path of the next ("keys[1000]"), @total how many the data holds. */
static void
warn_too_many_keys (JdKeySet *self, const char *source, const char *first_unread, guint total)
{
  g_autofree char *msg = NULL;

  g_assert (total > JD_KEYS_MAX_KEYS);

  msg = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      /* Translators: "jwks.json keys[1000]…: the set holds
                                       * 4096 keys; only the first 1000 are read, …" */
                                      "%s %s…: the set holds %u key; only the first %u are read, "
                                      "so a kid among the others is reported as not found",
                                      "%s %s…: the set holds %u keys; only the first %u are read, "
                                      "so a kid among the others is reported as not found",
                                      total),
                         source, first_unread, total, JD_KEYS_MAX_KEYS);
  jd_findings_add (self->warnings, JD_FINDING_JWKS_TOO_MANY_KEYS, JD_SEVERITY_WARNING, JD_RANK_KID,
                   NULL, msg,
                   _ ("An issuer's key set holds a few keys, the current ones and those being "
                      "rotated in or out: check that this is the right file or URL, and retire "
                      "old keys from it."));
}

/* JD_KEYS_MAX_KEYS across loads: the set held @held keys, @source gave
 * @given more, @room of which are read. */
static void
warn_set_full (JdKeySet *self, const char *source, guint held, guint given, guint room)
{
  g_autofree char *msg = NULL;

  g_assert (held + given > JD_KEYS_MAX_KEYS);

  if (room == 0)
    msg = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        /* Translators: "c.jwks: the key set already holds 1000
                                         * keys; of the 600 here none are read (a set holds …" */
                                        "%s: the key set already holds %u keys; of the %u here "
                                        "none are read (a set holds at most %u), so a kid among "
                                        "them is reported as not found",
                                        "%s: the key set already holds %u keys; of the %u here "
                                        "none are read (a set holds at most %u), so a kid among "
                                        "them is reported as not found",
                                        given),
                           source, held, given, JD_KEYS_MAX_KEYS);
  else
    msg = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        /* Translators: "b.jwks: the key set already holds 600
                                         * keys; of the 600 here only the first 400 are read …" */
                                        "%s: the key set already holds %u keys; of the %u here "
                                        "only the first %u are read (a set holds at most %u), so "
                                        "a kid among the others is reported as not found",
                                        "%s: the key set already holds %u keys; of the %u here "
                                        "only the first %u are read (a set holds at most %u), so "
                                        "a kid among the others is reported as not found",
                                        given),
                           source, held, given, room, JD_KEYS_MAX_KEYS);
  jd_findings_add (self->warnings, JD_FINDING_JWKS_TOO_MANY_KEYS, JD_SEVERITY_WARNING, JD_RANK_KID,
                   NULL, msg,
                   _ ("Load only the key set of the token's issuer: keys from other files are "
                      "not needed to check it."));
}

/* ------------------------------------------------------------------ */
/* JSON: a JWKS, an array of JWKs, one JWK, a certificate map          */

/* The JWKs of @array, named "@prefix[i]" ("keys[2]", or "[2]" for a bare
 * array); past JD_KEYS_MAX_KEYS a warning counts the others. */
static void
load_jwk_array (JdKeySet *self, JsonArray *array, const char *source, const char *prefix,
                GPtrArray *keys)
{
  guint n = json_array_get_length (array);

  for (guint i = 0; i < MIN (n, JD_KEYS_MAX_KEYS); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s[%u]", prefix, i);
      g_autofree char *src = g_strdup_printf ("%s %s", source, path);
      g_ptr_array_add (keys, jd_key_new_from_jwk (json_array_get_element (array, i), src, path));
    }
  if (n > JD_KEYS_MAX_KEYS)
    {
      g_autofree char *path = g_strdup_printf ("%s[%u]", prefix, JD_KEYS_MAX_KEYS);
      warn_too_many_keys (self, source, path, n);
    }
}

/* An OpenID provider configuration ({"jwks_uri": …}) is not a key set:
 * the error says where its keys are. */
static void
set_provider_configuration_error (JsonObject *obj, const char *source, GError **error)
{
  JsonNode *uri = json_object_get_member (obj, "jwks_uri");

  /* Untrusted: "jwks_uri" may be any JSON value. */
  if (JSON_NODE_HOLDS_VALUE (uri) && json_node_get_value_type (uri) == G_TYPE_STRING)
    g_set_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_FORMAT,
                 _ ("%s is an OpenID provider configuration, not a key set: its keys "
                    "are at %s"),
                 source, json_node_get_string (uri));
  else
    g_set_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_FORMAT,
                 _ ("%s looks like an OpenID provider configuration, not a key set, "
                    "but its \"jwks_uri\" is not a string"),
                 source);
}

/* Whether every member of @obj (and there is one) is a PEM text. */
static gboolean
is_certificate_map (JsonObject *obj, GList *members)
{
  gboolean all_pem = members != NULL;

  for (GList *l = members; l && all_pem; l = l->next)
    {
      JsonNode *m = json_object_get_member (obj, l->data);
      all_pem = JSON_NODE_HOLDS_VALUE (m) && json_node_get_value_type (m) == G_TYPE_STRING
                && g_str_has_prefix (json_node_get_string (m), "-----BEGIN ");
    }
  return all_pem;
}

/* The keys of the PEM text of member @kid, which names those without a
 * kid; returns how many blocks the limit left unread. */
static guint
load_certificate_map_member (JsonNode *m, const char *kid, const char *source, const char *path,
                             GPtrArray *keys)
{
  g_autoptr (GPtrArray) pem_keys = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *src = g_strdup_printf ("%s %s", source, path);
  const char *pem;
  guint unread = 0;

  /* is_certificate_map () has checked every member; stay safe if one changed. */
  if (!JSON_NODE_HOLDS_VALUE (m) || json_node_get_value_type (m) != G_TYPE_STRING)
    return 0;
  pem = json_node_get_string (m);
  /* The keys so far count against the limit. */
  jd_key_import_pem (pem, strlen (pem), src, path, pem_keys, JD_KEYS_MAX_KEYS - keys->len, &unread);
  for (guint i = 0; i < pem_keys->len; i++)
    {
      JdKey *k = g_ptr_array_index (pem_keys, i);
      if (k->kid == NULL)
        k->kid = g_strdup (kid);
      g_ptr_array_add (keys, g_object_ref (k));
    }
  return unread;
}

/* {"kid": "-----BEGIN CERTIFICATE-----…"} as Google and Firebase publish. */
static gboolean
load_certificate_map (JdKeySet *self, JsonObject *obj, const char *source, GPtrArray *keys,
                      GError **error)
{
  g_autoptr (GList) members = json_object_get_members (obj);
  g_autofree char *first_unread = NULL;
  guint n_unread = 0;

  if (!is_certificate_map (obj, members))
    {
      g_set_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_FORMAT,
                   _ ("%s: a JSON object without \"keys\" or \"kty\" is not a JWK or "
                      "JWKS"),
                   source);
      return FALSE;
    }
  for (GList *l = members; l; l = l->next)
    {
      g_autofree char *path = g_strdup_printf ("\"%s\"", (char *)l->data);
      guint unread = load_certificate_map_member (json_object_get_member (obj, l->data), l->data,
                                                  source, path, keys);

      if (unread > 0 && first_unread == NULL)
        first_unread = g_steal_pointer (&path);
      n_unread += unread;
    }
  if (n_unread > 0)
    warn_too_many_keys (self, source, first_unread, keys->len + n_unread);
  return TRUE;
}

/* A JSON object: a JWKS, one JWK, a provider configuration (an error) or
 * a certificate map. The keys of a JWKS or JWK get the set-level checks. */
static gboolean
load_json_object (JdKeySet *self, JsonNode *root, const char *source, GPtrArray *keys,
                  GError **error)
{
  JsonObject *obj = json_node_get_object (root);
  JsonNode *keys_node = json_object_get_member (obj, "keys");

  if (keys_node && JSON_NODE_HOLDS_ARRAY (keys_node))
    load_jwk_array (self, json_node_get_array (keys_node), source, "keys", keys);
  else if (keys_node)
    {
      g_set_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_INVALID,
                   _ ("%s: \"keys\" must be an array of JWKs"), source);
      return FALSE;
    }
  else if (json_object_has_member (obj, "kty"))
    g_ptr_array_add (keys, jd_key_new_from_jwk (root, source, NULL));
  else if (json_object_has_member (obj, "jwks_uri"))
    {
      set_provider_configuration_error (obj, source, error);
      return FALSE;
    }
  else
    return load_certificate_map (self, obj, source, keys, error);

  jd_key_set_check (self, keys, source);
  return TRUE;
}

static gboolean
load_json (JdKeySet *self, const char *data, gsize len, const char *source, GPtrArray *keys,
           GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (JsonNode) root = NULL;

  /* Duplicate members keep the last value (RFC 7159 behaviour): one odd key
   * must not sink the whole set. */
  root
    = jd_json_parse (data, len, JD_JSON_ALLOW_DUPLICATES | JD_JSON_ALLOW_BOM, NULL, &local_error);
  if (root == NULL)
    {
      g_set_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_FORMAT, _ ("%s: not valid JSON: %s"), source,
                   local_error->message);
      return FALSE;
    }

  if (JSON_NODE_HOLDS_OBJECT (root))
    return load_json_object (self, root, source, keys, error);
  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_FORMAT,
                   _ ("%s: JSON that is not an object or array is not a key"), source);
      return FALSE;
    }
  load_jwk_array (self, json_node_get_array (root), source, "", keys);
  jd_key_set_check (self, keys, source);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Loading: which format, then into the set up to its limit            */

static const char *
skip_space (const char *p, const char *end)
{
  /* A UTF-8 byte order mark, then whitespace. */
  if (end - p >= 3 && (guchar)p[0] == 0xef && (guchar)p[1] == 0xbb && (guchar)p[2] == 0xbf)
    p += 3;
  while (p < end && g_ascii_isspace (*p))
    p++;
  return p;
}

static void
load_pem (JdKeySet *self, const char *data, gsize len, const char *source, GPtrArray *keys)
{
  guint n_unread = 0;

  jd_key_import_pem (data, len, source, NULL, keys, JD_KEYS_MAX_KEYS, &n_unread);
  if (n_unread > 0)
    {
      g_autofree char *first = g_strdup_printf (_ ("PEM block %u"), keys->len + 1);
      warn_too_many_keys (self, source, first, keys->len + n_unread);
    }
}

/* Text @p (up to @end) that is no key format: a token, or anything else. */
static void
set_not_a_key_error (const char *p, const char *end, const char *source, GError **error)
{
  const char *dot1 = memchr (p, '.', end - p);

  /* @data need not be NUL-terminated: compare within its length. */
  if (end - p >= 3 && memcmp (p, "eyJ", 3) == 0 && dot1 && memchr (dot1 + 1, '.', end - dot1 - 1))
    g_set_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_FORMAT,
                 _ ("%s looks like a token, not a key: give the issuer's JWKS, a PEM "
                    "public key or a certificate"),
                 source);
  else
    g_set_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_FORMAT,
                 _ ("%s is not a JWK, a JWKS, a PEM key or a certificate (it starts with "
                    "neither '{', '[' nor \"-----BEGIN\"); for an HMAC secret use the "
                    "secret option"),
                 source);
}

/* Reads @data (its first key byte at @p) into @keys by its format. */
static gboolean
load_by_format (JdKeySet *self, const char *data, gsize len, const char *p, const char *source,
                GPtrArray *keys, GError **error)
{
  const char *end = data + len;

  if (*p == '{' || *p == '[' || *p == '"')
    return load_json (self, p, end - p, source, keys, error);
  if (g_strstr_len (p, end - p, "-----BEGIN ") != NULL)
    {
      load_pem (self, p, end - p, source, keys);
      return TRUE;
    }
  if ((guchar)*data == 0x30)
    {
      JdKey *key = jd_key_new_from_der (data, len, source, error);
      if (key == NULL)
        return FALSE;
      g_ptr_array_add (keys, key);
      return TRUE;
    }
  set_not_a_key_error (p, end, source, error);
  return FALSE;
}

/* JD_KEYS_MAX_KEYS is per set, across loads: the keys loaded before
 * count, and only the first of @keys that fit are added. */
static void
jd_key_set_take_up_to_limit (JdKeySet *self, GPtrArray *keys, const char *source)
{
  if (self->keys->len + keys->len > JD_KEYS_MAX_KEYS)
    {
      guint room = JD_KEYS_MAX_KEYS - MIN (self->keys->len, JD_KEYS_MAX_KEYS);

      warn_set_full (self, source, self->keys->len, keys->len, room);
      g_ptr_array_set_size (keys, room);
    }
  jd_key_set_take (self, keys);
}

gboolean
jd_key_set_load_data (JdKeySet *self, const char *data, gsize len, const char *source,
                      GError **error)
{
  g_autoptr (GPtrArray) keys = NULL;
  const char *p;

  g_return_val_if_fail (JD_IS_KEY_SET (self), FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (source == NULL)
    source = _ ("key data");
  if (len > JD_KEYS_MAX_SIZE)
    {
      g_set_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_TOO_LARGE,
                   _ ("%s: %zu bytes is too large for a key set (the limit is %d MiB)"), source,
                   len, JD_KEYS_MAX_SIZE / (1024 * 1024));
      return FALSE;
    }

  keys = g_ptr_array_new_with_free_func (g_object_unref);
  p = skip_space (data, data + len);
  if (p == data + len)
    {
      g_set_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_FORMAT, _ ("%s is empty"), source);
      return FALSE;
    }
  if (!load_by_format (self, data, len, p, source, keys, error))
    return FALSE;
  if (keys->len == 0)
    {
      g_set_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_INVALID, _ ("%s holds no keys"), source);
      return FALSE;
    }

  jd_key_set_take_up_to_limit (self, keys, source);
  return TRUE;
}

gboolean
jd_key_set_load_file (JdKeySet *self, GFile *file, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  const char *contents;
  gsize len = 0;

  g_return_val_if_fail (JD_IS_KEY_SET (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = g_file_get_basename (file);
  /* Bounded: a 1 GB file, /dev/zero or an endless FIFO is refused at
   * JD_KEYS_MAX_SIZE instead of filling memory (jd-file-read.c). */
  bytes = jd_file_read_bounded (file, JD_KEYS_MAX_SIZE, &local_error);
  if (bytes == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
    {
      g_set_error_literal (error, JD_KEYS_ERROR, JD_KEYS_ERROR_TOO_LARGE, local_error->message);
      return FALSE;
    }
  if (bytes == NULL)
    {
      g_autofree char *where = g_file_get_parse_name (file);
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", where,
                   local_error->message);
      return FALSE;
    }
  contents = g_bytes_get_data (bytes, &len);
  return jd_key_set_load_data (self, contents ? contents : "", len, name, error);
}

gboolean
jd_key_set_add_secret (JdKeySet *self, const char *text, gsize len, gboolean is_base64,
                       GError **error)
{
  g_autoptr (GPtrArray) keys = NULL;
  JdKey *key;

  g_return_val_if_fail (JD_IS_KEY_SET (self), FALSE);
  g_return_val_if_fail (text != NULL || len == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  key = jd_key_new_user_secret (text, len, is_base64, error);
  if (key == NULL)
    return FALSE;
  keys = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (keys, key);
  jd_key_set_take (self, keys);
  return TRUE;
}
