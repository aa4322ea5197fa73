/* bench-decode.c — decode + full diagnosis of a typical 800-byte token,
 * beside PyJWT's jwt.decode(…, options={"verify_signature": False}) on the
 * same token, measured in the same run.
 *
 *   meson test -C _build --benchmark decode --verbose
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <gio/gio.h>

#include "jd-base64.h"
#include "jd-diagnosis.h"
#include "jd-input.h"
#include "jd-token.h"

#define ROUNDS 7

static char *
typical_token (void)
{
  const char *header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"k_2026_05\"}";
  const char *payload
    = "{\"iss\":\"https://auth.example.com/\",\"sub\":\"user_a8f9c2\",\"aud\":\"https://"
      "api.example.com/v2\","
      "\"exp\":4102444800,\"iat\":1748437931,\"nbf\":1748437931,\"jti\":\"5b0f8a4e-3c1d-4b7a-9f2e-"
      "0d6c1a2b3c4d\","
      "\"scope\":\"read:invoice write:invoice read:customer\",\"azp\":\"web-frontend\","
      "\"email\":\"alice@example.com\",\"email_verified\":true,\"name\":\"Alice Example\"}";
  guint8 sig[256];
  g_autofree char *h = jd_base64url_encode (header, strlen (header));
  g_autofree char *p = jd_base64url_encode (payload, strlen (payload));
  g_autofree char *s = NULL;

  for (guint i = 0; i < sizeof sig; i++)
    sig[i] = (guint8)(i * 131 + 7);
  s = jd_base64url_encode (sig, sizeof sig);
  return g_strdup_printf ("%s.%s.%s", h, p, s);
}

/* Nanoseconds per token: best of ROUNDS rounds of @n. */
static double
measure_ours (const char *token, guint n)
{
  g_autoptr (JdExpectations) e = jd_expectations_new ();
  double best = G_MAXDOUBLE;

  e->audience = g_strdup ("https://api.example.com/v2");
  e->issuer = g_strdup ("https://auth.example.com/");
  for (guint r = 0; r < ROUNDS; r++)
    {
      gint64 t0 = g_get_monotonic_time ();
      for (guint i = 0; i < n; i++)
        {
          g_autoptr (JdInput) input = jd_input_parse (token, strlen (token));
          g_autoptr (JdToken) t = jd_token_parse (jd_input_get_token (input), -1);
          g_autoptr (GPtrArray) f = jd_diagnose (t, e, NULL, input);
          g_assert (f->len > 0);
        }
      best = MIN (best, (double)(g_get_monotonic_time () - t0) * 1000.0 / n);
    }
  return best;
}

/* The same for PyJWT, in a python3 subprocess; the token goes through stdin. */
static double
measure_pyjwt (const char *token, guint n, char **version)
{
  g_autofree char *script = g_strdup_printf (
    "import sys, timeit, jwt\n"
    "t = sys.stdin.read().strip()\n"
    "jwt.decode(t, options={'verify_signature': False})\n"
    "best = min(timeit.repeat(lambda: jwt.decode(t, options={'verify_signature': False}), "
    "number=%u, repeat=%d))\n"
    "print(jwt.__version__, best * 1e9 / %u)\n",
    n, ROUNDS, n);
  g_autoptr (GSubprocess) p = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto (GStrv) parts = NULL;

  /* Debian's python3-jwt belongs to /usr/bin/python3, which may not be the first python3 on PATH.
   */
  p = g_subprocess_new (
    G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
    g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE) ? "/usr/bin/python3" : "python3",
    "-c", script, NULL);
  if (p == NULL || !g_subprocess_communicate_utf8 (p, token, NULL, &out, NULL, &error)
      || !g_subprocess_get_successful (p))
    {
      g_printerr ("PyJWT not measured: %s (apt install python3-jwt)\n",
                  error ? error->message : "python3 failed");
      return -1;
    }
  parts = g_strsplit (g_strstrip (out), " ", 2);
  if (g_strv_length (parts) != 2)
    return -1;
  *version = g_strdup (parts[0]);
  return g_ascii_strtod (parts[1], NULL);
}

int
main (int argc, char **argv)
{
  g_autofree char *token = typical_token ();
  g_autofree char *pyver = NULL;
  guint n = argc > 1 ? (guint)atoi (argv[1]) : 20000;
  double ours, theirs;

  ours = measure_ours (token, n);
  theirs = measure_pyjwt (token, n, &pyver);

  g_print ("Decode + full diagnosis of one %zu-byte token (best of %d rounds of %u)\n\n",
           strlen (token), ROUNDS, n);
  g_print (
    "| implementation                                   | us per token | tokens per second |\n");
  g_print (
    "|--------------------------------------------------|-------------:|------------------:|\n");
  g_print ("| jwt-doctor: jd_input_parse + jd_token_parse + jd_diagnose | %12.2f | %17.0f |\n",
           ours / 1000.0, 1e9 / ours);
  if (theirs > 0)
    {
      g_autofree char *label
        = g_strdup_printf ("PyJWT %s jwt.decode(verify_signature=False)", pyver);
      g_print ("| %-48s | %12.2f | %17.0f |\n", label, theirs / 1000.0, 1e9 / theirs);
      g_print ("\njwt-doctor / PyJWT time: %.2f× (target: at most 1.00×) — %s\n", ours / theirs,
               ours <= theirs ? "met" : "NOT met");
    }
  return 0;
}
