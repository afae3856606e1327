"""Wall-clock benchmark of adlint on the real-posting corpus.

Measures, with :func:`time.perf_counter` around real subprocesses of
``python -m adlint`` (the interpreter running this script):

* ``adlint --version``: bare start-up, what every pre-commit process pays;
* ``adlint check <one posting>``: the seed posting, the cost of one commit;
* ``adlint check <corpus>``: every posting in ``../shared/corpus``;

each as the median of N runs after one warm-up run. It also lints every corpus
file in this process (read, parse, all default rules) and reports the total and
the per-posting cost without start-up.

Usage (from the project root, with adlint installed)::

    python benchmarks/bench.py [--runs 7] [--corpus-runs 3] [--one-core] [--json]

Times are wall-clock seconds in ``--json`` and milliseconds in the table.
Exit status 0; 1 when an adlint run exited 2 (the timings are still printed,
with a warning); 2 when the corpus is missing.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def _prefix(one_core: bool) -> list[str]:
    """Command prefix pinning a subprocess to CPU 0 (``taskset -c 0``), or nothing."""
    if one_core and shutil.which("taskset"):
        return ["taskset", "-c", "0"]
    return []


def time_command(cmd: list[str], runs: int, warmup: int = 1) -> dict:
    """Run ``cmd`` ``warmup`` + ``runs`` times; return the timings of the measured runs.

    Returns ``{"runs": [seconds...], "median": s, "min": s, "max": s, "exit": code,
    "error": first lines of stderr when adlint exited 2 (usage, config or internal
    error), else None}``. Output is discarded (written to ``/dev/null``), so
    reporting is included in the time.
    """
    times: list[float] = []
    code = 0
    error = None
    for i in range(warmup + runs):
        start = time.perf_counter()
        proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                              cwd=ROOT)
        elapsed = time.perf_counter() - start
        code = proc.returncode
        if code not in (0, 1) and error is None:
            lines = proc.stderr.decode(errors="replace").splitlines()
            error = "\n".join(lines[:4] + ([f"... ({len(lines) - 4} more lines)"] if len(lines) > 4 else []))
        if i >= warmup:
            times.append(elapsed)
    return {"runs": times, "median": statistics.median(times), "min": min(times), "max": max(times),
            "exit": code, "error": error}


def in_process(corpus: Path) -> dict:
    """Lint every posting under ``corpus`` in this process, as ``adlint check`` would find them.

    Returns counts and seconds: ``files``, ``diagnostics``, ``total`` (loop wall
    time, excluding imports and config), ``first`` (a warm-up lint of the first
    file, not in ``total``, which pays the lazy loading of rule data), ``mean``, ``median``, ``p95``, ``max`` per
    posting and ``slowest`` (path of the slowest file).
    """
    from adlint.config import ConfigResolver
    from adlint.files import discover
    from adlint.linter import lint_bytes

    resolver = ConfigResolver()
    files = list(discover([corpus], resolver))
    cold = 0.0
    if files:  # warm-up outside the timed loop: the first lint loads rule data and lazy modules
        t0 = time.perf_counter()
        lint_bytes(str(files[0]), files[0].read_bytes(), resolver.for_path(files[0]), files[0])
        cold = time.perf_counter() - t0
    per_file: list[tuple[float, str]] = []
    n_diags = 0
    crashes = 0
    start = time.perf_counter()
    for f in files:
        t0 = time.perf_counter()
        res = lint_bytes(str(f), f.read_bytes(), resolver.for_path(f), f)
        per_file.append((time.perf_counter() - t0, str(f)))
        n_diags += len(res.diagnostics)
        crashes += len(res.crashes)
    total = time.perf_counter() - start
    times = sorted(t for t, _ in per_file)
    slowest = max(per_file)
    return {
        "files": len(files), "diagnostics": n_diags, "crashes": crashes, "total": total,
        "first": cold,
        "mean": total / len(files) if files else 0.0,
        "median": statistics.median(times) if times else 0.0,
        "p95": times[int(0.95 * (len(times) - 1))] if times else 0.0,
        "max": slowest[0] if per_file else 0.0,
        "slowest": os.path.relpath(slowest[1], corpus) if per_file else None,
    }


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f}"


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a table (or JSON with ``--json``); returns the exit status."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=7, help="measured runs of the one-posting commands (default 7)")
    ap.add_argument("--corpus-runs", type=int, default=3, help="measured runs of the whole-corpus check (default 3)")
    ap.add_argument("--posting", type=Path, default=CORPUS / "seed", help="posting (or folder) for the one-posting run")
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="folder of postings (default ../shared/corpus)")
    ap.add_argument("--one-core", action="store_true", help="pin everything to CPU 0 (taskset -c 0 when available)")
    ap.add_argument("--json", action="store_true", help="print machine-readable JSON instead of a table")
    args = ap.parse_args(argv)

    if not args.corpus.is_dir() or not args.posting.exists():
        print(f"bench: corpus not found at {args.corpus} (or posting {args.posting})", file=sys.stderr)
        return 2
    posting = args.posting
    if posting.is_dir():  # the seed folder holds one posting
        found = sorted(p for p in posting.iterdir() if p.is_file() and p.suffix in (".md", ".txt", ".html", ".jsonld"))
        posting = found[0]

    pinned = False
    if args.one_core:
        prefix = _prefix(True)
        pinned = bool(prefix)
        if hasattr(os, "sched_setaffinity"):
            os.sched_setaffinity(0, {0})  # the in-process part, and children inherit it
            pinned = True
    adlint = [*_prefix(args.one_core), sys.executable, "-m", "adlint"]

    results = {
        "version": time_command([*adlint, "--version"], args.runs),
        "one_posting": time_command([*adlint, "check", str(posting.resolve())], args.runs),
        "corpus": time_command([*adlint, "check", str(args.corpus.resolve())], args.corpus_runs),
    }
    failed = {k: r for k, r in results.items() if r["error"] is not None}
    for key, r in failed.items():
        print(f"bench: warning: {key}: adlint exited {r['exit']}; timings may not be representative:\n{r['error']}",
              file=sys.stderr)
    inproc = in_process(args.corpus.resolve())

    import adlint

    meta = {
        "adlint": adlint.__version__, "adlint_module": adlint.__file__, "python": platform.python_version(),
        "machine": platform.machine(), "cpus": os.cpu_count(),
        "cpus_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "one_core": args.one_core, "pinned": pinned, "posting": str(posting), "corpus": str(args.corpus),
        "corpus_files": inproc["files"],
    }
    if args.json:
        print(json.dumps({"meta": meta, "subprocess": results, "in_process": inproc}, indent=2))
        return 1 if failed else 0

    print(f"adlint {meta['adlint']} · Python {meta['python']} · {meta['cpus_usable']} of {meta['cpus']} CPUs usable"
          + (" · pinned to CPU 0" if pinned else ""))
    print(f"one posting: {posting}\ncorpus: {args.corpus} ({inproc['files']} postings)\n")
    print(f"{'command':<34} {'runs':>4} {'median ms':>10} {'min ms':>10} {'max ms':>10} {'exit':>5}")
    rows = [("adlint --version", "version"), ("adlint check <one posting>", "one_posting"),
            ("adlint check <corpus>", "corpus")]
    for label, key in rows:
        r = results[key]
        print(f"{label:<34} {len(r['runs']):>4} {_ms(r['median']):>10} {_ms(r['min']):>10} {_ms(r['max']):>10} {r['exit']:>5}")
    per_posting = results["corpus"]["median"] / max(inproc["files"], 1)
    print(f"{'  per posting (corpus median / n)':<34} {'':>4} {_ms(per_posting):>10}")
    print(f"\nin process ({inproc['files']} postings, {inproc['diagnostics']} findings, {inproc['crashes']} rule crashes):")
    print(f"  total {_ms(inproc['total'])} ms · mean {_ms(inproc['mean'])} ms · median {_ms(inproc['median'])} ms"
          f" · p95 {_ms(inproc['p95'])} ms · max {_ms(inproc['max'])} ms ({inproc['slowest']})")
    print(f"  warm-up lint of the first posting (loads rule data, not in total) {_ms(inproc['first'])} ms"
          f" · throughput {inproc['files'] / inproc['total']:,.0f} postings/s" if inproc["total"] else "")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
