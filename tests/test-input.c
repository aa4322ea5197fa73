/* test-input.c — every paste form, byte offsets, junk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "jd-finding.h"
#include "jd-input.h"
#include "jd-input-private.h"

/* RS256 header, the article's exp (1748441531), a 256-byte signature. */
#define T                                                                                          \
  "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImsxIn0."                                           \
  "eyJpc3MiOiJodHRwczovL2xvZ2luLmV4YW1wbGUuY29tLyIsInN1YiI6InVzZXItNDIiLCJhdWQiOiJodHRwczov"       \
  "L2FwaS5leGFtcGxlLmNvbSIsImV4cCI6MTc0ODQ0MTUzMSwiaWF0IjoxNzQ4NDM3OTMxLCJzY29wZSI6InJlYWQ6"       \
  "aXRlbXMifQ."                                                                                    \
  "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0-P0BB"       \
  "QkNERUZHSElKS0xNTk9QUVJTVFVWV1hZWltcXV5fYGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6e3x9fn-AgYKD"       \
  "hIWGh4iJiouMjY6PkJGSk5SVlpeYmZqbnJ2en6ChoqOkpaanqKmqq6ytrq-wsbKztLW2t7i5uru8vb6_wMHCw8TF"       \
  "xsfIycrLzM3Oz9DR0tPU1dbX2Nna29zd3t_g4eLj5OXm5-jp6uvs7e7v8PHy8_T19vf4-fr7_P3-_w"

/* Parses exactly @len bytes from a buffer of exactly that size (so the
 * address sanitizer sees any read past it) and checks what must always
 * hold. */
static JdInput *
parse (const char *text, gsize len)
{
  g_autofree char *copy = len > 0 ? g_memdup2 (text, len) : NULL;
  JdInput *input = jd_input_parse (copy, len);

  g_assert_nonnull (input);
  g_assert_nonnull (jd_input_get_token (input));
  g_assert_nonnull (jd_input_get_findings (input));
  g_assert_cmpuint (jd_input_get_token_start (input), <=, jd_input_get_token_end (input));
  g_assert_cmpuint (jd_input_get_token_end (input), <=, len);

  return input;
}

static JdInput *
parse_str (const char *text)
{
  return parse (text, strlen (text));
}

static char *
load (const char *name, gsize *len)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr (GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, len, &error);
  g_assert_no_error (error);

  return contents;
}

/* The token is T, and the paste holds it literally where the offsets say. */
static void
assert_token_at (JdInput *input, const char *text, gsize len)
{
  gsize start = jd_input_get_token_start (input);
  gsize end = jd_input_get_token_end (input);

  g_assert_cmpstr (jd_input_get_token (input), ==, T);
  g_assert_cmpuint (end, <=, len);
  g_assert_cmpuint (end - start, ==, strlen (T));
  g_assert_true (memcmp (text + start, T, strlen (T)) == 0);
}

static void assert_body (JdRequest *request, const char *expected);

static guint
count_findings (JdInput *input, const char *id)
{
  GPtrArray *findings = jd_input_get_findings (input);
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    if (g_strcmp0 (jd_finding_get_id (g_ptr_array_index (findings, i)), id) == 0)
      n++;

  return n;
}

static JdFinding *
the_finding (JdInput *input, const char *id, JdSeverity severity)
{
  JdFinding *finding = jd_findings_find (jd_input_get_findings (input), id);

  g_assert_nonnull (finding);
  g_assert_cmpint (jd_finding_get_severity (finding), ==, severity);
  g_assert_cmpstr (jd_finding_get_message (finding), !=, "");
  g_assert_nonnull (jd_finding_get_fix (finding));
  g_assert_cmpstr (jd_finding_get_fix (finding), !=, "");

  return finding;
}

/* ------------------------------------------------------------------ */

/* Several tokens side by side: an error naming how many and the
 * separator; the close inputs (one token, tokens in other text, tokens on
 * separate lines) get no such finding. */
static const struct
{
  const char *name;
  const char *sep;   /* between two copies of T; NULL: T alone */
  const char *found; /* expected message part, NULL: no token-list finding */
} token_list_rows[] = {
  { "space", " ", "2 tokens side by side, separated by a space" },
  { "comma", ", ", "separated by a comma" },
  { "semicolon", ";", "separated by a semicolon" },
  { "tab", "\t", "separated by a tab" },
  { "one-token", NULL, NULL },
  { "in-a-sentence", " and ", NULL },
};

static void
test_token_list (gconstpointer data)
{
  const typeof (token_list_rows[0]) *row = data;
  g_autofree char *text = row->sep ? g_strconcat (T, row->sep, T, NULL) : g_strdup (T);
  g_autoptr (JdInput) input = jd_input_parse (text, strlen (text));
  GPtrArray *findings = jd_input_get_findings (input);
  JdFinding *finding = jd_findings_find (findings, JD_FINDING_MALFORMED);

  g_assert_cmpstr (jd_input_get_token (input), ==, T);
  if (row->found == NULL)
    {
      g_assert_null (finding);
      return;
    }
  g_assert_nonnull (finding);
  g_test_message ("%s", jd_finding_get_message (finding));
  g_assert_cmpint (jd_finding_get_severity (finding), ==, JD_SEVERITY_ERROR);
  g_assert_nonnull (strstr (jd_finding_get_message (finding), row->found));
}

static void
test_empty (void)
{
  const char *blanks[] = { "", " ", "\n", " \t\r\n \n", "\xef\xbb\xbf", "\xef\xbb\xbf  \n" };

  for (guint i = 0; i < G_N_ELEMENTS (blanks); i++)
    {
      g_autoptr (JdInput) input = parse_str (blanks[i]);

      g_assert_cmpint (jd_input_get_form (input), ==, JD_INPUT_FORM_EMPTY);
      g_assert_cmpstr (jd_input_get_token (input), ==, "");
      g_assert_null (jd_input_get_request (input));
      g_assert_cmpuint (jd_input_get_findings (input)->len, ==, 0);
    }

  {
    g_autoptr (JdInput) input = jd_input_parse (NULL, 0);
    g_assert_cmpint (jd_input_get_form (input), ==, JD_INPUT_FORM_EMPTY);
  }
}

static void
test_bare (void)
{
  const char *forms[] = {
    T,         "  " T "  ", "\n" T "\n",      "\"" T "\"",
    "'" T "'", "`" T "`",   "\xef\xbb\xbf" T, " \"  " T " \"\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autoptr (JdInput) input = parse_str (forms[i]);

      g_assert_cmpint (jd_input_get_form (input), ==, JD_INPUT_FORM_TOKEN);
      assert_token_at (input, forms[i], strlen (forms[i]));
      g_assert_cmpuint (jd_input_get_findings (input)->len, ==, 0);
      g_assert_null (jd_input_get_request (input));
    }

  /* Not a JWT at all, but token characters: passed on as the token, for
   * the decoder to explain. */
  {
    g_autoptr (JdInput) input = parse_str ("abc");
    g_assert_cmpint (jd_input_get_form (input), ==, JD_INPUT_FORM_TOKEN);
    g_assert_cmpstr (jd_input_get_token (input), ==, "abc");
  }
}

