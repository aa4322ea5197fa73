/* test-har-view.c — the HAR list beside the real window, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-ui.h"

#include <glib/gstdio.h>
#include <string.h>

#include "jd-application.h"
#include "jd-cause.h"
#include "jd-har-view.h"
#include "jd-window.h"

static JdApplication *app;

typedef struct
{
  JdWindow *window;
  JdSession *session;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->window = jd_test_window_new (app, 900, 700);
  f->session = jd_window_get_session (f->window);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  /* The HAR view and the compare window belong to this window: destroy them
   * too, and let every one of them go before the next test maps new windows
   * (GTK 4.8's style bookkeeping trips over windows still being torn down). */
  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr (GtkWindow) w = g_list_model_get_item (toplevels, i - 1);
      gtk_window_destroy (w);
    }
  ITERATE_UNTIL (g_list_model_get_n_items (toplevels) == 0);
  jd_test_iterate_for (50);
}

static JdHarView *
open_view (Fixture *f, const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  JdHarView *view = jd_window_open_har (f->window, file);

  ITERATE_UNTIL (!jd_har_view_get_loading (view));
  return view;
}

static JdHarEntry *
row (JdHarView *view, guint i)
{
  JdHarEntry *e = g_list_model_get_item (jd_har_view_get_rows (view), i);

  g_assert_nonnull (e);
  g_object_unref (e);
  return e;
}

static gboolean
session_has_token (Fixture *f, const char *token)
{
  JdToken *t = jd_session_get_token (f->session);

  return t != NULL && !jd_session_get_busy (f->session)
         && g_strcmp0 (jd_token_get_text (t), token) == 0;
}

static void
test_list (Fixture *f, gconstpointer data)
{
  JdHarView *view = open_view (f, "har-chrome-401.har");
  GListModel *rows = jd_har_view_get_rows (view);
  JdHarEntry *e;

  g_assert_null (jd_har_view_get_error (view));
  g_assert_nonnull (jd_har_view_get_har (view));
  g_assert_null (jd_har_view_get_message (view));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 9);
  /* 401 and 403 first */
  g_assert_cmpuint (jd_har_entry_get_status (row (view, 0)), ==, 401);
  g_assert_cmpuint (jd_har_entry_get_status (row (view, 1)), ==, 403);
  g_assert_cmpuint (jd_har_entry_get_index (row (view, 2)), ==, 0);

  /* filters: text, status class, auth failures, tokens */
  jd_har_view_set_filter (view, "admin", JD_HAR_VIEW_STATUS_ALL);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
  jd_har_view_set_filter (view, "", JD_HAR_VIEW_STATUS_AUTH_FAILURES);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 2);
  jd_har_view_set_filter (view, "orders", JD_HAR_VIEW_STATUS_2XX);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
  jd_har_view_set_filter (view, "", JD_HAR_VIEW_STATUS_NO_RESPONSE);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
  jd_har_view_set_filter (view, "", JD_HAR_VIEW_STATUS_WITH_TOKEN);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 7);
  jd_har_view_set_filter (view, "nothing-matches-this", JD_HAR_VIEW_STATUS_ALL);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
  jd_har_view_set_filter (view, NULL, JD_HAR_VIEW_STATUS_ALL);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 9);

  /* choosing the 401: its token and request go to the window, the clock
   * is set to the moment it was sent */
  e = row (view, 0);
  jd_har_view_select (view, 0);
  ITERATE_UNTIL (session_has_token (f, jd_har_entry_get_token (e)));
  g_assert_cmpint (jd_session_get_now (f->session), ==, 1700000040);
  g_assert_nonnull (jd_session_get_request (f->session));
  g_assert_cmpstr (jd_request_get_url (jd_session_get_request (f->session)), ==,
                   "https://api.example.com/v1/orders?page=2");
  g_assert_nonnull (strstr (jd_har_view_get_details (view), "401"));
  g_assert_nonnull (
    strstr (jd_har_view_get_details (view), "WWW-Authenticate: Bearer realm=\"api\""));
  {
    /* the token was 40 s past exp then: within the leeway, a warning */
    JdFinding *expired = NULL;
    GListModel *findings = jd_session_get_findings (f->session);

    for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
      {
        g_autoptr (JdFinding) fi = g_list_model_get_item (findings, i);
        if (g_strcmp0 (jd_finding_get_id (fi), JD_FINDING_EXPIRED_WITHIN_LEEWAY) == 0)
          expired = fi;
      }
    g_assert_nonnull (expired);
  }

  jd_test_save_screenshot (GTK_WIDGET (view), "har-view.png");

  /* the switch goes back to the clock, and forth */
  jd_har_view_set_at_request_time (view, FALSE);
  g_assert_false (jd_har_view_get_at_request_time (view));
  /* 0 = the clock: the session reports the current time */
  g_assert_cmpint (ABS (jd_session_get_now (f->session) - g_get_real_time () / G_USEC_PER_SEC), <,
                   10);
  jd_har_view_set_at_request_time (view, TRUE);
  g_assert_cmpint (jd_session_get_now (f->session), ==, 1700000040);

  /* a cookie token: the bare token goes to the Token page */
  jd_har_view_set_filter (view, "dashboard", JD_HAR_VIEW_STATUS_ALL);
  e = row (view, 0);
  jd_har_view_select (view, 0);
  ITERATE_UNTIL (session_has_token (f, jd_har_entry_get_token (e)));
  g_assert_cmpint (jd_session_get_now (f->session), ==, 1700000103);
  g_assert_nonnull (strstr (jd_har_view_get_details (view), "cookie “session”"));

  gtk_window_destroy (GTK_WINDOW (view));
  jd_test_iterate_for (20);
}

