/* jd-har.c — HTTP Archive files, read for their tokens
 *
 * JdHar is the list model of a HAR's entries (jd-har-entry.c) as the
 * reader (jd-har-reader.c) found them, with its counts, the sanitized-HAR
 * explanation, the timeline of its distinct tokens, and the loading: from
 * memory, from a file, streaming, or in a worker thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "jd-har.h"
#include "jd-time.h"
#include "jd-token.h"

/* ------------------------------------------------------------------ */
/* JdHar */

struct _JdHar
{
  GObject parent_instance;

  JdHarContents contents; /* entries, problems, counts: what the reader found */
  char *sanitized_message;
};

static void jd_har_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (JdHar, jd_har, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, jd_har_list_model_init))

static GType
jd_har_get_item_type (GListModel *model)
{
  return JD_TYPE_HAR_ENTRY;
}

static guint
jd_har_get_n_items (GListModel *model)
{
  return JD_HAR (model)->contents.entries->len;
}

static gpointer
jd_har_get_item (GListModel *model, guint position)
{
  JdHar *self = JD_HAR (model);

  if (position >= self->contents.entries->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->contents.entries, position));
}

static void
jd_har_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = jd_har_get_item_type;
  iface->get_n_items = jd_har_get_n_items;
  iface->get_item = jd_har_get_item;
}

static void
jd_har_finalize (GObject *object)
{
  JdHar *self = JD_HAR (object);

  jd_har_contents_clear (&self->contents);
  g_free (self->sanitized_message);

  G_OBJECT_CLASS (jd_har_parent_class)->finalize (object);
}

static void
jd_har_class_init (JdHarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jd_har_finalize;
}

static void
jd_har_init (JdHar *self)
{
  jd_har_contents_init (&self->contents);
}

const char *
jd_har_get_version (JdHar *self)
{
  g_return_val_if_fail (JD_IS_HAR (self), NULL);
  return self->contents.version;
}

const char *
jd_har_get_creator (JdHar *self)
{
  g_return_val_if_fail (JD_IS_HAR (self), NULL);
  return self->contents.creator;
}

GPtrArray *
jd_har_get_problems (JdHar *self)
{
  g_return_val_if_fail (JD_IS_HAR (self), NULL);
  return self->contents.problems;
}

guint
jd_har_get_n_with_token (JdHar *self)
{
  g_return_val_if_fail (JD_IS_HAR (self), 0);
  return self->contents.n_with_token;
}

guint
jd_har_get_n_auth_failures (JdHar *self)
{
  g_return_val_if_fail (JD_IS_HAR (self), 0);
  return self->contents.n_auth_failures;
}

gboolean
jd_har_is_sanitized (JdHar *self)
{
  g_return_val_if_fail (JD_IS_HAR (self), FALSE);
  return self->contents.n_401 > 0 && !self->contents.any_credentials;
}

const char *
jd_har_get_sanitized_message (JdHar *self)
{
  g_return_val_if_fail (JD_IS_HAR (self), NULL);

  if (!jd_har_is_sanitized (self))
    return NULL;

  if (self->sanitized_message == NULL)
    {
      g_autofree char *first = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE,
                     "This HAR has %u answer 401 Unauthorized, but no request in it carries an "
                     "Authorization or Cookie header: the browser left the credentials out when it "
                     "saved the file, so there is no token to diagnose.",
                     "This HAR has %u answers 401 Unauthorized, but no request in it carries an "
                     "Authorization or Cookie header: the browser left the credentials out when it "
                     "saved the file, so there is no token to diagnose.",
                     self->contents.n_401),
        self->contents.n_401);

      self->sanitized_message = g_strconcat (
        first, " ",
        _ ("Export it again with the credentials: in Chrome or Edge, open the DevTools settings "
           "(F1), "
           "under Preferences → Network turn on “Allow to generate HAR with sensitive data”, then "
           "in "
           "the Network panel choose “Export HAR (with sensitive data)…”. Firefox keeps them with "
           "“Save All As HAR”."),
        NULL);
    }

  return self->sanitized_message;
}

GListModel *
jd_har_dup_failing_first (JdHar *self)
{
  GListStore *store;

  g_return_val_if_fail (JD_IS_HAR (self), NULL);

  /* a stable partition: the same order as jd_har_entry_compare_failing_first() */
  store = g_list_store_new (JD_TYPE_HAR_ENTRY);
  for (guint i = 0; i < self->contents.entries->len; i++)
    {
      JdHarEntry *e = g_ptr_array_index (self->contents.entries, i);
      if (jd_har_entry_is_auth_failure (e))
        g_list_store_append (store, e);
    }
  for (guint i = 0; i < self->contents.entries->len; i++)
    {
      JdHarEntry *e = g_ptr_array_index (self->contents.entries, i);
      if (!jd_har_entry_is_auth_failure (e))
        g_list_store_append (store, e);
    }

  return G_LIST_MODEL (store);
}

