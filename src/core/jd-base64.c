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

/* Padding: only at the very end, at most two, and only where it completes
 * a group. Sets *@data_len to the length without it; FALSE on an error. */
static inline gboolean
strip_padding (Decoder *d, const guint8 *in, gsize len, gsize *data_len, GError **error)
{
  gsize n = len;
  GError *e;

  while (n > 0 && in[n - 1] == '=')
    n--;
  *data_len = n;
  if (n == len)
    return TRUE;

  e = g_error_new (JD_BASE64_ERROR, JD_BASE64_ERROR_PADDING,
                   _ ("byte %zu: '=' padding is not allowed in base64url"), n);
  if (!d->lenient || len - n > 2 || (len % 4) != 0)
    {
      if (d->lenient)
        {
          g_error_free (e);
          e = g_error_new (JD_BASE64_ERROR, JD_BASE64_ERROR_PADDING,
                           _ ("byte %zu: '=' padding does not complete a group of four"), n);
        }
      d->error_offset = n;
      g_propagate_error (error, e);
      return FALSE;
    }
  note_problem (d, n, e);
  return TRUE;
}

/* Whole groups of four URL-alphabet characters: no branch per character.
 * Returns where it stopped: the end of the whole groups, or a group that
 * is not plain base64url (the careful loop says why). */
static inline gsize
decode_groups (const guint8 *in, gsize data_len, guint8 *buf, gsize *n)
{
  gsize i = 0;

  for (; i + 4 <= data_len; i += 4)
    {
      guint8 a = url_values[in[i]], b = url_values[in[i + 1]];
      guint8 c = url_values[in[i + 2]], e = url_values[in[i + 3]];

      if ((a | b | c | e) & 0xC0)
        break;
      buf[(*n)++] = (guint8)(a << 2 | b >> 4);
      buf[(*n)++] = (guint8)(b << 4 | c >> 2);
      buf[(*n)++] = (guint8)(c << 6 | e);
    }
  return i;
}

/* The value of a character outside the URL alphabet at byte @i: a standard
 * base64 '+' or '/' when lenient (noted as a problem), else an error and
 * G_MAXUINT. */
static guint
decode_odd_char (Decoder *d, const guint8 *in, gsize i, guint8 v, GError **error)
{
  GError *e;

  if (v == 0xff)
    {
      g_autofree char *what = jd_describe_byte (in[i]);
      g_set_error (error, JD_BASE64_ERROR, JD_BASE64_ERROR_INVALID_CHARACTER,
                   _ ("byte %zu: %s is not a base64url character"), i, what);
      d->error_offset = i;
      return G_MAXUINT;
    }
  e = g_error_new (JD_BASE64_ERROR, JD_BASE64_ERROR_STANDARD_ALPHABET,
                   _ ("byte %zu: '%c' belongs to standard base64; "
                      "base64url uses '%c'"),
                   i, in[i], v == 64 ? '-' : '_');
  if (!d->lenient)
    {
      d->error_offset = i;
      g_propagate_error (error, e);
      return G_MAXUINT;
    }
  note_problem (d, i, e);
  return v == 64 ? 62 : 63;
}

/* Characters from @i on, one at a time, with the bits left over in
 * *@acc / *@bits. FALSE on an error. */
static inline gboolean
decode_chars (Decoder *d, const guint8 *in, gsize i, gsize data_len, guint8 *buf, gsize *n,
              guint32 *acc, guint *bits, GError **error)
{
  for (; i < data_len; i++)
    {
      guint v = url_values[in[i]];

      if (G_UNLIKELY (v >= 64))
        {
          v = decode_odd_char (d, in, i, (guint8)v, error);
          if (v == G_MAXUINT)
            return FALSE;
        }
      *acc = (*acc << 6) | v;
      *bits += 6;
      if (*bits >= 8)
        {
          *bits -= 8;
          buf[(*n)++] = (*acc >> *bits) & 0xff;
        }
    }

  if (data_len % 4 == 1)
    {
      g_set_error (
        error, JD_BASE64_ERROR, JD_BASE64_ERROR_INVALID_LENGTH,
        _ ("byte %zu: %zu characters cannot be base64url (one character too many or too few)"),
        data_len - 1, data_len);
      d->error_offset = data_len - 1;
      return FALSE;
    }
  return TRUE;
}

/* Bits in the last character that no encoder writes. FALSE on an error. */
static inline gboolean
check_trailing_bits (Decoder *d, gsize data_len, guint32 acc, guint bits, GError **error)
{
  GError *e;

  if (bits == 0 || (acc & ((1u << bits) - 1)) == 0)
    return TRUE;
  e = g_error_new (JD_BASE64_ERROR, JD_BASE64_ERROR_TRAILING_BITS,
                   _ ("byte %zu: the last character carries bits that "
                      "no encoder writes (not canonical base64url)"),
                   data_len - 1);
  if (!d->lenient)
    {
      d->error_offset = data_len - 1;
      g_propagate_error (error, e);
      return FALSE;
    }
  note_problem (d, data_len - 1, e);
  return TRUE;
}

static GBytes *
decode (Decoder *d, const char *text, gsize len, GError **error)
{
  const guint8 *in = (const guint8 *)text;
  g_autofree guint8 *buf = NULL;
  gsize data_len;
  gsize n = 0;
  gsize i;
  guint32 acc = 0;
  guint bits = 0;

  if (!strip_padding (d, in, len, &data_len, error))
    return NULL;

  /* One pass: validate and decode (four characters make three bytes). */
  buf = g_malloc (data_len / 4 * 3 + 3);
  i = decode_groups (in, data_len, buf, &n);
  if (!decode_chars (d, in, i, data_len, buf, &n, &acc, &bits, error))
    return NULL;
  if (!check_trailing_bits (d, data_len, acc, bits, error))
    return NULL;

  return g_byte_array_free_to_bytes (g_byte_array_new_take (g_steal_pointer (&buf), n));
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
