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

/* ROCA (CVE-2017-15361): moduli made by the vulnerable Infineon library
 * satisfy n mod p ∈ <65537> (mod p) for every small prime p below; random
 * moduli almost never do. The fingerprint of the published detector. */
gboolean
jd_key_check_rsa_roca (const guint8 *n, gsize len)
{
  static const guint primes[]
    = { 3,  5,  7,  11, 13, 17,  19,  23,  29,  31,  37,  41,  43,  47,  53,  59,  61,  67,  71,
        73, 79, 83, 89, 97, 101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167 };

  if (len < 64)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (primes); i++)
    {
      guint p = primes[i];
      guint r = 0;
      guint g = 65537 % p;
      guint x = 1;
      gboolean member = FALSE;

      for (gsize j = 0; j < len; j++)
        r = (r * 256 + n[j]) % p;
      for (guint k = 0; k < p; k++)
        {
          if (x == r)
            {
              member = TRUE;
              break;
            }
          x = (x * g) % p;
          if (x == 1 && k > 0)
            break;
        }
      if (!member)
        return FALSE;
    }
  return TRUE;
}
