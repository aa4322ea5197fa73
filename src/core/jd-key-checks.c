/* jd-key-checks.c — checks every public key gets, whatever it was written in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jd-key-checks.h"

char *
jd_key_check_rsa_exponent (const guint8 *e, gsize len)
{
  gsize value = 0;
  gboolean small;

  while (len > 1 && e[0] == 0)
    e++, len--;
  if (len == 0)
    return g_strdup (_ ("the RSA public exponent e is empty; RFC 8017 §3.1 needs an odd e of at "
                        "least 3"));
  small = len <= sizeof (gsize);
  for (gsize i = 0; small && i < len; i++)
    value = (value << 8) | e[i];

  if (small && value < 2)
    return g_strdup_printf (_ ("the RSA public exponent e is %zu; RFC 8017 §3.1 needs an odd e of "
                               "at least 3. With e = 1 a signature is its own message, so anyone "
                               "can forge one"),
                            value);
  if ((e[len - 1] & 1) == 0 && small)
    return g_strdup_printf (_ ("the RSA public exponent e is %zu, an even number; RFC 8017 §3.1 "
                               "needs an odd e of at least 3"),
                            value);
  if ((e[len - 1] & 1) == 0)
    return g_strdup (_ ("the RSA public exponent e is even; RFC 8017 §3.1 needs an odd e of at "
                        "least 3"));
  return NULL;
}
