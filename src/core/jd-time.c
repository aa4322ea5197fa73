/* jd-time.c — NumericDate, HTTP-date, relative time for a person, time badges
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "jd-time.h"

G_DEFINE_ENUM_TYPE (JdBadgeState, jd_badge_state, G_DEFINE_ENUM_VALUE (JD_BADGE_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (JD_BADGE_OK, "ok"),
                    G_DEFINE_ENUM_VALUE (JD_BADGE_WARNING, "warning"),
                    G_DEFINE_ENUM_VALUE (JD_BADGE_ERROR, "error"))

/* How much of a string value a message quotes. */
#define QUOTE_MAX_CHARS 64

const char *
jd_badge_state_to_string (JdBadgeState state)
{
  switch (state)
    {
      case JD_BADGE_NONE:
        return "none";
      case JD_BADGE_OK:
        return "ok";
      case JD_BADGE_WARNING:
        return "warning";
      case JD_BADGE_ERROR:
        return "error";
      default:
        g_return_val_if_reached ("none");
    }
}

JdTimeClaim
jd_time_claim_from_name (const char *name)
{
  g_return_val_if_fail (name != NULL, JD_TIME_CLAIM_NONE);

  if (strcmp (name, "exp") == 0)
    return JD_TIME_CLAIM_EXPIRY;
  if (strcmp (name, "nbf") == 0)
    return JD_TIME_CLAIM_NOT_BEFORE;
  if (strcmp (name, "iat") == 0)
    return JD_TIME_CLAIM_ISSUED_AT;
  if (strcmp (name, "auth_time") == 0)
    return JD_TIME_CLAIM_AUTH_TIME;
  if (strcmp (name, "updated_at") == 0)
    return JD_TIME_CLAIM_UPDATED_AT;
  return JD_TIME_CLAIM_NONE;
}

/* ---- NumericDate ------------------------------------------------------- */

static gboolean
in_range (double seconds)
{
  return isfinite (seconds) && seconds >= JD_NUMERIC_DATE_MIN && seconds <= JD_NUMERIC_DATE_MAX;
}

JdNumericDateStatus
jd_numeric_date_read (JsonNode *node, double *out_seconds)
{
  double seconds;
  GType type;

  if (node == NULL)
    return JD_NUMERIC_DATE_MISSING;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return JD_NUMERIC_DATE_WRONG_TYPE;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    return JD_NUMERIC_DATE_STRING;
  else if (type == G_TYPE_INT64)
    seconds = (double)json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    seconds = json_node_get_double (node);
  else
    return JD_NUMERIC_DATE_WRONG_TYPE;

  if (!in_range (seconds))
    return JD_NUMERIC_DATE_OUT_OF_RANGE;

  if (out_seconds != NULL)
    *out_seconds = seconds;
  return JD_NUMERIC_DATE_VALID;
}

JdNumericDateStatus
jd_numeric_date_get_member (JsonObject *object, const char *name, double *out_seconds)
{
  g_return_val_if_fail (name != NULL, JD_NUMERIC_DATE_MISSING);

  if (object == NULL)
    return JD_NUMERIC_DATE_MISSING;
  return jd_numeric_date_read (json_object_get_member (object, name), out_seconds);
}

/* The JSON text of a string, shortened for a message: "2026-05-28T14:…". */
static char *
quote_string (const char *text)
{
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_VALUE);
  g_autofree char *shortened = NULL;
  g_autofree char *valid = NULL;
  g_autoptr (JsonGenerator) generator = json_generator_new ();

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  if (g_utf8_strlen (text, -1) > QUOTE_MAX_CHARS)
    {
      g_autofree char *head = g_utf8_substring (text, 0, QUOTE_MAX_CHARS);
      shortened = g_strconcat (head, "…", NULL);
    }
  json_node_set_string (node, shortened != NULL ? shortened : text);
  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

static char *
number_text (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (value == floor (value) && fabs (value) < 1e15)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64)value);
  return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value));
}

static char *
node_text (JsonNode *node)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

