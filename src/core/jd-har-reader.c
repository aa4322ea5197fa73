/* jd-har-reader.c — reading an HTTP Archive into entries
 *
 * The file is mapped and walked once with JdJsonReader; each entry is read
 * by jd-har-reader-entry.c. Pages already read are handed back to the
 * kernel as the reader moves on, so peak memory stays near what the
 * entries keep, not the file's size. What cannot be read is a problem with
 * its byte, line and column; reading goes on where it can.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "jd-har-reader-private.h"

G_DEFINE_QUARK (jd - har - error - quark, jd_har_error)

void
jd_har_limits_init (JdHarLimits *limits)
{
  g_return_if_fail (limits != NULL);

  limits->max_file_size = JD_HAR_DEFAULT_MAX_FILE_SIZE;
  limits->max_entries = JD_HAR_DEFAULT_MAX_ENTRIES;
  limits->max_string_length = JD_HAR_DEFAULT_MAX_STRING_LENGTH;
  limits->max_depth = JD_HAR_DEFAULT_MAX_DEPTH;
}

static void
jd_har_problem_free (JdHarProblem *problem)
{
  g_free (problem->message);
  g_free (problem);
}

void
jd_har_contents_init (JdHarContents *contents)
{
  memset (contents, 0, sizeof *contents);
  contents->entries = g_ptr_array_new_with_free_func (g_object_unref);
  contents->problems = g_ptr_array_new_with_free_func ((GDestroyNotify)jd_har_problem_free);
}

void
jd_har_contents_clear (JdHarContents *contents)
{
  g_clear_pointer (&contents->entries, g_ptr_array_unref);
  g_clear_pointer (&contents->problems, g_ptr_array_unref);
  g_clear_pointer (&contents->version, g_free);
  g_clear_pointer (&contents->creator, g_free);
}

/* ------------------------------------------------------------------ */
/* Problems and values */

static const char *
kind_name (JdJsonToken token)
{
  switch (token)
    {
      case JD_JSON_TOKEN_BEGIN_OBJECT:
        return _ ("an object");
      case JD_JSON_TOKEN_BEGIN_ARRAY:
        return _ ("an array");
      case JD_JSON_TOKEN_STRING:
        return _ ("a string");
      case JD_JSON_TOKEN_NUMBER:
        return _ ("a number");
      case JD_JSON_TOKEN_TRUE:
        return "true";
      case JD_JSON_TOKEN_FALSE:
        return "false";
      case JD_JSON_TOKEN_NULL:
        return "null";
      case JD_JSON_TOKEN_ERROR:
      case JD_JSON_TOKEN_END:
      case JD_JSON_TOKEN_END_OBJECT:
      case JD_JSON_TOKEN_END_ARRAY:
      case JD_JSON_TOKEN_MEMBER:
      default:
        return "?";
    }
}

static void
add_problem_message (JdHarReader *ctx, gsize offset, gboolean fatal,
                     char *message) /* (transfer full), already with its position */
{
  JdHarProblem *problem = g_new0 (JdHarProblem, 1);

  problem->offset = offset;
  jd_json_offset_to_line_column (ctx->data, ctx->len, offset, &problem->line, &problem->column);
  problem->entry = ctx->entry;
  problem->fatal = fatal;
  problem->message = message;
  g_ptr_array_add (ctx->contents->problems, problem);
}

void
jd_har_reader_add_problem (JdHarReader *ctx, gsize offset, gboolean fatal, const char *format, ...)
{
  g_autofree char *what = NULL;
  va_list args;
  guint line;
  guint column;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  jd_json_offset_to_line_column (ctx->data, ctx->len, offset, &line, &column);
  add_problem_message (
    ctx, offset, fatal,
    g_strdup_printf (_ ("byte %zu (line %u, column %u): %s"), offset, line, column, what));
}

/* "entries[3].request.headers" for messages */
static char *
where (JdHarReader *ctx, const char *field)
{
  if (ctx->entry < 0)
    return g_strdup (field);
  if (field == NULL)
    return g_strdup_printf ("entries[%d]", ctx->entry);
  return g_strdup_printf ("entries[%d].%s", ctx->entry, field);
}

