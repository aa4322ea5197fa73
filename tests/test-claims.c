/* test-claims.c — claim meanings and the claims tree (time text and badges:
 * test-claims-time.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "jd-claims.h"
#include "jd-time.h"
#include "test-claims-util.h"

/* ---- Meanings ---------------------------------------------------------- */

static const char *payload_claims[] = {
  /* RFC 7519 */
  "iss",
  "sub",
  "aud",
  "exp",
  "nbf",
  "iat",
  "jti",
  /* OIDC Core */
  "name",
  "given_name",
  "family_name",
  "middle_name",
  "nickname",
  "preferred_username",
  "profile",
  "picture",
  "website",
  "email",
  "email_verified",
  "gender",
  "birthdate",
  "zoneinfo",
  "locale",
  "phone_number",
  "phone_number_verified",
  "address",
  "updated_at",
  "auth_time",
  "nonce",
  "acr",
  "amr",
  "azp",
  "at_hash",
  "c_hash",
  "sid",
  /* Azure AD */
  "tid",
  "oid",
  "appid",
  "azp",
  "scp",
  "roles",
  "ver",
  "idp",
  "upn",
  "unique_name",
  "preferred_username",
  "amr",
  "uti",
  "rh",
  "wids",
  "xms_cc",
  "xms_tcdt",
  "xms_anything",
  /* Auth0 / Okta */
  "scope",
  "permissions",
  "gty",
  "cid",
  "uid",
  "scp",
  /* Keycloak */
  "realm_access",
  "resource_access",
  "session_state",
  "sid",
  "acr",
  "allowed-origins",
  "typ",
  "azp",
  /* Google / Firebase */
  "firebase",
  "email_verified",
  "auth_time",
  "hd",
  "user_id",
  "picture",
};

static const char *header_params[] = {
  "alg", "typ",      "kid",  "cty", "jku", "jwk", "x5u",   "x5c",
  "x5t", "x5t#S256", "crit", "enc", "zip", "epk", "nonce",
};

/* @name has a meaning of more than a few words in @section. */
static void
assert_meaning (JdClaimsSection section, const char *name)
{
  const char *meaning = jd_claims_get_meaning (section, name);

  if (meaning == NULL)
    g_test_message ("no meaning for %s %s",
                    section == JD_CLAIMS_SECTION_PAYLOAD ? "payload claim" : "header parameter",
                    name);
  g_assert_nonnull (meaning);
  g_assert_cmpuint (strlen (meaning), >, 10);
}

static void
test_meaning_payload (gconstpointer data)
{
  assert_meaning (JD_CLAIMS_SECTION_PAYLOAD, data);
}

static void
test_meaning_header (gconstpointer data)
{
  assert_meaning (JD_CLAIMS_SECTION_HEADER, data);
}

static void
test_meaning_context (void)
{
  const char *header_nonce = jd_claims_get_meaning (JD_CLAIMS_SECTION_HEADER, "nonce");
  const char *payload_nonce = jd_claims_get_meaning (JD_CLAIMS_SECTION_PAYLOAD, "nonce");
  const char *header_typ = jd_claims_get_meaning (JD_CLAIMS_SECTION_HEADER, "typ");
  const char *payload_typ = jd_claims_get_meaning (JD_CLAIMS_SECTION_PAYLOAD, "typ");

  g_assert_cmpstr (header_nonce, !=, payload_nonce);
  g_assert_nonnull (strstr (header_nonce, "Graph"));
  g_assert_null (strstr (payload_nonce, "Graph"));
  g_assert_cmpstr (header_typ, !=, payload_typ);
  g_assert_nonnull (strstr (payload_typ, "Keycloak"));

  /* Payload-only claims are not header parameters, and the other way round. */
  g_assert_null (jd_claims_get_meaning (JD_CLAIMS_SECTION_HEADER, "exp"));
  g_assert_null (jd_claims_get_meaning (JD_CLAIMS_SECTION_PAYLOAD, "kid"));
  g_assert_null (jd_claims_get_meaning (JD_CLAIMS_SECTION_PAYLOAD, "x5t#S256"));
}

