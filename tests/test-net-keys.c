/* test-net-keys.c — src/net fetches keys: key sets, OIDC discovery and
 * its refusals, and jwt-doctor-cli's --request, --jwks URL and --discover,
 * against the SoupServers on 127.0.0.1 of test-net-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "jd-base64.h"
#include "jd-net.h"
#include "jd-www-authenticate.h"
#include "test-net-util.h"
#include "test-run.h"
#include "jd-net-key-trust.h"

static char *
b64url (const char *text)
{
  return jd_base64url_encode (text, strlen (text));
}

static JdToken *
make_token (const char *header, const char *payload)
{
  g_autofree char *h = b64url (header);
  g_autofree char *p = b64url (payload);
  g_autofree char *text = g_strdup_printf ("%s.%s.c2ln", h, p);

  return jd_token_parse (text, -1);
}

static void
test_jwks_fetch (void)
{
  g_autofree char *u = url ("/jwks");
  g_autoptr (GError) error = NULL;
  g_autoptr (JdRemoteKeys) keys = jd_net_fetch_jwks (u, NULL, NULL, &error);
  g_autoptr (GPtrArray) findings = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  JdFinding *f;

  g_assert_no_error (error);
  g_assert_nonnull (keys);
  g_assert_cmpuint (jd_key_set_get_n_keys (jd_remote_keys_get_key_set (keys)), ==, 2);
  g_assert_cmpstr (jd_remote_keys_get_jwks_uri (keys), ==, u);
  g_assert_null (jd_remote_keys_get_discovery_url (keys));
  g_assert_cmpint (jd_remote_keys_get_cache_lifetime (keys), ==, 600);
  g_assert_nonnull (strstr (jd_remote_keys_get_cache_explanation (keys),
                            "will not see a new key for up to 10 minutes"));
  g_assert_cmpint (g_date_time_difference (now, jd_remote_keys_get_fetched_at (keys)), >=, 0);
  g_assert_cmpuint (jd_response_get_status (jd_remote_keys_get_response (keys)), ==, 200);

  findings = jd_remote_keys_diagnose (keys, NULL);
  dump (findings);
  f = jd_findings_find (findings, JD_FINDING_JWKS_FETCHED);
  g_assert_nonnull (f);
  g_assert_nonnull (strstr (jd_finding_get_message (f), "Fetched 2 keys"));
  g_assert_nonnull (strstr (jd_finding_get_message (f), "10 minutes"));
  g_assert_false (jd_findings_has (findings, JD_FINDING_AZURE_APPID_DISCOVERY));

  /* A jwks_uri with a query (an API key, a signature) is shown without it:
   * findings are copied into reports. */
  {
    g_autofree char *with_query = url ("/jwks?api_key=s3cret-value");
    g_autoptr (JdRemoteKeys) keys2 = jd_net_fetch_jwks (with_query, NULL, NULL, &error);
    g_autoptr (GPtrArray) findings2 = NULL;

    g_assert_no_error (error);
    findings2 = jd_remote_keys_diagnose (keys2, NULL);
    f = jd_findings_find (findings2, JD_FINDING_JWKS_FETCHED);
    g_assert_nonnull (f);
    g_assert_null (strstr (jd_finding_get_message (f), "s3cret-value"));
    g_assert_nonnull (strstr (jd_finding_get_message (f), "/jwks?…"));
  }
}

static const struct
{
  const char *path;
  int code;
  const char *part;
} jwks_error_rows[] = {
  { "/jwks-not-json", JD_NET_ERROR_KEYS, "/jwks-not-json" },
  { "/jwks-broken-json", JD_NET_ERROR_KEYS, "not valid JSON" },
  { "/nowhere", JD_NET_ERROR_HTTP, "404" },
  { "/endless", JD_NET_ERROR_TOO_LARGE, "larger than" },
};

static void
test_jwks_errors (gconstpointer data)
{
  const __typeof__ (jwks_error_rows[0]) *row = data;
  g_autofree char *u = url (row->path);
  g_autoptr (GError) error = NULL;
  JdNetOptions options = { .max_body = 64 * 1024 };
  g_autoptr (JdRemoteKeys) keys = jd_net_fetch_jwks (u, &options, NULL, &error);

  g_assert_null (keys);
  g_assert_error (error, JD_NET_ERROR, row->code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, row->part));
}

