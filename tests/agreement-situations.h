/* agreement-situations.h — the situations (token × keys × expectations)
 * on which every view of the verdict must agree: the CLI's text and JSON,
 * its exit status, the window's banner and the copied report
 *
 * Shared by test-agreement.c (CLI, JSON, exit status, report) and
 * test-agreement-window.c (the real window under Xvfb). Tokens are signed
 * at test time (test-keys-util.h); the keys are written to files that the
 * CLI reads and the window loads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "test-keys-util.h"
#include "test-run.h"

/* Every situation is judged at this instant (the CLI's --now, the window's clock). */
#define AG_NOW 1800000000
#define AG_NOW_STR "1800000000"
#define AG_AUD "https://api.example.com"
#define AG_ISS "https://issuer.example.com/"
#define AG_STRONG_SECRET "tX9!qR2#vL5@mK8$wN3^pJ6&hG4*zF7%"
#define AG_WRONG_SECRET "wrong-secret-wrong-secret-wrong!"

typedef enum
{
  MK_RS_A,        /* RS256, signed with key A, kid "a" */
  MK_RS_B,        /* RS256, signed with key B, kid "a" */
  MK_RS_A_KID_Z,  /* RS256, signed with key A, kid "z" */
  MK_RS_B_KID_Z,  /* RS256, signed with key B, kid "z" */
  MK_RS_A_NO_KID, /* RS256, signed with key A, no kid */
  MK_HS_STRONG,   /* HS256 with AG_STRONG_SECRET */
  MK_HS_WEAK,     /* HS256 with "secret", a well-known example secret */
  MK_NONE,        /* alg none */
  MK_MALFORMED,   /* a '*' in the payload */
  MK_SEGMENTS,    /* two segments */
  MK_JWE,         /* five segments, RSA-OAEP / A256GCM */
  MK_TWO_TOKENS,  /* two tokens run together */
  MK_NESTED,      /* HS256 (AG_STRONG_SECRET), cty "JWT", payload: an RS256 token (key A) */
} AgMaker;

typedef enum
{
  K_NONE,
  K_JWKS_A,         /* key A, kid "a" */
  K_JWKS_B,         /* key B, kid "a" */
  K_JWKS_A_ENC,     /* key A, kid "a", "use": "enc" */
  K_JWKS_AB,        /* key A kid "a", key B kid "b" */
  K_JWKS_A_NOKID_B, /* key A without a kid, key B kid "b" */
  K_PEM_A,          /* key A as an SPKI PEM */
  K_SECRET,         /* AG_STRONG_SECRET */
  K_SECRET_WRONG,
  K_SECRET_WEAK, /* "secret" */
} AgKeys;

typedef struct
{
  const char *name;
  AgMaker maker;
  const char *payload; /* JSON */
  AgKeys keys;
  const char *aud;  /* expected, nullable */
  const char *iss;  /* expected, nullable */
  int leeway;       /* -1: the default (60) */
  const char *algs; /* allow-list, nullable */
  /* what every view must say */
  const char *result;    /* "rejected", "accepted-with-warnings", "accepted" */
  const char *signature; /* jd_verdict_signature_to_string() */
  const char *first;     /* the first cause's id, nullable */
} AgSituation;

#define P_OK                                                                                       \
  "{\"sub\":\"u1\",\"aud\":\"" AG_AUD "\",\"iss\":\"" AG_ISS                                       \
  "\",\"iat\":1799996400,\"exp\":1800003600}"
#define P_EXPIRED                                                                                  \
  "{\"sub\":\"u1\",\"aud\":\"" AG_AUD "\",\"iss\":\"" AG_ISS                                       \
  "\",\"iat\":1799990000,\"exp\":1799996400}"
#define P_EXP_LEEWAY                                                                               \
  "{\"sub\":\"u1\",\"aud\":\"" AG_AUD "\",\"iss\":\"" AG_ISS                                       \
  "\",\"iat\":1799996400,\"exp\":1799999970}"