/* The first GtkLabel under @widget whose text holds @text. */
static GtkWidget *
find_label (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label (c, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
clock_is_now (Fixture *f)
{
  return ABS (jd_session_get_now (f->session) - g_get_real_time () / G_USEC_PER_SEC) < 10;
}

/* The instant of judgement belongs to the token: a HAR entry's token is
 * judged when its request was sent, and the banner says so with a Judge Now
 * button; anything pasted afterwards is judged at now, also once the HAR
 * window is closed. */
static void
test_judged_at_request_time (Fixture *f, gconstpointer data)
{
  JdHarView *view = open_view (f, "har-chrome-401.har");
  JdTokenPage *page = jd_window_get_token_page (f->window);
  JdHarEntry *e = row (view, 0);
  JdVerdict *verdict;
  GtkWidget *judge_now;
  g_autofree char *report = NULL;
  g_autofree char *other
    = g_strdup ("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvdGhlciIsImV4cCI6OTk5OTk5OTk5OX0.c2ln");

  jd_har_view_select (view, 0);
  ITERATE_UNTIL (session_has_token (f, jd_har_entry_get_token (e))
                 && jd_session_get_verdict (f->session) != NULL);
  verdict = jd_session_get_verdict (f->session);
  g_assert_false (jd_verdict_get_judged_now (verdict));
  g_assert_cmpint (jd_verdict_get_judged_at (verdict), ==, 1700000040);
  g_assert_cmpstr (jd_session_get_judged_reason (f->session), ==, "when the request was sent");
  g_assert_nonnull (
    strstr (jd_token_page_get_verdict (page),
            "Judged at 22:14:00 UTC on 14 November 2023, when the request was sent"));
  /* the copied report follows the same instant */
  report = jd_session_dup_report (f->session);
  g_assert_nonnull (strstr (report, "Judged at 22:14:00 UTC on 14 November 2023"));
  judge_now = find_label (GTK_WIDGET (page), "Judge Now</a>");
  g_assert_nonnull (judge_now);
  g_assert_true (gtk_widget_is_visible (judge_now));
  jd_test_save_screenshot (GTK_WIDGET (f->window), "judged-at-request-time.png");

  /* Judge Now: the same token, judged at the clock */
  {
    gboolean handled = FALSE;
    g_signal_emit_by_name (judge_now, "activate-link", "jd:judge-now", &handled);
    g_assert_true (handled);
  }
  g_assert_null (jd_session_get_judged_reason (f->session));
  g_assert_true (clock_is_now (f));
  g_assert_true (jd_verdict_get_judged_now (jd_session_get_verdict (f->session)));
  g_assert_null (strstr (jd_token_page_get_verdict (page), "Judged at"));
  jd_test_iterate_for (20);
  g_assert_false (gtk_widget_is_visible (judge_now));

  /* choose it again, then paste another token: that one is judged at now */
  jd_har_view_set_at_request_time (view, TRUE);
  jd_har_view_select (view, 1);
  jd_har_view_select (view, 0);
  ITERATE_UNTIL (jd_session_get_judged_reason (f->session) != NULL);
  jd_token_page_set_text (page, other);
  ITERATE_UNTIL (session_has_token (f, other));
  g_assert_null (jd_session_get_judged_reason (f->session));
  g_assert_true (clock_is_now (f));
  g_assert_null (strstr (jd_token_page_get_verdict (page), "Judged at"));

  /* and after the HAR window is closed too */
  jd_har_view_select (view, 0);
  ITERATE_UNTIL (jd_session_get_judged_reason (f->session) != NULL);
  gtk_window_destroy (GTK_WINDOW (view));
  jd_test_iterate_for (20);
  g_assert_nonnull (jd_session_get_judged_reason (f->session));
  jd_token_page_set_text (page, other);
  ITERATE_UNTIL (session_has_token (f, other));
  g_assert_null (jd_session_get_judged_reason (f->session));
  g_assert_true (clock_is_now (f));
}

/* Every label text under @widget, for finding what a list shows. */
static void
collect_labels (GtkWidget *widget, GPtrArray *texts)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (texts, (gpointer)gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    collect_labels (c, texts);
}

static gboolean
shows (JdHarView *view, const char *text)
{
  g_autoptr (GPtrArray) texts = g_ptr_array_new ();

  collect_labels (GTK_WIDGET (view), texts);
  for (guint i = 0; i < texts->len; i++)
    if (g_strcmp0 (g_ptr_array_index (texts, i), text) == 0)
      return TRUE;
  return FALSE;
}

/* Issue 12: the list answers before any row is chosen: each failing call's
 * first cause in a column of its own, and the host of every call. */
static void
test_cause_column (Fixture *f, gconstpointer data)
{
  JdHarView *view = open_view (f, "har-chrome-401.har");
  g_autofree char *first = jd_har_entry_dup_first_cause (row (view, 0), NULL);
  g_autofree char *second = jd_har_entry_dup_first_cause (row (view, 1), NULL);

  gtk_window_set_default_size (GTK_WINDOW (view), 1100, 600);
  g_assert_nonnull (first);
  g_assert_nonnull (strstr (second, "insufficient_scope: "));
  g_assert_null (jd_har_entry_dup_first_cause (row (view, 2), NULL));
  ITERATE_UNTIL (shows (view, first) && shows (view, second));
  g_assert_true (shows (view, "api.example.com"));
  g_assert_true (shows (view, "Cause"));
  g_assert_true (shows (view, "Host"));
  /* Nothing chosen yet. */
  g_assert_null (jd_har_view_get_selected_entry (view));
  jd_test_save_screenshot (GTK_WIDGET (view), "har-view-causes.png");

  gtk_window_destroy (GTK_WINDOW (view));
  jd_test_iterate_for (20);
}

static void
test_sanitized (Fixture *f, gconstpointer data)
{
  JdHarView *view = open_view (f, "har-sanitized.har");
  const char *message = jd_har_view_get_message (view);

  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "Allow to generate HAR with sensitive data"));
  g_assert_cmpuint (g_list_model_get_n_items (jd_har_view_get_rows (view)), ==, 9);
  jd_test_save_screenshot (GTK_WIDGET (view), "har-view-sanitized.png");

  /* no token: the window is left as it was */
  jd_har_view_select (view, 0);
  jd_test_iterate_for (50);
  g_assert_null (jd_session_get_token (f->session));
  g_assert_nonnull (strstr (jd_har_view_get_details (view), "no token"));

  gtk_window_destroy (GTK_WINDOW (view));
  jd_test_iterate_for (20);
}

