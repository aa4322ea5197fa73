/* test-window-util.h — what the window tests share: the fixture (a real
 * window under Xvfb), tokens to paste, and finding widgets and rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "jd-application.h"
#include "jd-claims.h"
#include "jd-window.h"
#include "test-ui.h"

G_BEGIN_DECLS

/* The application of the test program (jd_test_application_new()). */
extern JdApplication *app;

typedef struct
{
  JdWindow *window;
  JdSession *session;
  JdTokenPage *token_page;
  char *tmpdir;
} Fixture;

/* Tokens to paste: @header and @payload (JSON) under a fake signature. */
char *b64url (const char *text);
char *make_token (const char *header, const char *payload);

/* The paste area's text; TRUE once the session decoded what it shows. */
char *buffer_text (Fixture *f);
gboolean session_caught_up (Fixture *f);

/* The top-level row of the claims tree named @name, or NULL. */
JdClaimNode *find_row (GListModel *rows, const char *name);

/* The session's ranked findings. */
JdFinding *finding_at (Fixture *f, guint i);
gboolean has_finding (Fixture *f, const char *id);

/* A 900×700 window, mapped, and a temporary directory. */
void fixture_setup (Fixture *f, gconstpointer data);
void fixture_teardown (Fixture *f, gconstpointer data);

/* The first widget under (or being) @widget of @type; a text view. */
GtkWidget *find_first (GtkWidget *widget, GType type);
GtkWidget *find_text_view (GtkWidget *widget);

/* Every label under @widget (with @css_class, or all when NULL). */
void collect_labels (GtkWidget *widget, const char *css_class, GPtrArray *labels);

/* The vertical adjustment of the Token page's scrolled window. */
GtkAdjustment *page_adjustment (Fixture *f);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

G_END_DECLS
