/* jd-cli.c — jwt-doctor-cli: the same diagnosis in a terminal and in CI
 *
 * No socket is opened unless an option asks for it (--jwks URL, --discover,
 * --request). Tokens, secrets and keys are never printed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <sys/stat.h>

#include "jd-cli.h"
#include "jd-cli-sign.h"
#include "jd-cli-color.h"
#include "jd-cli-fresh.h"
#include "jd-cli-input.h"
#include "jd-cli-keys.h"
#include "jd-cli-net.h"
#include "jd-cli-options.h"
#include "jd-cli-output.h"
#include "jd-diagnosis.h"
#include "jd-file-read.h"
#include "jd-har.h"
#include "jd-input.h"
#include "jd-input-sniff.h"
#include "jd-keys.h"
#include "jd-net.h"
#include "jd-report.h"
#include "jd-server-messages.h"
#include "jd-token.h"
#include "jd-verdict.h"
#include "jd-verify.h"

typedef struct
{
  JdCliOptions opt;
  gboolean now_given;
  JdExpectations *expect;
  JdCliKeys keys;   /* what --jwks, --key, --secret… and --discover give */
  JdReport *report; /* what is judged and not yet printed */
  JdCliOutput output;
  GError *stream_error; /* a streamed HAR entry that could not be judged */
  GPtrArray *held;      /* HAR failures without a token, until the HAR is read */
  guint har_reported;   /* entries of the HAR being read that were reported */
  JdToken *last_token;  /* the last token reported, for --fresh-token's comparison */
  char *last_source;
  char *refusal; /* the token endpoint's refusal, explained */
} Cli;

/* At most this many tokenless failures are held while a HAR streams. */
#define JD_CLI_HELD_MAX 10000

/* Verify, diagnose, fetch what options ask for, and add to the report;
 * @entry (nullable): the HAR entry @token came from, diagnosed as one. */
