/* jd-har-reader.h — reading an HTTP Archive into entries
 *
 * The reader walks the mapped file once with JdJsonReader and turns each
 * item of log.entries into a JdHarEntry; what it could not read becomes a
 * JdHarProblem with its position. Its limits and errors are here; JdHar
 * (jd-har.h) is what callers load.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "jd-har-entry.h"

G_BEGIN_DECLS

#define JD_HAR_ERROR (jd_har_error_quark ())
GQuark jd_har_error_quark (void);

typedef enum
{
  JD_HAR_ERROR_IO,        /* the file could not be opened or read */
  JD_HAR_ERROR_TOO_LARGE, /* the file is over the size limit */
  JD_HAR_ERROR_NOT_JSON,  /* the JSON broke before any entry could be read */
  JD_HAR_ERROR_NOT_HAR,   /* JSON, but no "log" object with an "entries" array */
} JdHarError;

/* Limits against hostile or absurd files; every one is reported with a
 * message when it is hit. */
typedef struct
{
  guint64 max_file_size;   /* bytes; default 2 GiB */
  guint max_entries;       /* default 1,000,000 */
  gsize max_string_length; /* bytes of one JSON string; default 512 MiB */
  guint max_depth;         /* nested objects and arrays; default 256 */
} JdHarLimits;

#define JD_HAR_DEFAULT_MAX_FILE_SIZE (G_GUINT64_CONSTANT (2) * 1024 * 1024 * 1024)
#define JD_HAR_DEFAULT_MAX_ENTRIES 1000000
#define JD_HAR_DEFAULT_MAX_STRING_LENGTH ((gsize)512 * 1024 * 1024)
#define JD_HAR_DEFAULT_MAX_DEPTH 256

void jd_har_limits_init (JdHarLimits *limits); /* the defaults */

/* Something that went wrong while reading; the entries before it are kept. */
typedef struct
{
  gsize offset;   /* byte offset in the file */
  guint line;     /* 1-based */
  guint column;   /* 1-based, in characters */
  int entry;      /* index in log.entries, or -1 */
  gboolean fatal; /* reading stopped here */
  char *message;  /* translated: "byte 5120 (line 180, column 9): entries[3] is a string, not an
                     object; skipped" */
} JdHarProblem;

/* Called in the caller's main context with 0.0 … 1.0. */
typedef void (*JdHarProgressFunc) (double fraction, gpointer user_data);

/* Streaming: gets each entry as soon as it is read; FALSE stops reading. */
typedef gboolean (*JdHarEntryFunc) (JdHarEntry *entry, gpointer user_data);

/* ------------------------------------------------------------------ */
/* For JdHar (jd-har.c): use jd_har_load_file() and its relatives. */

/* What was read from one file. */
typedef struct
{
  GPtrArray *entries;  /* (element-type JdHarEntry) in file order; none when streaming */
  GPtrArray *problems; /* (element-type JdHarProblem) */
  char *version;       /* log.version, nullable */
  char *creator;       /* "name version" of log.creator, nullable */
  guint n_with_token;
  guint n_401;
  guint n_auth_failures;    /* 401 and 403 */
  gboolean any_credentials; /* an Authorization or Cookie header, a cookie or a token */
} JdHarContents;

void jd_har_contents_init (JdHarContents *contents);  /* empty arrays */
void jd_har_contents_clear (JdHarContents *contents); /* frees what it holds */

/* How to read: @limits must not be NULL; the rest is nullable. */
typedef struct
{
  const JdHarLimits *limits;
  GCancellable *cancellable;
  JdHarProgressFunc progress; /* called on the reading thread */
  gpointer progress_data;
  JdHarEntryFunc entry_func; /* streaming: entries go here and are not kept */
  gpointer entry_data;
} JdHarReadOptions;

/* Read @bytes (kept by entries with bodies) into @contents (initialised
 * with jd_har_contents_init()). @mapped: @bytes is a private file mapping
 * whose read pages may be handed back. @display_name names the data in
 * errors. FALSE with @error set as jd_har_load_file() says. */
gboolean jd_har_read_bytes (GBytes *bytes, gboolean mapped, const char *display_name,
                            const JdHarReadOptions *options, JdHarContents *contents,
                            GError **error);
/* The same for a file, mapped when it is local. */
gboolean jd_har_read_file (GFile *file, const JdHarReadOptions *options, JdHarContents *contents,
                           GError **error);

G_END_DECLS
