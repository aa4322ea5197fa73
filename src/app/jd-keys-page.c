/* jd-keys-page.c — the key set beside the token's kid and alg
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "jd-key-set-summary.h"
#include "jd-keys-page.h"
#include "jd-response-view.h"

typedef enum
{
  COLUMN_ROW,
  COLUMN_KID,
  COLUMN_TYPE,
  COLUMN_ALG,
  COLUMN_USE,
  COLUMN_SIZE,
  COLUMN_SOURCE,
  COLUMN_THUMBPRINT,
  COLUMN_STATUS,
} Column;

struct _JdKeysPage
{
  AdwBin parent_instance;

  AdwActionRow *token_row;
  AdwEntryRow *jwks_url_row;
  AdwActionRow *discover_row;
  GtkWidget *discover_button;
  AdwActionRow *progress_row;
  GtkSpinner *progress_spinner;
  AdwActionRow *fetched_row;
  GtkListBox *remote_list;
  GtkLabel *network_error;
  AdwEntryRow *secret_row;
  GtkSwitch *base64_switch;
  GtkLabel *error_label;
  GtkLabel *summary_label;
  GtkColumnView *keys_view;
  GtkListBox *warnings_list;

  JdSession *session;
  GListStore *rows;

  GListStore *remote_findings; /* the fetched set's findings, as shown */
  GObject *shown_source;       /* the verification or key set the rows show */
};

G_DEFINE_FINAL_TYPE (JdKeysPage, jd_keys_page, ADW_TYPE_BIN)

static void
show_error (JdKeysPage *self, const char *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
show_network_error (JdKeysPage *self, const char *message)
{
  gtk_label_set_text (self->network_error, message);
  gtk_widget_set_visible (GTK_WIDGET (self->network_error), message != NULL);
}

static JdKey *
row_key (GObject *item)
{
  if (JD_IS_KEY_VERDICT (item))
    return jd_key_verdict_get_key (JD_KEY_VERDICT (item));
  return JD_KEY (item);
}

static char *
dup_status (GObject *item)
{
  JdKey *key = row_key (item);

  if (JD_IS_KEY_VERDICT (item))
    {
      const char *reason = jd_key_verdict_get_reason (JD_KEY_VERDICT (item));

      if (reason != NULL)
        return g_strdup (reason);
    }
  if (jd_key_get_problem (key) != NULL)
    return g_strdup (jd_key_get_problem (key));

  return g_strdup (_ ("no token to check"));
}

/* The row's key set, for kids shared by several rows (nullable). */
static char *
dup_cell_text (GObject *item, Column column, guint position, JdKeySet *set)
{
  JdKey *key = row_key (item);

  switch (column)
    {
      case COLUMN_ROW:
        /* Findings name keys by this number ("key 2"). */
        return g_strdup_printf ("%u", position + 1);
      case COLUMN_SOURCE:
        return jd_key_dup_origin (key);
      case COLUMN_KID:
        {
          guint other = set ? jd_key_set_find_shared_kid (set, key) : 0;
          if (jd_key_get_kid (key) == NULL)
            return g_strdup ("—");
          if (other)
            /* Translators: a kid that another row carries too: "abc (also key 4)" */
            return g_strdup_printf (_ ("%s (also key %u)"), jd_key_get_kid (key), other);
          return g_strdup (jd_key_get_kid (key));
        }
      case COLUMN_TYPE:
        if (jd_key_get_crv (key) != NULL)
          return g_strdup_printf ("%s %s", jd_key_get_kty (key), jd_key_get_crv (key));
        return g_strdup (jd_key_get_kty (key));
      case COLUMN_ALG:
        return g_strdup (jd_key_get_alg (key) ? jd_key_get_alg (key) : "—");
      case COLUMN_USE:
        return g_strdup (jd_key_get_use (key) ? jd_key_get_use (key) : "—");
      case COLUMN_SIZE:
        /* Translators: a key size */
        return jd_key_get_bits (key) ? g_strdup_printf (_ ("%u bits"), jd_key_get_bits (key))
                                     : g_strdup ("—");
      case COLUMN_THUMBPRINT:
        return g_strdup (jd_key_get_thumbprint (key) ? jd_key_get_thumbprint (key) : "—");
      case COLUMN_STATUS:
      default:
        return dup_status (item);
    }
}

static void
cell_setup (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  static const int min_chars[] = { 2, 8, 5, 5, 3, 9, 10, 12, 26 };

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* Narrow windows scroll the table sideways rather than squeeze it. */
  gtk_label_set_width_chars (GTK_LABEL (label), min_chars[column]);
  if (column == COLUMN_STATUS)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
    }
  else
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), column == COLUMN_THUMBPRINT ? 16 : 24);
    }
  if (column == COLUMN_KID || column == COLUMN_THUMBPRINT)
    gtk_widget_add_css_class (label, "monospace");
  gtk_label_set_selectable (GTK_LABEL (label), column == COLUMN_THUMBPRINT || column == COLUMN_KID);
  gtk_list_item_set_child (item, label);
}

