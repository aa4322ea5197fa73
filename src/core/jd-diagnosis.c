/* jd-diagnosis.c — the ranked checklist: why would a server answer 401?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <time.h>
#include <glib/gi18n-lib.h>

#include "jd-diagnosis.h"
#include "jd-evidence.h"
#include "jd-input.h"
#include "jd-near-miss.h"
#include "jd-providers.h"
#include "jd-server-messages.h"
#include "jd-time.h"
#include "jd-token-kinds.h"
#include "jd-verify.h"

#define SHORT_LIFETIME 300 /* seconds: below this, refresh bursts flap 401s */
#define EXPIRES_SOON 300

/* ---- wording ------------------------------------------------------------ */

static char *
format_instant (double t)
{
  /* gmtime_r rather than GDateTime: this runs on every keystroke. */
  time_t secs;
  struct tm tm;

  if (!(t > -62135596800.0 && t < 253402300800.0))
    return g_strdup_printf ("%.0f", t);
  secs = (time_t)floor (t);
  if (gmtime_r (&secs, &tm) == NULL)
    return g_strdup_printf ("%.0f", t);
  return g_strdup_printf ("%04d-%02d-%02d %02d:%02d:%02d UTC", tm.tm_year + 1900, tm.tm_mon + 1,
                          tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/* ---- claims ------------------------------------------------------------- */

typedef enum
{
  TIME_ABSENT,
  TIME_OK,
  TIME_INVALID,
} TimeClaim;

static TimeClaim
get_time_claim (JsonObject *claims, const char *name, double *out)
{
  switch (jd_numeric_date_read (json_object_get_member (claims, name), out))
    {
      case JD_NUMERIC_DATE_MISSING:
        return TIME_ABSENT;
      case JD_NUMERIC_DATE_VALID:
        return TIME_OK;
      default:
        return TIME_INVALID;
    }
}

static void
check_time_claim_type (GPtrArray *out, JsonObject *claims, const char *name)
{
  g_autofree char *msg = jd_numeric_date_problem (name, json_object_get_member (claims, name));
  /* exp, nbf and iat: verifiers reject a token whose time claims are not numbers (jd-time.h). */
  gboolean is_limit
    = g_str_equal (name, "exp") || g_str_equal (name, "nbf") || g_str_equal (name, "iat");

  g_assert (msg != NULL);
  jd_findings_add (out, "invalid-numeric-date", is_limit ? JD_SEVERITY_ERROR : JD_SEVERITY_WARNING,
                   is_limit ? JD_RANK_EXPIRED : JD_RANK_CLOCK_SKEW, name, msg,
                   _ ("Have the issuer write the claim as a number of seconds since 1970, e.g. "
                      "1748441531 — not a date string, and not milliseconds."));
}

/* exp: expired, expired within the leeway, expiring soon, or fine. */
static void
check_exp (GPtrArray *out, double exp, gint64 now, gint64 L)
{
  g_autofree char *when = format_instant (exp);

  if ((double)now >= exp + L)
    {
      g_autofree char *ago = jd_time_format_duration ((gint64)floor (now - exp));
      g_autofree char *msg = g_strdup_printf (_ ("The token expired %s ago, at %s"), ago, when);
      jd_findings_add (out, JD_FINDING_EXPIRED, JD_SEVERITY_ERROR, JD_RANK_EXPIRED, "exp", msg,
                       _ ("Get a new token: use the refresh token or sign in again. If a fresh "
                          "token fails the same way, compare the clocks of client and server."));
    }
  else if ((double)now >= exp)
    {
      g_autofree char *ago = jd_time_format_duration ((gint64)floor (now - exp));
      g_autofree char *leeway = jd_time_format_duration (L);
      g_autofree char *msg = g_strdup_printf (_ ("The token expired %s ago, at %s; it passes only "
                                                 "because of the %s leeway"),
                                              ago, when, leeway);
      jd_findings_add (
        out, JD_FINDING_EXPIRED_WITHIN_LEEWAY, JD_SEVERITY_WARNING, JD_RANK_EXPIRED, "exp", msg,
        _ ("A verifier with less leeway rejects it now: refresh the token before it expires."));
    }
  else if (exp - now <= L)
    {
      g_autofree char *in = jd_time_format_duration ((gint64)ceil (exp - now));
      g_autofree char *msg
        = g_strdup_printf (_ ("The token expires in %s, within the leeway: "
                              "a server whose clock is ahead already rejects it"),
                           in);
      jd_findings_add (out, "expires-soon", JD_SEVERITY_WARNING, JD_RANK_EXPIRED, "exp", msg,
                       _ ("Refresh the token a little before it expires, not at the last second."));
    }
  else if (exp - now <= EXPIRES_SOON)
    {
      g_autofree char *in = jd_time_format_duration ((gint64)ceil (exp - now));
      g_autofree char *msg = g_strdup_printf (_ ("The token expires in %s, at %s"), in, when);
      /* A warning, as the badge shows it: requests in flight then start to fail. */
      jd_findings_add (out, "expires-soon", JD_SEVERITY_WARNING, JD_RANK_EXPIRED, "exp", msg,
                       _ ("Requests made after that need a fresh token."));
    }
  else
    {
      g_autofree char *in = jd_time_format_duration ((gint64)floor (exp - now));
      g_autofree char *msg
        = g_strdup_printf (_ ("Not expired: valid for another %s, until %s"), in, when);
      jd_findings_add (out, "not-expired", JD_SEVERITY_OK, JD_RANK_EXPIRED, "exp", msg, NULL);
    }
}

/* nbf in the future: beyond the leeway or within it. */
static void
check_nbf (GPtrArray *out, double nbf, gint64 now, gint64 L)
{
  g_autofree char *ahead = jd_time_format_duration ((gint64)ceil (nbf - now));
  g_autofree char *when = format_instant (nbf);
  gboolean beyond = nbf > (double)(now + L);
  g_autofree char *msg
    = g_strdup_printf (beyond ? _ ("The token is not valid for another %s (nbf is %s)")
                              : _ ("The token becomes valid in %s (nbf is %s); "
                                   "only the leeway lets it through"),
                       ahead, when);
  jd_findings_add (
    out, beyond ? JD_FINDING_NOT_YET_VALID : JD_FINDING_NOT_YET_VALID_WITHIN_LEEWAY,
    beyond ? JD_SEVERITY_ERROR : JD_SEVERITY_WARNING, JD_RANK_CLOCK_SKEW, "nbf", msg,
    _ ("Clock skew: check that client, issuer and API servers keep time with NTP. "
       "A token used right after it is issued must not carry an nbf in the future."));
}

/* iat in the future: beyond the leeway or within it. */
static void
check_iat (GPtrArray *out, double iat, gint64 now, gint64 L)
{
  g_autofree char *ahead = jd_time_format_duration ((gint64)ceil (iat - now));
  gboolean beyond = iat > (double)(now + L);
  g_autofree char *msg
    = g_strdup_printf (beyond ? _ ("The token was issued %s in the future: the "
                                   "issuer's clock is ahead of this one")
                              : _ ("The token was issued %s in the future, within "
                                   "the leeway"),
                       ahead);
  jd_findings_add (out,
                   beyond ? JD_FINDING_ISSUED_IN_FUTURE : JD_FINDING_ISSUED_IN_FUTURE_WITHIN_LEEWAY,
                   beyond ? JD_SEVERITY_ERROR : JD_SEVERITY_WARNING, JD_RANK_CLOCK_SKEW, "iat", msg,
                   _ ("Clock skew: synchronise the clocks of the issuer and the API servers (NTP), "
                      "or allow a small leeway in the verifier."));
}

/* exp − iat under SHORT_LIFETIME. */
static void
check_lifetime (GPtrArray *out, double exp, double iat)
{
  g_autofree char *life = jd_time_format_duration ((gint64)(exp - iat));
  g_autofree char *msg = g_strdup_printf (_ ("The token lives only %s (exp − iat): clients that "
                                             "refresh late or in bursts see 401s come and go"),
                                          life);
  jd_findings_add (out, "short-lifetime", JD_SEVERITY_INFO, JD_RANK_INFO, "exp", msg,
                   /* xgettext:no-c-format */
                   _ ("Refresh tokens ahead of expiry (e.g. at 80% of their lifetime), or lengthen "
                      "the access token lifetime at the issuer."));
}

static void
check_times (GPtrArray *out, JsonObject *claims, const JdExpectations *expect)
{
  const gint64 now = expect->now;
  const gint64 L = MAX (expect->leeway, 0);
  double exp = 0, nbf = 0, iat = 0;
  TimeClaim has_exp = get_time_claim (claims, "exp", &exp);
  TimeClaim has_nbf = get_time_claim (claims, "nbf", &nbf);
  TimeClaim has_iat = get_time_claim (claims, "iat", &iat);

  if (has_exp == TIME_INVALID)
    check_time_claim_type (out, claims, "exp");
  if (has_nbf == TIME_INVALID)
    check_time_claim_type (out, claims, "nbf");
  if (has_iat == TIME_INVALID)
    check_time_claim_type (out, claims, "iat");

  if (has_exp == TIME_ABSENT)
    jd_findings_add (
      out, "missing-exp", JD_SEVERITY_WARNING, JD_RANK_EXPIRED, "exp",
      _ ("The token has no \"exp\": it never expires, and many servers refuse such tokens"),
      _ ("Configure the issuer to set an expiry; short-lived access tokens are the norm."));
  else if (has_exp == TIME_OK)
    check_exp (out, exp, now, L);

  if (has_nbf == TIME_OK && nbf > (double)now)
    check_nbf (out, nbf, now, L);
  if (has_iat == TIME_OK && iat > (double)now)
    check_iat (out, iat, now, L);
  if (has_exp == TIME_OK && has_iat == TIME_OK && exp > iat && exp - iat < SHORT_LIFETIME)
    check_lifetime (out, exp, iat);
}

/* ---- aud and iss -------------------------------------------------------- */

static GPtrArray *
audience_values (JsonNode *aud, gboolean *bad)
{
  GPtrArray *values = g_ptr_array_new ();

  *bad = FALSE;
  if (JSON_NODE_HOLDS_VALUE (aud) && json_node_get_value_type (aud) == G_TYPE_STRING)
    g_ptr_array_add (values, (gpointer)json_node_get_string (aud));
  else if (JSON_NODE_HOLDS_ARRAY (aud))
    {
      JsonArray *array = json_node_get_array (aud);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *e = json_array_get_element (array, i);
          if (JSON_NODE_HOLDS_VALUE (e) && json_node_get_value_type (e) == G_TYPE_STRING)
            g_ptr_array_add (values, (gpointer)json_node_get_string (e));
          else
            *bad = TRUE;
        }
    }
  else
    *bad = TRUE;
  return values;
}

/* "Keycloak: …" when the provider is known. Takes @msg. */
static char *
with_provider (const JdProvider *provider, char *msg)
{
  char *out;

  if (provider == NULL)
    return msg;
  out = g_strdup_printf ("%s: %s", provider->name, msg);
  g_free (msg);
  return out;
}

/* Cognito-like access tokens: no aud, the client is in client_id. */
static char *
audience_absent_message (JsonObject *claims, const char *want, const JdProvider *provider)
{
  const char *client_id = jd_provider_get_string (claims, "client_id");

  if (provider == NULL || provider->aud_rule != JD_PROVIDER_AUD_CLIENT_ID || client_id == NULL)
    return g_strdup_printf (_ ("The token has no \"aud\"; the API expects \"%s\""), want);
  if (g_str_equal (client_id, want))
    return g_strdup_printf (
      _ ("access tokens carry no \"aud\"; \"client_id\" is \"%s\", exactly what the "
         "API expects as \"aud\": the API checks the wrong claim"),
      client_id);
  return g_strdup_printf (
    _ ("access tokens carry no \"aud\"; the app client is in \"client_id\" (\"%s\"), "
       "and the API expects \"%s\""),
    client_id, want);
}

static void
check_audience (GPtrArray *out, JsonObject *claims, const JdExpectations *expect,
                const JdProvider *provider)
{
  const char *want = expect->audience;
  JsonNode *aud = json_object_get_member (claims, "aud");
  g_autoptr (GPtrArray) values = NULL;
  g_autofree char *msg = NULL;
  gboolean bad;
  const char *whose;
  const char *fix
    = provider ? jd_provider_text (provider->aud_fix)
               : _ ("Request the token for this API: set the audience (or resource / scope) in "
                    "the client's token request, or the API identifier in the identity "
                    "provider, to exactly what the API checks.");

  if (want == NULL || *want == '\0')
    return;

  if (aud == NULL)
    {
      msg = with_provider (provider, audience_absent_message (claims, want, provider));
      jd_findings_add (out, JD_FINDING_AUDIENCE_MISMATCH, JD_SEVERITY_ERROR, JD_RANK_AUDIENCE,
                       "aud", msg, fix);
      return;
    }

  /* An ID token or the like is not "another service's token": wrong-token-kind says what it is. */
  whose = jd_findings_has (out, JD_FINDING_WRONG_TOKEN_KIND)
            ? _ ("it is not an access token for this API (wrong-token-kind says what it is)")
            : _ ("another service's token");
  values = audience_values (aud, &bad);
  for (guint i = 0; i < values->len; i++)
    if (g_str_equal (g_ptr_array_index (values, i), want))
      {
        msg = g_strdup_printf (_ ("\"aud\" contains \"%s\", as the API expects"), want);
        jd_findings_add (out, "audience-ok", JD_SEVERITY_OK, JD_RANK_AUDIENCE, "aud", msg, NULL);
        return;
      }

  for (guint i = 0; i < values->len && msg == NULL; i++)
    {
      const char *got = g_ptr_array_index (values, i);
      g_autofree char *why = jd_near_miss_explain (got, want, provider, NULL);
      if (why != NULL)
        msg = g_strdup_printf (_ ("\"aud\" is \"%s\" but the API expects \"%s\": %s"), got, want,
                               why);
    }
  if (msg == NULL && values->len == 1)
    {
      const char *row = NULL;
      g_autofree char *why
        = jd_near_miss_describe (g_ptr_array_index (values, 0), want, provider, &row);
      if (g_str_equal (row, JD_NEAR_MISS_NOTHING_IN_COMMON))
        /* Translators: the last %s is "another service's token" or what kind of token it is. */
        msg = g_strdup_printf (_ ("The token was minted for \"%s\", not for \"%s\": %s"),
                               (char *)g_ptr_array_index (values, 0), want, whose);
      else
        msg = g_strdup_printf (_ ("The token was minted for \"%s\", not for \"%s\" (%s): %s"),
                               (char *)g_ptr_array_index (values, 0), want, why, whose);
    }
  else if (msg == NULL)
    {
      g_autoptr (GString) list = g_string_new (NULL);
      for (guint i = 0; i < values->len; i++)
        g_string_append_printf (list, "%s\"%s\"", i ? ", " : "",
                                (char *)g_ptr_array_index (values, i));
      if (values->len == 0)
        msg = g_strdup_printf (
          bad ? _ ("\"aud\" is neither a string nor an array of strings; the API "
                   "expects \"%s\"")
              : _ ("\"aud\" is an empty array; the API expects \"%s\""),
          want);
      else
        msg = g_strdup_printf (_ ("The token was minted for %s, not for \"%s\": %s"), list->str,
                               want, whose);
    }
  {
    /* Keycloak's azp vs aud, and the like: the expected value is the client. */
    g_autofree char *other = jd_near_miss_other_claim (claims, want);
    if (other != NULL)
      {
        char *joined = g_strconcat (msg, "; ", other, NULL);
        g_free (msg);
        msg = joined;
      }
  }
  msg = with_provider (provider, msg);
  jd_findings_add (out, JD_FINDING_AUDIENCE_MISMATCH, JD_SEVERITY_ERROR, JD_RANK_AUDIENCE, "aud",
                   msg, fix);
}

static void
check_issuer (GPtrArray *out, JsonObject *claims, const JdExpectations *expect,
              const JdProvider *provider)
{
  const char *want = expect->issuer;
  JsonNode *node = json_object_get_member (claims, "iss");
  const char *got = NULL;
  g_autofree char *msg = NULL;
  g_autofree char *why = NULL;
  const char *fix
    = provider ? jd_provider_text (provider->iss_fix)
               : _ ("Check which environment minted the token (staging vs production, another "
                    "tenant or realm): compare the issuer URL in the client's and the API's "
                    "configuration, e.g. their environment variables.");

  if (want == NULL || *want == '\0')
    return;

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node)
      && json_node_get_value_type (node) == G_TYPE_STRING)
    got = json_node_get_string (node);

  if (got == NULL)
    {
      why = node ? jd_near_miss_shape (node, want) : NULL;
      if (why != NULL)
        msg
          = g_strdup_printf (_ ("\"iss\" is not a string; the API expects \"%s\": %s"), want, why);
      else
        msg = g_strdup_printf (node ? _ ("\"iss\" is not a string; the API expects \"%s\"")
                                    : _ ("The token has no \"iss\"; the API expects \"%s\""),
                               want);
      msg = with_provider (provider, g_steal_pointer (&msg));
      jd_findings_add (out, JD_FINDING_ISSUER_MISMATCH, JD_SEVERITY_ERROR, JD_RANK_ISSUER, "iss",
                       msg, fix);
      return;
    }
  if (g_str_equal (got, want))
    {
      msg = g_strdup_printf (_ ("\"iss\" is \"%s\", as the API expects"), want);
      jd_findings_add (out, "issuer-ok", JD_SEVERITY_OK, JD_RANK_ISSUER, "iss", msg, NULL);
      return;
    }

  why = jd_near_miss_explain (got, want, provider, NULL);
  if (why != NULL)
    msg = g_strdup_printf (_ ("\"iss\" is \"%s\" but the API expects \"%s\": %s"), got, want, why);
  else
    {
      why = jd_near_miss_describe (got, want, provider, NULL);
      msg = g_strdup_printf (
        _ ("The token comes from \"%s\", but the API trusts \"%s\" (%s): another "
           "tenant or environment"),
        got, want, why);
    }
  msg = with_provider (provider, g_steal_pointer (&msg));
  jd_findings_add (out, JD_FINDING_ISSUER_MISMATCH, JD_SEVERITY_ERROR, JD_RANK_ISSUER, "iss", msg,
                   fix);
}

