/* test-cli.c — jwt-doctor-cli as a user runs it (the real binary, in a subprocess)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "jd-base64.h"
#include "test-run.h"
#include "test-rows.h"

static char *
example_token (void)
{
  g_autofree char *path
    = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "article-expired.jwt", NULL);
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return g_strstrip (contents);
}

/* Runs the CLI with @args (NULL-terminated, without argv[0]) and @stdin_text. */
static void
run (JdTestRun *r, const char *stdin_text, const char *const *args)
{
  jd_test_run (r, jd_test_cli_path (), NULL, stdin_text, args);
}

/* An HS256 token over @header and @payload with @secret. */
static char *
hs256_token (const char *header, const char *payload, const guint8 *secret, gsize secret_len)
{
  g_autofree char *h = jd_base64url_encode (header, strlen (header));
  g_autofree char *p = jd_base64url_encode (payload, strlen (payload));
  g_autofree char *input = g_strdup_printf ("%s.%s", h, p);
  g_autoptr (GHmac) hmac = g_hmac_new (G_CHECKSUM_SHA256, secret, secret_len);
  guint8 mac[32];
  gsize mac_len = sizeof mac;
  g_autofree char *sig = NULL;

  g_hmac_update (hmac, (const guchar *)input, strlen (input));
  g_hmac_get_digest (hmac, mac, &mac_len);
  sig = jd_base64url_encode (mac, mac_len);
  return g_strdup_printf ("%s.%s", input, sig);
}

static JsonObject *
first_token_json (const char *out, JsonParser **parser)
{
  g_autoptr (GError) error = NULL;
  JsonObject *root;
  JsonArray *tokens;

  *parser = json_parser_new ();
  json_parser_load_from_data (*parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (*parser));
  tokens = json_object_get_array_member (root, "tokens");
  g_assert_cmpuint (json_array_get_length (tokens), >=, 1);
  return json_array_get_object_element (tokens, 0);
}

static void
test_version_and_help (void)
{
  g_auto (JdTestRun) v = { 0 };
  g_auto (JdTestRun) h = { 0 };

  run (&v, NULL, (const char *[]){ "--version", NULL });
  g_assert_cmpint (v.status, ==, 0);
  g_assert_true (g_str_has_prefix (v.out, "jwt-doctor-cli "));
  g_assert_nonnull (strstr (v.out, PACKAGE_VERSION));

  run (&h, NULL, (const char *[]){ "--help", NULL });
  g_assert_cmpint (h.status, ==, 0);
  for (const char *const *o = (const char *[]){ "--aud", "--iss", "--alg", "--leeway", "--now",
                                                "--jwks", "--key", "--secret", "--secret-file",
                                                "--discover", "--json", "--token-kind", NULL };
       *o; o++)
    g_assert_nonnull (strstr (h.out, *o));
}

static void
test_article_expired_first (void)
{
  g_autofree char *token = example_token ();
  g_auto (JdTestRun) r = { 0 };
  g_auto (JdTestRun) j = { 0 };
  g_autoptr (JsonParser) parser = NULL;
  JsonObject *t, *first;
  JsonArray *findings;

  /* The foundation issue's acceptance check. */
  run (&r, NULL, (const char *[]){ "--now", "1748441600", token, NULL });
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.out, "expired"));
  g_assert_nonnull (strstr (r.out, "Fix:"));
  /* No colour when stdout is not a terminal. */
  g_assert_null (strchr (r.out, '\033'));
  /* The token itself is never printed, nor its signature. */
  g_assert_null (strstr (r.out, token));
  g_assert_null (strstr (r.out, strrchr (token, '.') + 1));
  g_assert_null (strstr (r.err, strrchr (token, '.') + 1));

  run (&j, NULL,
       (const char *[]){ "--json", "--now", "1748441600", "--aud", "https://api.example.com/v2",
                         token, NULL });
  g_assert_cmpint (j.status, ==, 1);
  t = first_token_json (j.out, &parser);
  g_assert_cmpstr (json_object_get_string_member (t, "source"), ==, "argument");
  g_assert_cmpstr (
    json_object_get_string_member (json_object_get_object_member (t, "header"), "kid"), ==,
    "k_2026_05");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (t, "payload"), "exp"),
                   ==, 1748441531);
  g_assert_cmpstr (
    json_object_get_string_member (json_object_get_object_member (t, "signature"), "status"), ==,
    "unverified");
  g_assert_cmpstr (
    json_object_get_string_member (json_object_get_object_member (t, "signature"), "alg"), ==,
    "RS256");
  findings = json_object_get_array_member (t, "findings");
  first = json_array_get_object_element (findings, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "id"), ==, "expired");
  g_assert_cmpstr (json_object_get_string_member (first, "severity"), ==, "error");
  g_assert_cmpint (json_object_get_int_member (first, "rank"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (first, "claim"), ==, "exp");
  g_assert_nonnull (json_object_get_string_member (first, "fix"));
  /* The near-miss audience is the second error. */
  g_assert_cmpstr (
    json_object_get_string_member (json_array_get_object_element (findings, 1), "id"), ==,
    "audience-mismatch");
  g_assert_null (strstr (j.out, strrchr (token, '.') + 1));
}

