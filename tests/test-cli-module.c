/* test-cli-module.c — jwt-doctor-cli loads the network code (src/net,
 * libsoup) only for --jwks URL, --discover or --request
 * (src/cli/jd-cli.c, net_load), and says which file is missing when it
 * cannot. The real binary runs in a subprocess; the dynamic loader itself
 * (LD_TRACE_LOADED_OBJECTS, LD_DEBUG=files) reports what it mapped.
 * The network options themselves are tested by test-net and test-cli.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "test-run.h"

/* Runs @cli with @args (NULL-terminated, without argv[0]); @env_name=@env_value
 * when @env_name is not NULL. */
static void
run (JdTestRun *r, const char *cli, const char *env_name, const char *env_value,
     const char *const *args)
{
  const char *env[] = { env_name, env_value, NULL };

  jd_test_run (r, cli, env, NULL, args);
}

static char *
data_token (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "rfc7515-A.2.jws", NULL);
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return g_strstrip (contents);
}

/* Nothing of libsoup is among the libraries the binary needs to start. */
static void
test_not_linked (void)
{
  g_auto (JdTestRun) r = { 0 };
  const char *args[] = { NULL };

  run (&r, jd_test_cli_path (), "LD_TRACE_LOADED_OBJECTS", "1", args);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "libglib-2.0.so")); /* the loader did list them */
  g_assert_nonnull (strstr (r.out, "libgnutls.so"));
  g_assert_null (strstr (r.out, "libsoup"));
  g_assert_null (strstr (r.out, "libnghttp2"));
  g_assert_null (strstr (r.out, "libpsl"));
  g_assert_null (strstr (r.out, "libsqlite3"));
}

/* Verifying with a key file maps neither the module nor libsoup; --jwks URL maps both. */
static void
test_loaded_only_for_network_options (void)
{
  g_autofree char *token = data_token ();
  g_autofree char *jwk = g_test_build_filename (G_TEST_DIST, "data", "rfc7515-A.2.jwk", NULL);

  {
    g_auto (JdTestRun) r = { 0 };
    const char *args[] = { "--jwks", jwk, token, NULL };

    run (&r, jd_test_cli_path (), "LD_DEBUG", "files", args);
    g_assert_cmpint (r.status, <, 2);
    g_assert_nonnull (strstr (r.out, "Signature valid: verified with"));
    g_assert_nonnull (strstr (r.err, "libgnutls.so")); /* LD_DEBUG did report */
    g_assert_null (strstr (r.err, "jd-net.so"));
    g_assert_null (strstr (r.err, "libsoup"));
  }
  {
    /* 127.0.0.1:9 refuses: the fetch fails after the module has loaded. */
    g_auto (JdTestRun) r = { 0 };
    const char *args[] = { "--jwks", "http://127.0.0.1:9/jwks.json", token, NULL };

    run (&r, jd_test_cli_path (), "LD_DEBUG", "files", args);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "jd-net.so"));
    g_assert_nonnull (strstr (r.err, "libsoup-3.0.so"));
    g_assert_nonnull (strstr (r.err, "--jwks http://127.0.0.1:9/jwks.json: "));
    g_assert_null (strstr (r.err, "network module"));
  }
}

static void
serve_jwks (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
            gpointer user_data)
{
  const char *jwk = user_data;

  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/jwk-set+json", SOUP_MEMORY_COPY, jwk,
                                    strlen (jwk));
}

/* Objects cross the boundary both ways: the module's JdRemoteKeys holds a
 * JdKeySet that the executable verifies with, and the findings it returns
 * are the executable's JdFinding. A core GType registered twice would be a
 * GLib warning, made fatal here. */
