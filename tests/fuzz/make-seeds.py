#!/usr/bin/env python3
# tests/fuzz/make-seeds.py SRC_DATA OUTDIR [--stamp FILE]
#
# Writes a seed corpus per fuzz target into OUTDIR/TARGET/ from the
# project's fixtures (tests/data) and the third-party corpora vendored
# there (tests/data/wycheproof, har, json-conformance; see
# tests/data/SOURCES), plus a few inputs generated here. Runs at build time.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import base64
import glob
import hashlib
import json
import os
import re
import sys

args = [a for a in sys.argv[1:] if not a.startswith('--')]
stamp = None
if '--stamp' in sys.argv:
    stamp = sys.argv[sys.argv.index('--stamp') + 1]
    args = [a for a in args if a != stamp]
src, out = args[:2]
shared = src  # the vendored third-party corpora live in tests/data too

TARGETS = ['token', 'json', 'keys', 'har', 'www-authenticate', 'curl']
seeds = {t: {} for t in TARGETS}
MAX_SEED = 256 * 1024


def add(target, data, name=None):
    if isinstance(data, str):
        data = data.encode('utf-8')
    if len(data) > MAX_SEED:
        return
    seeds[target][hashlib.sha1(data).hexdigest()[:16]] = data


def read(path):
    with open(path, 'rb') as f:
        return f.read()


def files(pattern, base):
    return sorted(glob.glob(os.path.join(base, pattern)))


def b64u(data):
    if isinstance(data, str):
        data = data.encode('utf-8')
    return base64.urlsafe_b64encode(data).rstrip(b'=').decode('ascii')


def jwt(header, payload, sig=b'signature'):
    return '%s.%s.%s' % (b64u(json.dumps(header, separators=(',', ':'))),
                         b64u(json.dumps(payload, separators=(',', ':'))), b64u(sig))


def load_json(path):
    try:
        with open(path, 'rb') as f:
            return json.loads(f.read().decode('utf-8-sig'))
    except (ValueError, OSError):
        return None


# --- tokens and pastes --------------------------------------------------
tokens = []
for p in files('*.jwt', src) + files('*.jws', src):
    tokens.append(read(p).strip())
for p in files('paste-*.txt', src):
    add('token', read(p))

wjws = load_json(os.path.join(shared, 'wycheproof', 'json_web_signature_test.json'))
if wjws:
    for group in wjws.get('testGroups', []):
        for test in group.get('tests', [])[:40]:
            if isinstance(test.get('jws'), str):
                tokens.append(test['jws'].encode())
            if isinstance(group.get('private'), dict) and isinstance(test.get('jws'), str):
                add('keys', json.dumps(group['private']) + '\n#jws ' + test['jws'])

now = 1700000000
generated = [
    jwt({'alg': 'RS256', 'typ': 'JWT', 'kid': 'k1'},
        {'iss': 'https://issuer.example.com/', 'aud': 'https://api.example.com', 'sub': 'u',
         'exp': now - 3600, 'iat': now - 7200, 'nbf': now - 7200, 'scope': 'read write'}),
    jwt({'alg': 'ES256', 'kid': 'k2'},
        {'iss': 'https://other.example.com', 'aud': ['https://api.example.com/', 'x'],
         'exp': now + 30, 'iat': now + 600}),
    jwt({'alg': 'none'}, {'sub': 'admin', 'exp': 9999999999}, b''),
    jwt({'alg': 'HS256', 'cty': 'JWT', 'crit': ['exp'], 'exp': 1},
        {'nested': {'a': [1, 2.5, -0.0, True, None, 'x' * 40]}, 'exp': '1700000000'}),
    jwt({'alg': 'PS512', 'x5t#S256': 'abc', 'jku': 'https://x'}, {'exp': 1.5, 'nbf': -1}),
    b64u('{"alg":"RSA-OAEP","enc":"A256GCM"}') + '.a.b.c.d',
    b64u('{"alg":"HS256","alg":"none"}') + '.' + b64u('{}') + '.',
    'eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjE3MDAwMDAwMDB9.',
    '..',
]
for t in generated:
    tokens.append(t.encode())
for t in tokens:
    add('token', t)
    add('token', b'Authorization: Bearer ' + t + b'\n')
    add('token', b'Bearer Bearer "' + t + b'"')
    add('token', b"curl -H 'Authorization: Bearer " + t + b"' https://api.example.com/")
    add('keys', b'{"kty":"oct","k":"' + b64u(b'secret').encode() + b'"}\n#jws ' + t)
    parts = t.split(b'.')
    for part in parts[:2]:
        try:
            add('json', base64.urlsafe_b64decode(part + b'=' * (-len(part) % 4)))
        except ValueError:
            pass

# --- JSON ---------------------------------------------------------------
for p in files('json-conformance/test_parsing/*.json', shared):
    add('json', read(p))
for p in files('*.jwk', src) + files('*.json', src):
    add('json', read(p))
add('json', '[' * 130 + ']' * 130)
add('json', '{"a":"\\ud800\\udc00\\u0000","a":1e999,"b":-0.0e-5}')

# --- keys ---------------------------------------------------------------
for p in files('*.jwk', src) + files('*.jwks', src) + files('*.pem', src) + \
        files('*.crt', src) + files('*.der', src):
    add('keys', read(p))
