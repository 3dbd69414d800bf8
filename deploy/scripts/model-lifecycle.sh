#!/usr/bin/env bash
# The model lifecycle on the production shape (cluster.sh: PostgreSQL, two silos, client-api): a fraud retrain, the
# maker-checker promotion (the maker cannot approve), kill -9 of a silo and its restart (the registry is read back
# from PostgreSQL), then the rollback to the retired champion the same way. Prints each answer; stops the cluster.
#
#   deploy/scripts/model-lifecycle.sh [--configuration Debug|Release]   (after a build of that configuration)
set -euo pipefail
configuration=Debug
[[ ${1:-} == --configuration ]] && configuration=$2
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
run=$(mktemp -d "${TMPDIR:-/tmp}/orleans-fin-models.XXXXXX")
trap 'deploy/scripts/cluster.sh stop --run-dir "$run" >/dev/null 2>&1 || true; rm -rf "$run"' EXIT
deploy/scripts/cluster.sh start --run-dir $run --no-build --configuration "$configuration" --api-port 5180 \
  --silo-ports 21111,21112 --gateway-ports 31000,31001 --http-ports 5181,5182
api=http://127.0.0.1:5180
a=$(deploy/scripts/token.sh officer-a risk-officer --run-dir $run); b=$(deploy/scripts/token.sh officer-b risk-officer --run-dir $run)
j() { curl -s -H "Authorization: Bearer $a" -H 'Content-Type: application/json' "$@"; }
k() { curl -s -H "Authorization: Bearer $b" -H 'Content-Type: application/json' "$@"; }
echo "== models before"; j $api/ops/models/fraud | python3 -c 'import json,sys; d=json.load(sys.stdin); [print(v["version"],v["role"],v.get("dataHash","")[:12],v.get("weightsHash","")[:12]) for v in d["versions"]]'
old=$(j $api/ops/models/fraud | python3 -c 'import json,sys; d=json.load(sys.stdin); print([v["version"] for v in d["versions"] if v["role"]=="Champion"][0])')
echo "== retrain"; job=$(j -X POST -H "Idempotency-Key: rt-$RANDOM" -d '{}' $api/ops/models/fraud/retrain | python3 -c 'import json,sys; print(json.load(sys.stdin)["jobId"])'); echo "job $job"
for i in $(seq 1 120); do st=$(j $api/ops/models/jobs/$job); s=$(echo "$st" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])'); [[ $s == Succeeded || $s == Failed ]] && break; sleep 2; done
echo "$st" | head -c 600; echo
new=$(echo "$st" | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])')
echo "== promote $new: maker"; j -w ' -> %{http_code}\n' -X POST -d "{\"version\":\"$new\",\"note\":\"retrained on labels\",\"override\":true}" $api/ops/models/fraud/promote
echo "== same officer again"; j -w ' -> %{http_code}\n' -X POST -d "{\"version\":\"$new\",\"note\":\"retrained on labels\",\"override\":true}" $api/ops/models/fraud/promote
echo "== checker"; k -w ' -> %{http_code}\n' -X POST -d "{\"version\":\"$new\",\"note\":\"checked\",\"override\":true}" $api/ops/models/fraud/promote
j $api/ops/models/fraud | python3 -c 'import json,sys; d=json.load(sys.stdin); [print(v["version"],v["role"]) for v in d["versions"]]'
echo "== kill -9 silo1 and restart"; kill -9 "$(cat $run/silo1.pid)"; sleep 3
deploy/scripts/cluster.sh start --run-dir $run --no-build --configuration "$configuration" --api-port 5180 \
  --silo-ports 21111,21112 --gateway-ports 31000,31001 --http-ports 5181,5182 | tail -2
j $api/ops/models/fraud | python3 -c 'import json,sys; d=json.load(sys.stdin); [print(v["version"],v["role"]) for v in d["versions"]]'
echo "== rollback to $old"; j -w ' -> %{http_code}\n' -X POST -d "{\"version\":\"$old\",\"note\":\"rollback\",\"override\":true}" $api/ops/models/fraud/promote
k -w ' -> %{http_code}\n' -X POST -d "{\"version\":\"$old\",\"note\":\"rollback approved\",\"override\":true}" $api/ops/models/fraud/promote
j $api/ops/models/fraud | python3 -c 'import json,sys; d=json.load(sys.stdin); [print(v["version"],v["role"]) for v in d["versions"]]'
echo "== kpis"; j $api/ops/kpis | head -c 400; echo