#define P_NBF_FAR                                                                                  \
  "{\"sub\":\"u1\",\"aud\":\"" AG_AUD "\",\"iss\":\"" AG_ISS                                       \
  "\",\"nbf\":1800003600,\"exp\":1800007200}"
#define P_NBF_LEEWAY                                                                               \
  "{\"sub\":\"u1\",\"aud\":\"" AG_AUD "\",\"iss\":\"" AG_ISS                                       \
  "\",\"nbf\":1800000030,\"exp\":1800007200}"
#define P_IAT_FAR                                                                                  \
  "{\"sub\":\"u1\",\"aud\":\"" AG_AUD "\",\"iss\":\"" AG_ISS                                       \
  "\",\"iat\":1800003600,\"exp\":1800007200}"
#define P_IAT_LEEWAY                                                                               \
  "{\"sub\":\"u1\",\"aud\":\"" AG_AUD "\",\"iss\":\"" AG_ISS                                       \
  "\",\"iat\":1800000030,\"exp\":1800007200}"
#define P_OTHER_AUD                                                                                \
  "{\"sub\":\"u1\",\"aud\":\"https://other.example.com\",\"iss\":\"" AG_ISS                        \
  "\",\"iat\":1799996400,\"exp\":1800003600}"
#define P_AUD_SLASH                                                                                \
  "{\"sub\":\"u1\",\"aud\":\"" AG_AUD "/\",\"iss\":\"" AG_ISS                                      \
  "\",\"iat\":1799996400,\"exp\":1800003600}"
#define P_OTHER_ISS                                                                                \
  "{\"sub\":\"u1\",\"aud\":\"" AG_AUD                                                              \
  "\",\"iss\":\"https://staging.example.com/\",\"iat\":1799996400,\"exp\":1800003600}"
#define P_NO_EXP "{\"sub\":\"u1\",\"aud\":\"" AG_AUD "\",\"iss\":\"" AG_ISS "\",\"iat\":1799996400}"

