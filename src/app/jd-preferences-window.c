/* jd-preferences-window.c — expectations and network limits, in GSettings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "jd-preferences-window.h"

struct _JdPreferencesWindow
{
#if ADW_CHECK_VERSION(1, 5, 0)
  AdwPreferencesDialog parent_instance;
#else
  AdwPreferencesWindow parent_instance;
#endif

  AdwEntryRow *audience_row;
  AdwEntryRow *issuer_row;
  AdwEntryRow *algorithms_row;
  AdwComboRow *token_kind_row;
  GtkSpinButton *leeway_spin;
  GtkSpinButton *timeout_spin;
  GtkSpinButton *size_spin;

  GSettings *settings;
};

#if ADW_CHECK_VERSION(1, 5, 0)
G_DEFINE_FINAL_TYPE (JdPreferencesWindow, jd_preferences_window, ADW_TYPE_PREFERENCES_DIALOG)
#else
G_DEFINE_FINAL_TYPE (JdPreferencesWindow, jd_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)
#endif

static void
load_algorithms (JdPreferencesWindow *self)
{
  g_auto (GStrv) algs = g_settings_get_strv (self->settings, "allowed-algorithms");
  g_autofree char *text = g_strjoinv (", ", algs);

  gtk_editable_set_text (GTK_EDITABLE (self->algorithms_row), text);
}

static void
algorithms_apply (JdPreferencesWindow *self)
{
  g_auto (GStrv) parts = NULL;
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) algs = NULL;

  if (self->settings == NULL)
    return;

  parts = g_strsplit_set (gtk_editable_get_text (GTK_EDITABLE (self->algorithms_row)), ", ;", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_strv_builder_add (builder, parts[i]);
  algs = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "allowed-algorithms", (const char *const *)algs);
  load_algorithms (self);
}

/* "expected-token-kind" ("access", "id") <-> the combo row's position. */
static const char *const token_kinds[] = { "access", "id" };

static gboolean
token_kind_get (GValue *value, GVariant *variant, gpointer user_data)
{
  const char *kind = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (token_kinds); i++)
    if (g_str_equal (kind, token_kinds[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
token_kind_set (const GValue *value, const GVariantType *type, gpointer user_data)
{
  guint i = g_value_get_uint (value);

  return i < G_N_ELEMENTS (token_kinds) ? g_variant_new_string (token_kinds[i]) : NULL;
}

static void
jd_preferences_window_dispose (GObject *object)
{
  JdPreferencesWindow *self = JD_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (jd_preferences_window_parent_class)->dispose (object);
}

static void
jd_preferences_window_class_init (JdPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/jd-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JdPreferencesWindow, audience_row);
  gtk_widget_class_bind_template_child (widget_class, JdPreferencesWindow, issuer_row);
  gtk_widget_class_bind_template_child (widget_class, JdPreferencesWindow, algorithms_row);
  gtk_widget_class_bind_template_child (widget_class, JdPreferencesWindow, token_kind_row);
  gtk_widget_class_bind_template_child (widget_class, JdPreferencesWindow, leeway_spin);
  gtk_widget_class_bind_template_child (widget_class, JdPreferencesWindow, timeout_spin);
  gtk_widget_class_bind_template_child (widget_class, JdPreferencesWindow, size_spin);
  gtk_widget_class_bind_template_callback (widget_class, algorithms_apply);
}

static void
jd_preferences_window_init (JdPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* 560 × 620, as a dialog in its window or as a window of its own */
#if ADW_CHECK_VERSION(1, 5, 0)
  adw_dialog_set_content_width (ADW_DIALOG (self), 560);
  adw_dialog_set_content_height (ADW_DIALOG (self), 620);
#else
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 620);
#endif
}

GtkWidget *
jd_preferences_window_new (GSettings *settings)
{
  JdPreferencesWindow *self;

  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (JD_TYPE_PREFERENCES_WINDOW, NULL);
  if (settings == NULL)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
      return GTK_WIDGET (self);
    }

  self->settings = g_object_ref (settings);
  /* Every change is saved at once; the token itself is never saved. */
  g_settings_bind (settings, "expected-audience", self->audience_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "expected-issuer", self->issuer_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "leeway", self->leeway_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (settings, "expected-token-kind", self->token_kind_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, token_kind_get, token_kind_set, NULL,
                                NULL);
  g_settings_bind (settings, "request-timeout", self->timeout_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "response-size-limit", self->size_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  load_algorithms (self);

  return GTK_WIDGET (self);
}