static void
cell_bind (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  GObject *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  JdKeysPage *self = g_object_get_data (G_OBJECT (factory), "jd-keys-page");
  JdKeySet *set = self && self->session ? jd_session_get_keys (self->session) : NULL;
  g_autofree char *text = dup_cell_text (row, column, gtk_list_item_get_position (item), set);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, text);
  /* A kid that another row carries too is marked (#12). */
  if (column == COLUMN_KID)
    {
      if (set && jd_key_set_find_shared_kid (set, row_key (row)) != 0)
        gtk_widget_add_css_class (label, "warning");
      else
        gtk_widget_remove_css_class (label, "warning");
    }

  if (column == COLUMN_STATUS)
    {
      const char *klass = NULL;

      gtk_widget_remove_css_class (label, "success");
      gtk_widget_remove_css_class (label, "error");
      gtk_widget_remove_css_class (label, "warning");
      if (JD_IS_KEY_VERDICT (row))
        switch (jd_key_verdict_get_status (JD_KEY_VERDICT (row)))
          {
            case JD_SIGNATURE_VALID:
              klass = "success";
              break;
            case JD_SIGNATURE_INVALID:
              klass = jd_key_verdict_get_tried (JD_KEY_VERDICT (row)) ? "error" : NULL;
              break;
            case JD_SIGNATURE_NONE:
            case JD_SIGNATURE_UNVERIFIED:
            default:
              break;
          }
      if (jd_key_get_problem (row_key (row)) != NULL)
        klass = "warning";
      if (klass != NULL)
        gtk_widget_add_css_class (label, klass);
    }
}

static void
add_column (JdKeysPage *self, const char *title, Column column, gboolean expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkColumnViewColumn) col = NULL;

  g_object_set_data (G_OBJECT (factory), "jd-keys-page", self);
  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup), GUINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind), GUINT_TO_POINTER (column));
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (col, TRUE);
  gtk_column_view_column_set_expand (col, expand);
  gtk_column_view_append_column (self->keys_view, col);
}

static void update_network (JdKeysPage *self);

