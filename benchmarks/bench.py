"""adlint side by side with peer prose linters, in one run: cold and warm, one process and a pool.

Every row runs real processes on the real corpus (``../shared/corpus``) and
reports the median wall time of several runs, the throughput and the peak
memory of the process (GNU ``/usr/bin/time -f %M``, the largest resident set
of the process or of any one of its workers). Rows:

* ``adlint --version``: bare start-up;
* one posting (the seed posting): adlint's first run ever (no result cache
  and no cache of validated rule data), adlint cold (an empty result cache
  each run; the rule data cached, as after any first run), adlint warm (the
  result cache filled by a first run), and each peer;
* the Markdown and plain-text postings of the corpus (the files every peer
  reads): adlint cold with ``--jobs 1`` and with the default (every CPU),
  adlint warm, and each peer given all files in one process.

Peers, when installed (``PATH``): write-good and alex (npm: ``npm install -g
write-good alex``) and proselint (PyPI: ``pipx install proselint``, or
``--proselint PATH``); a peer not found is reported absent. Ratios in the
summary compare adlint with write-good, as issue 12 states its goals.

Usage, from the project root with adlint installed::

    .venv/bin/python benchmarks/bench.py [--runs 7] [--corpus-runs 3] [--json]

Exit status 0; 1 when an adlint run failed (exit 2; the table is still
printed); 2 when the corpus is missing.
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
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
TIME = "/usr/bin/time"


def measure(cmd: list[str], runs: int, env: dict | None = None, prepare=None, cwd: Path = ROOT) -> dict:
    """Run ``cmd`` once to warm the OS caches, then ``runs`` times; median wall seconds, peak KiB, last exit code.

    ``prepare`` is called before every run (an empty cache directory for a cold run).
    """
    wrap = [TIME, "-f", "%M"] if os.path.exists(TIME) else []
    times, peaks, code, err = [], [], 0, ""
    for i in range(runs + 1):
        if prepare is not None:
            prepare()
        t0 = time.perf_counter()
        proc = subprocess.run(wrap + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                              cwd=cwd, env=env)
        dt = time.perf_counter() - t0
        code = proc.returncode
        lines = proc.stderr.decode(errors="replace").strip().splitlines()
        if wrap and lines and lines[-1].strip().isdigit():
            peaks.append(int(lines[-1]))
            lines = lines[:-1]
        if code not in (0, 1) and not err:
            err = "\n".join(lines[-4:])
        if i:
            times.append(dt)
    return {"median": statistics.median(times), "runs": times, "peak_kib": max(peaks) if peaks else None,
            "exit": code, "error": err or None}


def peers(proselint: str | None) -> dict[str, list[str] | None]:
    """Peer commands (argument lists to which file paths are appended), ``None`` when not installed."""
    found: dict[str, list[str] | None] = {}
    for name in ("write-good", "alex"):
        exe = shutil.which(name)
        found[name] = [exe] if exe else None
    exe = proselint or shutil.which("proselint")
    found["proselint"] = [exe, "check"] if exe and os.path.exists(exe) else None  # proselint 0.14+: `check FILE…`
    return found


def main(argv: list[str] | None = None) -> int:
    """Run every row and print the table (or JSON); see the module docstring."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7, help="measured runs of one-posting rows (default 7)")
    ap.add_argument("--corpus-runs", type=int, default=3, help="measured runs of corpus rows (default 3)")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--proselint", help="path of a proselint executable (default: on PATH)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"bench: corpus not found at {args.corpus}", file=sys.stderr)
        return 2
    posting = sorted(p for p in (args.corpus / "seed").iterdir() if p.is_file())[0]
    texts = sorted(str(p) for p in args.corpus.rglob("*") if p.suffix in (".md", ".txt") and p.name != "README.md")
    # adlint runs in an empty folder: its result cache is <work>/.adlint_cache (a "cold" run empties it), and the
    # validated rule data is cached under <work>/xdg, kept between runs as it is after adlint's first run ever.
    work = Path(tempfile.mkdtemp(prefix="adlint-bench-"))
    cache = work / ".adlint_cache"
    # As a pip install leaves it: byte code compiled and used (some shells set PYTHONDONTWRITEBYTECODE,
    # which would charge every run for compiling adlint's sources).
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "ADLINT_CACHE_DIR",
                                                            "ADLINT_NO_CACHE")}
    env["XDG_CACHE_HOME"] = str(work / "xdg")
    import adlint as pkg

    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(pkg.__file__).parent)],
                   stdout=subprocess.DEVNULL, check=False)

    def empty_cache() -> None:
        shutil.rmtree(cache, ignore_errors=True)

    adlint = [sys.executable, "-m", "adlint"]
    rows: list[tuple[str, str, int, dict]] = []  # (group, label, files, result)

    def row(group: str, label: str, cmd: list[str], files: int, runs: int, prepare=None, warm_first=False) -> None:
        if warm_first:
            empty_cache()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=work, env=env)
        rows.append((group, label, files, measure(cmd, runs, env, prepare, cwd=work)))

    def no_caches() -> None:
        shutil.rmtree(work / "xdg", ignore_errors=True)
        empty_cache()

    row("start-up", "adlint --version", [*adlint, "--version"], 0, args.runs)
    one = [*adlint, "check", str(posting)]
    row("one posting", "adlint, first run (no caches)", one, 1, args.runs, prepare=no_caches)
    row("one posting", "adlint, cold (empty cache)", one, 1, args.runs, prepare=empty_cache)
    row("one posting", "adlint, warm (cached)", one, 1, args.runs, warm_first=True)
    found = peers(args.proselint)
    for name, cmd in found.items():
        if cmd:
            row("one posting", name, [*cmd, str(posting)], 1, args.runs)
    n = len(texts)
    bulk = [*adlint, "check", *texts]
    row("corpus .md/.txt", "adlint --jobs 1, cold", [*adlint, "check", "--jobs", "1", *texts], n, args.corpus_runs,
        prepare=empty_cache)
    row("corpus .md/.txt", "adlint (all CPUs), cold", bulk, n, args.corpus_runs, prepare=empty_cache)
    row("corpus .md/.txt", "adlint, warm (cached)", bulk, n, args.corpus_runs, warm_first=True)
    for name, cmd in found.items():
        if cmd:
            row("corpus .md/.txt", name, [*cmd, *texts], n, args.corpus_runs)
    shutil.rmtree(work, ignore_errors=True)

    def get(group: str, label: str) -> dict | None:
        return next((r for g, lbl, _, r in rows if g == group and lbl == label), None)

    wg1, wgn = get("one posting", "write-good"), get("corpus .md/.txt", "write-good")
    summary = {}
    if wg1:
        summary["one posting, cold: adlint / write-good wall time"] = get("one posting", "adlint, cold (empty cache)")["median"] / wg1["median"]
    if wgn:
        summary["corpus, cold, default: adlint / write-good throughput"] = wgn["median"] / get("corpus .md/.txt", "adlint (all CPUs), cold")["median"]
    summary["corpus: cold / warm wall time"] = (get("corpus .md/.txt", "adlint (all CPUs), cold")["median"]
                                               / get("corpus .md/.txt", "adlint, warm (cached)")["median"])
    summary["peak memory of any adlint process, MiB"] = max((r["peak_kib"] or 0) for _, lbl, _, r in rows
                                                            if lbl.startswith("adlint")) / 1024

    meta = {"adlint": pkg.__version__, "python": platform.python_version(), "cpus": os.cpu_count(),
            "posting": str(posting), "corpus_files": n,
            "absent": [k for k, v in found.items() if v is None]}
    failed = [lbl for _, lbl, _, r in rows if lbl.startswith("adlint") and r["error"]]
    for _, lbl, _, r in rows:
        if not lbl.startswith("adlint") and r["error"]:
            print(f"bench: warning: {lbl} exited {r['exit']}: {r['error']}", file=sys.stderr)
    if args.json:
        print(json.dumps({"meta": meta, "rows": [{"group": g, "label": lbl, "files": f, **r} for g, lbl, f, r in rows],
                          "summary": summary}, indent=2))
        return 1 if failed else 0
    print(f"adlint {meta['adlint']} · Python {meta['python']} · {meta['cpus']} CPUs · one posting: {posting.name} · "
          f"corpus: {n} .md/.txt postings" + (f" · absent: {', '.join(meta['absent'])}" if meta["absent"] else ""))
    print(f"\n| {'what':<18} | {'tool':<26} | median ms | postings/s | peak MiB |\n|---|---|---|---|---|")
    for g, lbl, files, r in rows:
        rate = f"{files / r['median']:,.0f}" if files else ""
        peak = f"{r['peak_kib'] / 1024:.0f}" if r["peak_kib"] else ""
        print(f"| {g:<18} | {lbl:<26} | {r['median'] * 1000:,.0f} | {rate} | {peak} |")
    print()
    for k, v in summary.items():
        print(f"- {k}: {v:.2f}")
    for lbl in failed:
        print(f"bench: warning: {lbl} failed", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