/* ---- algorithm ---------------------------------------------------------- */

static void
check_algorithm (GPtrArray *out, JdToken *token, const JdExpectations *expect)
{
  const char *alg = jd_token_get_alg (token);
  g_autofree char *msg = NULL;

  if (jd_token_get_kind (token) == JD_TOKEN_KIND_JWE || alg == NULL)
    return;

  if (g_str_equal (alg, "none") || g_ascii_strcasecmp (alg, "none") == 0)
    {
      msg = g_strdup_printf (
        _ ("\"alg\" is \"%s\": the token is unsigned, so anyone could have written "
           "it. No verifier may accept it"),
        alg);
      jd_findings_add (out, JD_FINDING_ALG_NONE, JD_SEVERITY_ERROR, JD_RANK_ALGORITHM, "alg", msg,
                       _ ("Treat this as a security incident, not a curiosity: find who issued an "
                          "unsigned token, and make sure the API's algorithm allow-list excludes "
                          "\"none\" in every case."));
      return;
    }

  if (expect->algorithms != NULL && expect->algorithms[0] != NULL)
    {
      if (!g_strv_contains ((const char *const *)expect->algorithms, alg))
        {
          g_autofree char *allowed = g_strjoinv (", ", expect->algorithms);
          msg = g_strdup_printf (_ ("\"alg\" is %s, but the API accepts only %s"), alg, allowed);
          jd_findings_add (
            out, JD_FINDING_ALGORITHM_NOT_ALLOWED, JD_SEVERITY_ERROR, JD_RANK_ALGORITHM, "alg", msg,
            _ ("Sign the token with an algorithm the API allows, or add this one to the "
               "API's allow-list if it is really meant to be accepted (never mix HS* "
               "and RS* for one issuer)."));
        }
      return;
    }

  if (!g_strv_contains (jd_verify_get_algorithms (), alg))
    {
      msg = g_strdup_printf (
        _ ("\"alg\" is \"%s\", which is not a JWS signature algorithm of RFC 7518 "
           "or RFC 8037"),
        alg);
      jd_findings_add (
        out, JD_FINDING_ALGORITHM_NOT_ALLOWED, JD_SEVERITY_ERROR, JD_RANK_ALGORITHM, "alg", msg,
        _ ("Algorithm names are case-sensitive: use one of HS256, RS256, PS256, ES256, EdDSA …"));
    }
}

