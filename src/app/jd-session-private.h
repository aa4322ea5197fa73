/* jd-session-private.h — what jd-session.c and jd-session-net.c share
 *
 * JdSession is one type in two files: jd-session.c holds the text, keys
 * and diagnosis; jd-session-net.c the keys and requests from the network,
 * in a JdSessionNet the session owns.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "jd-session.h"

G_BEGIN_DECLS

typedef struct _JdSessionNet JdSessionNet;

/* jd-session-net.c */
JdSessionNet *jd_session_net_new (void);
/* Cancels what is on its way and frees @net. */
void jd_session_net_free (JdSessionNet *net);
/* A new token: what the fetched key set says of it, without a refresh
 * (the caller refreshes). */
void jd_session_net_token_changed (JdSession *self);

/* jd-session.c */
JdSessionNet *jd_session_get_net (JdSession *self);
/* jd_session_set_extra_findings() without the refresh: TRUE when the
 * findings of @origin changed. */
gboolean jd_session_put_extra_findings (JdSession *self, const char *origin, GPtrArray *findings);

G_END_DECLS
