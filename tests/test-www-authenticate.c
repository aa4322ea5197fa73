/* test-www-authenticate.c — src/core/jd-www-authenticate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "jd-base64.h"
#include "jd-time.h"
#include "jd-www-authenticate.h"
#include "test-diagnose-util.h"

/* "scheme [token68] {name=value|name=value}" */
static char *
challenge_to_string (const JdChallenge *challenge)
{
  GString *s = g_string_new (challenge->scheme);

  if (challenge->token68 != NULL)
    g_string_append_printf (s, " [%s]", challenge->token68);
  g_string_append (s, " {");
  for (guint i = 0; i < challenge->params->len; i++)
    {
      const JdAuthParam *param = g_ptr_array_index (challenge->params, i);
      g_string_append_printf (s, "%s%s=%s", i > 0 ? "|" : "", param->name, param->value);
    }
  g_string_append (s, "}");
  return g_string_free (s, FALSE);
}

typedef struct
{
  char *value;
  GPtrArray *expected; /* strings */
  gsize offset;
  char *message_part;
  guint line;
} Case;

static void
case_free (gpointer data)
{
  Case *c = data;

  g_free (c->value);
  g_clear_pointer (&c->expected, g_ptr_array_unref);
  g_free (c->message_part);
  g_free (c);
}

static GPtrArray *
load_cases (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *cases = g_ptr_array_new_with_free_func (case_free);
  Case *current = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (g_str_has_prefix (line, "> "))
        {
          current = g_new0 (Case, 1);
          current->value = g_strdup (line + 2);
          current->expected = g_ptr_array_new_with_free_func (g_free);
          current->line = i + 1;
          g_ptr_array_add (cases, current);
        }
      else if (g_str_has_prefix (line, "= "))
        {
          g_assert_nonnull (current);
          g_ptr_array_add (current->expected, g_strdup (line + 2));
        }
      else if (g_str_has_prefix (line, "! "))
        {
          char *end = NULL;

          g_assert_nonnull (current);
          current->offset = g_ascii_strtoull (line + 2, &end, 10);
          g_assert_true (end != line + 2);
          current->message_part = g_strdup (g_strstrip (end));
        }
    }
  g_assert_cmpuint (cases->len, >, 0);
  return cases;
}

/* One line of tests/data/www-authenticate-valid.txt. */
static void
test_valid_fixture (gconstpointer data)
{
  const Case *c = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) challenges = NULL;

  g_test_message ("line %u: %s", c->line, c->value);
  challenges = jd_www_authenticate_parse (c->value, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (challenges);
  g_assert_cmpuint (challenges->len, ==, c->expected->len);
  for (guint j = 0; j < challenges->len; j++)
    {
      g_autofree char *got = challenge_to_string (g_ptr_array_index (challenges, j));
      g_assert_cmpstr (got, ==, g_ptr_array_index (c->expected, j));
    }
}

/* One line of tests/data/www-authenticate-invalid.txt. */
static void
test_invalid_fixture (gconstpointer data)
{
  const Case *c = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) challenges = NULL;
  g_autofree char *prefix = NULL;
  gsize offset = G_MAXSIZE;

  g_test_message ("line %u: %s", c->line, c->value);
  g_assert_nonnull (c->message_part);
  challenges = jd_www_authenticate_parse (c->value, -1, &offset, &error);
  g_assert_null (challenges);
  g_assert_nonnull (error);
  g_assert_true (error->domain == JD_WWW_AUTHENTICATE_ERROR);
  g_test_message ("  → %s", error->message);
  g_assert_cmpuint (offset, ==, c->offset);
  if (error->code != JD_WWW_AUTHENTICATE_ERROR_EMPTY)
    {
      prefix = g_strdup_printf ("byte %" G_GSIZE_FORMAT ": ", c->offset);
      g_assert_true (g_str_has_prefix (error->message, prefix));
    }
  g_assert_nonnull (strstr (error->message, c->message_part));
}

/* One test case per value in the fixture file @name: "@prefix/line-N".
 * Returns the cases, to be freed after g_test_run(). */
static GPtrArray *
add_fixture_cases (const char *name, const char *prefix, GTestDataFunc func)
{
  GPtrArray *cases = load_cases (name);

  for (guint i = 0; i < cases->len; i++)
    {
      const Case *c = g_ptr_array_index (cases, i);
      g_autofree char *path = g_strdup_printf ("%s/line-%u", prefix, c->line);
      g_test_add_data_func (path, c, func);
    }
  return cases;
}

