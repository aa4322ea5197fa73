/* jd-verdict.c — the one verdict on a token: result, signature and why,
 * the instant judged at, what was not checked, and a one-line headline
 *
 * Every view renders this object; the rules below are the only place that
 * decides whether a token is rejected.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jd-keys-private.h"
#include "jd-time.h"
#include "jd-verdict.h"

struct _JdVerdict
{
  GObject parent_instance;

  JdToken *token;
  JdVerifyResult *verification;
  GPtrArray *findings;
  JdExpectations *expect;

  JdVerdictResult result;
  JdVerdictSignature signature;
  guint n_errors;
  guint n_warnings;
  JdFinding *first_cause; /* unowned: an element of findings */

  char *headline;
  char *signature_text;
  gint64 judged_at;
  char *judged_reason;
  char *judged_text;
  GPtrArray *not_checked; /* of static strings, NULL-terminated */
  char *not_checked_text;
};

G_DEFINE_FINAL_TYPE (JdVerdict, jd_verdict, G_TYPE_OBJECT)

const char *
jd_verdict_result_to_string (JdVerdictResult result)
{
  switch (result)
    {
      case JD_VERDICT_REJECTED:
        return "rejected";
      case JD_VERDICT_ACCEPTED_WITH_WARNINGS:
        return "accepted-with-warnings";
      case JD_VERDICT_ACCEPTED:
        return "accepted";
      default:
        g_return_val_if_reached ("rejected");
    }
}

const char *
jd_verdict_signature_to_string (JdVerdictSignature signature)
{
  static const char *const names[] = {
    [JD_VERDICT_SIGNATURE_VALID] = "valid",
    [JD_VERDICT_SIGNATURE_INVALID] = "invalid",
    [JD_VERDICT_SIGNATURE_NO_KEYS] = "no-keys",
    [JD_VERDICT_SIGNATURE_NO_USABLE_KEY] = "no-usable-key",
    [JD_VERDICT_SIGNATURE_KID_NOT_FOUND] = "kid-not-found",
    [JD_VERDICT_SIGNATURE_ALG_NOT_ALLOWED] = "alg-not-allowed",
    [JD_VERDICT_SIGNATURE_WELL_KNOWN_SECRET] = "well-known-secret",
    [JD_VERDICT_SIGNATURE_UNSIGNED] = "unsigned",
    [JD_VERDICT_SIGNATURE_ENCRYPTED] = "encrypted",
    [JD_VERDICT_SIGNATURE_UNREADABLE] = "unreadable",
  };

  g_return_val_if_fail ((guint)signature < G_N_ELEMENTS (names), "unreadable");
  return names[signature];
}

/* ---- the short cause: one row per finding id ---------------------------- */

typedef enum
{
  CAUSE_PLAIN,        /* the format has no argument */
  CAUSE_TIME,         /* the claim's time relative to the instant judged at */
  CAUSE_TIME_LEEWAY,  /* the same, "within the leeway" */
  CAUSE_EXPECTED_AUD, /* the audience the API expects */
  CAUSE_EXPECTED_ISS, /* the issuer the API trusts */
  CAUSE_ALG,          /* the token's alg */
  CAUSE_KID,          /* the token's kid */
  CAUSE_CLAIM,        /* the finding's claim (or "token") */
} CauseArg;

typedef struct
{
  const char *id;
  CauseArg arg;
  const char *format; /* N_(): one %s unless CAUSE_PLAIN */
} CauseRow;

