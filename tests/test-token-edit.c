/* test-token-edit.c — jd-token-edit.c: NAME=VALUE claim edits, one case
 * per row, each form with a close input that must not do the same
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "jd-json.h"
#include "jd-sign-key.h"
#include "jd-token-edit.h"

#define NOW G_GINT64_CONSTANT (1800000000)

typedef struct
{
  const char *assignment;
  const char *name;
  const char *json;    /* the claim's value afterwards, compact JSON; NULL: an error */
  const char *message; /* the error's exact text */
} EditRow;

static const EditRow edit_rows[] = {
  { "exp=+3600", "exp", "1800003600", NULL },
  { "exp=+1h", "exp", "1800003600", NULL },
  { "exp=+90m", "exp", "1800005400", NULL },
  { "exp=+2d", "exp", "1800172800", NULL },
  { "exp=+1w", "exp", "1800604800", NULL },
  { "iat=now", "iat", "1800000000", NULL },
  { "nbf=now-5m", "nbf", "1799999700", NULL },
  { "nbf=now+30s", "nbf", "1800000030", NULL },
  { "exp=-3600", "exp", "-3600", NULL }, /* JSON: a number, not relative */
  { "exp=1700000000", "exp", "1700000000", NULL },
  { "aud=https://api.example.com", "aud", "\"https://api.example.com\"", NULL },
  { "aud=[\"a\",\"b\"]", "aud", "[\"a\",\"b\"]", NULL },
  { "sub=\"42\"", "sub", "\"42\"", NULL },
  { "sub=42", "sub", "42", NULL },
  { "admin=true", "admin", "true", NULL },
  { "admin=truly", "admin", "\"truly\"", NULL },
  { "note=nowhere", "note", "\"nowhere\"", NULL },
  { "note=", "note", "\"\"", NULL },
  { "scope=a=b", "scope", "\"a=b\"", NULL },
  { "ctx={\"a\":1}", "ctx", "{\"a\":1}", NULL },
  { "exp+3600", NULL, NULL,
    "“exp+3600”: no '=' between the claim name and its value; write NAME=VALUE, e.g. exp=+3600" },
  { "=5", NULL, NULL, "“=5”, byte 0: the claim name before '=' is empty" },
  { "exp=+1y", NULL, NULL,
    "“exp=+1y”, byte 6: 'y' is not a time unit; use s, m, h, d or w, or none for seconds" },
  { "exp=+1hh", NULL, NULL,
    "“exp=+1hh”, byte 6: 'h' is not a time unit; use s, m, h, d or w, or none for seconds" },
  { "exp=now+", NULL, NULL,
    "“exp=now+”, byte 8: expected a number of seconds (e.g. +3600 or +1h)" },
  { "exp=+", NULL, NULL, "“exp=+”, byte 5: expected a number of seconds (e.g. +3600 or +1h)" },
  { "exp=+9999999999999", NULL, NULL,
    "“exp=+9999999999999”, byte 5: the offset is larger than 1000000000000 seconds" },
  { "roles=[1,", NULL, NULL, NULL /* the decoder's words: test_edit_json_error */ },
};

static void
test_edit (gconstpointer data)
{
  const EditRow *row = data;
  g_autoptr (JsonObject) claims = json_object_new ();
  g_autoptr (GError) error = NULL;
  gboolean ok;

  json_object_set_string_member (claims, "sub", "alice");
  ok = jd_token_edit_set (claims, row->assignment, NOW, &error);
  if (row->json)
    {
      g_autofree char *got = NULL;

      g_assert_no_error (error);
      g_assert_true (ok);
      got = jd_json_to_string (json_object_get_member (claims, row->name), FALSE);
      g_assert_cmpstr (got, ==, row->json);
      return;
    }
  g_assert_false (ok);
  g_assert_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_INPUT);
  if (row->message)
    g_assert_cmpstr (error->message, ==, row->message);
  /* A failed edit leaves the claims as they were. */
  g_assert_cmpuint (json_object_get_size (claims), ==, 1);
}

static void
test_edit_json_error (void)
{
  g_autoptr (JsonObject) claims = json_object_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) decoder = NULL;
  g_autoptr (JsonNode) node = jd_json_parse ("[1,", 3, JD_JSON_FLAGS_NONE, NULL, &decoder);
  g_autofree char *expected = NULL;

  g_assert_null (node);
  g_assert_false (jd_token_edit_set (claims, "roles=[1,", NOW, &error));
  expected = g_strdup_printf ("“roles=[1,”: the value after '=' is not JSON, %s (the value starts "
                              "at byte 6; write a string as \"…\")",
                              decoder->message);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_unset (void)
{
  g_autoptr (JsonObject) claims = json_object_new ();
  g_autoptr (GError) error = NULL;

  json_object_set_int_member (claims, "exp", 1);
  json_object_set_int_member (claims, "iat", 1);
  g_assert_true (jd_token_edit_unset (claims, "exp", &error));
  g_assert_false (json_object_has_member (claims, "exp"));
  g_assert_true (json_object_has_member (claims, "iat"));
  g_assert_true (jd_token_edit_unset (claims, "absent", &error));
  g_assert_no_error (error);
  g_assert_false (jd_token_edit_unset (claims, "", &error));
  g_assert_error (error, JD_SIGN_ERROR, JD_SIGN_ERROR_INPUT);
}

static void
test_edit_text (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *edited
    = jd_token_edit_text ("{\"sub\":\"a\"}", "payload", "iat=now", NOW, &error);
  g_autofree char *broken = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (edited, ==, "{\n  \"sub\" : \"a\",\n  \"iat\" : 1800000000\n}");
  broken = jd_token_edit_text ("{\"sub\" \"a\"}", "payload", "iat=now", NOW, &error);
  g_assert_null (broken);
  g_assert_true (g_str_has_prefix (error->message, "payload, byte 7: "));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (edit_rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/token-edit/set/%u", i);
      g_test_add_data_func (path, &edit_rows[i], test_edit);
    }
  g_test_add_func ("/token-edit/json-error", test_edit_json_error);
  g_test_add_func ("/token-edit/unset", test_unset);
  g_test_add_func ("/token-edit/text", test_edit_text);
  return g_test_run ();
}
