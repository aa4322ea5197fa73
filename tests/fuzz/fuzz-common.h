/* fuzz-common.h — what every fuzz target shares
 *
 * Each tests/fuzz/fuzz-NAME.c defines `int jd_fuzz_NAME (const guint8 *data,
 * gsize size)` and ends with JD_FUZZ_ENTRY_POINT (jd_fuzz_NAME). Built with
 * -Dfuzzing=true (clang, libFuzzer) that becomes LLVMFuzzerTestOneInput; in
 * tests/test-regressions.c the same functions replay tests/data/fuzz-*
 * without libFuzzer (JD_FUZZ_NO_ENTRY_POINT).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Once per process: criticals and warnings become fatal (a
 * g_return_if_fail that trips on fuzz input is a bug), fixed locale and
 * time zone so runs are reproducible. */
void jd_fuzz_init (void);

/* A fixed instant for time claims: 2023-11-14 22:13:20 UTC. */
#define JD_FUZZ_NOW G_GINT64_CONSTANT (1700000000)

/* Asserts that @s (@len bytes) is valid UTF-8 when not NULL: every message
 * and string a parser hands out is shown in GTK labels. */
void jd_fuzz_assert_utf8 (const char *s);
/* TRUE when @len bytes are UTF-8, U+0000 (a NUL byte) allowed. */
gboolean jd_fuzz_utf8_with_nul (const char *s, gsize len);

/* TRUE when @json holds a number as json-glib 1.6's generator writes a
 * double with an exponent: "1e+22.0", which is not JSON. A known issue
 * (reported, in jd_json_to_string and jd_report_to_json): the targets
 * call jd_fuzz_known_issue() for it instead of failing, and the replay in
 * test-regressions marks the test incomplete (TAP "# TODO") until fixed. */
gboolean jd_fuzz_has_json_glib_exponent (const char *json);
/* Likewise: json-glib 1.6 escapes every control character in a string but
 * U+001F, which it writes as a raw byte (not JSON). */
gboolean jd_fuzz_has_json_glib_raw_1f   (const char *json);
/* Either of the two, or ±inf written as "-inf.0" (jd_json_parse reads a
 * number beyond a double's range as ±inf). */
gboolean jd_fuzz_has_json_glib_bug      (const char *json);
void     jd_fuzz_known_issue            (const char *what);

int jd_fuzz_token            (const guint8 *data, gsize size);
int jd_fuzz_json             (const guint8 *data, gsize size);
int jd_fuzz_www_authenticate (const guint8 *data, gsize size);
int jd_fuzz_har              (const guint8 *data, gsize size);
int jd_fuzz_keys             (const guint8 *data, gsize size);
int jd_fuzz_curl             (const guint8 *data, gsize size);

#ifdef JD_FUZZ_NO_ENTRY_POINT
# define JD_FUZZ_ENTRY_POINT(func)
#else
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);
# define JD_FUZZ_ENTRY_POINT(func)                                        \
  int                                                                     \
  LLVMFuzzerTestOneInput (const guint8 *data, size_t size)                \
  {                                                                       \
    jd_fuzz_init ();                                                      \
    return func (data, size);                                             \
  }
#endif

G_END_DECLS
