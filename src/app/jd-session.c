/* jd-session.c — what one window is looking at
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "jd-offset-map.h"
#include "jd-report.h"
#include "jd-session-private.h"
#include "jd-sign.h"
#include "jd-token-kinds.h"

#define EXAMPLE_RESOURCE_TOKEN RESOURCE_PREFIX "/examples/article-expired.jwt"
#define EXAMPLE_RESOURCE_JWKS RESOURCE_PREFIX "/examples/article-jwks.json"
/* What the example's API expects (the article's service), not GSettings. */
#define EXAMPLE_AUDIENCE "https://api.example.com/v2"
#define EXAMPLE_ISSUER "https://auth.example.com/"

typedef struct
{
  char *text;
  gsize len;
  JdInput *input;
  JdToken *token;
  GArray *marks;
} Analysis;

typedef struct
{
  GBytes *data;
  char *source;
} KeyBlob;

struct _JdSession
{
  GObject parent_instance;

  GSettings *settings;

  char *text; /* the latest text, maybe not yet analysed */
  gsize len;
  Analysis *analysis; /* the latest applied analysis */
  guint generation;
  GCancellable *cancellable;
  gboolean busy;

  GPtrArray *key_blobs; /* of KeyBlob */
  char *secret;         /* in memory only, never persisted */
  gboolean secret_is_base64;
  JdKeySet *keys;
  char *key_change; /* "Added 3 keys from b.json", the last load */

  JdVerifyResult *verification;
  GListStore *findings;

  GHashTable *extra_findings; /* origin → GPtrArray of JdFinding */

  gint64 fixed_now;
  gint64 judged_at; /* the current token's instant; 0: now */
  char *judged_reason;
  JdVerdict *verdict;
  char *example_token;

  JdSessionNet *net; /* keys and requests from the network */
};

G_DEFINE_FINAL_TYPE (JdSession, jd_session, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_BUSY,
  PROP_REMOTE_KEYS,
  LAST_PROP
};

static GParamSpec *pspecs[LAST_PROP];

enum
{
  TOKEN_CHANGED,
  DIAGNOSIS_CHANGED,
  KEYS_CHANGED,
  CLOCK_CHANGED,
  LAST_SIGNAL
};

static guint signals[LAST_SIGNAL];

static void
analysis_free (Analysis *a)
{
  if (a == NULL)
    return;
  g_free (a->text);
  g_clear_object (&a->input);
  g_clear_object (&a->token);
  g_clear_pointer (&a->marks, g_array_unref);
  g_free (a);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Analysis, analysis_free)

static void
key_blob_free (gpointer data)
{
  KeyBlob *blob = data;

  g_bytes_unref (blob->data);
  g_free (blob->source);
  g_free (blob);
}

