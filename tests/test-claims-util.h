/* test-claims-util.h — what test-claims and test-claims-time share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The article's example: exp 1748441531 = 2025-05-28T14:12:11Z. */
#define EXP 1748441531

/* @json parsed; the test fails when it does not parse. (transfer full) */
JsonNode *parse (const char *json);

G_END_DECLS
