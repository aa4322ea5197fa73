/* jd-report.c
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
#include "jd-verify.h"

typedef struct {
  char *source;
  JdToken *token;
  JdVerifyResult *verification;
  GPtrArray *findings;
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
jd_report_add (JdReport       *self,
               const char     *source,
               JdToken        *token,
               JdVerifyResult *verification,
               GPtrArray      *findings)
{
  Item *item;

  g_return_if_fail (JD_IS_REPORT (self));
  g_return_if_fail (JD_IS_TOKEN (token));
  g_return_if_fail (findings != NULL);

  item = g_new0 (Item, 1);
  item->source = g_strdup (source ? source : "argument");
  item->token = g_object_ref (token);
  item->verification = verification ? g_object_ref (verification) : NULL;
  item->findings = g_ptr_array_ref (findings);
  item->notes = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->items, item);
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
      for (guint j = 0; j < item->findings->len; j++)
        if (jd_finding_get_severity (g_ptr_array_index (item->findings, j)) == JD_SEVERITY_ERROR)
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

  return jd_token_is_nested (token) ||
         (text != NULL && jd_input_is_jwt_shaped (text, strlen (text)));
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

char *
jd_report_to_json (JdReport *self, gboolean pretty)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;

  g_return_val_if_fail (JD_IS_REPORT (self), NULL);

  json_builder_begin_object (b);
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
      json_builder_add_string_value (b, jd_signature_status_to_string (item_signature_status (item)));
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
    case JD_SEVERITY_ERROR: return C_RED;
    case JD_SEVERITY_WARNING: return C_YELLOW;
    case JD_SEVERITY_INFO: return C_BLUE;
    case JD_SEVERITY_OK: return C_GREEN;
    default: return "";
    }
}

static const char *
severity_label (JdSeverity s)
{
  /* The word is always there: colour is never the only signal. */
  switch (s)
    {
    case JD_SEVERITY_ERROR: return C_("severity", "error");
    case JD_SEVERITY_WARNING: return C_("severity", "warning");
    case JD_SEVERITY_INFO: return C_("severity", "info");
    case JD_SEVERITY_OK: return C_("severity", "ok");
    default: return "";
    }
}

static const char *
signature_words (JdSignatureStatus s)
{
  switch (s)
    {
    case JD_SIGNATURE_VALID: return _("valid");
    case JD_SIGNATURE_INVALID: return _("INVALID");
    case JD_SIGNATURE_NONE: return _("none (unsigned token)");
    case JD_SIGNATURE_UNVERIFIED:
    default: return _("not verified (no key given)");
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
      append_wrapped_line (out, indent, line, nl ? (gsize) (nl - line) : strlen (line));
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
    width = MAX (width, (gsize) g_utf8_strlen (l->data, -1));
  width = MIN (width, 24);

  for (GList *l = members; l; l = l->next)
    {
      const char *name = l->data;
      JsonNode *node = json_object_get_member (object, name);
      g_autofree char *value = NULL;
      gsize pad = width > (gsize) g_utf8_strlen (name, -1) ? width - g_utf8_strlen (name, -1) : 0;

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
        g_string_append_printf (out, "    %s%s%s%*s  %s", color ? C_BOLD : "", safe_name, color ? C_RESET : "",
                                (int) pad, "", safe_value);
      }

      if (jd_time_claim_from_name (name) != JD_TIME_CLAIM_NONE)
        {
          double t;
          if (jd_numeric_date_read (node, &t) == JD_NUMERIC_DATE_VALID)
            {
              g_autofree char *iso = jd_time_format_utc (t);
              g_autofree char *rel = jd_time_format_relative (jd_time_claim_from_name (name), t, now);
              g_string_append_printf (out, "  %s(%s, %s)%s", color ? C_DIM : "", iso ? iso : "?", rel,
                                      color ? C_RESET : "");
            }
        }
      g_string_append_c (out, '\n');
    }
}

