/* jd-verify-result.c — JdVerifyResult: the verdict, the key that verified,
 * one JdKeyVerdict per key, and the findings of jd_verify()
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jd-verify-explain.h"
#include "jd-verify-private.h"

static void
verdict_data_clear (gpointer data)
{
  VerdictData *v = data;
  g_clear_object (&v->key);
  g_clear_pointer (&v->reason, g_free);
}

static void
finding_data_clear (gpointer data)
{
  FindingData *f = data;
  g_clear_pointer (&f->message, g_free);
  g_clear_object (&f->valid_key);
}

G_DEFINE_FINAL_TYPE (JdVerifyResult, jd_verify_result, G_TYPE_OBJECT)

static void
jd_verify_result_finalize (GObject *object)
{
  JdVerifyResult *self = (JdVerifyResult *)object;

  g_free (self->alg);
  g_free (self->kid);
  g_clear_object (&self->key);
  g_clear_object (&self->verdicts);
  g_clear_pointer (&self->verdict_data, g_array_unref);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->finding_data, g_array_unref);
  g_clear_pointer (&self->set_warnings, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (jd_verify_result_parent_class)->finalize (object);
}

static void
jd_verify_result_class_init (JdVerifyResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jd_verify_result_finalize;
}

static void
jd_verify_result_init (JdVerifyResult *self)
{
  self->verdict_data = g_array_new (FALSE, TRUE, sizeof (VerdictData));
  g_array_set_clear_func (self->verdict_data, verdict_data_clear);
  self->finding_data = g_array_new (FALSE, TRUE, sizeof (FindingData));
  g_array_set_clear_func (self->finding_data, finding_data_clear);
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
}

/* A key as the Keys table shows it: its row, its kid (jd-verify-explain.c). */
static char *
key_label (JdVerifyResult *self, JdKey *key)
{
  guint row = 0;

  for (guint i = 0; i < self->rows->len && row == 0; i++)
    if (g_ptr_array_index (self->rows, i) == key)
      row = i + 1;
  return jd_verify_key_name (key, row);
}

char *
jd_verify_result_dup_key_label (JdVerifyResult *self, JdKey *key)
{
  g_return_val_if_fail (JD_IS_VERIFY_RESULT (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return key_label (self, key);
}

void
jd_verify_result_add_finding (JdVerifyResult *self, const char *id, JdSeverity severity, int rank,
                              const char *claim, const char *message, const char *fix)
{
  FindingData f = { id, severity, rank, claim, g_strdup (message), fix, NULL };

  g_assert (self->findings == NULL);
  g_array_append_val (self->finding_data, f);
}

gboolean
jd_verify_result_has_finding (JdVerifyResult *self, const char *id)
{
  for (guint i = 0; i < self->finding_data->len; i++)
    if (g_str_equal (g_array_index (self->finding_data, FindingData, i).id, id))
      return TRUE;
  return FALSE;
}

void
jd_verify_result_remove_finding (JdVerifyResult *self, const char *id)
{
  for (guint i = 0; i < self->finding_data->len; i++)
    if (g_str_equal (g_array_index (self->finding_data, FindingData, i).id, id))
      {
        g_array_remove_index (self->finding_data, i);
        return;
      }
}

const char *
jd_signature_status_to_string (JdSignatureStatus status)
{
  switch (status)
    {
      case JD_SIGNATURE_VALID:
        return "valid";
      case JD_SIGNATURE_INVALID:
        return "invalid";
      case JD_SIGNATURE_NONE:
        return "none";
      case JD_SIGNATURE_UNVERIFIED:
      default:
        return "unverified";
    }
}

JdSignatureStatus
jd_verify_result_get_status (JdVerifyResult *self)
{
  g_return_val_if_fail (JD_IS_VERIFY_RESULT (self), JD_SIGNATURE_UNVERIFIED);
  return self->status;
}

const char *
jd_verify_result_get_alg (JdVerifyResult *self)
{
  g_return_val_if_fail (JD_IS_VERIFY_RESULT (self), NULL);
  return self->alg;
}

const char *
jd_verify_result_get_kid (JdVerifyResult *self)
{
  g_return_val_if_fail (JD_IS_VERIFY_RESULT (self), NULL);
  return self->kid;
}

JdKey *
jd_verify_result_get_key (JdVerifyResult *self)
{
  g_return_val_if_fail (JD_IS_VERIFY_RESULT (self), NULL);
  return self->key;
}

gboolean
jd_verify_result_get_secret_found (JdVerifyResult *self)
{
  g_return_val_if_fail (JD_IS_VERIFY_RESULT (self), FALSE);
  return self->secret_found;
}

GListModel *
jd_verify_result_get_verdicts (JdVerifyResult *self)
{
  g_return_val_if_fail (JD_IS_VERIFY_RESULT (self), NULL);

  if (self->verdicts == NULL)
    {
      g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < self->verdict_data->len; i++)
        {
          VerdictData *d = &g_array_index (self->verdict_data, VerdictData, i);
          g_ptr_array_add (items, jd_key_verdict_new_take (d));
        }
      g_array_set_size (self->verdict_data, 0);
      self->verdicts = g_list_store_new (JD_TYPE_KEY_VERDICT);
      g_list_store_splice (self->verdicts, 0, 0, items->pdata, items->len);
    }
  return G_LIST_MODEL (self->verdicts);
}

GPtrArray *
jd_verify_result_get_findings (JdVerifyResult *self)
{
  g_return_val_if_fail (JD_IS_VERIFY_RESULT (self), NULL);

  if (self->findings == NULL)
    {
      self->findings = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < self->finding_data->len; i++)
        {
          FindingData *f = &g_array_index (self->finding_data, FindingData, i);
          if (f->valid_key)
            {
              g_autofree char *label = key_label (self, f->valid_key);
              g_free (f->message);
              f->message
                = g_strdup_printf (_ ("The %s signature verifies with %s."), self->alg, label);
            }
          jd_findings_add (self->findings, f->id, f->severity, f->rank, f->claim, f->message,
                           f->fix);
        }
      g_array_set_size (self->finding_data, 0);
      /* Set-level warnings travel with the verification, so every report
       * that shows its findings also shows a JWKS that leaks private keys. */
      for (guint i = 0; self->set_warnings && i < self->set_warnings->len; i++)
        g_ptr_array_add (self->findings, g_object_ref (g_ptr_array_index (self->set_warnings, i)));
    }
  return self->findings;
}
