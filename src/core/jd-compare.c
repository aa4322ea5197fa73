/* jd-compare.c — two tokens side by side: what differs, and what matters;
 * which two requests of a HAR to compare
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "jd-compare.h"
#include "jd-json.h"
#include "jd-time.h"

#define MAX_VALUE_CHARS 200

void
jd_compare_row_free (JdCompareRow *row)
{
  if (row == NULL)
    return;
  g_free (row->name);
  g_free (row->left);
  g_free (row->right);
  g_free (row->note);
  g_free (row);
}

char *
jd_compare_state_describe (JdCompareState state, const char *left_name, const char *right_name)
{
  switch (state)
    {
      case JD_COMPARE_SAME:
        return g_strdup (C_ ("comparison", "same"));
      case JD_COMPARE_DIFFERENT:
        return g_strdup (C_ ("comparison", "different"));
      case JD_COMPARE_ONLY_LEFT:
        if (left_name != NULL)
          /* TRANSLATORS: %s names the left side, e.g. "A" or "Worked" */
          return g_strdup_printf (C_ ("comparison", "only in %s"), left_name);
        return g_strdup (C_ ("comparison", "only in A"));
      case JD_COMPARE_ONLY_RIGHT:
        if (right_name != NULL)
          return g_strdup_printf (C_ ("comparison", "only in %s"), right_name);
        return g_strdup (C_ ("comparison", "only in B"));
      default:
        g_return_val_if_reached (g_strdup ("?"));
    }
}

/* ---- What matters ------------------------------------------------------- */

typedef struct
{
  const char *name;
  guint rank;
  const char *different; /* note when both have it and it differs */
  const char
    *one_side; /* when only one side has it: NULL no note, "" a plain note, or why it matters */
} Known;

static const Known known_header[] = {
  { "alg", 3,
    N_ ("different algorithm: the server accepts only the algorithms it was configured for"), "" },
  { "kid", 3, N_ ("different key id: signed with another key (rotated, or from another issuer)"),
    N_ ("the server may not find the key without it") },
  { "typ", 8, N_ ("different token type"), NULL },
  { "cty", 8, N_ ("different content type"), NULL },
  { "crit", 4, N_ ("different critical extensions"), "" },
  { "jku", 6, N_ ("different key set URL"), NULL },
  { "x5t", 7, N_ ("different certificate thumbprint"), NULL },
};

static const Known known_payload[] = {
  { "iss", 2, N_ ("different issuer: another tenant or environment"), "" },
  { "aud", 2, N_ ("different audience: minted for another API"), "" },
  { "sub", 6, N_ ("different subject"), NULL },
  { "azp", 5, N_ ("different authorized party (client)"), NULL },
  { "client_id", 5, N_ ("different client"), NULL },
  { "tid", 3, N_ ("different tenant"), "" },
  { "scope", 3, N_ ("different scopes"), "" },
  { "scp", 3, N_ ("different scopes"), "" },
  { "roles", 4, N_ ("different roles"), "" },
  { "exp", 7, NULL, "" },
  { "nbf", 7, NULL, "" },
  { "iat", 0, NULL, NULL },
};

static const Known *
find_known (const Known *table, gsize n, const char *name, gsize *position)
{
  for (gsize i = 0; i < n; i++)
    if (strcmp (table[i].name, name) == 0)
      {
        if (position != NULL)
          *position = i;
        return &table[i];
      }
  return NULL;
}

/* ---- Values ------------------------------------------------------------------ */

static char *
value_text (const char *name, JsonNode *node, gboolean is_payload)
{
  g_autofree char *json = NULL;
  double seconds;

  if (node == NULL)
    return NULL;

  json = jd_json_to_string (node, FALSE);
  if (g_utf8_strlen (json, -1) > MAX_VALUE_CHARS)
    {
      char *cut = g_utf8_offset_to_pointer (json, MAX_VALUE_CHARS);
      *cut = '\0';
      return g_strconcat (json, "…", NULL);
    }

  if (is_payload && jd_time_claim_from_name (name) != JD_TIME_CLAIM_NONE
      && jd_numeric_date_read (node, &seconds) == JD_NUMERIC_DATE_VALID)
    {
      g_autofree char *utc = jd_time_format_utc (seconds);
      if (utc != NULL)
        return g_strdup_printf ("%s (%s)", json, utc);
    }

  return g_steal_pointer (&json);
}

