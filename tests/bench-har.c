/* bench-har.c — HAR import speed and memory, beside jq, in the same run
 *
 *   bench-har [--generator PATH] [--runs N] [FILE]
 *
 * Without FILE, a 100 MB HAR with 10,000 entries is written with gen-har
 * (next to this program, or --generator) into $TMPDIR once and reused. Each
 * measurement runs in a child process, so its peak RSS (wait4's ru_maxrss)
 * is that reader's alone: jd_har_load_file(), jd_har_load_async() with a
 * main loop ticking every 5 ms (the longest gap between ticks is what a
 * window would feel), `jq '.log.entries|length'`, and — with --cli PATH or
 * $JD_CLI — `jwt-doctor-cli --json FILE` end to end (reading, judging and
 * printing every token-bearing entry; its report counted by `wc -c`). Best of
 * N runs. Targets: the loader (issue 6) at least 4× jq's speed and peak RSS at
 * most 1.5× the file; the CLI, which streams (issue 14), peak RSS at most
 * 0.5× the file (and flat in the number of entries: run it on
 * `gen-har FILE 100000 100` too) in at most 0.33× jq's time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "jd-har.h"

typedef struct
{
  double seconds;
  double rss_mb;
  char output[256];
  gboolean ok;
} Run;

/* ---- children ---------------------------------------------------- */

static int
child_sync (const char *path, int out)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (JdHar) har = jd_har_load_file (file, NULL, NULL, &error);
  g_autofree char *line = NULL;

  if (har == NULL)
    line = g_strdup_printf ("error: %s\n", error->message);
  else
    line = g_strdup_printf ("%u entries, %u with a token, %u problems\n",
                            g_list_model_get_n_items (G_LIST_MODEL (har)),
                            jd_har_get_n_with_token (har), jd_har_get_problems (har)->len);
  if (write (out, line, strlen (line)) < 0)
    return 1;
  return har != NULL ? 0 : 1;
}

typedef struct
{
  GMainLoop *loop;
  JdHar *har;
  GError *error;
  gint64 last_tick;
  gint64 max_gap;
  guint n_progress;
} AsyncChild;

static gboolean
on_tick (gpointer user_data)
{
  AsyncChild *c = user_data;
  gint64 now = g_get_monotonic_time ();

  if (c->last_tick != 0 && now - c->last_tick > c->max_gap)
    c->max_gap = now - c->last_tick;
  c->last_tick = now;
  return G_SOURCE_CONTINUE;
}

static void
on_progress (double fraction, gpointer user_data)
{
  AsyncChild *c = user_data;
  c->n_progress++;
}

static void
on_loaded (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AsyncChild *c = user_data;

  c->har = jd_har_load_finish (result, &c->error);
  g_main_loop_quit (c->loop);
}

static int
child_async (const char *path, int out)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  AsyncChild c = { 0 };
  g_autofree char *line = NULL;
  guint tick;

  c.loop = g_main_loop_new (NULL, FALSE);
  tick = g_timeout_add (5, on_tick, &c);
  c.last_tick = g_get_monotonic_time ();
  jd_har_load_async (file, NULL, NULL, on_progress, &c, on_loaded, &c);
  g_main_loop_run (c.loop);
  g_source_remove (tick);

  if (c.har == NULL)
    line = g_strdup_printf ("error: %s\n", c.error->message);
  else
    line = g_strdup_printf ("%u entries, %u progress reports, longest main-loop gap %.1f ms\n",
                            g_list_model_get_n_items (G_LIST_MODEL (c.har)), c.n_progress,
                            c.max_gap / 1000.0);
  if (write (out, line, strlen (line)) < 0)
    return 1;
  g_clear_object (&c.har);
  g_clear_error (&c.error);
  g_main_loop_unref (c.loop);
  return 0;
}

/* ---- parent ------------------------------------------------------ */

