/* jd-sign-key.h — a key that can sign: an HMAC secret or a private key
 *
 * The private half (a GnuTLS private key, or the secret's bytes) stays in
 * this object's memory: nothing here prints, logs or saves it. Only the
 * public half can be exported (jd_sign_key_export_public_jwks).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "jd-keys.h"

G_BEGIN_DECLS

#define JD_SIGN_ERROR (jd_sign_error_quark ())
GQuark jd_sign_error_quark (void);

typedef enum
{
  JD_SIGN_ERROR_KEY,    /* no private key / secret in what was given (message says why) */
  JD_SIGN_ERROR_ALG,    /* "none", an unknown algorithm, or one that does not fit the key */
  JD_SIGN_ERROR_INPUT,  /* the header or payload is not a JSON object, or an edit is malformed */
  JD_SIGN_ERROR_CRYPTO, /* GnuTLS refused to sign or to generate */
} JdSignError;

/* Throwaway keys jd_sign_key_generate() makes. */
typedef enum
{
  JD_SIGN_KEY_RSA,     /* RSA 2048 (RS256) */
  JD_SIGN_KEY_EC,      /* EC P-256 (ES256) */
  JD_SIGN_KEY_ED25519, /* OKP Ed25519 (EdDSA) */
} JdSignKeyKind;

#define JD_TYPE_SIGN_KEY (jd_sign_key_get_type ())
G_DECLARE_FINAL_TYPE (JdSignKey, jd_sign_key, JD, SIGN_KEY, GObject)

/* An HMAC secret: its raw bytes (at least one). */
JdSignKey *jd_sign_key_new_secret (gconstpointer secret, gsize len, GError **error);
/* A private key from a PEM block (PKCS#8 "PRIVATE KEY", PKCS#1 "RSA PRIVATE
 * KEY", SEC1 "EC PRIVATE KEY"), a private JWK (RSA, EC, OKP Ed25519, or oct),
 * or a JWKS holding exactly one private key. @source names it in messages
 * ("key.pem"). A public key, certificate or encrypted key is refused with a
 * message saying what was found instead. */
JdSignKey *jd_sign_key_new_from_data (const char *data, gsize len, const char *source,
                                      GError **error);
JdSignKey *jd_sign_key_new_from_file (GFile *file, GError **error);
/* The signing half of a key loaded on the Keys page: an HMAC secret or
 * oct JWK, or a key loaded from a private PEM / private JWK. */
JdSignKey *jd_sign_key_new_from_key (JdKey *key, GError **error);
/* A new throwaway key; its kid is its RFC 7638 thumbprint. */
JdSignKey *jd_sign_key_generate (JdSignKeyKind kind, GError **error);
/* "rsa", "ec", "ed25519" (as the CLI spells them); FALSE for anything else. */
gboolean jd_sign_key_kind_from_string (const char *text, JdSignKeyKind *kind);

/* The public half as a JdKey (for oct keys: the secret key itself), with
 * kty, crv, bits and thumbprint; it verifies what this key signs. */
JdKey *jd_sign_key_get_public (JdSignKey *self);   /* (transfer none) */
const char *jd_sign_key_get_kty (JdSignKey *self); /* "RSA", "EC", "OKP", "oct" */
/* The kid put into the header: the JWK's "kid", or for a generated key its
 * RFC 7638 thumbprint; NULL for PEM keys and secrets (the header's kid is
 * then left as the user wrote it). */
const char *jd_sign_key_get_kid (JdSignKey *self);
/* Where the key came from: the file name, "secret", "generated". */
const char *jd_sign_key_get_source (JdSignKey *self);
gboolean jd_sign_key_is_generated (JdSignKey *self);
/* "RSA 2048", "EC P-256", "OKP Ed25519", "oct 256-bit secret". */
char *jd_sign_key_describe (JdSignKey *self);

/* The algorithms this key can make, in jd_verify_get_algorithms() order
 * (NULL-terminated, transfer full). */
GStrv jd_sign_key_list_algs (JdSignKey *self);
/* NULL when @alg fits; otherwise why not (translated), e.g. "an EC P-256
 * key cannot make RS256 signatures: RS256 needs an RSA key". Refuses "none". */
char *jd_sign_key_misfit (JdSignKey *self, const char *alg);
/* The algorithm to sign with: @requested when given (an error when it does
 * not fit); otherwise @header_alg when it fits (re-signing keeps the
 * token's algorithm); otherwise the JWK's "alg", else the key's natural
 * one (RS256, ES256/ES384/ES512 by curve, EdDSA, HS256). */
char *jd_sign_key_choose_alg (JdSignKey *self, const char *requested, const char *header_alg,
                              GError **error);

/* {"keys":[ the public JWK with kid, "use":"sig" and "alg" when given ]},
 * pretty-printed. An error for HMAC secrets (they have no public half).
 * @alg may be NULL. */
char *jd_sign_key_export_public_jwks (JdSignKey *self, const char *alg, GError **error);

G_END_DECLS