static const AgSituation ag_situations[] = {
  /* name                       maker        payload       keys          aud     iss     L   algs
     result                    signature       first */
  { "valid-rs256-jwks", MK_RS_A, P_OK, K_JWKS_A, AG_AUD, AG_ISS, -1, NULL, "accepted", "valid",
    NULL },
  { "valid-rs256-pem", MK_RS_A, P_OK, K_PEM_A, AG_AUD, AG_ISS, -1, NULL, "accepted", "valid",
    NULL },
  { "valid-aud-iss-unset", MK_RS_A, P_OK, K_JWKS_A, NULL, NULL, -1, NULL, "accepted", "valid",
    NULL },
  { "valid-iss-unset", MK_RS_A, P_OK, K_JWKS_A, AG_AUD, NULL, -1, NULL, "accepted", "valid", NULL },
  { "expired", MK_RS_A, P_EXPIRED, K_JWKS_A, AG_AUD, AG_ISS, -1, NULL, "rejected", "valid",
    "expired" },
  { "expired-no-keys", MK_RS_A, P_EXPIRED, K_NONE, AG_AUD, AG_ISS, -1, NULL, "rejected", "no-keys",
    "expired" },
  { "expired-within-leeway", MK_RS_A, P_EXP_LEEWAY, K_JWKS_A, AG_AUD, AG_ISS, -1, NULL,
    "accepted-with-warnings", "valid", "expired-within-leeway" },
  { "expired-leeway-0", MK_RS_A, P_EXP_LEEWAY, K_JWKS_A, AG_AUD, AG_ISS, 0, NULL, "rejected",
    "valid", "expired" },
  { "not-yet-valid", MK_RS_A, P_NBF_FAR, K_JWKS_A, AG_AUD, AG_ISS, -1, NULL, "rejected", "valid",
    "not-yet-valid" },
  { "not-yet-valid-within-leeway", MK_RS_A, P_NBF_LEEWAY, K_JWKS_A, AG_AUD, AG_ISS, -1, NULL,
    "accepted-with-warnings", "valid", "not-yet-valid-within-leeway" },
  { "issued-in-future", MK_RS_A, P_IAT_FAR, K_JWKS_A, AG_AUD, AG_ISS, -1, NULL, "rejected", "valid",
    "issued-in-future" },
  { "issued-in-future-within-leeway", MK_RS_A, P_IAT_LEEWAY, K_JWKS_A, AG_AUD, AG_ISS, -1, NULL,
    "accepted-with-warnings", "valid", "issued-in-future-within-leeway" },
  { "audience-mismatch", MK_RS_A, P_OTHER_AUD, K_JWKS_A, AG_AUD, AG_ISS, -1, NULL, "rejected",
    "valid", "audience-mismatch" },
  { "audience-trailing-slash", MK_RS_A, P_AUD_SLASH, K_JWKS_A, AG_AUD, AG_ISS, -1, NULL, "rejected",
    "valid", "audience-mismatch" },
  { "issuer-mismatch", MK_RS_A, P_OTHER_ISS, K_JWKS_A, AG_AUD, AG_ISS, -1, NULL, "rejected",
    "valid", "issuer-mismatch" },
  { "missing-exp", MK_RS_A, P_NO_EXP, K_JWKS_A, AG_AUD, AG_ISS, -1, NULL, "accepted-with-warnings",
    "valid", "missing-exp" },
  { "alg-none", MK_NONE, P_OK, K_NONE, AG_AUD, AG_ISS, -1, NULL, "rejected", "unsigned",
    "alg-none" },
  { "alg-none-with-keys", MK_NONE, P_OK, K_JWKS_A, AG_AUD, AG_ISS, -1, NULL, "rejected", "unsigned",
    "alg-none" },
  { "hs256-right-secret", MK_HS_STRONG, P_OK, K_SECRET, AG_AUD, AG_ISS, -1, NULL, "accepted",
    "valid", NULL },
  { "hs256-wrong-secret", MK_HS_STRONG, P_OK, K_SECRET_WRONG, AG_AUD, AG_ISS, -1, NULL, "rejected",
    "invalid", "signature-invalid" },
  { "hs256-weak-secret-given", MK_HS_WEAK, P_OK, K_SECRET_WEAK, AG_AUD, AG_ISS, -1, NULL,
    "accepted-with-warnings", "valid", "weak-secret" },
  { "hs256-weak-secret-found", MK_HS_WEAK, P_OK, K_NONE, AG_AUD, AG_ISS, -1, NULL,
    "accepted-with-warnings", "well-known-secret", "weak-secret" },
  { "hs256-weak-wrong-given", MK_HS_WEAK, P_OK, K_SECRET, AG_AUD, AG_ISS, -1, NULL, "rejected",
    "invalid", "signature-invalid" },
  { "hs256-no-keys", MK_HS_STRONG, P_OK, K_NONE, AG_AUD, AG_ISS, -1, NULL, "accepted", "no-keys",
    NULL },
  { "hs256-rsa-jwks", MK_HS_STRONG, P_OK, K_JWKS_A, AG_AUD, AG_ISS, -1, NULL, "rejected",
    "no-usable-key", "no-usable-key" },
  { "hs256-rsa-pem", MK_HS_STRONG, P_OK, K_PEM_A, AG_AUD, AG_ISS, -1, NULL, "rejected",
    "no-usable-key", "no-usable-key" },
  { "rs256-wrong-key", MK_RS_B, P_OK, K_JWKS_A, AG_AUD, AG_ISS, -1, NULL, "rejected", "invalid",
    "signature-invalid" },
  { "rs256-use-enc", MK_RS_A, P_OK, K_JWKS_A_ENC, AG_AUD, AG_ISS, -1, NULL, "rejected",
    "no-usable-key", "no-usable-key" },
  { "rs256-secret-only", MK_RS_A, P_OK, K_SECRET, AG_AUD, AG_ISS, -1, NULL, "rejected",
    "no-usable-key", "no-usable-key" },
  { "kid-missing-other-verifies", MK_RS_A_KID_Z, P_OK, K_JWKS_AB, AG_AUD, AG_ISS, -1, NULL,
    "rejected", "kid-not-found", "kid-not-found" },
  { "kid-missing-none-verifies", MK_RS_B_KID_Z, P_OK, K_JWKS_A, AG_AUD, AG_ISS, -1, NULL,
    "rejected", "kid-not-found", "kid-not-found" },
  /* A set's member without a kid is never picked for kid "a" (RFC 7517 §4.5). */
  { "kid-missing-kidless-verifies", MK_RS_A, P_OK, K_JWKS_A_NOKID_B, AG_AUD, AG_ISS, -1, NULL,
    "rejected", "kid-not-found", "kid-not-found" },
  { "no-kid-verifies", MK_RS_A_NO_KID, P_OK, K_JWKS_AB, AG_AUD, AG_ISS, -1, NULL, "accepted",
    "valid", NULL },
  { "alg-not-allowed", MK_RS_A, P_OK, K_JWKS_A, AG_AUD, AG_ISS, -1, "ES256", "rejected",
    "alg-not-allowed", "algorithm-not-allowed" },
  { "malformed-byte", MK_MALFORMED, P_OK, K_JWKS_A, AG_AUD, AG_ISS, -1, NULL, "rejected",
    "unreadable", "malformed" },
  { "malformed-segments", MK_SEGMENTS, P_OK, K_NONE, AG_AUD, AG_ISS, -1, NULL, "rejected",
    "unreadable", "malformed" },
  { "jwe", MK_JWE, P_OK, K_JWKS_A, AG_AUD, AG_ISS, -1, NULL, "rejected", "encrypted",
    "encrypted-token" },
  /* Two tokens run together: "two tokens back to back?", never a JWE. */
  { "two-tokens-back-to-back", MK_TWO_TOKENS, P_OK, K_JWKS_A, AG_AUD, AG_ISS, -1, NULL, "rejected",
    "unreadable", "malformed" },
  /* The outer MAC verifies, but the inner token's signature and claims are
   * unchecked and an API rejects it: never Accepted (qa-verdict). */
  { "nested-cty-jwt", MK_NESTED, P_EXPIRED, K_SECRET, AG_AUD, AG_ISS, -1, NULL, "rejected", "valid",
    "nested-token" },
};

