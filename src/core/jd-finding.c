/* jd-finding.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jd-finding.h"

struct _JdFinding
{
  GObject parent_instance;

  char *id;
  JdSeverity severity;
  int rank;
  char *claim;
  char *message;
  char *fix;
};

G_DEFINE_FINAL_TYPE (JdFinding, jd_finding, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_SEVERITY,
  PROP_RANK,
  PROP_CLAIM,
  PROP_MESSAGE,
  PROP_FIX,
  LAST_PROP
};

static GParamSpec *pspecs[LAST_PROP];

const char *
jd_severity_to_string (JdSeverity severity)
{
  switch (severity)
    {
      case JD_SEVERITY_ERROR:
        return "error";
      case JD_SEVERITY_WARNING:
        return "warning";
      case JD_SEVERITY_INFO:
        return "info";
      case JD_SEVERITY_OK:
        return "ok";
      default:
        g_return_val_if_reached ("error");
    }
}

static void
jd_finding_finalize (GObject *object)
{
  JdFinding *self = JD_FINDING (object);

  g_free (self->id);
  g_free (self->claim);
  g_free (self->message);
  g_free (self->fix);

  G_OBJECT_CLASS (jd_finding_parent_class)->finalize (object);
}

static void
jd_finding_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  JdFinding *self = JD_FINDING (object);

  switch (prop_id)
    {
      case PROP_ID:
        g_value_set_string (value, self->id);
        break;
      case PROP_SEVERITY:
        g_value_set_int (value, self->severity);
        break;
      case PROP_RANK:
        g_value_set_int (value, self->rank);
        break;
      case PROP_CLAIM:
        g_value_set_string (value, self->claim);
        break;
      case PROP_MESSAGE:
        g_value_set_string (value, self->message);
        break;
      case PROP_FIX:
        g_value_set_string (value, self->fix);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_finding_class_init (JdFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = jd_finding_finalize;
  object_class->get_property = jd_finding_get_property;

  /* Read-only: a finding never changes after it is made. */
  pspecs[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  pspecs[PROP_SEVERITY] = g_param_spec_int ("severity", NULL, NULL, 0, JD_SEVERITY_OK, 0, flags);
  pspecs[PROP_RANK] = g_param_spec_int ("rank", NULL, NULL, 0, G_MAXINT, 0, flags);
  pspecs[PROP_CLAIM] = g_param_spec_string ("claim", NULL, NULL, NULL, flags);
  pspecs[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, flags);
  pspecs[PROP_FIX] = g_param_spec_string ("fix", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, LAST_PROP, pspecs);
}

static void
jd_finding_init (JdFinding *self)
{
}

JdFinding *
jd_finding_new (const char *id, JdSeverity severity, int rank, const char *claim,
                const char *message, const char *fix)
{
  JdFinding *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  self = g_object_new (JD_TYPE_FINDING, NULL);
  self->id = g_strdup (id);
  self->severity = severity;
  self->rank = rank;
  self->claim = g_strdup (claim);
  self->message = g_strdup (message);
  self->fix = g_strdup (fix);
  return self;
}

const char *
jd_finding_get_id (JdFinding *self)
{
  g_return_val_if_fail (JD_IS_FINDING (self), NULL);
  return self->id;
}

JdSeverity
jd_finding_get_severity (JdFinding *self)
{
  g_return_val_if_fail (JD_IS_FINDING (self), JD_SEVERITY_ERROR);
  return self->severity;
}

int
jd_finding_get_rank (JdFinding *self)
{
  g_return_val_if_fail (JD_IS_FINDING (self), 0);
  return self->rank;
}

const char *
jd_finding_get_claim (JdFinding *self)
{
  g_return_val_if_fail (JD_IS_FINDING (self), NULL);
  return self->claim;
}

const char *
jd_finding_get_message (JdFinding *self)
{
  g_return_val_if_fail (JD_IS_FINDING (self), NULL);
  return self->message;
}