/* The value whose first token is @token is not what the format wants:
 * report it and skip it. Returns FALSE when reading must stop. */
gboolean
jd_har_reader_unexpected (JdHarReader *ctx, JdJsonToken token, const char *field,
                          const char *wanted)
{
  g_autofree char *place = where (ctx, field);

  if (token == JD_JSON_TOKEN_ERROR)
    return FALSE;

  jd_har_reader_add_problem (
    ctx, jd_json_reader_get_offset (ctx->reader), FALSE,
    /* TRANSLATORS: "entries[3].request.headers is a string, not an array; skipped" */
    _ ("%s is %s, not %s; skipped"), place, kind_name (token), wanted);
  return jd_json_reader_skip (ctx->reader);
}

/* Reads a value that should be text: a string; a number, true, false and
 * null as written; Firefox BiDi's {"type": "string"|"base64", "value": …}.
 * Appends to @out. Returns FALSE when reading must stop. */
gboolean
jd_har_reader_read_text (JdHarReader *ctx, JdJsonToken token, const char *field, GString *out)
{
  JdJsonReader *r = ctx->reader;

  switch (token)
    {
      case JD_JSON_TOKEN_STRING:
        {
          gsize len;
          const char *s = jd_json_reader_get_string (r, &len);
          g_string_append_len (out, s, len);
          return TRUE;
        }

      case JD_JSON_TOKEN_NUMBER:
        {
          gsize len;
          const char *s = jd_json_reader_get_number_text (r, &len);
          g_string_append_len (out, s, len);
          return TRUE;
        }

      case JD_JSON_TOKEN_TRUE:
        g_string_append (out, "true");
        return TRUE;

      case JD_JSON_TOKEN_FALSE:
        g_string_append (out, "false");
        return TRUE;

      case JD_JSON_TOKEN_NULL:
        return TRUE;

      case JD_JSON_TOKEN_BEGIN_OBJECT:
        {
          gboolean base64 = FALSE;
          g_autoptr (GString) value = g_string_new (NULL);

          while ((token = jd_json_reader_next (r)) == JD_JSON_TOKEN_MEMBER)
            {
              if (jd_json_reader_string_equal (r, "type"))
                {
                  token = jd_json_reader_next (r);
                  if (token == JD_JSON_TOKEN_STRING)
                    base64 = jd_json_reader_string_equal (r, "base64");
                  else if (!jd_json_reader_skip (r))
                    return FALSE;
                }
              else if (jd_json_reader_string_equal (r, "value"))
                {
                  token = jd_json_reader_next (r);
                  if (token == JD_JSON_TOKEN_STRING)
                    {
                      gsize len;
                      const char *s = jd_json_reader_get_string (r, &len);
                      g_string_append_len (value, s, len);
                    }
                  else if (!jd_har_reader_unexpected (ctx, token, field, _ ("a string")))
                    return FALSE;
                }
              else if (!jd_json_reader_skip (r))
                return FALSE;
            }
          if (token != JD_JSON_TOKEN_END_OBJECT)
            return FALSE;

          if (base64)
            {
              gsize len = 0;
              /* g_base64_decode_inplace is a critical for fewer than 2 bytes (up to a NUL) */
              if (strlen (value->str) > 1)
                g_base64_decode_inplace (value->str, &len);
              g_string_truncate (value, len);
              if (g_utf8_validate_len (value->str, value->len, NULL))
                g_string_append_len (out, value->str, value->len);
              else
                {
                  g_autofree char *valid = g_utf8_make_valid (value->str, value->len);
                  g_string_append (out, valid);
                }
            }
          else
            g_string_append_len (out, value->str, value->len);
          return TRUE;
        }

      case JD_JSON_TOKEN_BEGIN_ARRAY:
        return jd_har_reader_unexpected (ctx, token, field, _ ("a string"));

      case JD_JSON_TOKEN_ERROR:
      case JD_JSON_TOKEN_END:
      case JD_JSON_TOKEN_END_OBJECT:
      case JD_JSON_TOKEN_END_ARRAY:
      case JD_JSON_TOKEN_MEMBER:
      default:
        return FALSE;
    }
}

