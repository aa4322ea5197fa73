/* fuzz-www-authenticate.c — a server's answer: WWW-Authenticate values
 * (RFC 7235 / RFC 6750), HTTP-dates, and jd_response_diagnose()
 *
 * The input is lines. "Date: …", "Server: …", "Via: …" become those
 * headers, "Reason: …" the reason phrase; every other line is one
 * WWW-Authenticate value. The length picks the status code.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "jd-base64.h"
#include "jd-time.h"
#include "jd-www-authenticate.h"

#include "fuzz-common.h"

#define MAX_LINES 64

static JdToken *
example_token (void)
{
  static const char header[] = "{\"alg\":\"RS256\",\"kid\":\"k1\",\"typ\":\"JWT\"}";
  static const char payload[] = "{\"sub\":\"u1\",\"scope\":\"read write\",\"scp\":[\"read\"],"
                                "\"aud\":\"https://api.example.com\",\"exp\":1700000100,"
                                "\"iat\":1699990000,\"nbf\":1699990000}";
  g_autofree char *h = g_base64_encode ((const guchar *)header, strlen (header));
  g_autofree char *p = g_base64_encode ((const guchar *)payload, strlen (payload));
  g_autofree char *text = NULL;

  /* base64 to base64url without padding */
  for (char *s = h; *s; s++)
    *s = *s == '+' ? '-' : *s == '/' ? '_' : *s;
  for (char *s = p; *s; s++)
    *s = *s == '+' ? '-' : *s == '/' ? '_' : *s;
  g_strdelimit (h, "=", '\0');
  g_strdelimit (p, "=", '\0');
  text = g_strdup_printf ("%s.%s.c2lnbmF0dXJl", h, p);
  return jd_token_parse (text, -1);
}

static void
check_challenges (GPtrArray *challenges)
{
  g_assert_nonnull (challenges);
  g_assert_cmpuint (challenges->len, >, 0);
  for (guint i = 0; i < challenges->len; i++)
    {
      JdChallenge *c = g_ptr_array_index (challenges, i);
      g_autoptr (JdChallenge) copy = jd_challenge_copy (c);
      g_autofree char *text = jd_challenge_describe (c);

      g_assert_nonnull (c->scheme);
      g_assert_nonnull (c->params);
      jd_fuzz_assert_utf8 (text);
      for (guint j = 0; j < c->params->len; j++)
        {
          JdAuthParam *p = g_ptr_array_index (c->params, j);

          g_assert_nonnull (p->name);
          g_assert_nonnull (p->value);
          jd_fuzz_assert_utf8 (p->value);
          g_assert_nonnull (jd_challenge_get_param (c, p->name));
        }
      jd_challenge_is_scheme (c, "Bearer");
      jd_bearer_error_explain (jd_bearer_error_from_string (jd_challenge_get_param (c, "error")));
    }
}

/* One line as a WWW-Authenticate value, and as an HTTP-date. */
static void
check_line (const char *line, gsize len)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) challenges = NULL;
  g_autofree char *value = NULL;
  gsize error_offset = G_MAXSIZE;
  gint64 t;

  challenges = jd_www_authenticate_parse (line, len, &error_offset, &error);
  if (challenges == NULL)
    {
      g_assert_nonnull (error);
      jd_fuzz_assert_utf8 (error->message);
      g_assert_cmpuint (error_offset, <=, len);
    }
  else
    check_challenges (challenges);

  value = g_strndup (line, len);
  if (jd_http_date_parse (value, &t))
    {
      g_autofree char *d = jd_time_format_duration (t - JD_FUZZ_NOW);
      jd_fuzz_assert_utf8 (d);
    }
}

/* Every line, as the values of several headers. */
static void
check_all (GPtrArray *values)
{
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *left_out = NULL;

  all = jd_www_authenticate_parse_all ((const char *const *)values->pdata, &left_out, &error);
  if (all == NULL)
    {
      g_assert_nonnull (error);
      g_assert_null (left_out);
      jd_fuzz_assert_utf8 (error->message);
    }
  else
    {
      check_challenges (all);
      if (left_out != NULL)
        jd_fuzz_assert_utf8 (left_out);
    }
}

/* The lines as a response: "Date: …", "Server: …", "Via: …" headers,
 * "Reason: …" the reason phrase, the rest WWW-Authenticate values. */
static JdResponse *
response_of (GPtrArray *values, guint status)
{
  JdResponse *response;
  const char *reason = NULL;

  for (guint i = 0; values->pdata[i] != NULL; i++)
    {
      const char *v = values->pdata[i];
      if (g_str_has_prefix (v, "Reason: "))
        reason = v + strlen ("Reason: ");
    }
  response = jd_response_new (status, reason);
  for (guint i = 0; values->pdata[i] != NULL; i++)
    {
      const char *v = values->pdata[i];
      static const char *names[] = { "Date", "Server", "Via" };
      gboolean done = FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (names) && !done; k++)
        {
          gsize n = strlen (names[k]);
          if (strncmp (v, names[k], n) == 0 && v[n] == ':' && v[n + 1] == ' ')
            {
              jd_response_add_header (response, names[k], v + n + 2);
              done = TRUE;
            }
        }
      if (!done && !g_str_has_prefix (v, "Reason: "))
        jd_response_add_header (response, "WWW-Authenticate", v);
    }
  return response;
}

static void
check_findings (GPtrArray *findings)
{
  g_assert_nonnull (findings);
  g_assert_cmpuint (findings->len, >, 0);
  for (guint i = 0; i < findings->len; i++)
    {
      JdFinding *f = g_ptr_array_index (findings, i);
      const char *message = jd_finding_get_message (f);

      jd_fuzz_assert_utf8 (message);
      jd_fuzz_assert_utf8 (jd_finding_get_fix (f));
    }
}

int
jd_fuzz_www_authenticate (const guint8 *data, gsize size)
{
  static const guint statuses[] = { 401, 403, 200, 400, 0, 302, 500, 999 };
  static JdToken *token;
  g_autoptr (GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (JdResponse) response = NULL;
  g_autoptr (GPtrArray) findings = NULL;
  g_autoptr (JdExpectations) expect = jd_expectations_new ();
  gsize start = 0;

  if (token == NULL)
    token = example_token ();

  /* Lines, parsed one by one with their exact bytes (NULs included). */
  for (gsize i = 0; i <= size && values->len < MAX_LINES; i++)
    {
      if (i == size || data[i] == '\n')
        {
          const char *line = (const char *)data + start;
          gsize len = i - start;

          check_line (line, len);
          g_ptr_array_add (values, g_strndup (line, len));
          start = i + 1;
        }
    }
  g_ptr_array_add (values, NULL);

  check_all (values);

  /* The same lines as a response. */
  response = response_of (values, statuses[size % G_N_ELEMENTS (statuses)]);
  expect->now = JD_FUZZ_NOW;
  findings = jd_response_diagnose (response, (size & 8) ? NULL : token, expect);
  check_findings (findings);
  return 0;
}

JD_FUZZ_ENTRY_POINT (jd_fuzz_www_authenticate)