static Analysis *
analyse (const char *text, gsize len)
{
  g_autoptr (Analysis) a = g_new0 (Analysis, 1);
  g_autoptr (GArray) points = g_array_new (FALSE, FALSE, sizeof (gsize));
  const char *tok;
  gsize start;

  a->text = g_strndup (text, len);
  a->len = len;
  a->marks = g_array_new (FALSE, FALSE, sizeof (JdMark));
  a->input = jd_input_parse (text, len);

  tok = jd_input_get_token (a->input);
  start = jd_input_get_token_start (a->input);

  if (jd_input_get_error (a->input) != NULL)
    {
      /* Refused whole (too large): not read as a token either. The
       * input's finding says why; the text stays where it was typed. */
      a->token = jd_token_parse ("", 0);
      return g_steal_pointer (&a);
    }

  if (tok == NULL || tok[0] == '\0')
    {
      gsize first = 0, last = len;

      /* No token recognised: decode the text itself, so a person typing a
       * token sees what is wrong with it rather than nothing. */
      while (first < len && g_ascii_isspace (text[first]))
        first++;
      while (last > first && g_ascii_isspace (text[last - 1]))
        last--;
      if (first == last)
        return g_steal_pointer (&a);

      a->token = jd_token_parse (text + first, last - first);
      start = first;
    }
  else
    {
      a->token = jd_token_parse (tok, -1);
    }

  /* Segments and problems, in token bytes, then mapped onto the text. */
  {
    const char *token_text = jd_token_get_text (a->token);
    /* Not a JWT at all ("undefined", "ya29.…", jd-token-kinds.h): no
     * segments to colour and no bad bytes to underline. */
    gboolean not_jwt = jd_token_kinds_match_text (token_text) != NULL;
    GPtrArray *problems = not_jwt ? NULL : jd_token_get_problems (a->token);
    gsize token_len = jd_token_get_length (a->token);
    guint n_segments = not_jwt ? 0 : jd_token_get_n_segments (a->token);

    for (guint s = 0; s < n_segments; s++)
      {
        JdRange range;
        JdMark mark = { JD_MARK_SEGMENT, s, 0, 0 };

        if (!jd_token_get_segment_range (a->token, s, &range))
          continue;
        g_array_append_val (points, range.start);
        g_array_append_val (points, range.end);
        g_array_append_val (a->marks, mark);
      }
    for (guint p = 0; problems != NULL && p < problems->len; p++)
      {
        const JdTokenProblem *problem = g_ptr_array_index (problems, p);
        JdMark mark = { JD_MARK_PROBLEM, p, 0, 0 };
        gsize end = problem->offset + MAX (problem->length, 1);

        g_array_append_val (points, problem->offset);
        g_array_append_val (points, end);
        g_array_append_val (a->marks, mark);
      }

    jd_offset_map (text, len, MIN (start, len), token_text, token_len,
                   (gsize *)(gpointer)points->data, points->len);

    for (guint m = 0; m < a->marks->len; m++)
      {
        JdMark *mark = &g_array_index (a->marks, JdMark, m);

        mark->start = g_array_index (points, gsize, 2 * m);
        mark->end = g_array_index (points, gsize, 2 * m + 1);
        /* A problem at the very end (a missing segment) still shows. */
        if (mark->kind == JD_MARK_PROBLEM && mark->end <= mark->start && mark->start > 0)
          mark->start--;
      }
  }

  return g_steal_pointer (&a);
}

static gboolean
is_example (JdSession *self)
{
  JdToken *token = self->analysis ? self->analysis->token : NULL;

  return token != NULL && self->example_token != NULL
         && g_strcmp0 (jd_token_get_text (token), self->example_token) == 0;
}

JdExpectations *
jd_session_dup_expectations (JdSession *self)
{
  JdExpectations *e;

  g_return_val_if_fail (JD_IS_SESSION (self), NULL);

  e = jd_expectations_new ();
  e->now = jd_session_get_now (self);

  if (self->settings != NULL)
    {
      g_auto (GStrv) algs = g_settings_get_strv (self->settings, "allowed-algorithms");
      g_autofree char *aud = g_settings_get_string (self->settings, "expected-audience");
      g_autofree char *iss = g_settings_get_string (self->settings, "expected-issuer");

      e->leeway = g_settings_get_int (self->settings, "leeway");
      g_autofree char *kind = g_settings_get_string (self->settings, "expected-token-kind");
      e->token_kind = g_str_equal (kind, "id") ? JD_EXPECT_ID_TOKEN : JD_EXPECT_ACCESS_TOKEN;
      g_strstrip (aud);
      g_strstrip (iss);
      if (aud[0] != '\0')
        e->audience = g_steal_pointer (&aud);
      if (iss[0] != '\0')
        e->issuer = g_steal_pointer (&iss);
      if (algs != NULL && algs[0] != NULL)
        e->algorithms = g_steal_pointer (&algs);
    }

  if (is_example (self))
    {
      g_free (e->audience);
      g_free (e->issuer);
      e->audience = g_strdup (EXAMPLE_AUDIENCE);
      e->issuer = g_strdup (EXAMPLE_ISSUER);
    }

  return e;
}