static const struct
{
  const char *issuer;
  const char *url;
} discovery_url_rows[] = {
  { "https://id.example.com", "https://id.example.com/.well-known/openid-configuration" },
  { "https://id.example.com/", "https://id.example.com/.well-known/openid-configuration" },
  { "https://id.example.com/tenant/v2.0",
    "https://id.example.com/tenant/v2.0/.well-known/openid-configuration" },
  { "https://id.example.com/realms/x/",
    "https://id.example.com/realms/x/.well-known/openid-configuration" },
  { "not a url", NULL },
  { "", NULL },
  { "urn:example:issuer", NULL },
  { "https://id.example.com/?tenant=1", NULL },
};

static void
test_discovery_url (gconstpointer data)
{
  const __typeof__ (discovery_url_rows[0]) *row = data;
  g_autoptr (GError) error = NULL;
  g_autofree char *got = jd_net_discovery_url (row->issuer, &error);

  g_assert_cmpstr (got, ==, row->url);
  if (row->url == NULL)
    {
      g_assert_error (error, JD_NET_ERROR, JD_NET_ERROR_URL);
      g_test_message ("%s", error->message);
    }
}

static void
test_azure_appid_discovery_url (void)
{
  g_autofree char *azure = jd_net_azure_appid_discovery_url (
    "https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0",
    "6731de76-14a6-49ae-97bc-6eba6914391e");
  g_autofree char *other = jd_net_azure_appid_discovery_url ("https://id.example.com", "x");
  g_assert_cmpstr (azure, ==,
                   "https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0"
                   "/.well-known/openid-configuration?appid=6731de76-14a6-49ae-97bc-6eba6914391e");
  g_assert_null (other);
}

static void
test_discover (void)
{
  g_autofree char *issuer = url ("/issuer");
  g_autofree char *issuer_slash = url ("/issuer/");
  g_autofree char *jwks = url ("/jwks");
  g_autoptr (GError) error = NULL;

  {
    g_autoptr (JdRemoteKeys) keys = jd_net_discover (issuer, NULL, NULL, &error);
    g_autoptr (GPtrArray) findings = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (jd_remote_keys_get_jwks_uri (keys), ==, jwks);
    g_assert_cmpstr (jd_remote_keys_get_issuer (keys), ==, issuer);
    g_assert_cmpstr (jd_remote_keys_get_discovered_issuer (keys), ==, issuer);
    g_assert_true (g_str_has_suffix (jd_remote_keys_get_discovery_url (keys),
                                     "/issuer/.well-known/openid-configuration"));
    g_assert_cmpuint (jd_key_set_get_n_keys (jd_remote_keys_get_key_set (keys)), ==, 2);
    findings = jd_remote_keys_diagnose (keys, NULL);
    g_assert_false (jd_findings_has (findings, JD_FINDING_DISCOVERY_ISSUER_MISMATCH));
  }

  /* iss with a trailing slash: the same document (OIDC Discovery §4), but
   * its issuer differs from the token's by that slash */
  {
    g_autoptr (JdRemoteKeys) keys = jd_net_discover (issuer_slash, NULL, NULL, &error);
    g_autoptr (GPtrArray) findings = NULL;
    JdFinding *f;

    g_assert_no_error (error);
    findings = jd_remote_keys_diagnose (keys, NULL);
    dump (findings);
    f = jd_findings_find (findings, JD_FINDING_DISCOVERY_ISSUER_MISMATCH);
    g_assert_nonnull (f);
    /* OIDC Discovery §4.3: MUST NOT be used. An error naming both issuers,
     * and none of its keys (#12). */
    g_assert_cmpint (jd_finding_get_severity (f), ==, JD_SEVERITY_ERROR);
    g_assert_nonnull (strstr (jd_finding_get_message (f), issuer));
    g_assert_nonnull (strstr (jd_finding_get_message (f), issuer_slash));
    g_assert_cmpuint (jd_key_set_get_n_keys (jd_remote_keys_get_key_set (keys)), ==, 0);
    g_assert_false (jd_findings_has (findings, JD_FINDING_JWKS_FETCHED));
  }
}

/* https discovery to an http jwks_uri: refused (RFC 7515 §4.1.2, OIDC
 * Discovery §7); an https jwks_uri is the close case that is fetched. */
static const struct
{
  const char *issuer_path;
  gboolean refused;
} downgrade_rows[] = {
  { "/down", TRUE },
  { "/down-invalid", TRUE },
  { "/secure", FALSE },
};

