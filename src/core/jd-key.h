/* jd-key.h — one key to verify with: a JWK, a PEM or DER key, a certificate
 * or an HMAC secret, with what is wrong with it
 *
 * Keys are made by loading a JdKeySet (jd-key-set.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define JD_KEYS_ERROR (jd_keys_error_quark ())
GQuark jd_keys_error_quark (void);

typedef enum
{
  JD_KEYS_ERROR_FORMAT,  /* not a JWK, JWKS, PEM or certificate at all */
  JD_KEYS_ERROR_INVALID, /* recognised but unusable (message says why) */
  JD_KEYS_ERROR_TOO_LARGE,
} JdKeysError;

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

G_END_DECLS
