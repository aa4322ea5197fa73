/* test-token.c — tests for src/core/jd-token.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "jd-base64.h"
#include "jd-token.h"
#include "test-rows.h"

/* RFC 7515 Appendix A.1 = RFC 7519 §3.1 */
#define RFC7519_3_1                                                                                \
  "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9"                                                       \
  ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlf" \
  "Q"                                                                                              \
  ".dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"

/* RFC 7515 Appendix A.5 (unsecured) */
#define RFC7515_A_5                                                                                \
  "eyJhbGciOiJub25lIn0"                                                                            \
  ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlf" \
  "Q"                                                                                              \
  "."

/* RFC 7516 Appendix A.1 protected header + placeholder segments */
#define JWE_HEADER "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ"

static char *
make_token (const char *header, const char *payload, const char *sig)
{
  g_autofree char *h = jd_base64url_encode (header, strlen (header));
  g_autofree char *p = jd_base64url_encode (payload, strlen (payload));
  return g_strdup_printf ("%s.%s.%s", h, p, sig);
}

static JdTokenProblem *
first_problem (JdToken *token)
{
  GPtrArray *problems = jd_token_get_problems (token);
  g_assert_cmpuint (problems->len, >, 0);
  return g_ptr_array_index (problems, 0);
}

static void
test_rfc7519_example (void)
{
  g_autoptr (JdToken) token = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "rfc7519-3.1.jwt", NULL);
  gsize len;
  JsonObject *claims, *header;
  JdRange r;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_strchomp (contents);
  g_assert_cmpstr (contents, ==, RFC7519_3_1);

  token = jd_token_parse (contents, -1);
  g_assert_false (jd_token_is_malformed (token));
  g_assert_cmpint (jd_token_get_kind (token), ==, JD_TOKEN_KIND_JWS);
  g_assert_cmpuint (jd_token_get_n_segments (token), ==, 3);

  header = jd_token_get_header (token);
  g_assert_cmpstr (json_object_get_string_member (header, "typ"), ==, "JWT");
  g_assert_cmpstr (jd_token_get_alg (token), ==, "HS256");
  g_assert_null (jd_token_get_kid (token));

  claims = jd_token_get_claims (token);
  g_assert_nonnull (claims);
  g_assert_cmpstr (json_object_get_string_member (claims, "iss"), ==, "joe");
  g_assert_cmpint (json_object_get_int_member (claims, "exp"), ==, 1300819380);
  g_assert_true (json_object_get_boolean_member (claims, "http://example.com/is_root"));
  /* The payload's own bytes, CR LF included. */
  g_assert_cmpstr (
    jd_token_get_payload_text (token), ==,
    "{\"iss\":\"joe\",\r\n \"exp\":1300819380,\r\n \"http://example.com/is_root\":true}");

  /* Segment ranges cover the text exactly, dots excluded. */
  g_assert_true (jd_token_get_segment_range (token, 0, &r));
  g_assert_cmpuint (r.start, ==, 0);
  g_assert_cmpuint (r.end, ==, strlen ("eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9"));
  g_assert_true (jd_token_get_segment_range (token, 2, &r));
  g_assert_cmpuint (r.end, ==, strlen (RFC7519_3_1));
  g_assert_false (jd_token_get_segment_range (token, 3, &r));

  /* The signature is the 32-byte HMAC; the signing input stops before the second dot. */
  g_assert_cmpuint (g_bytes_get_size (jd_token_get_signature (token)), ==, 32);
  g_assert_cmpuint (g_bytes_get_size (jd_token_get_signing_input (token)), ==,
                    strchr (strchr (RFC7519_3_1, '.') + 1, '.') - RFC7519_3_1);
}

static void
test_unsecured (void)
{
  g_autoptr (JdToken) token = jd_token_parse (RFC7515_A_5, -1);

  g_assert_false (jd_token_is_malformed (token));
  g_assert_cmpint (jd_token_get_kind (token), ==, JD_TOKEN_KIND_UNSECURED);
  g_assert_cmpstr (jd_token_get_alg (token), ==, "none");
  g_assert_cmpuint (g_bytes_get_size (jd_token_get_signature (token)), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (jd_token_get_claims (token), "iss"), ==, "joe");
}

