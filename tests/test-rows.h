/* test-rows.h — one GLib test case registered per row of a table, named
 * after the row, so that every failing row is named
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

/* Registers test case @func once per row of the @n rows at @rows, under
 * "@prefix/<the row's @name_field>" (a string), with the row as its data. */
#define JD_TEST_ADD_ROWS_N(prefix, rows, n, name_field, func)                                      \
  for (guint jd_test_row = 0; jd_test_row < (n); jd_test_row++)                                    \
    {                                                                                              \
      g_autofree char *jd_test_path                                                                \
        = g_strdup_printf ("%s/%s", prefix, (rows)[jd_test_row].name_field);                       \
      g_test_add_data_func (jd_test_path, &(rows)[jd_test_row], func);                             \
    }

/* The same for every row of the array @rows. */
#define JD_TEST_ADD_ROWS(prefix, rows, name_field, func)                                           \
  JD_TEST_ADD_ROWS_N (prefix, rows, G_N_ELEMENTS (rows), name_field, func)