/* The scopes of a "scope"/"scp" value: a space-separated string (RFC 8693
 * §4.2, Azure's scp) or an array of strings. */
static GPtrArray *
scope_items (JsonNode *node)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_free);

  if (node == NULL)
    return items;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      g_auto (GStrv) parts = g_strsplit (json_node_get_string (node), " ", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        if (*parts[i] != '\0')
          g_ptr_array_add (items, g_strdup (parts[i]));
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *e = json_array_get_element (array, i);
          if (JSON_NODE_HOLDS_VALUE (e) && json_node_get_value_type (e) == G_TYPE_STRING)
            g_ptr_array_add (items, g_strdup (json_node_get_string (e)));
        }
    }
  return items;
}

static gboolean
has_string (GPtrArray *items, const char *s)
{
  for (guint i = 0; i < items->len; i++)
    if (g_strcmp0 (g_ptr_array_index (items, i), s) == 0)
      return TRUE;
  return FALSE;
}

/* "only in A: a, b; only in B: c", or NULL when the sets are equal. */
static char *
describe_set_difference (JsonNode *left, JsonNode *right)
{
  g_autoptr (GPtrArray) l = scope_items (left);
  g_autoptr (GPtrArray) r = scope_items (right);
  g_autoptr (GString) only_l = g_string_new (NULL);
  g_autoptr (GString) only_r = g_string_new (NULL);
  g_autoptr (GString) s = g_string_new (NULL);

  for (guint i = 0; i < l->len; i++)
    if (!has_string (r, g_ptr_array_index (l, i)))
      g_string_append_printf (only_l, "%s%s", only_l->len ? ", " : "",
                              (char *)g_ptr_array_index (l, i));
  for (guint i = 0; i < r->len; i++)
    if (!has_string (l, g_ptr_array_index (r, i)))
      g_string_append_printf (only_r, "%s%s", only_r->len ? ", " : "",
                              (char *)g_ptr_array_index (r, i));

  if (only_l->len == 0 && only_r->len == 0)
    return NULL;
  if (only_l->len > 0)
    /* TRANSLATORS: %s is a list of scopes or roles */
    g_string_append_printf (s, _ ("only in A: %s"), only_l->str);
  if (only_r->len > 0)
    {
      if (s->len > 0)
        g_string_append (s, "; ");
      g_string_append_printf (s, _ ("only in B: %s"), only_r->str);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* ---- Rows ------------------------------------------------------------------ */

static JdCompareRow *
row_new (JdCompareSection section, const char *name, char *left, char *right, JdCompareState state)
{
  JdCompareRow *row = g_new0 (JdCompareRow, 1);

  row->section = section;
  row->name = g_strdup (name);
  row->left = left;
  row->right = right;
  row->state = state;
  return row;
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *)a, *(const char *const *)b);
}

/* The members of either object: the known ones first, in @table's order;
 * the rest by name. (element-type utf8) (transfer container) */
static GPtrArray *
member_names (const Known *table, gsize n_known, JsonObject *left, JsonObject *right)
{
  GPtrArray *names = g_ptr_array_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *objects[2] = { left, right };
  guint n_first = 0;

  for (gsize k = 0; k < n_known; k++)
    if ((left != NULL && json_object_has_member (left, table[k].name))
        || (right != NULL && json_object_has_member (right, table[k].name)))
      {
        g_ptr_array_add (names, (gpointer)table[k].name);
        g_hash_table_add (seen, (gpointer)table[k].name);
      }
  n_first = names->len;

  for (guint o = 0; o < 2; o++)
    {
      JsonObjectIter iter;
      const char *name;

      if (objects[o] == NULL)
        continue;
      json_object_iter_init (&iter, objects[o]);
      while (json_object_iter_next (&iter, &name, NULL))
        if (!g_hash_table_contains (seen, name))
          {
            g_hash_table_add (seen, (gpointer)name);
            g_ptr_array_add (names, (gpointer)name);
          }
    }
  if (names->len > n_first)
    qsort (names->pdata + n_first, names->len - n_first, sizeof (gpointer), compare_names);
  return names;
}

