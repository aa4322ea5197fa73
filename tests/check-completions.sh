#!/usr/bin/env bash
# tests/check-completions.sh CLI COMPLETIONS_DIR — TAP.
# bash: sources data/completions/jwt-doctor-cli.bash and asks it, as bash's
# programmable completion does (COMP_WORDS, COMP_CWORD, then the function
# registered with `complete`), what it offers for a table of command lines,
# each both ways (what must be offered, a close word that must not be); every
# option `CLI --help` lists must complete from "-". zsh and fish: every option
# --help lists is in their files, and the files parse where the shell is
# installed (zsh -n, fish --no-execute; nothing to test without them).
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
cli=$1 dir=$2
n=0 failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=1; echo "not ok $n - $1"; }
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

# shellcheck source=/dev/null
. "$dir/jwt-doctor-cli.bash" || { echo "Bail out! cannot source jwt-doctor-cli.bash"; exit 1; }

# complete_line WORD…: the last word is the one being completed; "=" is its
# own word, as COMP_WORDBREAKS makes it. Prints COMPREPLY one per line.
complete_line () {
  local fn
  COMP_WORDS=(jwt-doctor-cli "$@")
  COMP_CWORD=$#
  COMP_LINE="jwt-doctor-cli $*"
  COMP_POINT=${#COMP_LINE}
  fn=$(complete -p jwt-doctor-cli 2>/dev/null | sed -n 's/.*-F \([^ ]*\) .*/\1/p')
  COMPREPLY=()
  "$fn" jwt-doctor-cli "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
  printf '%s\n' "${COMPREPLY[@]}"
}

# expect "DESCRIPTION" "WANT (space-separated, in any order)" "MUST NOT (space-separated)" WORD…
expect () {
  local what=$1 want=$2 not=$3 got w bad=
  shift 3
  got=$(complete_line "$@" | sort | tr '\n' ' ')
  for w in $want; do [[ " $got" == *" $w "* ]] || bad="$bad missing:$w"; done
  for w in $not; do [[ " $got" == *" $w "* ]] && bad="$bad unwanted:$w"; done
  if [ -z "$bad" ]; then ok "bash: $what"; else echo "# offered: $got"; not_ok "bash: $what ($bad)"; fi
}

if complete -p jwt-doctor-cli >/dev/null 2>&1; then ok "bash: complete -F registers jwt-doctor-cli"
else not_ok "bash: complete -F registers jwt-doctor-cli"; fi

touch "$tmp/session.har" "$tmp/token.jwt" "$tmp/jwks.json"
expect "--co offers --color, not --json" "--color" "--json" --co
expect "--color SPACE offers auto always never" "auto always never" "--json" --color ""
expect "--color= offers auto always never" "auto always never" "" --color =
expect "--color=al offers always, not auto" "always" "auto never" --color = al
expect "--alg R offers RS256 RS512, not ES256" "RS256 RS512" "ES256 HS256" --alg R
expect "-X P offers POST PUT PATCH, not GET" "POST PUT PATCH" "GET" -X P
expect "--jwks offers files" "$tmp/jwks.json" "--json" --jwks "$tmp/jw"
expect "INPUT offers .har and .jwt files" "$tmp/session.har $tmp/token.jwt" "--json" "$tmp/"
expect "--aud takes a value: no options offered" "" "--json --aud" --aud ""
expect "--secret takes a value: no files offered" "" "$tmp/token.jwt" --secret "$tmp/"
expect "--fresh-token c offers client_credentials, not refresh_token" "client_credentials" "refresh_token device_code" --fresh-token c
expect "--client-auth p offers post private_key_jwt, not basic" "post private_key_jwt" "basic none" --client-auth p
expect "--client-secret takes a value: no files offered" "" "$tmp/token.jwt" --client-secret "$tmp/"
expect "--client-key offers files" "$tmp/token.jwt" "--json" --client-key "$tmp/to"

# every --help option completes from "-", and is in the zsh and fish files
help=$(LC_ALL=C.UTF-8 LANGUAGE= "$cli" --help | sed -n 's/^ *\(-[A-Za-z], \)\{0,1\}\(--[A-Za-z0-9-]*\).*/\1\2/p')
[ -n "$help" ] && ok "jwt-doctor-cli --help lists options" || not_ok "jwt-doctor-cli --help lists options"
from_dash=$(complete_line - | tr '\n' ' ')
for entry in $help; do
  for opt in ${entry//,/ }; do
    [[ " $from_dash" == *" $opt "* ]] && ok "bash: - offers $opt" || not_ok "bash: - offers $opt"
    case $opt in
      --*) grep -q -- "'[(*]*[^']*${opt}[=+\[]\|{[^}]*${opt}[=+]\{0,1\}}" "$dir/_jwt-doctor-cli" && ok "zsh: _jwt-doctor-cli has $opt" || not_ok "zsh: _jwt-doctor-cli has $opt"
           grep -q -- "-l ${opt#--}\( \|$\)" "$dir/jwt-doctor-cli.fish" && ok "fish: has -l ${opt#--}" || not_ok "fish: has -l ${opt#--}" ;;
      -?) grep -q -- "${opt}[+,]\|{${opt}[+]\{0,1\}," "$dir/_jwt-doctor-cli" && ok "zsh: _jwt-doctor-cli has $opt" || not_ok "zsh: _jwt-doctor-cli has $opt"
          grep -q -- "-s ${opt#-} " "$dir/jwt-doctor-cli.fish" && ok "fish: has -s ${opt#-}" || not_ok "fish: has -s ${opt#-}" ;;
    esac
  done
done

if command -v zsh >/dev/null 2>&1; then
  zsh -n "$dir/_jwt-doctor-cli" && ok "zsh -n parses _jwt-doctor-cli" || not_ok "zsh -n parses _jwt-doctor-cli"
fi
if command -v fish >/dev/null 2>&1; then
  fish --no-execute "$dir/jwt-doctor-cli.fish" && ok "fish parses jwt-doctor-cli.fish" || not_ok "fish parses jwt-doctor-cli.fish"
fi
echo "1..$n"
exit $failed
