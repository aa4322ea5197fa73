/* test-verdict.c — src/core/jd-verdict.c: the short causes (one case per
 * row, each both ways), the signature's status derived from the per-key
 * verdicts, the rules that make a token rejected, the instant judged at and
 * what was not checked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "jd-base64.h"
#include "jd-keys.h"
#include "jd-verdict.h"
#include "test-keys-util.h"
#include "test-diagnose-util.h"

#define NOW 1800000000

static JdExpectations *
expect_at (gint64 now)
{
  JdExpectations *e = jd_expectations_new ();

  e->now = now;
  e->audience = g_strdup ("https://api.example.com");
  e->issuer = g_strdup ("https://issuer.example.com/");
  return e;
}

/* ---- the short causes: one row per row of jd-verdict.c's table ----------- */

typedef struct
{
  const char *id;
  const char *claim;
  const char *want; /* what the short cause says */
} CauseCase;

static const CauseCase cause_cases[] = {
  { "malformed", "payload", "malformed payload" },
  { "encrypted-token", NULL, "encrypted token (JWE, alg RS256)" },
  { "alg-none", "alg", "unsigned token (alg RS256)" },
  { "expired", "exp", "expired 3 hours ago" },
  { "expired-within-leeway", "exp", "expired 3 hours ago, within the leeway" },
  { "not-yet-valid", "nbf", "not valid for another 2 hours" },
  { "not-yet-valid-within-leeway", "nbf", "not valid for another 2 hours, within the leeway" },
  { "issued-in-future", "iat", "issued 1 hour in the future" },
  { "issued-in-future-within-leeway", "iat", "issued 1 hour in the future, within the leeway" },
  { "expires-soon", "exp", "expired 3 hours ago" },
  { "audience-mismatch", "aud", "not minted for audience \"https://api.example.com\"" },
  { "issuer-mismatch", "iss", "not issued by \"https://issuer.example.com/\"" },
  { "algorithm-not-allowed", "alg", "alg RS256 is not allowed" },
  { "kid-not-found", "kid", "kid \"k-9\" is not in the key set" },
  { "signature-invalid", NULL, "RS256 signature does not verify" },
  { "key-confusion", NULL, "RS256 forged with a public key (key confusion)" },
  { "no-usable-key", NULL, "none of the keys given can check an RS256 token" },
  { "weak-secret", NULL, "weak RS256 secret" },
  { "invalid-numeric-date", "exp", "\"exp\" is not a number of seconds" },
  { "missing-exp", "exp", "no \"exp\": the token never expires" },
  { "double-bearer-prefix", NULL, "\"Bearer\" sent twice" },
  { "missing-www-authenticate", NULL,
    "a 401 without WWW-Authenticate (a proxy or gateway answered)" },
  { "insufficient-scope", "scope",
    "the token lacks the scope the server wants (insufficient_scope)" },
  { "bearer-invalid-token", NULL, "the server answered invalid_token" },
  { "bearer-invalid-request", NULL, "the server answered invalid_request" },
  { "server-clock-skew", "exp", "the server's clock is off" },
  { "key-discovery-failed", "iss", "the issuer's keys could not be discovered" },
  { "request-failed", NULL, "the request failed" },
};

static void
test_cause (gconstpointer data)
{
  const CauseCase *c = data;
  g_autoptr (JdToken) token
    = token_for ("{\"alg\":\"RS256\",\"kid\":\"k-9\"}",
                 "{\"exp\":1799989200,\"nbf\":1800007200,\"iat\":1800003600}");
  g_autoptr (JdExpectations) e = expect_at (NOW);
  g_autoptr (JdFinding) f = jd_finding_new (c->id, JD_SEVERITY_ERROR, 1, c->claim, "message", NULL);
  g_autofree char *near_id = g_strconcat (c->id, "-x", NULL);
  g_autoptr (JdFinding) near
    = jd_finding_new (near_id, JD_SEVERITY_ERROR, 1, c->claim, "message", NULL);
  g_autofree char *cause = jd_verdict_describe_cause (f, token, e);
  g_autofree char *near_cause = jd_verdict_describe_cause (near, token, e);

  g_assert_cmpstr (cause, ==, c->want);
  /* A close id is not this row: it is named by its id, never by the row's words. */
  g_assert_cmpstr (near_cause, !=, c->want);
  g_assert_true (g_str_has_prefix (near_cause, near_id));
}

/* ---- the signature and the result ----------------------------------------- */

static JdVerdict *
verdict_for (const char *token_text, JdKeySet *keys, JdExpectations *e, GPtrArray **findings_out)
{
  g_autoptr (JdToken) token = jd_token_parse (token_text, -1);
  g_autoptr (JdVerifyResult) v = keys ? jd_verify (token, keys, NULL) : NULL;
  g_autoptr (GPtrArray) findings = jd_diagnose (token, e, v, NULL);

  if (findings_out)
    *findings_out = g_ptr_array_ref (findings);
  return jd_verdict_new (token, findings, v, e, NULL);
}

/* Keys given but none can check the token: rejected, and said so, whatever
 * severity the no-usable-key finding has, or without it. */