/* The note of a known member whose values differ. */
static void
note_different (JdCompareRow *row, const Known *known, const char *name, JsonNode *l, JsonNode *r,
                gboolean is_payload)
{
  if (is_payload
      && (g_str_equal (name, "scope") || g_str_equal (name, "scp") || g_str_equal (name, "roles")))
    {
      g_autofree char *diff = describe_set_difference (l, r);

      if (diff != NULL)
        /* TRANSLATORS: "different scopes (only in B: orders:write)" */
        row->note = g_strdup_printf ("%s (%s)", _ (known->different), diff);
      else
        row->note
          = g_strdup_printf (_ ("%s, written differently (same items)"), _ (known->different));
    }
  else if (is_payload && g_str_equal (name, "exp"))
    {
      double le, re;

      if (jd_numeric_date_read (l, &le) == JD_NUMERIC_DATE_VALID
          && jd_numeric_date_read (r, &re) == JD_NUMERIC_DATE_VALID)
        {
          g_autofree char *d = jd_time_format_duration ((gint64)(re - le));
          row->note = re > le
                        /* TRANSLATORS: %s is a duration, "1 hour" */
                        ? g_strdup_printf (_ ("token B expires %s later"), d)
                        : g_strdup_printf (_ ("token B expires %s earlier"), d);
        }
    }
  else if (is_payload && g_str_equal (name, "nbf"))
    row->note = g_strdup (_ ("different not-before time"));
  else if (known->different != NULL)
    row->note = g_strdup (_ (known->different));
}

/* The note of a known member that only one token has. */
static void
note_one_side (JdCompareRow *row, const Known *known, const char *name, JdCompareState state)
{
  g_autofree char *base = NULL;

  if (known->one_side == NULL)
    return;
  base = state == JD_COMPARE_ONLY_LEFT
           /* TRANSLATORS: %s is a claim or header name, "aud" */
           ? g_strdup_printf (_ ("%s only in token A"), name)
           : g_strdup_printf (_ ("%s only in token B"), name);
  if (*known->one_side != '\0')
    row->note = g_strdup_printf ("%s: %s", base, _ (known->one_side));
  else
    row->note = g_steal_pointer (&base);
}

static void
compare_objects (GPtrArray *rows, JdCompareSection section, JsonObject *left, JsonObject *right)
{
  gboolean is_payload = section == JD_COMPARE_SECTION_PAYLOAD;
  const Known *table = is_payload ? known_payload : known_header;
  gsize n_known = is_payload ? G_N_ELEMENTS (known_payload) : G_N_ELEMENTS (known_header);
  g_autoptr (GPtrArray) names = member_names (table, n_known, left, right);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      JsonNode *l = left != NULL && json_object_has_member (left, name)
                      ? json_object_get_member (left, name)
                      : NULL;
      JsonNode *r = right != NULL && json_object_has_member (right, name)
                      ? json_object_get_member (right, name)
                      : NULL;
      const Known *known = find_known (table, n_known, name, NULL);
      JdCompareState state;
      JdCompareRow *row;

      if (l != NULL && r != NULL)
        state = json_node_equal (l, r) ? JD_COMPARE_SAME : JD_COMPARE_DIFFERENT;
      else
        state = l != NULL ? JD_COMPARE_ONLY_LEFT : JD_COMPARE_ONLY_RIGHT;

      row = row_new (section, name, value_text (name, l, is_payload),
                     value_text (name, r, is_payload), state);
      g_ptr_array_add (rows, row);

      if (known == NULL || state == JD_COMPARE_SAME)
        continue;
      row->rank = known->rank;
      if (state == JD_COMPARE_DIFFERENT)
        note_different (row, known, name, l, r, is_payload);
      else
        note_one_side (row, known, name, state);
    }
}

static gboolean
get_lifetime (JsonObject *claims, gint64 *lifetime)
{
  double exp, iat;

  if (claims == NULL || jd_numeric_date_get_member (claims, "exp", &exp) != JD_NUMERIC_DATE_VALID
      || jd_numeric_date_get_member (claims, "iat", &iat) != JD_NUMERIC_DATE_VALID)
    return FALSE;
  *lifetime = (gint64)(exp - iat);
  return TRUE;
}