static void
test_meaning_unknown (void)
{
  g_assert_null (jd_claims_get_meaning (JD_CLAIMS_SECTION_PAYLOAD, "favourite_colour"));
  g_assert_null (jd_claims_get_meaning (JD_CLAIMS_SECTION_HEADER, "favourite_colour"));
  g_assert_null (jd_claims_get_meaning (JD_CLAIMS_SECTION_PAYLOAD, ""));
  /* Claims are case-sensitive. */
  g_assert_null (jd_claims_get_meaning (JD_CLAIMS_SECTION_PAYLOAD, "EXP"));
  g_assert_null (jd_claims_get_meaning (JD_CLAIMS_SECTION_PAYLOAD, "xms"));
  g_assert_null (jd_claims_get_meaning_for_path (JD_CLAIMS_SECTION_PAYLOAD, "realm_access.colour"));
  g_assert_null (jd_claims_get_meaning_for_path (JD_CLAIMS_SECTION_PAYLOAD, "[0]"));
}

static void
test_meaning_patterns (void)
{
  const char *roles
    = jd_claims_get_meaning_for_path (JD_CLAIMS_SECTION_PAYLOAD, "realm_access.roles");

  g_assert_nonnull (roles);
  g_assert_cmpstr (
    jd_claims_get_meaning_for_path (JD_CLAIMS_SECTION_PAYLOAD, "realm_access.roles[3]"), ==, roles);
  g_assert_nonnull (
    jd_claims_get_meaning_for_path (JD_CLAIMS_SECTION_PAYLOAD, "resource_access.account.roles"));
  g_assert_nonnull (
    jd_claims_get_meaning_for_path (JD_CLAIMS_SECTION_PAYLOAD, "resource_access.my-api"));
  g_assert_nonnull (
    jd_claims_get_meaning_for_path (JD_CLAIMS_SECTION_PAYLOAD, "firebase.sign_in_provider"));
  g_assert_nonnull (jd_claims_get_meaning_for_path (JD_CLAIMS_SECTION_PAYLOAD, "cnf.jkt"));
  g_assert_nonnull (jd_claims_get_meaning_for_path (JD_CLAIMS_SECTION_HEADER, "jwk.kty"));
  g_assert_cmpstr (jd_claims_get_meaning_for_path (JD_CLAIMS_SECTION_PAYLOAD, "exp"), ==,
                   jd_claims_get_meaning (JD_CLAIMS_SECTION_PAYLOAD, "exp"));
  g_assert_nonnull (jd_claims_get_meaning (JD_CLAIMS_SECTION_PAYLOAD, "xms_st"));
  g_assert_nonnull (jd_claims_get_meaning (JD_CLAIMS_SECTION_PAYLOAD, "https://example.com/roles"));
}

static void
test_meaning_list (void)
{
  g_autofree const char **header = jd_claims_list_known (JD_CLAIMS_SECTION_HEADER);
  g_autofree const char **payload = jd_claims_list_known (JD_CLAIMS_SECTION_PAYLOAD);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_true (g_strv_contains (header, "x5t#S256"));
  g_assert_true (g_strv_contains (payload, "allowed-origins"));
  for (guint i = 0; payload[i] != NULL; i++)
    {
      /* No name twice in a table: the second entry would never be read. */
      g_assert_false (g_hash_table_contains (seen, payload[i]));
      g_hash_table_add (seen, (gpointer)payload[i]);
      g_assert_nonnull (jd_claims_get_meaning (JD_CLAIMS_SECTION_PAYLOAD, payload[i]));
    }
  g_hash_table_remove_all (seen);
  for (guint i = 0; header[i] != NULL; i++)
    {
      g_assert_false (g_hash_table_contains (seen, header[i]));
      g_hash_table_add (seen, (gpointer)header[i]);
    }
}

