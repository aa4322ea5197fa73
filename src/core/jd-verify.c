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
#include "jd-verify.h"

G_DEFINE_QUARK (jd - verify - error - quark, jd_verify_error)

#define MIN_RSA_BITS 2048

/* ------------------------------------------------------------------ */
/* Algorithm tables                                                    */

static const JdJwa *const families[] = { jd_jwa_hmac, jd_jwa_rsa, jd_jwa_ecdsa, jd_jwa_eddsa };

const JdJwa *
jd_jwa_lookup (const char *name)
{
  if (name == NULL)
    return NULL;
  for (guint f = 0; f < G_N_ELEMENTS (families); f++)
    for (const JdJwa *jwa = families[f]; jwa->name; jwa++)
      if (strcmp (jwa->name, name) == 0)
        return jwa;
  return NULL;
}

gboolean
jd_jwa_is_hmac (const JdJwa *jwa)
{
  return jwa != NULL && strcmp (jwa->kty, "oct") == 0;
}

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

char *
jd_jwa_key_misfit (const JdJwa *jwa, JdKey *key)
{
  const char *kty = jd_key_get_kty (key);
  const char *crv = jd_key_get_crv (key);

  if (g_strcmp0 (kty, jwa->kty) != 0)
    {
      g_autofree char *what = jd_key_describe (key);
      return g_strdup_printf (_ ("wrong type for %s: it needs a %s key, this is %s"), jwa->name,
                              jwa->kty, what);
    }
  if (jwa->crv && g_strcmp0 (crv, jwa->crv) != 0)
    return g_strdup_printf (_ ("curve %s does not fit %s, which needs %s"), crv ? crv : "?",
                            jwa->name, jwa->crv);
  if (g_str_equal (jwa->kty, "OKP") && g_strcmp0 (crv, "Ed25519") != 0
      && g_strcmp0 (crv, "Ed448") != 0)
    return g_strdup_printf (_ ("curve %s cannot make %s signatures"), crv ? crv : "?", jwa->name);
  /* An RSA key whose SubjectPublicKeyInfo says id-RSASSA-PSS (RFC 4055)
   * verifies PS* only. */
  if (g_str_has_prefix (jwa->name, "RS") && jd_key_get_pubkey (key) != NULL
      && gnutls_pubkey_get_pk_algorithm (jd_key_get_pubkey (key), NULL) == GNUTLS_PK_RSA_PSS)
    return g_strdup_printf (_ ("the key is restricted to RSASSA-PSS (its certificate or PEM says "
                               "id-RSASSA-PSS), so it verifies PS256/384/512 only, not %s"),
                            jwa->name);
  return NULL;
}

gboolean
jd_jwa_pubkey_verify (const JdJwa *jwa, JdKey *key, int sign_algo, unsigned int flags,
                      const guint8 *input, gsize input_len, const guint8 *sig, gsize sig_len,
                      GError **error)
{
  gnutls_pubkey_t pubkey = jd_key_get_pubkey (key);
  gnutls_datum_t data = { (guint8 *)input, input_len };
  gnutls_datum_t signature = { (guint8 *)sig, sig_len };
  int ret;

  g_assert (pubkey != NULL);

  ret = gnutls_pubkey_verify_data2 (pubkey, sign_algo, flags, &data, &signature);
  return jd_jwa_check_gnutls_verdict (jwa, ret, error);
}

