/* test-evidence.c — tests for src/core/jd-evidence.c
 *
 * One GLib test case per table row — each signature size, header limit,
 * line form and UTC offset — with an input that triggers it and a close
 * one that must not; then the RSA key size a given key tells, and typ
 * at+jwt.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "jd-base64.h"
#include "jd-diagnosis.h"
#include "jd-evidence.h"
#include "jd-keys.h"
#include "jd-verify.h"
#include "test-rows.h"

#define NOW 1748440000

static char *
token_text (const char *header, const char *payload, gsize sig_chars)
{
  g_autofree char *h = jd_base64url_encode (header, strlen (header));
  g_autofree char *p = jd_base64url_encode (payload, strlen (payload));
  g_autofree char *sig = g_strnfill (sig_chars, 'A');
  return g_strdup_printf ("%s.%s.%s", h, p, sig);
}

static GPtrArray *
diagnose_text (const char *text, JdVerifyResult *verification)
{
  g_autoptr (JdToken) token = jd_token_parse (text, -1);
  g_autoptr (JdExpectations) e = jd_expectations_new ();

  e->now = NOW;
  return jd_diagnose (token, e, verification, NULL);
}

static gboolean
truncated (const char *text, JdVerifyResult *verification)
{
  g_autoptr (GPtrArray) findings = diagnose_text (text, verification);
  JdFinding *f = jd_findings_find (findings, JD_FINDING_TOKEN_TRUNCATED);

  if (f != NULL)
    {
      g_assert_cmpint (jd_finding_get_severity (f), ==, JD_SEVERITY_ERROR);
      g_test_message ("%s", jd_finding_get_message (f));
    }
  return f != NULL;
}

/* ---- signature sizes ---------------------------------------------------- */

static void
test_signature_size (gconstpointer data)
{
  const JdSignatureSize *row = data;
  g_autofree char *header = g_strdup_printf ("{\"alg\":\"%s\"}", row->alg);
  /* RSA without a key: 2048 bits is the common size. */
  gsize want = jd_evidence_base64url_length (row->bytes ? row->bytes : 256);
  g_autofree char *whole = token_text (header, "{\"sub\":\"1\"}", want);
  g_autofree char *cut = token_text (header, "{\"sub\":\"1\"}", want - 4);
  g_autoptr (GPtrArray) findings = diagnose_text (cut, NULL);
  g_autofree char *expected = g_strdup_printf ("%zu", want);

  g_assert_true (truncated (cut, NULL));
  /* The message names the length the algorithm makes. */
  g_assert_nonnull (strstr (
    jd_finding_get_message (jd_findings_find (findings, JD_FINDING_TOKEN_TRUNCATED)), expected));
  g_assert_false (truncated (whole, NULL));
}

/* A hand-written signature ("signature" in base64url) is no cut one. */
static void
test_placeholder_signature (void)
{
  g_autofree char *h = jd_base64url_encode ("{\"alg\":\"RS256\"}", 15);
  g_autofree char *placeholder = g_strdup_printf ("%s.e30.c2lnbmF0dXJl", h);
  g_autofree char *random = g_strdup_printf ("%s.e30.AAECAwQFBgcICQoL", h);

  g_assert_false (truncated (placeholder, NULL));
  g_assert_true (truncated (random, NULL));
}

/* The lengths the issue names: RS256 with 2048 bits 342, ES256 86, HS256 43. */
static void
test_signature_lengths (void)
{
  g_assert_cmpuint (jd_evidence_base64url_length (256), ==, 342);
  g_assert_cmpuint (jd_evidence_base64url_length (64), ==, 86);
  g_assert_cmpuint (jd_evidence_base64url_length (32), ==, 43);
}

/* Without a key, any whole RSA size is fine; with a 4096-bit key given,
 * a 2048-bit-long signature is cut. */
