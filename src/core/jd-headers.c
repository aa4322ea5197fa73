/* jd-headers.c — the headers of a request or a response, and the limits on them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "jd-headers-private.h"

static void
jd_header_free (gpointer data)
{
  JdHeader *header = data;

  g_free (header->name);
  g_free (header->value);
  g_free (header);
}

GPtrArray *
jd_headers_new (void)
{
  return g_ptr_array_new_with_free_func (jd_header_free);
}

/* HTTP/2 pseudo-headers (":authority", ":method", ":path", ":scheme",
 * ":status") come from HAR files and "Copy as cURL"; they are not headers
 * a HTTP/1.1 request can carry, so they are never stored. */
gboolean
jd_header_name_is_pseudo (const char *name)
{
  g_assert (name != NULL);

  return name[0] == ':';
}

/* What the header limits (JD_HEADERS_MAX_COUNT, JD_HEADER_MAX_SIZE) left
 * out of a request or a response. Kept per header name: setting a header
 * replaces what was said about it, removing it forgets it. */
typedef struct
{
  char *name;    /* as given */
  guint index;   /* its position (1-based) among the headers given */
  char *message; /* a translated sentence */
} LeftOut;

G_STATIC_ASSERT (JD_HEADER_MAX_SIZE < JD_CREDENTIAL_HEADER_MAX_SIZE);

static void
left_out_free (gpointer data)
{
  LeftOut *left_out = data;

  g_free (left_out->name);
  g_free (left_out->message);
  g_free (left_out);
}

void
jd_header_limits_init (JdHeaderLimits *limits, gboolean response)
{
  limits->response = response;
  limits->too_long = g_ptr_array_new_with_free_func (left_out_free);
  limits->over = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  limits->problems = g_ptr_array_new_with_free_func (g_free);
}

void
jd_header_limits_clear (JdHeaderLimits *limits)
{
  g_clear_pointer (&limits->first_over, g_free);
  g_clear_pointer (&limits->too_long, g_ptr_array_unref);
  g_clear_pointer (&limits->over, g_hash_table_unref);
  g_clear_pointer (&limits->problems, g_ptr_array_unref);
}

void
jd_header_limits_copy (JdHeaderLimits *to, const JdHeaderLimits *from)
{
  GHashTableIter iter;
  gpointer key, value;

  to->n_offered = from->n_offered;
  g_free (to->first_over);
  to->first_over = g_strdup (from->first_over);
  g_ptr_array_set_size (to->too_long, 0);
  for (guint i = 0; i < from->too_long->len; i++)
    {
      const LeftOut *left_out = g_ptr_array_index (from->too_long, i);
      LeftOut *copy = g_new0 (LeftOut, 1);

      copy->name = g_strdup (left_out->name);
      copy->index = left_out->index;
      copy->message = g_strdup (left_out->message);
      g_ptr_array_add (to->too_long, copy);
    }
  g_hash_table_remove_all (to->over);
  g_hash_table_iter_init (&iter, from->over);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (to->over, g_strdup (key), value);
  to->n_over = from->n_over;
  to->n_untracked = from->n_untracked;
}

/* Forgets the headers called @name that were left out (for their size or
 * past the count); returns how many there were. */
guint
jd_header_limits_forget (JdHeaderLimits *limits, const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);
  guint n = 0;
  gpointer over;

  for (guint i = limits->too_long->len; i > 0; i--)
    {
      const LeftOut *left_out = g_ptr_array_index (limits->too_long, i - 1);

      if (g_ascii_strcasecmp (left_out->name, name) == 0)
        {
          g_ptr_array_remove_index (limits->too_long, i - 1);
          n++;
        }
    }

  over = g_hash_table_lookup (limits->over, lower);
  if (over != NULL)
    {
      n += GPOINTER_TO_UINT (over);
      limits->n_over -= GPOINTER_TO_UINT (over);
      g_hash_table_remove (limits->over, lower);
      if (limits->n_over == limits->n_untracked)
        limits->n_untracked = 0;
      if (limits->n_over == 0)
        g_clear_pointer (&limits->first_over, g_free);
    }

  g_assert (limits->n_offered >= n);
  limits->n_offered -= n;
  return n;
}

/* TRUE when a header called @name was (or, past the names kept, may
 * have been) left out. */
gboolean
jd_header_limits_left_out (JdHeaderLimits *limits, const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  for (guint i = 0; i < limits->too_long->len; i++)
    if (g_ascii_strcasecmp (((LeftOut *)g_ptr_array_index (limits->too_long, i))->name, name) == 0)
      return TRUE;
  return limits->n_untracked > 0 || g_hash_table_contains (limits->over, lower);
}

/* The position (1-based) among the headers given of the kept header at
 * @kept (0-based): the ones left out for their size count too. */
guint
jd_header_limits_position (JdHeaderLimits *limits, guint kept)
{
  guint position = kept + 1;
  gboolean moved = TRUE;
  g_autofree gboolean *counted = g_new0 (gboolean, limits->too_long->len + 1);

  while (moved)
    {
      moved = FALSE;
      for (guint i = 0; i < limits->too_long->len; i++)
        if (!counted[i] && ((LeftOut *)g_ptr_array_index (limits->too_long, i))->index <= position)
          {
            counted[i] = TRUE;
            position++;
            moved = TRUE;
          }
    }
  return position;
}