/* Reads a member's value as a new string; NULL in *out when it is not text. */
gboolean
jd_har_reader_read_dup_text (JdHarReader *ctx, const char *field, char **out)
{
  JdJsonToken token = jd_json_reader_next (ctx->reader);
  g_autoptr (GString) s = g_string_new (NULL);

  if (token == JD_JSON_TOKEN_STRING)
    {
      g_free (*out);
      *out = jd_json_reader_dup_string (ctx->reader);
      return TRUE;
    }
  if (token == JD_JSON_TOKEN_NULL)
    return TRUE;
  if (!jd_har_reader_read_text (ctx, token, field, s))
    return FALSE;
  g_free (*out);
  *out = g_string_free (g_steal_pointer (&s), FALSE);
  return TRUE;
}

gboolean
jd_har_reader_read_number (JdHarReader *ctx, const char *field, double *out)
{
  JdJsonToken token = jd_json_reader_next (ctx->reader);

  if (token == JD_JSON_TOKEN_NUMBER)
    {
      *out = jd_json_reader_get_double (ctx->reader);
      return TRUE;
    }
  if (token == JD_JSON_TOKEN_STRING)
    {
      /* some tools write numbers as strings */
      const char *s = jd_json_reader_get_string (ctx->reader, NULL);
      char *end = NULL;
      double d = g_ascii_strtod (s, &end);

      if (end != s && *end == '\0')
        *out = d;
      return TRUE;
    }
  if (token == JD_JSON_TOKEN_NULL)
    return TRUE;
  return jd_har_reader_unexpected (ctx, token, field, _ ("a number"));
}

/* ------------------------------------------------------------------ */
/* The log and its entries */

/* Between entries: progress, cancellation, and giving read pages back. */
static gboolean
checkpoint (JdHarReader *ctx)
{
  gsize pos = jd_json_reader_get_position (ctx->reader);

  if (g_cancellable_set_error_if_cancelled (ctx->cancellable, &ctx->stop_error))
    {
      ctx->stopped = TRUE;
      return FALSE;
    }

  if (ctx->progress != NULL && ctx->len > 0)
    ctx->progress ((double)pos / (double)ctx->len, ctx->progress_data);

#if defined(MADV_DONTNEED)
  if (ctx->mapped)
    {
      static gsize page_size;
      gsize chunk = 8 * 1024 * 1024;

      if (page_size == 0)
        page_size = (gsize)sysconf (_SC_PAGESIZE);

      if (pos > ctx->dropped + chunk + page_size)
        {
          /* the mapping starts on a page boundary; keep the current page */
          gsize end = (pos - page_size) & ~(page_size - 1);

          if (end > ctx->dropped)
            {
              madvise ((char *)ctx->data + ctx->dropped, end - ctx->dropped, MADV_DONTNEED);
              ctx->dropped = end;
            }
        }
    }
#endif

  return TRUE;
}

static gboolean
read_entries (JdHarReader *ctx)
{
  JdJsonReader *r = ctx->reader;
  JdJsonToken token;
  guint index = 0;

  ctx->in_entries = TRUE;

  while ((token = jd_json_reader_next (r)) != JD_JSON_TOKEN_END_ARRAY)
    {
      if (token == JD_JSON_TOKEN_ERROR)
        return FALSE;

      if (index >= ctx->limits->max_entries)
        {
          ctx->entry = -1;
          jd_har_reader_add_problem (
            ctx, jd_json_reader_get_offset (r), TRUE,
            g_dngettext (GETTEXT_PACKAGE,
                         "log.entries holds more than %u entry, the limit; the rest are not read",
                         "log.entries holds more than %u entries, the limit; the rest are not read",
                         ctx->limits->max_entries),
            ctx->limits->max_entries);
          ctx->stopped = TRUE;
          return FALSE;
        }

      ctx->entry = (int)index;
      if (token != JD_JSON_TOKEN_BEGIN_OBJECT)
        {
          if (!jd_har_reader_unexpected (ctx, token, NULL, _ ("an object")))
            return FALSE;
        }
      else if (!jd_har_reader_read_entry (ctx, index))
        return FALSE;

      index++;
      if ((index & 63) == 0 && !checkpoint (ctx))
        return FALSE;
    }

  ctx->entry = -1;
  return TRUE;
}

