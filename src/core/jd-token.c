/* jd-token.c — decode a compact JWS / JWE and say exactly where it is wrong
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jd-base64.h"
#include "jd-json.h"
#include "jd-token.h"

G_DEFINE_QUARK (jd - token - error - quark, jd_token_error)

#define MAX_SEGMENTS 5

struct _JdToken
{
  GObject parent_instance;

  char *text;
  gsize len;
  guint n_segments; /* as counted in the text (may be > MAX_SEGMENTS) */
  JdRange segments[MAX_SEGMENTS];
  JdTokenKind kind;
  gsize glued;         /* > 0: a second token's header starts at this byte */
  GPtrArray *problems; /* JdTokenProblem */

  JsonNode *header_node;
  GBytes *payload_bytes;   /* decoded, not yet parsed */
  gboolean payload_parsed; /* the JSON is read on first use: verifying never needs it */
  JsonNode *payload_node;
  char *payload_text;
  GBytes *signature;
  GBytes *signing_input;
};

G_DEFINE_FINAL_TYPE (JdToken, jd_token, G_TYPE_OBJECT)

static void
problem_free (gpointer data)
{
  JdTokenProblem *p = data;
  g_free (p->message);
  g_free (p);
}

static const char *
segment_name (JdToken *self, int segment)
{
  static const char *jws[] = { N_ ("header"), N_ ("payload"), N_ ("signature") };
  static const char *jwe[]
    = { N_ ("protected header"), N_ ("encrypted key"), N_ ("initialization vector"),
        N_ ("ciphertext"), N_ ("authentication tag") };

  if (self->n_segments == 5 && self->glued == 0 && segment >= 0 && segment < 5)
    return _ (jwe[segment]);
  if (segment >= 0 && segment < 3)
    return _ (jws[segment]);
  return _ ("extra segment");
}

/* Problems are kept in order of position, so the first is the first broken
 * byte, whichever step found it; at the same byte, the narrower problem is
 * the more exact one. */
static int
compare_problems (const JdTokenProblem *a, const JdTokenProblem *b)
{
  if (a->offset != b->offset)
    return a->offset < b->offset ? -1 : 1;
  return a->length < b->length ? -1 : a->length > b->length;
}

G_GNUC_PRINTF (7, 8)
static void
add_problem (JdToken *self, JdTokenError code, int segment, gsize offset, gsize length,
             gboolean fatal, const char *format, ...)
{
  JdTokenProblem *p = g_new0 (JdTokenProblem, 1);
  g_autofree char *what = NULL;
  va_list args;
  guint at;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  p->code = code;
  p->segment = segment;
  p->offset = MIN (offset, self->len);
  p->length = MIN (MAX (length, 1), self->len - p->offset);
  p->fatal = fatal;
  if (segment >= 0)
    /* Translators: "segment 2 (payload): byte 17: '*' is not a base64url character" */
    p->message = g_strdup_printf (_ ("segment %d (%s): %s"), segment + 1,
                                  segment_name (self, segment), what);
  else
    p->message = g_steal_pointer (&what);

  at = self->problems->len;
  while (at > 0 && compare_problems (g_ptr_array_index (self->problems, at - 1), p) > 0)
    at--;
  g_ptr_array_insert (self->problems, at, p);
}

/* Decode one segment. Strictness problems are recorded but the bytes are
 * still returned when the lenient decoder can read them. */
static GBytes *
decode_segment (JdToken *self, int segment)
{
  const JdRange *r = &self->segments[segment];
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) problem = NULL;
  gsize problem_offset = 0;
  GBytes *bytes;

  bytes = jd_base64url_decode_lenient (self->text + r->start, r->end - r->start, &problem_offset,
                                       &problem, &error);
  if (bytes == NULL)
    {
      add_problem (self, JD_TOKEN_ERROR_BASE64, segment, r->start + problem_offset, 1, TRUE, "%s",
                   error->message);
      return NULL;
    }
  if (problem != NULL)
    add_problem (self, JD_TOKEN_ERROR_BASE64, segment, r->start + problem_offset, 1, FALSE, "%s",
                 problem->message);
  return bytes;
}

/* Offset in the token text of decoded byte @k of @segment (start of its
 * base64 group). Past the last of its @size decoded bytes (JSON that ends
 * too early) it is the segment's last byte: where the text ran out. */
static gsize
text_offset_of_decoded (JdToken *self, int segment, gsize k, gsize size)
{
  const JdRange *r = &self->segments[segment];

  if (k >= size && r->end > r->start)
    return r->end - 1;
  return MIN (r->start + k / 3 * 4, r->end);
}

