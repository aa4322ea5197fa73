/* jd-response-diagnosis.c — what a server's answer says about a token
 *
 * The checker that turns a JdResponse into findings: the status (401 vs
 * 403), the WWW-Authenticate challenges (or their absence), RFC 6750
 * errors, scopes the token lacks, the server's clock, and the server's own
 * words. The RFC 7235 parser it reads the challenges with is
 * jd-www-authenticate.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "jd-providers.h"
#include "jd-server-messages.h"
#include "jd-time.h"
#include "jd-www-authenticate-private.h"

/* The token's scopes: "scope" (RFC 8693 / RFC 9068, space-separated) or
 * "scp" (a string or an array, as Azure AD and Okta write it). */
static GPtrArray *
token_scopes (JdToken *token, const char **claim)
{
  JsonObject *claims;
  static const char *const names[] = { "scope", "scp" };

  if (token == NULL || (claims = jd_token_get_claims (token)) == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      JsonNode *node;
      GPtrArray *scopes;

      if (!json_object_has_member (claims, names[i]))
        continue;
      node = json_object_get_member (claims, names[i]);
      scopes = g_ptr_array_new_with_free_func (g_free);
      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        {
          g_auto (GStrv) parts = g_strsplit (json_node_get_string (node), " ", -1);
          for (guint j = 0; parts[j] != NULL; j++)
            if (*parts[j] != '\0')
              g_ptr_array_add (scopes, g_strdup (parts[j]));
        }
      else if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);
          for (guint j = 0; j < json_array_get_length (array); j++)
            {
              JsonNode *element = json_array_get_element (array, j);
              if (JSON_NODE_HOLDS_VALUE (element)
                  && json_node_get_value_type (element) == G_TYPE_STRING)
                g_ptr_array_add (scopes, g_strdup (json_node_get_string (element)));
            }
        }
      *claim = names[i];
      return scopes;
    }
  return NULL;
}

static gboolean
scopes_contain (GPtrArray *scopes, const char *scope)
{
  for (guint i = 0; scopes != NULL && i < scopes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (scopes, i), scope) == 0)
      return TRUE;
  return FALSE;
}

static char *
join_scopes (GPtrArray *scopes)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < scopes->len; i++)
    g_string_append_printf (text, "%s\"%s\"", i > 0 ? ", " : "",
                            (const char *)g_ptr_array_index (scopes, i));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_insufficient_scope (GPtrArray *findings, const JdChallenge *bearer, JdToken *token,
                        guint status)
{
  g_autoptr (GString) message = g_string_new (NULL);
  g_autoptr (GString) fix = g_string_new (NULL);
  g_autofree char *described = jd_challenge_describe (bearer);
  const char *required = jd_challenge_get_param (bearer, "scope");
  const char *claim = NULL;
  g_autoptr (GPtrArray) have = token_scopes (token, &claim);
  const JdProvider *provider;

  g_string_append (message, described);
  if (required != NULL && token != NULL)
    {
      g_auto (GStrv) parts = g_strsplit (required, " ", -1);
      g_autoptr (GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; parts[i] != NULL; i++)
        if (*parts[i] != '\0' && !scopes_contain (have, parts[i]))
          g_ptr_array_add (missing, g_strdup (parts[i]));

      if (have == NULL)
        g_string_append_printf (message, "\n%s",
                                _ ("The token has no \"scope\" or \"scp\" claim at all."));
      else
        {
          g_autofree char *list = join_scopes (have);
          g_string_append_printf (message, "\n");
          /* TRANSLATORS: "The token's scp claim holds "orders:read"." */
          g_string_append_printf (message, _ ("The token's %s claim holds %s."), claim,
                                  have->len > 0 ? list : "\"\"");
        }
      if (missing->len > 0)
        {
          g_autofree char *list = join_scopes (missing);
          g_string_append_printf (message, " ");
          g_string_append_printf (message, _ ("Missing: %s."), list);
        }
    }
  if (status == 401)
    g_string_append_printf (
      message, "\n%s",
      _ ("RFC 6750 §3.1 answers insufficient_scope with 403, not 401: this server "
         "mixes the two, so read the error code, not the status."));

  if (required != NULL)
    g_string_append_printf (fix,
                            _ ("Request the token with scope \"%s\" (the scope parameter of the "
                               "authorization or token request) and make sure the client is "
                               "allowed that scope in the identity provider."),
                            required);
  else
    g_string_append (fix,
                     _ ("Find which scope or role this endpoint requires (its documentation or "
                        "the API's authorization policy), request a token with it, and make "
                        "sure the client is granted it in the identity provider."));

  /* Where the provider keeps scopes and roles, in its console's words. */
  provider
    = token ? jd_providers_detect (jd_token_get_header (token), jd_token_get_claims (token)) : NULL;
  if (provider != NULL)
    g_string_append_printf (fix, " %s", jd_provider_text (provider->scope_rule));

  jd_findings_add (findings, JD_FINDING_INSUFFICIENT_SCOPE, JD_SEVERITY_ERROR, JD_RANK_REQUEST,
                   "scope", message->str, fix->str);
}

