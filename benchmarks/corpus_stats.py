"""Findings on the corpus: per folder, per posting and severity, and each rule's share, for one or two revisions.

Run from the project root with adlint installed (the first command of README.md)::

    .venv/bin/python benchmarks/corpus_stats.py                      # the working tree
    .venv/bin/python benchmarks/corpus_stats.py --before c4b0656^    # and a git revision, side by side
    .venv/bin/python benchmarks/corpus_stats.py --before c4b0656^ --markdown --rule AD301

A revision is checked out with ``git worktree`` into a temporary folder and run
as ``python -m adlint`` with that folder first on ``PYTHONPATH`` (the packages
of the current environment serve both). Default rules, no configuration
(``--isolated``), JSON output over ``../shared/corpus``. Exit status 0; 2 when
the corpus or the revision is missing.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
SEVERITIES = ("error", "warning", "info")


def lint(corpus: Path, code_root: Path | None) -> list[dict]:
    """adlint's JSON findings on ``corpus`` with default rules; ``code_root`` is another checkout to run instead."""
    env = dict(os.environ)
    if code_root is not None:
        env["PYTHONPATH"] = str(code_root) + os.pathsep + env.get("PYTHONPATH", "")
    with tempfile.TemporaryDirectory(prefix="adlint-stats-cache-") as cache:  # a cold run, every time
        env["ADLINT_CACHE_DIR"] = cache
        out = subprocess.run([sys.executable, "-m", "adlint", "check", "--isolated", "--exit-zero",
                              "--output-format", "json", str(corpus)], capture_output=True, text=True, env=env,
                             cwd=str(code_root or ROOT))
    if out.returncode not in (0, 1):
        sys.exit(f"adlint failed ({out.returncode}): {out.stderr[:2000]}")
    return json.loads(out.stdout or "[]")


def postings(corpus: Path) -> dict[str, int]:
    """Number of postings per folder (files other than README)."""
    return {d.name: sum(1 for f in d.iterdir() if f.is_file() and not f.name.lower().startswith("readme"))
            for d in sorted(corpus.iterdir()) if d.is_dir()}


def tally(findings: list[dict], corpus: Path) -> dict:
    """``{"folders": {folder: {severity: count}}, "rules": {code: count}, "total": n}`` for findings in folders."""
    folders: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    rules: collections.Counter = collections.Counter()
    total = 0
    base = corpus.resolve()
    for f in findings:
        rel = Path(f["path"]).resolve().relative_to(base)
        if len(rel.parts) < 2:
            continue  # the corpus README
        folders[rel.parts[0]][f["severity"]] += 1
        rules[f["code"]] += 1
        total += 1
    return {"folders": folders, "rules": rules, "total": total}


def checkout(rev: str) -> Path:
    """A temporary worktree of ``rev``."""
    path = Path(tempfile.mkdtemp(prefix="adlint-stats-")) / "tree"
    done = subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(path), rev],
                          capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"cannot check out {rev}: {done.stderr.strip()}")
    return path


def main(argv: list[str] | None = None) -> int:
    """Print the tables; see the module docstring."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--before", metavar="REV", help="also lint with this git revision, side by side")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--rule", action="append", default=[], help="show this rule's share (repeatable)")
    ap.add_argument("--markdown", action="store_true")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    counts = postings(args.corpus)
    runs = {}
    tree = None
    try:
        if args.before:
            tree = checkout(args.before)
            runs["before"] = tally(lint(args.corpus, tree), args.corpus)
        runs["now"] = tally(lint(args.corpus, None), args.corpus)
    finally:
        if tree is not None:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], capture_output=True)
    head = ["folder", "postings"] + [f"{k} {s}/posting" for k in runs for s in SEVERITIES]
    lines = [head]
    for folder, n in counts.items():
        row = [folder, str(n)]
        for k in runs:
            c = runs[k]["folders"].get(folder, {})
            row += [f"{c.get(s, 0) / n:.2f}" for s in SEVERITIES]
        lines.append(row)
    lines.append(["all findings", str(sum(counts.values()))] + [str(runs[k]["total"]) if i == 0 else ""
                                                              for k in runs for i in range(3)])
    for code in args.rule:
        row = [f"{code} share", ""]
        for k in runs:
            n = runs[k]["rules"].get(code, 0)
            row += [f"{n} ({100 * n / max(1, runs[k]['total']):.1f}%)", "", ""]
        lines.append(row)
    if args.markdown:
        print("| " + " | ".join(lines[0]) + " |")
        print("|" + "---|" * len(lines[0]))
        for row in lines[1:]:
            print("| " + " | ".join(row) + " |")
    else:
        for row in lines:
            print("  ".join(f"{c:>14}" for c in row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
