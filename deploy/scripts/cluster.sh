#!/usr/bin/env bash
# The production shape on one machine: PostgreSQL persistence, two silos forming one cluster, and
# client-api as a separate process reaching the cluster through the silos' gateways.
#
#   deploy/scripts/cluster.sh start [--run-dir DIR] [--api-port 5080] [--environment Production]
#                                   [--silo-ports 11111,11112] [--gateway-ports 30000,30001]
#                                   [--http-ports 5081,5082] [--configuration Release] [--no-build]
#   deploy/scripts/cluster.sh stop  [--run-dir DIR]
#   deploy/scripts/cluster.sh status [--run-dir DIR]
#
# PostgreSQL: FIN_PG_CONNECTION names a database prepared by db-setup.sh; when it is not set,
# a private PostgreSQL is started under DIR/pg (and stopped by "stop"). Silos listen on
# 127.0.0.1: silo ports 11111/11112, gateways 30000/30001, their own HTTP (health, metrics,
# dashboard) on 5081/5082 unless the flags name others; client-api on --api-port. Logs and pids
# are kept in DIR. "start" is safe to re-run: it reuses the PostgreSQL and every process still
# running and starts only what is missing (with --no-build and the same flags, a killed silo
# comes back in seconds).
# It runs in Production unless --environment says otherwise. The secrets come from Jwt__SigningKey,
# Security__IdentityPepper and Security__IdempotencySecret when they are set; any that is not is
# generated once and kept in DIR/secrets.env (mode 600), so a re-run keeps the same keys. The signing
# key is also written alone to DIR/jwt-signing-key: clients mint their bearer tokens with it
# (deploy/scripts/token.sh SUBJECT ROLE --run-dir DIR prints one).
# Each process is given FIN_READY_SECONDS (default 90) to answer /health/ready; a loaded machine
# may need more.
set -euo pipefail

cmd=${1:-}
[[ $cmd =~ ^(start|stop|status)$ ]] || { echo "usage: $0 start|stop|status [--run-dir DIR] [--api-port N] [--environment NAME]" >&2; exit 2; }
shift
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
run_dir="$root/.tmp/cluster" api_port=5080 environment=Production configuration=Release build=true
silo_ports=11111,11112 gateway_ports=30000,30001 http_ports=5081,5082
while [[ $# -gt 0 ]]; do
  case $1 in
    --run-dir) run_dir=$2; shift 2 ;;
    --api-port) api_port=$2; shift 2 ;;
    --environment) environment=$2; shift 2 ;;
    --silo-ports) silo_ports=$2; shift 2 ;;
    --gateway-ports) gateway_ports=$2; shift 2 ;;
    --http-ports) http_ports=$2; shift 2 ;;
    --configuration) configuration=$2; shift 2 ;;
    --no-build) build=false; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
for pair in "$silo_ports" "$gateway_ports" "$http_ports"; do
  [[ $pair =~ ^[0-9]+,[0-9]+$ ]] || { echo "ports are given as two numbers, e.g. 11111,11112 (got $pair)" >&2; exit 2; }
done
IFS=, read -r silo_port1 silo_port2 <<<"$silo_ports"
IFS=, read -r gateway_port1 gateway_port2 <<<"$gateway_ports"
IFS=, read -r http_port1 http_port2 <<<"$http_ports"

