/* jd-key-private.h — what the verifier, the importers and the set need from a JdKey
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gnutls/gnutls.h>
#include <gnutls/abstract.h>

#include "jd-key.h"

G_BEGIN_DECLS

/* One way a public key can be written down, for the key-confusion check:
 * a server that feeds "the key" to HMAC feeds one of these byte strings. */
typedef struct
{
  const char *label; /* untranslated, marked for gettext: "its PEM text" … */
  GBytes *bytes;
} JdKeyForm;

/* The GnuTLS public key (RSA, EC, OKP), or NULL (oct keys, unusable keys). */
gnutls_pubkey_t jd_key_get_pubkey (JdKey *self);
/* The HMAC secret of an oct key, or NULL. */
GBytes *jd_key_get_secret (JdKey *self);
/* TRUE for a secret typed by the user (jd_key_set_add_secret), FALSE for
 * an oct JWK. */
gboolean jd_key_is_user_secret (JdKey *self);
/* TRUE when the user gave the secret as base64 (jd_key_get_secret() holds
 * the decoded bytes). */
gboolean jd_key_secret_is_base64 (JdKey *self);
/* FALSE when "key_ops" is present and lacks "verify". */
gboolean jd_key_allows_verify (JdKey *self);
/* The JSON path of the key inside its source ("keys[2]"), nullable. */
const char *jd_key_get_path (JdKey *self);
/* A JWK that is one member of a key set ({"keys": […]} or an array): a
 * verifier picks such keys by kid, unlike one key it was configured with. */
gboolean jd_key_is_set_member (JdKey *self);
/* Byte strings a confused server might use as HMAC secret (element-type
 * JdKeyForm, owned by the key; computed on first use). */
GArray *jd_key_get_forms (JdKey *self);
/* For a secret given as text: the same secret base64-decoded (NULL when
 * the text is not base64); for a base64 secret: its text (NULL when the
 * decoded secret was the text itself). The classic "text vs base64" mix-up. */
GBytes *jd_key_get_alternate_secret (JdKey *self);

/* For a key with private parts, what was loaded: the JWK's JSON or the
 * PEM block, for the signer (jd-sign-key.c) to read the private half
 * from; NULL for public keys. Never print or save it. */
GBytes *jd_key_dup_private_source (JdKey *self);

/* ------------------------------------------------------------------ */
/* For the code that makes keys: jd-key-import*.c and jd-key-set.c     */

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

/* A key read from @source ("jwks.json keys[2]"); @path (nullable) is its
 * place inside it ("keys[2]"), which prefixes its problem. */
JdKey *jd_key_new (const char *source, const char *path);
/* The first problem wins; it is prefixed with the key's path. */
G_GNUC_PRINTF (2, 3)
void jd_key_add_problem (JdKey *self, const char *format, ...);
/* Notes add up, separated by "; ". */
G_GNUC_PRINTF (2, 3)
void jd_key_add_note (JdKey *self, const char *format, ...);
/* The RFC 7638 thumbprint of the NULL-terminated @members (the required
 * members, in lexicographic order) with their @values. */
void jd_key_compute_thumbprint (JdKey *self, const char *members[], const char *values[]);
/* The base64url digest @algo of @data, or NULL. */
char *jd_key_sha_b64url (gnutls_digest_algorithm_t algo, gconstpointer data, gsize len);

G_END_DECLS
