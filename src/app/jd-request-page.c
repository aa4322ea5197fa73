/* jd-request-page.c — the request, Send, the answer explained, and the
 * three curl commands
 *
 * Only the Send button (or Ctrl+Enter, the same action) opens a socket.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "jd-compare-view.h"
#include "jd-fresh-token-dialog.h"
#include "jd-no-hyphens.h"
#include "jd-request-page.h"

#define N_VARIANTS 3

struct _JdRequestPage
{
  AdwBin parent_instance;

  AdwEntryRow *url_row;
  AdwComboRow *method_row;
  GtkTextView *headers_view;
  GtkLabel *headers_error;
  GtkSwitch *token_switch;
  GtkSwitch *certificate_switch;
  GtkWidget *cancel_button;
  GtkSpinner *spinner;
  GtkLabel *progress_label;
  GtkStack *result_stack;
  GtkWidget *problem_box;
  GtkImage *problem_icon;
  GtkLabel *problem_title;
  GtkLabel *problem_label;
  JdResponseView *response_view;
  GtkWidget *hint_page;
  GtkBox *commands_box;
  AdwActionRow *fresh_row;

  GtkLabel *command_labels[N_VARIANTS];
  GtkButton *copy_buttons[N_VARIANTS]; /* a check mark once copied, until the command changes */
  char *commands[N_VARIANTS];

  JdSession *session;
  JdRequest *pasted; /* the session's request (a pasted curl), if any */
  gboolean filling;

  char *problem;
  gboolean scroll_pending;
  guint scroll_source;
  guint scroll_tries;

  char *fresh_token;           /* from Get a Fresh Token: in memory only, wiped */
  JdToken *failing_token;      /* the session's token when the fresh one came */
  JdCompareView *compare_view; /* (weak) */
};

G_DEFINE_FINAL_TYPE (JdRequestPage, jd_request_page, ADW_TYPE_BIN)

static const char *methods[] = { "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS" };

static const char *
selected_method (JdRequestPage *self)
{
  guint i = adw_combo_row_get_selected (self->method_row);

  return i < G_N_ELEMENTS (methods) ? methods[i] : "GET";
}

static char *
dup_headers_text (JdRequestPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->headers_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Adds the editor's "Name: value" lines to @request. Lines that are not a
 * header are skipped; the first one is described in *problem. */
static void
add_headers (JdRequestPage *self, JdRequest *request, char **problem)
{
  g_autofree char *text = dup_headers_text (self);
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      char *colon;
      const char *bad = NULL;

      if (line[0] == '\0')
        continue;
      /* HTTP/2 pseudo-headers (":authority: …") from a browser are not headers. */
      if (line[0] == ':')
        continue;

      colon = strchr (line, ':');
      if (colon == NULL)
        bad = _ ("no “:” between the name and the value");
      else if (colon == line)
        bad = _ ("the name is empty");
      else
        for (const char *p = line; p < colon && bad == NULL; p++)
          if (g_ascii_isspace (*p) || !g_ascii_isprint (*p)
              || strchr ("\"(),/;<=>?@[\\]{}", *p) != NULL)
            bad = _ ("the name holds a character a header name cannot have");

      if (bad != NULL)
        {
          if (*problem == NULL)
            /* Translators: "Headers, line 3: no “:” between the name and the value" */
            *problem = g_strdup_printf (_ ("Headers, line %u: %s"), i + 1, bad);
          continue;
        }

      *colon = '\0';
      jd_request_add_header (request, line, g_strstrip (colon + 1));
    }
}

/* The request as the page shows it. @with_token: add the session's token
 * as Authorization: Bearer (unless a header sets Authorization). */
