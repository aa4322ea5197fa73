/* jd-report.c — renders each token's JdVerdict as text for a terminal and
 * as the JSON of DESIGN.md; decides nothing itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jd-input.h"
#include "jd-json.h"
#include "jd-report.h"
#include "jd-time.h"
#include "jd-verdict.h"
#include "jd-verify.h"

typedef struct
{
  char *source;
  JdToken *token;
  JdVerifyResult *verification;
  GPtrArray *findings;
  JdVerdict *verdict;
  GPtrArray *notes;
  gboolean has_judged_at;
  gint64 judged_at;
} Item;

struct _JdReport
{
  GObject parent_instance;
  GPtrArray *items;
};

G_DEFINE_FINAL_TYPE (JdReport, jd_report, G_TYPE_OBJECT)

static void
item_free (gpointer data)
{
  Item *item = data;

  g_free (item->source);
  g_clear_object (&item->token);
  g_clear_object (&item->verification);
  g_clear_pointer (&item->findings, g_ptr_array_unref);
  g_clear_object (&item->verdict);
  g_clear_pointer (&item->notes, g_ptr_array_unref);
  g_free (item);
}

static void
jd_report_finalize (GObject *object)
{
  JdReport *self = JD_REPORT (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  G_OBJECT_CLASS (jd_report_parent_class)->finalize (object);
}

static void
jd_report_class_init (JdReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jd_report_finalize;
}

static void
jd_report_init (JdReport *self)
{
  self->items = g_ptr_array_new_with_free_func (item_free);
}

JdReport *
jd_report_new (void)
{
  return g_object_new (JD_TYPE_REPORT, NULL);
}

void
jd_report_add_verdict (JdReport *self, const char *source, JdVerdict *verdict)
{
  Item *item;

  g_return_if_fail (JD_IS_REPORT (self));
  g_return_if_fail (JD_IS_VERDICT (verdict));

  item = g_new0 (Item, 1);
  item->source = g_strdup (source ? source : "argument");
  item->verdict = g_object_ref (verdict);
  item->token = g_object_ref (jd_verdict_get_token (verdict));
  item->verification = jd_verdict_get_verification (verdict)
                         ? g_object_ref (jd_verdict_get_verification (verdict))
                         : NULL;
  item->findings = g_ptr_array_ref (jd_verdict_get_findings (verdict));
  item->notes = g_ptr_array_new_with_free_func (g_free);
  if (!jd_verdict_get_judged_now (verdict))
    {
      item->has_judged_at = TRUE;
      item->judged_at = jd_verdict_get_judged_at (verdict);
    }
  g_ptr_array_add (self->items, item);
}

void
jd_report_add (JdReport *self, const char *source, JdToken *token, JdVerifyResult *verification,
               GPtrArray *findings)
{
  g_autoptr (JdVerdict) verdict = NULL;

  g_return_if_fail (JD_IS_REPORT (self));
  g_return_if_fail (JD_IS_TOKEN (token));
  g_return_if_fail (findings != NULL);

  verdict = jd_verdict_new (token, findings, verification, NULL, NULL);
  jd_report_add_verdict (self, source, verdict);
}

void
jd_report_add_note (JdReport *self, const char *note)
{
  Item *item;

  g_return_if_fail (JD_IS_REPORT (self));
  g_return_if_fail (self->items->len > 0);

  item = g_ptr_array_index (self->items, self->items->len - 1);
  g_ptr_array_add (item->notes, g_strdup (note));
}

void
jd_report_set_judged_at (JdReport *self, gint64 when)
{
  Item *item;

  g_return_if_fail (JD_IS_REPORT (self));
  g_return_if_fail (self->items->len > 0);

  item = g_ptr_array_index (self->items, self->items->len - 1);
  item->has_judged_at = TRUE;
  item->judged_at = when;
}

guint
jd_report_get_n_tokens (JdReport *self)
{
  g_return_val_if_fail (JD_IS_REPORT (self), 0);
  return self->items->len;
}

gboolean
jd_report_has_errors (JdReport *self)
{
  g_return_val_if_fail (JD_IS_REPORT (self), FALSE);

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      if (jd_verdict_get_result (item->verdict) == JD_VERDICT_REJECTED)
        return TRUE;
    }
  return FALSE;
}

/* A nested JWT (cty "JWT", RFC 7519 §5.2) carries a whole token as its
 * payload: like every token, it is not printed. */