static void
test_broken (Fixture *f, gconstpointer data)
{
  JdHarView *truncated = open_view (f, "har-truncated.har");
  JdHarView *not_json = open_view (f, "har-not-json.har");

  /* what could be read is listed, with the position of the problem */
  g_assert_cmpuint (g_list_model_get_n_items (jd_har_view_get_rows (truncated)), ==, 3);
  g_assert_nonnull (strstr (jd_har_view_get_message (truncated), "the data ends inside"));
  g_assert_nonnull (strstr (jd_har_view_get_message (truncated), "line 331"));

  g_assert_null (jd_har_view_get_rows (not_json));
  g_assert_nonnull (jd_har_view_get_error (not_json));
  g_assert_nonnull (strstr (jd_har_view_get_error (not_json), "byte 0 (line 1, column 1)"));

  gtk_window_destroy (GTK_WINDOW (truncated));
  gtk_window_destroy (GTK_WINDOW (not_json));
  jd_test_iterate_for (20);
}

static void
test_open_file_hook (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "har-firefox-bidi.har", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  GList *windows;
  JdHarView *view = NULL;

  /* opening a .har in the window opens a HAR view */
  jd_window_open_file (f->window, file);
  windows = gtk_application_get_windows (GTK_APPLICATION (app));
  for (GList *l = windows; l != NULL; l = l->next)
    if (JD_IS_HAR_VIEW (l->data))
      view = l->data;
  g_assert_nonnull (view);
  ITERATE_UNTIL (!jd_har_view_get_loading (view));
  g_assert_cmpuint (g_list_model_get_n_items (jd_har_view_get_rows (view)), ==, 2);

  /* closing the main window closes its HAR views */
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *)&view);
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = jd_window_new (GTK_APPLICATION (app));
  jd_test_iterate_for (50);
  g_assert_null (view);
}

