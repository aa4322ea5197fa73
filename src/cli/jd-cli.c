/* jd-cli.c — jwt-doctor-cli: the same diagnosis in a terminal and in CI
 *
 * No socket is opened unless an option asks for it (--jwks URL, --discover,
 * --request). Tokens, secrets and keys are never printed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <gio/gunixinputstream.h>
#include <gmodule.h>
#include <sys/stat.h>

#include "jd-cli.h"
#include "jd-cli-sign.h"
#include "jd-cli-color.h"
#include "jd-cli-fresh.h"
#include "jd-cli-output.h"
#include "jd-diagnosis.h"
#include "jd-file-read.h"
#include "jd-har.h"
#include "jd-input.h"
#include "jd-input-sniff.h"
#include "jd-keys.h"
#include "jd-net.h"
#include "jd-report.h"
#include "jd-server-messages.h"
#include "jd-token.h"
#include "jd-verdict.h"
#include "jd-verify.h"

#define MAX_INPUT_SIZE (256 * 1024 * 1024) /* bytes; a HAR can be large, a token is not */

typedef struct
{
  char *aud;
  char *iss;
  char *algs;
  char *now;
  int leeway;
  char *token_kind;
  char *jwks;
  char **keys;
  char *secret;
  char *secret_file;
  gboolean secret_base64;
  gboolean discover;
  char *request;
  char *method;
  char **headers;
  gboolean insecure;
  int timeout;
  gboolean json;
  char *color;
  gboolean version;
  gboolean list_messages;
  char **inputs;
  char *sign; /* --sign KEY (jd-cli-sign.c) */
  char *sign_alg;
  char *generate_key;
  char **set;
  char **unset;
  char *jwks_out;
  JdCliFresh fresh; /* --fresh-token and its options (jd-cli-fresh.c) */
} Options;

static void
options_clear (Options *o)
{
  g_free (o->aud);
  g_free (o->iss);
  g_free (o->algs);
  g_free (o->now);
  g_free (o->token_kind);
  g_free (o->jwks);
  g_strfreev (o->keys);
  if (o->secret)
    memset (o->secret, 0, strlen (o->secret));
  g_free (o->secret);
  g_free (o->secret_file);
  g_free (o->request);
  g_free (o->method);
  g_strfreev (o->headers);
  g_free (o->color);
  g_strfreev (o->inputs);
  g_free (o->sign);
  g_free (o->sign_alg);
  g_free (o->generate_key);
  g_strfreev (o->set);
  g_strfreev (o->unset);
  g_free (o->jwks_out);
  jd_cli_fresh_clear (&o->fresh);
}

typedef struct
{
  Options opt;
  gboolean now_given;
  JdExpectations *expect;
  JdKeySet *keys;
  gboolean have_keys;
  char *secret; /* from --secret or --secret-file, wiped at exit */
  gsize secret_len;
  JdRemoteKeys *remote;   /* --jwks URL */
  GHashTable *discovered; /* issuer -> JdRemoteKeys (--discover) */
  JdReport *report;       /* what is judged and not yet printed */
  JdCliOutput output;
  GError *stream_error; /* a streamed HAR entry that could not be judged */
  GPtrArray *held;      /* HAR failures without a token, until the HAR is read */
  guint har_reported;   /* entries of the HAR being read that were reported */
  JdToken *last_token;  /* the last token reported, for --fresh-token's comparison */
  char *last_source;
  char *refusal; /* the token endpoint's refusal, explained */
} Cli;

/* At most this many tokenless failures are held while a HAR streams. */
#define JD_CLI_HELD_MAX 10000

static void usage_error (const char *format, ...) G_GNUC_PRINTF (1, 2);

static void
usage_error (const char *format, ...)
{
  g_autofree char *msg = NULL;
  g_autofree char *safe = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  /* Messages quote file names, URLs and file contents: no control characters reach the terminal. */
  safe = jd_text_escape_controls (msg, TRUE);
  g_printerr ("jwt-doctor-cli: %s\n", safe);
}