static void
test_discover_downgrade (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_autofree char *issuer = g_strconcat (servers->tls_url, downgrade_rows[i].issuer_path, NULL);
  JdNetOptions options = { 0, 0, JD_NET_ACCEPT_INVALID_CERTIFICATE };
  g_autoptr (GError) error = NULL;
  g_autoptr (JdRemoteKeys) keys = jd_net_discover (issuer, &options, NULL, &error);
  g_autoptr (GPtrArray) findings = NULL;
  JdFinding *f;

  g_assert_no_error (error);
  findings = jd_remote_keys_diagnose (keys, NULL);
  dump (findings);
  f = jd_findings_find (findings, JD_FINDING_JWKS_DOWNGRADE);
  if (downgrade_rows[i].refused)
    {
      g_assert_nonnull (f);
      g_assert_cmpint (jd_finding_get_severity (f), ==, JD_SEVERITY_ERROR);
      g_assert_nonnull (strstr (jd_finding_get_message (f), "plain http"));
      g_assert_cmpuint (jd_key_set_get_n_keys (jd_remote_keys_get_key_set (keys)), ==, 0);
    }
  else
    {
      g_assert_null (f);
      g_assert_cmpuint (jd_key_set_get_n_keys (jd_remote_keys_get_key_set (keys)), ==, 1);
      g_assert_false (jd_findings_has (findings, JD_FINDING_JWKS_INSECURE_TRANSPORT));
    }
}

static const struct
{
  const char *host;
  gboolean loopback;
} loopback_rows[] = {
  { "127.0.0.1", TRUE },       { "127.8.9.10", TRUE }, { "[::1]", TRUE },
  { "localhost", TRUE },       { "LOCALHOST.", TRUE }, { "keycloak.localhost", TRUE },
  { "128.0.0.1", FALSE },      { "10.0.0.1", FALSE },  { "localhost.invalid", FALSE },
  { "id.example.com", FALSE }, { "[::2]", FALSE },     { "notlocalhost", FALSE },
};

static void
test_loopback (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_autofree char *jwks = g_strdup_printf ("http://%s/jwks", loopback_rows[i].host);
  g_autofree char *https = g_strdup_printf ("https://%s/jwks", loopback_rows[i].host);
  g_autofree char *warning = jd_net_insecure_jwks_warning (jwks);
  g_autofree char *none = jd_net_insecure_jwks_warning (https);

  g_assert_cmpint (jd_net_host_is_loopback (loopback_rows[i].host), ==, loopback_rows[i].loopback);
  /* Plain http off loopback: the keys came over an unprotected channel. */
  if (loopback_rows[i].loopback)
    g_assert_null (warning);
  else
    {
      g_assert_nonnull (warning);
      g_assert_nonnull (strstr (warning, "RFC 7515 §4.1.2"));
    }
  g_assert_null (none);
}

static const struct
{
  const char *name;
  const char *asked;
  const char *found;
  const char *doc;
  const char *jwks;
  const char *id; /* NULL: usable */
} refusal_rows[] = {
  { "trailing-slash", "https://id.example.com/", "https://id.example.com",
    "https://id.example.com/.well-known/openid-configuration", "https://id.example.com/jwks",
    JD_FINDING_DISCOVERY_ISSUER_MISMATCH },
  { "no-issuer", "https://id.example.com", NULL,
    "https://id.example.com/.well-known/openid-configuration", "https://id.example.com/jwks",
    JD_FINDING_DISCOVERY_ISSUER_MISMATCH },
  { "downgrade", "https://id.example.com", "https://id.example.com",
    "https://id.example.com/.well-known/openid-configuration", "http://id.example.com/jwks",
    JD_FINDING_JWKS_DOWNGRADE },
  { "close-same-issuer", "https://id.example.com", "https://id.example.com",
    "https://id.example.com/.well-known/openid-configuration", "https://keys.example.com/jwks",
    NULL },
  { "close-http-throughout", "http://localhost:8080/realms/dev", "http://localhost:8080/realms/dev",
    "http://localhost:8080/realms/dev/.well-known/openid-configuration",
    "http://localhost:8080/realms/dev/protocol/openid-connect/certs", NULL },
};