static gboolean
read_log (JdHarReader *ctx, gboolean *found_entries)
{
  JdJsonReader *r = ctx->reader;
  JdJsonToken token;

  while ((token = jd_json_reader_next (r)) == JD_JSON_TOKEN_MEMBER)
    {
      gboolean ok;

      if (jd_json_reader_string_equal (r, "entries") && *found_entries)
        {
          /* A second log.entries: JSON names should be unique (RFC 8259 §4).
           * Keep the first, say so, and skip this one (it would also restart
           * the count the entry limit is checked against). */
          jd_har_reader_add_problem (
            ctx, jd_json_reader_get_offset (r), FALSE,
            _ ("log.entries appears a second time; only the first is read"));
          ok = jd_json_reader_skip (r);
        }
      else if (jd_json_reader_string_equal (r, "entries"))
        {
          token = jd_json_reader_next (r);
          if (token == JD_JSON_TOKEN_BEGIN_ARRAY)
            {
              *found_entries = TRUE;
              ok = read_entries (ctx);
            }
          else
            ok = jd_har_reader_unexpected (ctx, token, "log.entries", _ ("an array"));
        }
      else if (jd_json_reader_string_equal (r, "version"))
        ok = jd_har_reader_read_dup_text (ctx, "log.version", &ctx->contents->version);
      else if (jd_json_reader_string_equal (r, "creator"))
        {
          token = jd_json_reader_next (r);
          if (token == JD_JSON_TOKEN_BEGIN_OBJECT)
            {
              g_autofree char *name = NULL;
              g_autofree char *version = NULL;

              ok = TRUE;
              while (ok && (token = jd_json_reader_next (r)) == JD_JSON_TOKEN_MEMBER)
                {
                  if (jd_json_reader_string_equal (r, "name"))
                    ok = jd_har_reader_read_dup_text (ctx, "log.creator.name", &name);
                  else if (jd_json_reader_string_equal (r, "version"))
                    ok = jd_har_reader_read_dup_text (ctx, "log.creator.version", &version);
                  else
                    ok = jd_json_reader_skip (r);
                }
              ok = ok && token == JD_JSON_TOKEN_END_OBJECT;
              if (name != NULL)
                {
                  g_free (ctx->contents->creator);
                  ctx->contents->creator
                    = version != NULL ? g_strconcat (name, " ", version, NULL) : g_strdup (name);
                }
            }
          else
            ok = jd_har_reader_unexpected (ctx, token, "log.creator", _ ("an object"));
        }
      else
        ok = jd_json_reader_skip (r);

      if (!ok)
        return FALSE;
    }

  return token == JD_JSON_TOKEN_END_OBJECT;
}

/* ------------------------------------------------------------------ */
/* The document */

static void
reader_init (JdHarReader *ctx, GBytes *bytes, gboolean mapped, const JdHarReadOptions *options,
             JdHarContents *contents)
{
  ctx->data = g_bytes_get_data (bytes, &ctx->len);
  if (ctx->data == NULL)
    ctx->data = "";
  ctx->source = bytes;
  ctx->limits = options->limits;
  ctx->cancellable = options->cancellable;
  ctx->progress = options->progress;
  ctx->progress_data = options->progress_data;
  ctx->entry_func = options->entry_func;
  ctx->entry_data = options->entry_data;
  ctx->mapped = mapped;
  ctx->contents = contents;
  ctx->entry = -1;
  ctx->utc = g_time_zone_new_utc ();
  ctx->value = g_string_new (NULL);
  ctx->names = g_string_new (NULL);
  ctx->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
}

static void
reader_clear (JdHarReader *ctx)
{
  jd_har_reader_reset_entry (ctx);
  g_clear_error (&ctx->stop_error);
  g_time_zone_unref (ctx->utc);
  g_string_free (ctx->value, TRUE);
  g_string_free (ctx->names, TRUE);
  g_array_unref (ctx->offsets);
  g_clear_pointer (&ctx->reader, jd_json_reader_free);
}