static void
test_jwt_file (void)
{
  gsize len;
  g_autofree char *text = load ("paste-jwt-file.txt", &len);
  g_autoptr (JdInput) input = parse (text, len);

  g_assert_cmpint (jd_input_get_form (input), ==, JD_INPUT_FORM_TOKEN);
  assert_token_at (input, text, len);
  g_assert_cmpuint (jd_input_get_token_start (input), ==, 0);
  g_assert_cmpuint (jd_input_get_token_end (input), ==, len - 1);
}

static void
test_wrapped (void)
{
  gsize len;
  g_autofree char *text = load ("paste-wrapped.txt", &len);
  g_autoptr (JdInput) input = parse (text, len);
  const char *crlf = "eyJhbGciOiJSUzI1NiIsInR5cCI6\r\n  IkpXVCIsImtpZCI6ImsxIn0.e30.\r\nc2ln\r\n";

  /* Quotes around, a line break every 76 characters. */
  g_assert_cmpint (jd_input_get_form (input), ==, JD_INPUT_FORM_TOKEN);
  g_assert_cmpstr (jd_input_get_token (input), ==, T);
  g_assert_cmpuint (jd_input_get_token_start (input), ==, 1);
  g_assert_cmpuint (jd_input_get_token_end (input), ==, len - 2);
  g_assert_cmpuint (jd_input_get_findings (input)->len, ==, 0);

  {
    g_autoptr (JdInput) input2 = parse_str (crlf);
    g_assert_cmpint (jd_input_get_form (input2), ==, JD_INPUT_FORM_TOKEN);
    g_assert_cmpstr (jd_input_get_token (input2), ==,
                     "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImsxIn0.e30.c2ln");
    g_assert_cmpuint (jd_input_get_token_end (input2), ==, strlen (crlf) - 2);
  }
}

static void
test_authorization (void)
{
  gsize len;
  g_autofree char *text = load ("paste-authorization.txt", &len);
  g_autoptr (JdInput) input = parse (text, len);
  const char *others[] = {
    "Authorization:Bearer " T,
    "Authorization :  Bearer   " T "  ",
    "  \"Authorization: Bearer " T "\"",
  };

  g_assert_cmpint (jd_input_get_form (input), ==, JD_INPUT_FORM_AUTHORIZATION);
  assert_token_at (input, text, len);
  g_assert_cmpuint (jd_input_get_token_start (input), ==, strlen ("Authorization: Bearer "));

  /* Another header whose name starts the same is not it. */
  {
    g_autoptr (JdInput) other = parse_str ("Authorization-Hint: none\nX-Token: abc");
    g_assert_cmpint (jd_input_get_form (other), ==, JD_INPUT_FORM_UNKNOWN);
  }
  g_assert_cmpuint (jd_input_get_findings (input)->len, ==, 0);
  g_assert_false (jd_findings_has (jd_input_get_findings (input), JD_FINDING_DOUBLE_BEARER_PREFIX));

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autoptr (JdInput) other = parse_str (others[i]);

      g_assert_cmpint (jd_input_get_form (other), ==, JD_INPUT_FORM_AUTHORIZATION);
      assert_token_at (other, others[i], strlen (others[i]));
      g_assert_cmpuint (jd_input_get_findings (other)->len, ==, 0);
    }
}

static void
test_scheme_case (void)
{
  const char *texts[] = {
    "authorization: bearer " T,
    "AUTHORIZATION: BEARER " T,
    "Bearer " T,
    "bEaReR " T,
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (JdInput) input = parse_str (texts[i]);
      gboolean exact = strstr (texts[i], "Bearer ") != NULL;

      assert_token_at (input, texts[i], strlen (texts[i]));
      g_assert_cmpint (jd_input_get_form (input), ==,
                       i < 2 ? JD_INPUT_FORM_AUTHORIZATION : JD_INPUT_FORM_BEARER);
      /* Case-insensitive (RFC 7235): read the same; only a note when it is
       * not written "Bearer". */
      if (exact)
        g_assert_cmpuint (jd_input_get_findings (input)->len, ==, 0);
      else
        the_finding (input, JD_FINDING_MALFORMED_AUTHORIZATION, JD_SEVERITY_INFO);
      g_assert_false (
        jd_findings_has (jd_input_get_findings (input), JD_FINDING_DOUBLE_BEARER_PREFIX));
    }
}

static void
test_bearer (void)
{
  gsize len;
  g_autofree char *text = load ("paste-bearer.txt", &len);
  g_autoptr (JdInput) input = parse (text, len);

  g_assert_cmpint (jd_input_get_form (input), ==, JD_INPUT_FORM_BEARER);
  assert_token_at (input, text, len);
  g_assert_cmpuint (jd_input_get_token_start (input), ==, 7);
  g_assert_cmpuint (jd_input_get_findings (input)->len, ==, 0);
}

static void
test_double_bearer (void)
{
  gsize len;
  g_autofree char *text = load ("paste-double-bearer.txt", &len);
  g_autoptr (JdInput) input = parse (text, len);
  JdFinding *finding;
  const char *others[] = {
    "Bearer Bearer " T,
    "bearer BEARER " T,
    "Authorization: Bearer Bearer Bearer " T,
    "curl https://api.example.com -H 'Authorization: Bearer Bearer " T "'",
  };

  g_assert_cmpint (jd_input_get_form (input), ==, JD_INPUT_FORM_AUTHORIZATION);
  assert_token_at (input, text, len);

  finding = the_finding (input, JD_FINDING_DOUBLE_BEARER_PREFIX, JD_SEVERITY_ERROR);
  g_assert_cmpint (jd_finding_get_rank (finding), ==, JD_RANK_MALFORMED);
  g_assert_nonnull (strstr (jd_finding_get_message (finding), "Bearer Bearer"));
  g_assert_nonnull (strstr (jd_finding_get_fix (finding), "\"Bearer \""));
  g_assert_cmpuint (count_findings (input, JD_FINDING_DOUBLE_BEARER_PREFIX), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autoptr (JdInput) other = parse_str (others[i]);

      assert_token_at (other, others[i], strlen (others[i]));
      the_finding (other, JD_FINDING_DOUBLE_BEARER_PREFIX, JD_SEVERITY_ERROR);
    }

  /* A token that merely starts with the letters of "Bearer" is no double. */
  {
    g_autoptr (JdInput) other = parse_str ("Bearer Bearerish.abc.def");
    g_assert_cmpstr (jd_input_get_token (other), ==, "Bearerish.abc.def");
    g_assert_false (
      jd_findings_has (jd_input_get_findings (other), JD_FINDING_DOUBLE_BEARER_PREFIX));
  }
}