/* ---- the whole token ---------------------------------------------------- */

static const char *
fix_for_problem (const JdTokenProblem *p)
{
  switch (p->code)
    {
      case JD_TOKEN_ERROR_EMPTY:
        return _ ("Paste a token, an Authorization header or a curl command.");
      case JD_TOKEN_ERROR_SEGMENTS:
        return _ (
          "Copy the whole token: it is often cut at a line break or by a log that truncates "
          "long values. An opaque (non-JWT) access token can only be checked by its issuer's "
          "introspection endpoint.");
      case JD_TOKEN_ERROR_BASE64:
        return _ (
          "JWT segments are base64url without padding (RFC 7515 §2). Whoever built this "
          "token used standard base64, added '=' padding, or the text was altered on the way "
          "(URL-encoding, line wrapping, copying).");
      case JD_TOKEN_ERROR_DUPLICATE_MEMBER:
        return _ (
          "A name that appears twice is read differently by different libraries (first wins "
          "or last wins): verifiers are right to reject it. Fix the code that builds the token.");
      case JD_TOKEN_ERROR_TOO_LARGE:
        return _ ("Paste only the token.");
      case JD_TOKEN_ERROR_GLUED:
        return _ ("Paste one token: two were run together, the second starting where the message "
                  "says. Copy the one from the failing request's Authorization header.");
      default:
        return _ ("Fix the code that builds the token; the message says which byte is wrong.");
    }
}