/* Parse JSON from a decoded segment; NULL with a problem recorded on failure.
 * Duplicate members are a problem (RFC 7515 §4, RFC 7519 §4: we reject), but
 * the last value is kept so the person still sees the content. */
static JsonNode *
parse_segment_json (JdToken *self, int segment, GBytes *bytes, gboolean quiet)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);
  g_autoptr (GError) error = NULL;
  gsize offset = 0;
  JsonNode *node;

  node = jd_json_parse (data, len, JD_JSON_FLAGS_NONE, &offset, &error);
  if (node == NULL && g_error_matches (error, JD_JSON_ERROR, JD_JSON_ERROR_DUPLICATE_MEMBER))
    {
      add_problem (self, JD_TOKEN_ERROR_DUPLICATE_MEMBER, segment,
                   text_offset_of_decoded (self, segment, offset, len), 4, FALSE, _ ("decoded %s"),
                   error->message);
      return jd_json_parse (data, len, JD_JSON_ALLOW_DUPLICATES, NULL, NULL);
    }
  if (node == NULL && !quiet)
    add_problem (self,
                 error->code == JD_JSON_ERROR_UTF8 ? JD_TOKEN_ERROR_UTF8 : JD_TOKEN_ERROR_JSON,
                 segment, text_offset_of_decoded (self, segment, offset, len), 4, TRUE,
                 _ ("not JSON: decoded %s"), error->message);
  return node;
}

/* RFC 7797: "b64" is a boolean (§3), and a JWT MUST NOT use "b64": false
 * (§7): verifiers that implement it sign the raw payload, the others the
 * encoded one, so no API can accept it. "b64": true changes nothing. */
static void
check_b64 (JdToken *self, JsonObject *header, const JdRange *r)
{
  JsonNode *b64 = json_object_get_member (header, "b64");

  if (b64 == NULL)
    return;
  if (!JSON_NODE_HOLDS_VALUE (b64) || json_node_get_value_type (b64) != G_TYPE_BOOLEAN)
    add_problem (self, JD_TOKEN_ERROR_HEADER, JD_SEGMENT_HEADER, r->start, r->end - r->start, FALSE,
                 _ ("\"b64\" must be true or false (RFC 7797 §3)"));
  else if (!json_node_get_boolean (b64))
    add_problem (self, JD_TOKEN_ERROR_HEADER, JD_SEGMENT_HEADER, r->start, r->end - r->start, FALSE,
                 _ ("\"b64\" is false (unencoded payload): a JWT must not use it (RFC 7797 §7), "
                    "and verifiers disagree on which bytes were signed"));
}

/* Header parameters RFC 7515 §4.1 defines as strings, one row each: a
 * number or an array there is a malformed header, not silently ignored. */
static const struct
{
  const char *name;
  const char *section;
} string_params[] = {
  { "kid", "§4.1.4" },      { "jku", "§4.1.2" }, { "x5u", "§4.1.5" },  { "x5t", "§4.1.7" },
  { "x5t#S256", "§4.1.8" }, { "typ", "§4.1.9" }, { "cty", "§4.1.10" },
};

static void
check_string_params (JdToken *self, JsonObject *header, const JdRange *r)
{
  for (guint i = 0; i < G_N_ELEMENTS (string_params); i++)
    {
      JsonNode *node = json_object_get_member (header, string_params[i].name);
      const char *what;

      if (node == NULL
          || (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING))
        continue;
      what = JSON_NODE_HOLDS_ARRAY (node)                        ? _ ("an array")
             : JSON_NODE_HOLDS_OBJECT (node)                     ? _ ("an object")
             : JSON_NODE_HOLDS_NULL (node)                       ? _ ("null")
             : json_node_get_value_type (node) == G_TYPE_BOOLEAN ? _ ("a boolean")
                                                                 : _ ("a number");
      add_problem (self, JD_TOKEN_ERROR_HEADER, JD_SEGMENT_HEADER, r->start, r->end - r->start,
                   FALSE, _ ("\"%s\" is %s, but it must be a string (RFC 7515 %s)"),
                   string_params[i].name, what, string_params[i].section);
    }
}