static void
update_rows (JdKeysPage *self)
{
  JdVerifyResult *verification = jd_session_get_verification (self->session);
  JdKeySet *keys = jd_session_get_keys (self->session);
  JdToken *token = jd_session_get_token (self->session);
  GListModel *source
    = verification ? jd_verify_result_get_verdicts (verification) : G_LIST_MODEL (keys);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = source ? g_list_model_get_n_items (source) : 0;
  GPtrArray *warnings;
  GtkWidget *child;
  g_autofree char *summary = NULL;
  g_autofree char *token_text = NULL;

  /* The clock ticks re-run the diagnosis every second; the rows only
   * change with the verification or the key set. */
  if (source != NULL
      && (GObject *)(verification ? (gpointer)verification : (gpointer)keys) == self->shown_source
      && g_list_model_get_n_items (G_LIST_MODEL (self->rows)) == n)
    return;
  g_set_object (&self->shown_source, verification ? G_OBJECT (verification) : G_OBJECT (keys));

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (source, i));
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       items->pdata, items->len);

  if (token != NULL)
    token_text = g_strdup_printf (_ ("alg %s · kid %s"),
                                  jd_token_get_alg (token) ? jd_token_get_alg (token) : "—",
                                  jd_token_get_kid (token) ? jd_token_get_kid (token) : _ ("none"));
  adw_action_row_set_subtitle (self->token_row, token_text ? token_text : _ ("No token yet"));

  if (n == 0
      && (jd_session_get_verdict (self->session) == NULL
          || jd_verdict_get_signature (jd_session_get_verdict (self->session))
               == JD_VERDICT_SIGNATURE_NO_KEYS))
    summary = g_strdup (
      _ ("No keys loaded. Open or drop the issuer's JWKS (often at /.well-known/jwks.json), "
         "a PEM public key or a certificate, or enter the HMAC secret above."));
  else
    {
      /* Which keys, from where, and what changed; then the verdict's own
       * sentence, as the banner and the report say it. */
      JdVerdict *verdict = jd_session_get_verdict (self->session);
      g_autofree char *set_text = jd_key_set_describe (keys);
      const char *change = jd_session_get_key_change (self->session);
      const char *status = verdict ? jd_verdict_get_signature_text (verdict) : NULL;

      /* Translators: "Added 3 keys from b.json to the set. 7 keys from 2 sources. Signature valid:
       * …" */
      summary = g_strdup_printf (_ ("%s%s%s.%s%s"), change ? change : "", change ? " " : "",
                                 set_text, status ? " " : "", status ? status : "");
    }
  gtk_label_set_text (self->summary_label, summary);
  update_network (self);
  /* A column view reports little natural height: size the card to the rows. */
  gtk_scrolled_window_set_min_content_height (
    GTK_SCROLLED_WINDOW (gtk_widget_get_parent (GTK_WIDGET (self->keys_view))),
    MIN (40 + 38 * (int)n, 480));
  gtk_widget_set_visible (
    gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (self->keys_view))), n > 0);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->warnings_list))) != NULL)
    gtk_list_box_remove (self->warnings_list, child);
  warnings = jd_key_set_get_warnings (keys);
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    {
      JdFinding *f = g_ptr_array_index (warnings, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), jd_finding_get_message (f));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      if (jd_finding_get_fix (f) != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), jd_finding_get_fix (f));
      gtk_widget_add_css_class (icon, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _ ("Warning"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (self->warnings_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_list), warnings != NULL && warnings->len > 0);
}

static void
secret_apply (JdKeysPage *self)
{
  g_autoptr (GError) error = NULL;
  const char *secret;

  if (self->session == NULL)
    return;

  secret = gtk_editable_get_text (GTK_EDITABLE (self->secret_row));
  if (!jd_session_set_secret (self->session, secret, gtk_switch_get_active (self->base64_switch),
                              &error))
    {
      show_error (self, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->secret_row), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->secret_row), "error");
  show_error (self, NULL);
}

static void
paste_keys_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (JdKeysPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);

  if (text == NULL)
    {
      show_error (self, _ ("The clipboard holds no text."));
      return;
    }
  if (!jd_session_load_keys (self->session, text, strlen (text), _ ("clipboard"), &error))
    {
      g_autofree char *message
        = g_strdup_printf (_ ("No keys in the clipboard: %s"), error->message);

      show_error (self, message);
      return;
    }
  show_error (self, NULL);
}

static void
paste_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, paste_keys_cb,
                                 g_object_ref (widget));
}

static void
clear_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  JdKeysPage *self = JD_KEYS_PAGE (widget);

  jd_session_clear_keys (self->session);
  /* The secret is forgotten with the keys: the entry follows. */
  gtk_editable_set_text (GTK_EDITABLE (self->secret_row), "");
  show_error (self, NULL);
  jd_session_forget_remote_keys (self->session);
  show_network_error (self, NULL);
  update_network (self);
}

/* ---- Keys from the network -------------------------------------------------- */

static const char *
token_issuer (JdKeysPage *self)
{
  return self->session ? jd_session_get_issuer (self->session) : NULL;
}

