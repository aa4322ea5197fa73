/* test-claims-time.c — the time text and badges of the claims tree:
 * durations, relative times, badges and NumericDate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "jd-claims.h"
#include "jd-time.h"
#include "test-claims-util.h"
#include "test-rows.h"

/* ---- Durations and relative time --------------------------------------- */

static void
assert_duration (gint64 seconds, const char *expected)
{
  g_autofree char *text = jd_time_format_duration (seconds);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_time_duration (void)
{
  assert_duration (0, "0 seconds");
  assert_duration (1, "1 second");
  assert_duration (2, "2 seconds");
  assert_duration (59, "59 seconds");
  assert_duration (60, "60 seconds");
  assert_duration (90, "90 seconds");
  assert_duration (119, "119 seconds");
  assert_duration (120, "2 minutes");
  assert_duration (3599, "59 minutes");
  assert_duration (3600, "1 hour");
  assert_duration (7199, "1 hour");
  assert_duration (7200, "2 hours");
  assert_duration (86399, "23 hours");
  assert_duration (86400, "1 day");
  assert_duration (172799, "1 day");
  assert_duration (172800, "2 days");
  assert_duration (-3600, "1 hour");
  assert_duration (G_MININT64, "2147483647 years");
}

/* One row per unit of the unit table in jd-time.c: the first duration that
 * takes the unit, and one second less, which must not. */
typedef struct
{
  gint64 from;
  const char *at;     /* jd_time_format_duration (from) */
  const char *before; /* jd_time_format_duration (from - 1) */
} UnitRow;

static const UnitRow unit_rows[] = {
  { 1, "1 second", "0 seconds" },         { 120, "2 minutes", "119 seconds" },
  { 3600, "1 hour", "59 minutes" },       { 86400, "1 day", "23 hours" },
  { 14 * 86400, "2 weeks", "13 days" },   { 60 * 86400, "2 months", "8 weeks" },
  { 365 * 86400, "1 year", "12 months" },
};

static void
test_time_unit_row (gconstpointer data)
{
  const UnitRow *row = data;

  assert_duration (row->from, row->at);
  assert_duration (row->from - 1, row->before);
  /* The sign is ignored. */
  assert_duration (-row->from, row->at);
}

/* The largest sensible unit, not a count of days. */
static void
test_time_largest_unit (void)
{
  assert_duration (558 * 86400, "1 year");
  assert_duration (730 * 86400, "2 years");
  assert_duration (10 * 365 * 86400 + 3 * 86400, "10 years");
  assert_duration (45 * 86400, "6 weeks");
  assert_duration (200 * 86400, "6 months");
}

static void
assert_relative (JdTimeClaim claim, double value, gint64 now, const char *expected)
{
  g_autofree char *text = jd_time_format_relative (claim, value, now);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_time_relative (void)
{
  const gint64 now = EXP;

  /* The phrases of the brief. */
  assert_relative (JD_TIME_CLAIM_EXPIRY, now - 3 * 3600, now, "expired 3 hours ago");
  assert_relative (JD_TIME_CLAIM_EXPIRY, now + 4 * 60, now, "expires in 4 minutes");
  assert_relative (JD_TIME_CLAIM_ISSUED_AT, now + 90, now, "issued 90 seconds in the future");
  assert_relative (JD_TIME_CLAIM_ISSUED_AT, now - 2 * 86400, now, "issued 2 days ago");
  assert_relative (JD_TIME_CLAIM_NOT_BEFORE, now + 5 * 60, now, "not valid for another 5 minutes");
  assert_relative (JD_TIME_CLAIM_NOT_BEFORE, now - 3 * 3600, now, "became valid 3 hours ago");
  assert_relative (JD_TIME_CLAIM_AUTH_TIME, now - 3600, now, "authenticated 1 hour ago");
  assert_relative (JD_TIME_CLAIM_UPDATED_AT, now - 400 * 86400, now, "updated 1 year ago");
  assert_relative (JD_TIME_CLAIM_EXPIRY, now - 558 * 86400, now, "expired 1 year ago");
  assert_relative (JD_TIME_CLAIM_EXPIRY, now + 3 * 7 * 86400, now, "expires in 3 weeks");
  assert_relative (JD_TIME_CLAIM_ISSUED_AT, now - 90 * 86400, now, "issued 3 months ago");
  assert_relative (JD_TIME_CLAIM_NOT_BEFORE, now + 2 * 365 * 86400, now,
                   "not valid for another 2 years");
  assert_relative (JD_TIME_CLAIM_AUTH_TIME, now - 20 * 86400, now, "authenticated 2 weeks ago");
  assert_relative (JD_TIME_CLAIM_NONE, now + 13 * 86400, now, "in 13 days");
  assert_relative (JD_TIME_CLAIM_UPDATED_AT, now + 2, now, "updated 2 seconds in the future");
  assert_relative (JD_TIME_CLAIM_NONE, now - 10, now, "10 seconds ago");
  assert_relative (JD_TIME_CLAIM_NONE, now + 10, now, "in 10 seconds");

  /* Singular and plural at the unit boundaries. */
  assert_relative (JD_TIME_CLAIM_EXPIRY, now - 1, now, "expired 1 second ago");
  assert_relative (JD_TIME_CLAIM_EXPIRY, now + 1, now, "expires in 1 second");
  assert_relative (JD_TIME_CLAIM_EXPIRY, now - 59, now, "expired 59 seconds ago");
  assert_relative (JD_TIME_CLAIM_EXPIRY, now - 60, now, "expired 60 seconds ago");
  assert_relative (JD_TIME_CLAIM_EXPIRY, now - 120, now, "expired 2 minutes ago");
  assert_relative (JD_TIME_CLAIM_EXPIRY, now + 3599, now, "expires in 59 minutes");
  assert_relative (JD_TIME_CLAIM_EXPIRY, now + 3600, now, "expires in 1 hour");
  assert_relative (JD_TIME_CLAIM_EXPIRY, now - 86400, now, "expired 1 day ago");
  assert_relative (JD_TIME_CLAIM_EXPIRY, now + 86400, now, "expires in 1 day");
  assert_relative (JD_TIME_CLAIM_ISSUED_AT, now + 1, now, "issued 1 second in the future");
  assert_relative (JD_TIME_CLAIM_NOT_BEFORE, now + 60, now, "not valid for another 60 seconds");

  /* Exactly now, and fractions of a second. */
  assert_relative (JD_TIME_CLAIM_EXPIRY, now, now, "expired just now");
  assert_relative (JD_TIME_CLAIM_ISSUED_AT, now, now, "issued just now");
  assert_relative (JD_TIME_CLAIM_NOT_BEFORE, now, now, "became valid just now");
  assert_relative (JD_TIME_CLAIM_EXPIRY, now - 0.5, now, "expired just now");
  assert_relative (JD_TIME_CLAIM_EXPIRY, now + 0.5, now, "expires in 1 second");
  assert_relative (JD_TIME_CLAIM_EXPIRY, now - 1.5, now, "expired 1 second ago");
}

static const struct
{
  const char *name;
  JdTimeClaim claim;
} relative_claim_rows[] = {
  { "exp", JD_TIME_CLAIM_EXPIRY },
  { "nbf", JD_TIME_CLAIM_NOT_BEFORE },
  { "iat", JD_TIME_CLAIM_ISSUED_AT },
};

static void
test_time_relative_never_zero (gconstpointer data)
{
  const __typeof__ (relative_claim_rows[0]) *row = data;

  for (gint64 delta = -200000; delta <= 200000; delta += 97)
    {
      g_autofree char *text = jd_time_format_relative (row->claim, EXP + delta, EXP);

      g_assert_null (strstr (text, " 0 "));
      if (delta != 0)
        g_assert_null (strstr (text, "just now"));
    }
}

/* ---- Badges ------------------------------------------------------------- */

static void
test_badge_expiry (void)
{
  const JdTimeClaim exp = JD_TIME_CLAIM_EXPIRY;

  /* Leeway 60: expired when now ≥ exp + 60. */
  g_assert_cmpint (jd_time_badge_state (exp, EXP, EXP - 3600, 60), ==, JD_BADGE_OK);
  g_assert_cmpint (jd_time_badge_state (exp, EXP, EXP - 301, 60), ==, JD_BADGE_OK);
  g_assert_cmpint (jd_time_badge_state (exp, EXP, EXP - 300, 60), ==, JD_BADGE_WARNING);
  g_assert_cmpint (jd_time_badge_state (exp, EXP, EXP - 1, 60), ==, JD_BADGE_WARNING);
  g_assert_cmpint (jd_time_badge_state (exp, EXP, EXP, 60), ==, JD_BADGE_WARNING);
  g_assert_cmpint (jd_time_badge_state (exp, EXP, EXP + 59, 60), ==, JD_BADGE_WARNING);
  g_assert_cmpint (jd_time_badge_state (exp, EXP, EXP + 60, 60), ==, JD_BADGE_ERROR);
  g_assert_cmpint (jd_time_badge_state (exp, EXP, EXP + 86400, 60), ==, JD_BADGE_ERROR);

  /* Leeway 0: expired exactly at exp. */
  g_assert_cmpint (jd_time_badge_state (exp, EXP, EXP - 1, 0), ==, JD_BADGE_WARNING);
  g_assert_cmpint (jd_time_badge_state (exp, EXP, EXP, 0), ==, JD_BADGE_ERROR);
  g_assert_cmpint (jd_time_badge_state (exp, EXP, EXP - 301, 0), ==, JD_BADGE_OK);
  /* A negative leeway counts as 0. */
  g_assert_cmpint (jd_time_badge_state (exp, EXP, EXP, -30), ==, JD_BADGE_ERROR);

  /* A leeway longer than 5 minutes widens the warning before exp. */
  g_assert_cmpint (jd_time_badge_state (exp, EXP, EXP - 600, 600), ==, JD_BADGE_WARNING);
  g_assert_cmpint (jd_time_badge_state (exp, EXP, EXP - 601, 600), ==, JD_BADGE_OK);
  g_assert_cmpint (jd_time_badge_state (exp, EXP, EXP + 599, 600), ==, JD_BADGE_WARNING);
  g_assert_cmpint (jd_time_badge_state (exp, EXP, EXP + 600, 600), ==, JD_BADGE_ERROR);

  /* Fractional: now 0.5 s before the limit is not yet expired. */
  g_assert_cmpint (jd_time_badge_state (exp, EXP + 0.5, EXP, 0), ==, JD_BADGE_WARNING);
  g_assert_cmpint (jd_time_badge_state (exp, EXP - 0.5, EXP, 0), ==, JD_BADGE_ERROR);

  g_assert_cmpint (jd_time_badge_state (JD_TIME_CLAIM_NONE, EXP, EXP, 60), ==, JD_BADGE_NONE);
}

/* nbf and iat: in the future is suspicious */
static void
test_badge_future (gconstpointer data)
{
  const __typeof__ (relative_claim_rows[0]) *row = data;
  JdTimeClaim claim = row->claim;

  /* In the past or now: fine. */
  g_assert_cmpint (jd_time_badge_state (claim, EXP - 86400, EXP, 60), ==, JD_BADGE_OK);
  g_assert_cmpint (jd_time_badge_state (claim, EXP, EXP, 60), ==, JD_BADGE_OK);
  g_assert_cmpint (jd_time_badge_state (claim, EXP, EXP, 0), ==, JD_BADGE_OK);
  /* In the future within the leeway: warning; beyond: error. */
  g_assert_cmpint (jd_time_badge_state (claim, EXP + 1, EXP, 60), ==, JD_BADGE_WARNING);
  g_assert_cmpint (jd_time_badge_state (claim, EXP + 60, EXP, 60), ==, JD_BADGE_WARNING);
  g_assert_cmpint (jd_time_badge_state (claim, EXP + 61, EXP, 60), ==, JD_BADGE_ERROR);
  g_assert_cmpint (jd_time_badge_state (claim, EXP + 90, EXP, 60), ==, JD_BADGE_ERROR);
  /* Leeway 0: one second ahead is already an error. */
  g_assert_cmpint (jd_time_badge_state (claim, EXP + 1, EXP, 0), ==, JD_BADGE_ERROR);
}

static void
test_badge_past_events (void)
{
  /* Past events: only a time far in the future is suspicious. */
  g_assert_cmpint (jd_time_badge_state (JD_TIME_CLAIM_AUTH_TIME, EXP - 3600, EXP, 60), ==,
                   JD_BADGE_OK);
  g_assert_cmpint (jd_time_badge_state (JD_TIME_CLAIM_AUTH_TIME, EXP + 61, EXP, 60), ==,
                   JD_BADGE_WARNING);
  g_assert_cmpint (jd_time_badge_state (JD_TIME_CLAIM_UPDATED_AT, EXP + 60, EXP, 60), ==,
                   JD_BADGE_OK);
}

static void
assert_badge_text (JdTimeClaim claim, double value, gint64 now, gint64 leeway, const char *expected)
{
  g_autofree char *text = jd_time_badge_text (claim, value, now, leeway);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_badge_text (void)
{
  assert_badge_text (JD_TIME_CLAIM_EXPIRY, EXP, EXP + 10800, 60, "expired 3 hours ago");
  assert_badge_text (JD_TIME_CLAIM_EXPIRY, EXP, EXP + 30, 60,
                     "expired 30 seconds ago, within leeway");
  assert_badge_text (JD_TIME_CLAIM_EXPIRY, EXP, EXP, 60, "expired just now, within leeway");
  assert_badge_text (JD_TIME_CLAIM_EXPIRY, EXP, EXP, 0, "expired just now");
  assert_badge_text (JD_TIME_CLAIM_EXPIRY, EXP, EXP + 60, 60, "expired 60 seconds ago");
  assert_badge_text (JD_TIME_CLAIM_EXPIRY, EXP, EXP - 240, 60, "expires in 4 minutes");
  assert_badge_text (JD_TIME_CLAIM_ISSUED_AT, EXP + 90, EXP, 60, "issued 90 seconds in the future");
  assert_badge_text (JD_TIME_CLAIM_ISSUED_AT, EXP + 20, EXP, 60,
                     "issued 20 seconds in the future, within leeway");
  assert_badge_text (JD_TIME_CLAIM_NOT_BEFORE, EXP + 300, EXP, 60,
                     "not valid for another 5 minutes");
  assert_badge_text (JD_TIME_CLAIM_NOT_BEFORE, EXP + 60, EXP, 60,
                     "not valid for another 60 seconds, within leeway");

  g_assert_cmpstr (jd_badge_state_to_string (JD_BADGE_WARNING), ==, "warning");
  g_assert_cmpstr (jd_badge_state_to_string (JD_BADGE_ERROR), ==, "error");
}

/* ---- NumericDate ------------------------------------------------------- */

static void
test_numeric_date_fractional (void)
{
  g_autoptr (JsonNode) node = parse ("1748441531.5");
  g_autoptr (JsonNode) integer = parse ("1748441531");
  g_autofree char *tooltip = NULL;
  g_autofree char *utc = NULL;
  double seconds = 0;

  g_assert_cmpint (jd_numeric_date_read (node, &seconds), ==, JD_NUMERIC_DATE_VALID);
  g_assert_cmpfloat (seconds, ==, 1748441531.5);
  g_assert_null (jd_numeric_date_problem ("exp", node));

  g_assert_cmpint (jd_numeric_date_read (integer, &seconds), ==, JD_NUMERIC_DATE_VALID);
  g_assert_cmpfloat (seconds, ==, 1748441531.0);

  utc = jd_time_format_utc (1748441531.5);
  g_assert_cmpstr (utc, ==, "2025-05-28T14:12:11.500000Z");

  /* Tests run with TZ=UTC (tests/meson.build), so local time is UTC. */
  tooltip = jd_time_format_tooltip (1748441531.5, node);
  g_assert_cmpstr (tooltip, ==,
                   "2025-05-28T14:12:11.500000Z (UTC)\n"
                   "2025-05-28 14:12:11.500000 UTC (local time)\n"
                   "1748441531.5 (raw value)");
  g_clear_pointer (&tooltip, g_free);
  tooltip = jd_time_format_tooltip (EXP, integer);
  g_assert_cmpstr (tooltip, ==,
                   "2025-05-28T14:12:11Z (UTC)\n"
                   "2025-05-28 14:12:11 UTC (local time)\n"
                   "1748441531 (raw value)");
  g_clear_pointer (&tooltip, g_free);
  tooltip = jd_time_format_tooltip (EXP, NULL);
  g_assert_true (g_str_has_suffix (tooltip, "\n1748441531 (raw value)"));
}

static void
test_numeric_date_string (void)
{
  g_autoptr (JsonNode) iso = parse ("\"2026-05-28T14:02:11Z\"");
  g_autoptr (JsonNode) digits = parse ("\"1748441531\"");
  g_autoptr (JsonNode) word = parse ("\"tomorrow\"");
  g_autofree char *problem = NULL;
  double seconds = -1;

  g_assert_cmpint (jd_numeric_date_read (iso, &seconds), ==, JD_NUMERIC_DATE_STRING);
  g_assert_cmpfloat (seconds, ==, -1); /* untouched */

  problem = jd_numeric_date_problem ("exp", iso);
  g_assert_cmpstr (problem, ==,
                   "\"exp\" is the string \"2026-05-28T14:02:11Z\", not a NumericDate: RFC 7519 "
                   "wants a JSON number of seconds since 1970 (here 1779976931, "
                   "2026-05-28T14:02:11Z), and most verifiers reject a string");
  g_clear_pointer (&problem, g_free);

  g_assert_cmpint (jd_numeric_date_read (digits, NULL), ==, JD_NUMERIC_DATE_STRING);
  problem = jd_numeric_date_problem ("iat", digits);
  g_assert_nonnull (strstr (problem, "\"iat\" is the string \"1748441531\""));
  g_assert_nonnull (strstr (problem, "(here 1748441531, 2025-05-28T14:12:11Z)"));
  g_clear_pointer (&problem, g_free);

  problem = jd_numeric_date_problem ("nbf", word);
  g_assert_cmpstr (problem, ==,
                   "\"nbf\" is the string \"tomorrow\", not a NumericDate: RFC 7519 wants a JSON "
                   "number of seconds since 1970, and most verifiers reject a string");
  g_clear_pointer (&problem, g_free);

  /* A long or hostile string is cut and escaped. */
  {
    g_autoptr (GString) json = g_string_new ("\"\\u001b[31m");
    g_autoptr (JsonNode) hostile = NULL;

    for (int i = 0; i < 500; i++)
      g_string_append_c (json, 'x');
    g_string_append_c (json, '"');
    hostile = parse (json->str);
    problem = jd_numeric_date_problem ("exp", hostile);
    g_assert_null (strchr (problem, '\033'));
    g_assert_nonnull (strstr (problem, "\\u001b[31m"));
    g_assert_nonnull (strstr (problem, "x…\""));
    g_assert_cmpuint (strlen (problem), <, 400);
  }
}

static const struct
{
  const char *json;
  JdNumericDateStatus status;
  const char *fragment;
} numeric_date_wrong_rows[] = {
  { "true", JD_NUMERIC_DATE_WRONG_TYPE, "\"exp\" is the boolean true" },
  { "null", JD_NUMERIC_DATE_WRONG_TYPE, "\"exp\" is null" },
  { "{}", JD_NUMERIC_DATE_WRONG_TYPE, "\"exp\" is an object" },
  { "[1748441531]", JD_NUMERIC_DATE_WRONG_TYPE, "\"exp\" is an array" },
  { "1748441531000", JD_NUMERIC_DATE_OUT_OF_RANGE,
    "\"exp\" is 1748441531000, which looks like milliseconds since 1970: a NumericDate counts "
    "seconds (1748441531 would be 2025-05-28T14:12:11Z)" },
  { "1e300", JD_NUMERIC_DATE_OUT_OF_RANGE, "outside the years 1 to 9999" },
  { "-1e300", JD_NUMERIC_DATE_OUT_OF_RANGE, "outside the years 1 to 9999" },
  { "253402300799", JD_NUMERIC_DATE_VALID, NULL },
  { "253402300800", JD_NUMERIC_DATE_OUT_OF_RANGE, NULL },
  { "-62135596800", JD_NUMERIC_DATE_VALID, NULL },
  { "0", JD_NUMERIC_DATE_VALID, NULL },
};

static void
test_numeric_date_wrong (gconstpointer data)
{
  const __typeof__ (numeric_date_wrong_rows[0]) *row = data;
  g_autoptr (JsonNode) node = parse (row->json);
  g_autofree char *problem = jd_numeric_date_problem ("exp", node);

  g_test_message ("%s", row->json);
  g_assert_cmpint (jd_numeric_date_read (node, NULL), ==, row->status);
  if (row->status == JD_NUMERIC_DATE_VALID)
    g_assert_null (problem);
  else
    g_assert_nonnull (problem);
  if (row->fragment != NULL)
    g_assert_nonnull (strstr (problem, row->fragment));
}

static void
test_numeric_date_missing (void)
{
  g_assert_cmpint (jd_numeric_date_read (NULL, NULL), ==, JD_NUMERIC_DATE_MISSING);
  g_assert_null (jd_numeric_date_problem ("exp", NULL));
}

static void
test_numeric_date_member (void)
{
  g_autoptr (JsonNode) root = parse ("{\"exp\": 1748441531, \"iat\": \"now\"}");
  JsonObject *object = json_node_get_object (root);
  double seconds = 0;

  g_assert_cmpint (jd_numeric_date_get_member (object, "exp", &seconds), ==, JD_NUMERIC_DATE_VALID);
  g_assert_cmpfloat (seconds, ==, EXP);
  g_assert_cmpint (jd_numeric_date_get_member (object, "iat", &seconds), ==,
                   JD_NUMERIC_DATE_STRING);
  g_assert_cmpint (jd_numeric_date_get_member (object, "nbf", &seconds), ==,
                   JD_NUMERIC_DATE_MISSING);
  g_assert_cmpint (jd_numeric_date_get_member (NULL, "exp", &seconds), ==, JD_NUMERIC_DATE_MISSING);
}

static const struct
{
  const char *text;
  gboolean ok;
  double seconds;
} parse_date_rows[] = {
  { "2026-05-28T14:02:11Z", TRUE, 1779976931 },
  { "2026-05-28T16:02:11+02:00", TRUE, 1779976931 },
  { "2026-05-28T14:02:11", TRUE, 1779976931 },
  { "2026-05-28 14:02:11", TRUE, 1779976931 },
  { "  2026-05-28T14:02:11.5Z ", TRUE, 1779976931.5 },
  { "2026-05-28", TRUE, 1779926400 },
  { "1748441531", TRUE, 1748441531 },
  { "1748441531.25", TRUE, 1748441531.25 },
  { "-1", TRUE, -1 },
  { "", FALSE, 0 },
  { "-", FALSE, 0 },
  { "0x10", FALSE, 0 },
  { "inf", FALSE, 0 },
  { "1e9", FALSE, 0 },
  { "tomorrow", FALSE, 0 },
  { "2026-13-28T14:02:11Z", FALSE, 0 },
  { "99999999999999", FALSE, 0 },
};

static void
test_parse_date_string (gconstpointer data)
{
  const __typeof__ (parse_date_rows[0]) *row = data;
  double seconds = 0;

  g_test_message ("\"%s\"", row->text);
  g_assert_cmpint (jd_time_parse_date_string (row->text, &seconds), ==, row->ok);
  if (row->ok)
    g_assert_cmpfloat (seconds, ==, row->seconds);
}

static void
test_time_claim_names (void)
{
  g_assert_cmpint (jd_time_claim_from_name ("exp"), ==, JD_TIME_CLAIM_EXPIRY);
  g_assert_cmpint (jd_time_claim_from_name ("nbf"), ==, JD_TIME_CLAIM_NOT_BEFORE);
  g_assert_cmpint (jd_time_claim_from_name ("iat"), ==, JD_TIME_CLAIM_ISSUED_AT);
  g_assert_cmpint (jd_time_claim_from_name ("auth_time"), ==, JD_TIME_CLAIM_AUTH_TIME);
  g_assert_cmpint (jd_time_claim_from_name ("updated_at"), ==, JD_TIME_CLAIM_UPDATED_AT);
  g_assert_cmpint (jd_time_claim_from_name ("Exp"), ==, JD_TIME_CLAIM_NONE);
  g_assert_cmpint (jd_time_claim_from_name ("jti"), ==, JD_TIME_CLAIM_NONE);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jd/claims/time/claim-names", test_time_claim_names);
  g_test_add_func ("/jd/claims/time/duration", test_time_duration);
  for (gsize i = 0; i < G_N_ELEMENTS (unit_rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/jd/claims/time/unit/%s", unit_rows[i].at + 2);

      g_test_add_data_func (path, &unit_rows[i], test_time_unit_row);
    }
  g_test_add_func ("/jd/claims/time/largest-unit", test_time_largest_unit);
  g_test_add_func ("/jd/claims/time/relative", test_time_relative);
  JD_TEST_ADD_ROWS ("/jd/claims/time/relative-never-zero", relative_claim_rows, name,
                    test_time_relative_never_zero);
  g_test_add_func ("/jd/claims/time/badge/exp", test_badge_expiry);
  for (guint i = 1; i < G_N_ELEMENTS (relative_claim_rows); i++)
    {
      g_autofree char *path
        = g_strdup_printf ("/jd/claims/time/badge/nbf-iat/%s", relative_claim_rows[i].name);
      g_test_add_data_func (path, &relative_claim_rows[i], test_badge_future);
    }
  g_test_add_func ("/jd/claims/time/badge/past-events", test_badge_past_events);
  g_test_add_func ("/jd/claims/time/badge/text", test_badge_text);
  g_test_add_func ("/jd/claims/time/numeric-date/fractional", test_numeric_date_fractional);
  g_test_add_func ("/jd/claims/time/numeric-date/string", test_numeric_date_string);
  g_test_add_func ("/jd/claims/time/numeric-date/missing", test_numeric_date_missing);
  for (guint i = 0; i < G_N_ELEMENTS (numeric_date_wrong_rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/jd/claims/time/numeric-date/wrong/%u", i);
      g_test_add_data_func (path, &numeric_date_wrong_rows[i], test_numeric_date_wrong);
    }
  g_test_add_func ("/jd/claims/time/numeric-date/member", test_numeric_date_member);
  for (guint i = 0; i < G_N_ELEMENTS (parse_date_rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/jd/claims/time/parse-date-string/%u", i);
      g_test_add_data_func (path, &parse_date_rows[i], test_parse_date_string);
    }

  return g_test_run ();
}