char *
jd_report_to_text (JdReport *self, gboolean color, gint64 now)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (JD_IS_REPORT (self), NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      JsonObject *header = jd_token_get_header (item->token);
      JsonObject *claims = jd_token_get_claims (item->token);
      const char *alg = jd_token_get_alg (item->token);
      const char *kid = jd_token_get_kid (item->token);
      guint errors = 0, warnings = 0;
      gint64 item_now = item->has_judged_at ? item->judged_at : now;

      if (i > 0)
        g_string_append_c (out, '\n');

      g_string_append_printf (out, "%s%s%s", color ? C_BOLD : "", _("Token"), color ? C_RESET : "");
      {
        g_autofree char *safe_source = SAFE (item->source);
        g_autofree char *safe_alg = SAFE (alg);
        g_autofree char *safe_kid = SAFE (kid);

        g_string_append_printf (out, " (%s)", safe_source);
        if (alg)
          g_string_append_printf (out, " — %s", safe_alg);
        if (kid)
          g_string_append_printf (out, ", kid %s", safe_kid);
      }
      g_string_append_c (out, '\n');
      for (guint n = 0; n < item->notes->len; n++)
        {
          g_autofree char *note = SAFE (g_ptr_array_index (item->notes, n));
          g_string_append_printf (out, "  %s\n", note);
        }

      if (header)
        {
          g_string_append_printf (out, "  %s\n", _("Header"));
          append_claims (out, header, color, item_now);
        }
      if (claims)
        {
          g_string_append_printf (out, "  %s\n", _("Claims"));
          append_claims (out, claims, color, item_now);
        }
      else if (jd_token_get_payload_text (item->token) && payload_is_token (item->token))
        g_string_append_printf (out, "  %s\n",
                                _("Payload: a nested token, not printed (tokens never are); "
                                  "give it on its own to diagnose it"));
      else if (jd_token_get_payload_text (item->token) && jd_token_get_kind (item->token) != JD_TOKEN_KIND_JWE)
        {
          const char *payload = jd_token_get_payload_text (item->token);
          /* g_utf8_substring reads past the end when end_pos > the length. */
          g_autofree char *text = g_utf8_substring (payload, 0, MIN (g_utf8_strlen (payload, -1), 400));
          g_string_append_printf (out, "  %s\n    %s\n", _("Payload (not a JSON object)"), text);
        }

      if (item_signature_status (item) == JD_SIGNATURE_UNVERIFIED &&
          jd_findings_find (item->findings, JD_FINDING_NO_USABLE_KEY) != NULL)
        /* Keys were given: "no key given" would be false (#12). */
        g_string_append_printf (out, "  %s %s\n", _("Signature:"),
                                _("not verified: none of the keys given can check it (rejected)"));
      else
        g_string_append_printf (out, "  %s %s\n", _("Signature:"), signature_words (item_signature_status (item)));

      g_string_append_printf (out, "  %s\n", _("Diagnosis (most likely cause first)"));
      for (guint j = 0; j < item->findings->len; j++)
        {
          JdFinding *f = g_ptr_array_index (item->findings, j);
          JdSeverity s = jd_finding_get_severity (f);
          g_autofree char *head = NULL;

          errors += s == JD_SEVERITY_ERROR;
          warnings += s == JD_SEVERITY_WARNING;
          {
            g_autofree char *safe_claim = SAFE (jd_finding_get_claim (f));
            g_autofree char *safe_message = SAFE_LINES (jd_finding_get_message (f));
            g_autofree char *safe_fix = SAFE_LINES (jd_finding_get_fix (f));

            g_string_append_printf (out, "    %s%-7s%s %s", color ? severity_color (s) : "", severity_label (s),
                                    color ? C_RESET : "", jd_finding_get_id (f));
            if (jd_finding_get_claim (f))
              g_string_append_printf (out, " [%s]", safe_claim);
            g_string_append_c (out, '\n');
            append_wrapped (out, "            ", safe_message);
            if (jd_finding_get_fix (f))
              {
                head = g_strdup_printf ("%s %s", _("Fix:"), safe_fix);
                append_wrapped (out, "            ", head);
              }
          }
        }
      if (item->findings->len == 0)
        g_string_append_printf (out, "    %s\n", _("nothing to report"));

      if (errors == 0)
        g_string_append_printf (out, "  %s%s%s\n", color ? C_GREEN : "",
                                warnings ? _("Verdict: no errors (see the warnings)")
                                         : _("Verdict: no errors"),
                                color ? C_RESET : "");
      else
        {
          g_autofree char *v = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Verdict: %u error — a server rejects this token",
                                                             "Verdict: %u errors — a server rejects this token", errors),
                                                errors);
          g_string_append_printf (out, "  %s%s%s\n", color ? C_RED : "", v, color ? C_RESET : "");
        }
    }
  if (self->items->len == 0)
    g_string_append_printf (out, "%s\n", _("No token found."));

  return g_string_free (out, FALSE);
}
