/* jd-fresh-token-dialog.c — "Get a Fresh Token": the form, the request
 * through src/net (only when Get Token is pressed), the device code shown
 * in the window, the browser opened through the GTK launcher
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "jd-client-assertion.h"
#include "jd-fresh-token-dialog.h"
#include "jd-session.h"
#include "jd-sign-key.h"

struct _JdFreshTokenDialog
{
  AdwWindow parent_instance;

  GtkSpinner *spinner;
  GtkWidget *status_box;
  GtkLabel *status_title;
  GtkLabel *code_label;
  GtkLabel *status_label;
  GtkLabel *fix_label;
  AdwComboRow *grant_row;
  AdwEntryRow *endpoint_row;
  AdwEntryRow *client_id_row;
  AdwComboRow *auth_row;
  AdwEntryRow *secret_row;
  AdwEntryRow *key_row;
  AdwEntryRow *refresh_row;
  AdwEntryRow *scope_row;
  AdwEntryRow *audience_row;
  AdwEntryRow *resource_row;

  JdSession *session; /* the only way to the network */
  char *issuer;
  GCancellable *cancellable;
  char *status;
  char *code;
  JdSignKey *key; /* private_key_jwt, parsed when Get Token is pressed */
};

G_DEFINE_FINAL_TYPE (JdFreshTokenDialog, jd_fresh_token_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_TOKEN_RECEIVED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static const JdGrantType grants[] = { JD_GRANT_CLIENT_CREDENTIALS, JD_GRANT_REFRESH_TOKEN,
                                      JD_GRANT_AUTHORIZATION_CODE, JD_GRANT_DEVICE_CODE };
static const JdClientAuth auths[] = { JD_CLIENT_AUTH_BASIC, JD_CLIENT_AUTH_POST,
                                      JD_CLIENT_AUTH_PRIVATE_KEY_JWT, JD_CLIENT_AUTH_NONE };

static void
show_status (JdFreshTokenDialog *self, const char *style, const char *title, const char *text,
             const char *fix)
{
  g_free (self->status);
  self->status
    = g_strdup_printf ("%s: %s%s%s", title, text ? text : "", fix ? " " : "", fix ? fix : "");
  gtk_widget_set_visible (self->status_box, TRUE);
  gtk_widget_remove_css_class (self->status_box, "error");
  gtk_widget_remove_css_class (self->status_box, "warning");
  if (style != NULL)
    gtk_widget_add_css_class (self->status_box, style);
  gtk_label_set_text (self->status_title, title);
  gtk_label_set_text (self->status_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
  gtk_label_set_text (self->fix_label, fix ? fix : "");
  gtk_widget_set_visible (GTK_WIDGET (self->fix_label), fix != NULL);
}

/* Only the rows the chosen grant and authentication use are shown. */
static void
update_rows (JdFreshTokenDialog *self)
{
  guint g = adw_combo_row_get_selected (self->grant_row);
  guint a = adw_combo_row_get_selected (self->auth_row);
  gboolean busy = self->cancellable != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->refresh_row),
                          g < G_N_ELEMENTS (grants) && grants[g] == JD_GRANT_REFRESH_TOKEN);
  gtk_widget_set_visible (GTK_WIDGET (self->secret_row), a < G_N_ELEMENTS (auths)
                                                           && (auths[a] == JD_CLIENT_AUTH_BASIC
                                                               || auths[a] == JD_CLIENT_AUTH_POST));
  gtk_widget_set_visible (GTK_WIDGET (self->key_row),
                          a < G_N_ELEMENTS (auths) && auths[a] == JD_CLIENT_AUTH_PRIVATE_KEY_JWT);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "fresh.get", !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

static char *
row_text (AdwEntryRow *row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static void
on_show_code (const JdTokenAnswer *device, gpointer user_data)
{
  JdFreshTokenDialog *self = user_data;
  /* TRANSLATORS: RFC 8628: where the person enters the code shown above */
  g_autofree char *text
    = g_strdup_printf (_ ("Open %s on any device and enter this code. Waiting for the approval…"),
                       device->verification_uri);

  g_free (self->code);
  self->code = g_strdup (device->user_code);
  gtk_label_set_text (self->code_label, device->user_code);
  gtk_widget_set_visible (GTK_WIDGET (self->code_label), TRUE);
  show_status (self, NULL, _ ("Enter the Code"), text, NULL);
}

static void
on_open_uri (const char *url, gpointer user_data)
{
  JdFreshTokenDialog *self = user_data;

  show_status (
    self, NULL, _ ("Sign In in the Browser"),
    _ ("The browser opened the identity provider's sign-in page; it comes back here on 127.0.0.1."),
    NULL);
#if GTK_CHECK_VERSION(4, 10, 0)
  {
    g_autoptr (GtkUriLauncher) launcher = gtk_uri_launcher_new (url);
    gtk_uri_launcher_launch (launcher, GTK_WINDOW (self), NULL, NULL, NULL);
  }
#else
  gtk_show_uri (GTK_WINDOW (self), url, GDK_CURRENT_TIME);
#endif
}

static char *
on_client_assertion (const char *token_endpoint, gpointer user_data, GError **error)
{
  JdFreshTokenDialog *self = user_data;
  g_autofree char *client_id = row_text (self->client_id_row);

  return jd_client_assertion_new (self->key, NULL, client_id, token_endpoint,
                                  g_get_real_time () / G_USEC_PER_SEC, error);
}

static void
got_answer (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (JdFreshTokenDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JdTokenAnswer) answer
    = jd_session_fresh_token_finish (JD_SESSION (source), result, &error);

  g_clear_object (&self->cancellable);
  gtk_widget_set_visible (GTK_WIDGET (self->code_label), FALSE);
  update_rows (self);
  if (answer == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_status (self, "error", _ ("No Fresh Token"), error->message, NULL);
      return;
    }
  if (!jd_token_answer_has_token (answer))
    {
      g_autofree char *fix = NULL;
      g_autofree char *text = jd_token_answer_explain (answer, &fix);
      show_status (self, "error", _ ("The Token Endpoint Refused"), text, fix);
      return;
    }
  show_status (self, NULL, _ ("Got a Fresh Token"), NULL, NULL);
  g_signal_emit (self, signals[SIGNAL_TOKEN_RECEIVED], 0, answer->access_token);
  gtk_window_close (GTK_WINDOW (self));
}

static JdTokenGrant *
build_grant (JdFreshTokenDialog *self, GError **error)
{
  guint g = adw_combo_row_get_selected (self->grant_row);
  guint a = adw_combo_row_get_selected (self->auth_row);
  JdTokenGrant *grant = jd_token_grant_new (grants[MIN (g, G_N_ELEMENTS (grants) - 1)]);

  grant->auth = auths[MIN (a, G_N_ELEMENTS (auths) - 1)];
  grant->token_endpoint = row_text (self->endpoint_row);
  grant->client_id = row_text (self->client_id_row);
  grant->scope = row_text (self->scope_row);
  grant->audience = row_text (self->audience_row);
  grant->resource = row_text (self->resource_row);
  if (grant->auth == JD_CLIENT_AUTH_BASIC || grant->auth == JD_CLIENT_AUTH_POST)
    grant->client_secret = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->secret_row)));
  if (grant->grant == JD_GRANT_REFRESH_TOKEN)
    grant->refresh_token = row_text (self->refresh_row);
  g_clear_object (&self->key);
  if (grant->auth == JD_CLIENT_AUTH_PRIVATE_KEY_JWT)
    {
      const char *pem = gtk_editable_get_text (GTK_EDITABLE (self->key_row));
      self->key
        = jd_sign_key_new_from_data (pem, strlen (pem), _ ("the pasted private key"), error);
      if (self->key == NULL)
        {
          jd_token_grant_free (grant);
          return NULL;
        }
    }
  /* A public client (no secret) in the code or device flow. */
  if ((grant->auth == JD_CLIENT_AUTH_BASIC || grant->auth == JD_CLIENT_AUTH_POST)
      && (grant->client_secret == NULL || *grant->client_secret == '\0')
      && (grant->grant == JD_GRANT_AUTHORIZATION_CODE || grant->grant == JD_GRANT_DEVICE_CODE))
    grant->auth = JD_CLIENT_AUTH_NONE;
  return grant;
}