/* ---- The tree model ---------------------------------------------------- */

static const char nested_payload[]
  = "{"
    "  \"iss\": \"https://kc.example/realms/demo\","
    "  \"exp\": 1748441531,"
    "  \"iat\": 1748437931.25,"
    "  \"aud\": [\"account\", \"api\", \"web\"],"
    "  \"realm_access\": { \"roles\": [\"admin\", \"user\"] },"
    "  \"resource_access\": { \"account\": { \"roles\": [\"view-profile\"] } },"
    "  \"email_verified\": true,"
    "  \"middle_name\": null,"
    "  \"empty_list\": [],"
    "  \"empty_object\": {},"
    "  \"https://example.com/roles\": [\"reader\"],"
    "  \"ratio\": 0.1,"
    "  \"big\": 1e3,"
    "  \"as_string\": \"1748441531\""
    "}";

static GListModel *
nested_model (void)
{
  g_autoptr (JsonNode) root = parse (nested_payload);

  return jd_claims_model_new (json_node_get_object (root), JD_CLAIMS_SECTION_PAYLOAD);
}

static JdClaimNode *
item (GListModel *model, guint position)
{
  JdClaimNode *node = g_list_model_get_item (model, position);

  g_assert_nonnull (node);
  g_object_unref (node); /* the model keeps it alive */
  return node;
}