static gboolean
diagnose_token (Cli *cli, const char *source, JdToken *token, JdInput *input, JdHarEntry *entry,
                GError **error)
{
  g_autoptr (JdVerifyResult) verification = NULL;
  g_autoptr (GPtrArray) findings = NULL;
  g_autoptr (GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (JdKeySet) no_keys = NULL;
  g_autoptr (JdVerdict) verdict = NULL;
  g_autoptr (JdExpectations) judged = jd_expectations_copy (cli->expect);
  const char *judged_reason = NULL;
  JdRemoteKeys *remote = NULL;
  JdKeySet *keys;

  keys = jd_cli_keys_for_token (&cli->keys, &cli->opt, cli->expect->issuer, token, &remote, notes);
  /* Without keys too, as the window does: a well-known secret is still found. */
  if (keys == NULL)
    keys = no_keys = jd_key_set_new ();
  verification = jd_verify (token, keys, (const char *const *)cli->expect->algorithms);

  if (cli->now_given)
    judged_reason = _ ("the instant --now gave");
  else if (entry != NULL && jd_har_entry_has_started (entry))
    {
      judged->now = jd_har_entry_get_started_unix (entry);
      judged_reason = _ ("when the request was sent");
    }

  if (entry != NULL)
    /* Without --now, each entry is judged at its own startedDateTime, as the window does. */
    findings = jd_har_entry_diagnose (entry, cli->expect, !cli->now_given, verification);
  else
    findings = jd_diagnose (token, cli->expect, verification, input);
  if (findings == NULL)
    return TRUE;
  jd_findings_merge (findings, notes);

  if (remote != NULL)
    {
      g_autoptr (GPtrArray) more = jd_cli_net.remote_keys_diagnose (remote, token);
      jd_findings_merge (findings, more);
    }

  if (cli->opt.request != NULL)
    {
      JdNetOptions options;
      g_autoptr (JdRequest) request = NULL;
      g_autoptr (JdResponse) response = NULL;
      g_autoptr (GPtrArray) more = NULL;
      g_autoptr (GError) send_error = NULL;

      jd_cli_net_options (&cli->opt, &options);
      request = jd_cli_net.request_new_from_args (cli->opt.request, cli->opt.method,
                                                  (const char *const *)cli->opt.headers,
                                                  jd_token_get_text (token), error);
      if (request == NULL)
        return FALSE; /* the arguments themselves are wrong: a usage error */
      response = jd_cli_net.send (request, &options, NULL, &send_error);
      if (response != NULL)
        {
          /* The live answer's Date is compared with this computer's clock, even under --now. */
          g_autoptr (JdExpectations) live = jd_expectations_copy (cli->expect);
          live->now = g_get_real_time () / G_USEC_PER_SEC;
          more = jd_cli_net.response_diagnose (response, token, live);
        }
      else
        {
          g_autofree char *url = jd_url_redact (cli->opt.request);
          g_autofree char *msg
            = g_strdup_printf (_ ("The request to %s failed: %s"), url, send_error->message);

          more = g_ptr_array_new_with_free_func (g_object_unref);
          jd_findings_add (more, "request-failed", JD_SEVERITY_ERROR, JD_RANK_REQUEST, NULL, msg,
                           _ ("Check the URL, the network and the server; the token's own findings "
                              "do not depend on it."));
        }
      jd_findings_merge (findings, more);
    }

  /* The audience or issuer a pasted server message expects was checked: the verdict says so. */
  jd_diagnosis_fill_expectations (judged, input);
  verdict = jd_verdict_new (token, findings, verification, judged, judged_reason);
  jd_report_add_verdict (cli->report, source, verdict);
  g_set_object (&cli->last_token, token);
  g_free (cli->last_source);
  cli->last_source = g_strdup (source);
  if (cli->opt.request != NULL)
    {
      g_autofree char *url = jd_url_redact (cli->opt.request);
      g_autofree char *note
        = g_strdup_printf (_ ("sent: %s %s"), cli->opt.method ? cli->opt.method : "GET", url);
      jd_report_add_note (cli->report, note);
    }
  return TRUE;
}

/* ---- diagnosis ------------------------------------------------------------ */

static gboolean
diagnose_text (Cli *cli, const char *source, const char *data, gsize len, GError **error)
{
  g_autoptr (JdInput) input = jd_input_parse (data, len);
  g_autoptr (JdToken) token = jd_token_parse (jd_input_get_token (input), -1);

  return diagnose_token (cli, source, token, input, NULL, error);
}

/* The entry's request line under the token just added to cli->report. */
static void
add_entry_note (Cli *cli, JdHarEntry *entry)
{
  g_autofree char *url = jd_url_redact (jd_har_entry_get_url (entry));
  g_autofree char *note = NULL;
  const char *status_text = jd_har_entry_get_status_text (entry);
  const char *started = jd_har_entry_get_started_iso (entry);

  note = g_strdup_printf (
    "%s %s → %u %s (%s, %s)", jd_har_entry_get_method (entry), url, jd_har_entry_get_status (entry),
    status_text ? status_text : "",
    jd_har_entry_has_token (entry) ? jd_har_entry_get_token_source_label (entry) : _ ("no token"),
    started ? started : "?");
  jd_report_add_note (cli->report, note);
}

/* A failed request without a token (jd-har-no-token.h): a CORS preflight,
 * or a request sent without its token. Added to cli->report with the
 * entry's request line as a note. */
static void
report_entry_without_token (Cli *cli, JdHarEntry *entry)
{
  g_autoptr (GPtrArray) findings = NULL;
  g_autoptr (JdToken) token = NULL;
  g_autofree char *source = NULL;

  if ((findings = jd_har_entry_diagnose_no_token (entry)) == NULL)
    return;
  token = jd_token_parse ("", 0);
  source = jd_har_entry_dup_source (entry);
  jd_report_add (cli->report, source, token, NULL, findings);
  add_entry_note (cli, entry);
  cli->har_reported++;
}

/* One HAR entry: its token judged into cli->report, with the entry's request
 * line as a note. A failed request without a token is reported too: a
 * preflight at once; any other only once the whole HAR is read (held in
 * cli->held), since a HAR saved without credentials lacks every token. */
static gboolean
diagnose_har_entry (Cli *cli, JdHarEntry *entry, GError **error)
{
  g_autoptr (JdToken) token = NULL;
  g_autofree char *source = NULL;
  guint before = jd_report_get_n_tokens (cli->report);

  if (!jd_har_entry_has_token (entry))
    {
      if (!jd_har_entry_is_auth_failure (entry))
        return TRUE;
      if (jd_har_entry_is_cors_preflight (entry))
        report_entry_without_token (cli, entry);
      else if (cli->held->len < JD_CLI_HELD_MAX)
        g_ptr_array_add (cli->held, g_object_ref (entry));
      return TRUE;
    }
  token = jd_token_parse (jd_har_entry_get_token (entry), -1);
  source = jd_har_entry_dup_source (entry);
  if (!diagnose_token (cli, source, token, NULL, entry, error))
    return FALSE;
  if (jd_report_get_n_tokens (cli->report) == before)
    return TRUE;
  add_entry_note (cli, entry);
  cli->har_reported++;
  return TRUE;
}

/* The held failures without a token, once the HAR is read: not claimed for a
 * HAR saved without credentials, where every token was left out. */
static void
report_held (Cli *cli, JdHar *har)
{
  for (guint i = 0; i < cli->held->len && !jd_har_is_sanitized (har); i++)
    report_entry_without_token (cli, g_ptr_array_index (cli->held, i));
  g_ptr_array_set_size (cli->held, 0);
}

/* Prints what is judged so far and starts an empty report. */
static void
flush_report (Cli *cli)
{
  jd_cli_output_add (&cli->output, cli->report);
  g_object_unref (cli->report);
  cli->report = jd_report_new ();
}

static gboolean
refuse_har_request (Cli *cli, GError **error)
{
  if (cli->opt.request == NULL)
    return FALSE;
  /* A HAR's tokens were minted for the hosts it recorded: never send them elsewhere. */
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
               _ ("--request sends one token and cannot be used with a HAR file, whose tokens "
                  "belong to the hosts it recorded"));
  return TRUE;
}