static void
test_sources (void)
{
  g_autofree char *token = example_token ();
  g_autofree char *auth = g_strdup_printf ("Authorization: Bearer %s\n", token);
  g_autofree char *dir = g_dir_make_tmp ("jd-cli-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "token.jwt", NULL);
  g_auto (JdTestRun) in = { 0 };
  g_auto (JdTestRun) dash = { 0 };
  g_auto (JdTestRun) f = { 0 };
  g_autoptr (JsonParser) p1 = NULL;
  g_autoptr (JsonParser) p2 = NULL;
  g_autoptr (JsonParser) p3 = NULL;

  run (&in, auth, (const char *[]){ "--json", "--now", "1748441600", NULL });
  g_assert_cmpint (in.status, ==, 1);
  g_assert_cmpstr (json_object_get_string_member (first_token_json (in.out, &p1), "source"), ==,
                   "stdin");

  run (&dash, token, (const char *[]){ "--json", "--now", "1000", "-", NULL });
  g_assert_cmpstr (json_object_get_string_member (first_token_json (dash.out, &p2), "source"), ==,
                   "stdin");

  g_assert_true (g_file_set_contents (file, auth, -1, NULL));
  run (&f, NULL, (const char *[]){ "--json", "--now", "1748441600", file, NULL });
  g_assert_cmpstr (json_object_get_string_member (first_token_json (f.out, &p3), "source"), ==,
                   "file");
  g_assert_cmpint (f.status, ==, 1);

  g_unlink (file);
  g_rmdir (dir);
}

static void
test_exit_statuses (void)
{
  g_autofree char *token = example_token ();
  g_auto (JdTestRun) ok = { 0 };
  g_auto (JdTestRun) junk = { 0 };
  g_auto (JdTestRun) badopt = { 0 };
  g_auto (JdTestRun) badnow = { 0 };
  g_auto (JdTestRun) dir = { 0 };
  g_auto (JdTestRun) two = { 0 };
  g_autoptr (JsonParser) p = NULL;
  JsonObject *t;

  /* Before exp, no expectations: no error findings -> 0 */
  run (&ok, NULL, (const char *[]){ "--now", "1748440000", token, NULL });
  g_assert_cmpint (ok.status, ==, 0);

  /* Binary junk is still a report: malformed, exit 1. */
  run (&junk, "\x01\x02\xff\xfe not a token", (const char *[]){ "--json", NULL });
  g_assert_cmpint (junk.status, ==, 1);
  t = first_token_json (junk.out, &p);
  g_assert_cmpstr (
    json_object_get_string_member (
      json_array_get_object_element (json_object_get_array_member (t, "findings"), 0), "id"),
    ==, "malformed");

  run (&badopt, NULL, (const char *[]){ "--no-such-option", token, NULL });
  g_assert_cmpint (badopt.status, ==, 2);
  g_assert_nonnull (strstr (badopt.err, "--no-such-option"));

  run (&badnow, NULL, (const char *[]){ "--now", "yesterday", token, NULL });
  g_assert_cmpint (badnow.status, ==, 2);
  g_assert_nonnull (strstr (badnow.err, "--now"));

  /* An unreadable file (a directory) -> 2 */
  run (&dir, NULL, (const char *[]){ g_get_tmp_dir (), NULL });
  g_assert_cmpint (dir.status, ==, 2);
  g_assert_nonnull (strstr (dir.err, g_get_tmp_dir ()));

  run (&two, NULL, (const char *[]){ token, token, NULL });
  g_assert_cmpint (two.status, ==, 2);
}

static void
test_alg_and_leeway_options (void)
{
  g_autofree char *token = example_token ();
  g_auto (JdTestRun) alg = { 0 };
  g_auto (JdTestRun) leeway = { 0 };
  g_autoptr (JsonParser) p1 = NULL;
  g_autoptr (JsonParser) p2 = NULL;
  JsonArray *f;
  gboolean found = FALSE;

  run (&alg, NULL,
       (const char *[]){ "--json", "--now", "1748440000", "--alg", "ES256, EdDSA", token, NULL });
  g_assert_cmpint (alg.status, ==, 1);
  f = json_object_get_array_member (first_token_json (alg.out, &p1), "findings");
  for (guint i = 0; i < json_array_get_length (f); i++)
    found
      |= g_str_equal (json_object_get_string_member (json_array_get_object_element (f, i), "id"),
                      "algorithm-not-allowed");
  g_assert_true (found);

  /* 69 s after exp: expired with leeway 60, expired-within-leeway (a warning) with leeway 120. */
  run (&leeway, NULL,
       (const char *[]){ "--json", "--now", "1748441600", "--leeway", "120", token, NULL });
  f = json_object_get_array_member (first_token_json (leeway.out, &p2), "findings");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (f, 0), "id"), ==,
                   "expired-within-leeway");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (f, 0), "severity"),
                   ==, "warning");
  g_assert_cmpint (leeway.status, ==, 0);
}