static void
add_problems (GPtrArray *out, JdToken *token, const JdProvider *provider)
{
  GPtrArray *problems = jd_token_get_problems (token);

  for (guint i = 0; i < problems->len; i++)
    {
      JdTokenProblem *p = g_ptr_array_index (problems, i);
      const char *claim = p->segment == 0   ? "header"
                          : p->segment == 1 ? "payload"
                          : p->segment == 2 ? "signature"
                                            : NULL;
      /* AWS ALB pads by design: provider-alb-token says so once. */
      if (jd_provider_excuses_problem (provider, token, p))
        continue;
      jd_findings_add (out, JD_FINDING_MALFORMED, JD_SEVERITY_ERROR, JD_RANK_MALFORMED,
                       jd_token_get_n_segments (token) == 3 ? claim : NULL, p->message,
                       fix_for_problem (p));
    }
}

/* A server's message in the paste (jd-server-messages.h): the aud / iss it
 * expects stand in for those the person did not set (*@expect then points
 * to *@filled). Returns whether the paste is only a message (no token in
 * the text, or the message stands where the token would): the report then
 * comes from the message, not from decoding it. */
static gboolean
paste_messages (GPtrArray *out, JdInput *input, const JdExpectations **expect,
                JdExpectations **filled)
{
  GPtrArray *messages = input != NULL ? jd_input_get_server_messages (input) : NULL;

  if (messages == NULL || messages->len == 0)
    return FALSE;
  *filled = jd_expectations_copy (*expect);
  if (jd_diagnosis_fill_expectations (*filled, input))
    *expect = *filled;
  if (!jd_input_is_server_message (input))
    return FALSE;
  jd_findings_add (out, JD_FINDING_MESSAGE_WITHOUT_TOKEN, JD_SEVERITY_INFO, JD_RANK_INFO, NULL,
                   _ ("There is no token here, only the server's message: what follows comes from "
                      "the message alone"),
                   _ ("Paste the token together with the message (on a line before or after it) to "
                      "check the token against the server's words."));
  return TRUE;
}

