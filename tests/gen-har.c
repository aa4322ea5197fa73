/* gen-har.c — write a big, realistic HAR for the import benchmark
 *
 *   gen-har OUTPUT [ENTRIES [MEGABYTES]]      default 10000 entries, 100 MB
 *
 * Shaped like a Chrome DevTools export: two-space indentation, HTTP/2
 * pseudo-headers, ~20 request and ~12 response headers per entry, a JWT in
 * every Authorization header (refreshed every 400 requests, with some 401s
 * after expiry), JSON bodies of mixed sizes (escaped quotes, some \u escapes,
 * non-ASCII), base64 images, and Chrome's _initiator stacks. Deterministic.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

static char *
b64url (const char *data, gsize len)
{
  char *s = g_base64_encode ((const guchar *)data, len);

  for (char *p = s; *p != '\0'; p++)
    {
      if (*p == '+')
        *p = '-';
      else if (*p == '/')
        *p = '_';
      else if (*p == '=')
        {
          *p = '\0';
          break;
        }
    }
  return s;
}

static char *
make_jwt (guint n, gint64 iat)
{
  g_autofree char *header
    = g_strdup_printf ("{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"key-%u\"}", n % 3);
  g_autofree char *payload = g_strdup_printf (
    "{\"iss\":\"https://login.example.com/tenant-42/v2.0\",\"sub\":\"user-%u\",\"aud\":\"https://"
    "api.example.com\","
    "\"iat\":%" G_GINT64_FORMAT ",\"nbf\":%" G_GINT64_FORMAT ",\"exp\":%" G_GINT64_FORMAT ","
    "\"scope\":\"orders:read orders:write profile\",\"azp\":\"spa-client\",\"jti\":\"%08x-%04x\","
    "\"roles\":[\"reader\",\"writer\"],\"tid\":\"6f1c2a5e-0c1d-4f7e-9b1a-2f4c7d9e8a10\"}",
    n % 7, iat, iat, iat + 600, n * 2654435761u, n);
  g_autofree char *h = b64url (header, strlen (header));
  g_autofree char *p = b64url (payload, strlen (payload));
  guchar sig[256];
  g_autofree char *s = NULL;

  for (guint i = 0; i < sizeof sig; i++)
    sig[i] = (guchar)((i * 131 + n * 17) & 0xff);
  s = b64url ((const char *)sig, sizeof sig);
  return g_strdup_printf ("%s.%s.%s", h, p, s);
}

static void
header (GString *out, const char *name, const char *value, gboolean last)
{
  g_string_append_printf (out,
                          "          {\n"
                          "            \"name\": \"%s\",\n"
                          "            \"value\": \"%s\"\n"
                          "          }%s\n",
                          name, value, last ? "" : ",");
}

/* A JSON document of about @size bytes, as the text of a JSON string. */
static void
json_body (GString *out, GRand *rand, gsize size)
{
  gsize start = out->len;
  guint i = 0;

  g_string_append (out, "{\\\"items\\\":[");
  while (out->len - start < size)
    {
      g_string_append_printf (
        out,
        "%s{\\\"id\\\":%u,\\\"name\\\":\\\"Item %u — caf\\u00e9 ünïcode\\\",\\\"price\\\":%u.%02u,"
        "\\\"tags\\\":[\\\"a\\\",\\\"b\\\"],\\\"note\\\":\\\"line one\\nline "
        "two\\\",\\\"active\\\":%s}",
        i == 0 ? "" : ",", i, g_rand_int_range (rand, 0, 100000), g_rand_int_range (rand, 0, 1000),
        g_rand_int_range (rand, 0, 100), g_rand_boolean (rand) ? "true" : "false");
      i++;
    }
  g_string_append (out, "]}");
}

static void
base64_body (GString *out, GRand *rand, gsize size)
{
  gsize raw = size * 3 / 4;
  g_autofree guchar *bytes = g_malloc (raw);
  g_autofree char *text = NULL;

  for (gsize i = 0; i < raw; i++)
    bytes[i] = (guchar)g_rand_int (rand);
  text = g_base64_encode (bytes, raw);
  g_string_append (out, text);
}

