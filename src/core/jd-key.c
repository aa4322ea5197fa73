/* jd-key.c — JdKey: one key to verify with, its properties, accessors,
 * RFC 7638 thumbprint and whether it can verify
 *
 * Keys are made by the importers (jd-key-import*.c) and gathered by
 * JdKeySet (jd-key-set.c); both fill the fields jd-key-private.h shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <gnutls/crypto.h>
#include <json-glib/json-glib.h>

#include "jd-base64.h"
#include "jd-key-private.h"

G_DEFINE_QUARK (jd - keys - error - quark, jd_keys_error)

char *
jd_key_sha_b64url (gnutls_digest_algorithm_t algo, gconstpointer data, gsize len)
{
  guint8 out[64];

  if (gnutls_hash_fast (algo, data, len, out) < 0)
    return NULL;
  return jd_base64url_encode (out, gnutls_hash_get_len (algo));
}

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

JdKey *
jd_key_new (const char *source, const char *path)
{
  JdKey *self = g_object_new (JD_TYPE_KEY, NULL);

  self->source = g_strdup (source);
  self->path = g_strdup (path);
  return self;
}

void
jd_key_add_problem (JdKey *self, const char *format, ...)
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

void
jd_key_add_note (JdKey *self, const char *format, ...)
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

void
jd_key_compute_thumbprint (JdKey *self, const char *members[], const char *values[])
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
  self->thumbprint = jd_key_sha_b64url (GNUTLS_DIG_SHA256, json, strlen (json));
}