static char *
lifetime_text (gint64 lifetime)
{
  g_autofree char *d = jd_time_format_duration (lifetime);

  if (lifetime < 0)
    /* TRANSLATORS: exp is before iat */
    return g_strdup_printf (_ ("−%s (exp before iat)"), d);
  return g_steal_pointer (&d);
}

static void
add_lifetime (GPtrArray *rows, JsonObject *left, JsonObject *right)
{
  gint64 l = 0, r = 0;
  gboolean has_l = get_lifetime (left, &l);
  gboolean has_r = get_lifetime (right, &r);
  JdCompareRow *row;
  JdCompareState state;

  if (!has_l && !has_r)
    return;

  if (has_l && has_r)
    state = l == r ? JD_COMPARE_SAME : JD_COMPARE_DIFFERENT;
  else
    state = has_l ? JD_COMPARE_ONLY_LEFT : JD_COMPARE_ONLY_RIGHT;

  row = row_new (JD_COMPARE_SECTION_DERIVED, _ ("lifetime (exp − iat)"),
                 has_l ? lifetime_text (l) : NULL, has_r ? lifetime_text (r) : NULL, state);
  if (state == JD_COMPARE_DIFFERENT)
    {
      row->rank = 5;
      /* TRANSLATORS: "different lifetime: 1 hour vs 5 minutes" */
      row->note = g_strdup_printf (_ ("different lifetime: %s vs %s"), row->left, row->right);
    }
  g_ptr_array_add (rows, row);
}

/* The token's state at @at by its exp (and nbf): the words, and a coarse
 * class (0 valid, 1 within the leeway or close, 2 expired / not yet valid,
 * 3 no exp). */
static char *
moment_text (JsonObject *claims, gint64 at, gint64 leeway, int *klass)
{
  double exp, nbf;

  if (claims != NULL && jd_numeric_date_get_member (claims, "nbf", &nbf) == JD_NUMERIC_DATE_VALID
      && jd_time_badge_state (JD_TIME_CLAIM_NOT_BEFORE, nbf, at, leeway) == JD_BADGE_ERROR)
    {
      *klass = 2;
      return jd_time_badge_text (JD_TIME_CLAIM_NOT_BEFORE, nbf, at, leeway);
    }

  if (claims == NULL || jd_numeric_date_get_member (claims, "exp", &exp) != JD_NUMERIC_DATE_VALID)
    {
      *klass = 3;
      return g_strdup (_ ("no usable exp"));
    }

  switch (jd_time_badge_state (JD_TIME_CLAIM_EXPIRY, exp, at, leeway))
    {
      case JD_BADGE_ERROR:
        *klass = 2;
        break;
      case JD_BADGE_WARNING:
        *klass = exp <= (double)at ? 2 : 1;
        break;
      case JD_BADGE_OK:
      case JD_BADGE_NONE:
      default:
        *klass = 0;
        break;
    }
  return jd_time_badge_text (JD_TIME_CLAIM_EXPIRY, exp, at, leeway);
}

static void
add_moment (GPtrArray *rows, JsonObject *left, JsonObject *right, gint64 left_at, gint64 right_at,
            gint64 leeway)
{
  int lk = 3, rk = 3;
  char *l = left_at != 0 ? moment_text (left, left_at, leeway, &lk) : NULL;
  char *r = right_at != 0 ? moment_text (right, right_at, leeway, &rk) : NULL;
  JdCompareState state;
  JdCompareRow *row;

  if (l == NULL && r == NULL)
    return;
  if (l != NULL && r != NULL)
    state = lk == rk ? JD_COMPARE_SAME : JD_COMPARE_DIFFERENT;
  else
    state = l != NULL ? JD_COMPARE_ONLY_LEFT : JD_COMPARE_ONLY_RIGHT;

  row = row_new (JD_COMPARE_SECTION_DERIVED, _ ("at the moment of use"), l, r, state);
  if (state == JD_COMPARE_DIFFERENT && (lk == 2 || rk == 2))
    {
      row->rank = 1;
      if (lk == 2 && rk != 2)
        row->note = g_strdup_printf (_ ("token A had expired when it was used (%s)"), l);
      else if (rk == 2 && lk != 2)
        row->note = g_strdup_printf (_ ("token B had expired when it was used (%s)"), r);
      else
        row->note = g_strdup (_ ("different validity at the moment of use"));
    }
  else if (state == JD_COMPARE_DIFFERENT)
    {
      row->rank = 7;
      row->note = g_strdup (_ ("different validity at the moment of use"));
    }
  g_ptr_array_add (rows, row);
}

