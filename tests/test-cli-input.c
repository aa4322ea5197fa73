/* test-cli-input.c — src/cli/jd-cli.c reading what it is given (#12 "Input
 * the CLI cannot read", "Forged or unusable tokens must never pass"): the
 * real jwt-doctor-cli in a subprocess, as a user runs it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "jd-base64.h"
#include "test-keys-util.h"
#include "test-run.h"

static void
run (JdTestRun *r, const char *stdin_text, const char *const *args)
{
  jd_test_run (r, jd_test_cli_path (), NULL, stdin_text, args);
  g_test_message ("exit %d\nstdout: %s\nstderr: %s", r->status, r->out, r->err);
}

static char *
tmp_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("jd-cli-input-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* ------------------------------------------------------------------ */
/* An INPUT that names a file that does not exist                      */

static const struct
{
  const char *input;
  gboolean names_file; /* FALSE: the close input, read as a (malformed) token */
} missing_rows[] = {
  { "./no-such-token.jwt", TRUE }, { "no-such.har", TRUE },  { "no-such.json", TRUE },
  { "no-such.txt", TRUE },         { "no-such.pem", TRUE },  { "tokens/no-such", TRUE },
  { "not.a.token", FALSE },        { "no-such-jwt", FALSE },
};

static void
test_missing_file (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_auto (JdTestRun) r = { 0 };
  g_autofree char *want
    = g_strdup_printf ("cannot read %s: No such file or directory", missing_rows[i].input);

  run (&r, NULL, (const char *[]){ missing_rows[i].input, NULL });
  if (missing_rows[i].names_file)
    {
      g_assert_cmpint (r.status, ==, 2);
      g_assert_nonnull (strstr (r.err, want));
      g_assert_cmpstr (r.out, ==, "");
    }
  else
    {
      /* A token that cannot be decoded is still a report, exit 1. */
      g_assert_cmpint (r.status, ==, 1);
      g_assert_null (strstr (r.err, "cannot read"));
      g_assert_nonnull (strstr (r.out, "malformed"));
    }
}

/* ------------------------------------------------------------------ */
/* Bounded reads: size-checked first, read with a bound                */

typedef struct
{
  char *path;
  gboolean stop;
} Writer;

/* Writes zeros into the FIFO until the reader goes away. */
static gpointer
write_forever (gpointer data)
{
  Writer *w = data;
  static const char zeros[65536];
  int fd = open (w->path, O_WRONLY);

  if (fd < 0)
    return NULL;
  while (!g_atomic_int_get (&w->stop) && write (fd, zeros, sizeof zeros) > 0)
    ;
  close (fd);
  return NULL;
}

static const struct
{
  const char *name;
  const char *option; /* NULL: the file is the INPUT */
  const char *kind;   /* "big", "dev-zero", "fifo" */
  const char *message;
} bound_rows[] = {
  { "input-1gb", NULL, "big", "is larger than 256 MiB" },
  { "jwks-1gb", "--jwks", "big", "is larger than 16 MiB" },
  { "key-1gb", "--key", "big", "is larger than 16 MiB" },
  { "jwks-dev-zero", "--jwks", "dev-zero", "is larger than 16 MiB" },
  { "key-dev-zero", "--key", "dev-zero", "is larger than 16 MiB" },
  { "key-fifo", "--key", "fifo", "is larger than 16 MiB" },
  { "input-fifo", NULL, "fifo", "is larger than 256 MiB" },
  { "sign-dev-zero", "--sign", "dev-zero", "is larger than 16 MiB" },
  { "sign-fifo", "--sign", "fifo", "is larger than 16 MiB" },
};

static void
test_bounded_read (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_autofree char *dir = tmp_dir ();
  g_autofree char *path = NULL;
  const char *token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl";
  g_auto (JdTestRun) r = { 0 };
  Writer w = { 0 };
  GThread *thread = NULL;

  if (g_str_equal (bound_rows[i].kind, "dev-zero"))
    path = g_strdup ("/dev/zero");
  else if (g_str_equal (bound_rows[i].kind, "big"))
    {
      int fd;
      path = g_build_filename (dir, "big.jwt", NULL);
      fd = open (path, O_WRONLY | O_CREAT, 0600);
      g_assert_cmpint (fd, >=, 0);
      /* Sparse: 1 GB that takes no disk. */
      g_assert_cmpint (ftruncate (fd, (off_t)1 << 30), ==, 0);
      close (fd);
    }
  else
    {
      path = g_build_filename (dir, "endless", NULL);
      g_assert_cmpint (mkfifo (path, 0600), ==, 0);
      w.path = path;
      thread = g_thread_new ("fifo-writer", write_forever, &w);
    }

  if (bound_rows[i].option)
    run (&r, NULL, (const char *[]){ bound_rows[i].option, path, token, NULL });
  else
    run (&r, NULL, (const char *[]){ path, NULL });

  if (thread)
    {
      /* Unblock the writer whatever happened: open the read end once. */
      int fd = open (path, O_RDONLY | O_NONBLOCK);
      g_atomic_int_set (&w.stop, TRUE);
      g_thread_join (thread);
      if (fd >= 0)
        close (fd);
    }
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, bound_rows[i].message));
  if (!g_str_equal (path, "/dev/zero"))
    g_unlink (path);
  g_rmdir (dir);
}

