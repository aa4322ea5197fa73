/* jd-resign-window.c — Edit and Re-sign: edit the token's header and claims
 * as JSON, sign with a loaded secret, a loaded private key or a throwaway
 * key, and hand the new token back to the window
 *
 * The JSON errors are the decoder's (jd_sign_parse_part), with the bad
 * byte underlined. Keys and secrets stay in memory; the only thing copied
 * out is a public JWKS, when the user asks for it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "jd-json.h"
#include "jd-resign-window.h"
#include "jd-sign.h"
#include "jd-token-edit.h"

/* Throwaway keys the window offers, in jd_sign_key_generate() kinds. */
#define N_THROWAWAY 3

struct _JdResignWindow
{
  AdwWindow parent_instance;

  GtkLabel *start_label;
  GtkTextView *claims_view;
  GtkTextView *header_view;
  GtkLabel *claims_error;
  GtkLabel *header_error;
  GtkButton *aud_button;
  AdwComboRow *key_row;
  AdwComboRow *alg_row;
  AdwActionRow *jwks_row;
  GtkLabel *key_error;

  JdSession *session;
  GPtrArray *loaded; /* JdKey that can sign, from the session's key set */
  JdSignKey *throwaway[N_THROWAWAY];
  JdSignKey *key; /* the chosen key, or NULL with key_error shown */
  char *original_alg;
  gboolean parts_ok;
};

G_DEFINE_FINAL_TYPE (JdResignWindow, jd_resign_window, ADW_TYPE_WINDOW)

enum
{
  SIGNED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static const char *
throwaway_label (guint kind)
{
  switch (kind)
    {
      case JD_SIGN_KEY_RSA:
        return _ ("New throwaway key: RSA 2048 (RS256)");
      case JD_SIGN_KEY_EC:
        return _ ("New throwaway key: EC P-256 (ES256)");
      default:
        return _ ("New throwaway key: Ed25519 (EdDSA)");
    }
}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* ---- JSON checks ----------------------------------------------------------- */

/* Parses @view's text; shows the decoder's message in @label and underlines
 * the byte it names. */
static gboolean
check_part (GtkTextView *view, GtkLabel *label, const char *part)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autofree char *text = buffer_text (view);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) object = NULL;
  GtkTextIter start, end;
  gsize offset = 0;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "json-error", &start, &end);
  object = jd_sign_parse_part (text, part, &offset, &error);
  gtk_widget_set_visible (GTK_WIDGET (label), object == NULL);
  if (object != NULL)
    return TRUE;
  gtk_label_set_text (label, error->message);
  if (error->domain == JD_SIGN_ERROR)
    {
      glong chars = g_utf8_pointer_to_offset (text, text + MIN (offset, strlen (text)));
      gtk_text_buffer_get_iter_at_offset (buffer, &start, (int)chars);
      end = start;
      if (!gtk_text_iter_forward_char (&end))
        gtk_text_iter_backward_char (&start);
      gtk_text_buffer_apply_tag_by_name (buffer, "json-error", &start, &end);
    }
  return FALSE;
}

static void
update_sign_action (JdResignWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "resign.sign",
                                 self->parts_ok && self->key != NULL
                                   && adw_combo_row_get_selected (self->alg_row)
                                        != GTK_INVALID_LIST_POSITION);
}

static void
parts_changed (JdResignWindow *self)
{
  gboolean claims_ok = check_part (self->claims_view, self->claims_error, _ ("payload"));
  gboolean header_ok = check_part (self->header_view, self->header_error, _ ("header"));

  self->parts_ok = claims_ok && header_ok;
  update_sign_action (self);
}

/* ---- Quick actions --------------------------------------------------------- */

static void
edit_claims (JdResignWindow *self, const char *assignment)
{
  g_autofree char *text = buffer_text (self->claims_view);
  g_autoptr (GError) error = NULL;
  g_autofree char *edited = jd_token_edit_text (text, _ ("payload"), assignment,
                                                jd_session_get_now (self->session), &error);

  if (edited == NULL)
    {
      /* The claims do not parse: the message under them already says where. */
      parts_changed (self);
      return;
    }
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->claims_view), edited, -1);
}

