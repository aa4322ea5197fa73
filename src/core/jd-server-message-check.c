/* jd-server-message-check.c — find servers' messages in text and check
 * them against the token
 *
 * The rows live in jd-server-messages.c; this is the one mechanism for all
 * of them: compile each pattern once, find the messages in a paste, a
 * response body or a WWW-Authenticate header, pull out the values they
 * name, and write one finding per message that quotes the server, says
 * what it means and whether the token agrees (names the values on both
 * sides when they differ).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "jd-input-text.h"
#include "jd-server-messages.h"
#include "jd-time.h"

#define QUOTE_MAX 300

/* ---- patterns ------------------------------------------------------------ */

static GRegex **
compiled_patterns (void)
{
  static GRegex **regexes = NULL;

  if (g_once_init_enter (&regexes))
    {
      guint n;
      const JdServerMessage *rows = jd_server_messages_get_table (&n);
      GRegex **all = g_new0 (GRegex *, n);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr (GError) error = NULL;

          /* RAW: the text is bytes (a body may not be UTF-8); no row
           * pattern needs more than ASCII. */
          all[i] = g_regex_new (rows[i].pattern, G_REGEX_RAW, 0, &error);
          if (all[i] == NULL)
            g_critical ("server message %s: %s", rows[i].id, error->message);
        }
      g_once_init_leave (&regexes, all);
    }
  return regexes;
}

/* ---- values -------------------------------------------------------------- */

/* @text as one line of valid UTF-8 with every JWT-shaped run replaced by
 * "<token>": quoted messages never carry a token (IDX10503 and kin quote
 * it when PII logging is on). */
static char *
clean_text (const char *text, gsize len)
{
  g_autofree char *valid = g_utf8_make_valid (text, len);
  GString *out = g_string_new (NULL);
  const char *p = valid;
  gsize rest = strlen (valid), start, end;

  while (rest > 0 && jd_input_find_jwt (p, rest, &start, &end))
    {
      g_string_append_len (out, p, start);
      g_string_append (out, "<token>");
      p += end;
      rest -= end;
    }
  g_string_append_len (out, p, rest);
  for (char *c = out->str; *c; c++)
    if ((guchar)*c < 0x20 || *c == 0x7f)
      *c = ' ';
  return g_string_free (out, FALSE);
}

/* A named group's value, cleaned; NULL when it did not take part, is
 * empty, or is Microsoft's "[PII … is hidden]" placeholder. */
static char *
fetch_value (GMatchInfo *info, const char *name)
{
  int start = -1, end = -1;
  g_autofree char *value = NULL;

  if (!g_match_info_fetch_named_pos (info, name, &start, &end) || start < 0 || end <= start)
    return NULL;
  value = clean_text (g_match_info_get_string (info) + start, end - start);
  g_strstrip (value);
  if (*value == '\0' || g_str_has_prefix (value, "[PII") || g_str_equal (value, "null")
      || g_str_equal (value, "(null)"))
    return NULL;
  return g_steal_pointer (&value);
}

/* The matched text to quote: the (?<hidden>…) part left out, cut to
 * QUOTE_MAX bytes at a character boundary. */
static char *
quote_match (GMatchInfo *info, int start, int end)
{
  const char *s = g_match_info_get_string (info);
  int hs = -1, he = -1;
  g_autoptr (GString) raw = g_string_new (NULL);
  char *text;

  if (g_match_info_fetch_named_pos (info, "hidden", &hs, &he) && hs >= start && he > hs)
    {
      g_string_append_len (raw, s + start, hs - start);
      g_string_append (raw, "…");
      g_string_append_len (raw, s + he, end - he);
    }
  else
    g_string_append_len (raw, s + start, end - start);
  text = clean_text (raw->str, raw->len);
  if (strlen (text) > QUOTE_MAX)
    {
      const char *cut = g_utf8_find_prev_char (text, text + QUOTE_MAX);
      char *shorter = g_strdup_printf ("%.*s…", (int)(cut - text), text);

      g_free (text);
      text = shorter;
    }
  return text;
}

