/* no-network-shim.c — LD_PRELOAD'ed into jwt-doctor-cli by test-no-network:
 * the process exits with status 97 the moment it tries to open an Internet
 * socket, connect one, or resolve a name. Local (AF_UNIX) sockets pass.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <netdb.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define NO_NETWORK_EXIT 97

int socket (int domain, int type, int protocol);
int connect (int fd, const struct sockaddr *address, socklen_t len);
int getaddrinfo (const char *node, const char *service, const struct addrinfo *hints,
                 struct addrinfo **res);

static void
caught (const char *what)
{
  static const char prefix[] = "no-network-shim: caught ";
  ssize_t ignored;

  ignored = write (STDERR_FILENO, prefix, sizeof prefix - 1);
  ignored = write (STDERR_FILENO, what, strlen (what));
  ignored = write (STDERR_FILENO, "\n", 1);
  (void)ignored;
  _exit (NO_NETWORK_EXIT);
}

int
socket (int domain, int type, int protocol)
{
  int (*real) (int, int, int);

  if (domain == AF_INET || domain == AF_INET6)
    caught ("socket()");
  real = (int (*) (int, int, int))dlsym (RTLD_NEXT, "socket");
  return real (domain, type, protocol);
}

int
connect (int fd, const struct sockaddr *address, socklen_t len)
{
  int (*real) (int, const struct sockaddr *, socklen_t);

  if (address != NULL && (address->sa_family == AF_INET || address->sa_family == AF_INET6))
    caught ("connect()");
  real = (int (*) (int, const struct sockaddr *, socklen_t))dlsym (RTLD_NEXT, "connect");
  return real (fd, address, len);
}

int
getaddrinfo (const char *node, const char *service, const struct addrinfo *hints,
             struct addrinfo **res)
{
  caught ("getaddrinfo()");
  return EAI_FAIL;
}
