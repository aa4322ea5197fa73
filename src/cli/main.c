/* main.c — jwt-doctor-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

int
main (int argc, char **argv)
{
  (void) argc;
  (void) argv;
  fputs ("jwt-doctor-cli: not yet\n", stderr);
  return 2;
}
