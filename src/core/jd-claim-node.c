/* jd-claim-node.c — JdClaimNode: one row of the claims tree, its value
 * text, meaning and time badge; its children made on first request
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "jd-claim-meanings-private.h"
#include "jd-claim-node-private.h"
#include "jd-diagnosis.h"
#include "jd-json.h"

/* Longest string value shown in "value-text", in characters. */
#define VALUE_TEXT_MAX_CHARS 256

/* ---- JdClaimNode ------------------------------------------------------- */

struct _JdClaimNode
{
  GObject parent_instance;

  JdClaimsSection section;
  char *name;
  char *path;
  char **segments; /* member names from the top, for meanings */
  char *value_text;
  const char *meaning;
  JsonNode *node;

  GListStore *children; /* created on first request */

  JdTimeClaim time_claim;
  gboolean has_date;
  double date;

  JdBadgeState badge_state;
  char *badge_text;
  char *badge_tooltip;
};

G_DEFINE_FINAL_TYPE (JdClaimNode, jd_claim_node, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_NAME,
  PROP_PATH,
  PROP_VALUE_TEXT,
  PROP_MEANING,
  PROP_IS_TIME,
  PROP_BADGE_STATE,
  PROP_BADGE_TEXT,
  PROP_BADGE_TOOLTIP,
  PROP_NODE,
  PROP_SECTION,
  LAST_PROP
};

static GParamSpec *pspecs[LAST_PROP];

static void
jd_claim_node_finalize (GObject *object)
{
  JdClaimNode *self = JD_CLAIM_NODE (object);

  g_free (self->name);
  g_free (self->path);
  g_strfreev (self->segments);
  g_free (self->value_text);
  g_clear_pointer (&self->node, json_node_unref);
  g_clear_object (&self->children);
  g_free (self->badge_text);
  g_free (self->badge_tooltip);

  G_OBJECT_CLASS (jd_claim_node_parent_class)->finalize (object);
}

