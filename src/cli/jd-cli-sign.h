/* jd-cli-sign.h — the --sign / --generate-key mode of jwt-doctor-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "jd-cli-options.h"
#include "jd-keys.h"

G_BEGIN_DECLS

#define JD_CLI_SIGN_ERROR (jd_cli_sign_error_quark ())
GQuark jd_cli_sign_error_quark (void);

typedef struct
{
  const char *sign;         /* --sign KEY: a private key file, or "secret" */
  const char *generate;     /* --generate-key rsa|ec|ed25519 */
  const char *alg;          /* --sign-alg, nullable */
  const char *const *set;   /* --set NAME=VALUE, nullable */
  const char *const *unset; /* --unset NAME, nullable */
  const char *jwks_out;     /* --jwks-out FILE, nullable */
  JdKeySet *keys;           /* the keys --secret/--secret-file loaded */
  gint64 now;               /* --now or the clock, for relative times */
} JdCliSign;

/* The re-signed token (transfer full), or NULL with an error that names
 * the option and what is wrong. @input is the INPUT's bytes (a token in
 * any paste form), or NULL/empty to start from no claims. */
char *jd_cli_sign_run (const JdCliSign *s, GBytes *input, GError **error);

/* --sign / --generate-key: prints INPUT re-signed, or a usage error
 * (FALSE). @keys: the keys --secret/--secret-file loaded; @now: --now or
 * the clock. */
gboolean jd_cli_sign_main (const JdCliOptions *o, JdKeySet *keys, gint64 now);

G_END_DECLS