void
jd_server_message_match_free (JdServerMessageMatch *self)
{
  if (self == NULL)
    return;
  g_free (self->where);
  g_free (self->text);
  g_free (self->expected);
  g_free (self->actual);
  g_free (self->kid);
  g_free (self->alg);
  g_free (self->when);
  g_free (self);
}

static JdServerMessageMatch *
match_new (const JdServerMessage *row, GMatchInfo *info, const char *where)
{
  JdServerMessageMatch *m = g_new0 (JdServerMessageMatch, 1);
  int start = 0, end = 0;

  g_match_info_fetch_pos (info, 0, &start, &end);
  m->row = row;
  m->where = g_strdup (where);
  m->offset = start;
  m->text = quote_match (info, start, end);
  m->expected = fetch_value (info, "expected");
  if (m->expected == NULL)
    m->expected = fetch_value (info, "expected2");
  m->actual = fetch_value (info, "actual");
  m->kid = fetch_value (info, "kid");
  m->alg = fetch_value (info, "alg");
  m->when = fetch_value (info, "when");
  return m;
}

/* ---- scanning ------------------------------------------------------------ */

typedef struct
{
  JdServerMessageMatch *match;
  gsize end;
  gboolean dropped;
} Candidate;

/* A match inside another is dropped (the longer one names the stack
 * exactly: Firebase's "has invalid signature" holds jsonwebtoken's
 * "invalid signature"), unless the longer one is a wrapper. */
static void
drop_nested (GArray *found)
{
  for (guint i = 0; i < found->len; i++)
    for (guint j = 0; j < found->len; j++)
      {
        Candidate *inner = &g_array_index (found, Candidate, i);
        Candidate *outer = &g_array_index (found, Candidate, j);
        gboolean contains;

        if (i == j || inner->dropped || outer->dropped)
          continue;
        contains
          = outer->match->offset <= inner->match->offset && inner->end <= outer->end
            && (outer->end - outer->match->offset > inner->end - inner->match->offset || j < i);
        if (!contains)
          continue;
        if (outer->match->row->flags & JD_SERVER_MESSAGE_FLAG_WRAPPER)
          outer->dropped = TRUE;
        else
          inner->dropped = TRUE;
      }
}

static int
compare_offset (gconstpointer a, gconstpointer b)
{
  const JdServerMessageMatch *x = *(JdServerMessageMatch *const *)a;
  const JdServerMessageMatch *y = *(JdServerMessageMatch *const *)b;

  return x->offset < y->offset ? -1 : x->offset > y->offset;
}

GPtrArray *
jd_server_messages_scan (const char *text, gsize len, const char *where)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify)jd_server_message_match_free);
  g_autoptr (GArray) found = g_array_new (FALSE, TRUE, sizeof (Candidate));
  GRegex **regexes = compiled_patterns ();
  const JdServerMessage *rows;
  guint n;

  g_return_val_if_fail (text != NULL || len == 0, out);

  rows = jd_server_messages_get_table (&n);
  len = MIN (len, JD_SERVER_MESSAGES_MAX_SCAN);
  for (guint i = 0; i < n && len > 0; i++)
    {
      g_autoptr (GMatchInfo) info = NULL;
      Candidate c = { NULL, 0, FALSE };
      int start, end;

      if (regexes[i] == NULL || !g_regex_match_full (regexes[i], text, len, 0, 0, &info, NULL))
        continue;
      g_match_info_fetch_pos (info, 0, &start, &end);
      c.match = match_new (&rows[i], info, where);
      c.end = end;
      g_array_append_val (found, c);
    }

  drop_nested (found);
  for (guint i = 0; i < found->len; i++)
    {
      Candidate *c = &g_array_index (found, Candidate, i);

      if (c->dropped)
        jd_server_message_match_free (c->match);
      else
        g_ptr_array_add (out, c->match);
    }
  g_ptr_array_sort (out, compare_offset);
  if (out->len > JD_SERVER_MESSAGES_MAX_MATCHES)
    g_ptr_array_set_size (out, JD_SERVER_MESSAGES_MAX_MATCHES);
  return out;
}