static void
decode_header (JdToken *self)
{
  g_autoptr (GBytes) bytes = decode_segment (self, JD_SEGMENT_HEADER);
  const JdRange *r = &self->segments[JD_SEGMENT_HEADER];
  JsonObject *header;
  JsonNode *alg;

  if (bytes == NULL)
    return;
  if (g_bytes_get_size (bytes) == 0)
    {
      add_problem (self, JD_TOKEN_ERROR_HEADER, JD_SEGMENT_HEADER, r->start, 1, TRUE,
                   _ ("the header is empty; it must be a JSON object with \"alg\""));
      return;
    }
  self->header_node = parse_segment_json (self, JD_SEGMENT_HEADER, bytes, FALSE);
  if (self->header_node == NULL)
    return;
  if (!JSON_NODE_HOLDS_OBJECT (self->header_node))
    {
      add_problem (self, JD_TOKEN_ERROR_NOT_OBJECT, JD_SEGMENT_HEADER, r->start, r->end - r->start,
                   TRUE, _ ("the header is JSON but not an object"));
      g_clear_pointer (&self->header_node, json_node_unref);
      return;
    }

  header = json_node_get_object (self->header_node);
  alg = json_object_get_member (header, "alg");
  if (alg == NULL)
    add_problem (self, JD_TOKEN_ERROR_HEADER, JD_SEGMENT_HEADER, r->start, r->end - r->start, FALSE,
                 _ ("the header has no \"alg\" (RFC 7515 §4.1.1 requires it)"));
  else if (!JSON_NODE_HOLDS_VALUE (alg) || json_node_get_value_type (alg) != G_TYPE_STRING)
    add_problem (self, JD_TOKEN_ERROR_HEADER, JD_SEGMENT_HEADER, r->start, r->end - r->start, FALSE,
                 _ ("\"alg\" must be a string"));

  check_string_params (self, header, r);
  check_b64 (self, header, r);

  if (json_object_has_member (header, "crit"))
    {
      JsonNode *crit = json_object_get_member (header, "crit");
      gboolean ok
        = JSON_NODE_HOLDS_ARRAY (crit) && json_array_get_length (json_node_get_array (crit)) > 0;

      for (guint i = 0; ok && i < json_array_get_length (json_node_get_array (crit)); i++)
        {
          JsonNode *e = json_array_get_element (json_node_get_array (crit), i);
          ok = JSON_NODE_HOLDS_VALUE (e) && json_node_get_value_type (e) == G_TYPE_STRING
               && json_object_has_member (header, json_node_get_string (e));
        }
      if (!ok)
        add_problem (self, JD_TOKEN_ERROR_HEADER, JD_SEGMENT_HEADER, r->start, r->end - r->start,
                     FALSE,
                     _ ("\"crit\" must be a non-empty array naming header parameters that are "
                        "present (RFC 7515 §4.1.11)"));
      else
        {
          /* No extension is understood here (RFC 7797's b64 is not implemented),
           * so, as RFC 7515 §4.1.11 requires of a verifier, the token is rejected. */
          JsonArray *names = json_node_get_array (crit);
          for (guint i = 0; i < json_array_get_length (names); i++)
            add_problem (self, JD_TOKEN_ERROR_CRITICAL, JD_SEGMENT_HEADER, r->start,
                         r->end - r->start, FALSE,
                         _ ("\"crit\" lists \"%s\": a verifier that does not understand this "
                            "extension must reject the token (RFC 7515 §4.1.11)"),
                         json_array_get_string_element (names, i));
        }
    }
}

static void
decode_payload (JdToken *self)
{
  self->payload_bytes = decode_segment (self, JD_SEGMENT_PAYLOAD);
}

/* The payload's decoded bytes as text, and as JSON unless the token is nested. */
static void
read_payload_json (JdToken *self)
{
  const JdRange *r = &self->segments[JD_SEGMENT_PAYLOAD];
  gsize len = 0;
  const char *data;

  data = g_bytes_get_data (self->payload_bytes, &len);
  if (g_utf8_validate_len (data, len, NULL))
    self->payload_text = g_strndup (data, len);

  if (jd_token_is_nested (self))
    return; /* the payload is itself a JWT (RFC 7519 §5.2): text, not JSON */

  self->payload_node = parse_segment_json (self, JD_SEGMENT_PAYLOAD, self->payload_bytes, TRUE);
  if (self->payload_node == NULL)
    {
      if (len == 0)
        add_problem (self, JD_TOKEN_ERROR_JSON, JD_SEGMENT_PAYLOAD, r->start, 1, FALSE,
                     _ ("the payload is empty; a JWT carries a JSON object of claims"));
      else
        {
          /* Say why, with the position, but keep the decoded text for display. */
          g_autoptr (GError) error = NULL;
          gsize offset = 0;
          jd_json_parse (data, len, JD_JSON_FLAGS_NONE, &offset, &error);
          add_problem (self, JD_TOKEN_ERROR_JSON, JD_SEGMENT_PAYLOAD,
                       text_offset_of_decoded (self, JD_SEGMENT_PAYLOAD, offset, len), 4, FALSE,
                       _ ("the payload is not a JSON claims set (decoded %s); shown as text"),
                       error->message);
        }
    }
  else if (!JSON_NODE_HOLDS_OBJECT (self->payload_node))
    add_problem (self, JD_TOKEN_ERROR_NOT_OBJECT, JD_SEGMENT_PAYLOAD, r->start, r->end - r->start,
                 FALSE, _ ("the payload is JSON but not an object, so it holds no claims"));
}

