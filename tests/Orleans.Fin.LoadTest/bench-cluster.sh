#!/usr/bin/env bash
# Payments on the production shape next to one node, in one run on one machine: first an all-in-one node on the
# Postgres profile, then the production shape (deploy/scripts/cluster.sh: two silos and client-api as a separate
# process, the same PostgreSQL), each measured by the load tool against its own bare endpoint (GET /health/live)
# and then POST /payments with the same workers, seconds and customers. Prints both and the ratio.
#
#   tests/Orleans.Fin.LoadTest/bench-cluster.sh [--seconds 20] [--concurrency 64] [--customers 200] [--scoring off|on]
#                                               [--warmup 5] [--perf] [--out DIR]
#
# --warmup is the seconds of payments each shape takes before the timed ones. Each .NET process compiles the hot
# code for its first minute or more of load, and the production shape has three of them on the same 2 cores
# (docs/BENCHMARKS.md "Warm-up"), so 5 s measures processes still compiling; 90 measures them warm.
# Over each shape's timed payments it reads from /proc the CPU time of every process taking part (the node, or
# silo1, silo2 and client-api; the private PostgreSQL; the load tool) and of the whole machine, and prints each
# one's CPU per completed payment: where the shape spends what one node does not. "rest" is the machine's busy CPU
# that none of them used; what else used more than 1% of a core is listed under it, and "steal" is CPU the
# hypervisor gave other guests. --perf also records a cycle profile of each .NET process over the same window (perf
# and the runtime's perf map, as profile.sh --sampler perf) and prints Orleans.Fin.ProfileReport's split of each;
# perf costs the machine CPU of its own, so read such a run's shares, not its rates. The logs, load outputs and
# profiles stay in --out (a new or empty directory; default: a new directory under $TMPDIR).
#
# Uses FIN_PG_CONNECTION when set (a database prepared by deploy/scripts/db-setup.sh); otherwise starts a private
# PostgreSQL on loopback and stops it. Every process listens on free loopback ports.
set -euo pipefail

seconds=20 concurrency=64 customers=200 scoring=off perf_on=false work="" warmup=5
while [[ $# -gt 0 ]]; do
  case $1 in
    --seconds) seconds=$2; shift 2 ;;
    --concurrency) concurrency=$2; shift 2 ;;
    --customers) customers=$2; shift 2 ;;
    --scoring) scoring=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --perf) perf_on=true; shift ;;
    --out) work=$2; shift 2 ;;
    *) echo "usage: $0 [--seconds N] [--concurrency N] [--customers N] [--scoring off|on] [--warmup S] [--perf] [--out DIR]" >&2; exit 2 ;;
  esac
done
[[ $scoring == off || $scoring == on ]] || { echo "--scoring is off or on" >&2; exit 2; }
if [[ $perf_on == true ]]; then command -v perf >/dev/null || { echo "perf is missing: apt-get install linux-perf" >&2; exit 1; }; fi

if [[ -n $work ]]; then
  # A directory of an earlier run would hand this one its load outputs and its database.
  [[ ! -e $work || -z $(ls -A "$work") ]] || { echo "--out $work is not empty" >&2; exit 2; }
  mkdir -p "$work"
  work=$(cd "$work" && pwd)
else
  work=$(mktemp -d "${TMPDIR:-/tmp}/orleans-fin-bench-cluster.XXXXXX")
fi
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
chmod 755 "$work" # a private PostgreSQL runs as postgres
silo_pid="" started_pg=false pg_dir=$work/pg cluster_started=false load_pid="" perf_pids=()

