/* jd-cli-fresh.c — jwt-doctor-cli --fresh-token GRANT
 *
 * The client secret, the refresh token, the private key and the new token
 * stay in memory and are wiped; the token is printed only with
 * --print-token.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "jd-cli-fresh.h"
#include "jd-cli-input.h"
#include "jd-file-read.h"
#include "jd-key-set.h"
#include "jd-client-assertion.h"
#include "jd-compare.h"
#include "jd-sign-key.h"

GOptionEntry *
jd_cli_fresh_option_entries (JdCliFresh *f)
{
  const GOptionEntry entries[] = {
    { "fresh-token", 0, 0, G_OPTION_ARG_STRING, &f->grant,
      N_ ("Get a fresh token from the token endpoint and diagnose it beside INPUT: "
          "client_credentials, "
          "refresh_token, authorization_code (PKCE, in the browser) or device_code"),
      N_ ("GRANT") },
    { "token-endpoint", 0, 0, G_OPTION_ARG_STRING, &f->token_endpoint,
      N_ ("Token endpoint (default: from the OIDC discovery of --iss or of the token's iss)"),
      N_ ("URL") },
    { "client-id", 0, 0, G_OPTION_ARG_STRING, &f->client_id,
      N_ ("OAuth client id for --fresh-token"), N_ ("ID") },
    { "client-secret", 0, 0, G_OPTION_ARG_STRING, &f->client_secret,
      N_ ("Client secret (visible in the process list: prefer --client-secret-file)"),
      N_ ("TEXT") },
    { "client-secret-file", 0, 0, G_OPTION_ARG_FILENAME, &f->client_secret_file,
      N_ ("Client secret from a file (its bytes, minus one trailing newline)"), N_ ("FILE") },
    { "client-auth", 0, 0, G_OPTION_ARG_STRING, &f->client_auth,
      N_ (
        "How the client authenticates: basic (default with a secret), post, private_key_jwt, none"),
      N_ ("METHOD") },
    { "client-key", 0, 0, G_OPTION_ARG_FILENAME, &f->client_key,
      N_ ("Private key (PEM or JWK) for --client-auth private_key_jwt (RFC 7523)"), N_ ("FILE") },
    { "refresh-token-file", 0, 0, G_OPTION_ARG_FILENAME, &f->refresh_token_file,
      N_ ("Refresh token for --fresh-token refresh_token, from a file"), N_ ("FILE") },
    { "scope", 0, 0, G_OPTION_ARG_STRING, &f->scope, N_ ("scope to ask for (space-separated)"),
      N_ ("SCOPES") },
    { "audience", 0, 0, G_OPTION_ARG_STRING, &f->audience,
      N_ ("audience parameter to send (Auth0)"), N_ ("VALUE") },
    { "resource", 0, 0, G_OPTION_ARG_STRING, &f->resource,
      N_ ("resource parameter to send (RFC 8707, Entra ID v1)"), N_ ("URI") },
    { "print-token", 0, 0, G_OPTION_ARG_NONE, &f->print_token,
      N_ ("Print the fresh token on standard output (the report goes to standard error)"), NULL },
    { NULL }
  };

  return g_memdup2 (entries, sizeof entries);
}

static void
wipe (char **secret)
{
  if (*secret != NULL)
    memset (*secret, 0, strlen (*secret));
  g_clear_pointer (secret, g_free);
}

void
jd_cli_fresh_clear (JdCliFresh *f)
{
  g_free (f->grant);
  g_free (f->token_endpoint);
  g_free (f->client_id);
  wipe (&f->client_secret);
  g_free (f->client_secret_file);
  g_free (f->client_auth);
  g_free (f->client_key);
  g_free (f->refresh_token_file);
  g_free (f->scope);
  g_free (f->audience);
  g_free (f->resource);
}

gboolean
jd_cli_fresh_requested (JdCliFresh *f)
{
  return f->grant != NULL;
}

/* A file's bytes minus one trailing newline, as for --secret-file. */
static char *
read_secret_file (const char *option, const char *path, GError **error)
{
  g_autoptr (GFile) file = jd_cli_file_for_arg (path);
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *data = NULL;
  const char *raw;
  gsize len = 0;

  /* Bounded like a key file: /dev/zero or an endless FIFO ends with a message. */
  bytes = jd_file_read_bounded (file, JD_KEYS_MAX_SIZE, error);
  if (bytes == NULL)
    {
      g_prefix_error (error, "%s: ", option);
      return NULL;
    }
  raw = g_bytes_get_data (bytes, &len);
  data = g_malloc (len + 1);
  if (len > 0)
    {
      memcpy (data, raw, len);
      memset ((gpointer)raw, 0, len);
    }
  data[len] = '\0';
  if (len > 0 && data[len - 1] == '\n')
    len--;
  if (len > 0 && data[len - 1] == '\r')
    len--;
  if (len == 0 || memchr (data, '\0', len) != NULL)
    {
      memset (data, 0, len);
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   len == 0 ? _ ("%s %s: the file is empty")
                            : _ ("%s %s: the file holds a NUL byte"),
                   option, path);
      return NULL;
    }
  data[len] = '\0';
  return g_steal_pointer (&data);
}

