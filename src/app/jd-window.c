/* jd-window.c — the JWT Doctor window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "jd-window.h"
#include "jd-dialog.h"
#include "jd-har-view.h"
#include "jd-input-sniff.h"
#include "jd-settings.h"
#include "jd-resign-window.h"
#include "jd-page-switcher.h"

/* Files larger than this are not read into the window. */
#define MAX_FILE_SIZE (64 * 1024 * 1024)

typedef void (*ChosenFunc) (JdWindow *self, GFile *file);

struct _JdWindow
{
  AdwApplicationWindow parent_instance;

  AdwHeaderBar *header_bar;
  AdwViewStack *stack;
  AdwViewSwitcherBar *switcher_bar;
  GtkMenuButton *primary_menu_button;
  GMenuModel *primary_menu;
  AdwToastOverlay *toast_overlay;
  JdTokenPage *token_page;
  AdwBin *keys_bin;
  AdwBin *request_bin;
  JdKeysPage *keys_page;       /* built the first time it is needed */
  JdRequestPage *request_page; /* built the first time it is needed */

  GSettings *settings;
  JdSession *session;
  JdResignWindow *resign_window; /* weak: Edit and Re-sign, built when first opened */

  GFile *next_file;
  gboolean has_next_file;
  gboolean opening; /* the paste area is being filled from a file */
#if ADW_CHECK_VERSION(1, 8, 0)
  AdwDialog *shortcuts; /* built on first use */
#endif
};

G_DEFINE_FINAL_TYPE (JdWindow, jd_window, ADW_TYPE_APPLICATION_WINDOW)

