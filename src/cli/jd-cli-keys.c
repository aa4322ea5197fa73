/* jd-cli-keys.c — jwt-doctor-cli's keys: the secret, the local key files,
 * --jwks URL, and the keys --discover finds for each token's issuer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jd-cli-input.h"
#include "jd-cli-keys.h"
#include "jd-cli-net.h"

/* --key, --secret, --secret-file and --jwks FILE, into @set. */
static gboolean
load_local_keys (JdCliKeys *self, const JdCliOptions *o, JdKeySet *set, GError **error)
{

  if (o->jwks != NULL && !jd_cli_is_url (o->jwks))
    {
      g_autoptr (GFile) file = jd_cli_file_for_arg (o->jwks);
      if (!jd_key_set_load_file (set, file, error))
        {
          g_prefix_error (error, "--jwks: ");
          return FALSE;
        }
    }
  for (guint i = 0; o->keys != NULL && o->keys[i] != NULL; i++)
    {
      g_autoptr (GFile) file = jd_cli_file_for_arg (o->keys[i]);
      if (!jd_key_set_load_file (set, file, error))
        {
          g_prefix_error (error, "--key: ");
          return FALSE;
        }
    }
  if (self->secret != NULL
      && !jd_key_set_add_secret (set, self->secret, self->secret_len, o->secret_base64, error))
    {
      g_prefix_error (error, o->secret_file ? "--secret-file %s: " : "--secret: ",
                      o->secret_file ? o->secret_file : "");
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_secret (JdCliKeys *self, const JdCliOptions *o, GError **error)
{

  if (o->secret != NULL && o->secret_file != NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _ ("--secret and --secret-file cannot be used together"));
      return FALSE;
    }
  if (o->secret != NULL)
    {
      self->secret_len = strlen (o->secret);
      self->secret = g_strdup (o->secret);
    }
  else if (o->secret_file != NULL)
    {
      g_autoptr (GBytes) bytes = jd_cli_read_file (o->secret_file, error);
      gsize len = 0;
      const char *data;

      if (bytes == NULL)
        {
          g_prefix_error (error, "--secret-file: ");
          return FALSE;
        }
      data = g_bytes_get_data (bytes, &len);
      /* The file's bytes, minus one trailing newline (DESIGN.md). */
      if (len > 0 && data[len - 1] == '\n')
        {
          len--;
          /* "\r\n" is one newline too; a lone trailing "\r" is part of the secret. */
          if (len > 0 && data[len - 1] == '\r')
            len--;
        }
      self->secret = g_malloc (len + 1);
      memcpy (self->secret, data, len);
      self->secret[len] = '\0';
      self->secret_len = len;
    }
  return TRUE;
}

gboolean
jd_cli_keys_load (JdCliKeys *self, const JdCliOptions *o, GError **error)
{
  self->discovered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  if (!read_secret (self, o, error))
    return FALSE;

  if (o->jwks != NULL && jd_cli_is_url (o->jwks))
    {
      JdNetOptions options;

      /* A URL is fetched only because this option asked. */
      jd_cli_net_options (o, &options);
      self->remote = jd_cli_net.fetch_jwks (o->jwks, &options, NULL, error);
      if (self->remote == NULL)
        {
          g_autofree char *url = jd_url_redact (o->jwks);
          g_prefix_error (error, "--jwks %s: ", url);
          return FALSE;
        }
      self->keys = g_object_ref (jd_cli_net.remote_keys_get_key_set (self->remote));
    }
  else
    self->keys = jd_key_set_new ();

  if (!load_local_keys (self, o, self->keys, error))
    return FALSE;
  self->have_keys = o->jwks != NULL || o->keys != NULL || self->secret != NULL;
  return TRUE;
}

const char *
jd_cli_token_issuer (JdToken *token)
{
  return jd_provider_get_string (jd_token_get_claims (token), "iss");
}

/* The keys to verify @token with: --discover's, else the command line's.
 * Sets *@remote to the JdRemoteKeys they came from, if any. Discovery
 * starts from --iss when given: the issuer the API trusts, not whatever the
 * token names. A failure is a finding added to @notes, not the end of the
 * report. NULL when there is nothing to verify with. */
JdKeySet *
jd_cli_keys_for_token (JdCliKeys *self, const JdCliOptions *o, const char *iss, JdToken *token,
                       JdRemoteKeys **remote, GPtrArray *notes)
{
  JdRemoteKeys *found;

  *remote = self->remote;
  if (!o->discover)
    return self->have_keys ? self->keys : NULL;

  if (iss == NULL || *iss == '\0')
    {
      iss = jd_cli_token_issuer (token);
      if (iss == NULL)
        {
          jd_findings_add (
            notes, "key-discovery-failed", JD_SEVERITY_ERROR, JD_RANK_KID, "iss",
            _ ("--discover: the token has no \"iss\" to discover keys from"),
            _ ("Give the issuer the API trusts with --iss, or the key set with --jwks."));
          return self->have_keys ? self->keys : NULL;
        }
      jd_findings_add (
        notes, "issuer-not-pinned", JD_SEVERITY_WARNING, JD_RANK_KID, "iss",
        _ ("The keys were discovered from the issuer the token itself names. A valid "
           "signature then shows only that the token matches that issuer's keys: "
           "anyone can mint a token that names their own server"),
        _ ("Pass --iss with the issuer the API trusts, so discovery starts there."));
    }

  found = g_hash_table_lookup (self->discovered, iss);
  if (found == NULL)
    {
      JdNetOptions options;
      g_autoptr (GError) error = NULL;

      jd_cli_net_options (o, &options);
      found = jd_cli_net.discover (iss, &options, NULL, &error);
      if (found != NULL
          && !load_local_keys (self, o, jd_cli_net.remote_keys_get_key_set (found), &error))
        g_clear_object (&found);
      if (found == NULL)
        {
          g_autofree char *msg
            = g_strdup_printf (_ ("Could not discover the keys of %s: %s"), iss, error->message);
          jd_findings_add (
            notes, "key-discovery-failed", JD_SEVERITY_ERROR, JD_RANK_KID, "iss", msg,
            _ ("Check the issuer URL and the network, or give the key set with --jwks."));
          return self->have_keys ? self->keys : NULL;
        }
      g_hash_table_insert (self->discovered, g_strdup (iss), found);
    }
  *remote = found;
  return jd_cli_net.remote_keys_get_key_set (found);
}

void
jd_cli_keys_clear (JdCliKeys *self)
{
  g_clear_object (&self->keys);
  g_clear_object (&self->remote);
  g_clear_pointer (&self->discovered, g_hash_table_unref);
  if (self->secret)
    memset (self->secret, 0, self->secret_len);
  g_clear_pointer (&self->secret, g_free);
}
