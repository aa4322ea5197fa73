/* jd-response-view.c — a server's answer: status, time, redirects,
 * headers, body and the findings it shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "jd-no-hyphens.h"
#include "jd-finding.h"
#include "jd-net.h"
#include "jd-response-view.h"
#include "jd-severity.h"

/* More text than this makes a GtkTextView slow to lay out; the rest of a
 * large body is not shown (the size cap already dropped what is beyond it). */
#define BODY_DISPLAY_MAX (512 * 1024)
/* Taller bodies scroll inside their card. */
#define BODY_MAX_HEIGHT 420

struct _JdResponseView
{
  AdwBin parent_instance;

  AdwActionRow *status_row;
  GtkImage *status_icon;
  AdwActionRow *time_row;
  AdwActionRow *url_row;
  AdwActionRow *redirects_row;
  AdwActionRow *withheld_row;
  AdwActionRow *certificate_row;
  GtkWidget *findings_group;
  GtkListBox *findings_list;
  GtkLabel *headers_label;
  GtkLabel *body_note;
  GtkWidget *body_group;
  GtkTextView *body_view;

  JdResponse *response;
  GListStore *findings;
  char *status_text;
};

G_DEFINE_FINAL_TYPE (JdResponseView, jd_response_view, ADW_TYPE_BIN)

/* ---- Findings rows (as on the Token page) ------------------------------- */

GtkWidget *
jd_finding_row_new (gpointer item, gpointer user_data)
{
  JdFinding *finding;
  JdSeverity severity;
  GtkWidget *row;
  GtkWidget *icon;
  const char *fix;

  g_return_val_if_fail (JD_IS_FINDING (item), NULL);

  finding = JD_FINDING (item);
  severity = jd_finding_get_severity (finding);
  row = adw_action_row_new ();
  icon = gtk_image_new_from_icon_name (jd_severity_icon_name (severity));
  fix = jd_finding_get_fix (finding);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), jd_finding_get_message (finding));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (fix != NULL && fix[0] != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), fix);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  gtk_widget_add_css_class (icon, jd_severity_css_class (severity));
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  jd_severity_label (severity), -1);
  gtk_widget_set_tooltip_text (icon, jd_severity_label (severity));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_widget_add_css_class (row, "finding");
  g_object_set_data_full (G_OBJECT (row), "finding", g_object_ref (finding), g_object_unref);

  return row;
}

/* ---- The response -------------------------------------------------------- */

/* What the status code means, in a sentence; NULL when there is little to say. */
static const char *
explain_status (guint status)
{
  if (status == 401)
    return _ ("Unauthorized: the server did not accept the credentials. Either no token arrived, "
              "or it was read and rejected. 401 is about who you are.");
  if (status == 403)
    return _ ("Forbidden: the server knew who you are (or did not need to) and refused anyway: a "
              "scope, a role or a policy is missing. A fresh token with the same scopes gets the "
              "same answer.");
  if (status == 400)
    return _ ("Bad Request: the server could not use the request as sent (a malformed header, "
              "parameter or body).");
  if (status >= 200 && status < 300)
    return _ ("The server accepted the request, and the token with it.");
  if (status >= 300 && status < 400)
    return _ ("A redirect, not an answer about the token.");
  if (status >= 500)
    return _ ("The server failed: this answer says nothing about the token.");
  return NULL;
}

static char *
format_elapsed (double ms)
{
  if (ms < 1000)
    /* Translators: elapsed time in milliseconds */
    return g_strdup_printf (_ ("%.0f ms"), ms);
  /* Translators: elapsed time in seconds */
  return g_strdup_printf (_ ("%.1f s"), ms / 1000);
}

static gboolean
looks_like_json (JdResponse *response, const char *text)
{
  const char *type = jd_response_get_header (response, "Content-Type");

  if (type != NULL && (strstr (type, "json") != NULL))
    return TRUE;
  while (g_ascii_isspace (*text))
    text++;
  return *text == '{' || *text == '[';
}

/* The body as text for the view; *note gets what the person should know
 * about it (cut off, binary, not shown in full). */