typedef struct
{
  FILE *f;
  GRand *rand;
  GString *entry; /* the text being written */
  guint n_entries;
  guint64 target; /* bytes */
  guint64 written;
  gint64 start; /* unix seconds of the first entry */
  gint64 token_iat;
  char *token;
} Generator;

static void
write_entry_text (Generator *gen)
{
  fwrite (gen->entry->str, 1, gen->entry->len, gen->f);
  gen->written += gen->entry->len;
}

/* log, creator, pages, up to the entries' '[' */
static void
write_head (Generator *gen)
{
  GString *entry = gen->entry;

  g_string_append (entry, "{\n"
                          "  \"log\": {\n"
                          "    \"version\": \"1.2\",\n"
                          "    \"creator\": {\n"
                          "      \"name\": \"WebInspector\",\n"
                          "      \"version\": \"537.36\"\n"
                          "    },\n"
                          "    \"pages\": [\n"
                          "      {\n"
                          "        \"startedDateTime\": \"2023-11-14T22:13:20.000Z\",\n"
                          "        \"id\": \"page_1\",\n"
                          "        \"title\": \"https://app.example.com/\",\n"
                          "        \"pageTimings\": {\n"
                          "          \"onContentLoad\": 412.5,\n"
                          "          \"onLoad\": 801.25\n"
                          "        }\n"
                          "      }\n"
                          "    ],\n"
                          "    \"entries\": [\n");
  write_entry_text (gen);
}

/* Chrome's _initiator, then the request with its headers, query and body. */
static void
append_request (GString *entry, guint i, gboolean image, const char *bearer)
{
  g_string_append_printf (
    entry,
    "      {\n"
    "        \"_initiator\": {\n"
    "          \"type\": \"script\",\n"
    "          \"stack\": {\n"
    "            \"callFrames\": [\n"
    "              {\n"
    "                \"functionName\": \"fetchJson\",\n"
    "                \"scriptId\": \"%u\",\n"
    "                \"url\": \"https://app.example.com/static/js/main.4f2a9c.js\",\n"
    "                \"lineNumber\": %u,\n"
    "                \"columnNumber\": %u\n"
    "              }\n"
    "            ]\n"
    "          }\n"
    "        },\n"
    "        \"_priority\": \"High\",\n"
    "        \"_resourceType\": \"%s\",\n"
    "        \"cache\": {},\n"
    "        \"connection\": \"443\",\n"
    "        \"pageref\": \"page_1\",\n"
    "        \"request\": {\n"
    "          \"method\": \"%s\",\n"
    "          \"url\": \"https://api.example.com/v2/orders/%u?include=items&page=%u\",\n"
    "          \"httpVersion\": \"http/2.0\",\n"
    "          \"headers\": [\n",
    100 + i % 50, 1000 + i % 400, 12 + i % 80, image ? "image" : "fetch",
    i % 5 == 0 ? "POST" : "GET", i, i % 20);
  header (entry, ":authority", "api.example.com", FALSE);
  header (entry, ":method", i % 5 == 0 ? "POST" : "GET", FALSE);
  header (entry, ":path", "/v2/orders?include=items", FALSE);
  header (entry, ":scheme", "https", FALSE);
  header (entry, "accept", "application/json, text/plain, */*", FALSE);
  header (entry, "accept-encoding", "gzip, deflate, br", FALSE);
  header (entry, "accept-language", "en-US,en;q=0.9,de;q=0.8", FALSE);
  header (entry, "authorization", bearer, FALSE);
  header (entry, "cache-control", "no-cache", FALSE);
  header (entry, "origin", "https://app.example.com", FALSE);
  header (entry, "pragma", "no-cache", FALSE);
  header (entry, "referer", "https://app.example.com/orders", FALSE);
  header (entry, "sec-ch-ua", "\\\"Chromium\\\";v=\\\"119\\\", \\\"Not?A_Brand\\\";v=\\\"24\\\"",
          FALSE);
  header (entry, "sec-ch-ua-mobile", "?0", FALSE);
  header (entry, "sec-ch-ua-platform", "\\\"Linux\\\"", FALSE);
  header (entry, "sec-fetch-dest", "empty", FALSE);
  header (entry, "sec-fetch-mode", "cors", FALSE);
  header (entry, "sec-fetch-site", "same-site", FALSE);
  header (entry, "user-agent",
          "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
          "Chrome/119.0.0.0 Safari/537.36",
          FALSE);
  header (entry, "x-request-id", "7d3f0b8e-5a61-4c9b-a1f2-3e4d5c6b7a80", TRUE);
  g_string_append_printf (
    entry,
    "          ],\n"
    "          \"queryString\": [\n"
    "            {\n"
    "              \"name\": \"include\",\n"
    "              \"value\": \"items\"\n"
    "            }\n"
    "          ],\n"
    "          \"cookies\": [],\n"
    "          \"headersSize\": -1,\n"
    "          \"bodySize\": 0%s\n"
    "        },\n",
    i % 5 == 0
      ? ",\n          \"postData\": {\n            \"mimeType\": \"application/json\",\n"
        "            \"text\": \"{\\\"quantity\\\":2,\\\"sku\\\":\\\"A-1\\\"}\"\n          }"
      : "");
}

