/* jd-headers-private.h — the header list and its limits, shared by
 * JdRequest and JdResponse (jd-headers.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "jd-headers.h"

G_BEGIN_DECLS

/* What the header limits (JD_HEADERS_MAX_COUNT, JD_HEADER_MAX_SIZE) left
 * out of a request or a response; a request and a response each keep one. */
typedef struct
{
  gboolean response;   /* the wording: "of the response" */
  guint n_offered;     /* headers given (kept or left out), pseudo-headers aside */
  char *first_over;    /* the name of the first one past the count, shortened */
  GPtrArray *too_long; /* (element-type LeftOut) a header left out for its size */
  GHashTable *over;    /* lower-case name → how many of that name were past the count */
  guint n_over;        /* headers past the count */
  guint n_untracked;   /* of those, past JD_HEADERS_MAX_COUNT names: not in @over */
  GPtrArray *problems; /* (element-type utf8) too_long, then the count; built on demand */
} JdHeaderLimits;

void jd_header_limits_init (JdHeaderLimits *limits, gboolean response);
void jd_header_limits_clear (JdHeaderLimits *limits);
void jd_header_limits_copy (JdHeaderLimits *to, const JdHeaderLimits *from);
/* Forgets the headers called @name that were left out; returns how many. */
guint jd_header_limits_forget (JdHeaderLimits *limits, const char *name);
/* TRUE when a header called @name was (or may have been) left out. */
gboolean jd_header_limits_left_out (JdHeaderLimits *limits, const char *name);
/* The position (1-based) among the headers given of the kept header at @kept (0-based). */
guint jd_header_limits_position (JdHeaderLimits *limits, guint kept);
/* TRUE when "@name: @value" fits; otherwise says so in @limits. */
gboolean jd_header_limits_fits (JdHeaderLimits *limits, guint index, const char *name,
                                const char *value);
/* (element-type utf8) (transfer none): one translated sentence per problem. */
GPtrArray *jd_header_limits_get_problems (JdHeaderLimits *limits);

/* (element-type JdHeader): a list that frees its headers. */
GPtrArray *jd_headers_new (void);
/* HTTP/2 pseudo-headers (":authority", …): never stored. */
gboolean jd_header_name_is_pseudo (const char *name);
/* Appends "@name: @value" unless a pseudo-header or past the limits. */
void jd_headers_add (GPtrArray *headers, JdHeaderLimits *limits, const char *name,
                     const char *value);
const char *jd_headers_get (GPtrArray *headers, const char *name); /* first, case-insensitive */
/* Removes every header called @name, and what the limits said of it. */
void jd_headers_remove (GPtrArray *headers, JdHeaderLimits *limits, const char *name);

G_END_DECLS