typedef struct
{
  const char *text;
  const char *token;   /* expected token */
  JdSeverity severity; /* of the malformed-authorization finding */
} MalformedCase;

static void
test_malformed (void)
{
  g_autofree char *basic_user = NULL;
  g_autofree char *basic_text = NULL;
  MalformedCase cases[] = {
    /* Missing scheme */
    { "Authorization: " T, T, JD_SEVERITY_ERROR },
    /* A quoted token, a quoted value */
    { "Authorization: Bearer \"" T "\"", T, JD_SEVERITY_ERROR },
    { "Authorization: Bearer '" T "'", T, JD_SEVERITY_ERROR },
    { "Authorization: \"Bearer " T "\"", T, JD_SEVERITY_ERROR },
    /* Basic instead of Bearer */
    { "Authorization: Basic dXNlcjpwYXNzd29yZA==", "", JD_SEVERITY_ERROR },
    { "Authorization: Basic " T, T, JD_SEVERITY_ERROR },
    /* Another scheme */
    { "Authorization: JWT " T, T, JD_SEVERITY_WARNING },
    { "Authorization: Token " T, T, JD_SEVERITY_WARNING },
    /* "Bearer:" */
    { "Authorization: Bearer: " T, T, JD_SEVERITY_ERROR },
    /* Nothing after the scheme, nothing at all */
    { "Authorization: Bearer", "", JD_SEVERITY_ERROR },
    { "Authorization: Bearer   ", "", JD_SEVERITY_ERROR },
    { "Authorization:", "", JD_SEVERITY_ERROR },
    /* A space inside the token */
    { "Bearer eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImsxIn0. e30.c2ln",
      "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImsxIn0.e30.c2ln", JD_SEVERITY_ERROR },
    /* A line break inside the token: wrapped when copied, maybe */
    { "Authorization: Bearer eyJhbGciOiJSUzI1NiIsInR5cCI6\n  IkpXVCIsImtpZCI6ImsxIn0.e30.c2ln",
      "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImsxIn0.e30.c2ln", JD_SEVERITY_WARNING },
    /* … but in a command it is what the client sends */
    { "curl https://a.example -H $'Authorization: Bearer eyJhbGciOiJSUzI1NiIsInR5cCI6\\n"
      "IkpXVCIsImtpZCI6ImsxIn0.e30.c2ln'",
      "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImsxIn0.e30.c2ln", JD_SEVERITY_ERROR },
  };
  MalformedCase basic_case;

  /* A JWT as the password of Basic credentials. */
  basic_user = g_base64_encode ((const guchar *)"client:" T, strlen ("client:" T));
  basic_text = g_strconcat ("Authorization: Basic ", basic_user, NULL);
  basic_case.text = basic_text;
  basic_case.token = T;
  basic_case.severity = JD_SEVERITY_ERROR;

  for (guint i = 0; i <= G_N_ELEMENTS (cases); i++)
    {
      MalformedCase *c = i < G_N_ELEMENTS (cases) ? &cases[i] : &basic_case;
      g_autoptr (JdInput) input = parse_str (c->text);
      JdFinding *finding;

      g_test_message ("%s", c->text);
      g_assert_cmpstr (jd_input_get_token (input), ==, c->token);
      /* No token after the scheme (or no value at all) is no-token: the
       * client had none to send (jd-token-kinds.h). */
      finding = the_finding (input,
                             *c->token == '\0' && strstr (c->text, "Basic") == NULL
                               ? JD_FINDING_NO_TOKEN
                               : JD_FINDING_MALFORMED_AUTHORIZATION,
                             c->severity);
      g_assert_cmpint (jd_finding_get_rank (finding), ==,
                       c->severity == JD_SEVERITY_ERROR ? JD_RANK_MALFORMED : JD_RANK_REQUEST);
      g_assert_false (
        jd_findings_has (jd_input_get_findings (input), JD_FINDING_DOUBLE_BEARER_PREFIX));

      /* Where the token is written literally, the offsets find it. */
      if (*c->token != '\0' && strstr (c->text, c->token) != NULL)
        {
          gsize start = jd_input_get_token_start (input);
          gsize end = jd_input_get_token_end (input);

          g_assert_cmpuint (end - start, ==, strlen (c->token));
          g_assert_true (memcmp (c->text + start, c->token, end - start) == 0);
        }
    }

  /* A quoted token's offsets sit inside the quotes. */
  {
    const char *text = "Authorization: Bearer \"" T "\"";
    g_autoptr (JdInput) input = parse_str (text);
    assert_token_at (input, text, strlen (text));
    g_assert_cmpuint (jd_input_get_token_start (input), ==, strlen ("Authorization: Bearer \""));
  }
}

static void
test_request_headers (void)
{
  gsize len;
  g_autofree char *text = load ("paste-request-headers.txt", &len);
  g_autoptr (JdInput) input = parse (text, len);

  JdRequest *request;

  g_assert_cmpint (jd_input_get_form (input), ==, JD_INPUT_FORM_AUTHORIZATION);
  assert_token_at (input, text, len);
  g_assert_cmpuint (jd_input_get_findings (input)->len, ==, 0);

  /* The request line and Host make a request for the Request page. */
  request = jd_input_get_request (input);
  g_assert_nonnull (request);
  g_assert_cmpstr (jd_request_get_method (request), ==, "GET");
  g_assert_cmpstr (jd_request_get_url (request), ==, "https://api.example.com/v1/me");
  g_assert_cmpuint (jd_request_get_headers (request)->len, ==, 8);
  g_assert_cmpstr (jd_request_get_header (request, "authorization"), ==, "Bearer " T);
  g_assert_null (jd_request_get_body (request));

  /* HTTP/2 pseudo-headers give the URL, and are not kept. */
  {
    const char *h2 = "POST /token?x=1 HTTP/2\r\n:authority: id.example.com\r\n:scheme: http\r\n"
                     "Authorization: Bearer " T "\r\n\r\ngrant_type=refresh_token";
    g_autoptr (JdInput) other = parse_str (h2);
    JdRequest *r = jd_input_get_request (other);

    assert_token_at (other, h2, strlen (h2));
    g_assert_nonnull (r);
    g_assert_cmpstr (jd_request_get_method (r), ==, "POST");
    g_assert_cmpstr (jd_request_get_url (r), ==, "http://id.example.com/token?x=1");
    g_assert_cmpuint (jd_request_get_headers (r)->len, ==, 1);
    assert_body (r, "grant_type=refresh_token");
  }
}