static void
test_model_shape (void)
{
  g_autoptr (GListModel) model = nested_model ();
  g_autoptr (GListModel) aud_children = NULL;
  g_autoptr (GListModel) aud_again = NULL;
  g_autoptr (GListModel) realm_children = NULL;
  g_autoptr (GListModel) roles = NULL;
  g_autoptr (GListModel) from_func = NULL;
  const char *names[] = {
    "iss",
    "exp",
    "iat",
    "aud",
    "realm_access",
    "resource_access",
    "email_verified",
    "middle_name",
    "empty_list",
    "empty_object",
    "https://example.com/roles",
    "ratio",
    "big",
    "as_string",
  };
  JdClaimNode *node;

  g_assert_true (JD_IS_CLAIMS_MODEL (model));
  g_assert_true (g_list_model_get_item_type (model) == JD_TYPE_CLAIM_NODE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (names));
  g_assert_null (g_list_model_get_item (model, G_N_ELEMENTS (names)));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpstr (jd_claim_node_get_name (item (model, i)), ==, names[i]);

  /* Scalars. */
  node = item (model, 0);
  g_assert_cmpstr (jd_claim_node_get_path (node), ==, "iss");
  g_assert_cmpstr (jd_claim_node_get_value_text (node), ==, "\"https://kc.example/realms/demo\"");
  g_assert_nonnull (jd_claim_node_get_meaning (node));
  g_assert_false (jd_claim_node_get_is_time (node));
  g_assert_cmpint (jd_claim_node_get_badge_state (node), ==, JD_BADGE_NONE);
  g_assert_null (jd_claim_node_get_badge_text (node));
  g_assert_null (jd_claim_node_get_children (node));
  g_assert_cmpint (jd_claim_node_get_section (node), ==, JD_CLAIMS_SECTION_PAYLOAD);
  g_assert_cmpstr (json_node_get_string (jd_claim_node_get_node (node)), ==,
                   "https://kc.example/realms/demo");

  g_assert_cmpstr (jd_claim_node_get_value_text (item (model, 1)), ==, "1748441531");
  g_assert_true (jd_claim_node_get_is_time (item (model, 1)));
  g_assert_cmpstr (jd_claim_node_get_value_text (item (model, 2)), ==, "1748437931.25");
  g_assert_true (jd_claim_node_get_is_time (item (model, 2)));
  g_assert_cmpstr (jd_claim_node_get_value_text (item (model, 6)), ==, "true");
  g_assert_cmpstr (jd_claim_node_get_value_text (item (model, 7)), ==, "null");
  g_assert_cmpstr (jd_claim_node_get_value_text (item (model, 11)), ==, "0.1");
  g_assert_cmpstr (jd_claim_node_get_value_text (item (model, 12)), ==, "1000");
  /* A number in a string keeps its quotes: it is not a NumericDate. */
  g_assert_cmpstr (jd_claim_node_get_value_text (item (model, 13)), ==, "\"1748441531\"");

  /* Empty containers have no children (no expander). */
  node = item (model, 8);
  g_assert_cmpstr (jd_claim_node_get_value_text (node), ==, "[]");
  g_assert_null (jd_claim_node_get_children (node));
  node = item (model, 9);
  g_assert_cmpstr (jd_claim_node_get_value_text (node), ==, "{}");
  g_assert_null (jd_claim_node_get_children (node));

  /* An array of strings shows them (issue 12: not "3 items"); children
   * [0]…[2], the same model every time. */
  node = item (model, 3);
  g_assert_cmpstr (jd_claim_node_get_value_text (node), ==, "[\"account\", \"api\", \"web\"]");
  aud_children = jd_claim_node_get_children (node);
  aud_again = jd_claim_node_get_children (node);
  g_assert_true (aud_children == aud_again);
  g_assert_cmpuint (g_list_model_get_n_items (aud_children), ==, 3);
  g_assert_cmpstr (jd_claim_node_get_name (item (aud_children, 2)), ==, "[2]");
  g_assert_cmpstr (jd_claim_node_get_path (item (aud_children, 2)), ==, "aud[2]");
  g_assert_cmpstr (jd_claim_node_get_value_text (item (aud_children, 2)), ==, "\"web\"");
  g_assert_null (jd_claim_node_get_meaning (item (aud_children, 2)));
  from_func = jd_claims_create_child_model (node, NULL);
  g_assert_true (from_func == aud_children);

  /* Objects in objects. */
  node = item (model, 4);
  g_assert_cmpstr (jd_claim_node_get_value_text (node), ==, "1 member");
  realm_children = jd_claim_node_get_children (node);
  g_assert_cmpuint (g_list_model_get_n_items (realm_children), ==, 1);
  node = item (realm_children, 0);
  g_assert_cmpstr (jd_claim_node_get_name (node), ==, "roles");
  g_assert_cmpstr (jd_claim_node_get_path (node), ==, "realm_access.roles");
  g_assert_cmpstr (jd_claim_node_get_value_text (node), ==, "[\"admin\", \"user\"]");
  g_assert_nonnull (jd_claim_node_get_meaning (node));
  g_assert_false (jd_claim_node_get_is_time (node));
  roles = jd_claim_node_get_children (node);
  g_assert_cmpstr (jd_claim_node_get_path (item (roles, 0)), ==, "realm_access.roles[0]");
  g_assert_cmpstr (jd_claim_node_get_value_text (item (roles, 1)), ==, "\"user\"");

  /* A name that is not plain is bracketed in paths. */
  node = item (model, 10);
  g_assert_cmpstr (jd_claim_node_get_path (node), ==, "[\"https://example.com/roles\"]");
  g_assert_nonnull (jd_claim_node_get_meaning (node));
}

