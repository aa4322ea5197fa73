#!/usr/bin/env python3
# tests/check-report-schema.py CLI SCHEMA SRCDIR — TAP.
#
# Validates real `jwt-doctor-cli --json` reports against data/report.schema.json
# (python3-jsonschema): one test point per input row (a token argument, a
# file, standard input, HAR files, a malformed token, a verified signature),
# and, the other way, close variants of a real report that the schema must
# refuse (one point each), so a schema that accepts anything fails.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import copy
import json
import os
import subprocess
import sys

try:
    import jsonschema
except ImportError:
    print('1..0 # SKIP python3-jsonschema is not installed (build-aux/deps.sh installs it)')
    sys.exit(0)

cli, schema_path, src = sys.argv[1:4]
schema = json.load(open(schema_path, encoding='utf-8'))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
env = dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='')
example = os.path.join(src, 'data', 'examples', 'article-expired.jwt')
data = os.path.join(src, 'tests', 'data')
token = open(example, encoding='utf-8').read().strip()

# (name, arguments, standard input, exit status, tokens in the report)
rows = [
    ('token argument', ['--aud', 'https://api.example.com/v2', token], None, 1, 1),
    ('.jwt file', ['--now', '1748441000', example], None, 0, 1),
    ('standard input', ['-'], 'Authorization: Bearer ' + token + '\n', 1, 1),
    ('HAR with 401s', [os.path.join(data, 'har-chrome-401.har')], None, 1, None),
    ('HAR without tokens', [os.path.join(data, 'har-sanitized.har')], None, 0, 0),
    ('browser HAR export', [os.path.join(data, 'har', 'mitmproxy-chrome.har')], None, 0, 0),
    ('malformed token', ['not.a.token'], None, 1, 1),
    ('verified RS256 signature', ['--key', os.path.join(data, 'rfc7515-A.2.jwk'),
                                  os.path.join(data, 'rfc7515-A.2.jws')], None, 1, 1),
    ('wrong key', ['--key', os.path.join(data, 'rfc7515-A.1.jwk'),
                   os.path.join(data, 'rfc7515-A.2.jws')], None, 1, 1),
    ('double Bearer prefix', [os.path.join(data, 'paste-double-bearer.txt')], None, 1, 1),
]

points = []
reports = {}
for name, args, stdin, status, n_tokens in rows:
    r = subprocess.run([cli, '--json'] + args, input=stdin, env=env, capture_output=True, text=True)
    problems = []
    if r.returncode != status:
        problems.append(f'exit status {r.returncode}, expected {status}: {r.stderr.strip()}')
    try:
        report = json.loads(r.stdout)
        reports[name] = report
        problems += [f'{"/".join(map(str, e.absolute_path))}: {e.message}'
                     for e in validator.iter_errors(report)]
        if n_tokens is not None and len(report.get('tokens', [])) != n_tokens:
            problems.append(f'{len(report.get("tokens", []))} tokens, expected {n_tokens}')
        elif n_tokens is None and len(report.get('tokens', [])) == 0:
            problems.append('no tokens')
    except json.JSONDecodeError as e:
        problems.append(f'not JSON: {e}')
    points.append((not problems, f'report for {name} is valid', problems))

# The other way: close variants of a real report that must be refused.
base = reports.get('HAR with 401s') or {'version': 1, 'tokens': []}


def variant(change):
    v = copy.deepcopy(base)
    change(v)
    return v


def first_finding(v):
    return v['tokens'][0]['findings'][0]


refused = [
    ('version 2', lambda v: v.update(version=2)),
    ('no version', lambda v: v.pop('version')),
    ('no tokens', lambda v: v.pop('tokens')),
    ('an unknown top-level member', lambda v: v.update(extra=True)),
    ('source "har:x"', lambda v: v['tokens'][0].update(source='har:x')),
    ('source "url"', lambda v: v['tokens'][0].update(source='url')),
    ('signature status "checked"', lambda v: v['tokens'][0]['signature'].update(status='checked')),
    ('signature without kid', lambda v: v['tokens'][0]['signature'].pop('kid')),
    ('severity "fatal"', lambda v: first_finding(v).update(severity='fatal')),
    ('rank "1"', lambda v: first_finding(v).update(rank='1')),
    ('id "Expired"', lambda v: first_finding(v).update(id='Expired')),
    ('finding without fix', lambda v: first_finding(v).pop('fix')),
]
for name, change in refused:
    try:
        v = variant(change)
        points.append((not validator.is_valid(v), f'schema refuses a report with {name}', []))
    except (IndexError, KeyError) as e:
        points.append((False, f'schema refuses a report with {name}', [f'no report to vary: {e!r}']))

print(f'1..{len(points)}')
failed = 0
for n, (ok, what, problems) in enumerate(points, 1):
    print(f'{"ok" if ok else "not ok"} {n} - {what}')
    if not ok:
        failed = 1
        for p in problems:
            print('# ' + p.replace('\n', ' '))
sys.exit(failed)