static JdRequest *
build_request (JdRequestPage *self, gboolean with_token, char **problem)
{
  g_autofree char *url
    = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->url_row))));
  JdToken *token = self->session ? jd_session_get_token (self->session) : NULL;
  g_autoptr (JdRequest) request = NULL;

  if (url[0] == '\0')
    return NULL;

  request = jd_request_new (selected_method (self), url);
  add_headers (self, request, problem);
  if (with_token && token != NULL && jd_request_get_header (request, "Authorization") == NULL
      && !jd_request_header_left_out (request, "Authorization"))
    {
      g_autofree char *value = g_strdup_printf ("Bearer %s", jd_token_get_text (token));

      jd_request_add_header (request, "Authorization", value);
      /* The editor's headers filled the request, and the limit dropped the
       * token: it goes first, and the editor's last header is the one
       * dropped (and said so below). */
      if (jd_request_get_header (request, "Authorization") == NULL)
        {
          g_clear_object (&request);
          g_clear_pointer (problem, g_free);
          request = jd_request_new (selected_method (self), url);
          jd_request_add_header (request, "Authorization", value);
          add_headers (self, request, problem);
        }
    }
  if (self->pasted != NULL && jd_request_get_body (self->pasted) != NULL)
    jd_request_set_body (request, jd_request_get_body (self->pasted));

  /* Too many headers, or one too long (JD_HEADERS_MAX_COUNT, JD_HEADER_MAX_SIZE). */
  if (*problem == NULL && jd_request_get_header_problems (request)->len > 0)
    *problem = g_strdup (g_ptr_array_index (jd_request_get_header_problems (request), 0));

  return g_steal_pointer (&request);
}

static void
update_actions (JdRequestPage *self)
{
  const char *url = gtk_editable_get_text (GTK_EDITABLE (self->url_row));
  gboolean busy = jd_request_page_get_busy (self);
  gboolean has_url = FALSE;

  for (const char *p = url; *p != '\0' && !has_url; p++)
    has_url = !g_ascii_isspace (*p);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "request.send", has_url && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "request.cancel", busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "request.send-fresh",
                                 has_url && !busy && self->fresh_token != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "request.compare-fresh",
                                 self->fresh_token != NULL);
  gtk_widget_set_visible (self->cancel_button, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

static void
render (JdRequestPage *self)
{
  JdToken *token = self->session ? jd_session_get_token (self->session) : NULL;
  g_autofree char *problem = NULL;
  g_autoptr (JdRequest) request = build_request (self, TRUE, &problem);
  gboolean has_request = request != NULL;

  for (guint v = 0; v < N_VARIANTS; v++)
    {
      g_autofree char *shown = NULL;
      g_autofree char *before = g_steal_pointer (&self->commands[v]);

      if (request != NULL && v == JD_CURL_FRESH_TOKEN && self->fresh_token != NULL)
        self->commands[v] = jd_request_to_curl (request, JD_CURL_THIS_TOKEN, self->fresh_token);
      else if (request != NULL)
        self->commands[v] = jd_request_to_curl (
          request, v, token != NULL && v != JD_CURL_FRESH_TOKEN ? jd_token_get_text (token) : NULL);
      /* The check mark said "this was copied": not of a new command. */
      if (g_strcmp0 (before, self->commands[v]) != 0)
        gtk_button_set_icon_name (self->copy_buttons[v], "edit-copy-symbolic");
      /* The label without the command's final newline. */
      shown = g_strchomp (g_strdup (self->commands[v] ? self->commands[v] : ""));
      gtk_label_set_text (self->command_labels[v], shown);
    }

  gtk_label_set_text (self->headers_error, problem ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->headers_error), problem != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->token_switch), token != NULL);
  gtk_widget_set_visible (self->hint_page, !has_request);
  gtk_widget_set_visible (GTK_WIDGET (self->commands_box), has_request);
  update_actions (self);
}

static void
request_edited (JdRequestPage *self)
{
  if (self->filling)
    return;
  render (self);
}

/* The pasted request's headers for the editor: its Authorization is left
 * out when it carries the session's token (Carry This Token adds it). */
