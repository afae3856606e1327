"""Property-based tests (hypothesis) of the fix engine, over real corpus postings and generated edits.

Properties (issue 7, "done when"):
- fixing twice changes nothing the second time;
- a fixed file, re-linted, reports none of the fixed findings;
- bytes outside the fixed spans are unchanged;
- CRLF, lone-CR, BOM and UTF-16/32 files round-trip.

Real postings are read from ``../shared/corpus`` (skipped when absent) and get
fixable mistakes injected (``language: fr_CA``, ``"employmentType": "full time"``);
the expected output is built independently from a hand-written table of the
right values, so a fix that touches anything else fails the test.
"""

from __future__ import annotations

import codecs
import functools
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from adlint.config import resolve
from adlint.diagnostics import Edit, Fix
from adlint.fixes import SourceCodec, applicable, fix_bytes, fix_text, plan
from tests.conftest import CORPUS, corpus_or_skip

ENCODINGS = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8-bom": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "utf-16-le": lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    "utf-16-be": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    "utf-32-be": lambda t: codecs.BOM_UTF32_BE + t.encode("utf-32-be"),
}
EOLS = {"keep": None, "lf": "\n", "crlf": "\r\n", "cr": "\r"}

# Hand-written: a wrong value, the right one, and the rule that fixes it.
LANGUAGES = [("fr_CA", "fr-CA", "AD402"), ("EN-us", "en-US", "AD403"), ("iw", "he", "AD403"),
             ("de_DE", "de-DE", "AD402"), ("en-uk", "en-GB", "AD402"), ("in", "id", "AD403")]
COUNTRIES = [("UK", "GB", "AD407"), ("USA", "US", "AD407"), ("Germany", "DE", "AD407"), ("EL", "GR", "AD407")]
ENUMS = [("full time", "FULL_TIME"), ("Full-Time", "FULL_TIME"), ("full_time", "FULL_TIME")]
FIXABLE_CODES = {"AD402", "AD403", "AD407", "AD704"}

