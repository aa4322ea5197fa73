/* jd-har-list.c — host and start time of a HAR entry for the Requests list (see jd-har-list.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "jd-har-list.h"

char *
jd_har_entry_dup_host (JdHarEntry *entry)
{
  g_autoptr (GUri) uri = NULL;
  const char *host;
  int port;

  g_return_val_if_fail (JD_IS_HAR_ENTRY (entry), NULL);

  uri = g_uri_parse (jd_har_entry_get_url (entry), G_URI_FLAGS_PARSE_RELAXED | G_URI_FLAGS_ENCODED,
                     NULL);
  host = uri != NULL ? g_uri_get_host (uri) : NULL;
  if (host == NULL)
    return g_strdup ("");
  port = g_uri_get_port (uri);
  if (port > 0 && !(port == 443 && g_strcmp0 (g_uri_get_scheme (uri), "https") == 0)
      && !(port == 80 && g_strcmp0 (g_uri_get_scheme (uri), "http") == 0))
    return g_strdup_printf (strchr (host, ':') != NULL ? "[%s]:%d" : "%s:%d", host, port);
  return g_strdup (host);
}

/* The local day @entry started on, as year × 400 + day of the year, or -1. */
static int
local_day (JdHarEntry *entry)
{
  g_autoptr (GDateTime) dt = NULL;

  if (!jd_har_entry_has_started (entry))
    return -1;
  dt = g_date_time_new_from_unix_local (jd_har_entry_get_started_unix (entry));
  if (dt == NULL)
    return -1;
  return g_date_time_get_year (dt) * 400 + g_date_time_get_day_of_year (dt);
}

gboolean
jd_har_spans_days (JdHar *har)
{
  guint n;
  int first = -1;

  g_return_val_if_fail (JD_IS_HAR (har), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (har));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (JdHarEntry) entry = g_list_model_get_item (G_LIST_MODEL (har), i);
      int day = local_day (entry);

      if (day < 0)
        continue;
      if (first < 0)
        first = day;
      else if (day != first)
        return TRUE;
    }
  return FALSE;
}

char *
jd_har_entry_format_started (JdHarEntry *entry, gboolean with_date)
{
  g_autoptr (GDateTime) dt = NULL;
  g_autofree char *text = NULL;
  double started;
  gint64 whole;

  g_return_val_if_fail (JD_IS_HAR_ENTRY (entry), NULL);

  if (!jd_har_entry_has_started (entry))
    return NULL;
  started = jd_har_entry_get_started (entry);
  whole = jd_har_entry_get_started_unix (entry);
  dt = g_date_time_new_from_unix_local (whole);
  if (dt == NULL)
    return NULL;
  text = g_date_time_format (dt, with_date ? "%Y-%m-%d %H:%M:%S" : "%H:%M:%S");
  return g_strdup_printf ("%s.%03d", text, (int)((started - (double)whole) * 1000));
}
