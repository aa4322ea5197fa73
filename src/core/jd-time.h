/* jd-time.h — NumericDate (RFC 7519 §2), HTTP-date, relative time for a person, badges
 *
 * Everything here is plain data: no clock is read. The caller passes `now`
 * (unix seconds) and the leeway L (seconds), so tests and the CLI's --now
 * judge any instant, and the window can tick once a second.
 *
 * Time rules (DESIGN.md), for a claim value v:
 *   exp  error    when now ≥ v + L              ("expired 3 hours ago")
 *        warning  when v ≤ now < v + L           (expired, but within the leeway)
 *                 or v − now ≤ max (L, 300)      (expires within 5 minutes)
 *        ok       otherwise                      ("expires in 2 hours")
 *   nbf  error    when v > now + L               ("not valid for another 5 minutes")
 *        warning  when now < v ≤ now + L         (in the future, within the leeway)
 *        ok       when v ≤ now                   ("became valid 3 days ago")
 *   iat  error    when v > now + L               ("issued 90 seconds in the future")
 *        warning  when now < v ≤ now + L
 *        ok       when v ≤ now                   ("issued 2 days ago")
 *   auth_time, updated_at
 *        warning  when v > now + L (a past event dated in the future: clock skew)
 *        ok       otherwise
 * A time claim whose value is not a NumericDate (a string date, a boolean…)
 * is an error for exp/nbf/iat and a warning for the others.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The state of a time badge. The badge text always says the state in words
 * too ("expired …", "within leeway"), so colour is never the only signal. */
typedef enum
{
  JD_BADGE_NONE,    /* no badge: not a time claim */
  JD_BADGE_OK,      /* valid (success colour) */
  JD_BADGE_WARNING, /* within the leeway of a limit, or exp within 5 minutes */
  JD_BADGE_ERROR,   /* expired, not yet valid, issued in the future, or not a NumericDate */
} JdBadgeState;

GType jd_badge_state_get_type (void);
#define JD_TYPE_BADGE_STATE (jd_badge_state_get_type ())

/* "none", "ok", "warning", "error" — for CSS classes and JSON. */
const char *jd_badge_state_to_string (JdBadgeState state);

/* The payload claims whose value is a NumericDate. */
typedef enum
{
  JD_TIME_CLAIM_NONE,       /* not a time claim */
  JD_TIME_CLAIM_EXPIRY,     /* exp (RFC 7519 §4.1.4) */
  JD_TIME_CLAIM_NOT_BEFORE, /* nbf (RFC 7519 §4.1.5) */
  JD_TIME_CLAIM_ISSUED_AT,  /* iat (RFC 7519 §4.1.6) */
  JD_TIME_CLAIM_AUTH_TIME,  /* auth_time (OIDC Core §2) */
  JD_TIME_CLAIM_UPDATED_AT, /* updated_at (OIDC Core §5.1) */
} JdTimeClaim;

/* Which time claim a top-level payload member @name is (exact match). */
JdTimeClaim jd_time_claim_from_name (const char *name);

/* Seconds after which the exp badge warns regardless of the leeway. */
#define JD_TIME_EXPIRY_WARNING 300

/* ---- NumericDate ------------------------------------------------------- */

typedef enum
{
  JD_NUMERIC_DATE_VALID,        /* a JSON number (integer or fractional) in range */
  JD_NUMERIC_DATE_MISSING,      /* no value (node is NULL) */
  JD_NUMERIC_DATE_STRING,       /* a JSON string, e.g. "2026-05-28T14:02:11Z" or "1748441531" */
  JD_NUMERIC_DATE_WRONG_TYPE,   /* null, a boolean, an object or an array */
  JD_NUMERIC_DATE_OUT_OF_RANGE, /* NaN, or outside years 1–9999 (e.g. milliseconds) */
} JdNumericDateStatus;

/* The earliest and latest NumericDate accepted: 0001-01-01T00:00:00Z and
 * 9999-12-31T23:59:59Z. */
#define JD_NUMERIC_DATE_MIN (-62135596800.0)
#define JD_NUMERIC_DATE_MAX (253402300799.0)

/* Reads @node (nullable) as a NumericDate: seconds since 1970-01-01T00:00:00Z,
 * possibly fractional. Sets *@out_seconds (nullable) only when the result is
 * JD_NUMERIC_DATE_VALID. */
JdNumericDateStatus jd_numeric_date_read (JsonNode *node, double *out_seconds);

/* The same for the member @name of @object (nullable): absent is
 * JD_NUMERIC_DATE_MISSING. */
JdNumericDateStatus jd_numeric_date_get_member (JsonObject *object, const char *name,
                                                double *out_seconds);