static void
test_several_headers (void)
{
  const char *values[]
    = { "Basic realm=\"legacy\"", "Bearer realm=\"api\", error=\"invalid_token\"",
        "DPoP algs=\"ES256 PS256\"", NULL };
  const char *broken[] = { "Bearer realm=\"api\"", "Bearer error=\"x", NULL };
  g_autoptr (GPtrArray) challenges = NULL;
  g_autoptr (GError) error = NULL;
  JdChallenge *bearer;

  challenges = jd_www_authenticate_parse_all (values, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (challenges->len, ==, 3);
  bearer = g_ptr_array_index (challenges, 1);
  g_assert_true (jd_challenge_is_scheme (bearer, "bearer"));
  g_assert_true (jd_challenge_is_scheme (bearer, "BEARER"));
  g_assert_false (jd_challenge_is_scheme (bearer, "Basic"));
  g_assert_cmpuint (bearer->header, ==, 1);
  g_assert_cmpstr (jd_challenge_get_param (bearer, "ERROR"), ==, "invalid_token");
  g_assert_cmpstr (jd_challenge_get_param (bearer, "Realm"), ==, "api");
  g_assert_null (jd_challenge_get_param (bearer, "scope"));
  g_assert_cmpstr (jd_challenge_get_param (g_ptr_array_index (challenges, 2), "algs"), ==,
                   "ES256 PS256");

  g_clear_pointer (&challenges, g_ptr_array_unref);
  challenges = jd_www_authenticate_parse_all (broken, NULL, &error);
  g_assert_null (challenges);
  g_assert_error (error, JD_WWW_AUTHENTICATE_ERROR, JD_WWW_AUTHENTICATE_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "header 2, byte 13: "));
}

typedef struct
{
  const char *name;
  const char *value;
  gsize len;
  gsize offset;
  const char *part;
} HostileRow;

static const HostileRow hostile_rows[] = {
  { "control-in-quotes", "Bearer realm=\"a\x01\"", 17, 15, "0x01" },
  { "line-break-in-quotes", "Bearer realm=\"a\r\nX-Injected: 1\"", 31, 15, "line break" },
  { "escaped-del", "Bearer realm=\"a\\\x7f\"", 18, 16, "0x7F" },
  { "nul", "Bearer \0realm=\"a\"", 17, 7, "0x00" },
  { "high-byte-in-scheme", "Bear\x80r realm=a", 14, 4, "0x80" },
  { "unterminated-escape", "Bearer realm=\"abc\\", 18, 13, "never ends" },
  { "high-byte-after-value", "Bearer realm=\"a\" \xff", 18, 17, "0xFF" },
};

static void
test_hostile_bytes (gconstpointer data)
{
  const HostileRow *row = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) challenges = NULL;
  gsize offset = 0;

  challenges = jd_www_authenticate_parse (row->value, row->len, &offset, &error);
  g_assert_null (challenges);
  g_assert_nonnull (error);
  g_test_message ("%s: %s", row->name, error->message);
  g_assert_cmpuint (offset, ==, row->offset);
  g_assert_nonnull (strstr (error->message, row->part));
}

static void
test_obs_text_and_escapes (void)
{
  /* obs-text (bytes ≥ 0x80) is allowed in quoted strings; what is not
   * UTF-8 is replaced so the value can be shown. */
  g_autoptr (GPtrArray) challenges = NULL;
  g_autoptr (GError) error = NULL;
  const char *value = "Bearer error_description=\"caf\xc3\xa9 \xff \\\\ \\\"q\\\"\"";
  const char *desc;

  challenges = jd_www_authenticate_parse (value, -1, NULL, &error);
  g_assert_no_error (error);
  desc = jd_challenge_get_param (g_ptr_array_index (challenges, 0), "error_description");
  g_assert_true (g_utf8_validate (desc, -1, NULL));
  g_assert_true (g_str_has_prefix (desc, "caf\xc3\xa9 "));
  g_assert_true (g_str_has_suffix (desc, " \\ \"q\""));
}

static void
test_too_large (void)
{
  gsize len = JD_WWW_AUTHENTICATE_MAX_SIZE + 10;
  g_autofree char *value = g_malloc (len + 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) challenges = NULL;

  memset (value, 'a', len);
  value[len] = '\0';
  challenges = jd_www_authenticate_parse (value, len, NULL, &error);
  g_assert_null (challenges);
  g_assert_error (error, JD_WWW_AUTHENTICATE_ERROR, JD_WWW_AUTHENTICATE_ERROR_TOO_LARGE);
}

