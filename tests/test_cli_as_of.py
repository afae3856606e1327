"""``--as-of`` and the ``as-of`` config key reach the date-dependent rules (AD205, AD6xx, AD7xx)."""

from __future__ import annotations

from pathlib import Path

import pytest

from adlint.cli import main

# Colorado's pay-transparency duty (C.R.S. 8-5-201) took effect on 2021-01-01.
POSTING = """---
title: Data engineer
language: en
country: US
region: US-CO
location: Denver
---

## Responsibilities

- Build pipelines

## Requirements

- SQL

## Benefits

- Health insurance

## How to apply

Write to jobs@example.org
"""


@pytest.fixture
def job(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ADLINT_AS_OF", raising=False)
    path = tmp_path / "job.md"
    path.write_text(POSTING, encoding="utf-8")
    return path


def test_day_before_the_law_is_clean(job: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(job), "--select", "AD601", "--as-of", "2020-12-31", "--output-format", "concise"]) == 0
    assert "AD601" not in capsys.readouterr().out


def test_day_the_law_takes_effect_fires(job: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(job), "--select", "AD601", "--as-of", "2021-01-01", "--output-format", "concise"]) == 1
    out = capsys.readouterr().out
    assert f"{job}:4:10: AD601 [error]" in out
    assert "Colorado" in out and "2021-01-01" in out


def test_config_key_as_of(job: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (job.parent / ".adlint.toml").write_text("as-of = 2020-12-31\n", encoding="utf-8")
    assert main(["check", str(job), "--select", "AD601", "--output-format", "concise"]) == 0
    (job.parent / ".adlint.toml").write_text('as-of = "2021-01-01"\n', encoding="utf-8")
    assert main(["check", str(job), "--select", "AD601", "--output-format", "concise"]) == 1


def test_bad_date_is_a_usage_error(job: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["check", str(job), "--as-of", "2021-13-01"])
    assert exc.value.code == 2
    assert "not a date" in capsys.readouterr().err
