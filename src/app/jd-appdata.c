/* jd-appdata.c — what the About window shows, read from the AppStream metainfo
 *
 * The metainfo (data/io.github.jwtdoctor.JwtDoctor.metainfo.xml.in, merged
 * with its translations and compiled into the resources) is the one place
 * that names the app's developers, website, issue tracker and release
 * notes. libadwaita ≥ 1.4 reads it itself (adw_about_*_new_from_appdata);
 * this reader gives libadwaita 1.2 the same, and the developers list to
 * every version. Elements in another language than the user's are skipped;
 * one in the user's language replaces the untranslated one before it, as
 * the translations follow their original in a merged metainfo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "jd-appdata.h"

typedef enum
{
  FIELD_NONE,
  FIELD_NAME,
  FIELD_DEVELOPER,
  FIELD_DEVELOPER_NAME,
  FIELD_HOMEPAGE,
  FIELD_BUGTRACKER,
  FIELD_LICENSE,
} Field;

typedef struct
{
  JdAppdata *out;
  const char *want; /* the release whose notes are kept */
  GPtrArray *path;  /* open elements, outermost first */
  int skip;         /* > 0: inside an element in another language */
  Field field;      /* collecting the text of this field */
  GString *text;
  gboolean in_release; /* inside the wanted <release> */
  GString *notes;      /* non-NULL inside its <description> */
  gsize block_start;   /* where the last untranslated <p> or <li> began */
  char *block_tag;
  gboolean inline_end; /* the last thing written closed <em> or <code> */
} Reader;

static const char *notes_tags[] = { "p", "ul", "ol", "li", "em", "code", NULL };

static const char *
attr (const char **names, const char **values, const char *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (names[i], name) == 0)
      return values[i];
  return NULL;
}