static void
show_code (const JdTokenAnswer *device, gpointer user_data)
{
  /* TRANSLATORS: RFC 8628: the person enters the user code at the verification URI */
  g_printerr (_ ("To sign in, open %s and enter the code %s\n"), device->verification_uri,
              device->user_code);
  if (device->verification_uri_complete != NULL)
    g_printerr (_ ("(or open %s, which holds the code)\n"), device->verification_uri_complete);
  g_printerr (_ ("Waiting for the approval…\n"));
}

static void
open_uri (const char *url, gpointer user_data)
{
  g_printerr (_ ("Sign in in the browser; if it does not open, open this URL:\n%s\n"), url);
  g_app_info_launch_default_for_uri (url, NULL, NULL);
}

static char *
make_assertion (const char *token_endpoint, gpointer user_data, GError **error)
{
  JdCliFresh *f = user_data;
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (f->client_key);
  g_autoptr (JdSignKey) key = jd_sign_key_new_from_file (file, error);

  if (key == NULL)
    {
      g_prefix_error (error, "--client-key: ");
      return NULL;
    }
  return jd_client_assertion_new (key, NULL, f->client_id, token_endpoint,
                                  g_get_real_time () / G_USEC_PER_SEC, error);
}

/* The grant from the options; the secrets are read from their files. */
static JdTokenGrant *
build_grant (JdCliFresh *f, GError **error)
{
  g_autoptr (JdTokenGrant) grant = NULL;
  JdGrantType type;

  if (!jd_grant_type_from_string (f->grant, &type))
    {
      g_set_error (
        error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
        _ ("--fresh-token %s: expected client_credentials, refresh_token, authorization_code or "
           "device_code"),
        f->grant);
      return NULL;
    }
  grant = jd_token_grant_new (type);
  if (f->client_secret != NULL && f->client_secret_file != NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _ ("--client-secret and --client-secret-file cannot be used together"));
      return NULL;
    }
  grant->client_secret = f->client_secret_file != NULL
                           ? read_secret_file ("--client-secret-file", f->client_secret_file, error)
                           : g_strdup (f->client_secret);
  if (f->client_secret_file != NULL && grant->client_secret == NULL)
    return NULL;
  if (f->client_auth != NULL && !jd_client_auth_from_string (f->client_auth, &grant->auth))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _ ("--client-auth %s: expected basic, post, private_key_jwt or none"),
                   f->client_auth);
      return NULL;
    }
  if (f->client_auth == NULL)
    grant->auth = f->client_key != NULL  ? JD_CLIENT_AUTH_PRIVATE_KEY_JWT
                  : grant->client_secret ? JD_CLIENT_AUTH_BASIC
                                         : JD_CLIENT_AUTH_NONE;
  if (grant->auth == JD_CLIENT_AUTH_PRIVATE_KEY_JWT && f->client_key == NULL)
    {
      g_set_error (
        error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
        _ ("--client-auth private_key_jwt needs --client-key FILE, the client's private key"));
      return NULL;
    }
  if (type == JD_GRANT_REFRESH_TOKEN)
    {
      if (f->refresh_token_file == NULL)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                       _ ("--fresh-token refresh_token needs --refresh-token-file FILE"));
          return NULL;
        }
      grant->refresh_token
        = read_secret_file ("--refresh-token-file", f->refresh_token_file, error);
      if (grant->refresh_token == NULL)
        return NULL;
    }
  grant->token_endpoint = g_strdup (f->token_endpoint);
  grant->client_id = g_strdup (f->client_id);
  grant->scope = g_strdup (f->scope);
  grant->audience = g_strdup (f->audience);
  grant->resource = g_strdup (f->resource);
  if (grant->client_id == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _ ("--fresh-token needs --client-id"));
      return NULL;
    }
  return g_steal_pointer (&grant);
}

char *
jd_cli_fresh_get_token (JdCliFresh *f, const char *issuer,
                        __typeof__ (jd_net_fresh_token) *fresh_token, int timeout,
                        gboolean insecure, char **refusal, GError **error)
{
  g_autoptr (JdTokenGrant) grant = build_grant (f, error);
  g_autoptr (JdTokenAnswer) answer = NULL;
  JdFreshTokenUi ui = { open_uri, show_code, make_assertion, f };
  JdNetOptions options = { 0 };

  if (grant == NULL)
    return NULL;
  options.timeout = timeout > 0 ? timeout : 0;
  options.flags = insecure ? JD_NET_ACCEPT_INVALID_CERTIFICATE : JD_NET_FLAGS_NONE;
  answer = fresh_token (grant, issuer, &ui, &options, NULL, error);
  if (answer == NULL)
    return NULL;
  if (!jd_token_answer_has_token (answer))
    {
      g_autofree char *fix = NULL;
      g_autofree char *text = jd_token_answer_explain (answer, &fix);
      *refusal = g_strdup_printf ("%s\n%s", text, fix);
      return NULL;
    }
  return g_steal_pointer (&answer->access_token);
}

char *
jd_cli_fresh_compare_note (JdToken *fresh, JdToken *failing, const char *failing_source, gint64 now,
                           gint64 leeway)
{
  g_autoptr (GPtrArray) rows = jd_compare_tokens (fresh, failing, now, now, leeway);
  g_auto (GStrv) notes = jd_compare_dup_notes (rows);
  g_autofree char *joined = g_strjoinv ("; ", notes);

  /* TRANSLATORS: "fresh token (A) vs argument (B): token B has expired; …" */
  return g_strdup_printf (_ ("fresh token (A) vs %s (B): %s"), failing_source, joined);
}
