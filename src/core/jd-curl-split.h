/* jd-curl-split.h — split a curl command line into words as a shell would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One word as the shell passes it to curl. Each byte i of @text was read
 * from the paste's bytes [starts[i], ends[i]): an escape such as \x41 or
 * '\'' makes one byte out of several. */
typedef struct
{
  GString *text;
  GArray *starts; /* (element-type gsize) */
  GArray *ends;   /* (element-type gsize) */
} JdCurlWord;

/* The words of @text[from, to), bash or Windows cmd flavour (Chrome's
 * "Copy as cURL (cmd)"), whichever the text is written in. Past
 * JD_CURL_MAX_WORDS words the splitting stops, and *@stopped is the byte
 * where (@to when all was read).
 * Returns: (transfer full) (element-type JdCurlWord) */
GPtrArray *jd_curl_split (const char *text, gsize from, gsize to, gsize *stopped);

/* For tests: the words of jd_curl_split() over @text[0, len), each cut at a
 * NUL byte; *@stopped (nullable): where the word limit stopped the
 * splitting (@len: it did not). */
GStrv jd_curl_split_words (const char *text, gsize len, gsize *stopped);

G_END_DECLS
