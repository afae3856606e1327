"""Where adlint's start-up goes: ``python -X importtime`` of real commands, summed per package.

Runs each command of the list below in a fresh interpreter (byte code
compiled first, as a pip install leaves it; ``check --no-cache``, so it
lints for real, with rule data from its own cache as after a first run), reads the ``-X importtime`` lines (microseconds,
self and cumulative) and prints per command: the wall time, the total import
time, and the packages with the largest self time (``adlint.checks.*`` kept
apart from the rest of adlint). ``--root`` measures another checkout of
adlint (for a before/after profile: ``git worktree add /tmp/before REV``),
put first on ``PYTHONPATH``.

Usage, from the project root::

    .venv/bin/python benchmarks/importtime.py [--root PATH] [--runs 5] [--json]
    .venv/bin/python benchmarks/importtime.py --root /tmp/before --check-args ''   # a checkout older than the cache

Exit status 0; 2 when the corpus is missing; 1 with a message when a command fails.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def _group(module: str) -> str:
    if module.startswith("adlint.checks"):
        return "adlint.checks"
    return module.split(".")[0]


def profile(cmd: list[str], env: dict[str, str], cwd: Path) -> tuple[int, Counter]:
    """``(total self µs, self µs per package)`` of one run of ``python -X importtime`` + ``cmd`` in folder ``cwd``."""
    proc = subprocess.run([sys.executable, "-X", "importtime", *cmd], env=env, capture_output=True, text=True, cwd=cwd)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"importtime: {' '.join(cmd)} exited {proc.returncode}: {proc.stderr.splitlines()[-1:]}")
    per: Counter = Counter()
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, _, name = line[len("import time:"):].split("|", 2)
        per[_group(name.strip())] += int(self_us)
    return sum(per.values()), per


def wall(cmd: list[str], env: dict[str, str], runs: int, cwd: Path) -> float:
    """Median wall seconds of ``runs`` runs of ``python`` + ``cmd`` in folder ``cwd`` (after one unmeasured run)."""
    times = []
    for i in range(runs + 1):
        t = time.perf_counter()
        subprocess.run([sys.executable, *cmd], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd)
        if i:
            times.append(time.perf_counter() - t)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    """Profile the commands and print the table (or JSON); see the module docstring."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", type=Path, default=ROOT, help="the adlint checkout to measure (default: this one)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--top", type=int, default=8)
    ap.add_argument("--check-args", default="--no-cache",
                    help="arguments of check before the file (default --no-cache; '' for a checkout without a cache)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"importtime: corpus not found at {CORPUS}", file=sys.stderr)
        return 2
    posting = sorted(p for p in (CORPUS / "seed").iterdir() if p.is_file())[0]
    root = args.root.resolve()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = os.pathsep.join([str(root), *filter(None, [os.environ.get("PYTHONPATH")])])
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(root / "adlint")], stdout=subprocess.DEVNULL,
                   check=False)
    commands = {"--version": ["-m", "adlint", "--version"], "rules": ["-m", "adlint", "rules"],
                "check (one posting)": ["-m", "adlint", "check", *args.check_args.split(), str(posting)]}
    out = {}
    for label, cmd in commands.items():
        # Run in the measured checkout: `python -m` puts the working folder first on sys.path, before PYTHONPATH.
        wall(cmd, env, 1, root)  # fills the rule-data cache of this checkout
        total, per = profile(cmd, env, root)
        out[label] = {"wall_ms": wall(cmd, env, args.runs, root) * 1000, "imports_ms": total / 1000,
                      "top": [(k, v / 1000) for k, v in per.most_common(args.top)]}
    if args.json:
        print(json.dumps({"root": str(root), "posting": posting.name, "commands": out}, indent=2))
        return 0
    print(f"adlint at {root} · one posting: {posting.name}\n")
    for label, r in out.items():
        top = ", ".join(f"{k} {v:.0f}" for k, v in r["top"])
        print(f"- {label}: wall {r['wall_ms']:.0f} ms, imports {r['imports_ms']:.0f} ms (self ms: {top})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