static void
test_in_text (void)
{
  gsize len;
  g_autofree char *text = load ("paste-token-response.txt", &len);
  g_autoptr (JdInput) input = parse (text, len);
  const char *log = "2026-11-28T10:00:00Z WARN rejected token=" T ". Retrying.";

  g_assert_cmpint (jd_input_get_form (input), ==, JD_INPUT_FORM_TOKEN);
  assert_token_at (input, text, len);

  {
    g_autoptr (JdInput) from_log = parse_str (log);
    assert_token_at (from_log, log, strlen (log));
  }
}

static void
test_unknown (void)
{
  const char *texts[] = { "hello world", "{\"not\": \"a token\"}", "Hé\xff\xfe", "a\0b" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      gsize len = i == 3 ? 3 : strlen (texts[i]);
      g_autoptr (JdInput) input = parse (texts[i], len);

      g_assert_cmpint (jd_input_get_form (input), ==, JD_INPUT_FORM_UNKNOWN);
      g_assert_null (jd_input_get_request (input));
    }

  {
    g_autoptr (JdInput) input = parse_str ("  hello world\n");
    g_assert_cmpstr (jd_input_get_token (input), ==, "hello world");
    g_assert_cmpuint (jd_input_get_token_start (input), ==, 2);
    g_assert_cmpuint (jd_input_get_token_end (input), ==, 13);
  }
}

/* ------------------------------------------------------------------ */
/* curl                                                                */

typedef struct
{
  const char *file;
  const char *method;
  const char *url;
  const char *body; /* NULL: none */
  guint n_headers;
  const char *check_name; /* a header to check, and its value */
  const char *check_value;
  const char *finding; /* a malformed-authorization severity expected, or NULL */
  gboolean bash;       /* bash can run it */
} CurlFixture;

static const CurlFixture curl_fixtures[] = {
  { "curl-chrome-get.txt", "GET", "https://api.example.com/v1/items?limit=20&offset=0", NULL, 14,
    "Cookie", "_ga=GA1.1.123456789.1700000000; session=s%3Aabc.def", NULL, TRUE },
  { "curl-chrome-put-ansi.txt", "PUT", "https://api.example.com/v1/items/42",
    "{\n  \"name\": \"O'Brien's list\",\n  \"note\": \"caf\xc3\xa9! \\o/\"\n}", 5, "content-type",
    "application/json", NULL, TRUE },
  { "curl-chrome-http2-pseudo.txt", "GET", "https://api.example.com/v1/me", NULL, 5,
    "accept-encoding", "gzip, deflate, br", NULL, TRUE },
  { "curl-chrome-cmd.txt", "POST", "https://api.example.com/v1/items?limit=20&offset=0",
    "{\"a\":1,\"b\":\"x y\"}", 5, "sec-ch-ua", "\"Chromium\";v=\"124\"", NULL, FALSE },
  { "curl-firefox-post.txt", "POST", "https://api.example.com/v1/items",
    "{\"city\":\"Z\xfcrich\",\"owner\":\"O'Neil\"}", 13, "Cookie", "theme=dark; _ga=GA1.1.1.1",
    NULL, TRUE },
  { "curl-firefox-oneline.txt", "GET", "https://api.example.com/v1/me", NULL, 10, "TE", "trailers",
    "info", TRUE },
  { "curl-cookie-token.txt", "GET", "https://app.example.com/api/session", NULL, 3, "Cookie",
    "theme=dark; id_token=" T "; _ga=GA1.1.1.1", NULL, TRUE },
  { "curl-query-token.txt", "GET", "https://api.example.com/v1/me?format=json&access_token=" T,
    NULL, 1, "Accept", "application/json", NULL, TRUE },
  { "curl-oauth2-bearer.txt", "GET", "https://api.example.com/v1/me", NULL, 1, "Authorization",
    "Bearer " T, NULL, FALSE },
};

static void
test_curl_fixtures (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (curl_fixtures); i++)
    {
      const CurlFixture *f = &curl_fixtures[i];
      gsize len;
      g_autofree char *text = load (f->file, &len);
      g_autoptr (JdInput) input = parse (text, len);
      JdRequest *request = jd_input_get_request (input);
      GPtrArray *headers;
      GBytes *body;

      g_test_message ("%s", f->file);
      g_assert_cmpint (jd_input_get_form (input), ==, JD_INPUT_FORM_CURL);
      assert_token_at (input, text, len);

      g_assert_nonnull (request);
      g_assert_cmpstr (jd_request_get_method (request), ==, f->method);
      g_assert_cmpstr (jd_request_get_url (request), ==, f->url);
      headers = jd_request_get_headers (request);
      g_assert_cmpuint (headers->len, ==, f->n_headers);
      g_assert_cmpstr (jd_request_get_header (request, f->check_name), ==, f->check_value);

      /* No pseudo-header survives. */
      for (guint h = 0; h < headers->len; h++)
        g_assert_cmpint (((JdHeader *)g_ptr_array_index (headers, h))->name[0], !=, ':');

      body = jd_request_get_body (request);
      if (f->body == NULL)
        {
          g_assert_null (body);
        }
      else
        {
          g_autoptr (GBytes) expected = g_bytes_new_static (f->body, strlen (f->body));
          g_assert_nonnull (body);
          g_assert_true (g_bytes_equal (body, expected));
        }

      /* A token that only a cookie or the URL carries is named as such
       * (jd-input-placement.c); nothing else is said. */
      if (strstr (f->file, "cookie-token") != NULL || strstr (f->file, "query-token") != NULL)
        {
          g_assert_cmpuint (jd_input_get_findings (input)->len, ==, 1);
          the_finding (input, JD_FINDING_TOKEN_OUTSIDE_AUTHORIZATION, JD_SEVERITY_WARNING);
        }
      else if (f->finding == NULL)
        g_assert_cmpuint (jd_input_get_findings (input)->len, ==, 0);
      else
        the_finding (input, JD_FINDING_MALFORMED_AUTHORIZATION, JD_SEVERITY_INFO);

      /* The request carries the token the input found (unless it came from
       * a cookie or the URL). */
      if (jd_request_get_header (request, "Authorization") != NULL)
        {
          g_autofree char *bearer = jd_request_dup_bearer (request);
          g_assert_cmpstr (bearer, ==, T);
        }
    }
}

static GStrv
bash_words (const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *script = g_strconcat ("curl () { printf '%s\\0' \"$@\"; }\n", text, NULL);
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GBytes) out = NULL;
  GStrvBuilder *builder = g_strv_builder_new ();
  const char *data;
  gsize len;
  GStrv words;

  process
    = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, "/bin/bash", "-c", script, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));

  /* One NUL-terminated argument after another. */
  data = g_bytes_get_data (out, &len);
  for (gsize p = 0; p < len;)
    {
      gsize n = strnlen (data + p, len - p);
      g_autofree char *word = g_strndup (data + p, n);

      g_strv_builder_add (builder, word);
      p += n + 1;
    }
  words = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return words;
}

