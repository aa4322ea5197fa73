/* jd-cause.c — a failing call's first cause in a few words (see jd-cause.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jd-cause.h"
#include "jd-input.h"
#include "jd-verify.h"

/* One row per finding id that can be a call's first cause: the words for
 * the list, and the WWW-Authenticate parameter whose value follows them. */
static const struct
{
  const char *id;
  const char *words;
  const char *param; /* nullable */
} causes[] = {
  { JD_FINDING_MALFORMED, N_ ("malformed token"), NULL },
  { JD_FINDING_ENCRYPTED_TOKEN, N_ ("encrypted token (JWE)"), NULL },
  { "wrong-token-kind", N_ ("wrong kind of token"), NULL },
  { "token-truncated", N_ ("token cut off"), NULL },
  { JD_FINDING_ALG_NONE, N_ ("alg none"), NULL },
  { JD_FINDING_EXPIRED, N_ ("expired"), NULL },
  { "expired-within-leeway", N_ ("expired (within leeway)"), NULL },
  { JD_FINDING_NOT_YET_VALID, N_ ("not yet valid"), NULL },
  { "not-yet-valid-within-leeway", N_ ("not yet valid (within leeway)"), NULL },
  { JD_FINDING_ISSUED_IN_FUTURE, N_ ("issued in the future"), NULL },
  { "issued-in-future-within-leeway", N_ ("issued in the future (within leeway)"), NULL },
  { JD_FINDING_AUDIENCE_MISMATCH, N_ ("wrong audience"), NULL },
  { JD_FINDING_ISSUER_MISMATCH, N_ ("wrong issuer"), NULL },
  { JD_FINDING_ALGORITHM_NOT_ALLOWED, N_ ("algorithm not allowed"), NULL },
  { JD_FINDING_KID_NOT_FOUND, N_ ("kid not in the key set"), NULL },
  { JD_FINDING_SIGNATURE_INVALID, N_ ("bad signature"), NULL },
  { JD_FINDING_KEY_CONFUSION, N_ ("key confusion"), NULL },
  { JD_FINDING_NO_USABLE_KEY, N_ ("no key can check it"), NULL },
  { JD_FINDING_DOUBLE_BEARER_PREFIX, N_ ("“Bearer Bearer”"), NULL },
  { JD_FINDING_MALFORMED_AUTHORIZATION, N_ ("malformed Authorization header"), NULL },
  { JD_FINDING_INSUFFICIENT_SCOPE, N_ ("insufficient_scope"), "scope" },
  { JD_FINDING_BEARER_INVALID_TOKEN, N_ ("invalid_token"), "error_description" },
  { JD_FINDING_BEARER_INVALID_REQUEST, N_ ("invalid_request"), "error_description" },
  { JD_FINDING_BEARER_ERROR, N_ ("server error code"), "error" },
  { JD_FINDING_BEARER_NO_TOKEN_SEEN, N_ ("no token arrived"), NULL },
  { JD_FINDING_MISSING_WWW_AUTHENTICATE, N_ ("no WWW-Authenticate (a proxy answered?)"), NULL },
  { JD_FINDING_SERVER_CLOCK_SKEW, N_ ("clock skew"), NULL },
};

/* The longest parameter value quoted in a list cell. */
#define PARAM_MAX_CHARS 80

static char *
words_for (guint row, const JdChallenge *bearer)
{
  const char *value = NULL;
  g_autofree char *cut = NULL;

  if (causes[row].param != NULL && bearer != NULL)
    value = jd_challenge_get_param (bearer, causes[row].param);
  if (value == NULL || value[0] == '\0')
    return g_strdup (_ (causes[row].words));

  if (g_utf8_strlen (value, -1) > PARAM_MAX_CHARS)
    {
      g_autofree char *head = g_utf8_substring (value, 0, PARAM_MAX_CHARS);
      cut = g_strconcat (head, "…", NULL);
      value = cut;
    }
  /* TRANSLATORS: a short cause and the server's word for it, as in
   * "insufficient_scope: orders:write" */
  return g_strdup_printf (_ ("%s: %s"), _ (causes[row].words), value);
}

static gboolean
find_row (const char *id, guint *row)
{
  for (guint i = 0; i < G_N_ELEMENTS (causes); i++)
    if (g_strcmp0 (causes[i].id, id) == 0)
      {
        *row = i;
        return TRUE;
      }
  return FALSE;
}

char *
jd_findings_dup_short_cause (GPtrArray *findings, const JdChallenge *bearer)
{
  const JdSeverity severities[] = { JD_SEVERITY_ERROR, JD_SEVERITY_WARNING };

  for (gsize s = 0; findings != NULL && s < G_N_ELEMENTS (severities); s++)
    for (guint i = 0; i < findings->len; i++)
      {
        JdFinding *f = g_ptr_array_index (findings, i);
        guint row;

        if (jd_finding_get_severity (f) == severities[s] && find_row (jd_finding_get_id (f), &row))
          return words_for (row, bearer);
      }
  return NULL;
}

/* The response's Bearer challenge, or NULL. */
static JdChallenge *
dup_bearer (JdHarEntry *entry)
{
  g_auto (GStrv) values = jd_har_entry_dup_www_authenticate (entry);
  g_autoptr (GPtrArray) challenges = NULL;

  if (values == NULL || values[0] == NULL)
    return NULL;
  challenges = jd_www_authenticate_parse_all ((const char *const *)values, NULL, NULL);
  for (guint i = 0; challenges != NULL && i < challenges->len; i++)
    {
      JdChallenge *c = g_ptr_array_index (challenges, i);

      if (jd_challenge_is_scheme (c, "Bearer"))
        return jd_challenge_copy (c);
    }
  return NULL;
}

char *
jd_har_entry_dup_first_cause (JdHarEntry *entry, const JdExpectations *expect)
{
  g_autoptr (GPtrArray) findings = NULL;
  g_autoptr (JdChallenge) bearer = NULL;

  g_return_val_if_fail (JD_IS_HAR_ENTRY (entry), NULL);

  if (!jd_har_entry_is_auth_failure (entry))
    return NULL;
  if (!jd_har_entry_has_token (entry))
    return g_strdup (_ ("no token sent"));

  findings = jd_har_entry_diagnose (entry, expect, TRUE, NULL);
  bearer = dup_bearer (entry);
  return jd_findings_dup_short_cause (findings, bearer);
}
