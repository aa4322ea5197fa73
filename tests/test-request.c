/* test-request.c — JdRequest / JdResponse as data, and their curl rendering
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "jd-request.h"

static JdHeader *
header_at (GPtrArray *headers, guint i)
{
  g_assert_cmpuint (i, <, headers->len);
  return g_ptr_array_index (headers, i);
}

static void
test_request_basics (void)
{
  g_autoptr(JdRequest) request = jd_request_new (NULL, "https://api.example.com/v1/me");

  g_assert_cmpstr (jd_request_get_method (request), ==, "GET");
  g_assert_cmpstr (jd_request_get_url (request), ==, "https://api.example.com/v1/me");
  g_assert_null (jd_request_get_body (request));
  g_assert_cmpuint (jd_request_get_headers (request)->len, ==, 0);

  jd_request_set_method (request, "PATCH");
  g_assert_cmpstr (jd_request_get_method (request), ==, "PATCH");
  jd_request_set_method (request, NULL);
  g_assert_cmpstr (jd_request_get_method (request), ==, "GET");
  jd_request_set_url (request, "http://127.0.0.1/");
  g_assert_cmpstr (jd_request_get_url (request), ==, "http://127.0.0.1/");
}

static void
test_request_headers_order (void)
{
  g_autoptr(JdRequest) request = jd_request_new ("POST", "https://api.example.com/");
  GPtrArray *headers = jd_request_get_headers (request);

  jd_request_add_header (request, "Accept", "application/json");
  jd_request_add_header (request, "X-B", "2");
  jd_request_add_header (request, "x-a", "1");
  jd_request_add_header (request, "X-B", "3");

  g_assert_cmpuint (headers->len, ==, 4);
  g_assert_cmpstr (header_at (headers, 0)->name, ==, "Accept");
  g_assert_cmpstr (header_at (headers, 1)->name, ==, "X-B");
  g_assert_cmpstr (header_at (headers, 1)->value, ==, "2");
  g_assert_cmpstr (header_at (headers, 2)->name, ==, "x-a");
  g_assert_cmpstr (header_at (headers, 3)->value, ==, "3");

  /* Lookups are case-insensitive and give the first. */
  g_assert_cmpstr (jd_request_get_header (request, "x-b"), ==, "2");
  g_assert_cmpstr (jd_request_get_header (request, "X-A"), ==, "1");
  g_assert_null (jd_request_get_header (request, "X-C"));

  jd_request_remove_header (request, "x-B");
  g_assert_cmpuint (headers->len, ==, 2);
  g_assert_null (jd_request_get_header (request, "X-B"));
  g_assert_cmpstr (header_at (headers, 1)->name, ==, "x-a");

  jd_request_add_header (request, "X-A", "again");
  jd_request_set_header (request, "X-a", "one");
  g_assert_cmpuint (headers->len, ==, 2);
  g_assert_cmpstr (header_at (headers, 1)->name, ==, "x-a");
  g_assert_cmpstr (header_at (headers, 1)->value, ==, "one");
  jd_request_set_header (request, "X-New", "n");
  g_assert_cmpuint (headers->len, ==, 3);
  g_assert_cmpstr (header_at (headers, 2)->value, ==, "n");

  /* A NULL value is an empty value. */
  jd_request_add_header (request, "X-Empty", NULL);
  g_assert_cmpstr (jd_request_get_header (request, "x-empty"), ==, "");
}

static void
test_request_pseudo_headers (void)
{
  g_autoptr(JdRequest) request = jd_request_new ("GET", "https://api.example.com/");

  jd_request_add_header (request, ":authority", "api.example.com");
  jd_request_add_header (request, ":method", "GET");
  jd_request_add_header (request, ":path", "/");
  jd_request_add_header (request, ":scheme", "https");
  jd_request_set_header (request, ":path", "/x");
  jd_request_add_header (request, "Accept", "*/*");

  g_assert_cmpuint (jd_request_get_headers (request)->len, ==, 1);
  g_assert_null (jd_request_get_header (request, ":authority"));
  g_assert_cmpstr (jd_request_get_header (request, "accept"), ==, "*/*");
}

