/* jd-net-key-trust.c — whether keys fetched from the network may be used
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "jd-net-key-trust.h"
#include "jd-net-private.h"

gboolean
jd_net_host_is_loopback (const char *host)
{
  g_autoptr (GInetAddress) address = NULL;
  g_autofree char *bare = NULL;
  gsize len;

  if (host == NULL || *host == '\0')
    return FALSE;
  len = strlen (host);
  /* "[::1]" as a URL writes it */
  if (host[0] == '[' && host[len - 1] == ']')
    bare = g_strndup (host + 1, len - 2);
  else
    bare = g_ascii_strdown (host, -1);
  if (g_str_has_suffix (bare, "."))
    bare[strlen (bare) - 1] = '\0';
  if (g_str_equal (bare, "localhost") || g_str_has_suffix (bare, ".localhost"))
    return TRUE;
  address = g_inet_address_new_from_string (bare);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

static char *
url_scheme (const char *url)
{
  const char *scheme = url ? g_uri_peek_scheme (url) : NULL;

  return scheme ? g_ascii_strdown (scheme, -1) : NULL;
}

char *
jd_net_discovery_refusal (const char *asked_issuer, const char *discovered_issuer,
                          const char *discovery_url, const char *jwks_uri, const char **id)
{
  g_autofree char *shown_doc = jd_url_redact (discovery_url);
  g_autofree char *doc_scheme = url_scheme (discovery_url);
  g_autofree char *jwks_scheme = url_scheme (jwks_uri);

  g_return_val_if_fail (id != NULL, NULL);

  if (g_strcmp0 (asked_issuer, discovered_issuer) != 0)
    {
      *id = JD_FINDING_DISCOVERY_ISSUER_MISMATCH;
      if (discovered_issuer == NULL)
        return g_strdup_printf (_ ("The discovery document at %s names no \"issuer\", but it was "
                                   "looked up for \"%s\". OpenID Connect Discovery §4.3 says such "
                                   "a document MUST NOT be used, so its keys were not used."),
                                shown_doc, asked_issuer);
      return g_strdup_printf (_ ("The discovery document at %s names issuer \"%s\", but it was "
                                 "looked up for \"%s\". OpenID Connect Discovery §4.3 says a "
                                 "document whose issuer differs, even by a trailing slash or the "
                                 "letter case, MUST NOT be used, so its keys were not used."),
                              shown_doc, discovered_issuer, asked_issuer);
    }
  if (g_strcmp0 (doc_scheme, "https") == 0 && g_strcmp0 (jwks_scheme, "http") == 0)
    {
      g_autofree char *shown_jwks = jd_url_redact (jwks_uri);
      *id = JD_FINDING_JWKS_DOWNGRADE;
      return g_strdup_printf (_ ("The discovery document at %s came over https, but its jwks_uri "
                                 "%s is plain http: anyone on the way could swap the keys, so they "
                                 "were not fetched (RFC 7515 §4.1.2, OpenID Connect Discovery "
                                 "§7)."),
                              shown_doc, shown_jwks);
    }
  return NULL;
}

char *
jd_net_insecure_jwks_warning (const char *jwks_uri)
{
  g_autoptr (GUri) uri = jwks_uri ? _jd_net_parse_url (jwks_uri, NULL) : NULL;
  g_autofree char *shown = NULL;

  if (uri == NULL || g_ascii_strcasecmp (g_uri_get_scheme (uri), "http") != 0
      || jd_net_host_is_loopback (g_uri_get_host (uri)))
    return NULL;
  shown = jd_url_redact (jwks_uri);
  return g_strdup_printf (_ ("The keys came from %s over plain http, an unprotected channel: "
                             "anyone on the way could have replaced them, so a valid signature "
                             "proves less than it seems (RFC 7515 §4.1.2, OpenID Connect "
                             "Discovery §7)."),
                          shown);
}
