/* jd-net-private.h — shared between the files of src/net
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "jd-net.h"

G_BEGIN_DECLS

void _jd_net_options_resolve (const JdNetOptions *options, JdNetOptions *out);
GUri *_jd_net_parse_url (const char *url, GError **error);
/* 301, 302, 303, 307 or 308. */
gboolean _jd_net_is_redirect (guint status);
/* Whether a header can go on the wire (jd-net-request.c); the error names
 * it without showing its value. */
gboolean _jd_net_check_header (const char *raw_name, const char *value, GError **error);

/* Runs one async call to completion on a private GMainContext:
 *   _jd_net_sync_init (&sync); foo_async (…, _jd_net_sync_done, &sync);
 *   _jd_net_sync_wait (&sync); r = foo_finish (sync.result, error);
 *   _jd_net_sync_clear (&sync); */
typedef struct
{
  GMainContext *context;
  GAsyncResult *result;
} JdNetSync;

void _jd_net_sync_init (JdNetSync *sync);
void _jd_net_sync_done (GObject *source, GAsyncResult *result, gpointer user_data);
void _jd_net_sync_wait (JdNetSync *sync);
void _jd_net_sync_clear (JdNetSync *sync);

G_END_DECLS