static void
test_request_body_copy (void)
{
  g_autoptr(JdRequest) request = jd_request_new ("PUT", "https://api.example.com/item");
  g_autoptr(GBytes) body = g_bytes_new_static ("{\"a\":1}", 7);
  g_autoptr(JdRequest) copy = NULL;

  jd_request_add_header (request, "Content-Type", "application/json");
  jd_request_set_body (request, body);
  g_assert_true (g_bytes_equal (jd_request_get_body (request), body));

  copy = jd_request_copy (request);
  jd_request_set_header (request, "Content-Type", "text/plain");
  jd_request_set_body (request, NULL);
  g_assert_null (jd_request_get_body (request));

  g_assert_cmpstr (jd_request_get_method (copy), ==, "PUT");
  g_assert_cmpstr (jd_request_get_url (copy), ==, "https://api.example.com/item");
  g_assert_cmpstr (jd_request_get_header (copy, "content-type"), ==, "application/json");
  g_assert_true (g_bytes_equal (jd_request_get_body (copy), body));
}

static void
test_request_bearer (void)
{
  g_autoptr(JdRequest) request = jd_request_new (NULL, "https://api.example.com/");
  char *token;

  g_assert_null (jd_request_dup_bearer (request));

  jd_request_add_header (request, "Authorization", "Basic dXNlcjpwYXNz");
  g_assert_null (jd_request_dup_bearer (request));

  jd_request_add_header (request, "authorization", "  bEaReR   abc.def.ghi  ");
  token = jd_request_dup_bearer (request);
  g_assert_cmpstr (token, ==, "abc.def.ghi");
  g_free (token);

  jd_request_set_header (request, "Authorization", "Bearer");
  g_assert_null (jd_request_dup_bearer (request));
  jd_request_set_header (request, "Authorization", "Bearerabc");
  g_assert_null (jd_request_dup_bearer (request));
  jd_request_set_header (request, "Authorization", "Bearer\tx.y.z");
  token = jd_request_dup_bearer (request);
  g_assert_cmpstr (token, ==, "x.y.z");
  g_free (token);
}

static void
test_response_basics (void)
{
  g_autoptr(JdResponse) response = jd_response_new (401, "Unauthorized");
  g_autoptr(GBytes) body = g_bytes_new_static ("{}", 2);

  g_assert_cmpuint (jd_response_get_status (response), ==, 401);
  g_assert_cmpstr (jd_response_get_reason (response), ==, "Unauthorized");
  g_assert_cmpstr (jd_response_get_http_version (response), ==, "HTTP/1.1");
  jd_response_set_http_version (response, "HTTP/2");
  g_assert_cmpstr (jd_response_get_http_version (response), ==, "HTTP/2");

  jd_response_add_header (response, ":status", "401");
  jd_response_add_header (response, "WWW-Authenticate", "Bearer error=\"invalid_token\"");
  jd_response_add_header (response, "www-authenticate", "Basic realm=\"x\"");
  g_assert_cmpuint (jd_response_get_headers (response)->len, ==, 2);
  g_assert_cmpstr (jd_response_get_header (response, "WWW-AUTHENTICATE"), ==,
                   "Bearer error=\"invalid_token\"");
  g_assert_null (jd_response_get_header (response, ":status"));

  g_assert_null (jd_response_get_body (response));
  g_assert_false (jd_response_get_body_truncated (response));
  jd_response_set_body (response, body, TRUE);
  g_assert_true (jd_response_get_body (response) == body);
  g_assert_true (jd_response_get_body_truncated (response));

  jd_response_set_elapsed_ms (response, 12.5);
  g_assert_cmpfloat (jd_response_get_elapsed_ms (response), ==, 12.5);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jd/request/basics", test_request_basics);
  g_test_add_func ("/jd/request/headers/order", test_request_headers_order);
  g_test_add_func ("/jd/request/headers/pseudo", test_request_pseudo_headers);
  g_test_add_func ("/jd/request/body-copy", test_request_body_copy);
  g_test_add_func ("/jd/request/bearer", test_request_bearer);
  g_test_add_func ("/jd/response/basics", test_response_basics);

  return g_test_run ();
}