/* The close input: a small key file is read and used. */
static void
test_bounded_read_small (void)
{
  g_autofree char *dir = tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "secret.jwk", NULL);
  g_autoptr (TkKey) key = tk_key_new_secret ("HS256", NULL, "a-secret-of-thirty-two-bytes-ok!");
  g_autofree char *jwk = tk_key_jwk (key);
  g_autofree char *token = tk_sign_token (key, NULL, "{\"sub\":\"1\"}");
  g_auto (JdTestRun) r = { 0 };

  g_assert_true (g_file_set_contents (path, jwk, -1, NULL));
  run (&r, NULL, (const char *[]){ "--jwks", path, token, NULL });
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "valid"));
  g_unlink (path);
  g_rmdir (dir);
}

/* ------------------------------------------------------------------ */
/* Keys given, none can check the token: rejected, exit 1               */

static void
test_no_usable_key (void)
{
  g_autoptr (TkKey) rsa = tk_key_cached ("RS256", 0, NULL);
  g_autoptr (TkKey) hs = tk_key_new_secret ("HS256", NULL, "a-secret-of-thirty-two-bytes-ok!");
  g_autofree char *dir = tmp_dir ();
  g_autofree char *pem_path = g_build_filename (dir, "issuer.pem", NULL);
  g_autofree char *pem = tk_key_pem (rsa);
  g_autofree char *token = tk_sign_token (hs, NULL, "{\"sub\":\"1\"}");
  g_autofree char *rs_token = tk_sign_token (rsa, NULL, "{\"sub\":\"1\"}");
  g_auto (JdTestRun) r = { 0 };
  g_auto (JdTestRun) j = { 0 };
  g_auto (JdTestRun) ok = { 0 };

  g_assert_true (g_file_set_contents (pem_path, pem, -1, NULL));
  run (&r, NULL, (const char *[]){ "--key", pem_path, token, NULL });
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.out, "none of the keys given can check"));
  g_assert_null (strstr (r.out, "no key given"));

  run (&j, NULL, (const char *[]){ "--json", "--key", pem_path, token, NULL });
  g_assert_cmpint (j.status, ==, 1);
  g_assert_nonnull (strstr (j.out, "\"no-usable-key\""));
  g_assert_nonnull (strstr (j.out, "key 1 (no kid; RSA 2048 from issuer.pem)"));

  /* Close: the token its key signed passes. */
  run (&ok, NULL, (const char *[]){ "--key", pem_path, rs_token, NULL });
  g_assert_cmpint (ok.status, ==, 0);
  g_unlink (pem_path);
  g_rmdir (dir);
}

/* ------------------------------------------------------------------ */
/* A token endpoint's response on standard input                       */

static void
test_token_response (void)
{
  g_autoptr (TkKey) hs = tk_key_new_secret ("HS256", NULL, "a-secret-of-thirty-two-bytes-ok!");
  g_autofree char *access = tk_sign_token (hs, NULL, "{\"sub\":\"the-access-token\"}");
  g_autofree char *id = tk_sign_token (hs, NULL, "{\"sub\":\"the-id-token\",\"nonce\":\"n\"}");
  g_autofree char *json = g_strdup_printf ("{\"id_token\":\"%s\",\"access_token\":\"%s\","
                                           "\"refresh_token\":\"opaque-refresh\","
                                           "\"token_type\":\"Bearer\"}",
                                           id, access);
  g_auto (JdTestRun) r = { 0 };

  run (&r, json, (const char *[]){ "-", NULL });
  g_assert_nonnull (strstr (r.out, "the-access-token"));
  g_assert_null (strstr (r.out, "the-id-token"));
  g_assert_nonnull (strstr (r.out, "id_token"));
  g_assert_nonnull (strstr (r.out, "refresh_token"));
}

int
main (int argc, char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  signal (SIGPIPE, SIG_IGN);

  for (guint i = 0; i < G_N_ELEMENTS (missing_rows); i++)
    {
      g_autofree char *path
        = g_strdup_printf ("/jd/cli-input/missing-file/%u-%s", i,
                           missing_rows[i].names_file ? "names-a-file" : "close-token");
      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_missing_file);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bound_rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/jd/cli-input/bounded/%s", bound_rows[i].name);
      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_bounded_read);
    }
  g_test_add_func ("/jd/cli-input/bounded/close-small-key", test_bounded_read_small);
  g_test_add_func ("/jd/cli-input/no-usable-key", test_no_usable_key);
  g_test_add_func ("/jd/cli-input/token-response", test_token_response);

  ret = g_test_run ();
  tk_cleanup ();
  return ret;
}
