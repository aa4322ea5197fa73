/* jd-base64.c — base64url (RFC 7515 §2), strict and lenient
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jd-base64.h"
#include "jd-finding.h"

G_DEFINE_QUARK (jd - base64 - error - quark, jd_base64_error)

/* Value of each byte in the URL-safe alphabet; 64 for '+', 65 for '/'
 * (standard alphabet, accepted by the lenient path), 0xff for anything else. */
static const guint8 url_values[256] = {
#define X 0xff
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  /*  !"#$%&'()*+,-./ */
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  64,
  X,
  62,
  X,
  65,
  /* 0-9 */
  52,
  53,
  54,
  55,
  56,
  57,
  58,
  59,
  60,
  61,
  X,
  X,
  X,
  X,
  X,
  X,
  /* @A-O */
  X,
  0,
  1,
  2,
  3,
  4,
  5,
  6,
  7,
  8,
  9,
  10,
  11,
  12,
  13,
  14,
  /* P-Z [\]^_ */
  15,
  16,
  17,
  18,
  19,
  20,
  21,
  22,
  23,
  24,
  25,
  X,
  X,
  X,
  X,
  63,
  /* `a-o */
  X,
  26,
  27,
  28,
  29,
  30,
  31,
  32,
  33,
  34,
  35,
  36,
  37,
  38,
  39,
  40,
  /* p-z {|}~ DEL */
  41,
  42,
  43,
  44,
  45,
  46,
  47,
  48,
  49,
  50,
  51,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
  X,
#undef X
};

typedef struct
{
  gboolean lenient;
  gsize error_offset;
  gsize problem_offset;
  GError *problem; /* first deviation from strict base64url */
} Decoder;

static void
note_problem (Decoder *d, gsize offset, GError *error)
{
  if (d->problem == NULL)
    {
      d->problem = error;
      d->problem_offset = offset;
    }
  else
    g_error_free (error);
}

