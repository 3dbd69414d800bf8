#!/usr/bin/env bash
# Payment throughput of two trees with one load tool, in one run: an all-in-one node built from the other tree
# (--baseline-tree) and one built from this tree take turns, on the Embedded profile with fraud scoring off, each
# measured by this tree's load tool against its bare endpoint (GET /health/live) and then POST /payments, with the
# same workers, seconds and customers. Prints a table of every turn, the mean of each tree and the change.
#
#   tests/Orleans.Fin.LoadTest/compare.sh --baseline-tree DIR [--rounds 2] [--seconds 20] [--concurrency 32]
#                                         [--customers 200] [--scoring off|on] [--no-build]
#
# DIR is a checkout of the tree to compare against (e.g. `git worktree add --detach ../before c5fcc57`); its silo is
# built in Release there unless --no-build. Both nodes get a fresh cluster id and free ports on loopback.
set -euo pipefail

baseline_tree="" rounds=2 seconds=20 concurrency=32 customers=200 scoring=off build=true
while [[ $# -gt 0 ]]; do
  case $1 in
    --baseline-tree) baseline_tree=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --concurrency) concurrency=$2; shift 2 ;;
    --customers) customers=$2; shift 2 ;;
    --scoring) scoring=$2; shift 2 ;;
    --no-build) build=false; shift ;;
    *) echo "usage: $0 --baseline-tree DIR [--rounds N] [--seconds N] [--concurrency N] [--customers N] [--scoring off|on] [--no-build]" >&2; exit 2 ;;
  esac
done
if [[ -z $baseline_tree || ! -d $baseline_tree/silo ]]; then
  echo "--baseline-tree must name a checkout with a silo/ folder" >&2
  exit 2
fi
if [[ $scoring != off && $scoring != on ]]; then
  echo "--scoring is off or on" >&2
  exit 2
fi

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
baseline_tree=$(cd "$baseline_tree" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/orleans-fin-compare.XXXXXX")
silo_pid=""

cleanup() {
  [[ -n $silo_pid ]] && kill "$silo_pid" 2>/dev/null && wait "$silo_pid" 2>/dev/null || true
}
trap cleanup EXIT

# shellcheck source=node.sh
source "$root/tests/Orleans.Fin.LoadTest/node.sh"

if [[ $build == true ]]; then
  (cd "$root" && dotnet build silo -c Release -nologo -v quiet && dotnet build tests/Orleans.Fin.LoadTest -c Release -nologo -v quiet)
  (cd "$baseline_tree" && dotnet build silo -c Release -nologo -v quiet)
fi
load_tool=$root/tests/Orleans.Fin.LoadTest/bin/Release/net10.0/Orleans.Fin.LoadTest.dll
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ)"
echo "baseline: $baseline_tree ($(git -C "$baseline_tree" rev-parse --short HEAD 2>/dev/null || echo 'not a git checkout'))"
echo "current:  $root ($(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo 'not a git checkout'))"
echo "Embedded, scoring $scoring, $concurrency workers, $seconds s each, $customers customers, $rounds rounds"

# One turn: start the node of a tree, measure bare and payments with the load tool, stop the node.
turn() {
  local name=$1 tree=$2 round=$3 http_port log
  http_port=$(free_port)
  log=$work/silo-$name-$round.log
  start_node "$tree/silo/bin/Release/net10.0" "$http_port" "$log" Embedded memory "$scoring"

  echo "== round $round: $name"
  dotnet "$load_tool" --url "http://127.0.0.1:$http_port" --scenario payments --concurrency "$concurrency" \
    --seconds "$seconds" --warmup 5 --baseline-seconds "$seconds" --customers "$customers" | tee "$work/load-$name-$round.txt" | grep -E '^scenario=|^ratio'
  echo "$name round $round: $(ps -o rss= -p "$silo_pid" | awk '{printf "%.0f MiB", $1/1024}')" >>"$work/rss.txt"
  kill "$silo_pid"
  wait "$silo_pid" 2>/dev/null || true
  silo_pid=""
}

for round in $(seq 1 "$rounds"); do
  # Alternate which tree goes first, so that neither always runs on a machine warmed (or tired) by the other.
  if (( round % 2 == 1 )); then
    turn baseline "$baseline_tree" "$round"
    turn current "$root" "$round"
  else
    turn current "$root" "$round"
    turn baseline "$baseline_tree" "$round"
  fi
done

echo
echo "| round | tree | bare req/s | payments completed/s | p50 / p99 | payments ÷ bare |"
echo "| --- | --- | --- | --- | --- | --- |"
python3 - "$work" "$rounds" <<'PY'
import re, sys
work, rounds = sys.argv[1], int(sys.argv[2])
def parse(path):
    rows = {}
    for line in open(path):
        if line.startswith("scenario="):
            fields = dict(re.findall(r"(\w+(?:/s)?)=(\S+)", line))
            rows[fields["scenario"]] = fields
    return rows
means = {}
for r in range(1, rounds + 1):
    for tree in ("baseline", "current"):
        rows = parse(f"{work}/load-{tree}-{r}.txt")
        bare, pay = rows["bare"], rows["payments"]
        b, p = float(bare["ok/s"]), float(pay["ok/s"])
        means.setdefault(tree, []).append((b, p))
        print(f"| {r} | {tree} | {b:,.0f} | {p:,.0f} | {pay['p50']} / {pay['p99']} | {p / b:.3f} |")
print()
for tree, values in means.items():
    b = sum(v[0] for v in values) / len(values)
    p = sum(v[1] for v in values) / len(values)
    print(f"{tree}: mean bare {b:,.0f} req/s, mean payments {p:,.0f} completed/s")
base = sum(v[1] for v in means["baseline"]) / len(means["baseline"])
cur = sum(v[1] for v in means["current"]) / len(means["current"])
print(f"payments, current against baseline: {100 * (cur - base) / base:+.1f}% (the target: no worse than -10%)")
PY
echo "node working sets after the run: $(paste -sd ';' "$work/rss.txt" | sed 's/;/; /g')"