static void
test_jwe (void)
{
  g_autoptr (JdToken) token = jd_token_parse (JWE_HEADER ".AAAA.BBBB.CCCC.DDDD", -1);

  g_assert_cmpint (jd_token_get_kind (token), ==, JD_TOKEN_KIND_JWE);
  g_assert_false (jd_token_is_malformed (token));
  g_assert_cmpstr (jd_token_get_alg (token), ==, "RSA-OAEP");
  g_assert_cmpstr (json_object_get_string_member (jd_token_get_header (token), "enc"), ==,
                   "A256GCM");
  g_assert_null (jd_token_get_claims (token));
  g_assert_null (jd_token_get_signature (token));
}

static void
test_nested (void)
{
  g_autofree char *inner = make_token ("{\"alg\":\"none\"}", "{\"sub\":\"a\"}", "");
  g_autofree char *outer = make_token ("{\"alg\":\"HS256\",\"cty\":\"JWT\"}", inner, "AAAA");
  g_autoptr (JdToken) token = jd_token_parse (outer, -1);

  g_assert_true (jd_token_is_nested (token));
  g_assert_false (jd_token_is_malformed (token));
  g_assert_null (jd_token_get_claims (token));
  g_assert_cmpstr (jd_token_get_payload_text (token), ==, inner);
}

static void
test_bad_character_says_where (void)
{
  /* Put a '*' at byte 17 of the payload. */
  g_autofree char *good
    = make_token ("{\"alg\":\"HS256\"}", "{\"sub\":\"1234567890abcdef\"}", "AAAA");
  g_autofree char *bad = g_strdup (good);
  char *payload = strchr (bad, '.') + 1;
  g_autoptr (JdToken) token = NULL;
  JdTokenProblem *p;

  payload[17] = '*';
  token = jd_token_parse (bad, -1);
  g_assert_true (jd_token_is_malformed (token));
  p = first_problem (token);
  g_test_message ("%s", p->message);
  g_assert_cmpint (p->code, ==, JD_TOKEN_ERROR_BASE64);
  g_assert_cmpint (p->segment, ==, 1);
  g_assert_cmpuint (p->offset, ==, (gsize)(payload + 17 - bad));
  g_assert_cmpuint (p->length, ==, 1);
  g_assert_true (p->fatal);
  g_assert_nonnull (strstr (p->message, "segment 2 (payload)"));
  g_assert_nonnull (strstr (p->message, "byte 17"));
  g_assert_nonnull (strstr (p->message, "'*'"));
  /* The header still decodes. */
  g_assert_cmpstr (jd_token_get_alg (token), ==, "HS256");
}

static void
test_padding_is_malformed_but_readable (void)
{
  g_autofree char *h
    = jd_base64url_encode ("{\"alg\":\"HS256\"}", 15);       /* 20 chars, no padding needed */
  g_autofree char *p = jd_base64url_encode ("{\"a\":1}", 7); /* 10 chars: "==" would pad */
  g_autofree char *text = g_strdup_printf ("%s.%s==.AAAA", h, p);
  g_autoptr (JdToken) token = jd_token_parse (text, -1);
  JdTokenProblem *pr;

  g_assert_true (jd_token_is_malformed (token));
  pr = first_problem (token);
  g_assert_false (pr->fatal);
  g_assert_cmpint (pr->segment, ==, 1);
  g_assert_nonnull (strstr (pr->message, "padding"));
  g_assert_cmpuint (pr->offset, ==, strlen (h) + 1 + strlen (p));
  /* The person still sees the claims. */
  g_assert_cmpint (json_object_get_int_member (jd_token_get_claims (token), "a"), ==, 1);
}

/* A wrong number of segments is fatal, whatever comes before it. */
static const struct
{
  const char *name;
  const char *text;
} segment_rows[] = {
  { "one", "abc" },
  { "two", "eyJhbGciOiJIUzI1NiJ9.e30" },
  { "four", "a.b.c.d" },
  { "seven", "a.b.c.d.e.f.g" },
};