static void
add_new_rows (GPtrArray *into, GPtrArray *more)
{
  for (guint i = 0; i < more->len; i++)
    {
      JdServerMessageMatch *m = g_ptr_array_index (more, i);
      gboolean seen = FALSE;

      for (guint j = 0; j < into->len && !seen; j++)
        seen = ((JdServerMessageMatch *)g_ptr_array_index (into, j))->row == m->row;
      if (!seen && into->len < JD_SERVER_MESSAGES_MAX_MATCHES)
        g_ptr_array_add (into, g_ptr_array_steal_index (more, i--));
    }
}

GPtrArray *
jd_server_messages_scan_response (JdResponse *response)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify)jd_server_message_match_free);
  GPtrArray *headers;
  GBytes *body;

  g_return_val_if_fail (JD_IS_RESPONSE (response), out);

  headers = jd_response_get_headers (response);
  for (guint i = 0; headers != NULL && i < headers->len; i++)
    {
      const JdHeader *header = g_ptr_array_index (headers, i);
      g_autoptr (GPtrArray) found = NULL;

      if (g_ascii_strcasecmp (header->name, "WWW-Authenticate") != 0)
        continue;
      found = jd_server_messages_scan (header->value, strlen (header->value),
                                       _ ("the WWW-Authenticate header"));
      add_new_rows (out, found);
    }
  /* A body is read only when it is an error's: a 2xx body is the API's
   * data, and scanning every one of a large HAR would cost for nothing. */
  body = jd_response_get_body (response);
  if (body != NULL && jd_response_get_status (response) >= 400)
    {
      gsize size = 0;
      const char *data = g_bytes_get_data (body, &size);
      g_autoptr (GPtrArray) found = jd_server_messages_scan (data, size, _ ("the response body"));

      add_new_rows (out, found);
    }
  return out;
}

/* ---- expectations from messages ------------------------------------------ */

/* A value that can stand for one expected audience or issuer: one word,
 * not a list ("a or b", "a, b", "[…]", "System.String[]"). */
static gboolean
is_single_value (const char *value)
{
  return value != NULL && *value != '\0' && strpbrk (value, " ,[]()\"'") == NULL;
}

static gboolean
is_claim_row (const JdServerMessage *row, const char *means, const char *claim)
{
  return g_str_equal (row->means, means) && g_strcmp0 (row->claim, claim) == 0;
}

gboolean
jd_server_messages_fill_expectations (GPtrArray *matches, JdExpectations *expect)
{
  gboolean changed = FALSE;

  g_return_val_if_fail (expect != NULL, FALSE);

  for (guint i = 0; matches != NULL && i < matches->len; i++)
    {
      JdServerMessageMatch *m = g_ptr_array_index (matches, i);

      if (!is_single_value (m->expected))
        continue;
      if (expect->audience == NULL && is_claim_row (m->row, JD_FINDING_AUDIENCE_MISMATCH, "aud"))
        {
          expect->audience = g_strdup (m->expected);
          changed = TRUE;
        }
      else if (expect->issuer == NULL && is_claim_row (m->row, JD_FINDING_ISSUER_MISMATCH, "iss"))
        {
          expect->issuer = g_strdup (m->expected);
          changed = TRUE;
        }
    }
  return changed;
}

/* ---- what a message means ------------------------------------------------ */