/* Reads the payload's JSON (once). Everything that shows claims or problems
 * calls this first; the signature check does not need it. */
static void
ensure_payload (JdToken *self)
{
  if (self->payload_parsed)
    return;
  self->payload_parsed = TRUE;
  if (self->payload_bytes != NULL)
    read_payload_json (self);
}

static void
jd_token_finalize (GObject *object)
{
  JdToken *self = JD_TOKEN (object);

  /* The token is a credential: do not leave it in freed memory. */
  if (self->text)
    memset (self->text, 0, self->len);
  g_free (self->text);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->header_node, json_node_unref);
  g_clear_pointer (&self->payload_bytes, g_bytes_unref);
  g_clear_pointer (&self->payload_node, json_node_unref);
  g_free (self->payload_text);
  g_clear_pointer (&self->signature, g_bytes_unref);
  g_clear_pointer (&self->signing_input, g_bytes_unref);

  G_OBJECT_CLASS (jd_token_parent_class)->finalize (object);
}

static void
jd_token_class_init (JdTokenClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jd_token_finalize;
}

static void
jd_token_init (JdToken *self)
{
  self->problems = g_ptr_array_new_with_free_func (problem_free);
}

/* Where a second token starts inside the third segment, as when two tokens
 * were pasted back to back: "h.p.s" + "h.p.s" reads as "h.p.sh.p.s", five
 * segments that look like a JWE. The third segment then holds "eyJ" after
 * at least one byte, and from there to its end a base64url JSON object
 * with "alg": a JOSE header. A JWE's third segment is its initialization
 * vector, random bytes that are never that. Returns the byte offset, or 0. */
static gsize
find_glued_header (JdToken *self)
{
  const JdRange *r = &self->segments[JD_SEGMENT_SIGNATURE];

  if (self->n_segments < 4)
    return 0;
  for (gsize at = r->start + 1; at + 3 <= r->end; at++)
    {
      g_autoptr (GBytes) bytes = NULL;
      g_autoptr (JsonNode) node = NULL;
      const char *data;
      gsize size = 0;

      if (memcmp (self->text + at, "eyJ", 3) != 0)
        continue;
      bytes = jd_base64url_decode (self->text + at, r->end - at, NULL);
      if (bytes == NULL)
        continue;
      data = g_bytes_get_data (bytes, &size);
      node = jd_json_parse (data, size, JD_JSON_ALLOW_DUPLICATES, NULL, NULL);
      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node)
          && json_object_has_member (json_node_get_object (node), "alg"))
        return at;
    }
  return 0;
}

/* The problem with the number of segments, if any: two tokens back to back,
 * a token cut off before its first dot, or a count that is neither 3 nor 5. */
