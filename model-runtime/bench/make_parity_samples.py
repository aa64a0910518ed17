#!/usr/bin/env python3
"""Writes a samples file of awkward-but-plausible completions for a parity check against openai/human-eval.

Not part of the product. Each HumanEval task gets --per-task samples drawn (seeded) from the variants below: the
canonical body (plain, with prints, with a stray thread, after swallowing the time-limit exception), wrong values,
exceptions of many kinds and messages (unicode, SystemExit, KeyboardInterrupt, recursion), calls the reference's
guard blanks (exit(), os.getcwd, subprocess), input(), segfault, os._exit / kill of itself, and a few loops and
sleeps. Left out on purpose: reading host files (the sandbox hides them, the reference does not) and work whose
duration depends on the machine (file writes per recursive call take 21 s on this disk, 0.1 s on the sandbox's
tmpfs: such samples straddle the 3 s limit differently on any two machines).

  python3 model-runtime/bench/make_parity_samples.py --out=/tmp/parity.jsonl [--per-task=10] [--seed=1]
"""
import argparse
import gzip
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_PROBLEMS = os.path.join(HERE, "..", "src", "main", "resources", "datasets", "humaneval", "HumanEval.jsonl.gz")


def indent(body, extra):
    return "".join(extra + line if line.strip() else line for line in body.splitlines(True))


def variants(problem):
    c = problem["canonical_solution"]
    return {
        "canonical": c,
        "canonical_print": "    print('debug', 1)\n    import sys\n    print('err', file=sys.stderr)\n" + c,
        "canonical_thread": "    import threading\n    threading.Thread(target=lambda: None).start()\n" + c,
        "swallow_timeout": "    import time\n    try:\n        time.sleep(10)\n    except Exception:\n        pass\n" + c,
        "return_none": "    return None\n",
        "wrong_value": "    return 0\n",
        "sys_exit": "    import sys\n    sys.exit(0)\n",
        "system_exit_msg": "    raise SystemExit('bye')\n",
        "keyboard_interrupt": "    raise KeyboardInterrupt\n",
        "unicode_error": "    raise ValueError('ünïcødé ✓ \\u2603')\n",
        "recursion": "    def r(n):\n        return r(n + 1)\n    return r(0)\n",
        "exit_builtin": "    exit(1)\n",
        "getcwd": "    import os\n    return os.getcwd()\n",
        "subprocess": "    import subprocess\n    return subprocess.check_output(['true'])\n",
        "input": "    return input('x? ')\n",
        "assert_msg": "    assert False, 'custom message'\n",
        "zero_division": "    return 1 / 0\n",
        "type_error": "    return len(5)\n",
        "indent_error": "  return 1\n    return 2\n",
        # once per process: a write per (recursive) call would time the disk, not the evaluator
        "write_cwd": "    import os\n    if not os.path.exists('scratch.txt'):\n        with open('scratch.txt', 'w') as f:\n"
                     "            f.write('x')\n" + c,
        "self_kill": "    import posix, signal\n    posix.kill(posix.getpid(), signal.SIGKILL)\n",
        "segfault": "    import ctypes\n    ctypes.string_at(0)\n",
        "os_exit": "    import os\n    os._exit(3)\n",
        "sleep_past": "    import time\n    time.sleep(10)\n",
        "loop_catch_all": "    while True:\n        try:\n            pass\n        except BaseException:\n            pass\n",
        "alarm_off_loop": "    import signal\n    signal.setitimer(signal.ITIMER_REAL, 0)\n    while True:\n        pass\n",
    }


SLOW = {"swallow_timeout", "sleep_past", "loop_catch_all", "alarm_off_loop"}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--out", required=True)
    p.add_argument("--problems", default=DEFAULT_PROBLEMS)
    p.add_argument("--per-task", type=int, default=10)
    p.add_argument("--slow-every", type=int, default=20, help="one slow (timing-out) sample per this many tasks")
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args()
    rnd = random.Random(args.seed)
    with gzip.open(args.problems, "rt") as f:
        problems = [json.loads(line) for line in f if line.strip()]
    with open(args.out, "w") as out:
        for i, problem in enumerate(problems):
            v = variants(problem)
            fast = sorted(k for k in v if k not in SLOW)
            kinds = [rnd.choice(fast) for _ in range(args.per_task)]
            kinds[0] = "canonical"
            if i % args.slow_every == 0:
                kinds[-1] = sorted(SLOW)[(i // args.slow_every) % len(SLOW)]
            for kind in kinds:
                out.write(json.dumps({"task_id": problem["task_id"], "completion": v[kind], "kind": kind}) + "\n")


if __name__ == "__main__":
    main()
