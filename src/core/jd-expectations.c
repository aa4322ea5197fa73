/* jd-expectations.c — what the server expects of a token
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "jd-expectations.h"

JdExpectations *
jd_expectations_new (void)
{
  JdExpectations *self = g_new0 (JdExpectations, 1);

  self->now = g_get_real_time () / G_USEC_PER_SEC;
  self->leeway = JD_DEFAULT_LEEWAY;
  return self;
}

JdExpectations *
jd_expectations_copy (const JdExpectations *self)
{
  JdExpectations *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (JdExpectations, 1);
  copy->now = self->now;
  copy->leeway = self->leeway;
  copy->audience = g_strdup (self->audience);
  copy->issuer = g_strdup (self->issuer);
  copy->algorithms = g_strdupv (self->algorithms);
  copy->token_kind = self->token_kind;
  return copy;
}

void
jd_expectations_free (JdExpectations *self)
{
  if (self == NULL)
    return;
  g_free (self->audience);
  g_free (self->issuer);
  g_strfreev (self->algorithms);
  g_free (self);
}