static void
jd_claim_node_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  JdClaimNode *self = JD_CLAIM_NODE (object);

  switch (prop_id)
    {
      case PROP_NAME:
        g_value_set_string (value, self->name);
        break;
      case PROP_PATH:
        g_value_set_string (value, self->path);
        break;
      case PROP_VALUE_TEXT:
        g_value_set_string (value, self->value_text);
        break;
      case PROP_MEANING:
        g_value_set_string (value, self->meaning);
        break;
      case PROP_IS_TIME:
        g_value_set_boolean (value, self->time_claim != JD_TIME_CLAIM_NONE);
        break;
      case PROP_BADGE_STATE:
        g_value_set_enum (value, self->badge_state);
        break;
      case PROP_BADGE_TEXT:
        g_value_set_string (value, self->badge_text);
        break;
      case PROP_BADGE_TOOLTIP:
        g_value_set_string (value, self->badge_tooltip);
        break;
      case PROP_NODE:
        g_value_set_boxed (value, self->node);
        break;
      case PROP_SECTION:
        g_value_set_enum (value, self->section);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_claim_node_class_init (JdClaimNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = jd_claim_node_finalize;
  object_class->get_property = jd_claim_node_get_property;

  pspecs[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  pspecs[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, flags);
  pspecs[PROP_VALUE_TEXT] = g_param_spec_string ("value-text", NULL, NULL, NULL, flags);
  pspecs[PROP_MEANING] = g_param_spec_string ("meaning", NULL, NULL, NULL, flags);
  pspecs[PROP_IS_TIME] = g_param_spec_boolean ("is-time", NULL, NULL, FALSE, flags);
  pspecs[PROP_BADGE_STATE]
    = g_param_spec_enum ("badge-state", NULL, NULL, JD_TYPE_BADGE_STATE, JD_BADGE_NONE, flags);
  pspecs[PROP_BADGE_TEXT] = g_param_spec_string ("badge-text", NULL, NULL, NULL, flags);
  pspecs[PROP_BADGE_TOOLTIP] = g_param_spec_string ("badge-tooltip", NULL, NULL, NULL, flags);
  pspecs[PROP_NODE] = g_param_spec_boxed ("node", NULL, NULL, JSON_TYPE_NODE, flags);
  pspecs[PROP_SECTION] = g_param_spec_enum ("section", NULL, NULL, JD_TYPE_CLAIMS_SECTION,
                                            JD_CLAIMS_SECTION_PAYLOAD, flags);

  g_object_class_install_properties (object_class, LAST_PROP, pspecs);
}

static void
jd_claim_node_init (JdClaimNode *self)
{
}

/* Shortest text that reads back as the same double. */
static char *
format_double (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    return g_strdup ("null");
  for (int precision = 15; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  return g_strdup (buffer);
}

static char *
format_string (const char *text)
{
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_VALUE);
  g_autofree char *shortened = NULL;
  g_autofree char *valid = NULL;

  /* json-glib nodes built by hand may hold anything; never walk bad UTF-8. */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  if (g_utf8_strlen (text, -1) > VALUE_TEXT_MAX_CHARS)
    {
      g_autofree char *head = g_utf8_substring (text, 0, VALUE_TEXT_MAX_CHARS);
      shortened = g_strconcat (head, "…", NULL);
    }
  json_node_set_string (node, shortened != NULL ? shortened : text);
  /* Our writer: a claim's U+0000 reads as \u0000 (jd-json.h). */
  return jd_json_to_string (node, FALSE);
}

static char *format_value (JsonNode *node);

/* An array of strings, numbers, booleans and nulls (an "aud" list, roles,
 * scopes) shows its values, as JSON: ["api", "web"]. Past the length of
 * one value the rest is cut with the count, ["api", … (40 items)]; the
 * children hold every value. NULL when an element is an object or array. */
static char *
format_scalar_array (JsonArray *array)
{
  guint n = json_array_get_length (array);
  g_autoptr (GString) text = g_string_new ("[");

  for (guint i = 0; i < n; i++)
    if (!JSON_NODE_HOLDS_VALUE (json_array_get_element (array, i))
        && !JSON_NODE_HOLDS_NULL (json_array_get_element (array, i)))
      return NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *value = format_value (json_array_get_element (array, i));

      if (i > 0 && g_utf8_strlen (text->str, -1) + g_utf8_strlen (value, -1) > VALUE_TEXT_MAX_CHARS)
        {
          /* TRANSLATORS: the end of a shortened list: "["api", … (40 items)]" */
          g_string_append_printf (
            text, g_dngettext (GETTEXT_PACKAGE, ", … (%u item)]", ", … (%u items)]", n), n);
          return g_string_free (g_steal_pointer (&text), FALSE);
        }
      g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", value);
    }
  g_string_append_c (text, ']');
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
format_value (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
      case JSON_NODE_OBJECT:
        {
          guint n = json_object_get_size (json_node_get_object (node));

          if (n == 0)
            return g_strdup ("{}");
          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u member", "%u members", n), n);
        }

      case JSON_NODE_ARRAY:
        {
          guint n = json_array_get_length (json_node_get_array (node));
          char *inline_text;

          if (n == 0)
            return g_strdup ("[]");
          inline_text = format_scalar_array (json_node_get_array (node));
          if (inline_text != NULL)
            return inline_text;
          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items", n), n);
        }

      case JSON_NODE_NULL:
        return g_strdup ("null");

      case JSON_NODE_VALUE:
      default:
        {
          GType type = json_node_get_value_type (node);

          if (type == G_TYPE_STRING)
            return format_string (json_node_get_string (node));
          if (type == G_TYPE_INT64)
            return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
          if (type == G_TYPE_DOUBLE)
            return format_double (json_node_get_double (node));
          if (type == G_TYPE_BOOLEAN)
            return g_strdup (json_node_get_boolean (node) ? "true" : "false");
          return g_strdup ("null");
        }
    }
}

static gboolean
name_is_plain (const char *name)
{
  return *name != '\0' && strpbrk (name, ".[]\"") == NULL;
}

static char *
bracketed_name (const char *name)
{
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_VALUE);
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autofree char *quoted = NULL;

  json_node_set_string (node, name);
  json_generator_set_root (generator, node);
  quoted = json_generator_to_data (generator, NULL);
  return g_strdup_printf ("[%s]", quoted);
}

