/* jd-verify-private.h — what jd_verify() shares with its result objects
 *
 * While verifying, verdicts and findings are kept as plain data; their
 * GObjects (jd-key-verdict.c, jd-verify-result.c) are made when someone
 * asks (the Keys table, the report), so a verification that only needs the
 * status stays close to the raw operation (tests/bench-verify.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "jd-verify.h"

G_BEGIN_DECLS

typedef struct
{
  JdKey *key;
  gboolean tried;
  JdSignatureStatus status;
  char *reason;
} VerdictData;

typedef struct
{
  const char *id;
  JdSeverity severity;
  int rank;
  const char *claim;
  char *message;
  const char *fix;
  JdKey *valid_key; /* signature-valid: the message is written on demand */
} FindingData;

struct _JdVerifyResult
{
  GObject parent_instance;

  JdSignatureStatus status;
  char *alg;
  char *kid;
  JdKey *key;
  GArray *verdict_data;    /* VerdictData, until get_verdicts() */
  GListStore *verdicts;    /* made on demand */
  GArray *finding_data;    /* FindingData, until get_findings() */
  GPtrArray *findings;     /* made on demand */
  GPtrArray *set_warnings; /* the key set's own findings (leaked private keys …) */
  gboolean secret_found;   /* a well-known secret, not a key of the set, verifies */
  GPtrArray *rows;         /* the keys in the Keys table's order, to name them by row */
};

/* A JdKeyVerdict made from @data, whose key and reason it takes. */
JdKeyVerdict *jd_key_verdict_new_take (VerdictData *data);

/* Findings while verifying (before jd_verify_result_get_findings()). */
void jd_verify_result_add_finding (JdVerifyResult *self, const char *id, JdSeverity severity,
                                   int rank, const char *claim, const char *message,
                                   const char *fix);
gboolean jd_verify_result_has_finding (JdVerifyResult *self, const char *id);
void jd_verify_result_remove_finding (JdVerifyResult *self, const char *id);

G_END_DECLS