static gboolean
parse_options (Options *o, int *argc, char ***argv, GError **error)
{
  g_autoptr (GOptionContext) ctx = NULL;
  g_autofree GOptionEntry *fresh_entries = jd_cli_fresh_option_entries (&o->fresh);
  const GOptionEntry entries[]
    = { { "aud", 0, 0, G_OPTION_ARG_STRING, &o->aud, N_ ("Expected audience"), N_ ("VALUE") },
        { "iss", 0, 0, G_OPTION_ARG_STRING, &o->iss, N_ ("Expected issuer"), N_ ("VALUE") },
        { "alg", 0, 0, G_OPTION_ARG_STRING, &o->algs, N_ ("Allowed algorithms, comma-separated"),
          N_ ("A[,B…]") },
        { "leeway", 0, 0, G_OPTION_ARG_INT, &o->leeway, N_ ("Clock leeway in seconds (default 60)"),
          N_ ("SECS") },
        { "token-kind", 0, 0, G_OPTION_ARG_STRING, &o->token_kind,
          N_ ("The kind of token the API expects: access (default) or id"), N_ ("access|id") },
        { "now", 0, 0, G_OPTION_ARG_STRING, &o->now,
          N_ ("Evaluate time claims at this instant (default: the clock)"), N_ ("UNIX") },
        { "jwks", 0, 0, G_OPTION_ARG_STRING, &o->jwks,
          N_ ("Key set to verify with (a URL is fetched only because this option asked)"),
          N_ ("FILE|URL") },
        { "key", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o->keys,
          N_ ("PEM public key, X.509 certificate, or one JWK (repeatable)"), N_ ("FILE") },
        { "secret", 0, 0, G_OPTION_ARG_STRING, &o->secret,
          N_ ("HMAC secret (visible to other users in the process list: prefer --secret-file)"),
          N_ ("TEXT") },
        { "secret-file", 0, 0, G_OPTION_ARG_FILENAME, &o->secret_file,
          N_ ("HMAC secret from a file (its bytes, minus one trailing newline)"), N_ ("FILE") },
        { "secret-base64", 0, 0, G_OPTION_ARG_NONE, &o->secret_base64,
          N_ ("The secret is base64 or base64url encoded"), NULL },
        { "discover", 0, 0, G_OPTION_ARG_NONE, &o->discover,
          N_ ("Fetch the issuer's OIDC discovery document, then its jwks_uri"), NULL },
        { "request", 0, 0, G_OPTION_ARG_STRING, &o->request,
          N_ ("Send a request carrying the token and add the response's findings"), N_ ("URL") },
        { "request-method", 'X', 0, G_OPTION_ARG_STRING, &o->method,
          N_ ("Method for --request (default GET)"), N_ ("METHOD") },
        { "header", 'H', 0, G_OPTION_ARG_STRING_ARRAY, &o->headers,
          N_ ("Header for --request (repeatable)"), N_ ("'Name: value'") },
        { "insecure", 'k', 0, G_OPTION_ARG_NONE, &o->insecure,
          N_ ("Accept an invalid TLS certificate for these requests (never the default)"), NULL },
        { "timeout", 0, 0, G_OPTION_ARG_INT, &o->timeout,
          N_ ("Network timeout in seconds (default 30)"), N_ ("SECS") },
        { "json", 0, 0, G_OPTION_ARG_NONE, &o->json, N_ ("Machine-readable report"), NULL },
        { "color", 0, 0, G_OPTION_ARG_STRING, &o->color,
          N_ ("Colour the text report: auto (on a terminal, unless TERM=dumb or NO_COLOR is set), "
              "always or never"),
          N_ ("WHEN") },
        { "version", 0, 0, G_OPTION_ARG_NONE, &o->version, N_ ("Show the version"), NULL },
        { "list-messages", 0, 0, G_OPTION_ARG_NONE, &o->list_messages,
          N_ ("List the servers' error messages that are recognised (a Markdown table)"), NULL },
        { "sign", 0, 0, G_OPTION_ARG_FILENAME, &o->sign,
          N_ ("Print INPUT re-signed with this private key (PEM or JWK), or “secret” for the HMAC "
              "secret of --secret-file"),
          N_ ("KEY") },
        { "generate-key", 0, 0, G_OPTION_ARG_STRING, &o->generate_key,
          N_ ("Print INPUT re-signed with a new throwaway key"), N_ ("rsa|ec|ed25519") },
        { "sign-alg", 0, 0, G_OPTION_ARG_STRING, &o->sign_alg,
          N_ ("Algorithm to sign with (default: the token's when it fits the key)"), N_ ("ALG") },
        { "set", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->set,
          N_ ("Set a claim before signing: exp=+3600, iat=now, aud=VALUE, JSON (repeatable)"),
          N_ ("NAME=VALUE") },
        { "unset", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->unset,
          N_ ("Remove a claim before signing (repeatable)"), N_ ("NAME") },
        { "jwks-out", 0, 0, G_OPTION_ARG_FILENAME, &o->jwks_out,
          N_ ("Write the signing key's public JWKS to this file"), N_ ("FILE") },
        { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o->inputs, NULL, N_ ("[INPUT]") },
        { NULL } };

  ctx = g_option_context_new (NULL);
  g_option_context_set_translation_domain (ctx, GETTEXT_PACKAGE);
  g_option_context_set_summary (
    ctx, _ ("Tell why an API answered 401 Unauthorized: decode a bearer token, "
            "check its claims and signature, and rank the likely causes.\n\n"
            "INPUT is a token, a file (.jwt, .har, text holding an Authorization "
            "line or a curl command), or - for standard input (the default)."));
  g_option_context_set_description (
    ctx, _ ("Exit status: 0 accepted (with or without warnings), 1 a token is rejected, "
            "2 usage error or unreadable file.\n\n"
            "Nothing is sent over the network unless --jwks URL, --discover "
            "or --request asks for it."));
  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (ctx, fresh_entries, GETTEXT_PACKAGE);
  return g_option_context_parse (ctx, argc, argv, error);
}

/* ---- input ---------------------------------------------------------------- */

/* A plain path goes straight to GIO's local VFS: g_file_new_for_commandline_arg()
 * would first set up the default VFS, registering every GIO extension point
 * and scanning the GIO modules, about 6% of a whole run. A URI keeps it. */
static GFile *
file_for_arg (const char *arg)
{
  g_autofree char *path = NULL;

  if (g_uri_peek_scheme (arg) != NULL)
    return g_file_new_for_commandline_arg (arg);
  path = g_canonicalize_filename (arg, NULL);
  return g_vfs_get_file_for_path (g_vfs_get_local (), path);
}