static void
test_har (void)
{
  g_autofree char *har = g_test_build_filename (G_TEST_DIST, "data", "har-chrome-401.har", NULL);
  g_autofree char *sanitized
    = g_test_build_filename (G_TEST_DIST, "data", "har-sanitized.har", NULL);
  g_autofree char *chrome
    = g_test_build_filename (G_TEST_DIST, "data", "har", "mitmproxy-chrome.har", NULL);
  g_autofree char *contents = NULL;
  g_auto (JdTestRun) r = { 0 };
  g_auto (JdTestRun) t = { 0 };
  g_auto (JdTestRun) s = { 0 };
  g_auto (JdTestRun) m = { 0 };
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonArray *tokens;
  gboolean saw_401 = FALSE;

  run (&r, NULL, (const char *[]){ "--json", har, NULL });
  g_assert_cmpint (r.status, ==, 1);
  json_parser_load_from_data (parser, r.out, -1, &error);
  g_assert_no_error (error);
  tokens
    = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "tokens");
  g_assert_cmpuint (json_array_get_length (tokens), >=, 3);
  for (guint i = 0; i < json_array_get_length (tokens); i++)
    {
      JsonObject *tok = json_array_get_object_element (tokens, i);
      JsonArray *f = json_object_get_array_member (tok, "findings");
      g_assert_true (g_str_has_prefix (json_object_get_string_member (tok, "source"), "har:"));
      for (guint j = 0; j < json_array_get_length (f); j++)
        saw_401 |= g_str_equal (
          json_object_get_string_member (json_array_get_object_element (f, j), "id"),
          "bearer-invalid-token");
    }
  /* The response's findings come with the token's. */
  g_assert_true (saw_401);

  /* Text: each entry says which request it came from; the query, which can
   * hold an access_token, is not printed; judged at the entry's time. */
  run (&t, NULL, (const char *[]){ har, NULL });
  g_assert_nonnull (strstr (t.out, "Token (har:1)"));
  g_assert_nonnull (strstr (t.out, "GET https://api.example.com/v1/orders?… → 401"));
  g_assert_nonnull (strstr (t.out, "expired 40 seconds ago"));
  g_assert_true (g_file_get_contents (har, &contents, NULL, NULL));
  g_assert_null (strstr (t.out, "access_token="));

  /* A sanitized export: no tokens, and the explanation of how to export again. */
  run (&s, NULL, (const char *[]){ "--json", sanitized, NULL });
  g_assert_cmpint (s.status, ==, 0);
  g_assert_nonnull (strstr (s.out, "\"tokens\" : ["));
  g_assert_nonnull (strstr (s.err, "sensitive data"));

  /* A real Chrome export without credentials. */
  run (&m, NULL, (const char *[]){ chrome, NULL });
  g_assert_cmpint (m.status, ==, 0);
  g_assert_nonnull (strstr (m.err, "bearer token"));
}