static void
update_network (JdKeysPage *self)
{
  const char *iss = token_issuer (self);
  const char *url = gtk_editable_get_text (GTK_EDITABLE (self->jwks_url_row));
  gboolean busy = jd_keys_page_get_busy (self);
  JdRemoteKeys *remote = self->session ? jd_session_get_remote_keys (self->session) : NULL;
  gboolean has_url = FALSE;

  for (const char *p = url; *p != '\0' && !has_url; p++)
    has_url = !g_ascii_isspace (*p);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "keys.fetch", has_url && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "keys.discover", iss != NULL && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "keys.cancel", busy);

  if (iss != NULL)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *discovery = jd_session_dup_discovery_url (self->session, &error);
      g_autofree char *tooltip = NULL;

      adw_action_row_set_subtitle (self->discover_row, discovery ? discovery : error->message);
      tooltip = g_strdup_printf (_ ("Read the discovery document of %s, then its jwks_uri"), iss);
      gtk_widget_set_tooltip_text (self->discover_button, tooltip);
    }
  else
    {
      adw_action_row_set_subtitle (
        self->discover_row, _ ("From the token’s issuer: {iss}/.well-known/openid-configuration"));
      gtk_widget_set_tooltip_text (
        self->discover_button,
        self->session != NULL && jd_session_get_token (self->session) != NULL
          ? _ ("The token has no “iss” claim to discover keys from")
          : _ ("No token yet: Discover starts from the token’s “iss” claim"));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->progress_row), busy);
  gtk_spinner_set_spinning (self->progress_spinner, busy);

  if (remote != NULL)
    {
      g_autoptr (GDateTime) local = g_date_time_to_local (jd_remote_keys_get_fetched_at (remote));
      g_autofree char *hhmm = g_date_time_format (local, "%H:%M");
      g_autofree char *title = NULL;
      const char *cache = jd_remote_keys_get_cache_explanation (remote);

      /* Translators: "Fetched at 14:05 from https://…/jwks.json" */
      title
        = g_strdup_printf (_ ("Fetched at %s from %s"), hhmm, jd_remote_keys_get_jwks_uri (remote));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->fetched_row), title);
      adw_action_row_set_subtitle (
        self->fetched_row, cache ? cache
                                 : _ ("The response says nothing about caching: a verifier decides "
                                      "for itself how long it keeps this key set."));
    }
  /* A refused set was never fetched: no "Fetched at" row. */
  gtk_widget_set_visible (GTK_WIDGET (self->fetched_row),
                          remote != NULL && jd_remote_keys_get_refusal (remote) == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->remote_list),
                          g_list_model_get_n_items (G_LIST_MODEL (self->remote_findings)) > 0);
}

/* What the fetched set says for the session's token (the session ranks
 * them on the Token page too). */
static void
show_remote_findings (JdKeysPage *self)
{
  GPtrArray *findings = jd_session_get_remote_keys_findings (self->session);

  g_list_store_remove_all (self->remote_findings);
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      JdFinding *f = g_ptr_array_index (findings, i);

      /* The "Fetched at" row says that one already. */
      if (g_strcmp0 (jd_finding_get_id (f), JD_FINDING_JWKS_FETCHED) != 0)
        g_list_store_append (self->remote_findings, f);
    }
  update_network (self);
}

static void
remote_done (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (JdKeysPage) self = user_data;
  g_autoptr (GError) error = NULL;

  if (self->session == NULL) /* the page went away meanwhile */
    return;

  if (!jd_session_fetch_keys_finish (JD_SESSION (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_network_error (self, _ ("Cancelled: the loaded keys are unchanged."));
      else
        show_network_error (self, error->message);
    }
  else
    show_network_error (self, NULL);
  update_network (self);
}

static void
start_remote (JdKeysPage *self, gboolean discover, const char *what)
{
  g_autofree char *title = NULL;

  show_network_error (self, NULL);
  if (discover)
    jd_session_discover_keys_async (self->session, what, remote_done, g_object_ref (self));
  else
    jd_session_fetch_keys_async (self->session, what, remote_done, g_object_ref (self));
  /* Translators: %s is a URL or an issuer */
  title = g_strdup_printf (discover ? _ ("Discovering the keys of %s…") : _ ("Fetching %s…"), what);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->progress_row), title);
  update_network (self);
}