static gboolean
read_stream (GInputStream *in, GByteArray *buf, const char *what, GError **error)
{
  guint8 chunk[65536];

  for (;;)
    {
      gssize n = g_input_stream_read (in, chunk, sizeof chunk, NULL, error);
      if (n < 0)
        return FALSE;
      if (n == 0)
        return TRUE;
      if (buf->len + n > MAX_INPUT_SIZE)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                       _ ("%s is larger than %d MiB"), what, MAX_INPUT_SIZE / (1024 * 1024));
          return FALSE;
        }
      g_byte_array_append (buf, chunk, n);
    }
}

static GBytes *
read_all_stdin (GError **error)
{
  g_autoptr (GInputStream) in = g_unix_input_stream_new (STDIN_FILENO, FALSE);
  g_autoptr (GByteArray) buf = g_byte_array_new ();

  if (!read_stream (in, buf, _ ("standard input"), error))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&buf));
}

static GBytes *
read_file (const char *path, GError **error)
{
  g_autoptr (GFile) file = file_for_arg (path);

  /* Size-checked first, then read with the bound (jd-file-read.c). */
  return jd_file_read_bounded (file, MAX_INPUT_SIZE, error);
}

/* An INPUT that names a file rather than holding a token: one rule per
 * row. A token is base64url and dots, so it never holds '/' nor ends in
 * one of these suffixes; a curl command or a header line holds spaces. */
static const char *const file_suffixes[] = { ".jwt", ".har", ".json", ".txt", ".pem" };

static gboolean
names_a_file (const char *arg)
{
  for (const char *p = arg; *p; p++)
    if (g_ascii_isspace (*p))
      return FALSE;
  if (strchr (arg, '/') != NULL && !jd_input_is_jwt_shaped (arg, strlen (arg)))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (file_suffixes); i++)
    if (g_str_has_suffix (arg, file_suffixes[i]))
      return TRUE;
  return FALSE;
}

/* ---- the network module --------------------------------------------------- */

/* src/net and libsoup are loaded only when --jwks URL, --discover or
 * --request asks for the network: every other run starts without them. The
 * module's core symbols resolve to this executable's (export_dynamic). */
static struct
{
  __typeof__ (jd_net_fetch_jwks) *fetch_jwks;
  __typeof__ (jd_net_discover) *discover;
  __typeof__ (jd_net_request_new_from_args) *request_new_from_args;
  __typeof__ (jd_net_send) *send;
  __typeof__ (jd_net_response_diagnose) *response_diagnose;
  __typeof__ (jd_remote_keys_get_key_set) *remote_keys_get_key_set;
  __typeof__ (jd_remote_keys_diagnose) *remote_keys_diagnose;
  __typeof__ (jd_net_fresh_token) *fresh_token;
} net;

/* The build tree's binary loads the build tree's module, never an
 * installed one of another version. */
static char *
net_module_path (void)
{
  struct stat self, built;

  if (stat ("/proc/self/exe", &self) == 0 && stat (JD_CLI_BUILD_PATH, &built) == 0
      && self.st_dev == built.st_dev && self.st_ino == built.st_ino)
    return g_build_filename (JD_NET_MODULE_BUILD_DIR, JD_NET_MODULE_NAME "." G_MODULE_SUFFIX, NULL);
  return g_build_filename (JD_NET_MODULE_DIR, JD_NET_MODULE_NAME "." G_MODULE_SUFFIX, NULL);
}

static gboolean
net_load (GError **error)
{
  g_autofree char *path = net_module_path ();
  GModule *module = g_module_open (path, G_MODULE_BIND_LOCAL);

#define NET_SYMBOL(field, name) g_module_symbol (module, #name, (gpointer *)&net.field)
  if (module == NULL || !NET_SYMBOL (fetch_jwks, jd_net_fetch_jwks)
      || !NET_SYMBOL (discover, jd_net_discover)
      || !NET_SYMBOL (request_new_from_args, jd_net_request_new_from_args)
      || !NET_SYMBOL (send, jd_net_send)
      || !NET_SYMBOL (response_diagnose, jd_net_response_diagnose)
      || !NET_SYMBOL (remote_keys_get_key_set, jd_remote_keys_get_key_set)
      || !NET_SYMBOL (remote_keys_diagnose, jd_remote_keys_diagnose)
      || !NET_SYMBOL (fresh_token, jd_net_fresh_token))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _ ("--jwks URL, --discover and --request need the network module “%s”, which "
                      "cannot be loaded (%s)"),
                   path, g_module_error ());
      return FALSE;
    }
#undef NET_SYMBOL
  /* Its GTypes are registered for the life of the process. */
  g_module_make_resident (module);
  return TRUE;
}

/* ---- keys ----------------------------------------------------------------- */

static gboolean
is_url (const char *s)
{
  return g_str_has_prefix (s, "https://") || g_str_has_prefix (s, "http://");
}

static void
net_options (Cli *cli, JdNetOptions *options)
{
  options->timeout = cli->opt.timeout > 0 ? cli->opt.timeout : 0;
  options->max_body = 0;
  options->flags = cli->opt.insecure ? JD_NET_ACCEPT_INVALID_CERTIFICATE : JD_NET_FLAGS_NONE;
}

