/* jd-keys.c — keys to verify with: JWK, JWKS, PEM, X.509, HMAC secrets
 *
 * Every key of a set is loaded on its own: a broken key keeps its place in
 * the set with a problem that names the member ("keys[2]: \"x\" …"), so one
 * bad entry never hides the others. Key types are a table looked up by
 * "kty", as latchset/jose does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <gnutls/crypto.h>
#include <gnutls/x509.h>
#include <json-glib/json-glib.h>

#include "jd-base64.h"
#include "jd-file-read.h"
#include "jd-json.h"
#include "jd-key-checks.h"
#include "jd-keys-private.h"

G_DEFINE_QUARK (jd - keys - error - quark, jd_keys_error)

/* ------------------------------------------------------------------ */
/* base64 / base64url (jd-base64.c decodes; this names the member)     */

typedef enum
{
  B64_URL, /* RFC 7515 base64url without padding, strict (JWK members) */
  B64_ANY, /* either alphabet, padding, whitespace (PEM bodies, x5c, user secrets) */
} B64Mode;

/* The offset in @text of the @n-th byte that is not whitespace. */
static gsize
offset_with_space (const char *text, gsize len, gsize n)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (text[i]) && n-- == 0)
      return i;
  return len;
}

/* A message about a base64 error at @offset of @text. For @secret text
 * (key material) it names the position and never the byte: the message
 * may end up in a CI log. */
static void
set_b64_error (GError **error, const char *text, gsize len, B64Mode mode, gboolean secret, int code,
               gsize offset, gsize n_symbols)
{
  g_autofree char *what = NULL;

  switch (code)
    {
      case JD_BASE64_ERROR_INVALID_LENGTH:
        g_set_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_INVALID,
                     mode == B64_URL
                       ? _ ("%zu characters cannot be base64url (one too many or too few)")
                       : _ ("%zu characters cannot be base64 (one too many or too few)"),
                     n_symbols);
        return;
      case JD_BASE64_ERROR_PADDING:
        /* '=' carries no key bits: naming it tells nothing about a secret. */
        g_set_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_INVALID,
                     mode == B64_URL
                       ? _ ("byte %zu: '=' padding is not allowed in base64url")
                       : _ ("byte %zu: '=' padding does not complete a group of four"),
                     offset);
        return;
      case JD_BASE64_ERROR_STANDARD_ALPHABET:
        if (secret || offset >= len)
          g_set_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_INVALID,
                       _ ("byte %zu is standard base64, not base64url (which writes '-' and '_' "
                          "for '+' and '/')"),
                       offset);
        else
          g_set_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_INVALID,
                       _ ("byte %zu: '%c' is standard base64, not base64url (use '%c')"), offset,
                       text[offset], text[offset] == '+' ? '-' : '_');
        return;
      case JD_BASE64_ERROR_TRAILING_BITS:
        g_set_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_INVALID,
                     _ ("byte %zu: the last character carries bits that no encoder writes "
                        "(not canonical base64url)"),
                     offset);
        return;
      default:
        break;
    }

  if (secret || offset >= len)
    g_set_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_INVALID,
                 mode == B64_URL ? _ ("byte %zu is not a base64url character")
                                 : _ ("byte %zu is not a base64 character"),
                 offset);
  else
    {
      what = jd_describe_byte (text[offset]);
      g_set_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_INVALID,
                   mode == B64_URL ? _ ("byte %zu: %s is not a base64url character")
                                   : _ ("byte %zu: %s is not a base64 character"),
                   offset, what);
    }
}

/* Decodes with jd_base64url_decode_lenient (). B64_URL fails on every
 * deviation from strict base64url, as jd_base64url_decode () does; B64_ANY
 * also skips whitespace. @secret: see set_b64_error (). Offsets in messages
 * are byte offsets in @text. */
static GBytes *
b64_decode (const char *text, gsize len, B64Mode mode, gboolean secret, GError **error)
{
  g_autoptr (GError) fatal = NULL;
  g_autoptr (GError) problem = NULL;
  g_autofree char *compact = NULL;
  const char *input = text;
  gsize input_len = len;
  gsize offset = 0;
  GBytes *bytes;

  if (mode == B64_ANY)
    {
      compact = g_malloc (len + 1);
      input_len = 0;
      for (gsize i = 0; i < len; i++)
        if (!g_ascii_isspace (text[i]))
          compact[input_len++] = text[i];
      input = compact;
    }

  bytes = jd_base64url_decode_lenient (input, input_len, &offset, &problem, &fatal);
  if (bytes != NULL && (mode == B64_ANY || problem == NULL))
    return bytes;
  g_clear_pointer (&bytes, g_bytes_unref);

  if (mode == B64_ANY)
    offset = offset_with_space (text, len, offset);
  while (input_len > 0 && input[input_len - 1] == '=')
    input_len--;
  set_b64_error (error, text, len, mode, secret, fatal ? fatal->code : problem->code, offset,
                 input_len);
  return NULL;
}

static char *
sha_b64url (gnutls_digest_algorithm_t algo, gconstpointer data, gsize len)
{
  guint8 out[64];

  if (gnutls_hash_fast (algo, data, len, out) < 0)
    return NULL;
  return jd_base64url_encode (out, gnutls_hash_get_len (algo));
}

/* ------------------------------------------------------------------ */
/* JdKey                                                               */

struct _JdKey
{
  GObject parent_instance;

  char *kid;
  char *kty;
  char *crv;
  char *alg;
  char *use;
  char **key_ops;
  guint bits;
  char *thumbprint;
  char *source;
  char *path;
  char *problem;
  char *note;
  char *x5t;
  char *x5t_s256;
  char *cert_info;
  gboolean has_private;
  gboolean user_secret;
  gboolean secret_is_base64;

  gnutls_pubkey_t pubkey;
  GBytes *secret;
  GBytes *alternate_secret;
  char *jwk_json;   /* the JWK as it was given, compact */
  GBytes *original; /* the PEM / DER bytes as loaded */
  GArray *forms;
};

G_DEFINE_FINAL_TYPE (JdKey, jd_key, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_KID,
  PROP_KTY,
  PROP_CRV,
  PROP_ALG,
  PROP_USE,
  PROP_BITS,
  PROP_THUMBPRINT,
  PROP_SOURCE,
  PROP_PROBLEM,
  PROP_NOTE,
  PROP_DESCRIPTION,
  PROP_HAS_PRIVATE_PARTS,
  LAST_PROP
};

static GParamSpec *key_pspecs[LAST_PROP];

static void
key_form_clear (gpointer data)
{
  JdKeyForm *form = data;
  g_clear_pointer (&form->bytes, g_bytes_unref);
}

static void
jd_key_finalize (GObject *object)
{
  JdKey *self = (JdKey *)object;

  g_free (self->kid);
  g_free (self->kty);
  g_free (self->crv);
  g_free (self->alg);
  g_free (self->use);
  g_strfreev (self->key_ops);
  g_free (self->thumbprint);
  g_free (self->source);
  g_free (self->path);
  g_free (self->problem);
  g_free (self->note);
  g_free (self->x5t);
  g_free (self->x5t_s256);
  g_free (self->cert_info);
  g_free (self->jwk_json);
  if (self->pubkey)
    gnutls_pubkey_deinit (self->pubkey);
  g_clear_pointer (&self->secret, g_bytes_unref);
  g_clear_pointer (&self->alternate_secret, g_bytes_unref);
  g_clear_pointer (&self->original, g_bytes_unref);
  g_clear_pointer (&self->forms, g_array_unref);

  G_OBJECT_CLASS (jd_key_parent_class)->finalize (object);
}

static void
jd_key_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  JdKey *self = JD_KEY (object);

  switch (prop_id)
    {
      case PROP_KID:
        g_value_set_string (value, self->kid);
        break;
      case PROP_KTY:
        g_value_set_string (value, self->kty);
        break;
      case PROP_CRV:
        g_value_set_string (value, self->crv);
        break;
      case PROP_ALG:
        g_value_set_string (value, self->alg);
        break;
      case PROP_USE:
        g_value_set_string (value, self->use);
        break;
      case PROP_BITS:
        g_value_set_uint (value, self->bits);
        break;
      case PROP_THUMBPRINT:
        g_value_set_string (value, self->thumbprint);
        break;
      case PROP_SOURCE:
        g_value_set_string (value, self->source);
        break;
      case PROP_PROBLEM:
        g_value_set_string (value, self->problem);
        break;
      case PROP_NOTE:
        g_value_set_string (value, self->note);
        break;
      case PROP_DESCRIPTION:
        g_value_take_string (value, jd_key_describe (self));
        break;
      case PROP_HAS_PRIVATE_PARTS:
        g_value_set_boolean (value, self->has_private);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_key_class_init (JdKeyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = jd_key_finalize;
  object_class->get_property = jd_key_get_property;

  key_pspecs[PROP_KID] = g_param_spec_string ("kid", NULL, NULL, NULL, flags);
  key_pspecs[PROP_KTY] = g_param_spec_string ("kty", NULL, NULL, NULL, flags);
  key_pspecs[PROP_CRV] = g_param_spec_string ("crv", NULL, NULL, NULL, flags);
  key_pspecs[PROP_ALG] = g_param_spec_string ("alg", NULL, NULL, NULL, flags);
  key_pspecs[PROP_USE] = g_param_spec_string ("use", NULL, NULL, NULL, flags);
  key_pspecs[PROP_BITS] = g_param_spec_uint ("bits", NULL, NULL, 0, G_MAXUINT, 0, flags);
  key_pspecs[PROP_THUMBPRINT] = g_param_spec_string ("thumbprint", NULL, NULL, NULL, flags);
  key_pspecs[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, flags);
  key_pspecs[PROP_PROBLEM] = g_param_spec_string ("problem", NULL, NULL, NULL, flags);
  key_pspecs[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);
  key_pspecs[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  key_pspecs[PROP_HAS_PRIVATE_PARTS]
    = g_param_spec_boolean ("has-private-parts", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, LAST_PROP, key_pspecs);
}

static void
jd_key_init (JdKey *self)
{
}

static JdKey *
key_new (const char *source, const char *path)
{
  JdKey *self = g_object_new (JD_TYPE_KEY, NULL);

  self->source = g_strdup (source);
  self->path = g_strdup (path);
  return self;
}

/* The first problem wins; it is prefixed with the key's path. */
G_GNUC_PRINTF (2, 3)
static void
key_set_problem (JdKey *self, const char *format, ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  if (self->problem)
    return;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);

  if (self->path)
    self->problem = g_strdup_printf ("%s: %s", self->path, msg);
  else
    self->problem = g_steal_pointer (&msg);
}

G_GNUC_PRINTF (2, 3)
static void
key_add_note (JdKey *self, const char *format, ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);

  if (self->note)
    {
      char *joined = g_strdup_printf ("%s; %s", self->note, msg);
      g_free (self->note);
      self->note = joined;
    }
  else
    self->note = g_steal_pointer (&msg);
}