static char *
body_to_text (JdResponse *response, char **note)
{
  GBytes *body = jd_response_get_body (response);
  gsize size = 0;
  const char *data = body ? g_bytes_get_data (body, &size) : NULL;
  g_autoptr (GString) notes = g_string_new (NULL);
  g_autofree char *text = NULL;
  gsize shown;

  if (jd_response_get_body_truncated (response))
    {
      g_autofree char *kept = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);

      g_string_append_printf (notes,
                              _ ("The body was cut off at %s (the response size limit in "
                                 "Preferences); the rest was not read."),
                              kept);
    }

  if (size == 0)
    {
      *note = notes->len ? g_string_free (g_steal_pointer (&notes), FALSE) : NULL;
      return g_strdup ("");
    }

  if (memchr (data, '\0', size) != NULL)
    {
      g_autofree char *human = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);

      if (notes->len)
        g_string_append_c (notes, ' ');
      g_string_append_printf (notes, _ ("A binary body of %s: not shown."), human);
      *note = g_string_free (g_steal_pointer (&notes), FALSE);
      return g_strdup ("");
    }

  shown = MIN (size, BODY_DISPLAY_MAX);
  text = g_utf8_make_valid (data, shown);

  if (shown == size && !jd_response_get_body_truncated (response)
      && looks_like_json (response, text))
    {
      g_autoptr (JsonParser) parser = json_parser_new_immutable ();

      if (json_parser_load_from_data (parser, text, -1, NULL)
          && json_parser_get_root (parser) != NULL)
        {
          g_free (text);
          text = json_to_string (json_parser_get_root (parser), TRUE);
        }
    }
  else if (shown < size)
    {
      g_autofree char *human = g_format_size_full (BODY_DISPLAY_MAX, G_FORMAT_SIZE_IEC_UNITS);

      if (notes->len)
        g_string_append_c (notes, ' ');
      g_string_append_printf (notes, _ ("Only the first %s are shown here."), human);
    }

  *note = notes->len ? g_string_free (g_steal_pointer (&notes), FALSE) : NULL;
  return g_steal_pointer (&text);
}

static void
show_row (AdwActionRow *row, const char *subtitle)
{
  if (subtitle != NULL)
    adw_action_row_set_subtitle (row, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (row), subtitle != NULL);
}

/* The status line: "HTTP/1.1 401 Unauthorized", what the code means and an
 * icon in the colour of the outcome. */
static void
show_status (JdResponseView *self, JdResponse *response)
{
  guint status = jd_response_get_status (response);
  const char *reason = jd_response_get_reason (response);
  const char *version = jd_response_get_http_version (response);

  self->status_text
    = g_strdup_printf ("%s%s%u%s%s", version ? version : "", version ? " " : "", status,
                       reason && reason[0] ? " " : "", reason ? reason : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), self->status_text);
  adw_action_row_set_subtitle (self->status_row,
                               explain_status (status) ? explain_status (status) : "");
  gtk_image_set_from_icon_name (self->status_icon, status >= 200 && status < 300
                                                     ? "emblem-ok-symbolic"
                                                   : status >= 400 ? "dialog-error-symbolic"
                                                                   : "dialog-information-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), "error");
  if (status >= 200 && status < 300)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), "success");
  else if (status >= 400)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), "error");
}

/* The redirects followed, "a → b → final", with their count as the title. */
static void
show_redirects (JdResponseView *self, JdResponse *response)
{
  GPtrArray *list = jd_net_response_get_redirects (response);
  g_autofree char *redirects = NULL;

  if (list != NULL && list->len > 0)
    {
      g_autoptr (GString) s = g_string_new (NULL);

      for (guint i = 0; i < list->len; i++)
        g_string_append_printf (s, "%s → ", (const char *)g_ptr_array_index (list, i));
      g_string_append (s, jd_net_response_get_url (response) ? jd_net_response_get_url (response)
                                                             : "…");
      redirects = g_string_free (g_steal_pointer (&s), FALSE);
      {
        g_autofree char *title = g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE, "%u Redirect", "%u Redirects", list->len), list->len);

        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->redirects_row), title);
      }
    }
  show_row (self->redirects_row, redirects);
}

/* The time taken, the final URL, the redirects, a withheld Authorization
 * header and an accepted certificate problem (each row only when it says
 * something). */
static void
show_transfer (JdResponseView *self, JdResponse *response)
{
  g_autofree char *elapsed = format_elapsed (jd_response_get_elapsed_ms (response));
  g_autofree char *withheld = NULL;

  adw_action_row_set_subtitle (self->time_row, elapsed);
  show_row (self->url_row, jd_net_response_get_url (response));
  show_redirects (self, response);

  if (jd_net_response_get_authorization_withheld (response) != NULL)
    withheld
      = g_strdup_printf (_ ("A redirect led to another origin (%s): the Authorization header was "
                            "not sent there, so this answer was given without the token."),
                         jd_net_response_get_authorization_withheld (response));
  show_row (self->withheld_row, withheld);
  show_row (self->certificate_row, jd_net_response_get_accepted_certificate_problem (response));
}

static void
show_headers (JdResponseView *self, JdResponse *response)
{
  g_autoptr (GString) headers = g_string_new (NULL);
  GPtrArray *list = jd_response_get_headers (response);

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      const JdHeader *h = g_ptr_array_index (list, i);

      g_string_append_printf (headers, "%s%s: %s", i > 0 ? "\n" : "", h->name, h->value);
    }
  gtk_label_set_text (self->headers_label, headers->len ? headers->str : _ ("No headers"));
}

/* A text view reports its natural height only after it laid out its lines
 * in idles: size the card from the line count of @body instead (wrapped
 * lines make it scroll a little, which it may). */
