#!/usr/bin/env bash
# CPU profile of an all-in-one node under the payments load: what bounds payment throughput.
#
#   tests/Orleans.Fin.LoadTest/profile.sh [--seconds 20] [--concurrency 32] [--customers 200] [--profile Embedded|Postgres]
#                                         [--storage GroupCommit|AdoNet] [--scenario payments] [--out DIR] [--detail 5]
#                                         [--scoring off|on] [--stacks FRAME] [--sampler eventpipe|perf] [--warmup 3]
#
# Builds the silo, the load tool and the summariser in Release, starts a node (fraud scoring off unless
# --scoring on, which runs the rules and the model with the thresholds out of reach, as bench.sh does; a private
# PostgreSQL for the Postgres profile unless FIN_PG_CONNECTION is set), runs the load tool against it and, once the
# load's warm-up and --warmup further seconds are over, records --seconds of the node: dotnet-trace thread-time sampling
# and the GCs (--sampler eventpipe), or a CPU cycle profile with perf and the runtime's perf map (--sampler perf),
# which also sees the collector, the JIT and the kernel. The JIT runs for the first half-minute of a load, so a
# steady-state profile wants --warmup 60. Over the same window it reads
# the CPU time of the node, of the load tool, of the private PostgreSQL and of the whole machine from /proc, and the requests the load tool
# completed. Orleans.Fin.ProfileReport then prints the machine's split and the node's CPU by component.
# The profile and the logs stay in --out (default: a new directory under $TMPDIR).
set -euo pipefail

seconds=20 concurrency=32 customers=200 profile=Embedded storage=GroupCommit scenario=payments out="" detail=5 scoring=off stacks="" sampler=eventpipe warmup=3
while [[ $# -gt 0 ]]; do
  case $1 in
    --seconds) seconds=$2; shift 2 ;;
    --concurrency) concurrency=$2; shift 2 ;;
    --customers) customers=$2; shift 2 ;;
    --profile) profile=$2; shift 2 ;;
    --storage) storage=$2; shift 2 ;;
    --scenario) scenario=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --detail) detail=$2; shift 2 ;;
    --scoring) scoring=$2; shift 2 ;;
    --stacks) stacks=$2; shift 2 ;;
    --sampler) sampler=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    *) echo "usage: $0 [--seconds N] [--concurrency N] [--customers N] [--profile Embedded|Postgres] [--storage GroupCommit|AdoNet] [--scenario payments] [--out DIR] [--detail N] [--scoring off|on] [--stacks FRAME] [--sampler eventpipe|perf] [--warmup S]" >&2; exit 2 ;;
  esac
done
if [[ $scoring != off && $scoring != on ]]; then
  echo "--scoring is off or on" >&2
  exit 2
fi
if [[ $sampler != eventpipe && $sampler != perf ]]; then
  echo "--sampler is eventpipe or perf" >&2
  exit 2
fi

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
trace_tool=$(command -v dotnet-trace || echo "$HOME/.dotnet/tools/dotnet-trace")
if [[ $sampler == eventpipe ]]; then
  [[ -x $trace_tool ]] || { echo "dotnet-trace is missing: dotnet tool install -g dotnet-trace" >&2; exit 1; }
else
  command -v perf >/dev/null || { echo "perf is missing: apt-get install linux-perf" >&2; exit 1; }
fi
out=${out:-$(mktemp -d "${TMPDIR:-/tmp}/orleans-fin-profile.XXXXXX")}
mkdir -p "$out"
chmod 755 "$out"
silo_pid="" load_pid="" started_pg=false pg_dir=$out/pg

cleanup() {
  [[ -n $load_pid ]] && kill "$load_pid" 2>/dev/null && wait "$load_pid" 2>/dev/null || true
  [[ -n $silo_pid ]] && kill "$silo_pid" 2>/dev/null && wait "$silo_pid" 2>/dev/null || true
  [[ $started_pg == true ]] && deploy/scripts/pg-local.sh stop "$pg_dir" >/dev/null 2>&1 || true
}
trap cleanup EXIT

# shellcheck source=node.sh
source "$root/tests/Orleans.Fin.LoadTest/node.sh"

requests_so_far() { grep -o 'requests=[0-9]*' "$out/load.log" | tail -n 1 | cut -d= -f2; }

dotnet build silo -c Release -nologo -v quiet
dotnet build tests/Orleans.Fin.LoadTest -c Release -nologo -v quiet
dotnet build tests/Orleans.Fin.ProfileReport -c Release -nologo -v quiet
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ)"

if [[ $profile == Postgres && -z ${FIN_PG_CONNECTION:-} ]]; then
  mkdir -p "$pg_dir"
  deploy/scripts/pg-local.sh start "$pg_dir" >/dev/null
  started_pg=true
  # shellcheck disable=SC1091
  source "$pg_dir/env"
  deploy/scripts/db-setup.sh >/dev/null