static void
test_model_properties (void)
{
  g_autoptr (GListModel) model = nested_model ();
  JdClaimNode *exp;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autoptr (JsonNode) json = NULL;
  gboolean is_time = FALSE;
  JdBadgeState state = JD_BADGE_NONE;

  jd_claims_model_set_now (model, EXP + 3 * 3600, 60);
  g_assert_cmpint (jd_claims_model_get_now (model), ==, EXP + 3 * 3600);
  g_assert_cmpint (jd_claims_model_get_leeway (model), ==, 60);

  exp = item (model, 1);
  g_object_get (exp, "name", &name, "badge-text", &text, "is-time", &is_time, "badge-state", &state,
                "node", &json, NULL);
  g_assert_cmpstr (name, ==, "exp");
  g_assert_cmpstr (text, ==, "expired 3 hours ago");
  g_assert_true (is_time);
  g_assert_cmpint (state, ==, JD_BADGE_ERROR);
  g_assert_cmpint (json_node_get_int (json), ==, EXP);
  g_assert_cmpstr (jd_claim_node_get_badge_tooltip (exp), ==,
                   "2025-05-28T14:12:11Z (UTC)\n"
                   "2025-05-28 14:12:11 UTC (local time)\n"
                   "1748441531 (raw value)");

  /* iat 1748437931.25 is 3599.75 s before exp, so 14399.75 s ago: the
   * count is truncated, 3 hours and not 4. */
  g_assert_cmpstr (jd_claim_node_get_badge_text (item (model, 2)), ==, "issued 3 hours ago");
  g_assert_cmpint (jd_claim_node_get_badge_state (item (model, 2)), ==, JD_BADGE_OK);
}

static void
test_model_time_not_numeric (void)
{
  g_autoptr (JsonNode) root = parse ("{\"exp\": \"2026-05-28T14:02:11Z\", \"auth_time\": true}");
  g_autoptr (GListModel) model
    = jd_claims_model_new (json_node_get_object (root), JD_CLAIMS_SECTION_PAYLOAD);
  JdClaimNode *exp = item (model, 0);
  JdClaimNode *auth_time = item (model, 1);

  g_assert_true (jd_claim_node_get_is_time (exp));
  g_assert_cmpint (jd_claim_node_get_badge_state (exp), ==, JD_BADGE_ERROR);
  g_assert_cmpstr (jd_claim_node_get_badge_text (exp), ==, "not a NumericDate");
  g_assert_nonnull (strstr (jd_claim_node_get_badge_tooltip (exp), "1779976931"));
  g_assert_cmpint (jd_claim_node_get_badge_state (auth_time), ==, JD_BADGE_WARNING);
  g_assert_nonnull (strstr (jd_claim_node_get_badge_tooltip (auth_time), "the boolean true"));
}

static void
test_model_header (void)
{
  g_autoptr (JsonNode) root = parse ("{\"alg\": \"RS256\", \"typ\": \"JWT\", \"nonce\": \"abc\", "
                                     "\"x5t#S256\": \"xyz\", \"exp\": 1}");
  g_autoptr (GListModel) model
    = jd_claims_model_new (json_node_get_object (root), JD_CLAIMS_SECTION_HEADER);
  JdClaimNode *nonce = item (model, 2);
  JdClaimNode *exp = item (model, 4);

  g_assert_cmpint (jd_claim_node_get_section (nonce), ==, JD_CLAIMS_SECTION_HEADER);
  g_assert_cmpstr (jd_claim_node_get_meaning (nonce), ==,
                   jd_claims_get_meaning (JD_CLAIMS_SECTION_HEADER, "nonce"));
  g_assert_cmpstr (jd_claim_node_get_path (item (model, 3)), ==, "x5t#S256");
  /* No time badges in a header. */
  g_assert_false (jd_claim_node_get_is_time (exp));
  g_assert_null (jd_claim_node_get_meaning (exp));
  g_assert_cmpint (jd_claim_node_get_badge_state (exp), ==, JD_BADGE_NONE);
}

static void
test_model_empty (void)
{
  g_autoptr (GListModel) model = jd_claims_model_new (NULL, JD_CLAIMS_SECTION_PAYLOAD);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_null (jd_claims_model_find (model, "exp"));
  jd_claims_model_set_now (model, 0, 0);
}

