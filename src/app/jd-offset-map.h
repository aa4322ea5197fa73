/* jd-offset-map.h — token byte offsets onto character offsets in the text
 * they were found in (the marks of JdSession)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Maps byte offsets into the compact token @tok onto character offsets into
 * @raw, where the token starts at byte @raw_start. The token is @raw with
 * quotes, whitespace and line breaks taken out, so it is a subsequence of
 * @raw: one scan matches it byte by byte. @points are token byte offsets in
 * any order and are replaced by character offsets. */
void jd_offset_map (const char *raw, gsize raw_len, gsize raw_start, const char *tok, gsize tok_len,
                    gsize *points, guint n_points);

G_END_DECLS
