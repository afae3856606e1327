"""``adlint check --stdin-filename PATH -``: the editor command without a server.

The buffer comes from standard input; PATH names it in the report, picks the
reader by its extension, and selects the configuration (nearest config file to
PATH's folder) and its per-file-ignores, exactly as for the file on disk.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from adlint.cli import main
from tests.conftest import corpus_or_skip

# 'guru' (AD312, a jargon job title) at line 5, columns 11-15.
POSTING = "# Data guru\n\n## Team\n\nWe need a guru.\n\n## Requirements\n\n- SQL\n"


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def check_stdin(monkeypatch, capsys, data: bytes, *args: str) -> tuple[int, list[dict]]:
    _stdin(monkeypatch, data)
    code = main(["check", "--output-format", "json", *args, "-"])
    return code, json.loads(capsys.readouterr().out)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with a root config (per-file-ignores for jobs/legacy) and a sub-project with its own config."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".adlint.toml").write_text(
        'select = ["AD312", "AD101"]\n[per-file-ignores]\n"jobs/legacy/*.md" = ["AD312"]\n', encoding="utf-8")
    (tmp_path / "jobs" / "legacy").mkdir(parents=True)
    (tmp_path / "team").mkdir()
    (tmp_path / "team" / ".adlint.toml").write_text('select = ["AD101"]\n', encoding="utf-8")
    return tmp_path


def test_stdin_reports_under_the_given_path(project: Path, monkeypatch, capsys) -> None:
    code, found = check_stdin(monkeypatch, capsys, POSTING.encode(), "--stdin-filename", "jobs/new.md")
    assert code == 1
    guru = [f for f in found if f["code"] == "AD312"]
    assert [(f["path"], f["location"], f["end_location"]) for f in guru] == [
        ("jobs/new.md", {"line": 1, "column": 8}, {"line": 1, "column": 12}),
        ("jobs/new.md", {"line": 5, "column": 11}, {"line": 5, "column": 15}),
    ]


def test_stdin_applies_per_file_ignores_of_the_path(project: Path, monkeypatch, capsys) -> None:
    code, found = check_stdin(monkeypatch, capsys, POSTING.encode(), "--stdin-filename", "jobs/legacy/old.md")
    assert {f["code"] for f in found} == {"AD101"}  # AD312 ignored for jobs/legacy/*.md, AD101 still on
    assert all(f["path"] == "jobs/legacy/old.md" for f in found)
    assert code == 1


def test_stdin_uses_the_nearest_config_to_the_path(project: Path, monkeypatch, capsys) -> None:
    _, found = check_stdin(monkeypatch, capsys, POSTING.encode(), "--stdin-filename", "team/x.md")
    assert {f["code"] for f in found} == {"AD101"}  # team/.adlint.toml selects only AD101
    # The same buffer named at the root gets the root config: AD312 reported.
    _, found = check_stdin(monkeypatch, capsys, POSTING.encode(), "--stdin-filename", "x.md")
    assert "AD312" in {f["code"] for f in found}


def test_stdin_reader_follows_the_extension(project: Path, monkeypatch, capsys) -> None:
    html = b"<h1>Data engineer</h1>\n<h2>Team</h2>\n<p>We need a <b>guru</b>.</p>\n"
    _, found = check_stdin(monkeypatch, capsys, html, "--stdin-filename", "jobs/a.html", "--select", "AD312")
    # in the HTML source: line 3, 'guru' after '<p>We need a <b>' (columns 17-21)
    assert [(f["location"], f["end_location"]) for f in found] == [
        ({"line": 3, "column": 17}, {"line": 3, "column": 21})]


def test_stdin_without_filename_is_shown_as_dash(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    code, found = check_stdin(monkeypatch, capsys, POSTING.encode(), "--select", "AD312")
    assert code == 1 and found and all(f["path"] == "-" for f in found)


def test_stdin_force_exclude(project: Path, monkeypatch, capsys) -> None:
    (project / ".adlint.toml").write_text('select = ["AD312"]\nexclude = ["drafts/"]\n', encoding="utf-8")
    code, found = check_stdin(monkeypatch, capsys, POSTING.encode(), "--stdin-filename", "drafts/a.md", "--force-exclude")
    assert (code, found) == (0, [])
    code, found = check_stdin(monkeypatch, capsys, POSTING.encode(), "--stdin-filename", "drafts/a.md")
    assert code == 1 and found  # without --force-exclude a named buffer is linted, as a named file is


def test_stdin_real_posting_same_as_the_file(tmp_path: Path) -> None:
    """In a real process: a real posting piped in reports exactly what linting the file reports."""
    corpus = corpus_or_skip()
    posting = sorted((corpus / "fr-betagouv").glob("*.md"))[0]
    rel = posting.relative_to(corpus.parent).as_posix()
    cmd = [sys.executable, "-m", "adlint", "check", "--output-format", "concise"]
    direct = subprocess.run([*cmd, rel], cwd=corpus.parent, capture_output=True, text=True, timeout=120)
    piped = subprocess.run([*cmd, "--stdin-filename", rel, "-"], cwd=corpus.parent, input=posting.read_bytes(),
                           capture_output=True, timeout=120)
    assert direct.returncode == piped.returncode == 1
    assert direct.stdout.strip()
    assert piped.stdout.decode("utf-8") == direct.stdout
