/* jd-fresh-token-dialog.h — "Get a Fresh Token": the grant, the client and
 * its secret, the parameters; the device code shown while waiting; the
 * token endpoint's refusal explained with its fix
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "jd-session.h"

G_BEGIN_DECLS

#define JD_TYPE_FRESH_TOKEN_DIALOG (jd_fresh_token_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JdFreshTokenDialog, jd_fresh_token_dialog, JD, FRESH_TOKEN_DIALOG, AdwWindow)

/* @issuer: the failing token's iss, for discovery when no token endpoint
 * is typed (nullable). The "token-received" signal carries the access
 * token (a string that the receiver copies; it is wiped afterwards), and
 * the dialog closes. */
JdFreshTokenDialog *jd_fresh_token_dialog_new (GtkWindow *parent, JdSession *session,
                                               const char *issuer);

/* For tests: the rows by their field name ("grant", "token-endpoint",
 * "client-id", "client-secret", "client-auth", "refresh-token",
 * "client-key", "scope", "audience", "resource"), the state shown. */
GtkWidget *jd_fresh_token_dialog_get_row (JdFreshTokenDialog *self, const char *name);
const char *jd_fresh_token_dialog_get_status (JdFreshTokenDialog *self);
const char *
jd_fresh_token_dialog_get_code (JdFreshTokenDialog *self); /* the device user code, nullable */
gboolean jd_fresh_token_dialog_get_busy (JdFreshTokenDialog *self);
/* Starts the request, as the Get Token button does. */
void jd_fresh_token_dialog_start (JdFreshTokenDialog *self);

G_END_DECLS