static const struct
{
  const char *means;
  int rank;
  const char *says;
} meanings[] = {
  { JD_FINDING_EXPIRED, JD_RANK_EXPIRED, N_ ("the token is expired") },
  { JD_FINDING_NOT_YET_VALID, JD_RANK_CLOCK_SKEW, N_ ("the token is not valid yet") },
  { JD_FINDING_ISSUED_IN_FUTURE, JD_RANK_CLOCK_SKEW,
    N_ ("by the server's clock the token was issued in the future") },
  { "missing-exp", JD_RANK_EXPIRED, N_ ("the token has no expiry, and the server requires one") },
  { JD_FINDING_AUDIENCE_MISMATCH, JD_RANK_AUDIENCE,
    N_ ("the token was not minted for this API (its audience)") },
  { "wrong-token-kind", JD_RANK_AUDIENCE, N_ ("this is not the kind of token the server takes") },
  { JD_FINDING_ISSUER_MISMATCH, JD_RANK_ISSUER,
    N_ ("the token comes from an issuer the server does not trust") },
  { JD_FINDING_ALGORITHM_NOT_ALLOWED, JD_RANK_ALGORITHM,
    N_ ("the server does not accept the token's algorithm") },
  { JD_FINDING_KID_NOT_FOUND, JD_RANK_KID, N_ ("the server has no key for the token") },
  { JD_FINDING_SIGNATURE_INVALID, JD_RANK_SIGNATURE,
    N_ ("the signature does not verify with the server's key") },
  { JD_FINDING_MALFORMED, JD_RANK_MALFORMED, N_ ("the server could not read the token") },
  { JD_FINDING_INSUFFICIENT_SCOPE, JD_RANK_REQUEST,
    N_ ("the token lacks a scope or role the server requires") },
  { JD_SERVER_MESSAGE_NO_TOKEN, JD_RANK_REQUEST,
    N_ ("no token reached the server in a form it reads") },
  { JD_SERVER_MESSAGE_NO_REASON, JD_RANK_REQUEST,
    N_ ("the server rejected the request without saying why") },
  { JD_SERVER_MESSAGE_NOT_TOKEN, JD_RANK_REQUEST,
    N_ ("the server's answer is not about the token") },
};

static guint
meaning_index (const char *means)
{
  for (guint i = 0; i < G_N_ELEMENTS (meanings); i++)
    if (g_str_equal (meanings[i].means, means))
      return i;
  g_return_val_if_reached (G_N_ELEMENTS (meanings) - 1);
}

/* ---- the token's side ---------------------------------------------------- */

static const char *
string_member (JsonObject *object, const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* The string values of claim @name (a string or an array of strings). */
static GPtrArray *
string_values (JsonObject *claims, const char *name)
{
  GPtrArray *out = g_ptr_array_new ();
  JsonNode *node = claims ? json_object_get_member (claims, name) : NULL;

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *e = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (e) && json_node_get_value_type (e) == G_TYPE_STRING)
            g_ptr_array_add (out, (gpointer)json_node_get_string (e));
        }
    }
  else if (string_member (claims, name) != NULL)
    g_ptr_array_add (out, (gpointer)string_member (claims, name));
  return out;
}

static char *
quote_list (GPtrArray *values)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < values->len; i++)
    g_string_append_printf (out, "%s\"%s\"", i ? ", " : "", (char *)g_ptr_array_index (values, i));
  return g_string_free (out, FALSE);
}

static gboolean
values_contain (GPtrArray *values, const char *value)
{
  for (guint i = 0; i < values->len; i++)
    if (g_str_equal (g_ptr_array_index (values, i), value))
      return TRUE;
  return FALSE;
}

static char *
format_when (double t)
{
  g_autofree char *iso = jd_time_format_utc (floor (t));

  return iso ? g_strdup (iso) : g_strdup_printf ("%.0f", t);
}

/* An instant as a message writes it: ISO 8601, .NET's invariant
 * "05/07/2024 10:00:00" (or "5/7/2024 10:00:00 AM"), Go's
 * "2024-05-07 10:00:00 +0000 UTC". */