static char *
decoding_text (JdToken *token, int *klass)
{
  GPtrArray *problems = jd_token_get_problems (token);

  if (jd_token_get_kind (token) == JD_TOKEN_KIND_JWE)
    {
      *klass = 1;
      return g_strdup (_ ("encrypted (JWE): only the header is readable"));
    }
  if (jd_token_is_malformed (token) && problems->len > 0)
    {
      const JdTokenProblem *p = g_ptr_array_index (problems, 0);
      *klass = 2;
      return g_strdup (p->message);
    }
  if (jd_token_get_claims (token) == NULL)
    {
      *klass = 1;
      return g_strdup (_ ("the payload is not a JSON object"));
    }
  *klass = 0;
  return g_strdup (_ ("decoded"));
}

static void
add_decoding (GPtrArray *rows, JdToken *left, JdToken *right)
{
  int lk, rk;
  char *l = decoding_text (left, &lk);
  char *r = decoding_text (right, &rk);
  JdCompareRow *row;

  if (lk == 0 && rk == 0)
    {
      g_free (l);
      g_free (r);
      return;
    }

  row = row_new (JD_COMPARE_SECTION_DERIVED, _ ("decoding"), l, r,
                 g_strcmp0 (l, r) == 0 ? JD_COMPARE_SAME : JD_COMPARE_DIFFERENT);
  if (row->state == JD_COMPARE_DIFFERENT)
    {
      row->rank = 1;
      if (lk > 0 && rk == 0)
        row->note = g_strdup (_ ("token A cannot be fully decoded"));
      else if (rk > 0 && lk == 0)
        row->note = g_strdup (_ ("token B cannot be fully decoded"));
      else
        row->note = g_strdup (_ ("neither token can be fully decoded"));
    }
  g_ptr_array_add (rows, row);
}

GPtrArray *
jd_compare_tokens (JdToken *left, JdToken *right, gint64 left_at, gint64 right_at, gint64 leeway)
{
  GPtrArray *rows;
  JsonObject *lc, *rc;

  g_return_val_if_fail (JD_IS_TOKEN (left), NULL);
  g_return_val_if_fail (JD_IS_TOKEN (right), NULL);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify)jd_compare_row_free);
  lc = jd_token_get_claims (left);
  rc = jd_token_get_claims (right);

  compare_objects (rows, JD_COMPARE_SECTION_HEADER, jd_token_get_header (left),
                   jd_token_get_header (right));
  compare_objects (rows, JD_COMPARE_SECTION_PAYLOAD, lc, rc);
  add_lifetime (rows, lc, rc);
  add_moment (rows, lc, rc, left_at, right_at, MAX (leeway, 0));
  add_decoding (rows, left, right);

  return rows;
}

guint
jd_compare_count_differences (GPtrArray *rows)
{
  guint n = 0;

  g_return_val_if_fail (rows != NULL, 0);

  for (guint i = 0; i < rows->len; i++)
    if (((JdCompareRow *)g_ptr_array_index (rows, i))->state != JD_COMPARE_SAME)
      n++;
  return n;
}