static void
test_refusal (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  const char *id = NULL;
  g_autofree char *msg = jd_net_discovery_refusal (refusal_rows[i].asked, refusal_rows[i].found,
                                                   refusal_rows[i].doc, refusal_rows[i].jwks, &id);

  g_assert_cmpstr (id, ==, refusal_rows[i].id);
  if (refusal_rows[i].id == NULL)
    g_assert_null (msg);
  else
    {
      g_test_message ("%s", msg);
      g_assert_nonnull (msg);
      if (refusal_rows[i].found)
        g_assert_nonnull (strstr (msg, refusal_rows[i].found));
      if (g_str_equal (refusal_rows[i].id, JD_FINDING_DISCOVERY_ISSUER_MISMATCH))
        g_assert_nonnull (strstr (msg, refusal_rows[i].asked));
      else
        g_assert_nonnull (strstr (msg, refusal_rows[i].jwks));
    }
}

static const struct
{
  const char *path;
  int code;
  const char *part;
} discover_error_rows[] = {
  { "/missing", JD_NET_ERROR_HTTP, "publishes no OpenID Connect discovery document" },
  { "/nojwks", JD_NET_ERROR_DISCOVERY, "jwks_uri" },
  { "/notjson", JD_NET_ERROR_DISCOVERY, "not JSON" },
  /* regression: this used to overflow the stack in json-glib's parser; the error says where */
  { "/deep", JD_NET_ERROR_DISCOVERY, "byte " },
};

static void
test_discover_errors (gconstpointer data)
{
  const __typeof__ (discover_error_rows[0]) *row = data;
  g_autofree char *issuer = url (row->path);
  g_autoptr (GError) error = NULL;
  g_autoptr (JdRemoteKeys) keys = jd_net_discover (issuer, NULL, NULL, &error);

  g_assert_null (keys);
  g_assert_error (error, JD_NET_ERROR, row->code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, row->part));
}

static void
test_azure_appid_hint (void)
{
  g_autofree char *u = url ("/jwks");
  g_autoptr (GError) error = NULL;
  g_autoptr (JdRemoteKeys) keys = jd_net_fetch_jwks (u, NULL, NULL, &error);
  g_autoptr (JdToken) azure = make_token (
    "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"app-specific-key\"}",
    "{\"iss\":\"https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0\","
    "\"azp\":\"6731de76-14a6-49ae-97bc-6eba6914391e\",\"aud\":\"api://orders\"}");
  g_autoptr (JdToken) known = make_token (
    "{\"alg\":\"ES256\",\"kid\":\"1\"}",
    "{\"iss\":\"https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0\"}");
  g_autoptr (JdToken) elsewhere
    = make_token ("{\"alg\":\"RS256\",\"kid\":\"zzz\"}", "{\"iss\":\"https://id.example.com\"}");
  g_autoptr (GPtrArray) findings = NULL;
  JdFinding *f;

  g_assert_no_error (error);
  findings = jd_remote_keys_diagnose (keys, azure);
  dump (findings);
  f = jd_findings_find (findings, JD_FINDING_AZURE_APPID_DISCOVERY);
  g_assert_nonnull (f);
  g_assert_nonnull (
    strstr (jd_finding_get_message (f), "?appid=6731de76-14a6-49ae-97bc-6eba6914391e"));
  g_assert_nonnull (strstr (jd_finding_get_message (f), "app-specific-key"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  findings = jd_remote_keys_diagnose (keys, known);
  g_assert_false (jd_findings_has (findings, JD_FINDING_AZURE_APPID_DISCOVERY));
  g_clear_pointer (&findings, g_ptr_array_unref);

  findings = jd_remote_keys_diagnose (keys, elsewhere);
  g_assert_false (jd_findings_has (findings, JD_FINDING_AZURE_APPID_DISCOVERY));
}

static void
on_discovered (GObject *source, GAsyncResult *result, gpointer user_data)
{
  JdRemoteKeys **out = user_data;
  g_autoptr (GError) error = NULL;

  *out = jd_net_discover_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_discover_async (void)
{
  /* the async API on the test's default context, as the window uses it */
  g_autofree char *issuer = url ("/issuer");
  g_autoptr (JdRemoteKeys) keys = NULL;

  jd_net_discover_async (issuer, NULL, NULL, on_discovered, &keys);
  while (keys == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (jd_key_set_get_n_keys (jd_remote_keys_get_key_set (keys)), ==, 2);
}

/* ------------------------------------------------------------------ */
/* jwt-doctor-cli's network options, run as a user runs them           */

static void
run_cli (JdTestRun *r, const char *const *args)
{
  static const char *const env[] = { "GIO_USE_PROXY_RESOLVER", "dummy", NULL };

  jd_test_run (r, jd_test_cli_path (), env, NULL, args);
}

/* Does the --json report's first token hold a finding with @id? */
static gboolean
json_has_finding (const char *out, const char *id)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonArray *tokens, *findings;

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  tokens
    = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "tokens");
  g_assert_cmpuint (json_array_get_length (tokens), >, 0);
  findings = json_object_get_array_member (json_array_get_object_element (tokens, 0), "findings");
  for (guint i = 0; i < json_array_get_length (findings); i++)
    if (g_strcmp0 (
          json_object_get_string_member (json_array_get_object_element (findings, i), "id"), id)
        == 0)
      return TRUE;
  return FALSE;
}

static char *
cli_token (void)
{
  g_autofree char *payload
    = g_strdup_printf ("{\"iss\":\"%s/issuer\",\"sub\":\"cli\",\"exp\":%" G_GINT64_FORMAT "}",
                       servers->plain_url, g_get_real_time () / G_USEC_PER_SEC + 3600);
  g_autofree char *h = b64url ("{\"alg\":\"ES256\",\"kid\":\"1\"}");
  g_autofree char *p = b64url (payload);

  return g_strdup_printf ("%s.%s.c2ln", h, p);
}

static void
test_cli_request (void)
{
  g_autofree char *token = cli_token ();
  g_autofree char *expected = g_strconcat ("Bearer ", token, NULL);
  g_autofree char *u = url ("/401/invalid_token");
  g_auto (JdTestRun) r = { 0 };
  const char *args[] = { "--json", "--request", u, "-H", "Accept: application/json", token, NULL };

  run_cli (&r, args);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_true (json_has_finding (r.out, JD_FINDING_BEARER_INVALID_TOKEN));
  g_assert_true (json_has_finding (r.out, JD_FINDING_STATUS_401));
  g_mutex_lock (&servers->lock);
  g_assert_cmpstr (servers->last_authorization_plain, ==, expected);
  g_mutex_unlock (&servers->lock);
  /* the token is never printed */
  g_assert_null (strstr (r.out, token));
  g_assert_null (strstr (r.err, token));
}

static void
test_cli_request_text (void)
{
  g_autofree char *token = cli_token ();
  g_autofree char *u = url ("/401-bare");
  g_auto (JdTestRun) r = { 0 };
  const char *args[] = { "--request", u, "-X", "POST", token, NULL };

  run_cli (&r, args);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.out, "WWW-Authenticate"));
  g_assert_nonnull (strstr (r.out, "POST "));
  g_assert_nonnull (strstr (r.out, "401"));
}