/* --key, --secret, --secret-file and --jwks FILE, into @set. */
static gboolean
load_local_keys (Cli *cli, JdKeySet *set, GError **error)
{
  Options *o = &cli->opt;

  if (o->jwks != NULL && !is_url (o->jwks))
    {
      g_autoptr (GFile) file = file_for_arg (o->jwks);
      if (!jd_key_set_load_file (set, file, error))
        {
          g_prefix_error (error, "--jwks: ");
          return FALSE;
        }
    }
  for (guint i = 0; o->keys != NULL && o->keys[i] != NULL; i++)
    {
      g_autoptr (GFile) file = file_for_arg (o->keys[i]);
      if (!jd_key_set_load_file (set, file, error))
        {
          g_prefix_error (error, "--key: ");
          return FALSE;
        }
    }
  if (cli->secret != NULL
      && !jd_key_set_add_secret (set, cli->secret, cli->secret_len, o->secret_base64, error))
    {
      g_prefix_error (error, o->secret_file ? "--secret-file %s: " : "--secret: ",
                      o->secret_file ? o->secret_file : "");
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_secret (Cli *cli, GError **error)
{
  Options *o = &cli->opt;

  if (o->secret != NULL && o->secret_file != NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _ ("--secret and --secret-file cannot be used together"));
      return FALSE;
    }
  if (o->secret != NULL)
    {
      cli->secret_len = strlen (o->secret);
      cli->secret = g_strdup (o->secret);
    }
  else if (o->secret_file != NULL)
    {
      g_autoptr (GBytes) bytes = read_file (o->secret_file, error);
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
      cli->secret = g_malloc (len + 1);
      memcpy (cli->secret, data, len);
      cli->secret[len] = '\0';
      cli->secret_len = len;
    }
  return TRUE;
}

static gboolean
load_keys (Cli *cli, GError **error)
{
  Options *o = &cli->opt;

  if (!read_secret (cli, error))
    return FALSE;

  if (o->jwks != NULL && is_url (o->jwks))
    {
      JdNetOptions options;

      /* A URL is fetched only because this option asked. */
      net_options (cli, &options);
      cli->remote = net.fetch_jwks (o->jwks, &options, NULL, error);
      if (cli->remote == NULL)
        {
          g_autofree char *url = jd_url_redact (o->jwks);
          g_prefix_error (error, "--jwks %s: ", url);
          return FALSE;
        }
      cli->keys = g_object_ref (net.remote_keys_get_key_set (cli->remote));
    }
  else
    cli->keys = jd_key_set_new ();

  if (!load_local_keys (cli, cli->keys, error))
    return FALSE;
  cli->have_keys = o->jwks != NULL || o->keys != NULL || cli->secret != NULL;
  return TRUE;
}

static const char *
token_issuer (JdToken *token)
{
  JsonObject *claims = jd_token_get_claims (token);
  JsonNode *iss = claims ? json_object_get_member (claims, "iss") : NULL;

  if (iss == NULL || !JSON_NODE_HOLDS_VALUE (iss)
      || json_node_get_value_type (iss) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (iss);
}

/* The keys to verify @token with: --discover's, else the command line's.
 * Sets *@remote to the JdRemoteKeys they came from, if any. Discovery
 * starts from --iss when given: the issuer the API trusts, not whatever the
 * token names. A failure is a finding added to @notes, not the end of the
 * report. NULL when there is nothing to verify with. */
static JdKeySet *
keys_for_token (Cli *cli, JdToken *token, JdRemoteKeys **remote, GPtrArray *notes)
{
  const char *iss = cli->expect->issuer;
  JdRemoteKeys *found;

  *remote = cli->remote;
  if (!cli->opt.discover)
    return cli->have_keys ? cli->keys : NULL;

  if (iss == NULL || *iss == '\0')
    {
      iss = token_issuer (token);
      if (iss == NULL)
        {
          jd_findings_add (
            notes, "key-discovery-failed", JD_SEVERITY_ERROR, JD_RANK_KID, "iss",
            _ ("--discover: the token has no \"iss\" to discover keys from"),
            _ ("Give the issuer the API trusts with --iss, or the key set with --jwks."));
          return cli->have_keys ? cli->keys : NULL;
        }
      jd_findings_add (
        notes, "issuer-not-pinned", JD_SEVERITY_WARNING, JD_RANK_KID, "iss",
        _ ("The keys were discovered from the issuer the token itself names. A valid "
           "signature then shows only that the token matches that issuer's keys: "
           "anyone can mint a token that names their own server"),
        _ ("Pass --iss with the issuer the API trusts, so discovery starts there."));
    }

  found = g_hash_table_lookup (cli->discovered, iss);
  if (found == NULL)
    {
      JdNetOptions options;
      g_autoptr (GError) error = NULL;

      net_options (cli, &options);
      found = net.discover (iss, &options, NULL, &error);
      if (found != NULL && !load_local_keys (cli, net.remote_keys_get_key_set (found), &error))
        g_clear_object (&found);
      if (found == NULL)
        {
          g_autofree char *msg
            = g_strdup_printf (_ ("Could not discover the keys of %s: %s"), iss, error->message);
          jd_findings_add (
            notes, "key-discovery-failed", JD_SEVERITY_ERROR, JD_RANK_KID, "iss", msg,
            _ ("Check the issuer URL and the network, or give the key set with --jwks."));
          return cli->have_keys ? cli->keys : NULL;
        }
      g_hash_table_insert (cli->discovered, g_strdup (iss), found);
    }
  *remote = found;
  return net.remote_keys_get_key_set (found);
}

/* Verify, diagnose, fetch what options ask for, and add to the report.
 * @findings_in: when not NULL, the caller's diagnosis (a HAR entry's). */
static gboolean
diagnose_token (Cli *cli, const char *source, JdToken *token, JdInput *input, JdHarEntry *entry,
                GError **error)
{
  g_autoptr (JdVerifyResult) verification = NULL;
  g_autoptr (GPtrArray) findings = NULL;
  g_autoptr (GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (JdKeySet) no_keys = NULL;
  g_autoptr (JdVerdict) verdict = NULL;
  g_autoptr (JdExpectations) judged = jd_expectations_copy (cli->expect);
  const char *judged_reason = NULL;
  JdRemoteKeys *remote = NULL;
  JdKeySet *keys;

  keys = keys_for_token (cli, token, &remote, notes);
  /* Without keys too, as the window does: a well-known secret is still found. */
  if (keys == NULL)
    keys = no_keys = jd_key_set_new ();
  verification = jd_verify (token, keys, (const char *const *)cli->expect->algorithms);

  if (cli->now_given)
    judged_reason = _ ("the instant --now gave");
  else if (entry != NULL && jd_har_entry_has_started (entry))
    {
      judged->now = jd_har_entry_get_started_unix (entry);
      judged_reason = _ ("when the request was sent");
    }

  if (entry != NULL)
    /* Without --now, each entry is judged at its own startedDateTime, as the window does. */
    findings = jd_har_entry_diagnose (entry, cli->expect, !cli->now_given, verification);
  else
    findings = jd_diagnose (token, cli->expect, verification, input);
  if (findings == NULL)
    return TRUE;
  jd_findings_merge (findings, notes);

  if (remote != NULL)
    {
      g_autoptr (GPtrArray) more = net.remote_keys_diagnose (remote, token);
      jd_findings_merge (findings, more);
    }

  if (cli->opt.request != NULL)
    {
      JdNetOptions options;
      g_autoptr (JdRequest) request = NULL;
      g_autoptr (JdResponse) response = NULL;
      g_autoptr (GPtrArray) more = NULL;
      g_autoptr (GError) send_error = NULL;

      net_options (cli, &options);
      request = net.request_new_from_args (cli->opt.request, cli->opt.method,
                                           (const char *const *)cli->opt.headers,
                                           jd_token_get_text (token), error);
      if (request == NULL)
        return FALSE; /* the arguments themselves are wrong: a usage error */
      response = net.send (request, &options, NULL, &send_error);
      if (response != NULL)
        {
          /* The live answer's Date is compared with this computer's clock, even under --now. */
          g_autoptr (JdExpectations) live = jd_expectations_copy (cli->expect);
          live->now = g_get_real_time () / G_USEC_PER_SEC;
          more = net.response_diagnose (response, token, live);
        }
      else
        {
          g_autofree char *url = jd_url_redact (cli->opt.request);
          g_autofree char *msg
            = g_strdup_printf (_ ("The request to %s failed: %s"), url, send_error->message);

          more = g_ptr_array_new_with_free_func (g_object_unref);
          jd_findings_add (more, "request-failed", JD_SEVERITY_ERROR, JD_RANK_REQUEST, NULL, msg,
                           _ ("Check the URL, the network and the server; the token's own findings "
                              "do not depend on it."));
        }
      jd_findings_merge (findings, more);
    }

  verdict = jd_verdict_new (token, findings, verification, judged, judged_reason);
  jd_report_add_verdict (cli->report, source, verdict);
  g_set_object (&cli->last_token, token);
  g_free (cli->last_source);
  cli->last_source = g_strdup (source);
  if (cli->opt.request != NULL)
    {
      g_autofree char *url = jd_url_redact (cli->opt.request);
      g_autofree char *note
        = g_strdup_printf (_ ("sent: %s %s"), cli->opt.method ? cli->opt.method : "GET", url);
      jd_report_add_note (cli->report, note);
    }
  return TRUE;
}

/* ---- diagnosis ------------------------------------------------------------ */

static gboolean
diagnose_text (Cli *cli, const char *source, const char *data, gsize len, GError **error)
{
  g_autoptr (JdInput) input = jd_input_parse (data, len);
  g_autoptr (JdToken) token = jd_token_parse (jd_input_get_token (input), -1);

  return diagnose_token (cli, source, token, input, NULL, error);
}

/* The entry's request line under the token just added to cli->report. */
static void
add_entry_note (Cli *cli, JdHarEntry *entry)
{
  g_autofree char *url = jd_url_redact (jd_har_entry_get_url (entry));
  g_autofree char *note = NULL;
  const char *status_text = jd_har_entry_get_status_text (entry);
  const char *started = jd_har_entry_get_started_iso (entry);

  note = g_strdup_printf (
    "%s %s → %u %s (%s, %s)", jd_har_entry_get_method (entry), url, jd_har_entry_get_status (entry),
    status_text ? status_text : "",
    jd_har_entry_has_token (entry) ? jd_har_entry_get_token_source_label (entry) : _ ("no token"),
    started ? started : "?");
  jd_report_add_note (cli->report, note);
}

/* A failed request without a token (jd-har-no-token.h): a CORS preflight,
 * or a request sent without its token. Added to cli->report with the
 * entry's request line as a note. */
static void
report_entry_without_token (Cli *cli, JdHarEntry *entry)
{
  g_autoptr (GPtrArray) findings = NULL;
  g_autoptr (JdToken) token = NULL;
  g_autofree char *source = NULL;

  if ((findings = jd_har_entry_diagnose_no_token (entry)) == NULL)
    return;
  token = jd_token_parse ("", 0);
  source = jd_har_entry_dup_source (entry);
  jd_report_add (cli->report, source, token, NULL, findings);
  add_entry_note (cli, entry);
  cli->har_reported++;
}

/* One HAR entry: its token judged into cli->report, with the entry's request
 * line as a note. A failed request without a token is reported too: a
 * preflight at once; any other only once the whole HAR is read (held in
 * cli->held), since a HAR saved without credentials lacks every token. */
static gboolean
diagnose_har_entry (Cli *cli, JdHarEntry *entry, GError **error)
{
  g_autoptr (JdToken) token = NULL;
  g_autofree char *source = NULL;
  guint before = jd_report_get_n_tokens (cli->report);

  if (!jd_har_entry_has_token (entry))
    {
      if (!jd_har_entry_is_auth_failure (entry))
        return TRUE;
      if (jd_har_entry_is_cors_preflight (entry))
        report_entry_without_token (cli, entry);
      else if (cli->held->len < JD_CLI_HELD_MAX)
        g_ptr_array_add (cli->held, g_object_ref (entry));
      return TRUE;
    }
  token = jd_token_parse (jd_har_entry_get_token (entry), -1);
  source = jd_har_entry_dup_source (entry);
  if (!diagnose_token (cli, source, token, NULL, entry, error))
    return FALSE;
  if (jd_report_get_n_tokens (cli->report) == before)
    return TRUE;
  add_entry_note (cli, entry);
  cli->har_reported++;
  return TRUE;
}

/* The held failures without a token, once the HAR is read: not claimed for a
 * HAR saved without credentials, where every token was left out. */
static void
report_held (Cli *cli, JdHar *har)
{
  for (guint i = 0; i < cli->held->len && !jd_har_is_sanitized (har); i++)
    report_entry_without_token (cli, g_ptr_array_index (cli->held, i));
  g_ptr_array_set_size (cli->held, 0);
}

/* Prints what is judged so far and starts an empty report. */
static void
flush_report (Cli *cli)
{
  jd_cli_output_add (&cli->output, cli->report);
  g_object_unref (cli->report);
  cli->report = jd_report_new ();
}

static gboolean
refuse_har_request (Cli *cli, GError **error)
{
  if (cli->opt.request == NULL)
    return FALSE;
  /* A HAR's tokens were minted for the hosts it recorded: never send them elsewhere. */
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
               _ ("--request sends one token and cannot be used with a HAR file, whose tokens "
                  "belong to the hosts it recorded"));
  return TRUE;
}

/* What the whole HAR says once read: its problems, or that no entry had a token. */
static void
har_finished (Cli *cli, JdHar *har, const char *name)
{
  GPtrArray *problems = jd_har_get_problems (har);
  guint reported;

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      JdHarProblem *p = g_ptr_array_index (problems, i);
      usage_error ("%s: %s", name, p->message);
    }
  report_held (cli, har);
  reported = cli->har_reported;
  cli->har_reported = 0;
  if (jd_har_get_n_with_token (har) == 0 && reported == 0)
    {
      if (jd_har_is_sanitized (har))
        usage_error ("%s: %s", name, jd_har_get_sanitized_message (har));
      else
        usage_error (_ ("%s: no request in this HAR carries a bearer token"), name);
    }
}

static gboolean
diagnose_har (Cli *cli, JdHar *har, const char *name, GError **error)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (har));

  if (refuse_har_request (cli, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (JdHarEntry) entry = g_list_model_get_item (G_LIST_MODEL (har), i);

      if (!diagnose_har_entry (cli, entry, error))
        return FALSE;
    }
  har_finished (cli, har, name);
  return TRUE;
}