static void
exp_clicked (GtkWidget *widget, const char *action_name, GVariant *param)
{
  JdResignWindow *self = JD_RESIGN_WINDOW (widget);

  edit_claims (self, "exp=+3600");
}

static void
iat_clicked (GtkWidget *widget, const char *action_name, GVariant *param)
{
  JdResignWindow *self = JD_RESIGN_WINDOW (widget);

  edit_claims (self, "iat=now");
}

static void
aud_clicked (GtkWidget *widget, const char *action_name, GVariant *param)
{
  JdResignWindow *self = JD_RESIGN_WINDOW (widget);

  JdExpectations *expect = jd_session_dup_expectations (self->session);
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_VALUE);
  g_autofree char *quoted = NULL;
  g_autofree char *assignment = NULL;

  if (expect->audience != NULL)
    {
      json_node_set_string (node, expect->audience);
      quoted = jd_json_to_string (node, FALSE);
      assignment = g_strconcat ("aud=", quoted, NULL);
      edit_claims (self, assignment);
    }
  jd_expectations_free (expect);
}

/* ---- Keys ------------------------------------------------------------------ */

static void
show_key_error (JdResignWindow *self, const char *message)
{
  gtk_label_set_text (self->key_error, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->key_error), message != NULL);
}

static void
fill_algs (JdResignWindow *self)
{
  g_auto (GStrv) algs = self->key ? jd_sign_key_list_algs (self->key) : NULL;
  g_autofree char *chosen = NULL;
  GtkStringList *model = gtk_string_list_new ((const char *const *)algs);
  guint selected = GTK_INVALID_LIST_POSITION;

  if (self->key)
    chosen = jd_sign_key_choose_alg (self->key, NULL, self->original_alg, NULL);
  for (guint i = 0; algs && algs[i]; i++)
    if (g_strcmp0 (algs[i], chosen) == 0)
      selected = i;
  adw_combo_row_set_model (self->alg_row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (self->alg_row, selected);
  g_object_unref (model);
}

static void
key_selected (JdResignWindow *self)
{
  guint position = adw_combo_row_get_selected (self->key_row);
  g_autoptr (GError) error = NULL;

  g_clear_object (&self->key);
  if (position < self->loaded->len)
    self->key = jd_sign_key_new_from_key (g_ptr_array_index (self->loaded, position), &error);
  else if (position != GTK_INVALID_LIST_POSITION && position - self->loaded->len < N_THROWAWAY)
    {
      guint kind = position - self->loaded->len;
      if (self->throwaway[kind] == NULL)
        self->throwaway[kind] = jd_sign_key_generate ((JdSignKeyKind)kind, &error);
      self->key = self->throwaway[kind] ? g_object_ref (self->throwaway[kind]) : NULL;
    }
  show_key_error (self, error ? error->message : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->jwks_row),
                          self->key && g_strcmp0 (jd_sign_key_get_kty (self->key), "oct") != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "resign.copy-jwks",
                                 gtk_widget_get_visible (GTK_WIDGET (self->jwks_row)));
  fill_algs (self);
  update_sign_action (self);
}

