/* test-stories.c — real 401 stories from public issue threads, one test case per story
 *
 * Each tests/data/stories/NN-*.txt re-enacts one thread: its header lines
 * name the source, the cause as the thread resolved it, the finding id that
 * must come FIRST among the error and warning findings, and the CLI options
 * (expectations) of the story; the rest is what the person would paste. The
 * story runs through jwt-doctor-cli --json the way a user runs it, and the
 * test fails naming the story and what was said first instead.
 * make-stories.py in that folder wrote the files (tokens built with PyJWT).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "test-run.h"

typedef struct
{
  char *name;
  char *source;
  char *expect;
  char *args;
  char *body;
} Story;

static char *
stories_dir (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "stories", NULL);
}

static char *
header_value (const char *line, const char *key)
{
  g_autofree char *prefix = g_strdup_printf ("# %s: ", key);
  if (!g_str_has_prefix (line, prefix))
    return NULL;
  return g_strstrip (g_strdup (line + strlen (prefix)));
}

/* Reads a story file: "# key: value" header lines, then the pasted body. */
static Story *
story_load (const char *dir, const char *file)
{
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);

  Story *s = g_new0 (Story, 1);
  s->name = g_strndup (file, strlen (file) - strlen (".txt"));
  const char *p = text;
  while (*p == '#')
    {
      const char *end = strchr (p, '\n');
      g_autofree char *line = end ? g_strndup (p, end - p) : g_strdup (p);
      char *v;
      if ((v = header_value (line, "source")))
        s->source = v;
      else if ((v = header_value (line, "expect")))
        s->expect = v;
      else if ((v = header_value (line, "args")))
        s->args = v;
      p = end ? end + 1 : p + strlen (p);
    }
  s->body = g_strdup (p);
  g_assert_nonnull (s->source);
  g_assert_nonnull (s->expect);
  return s;
}

/* The id of the first error or warning finding of the first token, or NULL. */
static const char *
first_cause (JsonNode *root)
{
  JsonArray *tokens = json_object_get_array_member (json_node_get_object (root), "tokens");
  g_assert_nonnull (tokens);
  g_assert_cmpuint (json_array_get_length (tokens), >, 0);
  JsonArray *findings
    = json_object_get_array_member (json_array_get_object_element (tokens, 0), "findings");
  for (guint i = 0; findings && i < json_array_get_length (findings); i++)
    {
      JsonObject *f = json_array_get_object_element (findings, i);
      const char *sev = json_object_get_string_member (f, "severity");
      if (g_strcmp0 (sev, "error") == 0 || g_strcmp0 (sev, "warning") == 0)
        return json_object_get_string_member (f, "id");
    }
  return NULL;
}

static void
test_story (gconstpointer data)
{
  const Story *s = data;
  g_autofree char *dir = stories_dir ();
  g_autofree char *args_text = NULL;
  g_auto (GStrv) argv = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) args = g_ptr_array_new ();

  g_test_message ("source: %s", s->source);
  args_text = s->args ? g_strdup (s->args) : g_strdup ("");
  {
    g_autoptr (GString) a = g_string_new (args_text);
    g_string_replace (a, "@DIR@", dir, 0);
    g_free (args_text);
    args_text = g_string_free (g_steal_pointer (&a), FALSE);
  }
  if (*args_text)
    {
      g_assert_true (g_shell_parse_argv (args_text, NULL, &argv, &error));
      g_assert_no_error (error);
    }
  g_ptr_array_add (args, (gpointer) "--json");
  for (guint i = 0; argv && argv[i]; i++)
    g_ptr_array_add (args, argv[i]);
  g_ptr_array_add (args, (gpointer) "-");
  g_ptr_array_add (args, NULL);

  g_auto (JdTestRun) r = { 0 };
  jd_test_run (&r, jd_test_cli_path (), NULL, s->body, (const char *const *)args->pdata);
  g_assert_cmpint (r.status, !=, 2);

  g_autoptr (JsonParser) parser = json_parser_new ();
  g_assert_true (json_parser_load_from_data (parser, r.out, -1, &error));
  g_assert_no_error (error);
  const char *first = first_cause (json_parser_get_root (parser));
  if (g_strcmp0 (first, s->expect) != 0)
    g_test_message ("%s: expected %s first, the CLI said %s first", s->name, s->expect,
                    first ? first : "(no error or warning)");
  g_assert_cmpstr (first, ==, s->expect);
}

static void
story_free (gpointer data)
{
  Story *s = data;
  g_free (s->name);
  g_free (s->source);
  g_free (s->expect);
  g_free (s->args);
  g_free (s->body);
  g_free (s);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char *const *)a, *(char *const *)b);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_autofree char *dir = stories_dir ();
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (d);
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  const char *file;
  while ((file = g_dir_read_name (d)))
    if (g_str_has_suffix (file, ".txt"))
      g_ptr_array_add (files, g_strdup (file));
  g_ptr_array_sort (files, compare_names);
  g_assert_cmpuint (files->len, >=, 30);

  g_autoptr (GPtrArray) stories = g_ptr_array_new_with_free_func (story_free);
  for (guint i = 0; i < files->len; i++)
    {
      Story *s = story_load (dir, files->pdata[i]);
      g_ptr_array_add (stories, s);
      g_autofree char *path = g_strdup_printf ("/stories/%s", s->name);
      g_test_add_data_func (path, s, test_story);
    }
  return g_test_run ();
}
