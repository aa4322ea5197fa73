/* jd-cli-keys.h — jwt-doctor-cli's keys: --jwks, --key, --secret,
 * --secret-file and --discover
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "jd-cli-options.h"
#include "jd-keys.h"
#include "jd-net.h"
#include "jd-token.h"

G_BEGIN_DECLS

typedef struct
{
  JdKeySet *keys;
  gboolean have_keys;
  char *secret; /* from --secret or --secret-file, wiped at exit */
  gsize secret_len;
  JdRemoteKeys *remote;   /* --jwks URL */
  GHashTable *discovered; /* issuer -> JdRemoteKeys (--discover) */
} JdCliKeys;

/* Reads the secret and the keys the options give, fetching --jwks URL
 * (the network module must be loaded for it). */
gboolean jd_cli_keys_load (JdCliKeys *self, const JdCliOptions *o, GError **error);
/* Frees what @self holds; the secret is wiped first. */
void jd_cli_keys_clear (JdCliKeys *self);
/* The token's "iss" when it is a string, else NULL. */
const char *jd_cli_token_issuer (JdToken *token);
JdKeySet *jd_cli_keys_for_token (JdCliKeys *self, const JdCliOptions *o, const char *iss,
                                 JdToken *token, JdRemoteKeys **remote, GPtrArray *notes);

G_END_DECLS