static gboolean
payload_is_token (JdToken *token)
{
  const char *text = jd_token_get_payload_text (token);

  return jd_token_is_nested (token)
         || (text != NULL && jd_input_is_jwt_shaped (text, strlen (text)));
}

static JdSignatureStatus
item_signature_status (Item *item)
{
  if (jd_token_get_kind (item->token) == JD_TOKEN_KIND_UNSECURED)
    return JD_SIGNATURE_NONE;
  if (item->verification != NULL)
    return jd_verify_result_get_status (item->verification);
  return JD_SIGNATURE_UNVERIFIED;
}

/* ---- JSON ----------------------------------------------------------------- */

static void
add_nullable_string (JsonBuilder *b, const char *name, const char *value)
{
  json_builder_set_member_name (b, name);
  if (value)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

/* "verdict": {"result", "headline", "signature", "signature_text",
 * "judged_at", "judged_now", "judged_reason", "not_checked",
 * "not_checked_text", "errors", "warnings", "first_cause"} */
static void
add_verdict (JsonBuilder *b, JdVerdict *verdict)
{
  const char *const *not_checked = jd_verdict_get_not_checked (verdict);
  JdFinding *first = jd_verdict_get_first_cause (verdict);

  json_builder_set_member_name (b, "verdict");
  json_builder_begin_object (b);
  add_nullable_string (b, "result", jd_verdict_result_to_string (jd_verdict_get_result (verdict)));
  add_nullable_string (b, "headline", jd_verdict_get_headline (verdict));
  add_nullable_string (b, "signature",
                       jd_verdict_signature_to_string (jd_verdict_get_signature (verdict)));
  add_nullable_string (b, "signature_text", jd_verdict_get_signature_text (verdict));
  json_builder_set_member_name (b, "judged_at");
  json_builder_add_int_value (b, jd_verdict_get_judged_at (verdict));
  json_builder_set_member_name (b, "judged_now");
  json_builder_add_boolean_value (b, jd_verdict_get_judged_now (verdict));
  add_nullable_string (b, "judged_reason", jd_verdict_get_judged_reason (verdict));
  json_builder_set_member_name (b, "not_checked");
  json_builder_begin_array (b);
  for (guint i = 0; not_checked[i] != NULL; i++)
    json_builder_add_string_value (b, not_checked[i]);
  json_builder_end_array (b);
  add_nullable_string (b, "not_checked_text", jd_verdict_get_not_checked_text (verdict));
  json_builder_set_member_name (b, "errors");
  json_builder_add_int_value (b, jd_verdict_get_n_errors (verdict));
  json_builder_set_member_name (b, "warnings");
  json_builder_add_int_value (b, jd_verdict_get_n_warnings (verdict));
  add_nullable_string (b, "first_cause", first ? jd_finding_get_id (first) : NULL);
  json_builder_end_object (b);
}

char *
jd_report_to_json (JdReport *self, gboolean pretty)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;

  g_return_val_if_fail (JD_IS_REPORT (self), NULL);

  json_builder_begin_object (b);
  /* The report's format; data/report.schema.json describes version 1. */
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, 1);
  json_builder_set_member_name (b, "tokens");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      JsonObject *header = jd_token_get_header (item->token);
      JsonNode *payload = jd_token_get_payload_node (item->token);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "source");
      json_builder_add_string_value (b, item->source);

      json_builder_set_member_name (b, "header");
      if (header)
        {
          g_autoptr (JsonNode) n = json_node_new (JSON_NODE_OBJECT);
          json_node_set_object (n, header);
          json_builder_add_value (b, json_node_copy (n));
        }
      else
        json_builder_add_null_value (b);

      json_builder_set_member_name (b, "payload");
      if (payload)
        json_builder_add_value (b, json_node_copy (payload));
      else if (jd_token_get_payload_text (item->token) && !payload_is_token (item->token))
        json_builder_add_string_value (b, jd_token_get_payload_text (item->token));
      else
        json_builder_add_null_value (b); /* a nested token is never printed (#12) */

      json_builder_set_member_name (b, "signature");
      json_builder_begin_object (b);
      add_nullable_string (b, "alg", jd_token_get_alg (item->token));
      json_builder_set_member_name (b, "status");
      json_builder_add_string_value (b,
                                     jd_signature_status_to_string (item_signature_status (item)));
      add_nullable_string (b, "kid", jd_token_get_kid (item->token));
      json_builder_end_object (b);

      json_builder_set_member_name (b, "findings");
      json_builder_begin_array (b);
      for (guint j = 0; j < item->findings->len; j++)
        {
          JdFinding *f = g_ptr_array_index (item->findings, j);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          json_builder_add_string_value (b, jd_finding_get_id (f));
          json_builder_set_member_name (b, "severity");
          json_builder_add_string_value (b, jd_severity_to_string (jd_finding_get_severity (f)));
          json_builder_set_member_name (b, "rank");
          json_builder_add_int_value (b, jd_finding_get_rank (f));
          add_nullable_string (b, "claim", jd_finding_get_claim (f));
          add_nullable_string (b, "message", jd_finding_get_message (f));
          add_nullable_string (b, "fix", jd_finding_get_fix (f));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      add_verdict (b, item->verdict);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  return jd_json_to_string (root, pretty);
}