running() { [[ -f $1 ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

stop_all() {
  for name in client-api silo2 silo1; do
    local pidfile="$run_dir/$name.pid"
    if running "$pidfile"; then
      kill -TERM "$(cat "$pidfile")"
      for _ in $(seq 1 60); do running "$pidfile" || break; sleep 0.5; done
      running "$pidfile" && kill -KILL "$(cat "$pidfile")" 2>/dev/null || true
      echo "stopped $name"
    fi
    rm -f "$pidfile"
  done
  if [[ -f $run_dir/pg/env ]]; then
    "$root/deploy/scripts/pg-local.sh" stop "$run_dir/pg" || true
  fi
}

wait_ready() {
  local url=$1 name=$2
  local deadline=$((SECONDS + ${FIN_READY_SECONDS:-90}))
  while ((SECONDS < deadline)); do
    if curl -fs --max-time 5 "$url/health/ready" >/dev/null 2>&1; then echo "$name ready at $url"; return 0; fi
    sleep 0.5
  done
  echo "$name did not become ready; see $run_dir/$name.log" >&2
  return 1
}

case $cmd in
  stop) stop_all; exit 0 ;;
  status)
    for name in silo1 silo2 client-api; do
      if running "$run_dir/$name.pid"; then echo "$name running (pid $(cat "$run_dir/$name.pid"))"; else echo "$name stopped"; fi
    done
    exit 0 ;;
esac

mkdir -p "$run_dir"
chmod 755 "$run_dir"

# Secrets: given in the environment, or generated once and kept in the run directory.
secrets="$run_dir/secrets.env"
if [[ ! -f $secrets ]]; then
  (
    umask 077
    {
      echo "Jwt__SigningKey=$(openssl rand -hex 32)"
      echo "Security__IdentityPepper=$(openssl rand -hex 32)"
      echo "Security__IdempotencySecret=$(openssl rand -hex 32)"
    } >"$secrets"
  )
fi
chmod 600 "$secrets"
while IFS='=' read -r key value; do
  [[ -n $key && -z ${!key:-} ]] && export "$key=$value"
done <"$secrets"
(umask 077; printf '%s' "$Jwt__SigningKey" >"$run_dir/jwt-signing-key")
if [[ -z ${FIN_PG_CONNECTION:-} ]]; then
  mkdir -p "$run_dir/pg"
  "$root/deploy/scripts/pg-local.sh" start "$run_dir/pg"
  # shellcheck disable=SC1091
  source "$run_dir/pg/env"
  "$root/deploy/scripts/db-setup.sh"
fi

if [[ $build == true ]]; then
  dotnet build "$root/silo" -c "$configuration" -nologo -v quiet
  dotnet build "$root/client-api/Orleans.Fin.ClientApi" -c "$configuration" -nologo -v quiet
fi

start_process() {
  local name=$1 dir=$2 dll=$3 url=$4
  shift 4
  if running "$run_dir/$name.pid"; then echo "$name already running"; return 0; fi
  (
    cd "$dir"
    export ASPNETCORE_ENVIRONMENT=$environment Cluster__Profile=Postgres Cluster__ConnectionString=$FIN_PG_CONNECTION \
      Jwt__SigningKey Security__IdentityPepper Security__IdempotencySecret "$@"
    exec dotnet "$dll" --urls "$url"
  ) >>"$run_dir/$name.log" 2>&1 &
  echo $! >"$run_dir/$name.pid"
}

silo_dir="$root/silo/bin/$configuration/net10.0"
api_dir="$root/client-api/Orleans.Fin.ClientApi/bin/$configuration/net10.0"
start_process silo1 "$silo_dir" Orleans.Fin.Silo.dll "http://127.0.0.1:$http_port1" Cluster__SiloPort="$silo_port1" Cluster__GatewayPort="$gateway_port1"
start_process silo2 "$silo_dir" Orleans.Fin.Silo.dll "http://127.0.0.1:$http_port2" Cluster__SiloPort="$silo_port2" Cluster__GatewayPort="$gateway_port2"
wait_ready "http://127.0.0.1:$http_port1" silo1
wait_ready "http://127.0.0.1:$http_port2" silo2
start_process client-api "$api_dir" Orleans.Fin.ClientApi.dll "http://127.0.0.1:$api_port"
wait_ready "http://127.0.0.1:$api_port" client-api
echo "cluster up ($environment): API http://127.0.0.1:$api_port (docs /docs, dashboard /dashboard); tokens: deploy/scripts/token.sh SUBJECT ROLE --run-dir $run_dir; stop with: $0 stop --run-dir $run_dir"