/* What the whole HAR says once read: its problems, or that no entry had a token. */
static void
har_finished (Cli *cli, JdHar *har, const char *name)
{
  GPtrArray *problems = jd_har_get_problems (har);
  guint reported;

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      JdHarProblem *p = g_ptr_array_index (problems, i);
      jd_cli_usage_error ("%s: %s", name, p->message);
    }
  report_held (cli, har);
  reported = cli->har_reported;
  cli->har_reported = 0;
  if (jd_har_get_n_with_token (har) == 0 && reported == 0)
    {
      if (jd_har_is_sanitized (har))
        jd_cli_usage_error ("%s: %s", name, jd_har_get_sanitized_message (har));
      else
        jd_cli_usage_error (_ ("%s: no request in this HAR carries a bearer token"), name);
    }
}

static gboolean
diagnose_har (Cli *cli, JdHar *har, const char *name, GError **error)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (har));

  if (refuse_har_request (cli, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (JdHarEntry) entry = g_list_model_get_item (G_LIST_MODEL (har), i);

      if (!diagnose_har_entry (cli, entry, error))
        return FALSE;
    }
  har_finished (cli, har, name);
  return TRUE;
}

static gboolean
stream_entry (JdHarEntry *entry, gpointer user_data)
{
  Cli *cli = user_data;

  if (!diagnose_har_entry (cli, entry, &cli->stream_error))
    return FALSE;
  flush_report (cli);
  return TRUE;
}

/* A HAR file read, judged and printed entry by entry: memory does not grow
 * with the number of entries (the file is mapped, read pages are given back). */
static gboolean
diagnose_har_file (Cli *cli, const char *arg, GError **error)
{
  g_autoptr (GFile) file = jd_cli_file_for_arg (arg);
  g_autoptr (JdHar) har = NULL;

  if (refuse_har_request (cli, error))
    return FALSE;
  har = jd_har_load_file_streaming (file, NULL, stream_entry, cli, NULL, error);
  if (cli->stream_error != NULL)
    {
      g_clear_object (&har);
      g_clear_error (error);
      g_propagate_error (error, g_steal_pointer (&cli->stream_error));
    }
  if (har == NULL)
    return FALSE;
  har_finished (cli, har, arg);
  return TRUE;
}

static gboolean
diagnose_bytes (Cli *cli, const char *source, const char *name, GBytes *bytes, GError **error)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);

  if (data == NULL)
    data = "";
  if (jd_input_sniff (data, len, name) == JD_INPUT_KIND_HAR)
    {
      g_autoptr (JdHar) har = jd_har_load_bytes (bytes, NULL, NULL, error);
      return har != NULL && diagnose_har (cli, har, name, error);
    }
  return diagnose_text (cli, source, data, len, error);
}

static void
print_to_stderr (const char *text)
{
  fputs (text, stderr);
}

/* --fresh-token: get the token, diagnose it beside the failing one, and
 * note what differs. FALSE (with *@status) when it could not be asked for. */