static void
compute_badge (JdClaimNode *self, gint64 now, gint64 leeway, JdBadgeState *state, char **text,
               char **tooltip)
{
  g_assert (self->time_claim != JD_TIME_CLAIM_NONE);

  if (self->has_date)
    {
      *state = jd_time_badge_state (self->time_claim, self->date, now, leeway);
      *text = jd_time_badge_text (self->time_claim, self->date, now, leeway);
      *tooltip = jd_time_format_tooltip (self->date, self->node);
      return;
    }

  *state = self->time_claim == JD_TIME_CLAIM_EXPIRY || self->time_claim == JD_TIME_CLAIM_NOT_BEFORE
               || self->time_claim == JD_TIME_CLAIM_ISSUED_AT
             ? JD_BADGE_ERROR
             : JD_BADGE_WARNING;
  *text = g_strdup (_ ("not a NumericDate"));
  *tooltip = jd_numeric_date_problem (self->name, self->node);
}

void
jd_claim_node_set_now (JdClaimNode *self, gint64 now, gint64 leeway)
{
  JdBadgeState state;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  g_assert (JD_IS_CLAIM_NODE (self));

  if (self->time_claim == JD_TIME_CLAIM_NONE)
    return;

  compute_badge (self, now, leeway, &state, &text, &tooltip);

  if (state != self->badge_state)
    {
      self->badge_state = state;
      g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_BADGE_STATE]);
    }
  if (g_strcmp0 (text, self->badge_text) != 0)
    {
      g_free (self->badge_text);
      self->badge_text = g_steal_pointer (&text);
      g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_BADGE_TEXT]);
    }
  if (g_strcmp0 (tooltip, self->badge_tooltip) != 0)
    {
      g_free (self->badge_tooltip);
      self->badge_tooltip = g_steal_pointer (&tooltip);
      g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_BADGE_TOOLTIP]);
    }
}

JdClaimNode *
jd_claim_node_new (JdClaimsSection section, JdClaimNode *parent, const char *name, guint index,
                   JsonNode *node)
{
  JdClaimNode *self = g_object_new (JD_TYPE_CLAIM_NODE, NULL);
  g_autoptr (GStrvBuilder) segments = g_strv_builder_new ();

  g_assert (node != NULL);

  self->section = section;
  self->node = json_node_ref (node);

  if (parent != NULL)
    g_strv_builder_addv (segments, (const char **)parent->segments);

  if (name != NULL)
    {
      self->name = g_strdup (name);
      g_strv_builder_add (segments, name);
      if (parent == NULL)
        self->path = name_is_plain (name) ? g_strdup (name) : bracketed_name (name);
      else if (name_is_plain (name))
        self->path = g_strconcat (parent->path, ".", name, NULL);
      else
        {
          g_autofree char *bracketed = bracketed_name (name);
          self->path = g_strconcat (parent->path, bracketed, NULL);
        }
    }
  else
    {
      g_assert (parent != NULL);
      self->name = g_strdup_printf ("[%u]", index);
      self->path = g_strconcat (parent->path, self->name, NULL);
    }
  self->segments = g_strv_builder_end (segments);

  /* Array elements take no meaning: it would repeat the array's. */
  if (name != NULL)
    self->meaning
      = jd_claims_get_meaning_for_segments (section, (const char *const *)self->segments);

  self->value_text = format_value (node);

  if (parent == NULL && section == JD_CLAIMS_SECTION_PAYLOAD)
    self->time_claim = jd_time_claim_from_name (name);
  if (self->time_claim != JD_TIME_CLAIM_NONE)
    self->has_date = jd_numeric_date_read (node, &self->date) == JD_NUMERIC_DATE_VALID;

  return self;
}

