/* jd-cli-sign.c — jwt-doctor-cli --sign / --generate-key: edit a token's
 * claims and print it re-signed (the one output that is a token: the user
 * asked for exactly that)
 *
 * The private key or secret stays in memory; only the new token goes to
 * standard output, and only the public JWKS to --jwks-out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "jd-cli-input.h"
#include "jd-cli-output.h"
#include "jd-cli-sign.h"
#include "jd-input.h"
#include "jd-sign.h"
#include "jd-token-edit.h"

G_DEFINE_QUARK (jd - cli - sign - error - quark, jd_cli_sign_error)

/* --sign secret: the HMAC secret --secret / --secret-file loaded. */
static JdSignKey *
key_from_secret (const JdCliSign *s, GError **error)
{
  for (guint i = 0; s->keys && i < jd_key_set_get_n_keys (s->keys); i++)
    {
      JdKey *key = jd_key_set_get_key (s->keys, i);
      if (g_strcmp0 (jd_key_get_kty (key), "oct") == 0
          && g_strcmp0 (jd_key_get_source (key), "secret") == 0)
        return jd_sign_key_new_from_key (key, error);
    }
  g_set_error (error, JD_CLI_SIGN_ERROR, 0,
               _ ("--sign secret: give the HMAC secret with --secret-file FILE (or --secret TEXT); "
                  "a key file named “secret” is written ./secret"));
  return NULL;
}

static JdSignKey *
sign_key (const JdCliSign *s, GError **error)
{
  JdSignKeyKind kind;
  JdSignKey *key;

  if (s->sign && s->generate)
    {
      g_set_error (error, JD_CLI_SIGN_ERROR, 0,
                   _ ("--sign and --generate-key both name the signing key; give one"));
      return NULL;
    }
  if (s->generate)
    {
      if (!jd_sign_key_kind_from_string (s->generate, &kind))
        {
          g_set_error (error, JD_CLI_SIGN_ERROR, 0,
                       _ ("--generate-key %s: expected rsa (RSA 2048), ec (P-256) or ed25519"),
                       s->generate);
          return NULL;
        }
      key = jd_sign_key_generate (kind, error);
      if (key == NULL)
        g_prefix_error (error, "--generate-key: ");
      return key;
    }
  if (g_str_equal (s->sign, "secret"))
    return key_from_secret (s, error);
  {
    g_autoptr (GFile) file = g_file_new_for_path (s->sign);
    key = jd_sign_key_new_from_file (file, error);
    if (key == NULL)
      g_prefix_error (error, "--sign: ");
    return key;
  }
}

/* The header and claims to sign: the INPUT token's, or empty ones. */
static gboolean
start_from_input (GBytes *input, JsonObject **header, JsonObject **claims, GError **error)
{
  g_autoptr (JdInput) parsed = NULL;
  g_autoptr (JdToken) token = NULL;
  gsize len = 0;
  const char *data = input ? g_bytes_get_data (input, &len) : NULL;

  if (data == NULL || len == 0)
    {
      *header = json_object_new ();
      json_object_set_string_member (*header, "typ", "JWT");
      *claims = json_object_new ();
      return TRUE;
    }
  parsed = jd_input_parse (data, len);
  token = jd_token_parse (jd_input_get_token (parsed), -1);
  return jd_token_edit_start (token, header, claims, error);
}

static gboolean
apply_edits (const JdCliSign *s, JsonObject *claims, GError **error)
{
  for (guint i = 0; s->unset && s->unset[i]; i++)
    if (!jd_token_edit_unset (claims, s->unset[i], error))
      {
        g_prefix_error (error, "--unset: ");
        return FALSE;
      }
  for (guint i = 0; s->set && s->set[i]; i++)
    if (!jd_token_edit_set (claims, s->set[i], s->now, error))
      {
        g_prefix_error (error, "--set ");
        return FALSE;
      }
  return TRUE;
}

static gboolean
write_jwks (const JdCliSign *s, JdSignKey *key, const char *alg, GError **error)
{
  g_autofree char *jwks = jd_sign_key_export_public_jwks (key, alg, error);

  if (jwks == NULL || !g_file_set_contents (s->jwks_out, jwks, -1, error))
    {
      g_prefix_error (error, "--jwks-out %s: ", s->jwks_out);
      return FALSE;
    }
  return TRUE;
}

char *
jd_cli_sign_run (const JdCliSign *s, GBytes *input, GError **error)
{
  g_autoptr (JdSignKey) key = NULL;
  g_autoptr (JsonObject) header = NULL;
  g_autoptr (JsonObject) claims = NULL;
  g_autofree char *alg = NULL;
  g_autofree char *describe = NULL;
  char *token;

  g_return_val_if_fail (s->sign != NULL || s->generate != NULL, NULL);

  if (!(key = sign_key (s, error)))
    return NULL;
  if (!start_from_input (input, &header, &claims, error) || !apply_edits (s, claims, error))
    return NULL;
  alg = jd_sign_key_choose_alg (
    key, s->alg, json_object_get_string_member_with_default (header, "alg", NULL), error);
  if (alg == NULL)
    {
      g_prefix_error (error, s->alg ? "--sign-alg %s: " : "", s->alg);
      return NULL;
    }
  if (s->jwks_out && !write_jwks (s, key, alg, error))
    return NULL;
  token = jd_sign_compact (key, alg, header, claims, error);
  if (token == NULL)
    return NULL;
  describe = jd_sign_key_describe (key);
  /* What was done, on standard error: standard output is the token alone. */
  if (jd_sign_key_get_kid (key))
    g_printerr (_ ("jwt-doctor-cli: a test token signed on this computer with %s (%s), kid %s\n"),
                describe, alg, jd_sign_key_get_kid (key));
  else
    g_printerr (_ ("jwt-doctor-cli: a test token signed on this computer with %s (%s)\n"), describe,
                alg);
  return token;
}

/* --sign / --generate-key: print INPUT re-signed (jd-cli-sign.c). */
gboolean
jd_cli_sign_main (const JdCliOptions *o, JdKeySet *keys, gint64 now)
{
  const char *arg = o->inputs ? o->inputs[0] : "-";
  JdCliSign s = { o->sign,
                  o->generate_key,
                  o->sign_alg,
                  (const char *const *)o->set,
                  (const char *const *)o->unset,
                  o->jwks_out,
                  keys,
                  now };
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) input = NULL;
  g_autofree char *token = NULL;

  if (o->json || o->request || o->discover)
    {
      jd_cli_usage_error (
        _ ("--sign and --generate-key print a token; --json, --request and --discover "
           "diagnose one: run jwt-doctor-cli again on the printed token"));
      return FALSE;
    }
  if (g_str_equal (arg, "-") && !(isatty (STDIN_FILENO) && o->inputs == NULL))
    input = jd_cli_read_stdin (&error);
  else if (!g_str_equal (arg, "-") && g_file_test (arg, G_FILE_TEST_EXISTS))
    input = jd_cli_read_file (arg, &error);
  else if (!g_str_equal (arg, "-"))
    input = g_bytes_new (arg, strlen (arg));
  if (error == NULL)
    token = jd_cli_sign_run (&s, input, &error);
  if (token == NULL)
    {
      jd_cli_usage_error ("%s", error->message);
      return FALSE;
    }
  g_print ("%s\n", token);
  return TRUE;
}