static void
test_no_usable_key_from_key_verdicts (void)
{
  g_autoptr (TkKey) rsa = tk_key_cached ("RS256", 0, "a");
  g_autoptr (TkKey) hs = tk_key_new_secret ("HS256", NULL, "tX9!qR2#vL5@mK8$wN3^pJ6&hG4*zF7%");
  g_autofree char *jwk = tk_key_jwk (rsa);
  g_autofree char *token_text
    = tk_sign_token (hs, NULL,
                     "{\"exp\":1800003600,\"aud\":\"https://api.example.com\",\"iss\":\"https://"
                     "issuer.example.com/\"}");
  g_autoptr (JdKeySet) keys = jd_key_set_new ();
  g_autoptr (JdExpectations) e = expect_at (NOW);
  g_autoptr (GPtrArray) findings = NULL;
  g_autoptr (JdVerdict) verdict = NULL;
  g_autoptr (JdVerdict) without = NULL;
  g_autoptr (GPtrArray) others = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (JdToken) token = jd_token_parse (token_text, -1);
  g_autoptr (JdVerifyResult) v = NULL;

  g_assert_true (jd_key_set_load_data (keys, jwk, strlen (jwk), "jwks.json", NULL));
  verdict = verdict_for (token_text, keys, e, &findings);
  g_assert_cmpint (jd_verdict_get_signature (verdict), ==, JD_VERDICT_SIGNATURE_NO_USABLE_KEY);
  g_assert_cmpint (jd_verdict_get_result (verdict), ==, JD_VERDICT_REJECTED);
  g_assert_nonnull (
    strstr (jd_verdict_get_signature_text (verdict), "1 key was given, but it cannot check"));
  g_assert_null (strstr (jd_verdict_get_signature_text (verdict), "no key was given"));

  /* The same without the finding at all: the per-key verdicts decide. */
  for (guint i = 0; i < findings->len; i++)
    if (g_strcmp0 (jd_finding_get_id (g_ptr_array_index (findings, i)), JD_FINDING_NO_USABLE_KEY)
        != 0)
      g_ptr_array_add (others, g_object_ref (g_ptr_array_index (findings, i)));
  v = jd_verify (token, keys, NULL);
  without = jd_verdict_new (token, others, v, e, NULL);
  g_assert_cmpint (jd_verdict_get_result (without), ==, JD_VERDICT_REJECTED);
  g_assert_cmpint (jd_verdict_get_signature (without), ==, JD_VERDICT_SIGNATURE_NO_USABLE_KEY);

  /* The close case: no keys at all is "not checked", and not a rejection. */
  {
    g_autoptr (JdVerdict) none = verdict_for (token_text, NULL, e, NULL);
    g_assert_cmpint (jd_verdict_get_signature (none), ==, JD_VERDICT_SIGNATURE_NO_KEYS);
    g_assert_cmpint (jd_verdict_get_result (none), !=, JD_VERDICT_REJECTED);
    g_assert_nonnull (strstr (jd_verdict_get_signature_text (none), "no key was given"));
  }
}

/* A JWE, an unsigned token and an unreadable one are never accepted, even
 * when no finding is an error. */
static void
test_never_accepted (void)
{
  g_autoptr (JdExpectations) e = expect_at (NOW);
  g_autoptr (GPtrArray) empty = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (JdToken) jwe
    = jd_token_parse ("eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.AAAA.BBBB.CCCC.DDDD", -1);
  g_autoptr (JdToken) none = token_for ("{\"alg\":\"none\"}", "{\"exp\":1800003600}");
  g_autoptr (JdToken) signed_ok = token_for ("{\"alg\":\"RS256\"}", "{\"exp\":1800003600}");
  g_autoptr (JdVerdict) v_jwe = jd_verdict_new (jwe, empty, NULL, e, NULL);
  g_autoptr (JdVerdict) v_none = jd_verdict_new (none, empty, NULL, e, NULL);
  g_autoptr (JdVerdict) v_ok = jd_verdict_new (signed_ok, empty, NULL, e, NULL);

  g_assert_cmpint (jd_verdict_get_result (v_jwe), ==, JD_VERDICT_REJECTED);
  g_assert_cmpint (jd_verdict_get_signature (v_jwe), ==, JD_VERDICT_SIGNATURE_ENCRYPTED);
  g_assert_cmpint (jd_verdict_get_result (v_none), ==, JD_VERDICT_REJECTED);
  g_assert_cmpint (jd_verdict_get_signature (v_none), ==, JD_VERDICT_SIGNATURE_UNSIGNED);
  /* the close case: a signed token with nothing wrong is accepted */
  g_assert_cmpint (jd_verdict_get_result (v_ok), ==, JD_VERDICT_ACCEPTED);
  g_assert_cmpstr (jd_verdict_get_headline (v_ok), ==,
                   "Accepted: no problem found, but the signature was not checked");
}

/* Any error finding rejects; warnings only are accepted with warnings; the
 * headline names the first cause and counts the rest. */