/* A header name to show in a message: valid UTF-8, and not a megabyte of it. */
static char *
shorten_name (const char *name)
{
  gsize len = strlen (name);
  g_autofree char *valid = g_utf8_make_valid (name, MIN (len, 40));

  if (len > 40)
    return g_strconcat (valid, "…", NULL);
  return g_steal_pointer (&valid);
}

/* Headers that carry a token: as long as a token may be. */
static gsize
header_max_size (const char *name)
{
  if (g_ascii_strcasecmp (name, "Authorization") == 0
      || g_ascii_strcasecmp (name, "Proxy-Authorization") == 0
      || g_ascii_strcasecmp (name, "Cookie") == 0)
    return JD_CREDENTIAL_HEADER_MAX_SIZE;
  return JD_HEADER_MAX_SIZE;
}

/* TRUE when "@name: @value" fits; otherwise says so in @limits. @index is
 * the header's position (1-based) among those given. */
gboolean
jd_header_limits_fits (JdHeaderLimits *limits, guint index, const char *name, const char *value)
{
  gsize size = strlen (name) + 2 + strlen (value);
  gsize max = header_max_size (name);
  g_autofree char *shown = NULL;
  LeftOut *left_out;

  if (size <= max)
    return TRUE;

  shown = shorten_name (name);
  left_out = g_new0 (LeftOut, 1);
  left_out->name = g_strdup (name);
  left_out->index = index;
  left_out->message
    = limits->response
        /* Translators: "Header 12 (“X-Big”) of the response is 1048583 bytes long; …" */
        ? g_strdup_printf (_ ("Header %u (“%s”) of the response is %zu bytes long; a "
                              "header is at most %zu bytes, so it is left out."),
                           index, shown, size, max)
        : g_strdup_printf (_ ("Header %u (“%s”) of the request is %zu bytes long; a "
                              "header is at most %zu bytes, so it is left out."),
                           index, shown, size, max);
  g_ptr_array_add (limits->too_long, left_out);
  return FALSE;
}

GPtrArray *
jd_header_limits_get_problems (JdHeaderLimits *limits)
{
  g_ptr_array_set_size (limits->problems, 0);
  for (guint i = 0; i < limits->too_long->len; i++)
    g_ptr_array_add (limits->problems,
                     g_strdup (((LeftOut *)g_ptr_array_index (limits->too_long, i))->message));

  if (limits->n_over > 0)
    {
      guint n = limits->n_offered;

      g_ptr_array_add (
        limits->problems,
        limits->response
          ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Headers from %u (“%s”) on are left out: the "
                                          "response has %u header; only the first %u "
                                          "are read.",
                                          "Headers from %u (“%s”) on are left out: the "
                                          "response has %u headers; only the first %u "
                                          "are read.",
                                          n),
                             JD_HEADERS_MAX_COUNT + 1, limits->first_over, n, JD_HEADERS_MAX_COUNT)
          : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Headers from %u (“%s”) on are left out: the "
                                          "request has %u header; only the first %u "
                                          "are read.",
                                          "Headers from %u (“%s”) on are left out: the "
                                          "request has %u headers; only the first %u "
                                          "are read.",
                                          n),
                             JD_HEADERS_MAX_COUNT + 1, limits->first_over, n,
                             JD_HEADERS_MAX_COUNT));
    }

  return limits->problems;
}

void
jd_headers_add (GPtrArray *headers, JdHeaderLimits *limits, const char *name, const char *value)
{
  JdHeader *header;

  g_assert (headers != NULL);
  g_assert (limits != NULL);
  g_assert (name != NULL);

  if (jd_header_name_is_pseudo (name))
    return;
  if (value == NULL)
    value = "";

  limits->n_offered = MIN (limits->n_offered, G_MAXUINT - 1) + 1;
  if (limits->n_offered > JD_HEADERS_MAX_COUNT)
    {
      g_autofree char *lower = g_ascii_strdown (name, -1);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (limits->over, lower));

      if (limits->first_over == NULL)
        limits->first_over = shorten_name (name);
      /* A name per header, for a few (the memory of a million is not). */
      if (n > 0 || g_hash_table_size (limits->over) < JD_HEADERS_MAX_COUNT)
        g_hash_table_insert (limits->over, g_steal_pointer (&lower), GUINT_TO_POINTER (n + 1));
      else
        limits->n_untracked++;
      limits->n_over++;
      return;
    }
  if (!jd_header_limits_fits (limits, limits->n_offered, name, value))
    return;

  header = g_new0 (JdHeader, 1);
  header->name = g_strdup (name);
  header->value = g_strdup (value);
  g_ptr_array_add (headers, header);
}

const char *
jd_headers_get (GPtrArray *headers, const char *name)
{
  g_assert (headers != NULL);
  g_assert (name != NULL);

  for (guint i = 0; i < headers->len; i++)
    {
      JdHeader *header = g_ptr_array_index (headers, i);

      if (g_ascii_strcasecmp (header->name, name) == 0)
        return header->value;
    }

  return NULL;
}

/* Removes every header called @name, and what the limits said of it. */
void
jd_headers_remove (GPtrArray *headers, JdHeaderLimits *limits, const char *name)
{
  g_assert (headers != NULL);
  g_assert (limits != NULL);
  g_assert (name != NULL);

  for (guint i = headers->len; i > 0; i--)
    {
      JdHeader *header = g_ptr_array_index (headers, i - 1);

      if (g_ascii_strcasecmp (header->name, name) == 0)
        {
          g_ptr_array_remove_index (headers, i - 1);
          g_assert (limits->n_offered > 0);
          limits->n_offered--;
        }
    }
  jd_header_limits_forget (limits, name);
}
