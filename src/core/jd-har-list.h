/* jd-har-list.h — what the Requests list shows of a HAR entry besides its fields
 *
 * The host (a HAR mixes calls to several APIs), and the start time with the
 * date when the entries span more than one day, so two rows at 09:14 on
 * different days never read alike. Times are in the local time zone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "jd-har.h"

G_BEGIN_DECLS

/* The host of @entry's URL, with the port when it is not the scheme's
 * default ("api.example.com", "localhost:8080"); "" when the URL has none.
 * Returns: (transfer full) */
char *jd_har_entry_dup_host (JdHarEntry *entry);

/* Whether the started entries of @har fall on more than one local day. */
gboolean jd_har_spans_days (JdHar *har);

/* @entry's start in local time: "14:11:05.250", or with @with_date
 * "2025-05-28 14:11:05.250". NULL when the entry has no startedDateTime.
 * Returns: (transfer full) (nullable) */
char *jd_har_entry_format_started (JdHarEntry *entry, gboolean with_date);

G_END_DECLS