/* Our reading of each command is bash's (bash runs it with a curl()
 * function that prints the arguments). */
static void
test_curl_bash_agrees (void)
{
  const char *extra[] = {
    "curl -H $'a\\x41\\101\\u00e9\\U0001F511\\t\\'\\\\\\\"\\?\\e\\cA\\z' x",
    "curl \"a\\\"b\\$c\\`d\\\\e\\nf\" 'g'\"h\"i\\ j \\\n  k",
    "curl -H \"Authorization: Bearer $TOKEN\" 'x'\\''y' # a comment\n",
    "curl $'it\\'s' \"\" '' end",
  };

  if (!g_file_test ("/bin/bash", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("no bash");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (curl_fixtures) + G_N_ELEMENTS (extra); i++)
    {
      g_autofree char *text = NULL;
      g_auto (GStrv) ours = NULL;
      g_auto (GStrv) theirs = NULL;
      g_autoptr (GPtrArray) ours_args = g_ptr_array_new ();

      if (i < G_N_ELEMENTS (curl_fixtures))
        {
          if (!curl_fixtures[i].bash)
            continue;
          text = load (curl_fixtures[i].file, NULL);
        }
      else
        {
          text = g_strdup (extra[i - G_N_ELEMENTS (curl_fixtures)]);
        }

      g_test_message ("%s", text);
      ours = jd_curl_split_words (text, strlen (text), NULL);
      theirs = bash_words (text);

      /* Ours starts with the word "curl"; bash's printf gets what follows.
       * bash expands $TOKEN (unset: empty); ours keeps it. Empty words
       * ("" '') are words for both. */
      g_assert_cmpstr (ours[0], ==, "curl");
      if (strstr (text, "$TOKEN") != NULL)
        {
          g_assert_cmpuint (g_strv_length (ours) - 1, ==, g_strv_length (theirs));
          continue;
        }
      g_assert_cmpuint (g_strv_length (ours) - 1, ==, g_strv_length (theirs));
      for (guint w = 0; theirs[w] != NULL; w++)
        g_assert_cmpstr (ours[w + 1], ==, theirs[w]);
    }
}

static void
test_curl_cmd_words (void)
{
  gsize len;
  g_autofree char *text = load ("curl-chrome-cmd.txt", &len);
  g_auto (GStrv) words = jd_curl_split_words (text, len, NULL);

  g_assert_cmpuint (g_strv_length (words), ==, 14);
  g_assert_cmpstr (words[0], ==, "curl");
  g_assert_cmpstr (words[1], ==, "https://api.example.com/v1/items?limit=20&offset=0");
  g_assert_cmpstr (words[2], ==, "-H");
  g_assert_cmpstr (words[3], ==, "accept: application/json");
  g_assert_cmpstr (words[9], ==, "sec-ch-ua: \"Chromium\";v=\"124\"");
  g_assert_cmpstr (words[12], ==, "--data-raw");
  g_assert_cmpstr (words[13], ==, "{\"a\":1,\"b\":\"x y\"}");
}

static JdRequest *
curl_request (const char *text)
{
  g_autoptr (JdInput) input = parse_str (text);
  JdRequest *request = jd_input_get_request (input);

  g_assert_cmpint (jd_input_get_form (input), ==, JD_INPUT_FORM_CURL);
  g_assert_nonnull (request);

  return g_object_ref (request);
}

static void
assert_body (JdRequest *request, const char *expected)
{
  GBytes *body = jd_request_get_body (request);

  if (expected == NULL)
    {
      g_assert_null (body);
      return;
    }
  g_assert_nonnull (body);
  g_assert_cmpmem (g_bytes_get_data (body, NULL), g_bytes_get_size (body), expected,
                   strlen (expected));
}

static void
test_curl_options (void)
{
  {
    g_autoptr (JdRequest) r
      = curl_request ("curl -XPUT -HAuthorization:Bearer\\ " T " https://a.example/x");
    g_assert_cmpstr (jd_request_get_method (r), ==, "PUT");
    g_assert_cmpstr (jd_request_get_url (r), ==, "https://a.example/x");
    g_assert_cmpstr (jd_request_get_header (r, "authorization"), ==, "Bearer " T);
  }
  {
    g_autoptr (JdRequest) r
      = curl_request ("curl -d a=1 --data b=2 --request PATCH --url https://a.example/x");
    g_assert_cmpstr (jd_request_get_method (r), ==, "PATCH");
    g_assert_cmpstr (jd_request_get_url (r), ==, "https://a.example/x");
    assert_body (r, "a=1&b=2");
    g_assert_cmpstr (jd_request_get_header (r, "Content-Type"), ==,
                     "application/x-www-form-urlencoded");
  }
  {
    g_autoptr (JdRequest) r = curl_request ("curl -d a=1 https://a.example/x");
    g_assert_cmpstr (jd_request_get_method (r), ==, "POST");
  }
  {
    g_autoptr (JdRequest) r = curl_request ("curl -G -d a=1 -d b=2 'https://a.example/x?z=0'");
    g_assert_cmpstr (jd_request_get_method (r), ==, "GET");
    g_assert_cmpstr (jd_request_get_url (r), ==, "https://a.example/x?z=0&a=1&b=2");
    assert_body (r, NULL);
  }
  {
    g_autoptr (JdRequest) r = curl_request ("curl -sSIk https://a.example/");
    g_assert_cmpstr (jd_request_get_method (r), ==, "HEAD");
  }
  {
    g_autoptr (JdRequest) r = curl_request ("curl --json '{\"a\":1}' https://a.example/");
    g_assert_cmpstr (jd_request_get_method (r), ==, "POST");
    assert_body (r, "{\"a\":1}");
    g_assert_cmpstr (jd_request_get_header (r, "content-type"), ==, "application/json");
    g_assert_cmpstr (jd_request_get_header (r, "accept"), ==, "application/json");
  }
  {
    g_autoptr (JdRequest) r
      = curl_request ("curl --data-urlencode 'q=a b&c' --data-urlencode =x/y https://a.example/");
    assert_body (r, "q=a%20b%26c&x%2Fy");
  }
  {
    g_autoptr (JdRequest) r = curl_request (
      "curl -A agent/1 -e https://ref.example/ -b a=1 -b b=2 -b cookies.txt https://a.example/");
    g_assert_cmpstr (jd_request_get_header (r, "user-agent"), ==, "agent/1");
    g_assert_cmpstr (jd_request_get_header (r, "referer"), ==, "https://ref.example/");
    g_assert_cmpstr (jd_request_get_header (r, "cookie"), ==, "a=1; b=2");
  }
  {
    /* As curl: with a Cookie header given by -H, the -b strings are not
     * sent, whichever comes first; every -H Cookie is. */
    static const char *const commands[] = {
      "curl https://a.example/ -b a=1 -H 'Cookie: session=" T "'",
      "curl https://a.example/ -H 'Cookie: session=" T "' -b a=1",
      "curl https://a.example/ -b a=1 -H 'Cookie: session=" T "' -b b=2 -H 'Cookie: c=3'",
    };

    for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
      {
        g_autoptr (JdInput) input = parse_str (commands[i]);
        JdRequest *r = jd_input_get_request (input);
        GPtrArray *headers = jd_request_get_headers (r);
        guint cookies = 0;

        g_test_message ("%s", commands[i]);
        g_assert_cmpstr (jd_request_get_header (r, "cookie"), ==, "session=" T);
        for (guint h = 0; h < headers->len; h++)
          {
            JdHeader *header = g_ptr_array_index (headers, h);

            if (g_ascii_strcasecmp (header->name, "Cookie") == 0)
              {
                cookies++;
                g_assert_null (strstr (header->value, "a=1"));
                g_assert_null (strstr (header->value, "b=2"));
              }
          }
        g_assert_cmpuint (cookies, ==, i == 2 ? 2 : 1);
        g_assert_cmpstr (jd_input_get_token (input), ==, T);
      }
  }
  {
    /* -H 'Cookie:' is a Cookie header too (an empty one, which curl does not send). */
    g_autoptr (JdRequest) r = curl_request ("curl -b a=1 -H 'Cookie:' https://a.example/");
    g_assert_null (jd_request_get_header (r, "cookie"));
  }
  {
    g_autoptr (JdRequest) r
      = curl_request ("curl -o out.json -w '%{http_code}' -m 10 -- https://a.example/ -x");
    g_assert_cmpstr (jd_request_get_url (r), ==, "https://a.example/");
  }
  {
    /* -H 'Name;' sends an empty header, 'Name:' removes one. */
    g_autoptr (JdRequest) r = curl_request ("curl -H 'X-Empty;' -H 'Accept:' https://a.example/");
    g_assert_cmpstr (jd_request_get_header (r, "x-empty"), ==, "");
    g_assert_null (jd_request_get_header (r, "accept"));
  }
  {
    /* -u: Basic credentials; a JWT as the password is found, and named. */
    const char *text = "curl -u client:" T " https://a.example/";
    g_autoptr (JdInput) input = parse_str (text);
    JdRequest *r = jd_input_get_request (input);
    g_autofree char *expected = g_base64_encode ((const guchar *)"client:" T, strlen ("client:" T));
    g_autofree char *header = g_strconcat ("Basic ", expected, NULL);

    assert_token_at (input, text, strlen (text));
    g_assert_cmpstr (jd_request_get_header (r, "Authorization"), ==, header);
    the_finding (input, JD_FINDING_MALFORMED_AUTHORIZATION, JD_SEVERITY_ERROR);
  }
  {
    /* ^" inside a bash quote is no cmd.exe command. */
    g_autoptr (JdRequest) r
      = curl_request ("curl 'https://a.example/' --data-raw '{\"re\":\"^\\\"x\"}'");
    assert_body (r, "{\"re\":\"^\\\"x\"}");
  }
  {
    /* Two Authorization headers */
    const char *text
      = "curl -H 'Authorization: Bearer " T "' -H 'Authorization: Bearer x' https://a.example/";
    g_autoptr (JdInput) input = parse_str (text);

    assert_token_at (input, text, strlen (text));
    the_finding (input, JD_FINDING_MALFORMED_AUTHORIZATION, JD_SEVERITY_WARNING);
  }
  {
    /* Our own "fresh token" command pasted back: no token in it. */
    g_autoptr (JdInput) input = parse_str ("# get one first\ncurl -i 'https://a.example/' \\\n"
                                           "  -H \"Authorization: Bearer $TOKEN\"\n");
    g_assert_cmpint (jd_input_get_form (input), ==, JD_INPUT_FORM_CURL);
    g_assert_nonnull (jd_input_get_request (input));
    g_assert_cmpstr (jd_input_get_token (input), ==, "");
    the_finding (input, JD_FINDING_MALFORMED_AUTHORIZATION, JD_SEVERITY_WARNING);
  }
  {
    /* Without a URL there is no request, and still no crash. */
    g_autoptr (JdInput) input = parse_str ("curl -H 'Authorization: Bearer " T "'");
    g_assert_cmpint (jd_input_get_form (input), ==, JD_INPUT_FORM_CURL);
    g_assert_cmpstr (jd_input_get_token (input), ==, T);
    g_assert_null (jd_input_get_request (input));
  }
}

/* What jd_request_to_curl writes, jd_input_parse reads back. */
static void
test_curl_roundtrip (void)
{
  static const char body_text[] = "{\"msg\": \"it's $HOME `id`\",\n \"x\": \"\\\\ \xc3\xa9\"}\n";
  g_autoptr (JdRequest) request
    = jd_request_new ("PATCH", "https://api.example.com/it's/[1]?a=$b&c={d}");
  g_autoptr (GBytes) body = g_bytes_new_static (body_text, strlen (body_text));
  JdCurlVariant variants[] = { JD_CURL_WITHOUT_TOKEN, JD_CURL_THIS_TOKEN, JD_CURL_FRESH_TOKEN };

  jd_request_add_header (request, "Accept", "application/json");
  jd_request_add_header (request, "Authorization", "Bearer old.token.here");
  jd_request_add_header (request, "X-Quote", "it's \"q\" $x `y`");
  jd_request_add_header (request, "Content-Type", "application/json");
  jd_request_set_body (request, body);

  for (guint v = 0; v < G_N_ELEMENTS (variants); v++)
    {
      g_autofree char *command = jd_request_to_curl (request, variants[v], T);
      g_autoptr (JdInput) input = parse_str (command);
      JdRequest *back = jd_input_get_request (input);

      g_test_message ("%s", command);
      g_assert_cmpint (jd_input_get_form (input), ==, JD_INPUT_FORM_CURL);
      g_assert_nonnull (back);
      g_assert_cmpstr (jd_request_get_method (back), ==, "PATCH");
      g_assert_cmpstr (jd_request_get_url (back), ==, jd_request_get_url (request));
      g_assert_cmpstr (jd_request_get_header (back, "X-Quote"), ==, "it's \"q\" $x `y`");
      g_assert_cmpstr (jd_request_get_header (back, "Accept"), ==, "application/json");
      assert_body (back, body_text);

      if (variants[v] == JD_CURL_THIS_TOKEN)
        assert_token_at (input, command, strlen (command));
      else
        g_assert_cmpstr (jd_input_get_token (input), !=, T);
      if (variants[v] == JD_CURL_WITHOUT_TOKEN)
        g_assert_null (jd_request_get_header (back, "Authorization"));
    }
}

/* ------------------------------------------------------------------ */
/* Junk, truncation, size                                              */

static void
test_every_prefix (void)
{
  const char *files[] = {
    "curl-chrome-get.txt",       "curl-chrome-put-ansi.txt", "curl-chrome-cmd.txt",
    "curl-firefox-post.txt",     "curl-query-token.txt",     "paste-wrapped.txt",
    "paste-request-headers.txt", "paste-double-bearer.txt",
  };

  /* Cut anywhere (inside quotes, escapes, continuations): never a crash,
   * never a read past the end (the sanitizer build checks). */
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      gsize len;
      g_autofree char *text = load (files[i], &len);

      for (gsize n = 0; n <= len; n++)
        {
          g_autoptr (JdInput) input = parse (text, n);
          (void)input;
        }
    }
}