/* The session's keys that can sign: secrets, oct JWKs and private keys. */
static void
fill_keys (JdResignWindow *self)
{
  JdKeySet *set = jd_session_get_keys (self->session);
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  guint preferred = 0;

  g_ptr_array_set_size (self->loaded, 0);
  for (guint i = 0; i < jd_key_set_get_n_keys (set); i++)
    {
      JdKey *key = jd_key_set_get_key (set, i);
      g_autofree char *what = jd_key_describe (key);
      g_autofree char *label = NULL;

      if (jd_key_get_problem (key) != NULL
          || (g_strcmp0 (jd_key_get_kty (key), "oct") != 0 && !jd_key_has_private_parts (key)))
        continue;
      /* TRANSLATORS: "key.pem — EC P-256", "secret — oct 256-bit secret" */
      label = g_strdup_printf (_ ("%s — %s"), jd_key_get_source (key), what);
      gtk_string_list_append (labels, label);
      g_ptr_array_add (self->loaded, g_object_ref (key));
    }
  for (guint kind = 0; kind < N_THROWAWAY; kind++)
    gtk_string_list_append (labels, throwaway_label (kind));
  if (self->loaded->len == 0)
    {
      /* No loaded key signs: a throwaway key of the token's family. */
      preferred = self->loaded->len + JD_SIGN_KEY_EC;
      if (self->original_alg
          && (g_str_has_prefix (self->original_alg, "RS")
              || g_str_has_prefix (self->original_alg, "PS")))
        preferred = self->loaded->len + JD_SIGN_KEY_RSA;
      else if (g_strcmp0 (self->original_alg, "EdDSA") == 0)
        preferred = self->loaded->len + JD_SIGN_KEY_ED25519;
    }
  g_signal_handlers_block_by_func (self->key_row, key_selected, self);
  adw_combo_row_set_model (self->key_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->key_row, preferred);
  g_signal_handlers_unblock_by_func (self->key_row, key_selected, self);
  key_selected (self);
}

static void
copy_jwks_clicked (GtkWidget *widget, const char *action_name, GVariant *param)
{
  JdResignWindow *self = JD_RESIGN_WINDOW (widget);

  GtkStringObject *alg = adw_combo_row_get_selected_item (self->alg_row);
  g_autoptr (GError) error = NULL;
  g_autofree char *jwks = NULL;

  if (self->key == NULL)
    return;
  jwks = jd_sign_key_export_public_jwks (self->key, alg ? gtk_string_object_get_string (alg) : NULL,
                                         &error);
  if (jwks == NULL)
    {
      show_key_error (self, error->message);
      return;
    }
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), jwks);
}

/* ---- Signing --------------------------------------------------------------- */

static void
sign_clicked (GtkWidget *widget, const char *action_name, GVariant *param)
{
  JdResignWindow *self = JD_RESIGN_WINDOW (widget);

  GtkStringObject *alg = adw_combo_row_get_selected_item (self->alg_row);
  g_autofree char *header = buffer_text (self->header_view);
  g_autofree char *claims = buffer_text (self->claims_view);
  g_autoptr (GError) error = NULL;
  g_autofree char *token = NULL;

  if (self->key == NULL || alg == NULL)
    return;
  token
    = jd_sign_compact_text (self->key, gtk_string_object_get_string (alg), header, claims, &error);
  if (token == NULL)
    {
      show_key_error (self, error->message);
      return;
    }
  g_signal_emit (self, signals[SIGNED], 0, token);
  gtk_window_close (GTK_WINDOW (self));
}

/* ---- Public ---------------------------------------------------------------- */

static void
set_part (GtkTextView *view, JsonObject *object)
{
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *text = NULL;

  json_node_set_object (node, object);
  text = jd_json_to_string (node, TRUE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

void
jd_resign_window_reload (JdResignWindow *self)
{
  JdToken *token;
  g_autoptr (JsonObject) header = NULL;
  g_autoptr (JsonObject) claims = NULL;
  g_autoptr (GError) error = NULL;
  JdExpectations *expect;

  g_return_if_fail (JD_IS_RESIGN_WINDOW (self));

  token = jd_session_get_token (self->session);
  g_free (self->original_alg);
  self->original_alg = token ? g_strdup (jd_token_get_alg (token)) : NULL;
  if (token == NULL || !jd_token_edit_start (token, &header, &claims, &error))
    {
      header = json_object_new ();
      json_object_set_string_member (header, "typ", "JWT");
      claims = json_object_new ();
    }
  gtk_label_set_text (self->start_label, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->start_label), error != NULL);
  set_part (self->header_view, header);
  set_part (self->claims_view, claims);

  expect = jd_session_dup_expectations (self->session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "resign.expected-aud",
                                 expect->audience != NULL);
  if (expect->audience != NULL)
    {
      g_autofree char *tip
        = g_strdup_printf (_ ("Set aud to “%s”, the audience the API expects"), expect->audience);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->aud_button), tip);
    }
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->aud_button),
                                 _ ("No expected audience yet: set it in Preferences"));
  jd_expectations_free (expect);
  fill_keys (self);
  parts_changed (self);
}

