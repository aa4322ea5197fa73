/* jd-cli-output.c — jwt-doctor-cli prints its report part by part
 *
 * A HAR is judged entry by entry and each entry's tokens are printed as soon
 * as they are judged (then dropped), so memory stays flat however many
 * entries the file has. The parts are rendered by jd-report as small
 * reports of their own and joined here: the text report is the parts one
 * after the other with a blank line between tokens; the JSON report is one
 * document, {"version": 1, "tokens": [ … ]}, whose head is printed with the
 * first part, each part's token objects after it, and whose tail is printed
 * by jd_cli_output_finish(). The output is the same bytes as rendering one
 * report holding every part (tests/test-cli-output.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "jd-cli-output.h"

/* The tail of jd_report_to_json (…, TRUE): the tokens array's close and the
 * object's. */
#define JSON_TAIL "\n  ]\n}"
#define JSON_TOKENS "\"tokens\" : ["

void
jd_cli_output_init (JdCliOutput *self, gboolean json, gboolean color, gint64 now)
{
  g_return_if_fail (self != NULL);

  memset (self, 0, sizeof *self);
  self->json = json;
  self->color = color;
  self->now = now;
}

static void
add_json (JdCliOutput *self, JdReport *report)
{
  g_autofree char *json = jd_report_to_json (report, TRUE);
  const char *head_end = strstr (json, JSON_TOKENS);
  gsize len = strlen (json);

  /* jd-report writes "tokens" last, after "version": its first occurrence is
   * the member, before any token's contents */
  g_return_if_fail (head_end != NULL && g_str_has_suffix (json, JSON_TAIL));
  head_end += strlen (JSON_TOKENS);
  if (!self->open)
    {
      g_print ("%.*s", (int)(head_end - json), json);
      self->open = TRUE;
    }
  else
    g_print (",");
  /* "\n    {…},\n    {…}": the part's token objects, already indented */
  g_print ("%.*s", (int)((json + len - strlen (JSON_TAIL)) - head_end), head_end);
}

void
jd_cli_output_add (JdCliOutput *self, JdReport *report)
{
  guint n;

  g_return_if_fail (self != NULL);
  g_return_if_fail (JD_IS_REPORT (report));

  n = jd_report_get_n_tokens (report);
  if (n == 0)
    return;
  if (jd_report_has_errors (report))
    self->has_errors = TRUE;

  if (self->json)
    add_json (self, report);
  else
    {
      g_autofree char *text = jd_report_to_text (report, self->color, self->now);

      g_print ("%s%s", self->n_tokens > 0 ? "\n" : "", text);
    }
  self->n_tokens += n;
  fflush (stdout);
}

void
jd_cli_output_finish (JdCliOutput *self)
{
  g_return_if_fail (self != NULL);

  if (self->n_tokens == 0)
    {
      g_autoptr (JdReport) empty = jd_report_new ();
      g_autofree char *out = self->json ? jd_report_to_json (empty, TRUE)
                                        : jd_report_to_text (empty, self->color, self->now);

      g_print ("%s%s", out, self->json ? "\n" : "");
    }
  else if (self->json)
    g_print ("%s", JSON_TAIL "\n");
  fflush (stdout);
}

void
jd_cli_usage_error (const char *format, ...)
{
  g_autofree char *msg = NULL;
  g_autofree char *safe = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  /* Messages quote file names, URLs and file contents: no control characters reach the terminal. */
  safe = jd_text_escape_controls (msg, TRUE);
  g_printerr ("jwt-doctor-cli: %s\n", safe);
}
