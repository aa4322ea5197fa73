/* jd-cli-options.h — jwt-doctor-cli's command line: the options, and the
 * expectations they give
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "jd-cli-fresh.h"
#include "jd-diagnosis.h"

G_BEGIN_DECLS

typedef struct
{
  char *aud;
  char *iss;
  char *algs;
  char *now;
  int leeway;
  char *token_kind;
  char *jwks;
  char **keys;
  char *secret;
  char *secret_file;
  gboolean secret_base64;
  gboolean discover;
  char *request;
  char *method;
  char **headers;
  gboolean insecure;
  int timeout;
  gboolean json;
  char *color;
  gboolean version;
  gboolean list_messages;
  char **inputs;
  char *sign; /* --sign KEY (jd-cli-sign.c) */
  char *sign_alg;
  char *generate_key;
  char **set;
  char **unset;
  char *jwks_out;
  JdCliFresh fresh; /* --fresh-token and its options (jd-cli-fresh.c) */
} JdCliOptions;

void jd_cli_options_clear (JdCliOptions *o);
/* Parses and removes the options from @argc / @argv into @o (GOptionContext). */
gboolean jd_cli_options_parse (JdCliOptions *o, int *argc, char ***argv, GError **error);
/* The expectations --aud, --iss, --alg, --leeway, --now and --token-kind
 * give, into *@expect (set even on error, for the caller to free);
 * *@now_given when --now was given. */
gboolean jd_cli_options_build_expectations (const JdCliOptions *o, JdExpectations **expect,
                                            gboolean *now_given, GError **error);

G_END_DECLS
