"""The inclusive-language term machinery: packs, the one-pass matcher, context (AD3xx)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from adlint import registry, termdata
from adlint.checks.inclusive_base import guess_language, scan
from adlint.config import ConfigError, resolve
from adlint.linter import lint_text
from adlint.ruledata import RuleDataError
from adlint.terms import matcher_for, sentence_bounds, words_of

ROOT = Path(__file__).resolve().parent.parent


def lint(text: str, code: str, path: str = "posting.md", **options: object):
    """Diagnostics of rule ``code`` only, with ``options`` as its ``[rules.CODE]`` table."""
    raw: dict[str, object] = {"select": [code]}
    if options:
        raw["rules"] = {code: options}
    cfg = resolve(raw, None, ROOT)
    return [d for d in lint_text(text, path, cfg).diagnostics if d.code == code]


def found(lang: str, text: str, rule: str) -> list[str]:
    """The texts matched by ``rule``'s entries in ``text``."""
    return [text[m.start:m.end] for m in matcher_for(lang).find(text, rules=frozenset({rule}))]


# -- packs ------------------------------------------------------------------------

def test_every_pack_validates_and_feeds_a_known_rule():
    packs = termdata.builtin_packs()
    rules = registry.all_rules()
    assert len(packs) >= 60
    for p in packs:
        assert p.rule is None or p.rule in rules, p.pack
        for e in p.entries:
            assert e.source and all(s in {x.id for x in p.sources} for s in e.source)


@pytest.mark.parametrize("code", [f"AD3{n:02d}" for n in range(1, 18)])
def test_every_rule_has_packs_and_documentation(code):
    rule = registry.all_rules()[code]
    assert rule.summary and rule.why and rule.source and rule.example_fires and rule.example_passes
    langs = {lang for p in termdata.builtin_packs() if p.rule == code for lang in p.languages}
    expected = {"AD304": {"de", "fr", "es"}, "AD305": {"de", "fr", "es"}}
    assert langs == expected.get(code, {"en", "fr", "de", "es"})