static void
test_segments (gconstpointer data)
{
  const char *text = ((const typeof (segment_rows[0]) *)data)->text;
  g_autoptr (JdToken) token = jd_token_parse (text, -1);
  GPtrArray *problems = jd_token_get_problems (token);
  JdTokenProblem *p = NULL;

  /* Problems are in order of position: the segment count may follow a
   * bad byte in a segment before it ("a" is not base64url). */
  for (guint k = 0; p == NULL && k < problems->len; k++)
    if (((JdTokenProblem *)g_ptr_array_index (problems, k))->code == JD_TOKEN_ERROR_SEGMENTS)
      p = g_ptr_array_index (problems, k);
  g_assert_nonnull (p);
  g_test_message ("%s: %s", text, p->message);
  g_assert_true (p->fatal);
}

static void
test_segments_cut_off (void)
{
  {
    /* The start of a JWT, cut off before its first dot, is named as such. */
    g_autoptr (JdToken) token = jd_token_parse ("eyJhbGciOiJSUzI1NiIsInR5cCI6Ik", -1);
    JdTokenProblem *p = first_problem (token);
    g_assert_nonnull (strstr (p->message, "cut off"));
  }
  {
    /* Two segments: the header and payload are still shown. */
    g_autoptr (JdToken) token = jd_token_parse ("eyJhbGciOiJIUzI1NiJ9.e30", -1);
    g_assert_cmpstr (jd_token_get_alg (token), ==, "HS256");
    g_assert_nonnull (jd_token_get_claims (token));
  }
}

static void
test_duplicate_header_member (void)
{
  g_autofree char *text = make_token ("{\"alg\":\"RS256\",\"alg\":\"none\"}", "{}", "AAAA");
  g_autoptr (JdToken) token = jd_token_parse (text, -1);
  JdTokenProblem *p;

  g_assert_true (jd_token_is_malformed (token));
  p = first_problem (token);
  g_assert_cmpint (p->code, ==, JD_TOKEN_ERROR_DUPLICATE_MEMBER);
  g_assert_cmpint (p->segment, ==, 0);
  g_assert_nonnull (strstr (p->message, "\"alg\" appears twice"));
}

/* Headers that are no JOSE header: each names segment 1. */
static const struct
{
  const char *name;
  const char *header;
  JdTokenError code;
} header_rows[] = {
  { "no-alg", "{\"typ\":\"JWT\"}", JD_TOKEN_ERROR_HEADER },
  { "alg-not-string", "{\"alg\":256}", JD_TOKEN_ERROR_HEADER },
  { "array", "[\"alg\"]", JD_TOKEN_ERROR_NOT_OBJECT },
  { "cut-json", "{\"alg\":\"HS256\"", JD_TOKEN_ERROR_JSON },
  { "crit-registered", "{\"alg\":\"HS256\",\"crit\":[\"exp\"]}", JD_TOKEN_ERROR_HEADER },
  { "empty", "", JD_TOKEN_ERROR_HEADER },
};

static void
test_header_problems (gconstpointer data)
{
  const typeof (header_rows[0]) *row = data;
  g_autofree char *text = make_token (row->header, "{}", "AAAA");
  g_autoptr (JdToken) token = jd_token_parse (text, -1);
  JdTokenProblem *p = first_problem (token);

  g_test_message ("%s: %s", row->header, p->message);
  g_assert_cmpint (p->code, ==, row->code);
  g_assert_cmpint (p->segment, ==, 0);
  g_assert_nonnull (strstr (p->message, "segment 1 (header)"));
}

/* RFC 7797: one row per rule, each with a close input that must pass. */
static const struct
{
  const char *name;
  const char *header;
  const char *message; /* NULL: no problem */
} b64_rows[] = {
  { "false", "{\"alg\":\"HS256\",\"b64\":false}", "\"b64\" is false" },
  { "false-with-crit", "{\"alg\":\"HS256\",\"b64\":false,\"crit\":[\"b64\"]}", "\"b64\" is false" },
  { "string", "{\"alg\":\"HS256\",\"b64\":\"false\"}", "must be true or false" },
  { "true", "{\"alg\":\"HS256\",\"b64\":true}", NULL },
  { "absent", "{\"alg\":\"HS256\"}", NULL },
};

static void
test_b64 (gconstpointer data)
{
  const typeof (b64_rows[0]) *row = data;
  g_autofree char *text = make_token (row->header, "{}", "AAAA");
  g_autoptr (JdToken) token = jd_token_parse (text, -1);
  JdTokenProblem *p;

  if (row->message == NULL)
    {
      g_assert_false (jd_token_is_malformed (token));
      return;
    }
  p = first_problem (token);
  g_test_message ("%s", p->message);
  g_assert_cmpint (p->code, ==, JD_TOKEN_ERROR_HEADER);
  g_assert_nonnull (strstr (p->message, row->message));
  g_assert_true (jd_token_is_malformed (token));
}