void
jd_window_add_toast (JdWindow *self, const char *message)
{
  g_return_if_fail (JD_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* The title names the file whose text the paste area shows ("token.jwt —
 * JWT Doctor"), or is the application's name. */
static void
set_document_name (JdWindow *self, const char *name)
{
  g_autofree char *title = NULL;

  if (name != NULL)
    /* TRANSLATORS: the window title: a file name and the application */
    title = g_strdup_printf (_ ("%s — JWT Doctor"), name);
  gtk_window_set_title (GTK_WINDOW (self), title != NULL ? title : _ ("JWT Doctor"));
}

/* A paste, a drop, typing or a HAR entry changed the text: it is no longer
 * the opened file's. */
static void
paste_area_changed (JdWindow *self)
{
  if (!self->opening)
    set_document_name (self, NULL);
}

void
jd_window_open_text (JdWindow *self, const char *text, gsize len, const char *source)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *valid = NULL;

  g_return_if_fail (JD_IS_WINDOW (self));
  g_return_if_fail (text != NULL || len == 0);

  switch (jd_input_sniff (text, len, source))
    {
      case JD_INPUT_KIND_KEYS:
        if (!jd_session_load_keys (self->session, text, len, source ? source : _ ("dropped text"),
                                   &error))
          {
            message = g_strdup_printf (_ ("No keys in %s: %s"),
                                       source ? source : _ ("the dropped text"), error->message);
            jd_window_add_toast (self, message);
            return;
          }
        message
          = g_strdup_printf (_ ("Loaded keys from %s"), source ? source : _ ("the dropped text"));
        jd_window_add_toast (self, message);
        if (jd_session_get_token (self->session) == NULL)
          jd_window_set_visible_page (self, "keys");
        break;

      case JD_INPUT_KIND_HAR:
        message = g_strdup_printf (_ ("%s is a HAR file: opening HAR files is not supported yet"),
                                   source ? source : _ ("The dropped text"));
        jd_window_add_toast (self, message);
        break;

      case JD_INPUT_KIND_TOKEN:
      default:
        if (jd_text_is_example (text, len))
          {
            jd_window_load_example (self);
            break;
          }
        valid = g_utf8_make_valid (text, len);
        self->opening = TRUE;
        jd_token_page_set_text (self->token_page, valid);
        self->opening = FALSE;
        set_document_name (self, source);
        jd_window_set_visible_page (self, "token");
        break;
    }
}

static void
load_contents_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (JdWindow) self = user_data;
  GFile *file = G_FILE (object);
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *name = g_file_get_basename (file);
  gsize len = 0;

  if (!g_file_load_contents_finish (file, result, &data, &len, NULL, &error))
    {
      g_autofree char *message
        = g_strdup_printf (_ ("Could not read %s: %s"), name, error->message);

      jd_window_add_toast (self, message);
      return;
    }
  if (len > MAX_FILE_SIZE)
    {
      g_autofree char *message
        = g_strdup_printf (_ ("%s is larger than 64 MiB and was not opened"), name);

      jd_window_add_toast (self, message);
      return;
    }

  /* A HAR saved under another name (export.json) is known by its first
   * bytes: it opens in a HAR view like a .har. */
  if (jd_input_sniff (data, len, name) == JD_INPUT_KIND_HAR)
    {
      jd_window_open_har (self, file);
      return;
    }
  jd_window_open_text (self, data, len, name);
}

/* A request chosen in a HAR view: its token (and request) on the pages. */
static void
har_entry_activated (JdWindow *self, JdHarEntry *entry)
{
  g_autofree char *text = NULL;

  if (jd_har_entry_get_token_source (entry) == JD_HAR_TOKEN_SOURCE_AUTHORIZATION)
    {
      /* a curl command carries the request (method, URL, headers) and the
       * token: the Token page decodes it, the Request page shows it */
      g_autoptr (JdRequest) request = jd_har_entry_dup_request (entry);
      text = jd_request_to_curl (request, JD_CURL_THIS_TOKEN, NULL);
    }
  else
    text = g_strdup (jd_har_entry_get_token (entry));

  jd_token_page_set_text (self->token_page, text);
  if (jd_har_entry_get_token_source (entry) != JD_HAR_TOKEN_SOURCE_AUTHORIZATION)
    jd_request_page_set_url (jd_window_get_request_page (self), jd_har_entry_get_url (entry));
}

JdHarView *
jd_window_open_har (JdWindow *self, GFile *file)
{
  JdHarView *view;

  g_return_val_if_fail (JD_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  view = jd_har_view_new (GTK_WINDOW (self), self->session);
  g_signal_connect_object (view, "entry-activated", G_CALLBACK (har_entry_activated), self,
                           G_CONNECT_SWAPPED);
  jd_har_view_load (view, file);
  gtk_window_present (GTK_WINDOW (view));
  return view;
}

void
jd_window_open_file (JdWindow *self, GFile *file)
{
  g_autofree char *name = NULL;

  g_return_if_fail (JD_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* A HAR goes by its name to a HAR view, before a byte is read. */
  name = g_file_get_basename (file);
  if (jd_input_sniff (NULL, 0, name) == JD_INPUT_KIND_HAR)
    {
      jd_window_open_har (self, file);
      return;
    }
  g_file_load_contents_async (file, NULL, load_contents_cb, g_object_ref (self));
}

void
jd_window_load_example (JdWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (JD_IS_WINDOW (self));

  text = jd_session_load_example (self->session, &error);
  if (text == NULL)
    {
      g_autofree char *message = g_strdup_printf (_ ("The example is missing: %s"), error->message);

      jd_window_add_toast (self, message);
      return;
    }

  jd_token_page_set_text (self->token_page, text);
  jd_window_set_visible_page (self, "token");
}

/* ---- File choosers ----------------------------------------------------- */

typedef struct
{
  JdWindow *self;
  ChosenFunc func;
} ChooseData;

static void
add_filters (GObject *chooser, gboolean keys)
{
  g_autoptr (GtkFileFilter) main_filter = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();
  static const char *token_patterns[]
    = { "*.jwt", "*.har", "*.txt", "*.json", "*.pem", "*.crt", "*.cer", "*.der", NULL };
  static const char *key_patterns[]
    = { "*.json", "*.jwks", "*.jwk", "*.pem", "*.crt", "*.cer", "*.der", "*.key", NULL };

  gtk_file_filter_set_name (main_filter, keys ? _ ("Key Sets, Keys and Certificates")
                                              : _ ("Tokens, HAR Files, Key Sets and Certificates"));
  if (!keys)
    {
      gtk_file_filter_add_mime_type (main_filter, "application/jwt");
      gtk_file_filter_add_mime_type (main_filter, "application/x-har+json");
    }
  for (const char **p = keys ? key_patterns : token_patterns; *p != NULL; p++)
    gtk_file_filter_add_pattern (main_filter, *p);
  gtk_file_filter_set_name (all, _ ("All Files"));
  gtk_file_filter_add_pattern (all, "*");

#if GTK_CHECK_VERSION(4, 10, 0)
  {
    g_autoptr (GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

    g_list_store_append (filters, main_filter);
    g_list_store_append (filters, all);
    gtk_file_dialog_set_filters (GTK_FILE_DIALOG (chooser), G_LIST_MODEL (filters));
    gtk_file_dialog_set_default_filter (GTK_FILE_DIALOG (chooser), main_filter);
  }
#else
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), main_filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
#endif
}

#if GTK_CHECK_VERSION(4, 10, 0)
static void
file_dialog_done (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autofree ChooseData *data = user_data;
  g_autoptr (JdWindow) self = data->self;
  g_autoptr (GFile) file = NULL;
  GtkFileDialog *dialog = GTK_FILE_DIALOG (object);

  if (g_object_get_data (object, "jd-save") != NULL)
    file = gtk_file_dialog_save_finish (dialog, result, NULL);
  else
    file = gtk_file_dialog_open_finish (dialog, result, NULL);
  if (file != NULL)
    data->func (self, file);
}
#else
static void
native_response (GtkNativeDialog *native, int response, gpointer user_data)
{
  g_autofree ChooseData *data = user_data;
  g_autoptr (JdWindow) self = data->self;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        data->func (self, file);
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}
#endif

static void
choose_file (JdWindow *self, gboolean save, gboolean keys, const char *title, const char *accept,
             const char *suggested_name, ChosenFunc func)
{
  ChooseData *data;

  g_assert (JD_IS_WINDOW (self));

  if (self->has_next_file)
    {
      g_autoptr (GFile) file = g_steal_pointer (&self->next_file);

      self->has_next_file = FALSE;
      if (file != NULL)
        func (self, file);
      return;
    }

  data = g_new0 (ChooseData, 1);
  data->self = g_object_ref (self);
  data->func = func;

#if GTK_CHECK_VERSION(4, 10, 0)
  {
    g_autoptr (GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, title);
    gtk_file_dialog_set_accept_label (dialog, accept);
    gtk_file_dialog_set_modal (dialog, TRUE);
    if (save)
      {
        g_object_set_data (G_OBJECT (dialog), "jd-save", GINT_TO_POINTER (1));
        gtk_file_dialog_set_initial_name (dialog, suggested_name);
        gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, file_dialog_done, data);
      }
    else
      {
        add_filters (G_OBJECT (dialog), keys);
        gtk_file_dialog_open (dialog, GTK_WINDOW (self), NULL, file_dialog_done, data);
      }
  }
#else
  {
    GtkFileChooserNative *native;

    native = gtk_file_chooser_native_new (
      title, GTK_WINDOW (self), save ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
      accept, _ ("_Cancel"));
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
    if (save)
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested_name);
    else
      add_filters (G_OBJECT (native), keys);
    g_signal_connect (native, "response", G_CALLBACK (native_response), data);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
  }
#endif
}

void
_jd_window_set_next_chosen_file (JdWindow *self, GFile *file)
{
  g_return_if_fail (JD_IS_WINDOW (self));

  g_set_object (&self->next_file, file);
  self->has_next_file = TRUE;
}

/* ---- Actions ------------------------------------------------------------ */

static void
open_chosen (JdWindow *self, GFile *file)
{
  jd_window_open_file (self, file);
}

static void
open_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  choose_file (JD_WINDOW (widget), FALSE, FALSE, _ ("Open a Token or Key File"), _ ("_Open"), NULL,
               open_chosen);
}

