/* test-rows.h — one GLib test case registered per row of a table, named
 * after the row, so that every failing row is named
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

/* One test case per row of the @n rows at @rows, named @prefix/<the row's
 * @field> (a string), each running @func with its row. */
#define add_rows_n(prefix, rows, n, field, func)                                                   \
  for (guint row_ = 0; row_ < (n); row_++)                                                         \
    {                                                                                              \
      g_autofree char *path_ = g_strdup_printf ("%s/%s", prefix, (rows)[row_].field);              \
      g_test_add_data_func (path_, &(rows)[row_], func);                                           \
    }

/* The same for every row of the static array @rows. */
#define add_row_tests(prefix, rows, field, func)                                                   \
  add_rows_n (prefix, rows, G_N_ELEMENTS (rows), field, func)