static void
test_terminal_escapes (void)
{
  /* A kid that would erase the line above, a sub that would set the clipboard (OSC 52). */
  g_autofree char *token
    = hs256_token ("{\"alg\":\"HS256\",\"kid\":\"\\u001b[2K\\u001b[1A\"}",
                   "{\"sub\":\"\\u001b]52;c;ZXZpbA==\\u0007\",\"exp\":1}", (const guint8 *)"k", 1);
  g_auto (JdTestRun) r = { 0 };

  run (&r, NULL, (const char *[]){ "--now", "1000", token, NULL });
  g_assert_cmpint (r.status, ==, 1);
  g_assert_null (strchr (r.out, '\033'));
  g_assert_null (strchr (r.out, '\007'));
  g_assert_nonnull (strstr (r.out, "\\u001b[2K"));
}

static void
test_option_checks (void)
{
  g_autofree char *token = example_token ();
  g_autofree char *har = g_test_build_filename (G_TEST_DIST, "data", "har-chrome-401.har", NULL);
  g_auto (JdTestRun) alg = { 0 };
  g_auto (JdTestRun) req = { 0 };

  /* Algorithm names are case-sensitive: a typo is a usage error, not a finding on every token. */
  run (&alg, NULL, (const char *[]){ "--alg", "rs256", token, NULL });
  g_assert_cmpint (alg.status, ==, 2);
  g_assert_nonnull (strstr (alg.err, "rs256"));

  /* A HAR's tokens belong to the hosts it recorded: never sent to --request's URL. */
  run (&req, NULL, (const char *[]){ "--request", "http://127.0.0.1:9/", har, NULL });
  g_assert_cmpint (req.status, ==, 2);
  g_assert_nonnull (strstr (req.err, "HAR"));
}

/* A secret file's bytes, minus one trailing newline; a secret that ends in CR. */
static const struct
{
  const char *name;
  const char *contents;
  gboolean cr_in_secret;
} secret_file_rows[] = {
  { "newline", "0123456789abcdef0123456789abcdef\n", FALSE }, /* one trailing newline is dropped */
  { "crlf", "0123456789abcdef0123456789abcdef\r\n", FALSE },  /* CR LF is one newline */
  { "lone-cr", "0123456789abcdef0123456789abcdef\r", TRUE },  /* a lone CR belongs to the secret */
};

static void
test_secret_file_newline (gconstpointer data)
{
  const __typeof__ (secret_file_rows[0]) *row = data;
  const guint8 secret_cr[] = "0123456789abcdef0123456789abcdef\r"; /* a secret that ends in CR */
  g_autofree char *dir = g_dir_make_tmp ("jd-cli-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "secret", NULL);
  g_autofree char *token = hs256_token ("{\"alg\":\"HS256\"}", "{\"exp\":99999999999}", secret_cr,
                                        sizeof secret_cr - (row->cr_in_secret ? 1 : 2));
  g_auto (JdTestRun) r = { 0 };

  g_assert_true (g_file_set_contents (file, row->contents, -1, NULL));
  run (&r, NULL, (const char *[]){ "--json", "--secret-file", file, token, NULL });
  g_assert_nonnull (strstr (r.out, "\"status\" : \"valid\""));
  g_assert_null (strstr (r.out, "0123456789abcdef"));
  g_unlink (file);
  g_rmdir (dir);
}

/* A server message that names the audience it expects: the findings check
 * the token against it, and the verdict names it and does not call "aud"
 * unchecked. */
static void
test_server_message_audience_in_verdict (void)
{
  g_autofree char *token = example_token ();
  g_autofree char *pasted = g_strdup_printf (
    "%s\nIDX10214: Audience validation failed. Audiences: 'https://api.example.com/v2/'. "
    "Did not match: validationParameters.ValidAudience: 'api://orders'\n",
    token);
  g_auto (JdTestRun) r = { 0 };

  run (&r, pasted, (const char *const[]){ "--now", "1748440000", "-", NULL });
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.out, "audience-mismatch"));
  g_assert_nonnull (strstr (r.out, "not minted for audience \"api://orders\""));
  g_assert_null (strstr (r.out, "audience \"?\""));
  g_assert_null (strstr (r.out, "\"aud\" and \"iss\" were not checked"));
  g_assert_null (strstr (r.out, "\"aud\" was not checked"));
}

