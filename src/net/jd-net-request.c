/* jd-net-request.c — what jd-net sends: URLs read for http(s), and a
 * JdRequest built from command-line arguments with its headers checked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "jd-net.h"
#include "jd-net-private.h"
#include "jd-www-authenticate.h"

/* What g_uri_parse() refused, without quoting any of it. */
static const char *
describe_uri_error (const GError *error)
{
  if (error->domain == G_URI_ERROR)
    switch ((GUriError)error->code)
      {
        case G_URI_ERROR_BAD_SCHEME:
          return _ ("the scheme cannot be read");
        case G_URI_ERROR_BAD_USER:
        case G_URI_ERROR_BAD_PASSWORD:
        case G_URI_ERROR_BAD_AUTH_PARAMS:
          return _ ("the user name or password part cannot be read");
        case G_URI_ERROR_BAD_HOST:
          return _ ("the host cannot be read");
        case G_URI_ERROR_BAD_PORT:
          return _ (
            "the port is not a number from 1 to 65535 (or a \"/\", \"?\" or \"#\" in a password "
            "ends the host part early)");
        case G_URI_ERROR_BAD_PATH:
          return _ ("the path cannot be read");
        case G_URI_ERROR_BAD_QUERY:
          return _ ("the query cannot be read");
        case G_URI_ERROR_BAD_FRAGMENT:
          return _ ("the fragment cannot be read");
        case G_URI_ERROR_FAILED:
        default:
          break;
      }
  return _ ("it does not read as http://host/path or https://host/path");
}

GUri *
_jd_net_parse_url (const char *url, GError **error)
{
  g_autoptr (GUri) uri = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *shown = NULL;
  const char *scheme;

  g_assert (url != NULL);

  uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, &local_error);
  if (uri == NULL)
    {
      /* GLib's message quotes the part it refused as it read it, and a
       * password with a "/" in it reads as a port: name the part instead. */
      shown = jd_url_redact (url);
      g_set_error (error, JD_NET_ERROR, JD_NET_ERROR_URL, _ ("\"%s\" is not a URL: %s"), shown,
                   describe_uri_error (local_error));
      return NULL;
    }
  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    {
      shown = jd_url_redact (url);
      g_set_error (error, JD_NET_ERROR, JD_NET_ERROR_URL,
                   _ ("\"%s\" is not an http:// or https:// URL (the scheme is \"%s\")"), shown,
                   scheme);
      return NULL;
    }
  if (g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      shown = jd_url_redact (url);
      g_set_error (error, JD_NET_ERROR, JD_NET_ERROR_URL, _ ("\"%s\" names no host"), shown);
      return NULL;
    }
  return g_steal_pointer (&uri);
}

/* At most this many bytes of a header name go into a message: names are
 * short, and a longer "name" is more likely a pasted value. */
#define SHOWN_NAME_MAX 40

/* A header that can go on the wire: a token for a name, no line breaks
 * or other control characters (but tab) in the value. Messages name the
 * header but never show its value: only the bytes of the name up to the
 * first one that cannot be in a name (after a space, a value may follow). */
gboolean
_jd_net_check_header (const char *raw_name, const char *value, GError **error)
{
  if (*raw_name == '\0')
    {
      g_set_error (error, JD_NET_ERROR, JD_NET_ERROR_HEADER, _ ("a header has an empty name"));
      return FALSE;
    }
  for (const guchar *p = (const guchar *)raw_name; *p; p++)
    if (!jd_http_is_tchar (*p))
      {
        int offset = (int)(p - (const guchar *)raw_name);
        g_set_error (
          error, JD_NET_ERROR, JD_NET_ERROR_HEADER,
          _ ("header \"%.*s…\": byte %d of the name (0x%02X) cannot be part of a header name "
             "(the rest is not shown: it may hold a secret)"),
          MIN (offset, SHOWN_NAME_MAX), raw_name, offset, *p);
        return FALSE;
      }
  for (const guchar *p = (const guchar *)value; *p; p++)
    if ((*p < 0x20 && *p != '\t') || *p == 0x7f)
      {
        g_set_error (error, JD_NET_ERROR, JD_NET_ERROR_HEADER,
                     _ ("header \"%s\": byte %d of the value is a control character (0x%02X); line "
                        "breaks inside a header value would split the request"),
                     raw_name, (int)(p - (const guchar *)value), *p);
        return FALSE;
      }
  return TRUE;
}