static void
set_too_large (GError **error, const char *display_name, guint64 size, guint64 max_size)
{
  g_autofree char *size_text = g_format_size (size);
  g_autofree char *max_text = g_format_size (max_size);

  g_set_error (error, JD_HAR_ERROR, JD_HAR_ERROR_TOO_LARGE,
               _ ("%s is %s; HAR files larger than %s are not read"), display_name, size_text,
               max_text);
}

static gboolean
check_size (JdHarReader *ctx, const char *display_name, GError **error)
{
  if (ctx->len <= ctx->limits->max_file_size)
    return TRUE;

  set_too_large (error, display_name, ctx->len, ctx->limits->max_file_size);
  return FALSE;
}

/* The top-level object: finds "log" and reads it. FALSE with @error when
 * the document is JSON but not a HAR; a broken JSON is left to
 * finish_reading(). */
static gboolean
read_document (JdHarReader *ctx, const char *display_name, gboolean *found_log,
               gboolean *found_entries, GError **error)
{
  JdJsonReader *reader = ctx->reader;
  JdJsonToken token = jd_json_reader_next (reader);

  if (token == JD_JSON_TOKEN_BEGIN_OBJECT)
    {
      while ((token = jd_json_reader_next (reader)) == JD_JSON_TOKEN_MEMBER)
        {
          if (jd_json_reader_string_equal (reader, "log"))
            {
              token = jd_json_reader_next (reader);
              if (token != JD_JSON_TOKEN_BEGIN_OBJECT)
                {
                  if (token != JD_JSON_TOKEN_ERROR)
                    {
                      g_set_error (error, JD_HAR_ERROR, JD_HAR_ERROR_NOT_HAR,
                                   _ ("%s is not a HAR: its \"log\" is %s, not an object"),
                                   display_name, kind_name (token));
                      return FALSE;
                    }
                  break;
                }
              *found_log = TRUE;
              if (!read_log (ctx, found_entries))
                break;
            }
          else if (!jd_json_reader_skip (reader))
            break;
        }
      /* past the object: anything but the end is a JSON error */
      if (token == JD_JSON_TOKEN_END_OBJECT)
        jd_json_reader_next (reader);
    }
  else if (token != JD_JSON_TOKEN_ERROR)
    {
      g_set_error (error, JD_HAR_ERROR, JD_HAR_ERROR_NOT_HAR,
                   _ ("%s is JSON, but %s, not a HAR (an object with a \"log\" member)"),
                   display_name, kind_name (token));
      return FALSE;
    }

  return TRUE;
}

/* The JSON broke after log.entries began: a fatal problem, the entries
 * before it are kept. */
static void
add_json_error_problem (JdHarReader *ctx)
{
  const GError *json_error = jd_json_reader_get_error (ctx->reader);
  gsize offset = jd_json_reader_get_error_offset (ctx->reader);

  if (ctx->entry >= 0)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (
        g_dngettext (
          GETTEXT_PACKAGE,
          "%s (in entries[%d]; reading stopped there, the %d entry before it is shown)",
          "%s (in entries[%d]; reading stopped there, the %d entries before it are shown)",
          ctx->entry),
        json_error->message, ctx->entry, ctx->entry);
      add_problem_message (ctx, offset, TRUE, g_steal_pointer (&message));
    }
  else
    add_problem_message (ctx, offset, TRUE, g_strdup (json_error->message));
}

/* After the document: a cancellation, a JSON error, or no log.entries.
 * FALSE with @error when nothing HAR-like was read. */
static gboolean
finish_reading (JdHarReader *ctx, const char *display_name, gboolean found_log,
                gboolean found_entries, GError **error)
{
  if (ctx->stop_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&ctx->stop_error));
      return FALSE;
    }

  if (!ctx->stopped && jd_json_reader_peek_token (ctx->reader) == JD_JSON_TOKEN_ERROR)
    {
      if (!found_entries)
        {
          g_set_error (error, JD_HAR_ERROR, JD_HAR_ERROR_NOT_JSON, _ ("%s is not a HAR: %s"),
                       display_name, jd_json_reader_get_error (ctx->reader)->message);
          return FALSE;
        }
      add_json_error_problem (ctx);
    }
  else if (!ctx->stopped && (!found_log || !found_entries))
    {
      g_set_error (error, JD_HAR_ERROR, JD_HAR_ERROR_NOT_HAR,
                   found_log ? _ ("%s is not a HAR: its \"log\" has no \"entries\" array")
                             : _ ("%s is not a HAR: it has no \"log\" object"),
                   display_name);
      return FALSE;
    }

  return TRUE;
}