static void
fetch_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  JdKeysPage *self = JD_KEYS_PAGE (widget);
  g_autofree char *url
    = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->jwks_url_row))));

  if (self->session == NULL || jd_keys_page_get_busy (self) || url[0] == '\0')
    return;
  start_remote (self, FALSE, url);
}

static void
discover_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  JdKeysPage *self = JD_KEYS_PAGE (widget);
  g_autofree char *iss = NULL;

  if (self->session == NULL || jd_keys_page_get_busy (self) || token_issuer (self) == NULL)
    return;
  iss = g_strdup (token_issuer (self));
  start_remote (self, TRUE, iss);
}

static void
cancel_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  JdKeysPage *self = JD_KEYS_PAGE (widget);

  if (self->session != NULL)
    jd_session_cancel_keys (self->session);
}

void
jd_keys_page_set_session (JdKeysPage *self, JdSession *session)
{
  g_return_if_fail (JD_IS_KEYS_PAGE (self));
  g_return_if_fail (JD_IS_SESSION (session));
  g_return_if_fail (self->session == NULL);

  self->session = g_object_ref (session);
  /* Verification follows both the token and the keys; both end in a diagnosis. */
  g_signal_connect_object (session, "diagnosis-changed", G_CALLBACK (update_rows), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::remote-keys", G_CALLBACK (show_remote_findings), self,
                           G_CONNECT_SWAPPED);
  update_rows (self);
}

GListModel *
jd_keys_page_get_rows (JdKeysPage *self)
{
  g_return_val_if_fail (JD_IS_KEYS_PAGE (self), NULL);

  return G_LIST_MODEL (self->rows);
}

char *
jd_keys_page_dup_status (JdKeysPage *self, guint position)
{
  g_autoptr (GObject) item = NULL;

  g_return_val_if_fail (JD_IS_KEYS_PAGE (self), NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->rows), position);
  return item ? dup_status (item) : NULL;
}

char *
jd_keys_page_dup_cell (JdKeysPage *self, guint position, const char *column)
{
  static const struct
  {
    const char *name;
    Column column;
  } names[] = { { "row", COLUMN_ROW }, { "kid", COLUMN_KID }, { "source", COLUMN_SOURCE } };
  g_autoptr (GObject) item = NULL;

  g_return_val_if_fail (JD_IS_KEYS_PAGE (self), NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->rows), position);
  for (guint i = 0; item != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (names[i].name, column))
      return dup_cell_text (item, names[i].column, position,
                            self->session ? jd_session_get_keys (self->session) : NULL);
  return NULL;
}

const char *
jd_keys_page_get_summary (JdKeysPage *self)
{
  g_return_val_if_fail (JD_IS_KEYS_PAGE (self), NULL);
  return gtk_label_get_text (self->summary_label);
}

void
jd_keys_page_set_jwks_url (JdKeysPage *self, const char *url)
{
  g_return_if_fail (JD_IS_KEYS_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->jwks_url_row), url ? url : "");
}

gboolean
jd_keys_page_get_busy (JdKeysPage *self)
{
  g_return_val_if_fail (JD_IS_KEYS_PAGE (self), FALSE);

  return self->session != NULL && jd_session_get_fetching_keys (self->session);
}

char *
jd_keys_page_dup_fetched_text (JdKeysPage *self)
{
  JdRemoteKeys *remote;

  g_return_val_if_fail (JD_IS_KEYS_PAGE (self), NULL);

  remote = self->session ? jd_session_get_remote_keys (self->session) : NULL;
  if (remote == NULL || jd_remote_keys_get_refusal (remote) != NULL)
    return NULL;
  return g_strdup_printf ("%s\n%s",
                          adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->fetched_row)),
                          adw_action_row_get_subtitle (self->fetched_row));
}

GListModel *
jd_keys_page_get_remote_findings (JdKeysPage *self)
{
  g_return_val_if_fail (JD_IS_KEYS_PAGE (self), NULL);

  return G_LIST_MODEL (self->remote_findings);
}

