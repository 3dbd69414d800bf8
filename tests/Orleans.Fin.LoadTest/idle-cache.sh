#!/usr/bin/env bash
# What the dashboard's once-a-second count of the grain-directory cache costs an idle embedded node, at Orleans'
# default size (a million) and at the embedded node's 100,000: perf samples the idle node for 20 s after 30 s of
# start-up, and the samples in DirectoryInstruments.ObserveCacheSize give the milliseconds of CPU it takes a second.
#
#   tests/Orleans.Fin.LoadTest/idle-cache.sh
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
command -v perf >/dev/null || { echo "perf is missing: apt-get install linux-perf" >&2; exit 1; }
out=$(mktemp -d "${TMPDIR:-/tmp}/orleans-fin-idle-cache.XXXXXX")
silo_pid=""
trap '[[ -n $silo_pid ]] && kill "$silo_pid" 2>/dev/null || true' EXIT

# shellcheck source=node.sh
source "$root/tests/Orleans.Fin.LoadTest/node.sh"
dotnet build silo -c Release -nologo -v quiet
export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
for size in 1000000 100000; do
  export Cluster__DirectoryCacheSize=$size
  start_node "$root/silo/bin/Release/net10.0" "$(free_port)" "$out/silo-$size.log" Embedded memory off
  sleep 30
  perf record -F 499 -g -p "$silo_pid" -o "$out/idle-$size.data" -- sleep 20 >/dev/null 2>&1
  perf script -i "$out/idle-$size.data" 2>/dev/null >"$out/idle-$size.txt"
  total=$(grep -c "cpu-clock" "$out/idle-$size.txt" || true)
  observed=$(awk '/cpu-clock/{hit=0} /ObserveCacheSize/{if(!hit){n++; hit=1}} END{print n+0}' "$out/idle-$size.txt")
  echo "cache $size: $total samples on a CPU in 20 s, $observed in ObserveCacheSize = $(python3 -c "print(round($observed * 2.004 / 20, 1))") ms a second"
  kill "$silo_pid"
  wait "$silo_pid" 2>/dev/null || true
  rm -f "/tmp/perf-$silo_pid.map" "/tmp/perfinfo-$silo_pid.map" /tmp/jit-"$silo_pid".dump
  silo_pid=""
done