static void
test_payload_not_json (void)
{
  g_autofree char *text = make_token ("{\"alg\":\"HS256\"}", "hello, world", "AAAA");
  g_autoptr (JdToken) token = jd_token_parse (text, -1);
  JdTokenProblem *p = first_problem (token);

  g_assert_cmpint (p->code, ==, JD_TOKEN_ERROR_JSON);
  g_assert_cmpint (p->segment, ==, 1);
  g_assert_null (jd_token_get_claims (token));
  g_assert_cmpstr (jd_token_get_payload_text (token), ==, "hello, world");
}

static void
test_payload_not_object (void)
{
  g_autofree char *text = make_token ("{\"alg\":\"HS256\"}", "[1,2]", "AAAA");
  g_autoptr (JdToken) token = jd_token_parse (text, -1);
  JdTokenProblem *p = first_problem (token);

  g_assert_cmpint (p->code, ==, JD_TOKEN_ERROR_NOT_OBJECT);
  g_assert_null (jd_token_get_claims (token));
  g_assert_nonnull (jd_token_get_payload_node (token));
}

static void
test_empty_and_huge (void)
{
  g_autoptr (JdToken) empty = jd_token_parse ("", 0);
  g_autoptr (JdToken) one_mib = NULL;
  g_autoptr (GString) big = g_string_new (NULL);
  g_autofree char *h = jd_base64url_encode ("{\"alg\":\"HS256\"}", 15);
  g_autoptr (GString) payload = g_string_new ("{\"blob\":\"");
  g_autofree char *p = NULL;

  g_assert_cmpint (first_problem (empty)->code, ==, JD_TOKEN_ERROR_EMPTY);

  /* A 1 MiB token decodes. */
  while (payload->len < 780 * 1024)
    g_string_append (payload, "abcdefghijklmnopqrstuvwxyz0123456789");
  g_string_append (payload, "\"}");
  p = jd_base64url_encode (payload->str, payload->len);
  g_string_printf (big, "%s.%s.AAAA", h, p);
  g_assert_cmpuint (big->len, >=, 1024 * 1024);
  one_mib = jd_token_parse (big->str, big->len);
  g_assert_false (jd_token_is_malformed (one_mib));
  g_assert_cmpuint (strlen (json_object_get_string_member (jd_token_get_claims (one_mib), "blob")),
                    >, 700 * 1024);
}

static void
test_too_large (void)
{
  gsize len = JD_TOKEN_MAX_SIZE + 1;
  g_autofree char *text = g_malloc (len);
  g_autoptr (JdToken) token = NULL;

  memset (text, 'A', len);
  token = jd_token_parse (text, len);
  g_assert_cmpint (first_problem (token)->code, ==, JD_TOKEN_ERROR_TOO_LARGE);
}

static void
test_random_bytes_never_crash (void)
{
  GRand *rand = g_rand_new_with_seed (7519);
  const char alphabet[] = "eyJhbGciOiJIUzI1NiJ9._-.{}\"+/= \n\xff\x00";

  for (guint round = 0; round < 3000; round++)
    {
      gsize len = g_rand_int_range (rand, 0, 200);
      g_autofree char *buf = g_malloc (len + 1);
      g_autoptr (JdToken) token = NULL;
      GPtrArray *problems;

      for (gsize i = 0; i < len; i++)
        buf[i] = round % 2 ? (char)g_rand_int_range (rand, 0, 256)
                           : alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
      token = jd_token_parse (buf, len);
      problems = jd_token_get_problems (token);
      for (guint i = 0; i < problems->len; i++)
        {
          JdTokenProblem *p = g_ptr_array_index (problems, i);
          g_assert_cmpuint (p->offset + p->length, <=, len);
          g_assert_nonnull (p->message);
          g_assert_true (g_utf8_validate (p->message, -1, NULL));
        }
    }
  g_rand_free (rand);
}

/* RFC 7515 Appendix A.1–A.3 sign the same claims; each decodes to the
 * RFC's JSON and names its algorithm. */