static void
test_rsa_key_size (void)
{
  g_autoptr (JdKeySet) big = jd_key_set_new ();
  g_autoptr (JdKeySet) small = jd_key_set_new ();
  g_autoptr (GError) error = NULL;
  g_autofree guchar *n4096 = g_malloc (512);
  g_autofree guchar *n2048 = g_malloc (256);
  g_autofree char *n4096_b64 = NULL;
  g_autofree char *n2048_b64 = NULL;
  g_autofree char *jwk4096 = NULL;
  g_autofree char *jwk2048 = NULL;
  g_autofree char *text = token_text ("{\"alg\":\"RS256\",\"kid\":\"k\"}", "{\"sub\":\"1\"}", 342);
  g_autofree char *rsa3072
    = token_text ("{\"alg\":\"RS256\",\"kid\":\"k\"}", "{\"sub\":\"1\"}", 512);
  g_autoptr (JdToken) token = jd_token_parse (text, -1);
  g_autoptr (JdVerifyResult) v_big = NULL;
  g_autoptr (JdVerifyResult) v_small = NULL;

  memset (n4096, 0xC5, 512);
  memset (n2048, 0xC5, 256);
  n4096_b64 = jd_base64url_encode ((const char *)n4096, 512);
  n2048_b64 = jd_base64url_encode ((const char *)n2048, 256);
  jwk4096
    = g_strdup_printf ("{\"kty\":\"RSA\",\"kid\":\"k\",\"e\":\"AQAB\",\"n\":\"%s\"}", n4096_b64);
  jwk2048
    = g_strdup_printf ("{\"kty\":\"RSA\",\"kid\":\"k\",\"e\":\"AQAB\",\"n\":\"%s\"}", n2048_b64);
  g_assert_true (jd_key_set_load_data (big, jwk4096, strlen (jwk4096), "big", &error));
  g_assert_no_error (error);
  g_assert_true (jd_key_set_load_data (small, jwk2048, strlen (jwk2048), "small", &error));
  g_assert_no_error (error);

  v_big = jd_verify (token, big, NULL);
  v_small = jd_verify (token, small, NULL);
  g_assert_true (truncated (text, v_big));
  g_assert_false (truncated (text, v_small));
  g_assert_false (truncated (text, NULL));
  g_assert_false (truncated (rsa3072, NULL));
}

/* ---- header limits and line forms --------------------------------------- */

/* A text of exactly @len bytes shaped like the start of a JWT, without dots
 * (cut inside its header): only its length is evidence. */
static char *
text_of_length (gsize len)
{
  char *text = g_strnfill (len, 'A');
  memcpy (text, "eyJ", 3);
  return text;
}

static void
test_header_limit (gconstpointer data)
{
  const JdHeaderLimit *row = data;
  /* As the whole "Authorization: Bearer …" line (22 bytes before the token). */
  g_autofree char *at = text_of_length (row->limit - 22);
  g_autofree char *under = text_of_length (row->limit - 23);
  g_autoptr (GPtrArray) findings = diagnose_text (at, NULL);
  g_autofree char *limit = g_strdup_printf ("%zu", row->limit);

  g_assert_true (truncated (at, NULL));
  g_assert_nonnull (strstr (
    jd_finding_get_message (jd_findings_find (findings, JD_FINDING_TOKEN_TRUNCATED)), limit));
  g_assert_false (truncated (under, NULL));
}

static void
test_line_form (gconstpointer data)
{
  const JdLineForm *row = data;
  g_autofree char *at = text_of_length (8192 - row->extra);
  g_autofree char *over = text_of_length (8192 - row->extra + 1);

  g_assert_true (truncated (at, NULL));
  /* 8193 − extra bytes: no form puts it on a limit (8190 is 2 or 24 below). */
  g_assert_false (truncated (over, NULL));
}

/* ---- a clock in local time ---------------------------------------------- */

static void
test_utc_offset (gconstpointer data)
{
  int minutes = GPOINTER_TO_INT (data);
  /* Issued 30 s ago by a clock that writes local time; lives 1 h (15 min for
   * a clock behind UTC, so that the token did not simply run out just now). */
  gint64 iat = NOW + minutes * 60 - 30;
  gint64 life = minutes > 0 ? 3600 : 900;
  g_autofree char *fresh = g_strdup_printf (
    "{\"iat\":%" G_GINT64_FORMAT ",\"exp\":%" G_GINT64_FORMAT "}", iat, iat + life);
  /* Ten minutes further off: no zone explains it. */
  g_autofree char *off = g_strdup_printf (
    "{\"iat\":%" G_GINT64_FORMAT ",\"exp\":%" G_GINT64_FORMAT "}", iat - 600, iat - 600 + 3600);
  /* The same iat, but exp − iat is not a sane lifetime. */
  g_autofree char *insane = g_strdup_printf (
    "{\"iat\":%" G_GINT64_FORMAT ",\"exp\":%" G_GINT64_FORMAT "}", iat, iat + 3 * 86400);
  g_autofree char *t1 = token_text ("{\"alg\":\"HS256\"}", fresh, 43);
  g_autofree char *t2 = token_text ("{\"alg\":\"HS256\"}", off, 43);
  g_autofree char *t3 = token_text ("{\"alg\":\"HS256\"}", insane, 43);
  g_autoptr (GPtrArray) hit = diagnose_text (t1, NULL);
  g_autoptr (GPtrArray) miss = diagnose_text (t2, NULL);
  g_autoptr (GPtrArray) miss_life = diagnose_text (t3, NULL);
  JdFinding *f = jd_findings_find (hit, JD_FINDING_CLOCK_LOCAL_TIME);
  g_autofree char *zone = minutes % 60 == 0
                            ? g_strdup_printf ("UTC%+d)", minutes / 60)
                            : g_strdup_printf ("UTC%c%d:%02d)", minutes < 0 ? '-' : '+',
                                               ABS (minutes) / 60, ABS (minutes) % 60);

  g_assert_nonnull (f);
  g_assert_nonnull (strstr (jd_finding_get_message (f), zone));
  g_assert_cmpint (jd_finding_get_severity (f), ==,
                   minutes > 0 ? JD_SEVERITY_WARNING : JD_SEVERITY_INFO);
  g_assert_false (jd_findings_has (miss, JD_FINDING_CLOCK_LOCAL_TIME));
  g_assert_false (jd_findings_has (miss_life, JD_FINDING_CLOCK_LOCAL_TIME));
}