gboolean
jd_diagnosis_fill_expectations (JdExpectations *expect, JdInput *input)
{
  GPtrArray *messages = input != NULL ? jd_input_get_server_messages (input) : NULL;

  g_return_val_if_fail (expect != NULL, FALSE);
  return messages != NULL && jd_server_messages_fill_expectations (messages, expect);
}

/* The paste's own findings, copied into @out. Returns TRUE when the paste
 * was refused whole (too large): none of it was read, so there is no
 * token to say anything of ("there is no token here" would be a second
 * error for the same cause). */
static gboolean
add_input_findings (GPtrArray *out, JdInput *input)
{
  GPtrArray *paste;

  if (input == NULL)
    return FALSE;
  paste = jd_input_get_findings (input);
  for (guint i = 0; paste != NULL && i < paste->len; i++)
    g_ptr_array_add (out, g_object_ref (g_ptr_array_index (paste, i)));
  return jd_input_get_error (input) != NULL;
}

static void
check_encrypted (GPtrArray *out, JdToken *token)
{
  const char *enc = NULL;
  JsonObject *header = jd_token_get_header (token);
  g_autofree char *msg = NULL;

  JsonNode *enc_node = header ? json_object_get_member (header, "enc") : NULL;

  if (enc_node != NULL && JSON_NODE_HOLDS_VALUE (enc_node)
      && json_node_get_value_type (enc_node) == G_TYPE_STRING)
    enc = json_node_get_string (enc_node);
  msg
    = g_strdup_printf (_ ("This is an encrypted token (JWE, alg %s, enc %s): only the holder of "
                          "the decryption key can read its claims"),
                       jd_token_get_alg (token) ? jd_token_get_alg (token) : "?", enc ? enc : "?");
  /* An error: an API that expects a signed JWT rejects it, so it is never "Accepted" (#12). */
  jd_findings_add (out, JD_FINDING_ENCRYPTED_TOKEN, JD_SEVERITY_ERROR, JD_RANK_MALFORMED, NULL, msg,
                   _ ("An API that expects a signed JWT cannot use it. Identity providers issue "
                      "encrypted or opaque access tokens when no audience (API identifier) is "
                      "requested — Auth0 does so without an \"audience\" parameter: request the "
                      "token for your API."));
}

