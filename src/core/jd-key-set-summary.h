/* jd-key-set-summary.h — a key set as the Keys page and reports describe it
 *
 * How many keys from how many sources ("7 keys from 2 sources"), where
 * each key came from, and kids that more than one key of the set carries
 * (a verifier picks one of them and may pick the wrong one).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "jd-key-set.h"

G_BEGIN_DECLS

/* Where @key was loaded from, as a person named it: the file, URL,
 * "clipboard" or "secret", without the position inside it ("keys[2]",
 * "#2") that jd_key_get_source() adds (transfer full). */
char *jd_key_dup_origin (JdKey *key);
/* Distinct sources (files, URLs, "secret") of the keys in @set. */
guint jd_key_set_count_sources (JdKeySet *set);
/* "7 keys from 2 sources", "1 key from jwks.json" (translated). */
char *jd_key_set_describe (JdKeySet *set);
/* The 1-based row of another key in @set with @key's kid, or 0. */
guint jd_key_set_find_shared_kid (JdKeySet *set, JdKey *key);
/* duplicate-kid findings for kids shared by keys of DIFFERENT sources
 * (each load already reports its own duplicates), naming the rows and
 * sources (transfer full) (element-type JdFinding). */
GPtrArray *jd_key_set_cross_source_duplicates (JdKeySet *set);

G_END_DECLS