static const CauseRow causes[] = {
  { JD_FINDING_MALFORMED, CAUSE_CLAIM, N_ ("malformed %s") },
  { JD_FINDING_ENCRYPTED_TOKEN, CAUSE_ALG, N_ ("encrypted token (JWE, alg %s)") },
  { JD_FINDING_ALG_NONE, CAUSE_ALG, N_ ("unsigned token (alg %s)") },
  { JD_FINDING_EXPIRED, CAUSE_TIME, "%s" },
  { JD_FINDING_EXPIRED_WITHIN_LEEWAY, CAUSE_TIME_LEEWAY, N_ ("%s, within the leeway") },
  { JD_FINDING_NOT_YET_VALID, CAUSE_TIME, "%s" },
  { JD_FINDING_NOT_YET_VALID_WITHIN_LEEWAY, CAUSE_TIME_LEEWAY, N_ ("%s, within the leeway") },
  { JD_FINDING_ISSUED_IN_FUTURE, CAUSE_TIME, "%s" },
  { JD_FINDING_ISSUED_IN_FUTURE_WITHIN_LEEWAY, CAUSE_TIME_LEEWAY, N_ ("%s, within the leeway") },
  { "expires-soon", CAUSE_TIME, "%s" },
  { JD_FINDING_AUDIENCE_MISMATCH, CAUSE_EXPECTED_AUD, N_ ("not minted for audience \"%s\"") },
  { JD_FINDING_ISSUER_MISMATCH, CAUSE_EXPECTED_ISS, N_ ("not issued by \"%s\"") },
  { JD_FINDING_ALGORITHM_NOT_ALLOWED, CAUSE_ALG, N_ ("alg %s is not allowed") },
  { JD_FINDING_KID_NOT_FOUND, CAUSE_KID, N_ ("kid \"%s\" is not in the key set") },
  { JD_FINDING_SIGNATURE_INVALID, CAUSE_ALG, N_ ("%s signature does not verify") },
  { JD_FINDING_KEY_CONFUSION, CAUSE_ALG, N_ ("%s forged with a public key (key confusion)") },
  { JD_FINDING_NO_USABLE_KEY, CAUSE_ALG, N_ ("none of the keys given can check an %s token") },
  { JD_FINDING_WEAK_SECRET, CAUSE_ALG, N_ ("weak %s secret") },
  { "invalid-numeric-date", CAUSE_CLAIM, N_ ("\"%s\" is not a number of seconds") },
  { "missing-exp", CAUSE_PLAIN, N_ ("no \"exp\": the token never expires") },
  { JD_FINDING_DOUBLE_BEARER_PREFIX, CAUSE_PLAIN, N_ ("\"Bearer\" sent twice") },
  { JD_FINDING_MISSING_WWW_AUTHENTICATE, CAUSE_PLAIN,
    N_ ("a 401 without WWW-Authenticate (a proxy or gateway answered)") },
  { JD_FINDING_INSUFFICIENT_SCOPE, CAUSE_PLAIN,
    N_ ("the token lacks the scope the server wants (insufficient_scope)") },
  { "bearer-invalid-token", CAUSE_PLAIN, N_ ("the server answered invalid_token") },
  { "bearer-invalid-request", CAUSE_PLAIN, N_ ("the server answered invalid_request") },
  { JD_FINDING_SERVER_CLOCK_SKEW, CAUSE_PLAIN, N_ ("the server's clock is off") },
  { "key-discovery-failed", CAUSE_PLAIN, N_ ("the issuer's keys could not be discovered") },
  { "request-failed", CAUSE_PLAIN, N_ ("the request failed") },
};

static char *
cause_time (JdFinding *finding, JdToken *token, gint64 now)
{
  const char *claim = jd_finding_get_claim (finding);
  JsonObject *claims = jd_token_get_claims (token);
  JsonNode *node = claims && claim ? json_object_get_member (claims, claim) : NULL;
  double value;

  if (node == NULL || jd_numeric_date_read (node, &value) != JD_NUMERIC_DATE_VALID)
    return g_strdup (jd_finding_get_id (finding));
  return jd_time_format_relative (jd_time_claim_from_name (claim), value, now);
}

/* @format with its one "%s" replaced by @arg: the table's formats are
 * data, so they are not handed to printf. */
static char *
fill_in (const char *format, const char *arg)
{
  const char *at = strstr (format, "%s");

  if (at == NULL)
    return g_strdup (format);
  return g_strdup_printf ("%.*s%s%s", (int)(at - format), format, arg, at + 2);
}