static gboolean
parse_when (const char *text, double *out)
{
  int y, mo, d, h, mi, s, n = 0;
  char sign = 0, ampm[3] = "";
  int zh = 0, zm = 0;
  g_autoptr (GDateTime) dt = NULL;

  if (text == NULL)
    return FALSE;
  if (jd_time_parse_date_string (text, out))
    return TRUE;
  if (sscanf (text, "%d/%d/%d %d:%d:%d %2[AP]M%n", &mo, &d, &y, &h, &mi, &s, ampm, &n) >= 6)
    {
      if (ampm[0] == 'P' && h < 12)
        h += 12;
      else if (ampm[0] == 'A' && h == 12)
        h = 0;
      dt = g_date_time_new_utc (y, mo, d, h, mi, s);
    }
  else if (sscanf (text, "%d-%d-%d %d:%d:%d %c%2d%2d", &y, &mo, &d, &h, &mi, &s, &sign, &zh, &zm)
             == 9
           && (sign == '+' || sign == '-'))
    {
      g_autoptr (GDateTime) local = g_date_time_new_utc (y, mo, d, h, mi, s);

      if (local != NULL)
        dt = g_date_time_add_seconds (local, (sign == '+' ? -1 : 1) * (zh * 3600.0 + zm * 60.0));
    }
  if (dt == NULL)
    return FALSE;
  *out = (double)g_date_time_to_unix (dt);
  return TRUE;
}

/* ---- cross-checks: what this token says about the server's words ---------- */

static void
check_expired (GString *out, const JdServerMessageMatch *m, JsonObject *claims, gint64 now)
{
  double exp = 0, named = 0;

  if (g_strcmp0 (m->row->claim, "exp") != 0)
    {
      double iat = 0;

      if (jd_numeric_date_get_member (claims, "iat", &iat) == JD_NUMERIC_DATE_VALID)
        {
          g_autofree char *when = format_when (iat);
          g_autofree char *age = jd_time_format_duration ((gint64)(now - iat));

          g_string_append_printf (
            out, _ ("This token was issued at %s, %s before the instant judged."), when, age);
        }
      return;
    }
  if (jd_numeric_date_get_member (claims, "exp", &exp) != JD_NUMERIC_DATE_VALID)
    {
      g_string_append (out,
                       _ ("This token has no readable exp: the server judged another token, or a "
                          "lifetime rule of its own."));
      return;
    }
  {
    g_autofree char *when = format_when (exp);
    g_autofree char *apart = jd_time_format_duration ((gint64)fabs (now - exp));

    if (now >= exp)
      g_string_append_printf (
        out, _ ("The token agrees: its exp is %s, %s before the instant judged."), when, apart);
    else
      g_string_append_printf (
        out,
        _ ("But this token's exp is %s, still %s ahead at the instant judged: the "
           "server's clock is ahead of yours, or it was sent another token (an "
           "older one from a cache, another tab or another environment)."),
        when, apart);
  }
  if (parse_when (m->when, &named) && fabs (named - exp) > 1)
    {
      g_autofree char *a = format_when (named);
      g_autofree char *b = format_when (exp);

      g_string_append_c (out, ' ');
      g_string_append_printf (
        out,
        _ ("The server names %s as the expiry, and this token's exp is %s: the "
           "server was sent another token."),
        a, b);
    }
}

static void
check_not_yet (GString *out, const JdServerMessageMatch *m, JsonObject *claims, gint64 now)
{
  const char *name = g_strcmp0 (m->row->claim, "iat") == 0 ? "iat" : "nbf";
  double start = 0;

  if (jd_numeric_date_get_member (claims, name, &start) != JD_NUMERIC_DATE_VALID
      && jd_numeric_date_get_member (claims, name = "iat", &start) != JD_NUMERIC_DATE_VALID)
    {
      g_string_append (out,
                       _ ("This token has neither nbf nor iat: the server judged another token."));
      return;
    }
  {
    g_autofree char *when = format_when (start);
    g_autofree char *apart = jd_time_format_duration ((gint64)fabs (start - now));

    if (start > now)
      g_string_append_printf (
        out, _ ("The token agrees: its %s is %s, %s after the instant judged."), name, when, apart);
    else
      /* TRANSLATORS: "But this token's nbf is 2026-…Z, 3 minutes before the instant judged: …" */
      g_string_append_printf (
        out,
        _ ("But this token's %s is %s, %s before the instant judged: the server's "
           "clock is behind by at least that much, or it was sent another token."),
        name, when, apart);
  }
}

