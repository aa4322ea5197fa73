/* fuzz-curl.c — curl command lines ("Copy as cURL" from Chrome and
 * Firefox, bash and cmd flavours): the words, the request they make, and
 * the curl commands we write for it, which must read back as the same
 * request
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "jd-curl-split.h"
#include "jd-input.h"

#include "fuzz-common.h"

/* The headers jd_request_to_curl() writes as they are: it leaves out the
 * ones curl makes itself (jd-request.c, header_is_curls_own), turns
 * Accept-Encoding into --compressed, writes one Authorization, and says
 * "Content-Type:" (none) for a body without one. */
static GPtrArray *
comparable_headers (JdRequest *request)
{
  static const char *const skip[] = {
    "Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive", "Proxy-Connection", "TE",
    "Upgrade",        "Accept-Encoding",
  };
  GPtrArray *all = jd_request_get_headers (request);
  GPtrArray *out = g_ptr_array_new ();
  gboolean authorization = FALSE;

  for (guint i = 0; i < all->len; i++)
    {
      const JdHeader *h = g_ptr_array_index (all, i);
      gboolean keep = TRUE;

      for (guint k = 0; k < G_N_ELEMENTS (skip) && keep; k++)
        keep = g_ascii_strcasecmp (h->name, skip[k]) != 0;
      if (g_ascii_strcasecmp (h->name, "Content-Type") == 0 && h->value[0] == '\0')
        keep = FALSE;
      if (g_ascii_strcasecmp (h->name, "Authorization") == 0)
        {
          keep = !authorization;
          authorization = TRUE;
        }
      if (keep)
        g_ptr_array_add (out, (gpointer)h);
    }
  return out;
}

/* jd-request.c append_header_line: a line break in a value is unfolded to
 * one space (RFC 9110 §5.5), since curl cannot send it. */
static char *
unfold (const char *value)
{
  GString *out = g_string_new (NULL);

  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p != '\r' && *p != '\n')
        {
          g_string_append_c (out, *p);
          continue;
        }
      while (p[1] == '\r' || p[1] == '\n' || p[1] == ' ' || p[1] == '\t')
        p++;
      if (out->len > 0 && out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
    }
  return g_string_free (out, FALSE);
}

static void
assert_same_request (JdRequest *a, JdRequest *b, const char *curl)
{
  g_autoptr (GPtrArray) ha = comparable_headers (a);
  g_autoptr (GPtrArray) hb = comparable_headers (b);
  GBytes *body_a = jd_request_get_body (a);
  GBytes *body_b = jd_request_get_body (b);

  if (g_strcmp0 (jd_request_get_method (a), jd_request_get_method (b)) != 0
      || g_strcmp0 (jd_request_get_url (a), jd_request_get_url (b)) != 0 || ha->len != hb->len)
    g_error ("the curl command we wrote does not read back as the same request "
             "(%s %s, %u headers → %s %s, %u headers):\n%s",
             jd_request_get_method (a), jd_request_get_url (a), ha->len, jd_request_get_method (b),
             jd_request_get_url (b), hb->len, curl);
  for (guint i = 0; i < ha->len; i++)
    {
      const JdHeader *x = g_ptr_array_index (ha, i);
      const JdHeader *y = g_ptr_array_index (hb, i);
      g_autofree char *expected = unfold (x->value);
      const char *got = y->value;
      const char *want = expected;

      /* Leading whitespace of a value is not part of it (RFC 9110 §5.5 OWS):
       * -b '  c=d' keeps it, -H 'Cookie:   c=d' does not. */
      while (*want == ' ' || *want == '\t')
        want++;
      while (*got == ' ' || *got == '\t')
        got++;
      if (g_ascii_strcasecmp (x->name, y->name) != 0 || strcmp (want, got) != 0)
        g_error ("header %u (%s: %s) reads back as %s: %s in:\n%s", i, x->name, x->value, y->name,
                 y->value, curl);
    }
  /* A body with NUL bytes goes through printf | --data-binary @-, which is
   * not a curl option to read back. */
  if (body_a != NULL && g_bytes_get_size (body_a) > 0
      && memchr (g_bytes_get_data (body_a, NULL), 0, g_bytes_get_size (body_a)))
    return;
  if ((body_a == NULL) != (body_b == NULL) || (body_a != NULL && !g_bytes_equal (body_a, body_b)))
    g_error ("the body does not read back the same in:\n%s", curl);
}

