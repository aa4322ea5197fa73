/* jd-evidence.c — evidence beyond the claims: truncation, local-time clocks, typ at+jwt
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "jd-evidence.h"
#include "jd-keys.h"
#include "jd-time.h"
#include "jd-verify.h"

/* ---- tables ------------------------------------------------------------- */

/* RFC 7518 §3.2–3.5, RFC 8037 §3.1, RFC 8812 §3.2. */
static const JdSignatureSize signature_sizes[] = {
  { "HS256", 32 }, { "HS384", 48 },  { "HS512", 64 }, { "ES256", 64 }, { "ES256K", 64 },
  { "ES384", 96 }, { "ES512", 132 }, { "EdDSA", 64 }, /* Ed25519; Ed448 makes 114 */
  { "RS256", 0 },  { "RS384", 0 },   { "RS512", 0 },  { "PS256", 0 },  { "PS384", 0 },
  { "PS512", 0 },
};

/* RSA modulus sizes in use, in bits: a signature is exactly one of these. */
static const guint rsa_bits[] = { 1024, 2048, 3072, 4096 };

static const JdHeaderLimit header_limits[] = {
  { 1024, N_ ("a 1 KiB buffer (a fixed char[1024], or a 1024-character field or column where the "
              "client keeps the token)") },
  { 4096, N_ ("a 4 KiB limit (browsers keep at most 4096 bytes per cookie; some proxies and load "
              "balancers buffer 4 KiB per header)") },
  { 8190, N_ ("Apache's LimitRequestFieldSize (8190 bytes by default)") },
  { 8192, N_ ("an 8 KiB header limit (nginx large_client_header_buffers 8k, Node.js before 13.13, "
              "Tomcat's maxHttpHeaderSize)") },
  { 16384, N_ ("a 16 KiB header limit (Node.js --max-http-header-size, IIS, AWS ALB per header)") },
};

static const JdLineForm line_forms[] = {
  { 0, N_ ("The token") },
  { 7, N_ ("\"Bearer \" with the token") },
  { 22, N_ ("The line \"Authorization: Bearer …\"") },
};

/* Every UTC offset in use (IANA tz database), in minutes. */
static const int utc_offsets[] = {
  -720, -660, -600, -570, -540, -480, -420, -360, -300, -240, -210, -180, -120,
  -60,  60,   120,  180,  210,  240,  270,  300,  330,  345,  360,  390,  420,
  480,  525,  540,  570,  600,  630,  660,  720,  765,  780,  840,
};

const JdSignatureSize *
jd_evidence_signature_sizes (guint *n_rows)
{
  *n_rows = G_N_ELEMENTS (signature_sizes);
  return signature_sizes;
}

const JdHeaderLimit *
jd_evidence_header_limits (guint *n_rows)
{
  *n_rows = G_N_ELEMENTS (header_limits);
  return header_limits;
}

const JdLineForm *
jd_evidence_line_forms (guint *n_rows)
{
  *n_rows = G_N_ELEMENTS (line_forms);
  return line_forms;
}

const int *
jd_evidence_utc_offsets (guint *n_rows)
{
  *n_rows = G_N_ELEMENTS (utc_offsets);
  return utc_offsets;
}

gsize
jd_evidence_base64url_length (gsize bytes)
{
  return (bytes * 4 + 2) / 3;
}

/* ---- truncation --------------------------------------------------------- */

/* The RSA key size the given keys make for this token: the bits of the
 * RSA keys the verifier looked at, when they agree; 0 when unknown. */
static guint
known_rsa_bits (JdVerifyResult *verification)
{
  GListModel *verdicts;
  guint bits = 0;

  if (verification == NULL || (verdicts = jd_verify_result_get_verdicts (verification)) == NULL)
    return 0;
  for (guint i = 0; i < g_list_model_get_n_items (verdicts); i++)
    {
      g_autoptr (JdKeyVerdict) v = g_list_model_get_item (verdicts, i);
      JdKey *key = jd_key_verdict_get_key (v);

      if (!jd_key_verdict_get_tried (v) || g_strcmp0 (jd_key_get_kty (key), "RSA") != 0)
        continue;
      if (bits != 0 && bits != jd_key_get_bits (key))
        return 0;
      bits = jd_key_get_bits (key);
    }
  return bits;
}

/* How long the signature should be, in characters (0: cannot tell, or it
 * is fine); @why receives what that length comes from. */