char *
jd_verdict_describe_cause (JdFinding *finding, JdToken *token, const JdExpectations *expect)
{
  const char *id;
  g_autofree char *arg = NULL;

  g_return_val_if_fail (JD_IS_FINDING (finding), NULL);
  g_return_val_if_fail (JD_IS_TOKEN (token), NULL);
  g_return_val_if_fail (expect != NULL, NULL);

  id = jd_finding_get_id (finding);
  for (guint i = 0; i < G_N_ELEMENTS (causes); i++)
    {
      const CauseRow *row = &causes[i];

      if (!g_str_equal (row->id, id))
        continue;
      switch (row->arg)
        {
          case CAUSE_PLAIN:
            return g_strdup (_ (row->format));
          case CAUSE_TIME:
          case CAUSE_TIME_LEEWAY:
            arg = cause_time (finding, token, expect->now);
            break;
          case CAUSE_EXPECTED_AUD:
            arg = g_strdup (expect->audience ? expect->audience : "?");
            break;
          case CAUSE_EXPECTED_ISS:
            arg = g_strdup (expect->issuer ? expect->issuer : "?");
            break;
          case CAUSE_ALG:
            arg = g_strdup (jd_token_get_alg (token) ? jd_token_get_alg (token) : "?");
            break;
          case CAUSE_KID:
            arg = g_strdup (jd_token_get_kid (token) ? jd_token_get_kid (token) : "?");
            break;
          case CAUSE_CLAIM:
          default:
            arg = g_strdup (jd_finding_get_claim (finding) ? jd_finding_get_claim (finding)
                                                           : C_ ("cause", "token"));
            break;
        }
      return fill_in (row->arg == CAUSE_TIME ? row->format : _ (row->format), arg);
    }

  /* Not in the table: the id names the finding, the claim where it is. */
  if (jd_finding_get_claim (finding) != NULL)
    return g_strdup_printf ("%s (%s)", id, jd_finding_get_claim (finding));
  return g_strdup (id);
}

/* ---- the signature -------------------------------------------------------- */

static JdVerdictSignature
decide_signature (JdVerdict *self, guint *n_keys)
{
  JdToken *token = self->token;
  const char *alg = jd_token_get_alg (token);
  GListModel *verdicts;
  guint tried = 0;

  *n_keys = 0;
  if (jd_token_get_kind (token) == JD_TOKEN_KIND_JWE)
    return JD_VERDICT_SIGNATURE_ENCRYPTED;
  if (jd_token_get_kind (token) == JD_TOKEN_KIND_UNSECURED
      || (alg && g_ascii_strcasecmp (alg, "none") == 0))
    return JD_VERDICT_SIGNATURE_UNSIGNED;
  if (jd_token_is_malformed (token) || jd_token_get_kind (token) != JD_TOKEN_KIND_JWS)
    return JD_VERDICT_SIGNATURE_UNREADABLE;
  if (self->verification == NULL)
    return JD_VERDICT_SIGNATURE_NO_KEYS;

  verdicts = jd_verify_result_get_verdicts (self->verification);
  *n_keys = g_list_model_get_n_items (verdicts);
  switch (jd_verify_result_get_status (self->verification))
    {
      case JD_SIGNATURE_VALID:
        return JD_VERDICT_SIGNATURE_VALID;
      case JD_SIGNATURE_INVALID:
        return JD_VERDICT_SIGNATURE_INVALID;
      case JD_SIGNATURE_NONE:
        return JD_VERDICT_SIGNATURE_UNSIGNED;
      case JD_SIGNATURE_UNVERIFIED:
      default:
        break;
    }

  /* Not verified: why, from the per-key verdicts, never from a finding's
   * severity. */
  for (guint i = 0; i < *n_keys; i++)
    {
      g_autoptr (JdKeyVerdict) v = g_list_model_get_item (verdicts, i);
      tried += jd_key_verdict_get_tried (v);
    }
  if (*n_keys == 0)
    return jd_verify_result_get_secret_found (self->verification)
             ? JD_VERDICT_SIGNATURE_WELL_KNOWN_SECRET
             : JD_VERDICT_SIGNATURE_NO_KEYS;
  if (jd_findings_has (self->findings, JD_FINDING_KID_NOT_FOUND))
    return JD_VERDICT_SIGNATURE_KID_NOT_FOUND;
  if (jd_findings_has (self->findings, JD_FINDING_ALGORITHM_NOT_ALLOWED))
    return JD_VERDICT_SIGNATURE_ALG_NOT_ALLOWED;
  /* Keys given, none tried: none can check this token. (A tried key is
   * always valid or invalid, so the last line is for safety only.) */
  if (tried == 0)
    return JD_VERDICT_SIGNATURE_NO_USABLE_KEY;
  return JD_VERDICT_SIGNATURE_INVALID;
}

/* The key as the Keys table and the findings name it: its row and kid. */
static char *
key_name (JdVerifyResult *verification, JdKey *key)
{
  if (jd_key_is_user_secret (key))
    return g_strdup (_ ("the HMAC secret you gave"));
  return jd_verify_result_dup_key_label (verification, key);
}