static const struct
{
  const char *file;
  const char *alg;
} rfc7515_rows[] = {
  { "rfc7515-A.1.jws", "HS256" },
  { "rfc7515-A.2.jws", "RS256" },
  { "rfc7515-A.3.jws", "ES256" },
};

static void
test_rfc7515_appendix_a (gconstpointer data)
{
  const typeof (rfc7515_rows[0]) *row = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", row->file, NULL);
  g_autofree char *text = NULL;
  g_autoptr (JdToken) token = NULL;
  JsonObject *claims;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_strstrip (text);
  token = jd_token_parse (text, -1);
  g_assert_false (jd_token_is_malformed (token));
  g_assert_cmpint (jd_token_get_kind (token), ==, JD_TOKEN_KIND_JWS);
  g_assert_cmpstr (jd_token_get_alg (token), ==, row->alg);
  claims = jd_token_get_claims (token);
  g_assert_cmpuint (json_object_get_size (claims), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (claims, "iss"), ==, "joe");
  g_assert_cmpint (json_object_get_int_member (claims, "exp"), ==, 1300819380);
  g_assert_true (json_object_get_boolean_member (claims, "http://example.com/is_root"));
}

/* A.4 signs the bytes "Payload": a JWS but no JWT, shown as text with a
 * non-fatal problem. */
static void
test_rfc7515_appendix_a4 (void)
{
  g_autofree char *a4_path = g_test_build_filename (G_TEST_DIST, "data", "rfc7515-A.4.jws", NULL);
  g_autofree char *a4 = NULL;
  g_autoptr (JdToken) a4_token = NULL;
  JdTokenProblem *problem;

  g_assert_true (g_file_get_contents (a4_path, &a4, NULL, NULL));
  g_strstrip (a4);
  a4_token = jd_token_parse (a4, -1);
  g_assert_cmpstr (jd_token_get_alg (a4_token), ==, "ES512");
  g_assert_cmpstr (jd_token_get_payload_text (a4_token), ==, "Payload");
  g_assert_null (jd_token_get_claims (a4_token));
  g_assert_cmpuint (g_bytes_get_size (jd_token_get_signature (a4_token)), ==, 132);
  problem = first_problem (a4_token);
  g_assert_cmpint (problem->code, ==, JD_TOKEN_ERROR_JSON);
  g_assert_false (problem->fatal);
}

static void
test_crit_and_none_case (void)
{
  g_autofree char *crit
    = make_token ("{\"alg\":\"HS256\",\"crit\":[\"x-unknown\"],\"x-unknown\":1}", "{}", "AAAA");
  g_autofree char *none = make_token ("{\"alg\":\"NoNe\"}", "{}", "");
  g_autofree char *plain = make_token ("{\"alg\":\"HS256\"}", "{}", "AAAA");
  g_autoptr (JdToken) t_crit = jd_token_parse (crit, -1);
  g_autoptr (JdToken) t_none = jd_token_parse (none, -1);
  g_autoptr (JdToken) t_plain = jd_token_parse (plain, -1);
  const JdTokenProblem *p = jd_token_get_encoding_problem (t_crit);

  /* RFC 7515 §4.1.11: an extension the verifier does not understand means rejection. */
  g_assert_nonnull (p);
  g_assert_cmpint (p->code, ==, JD_TOKEN_ERROR_CRITICAL);
  g_assert_nonnull (strstr (p->message, "x-unknown"));
  g_assert_null (jd_token_get_encoding_problem (t_plain));
  /* alg "none" in any case is an unsecured JWS. */
  g_assert_cmpint (jd_token_get_kind (t_none), ==, JD_TOKEN_KIND_UNSECURED);
}

/* RFC 7515 §4.1: string parameters that are not strings are a malformed
 * header. One row each: the header that triggers it, and a close one (the
 * same value as a string) that must not. */