static gsize
expected_signature_length (const char *alg, gsize got, guint key_bits, char **why)
{
  for (guint i = 0; i < G_N_ELEMENTS (signature_sizes); i++)
    {
      gsize want;

      if (!g_str_equal (signature_sizes[i].alg, alg))
        continue;
      if (signature_sizes[i].bytes != 0)
        {
          want = jd_evidence_base64url_length (signature_sizes[i].bytes);
          *why = g_strdup_printf (_ ("%s makes %zu"), alg, want);
          return got < want ? want : 0;
        }
      if (key_bits != 0)
        {
          want = jd_evidence_base64url_length ((key_bits + 7) / 8);
          *why
            = g_strdup_printf (_ ("%s with the given %u-bit key makes %zu"), alg, key_bits, want);
          return got < want ? want : 0;
        }
      /* No key: a signature is exactly as long as one RSA key size. */
      for (guint b = 0; b < G_N_ELEMENTS (rsa_bits); b++)
        if (got == jd_evidence_base64url_length (rsa_bits[b] / 8))
          return 0;
      for (guint b = 1; b < G_N_ELEMENTS (rsa_bits); b++)
        if ((want = jd_evidence_base64url_length (rsa_bits[b] / 8)) > got)
          {
            *why = g_strdup_printf (_ ("%s with a %u-bit key makes %zu"), alg, rsa_bits[b], want);
            return want;
          }
      return 0;
    }
  return 0;
}

/* A signature that decodes to printable text ("signature", "sig") was
 * written by hand, not cut: real signatures are random bytes. */
static gboolean
is_placeholder (GBytes *signature)
{
  gsize len = 0;
  const guchar *data = signature ? g_bytes_get_data (signature, &len) : NULL;

  if (len == 0)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (data[i] < 0x20 || data[i] > 0x7e)
      return FALSE;
  return TRUE;
}

/* A broken byte in the header or payload: then a short signature is not
 * what went wrong first (a cut token's header and payload are whole). */
static gboolean
has_problem_before_signature (JdToken *token)
{
  GPtrArray *problems = jd_token_get_problems (token);

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      const JdTokenProblem *p = g_ptr_array_index (problems, i);

      if (p->segment == 0 || p->segment == 1)
        return TRUE;
    }
  return FALSE;
}

static void
check_truncation (GPtrArray *out, JdToken *token, JdVerifyResult *verification)
{
  const char *text = jd_token_get_text (token);
  const char *alg = jd_token_get_alg (token);
  gsize len = strlen (text);
  g_autoptr (GString) msg = g_string_new (NULL);
  g_autofree char *why = NULL;
  gsize limit = 0;

  for (guint f = 0; f < G_N_ELEMENTS (line_forms) && limit == 0; f++)
    for (guint l = 0; l < G_N_ELEMENTS (header_limits) && limit == 0; l++)
      if (len + line_forms[f].extra == header_limits[l].limit)
        {
          limit = header_limits[l].limit;
          g_string_printf (msg,
                           _ ("%s is exactly %zu bytes long, %s: it was most likely cut there"),
                           _ (line_forms[f].what), limit, _ (header_limits[l].who));
        }

  if (alg != NULL && jd_token_get_kind (token) == JD_TOKEN_KIND_JWS
      && jd_token_get_n_segments (token) == 3 && !is_placeholder (jd_token_get_signature (token))
      && !has_problem_before_signature (token))
    {
      const char *sig = strrchr (text, '.') + 1;
      gsize got = strcspn (sig, "=");
      gsize want = expected_signature_length (alg, got, known_rsa_bits (verification), &why);

      if (want != 0 && msg->len > 0)
        g_string_append_printf (msg,
                                _ ("; the signature has %zu characters where %s: %zu are missing"),
                                got, why, want - got);
      else if (want != 0)
        g_string_printf (msg,
                         _ ("The signature has %zu characters where %s: %zu are missing, the token "
                            "was cut short"),
                         got, why, want - got);
    }

  if (msg->len == 0)
    return;
  jd_findings_add (
    out, JD_FINDING_TOKEN_TRUNCATED, JD_SEVERITY_ERROR, JD_RANK_MALFORMED, NULL, msg->str,
    limit != 0 ? _ ("Raise the header size limit on the proxy, gateway or server that cut it "
                    "(or make the token smaller: fewer groups or roles in it), and copy the "
                    "whole token.")
               : _ ("The end of the token is missing: copy it whole (logs, terminals and "
                    "some clipboards cut long values), and check that no proxy shortens the "
                    "header."));
}

/* ---- a clock in local time ---------------------------------------------- */

#define FRESH_WINDOW 300 /* seconds a token may be used after it was issued */
#define PAST_TOLERANCE 90
#define SANE_LIFETIME (24 * 3600)
#define RECENT_EXPIRY 600 /* seconds: an exp this recent is an ordinary expiry */

static char *
format_offset (int minutes)
{
  if (minutes % 60 == 0)
    return g_strdup_printf ("%+d", minutes / 60);
  return g_strdup_printf ("%c%d:%02d", minutes < 0 ? '-' : '+', abs (minutes) / 60,
                          abs (minutes) % 60);
}

