/* jd-file-read.h — read a file whole, never more than a bound
 *
 * Key files, token files and the CLI's INPUT go through here: a regular
 * file is size-checked before a byte is read; a FIFO, a device such as
 * /dev/zero or anything else without a size is read up to the bound and
 * refused as soon as it passes it, so no input costs more memory than the
 * bound, and an endless one ends with the message.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* @file's bytes; NULL with an error naming the file otherwise. More than
 * @max bytes: G_IO_ERROR_MESSAGE_TOO_LARGE, "“NAME” is larger than N MiB". */
GBytes *jd_file_read_bounded (GFile *file, gsize max, GError **error);

G_END_DECLS
