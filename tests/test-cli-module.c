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

typedef struct {
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_free (r->out);
  g_free (r->err);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
on_communicated (GObject *source, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Runs @cli with @args (NULL-terminated, without argv[0]); @env_name=@env_value
 * when @env_name is not NULL. */
static void
run (Run *r, const char *cli, const char *env_name, const char *env_value, const char *const *args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GSubprocessLauncher) l = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                                                 G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                 G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr (GSubprocess) p = NULL;
  g_autoptr (GError) error = NULL;

  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_setenv (l, "LC_ALL", "C.UTF-8", TRUE);
  if (env_name != NULL)
    g_subprocess_launcher_setenv (l, env_name, env_value, TRUE);
  p = g_subprocess_launcher_spawnv (l, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);
  /* Asynchronously: a SoupServer in this process must keep serving. */
  {
    GAsyncResult *result = NULL;

    g_subprocess_communicate_utf8_async (p, "", NULL, on_communicated, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_subprocess_communicate_utf8_finish (p, result, &r->out, &r->err, &error);
    g_object_unref (result);
  }
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (p));
  r->status = g_subprocess_get_exit_status (p);
}

static const char *
cli_path (void)
{
  const char *p = g_getenv ("JD_CLI");

  g_assert_nonnull (p);
  return p;
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
  g_auto (Run) r = { 0 };
  const char *args[] = { NULL };

  run (&r, cli_path (), "LD_TRACE_LOADED_OBJECTS", "1", args);
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
    g_auto (Run) r = { 0 };
    const char *args[] = { "--jwks", jwk, token, NULL };

    run (&r, cli_path (), "LD_DEBUG", "files", args);
    g_assert_cmpint (r.status, <, 2);
    g_assert_nonnull (strstr (r.out, "Signature: valid"));
    g_assert_nonnull (strstr (r.err, "libgnutls.so")); /* LD_DEBUG did report */
    g_assert_null (strstr (r.err, "jd-net.so"));
    g_assert_null (strstr (r.err, "libsoup"));
  }
  {
    /* 127.0.0.1:9 refuses: the fetch fails after the module has loaded. */
    g_auto (Run) r = { 0 };
    const char *args[] = { "--jwks", "http://127.0.0.1:9/jwks.json", token, NULL };

    run (&r, cli_path (), "LD_DEBUG", "files", args);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "jd-net.so"));
    g_assert_nonnull (strstr (r.err, "libsoup-3.0.so"));
    g_assert_nonnull (strstr (r.err, "--jwks http://127.0.0.1:9/jwks.json: "));
    g_assert_null (strstr (r.err, "network module"));
  }
}

static void
serve_jwks (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query, gpointer user_data)
{
  const char *jwk = user_data;

  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/jwk-set+json", SOUP_MEMORY_COPY, jwk, strlen (jwk));
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
  g_auto (Run) r = { 0 };
  GSList *uris;

  g_assert_true (g_file_get_contents (jwk_path, &jwk, NULL, NULL));
  jwks = g_strdup_printf ("{\"keys\": [%s]}", jwk);
  soup_server_add_handler (server, "/jwks.json", serve_jwks, jwks, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("http://127.0.0.1:%d/jwks.json", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  {
    const char *args[] = { "--json", "--jwks", url, token, NULL };

    run (&r, cli_path (), "G_DEBUG", "fatal-warnings,fatal-criticals", args);
  }
  g_test_message ("exit %d, %s", r.status, r.err);
  g_assert_cmpint (r.status, <, 2);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_nonnull (strstr (r.out, "\"status\" : \"valid\""));
  g_assert_nonnull (strstr (r.out, "\"jwks-fetched\""));
  soup_server_disconnect (server);
}

/* A copy of the binary outside the build tree looks for the installed
 * module; where there is none, only the network options fail, with the path. */
static void
test_missing_module (void)
{
  g_autofree char *token = data_token ();
  g_autofree char *jwk = g_test_build_filename (G_TEST_DIST, "data", "rfc7515-A.2.jwk", NULL);
  g_autofree char *dir = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  gsize len = 0;

  if (g_file_test (JD_NET_MODULE_PATH, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the module is installed at " JD_NET_MODULE_PATH);
      return;
    }
  dir = g_dir_make_tmp ("jd-cli-module-XXXXXX", &error);
  g_assert_no_error (error);
  copy = g_build_filename (dir, "jwt-doctor-cli", NULL);
  g_file_get_contents (cli_path (), &contents, &len, &error);
  g_assert_no_error (error);
  g_file_set_contents_full (copy, contents, len, G_FILE_SET_CONTENTS_NONE, 0755, &error);
  g_assert_no_error (error);

  {
    g_auto (Run) r = { 0 };
    const char *args[] = { "--jwks", jwk, token, NULL };

    run (&r, copy, NULL, NULL, args);
    g_assert_cmpint (r.status, <, 2);
    g_assert_nonnull (strstr (r.out, "Signature: valid"));
  }
  {
    const char *const options[][3] = {
      { "--jwks", "http://127.0.0.1:9/jwks.json", NULL },
      { "--discover", NULL },
      { "--request", "http://127.0.0.1:9/api", NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (options); i++)
      {
        g_auto (Run) r = { 0 };
        const char *args[4] = { NULL };
        guint n = 0;

        for (guint j = 0; options[i][j] != NULL; j++)
          args[n++] = options[i][j];
        args[n] = token;
        run (&r, copy, NULL, NULL, args);
        g_test_message ("%s: exit %d, %s", options[i][0], r.status, r.err);
        g_assert_cmpint (r.status, ==, 2);
        g_assert_nonnull (strstr (r.err, "network module “" JD_NET_MODULE_PATH "”"));
        g_assert_cmpstr (r.out, ==, "");
      }
  }
  g_assert_cmpint (g_unlink (copy), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/jd/cli-module/not-linked", test_not_linked);
  g_test_add_func ("/jd/cli-module/loaded-only-for-network-options", test_loaded_only_for_network_options);
  g_test_add_func ("/jd/cli-module/fetch-through-module", test_fetch_through_module);
  g_test_add_func ("/jd/cli-module/missing-module", test_missing_module);
  return g_test_run ();
}
