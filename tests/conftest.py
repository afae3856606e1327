"""Shared test helpers: the corpus location and small linting shortcuts."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def corpus_or_skip() -> Path:
    """The shared corpus folder, or skip the test with a clear reason."""
    if not CORPUS.is_dir():
        pytest.skip(f"real-posting corpus not found at {CORPUS} (it sits beside the project as ../shared/corpus)")
    return CORPUS


def text_runs(posting, visible_title: bool = False) -> list:
    """The posting's title (and, with ``visible_title``, its visible title), headings and blocks, in document order."""
    out = [r for r in (posting.title, posting.visible_title if visible_title else None) if r is not None]
    for section in posting.sections:
        if section.heading is not None:
            out.append(section.heading)
        out.extend(b.run for b in section.blocks)
    return out


def locate(posting, word: str, nth: int = 0, visible_title: bool = False) -> tuple[str, tuple[int, int], tuple[int, int]]:
    """Source text, start ``(line, col)`` and end ``(line, col)`` of the ``nth`` ``word`` in the plain text."""
    hits = []
    runs = text_runs(posting, visible_title)
    for run in runs:
        i = run.text.find(word)
        while i >= 0:
            hits.append(run.span(i, i + len(word)))
            i = run.text.find(word, i + 1)
    assert len(hits) > nth, f"{word!r} not in {[r.text for r in runs]}"
    a, b = hits[nth]
    return posting.source[a:b], posting.position(a), posting.position(b)


def lint_rule(text: str, code: str, path: str = "posting.md", **options: object) -> list:
    """Diagnostics of rule ``code`` alone on ``text`` (selected explicitly, so off-by-default rules run too).

    ``options`` become the rule's ``[rules.<code>]`` table.
    """
    from adlint.config import resolve
    from adlint.linter import lint_text

    raw: dict[str, object] = {"select": [code]}
    if options:
        raw["rules"] = {code: options}
    return [d for d in lint_text(text, path, resolve(raw, None, ROOT)).diagnostics if d.code == code]


def found(ds: list) -> list[tuple[int, int, str, str | None]]:
    """``(line, col, severity, suggestion)`` of each diagnostic, for compact assertions."""
    return [(d.line, d.col, d.severity.name.lower(), d.suggestion) for d in ds]


@pytest.fixture
def corpus() -> Path:
    """Fixture form of :func:`corpus_or_skip`."""
    return corpus_or_skip()


@pytest.fixture(scope="session", autouse=True)
def _session_cache_dir(tmp_path_factory):
    """One cache folder for the session: rule data validated once stays warm for every test."""
    import os

    folder = tmp_path_factory.mktemp("adlint-cache")
    old = os.environ.get("ADLINT_CACHE_DIR")
    os.environ["ADLINT_CACHE_DIR"] = str(folder)
    yield folder
    if old is None:
        os.environ.pop("ADLINT_CACHE_DIR", None)
    else:
        os.environ["ADLINT_CACHE_DIR"] = old


@pytest.fixture(autouse=True)
def _fresh_result_cache(_session_cache_dir):
    """Each test starts with no cached results: a result cached by one test never answers another."""
    import shutil

    for entry in _session_cache_dir.iterdir():
        if entry.is_dir() and len(entry.name) == 2:  # result entries live in <2 hex digits>/ folders
            shutil.rmtree(entry, ignore_errors=True)