/* An error, never "Accepted": the outer signature says nothing about the
 * inner token's signature, exp, aud or iss, none of which were checked. */
static void
check_nested (GPtrArray *out, JdToken *token)
{
  g_autofree char *msg = g_strdup_printf (
    _ ("This is a nested JWT (cty \"JWT\", outer alg %s): its payload is another token, not "
       "a claims set. An API that expects a signed JWT rejects it, and the inner token's "
       "signature, exp, aud and iss were not checked (RFC 7519 §5.2, §7.2 step 8)"),
    jd_token_get_alg (token) ? jd_token_get_alg (token) : "?");
  jd_findings_add (out, "nested-token", JD_SEVERITY_ERROR, JD_RANK_MALFORMED, "cty", msg,
                   _ ("Send the inner token (the payload) itself, and paste it here to "
                      "diagnose it."));
}

/* The verification's findings, and a note when no key was given (no
 * verification, or one with an empty key set that found no well-known
 * secret either): said whoever called. */
static void
add_signature_findings (GPtrArray *out, JdToken *token, JdVerifyResult *verification)
{
  if (verification != NULL)
    {
      GPtrArray *vf = jd_verify_result_get_findings (verification);
      for (guint i = 0; vf != NULL && i < vf->len; i++)
        g_ptr_array_add (out, g_object_ref (g_ptr_array_index (vf, i)));
    }
  if (jd_token_get_kind (token) == JD_TOKEN_KIND_JWS
      && (verification == NULL
          || (jd_verify_result_get_status (verification) == JD_SIGNATURE_UNVERIFIED
              && g_list_model_get_n_items (jd_verify_result_get_verdicts (verification)) == 0
              && !jd_verify_result_get_secret_found (verification))))
    jd_findings_add (out, "signature-unverified", JD_SEVERITY_INFO, JD_RANK_SIGNATURE, NULL,
                     _ ("The signature was not checked: no key was given"),
                     _ ("Load the issuer's JWKS, a public key or the HMAC secret (Keys page, or "
                        "--jwks / --key / --secret) to check it."));
}