/* The response up to its headers' end. */
static void
append_response_headers (GString *entry, guint status, gboolean image)
{
  g_string_append_printf (entry,
                          "        \"response\": {\n"
                          "          \"status\": %u,\n"
                          "          \"statusText\": \"\",\n"
                          "          \"httpVersion\": \"http/2.0\",\n"
                          "          \"headers\": [\n",
                          status);
  header (entry, "access-control-allow-origin", "https://app.example.com", FALSE);
  header (entry, "cache-control", "private, max-age=0", FALSE);
  header (entry, "content-encoding", "br", FALSE);
  header (entry, "content-type", image ? "image/png" : "application/json; charset=utf-8", FALSE);
  header (entry, "date", "Tue, 14 Nov 2023 22:13:20 GMT", FALSE);
  header (entry, "server", "envoy", FALSE);
  header (entry, "strict-transport-security", "max-age=31536000; includeSubDomains", FALSE);
  header (entry, "vary", "Origin, Accept-Encoding", FALSE);
  header (entry, "x-content-type-options", "nosniff", FALSE);
  header (entry, "x-envoy-upstream-service-time", "12", FALSE);
  if (status == 401)
    header (entry, "www-authenticate",
            "Bearer realm=\\\"api\\\", error=\\\"invalid_token\\\", error_description=\\\"The "
            "access token expired\\\"",
            FALSE);
  else if (status == 403)
    header (entry, "www-authenticate",
            "Bearer error=\\\"insufficient_scope\\\", scope=\\\"orders:admin\\\"", FALSE);
  header (entry, "x-request-id", "7d3f0b8e-5a61-4c9b-a1f2-3e4d5c6b7a80", TRUE);
}

/* The response body, then the entry's time and timings. */
static void
append_content (Generator *gen, guint i, const char *iso, gboolean image, gsize body_size)
{
  GString *entry = gen->entry;
  GRand *rand = gen->rand;
  guint n_entries = gen->n_entries;

  g_string_append_printf (entry,
                          "          ],\n"
                          "          \"cookies\": [],\n"
                          "          \"content\": {\n"
                          "            \"size\": %" G_GSIZE_FORMAT ",\n"
                          "            \"mimeType\": \"%s\",\n"
                          "            \"text\": \"",
                          body_size, image ? "image/png" : "application/json");
  if (image)
    base64_body (entry, rand, body_size);
  else
    json_body (entry, rand, body_size);
  g_string_append_printf (entry,
                          "\"%s\n"
                          "          },\n"
                          "          \"redirectURL\": \"\",\n"
                          "          \"headersSize\": -1,\n"
                          "          \"bodySize\": -1,\n"
                          "          \"_transferSize\": %" G_GSIZE_FORMAT ",\n"
                          "          \"_error\": null\n"
                          "        },\n"
                          "        \"serverIPAddress\": \"203.0.113.7\",\n"
                          "        \"startedDateTime\": \"%s\",\n"
                          "        \"time\": %u.%03u,\n"
                          "        \"timings\": {\n"
                          "          \"blocked\": 1.5,\n"
                          "          \"dns\": -1,\n"
                          "          \"ssl\": -1,\n"
                          "          \"connect\": -1,\n"
                          "          \"send\": 0.2,\n"
                          "          \"wait\": 38.4,\n"
                          "          \"receive\": 2.1,\n"
                          "          \"_blocked_queueing\": 0.8\n"
                          "        }\n"
                          "      }%s\n",
                          image ? ",\n            \"encoding\": \"base64\"" : "", body_size / 3,
                          iso, g_rand_int_range (rand, 5, 900), g_rand_int_range (rand, 0, 1000),
                          i + 1 < n_entries ? "," : "");
}