/* Field text as RFC 9110 §5.5 allows it (no control characters but HTAB),
 * and UTF-8: what the read-back check covers. A header with other bytes is
 * not HTTP, and how the writer quotes it is its own business. */
static gboolean
is_field_text (const char *s)
{
  for (const char *p = s; *p != '\0'; p++)
    if (((guchar)*p < 0x20 && *p != '\t') || *p == 0x7f)
      return FALSE;
  return g_utf8_validate (s, -1, NULL);
}

static gboolean
request_is_field_text (JdRequest *request)
{
  GPtrArray *headers = jd_request_get_headers (request);

  if (!is_field_text (jd_request_get_url (request)))
    return FALSE;
  for (guint i = 0; i < headers->len; i++)
    {
      const JdHeader *h = g_ptr_array_index (headers, i);
      if (!is_field_text (h->name) || !is_field_text (h->value))
        return FALSE;
    }
  return TRUE;
}

static void
parse (const char *text, gsize len, gboolean round_trip)
{
  g_autoptr (JdInput) input = jd_input_parse (text, len);
  gsize stopped = G_MAXSIZE;
  g_auto (GStrv) words = jd_curl_split_words (text, len, &stopped);
  JdRequest *request;
  GPtrArray *findings;

  g_assert_nonnull (input);
  g_assert_nonnull (words);
  /* The word limit stops the splitting only with JD_CURL_MAX_WORDS words read. */
  g_assert_cmpuint (stopped, <=, len);
  if (stopped < len)
    g_assert_cmpuint (g_strv_length (words), ==, JD_CURL_MAX_WORDS);
  g_assert_cmpuint (jd_input_get_token_start (input), <=, jd_input_get_token_end (input));
  g_assert_cmpuint (jd_input_get_token_end (input), <=, len);
  findings = jd_input_get_findings (input);
  for (guint i = 0; i < findings->len; i++)
    jd_fuzz_assert_utf8 (jd_finding_get_message (g_ptr_array_index (findings, i)));

  request = jd_input_get_request (input);
  if (request == NULL)
    return;
  /* A curl command, or a pasted header block with a request line (jd-input.h). */
  g_assert_cmpint (jd_input_get_form (input), !=, JD_INPUT_FORM_EMPTY);
  g_assert_nonnull (jd_request_get_method (request));
  g_assert_nonnull (jd_request_get_url (request));
  g_free (jd_request_dup_bearer (request));

  for (JdCurlVariant v = JD_CURL_WITHOUT_TOKEN; v <= JD_CURL_FRESH_TOKEN; v++)
    {
      g_autofree char *curl = jd_request_to_curl (request, v, NULL);
      g_autoptr (JdInput) again = NULL;

      g_assert_nonnull (curl);
      if (!round_trip || v != JD_CURL_THIS_TOKEN || !request_is_field_text (request))
        continue;
      again = jd_input_parse (curl, strlen (curl));
      if (jd_input_get_request (again) == NULL)
        g_error ("the curl command we wrote does not read back as a request:\n%s", curl);
      assert_same_request (request, jd_input_get_request (again), curl);
    }
}

int
jd_fuzz_curl (const guint8 *data, gsize size)
{
  g_autofree char *prefixed = NULL;

  parse ((const char *)data, size, TRUE);

  /* The same words after "curl ", so that the fuzzer spends its time in
   * the command parser rather than finding the word "curl". */
  prefixed = g_malloc (size + 5);
  memcpy (prefixed, "curl ", 5);
  if (size > 0)
    memcpy (prefixed + 5, data, size);
  parse (prefixed, size + 5, TRUE);
  return 0;
}

JD_FUZZ_ENTRY_POINT (jd_fuzz_curl)