static void
test_garbage_never_crashes (void)
{
  /* Deterministic random bytes drawn from a small alphabet that hits every
   * branch of the grammar: the parser either succeeds or names a byte
   * inside the value. */
  static const char alphabet[] = "Bearer realm=\"\\,  =\t\x01"
                                 "\x80"
                                 "abc/+~";
  GRand *rand = g_rand_new_with_seed (7235);

  for (guint i = 0; i < 20000; i++)
    {
      char value[48];
      gsize len = g_rand_int_range (rand, 0, sizeof value);
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) challenges = NULL;
      gsize offset = G_MAXSIZE;

      for (gsize j = 0; j < len; j++)
        value[j] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
      challenges = jd_www_authenticate_parse (value, len, &offset, &error);
      if (challenges == NULL)
        {
          g_assert_nonnull (error);
          g_assert_cmpuint (offset, <=, len);
        }
      else
        {
          g_assert_no_error (error);
          g_assert_cmpuint (challenges->len, >, 0);
          for (guint j = 0; j < challenges->len; j++)
            {
              JdChallenge *c = g_ptr_array_index (challenges, j);
              g_autoptr (JdChallenge) copy = jd_challenge_copy (c);
              g_autofree char *a = challenge_to_string (c);
              g_autofree char *b = challenge_to_string (copy);
              g_autofree char *text = jd_challenge_describe (c);
              g_assert_cmpstr (a, ==, b);
              g_assert_nonnull (text);
            }
        }
    }
  g_rand_free (rand);
}

static void
test_bearer_errors (void)
{
  g_assert_cmpint (jd_bearer_error_from_string (NULL), ==, JD_BEARER_ERROR_NONE);
  g_assert_cmpint (jd_bearer_error_from_string ("invalid_request"), ==,
                   JD_BEARER_ERROR_INVALID_REQUEST);
  g_assert_cmpint (jd_bearer_error_from_string ("invalid_token"), ==,
                   JD_BEARER_ERROR_INVALID_TOKEN);
  g_assert_cmpint (jd_bearer_error_from_string ("insufficient_scope"), ==,
                   JD_BEARER_ERROR_INSUFFICIENT_SCOPE);
  g_assert_cmpint (jd_bearer_error_from_string ("use_dpop_nonce"), ==, JD_BEARER_ERROR_OTHER);
  g_assert_cmpuint (jd_bearer_error_status (JD_BEARER_ERROR_INVALID_REQUEST), ==, 400);
  g_assert_cmpuint (jd_bearer_error_status (JD_BEARER_ERROR_INVALID_TOKEN), ==, 401);
  g_assert_cmpuint (jd_bearer_error_status (JD_BEARER_ERROR_INSUFFICIENT_SCOPE), ==, 403);
  g_assert_null (jd_bearer_error_explain (JD_BEARER_ERROR_NONE));
  g_assert_nonnull (strstr (jd_bearer_error_explain (JD_BEARER_ERROR_INSUFFICIENT_SCOPE), "scope"));
}

static void
test_describe (void)
{
  g_autoptr (GPtrArray) challenges = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  challenges = jd_www_authenticate_parse (
    "Bearer realm=\"orders\", error=\"insufficient_scope\", scope=\"orders:write\", "
    "error_description=\"needs write\", error_uri=\"https://example.com/e\", resource_metadata=x",
    -1, NULL, &error);
  g_assert_no_error (error);
  text = jd_challenge_describe (g_ptr_array_index (challenges, 0));
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "realm \"orders\""));
  g_assert_nonnull (strstr (text, "insufficient_scope"));
  g_assert_nonnull (strstr (text, "orders:write"));
  g_assert_nonnull (strstr (text, "needs write"));
  g_assert_nonnull (strstr (text, "https://example.com/e"));
  g_assert_nonnull (strstr (text, "resource_metadata=\"x\""));
}

static void
test_http_date (void)
{
  gint64 t = 0;

  g_assert_true (jd_http_date_parse ("Sun, 06 Nov 1994 08:49:37 GMT", &t));
  g_assert_cmpint (t, ==, 784111777);
  t = 0;
  g_assert_true (jd_http_date_parse ("Sunday, 06-Nov-94 08:49:37 GMT", &t));
  g_assert_cmpint (t, ==, 784111777);
  t = 0;
  g_assert_true (jd_http_date_parse ("Sun Nov  6 08:49:37 1994", &t));
  g_assert_cmpint (t, ==, 784111777);
  g_assert_true (jd_http_date_parse ("Sat, 28 Nov 2026 12:00:00 GMT", &t));
  g_assert_cmpint (t, ==, 1795867200);

  g_assert_false (jd_http_date_parse ("", &t));
  g_assert_false (jd_http_date_parse ("yesterday", &t));
  g_assert_false (jd_http_date_parse ("Sun, 06 Nov 1994 08:49:37 PST", &t));
  g_assert_false (jd_http_date_parse ("Sun, 31 Feb 1994 08:49:37 GMT", &t));
  g_assert_false (jd_http_date_parse ("Sun, 06 Nov 1994 25:49:37 GMT", &t));
  g_assert_false (jd_http_date_parse ("Sun, 06 Nov 1994 08:49:37 GMT trailing", &t));
}