static void
check_missing_exp (GString *out, JsonObject *claims)
{
  double exp = 0;

  if (jd_numeric_date_get_member (claims, "exp", &exp) == JD_NUMERIC_DATE_VALID)
    {
      g_autofree char *when = format_when (exp);

      g_string_append_printf (
        out, _ ("But this token has an exp (%s): the server was sent another token."), when);
    }
  else
    g_string_append (out, _ ("The token agrees: it has no exp."));
}

/* aud, iss, client_id, typ, token_use: the server's expected and seen
 * values against the token's. */
static void
check_values (GString *out, const JdServerMessageMatch *m, JsonObject *claims)
{
  const char *name = m->row->claim;
  g_autoptr (GPtrArray) values = string_values (claims, name);
  g_autofree char *list = quote_list (values);

  if (values->len == 0)
    g_string_append_printf (out, _ ("This token has no \"%s\"."), name);
  else if (m->expected != NULL && values_contain (values, m->expected))
    g_string_append_printf (out,
                            _ ("But this token's %s (%s) holds \"%s\": the server was sent another "
                               "token, or compares another claim."),
                            name, list, m->expected);
  else if (m->expected != NULL)
    /* TRANSLATORS: "This token's aud is "api://a"; the server expects "api://b"." */
    g_string_append_printf (out, _ ("This token's %s is %s; the server expects \"%s\"."), name,
                            list, m->expected);
  else
    g_string_append_printf (out,
                            _ ("This token's %s is %s; the message does not say what the server "
                               "expects: set the expected value to compare."),
                            name, list);

  if (m->actual != NULL && values->len > 0 && !values_contain (values, m->actual)
      && strpbrk (m->actual, "[,") == NULL)
    {
      g_string_append_c (out, ' ');
      g_string_append_printf (out,
                              _ ("The server saw %s \"%s\", which is not this token's: it was sent "
                                 "another token."),
                              name, m->actual);
    }
}

static void
check_kid (GString *out, const JdServerMessageMatch *m, JdToken *token, JsonObject *claims)
{
  const char *kid = jd_token_get_kid (token);
  const char *iss = string_member (claims, "iss");

  if (kid == NULL)
    g_string_append (out,
                     _ ("This token has no kid: a server that picks its key by kid finds none."));
  else if (m->kid != NULL && !g_str_equal (m->kid, kid))
    g_string_append_printf (
      out,
      _ ("The server names kid \"%s\", and this token's kid is \"%s\": it was "
         "sent another token."),
      m->kid, kid);
  else
    g_string_append_printf (out, _ ("This token's kid is \"%s\"."), kid);
  if (iss != NULL)
    {
      g_string_append_c (out, ' ');
      g_string_append_printf (out,
                              _ ("Load the JWKS of %s (the token's iss) on the Keys page or with "
                                 "--discover to see whether it publishes that key."),
                              iss);
    }
}

static void
check_algorithm (GString *out, const JdServerMessageMatch *m, JdToken *token)
{
  const char *alg = jd_token_get_alg (token);

  if (alg == NULL)
    g_string_append (out, _ ("This token names no alg."));
  else if (m->alg != NULL && !g_str_equal (m->alg, alg))
    g_string_append_printf (
      out,
      _ ("The server names %s, and this token's alg is %s: it was sent another "
         "token."),
      m->alg, alg);
  else
    g_string_append_printf (out, _ ("This token's alg is %s."), alg);
}

