"""Per-folder rates of recognised sections over the corpus.

Usage: python benchmarks/sections_report.py [CORPUS]   (default ../shared/corpus)

Prints, for each corpus folder, the share of postings in which adlint found a
responsibilities section, a requirements section, and both.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from adlint.config import resolve
from adlint.linter import read_posting


def main(argv: list[str]) -> int:
    corpus = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
    cfg = resolve({}, None, Path.cwd())
    stats: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for f in sorted(corpus.rglob("*")):
        if not f.is_file() or f.name == "README.md":
            continue
        folder = f.relative_to(corpus).parts[0] + ("" if f.suffix != ".txt" or "remote" not in f.parent.name else " (txt)")
        p = read_posting(str(f), f.read_bytes(), cfg)
        ids = {s.id for s in p.sections}
        row = stats[folder]
        row[0] += 1
        row[1] += "responsibilities" in ids
        row[2] += "requirements" in ids
        row[3] += {"responsibilities", "requirements"} <= ids
    print(f"{'folder':<22} {'postings':>8} {'resp.':>7} {'req.':>7} {'both':>7}")
    for folder, (n, a, b, c) in sorted(stats.items()):
        print(f"{folder:<22} {n:>8} {a / n:>7.1%} {b / n:>7.1%} {c / n:>7.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