char **
jd_compare_dup_notes (GPtrArray *rows)
{
  g_autoptr (GPtrArray) noted = g_ptr_array_new ();
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  guint n_different;

  g_return_val_if_fail (rows != NULL, NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      JdCompareRow *row = g_ptr_array_index (rows, i);
      if (row->state != JD_COMPARE_SAME && row->note != NULL && row->rank > 0)
        g_ptr_array_add (noted, row);
    }
  /* g_ptr_array_sort is not stable: keep the row order within a rank */
  for (guint rank = 1; rank <= 10; rank++)
    for (guint i = 0; i < noted->len; i++)
      {
        JdCompareRow *row = g_ptr_array_index (noted, i);
        if (row->rank == rank || (rank == 10 && row->rank > 10))
          g_strv_builder_add (builder, row->note);
      }

  /* Every difference the count names is in the list: the ones without a
   * note of their own by name, on one line. */
  n_different = jd_compare_count_differences (rows);
  if (n_different == 0)
    g_strv_builder_add (builder, _ ("The two tokens carry the same header and claims."));
  else if (n_different > noted->len)
    {
      g_autoptr (GString) names = g_string_new (NULL);
      g_autofree char *line = NULL;

      for (guint i = 0; i < rows->len; i++)
        {
          JdCompareRow *row = g_ptr_array_index (rows, i);

          if (row->state == JD_COMPARE_SAME || g_ptr_array_find (noted, row, NULL))
            continue;
          g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "", row->name);
        }
      if (noted->len == 0)
        /* TRANSLATORS: %s lists member names, "jti, iat" */
        line
          = g_strdup_printf (_ ("Only ordinary members differ (%s); nothing that usually decides "
                                "acceptance."),
                             names->str);
      else
        /* TRANSLATORS: %s lists member names, "jti, iat" */
        line = g_strdup_printf (_ ("also different: %s"), names->str);
      g_strv_builder_add (builder, line);
    }

  return g_strv_builder_end (builder);
}

gboolean
jd_compare_same_token (JdToken *left, JdToken *right)
{
  g_return_val_if_fail (JD_IS_TOKEN (left), FALSE);
  g_return_val_if_fail (JD_IS_TOKEN (right), FALSE);

  return jd_token_get_length (left) == jd_token_get_length (right)
         && memcmp (jd_token_get_text (left), jd_token_get_text (right), jd_token_get_length (left))
              == 0;
}

/* ---- Pairing requests of a HAR ---------------------------------------------- */

gboolean
jd_compare_entry_worked (JdHarEntry *entry)
{
  g_return_val_if_fail (JD_IS_HAR_ENTRY (entry), FALSE);

  guint status = jd_har_entry_get_status (entry);
  return status >= 200 && status < 400;
}

static gboolean
same_path (JdHarEntry *a, JdHarEntry *b)
{
  return g_strcmp0 (jd_har_entry_get_path (a), jd_har_entry_get_path (b)) == 0;
}

/* The token-carrying entry with the wanted outcome closest to @entry: the
 * same path first, then the nearest start time, then file order. */
static JdHarEntry *
find_partner (JdHar *har, JdHarEntry *entry, gboolean want_worked)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (har));
  JdHarEntry *best = NULL;
  gboolean best_same_path = FALSE;
  double best_distance = G_MAXDOUBLE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (JdHarEntry) e = g_list_model_get_item (G_LIST_MODEL (har), i);
      gboolean sp;
      double distance;

      if (e == entry || !jd_har_entry_has_token (e))
        continue;
      if (want_worked ? !jd_compare_entry_worked (e) : !jd_har_entry_is_auth_failure (e))
        continue;

      sp = same_path (e, entry);
      distance
        = jd_har_entry_has_started (e) && jd_har_entry_has_started (entry)
            ? ABS (jd_har_entry_get_started (e) - jd_har_entry_get_started (entry))
            : ABS ((double)jd_har_entry_get_index (e) - (double)jd_har_entry_get_index (entry))
                * 1e9;

      if (best == NULL || (sp && !best_same_path)
          || (sp == best_same_path && distance < best_distance))
        {
          best = e;
          best_same_path = sp;
          best_distance = distance;
        }
    }
  return best;
}

void
jd_compare_pick_pair (JdHar *har, JdHarEntry *entry, JdHarEntry **worked, JdHarEntry **failed)
{
  g_return_if_fail (JD_IS_HAR (har));
  g_return_if_fail (worked != NULL && failed != NULL);

  *worked = NULL;
  *failed = NULL;

  if (entry == NULL || !jd_har_entry_has_token (entry))
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (har));

      entry = NULL;
      for (guint i = 0; i < n && entry == NULL; i++)
        {
          g_autoptr (JdHarEntry) e = g_list_model_get_item (G_LIST_MODEL (har), i);
          if (jd_har_entry_has_token (e) && jd_har_entry_is_auth_failure (e))
            entry = e;
        }
      if (entry == NULL)
        return;
    }

  if (jd_compare_entry_worked (entry))
    {
      *worked = entry;
      *failed = find_partner (har, entry, FALSE);
    }
  else
    {
      *failed = entry;
      *worked = find_partner (har, entry, TRUE);
    }
}