static void
keys_chosen (JdWindow *self, GFile *file)
{
  jd_window_open_file (self, file);
  jd_window_set_visible_page (self, "keys");
}

static void
load_keys_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  choose_file (JD_WINDOW (widget), FALSE, TRUE, _ ("Open a Key Set, Key or Certificate"),
               _ ("_Open"), NULL, keys_chosen);
}

static void
save_done (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (JdWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_file_get_basename (G_FILE (object));
  g_autofree char *message = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    message = g_strdup_printf (_ ("Could not save %s: %s"), name, error->message);
  else
    message = g_strdup_printf (_ ("Saved the token as %s"), name);
  jd_window_add_toast (self, message);
}

static void
export_chosen (JdWindow *self, GFile *file)
{
  JdToken *token = jd_session_get_token (self->session);
  g_autoptr (GBytes) bytes = NULL;

  if (token == NULL)
    return;

  /* The compact token alone (application/jwt, RFC 7519 §10.3.1). */
  bytes = g_bytes_new (jd_token_get_text (token), jd_token_get_length (token));
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE,
                                       G_FILE_CREATE_REPLACE_DESTINATION | G_FILE_CREATE_PRIVATE,
                                       NULL, save_done, g_object_ref (self));
}

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  JdWindow *self = JD_WINDOW (widget);

  if (jd_session_get_token (self->session) == NULL)
    {
      jd_window_add_toast (self, _ ("There is no token to export"));
      return;
    }
  choose_file (self, TRUE, FALSE, _ ("Export the Token"), _ ("_Export"), "token.jwt",
               export_chosen);
}