const char *
jd_key_get_kid (JdKey *self)
{
  g_return_val_if_fail (JD_IS_KEY (self), NULL);
  return self->kid;
}

const char *
jd_key_get_kty (JdKey *self)
{
  g_return_val_if_fail (JD_IS_KEY (self), NULL);
  return self->kty;
}

const char *
jd_key_get_crv (JdKey *self)
{
  g_return_val_if_fail (JD_IS_KEY (self), NULL);
  return self->crv;
}

const char *
jd_key_get_alg (JdKey *self)
{
  g_return_val_if_fail (JD_IS_KEY (self), NULL);
  return self->alg;
}

const char *
jd_key_get_use (JdKey *self)
{
  g_return_val_if_fail (JD_IS_KEY (self), NULL);
  return self->use;
}

guint
jd_key_get_bits (JdKey *self)
{
  g_return_val_if_fail (JD_IS_KEY (self), 0);
  return self->bits;
}

const char *
jd_key_get_thumbprint (JdKey *self)
{
  g_return_val_if_fail (JD_IS_KEY (self), NULL);
  return self->thumbprint;
}

const char *
jd_key_get_source (JdKey *self)
{
  g_return_val_if_fail (JD_IS_KEY (self), NULL);
  return self->source;
}

const char *
jd_key_get_problem (JdKey *self)
{
  g_return_val_if_fail (JD_IS_KEY (self), NULL);
  return self->problem;
}

const char *
jd_key_get_note (JdKey *self)
{
  g_return_val_if_fail (JD_IS_KEY (self), NULL);
  return self->note;
}

gboolean
jd_key_has_private_parts (JdKey *self)
{
  g_return_val_if_fail (JD_IS_KEY (self), FALSE);
  return self->has_private;
}

GBytes *
jd_key_dup_private_source (JdKey *self)
{
  g_return_val_if_fail (JD_IS_KEY (self), NULL);
  if (!self->has_private)
    return NULL;
  if (self->jwk_json)
    return g_bytes_new (self->jwk_json, strlen (self->jwk_json));
  return self->original ? g_bytes_ref (self->original) : NULL;
}

const char *
jd_key_get_x5t (JdKey *self)
{
  g_return_val_if_fail (JD_IS_KEY (self), NULL);
  return self->x5t;
}

const char *
jd_key_get_x5t_s256 (JdKey *self)
{
  g_return_val_if_fail (JD_IS_KEY (self), NULL);
  return self->x5t_s256;
}

const char *
jd_key_get_certificate_info (JdKey *self)
{
  g_return_val_if_fail (JD_IS_KEY (self), NULL);
  return self->cert_info;
}

gboolean
jd_key_is_usable (JdKey *self)
{
  g_return_val_if_fail (JD_IS_KEY (self), FALSE);
  return self->problem == NULL && (self->pubkey != NULL || self->secret != NULL);
}

char *
jd_key_describe (JdKey *self)
{
  g_return_val_if_fail (JD_IS_KEY (self), NULL);

  if (self->kty == NULL)
    return g_strdup (_ ("unknown key"));
  if (g_str_equal (self->kty, "oct"))
    return g_strdup_printf (_ ("oct %u-bit secret"), self->bits);
  if (g_str_equal (self->kty, "RSA"))
    return self->bits ? g_strdup_printf ("RSA %u", self->bits) : g_strdup ("RSA");
  if (self->crv)
    return g_strdup_printf ("%s %s", self->kty, self->crv);
  return g_strdup (self->kty);
}

gnutls_pubkey_t
jd_key_get_pubkey (JdKey *self)
{
  g_return_val_if_fail (JD_IS_KEY (self), NULL);
  return self->pubkey;
}

GBytes *
jd_key_get_secret (JdKey *self)
{
  g_return_val_if_fail (JD_IS_KEY (self), NULL);
  return self->secret;
}

GBytes *
jd_key_get_alternate_secret (JdKey *self)
{
  g_return_val_if_fail (JD_IS_KEY (self), NULL);
  return self->alternate_secret;
}

gboolean
jd_key_secret_is_base64 (JdKey *self)
{
  g_return_val_if_fail (JD_IS_KEY (self), FALSE);
  return self->secret_is_base64;
}

gboolean
jd_key_is_user_secret (JdKey *self)
{
  g_return_val_if_fail (JD_IS_KEY (self), FALSE);
  return self->user_secret;
}

const char *
jd_key_get_path (JdKey *self)
{
  g_return_val_if_fail (JD_IS_KEY (self), NULL);
  return self->path;
}

gboolean
jd_key_is_set_member (JdKey *self)
{
  g_return_val_if_fail (JD_IS_KEY (self), FALSE);
  return self->jwk_json != NULL && self->path != NULL;
}

gboolean
jd_key_allows_verify (JdKey *self)
{
  g_return_val_if_fail (JD_IS_KEY (self), FALSE);
  return self->key_ops == NULL || g_strv_contains ((const char *const *)self->key_ops, "verify");
}

static void
forms_add (GArray *forms, const char *label, GBytes *bytes)
{
  JdKeyForm form = { label, NULL };

  if (bytes == NULL || g_bytes_get_size (bytes) == 0)
    return;
  /* Skip duplicates. */
  for (guint i = 0; i < forms->len; i++)
    if (g_bytes_equal (g_array_index (forms, JdKeyForm, i).bytes, bytes))
      return;
  form.bytes = g_bytes_ref (bytes);
  g_array_append_val (forms, form);
}

static void
forms_add_datum (GArray *forms, const char *label, gnutls_datum_t *datum)
{
  g_autoptr (GBytes) bytes = g_bytes_new (datum->data, datum->size);
  forms_add (forms, label, bytes);
}

GArray *
jd_key_get_forms (JdKey *self)
{
  g_return_val_if_fail (JD_IS_KEY (self), NULL);

  if (self->forms == NULL)
    {
      gnutls_datum_t out = { NULL, 0 };

      self->forms = g_array_new (FALSE, TRUE, sizeof (JdKeyForm));
      g_array_set_clear_func (self->forms, key_form_clear);

      if (self->original)
        {
          gsize len;
          const char *data = g_bytes_get_data (self->original, &len);
          forms_add (self->forms, N_ ("the key file's exact bytes"), self->original);
          /* Without the final newline, as a config value would hold it. */
          while (len > 0 && (data[len - 1] == '\n' || data[len - 1] == '\r'))
            len--;
          {
            g_autoptr (GBytes) trimmed = g_bytes_new (data, len);
            forms_add (self->forms, N_ ("the key file's text without its final newline"), trimmed);
          }
        }
      if (self->pubkey && gnutls_pubkey_export2 (self->pubkey, GNUTLS_X509_FMT_PEM, &out) >= 0)
        {
          forms_add_datum (self->forms, N_ ("its PEM text"), &out);
          while (out.size > 0 && out.data[out.size - 1] == '\n')
            out.size--;
          forms_add_datum (self->forms, N_ ("its PEM text without the final newline"), &out);
          gnutls_free (out.data);
        }
      if (self->pubkey && gnutls_pubkey_export2 (self->pubkey, GNUTLS_X509_FMT_DER, &out) >= 0)
        {
          forms_add_datum (self->forms, N_ ("its DER bytes"), &out);
          gnutls_free (out.data);
        }
      if (self->jwk_json)
        {
          g_autoptr (GBytes) json = g_bytes_new (self->jwk_json, strlen (self->jwk_json));
          forms_add (self->forms, N_ ("its JWK JSON"), json);
        }
    }
  return self->forms;
}

/* ------------------------------------------------------------------ */
/* Key material helpers                                                */

static const char *
get_string_member (JsonObject *obj, const char *name, JdKey *key, gboolean *ok)
{
  JsonNode *node = json_object_get_member (obj, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      key_set_problem (key, _ ("\"%s\" must be a string"), name);
      *ok = FALSE;
      return NULL;
    }
  return json_node_get_string (node);
}

/* Members that hold secret key material (RFC 7518 §6.2.2, §6.3.2, §6.4.1). */
static gboolean
is_secret_member (const char *name)
{
  static const char *const members[] = { "k", "d", "p", "q", "dp", "dq", "qi" };

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    if (g_str_equal (name, members[i]))
      return TRUE;
  return FALSE;
}