/* TRUE if @lang is one of the user's languages (LANGUAGE, LC_MESSAGES, …). */
static gboolean
is_user_language (const char *lang)
{
  const char *const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL && strcmp (names[i], "C") != 0; i++)
    if (strcmp (names[i], lang) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
path_is (Reader *r, const char *a, const char *b, const char *c)
{
  const char *want[] = { "component", a, b, c };
  guint n = c != NULL ? 4 : b != NULL ? 3 : 2;

  if (r->path->len != n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (strcmp (g_ptr_array_index (r->path, i), want[i]) != 0)
      return FALSE;
  return TRUE;
}

static void
notes_start (Reader *r, const char *name, gboolean translated)
{
  if (!g_strv_contains (notes_tags, name))
    return;
  if (strcmp (name, "p") == 0 || strcmp (name, "li") == 0)
    {
      /* The user's translation replaces the original just before it. */
      if (translated && g_strcmp0 (r->block_tag, name) == 0)
        g_string_truncate (r->notes, r->block_start);
      r->block_start = r->notes->len;
      g_free (r->block_tag);
      r->block_tag = g_strdup (name);
    }
  g_string_append_printf (r->notes, "<%s>", name);
  r->inline_end = FALSE;
}

static Field
field_for (Reader *r, const char **names, const char **values)
{
  const char *type;

  if (path_is (r, "name", NULL, NULL))
    return FIELD_NAME;
  if (path_is (r, "developer", "name", NULL))
    return FIELD_DEVELOPER;
  if (path_is (r, "developer_name", NULL, NULL))
    return FIELD_DEVELOPER_NAME;
  if (path_is (r, "project_license", NULL, NULL))
    return FIELD_LICENSE;
  if (path_is (r, "url", NULL, NULL))
    {
      type = attr (names, values, "type");
      if (g_strcmp0 (type, "homepage") == 0)
        return FIELD_HOMEPAGE;
      if (g_strcmp0 (type, "bugtracker") == 0)
        return FIELD_BUGTRACKER;
    }
  return FIELD_NONE;
}

static void
start_element (GMarkupParseContext *context, const char *name, const char **names,
               const char **values, gpointer user_data, GError **error)
{
  Reader *r = user_data;
  const char *lang = attr (names, values, "xml:lang");
  const char *version;

  if (r->skip > 0 || (lang != NULL && !is_user_language (lang)))
    {
      r->skip++;
      return;
    }
  g_ptr_array_add (r->path, g_strdup (name));

  if (r->notes != NULL)
    {
      notes_start (r, name, lang != NULL);
      return;
    }
  if (path_is (r, "releases", "release", NULL))
    {
      version = attr (names, values, "version");
      if (r->out->version == NULL && version != NULL)
        r->out->version = g_strdup (version); /* newest first (AppStream) */
      r->in_release = version != NULL && g_strcmp0 (version, r->want) == 0;
      return;
    }
  if (r->in_release && lang == NULL && path_is (r, "releases", "release", "description"))
    {
      r->notes = g_string_new (NULL);
      return;
    }
  r->field = field_for (r, names, values);
  g_string_truncate (r->text, 0);
}

static void
set_field (Reader *r)
{
  char **slot = NULL;

  switch (r->field)
    {
      case FIELD_NAME:
        slot = &r->out->name;
        break;
      case FIELD_DEVELOPER:
        slot = &r->out->developer_name;
        break;
      case FIELD_DEVELOPER_NAME:
        /* <developer_name> is the older form: <developer><name> wins. */
        if (r->out->developer_name == NULL)
          slot = &r->out->developer_name;
        break;
      case FIELD_HOMEPAGE:
        slot = &r->out->homepage;
        break;
      case FIELD_BUGTRACKER:
        slot = &r->out->bugtracker;
        break;
      case FIELD_LICENSE:
        slot = &r->out->license;
        break;
      case FIELD_NONE:
        break;
    }
  if (slot != NULL)
    {
      g_free (*slot);
      *slot = g_strstrip (g_strdup (r->text->str));
    }
  r->field = FIELD_NONE;
}

static void
end_element (GMarkupParseContext *context, const char *name, gpointer user_data, GError **error)
{
  Reader *r = user_data;

  if (r->skip > 0)
    {
      r->skip--;
      return;
    }
  if (r->notes != NULL && path_is (r, "releases", "release", "description"))
    {
      g_free (r->out->release_notes);
      r->out->release_notes = g_string_free (g_steal_pointer (&r->notes), FALSE);
    }
  else if (r->notes != NULL && g_strv_contains (notes_tags, name))
    {
      if (r->notes->len > 0 && r->notes->str[r->notes->len - 1] == ' ')
        g_string_truncate (r->notes, r->notes->len - 1);
      g_string_append_printf (r->notes, "</%s>", name);
      r->inline_end = strcmp (name, "em") == 0 || strcmp (name, "code") == 0;
    }
  else if (r->field != FIELD_NONE)
    set_field (r);
  else if (path_is (r, "releases", "release", NULL))
    r->in_release = FALSE;

  g_ptr_array_set_size (r->path, r->path->len - 1);
}

/* Release notes: the text escaped again, each run of white space one
 * space, none right after a block tag. */
static void
append_notes_text (Reader *r, const char *text, gsize len)
{
  for (gsize i = 0; i < len; i++)
    {
      GString *n = r->notes;

      if (g_ascii_isspace (text[i]))
        {
          gboolean after_block = n->len == 0 || (n->str[n->len - 1] == '>' && !r->inline_end);

          if (!after_block && n->str[n->len - 1] != ' ')
            g_string_append_c (n, ' ');
          continue;
        }
      r->inline_end = FALSE;
      switch (text[i])
        {
          case '&':
            g_string_append (n, "&amp;");
            break;
          case '<':
            g_string_append (n, "&lt;");
            break;
          case '>':
            g_string_append (n, "&gt;");
            break;
          default:
            g_string_append_c (n, text[i]);
            break;
        }
    }
}

static void
text_cb (GMarkupParseContext *context, const char *text, gsize len, gpointer user_data,
         GError **error)
{
  Reader *r = user_data;

  if (r->skip > 0)
    return;
  if (r->notes != NULL)
    append_notes_text (r, text, len);
  else if (r->field != FIELD_NONE)
    g_string_append_len (r->text, text, len);
}

JdAppdata *
jd_appdata_new_from_data (const char *data, gsize len, const char *release_version, GError **error)
{
  static const GMarkupParser parser = { start_element, end_element, text_cb, NULL, NULL };
  g_autoptr (JdAppdata) out = g_new0 (JdAppdata, 1);
  g_autoptr (GMarkupParseContext) context = NULL;
  Reader r = { 0 };
  gboolean ok;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  r.out = out;
  r.want = release_version;
  r.path = g_ptr_array_new_with_free_func (g_free);
  r.text = g_string_new (NULL);
  context = g_markup_parse_context_new (&parser, G_MARKUP_PREFIX_ERROR_POSITION, &r, NULL);
  ok = g_markup_parse_context_parse (context, data, len, error)
       && g_markup_parse_context_end_parse (context, error);

  g_ptr_array_unref (r.path);
  g_string_free (r.text, TRUE);
  if (r.notes != NULL)
    g_string_free (r.notes, TRUE);
  g_free (r.block_tag);

  return ok ? g_steal_pointer (&out) : NULL;
}

JdAppdata *
jd_appdata_new_from_resource (const char *resource_path, const char *release_version,
                              GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  gsize len;
  const char *data;

  g_return_val_if_fail (resource_path != NULL, NULL);

  bytes = g_resources_lookup_data (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &len);

  return jd_appdata_new_from_data (data, len, release_version, error);
}

void
jd_appdata_free (JdAppdata *appdata)
{
  if (appdata == NULL)
    return;
  g_free (appdata->name);
  g_free (appdata->developer_name);
  g_free (appdata->homepage);
  g_free (appdata->bugtracker);
  g_free (appdata->license);
  g_free (appdata->version);
  g_free (appdata->release_notes);
  g_free (appdata);
}
