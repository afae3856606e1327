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
STILL_WRONG: set[tuple[str, str, int]] = {
    # AD501 on German keyword bullets: long compounds, not hard text (Amstad has no list-aware variant)
    ("de-arbeitnow/fachinformatiker-systemintegration-it-systemadministrator-wiesbaden-114837.html", "AD501", 1),
    # sentences glued without a space after the full stop ("hinausgehen.Unser")
    ("de-arbeitnow/junior-artist-manager-influencer-manager-mulheim-199586.html", "AD503", 41),
    # location named only in prose ("FinTech Startup in Berlin"): no city gazetteer
    ("de-arbeitnow/online-marketing-manager-berlin-133452.html", "AD101", 1),
    # flattened list items of Title Case fragments still joined
    ("en-hn/47720918.html", "AD503", 3),
    ("en-remote/weworkremotely_0483.txt", "AD503", 1),
    # five 'Label:' requirement lines read as one paragraph
    ("en-hn/47996843.html", "AD105", 2),
    # a bold "Requirements" heading over differently named sub-sections
    ("en-remote/remotive_0009.jsonld", "AD104", 5),
    # 'Your Contributions to Our Journey:' is not a known responsibilities heading
    ("en-remote/remotive_0078.jsonld", "AD101", 1),
    # Markdown headings used as a call to action, a tagline or a bold list item
    ("fr-betagouv/2020-07-21-biz-dev-bal.md", "AD104", 69),
    ("fr-betagouv/2021-06-29-un.e.developpeur.se.full.stack.md", "AD104", 7),
    ("fr-betagouv/2021-07-08-dev.javascript.ruby.confirme.ou.senior.pour.la.startup.mon.suivi.justice.md", "AD104", 7),
    ("fr-betagouv/2022-04-27-une.developpeuse.ou.un.developpeur.full.stack.experimente.e.md", "AD104", 92),
}

#: Judged right and useful but no longer reported: (path, code, line) → why the trade was made.
NO_LONGER_REPORTED: dict[tuple[str, str, int], str] = {
    ("de-arbeitnow/senior-sap-reporting-business-analyst-refnr-46155-munich-381294.html", "AD104", 6):
        "'Einsatzart:' is followed by 'Einsatzort:' of the same section, now read as its sub-heading "
        "(the rule that stops 'Qualifications' → 'Minimum qualifications' being called empty)",
    # adlint/prose.py cuts runs of capitalised fragments to split flattened lists; it also cuts some real
    # long sentences ("… Human-Computer Interaction, Computer Science, …"), a known over-reach to narrow.
    ("en-google/google_0810.md", "AD503", 17): "capitalised-fragment cuts split a real 52-word item sentence",
    ("en-hn/46864577.html", "AD502", 1): "capitalised-fragment cuts shorten real long sentences",
    ("en-hn/46864577.html", "AD503", 1): "capitalised-fragment cuts shorten real long sentences",
    ("en-remote/weworkremotely_0379.txt", "AD501", 1): "list-item units raise the ease score above the info bound",
    ("en-remote/weworkremotely_0469.txt", "AD501", 1): "list-item units raise the ease score above the info bound",
}

# Round 2 (the fresh sample after the changes) was judged at the end of the session: its known gaps are
# kept as data, each with the judges' reason, until the rules below 90% are narrowed (see the closing notes).
_R2 = json.loads((JUDGED / "r2-known.json").read_text(encoding="utf-8"))
STILL_WRONG |= {(p, c, n) for p, c, n, _ in _R2["still_wrong"]}
NO_LONGER_REPORTED.update({(p, c, n): why for p, c, n, why in _R2["no_longer_reported"]})

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
