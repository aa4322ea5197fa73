/* bench-window.c — time to first frame and memory of the JWT Doctor window
 * against an empty AdwApplicationWindow measured in the same run, and
 * paste-to-diagnosis of a 4 KiB token. Prints a table.
 *
 *   bench-window                 run everything (spawns itself per sample)
 *   bench-window --child=empty   one sample: an empty AdwApplicationWindow
 *   bench-window --child=app     one sample: the JWT Doctor window
 *
 * Targets (issue 4): first frame ≤ 1.15× the empty window, memory at first
 * frame ≤ 1.15×, paste-to-diagnosis within one frame (16 ms).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jd-base64.h"
#include "jd-application.h"
#include "jd-window.h"

#define SAMPLES 5
#define PASTES 30 /* JD_BENCH_PASTES overrides */

static gint64 t_start;

/* Where a sample's time goes, for the breakdown table: when GApplication
 * finished starting up, when activate returned (window built and
 * presented), and when the first frame's layout (styles, sizes) and paint
 * (snapshot, render) phases began — emission hooks, which run before the
 * handlers GTK connected. */
enum
{
  PHASE_STARTUP,
  PHASE_ACTIVATED,
  PHASE_LAYOUT,
  PHASE_PAINT,
  N_PHASES
};
static gint64 t_phase[N_PHASES];

static void
mark_phase (gpointer instance, gpointer data)
{
  guint phase = GPOINTER_TO_UINT (data);

  if (t_phase[phase] == 0)
    t_phase[phase] = g_get_monotonic_time ();
}

static long
rss_kib (void)
{
  g_autofree char *statm = NULL;
  long size = 0, resident = 0;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL)
      || sscanf (statm, "%ld %ld", &size, &resident) != 2)
    return -1;
  return resident * (sysconf (_SC_PAGESIZE) / 1024);
}

static gboolean
phase_hook (GSignalInvocationHint *hint, guint n_params, const GValue *params, gpointer data)
{
  mark_phase (NULL, data);
  return TRUE;
}

static void
first_frame (GdkFrameClock *clock, GApplication *app)
{
  gint64 t = g_get_monotonic_time ();

  g_print ("%.3f %ld", (t - t_start) / 1000.0, rss_kib ());
  for (guint i = 0; i < N_PHASES; i++)
    g_print (" %.3f", (t_phase[i] - t_start) / 1000.0);
  g_print ("\n");
  /* For finding where the memory goes: JD_BENCH_SMAPS=FILE keeps a copy of
   * /proc/self/smaps at the first frame. */
  if (g_getenv ("JD_BENCH_SMAPS") != NULL)
    {
      g_autofree char *smaps = NULL;
      gsize len = 0;

      if (g_file_get_contents ("/proc/self/smaps", &smaps, &len, NULL))
        g_file_set_contents (g_getenv ("JD_BENCH_SMAPS"), smaps, len, NULL);
    }
  g_signal_handlers_disconnect_by_func (clock, first_frame, app);
  g_application_quit (app);
}

static void
watch_first_frame (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  mark_phase (app, GUINT_TO_POINTER (PHASE_ACTIVATED));
  g_assert (window != NULL);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (first_frame), app);
}

static void
empty_activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_present (GTK_WINDOW (window));
}

/* For scale: the least a real window shows — a header bar with a title and
 * one line of text. Fonts and text shaping are most of what it costs. */
static void
label_activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new ("JWT Doctor", NULL));
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box),
                  gtk_label_new ("Paste a token, an Authorization header or a curl command"));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_present (GTK_WINDOW (window));
}

