/* jd-input-token-list.c — a paste that holds several tokens side by side
 *
 * "eyJ… eyJ…" or "eyJ…,eyJ…" on one line: two tokens, not one. The report
 * is about the first; an error says so and names how many there are, so
 * the second (maybe the one that was sent) is never silently left out and
 * the verdict is never "Accepted" for a token the person did not mean.
 * Two tokens run together without a separator are the decoder's
 * "two tokens back to back?"; on separate lines, a wrapped token.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jd-input-private.h"

static gboolean
is_separator (char c)
{
  return c == ' ' || c == '\t' || c == ',' || c == ';';
}

/* The number of JWT-shaped words in @text[from, to) when the text is
 * nothing else (words and separators); 0 otherwise. */
static guint
count_token_words (const char *text, gsize from, gsize to, char *separator)
{
  guint n = 0;

  for (gsize i = from; i < to;)
    {
      gsize end;

      if (is_separator (text[i]))
        {
          if (n == 1 && *separator == 0)
            *separator = text[i];
          i++;
          continue;
        }
      for (end = i; end < to && !is_separator (text[end]); end++)
        ;
      if (!jd_input_is_jwt_shaped (text + i, end - i))
        return 0;
      n++;
      i = end;
    }
  return n;
}

gboolean
jd_input_check_token_list (JdInput *self, const char *text, gsize from, gsize to)
{
  g_autofree char *msg = NULL;
  char separator = 0;
  guint n = count_token_words (text, from, to, &separator);
  const char *what;

  if (n < 2)
    return FALSE;
  what = separator == ','    ? _ ("a comma")
         : separator == ';'  ? _ ("a semicolon")
         : separator == '\t' ? _ ("a tab")
                             : _ ("a space");
  msg = g_strdup_printf (ngettext ("The input holds %u tokens side by side, separated by %s: "
                                   "this report is about the first one only, and a server that "
                                   "gets them in one header rejects them",
                                   "The input holds %u tokens side by side, separated by %s: "
                                   "this report is about the first one only, and a server that "
                                   "gets them in one header rejects them",
                                   n),
                         n, what);
  jd_input_add_finding (self, "malformed", JD_SEVERITY_ERROR, msg,
                        _ ("Paste one token at a time; send exactly one token after "
                           "\"Bearer \"."));
  return TRUE;
}