/* Decodes a required base64url member. NULL with the key's problem set. */
static GBytes *
decode_member (JdKey *key, JsonObject *jwk, const char *name, gboolean required)
{
  g_autoptr (GError) error = NULL;
  gboolean ok = TRUE;
  const char *text = get_string_member (jwk, name, key, &ok);
  GBytes *bytes;

  if (!ok)
    return NULL;
  if (text == NULL)
    {
      if (required)
        key_set_problem (key, _ ("a %s key needs a \"%s\" member"), key->kty, name);
      return NULL;
    }
  /* A secret key's members are not repeated in messages, not even a byte. */
  bytes = b64_decode (text, strlen (text), B64_URL, is_secret_member (name), &error);
  if (bytes == NULL)
    {
      key_set_problem (key, _ ("\"%s\" is not base64url: %s"), name, error->message);
      return NULL;
    }
  if (g_bytes_get_size (bytes) == 0)
    {
      key_set_problem (key, _ ("\"%s\" is empty"), name);
      g_bytes_unref (bytes);
      return NULL;
    }
  return bytes;
}

static guint
bits_of (const guint8 *data, gsize len)
{
  while (len > 0 && data[0] == 0)
    {
      data++;
      len--;
    }
  if (len == 0)
    return 0;
  return (guint)((len - 1) * 8 + g_bit_storage (data[0]));
}

/* ROCA (CVE-2017-15361): moduli made by the vulnerable Infineon library
 * satisfy n mod p ∈ <65537> (mod p) for every small prime p below; random
 * moduli almost never do. The fingerprint of the published detector. */
static gboolean
rsa_has_roca_fingerprint (const guint8 *n, gsize len)
{
  static const guint primes[]
    = { 3,  5,  7,  11, 13, 17,  19,  23,  29,  31,  37,  41,  43,  47,  53,  59,  61,  67,  71,
        73, 79, 83, 89, 97, 101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167 };

  if (len < 64)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (primes); i++)
    {
      guint p = primes[i];
      guint r = 0;
      guint g = 65537 % p;
      guint x = 1;
      gboolean member = FALSE;

      for (gsize j = 0; j < len; j++)
        r = (r * 256 + n[j]) % p;
      for (guint k = 0; k < p; k++)
        {
          if (x == r)
            {
              member = TRUE;
              break;
            }
          x = (x * g) % p;
          if (x == 1 && k > 0)
            break;
        }
      if (!member)
        return FALSE;
    }
  return TRUE;
}

static void
key_set_thumbprint (JdKey *self, const char *members[], const char *values[])
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *json = NULL;

  /* RFC 7638 §3.2: required members only, lexicographic order, no spaces. */
  json_builder_begin_object (builder);
  for (guint i = 0; members[i]; i++)
    {
      json_builder_set_member_name (builder, members[i]);
      json_builder_add_string_value (builder, values[i]);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, FALSE);
  json = json_generator_to_data (gen, NULL);

  g_free (self->thumbprint);
  self->thumbprint = sha_b64url (GNUTLS_DIG_SHA256, json, strlen (json));
}

/* Fills kty/crv/bits and the thumbprint from a GnuTLS public key (PEM,
 * DER, certificates). FALSE with a problem when the type is unsupported. */
static gboolean
key_adopt_pubkey (JdKey *self, gnutls_pubkey_t pubkey)
{
  unsigned int bits = 0;
  int pk = gnutls_pubkey_get_pk_algorithm (pubkey, &bits);

  g_assert (self->pubkey == NULL);
  self->pubkey = pubkey;

  switch (pk)
    {
      case GNUTLS_PK_RSA:
      case GNUTLS_PK_RSA_PSS:
        {
          gnutls_datum_t m = { NULL, 0 }, e = { NULL, 0 };
          g_free (self->kty);
          self->kty = g_strdup ("RSA");
          if (gnutls_pubkey_export_rsa_raw2 (pubkey, &m, &e, GNUTLS_EXPORT_FLAG_NO_LZ) >= 0)
            {
              g_autofree char *n64 = jd_base64url_encode (m.data, m.size);
              g_autofree char *e64 = jd_base64url_encode (e.data, e.size);
              const char *members[] = { "e", "kty", "n", NULL };
              const char *values[] = { e64, "RSA", n64 };
              g_autofree char *bad_e = jd_key_check_rsa_exponent (e.data, e.size);
              self->bits = bits_of (m.data, m.size);
              key_set_thumbprint (self, members, values);
              /* The same check as a JWK's "e" (jwk_import_rsa): PEM, DER and
               * certificates must not let an e = 1 key through. */
              if (bad_e)
                key_set_problem (self, "%s", bad_e);
              if (rsa_has_roca_fingerprint (m.data, m.size))
                key_set_problem (self, _ ("the RSA modulus has the ROCA fingerprint "
                                          "(CVE-2017-15361): it was made by a vulnerable "
                                          "Infineon chip and can be factored"));
              gnutls_free (m.data);
              gnutls_free (e.data);
            }
          return TRUE;
        }
      case GNUTLS_PK_ECDSA:
      case GNUTLS_PK_EDDSA_ED25519:
      case GNUTLS_PK_EDDSA_ED448:
        {
          gnutls_ecc_curve_t curve = GNUTLS_ECC_CURVE_INVALID;
          gnutls_datum_t x = { NULL, 0 }, y = { NULL, 0 };
          const char *crv = NULL;
          guint size = 0;

          if (gnutls_pubkey_export_ecc_raw2 (pubkey, &curve, &x, &y, GNUTLS_EXPORT_FLAG_NO_LZ) < 0)
            {
              key_set_problem (self, _ ("GnuTLS could not read the key's curve point"));
              return FALSE;
            }
          switch (curve)
            {
              case GNUTLS_ECC_CURVE_SECP256R1:
                crv = "P-256", size = 32;
                break;
              case GNUTLS_ECC_CURVE_SECP384R1:
                crv = "P-384", size = 48;
                break;
              case GNUTLS_ECC_CURVE_SECP521R1:
                crv = "P-521", size = 66;
                break;
              case GNUTLS_ECC_CURVE_ED25519:
                crv = "Ed25519", size = 32;
                break;
              case GNUTLS_ECC_CURVE_ED448:
                crv = "Ed448", size = 57;
                break;
              default:
                break;
            }
          g_free (self->kty);
          self->kty = g_strdup (pk == GNUTLS_PK_ECDSA ? "EC" : "OKP");
          if (crv == NULL)
            key_set_problem (self, _ ("curve %s cannot verify JWS signatures"),
                             gnutls_ecc_curve_get_name (curve));
          else
            {
              guint8 xb[66] = { 0 }, yb[66] = { 0 };
              g_autofree char *x64 = NULL;
              g_autofree char *y64 = NULL;

              g_free (self->crv);
              self->crv = g_strdup (crv);
              self->bits = curve == GNUTLS_ECC_CURVE_SECP521R1 ? 521
                           : curve == GNUTLS_ECC_CURVE_ED25519 ? 255
                           : curve == GNUTLS_ECC_CURVE_ED448   ? 448
                                                               : size * 8;
              if (x.size <= size)
                memcpy (xb + size - x.size, x.data, x.size);
              x64 = jd_base64url_encode (pk == GNUTLS_PK_ECDSA ? xb : x.data,
                                         pk == GNUTLS_PK_ECDSA ? size : x.size);
              if (pk == GNUTLS_PK_ECDSA)
                {
                  const char *members[] = { "crv", "kty", "x", "y", NULL };
                  const char *values[] = { crv, "EC", x64, NULL };
                  if (y.size <= size)
                    memcpy (yb + size - y.size, y.data, y.size);
                  y64 = jd_base64url_encode (yb, size);
                  values[3] = y64;
                  key_set_thumbprint (self, members, values);
                }
              else
                {
                  const char *members[] = { "crv", "kty", "x", NULL };
                  const char *values[] = { crv, "OKP", x64 };
                  key_set_thumbprint (self, members, values);
                }
            }
          gnutls_free (x.data);
          gnutls_free (y.data);
          return crv != NULL;
        }
      default:
        key_set_problem (self, _ ("a %s key cannot verify JWS signatures"),
                         gnutls_pk_get_name (pk) ? gnutls_pk_get_name (pk) : "?");
        return FALSE;
    }
}

/* ------------------------------------------------------------------ */
/* Certificates                                                        */

static char *
format_time (time_t t)
{
  g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc ((gint64)t);
  return dt ? g_date_time_format (dt, "%Y-%m-%d") : g_strdup ("?");
}

static char *
describe_certificate (gnutls_x509_crt_t crt, const char *label)
{
  gnutls_datum_t dn = { NULL, 0 }, issuer = { NULL, 0 };
  time_t from = gnutls_x509_crt_get_activation_time (crt);
  time_t until = gnutls_x509_crt_get_expiration_time (crt);
  g_autofree char *from_s = format_time (from);
  g_autofree char *until_s = format_time (until);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *state;
  char *line;

  gnutls_x509_crt_get_dn3 (crt, &dn, 0);
  gnutls_x509_crt_get_issuer_dn3 (crt, &issuer, 0);
  if (now > (gint64)until)
    state = _ ("expired (reported, not enforced)");
  else if (now < (gint64)from)
    state = _ ("not yet valid (reported, not enforced)");
  else
    state = _ ("currently valid");
  line = g_strdup_printf (_ ("%s: %s, issued by %s, valid %s to %s, %s"), label,
                          dn.data ? (char *)dn.data : "?", issuer.data ? (char *)issuer.data : "?",
                          from_s, until_s, state);
  gnutls_free (dn.data);
  gnutls_free (issuer.data);
  return line;
}

static void
key_set_x5t (JdKey *self, gnutls_x509_crt_t crt)
{
  gnutls_datum_t der = { NULL, 0 };

  if (gnutls_x509_crt_export2 (crt, GNUTLS_X509_FMT_DER, &der) < 0)
    return;
  self->x5t = sha_b64url (GNUTLS_DIG_SHA1, der.data, der.size);
  self->x5t_s256 = sha_b64url (GNUTLS_DIG_SHA256, der.data, der.size);
  gnutls_free (der.data);
}