static gboolean
stream_entry (JdHarEntry *entry, gpointer user_data)
{
  Cli *cli = user_data;

  if (!diagnose_har_entry (cli, entry, &cli->stream_error))
    return FALSE;
  flush_report (cli);
  return TRUE;
}

/* A HAR file read, judged and printed entry by entry: memory does not grow
 * with the number of entries (the file is mapped, read pages are given back). */
static gboolean
diagnose_har_file (Cli *cli, const char *arg, GError **error)
{
  g_autoptr (GFile) file = file_for_arg (arg);
  g_autoptr (JdHar) har = NULL;

  if (refuse_har_request (cli, error))
    return FALSE;
  har = jd_har_load_file_streaming (file, NULL, stream_entry, cli, NULL, error);
  if (cli->stream_error != NULL)
    {
      g_clear_object (&har);
      g_clear_error (error);
      g_propagate_error (error, g_steal_pointer (&cli->stream_error));
    }
  if (har == NULL)
    return FALSE;
  har_finished (cli, har, arg);
  return TRUE;
}

static gboolean
diagnose_bytes (Cli *cli, const char *source, const char *name, GBytes *bytes, GError **error)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);

  if (data == NULL)
    data = "";
  if (jd_input_sniff (data, len, name) == JD_INPUT_KIND_HAR)
    {
      g_autoptr (JdHar) har = jd_har_load_bytes (bytes, NULL, NULL, error);
      return har != NULL && diagnose_har (cli, har, name, error);
    }
  return diagnose_text (cli, source, data, len, error);
}

