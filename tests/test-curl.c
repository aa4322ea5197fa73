/* test-curl.c — curl command lines: the words a shell would pass, the
 * options, the request they make and the token's offsets in the paste
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "jd-curl-split.h"
#include "jd-input.h"
#include "test-input-util.h"

/* ------------------------------------------------------------------ */
/* Browsers' "Copy as cURL"                                            */

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
test_curl_fixture (gconstpointer data)
{
  const CurlFixture *f = data;
  gsize len;
  g_autofree char *text = jd_test_load (f->file, &len);
  g_autoptr (JdInput) input = jd_test_parse (text, len);
  JdRequest *request = jd_input_get_request (input);
  GPtrArray *headers;
  GBytes *body;

  g_assert_cmpint (jd_input_get_form (input), ==, JD_INPUT_FORM_CURL);
  jd_test_assert_token_at (input, text, len);

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
      jd_test_the_finding (input, JD_FINDING_TOKEN_OUTSIDE_AUTHORIZATION, JD_SEVERITY_WARNING);
    }
  else if (f->finding == NULL)
    g_assert_cmpuint (jd_input_get_findings (input)->len, ==, 0);
  else
    jd_test_the_finding (input, JD_FINDING_MALFORMED_AUTHORIZATION, JD_SEVERITY_INFO);

  /* The request carries the token the input found (unless it came from
   * a cookie or the URL). */
  if (jd_request_get_header (request, "Authorization") != NULL)
    {
      g_autofree char *bearer = jd_request_dup_bearer (request);
      g_assert_cmpstr (bearer, ==, T);
    }
}

/* ------------------------------------------------------------------ */
/* Words                                                               */

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

/* Commands beside the fixtures whose words bash must agree with. */
static const struct
{
  const char *name;
  const char *text;
} bash_rows[] = {
  { "ansi-c-escapes", "curl -H $'a\\x41\\101\\u00e9\\U0001F511\\t\\'\\\\\\\"\\?\\e\\cA\\z' x" },
  { "quotes-and-continuation", "curl \"a\\\"b\\$c\\`d\\\\e\\nf\" 'g'\"h\"i\\ j \\\n  k" },
  { "variable-and-comment", "curl -H \"Authorization: Bearer $TOKEN\" 'x'\\''y' # a comment\n" },
  { "empty-words", "curl $'it\\'s' \"\" '' end" },
};

/* Our reading of @text is bash's (bash runs it with a curl() function
 * that prints the arguments). */
static void
assert_bash_agrees (const char *text)
{
  g_auto (GStrv) ours = NULL;
  g_auto (GStrv) theirs = NULL;

  if (!g_file_test ("/bin/bash", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("no bash");
      return;
    }

  g_test_message ("%s", text);
  ours = jd_curl_split_words (text, strlen (text), NULL);
  theirs = bash_words (text);

  /* Ours starts with the word "curl"; bash's printf gets what follows.
   * bash expands $TOKEN (unset: empty); ours keeps it. Empty words
   * ("" '') are words for both. */
  g_assert_cmpstr (ours[0], ==, "curl");
  g_assert_cmpuint (g_strv_length (ours) - 1, ==, g_strv_length (theirs));
  if (strstr (text, "$TOKEN") != NULL)
    return;
  for (guint w = 0; theirs[w] != NULL; w++)
    g_assert_cmpstr (ours[w + 1], ==, theirs[w]);
}

static void
test_bash_agrees_fixture (gconstpointer data)
{
  const CurlFixture *f = data;
  g_autofree char *text = jd_test_load (f->file, NULL);

  assert_bash_agrees (text);
}

static void
test_bash_agrees (gconstpointer data)
{
  const typeof (bash_rows[0]) *row = data;

  assert_bash_agrees (row->text);
}

static void
test_curl_cmd_words (void)
{
  gsize len;
  g_autofree char *text = jd_test_load ("curl-chrome-cmd.txt", &len);
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

/* ------------------------------------------------------------------ */
/* Options                                                             */

static JdRequest *
curl_request (const char *text)
{
  g_autoptr (JdInput) input = jd_test_parse_str (text);
  JdRequest *request = jd_input_get_request (input);

  g_assert_cmpint (jd_input_get_form (input), ==, JD_INPUT_FORM_CURL);
  g_assert_nonnull (request);

  return g_object_ref (request);
}

static void
test_options_method (void)
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
    jd_test_assert_body (r, "a=1&b=2");
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
    jd_test_assert_body (r, NULL);
  }
  {
    g_autoptr (JdRequest) r = curl_request ("curl -sSIk https://a.example/");
    g_assert_cmpstr (jd_request_get_method (r), ==, "HEAD");
  }
}