/* ---- making tokens and keys ------------------------------------------------ */

static inline char *
ag_unsigned (const char *payload)
{
  g_autofree char *h = tk_b64url ("{\"alg\":\"none\"}", strlen ("{\"alg\":\"none\"}"));
  g_autofree char *p = tk_b64url (payload, strlen (payload));

  return g_strdup_printf ("%s.%s.", h, p);
}

static inline char *
ag_make_token (const AgSituation *s)
{
  g_autoptr (TkKey) a = tk_key_cached ("RS256", 0, "a");
  g_autoptr (TkKey) b = tk_key_cached ("RS256", 1, "a");

  switch (s->maker)
    {
      case MK_RS_A:
        return tk_sign_token (a, "a", s->payload);
      case MK_RS_B:
        return tk_sign_token (b, "a", s->payload);
      case MK_RS_A_KID_Z:
        return tk_sign_token (a, "z", s->payload);
      case MK_RS_B_KID_Z:
        return tk_sign_token (b, "z", s->payload);
      case MK_RS_A_NO_KID:
        return tk_sign_token (a, NULL, s->payload);
      case MK_HS_STRONG:
        {
          g_autoptr (TkKey) k = tk_key_new_secret ("HS256", NULL, AG_STRONG_SECRET);
          return tk_sign_token (k, NULL, s->payload);
        }
      case MK_HS_WEAK:
        {
          g_autoptr (TkKey) k = tk_key_new_secret ("HS256", NULL, "secret");
          return tk_sign_token (k, NULL, s->payload);
        }
      case MK_NONE:
        return ag_unsigned (s->payload);
      case MK_MALFORMED:
        return g_strdup ("eyJhbGciOiJSUzI1NiJ9.eyJzdWIi*30.AAAA");
      case MK_SEGMENTS:
        return g_strdup ("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1MSJ9");
      case MK_JWE:
        return g_strdup ("eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.AAAA.BBBB.CCCC.DDDD");
      case MK_NESTED:
        {
          g_autoptr (TkKey) k = tk_key_new_secret ("HS256", NULL, AG_STRONG_SECRET);
          const char *header = "{\"alg\":\"HS256\",\"cty\":\"JWT\"}";
          g_autofree char *inner = tk_sign_token (a, "a", s->payload);

          return tk_sign_compact (k, header, inner);
        }
      case MK_TWO_TOKENS:
      default:
        {
          g_autofree char *one = tk_sign_token (a, "a", s->payload);
          return g_strconcat (one, one, NULL);
        }
    }
}