const char *
jd_keys_page_get_error (JdKeysPage *self)
{
  g_return_val_if_fail (JD_IS_KEYS_PAGE (self), NULL);

  if (gtk_widget_get_visible (GTK_WIDGET (self->network_error)))
    return gtk_label_get_text (self->network_error);
  return gtk_widget_get_visible (GTK_WIDGET (self->error_label))
           ? gtk_label_get_text (self->error_label)
           : NULL;
}

static void
jd_keys_page_dispose (GObject *object)
{
  JdKeysPage *self = JD_KEYS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_KEYS_PAGE);
  /* A fetch on its way finishes into nothing (remote_done sees no session). */
  if (self->session != NULL)
    jd_session_cancel_keys (self->session);
  g_clear_object (&self->session);
  g_clear_object (&self->rows);
  g_clear_object (&self->remote_findings);
  g_clear_object (&self->shown_source);

  G_OBJECT_CLASS (jd_keys_page_parent_class)->dispose (object);
}

static void
jd_keys_page_class_init (JdKeysPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_keys_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/jd-keys-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JdKeysPage, token_row);
  gtk_widget_class_bind_template_child (widget_class, JdKeysPage, jwks_url_row);
  gtk_widget_class_bind_template_child (widget_class, JdKeysPage, discover_row);
  gtk_widget_class_bind_template_child (widget_class, JdKeysPage, discover_button);
  gtk_widget_class_bind_template_child (widget_class, JdKeysPage, progress_row);
  gtk_widget_class_bind_template_child (widget_class, JdKeysPage, progress_spinner);
  gtk_widget_class_bind_template_child (widget_class, JdKeysPage, fetched_row);
  gtk_widget_class_bind_template_child (widget_class, JdKeysPage, remote_list);
  gtk_widget_class_bind_template_child (widget_class, JdKeysPage, network_error);
  gtk_widget_class_bind_template_child (widget_class, JdKeysPage, secret_row);
  gtk_widget_class_bind_template_child (widget_class, JdKeysPage, base64_switch);
  gtk_widget_class_bind_template_child (widget_class, JdKeysPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, JdKeysPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, JdKeysPage, keys_view);
  gtk_widget_class_bind_template_child (widget_class, JdKeysPage, warnings_list);
  gtk_widget_class_bind_template_callback (widget_class, secret_apply);
  gtk_widget_class_bind_template_callback (widget_class, update_network);

  gtk_widget_class_install_action (widget_class, "keys.paste", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "keys.clear", NULL, clear_action);
  gtk_widget_class_install_action (widget_class, "keys.fetch", NULL, fetch_action);
  gtk_widget_class_install_action (widget_class, "keys.discover", NULL, discover_action);
  gtk_widget_class_install_action (widget_class, "keys.cancel", NULL, cancel_action);
}

static void
jd_keys_page_init (JdKeysPage *self)
{
  g_autoptr (GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_list_store_new (G_TYPE_OBJECT);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->rows)));
  gtk_column_view_set_model (self->keys_view, GTK_SELECTION_MODEL (selection));

  self->remote_findings = g_list_store_new (JD_TYPE_FINDING);
  gtk_list_box_bind_model (self->remote_list, G_LIST_MODEL (self->remote_findings),
                           jd_finding_row_new, NULL, NULL);

  /* Translators: the row number column of the key table */
  add_column (self, _ ("#"), COLUMN_ROW, FALSE);
  add_column (self, _ ("Key ID"), COLUMN_KID, FALSE);
  add_column (self, _ ("Type"), COLUMN_TYPE, FALSE);
  add_column (self, _ ("Alg"), COLUMN_ALG, FALSE);
  add_column (self, _ ("Use"), COLUMN_USE, FALSE);
  add_column (self, _ ("Size"), COLUMN_SIZE, FALSE);
  add_column (self, _ ("Source"), COLUMN_SOURCE, FALSE);
  add_column (self, _ ("Thumbprint"), COLUMN_THUMBPRINT, FALSE);
  add_column (self, _ ("Status"), COLUMN_STATUS, TRUE);
}
