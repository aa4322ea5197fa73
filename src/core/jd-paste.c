/* jd-paste.c — whether a paste replaces the paste area's text (see jd-paste.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "jd-input.h"
#include "jd-paste.h"

gboolean
jd_paste_replaces (const char *text, gssize len)
{
  g_autoptr (JdInput) input = NULL;
  const char *token;

  if (text == NULL)
    return FALSE;
  if (len < 0)
    len = strlen (text);

  input = jd_input_parse (text, len);
  token = jd_input_get_token (input);
  switch (jd_input_get_form (input))
    {
      case JD_INPUT_FORM_TOKEN:
      case JD_INPUT_FORM_BEARER:
      case JD_INPUT_FORM_AUTHORIZATION:
      case JD_INPUT_FORM_CURL:
        return jd_input_is_jwt_shaped (token, strlen (token));
      case JD_INPUT_FORM_EMPTY:
      case JD_INPUT_FORM_UNKNOWN:
      default:
        return FALSE;
    }
}
