/* jd-input-placement.c — where a token travels when it is not in "Authorization: Bearer"
 *
 * A JWT found in another header ("token:", "x-access-token:"), in a
 * cookie or in the URL: say where, and that most APIs read
 * only the Authorization header (RFC 6750 §2.1). Headers that carry a
 * token by design, from a proxy to its backend (AWS ALB, Google IAP,
 * Cloudflare Access), are rows of their own and get no finding.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jd-input-placement.h"

/* Where the token was found: one row per place. */
static const struct
{
  JdTokenPlace place;
  const char *message; /* %s: the header, cookie or parameter name */
  const char *fix;
} place_rows[] = {
  { JD_TOKEN_PLACE_HEADER,
    N_ ("There is no Authorization header: the token travels in the header \"%s\". Most APIs read "
        "only \"Authorization: Bearer …\" (RFC 6750 §2.1) and answer 401 as if no token had been "
        "sent."),
    N_ ("Send it as Authorization: Bearer <token>, unless the API documents this header.") },
  { JD_TOKEN_PLACE_COOKIE,
    N_ ("There is no Authorization header: the token travels in the cookie \"%s\". Most APIs read "
        "only \"Authorization: Bearer …\" (RFC 6750 §2.1); a cookie is read only by a backend "
        "written to take it."),
    N_ ("Send it as Authorization: Bearer <token> (read the cookie in the client, or have a "
        "backend-for-frontend add the header), unless the API documents this cookie.") },
  { JD_TOKEN_PLACE_QUERY,
    N_ ("There is no Authorization header: the token travels in the URL parameter \"%s\" (RFC 6750 "
        "§2.3). Many servers do not read it, and URLs end up in logs and browser history."),
    N_ ("Send it as Authorization: Bearer <token>.") },
};

/* Headers in which a token travels by design (name, lower case). */
static const char *const by_design_headers[] = {
  "x-amzn-oidc-data",            /* AWS ALB: the user claims, signed by the ALB */
  "x-amzn-oidc-accesstoken",     /* AWS ALB: the IdP's access token */
  "x-goog-iap-jwt-assertion",    /* Google IAP */
  "cf-access-jwt-assertion",     /* Cloudflare Access */
  "x-ms-token-aad-access-token", /* Azure App Service authentication */
  "x-ms-token-aad-id-token",
};

gboolean
jd_input_header_is_by_design (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (by_design_headers); i++)
    if (g_ascii_strcasecmp (name, by_design_headers[i]) == 0)
      return TRUE;
  return FALSE;
}

/* @template with its one "%s" replaced by @value (the rows are data, not
 * printf formats the compiler could check). */
static char *
fill (const char *template, const char *value)
{
  g_auto (GStrv) parts = g_strsplit (template, "%s", 2);

  return g_strjoinv (value, parts);
}

void
jd_input_placement_add (GPtrArray *findings, JdTokenPlace place, const char *name)
{
  g_autofree char *shown = NULL;
  g_autofree char *message = NULL;

  g_return_if_fail (findings != NULL);

  if (place == JD_TOKEN_PLACE_HEADER && name != NULL && jd_input_header_is_by_design (name))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (place_rows); i++)
    {
      if (place_rows[i].place != place)
        continue;
      /* A name is shown, never a value: at most 64 bytes of valid UTF-8. */
      shown = name != NULL ? g_utf8_make_valid (name, MIN (strlen (name), 64)) : g_strdup ("");
      message = fill (_ (place_rows[i].message), *shown ? shown : "?");
      jd_input_findings_add (findings, JD_FINDING_TOKEN_OUTSIDE_AUTHORIZATION, JD_SEVERITY_WARNING,
                             message, _ (place_rows[i].fix));
      return;
    }
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '_';
}

char *
jd_input_cookie_name (const char *data, gsize from, gsize at)
{
  gsize eq = at, start;

  if (eq <= from || data[eq - 1] != '=')
    return NULL;
  start = eq - 1;
  while (start > from && data[start - 1] != ';' && data[start - 1] != ':')
    start--;
  while (start < eq - 1 && (data[start] == ' ' || data[start] == '\t'))
    start++;
  return start < eq - 1 ? g_strndup (data + start, eq - 1 - start) : NULL;
}

gboolean
jd_input_locate_in_headers (const char *data, gsize from, gsize at, JdTokenPlace *place,
                            char **name)
{
  gsize line = at, i, name_end;
  g_autofree char *header = NULL;

  *name = NULL;
  while (line > from && data[line - 1] != '\n')
    line--;
  while (line < at && (data[line] == ' ' || data[line] == '\t'))
    line++;
  i = line;
  while (i < at && is_name_char (data[i]))
    i++;
  name_end = i;
  while (i < at && (data[i] == ' ' || data[i] == '\t'))
    i++;
  if (name_end == line || i >= at || data[i] != ':')
    return FALSE;

  header = g_strndup (data + line, name_end - line);
  if (g_ascii_strcasecmp (header, "Authorization") == 0)
    return FALSE;
  if (g_ascii_strcasecmp (header, "Cookie") == 0)
    {
      *place = JD_TOKEN_PLACE_COOKIE;
      *name = jd_input_cookie_name (data, i + 1, at);
      return TRUE;
    }
  *place = JD_TOKEN_PLACE_HEADER;
  *name = g_steal_pointer (&header);
  return TRUE;
}

gboolean
jd_input_find_header_token (const char *data, gsize from, gsize to, gsize *start, gsize *end)
{
  for (gsize line = from; line < to;)
    {
      gsize eol = line, v;

      while (eol < to && data[eol] != '\n')
        eol++;
      v = line;
      while (v < eol && is_name_char (data[v]))
        v++;
      if (v > line && v < eol && data[v] == ':')
        {
          gsize a = v + 1, b = eol;

          while (a < b && (data[a] == ' ' || data[a] == '\t'))
            a++;
          while (b > a && (data[b - 1] == ' ' || data[b - 1] == '\t' || data[b - 1] == '\r'))
            b--;
          if (b - a >= 8 && memcmp (data + a, "eyJ", 3) == 0
              && memchr (data + a, '.', b - a) != NULL)
            {
              gboolean ok = TRUE;
              for (gsize k = a; k < b && ok; k++)
                ok = g_ascii_isalnum (data[k])
                     || (data[k] != '\0' && strchr ("-_.=+/", data[k]) != NULL);
              if (ok)
                {
                  *start = a;
                  *end = b;
                  return TRUE;
                }
            }
        }
      line = eol + 1;
    }
  return FALSE;
}