fi

http_port=$(free_port)
if [[ $sampler == perf ]]; then
  # The node alone writes /tmp/perf-PID.map (3: the map, no jitdump), which names its JIT-compiled code for perf script.
  export DOTNET_PerfMapEnabled=3 DOTNET_EnableWriteXorExecute=0
fi
start_node "$root/silo/bin/Release/net10.0" "$http_port" "$out/silo.log" "$profile" \
  "$([[ $profile == Postgres ]] && echo "$storage" || echo memory)" "$scoring"
unset DOTNET_PerfMapEnabled DOTNET_EnableWriteXorExecute
echo "== $profile node (pid $silo_pid), fraud scoring $scoring, $scenario with $concurrency workers"

# The load runs past the trace window so the whole window is under load; no bare baseline (profile.sh times nothing).
dotnet tests/Orleans.Fin.LoadTest/bin/Release/net10.0/Orleans.Fin.LoadTest.dll \
  --url "http://127.0.0.1:$http_port" --scenario "$scenario" --concurrency "$concurrency" \
  --seconds "$((warmup + seconds + 12))" --warmup 5 --baseline-seconds 0 --customers "$customers" >"$out/load.log" 2>&1 &
load_pid=$!
until grep -q "== $scenario for" "$out/load.log"; do
  kill -0 "$load_pid" 2>/dev/null || { echo "the load tool stopped:" >&2; cat "$out/load.log" >&2; exit 1; }
  sleep 0.5
done
sleep "$warmup"

# read_counters SUFFIX: requests completed so far, the CPU seconds of the node, the load tool, the machine (its busy
# seconds and steal: "other processes" counts both) and PostgreSQL, and the clock, into requests_SUFFIX, node_SUFFIX,
# load_SUFFIX, all_SUFFIX, db_SUFFIX and wall_SUFFIX.
# Each is read on its own line, so a failed reading stops the run.
read_counters() {
  local value
  value=$(requests_so_far); printf -v "requests_$1" %s "$value"
  value=$(cpu_seconds "$silo_pid"); printf -v "node_$1" %s "$value"
  value=$(cpu_seconds "$load_pid"); printf -v "load_$1" %s "$value"
  value=$(awk -v a="$(machine_cpu_seconds)" -v b="$(steal_seconds)" 'BEGIN {printf "%.3f", a + b}'); printf -v "all_$1" %s "$value"
  value=$(db_cpu_seconds); printf -v "db_$1" %s "$value"
  value=$(date +%s.%N); printf -v "wall_$1" %s "$value"
}

read_counters before
if [[ $sampler == eventpipe ]]; then
  profile_file=$out/node.nettrace
  "$trace_tool" collect -p "$silo_pid" --profile dotnet-sampled-thread-time,gc-collect --duration "$(printf '00:%02d:%02d:%02d' $((seconds / 3600)) $((seconds / 60 % 60)) $((seconds % 60)))" \
    -o "$profile_file" >"$out/trace.log" 2>&1
else
  profile_file=$out/node.perf.txt
  perf record -F 499 -g -p "$silo_pid" -o "$out/node.perf" -- sleep "$seconds" >"$out/trace.log" 2>&1
fi
read_counters after

kill "$load_pid" 2>/dev/null || true
wait "$load_pid" 2>/dev/null || true
load_pid=""
tail -n 3 "$out/load.log" | grep requests= || true
echo "node working set: $(ps -o rss= -p "$silo_pid" | awk '{printf "%.0f MiB", $1/1024}')"
node_pid=$silo_pid
kill "$silo_pid"
wait "$silo_pid" 2>/dev/null || true
silo_pid=""

calc() { python3 -c "print(round($1, 3))"; }
node_cpu=$(calc "$node_after - $node_before") load_cpu=$(calc "$load_after - $load_before")
db_cpu=$(calc "$db_after - $db_before")
other_cpu=$(calc "max(0, $all_after - $all_before - $node_cpu - $load_cpu - $db_cpu)") wall=$(calc "$wall_after - $wall_before")
if [[ $sampler == perf ]]; then
  perf script -i "$out/node.perf" >"$profile_file" 2>>"$out/trace.log"
  rm -f "/tmp/perf-$node_pid.map" "/tmp/perfinfo-$node_pid.map" # the runtime leaves them behind; they are read now
fi
echo "== profile: $profile_file"
dotnet tests/Orleans.Fin.ProfileReport/bin/Release/net10.0/Orleans.Fin.ProfileReport.dll "$profile_file" \
  --node-cpu "$node_cpu" --load-cpu "$load_cpu" --db-cpu "$db_cpu" --other-cpu "$other_cpu" --wall "$wall" --cores "$(nproc)" \
  --requests "$((requests_after - requests_before))" --detail "$detail" ${stacks:+--stacks "$stacks"}