/* ---- text ----------------------------------------------------------------- */

char *
jd_text_escape_controls (const char *text, gboolean keep_newlines)
{
  g_autofree char *valid = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  {
    /* A claim's U+0000 is shown as \u0000 (jd-json.h). */
    g_autofree char *unmarked = jd_json_unmark (text);
    valid = g_utf8_make_valid (unmarked, -1);
  }
  out = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c == '\n' && keep_newlines) || (c >= 0x20 && c < 0x7f) || c > 0x9f)
        g_string_append_unichar (out, c);
      else
        g_string_append_printf (out, "\\u%04x", c);
    }
  return g_string_free (out, FALSE);
}

/* What the report shows of text from a token, a file or a server. */
#define SAFE(s) jd_text_escape_controls ((s), FALSE)
#define SAFE_LINES(s) jd_text_escape_controls ((s), TRUE)

#define C_RESET "\033[0m"
#define C_BOLD "\033[1m"
#define C_DIM "\033[2m"
#define C_RED "\033[31m"
#define C_YELLOW "\033[33m"
#define C_BLUE "\033[34m"
#define C_GREEN "\033[32m"

static const char *
severity_color (JdSeverity s)
{
  switch (s)
    {
      case JD_SEVERITY_ERROR:
        return C_RED;
      case JD_SEVERITY_WARNING:
        return C_YELLOW;
      case JD_SEVERITY_INFO:
        return C_BLUE;
      case JD_SEVERITY_OK:
        return C_GREEN;
      default:
        return "";
    }
}

static const char *
severity_label (JdSeverity s)
{
  /* The word is always there: colour is never the only signal. */
  switch (s)
    {
      case JD_SEVERITY_ERROR:
        return C_ ("severity", "error");
      case JD_SEVERITY_WARNING:
        return C_ ("severity", "warning");
      case JD_SEVERITY_INFO:
        return C_ ("severity", "info");
      case JD_SEVERITY_OK:
        return C_ ("severity", "ok");
      default:
        return "";
    }
}

static void
append_wrapped_line (GString *out, const char *indent, const char *text, gsize len)
{
  /* Wrap at ~78 columns on spaces; UTF-8 safe (counts characters). */
  const char *p = text;
  const char *end = text + len;
  glong col = 0;
  glong width = 78 - g_utf8_strlen (indent, -1);

  g_string_append (out, indent);
  while (p < end)
    {
      const char *word_end = p;
      glong word_len;

      while (word_end < end && *word_end != ' ')
        word_end = g_utf8_next_char (word_end);
      word_len = g_utf8_strlen (p, word_end - p);
      if (col > 0 && col + 1 + word_len > width)
        {
          g_string_append_c (out, '\n');
          g_string_append (out, indent);
          col = 0;
        }
      else if (col > 0)
        {
          g_string_append_c (out, ' ');
          col++;
        }
      g_string_append_len (out, p, word_end - p);
      col += word_len;
      p = word_end;
      while (p < end && *p == ' ')
        p++;
    }
  g_string_append_c (out, '\n');
}

