/* test-cause.c — tests for src/core/jd-cause.c: a failing call's first cause in a few words
 *
 * One case per row of the cause table: an error with the row's id gives
 * its words; the same id as an info finding (close, but not a cause) does
 * not. Then the HAR entry accessor on a HAR written here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "jd-base64.h"
#include "jd-cause.h"
#include "jd-input.h"
#include "jd-verify.h"
#include "test-rows.h"

typedef struct
{
  const char *id;
  const char *words;
} CauseRow;

static const CauseRow rows[] = {
  { "malformed", "malformed token" },
  { "encrypted-token", "encrypted token (JWE)" },
  { "wrong-token-kind", "wrong kind of token" },
  { "token-truncated", "token cut off" },
  { "alg-none", "alg none" },
  { "expired", "expired" },
  { "expired-within-leeway", "expired (within leeway)" },
  { "not-yet-valid", "not yet valid" },
  { "not-yet-valid-within-leeway", "not yet valid (within leeway)" },
  { "issued-in-future", "issued in the future" },
  { "issued-in-future-within-leeway", "issued in the future (within leeway)" },
  { "audience-mismatch", "wrong audience" },
  { "issuer-mismatch", "wrong issuer" },
  { "algorithm-not-allowed", "algorithm not allowed" },
  { "kid-not-found", "kid not in the key set" },
  { "signature-invalid", "bad signature" },
  { "key-confusion", "key confusion" },
  { "no-usable-key", "no key can check it" },
  { "double-bearer-prefix", "“Bearer Bearer”" },
  { "malformed-authorization", "malformed Authorization header" },
  { "insufficient-scope", "insufficient_scope" },
  { "bearer-invalid-token", "invalid_token" },
  { "bearer-invalid-request", "invalid_request" },
  { "bearer-error", "server error code" },
  { "bearer-no-token-seen", "no token arrived" },
  { "missing-www-authenticate", "no WWW-Authenticate (a proxy answered?)" },
  { "server-clock-skew", "clock skew" },
};

static GPtrArray *
findings_of (const char *id, JdSeverity severity)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func (g_object_unref);

  /* An info finding first: it is never the cause. */
  jd_findings_add (findings, "signature-unverified", JD_SEVERITY_INFO, JD_RANK_SIGNATURE, NULL, "m",
                   "f");
  jd_findings_add (findings, id, severity, JD_RANK_EXPIRED, NULL, "message", "fix");
  jd_findings_sort (findings);
  return findings;
}

static void
test_row (gconstpointer data)
{
  const CauseRow *row = data;
  g_autoptr (GPtrArray) error = findings_of (row->id, JD_SEVERITY_ERROR);
  g_autoptr (GPtrArray) warning = findings_of (row->id, JD_SEVERITY_WARNING);
  g_autoptr (GPtrArray) info = findings_of (row->id, JD_SEVERITY_INFO);
  g_autofree char *from_error = jd_findings_dup_short_cause (error, NULL);
  g_autofree char *from_warning = jd_findings_dup_short_cause (warning, NULL);
  g_autofree char *from_info = jd_findings_dup_short_cause (info, NULL);

  g_assert_cmpstr (from_error, ==, row->words);
  g_assert_cmpstr (from_warning, ==, row->words);
  g_assert_null (from_info);
}