/* A server's message pasted with the token, or alone; --list-messages. */
static void
test_server_messages (void)
{
  g_autofree char *token = example_token ();
  g_autofree char *pasted = g_strdup_printf ("%s\nTokenExpiredError: jwt expired\n", token);
  g_auto (JdTestRun) list = { 0 };
  g_auto (JdTestRun) with_token = { 0 };
  g_auto (JdTestRun) alone = { 0 };
  g_autoptr (JsonParser) parser = NULL;
  g_autoptr (JsonParser) parser2 = NULL;
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  JsonObject *t;
  g_autofree char *findings = NULL;

  run (&list, NULL, (const char *const[]){ "--list-messages", NULL });
  g_assert_cmpint (list.status, ==, 0);
  g_assert_true (g_str_has_prefix (list.out, "| message | stack | means | source |"));
  g_assert_nonnull (strstr (list.out, "| `jwt expired` | jsonwebtoken"));

  run (&with_token, pasted, (const char *const[]){ "--now", "1748441600", "--json", "-", NULL });
  g_assert_cmpint (with_token.status, ==, 1);
  t = first_token_json (with_token.out, &parser);
  json_generator_set_root (gen, json_object_get_member (t, "findings"));
  findings = json_generator_to_data (gen, NULL);
  g_assert_nonnull (strstr (findings, "\"server-message\""));
  g_assert_nonnull (strstr (findings, "The token agrees: its exp is 2025-05-28T14:12:11Z"));
  g_assert_null (strstr (with_token.out, token)); /* the token is never printed */

  run (&alone, "Jwks doesn't have key to match kid or alg from Jwt\n",
       (const char *const[]){ "--json", NULL });
  g_assert_cmpint (alone.status, ==, 1);
  g_assert_nonnull (strstr (alone.out, "\"message-without-token\""));
  g_assert_nonnull (strstr (alone.out, "Envoy jwt_authn"));
  g_assert_null (strstr (alone.out, "\"malformed\""));
  (void)first_token_json (alone.out, &parser2);
}

/* ---- network options, against a real server on 127.0.0.1 ---------------- */

static char *server_base;
static guint api_hits;
static char *api_authorization;

static void
serve (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
       gpointer user_data)
{
  SoupMessageHeaders *h = soup_server_message_get_response_headers (msg);

  if (g_str_equal (path, "/.well-known/openid-configuration"))
    {
      g_autofree char *doc = g_strdup_printf ("{\"issuer\":\"%s\",\"jwks_uri\":\"%s/keys\"}",
                                              server_base, server_base);
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, doc,
                                        strlen (doc));
    }
  else if (g_str_equal (path, "/keys"))
    {
      g_autofree char *jwks = NULL;
      g_autofree char *file
        = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "article-jwks.json", NULL);
      gsize len;

      g_assert_true (g_file_get_contents (file, &jwks, &len, NULL));
      soup_message_headers_append (h, "Cache-Control", "public, max-age=600");
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, jwks, len);
    }
  else if (g_str_equal (path, "/api"))
    {
      api_hits++;
      g_free (api_authorization);
      api_authorization = g_strdup (soup_message_headers_get_one (
        soup_server_message_get_request_headers (msg), "Authorization"));
      soup_message_headers_append (h, "WWW-Authenticate",
                                   "Bearer realm=\"api\", error=\"invalid_token\", "
                                   "error_description=\"The access token expired\"");
      soup_server_message_set_status (msg, 401, NULL);
    }
  else
    soup_server_message_set_status (msg, 404, NULL);
}

static gboolean
json_has_finding (const char *out, const char *id)
{
  g_autoptr (JsonParser) parser = NULL;
  JsonArray *f = json_object_get_array_member (first_token_json (out, &parser), "findings");

  for (guint i = 0; i < json_array_get_length (f); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (f, i), "id"),
                     id))
      return TRUE;
  return FALSE;
}