/* jd_http_is_tchar() is the one tchar table (jd-net checks header names
 * and methods with it): RFC 9110 §5.6.2, byte by byte. */
static void
test_tchar (void)
{
  const char *specials = "!#$%&'*+-.^_`|~";

  for (guint c = 0; c < 256; c++)
    {
      gboolean expected = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                          || (c != 0 && strchr (specials, (int)c) != NULL);
      g_assert_cmpint (jd_http_is_tchar ((guchar)c), ==, expected);
    }
}

/* ------------------------------------------------------------------ */
/* jd_response_diagnose                                                */

#define NOW G_GINT64_CONSTANT (1795867200) /* Sat, 28 Nov 2026 12:00:00 GMT */

static char *
b64url (const char *text)
{
  return jd_base64url_encode (text, strlen (text));
}

/* An RS256 token (with a dummy signature) carrying @payload. */
static JdToken *
make_token (const char *payload)
{
  g_autofree char *h = b64url ("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"k1\"}");
  g_autofree char *p = b64url (payload);
  g_autofree char *text = g_strdup_printf ("%s.%s.c2lnbmF0dXJl", h, p);
  JdToken *token = jd_token_parse (text, -1);

  g_assert_false (jd_token_is_malformed (token));
  return token;
}

static JdToken *
make_timed_token (gint64 iat, gint64 exp, const char *extra)
{
  g_autofree char *payload
    = g_strdup_printf ("{\"iss\":\"https://id.example.com\",\"iat\":%" G_GINT64_FORMAT
                       ",\"exp\":%" G_GINT64_FORMAT "%s%s}",
                       iat, exp, extra ? "," : "", extra ? extra : "");
  return make_token (payload);
}

static JdExpectations
expectations (void)
{
  JdExpectations expect = { 0 };

  expect.now = NOW;
  expect.leeway = 60;
  return expect;
}

static char *
http_date (gint64 t)
{
  g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (t);
  return g_date_time_format (dt, "%a, %d %b %Y %H:%M:%S GMT");
}

static JdResponse *
make_response (guint status, const char *reason, gint64 date, ...)
{
  JdResponse *response = jd_response_new (status, reason);
  g_autofree char *d = http_date (date);
  const char *name;
  va_list args;

  jd_response_add_header (response, "Date", d);
  va_start (args, date);
  while ((name = va_arg (args, const char *)) != NULL)
    jd_response_add_header (response, name, va_arg (args, const char *));
  va_end (args);
  return response;
}

static void
test_diagnose_ok (void)
{
  JdExpectations expect = expectations ();
  g_autoptr (JdToken) token = make_timed_token (NOW - 60, NOW + 3600, NULL);
  g_autoptr (JdResponse) response
    = make_response (200, "OK", NOW + 2, "Content-Type", "application/json", NULL);
  g_autoptr (GPtrArray) findings = jd_response_diagnose (response, token, &expect);

  dump (findings);
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_true (jd_findings_has (findings, JD_FINDING_STATUS_SUCCESS));
  g_assert_cmpint (jd_finding_get_severity (g_ptr_array_index (findings, 0)), ==, JD_SEVERITY_OK);
}

static void
test_diagnose_missing_www_authenticate (void)
{
  JdExpectations expect = expectations ();
  g_autoptr (JdToken) token = make_timed_token (NOW - 60, NOW + 3600, NULL);
  g_autoptr (JdResponse) response = make_response (401, "Unauthorized", NOW, "Server", "cloudflare",
                                                   "Content-Type", "text/html", NULL);
  g_autoptr (GPtrArray) findings = jd_response_diagnose (response, token, &expect);
  JdFinding *f;

  dump (findings);
  assert_sorted (findings);
  f = jd_findings_find (findings, JD_FINDING_MISSING_WWW_AUTHENTICATE);
  g_assert_nonnull (f);
  g_assert_cmpint (jd_finding_get_severity (f), ==, JD_SEVERITY_ERROR);
  g_assert_cmpint (jd_finding_get_rank (f), ==, JD_RANK_REQUEST);
  g_assert_nonnull (strstr (jd_finding_get_message (f), "Server: cloudflare"));
  g_assert_nonnull (strstr (jd_finding_get_message (f), "never saw"));
  g_assert_true (g_ptr_array_index (findings, 0) == f);
  g_assert_true (jd_findings_has (findings, JD_FINDING_STATUS_401));
  g_assert_false (jd_findings_has (findings, JD_FINDING_SERVER_CLOCK_SKEW));

  /* a Server header that is not UTF-8 does not make the message invalid */
  {
    g_autoptr (JdResponse) odd
      = make_response (401, NULL, NOW, "Server", "gw\xff\xfe", "Via", "1.1 edge", NULL);
    g_autoptr (GPtrArray) odd_findings = jd_response_diagnose (odd, NULL, &expect);
    JdFinding *m = jd_findings_find (odd_findings, JD_FINDING_MISSING_WWW_AUTHENTICATE);

    g_assert_nonnull (m);
    g_assert_true (g_utf8_validate (jd_finding_get_message (m), -1, NULL));
    g_assert_nonnull (strstr (jd_finding_get_message (m), "Via: 1.1 edge"));
  }
}