static void
test_result_and_headline (void)
{
  g_autoptr (JdExpectations) e = expect_at (NOW);
  g_autoptr (JdToken) token
    = token_for ("{\"alg\":\"RS256\"}", "{\"exp\":1799989200,\"aud\":\"x\"}");
  g_autoptr (GPtrArray) f = jd_diagnose (token, e, NULL, NULL);
  g_autoptr (JdVerdict) v = jd_verdict_new (token, f, NULL, e, NULL);
  g_autoptr (JdToken) soon
    = token_for ("{\"alg\":\"RS256\"}", "{\"exp\":1800000030,\"aud\":\"https://api.example.com\","
                                        "\"iss\":\"https://issuer.example.com/\"}");
  g_autoptr (GPtrArray) fs = jd_diagnose (soon, e, NULL, NULL);
  g_autoptr (JdVerdict) vs = jd_verdict_new (soon, fs, NULL, e, NULL);

  g_assert_cmpint (jd_verdict_get_result (v), ==, JD_VERDICT_REJECTED);
  g_assert_cmpstr (jd_verdict_get_headline (v), ==,
                   "Rejected: expired 3 hours ago (and 2 more errors)");
  g_assert_cmpstr (jd_finding_get_id (jd_verdict_get_first_cause (v)), ==, "expired");
  g_assert_cmpuint (jd_verdict_get_n_errors (v), ==, 3);

  g_assert_cmpint (jd_verdict_get_result (vs), ==, JD_VERDICT_ACCEPTED_WITH_WARNINGS);
  g_assert_cmpstr (jd_verdict_get_headline (vs), ==,
                   "Accepted with 1 warning: expires in 30 seconds");
}

static void
test_judged_at (void)
{
  g_autoptr (JdExpectations) e = expect_at (1748441465);
  g_autoptr (JdToken) token = token_for ("{\"alg\":\"RS256\"}", "{\"exp\":1800003600}");
  g_autoptr (GPtrArray) f = jd_diagnose (token, e, NULL, NULL);
  g_autoptr (JdVerdict) at = jd_verdict_new (token, f, NULL, e, "when the request was sent");
  g_autoptr (JdVerdict) now = jd_verdict_new (token, f, NULL, e, NULL);

  g_assert_false (jd_verdict_get_judged_now (at));
  g_assert_cmpint (jd_verdict_get_judged_at (at), ==, 1748441465);
  g_assert_cmpstr (jd_verdict_get_judged_text (at), ==,
                   "Judged at 14:11:05 UTC on 28 May 2025, when the request was sent");
  g_assert_true (jd_verdict_get_judged_now (now));
  g_assert_null (jd_verdict_get_judged_text (now));
}

static void
test_not_checked (void)
{
  g_autoptr (JdExpectations) both = expect_at (NOW);
  g_autoptr (JdExpectations) no_iss = expect_at (NOW);
  g_autoptr (JdExpectations) neither = expect_at (NOW);
  g_autoptr (JdToken) token = token_for ("{\"alg\":\"RS256\"}", "{\"exp\":1800003600}");
  g_autoptr (GPtrArray) f = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (JdVerdict) v_both = NULL;
  g_autoptr (JdVerdict) v_no_iss = NULL;
  g_autoptr (JdVerdict) v_neither = NULL;

  g_clear_pointer (&no_iss->issuer, g_free);
  g_clear_pointer (&neither->issuer, g_free);
  g_clear_pointer (&neither->audience, g_free);
  v_both = jd_verdict_new (token, f, NULL, both, NULL);
  v_no_iss = jd_verdict_new (token, f, NULL, no_iss, NULL);
  v_neither = jd_verdict_new (token, f, NULL, neither, NULL);

  g_assert_null (jd_verdict_get_not_checked (v_both)[0]);
  g_assert_null (jd_verdict_get_not_checked_text (v_both));
  g_assert_cmpstr (jd_verdict_get_not_checked (v_no_iss)[0], ==, "iss");
  g_assert_null (jd_verdict_get_not_checked (v_no_iss)[1]);
  g_assert_nonnull (strstr (jd_verdict_get_not_checked_text (v_no_iss), "--iss"));
  g_assert_nonnull (strstr (jd_verdict_get_not_checked_text (v_no_iss), "Expectations (Ctrl+,)"));
  g_assert_cmpstr (jd_verdict_get_not_checked (v_neither)[0], ==, "aud");
  g_assert_cmpstr (jd_verdict_get_not_checked (v_neither)[1], ==, "iss");
}

int
main (int argc, char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  gnutls_global_init ();
  JD_TEST_ADD_ROWS ("/jd/verdict/cause", cause_cases, id, test_cause);
  g_test_add_func ("/jd/verdict/no-usable-key-from-key-verdicts",
                   test_no_usable_key_from_key_verdicts);
  g_test_add_func ("/jd/verdict/never-accepted", test_never_accepted);
  g_test_add_func ("/jd/verdict/result-and-headline", test_result_and_headline);
  g_test_add_func ("/jd/verdict/judged-at", test_judged_at);
  g_test_add_func ("/jd/verdict/not-checked", test_not_checked);
  ret = g_test_run ();
  tk_cleanup ();
  return ret;
}