static void
add_bearer_error (GPtrArray *findings, const JdChallenge *bearer, JdToken *token, guint status)
{
  const char *error = jd_challenge_get_param (bearer, "error");
  JdBearerError code = jd_bearer_error_from_string (error);
  g_autofree char *described = jd_challenge_describe (bearer);
  g_autoptr (GString) message = g_string_new (described);
  guint expected_status = jd_bearer_error_status (code);

  if (expected_status != 0 && status != expected_status
      && code != JD_BEARER_ERROR_INSUFFICIENT_SCOPE)
    {
      g_string_append (message, "\n");
      g_string_append_printf (
        message, _ ("RFC 6750 pairs this error with status %u; this server answered %u."),
        expected_status, status);
    }

  switch (code)
    {
      case JD_BEARER_ERROR_INVALID_TOKEN:
        jd_findings_add (
          findings, JD_FINDING_BEARER_INVALID_TOKEN, JD_SEVERITY_ERROR, JD_RANK_REQUEST, NULL,
          message->str,
          _ ("The server rejected the token itself. The token findings (exp, aud, iss, "
             "alg, kid, signature) say which part; otherwise it was revoked, or the "
             "server trusts another issuer or key set. Get a new token and compare."));
        break;
      case JD_BEARER_ERROR_INVALID_REQUEST:
        jd_findings_add (
          findings, JD_FINDING_BEARER_INVALID_REQUEST, JD_SEVERITY_ERROR, JD_RANK_REQUEST, NULL,
          message->str,
          _ ("Send the token once, only in the header, exactly as "
             "\"Authorization: Bearer <token>\": no second \"Bearer\", no quotes, no "
             "line breaks, and not also in the query string or the body."));
        break;
      case JD_BEARER_ERROR_INSUFFICIENT_SCOPE:
        add_insufficient_scope (findings, bearer, token, status);
        break;
      case JD_BEARER_ERROR_OTHER:
        jd_findings_add (
          findings, JD_FINDING_BEARER_ERROR, JD_SEVERITY_WARNING, JD_RANK_REQUEST, NULL,
          message->str,
          _ ("Look up this error code in the API's or gateway's documentation; the "
             "error_description and error_uri, when present, are the server's own words."));
        break;
      case JD_BEARER_ERROR_NONE:
        if (status == 401 && token != NULL)
          jd_findings_add (
            findings, JD_FINDING_BEARER_NO_TOKEN_SEEN, JD_SEVERITY_WARNING, JD_RANK_REQUEST, NULL,
            message->str,
            _ ("The request carried a token, yet the server answers as if none arrived. "
               "Check the header name and the \"Bearer \" prefix, and whether a proxy, a "
               "load balancer or a redirect to another host removed the Authorization header."));
        break;
      default:
        g_assert_not_reached ();
    }
}

static char *
describe_server (JdResponse *response)
{
  const char *server_raw = jd_response_get_header (response, "Server");
  const char *via_raw = jd_response_get_header (response, "Via");
  /* header values are bytes from the network: only valid UTF-8 goes into messages */
  g_autofree char *server = server_raw ? g_utf8_make_valid (server_raw, -1) : NULL;
  g_autofree char *via = via_raw ? g_utf8_make_valid (via_raw, -1) : NULL;

  if (server != NULL && via != NULL)
    return g_strdup_printf (" (Server: %s; Via: %s)", server, via);
  if (server != NULL)
    return g_strdup_printf (" (Server: %s)", server);
  if (via != NULL)
    return g_strdup_printf (" (Via: %s)", via);
  return g_strdup ("");
}

