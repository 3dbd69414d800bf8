#!/usr/bin/env bash
# Private, throw-away PostgreSQL cluster for development, tests and CI.
#
#   pg-local.sh start  DIR   start (or reuse) the cluster whose files live under DIR
#   pg-local.sh stop   DIR   stop it (fast shutdown); a no-op when it is not running
#   pg-local.sh status DIR   exit 0 and print the port when it is running
#
# Layout under DIR:
#   DIR/data          the cluster (initdb'ed on first start)
#   DIR/postgres.log  server log
#   DIR/env           shell exports for clients: FIN_PG_HOST, FIN_PG_PORT, FIN_PG_USER,
#                     FIN_PG_DATABASE, FIN_PG_CONNECTION (Npgsql connection string),
#                     plus PGHOST/PGPORT/PGUSER so psql and db-setup.sh pick it up
#   DIR/.s.PGSQL.*    unix socket (the system socket dir is not needed)
#
# The server listens on 127.0.0.1 only, on a free port (never 5432), with trust
# authentication for loopback and the unix socket. Binaries come from
# `pg_config --bindir` (override with PG_BINDIR). When run as root the server runs
# as the `postgres` OS user (override with PG_OS_USER), because initdb refuses root.
#
# Environment: FIN_PG_DATABASE (default orleans_fin) is the database name written to
# DIR/env; the database itself is created by db-setup.sh. FIN_PG_PORT, if set, is
# tried first when a new port has to be chosen.
set -euo pipefail

usage() {
    echo "usage: $(basename "$0") start|stop|status DIR" >&2
    exit 2
}

die() {
    echo "pg-local: $*" >&2
    exit 1
}

[[ $# -eq 2 ]] || usage
cmd=$1
[[ -n $2 ]] || usage
case $cmd in start | stop | status) ;; *) usage ;; esac

if [[ $cmd == start ]]; then
    mkdir -p -- "$2"
elif [[ ! -d $2 ]]; then
    echo "pg-local: not running ($2 does not exist)" >&2
    [[ $cmd == stop ]] && exit 0 || exit 3
fi
base=$(cd -- "$2" && pwd -P)
data="$base/data"
logfile="$base/postgres.log"
envfile="$base/env"
localconf="$data/fin-local.conf"
database=${FIN_PG_DATABASE:-orleans_fin}

bindir=${PG_BINDIR:-}
if [[ -z $bindir ]]; then
    command -v pg_config >/dev/null 2>&1 || die "pg_config not found (install PostgreSQL or set PG_BINDIR)"
    bindir=$(pg_config --bindir)
fi
for tool in initdb pg_ctl pg_isready; do
    [[ -x "$bindir/$tool" ]] || die "$bindir/$tool not found"
done

# Run a server-side command as the cluster owner.
os_user=""
if [[ $(id -u) -eq 0 ]]; then
    os_user=${PG_OS_USER:-postgres}
    id -u "$os_user" >/dev/null 2>&1 || die "OS user '$os_user' does not exist (set PG_OS_USER)"
fi
as_owner() {
    if [[ -n $os_user ]]; then
        runuser -u "$os_user" -- "$@"
    else
        "$@"
    fi
}

is_running() {
    [[ -f "$data/PG_VERSION" ]] && as_owner "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1
}

configured_port() {
    [[ -f $localconf ]] && sed -n "s/^port *= *\([0-9][0-9]*\).*/\1/p" "$localconf" | tail -n 1
}

port_in_use() {
    local p=$1
    if command -v ss >/dev/null 2>&1; then
        ss -Hltn "sport = :$p" 2>/dev/null | grep -q . && return 0
    fi
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && return 0
    return 1
}

pick_port() {
    local p tries=0
    for p in ${FIN_PG_PORT:-} $(configured_port); do
        if [[ $p != 5432 ]] && ! port_in_use "$p"; then
            echo "$p"
            return 0
        fi
    done
    while ((tries < 200)); do
        p=$((20000 + RANDOM % 40000))
        tries=$((tries + 1))
        [[ $p == 5432 ]] && continue
        port_in_use "$p" || { echo "$p"; return 0; }
    done
    die "no free TCP port found on 127.0.0.1"
}