char *
jd_numeric_date_problem (const char *claim, JsonNode *node)
{
  double seconds = 0;

  g_return_val_if_fail (claim != NULL, NULL);

  switch (jd_numeric_date_read (node, &seconds))
    {
      case JD_NUMERIC_DATE_VALID:
      case JD_NUMERIC_DATE_MISSING:
        return NULL;

      case JD_NUMERIC_DATE_STRING:
        {
          const char *text = json_node_get_string (node);
          g_autofree char *quoted = quote_string (text);
          double parsed;

          if (jd_time_parse_date_string (text, &parsed))
            {
              g_autofree char *number = number_text (parsed);
              g_autofree char *utc = jd_time_format_utc (parsed);

              /* TRANSLATORS: 1: a claim name such as exp, 2: its string value
               * as JSON (with its quotes), 3: the same instant as a number,
               * 4: the instant in UTC */
              return g_strdup_printf (
                _ ("\"%s\" is the string %s, not a NumericDate: RFC 7519 wants "
                   "a JSON number of seconds since 1970 (here %s, %s), and "
                   "most verifiers reject a string"),
                claim, quoted, number, utc);
            }
          /* TRANSLATORS: 1: a claim name such as exp, 2: its string value as JSON */
          return g_strdup_printf (
            _ ("\"%s\" is the string %s, not a NumericDate: RFC 7519 wants a "
               "JSON number of seconds since 1970, and most verifiers reject a "
               "string"),
            claim, quoted);
        }

      case JD_NUMERIC_DATE_WRONG_TYPE:
        switch (json_node_get_node_type (node))
          {
            case JSON_NODE_NULL:
              return g_strdup_printf (
                _ ("\"%s\" is null, not a NumericDate (a JSON number of seconds "
                   "since 1970)"),
                claim);
            case JSON_NODE_OBJECT:
              return g_strdup_printf (_ ("\"%s\" is an object, not a NumericDate (a JSON number of "
                                         "seconds since 1970)"),
                                      claim);
            case JSON_NODE_ARRAY:
              return g_strdup_printf (_ ("\"%s\" is an array, not a NumericDate (a JSON number of "
                                         "seconds since 1970)"),
                                      claim);
            case JSON_NODE_VALUE:
            default:
              {
                g_autofree char *raw = node_text (node);
                /* TRANSLATORS: 1: a claim name, 2: the value as JSON (true or false) */
                return g_strdup_printf (_ ("\"%s\" is the boolean %s, not a NumericDate (a JSON "
                                           "number of seconds since 1970)"),
                                        claim, raw);
              }
          }

      case JD_NUMERIC_DATE_OUT_OF_RANGE:
        {
          g_autofree char *raw = node_text (node);
          double value = json_node_get_value_type (node) == G_TYPE_INT64
                           ? (double)json_node_get_int (node)
                           : json_node_get_double (node);

          if (in_range (value / 1000.0))
            {
              g_autofree char *number = number_text (value / 1000.0);
              g_autofree char *utc = jd_time_format_utc (value / 1000.0);

              /* TRANSLATORS: 1: a claim name, 2: its value, 3: the value divided
               * by 1000, 4: that instant in UTC */
              return g_strdup_printf (_ ("\"%s\" is %s, which looks like milliseconds since 1970: "
                                         "a NumericDate counts seconds (%s would be %s)"),
                                      claim, raw, number, utc);
            }
          /* TRANSLATORS: 1: a claim name, 2: its value */
          return g_strdup_printf (_ ("\"%s\" is %s, outside the years 1 to 9999: not a usable "
                                     "NumericDate"),
                                  claim, raw);
        }

      default:
        g_return_val_if_reached (NULL);
    }
}

static gboolean
parse_decimal (const char *text, double *out_seconds)
{
  const char *p;
  char *end = NULL;
  double value;

  /* Only plain decimals: no hex, no "inf", no exponent games. */
  for (p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && *p != '.' && !(p == text && *p == '-'))
      return FALSE;
  if (text[0] == '\0' || (text[0] == '-' && text[1] == '\0'))
    return FALSE;

  value = g_ascii_strtod (text, &end);
  if (end == NULL || *end != '\0' || !in_range (value))
    return FALSE;
  *out_seconds = value;
  return TRUE;
}