typedef struct
{
  const char *name;
  guint status;
  const char *value;
  const char *id;
  JdSeverity severity;
  const char *part;
} BearerErrorRow;

static const BearerErrorRow bearer_error_rows[] = {
  { "invalid-token", 401,
    "Bearer realm=\"api\", error=\"invalid_token\", error_description=\"The token expired\", "
    "error_uri=\"https://api.example.com/errors/401\"",
    JD_FINDING_BEARER_INVALID_TOKEN, JD_SEVERITY_ERROR, "The token expired" },
  { "invalid-request", 400,
    "Bearer realm=\"api\", error=\"invalid_request\", error_description=\"Two tokens\"",
    JD_FINDING_BEARER_INVALID_REQUEST, JD_SEVERITY_ERROR, "Two tokens" },
  { "invalid-request-as-401", 401, "Bearer error=\"invalid_request\"",
    JD_FINDING_BEARER_INVALID_REQUEST, JD_SEVERITY_ERROR, "status 400; this server answered 401" },
  { "insufficient-scope", 403,
    "Bearer realm=\"api\", error=\"insufficient_scope\", scope=\"orders:write\"",
    JD_FINDING_INSUFFICIENT_SCOPE, JD_SEVERITY_ERROR, "Missing: \"orders:write\"" },
  { "insufficient-scope-as-401", 401, "Bearer error=\"insufficient_scope\", scope=\"orders:read\"",
    JD_FINDING_INSUFFICIENT_SCOPE, JD_SEVERITY_ERROR, "not 401" },
  { "unknown-error", 401, "Bearer realm=\"api\", error=\"use_dpop_nonce\"", JD_FINDING_BEARER_ERROR,
    JD_SEVERITY_WARNING, "use_dpop_nonce" },
  { "no-error", 401, "Bearer realm=\"api\"", JD_FINDING_BEARER_NO_TOKEN_SEEN, JD_SEVERITY_WARNING,
    "realm \"api\"" },
  { "no-bearer-challenge", 401, "Basic realm=\"admin\", Negotiate", JD_FINDING_NO_BEARER_CHALLENGE,
    JD_SEVERITY_WARNING, "Basic, Negotiate" },
  { "malformed", 401, "Bearer realm=\"api\", error=\"invalid_token\" trailing",
    JD_FINDING_WWW_AUTHENTICATE_MALFORMED, JD_SEVERITY_WARNING, "byte 42: 't'" },
};

static void
test_diagnose_bearer_errors (gconstpointer data)
{
  const BearerErrorRow *row = data;
  JdExpectations expect = expectations ();
  g_autoptr (JdToken) token
    = make_timed_token (NOW - 60, NOW + 3600, "\"scp\":\"orders:read profile\"");
  g_autoptr (JdResponse) response
    = make_response (row->status, NULL, NOW, "WWW-Authenticate", row->value, NULL);
  g_autoptr (GPtrArray) findings = jd_response_diagnose (response, token, &expect);
  JdFinding *f;

  dump (findings);
  assert_sorted (findings);
  f = jd_findings_find (findings, row->id);
  g_assert_nonnull (f);
  g_assert_cmpint (jd_finding_get_severity (f), ==, row->severity);
  g_assert_nonnull (strstr (jd_finding_get_message (f), row->part));
  g_assert_false (jd_findings_has (findings, JD_FINDING_MISSING_WWW_AUTHENTICATE));
  if (row->status == 403)
    g_assert_true (jd_findings_has (findings, JD_FINDING_STATUS_403));
  if (row->status == 401)
    g_assert_true (jd_findings_has (findings, JD_FINDING_STATUS_401));
}

/* scope as a space-separated string, scp as an array, and no scope claim */
typedef struct
{
  const char *name;
  const char *extra;
  const char *part;
} ScopeRow;