/* What the server-clock-skew finding says, built step by step. */
typedef struct
{
  GString *message;
  gint64 server_now;  /* the server's Date */
  gint64 now;         /* this computer's clock when the request went out */
  gint64 leeway;      /* seconds, never negative */
  gint64 skew;        /* server_now − now */
  const char *amount; /* the skew in words */
  JdSeverity severity;
  const char *claim; /* the claim the skew breaks, nullable */
} ClockSkew;

/* The token's exp by the server's clock. */
static void
explain_skew_exp (ClockSkew *c, double exp_value)
{
  gint64 exp = (gint64)floor (exp_value);

  g_string_append_c (c->message, '\n');
  if (c->server_now >= exp + c->leeway && c->now < exp + c->leeway)
    {
      g_autofree char *ago = jd_time_format_duration (c->server_now - exp);
      g_autofree char *left = jd_time_format_duration (exp - c->now);
      c->severity = JD_SEVERITY_ERROR;
      c->claim = "exp";
      if (exp > c->now)
        g_string_append_printf (
          c->message,
          _ ("By the server's clock this token expired %s ago; by yours it is "
             "valid for %s more. The server rejects it as expired."),
          ago, left);
      else
        g_string_append_printf (
          c->message,
          _ ("By the server's clock this token expired %s ago, beyond the leeway; "
             "by yours it is still within the leeway. The server rejects it as expired."),
          ago);
    }
  else if (c->skew > 0)
    g_string_append_printf (
      c->message, _ ("The server sees this token expire %s earlier than you expect."), c->amount);
  else
    g_string_append_printf (
      c->message, _ ("The server accepts this token %s longer than you expect, past its exp."),
      c->amount);
}

/* The token's nbf (or, without one, iat) by the server's clock. */
static void
explain_skew_start (ClockSkew *c, const char *name, double start_value)
{
  gint64 start = (gint64)floor (start_value);

  g_string_append_c (c->message, '\n');
  if (start > c->server_now + c->leeway && start <= c->now + c->leeway)
    {
      g_autofree char *ahead = jd_time_format_duration (start - c->server_now);
      c->severity = JD_SEVERITY_ERROR;
      c->claim = name;
      /* TRANSLATORS: "By the server's clock this token's iat lies 4 minutes in the future; …"
       */
      g_string_append_printf (c->message,
                              _ ("By the server's clock this token's %s lies %s in the future; a "
                                 "server that checks it rejects the token as not yet valid."),
                              name, ahead);
    }
  else if (c->skew < 0)
    g_string_append_printf (
      c->message,
      _ ("A token fresh from the identity provider looks issued in the future "
         "to this server for its first %s (minus the leeway)."),
      c->amount);
  else
    g_string_append_printf (c->message,
                            _ ("Its %s is no problem for the server: it sees the token as "
                               "issued earlier than you do."),
                            name);
}

