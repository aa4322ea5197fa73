/* test-run.h — run a program (jwt-doctor-cli) the way a user does and keep
 * its exit status and output, for test-cli, test-cli-module and test-net
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  int status;
  char *out;
  char *err;
} JdTestRun;

void jd_test_run_clear (JdTestRun *r);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (JdTestRun, jd_test_run_clear)

/* $JD_CLI, set by tests/meson.build (fails the test when it is not). */
const char *jd_test_cli_path (void);

/* Runs @program with @args (NULL-terminated, without argv[0]), LC_ALL=C.UTF-8
 * and the NULL-terminated name/value pairs in @env (nullable), @stdin_text
 * (nullable) on its standard input; it must exit. The main loop runs
 * meanwhile, so a SoupServer in this process keeps serving. */
void jd_test_run (JdTestRun *r, const char *program, const char *const *env, const char *stdin_text,
                  const char *const *args);

/* Removes the files in @dir (a temporary directory of the test, without
 * subdirectories), then @dir itself. */
void jd_test_remove_dir (const char *dir);

G_END_DECLS