gboolean
jd_time_parse_date_string (const char *text, double *out_seconds)
{
  g_autoptr (GTimeZone) utc = NULL;
  g_autoptr (GDateTime) datetime = NULL;
  g_autoptr (GDateTime) epoch = NULL;
  g_autofree char *stripped = NULL;
  double seconds;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_seconds != NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;

  stripped = g_strstrip (g_strdup (text));
  if (parse_decimal (stripped, &seconds))
    {
      *out_seconds = seconds;
      return TRUE;
    }

  /* A bare date, "2026-05-28", is midnight UTC. */
  if (strlen (stripped) == 10 && stripped[4] == '-' && stripped[7] == '-')
    {
      char *with_time = g_strconcat (stripped, "T00:00:00", NULL);
      g_free (stripped);
      stripped = with_time;
    }

  utc = g_time_zone_new_utc ();
  datetime = g_date_time_new_from_iso8601 (stripped, utc);
  if (datetime == NULL)
    return FALSE;

  epoch = g_date_time_new_from_unix_utc (0);
  seconds = (double)g_date_time_difference (datetime, epoch) / G_USEC_PER_SEC;
  if (!in_range (seconds))
    return FALSE;
  *out_seconds = seconds;
  return TRUE;
}

/* ---- HTTP-date (RFC 7231 §7.1.1.1) ------------------------------------- */

static int
month_from_name (const char *name)
{
  static const char *const months[]
    = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

  for (int i = 0; i < 12; i++)
    if (g_ascii_strncasecmp (name, months[i], 3) == 0 && name[3] == '\0')
      return i + 1;
  return 0;
}