/* A translated message for a finding when @node is not a NumericDate, or
 * NULL when it is one (or is missing). @claim names the claim in the text;
 * no trailing period, like the other finding messages:
 *   "exp" is the string "2026-05-28T14:02:11Z", not a NumericDate: RFC 7519
 *   wants a JSON number of seconds since 1970 (here 1779976931,
 *   2026-05-28T14:02:11Z), and most verifiers reject a string
 * Long strings are cut after 64 characters and JSON-escaped, so the text is
 * safe to print. Out-of-range numbers that look like milliseconds say so:
 *   "exp" is 1748441531000, which looks like milliseconds since 1970: a
 *   NumericDate counts seconds (1748441531 would be 2025-05-28T14:12:11Z)
 * Suggested severity: error for exp/nbf/iat, warning for the others.
 * Returns: (transfer full) (nullable) */
char *jd_numeric_date_problem (const char *claim, JsonNode *node);

/* Parses a date string a person (or a wrong library) might put in a time
 * claim: RFC 3339 / ISO 8601 with a zone ("2026-05-28T14:02:11Z",
 * "2026-05-28T16:02:11+02:00"), or without a zone taken as UTC
 * ("2026-05-28T14:02:11", "2026-05-28 14:02:11"), or a decimal number in
 * a string ("1748441531", "1748441531.5").
 * Returns: TRUE and *@out_seconds when it could be read. */
gboolean jd_time_parse_date_string (const char *text, double *out_seconds);

/* ---- HTTP-date --------------------------------------------------------- */

/* HTTP-date (RFC 7231 §7.1.1.1: IMF-fixdate, and the obsolete RFC 850
 * and asctime forms) to unix seconds. FALSE when @text is none of them.
 * (Also declared in jd-www-authenticate.h, where it was first.) */
gboolean jd_http_date_parse (const char *text, gint64 *unix_seconds);

/* ---- Text for a person ------------------------------------------------- */

/* A duration in the largest sensible unit, translated, with plural forms:
 *   |seconds| < 120       → seconds   ("1 second", "90 seconds")
 *   |seconds| < 1 hour    → minutes   ("2 minutes", "59 minutes")
 *   |seconds| < 1 day     → hours     ("1 hour", "23 hours")
 *   |seconds| < 14 days   → days      ("1 day", "13 days")
 *   |seconds| < 60 days   → weeks     ("2 weeks", "8 weeks")
 *   |seconds| < 365 days  → months    ("2 months", "12 months"; a month is 30 days)
 *   otherwise             → years     ("1 year" for 558 days; a year is 365 days)
 * The units are one table in jd-time.c. The count is truncated toward zero;
 * the sign is ignored. Seconds are kept up to two minutes because the
 * default leeway is 60 s and "90 seconds" says more about clock skew than
 * "1 minute". 0 gives "0 seconds"; the relative forms below never print a
 * zero count.
 * Returns: (transfer full) */
char *jd_time_format_duration (gint64 seconds);

/* How @claim's time @value relates to @now, as a short phrase:
 *   exp         "expired 3 hours ago"        / "expires in 4 minutes"        / "expired just now"
 *   nbf         "became valid 2 days ago"    / "not valid for another 5 minutes" / "became valid
 * just now" iat         "issued 2 days ago"          / "issued 90 seconds in the future" / "issued
 * just now" auth_time   "authenticated 1 hour ago"   / "authenticated 3 minutes in the future" /
 * "authenticated just now" updated_at  "updated 1 year ago"         / "updated 2 seconds in the
 * future" / "updated just now" NONE        "3 hours ago"                / "in 4 minutes" / "just
 * now" The unit follows jd_time_format_duration(). Whole seconds: a time in the past is rounded
 * toward now ("just now" under one second), a time in the future away from it (0.5 s ahead reads
 * "expires in 1 second"), so a future time is never called "just now" and the count is never 0.
 * Returns: (transfer full) */
char *jd_time_format_relative (JdTimeClaim claim, double value, gint64 now);

/* The badge state of @claim at @value, per the rules at the top of this file.
 * Returns JD_BADGE_NONE for JD_TIME_CLAIM_NONE. A negative leeway counts as 0. */
JdBadgeState jd_time_badge_state (JdTimeClaim claim, double value, gint64 now, gint64 leeway);

/* The badge's text: jd_time_format_relative(), plus ", within leeway" when
 * the warning comes from the leeway (expired but tolerated; nbf/iat ahead
 * but tolerated). An exp within 5 minutes already reads "expires in 4 minutes".
 * Returns: (transfer full) */
char *jd_time_badge_text (JdTimeClaim claim, double value, gint64 now, gint64 leeway);

/* @value as UTC ISO 8601: "2026-05-28T14:02:11Z", with microseconds when
 * fractional ("2026-05-28T14:02:11.500000Z"). NULL when out of range.
 * Returns: (transfer full) (nullable) */
char *jd_time_format_utc (double value);

/* @value in the local time zone: "2026-05-28 16:02:11 CEST".
 * Returns: (transfer full) (nullable) */
char *jd_time_format_local (double value);

/* The tooltip of a time badge, three lines:
 *   2026-05-28T14:02:11Z (UTC)
 *   2026-05-28 16:02:11 CEST (local time)
 *   1779977931 (raw value)
 * @raw (nullable) is the JSON as written; without it the number is printed.
 * Returns: (transfer full) */
char *jd_time_format_tooltip (double value, JsonNode *raw);

G_END_DECLS