gboolean
jd_har_read_bytes (GBytes *bytes, gboolean mapped, const char *display_name,
                   const JdHarReadOptions *options, JdHarContents *contents, GError **error)
{
  JdHarReader ctx = { 0 };
  gboolean found_log = FALSE;
  gboolean found_entries = FALSE;
  gboolean ok;

  reader_init (&ctx, bytes, mapped, options, contents);

  ok = check_size (&ctx, display_name, error);
  if (ok)
    {
      ctx.reader = jd_json_reader_new (ctx.data, ctx.len, JD_JSON_READER_ALLOW_BOM);
      jd_json_reader_set_limits (ctx.reader, ctx.limits->max_depth, ctx.limits->max_string_length);
      ok = read_document (&ctx, display_name, &found_log, &found_entries, error)
           && finish_reading (&ctx, display_name, found_log, found_entries, error);
    }

  if (ok && ctx.progress != NULL)
    ctx.progress (1.0, ctx.progress_data);

  reader_clear (&ctx);
  return ok;
}

/* The file can be read as a HAR: it exists, is not a folder, is not over
 * the size limit. */
static gboolean
check_file (GFile *file, const char *quoted, const JdHarReadOptions *options, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GFileInfo) info = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, options->cancellable, &local_error);
  if (info == NULL)
    {
      g_set_error (error, JD_HAR_ERROR, JD_HAR_ERROR_IO, _ ("Could not open %s: %s"), quoted,
                   local_error->message);
      return FALSE;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, JD_HAR_ERROR, JD_HAR_ERROR_IO, _ ("%s is a folder, not a HAR file"),
                   quoted);
      return FALSE;
    }
  if ((guint64)g_file_info_get_size (info) > options->limits->max_file_size)
    {
      set_too_large (error, quoted, g_file_info_get_size (info), options->limits->max_file_size);
      return FALSE;
    }
  return TRUE;
}

/* The file's bytes: mapped when it has a local path (*@mapped says whether
 * the mapping is private memory), loaded otherwise. */
static GBytes *
file_bytes (GFile *file, const char *quoted, GCancellable *cancellable, gboolean *mapped,
            GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr (GError) local_error = NULL;
  GBytes *bytes;

  if (path != NULL)
    {
      GMappedFile *mf = g_mapped_file_new (path, FALSE, &local_error);

      if (mf == NULL)
        {
          g_set_error (error, JD_HAR_ERROR, JD_HAR_ERROR_IO, _ ("Could not read %s: %s"), quoted,
                       local_error->message);
          return NULL;
        }
      bytes = g_mapped_file_get_bytes (mf);
      *mapped = g_mapped_file_get_contents (mf) != NULL;
      g_mapped_file_unref (mf);
    }
  else
    {
      char *text = NULL;
      gsize len = 0;

      if (!g_file_load_contents (file, cancellable, &text, &len, NULL, &local_error))
        {
          g_set_error (error, JD_HAR_ERROR, JD_HAR_ERROR_IO, _ ("Could not read %s: %s"), quoted,
                       local_error->message);
          return NULL;
        }
      bytes = g_bytes_new_take (text, len);
    }

  return bytes;
}

gboolean
jd_har_read_file (GFile *file, const JdHarReadOptions *options, JdHarContents *contents,
                  GError **error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *quoted = g_strdup_printf ("“%s”", name);
  g_autoptr (GBytes) bytes = NULL;
  gboolean mapped = FALSE;

  if (!check_file (file, quoted, options, error))
    return FALSE;
  bytes = file_bytes (file, quoted, options->cancellable, &mapped, error);
  if (bytes == NULL)
    return FALSE;

  return jd_har_read_bytes (bytes, mapped, quoted, options, contents, error);
}
