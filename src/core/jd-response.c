/* jd-response.c — an HTTP response, as data (no sockets here)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "jd-headers-private.h"
#include "jd-response.h"

struct _JdResponse
{
  GObject parent_instance;

  guint status;
  char *reason;
  char *http_version;
  GPtrArray *headers; /* (element-type JdHeader) */
  JdHeaderLimits limits;
  GBytes *body;
  gboolean body_truncated;
  double elapsed_ms;
};

G_DEFINE_FINAL_TYPE (JdResponse, jd_response, G_TYPE_OBJECT)

enum
{
  RESPONSE_PROP_0,
  RESPONSE_PROP_STATUS,
  RESPONSE_PROP_REASON,
  RESPONSE_LAST_PROP
};

static GParamSpec *response_pspecs[RESPONSE_LAST_PROP];

static void
jd_response_finalize (GObject *object)
{
  JdResponse *self = JD_RESPONSE (object);

  g_free (self->reason);
  g_free (self->http_version);
  g_ptr_array_unref (self->headers);
  jd_header_limits_clear (&self->limits);
  g_clear_pointer (&self->body, g_bytes_unref);

  G_OBJECT_CLASS (jd_response_parent_class)->finalize (object);
}

static void
jd_response_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  JdResponse *self = JD_RESPONSE (object);

  switch (prop_id)
    {
      case RESPONSE_PROP_STATUS:
        g_value_set_uint (value, self->status);
        break;
      case RESPONSE_PROP_REASON:
        g_value_set_string (value, self->reason);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_response_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  JdResponse *self = JD_RESPONSE (object);

  switch (prop_id)
    {
      case RESPONSE_PROP_STATUS:
        self->status = g_value_get_uint (value);
        break;
      case RESPONSE_PROP_REASON:
        g_free (self->reason);
        self->reason = g_value_dup_string (value);
        if (self->reason == NULL)
          self->reason = g_strdup ("");
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_response_class_init (JdResponseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = jd_response_finalize;
  object_class->get_property = jd_response_get_property;
  object_class->set_property = jd_response_set_property;

  response_pspecs[RESPONSE_PROP_STATUS]
    = g_param_spec_uint ("status", NULL, NULL, 0, 999, 0, flags);
  response_pspecs[RESPONSE_PROP_REASON] = g_param_spec_string ("reason", NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, RESPONSE_LAST_PROP, response_pspecs);
}

static void
jd_response_init (JdResponse *self)
{
  self->reason = g_strdup ("");
  self->http_version = g_strdup ("HTTP/1.1");
  self->headers = jd_headers_new ();
  jd_header_limits_init (&self->limits, TRUE);
}

JdResponse *
jd_response_new (guint status, const char *reason)
{
  g_return_val_if_fail (status <= 999, NULL);

  return g_object_new (JD_TYPE_RESPONSE, "status", status, "reason", reason != NULL ? reason : "",
                       NULL);
}

guint
jd_response_get_status (JdResponse *self)
{
  g_return_val_if_fail (JD_IS_RESPONSE (self), 0);

  return self->status;
}

const char *
jd_response_get_reason (JdResponse *self)
{
  g_return_val_if_fail (JD_IS_RESPONSE (self), NULL);

  return self->reason;
}

const char *
jd_response_get_http_version (JdResponse *self)
{
  g_return_val_if_fail (JD_IS_RESPONSE (self), NULL);

  return self->http_version;
}

void
jd_response_set_http_version (JdResponse *self, const char *version)
{
  g_return_if_fail (JD_IS_RESPONSE (self));

  g_free (self->http_version);
  self->http_version = g_strdup (version != NULL ? version : "");
}

GPtrArray *
jd_response_get_headers (JdResponse *self)
{
  g_return_val_if_fail (JD_IS_RESPONSE (self), NULL);

  return self->headers;
}

void
jd_response_add_header (JdResponse *self, const char *name, const char *value)
{
  g_return_if_fail (JD_IS_RESPONSE (self));
  g_return_if_fail (name != NULL);

  jd_headers_add (self->headers, &self->limits, name, value);
}

GPtrArray *
jd_response_get_header_problems (JdResponse *self)
{
  g_return_val_if_fail (JD_IS_RESPONSE (self), NULL);

  return jd_header_limits_get_problems (&self->limits);
}

gboolean
jd_response_header_left_out (JdResponse *self, const char *name)
{
  g_return_val_if_fail (JD_IS_RESPONSE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  return jd_header_limits_left_out (&self->limits, name);
}

const char *
jd_response_get_header (JdResponse *self, const char *name)
{
  g_return_val_if_fail (JD_IS_RESPONSE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return jd_headers_get (self->headers, name);
}

GBytes *
jd_response_get_body (JdResponse *self)
{
  g_return_val_if_fail (JD_IS_RESPONSE (self), NULL);

  return self->body;
}

void
jd_response_set_body (JdResponse *self, GBytes *body, gboolean truncated)
{
  g_return_if_fail (JD_IS_RESPONSE (self));

  if (body != NULL)
    g_bytes_ref (body);
  g_clear_pointer (&self->body, g_bytes_unref);
  self->body = body;
  self->body_truncated = !!truncated;
}

gboolean
jd_response_get_body_truncated (JdResponse *self)
{
  g_return_val_if_fail (JD_IS_RESPONSE (self), FALSE);

  return self->body_truncated;
}

double
jd_response_get_elapsed_ms (JdResponse *self)
{
  g_return_val_if_fail (JD_IS_RESPONSE (self), 0.0);

  return self->elapsed_ms;
}

void
jd_response_set_elapsed_ms (JdResponse *self, double ms)
{
  g_return_if_fail (JD_IS_RESPONSE (self));

  self->elapsed_ms = ms;
}