/* Each line of @text (messages may hold several) wrapped under @indent. */
static void
append_wrapped (GString *out, const char *indent, const char *text)
{
  const char *line = text;

  for (;;)
    {
      const char *nl = strchr (line, '\n');
      append_wrapped_line (out, indent, line, nl ? (gsize)(nl - line) : strlen (line));
      if (nl == NULL)
        break;
      line = nl + 1;
    }
}

static void
append_claims (GString *out, JsonObject *object, gboolean color, gint64 now)
{
  g_autoptr (GList) members = json_object_get_members (object);
  gsize width = 0;

  for (GList *l = members; l; l = l->next)
    width = MAX (width, (gsize)g_utf8_strlen (l->data, -1));
  width = MIN (width, 24);

  for (GList *l = members; l; l = l->next)
    {
      const char *name = l->data;
      JsonNode *node = json_object_get_member (object, name);
      g_autofree char *value = NULL;
      gsize pad = width > (gsize)g_utf8_strlen (name, -1) ? width - g_utf8_strlen (name, -1) : 0;

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        value = g_strdup (json_node_get_string (node));
      else
        value = jd_json_to_string (node, FALSE);
      if (g_utf8_strlen (value, -1) > 200)
        {
          char *cut = g_utf8_substring (value, 0, 197);
          g_free (value);
          value = g_strconcat (cut, "…", NULL);
          g_free (cut);
        }

      {
        g_autofree char *safe_name = SAFE (name);
        g_autofree char *safe_value = SAFE (value);
        g_string_append_printf (out, "    %s%s%s%*s  %s", color ? C_BOLD : "", safe_name,
                                color ? C_RESET : "", (int)pad, "", safe_value);
      }

      if (jd_time_claim_from_name (name) != JD_TIME_CLAIM_NONE)
        {
          double t;
          if (jd_numeric_date_read (node, &t) == JD_NUMERIC_DATE_VALID)
            {
              g_autofree char *iso = jd_time_format_utc (t);
              g_autofree char *rel
                = jd_time_format_relative (jd_time_claim_from_name (name), t, now);
              g_string_append_printf (out, "  %s(%s, %s)%s", color ? C_DIM : "", iso ? iso : "?",
                                      rel, color ? C_RESET : "");
            }
        }
      g_string_append_c (out, '\n');
    }
}

/* The verdict's lines, last under each token: when it was judged (if not
 * now), what was not checked, and the headline. */
static void
append_verdict (GString *out, JdVerdict *verdict, gboolean color)
{
  JdVerdictResult result = jd_verdict_get_result (verdict);
  const char *c = result == JD_VERDICT_REJECTED   ? C_RED
                  : result == JD_VERDICT_ACCEPTED ? C_GREEN
                                                  : C_YELLOW;
  g_autofree char *headline = SAFE (jd_verdict_get_headline (verdict));

  if (jd_verdict_get_judged_text (verdict) != NULL)
    append_wrapped (out, "  ", jd_verdict_get_judged_text (verdict));
  if (jd_verdict_get_not_checked_text (verdict) != NULL)
    append_wrapped (out, "  ", jd_verdict_get_not_checked_text (verdict));
  g_string_append_printf (out, "  %s%s %s%s\n", color ? c : "", _ ("Verdict:"), headline,
                          color ? C_RESET : "");
}

