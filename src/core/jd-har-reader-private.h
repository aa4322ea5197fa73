/* jd-har-reader-private.h — what jd-har-reader.c and jd-har-reader-entry.c share
 *
 * The reading state, the problem reports and the readers of one JSON value
 * (jd-har-reader.c), and the reading of one entry (jd-har-reader-entry.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "jd-har-reader.h"
#include "jd-json-reader.h"

G_BEGIN_DECLS

typedef struct _JdHarReader JdHarReader;

struct _JdHarReader
{
  JdJsonReader *reader;
  const char *data;
  gsize len;
  GBytes *source;
  const JdHarLimits *limits;
  GCancellable *cancellable;
  JdHarProgressFunc progress;
  gpointer progress_data;
  gboolean mapped;         /* data is a private file mapping: read pages may be dropped */
  gsize dropped;           /* bytes at the start already handed back */
  JdHarContents *contents; /* what was read goes here */
  GTimeZone *utc;
  GString *value;  /* scratch for one header value */
  GString *names;  /* header list being built: "name\0value\0…" */
  GArray *offsets; /* gsize pairs into names */
  int entry;       /* index being read, -1 outside entries */
  gboolean in_entries;
  gboolean stopped;          /* a limit or cancellation ended the reading (not a JSON error) */
  GError *stop_error;        /* cancellation */
  JdHarEntryFunc entry_func; /* streaming: each entry goes here and is not kept */
  gpointer entry_data;

  /* per entry, HTTP/2 pseudo-headers and token candidates */
  char *pseudo_method;
  char *pseudo_scheme;
  char *pseudo_authority;
  char *pseudo_path;
  char *query_token;
  char *cookie_token;
  char *cookie_name;
  gboolean has_cookie;
};

/* jd-har-reader.c */

/* A problem at byte @offset of the file, with its line and column. */
G_GNUC_PRINTF (4, 5)
void jd_har_reader_add_problem (JdHarReader *ctx, gsize offset, gboolean fatal, const char *format,
                                ...);
/* The value whose first token is @token is not what the format wants:
 * report it and skip it. Returns FALSE when reading must stop. */
gboolean jd_har_reader_unexpected (JdHarReader *ctx, JdJsonToken token, const char *field,
                                   const char *wanted);
/* Reads a value that should be text and appends it to @out (see there). */
gboolean jd_har_reader_read_text (JdHarReader *ctx, JdJsonToken token, const char *field,
                                  GString *out);
/* Reads a member's value as a new string; NULL in *out when it is not text. */
gboolean jd_har_reader_read_dup_text (JdHarReader *ctx, const char *field, char **out);
/* Reads a number (or a number written as a string); *out unchanged otherwise. */
gboolean jd_har_reader_read_number (JdHarReader *ctx, const char *field, double *out);

/* jd-har-reader-entry.c */

/* Reads the object of log.entries[@index] (its '{' already read) into a
 * JdHarEntry, kept in ctx->contents or handed to ctx->entry_func. Returns
 * FALSE when reading must stop. */
gboolean jd_har_reader_read_entry (JdHarReader *ctx, guint index);
/* Forgets the per-entry state (pseudo-headers, token candidates). */
void jd_har_reader_reset_entry (JdHarReader *ctx);

G_END_DECLS