/* The UTC offset (minutes) that explains iat − now, or 0. */
static int
local_time_offset (double skew)
{
  for (guint i = 0; i < G_N_ELEMENTS (utc_offsets); i++)
    {
      double tz = utc_offsets[i] * 60.0;

      if (abs (utc_offsets[i]) < 30)
        continue;
      /* Ahead (UTC+x): a token used just after issue is a little less ahead. */
      if (tz > 0 && skew > tz - FRESH_WINDOW && skew <= tz + 60)
        return utc_offsets[i];
      /* Behind (UTC−x): only whole and half hours, tightly; an old token
       * looks the same, so this is said only as a possibility. */
      if (tz < 0 && utc_offsets[i] % 30 == 0 && skew >= tz - PAST_TOLERANCE && skew <= tz + 60)
        return utc_offsets[i];
    }
  return 0;
}

static void
check_local_time (GPtrArray *out, JdToken *token, const JdExpectations *expect)
{
  JsonObject *claims = jd_token_get_claims (token);
  double iat = 0, exp = 0;
  gboolean has_exp;
  int offset;
  g_autofree char *zone = NULL;
  g_autofree char *skew_text = NULL;
  g_autofree char *msg = NULL;

  if (claims == NULL
      || jd_numeric_date_read (json_object_get_member (claims, "iat"), &iat)
           != JD_NUMERIC_DATE_VALID)
    return;
  has_exp
    = jd_numeric_date_read (json_object_get_member (claims, "exp"), &exp) == JD_NUMERIC_DATE_VALID;
  if (has_exp && !(exp > iat && exp - iat <= SANE_LIFETIME))
    return;
  if ((offset = local_time_offset (iat - (double)expect->now)) == 0)
    return;
  /* Behind: only worth saying when it is why the token is rejected, and not
   * when the token simply ran out a moment ago: a 1 h token used just after
   * its exp has an iat 1 h back too (the most common 401 of all). */
  if (offset < 0 && !(has_exp && (double)expect->now >= exp + RECENT_EXPIRY))
    return;

  zone = format_offset (offset);
  skew_text = jd_time_format_duration ((gint64)fabs (round (iat - (double)expect->now)));
  if (offset > 0)
    msg = g_strdup_printf (
      _ ("\"iat\" is %s ahead of now, almost exactly a time zone's offset: the issuer "
         "probably wrote its local time (UTC%s) instead of UTC"),
      skew_text, zone);
  else
    msg = g_strdup_printf (
      _ ("\"iat\" is %s before now, almost exactly a time zone's offset: if the token "
         "was fresh when it was sent, the issuer wrote its local time (UTC%s) instead "
         "of UTC, and that is why it looks expired"),
      skew_text, zone);
  jd_findings_add (
    out, JD_FINDING_CLOCK_LOCAL_TIME, offset > 0 ? JD_SEVERITY_WARNING : JD_SEVERITY_INFO,
    JD_RANK_CLOCK_SKEW, "iat", msg,
    _ ("NumericDate is seconds since 1970 in UTC (RFC 7519 §2): compute it from the UTC "
       "clock (time(NULL), Date.now() / 1000, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), "
       "datetime.now(timezone.utc).timestamp()), not from a local date and time treated "
       "as UTC."));
}

/* ---- typ at+jwt --------------------------------------------------------- */

static void
check_typ (GPtrArray *out, JdToken *token)
{
  const char *typ = jd_token_get_typ (token);
  const char *bare = typ;
  g_autofree char *msg = NULL;

  if (typ == NULL)
    return;
  if (g_ascii_strncasecmp (bare, "application/", 12) == 0)
    bare += 12;
  if (g_ascii_strcasecmp (bare, "at+jwt") != 0)
    return;
  msg = g_strdup_printf (
    _ ("The header's typ is \"%s\": an RFC 9068 access token. Verifiers that follow "
       "RFC 9068 expect exactly this; some older ones accept only typ \"JWT\" and "
       "reject it"),
    typ);
  jd_findings_add (
    out, JD_FINDING_TYP_AT_JWT, JD_SEVERITY_INFO, JD_RANK_INFO, "typ", msg,
    _ ("If the API rejects the token over its type, allow \"at+jwt\" in the verifier "
       "(Microsoft.IdentityModel: TokenValidationParameters.ValidTypes; Spring Security: "
       "JwtTypeValidator; jose (Node): the typ option), or configure the issuer to "
       "write typ \"JWT\" for this API."));
}

void
jd_evidence_check (GPtrArray *out, JdToken *token, const JdExpectations *expect,
                   JdVerifyResult *verification)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (JD_IS_TOKEN (token));
  g_return_if_fail (expect != NULL);

  check_truncation (out, token, verification);
  check_local_time (out, token, expect);
  check_typ (out, token);
}
