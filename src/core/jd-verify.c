/* jd-verify.c — choose keys like a real verifier, check the signature
 *
 * The algorithm comes from the token's header, but it is only ever used
 * when it is in the allow-list and fits the key (kty, curve, the key's own
 * "alg", "use", "key_ops", size): the token alone decides nothing. "none"
 * is in no algorithm table, so it can never verify.
 *
 * Beyond the verdict a verifier would give, the diagnosis explains: which
 * key was tried and why the others were not, a kid missing from the set,
 * the HS/RS key-confusion forgery, well-known or short HMAC secrets, a
 * text-versus-base64 secret mix-up, and Microsoft Graph tokens.
 *
 * jd_verify() runs named steps over a shared Check: list the keys, mark
 * them untried when nothing can be checked, try the keys, a kid missing
 * from the set, strict encoding, the signature finding, weak secrets. The
 * result objects are in jd-key-verdict.c and jd-verify-result.c, the
 * algorithm registry in jd-jwa.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <gnutls/crypto.h>

#include "jd-providers.h"
#include "jd-jwa.h"
#include "jd-key-set-summary.h"
#include "jd-verify-explain.h"
#include "jd-verify-private.h"

G_DEFINE_QUARK (jd - verify - error - quark, jd_verify_error)

#define MIN_RSA_BITS 2048

const char *const *
jd_verify_get_algorithms (void)
{
  /* The tables' names, in table order (test-verify checks they agree). */
  static const char *const names[] = {
    "HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "PS256",
    "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA", NULL,
  };
  return names;
}

