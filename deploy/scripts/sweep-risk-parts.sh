#!/usr/bin/env bash
# Find and delete orphaned cold parts of risk states: part rows (state name riskWindows-{id}) that the same grain's
# risk state no longer refers to (a process killed between writing a part and the state, a failed clear). Uses the
# functions of deploy/sql/040-risk-parts.sql; the safety argument is in docs/ARCHITECTURE.md, "The risk state in parts".
#
# usage: sweep-risk-parts.sh [--min-age INTERVAL] [--cluster-stopped] [--batch N] [--dry-run] [--service-id ID]
#                            [--host H] [--port P] [--user U] [--database D]
#
#   --min-age     only parts last modified at least this long ago (a PostgreSQL interval; default '1 hour', at least
#                 10 minutes): a part is written before the state that refers to it, so a young one may still be about
#                 to be referred to
#   --cluster-stopped
#                 no silo of the service runs, so no state is on its way: any --min-age, 0 included, is let through
#                 (the operator's word: the script does not check the membership table)
#   --batch       delete at most this many parts a statement, repeating until a statement deletes none (default
#                 10000): each statement holds share locks on that many customers' risk rows while it runs
#   --dry-run     print what would be deleted, delete nothing
#   --service-id  the Orleans service id (default: Cluster__ServiceId, else orleans-fin)
#
# Connection settings as db-setup.sh, first match wins:
#   flags  >  FIN_PG_HOST / FIN_PG_PORT / FIN_PG_USER / FIN_PG_DATABASE  >  PGHOST / PGPORT / PGUSER
#   >  defaults 127.0.0.1 / 5432 / postgres / orleans_fin
# A password, if the server wants one, comes the usual libpq way (PGPASSWORD or ~/.pgpass).
#
# Prints the summary, then the parts it deleted (or would delete). Exits 1 when a risk state refers to a part that is
# not stored (dangling: that grain does not activate, an operator must act) or its payload cannot be read (the sweep
# keeps its parts and cannot tell), after listing them; 2 on bad usage (an age that is not a non-negative interval, or
# under 10 minutes without --cluster-stopped; no psql; a database it cannot reach); psql's own code if a statement
# fails.
# Safe to re-run: a second run finds nothing more to delete.
set -euo pipefail

usage() {
    echo "usage: $(basename "$0") [--min-age INTERVAL] [--cluster-stopped] [--batch N] [--dry-run] [--service-id ID] [--host H] [--port P] [--user U] [--database D]" >&2
    exit 2
}

die() {
    echo "sweep-risk-parts: $*" >&2
    exit 2
}

host=${FIN_PG_HOST:-${PGHOST:-127.0.0.1}}
port=${FIN_PG_PORT:-${PGPORT:-5432}}
user=${FIN_PG_USER:-${PGUSER:-postgres}}
database=${FIN_PG_DATABASE:-orleans_fin}
service_id=${Cluster__ServiceId:-orleans-fin}
min_age='1 hour'
batch=10000
cluster_stopped=false
dry_run=false