static const ScopeRow scope_rows[] = {
  { "scope-string", "\"scope\":\"orders:read orders:write\"", NULL },
  { "scp-array", "\"scp\":[\"orders:read\",\"admin\"]", "Missing: \"orders:write\"" },
  { "no-scope-claim", "\"sub\":\"x\"", "no \"scope\" or \"scp\" claim" },
};

static void
test_diagnose_scope_claims (gconstpointer data)
{
  const ScopeRow *row = data;
  JdExpectations expect = expectations ();
  g_autoptr (JdToken) token = make_timed_token (NOW - 60, NOW + 3600, row->extra);
  g_autoptr (JdResponse) response = make_response (
    403, "Forbidden", NOW, "WWW-Authenticate",
    "Bearer error=\"insufficient_scope\", scope=\"orders:read orders:write\"", NULL);
  g_autoptr (GPtrArray) findings = jd_response_diagnose (response, token, &expect);
  JdFinding *f = jd_findings_find (findings, JD_FINDING_INSUFFICIENT_SCOPE);

  dump (findings);
  g_assert_nonnull (f);
  g_assert_cmpstr (jd_finding_get_claim (f), ==, "scope");
  if (row->part != NULL)
    g_assert_nonnull (strstr (jd_finding_get_message (f), row->part));
  else
    g_assert_null (strstr (jd_finding_get_message (f), "Missing"));
  g_assert_nonnull (strstr (jd_finding_get_fix (f), "orders:read orders:write"));
}

static void
test_diagnose_several_headers (void)
{
  JdExpectations expect = expectations ();
  g_autoptr (JdResponse) response = make_response (
    401, "Unauthorized", NOW, "WWW-Authenticate", "Basic realm=\"legacy\"", "www-authenticate",
    "Negotiate, Bearer realm=\"api\", error=\"invalid_token\"", NULL);
  g_autoptr (GPtrArray) findings = jd_response_diagnose (response, NULL, &expect);

  dump (findings);
  g_assert_true (jd_findings_has (findings, JD_FINDING_BEARER_INVALID_TOKEN));
  g_assert_false (jd_findings_has (findings, JD_FINDING_NO_BEARER_CHALLENGE));
  g_assert_false (jd_findings_has (findings, JD_FINDING_MISSING_WWW_AUTHENTICATE));
  g_assert_false (jd_findings_has (findings, JD_FINDING_WWW_AUTHENTICATE_MALFORMED));
}

static void
test_diagnose_clock_skew (void)
{
  JdExpectations expect = expectations ();

  /* Server 5 minutes ahead, token valid 2 more minutes by our clock. */
  {
    g_autoptr (JdToken) token = make_timed_token (NOW - 3000, NOW + 120, NULL);
    g_autoptr (JdResponse) response = make_response (
      401, "Unauthorized", NOW + 300, "WWW-Authenticate", "Bearer error=\"invalid_token\"", NULL);
    g_autoptr (GPtrArray) findings = jd_response_diagnose (response, token, &expect);
    JdFinding *f = jd_findings_find (findings, JD_FINDING_SERVER_CLOCK_SKEW);

    dump (findings);
    g_assert_nonnull (f);
    g_assert_cmpint (jd_finding_get_severity (f), ==, JD_SEVERITY_ERROR);
    g_assert_cmpint (jd_finding_get_rank (f), ==, JD_RANK_CLOCK_SKEW);
    g_assert_cmpstr (jd_finding_get_claim (f), ==, "exp");
    g_assert_nonnull (strstr (jd_finding_get_message (f), "5 minutes ahead"));
    g_assert_nonnull (strstr (jd_finding_get_message (f), "expired 3 minutes ago"));
    g_assert_true (g_ptr_array_index (findings, 0) == f); /* rank 2 before rank 8 */
  }

  /* Server 5 minutes behind, token issued 10 seconds ago. */
  {
    g_autoptr (JdToken) token = make_timed_token (NOW, NOW + 3600, NULL);
    g_autoptr (JdResponse) response = make_response (
      401, "Unauthorized", NOW - 300, "WWW-Authenticate", "Bearer error=\"invalid_token\"", NULL);
    g_autoptr (GPtrArray) findings = jd_response_diagnose (response, token, &expect);
    JdFinding *f = jd_findings_find (findings, JD_FINDING_SERVER_CLOCK_SKEW);

    dump (findings);
    g_assert_nonnull (f);
    g_assert_cmpint (jd_finding_get_severity (f), ==, JD_SEVERITY_ERROR);
    g_assert_nonnull (strstr (jd_finding_get_message (f), "5 minutes behind"));
    g_assert_nonnull (strstr (jd_finding_get_message (f), "iat lies 5 minutes in the future"));
    g_assert_cmpstr (jd_finding_get_claim (f), ==, "iat");
  }

  /* Server 5 minutes ahead, long-lived token: a warning that says how much earlier it expires. */
  {
    g_autoptr (JdToken) token = make_timed_token (NOW - 600, NOW + 7200, NULL);
    g_autoptr (JdResponse) response = make_response (200, "OK", NOW + 300, NULL);
    g_autoptr (GPtrArray) findings = jd_response_diagnose (response, token, &expect);
    JdFinding *f = jd_findings_find (findings, JD_FINDING_SERVER_CLOCK_SKEW);

    dump (findings);
    g_assert_nonnull (f);
    g_assert_cmpint (jd_finding_get_severity (f), ==, JD_SEVERITY_WARNING);
    g_assert_nonnull (strstr (jd_finding_get_message (f), "5 minutes earlier"));
  }

  /* 299 s (whole-second Date, a moment in transit) still reads "5 minutes" */
  {
    g_autoptr (JdResponse) response = make_response (200, "OK", NOW + 299, NULL);
    g_autoptr (GPtrArray) findings = jd_response_diagnose (response, NULL, &expect);
    JdFinding *f = jd_findings_find (findings, JD_FINDING_SERVER_CLOCK_SKEW);

    g_assert_nonnull (f);
    g_assert_nonnull (strstr (jd_finding_get_message (f), "5 minutes ahead"));
  }

  /* Within the leeway: nothing; an unreadable Date: nothing. */
  {
    g_autoptr (JdResponse) response = make_response (200, "OK", NOW + 59, NULL);
    g_autoptr (JdResponse) garbled = jd_response_new (200, "OK");
    g_autoptr (GPtrArray) findings = jd_response_diagnose (response, NULL, &expect);
    g_autoptr (GPtrArray) findings2 = NULL;

    jd_response_add_header (garbled, "Date", "tomorrow at noon");
    findings2 = jd_response_diagnose (garbled, NULL, &expect);
    g_assert_false (jd_findings_has (findings, JD_FINDING_SERVER_CLOCK_SKEW));
    g_assert_false (jd_findings_has (findings2, JD_FINDING_SERVER_CLOCK_SKEW));
  }
}