/* A token issued 2 h ago that is simply old (and not expired): nothing. */
static void
test_old_token_not_local_time (void)
{
  g_autofree char *payload = g_strdup_printf ("{\"iat\":%d,\"exp\":%d}", NOW - 7200, NOW + 3600);
  g_autofree char *text = token_text ("{\"alg\":\"HS256\"}", payload, 43);
  g_autoptr (GPtrArray) findings = diagnose_text (text, NULL);

  g_assert_false (jd_findings_has (findings, JD_FINDING_CLOCK_LOCAL_TIME));
}

/* A 1 h token used 69 s after its exp (the article's example): an ordinary
 * expiry, though iat is almost exactly 1 h back. */
static void
test_recent_expiry_not_local_time (void)
{
  g_autofree char *payload = g_strdup_printf ("{\"iat\":%d,\"exp\":%d}", NOW - 3669, NOW - 69);
  g_autofree char *text = token_text ("{\"alg\":\"HS256\"}", payload, 43);
  g_autoptr (GPtrArray) findings = diagnose_text (text, NULL);

  g_assert_false (jd_findings_has (findings, JD_FINDING_CLOCK_LOCAL_TIME));
}

/* ---- typ at+jwt ---------------------------------------------------------- */

static const struct
{
  const char *typ;
  gboolean info;
} typ_rows[] = {
  { "at+jwt", TRUE }, { "application/at+jwt", TRUE }, { "AT+JWT", TRUE },
  { "JWT", FALSE },   { "at+jwt2", FALSE },
};

static void
test_typ_at_jwt (gconstpointer data)
{
  const typeof (typ_rows[0]) *row = data;
  g_autofree char *header = g_strdup_printf ("{\"alg\":\"HS256\",\"typ\":\"%s\"}", row->typ);
  g_autofree char *text = token_text (header, "{\"sub\":\"1\"}", 43);
  g_autoptr (GPtrArray) findings = diagnose_text (text, NULL);
  JdFinding *f = jd_findings_find (findings, JD_FINDING_TYP_AT_JWT);

  g_assert_true ((f != NULL) == row->info);
  if (f != NULL)
    {
      g_assert_cmpint (jd_finding_get_severity (f), ==, JD_SEVERITY_INFO);
      g_assert_nonnull (strstr (jd_finding_get_message (f), row->typ));
      g_assert_nonnull (strstr (jd_finding_get_fix (f), "at+jwt"));
    }
}

int
main (int argc, char *argv[])
{
  guint n;
  const JdSignatureSize *sizes;
  const JdHeaderLimit *limits;
  const JdLineForm *forms;
  const int *offsets;

  g_test_init (&argc, &argv, NULL);

  sizes = jd_evidence_signature_sizes (&n);
  JD_TEST_ADD_ROWS_N ("/jd/evidence/signature-size", sizes, n, alg, test_signature_size);
  g_test_add_func ("/jd/evidence/signature-lengths", test_signature_lengths);
  g_test_add_func ("/jd/evidence/placeholder-signature", test_placeholder_signature);
  g_test_add_func ("/jd/evidence/rsa-key-size", test_rsa_key_size);
  limits = jd_evidence_header_limits (&n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("/jd/evidence/header-limit/%zu", limits[i].limit);
      g_test_add_data_func (path, &limits[i], test_header_limit);
    }
  forms = jd_evidence_line_forms (&n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("/jd/evidence/line-form/%zu", forms[i].extra);
      g_test_add_data_func (path, &forms[i], test_line_form);
    }
  offsets = jd_evidence_utc_offsets (&n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("/jd/evidence/local-time/utc%+d", offsets[i]);
      g_test_add_data_func (path, GINT_TO_POINTER (offsets[i]), test_utc_offset);
    }
  g_test_add_func ("/jd/evidence/local-time/old-token", test_old_token_not_local_time);
  g_test_add_func ("/jd/evidence/local-time/recent-expiry", test_recent_expiry_not_local_time);
  for (guint i = 0; i < G_N_ELEMENTS (typ_rows); i++)
    {
      /* "application/at+jwt": a slash would make a level of its own. */
      g_autofree char *typ = g_strdelimit (g_strdup (typ_rows[i].typ), "/", '-');
      g_autofree char *path = g_strdup_printf ("/jd/evidence/typ-at-jwt/%s", typ);
      g_test_add_data_func (path, &typ_rows[i], test_typ_at_jwt);
    }

  return g_test_run ();
}
