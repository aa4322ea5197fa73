/* jd-net-key-trust.h — whether keys fetched from the network may be used
 *
 * OpenID Connect Discovery 1.0 §4.3: a discovery document whose "issuer"
 * is not, character for character, the issuer it was looked up for MUST
 * NOT be used. An https document that sends the keys to an http jwks_uri
 * is a downgrade (RFC 7515 §4.1.2, OIDC Discovery §7): refused before any
 * fetch. A plain-http key set the user asked for is fetched, but off
 * loopback it came over an unprotected channel, and the findings say so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "jd-net.h"

G_BEGIN_DECLS

/* Refusal finding ids (beside jd-net.h's JD_FINDING_DISCOVERY_ISSUER_MISMATCH). */
#define JD_FINDING_JWKS_DOWNGRADE "jwks-downgrade"
#define JD_FINDING_JWKS_INSECURE_TRANSPORT "jwks-insecure-transport"

/* TRUE for "localhost", a name under ".localhost" (RFC 6761 §6.3),
 * 127.0.0.0/8 and ::1: traffic that never leaves the machine. */
gboolean jd_net_host_is_loopback (const char *host);

/* Why the keys a discovery document points to must not be used, or NULL
 * when they may be: *@id is set to the finding id. @discovered_issuer may
 * be NULL (the document names none). Messages name both values. */
char *jd_net_discovery_refusal (const char *asked_issuer, const char *discovered_issuer,
                                const char *discovery_url, const char *jwks_uri, const char **id);

/* The warning for a key set fetched over plain http from a host that is
 * not loopback, or NULL (https, or loopback). */
char *jd_net_insecure_jwks_warning (const char *jwks_uri);

G_END_DECLS
