/* jd-har-entry-private.h — the fields of JdHarEntry, for the reader
 *
 * jd-har-reader-entry.c fills a JdHarEntry as it reads; everyone else uses
 * the getters of jd-har-entry.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "jd-har-entry.h"

G_BEGIN_DECLS

/* Where a body's "text" is in the file. */
typedef struct
{
  gsize offset;
  gsize len;
  gboolean present;
  gboolean escaped;
  gboolean base64;
} BodySpan;

struct _JdHarEntry
{
  GObject parent_instance;

  guint index;
  char *method;
  char *url;
  char *path;
  guint status;
  char *status_text;
  char *http_version;
  char *response_http_version;
  char *started_iso;
  double started;
  gboolean has_started;
  double time_ms;

  JdHeader *request_headers; /* one block: headers, then their strings */
  guint n_request_headers;
  JdHeader *response_headers;
  guint n_response_headers;

  char *token;
  char *token_name;
  JdHarTokenSource token_source;
  char *token_source_label;

  char *request_mime_type;
  char *response_mime_type;
  BodySpan request_body;
  BodySpan response_body;
  GBytes *source; /* the whole file, for the bodies */
};

G_END_DECLS