/* Regression: time claims outside years 1–9999 (or outside gint64) and an
 * extreme @now went into "exp + leeway", "server_now - exp" and
 * "server_now - now" unchecked: signed overflow, and a wrapped result gave
 * a sentence about a claim that is no NumericDate, or "behind" for "ahead". */
static const char *const extreme_values[] = {
  "9223372036854775807",
  "-9223372036854775808",
  "9223372036854775808",
  "18446744073709551616",
  "900000000000000",
  "-900000000000000",
  "1e300",
  "-1e300",
  "253402300800",
};
static const char *const extreme_claims[] = { "exp", "iat", "nbf" };

/* One claim with one extreme value: (value index) × 3 + (claim index). */
static void
test_diagnose_clock_skew_extreme_claim (gconstpointer data)
{
  guint row = GPOINTER_TO_UINT (data);
  const char *claim = extreme_claims[row % G_N_ELEMENTS (extreme_claims)];
  const char *value = extreme_values[row / G_N_ELEMENTS (extreme_claims)];
  JdExpectations expect = expectations ();
  g_autofree char *payload = g_strdup_printf ("{\"sub\":\"x\",\"%s\":%s}", claim, value);
  g_autoptr (JdToken) token = make_token (payload);
  g_autoptr (JdResponse) response = make_response (
    401, "Unauthorized", NOW + 600, "WWW-Authenticate", "Bearer error=\"invalid_token\"", NULL);
  g_autoptr (GPtrArray) findings = jd_response_diagnose (response, token, &expect);
  JdFinding *f = jd_findings_find (findings, JD_FINDING_SERVER_CLOCK_SKEW);

  g_test_message ("%s", payload);
  dump (findings);
  g_assert_nonnull (f);
  g_assert_cmpint (jd_finding_get_severity (f), ==, JD_SEVERITY_WARNING);
  g_assert_null (jd_finding_get_claim (f));
  /* only the skew itself: no sentence about a claim that is no NumericDate */
  g_assert_cmpstr (jd_finding_get_message (f), ==,
                   "The server's clock is 10 minutes ahead of this computer's (Date: Sat, 28 "
                   "Nov 2026 12:10:00 GMT).");
}

