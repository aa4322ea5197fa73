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

/* ---- main ------------------------------------------------------ */

typedef struct
{
  const char *path;
  double mb;
  gint64 size;
  gboolean have_jq;  /* jq is installed */
  gboolean have_cli; /* --cli or $JD_CLI */
  Run sync;
  Run async;
  Run jq;
  Run cli;
} Results;

/* The HAR to read: @file_arg, or the 100 MB one in $TMPDIR, written with
 * gen-har (@generator, or next to @argv0) the first time. NULL when it
 * could not be written (said on stderr). */
static char *
bench_file (const char *argv0, const char *file_arg, const char *generator)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *gen = NULL;
  int wait_status = 0;

  if (file_arg != NULL)
    return g_strdup (file_arg);

  path = g_build_filename (g_get_tmp_dir (), "jd-bench-har-100MB-10000.har", NULL);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&path);

  dir = g_path_get_dirname (argv0);
  gen = generator != NULL ? g_strdup (generator) : g_build_filename (dir, "gen-har", NULL);
  {
    char *gen_argv[] = { gen, path, (char *)"10000", (char *)"100", NULL };

    g_print ("generating %s with %s …\n", path, gen);
    if (!g_spawn_sync (NULL, gen_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &wait_status,
                       &error)
        || !g_spawn_check_wait_status (wait_status, &error))
      {
        g_printerr ("gen-har failed: %s\n", error->message);
        return NULL;
      }
  }
  return g_steal_pointer (&path);
}

/* Warm the page cache the same way for every reader. */
static void
warm_page_cache (const char *path)
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

/* Each reader, best of @runs (jq: of at most 2). */
static void
run_readers (Results *res, int runs, const char *jq_path, char *cli)
{
  char *jq_argv[] = { (char *)"jq", (char *)".log.entries|length", NULL, NULL };
  char *cli_argv[]
    = { (char *)"sh", (char *)"-c", (char *)"\"$0\" --json \"$1\" | wc -c", NULL, NULL, NULL };
  char *path = (char *)res->path;

  res->sync = best_of (runs, "sync", path, NULL);
  res->async = best_of (runs, "async", path, NULL);
  if (jq_path != NULL)
    {
      jq_argv[2] = path;
      res->jq = best_of (MIN (runs, 2), NULL, path, jq_argv);
    }
  if (cli != NULL)
    {
      cli_argv[3] = cli;
      cli_argv[4] = path;
      res->cli = best_of (runs, NULL, path, cli_argv);
    }
}

static void
print_row (const char *reader, const Run *run, double mb, const char *suffix)
{
  g_print ("%-30s %9.3f %9.1f %14.1f %10.2f   %s%s\n", reader, run->seconds, mb / run->seconds,
           run->rss_mb, run->rss_mb / mb, run->output, suffix);
}

static void
print_table (const Results *res)
{
  double mb = res->mb;

  g_print ("\nfile: %s\n      %.1f MB (%" G_GINT64_FORMAT " bytes)\n\n", res->path, mb, res->size);
  g_print ("%-30s %9s %9s %14s %10s   %s\n", "reader", "time (s)", "MB/s", "peak RSS (MB)",
           "RSS/file", "output");
  print_row ("jd_har_load_file", &res->sync, mb, "");
  print_row ("jd_har_load_async", &res->async, mb, "");
  if (res->have_jq && res->jq.ok)
    print_row ("jq '.log.entries|length'", &res->jq, mb, "");
  else
    g_print ("%-30s   (jq %s)\n", "jq '.log.entries|length'",
             !res->have_jq ? "is not installed" : "failed");

  if (res->have_cli)
    print_row ("jwt-doctor-cli --json", &res->cli, mb, " bytes of report");
}

static void
print_targets (const Results *res)
{
  double mb = res->mb;

  g_print ("\n");
  if (res->have_cli && res->cli.ok)
    {
      g_print ("CLI peak RSS / file: %.2f   (target <= 0.5: %s)\n", res->cli.rss_mb / mb,
               res->cli.rss_mb / mb <= 0.5 ? "met" : "MISSED");
      if (res->have_jq && res->jq.ok)
        g_print ("CLI time / jq time:  %.2f   (target <= 0.33: %s)\n",
                 res->cli.seconds / res->jq.seconds,
                 res->cli.seconds / res->jq.seconds <= 0.33 ? "met" : "MISSED");
    }
  if (res->have_jq && res->jq.ok)
    g_print ("speed vs jq:     %.1fx   (target >= 4x: %s)\n", res->jq.seconds / res->sync.seconds,
             res->jq.seconds / res->sync.seconds >= 4 ? "met" : "MISSED");
  g_print ("peak RSS / file: %.2f    (target <= 1.5: %s)\n", res->sync.rss_mb / mb,
           res->sync.rss_mb / mb <= 1.5 ? "met" : "MISSED");
}

int
main (int argc, char *argv[])
{
  g_autofree char *generator = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  int runs = 3;
  g_autofree char *jq_path = g_find_program_in_path ("jq");
  g_autofree char *cli = g_strdup (g_getenv ("JD_CLI"));
  GOptionEntry options[]
    = { { "cli", 0, 0, G_OPTION_ARG_FILENAME, &cli,
          "jwt-doctor-cli to time end to end (default $JD_CLI)", "PATH" },
        { "generator", 0, 0, G_OPTION_ARG_FILENAME, &generator, "gen-har program", "PATH" },
        { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "runs per reader (best is shown)", "N" },
        { NULL } };
  GStatBuf st;
  Results res = { 0 };

  context = g_option_context_new ("[FILE] — HAR import benchmark");
  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  runs = CLAMP (runs, 1, 20);

  path = bench_file (argv[0], argc > 1 ? argv[1] : NULL, generator);
  if (path == NULL)
    return 1;
  if (g_stat (path, &st) != 0)
    {
      g_printerr ("cannot stat %s\n", path);
      return 2;
    }

  res.path = path;
  res.mb = st.st_size / (1024.0 * 1024.0);
  res.size = (gint64)st.st_size;
  res.have_jq = jq_path != NULL;
  res.have_cli = cli != NULL;

  warm_page_cache (path);
  run_readers (&res, runs, jq_path, cli);
  print_table (&res);
  print_targets (&res);

  return res.sync.ok && res.async.ok && (cli == NULL || res.cli.ok) ? 0 : 1;
}
