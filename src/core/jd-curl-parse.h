/* jd-curl-parse.h — what a curl command line sends
 *
 * A pure reader: the words (jd-curl-split.h) read as curl's options, into
 * the request curl would make, the credential it carries (with where each
 * of its bytes sits in the paste, for highlighting) and what is wrong with
 * the command. It knows nothing of JdInput, which takes the result in
 * (jd_input_parse).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "jd-request.h"

G_BEGIN_DECLS

typedef enum
{
  JD_CURL_CREDENTIAL_NONE,
  /* The value of the first -H 'Authorization: …': everything after the
   * colon, leading spaces and quotes included, as the server would see it. */
  JD_CURL_CREDENTIAL_AUTHORIZATION,
  /* A token as it is: --oauth2-bearer's, or one found in another header,
   * a cookie, the URL's access_token, -u or the body. */
  JD_CURL_CREDENTIAL_TOKEN,
} JdCurlCredentialKind;

/* Bytes as curl would get them (not NUL-terminated, may hold NUL bytes);
 * byte i was read from the paste's bytes [starts[i], ends[i]). @starts and
 * @ends are NULL when @len is 0. Owned by the command. */
typedef struct
{
  JdCurlCredentialKind kind;
  const char *data;
  gsize len;
  const gsize *starts;
  const gsize *ends;
} JdCurlCredential;

typedef struct
{
  /* The request curl would make: method, URL, headers (the -b cookies
   * joined into Cookie, -u as a Basic Authorization unless -H gives one),
   * body. Never NULL; its URL is "" when the command names none. */
  JdRequest *request;
  gboolean has_url;
  /* The first credential the command carries; kind NONE when none. */
  JdCurlCredential credential;
  /* What is wrong with the command (element-type JdFinding), in the order
   * found. A reader that analyses an Authorization credential puts its own
   * findings in at @credential_at, where they were found. */
  GPtrArray *findings;
  guint credential_at;

  /*< private >*/
  GPtrArray *words; /* the bytes the credential points into */
} JdCurlCommand;

/* @text[from, to) is a curl command: a shell prompt and the word "curl"
 * first, then its options. (transfer full) */
JdCurlCommand *jd_curl_parse (const char *text, gsize from, gsize to);
void jd_curl_command_free (JdCurlCommand *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdCurlCommand, jd_curl_command_free)

G_END_DECLS