/* "Token (source) — alg, kid …" and the item's notes. */
static void
append_item_heading (GString *out, Item *item, gboolean color)
{
  const char *alg = jd_token_get_alg (item->token);
  const char *kid = jd_token_get_kid (item->token);
  g_autofree char *safe_source = SAFE (item->source);
  g_autofree char *safe_alg = SAFE (alg);
  g_autofree char *safe_kid = SAFE (kid);

  g_string_append_printf (out, "%s%s%s", color ? C_BOLD : "", _ ("Token"), color ? C_RESET : "");
  g_string_append_printf (out, " (%s)", safe_source);
  if (alg)
    g_string_append_printf (out, " — %s", safe_alg);
  if (kid)
    g_string_append_printf (out, ", kid %s", safe_kid);
  g_string_append_c (out, '\n');
  for (guint n = 0; n < item->notes->len; n++)
    {
      g_autofree char *note = SAFE (g_ptr_array_index (item->notes, n));
      g_string_append_printf (out, "  %s\n", note);
    }
}

/* The header and the claims, or what the payload is when it has no claims. */
static void
append_item_contents (GString *out, Item *item, gboolean color, gint64 now)
{
  JsonObject *header = jd_token_get_header (item->token);
  JsonObject *claims = jd_token_get_claims (item->token);

  if (header)
    {
      g_string_append_printf (out, "  %s\n", _ ("Header"));
      append_claims (out, header, color, now);
    }
  if (claims)
    {
      g_string_append_printf (out, "  %s\n", _ ("Claims"));
      append_claims (out, claims, color, now);
    }
  else if (jd_token_get_payload_text (item->token) && payload_is_token (item->token))
    g_string_append_printf (out, "  %s\n",
                            _ ("Payload: a nested token, not printed (tokens never are); "
                               "give it on its own to diagnose it"));
  else if (jd_token_get_payload_text (item->token)
           && jd_token_get_kind (item->token) != JD_TOKEN_KIND_JWE)
    {
      const char *payload = jd_token_get_payload_text (item->token);
      /* g_utf8_substring reads past the end when end_pos > the length. */
      g_autofree char *text = g_utf8_substring (payload, 0, MIN (g_utf8_strlen (payload, -1), 400));
      g_string_append_printf (out, "  %s\n    %s\n", _ ("Payload (not a JSON object)"), text);
    }
}

/* One finding: severity, id, claim, then its message and fix wrapped. */
static void
append_finding (GString *out, JdFinding *f, gboolean color)
{
  JdSeverity s = jd_finding_get_severity (f);
  g_autofree char *head = NULL;
  g_autofree char *safe_claim = SAFE (jd_finding_get_claim (f));
  g_autofree char *safe_message = SAFE_LINES (jd_finding_get_message (f));
  g_autofree char *safe_fix = SAFE_LINES (jd_finding_get_fix (f));

  g_string_append_printf (out, "    %s%-7s%s %s", color ? severity_color (s) : "",
                          severity_label (s), color ? C_RESET : "", jd_finding_get_id (f));
  if (jd_finding_get_claim (f))
    g_string_append_printf (out, " [%s]", safe_claim);
  g_string_append_c (out, '\n');
  append_wrapped (out, "            ", safe_message);
  if (jd_finding_get_fix (f))
    {
      head = g_strdup_printf ("%s %s", _ ("Fix:"), safe_fix);
      append_wrapped (out, "            ", head);
    }
}

static void
append_item (GString *out, Item *item, gboolean color, gint64 now)
{
  g_autofree char *signature = SAFE (jd_verdict_get_signature_text (item->verdict));

  append_item_heading (out, item, color);
  append_item_contents (out, item, color, item->has_judged_at ? item->judged_at : now);
  append_wrapped (out, "  ", signature);

  g_string_append_printf (out, "  %s\n", _ ("Diagnosis (most likely cause first)"));
  for (guint j = 0; j < item->findings->len; j++)
    append_finding (out, g_ptr_array_index (item->findings, j), color);
  if (item->findings->len == 0)
    g_string_append_printf (out, "    %s\n", _ ("nothing to report"));

  append_verdict (out, item->verdict, color);
}

char *
jd_report_to_text (JdReport *self, gboolean color, gint64 now)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (JD_IS_REPORT (self), NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, '\n');
      append_item (out, g_ptr_array_index (self->items, i), color, now);
    }
  if (self->items->len == 0)
    g_string_append_printf (out, "%s\n", _ ("No token found."));

  return g_string_free (out, FALSE);
}