static void
add_clock_skew (GPtrArray *findings, JdResponse *response, JdToken *token, gint64 now,
                gint64 leeway)
{
  const char *date = jd_response_get_header (response, "Date");
  g_autoptr (GString) message = g_string_new (NULL);
  g_autofree char *amount = NULL;
  JsonObject *claims = token != NULL ? jd_token_get_claims (token) : NULL;
  ClockSkew c = { message, 0, 0, 0, 0, NULL, JD_SEVERITY_WARNING, NULL };
  gint64 server_now, skew;
  double exp_value, start_value;
  const char *start_name = NULL;

  if (date == NULL || !jd_http_date_parse (date, &server_now))
    return;
  /* Every instant below lies within years 1–9999 (Date has four digits,
   * time claims go through jd_numeric_date_read()), and so does @now once
   * clamped: sums and differences of them, and of a leeway capped at that
   * span, cannot overflow. */
  now = CLAMP (now, (gint64)JD_NUMERIC_DATE_MIN, (gint64)JD_NUMERIC_DATE_MAX);
  leeway = CLAMP (leeway, 0, (gint64)(JD_NUMERIC_DATE_MAX - JD_NUMERIC_DATE_MIN));
  skew = server_now - now;
  if (ABS (skew) <= leeway)
    return;

  /* Date has whole seconds and the answer took a moment to arrive: a skew
   * of 299 s is "5 minutes", not "4 minutes". */
  amount = jd_time_format_duration (ABS (skew) >= 120 ? (ABS (skew) + 30) / 60 * 60 : skew);
  if (skew > 0)
    g_string_append_printf (
      message, _ ("The server's clock is %s ahead of this computer's (Date: %s)."), amount, date);
  else
    g_string_append_printf (
      message, _ ("The server's clock is %s behind this computer's (Date: %s)."), amount, date);

  c.server_now = server_now;
  c.now = now;
  c.leeway = leeway;
  c.skew = skew;
  c.amount = amount;
  if (jd_numeric_date_get_member (claims, "exp", &exp_value) == JD_NUMERIC_DATE_VALID)
    explain_skew_exp (&c, exp_value);

  if (jd_numeric_date_get_member (claims, "nbf", &start_value) == JD_NUMERIC_DATE_VALID)
    start_name = "nbf";
  else if (jd_numeric_date_get_member (claims, "iat", &start_value) == JD_NUMERIC_DATE_VALID)
    start_name = "iat";
  if (start_name != NULL)
    explain_skew_start (&c, start_name, start_value);

  jd_findings_add (findings, JD_FINDING_SERVER_CLOCK_SKEW, c.severity, JD_RANK_CLOCK_SKEW, c.claim,
                   message->str,
                   _ ("Synchronise the clock that is off with NTP (chrony, systemd-timesyncd, "
                      "w32time); a leeway larger than the skew only hides it."));
}

static const char *
standard_reason (guint status)
{
  switch (status)
    {
      case 200:
        return "OK";
      case 201:
        return "Created";
      case 204:
        return "No Content";
      case 400:
        return "Bad Request";
      case 401:
        return "Unauthorized";
      case 403:
        return "Forbidden";
      case 404:
        return "Not Found";
      case 407:
        return "Proxy Authentication Required";
      case 500:
        return "Internal Server Error";
      case 502:
        return "Bad Gateway";
      case 503:
        return "Service Unavailable";
      default:
        return "";
    }
}

GPtrArray *
jd_response_diagnose (JdResponse *response, JdToken *token, const JdExpectations *expect)
{
  gint64 now;

  g_return_val_if_fail (JD_IS_RESPONSE (response), NULL);
  g_return_val_if_fail (token == NULL || JD_IS_TOKEN (token), NULL);

  now = expect != NULL ? expect->now : g_get_real_time () / G_USEC_PER_SEC;
  return jd_response_diagnose_sent (response, token, expect, &now);
}

/* "401 Unauthorized": the status and the reason the server gave (or the
 * standard one), as valid UTF-8. */
static char *
status_line_of (JdResponse *response)
{
  guint status = jd_response_get_status (response);
  const char *reason = jd_response_get_reason (response);
  char *status_line;

  if (reason == NULL || *reason == '\0')
    reason = standard_reason (status);
  status_line = g_strdup_printf ("%u%s%s", status, *reason ? " " : "", reason);
  if (!g_utf8_validate (status_line, -1, NULL))
    {
      /* The reason phrase is the server's bytes (RFC 9112 §4 allows obs-text). */
      char *shown = g_utf8_make_valid (status_line, -1);
      g_free (status_line);
      status_line = shown;
    }
  return status_line;
}

/* Every WWW-Authenticate value into @challenges, each parsed on its own so
 * that one bad value does not hide the others. Returns how many values
 * there are. */
static guint
read_challenges (GPtrArray *findings, JdResponse *response, GPtrArray *challenges)
{
  GPtrArray *headers = jd_response_get_headers (response);
  guint n_values = 0;

  for (guint i = 0; headers != NULL && i < headers->len; i++)
    {
      const JdHeader *header = g_ptr_array_index (headers, i);
      g_autoptr (GError) error = NULL;

      if (g_ascii_strcasecmp (header->name, "WWW-Authenticate") != 0)
        continue;
      n_values++;
      if (!jd_www_authenticate_parse_into (challenges, header->value, strlen (header->value),
                                           n_values - 1, NULL, &error))
        {
          g_autofree char *message = g_strdup_printf (
            _ ("The WWW-Authenticate header cannot be read: %s"), error->message);
          jd_findings_add (
            findings, JD_FINDING_WWW_AUTHENTICATE_MALFORMED, JD_SEVERITY_WARNING, JD_RANK_REQUEST,
            NULL, message,
            _ ("The server (or something in front of it) writes a header that breaks "
               "RFC 7235 §4.1; clients may ignore it. Report it to the API's owners."));
        }
    }
  return n_values;
}

