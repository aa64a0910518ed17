#!/usr/bin/env bash
# Training throughput of an SFT run launched through the portal (REST API -> Jakarta Batch -> worker JVM) against
# the same configuration run from model-runtime's command line, alternately: portal, CLI, portal, CLI.
# Both use 1 PyTorch thread and the shipped base model. Run from the repository root after
#   mvn -B -q -pl portal-web -am package -DskipTests
# Prints per run: tokens/s (mean of the per-step tokens_per_s after the first WARMUP steps), wall seconds of the
# training loop, CPU seconds of the worker (for the portal: the reaped child's time, /proc/<portal>/stat cutime+cstime)
# and of the portal JVM itself while the run trained, and the load average. On a shared machine the wall-clock figures
# swing with the other jobs; the CPU seconds show what the portal itself costs.
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

cpu() { # utime stime cutime cstime of a process, in seconds
  awk -v hz="$(getconf CLK_TCK)" '{print ($14+$15)/hz, ($16+$17)/hz}' /proc/$1/stat; }
wall() { python3 -c 'import json,sys; print("%.1f" % [json.loads(l) for l in open(sys.argv[1]) if l.strip()][-1]["elapsed_s"])' "$1"; }
mean() { # mean tokens_per_s of metrics.jsonl rows after the warm-up
  python3 -c 'import json,sys
rows=[json.loads(l) for l in open(sys.argv[1]) if l.strip()]
v=[r["tokens_per_s"] for r in rows if r["step"]>int(sys.argv[2])]
print(f"{sum(v)/len(v):.0f}")' "$1" "$WARMUP"; }

portal_run() {
  local id out before after
  before=$(cpu $PORTAL)
  read -r id out < <(api -d "{\"kind\":\"sft\",$OPTS,\"dataset\":$DATA}" http://localhost:$PORT/api/runs \
    | python3 -c 'import json,sys; r=json.load(sys.stdin); print(r["id"], r["outDir"])')
  # wait on the run folder, not the API: every Basic-auth request costs the portal a PBKDF2 hash, which would be
  # counted as the portal's overhead
  until [ -s "$out/worker-stdout.log" ] && grep -q '"command"' "$out/worker-stdout.log"; do sleep 1; done
  until api http://localhost:$PORT/api/runs/$id | grep -q '"status":"COMPLETED"'; do sleep 1; done
  sleep 1 # the worker is reaped (its CPU time lands in cutime) just after the run turns COMPLETED
  after=$(cpu $PORTAL)
  python3 - "$before" "$after" "$(mean "$out/metrics.jsonl")" "$(wall "$out/metrics.jsonl")" "$id" <<'EOF2'
import sys
b = list(map(float, sys.argv[1].split())); a = list(map(float, sys.argv[2].split()))
print(f"portal run {sys.argv[5]}: {sys.argv[3]} tokens/s, training loop {sys.argv[4]} s, worker CPU {a[1]-b[1]:.1f} s, "
      f"portal JVM CPU {a[0]-b[0]:.1f} s, load " + open('/proc/loadavg').read().split()[0])
EOF2
}
cli_run() {
  local out=$D/cli-$1
  local c
  c=$(python3 -c 'import resource,subprocess,sys
subprocess.run(sys.argv[2:], stdout=open(sys.argv[1]+".stdout","w"), stderr=open(sys.argv[1]+".stderr","w"), check=True)
r=resource.getrusage(resource.RUSAGE_CHILDREN); print("%.1f" % (r.ru_utime+r.ru_stime))' "$out" \
    java -Dai.djl.pytorch.num_threads=1 -jar model-runtime/target/model-runtime.jar sft --data="$DATA_FILE" \
    --init=models/base-python --out="$out" --device=cpu $CLI_OPTS)
  echo "cli run $1: $(mean "$out/metrics.jsonl") tokens/s, training loop $(wall "$out/metrics.jsonl") s, CPU $c s, load $(cut -d' ' -f1 /proc/loadavg)"
}
echo "cores $(nproc), load before $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq 1 "${PAIRS:-2}"); do portal_run; cli_run "$i"; done
