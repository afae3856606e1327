"""Hand-judged findings on real postings stay judged: the precision ratchet.

``tests/fixtures/judged/<round>.jsonl`` holds findings that two independent
judges (a third on disagreement) marked ``correct`` and ``useful`` (see
``benchmarks/JUDGING.md`` and ``benchmarks/precision.py``). Re-linting the
judged postings with today's code:

* a finding judged wrong (``correct: no``) is not reported again, unless
  ``<round>.known.json`` lists it under ``still_wrong`` (a known gap, with its
  reason); the list may only shrink: a listed finding that is gone fails the
  test until ``precision.py known`` rewrites the list;
* a finding judged right and worth showing is still reported, unless listed
  under ``no_longer_reported`` with the reason for the trade.

Matching: corpus-relative path, code, line, and the first quoted subject of the
message; AD109 stands in for AD101/AD504 on short postings
(``benchmarks/precision.py``, :func:`reported`).
"""

from __future__ import annotations

import importlib.util
import json

import pytest

from conftest import ROOT, corpus_or_skip

JUDGED = ROOT / "tests" / "fixtures" / "judged"


def _known(kind: str) -> dict[tuple[str, str, int], str]:
    out = {}
    for f in sorted(JUDGED.glob("*.known.json")):
        for path, code, line, why in json.loads(f.read_text(encoding="utf-8"))[kind]:
            out[(path, code, line)] = why
    return out


STILL_WRONG = _known("still_wrong")
NO_LONGER_REPORTED = _known("no_longer_reported")


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
    assert len(files) >= 2, "no judged fixtures"
    for f in files:
        for line in f.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            assert {"path", "code", "line", "column", "text", "correct", "useful", "reason"} <= set(row)
            assert row["correct"] in ("yes", "no", "unsure") and row["useful"] in ("yes", "no", "unsure")
            assert len(row["text"]) <= 160  # the flagged text, never the posting
    for key, why in {**STILL_WRONG, **NO_LONGER_REPORTED}.items():
        assert why.strip(), f"{key} is listed without a reason"


def test_findings_judged_wrong_stay_gone(relinted) -> None:
    rows, current, harness = relinted
    back = [f"{(r['path'], r['code'], r['line'])}: {r['reason']}" for r in rows
            if r["correct"] == "no" and (r["path"], r["code"], r["line"]) not in STILL_WRONG
            and any(harness.same_finding(r, f) for f in current.get(r["path"], []))]
    assert not back, "findings judged wrong are reported again:\n" + "\n".join(back)


def test_known_wrong_list_only_shrinks(relinted) -> None:
    rows, current, harness = relinted
    wrong: dict[tuple[str, str, int], list[dict]] = {}
    for r in rows:
        if r["correct"] == "no":
            wrong.setdefault((r["path"], r["code"], r["line"]), []).append(r)
    assert all(k in wrong for k in STILL_WRONG), "a listed finding was not judged wrong"
    fixed = [k for k in STILL_WRONG
             if not any(harness.same_finding(r, f) for r in wrong[k] for f in current.get(k[0], []))]
    assert not fixed, f"fixed: run `python benchmarks/precision.py known --round ...` to take these off: {fixed}"


def test_findings_judged_right_and_useful_stay_reported(relinted) -> None:
    rows, current, harness = relinted
    lost = [f"{(r['path'], r['code'], r['line'])}: {r['reason']}" for r in rows
            if r["correct"] == "yes" and r["useful"] == "yes"
            and (r["path"], r["code"], r["line"]) not in NO_LONGER_REPORTED
            and not harness.reported(r, current.get(r["path"], []))]
    assert not lost, "findings judged right and useful are no longer reported:\n" + "\n".join(lost)
