/* jd-keys.h — keys to verify with: JWK, JWKS, PEM, X.509, HMAC secrets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "jd-finding.h"

G_BEGIN_DECLS

#define JD_KEYS_ERROR (jd_keys_error_quark ())
GQuark jd_keys_error_quark (void);

typedef enum
{
  JD_KEYS_ERROR_FORMAT,  /* not a JWK, JWKS, PEM or certificate at all */
  JD_KEYS_ERROR_INVALID, /* recognised but unusable (message says why) */
  JD_KEYS_ERROR_TOO_LARGE,
} JdKeysError;

/* Bytes of key data read at all (a larger file is refused with a message). */
#define JD_KEYS_MAX_SIZE (16 * 1024 * 1024)
/* Keys a JdKeySet holds, across all its loads (one JWKS, PEM file or
 * certificate map, or several loaded one after another); real sets hold a
 * handful. The first ones are read and a jwks-too-many-keys warning says
 * how many were given. A secret (jd_key_set_add_secret) is always added. */
#define JD_KEYS_MAX_KEYS 1000

#define JD_TYPE_KEY (jd_key_get_type ())
G_DECLARE_FINAL_TYPE (JdKey, jd_key, JD, KEY, GObject)

const char *jd_key_get_kid (JdKey *self);        /* nullable */
const char *jd_key_get_kty (JdKey *self);        /* "RSA", "EC", "OKP", "oct" */
const char *jd_key_get_crv (JdKey *self);        /* nullable */
const char *jd_key_get_alg (JdKey *self);        /* nullable: the JWK's "alg" */
const char *jd_key_get_use (JdKey *self);        /* nullable: "sig" / "enc" */
guint jd_key_get_bits (JdKey *self);             /* modulus / curve / secret size */
const char *jd_key_get_thumbprint (JdKey *self); /* RFC 7638 SHA-256, base64url; nullable */
const char *jd_key_get_source (JdKey *self);     /* "jwks.json #2", "key.pem", "secret" … */
/* NULL when usable; otherwise why this key cannot verify anything (translated). */
const char *jd_key_get_problem (JdKey *self);
/* Notes that do not make it unusable ("n has a leading zero byte"), nullable. */
const char *jd_key_get_note (JdKey *self);
gboolean jd_key_has_private_parts (JdKey *self);
/* A short description: "RSA 2048", "EC P-256", "OKP Ed25519", "oct 256-bit secret". */
char *jd_key_describe (JdKey *self);
/* Certificates (PEM/DER certificate, or a JWK's x5c): base64url SHA-1 and
 * SHA-256 of the leaf's DER (RFC 7517 §4.8/§4.9), nullable. */
const char *jd_key_get_x5t (JdKey *self);
const char *jd_key_get_x5t_s256 (JdKey *self);
/* Subject, issuer, validity and chain of the certificate(s), one line each
 * (translated); dates are reported, not enforced. Nullable. */
const char *jd_key_get_certificate_info (JdKey *self);
/* "RSA", "EC" … and "use" / "key_ops" allow verifying. */
gboolean jd_key_is_usable (JdKey *self);

/* Set-level finding ids (jd_key_set_get_warnings). */
#define JD_FINDING_JWKS_PRIVATE_KEY "jwks-private-key"
#define JD_FINDING_DUPLICATE_KID "duplicate-kid"
#define JD_FINDING_JWKS_TOO_MANY_KEYS "jwks-too-many-keys"

#define JD_TYPE_KEY_SET (jd_key_set_get_type ())
/* A GListModel of JdKey, in load order. */
G_DECLARE_FINAL_TYPE (JdKeySet, jd_key_set, JD, KEY_SET, GObject)

JdKeySet *jd_key_set_new (void);
/* Detects the format: JWKS {"keys": […]}, a bare array of JWKs, one JWK,
 * PEM (PUBLIC KEY, RSA PUBLIC KEY, CERTIFICATE, several blocks), DER
 * certificate. A broken key inside a set is kept with its problem and does
 * not fail the load; FALSE only when nothing could be recognised. */
gboolean jd_key_set_load_data (JdKeySet *self, const char *data, gsize len, const char *source,
                               GError **error);
gboolean jd_key_set_load_file (JdKeySet *self, GFile *file, GError **error);
/* An HMAC secret: @text as UTF-8 bytes, or base64/base64url-decoded when @is_base64. */
gboolean jd_key_set_add_secret (JdKeySet *self, const char *text, gsize len, gboolean is_base64,
                                GError **error);
void jd_key_set_clear (JdKeySet *self);
guint jd_key_set_get_n_keys (JdKeySet *self);
JdKey *jd_key_set_get_key (JdKeySet *self, guint position); /* (transfer none) */
/* The kids of the set, in order, without duplicates (transfer container). */
GPtrArray *jd_key_set_get_kids (JdKeySet *self);
/* Set-level warnings as JdFinding (e.g. a "public" JWKS that leaks private keys). */
GPtrArray *jd_key_set_get_warnings (JdKeySet *self); /* (transfer none) */

G_END_DECLS
