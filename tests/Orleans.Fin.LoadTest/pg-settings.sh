#!/usr/bin/env bash
# Payments on the Postgres profile with one storage setting one way and the other, taking turns on one private server
# with everything else equal:
#   --compare compression   the grain payload column compressed by pglz (PostgreSQL's default) against lz4 (what
#                           deploy/sql/020-persistence.sql sets);
#   --compare prepare       the group-commit provider's statements unprepared (Cluster:GroupCommit:PrepareStatements
#                           false) against prepared on each pooled connection (the default).
# Each turn starts a node, runs the load tool, waits --warmup seconds, then reads over --seconds the payments
# completed and the CPU of the node and of PostgreSQL (postmaster and backends) from /proc.
#
#   tests/Orleans.Fin.LoadTest/pg-settings.sh --compare compression|prepare [--rounds 3] [--warmup 20] [--seconds 25]
#                                             [--concurrency 32] [--customers 200]
#
# Starts and stops its own PostgreSQL (deploy/scripts/pg-local.sh); leaves the column at lz4.
set -euo pipefail

compare="" rounds=3 warmup=20 seconds=25 concurrency=32 customers=200
while [[ $# -gt 0 ]]; do
  case $1 in
    --compare) compare=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --concurrency) concurrency=$2; shift 2 ;;
    --customers) customers=$2; shift 2 ;;
    *) echo "usage: $0 --compare compression|prepare [--rounds N] [--warmup S] [--seconds S] [--concurrency N] [--customers N]" >&2; exit 2 ;;
  esac
done
case $compare in
  compression) settings="pglz lz4" ;;
  prepare) settings="unprepared prepared" ;;
  *) echo "--compare is compression or prepare" >&2; exit 2 ;;
esac

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
out=$(mktemp -d "${TMPDIR:-/tmp}/orleans-fin-pg-settings.XXXXXX")
chmod 755 "$out" # the server runs as postgres
silo_pid="" load_pid=""
cleanup() {
  [[ -n $load_pid ]] && kill "$load_pid" 2>/dev/null || true
  [[ -n $silo_pid ]] && kill "$silo_pid" 2>/dev/null && wait "$silo_pid" 2>/dev/null || true
  deploy/scripts/pg-local.sh stop "$out/pg" >/dev/null 2>&1 || true
}
trap cleanup EXIT

# shellcheck source=node.sh
source "$root/tests/Orleans.Fin.LoadTest/node.sh"
dotnet build silo -c Release -nologo -v quiet
dotnet build tests/Orleans.Fin.LoadTest -c Release -nologo -v quiet
mkdir -p "$out/pg"
deploy/scripts/pg-local.sh start "$out/pg" >/dev/null
# shellcheck disable=SC1091
source "$out/pg/env"
deploy/scripts/db-setup.sh >/dev/null

requests_so_far() { grep -o 'requests=[0-9]*' "$out/load.log" | tail -n 1 | cut -d= -f2; }

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ)"
echo "| round | $compare | payments/s | p50 / p99 (whole turn) | node µs/payment | PostgreSQL µs/payment |"
echo "| --- | --- | ---: | --- | ---: | ---: |"
for round in $(seq 1 "$rounds"); do
  for setting in $settings; do
    case $setting in
      pglz | lz4) psql -X -q -d "$FIN_PG_DATABASE" -c "ALTER TABLE OrleansStorage ALTER COLUMN PayloadBinary SET COMPRESSION $setting" ;;
      unprepared) export Cluster__GroupCommit__PrepareStatements=false ;;
      prepared) export Cluster__GroupCommit__PrepareStatements=true ;;
    esac
    http_port=$(free_port)
    start_node "$root/silo/bin/Release/net10.0" "$http_port" "$out/silo.log" Postgres GroupCommit off
    dotnet tests/Orleans.Fin.LoadTest/bin/Release/net10.0/Orleans.Fin.LoadTest.dll --url "http://127.0.0.1:$http_port" \
      --scenario payments --concurrency "$concurrency" --seconds "$((warmup + seconds + 5))" --warmup 5 --baseline-seconds 0 \
      --customers "$customers" >"$out/load.log" 2>&1 &
    load_pid=$!
    until grep -q "== payments for" "$out/load.log"; do
      kill -0 "$load_pid" 2>/dev/null || { echo "the load tool stopped:" >&2; cat "$out/load.log" >&2; exit 1; }
      sleep 0.5
    done
    sleep "$warmup"
    r0=$(requests_so_far)
    p0=$(postgres_cpu_seconds "$out/pg/data")
    n0=$(cpu_seconds "$silo_pid")
    t0=$(date +%s.%N)
    sleep "$seconds"
    r1=$(requests_so_far)
    p1=$(postgres_cpu_seconds "$out/pg/data")
    n1=$(cpu_seconds "$silo_pid")
    t1=$(date +%s.%N)
    wait "$load_pid" || true
    load_pid=""
    latency=$(tail -n 1 "$out/load.log" | grep -o 'p50=[0-9.]*ms p99=[0-9.]*ms' | sed 's/p50=//; s/ p99=/ \/ /')
    python3 -c "r = $r1 - $r0; print(f'| $round | $setting | {r / ($t1 - $t0):,.0f} | $latency | {($n1 - $n0) * 1e6 / r:,.0f} | {($p1 - $p0) * 1e6 / r:,.0f} |')"
    kill "$silo_pid"
    wait "$silo_pid" 2>/dev/null || true
    silo_pid=""
  done
done
