"""AD3xx on the real postings of ../shared/corpus (skipped when the corpus is absent)."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from adlint import registry
from adlint.checks.inclusive_base import scan
from adlint.checks.inclusive_gender import GenderCodedOptions, coded_counts
from adlint.config import resolve
from adlint.linter import lint_text, read_posting

from conftest import corpus_or_skip

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "gender_coded" / "en_hand_counts.yaml"
HAND = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))["postings"]


@lru_cache(maxsize=1)
def _config():
    return resolve({"select": ["AD3"]}, None, ROOT)


def _lint(path: Path):
    cfg = _config()
    return lint_text(path.read_text(encoding="utf-8"), str(path), cfg)


@pytest.mark.parametrize("case", HAND, ids=[c["path"] for c in HAND])
def test_gender_coded_counts_match_the_hand_counts(case):
    """The hand counts follow the paper (every word of a stem); adlint counts a subset of them.

    Every word the hand count has and adlint leaves out is a task or role word of the pack's exceptions
    ("analysis", "lead"), or stands in a job title or name, or in a section about the company, pay or
    benefits; adlint never counts a word the hand count does not.
    """
    path = corpus_or_skip() / case["path"]
    res = _lint(path)
    m, f, words, hits = coded_counts(res.posting, GenderCodedOptions())
    got_m = [r.text[h.start:h.end].lower() for r, h in hits if h.entry.category == "masculine"]
    got_f = [r.text[h.start:h.end].lower() for r, h in hits if h.entry.category == "feminine"]
    sc = scan(res.posting)
    pack = next(p for p in sc.matcher.packs if p.pack == "gender_coded")
    counted = {(id(r), h.start) for r, h in hits}
    for side, got in (("masculine", got_m), ("feminine", got_f)):
        rest = list(got)
        for w in case[side]:
            if w in rest:
                rest.remove(w)
        assert rest == [], f"counted beyond the hand count: {rest}"
    # Each word left out has a reason adlint documents.
    for r, h in sc.matches("AD301", ("block",)):
        if (id(r), h.start) in counted:
            continue
        word = r.text[h.start:h.end].lower()
        section = r.section.id if r.section is not None else None
        assert (word in pack.exceptions or section in pack.not_in_sections
                or any(n.start <= h.start and h.end <= n.end for n in _names(res.posting, sc, r))
                or h.entry.category not in ("masculine", "feminine")), (word, section)
    assert words < 500  # so the verdict follows from the counts alone
    doc = [d for d in res.diagnostics if d.code == "AD301" and d.message.startswith("posting is")]
    side = "masculine" if m > f else None
    if side is None or m < GenderCodedOptions().min_evidence:
        assert doc == []  # not masculine, or too few words on its side for a verdict
        return
    assert len(doc) == 1 and "masculine-coded" in doc[0].message
    src = res.posting.source
    assert [src[r.start:r.end].lower() for r in doc[0].related] == got_m


def _names(posting, sc, run):
    from adlint.context import context_for
    from adlint.terms import role_heads_for
    return context_for(posting, sc.language, role_heads_for(sc.language)).names(run)


def _postings(folder: str):
    root = corpus_or_skip() / folder
    cfg = _config()
    for p in sorted(root.iterdir()):
        yield p, read_posting(str(p), p.read_bytes(), cfg)


_INCLUSIVE_TITLE = re.compile(r"[·‧]|\(e\)|\.e\b|\bH/F\b|\bF/H\b|\bune ou un\b|\bun ou une\b", re.I)


def test_fr_betagouv_inclusive_titles_are_not_reported():
    checked = 0
    for path, posting in _postings("fr-betagouv"):
        if posting.title is None or not _INCLUSIVE_TITLE.search(posting.title.text):
            continue
        checked += 1
        res = _lint(path)
        assert [d for d in res.diagnostics if d.code == "AD304"] == [], (path.name, posting.title.text)
    assert checked >= 100


def test_fr_betagouv_point_median_titles_like_un_e_developpeur_se():
    seen = 0
    for path, posting in _postings("fr-betagouv"):
        if posting.title and re.search(r"un[·‧.]e\b.*développeur[·‧.]", posting.title.text, re.I):
            seen += 1
            assert not [d for d in _lint(path).diagnostics if d.code == "AD304"], posting.title.text
    assert seen >= 1


_DE_MARKER = re.compile(r"\((?:m/w/d|w/m/d|d/w/m|m/f/d|f/m/d|all genders|w/m/x|m/w/x)\)", re.I)


def test_de_arbeitnow_titles_with_markers_are_not_reported():
    """The HTML files have no title; their title lines (bold first lines, headings) are checked as titles."""
    titles = []
    for _, posting in _postings("de-arbeitnow"):
        assert posting.title is None
        sc = scan(posting)
        for run in sc.runs:
            if run.kind in ("heading", "block") and len(run.text) < 120 and _DE_MARKER.search(run.text):
                titles.append(run.text.strip())
    assert len(titles) >= 20
    kinds = {m.group().lower() for t in titles for m in [_DE_MARKER.search(t)]}
    assert {"(m/w/d)", "(w/m/d)"} <= kinds
    for title in titles + ["AI Developer (d/w/m)", "Data Engineer (all genders)"]:
        text = (f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\nlanguage: de\n---\n\n"
                "## Aufgaben\n\nDu entwickelst mit uns Lösungen für die Zukunft.\n")
        ds = [d for d in lint_text(text, "t.md", _config()).diagnostics if d.code == "AD304"]
        assert ds == [], title


def test_de_arbeitnow_without_title_gets_no_marker_finding():
    for path, _ in _postings("de-arbeitnow"):
        assert not [d for d in _lint(path).diagnostics if d.code == "AD304"]


@pytest.mark.parametrize("folder", ["fr-betagouv", "en-google"])
def test_positions_point_at_the_reported_words(folder):
    """In Markdown and plain text the reported range holds the quoted words; no rule crashes."""
    quoted = re.compile(r"^'(.+?)'(?: |;|$)")
    n = 0
    for path, _ in _postings(folder):
        res = _lint(path)
        assert res.crashes == []
        src = res.posting.source
        places = [(d.code, d.message, d.start, d.end, d.line, d.col) for d in res.diagnostics]
        places += [(d.code, r.message, r.start, r.end, r.line, r.col) for d in res.diagnostics for r in d.related]
        for code, message, start, end, line, col in places:
            m = quoted.match(message)
            if not code.startswith("AD3") or m is None or end <= start:
                continue
            assert " ".join(src[start:end].split()) == m.group(1), (path.name, line, col)
            n += 1
    assert n > 0


def test_every_rule_example_fires_and_its_near_miss_does_not():
    cfg = resolve({"select": ["AD3"]}, None, ROOT)
    for code, rule in registry.all_rules().items():
        if not code.startswith("AD3"):
            continue
        fires = [d for d in lint_text(rule.example_fires, "e.md", cfg).diagnostics if d.code == code]
        passes = [d for d in lint_text(rule.example_passes, "e.md", cfg).diagnostics if d.code == code]
        assert fires and not passes, code
