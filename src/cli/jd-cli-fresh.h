/* jd-cli-fresh.h — jwt-doctor-cli --fresh-token GRANT: get a fresh token
 * from the token endpoint, to diagnose and compare with the failing one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "jd-net-token.h"
#include "jd-token.h"

G_BEGIN_DECLS

typedef struct
{
  char *grant;
  char *token_endpoint;
  char *client_id;
  char *client_secret;
  char *client_secret_file;
  char *client_auth;
  char *client_key;
  char *refresh_token_file;
  char *scope;
  char *audience;
  char *resource;
  gboolean print_token;
} JdCliFresh;

/* The options, to add to the main option context; they fill @fresh. */
GOptionEntry *jd_cli_fresh_option_entries (JdCliFresh *fresh);
void jd_cli_fresh_clear (JdCliFresh *fresh);
gboolean jd_cli_fresh_requested (JdCliFresh *fresh);

/* Gets the token through @fresh_token (the network module's
 * jd_net_fresh_token). @issuer: --iss, or the failing token's iss (for
 * discovery), nullable. On refusal by the token endpoint, NULL with
 * *@refusal set to the explanation and its fix (exit status 1); on any
 * other failure NULL with @error set (exit status 2).
 * Returns: (transfer full) the access token */
char *jd_cli_fresh_get_token (JdCliFresh *fresh, const char *issuer,
                              __typeof__ (jd_net_fresh_token) *fresh_token, int timeout,
                              gboolean insecure, char **refusal, GError **error);

/* The report's note comparing the fresh token (A) with the failing one (B):
 * "fresh token (A) vs argument (B): different audience; …". Returns: (transfer full) */
char *jd_cli_fresh_compare_note (JdToken *fresh, JdToken *failing, const char *failing_source,
                                 gint64 now, gint64 leeway);

G_END_DECLS