static int
run_child (const char *mode, char *argv0)
{
  g_autoptr (GApplication) app = NULL;
  char *argv[] = { argv0, NULL };

  if (g_str_equal (mode, "empty") || g_str_equal (mode, "label"))
    {
      app = G_APPLICATION (
        adw_application_new ("io.github.jwtdoctor.BenchEmpty", G_APPLICATION_NON_UNIQUE));
      g_signal_connect (app, "activate",
                        g_str_equal (mode, "empty") ? G_CALLBACK (empty_activate)
                                                    : G_CALLBACK (label_activate),
                        NULL);
    }
  else
    {
      app = G_APPLICATION (jd_application_new ());
      g_application_set_flags (app, G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
    }
  g_type_class_unref (g_type_class_ref (GDK_TYPE_FRAME_CLOCK));
  g_signal_add_emission_hook (g_signal_lookup ("layout", GDK_TYPE_FRAME_CLOCK), 0, phase_hook,
                              GUINT_TO_POINTER (PHASE_LAYOUT), NULL);
  g_signal_add_emission_hook (g_signal_lookup ("paint", GDK_TYPE_FRAME_CLOCK), 0, phase_hook,
                              GUINT_TO_POINTER (PHASE_PAINT), NULL);
  g_signal_connect_after (app, "startup", G_CALLBACK (mark_phase),
                          GUINT_TO_POINTER (PHASE_STARTUP));
  g_signal_connect_after (app, "activate", G_CALLBACK (watch_first_frame), NULL);

  return g_application_run (app, 1, argv);
}

static gboolean
sample (const char *self_path, const char *mode, double *ms, double *kib, double *phases)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *arg = g_strdup_printf ("--child=%s", mode);
  const char *argv[] = { self_path, arg, NULL };
  int status = 0;
  long rss = 0;

  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                     &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("bench-window: %s sample failed: %s\n", mode, error->message);
      return FALSE;
    }
  if (sscanf (out, "%lf %ld %lf %lf %lf %lf", ms, &rss, &phases[PHASE_STARTUP],
              &phases[PHASE_ACTIVATED], &phases[PHASE_LAYOUT], &phases[PHASE_PAINT])
      != 2 + N_PHASES)
    return FALSE;
  *kib = rss;
  return TRUE;
}

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
median (double *v, guint n)
{
  qsort (v, n, sizeof (double), (int (*) (const void *, const void *))compare_double);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* ---- Paste to diagnosis ---------------------------------------------------- */

static char *
b64url (const char *text)
{
  return jd_base64url_encode (text, strlen (text));
}

static char *
make_4k_token (guint variant)
{
  GString *payload = g_string_new (
    "{\"iss\":\"https://auth.example.com/\",\"aud\":\"https://api.example.com/v2\"");
  g_autofree char *header = b64url ("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"bench\"}");
  g_autofree char *body = NULL;
  g_autofree char *signature = NULL;
  GString *sig = g_string_new (NULL);

  g_string_append_printf (payload, ",\"exp\":%u,\"iat\":1700000000,\"nbf\":1700000000",
                          2000000000 + variant);
  /* Roles and groups, as Azure AD and Keycloak tokens carry them. */
  g_string_append (payload, ",\"roles\":[");
  for (guint i = 0; payload->len < 2600; i++)
    g_string_append_printf (payload, "%s\"role.%04u.read\"", i ? "," : "", i);
  g_string_append (payload, "],\"realm_access\":{\"roles\":[\"a\",\"b\"]}}");
  body = b64url (payload->str);
  for (guint i = 0; i < 342; i++)
    g_string_append_c (sig, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef"[(i + variant) % 32]);
  g_string_free (payload, TRUE);
  signature = g_string_free (sig, FALSE);

  return g_strdup_printf ("%s.%s.%s", header, body, signature);
}

static gboolean painted;

static void
after_paint (GdkFrameClock *clock, gpointer data)
{
  painted = TRUE;
}

static void
paste_bench (double *sync_ms, double *frame_ms, gsize *token_len)
{
  g_autoptr (JdApplication) app = jd_application_new ();
  JdWindow *window;
  JdTokenPage *page;
  GdkFrameClock *clock;
  double syncs[PASTES], frames[PASTES];
  guint n = g_getenv ("JD_BENCH_PASTES") ? CLAMP (atoi (g_getenv ("JD_BENCH_PASTES")), 1, PASTES)
                                         : PASTES;

  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = jd_window_new (GTK_APPLICATION (app));
  page = jd_window_get_token_page (window);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint), NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *token = make_4k_token (i);
      gint64 t0, t1;

      *token_len = strlen (token);
      /* settle */
      painted = FALSE;
      while (g_main_context_iteration (NULL, FALSE))
        ;

      t0 = g_get_monotonic_time ();
      jd_token_page_set_text (page, token);
      t1 = g_get_monotonic_time ();
      painted = FALSE;
      gtk_widget_queue_draw (GTK_WIDGET (window));
      while (!painted)
        g_main_context_iteration (NULL, TRUE);
      syncs[i] = (t1 - t0) / 1000.0;
      frames[i] = (g_get_monotonic_time () - t0) / 1000.0;
    }

  *sync_ms = median (syncs, n);
  *frame_ms = median (frames, n);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  double empty_ms[SAMPLES], empty_kib[SAMPLES], app_ms[SAMPLES], app_kib[SAMPLES];
  double label_ms[SAMPLES], label_kib[SAMPLES];
  double e_ms, e_kib, a_ms, a_kib, l_ms, l_kib, sync_ms = 0, frame_ms = 0;
  double phase_samples[3][N_PHASES][SAMPLES], phase_ms[3][N_PHASES];
  double phases[N_PHASES];
  g_autofree char *self_path = NULL;
  gsize token_len = 0;

  t_start = g_get_monotonic_time ();

  if (argc == 2 && g_str_has_prefix (argv[1], "--child="))
    return run_child (argv[1] + strlen ("--child="), argv[0]);

  /* Connected before the samples run: Xvfb resets whenever its last
   * client leaves, and would refuse the next connection for a moment. */
  gtk_init ();

  self_path = g_file_read_link ("/proc/self/exe", NULL);
  if (self_path == NULL)
    self_path = g_strdup (argv[0]);

  /* Interleaved, so drift in machine load hits both alike. */
  for (guint i = 0; i < SAMPLES; i++)
    {
      if (!sample (self_path, "empty", &empty_ms[i], &empty_kib[i], phases))
        return 1;
      for (guint p = 0; p < N_PHASES; p++)
        phase_samples[0][p][i] = phases[p];
      if (!sample (self_path, "label", &label_ms[i], &label_kib[i], phases))
        return 1;
      for (guint p = 0; p < N_PHASES; p++)
        phase_samples[2][p][i] = phases[p];
      if (!sample (self_path, "app", &app_ms[i], &app_kib[i], phases))
        return 1;
      for (guint p = 0; p < N_PHASES; p++)
        phase_samples[1][p][i] = phases[p];
    }
  for (guint m = 0; m < 3; m++)
    for (guint p = 0; p < N_PHASES; p++)
      phase_ms[m][p] = median (phase_samples[m][p], SAMPLES);

  e_ms = median (empty_ms, SAMPLES);
  e_kib = median (empty_kib, SAMPLES);
  a_ms = median (app_ms, SAMPLES);
  a_kib = median (app_kib, SAMPLES);
  l_ms = median (label_ms, SAMPLES);
  l_kib = median (label_kib, SAMPLES);

  adw_init ();
  paste_bench (&sync_ms, &frame_ms, &token_len);

  g_print ("\nJWT Doctor window benchmark (median of %d runs each, GSK_RENDERER=%s)\n\n", SAMPLES,
           g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");
  g_print ("| measure                              | empty AdwApplicationWindow | jwt-doctor | "
           "ratio | target | (header bar + one label) |\n");
  g_print ("|--------------------------------------|---------------------------:|-----------:|-----"
           "-:|-------:|-------------------------:|\n");
  g_print ("| process start → first frame (ms)     | %26.1f | %10.1f | %5.2f | ≤ 1.15 | %24.1f |\n",
           e_ms, a_ms, a_ms / e_ms, l_ms);
  g_print ("| resident memory at first frame (MiB) | %26.1f | %10.1f | %5.2f | ≤ 1.15 | %24.1f |\n",
           e_kib / 1024, a_kib / 1024, a_kib / e_kib, l_kib / 1024);
  g_print ("\n| breakdown: ms since process start (median)   | empty | jwt-doctor | (header bar + "
           "one label) |\n");
  g_print ("|----------------------------------------------|------:|-----------:|------------------"
           "-------:|\n");
  {
    static const char *names[N_PHASES] = {
      "GApplication started up                     ",
      "activate returned (window built, presented) ",
      "first frame: layout begins                  ",
      "first frame: paint begins                   ",
    };

    for (guint p = 0; p < N_PHASES; p++)
      g_print ("| %s | %5.1f | %10.1f | %24.1f |\n", names[p], phase_ms[0][p], phase_ms[1][p],
               phase_ms[2][p]);
    g_print ("| first frame painted                          | %5.1f | %10.1f | %24.1f |\n", e_ms,
             a_ms, l_ms);
  }
  g_print ("\n| paste of a %zu-byte token (median of %d)  | ms    | target  |\n", token_len,
           PASTES);
  g_print ("|---------------------------------------------|------:|--------:|\n");
  g_print ("| set text → decoded, diagnosed, models built | %5.2f | ≤ 16 ms |\n", sync_ms);
  g_print ("| set text → next frame painted               | %5.2f |         |\n", frame_ms);

  return 0;
}