/* A HAR saved under another name (export.json) opens in a HAR view too,
 * known by its first bytes: never "opening HAR files is not supported". */
static void
test_open_har_by_content (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "har-firefox-bidi.har", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jd-har-XXXXXX", NULL);
  g_autofree char *copy = g_build_filename (dir, "export.json", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (copy);
  JdHarView *view = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (copy, contents, len, NULL));
  jd_window_open_file (f->window, file);
  ITERATE_UNTIL (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))) > 1);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (JD_IS_HAR_VIEW (l->data))
      view = l->data;
  g_assert_nonnull (view);
  ITERATE_UNTIL (!jd_har_view_get_loading (view));
  g_assert_cmpuint (g_list_model_get_n_items (jd_har_view_get_rows (view)), ==, 2);
  /* the token area was left as it was */
  g_assert_null (jd_session_get_token (f->session));

  g_unlink (copy);
  g_rmdir (dir);
}

/* Issue 12: a HAR opened from the file manager or the command line
 * (GApplication::open) puts its requests window in front, not the main
 * window on top of it. */
static void
test_open_in_front (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "har-chrome-401.har", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  JdHarView *view = NULL;

  g_application_open (G_APPLICATION (app), &file, 1, "");
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (JD_IS_HAR_VIEW (l->data))
      view = l->data;
  g_assert_nonnull (view);
  ITERATE_UNTIL (!jd_har_view_get_loading (view));
  ITERATE_UNTIL (gtk_window_is_active (GTK_WINDOW (view)));
  jd_test_iterate_for (200);
  g_assert_true (gtk_window_is_active (GTK_WINDOW (view)));
  g_assert_false (gtk_window_is_active (GTK_WINDOW (f->window)));
  g_assert_true (gtk_application_get_windows (GTK_APPLICATION (app))->data == (gpointer)view);

  gtk_window_destroy (GTK_WINDOW (view));
  jd_test_iterate_for (20);
}

static void
test_cancel (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "har-chrome-401.har", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  JdHarView *view = jd_window_open_har (f->window, file);

  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *)&view);
  /* Cancel (what the button does) before the worker is done: the view goes away */
  gtk_window_close (GTK_WINDOW (view));
  ITERATE_UNTIL (view == NULL);
}

static JdCompareRow *
compare_row (GPtrArray *rows, const char *name)
{
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      JdCompareRow *r = g_ptr_array_index (rows, i);
      if (g_strcmp0 (r->name, name) == 0)
        return r;
    }
  g_error ("no comparison row %s", name);
  return NULL;
}

