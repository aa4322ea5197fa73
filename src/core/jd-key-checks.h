/* jd-key-checks.h — checks every public key gets, whatever it was written in
 *
 * A JWK, a PEM or DER public key and an X.509 certificate carry the same
 * numbers; the checks on those numbers live here so that no way of loading
 * a key skips one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* NULL when @e (big-endian, leading zero bytes allowed) is a usable RSA
 * public exponent; otherwise why not, translated, naming its value:
 * RFC 8017 §3.1 wants an odd e of at least 3. An e of 1 makes every
 * "signature" equal to its own padded message, so anyone can forge one. */
char *jd_key_check_rsa_exponent (const guint8 *e, gsize len);
/* TRUE when the modulus @n (big-endian) has the ROCA fingerprint
 * (CVE-2017-15361): made by a vulnerable Infineon chip, it can be
 * factored. */
gboolean jd_key_check_rsa_roca (const guint8 *n, gsize len);

G_END_DECLS
