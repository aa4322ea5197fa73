/* test-net-util.h — the SoupServers on 127.0.0.1 of test-net and
 * test-net-keys, and what they saw
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "jd-net.h"
#include "test-diagnose-util.h"

G_BEGIN_DECLS

/* Servers, in a thread of their own (the sync API iterates a private
 * main context, so the servers cannot live on the test's context) */
typedef struct
{
  GThread *thread;
  GMainContext *context;
  GMainLoop *loop;
  SoupServer *plain; /* http://127.0.0.1:A */
  SoupServer *other; /* http://127.0.0.1:B, another origin */
  SoupServer *tls;   /* https://127.0.0.1:C, self-signed */
  char *plain_url;   /* without trailing slash */
  char *other_url;
  char *tls_url;
  GMutex lock;
  GCond cond;
  gboolean ready;
  /* what the servers saw, under lock */
  char *last_authorization_plain;
  char *last_authorization_other;
  char *last_cookie_other;
  guint other_hits;
  GPtrArray *paused; /* SoupServerMessage that never get an answer */
} Servers;

/* Set between servers_start() and servers_stop(). */
extern Servers *servers;

void servers_start (void);
void servers_stop (void);
/* The plain server's URL with @path. (transfer full) */
char *url (const char *path);
/* GET @path on the plain server with a bearer token. (transfer full) */
JdRequest *request_with_token (const char *path);

G_END_DECLS
