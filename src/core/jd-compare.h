/* jd-compare.h — two tokens side by side: what differs, and what matters
 *
 * "This one works, that one does not": every header parameter and claim of
 * two tokens as rows {name, left value, right value, state}, the ones that
 * decide acceptance (alg, kid, iss, aud, scope/scp, lifetime, …) carrying a
 * one-line note ("different audience"). Plain data; the window shows it.
 * Values are decoded JSON only: the compact tokens and signatures are never
 * part of a row. For a HAR, jd_compare_pick_pair() chooses the two
 * requests: one that worked, one that failed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "jd-har.h"
#include "jd-token.h"

G_BEGIN_DECLS

typedef enum
{
  JD_COMPARE_SAME,
  JD_COMPARE_DIFFERENT,
  JD_COMPARE_ONLY_LEFT, /* the member is in the left token only */
  JD_COMPARE_ONLY_RIGHT,
} JdCompareState;

typedef enum
{
  JD_COMPARE_SECTION_HEADER,  /* JOSE header parameters */
  JD_COMPARE_SECTION_PAYLOAD, /* claims */
  JD_COMPARE_SECTION_DERIVED, /* computed: lifetime, state at the moment of use, decoding */
} JdCompareSection;

typedef struct
{
  JdCompareSection section;
  char *name; /* "aud", or a derived row's translated label ("lifetime (exp − iat)") */
  char *left; /* display text (compact JSON, times with their UTC date), NULL when absent */
  char *right;
  JdCompareState state;
  guint rank; /* 0: an ordinary member; 1 … : how much it decides acceptance (1 first) */
  char *note; /* translated one-liner for important differences, nullable */
} JdCompareRow;

void jd_compare_row_free (JdCompareRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdCompareRow, jd_compare_row_free)

/* "same", "different", "only in A", "only in B", translated, for a person;
 * @left_name / @right_name (nullable: "left", "right") name the sides:
 * "only in Worked". Returns: (transfer full) */
char *jd_compare_state_describe (JdCompareState state, const char *left_name,
                                 const char *right_name);

/* Compares @left and @right. Rows come in this order: the header (alg,
 * kid, typ, then the others by name), the payload (iss, aud, sub, azp,
 * scope, scp, roles, exp, nbf, iat, then the others by name), then derived
 * rows: "lifetime (exp − iat)" when either has both, "at the moment of use"
 * when @left_at / @right_at (unix seconds) are non-zero, and "decoding" when
 * either token is malformed or its payload is not a JSON object.
 * @leeway: seconds, as for the diagnosis (JD_DEFAULT_LEEWAY).
 * Returns: (transfer full) (element-type JdCompareRow) */
GPtrArray *jd_compare_tokens (JdToken *left, JdToken *right, gint64 left_at, gint64 right_at,
                              gint64 leeway);

/* The number of rows that are not JD_COMPARE_SAME. */
guint jd_compare_count_differences (GPtrArray *rows);

/* The notes of the differing rows, most decisive first (rank, then order),
 * or a single line saying the tokens are identical / differ only in
 * ordinary members. Returns: (transfer full) (array zero-terminated=1) */
char **jd_compare_dup_notes (GPtrArray *rows);

/* TRUE when both compact tokens are the same string (the difference is not
 * in the token: look at the request or the server). */
gboolean jd_compare_same_token (JdToken *left, JdToken *right);

/* TRUE when @entry's response says the call worked (2xx or 3xx). */
gboolean jd_compare_entry_worked (JdHarEntry *entry);

/* For a HAR view: a partner for @entry (nullable: the first failing request
 * with a token): a call that worked when @entry failed, or one that failed
 * when it worked, the same path first, then the nearest in time. Sets
 * *@worked and *@failed (transfer none, nullable). */
void jd_compare_pick_pair (JdHar *har, JdHarEntry *entry, JdHarEntry **worked, JdHarEntry **failed);

G_END_DECLS
