/* fuzz-token.c — a paste, as the window and the CLI take it: find the token
 * in it, decode it, diagnose it, show its claims, report it as JSON and text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "jd-claims.h"
#include "jd-diagnosis.h"
#include "jd-input.h"
#include "jd-json.h"
#include "jd-report.h"
#include "jd-token.h"
#include "jd-verify.h"

#include "fuzz-common.h"

static void
walk_claims (GListModel *model, guint depth)
{
  guint n = g_list_model_get_n_items (model);

  g_assert_cmpuint (depth, <=, 1024);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (JdClaimNode) node = g_list_model_get_item (model, i);
      g_autoptr (GListModel) children = NULL;

      jd_fuzz_assert_utf8 (jd_claim_node_get_name (node));
      jd_fuzz_assert_utf8 (jd_claim_node_get_path (node));
      jd_fuzz_assert_utf8 (jd_claim_node_get_value_text (node));
      jd_fuzz_assert_utf8 (jd_claim_node_get_badge_text (node));
      jd_fuzz_assert_utf8 (jd_claim_node_get_badge_tooltip (node));
      children = jd_claim_node_get_children (node);
      if (children != NULL)
        walk_claims (children, depth + 1);
    }
}

static void
check_token (JdToken *token)
{
  gsize len = jd_token_get_length (token);
  GPtrArray *problems = jd_token_get_problems (token);

  for (guint i = 0; i < problems->len; i++)
    {
      const JdTokenProblem *p = g_ptr_array_index (problems, i);

      g_assert_nonnull (p->message);
      jd_fuzz_assert_utf8 (p->message);
      /* The window underlines [offset, offset + length) of the text. */
      g_assert_cmpuint (p->offset, <=, len);
      g_assert_cmpuint (p->length, <=, len - p->offset);
    }
  for (guint s = 0; s < jd_token_get_n_segments (token); s++)
    {
      JdRange range;

      if (jd_token_get_segment_range (token, s, &range))
        {
          g_assert_cmpuint (range.start, <=, range.end);
          g_assert_cmpuint (range.end, <=, len);
        }
    }
  if (jd_token_get_n_segments (token) != 3 && jd_token_get_n_segments (token) != 5)
    g_assert_true (jd_token_is_malformed (token));
  jd_fuzz_assert_utf8 (jd_token_get_payload_text (token));
  jd_token_get_signature (token);
  jd_token_get_signing_input (token);
  jd_token_is_nested (token);
  jd_token_get_typ (token);
  jd_token_get_cty (token);
}

