/* jd-base64.h — base64url (RFC 7515 §2 / RFC 4648 §5, no padding)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define JD_BASE64_ERROR (jd_base64_error_quark ())
GQuark jd_base64_error_quark (void);

typedef enum
{
  JD_BASE64_ERROR_INVALID_CHARACTER, /* a byte outside every base64 alphabet */
  JD_BASE64_ERROR_INVALID_LENGTH,    /* length mod 4 == 1: cannot be base64 at all */
  JD_BASE64_ERROR_TRAILING_BITS,     /* the last character carries non-zero unused bits */
  JD_BASE64_ERROR_PADDING,           /* '=' padding, which base64url in JOSE forbids */
  JD_BASE64_ERROR_STANDARD_ALPHABET, /* '+' or '/' (standard base64) instead of '-' or '_' */
} JdBase64Error;

/* Strict RFC 7515 base64url. On failure the error message names the byte
 * offset (relative to @text) and the character. */
GBytes *jd_base64url_decode (const char *text, gsize len, GError **error);

/* Decodes what a person would still want to see: padded input and the
 * standard alphabet are accepted. Returns NULL (and sets @error) only when
 * nothing sensible can be decoded. When the input was accepted but is not
 * strict base64url, @problem is set to the first deviation (same messages
 * as the strict decoder) and @problem_offset to its byte offset. When
 * NULL is returned, @problem_offset is the offset of the fatal byte. */
GBytes *jd_base64url_decode_lenient (const char *text, gsize len, gsize *problem_offset,
                                     GError **problem, GError **error);

char *jd_base64url_encode (gconstpointer data, gsize len);

G_END_DECLS
