#!/usr/bin/env bash
# Prints an HS256 bearer token for SUBJECT with ROLE, signed with the key a cluster started by
# cluster.sh keeps in its run directory (or with --key-file FILE). Issuer and audience are the
# defaults of appsettings.json unless --issuer/--audience say otherwise.
#
#   deploy/scripts/token.sh SUBJECT ROLE [--run-dir DIR | --key-file FILE] [--minutes 60]
#   curl -H "Authorization: Bearer $(deploy/scripts/token.sh ops-1 operator)" http://127.0.0.1:5080/ops/clock
set -euo pipefail

[[ $# -ge 2 ]] || { echo "usage: $0 SUBJECT ROLE [--run-dir DIR | --key-file FILE] [--minutes N] [--issuer I] [--audience A]" >&2; exit 2; }
subject=$1 role=$2
shift 2
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
key_file="$root/.tmp/cluster/jwt-signing-key" minutes=60 issuer=orleans-fin audience=orleans-fin-api
while [[ $# -gt 0 ]]; do
  case $1 in
    --run-dir) key_file=$2/jwt-signing-key; shift 2 ;;
    --key-file) key_file=$2; shift 2 ;;
    --minutes) minutes=$2; shift 2 ;;
    --issuer) issuer=$2; shift 2 ;;
    --audience) audience=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[[ -r $key_file ]] || { echo "no signing key at $key_file (start the cluster first)" >&2; exit 1; }
[[ $subject =~ ^[A-Za-z0-9_.:-]{1,64}$ ]] || { echo "subject must be 1-64 of A-Z a-z 0-9 _ . : -" >&2; exit 2; }
[[ $role =~ ^(customer|operator|risk-officer|admin)$ ]] || { echo "role must be customer, operator, risk-officer or admin" >&2; exit 2; }
[[ $minutes =~ ^[0-9]{1,5}$ ]] || { echo "--minutes must be a number" >&2; exit 2; }

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
header=$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)
payload=$(printf '{"sub":"%s","role":"%s","iss":"%s","aud":"%s","iat":%d,"nbf":%d,"exp":%d}' \
  "$subject" "$role" "$issuer" "$audience" "$now" "$now" $((now + minutes * 60)) | b64url)
key=$(cat "$key_file")
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -mac HMAC -macopt "key:$key" -binary | b64url)
printf '%s.%s.%s\n' "$header" "$payload" "$signature"
