"""Hand-judged findings on real postings stay judged: the precision ratchet.

``tests/fixtures/judged/*.jsonl`` holds findings that two independent judges
(a third on disagreement) marked ``correct`` and ``useful`` (see
``benchmarks/JUDGING.md`` and ``benchmarks/precision.py``). Re-linting the
judged postings with today's code:

* a finding judged wrong (``correct: no``) is not reported again, unless it is
  listed in :data:`STILL_WRONG` (known, not yet fixed; the list may only shrink:
  a listed finding that is gone fails the test until it is taken off the list);
* a finding judged right and worth showing (``yes``/``yes``) is still reported.

Matching: corpus-relative path, code, line, and the first quoted subject of the
message (``benchmarks/precision.py``, :func:`same_finding`).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from conftest import ROOT, corpus_or_skip

JUDGED = ROOT / "tests" / "fixtures" / "judged"

#: Judged wrong and still reported: (path, code, line). Each is a known gap, named in the closing notes.
STILL_WRONG: set[tuple[str, str, int]] = set()

#: Judged right and useful but no longer reported: (path, code, line) → why the trade was made.
NO_LONGER_REPORTED: dict[tuple[str, str, int], str] = {
    ("de-arbeitnow/senior-sap-reporting-business-analyst-refnr-46155-munich-381294.html", "AD104", 6):
        "'Einsatzart:' is followed by 'Einsatzort:' of the same section, now read as its sub-heading "
        "(the rule that stops 'Qualifications' → 'Minimum qualifications' being called empty)",
}

#: A judged finding that a rule now reports under another code at the same place still counts as reported:
#: on a short announcement, AD109 replaces AD101 and AD504's lower bound (adlint.genre).
REPLACED_BY = {"AD101": "AD109", "AD504": "AD109"}


def _reported(harness, row: dict, current: list[dict]) -> bool:
    if any(harness.same_finding(row, f) for f in current):
        return True
    new = REPLACED_BY.get(row["code"])
    return new is not None and any(f["code"] == new and f["line"] == row["line"] for f in current)


def _harness():
    spec = importlib.util.spec_from_file_location("precision", ROOT / "benchmarks" / "precision.py")
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


@pytest.fixture(scope="module")
def relinted() -> tuple[list[dict], dict[str, list[dict]], object]:
    corpus = corpus_or_skip()
    harness = _harness()
    rows = harness.load_judged()
    current = harness.lint_files([corpus / p for p in sorted({r["path"] for r in rows})], corpus)
    return rows, current, harness


def test_fixtures_are_small_and_complete() -> None:
    files = sorted(JUDGED.glob("*.jsonl"))
    assert files, "no judged fixtures"
    for f in files:
        for line in f.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            assert {"path", "code", "line", "column", "text", "correct", "useful", "reason"} <= set(row)
            assert row["correct"] in ("yes", "no", "unsure") and row["useful"] in ("yes", "no", "unsure")
            assert len(row["text"]) <= 160  # the flagged text, never the posting


def test_findings_judged_wrong_stay_gone(relinted) -> None:
    rows, current, harness = relinted
    back = []
    for r in rows:
        key = (r["path"], r["code"], r["line"])
        if r["correct"] == "no" and key not in STILL_WRONG:
            if any(harness.same_finding(r, f) for f in current.get(r["path"], [])):
                back.append(f"{key}: {r['reason']}")
    assert not back, "findings judged wrong are reported again:\n" + "\n".join(back)


def test_known_wrong_list_only_shrinks(relinted) -> None:
    rows, current, harness = relinted
    by_key = {(r["path"], r["code"], r["line"]): r for r in rows}
    fixed = [k for k in STILL_WRONG if k in by_key
             and not any(harness.same_finding(by_key[k], f) for f in current.get(k[0], []))]
    assert not fixed, f"fixed: take these off STILL_WRONG: {fixed}"
    assert all(k in by_key and by_key[k]["correct"] == "no" for k in STILL_WRONG)


def test_findings_judged_right_and_useful_stay_reported(relinted) -> None:
    rows, current, harness = relinted
    lost = [f"{(r['path'], r['code'], r['line'])}: {r['reason']}" for r in rows
            if r["correct"] == "yes" and r["useful"] == "yes"
            and (r["path"], r["code"], r["line"]) not in NO_LONGER_REPORTED
            and not _reported(harness, r, current.get(r["path"], []))]
    assert not lost, "findings judged right and useful are no longer reported:\n" + "\n".join(lost)