write_env() {
    local port=$1 tmp
    tmp=$(mktemp "$base/.env.XXXXXX")
    cat >"$tmp" <<EOF
# Written by pg-local.sh for the cluster in $data
export FIN_PG_HOST=127.0.0.1
export FIN_PG_PORT=$port
export FIN_PG_USER=postgres
export FIN_PG_DATABASE=$database
export FIN_PG_CONNECTION="Host=127.0.0.1;Port=$port;Username=postgres;Database=$database"
export PGHOST=127.0.0.1
export PGPORT=$port
export PGUSER=postgres
EOF
    chmod 644 "$tmp"
    mv -f "$tmp" "$envfile"
}

init_cluster() {
    # The owner needs to write the socket, the log and the data dir under DIR.
    if [[ -n $os_user ]]; then
        chown "$os_user" "$base"
        as_owner test -w "$base" -a -x "$base" ||
            die "'$os_user' cannot use $base (a parent directory is not searchable); pick a DIR such as /tmp/..."
    fi
    echo "pg-local: initdb in $data" >&2
    as_owner "$bindir/initdb" -D "$data" -U postgres -E UTF8 --no-locale \
        --auth-local=trust --auth-host=trust >"$base/initdb.log" 2>&1 ||
        { cat "$base/initdb.log" >&2; die "initdb failed"; }
    # Loopback only: the unix socket and 127.0.0.1.
    cat >"$data/pg_hba.conf" <<'EOF'
# TYPE  DATABASE  USER  ADDRESS        METHOD
local   all       all                  trust
host    all       all   127.0.0.1/32   trust
EOF
    echo "include_if_exists = 'fin-local.conf'" >>"$data/postgresql.conf"
    [[ -z $os_user ]] || chown "$os_user" "$data/pg_hba.conf" "$data/postgresql.conf"
}

write_local_conf() {
    local port=$1
    cat >"$localconf" <<EOF
# Managed by pg-local.sh: rewritten on every start.
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$base'
timezone = 'UTC'
log_timezone = 'UTC'
EOF
    [[ -z $os_user ]] || chown "$os_user" "$localconf"
}

start() {
    if is_running; then
        local port
        port=$(configured_port)
        [[ -n $port ]] || die "cluster in $data is running but its port is unknown"
        write_env "$port"
        echo "pg-local: already running on 127.0.0.1:$port" >&2
        echo "$port"
        return 0
    fi
    [[ -f "$data/PG_VERSION" ]] || init_cluster
    # 107 bytes is the usual limit for a unix socket path.
    ((${#base} < 90)) || die "DIR path too long for a unix socket: $base"

    local attempt port
    for attempt in 1 2 3 4 5; do
        port=$(pick_port)
        write_local_conf "$port"
        if as_owner "$bindir/pg_ctl" -D "$data" -l "$logfile" -w -t 60 start >/dev/null; then
            as_owner "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port" -t 30 ||
                die "server started but does not accept connections; see $logfile"
            write_env "$port"
            echo "pg-local: started on 127.0.0.1:$port (data $data, log $logfile)" >&2
            echo "$port"
            return 0
        fi
        # Most likely another process took the port between the check and the start.
        echo "pg-local: start on port $port failed (attempt $attempt), retrying" >&2
        FIN_PG_PORT=""
    done
    tail -n 20 "$logfile" >&2 || true
    die "could not start the cluster; see $logfile"
}

stop() {
    if ! is_running; then
        echo "pg-local: not running ($data)" >&2
        return 0
    fi
    as_owner "$bindir/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null
    echo "pg-local: stopped ($data)" >&2
}

status() {
    if is_running; then
        configured_port
        return 0
    fi
    echo "pg-local: not running ($data)" >&2
    return 3
}

"$cmd"