static gboolean
key_adopt_certificate (JdKey *self, gnutls_x509_crt_t crt)
{
  gnutls_pubkey_t pubkey;
  int ret;

  gnutls_pubkey_init (&pubkey);
  ret = gnutls_pubkey_import_x509 (pubkey, crt, 0);
  if (ret < 0)
    {
      gnutls_pubkey_deinit (pubkey);
      key_set_problem (self, _ ("the certificate's public key could not be read: %s"),
                       gnutls_strerror (ret));
      return FALSE;
    }
  key_set_x5t (self, crt);
  g_free (self->cert_info);
  self->cert_info = describe_certificate (crt, _ ("certificate"));
  return key_adopt_pubkey (self, pubkey);
}

/* ------------------------------------------------------------------ */
/* JWK, one table entry per key type                                   */

typedef gboolean (*JdJwkImport) (JdKey *key, JsonObject *jwk);

static gboolean
jwk_import_rsa (JdKey *key, JsonObject *jwk)
{
  static const char *private_members[] = { "d", "p", "q", "dp", "dq", "qi", "oth" };
  g_autoptr (GBytes) n = NULL;
  g_autoptr (GBytes) e = NULL;
  gnutls_datum_t nd, ed;
  gnutls_pubkey_t pubkey;
  const guint8 *ep;
  gsize elen;
  int ret;

  for (guint i = 0; i < G_N_ELEMENTS (private_members); i++)
    if (json_object_has_member (jwk, private_members[i]))
      key->has_private = TRUE;

  if (!(n = decode_member (key, jwk, "n", TRUE)) || !(e = decode_member (key, jwk, "e", TRUE)))
    return FALSE;

  nd.data = (guint8 *)g_bytes_get_data (n, NULL);
  nd.size = g_bytes_get_size (n);
  ed.data = (guint8 *)g_bytes_get_data (e, &elen);
  ed.size = elen;
  ep = ed.data;

  if (nd.data[0] == 0)
    key_add_note (key, _ ("\"n\" starts with a zero byte, which RFC 7518 §6.3.1.1 forbids; "
                          "accepted, but strict libraries refuse this key"));
  {
    g_autofree char *bad_e = jd_key_check_rsa_exponent (ep, elen);
    if (bad_e)
      {
        key_set_problem (key, "%s", bad_e);
        return FALSE;
      }
  }
  if ((nd.data[nd.size - 1] & 1) == 0)
    {
      key_set_problem (key, _ ("\"n\" is even, so it is not an RSA modulus"));
      return FALSE;
    }

  gnutls_pubkey_init (&pubkey);
  ret = gnutls_pubkey_import_rsa_raw (pubkey, &nd, &ed);
  if (ret < 0)
    {
      gnutls_pubkey_deinit (pubkey);
      key_set_problem (key, _ ("GnuTLS refused the RSA numbers: %s"), gnutls_strerror (ret));
      return FALSE;
    }
  key_adopt_pubkey (key, pubkey);
  return TRUE;
}

static const struct
{
  const char *crv;
  gnutls_ecc_curve_t curve;
  guint size;
  gboolean okp;
  gboolean signs;
} curves[] = {
  { "P-256", GNUTLS_ECC_CURVE_SECP256R1, 32, FALSE, TRUE },
  { "P-384", GNUTLS_ECC_CURVE_SECP384R1, 48, FALSE, TRUE },
  { "P-521", GNUTLS_ECC_CURVE_SECP521R1, 66, FALSE, TRUE },
  { "Ed25519", GNUTLS_ECC_CURVE_ED25519, 32, TRUE, TRUE },
  { "Ed448", GNUTLS_ECC_CURVE_ED448, 57, TRUE, TRUE },
  { "X25519", GNUTLS_ECC_CURVE_X25519, 32, TRUE, FALSE },
  { "X448", GNUTLS_ECC_CURVE_X448, 56, TRUE, FALSE },
};

static gboolean
jwk_import_curve (JdKey *key, JsonObject *jwk, gboolean okp)
{
  g_autoptr (GBytes) x = NULL;
  g_autoptr (GBytes) y = NULL;
  gnutls_datum_t xd, yd;
  gnutls_pubkey_t pubkey;
  gboolean ok = TRUE;
  const char *crv;
  guint i;
  int ret;

  if (json_object_has_member (jwk, "d"))
    key->has_private = TRUE;

  crv = get_string_member (jwk, "crv", key, &ok);
  if (!ok)
    return FALSE;
  if (crv == NULL)
    {
      key_set_problem (key, _ ("a %s key needs a \"crv\" member"), key->kty);
      return FALSE;
    }
  key->crv = g_strdup (crv);

  for (i = 0; i < G_N_ELEMENTS (curves); i++)
    if (g_str_equal (curves[i].crv, crv))
      break;
  if (i == G_N_ELEMENTS (curves))
    {
      if (g_str_equal (crv, "secp256k1"))
        key_set_problem (key, _ ("\"crv\" secp256k1 (ES256K) is not supported"));
      else
        key_set_problem (key,
                         okp ? _ ("\"crv\" %s is not Ed25519 or Ed448")
                             : _ ("\"crv\" %s is not P-256, P-384 or P-521"),
                         crv);
      return FALSE;
    }
  if (curves[i].okp != okp)
    {
      key_set_problem (key, _ ("\"crv\" %s belongs to kty \"%s\", not \"%s\""), crv,
                       curves[i].okp ? "OKP" : "EC", key->kty);
      return FALSE;
    }
  if (!curves[i].signs)
    {
      key_set_problem (key,
                       _ ("\"crv\" %s is for key agreement (ECDH-ES); it cannot verify "
                          "signatures"),
                       crv);
      return FALSE;
    }

  if (!(x = decode_member (key, jwk, "x", TRUE)))
    return FALSE;
  if (g_bytes_get_size (x) != curves[i].size)
    {
      key_set_problem (key, _ ("\"crv\" %s needs a %u-byte \"x\", got %zu"), crv, curves[i].size,
                       g_bytes_get_size (x));
      return FALSE;
    }
  if (!okp)
    {
      if (!(y = decode_member (key, jwk, "y", TRUE)))
        return FALSE;
      if (g_bytes_get_size (y) != curves[i].size)
        {
          key_set_problem (key, _ ("\"crv\" %s needs a %u-byte \"y\", got %zu"), crv,
                           curves[i].size, g_bytes_get_size (y));
          return FALSE;
        }
    }

  xd.data = (guint8 *)g_bytes_get_data (x, NULL);
  xd.size = g_bytes_get_size (x);
  gnutls_pubkey_init (&pubkey);
  if (y)
    {
      yd.data = (guint8 *)g_bytes_get_data (y, NULL);
      yd.size = g_bytes_get_size (y);
    }
  ret = gnutls_pubkey_import_ecc_raw (pubkey, curves[i].curve, &xd, y ? &yd : NULL);
  if (ret >= 0 && !okp)
    ret = gnutls_pubkey_verify_params (pubkey);
  if (ret < 0)
    {
      gnutls_pubkey_deinit (pubkey);
      key_set_problem (key,
                       okp ? _ ("\"x\" is not a valid %s public key: %s")
                           : _ ("(\"x\", \"y\") is not a point on %s: %s"),
                       crv, gnutls_strerror (ret));
      return FALSE;
    }
  key_adopt_pubkey (key, pubkey);
  return TRUE;
}

static gboolean
jwk_import_ec (JdKey *key, JsonObject *jwk)
{
  return jwk_import_curve (key, jwk, FALSE);
}

static gboolean
jwk_import_okp (JdKey *key, JsonObject *jwk)
{
  return jwk_import_curve (key, jwk, TRUE);
}

static gboolean
jwk_import_oct (JdKey *key, JsonObject *jwk)
{
  g_autoptr (GBytes) k = NULL;

  /* An oct key is a secret: publishing it is publishing the key. */
  key->has_private = TRUE;
  if (!(k = decode_member (key, jwk, "k", TRUE)))
    return FALSE;
  key->secret = g_steal_pointer (&k);
  key->bits = g_bytes_get_size (key->secret) * 8;
  {
    const char *members[] = { "k", "kty", NULL };
    gboolean ok = TRUE;
    const char *values[] = { get_string_member (jwk, "k", key, &ok), "oct" };
    /* decode_member () above has read "k" as a string. */
    g_assert (ok && values[0] != NULL);
    key_set_thumbprint (key, members, values);
  }
  return TRUE;
}

static const struct
{
  const char *kty;
  JdJwkImport import;
} jwk_types[] = {
  { "RSA", jwk_import_rsa },
  { "EC", jwk_import_ec },
  { "OKP", jwk_import_okp },
  { "oct", jwk_import_oct },
};