static void
check_signature (GString *out, JdToken *token, JsonObject *claims)
{
  const char *alg = jd_token_get_alg (token);
  const char *iss = string_member (claims, "iss");

  if (alg != NULL && g_str_has_prefix (alg, "HS"))
    g_string_append_printf (out,
                            _ ("This token is %s: a shared secret signed it, and the server checks "
                               "with another secret (or the same one read differently: raw vs "
                               "base64, a trailing newline)."),
                            alg);
  else if (alg != NULL)
    g_string_append_printf (out,
                            _ ("This token is %s, signed with the private key of %s: the server "
                               "checks with a public key that is not its pair."),
                            alg, iss ? iss : _ ("its issuer"));
}

static void
check_scope (GString *out, const JdServerMessageMatch *m, JsonObject *claims)
{
  g_autoptr (GPtrArray) scp = string_values (claims, "scp");
  g_autoptr (GPtrArray) scope = string_values (claims, "scope");
  g_autoptr (GPtrArray) roles = string_values (claims, "roles");

  if (scp->len == 0 && scope->len == 0 && roles->len == 0)
    g_string_append (out,
                     _ ("This token has neither scp/scope nor roles: an ID token, or an app-only "
                        "token of an app that was granted no role."));
  else
    {
      g_autofree char *a = quote_list (scp->len ? scp : scope);
      g_autofree char *b = quote_list (roles);

      g_string_append_printf (out, _ ("This token's scopes: %s; its roles: %s."), *a ? a : "—",
                              *b ? b : "—");
    }
  if (m->expected != NULL)
    {
      g_string_append_c (out, ' ');
      g_string_append_printf (out, _ ("The server requires \"%s\"."), m->expected);
    }
}

static gboolean
token_decodes (JdToken *token)
{
  return token != NULL && jd_token_get_problems (token)->len == 0
         && jd_token_get_claims (token) != NULL;
}

/* The sentence that compares the server's words with @token. */
static void
cross_check (GString *out, const JdServerMessageMatch *m, JdToken *token, gint64 now)
{
  const char *means = m->row->means;
  JsonObject *claims = token_decodes (token) ? jd_token_get_claims (token) : NULL;

  if (g_str_equal (means, JD_SERVER_MESSAGE_NO_REASON)
      || g_str_equal (means, JD_SERVER_MESSAGE_NOT_TOKEN))
    return;
  if (g_str_equal (means, JD_SERVER_MESSAGE_NO_TOKEN))
    {
      if (token != NULL)
        g_string_append (out,
                         _ ("Yet there is a token here: the server did not find it in the request. "
                            "If the request carried it as \"Authorization: Bearer <token>\", "
                            "something on the way dropped the header (a proxy, Apache in front of "
                            "PHP, a redirect to another host); otherwise send it that way, once."));
      return;
    }
  if (g_str_equal (means, JD_FINDING_MALFORMED)
      || (g_str_equal (means, "wrong-token-kind") && m->row->claim == NULL))
    {
      if (token == NULL)
        return;
      if (claims != NULL)
        g_string_append (
          out, _ ("But this token decodes cleanly here: the server received something else "
                  "(a cut, quoted or URL-encoded copy, or another value altogether)."));
      else
        g_string_append (out,
                         _ ("The token agrees: it does not decode here either (see the malformed "
                            "findings)."));
      return;
    }
  if (claims == NULL)
    {
      g_string_append (
        out, _ ("No token was given with the message: paste the token too (before or after "
                "the message) to check it against the server's words."));
      return;
    }
  if (g_str_equal (means, JD_FINDING_EXPIRED))
    check_expired (out, m, claims, now);
  else if (g_str_equal (means, JD_FINDING_NOT_YET_VALID)
           || g_str_equal (means, JD_FINDING_ISSUED_IN_FUTURE))
    check_not_yet (out, m, claims, now);
  else if (g_str_equal (means, "missing-exp"))
    check_missing_exp (out, claims);
  else if (g_str_equal (means, JD_FINDING_KID_NOT_FOUND))
    check_kid (out, m, token, claims);
  else if (g_str_equal (means, JD_FINDING_ALGORITHM_NOT_ALLOWED))
    check_algorithm (out, m, token);
  else if (g_str_equal (means, JD_FINDING_SIGNATURE_INVALID))
    check_signature (out, token, claims);
  else if (g_str_equal (means, JD_FINDING_INSUFFICIENT_SCOPE))
    check_scope (out, m, claims);
  else if (m->row->claim != NULL)
    check_values (out, m, claims);
}