static char *
headers_to_text (JdRequest *request, JdToken *token)
{
  GPtrArray *headers = jd_request_get_headers (request);
  g_autoptr (GString) s = g_string_new (NULL);

  for (guint i = 0; headers != NULL && i < headers->len; i++)
    {
      const JdHeader *h = g_ptr_array_index (headers, i);

      if (token != NULL && g_ascii_strcasecmp (h->name, "Authorization") == 0)
        {
          const char *value = h->value;

          if (g_ascii_strncasecmp (value, "Bearer ", 7) == 0)
            value += 7;
          while (*value == ' ')
            value++;
          if (g_str_equal (value, jd_token_get_text (token)))
            continue;
        }
      g_string_append_printf (s, "%s: %s\n", h->name, h->value);
    }

  return g_string_free (g_steal_pointer (&s), FALSE);
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
          g_autofree char *headers
            = headers_to_text (request, jd_session_get_token (self->session));

          self->filling = TRUE;
          gtk_editable_set_text (GTK_EDITABLE (self->url_row), jd_request_get_url (request));
          for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
            if (g_ascii_strcasecmp (methods[i], method ? method : "GET") == 0)
              adw_combo_row_set_selected (self->method_row, i);
          gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->headers_view), headers, -1);
          self->filling = FALSE;
        }
    }
  render (self);
}

/* ---- Send ------------------------------------------------------------------ */

/* Brings the answer (or the problem) into view: it sits below the request,
 * often below the fold. The scrolled window learns the new height a few
 * frames after the stack changed (and a hidden page has none), so this
 * tries every 50 ms, for at most a second once the page is shown. */
#define SCROLL_TRIES 20

static gboolean
scroll_to_result_cb (gpointer user_data)
{
  JdRequestPage *self = user_data;
  /* The template's root, not a bound child: AdwBin unparents it itself. */
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (adw_bin_get_child (ADW_BIN (self)));
  GtkWidget *viewport = gtk_scrolled_window_get_child (scroller);
  GtkWidget *content
    = GTK_IS_VIEWPORT (viewport) ? gtk_viewport_get_child (GTK_VIEWPORT (viewport)) : viewport;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  graphene_point_t point;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      /* Shown again later: "map" starts over. */
      self->scroll_source = 0;
      return G_SOURCE_REMOVE;
    }

  if (gtk_adjustment_get_page_size (adjustment) > 0 && content != NULL
      && gtk_widget_compute_point (GTK_WIDGET (self->result_stack), content,
                                   &GRAPHENE_POINT_INIT (0, 0), &point))
    {
      double target = MAX (point.y - 12, 0);
      double reachable
        = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

      gtk_adjustment_set_value (adjustment, MIN (target, reachable));
      if (target <= reachable)
        self->scroll_pending = FALSE;
    }

  if (self->scroll_pending && ++self->scroll_tries < SCROLL_TRIES)
    return G_SOURCE_CONTINUE;

  self->scroll_pending = FALSE;
  self->scroll_source = 0;
  return G_SOURCE_REMOVE;
}

