#!/usr/bin/env bash
# Payment throughput of two trees with one load tool, in one run: an all-in-one node built from the other tree
# (--baseline-tree) and one built from this tree take turns, on the Embedded profile with fraud scoring off, each
# measured by this tree's load tool against its bare endpoint (GET /health/live) and then POST /payments, with the
# same workers, seconds and customers. Prints a table of every turn, the mean of each tree and the change.
# --profile Postgres runs both trees' nodes on the group-commit storage against one PostgreSQL (FIN_PG_CONNECTION, or
# a private server started here) and also reads PostgreSQL's CPU per payment (postmaster and backends, private server
# only).
# Each turn also reads the node's CPU time over the payments phase from /proc: CPU per payment is what a payment costs
# the node, and it moves far less than throughput when other processes share the machine.
# --scoring "off on" measures each tree with scoring off and on in every round and adds the cost of scoring per tree.
#
#   tests/Orleans.Fin.LoadTest/compare.sh --baseline-tree DIR [--rounds 2] [--seconds 20] [--concurrency 32]
#                                         [--customers 200] [--scoring off|on|"off on"] [--warmup 5] [--no-build]
#                                         [--profile Embedded|Postgres]
#
# --warmup is the seconds of payments each node takes before the timed ones. The runtime keeps compiling the hot code
# for the first 30-60 s of load (docs/BENCHMARKS.md "Warm-up"), so 5 s measures a node still warming up; 60 measures it
# in its steady state.
#
# DIR is a checkout of the tree to compare against (e.g. `git worktree add --detach ../before c5fcc57`); its silo is
# built in Release there unless --no-build. Both nodes get a fresh cluster id and free ports on loopback.
set -euo pipefail

baseline_tree="" rounds=2 seconds=20 concurrency=32 customers=200 scoring=off warmup=5 build=true profile=Embedded
while [[ $# -gt 0 ]]; do
  case $1 in
    --baseline-tree) baseline_tree=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --concurrency) concurrency=$2; shift 2 ;;
    --customers) customers=$2; shift 2 ;;
    --scoring) scoring=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --no-build) build=false; shift ;;
    --profile) profile=$2; shift 2 ;;
    *) echo "usage: $0 --baseline-tree DIR [--rounds N] [--seconds N] [--concurrency N] [--customers N] [--scoring off|on|\"off on\"] [--warmup N] [--no-build] [--profile Embedded|Postgres]" >&2; exit 2 ;;
  esac
done
if [[ -z $baseline_tree || ! -d $baseline_tree/silo ]]; then
  echo "--baseline-tree must name a checkout with a silo/ folder" >&2
  exit 2
fi
[[ $profile == Embedded || $profile == Postgres ]] || { echo "--profile is Embedded or Postgres" >&2; exit 2; }
for mode in $scoring; do
  if [[ $mode != off && $mode != on ]]; then
    echo "--scoring is off, on or \"off on\"" >&2
    exit 2
  fi
done

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
baseline_tree=$(cd "$baseline_tree" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/orleans-fin-compare.XXXXXX")
chmod 755 "$work" # a private PostgreSQL runs as postgres
silo_pid="" load_pid="" started_pg=false pg_dir=$work/pg

cleanup() {
  [[ -n $load_pid ]] && kill "$load_pid" 2>/dev/null && wait "$load_pid" 2>/dev/null || true
  [[ -n $silo_pid ]] && kill "$silo_pid" 2>/dev/null && wait "$silo_pid" 2>/dev/null || true
  [[ $started_pg == true ]] && "$root/deploy/scripts/pg-local.sh" stop "$pg_dir" >/dev/null 2>&1 || true
}
trap cleanup EXIT

# shellcheck source=node.sh
source "$root/tests/Orleans.Fin.LoadTest/node.sh"

if [[ $build == true ]]; then
  (cd "$root" && dotnet build silo -c Release -nologo -v quiet && dotnet build tests/Orleans.Fin.LoadTest -c Release -nologo -v quiet)
  (cd "$baseline_tree" && dotnet build silo -c Release -nologo -v quiet)
fi
load_tool=$root/tests/Orleans.Fin.LoadTest/bin/Release/net10.0/Orleans.Fin.LoadTest.dll
if [[ $profile == Postgres && -z ${FIN_PG_CONNECTION:-} ]]; then
  mkdir -p "$pg_dir"
  "$root/deploy/scripts/pg-local.sh" start "$pg_dir" >/dev/null
  started_pg=true
  # shellcheck disable=SC1091
  source "$pg_dir/env"
  (cd "$root" && deploy/scripts/db-setup.sh >/dev/null)
fi
export FIN_PG_CONNECTION=${FIN_PG_CONNECTION:-}
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ)"
echo "baseline: $baseline_tree ($(git -C "$baseline_tree" rev-parse --short HEAD 2>/dev/null || echo 'not a git checkout'))"
echo "current:  $root ($(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo 'not a git checkout'))"
echo "$profile, scoring: $scoring, $concurrency workers, $seconds s each after $warmup s of warm-up, $customers customers, $rounds rounds"