static void
test_model_find (void)
{
  g_autoptr (GListModel) model = nested_model ();
  g_autoptr (GListModel) children = NULL;
  JdClaimNode *found;

  found = jd_claims_model_find (model, "exp");
  g_assert_true (found == item (model, 1));

  found = jd_claims_model_find (model, "realm_access.roles[1]");
  g_assert_nonnull (found);
  g_assert_cmpstr (jd_claim_node_get_value_text (found), ==, "\"user\"");
  /* The same object the tree shows. */
  children = jd_claim_node_get_children (jd_claims_model_find (model, "realm_access.roles"));
  g_assert_true (found == item (children, 1));

  found = jd_claims_model_find (model, "resource_access.account.roles[0]");
  g_assert_nonnull (found);
  g_assert_cmpstr (jd_claim_node_get_value_text (found), ==, "\"view-profile\"");
  g_assert_nonnull (
    jd_claim_node_get_meaning (jd_claims_model_find (model, "resource_access.account.roles")));

  /* Bracketed path and bare name of a non-plain member. */
  found = jd_claims_model_find (model, "[\"https://example.com/roles\"]");
  g_assert_true (found == item (model, 10));
  g_assert_true (jd_claims_model_find (model, "https://example.com/roles") == found);
  g_assert_nonnull (jd_claims_model_find (model, "[\"https://example.com/roles\"][0]"));

  g_assert_null (jd_claims_model_find (model, "realm_access.roles[2]"));
  g_assert_null (jd_claims_model_find (model, "realm_access.role"));
  g_assert_null (jd_claims_model_find (model, "nope"));
  g_assert_null (jd_claims_model_find (model, ""));
  g_assert_null (jd_claims_model_find (model, "aud.x"));
}

typedef struct
{
  guint state;
  guint text;
  guint tooltip;
  guint other;
} NotifyCount;

static void
count_notify (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  NotifyCount *count = user_data;

  if (strcmp (pspec->name, "badge-state") == 0)
    count->state++;
  else if (strcmp (pspec->name, "badge-text") == 0)
    count->text++;
  else if (strcmp (pspec->name, "badge-tooltip") == 0)
    count->tooltip++;
  else
    count->other++;
}

static void
test_model_notify (void)
{
  g_autoptr (GListModel) model = nested_model ();
  NotifyCount exp_count = { 0 }, iss_count = { 0 };
  JdClaimNode *exp = item (model, 1);

  /* Three hours before exp: "expires in 3 hours", ok. */
  jd_claims_model_set_now (model, EXP - 3 * 3600, 60);
  g_signal_connect (exp, "notify", G_CALLBACK (count_notify), &exp_count);
  g_signal_connect (item (model, 0), "notify", G_CALLBACK (count_notify), &iss_count);
  g_assert_cmpstr (jd_claim_node_get_badge_text (exp), ==, "expires in 3 hours");

  /* The same instant again: nothing. */
  jd_claims_model_set_now (model, EXP - 3 * 3600, 60);
  g_assert_cmpuint (exp_count.state + exp_count.text + exp_count.tooltip + exp_count.other, ==, 0);

  /* One second later, still "expires in 2 hours"… the text changes once. */
  jd_claims_model_set_now (model, EXP - 3 * 3600 + 1, 60);
  g_assert_cmpstr (jd_claim_node_get_badge_text (exp), ==, "expires in 2 hours");
  g_assert_cmpuint (exp_count.text, ==, 1);
  g_assert_cmpuint (exp_count.state, ==, 0);

  /* Ticking within the same hour: no notification at all. */
  for (gint64 t = 2; t < 60; t++)
    jd_claims_model_set_now (model, EXP - 3 * 3600 + t, 60);
  g_assert_cmpuint (exp_count.text, ==, 1);
  g_assert_cmpuint (exp_count.state, ==, 0);

  /* Into the 5-minute warning: state and text. */
  jd_claims_model_set_now (model, EXP - 300, 60);
  g_assert_cmpuint (exp_count.state, ==, 1);
  g_assert_cmpuint (exp_count.text, ==, 2);
  g_assert_cmpint (jd_claim_node_get_badge_state (exp), ==, JD_BADGE_WARNING);
  g_assert_cmpstr (jd_claim_node_get_badge_text (exp), ==, "expires in 5 minutes");

  /* Expired beyond the leeway. */
  jd_claims_model_set_now (model, EXP + 60, 60);
  g_assert_cmpuint (exp_count.state, ==, 2);
  g_assert_cmpuint (exp_count.text, ==, 3);
  g_assert_cmpint (jd_claim_node_get_badge_state (exp), ==, JD_BADGE_ERROR);

  /* Only the leeway changes, and so does the state: back to a warning. */
  jd_claims_model_set_now (model, EXP + 60, 120);
  g_assert_cmpuint (exp_count.state, ==, 3);
  g_assert_cmpstr (jd_claim_node_get_badge_text (exp), ==, "expired 60 seconds ago, within leeway");

  /* The tooltip does not depend on the clock; nothing else ever changes. */
  g_assert_cmpuint (exp_count.tooltip, ==, 0);
  g_assert_cmpuint (exp_count.other, ==, 0);
  g_assert_cmpuint (iss_count.state + iss_count.text + iss_count.tooltip + iss_count.other, ==, 0);

  g_signal_handlers_disconnect_by_func (exp, count_notify, &exp_count);
  g_signal_handlers_disconnect_by_func (item (model, 0), count_notify, &iss_count);
}