static void
test_junk (void)
{
  const char *prefixes[]
    = { "",        "curl ",    "curl -H $'", "Authorization: ",
        "Bearer ", "curl ^\"", "eyJ",        "curl -H 'Authorization: Basic " };
  GRand *rand = g_rand_new_with_seed (20261128);
  const char alphabet[] = "'\"\\$^`\n\r\t -:;=.&|#eyJ\x00\xff\xc3";

  for (guint round = 0; round < 3000; round++)
    {
      const char *prefix = prefixes[round % G_N_ELEMENTS (prefixes)];
      gsize n = g_rand_int_range (rand, 0, 200);
      GByteArray *bytes = g_byte_array_new ();
      g_autoptr (JdInput) input = NULL;

      g_byte_array_append (bytes, (const guint8 *)prefix, strlen (prefix));
      for (gsize i = 0; i < n; i++)
        {
          guint8 b;

          /* Half random bytes, half the characters parsers care about. */
          if (g_rand_boolean (rand))
            b = (guint8)g_rand_int_range (rand, 0, 256);
          else
            b = (guint8)alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
          g_byte_array_append (bytes, &b, 1);
        }

      input = parse ((const char *)bytes->data, bytes->len);
      g_byte_array_unref (bytes);
    }

  g_rand_free (rand);
}

