/* fuzz-common.c — set-up shared by the fuzz targets and the regression replay
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"

#ifndef JD_FUZZ_NO_ENTRY_POINT
/* g_error() and fatal criticals end in SIGTRAP, which libFuzzer does not
 * catch: abort instead, so that it saves the input and reports. */
static void
log_handler (const char *domain, GLogLevelFlags level, const char *message, gpointer data)
{
  g_printerr ("%s: %s\n", domain ? domain : "**", message);
  if (level & (G_LOG_FLAG_FATAL | G_LOG_LEVEL_ERROR))
    abort ();
}
#endif

void
jd_fuzz_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      g_setenv ("TZ", "UTC", TRUE);
      g_setenv ("LC_ALL", "C.UTF-8", TRUE);
      setlocale (LC_ALL, "");
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
#ifndef JD_FUZZ_NO_ENTRY_POINT
      g_log_set_default_handler (log_handler, NULL);
#endif
      g_once_init_leave (&done, 1);
    }
}

void
jd_fuzz_assert_utf8 (const char *s)
{
  if (s != NULL && !g_utf8_validate (s, -1, NULL))
    g_error ("not UTF-8: a string handed out by a parser");
}

void
jd_fuzz_known_issue (const char *what)
{
#ifdef JD_FUZZ_NO_ENTRY_POINT
  if (g_test_initialized ())
    g_test_incomplete (what);
#endif
}

gboolean
jd_fuzz_utf8_with_nul (const char *s, gsize len)
{
  /* g_utf8_validate_len refuses NUL bytes: validate the runs between them. */
  while (len > 0)
    {
      const char *nul = memchr (s, '\0', len);
      gsize run = nul ? (gsize)(nul - s) : len;

      if (!g_utf8_validate_len (s, run, NULL))
        return FALSE;
      if (nul == NULL)
        break;
      s += run + 1;
      len -= run + 1;
    }
  return TRUE;
}