static void
test_timeline (Fixture *f, gconstpointer data)
{
  JdHarView *view = open_view (f, "har-chrome-401.har");
  JdTimelineView *timeline = jd_har_view_get_timeline_view (view);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  JdHarEntry *selected;

  /* read only when the page is shown */
  g_assert_cmpstr (jd_har_view_get_page (view), ==, "requests");
  g_assert_null (jd_timeline_view_get_timeline (timeline));
  jd_har_view_set_page (view, "tokens");
  g_assert_cmpstr (jd_har_view_get_page (view), ==, "tokens");
  g_assert_nonnull (jd_timeline_view_get_timeline (timeline));

  /* the two distinct tokens, in order of first use */
  g_assert_cmpuint (jd_timeline_view_get_timeline (timeline)->len, ==, 2);
  g_assert_nonnull (strstr (jd_timeline_view_get_summary (timeline), "2 distinct tokens"));
  g_assert_nonnull (strstr (jd_timeline_view_get_summary (timeline), "from 22:00:00 to 22:16:00"));

  first = jd_timeline_view_dup_description (timeline, 0);
  g_test_message ("%s", first);
  g_assert_nonnull (strstr (first, "sub alice · kid k1"));
  g_assert_nonnull (strstr (first, "Authorization header"));
  g_assert_nonnull (strstr (first, "cookie “session”"));
  g_assert_nonnull (strstr (first, "Used 4 times, from 22:00:00 to 22:16:00"));
  g_assert_nonnull (strstr (first, "expires 22:13:20"));
  /* the refresh race, in words: the 401 went out 40 s after exp */
  g_assert_nonnull (strstr (
    first, "Expired at 22:13:20, then sent 3 more times: 1 request failed (401 or 403) after exp"));
  g_assert_nonnull (strstr (first, "401 GET /v1/orders?page=2 · 22:14:00, 40 seconds after exp"));

  second = jd_timeline_view_dup_description (timeline, 1);
  g_test_message ("%s", second);
  g_assert_nonnull (strstr (second, "kid k2"));
  g_assert_nonnull (strstr (second, "access_token query parameter"));
  g_assert_nonnull (strstr (second, "Not expired at any use"));
  /* the 403 is not about expiry, and says so */
  g_assert_nonnull (
    strstr (second, "1 request was refused (401 or 403) before exp: not an expiry problem"));
  /* the tokens themselves never appear */
  for (guint i = 0; i < 2; i++)
    {
      JdHarTimelineToken *t = g_ptr_array_index (jd_timeline_view_get_timeline (timeline), i);
      g_assert_null (strstr (i == 0 ? first : second, t->token));
    }

  jd_test_save_screenshot (GTK_WIDGET (view), "har-view-tokens.png");

  /* the failed request's button selects it in the Requests list, even
   * when the filter hides it */
  jd_har_view_set_filter (view, "admin", JD_HAR_VIEW_STATUS_ALL);
  jd_timeline_view_activate_failed (timeline, 0, 0);
  g_assert_cmpstr (jd_har_view_get_page (view), ==, "requests");
  selected = jd_har_view_get_selected_entry (view);
  g_assert_nonnull (selected);
  g_assert_cmpuint (jd_har_entry_get_index (selected), ==, 1);
  g_assert_cmpuint (jd_har_entry_get_status (selected), ==, 401);
  g_assert_cmpuint (g_list_model_get_n_items (jd_har_view_get_rows (view)), ==, 9);
  ITERATE_UNTIL (session_has_token (f, jd_har_entry_get_token (selected)));
  g_assert_cmpint (jd_session_get_now (f->session), ==, 1700000040);

  gtk_window_destroy (GTK_WINDOW (view));
  jd_test_iterate_for (20);
}