static void
test_network_options (void)
{
  g_autoptr (SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GInetAddress) lo = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) addr = g_inet_socket_address_new (lo, 0);
  g_autoptr (GSList) uris = NULL;
  g_autofree char *token = example_token ();
  g_autofree char *jwks_url = NULL;
  g_autofree char *api_url = NULL;
  g_autofree char *payload = NULL;
  g_autofree char *unsigned_token = NULL;
  g_autofree char *header64 = NULL;
  g_autofree char *payload64 = NULL;
  g_auto (JdTestRun) jwks = { 0 };
  g_auto (JdTestRun) req = { 0 };
  g_auto (JdTestRun) disc = { 0 };
  g_auto (JdTestRun) none = { 0 };

  soup_server_add_handler (server, NULL, serve, NULL, NULL);
  soup_server_listen (server, addr, 0, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  server_base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify)g_uri_unref);
  jwks_url = g_strdup_printf ("%s/keys", server_base);
  api_url = g_strdup_printf ("%s/api", server_base);

  /* --jwks URL: fetched, the signature verifies, the cache lifetime is said. */
  run (&jwks, NULL,
       (const char *[]){ "--json", "--now", "1748440000", "--jwks", jwks_url, token, NULL });
  g_assert_cmpint (jwks.status, ==, 0);
  g_assert_nonnull (strstr (jwks.out, "\"status\" : \"valid\""));
  g_assert_true (json_has_finding (jwks.out, "signature-valid"));
  g_assert_true (json_has_finding (jwks.out, "jwks-fetched"));
  g_assert_nonnull (strstr (jwks.out, "10 minutes"));

  /* --request: the token is sent, the 401's WWW-Authenticate is explained. */
  run (&req, NULL,
       (const char *[]){ "--json", "--request", api_url, "-H", "X-Trace: 1", token, NULL });
  g_assert_cmpint (req.status, ==, 1);
  g_assert_cmpuint (api_hits, ==, 1);
  g_assert_true (g_str_has_prefix (api_authorization, "Bearer "));
  g_assert_cmpstr (api_authorization + 7, ==, token);
  g_assert_true (json_has_finding (req.out, "bearer-invalid-token"));

  /* --discover: the issuer's discovery document, then its jwks_uri. */
  header64 = jd_base64url_encode ("{\"alg\":\"RS256\",\"kid\":\"gone\"}",
                                  strlen ("{\"alg\":\"RS256\",\"kid\":\"gone\"}"));
  payload = g_strdup_printf ("{\"iss\":\"%s\",\"exp\":9999999999}", server_base);
  payload64 = jd_base64url_encode (payload, strlen (payload));
  unsigned_token = g_strdup_printf ("%s.%s.c2ln", header64, payload64);
  run (&disc, NULL, (const char *[]){ "--json", "--discover", unsigned_token, NULL });
  g_assert_cmpint (disc.status, ==, 1);
  g_assert_true (json_has_finding (disc.out, "kid-not-found"));
  g_assert_true (json_has_finding (disc.out, "jwks-fetched"));
  /* Keys chosen by the token's own iss are flagged as such. */
  g_assert_true (json_has_finding (disc.out, "issuer-not-pinned"));

  /* With --iss, discovery starts from the trusted issuer, whatever the token names. */
  {
    g_auto (JdTestRun) pinned = { 0 };
    g_autofree char *evil_payload
      = g_strdup_printf ("{\"iss\":\"%s/evil\",\"exp\":9999999999}", server_base);
    g_autofree char *evil
      = hs256_token ("{\"alg\":\"RS256\",\"kid\":\"gone\"}", evil_payload, (const guint8 *)"k", 1);

    run (&pinned, NULL,
         (const char *[]){ "--json", "--discover", "--iss", server_base, evil, NULL });
    g_assert_true (json_has_finding (pinned.out, "jwks-fetched"));
    g_assert_false (json_has_finding (pinned.out, "issuer-not-pinned"));
    g_assert_true (json_has_finding (pinned.out, "issuer-mismatch"));
  }

  /* Without those options no request is made. */
  api_hits = 0;
  run (&none, NULL, (const char *[]){ "--json", token, NULL });
  g_assert_cmpuint (api_hits, ==, 0);

  soup_server_disconnect (server);
  g_clear_pointer (&server_base, g_free);
  g_clear_pointer (&api_authorization, g_free);
}

