/* test-input.c — every paste form but curl (test-curl.c), byte offsets, junk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "jd-finding.h"
#include "jd-input.h"
#include "test-input-util.h"

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

static const struct
{
  const char *name;
  const char *text;
} empty_rows[] = {
  { "nothing", "" },          { "space", " " },          { "line-break", "\n" },
  { "blanks", " \t\r\n \n" }, { "bom", "\xef\xbb\xbf" }, { "bom-and-blanks", "\xef\xbb\xbf  \n" },
};

static void
test_empty (gconstpointer data)
{
  const typeof (empty_rows[0]) *row = data;
  g_autoptr (JdInput) input = jd_test_parse_str (row->text);

  g_assert_cmpint (jd_input_get_form (input), ==, JD_INPUT_FORM_EMPTY);
  g_assert_cmpstr (jd_input_get_token (input), ==, "");
  g_assert_null (jd_input_get_request (input));
  g_assert_cmpuint (jd_input_get_findings (input)->len, ==, 0);
}

static void
test_empty_null (void)
{
  g_autoptr (JdInput) input = jd_input_parse (NULL, 0);
  g_assert_cmpint (jd_input_get_form (input), ==, JD_INPUT_FORM_EMPTY);
}

static const struct
{
  const char *name;
  const char *text;
} bare_rows[] = {
  { "alone", T },
  { "spaces", "  " T "  " },
  { "line-breaks", "\n" T "\n" },
  { "double-quotes", "\"" T "\"" },
  { "single-quotes", "'" T "'" },
  { "backquotes", "`" T "`" },
  { "bom", "\xef\xbb\xbf" T },
  { "quotes-and-spaces", " \"  " T " \"\n" },
};

/* @text reads as @form, with T where the offsets say and no finding.
 * (transfer full) */
static JdInput *
assert_read_cleanly (const char *text, JdInputForm form)
{
  JdInput *input = jd_test_parse_str (text);

  g_assert_cmpint (jd_input_get_form (input), ==, form);
  jd_test_assert_token_at (input, text, strlen (text));
  g_assert_cmpuint (jd_input_get_findings (input)->len, ==, 0);

  return input;
}

static void
test_bare (gconstpointer data)
{
  const typeof (bare_rows[0]) *row = data;
  g_autoptr (JdInput) input = assert_read_cleanly (row->text, JD_INPUT_FORM_TOKEN);

  g_assert_null (jd_input_get_request (input));
}

/* Not a JWT at all, but token characters: passed on as the token, for
 * the decoder to explain. */
static void
test_bare_not_jwt (void)
{
  g_autoptr (JdInput) input = jd_test_parse_str ("abc");
  g_assert_cmpint (jd_input_get_form (input), ==, JD_INPUT_FORM_TOKEN);
  g_assert_cmpstr (jd_input_get_token (input), ==, "abc");
}

static void
test_jwt_file (void)
{
  gsize len;
  g_autofree char *text = jd_test_load ("paste-jwt-file.txt", &len);
  g_autoptr (JdInput) input = jd_test_parse (text, len);

  g_assert_cmpint (jd_input_get_form (input), ==, JD_INPUT_FORM_TOKEN);
  jd_test_assert_token_at (input, text, len);
  g_assert_cmpuint (jd_input_get_token_start (input), ==, 0);
  g_assert_cmpuint (jd_input_get_token_end (input), ==, len - 1);
}