/* Runs @func (mode "sync"/"async") or execs @argv in a child; measures it. */
static Run
measure (const char *mode, const char *path, char **argv)
{
  Run run = { 0 };
  int fds[2];
  gint64 t0;
  gint64 t1;
  pid_t pid;
  int status = 0;
  struct rusage ru;
  gsize got = 0;

  if (pipe (fds) != 0)
    g_error ("pipe: %s", g_strerror (errno));

  t0 = g_get_monotonic_time ();
  pid = fork ();
  if (pid < 0)
    g_error ("fork: %s", g_strerror (errno));

  if (pid == 0)
    {
      close (fds[0]);
      if (argv != NULL)
        {
          dup2 (fds[1], STDOUT_FILENO);
          close (fds[1]);
          execvp (argv[0], argv);
          _exit (127);
        }
      _exit (strcmp (mode, "async") == 0 ? child_async (path, fds[1]) : child_sync (path, fds[1]));
    }

  close (fds[1]);
  for (;;)
    {
      ssize_t n = read (fds[0], run.output + got, sizeof run.output - 1 - got);
      if (n <= 0)
        break;
      got += n;
      if (got >= sizeof run.output - 1)
        {
          /* drain the rest */
          char sink[4096];
          while (read (fds[0], sink, sizeof sink) > 0)
            ;
          break;
        }
    }
  close (fds[0]);
  run.output[got] = '\0';
  g_strchomp (run.output);

  if (wait4 (pid, &status, 0, &ru) < 0)
    g_error ("wait4: %s", g_strerror (errno));
  t1 = g_get_monotonic_time ();

  run.seconds = (t1 - t0) / 1e6;
  run.rss_mb = ru.ru_maxrss / 1024.0; /* kB on Linux */
  run.ok = WIFEXITED (status) && WEXITSTATUS (status) == 0;
  return run;
}

static Run
best_of (guint n, const char *mode, const char *path, char **argv)
{
  Run best = { 0 };

  for (guint i = 0; i < n; i++)
    {
      Run r = measure (mode, path, argv);

      if (!r.ok)
        return r;
      if (i == 0 || r.seconds < best.seconds)
        best = r;
      else if (r.rss_mb > best.rss_mb)
        best.rss_mb = r.rss_mb; /* report the worst peak */
    }
  return best;
}

