/* jd-verify-error.h — the errors of signature verification
 *
 * Raised by jd_verify_signature() and the algorithm families (jd-jwa.h);
 * a header of its own so that the algorithm registry needs nothing else
 * from the verifier.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define JD_VERIFY_ERROR (jd_verify_error_quark ())
GQuark jd_verify_error_quark (void);

typedef enum
{
  JD_VERIFY_ERROR_UNSUPPORTED_ALG,     /* not a JWS algorithm we implement (or "none") */
  JD_VERIFY_ERROR_KEY_UNUSABLE,        /* the key has a problem */
  JD_VERIFY_ERROR_KEY_MISMATCH,        /* wrong kty / curve for the algorithm */
  JD_VERIFY_ERROR_MALFORMED_SIGNATURE, /* wrong length, undecodable */
  JD_VERIFY_ERROR_BAD_SIGNATURE,       /* well-formed but does not verify */
} JdVerifyError;

G_END_DECLS