static void
scroll_to_result (JdRequestPage *self)
{
  if (!self->scroll_pending || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  self->scroll_tries = 0;
  if (self->scroll_source == 0)
    self->scroll_source = g_timeout_add (50, scroll_to_result_cb, self);
}

static void
show_result (JdRequestPage *self, const char *name)
{
  gtk_stack_set_visible_child_name (self->result_stack, name);
  self->scroll_pending = TRUE;
  scroll_to_result (self);
}

static void
show_problem (JdRequestPage *self, const char *icon, const char *style, const char *title,
              const char *message)
{
  g_free (self->problem);
  self->problem = g_strdup_printf ("%s: %s", title, message);
  gtk_image_set_from_icon_name (self->problem_icon, icon);
  gtk_widget_remove_css_class (self->problem_box, "error");
  gtk_widget_remove_css_class (self->problem_box, "warning");
  gtk_widget_add_css_class (self->problem_box, style);
  gtk_label_set_text (self->problem_title, title);
  gtk_label_set_text (self->problem_label, message);
  show_result (self, "problem");
}

static const char *
error_title (const GError *error)
{
  if (error->domain != JD_NET_ERROR)
    return _ ("The Request Failed");

  switch ((JdNetError)error->code)
    {
      case JD_NET_ERROR_URL:
        return _ ("Not an HTTP URL");
      case JD_NET_ERROR_TIMEOUT:
        return _ ("No Answer in Time");
      case JD_NET_ERROR_TLS:
        return _ ("Certificate Refused");
      case JD_NET_ERROR_CONNECT:
        return _ ("Could Not Connect");
      case JD_NET_ERROR_REDIRECT:
        return _ ("Too Many Redirects");
      case JD_NET_ERROR_HEADER:
        return _ ("A Header Cannot Be Sent");
      case JD_NET_ERROR_HTTP:
      case JD_NET_ERROR_TOO_LARGE:
      case JD_NET_ERROR_DISCOVERY:
      case JD_NET_ERROR_KEYS:
      default:
        return _ ("The Request Failed");
    }
}

/* The answer on the page, with what the session made of it. */
static void
show_response (JdRequestPage *self, JdResponse *response, GPtrArray *findings)
{
  g_clear_pointer (&self->problem, g_free);
  jd_response_view_set_response (self->response_view, response, findings);
  show_result (self, "response");
}

static void
send_done (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (JdRequestPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) findings = NULL;
  g_autoptr (JdResponse) response = NULL;

  if (self->session == NULL) /* the page went away meanwhile */
    return;
  response = jd_session_send_finish (JD_SESSION (object), result, &findings, &error);

  /* Accepting an invalid certificate is for one request, never sticky. */
  gtk_switch_set_active (self->certificate_switch, FALSE);
  gtk_label_set_text (self->progress_label, "");
  update_actions (self);

  if (response == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_problem (
          self, "process-stop-symbolic", "warning", _ ("Cancelled"),
          _ ("The request was cancelled before a complete answer came; nothing is shown."));
      else
        show_problem (self, "dialog-error-symbolic", "error", error_title (error), error->message);
      return;
    }

  show_response (self, response, findings);
}

static void
send_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  JdRequestPage *self = JD_REQUEST_PAGE (widget);
  gboolean fresh = g_str_equal (action_name, "request.send-fresh") && self->fresh_token != NULL;
  gboolean with_token = gtk_switch_get_active (self->token_switch) && !fresh;
  JdNetFlags flags = JD_NET_FLAGS_NONE;
  g_autoptr (JdToken) sent_token = NULL;
  g_autofree char *problem = NULL;
  g_autoptr (JdRequest) request = NULL;
  g_autofree char *waiting = NULL;
  g_autoptr (GUri) uri = NULL;

  if (self->session == NULL || jd_request_page_get_busy (self))
    return;

  request = build_request (self, with_token, &problem);
  if (request == NULL)
    return;
  if (fresh)
    {
      /* The same request, carrying the fresh token instead. */
      g_autofree char *value = g_strdup_printf ("Bearer %s", self->fresh_token);
      jd_request_set_header (request, "Authorization", value);
      memset (value, 0, strlen (value));
    }
  if (problem != NULL)
    {
      show_problem (self, "dialog-error-symbolic", "error", _ ("The Request Cannot Be Sent"),
                    problem);
      return;
    }

  if (gtk_switch_get_active (self->certificate_switch))
    flags |= JD_NET_ACCEPT_INVALID_CERTIFICATE;

  if (with_token && jd_session_get_token (self->session) != NULL)
    sent_token = g_object_ref (jd_session_get_token (self->session));
  else if (fresh)
    sent_token = jd_token_parse (self->fresh_token, -1);
  jd_session_send_async (self->session, request, sent_token, flags, send_done, g_object_ref (self));

  uri = g_uri_parse (jd_request_get_url (request), G_URI_FLAGS_NONE, NULL);
  /* Translators: %s is a host name */
  waiting = g_strdup_printf (_ ("Waiting for %s…"), uri && g_uri_get_host (uri)
                                                      ? g_uri_get_host (uri)
                                                      : jd_request_get_url (request));
  gtk_label_set_text (self->progress_label, waiting);
  update_actions (self);
}

