/* jd-cli-options.c — jwt-doctor-cli's command line: the options, their
 * --help, and the expectations they give
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "jd-cli-options.h"
#include "jd-verify.h"

void
jd_cli_options_clear (JdCliOptions *o)
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

gboolean
jd_cli_options_parse (JdCliOptions *o, int *argc, char ***argv, GError **error)
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

gboolean
jd_cli_options_build_expectations (const JdCliOptions *o, JdExpectations **expect,
                                   gboolean *now_given, GError **error)
{
  JdExpectations *e = jd_expectations_new ();

  *expect = e;
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
      *now_given = TRUE;
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
