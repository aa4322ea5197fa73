/* fuzz-har.c — libFuzzer target for the streaming JSON reader and HAR loading
 *
 * Built when the compiler is clang (tests/meson.build):
 *   CC=clang meson setup _build-fuzz -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug
 *   meson compile -C _build-fuzz fuzz-har
 *   _build-fuzz/tests/fuzz-har CORPUS_DIR -max_total_time=60   (seed it with tests/data/har-*.har)
 *
 * Every input goes through jd_json_reader (token by token, all accessors)
 * and jd_har_load_bytes (with small limits, then every entry's getters,
 * bodies, JdRequest/JdResponse and the timeline).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "jd-har.h"
#include "jd-json-reader.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JdJsonReader) reader = jd_json_reader_new ((const char *) data, size, JD_JSON_READER_ALLOW_BOM);
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(JdHar) har = NULL;
  JdHarLimits limits;
  JdJsonToken token;

  jd_json_reader_set_limits (reader, 64, 4096);
  do
    {
      token = jd_json_reader_next (reader);
      if (token == JD_JSON_TOKEN_STRING || token == JD_JSON_TOKEN_MEMBER)
        {
          gsize len;
          const char *s = jd_json_reader_get_string (reader, &len);
          g_assert (g_utf8_validate_len (s, len, NULL) || memchr (s, 0, len) != NULL);
          (void) jd_json_reader_string_equal (reader, "value");
        }
      else if (token == JD_JSON_TOKEN_NUMBER)
        {
          gint64 v;
          (void) jd_json_reader_get_double (reader);
          (void) jd_json_reader_get_int64 (reader, &v);
        }
    }
  while (token != JD_JSON_TOKEN_END && token != JD_JSON_TOKEN_ERROR);

  jd_har_limits_init (&limits);
  limits.max_depth = 64;
  limits.max_entries = 1000;
  limits.max_string_length = 1 << 20;
  har = jd_har_load_bytes (bytes, &limits, NULL, NULL);
  if (har != NULL)
    {
      g_autoptr(GPtrArray) timeline = jd_har_dup_timeline (har);
      g_autoptr(GListModel) sorted = jd_har_dup_failing_first (har);

      (void) jd_har_get_sanitized_message (har);
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (har)); i++)
        {
          g_autoptr(JdHarEntry) e = g_list_model_get_item (G_LIST_MODEL (har), i);
          g_autoptr(GBytes) req_body = jd_har_entry_dup_request_body (e);
          g_autoptr(GBytes) resp_body = jd_har_entry_dup_response_body (e);
          g_autoptr(JdRequest) request = jd_har_entry_dup_request (e);
          g_autoptr(JdResponse) response = jd_har_entry_dup_response (e);
          g_auto(GStrv) challenges = jd_har_entry_dup_www_authenticate (e);
          g_autoptr(GPtrArray) findings = jd_har_entry_diagnose (e, NULL, TRUE, NULL);

          (void) jd_har_entry_matches (e, "a", 400);
        }
    }

  return 0;
}
