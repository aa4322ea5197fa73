/* bench-cli-floor.c — the floor under jwt-doctor-cli's start-up
 *
 * A main() that only touches one function of each library jwt-doctor-cli
 * links (GLib, GObject, GIO, json-glib, GModule, GnuTLS), so the dynamic
 * loader maps, relocates and initialises every one of them, and then exits.
 * build-aux/bench-verify times it beside jwt-doctor-cli and jose: no program
 * built on these libraries, linked the way Debian and Flatpak ship them, can
 * start and exit faster than this.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <gmodule.h>
#include <gnutls/abstract.h>
#include <gnutls/gnutls.h>
#include <json-glib/json-glib.h>

int
main (void)
{
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_NULL);
  g_autoptr (GFile) file = g_file_new_for_path ("/");
  gnutls_pubkey_t key = NULL;
  gboolean ok;

  ok = gnutls_pubkey_init (&key) == 0 && g_module_supported () && node != NULL && file != NULL;
  gnutls_pubkey_deinit (key);
  return ok ? 0 : 1;
}