static gboolean
build_expectations (Cli *cli, GError **error)
{
  Options *o = &cli->opt;
  JdExpectations *e = jd_expectations_new ();

  cli->expect = e;
  e->leeway = o->leeway;
  if (o->leeway < 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _ ("--leeway must be 0 or more seconds"));
      return FALSE;
    }
  if (o->now != NULL)
    {
      char *end = NULL;
      gint64 now;

      errno = 0;
      now = g_ascii_strtoll (o->now, &end, 10);
      if (errno != 0 || end == o->now || *end != '\0')
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _ ("--now %s: expected a Unix time in seconds, e.g. 1748441600"), o->now);
          return FALSE;
        }
      e->now = now;
      cli->now_given = TRUE;
    }
  if (g_strcmp0 (o->token_kind, "id") == 0)
    e->token_kind = JD_EXPECT_ID_TOKEN;
  else if (o->token_kind != NULL && !g_str_equal (o->token_kind, "access"))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _ ("--token-kind %s: expected “access” (the default) or “id”"), o->token_kind);
      return FALSE;
    }
  e->audience = g_strdup (o->aud);
  e->issuer = g_strdup (o->iss);
  if (o->algs != NULL)
    {
      g_auto (GStrv) parts = g_strsplit (o->algs, ",", -1);
      g_autoptr (GStrvBuilder) b = g_strv_builder_new ();

      for (guint i = 0; parts[i]; i++)
        {
          g_strstrip (parts[i]);
          if (*parts[i])
            g_strv_builder_add (b, parts[i]);
        }
      e->algorithms = g_strv_builder_end (b);
      for (guint i = 0; e->algorithms[i]; i++)
        if (!g_strv_contains (jd_verify_get_algorithms (), e->algorithms[i]))
          {
            g_autofree char *known = g_strjoinv (", ", (char **)jd_verify_get_algorithms ());
            g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                         _ ("--alg: “%s” is not a JWS algorithm this program knows (names are "
                            "case-sensitive): %s"),
                         e->algorithms[i], known);
            return FALSE;
          }
      if (e->algorithms[0] == NULL)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _ ("--alg needs at least one algorithm"));
          return FALSE;
        }
    }
  return TRUE;
}

