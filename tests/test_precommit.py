"""The pre-commit hook, run for real: ``pre-commit try-repo`` and a user config.

These tests run the real ``pre-commit``, which creates its own virtualenv and
``pip install``s adlint from a git clone of this project (PyPI must be
reachable for the dependencies). The hook repository is a committed copy of
the current working tree (untracked files included), so the tests see exactly
the files on disk whatever the project's own git state.

They are skipped, with the reason, only when ``git`` or ``pre-commit`` is not
installed. Marked ``precommit``: deselect with ``-m "not precommit"``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.precommit

#: Folders and files never copied into the hook repository.
_IGNORE = shutil.ignore_patterns(".git", ".venv*", "venv", "__pycache__", "*.pyc", ".pytest_cache",
                                 "build", "dist", "*.egg-info", ".adlint_cache", ".hypothesis")

BAD_POSTING = """\
---
title: Développeur
language: fr_CA
---

Nous recrutons un développeur.
"""

#: A complete posting that every default rule accepts (written for these tests).
CLEAN_POSTING = """\
---
title: Data engineer
language: en
country: GB
location: London
salary: "£45,000 to £55,000 a year"
---

# Data engineer

We run the data platform that helps 300 local councils plan bus routes. You will join a team of six
engineers. You will work with planners, analysts and designers every day.

## Responsibilities

- Build and run the pipelines that load timetable data each night
- Review code written by other engineers
- Write clear notes so that others can fix a pipeline when it breaks
- Talk to planners to learn what data they need

## Requirements

- You have written SQL queries for real projects
- You have built at least one data pipeline in Python
- You can explain a technical choice to people who do not write code

## Benefits

- Pay of £45,000 to £55,000 a year
- 30 days of paid holiday, plus public holidays
- A training budget of £1,000 a year
- Work from home up to three days a week

## Location

Our office is in London, near King's Cross station.

## How to apply

Send your CV and a short note about a pipeline you built to jobs@example.org. We reply to every application
within two weeks.
"""


def _pre_commit_cmd() -> list[str]:
    """The command that runs pre-commit, or skip when it is not installed."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed; pre-commit needs it")
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        exe = shutil.which("pre-commit")
        if exe is None:
            pytest.skip("pre-commit is not installed (pip install '.[test]')")
        return [exe]
    return [sys.executable, "-m", "pre_commit"]


def _env(home: Path) -> dict[str, str]:
    """A clean environment: no inherited GIT_* variables, no colour, our own pre-commit cache."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(PRE_COMMIT_HOME=str(home), PRE_COMMIT_COLOR="never", NO_COLOR="1",
               PIP_DISABLE_PIP_VERSION_CHECK="1", GIT_TERMINAL_PROMPT="0")
    return env


def _git(cwd: Path, env: dict[str, str], *args: str) -> str:
    proc = subprocess.run(["git", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, f"git {' '.join(args)} failed:\n{proc.stdout}\n{proc.stderr}"
    return proc.stdout.strip()


def _init_repo(path: Path, env: dict[str, str]) -> None:
    path.mkdir(parents=True, exist_ok=True)
    _git(path, env, "init", "-q")
    _git(path, env, "config", "user.email", "tests@example.org")
    _git(path, env, "config", "user.name", "adlint tests")


@pytest.fixture(scope="session")
def pc_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One pre-commit cache for the whole session, so each hook environment is built once."""
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory: pytest.TempPathFactory, pc_home: Path) -> tuple[Path, str]:
    """A committed copy of the working tree: ``(path, commit sha)``."""
    _pre_commit_cmd()
    repo = tmp_path_factory.mktemp("hook-repo") / "adlint"
    shutil.copytree(ROOT, repo, ignore=_IGNORE, symlinks=True)
    env = _env(pc_home)
    _init_repo(repo, env)
    _git(repo, env, "add", "-A")
    _git(repo, env, "commit", "-q", "-m", "snapshot for the pre-commit tests")
    return repo, _git(repo, env, "rev-parse", "HEAD")