static gboolean
findings_equal (GListModel *model, GPtrArray *findings)
{
  if (g_list_model_get_n_items (model) != findings->len)
    return FALSE;

  for (guint i = 0; i < findings->len; i++)
    {
      g_autoptr (JdFinding) a = g_list_model_get_item (model, i);
      JdFinding *b = g_ptr_array_index (findings, i);

      if (g_strcmp0 (jd_finding_get_id (a), jd_finding_get_id (b)) != 0
          || jd_finding_get_severity (a) != jd_finding_get_severity (b)
          || g_strcmp0 (jd_finding_get_claim (a), jd_finding_get_claim (b)) != 0
          || g_strcmp0 (jd_finding_get_message (a), jd_finding_get_message (b)) != 0
          || g_strcmp0 (jd_finding_get_fix (a), jd_finding_get_fix (b)) != 0)
        return FALSE;
    }

  return TRUE;
}

static void
update_verification (JdSession *self)
{
  JdToken *token = self->analysis ? self->analysis->token : NULL;
  g_autoptr (JdExpectations) expect = NULL;

  g_clear_object (&self->verification);
  if (token == NULL)
    return;

  expect = jd_session_dup_expectations (self);
  self->verification = jd_verify (token, self->keys, (const char *const *)expect->algorithms);
}

void
jd_session_refresh (JdSession *self)
{
  JdToken *token;
  g_autoptr (GPtrArray) findings = NULL;
  g_autoptr (JdExpectations) expect = NULL;
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (JD_IS_SESSION (self));

  token = self->analysis ? self->analysis->token : NULL;
  if (token == NULL)
    findings = g_ptr_array_new_with_free_func (g_object_unref);
  else
    {
      /* One reading of the settings and one instant for the findings and the verdict. */
      expect = jd_session_dup_expectations (self);
      findings = jd_diagnose (token, expect, self->verification, self->analysis->input);
    }
  g_clear_object (&self->verdict);

  /* jd_findings_merge() keeps the list sorted. */
  g_hash_table_iter_init (&iter, self->extra_findings);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    jd_findings_merge (findings, value);

  if (token != NULL)
    {
      /* The audience or issuer a pasted server message expects was checked. */
      jd_diagnosis_fill_expectations (expect, self->analysis->input);
      self->verdict
        = jd_verdict_new (token, findings, self->verification, expect, self->judged_reason);
    }

  if (!findings_equal (G_LIST_MODEL (self->findings), findings))
    g_list_store_splice (self->findings, 0,
                         g_list_model_get_n_items (G_LIST_MODEL (self->findings)), findings->pdata,
                         findings->len);

  g_signal_emit (self, signals[DIAGNOSIS_CHANGED], 0);
}

static void
set_busy (JdSession *self, gboolean busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_BUSY]);
}

static void
apply_analysis (JdSession *self, Analysis *a)
{
  analysis_free (self->analysis);
  self->analysis = a;

  update_verification (self);
  /* What the fetched key set says of the new token is ranked with it. */
  jd_session_net_token_changed (self);
  g_signal_emit (self, signals[TOKEN_CHANGED], 0);
  jd_session_refresh (self);
}

/* jd_session_hold_workers() */
static GMutex hold_mutex;
static GCond hold_cond;
static gboolean hold_workers;

void
jd_session_hold_workers (gboolean hold)
{
  g_mutex_lock (&hold_mutex);
  hold_workers = hold;
  g_cond_broadcast (&hold_cond);
  g_mutex_unlock (&hold_mutex);
}

static void
analyse_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  GBytes *text = task_data;
  gsize len;
  const char *data = g_bytes_get_data (text, &len);

  g_mutex_lock (&hold_mutex);
  while (hold_workers)
    g_cond_wait (&hold_cond, &hold_mutex);
  g_mutex_unlock (&hold_mutex);

  if (g_task_return_error_if_cancelled (task))
    return;
  g_task_return_pointer (task, analyse (data, len), (GDestroyNotify)analysis_free);
}