static void
test_cli_jwks_and_discover (void)
{
  g_autofree char *token = cli_token ();
  g_autofree char *jwks = url ("/jwks");

  {
    g_auto (JdTestRun) r = { 0 };
    const char *args[] = { "--json", "--jwks", jwks, token, NULL };

    run_cli (&r, args);
    g_assert_cmpint (r.status, !=, 2);
    g_assert_true (json_has_finding (r.out, JD_FINDING_JWKS_FETCHED));
  }
  {
    g_auto (JdTestRun) r = { 0 };
    const char *args[] = { "--json", "--discover", token, NULL };

    run_cli (&r, args);
    g_assert_cmpint (r.status, !=, 2);
    g_assert_true (json_has_finding (r.out, JD_FINDING_JWKS_FETCHED));
    g_assert_nonnull (strstr (r.out, "/issuer/.well-known/openid-configuration"));
  }
}

/* #12: --discover with --iss that differs from the document's issuer by a
 * trailing slash: the keys are not used, an error shows both issuers,
 * exit 1; the close case (the exact issuer) fetches the keys. */
static void
test_cli_discover_issuer_mismatch (void)
{
  g_autofree char *token = cli_token ();
  g_autofree char *exact = url ("/issuer");
  g_autofree char *slash = url ("/issuer/");
  g_auto (JdTestRun) r = { 0 };
  g_auto (JdTestRun) ok = { 0 };
  const char *args[] = { "--json", "--discover", "--iss", slash, token, NULL };
  const char *ok_args[] = { "--json", "--discover", "--iss", exact, token, NULL };

  run_cli (&r, args);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_true (json_has_finding (r.out, JD_FINDING_DISCOVERY_ISSUER_MISMATCH));
  g_assert_false (json_has_finding (r.out, JD_FINDING_JWKS_FETCHED));
  g_assert_nonnull (strstr (r.out, "MUST NOT be used"));

  run_cli (&ok, ok_args);
  g_assert_true (json_has_finding (ok.out, JD_FINDING_JWKS_FETCHED));
  g_assert_false (json_has_finding (ok.out, JD_FINDING_DISCOVERY_ISSUER_MISMATCH));
}