/* ------------------------------------------------------------------ */
/* Token timeline */

void
jd_har_timeline_token_free (JdHarTimelineToken *token)
{
  if (token == NULL)
    return;

  if (token->token != NULL)
    memset (token->token, 0, strlen (token->token));
  g_free (token->token);
  g_free (token->fingerprint);
  g_free (token->subject);
  g_free (token->kid);
  g_clear_pointer (&token->uses, g_ptr_array_unref);
  g_clear_pointer (&token->failed_after_exp, g_ptr_array_unref);
  g_free (token);
}

/* A time claim as whole seconds (rounded down), when it is a NumericDate:
 * jd_numeric_date_read() keeps it within years 1–9999, so the cast is safe. */
static gboolean
claim_to_int64 (JsonObject *claims, const char *name, gint64 *out)
{
  double seconds;

  if (jd_numeric_date_get_member (claims, name, &seconds) != JD_NUMERIC_DATE_VALID)
    return FALSE;
  *out = (gint64)floor (seconds);
  return TRUE;
}

static int
compare_timeline (gconstpointer a, gconstpointer b)
{
  const JdHarTimelineToken *ta = *(JdHarTimelineToken *const *)a;
  const JdHarTimelineToken *tb = *(JdHarTimelineToken *const *)b;
  guint ia = jd_har_entry_get_index (g_ptr_array_index (ta->uses, 0));
  guint ib = jd_har_entry_get_index (g_ptr_array_index (tb->uses, 0));

  if (ta->first_used != tb->first_used && ta->first_used > 0 && tb->first_used > 0)
    return ta->first_used < tb->first_used ? -1 : 1;
  return ia < ib ? -1 : ia > ib ? 1 : 0;
}

GPtrArray *
jd_har_dup_timeline (JdHar *self)
{
  g_autoptr (GHashTable) by_token = NULL;
  GPtrArray *timeline;

  g_return_val_if_fail (JD_IS_HAR (self), NULL);

  timeline = g_ptr_array_new_with_free_func ((GDestroyNotify)jd_har_timeline_token_free);
  by_token = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->contents.entries->len; i++)
    {
      JdHarEntry *e = g_ptr_array_index (self->contents.entries, i);
      JdHarTimelineToken *t;

      if (!jd_har_entry_has_token (e))
        continue;

      t = g_hash_table_lookup (by_token, jd_har_entry_get_token (e));
      if (t == NULL)
        {
          g_autofree char *sum
            = g_compute_checksum_for_string (G_CHECKSUM_SHA256, jd_har_entry_get_token (e), -1);

          t = g_new0 (JdHarTimelineToken, 1);
          t->token = g_strdup (jd_har_entry_get_token (e));
          t->fingerprint = g_strndup (sum, 12);
          t->source = jd_har_entry_get_token_source (e);
          t->uses = g_ptr_array_new_with_free_func (g_object_unref);
          t->failed_after_exp = g_ptr_array_new_with_free_func (g_object_unref);
          g_ptr_array_add (timeline, t);
          g_hash_table_insert (by_token, t->token, t);
        }

      g_ptr_array_add (t->uses, g_object_ref (e));
      if (jd_har_entry_has_started (e))
        {
          double started = jd_har_entry_get_started (e);

          if (t->first_used == 0 || started < t->first_used)
            t->first_used = started;
          if (t->last_used == 0 || started > t->last_used)
            t->last_used = started;
        }
    }

  for (guint i = 0; i < timeline->len; i++)
    {
      JdHarTimelineToken *t = g_ptr_array_index (timeline, i);
      g_autoptr (JdToken) token = jd_token_parse (t->token, -1);
      JsonObject *claims = jd_token_get_claims (token);

      t->has_exp = claim_to_int64 (claims, "exp", &t->exp);
      t->has_iat = claim_to_int64 (claims, "iat", &t->iat);
      if (claims != NULL && json_object_has_member (claims, "sub"))
        {
          JsonNode *sub = json_object_get_member (claims, "sub");
          if (JSON_NODE_HOLDS_VALUE (sub) && json_node_get_value_type (sub) == G_TYPE_STRING)
            t->subject = g_strdup (json_node_get_string (sub));
        }
      t->kid = g_strdup (jd_token_get_kid (token));

      if (!t->has_exp)
        continue;

      for (guint j = 0; j < t->uses->len; j++)
        {
          JdHarEntry *e = g_ptr_array_index (t->uses, j);

          if (!jd_har_entry_has_started (e) || jd_har_entry_get_started (e) < (double)t->exp)
            continue;
          t->n_used_after_exp++;
          if (jd_har_entry_is_auth_failure (e))
            g_ptr_array_add (t->failed_after_exp, g_object_ref (e));
        }
    }

  g_ptr_array_sort (timeline, compare_timeline);
  return timeline;
}

