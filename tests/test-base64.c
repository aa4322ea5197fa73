/* test-base64.c — tests for src/core/jd-base64.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "jd-base64.h"

static void
assert_decodes (const char *text, const char *expect, gsize expect_len)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = jd_base64url_decode (text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), expect, expect_len);
}

static void
test_rfc4648_vectors (void)
{
  /* RFC 4648 §10, without padding. */
  assert_decodes ("", "", 0);
  assert_decodes ("Zg", "f", 1);
  assert_decodes ("Zm8", "fo", 2);
  assert_decodes ("Zm9v", "foo", 3);
  assert_decodes ("Zm9vYg", "foob", 4);
  assert_decodes ("Zm9vYmE", "fooba", 5);
  assert_decodes ("Zm9vYmFy", "foobar", 6);
  /* URL alphabet: 0xfb 0xff -> "-_8" */
  assert_decodes ("-_8", "\xfb\xff", 2);
}

static void
test_roundtrip_every_length (void)
{
  guint8 data[300];

  for (guint i = 0; i < sizeof data; i++)
    data[i] = (guint8)(i * 37 + 11);

  for (gsize len = 0; len <= sizeof data; len++)
    {
      g_autofree char *enc = jd_base64url_encode (data, len);
      g_autoptr (GError) error = NULL;
      g_autoptr (GBytes) dec = NULL;

      g_assert_null (strchr (enc, '='));
      g_assert_null (strchr (enc, '+'));
      g_assert_null (strchr (enc, '/'));
      g_assert_cmpuint (strlen (enc) % 4, !=, 1);
      dec = jd_base64url_decode (enc, strlen (enc), &error);
      g_assert_no_error (error);
      g_assert_cmpmem (g_bytes_get_data (dec, NULL), g_bytes_get_size (dec), data, len);
    }
}

/* 1 mod 4 is never base64; 0, 2, 3 are. A case per length. */
static const char *const length_mod_4[] = { "A", "AAAAA", "AAAAAAAAA" };

static void
test_length_mod_4 (gconstpointer data)
{
  const char *bad = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) b = jd_base64url_decode (bad, strlen (bad), &error);

  g_assert_null (b);
  g_assert_error (error, JD_BASE64_ERROR, JD_BASE64_ERROR_INVALID_LENGTH);
  g_assert_nonnull (strstr (error->message, "byte"));
}

static void
test_every_invalid_character (void)
{
  for (guint c = 0; c < 256; c++)
    {
      char text[5] = "AAAA";
      g_autoptr (GError) error = NULL;
      g_autoptr (GBytes) b = NULL;
      gboolean url = g_ascii_isalnum (c) || c == '-' || c == '_';

      text[2] = (char)c;
      b = jd_base64url_decode (text, 4, &error);
      if (url)
        {
          g_assert_no_error (error);
          g_assert_nonnull (b);
        }
      else
        {
          g_autofree char *where = g_strdup ("byte 2:");
          g_assert_null (b);
          g_assert_nonnull (error);
          g_assert_true (error->domain == JD_BASE64_ERROR);
          /* The message says where. */
          g_assert_nonnull (strstr (error->message, where));
        }
    }
}

static void
test_lenient_padding_and_alphabet (void)
{
  g_autoptr (GError) problem = NULL;
  g_autoptr (GError) error = NULL;
  gsize offset = 99;
  g_autoptr (GBytes) b = NULL;

  /* Padded: decodes, but says so, at the first '='. */
  b = jd_base64url_decode_lenient ("Zm8=", 4, &offset, &problem, &error);
  g_assert_no_error (error);
  g_assert_nonnull (b);
  g_assert_cmpmem (g_bytes_get_data (b, NULL), g_bytes_get_size (b), "fo", 2);
  g_assert_error (problem, JD_BASE64_ERROR, JD_BASE64_ERROR_PADDING);
  g_assert_cmpuint (offset, ==, 3);
  g_clear_error (&problem);
  g_clear_pointer (&b, g_bytes_unref);

  /* Strict refuses the same input. */
  b = jd_base64url_decode ("Zm8=", 4, &error);
  g_assert_null (b);
  g_assert_error (error, JD_BASE64_ERROR, JD_BASE64_ERROR_PADDING);
  g_clear_error (&error);

  /* Standard alphabet: "+/8" is 0xfb 0xff. */
  b = jd_base64url_decode_lenient ("+/8", 3, &offset, &problem, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (b, NULL), g_bytes_get_size (b), "\xfb\xff", 2);
  g_assert_error (problem, JD_BASE64_ERROR, JD_BASE64_ERROR_STANDARD_ALPHABET);
  g_assert_cmpuint (offset, ==, 0);
  g_clear_error (&problem);
  g_clear_pointer (&b, g_bytes_unref);

  /* Misplaced padding is fatal even when lenient, and the offset says where. */
  b = jd_base64url_decode_lenient ("Zm=8", 4, &offset, &problem, &error);
  g_assert_null (b);
  g_assert_nonnull (error);
  g_assert_cmpuint (offset, ==, 2);
}

static void
test_trailing_bits (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) b = jd_base64url_decode ("Zh", 2, &error); /* 'h' has low bits set */

  g_assert_null (b);
  g_assert_error (error, JD_BASE64_ERROR, JD_BASE64_ERROR_TRAILING_BITS);
}

static void
test_random_bytes_never_crash (void)
{
  GRand *rand = g_rand_new_with_seed (7515);

  for (guint round = 0; round < 2000; round++)
    {
      gsize len = g_rand_int_range (rand, 0, 64);
      g_autofree guint8 *buf = g_malloc (len + 1);
      g_autoptr (GError) e1 = NULL;
      g_autoptr (GError) e2 = NULL;
      g_autoptr (GError) problem = NULL;
      g_autoptr (GBytes) a = NULL;
      g_autoptr (GBytes) b = NULL;

      for (gsize i = 0; i < len; i++)
        buf[i] = g_rand_int_range (rand, 0, 256);
      a = jd_base64url_decode ((char *)buf, len, &e1);
      b = jd_base64url_decode_lenient ((char *)buf, len, NULL, &problem, &e2);
      g_assert_true ((a == NULL) == (e1 != NULL));
      g_assert_true ((b == NULL) == (e2 != NULL));
      /* Whatever strict accepts, lenient accepts with the same bytes and no problem. */
      if (a != NULL)
        {
          g_assert_nonnull (b);
          g_assert_true (g_bytes_equal (a, b));
          g_assert_null (problem);
        }
    }
  g_rand_free (rand);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jd/base64/rfc4648", test_rfc4648_vectors);
  g_test_add_func ("/jd/base64/roundtrip", test_roundtrip_every_length);
  for (guint i = 0; i < G_N_ELEMENTS (length_mod_4); i++)
    {
      g_autofree char *path
        = g_strdup_printf ("/jd/base64/length-mod-4/%zu", strlen (length_mod_4[i]));
      g_test_add_data_func (path, length_mod_4[i], test_length_mod_4);
    }
  g_test_add_func ("/jd/base64/invalid-characters", test_every_invalid_character);
  g_test_add_func ("/jd/base64/lenient", test_lenient_padding_and_alphabet);
  g_test_add_func ("/jd/base64/trailing-bits", test_trailing_bits);
  g_test_add_func ("/jd/base64/random", test_random_bytes_never_crash);

  return g_test_run ();
}