/* An error is the cause before any warning, whatever their order. */
static void
test_error_first (void)
{
  g_autoptr (GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *cause = NULL;

  jd_findings_add (findings, "expired", JD_SEVERITY_WARNING, JD_RANK_EXPIRED, "exp", "m", "f");
  jd_findings_add (findings, "audience-mismatch", JD_SEVERITY_ERROR, JD_RANK_AUDIENCE, "aud", "m",
                   "f");
  jd_findings_add (findings, "an-id-no-row-has", JD_SEVERITY_ERROR, JD_RANK_MALFORMED, NULL, "m",
                   "f");
  jd_findings_sort (findings);
  cause = jd_findings_dup_short_cause (findings, NULL);
  g_assert_cmpstr (cause, ==, "wrong audience");
}

/* The server's own word follows where the row names a parameter. */
static void
test_challenge_param (void)
{
  g_autoptr (GPtrArray) challenges = jd_www_authenticate_parse (
    "Bearer error=\"insufficient_scope\", scope=\"orders:write\"", -1, NULL, NULL);
  g_autoptr (GPtrArray) scope = findings_of ("insufficient-scope", JD_SEVERITY_ERROR);
  g_autoptr (GPtrArray) expired = findings_of ("expired", JD_SEVERITY_ERROR);
  g_autofree char *with_scope
    = jd_findings_dup_short_cause (scope, g_ptr_array_index (challenges, 0));
  g_autofree char *no_param
    = jd_findings_dup_short_cause (expired, g_ptr_array_index (challenges, 0));

  g_assert_cmpstr (with_scope, ==, "insufficient_scope: orders:write");
  g_assert_cmpstr (no_param, ==, "expired");
}

/* ---- HAR entries --------------------------------------------------------- */

static char *
token_with_exp (gint64 exp)
{
  g_autofree char *payload = g_strdup_printf ("{\"sub\":\"a\",\"exp\":%" G_GINT64_FORMAT "}", exp);
  g_autofree char *h = jd_base64url_encode ("{\"alg\":\"HS256\"}", 15);
  g_autofree char *p = jd_base64url_encode (payload, strlen (payload));

  return g_strdup_printf ("%s.%s.c2ln", h, p);
}

static char *
entry_json (const char *auth, guint status, const char *www_authenticate)
{
  g_autofree char *req
    = auth ? g_strdup_printf ("{\"name\":\"Authorization\",\"value\":\"Bearer %s\"}", auth)
           : g_strdup ("");
  g_autofree char *res
    = www_authenticate
        ? g_strdup_printf ("{\"name\":\"WWW-Authenticate\",\"value\":\"%s\"}", www_authenticate)
        : g_strdup ("");

  return g_strdup_printf (
    "{\"startedDateTime\":\"2025-05-28T14:11:05Z\",\"time\":10,"
    "\"request\":{\"method\":\"GET\",\"url\":\"https://api.example.com/orders\","
    "\"httpVersion\":\"HTTP/1.1\",\"headers\":[%s]},"
    "\"response\":{\"status\":%u,\"statusText\":\"\",\"httpVersion\":\"HTTP/1.1\","
    "\"headers\":[%s]}}",
    req, status, res);
}

/* A HAR of four entries at 2025-05-28T14:11:05Z = 1748441465: no token,
 * a token an hour old, a good one refused for its scope, a good one that
 * passed. */
static JdHar *
four_entry_har (void)
{
  g_autofree char *old = token_with_exp (1748441465 - 3600);
  g_autofree char *good = token_with_exp (1748441465 + 3600);
  g_autofree char *e0 = entry_json (NULL, 401, "Bearer realm=\\\"api\\\"");
  g_autofree char *e1 = entry_json (old, 401, "Bearer error=\\\"invalid_token\\\"");
  g_autofree char *e2
    = entry_json (good, 403, "Bearer error=\\\"insufficient_scope\\\", scope=\\\"orders:write\\\"");
  g_autofree char *e3 = entry_json (good, 200, NULL);
  g_autofree char *json
    = g_strdup_printf ("{\"log\":{\"version\":\"1.2\",\"entries\":[%s,%s,%s,%s]}}", e0, e1, e2, e3);
  g_autoptr (GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr (GError) error = NULL;
  JdHar *har = jd_har_load_bytes (bytes, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (har)), ==, 4);
  return har;
}

typedef struct
{
  const char *name;
  guint index;
  const char *cause; /* jd_har_entry_dup_first_cause() */
} HarEntryRow;

static const HarEntryRow har_entry_rows[] = {
  { "no-token", 0, "no token sent" },
  { "expired", 1, "expired" },
  { "insufficient-scope", 2, "insufficient_scope: orders:write" },
  { "passed", 3, NULL },
};

static void
test_har_entry (gconstpointer data)
{
  const HarEntryRow *row = data;
  g_autoptr (JdHar) har = four_entry_har ();
  g_autoptr (JdHarEntry) entry = g_list_model_get_item (G_LIST_MODEL (har), row->index);
  g_autofree char *cause = jd_har_entry_dup_first_cause (entry, NULL);

  g_assert_cmpstr (cause, ==, row->cause);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  JD_TEST_ADD_ROWS ("/jd/cause/row", rows, id, test_row);
  g_test_add_func ("/jd/cause/error-first", test_error_first);
  g_test_add_func ("/jd/cause/challenge-param", test_challenge_param);
  JD_TEST_ADD_ROWS ("/jd/cause/har-entries", har_entry_rows, name, test_har_entry);

  return g_test_run ();
}
