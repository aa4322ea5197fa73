/* jd-request-page.c — the request and its three curl commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "jd-request-page.h"

#define N_VARIANTS 3

struct _JdRequestPage
{
  AdwBin         parent_instance;

  AdwEntryRow   *url_row;
  AdwComboRow   *method_row;
  GtkWidget     *hint_page;
  GtkBox        *commands_box;

  GtkLabel      *command_labels[N_VARIANTS];
  char          *commands[N_VARIANTS];

  JdSession     *session;
  JdRequest     *pasted;   /* the session's request (a pasted curl), if any */
  gboolean       filling;
};

G_DEFINE_FINAL_TYPE (JdRequestPage, jd_request_page, ADW_TYPE_BIN)

static const char *methods[] = { "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS" };

static const char *
selected_method (JdRequestPage *self)
{
  guint i = adw_combo_row_get_selected (self->method_row);

  return i < G_N_ELEMENTS (methods) ? methods[i] : "GET";
}

static void
render (JdRequestPage *self)
{
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->url_row))));
  JdToken *token = self->session ? jd_session_get_token (self->session) : NULL;
  g_autoptr (JdRequest) request = NULL;
  gboolean has_request;

  has_request = url[0] != '\0';

  if (has_request)
    {
      request = jd_request_new (selected_method (self), url);
      if (self->pasted != NULL)
        {
          GPtrArray *headers = jd_request_get_headers (self->pasted);

          for (guint i = 0; headers != NULL && i < headers->len; i++)
            {
              const JdHeader *h = g_ptr_array_index (headers, i);

              jd_request_add_header (request, h->name, h->value);
            }
          if (jd_request_get_body (self->pasted) != NULL)
            jd_request_set_body (request, jd_request_get_body (self->pasted));
        }
      if (token != NULL && jd_request_get_header (request, "Authorization") == NULL)
        {
          g_autofree char *value = g_strdup_printf ("Bearer %s", jd_token_get_text (token));

          jd_request_add_header (request, "Authorization", value);
        }
    }

  for (guint v = 0; v < N_VARIANTS; v++)
    {
      g_clear_pointer (&self->commands[v], g_free);
      if (request != NULL)
        self->commands[v] = jd_request_to_curl (request, v,
                                                token != NULL && v == JD_CURL_THIS_TOKEN
                                                  ? jd_token_get_text (token) : NULL);
      {
        /* The label without the command's final newline. */
        g_autofree char *shown = g_strchomp (g_strdup (self->commands[v] ? self->commands[v] : ""));

        gtk_label_set_text (self->command_labels[v], shown);
      }
    }

  gtk_widget_set_visible (self->hint_page, !has_request);
  gtk_widget_set_visible (GTK_WIDGET (self->commands_box), has_request);
}

static void
request_edited (JdRequestPage *self)
{
  if (self->filling)
    return;
  render (self);
}

static void
token_changed (JdRequestPage *self)
{
  JdRequest *request = jd_session_get_request (self->session);

  if (request != self->pasted)
    {
      g_set_object (&self->pasted, request);
      if (request != NULL)
        {
          const char *method = jd_request_get_method (request);

          self->filling = TRUE;
          gtk_editable_set_text (GTK_EDITABLE (self->url_row), jd_request_get_url (request));
          for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
            if (g_ascii_strcasecmp (methods[i], method ? method : "GET") == 0)
              adw_combo_row_set_selected (self->method_row, i);
          self->filling = FALSE;
        }
    }
  render (self);
}

static void
copy_clicked (GtkButton     *button,
              JdRequestPage *self)
{
  guint v = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "variant"));

  if (self->commands[v] == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), self->commands[v]);
  gtk_button_set_icon_name (button, "emblem-ok-symbolic");
}

static void
build_commands (JdRequestPage *self)
{
  const struct {
    const char *title;
    const char *description;
  } variants[N_VARIANTS] = {
    { N_("Without a Token"),
      N_("The baseline: a compliant server answers 401 with a WWW-Authenticate header saying what it expects.") },
    { N_("With This Token"), N_("Reproduces the failing call.") },
    { N_("With a Fresh Token"),
      N_("Takes the token from $TOKEN: if this works and the one above does not, the token is the problem.") },
  };

  for (guint v = 0; v < N_VARIANTS; v++)
    {
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("edit-copy-symbolic");
      GtkWidget *frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *label = gtk_label_new (NULL);
      g_autofree char *tooltip = g_strdup_printf (_("Copy the command “%s”"), _(variants[v].title));

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _(variants[v].title));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _(variants[v].description));

      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      g_object_set_data (G_OBJECT (button), "variant", GUINT_TO_POINTER (v));
      g_signal_connect (button, "clicked", G_CALLBACK (copy_clicked), self);
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_CHAR);
      gtk_widget_add_css_class (label, "monospace");
      gtk_widget_add_css_class (label, "command");
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(variants[v].title), -1);
      gtk_widget_add_css_class (frame, "card");
      gtk_box_append (GTK_BOX (frame), label);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), frame);

      self->command_labels[v] = GTK_LABEL (label);
      gtk_box_append (self->commands_box, group);
    }
}

void
jd_request_page_set_session (JdRequestPage *self,
                             JdSession     *session)
{
  g_return_if_fail (JD_IS_REQUEST_PAGE (self));
  g_return_if_fail (JD_IS_SESSION (session));
  g_return_if_fail (self->session == NULL);

  self->session = g_object_ref (session);
  g_signal_connect_object (session, "token-changed", G_CALLBACK (token_changed), self, G_CONNECT_SWAPPED);
  token_changed (self);
}

const char *
jd_request_page_get_command (JdRequestPage *self,
                             JdCurlVariant  variant)
{
  g_return_val_if_fail (JD_IS_REQUEST_PAGE (self), NULL);
  g_return_val_if_fail ((guint) variant < N_VARIANTS, NULL);

  return self->commands[variant];
}

void
jd_request_page_set_url (JdRequestPage *self,
                         const char    *url)
{
  g_return_if_fail (JD_IS_REQUEST_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->url_row), url ? url : "");
}

static void
jd_request_page_dispose (GObject *object)
{
  JdRequestPage *self = JD_REQUEST_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_REQUEST_PAGE);
  g_clear_object (&self->session);
  g_clear_object (&self->pasted);
  for (guint v = 0; v < N_VARIANTS; v++)
    g_clear_pointer (&self->commands[v], g_free);

  G_OBJECT_CLASS (jd_request_page_parent_class)->dispose (object);
}

static void
jd_request_page_class_init (JdRequestPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_request_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/jd-request-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JdRequestPage, url_row);
  gtk_widget_class_bind_template_child (widget_class, JdRequestPage, method_row);
  gtk_widget_class_bind_template_child (widget_class, JdRequestPage, hint_page);
  gtk_widget_class_bind_template_child (widget_class, JdRequestPage, commands_box);
  gtk_widget_class_bind_template_callback (widget_class, request_edited);
}

static void
jd_request_page_init (JdRequestPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_commands (self);
  render (self);
}