/* --token-kind: an ID token is the wrong kind by default and the right one
 * with "id"; a bad value is a usage error; "Bearer undefined" is one finding. */
static void
test_token_kind (void)
{
  const char *payload
    = "{\"iss\":\"https://dev-x.us.auth0.com/\",\"sub\":\"auth0|1\",\"nonce\":\"n\","
      "\"at_hash\":\"h\",\"iat\":1748440000,\"exp\":1748443600}";
  g_autofree char *h = jd_base64url_encode ("{\"alg\":\"RS256\"}", 15);
  g_autofree char *p = jd_base64url_encode (payload, strlen (payload));
  g_autofree char *token = g_strdup_printf ("%s.%s.c2ln", h, p);
  g_auto (JdTestRun) access = { 0 };
  g_auto (JdTestRun) id = { 0 };
  g_auto (JdTestRun) bad = { 0 };
  g_auto (JdTestRun) undef = { 0 };

  run (&access, NULL, (const char *[]){ "--now", "1748440100", token, NULL });
  g_assert_cmpint (access.status, ==, 1);
  g_assert_nonnull (strstr (access.out, "wrong-token-kind"));
  g_assert_nonnull (strstr (access.out, "ID token"));

  run (&id, NULL, (const char *[]){ "--now", "1748440100", "--token-kind", "id", token, NULL });
  g_assert_cmpint (id.status, ==, 0);
  g_assert_null (strstr (id.out, "wrong-token-kind"));

  run (&bad, NULL, (const char *[]){ "--token-kind", "refresh", token, NULL });
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_nonnull (strstr (bad.err, "--token-kind refresh"));

  run (&undef, "Authorization: Bearer undefined\n", (const char *[]){ "--json", NULL });
  g_assert_cmpint (undef.status, ==, 1);
  g_assert_nonnull (strstr (undef.out, "\"no-token\""));
  g_assert_null (strstr (undef.out, "\"malformed\""));
}

/* A HAR's failed requests without a token are reported too: the CORS
 * preflight as such, the GET without a token as no-token. */
static void
test_har_without_token (void)
{
  g_autofree char *har
    = g_test_build_filename (G_TEST_DIST, "data", "har-cors-preflight.har", NULL);
  g_auto (JdTestRun) r = { 0 };

  run (&r, NULL, (const char *[]){ "--json", har, NULL });
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.out, "\"har:0\""));
  g_assert_nonnull (strstr (r.out, "\"cors-preflight-rejected\""));
  g_assert_nonnull (strstr (r.out, "\"har:3\""));
  g_assert_nonnull (strstr (r.out, "\"no-token\""));
  /* Requests that did not fail, and the preflight answered 204, are not. */
  g_assert_null (strstr (r.out, "\"har:4\""));
  g_assert_null (strstr (r.out, "\"har:5\""));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jd/cli/version-help", test_version_and_help);
  g_test_add_func ("/jd/cli/article", test_article_expired_first);
  g_test_add_func ("/jd/cli/sources", test_sources);
  g_test_add_func ("/jd/cli/exit-statuses", test_exit_statuses);
  g_test_add_func ("/jd/cli/alg-leeway", test_alg_and_leeway_options);
  g_test_add_func ("/jd/cli/token-kind", test_token_kind);
  g_test_add_func ("/jd/cli/har-without-token", test_har_without_token);
  g_test_add_func ("/jd/cli/har", test_har);
  g_test_add_func ("/jd/cli/network", test_network_options);
  g_test_add_func ("/jd/cli/terminal-escapes", test_terminal_escapes);
  g_test_add_func ("/jd/cli/option-checks", test_option_checks);
  JD_TEST_ADD_ROWS ("/jd/cli/secret-file-newline", secret_file_rows, name,
                    test_secret_file_newline);
  g_test_add_func ("/jd/cli/server-messages", test_server_messages);
  g_test_add_func ("/jd/cli/server-message-audience-in-verdict",
                   test_server_message_audience_in_verdict);

  return g_test_run ();
}