static void
test_model_long_string (void)
{
  g_autoptr (GString) json = g_string_new ("{\"x5c\": \"");
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GListModel) model = NULL;
  const char *text;

  for (int i = 0; i < 1000; i++)
    g_string_append_c (json, 'A');
  g_string_append (json, "\"}");
  root = parse (json->str);
  model = jd_claims_model_new (json_node_get_object (root), JD_CLAIMS_SECTION_PAYLOAD);
  text = jd_claim_node_get_value_text (item (model, 0));
  g_assert_true (g_str_has_suffix (text, "…\""));
  g_assert_cmpuint (g_utf8_strlen (text, -1), ==, 256 + 3);
  /* The node still has every byte. */
  g_assert_cmpuint (strlen (json_node_get_string (jd_claim_node_get_node (item (model, 0)))), ==,
                    1000);
}

static void
test_model_bad_utf8 (void)
{
  g_autoptr (JsonObject) object = json_object_new ();
  g_autoptr (GListModel) model = NULL;
  g_autofree char *problem = NULL;
  const char *text;

  /* Built by hand, past any parser: bytes that are not UTF-8. */
  json_object_set_string_member (object, "exp",
                                 "20\xff"
                                 "26");
  model = jd_claims_model_new (object, JD_CLAIMS_SECTION_PAYLOAD);
  text = jd_claim_node_get_value_text (item (model, 0));
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_true (g_utf8_validate (jd_claim_node_get_badge_tooltip (item (model, 0)), -1, NULL));
  problem = jd_numeric_date_problem ("exp", json_object_get_member (object, "exp"));
  g_assert_true (g_utf8_validate (problem, -1, NULL));
}

/* Issue 12: an array of scalars (aud, roles, scopes) shows its values;
 * one with an object in it still reads "N items"; a long one is cut with
 * its count, and its children hold every value. */