/* Headers the response's limits left out (too many, too long): a
 * challenge may have been among them. */
static void
add_headers_left_out (GPtrArray *findings, JdResponse *response)
{
  GPtrArray *problems = jd_response_get_header_problems (response);

  for (guint i = 0; i < problems->len; i++)
    jd_findings_add (findings, JD_FINDING_HEADERS_LEFT_OUT, JD_SEVERITY_WARNING, JD_RANK_REQUEST,
                     NULL, g_ptr_array_index (problems, i),
                     _ ("What follows is judged without these headers; a WWW-Authenticate "
                        "among them is not seen. No client needs headers this large or this "
                        "many: look at what the server or a proxy adds."));
}

/* The first Bearer (or DPoP) challenge, nullable. */
static const JdChallenge *
find_bearer (GPtrArray *challenges)
{
  for (guint i = 0; i < challenges->len; i++)
    {
      const JdChallenge *c = g_ptr_array_index (challenges, i);
      if (jd_challenge_is_scheme (c, "Bearer") || jd_challenge_is_scheme (c, "DPoP"))
        return c;
    }
  return NULL;
}

static void
add_status_success (GPtrArray *findings, const char *status_line)
{
  g_autofree char *message = g_strdup_printf (
    _ ("%s: the server accepted the request and the token with it."), status_line);
  jd_findings_add (findings, JD_FINDING_STATUS_SUCCESS, JD_SEVERITY_OK, JD_RANK_INFO, NULL, message,
                   NULL);
}

static void
add_missing_www_authenticate (GPtrArray *findings, JdResponse *response)
{
  g_autofree char *server = describe_server (response);
  g_autofree char *missing = g_strdup_printf (
    _ ("The 401 carries no WWW-Authenticate header%s, which RFC 7235 §3.1 requires of "
       "every 401. "
       "A CDN, API gateway, load balancer or proxy most likely answered (or stripped the "
       "header): the application behind it probably never saw the request."),
    server);
  jd_findings_add (findings, JD_FINDING_MISSING_WWW_AUTHENTICATE, JD_SEVERITY_ERROR,
                   JD_RANK_REQUEST, NULL, missing,
                   _ ("Look at the gateway's own JWT settings (audience, issuer, JWKS URL, "
                      "allowed algorithms) and its logs, and whether it forwards the "
                      "Authorization header; the application's logs will not show this request."));
}

static void
add_no_bearer_challenge (GPtrArray *findings, GPtrArray *challenges)
{
  g_autoptr (GString) schemes = g_string_new (NULL);
  g_autofree char *message2 = NULL;

  for (guint i = 0; i < challenges->len; i++)
    g_string_append_printf (schemes, "%s%s", i > 0 ? ", " : "",
                            ((const JdChallenge *)g_ptr_array_index (challenges, i))->scheme);
  message2 = g_strdup_printf (_ ("The server offers %s, not Bearer: this URL does not take "
                                 "bearer tokens, or the layer answering is configured for "
                                 "another scheme."),
                              schemes->str);
  jd_findings_add (findings, JD_FINDING_NO_BEARER_CHALLENGE, JD_SEVERITY_WARNING, JD_RANK_REQUEST,
                   NULL, message2,
                   _ ("Check the URL (a login page or an admin endpoint?) and which "
                      "authentication the server expects there."));
}

