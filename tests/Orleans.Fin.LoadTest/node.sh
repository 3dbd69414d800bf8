# Sourced by the benchmark scripts: starts an all-in-one node for a load run and waits until it is ready, and reads
# the CPU time of a process or of a PostgreSQL server from /proc.
#
#   start_node SILO_DIR HTTP_PORT LOG PROFILE STORAGE SCORING
#
# SILO_DIR holds the built Orleans.Fin.Silo.dll; STORAGE is "memory" or a Cluster:Storage value; SCORING is
# "off" (RiskControl:ScoringEnabled=false), "on" (thresholds out of reach: scoring priced, nothing declined) or
# "freeze" (the default thresholds). Sets silo_pid; exits 1 with the node's log when it is not ready in 120 s.

# CPU seconds (user + system) process PID has used.
cpu_seconds() { awk -v t="$(getconf CLK_TCK)" '{printf "%.3f", ($14+$15)/t}' "/proc/$1/stat"; }

# "PID PARENT CPU-SECONDS CHILDREN-CPU-SECONDS COMM" for every process and kernel thread, from /proc/PID/stat. The
# name is read up to the last ") ", since a process may put spaces and parentheses in its name; spaces in it become _.
# CHILDREN is the CPU of children that have ended and been waited for. A process that ends between the glob and the read
# makes cat fail, which is no failure of the reading.
process_cpu_table() {
  { cat /proc/[0-9]*/stat 2>/dev/null || true; } | awk -v t="$(getconf CLK_TCK)" '{
    line = $0; from = index(line, " ("); to = 0
    for (i = length(line) - 1; i > from; i--) if (substr(line, i, 2) == ") ") { to = i; break }
    if (from == 0 || to == 0) next
    name = substr(line, from + 2, to - from - 2); gsub(/ /, "_", name)
    split(substr(line, to + 2), f, " ")   # f[k - 2] is field k of the stat line
    printf "%s %s %.3f %.3f %s\n", substr(line, 1, from - 1), f[2], (f[12] + f[13]) / t, (f[14] + f[15]) / t, name
  }'
}

# CPU seconds of the PostgreSQL server whose data directory is DATA_DIR: the postmaster, its running backends and
# workers, and those that have ended (counted in the postmaster's children once it has waited for them).
# The whole machine's busy CPU seconds (user, nice, system, irq, softirq), and the seconds the hypervisor gave other
# guests (steal), from /proc/stat.
machine_cpu_seconds() { awk -v t="$(getconf CLK_TCK)" '/^cpu /{printf "%.3f", ($2+$3+$4+$7+$8)/t}' /proc/stat; }
steal_seconds() { awk -v t="$(getconf CLK_TCK)" '/^cpu /{printf "%.3f", $9/t}' /proc/stat; }

# CPU seconds of the private PostgreSQL the calling script started in $pg_dir (started_pg=true), or 0 when it uses a
# server it did not start, which it does not measure.
db_cpu_seconds() { if [[ ${started_pg:-false} == true ]]; then postgres_cpu_seconds "$pg_dir/data"; else echo 0; fi; }

# Fails, printing nothing, when the server is not running.
postgres_cpu_seconds() {
  local master
  master=$(head -n 1 "$1/postmaster.pid" 2>/dev/null) && [[ -n $master ]] || return 1
  process_cpu_table | awk -v m="$master" '$1 == m {s += $3 + $4; found = 1} $2 == m {s += $3} END {if (!found) exit 1; printf "%.3f", s}'
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

start_node() {
  local silo_dir=$1 http_port=$2 log=$3 profile=$4 storage=$5 scoring=$6
  (
    export ASPNETCORE_ENVIRONMENT=Development
    export Cluster__Profile=$profile Cluster__ClusterId="bench-$RANDOM$RANDOM" Cluster__SiloPort=$(free_port) Cluster__GatewayPort=$(free_port)
    export Cluster__ConnectionString=${FIN_PG_CONNECTION:-}
    [[ $storage == memory ]] || export Cluster__Storage=$storage
    export Serilog__MinimumLevel__Default=Warning Security__AnonymousPermitsPerMinute=1000000
    # A load's payers would reach the daily outgoing limit within about a minute and be declined from then on; the
    # check still runs on every payment, against a limit the load cannot reach.
    export Accounts__DailyOutgoingLimit__CNY=1000000000000
    case $scoring in
      off) export RiskControl__ScoringEnabled=false ;;
      freeze) export RiskControl__ScoringEnabled=true ;; # the load's bursts are frozen, which times event -> freeze
      *) export RiskControl__ScoringEnabled=true Risk__MediumThreshold=99 Risk__HighThreshold=100 RiskControl__SharedDeviceBoost=0 ;;
    esac
    cd "$silo_dir"
    exec dotnet Orleans.Fin.Silo.dll --urls "http://127.0.0.1:$http_port"
  ) >"$log" 2>&1 &
  silo_pid=$!
  for _ in $(seq 1 240); do
    if curl -fs "http://127.0.0.1:$http_port/health/ready" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  echo "the $profile node in $silo_dir did not become ready; its log:" >&2
  tail -n 40 "$log" >&2
  exit 1
}