static void
analyse_done (GObject *object, GAsyncResult *result, gpointer user_data)
{
  JdSession *self = JD_SESSION (object);
  guint generation = GPOINTER_TO_UINT (user_data);
  Analysis *a = g_task_propagate_pointer (G_TASK (result), NULL);

  /* A newer text was set meanwhile: its result is the one to show. */
  if (a == NULL || generation != self->generation)
    {
      analysis_free (a);
      return;
    }

  set_busy (self, FALSE);
  apply_analysis (self, a);
}

void
jd_session_set_text (JdSession *self, const char *text, gssize len)
{
  g_return_if_fail (JD_IS_SESSION (self));
  g_return_if_fail (text != NULL || len == 0);

  if (text == NULL)
    text = "";
  if (len < 0)
    len = strlen (text);

  if (self->text != NULL && (gsize)len == self->len && memcmp (self->text, text, len) == 0)
    return;

  g_free (self->text);
  self->text = g_strndup (text, len);
  self->len = len;
  self->generation++;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_hash_table_remove (self->extra_findings, "response");

  /* A new token is judged at now, whatever the one before was judged at. */
  if (self->judged_at != 0)
    {
      self->judged_at = 0;
      g_clear_pointer (&self->judged_reason, g_free);
      g_signal_emit (self, signals[CLOCK_CHANGED], 0);
    }

  if ((gsize)len <= JD_SESSION_WORKER_THRESHOLD)
    {
      set_busy (self, FALSE);
      apply_analysis (self, analyse (text, len));
    }
  else
    {
      g_autoptr (GTask) task = NULL;

      self->cancellable = g_cancellable_new ();
      task
        = g_task_new (self, self->cancellable, analyse_done, GUINT_TO_POINTER (self->generation));
      g_task_set_source_tag (task, jd_session_set_text);
      g_task_set_task_data (task, g_bytes_new (text, len), (GDestroyNotify)g_bytes_unref);
      set_busy (self, TRUE);
      g_task_run_in_thread (task, analyse_thread);
    }
}

const char *
jd_session_get_text (JdSession *self)
{
  g_return_val_if_fail (JD_IS_SESSION (self), NULL);

  return self->text ? self->text : "";
}

const char *
jd_session_get_analysed_text (JdSession *self)
{
  g_return_val_if_fail (JD_IS_SESSION (self), NULL);

  return self->analysis ? self->analysis->text : "";
}

gboolean
jd_session_get_busy (JdSession *self)
{
  g_return_val_if_fail (JD_IS_SESSION (self), FALSE);

  return self->busy;
}

JdInput *
jd_session_get_input (JdSession *self)
{
  g_return_val_if_fail (JD_IS_SESSION (self), NULL);

  return self->analysis ? self->analysis->input : NULL;
}

JdToken *
jd_session_get_token (JdSession *self)
{
  g_return_val_if_fail (JD_IS_SESSION (self), NULL);

  return self->analysis ? self->analysis->token : NULL;
}

GArray *
jd_session_get_marks (JdSession *self)
{
  g_return_val_if_fail (JD_IS_SESSION (self), NULL);

  return self->analysis ? self->analysis->marks : NULL;
}

JdRequest *
jd_session_get_request (JdSession *self)
{
  g_return_val_if_fail (JD_IS_SESSION (self), NULL);

  return self->analysis ? jd_input_get_request (self->analysis->input) : NULL;
}

JdKeySet *
jd_session_get_keys (JdSession *self)
{
  g_return_val_if_fail (JD_IS_SESSION (self), NULL);

  return self->keys;
}

/* The key set is rebuilt from the loaded blobs and the secret, so a changed
 * secret replaces the old one instead of adding to it. */
