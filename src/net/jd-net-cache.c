/* jd-net-cache.c — how long a fetched response may be reused: its
 * Cache-Control, Expires and Date headers, explained
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <time.h>
#include <glib/gi18n-lib.h>

#include "jd-net.h"
#include "jd-time.h"
#include "jd-www-authenticate.h"

static char *
all_values (JdResponse *response, const char *name)
{
  GPtrArray *headers = jd_response_get_headers (response);
  GString *joined = NULL;

  for (guint i = 0; headers != NULL && i < headers->len; i++)
    {
      const JdHeader *header = g_ptr_array_index (headers, i);
      if (g_ascii_strcasecmp (header->name, name) != 0)
        continue;
      if (joined == NULL)
        joined = g_string_new (header->value);
      else
        g_string_append_printf (joined, ", %s", header->value);
    }
  return joined ? g_string_free (joined, FALSE) : NULL;
}

static gboolean
parse_seconds (const char *text, gint64 *out)
{
  guint64 value;
  char *end = NULL;

  if (text == NULL)
    return FALSE;
  while (*text == ' ' || *text == '"')
    text++;
  if (!g_ascii_isdigit (*text))
    return FALSE;
  value = g_ascii_strtoull (text, &end, 10);
  while (*end == ' ' || *end == '"')
    end++;
  if (*end != '\0')
    return FALSE;
  *out = (gint64)MIN (value, (guint64)G_MAXINT32); /* RFC 9111 §1.2.2: cap at 2^31 */
  return TRUE;
}

gint64
jd_net_cache_lifetime (JdResponse *response, gint64 now, char **explanation)
{
  g_autofree char *cache_control = NULL;
  g_autofree char *source = NULL;
  g_autofree char *amount = NULL;
  gboolean no_store = FALSE, no_cache = FALSE, has_max_age = FALSE;
  gint64 max_age = 0, fresh = -1, age = 0;
  const char *expires, *date, *age_text;

  g_return_val_if_fail (JD_IS_RESPONSE (response), -1);

  cache_control = all_values (response, "Cache-Control");
  if (cache_control != NULL)
    {
      g_auto (GStrv) directives = g_strsplit (cache_control, ",", -1);
      for (guint i = 0; directives[i] != NULL; i++)
        {
          char *directive = g_strstrip (directives[i]);
          char *eq = strchr (directive, '=');
          if (eq != NULL)
            *eq = '\0';
          g_strstrip (directive);
          if (g_ascii_strcasecmp (directive, "no-store") == 0)
            no_store = TRUE;
          else if (g_ascii_strcasecmp (directive, "no-cache") == 0)
            no_cache = TRUE;
          else if (g_ascii_strcasecmp (directive, "max-age") == 0 && eq != NULL && !has_max_age)
            has_max_age = parse_seconds (eq + 1, &max_age);
        }
    }

  if (no_store || no_cache)
    {
      if (explanation)
        *explanation = g_strdup_printf (
          _ ("Cache-Control: %s: a verifier that honours HTTP caching asks for this key set every "
             "time, so it sees a new key at once."),
          no_store ? "no-store" : "no-cache");
      return 0;
    }

  expires = jd_response_get_header (response, "Expires");
  date = jd_response_get_header (response, "Date");
  if (has_max_age)
    {
      fresh = max_age;
      source = g_strdup_printf ("Cache-Control: max-age=%" G_GINT64_FORMAT, max_age);
    }
  else if (expires != NULL)
    {
      gint64 expires_at, date_at;

      if (date == NULL || !jd_http_date_parse (date, &date_at))
        date_at = now;
      if (jd_http_date_parse (expires, &expires_at))
        fresh = MAX (expires_at - date_at, 0);
      else
        fresh = 0; /* RFC 9111 §5.3: an invalid Expires means "already expired" */
      source = g_strdup_printf ("Expires: %s", expires);
    }
  else
    {
      if (explanation)
        *explanation = g_strdup (_ (
          "The response has no Cache-Control max-age and no Expires: each verifier picks its own "
          "cache time (libraries commonly keep a key set for 5 minutes to 24 hours), so a new key "
          "may go unseen that long."));
      return -1;
    }

  age_text = jd_response_get_header (response, "Age");
  if (parse_seconds (age_text, &age) && age > 0)
    {
      char *with_age = g_strdup_printf ("%s, Age: %" G_GINT64_FORMAT, source, age);
      g_free (source);
      source = with_age;
    }
  fresh = MAX (fresh - age, 0);

  if (explanation)
    {
      if (fresh == 0)
        *explanation = g_strdup_printf (_ ("%s: the key set is already stale for HTTP caches; a "
                                           "verifier that honours them fetches it again at once."),
                                        source);
      else
        {
          amount = jd_time_format_duration (fresh);
          *explanation
            = g_strdup_printf (_ ("%s: a verifier that caches this key set will not see a "
                                  "new key for up to %s."),
                               source, amount);
        }
    }
  return fresh;
}
