/* jd-claims-model.c — JdClaimsModel: the top level of the claims tree,
 * its clock for the time badges, and finding a node by path
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "jd-claim-node-private.h"
#include "jd-claims-model.h"
#include "jd-diagnosis.h"

/* ---- JdClaimsModel: the top level -------------------------------------- */

struct _JdClaimsModel
{
  GObject parent_instance;

  GPtrArray *items; /* JdClaimNode */
  gint64 now;
  gint64 leeway;
};

static GType
jd_claims_model_get_item_type (GListModel *model)
{
  return JD_TYPE_CLAIM_NODE;
}

static guint
jd_claims_model_get_n_items (GListModel *model)
{
  return JD_CLAIMS_MODEL (model)->items->len;
}

static gpointer
jd_claims_model_get_item (GListModel *model, guint position)
{
  JdClaimsModel *self = JD_CLAIMS_MODEL (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
jd_claims_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = jd_claims_model_get_item_type;
  iface->get_n_items = jd_claims_model_get_n_items;
  iface->get_item = jd_claims_model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (JdClaimsModel, jd_claims_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      jd_claims_model_list_model_init))

static void
jd_claims_model_finalize (GObject *object)
{
  JdClaimsModel *self = JD_CLAIMS_MODEL (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (jd_claims_model_parent_class)->finalize (object);
}

static void
jd_claims_model_class_init (JdClaimsModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jd_claims_model_finalize;
}

static void
jd_claims_model_init (JdClaimsModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

GListModel *
jd_claims_model_new (JsonObject *object, JdClaimsSection section)
{
  JdClaimsModel *self;

  g_return_val_if_fail (section == JD_CLAIMS_SECTION_HEADER || section == JD_CLAIMS_SECTION_PAYLOAD,
                        NULL);

  self = g_object_new (JD_TYPE_CLAIMS_MODEL, NULL);
  self->now = g_get_real_time () / G_USEC_PER_SEC;
  self->leeway = JD_DEFAULT_LEEWAY;

  if (object != NULL)
    {
      g_autoptr (GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        {
          JdClaimNode *node = jd_claim_node_new (section, NULL, l->data, 0,
                                                 json_object_get_member (object, l->data));

          /* Nobody listens yet: this only fills the badge. */
          jd_claim_node_set_now (node, self->now, self->leeway);
          g_ptr_array_add (self->items, node);
        }
    }

  return G_LIST_MODEL (self);
}

void
jd_claims_model_set_now (GListModel *model, gint64 now, gint64 leeway)
{
  JdClaimsModel *self;

  g_return_if_fail (JD_IS_CLAIMS_MODEL (model));

  self = JD_CLAIMS_MODEL (model);
  self->now = now;
  self->leeway = leeway;

  /* Time claims live at the top level only. */
  for (guint i = 0; i < self->items->len; i++)
    jd_claim_node_set_now (g_ptr_array_index (self->items, i), now, leeway);
}

gint64
jd_claims_model_get_now (GListModel *model)
{
  g_return_val_if_fail (JD_IS_CLAIMS_MODEL (model), 0);
  return JD_CLAIMS_MODEL (model)->now;
}

gint64
jd_claims_model_get_leeway (GListModel *model)
{
  g_return_val_if_fail (JD_IS_CLAIMS_MODEL (model), 0);
  return JD_CLAIMS_MODEL (model)->leeway;
}

/* TRUE when @path continues below @prefix: "a.b" or "a[0]" below "a". */
static gboolean
path_is_below (const char *path, const char *prefix)
{
  gsize len = strlen (prefix);

  return strncmp (path, prefix, len) == 0 && (path[len] == '.' || path[len] == '[');
}

static JdClaimNode *
find_in (GListModel *model, const char *path)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (JdClaimNode) node = g_list_model_get_item (model, i);

      if (strcmp (jd_claim_node_get_path (node), path) == 0)
        return node; /* the model keeps its reference */
      if (path_is_below (path, jd_claim_node_get_path (node)))
        {
          GListModel *children = jd_claim_node_peek_children (node);

          if (children != NULL)
            {
              JdClaimNode *found = find_in (children, path);
              if (found != NULL)
                return found;
            }
        }
    }
  return NULL;
}

JdClaimNode *
jd_claims_model_find (GListModel *model, const char *path)
{
  JdClaimsModel *self;
  JdClaimNode *found;

  g_return_val_if_fail (JD_IS_CLAIMS_MODEL (model), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  self = JD_CLAIMS_MODEL (model);
  found = find_in (model, path);
  if (found != NULL)
    return found;

  for (guint i = 0; i < self->items->len; i++)
    {
      JdClaimNode *node = g_ptr_array_index (self->items, i);

      if (strcmp (jd_claim_node_get_name (node), path) == 0)
        return node;
    }
  return NULL;
}
