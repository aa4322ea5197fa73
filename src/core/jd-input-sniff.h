/* jd-input-sniff.h — what a dropped, opened or piped text is
 *
 * One answer for the window and the CLI alike: a HAR file (by its name or
 * its first bytes), a key set, key or certificate, or anything else, which
 * goes to the token area (or the CLI's token diagnosis).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  JD_INPUT_KIND_TOKEN, /* a token, a header line, a curl command, …: jd_input_parse() */
  JD_INPUT_KIND_KEYS,  /* a JWKS, a JWK, PEM or a DER certificate */
  JD_INPUT_KIND_HAR,   /* a HAR file */
} JdInputKind;

/* Looks at the first 4 KiB of @data (nullable when @len is 0) and at @name
 * (a file name, nullable): a name ending in ".har" (in any case), or a JSON
 * object naming "log" near its start, is a HAR; PEM armour, a DER
 * certificate or JSON naming "kty" or "keys" is keys. */
JdInputKind jd_input_sniff (const char *data, gsize len, const char *name);

G_END_DECLS
