/* jd-har-no-token.c — a HAR entry that failed without a token
 *
 * A 401/403 whose request carries no bearer token is still a finding, not
 * a row to skip: either a CORS preflight (OPTIONS with
 * Access-Control-Request-Method), which never carries credentials by
 * design and must be let through, or a request the client sent without
 * its token.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jd-har-entry.h"
#include "jd-input.h"

gboolean
jd_har_entry_is_cors_preflight (JdHarEntry *self)
{
  g_return_val_if_fail (JD_IS_HAR_ENTRY (self), FALSE);

  return g_ascii_strcasecmp (jd_har_entry_get_method (self), "OPTIONS") == 0
         && jd_har_entry_get_request_header (self, "Access-Control-Request-Method") != NULL;
}

GPtrArray *
jd_har_entry_diagnose_no_token (JdHarEntry *self)
{
  GPtrArray *out;
  const char *auth;
  g_autofree char *msg = NULL;
  guint status;

  g_return_val_if_fail (JD_IS_HAR_ENTRY (self), NULL);

  if (jd_har_entry_has_token (self) || !jd_har_entry_is_auth_failure (self))
    return NULL;

  out = g_ptr_array_new_with_free_func (g_object_unref);
  status = jd_har_entry_get_status (self);

  if (jd_har_entry_is_cors_preflight (self))
    {
      const char *origin = jd_har_entry_get_request_header (self, "Origin");

      msg = g_strdup_printf (
        _ ("The %u answers a CORS preflight (OPTIONS, Access-Control-Request-Method: %s, "
           "Origin: %s). Browsers never send a token or credentials on a preflight "
           "(Fetch standard, CORS-preflight request), so the real request is never "
           "made"),
        status, jd_har_entry_get_request_header (self, "Access-Control-Request-Method"),
        origin != NULL ? origin : "?");
      jd_findings_add (
        out, "cors-preflight-rejected", JD_SEVERITY_ERROR, JD_RANK_REQUEST, NULL, msg,
        _ ("Let OPTIONS requests through without authentication and answer them with "
           "the CORS headers: put the CORS handler before the authentication "
           "middleware (ASP.NET Core: UseCors() before UseAuthentication(); Spring "
           "Security: http.cors(); Express: app.use(cors()) before the JWT check; API "
           "Gateway: an OPTIONS method without an authorizer)."));
      return out;
    }

  /* An Authorization header without a bearer token: what is wrong with it. */
  if ((auth = jd_har_entry_get_authorization (self)) != NULL)
    {
      g_autofree char *line = g_strconcat ("Authorization: ", auth, NULL);
      g_autoptr (JdInput) input = jd_input_parse (line, strlen (line));

      jd_findings_merge (out, jd_input_get_findings (input));
      if (out->len > 0)
        return out;
    }

  msg = g_strdup_printf (
    _ ("%s %s was answered %u, and the request carries no token: no Authorization "
       "header, no JWT in a cookie or in the URL"),
    jd_har_entry_get_method (self), jd_har_entry_get_path (self), status);
  jd_findings_add (
    out, JD_FINDING_NO_TOKEN, JD_SEVERITY_ERROR, JD_RANK_MALFORMED, NULL, msg,
    _ ("The client sent no credentials with this request: check that it attaches the "
       "token here (an interceptor that skips some URLs, a fetch() without the "
       "header, a token not yet loaded, credentials: 'include' for a cookie)."));
  return out;
}