static void
jwk_import_x5c (JdKey *key, JsonObject *jwk)
{
  JsonNode *node = json_object_get_member (jwk, "x5c");
  g_autoptr (GString) info = NULL;
  gnutls_x509_crt_t leaf = NULL;
  JsonArray *array;
  guint n;

  if (node == NULL)
    return;
  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) == 0)
    {
      key_set_problem (key, _ ("\"x5c\" must be a non-empty array of base64 certificates"));
      return;
    }
  array = json_node_get_array (node);
  n = json_array_get_length (array);
  info = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *elem = json_array_get_element (array, i);
      g_autoptr (GError) error = NULL;
      g_autoptr (GBytes) der = NULL;
      g_autofree char *label = g_strdup_printf ("x5c[%u]", i);
      g_autofree char *line = NULL;
      gnutls_x509_crt_t crt;
      gnutls_datum_t d;
      int ret;

      if (!JSON_NODE_HOLDS_VALUE (elem) || json_node_get_value_type (elem) != G_TYPE_STRING)
        {
          key_set_problem (key, _ ("\"%s\" must be a string"), label);
          break;
        }
      /* x5c is standard base64 (RFC 7517 §4.7), not base64url. */
      der = b64_decode (json_node_get_string (elem), strlen (json_node_get_string (elem)), B64_ANY,
                        FALSE, &error);
      if (der == NULL)
        {
          key_set_problem (key, _ ("\"%s\" is not base64: %s"), label, error->message);
          break;
        }
      gnutls_x509_crt_init (&crt);
      d.data = (guint8 *)g_bytes_get_data (der, NULL);
      d.size = g_bytes_get_size (der);
      ret = gnutls_x509_crt_import (crt, &d, GNUTLS_X509_FMT_DER);
      if (ret < 0)
        {
          gnutls_x509_crt_deinit (crt);
          key_set_problem (key, _ ("\"%s\" is not an X.509 certificate: %s"), label,
                           gnutls_strerror (ret));
          break;
        }
      line = describe_certificate (crt, label);
      if (info->len)
        g_string_append_c (info, '\n');
      g_string_append (info, line);
      if (i == 0)
        leaf = crt;
      else
        gnutls_x509_crt_deinit (crt);
    }

  if (info->len)
    {
      g_free (key->cert_info);
      key->cert_info = g_string_free (g_steal_pointer (&info), FALSE);
    }
  if (leaf == NULL)
    return;

  key_set_x5t (key, leaf);
  {
    gboolean ok = TRUE;
    const char *x5t = get_string_member (jwk, "x5t", key, &ok);
    const char *x5t256 = get_string_member (jwk, "x5t#S256", key, &ok);
    if (x5t && g_strcmp0 (x5t, key->x5t) != 0)
      key_add_note (key, _ ("\"x5t\" does not match x5c[0]"));
    if (x5t256 && g_strcmp0 (x5t256, key->x5t_s256) != 0)
      key_add_note (key, _ ("\"x5t#S256\" does not match x5c[0]"));
  }

  if (key->pubkey == NULL && key->problem == NULL)
    {
      /* Only a certificate chain: the leaf's key is the key. */
      gnutls_pubkey_t pubkey;
      gnutls_pubkey_init (&pubkey);
      if (gnutls_pubkey_import_x509 (pubkey, leaf, 0) >= 0)
        {
          key_adopt_pubkey (key, pubkey);
          /* RFC 7517 §4.7 allows it; not every verifier reads x5c. */
          key_add_note (key, _ ("no \"n\"/\"e\" or \"x\"/\"y\": the key is the one in the "
                                "certificate x5c[0]. Verifiers that read only the key members "
                                "(many JWKS clients do) cannot use this key"));
        }
      else
        gnutls_pubkey_deinit (pubkey);
    }
  else if (key->pubkey)
    {
      gnutls_pubkey_t pubkey;
      gnutls_datum_t a = { NULL, 0 }, b = { NULL, 0 };
      gnutls_pubkey_init (&pubkey);
      if (gnutls_pubkey_import_x509 (pubkey, leaf, 0) >= 0
          && gnutls_pubkey_export2 (pubkey, GNUTLS_X509_FMT_DER, &a) >= 0
          && gnutls_pubkey_export2 (key->pubkey, GNUTLS_X509_FMT_DER, &b) >= 0
          && (a.size != b.size || memcmp (a.data, b.data, a.size) != 0))
        key_set_problem (key, _ ("the key in x5c[0] differs from the JWK's own members"));
      gnutls_free (a.data);
      gnutls_free (b.data);
      gnutls_pubkey_deinit (pubkey);
    }
  gnutls_x509_crt_deinit (leaf);
}

static JdKey *
key_from_jwk (JsonNode *node, const char *source, const char *path)
{
  JdKey *key = key_new (source, path);
  g_autoptr (JsonGenerator) gen = NULL;
  JsonObject *jwk;
  gboolean ok = TRUE;
  const char *kty;
  JsonNode *ops;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      key_set_problem (key, _ ("a JWK must be a JSON object"));
      return key;
    }
  jwk = json_node_get_object (node);

  gen = json_generator_new ();
  json_generator_set_root (gen, node);
  key->jwk_json = json_generator_to_data (gen, NULL);

  key->kid = g_strdup (get_string_member (jwk, "kid", key, &ok));
  key->alg = g_strdup (get_string_member (jwk, "alg", key, &ok));
  key->use = g_strdup (get_string_member (jwk, "use", key, &ok));
  kty = get_string_member (jwk, "kty", key, &ok);
  key->kty = g_strdup (kty);

  ops = json_object_get_member (jwk, "key_ops");
  if (ops && JSON_NODE_HOLDS_ARRAY (ops))
    {
      JsonArray *array = json_node_get_array (ops);
      GStrvBuilder *b = g_strv_builder_new ();
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *op = json_array_get_element (array, i);
          if (JSON_NODE_HOLDS_VALUE (op) && json_node_get_value_type (op) == G_TYPE_STRING)
            g_strv_builder_add (b, json_node_get_string (op));
        }
      key->key_ops = g_strv_builder_end (b);
      g_strv_builder_unref (b);
    }
  else if (ops && !JSON_NODE_HOLDS_NULL (ops))
    key_set_problem (key, _ ("\"key_ops\" must be an array of strings"));

  if (!ok)
    return key;

  if (kty == NULL)
    {
      key_set_problem (key, _ ("no \"kty\" member: the key type is unknown"));
      return key;
    }
  for (guint i = 0; i < G_N_ELEMENTS (jwk_types); i++)
    if (g_str_equal (jwk_types[i].kty, kty))
      {
        /* RSA and EC keys may come as an x5c chain alone. */
        gboolean members = json_object_has_member (jwk, "n") || json_object_has_member (jwk, "x")
                           || json_object_has_member (jwk, "k")
                           || !json_object_has_member (jwk, "x5c");
        if (members)
          jwk_types[i].import (key, jwk);
        jwk_import_x5c (key, jwk);
        return key;
      }

  if (g_ascii_strcasecmp (kty, "rsa") == 0 || g_ascii_strcasecmp (kty, "ec") == 0
      || g_ascii_strcasecmp (kty, "okp") == 0 || g_ascii_strcasecmp (kty, "oct") == 0)
    key_set_problem (key, _ ("\"kty\" \"%s\" has the wrong case (kty is case-sensitive)"), kty);
  else
    key_set_problem (key, _ ("\"kty\" \"%s\" is not RSA, EC, OKP or oct"), kty);
  return key;
}

/* ------------------------------------------------------------------ */
/* PEM and DER                                                         */

/* SPKI header for an RSA key given as PKCS#1 RSAPublicKey. */
static GBytes *
wrap_pkcs1 (GBytes *pkcs1)
{
  static const guint8 alg_id[]
    = { 0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00 };
  g_autoptr (GByteArray) bitstr = g_byte_array_new ();
  g_autoptr (GByteArray) out = g_byte_array_new ();
  gsize len = g_bytes_get_size (pkcs1);
  guint8 zero = 0;

  /* BIT STRING { 0 unused bits, RSAPublicKey } */
  g_byte_array_append (bitstr, &zero, 1);
  g_byte_array_append (bitstr, g_bytes_get_data (pkcs1, NULL), len);

  {
    guint8 hdr[6];
    gsize n = 0;
    gsize blen = bitstr->len;
    gsize total;

    hdr[n++] = 0x03;
    if (blen < 0x80)
      hdr[n++] = blen;
    else if (blen < 0x100)
      hdr[n++] = 0x81, hdr[n++] = blen;
    else
      hdr[n++] = 0x82, hdr[n++] = blen >> 8, hdr[n++] = blen & 0xff;
    total = sizeof alg_id + n + blen;
    {
      guint8 seq[4];
      gsize m = 0;
      seq[m++] = 0x30;
      if (total < 0x80)
        seq[m++] = total;
      else if (total < 0x100)
        seq[m++] = 0x81, seq[m++] = total;
      else
        seq[m++] = 0x82, seq[m++] = total >> 8, seq[m++] = total & 0xff;
      g_byte_array_append (out, seq, m);
    }
    g_byte_array_append (out, alg_id, sizeof alg_id);
    g_byte_array_append (out, hdr, n);
    g_byte_array_append (out, bitstr->data, bitstr->len);
  }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static gboolean
key_import_spki_der (JdKey *key, GBytes *der)
{
  gnutls_pubkey_t pubkey;
  gnutls_datum_t d = { (guint8 *)g_bytes_get_data (der, NULL), g_bytes_get_size (der) };
  int ret;

  gnutls_pubkey_init (&pubkey);
  ret = gnutls_pubkey_import (pubkey, &d, GNUTLS_X509_FMT_DER);
  if (ret < 0)
    {
      gnutls_pubkey_deinit (pubkey);
      key_set_problem (key, _ ("not a public key GnuTLS can read: %s"), gnutls_strerror (ret));
      return FALSE;
    }
  return key_adopt_pubkey (key, pubkey);
}

static gboolean
key_import_private_der (JdKey *key, GBytes *der)
{
  gnutls_privkey_t priv;
  gnutls_pubkey_t pubkey;
  gnutls_datum_t d = { (guint8 *)g_bytes_get_data (der, NULL), g_bytes_get_size (der) };
  int ret;

  gnutls_privkey_init (&priv);
  ret = gnutls_privkey_import_x509_raw (priv, &d, GNUTLS_X509_FMT_DER, NULL, GNUTLS_PKCS_PLAIN);
  if (ret < 0)
    {
      gnutls_privkey_deinit (priv);
      key_set_problem (key, _ ("a private key GnuTLS cannot read: %s"), gnutls_strerror (ret));
      return FALSE;
    }
  gnutls_pubkey_init (&pubkey);
  ret = gnutls_pubkey_import_privkey (pubkey, priv, 0, 0);
  gnutls_privkey_deinit (priv);
  if (ret < 0)
    {
      gnutls_pubkey_deinit (pubkey);
      key_set_problem (key, _ ("no public key in this private key: %s"), gnutls_strerror (ret));
      return FALSE;
    }
  key->has_private = TRUE;
  key_add_note (key, _ ("a private key: its public half verifies, and it can sign test "
                        "tokens (Edit and Re-sign); keep this file secret"));
  return key_adopt_pubkey (key, pubkey);
}

static gboolean
key_import_certificate_der (JdKey *key, GBytes *der, gboolean quiet)
{
  gnutls_x509_crt_t crt;
  gnutls_datum_t d = { (guint8 *)g_bytes_get_data (der, NULL), g_bytes_get_size (der) };
  gboolean ok;
  int ret;

  gnutls_x509_crt_init (&crt);
  ret = gnutls_x509_crt_import (crt, &d, GNUTLS_X509_FMT_DER);
  if (ret < 0)
    {
      gnutls_x509_crt_deinit (crt);
      if (!quiet)
        key_set_problem (key, _ ("not an X.509 certificate: %s"), gnutls_strerror (ret));
      return FALSE;
    }
  ok = key_adopt_certificate (key, crt);
  gnutls_x509_crt_deinit (crt);
  return ok;
}

static JdKey *
key_from_pem_block (const char *label, const char *body, gsize body_len, GBytes *block,
                    const char *source, const char *path)
{
  JdKey *key = key_new (source, path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) der = NULL;

  key->original = g_bytes_ref (block);

  /* Skip RFC 1421 headers ("Proc-Type: …") — an encrypted key has them. */
  if (strstr (label, "ENCRYPTED") || g_strstr_len (body, body_len, "Proc-Type:"))
    {
      key_set_problem (key, _ ("an encrypted private key; give the public key or certificate"));
      return key;
    }

  der = b64_decode (body, body_len, B64_ANY, strstr (label, "PRIVATE") != NULL, &error);
  if (der == NULL)
    {
      key_set_problem (key, _ ("the PEM body is not base64: %s"), error->message);
      return key;
    }

  if (g_str_equal (label, "PUBLIC KEY"))
    key_import_spki_der (key, der);
  else if (g_str_equal (label, "RSA PUBLIC KEY"))
    {
      g_autoptr (GBytes) spki = wrap_pkcs1 (der);
      key_import_spki_der (key, spki);
    }
  else if (g_str_equal (label, "CERTIFICATE") || g_str_equal (label, "X509 CERTIFICATE")
           || g_str_equal (label, "TRUSTED CERTIFICATE"))
    key_import_certificate_der (key, der, FALSE);
  else if (g_str_equal (label, "PRIVATE KEY") || g_str_equal (label, "RSA PRIVATE KEY")
           || g_str_equal (label, "EC PRIVATE KEY"))
    key_import_private_der (key, der);
  else
    key_set_problem (key, _ ("a PEM \"%s\" block holds no public key"), label);
  return key;
}

/* ------------------------------------------------------------------ */
/* JdKeySet                                                            */

struct _JdKeySet
{
  GObject parent_instance;

  GPtrArray *keys;
  GPtrArray *warnings;
};

static void jd_key_set_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (JdKeySet, jd_key_set, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      jd_key_set_list_model_init))

