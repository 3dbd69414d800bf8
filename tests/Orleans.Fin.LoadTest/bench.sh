#!/usr/bin/env bash
# Payments benchmark through HTTP on the Embedded and the Postgres profile, each next to a bare
# endpoint (GET /health/live, no grain work) measured against the same node in the same run.
#
#   tests/Orleans.Fin.LoadTest/bench.sh [--seconds 20] [--concurrency 32] [--profiles "Embedded Postgres"] [--scoring "off on"]
#                                       [--storage "GroupCommit AdoNet"] [--scenarios "payments loan-decisions mixed"]
#
# On the Postgres profile each grain-state provider named by --storage gets its own node in the same run (the
# group-commit provider and the Orleans ADO.NET one: the before/after of docs/BENCHMARKS.md). Every scenario run
# measures the bare endpoint first against the same node.
#
# The load tool's customers pay many times a second, which the fraud engine rightly treats as an attack; so
# throughput is measured with scoring off (RiskControl:ScoringEnabled=false: the risk grains still run and
# pre-authorise every payment, with a scorer that finds nothing), and "--scoring on" adds a run with scoring on
# and the thresholds out of reach, which prices the rules and the model without declining anything.
# "--freeze" keeps the default thresholds for the scoring-on run instead: the load's bursts then trip the
# engine, and /ops/kpis gives the time from each triggering event to its freeze under that load.
#
# Uses FIN_PG_CONNECTION when set; otherwise starts a private PostgreSQL on loopback and stops it.
set -euo pipefail

seconds=20 concurrency=32 profiles="Embedded Postgres" customers=200 scoring="off" storages="GroupCommit AdoNet"
scenarios="payments loan-decisions"
freeze=false
while [[ $# -gt 0 ]]; do
  case $1 in
    --seconds) seconds=$2; shift 2 ;;
    --concurrency) concurrency=$2; shift 2 ;;
    --profiles) profiles=$2; shift 2 ;;
    --customers) customers=$2; shift 2 ;;
    --scoring) scoring=$2; shift 2 ;;
    --storage) storages=$2; shift 2 ;;
    --scenarios) scenarios=$2; shift 2 ;;
    --freeze) freeze=true; shift ;;
    *) echo "usage: $0 [--seconds N] [--concurrency N] [--profiles \"Embedded Postgres\"] [--customers N] [--scoring \"off on\"] [--storage \"GroupCommit AdoNet\"] [--scenarios \"payments loan-decisions mixed\"]" >&2; exit 2 ;;
  esac
done

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
work=$(mktemp -d "${TMPDIR:-/tmp}/orleans-fin-bench.XXXXXX")
chmod 755 "$work"
silo_pid="" started_pg=false

cleanup() {
  [[ -n $silo_pid ]] && kill "$silo_pid" 2>/dev/null && wait "$silo_pid" 2>/dev/null || true
  [[ $started_pg == true ]] && deploy/scripts/pg-local.sh stop "$work/pg" >/dev/null 2>&1 || true
}
trap cleanup EXIT

# shellcheck source=node.sh
source "$root/tests/Orleans.Fin.LoadTest/node.sh"

dotnet build silo -c Release -nologo -v quiet
dotnet build tests/Orleans.Fin.LoadTest -c Release -nologo -v quiet
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(date -u +%FT%TZ)"

for profile in $profiles; do
for storage in $([[ $profile == Postgres ]] && echo "$storages" || echo memory); do
for mode in $scoring; do
  if [[ $profile == Postgres && -z ${FIN_PG_CONNECTION:-} ]]; then
    mkdir -p "$work/pg"
    deploy/scripts/pg-local.sh start "$work/pg" >/dev/null
    started_pg=true
    # shellcheck disable=SC1091
    source "$work/pg/env"
    deploy/scripts/db-setup.sh >/dev/null
  fi

  http_port=$(free_port)
  start_node "$root/silo/bin/Release/net10.0" "$http_port" "$work/silo-$profile-$storage.log" "$profile" "$storage" \
    "$([[ $mode == on && $freeze == true ]] && echo freeze || echo "$mode")"

  echo "== $profile ($storage grain storage), fraud scoring $mode"
  for scenario in $scenarios; do
    [[ $mode == off || $scenario == payments ]] || continue
    dotnet tests/Orleans.Fin.LoadTest/bin/Release/net10.0/Orleans.Fin.LoadTest.dll \
      --url "http://127.0.0.1:$http_port" --scenario "$scenario" --concurrency "$concurrency" \
      --seconds "$seconds" --warmup 5 --baseline-seconds "$seconds" --customers "$customers" \
      --kpis "$([[ $scenario == payments ]] && echo true || echo false)"
  done
  echo "silo working set: $(ps -o rss= -p "$silo_pid" | awk '{printf "%.0f MiB", $1/1024}')"
  kill "$silo_pid"
  wait "$silo_pid" 2>/dev/null || true
  silo_pid=""
done
done
done
