/* jd-application.c — the JWT Doctor application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "jd-about.h"
#include "jd-application.h"
#include "jd-dialog.h"
#include "jd-preferences-window.h"
#include "jd-resources.h"
#include "jd-settings.h"
#include "jd-window.h"

struct _JdApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (JdApplication, jd_application, ADW_TYPE_APPLICATION)

enum
{
  PROP_0,
  PROP_SETTINGS,
  LAST_PROP
};

static GParamSpec *pspecs[LAST_PROP];

static JdWindow *
get_window (JdApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (jd_window_new (GTK_APPLICATION (self)));

  return JD_WINDOW (window);
}

static void
jd_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (get_window (JD_APPLICATION (app))));
}

static void
jd_application_open (GApplication *app, GFile **files, int n_files, const char *hint)
{
  JdWindow *window = get_window (JD_APPLICATION (app));

  /* The window first: a HAR file opens its requests window beside it,
   * which must end up in front, not under an empty main window. */
  gtk_window_present (GTK_WINDOW (window));
  for (int i = 0; i < n_files; i++)
    jd_window_open_file (window, files[i]);
}

static int
jd_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  g_autoptr (GError) error = NULL;

  /* Answered here, before any window or display: works over SSH and in CI. */
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("jwt-doctor %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (!g_variant_dict_contains (options, "example"))
    return -1;

  /* Ask the primary instance (possibly this one) to show the example. */
  if (!g_application_register (app, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_action_group_activate_action (G_ACTION_GROUP (app), "example", NULL);

  return 0;
}

static void
example_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  JdWindow *window = get_window (JD_APPLICATION (user_data));

  jd_window_load_example (window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
new_window_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  gtk_window_present (GTK_WINDOW (jd_window_new (GTK_APPLICATION (user_data))));
}

static void
preferences_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  JdApplication *self = JD_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  jd_dialog_present (jd_preferences_window_new (self->settings), parent);
}

static void
about_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  JdApplication *self = JD_APPLICATION (user_data);

  jd_dialog_present (jd_about_new (), gtk_application_get_active_window (GTK_APPLICATION (self)));
}

static void
quit_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GApplication *app = G_APPLICATION (user_data);
  g_autoptr (GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  /* Close the windows so each saves its size; then quit. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_application_quit (app);
}

static const GActionEntry app_actions[] = {
  { "example", example_action },
  { "new-window", new_window_action },
  { "preferences", preferences_action },
  { "about", about_action },
  { "quit", quit_action },
};

static void
jd_application_startup (GApplication *app)
{
  static const struct
  {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.new-window", { "<Control>n", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.paste", { "<Control>v", NULL } },
    { "win.export", { "<Control>s", "<Control><Shift>s", NULL } },
    { "win.copy-report", { "<Control><Shift>c", NULL } },
    { "win.clear", { "<Control><Shift>Delete", NULL } },
    { "win.load-keys", { "<Control>k", NULL } },
    { "win.page('token')", { "<Alt>1", NULL } },
    { "win.page('keys')", { "<Alt>2", NULL } },
    { "win.page('request')", { "<Alt>3", NULL } },
    { "win.close", { "<Control>w", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };
  JdApplication *self = JD_APPLICATION (app);

  G_APPLICATION_CLASS (jd_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  for (gsize i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action,
                                           accels[i].accels);

  self->settings = jd_settings_new_if_installed ();
}

static void
jd_application_dispose (GObject *object)
{
  JdApplication *self = JD_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (jd_application_parent_class)->dispose (object);
}

static void
jd_application_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  JdApplication *self = JD_APPLICATION (object);

  switch (prop_id)
    {
      case PROP_SETTINGS:
        g_value_set_object (value, self->settings);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_application_class_init (JdApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = jd_application_dispose;
  object_class->get_property = jd_application_get_property;

  /* The windows read their settings from here (JdWindow), nullable. */
  pspecs[PROP_SETTINGS] = g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, LAST_PROP, pspecs);

  app_class->activate = jd_application_activate;
  app_class->open = jd_application_open;
  app_class->startup = jd_application_startup;
  app_class->handle_local_options = jd_application_handle_local_options;
}

static void
jd_application_init (JdApplication *self)
{
  static const GOptionEntry options[]
    = { { "example", 0, 0, G_OPTION_ARG_NONE, NULL,
          N_ ("Open the bundled example token (expired, issued for another audience)"), NULL },
        { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_ ("Show the version and exit"), NULL },
        { NULL } };

  /* The resources are compiled into this library; referencing them keeps
   * the linker from dropping the object that registers them. */
  g_assert (jd_get_resource () != NULL);

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _ ("[FILE…]"));
  g_application_set_option_context_summary (
    G_APPLICATION (self),
    _ ("Tell why an API answered 401 Unauthorized. Open token files (.jwt), HAR files saved from a "
       "browser's network panel (.har: every request that carries a bearer token), key sets (JWKS, "
       "PEM) or text holding a token."));
  g_application_set_option_context_description (
    G_APPLICATION (self), _ ("For scripts and CI, jwt-doctor-cli gives the same diagnosis in a "
                             "terminal (see jwt-doctor-cli --help)."));
}

JdApplication *
jd_application_new (void)
{
  return g_object_new (JD_TYPE_APPLICATION, "application-id", APP_ID, "flags",
                       G_APPLICATION_HANDLES_OPEN, "resource-base-path", RESOURCE_PREFIX, NULL);
}

GSettings *
jd_application_get_settings (JdApplication *self)
{
  g_return_val_if_fail (JD_IS_APPLICATION (self), NULL);

  return self->settings;
}
