#!/usr/bin/env bash
# The chaos run on the production shape: a private PostgreSQL, two silos and client-api (cluster.sh) on
# free loopback ports; customers onboarded and funded through the REST API; concurrent payments (cross-
# currency among them, 10% sent twice with the same Idempotency-Key) while a silo is killed with SIGKILL
# and restarted, alternating between the two; then, without any client retry, the system must settle and
# the ledger must add up; then every lost answer is retried with its key and body and checked again.
# Last come the risk states in parts: the silos write a customer's risk state in parts from --parts-from
# window records (RiskControl__WindowsInPartsFrom; 256 in production, which no customer of a short run
# reaches), so most states go into parts early and their cold parts are rewritten many times while silos
# are killed. After the final audit, PostgreSQL must hold no risk state that refers to a missing part and
# at least one state in parts (deploy/sql/040-risk-parts.sql: "risk parts: N states in parts, N parts
# stored, N dangling, N orphaned"). Then both silos are killed with SIGKILL (client-api stays up) and, with
# no silo running, the orphaned parts are swept for real (fin_risk_parts_sweep_rows, minimum age 0, safe
# only because nothing can write); read again, there must be 0 orphaned, 0 dangling and as many states in
# parts as before. Then the restart command brings both silos back, and every customer's risk grain must
# answer GET /risk/customers/{id} with a 200: each activates from storage, so a missing or unreadable part
# fails the run (503 and failed connections are retried for 60 s while client-api reconnects). Prints a
# line a second, a summary and "chaos result: PASS|FAIL"; exits 1 on FAIL.
#
#   deploy/scripts/chaos.sh [--seconds 45] [--kills 2] [--customers 24] [--concurrency 16]
#                           [--settle-seconds 90] [--duplicate-percent 10] [--seed N] [--parts-from 32]
#                           [--configuration Release] [--no-build] [--risk off-thresholds|shipped]
#                           [--environment NAME] [--keep DIR]
#
# --risk off-thresholds (the default) keeps the risk grains on the payment path but puts the score
# thresholds out of reach, so the run's bursts of payments are not frozen as fraud; "shipped" runs the
# shipped thresholds. Outside Development the tool signs its tokens with the key cluster.sh keeps in its
# run directory. Everything started is stopped on exit; the run directory (logs) is kept on FAIL or with
# --keep DIR, removed otherwise.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
configuration=Release build=true risk=off-thresholds environment="" keep="" parts_from=32
tool_args=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --seconds|--kills|--customers|--concurrency|--settle-seconds|--duplicate-percent|--seed|--down-seconds|--request-timeout)
      [[ $# -ge 2 ]] || { echo "$1 needs a value" >&2; exit 2; }
      tool_args+=("$1" "$2"); shift 2 ;;
    --configuration) configuration=$2; shift 2 ;;
    --no-build) build=false; shift ;;
    --risk) risk=$2; shift 2 ;;
    --parts-from) [[ $# -ge 2 ]] || { echo "$1 needs a value" >&2; exit 2; }; parts_from=$2; shift 2 ;;
    --environment) environment=$2; shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    *) echo "unknown option $1 (see the head of $0)" >&2; exit 2 ;;
  esac
done
[[ $risk =~ ^(off-thresholds|shipped)$ ]] || { echo "--risk is off-thresholds or shipped" >&2; exit 2; }
[[ $parts_from =~ ^[1-9][0-9]{1,8}$ ]] && ((parts_from >= 16)) || { echo "--parts-from is a number of window records, at least 16" >&2; exit 2; }

if [[ -n $keep ]]; then
  mkdir -p "$keep"
  work=$(cd "$keep" && pwd)
else
  work=$(mktemp -d "${TMPDIR:-/tmp}/orleans-fin-chaos.XXXXXX")
fi
chmod 755 "$work"
run_dir="$work/cluster"
status=1 tool_pid=""

cleanup() {
  if [[ -n $tool_pid ]] && kill -0 "$tool_pid" 2>/dev/null; then kill "$tool_pid" 2>/dev/null || true; wait "$tool_pid" 2>/dev/null || true; fi
  "$root/deploy/scripts/cluster.sh" stop --run-dir "$run_dir" >/dev/null 2>&1 || true
  if [[ $status -eq 0 && -z $keep ]]; then
    rm -rf "$work"
  else
    echo "chaos: logs kept in $run_dir"
  fi
}
trap cleanup EXIT
trap 'exit 143' TERM INT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
api_port=$(free_port)
cluster_args=(--run-dir "$run_dir" --api-port "$api_port" --configuration "$configuration"
  --silo-ports "$(free_port),$(free_port)" --gateway-ports "$(free_port),$(free_port)" --http-ports "$(free_port),$(free_port)")
[[ -n $environment ]] && cluster_args+=(--environment "$environment")

# Always a private PostgreSQL: the run must not share a database with anything else.
unset FIN_PG_CONNECTION
# A silo restarted under full load on two cores can take minutes to rejoin; give it time.
export FIN_READY_SECONDS=${FIN_READY_SECONDS:-300}
export Security__AnonymousPermitsPerMinute=1000000 Serilog__MinimumLevel__Default=Warning
export RiskControl__WindowsInPartsFrom=$parts_from
if [[ $risk == off-thresholds ]]; then
  export Risk__MediumThreshold=99 Risk__HighThreshold=100 RiskControl__SharedDeviceBoost=0
fi

if [[ $build == true ]]; then
  dotnet build "$root/tests/Orleans.Fin.Chaos" -c "$configuration" -nologo -v quiet
else
  cluster_args+=(--no-build)
fi
"$root/deploy/scripts/cluster.sh" start "${cluster_args[@]}"

restart_args=()
for arg in "${cluster_args[@]}"; do restart_args+=("$(printf '%q' "$arg")"); done
restart="$(printf '%q' "$root/deploy/scripts/cluster.sh") start ${restart_args[*]}"
[[ $build == true ]] && restart+=" --no-build"

key_args=()
for candidate in "$run_dir/secrets/jwt-signing-key" "$run_dir/jwt-signing-key"; do
  if [[ -f $candidate ]]; then key_args=(--signing-key-file "$candidate"); break; fi
done

# The risk parts are read from the cluster's own database, under the service id its silos run with.
pg_connection=$(source "$run_dir/pg/env" && printf '%s' "$FIN_PG_CONNECTION")

dotnet "$root/tests/Orleans.Fin.Chaos/bin/$configuration/net10.0/Orleans.Fin.Chaos.dll" \
  --url "http://127.0.0.1:$api_port" --run-dir "$run_dir" --restart "$restart" "${key_args[@]}" "${tool_args[@]}" \
  --pg-connection "$pg_connection" --service-id "${Cluster__ServiceId:-orleans-fin}" &
tool_pid=$!
status=0
wait "$tool_pid" || status=$?
tool_pid=""
exit "$status"
