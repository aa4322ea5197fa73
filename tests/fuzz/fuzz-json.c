/* fuzz-json.c — strict JSON both ways: jd_json_parse (trees, for token
 * headers, payloads and key sets) and the streaming jd-json-reader (HAR),
 * which must agree on what is JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "jd-json-reader.h"
#include "jd-json.h"

#include "fuzz-common.h"

/* Walks the whole document; returns TRUE when it reached the end.
 * *max_depth: the deepest nesting seen. */
static gboolean
walk_reader (const char *data, gsize size, JdJsonReaderFlags flags, gboolean skip_some,
             guint *max_depth)
{
  g_autoptr (JdJsonReader) reader = jd_json_reader_new (data, size, flags);
  g_autoptr (GString) unescaped = g_string_new (NULL);
  guint n = 0;

  *max_depth = 0;
  for (;;)
    {
      JdJsonToken t = jd_json_reader_next (reader);
      gsize offset, len;

      g_assert_cmpint (jd_json_reader_peek_token (reader), ==, t);
      g_assert_cmpuint (jd_json_reader_get_position (reader), <=, size);
      *max_depth = MAX (*max_depth, jd_json_reader_get_depth (reader));
      switch (t)
        {
          case JD_JSON_TOKEN_ERROR:
            {
              const GError *error = jd_json_reader_get_error (reader);
              guint line, column;

              g_assert_nonnull (error);
              jd_fuzz_assert_utf8 (error->message);
              g_assert_cmpuint (jd_json_reader_get_error_offset (reader), <=, size);
              jd_json_offset_to_line_column (data, size, jd_json_reader_get_error_offset (reader),
                                             &line, &column);
              g_assert_cmpuint (line, >=, 1);
              g_assert_cmpuint (column, >=, 1);
              g_assert_cmpint (jd_json_reader_next (reader), ==, JD_JSON_TOKEN_ERROR);
              return FALSE;
            }
          case JD_JSON_TOKEN_END:
            g_assert_cmpint (jd_json_reader_next (reader), ==, JD_JSON_TOKEN_END);
            return TRUE;
          case JD_JSON_TOKEN_MEMBER:
          case JD_JSON_TOKEN_STRING:
            {
              const char *s = jd_json_reader_get_string (reader, &len);
              g_autofree char *dup = jd_json_reader_dup_string (reader);

              g_assert_nonnull (s);
              g_assert_true (jd_fuzz_utf8_with_nul (s, len)); /* may hold U+0000 */
              g_assert_cmpuint (s[len], ==, 0);
              g_assert_nonnull (dup);
              g_assert_cmpmem (dup, strlen (dup), s, strlen (s));
              g_assert_true (jd_json_reader_string_equal (reader, dup)
                             || memchr (s, 0, len) != NULL);
              jd_json_reader_get_raw_string (reader, &offset, &len);
              g_assert_cmpuint (offset, <=, size);
              g_assert_cmpuint (len, <=, size - offset);
              g_string_truncate (unescaped, 0);
              jd_json_unescape (data + offset, len, unescaped);
              g_assert_true (jd_fuzz_utf8_with_nul (unescaped->str, unescaped->len));
            }
            break;
          case JD_JSON_TOKEN_NUMBER:
            {
              gint64 v;
              const char *text = jd_json_reader_get_number_text (reader, &len);

              g_assert_nonnull (text);
              g_assert_cmpuint (len, >, 0);
              jd_json_reader_get_double (reader);
              jd_json_reader_get_int64 (reader, &v);
            }
            break;
          case JD_JSON_TOKEN_BEGIN_OBJECT:
          case JD_JSON_TOKEN_BEGIN_ARRAY:
            if (skip_some && (n++ % 3) == 2 && !jd_json_reader_skip (reader))
              {
                g_assert_cmpint (jd_json_reader_peek_token (reader), ==, JD_JSON_TOKEN_ERROR);
                return FALSE;
              }
            break;
          case JD_JSON_TOKEN_END_OBJECT:
          case JD_JSON_TOKEN_END_ARRAY:
          case JD_JSON_TOKEN_TRUE:
          case JD_JSON_TOKEN_FALSE:
          case JD_JSON_TOKEN_NULL:
          default:
            break;
        }
    }
}

int
jd_fuzz_json (const guint8 *data, gsize size)
{
  const char *text = (const char *)data;
  g_autoptr (JsonNode) strict = NULL;
  g_autoptr (JsonNode) lenient = NULL;
  g_autoptr (GError) error = NULL;
  gsize error_offset = G_MAXSIZE;
  gboolean reader_ok;
  guint depth, depth_skipping;
  gboolean lone_surrogate;

  strict = jd_json_parse (text, size, JD_JSON_FLAGS_NONE, &error_offset, &error);
  if (strict == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == JD_JSON_ERROR);
      jd_fuzz_assert_utf8 (error->message);
      g_assert_cmpuint (error_offset, <=, size);
      g_clear_error (&error);
    }
  else
    g_assert_null (error);

  lenient = jd_json_parse (text, size, JD_JSON_ALLOW_DUPLICATES | JD_JSON_ALLOW_BOM, NULL, &error);
  /* By design, jd_json_parse refuses lone surrogate escapes (JOSE values
   * must be UTF-8) where the reader makes them U+FFFD (a HAR is shown). */
  lone_surrogate = g_error_matches (error, JD_JSON_ERROR, JD_JSON_ERROR_UTF8);
  g_clear_error (&error);
  /* Anything the strict mode takes, the lenient mode takes. */
  if (strict != NULL)
    g_assert_nonnull (lenient);

  if (lenient != NULL)
    {
      /* What we print, we read back, and print the same way again. */
      g_autofree char *once = jd_json_to_string (lenient, FALSE);
      g_autofree char *pretty = jd_json_to_string (lenient, TRUE);
      g_autoptr (JsonNode) again = NULL;
      g_autofree char *twice = NULL;

      jd_fuzz_assert_utf8 (once);
      jd_fuzz_assert_utf8 (pretty);
      again = jd_json_parse (once, strlen (once), JD_JSON_FLAGS_NONE, NULL, &error);
      if (again == NULL)
        g_error ("jd_json_to_string printed what jd_json_parse refuses: %s", error->message);
      if (again != NULL)
        {
          twice = jd_json_to_string (again, FALSE);
          g_assert_cmpstr (once, ==, twice);
        }
    }

  /* The streaming reader: with and without skipping containers. */
  reader_ok = walk_reader (text, size, JD_JSON_READER_ALLOW_BOM, FALSE, &depth);
  walk_reader (text, size, JD_JSON_READER_FLAGS_NONE, TRUE, &depth_skipping);

  /* Both parsers hold RFC 8259; within both depth limits they agree. */
  if (lenient != NULL)
    g_assert_true (reader_ok);
  else if (reader_ok && depth < JD_JSON_MAX_DEPTH - 1 && !lone_surrogate)
    g_error ("the streaming reader accepts what jd_json_parse refuses");

  return 0;
}

JD_FUZZ_ENTRY_POINT (jd_fuzz_json)