static void
add_status_401 (GPtrArray *findings, JdResponse *response, const char *status_line,
                GPtrArray *challenges, guint n_values, const JdChallenge *bearer)
{
  g_autofree char *message = g_strdup_printf (
    _ ("%s: the server did not accept the credentials. Either none arrived, or the token was "
       "read and rejected (expired, wrong audience or issuer, a key it does not know, a bad "
       "signature). 401 is about who you are; 403 would mean it knew and still refused."),
    status_line);
  jd_findings_add (findings, JD_FINDING_STATUS_401, JD_SEVERITY_INFO, JD_RANK_INFO, NULL, message,
                   _ ("Fix the token (see the token findings) or find out why it did not arrive."));

  /* When a WWW-Authenticate is among the headers the limits left out,
   * the headers-left-out finding says so; "missing" would blame a
   * gateway. Other headers left out hide nothing. */
  if (n_values == 0 && !jd_response_header_left_out (response, "WWW-Authenticate"))
    add_missing_www_authenticate (findings, response);
  else if (bearer == NULL && challenges->len > 0)
    add_no_bearer_challenge (findings, challenges);
}

static void
add_status_403 (GPtrArray *findings, const char *status_line)
{
  g_autofree char *message = g_strdup_printf (
    _ ("%s: the server knew who you are (or did not need to) and refused anyway. The token may "
       "be valid but lack a scope or role, or a policy (IP range, tenant, resource owner) "
       "blocks it. A fresh token with the same scopes gets the same answer."),
    status_line);
  jd_findings_add (findings, JD_FINDING_STATUS_403, JD_SEVERITY_INFO, JD_RANK_INFO, NULL, message,
                   _ ("Compare the token's scope/scp and roles claims with what the endpoint "
                      "requires, and check the API's authorization policy."));
}

static void
add_status_other (GPtrArray *findings, guint status, const char *status_line)
{
  g_autofree char *message = NULL;

  if (status == 400)
    message = g_strdup_printf (_ ("%s: the server could not use the request as sent (a malformed "
                                  "header, parameter or body); RFC 6750 answers invalid_request "
                                  "this way."),
                               status_line);
  else if (status >= 300 && status < 400)
    message = g_strdup_printf (_ ("%s: a redirect, not an answer about the token."), status_line);
  else if (status >= 500)
    message = g_strdup_printf (_ ("%s: the server failed while handling the request; this says "
                                  "nothing about the token."),
                               status_line);
  else
    message = g_strdup_printf (_ ("%s: not an authentication answer."), status_line);
  jd_findings_add (findings, JD_FINDING_STATUS_OTHER, JD_SEVERITY_INFO, JD_RANK_INFO, NULL, message,
                   NULL);
}

GPtrArray *
jd_response_diagnose_sent (JdResponse *response, JdToken *token, const JdExpectations *expect,
                           const gint64 *sent_at)
{
  g_autoptr (GPtrArray) findings = NULL;
  g_autoptr (GPtrArray) challenges = NULL;
  g_autoptr (GPtrArray) said = NULL;
  g_autofree char *status_line = NULL;
  const JdChallenge *bearer;
  guint status, n_values;
  gint64 leeway;

  g_return_val_if_fail (JD_IS_RESPONSE (response), NULL);
  g_return_val_if_fail (token == NULL || JD_IS_TOKEN (token), NULL);

  leeway = expect != NULL ? MAX (expect->leeway, 0) : JD_DEFAULT_LEEWAY;

  findings = g_ptr_array_new_with_free_func (g_object_unref);
  challenges = g_ptr_array_new_with_free_func ((GDestroyNotify)jd_challenge_free);
  status = jd_response_get_status (response);
  status_line = status_line_of (response);

  n_values = read_challenges (findings, response, challenges);
  add_headers_left_out (findings, response);
  bearer = find_bearer (challenges);

  if (status >= 200 && status < 300)
    add_status_success (findings, status_line);
  else if (status == 401)
    add_status_401 (findings, response, status_line, challenges, n_values, bearer);
  else if (status == 403)
    add_status_403 (findings, status_line);
  else
    add_status_other (findings, status, status_line);

  if (bearer != NULL)
    add_bearer_error (findings, bearer, token, status);

  if (sent_at != NULL)
    add_clock_skew (findings, response, token, *sent_at, leeway);

  /* The server's own words, in the body or an error_description. */
  said = jd_server_messages_scan_response (response);
  jd_server_messages_diagnose (said, token, expect, expect, findings);

  jd_findings_sort (findings);
  return g_steal_pointer (&findings);
}