static inline char *
ag_jwks (const char *const *jwks)
{
  g_autoptr (GString) s = g_string_new ("{\"keys\":[");

  for (guint i = 0; jwks[i] != NULL; i++)
    g_string_append_printf (s, "%s%s", i ? "," : "", jwks[i]);
  g_string_append (s, "]}");
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* The key material of @keys: a JWKS or PEM (*@is_secret FALSE) or a secret
 * (*@is_secret TRUE); NULL for K_NONE. */
static inline char *
ag_make_keys (AgKeys keys, gboolean *is_secret)
{
  g_autoptr (TkKey) a = tk_key_cached ("RS256", 0, "a");
  g_autoptr (TkKey) b = tk_key_cached ("RS256", 1, "a");
  g_autoptr (TkKey) b2 = tk_key_cached ("RS256", 1, "b");
  g_autofree char *ja = tk_key_jwk (a);
  g_autofree char *jb = tk_key_jwk (b);
  g_autofree char *jb2 = tk_key_jwk (b2);

  *is_secret = FALSE;
  switch (keys)
    {
      case K_JWKS_A:
        return ag_jwks ((const char *[]){ ja, NULL });
      case K_JWKS_B:
        return ag_jwks ((const char *[]){ jb, NULL });
      case K_JWKS_AB:
        return ag_jwks ((const char *[]){ ja, jb2, NULL });
      case K_JWKS_A_NOKID_B:
        {
          g_autoptr (TkKey) a0 = tk_key_cached ("RS256", 0, NULL);
          g_autofree char *ja0 = tk_key_jwk (a0);
          return ag_jwks ((const char *[]){ ja0, jb2, NULL });
        }
      case K_JWKS_A_ENC:
        {
          g_autofree char *enc = g_strdup_printf ("{\"use\":\"enc\",%s", ja + 1);
          return ag_jwks ((const char *[]){ enc, NULL });
        }
      case K_PEM_A:
        return tk_key_pem (a);
      case K_SECRET:
        *is_secret = TRUE;
        return g_strdup (AG_STRONG_SECRET);
      case K_SECRET_WRONG:
        *is_secret = TRUE;
        return g_strdup (AG_WRONG_SECRET);
      case K_SECRET_WEAK:
        *is_secret = TRUE;
        return g_strdup ("secret");
      case K_NONE:
      default:
        return NULL;
    }
}

/* ---- running the CLI ------------------------------------------------------- */

typedef struct
{
  JdTestRun text;
  JdTestRun json;
  JsonParser *parser;
  JsonObject *token;   /* tokens[0] of the JSON report */
  JsonObject *verdict; /* its "verdict" */
} AgCli;

static inline void
ag_cli_clear (AgCli *c)
{
  jd_test_run_clear (&c->text);
  jd_test_run_clear (&c->json);
  g_clear_object (&c->parser);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AgCli, ag_cli_clear)

/* Runs jwt-doctor-cli on @s twice (text, --json), with its keys written
 * under @dir. */
static inline void
ag_run_cli (const AgSituation *s, const char *dir, AgCli *c)
{
  g_autofree char *token = ag_make_token (s);
  g_autoptr (GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) json_args = NULL;
  g_autoptr (GError) error = NULL;
  gboolean is_secret;
  g_autofree char *keys = ag_make_keys (s->keys, &is_secret);
  JsonArray *tokens;

  g_ptr_array_add (args, g_strdup ("--now"));
  g_ptr_array_add (args, g_strdup (AG_NOW_STR));
  if (s->aud)
    g_ptr_array_add (args, g_strdup_printf ("--aud=%s", s->aud));
  if (s->iss)
    g_ptr_array_add (args, g_strdup_printf ("--iss=%s", s->iss));
  if (s->leeway >= 0)
    g_ptr_array_add (args, g_strdup_printf ("--leeway=%d", s->leeway));
  if (s->algs)
    g_ptr_array_add (args, g_strdup_printf ("--alg=%s", s->algs));
  if (keys != NULL)
    {
      g_autofree char *path = g_build_filename (dir, is_secret ? "secret.txt" : "keys.txt", NULL);

      g_assert_true (g_file_set_contents (path, keys, -1, NULL));
      g_ptr_array_add (args, g_strdup (is_secret            ? "--secret-file"
                                       : s->keys == K_PEM_A ? "--key"
                                                            : "--jwks"));
      g_ptr_array_add (args, g_steal_pointer (&path));
    }
  json_args = g_ptr_array_copy (args, (GCopyFunc)(void (*) (void))g_strdup, NULL);
  g_ptr_array_set_free_func (json_args, g_free);
  g_ptr_array_add (json_args, g_strdup ("--json"));
  g_ptr_array_add (args, g_strdup (token));
  g_ptr_array_add (json_args, g_strdup (token));
  g_ptr_array_add (args, NULL);
  g_ptr_array_add (json_args, NULL);

  jd_test_run (&c->text, jd_test_cli_path (), NULL, NULL, (const char *const *)args->pdata);
  jd_test_run (&c->json, jd_test_cli_path (), NULL, NULL, (const char *const *)json_args->pdata);

  c->parser = json_parser_new ();
  json_parser_load_from_data (c->parser, c->json.out, -1, &error);
  g_assert_no_error (error);
  tokens = json_object_get_array_member (json_node_get_object (json_parser_get_root (c->parser)),
                                         "tokens");
  g_assert_cmpuint (json_array_get_length (tokens), ==, 1);
  c->token = json_array_get_object_element (tokens, 0);
  c->verdict = json_object_get_object_member (c->token, "verdict");
  g_assert_nonnull (c->verdict);
}

static inline const char *
ag_verdict_string (AgCli *c, const char *member)
{
  JsonNode *node = json_object_get_member (c->verdict, member);

  return node == NULL || JSON_NODE_HOLDS_NULL (node) ? NULL : json_node_get_string (node);
}

/* @text with every run of white space made one space: the text report
 * wraps lines, the banner does not. */
static inline char *
ag_flatten (const char *text)
{
  g_autoptr (GString) s = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          if (space && s->len > 0)
            g_string_append_c (s, ' ');
          space = FALSE;
          g_string_append_c (s, *p);
        }
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* Asserts that @haystack holds @needle, white space aside. */
#define ag_assert_holds(haystack, needle)                                                          \
  G_STMT_START                                                                                     \
  {                                                                                                \
    g_autofree char *h_ = ag_flatten (haystack);                                                   \
    g_autofree char *n_ = ag_flatten (needle);                                                     \
    if (strstr (h_, n_) == NULL)                                                                   \
      g_error ("“%s”\nis not in\n“%s”", n_, h_);                                                   \
  }                                                                                                \
  G_STMT_END