cleanup() {
  [[ -n $load_pid ]] && kill "$load_pid" 2>/dev/null && wait "$load_pid" 2>/dev/null || true
  ((${#perf_pids[@]})) && kill "${perf_pids[@]}" 2>/dev/null || true
  [[ -n $silo_pid ]] && kill "$silo_pid" 2>/dev/null && wait "$silo_pid" 2>/dev/null || true
  [[ $cluster_started == true ]] && deploy/scripts/cluster.sh stop --run-dir "$work/cluster" >/dev/null 2>&1 || true
  [[ $started_pg == true ]] && deploy/scripts/pg-local.sh stop "$pg_dir" >/dev/null 2>&1 || true
}
trap cleanup EXIT

# shellcheck source=node.sh
source "$root/tests/Orleans.Fin.LoadTest/node.sh"

if [[ -z ${FIN_PG_CONNECTION:-} ]]; then
  mkdir -p "$pg_dir"
  deploy/scripts/pg-local.sh start "$pg_dir" >/dev/null
  started_pg=true
  # shellcheck disable=SC1091
  source "$pg_dir/env"
  deploy/scripts/db-setup.sh >/dev/null
fi
export FIN_PG_CONNECTION

dotnet build silo -c Release -nologo -v quiet
dotnet build client-api/Orleans.Fin.ClientApi -c Release -nologo -v quiet
dotnet build tests/Orleans.Fin.LoadTest -c Release -nologo -v quiet
[[ $perf_on == true ]] && dotnet build tests/Orleans.Fin.ProfileReport -c Release -nologo -v quiet
load_tool=$root/tests/Orleans.Fin.LoadTest/bin/Release/net10.0/Orleans.Fin.LoadTest.dll
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ)"
echo "Postgres, scoring $scoring, $concurrency workers, $seconds s each after $warmup s of warm-up, $customers customers"

minus() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", a - b}'; }

# measure NAME URL "PROCESS=PID ..." [load tool options]: the bare endpoint, then the payments, with the CPU of each
# named process, of PostgreSQL, of the load tool and of the machine read when the timed payments start and end.
measure() {
  local name=$1 url=$2 processes=$3
  local result=$work/load-$name.txt
  shift 3
  local -A before=() pids=() used=()
  local entry load reading load_last wall_before wall machine steal completed known=0 exclude
  for entry in $processes; do pids[${entry%%=*}]=${entry#*=}; done
  echo "== $name"
  : >"$result"
  # The perf map is for the processes measured, not the load tool.
  env -u DOTNET_PerfMapEnabled -u DOTNET_EnableWriteXorExecute dotnet "$load_tool" --url "$url" --scenario payments \
    --concurrency "$concurrency" --seconds "$seconds" --warmup "$warmup" --baseline-seconds "$seconds" --customers "$customers" "$@" \
    >"$result" 2>&1 &
  load_pid=$!
  load=$load_pid
  until grep -q "^== payments for" "$result"; do
    kill -0 "$load_pid" 2>/dev/null || { cat "$result" >&2; exit 1; }
    sleep 0.2
  done
  for entry in "${!pids[@]}"; do before[$entry]=$(cpu_seconds "${pids[$entry]}"); done
  before[load]=$(cpu_seconds "$load_pid")
  before[db]=$(db_cpu_seconds)
  before[machine]=$(machine_cpu_seconds)
  before[steal]=$(steal_seconds)
  wall_before=$(date +%s.%N)
  process_cpu_table >"$work/$name-processes-before.txt"
  perf_pids=()
  if [[ $perf_on == true ]]; then
    for entry in "${!pids[@]}"; do
      perf record -F 499 -g -p "${pids[$entry]}" -o "$work/$name-$entry.perf" -- sleep "$seconds" >"$work/$name-$entry.perf.log" 2>&1 &
      perf_pids+=($!)
    done
  fi
  # The load tool exits as soon as it has printed its summary, so its CPU is read until then, every 0.2 s.
  load_last=${before[load]}
  while ! grep -q "^== summary" "$result"; do
    reading=$(cpu_seconds "$load_pid" 2>/dev/null) || break
    [[ $reading =~ ^[0-9]+(\.[0-9]+)?$ ]] || break
    load_last=$reading
    sleep 0.2
  done
  for entry in "${!pids[@]}"; do used[$entry]=$(minus "$(cpu_seconds "${pids[$entry]}")" "${before[$entry]}"); done
  used[load]=$(minus "$load_last" "${before[load]}")
  used[db]=$(minus "$(db_cpu_seconds)" "${before[db]}")
  machine=$(minus "$(machine_cpu_seconds)" "${before[machine]}")
  steal=$(minus "$(steal_seconds)" "${before[steal]}")
  wall=$(minus "$(date +%s.%N)" "$wall_before")
  process_cpu_table >"$work/$name-processes-after.txt"
  wait "$load_pid" || { echo "the load tool failed:" >&2; cat "$result" >&2; exit 1; }
  load_pid=""
  local perf_pid
  for perf_pid in "${perf_pids[@]}"; do
    wait "$perf_pid" || echo "a perf record failed; see $work/$name-*.perf.log" >&2
  done
  perf_pids=()
  grep -E '^scenario=|^ratio|^baseline' "$result"
  completed=$(grep -E '^scenario=payments' "$result" | grep -oE ' completed=[0-9]+' | cut -d= -f2)
  row() { printf '  %-11s %7.0f µs  (%.2f cores)\n' "$1" "$(awk -v c="$2" -v n="$completed" 'BEGIN {print c * 1e6 / n}')" "$(awk -v c="$2" -v w="$wall" 'BEGIN {print c / w}')"; }
  echo "CPU per completed payment over the timed payments ($wall s, $completed payments):"
  for entry in $(printf '%s\n' "${!used[@]}" | sort); do
    row "$entry" "${used[$entry]}"
    known=$(awk -v a="$known" -v b="${used[$entry]}" 'BEGIN {print a + b}')
  done
  # Negative when the readings disagree (they are taken a few ms apart): shown, not hidden.
  row rest "$(minus "$machine" "$known")"
  # The rest, by process: what used more than 1% of a core, other than the processes above, PostgreSQL's (the
  # postmaster and its children) and the load tool. CPU the kernel spends outside any process (network softirqs among
  # it) is in the machine's total only.
  exclude="${pids[*]} $load"
  [[ $started_pg == true ]] && exclude+=" $(head -n 1 "$pg_dir/data/postmaster.pid")"
  awk -v w="$wall" -v ex="$exclude" 'BEGIN { n = split(ex, e, " "); for (i = 1; i <= n; i++) skip[e[i]] = 1 }
    NR == FNR { before[$1] = $3; next }
    !($1 in skip) && !($2 in skip) && ($1 in before) { d = $3 - before[$1]; if (d / w > 0.01) printf "    %-22s %.2f cores\n", $5, d / w }' \
    "$work/$name-processes-before.txt" "$work/$name-processes-after.txt" | sort -k2 -rn | head -n 5
  row machine "$machine"
  row steal "$steal"
  if [[ $perf_on == true ]]; then
    for entry in "${!pids[@]}"; do
      if ! perf script -i "$work/$name-$entry.perf" >"$work/$name-$entry.perf.txt" 2>>"$work/$name-$entry.perf.log"; then
        echo "== $name: $entry: no profile; see $work/$name-$entry.perf.log" >&2
        continue
      fi
      rm -f "/tmp/perf-${pids[$entry]}.map" "/tmp/perfinfo-${pids[$entry]}.map" # the runtime leaves them behind
      echo "== $name: $entry (profile $work/$name-$entry.perf.txt)"
      env -u DOTNET_PerfMapEnabled -u DOTNET_EnableWriteXorExecute \
        dotnet tests/Orleans.Fin.ProfileReport/bin/Release/net10.0/Orleans.Fin.ProfileReport.dll "$work/$name-$entry.perf.txt" \
        --node-cpu "${used[$entry]}" --load-cpu "${used[load]}" --db-cpu "${used[db]}" \
        --other-cpu "$(awk -v m="$machine" -v n="${used[$entry]}" -v l="${used[load]}" -v d="${used[db]}" 'BEGIN {r = m - n - l - d; if (r < 0) r = 0; printf "%.3f", r}')" \
        --wall "$wall" --cores "$(nproc)" --requests "$completed" --detail 6 | sed -n '/^| node CPU/,/^$/p'
    done
  fi
}

# With --perf every .NET process writes /tmp/perf-PID.map (3: the map, no jitdump), which names its JIT-compiled code.
[[ $perf_on == true ]] && export DOTNET_PerfMapEnabled=3 DOTNET_EnableWriteXorExecute=0
http_port=$(free_port)
start_node "$root/silo/bin/Release/net10.0" "$http_port" "$work/silo-one-node.log" Postgres GroupCommit "$scoring"
measure one-node "http://127.0.0.1:$http_port" "node=$silo_pid"
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
measure production-shape "http://127.0.0.1:$api_port" \
  "silo1=$(cat "$work/cluster/silo1.pid") silo2=$(cat "$work/cluster/silo2.pid") client-api=$(cat "$work/cluster/client-api.pid")" --signing-key "$(cat "$work/cluster/jwt-signing-key")"
for name in silo1 silo2 client-api; do
  echo "$name: working set $(ps -o rss= -p "$(cat "$work/cluster/$name.pid")" | awk '{printf "%.0f MiB", $1/1024}')"
done

rate() { grep -E '^scenario=payments' "$1" | grep -oE 'ok/s=[0-9.]+' | cut -d= -f2; }
one=$(rate "$work/load-one-node.txt") shape=$(rate "$work/load-production-shape.txt")
echo "payments completed/s: one node $one, production shape $shape, ratio $(awk -v a="$shape" -v b="$one" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')"