static char *
signature_text (JdVerdict *self, guint n_keys)
{
  const char *alg = jd_token_get_alg (self->token) ? jd_token_get_alg (self->token) : "?";
  const char *kid = jd_token_get_kid (self->token);
  gboolean found = self->verification && jd_verify_result_get_secret_found (self->verification);

  switch (self->signature)
    {
      case JD_VERDICT_SIGNATURE_VALID:
        {
          g_autofree char *name
            = key_name (self->verification, jd_verify_result_get_key (self->verification));
          return g_strdup_printf (_ ("Signature valid: verified with %s."), name);
        }
      case JD_VERDICT_SIGNATURE_INVALID:
        if (jd_findings_has (self->findings, JD_FINDING_KEY_CONFUSION))
          return g_strdup_printf (
            _ ("Signature forged: a public key of the set works as the %s secret "
               "(key-confusion)."),
            alg);
        return g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE,
                       "Signature invalid: the %u key given does not verify it "
                       "(signature-invalid)%s.",
                       "Signature invalid: none of the %u keys given verifies it "
                       "(signature-invalid)%s.",
                       n_keys),
          n_keys, found ? _ ("; a well-known example secret does (weak-secret)") : "");
      case JD_VERDICT_SIGNATURE_NO_USABLE_KEY:
        return g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE,
                       "Signature not checked: %u key was given, but it cannot check "
                       "this %s token (no-usable-key; the Keys table says why).",
                       "Signature not checked: %u keys were given, but none can check "
                       "this %s token (no-usable-key; the Keys table says why).",
                       n_keys),
          n_keys, alg);
      case JD_VERDICT_SIGNATURE_KID_NOT_FOUND:
        return g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE,
                       "Signature not checked: the token's kid \"%s\" is not the kid "
                       "of the %u key given (kid-not-found).",
                       "Signature not checked: the token's kid \"%s\" is not among the "
                       "%u keys given (kid-not-found).",
                       n_keys),
          kid ? kid : "?", n_keys);
      case JD_VERDICT_SIGNATURE_ALG_NOT_ALLOWED:
        return g_strdup_printf (
          _ ("Signature not checked: %s is not an allowed algorithm, so a verifier "
             "refuses the token before it looks at keys (algorithm-not-allowed)."),
          alg);
      case JD_VERDICT_SIGNATURE_WELL_KNOWN_SECRET:
        return g_strdup_printf (
          _ ("No key was given, but the %s signature verifies with a well-known example "
             "secret JWT Doctor tried itself: anyone can forge such tokens (weak-secret)."),
          alg);
      case JD_VERDICT_SIGNATURE_UNSIGNED:
        return g_strdup_printf (
          _ ("Unsigned (alg \"%s\"): there is no signature, and a server must never "
             "accept the token (alg-none)."),
          alg);
      case JD_VERDICT_SIGNATURE_ENCRYPTED:
        return g_strdup_printf (
          _ ("Not checked: an encrypted token (JWE, alg %s) has no signature, and an "
             "API that expects a signed JWT cannot accept it (encrypted-token)."),
          alg);
      case JD_VERDICT_SIGNATURE_UNREADABLE:
        return g_strdup (_ ("Nothing could be checked: the token cannot be read (malformed)."));
      case JD_VERDICT_SIGNATURE_NO_KEYS:
      default:
        return g_strdup (
          _ ("Signature not checked: no key was given. Load the issuer's JWKS, a public key "
             "or the HMAC secret (Keys page, or --jwks / --key / --secret)."));
    }
}

/* ---- the rest ------------------------------------------------------------ */

static gboolean
signature_rejects (JdVerdictSignature signature)
{
  switch (signature)
    {
      case JD_VERDICT_SIGNATURE_INVALID:
      case JD_VERDICT_SIGNATURE_NO_USABLE_KEY:
      case JD_VERDICT_SIGNATURE_KID_NOT_FOUND:
      case JD_VERDICT_SIGNATURE_ALG_NOT_ALLOWED:
      case JD_VERDICT_SIGNATURE_UNSIGNED:
      case JD_VERDICT_SIGNATURE_ENCRYPTED:
      case JD_VERDICT_SIGNATURE_UNREADABLE:
        return TRUE;
      default:
        return FALSE;
    }
}

/* The finding that stands for a signature that rejects without an error
 * finding of its own (a no-usable-key or encrypted-token warning). */