static gboolean
add_fresh_token (Cli *cli, int *status)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JdToken) failing = cli->last_token ? g_object_ref (cli->last_token) : NULL;
  g_autofree char *failing_source = g_strdup (cli->last_source);
  const char *issuer = cli->opt.iss;
  char *token;

  if ((issuer == NULL || *issuer == '\0') && failing != NULL)
    issuer = jd_cli_token_issuer (failing);
  token = jd_cli_fresh_get_token (&cli->opt.fresh, issuer, jd_cli_net.fresh_token, cli->opt.timeout,
                                  cli->opt.insecure, &cli->refusal, &error);
  if (token == NULL && cli->refusal == NULL)
    {
      jd_cli_usage_error ("--fresh-token: %s", error->message);
      *status = JD_CLI_EXIT_USAGE;
      return FALSE;
    }
  if (token == NULL)
    return TRUE;
  if (!diagnose_text (cli, "fresh-token", token, strlen (token), &error))
    {
      jd_cli_usage_error ("%s", error->message);
      *status = JD_CLI_EXIT_USAGE;
    }
  else
    {
      if (failing != NULL)
        {
          g_autoptr (JdToken) fresh = jd_token_parse (token, -1);
          g_autofree char *note = jd_cli_fresh_compare_note (fresh, failing, failing_source,
                                                             cli->expect->now, cli->expect->leeway);
          jd_report_add_note (cli->report, note);
        }
      if (cli->opt.fresh.print_token)
        {
          fputs (token, stdout);
          fputs ("\n", stdout);
          fflush (stdout);
        }
    }
  memset (token, 0, strlen (token));
  g_free (token);
  return error == NULL;
}

/* ---- the run, step by step ------------------------------------------------ */

/* The command line read; FALSE with *@status set when the run ends here:
 * --version, --list-messages, or a usage error. */
static gboolean
parse_command_line (Cli *cli, int *argc, char ***argv, JdCliColor *color_mode, int *status)
{
  g_autoptr (GError) error = NULL;

  *status = JD_CLI_EXIT_USAGE;
  if (!jd_cli_options_parse (&cli->opt, argc, argv, &error))
    {
      jd_cli_usage_error ("%s", error->message);
      g_printerr (_ ("Try “jwt-doctor-cli --help”.\n"));
      return FALSE;
    }
  if (!jd_cli_color_parse (cli->opt.color, color_mode, &error))
    {
      jd_cli_usage_error ("%s", error->message);
      return FALSE;
    }
  if (cli->opt.version)
    {
      g_print ("jwt-doctor-cli %s\n", PACKAGE_VERSION);
      *status = JD_CLI_EXIT_OK;
      return FALSE;
    }
  if (cli->opt.list_messages)
    {
      g_autofree char *table = jd_server_messages_to_markdown ();

      g_print ("%s", table);
      *status = JD_CLI_EXIT_OK;
      return FALSE;
    }
  if (cli->opt.inputs != NULL && g_strv_length (cli->opt.inputs) > 1)
    {
      jd_cli_usage_error (_ ("give one INPUT (a token, a file, or -); got %u"),
                          g_strv_length (cli->opt.inputs));
      return FALSE;
    }
  return TRUE;
}

static gboolean
needs_network (JdCliOptions *o)
{
  return (o->jwks != NULL && jd_cli_is_url (o->jwks)) || o->discover || o->request != NULL
         || jd_cli_fresh_requested (&o->fresh);
}

/* What the options name: the network module (only when one asks for the
 * network), the expectations, the keys. FALSE after a usage error. */
static gboolean
load_options (Cli *cli)
{
  g_autoptr (GError) error = NULL;

  if ((needs_network (&cli->opt) && !jd_cli_net_load (&error))
      || !jd_cli_options_build_expectations (&cli->opt, &cli->expect, &cli->now_given, &error)
      || !jd_cli_keys_load (&cli->keys, &cli->opt, &error))
    {
      jd_cli_usage_error ("%s", error->message);
      return FALSE;
    }
  return TRUE;
}

/* An empty report and the output it is printed to. */
static void
start_report (Cli *cli, JdCliColor color_mode)
{
  if (cli->opt.fresh.print_token)
    g_set_print_handler (print_to_stderr); /* standard output holds the fresh token alone */
  cli->report = jd_report_new ();
  cli->held = g_ptr_array_new_with_free_func (g_object_unref);
  jd_cli_output_init (&cli->output, cli->opt.json,
                      !cli->opt.json
                        && jd_cli_color_wanted (color_mode, isatty (STDOUT_FILENO),
                                                g_getenv ("TERM"), g_getenv ("NO_COLOR")),
                      cli->expect->now);
}