static void
cancel_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  JdRequestPage *self = JD_REQUEST_PAGE (widget);

  if (self->session != NULL)
    jd_session_cancel_send (self->session);
}

/* ---- Fresh token ----------------------------------------------------------- */

static void
forget_fresh_token (JdRequestPage *self)
{
  if (self->fresh_token != NULL)
    memset (self->fresh_token, 0, strlen (self->fresh_token));
  g_clear_pointer (&self->fresh_token, g_free);
  g_clear_object (&self->failing_token);
}

/* "sub app@clients · expires in 1 hour · no error findings", or the first
 * error: the fresh token diagnosed as any other. */
static char *
describe_fresh_token (JdRequestPage *self, JdToken *token)
{
  g_autoptr (GPtrArray) findings = jd_session_diagnose_token (self->session, token);
  g_autoptr (GString) s = g_string_new (NULL);
  JsonObject *claims = jd_token_get_claims (token);
  JdFinding *first_error = NULL;

  if (claims != NULL && json_object_has_member (claims, "sub")
      && JSON_NODE_HOLDS_VALUE (json_object_get_member (claims, "sub")))
    g_string_append_printf (s, "sub %s · ", json_object_get_string_member (claims, "sub"));
  for (guint i = 0; findings != NULL && i < findings->len && first_error == NULL; i++)
    if (jd_finding_get_severity (g_ptr_array_index (findings, i)) == JD_SEVERITY_ERROR)
      first_error = g_ptr_array_index (findings, i);
  if (first_error != NULL)
    g_string_append (s, jd_finding_get_message (first_error));
  else
    g_string_append (s, _ ("no error findings with this page's expectations"));
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
fresh_token_received (JdRequestPage *self, const char *token)
{
  g_autoptr (JdToken) parsed = jd_token_parse (token, -1);
  g_autofree char *summary = NULL;
  JdToken *failing = jd_session_get_token (self->session);

  forget_fresh_token (self);
  self->fresh_token = g_strdup (token);
  g_set_object (&self->failing_token, failing);
  summary = describe_fresh_token (self, parsed);
  adw_action_row_set_subtitle (self->fresh_row, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->fresh_row), TRUE);
  render (self);
  /* Compare opens at once: the failing token as B, the fresh one as A. */
  gtk_widget_activate_action (GTK_WIDGET (self), "request.compare-fresh", NULL);
}

static void
fresh_token_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  JdRequestPage *self = JD_REQUEST_PAGE (widget);
  const char *iss = self->session ? jd_session_get_issuer (self->session) : NULL;
  JdFreshTokenDialog *dialog;

  dialog
    = jd_fresh_token_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->session, iss);
  g_signal_connect_object (dialog, "token-received", G_CALLBACK (fresh_token_received), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
compare_fresh_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  JdRequestPage *self = JD_REQUEST_PAGE (widget);

  if (self->fresh_token == NULL)
    return;
  if (self->compare_view == NULL)
    {
      self->compare_view = jd_compare_view_new (GTK_WINDOW (gtk_widget_get_root (widget)), NULL);
      g_object_add_weak_pointer (G_OBJECT (self->compare_view), (gpointer *)&self->compare_view);
    }
  jd_compare_view_set_left_text (self->compare_view, self->fresh_token);
  jd_compare_view_set_right_text (
    self->compare_view, self->failing_token ? jd_token_get_text (self->failing_token) : "");
  gtk_window_present (GTK_WINDOW (self->compare_view));
}

