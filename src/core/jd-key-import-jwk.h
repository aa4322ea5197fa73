/* jd-key-import-jwk.h — one JWK into a JdKey
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "jd-key.h"

G_BEGIN_DECLS

/* A key from the JWK @node (any JSON value) read from @source; @path
 * (nullable) is its place in a set ("keys[2]"). Never NULL: a broken JWK
 * is a key with a problem (transfer full). */
JdKey *jd_key_new_from_jwk (JsonNode *node, const char *source, const char *path);

G_END_DECLS