static void
write_entry (Generator *gen, guint i)
{
  g_autoptr (GDateTime) dt = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *seconds = NULL;
  g_autofree char *bearer = NULL;
  gint64 t_ms = gen->start * 1000 + (gint64)i * 250;
  guint status;
  gboolean image;
  gsize budget;
  gsize body_size;

  if (i > 0 && i % 400 == 0)
    {
      /* the refresh: a new token; the first few calls still carry the old one */
      g_free (gen->token);
      gen->token_iat = t_ms / 1000;
      gen->token = make_jwt (i / 400, gen->token_iat);
    }

  dt = g_date_time_new_from_unix_utc (t_ms / 1000);
  seconds = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S");
  iso = g_strdup_printf ("%s.%03uZ", seconds, (guint)(t_ms % 1000));
  bearer = g_strconcat ("Bearer ", gen->token, NULL);
  status = (i % 97 == 5) ? 401 : (i % 211 == 7) ? 403 : (i % 53 == 3) ? 304 : 200;
  image = (i % 9 == 4);

  /* spread the remaining size over the remaining entries, ±60 % */
  budget = (gen->written < gen->target)
             ? (gsize)((gen->target - gen->written) / (gen->n_entries - i))
             : 0;
  body_size = budget > 3000 ? budget - 3000 : 64;
  body_size = (gsize)(body_size * (0.4 + 1.2 * g_rand_double (gen->rand)));

  g_string_truncate (gen->entry, 0);
  append_request (gen->entry, i, image, bearer);
  append_response_headers (gen->entry, status, image);
  append_content (gen, i, iso, image, body_size);
  write_entry_text (gen);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (42);
  g_autoptr (GString) entry = g_string_new (NULL);
  Generator gen = { 0 };

  if (argc < 2)
    {
      g_printerr ("usage: %s OUTPUT [ENTRIES [MEGABYTES]]\n", argv[0]);
      return 2;
    }
  gen.n_entries = 10000;
  if (argc > 2)
    gen.n_entries = (guint)g_ascii_strtoull (argv[2], NULL, 10);
  gen.target = (argc > 3 ? g_ascii_strtoull (argv[3], NULL, 10) : 100) * 1024 * 1024;
  if (gen.n_entries == 0)
    gen.n_entries = 1;

  gen.f = fopen (argv[1], "wb");
  if (gen.f == NULL)
    {
      g_printerr ("%s: cannot write %s\n", argv[0], argv[1]);
      return 1;
    }
  gen.rand = rand;
  gen.entry = entry;
  gen.start = 1700000000;
  gen.token_iat = gen.start;

  write_head (&gen);
  gen.token = make_jwt (0, gen.token_iat);
  for (guint i = 0; i < gen.n_entries; i++)
    write_entry (&gen, i);

  g_string_assign (entry, "    ]\n  }\n}\n");
  write_entry_text (&gen);
  g_free (gen.token);

  if (fclose (gen.f) != 0)
    {
      g_printerr ("%s: cannot write %s\n", argv[0], argv[1]);
      return 1;
    }

  g_print ("%s: %u entries, %" G_GUINT64_FORMAT " bytes\n", argv[1], gen.n_entries, gen.written);
  return 0;
}