/* ------------------------------------------------------------------ */
/* Loading */

/* @limits nullable: then @defaults, filled with the defaults. */
static void
options_init (JdHarReadOptions *options, const JdHarLimits *limits, JdHarLimits *defaults,
              GCancellable *cancellable)
{
  if (limits == NULL)
    {
      jd_har_limits_init (defaults);
      limits = defaults;
    }

  memset (options, 0, sizeof *options);
  options->limits = limits;
  options->cancellable = cancellable;
}

static JdHar *
load_file (GFile *file, const JdHarReadOptions *options, GError **error)
{
  g_autoptr (JdHar) har = g_object_new (JD_TYPE_HAR, NULL);

  if (!jd_har_read_file (file, options, &har->contents, error))
    return NULL;
  return g_steal_pointer (&har);
}

JdHar *
jd_har_load_bytes (GBytes *bytes, const JdHarLimits *limits, GCancellable *cancellable,
                   GError **error)
{
  g_autoptr (JdHar) har = NULL;
  JdHarLimits defaults;
  JdHarReadOptions options;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  options_init (&options, limits, &defaults, cancellable);
  har = g_object_new (JD_TYPE_HAR, NULL);
  if (!jd_har_read_bytes (bytes, FALSE, _ ("The data"), &options, &har->contents, error))
    return NULL;
  return g_steal_pointer (&har);
}

JdHar *
jd_har_load_file (GFile *file, const JdHarLimits *limits, GCancellable *cancellable, GError **error)
{
  JdHarLimits defaults;
  JdHarReadOptions options;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  options_init (&options, limits, &defaults, cancellable);
  return load_file (file, &options, error);
}

JdHar *
jd_har_load_file_streaming (GFile *file, const JdHarLimits *limits, JdHarEntryFunc func,
                            gpointer user_data, GCancellable *cancellable, GError **error)
{
  JdHarLimits defaults;
  JdHarReadOptions options;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (func != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  options_init (&options, limits, &defaults, cancellable);
  options.entry_func = func;
  options.entry_data = user_data;
  return load_file (file, &options, error);
}

/* ------------------------------------------------------------------ */
/* In a worker */

typedef struct
{
  GFile *file;
  JdHarLimits limits;
  JdHarProgressFunc progress;
  gpointer progress_data;
  GMainContext *context;
  gint64 last_report;
  double last_fraction;
} LoadData;

typedef struct
{
  JdHarProgressFunc progress;
  gpointer progress_data;
  double fraction;
} ProgressReport;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->context, g_main_context_unref);
  g_free (data);
}

static gboolean
report_progress (gpointer user_data)
{
  ProgressReport *report = user_data;

  report->progress (report->fraction, report->progress_data);
  return G_SOURCE_REMOVE;
}

/* In the worker: forward at most every 50 ms (and the end) to the caller's context. */
static void
worker_progress (double fraction, gpointer user_data)
{
  LoadData *data = user_data;
  gint64 now = g_get_monotonic_time ();
  ProgressReport *report;

  if (fraction < 1.0 && now - data->last_report < 50 * 1000)
    return;
  if (fraction == data->last_fraction)
    return;

  data->last_report = now;
  data->last_fraction = fraction;

  report = g_new (ProgressReport, 1);
  report->progress = data->progress;
  report->progress_data = data->progress_data;
  report->fraction = fraction;
  g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT, report_progress, report, g_free);
}

static void
load_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  LoadData *data = task_data;
  JdHarReadOptions options = { 0 };
  GError *error = NULL;
  JdHar *har;

  options.limits = &data->limits;
  options.cancellable = cancellable;
  options.progress = data->progress != NULL ? worker_progress : NULL;
  options.progress_data = data;
  har = load_file (data->file, &options, &error);
  if (har == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, har, g_object_unref);
}

void
jd_har_load_async (GFile *file, const JdHarLimits *limits, GCancellable *cancellable,
                   JdHarProgressFunc progress, gpointer progress_data, GAsyncReadyCallback callback,
                   gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (file);
  if (limits != NULL)
    data->limits = *limits;
  else
    jd_har_limits_init (&data->limits);
  data->progress = progress;
  data->progress_data = progress_data;
  data->context = g_main_context_ref_thread_default ();
  data->last_fraction = -1;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, jd_har_load_async);
  g_task_set_name (task, "jd_har_load_async");
  g_task_set_task_data (task, data, (GDestroyNotify)load_data_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, load_thread);
}

JdHar *
jd_har_load_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jd_har_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