enum
{
  SET_PROP_0,
  SET_PROP_N_ITEMS,
  SET_LAST_PROP
};

static GParamSpec *set_pspecs[SET_LAST_PROP];

static GType
jd_key_set_get_item_type (GListModel *model)
{
  return JD_TYPE_KEY;
}

static guint
jd_key_set_get_n_items (GListModel *model)
{
  return JD_KEY_SET (model)->keys->len;
}

static gpointer
jd_key_set_get_item (GListModel *model, guint position)
{
  JdKeySet *self = JD_KEY_SET (model);

  if (position >= self->keys->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->keys, position));
}

static void
jd_key_set_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = jd_key_set_get_item_type;
  iface->get_n_items = jd_key_set_get_n_items;
  iface->get_item = jd_key_set_get_item;
}

static void
jd_key_set_finalize (GObject *object)
{
  JdKeySet *self = (JdKeySet *)object;

  g_ptr_array_unref (self->keys);
  g_ptr_array_unref (self->warnings);
  G_OBJECT_CLASS (jd_key_set_parent_class)->finalize (object);
}

static void
jd_key_set_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  JdKeySet *self = JD_KEY_SET (object);

  switch (prop_id)
    {
      case SET_PROP_N_ITEMS:
        g_value_set_uint (value, self->keys->len);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_key_set_class_init (JdKeySetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jd_key_set_finalize;
  object_class->get_property = jd_key_set_get_property;

  set_pspecs[SET_PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, SET_LAST_PROP, set_pspecs);
}

static void
jd_key_set_init (JdKeySet *self)
{
  self->keys = g_ptr_array_new_with_free_func (g_object_unref);
  self->warnings = g_ptr_array_new_with_free_func (g_object_unref);
}

JdKeySet *
jd_key_set_new (void)
{
  return g_object_new (JD_TYPE_KEY_SET, NULL);
}

guint
jd_key_set_get_n_keys (JdKeySet *self)
{
  g_return_val_if_fail (JD_IS_KEY_SET (self), 0);
  return self->keys->len;
}

JdKey *
jd_key_set_get_key (JdKeySet *self, guint position)
{
  g_return_val_if_fail (JD_IS_KEY_SET (self), NULL);
  g_return_val_if_fail (position < self->keys->len, NULL);
  return g_ptr_array_index (self->keys, position);
}

GPtrArray *
jd_key_set_get_warnings (JdKeySet *self)
{
  g_return_val_if_fail (JD_IS_KEY_SET (self), NULL);
  return self->warnings;
}

GPtrArray *
jd_key_set_get_kids (JdKeySet *self)
{
  GPtrArray *kids;

  g_return_val_if_fail (JD_IS_KEY_SET (self), NULL);

  kids = g_ptr_array_new ();
  for (guint i = 0; i < self->keys->len; i++)
    {
      JdKey *key = g_ptr_array_index (self->keys, i);
      gboolean seen = FALSE;

      if (key->kid == NULL)
        continue;
      for (guint j = 0; j < kids->len && !seen; j++)
        seen = g_str_equal (g_ptr_array_index (kids, j), key->kid);
      if (!seen)
        g_ptr_array_add (kids, key->kid);
    }
  return kids;
}

void
jd_key_set_clear (JdKeySet *self)
{
  guint n;

  g_return_if_fail (JD_IS_KEY_SET (self));

  n = self->keys->len;
  g_ptr_array_set_size (self->keys, 0);
  g_ptr_array_set_size (self->warnings, 0);
  if (n)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), 0, n, 0);
      g_object_notify_by_pspec (G_OBJECT (self), set_pspecs[SET_PROP_N_ITEMS]);
    }
}

static void
jd_key_set_take (JdKeySet *self, GPtrArray *keys)
{
  guint pos = self->keys->len;

  if (keys->len == 0)
    return;
  for (guint i = 0; i < keys->len; i++)
    g_ptr_array_add (self->keys, g_object_ref (g_ptr_array_index (keys, i)));
  g_list_model_items_changed (G_LIST_MODEL (self), pos, 0, keys->len);
  g_object_notify_by_pspec (G_OBJECT (self), set_pspecs[SET_PROP_N_ITEMS]);
}

/* Set-level findings: private material in a JWKS, duplicate kids. */
static void
jd_key_set_check (JdKeySet *self, GPtrArray *keys, const char *source)
{
  g_autoptr (GString) leaks = g_string_new (NULL);
  g_autoptr (GString) dups = g_string_new (NULL);
  guint n_leaks = 0;

  for (guint i = 0; i < keys->len; i++)
    {
      JdKey *key = g_ptr_array_index (keys, i);

      if (key->has_private)
        {
          if (leaks->len)
            g_string_append (leaks, ", ");
          /* Named by row, as the Keys table numbers it (not "keys[0]"). */
          g_string_append_printf (leaks, _ ("key %u"), self->keys->len + i + 1);
          n_leaks++;
        }
      if (key->kid)
        for (guint j = 0; j < i; j++)
          {
            JdKey *other = g_ptr_array_index (keys, j);
            if (g_strcmp0 (other->kid, key->kid) == 0)
              {
                if (dups->len)
                  g_string_append (dups, ", ");
                g_string_append_printf (dups, "\"%s\"", key->kid);
                break;
              }
          }
    }

  if (n_leaks)
    {
      g_autofree char *msg = NULL;

      if (n_leaks == 1 && keys->len == 1 && ((JdKey *)g_ptr_array_index (keys, 0))->path == NULL)
        msg = g_strdup_printf (_ ("%s holds private key material. A JWKS is published for "
                                  "anyone to fetch: if this key is, anyone can sign tokens "
                                  "your API accepts."),
                               source);
      else
        msg = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%s holds private key material (%s). A JWKS is "
                                            "published for anyone to fetch: if this one is, "
                                            "anyone can sign tokens your API accepts.",
                                            "%s holds private key material (%s). A JWKS is "
                                            "published for anyone to fetch: if this one is, "
                                            "anyone can sign tokens your API accepts.",
                                            n_leaks),
                               source, leaks->str);
      jd_findings_add (self->warnings, JD_FINDING_JWKS_PRIVATE_KEY, JD_SEVERITY_WARNING,
                       JD_RANK_KID, NULL, msg,
                       _ ("Publish only the public members (kty, kid, use, alg, n, e / crv, x, y) "
                          "and never oct keys; treat the exposed keys as compromised and rotate "
                          "them now."));
    }
  if (dups->len)
    {
      g_autofree char *msg = g_strdup_printf (
        _ ("%s uses the same kid more than once (%s): a verifier picks one of them and may "
           "pick the wrong one"),
        source, dups->str);
      jd_findings_add (self->warnings, JD_FINDING_DUPLICATE_KID, JD_SEVERITY_WARNING, JD_RANK_KID,
                       NULL, msg,
                       _ ("Give every key in the set its own kid (RFC 7638 thumbprints make "
                          "good kids)."));
    }
}