SETTINGS = settings(max_examples=60, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


@functools.lru_cache(maxsize=1)
def corpus_files() -> tuple[Path, ...]:
    return tuple(sorted(p for p in CORPUS.rglob("*") if p.suffix in (".md", ".html", ".jsonld", ".txt")))


@functools.lru_cache(maxsize=1)
def config():
    return resolve({}, None, Path.cwd())


def with_eol(text: str, eol: str | None) -> str:
    if eol is None:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", eol)


def inject(path: Path, text: str, lang: tuple, country: tuple, enum: tuple) -> tuple[str, str, set[str]] | None:
    """``(bad text, expected fixed text, codes that should fix it)`` for one posting, or ``None`` (not injectable)."""
    if path.suffix == ".md":
        lines = f"language: {lang[0]}   # injected\ncountry: {country[0]}\n"
        good = f"language: {lang[1]}   # injected\ncountry: {country[1]}\n"
        if text.startswith("---\n"):
            return "---\n" + lines + text[4:], "---\n" + good + text[4:], {lang[2], country[2]}
        return f"---\n{lines}---\n\n{text}", f"---\n{good}---\n\n{text}", {lang[2], country[2]}
    if path.suffix == ".html":
        if "<html" in text.lower():
            return None
        return f'<html lang="{lang[0]}">\n{text}', f'<html lang="{lang[1]}">\n{text}', {lang[2]}
    if path.suffix == ".jsonld":
        head = text.index("{") + 1
        loc = '"jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress", "addressCountry": "%s"}}, '
        bad = f'"inLanguage": "{lang[0]}", {loc % country[0]}'
        good = f'"inLanguage": "{lang[1]}", {loc % country[1]}'
        codes = {lang[2], "AD407", "AD707"}
        b, g = text[:head] + bad + text[head:], text[:head] + good + text[head:]
        if '"employmentType": "FULL_TIME"' in text:
            b = b.replace('"employmentType": "FULL_TIME"', f'"employmentType": "{enum[0]}"', 1)
            codes.add("AD704")
        return b, g, codes
    return None  # plain text has no metadata to get wrong


# --------------------------------------------------------------------------
# Real postings with injected mistakes, through the real linter
# --------------------------------------------------------------------------

@SETTINGS
@given(data=st.data(), lang=st.sampled_from(LANGUAGES), country=st.sampled_from(COUNTRIES),
       enum=st.sampled_from(ENUMS), enc=st.sampled_from(sorted(ENCODINGS)), eol=st.sampled_from(sorted(EOLS)))
def test_fixing_injected_mistakes_in_real_postings(data, lang, country, enum, enc, eol) -> None:
    corpus_or_skip()
    path = data.draw(st.sampled_from(corpus_files()), label="posting")
    text = path.read_text(encoding="utf-8")
    made = inject(path, text, lang, country, enum)
    assume(made is not None)
    bad, good, codes = made
    encode = ENCODINGS[enc]
    before = encode(with_eol(bad, EOLS[eol]))
    expected = encode(with_eol(good, EOLS[eol]))

    once = fix_bytes(path.name, before, config())
    # Only the injected values change: every other byte (BOM, encoding, line endings included) is kept.
    assert once.fixed == expected, f"{path.name}: {once.applied} {once.notes}"
    assert {a.code for a in once.applied} == codes
    assert once.converged and not once.notes
    # Re-linted, the fixed file reports none of the fixed findings, and nothing fixable is left.
    remaining = once.result.diagnostics
    assert not any(applicable(d.fix) for d in remaining)
    assert not {d.code for d in remaining} & FIXABLE_CODES
    # Fixing twice changes nothing the second time.
    twice = fix_bytes(path.name, once.fixed, config())
    assert twice.fixed == once.fixed and twice.applied == []


@settings(max_examples=40, deadline=None, derandomize=True)
@given(data=st.data(), enc=st.sampled_from(sorted(ENCODINGS)), eol=st.sampled_from(sorted(EOLS)))
def test_real_postings_without_mistakes_are_left_byte_identical(data, enc, eol) -> None:
    corpus_or_skip()
    path = data.draw(st.sampled_from(corpus_files()), label="posting")
    raw = ENCODINGS[enc](with_eol(path.read_text(encoding="utf-8"), EOLS[eol]))
    out = fix_bytes(path.name, raw, config(), unsafe=True)
    # A Markdown posting that declares no language gets it (AD401, unsafe); that is the only change allowed.
    if any(a.code == "AD401" for a in out.applied):
        assert [a.code for a in out.applied] == ["AD401"] and path.suffix == ".md"
        text = SourceCodec.of(raw).decode(raw)
        fixed = SourceCodec.of(out.fixed).decode(out.fixed)
        assert text is not None and fixed is not None
        i = next((k for k, (a, b) in enumerate(zip(text, fixed)) if a != b), len(text))
        added = fixed[i:len(fixed) - (len(text) - i)]
        assert text[:i] + added + text[i:] == fixed  # one insertion, every other character kept
        plain = added.replace("\r\n", "\n").replace("\r", "\n")
        assert re.fullmatch(r"(---\n)?language: [a-z]{2,3}\n(---\n\n)?", plain), plain
        return
    assert out.fixed == raw and out.applied == []


# --------------------------------------------------------------------------
# Generated edits over real corpus text: the planner and the codec alone
# --------------------------------------------------------------------------

def edits_for(n: int) -> st.SearchStrategy[Fix]:
    pos = st.integers(0, n)
    edit = st.tuples(pos, pos, st.text(alphabet="xyé😀\n-", max_size=6)).map(
        lambda t: Edit(min(t[0], t[1]), max(t[0], t[1]), t[2]))
    return st.builds(lambda es, unsafe: Fix(tuple(es), "generated", "unsafe" if unsafe else "safe"),
                     st.lists(edit, min_size=1, max_size=3), st.booleans())


def check_outside_bytes(text: str, fixes: list[Fix], sc: SourceCodec, apply=fix_text) -> None:
    """Apply ``fixes`` through the planner and codec; every byte outside a taken edit is where it was."""
    new_text, taken = apply(text, fixes, sc.newline)
    old_b, new_b = sc.encode(text), sc.encode(new_text)
    assert new_b[:len(sc.bom)] == sc.bom
    spans = sorted({(e.start, e.end, e.text) for i in taken for e in fixes[i].edits})
    # Taken edits never overlap; edits of two different taken fixes do not even touch.
    for (s1, e1, _), (s2, e2, _) in zip(spans, spans[1:]):
        assert e1 <= s2 and (s1, e1) != (s2, e2)
    groups = list({frozenset(fixes[i].edits) for i in taken})
    for a in range(len(groups)):
        for b in range(a + 1, len(groups)):
            assert not any(x.start <= y.end and y.start <= x.end for x in groups[a] for y in groups[b])
    # Walk the gaps in bytes: each original gap reappears, in order, between the new texts.
    old_pos, new_at = 0, len(sc.bom)
    for s, e, t in spans + [(len(text), len(text), None)]:
        gap = text[old_pos:s].encode(sc.codec)
        assert new_b[new_at:new_at + len(gap)] == gap
        new_at += len(gap)
        if t is not None:
            new_at += len(t.replace("\r\n", "\n").replace("\n", sc.newline).encode(sc.codec))
        old_pos = e
    assert new_at == len(new_b)
    # Every valid fix not taken collides with a taken one: nothing is dropped for no reason.
    taken_edits = [(s, e) for s, e, _ in spans]
    for i, f in enumerate(fixes):
        if i in taken or plan([f], text) == []:
            continue
        assert any(x.start <= e and s <= x.end for x in f.edits for s, e in taken_edits)


@settings(max_examples=150, deadline=None, derandomize=True)
@given(data=st.data(), enc=st.sampled_from(sorted(ENCODINGS)), eol=st.sampled_from(sorted(EOLS)))
def test_generated_edits_over_real_postings_keep_every_other_byte(data, enc, eol) -> None:
    corpus_or_skip()
    path = data.draw(st.sampled_from(corpus_files()), label="posting")
    raw = ENCODINGS[enc](with_eol(path.read_text(encoding="utf-8"), EOLS[eol]))
    sc = SourceCodec.of(raw)
    text = sc.decode(raw)
    assert text is not None and sc.encode(text) == raw  # the round trip itself
    fixes = data.draw(st.lists(edits_for(len(text)), min_size=1, max_size=8), label="fixes")
    check_outside_bytes(text, fixes, sc)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(text=st.text(alphabet="ab \r\né😀", max_size=40), data=st.data(), enc=st.sampled_from(sorted(ENCODINGS)))
def test_generated_edits_over_generated_text(text, data, enc) -> None:
    raw = ENCODINGS[enc](text)
    sc = SourceCodec.of(raw)
    assert sc.decode(raw) == text
    fixes = data.draw(st.lists(edits_for(len(text)), min_size=0, max_size=6), label="fixes")
    check_outside_bytes(text, fixes, sc)


def test_the_byte_check_catches_a_change_outside_the_edits() -> None:
    # Guard against a vacuous property: an engine that also touched one byte elsewhere is caught.
    def sloppy(text, fixes, newline):
        new, taken = fix_text(text, fixes, newline)
        return new[:-1] + new[-1].upper(), taken

    fs = [Fix((Edit(1, 3, "x"),), "a"), Fix((Edit(2, 4, "y"),), "b")]
    check_outside_bytes("abcdef", fs, SourceCodec(b"", "utf-8"))
    with pytest.raises(AssertionError):
        check_outside_bytes("abcdef", fs, SourceCodec(b"", "utf-8"), apply=sloppy)
