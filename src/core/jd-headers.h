/* jd-headers.h — a header of a request or a response, and the limits on
 * how many and how large are kept
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *name;
  char *value;
} JdHeader;

/* Limits on the headers a request or a response keeps (add_header and
 * set_header). A header after the first JD_HEADERS_MAX_COUNT, or one whose
 * line ("Name: value") is longer than JD_HEADER_MAX_SIZE bytes, is left
 * out, and jd_request_get_header_problems() / jd_response_get_header_problems()
 * say which, with the sizes. Authorization, Proxy-Authorization and Cookie
 * carry tokens, which may be up to JD_TOKEN_MAX_SIZE (16 MiB): their lines
 * may be up to JD_CREDENTIAL_HEADER_MAX_SIZE. */
#define JD_HEADERS_MAX_COUNT 500
#define JD_HEADER_MAX_SIZE (64 * 1024)
#define JD_CREDENTIAL_HEADER_MAX_SIZE (16 * 1024 * 1024 + 64 * 1024)

/* The finding (a warning) that says headers were left out: from a pasted
 * request (jd_input_get_findings) or a response (jd_response_diagnose). */
#define JD_FINDING_HEADERS_LEFT_OUT "headers-left-out"

G_END_DECLS
