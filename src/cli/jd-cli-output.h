/* jd-cli-output.h — jwt-doctor-cli prints its report part by part
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "jd-report.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean json;
  gboolean color;
  gint64 now;
  guint n_tokens;      /* printed so far */
  gboolean has_errors; /* any printed token has an error finding */
  gboolean open;       /* JSON: the document's head is out, its tail is not */
} JdCliOutput;

void jd_cli_output_init (JdCliOutput *self, gboolean json, gboolean color, gint64 now);
/* Prints (standard output, flushed) the tokens of @report, a part of the whole report, at once; the
 * caller may then drop it. Text and JSON come out byte for byte as one
 * report holding every part would print. */
void jd_cli_output_add (JdCliOutput *self, JdReport *report);
/* Ends the document (or prints the empty report when no token came). */
void jd_cli_output_finish (JdCliOutput *self);

/* Prints "jwt-doctor-cli: MESSAGE" on standard error, its control
 * characters escaped. */
void jd_cli_usage_error (const char *format, ...) G_GNUC_PRINTF (1, 2);

G_END_DECLS