static gboolean
rebuild_keys (JdSession *self, GError **error)
{
  g_autoptr (JdKeySet) keys = jd_key_set_new ();
  gboolean ok = TRUE;

  for (guint i = 0; i < self->key_blobs->len; i++)
    {
      KeyBlob *blob = g_ptr_array_index (self->key_blobs, i);
      gsize len;
      const char *data = g_bytes_get_data (blob->data, &len);

      /* Each blob loaded once already; a failure now cannot happen. */
      jd_key_set_load_data (keys, data, len, blob->source, NULL);
    }

  if (self->secret != NULL && self->secret[0] != '\0')
    ok = jd_key_set_add_secret (keys, self->secret, strlen (self->secret), self->secret_is_base64,
                                error);

  g_set_object (&self->keys, keys);
  update_verification (self);
  g_signal_emit (self, signals[KEYS_CHANGED], 0);
  jd_session_refresh (self);

  return ok;
}

/* Checks that @data reads as keys before keeping it (replacing what was
 * kept when @replace), then rebuilds the set the verifier uses. */
static gboolean
add_key_blob (JdSession *self, const char *data, gsize len, const char *source, gboolean replace,
              GError **error)
{
  g_autoptr (JdKeySet) probe = jd_key_set_new ();
  KeyBlob *blob;

  if (!jd_key_set_load_data (probe, data, len, source, error))
    return FALSE;

  /* Say whether the keys were added to the set or replaced it (#12). */
  g_free (self->key_change);
  {
    guint n = jd_key_set_get_n_keys (probe);
    if (replace && self->key_blobs->len > 0)
      self->key_change = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "Replaced the loaded keys with %u key from %s.",
                     "Replaced the loaded keys with %u keys from %s.", n),
        n, source);
    else if (self->key_blobs->len > 0 || (self->secret != NULL && self->secret[0] != '\0'))
      self->key_change
        = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Added %u key from %s to the set.",
                                        "Added %u keys from %s to the set.", n),
                           n, source);
    else
      self->key_change = NULL;
  }
  if (replace)
    g_ptr_array_set_size (self->key_blobs, 0);
  blob = g_new0 (KeyBlob, 1);
  blob->data = g_bytes_new (data, len);
  blob->source = g_strdup (source);
  g_ptr_array_add (self->key_blobs, blob);

  return rebuild_keys (self, error);
}