static void
paste_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  JdWindow *self = JD_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  /* Ctrl+V in an entry or in the token area pastes there, as usual. */
  if (focus != NULL && (GTK_IS_TEXT (focus) || GTK_IS_TEXT_VIEW (focus))
      && gtk_widget_is_sensitive (focus))
    {
      gtk_widget_activate_action (focus, "clipboard.paste", NULL);
      return;
    }

  jd_window_set_visible_page (self, "token");
  jd_token_page_paste (self->token_page);
}

static void
copy_report_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  JdWindow *self = JD_WINDOW (widget);
  g_autofree char *report = jd_session_dup_report (self->session);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), report);
  jd_window_add_toast (self, _ ("Report copied"));
}

static void
clear_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  JdWindow *self = JD_WINDOW (widget);

  jd_token_page_set_text (self->token_page, "");
  jd_window_set_visible_page (self, "token");
}

static void
example_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  jd_window_load_example (JD_WINDOW (widget));
}

/* Edit and Re-sign: the new token replaces the text, as one undoable step. */
static void
resign_signed (JdWindow *self, const char *token)
{
  jd_token_page_set_text (self->token_page, token);
  jd_window_set_visible_page (self, "token");
}

GtkWindow *
jd_window_get_resign_window (JdWindow *self)
{
  g_return_val_if_fail (JD_IS_WINDOW (self), NULL);
  return self->resign_window ? GTK_WINDOW (self->resign_window) : NULL;
}

static void
resign_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  JdWindow *self = JD_WINDOW (widget);

  if (self->resign_window == NULL)
    {
      self->resign_window = jd_resign_window_new (GTK_WINDOW (self), self->session);
      gtk_window_set_destroy_with_parent (GTK_WINDOW (self->resign_window), TRUE);
      g_object_add_weak_pointer (G_OBJECT (self->resign_window), (gpointer *)&self->resign_window);
      g_signal_connect_object (self->resign_window, "signed", G_CALLBACK (resign_signed), self,
                               G_CONNECT_SWAPPED);
    }
  else
    jd_resign_window_reload (self->resign_window);
  gtk_window_present (GTK_WINDOW (self->resign_window));
}

static void
page_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  jd_window_set_visible_page (JD_WINDOW (widget), g_variant_get_string (param, NULL));
}

/* The keyboard shortcuts are built the first time they are shown, not with
 * every window (GtkApplication would build gtk/help-overlay.ui at once).
 * libadwaita 1.8 shows them in an AdwShortcutsDialog (jd-shortcuts-dialog.ui),
 * as GtkShortcutsWindow is deprecated since GTK 4.18; before, the window is
 * the GtkApplicationWindow's help overlay, which keeps this action as it
 * keeps its own. */
GtkWidget *
jd_window_get_help_overlay (JdWindow *self)
{
  g_return_val_if_fail (JD_IS_WINDOW (self), NULL);

#if ADW_CHECK_VERSION(1, 8, 0)
  if (self->shortcuts == NULL)
    {
      g_autoptr (GtkBuilder) builder
        = gtk_builder_new_from_resource (RESOURCE_PREFIX "/jd-shortcuts-dialog.ui");

      self->shortcuts
        = g_object_ref (ADW_DIALOG (gtk_builder_get_object (builder, "shortcuts_dialog")));
    }
  return GTK_WIDGET (self->shortcuts);
#else
  {
    GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (self);
    GtkShortcutsWindow *overlay;

    /* (GTK >= 4.18 with libadwaita < 1.8 has nothing else) */
    G_GNUC_BEGIN_IGNORE_DEPRECATIONS
    overlay = gtk_application_window_get_help_overlay (window);
    if (overlay == NULL)
      {
        g_autoptr (GtkBuilder) builder
          = gtk_builder_new_from_resource (RESOURCE_PREFIX "/jd-help-overlay.ui");

        overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
        gtk_application_window_set_help_overlay (window, overlay);
      }
    G_GNUC_END_IGNORE_DEPRECATIONS
    return GTK_WIDGET (overlay);
  }
#endif
}