static gboolean load_pem (const char *data, gsize len, const char *source, const char *path,
                          GPtrArray *keys, guint max, guint *n_unread);

/* More than JD_KEYS_MAX_KEYS: the first ones were read; @first_unread is
 * the path of the next ("keys[1000]"), @total how many the data holds. */
static void
warn_too_many_keys (JdKeySet *self, const char *source, const char *first_unread, guint total)
{
  g_autofree char *msg = NULL;

  g_assert (total > JD_KEYS_MAX_KEYS);

  msg = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      /* Translators: "jwks.json keys[1000]…: the set holds
                                       * 4096 keys; only the first 1000 are read, …" */
                                      "%s %s…: the set holds %u key; only the first %u are read, "
                                      "so a kid among the others is reported as not found",
                                      "%s %s…: the set holds %u keys; only the first %u are read, "
                                      "so a kid among the others is reported as not found",
                                      total),
                         source, first_unread, total, JD_KEYS_MAX_KEYS);
  jd_findings_add (self->warnings, JD_FINDING_JWKS_TOO_MANY_KEYS, JD_SEVERITY_WARNING, JD_RANK_KID,
                   NULL, msg,
                   _ ("An issuer's key set holds a few keys, the current ones and those being "
                      "rotated in or out: check that this is the right file or URL, and retire "
                      "old keys from it."));
}

/* JD_KEYS_MAX_KEYS across loads: the set held @held keys, @source gave
 * @given more, @room of which are read. */
static void
warn_set_full (JdKeySet *self, const char *source, guint held, guint given, guint room)
{
  g_autofree char *msg = NULL;

  g_assert (held + given > JD_KEYS_MAX_KEYS);

  if (room == 0)
    msg = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        /* Translators: "c.jwks: the key set already holds 1000
                                         * keys; of the 600 here none are read (a set holds …" */
                                        "%s: the key set already holds %u keys; of the %u here "
                                        "none are read (a set holds at most %u), so a kid among "
                                        "them is reported as not found",
                                        "%s: the key set already holds %u keys; of the %u here "
                                        "none are read (a set holds at most %u), so a kid among "
                                        "them is reported as not found",
                                        given),
                           source, held, given, JD_KEYS_MAX_KEYS);
  else
    msg = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        /* Translators: "b.jwks: the key set already holds 600
                                         * keys; of the 600 here only the first 400 are read …" */
                                        "%s: the key set already holds %u keys; of the %u here "
                                        "only the first %u are read (a set holds at most %u), so "
                                        "a kid among the others is reported as not found",
                                        "%s: the key set already holds %u keys; of the %u here "
                                        "only the first %u are read (a set holds at most %u), so "
                                        "a kid among the others is reported as not found",
                                        given),
                           source, held, given, room, JD_KEYS_MAX_KEYS);
  jd_findings_add (self->warnings, JD_FINDING_JWKS_TOO_MANY_KEYS, JD_SEVERITY_WARNING, JD_RANK_KID,
                   NULL, msg,
                   _ ("Load only the key set of the token's issuer: keys from other files are "
                      "not needed to check it."));
}

/* How many "-----BEGIN " lines @data holds. */
static guint
count_pem_blocks (const char *data, gsize len)
{
  const char *p = data;
  const char *end = data + len;
  guint n = 0;

  while (p < end && (p = g_strstr_len (p, end - p, "-----BEGIN ")) != NULL)
    {
      n++;
      p += 11;
    }
  return n;
}

static const char *
skip_space (const char *p, const char *end)
{
  /* A UTF-8 byte order mark, then whitespace. */
  if (end - p >= 3 && (guchar)p[0] == 0xef && (guchar)p[1] == 0xbb && (guchar)p[2] == 0xbf)
    p += 3;
  while (p < end && g_ascii_isspace (*p))
    p++;
  return p;
}

static gboolean
load_json (JdKeySet *self, const char *data, gsize len, const char *source, GPtrArray *keys,
           GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (JsonNode) root_owner = NULL;
  JsonNode *root;

  /* Duplicate members keep the last value (RFC 7159 behaviour): one odd key
   * must not sink the whole set. */
  root_owner
    = jd_json_parse (data, len, JD_JSON_ALLOW_DUPLICATES | JD_JSON_ALLOW_BOM, NULL, &local_error);
  if (root_owner == NULL)
    {
      g_set_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_FORMAT, _ ("%s: not valid JSON: %s"), source,
                   local_error->message);
      return FALSE;
    }
  root = root_owner;

  if (JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);
      guint n = json_array_get_length (array);

      for (guint i = 0; i < MIN (n, JD_KEYS_MAX_KEYS); i++)
        {
          g_autofree char *path = g_strdup_printf ("[%u]", i);
          g_autofree char *src = g_strdup_printf ("%s %s", source, path);
          g_ptr_array_add (keys, key_from_jwk (json_array_get_element (array, i), src, path));
        }
      if (n > JD_KEYS_MAX_KEYS)
        {
          g_autofree char *path = g_strdup_printf ("[%u]", JD_KEYS_MAX_KEYS);
          warn_too_many_keys (self, source, path, n);
        }
    }
  else if (JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *obj = json_node_get_object (root);
      JsonNode *keys_node = json_object_get_member (obj, "keys");

      if (keys_node && JSON_NODE_HOLDS_ARRAY (keys_node))
        {
          JsonArray *array = json_node_get_array (keys_node);
          guint n = json_array_get_length (array);

          for (guint i = 0; i < MIN (n, JD_KEYS_MAX_KEYS); i++)
            {
              g_autofree char *path = g_strdup_printf ("keys[%u]", i);
              g_autofree char *src = g_strdup_printf ("%s %s", source, path);
              g_ptr_array_add (keys, key_from_jwk (json_array_get_element (array, i), src, path));
            }
          if (n > JD_KEYS_MAX_KEYS)
            {
              g_autofree char *path = g_strdup_printf ("keys[%u]", JD_KEYS_MAX_KEYS);
              warn_too_many_keys (self, source, path, n);
            }
        }
      else if (keys_node)
        {
          g_set_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_INVALID,
                       _ ("%s: \"keys\" must be an array of JWKs"), source);
          return FALSE;
        }
      else if (json_object_has_member (obj, "kty"))
        g_ptr_array_add (keys, key_from_jwk (root, source, NULL));
      else if (json_object_has_member (obj, "jwks_uri"))
        {
          JsonNode *uri = json_object_get_member (obj, "jwks_uri");

          /* Untrusted: "jwks_uri" may be any JSON value. */
          if (JSON_NODE_HOLDS_VALUE (uri) && json_node_get_value_type (uri) == G_TYPE_STRING)
            g_set_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_FORMAT,
                         _ ("%s is an OpenID provider configuration, not a key set: its keys "
                            "are at %s"),
                         source, json_node_get_string (uri));
          else
            g_set_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_FORMAT,
                         _ ("%s looks like an OpenID provider configuration, not a key set, "
                            "but its \"jwks_uri\" is not a string"),
                         source);
          return FALSE;
        }
      else
        {
          /* {"kid": "-----BEGIN CERTIFICATE-----…"} as Google and Firebase publish. */
          g_autoptr (GList) members = json_object_get_members (obj);
          gboolean all_pem = members != NULL;
          guint n_unread = 0;
          g_autofree char *first_unread = NULL;

          for (GList *l = members; l && all_pem; l = l->next)
            {
              JsonNode *m = json_object_get_member (obj, l->data);
              all_pem = JSON_NODE_HOLDS_VALUE (m) && json_node_get_value_type (m) == G_TYPE_STRING
                        && g_str_has_prefix (json_node_get_string (m), "-----BEGIN ");
            }
          if (!all_pem)
            {
              g_set_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_FORMAT,
                           _ ("%s: a JSON object without \"keys\" or \"kty\" is not a JWK or "
                              "JWKS"),
                           source);
              return FALSE;
            }
          for (GList *l = members; l; l = l->next)
            {
              JsonNode *m = json_object_get_member (obj, l->data);
              g_autoptr (GPtrArray) pem_keys = g_ptr_array_new_with_free_func (g_object_unref);
              g_autofree char *path = g_strdup_printf ("\"%s\"", (char *)l->data);
              g_autofree char *src = g_strdup_printf ("%s %s", source, path);
              const char *pem;
              guint unread = 0;

              /* all_pem above has checked every member; stay safe if one changed. */
              if (!JSON_NODE_HOLDS_VALUE (m) || json_node_get_value_type (m) != G_TYPE_STRING)
                continue;
              pem = json_node_get_string (m);
              /* The keys so far count against the limit. */
              load_pem (pem, strlen (pem), src, path, pem_keys, JD_KEYS_MAX_KEYS - keys->len,
                        &unread);
              for (guint i = 0; i < pem_keys->len; i++)
                {
                  JdKey *k = g_ptr_array_index (pem_keys, i);
                  if (k->kid == NULL)
                    k->kid = g_strdup (l->data);
                  g_ptr_array_add (keys, g_object_ref (k));
                }
              if (unread > 0 && first_unread == NULL)
                first_unread = g_steal_pointer (&path);
              n_unread += unread;
            }
          if (n_unread > 0)
            warn_too_many_keys (self, source, first_unread, keys->len + n_unread);
          return TRUE;
        }
    }
  else
    {
      g_set_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_FORMAT,
                   _ ("%s: JSON that is not an object or array is not a key"), source);
      return FALSE;
    }

  jd_key_set_check (self, keys, source);
  return TRUE;
}