void
jd_fresh_token_dialog_start (JdFreshTokenDialog *self)
{
  g_autoptr (JdTokenGrant) grant = NULL;
  g_autoptr (GError) error = NULL;
  JdFreshTokenUi ui = { on_open_uri, on_show_code, on_client_assertion, self };

  g_return_if_fail (JD_IS_FRESH_TOKEN_DIALOG (self));
  if (self->cancellable != NULL)
    return;
  grant = build_grant (self, &error);
  if (grant == NULL)
    {
      show_status (self, "error", _ ("No Fresh Token"), error->message, NULL);
      return;
    }
  self->cancellable = g_cancellable_new ();
  show_status (self, NULL, _ ("Asking the Token Endpoint…"), NULL, NULL);
  update_rows (self);
  jd_session_fresh_token_async (self->session, grant, self->issuer, &ui, self->cancellable,
                                got_answer, g_object_ref (self));
}

static void
get_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  jd_fresh_token_dialog_start (JD_FRESH_TOKEN_DIALOG (widget));
}

GtkWidget *
jd_fresh_token_dialog_get_row (JdFreshTokenDialog *self, const char *name)
{
  const struct
  {
    const char *name;
    gpointer row;
  } rows[] = {
    { "grant", self->grant_row },         { "token-endpoint", self->endpoint_row },
    { "client-id", self->client_id_row }, { "client-secret", self->secret_row },
    { "client-auth", self->auth_row },    { "refresh-token", self->refresh_row },
    { "client-key", self->key_row },      { "scope", self->scope_row },
    { "audience", self->audience_row },   { "resource", self->resource_row },
  };

  g_return_val_if_fail (JD_IS_FRESH_TOKEN_DIALOG (self), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (g_str_equal (rows[i].name, name))
      return rows[i].row;
  return NULL;
}

const char *
jd_fresh_token_dialog_get_status (JdFreshTokenDialog *self)
{
  g_return_val_if_fail (JD_IS_FRESH_TOKEN_DIALOG (self), NULL);
  return self->status;
}

const char *
jd_fresh_token_dialog_get_code (JdFreshTokenDialog *self)
{
  g_return_val_if_fail (JD_IS_FRESH_TOKEN_DIALOG (self), NULL);
  return self->code;
}

gboolean
jd_fresh_token_dialog_get_busy (JdFreshTokenDialog *self)
{
  g_return_val_if_fail (JD_IS_FRESH_TOKEN_DIALOG (self), FALSE);
  return self->cancellable != NULL;
}

JdFreshTokenDialog *
jd_fresh_token_dialog_new (GtkWindow *parent, JdSession *session, const char *issuer)
{
  JdFreshTokenDialog *self
    = g_object_new (JD_TYPE_FRESH_TOKEN_DIALOG, "transient-for", parent, NULL);

  g_return_val_if_fail (JD_IS_SESSION (session), NULL);
  self->session = g_object_ref (session);
  self->issuer = g_strdup (issuer);
  return self;
}

static void
jd_fresh_token_dialog_dispose (GObject *object)
{
  JdFreshTokenDialog *self = JD_FRESH_TOKEN_DIALOG (object);

  /* Closing the dialog ends the wait (device polling, the browser). */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->key);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_FRESH_TOKEN_DIALOG);
  G_OBJECT_CLASS (jd_fresh_token_dialog_parent_class)->dispose (object);
}