static void
test_options_body (void)
{
  {
    g_autoptr (JdRequest) r = curl_request ("curl --json '{\"a\":1}' https://a.example/");
    g_assert_cmpstr (jd_request_get_method (r), ==, "POST");
    jd_test_assert_body (r, "{\"a\":1}");
    g_assert_cmpstr (jd_request_get_header (r, "content-type"), ==, "application/json");
    g_assert_cmpstr (jd_request_get_header (r, "accept"), ==, "application/json");
  }
  {
    g_autoptr (JdRequest) r
      = curl_request ("curl --data-urlencode 'q=a b&c' --data-urlencode =x/y https://a.example/");
    jd_test_assert_body (r, "q=a%20b%26c&x%2Fy");
  }
  {
    /* ^" inside a bash quote is no cmd.exe command. */
    g_autoptr (JdRequest) r
      = curl_request ("curl 'https://a.example/' --data-raw '{\"re\":\"^\\\"x\"}'");
    jd_test_assert_body (r, "{\"re\":\"^\\\"x\"}");
  }
}

static void
test_options_headers (void)
{
  {
    g_autoptr (JdRequest) r = curl_request (
      "curl -A agent/1 -e https://ref.example/ -b a=1 -b b=2 -b cookies.txt https://a.example/");
    g_assert_cmpstr (jd_request_get_header (r, "user-agent"), ==, "agent/1");
    g_assert_cmpstr (jd_request_get_header (r, "referer"), ==, "https://ref.example/");
    g_assert_cmpstr (jd_request_get_header (r, "cookie"), ==, "a=1; b=2");
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
}

/* As curl: with a Cookie header given by -H, the -b strings are not
 * sent, whichever comes first; every -H Cookie is. */
static const struct
{
  const char *name;
  const char *command;
  guint cookie_headers;
} cookie_rows[] = {
  { "b-then-header", "curl https://a.example/ -b a=1 -H 'Cookie: session=" T "'", 1 },
  { "header-then-b", "curl https://a.example/ -H 'Cookie: session=" T "' -b a=1", 1 },
  { "two-headers",
    "curl https://a.example/ -b a=1 -H 'Cookie: session=" T "' -b b=2 -H 'Cookie: c=3'", 2 },
};

static void
test_cookie_header_wins (gconstpointer data)
{
  const typeof (cookie_rows[0]) *row = data;
  g_autoptr (JdInput) input = jd_test_parse_str (row->command);
  JdRequest *r = jd_input_get_request (input);
  GPtrArray *headers = jd_request_get_headers (r);
  guint cookies = 0;

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
  g_assert_cmpuint (cookies, ==, row->cookie_headers);
  g_assert_cmpstr (jd_input_get_token (input), ==, T);
}

/* -u: Basic credentials; a JWT as the password is found, and named. */
static void
test_options_user (void)
{
  const char *text = "curl -u client:" T " https://a.example/";
  g_autoptr (JdInput) input = jd_test_parse_str (text);
  JdRequest *r = jd_input_get_request (input);
  g_autofree char *expected = g_base64_encode ((const guchar *)"client:" T, strlen ("client:" T));
  g_autofree char *header = g_strconcat ("Basic ", expected, NULL);

  jd_test_assert_token_at (input, text, strlen (text));
  g_assert_cmpstr (jd_request_get_header (r, "Authorization"), ==, header);
  jd_test_the_finding (input, JD_FINDING_MALFORMED_AUTHORIZATION, JD_SEVERITY_ERROR);
}

static void
test_options_authorization (void)
{
  {
    /* Two Authorization headers */
    const char *text
      = "curl -H 'Authorization: Bearer " T "' -H 'Authorization: Bearer x' https://a.example/";
    g_autoptr (JdInput) input = jd_test_parse_str (text);

    jd_test_assert_token_at (input, text, strlen (text));
    jd_test_the_finding (input, JD_FINDING_MALFORMED_AUTHORIZATION, JD_SEVERITY_WARNING);
  }
  {
    /* Our own "fresh token" command pasted back: no token in it. */
    g_autoptr (JdInput) input
      = jd_test_parse_str ("# get one first\ncurl -i 'https://a.example/' \\\n"
                           "  -H \"Authorization: Bearer $TOKEN\"\n");
    g_assert_cmpint (jd_input_get_form (input), ==, JD_INPUT_FORM_CURL);
    g_assert_nonnull (jd_input_get_request (input));
    g_assert_cmpstr (jd_input_get_token (input), ==, "");
    jd_test_the_finding (input, JD_FINDING_MALFORMED_AUTHORIZATION, JD_SEVERITY_WARNING);
  }
  {
    /* Without a URL there is no request, and still no crash. */
    g_autoptr (JdInput) input = jd_test_parse_str ("curl -H 'Authorization: Bearer " T "'");
    g_assert_cmpint (jd_input_get_form (input), ==, JD_INPUT_FORM_CURL);
    g_assert_cmpstr (jd_input_get_token (input), ==, T);
    g_assert_null (jd_input_get_request (input));
  }
}

/* ------------------------------------------------------------------ */
/* What jd_request_to_curl writes, jd_input_parse reads back.          */

static const struct
{
  const char *name;
  JdCurlVariant variant;
} roundtrip_rows[] = {
  { "without-token", JD_CURL_WITHOUT_TOKEN },
  { "this-token", JD_CURL_THIS_TOKEN },
  { "fresh-token", JD_CURL_FRESH_TOKEN },
};

static void
test_curl_roundtrip (gconstpointer data)
{
  JdCurlVariant variant = ((const typeof (roundtrip_rows[0]) *)data)->variant;
  static const char body_text[] = "{\"msg\": \"it's $HOME `id`\",\n \"x\": \"\\\\ \xc3\xa9\"}\n";
  g_autoptr (JdRequest) request
    = jd_request_new ("PATCH", "https://api.example.com/it's/[1]?a=$b&c={d}");
  g_autoptr (GBytes) body = g_bytes_new_static (body_text, strlen (body_text));
  g_autofree char *command = NULL;
  g_autoptr (JdInput) input = NULL;
  JdRequest *back;

  jd_request_add_header (request, "Accept", "application/json");
  jd_request_add_header (request, "Authorization", "Bearer old.token.here");
  jd_request_add_header (request, "X-Quote", "it's \"q\" $x `y`");
  jd_request_add_header (request, "Content-Type", "application/json");
  jd_request_set_body (request, body);

  command = jd_request_to_curl (request, variant, T);
  input = jd_test_parse_str (command);
  back = jd_input_get_request (input);

  g_test_message ("%s", command);
  g_assert_cmpint (jd_input_get_form (input), ==, JD_INPUT_FORM_CURL);
  g_assert_nonnull (back);
  g_assert_cmpstr (jd_request_get_method (back), ==, "PATCH");
  g_assert_cmpstr (jd_request_get_url (back), ==, jd_request_get_url (request));
  g_assert_cmpstr (jd_request_get_header (back, "X-Quote"), ==, "it's \"q\" $x `y`");
  g_assert_cmpstr (jd_request_get_header (back, "Accept"), ==, "application/json");
  jd_test_assert_body (back, body_text);

  if (variant == JD_CURL_THIS_TOKEN)
    jd_test_assert_token_at (input, command, strlen (command));
  else
    g_assert_cmpstr (jd_input_get_token (input), !=, T);
  if (variant == JD_CURL_WITHOUT_TOKEN)
    g_assert_null (jd_request_get_header (back, "Authorization"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  JD_TEST_ADD_ROWS ("/jd/curl/fixture", curl_fixtures, file, test_curl_fixture);
  for (guint i = 0; i < G_N_ELEMENTS (curl_fixtures); i++)
    {
      g_autofree char *path = NULL;

      if (!curl_fixtures[i].bash)
        continue;
      path = g_strdup_printf ("/jd/curl/bash-agrees/%s", curl_fixtures[i].file);
      g_test_add_data_func (path, &curl_fixtures[i], test_bash_agrees_fixture);
    }
  JD_TEST_ADD_ROWS ("/jd/curl/bash-agrees", bash_rows, name, test_bash_agrees);
  g_test_add_func ("/jd/curl/cmd-words", test_curl_cmd_words);
  g_test_add_func ("/jd/curl/options/method", test_options_method);
  g_test_add_func ("/jd/curl/options/body", test_options_body);
  g_test_add_func ("/jd/curl/options/headers", test_options_headers);
  JD_TEST_ADD_ROWS ("/jd/curl/options/cookie-header-wins", cookie_rows, name,
                    test_cookie_header_wins);
  g_test_add_func ("/jd/curl/options/user", test_options_user);
  g_test_add_func ("/jd/curl/options/authorization", test_options_authorization);
  JD_TEST_ADD_ROWS ("/jd/curl/roundtrip", roundtrip_rows, name, test_curl_roundtrip);

  return g_test_run ();
}
