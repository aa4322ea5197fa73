/* jd-input-span.h — bytes of the paste, and where each one came from
 *
 * For the files of JdInput: a run of bytes with, for each byte, the range
 * of the pasted text it was read from, and the few byte tests the readers
 * of a paste share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include <glib.h>

G_BEGIN_DECLS

/* A run of bytes and, for each byte, the range of the pasted text it was
 * read from (an escape such as \x41 or '\'' makes one byte out of several).
 * Without maps, byte i came from base + i. */
typedef struct
{
  const char *data;
  gsize len;
  const gsize *starts; /* nullable */
  const gsize *ends;   /* nullable */
  gsize base;
} JdSpan;

static inline gsize
jd_span_src_start (const JdSpan *span, gsize i)
{
  g_assert (i < span->len);
  return span->starts != NULL ? span->starts[i] : span->base + i;
}

static inline gsize
jd_span_src_end (const JdSpan *span, gsize i)
{
  g_assert (i < span->len);
  return span->ends != NULL ? span->ends[i] : span->base + i + 1;
}

static inline JdSpan
jd_span_sub (const JdSpan *span, gsize from, gsize to)
{
  JdSpan sub = *span;

  g_assert (from <= to && to <= span->len);

  sub.data = span->data + from;
  sub.len = to - from;
  if (span->starts != NULL)
    {
      sub.starts = span->starts + from;
      sub.ends = span->ends + from;
    }
  else
    {
      sub.base = span->base + from;
    }

  return sub;
}

static inline gboolean
jd_input_is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

static inline gboolean
jd_input_is_line_break (char c)
{
  return c == '\r' || c == '\n';
}

static inline gboolean
jd_input_is_quote (char c)
{
  return c == '"' || c == '\'' || c == '`';
}

static inline void
jd_input_trim (const char *data, gsize *from, gsize *to)
{
  while (*from < *to && jd_input_is_space (data[*from]))
    (*from)++;
  while (*to > *from && jd_input_is_space (data[*to - 1]))
    (*to)--;
}

static inline gboolean
jd_input_has_prefix_ci (const char *data, gsize len, const char *prefix)
{
  gsize plen = strlen (prefix);

  return len >= plen && g_ascii_strncasecmp (data, prefix, plen) == 0;
}

static inline gsize
jd_input_word_end (const char *data, gsize from, gsize to)
{
  while (from < to && !jd_input_is_space (data[from]))
    from++;

  return from;
}

static inline gsize
jd_input_skip_space (const char *data, gsize from, gsize to)
{
  while (from < to && jd_input_is_space (data[from]))
    from++;

  return from;
}

G_END_DECLS