const char *
jd_claim_node_get_name (JdClaimNode *self)
{
  g_return_val_if_fail (JD_IS_CLAIM_NODE (self), NULL);
  return self->name;
}

const char *
jd_claim_node_get_path (JdClaimNode *self)
{
  g_return_val_if_fail (JD_IS_CLAIM_NODE (self), NULL);
  return self->path;
}

const char *
jd_claim_node_get_value_text (JdClaimNode *self)
{
  g_return_val_if_fail (JD_IS_CLAIM_NODE (self), NULL);
  return self->value_text;
}

const char *
jd_claim_node_get_meaning (JdClaimNode *self)
{
  g_return_val_if_fail (JD_IS_CLAIM_NODE (self), NULL);
  return self->meaning;
}

gboolean
jd_claim_node_get_is_time (JdClaimNode *self)
{
  g_return_val_if_fail (JD_IS_CLAIM_NODE (self), FALSE);
  return self->time_claim != JD_TIME_CLAIM_NONE;
}

JdBadgeState
jd_claim_node_get_badge_state (JdClaimNode *self)
{
  g_return_val_if_fail (JD_IS_CLAIM_NODE (self), JD_BADGE_NONE);
  return self->badge_state;
}

const char *
jd_claim_node_get_badge_text (JdClaimNode *self)
{
  g_return_val_if_fail (JD_IS_CLAIM_NODE (self), NULL);
  return self->badge_text;
}

const char *
jd_claim_node_get_badge_tooltip (JdClaimNode *self)
{
  g_return_val_if_fail (JD_IS_CLAIM_NODE (self), NULL);
  return self->badge_tooltip;
}

JsonNode *
jd_claim_node_get_node (JdClaimNode *self)
{
  g_return_val_if_fail (JD_IS_CLAIM_NODE (self), NULL);
  return self->node;
}

JdClaimsSection
jd_claim_node_get_section (JdClaimNode *self)
{
  g_return_val_if_fail (JD_IS_CLAIM_NODE (self), JD_CLAIMS_SECTION_PAYLOAD);
  return self->section;
}

static gboolean
has_children (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return json_object_get_size (json_node_get_object (node)) > 0;
  if (JSON_NODE_HOLDS_ARRAY (node))
    return json_array_get_length (json_node_get_array (node)) > 0;
  return FALSE;
}

static GListStore *
ensure_children (JdClaimNode *self)
{
  g_assert (JD_IS_CLAIM_NODE (self));

  if (self->children != NULL || !has_children (self->node))
    return self->children;

  self->children = g_list_store_new (JD_TYPE_CLAIM_NODE);

  if (JSON_NODE_HOLDS_OBJECT (self->node))
    {
      JsonObject *object = json_node_get_object (self->node);
      g_autoptr (GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        {
          g_autoptr (JdClaimNode) child = NULL;

          child = jd_claim_node_new (self->section, self, l->data, 0,
                                     json_object_get_member (object, l->data));
          g_list_store_append (self->children, child);
        }
    }
  else
    {
      JsonArray *array = json_node_get_array (self->node);
      guint n = json_array_get_length (array);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr (JdClaimNode) child = NULL;

          child
            = jd_claim_node_new (self->section, self, NULL, i, json_array_get_element (array, i));
          g_list_store_append (self->children, child);
        }
    }

  return self->children;
}

GListModel *
jd_claim_node_peek_children (JdClaimNode *self)
{
  GListStore *children = ensure_children (self);

  return children != NULL ? G_LIST_MODEL (children) : NULL;
}

GListModel *
jd_claim_node_get_children (JdClaimNode *self)
{
  GListStore *children;

  g_return_val_if_fail (JD_IS_CLAIM_NODE (self), NULL);

  children = ensure_children (self);
  return children != NULL ? g_object_ref (G_LIST_MODEL (children)) : NULL;
}

GListModel *
jd_claims_create_child_model (gpointer item, gpointer user_data)
{
  g_return_val_if_fail (JD_IS_CLAIM_NODE (item), NULL);

  return jd_claim_node_get_children (JD_CLAIM_NODE (item));
}
