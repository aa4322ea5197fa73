/* jd-key-set-summary.c — a key set as the Keys page and reports describe it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "jd-key-private.h"
#include "jd-key-set-summary.h"

char *
jd_key_dup_origin (JdKey *key)
{
  const char *source = jd_key_get_source (key);
  const char *path = jd_key_get_path (key);
  gsize len = strlen (source);

  if (path != NULL)
    {
      g_autofree char *suffix = g_strconcat (" ", path, NULL);
      const char *hash;

      if (g_str_has_suffix (source, suffix))
        return g_strndup (source, len - strlen (suffix));
      /* PEM blocks: "keys.pem #2" */
      hash = strrchr (source, '#');
      if (hash != NULL && hash > source && hash[-1] == ' ' && hash[1] != '\0'
          && strspn (hash + 1, "0123456789") == strlen (hash + 1))
        return g_strndup (source, hash - 1 - source);
    }
  return g_strdup (source);
}

guint
jd_key_set_count_sources (JdKeySet *set)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (JD_IS_KEY_SET (set), 0);

  for (guint i = 0; i < jd_key_set_get_n_keys (set); i++)
    g_hash_table_add (seen, jd_key_dup_origin (jd_key_set_get_key (set, i)));
  return g_hash_table_size (seen);
}

char *
jd_key_set_describe (JdKeySet *set)
{
  guint n, sources;
  g_autofree char *keys = NULL;

  g_return_val_if_fail (JD_IS_KEY_SET (set), NULL);

  n = jd_key_set_get_n_keys (set);
  sources = jd_key_set_count_sources (set);
  if (sources == 1)
    {
      g_autofree char *origin = jd_key_dup_origin (jd_key_set_get_key (set, 0));
      /* Translators: "3 keys from jwks.json" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u key from %s", "%u keys from %s", n),
                              n, origin);
    }
  keys = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u key", "%u keys", n), n);
  /* Translators: "7 keys from 2 sources" */
  return g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%s from %u source", "%s from %u sources", sources), keys,
    sources);
}

guint
jd_key_set_find_shared_kid (JdKeySet *set, JdKey *key)
{
  const char *kid = jd_key_get_kid (key);

  g_return_val_if_fail (JD_IS_KEY_SET (set), 0);
  g_return_val_if_fail (JD_IS_KEY (key), 0);

  for (guint i = 0; kid != NULL && i < jd_key_set_get_n_keys (set); i++)
    {
      JdKey *other = jd_key_set_get_key (set, i);
      if (other != key && g_strcmp0 (jd_key_get_kid (other), kid) == 0)
        return i + 1;
    }
  return 0;
}

GPtrArray *
jd_key_set_cross_source_duplicates (JdKeySet *set)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_return_val_if_fail (JD_IS_KEY_SET (set), findings);

  n = jd_key_set_get_n_keys (set);
  for (guint i = 0; i < n; i++)
    {
      JdKey *a = jd_key_set_get_key (set, i);
      const char *kid = jd_key_get_kid (a);

      for (guint j = i + 1; kid != NULL && j < n; j++)
        {
          JdKey *b = jd_key_set_get_key (set, j);
          g_autofree char *msg = NULL;
          g_autofree char *from_a = NULL;
          g_autofree char *from_b = NULL;

          if (g_strcmp0 (jd_key_get_kid (b), kid) != 0)
            continue;
          from_a = jd_key_dup_origin (a);
          from_b = jd_key_dup_origin (b);
          if (g_str_equal (from_a, from_b))
            continue;
          msg = g_strdup_printf (_ ("The kid \"%s\" is on key %u (from %s) and on key %u (from "
                                    "%s): a verifier holding both picks one of them and may "
                                    "pick the wrong one."),
                                 kid, i + 1, from_a, j + 1, from_b);
          jd_findings_add (findings, JD_FINDING_DUPLICATE_KID, JD_SEVERITY_WARNING, JD_RANK_KID,
                           "kid", msg,
                           _ ("Load one key set per issuer, or remove the stale copy: two keys "
                              "with one kid are two answers to one question."));
          break;
        }
    }
  return findings;
}