static const struct
{
  const char *name;
  const char *header;
  const char *close;
  const char *needle;
} string_param_rows[] = {
  { "kid-number", "{\"alg\":\"HS256\",\"kid\":7}", "{\"alg\":\"HS256\",\"kid\":\"7\"}",
    "\"kid\" is a number, but it must be a string (RFC 7515 §4.1.4)" },
  { "kid-array", "{\"alg\":\"HS256\",\"kid\":[\"a\"]}", "{\"alg\":\"HS256\",\"kid\":\"a\"}",
    "\"kid\" is an array" },
  { "kid-null", "{\"alg\":\"HS256\",\"kid\":null}", "{\"alg\":\"HS256\",\"kid\":\"null\"}",
    "\"kid\" is null" },
  { "typ-object", "{\"alg\":\"HS256\",\"typ\":{}}", "{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
    "\"typ\" is an object" },
  { "x5t-boolean", "{\"alg\":\"RS256\",\"x5t\":true}", "{\"alg\":\"RS256\",\"x5t\":\"dHJ1ZQ\"}",
    "\"x5t\" is a boolean" },
};

static gboolean
has_problem (JdToken *token, const char *needle)
{
  GPtrArray *problems = jd_token_get_problems (token);

  for (guint i = 0; i < problems->len; i++)
    {
      JdTokenProblem *p = g_ptr_array_index (problems, i);
      g_test_message ("problem: %s", p->message);
      if (strstr (p->message, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
test_string_param (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_autofree char *bad_text = make_token (string_param_rows[i].header, "{}", "c2ln");
  g_autofree char *close_text = make_token (string_param_rows[i].close, "{}", "c2ln");
  g_autoptr (JdToken) bad = jd_token_parse (bad_text, -1);
  g_autoptr (JdToken) close = jd_token_parse (close_text, -1);

  g_assert_true (has_problem (bad, string_param_rows[i].needle));
  g_assert_cmpuint (jd_token_get_problems (close)->len, ==, 0);
}

/* ---- Two tokens back to back ------------------------------------------ */

/* {"alg":"HS256"}.{"sub":"1"}.sig1: 43 bytes. */
#define T1 "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnMQ"

typedef struct
{
  const char *name;
  const char *text;
  gsize glued_at; /* 0: not two tokens */
  JdTokenKind kind;
} GluedRow;

static const GluedRow glued_rows[] = {
  /* "h.p.sh.p.s": five segments, but not a JWE. */
  { "two-tokens", T1 T1, 43, JD_TOKEN_KIND_UNKNOWN },
  { "three-tokens", T1 T1 T1, 43, JD_TOKEN_KIND_UNKNOWN },
  { "second-cut-off", T1 "eyJhbGciOiJIUzI1NiJ9.eyJzdWIi", 43, JD_TOKEN_KIND_UNKNOWN },
  /* Close, and not two tokens: a JWE whose IV holds "eyJ" and then a JSON
   * object without "alg"; a signature that holds "eyJ" by chance. */
  { "jwe-iv-with-eyJ", JWE_HEADER ".AAAA.AAeyJlbmMiOiJ4In0.CCCC.DDDD", 0, JD_TOKEN_KIND_JWE },
  { "signature-with-eyJ", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnMQeyJzdWIiOiIxIn0A", 0,
    JD_TOKEN_KIND_JWS },
};

static void
test_glued (gconstpointer data)
{
  const GluedRow *row = data;
  g_autoptr (JdToken) token = jd_token_parse (row->text, -1);

  g_assert_cmpint (jd_token_get_kind (token), ==, row->kind);
  if (row->glued_at == 0)
    {
      g_assert_false (jd_token_is_malformed (token));
      return;
    }

  {
    JdTokenProblem *p = first_problem (token);

    g_test_message ("%s", p->message);
    g_assert_cmpint (p->code, ==, JD_TOKEN_ERROR_GLUED);
    g_assert_true (p->fatal);
    g_assert_true (jd_token_get_encoding_problem (token) == p);
    g_assert_cmpuint (p->offset, ==, row->glued_at);
    g_assert_nonnull (strstr (p->message, "two tokens back to back?"));
    g_assert_nonnull (strstr (p->message, "byte 43"));
    g_assert_cmpuint (jd_token_get_problems (token)->len, ==, 1);
    /* The first token's claims are still shown; nothing is verifiable. */
    g_assert_cmpstr (json_object_get_string_member (jd_token_get_claims (token), "sub"), ==, "1");
    g_assert_null (jd_token_get_signature (token));
  }
}

/* ---- The first problem is the first broken byte --------------------- */

typedef struct
{
  const char *name;
  const char *text;
  gsize offset;
  JdTokenError code;
} FirstByteRow;

static const FirstByteRow first_byte_rows[] = {
  /* Both segments undecodable, too few segments (named at the end). */
  { "header-and-payload", "eyJhb*GciOiJIUzI1NiJ9.eyJz*dWIi", 5, JD_TOKEN_ERROR_BASE64 },
  /* A token cut off before its first dot: the whole text is the problem,
   * before what follows from it (its header is JSON that ends too early). */
  { "cut-off", "eyJhbGciOiJSUzI1NiIsInR5cCI6Ik", 0, JD_TOKEN_ERROR_SEGMENTS },
  /* Six segments (named where the fifth ends), a bad header byte before. */
  { "six-segments", "eyJhb*GciOiJIUzI1NiJ9.a.b.c.d.e", 5, JD_TOKEN_ERROR_BASE64 },
  /* Close: the same shapes with a good header, so the segment count is first. */
  { "too-few-segments", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0", 36, JD_TOKEN_ERROR_SEGMENTS },
  { "only-signature-bad", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2l*nMQ", 40,
    JD_TOKEN_ERROR_BASE64 },
};

static void
test_first_broken_byte (gconstpointer data)
{
  const FirstByteRow *row = data;
  g_autoptr (JdToken) token = jd_token_parse (row->text, -1);
  GPtrArray *problems = jd_token_get_problems (token);
  JdTokenProblem *p = first_problem (token);

  g_test_message ("%s", p->message);
  g_assert_cmpuint (p->offset, ==, row->offset);
  g_assert_cmpint (p->code, ==, row->code);
  for (guint i = 1; i < problems->len; i++)
    g_assert_cmpuint (((JdTokenProblem *)g_ptr_array_index (problems, i - 1))->offset, <=,
                      ((JdTokenProblem *)g_ptr_array_index (problems, i))->offset);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jd/token/rfc7519-3.1", test_rfc7519_example);
  for (guint i = 0; i < G_N_ELEMENTS (rfc7515_rows); i++)
    {
      g_autofree char *path
        = g_strdup_printf ("/jd/token/rfc7515-appendix-a/%.3s", rfc7515_rows[i].file + 8);
      g_test_add_data_func (path, &rfc7515_rows[i], test_rfc7515_appendix_a);
    }
  g_test_add_func ("/jd/token/rfc7515-appendix-a/A.4", test_rfc7515_appendix_a4);
  g_test_add_func ("/jd/token/unsecured", test_unsecured);
  g_test_add_func ("/jd/token/crit-and-none-case", test_crit_and_none_case);
  g_test_add_func ("/jd/token/jwe", test_jwe);
  g_test_add_func ("/jd/token/nested", test_nested);
  g_test_add_func ("/jd/token/bad-character", test_bad_character_says_where);
  g_test_add_func ("/jd/token/padding", test_padding_is_malformed_but_readable);
  JD_TEST_ADD_ROWS ("/jd/token/segments", segment_rows, name, test_segments);
  g_test_add_func ("/jd/token/segments/cut-off", test_segments_cut_off);
  g_test_add_func ("/jd/token/duplicate-header-member", test_duplicate_header_member);
  JD_TEST_ADD_ROWS ("/jd/token/header-problems", header_rows, name, test_header_problems);
  JD_TEST_ADD_ROWS ("/jd/token/b64", b64_rows, name, test_b64);
  g_test_add_func ("/jd/token/payload-not-json", test_payload_not_json);
  g_test_add_func ("/jd/token/payload-not-object", test_payload_not_object);
  g_test_add_func ("/jd/token/empty-and-huge", test_empty_and_huge);
  g_test_add_func ("/jd/token/too-large", test_too_large);
  g_test_add_func ("/jd/token/random", test_random_bytes_never_crash);
  for (guint i = 0; i < G_N_ELEMENTS (string_param_rows); i++)
    {
      g_autofree char *path
        = g_strdup_printf ("/jd/token/string-param/%s", string_param_rows[i].name);
      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_string_param);
    }
  JD_TEST_ADD_ROWS ("/jd/token/glued", glued_rows, name, test_glued);
  JD_TEST_ADD_ROWS ("/jd/token/first-broken-byte", first_byte_rows, name, test_first_broken_byte);

  return g_test_run ();
}