static gboolean
make_time (int year, int month, int day, int hour, int minute, int second, gint64 *out)
{
  g_autoptr (GDateTime) dt = NULL;

  if (month < 1 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
    return FALSE;
  if (second == 60) /* a leap second */
    second = 59;
  dt = g_date_time_new_utc (year, month, day, hour, minute, second);
  if (dt == NULL)
    return FALSE;
  *out = g_date_time_to_unix (dt);
  return TRUE;
}

gboolean
jd_http_date_parse (const char *text, gint64 *unix_seconds)
{
  char wkday[16], month[4], zone[4];
  int day, year, hour, minute, second, n = 0;
  gint64 result;

  g_return_val_if_fail (text != NULL, FALSE);

  while (*text == ' ' || *text == '\t')
    text++;

  /* IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT" */
  if (sscanf (text, "%3[A-Za-z], %2d %3[A-Za-z] %4d %2d:%2d:%2d %3[A-Za-z]%n", wkday, &day, month,
              &year, &hour, &minute, &second, zone, &n)
        == 8
      && n > 0 && strlen (wkday) == 3)
    {
      if (g_ascii_strcasecmp (zone, "GMT") == 0 && text[n] == '\0'
          && make_time (year, month_from_name (month), day, hour, minute, second, &result))
        goto done;
      return FALSE;
    }

  /* RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT" */
  n = 0;
  if (sscanf (text, "%15[A-Za-z], %2d-%3[A-Za-z]-%4d %2d:%2d:%2d %3[A-Za-z]%n", wkday, &day, month,
              &year, &hour, &minute, &second, zone, &n)
        == 8
      && n > 0)
    {
      if (year < 100)
        year += year < 70 ? 2000 : 1900; /* RFC 7231 §7.1.1.1 says: 50 years ahead; close enough */
      if (g_ascii_strcasecmp (zone, "GMT") == 0 && text[n] == '\0'
          && make_time (year, month_from_name (month), day, hour, minute, second, &result))
        goto done;
      return FALSE;
    }

  /* asctime: "Sun Nov  6 08:49:37 1994" */
  n = 0;
  if (sscanf (text, "%3[A-Za-z] %3[A-Za-z] %2d %2d:%2d:%2d %4d%n", wkday, month, &day, &hour,
              &minute, &second, &year, &n)
        == 7
      && n > 0)
    {
      if (text[n] == '\0'
          && make_time (year, month_from_name (month), day, hour, minute, second, &result))
        goto done;
      return FALSE;
    }

  return FALSE;

done:
  if (unix_seconds)
    *unix_seconds = result;
  return TRUE;
}

/* ---- Text for a person ------------------------------------------------- */

/* Marks a singular/plural pair for xgettext (po/meson.build passes
 * --keyword=NP_:1,2); translated with g_dngettext() where it is used. */
#define NP_(one, many)                                                                             \
  {                                                                                                \
    one, many                                                                                      \
  }

typedef struct
{
  const char *one;
  const char *many;
} Plural;

typedef enum
{
  UNIT_SECONDS,
  UNIT_MINUTES,
  UNIT_HOURS,
  UNIT_DAYS,
  UNIT_WEEKS,
  UNIT_MONTHS,
  UNIT_YEARS,
  N_UNITS
} Unit;

/* The units, smallest first: a duration takes the largest unit whose `from`
 * it reaches, and counts whole `length`s of it (truncated toward zero).
 * Seconds are kept up to two minutes because the default leeway is 60 s and
 * "90 seconds" says more about clock skew than "1 minute"; days up to two
 * weeks and weeks up to two months, so that no count reads "1" for a span
 * almost twice as long. A month counts 30 days, a year 365. */
static const struct
{
  Unit unit;
  gint64 from;
  gint64 length;
} units[] = {
  { UNIT_SECONDS, 0, 1 },
  { UNIT_MINUTES, 120, 60 },
  { UNIT_HOURS, 3600, 3600 },
  { UNIT_DAYS, 86400, 86400 },
  { UNIT_WEEKS, 14 * 86400, 7 * 86400 },
  { UNIT_MONTHS, 60 * 86400, 30 * 86400 },
  { UNIT_YEARS, 365 * 86400, 365 * 86400 },
};

static Unit
pick_unit (gint64 seconds, gulong *count)
{
  guint64 n = seconds < 0 ? (guint64) - (seconds + 1) + 1 : (guint64)seconds;
  gsize i = G_N_ELEMENTS (units) - 1;

  while (i > 0 && n < (guint64)units[i].from)
    i--;
  *count = (gulong)MIN (n / (guint64)units[i].length, G_MAXINT);
  return units[i].unit;
}

/* "%d seconds", … one row per unit, in Unit order. */
static const Plural duration_phrases[N_UNITS] = {
  NP_ ("%d second", "%d seconds"), NP_ ("%d minute", "%d minutes"), NP_ ("%d hour", "%d hours"),
  NP_ ("%d day", "%d days"),       NP_ ("%d week", "%d weeks"),     NP_ ("%d month", "%d months"),
  NP_ ("%d year", "%d years"),
};

/* Every phrase is a whole sentence for the translator: "expired %d hours
 * ago" and "expires in %d hours" inflect differently in many languages.
 * One row per time claim, one column per unit. */
static const Plural past_phrases[][N_UNITS] = {
  [JD_TIME_CLAIM_NONE] = {
    NP_ ("%d second ago", "%d seconds ago"),
    NP_ ("%d minute ago", "%d minutes ago"),
    NP_ ("%d hour ago", "%d hours ago"),
    NP_ ("%d day ago", "%d days ago"),
    NP_ ("%d week ago", "%d weeks ago"),
    NP_ ("%d month ago", "%d months ago"),
    NP_ ("%d year ago", "%d years ago"),
  },
  [JD_TIME_CLAIM_EXPIRY] = {
    NP_ ("expired %d second ago", "expired %d seconds ago"),
    NP_ ("expired %d minute ago", "expired %d minutes ago"),
    NP_ ("expired %d hour ago", "expired %d hours ago"),
    NP_ ("expired %d day ago", "expired %d days ago"),
    NP_ ("expired %d week ago", "expired %d weeks ago"),
    NP_ ("expired %d month ago", "expired %d months ago"),
    NP_ ("expired %d year ago", "expired %d years ago"),
  },
  [JD_TIME_CLAIM_NOT_BEFORE] = {
    NP_ ("became valid %d second ago", "became valid %d seconds ago"),
    NP_ ("became valid %d minute ago", "became valid %d minutes ago"),
    NP_ ("became valid %d hour ago", "became valid %d hours ago"),
    NP_ ("became valid %d day ago", "became valid %d days ago"),
    NP_ ("became valid %d week ago", "became valid %d weeks ago"),
    NP_ ("became valid %d month ago", "became valid %d months ago"),
    NP_ ("became valid %d year ago", "became valid %d years ago"),
  },
  [JD_TIME_CLAIM_ISSUED_AT] = {
    NP_ ("issued %d second ago", "issued %d seconds ago"),
    NP_ ("issued %d minute ago", "issued %d minutes ago"),
    NP_ ("issued %d hour ago", "issued %d hours ago"),
    NP_ ("issued %d day ago", "issued %d days ago"),
    NP_ ("issued %d week ago", "issued %d weeks ago"),
    NP_ ("issued %d month ago", "issued %d months ago"),
    NP_ ("issued %d year ago", "issued %d years ago"),
  },
  [JD_TIME_CLAIM_AUTH_TIME] = {
    NP_ ("authenticated %d second ago", "authenticated %d seconds ago"),
    NP_ ("authenticated %d minute ago", "authenticated %d minutes ago"),
    NP_ ("authenticated %d hour ago", "authenticated %d hours ago"),
    NP_ ("authenticated %d day ago", "authenticated %d days ago"),
    NP_ ("authenticated %d week ago", "authenticated %d weeks ago"),
    NP_ ("authenticated %d month ago", "authenticated %d months ago"),
    NP_ ("authenticated %d year ago", "authenticated %d years ago"),
  },
  [JD_TIME_CLAIM_UPDATED_AT] = {
    NP_ ("updated %d second ago", "updated %d seconds ago"),
    NP_ ("updated %d minute ago", "updated %d minutes ago"),
    NP_ ("updated %d hour ago", "updated %d hours ago"),
    NP_ ("updated %d day ago", "updated %d days ago"),
    NP_ ("updated %d week ago", "updated %d weeks ago"),
    NP_ ("updated %d month ago", "updated %d months ago"),
    NP_ ("updated %d year ago", "updated %d years ago"),
  },
};

static const Plural future_phrases[][N_UNITS] = {
  [JD_TIME_CLAIM_NONE] = {
    NP_ ("in %d second", "in %d seconds"),
    NP_ ("in %d minute", "in %d minutes"),
    NP_ ("in %d hour", "in %d hours"),
    NP_ ("in %d day", "in %d days"),
    NP_ ("in %d week", "in %d weeks"),
    NP_ ("in %d month", "in %d months"),
    NP_ ("in %d year", "in %d years"),
  },
  [JD_TIME_CLAIM_EXPIRY] = {
    NP_ ("expires in %d second", "expires in %d seconds"),
    NP_ ("expires in %d minute", "expires in %d minutes"),
    NP_ ("expires in %d hour", "expires in %d hours"),
    NP_ ("expires in %d day", "expires in %d days"),
    NP_ ("expires in %d week", "expires in %d weeks"),
    NP_ ("expires in %d month", "expires in %d months"),
    NP_ ("expires in %d year", "expires in %d years"),
  },
  [JD_TIME_CLAIM_NOT_BEFORE] = {
    NP_ ("not valid for another %d second", "not valid for another %d seconds"),
    NP_ ("not valid for another %d minute", "not valid for another %d minutes"),
    NP_ ("not valid for another %d hour", "not valid for another %d hours"),
    NP_ ("not valid for another %d day", "not valid for another %d days"),
    NP_ ("not valid for another %d week", "not valid for another %d weeks"),
    NP_ ("not valid for another %d month", "not valid for another %d months"),
    NP_ ("not valid for another %d year", "not valid for another %d years"),
  },
  [JD_TIME_CLAIM_ISSUED_AT] = {
    NP_ ("issued %d second in the future", "issued %d seconds in the future"),
    NP_ ("issued %d minute in the future", "issued %d minutes in the future"),
    NP_ ("issued %d hour in the future", "issued %d hours in the future"),
    NP_ ("issued %d day in the future", "issued %d days in the future"),
    NP_ ("issued %d week in the future", "issued %d weeks in the future"),
    NP_ ("issued %d month in the future", "issued %d months in the future"),
    NP_ ("issued %d year in the future", "issued %d years in the future"),
  },
  [JD_TIME_CLAIM_AUTH_TIME] = {
    NP_ ("authenticated %d second in the future", "authenticated %d seconds in the future"),
    NP_ ("authenticated %d minute in the future", "authenticated %d minutes in the future"),
    NP_ ("authenticated %d hour in the future", "authenticated %d hours in the future"),
    NP_ ("authenticated %d day in the future", "authenticated %d days in the future"),
    NP_ ("authenticated %d week in the future", "authenticated %d weeks in the future"),
    NP_ ("authenticated %d month in the future", "authenticated %d months in the future"),
    NP_ ("authenticated %d year in the future", "authenticated %d years in the future"),
  },
  [JD_TIME_CLAIM_UPDATED_AT] = {
    NP_ ("updated %d second in the future", "updated %d seconds in the future"),
    NP_ ("updated %d minute in the future", "updated %d minutes in the future"),
    NP_ ("updated %d hour in the future", "updated %d hours in the future"),
    NP_ ("updated %d day in the future", "updated %d days in the future"),
    NP_ ("updated %d week in the future", "updated %d weeks in the future"),
    NP_ ("updated %d month in the future", "updated %d months in the future"),
    NP_ ("updated %d year in the future", "updated %d years in the future"),
  },
};

/* Every phrase in the tables holds exactly one %d (xgettext marks them
 * c-format, and msgfmt --check holds translations to it), so the format
 * not being a literal here is safe. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static char *
format_plural (const Plural *phrase, gulong n)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, phrase->one, phrase->many, n), (int)n);
}
#pragma GCC diagnostic pop

char *
jd_time_format_duration (gint64 seconds)
{
  gulong n;
  Unit unit = pick_unit (seconds, &n);

  return format_plural (&duration_phrases[unit], n);
}

static char *
past_phrase (JdTimeClaim claim, Unit unit, gulong n)
{
  if ((gsize)claim >= G_N_ELEMENTS (past_phrases))
    claim = JD_TIME_CLAIM_NONE;
  return format_plural (&past_phrases[claim][unit], n);
}

static char *
future_phrase (JdTimeClaim claim, Unit unit, gulong n)
{
  if ((gsize)claim >= G_N_ELEMENTS (future_phrases))
    claim = JD_TIME_CLAIM_NONE;
  return format_plural (&future_phrases[claim][unit], n);
}

static const char *
now_phrase (JdTimeClaim claim)
{
  switch (claim)
    {
      case JD_TIME_CLAIM_EXPIRY:
        return _ ("expired just now");
      case JD_TIME_CLAIM_NOT_BEFORE:
        return _ ("became valid just now");
      case JD_TIME_CLAIM_ISSUED_AT:
        return _ ("issued just now");
      case JD_TIME_CLAIM_AUTH_TIME:
        return _ ("authenticated just now");
      case JD_TIME_CLAIM_UPDATED_AT:
        return _ ("updated just now");
      case JD_TIME_CLAIM_NONE:
      default:
        return _ ("just now");
    }
}

/* Whole seconds between now and @value, rounded toward now in the past and
 * away from it in the future, clamped so the arithmetic cannot overflow. */
static gint64
whole_seconds (double value, gint64 now)
{
  double delta = value - (double)now;

  delta = CLAMP (delta, -1e15, 1e15);
  if (delta > 0)
    return (gint64)ceil (delta);
  return -(gint64)floor (-delta);
}

char *
jd_time_format_relative (JdTimeClaim claim, double value, gint64 now)
{
  gint64 delta;
  gulong n;
  Unit unit;

  g_return_val_if_fail (isfinite (value), g_strdup (""));

  delta = whole_seconds (value, now);
  if (delta == 0)
    return g_strdup (now_phrase (claim));

  unit = pick_unit (delta, &n);
  if (delta > 0)
    return future_phrase (claim, unit, n);
  return past_phrase (claim, unit, n);
}

/* TRUE when the state is a warning only because the leeway tolerates it. */
static gboolean
tolerated_by_leeway (JdTimeClaim claim, double value, double now, double leeway)
{
  switch (claim)
    {
      case JD_TIME_CLAIM_EXPIRY:
        return now >= value && now < value + leeway;
      case JD_TIME_CLAIM_NOT_BEFORE:
      case JD_TIME_CLAIM_ISSUED_AT:
        return value > now && value <= now + leeway;
      case JD_TIME_CLAIM_AUTH_TIME:
      case JD_TIME_CLAIM_UPDATED_AT:
      case JD_TIME_CLAIM_NONE:
      default:
        return FALSE;
    }
}

JdBadgeState
jd_time_badge_state (JdTimeClaim claim, double value, gint64 now, gint64 leeway)
{
  double n = (double)now;
  double l = (double)MAX (leeway, 0);

  g_return_val_if_fail (isfinite (value), JD_BADGE_ERROR);

  switch (claim)
    {
      case JD_TIME_CLAIM_EXPIRY:
        if (n >= value + l)
          return JD_BADGE_ERROR;
        if (value - n <= MAX (l, (double)JD_TIME_EXPIRY_WARNING))
          return JD_BADGE_WARNING;
        return JD_BADGE_OK;

      case JD_TIME_CLAIM_NOT_BEFORE:
      case JD_TIME_CLAIM_ISSUED_AT:
        if (value > n + l)
          return JD_BADGE_ERROR;
        if (value > n)
          return JD_BADGE_WARNING;
        return JD_BADGE_OK;

      case JD_TIME_CLAIM_AUTH_TIME:
      case JD_TIME_CLAIM_UPDATED_AT:
        if (value > n + l)
          return JD_BADGE_WARNING;
        return JD_BADGE_OK;

      case JD_TIME_CLAIM_NONE:
      default:
        return JD_BADGE_NONE;
    }
}

char *
jd_time_badge_text (JdTimeClaim claim, double value, gint64 now, gint64 leeway)
{
  g_autofree char *relative = NULL;

  g_return_val_if_fail (isfinite (value), g_strdup (""));

  relative = jd_time_format_relative (claim, value, now);
  if (tolerated_by_leeway (claim, value, (double)now, (double)MAX (leeway, 0)))
    /* TRANSLATORS: %s is a phrase such as "expired 30 seconds ago" */
    return g_strdup_printf (_ ("%s, within leeway"), relative);
  return g_steal_pointer (&relative);
}

static GDateTime *
date_time_from_seconds (double value, gboolean local)
{
  g_autoptr (GDateTime) whole = NULL;
  double integral;
  gint64 usec;

  if (!in_range (value))
    return NULL;

  integral = floor (value);
  usec = (gint64)round ((value - integral) * G_USEC_PER_SEC);
  whole = local ? g_date_time_new_from_unix_local ((gint64)integral)
                : g_date_time_new_from_unix_utc ((gint64)integral);
  if (whole == NULL)
    return NULL;
  if (usec == 0)
    return g_steal_pointer (&whole);
  return g_date_time_add (whole, usec);
}

char *
jd_time_format_utc (double value)
{
  g_autoptr (GDateTime) datetime = date_time_from_seconds (value, FALSE);

  if (datetime == NULL)
    return NULL;
  return g_date_time_format_iso8601 (datetime);
}

char *
jd_time_format_local (double value)
{
  g_autoptr (GDateTime) datetime = date_time_from_seconds (value, TRUE);

  if (datetime == NULL)
    return NULL;
  if (g_date_time_get_microsecond (datetime) != 0)
    return g_date_time_format (datetime, "%Y-%m-%d %H:%M:%S.%f %Z");
  return g_date_time_format (datetime, "%Y-%m-%d %H:%M:%S %Z");
}

char *
jd_time_format_tooltip (double value, JsonNode *raw)
{
  g_autofree char *utc = jd_time_format_utc (value);
  g_autofree char *local = jd_time_format_local (value);
  g_autofree char *number = raw != NULL ? node_text (raw) : number_text (value);

  if (utc == NULL || local == NULL)
    /* TRANSLATORS: %s is a number as written in the token */
    return g_strdup_printf (_ ("%s (raw value, outside the years 1 to 9999)"), number);

  /* TRANSLATORS: 1: a date in UTC (ISO 8601), 2: the same in local time,
   * 3: the number as written in the token. Keep the line breaks. */
  return g_strdup_printf (_ ("%s (UTC)\n%s (local time)\n%s (raw value)"), utc, local, number);
}
