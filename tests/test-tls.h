/* test-tls.h — a TLS certificate for the tests' SoupServers on 127.0.0.1
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A self-signed ECDSA P-256 certificate and key for 127.0.0.1 (subject
 * alternative name IP 127.0.0.1), valid from an hour ago for a day, made
 * with GnuTLS now. (transfer full) */
GTlsCertificate *jd_test_make_certificate (void);

G_END_DECLS