static gboolean
read_stdin_input (Cli *cli)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;

  if (isatty (STDIN_FILENO) && cli->opt.inputs == NULL)
    {
      jd_cli_usage_error (_ ("no INPUT: give a token or a file, or pipe one in (see --help)"));
      return FALSE;
    }
  bytes = jd_cli_read_stdin (&error);
  if (bytes == NULL)
    {
      jd_cli_usage_error (_ ("cannot read standard input: %s"), error->message);
      return FALSE;
    }
  if (!diagnose_bytes (cli, "stdin", _ ("standard input"), bytes, &error))
    {
      jd_cli_usage_error ("%s", error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_file_input (Cli *cli, const char *arg)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;

  if (jd_input_sniff (NULL, 0, arg) == JD_INPUT_KIND_HAR)
    {
      if (!diagnose_har_file (cli, arg, &error))
        {
          jd_cli_usage_error (_ ("“%s”: %s"), arg, error->message);
          return FALSE;
        }
      return TRUE;
    }
  bytes = jd_cli_read_file (arg, &error);
  if (bytes == NULL)
    {
      jd_cli_usage_error (_ ("cannot read “%s”: %s"), arg, error->message);
      return FALSE;
    }
  if (!diagnose_bytes (cli, "file", arg, bytes, &error))
    {
      jd_cli_usage_error (_ ("“%s”: %s"), arg, error->message);
      return FALSE;
    }
  return TRUE;
}

/* INPUT (standard input, a file, or a token given as the argument) judged
 * into cli->report. FALSE after a usage error. */
static gboolean
read_input (Cli *cli)
{
  g_autoptr (GError) error = NULL;
  const char *arg = cli->opt.inputs ? cli->opt.inputs[0] : "-";

  if (cli->opt.inputs == NULL && jd_cli_fresh_requested (&cli->opt.fresh))
    return TRUE; /* --fresh-token alone: no failing token to read */
  if (g_str_equal (arg, "-"))
    return read_stdin_input (cli);
  if (g_file_test (arg, G_FILE_TEST_EXISTS))
    return read_file_input (cli, arg);
  if (jd_cli_names_a_file (arg))
    {
      /* Not a malformed-token report for a mistyped file name (#12). */
      struct stat st;
      int saved = stat (arg, &st) == 0 ? 0 : errno;
      jd_cli_usage_error (_ ("cannot read %s: %s"), arg, g_strerror (saved ? saved : ENOENT));
      return FALSE;
    }
  if (!diagnose_text (cli, "argument", arg, strlen (arg), &error))
    {
      jd_cli_usage_error ("%s", error->message);
      return FALSE;
    }
  return TRUE;
}

/* The report printed; the exit status it gives. */
static int
print_report (Cli *cli)
{
  jd_cli_output_add (&cli->output, cli->report);
  jd_cli_output_finish (&cli->output);
  if (cli->refusal != NULL)
    jd_cli_usage_error ("--fresh-token: %s", cli->refusal);
  return cli->output.has_errors || cli->refusal != NULL ? JD_CLI_EXIT_ERRORS : JD_CLI_EXIT_OK;
}

static void
cli_clear (Cli *cli)
{
  g_clear_object (&cli->report);
  jd_cli_keys_clear (&cli->keys);
  g_clear_error (&cli->stream_error);
  g_clear_pointer (&cli->held, g_ptr_array_unref);
  g_clear_pointer (&cli->expect, jd_expectations_free);
  g_clear_object (&cli->last_token);
  g_free (cli->last_source);
  g_free (cli->refusal);
  jd_cli_options_clear (&cli->opt);
}

int
jd_cli_main (int argc, char **argv)
{
  Cli cli = { { 0 } };
  JdCliColor color_mode = JD_CLI_COLOR_AUTO;
  int status = JD_CLI_EXIT_USAGE;

  cli.opt.leeway = JD_DEFAULT_LEEWAY;
  if (!parse_command_line (&cli, &argc, &argv, &color_mode, &status) || !load_options (&cli))
    ; /* status says why */
  else if (cli.opt.sign != NULL || cli.opt.generate_key != NULL)
    status = jd_cli_sign_main (&cli.opt, cli.keys.keys, cli.expect->now) ? JD_CLI_EXIT_OK
                                                                         : JD_CLI_EXIT_USAGE;
  else
    {
      start_report (&cli, color_mode);
      if (read_input (&cli)
          && (!jd_cli_fresh_requested (&cli.opt.fresh) || add_fresh_token (&cli, &status)))
        status = print_report (&cli);
    }
  cli_clear (&cli);
  return status;
}