static GBytes *
decode (Decoder *d, const char *text, gsize len, GError **error)
{
  const guint8 *in = (const guint8 *)text;
  g_autoptr (GByteArray) out = NULL;
  gsize data_len = len;
  guint32 acc = 0;
  guint bits = 0;

  /* Padding: only at the very end, at most two, and only where it completes a group. */
  while (data_len > 0 && in[data_len - 1] == '=')
    data_len--;
  if (data_len < len)
    {
      GError *e = g_error_new (JD_BASE64_ERROR, JD_BASE64_ERROR_PADDING,
                               _ ("byte %zu: '=' padding is not allowed in base64url"), data_len);
      if (!d->lenient || len - data_len > 2 || (len % 4) != 0)
        {
          if (d->lenient)
            {
              g_error_free (e);
              e = g_error_new (JD_BASE64_ERROR, JD_BASE64_ERROR_PADDING,
                               _ ("byte %zu: '=' padding does not complete a group of four"),
                               data_len);
            }
          d->error_offset = data_len;
          g_propagate_error (error, e);
          return NULL;
        }
      note_problem (d, data_len, e);
    }

  /* One pass: validate and decode (four characters make three bytes). */
  {
    gsize cap = data_len / 4 * 3 + 3;
    g_autofree guint8 *buf = g_malloc (cap);
    gsize n = 0;

    gsize i = 0;

    /* Whole groups of four URL-alphabet characters: no branch per character. */
    for (; i + 4 <= data_len; i += 4)
      {
        guint8 a = url_values[in[i]], b = url_values[in[i + 1]];
        guint8 c = url_values[in[i + 2]], e = url_values[in[i + 3]];

        if ((a | b | c | e) & 0xC0)
          break; /* not plain base64url: the careful loop below says why */
        buf[n++] = (guint8)(a << 2 | b >> 4);
        buf[n++] = (guint8)(b << 4 | c >> 2);
        buf[n++] = (guint8)(c << 6 | e);
      }

    for (; i < data_len; i++)
      {
        guint8 v = url_values[in[i]];

        if (G_UNLIKELY (v >= 64))
          {
            if (v == 0xff)
              {
                g_autofree char *what = jd_describe_byte (in[i]);
                g_set_error (error, JD_BASE64_ERROR, JD_BASE64_ERROR_INVALID_CHARACTER,
                             _ ("byte %zu: %s is not a base64url character"), i, what);
                d->error_offset = i;
                return NULL;
              }
            else
              {
                GError *e = g_error_new (JD_BASE64_ERROR, JD_BASE64_ERROR_STANDARD_ALPHABET,
                                         _ ("byte %zu: '%c' belongs to standard base64; "
                                            "base64url uses '%c'"),
                                         i, in[i], v == 64 ? '-' : '_');
                if (!d->lenient)
                  {
                    d->error_offset = i;
                    g_propagate_error (error, e);
                    return NULL;
                  }
                note_problem (d, i, e);
                v = v == 64 ? 62 : 63;
              }
          }
        acc = (acc << 6) | v;
        bits += 6;
        if (bits >= 8)
          {
            bits -= 8;
            buf[n++] = (acc >> bits) & 0xff;
          }
      }

    if (data_len % 4 == 1)
      {
        g_set_error (
          error, JD_BASE64_ERROR, JD_BASE64_ERROR_INVALID_LENGTH,
          _ ("byte %zu: %zu characters cannot be base64url (one character too many or too few)"),
          data_len - 1, data_len);
        d->error_offset = data_len - 1;
        return NULL;
      }
    out = g_byte_array_new_take (g_steal_pointer (&buf), n);
  }

  if (bits > 0 && (acc & ((1u << bits) - 1)) != 0)
    {
      GError *e = g_error_new (JD_BASE64_ERROR, JD_BASE64_ERROR_TRAILING_BITS,
                               _ ("byte %zu: the last character carries bits that "
                                  "no encoder writes (not canonical base64url)"),
                               data_len - 1);
      if (!d->lenient)
        {
          d->error_offset = data_len - 1;
          g_propagate_error (error, e);
          return NULL;
        }
      note_problem (d, data_len - 1, e);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

GBytes *
jd_base64url_decode (const char *text, gsize len, GError **error)
{
  Decoder d = { FALSE, 0, 0, NULL };

  g_return_val_if_fail (text != NULL || len == 0, NULL);
  return decode (&d, text ? text : "", len, error);
}

GBytes *
jd_base64url_decode_lenient (const char *text, gsize len, gsize *problem_offset, GError **problem,
                             GError **error)
{
  Decoder d = { TRUE, 0, 0, NULL };
  GBytes *bytes;

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  bytes = decode (&d, text ? text : "", len, error);
  if (bytes == NULL && problem_offset)
    *problem_offset = d.error_offset;
  if (bytes != NULL && d.problem != NULL)
    {
      if (problem_offset)
        *problem_offset = d.problem_offset;
      g_propagate_error (problem, g_steal_pointer (&d.problem));
    }
  g_clear_error (&d.problem);
  return bytes;
}

char *
jd_base64url_encode (gconstpointer data, gsize len)
{
  static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const guint8 *in = data;
  GString *out;
  gsize i;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  out = g_string_sized_new (len / 3 * 4 + 4);
  for (i = 0; i + 2 < len; i += 3)
    {
      guint32 v = (in[i] << 16) | (in[i + 1] << 8) | in[i + 2];
      g_string_append_c (out, alphabet[(v >> 18) & 63]);
      g_string_append_c (out, alphabet[(v >> 12) & 63]);
      g_string_append_c (out, alphabet[(v >> 6) & 63]);
      g_string_append_c (out, alphabet[v & 63]);
    }
  if (len - i == 1)
    {
      guint32 v = in[i] << 16;
      g_string_append_c (out, alphabet[(v >> 18) & 63]);
      g_string_append_c (out, alphabet[(v >> 12) & 63]);
    }
  else if (len - i == 2)
    {
      guint32 v = (in[i] << 16) | (in[i + 1] << 8);
      g_string_append_c (out, alphabet[(v >> 18) & 63]);
      g_string_append_c (out, alphabet[(v >> 12) & 63]);
      g_string_append_c (out, alphabet[(v >> 6) & 63]);
    }
  return g_string_free (out, FALSE);
}