gboolean
jd_session_load_keys (JdSession *self, const char *data, gsize len, const char *source,
                      GError **error)
{
  g_return_val_if_fail (JD_IS_SESSION (self), FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  return add_key_blob (self, data, len, source, FALSE, error);
}

gboolean
jd_session_set_secret (JdSession *self, const char *secret, gboolean is_base64, GError **error)
{
  g_return_val_if_fail (JD_IS_SESSION (self), FALSE);

  if (secret != NULL && secret[0] != '\0')
    {
      g_autoptr (JdKeySet) probe = jd_key_set_new ();

      if (!jd_key_set_add_secret (probe, secret, strlen (secret), is_base64, error))
        return FALSE;
    }

  if (self->secret != NULL)
    memset (self->secret, 0, strlen (self->secret));
  g_free (self->secret);
  self->secret = g_strdup (secret);
  self->secret_is_base64 = is_base64;

  return rebuild_keys (self, error);
}

void
jd_session_clear_keys (JdSession *self)
{
  g_return_if_fail (JD_IS_SESSION (self));

  g_ptr_array_set_size (self->key_blobs, 0);
  /* Clear forgets the HMAC secret too (#12): nothing stays to verify with. */
  if (self->secret != NULL)
    memset (self->secret, 0, strlen (self->secret));
  g_clear_pointer (&self->secret, g_free);
  self->secret_is_base64 = FALSE;
  g_clear_pointer (&self->key_change, g_free);
  rebuild_keys (self, NULL);
}

const char *
jd_session_get_key_change (JdSession *self)
{
  g_return_val_if_fail (JD_IS_SESSION (self), NULL);
  return self->key_change;
}

gboolean
jd_session_replace_keys (JdSession *self, const char *data, gsize len, const char *source,
                         GError **error)
{
  g_return_val_if_fail (JD_IS_SESSION (self), FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  return add_key_blob (self, data, len, source, TRUE, error);
}

gboolean
jd_session_put_extra_findings (JdSession *self, const char *origin, GPtrArray *findings)
{
  if (findings == NULL || findings->len == 0)
    return g_hash_table_remove (self->extra_findings, origin);

  {
    GPtrArray *copy = g_ptr_array_new_with_free_func (g_object_unref);

    jd_findings_merge (copy, findings);
    g_hash_table_replace (self->extra_findings, g_strdup (origin), copy);
  }
  return TRUE;
}

void
jd_session_set_extra_findings (JdSession *self, const char *origin, GPtrArray *findings)
{
  g_return_if_fail (JD_IS_SESSION (self));
  g_return_if_fail (origin != NULL);

  if (jd_session_put_extra_findings (self, origin, findings))
    jd_session_refresh (self);
}

JdSessionNet *
jd_session_get_net (JdSession *self)
{
  return self->net;
}

GSettings *
jd_session_get_settings (JdSession *self)
{
  g_return_val_if_fail (JD_IS_SESSION (self), NULL);

  return self->settings;
}

JdVerifyResult *
jd_session_get_verification (JdSession *self)
{
  g_return_val_if_fail (JD_IS_SESSION (self), NULL);

  return self->verification;
}

GListModel *
jd_session_get_findings (JdSession *self)
{
  g_return_val_if_fail (JD_IS_SESSION (self), NULL);

  return G_LIST_MODEL (self->findings);
}

char *
jd_session_load_example (JdSession *self, GError **error)
{
  g_autoptr (GBytes) token = NULL;
  g_autoptr (GBytes) jwks = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (JD_IS_SESSION (self), NULL);

  token = g_resources_lookup_data (EXAMPLE_RESOURCE_TOKEN, 0, error);
  if (token == NULL)
    return NULL;
  jwks = g_resources_lookup_data (EXAMPLE_RESOURCE_JWKS, 0, error);
  if (jwks == NULL)
    return NULL;

  text = g_strstrip (g_strndup (g_bytes_get_data (token, NULL), g_bytes_get_size (token)));
  g_free (self->example_token);
  self->example_token = g_strdup (text);

  g_ptr_array_set_size (self->key_blobs, 0);
  if (!jd_session_load_keys (self, g_bytes_get_data (jwks, NULL), g_bytes_get_size (jwks),
                             "article-jwks.json", error))
    return NULL;

  return g_steal_pointer (&text);
}

gboolean
jd_text_is_example (const char *text, gsize len)
{
  g_autoptr (GBytes) token = g_resources_lookup_data (EXAMPLE_RESOURCE_TOKEN, 0, NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_return_val_if_fail (text != NULL || len == 0, FALSE);

  if (token == NULL || len > 2 * g_bytes_get_size (token) + 64)
    return FALSE;
  a = g_strstrip (g_strndup (g_bytes_get_data (token, NULL), g_bytes_get_size (token)));
  b = g_strstrip (g_strndup (text, len));

  return g_str_equal (a, b);
}

gboolean
jd_session_is_example (JdSession *self)
{
  g_return_val_if_fail (JD_IS_SESSION (self), FALSE);

  return is_example (self);
}

gint64
jd_session_get_now (JdSession *self)
{
  g_return_val_if_fail (JD_IS_SESSION (self), 0);

  if (self->judged_at != 0)
    return self->judged_at;
  if (self->fixed_now != 0)
    return self->fixed_now;

  return g_get_real_time () / G_USEC_PER_SEC;
}

void
jd_session_set_now (JdSession *self, gint64 now)
{
  g_return_if_fail (JD_IS_SESSION (self));

  self->fixed_now = now;
  g_signal_emit (self, signals[CLOCK_CHANGED], 0);
  jd_session_refresh (self);
}

void
jd_session_set_judged_at (JdSession *self, gint64 when, const char *reason)
{
  g_return_if_fail (JD_IS_SESSION (self));

  if (when == 0 || reason == NULL)
    {
      when = 0;
      reason = NULL;
    }
  if (when == self->judged_at && g_strcmp0 (reason, self->judged_reason) == 0)
    return;
  self->judged_at = when;
  g_free (self->judged_reason);
  self->judged_reason = g_strdup (reason);
  g_signal_emit (self, signals[CLOCK_CHANGED], 0);
  jd_session_refresh (self);
}

const char *
jd_session_get_judged_reason (JdSession *self)
{
  g_return_val_if_fail (JD_IS_SESSION (self), NULL);

  return self->judged_reason;
}

JdVerdict *
jd_session_get_verdict (JdSession *self)
{
  g_return_val_if_fail (JD_IS_SESSION (self), NULL);

  return self->verdict;
}

char *
jd_session_dup_report (JdSession *self)
{
  g_autoptr (JdReport) report = NULL;

  g_return_val_if_fail (JD_IS_SESSION (self), NULL);

  if (self->verdict == NULL)
    return g_strdup ("");

  /* The banner's verdict, as the CLI renders it. */
  report = jd_report_new ();
  jd_report_add_verdict (report, "argument", self->verdict);
  if (jd_sign_is_made_here (jd_token_get_text (jd_verdict_get_token (self->verdict))))
    jd_report_add_note (report, _ ("Test token signed on this computer by JWT Doctor (Edit and "
                                   "Re-sign), not issued by the identity provider"));
  return jd_report_to_text (report, FALSE, jd_session_get_now (self));
}

static void
settings_changed (JdSession *self, const char *key, GSettings *settings)
{
  if (g_str_equal (key, "allowed-algorithms"))
    update_verification (self);
  jd_session_refresh (self);
}

static void
jd_session_finalize (GObject *object)
{
  JdSession *self = JD_SESSION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->net, jd_session_net_free);
  g_clear_object (&self->settings);
  g_free (self->text);
  g_clear_pointer (&self->analysis, analysis_free);
  g_ptr_array_unref (self->key_blobs);
  if (self->secret != NULL)
    memset (self->secret, 0, strlen (self->secret));
  g_free (self->secret);
  g_free (self->key_change);
  g_clear_object (&self->keys);
  g_clear_object (&self->verification);
  g_clear_object (&self->verdict);
  g_free (self->judged_reason);
  g_clear_object (&self->findings);
  g_hash_table_unref (self->extra_findings);
  g_free (self->example_token);

  G_OBJECT_CLASS (jd_session_parent_class)->finalize (object);
}

static void
jd_session_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  JdSession *self = JD_SESSION (object);

  switch (prop_id)
    {
      case PROP_BUSY:
        g_value_set_boolean (value, self->busy);
        break;

      case PROP_REMOTE_KEYS:
        g_value_set_object (value, jd_session_get_remote_keys (self));
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_session_class_init (JdSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jd_session_finalize;
  object_class->get_property = jd_session_get_property;

  pspecs[PROP_BUSY] = g_param_spec_boolean (
    "busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The last fetched key set (jd-session-net.c); notified when it or what
   * it says of the token changes. */
  pspecs[PROP_REMOTE_KEYS]
    = g_param_spec_object ("remote-keys", NULL, NULL, JD_TYPE_REMOTE_KEYS,
                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, LAST_PROP, pspecs);

  signals[TOKEN_CHANGED] = g_signal_new ("token-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[DIAGNOSIS_CHANGED]
    = g_signal_new ("diagnosis-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                    NULL, NULL, G_TYPE_NONE, 0);
  signals[KEYS_CHANGED] = g_signal_new ("keys-changed", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[CLOCK_CHANGED] = g_signal_new ("clock-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
jd_session_init (JdSession *self)
{
  self->key_blobs = g_ptr_array_new_with_free_func (key_blob_free);
  self->keys = jd_key_set_new ();
  self->net = jd_session_net_new ();
  self->findings = g_list_store_new (JD_TYPE_FINDING);
  self->extra_findings
    = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_ptr_array_unref);
}

JdSession *
jd_session_new (GSettings *settings)
{
  JdSession *self;

  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (JD_TYPE_SESSION, NULL);
  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      g_signal_connect_object (settings, "changed", G_CALLBACK (settings_changed), self,
                               G_CONNECT_SWAPPED);
    }

  return self;
}
