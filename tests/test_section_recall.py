"""Section recognition measured against 40 hand-labelled real postings.

The labels (tests/fixtures/sections/labels_*.yaml) were written by people
reading each posting, without looking at adlint's classifier. A labelled
heading counts as found when adlint reports a heading with the same
normalised text on the same line; precision and recall are computed over
canonical section ids (headings labelled null are not counted).
"""

from __future__ import annotations

from pathlib import Path

import yaml

from adlint.config import resolve
from adlint.linter import read_posting
from adlint.sections import normalise
from tests.conftest import corpus_or_skip

FIXTURES = Path(__file__).parent / "fixtures" / "sections"


def _labels() -> list[dict]:
    out = []
    for f in sorted(FIXTURES.glob("labels_*.yaml")):
        out.extend(yaml.safe_load(f.read_text(encoding="utf-8"))["postings"])
    return out


def _predicted(path: Path) -> list[tuple[str, int, str | None]]:
    cfg = resolve({}, None, Path.cwd())
    posting = read_posting(str(path), path.read_bytes(), cfg)
    out = []
    for s in posting.sections:
        if s.heading is not None:
            line, _ = posting.position(s.heading.span()[0])
            out.append((normalise(s.heading.text), line, s.id))
    return out


def measure() -> tuple[float, float, list[str]]:
    """Return (precision, recall, mismatches) over all labelled postings."""
    corpus = corpus_or_skip()
    tp = fp = fn = 0
    misses: list[str] = []
    for entry in _labels():
        pred = _predicted(corpus / entry["path"])
        pred_by_key = {(t, line): sid for t, line, sid in pred}
        labelled = {(normalise(s["heading"]), s["line"]): s["id"] for s in entry["sections"]}
        for key, sid in labelled.items():
            got = pred_by_key.get(key)
            if sid is None:
                if got is not None:
                    fp += 1
                    misses.append(f"{entry['path']}:{key[1]} '{key[0]}': labelled null, got {got}")
                continue
            if got == sid:
                tp += 1
            else:
                fn += 1
                if got is not None:
                    fp += 1
                misses.append(f"{entry['path']}:{key[1]} '{key[0]}': labelled {sid}, got {got}")
        for key, sid in pred_by_key.items():
            if sid is not None and key not in labelled:
                fp += 1
                misses.append(f"{entry['path']}:{key[1]} '{key[0]}': not a labelled heading, got {sid}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, misses


def test_labels_cover_forty_postings() -> None:
    labels = _labels()
    assert len(labels) == 40
    assert len({e["path"].split("/")[0] for e in labels}) == 5  # every corpus folder


def test_section_precision_and_recall_at_least_090() -> None:
    precision, recall, misses = measure()
    detail = "\n".join(misses)
    assert precision >= 0.9, f"precision {precision:.3f}\n{detail}"
    assert recall >= 0.9, f"recall {recall:.3f}\n{detail}"


if __name__ == "__main__":  # python -m tests.test_section_recall: print the figures
    p, r, m = measure()
    print("\n".join(m))
    print(f"precision {p:.3f} recall {r:.3f}")