static void
add_shape_problem (JdToken *self, const char *text, gssize len)
{
  guint n = self->n_segments;

  if (self->glued > 0)
    add_problem (self, JD_TOKEN_ERROR_GLUED, -1, self->glued, 3, TRUE,
                 g_dngettext (GETTEXT_PACKAGE,
                              "byte %zu: a second token's header (\"eyJ…\") starts inside the "
                              "signature, so the text has %u segment instead of 3: two tokens "
                              "back to back? Paste only the one the API was sent",
                              "byte %zu: a second token's header (\"eyJ…\") starts inside the "
                              "signature, so the text has %u segments instead of 3: two tokens "
                              "back to back? Paste only the one the API was sent",
                              n),
                 self->glued, n);
  else if (n != 3 && n != 5)
    {
      gsize where = n > 5 ? self->segments[MAX_SEGMENTS - 1].end : (gsize)len;
      /* A token cut off before its first dot: the whole text is the
       * problem, and the header's own errors follow from it. */
      if (n == 1 && len >= 3 && memcmp (text, "eyJ", 3) == 0)
        add_problem (self, JD_TOKEN_ERROR_SEGMENTS, -1, 0, len, TRUE,
                     _ ("no dots after %zd bytes, but it starts like a JWT header "
                        "(\"eyJ\" is base64url for '{\"'): the token was probably cut off"),
                     len);
      else if (n == 1)
        add_problem (self, JD_TOKEN_ERROR_SEGMENTS, -1, 0, len, TRUE,
                     _ ("no dots: a JWT has three base64url segments, header.payload.signature; "
                        "this may be an opaque access token that only its issuer can read"));
      else
        add_problem (self, JD_TOKEN_ERROR_SEGMENTS, -1, where, 1, TRUE,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "byte %zu: found %u segment; a JWS has 3 "
                                  "(header.payload.signature) and a JWE has 5",
                                  "byte %zu: found %u segments; a JWS has 3 "
                                  "(header.payload.signature) and a JWE has 5",
                                  n),
                     where, n);
    }
}

JdToken *
jd_token_parse (const char *text, gssize len)
{
  JdToken *self = g_object_new (JD_TYPE_TOKEN, NULL);
  gsize start = 0;
  guint n = 0;

  if (text == NULL)
    text = "";
  if (len < 0)
    len = strlen (text);

  if ((gsize)len > JD_TOKEN_MAX_SIZE)
    {
      self->text = g_strdup ("");
      self->len = 0;
      add_problem (self, JD_TOKEN_ERROR_TOO_LARGE, -1, 0, 0, TRUE,
                   _ ("the token is %zd bytes; more than %d MiB is not a token"), len,
                   JD_TOKEN_MAX_SIZE / (1024 * 1024));
      return self;
    }

  self->text = g_strndup (text, len);
  self->len = len;
  /* g_strndup stops at a NUL byte: keep the real bytes. */
  memcpy (self->text, text, len);

  if (len == 0)
    {
      add_problem (self, JD_TOKEN_ERROR_EMPTY, -1, 0, 0, TRUE, _ ("there is no token here"));
      return self;
    }

  for (;;)
    {
      const char *dot = memchr (self->text + start, '.', len - start);
      gsize end = dot ? (gsize)(dot - self->text) : (gsize)len;

      if (n < MAX_SEGMENTS)
        {
          self->segments[n].start = start;
          self->segments[n].end = end;
        }
      n++;
      if (dot == NULL)
        break;
      start = end + 1;
    }
  self->n_segments = n;
  self->glued = find_glued_header (self);
  add_shape_problem (self, text, len);

  /* Decode what can be decoded even when the shape is wrong, so the person sees it. */
  decode_header (self);

  if (self->glued > 0)
    {
      /* Neither a JWS nor a JWE: show the first token's claims, check nothing. */
      decode_payload (self);
      return self;
    }

  if (n == 5)
    {
      self->kind = JD_TOKEN_KIND_JWE;
      return self;
    }

  if (n >= 2)
    decode_payload (self);

  if (n == 3)
    {
      const char *alg = jd_token_get_alg (self);

      self->signature = decode_segment (self, JD_SEGMENT_SIGNATURE);
      self->signing_input = g_bytes_new (self->text, self->segments[JD_SEGMENT_PAYLOAD].end);
      if (self->header_node != NULL)
        /* "None", "NONE": libraries that compared case-insensitively were forged this way. */
        self->kind = alg != NULL && g_ascii_strcasecmp (alg, "none") == 0 ? JD_TOKEN_KIND_UNSECURED
                                                                          : JD_TOKEN_KIND_JWS;
      if (self->header_node != NULL && json_object_has_member (jd_token_get_header (self), "enc"))
        add_problem (
          self, JD_TOKEN_ERROR_SEGMENTS, -1, 0, self->segments[0].end, TRUE,
          _ ("the header has \"enc\", so this is a JWE, but it has 3 segments instead of 5"));
    }

  return self;
}

const char *
jd_token_get_text (JdToken *self)
{
  g_return_val_if_fail (JD_IS_TOKEN (self), NULL);
  return self->text;
}

gsize
jd_token_get_length (JdToken *self)
{
  g_return_val_if_fail (JD_IS_TOKEN (self), 0);
  return self->len;
}

