/* jd-offset-map.c — token byte offsets onto character offsets in the text
 * they were found in (the marks of JdSession)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "jd-offset-map.h"

/* Maps byte offsets into the compact token @tok onto character offsets into
 * @raw, where the token starts at byte @raw_start. The token is @raw with
 * quotes, whitespace and line breaks taken out, so it is a subsequence of
 * @raw: one scan matches it byte by byte. @points are token byte offsets in
 * any order and are replaced by character offsets. */
void
jd_offset_map (const char *raw, gsize raw_len, gsize raw_start, const char *tok, gsize tok_len,
               gsize *points, guint n_points)
{
  g_autofree guint *order = g_new (guint, n_points);
  gsize i = 0, j = 0, chars = 0;

  g_assert (raw_start <= raw_len);

  for (guint k = 0; k < n_points; k++)
    {
      guint m = k;

      /* insertion sort: a handful of points */
      while (m > 0 && points[order[m - 1]] > points[k])
        {
          order[m] = order[m - 1];
          m--;
        }
      order[m] = k;
    }

#define STEP()                                                                                     \
  G_STMT_START                                                                                     \
  {                                                                                                \
    if (((guchar)raw[j] & 0xC0) != 0x80)                                                           \
      chars++;                                                                                     \
    j++;                                                                                           \
  }                                                                                                \
  G_STMT_END

  while (j < raw_start)
    STEP ();

  for (guint k = 0; k < n_points; k++)
    {
      gsize target = MIN (points[order[k]], tok_len);

      while (i < target && j < raw_len)
        {
          if (raw[j] == tok[i])
            i++;
          STEP ();
        }
      if (i < tok_len)
        while (j < raw_len && raw[j] != tok[i])
          STEP ();
      points[order[k]] = chars;
    }

#undef STEP
}