while [[ $# -gt 0 ]]; do
    case $1 in
        --min-age) [[ $# -ge 2 ]] || usage; min_age=$2; shift 2 ;;
        --cluster-stopped) cluster_stopped=true; shift ;;
        --batch) [[ $# -ge 2 ]] || usage; batch=$2; shift 2 ;;
        --dry-run) dry_run=true; shift ;;
        --service-id) [[ $# -ge 2 ]] || usage; service_id=$2; shift 2 ;;
        --host) [[ $# -ge 2 ]] || usage; host=$2; shift 2 ;;
        --port) [[ $# -ge 2 ]] || usage; port=$2; shift 2 ;;
        --user) [[ $# -ge 2 ]] || usage; user=$2; shift 2 ;;
        --database) [[ $# -ge 2 ]] || usage; database=$2; shift 2 ;;
        -h | --help) usage ;;
        *) echo "sweep-risk-parts: unknown argument: $1" >&2; usage ;;
    esac
done

[[ $port =~ ^[0-9]+$ ]] || die "port must be a number: $port"
[[ -n $service_id ]] || die "service id is empty"
[[ -n $min_age ]] || die "minimum age is empty"
[[ $batch =~ ^[1-9][0-9]{0,8}$ ]] || die "batch must be a positive number: $batch"

psql_bin=$(command -v psql || true)
if [[ -z $psql_bin ]] && command -v pg_config >/dev/null 2>&1; then
    psql_bin="$(pg_config --bindir)/psql"
fi
[[ -n $psql_bin && -x $psql_bin ]] || die "psql not found"

# No ~/.psqlrc, stop at the first error; the service id and the age reach SQL only as quoted psql variables.
run_psql() {
    "$psql_bin" -X -q -v ON_ERROR_STOP=1 -h "$host" -p "$port" -U "$user" -d "$database" \
        -v sid="$service_id" -v age="$min_age" "$@"
}

echo "sweep-risk-parts: service '$service_id' on $host:$port/$database, parts at least '$min_age' old" >&2

# The age is checked by the server (an interval, not negative) before anything else is done; this also fails on a
# database without deploy/sql/040-risk-parts.sql.
if ! run_psql -At <<'SQL' >/dev/null; then
SELECT fin_risk_parts_cutoff(:'age'::interval);
SQL
    echo "sweep-risk-parts: not a usable minimum age '$min_age', or no database set up by db-setup.sh (see the error above)" >&2
    exit 2
fi

# While silos run, a part younger than a few minutes may be one whose state write has not landed yet. A dry run deletes
# nothing, so it may look at any age. --cluster-stopped is the operator's word, not checked here.
if ! $cluster_stopped && ! $dry_run; then
    too_young=$(run_psql -At <<'SQL'
SELECT :'age'::interval < interval '10 minutes';
SQL
)
    [[ $too_young == f ]] || die "a minimum age under 10 minutes ('$min_age') is refused while silos may run; give --cluster-stopped once every silo of the service is stopped"
fi

echo "== summary"
run_psql <<'SQL'
SELECT states_in_parts, parts, dangling, orphaned, unreadable FROM fin_risk_parts_summary(:'sid');
SQL

if $dry_run; then
    echo "== would delete (dry run)"
    run_psql <<'SQL'
SELECT n0, n1, extension, part_id, modified_on FROM fin_risk_parts_orphaned(:'sid', :'age'::interval);
SQL
else
    # In statements of at most --batch parts each (each holds share locks on that many risk rows while it runs), until
    # one deletes nothing: what is left then is young, referenced, or its state is being written and kept for a later
    # run. Each statement scans the table again, so a backlog of N orphans costs about N / --batch scans.
    echo "== deleted (customer | part | last modified)"
    deleted=0
    while :; do
        rows=$(run_psql -At -F ' | ' -v batch="$batch" <<'SQL'
SELECT extension, part_id, modified_on FROM fin_risk_parts_sweep_rows(:'sid', :'age'::interval, :'batch'::integer)
 ORDER BY modified_on, extension, n0, n1, part_id;
SQL
)
        count=0
        if [[ -n $rows ]]; then
            printf '%s\n' "$rows"
            count=$(printf '%s\n' "$rows" | wc -l)
        fi
        deleted=$((deleted + count))
        ((count > 0)) || break
    done
    echo "$deleted orphaned part(s) deleted"
fi

status=0

# Lists the rows of the query on stdin under a heading; when there are any, says so on stderr and marks the run failed.
report() {
    local heading=$1 what=$2 rows
    rows=$(run_psql -At -F ' | ')
    [[ -n $rows ]] || return 0
    echo "== $heading"
    printf '%s\n' "$rows"
    echo "sweep-risk-parts: $(printf '%s\n' "$rows" | wc -l) risk state(s) $what: see docs/ARCHITECTURE.md, \"The risk state in parts\"" >&2
    status=1
}

report "unreadable: risk states whose payload cannot be read (their parts are kept; customer | n0 | n1)" "cannot be read" <<'SQL'
SELECT extension, n0, n1 FROM fin_risk_parts_unreadable(:'sid');
SQL
report "dangling: risk states referring to a part that is not stored, so their grains do not activate (customer | part)" \
    "refer to a missing part" <<'SQL'
SELECT extension, part_id FROM fin_risk_parts_dangling(:'sid');
SQL
exit $status