static const char *
signature_finding_id (JdVerdictSignature signature)
{
  switch (signature)
    {
      case JD_VERDICT_SIGNATURE_NO_USABLE_KEY:
        return JD_FINDING_NO_USABLE_KEY;
      case JD_VERDICT_SIGNATURE_ENCRYPTED:
        return JD_FINDING_ENCRYPTED_TOKEN;
      case JD_VERDICT_SIGNATURE_UNREADABLE:
        return JD_FINDING_MALFORMED;
      default:
        return NULL;
    }
}

static void
decide_result (JdVerdict *self)
{
  JdFinding *first_warning = NULL;

  for (guint i = 0; i < self->findings->len; i++)
    {
      JdFinding *f = g_ptr_array_index (self->findings, i);

      if (jd_finding_get_severity (f) == JD_SEVERITY_ERROR && self->n_errors++ == 0)
        self->first_cause = f;
      else if (jd_finding_get_severity (f) == JD_SEVERITY_WARNING && self->n_warnings++ == 0)
        first_warning = f;
    }

  if (self->n_errors > 0 || signature_rejects (self->signature))
    {
      self->result = JD_VERDICT_REJECTED;
      if (self->first_cause == NULL && signature_finding_id (self->signature) != NULL)
        self->first_cause
          = jd_findings_find (self->findings, signature_finding_id (self->signature));
    }
  else if (self->n_warnings > 0)
    {
      self->result = JD_VERDICT_ACCEPTED_WITH_WARNINGS;
      self->first_cause = first_warning;
    }
  else
    self->result = JD_VERDICT_ACCEPTED;
}

static char *
make_headline (JdVerdict *self)
{
  g_autofree char *cause = NULL;

  if (self->first_cause != NULL)
    cause = jd_verdict_describe_cause (self->first_cause, self->token, self->expect);

  switch (self->result)
    {
      case JD_VERDICT_REJECTED:
        if (cause == NULL)
          cause = g_strdup (jd_verdict_signature_to_string (self->signature));
        if (self->n_errors > 1)
          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Rejected: %s (and %u more error)",
                                               "Rejected: %s (and %u more errors)",
                                               self->n_errors - 1),
                                  cause, self->n_errors - 1);
        return g_strdup_printf (_ ("Rejected: %s"), cause);
      case JD_VERDICT_ACCEPTED_WITH_WARNINGS:
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Accepted with %u warning: %s",
                                             "Accepted with %u warnings, first: %s",
                                             self->n_warnings),
                                self->n_warnings, cause);
      case JD_VERDICT_ACCEPTED:
      default:
        /* Never reads as a checked signature when it was not. */
        if (self->signature == JD_VERDICT_SIGNATURE_NO_KEYS)
          return g_strdup (_ ("Accepted: no problem found, but the signature was not checked"));
        return g_strdup (_ ("Accepted: no problem found"));
    }
}

static char *
make_judged_text (gint64 when, const char *reason)
{
  g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (when);
  g_autofree char *time = NULL;
  g_autofree char *date = NULL;

  if (dt == NULL)
    return g_strdup_printf (_ ("Judged at %lld, %s"), (long long)when, reason);
  time = g_date_time_format (dt, "%H:%M:%S");
  /* e.g. "28 May 2025" */
  date = g_date_time_format (dt, C_ ("judged-at date", "%-d %B %Y"));
  /* TRANSLATORS: "Judged at 14:11:05 UTC on 28 May 2025, when the request was sent" */
  return g_strdup_printf (_ ("Judged at %s UTC on %s, %s"), time, date, reason);
}

static void
decide_not_checked (JdVerdict *self)
{
  const char *aud = self->expect->audience, *iss = self->expect->issuer;
  gboolean no_aud = aud == NULL || *aud == '\0';
  gboolean no_iss = iss == NULL || *iss == '\0';
  JsonObject *claims = jd_token_get_claims (self->token);

  self->not_checked = g_ptr_array_new ();
  /* Only where there was something to check: a readable token. */
  if (claims != NULL && no_aud)
    g_ptr_array_add (self->not_checked, (gpointer) "aud");
  if (claims != NULL && no_iss)
    g_ptr_array_add (self->not_checked, (gpointer) "iss");
  g_ptr_array_add (self->not_checked, NULL);

  if (claims == NULL || (!no_aud && !no_iss))
    return;
  if (no_aud && no_iss)
    self->not_checked_text
      = g_strdup (_ ("\"aud\" and \"iss\" were not checked: no expected audience or issuer "
                     "is set (--aud / --iss in the CLI, Expectations (Ctrl+,) in the window)."));
  else if (no_aud)
    self->not_checked_text
      = g_strdup (_ ("\"aud\" was not checked: no expected audience is set (--aud in the "
                     "CLI, Expectations (Ctrl+,) in the window)."));
  else
    self->not_checked_text
      = g_strdup (_ ("\"iss\" was not checked: no expected issuer is set (--iss in the "
                     "CLI, Expectations (Ctrl+,) in the window)."));
}