const char *
jd_finding_get_fix (JdFinding *self)
{
  g_return_val_if_fail (JD_IS_FINDING (self), NULL);
  return self->fix;
}

/* Findings that explain the others of their rank, so they lead it, in this
 * order: a cut token explains its decoding errors (it is said only when the
 * header and payload are whole, or the length is a header limit); "undefined"
 * or an opaque token explains them too; an ID token sent to an API explains
 * why its aud is not the API's. One row per id. */
static const char *const leading_ids[] = {
  "token-truncated",
  "no-token",
  "wrong-token-kind",
};

/* The row of @id in leading_ids, or G_N_ELEMENTS (leading_ids). */
static guint
leading_index (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (leading_ids); i++)
    if (strcmp (id, leading_ids[i]) == 0)
      return i;
  return G_N_ELEMENTS (leading_ids);
}

guint
jd_finding_leading_index (const char *id)
{
  g_return_val_if_fail (id != NULL, 0);
  return leading_index (id);
}

guint
jd_finding_n_leading (void)
{
  return G_N_ELEMENTS (leading_ids);
}

int
jd_finding_compare (gconstpointer a, gconstpointer b, gpointer user_data)
{
  JdFinding *fa = (JdFinding *)a;
  JdFinding *fb = (JdFinding *)b;
  guint la, lb;

  if (fa->severity != fb->severity)
    return fa->severity < fb->severity ? -1 : 1;
  if (fa->rank != fb->rank)
    return fa->rank < fb->rank ? -1 : 1;
  la = leading_index (fa->id);
  lb = leading_index (fb->id);
  if (la != lb)
    return la < lb ? -1 : 1;
  return strcmp (fa->id, fb->id);
}

void
jd_findings_add (GPtrArray *findings, const char *id, JdSeverity severity, int rank,
                 const char *claim, const char *message, const char *fix)
{
  g_return_if_fail (findings != NULL);
  g_ptr_array_add (findings, jd_finding_new (id, severity, rank, claim, message, fix));
}

static int
compare_finding_ptrs (gconstpointer a, gconstpointer b, gpointer user_data)
{
  return jd_finding_compare (*(gpointer const *)a, *(gpointer const *)b, user_data);
}

void
jd_findings_sort (GPtrArray *findings)
{
  g_return_if_fail (findings != NULL);
  /* g_ptr_array_sort_with_data() is a stable merge sort. */
  g_ptr_array_sort_with_data (findings, compare_finding_ptrs, NULL);
}

void
jd_findings_merge (GPtrArray *into, GPtrArray *more)
{
  g_return_if_fail (into != NULL);

  for (guint i = 0; more != NULL && i < more->len; i++)
    g_ptr_array_add (into, g_object_ref (g_ptr_array_index (more, i)));
  jd_findings_sort (into);
}

JdFinding *
jd_findings_find (GPtrArray *findings, const char *id)
{
  g_return_val_if_fail (findings != NULL, NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      JdFinding *f = g_ptr_array_index (findings, i);
      if (g_strcmp0 (f->id, id) == 0)
        return f;
    }
  return NULL;
}

gboolean
jd_findings_has (GPtrArray *findings, const char *id)
{
  return jd_findings_find (findings, id) != NULL;
}

char *
jd_describe_byte (guchar c)
{
  if (c == '\'')
    return g_strdup ("\"'\"");
  if (c >= 0x21 && c < 0x7f)
    return g_strdup_printf ("'%c'", c);
  if (c == ' ')
    return g_strdup (_ ("a space"));
  if (c == '\t')
    return g_strdup (_ ("a tab"));
  if (c == '\r' || c == '\n')
    return g_strdup (_ ("a line break"));
  if (c >= 0x80)
    return g_strdup_printf (_ ("the non-ASCII byte 0x%02X"), c);
  return g_strdup_printf (_ ("the control character 0x%02X"), c);
}