static void
test_big_token (void)
{
  gsize sig_len = 1024 * 1024;
  GString *token = g_string_new ("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.");
  g_autofree char *command = NULL;
  g_autofree char *ansi = NULL;
  g_autoptr (JdInput) input = NULL;
  g_autoptr (JdInput) ansi_input = NULL;
  g_autoptr (JdInput) bare = NULL;

  for (gsize i = 0; i < sig_len; i++)
    g_string_append_c (token,
                       "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"[i % 64]);

  command = g_strdup_printf ("curl 'https://api.example.com/v1/me' \\\n"
                             "  -H 'accept: application/json' \\\n"
                             "  -H 'authorization: Bearer %s' \\\n"
                             "  --compressed\n",
                             token->str);
  input = parse_str (command);
  g_assert_cmpint (jd_input_get_form (input), ==, JD_INPUT_FORM_CURL);
  g_assert_cmpstr (jd_input_get_token (input), ==, token->str);
  g_assert_cmpuint (jd_input_get_token_end (input) - jd_input_get_token_start (input), ==,
                    token->len);
  g_assert_true (memcmp (command + jd_input_get_token_start (input), token->str, token->len) == 0);

  /* The same in $'…', where every byte is read through the escape code. */
  ansi
    = g_strdup_printf ("curl https://api.example.com/ -H $'Authorization: Bearer %s'", token->str);
  ansi_input = parse_str (ansi);
  g_assert_cmpstr (jd_input_get_token (ansi_input), ==, token->str);

  bare = parse (token->str, token->len);
  g_assert_cmpint (jd_input_get_form (bare), ==, JD_INPUT_FORM_TOKEN);
  g_assert_cmpuint (jd_input_get_token_end (bare), ==, token->len);

  g_string_free (token, TRUE);
}