# One turn: start the node of a tree, measure bare and payments with the load tool, stop the node. The node's CPU is
# read when the load tool starts its timed payments and again when it has finished.
turn() {
  local name=$1 tree=$2 round=$3 mode=$4 http_port log result cpu_before cpu_after db_before db_after
  http_port=$(free_port)
  log=$work/silo-$name-$mode-$round.log
  result=$work/load-$name-$mode-$round.txt
  start_node "$tree/silo/bin/Release/net10.0" "$http_port" "$log" "$profile" "$([[ $profile == Postgres ]] && echo GroupCommit || echo memory)" "$mode"

  echo "== round $round: $name, scoring $mode"
  dotnet "$load_tool" --url "http://127.0.0.1:$http_port" --scenario payments --concurrency "$concurrency" \
    --seconds "$seconds" --warmup "$warmup" --baseline-seconds "$seconds" --customers "$customers" >"$result" 2>&1 &
  load_pid=$!
  until grep -q "^== payments for" "$result"; do
    kill -0 "$load_pid" 2>/dev/null || { cat "$result" >&2; exit 1; }
    sleep 0.2
  done
  cpu_before=$(cpu_seconds "$silo_pid")
  db_before=$(db_cpu_seconds)
  wait "$load_pid"
  load_pid=""
  cpu_after=$(cpu_seconds "$silo_pid")
  db_after=$(db_cpu_seconds)
  echo "node_cpu_seconds=$(python3 -c "print(round($cpu_after - $cpu_before, 3))")" >>"$result"
  echo "db_cpu_seconds=$(python3 -c "print(round($db_after - $db_before, 3))")" >>"$result"
  grep -E '^scenario=|^ratio|^node_cpu|^db_cpu' "$result"
  echo "$name $mode round $round: $(ps -o rss= -p "$silo_pid" | awk '{printf "%.0f MiB", $1/1024}')" >>"$work/rss.txt"
  kill "$silo_pid"
  wait "$silo_pid" 2>/dev/null || true
  silo_pid=""
}

for round in $(seq 1 "$rounds"); do
  # Alternate which tree goes first, so that neither always runs on a machine warmed (or tired) by the other.
  # The scoring modes alternate their order the same way.
  if (( round % 2 == 1 )); then order="baseline current" modes=$scoring; else order="current baseline" modes=$(echo "$scoring" | awk '{for (i = NF; i > 0; i--) printf "%s ", $i}'); fi
  for name in $order; do
    for mode in $modes; do
      turn "$name" "$([[ $name == baseline ]] && echo "$baseline_tree" || echo "$root")" "$round" "$mode"
    done
  done
done

echo
echo "| round | tree | scoring | bare req/s | payments completed/s | p50 / p99 | payments ÷ bare | node CPU per payment | PostgreSQL CPU per payment |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
python3 - "$work" "$rounds" "$scoring" <<'PY'
import re, sys
work, rounds, modes = sys.argv[1], int(sys.argv[2]), sys.argv[3].split()
def parse(path):
    rows = {}
    for line in open(path):
        if line.startswith("scenario="):
            fields = dict(re.findall(r"(\w+(?:/s)?)=(\S+)", line))
            rows[fields["scenario"]] = fields
        elif line.startswith("node_cpu_seconds="):
            rows["cpu"] = float(line.split("=")[1])
        elif line.startswith("db_cpu_seconds="):
            rows["db"] = float(line.split("=")[1])
    return rows
means = {}
for r in range(1, rounds + 1):
    for tree in ("baseline", "current"):
        for mode in modes:
            rows = parse(f"{work}/load-{tree}-{mode}-{r}.txt")
            bare, pay = rows["bare"], rows["payments"]
            b, p = float(bare["ok/s"]), float(pay["ok/s"])
            cpu = rows["cpu"] * 1e6 / max(1, int(pay["completed"]))
            db = rows.get("db", 0) * 1e6 / max(1, int(pay["completed"]))
            means.setdefault((tree, mode), []).append((b, p, cpu, db))
            print(f"| {r} | {tree} | {mode} | {b:,.0f} | {p:,.0f} | {pay['p50']} / {pay['p99']} | {p / b:.3f} | {cpu:,.0f} µs | "
                  + (f"{db:,.0f} µs |" if db else "– |"))
print()
mean = lambda key, i: sum(v[i] for v in means[key]) / len(means[key])
for (tree, mode) in means:
    print(f"{tree}, scoring {mode}: mean bare {mean((tree, mode), 0):,.0f} req/s, mean payments {mean((tree, mode), 1):,.0f} completed/s, "
          f"node CPU {mean((tree, mode), 2):,.0f} µs per payment"
          + (f", PostgreSQL CPU {mean((tree, mode), 3):,.0f} µs per payment" if mean((tree, mode), 3) else ""))
for mode in modes:
    base, cur = mean(("baseline", mode), 1), mean(("current", mode), 1)
    print(f"payments, scoring {mode}, current against baseline: {100 * (cur - base) / base:+.1f}% (the target: no worse than -10%)")
if {"off", "on"} <= set(modes):
    for tree in ("baseline", "current"):
        off, on = mean((tree, "off"), 1), mean((tree, "on"), 1)
        cpu_off, cpu_on = mean((tree, "off"), 2), mean((tree, "on"), 2)
        print(f"cost of scoring, {tree}: {100 * (off - on) / off:.1f}% of payment throughput; node CPU per payment "
              f"{cpu_off:,.0f} -> {cpu_on:,.0f} µs, i.e. {100 * (1 - cpu_off / cpu_on):.1f}% of a CPU-bound node's throughput")
PY
echo "node working sets after the run: $(paste -sd ';' "$work/rss.txt" | sed 's/;/; /g')"
