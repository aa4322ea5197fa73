/* jd-key-import.h — what every key importer shares: base64 with messages
 * that name the member, a GnuTLS public key or certificate adopted into a
 * JdKey, and an HMAC secret typed by the user
 *
 * The importers per format are jd-key-import-jwk.c (JWK, x5c) and
 * jd-key-import-pem.c (PEM, DER, PKCS#1, X.509).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gnutls/x509.h>

#include "jd-key-private.h"

G_BEGIN_DECLS

typedef enum
{
  JD_KEY_B64_URL, /* RFC 7515 base64url without padding, strict (JWK members) */
  JD_KEY_B64_ANY, /* either alphabet, padding, whitespace (PEM bodies, x5c, user secrets) */
} JdKeyB64Mode;

/* Decodes with jd_base64url_decode_lenient (). JD_KEY_B64_URL fails on
 * every deviation from strict base64url, as jd_base64url_decode () does;
 * JD_KEY_B64_ANY also skips whitespace. For @secret text (key material)
 * messages name the position and never the byte: they may end up in a CI
 * log. Offsets in messages are byte offsets in @text. */
GBytes *jd_key_b64_decode (const char *text, gsize len, JdKeyB64Mode mode, gboolean secret,
                           GError **error);

/* Fills kty/crv/bits and the thumbprint from a GnuTLS public key (PEM,
 * DER, certificates), taking @pubkey. FALSE with a problem when the type is
 * unsupported. */
gboolean jd_key_adopt_pubkey (JdKey *self, gnutls_pubkey_t pubkey);
/* The certificate's public key, x5t and description (@crt is not taken). */
gboolean jd_key_adopt_certificate (JdKey *self, gnutls_x509_crt_t crt);
/* "@label: subject, issued by …, valid … to …, state" (translated). */
char *jd_key_describe_certificate (gnutls_x509_crt_t crt, const char *label);
/* Sets x5t and x5t#S256 from the DER of @crt. */
void jd_key_read_x5t (JdKey *self, gnutls_x509_crt_t crt);

/* An HMAC secret typed by the user: @text as bytes, or base64/base64url-
 * decoded when @is_base64. NULL with an error when it is empty or not
 * base64. */
JdKey *jd_key_new_user_secret (const char *text, gsize len, gboolean is_base64, GError **error);

G_END_DECLS
