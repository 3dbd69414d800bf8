#!/usr/bin/env bash
# Create the Orleans.Fin database (if missing) and apply deploy/sql/*.sql in name order.
# Every script is idempotent, so running this again changes nothing and succeeds.
#
# usage: db-setup.sh [--host H] [--port P] [--user U] [--database D] [--sql-dir DIR]
#
# Connection settings, first match wins:
#   flags  >  FIN_PG_HOST / FIN_PG_PORT / FIN_PG_USER / FIN_PG_DATABASE  >  PGHOST / PGPORT / PGUSER
#   >  defaults 127.0.0.1 / 5432 / postgres / orleans_fin
# A password, if the server wants one, comes the usual libpq way (PGPASSWORD or ~/.pgpass).
# `source DIR/env` after `pg-local.sh start DIR` sets everything for a local cluster.
set -euo pipefail

usage() {
    echo "usage: $(basename "$0") [--host H] [--port P] [--user U] [--database D] [--sql-dir DIR]" >&2
    exit 2
}

die() {
    echo "db-setup: $*" >&2
    exit 1
}

script_dir=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)

host=${FIN_PG_HOST:-${PGHOST:-127.0.0.1}}
port=${FIN_PG_PORT:-${PGPORT:-5432}}
user=${FIN_PG_USER:-${PGUSER:-postgres}}
database=${FIN_PG_DATABASE:-orleans_fin}
sql_dir="$script_dir/../sql"

while [[ $# -gt 0 ]]; do
    case $1 in
        --host) [[ $# -ge 2 ]] || usage; host=$2; shift 2 ;;
        --port) [[ $# -ge 2 ]] || usage; port=$2; shift 2 ;;
        --user) [[ $# -ge 2 ]] || usage; user=$2; shift 2 ;;
        --database) [[ $# -ge 2 ]] || usage; database=$2; shift 2 ;;
        --sql-dir) [[ $# -ge 2 ]] || usage; sql_dir=$2; shift 2 ;;
        -h | --help) usage ;;
        *) echo "db-setup: unknown argument: $1" >&2; usage ;;
    esac
done

[[ $port =~ ^[0-9]+$ ]] || die "port must be a number: $port"
[[ -n $database ]] || die "database name is empty"
[[ -d $sql_dir ]] || die "no SQL directory: $sql_dir"

psql_bin=$(command -v psql || true)
if [[ -z $psql_bin ]] && command -v pg_config >/dev/null 2>&1; then
    psql_bin="$(pg_config --bindir)/psql"
fi
[[ -n $psql_bin && -x $psql_bin ]] || die "psql not found"

# No ~/.psqlrc, stop at the first error, quiet output.
run_psql() {
    "$psql_bin" -X -q -v ON_ERROR_STOP=1 -h "$host" -p "$port" -U "$user" "$@"
}

# Any database that always exists will do for the existence check and CREATE DATABASE.
maintenance_db=postgres
if ! run_psql -d "$maintenance_db" -Atc 'SELECT 1' >/dev/null 2>&1; then
    maintenance_db=template1
    run_psql -d "$maintenance_db" -Atc 'SELECT 1' >/dev/null ||
        die "cannot connect to PostgreSQL at $host:$port as $user"
fi

db_exists() {
    [[ $(run_psql -d "$maintenance_db" -At -v db="$database" <<'SQL'
SELECT count(*) FROM pg_database WHERE datname = :'db';
SQL
) == 1 ]]
}

if db_exists; then
    echo "db-setup: database '$database' exists" >&2
else
    echo "db-setup: creating database '$database'" >&2
    # Another process may create it at the same moment: only fail if it is still missing.
    run_psql -d "$maintenance_db" -v db="$database" <<'SQL' || db_exists || die "could not create database '$database'"
CREATE DATABASE :"db" ENCODING 'UTF8' TEMPLATE template0;
SQL
fi

shopt -s nullglob
scripts=("$sql_dir"/*.sql)
shopt -u nullglob
((${#scripts[@]} > 0)) || die "no *.sql files in $sql_dir"

# The glob is already sorted by name in the C collation order we want, but be explicit.
mapfile -t scripts < <(printf '%s\n' "${scripts[@]}" | LC_ALL=C sort)

for script in "${scripts[@]}"; do
    echo "db-setup: applying $(basename "$script")" >&2
    run_psql -d "$database" -1 -f "$script"
done

echo "db-setup: database '$database' on $host:$port is up to date" >&2
