#!/usr/bin/env bash
# Training throughput of an SFT run launched through the portal (REST API -> Jakarta Batch -> worker JVM) against
# the same configuration run from model-runtime's command line, alternately: portal, CLI, portal, CLI.
# Both use 1 PyTorch thread and the shipped base model. Run from the repository root after
#   mvn -B -q -pl portal-web -am package -DskipTests
# Prints tokens/s per run (mean of the per-step tokens_per_s after the first WARMUP steps) and the load average.
set -euo pipefail
STEPS=${STEPS:-80}
WARMUP=${WARMUP:-10}
PORT=${PORT:-18080}
D=${D:-/tmp/sft-throughput}
PW=throughput-admin
OPTS='"maxSteps":'$STEPS',"batchSize":8,"seqLen":128,"evalInterval":0,"checkpointInterval":100000'
CLI_OPTS="--maxSteps=$STEPS --batchSize=8 --seqLen=128 --evalInterval=0 --checkpointInterval=100000"
export DJL_CACHE_DIR=${DJL_CACHE_DIR:-$HOME/.djl.ai}
rm -rf "$D" && mkdir -p "$D"
python3 - "$D/demos.jsonl" <<'EOF'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(400):
        f.write(json.dumps({"prompt": f"Write a function that adds {i} to x.",
                            "response": f"def add_{i}(x):\n    return x + {i}\n"}) + "\n")
EOF
PORTAL_DATA_DIR=$D/data PORTAL_HTTP_PORT=$PORT PORTAL_ADMIN_PASSWORD=$PW PORTAL_WORKER_THREADS=1 \
  PORTAL_WORKER_DJL_CACHE=$DJL_CACHE_DIR java -jar portal-web/target/finetune-portal.jar > "$D/portal.log" 2>&1 &
PORTAL=$!
trap 'kill $PORTAL 2>/dev/null || true' EXIT
api() { curl -s -u admin:$PW -H 'Content-Type: application/json' "$@"; }
until [ "$(curl -s -o /dev/null -w '%{http_code}' -u admin:$PW http://localhost:$PORT/api/me)" = 200 ]; do sleep 1; done
DATA=$(api --data-binary @"$D/demos.jsonl" "http://localhost:$PORT/api/datasets?name=demos&kind=DEMONSTRATIONS&format=jsonl" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
DATA_FILE=$(find "$D/data/datasets" -name 'v1.jsonl' | head -1)

mean() { # mean tokens_per_s of metrics.jsonl rows after the warm-up
  python3 -c 'import json,sys
rows=[json.loads(l) for l in open(sys.argv[1]) if l.strip()]
v=[r["tokens_per_s"] for r in rows if r["step"]>int(sys.argv[2])]
print(f"{sum(v)/len(v):.0f}")' "$1" "$WARMUP"; }

portal_run() {
  local id out
  id=$(api -d "{\"kind\":\"sft\",$OPTS,\"dataset\":$DATA}" http://localhost:$PORT/api/runs | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  while :; do
    s=$(api http://localhost:$PORT/api/runs/$id | python3 -c 'import json,sys; r=json.load(sys.stdin); print(r["status"], r["outDir"])')
    case $s in COMPLETED*) out=${s#* }; break;; FAILED*|STOPPED*) echo "run $id: $s" >&2; exit 1;; esac
    sleep 2
  done
  echo "portal run $id: $(mean "$out/metrics.jsonl") tokens/s, load $(cut -d' ' -f1-3 /proc/loadavg)"
}
cli_run() {
  local out=$D/cli-$1
  java -Dai.djl.pytorch.num_threads=1 -jar model-runtime/target/model-runtime.jar sft --data="$DATA_FILE" \
    --init=models/base-python --out="$out" --device=cpu $CLI_OPTS > "$out.stdout" 2> "$out.stderr"
  echo "cli run $1: $(mean "$out/metrics.jsonl") tokens/s, load $(cut -d' ' -f1-3 /proc/loadavg)"
}
echo "cores $(nproc), load before $(cut -d' ' -f1-3 /proc/loadavg)"
portal_run; cli_run 1; portal_run; cli_run 2