/* ---- Commands -------------------------------------------------------------- */

static void
copy_clicked (GtkButton *button, JdRequestPage *self)
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
  const struct
  {
    const char *title;
    const char *description;
  } variants[N_VARIANTS] = {
    { N_ ("Without a Token"), N_ ("The baseline: a compliant server answers 401 with a "
                                  "WWW-Authenticate header saying what it expects.") },
    { N_ ("With This Token"), N_ ("Reproduces the failing call.") },
    { N_ ("With a Fresh Token"),
      N_ ("Takes the token from $TOKEN, or carries the one Get a Fresh Token fetched: if this "
          "works and the one above does not, the token is the problem.") },
  };

  for (guint v = 0; v < N_VARIANTS; v++)
    {
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("edit-copy-symbolic");
      GtkWidget *frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *label = gtk_label_new (NULL);
      g_autofree char *tooltip
        = g_strdup_printf (_ ("Copy the command “%s”"), _ (variants[v].title));

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _ (variants[v].title));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                             _ (variants[v].description));

      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      tooltip, -1);
      g_object_set_data (G_OBJECT (button), "variant", GUINT_TO_POINTER (v));
      g_signal_connect (button, "clicked", G_CALLBACK (copy_clicked), self);
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_CHAR);
      jd_label_set_no_hyphens (GTK_LABEL (label));
      gtk_widget_add_css_class (label, "monospace");
      gtk_widget_add_css_class (label, "command");
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _ (variants[v].title), -1);
      gtk_widget_add_css_class (frame, "card");
      gtk_box_append (GTK_BOX (frame), label);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), frame);

      self->command_labels[v] = GTK_LABEL (label);
      self->copy_buttons[v] = GTK_BUTTON (button);
      gtk_box_append (self->commands_box, group);
    }
}

/* ---- Public ---------------------------------------------------------------- */

void
jd_request_page_set_session (JdRequestPage *self, JdSession *session)
{
  g_return_if_fail (JD_IS_REQUEST_PAGE (self));
  g_return_if_fail (JD_IS_SESSION (session));
  g_return_if_fail (self->session == NULL);

  self->session = g_object_ref (session);
  g_signal_connect_object (session, "token-changed", G_CALLBACK (token_changed), self,
                           G_CONNECT_SWAPPED);
  token_changed (self);
}

const char *
jd_request_page_get_command (JdRequestPage *self, JdCurlVariant variant)
{
  g_return_val_if_fail (JD_IS_REQUEST_PAGE (self), NULL);
  g_return_val_if_fail ((guint)variant < N_VARIANTS, NULL);

  return self->commands[variant];
}

void
jd_request_page_set_url (JdRequestPage *self, const char *url)
{
  g_return_if_fail (JD_IS_REQUEST_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->url_row), url ? url : "");
}

void
jd_request_page_set_headers (JdRequestPage *self, const char *text)
{
  g_return_if_fail (JD_IS_REQUEST_PAGE (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->headers_view), text ? text : "", -1);
}

gboolean
jd_request_page_get_busy (JdRequestPage *self)
{
  g_return_val_if_fail (JD_IS_REQUEST_PAGE (self), FALSE);

  return self->session != NULL && jd_session_get_sending (self->session);
}

JdResponseView *
jd_request_page_get_response_view (JdRequestPage *self)
{
  g_return_val_if_fail (JD_IS_REQUEST_PAGE (self), NULL);

  return self->response_view;
}

const char *
jd_request_page_get_fresh_token (JdRequestPage *self)
{
  g_return_val_if_fail (JD_IS_REQUEST_PAGE (self), NULL);

  return self->fresh_token;
}

JdCompareView *
jd_request_page_get_compare_view (JdRequestPage *self)
{
  g_return_val_if_fail (JD_IS_REQUEST_PAGE (self), NULL);

  return self->compare_view;
}

