# bash completion for jwt-doctor-cli — installed as
# $(pkg-config --variable=completionsdir bash-completion)/jwt-doctor-cli
# Self-contained: needs no helper from the bash-completion package.
# SPDX-License-Identifier: GPL-3.0-or-later

_jwt_doctor_cli ()
{
  local cur prev opts
  COMPREPLY=()
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD - 1]}
  opts="--aud --iss --alg --leeway --token-kind --now --jwks --key --secret --secret-file --secret-base64
        --discover --request -X --request-method -H --header -k --insecure --timeout --json
        --list-messages --color --fresh-token --token-endpoint --client-id --client-secret
        --client-secret-file --client-auth --client-key --refresh-token-file --scope --audience
        --resource --print-token --sign --generate-key --sign-alg --set --unset --jwks-out
        --version -h --help"

  # --color=WHEN as one word (bash splits at '=': "--color" "=" "WHEN")
  if [[ $prev == = && $COMP_CWORD -ge 2 ]]; then
    prev=${COMP_WORDS[COMP_CWORD - 2]}
  elif [[ $cur == = ]]; then
    cur=
  fi

  case $prev in
    --color)
      COMPREPLY=($(compgen -W "auto always never" -- "$cur"))
      return 0 ;;
    --token-kind)
      COMPREPLY=($(compgen -W "access id" -- "$cur"))
      return 0 ;;
    --generate-key)
      COMPREPLY=($(compgen -W "rsa ec ed25519" -- "$cur"))
      return 0 ;;
    --sign-alg)
      COMPREPLY=($(compgen -W "RS256 RS384 RS512 PS256 PS384 PS512 ES256 ES384 ES512 EdDSA HS256 HS384 HS512" -- "$cur"))
      return 0 ;;
    --sign)
      COMPREPLY=($(compgen -f -- "$cur") $(compgen -W "secret" -- "$cur"))
      compopt -o filenames 2>/dev/null
      return 0 ;;
    --alg)
      COMPREPLY=($(compgen -W "RS256 RS384 RS512 PS256 PS384 PS512 ES256 ES384 ES512 EdDSA HS256 HS384 HS512" -- "$cur"))
      return 0 ;;
    --fresh-token)
      COMPREPLY=($(compgen -W "client_credentials refresh_token authorization_code device_code" -- "$cur"))
      return 0 ;;
    --client-auth)
      COMPREPLY=($(compgen -W "basic post private_key_jwt none" -- "$cur"))
      return 0 ;;
    -X|--request-method)
      COMPREPLY=($(compgen -W "GET POST PUT PATCH DELETE HEAD OPTIONS" -- "$cur"))
      return 0 ;;
    --jwks|--key|--secret-file|--jwks-out|--client-secret-file|--client-key|--refresh-token-file)
      COMPREPLY=($(compgen -f -- "$cur"))
      compopt -o filenames 2>/dev/null
      return 0 ;;
    --aud|--iss|--leeway|--now|--secret|--request|-H|--header|--timeout|--set|--unset|--token-endpoint|--client-id|--client-secret|--scope|--audience|--resource)
      return 0 ;;
  esac

  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    return 0
  fi
  # INPUT: a token, a file (.jwt, .har, text) or -
  COMPREPLY=($(compgen -f -- "$cur"))
  compopt -o filenames 2>/dev/null
  return 0
}
complete -F _jwt_doctor_cli jwt-doctor-cli