static void
fit_body_height (JdResponseView *self, const char *body)
{
  GtkWidget *scroller
    = gtk_widget_get_ancestor (GTK_WIDGET (self->body_view), GTK_TYPE_SCROLLED_WINDOW);
  guint lines = 1;
  int line_height;
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->body_view), "X");

  for (const char *p = body; *p != '\0'; p++)
    if (*p == '\n')
      lines++;
  pango_layout_get_pixel_size (layout, NULL, &line_height);
  g_object_unref (layout);
  gtk_scrolled_window_set_min_content_height (
    GTK_SCROLLED_WINDOW (scroller), (int)MIN ((guint)line_height * lines + 24, BODY_MAX_HEIGHT));
  gtk_widget_set_visible (scroller, body[0] != '\0');
}

static void
show_body (JdResponseView *self, JdResponse *response)
{
  g_autofree char *note = NULL;
  g_autofree char *body = body_to_text (response, &note);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), body, -1);
  fit_body_height (self, body);
  gtk_label_set_text (self->body_note,
                      note ? note : (body[0] == '\0' ? _ ("The body is empty.") : ""));
  gtk_widget_set_visible (GTK_WIDGET (self->body_note), note != NULL || body[0] == '\0');
}

/* The findings, but for the "status-*" ones: the status row already says
 * what 401 or 403 means. */
static void
show_findings (JdResponseView *self, GPtrArray *findings)
{
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      JdFinding *f = g_ptr_array_index (findings, i);

      if (!g_str_has_prefix (jd_finding_get_id (f), "status-"))
        g_list_store_append (self->findings, f);
    }
  gtk_widget_set_visible (self->findings_group,
                          g_list_model_get_n_items (G_LIST_MODEL (self->findings)) > 0);
}

void
jd_response_view_set_response (JdResponseView *self, JdResponse *response, GPtrArray *findings)
{
  g_return_if_fail (JD_IS_RESPONSE_VIEW (self));
  g_return_if_fail (response == NULL || JD_IS_RESPONSE (response));

  g_set_object (&self->response, response);
  g_list_store_remove_all (self->findings);
  g_clear_pointer (&self->status_text, g_free);

  if (response == NULL)
    {
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), "", 0);
      gtk_label_set_text (self->headers_label, "");
      return;
    }

  show_status (self, response);
  show_transfer (self, response);
  show_headers (self, response);
  show_body (self, response);
  show_findings (self, findings);
}

JdResponse *
jd_response_view_get_response (JdResponseView *self)
{
  g_return_val_if_fail (JD_IS_RESPONSE_VIEW (self), NULL);

  return self->response;
}

const char *
jd_response_view_get_status_text (JdResponseView *self)
{
  g_return_val_if_fail (JD_IS_RESPONSE_VIEW (self), NULL);

  return self->status_text;
}

GListModel *
jd_response_view_get_findings (JdResponseView *self)
{
  g_return_val_if_fail (JD_IS_RESPONSE_VIEW (self), NULL);

  return G_LIST_MODEL (self->findings);
}

char *
jd_response_view_dup_body_text (JdResponseView *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (JD_IS_RESPONSE_VIEW (self), NULL);

  buffer = gtk_text_view_get_buffer (self->body_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

GtkWidget *
jd_response_view_new (void)
{
  return g_object_new (JD_TYPE_RESPONSE_VIEW, NULL);
}

static void
jd_response_view_dispose (GObject *object)
{
  JdResponseView *self = JD_RESPONSE_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_RESPONSE_VIEW);
  g_clear_object (&self->response);
  g_clear_object (&self->findings);
  g_clear_pointer (&self->status_text, g_free);

  G_OBJECT_CLASS (jd_response_view_parent_class)->dispose (object);
}

static void
jd_response_view_class_init (JdResponseViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_response_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/jd-response-view.ui");
  gtk_widget_class_bind_template_child (widget_class, JdResponseView, status_row);
  gtk_widget_class_bind_template_child (widget_class, JdResponseView, status_icon);
  gtk_widget_class_bind_template_child (widget_class, JdResponseView, time_row);
  gtk_widget_class_bind_template_child (widget_class, JdResponseView, url_row);
  gtk_widget_class_bind_template_child (widget_class, JdResponseView, redirects_row);
  gtk_widget_class_bind_template_child (widget_class, JdResponseView, withheld_row);
  gtk_widget_class_bind_template_child (widget_class, JdResponseView, certificate_row);
  gtk_widget_class_bind_template_child (widget_class, JdResponseView, findings_group);
  gtk_widget_class_bind_template_child (widget_class, JdResponseView, findings_list);
  gtk_widget_class_bind_template_child (widget_class, JdResponseView, headers_label);
  gtk_widget_class_bind_template_child (widget_class, JdResponseView, body_note);
  gtk_widget_class_bind_template_child (widget_class, JdResponseView, body_group);
  gtk_widget_class_bind_template_child (widget_class, JdResponseView, body_view);
}

static void
jd_response_view_init (JdResponseView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  jd_label_set_no_hyphens (self->headers_label);
  jd_text_view_set_no_hyphens (self->body_view);

  self->findings = g_list_store_new (JD_TYPE_FINDING);
  gtk_list_box_bind_model (self->findings_list, G_LIST_MODEL (self->findings), jd_finding_row_new,
                           NULL, NULL);
}
