"""Where the built-in rule data lives, known without importing the rule-data models (pydantic, PyYAML)."""

from __future__ import annotations

from pathlib import Path


def rules_dir() -> Path:
    """The folder holding the built-in rule data packs: ``adlint/_rules`` in a wheel, ``rules/`` beside the
    package in a source checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "_rules"
    return packaged if packaged.is_dir() else here.parent / "rules"