/* "\"api://x\" is taken as the expected audience": when the message named
 * it and the person set none. */
static void
note_expectation (GString *out, const JdServerMessageMatch *m, const JdExpectations *given)
{
  gboolean aud = is_claim_row (m->row, JD_FINDING_AUDIENCE_MISMATCH, "aud");
  gboolean iss = is_claim_row (m->row, JD_FINDING_ISSUER_MISMATCH, "iss");

  if (!is_single_value (m->expected) || (!aud && !iss))
    return;
  if (aud && (given == NULL || given->audience == NULL))
    g_string_append_printf (out, _ ("\"%s\" is taken as the expected audience, as none was set."),
                            m->expected);
  else if (iss && (given == NULL || given->issuer == NULL))
    g_string_append_printf (out, _ ("\"%s\" is taken as the expected issuer, as none was set."),
                            m->expected);
}

void
jd_server_messages_diagnose (GPtrArray *matches, JdToken *token, const JdExpectations *expect,
                             const JdExpectations *given, GPtrArray *findings)
{
  gint64 now = expect != NULL ? expect->now : g_get_real_time () / G_USEC_PER_SEC;

  g_return_if_fail (findings != NULL);
  g_return_if_fail (token == NULL || JD_IS_TOKEN (token));

  for (guint i = 0; matches != NULL && i < matches->len; i++)
    {
      const JdServerMessageMatch *m = g_ptr_array_index (matches, i);
      guint k = meaning_index (m->row->means);
      g_autoptr (GString) message = g_string_new (NULL);
      g_autoptr (GString) more = g_string_new (NULL);

      /* TRANSLATORS: "The server said "jwt expired" (jsonwebtoken, in the
       * response body): the token is expired." */
      g_string_append_printf (message, _ ("The server said \"%s\" (%s, in %s): %s."), m->text,
                              m->row->stack, m->where, _ (meanings[k].says));
      cross_check (more, m, token, now);
      if (more->len > 0)
        g_string_append_printf (message, "\n%s", more->str);
      g_string_truncate (more, 0);
      note_expectation (more, m, given);
      if (more->len > 0)
        g_string_append_printf (message, "\n%s", more->str);
      jd_findings_add (findings, JD_FINDING_SERVER_MESSAGE,
                       g_str_equal (m->row->means, JD_SERVER_MESSAGE_NOT_TOKEN)
                         ? JD_SEVERITY_WARNING
                         : JD_SEVERITY_ERROR,
                       meanings[k].rank, m->row->claim, message->str, _ (m->row->check));
    }
}

/* ---- the table for people --------------------------------------------------- */

static void
append_cell (GString *out, const char *text)
{
  g_string_append (out, " ");
  for (const char *p = text; *p; p++)
    {
      if (*p == '|')
        g_string_append (out, "\\|");
      else
        g_string_append_c (out, *p);
    }
  g_string_append (out, " |");
}

char *
jd_server_messages_to_markdown (void)
{
  GString *out = g_string_new ("| message | stack | means | source |\n|---|---|---|---|\n");
  guint n;
  const JdServerMessage *rows = jd_server_messages_get_table (&n);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("`%s`", rows[i].text);

      g_string_append (out, "|");
      append_cell (out, text);
      append_cell (out, rows[i].stack);
      append_cell (out, rows[i].means);
      append_cell (out, rows[i].source);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}