for p in files('*.jwk', src):
    jws = p[:-4] + '.jws'
    if os.path.exists(jws):
        add('keys', read(p) + b'\n#jws ' + read(jws).strip())
for p in files('wycheproof/*_test.json', shared):
    d = load_json(p)
    if not d:
        continue
    for group in d.get('testGroups', [])[:6]:
        for k in ('publicKeyPem', 'keyPem'):
            if isinstance(group.get(k), str):
                add('keys', group[k])
        for k in ('publicKeyJwk', 'keyJwk', 'private', 'public'):
            if isinstance(group.get(k), dict):
                add('keys', json.dumps(group[k]))
                add('keys', json.dumps({'keys': [group[k]]}))
        if isinstance(group.get('publicKeyDer'), str):
            try:
                add('keys', bytes.fromhex(group['publicKeyDer']))
            except ValueError:
                pass
wjwk = load_json(os.path.join(shared, 'wycheproof', 'json_web_key_test.json'))
if wjwk:
    for group in wjwk.get('testGroups', []):
        for test in group.get('tests', [])[:10]:
            if isinstance(group.get('private'), dict):
                add('keys', json.dumps(group['private']) + '\n#jws ' + str(test.get('jws', '')))

# --- HAR ----------------------------------------------------------------
for p in files('*.har', src) + files('har/*.har', shared):
    data = read(p)
    add('har', data[:MAX_SEED])
har = {'log': {'version': '1.2', 'creator': {'name': 'seed', 'version': '1'}, 'entries': []}}
for i, t in enumerate(tokens[:6]):
    har['log']['entries'].append({
        'startedDateTime': '2023-11-14T22:13:%02d.123Z' % i, 'time': 12.5,
        'request': {'method': 'GET', 'url': 'https://api.example.com/v1?access_token=x&i=%d' % i,
                    'httpVersion': 'HTTP/2',
                    'headers': [{'name': ':authority', 'value': 'api.example.com'},
                                {'name': 'Authorization', 'value': 'Bearer ' + t.decode()},
                                {'name': 'Cookie', 'value': 'session=' + t.decode()}],
                    'queryString': [], 'cookies': [], 'headersSize': -1, 'bodySize': 0},
        'response': {'status': [401, 403, 200, 0][i % 4], 'statusText': '',
                     'httpVersion': 'HTTP/2',
                     'headers': [{'name': 'WWW-Authenticate',
                                  'value': 'Bearer error="invalid_token", scope="read"'},
                                 {'name': 'Date', 'value': 'Tue, 14 Nov 2023 22:20:00 GMT'}],
                     'content': {'size': 4, 'mimeType': 'application/json', 'text': 'e30=',
                                 'encoding': 'base64'},
                     'cookies': [], 'redirectURL': '', 'headersSize': -1, 'bodySize': 4},
        'cache': {}, 'timings': {'send': 0, 'wait': 1, 'receive': 0}})
add('har', json.dumps(har, indent=1))

# --- WWW-Authenticate ---------------------------------------------------
for p in files('www-authenticate-*.txt', src):
    for line in read(p).split(b'\n'):
        if line.startswith(b'> '):
            add('www-authenticate', line[2:])
add('www-authenticate', 'Bearer realm="api", error="insufficient_scope", scope="admin read"\n'
    'Date: Tue, 14 Nov 2023 23:13:20 GMT\nServer: nginx\nReason: Unauthorized')
add('www-authenticate', 'Date: Sunday, 06-Nov-94 08:49:37 GMT\nVia: 1.1 gateway\nBasic realm=x, DPoP algs="ES256"')
add('www-authenticate', 'Date: Sun Nov  6 08:49:37 1994\nNegotiate abc==, Bearer error=invalid_token')

# --- curl ---------------------------------------------------------------
for p in files('curl-*.txt', src):
    add('curl', read(p))
add('curl', "curl 'https://a.example/x' -X PUT -H $'x: \\'y\\'\\n' --data-raw '{}' -b 'c=d' --compressed")
add('curl', 'curl "https://a.example/" ^\n  -H "Authorization: Bearer abc.def.ghi" ^\n  --data-binary "^{^}"')
add('curl', "curl -u user:pass -G -d a=b --url https://a.example/ -A agent -e ref --oauth2-bearer tok")

# --- every regression input seeds its own target ------------------------
for t in TARGETS:
    for p in files('fuzz-%s-*' % t, src):
        add(t, read(p))

# --- write --------------------------------------------------------------
# Only what changed: another fuzzer may be reading its seeds right now.
for t in TARGETS:
    d = os.path.join(out, t)
    os.makedirs(d, exist_ok=True)
    for name in set(os.listdir(d)) - set(seeds[t]):
        try:
            os.unlink(os.path.join(d, name))
        except FileNotFoundError:
            pass
    for name, data in seeds[t].items():
        path = os.path.join(d, name)
        if not os.path.exists(path):
            with open(path + '.tmp', 'wb') as f:
                f.write(data)
            os.replace(path + '.tmp', path)
if stamp:
    with open(stamp, 'w') as f:
        f.write('\n'.join('%s %d' % (t, len(seeds[t])) for t in TARGETS) + '\n')
