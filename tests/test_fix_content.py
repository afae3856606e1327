"""A fix, or a language-server code action, only ever writes a literal replacement into the posting.

Advice for the writer ("describe the dress code, if there is one", "name the
values you mean", "(remove)", "must be authorised to work in <country>")
belongs in the message and help. These tests walk every fix the rules produce
on the rules' own examples, on postings written here to trigger every fixable
rule, and on a sample of the real corpus, and check that each one

* writes no advice (:func:`adlint.literal.advice_reason`: no instruction verb,
  no instruction in parentheses, no condition addressed to the writer, no
  placeholder to fill in);
* comes from a rule that declares it can fix, with that applicability;
* on the postings written here, resolves its own finding when applied alone
  (a replacement that reads as advice would not).

They also check the detector itself both ways on the rule data: every
``replacement`` passes, every advice-like ``alternatives`` entry is caught.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from adlint import registry
from adlint.config import resolve
from adlint.diagnostics import Diagnostic
from adlint.fixes import apply_edits
from adlint.linter import lint_bytes
from adlint.literal import advice_reason
from tests.conftest import CORPUS, ROOT

ALL = resolve({"select": ["ALL"]}, None, ROOT)
EXTENSIONS = {"markdown": "md", "text": "txt", "html": "html", "jsonld": "jsonld", "yaml": "yaml"}

# Postings that trigger every fixable rule (written for this test).
TRIGGERS = {
    "locale.md": "---\ntitle: Data engineer\nlanguage: en_GB\ncountry: UK\n---\n\n## Responsibilities\n\n"
                 "- Build the pipelines behind our reporting\n",
    "case.md": "---\nlanguage: EN-gb\ncountry: gb\n---\n\n## Responsibilities\n\n- Build the reporting pipelines\n",
    "terms.md": "---\nlanguage: en\ncountry: GB\n---\n\n# Rockstar salesman\n\n## Responsibilities\n\n"
                "- Keep the blacklist of vendors up to date\n- Handle crazy deadlines with the team\n"
                "<!-- adlint-disable-next-line AD104 -->\n- Talk to customers every week\n",
    "advice.md": "---\nlanguage: en\ncountry: GB\n---\n\n## Requirements\n\n- Good-looking and well groomed\n"
                 "- Native English speaker\n- A culture fit for our work hard, play hard family\n"
                 "- Digital native, confident with our tools\n- Must be able to lift 25 kg\n",
    "titel.md": "---\nlanguage: de\ncountry: DE\n---\n\n# Softwareentwickler\n\n## Deine Aufgaben\n\n"
                "- Du entwickelst unsere Dienste weiter\n",
    "nolang.md": "# Payments engineer\n\nYou will design and run the services that move money for our customers, "
                 "working with a team of six engineers and two product managers.\n",
    "job.jsonld": '{"@context": "https://schema.org", "@type": "JobPosting", "title": "Data engineer",\n'
                  ' "description": "<p>Build the pipelines behind our reporting.</p>",\n'
                  ' "datePosted": "2026-01-05", "employmentType": "full time",\n'
                  ' "hiringOrganization": {"@type": "Organization", "name": "Example"},\n'
                  ' "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress",'
                  ' "addressLocality": "Berlin", "addressCountry": "Germany"}}}\n',
}


def _lint(path: str, data: bytes) -> tuple[str, list[Diagnostic]]:
    res = lint_bytes(path, data, ALL)
    assert res.crashes == []
    return res.posting.source, [d for d in res.diagnostics if d.fix is not None and d.fix.edits]


def _examples() -> list[tuple[str, bytes]]:
    out = []
    for code, rule in sorted(registry.all_rules().items()):
        ext = EXTENSIONS.get(rule.example_format, "md")
        out.append((f"{code}-fires.{ext}", rule.example_fires.encode("utf-8", "surrogateescape")))
        out.append((f"{code}-passes.{ext}", rule.example_passes.encode("utf-8", "surrogateescape")))
    return out


def _corpus_sample(step: int = 15) -> list[tuple[str, bytes]]:
    if not CORPUS.is_dir():
        return []
    files = sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.suffix.lower() in
                   (".md", ".txt", ".html", ".htm", ".jsonld", ".json", ".yaml", ".yml") and p.name != "README.md")
    return [(str(p), p.read_bytes()) for p in files[::step]]


def _check_fix(path: str, source: str, d: Diagnostic) -> None:
    assert d.fix is not None
    rule = registry.all_rules()[d.code]
    assert rule.fixable is not None, f"{d.code} offers a fix but does not declare `fixable`"
    if rule.fixable == "safe":
        assert d.fix.applicability == "safe", f"{d.code} declares safe fixes but offered an unsafe one"
    for e in d.fix.edits:
        reason = advice_reason(e.text)
        assert reason is None, (f"{path}:{d.line}:{d.col}: {d.code} fix would write {e.text!r} over "
                                f"{source[e.start:e.end]!r}, which {reason}")


def test_fixes_on_examples_and_written_postings_are_literal_and_resolve_their_finding() -> None:
    fixed_by: set[str] = set()
    for path, data in [*_examples(), *((p, t.encode("utf-8")) for p, t in TRIGGERS.items())]:
        source, ds = _lint(path, data)
        for d in ds:
            _check_fix(path, source, d)
            fixed_by.add(d.code)
            after = apply_edits(source, d.fix.edits)  # type: ignore[union-attr]
            res = lint_bytes(path, after.encode("utf-8", "surrogateescape"), resolve({"select": [d.code]}, None, ROOT))
            assert d.message not in {x.message for x in res.diagnostics}, (
                f"{path}: applying the {d.code} fix {d.fix.message!r} does not resolve its finding")
    # The walk is only meaningful if it met every rule that can fix.
    fixable = {c for c, r in registry.all_rules().items() if r.fixable}
    assert fixable <= fixed_by, f"no fix produced by {sorted(fixable - fixed_by)}: add a posting that triggers them"


def test_fixes_on_the_corpus_sample_are_literal() -> None:
    sample = _corpus_sample()
    if not sample:
        pytest.skip(f"real-posting corpus not found at {CORPUS}")
    n = 0
    for path, data in sample:
        source, ds = _lint(path, data)
        for d in ds:
            _check_fix(path, source, d)
            n += 1
    assert n > 0  # the sample holds fixable findings, so the check ran


def test_code_actions_write_no_advice(tmp_path: Path) -> None:
    # The language server used to turn a finding's suggestion into a quick fix, so "describe the dress
    # code, if there is one" replaced "Good-looking". Only a rule's fix may become a code action now.
    from adlint.server import lint_document

    out = lint_document(TRIGGERS["advice.md"] + TRIGGERS["terms.md"].split("---\n", 2)[2], tmp_path / "p.md")
    with_advice = [f for f in out.findings if f.diagnostic.suggestion and advice_reason(f.diagnostic.suggestion)]
    assert with_advice, "the posting should draw findings whose suggestion is advice"
    assert all(not f.edits for f in with_advice)
    for f in out.findings:
        fix = f.diagnostic.fix
        assert bool(f.edits) == bool(fix and fix.edits)
        for _, _, text in f.edits:
            assert advice_reason(text) is None


# -- the detector on the rule data --------------------------------------------------------------------

def _rule_data() -> tuple[set[str], set[str]]:
    import yaml

    replacements: set[str] = set()
    alternatives: set[str] = set()
    for f in sorted((ROOT / "rules" / "inclusive").glob("*.yaml")):
        for value in (yaml.safe_load(f.read_text(encoding="utf-8")) or {}).values():
            for entry in value if isinstance(value, list) else []:
                if isinstance(entry, dict):
                    replacements.update((entry.get("replacement") or {}).values())
                    alternatives.update(entry.get("alternatives") or [])
    return replacements, alternatives


def test_every_replacement_in_the_rule_data_is_literal() -> None:
    replacements, _ = _rule_data()
    assert replacements
    assert {r: advice_reason(r) for r in replacements if advice_reason(r)} == {}


@pytest.mark.parametrize("advice", [
    "describe the dress code, if there is one", "name the values you mean (gives direct feedback, documents decisions)",
    "(remove)", "(streichen)", "Dresscode beschreiben, falls es einen gibt", "décrire la tenue de travail, s'il y en a une",
    "describir el uniforme o la vestimenta, si la hay", "confident with digital tools (name them)",
    "must be authorised to work in <country>", "move items up to N kg (with or without assistance)",
    "Rechtsgrundlage nennen (Verbeamtung, Sicherheitsüberprüfung)", "manejo de herramientas digitales (cuáles)",
])
def test_advice_is_recognised(advice: str) -> None:
    assert advice_reason(advice) is not None


@pytest.mark.parametrize("literal", [
    "chair", "salespeople", "experienced engineer", "(m/w/d)", "(H/F)", "(h/m)", "denylist", "primary/replica",
    "language: en\n", "---\nlanguage: en\n---\n\n", "en-GB", "GB", "FULL_TIME", "", "personne de confiance",
])
def test_literals_pass(literal: str) -> None:
    assert advice_reason(literal) is None


def test_advice_replacement_in_a_rule_pack_is_rejected(tmp_path: Path) -> None:
    from pydantic import ValidationError

    from adlint.termdata import TermEntry

    with pytest.raises(ValidationError, match="not advice"):
        TermEntry.model_validate({"term": ["good-looking"], "category": "appearance",
                                  "alternatives": ["describe the dress code"],
                                  "replacement": {"good-looking": "describe the dress code, if there is one"},
                                  "source": ["joblint"]})
