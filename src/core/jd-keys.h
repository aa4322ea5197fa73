/* jd-keys.h — keys to verify with: JWK, JWKS, PEM, X.509, HMAC secrets
 *
 * One include for both objects: JdKey (jd-key.h) and the JdKeySet that
 * loads them (jd-key-set.h). Files of the keys code itself include those
 * two, never this one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "jd-key.h"
#include "jd-key-set.h"