/* an extreme now (--now -9223372036854775808) */
static void
test_diagnose_clock_skew_extreme_now (void)
{
  JdExpectations expect = expectations ();
  g_autoptr (JdToken) token = make_timed_token (NOW - 60, NOW + 3600, NULL);
  g_autoptr (JdResponse) response = make_response (200, "OK", NOW, NULL);
  g_autoptr (GPtrArray) findings = NULL;

  expect.now = G_MININT64;
  findings = jd_response_diagnose (response, token, &expect);
  dump (findings);
  finding_saying (findings, JD_FINDING_SERVER_CLOCK_SKEW, " ahead of this computer's");

  g_clear_pointer (&findings, g_ptr_array_unref);
  expect.now = G_MAXINT64;
  findings = jd_response_diagnose (response, token, &expect);
  dump (findings);
  finding_saying (findings, JD_FINDING_SERVER_CLOCK_SKEW, " behind this computer's");

  /* a leeway larger than any skew: nothing to say, and no overflow */
  g_clear_pointer (&findings, g_ptr_array_unref);
  expect.now = NOW - 600;
  expect.leeway = G_MAXINT64;
  findings = jd_response_diagnose (response, token, &expect);
  g_assert_false (jd_findings_has (findings, JD_FINDING_SERVER_CLOCK_SKEW));
}

static void
test_diagnose_403 (void)
{
  JdExpectations expect = expectations ();
  g_autoptr (JdResponse) response = make_response (403, "Forbidden", NOW, NULL);
  g_autoptr (GPtrArray) findings = jd_response_diagnose (response, NULL, &expect);
  JdFinding *f = jd_findings_find (findings, JD_FINDING_STATUS_403);

  dump (findings);
  g_assert_nonnull (f);
  g_assert_nonnull (strstr (jd_finding_get_message (f), "403 Forbidden"));
  g_assert_nonnull (strstr (jd_finding_get_message (f), "same answer"));
  /* A 403 needs no WWW-Authenticate. */
  g_assert_false (jd_findings_has (findings, JD_FINDING_MISSING_WWW_AUTHENTICATE));
}

int
main (int argc, char *argv[])
{
  g_autoptr (GPtrArray) valid = NULL;
  g_autoptr (GPtrArray) invalid = NULL;

  g_test_init (&argc, &argv, NULL);

  valid = add_fixture_cases ("www-authenticate-valid.txt",
                             "/jd/www-authenticate/parse/fixtures-valid", test_valid_fixture);
  invalid = add_fixture_cases ("www-authenticate-invalid.txt",
                               "/jd/www-authenticate/parse/fixtures-invalid", test_invalid_fixture);
  g_test_add_func ("/jd/www-authenticate/parse/several-headers", test_several_headers);
  JD_TEST_ADD_ROWS ("/jd/www-authenticate/parse/hostile-bytes", hostile_rows, name,
                    test_hostile_bytes);
  g_test_add_func ("/jd/www-authenticate/parse/obs-text", test_obs_text_and_escapes);
  g_test_add_func ("/jd/www-authenticate/parse/too-large", test_too_large);
  g_test_add_func ("/jd/www-authenticate/parse/garbage", test_garbage_never_crashes);
  g_test_add_func ("/jd/www-authenticate/bearer/errors", test_bearer_errors);
  g_test_add_func ("/jd/www-authenticate/bearer/describe", test_describe);
  g_test_add_func ("/jd/www-authenticate/http-date", test_http_date);
  g_test_add_func ("/jd/www-authenticate/tchar", test_tchar);

  g_test_add_func ("/jd/www-authenticate/diagnose/ok", test_diagnose_ok);
  g_test_add_func ("/jd/www-authenticate/diagnose/missing-www-authenticate",
                   test_diagnose_missing_www_authenticate);
  JD_TEST_ADD_ROWS ("/jd/www-authenticate/diagnose/bearer-errors", bearer_error_rows, name,
                    test_diagnose_bearer_errors);
  JD_TEST_ADD_ROWS ("/jd/www-authenticate/diagnose/scope-claims", scope_rows, name,
                    test_diagnose_scope_claims);
  g_test_add_func ("/jd/www-authenticate/diagnose/several-headers", test_diagnose_several_headers);
  g_test_add_func ("/jd/www-authenticate/diagnose/clock-skew", test_diagnose_clock_skew);
  for (guint i = 0; i < G_N_ELEMENTS (extreme_values) * G_N_ELEMENTS (extreme_claims); i++)
    {
      g_autofree char *path
        = g_strdup_printf ("/jd/www-authenticate/diagnose/clock-skew-extremes/%s/%s",
                           extreme_claims[i % G_N_ELEMENTS (extreme_claims)],
                           extreme_values[i / G_N_ELEMENTS (extreme_claims)]);
      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_diagnose_clock_skew_extreme_claim);
    }
  g_test_add_func ("/jd/www-authenticate/diagnose/clock-skew-extremes/now",
                   test_diagnose_clock_skew_extreme_now);
  g_test_add_func ("/jd/www-authenticate/diagnose/403", test_diagnose_403);

  return g_test_run ();
}