GPtrArray *
jd_diagnose (JdToken *token, const JdExpectations *expect, JdVerifyResult *verification,
             JdInput *input)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (JdExpectations) defaults = NULL;
  g_autoptr (JdExpectations) filled = NULL;
  const JdExpectations *given = expect;
  JsonObject *claims;
  const JdProvider *provider;
  gboolean message_only;

  g_return_val_if_fail (JD_IS_TOKEN (token), NULL);

  if (expect == NULL)
    expect = defaults = jd_expectations_new ();

  if (add_input_findings (out, input))
    {
      jd_findings_sort (out);
      return g_steal_pointer (&out);
    }

  message_only = paste_messages (out, input, &expect, &filled);
  provider = jd_providers_detect (jd_token_get_header (token), jd_token_get_claims (token));
  /* "undefined", "ya29.…", an ID token: said once, by what it is. */
  if (!message_only
      && !jd_token_kinds_check (out, token, input ? jd_input_get_findings (input) : NULL, expect))
    add_problems (out, token, provider);

  if (jd_token_get_kind (token) == JD_TOKEN_KIND_JWE)
    check_encrypted (out, token);

  check_algorithm (out, token, expect);
  jd_evidence_check (out, token, expect, verification);

  claims = jd_token_get_claims (token);
  if (claims != NULL)
    {
      check_times (out, claims, expect);
      check_audience (out, claims, expect, provider);
      check_issuer (out, claims, expect, provider);
      jd_claim_names_check (out, claims);
    }
  jd_provider_rules_check (out, provider, token);

  if (jd_token_is_nested (token))
    check_nested (out, token);

  jd_server_messages_diagnose (input ? jd_input_get_server_messages (input) : NULL,
                               message_only ? NULL : token, expect, given, out);
  add_signature_findings (out, token, verification);

  jd_findings_sort (out);
  return g_steal_pointer (&out);
}