def _run(cmd: list[str], cwd: Path, env: dict[str, str]) -> tuple[int, str]:
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=900,
                          stdin=subprocess.DEVNULL)
    return proc.returncode, proc.stdout + proc.stderr


def test_example_postings_behave_as_the_hook_tests_expect() -> None:
    """In process and fast: tells a content change (a new rule firing) apart from a hook problem."""
    from adlint.diagnostics import Severity
    from adlint.linter import lint_text

    bad = lint_text(BAD_POSTING, "job.md").diagnostics
    assert ("AD402", 3, 11) in {(d.code, d.line, d.col) for d in bad}
    clean = lint_text(CLEAN_POSTING, "job.md").diagnostics
    failing = [f"{d.line}:{d.col} {d.code} {d.message}" for d in clean if d.severity >= Severity.WARNING]
    assert not failing, failing


def test_hook_manifest_declares_adlint() -> None:
    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = [h for h in hooks if h["id"] == "adlint"]
    assert hook["entry"] == "adlint check --force-exclude"
    assert hook["language"] == "python"
    assert {"markdown", "plain-text", "html"} <= set(hook["types_or"])
    assert hook["require_serial"] is True  # adlint runs its own worker pool (--jobs)


def test_try_repo_fails_on_a_bad_posting(hook_repo: tuple[Path, str], pc_home: Path, tmp_path: Path) -> None:
    repo, _ = hook_repo
    env = _env(pc_home)
    work = tmp_path / "postings"
    _init_repo(work, env)
    (work / "job.md").write_text(BAD_POSTING, encoding="utf-8")
    _git(work, env, "add", "job.md")

    code, out = _run([*_pre_commit_cmd(), "try-repo", str(repo), "adlint", "--files", "job.md"], work, env)
    assert code == 1, out
    assert "adlint" in out and "Failed" in out, out
    assert "job.md:3:11: AD402" in out, out  # `fr_CA` on line 3, after `language: `
    assert "AD504" in out and "short posting" in out, out  # a one-line announcement: one note at info


def test_try_repo_passes_a_clean_posting(hook_repo: tuple[Path, str], pc_home: Path, tmp_path: Path) -> None:
    repo, _ = hook_repo
    env = _env(pc_home)
    work = tmp_path / "postings"
    _init_repo(work, env)
    (work / "job.md").write_text(CLEAN_POSTING, encoding="utf-8")
    _git(work, env, "add", "job.md")

    code, out = _run([*_pre_commit_cmd(), "try-repo", str(repo), "adlint", "--files", "job.md"], work, env)
    assert code == 0, out
    assert "Passed" in out, out
    assert "AD" not in out.split("Passed", 1)[1], out


def test_user_config_with_files_filter(hook_repo: tuple[Path, str], pc_home: Path, tmp_path: Path) -> None:
    """The README's snippet: only postings under ``jobs/`` are linted, the rest of the repo is not."""
    repo, sha = hook_repo
    env = _env(pc_home)
    work = tmp_path / "site"
    _init_repo(work, env)
    (work / "jobs").mkdir()
    (work / "jobs" / "engineer.md").write_text(CLEAN_POSTING, encoding="utf-8")
    (work / "notes").mkdir()
    (work / "notes" / "draft.md").write_text(BAD_POSTING, encoding="utf-8")  # outside jobs/: not linted
    (work / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {repo.as_posix()}\n    rev: {sha}\n    hooks:\n      - id: adlint\n        files: ^jobs/\n",
        encoding="utf-8",
    )
    _git(work, env, "add", "-A")

    code, out = _run([*_pre_commit_cmd(), "run", "--all-files"], work, env)
    assert code == 0, out
    assert "Passed" in out and "draft.md" not in out, out

    (work / "jobs" / "bad.md").write_text(BAD_POSTING, encoding="utf-8")
    _git(work, env, "add", "-A")
    code, out = _run([*_pre_commit_cmd(), "run", "--all-files"], work, env)
    assert code == 1, out
    assert "jobs/bad.md:3:11: AD402" in out, out
    assert "draft.md" not in out and "engineer.md" not in out, out