static void
test_jwt_shaped (void)
{
  static const struct
  {
    const char *text;
    gboolean shaped;
  } cases[] = {
    { T, TRUE },
    { "eyJhIjoxfQ.e30.", TRUE },      /* an empty signature is still the shape */
    { "eyJhIjoxfQ.e30.a.b.c", TRUE }, /* JWE: five segments */
    { "eyJ.a.b", FALSE },             /* under 8 bytes */
    { "eyJhIjoxfQ.e30", FALSE },      /* two segments */
    { "eyJhIjoxfQ.e30.a.b", FALSE },  /* four */
    { "eyJhIjoxfQ.e30.a=", FALSE },   /* padding */
    { "eyJhIjoxfQ.e30.a b", FALSE },
    { "xeyJhIjoxfQ.e30.a", FALSE },
    { "", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (jd_input_is_jwt_shaped (cases[i].text, strlen (cases[i].text)), ==,
                       cases[i].shaped);
    }
  /* Only @len bytes are read: the rest may be anything. */
  g_assert_true (jd_input_is_jwt_shaped ("eyJhIjoxfQ.e30.a\"}", 16));
}

/* "x eyJ" and a megabyte of dots: finding the token's end dropped one
 * trailing dot at a time and recounted every dot each time (26 s for 100k
 * dots, hours for this). Linear now: this simply finishes in the normal run. */
static void
test_many_dots (void)
{
  gsize n_dots = 1024 * 1024;
  GString *text = g_string_new ("x eyJ");
  GString *sentence = g_string_new ("x " T);
  g_autoptr (JdInput) input = NULL;
  g_autoptr (JdInput) after_token = NULL;

  for (gsize i = 0; i < n_dots; i++)
    g_string_append_c (text, '.');
  input = parse (text->str, text->len);
  /* "eyJ" and dots is no token: the text is passed on as is. */
  g_assert_cmpint (jd_input_get_form (input), ==, JD_INPUT_FORM_UNKNOWN);
  g_assert_cmpuint (strlen (jd_input_get_token (input)), ==, text->len);

  /* A real token in other text, then a megabyte of dots. */
  for (gsize i = 0; i < n_dots; i++)
    g_string_append_c (sentence, '.');
  after_token = parse (sentence->str, sentence->len);
  g_assert_cmpint (jd_input_get_form (after_token), ==, JD_INPUT_FORM_TOKEN);
  g_assert_cmpuint (jd_input_get_token_start (after_token), ==, 2);
  g_assert_cmpuint (jd_input_get_token_end (after_token), >=, 2 + strlen (T));
  g_assert_cmpuint (jd_input_get_token_end (after_token), <, 2 + strlen (T) + 8);

  g_string_free (text, TRUE);
  g_string_free (sentence, TRUE);
}

/* #12: a token endpoint's JSON response: the access_token is the token
 * sent to the API; the others are named, never diagnosed in its place. */
#define TR_ACCESS "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhY2Nlc3MifQ.c2ln"
#define TR_ID "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJpZCJ9.c2ln"
#define TR_REFRESH "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJyZWZyZXNoIn0.c2ln"

static const struct
{
  const char *name;
  const char *text;
  const char *token;    /* NULL: not read as a token response */
  const char *mentions; /* words the finding must hold */
  const char *absent;   /* words it must not */
} token_response_rows[] = {
  { "all-three",
    "{\"token_type\":\"Bearer\",\"id_token\":\"" TR_ID "\",\"access_token\":\"" TR_ACCESS
    "\",\"refresh_token\":\"" TR_REFRESH "\",\"expires_in\":3600}",
    TR_ACCESS, "refresh_token", NULL },
  { "access-and-id", "{\"id_token\":\"" TR_ID "\",\"access_token\":\"" TR_ACCESS "\"}", TR_ACCESS,
    "id_token", "refresh_token" },
  { "access-only", "  {\"access_token\":\"" TR_ACCESS "\"}\n", TR_ACCESS, "access_token",
    "id_token" },
  { "close-no-access-token", "{\"id_token\":\"" TR_ID "\"}", NULL, NULL, NULL },
  { "close-empty-access-token", "{\"access_token\":\"\",\"id_token\":\"" TR_ID "\"}", NULL, NULL,
    NULL },
  { "close-not-json", "{\"access_token\":\"" TR_ACCESS "\"", NULL, NULL, NULL },
};

static void
test_token_response (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  const char *text = token_response_rows[i].text;
  g_autoptr (JdInput) input = jd_input_parse (text, strlen (text));
  JdFinding *f = jd_findings_find (jd_input_get_findings (input), "token-response");

  if (token_response_rows[i].token == NULL)
    {
      g_assert_null (f);
      return;
    }
  g_assert_cmpint (jd_input_get_form (input), ==, JD_INPUT_FORM_TOKEN);
  g_assert_cmpstr (jd_input_get_token (input), ==, token_response_rows[i].token);
  g_assert_cmpuint (jd_input_get_token_end (input) - jd_input_get_token_start (input), ==,
                    strlen (token_response_rows[i].token));
  g_assert_true (strncmp (text + jd_input_get_token_start (input), token_response_rows[i].token,
                          strlen (token_response_rows[i].token))
                 == 0);
  g_assert_nonnull (f);
  g_test_message ("%s", jd_finding_get_message (f));
  g_assert_nonnull (strstr (jd_finding_get_message (f), token_response_rows[i].mentions));
  if (token_response_rows[i].absent)
    g_assert_null (strstr (jd_finding_get_message (f), token_response_rows[i].absent));
}

/* A paste that starts like a token response but nests deeper than any
 * parser should follow: read without recursion, not a token response. */
static void
test_token_response_deep (void)
{
  gsize depth = 200000;
  g_autoptr (GString) text = g_string_new ("{\"access_token\":");
  g_autoptr (JdInput) input = NULL;

  for (gsize i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  input = jd_input_parse (text->str, text->len);
  g_assert_null (jd_findings_find (jd_input_get_findings (input), "token-response"));
}

/* A log line that opens with the scheme's name ("Bearer was not
 * authenticated. …") and a token elsewhere: the token is read, not the
 * sentence. The close cases stay "Bearer <value>" pastes. */
typedef struct
{
  const char *name;
  const char *text;
  JdInputForm form;
  const char *token;
} ProseCase;

static const ProseCase prose_cases[] = {
  { "aspnet-log-then-token",
    "Bearer was not authenticated. Failure message: IDX10501: Signature validation failed.\n" T,
    JD_INPUT_FORM_UNKNOWN, T },
  { "bearer-two-words-then-token", "Bearer abc def\n" T, JD_INPUT_FORM_BEARER, NULL },
  { "bearer-prose-no-token", "Bearer was not authenticated. Failure message: none",
    JD_INPUT_FORM_BEARER, NULL },
  { "bearer-token", "Bearer " T, JD_INPUT_FORM_BEARER, T },
};

static void
test_bearer_prose (gconstpointer data)
{
  const ProseCase *c = data;
  g_autoptr (JdInput) input = parse_str (c->text);

  if (c->token != NULL)
    g_assert_cmpstr (jd_input_get_token (input), ==, c->token);
  if (c->form == JD_INPUT_FORM_BEARER)
    g_assert_cmpint (jd_input_get_form (input), ==, JD_INPUT_FORM_BEARER);
  else
    g_assert_cmpint (jd_input_get_form (input), !=, JD_INPUT_FORM_BEARER);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jd/input/empty", test_empty);
  for (guint i = 0; i < G_N_ELEMENTS (token_list_rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/jd/input/token-list/%s", token_list_rows[i].name);
      g_test_add_data_func (path, &token_list_rows[i], test_token_list);
    }
  g_test_add_func ("/jd/input/bare", test_bare);
  g_test_add_func ("/jd/input/jwt-file", test_jwt_file);
  g_test_add_func ("/jd/input/wrapped", test_wrapped);
  g_test_add_func ("/jd/input/authorization", test_authorization);
  g_test_add_func ("/jd/input/authorization/scheme-case", test_scheme_case);
  g_test_add_func ("/jd/input/bearer", test_bearer);
  g_test_add_func ("/jd/input/double-bearer", test_double_bearer);
  g_test_add_func ("/jd/input/malformed-authorization", test_malformed);
  g_test_add_func ("/jd/input/request-headers", test_request_headers);
  g_test_add_func ("/jd/input/in-text", test_in_text);
  g_test_add_func ("/jd/input/unknown", test_unknown);
  g_test_add_func ("/jd/input/curl/fixtures", test_curl_fixtures);
  g_test_add_func ("/jd/input/curl/bash-agrees", test_curl_bash_agrees);
  g_test_add_func ("/jd/input/curl/cmd-words", test_curl_cmd_words);
  g_test_add_func ("/jd/input/curl/options", test_curl_options);
  g_test_add_func ("/jd/input/curl/roundtrip", test_curl_roundtrip);
  g_test_add_func ("/jd/input/junk/every-prefix", test_every_prefix);
  g_test_add_func ("/jd/input/junk/random", test_junk);
  g_test_add_func ("/jd/input/big-token", test_big_token);
  g_test_add_func ("/jd/input/many-dots", test_many_dots);
  g_test_add_func ("/jd/input/jwt-shaped", test_jwt_shaped);
  for (guint i = 0; i < G_N_ELEMENTS (token_response_rows); i++)
    {
      g_autofree char *path
        = g_strdup_printf ("/jd/input/token-response/%s", token_response_rows[i].name);
      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_token_response);
    }
  g_test_add_func ("/jd/input/token-response/close-deep-nesting", test_token_response_deep);
  for (guint i = 0; i < G_N_ELEMENTS (prose_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/jd/input/bearer-prose/%s", prose_cases[i].name);
      g_test_add_data_func (path, &prose_cases[i], test_bearer_prose);
    }

  return g_test_run ();
}
