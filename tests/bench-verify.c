/* bench-verify.c — verifications per second, end to end beside raw GnuTLS
 *
 * For every algorithm: "end to end" is what the app and the CLI do for a
 * pasted token (jd_token_parse, key selection by kid in a two-key JWKS,
 * jd_verify with its verdicts and findings); "raw" is the bare GnuTLS
 * operation on the same signature (gnutls_pubkey_verify_data2, or
 * gnutls_hmac_fast plus a constant-time compare). Both run in the same
 * process, interleaved over several rounds; the best round of each counts.
 *
 * "raw" is the call an application makes. jd_verify takes two shorter
 * GnuTLS paths that skip per-signature libtasn1 work: RS* hand GnuTLS the
 * RFC 8017 §9.2 DigestInfo (gnutls_pubkey_verify_hash2 with
 * GNUTLS_VERIFY_USE_TLS1_RSA), ES* write the DER of R‖S themselves. That is
 * why select+verify can be below 1.0× for RS*: the columns show what the
 * app pays per token, parsing and key selection included.
 *
 *   meson test -C _build --benchmark verify -v      (or run the binary)
 *   bench-verify [SECONDS-PER-BATCH]                (default 0.1)
 *   JD_BENCH_ALGS=RS256,ES256 bench-verify          (only those rows)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <time.h>

#include "jd-keys-private.h"
#include "jd-verify.h"
#include "test-keys-util.h"

#define ROUNDS 7

typedef struct
{
  const char *token;
  JdToken *parsed;
  JdKeySet *set;
  gnutls_pubkey_t pubkey;
  GBytes *secret;
  const TkAlg *alg;
  gnutls_datum_t input;
  gnutls_datum_t sig; /* DER for ECDSA, as GnuTLS wants it */
} Case;

static gboolean
run_raw (Case *c)
{
  if (c->secret)
    {
      guint8 mac[64];
      gnutls_hmac_fast (c->alg->mac, g_bytes_get_data (c->secret, NULL),
                        g_bytes_get_size (c->secret), c->input.data, c->input.size, mac);
      return c->sig.size == gnutls_hmac_get_len (c->alg->mac)
             && gnutls_memcmp (mac, c->sig.data, c->sig.size) == 0;
    }
  return gnutls_pubkey_verify_data2 (c->pubkey, c->alg->sign,
                                     c->alg->sign == GNUTLS_SIGN_RSA_PSS_SHA256
                                         || c->alg->sign == GNUTLS_SIGN_RSA_PSS_SHA384
                                         || c->alg->sign == GNUTLS_SIGN_RSA_PSS_SHA512
                                       ? GNUTLS_VERIFY_RSA_PSS_FIXED_SALT_LENGTH
                                       : 0,
                                     &c->input, &c->sig)
         >= 0;
}

static gboolean
run_e2e (Case *c)
{
  g_autoptr (JdToken) token = jd_token_parse (c->token, -1);
  g_autoptr (JdVerifyResult) result = jd_verify (token, c->set, NULL);

  return jd_verify_result_get_status (result) == JD_SIGNATURE_VALID;
}

static gboolean
run_select_verify (Case *c)
{
  g_autoptr (JdVerifyResult) result = jd_verify (c->parsed, c->set, NULL);

  return jd_verify_result_get_status (result) == JD_SIGNATURE_VALID;
}

/* This thread's CPU time: other processes on a busy machine do not count. */
static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* CPU seconds per operation over a batch of about @budget CPU seconds. */
static double
measure (gboolean (*fn) (Case *), Case *c, double budget)
{
  guint n = 0;
  double start = cpu_seconds ();
  double now;

  do
    {
      for (guint i = 0; i < 16; i++)
        if (!fn (c))
          g_error ("%s: verification failed during the benchmark", c->alg->alg);
      n += 16;
      now = cpu_seconds ();
    }
  while (now - start < budget);
  return (now - start) / n;
}

static void
print_header (void)
{
  printf ("# JWT Doctor verification benchmark (GnuTLS %s), thread CPU time, best of %d "
          "interleaved rounds\n",
          gnutls_check_version (NULL), ROUNDS);
  printf ("# end to end = jd_token_parse + key selection by kid in a 2-key JWKS + jd_verify\n");
  printf ("# select+verify = the same on a token parsed beforehand (jd_verify alone)\n");
  printf ("# raw = gnutls_pubkey_verify_data2 as an application calls it; jd_verify gives GnuTLS\n"
          "# the RSA DigestInfo / ECDSA DER itself, skipping libtasn1 per signature\n");
  printf ("%-6s %12s %15s %12s %9s %9s %12s\n", "alg", "raw ops/s", "select+verify/s", "e2e ops/s",
          "sv/raw", "e2e/raw", "target");
}

/* @c for @key's @token, verified with @jwks; @der receives the DER form of
 * an ECDSA signature (the caller frees it). */
