/* jd-key-import-pem.h — keys written as PEM or DER into JdKeys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "jd-key.h"

G_BEGIN_DECLS

/* Every BEGIN/END block of @data becomes one key appended to @keys (of
 * JdKey), named "@source #n"; @path (nullable) is the place of @data in a
 * larger source ("\"kid\"" of a certificate map). Past @max blocks none is
 * read and *@n_unread counts them. FALSE when there is no block. */
gboolean jd_key_import_pem (const char *data, gsize len, const char *source, const char *path,
                            GPtrArray *keys, guint max, guint *n_unread);
/* DER @data: an X.509 certificate, an SPKI public key or a PKCS#1
 * RSAPublicKey. NULL with an error when it is none of them (transfer
 * full). */
JdKey *jd_key_new_from_der (const char *data, gsize len, const char *source, GError **error);

G_END_DECLS
