/* jd-cli-net.c — jwt-doctor-cli loads the network module (src/net) only
 * when --jwks URL, --discover, --request or --fresh-token asks for it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <gmodule.h>
#include <sys/stat.h>

#include "jd-cli-net.h"

JdCliNet jd_cli_net;

/* The build tree's binary loads the build tree's module, never an
 * installed one of another version. */
static char *
net_module_path (void)
{
  struct stat self, built;

  if (stat ("/proc/self/exe", &self) == 0 && stat (JD_CLI_BUILD_PATH, &built) == 0
      && self.st_dev == built.st_dev && self.st_ino == built.st_ino)
    return g_build_filename (JD_NET_MODULE_BUILD_DIR, JD_NET_MODULE_NAME "." G_MODULE_SUFFIX, NULL);
  return g_build_filename (JD_NET_MODULE_DIR, JD_NET_MODULE_NAME "." G_MODULE_SUFFIX, NULL);
}

gboolean
jd_cli_net_load (GError **error)
{
  g_autofree char *path = net_module_path ();
  GModule *module = g_module_open (path, G_MODULE_BIND_LOCAL);

#define NET_SYMBOL(field, name) g_module_symbol (module, #name, (gpointer *)&jd_cli_net.field)
  if (module == NULL || !NET_SYMBOL (fetch_jwks, jd_net_fetch_jwks)
      || !NET_SYMBOL (discover, jd_net_discover)
      || !NET_SYMBOL (request_new_from_args, jd_net_request_new_from_args)
      || !NET_SYMBOL (send, jd_net_send)
      || !NET_SYMBOL (response_diagnose, jd_net_response_diagnose)
      || !NET_SYMBOL (remote_keys_get_key_set, jd_remote_keys_get_key_set)
      || !NET_SYMBOL (remote_keys_diagnose, jd_remote_keys_diagnose)
      || !NET_SYMBOL (fresh_token, jd_net_fresh_token))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _ ("--jwks URL, --discover and --request need the network module “%s”, which "
                      "cannot be loaded (%s)"),
                   path, g_module_error ());
      return FALSE;
    }
#undef NET_SYMBOL
  /* Its GTypes are registered for the life of the process. */
  g_module_make_resident (module);
  return TRUE;
}

gboolean
jd_cli_is_url (const char *s)
{
  return g_str_has_prefix (s, "https://") || g_str_has_prefix (s, "http://");
}

void
jd_cli_net_options (const JdCliOptions *o, JdNetOptions *options)
{
  options->timeout = o->timeout > 0 ? o->timeout : 0;
  options->max_body = 0;
  options->flags = o->insecure ? JD_NET_ACCEPT_INVALID_CERTIFICATE : JD_NET_FLAGS_NONE;
}
