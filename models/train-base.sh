#!/usr/bin/env bash
# Reproduces models/base-python/ with one command (from the repository root or anywhere):
#   models/train-base.sh
# 1. prepare-corpus: Debian's Python 3.11 standard library sources through the Codex filters, 5% validation
# 2. tokenizer-train: byte-level BPE, 2,048 learned tokens + Codex's whitespace-run tokens
# 3. pretrain: GPT d128 L4 H4, context 256, 1,000 steps of 16 x 256 tokens on 1 CPU thread (about 40 minutes
#    on a 2-core machine shared with other jobs, ~1.5 epochs of 2.78M tokens). The shipped model ran 106 steps
#    with MAX_STEPS=1500, was stopped (STOP file) and resumed with MAX_STEPS=1000: steps 100-106 had a slightly
#    different cosine learning rate than a fresh MAX_STEPS=1000 run, so a rerun matches closely, not bit for bit.
# 4. copy the last checkpoint's config.json, tokenizer.json and model.safetensors (no optimizer state) and the
#    metrics to models/base-python/.
# Environment: WORK (scratch folder, default models/work), MAX_STEPS (default 1000), THREADS (default 1),
# PYTHON_LIB (default /usr/lib/python3.11).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=$ROOT/model-runtime/target/model-runtime.jar
WORK=${WORK:-$ROOT/models/work}
OUT=$ROOT/models/base-python
MAX_STEPS=${MAX_STEPS:-1000}
THREADS=${THREADS:-1}
PYTHON_LIB=${PYTHON_LIB:-/usr/lib/python3.11}
export DJL_CACHE_DIR=${DJL_CACHE_DIR:-$HOME/.djl.ai}

if [ ! -f "$JAR" ]; then
  (cd "$ROOT" && mvn -B -q -pl model-runtime package -DskipTests)
fi
mkdir -p "$WORK"
run() { java -Dai.djl.pytorch.num_threads="$THREADS" -Dai.djl.pytorch.num_interop_threads=1 -jar "$JAR" "$@"; }

[ -f "$WORK/corpus/train.jsonl" ] || run prepare-corpus --input="$PYTHON_LIB" --out="$WORK/corpus" --seed=0
[ -f "$WORK/tokenizer.json" ] || run tokenizer-train --corpus="$WORK/corpus/train.jsonl" --vocabSize=2048 \
    --whitespaceTokens=true --out="$WORK/tokenizer.json"

if [ -f "$WORK/run/latest" ]; then # continue an interrupted run exactly
  run pretrain --resume="$WORK/run" --maxSteps="$MAX_STEPS"
else
  run pretrain --data="$WORK/corpus" --tokenizer="$WORK/tokenizer.json" --out="$WORK/run" \
      --layers=4 --heads=4 --width=128 --context=256 --seqLen=256 --batchSize=16 \
      --learningRate=2e-3 --warmupSteps=100 --maxSteps="$MAX_STEPS" \
      --evalInterval=100 --evalBatches=8 --checkpointInterval=250 --seed=1337
fi

LAST="$WORK/run/$(cat "$WORK/run/latest")"
TMP=$(mktemp -d "$ROOT/models/.base-python.XXXXXX")
cp "$LAST/config.json" "$LAST/tokenizer.json" "$LAST/model.safetensors" "$TMP/"
cp "$WORK/run/metrics.jsonl" "$TMP/metrics.jsonl"
cp "$WORK/corpus/report.json" "$TMP/corpus-report.json" 2>/dev/null || true
rm -rf "$OUT.old"; [ -d "$OUT" ] && mv "$OUT" "$OUT.old"
mv "$TMP" "$OUT" && rm -rf "$OUT.old"
echo "base model written to $OUT" >&2
