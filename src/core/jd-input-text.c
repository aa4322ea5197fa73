/* jd-input-text.c — the pasted text below JdInput: what a token looks
 * like in it, and the one rule for the paste's findings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "jd-input-text.h"

gboolean
jd_input_is_jwt_shaped (const char *data, gsize len)
{
  guint dots = 0;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  if (len < 8 || memcmp (data, "eyJ", 3) != 0)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      if (data[i] == '.')
        dots++;
      else if (!(g_ascii_isalnum (data[i]) || data[i] == '-' || data[i] == '_'))
        return FALSE;
    }

  return dots == 2 || dots == 4;
}

gboolean
jd_input_find_jwt_range (const char *data, gsize from, gsize to, gsize *out_start, gsize *out_end)
{
  for (gsize i = from; i + 3 <= to; i++)
    {
      gsize j;
      guint dots;

      if (data[i] != 'e' || memcmp (data + i, "eyJ", 3) != 0)
        continue;
      /* Must start a run, not sit inside one. */
      if (i > from && (g_ascii_isalnum (data[i - 1]) || data[i - 1] == '-' || data[i - 1] == '_'))
        continue;

      /* The dots are counted once, while scanning, and kept up to date
       * as trailing dots are dropped: recounting per dropped dot made a
       * long run of dots quadratic. */
      j = i;
      dots = 0;
      while (j < to
             && (g_ascii_isalnum (data[j]) || data[j] == '-' || data[j] == '_' || data[j] == '.'))
        dots += data[j++] == '.';
      /* A sentence may end right after the token. */
      while (j > i && data[j - 1] == '.' && dots > 4)
        {
          j--;
          dots--;
        }
      if (j > i && data[j - 1] == '.' && (dots == 3 || dots == 5))
        {
          j--;
          dots--;
        }

      if (jd_input_is_jwt_shaped (data + i, j - i))
        {
          *out_start = i;
          *out_end = j;
          return TRUE;
        }
      i = j > i ? j - 1 : i;
    }

  return FALSE;
}

gboolean
jd_input_find_jwt (const char *data, gsize len, gsize *start, gsize *end)
{
  return jd_input_find_jwt_range (data, 0, len, start, end);
}

void
jd_input_findings_add (GPtrArray *findings, const char *id, JdSeverity severity,
                       const char *message, const char *fix)
{
  int rank;

  g_assert (findings != NULL);

  /* A header the server cannot read fails before any claim is looked at. */
  rank = severity == JD_SEVERITY_ERROR ? JD_RANK_MALFORMED : JD_RANK_REQUEST;

  /* One finding per id and message is enough. */
  for (guint i = 0; i < findings->len; i++)
    {
      JdFinding *finding = g_ptr_array_index (findings, i);

      if (g_strcmp0 (jd_finding_get_id (finding), id) == 0
          && g_strcmp0 (jd_finding_get_message (finding), message) == 0)
        return;
    }

  jd_findings_add (findings, id, severity, rank, NULL, message, fix);
}