gboolean
jd_verify_signature (const char *alg, JdKey *key, gconstpointer input, gsize input_len,
                     gconstpointer sig, gsize sig_len, GError **error)
{
  const JdJwa *jwa;
  g_autofree char *misfit = NULL;

  g_return_val_if_fail (alg != NULL, FALSE);
  g_return_val_if_fail (JD_IS_KEY (key), FALSE);
  g_return_val_if_fail (input != NULL || input_len == 0, FALSE);
  g_return_val_if_fail (sig != NULL || sig_len == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  jwa = jd_jwa_lookup (alg);
  if (jwa == NULL)
    {
      if (g_ascii_strcasecmp (alg, "none") == 0)
        g_set_error (error, JD_VERIFY_ERROR, JD_VERIFY_ERROR_UNSUPPORTED_ALG,
                     _ ("alg \"%s\" means unsigned: it never verifies"), alg);
      else
        g_set_error (error, JD_VERIFY_ERROR, JD_VERIFY_ERROR_UNSUPPORTED_ALG,
                     _ ("\"%s\" is not a JWS algorithm JWT Doctor can verify"), alg);
      return FALSE;
    }
  if (!jd_key_is_usable (key))
    {
      g_set_error (error, JD_VERIFY_ERROR, JD_VERIFY_ERROR_KEY_UNUSABLE, "%s",
                   jd_key_get_problem (key) ? jd_key_get_problem (key) : _ ("the key is unusable"));
      return FALSE;
    }
  misfit = jd_jwa_key_misfit (jwa, key);
  if (misfit)
    {
      g_set_error_literal (error, JD_VERIFY_ERROR, JD_VERIFY_ERROR_KEY_MISMATCH, misfit);
      return FALSE;
    }
  return jwa->verify (jwa, key, input, input_len, sig, sig_len, error);
}

static void
verdict_set (VerdictData *self, gboolean tried, JdSignatureStatus status,
             char *reason /* (transfer full) */)
{
  self->tried = tried;
  self->status = status;
  g_free (self->reason);
  self->reason = reason;
}

/* ------------------------------------------------------------------ */
/* Secrets every tutorial and debugger uses                            */

static const char *const well_known_secrets[] = {
  "your-256-bit-secret",
  "your-384-bit-secret",
  "your-512-bit-secret", /* jwt.io's defaults */
  "secret",
  "Secret",
  "SECRET",
  "secretkey",
  "secret-key",
  "secret_key",
  "secretKey",
  "mysecret",
  "my-secret",
  "my_secret",
  "mySecret",
  "mysecretkey",
  "my-secret-key",
  "my_secret_key",
  "supersecret",
  "super-secret",
  "super_secret",
  "topsecret",
  "secret123",
  "s3cr3t",
  "changeme",
  "changeit",
  "change-me",
  "password",
  "Password",
  "passw0rd",
  "123456",
  "12345678",
  "1234567890",
  "admin",
  "test",
  "testing",
  "default",
  "key",
  "jwt",
  "jwt-secret",
  "jwt_secret",
  "jwtsecret",
  "JWT_SECRET",
  "jwt-key",
  "token",
  "shhhhh",
  "shhhhhared-secret",
  "keyboard cat",
  "your_jwt_secret",
  "your-jwt-secret",
  "your-secret-key",
  "your_secret_key",
  "yoursecret",
  "qwerty",
  "hello",
  "example",
  "abc123",
  "letmein",
  "private",
  "private-key",
  "secret-signing-key",
  "development",
  "dev-secret",
  "test-secret",
  "HS256",
  "none",
};

static const char *
secret_well_known (gconstpointer data, gsize len)
{
  for (guint i = 0; i < G_N_ELEMENTS (well_known_secrets); i++)
    if (strlen (well_known_secrets[i]) == len && memcmp (well_known_secrets[i], data, len) == 0)
      return well_known_secrets[i];
  return NULL;
}

/* ------------------------------------------------------------------ */
/* jd_verify                                                           */

/* What the steps of jd_verify() share. */
typedef struct
{
  JdVerifyResult *result;
  JdToken *token;
  JdKeySet *keys;   /* nullable */
  const char *alg;  /* the token's, nullable */
  const char *kid;  /* the token's, nullable */
  GArray *verdicts; /* result->verdict_data */
  const JdJwa *jwa;
  const guint8 *input; /* owned by the token */
  gsize input_len;
  const guint8 *sig; /* owned by the token */
  gsize sig_len;
  guint n_keys;
  guint n_tried;
  guint n_with_kid;
  guint n_kidless_members;
  gboolean kid_in_set;
  gboolean confused; /* a key-confusion forgery was found */
  gboolean rejected; /* the signature matches, but the token is not strict JWS */
  JdKey *wrong_kid_but_valid;
  JdKey *alternate_ok;
  JdKey *tried_secret;
  GString *invalid_why; /* the first malformed-signature error */
} Check;

static gboolean
alg_allowed (const char *alg, const char *const *allowed)
{
  if (allowed == NULL)
    return jd_jwa_lookup (alg) != NULL;
  return g_strv_contains (allowed, alg);
}

/* Why a verifier would not use @key for this token, independent of kid. */
static char *
policy_misfit (const JdJwa *jwa, JdKey *key)
{
  const char *key_alg = jd_key_get_alg (key);
  const char *use = jd_key_get_use (key);

  if (jd_key_get_problem (key))
    {
      /* The key is named by its row beside this reason: drop the JSON
       * path ("keys[8]: ") the loader puts before its problem. */
      const char *problem = jd_key_get_problem (key);
      const char *path = jd_key_get_path (key);
      if (path && g_str_has_prefix (problem, path)
          && g_str_has_prefix (problem + strlen (path), ": "))
        problem += strlen (path) + 2;
      return g_strdup_printf (_ ("unusable: %s"), problem);
    }
  if (!jd_key_is_usable (key))
    return g_strdup (_ ("unusable"));
  {
    char *misfit = jd_jwa_key_misfit (jwa, key);
    if (misfit)
      return misfit;
  }
  /* Equality in both directions: "RS256" vs "RS2560" differ too. */
  if (key_alg && strcmp (key_alg, jwa->name) != 0)
    return g_strdup_printf (_ ("the key says %s, the token says %s"), key_alg, jwa->name);
  if (use && strcmp (use, "sig") != 0)
    return g_strdup_printf (_ ("use is %s, not sig"), use);
  if (!jd_key_allows_verify (key))
    return g_strdup (_ ("key_ops does not include verify"));
  if (jd_jwa_is_hmac (jwa) && !jd_key_is_user_secret (key)
      && g_bytes_get_size (jd_key_get_secret (key)) < jwa->hash_len)
    return g_strdup_printf (_ ("the secret is %zu bytes, %s needs at least %u (RFC 7518 §3.2)"),
                            g_bytes_get_size (jd_key_get_secret (key)), jwa->name, jwa->hash_len);
  if (g_str_equal (jwa->kty, "RSA") && jd_key_get_bits (key) < MIN_RSA_BITS)
    return g_strdup_printf (_ ("RSA key under %u bits (%u): RFC 7518 §3.3 forbids it"),
                            MIN_RSA_BITS, jd_key_get_bits (key));
  return NULL;
}

static gboolean
check_hmac_bytes (const Check *c, GBytes *secret)
{
  return jd_jwa_hmac_check (c->jwa, g_bytes_get_data (secret, NULL), g_bytes_get_size (secret),
                            c->input, c->input_len, c->sig, c->sig_len, NULL);
}

/* The HS* forgery: the token's MAC keyed with a public key's bytes. */
static gboolean
check_key_confusion (Check *c, JdKey *key, VerdictData *verdict)
{
  GArray *forms;

  if (jd_key_get_pubkey (key) == NULL || !jd_key_is_usable (key))
    return FALSE;
  forms = jd_key_get_forms (key);
  for (guint i = 0; i < forms->len; i++)
    {
      JdKeyForm *form = &g_array_index (forms, JdKeyForm, i);
      if (check_hmac_bytes (c, form->bytes))
        {
          g_autofree char *label = jd_verify_result_dup_key_label (c->result, key);
          g_autofree char *msg = g_strdup_printf (
            _ ("This %s token verifies with the public key %s used as the HMAC secret "
               "(%s). That is the key-confusion attack: the public key is public, so anyone "
               "can forge such tokens, and a verifier that lets the token's alg pick HMAC "
               "while it holds an RSA or EC key accepts them."),
            c->jwa->name, label, _ (form->label));
          jd_verify_result_add_finding (
            c->result, JD_FINDING_KEY_CONFUSION, JD_SEVERITY_ERROR, JD_RANK_ALGORITHM, NULL, msg,
            _ ("Treat this token as an attack. Pin the algorithm per key on the "
               "server (only RS256/ES256/… for public keys) and never pass a public "
               "key to an HMAC function."));
          verdict_set (verdict, TRUE, JD_SIGNATURE_INVALID,
                       g_strdup_printf (_ ("%s forgery: %s works as the HMAC secret — key "
                                           "confusion attack"),
                                        c->jwa->name, _ (form->label)));
          return TRUE;
        }
    }
  return FALSE;
}

static void
add_weak_secret (Check *c, GBytes *secret, gboolean verified, const char *where)
{
  gsize len = g_bytes_get_size (secret);
  const char *known = secret_well_known (g_bytes_get_data (secret, NULL), len);
  g_autofree char *msg = NULL;

  if (jd_verify_result_has_finding (c->result, JD_FINDING_WEAK_SECRET))
    return;
  /* The secret itself is never quoted: a report is pasted into tickets. */
  if (known && verified)
    msg = g_strdup_printf (_ ("The token is signed with one of the %u well-known example secrets "
                              "that tutorials and debuggers use (%s): anyone can guess it and "
                              "sign tokens your API accepts."),
                           (guint)G_N_ELEMENTS (well_known_secrets), where);
  else if (known)
    msg = g_strdup_printf (_ ("The secret (%s) is one of the %u well-known example secrets that "
                              "anyone can guess."),
                           where, (guint)G_N_ELEMENTS (well_known_secrets));
  else if (len < c->jwa->hash_len)
    msg = g_strdup_printf (
      _ ("The %s secret (%s) is %zu bytes; %s needs at least %u (RFC 7518 §3.2). Short "
         "secrets can be brute-forced from one token, and strict libraries refuse them, which "
         "by itself can cause a 401."),
      c->jwa->name, where, len, c->jwa->name, c->jwa->hash_len);
  else
    return;

  jd_verify_result_add_finding (
    c->result, JD_FINDING_WEAK_SECRET, JD_SEVERITY_WARNING, JD_RANK_SIGNATURE, NULL, msg,
    _ ("Generate a random secret at least as long as the hash (32 bytes for "
       "HS256, e.g. `openssl rand -base64 32`), or move to RS256/ES256 with a "
       "JWKS."));
}

static const char *
secret_origin (JdKey *key)
{
  return jd_key_is_user_secret (key) ? _ ("the secret you gave") : jd_key_get_source (key);
}

static gboolean
is_graph_token (JdToken *token)
{
  JsonObject *header = jd_token_get_header (token);

  return header != NULL && json_object_has_member (header, "nonce")
         && g_strcmp0 (jd_token_get_alg (token), "RS256") == 0;
}

static char *
kid_list (JdKeySet *keys)
{
  g_autoptr (GPtrArray) kids = jd_key_set_get_kids (keys);
  g_autoptr (GString) s = g_string_new (NULL);

  for (guint i = 0; i < kids->len; i++)
    {
      if (i)
        g_string_append (s, ", ");
      g_string_append_printf (s, "\"%s\"", (char *)g_ptr_array_index (kids, i));
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* Keys were given but none could check the token: a verifier holding
 * exactly these keys rejects it, so this is an error naming every key. */
static void
add_no_usable_key (Check *c, GArray *verdicts)
{
  g_autofree JdUnusableKey *list = g_new0 (JdUnusableKey, verdicts->len);
  g_autofree char *msg = NULL;

  for (guint i = 0; i < verdicts->len; i++)
    {
      VerdictData *v = &g_array_index (verdicts, VerdictData, i);
      const char *key_alg = jd_key_get_alg (v->key);

      list[i].key = v->key;
      list[i].row = i + 1;
      list[i].reason = v->reason ? v->reason : "";
      list[i].relabelled
        = key_alg && !g_str_equal (key_alg, c->jwa->name)
          && jd_verify_relabelled (v->key, key_alg, c->input, c->input_len, c->sig, c->sig_len);
      list[i].would_verify = !list[i].relabelled
                             && jd_verify_key_would_verify (c->jwa, v->key, c->input, c->input_len,
                                                            c->sig, c->sig_len);
    }
  msg = jd_verify_explain_unusable (c->jwa->name, list, verdicts->len);
  jd_verify_result_add_finding (
    c->result, JD_FINDING_NO_USABLE_KEY, JD_SEVERITY_ERROR, JD_RANK_KID, NULL, msg,
    _ ("Give the key the token's issuer signs with (its JWKS, PEM public key or "
       "certificate for RS/PS/ES/EdDSA, the shared secret for HS), or fix the key "
       "or token member named above."));
}

/* ------------------------------------------------------------------ */
/* The steps of jd_verify                                              */

/* The set's own warnings, and kids shared across its sources; then one
 * untried verdict per key, counting the kids. */
static void
list_keys (Check *c)
{
  JdVerifyResult *result = c->result;

  if (c->keys)
    {
      g_autoptr (GPtrArray) cross = jd_key_set_cross_source_duplicates (c->keys);
      if (jd_key_set_get_warnings (c->keys)->len > 0 || cross->len > 0)
        {
          result->set_warnings = g_ptr_array_new_with_free_func (g_object_unref);
          jd_findings_merge (result->set_warnings, jd_key_set_get_warnings (c->keys));
          jd_findings_merge (result->set_warnings, cross);
        }
    }
  for (guint i = 0; i < c->n_keys; i++)
    {
      VerdictData v
        = { g_object_ref (jd_key_set_get_key (c->keys, i)), FALSE, JD_SIGNATURE_UNVERIFIED, NULL };
      g_array_append_val (c->verdicts, v);
      g_ptr_array_add (result->rows, g_object_ref (v.key));
      if (jd_key_get_kid (v.key))
        {
          c->n_with_kid++;
          if (c->kid && g_str_equal (jd_key_get_kid (v.key), c->kid))
            c->kid_in_set = TRUE;
        }
    }
}

static void
mark_all (Check *c, JdSignatureStatus status, const char *reason)
{
  for (guint i = 0; i < c->verdicts->len; i++)
    verdict_set (&g_array_index (c->verdicts, VerdictData, i), FALSE, status, g_strdup (reason));
}

/* An algorithm outside the allow-list: no key is tried, but a key-confusion
 * forgery is still named: the allow-list is what stops it. */
static void
mark_disallowed (Check *c)
{
  g_autofree char *why = g_strdup_printf (_ ("not tried: %s is not an allowed algorithm, so a "
                                             "verifier refuses the token before it looks at keys"),
                                          c->alg);

  mark_all (c, JD_SIGNATURE_UNVERIFIED, why);
  if (!jd_jwa_is_hmac (c->jwa))
    return;
  for (guint i = 0; i < c->verdicts->len; i++)
    {
      VerdictData *v = &g_array_index (c->verdicts, VerdictData, i);
      if (check_key_confusion (c, v->key, v))
        {
          c->result->status = JD_SIGNATURE_INVALID;
          break;
        }
    }
}

/* Unsigned, encrypted or undecodable tokens, or an algorithm outside the
 * allow-list: nothing to check, every key is marked untried. TRUE when
 * verification stops here; else the algorithm, signing input and signature
 * are set. */
static gboolean
mark_untried (Check *c, const char *const *allowed_algs)
{
  const char *alg = c->alg;
  GBytes *sig;   /* owned by the token */
  GBytes *input; /* owned by the token */

  if (jd_token_get_kind (c->token) == JD_TOKEN_KIND_UNSECURED
      || (alg && g_ascii_strcasecmp (alg, "none") == 0))
    {
      g_autofree char *why
        = g_strdup_printf (_ ("not tried: the token is unsigned (alg \"%s\") and "
                              "never valid"),
                           alg ? alg : "none");
      c->result->status = JD_SIGNATURE_NONE;
      mark_all (c, JD_SIGNATURE_NONE, why);
      return TRUE;
    }
  if (jd_token_get_kind (c->token) == JD_TOKEN_KIND_JWE)
    {
      mark_all (c, JD_SIGNATURE_UNVERIFIED,
                _ ("not tried: an encrypted token (JWE) has no JWS signature"));
      return TRUE;
    }

  c->jwa = jd_jwa_lookup (alg);
  sig = jd_token_get_signature (c->token);
  input = jd_token_get_signing_input (c->token);
  if (alg == NULL || c->jwa == NULL || sig == NULL || input == NULL)
    {
      g_autofree char *unknown = NULL;
      const char *why = alg == NULL ? _ ("not tried: the token has no readable alg")
                        : c->jwa == NULL
                          ? NULL
                          : _ ("not tried: the token's signature could not be decoded");
      if (why == NULL)
        why = unknown = g_strdup_printf (_ ("not tried: \"%s\" is not a JWS algorithm JWT "
                                            "Doctor can verify"),
                                         alg);
      mark_all (c, JD_SIGNATURE_UNVERIFIED, why);
      return TRUE;
    }

  c->input = g_bytes_get_data (input, &c->input_len);
  c->sig = g_bytes_get_data (sig, &c->sig_len);
  if (!alg_allowed (alg, allowed_algs))
    {
      mark_disallowed (c);
      return TRUE;
    }
  return FALSE;
}

/* Whether a verifier would pick @v's key for the token's kid; when not, its
 * verdict says why. *@prefix: the words the key's verdict begins with. */
static gboolean
select_by_kid (Check *c, VerdictData *v, const char **prefix)
{
  const char *kid = c->kid;
  const char *key_kid = jd_key_get_kid (v->key);

  if (kid == NULL)
    {
      *prefix = _ ("no kid in the token");
      return TRUE;
    }
  if (key_kid && strcmp (key_kid, kid) != 0)
    {
      const char *near = jd_verify_kid_near_miss (kid, key_kid);
      verdict_set (v, FALSE, JD_SIGNATURE_UNVERIFIED,
                   near ? g_strdup_printf (_ ("kid differs (\"%s\"): %s"), key_kid, near)
                        : g_strdup_printf (_ ("kid differs (\"%s\")"), key_kid));
      return FALSE;
    }
  if (key_kid == NULL && c->kid_in_set)
    {
      verdict_set (v, FALSE, JD_SIGNATURE_UNVERIFIED,
                   g_strdup (_ ("not tried: it has no kid, and another key has the "
                                "token's kid")));
      return FALSE;
    }
  /* A verifier selects a key set's members by kid: in a set whose
   * keys have kids, one without a kid is never chosen for a token
   * that names one (RFC 7517 §4.5). */
  if (key_kid == NULL && jd_key_is_set_member (v->key) && c->n_with_kid > 0)
    {
      c->n_kidless_members++;
      verdict_set (v, FALSE, JD_SIGNATURE_UNVERIFIED,
                   g_strdup_printf (_ ("not tried: it has no kid, so a verifier that "
                                       "selects the set's keys by kid never picks it for "
                                       "kid \"%s\""),
                                    kid));
      return FALSE;
    }
  *prefix = key_kid ? _ ("matches the token's kid") : _ ("has no kid to compare");
  return TRUE;
}

/* A key a verifier would not use (@misfit says why): its verdict, and a
 * key-confusion forgery or a right but too short secret named. */
static void
explain_misfit (Check *c, VerdictData *v, const char *prefix, const char *misfit)
{
  JdKey *key = v->key;

  if (jd_jwa_is_hmac (c->jwa) && !c->confused && check_key_confusion (c, key, v))
    c->confused = TRUE;
  else if (jd_jwa_is_hmac (c->jwa) && jd_key_is_usable (key) && jd_key_get_secret (key)
           && g_strcmp0 (jd_key_get_kty (key), "oct") == 0
           && (jd_key_get_alg (key) == NULL || g_str_equal (jd_key_get_alg (key), c->alg))
           && check_hmac_bytes (c, jd_key_get_secret (key)))
    {
      /* A secret too short for strict verifiers, but the right one. */
      verdict_set (v, FALSE, JD_SIGNATURE_UNVERIFIED,
                   g_strdup_printf (_ ("%s — %s: strict verifiers refuse it, though the "
                                       "MAC matches"),
                                    prefix, misfit));
      add_weak_secret (c, jd_key_get_secret (key), TRUE, secret_origin (key));
    }
  else
    verdict_set (v, FALSE, JD_SIGNATURE_UNVERIFIED, g_strdup_printf ("%s — %s", prefix, misfit));
}

/* Checks the signature with a key a verifier would use, unless another key
 * already verified it. */
static void
try_key (Check *c, VerdictData *v, const char *prefix)
{
  JdVerifyResult *result = c->result;
  JdKey *key = v->key;
  g_autoptr (GError) error = NULL;

  if (result->key)
    {
      g_autofree char *label = jd_verify_result_dup_key_label (result, result->key);
      verdict_set (
        v, FALSE, JD_SIGNATURE_UNVERIFIED,
        g_strdup_printf (_ ("%s — not tried: %s already verified the signature"), prefix, label));
      return;
    }

  c->n_tried++;
  if (jd_key_get_secret (key))
    c->tried_secret = c->tried_secret ? c->tried_secret : key;
  if (c->jwa->verify (c->jwa, key, c->input, c->input_len, c->sig, c->sig_len, &error))
    {
      verdict_set (v, TRUE, JD_SIGNATURE_VALID,
                   g_strdup_printf (_ ("%s — signature valid"), prefix));
      result->key = g_object_ref (key);
      result->status = JD_SIGNATURE_VALID;
      c->tried_secret = jd_key_get_secret (key) ? key : c->tried_secret;
    }
  else
    {
      GBytes *alternate = jd_key_get_alternate_secret (key);
      verdict_set (v, TRUE, JD_SIGNATURE_INVALID,
                   g_strdup_printf (_ ("%s — signature invalid: %s"), prefix, error->message));
      if (result->status != JD_SIGNATURE_VALID)
        result->status = JD_SIGNATURE_INVALID;
      if (error->code == JD_VERIFY_ERROR_MALFORMED_SIGNATURE && c->invalid_why->len == 0)
        g_string_append (c->invalid_why, error->message);
      if (alternate && jd_jwa_is_hmac (c->jwa) && check_hmac_bytes (c, alternate))
        c->alternate_ok = key;
    }
}

/* Every key in the set's order, as a verifier would select and use them. */
static void
try_keys (Check *c)
{
  for (guint i = 0; i < c->verdicts->len; i++)
    {
      VerdictData *v = &g_array_index (c->verdicts, VerdictData, i);
      g_autofree char *misfit = NULL;
      const char *prefix;

      if (!select_by_kid (c, v, &prefix))
        continue;
      misfit = policy_misfit (c->jwa, v->key);
      if (misfit)
        explain_misfit (c, v, prefix, misfit);
      else
        try_key (c, v, prefix);
    }
}

/* The token names a kid the set lacks, and the set has kids to compare. */
static gboolean
kid_not_found (const Check *c)
{
  return c->kid && !c->kid_in_set && c->n_with_kid + c->n_kidless_members > 0;
}

/* Not found by kid: would any key verify if the kid were ignored? */
static void
find_key_despite_kid (Check *c)
{
  if (c->kid == NULL || c->kid_in_set || c->result->status == JD_SIGNATURE_VALID)
    return;
  for (guint i = 0; i < c->verdicts->len && c->wrong_kid_but_valid == NULL; i++)
    {
      VerdictData *v = &g_array_index (c->verdicts, VerdictData, i);
      g_autofree char *misfit = NULL;

      if (jd_key_get_kid (v->key) == NULL && (!jd_key_is_set_member (v->key) || c->n_with_kid == 0))
        continue;
      misfit = policy_misfit (c->jwa, v->key);
      if (misfit == NULL
          && c->jwa->verify (c->jwa, v->key, c->input, c->input_len, c->sig, c->sig_len, NULL))
        {
          c->wrong_kid_but_valid = v->key;
          verdict_set (v, FALSE, JD_SIGNATURE_UNVERIFIED,
                       jd_key_get_kid (v->key)
                         ? g_strdup_printf (_ ("kid differs (\"%s\") — yet this key verifies "
                                               "the signature"),
                                            jd_key_get_kid (v->key))
                         : g_strdup (_ ("it has no kid — yet this key verifies the signature")));
        }
    }
}

/* The kid-not-found finding: the set's kids, a near miss, a key that
 * verifies despite the kid. */
static void
add_kid_not_found (Check *c)
{
  const char *kid = c->kid;
  g_autofree char *kids = NULL;
  g_autofree char *msg = NULL;
  const char *near_kid = NULL;

  if (!kid_not_found (c) || c->result->status == JD_SIGNATURE_VALID)
    return;

  kids = kid_list (c->keys);
  for (guint i = 0; i < c->n_keys && near_kid == NULL; i++)
    if (jd_verify_kid_near_miss (kid, jd_key_get_kid (jd_key_set_get_key (c->keys, i))))
      near_kid = jd_key_get_kid (jd_key_set_get_key (c->keys, i));

  if (c->wrong_kid_but_valid)
    {
      g_autofree char *label = jd_verify_result_dup_key_label (c->result, c->wrong_kid_but_valid);
      msg = g_strdup_printf (_ ("The token's kid \"%s\" is not in the key set (it has %s), "
                                "yet %s verifies the signature: the token's kid header is "
                                "wrong, so a verifier that selects keys by kid rejects it."),
                             kid, kids, label);
      if (near_kid)
        {
          g_autofree char *plain = g_steal_pointer (&msg);
          msg = g_strdup_printf (_ ("%s Against \"%s\": %s."), plain, near_kid,
                                 jd_verify_kid_near_miss (kid, near_kid));
        }
    }
  else if (near_kid)
    msg = g_strdup_printf (_ ("The token's kid \"%s\" is not in the key set, but the set "
                              "has \"%s\": %s."),
                           kid, near_kid, jd_verify_kid_near_miss (kid, near_kid));
  else
    msg = g_strdup_printf (_ ("The token's kid \"%s\" is not in the key set; it has %s. "
                              "The issuer has probably rotated its signing key and this "
                              "JWKS, or a cache of it, is stale — or the token comes from "
                              "another issuer or environment."),
                           kid, kids);
  jd_verify_result_add_finding (c->result, JD_FINDING_KID_NOT_FOUND, JD_SEVERITY_ERROR, JD_RANK_KID,
                                "kid", msg,
                                _ ("Fetch the issuer's current JWKS from its jwks_uri and compare; "
                                   "make the API refresh its cached JWKS when it meets an unknown "
                                   "kid; check that token and API use the same issuer and "
                                   "environment."));
}

/* A verifier rejects a token whose bytes are not strict JWS, even when the
 * decoded signature matches. AWS ALB pads by design and is verified the ALB
 * way (jd-providers.h). */
static void
check_strict_encoding (Check *c)
{
  JdVerifyResult *result = c->result;
  const JdTokenProblem *p;
  g_autofree char *label = NULL;
  g_autofree char *msg = NULL;

  if (result->status != JD_SIGNATURE_VALID)
    return;
  p = jd_providers_strict_problem (c->token);
  if (p == NULL)
    return;

  label = jd_verify_result_dup_key_label (result, result->key);
  msg = g_strdup_printf (_ ("The signature matches %s, but the token is not a strict JWS (%s), so "
                            "verifiers reject it before checking the signature."),
                         label, p->message);
  for (guint j = 0; j < c->verdicts->len; j++)
    {
      VerdictData *v = &g_array_index (c->verdicts, VerdictData, j);
      if (v->key == result->key)
        verdict_set (v, TRUE, JD_SIGNATURE_INVALID,
                     g_strdup_printf (_ ("signature matches, but the token is "
                                         "malformed: %s"),
                                      p->message));
    }
  jd_verify_result_add_finding (result, JD_FINDING_SIGNATURE_INVALID, JD_SEVERITY_ERROR,
                                JD_RANK_SIGNATURE, NULL, msg,
                                _ ("Send the token exactly as the issuer produced it: unpadded "
                                   "base64url, no spaces, quotes or line breaks."));
  result->status = JD_SIGNATURE_INVALID;
  g_clear_object (&result->key);
  c->rejected = TRUE;
}

/* Why the signature did not verify when nothing more specific is known:
 * a malformed signature, or a MAC or signature made with another key.
 * Returns the message; *@fix the fix. (transfer full) */
static char *
explain_bad_signature (Check *c, const char **fix)
{
  const char *alg = c->alg;
  GString *invalid_why = c->invalid_why;

  if (invalid_why->len > 0)
    {
      /* The signature's format is wrong: no key could verify it, so the
       * key is not the suspect. */
      if (g_str_equal (c->jwa->kty, "EC"))
        *fix = _ ("Make the signer convert the ECDSA signature from DER to R‖S "
                  "(RFC 7518 §3.4) before base64url-encoding it: a JWS ECDSA signature "
                  "is R‖S, two fixed-length big-endian integers, and signing with "
                  "OpenSSL, Java or .NET returns DER.");
      else
        *fix = _ ("Send the signature segment exactly as the issuer produced it: a "
                  "signature of the wrong length was cut, padded, or made for another "
                  "algorithm.");
      return g_strdup_printf (_ ("The %s signature is malformed: %s. Every verifier "
                                 "rejects it, whatever the key."),
                              alg, invalid_why->str);
    }
  if (jd_jwa_is_hmac (c->jwa))
    {
      *fix = _ ("Compare the secret byte for byte with the issuer's (watch for trailing "
                "newlines, quotes, and text versus base64).");
      return g_strdup_printf (_ ("The %s MAC does not match: the token was signed with a "
                                 "different secret, or altered after signing.%s%s"),
                              alg, invalid_why->len ? " " : "", invalid_why->str);
    }
  *fix = _ ("Check that the JWKS or public key belongs to the token's issuer and "
            "environment, and that nothing rewrote the token on the way.");
  return g_strdup_printf (_ ("The %s signature does not verify: the token was signed "
                             "with a different private key than the public key checked "
                             "here, or it was altered after signing.%s%s"),
                          alg, invalid_why->len ? " " : "", invalid_why->str);
}

/* The signature-invalid finding for keys that were tried and failed: a
 * Microsoft Graph token, a secret read as text versus base64 or with a
 * stray byte, else explain_bad_signature(). */
static void
explain_invalid (Check *c)
{
  const char *alg = c->alg;
  g_autofree char *msg = NULL;
  const char *secret_near = NULL;
  const char *fix;

  if (!c->alternate_ok && jd_jwa_is_hmac (c->jwa) && c->tried_secret != NULL)
    secret_near = jd_verify_secret_near_miss (c->jwa, jd_key_get_secret (c->tried_secret), c->input,
                                              c->input_len, c->sig, c->sig_len);
  if (is_graph_token (c->token))
    {
      msg = g_strdup_printf (
        _ ("The signature does not verify, and the header carries a \"nonce\": this is a "
           "Microsoft Entra ID (Azure AD) access token for Microsoft Graph. Graph tokens "
           "are signed over a transformed nonce and only Microsoft Graph can validate them; "
           "the token is not meant for your API."));
      fix = _ ("Request a token for your own API: use your application's scope "
               "(api://<your-app-id>/.default or a scope you exposed) instead of a "
               "https://graph.microsoft.com/ scope. Its aud is then your API and it "
               "verifies against the tenant's JWKS.");
    }
  else if (c->alternate_ok)
    {
      msg = g_strdup_printf (
        jd_key_secret_is_base64 (c->alternate_ok)
          ? _ ("The %s MAC does not match the base64-decoded secret, but it matches the "
               "secret's text as typed: the issuer uses the text itself as the key.")
          : _ ("The %s MAC does not match the secret as text, but it matches the secret "
               "base64-decoded: the issuer treats the secret as base64."),
        alg);
      fix = _ ("Make both sides read the secret the same way (text bytes or base64-decoded "
               "bytes); many libraries and dashboards base64-decode secrets silently.");
    }
  else if (secret_near)
    {
      msg = g_strdup_printf (_ ("The %s MAC does not match %s, but it matches %s: the issuer "
                                "and this check read the secret differently."),
                             alg, secret_origin (c->tried_secret), secret_near);
      fix = _ ("Make both sides read the secret the same way: strip the newline or spaces a "
               "file or environment variable added, and decode base64 or hex on both sides "
               "or on neither.");
    }
  else
    msg = explain_bad_signature (c, &fix);
  jd_verify_result_add_finding (c->result, JD_FINDING_SIGNATURE_INVALID, JD_SEVERITY_ERROR,
                                JD_RANK_SIGNATURE, NULL, msg, fix);
}

/* The finding about the signature: valid (its message written when the
 * findings are asked for), invalid and why, or no usable key. */
static void
add_signature_finding (Check *c)
{
  JdVerifyResult *result = c->result;

  if (result->status == JD_SIGNATURE_VALID)
    {
      FindingData f
        = { JD_FINDING_SIGNATURE_VALID, JD_SEVERITY_OK, JD_RANK_SIGNATURE, NULL, NULL, NULL,
            g_object_ref (result->key) };
      g_array_append_val (result->finding_data, f);
    }
  else if (c->n_tried > 0 && !c->rejected)
    explain_invalid (c);
  else if (c->n_keys > 0 && !c->confused && !kid_not_found (c))
    add_no_usable_key (c, c->verdicts);
}

/* An HMAC secret that is short or well known, the one tried or one of the
 * well-known secrets that verifies when no key of the set did. */
static void
add_weak_secrets (Check *c)
{
  JdVerifyResult *result = c->result;

  if (!jd_jwa_is_hmac (c->jwa))
    return;
  if (c->tried_secret)
    add_weak_secret (c, jd_key_get_secret (c->tried_secret), result->status == JD_SIGNATURE_VALID,
                     secret_origin (c->tried_secret));
  if (result->status == JD_SIGNATURE_VALID)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (well_known_secrets); i++)
    if (jd_jwa_hmac_check (c->jwa, well_known_secrets[i], strlen (well_known_secrets[i]), c->input,
                           c->input_len, c->sig, c->sig_len, NULL))
      {
        g_autoptr (GBytes) s
          = g_bytes_new_static (well_known_secrets[i], strlen (well_known_secrets[i]));
        /* Replaces a weaker weak-secret finding about the user's secret. */
        jd_verify_result_remove_finding (result, JD_FINDING_WEAK_SECRET);
        add_weak_secret (c, s, TRUE, _ ("found by trying well-known secrets"));
        result->secret_found = TRUE;
        break;
      }
}

/* ------------------------------------------------------------------ */
/* jd_verify                                                           */

JdVerifyResult *
jd_verify (JdToken *token, JdKeySet *keys, const char *const *allowed_algs)
{
  g_autoptr (JdVerifyResult) result = NULL;
  g_autoptr (GString) invalid_why = NULL;
  Check c = { 0 };

  g_return_val_if_fail (JD_IS_TOKEN (token), NULL);
  g_return_val_if_fail (keys == NULL || JD_IS_KEY_SET (keys), NULL);

  result = g_object_new (JD_TYPE_VERIFY_RESULT, NULL);
  c.result = result;
  c.token = token;
  c.keys = keys;
  c.alg = jd_token_get_alg (token);
  c.kid = jd_token_get_kid (token);
  c.verdicts = result->verdict_data;
  c.n_keys = keys ? jd_key_set_get_n_keys (keys) : 0;
  result->alg = g_strdup (c.alg);
  result->kid = g_strdup (c.kid);
  result->status = JD_SIGNATURE_UNVERIFIED;

  list_keys (&c);
  if (mark_untried (&c, allowed_algs))
    return g_steal_pointer (&result);

  c.invalid_why = invalid_why = g_string_new (NULL);
  try_keys (&c);
  find_key_despite_kid (&c);
  add_kid_not_found (&c);
  check_strict_encoding (&c);
  add_signature_finding (&c);
  /* A key-confusion forgery is a failed verification, whatever else. */
  if (c.confused && result->status != JD_SIGNATURE_VALID)
    result->status = JD_SIGNATURE_INVALID;
  add_weak_secrets (&c);
  return g_steal_pointer (&result);
}