static void
jd_fresh_token_dialog_finalize (GObject *object)
{
  JdFreshTokenDialog *self = JD_FRESH_TOKEN_DIALOG (object);

  g_free (self->issuer);
  g_free (self->status);
  g_free (self->code);
  G_OBJECT_CLASS (jd_fresh_token_dialog_parent_class)->finalize (object);
}

static void
jd_fresh_token_dialog_class_init (JdFreshTokenDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_fresh_token_dialog_dispose;
  object_class->finalize = jd_fresh_token_dialog_finalize;

  signals[SIGNAL_TOKEN_RECEIVED]
    = g_signal_new ("token-received", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                    NULL, G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/jd-fresh-token-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JdFreshTokenDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, JdFreshTokenDialog, status_box);
  gtk_widget_class_bind_template_child (widget_class, JdFreshTokenDialog, status_title);
  gtk_widget_class_bind_template_child (widget_class, JdFreshTokenDialog, code_label);
  gtk_widget_class_bind_template_child (widget_class, JdFreshTokenDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, JdFreshTokenDialog, fix_label);
  gtk_widget_class_bind_template_child (widget_class, JdFreshTokenDialog, grant_row);
  gtk_widget_class_bind_template_child (widget_class, JdFreshTokenDialog, endpoint_row);
  gtk_widget_class_bind_template_child (widget_class, JdFreshTokenDialog, client_id_row);
  gtk_widget_class_bind_template_child (widget_class, JdFreshTokenDialog, auth_row);
  gtk_widget_class_bind_template_child (widget_class, JdFreshTokenDialog, secret_row);
  gtk_widget_class_bind_template_child (widget_class, JdFreshTokenDialog, key_row);
  gtk_widget_class_bind_template_child (widget_class, JdFreshTokenDialog, refresh_row);
  gtk_widget_class_bind_template_child (widget_class, JdFreshTokenDialog, scope_row);
  gtk_widget_class_bind_template_child (widget_class, JdFreshTokenDialog, audience_row);
  gtk_widget_class_bind_template_child (widget_class, JdFreshTokenDialog, resource_row);

  gtk_widget_class_install_action (widget_class, "fresh.get", NULL, get_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jd_fresh_token_dialog_init (JdFreshTokenDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->grant_row, "notify::selected", G_CALLBACK (update_rows), self);
  g_signal_connect_swapped (self->auth_row, "notify::selected", G_CALLBACK (update_rows), self);
  update_rows (self);
}
