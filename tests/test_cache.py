"""The result cache: a second run answers from it with identical output, and every input the findings depend
on invalidates it (content, configuration, version, rule data, date); shared by processes, robust to corruption."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from adlint import cache as cache_mod
from adlint.cli import main
from conftest import ROOT

POSTING = ("---\nlanguage: en\ncountry: GB\ntitle: Senior Backend Engineer\n---\n\n## About you\n\n"
           "- 10+ years of experience with Go\n- You are a rockstar ninja\n\n## Benefits\n\n- Free beer\n")


def run(capsys, *args: str) -> tuple[int, list[dict]]:
    code = main(["check", "--output-format", "json", *args])
    out = capsys.readouterr().out
    return code, json.loads(out or "[]")


def entries(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.json"))


@pytest.fixture()
def project(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.delenv("ADLINT_CACHE_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "job.md").write_text(POSTING, encoding="utf-8")
    return tmp_path


def test_second_run_is_answered_from_the_cache_with_identical_output(project, capsys, monkeypatch):
    first = run(capsys, "job.md")
    folder = project / ".adlint_cache"
    assert len(entries(folder)) == 1
    assert (folder / ".gitignore").read_text(encoding="utf-8").strip().endswith("*")
    assert (folder / "CACHEDIR.TAG").is_file()

    def no_lint(*a, **k):
        raise AssertionError("linted although the cache holds the result")

    monkeypatch.setattr("adlint.linter.lint_bytes", no_lint)
    assert run(capsys, "job.md") == first
    assert first[1] and {d["code"] for d in first[1]} >= {"AD204", "AD312"}


def test_no_cache_neither_reads_nor_writes(project, capsys):
    run(capsys, "--no-cache", "job.md")
    assert not (project / ".adlint_cache").exists()


@pytest.mark.parametrize("change", ["content", "config", "rule option", "version", "rule data", "date"])
def test_each_input_invalidates(project, capsys, monkeypatch, change):
    if change == "rule option":  # the same configuration file before and after: only the option's value changes
        (project / ".adlint.toml").write_text("[rules.AD204]\nyears-info = 5\n", encoding="utf-8")
    base = run(capsys, "job.md")
    args = ["job.md"]
    if change == "content":
        (project / "job.md").write_text(POSTING.replace("10+ years", "12+ years"), encoding="utf-8")
    elif change == "config":
        (project / ".adlint.toml").write_text('[rules.AD204]\nseverity = "error"\n', encoding="utf-8")
    elif change == "rule option":  # 10+ years: a warning over 8 by default, no finding under a limit of 12
        (project / ".adlint.toml").write_text("[rules.AD204]\nyears-info = 12\nyears-warning = 12\n", encoding="utf-8")
    elif change == "version":
        monkeypatch.setattr(cache_mod, "__version__", "999.0")
    elif change == "rule data":
        monkeypatch.setattr(cache_mod, "_rules_stamp", lambda: "other rule data")
    elif change == "date":
        args = ["--as-of", "2031-01-01", "job.md"]
    before = len(entries(project / ".adlint_cache"))
    after_run = run(capsys, *args)
    assert len(entries(project / ".adlint_cache")) == before + 1  # a miss: linted and stored anew
    if change in ("content", "config", "rule option"):
        assert after_run != base


def test_output_format_and_fail_level_do_not_invalidate(project, capsys):
    run(capsys, "job.md")
    main(["check", "--output-format", "concise", "--fail-level", "error", "job.md"])
    capsys.readouterr()
    assert len(entries(project / ".adlint_cache")) == 1


@pytest.mark.parametrize("garbage", [b"", b"{not json", b'{"format": 999}', b"\x80\x81 binary",
                                     b'{"format": 1, "adlint": "0.1.0", "key": "x", "diagnostics": [{"c": 1}]}'])
def test_a_corrupt_or_foreign_entry_is_ignored_and_rewritten(project, capsys, garbage):
    base = run(capsys, "job.md")
    (entry,) = entries(project / ".adlint_cache")
    entry.write_bytes(garbage)
    assert run(capsys, "job.md") == base
    assert json.loads(entry.read_text(encoding="utf-8"))["format"] == cache_mod.FORMAT


def test_cache_dir_setting_and_environment(project, capsys, monkeypatch, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("env-cache")
    monkeypatch.setenv("ADLINT_CACHE_DIR", str(elsewhere))
    run(capsys, "job.md")
    assert len(entries(elsewhere)) == 1 and not (project / ".adlint_cache").exists()
    (project / ".adlint.toml").write_text('cache-dir = "build/lint-cache"\n', encoding="utf-8")
    run(capsys, "job.md")
    assert len(entries(project / "build" / "lint-cache")) == 1


def test_clean_removes_the_cache(project, capsys):
    run(capsys, "job.md")
    assert main(["clean"]) == 0
    assert "removed 1 cached result" in capsys.readouterr().err
    assert not (project / ".adlint_cache").exists()
    assert main(["clean"]) == 0 and "no cache" in capsys.readouterr().err


def test_clean_refuses_a_folder_that_is_not_a_cache(project, capsys):
    (project / "notcache").mkdir()
    (project / "notcache" / "keep.txt").write_text("x", encoding="utf-8")
    (project / ".adlint.toml").write_text('cache-dir = "notcache"\n', encoding="utf-8")
    assert main(["clean"]) == 2
    assert (project / "notcache" / "keep.txt").exists()


def test_several_processes_share_one_cache(project, tmp_path_factory):
    """pre-commit runs several adlint processes at once: they share the folder; every answer stays identical."""
    for i in range(12):
        (project / f"job{i}.md").write_text(POSTING.replace("10+", f"{i + 10}+"), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("ADLINT_CACHE_DIR", None)
    cmd = [sys.executable, "-m", "adlint", "check", "--jobs", "1", "--output-format", "json", "."]
    procs = [subprocess.Popen(cmd, cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for _ in range(4)]
    outs = [p.communicate(timeout=300)[0] for p in procs]
    assert all(p.returncode == 1 for p in procs)
    assert len({o for o in outs}) == 1
    assert len(entries(project / ".adlint_cache")) == 13  # the twelve copies and job.md, each once
    again = subprocess.run(cmd, cwd=project, env=env, capture_output=True, timeout=300)
    assert again.stdout == outs[0]