JdResignWindow *
jd_resign_window_new (GtkWindow *parent, JdSession *session)
{
  JdResignWindow *self;

  g_return_val_if_fail (JD_IS_SESSION (session), NULL);

  self = g_object_new (JD_TYPE_RESIGN_WINDOW, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  jd_resign_window_reload (self);
  return self;
}

GtkTextBuffer *
jd_resign_window_get_claims_buffer (JdResignWindow *self)
{
  return gtk_text_view_get_buffer (self->claims_view);
}

AdwComboRow *
jd_resign_window_get_key_row (JdResignWindow *self)
{
  return self->key_row;
}

AdwComboRow *
jd_resign_window_get_alg_row (JdResignWindow *self)
{
  return self->alg_row;
}

GtkTextBuffer *
jd_resign_window_get_header_buffer (JdResignWindow *self)
{
  return gtk_text_view_get_buffer (self->header_view);
}

/* ---- GObject --------------------------------------------------------------- */

static void
jd_resign_window_dispose (GObject *object)
{
  JdResignWindow *self = JD_RESIGN_WINDOW (object);

  g_clear_object (&self->session);
  g_clear_object (&self->key);
  for (guint i = 0; i < N_THROWAWAY; i++)
    g_clear_object (&self->throwaway[i]);
  g_clear_pointer (&self->loaded, g_ptr_array_unref);
  g_clear_pointer (&self->original_alg, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_RESIGN_WINDOW);

  G_OBJECT_CLASS (jd_resign_window_parent_class)->dispose (object);
}

static void
jd_resign_window_class_init (JdResignWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = jd_resign_window_dispose;

  /* The new token (compact). */
  signals[SIGNED] = g_signal_new ("signed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/jd-resign-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JdResignWindow, start_label);
  gtk_widget_class_bind_template_child (widget_class, JdResignWindow, claims_view);
  gtk_widget_class_bind_template_child (widget_class, JdResignWindow, header_view);
  gtk_widget_class_bind_template_child (widget_class, JdResignWindow, claims_error);
  gtk_widget_class_bind_template_child (widget_class, JdResignWindow, header_error);
  gtk_widget_class_bind_template_child (widget_class, JdResignWindow, aud_button);
  gtk_widget_class_bind_template_child (widget_class, JdResignWindow, key_row);
  gtk_widget_class_bind_template_child (widget_class, JdResignWindow, alg_row);
  gtk_widget_class_bind_template_child (widget_class, JdResignWindow, jwks_row);
  gtk_widget_class_bind_template_child (widget_class, JdResignWindow, key_error);
  gtk_widget_class_install_action (widget_class, "resign.sign", NULL, sign_clicked);
  gtk_widget_class_install_action (widget_class, "resign.exp-in-hour", NULL, exp_clicked);
  gtk_widget_class_install_action (widget_class, "resign.iat-now", NULL, iat_clicked);
  gtk_widget_class_install_action (widget_class, "resign.expected-aud", NULL, aud_clicked);
  gtk_widget_class_install_action (widget_class, "resign.copy-jwks", NULL, copy_jwks_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jd_resign_window_init (JdResignWindow *self)
{
  GtkTextBuffer *buffers[2];

  gtk_widget_init_template (GTK_WIDGET (self));
  self->loaded = g_ptr_array_new_with_free_func (g_object_unref);
  buffers[0] = gtk_text_view_get_buffer (self->claims_view);
  buffers[1] = gtk_text_view_get_buffer (self->header_view);
  for (guint i = 0; i < G_N_ELEMENTS (buffers); i++)
    {
      gtk_text_buffer_create_tag (buffers[i], "json-error", "underline", PANGO_UNDERLINE_ERROR,
                                  NULL);
      g_signal_connect_object (buffers[i], "changed", G_CALLBACK (parts_changed), self,
                               G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (self->key_row, "notify::selected", G_CALLBACK (key_selected), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->alg_row, "notify::selected", G_CALLBACK (update_sign_action), self,
                           G_CONNECT_SWAPPED);
}