/* Every BEGIN/END block of @data becomes one key. FALSE when there is none. */
static gboolean
load_pem (const char *data, gsize len, const char *source, const char *path, GPtrArray *keys,
          guint max, guint *n_unread)
{
  const char *p = data;
  const char *end = data + len;
  guint n = 0;

  while (p < end)
    {
      const char *begin = g_strstr_len (p, end - p, "-----BEGIN ");
      const char *label_end, *body, *stop, *after;
      g_autofree char *label = NULL;
      g_autofree char *end_marker = NULL;
      g_autofree char *src = NULL;
      g_autofree char *kpath = NULL;
      g_autoptr (GBytes) block = NULL;

      /* At the limit: count what is left, read none of it. */
      if (begin != NULL && n >= max)
        {
          *n_unread += count_pem_blocks (begin, end - begin);
          break;
        }
      if (begin == NULL)
        break;
      label_end = g_strstr_len (begin + 11, end - begin - 11, "-----");
      if (label_end == NULL)
        break;
      label = g_strndup (begin + 11, label_end - begin - 11);
      body = label_end + 5;
      end_marker = g_strdup_printf ("-----END %s-----", label);
      stop = g_strstr_len (body, end - body, end_marker);
      /* The label is quoted in messages: bytes that are not UTF-8 become
       * U+FFFD (such a label is no RFC 7468 label, so nothing matches it). */
      if (!g_utf8_validate (label, -1, NULL))
        {
          char *shown = g_utf8_make_valid (label, -1);
          g_free (label);
          label = shown;
        }
      n++;
      src = n > 1 || path ? g_strdup_printf ("%s #%u", source, n) : g_strdup (source);
      kpath = path ? g_strdup (path) : g_strdup_printf (_ ("PEM block %u"), n);
      if (stop == NULL)
        {
          JdKey *key = key_new (src, kpath);
          key_set_problem (key, _ ("\"-----BEGIN %s-----\" has no matching END line"), label);
          g_ptr_array_add (keys, key);
          break;
        }
      after = stop + strlen (end_marker);
      if (after < end && *after == '\r')
        after++;
      if (after < end && *after == '\n')
        after++;
      block = g_bytes_new (begin, after - begin);
      g_ptr_array_add (keys, key_from_pem_block (label, body, stop - body, block, src, kpath));
      p = after;
    }
  return n > 0;
}

gboolean
jd_key_set_load_data (JdKeySet *self, const char *data, gsize len, const char *source,
                      GError **error)
{
  g_autoptr (GPtrArray) keys = NULL;
  const char *p;
  const char *end;

  g_return_val_if_fail (JD_IS_KEY_SET (self), FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (source == NULL)
    source = _ ("key data");
  if (len > JD_KEYS_MAX_SIZE)
    {
      g_set_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_TOO_LARGE,
                   _ ("%s: %zu bytes is too large for a key set (the limit is %d MiB)"), source,
                   len, JD_KEYS_MAX_SIZE / (1024 * 1024));
      return FALSE;
    }

  keys = g_ptr_array_new_with_free_func (g_object_unref);
  p = skip_space (data, data + len);
  end = data + len;

  if (p == end)
    {
      g_set_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_FORMAT, _ ("%s is empty"), source);
      return FALSE;
    }

  if (*p == '{' || *p == '[' || *p == '"')
    {
      if (!load_json (self, p, end - p, source, keys, error))
        return FALSE;
    }
  else if (g_strstr_len (p, end - p, "-----BEGIN ") != NULL)
    {
      guint n_unread = 0;

      load_pem (p, end - p, source, NULL, keys, JD_KEYS_MAX_KEYS, &n_unread);
      if (n_unread > 0)
        {
          g_autofree char *first = g_strdup_printf (_ ("PEM block %u"), keys->len + 1);
          warn_too_many_keys (self, source, first, keys->len + n_unread);
        }
    }
  else if ((guchar)*data == 0x30)
    {
      g_autoptr (GBytes) der = g_bytes_new (data, len);
      JdKey *key = key_new (source, NULL);

      key->original = g_bytes_ref (der);
      if (!key_import_certificate_der (key, der, TRUE))
        {
          g_autoptr (GBytes) spki = NULL;
          gnutls_pubkey_t pubkey;
          gnutls_datum_t d = { (guint8 *)data, len };

          gnutls_pubkey_init (&pubkey);
          if (gnutls_pubkey_import (pubkey, &d, GNUTLS_X509_FMT_DER) >= 0)
            key_adopt_pubkey (key, pubkey);
          else
            {
              gnutls_pubkey_deinit (pubkey);
              /* Forget what the certificate attempt said, not what the
               * PKCS#1 import finds (a ROCA modulus, say). */
              g_clear_pointer (&key->problem, g_free);
              spki = wrap_pkcs1 (der);
              if (!key_import_spki_der (key, spki))
                {
                  g_object_unref (key);
                  g_set_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_FORMAT,
                               _ ("%s: binary data that is neither a DER certificate nor a DER "
                                  "public key"),
                               source);
                  return FALSE;
                }
            }
        }
      g_ptr_array_add (keys, key);
    }
  else
    {
      const char *dot1 = memchr (p, '.', end - p);
      /* @data need not be NUL-terminated: compare within its length. */
      if (end - p >= 3 && memcmp (p, "eyJ", 3) == 0 && dot1
          && memchr (dot1 + 1, '.', end - dot1 - 1))
        g_set_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_FORMAT,
                     _ ("%s looks like a token, not a key: give the issuer's JWKS, a PEM "
                        "public key or a certificate"),
                     source);
      else
        g_set_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_FORMAT,
                     _ ("%s is not a JWK, a JWKS, a PEM key or a certificate (it starts with "
                        "neither '{', '[' nor \"-----BEGIN\"); for an HMAC secret use the "
                        "secret option"),
                     source);
      return FALSE;
    }

  if (keys->len == 0)
    {
      g_set_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_INVALID, _ ("%s holds no keys"), source);
      return FALSE;
    }

  /* JD_KEYS_MAX_KEYS is per set, across loads: the keys loaded before
   * count, and only the first of these that fit are added. */
  if (self->keys->len + keys->len > JD_KEYS_MAX_KEYS)
    {
      guint room = JD_KEYS_MAX_KEYS - MIN (self->keys->len, JD_KEYS_MAX_KEYS);

      warn_set_full (self, source, self->keys->len, keys->len, room);
      g_ptr_array_set_size (keys, room);
    }

  jd_key_set_take (self, keys);
  return TRUE;
}

gboolean
jd_key_set_load_file (JdKeySet *self, GFile *file, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  const char *contents;
  gsize len = 0;

  g_return_val_if_fail (JD_IS_KEY_SET (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = g_file_get_basename (file);
  /* Bounded: a 1 GB file, /dev/zero or an endless FIFO is refused at
   * JD_KEYS_MAX_SIZE instead of filling memory (jd-file-read.c). */
  bytes = jd_file_read_bounded (file, JD_KEYS_MAX_SIZE, &local_error);
  if (bytes == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
    {
      g_set_error_literal (error, JD_KEYS_ERROR, JD_KEYS_ERROR_TOO_LARGE, local_error->message);
      return FALSE;
    }
  if (bytes == NULL)
    {
      g_autofree char *where = g_file_get_parse_name (file);
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", where,
                   local_error->message);
      return FALSE;
    }
  contents = g_bytes_get_data (bytes, &len);
  return jd_key_set_load_data (self, contents ? contents : "", len, name, error);
}

gboolean
jd_key_set_add_secret (JdKeySet *self, const char *text, gsize len, gboolean is_base64,
                       GError **error)
{
  g_autoptr (JdKey) key = NULL;
  g_autoptr (GBytes) raw = NULL;
  g_autoptr (GPtrArray) keys = NULL;

  g_return_val_if_fail (JD_IS_KEY_SET (self), FALSE);
  g_return_val_if_fail (text != NULL || len == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (len == 0)
    {
      g_set_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_INVALID, _ ("the secret is empty"));
      return FALSE;
    }

  raw = g_bytes_new (text, len);
  key = key_new (is_base64 ? _ ("secret (base64)") : _ ("secret"), NULL);
  key->kty = g_strdup ("oct");
  key->user_secret = TRUE;

  if (is_base64)
    {
      g_autoptr (GError) local_error = NULL;
      g_autoptr (GBytes) decoded = b64_decode (text, len, B64_ANY, TRUE, &local_error);
      if (decoded == NULL)
        {
          g_set_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_INVALID,
                       _ ("the secret is not base64 or base64url: %s"), local_error->message);
          return FALSE;
        }
      if (g_bytes_get_size (decoded) == 0)
        {
          g_set_error (error, JD_KEYS_ERROR, JD_KEYS_ERROR_INVALID,
                       _ ("the secret decodes to nothing"));
          return FALSE;
        }
      key->secret = g_steal_pointer (&decoded);
      key->alternate_secret = g_steal_pointer (&raw);
      key->secret_is_base64 = TRUE;
    }
  else
    {
      key->secret = g_steal_pointer (&raw);
      /* The same text might be meant as base64 (the "text vs base64" mix-up). */
      key->alternate_secret = b64_decode (text, len, B64_ANY, TRUE, NULL);
      if (key->alternate_secret && g_bytes_get_size (key->alternate_secret) == 0)
        g_clear_pointer (&key->alternate_secret, g_bytes_unref);
    }
  key->bits = g_bytes_get_size (key->secret) * 8;
  {
    g_autofree char *k
      = jd_base64url_encode (g_bytes_get_data (key->secret, NULL), g_bytes_get_size (key->secret));
    const char *members[] = { "k", "kty", NULL };
    const char *values[] = { k, "oct" };
    key_set_thumbprint (key, members, values);
  }

  keys = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (keys, g_steal_pointer (&key));
  jd_key_set_take (self, keys);
  return TRUE;
}
