/* jd-key-set.h — a set of keys to verify with, loaded from JWKS, JWK, PEM,
 * X.509 and HMAC secrets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "jd-finding.h"
#include "jd-key.h"

G_BEGIN_DECLS

/* Bytes of key data read at all (a larger file is refused with a message). */
#define JD_KEYS_MAX_SIZE (16 * 1024 * 1024)
/* Keys a JdKeySet holds, across all its loads (one JWKS, PEM file or
 * certificate map, or several loaded one after another); real sets hold a
 * handful. The first ones are read and a jwks-too-many-keys warning says
 * how many were given. A secret (jd_key_set_add_secret) is always added. */
#define JD_KEYS_MAX_KEYS 1000

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
