/* jd-keys-private.h — what the verifier needs from a JdKey
 *
 * Kept for the files that include it; the declarations are in
 * jd-key-private.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "jd-keys.h"
#include "jd-key-private.h"