static void
test_wrapped (void)
{
  gsize len;
  g_autofree char *text = jd_test_load ("paste-wrapped.txt", &len);
  g_autoptr (JdInput) input = jd_test_parse (text, len);
  const char *crlf = "eyJhbGciOiJSUzI1NiIsInR5cCI6\r\n  IkpXVCIsImtpZCI6ImsxIn0.e30.\r\nc2ln\r\n";

  /* Quotes around, a line break every 76 characters. */
  g_assert_cmpint (jd_input_get_form (input), ==, JD_INPUT_FORM_TOKEN);
  g_assert_cmpstr (jd_input_get_token (input), ==, T);
  g_assert_cmpuint (jd_input_get_token_start (input), ==, 1);
  g_assert_cmpuint (jd_input_get_token_end (input), ==, len - 2);
  g_assert_cmpuint (jd_input_get_findings (input)->len, ==, 0);

  {
    g_autoptr (JdInput) input2 = jd_test_parse_str (crlf);
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
  g_autofree char *text = jd_test_load ("paste-authorization.txt", &len);
  g_autoptr (JdInput) input = jd_test_parse (text, len);

  g_assert_cmpint (jd_input_get_form (input), ==, JD_INPUT_FORM_AUTHORIZATION);
  jd_test_assert_token_at (input, text, len);
  g_assert_cmpuint (jd_input_get_token_start (input), ==, strlen ("Authorization: Bearer "));

  /* Another header whose name starts the same is not it. */
  {
    g_autoptr (JdInput) other = jd_test_parse_str ("Authorization-Hint: none\nX-Token: abc");
    g_assert_cmpint (jd_input_get_form (other), ==, JD_INPUT_FORM_UNKNOWN);
  }
  g_assert_cmpuint (jd_input_get_findings (input)->len, ==, 0);
  g_assert_false (jd_findings_has (jd_input_get_findings (input), JD_FINDING_DOUBLE_BEARER_PREFIX));
}

/* Other spacing and quoting of an Authorization line: read the same. */
static const struct
{
  const char *name;
  const char *text;
} authorization_rows[] = {
  { "no-space", "Authorization:Bearer " T },
  { "more-spaces", "Authorization :  Bearer   " T "  " },
  { "quoted-line", "  \"Authorization: Bearer " T "\"" },
};

static void
test_authorization_spacing (gconstpointer data)
{
  const typeof (authorization_rows[0]) *row = data;

  g_object_unref (assert_read_cleanly (row->text, JD_INPUT_FORM_AUTHORIZATION));
}

static const struct
{
  const char *name;
  const char *text;
  JdInputForm form;
} scheme_case_rows[] = {
  { "lower", "authorization: bearer " T, JD_INPUT_FORM_AUTHORIZATION },
  { "upper", "AUTHORIZATION: BEARER " T, JD_INPUT_FORM_AUTHORIZATION },
  { "bearer", "Bearer " T, JD_INPUT_FORM_BEARER },
  { "bearer-mixed", "bEaReR " T, JD_INPUT_FORM_BEARER },
};

static void
test_scheme_case (gconstpointer data)
{
  const typeof (scheme_case_rows[0]) *row = data;
  g_autoptr (JdInput) input = jd_test_parse_str (row->text);
  gboolean exact = strstr (row->text, "Bearer ") != NULL;

  jd_test_assert_token_at (input, row->text, strlen (row->text));
  g_assert_cmpint (jd_input_get_form (input), ==, row->form);
  /* Case-insensitive (RFC 7235): read the same; only a note when it is
   * not written "Bearer". */
  if (exact)
    g_assert_cmpuint (jd_input_get_findings (input)->len, ==, 0);
  else
    jd_test_the_finding (input, JD_FINDING_MALFORMED_AUTHORIZATION, JD_SEVERITY_INFO);
  g_assert_false (jd_findings_has (jd_input_get_findings (input), JD_FINDING_DOUBLE_BEARER_PREFIX));
}

static void
test_bearer (void)
{
  gsize len;
  g_autofree char *text = jd_test_load ("paste-bearer.txt", &len);
  g_autoptr (JdInput) input = jd_test_parse (text, len);

  g_assert_cmpint (jd_input_get_form (input), ==, JD_INPUT_FORM_BEARER);
  jd_test_assert_token_at (input, text, len);
  g_assert_cmpuint (jd_input_get_token_start (input), ==, 7);
  g_assert_cmpuint (jd_input_get_findings (input)->len, ==, 0);
}

static void
test_double_bearer (void)
{
  gsize len;
  g_autofree char *text = jd_test_load ("paste-double-bearer.txt", &len);
  g_autoptr (JdInput) input = jd_test_parse (text, len);
  JdFinding *finding;

  g_assert_cmpint (jd_input_get_form (input), ==, JD_INPUT_FORM_AUTHORIZATION);
  jd_test_assert_token_at (input, text, len);

  finding = jd_test_the_finding (input, JD_FINDING_DOUBLE_BEARER_PREFIX, JD_SEVERITY_ERROR);
  g_assert_cmpint (jd_finding_get_rank (finding), ==, JD_RANK_MALFORMED);
  g_assert_nonnull (strstr (jd_finding_get_message (finding), "Bearer Bearer"));
  g_assert_nonnull (strstr (jd_finding_get_fix (finding), "\"Bearer \""));
  g_assert_cmpuint (jd_test_count_findings (input, JD_FINDING_DOUBLE_BEARER_PREFIX), ==, 1);

  /* A token that merely starts with the letters of "Bearer" is no double. */
  {
    g_autoptr (JdInput) other = jd_test_parse_str ("Bearer Bearerish.abc.def");
    g_assert_cmpstr (jd_input_get_token (other), ==, "Bearerish.abc.def");
    g_assert_false (
      jd_findings_has (jd_input_get_findings (other), JD_FINDING_DOUBLE_BEARER_PREFIX));
  }
}

static const struct
{
  const char *name;
  const char *text;
} double_bearer_rows[] = {
  { "bearer-bearer", "Bearer Bearer " T },
  { "any-case", "bearer BEARER " T },
  { "three-times", "Authorization: Bearer Bearer Bearer " T },
  { "curl", "curl https://api.example.com -H 'Authorization: Bearer Bearer " T "'" },
};

static void
test_double_bearer_forms (gconstpointer data)
{
  const typeof (double_bearer_rows[0]) *row = data;
  g_autoptr (JdInput) other = jd_test_parse_str (row->text);

  jd_test_assert_token_at (other, row->text, strlen (row->text));
  jd_test_the_finding (other, JD_FINDING_DOUBLE_BEARER_PREFIX, JD_SEVERITY_ERROR);
}

typedef struct
{
  const char *name;
  const char *text;
  const char *token;   /* expected token */
  JdSeverity severity; /* of the malformed-authorization finding */
} MalformedCase;

static const MalformedCase malformed_rows[] = {
  /* Missing scheme */
  { "no-scheme", "Authorization: " T, T, JD_SEVERITY_ERROR },
  /* A quoted token, a quoted value */
  { "double-quoted-token", "Authorization: Bearer \"" T "\"", T, JD_SEVERITY_ERROR },
  { "single-quoted-token", "Authorization: Bearer '" T "'", T, JD_SEVERITY_ERROR },
  { "quoted-value", "Authorization: \"Bearer " T "\"", T, JD_SEVERITY_ERROR },
  /* Basic instead of Bearer */
  { "basic", "Authorization: Basic dXNlcjpwYXNzd29yZA==", "", JD_SEVERITY_ERROR },
  { "basic-jwt", "Authorization: Basic " T, T, JD_SEVERITY_ERROR },
  /* Another scheme */
  { "jwt-scheme", "Authorization: JWT " T, T, JD_SEVERITY_WARNING },
  { "token-scheme", "Authorization: Token " T, T, JD_SEVERITY_WARNING },
  /* "Bearer:" */
  { "bearer-colon", "Authorization: Bearer: " T, T, JD_SEVERITY_ERROR },
  /* Nothing after the scheme, nothing at all */
  { "bearer-alone", "Authorization: Bearer", "", JD_SEVERITY_ERROR },
  { "bearer-and-spaces", "Authorization: Bearer   ", "", JD_SEVERITY_ERROR },
  { "empty", "Authorization:", "", JD_SEVERITY_ERROR },
  /* A space inside the token */
  { "space-inside", "Bearer eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImsxIn0. e30.c2ln",
    "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImsxIn0.e30.c2ln", JD_SEVERITY_ERROR },
  /* A line break inside the token: wrapped when copied, maybe */
  { "line-break-inside",
    "Authorization: Bearer eyJhbGciOiJSUzI1NiIsInR5cCI6\n  IkpXVCIsImtpZCI6ImsxIn0.e30.c2ln",
    "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImsxIn0.e30.c2ln", JD_SEVERITY_WARNING },
  /* … but in a command it is what the client sends */
  { "line-break-in-curl",
    "curl https://a.example -H $'Authorization: Bearer eyJhbGciOiJSUzI1NiIsInR5cCI6\\n"
    "IkpXVCIsImtpZCI6ImsxIn0.e30.c2ln'",
    "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImsxIn0.e30.c2ln", JD_SEVERITY_ERROR },
};

static void
assert_malformed (const MalformedCase *c)
{
  g_autoptr (JdInput) input = jd_test_parse_str (c->text);
  JdFinding *finding;

  g_test_message ("%s", c->text);
  g_assert_cmpstr (jd_input_get_token (input), ==, c->token);
  /* No token after the scheme (or no value at all) is no-token: the
   * client had none to send (jd-token-kinds.h). */
  finding = jd_test_the_finding (input,
                                 *c->token == '\0' && strstr (c->text, "Basic") == NULL
                                   ? JD_FINDING_NO_TOKEN
                                   : JD_FINDING_MALFORMED_AUTHORIZATION,
                                 c->severity);
  g_assert_cmpint (jd_finding_get_rank (finding), ==,
                   c->severity == JD_SEVERITY_ERROR ? JD_RANK_MALFORMED : JD_RANK_REQUEST);
  g_assert_false (jd_findings_has (jd_input_get_findings (input), JD_FINDING_DOUBLE_BEARER_PREFIX));

  /* Where the token is written literally, the offsets find it. */
  if (*c->token != '\0' && strstr (c->text, c->token) != NULL)
    {
      gsize start = jd_input_get_token_start (input);
      gsize end = jd_input_get_token_end (input);

      g_assert_cmpuint (end - start, ==, strlen (c->token));
      g_assert_true (memcmp (c->text + start, c->token, end - start) == 0);
    }
}

static void
test_malformed (gconstpointer data)
{
  assert_malformed (data);
}

/* A JWT as the password of Basic credentials. */
static void
test_malformed_basic_password (void)
{
  g_autofree char *basic_user = g_base64_encode ((const guchar *)"client:" T, strlen ("client:" T));
  g_autofree char *basic_text = g_strconcat ("Authorization: Basic ", basic_user, NULL);
  MalformedCase basic_case = { "basic-password", basic_text, T, JD_SEVERITY_ERROR };

  assert_malformed (&basic_case);
}

/* A quoted token's offsets sit inside the quotes. */
static void
test_malformed_quoted_offsets (void)
{
  const char *text = "Authorization: Bearer \"" T "\"";
  g_autoptr (JdInput) input = jd_test_parse_str (text);

  jd_test_assert_token_at (input, text, strlen (text));
  g_assert_cmpuint (jd_input_get_token_start (input), ==, strlen ("Authorization: Bearer \""));
}

static void
test_request_headers (void)
{
  gsize len;
  g_autofree char *text = jd_test_load ("paste-request-headers.txt", &len);
  g_autoptr (JdInput) input = jd_test_parse (text, len);

  JdRequest *request;

  g_assert_cmpint (jd_input_get_form (input), ==, JD_INPUT_FORM_AUTHORIZATION);
  jd_test_assert_token_at (input, text, len);
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
    g_autoptr (JdInput) other = jd_test_parse_str (h2);
    JdRequest *r = jd_input_get_request (other);

    jd_test_assert_token_at (other, h2, strlen (h2));
    g_assert_nonnull (r);
    g_assert_cmpstr (jd_request_get_method (r), ==, "POST");
    g_assert_cmpstr (jd_request_get_url (r), ==, "http://id.example.com/token?x=1");
    g_assert_cmpuint (jd_request_get_headers (r)->len, ==, 1);
    jd_test_assert_body (r, "grant_type=refresh_token");
  }
}