static void
diagnose (JdToken *token, JdInput *input, guint variant)
{
  static const char *algs[] = { "RS256", "ES256", "HS256", NULL };
  g_autoptr (JdExpectations) expect = jd_expectations_new ();
  g_autoptr (GPtrArray) findings = NULL;
  g_autoptr (JdVerifyResult) verification = NULL;
  g_autoptr (JdReport) report = jd_report_new ();
  g_autofree char *json = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GListModel) header = NULL;
  g_autoptr (GListModel) payload = NULL;

  expect->now = JD_FUZZ_NOW;
  if (variant & 1)
    {
      expect->audience = g_strdup ("https://api.example.com");
      expect->issuer = g_strdup ("https://issuer.example.com/");
    }
  if (variant & 2)
    expect->algorithms = g_strdupv ((char **)algs);
  if (variant & 4)
    expect->leeway = 0;

  /* No keys: the verifier still decides "unverified" or "none". */
  verification = jd_verify (token, NULL, (const char *const *)expect->algorithms);
  g_assert_nonnull (verification);
  g_assert_cmpint (jd_verify_result_get_status (verification), !=, JD_SIGNATURE_VALID);
  findings = jd_diagnose (token, expect, verification, input);
  g_assert_nonnull (findings);
  /* A token that cannot be decoded is said to be so: malformed, or what it
   * is instead (no-token, an opaque token: jd-token-kinds.h), or a server's
   * message pasted without a token (message-without-token). */
  if (jd_token_is_malformed (token) && !jd_findings_has (findings, "message-without-token"))
    g_assert_true (jd_findings_has (findings, JD_FINDING_MALFORMED)
                   || jd_findings_has (findings, JD_FINDING_NO_TOKEN)
                   || jd_findings_has (findings, JD_FINDING_WRONG_TOKEN_KIND));
  for (guint i = 0; i < findings->len; i++)
    {
      JdFinding *f = g_ptr_array_index (findings, i);

      jd_fuzz_assert_utf8 (jd_finding_get_id (f));
      jd_fuzz_assert_utf8 (jd_finding_get_message (f));
      jd_fuzz_assert_utf8 (jd_finding_get_fix (f));
      jd_fuzz_assert_utf8 (jd_finding_get_claim (f));
      if (i > 0)
        g_assert_cmpint (jd_finding_compare (g_ptr_array_index (findings, i - 1), f, NULL), <=, 0);
    }

  jd_report_add (report, "argument", token, verification, findings);
  jd_report_add_note (report, "GET https://api.example.com/ → 401");
  if (variant & 4)
    jd_report_set_judged_at (report, JD_FUZZ_NOW - 3600);
  json = jd_report_to_json (report, variant & 8);
  g_assert_nonnull (json);
  jd_fuzz_assert_utf8 (json);
  {
    /* The JSON report must be JSON (strictly: other programs read it). */
    g_autoptr (JsonNode) node = NULL;
    g_autoptr (GError) error = NULL;

    node = jd_json_parse (json, strlen (json), JD_JSON_FLAGS_NONE, NULL, &error);
    if (node == NULL)
      g_error ("the JSON report is not JSON: %s", error->message);
  }
  text = jd_report_to_text (report, variant & 16, JD_FUZZ_NOW);
  jd_fuzz_assert_utf8 (text);

  header = jd_claims_model_new (jd_token_get_header (token), JD_CLAIMS_SECTION_HEADER);
  payload = jd_claims_model_new (jd_token_get_claims (token), JD_CLAIMS_SECTION_PAYLOAD);
  jd_claims_model_set_now (header, JD_FUZZ_NOW, 60);
  jd_claims_model_set_now (payload, JD_FUZZ_NOW, expect->leeway);
  walk_claims (header, 0);
  walk_claims (payload, 0);
  for (guint i = 0; i < findings->len; i++)
    {
      const char *claim = jd_finding_get_claim (g_ptr_array_index (findings, i));
      if (claim != NULL)
        jd_claims_model_find (payload, claim);
    }
}

static void
check_input (JdInput *input, gsize size)
{
  GPtrArray *findings = jd_input_get_findings (input);
  const char *token = jd_input_get_token (input);
  gsize start = jd_input_get_token_start (input);
  gsize end = jd_input_get_token_end (input);
  JdRequest *request = jd_input_get_request (input);

  g_assert_nonnull (token);
  g_assert_nonnull (findings);
  /* The window highlights [start, end) of the paste. */
  g_assert_cmpuint (start, <=, end);
  g_assert_cmpuint (end, <=, size);
  if (jd_input_get_form (input) == JD_INPUT_FORM_EMPTY)
    g_assert_cmpstr (token, ==, "");
  for (guint i = 0; i < findings->len; i++)
    jd_fuzz_assert_utf8 (jd_finding_get_message (g_ptr_array_index (findings, i)));
  if (request != NULL)
    {
      g_autofree char *curl = jd_request_to_curl (request, JD_CURL_THIS_TOKEN, NULL);
      g_assert_nonnull (curl);
    }
}

int
jd_fuzz_token (const guint8 *data, gsize size)
{
  g_autoptr (JdInput) input = NULL;
  g_autoptr (JdToken) token = NULL;
  g_autoptr (JdToken) bare = NULL;
  const char *text;

  /* As pasted: find the token in the text. */
  input = jd_input_parse ((const char *)data, size);
  g_assert_nonnull (input);
  check_input (input, size);
  text = jd_input_get_token (input);
  token = jd_token_parse (text, strlen (text));
  g_assert_nonnull (token);
  check_token (token);
  diagnose (token, input, size % 32);

  /* As a bare token (a .jwt file, the CLI argument): every byte. */
  bare = jd_token_parse ((const char *)data, size);
  g_assert_nonnull (bare);
  check_token (bare);
  if (size % 2)
    diagnose (bare, NULL, (size / 2) % 32);
  return 0;
}

JD_FUZZ_ENTRY_POINT (jd_fuzz_token)
