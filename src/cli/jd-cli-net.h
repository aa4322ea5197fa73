/* jd-cli-net.h — jwt-doctor-cli loads the network module (src/net) only
 * when an option asks for the network
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "jd-cli-options.h"
#include "jd-net.h"

G_BEGIN_DECLS

/* src/net and libsoup are loaded only when --jwks URL, --discover or
 * --request asks for the network: every other run starts without them. The
 * module's core symbols resolve to this executable's (export_dynamic). */
typedef struct
{
  __typeof__ (jd_net_fetch_jwks) *fetch_jwks;
  __typeof__ (jd_net_discover) *discover;
  __typeof__ (jd_net_request_new_from_args) *request_new_from_args;
  __typeof__ (jd_net_send) *send;
  __typeof__ (jd_net_response_diagnose) *response_diagnose;
  __typeof__ (jd_remote_keys_get_key_set) *remote_keys_get_key_set;
  __typeof__ (jd_remote_keys_diagnose) *remote_keys_diagnose;
  __typeof__ (jd_net_fresh_token) *fresh_token;
} JdCliNet;

/* The module's functions, once jd_cli_net_load() succeeded. */
extern JdCliNet jd_cli_net;

gboolean jd_cli_net_load (GError **error);
/* Whether @s is an http(s) URL (--jwks URL rather than FILE). */
gboolean jd_cli_is_url (const char *s);
/* --timeout and --insecure as the module's options. */
void jd_cli_net_options (const JdCliOptions *o, JdNetOptions *options);

G_END_DECLS