static void
test_in_text (void)
{
  gsize len;
  g_autofree char *text = jd_test_load ("paste-token-response.txt", &len);
  g_autoptr (JdInput) input = jd_test_parse (text, len);
  const char *log = "2026-11-28T10:00:00Z WARN rejected token=" T ". Retrying.";

  g_assert_cmpint (jd_input_get_form (input), ==, JD_INPUT_FORM_TOKEN);
  jd_test_assert_token_at (input, text, len);

  {
    g_autoptr (JdInput) from_log = jd_test_parse_str (log);
    jd_test_assert_token_at (from_log, log, strlen (log));
  }
}

static const struct
{
  const char *name;
  const char *text;
  gsize len;
} unknown_rows[] = {
  { "words", "hello world", 11 },
  { "json", "{\"not\": \"a token\"}", 18 },
  { "invalid-utf8", "Hé\xff\xfe", 5 },
  { "nul-byte", "a\0b", 3 },
};

static void
test_unknown (gconstpointer data)
{
  const typeof (unknown_rows[0]) *row = data;
  g_autoptr (JdInput) input = jd_test_parse (row->text, row->len);

  g_assert_cmpint (jd_input_get_form (input), ==, JD_INPUT_FORM_UNKNOWN);
  g_assert_null (jd_input_get_request (input));
}