/* --sign / --generate-key: print INPUT re-signed (jd-cli-sign.c). */
static int
sign_main (Cli *cli)
{
  const char *arg = cli->opt.inputs ? cli->opt.inputs[0] : "-";
  JdCliSign s = { cli->opt.sign,
                  cli->opt.generate_key,
                  cli->opt.sign_alg,
                  (const char *const *)cli->opt.set,
                  (const char *const *)cli->opt.unset,
                  cli->opt.jwks_out,
                  cli->keys,
                  cli->expect->now };
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) input = NULL;
  g_autofree char *token = NULL;

  if (cli->opt.json || cli->opt.request || cli->opt.discover)
    {
      usage_error (_ ("--sign and --generate-key print a token; --json, --request and --discover "
                      "diagnose one: run jwt-doctor-cli again on the printed token"));
      return JD_CLI_EXIT_USAGE;
    }
  if (g_str_equal (arg, "-") && !(isatty (STDIN_FILENO) && cli->opt.inputs == NULL))
    input = read_all_stdin (&error);
  else if (!g_str_equal (arg, "-") && g_file_test (arg, G_FILE_TEST_EXISTS))
    input = read_file (arg, &error);
  else if (!g_str_equal (arg, "-"))
    input = g_bytes_new (arg, strlen (arg));
  if (error == NULL)
    token = jd_cli_sign_run (&s, input, &error);
  if (token == NULL)
    {
      usage_error ("%s", error->message);
      return JD_CLI_EXIT_USAGE;
    }
  g_print ("%s\n", token);
  return JD_CLI_EXIT_OK;
}

static void
print_to_stderr (const char *text)
{
  fputs (text, stderr);
}

/* --fresh-token: get the token, diagnose it beside the failing one, and
 * note what differs. FALSE (with *@status) when it could not be asked for. */
static gboolean
add_fresh_token (Cli *cli, int *status)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JdToken) failing = cli->last_token ? g_object_ref (cli->last_token) : NULL;
  g_autofree char *failing_source = g_strdup (cli->last_source);
  const char *issuer = cli->opt.iss;
  char *token;

  if ((issuer == NULL || *issuer == '\0') && failing != NULL)
    issuer = token_issuer (failing);
  token = jd_cli_fresh_get_token (&cli->opt.fresh, issuer, net.fresh_token, cli->opt.timeout,
                                  cli->opt.insecure, &cli->refusal, &error);
  if (token == NULL && cli->refusal == NULL)
    {
      usage_error ("--fresh-token: %s", error->message);
      *status = JD_CLI_EXIT_USAGE;
      return FALSE;
    }
  if (token == NULL)
    return TRUE;
  if (!diagnose_text (cli, "fresh-token", token, strlen (token), &error))
    {
      usage_error ("%s", error->message);
      *status = JD_CLI_EXIT_USAGE;
    }
  else
    {
      if (failing != NULL)
        {
          g_autoptr (JdToken) fresh = jd_token_parse (token, -1);
          g_autofree char *note = jd_cli_fresh_compare_note (fresh, failing, failing_source,
                                                             cli->expect->now, cli->expect->leeway);
          jd_report_add_note (cli->report, note);
        }
      if (cli->opt.fresh.print_token)
        {
          fputs (token, stdout);
          fputs ("\n", stdout);
          fflush (stdout);
        }
    }
  memset (token, 0, strlen (token));
  g_free (token);
  return error == NULL;
}