const char *
jd_request_page_get_problem (JdRequestPage *self)
{
  g_return_val_if_fail (JD_IS_REQUEST_PAGE (self), NULL);

  return self->problem;
}

void
jd_request_page_show_response (JdRequestPage *self, JdResponse *response)
{
  g_autoptr (GPtrArray) findings = NULL;

  g_return_if_fail (JD_IS_REQUEST_PAGE (self));
  g_return_if_fail (JD_IS_RESPONSE (response));
  g_return_if_fail (self->session != NULL);

  findings
    = jd_session_diagnose_response (self->session, response, jd_session_get_token (self->session));
  show_response (self, response, findings);
}

static void
jd_request_page_dispose (GObject *object)
{
  JdRequestPage *self = JD_REQUEST_PAGE (object);

  /* A request in flight finishes into nothing (send_done sees no session). */
  if (self->session != NULL)
    jd_session_cancel_send (self->session);
  g_clear_handle_id (&self->scroll_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_REQUEST_PAGE);
  g_clear_object (&self->session);
  g_clear_object (&self->pasted);
  forget_fresh_token (self);
  if (self->compare_view != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->compare_view), (gpointer *)&self->compare_view);
  self->compare_view = NULL;
  g_clear_pointer (&self->problem, g_free);
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

  g_type_ensure (JD_TYPE_RESPONSE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/jd-request-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JdRequestPage, url_row);
  gtk_widget_class_bind_template_child (widget_class, JdRequestPage, method_row);
  gtk_widget_class_bind_template_child (widget_class, JdRequestPage, headers_view);
  gtk_widget_class_bind_template_child (widget_class, JdRequestPage, headers_error);
  gtk_widget_class_bind_template_child (widget_class, JdRequestPage, token_switch);
  gtk_widget_class_bind_template_child (widget_class, JdRequestPage, certificate_switch);
  gtk_widget_class_bind_template_child (widget_class, JdRequestPage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, JdRequestPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, JdRequestPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, JdRequestPage, result_stack);
  gtk_widget_class_bind_template_child (widget_class, JdRequestPage, problem_box);
  gtk_widget_class_bind_template_child (widget_class, JdRequestPage, problem_icon);
  gtk_widget_class_bind_template_child (widget_class, JdRequestPage, problem_title);
  gtk_widget_class_bind_template_child (widget_class, JdRequestPage, problem_label);
  gtk_widget_class_bind_template_child (widget_class, JdRequestPage, response_view);
  gtk_widget_class_bind_template_child (widget_class, JdRequestPage, hint_page);
  gtk_widget_class_bind_template_child (widget_class, JdRequestPage, commands_box);
  gtk_widget_class_bind_template_child (widget_class, JdRequestPage, fresh_row);
  gtk_widget_class_bind_template_callback (widget_class, request_edited);

  gtk_widget_class_install_action (widget_class, "request.send", NULL, send_action);
  gtk_widget_class_install_action (widget_class, "request.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "request.fresh-token", NULL, fresh_token_action);
  gtk_widget_class_install_action (widget_class, "request.compare-fresh", NULL,
                                   compare_fresh_action);
  gtk_widget_class_install_action (widget_class, "request.send-fresh", NULL, send_action);
}

static void
jd_request_page_init (JdRequestPage *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));
  build_commands (self);
  jd_text_view_set_no_hyphens (self->headers_view);

  g_signal_connect (self, "map", G_CALLBACK (scroll_to_result), NULL);

  g_signal_connect_object (gtk_text_view_get_buffer (self->headers_view), "changed",
                           G_CALLBACK (request_edited), self, G_CONNECT_SWAPPED);

  /* Ctrl+Enter sends from anywhere on the page, the headers editor
   * included: the capture phase runs before the text view inserts a line. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (
      gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                                   gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK)),
      gtk_named_action_new ("request.send")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  render (self);
}