static void
test_unknown_offsets (void)
{
  g_autoptr (JdInput) input = jd_test_parse_str ("  hello world\n");

  g_assert_cmpstr (jd_input_get_token (input), ==, "hello world");
  g_assert_cmpuint (jd_input_get_token_start (input), ==, 2);
  g_assert_cmpuint (jd_input_get_token_end (input), ==, 13);
}

/* ------------------------------------------------------------------ */
/* Junk, truncation, size                                              */

static const struct
{
  const char *file;
} prefix_rows[] = {
  { "curl-chrome-get.txt" },       { "curl-chrome-put-ansi.txt" }, { "curl-chrome-cmd.txt" },
  { "curl-firefox-post.txt" },     { "curl-query-token.txt" },     { "paste-wrapped.txt" },
  { "paste-request-headers.txt" }, { "paste-double-bearer.txt" },
};

/* Cut anywhere (inside quotes, escapes, continuations): never a crash,
 * never a read past the end (the sanitizer build checks). */
static void
test_every_prefix (gconstpointer data)
{
  const typeof (prefix_rows[0]) *row = data;
  gsize len;
  g_autofree char *text = jd_test_load (row->file, &len);

  for (gsize n = 0; n <= len; n++)
    {
      g_autoptr (JdInput) input = jd_test_parse (text, n);
      (void)input;
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

      input = jd_test_parse ((const char *)bytes->data, bytes->len);
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
  input = jd_test_parse_str (command);
  g_assert_cmpint (jd_input_get_form (input), ==, JD_INPUT_FORM_CURL);
  g_assert_cmpstr (jd_input_get_token (input), ==, token->str);
  g_assert_cmpuint (jd_input_get_token_end (input) - jd_input_get_token_start (input), ==,
                    token->len);
  g_assert_true (memcmp (command + jd_input_get_token_start (input), token->str, token->len) == 0);

  /* The same in $'…', where every byte is read through the escape code. */
  ansi
    = g_strdup_printf ("curl https://api.example.com/ -H $'Authorization: Bearer %s'", token->str);
  ansi_input = jd_test_parse_str (ansi);
  g_assert_cmpstr (jd_input_get_token (ansi_input), ==, token->str);

  bare = jd_test_parse (token->str, token->len);
  g_assert_cmpint (jd_input_get_form (bare), ==, JD_INPUT_FORM_TOKEN);
  g_assert_cmpuint (jd_input_get_token_end (bare), ==, token->len);

  g_string_free (token, TRUE);
}

static const struct
{
  const char *name;
  const char *text;
  gboolean shaped;
} jwt_shaped_rows[] = {
  { "token", T, TRUE },
  { "empty-signature", "eyJhIjoxfQ.e30.", TRUE }, /* an empty signature is still the shape */
  { "jwe", "eyJhIjoxfQ.e30.a.b.c", TRUE },        /* JWE: five segments */
  { "short", "eyJ.a.b", FALSE },                  /* under 8 bytes */
  { "two-segments", "eyJhIjoxfQ.e30", FALSE },
  { "four-segments", "eyJhIjoxfQ.e30.a.b", FALSE },
  { "padding", "eyJhIjoxfQ.e30.a=", FALSE },
  { "space", "eyJhIjoxfQ.e30.a b", FALSE },
  { "not-at-start", "xeyJhIjoxfQ.e30.a", FALSE },
  { "empty", "", FALSE },
};

static void
test_jwt_shaped (gconstpointer data)
{
  const typeof (jwt_shaped_rows[0]) *row = data;

  g_assert_cmpint (jd_input_is_jwt_shaped (row->text, strlen (row->text)), ==, row->shaped);
}

/* Only @len bytes are read: the rest may be anything. */
static void
test_jwt_shaped_len (void)
{
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
  input = jd_test_parse (text->str, text->len);
  /* "eyJ" and dots is no token: the text is passed on as is. */
  g_assert_cmpint (jd_input_get_form (input), ==, JD_INPUT_FORM_UNKNOWN);
  g_assert_cmpuint (strlen (jd_input_get_token (input)), ==, text->len);

  /* A real token in other text, then a megabyte of dots. */
  for (gsize i = 0; i < n_dots; i++)
    g_string_append_c (sentence, '.');
  after_token = jd_test_parse (sentence->str, sentence->len);
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
  const typeof (token_response_rows[0]) *row = data;
  const char *text = row->text;
  g_autoptr (JdInput) input = jd_input_parse (text, strlen (text));
  JdFinding *f = jd_findings_find (jd_input_get_findings (input), "token-response");

  if (row->token == NULL)
    {
      g_assert_null (f);
      return;
    }
  g_assert_cmpint (jd_input_get_form (input), ==, JD_INPUT_FORM_TOKEN);
  g_assert_cmpstr (jd_input_get_token (input), ==, row->token);
  g_assert_cmpuint (jd_input_get_token_end (input) - jd_input_get_token_start (input), ==,
                    strlen (row->token));
  g_assert_true (strncmp (text + jd_input_get_token_start (input), row->token, strlen (row->token))
                 == 0);
  g_assert_nonnull (f);
  g_test_message ("%s", jd_finding_get_message (f));
  g_assert_nonnull (strstr (jd_finding_get_message (f), row->mentions));
  if (row->absent)
    g_assert_null (strstr (jd_finding_get_message (f), row->absent));
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
  g_autoptr (JdInput) input = jd_test_parse_str (c->text);

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

  JD_TEST_ADD_ROWS ("/jd/input/empty", empty_rows, name, test_empty);
  g_test_add_func ("/jd/input/empty/null", test_empty_null);
  JD_TEST_ADD_ROWS ("/jd/input/token-list", token_list_rows, name, test_token_list);
  JD_TEST_ADD_ROWS ("/jd/input/bare", bare_rows, name, test_bare);
  g_test_add_func ("/jd/input/bare/not-a-jwt", test_bare_not_jwt);
  g_test_add_func ("/jd/input/jwt-file", test_jwt_file);
  g_test_add_func ("/jd/input/wrapped", test_wrapped);
  g_test_add_func ("/jd/input/authorization", test_authorization);
  JD_TEST_ADD_ROWS ("/jd/input/authorization/spacing", authorization_rows, name,
                    test_authorization_spacing);
  JD_TEST_ADD_ROWS ("/jd/input/authorization/scheme-case", scheme_case_rows, name,
                    test_scheme_case);
  g_test_add_func ("/jd/input/bearer", test_bearer);
  g_test_add_func ("/jd/input/double-bearer", test_double_bearer);
  JD_TEST_ADD_ROWS ("/jd/input/double-bearer", double_bearer_rows, name, test_double_bearer_forms);
  JD_TEST_ADD_ROWS ("/jd/input/malformed-authorization", malformed_rows, name, test_malformed);
  g_test_add_func ("/jd/input/malformed-authorization/basic-password",
                   test_malformed_basic_password);
  g_test_add_func ("/jd/input/malformed-authorization/quoted-offsets",
                   test_malformed_quoted_offsets);
  g_test_add_func ("/jd/input/request-headers", test_request_headers);
  g_test_add_func ("/jd/input/in-text", test_in_text);
  JD_TEST_ADD_ROWS ("/jd/input/unknown", unknown_rows, name, test_unknown);
  g_test_add_func ("/jd/input/unknown/offsets", test_unknown_offsets);
  JD_TEST_ADD_ROWS ("/jd/input/junk/every-prefix", prefix_rows, file, test_every_prefix);
  g_test_add_func ("/jd/input/junk/random", test_junk);
  g_test_add_func ("/jd/input/big-token", test_big_token);
  g_test_add_func ("/jd/input/many-dots", test_many_dots);
  JD_TEST_ADD_ROWS ("/jd/input/jwt-shaped", jwt_shaped_rows, name, test_jwt_shaped);
  g_test_add_func ("/jd/input/jwt-shaped/only-len-bytes", test_jwt_shaped_len);
  JD_TEST_ADD_ROWS ("/jd/input/token-response", token_response_rows, name, test_token_response);
  g_test_add_func ("/jd/input/token-response/close-deep-nesting", test_token_response_deep);
  JD_TEST_ADD_ROWS ("/jd/input/bearer-prose", prose_cases, name, test_bearer_prose);

  return g_test_run ();
}