static void
test_compare (Fixture *f, gconstpointer data)
{
  JdHarView *view = open_view (f, "har-chrome-401.har");
  JdCompareView *compare;
  GPtrArray *rows;
  const char *summary;
  g_autofree char *other = NULL;

  /* nothing selected: the first failing call with a token (#1, 401) and
   * the call that worked on the same path (#3, 200) */
  compare = jd_har_view_compare (view, NULL);
  g_object_add_weak_pointer (G_OBJECT (compare), (gpointer *)&compare);
  ITERATE_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (compare)));
  rows = jd_compare_view_get_rows (compare);
  g_assert_nonnull (rows);

  g_assert_cmpint (compare_row (rows, "kid")->state, ==, JD_COMPARE_DIFFERENT);
  g_assert_cmpstr (compare_row (rows, "kid")->left, ==, "\"k2\"");
  g_assert_cmpstr (compare_row (rows, "kid")->right, ==, "\"k1\"");
  g_assert_cmpint (compare_row (rows, "exp")->state, ==, JD_COMPARE_DIFFERENT);
  g_assert_cmpint (compare_row (rows, "iat")->state, ==, JD_COMPARE_DIFFERENT);
  g_assert_cmpint (compare_row (rows, "aud")->state, ==, JD_COMPARE_SAME);
  g_assert_cmpint (compare_row (rows, "alg")->state, ==, JD_COMPARE_SAME);
  g_assert_cmpint (compare_row (rows, "scope")->state, ==, JD_COMPARE_SAME);
  g_assert_cmpint (compare_row (rows, "lifetime (exp − iat)")->state, ==, JD_COMPARE_SAME);
  g_assert_cmpint (compare_row (rows, "at the moment of use")->state, ==, JD_COMPARE_DIFFERENT);

  summary = jd_compare_view_get_summary (compare);
  g_test_message ("%s", summary);
  g_assert_true (g_str_has_prefix (summary, "4 differences\n"));
  g_assert_nonnull (strstr (summary, "• token B had expired when it was used"));
  g_assert_nonnull (strstr (summary, "different key id"));

  jd_test_save_screenshot (GTK_WIDGET (compare), "compare-view.png");

  /* a pasted token on the right: another audience and scope */
  other = g_strdup ("Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImsyIn0."
                    "eyJpc3MiOiJodHRwczovL2lkLmV4YW1wbGUuY29tLyIsInN1YiI6ImFsaWNlIiwiYXVkIjoiaHR0cH"
                    "M6Ly9hZG1pbi5leGFtcGxlLmNvbSIsImlhdCI6MTcwMDAwMDA0MCwiZXhwIjoxNzAwMDAzNjQwLCJz"
                    "Y29wZSI6Im9yZGVyczpyZWFkIG9yZGVyczp3cml0ZSJ9."
                    "c2lnbmF0dXJl");
  jd_compare_view_set_right_text (compare, other);
  rows = jd_compare_view_get_rows (compare);
  g_assert_cmpint (compare_row (rows, "aud")->state, ==, JD_COMPARE_DIFFERENT);
  g_assert_cmpint (compare_row (rows, "kid")->state, ==, JD_COMPARE_SAME);
  g_assert_nonnull (strstr (jd_compare_view_get_summary (compare), "different audience"));
  g_assert_nonnull (strstr (jd_compare_view_get_summary (compare), "only in B: orders:write"));
  jd_compare_view_set_only_differences (compare, TRUE);
  jd_test_save_screenshot (GTK_WIDGET (compare), "compare-view-pasted.png");

  /* choosing the 200 and pressing Compare again reuses the window, with
   * the failing partner picked for it */
  g_assert_true (jd_har_view_compare (view, row (view, 2)) == compare);
  rows = jd_compare_view_get_rows (compare);
  g_assert_cmpint (compare_row (rows, "kid")->state, ==, JD_COMPARE_SAME);
  g_assert_cmpint (compare_row (rows, "aud")->state, ==, JD_COMPARE_SAME);

  /* closing the HAR view closes the comparison */
  jd_test_destroy (GTK_WINDOW (view));
  g_assert_null (compare);
}

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int argc, char *argv[])
{
  int ret;

  app = jd_test_application_new (&argc, &argv);

  ADD ("/jd/app/har-view/list", test_list);
  ADD ("/jd/app/har-view/sanitized", test_sanitized);
  ADD ("/jd/app/har-view/cause-column", test_cause_column);
  ADD ("/jd/app/har-view/broken", test_broken);
  ADD ("/jd/app/har-view/open-file", test_open_file_hook);
  ADD ("/jd/app/har-view/open-har-by-content", test_open_har_by_content);
  ADD ("/jd/app/har-view/cancel", test_cancel);
  ADD ("/jd/app/har-view/open-in-front", test_open_in_front);
  ADD ("/jd/app/har-view/timeline", test_timeline);
  ADD ("/jd/app/har-view/compare", test_compare);
  ADD ("/jd/app/har-view/judged-at-request-time", test_judged_at_request_time);

  ret = g_test_run ();

  g_clear_object (&app);
  return ret;
}