static void
show_help_overlay (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  JdWindow *self = JD_WINDOW (user_data);

  jd_dialog_present (jd_window_get_help_overlay (self), GTK_WINDOW (self));
}

static void
update_actions (JdWindow *self)
{
  gboolean has_token = jd_session_get_token (self->session) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_token);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-report", has_token);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.clear", has_token);
}

/* ---- Drop ---------------------------------------------------------------- */

static gboolean
on_drop (GtkDropTarget *target, const GValue *value, double x, double y, JdWindow *self)
{
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = g_value_get_boxed (value);

      for (GSList *l = files; l != NULL; l = l->next)
        jd_window_open_file (self, l->data);
      return files != NULL;
    }

  if (G_VALUE_HOLDS (value, G_TYPE_STRING))
    {
      const char *text = g_value_get_string (value);

      if (text == NULL || text[0] == '\0')
        return FALSE;
      jd_window_open_text (self, text, strlen (text), NULL);
      return TRUE;
    }

  return FALSE;
}

/* ---- Pages ----------------------------------------------------------------- */

const char *
jd_window_get_visible_page (JdWindow *self)
{
  g_return_val_if_fail (JD_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

void
jd_window_set_visible_page (JdWindow *self, const char *name)
{
  g_return_if_fail (JD_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  if (adw_view_stack_get_child_by_name (self->stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, name);
}

JdSession *
jd_window_get_session (JdWindow *self)
{
  g_return_val_if_fail (JD_IS_WINDOW (self), NULL);

  return self->session;
}

JdTokenPage *
jd_window_get_token_page (JdWindow *self)
{
  g_return_val_if_fail (JD_IS_WINDOW (self), NULL);

  return self->token_page;
}

/* The Keys and Request pages are built on first use, so the window's first
 * frame costs only the Token page; they catch up with the session then. */
JdKeysPage *
jd_window_get_keys_page (JdWindow *self)
{
  g_return_val_if_fail (JD_IS_WINDOW (self), NULL);

  if (self->keys_page == NULL)
    {
      self->keys_page = g_object_new (JD_TYPE_KEYS_PAGE, NULL);
      adw_bin_set_child (self->keys_bin, GTK_WIDGET (self->keys_page));
      jd_keys_page_set_session (self->keys_page, self->session);
    }

  return self->keys_page;
}

JdRequestPage *
jd_window_get_request_page (JdWindow *self)
{
  g_return_val_if_fail (JD_IS_WINDOW (self), NULL);

  if (self->request_page == NULL)
    {
      self->request_page = g_object_new (JD_TYPE_REQUEST_PAGE, NULL);
      adw_bin_set_child (self->request_bin, GTK_WIDGET (self->request_page));
      jd_request_page_set_session (self->request_page, self->session);
    }

  return self->request_page;
}

static void
visible_page_changed (JdWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (name, "keys") == 0)
    jd_window_get_keys_page (self);
  else if (g_strcmp0 (name, "request") == 0)
    jd_window_get_request_page (self);
}

/* The page switcher moved to the bottom bar (jd-page-switcher.c reveals it
 * when the window is narrow): the claims tables drop their Meaning column. */
static void
narrow_changed (JdWindow *self)
{
  jd_token_page_set_narrow (self->token_page,
                            adw_view_switcher_bar_get_reveal (self->switcher_bar));
}

/* The primary menu's popover is built when it is first opened, as the
 * bottom bar's buttons are when the window is first narrow. */
static void
create_primary_menu (GtkMenuButton *button, gpointer user_data)
{
  JdWindow *self = JD_WINDOW (user_data);

  /* Called on every opening: the popover is built on the first only. */
  if (gtk_menu_button_get_popover (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
show_keys_cb (JdWindow *self)
{
  jd_window_set_visible_page (self, "keys");
}

/* ---- Life cycle -------------------------------------------------------- */

static gboolean
jd_window_close_request (GtkWindow *window)
{
  JdWindow *self = JD_WINDOW (window);

  if (self->settings != NULL)
    {
      gboolean maximized = gtk_window_is_maximized (window);
      int width, height;

      g_settings_set_boolean (self->settings, "window-maximized", maximized);
      if (!maximized)
        {
          gtk_window_get_default_size (window, &width, &height);
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
    }

  return GTK_WINDOW_CLASS (jd_window_parent_class)->close_request (window);
}

static void
jd_window_constructed (GObject *object)
{
  JdWindow *self = JD_WINDOW (object);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  G_OBJECT_CLASS (jd_window_parent_class)->constructed (object);

  /* The application's settings ("settings", JdApplication), else our own. */
  if (app != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (app), "settings") != NULL)
    g_object_get (app, "settings", &self->settings, NULL);
  if (self->settings == NULL)
    self->settings = jd_settings_new_if_installed ();

  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   MAX (360, g_settings_get_int (self->settings, "window-width")),
                                   MAX (294, g_settings_get_int (self->settings, "window-height")));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }

  self->session = jd_session_new (self->settings);
  g_signal_connect_object (self->session, "token-changed", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);
  jd_token_page_set_session (self->token_page, self->session);
  g_signal_connect_object (self->token_page, "show-keys", G_CALLBACK (show_keys_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (jd_token_page_get_buffer (self->token_page), "changed",
                           G_CALLBACK (paste_area_changed), self, G_CONNECT_SWAPPED);
  update_actions (self);
}

static void
jd_window_dispose (GObject *object)
{
  JdWindow *self = JD_WINDOW (object);

  if (self->resign_window != NULL)
    gtk_window_destroy (GTK_WINDOW (self->resign_window));
  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_WINDOW);
#if ADW_CHECK_VERSION(1, 8, 0)
  g_clear_object (&self->shortcuts);
#endif

  G_OBJECT_CLASS (jd_window_parent_class)->dispose (object);
}

static void
jd_window_finalize (GObject *object)
{
  JdWindow *self = JD_WINDOW (object);

  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_clear_object (&self->next_file);

  G_OBJECT_CLASS (jd_window_parent_class)->finalize (object);
}

static void
jd_window_class_init (JdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = jd_window_constructed;
  object_class->dispose = jd_window_dispose;
  object_class->finalize = jd_window_finalize;
  window_class->close_request = jd_window_close_request;

  g_type_ensure (JD_TYPE_TOKEN_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/jd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JdWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, token_page);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, keys_bin);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, request_bin);
  gtk_widget_class_bind_template_callback (widget_class, visible_page_changed);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.load-keys", NULL, load_keys_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.paste", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "win.copy-report", NULL, copy_report_action);
  gtk_widget_class_install_action (widget_class, "win.clear", NULL, clear_action);
  gtk_widget_class_install_action (widget_class, "win.example", NULL, example_action);
  gtk_widget_class_install_action (widget_class, "win.resign", NULL, resign_action);
  gtk_widget_class_install_action (widget_class, "win.page", "s", page_action);
}

static void
jd_window_init (JdWindow *self)
{
  g_autoptr (GSimpleAction) help_action = NULL;
  GtkDropTarget *target;
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_STRING };

  gtk_widget_init_template (GTK_WIDGET (self));
  jd_page_switcher_setup (ADW_APPLICATION_WINDOW (self), self->header_bar, self->stack,
                          self->switcher_bar);
  g_signal_connect_object (self->switcher_bar, "notify::reveal", G_CALLBACK (narrow_changed), self,
                           G_CONNECT_SWAPPED);
  gtk_menu_button_set_create_popup_func (self->primary_menu_button, create_primary_menu, self,
                                         NULL);

  /* In the window's own action group ("win"), where GtkApplicationWindow
   * looks before adding its show-help-overlay. */
  help_action = g_simple_action_new ("show-help-overlay", NULL);
  g_signal_connect_object (help_action, "activate", G_CALLBACK (show_help_overlay), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (help_action));

  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

JdWindow *
jd_window_new (GtkApplication *app)
{
  g_return_val_if_fail (app == NULL || GTK_IS_APPLICATION (app), NULL);

  return g_object_new (JD_TYPE_WINDOW, "application", app, NULL);
}