static void
case_init (Case *c, TkKey *key, const char *token, const char *jwks, const char *input, GBytes *sig,
           gnutls_datum_t *der)
{
  c->token = token;
  c->parsed = jd_token_parse (token, -1);
  c->set = jd_key_set_new ();
  g_assert_true (jd_key_set_load_data (c->set, jwks, strlen (jwks), "bench", NULL));
  c->input.data = (guint8 *)input;
  c->input.size = strlen (input);
  c->sig.data = (guint8 *)g_bytes_get_data (sig, NULL);
  c->sig.size = g_bytes_get_size (sig);
  if (key->secret)
    c->secret = key->secret;
  else
    {
      gnutls_pubkey_init (&c->pubkey);
      g_assert_cmpint (gnutls_pubkey_import_privkey (c->pubkey, key->priv, 0, 0), >=, 0);
    }
  if (c->alg->pk == GNUTLS_PK_ECDSA)
    {
      gnutls_datum_t r = { c->sig.data, c->sig.size / 2 };
      gnutls_datum_t s = { c->sig.data + c->sig.size / 2, c->sig.size / 2 };
      g_assert_cmpint (gnutls_encode_rs_value (der, &r, &s), >=, 0);
      c->sig = *der;
    }
}

static void
case_clear (Case *c, gnutls_datum_t *der)
{
  gnutls_free (der->data);
  if (c->pubkey)
    gnutls_pubkey_deinit (c->pubkey);
  g_object_unref (c->set);
  g_object_unref (c->parsed);
}

/* One row of the table; FALSE when @alg has a target and misses it. */
static gboolean
bench_alg (const TkAlg *alg, double budget)
{
  static const char *targets[] = { "RS256", "ES256", "EdDSA" };
  g_autoptr (TkKey) key = tk_key_new (alg->alg, "bench-key");
  g_autoptr (TkKey) other = tk_key_new (alg->alg, "other-key");
  g_autofree char *jwk = tk_key_jwk (key);
  g_autofree char *jwk2 = tk_key_jwk (other);
  g_autofree char *jwks = g_strdup_printf ("{\"keys\":[%s,%s]}", jwk2, jwk);
  g_autofree char *token = tk_sign_token (
    key, "bench-key",
    "{\"iss\":\"https://login.example.com/\",\"sub\":\"248289761001\",\"aud\":\"api://orders\","
    "\"exp\":1900000000,\"iat\":1700000000,\"scope\":\"orders.read orders.write\"}");
  g_auto (GStrv) parts = g_strsplit (token, ".", 3);
  g_autofree char *input = g_strdup_printf ("%s.%s", parts[0], parts[1]);
  g_autoptr (GBytes) sig = tk_b64url_decode (parts[2]);
  gnutls_datum_t der = { NULL, 0 };
  double raw = G_MAXDOUBLE, e2e = G_MAXDOUBLE, sv = G_MAXDOUBLE, ratio;
  const char *target = "";
  gboolean ok = TRUE;
  Case c = { 0 };

  c.alg = alg;
  case_init (&c, key, token, jwks, input, sig, &der);

  /* Warm up, then interleave. */
  measure (run_raw, &c, budget / 4);
  measure (run_e2e, &c, budget / 4);
  for (guint round = 0; round < ROUNDS; round++)
    {
      raw = MIN (raw, measure (run_raw, &c, budget));
      sv = MIN (sv, measure (run_select_verify, &c, budget));
      e2e = MIN (e2e, measure (run_e2e, &c, budget));
    }
  ratio = e2e / raw;
  for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
    if (g_str_equal (targets[t], alg->alg))
      {
        target = ratio <= 1.05 ? "<=1.05 ok" : "<=1.05 MISS";
        ok = ratio <= 1.05;
      }
  printf ("%-6s %12.0f %15.0f %12.0f %8.3fx %8.3fx %12s\n", alg->alg, 1.0 / raw, 1.0 / sv,
          1.0 / e2e, sv / raw, ratio, target);
  fflush (stdout);

  case_clear (&c, &der);
  return ok;
}

int
main (int argc, char *argv[])
{
  double budget = argc > 1 ? g_ascii_strtod (argv[1], NULL) : 0.1;
  gboolean all_ok = TRUE;
  g_auto (GStrv) only
    = g_strsplit (g_getenv ("JD_BENCH_ALGS") ? g_getenv ("JD_BENCH_ALGS") : "", ",", -1);

  if (budget <= 0)
    budget = 0.1;

  print_header ();
  for (guint a = 0; a < G_N_ELEMENTS (tk_algs); a++)
    {
      /* JD_BENCH_ALGS=RS256,ES256 measures only those (for profiling). */
      if (g_getenv ("JD_BENCH_ALGS") != NULL
          && !g_strv_contains ((const char *const *)only, tk_algs[a].alg))
        continue;
      all_ok &= bench_alg (&tk_algs[a], budget);
    }

  printf ("# targets (end to end at most 1.05x the raw operation for RS256, ES256, EdDSA): %s\n",
          all_ok ? "met" : "NOT met");
  /* Timing depends on the machine: the table is the result, not the exit code. */
  return 0;
}
