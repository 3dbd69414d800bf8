#!/usr/bin/env bash
# Runs every test of the solution and prints "N passed, N failed, N skipped".
#
# Builds the solution, starts a private PostgreSQL on 127.0.0.1 and a free port for the
# PostgreSQL tests (unless FIN_PG_CONNECTION already names a prepared database), runs all
# test projects, stops PostgreSQL again. Then runs the short chaos run on the production shape
# (deploy/scripts/chaos.sh: two silos killed with SIGKILL under payment load), which counts as
# one test. Exits non-zero when a test failed or none ran.
#
#   tests/run-all.sh [extra dotnet test arguments, e.g. --filter ...]
#   FIN_CHAOS=off tests/run-all.sh    # without the chaos run
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
work=$(mktemp -d "${TMPDIR:-/tmp}/orleans-fin-tests.XXXXXX")
chmod 755 "$work"
started_pg=false

cleanup() {
  if [[ $started_pg == true ]]; then
    deploy/scripts/pg-local.sh stop "$work/pg" >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

if [[ -z ${FIN_PG_CONNECTION:-} ]]; then
  echo "== starting a private PostgreSQL under $work/pg"
  mkdir -p "$work/pg"
  started_pg=true
  deploy/scripts/pg-local.sh start "$work/pg"
  # shellcheck disable=SC1091
  source "$work/pg/env"
  deploy/scripts/db-setup.sh
fi
export FIN_PG_CONNECTION

echo "== building"
dotnet build Orleans.Fin.sln -nologo -v quiet

echo "== testing"
status=0
dotnet test Orleans.Fin.sln --no-build -nologo --logger "trx" --results-directory "$work/results" "$@" || status=$?

passed=0 failed=0 total=0 executed=0
shopt -s nullglob
for trx in "$work"/results/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  total=$((total + $(value total)))
  executed=$((executed + $(value executed)))
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed)))
done
skipped=$((total - executed))

if [[ ${FIN_CHAOS:-on} != off ]]; then
  echo "== chaos run on the production shape (short: two silo kills)"
  if bash deploy/scripts/chaos.sh --configuration Debug --no-build --seconds 40 --kills 2 --customers 16 --concurrency 12; then
    passed=$((passed + 1))
  else
    echo "error: the chaos run failed"
    failed=$((failed + 1))
  fi
fi

if [[ $status -ne 0 && $failed -eq 0 ]]; then
  echo "error: dotnet test exited with $status although no test reported a failure (a test host crashed?)"
fi
echo "$passed passed, $failed failed, $skipped skipped"
if [[ $status -ne 0 || $failed -ne 0 || $passed -eq 0 ]]; then
  exit 1
fi
