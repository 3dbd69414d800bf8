#!/usr/bin/env bash
# Payments on the production shape next to one node, in one run on one machine: first an all-in-one node on the
# Postgres profile, then the production shape (deploy/scripts/cluster.sh: two silos and client-api as a separate
# process, the same PostgreSQL), each measured by the load tool against its own bare endpoint (GET /health/live)
# and then POST /payments with the same workers, seconds and customers. Prints both and the ratio.
#
#   tests/Orleans.Fin.LoadTest/bench-cluster.sh [--seconds 20] [--concurrency 64] [--customers 200] [--scoring off|on]
#
# Uses FIN_PG_CONNECTION when set (a database prepared by deploy/scripts/db-setup.sh); otherwise starts a private
# PostgreSQL on loopback and stops it. Every process listens on free loopback ports.
set -euo pipefail

seconds=20 concurrency=64 customers=200 scoring=off
while [[ $# -gt 0 ]]; do
  case $1 in
    --seconds) seconds=$2; shift 2 ;;
    --concurrency) concurrency=$2; shift 2 ;;
    --customers) customers=$2; shift 2 ;;
    --scoring) scoring=$2; shift 2 ;;
    *) echo "usage: $0 [--seconds N] [--concurrency N] [--customers N] [--scoring off|on]" >&2; exit 2 ;;
  esac
done
[[ $scoring == off || $scoring == on ]] || { echo "--scoring is off or on" >&2; exit 2; }

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
work=$(mktemp -d "${TMPDIR:-/tmp}/orleans-fin-bench-cluster.XXXXXX")
chmod 755 "$work"
silo_pid="" started_pg=false cluster_started=false

cleanup() {
  [[ -n $silo_pid ]] && kill "$silo_pid" 2>/dev/null && wait "$silo_pid" 2>/dev/null || true
  [[ $cluster_started == true ]] && deploy/scripts/cluster.sh stop --run-dir "$work/cluster" >/dev/null 2>&1 || true
  [[ $started_pg == true ]] && deploy/scripts/pg-local.sh stop "$work/pg" >/dev/null 2>&1 || true
}
trap cleanup EXIT

# shellcheck source=node.sh
source "$root/tests/Orleans.Fin.LoadTest/node.sh"

if [[ -z ${FIN_PG_CONNECTION:-} ]]; then
  mkdir -p "$work/pg"
  deploy/scripts/pg-local.sh start "$work/pg" >/dev/null
  started_pg=true
  # shellcheck disable=SC1091
  source "$work/pg/env"
  deploy/scripts/db-setup.sh >/dev/null
fi
export FIN_PG_CONNECTION

dotnet build silo -c Release -nologo -v quiet
dotnet build client-api/Orleans.Fin.ClientApi -c Release -nologo -v quiet
dotnet build tests/Orleans.Fin.LoadTest -c Release -nologo -v quiet
load_tool=$root/tests/Orleans.Fin.LoadTest/bin/Release/net10.0/Orleans.Fin.LoadTest.dll
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ)"
echo "Postgres, scoring $scoring, $concurrency workers, $seconds s each, $customers customers"

measure() {
  local name=$1 url=$2
  shift 2
  echo "== $name"
  dotnet "$load_tool" --url "$url" --scenario payments --concurrency "$concurrency" --seconds "$seconds" --warmup 5 \
    --baseline-seconds "$seconds" --customers "$customers" "$@" | tee "$work/load-$name.txt" | grep -E '^scenario=|^ratio|^baseline'
}

http_port=$(free_port)
start_node "$root/silo/bin/Release/net10.0" "$http_port" "$work/silo-one-node.log" Postgres GroupCommit "$scoring"
measure one-node "http://127.0.0.1:$http_port"
echo "one node: working set $(ps -o rss= -p "$silo_pid" | awk '{printf "%.0f MiB", $1/1024}')"
kill "$silo_pid"
wait "$silo_pid" 2>/dev/null || true
silo_pid=""

# The production shape, with the same settings as the node above (scoring, logging, no anonymous rate limit).
export Serilog__MinimumLevel__Default=Warning Security__AnonymousPermitsPerMinute=1000000
case $scoring in
  off) export RiskControl__ScoringEnabled=false ;;
  *) export RiskControl__ScoringEnabled=true Risk__MediumThreshold=99 Risk__HighThreshold=100 RiskControl__SharedDeviceBoost=0 ;;
esac
api_port=$(free_port)
cluster_started=true
deploy/scripts/cluster.sh start --run-dir "$work/cluster" --no-build --api-port "$api_port" \
  --silo-ports "$(free_port),$(free_port)" --gateway-ports "$(free_port),$(free_port)" --http-ports "$(free_port),$(free_port)" \
  >"$work/cluster-start.log"
measure production-shape "http://127.0.0.1:$api_port" --signing-key "$(cat "$work/cluster/jwt-signing-key")"
for name in silo1 silo2 client-api; do
  echo "$name: working set $(ps -o rss= -p "$(cat "$work/cluster/$name.pid")" | awk '{printf "%.0f MiB", $1/1024}')"
done

rate() { grep -E '^scenario=payments' "$1" | grep -oE 'ok/s=[0-9.]+' | cut -d= -f2; }
one=$(rate "$work/load-one-node.txt") shape=$(rate "$work/load-production-shape.txt")
echo "payments completed/s: one node $one, production shape $shape, ratio $(awk -v a="$shape" -v b="$one" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')"