/* Wrong arguments: usage errors. */
static void
test_cli_jwks_missing (void)
{
  g_autofree char *token = cli_token ();
  g_autofree char *missing = url ("/nowhere");
  const char *jwks_args[] = { "--jwks", missing, token, NULL };
  g_auto (JdTestRun) r = { 0 };

  run_cli (&r, jwks_args);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "--jwks"));
}

static void
test_cli_request_bad_header (void)
{
  g_autofree char *token = cli_token ();
  g_autofree char *ok = url ("/ok");
  const char *header_args[] = { "--request", ok, "-H", "Bad Header: x", token, NULL };
  g_auto (JdTestRun) r = { 0 };

  run_cli (&r, header_args);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "byte 3 of the name"));
}

/* A token that gives discovery nothing to start from is still a report. */
static void
test_cli_discover_without_iss (void)
{
  const char *no_iss = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln";
  const char *discover_args[] = { "--json", "--discover", no_iss, NULL };
  g_auto (JdTestRun) r = { 0 };

  run_cli (&r, discover_args);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_true (json_has_finding (r.out, "key-discovery-failed"));
}

int
main (int argc, char *argv[])
{
  int status;

  /* Tests talk to 127.0.0.1 only: never through a proxy from the environment. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jd/net/cli/discover-issuer-mismatch", test_cli_discover_issuer_mismatch);
  for (guint i = 0; i < G_N_ELEMENTS (downgrade_rows); i++)
    {
      g_autofree char *p
        = g_strdup_printf ("/jd/net/discover/downgrade%s", downgrade_rows[i].issuer_path);
      g_test_add_data_func (p, GUINT_TO_POINTER (i), test_discover_downgrade);
    }
  for (guint i = 0; i < G_N_ELEMENTS (loopback_rows); i++)
    {
      g_autofree char *p = g_strdup_printf ("/jd/net/loopback/%u", i);
      g_test_add_data_func (p, GUINT_TO_POINTER (i), test_loopback);
    }
  for (guint i = 0; i < G_N_ELEMENTS (refusal_rows); i++)
    {
      g_autofree char *p = g_strdup_printf ("/jd/net/discovery-refusal/%s", refusal_rows[i].name);
      g_test_add_data_func (p, GUINT_TO_POINTER (i), test_refusal);
    }
  g_test_add_func ("/jd/net/jwks/fetch", test_jwks_fetch);
  for (guint i = 0; i < G_N_ELEMENTS (jwks_error_rows); i++)
    {
      g_autofree char *path
        = g_strdup_printf ("/jd/net/jwks/errors/%s", jwks_error_rows[i].path + 1);
      g_test_add_data_func (path, &jwks_error_rows[i], test_jwks_errors);
    }
  for (guint i = 0; i < G_N_ELEMENTS (discovery_url_rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/jd/net/discovery/url/%u", i);
      g_test_add_data_func (path, &discovery_url_rows[i], test_discovery_url);
    }
  g_test_add_func ("/jd/net/discovery/azure-appid-url", test_azure_appid_discovery_url);
  g_test_add_func ("/jd/net/discovery/fetch", test_discover);
  for (guint i = 0; i < G_N_ELEMENTS (discover_error_rows); i++)
    {
      g_autofree char *path
        = g_strdup_printf ("/jd/net/discovery/errors/%s", discover_error_rows[i].path + 1);
      g_test_add_data_func (path, &discover_error_rows[i], test_discover_errors);
    }
  g_test_add_func ("/jd/net/discovery/async", test_discover_async);
  g_test_add_func ("/jd/net/jwks/azure-appid", test_azure_appid_hint);
  g_test_add_func ("/jd/net/cli/request", test_cli_request);
  g_test_add_func ("/jd/net/cli/request-text", test_cli_request_text);
  g_test_add_func ("/jd/net/cli/jwks-and-discover", test_cli_jwks_and_discover);
  g_test_add_func ("/jd/net/cli/network-errors/jwks-missing", test_cli_jwks_missing);
  g_test_add_func ("/jd/net/cli/network-errors/request-bad-header", test_cli_request_bad_header);
  g_test_add_func ("/jd/net/cli/network-errors/discover-without-iss",
                   test_cli_discover_without_iss);

  servers_start ();
  status = g_test_run ();
  servers_stop ();
  return status;
}
