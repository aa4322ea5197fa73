# fish completion for jwt-doctor-cli — installed into $datadir/fish/vendor_completions.d
# SPDX-License-Identifier: GPL-3.0-or-later

complete -c jwt-doctor-cli -l aud -r -d 'Expected audience'
complete -c jwt-doctor-cli -l iss -r -d 'Expected issuer'
complete -c jwt-doctor-cli -l alg -x -a 'RS256 RS384 RS512 PS256 PS384 PS512 ES256 ES384 ES512 EdDSA HS256 HS384 HS512' -d 'Allowed algorithms, comma-separated'
complete -c jwt-doctor-cli -l leeway -x -d 'Clock leeway in seconds (default 60)'
complete -c jwt-doctor-cli -l now -x -d 'Evaluate time claims at this instant'
complete -c jwt-doctor-cli -l jwks -r -F -d 'Key set to verify with (file or URL)'
complete -c jwt-doctor-cli -l key -r -F -d 'PEM public key, X.509 certificate or one JWK'
complete -c jwt-doctor-cli -l secret -x -d 'HMAC secret (prefer --secret-file)'
complete -c jwt-doctor-cli -l secret-file -r -F -d 'HMAC secret from a file'
complete -c jwt-doctor-cli -l secret-base64 -d 'The secret is base64 or base64url encoded'
complete -c jwt-doctor-cli -l discover -d "Fetch the issuer's OIDC discovery document"
complete -c jwt-doctor-cli -l request -x -d 'Send a request carrying the token'
complete -c jwt-doctor-cli -s X -l request-method -x -a 'GET POST PUT PATCH DELETE HEAD OPTIONS' -d 'Method for --request'
complete -c jwt-doctor-cli -s H -l header -x -d 'Header for --request'
complete -c jwt-doctor-cli -s k -l insecure -d 'Accept an invalid TLS certificate'
complete -c jwt-doctor-cli -l timeout -x -d 'Network timeout in seconds (default 30)'
complete -c jwt-doctor-cli -l json -d 'Machine-readable report'
complete -c jwt-doctor-cli -l list-messages -d 'Print the server error messages it recognises'
complete -c jwt-doctor-cli -l color -x -a 'auto always never' -d 'Colour the text report'
complete -c jwt-doctor-cli -l version -d 'Show the version'
complete -c jwt-doctor-cli -s h -l help -d 'Show help options'
