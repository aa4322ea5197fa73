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

/* A known issue not fixed yet: the replay in test-regressions marks the
 * test incomplete (TAP "# TODO"); the fuzzer itself goes on. */
void jd_fuzz_known_issue (const char *what);

int jd_fuzz_token (const guint8 *data, gsize size);
int jd_fuzz_json (const guint8 *data, gsize size);
int jd_fuzz_www_authenticate (const guint8 *data, gsize size);
int jd_fuzz_har (const guint8 *data, gsize size);
int jd_fuzz_keys (const guint8 *data, gsize size);
int jd_fuzz_curl (const guint8 *data, gsize size);

#ifdef JD_FUZZ_NO_ENTRY_POINT
#define JD_FUZZ_ENTRY_POINT(func)
#else
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);
#define JD_FUZZ_ENTRY_POINT(func)                                                                  \
  int LLVMFuzzerTestOneInput (const guint8 *data, size_t size)                                     \
  {                                                                                                \
    jd_fuzz_init ();                                                                               \
    return func (data, size);                                                                      \
  }
#endif

G_END_DECLS
