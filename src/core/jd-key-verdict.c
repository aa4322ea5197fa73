/* jd-key-verdict.c — JdKeyVerdict: what the verifier did with one key
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "jd-verify-private.h"

struct _JdKeyVerdict
{
  GObject parent_instance;

  JdKey *key;
  gboolean tried;
  JdSignatureStatus status;
  char *reason;
};

G_DEFINE_FINAL_TYPE (JdKeyVerdict, jd_key_verdict, G_TYPE_OBJECT)

enum
{
  VERDICT_PROP_0,
  VERDICT_PROP_KEY,
  VERDICT_PROP_TRIED,
  VERDICT_PROP_STATUS,
  VERDICT_PROP_REASON,
  VERDICT_LAST_PROP
};

static GParamSpec *verdict_pspecs[VERDICT_LAST_PROP];

static void
jd_key_verdict_finalize (GObject *object)
{
  JdKeyVerdict *self = (JdKeyVerdict *)object;

  g_clear_object (&self->key);
  g_free (self->reason);
  G_OBJECT_CLASS (jd_key_verdict_parent_class)->finalize (object);
}

static void
jd_key_verdict_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  JdKeyVerdict *self = JD_KEY_VERDICT (object);

  switch (prop_id)
    {
      case VERDICT_PROP_KEY:
        g_value_set_object (value, self->key);
        break;
      case VERDICT_PROP_TRIED:
        g_value_set_boolean (value, self->tried);
        break;
      case VERDICT_PROP_STATUS:
        g_value_set_int (value, self->status);
        break;
      case VERDICT_PROP_REASON:
        g_value_set_string (value, self->reason);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_key_verdict_class_init (JdKeyVerdictClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = jd_key_verdict_finalize;
  object_class->get_property = jd_key_verdict_get_property;

  verdict_pspecs[VERDICT_PROP_KEY] = g_param_spec_object ("key", NULL, NULL, JD_TYPE_KEY, flags);
  verdict_pspecs[VERDICT_PROP_TRIED] = g_param_spec_boolean ("tried", NULL, NULL, FALSE, flags);
  verdict_pspecs[VERDICT_PROP_STATUS]
    = g_param_spec_int ("status", NULL, NULL, JD_SIGNATURE_UNVERIFIED, JD_SIGNATURE_NONE,
                        JD_SIGNATURE_UNVERIFIED, flags);
  verdict_pspecs[VERDICT_PROP_REASON] = g_param_spec_string ("reason", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, VERDICT_LAST_PROP, verdict_pspecs);
}

static void
jd_key_verdict_init (JdKeyVerdict *self)
{
}

JdKey *
jd_key_verdict_get_key (JdKeyVerdict *self)
{
  g_return_val_if_fail (JD_IS_KEY_VERDICT (self), NULL);
  return self->key;
}

gboolean
jd_key_verdict_get_tried (JdKeyVerdict *self)
{
  g_return_val_if_fail (JD_IS_KEY_VERDICT (self), FALSE);
  return self->tried;
}

JdSignatureStatus
jd_key_verdict_get_status (JdKeyVerdict *self)
{
  g_return_val_if_fail (JD_IS_KEY_VERDICT (self), JD_SIGNATURE_UNVERIFIED);
  return self->status;
}

const char *
jd_key_verdict_get_reason (JdKeyVerdict *self)
{
  g_return_val_if_fail (JD_IS_KEY_VERDICT (self), NULL);
  return self->reason;
}

JdKeyVerdict *
jd_key_verdict_new_take (VerdictData *data)
{
  JdKeyVerdict *self = g_object_new (JD_TYPE_KEY_VERDICT, NULL);

  self->key = g_steal_pointer (&data->key);
  self->tried = data->tried;
  self->status = data->status;
  self->reason = g_steal_pointer (&data->reason);
  return self;
}