int
main (int argc, char *argv[])
{
  g_autofree char *generator = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  int runs = 3;
  char *jq_argv[] = { (char *)"jq", (char *)".log.entries|length", NULL, NULL };
  g_autofree char *jq_path = g_find_program_in_path ("jq");
  g_autofree char *cli = g_strdup (g_getenv ("JD_CLI"));
  char *cli_argv[]
    = { (char *)"sh", (char *)"-c", (char *)"\"$0\" --json \"$1\" | wc -c", NULL, NULL, NULL };
  Run cli_run = { 0 };
  GOptionEntry options[]
    = { { "cli", 0, 0, G_OPTION_ARG_FILENAME, &cli,
          "jwt-doctor-cli to time end to end (default $JD_CLI)", "PATH" },
        { "generator", 0, 0, G_OPTION_ARG_FILENAME, &generator, "gen-har program", "PATH" },
        { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "runs per reader (best is shown)", "N" },
        { NULL } };
  GStatBuf st;
  double mb;
  Run sync_run;
  Run async_run;
  Run jq_run = { 0 };

  context = g_option_context_new ("[FILE] — HAR import benchmark");
  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  runs = CLAMP (runs, 1, 20);

  if (argc > 1)
    path = g_strdup (argv[1]);
  else
    {
      path = g_build_filename (g_get_tmp_dir (), "jd-bench-har-100MB-10000.har", NULL);
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_autofree char *dir = g_path_get_dirname (argv[0]);
          g_autofree char *gen
            = generator != NULL ? g_strdup (generator) : g_build_filename (dir, "gen-har", NULL);
          char *gen_argv[] = { gen, path, (char *)"10000", (char *)"100", NULL };
          int wait_status = 0;

          g_print ("generating %s with %s …\n", path, gen);
          if (!g_spawn_sync (NULL, gen_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                             &wait_status, &error)
              || !g_spawn_check_wait_status (wait_status, &error))
            {
              g_printerr ("gen-har failed: %s\n", error->message);
              return 1;
            }
        }
    }

  if (g_stat (path, &st) != 0)
    {
      g_printerr ("cannot stat %s\n", path);
      return 2;
    }
  mb = st.st_size / (1024.0 * 1024.0);

  /* warm the page cache the same way for every reader */
  {
    g_autoptr (GMappedFile) mf = g_mapped_file_new (path, FALSE, NULL);
    if (mf != NULL)
      {
        const volatile char *p = g_mapped_file_get_contents (mf);
        gsize len = g_mapped_file_get_length (mf);
        char sum = 0;
        for (gsize i = 0; i < len; i += 4096)
          sum ^= p[i];
        (void)sum;
      }
  }

  sync_run = best_of (runs, "sync", path, NULL);
  async_run = best_of (runs, "async", path, NULL);
  if (jq_path != NULL)
    {
      jq_argv[2] = path;
      jq_run = best_of (MIN (runs, 2), NULL, path, jq_argv);
    }
  if (cli != NULL)
    {
      cli_argv[3] = cli;
      cli_argv[4] = path;
      cli_run = best_of (runs, NULL, path, cli_argv);
    }

  g_print ("\nfile: %s\n      %.1f MB (%" G_GINT64_FORMAT " bytes)\n\n", path, mb,
           (gint64)st.st_size);
  g_print ("%-30s %9s %9s %14s %10s   %s\n", "reader", "time (s)", "MB/s", "peak RSS (MB)",
           "RSS/file", "output");
  g_print ("%-30s %9.3f %9.1f %14.1f %10.2f   %s\n", "jd_har_load_file", sync_run.seconds,
           mb / sync_run.seconds, sync_run.rss_mb, sync_run.rss_mb / mb, sync_run.output);
  g_print ("%-30s %9.3f %9.1f %14.1f %10.2f   %s\n", "jd_har_load_async", async_run.seconds,
           mb / async_run.seconds, async_run.rss_mb, async_run.rss_mb / mb, async_run.output);
  if (jq_path != NULL && jq_run.ok)
    g_print ("%-30s %9.3f %9.1f %14.1f %10.2f   %s\n", "jq '.log.entries|length'", jq_run.seconds,
             mb / jq_run.seconds, jq_run.rss_mb, jq_run.rss_mb / mb, jq_run.output);
  else
    g_print ("%-30s   (jq %s)\n", "jq '.log.entries|length'",
             jq_path == NULL ? "is not installed" : "failed");

  if (cli != NULL)
    g_print ("%-30s %9.3f %9.1f %14.1f %10.2f   %s bytes of report\n", "jwt-doctor-cli --json",
             cli_run.seconds, mb / cli_run.seconds, cli_run.rss_mb, cli_run.rss_mb / mb,
             cli_run.output);

  g_print ("\n");
  if (cli != NULL && cli_run.ok)
    {
      g_print ("CLI peak RSS / file: %.2f   (target <= 0.5: %s)\n", cli_run.rss_mb / mb,
               cli_run.rss_mb / mb <= 0.5 ? "met" : "MISSED");
      if (jq_path != NULL && jq_run.ok)
        g_print ("CLI time / jq time:  %.2f   (target <= 0.33: %s)\n",
                 cli_run.seconds / jq_run.seconds,
                 cli_run.seconds / jq_run.seconds <= 0.33 ? "met" : "MISSED");
    }
  if (jq_path != NULL && jq_run.ok)
    g_print ("speed vs jq:     %.1fx   (target >= 4x: %s)\n", jq_run.seconds / sync_run.seconds,
             jq_run.seconds / sync_run.seconds >= 4 ? "met" : "MISSED");
  g_print ("peak RSS / file: %.2f    (target <= 1.5: %s)\n", sync_run.rss_mb / mb,
           sync_run.rss_mb / mb <= 1.5 ? "met" : "MISSED");

  return sync_run.ok && async_run.ok && (cli == NULL || cli_run.ok) ? 0 : 1;
}
