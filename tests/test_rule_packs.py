"""``rule-packs`` in the configuration adds user packs, in the built-in format, to the inclusive rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from adlint.cli import main

PACK = """\
pack: house_titles
rule: AD312
languages: [en]
sources:
  - id: house
    title: "Our house style guide"
entries:
  - {term: ["code monkey", "code monkeys"], category: jargon-title, alternatives: [developer], source: [house]}
"""

POSTING = """---
title: Backend developer
language: en
---

## Requirements

- You are a code monkey who loves Go
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "titles.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / "jobs").mkdir()
    (tmp_path / "jobs" / "dev.md").write_text(POSTING, encoding="utf-8")
    return tmp_path


def test_user_pack_term_is_reported(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / ".adlint.toml").write_text('rule-packs = ["packs/titles.yaml"]\n', encoding="utf-8")
    assert main(["check", "jobs/dev.md", "--select", "AD312", "--output-format", "concise"]) == 1
    out = capsys.readouterr().out
    assert "jobs/dev.md:8:13: AD312" in out
    assert "developer" in out


def test_without_the_pack_nothing_is_reported(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "jobs/dev.md", "--select", "AD312", "--output-format", "concise"]) == 0
    assert "AD312" not in capsys.readouterr().out


def test_missing_pack_is_a_configuration_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / ".adlint.toml").write_text('rule-packs = ["packs/nope.yaml"]\n', encoding="utf-8")
    assert main(["check", "jobs/dev.md", "--select", "AD312"]) == 2
    err = capsys.readouterr().err
    assert "nope.yaml" in err and "Traceback" not in err