gboolean
jd_jwa_check_gnutls_verdict (const JdJwa *jwa, int ret, GError **error)
{
  if (ret >= 0)
    return TRUE;
  if (ret == GNUTLS_E_PK_SIG_VERIFY_FAILED)
    g_set_error (error, JD_VERIFY_ERROR, JD_VERIFY_ERROR_BAD_SIGNATURE,
                 _ ("the %s signature does not match this key"), jwa->name);
  else
    g_set_error (error, JD_VERIFY_ERROR, JD_VERIFY_ERROR_BAD_SIGNATURE,
                 _ ("the %s signature does not verify: %s"), jwa->name, gnutls_strerror (ret));
  return FALSE;
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

/* ------------------------------------------------------------------ */
/* Verdicts and findings are kept as plain data while verifying; their
 * GObjects are made when someone asks (the Keys table, the report), so a
 * verification that only needs the status stays close to the raw
 * operation (tests/bench-verify.c).                                    */

typedef struct
{
  JdKey *key;
  gboolean tried;
  JdSignatureStatus status;
  char *reason;
} VerdictData;

typedef struct
{
  const char *id;
  JdSeverity severity;
  int rank;
  const char *claim;
  char *message;
  const char *fix;
  JdKey *valid_key; /* signature-valid: the message is written on demand */
} FindingData;

static void
verdict_data_clear (gpointer data)
{
  VerdictData *v = data;
  g_clear_object (&v->key);
  g_clear_pointer (&v->reason, g_free);
}

static void
finding_data_clear (gpointer data)
{
  FindingData *f = data;
  g_clear_pointer (&f->message, g_free);
  g_clear_object (&f->valid_key);
}

/* ------------------------------------------------------------------ */
/* JdKeyVerdict                                                        */

struct _JdKeyVerdict
{
  GObject parent_instance;

  JdKey *key;
  gboolean tried;
  JdSignatureStatus status;
  char *reason;
};

G_DEFINE_FINAL_TYPE (JdKeyVerdict, jd_key_verdict, G_TYPE_OBJECT)

enum
{
  VERDICT_PROP_0,
  VERDICT_PROP_KEY,
  VERDICT_PROP_TRIED,
  VERDICT_PROP_STATUS,
  VERDICT_PROP_REASON,
  VERDICT_LAST_PROP
};

static GParamSpec *verdict_pspecs[VERDICT_LAST_PROP];

static void
jd_key_verdict_finalize (GObject *object)
{
  JdKeyVerdict *self = (JdKeyVerdict *)object;

  g_clear_object (&self->key);
  g_free (self->reason);
  G_OBJECT_CLASS (jd_key_verdict_parent_class)->finalize (object);
}

static void
jd_key_verdict_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  JdKeyVerdict *self = JD_KEY_VERDICT (object);

  switch (prop_id)
    {
      case VERDICT_PROP_KEY:
        g_value_set_object (value, self->key);
        break;
      case VERDICT_PROP_TRIED:
        g_value_set_boolean (value, self->tried);
        break;
      case VERDICT_PROP_STATUS:
        g_value_set_int (value, self->status);
        break;
      case VERDICT_PROP_REASON:
        g_value_set_string (value, self->reason);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_key_verdict_class_init (JdKeyVerdictClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = jd_key_verdict_finalize;
  object_class->get_property = jd_key_verdict_get_property;

  verdict_pspecs[VERDICT_PROP_KEY] = g_param_spec_object ("key", NULL, NULL, JD_TYPE_KEY, flags);
  verdict_pspecs[VERDICT_PROP_TRIED] = g_param_spec_boolean ("tried", NULL, NULL, FALSE, flags);
  verdict_pspecs[VERDICT_PROP_STATUS]
    = g_param_spec_int ("status", NULL, NULL, JD_SIGNATURE_UNVERIFIED, JD_SIGNATURE_NONE,
                        JD_SIGNATURE_UNVERIFIED, flags);
  verdict_pspecs[VERDICT_PROP_REASON] = g_param_spec_string ("reason", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, VERDICT_LAST_PROP, verdict_pspecs);
}

static void
jd_key_verdict_init (JdKeyVerdict *self)
{
}

JdKey *
jd_key_verdict_get_key (JdKeyVerdict *self)
{
  g_return_val_if_fail (JD_IS_KEY_VERDICT (self), NULL);
  return self->key;
}

gboolean
jd_key_verdict_get_tried (JdKeyVerdict *self)
{
  g_return_val_if_fail (JD_IS_KEY_VERDICT (self), FALSE);
  return self->tried;
}

JdSignatureStatus
jd_key_verdict_get_status (JdKeyVerdict *self)
{
  g_return_val_if_fail (JD_IS_KEY_VERDICT (self), JD_SIGNATURE_UNVERIFIED);
  return self->status;
}

const char *
jd_key_verdict_get_reason (JdKeyVerdict *self)
{
  g_return_val_if_fail (JD_IS_KEY_VERDICT (self), NULL);
  return self->reason;
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
/* JdVerifyResult                                                      */

struct _JdVerifyResult
{
  GObject parent_instance;

  JdSignatureStatus status;
  char *alg;
  char *kid;
  JdKey *key;
  GArray *verdict_data;    /* VerdictData, until get_verdicts() */
  GListStore *verdicts;    /* made on demand */
  GArray *finding_data;    /* FindingData, until get_findings() */
  GPtrArray *findings;     /* made on demand */
  GPtrArray *set_warnings; /* the key set's own findings (leaked private keys …) */
  gboolean secret_found;   /* a well-known secret, not a key of the set, verifies */
  GPtrArray *rows;         /* the keys in the Keys table's order, to name them by row */
};

G_DEFINE_FINAL_TYPE (JdVerifyResult, jd_verify_result, G_TYPE_OBJECT)

static void
jd_verify_result_finalize (GObject *object)
{
  JdVerifyResult *self = (JdVerifyResult *)object;

  g_free (self->alg);
  g_free (self->kid);
  g_clear_object (&self->key);
  g_clear_object (&self->verdicts);
  g_clear_pointer (&self->verdict_data, g_array_unref);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->finding_data, g_array_unref);
  g_clear_pointer (&self->set_warnings, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (jd_verify_result_parent_class)->finalize (object);
}

static void
jd_verify_result_class_init (JdVerifyResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jd_verify_result_finalize;
}

static void
jd_verify_result_init (JdVerifyResult *self)
{
  self->verdict_data = g_array_new (FALSE, TRUE, sizeof (VerdictData));
  g_array_set_clear_func (self->verdict_data, verdict_data_clear);
  self->finding_data = g_array_new (FALSE, TRUE, sizeof (FindingData));
  g_array_set_clear_func (self->finding_data, finding_data_clear);
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
}

static char *key_label (JdVerifyResult *self, JdKey *key);

static void
finding_add (JdVerifyResult *self, const char *id, JdSeverity severity, int rank, const char *claim,
             const char *message, const char *fix)
{
  FindingData f = { id, severity, rank, claim, g_strdup (message), fix, NULL };

  g_assert (self->findings == NULL);
  g_array_append_val (self->finding_data, f);
}

static gboolean
finding_has (JdVerifyResult *self, const char *id)
{
  for (guint i = 0; i < self->finding_data->len; i++)
    if (g_str_equal (g_array_index (self->finding_data, FindingData, i).id, id))
      return TRUE;
  return FALSE;
}

static void
finding_remove (JdVerifyResult *self, const char *id)
{
  for (guint i = 0; i < self->finding_data->len; i++)
    if (g_str_equal (g_array_index (self->finding_data, FindingData, i).id, id))
      {
        g_array_remove_index (self->finding_data, i);
        return;
      }
}

const char *
jd_signature_status_to_string (JdSignatureStatus status)
{
  switch (status)
    {
      case JD_SIGNATURE_VALID:
        return "valid";
      case JD_SIGNATURE_INVALID:
        return "invalid";
      case JD_SIGNATURE_NONE:
        return "none";
      case JD_SIGNATURE_UNVERIFIED:
      default:
        return "unverified";
    }
}

JdSignatureStatus
jd_verify_result_get_status (JdVerifyResult *self)
{
  g_return_val_if_fail (JD_IS_VERIFY_RESULT (self), JD_SIGNATURE_UNVERIFIED);
  return self->status;
}

const char *
jd_verify_result_get_alg (JdVerifyResult *self)
{
  g_return_val_if_fail (JD_IS_VERIFY_RESULT (self), NULL);
  return self->alg;
}

const char *
jd_verify_result_get_kid (JdVerifyResult *self)
{
  g_return_val_if_fail (JD_IS_VERIFY_RESULT (self), NULL);
  return self->kid;
}

JdKey *
jd_verify_result_get_key (JdVerifyResult *self)
{
  g_return_val_if_fail (JD_IS_VERIFY_RESULT (self), NULL);
  return self->key;
}

gboolean
jd_verify_result_get_secret_found (JdVerifyResult *self)
{
  g_return_val_if_fail (JD_IS_VERIFY_RESULT (self), FALSE);
  return self->secret_found;
}

GListModel *
jd_verify_result_get_verdicts (JdVerifyResult *self)
{
  g_return_val_if_fail (JD_IS_VERIFY_RESULT (self), NULL);

  if (self->verdicts == NULL)
    {
      g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < self->verdict_data->len; i++)
        {
          VerdictData *d = &g_array_index (self->verdict_data, VerdictData, i);
          JdKeyVerdict *v = g_object_new (JD_TYPE_KEY_VERDICT, NULL);
          v->key = g_steal_pointer (&d->key);
          v->tried = d->tried;
          v->status = d->status;
          v->reason = g_steal_pointer (&d->reason);
          g_ptr_array_add (items, v);
        }
      g_array_set_size (self->verdict_data, 0);
      self->verdicts = g_list_store_new (JD_TYPE_KEY_VERDICT);
      g_list_store_splice (self->verdicts, 0, 0, items->pdata, items->len);
    }
  return G_LIST_MODEL (self->verdicts);
}

GPtrArray *
jd_verify_result_get_findings (JdVerifyResult *self)
{
  g_return_val_if_fail (JD_IS_VERIFY_RESULT (self), NULL);

  if (self->findings == NULL)
    {
      self->findings = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < self->finding_data->len; i++)
        {
          FindingData *f = &g_array_index (self->finding_data, FindingData, i);
          if (f->valid_key)
            {
              g_autofree char *label = key_label (self, f->valid_key);
              g_free (f->message);
              f->message
                = g_strdup_printf (_ ("The %s signature verifies with %s."), self->alg, label);
            }
          jd_findings_add (self->findings, f->id, f->severity, f->rank, f->claim, f->message,
                           f->fix);
        }
      g_array_set_size (self->finding_data, 0);
      /* Set-level warnings travel with the verification, so every report
       * that shows its findings also shows a JWKS that leaks private keys. */
      for (guint i = 0; self->set_warnings && i < self->set_warnings->len; i++)
        g_ptr_array_add (self->findings, g_object_ref (g_ptr_array_index (self->set_warnings, i)));
    }
  return self->findings;
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

typedef struct
{
  JdVerifyResult *result;
  JdToken *token;
  const JdJwa *jwa;
  const guint8 *input;
  gsize input_len;
  const guint8 *sig;
  gsize sig_len;
} Check;

/* A key as the Keys table shows it: its row, its kid (jd-verify-explain.c). */
static char *
key_label (JdVerifyResult *self, JdKey *key)
{
  guint row = 0;

  for (guint i = 0; i < self->rows->len && row == 0; i++)
    if (g_ptr_array_index (self->rows, i) == key)
      row = i + 1;
  return jd_verify_key_name (key, row);
}

char *
jd_verify_result_dup_key_label (JdVerifyResult *self, JdKey *key)
{
  g_return_val_if_fail (JD_IS_VERIFY_RESULT (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return key_label (self, key);
}

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
          g_autofree char *label = key_label (c->result, key);
          g_autofree char *msg = g_strdup_printf (
            _ ("This %s token verifies with the public key %s used as the HMAC secret "
               "(%s). That is the key-confusion attack: the public key is public, so anyone "
               "can forge such tokens, and a verifier that lets the token's alg pick HMAC "
               "while it holds an RSA or EC key accepts them."),
            c->jwa->name, label, _ (form->label));
          finding_add (c->result, JD_FINDING_KEY_CONFUSION, JD_SEVERITY_ERROR, JD_RANK_ALGORITHM,
                       NULL, msg,
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

  if (finding_has (c->result, JD_FINDING_WEAK_SECRET))
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

  finding_add (c->result, JD_FINDING_WEAK_SECRET, JD_SEVERITY_WARNING, JD_RANK_SIGNATURE, NULL, msg,
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
  finding_add (c->result, JD_FINDING_NO_USABLE_KEY, JD_SEVERITY_ERROR, JD_RANK_KID, NULL, msg,
               _ ("Give the key the token's issuer signs with (its JWKS, PEM public key or "
                  "certificate for RS/PS/ES/EdDSA, the shared secret for HS), or fix the key "
                  "or token member named above."));
}

JdVerifyResult *
jd_verify (JdToken *token, JdKeySet *keys, const char *const *allowed_algs)
{
  g_autoptr (JdVerifyResult) result = NULL;
  GArray *verdicts;     /* result->verdict_data */
  GBytes *sig = NULL;   /* owned by the token */
  GBytes *input = NULL; /* owned by the token */
  g_autoptr (GString) invalid_why = NULL;
  g_autofree char *valid_label = NULL;
  const char *alg, *kid;
  guint n_keys, n_tried = 0, n_with_kid = 0, n_kidless_members = 0;
  gboolean kid_in_set = FALSE;
  gboolean confused = FALSE;
  gboolean rejected = FALSE;
  JdKey *wrong_kid_but_valid = NULL;
  JdKey *alternate_ok = NULL;
  JdKey *tried_secret = NULL;
  Check c = { 0 };

  g_return_val_if_fail (JD_IS_TOKEN (token), NULL);
  g_return_val_if_fail (keys == NULL || JD_IS_KEY_SET (keys), NULL);

  result = g_object_new (JD_TYPE_VERIFY_RESULT, NULL);
  alg = jd_token_get_alg (token);
  kid = jd_token_get_kid (token);
  result->alg = g_strdup (alg);
  result->kid = g_strdup (kid);
  result->status = JD_SIGNATURE_UNVERIFIED;

  n_keys = keys ? jd_key_set_get_n_keys (keys) : 0;
  verdicts = result->verdict_data;
  if (keys)
    {
      /* The set's own warnings, and kids shared across its sources. */
      g_autoptr (GPtrArray) cross = jd_key_set_cross_source_duplicates (keys);
      if (jd_key_set_get_warnings (keys)->len > 0 || cross->len > 0)
        {
          result->set_warnings = g_ptr_array_new_with_free_func (g_object_unref);
          jd_findings_merge (result->set_warnings, jd_key_set_get_warnings (keys));
          jd_findings_merge (result->set_warnings, cross);
        }
    }
  for (guint i = 0; i < n_keys; i++)
    {
      VerdictData v
        = { g_object_ref (jd_key_set_get_key (keys, i)), FALSE, JD_SIGNATURE_UNVERIFIED, NULL };
      g_array_append_val (verdicts, v);
      g_ptr_array_add (result->rows, g_object_ref (v.key));
      if (jd_key_get_kid (v.key))
        {
          n_with_kid++;
          if (kid && g_str_equal (jd_key_get_kid (v.key), kid))
            kid_in_set = TRUE;
        }
    }

  /* Unsigned, encrypted or undecodable tokens: nothing to check. */
  if (jd_token_get_kind (token) == JD_TOKEN_KIND_UNSECURED
      || (alg && g_ascii_strcasecmp (alg, "none") == 0))
    {
      result->status = JD_SIGNATURE_NONE;
      for (guint i = 0; i < verdicts->len; i++)
        verdict_set (&g_array_index (verdicts, VerdictData, i), FALSE, JD_SIGNATURE_NONE,
                     g_strdup_printf (_ ("not tried: the token is unsigned (alg \"%s\") and "
                                         "never valid"),
                                      alg ? alg : "none"));
      goto done;
    }
  if (jd_token_get_kind (token) == JD_TOKEN_KIND_JWE)
    {
      for (guint i = 0; i < verdicts->len; i++)
        verdict_set (&g_array_index (verdicts, VerdictData, i), FALSE, JD_SIGNATURE_UNVERIFIED,
                     g_strdup (_ ("not tried: an encrypted token (JWE) has no JWS signature")));
      goto done;
    }

  c.jwa = jd_jwa_lookup (alg);
  sig = jd_token_get_signature (token);
  input = jd_token_get_signing_input (token);
  if (alg == NULL || c.jwa == NULL || sig == NULL || input == NULL)
    {
      const char *why = alg == NULL ? _ ("not tried: the token has no readable alg")
                        : c.jwa == NULL
                          ? NULL
                          : _ ("not tried: the token's signature could not be decoded");
      for (guint i = 0; i < verdicts->len; i++)
        verdict_set (&g_array_index (verdicts, VerdictData, i), FALSE, JD_SIGNATURE_UNVERIFIED,
                     why ? g_strdup (why)
                         : g_strdup_printf (_ ("not tried: \"%s\" is not a JWS algorithm JWT "
                                               "Doctor can verify"),
                                            alg));
      goto done;
    }

  c.result = result;
  c.token = token;
  c.input = g_bytes_get_data (input, &c.input_len);
  c.sig = g_bytes_get_data (sig, &c.sig_len);

  if (!alg_allowed (alg, allowed_algs))
    {
      for (guint i = 0; i < verdicts->len; i++)
        {
          VerdictData *v = &g_array_index (verdicts, VerdictData, i);
          verdict_set (v, FALSE, JD_SIGNATURE_UNVERIFIED,
                       g_strdup_printf (_ ("not tried: %s is not an allowed algorithm, so a "
                                           "verifier refuses the token before it looks at keys"),
                                        alg));
        }
      /* Still name a key-confusion forgery: the allow-list is what stops it. */
      if (jd_jwa_is_hmac (c.jwa))
        for (guint i = 0; i < verdicts->len; i++)
          {
            VerdictData *v = &g_array_index (verdicts, VerdictData, i);
            if (check_key_confusion (&c, v->key, v))
              {
                result->status = JD_SIGNATURE_INVALID;
                break;
              }
          }
      goto done;
    }

  invalid_why = g_string_new (NULL);

  for (guint i = 0; i < verdicts->len; i++)
    {
      VerdictData *v = &g_array_index (verdicts, VerdictData, i);
      JdKey *key = v->key;
      const char *key_kid = jd_key_get_kid (key);
      g_autofree char *misfit = NULL;
      g_autoptr (GError) error = NULL;
      const char *prefix;

      if (kid)
        {
          if (key_kid && strcmp (key_kid, kid) != 0)
            {
              const char *near = jd_verify_kid_near_miss (kid, key_kid);
              verdict_set (v, FALSE, JD_SIGNATURE_UNVERIFIED,
                           near ? g_strdup_printf (_ ("kid differs (\"%s\"): %s"), key_kid, near)
                                : g_strdup_printf (_ ("kid differs (\"%s\")"), key_kid));
              continue;
            }
          if (key_kid == NULL && kid_in_set)
            {
              verdict_set (v, FALSE, JD_SIGNATURE_UNVERIFIED,
                           g_strdup (_ ("not tried: it has no kid, and another key has the "
                                        "token's kid")));
              continue;
            }
          /* A verifier selects a key set's members by kid: in a set whose
           * keys have kids, one without a kid is never chosen for a token
           * that names one (RFC 7517 §4.5). */
          if (key_kid == NULL && jd_key_is_set_member (key) && n_with_kid > 0)
            {
              n_kidless_members++;
              verdict_set (v, FALSE, JD_SIGNATURE_UNVERIFIED,
                           g_strdup_printf (_ ("not tried: it has no kid, so a verifier that "
                                               "selects the set's keys by kid never picks it for "
                                               "kid \"%s\""),
                                            kid));
              continue;
            }
          prefix = key_kid ? _ ("matches the token's kid") : _ ("has no kid to compare");
        }
      else
        prefix = _ ("no kid in the token");

      misfit = policy_misfit (c.jwa, key);
      if (misfit)
        {
          if (jd_jwa_is_hmac (c.jwa) && !confused && check_key_confusion (&c, key, v))
            confused = TRUE;
          else if (jd_jwa_is_hmac (c.jwa) && jd_key_is_usable (key) && jd_key_get_secret (key)
                   && g_strcmp0 (jd_key_get_kty (key), "oct") == 0
                   && (jd_key_get_alg (key) == NULL || g_str_equal (jd_key_get_alg (key), alg))
                   && check_hmac_bytes (&c, jd_key_get_secret (key)))
            {
              /* A secret too short for strict verifiers, but the right one. */
              verdict_set (v, FALSE, JD_SIGNATURE_UNVERIFIED,
                           g_strdup_printf (_ ("%s — %s: strict verifiers refuse it, though the "
                                               "MAC matches"),
                                            prefix, misfit));
              add_weak_secret (&c, jd_key_get_secret (key), TRUE, secret_origin (key));
            }
          else
            verdict_set (v, FALSE, JD_SIGNATURE_UNVERIFIED,
                         g_strdup_printf ("%s — %s", prefix, misfit));
          continue;
        }
      if (result->key)
        {
          g_autofree char *label = key_label (result, result->key);
          verdict_set (v, FALSE, JD_SIGNATURE_UNVERIFIED,
                       g_strdup_printf (_ ("%s — not tried: %s already verified the signature"),
                                        prefix, label));
          continue;
        }

      n_tried++;
      if (jd_key_get_secret (key))
        tried_secret = tried_secret ? tried_secret : key;
      if (c.jwa->verify (c.jwa, key, c.input, c.input_len, c.sig, c.sig_len, &error))
        {
          verdict_set (v, TRUE, JD_SIGNATURE_VALID,
                       g_strdup_printf (_ ("%s — signature valid"), prefix));
          result->key = g_object_ref (key);
          result->status = JD_SIGNATURE_VALID;
          tried_secret = jd_key_get_secret (key) ? key : tried_secret;
        }
      else
        {
          GBytes *alternate = jd_key_get_alternate_secret (key);
          verdict_set (v, TRUE, JD_SIGNATURE_INVALID,
                       g_strdup_printf (_ ("%s — signature invalid: %s"), prefix, error->message));
          if (result->status != JD_SIGNATURE_VALID)
            result->status = JD_SIGNATURE_INVALID;
          if (error->code == JD_VERIFY_ERROR_MALFORMED_SIGNATURE && invalid_why->len == 0)
            g_string_append (invalid_why, error->message);
          if (alternate && jd_jwa_is_hmac (c.jwa) && check_hmac_bytes (&c, alternate))
            alternate_ok = key;
        }
    }

  /* Not found by kid: would any key verify if the kid were ignored? */
  if (kid && !kid_in_set && result->status != JD_SIGNATURE_VALID)
    for (guint i = 0; i < verdicts->len && wrong_kid_but_valid == NULL; i++)
      {
        VerdictData *v = &g_array_index (verdicts, VerdictData, i);
        g_autofree char *misfit = NULL;

        if (jd_key_get_kid (v->key) == NULL && (!jd_key_is_set_member (v->key) || n_with_kid == 0))
          continue;
        misfit = policy_misfit (c.jwa, v->key);
        if (misfit == NULL
            && c.jwa->verify (c.jwa, v->key, c.input, c.input_len, c.sig, c.sig_len, NULL))
          {
            wrong_kid_but_valid = v->key;
            verdict_set (v, FALSE, JD_SIGNATURE_UNVERIFIED,
                         jd_key_get_kid (v->key)
                           ? g_strdup_printf (_ ("kid differs (\"%s\") — yet this key verifies "
                                                 "the signature"),
                                              jd_key_get_kid (v->key))
                           : g_strdup (_ ("it has no kid — yet this key verifies the signature")));
          }
      }

  if (kid && !kid_in_set && n_with_kid + n_kidless_members > 0
      && result->status != JD_SIGNATURE_VALID)
    {
      g_autofree char *kids = kid_list (keys);
      g_autofree char *msg = NULL;
      const char *near_kid = NULL;

      for (guint i = 0; i < n_keys && near_kid == NULL; i++)
        if (jd_verify_kid_near_miss (kid, jd_key_get_kid (jd_key_set_get_key (keys, i))))
          near_kid = jd_key_get_kid (jd_key_set_get_key (keys, i));

      if (wrong_kid_but_valid)
        {
          g_autofree char *label = key_label (result, wrong_kid_but_valid);
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
      finding_add (result, JD_FINDING_KID_NOT_FOUND, JD_SEVERITY_ERROR, JD_RANK_KID, "kid", msg,
                   _ ("Fetch the issuer's current JWKS from its jwks_uri and compare; make "
                      "the API refresh its cached JWKS when it meets an unknown kid; check "
                      "that token and API use the same issuer and environment."));
    }

  /* A verifier rejects a token whose bytes are not strict JWS, even when the
   * decoded signature matches. */
  if (result->status == JD_SIGNATURE_VALID)
    {
      /* AWS ALB pads by design and is verified the ALB way (jd-providers.h). */
      const JdTokenProblem *p = jd_providers_strict_problem (token);
      for (guint i = 0; i < 1; i++)
        {
          if (p != NULL)
            {
              g_autofree char *label = key_label (result, result->key);
              g_autofree char *msg = g_strdup_printf (
                _ ("The signature matches %s, but the token is not a strict JWS (%s), so "
                   "verifiers reject it before checking the signature."),
                label, p->message);
              for (guint j = 0; j < verdicts->len; j++)
                {
                  VerdictData *v = &g_array_index (verdicts, VerdictData, j);
                  if (v->key == result->key)
                    verdict_set (v, TRUE, JD_SIGNATURE_INVALID,
                                 g_strdup_printf (_ ("signature matches, but the token is "
                                                     "malformed: %s"),
                                                  p->message));
                }
              finding_add (result, JD_FINDING_SIGNATURE_INVALID, JD_SEVERITY_ERROR,
                           JD_RANK_SIGNATURE, NULL, msg,
                           _ ("Send the token exactly as the issuer produced it: unpadded "
                              "base64url, no spaces, quotes or line breaks."));
              result->status = JD_SIGNATURE_INVALID;
              g_clear_object (&result->key);
              rejected = TRUE;
              break;
            }
        }
    }

  if (result->status == JD_SIGNATURE_VALID)
    {
      /* Its message is written when the findings are asked for. */
      FindingData f
        = { JD_FINDING_SIGNATURE_VALID, JD_SEVERITY_OK, JD_RANK_SIGNATURE, NULL, NULL, NULL,
            g_object_ref (result->key) };
      g_array_append_val (result->finding_data, f);
    }
  else if (n_tried > 0 && !rejected)
    {
      g_autofree char *msg = NULL;
      const char *secret_near = NULL;
      const char *fix;

      if (!alternate_ok && jd_jwa_is_hmac (c.jwa) && tried_secret != NULL)
        secret_near = jd_verify_secret_near_miss (c.jwa, jd_key_get_secret (tried_secret), c.input,
                                                  c.input_len, c.sig, c.sig_len);
      if (is_graph_token (token))
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
      else if (alternate_ok)
        {
          msg = g_strdup_printf (
            jd_key_secret_is_base64 (alternate_ok)
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
                                 alg, secret_origin (tried_secret), secret_near);
          fix = _ ("Make both sides read the secret the same way: strip the newline or spaces a "
                   "file or environment variable added, and decode base64 or hex on both sides "
                   "or on neither.");
        }
      else if (invalid_why->len > 0)
        {
          /* The signature's format is wrong: no key could verify it, so the
           * key is not the suspect. */
          msg = g_strdup_printf (_ ("The %s signature is malformed: %s. Every verifier "
                                    "rejects it, whatever the key."),
                                 alg, invalid_why->str);
          if (g_str_equal (c.jwa->kty, "EC"))
            fix = _ ("Make the signer convert the ECDSA signature from DER to R‖S "
                     "(RFC 7518 §3.4) before base64url-encoding it: a JWS ECDSA signature "
                     "is R‖S, two fixed-length big-endian integers, and signing with "
                     "OpenSSL, Java or .NET returns DER.");
          else
            fix = _ ("Send the signature segment exactly as the issuer produced it: a "
                     "signature of the wrong length was cut, padded, or made for another "
                     "algorithm.");
        }
      else if (jd_jwa_is_hmac (c.jwa))
        {
          msg = g_strdup_printf (_ ("The %s MAC does not match: the token was signed with a "
                                    "different secret, or altered after signing.%s%s"),
                                 alg, invalid_why->len ? " " : "", invalid_why->str);
          fix = _ ("Compare the secret byte for byte with the issuer's (watch for trailing "
                   "newlines, quotes, and text versus base64).");
        }
      else
        {
          msg = g_strdup_printf (_ ("The %s signature does not verify: the token was signed "
                                    "with a different private key than the public key checked "
                                    "here, or it was altered after signing.%s%s"),
                                 alg, invalid_why->len ? " " : "", invalid_why->str);
          fix = _ ("Check that the JWKS or public key belongs to the token's issuer and "
                   "environment, and that nothing rewrote the token on the way.");
        }
      finding_add (result, JD_FINDING_SIGNATURE_INVALID, JD_SEVERITY_ERROR, JD_RANK_SIGNATURE, NULL,
                   msg, fix);
    }
  else if (n_keys > 0 && !confused && !(kid && !kid_in_set && n_with_kid + n_kidless_members > 0))
    add_no_usable_key (&c, verdicts);

  /* A key-confusion forgery is a failed verification, whatever else. */
  if (confused && result->status != JD_SIGNATURE_VALID)
    result->status = JD_SIGNATURE_INVALID;

  if (jd_jwa_is_hmac (c.jwa))
    {
      if (tried_secret)
        add_weak_secret (&c, jd_key_get_secret (tried_secret), result->status == JD_SIGNATURE_VALID,
                         secret_origin (tried_secret));
      if (result->status != JD_SIGNATURE_VALID)
        for (guint i = 0; i < G_N_ELEMENTS (well_known_secrets); i++)
          if (jd_jwa_hmac_check (c.jwa, well_known_secrets[i], strlen (well_known_secrets[i]),
                                 c.input, c.input_len, c.sig, c.sig_len, NULL))
            {
              g_autoptr (GBytes) s
                = g_bytes_new_static (well_known_secrets[i], strlen (well_known_secrets[i]));
              /* Replaces a weaker weak-secret finding about the user's secret. */
              finding_remove (result, JD_FINDING_WEAK_SECRET);
              add_weak_secret (&c, s, TRUE, _ ("found by trying well-known secrets"));
              result->secret_found = TRUE;
              break;
            }
    }

done:
  /* verdicts is result->verdict_data: nothing to hand over. */
  return g_steal_pointer (&result);
}
