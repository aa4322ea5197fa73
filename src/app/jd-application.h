/* jd-application.h — the JWT Doctor application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define JD_TYPE_APPLICATION (jd_application_get_type ())
G_DECLARE_FINAL_TYPE (JdApplication, jd_application, JD, APPLICATION, AdwApplication)

JdApplication *jd_application_new (void);
/* The settings (io.github.jwtdoctor.JwtDoctor), or NULL when the schema is
 * not installed (the window then works with the defaults). */
GSettings *jd_application_get_settings (JdApplication *self);

G_END_DECLS