JdTokenKind
jd_token_get_kind (JdToken *self)
{
  g_return_val_if_fail (JD_IS_TOKEN (self), JD_TOKEN_KIND_UNKNOWN);
  return self->kind;
}

guint
jd_token_get_n_segments (JdToken *self)
{
  g_return_val_if_fail (JD_IS_TOKEN (self), 0);
  return self->n_segments;
}

gboolean
jd_token_get_segment_range (JdToken *self, guint segment, JdRange *range)
{
  g_return_val_if_fail (JD_IS_TOKEN (self), FALSE);
  g_return_val_if_fail (range != NULL, FALSE);

  if (segment >= MIN (self->n_segments, MAX_SEGMENTS))
    return FALSE;
  *range = self->segments[segment];
  return TRUE;
}

GPtrArray *
jd_token_get_problems (JdToken *self)
{
  g_return_val_if_fail (JD_IS_TOKEN (self), NULL);
  ensure_payload (self);
  return self->problems;
}

gboolean
jd_token_is_malformed (JdToken *self)
{
  g_return_val_if_fail (JD_IS_TOKEN (self), TRUE);
  ensure_payload (self);
  return self->problems->len > 0;
}

const JdTokenProblem *
jd_token_get_encoding_problem (JdToken *self)
{
  g_return_val_if_fail (JD_IS_TOKEN (self), NULL);

  /* Known without reading the payload's JSON (see ensure_payload()). */
  for (guint i = 0; i < self->problems->len; i++)
    {
      JdTokenProblem *p = g_ptr_array_index (self->problems, i);
      if (p->code == JD_TOKEN_ERROR_BASE64 || p->code == JD_TOKEN_ERROR_SEGMENTS
          || p->code == JD_TOKEN_ERROR_EMPTY || p->code == JD_TOKEN_ERROR_TOO_LARGE
          || p->code == JD_TOKEN_ERROR_CRITICAL || p->code == JD_TOKEN_ERROR_GLUED)
        return p;
    }
  return NULL;
}

JsonObject *
jd_token_get_header (JdToken *self)
{
  g_return_val_if_fail (JD_IS_TOKEN (self), NULL);
  return self->header_node ? json_node_get_object (self->header_node) : NULL;
}

static const char *
header_string (JdToken *self, const char *name)
{
  JsonObject *header = jd_token_get_header (self);
  JsonNode *node;

  if (header == NULL)
    return NULL;
  node = json_object_get_member (header, name);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

const char *
jd_token_get_alg (JdToken *self)
{
  g_return_val_if_fail (JD_IS_TOKEN (self), NULL);
  return header_string (self, "alg");
}

const char *
jd_token_get_kid (JdToken *self)
{
  g_return_val_if_fail (JD_IS_TOKEN (self), NULL);
  return header_string (self, "kid");
}

const char *
jd_token_get_typ (JdToken *self)
{
  g_return_val_if_fail (JD_IS_TOKEN (self), NULL);
  return header_string (self, "typ");
}

const char *
jd_token_get_cty (JdToken *self)
{
  g_return_val_if_fail (JD_IS_TOKEN (self), NULL);
  return header_string (self, "cty");
}

gboolean
jd_token_is_nested (JdToken *self)
{
  const char *cty;

  g_return_val_if_fail (JD_IS_TOKEN (self), FALSE);
  cty = jd_token_get_cty (self);
  return cty != NULL && g_ascii_strcasecmp (cty, "JWT") == 0;
}

JsonObject *
jd_token_get_claims (JdToken *self)
{
  g_return_val_if_fail (JD_IS_TOKEN (self), NULL);
  ensure_payload (self);
  if (self->payload_node == NULL || !JSON_NODE_HOLDS_OBJECT (self->payload_node))
    return NULL;
  return json_node_get_object (self->payload_node);
}

JsonNode *
jd_token_get_payload_node (JdToken *self)
{
  g_return_val_if_fail (JD_IS_TOKEN (self), NULL);
  ensure_payload (self);
  return self->payload_node;
}

const char *
jd_token_get_payload_text (JdToken *self)
{
  g_return_val_if_fail (JD_IS_TOKEN (self), NULL);
  ensure_payload (self);
  return self->payload_text;
}

GBytes *
jd_token_get_signature (JdToken *self)
{
  g_return_val_if_fail (JD_IS_TOKEN (self), NULL);
  return self->signature;
}

GBytes *
jd_token_get_signing_input (JdToken *self)
{
  g_return_val_if_fail (JD_IS_TOKEN (self), NULL);
  return self->signing_input;
}