JdRequest *
jd_net_request_new_from_args (const char *url, const char *method, const char *const *headers,
                              const char *token, GError **error)
{
  g_autoptr (JdRequest) request = NULL;
  g_autoptr (GUri) uri = NULL;
  gboolean has_authorization = FALSE;
  GPtrArray *problems;

  g_return_val_if_fail (url != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  uri = _jd_net_parse_url (url, error);
  if (uri == NULL)
    return NULL;
  if (method != NULL)
    {
      if (*method == '\0')
        {
          g_set_error (error, JD_NET_ERROR, JD_NET_ERROR_HEADER, _ ("the method is empty"));
          return NULL;
        }
      for (const guchar *p = (const guchar *)method; *p; p++)
        if (!jd_http_is_tchar (*p))
          {
            int offset = (int)(p - (const guchar *)method);
            g_set_error (error, JD_NET_ERROR, JD_NET_ERROR_HEADER,
                         _ ("method \"%.*s…\": byte %d (0x%02X) cannot be part of a method name"),
                         MIN (offset, SHOWN_NAME_MAX), method, offset, *p);
            return NULL;
          }
    }

  request = jd_request_new (method, url);
  for (guint i = 0; headers != NULL && headers[i] != NULL; i++)
    {
      const char *colon = strchr (headers[i], ':');
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;

      if (colon == NULL)
        {
          /* The whole argument may be a value ("Bearer eyJ…") or a name and
           * a value without the colon: only a leading word that looks like
           * a header name is shown, never what follows it. */
          gsize word = strspn (headers[i],
                               "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-");

          if (word > 0 && word <= SHOWN_NAME_MAX
              && (headers[i][word] == ' ' || headers[i][word] == '\t'))
            g_set_error (
              error, JD_NET_ERROR, JD_NET_ERROR_HEADER,
              _ ("-H argument %u (\"%.*s …\") has no ':' after the header name: write it as "
                 "'Name: value' (the rest is not shown: it may hold a secret)"),
              i + 1, (int)word, headers[i]);
          else
            g_set_error (
              error, JD_NET_ERROR, JD_NET_ERROR_HEADER,
              _ ("-H argument %u has no ':' between a header name and its value: write it as "
                 "'Name: value' (its text is not shown: it may hold a secret)"),
              i + 1);
          return NULL;
        }
      name = g_strstrip (g_strndup (headers[i], colon - headers[i]));
      value = g_strstrip (g_strdup (colon + 1));
      if (!_jd_net_check_header (name, value, error))
        {
          g_prefix_error (error, _ ("-H argument %u: "), i + 1);
          return NULL;
        }
      if (g_ascii_strcasecmp (name, "Authorization") == 0)
        has_authorization = TRUE;
      jd_request_add_header (request, name, value);
    }
  if (token != NULL && *token != '\0' && !has_authorization)
    {
      g_autofree char *value = g_strconcat ("Bearer ", token, NULL);
      if (!_jd_net_check_header ("Authorization", value, error))
        return NULL;
      jd_request_add_header (request, "Authorization", value);
    }

  /* Too many -H, or one too long (JD_HEADERS_MAX_COUNT, JD_HEADER_MAX_SIZE):
   * refused, never sent without them (or without the token). */
  problems = jd_request_get_header_problems (request);
  if (problems->len > 0)
    {
      g_autoptr (GString) all = g_string_new (NULL);

      for (guint i = 0; i < problems->len; i++)
        g_string_append_printf (all, "%s%s", i > 0 ? " " : "",
                                (const char *)g_ptr_array_index (problems, i));
      /* Translators: %s is one or more sentences like "Header 501 (“X-Trace”) of the request is …"
       */
      g_set_error (error, JD_NET_ERROR, JD_NET_ERROR_HEADER,
                   _ ("The request cannot be sent as given: %s"), all->str);
      return NULL;
    }
  return g_steal_pointer (&request);
}