static void
test_model_scalar_arrays (void)
{
  g_autoptr (GString) long_aud = g_string_new ("{\"aud\": [");
  g_autoptr (JsonNode) root = parse ("{\"aud\": [\"https://api.example.com/\", \"account\"],"
                                     " \"mixed\": [1, true, null, \"x\"],"
                                     " \"objects\": [{\"a\": 1}, \"x\"]}");
  g_autoptr (GListModel) model
    = jd_claims_model_new (json_node_get_object (root), JD_CLAIMS_SECTION_PAYLOAD);
  g_autoptr (JsonNode) long_root = NULL;
  g_autoptr (GListModel) long_model = NULL;
  g_autoptr (GListModel) children = NULL;
  const char *text;

  g_assert_cmpstr (jd_claim_node_get_value_text (item (model, 0)), ==,
                   "[\"https://api.example.com/\", \"account\"]");
  g_assert_cmpstr (jd_claim_node_get_value_text (item (model, 1)), ==, "[1, true, null, \"x\"]");
  g_assert_cmpstr (jd_claim_node_get_value_text (item (model, 2)), ==, "2 items");

  for (guint i = 0; i < 40; i++)
    g_string_append_printf (long_aud, "%s\"https://service-%02u.example.com/\"", i > 0 ? "," : "",
                            i);
  g_string_append (long_aud, "]}");
  long_root = parse (long_aud->str);
  long_model = jd_claims_model_new (json_node_get_object (long_root), JD_CLAIMS_SECTION_PAYLOAD);
  text = jd_claim_node_get_value_text (item (long_model, 0));
  g_assert_true (g_str_has_prefix (text, "[\"https://service-00.example.com/\", "));
  g_assert_true (g_str_has_suffix (text, ", … (40 items)]"));
  children = jd_claim_node_get_children (item (long_model, 0));
  g_assert_cmpuint (g_list_model_get_n_items (children), ==, 40);
}

static void
test_model_finalize (void)
{
  GListModel *model = nested_model ();
  GListModel *children;
  JdClaimNode *roles;

  roles = jd_claims_model_find (model, "realm_access.roles");
  children = jd_claim_node_get_children (roles);
  g_object_add_weak_pointer (G_OBJECT (children), (gpointer *)&children);
  g_object_unref (children);
  g_assert_nonnull (children); /* the node keeps it */
  g_assert_finalize_object (model);
  g_assert_null (children);
}

/* Whether @names[@i] is not listed before: a claim that several providers
 * use is listed under each of them, and gets one test case. */
static gboolean
first_of (const char *const *names, guint i)
{
  for (guint j = 0; j < i; j++)
    if (g_str_equal (names[j], names[i]))
      return FALSE;
  return TRUE;
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (payload_claims); i++)
    if (first_of (payload_claims, i))
      {
        g_autofree char *path
          = g_strdup_printf ("/jd/claims/meaning/payload/%s", payload_claims[i]);
        g_test_add_data_func (path, payload_claims[i], test_meaning_payload);
      }
  for (guint i = 0; i < G_N_ELEMENTS (header_params); i++)
    {
      g_autofree char *path = g_strdup_printf ("/jd/claims/meaning/header/%s", header_params[i]);
      g_test_add_data_func (path, header_params[i], test_meaning_header);
    }
  g_test_add_func ("/jd/claims/meaning/context", test_meaning_context);
  g_test_add_func ("/jd/claims/meaning/unknown", test_meaning_unknown);
  g_test_add_func ("/jd/claims/meaning/patterns", test_meaning_patterns);
  g_test_add_func ("/jd/claims/meaning/list", test_meaning_list);
  g_test_add_func ("/jd/claims/model/shape", test_model_shape);
  g_test_add_func ("/jd/claims/model/properties", test_model_properties);
  g_test_add_func ("/jd/claims/model/time-not-numeric", test_model_time_not_numeric);
  g_test_add_func ("/jd/claims/model/header", test_model_header);
  g_test_add_func ("/jd/claims/model/empty", test_model_empty);
  g_test_add_func ("/jd/claims/model/find", test_model_find);
  g_test_add_func ("/jd/claims/model/notify", test_model_notify);
  g_test_add_func ("/jd/claims/model/long-string", test_model_long_string);
  g_test_add_func ("/jd/claims/model/bad-utf8", test_model_bad_utf8);
  g_test_add_func ("/jd/claims/model/finalize", test_model_finalize);
  g_test_add_func ("/jd/claims/model/scalar-arrays", test_model_scalar_arrays);

  return g_test_run ();
}
