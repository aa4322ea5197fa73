#!/usr/bin/env python3
# tests/check-man.py BINARY PAGE [--installed NAME…] [--not-built NAME…]
#
# TAP. The man page PAGE documents exactly the options `BINARY --help` lists
# (one test point per option, both ways: every --help option is in the page,
# every option the page documents is in --help), and its SEE ALSO names only
# man pages this build installs (--installed; a page of a part that this
# configuration does not build, --not-built, is a skip that says so).
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import subprocess
import sys

args = sys.argv[1:]
binary, page = args[0], args[1]
installed, not_built, bucket = [], [], None
for a in args[2:]:
    if a == '--installed':
        bucket = installed
    elif a == '--not-built':
        bucket = not_built
    else:
        bucket.append(a)

env = dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='', DISPLAY='', WAYLAND_DISPLAY='')
help_text = subprocess.run([binary, '--help'], env=env, capture_output=True, text=True, check=True).stdout

# "  -X, --request-method=METHOD   …" / "  --json   …": the options of --help
help_opts = set()
for line in help_text.splitlines():
    m = re.match(r'^\s+(?:-(\w), )?--([A-Za-z0-9][\w-]*)', line)
    if m:
        help_opts.add('--' + m.group(2))
        if m.group(1):
            help_opts.add('-' + m.group(1))

# The page's OPTIONS section: the tag line after each .TP
text = open(page, encoding='utf-8').read()
section = None
man_opts = set()
see_also = []
lines = text.splitlines()
for i, line in enumerate(lines):
    if line.startswith('.SH '):
        section = line[4:].strip().strip('"')
        continue
    if section == 'OPTIONS' and i > 0 and lines[i - 1].startswith('.TP'):
        tag = line.replace('\\-', '-')
        for m in re.finditer(r'(?<![\w-])(--[A-Za-z0-9][\w-]*|-[A-Za-z0-9](?![\w-]))', tag):
            man_opts.add(m.group(1))
    if section == 'SEE ALSO':
        for m in re.finditer(r'^\.BR\s+(\S+)\s+\((\d)\)', line):
            see_also.append((m.group(1).replace('\\-', '-'), m.group(2)))

points = []
name = os.path.basename(page)
for opt in sorted(help_opts):
    points.append((opt in man_opts, f'{name} documents {opt} (listed by --help)', None))
for opt in sorted(man_opts):
    points.append((opt in help_opts, f'--help lists {opt} (documented in {name})', None))
points.append((len(help_opts) > 0, f'{os.path.basename(binary)} --help lists options ({len(help_opts)})', None))
for ref, sec in see_also:
    what = f'SEE ALSO {ref}({sec}) is a page this build installs'
    if ref in not_built:
        points.append((True, what, f'SKIP {ref} is not built in this configuration'))
    else:
        points.append((f'{ref}.{sec}' in installed, what, None))

print(f'1..{len(points)}')
failed = 0
for n, (ok, what, directive) in enumerate(points, 1):
    if directive:
        print(f'ok {n} - {what} # {directive}')
    elif ok:
        print(f'ok {n} - {what}')
    else:
        failed = 1
        print(f'not ok {n} - {what}')
if failed:
    print('# --help printed:')
    for line in help_text.splitlines():
        print('#   ' + line)
sys.exit(failed)