JdVerdict *
jd_verdict_new (JdToken *token, GPtrArray *findings, JdVerifyResult *verification,
                const JdExpectations *expect, const char *judged_reason)
{
  JdVerdict *self;
  guint n_keys;

  g_return_val_if_fail (JD_IS_TOKEN (token), NULL);
  g_return_val_if_fail (findings != NULL, NULL);
  g_return_val_if_fail (verification == NULL || JD_IS_VERIFY_RESULT (verification), NULL);

  self = g_object_new (JD_TYPE_VERDICT, NULL);
  self->token = g_object_ref (token);
  self->findings = g_ptr_array_ref (findings);
  self->verification = verification ? g_object_ref (verification) : NULL;
  self->expect = expect ? jd_expectations_copy (expect) : jd_expectations_new ();

  self->signature = decide_signature (self, &n_keys);
  self->signature_text = signature_text (self, n_keys);
  decide_result (self);
  self->headline = make_headline (self);

  self->judged_at = self->expect->now;
  if (judged_reason != NULL && *judged_reason != '\0')
    {
      self->judged_reason = g_strdup (judged_reason);
      self->judged_text = make_judged_text (self->judged_at, judged_reason);
    }
  decide_not_checked (self);
  return self;
}

static void
jd_verdict_finalize (GObject *object)
{
  JdVerdict *self = JD_VERDICT (object);

  g_clear_object (&self->token);
  g_clear_object (&self->verification);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->expect, jd_expectations_free);
  g_free (self->headline);
  g_free (self->signature_text);
  g_free (self->judged_reason);
  g_free (self->judged_text);
  g_clear_pointer (&self->not_checked, g_ptr_array_unref);
  g_free (self->not_checked_text);
  G_OBJECT_CLASS (jd_verdict_parent_class)->finalize (object);
}

static void
jd_verdict_class_init (JdVerdictClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jd_verdict_finalize;
}

static void
jd_verdict_init (JdVerdict *self)
{
}

#define GETTER(type, name, field)                                                                  \
  type jd_verdict_get_##name (JdVerdict *self)                                                     \
  {                                                                                                \
    g_return_val_if_fail (JD_IS_VERDICT (self), (type)0);                                          \
    return self->field;                                                                            \
  }

GETTER (JdVerdictResult, result, result)
GETTER (JdToken *, token, token)
GETTER (JdVerifyResult *, verification, verification)
GETTER (GPtrArray *, findings, findings)
GETTER (guint, n_errors, n_errors)
GETTER (guint, n_warnings, n_warnings)
GETTER (JdFinding *, first_cause, first_cause)
GETTER (const char *, headline, headline)
GETTER (JdVerdictSignature, signature, signature)
GETTER (const char *, signature_text, signature_text)
GETTER (gint64, judged_at, judged_at)
GETTER (const char *, judged_reason, judged_reason)
GETTER (const char *, judged_text, judged_text)
GETTER (const char *, not_checked_text, not_checked_text)

#undef GETTER

gboolean
jd_verdict_get_judged_now (JdVerdict *self)
{
  g_return_val_if_fail (JD_IS_VERDICT (self), TRUE);
  return self->judged_reason == NULL;
}

const char *const *
jd_verdict_get_not_checked (JdVerdict *self)
{
  g_return_val_if_fail (JD_IS_VERDICT (self), NULL);
  return (const char *const *)self->not_checked->pdata;
}

char *
jd_verdict_dup_detail (JdVerdict *self)
{
  g_return_val_if_fail (JD_IS_VERDICT (self), NULL);

  if (self->not_checked_text == NULL)
    return g_strdup (self->signature_text);
  return g_strdup_printf ("%s %s", self->signature_text, self->not_checked_text);
}