def test_bad_pack_names_file_and_entry(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("pack: mine\nrule: AD312\nlanguages: [en]\nsources: [{id: a, title: A}]\n"
                   "entries:\n  - {term: [samurai], pattern: 'x', category: c, source: a}\n", encoding="utf-8")
    with pytest.raises(RuleDataError) as exc:
        termdata.load_pack(bad)
    assert str(bad) in str(exc.value) and "entries.0" in str(exc.value)
    unknown_source = tmp_path / "src.yaml"
    unknown_source.write_text("pack: mine\nrule: AD312\nlanguages: [en]\nsources: [{id: a, title: A}]\n"
                              "entries:\n  - {term: [samurai], category: c, source: b}\n", encoding="utf-8")
    with pytest.raises(RuleDataError, match="unknown source 'b'"):
        termdata.load_pack(unknown_source)


def test_user_pack_through_the_packs_option(tmp_path):
    pack = tmp_path / "mine.yaml"
    pack.write_text("pack: house_style\nrule: AD312\nlanguages: [en]\nsources: [{id: us, title: Our guide}]\n"
                    "entries:\n  - {term: [samurai, samurais], category: jargon-title, alternatives: [expert], "
                    "source: us}\n", encoding="utf-8")
    text = "---\nlanguage: en\n---\n\n## Role\n\nWe need a Kotlin samurai.\n"
    assert lint(text, "AD312") == []
    ds = lint(text, "AD312", packs=[str(pack)])
    assert [(d.line, d.col, d.suggestion) for d in ds] == [(7, 18, "expert")]


def test_bad_user_pack_is_a_configuration_error(tmp_path):
    with pytest.raises(ConfigError, match="rules.AD312.packs"):
        resolve({"rules": {"AD312": {"packs": [str(tmp_path / "missing.yaml")]}}}, None, ROOT)


# -- matching ---------------------------------------------------------------------

def test_stems_match_at_word_starts_only():
    assert found("en", "A supportive leader; unsupported; misleading.", "AD301") == ["supportive", "leader"]


def test_false_friends_are_not_counted():
    text = "SharePoint, Nagios, kindergarten, committee, competitive salary, data-driven, Objective-C"
    assert found("en", text, "AD301") == []


def test_hyphenated_words_count_once():
    assert found("en", "co-operative decision-making", "AD301") == ["co-operative", "decision-making"]


def test_unicode_letters_are_word_characters():
    # "é" is a letter: "décisionnaire" starts with the stem "décisi", "indécis" does not
    assert found("fr", "indécis, décisionnaire", "AD301") == ["décisionnaire"]


def test_german_compounds_match_on_their_last_part():
    text = "Vertriebsmitarbeiter, Mitarbeiterrabatte, Mitarbeitende, MitarbeiterInnen, Wettbewerber"
    assert found("de", text, "AD305") == ["Vertriebsmitarbeiter"]


def test_inclusive_forms_are_recognised():
    m = matcher_for("de")
    text = "Mitarbeiter*innen, Mitarbeiter:innen, Industriekaufmann/-frau, Entwicklerinnen und Entwickler"
    hits = m.find(text, rules=frozenset({"AD305", "AD303"}))
    assert hits and all(m.is_inclusive_form(text, h.start, h.end, h.entry) for h in hits)
    fr = matcher_for("fr")
    for text in ("un développeur.e", "une ou un développeur", "référent(e)", "développeuse ou développeur"):
        hits = fr.find(text, rules=frozenset({"AD304"}))
        assert hits and all(fr.is_inclusive_form(text, h.start, h.end, h.entry) for h in hits), text
    plain = "un développeur"
    hit = fr.find(plain, rules=frozenset({"AD304"}))[0]
    assert not fr.is_inclusive_form(plain, hit.start, hit.end, hit.entry)


def test_point_median_forms_are_one_word():
    assert words_of("un·e développeur·se, chargé‧e") == ["un·e", "développeur·se", "chargé‧e"]
    assert found("fr", "un·e développeur·se, chargé‧e de déploiement", "AD304") == []


def test_urls_mail_domains_and_short_quotes_are_skipped():
    text = ('See https://example.com/rockstar-jobs or write to ninja@example.org; guru.io is ours. '
            'Our app “Ninja” and "Rockstar Club" stay. A real guru.')
    assert found("en", text, "AD312") == ["guru"]


def test_code_spans_are_skipped():
    md = "---\nlanguage: en\n---\n\n## Stack\n\nWe replaced `blacklist` with a denylist, not the whitelist.\n"
    assert [(d.line, d.col) for d in lint(md, "AD316")] == [(7, 50)]
    html = "<p lang='en'>We replaced <code>blacklist</code> with a denylist; the whitelist stays.</p>"
    ds = lint(html, "AD316", path="p.html")
    assert [d.message.split("'")[1] for d in ds] == ["whitelist"]


def test_equal_opportunity_statements_do_not_trigger_the_words_they_mention():
    eeo = ("---\nlanguage: en\n---\n\n## About us\n\nWe welcome applications from women and men regardless of "
           "age, disability or marital status, young or old, single or married.\n")
    assert lint(eeo, "AD306") == [] and lint(eeo, "AD314") == []
    plain = "---\nlanguage: en\n---\n\n## About you\n\nYou are young, single and ambitious.\n"
    assert [(d.line, d.col) for d in lint(plain, "AD306")] == [(7, 9)]


def test_sentences_do_not_end_at_abbreviations():
    text = "Wir begrüßen alle – unabhängig von z. B. Geschlecht oder Familienstand. Neu."
    a, b = sentence_bounds(text, text.index("unabh"), text.index("unabh") + 5)
    assert a == 0 and text[a:b].rstrip().endswith("Familienstand.")


# -- one pass, language -------------------------------------------------------------

def test_matcher_is_built_once_per_language_and_posting_scanned_once():
    assert matcher_for("en") is matcher_for("en")
    assert matcher_for("en") is not matcher_for("de")
    res = lint_text("---\nlanguage: en\n---\n\n## Role\n\nA rockstar.\n", "p.md",
                    resolve({"select": ["AD3"]}, None, ROOT))
    assert scan(res.posting) is scan(res.posting)


def test_language_guess_when_undeclared():
    fr = "Nous recherchons une personne pour notre équipe. Vous serez avec nous dans les projets et sur le terrain."
    assert guess_language([words_of(fr)]) == "fr"
    assert guess_language([words_of("Kurz.")]) is None


def test_undeclared_language_uses_the_text():
    de = ("## Über uns\n\nWir sind ein junges Team und suchen dich für die Entwicklung von unserer Plattform. "
          "Du arbeitest mit uns an der Zukunft, und wir bieten dir auch ein Büro in der Stadt.\n")
    ds = lint(de, "AD306")
    assert [(d.line, d.col, d.severity.name) for d in ds] == [(3, 14, "WARNING")]


# -- robustness -------------------------------------------------------------------------

_ALPHABET = st.sampled_from(list("aeéiouñßxyzAB -·‧.,;:!?()/*\n\"'“”«»@0123456789") + [
    "young ", "he ", "ninja ", "Entwickler", "(m/w/d)", "développeur", "un·e ", "https://x.io ", "`", "lead "])


@settings(max_examples=200, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join), st.sampled_from(["en", "fr", "de", "es"]))
def test_matcher_never_raises_and_spans_stay_in_the_text(text, lang):
    for m in matcher_for(lang).find(text):
        assert 0 <= m.start < m.end <= len(text)


@settings(max_examples=60, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join), st.sampled_from(["en", "fr", "de", "es"]))
def test_rules_never_crash_on_odd_text(body, lang):
    text = f"---\nlanguage: {lang}\ntitle: {body[:30]!r}\n---\n\n## Role\n\n{body}\n"
    res = lint_text(text, "p.md", resolve({"select": ["AD3"]}, None, ROOT))
    assert res.crashes == []
