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


@pytest.fixture
def corpus() -> Path:
    """Fixture form of :func:`corpus_or_skip`."""
    return corpus_or_skip()