int
jd_cli_main (int argc, char **argv)
{
  Cli cli = { { 0 } };
  g_autoptr (GError) error = NULL;
  int status = JD_CLI_EXIT_USAGE;
  const char *arg;
  JdCliColor color_mode = JD_CLI_COLOR_AUTO;

  cli.opt.leeway = JD_DEFAULT_LEEWAY;

  if (!parse_options (&cli.opt, &argc, &argv, &error))
    {
      usage_error ("%s", error->message);
      g_printerr (_ ("Try “jwt-doctor-cli --help”.\n"));
      goto out;
    }
  if (!jd_cli_color_parse (cli.opt.color, &color_mode, &error))
    {
      usage_error ("%s", error->message);
      goto out;
    }
  if (cli.opt.version)
    {
      g_print ("jwt-doctor-cli %s\n", PACKAGE_VERSION);
      status = JD_CLI_EXIT_OK;
      goto out;
    }
  if (cli.opt.list_messages)
    {
      g_autofree char *table = jd_server_messages_to_markdown ();

      g_print ("%s", table);
      status = JD_CLI_EXIT_OK;
      goto out;
    }
  if (cli.opt.inputs != NULL && g_strv_length (cli.opt.inputs) > 1)
    {
      usage_error (_ ("give one INPUT (a token, a file, or -); got %u"),
                   g_strv_length (cli.opt.inputs));
      goto out;
    }
  if (((cli.opt.jwks != NULL && is_url (cli.opt.jwks)) || cli.opt.discover
       || cli.opt.request != NULL || jd_cli_fresh_requested (&cli.opt.fresh))
      && !net_load (&error))
    {
      usage_error ("%s", error->message);
      goto out;
    }
  if (!build_expectations (&cli, &error) || !load_keys (&cli, &error))
    {
      usage_error ("%s", error->message);
      goto out;
    }

  if (cli.opt.sign != NULL || cli.opt.generate_key != NULL)
    {
      status = sign_main (&cli);
      goto out;
    }

  if (cli.opt.fresh.print_token)
    g_set_print_handler (print_to_stderr); /* standard output holds the fresh token alone */
  cli.report = jd_report_new ();
  cli.held = g_ptr_array_new_with_free_func (g_object_unref);
  jd_cli_output_init (&cli.output, cli.opt.json,
                      !cli.opt.json
                        && jd_cli_color_wanted (color_mode, isatty (STDOUT_FILENO),
                                                g_getenv ("TERM"), g_getenv ("NO_COLOR")),
                      cli.expect->now);
  cli.discovered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  arg = cli.opt.inputs ? cli.opt.inputs[0] : "-";

  if (cli.opt.inputs == NULL && jd_cli_fresh_requested (&cli.opt.fresh))
    ; /* --fresh-token alone: no failing token to read */
  else if (g_str_equal (arg, "-"))
    {
      g_autoptr (GBytes) bytes = NULL;

      if (isatty (STDIN_FILENO) && cli.opt.inputs == NULL)
        {
          usage_error (_ ("no INPUT: give a token or a file, or pipe one in (see --help)"));
          goto out;
        }
      bytes = read_all_stdin (&error);
      if (bytes == NULL)
        {
          usage_error (_ ("cannot read standard input: %s"), error->message);
          goto out;
        }
      if (!diagnose_bytes (&cli, "stdin", _ ("standard input"), bytes, &error))
        {
          usage_error ("%s", error->message);
          goto out;
        }
    }
  else if (g_file_test (arg, G_FILE_TEST_EXISTS) && g_str_has_suffix (arg, ".har"))
    {
      if (!diagnose_har_file (&cli, arg, &error))
        {
          usage_error (_ ("“%s”: %s"), arg, error->message);
          goto out;
        }
    }
  else if (g_file_test (arg, G_FILE_TEST_EXISTS))
    {
      g_autoptr (GBytes) bytes = read_file (arg, &error);

      if (bytes == NULL)
        {
          usage_error (_ ("cannot read “%s”: %s"), arg, error->message);
          goto out;
        }
      if (!diagnose_bytes (&cli, "file", arg, bytes, &error))
        {
          usage_error (_ ("“%s”: %s"), arg, error->message);
          goto out;
        }
    }
  else if (names_a_file (arg))
    {
      /* Not a malformed-token report for a mistyped file name (#12). */
      struct stat st;
      int saved = stat (arg, &st) == 0 ? 0 : errno;
      usage_error (_ ("cannot read %s: %s"), arg, g_strerror (saved ? saved : ENOENT));
      goto out;
    }
  else if (!diagnose_text (&cli, "argument", arg, strlen (arg), &error))
    {
      usage_error ("%s", error->message);
      goto out;
    }

  if (jd_cli_fresh_requested (&cli.opt.fresh) && !add_fresh_token (&cli, &status))
    goto out;

  jd_cli_output_add (&cli.output, cli.report);
  jd_cli_output_finish (&cli.output);
  if (cli.refusal != NULL)
    usage_error ("--fresh-token: %s", cli.refusal);
  status = cli.output.has_errors || cli.refusal != NULL ? JD_CLI_EXIT_ERRORS : JD_CLI_EXIT_OK;

out:
  g_clear_object (&cli.report);
  g_clear_object (&cli.keys);
  g_clear_object (&cli.remote);
  g_clear_pointer (&cli.discovered, g_hash_table_unref);
  g_clear_error (&cli.stream_error);
  g_clear_pointer (&cli.held, g_ptr_array_unref);
  if (cli.secret)
    memset (cli.secret, 0, cli.secret_len);
  g_free (cli.secret);
  g_clear_pointer (&cli.expect, jd_expectations_free);
  g_clear_object (&cli.last_token);
  g_free (cli.last_source);
  g_free (cli.refusal);
  options_clear (&cli.opt);
  return status;
}
