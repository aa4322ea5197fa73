/* test-har-list.c — tests for src/core/jd-har-list.c: host and start of a HAR entry for the list
 *
 * The test environment sets TZ=UTC, so local time is UTC here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "jd-har-list.h"
#include "test-rows.h"

static JdHar *
har_of (const char *const *urls, const char *const *started)
{
  g_autoptr (GString) json = g_string_new ("{\"log\":{\"version\":\"1.2\",\"entries\":[");
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  JdHar *har;

  for (guint i = 0; urls[i] != NULL; i++)
    g_string_append_printf (
      json,
      "%s{\"startedDateTime\":\"%s\",\"time\":1,"
      "\"request\":{\"method\":\"GET\",\"url\":\"%s\",\"httpVersion\":\"HTTP/1.1\",\"headers\":[]},"
      "\"response\":{\"status\":200,\"statusText\":\"\",\"httpVersion\":\"HTTP/"
      "1.1\",\"headers\":[]}}",
      i > 0 ? "," : "", started[i], urls[i]);
  g_string_append (json, "]}}");
  bytes = g_bytes_new (json->str, json->len);
  har = jd_har_load_bytes (bytes, NULL, NULL, &error);
  g_assert_no_error (error);
  return har;
}

typedef struct
{
  const char *name;
  const char *url;
  const char *host;
} HostRow;

static const HostRow host_rows[] = {
  { "https", "https://api.example.com/orders?page=2", "api.example.com" },
  { "https-port-443", "https://api.example.com:443/orders", "api.example.com" },
  { "https-port-8443", "https://api.example.com:8443/orders", "api.example.com:8443" },
  { "http-port-8080", "http://localhost:8080/x", "localhost:8080" },
  { "http-port-80", "http://localhost:80/x", "localhost" },
  { "ipv6", "http://[::1]:8080/x", "[::1]:8080" },
  { "relative", "/relative/path", "" },
};

static void
test_host (gconstpointer data)
{
  const HostRow *row = data;
  const char *urls[] = { row->url, NULL };
  const char *started[] = { "2025-05-28T14:11:05Z", NULL };
  g_autoptr (JdHar) har = har_of (urls, started);
  g_autoptr (JdHarEntry) entry = g_list_model_get_item (G_LIST_MODEL (har), 0);
  g_autofree char *host = jd_har_entry_dup_host (entry);

  g_assert_cmpstr (host, ==, row->host);
}

static void
test_days (void)
{
  const char *urls[] = { "https://a.example/1", "https://a.example/2", NULL };
  const char *same[] = { "2025-05-28T00:00:01Z", "2025-05-28T23:59:59.250Z", NULL };
  const char *two[] = { "2025-05-28T23:59:59Z", "2025-05-29T00:00:00Z", NULL };
  g_autoptr (JdHar) one_day = har_of (urls, same);
  g_autoptr (JdHar) two_days = har_of (urls, two);
  g_autoptr (JdHarEntry) late = g_list_model_get_item (G_LIST_MODEL (one_day), 1);
  g_autofree char *time = jd_har_entry_format_started (late, FALSE);
  g_autofree char *date_time = jd_har_entry_format_started (late, TRUE);

  g_assert_false (jd_har_spans_days (one_day));
  g_assert_true (jd_har_spans_days (two_days));
  g_assert_cmpstr (time, ==, "23:59:59.250");
  g_assert_cmpstr (date_time, ==, "2025-05-28 23:59:59.250");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  JD_TEST_ADD_ROWS ("/jd/har-list/host", host_rows, name, test_host);
  g_test_add_func ("/jd/har-list/days", test_days);

  return g_test_run ();
}