static void
test_fetch_through_module (void)
{
  g_autofree char *token = data_token ();
  g_autofree char *jwk_path = g_test_build_filename (G_TEST_DIST, "data", "rfc7515-A.2.jwk", NULL);
  g_autofree char *jwk = NULL;
  g_autofree char *jwks = NULL;
  g_autofree char *url = NULL;
  g_autoptr (SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr (GError) error = NULL;
  g_auto (JdTestRun) r = { 0 };
  GSList *uris;

  g_assert_true (g_file_get_contents (jwk_path, &jwk, NULL, NULL));
  jwks = g_strdup_printf ("{\"keys\": [%s]}", jwk);
  soup_server_add_handler (server, "/jwks.json", serve_jwks, jwks, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("http://127.0.0.1:%d/jwks.json", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  {
    const char *args[] = { "--json", "--jwks", url, token, NULL };

    run (&r, jd_test_cli_path (), "G_DEBUG", "fatal-warnings,fatal-criticals", args);
  }
  g_test_message ("exit %d, %s", r.status, r.err);
  g_assert_cmpint (r.status, <, 2);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_nonnull (strstr (r.out, "\"status\" : \"valid\""));
  g_assert_nonnull (strstr (r.out, "\"jwks-fetched\""));
  soup_server_disconnect (server);
}

/* A copy of the binary outside the build tree, which looks for the installed
 * module, in a new directory *@dir; NULL (the test skipped) where the
 * module is installed. */
static char *
copy_outside_build_tree (char **dir)
{
  g_autofree char *copy = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  gsize len = 0;

  if (g_file_test (JD_NET_MODULE_PATH, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the module is installed at " JD_NET_MODULE_PATH);
      return NULL;
    }
  *dir = g_dir_make_tmp ("jd-cli-module-XXXXXX", &error);
  g_assert_no_error (error);
  copy = g_build_filename (*dir, "jwt-doctor-cli", NULL);
  g_file_get_contents (jd_test_cli_path (), &contents, &len, &error);
  g_assert_no_error (error);
  g_file_set_contents_full (copy, contents, len, G_FILE_SET_CONTENTS_NONE, 0755, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&copy);
}

static void
remove_copy (const char *copy, const char *dir)
{
  g_assert_cmpint (g_unlink (copy), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Where there is no module, what needs no network still works... */
static void
test_missing_module (void)
{
  g_autofree char *token = data_token ();
  g_autofree char *jwk = g_test_build_filename (G_TEST_DIST, "data", "rfc7515-A.2.jwk", NULL);
  g_autofree char *dir = NULL;
  g_autofree char *copy = copy_outside_build_tree (&dir);
  g_auto (JdTestRun) r = { 0 };
  const char *args[] = { "--jwks", jwk, token, NULL };

  if (copy == NULL)
    return;
  run (&r, copy, NULL, NULL, args);
  g_assert_cmpint (r.status, <, 2);
  g_assert_nonnull (strstr (r.out, "Signature valid: verified with"));
  remove_copy (copy, dir);
}

/* ...and only the network options fail, with the module's path. */
static const struct
{
  const char *option;
  const char *value; /* nullable */
} network_option_rows[] = {
  { "--jwks", "http://127.0.0.1:9/jwks.json" },
  { "--discover", NULL },
  { "--request", "http://127.0.0.1:9/api" },
};

static void
test_missing_module_option (gconstpointer data)
{
  const __typeof__ (network_option_rows[0]) *row = data;
  g_autofree char *token = data_token ();
  g_autofree char *dir = NULL;
  g_autofree char *copy = copy_outside_build_tree (&dir);
  g_auto (JdTestRun) r = { 0 };
  const char *with_value[] = { row->option, row->value, token, NULL };
  const char *alone[] = { row->option, token, NULL };

  if (copy == NULL)
    return;
  run (&r, copy, NULL, NULL, row->value != NULL ? with_value : alone);
  g_test_message ("%s: exit %d, %s", row->option, r.status, r.err);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "network module “" JD_NET_MODULE_PATH "”"));
  g_assert_cmpstr (r.out, ==, "");
  remove_copy (copy, dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/jd/cli-module/not-linked", test_not_linked);
  g_test_add_func ("/jd/cli-module/loaded-only-for-network-options",
                   test_loaded_only_for_network_options);
  g_test_add_func ("/jd/cli-module/fetch-through-module", test_fetch_through_module);
  g_test_add_func ("/jd/cli-module/missing-module", test_missing_module);
  for (guint i = 0; i < G_N_ELEMENTS (network_option_rows); i++)
    {
      g_autofree char *path
        = g_strdup_printf ("/jd/cli-module/missing-module/%s", network_option_rows[i].option + 2);
      g_test_add_data_func (path, &network_option_rows[i], test_missing_module_option);
    }
  return g_test_run ();
}
