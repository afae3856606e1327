"""The wheel: it ships the rule data and the console script, and runs on its own.

Builds the wheel once per session with ``pip wheel --no-deps`` (pip fetches the
build backend, hatchling, from PyPI into an isolated build environment), then
checks its contents and runs ``python -m adlint`` from the unpacked wheel,
outside the source tree, so nothing can come from the checkout by accident
(these tests are marked ``packaging``). Also checks that README.md, the wheel's
long description, shows the real rule table and real adlint output.
"""

from __future__ import annotations

import configparser
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from adlint import __version__

ROOT = Path(__file__).resolve().parent.parent

@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Path of the freshly built ``adlint-*.whl``."""
    out = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--disable-pip-version-check",
         "--wheel-dir", str(out), str(ROOT)],
        capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL,
    )
    assert proc.returncode == 0, f"pip wheel failed:\n{proc.stdout}\n{proc.stderr}"
    wheels = list(out.glob("adlint-*.whl"))
    assert len(wheels) == 1, f"expected one wheel, got {wheels}"
    return wheels[0]


@pytest.fixture(scope="session")
def unpacked(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel extracted into a folder usable as ``PYTHONPATH``."""
    dest = tmp_path_factory.mktemp("site")
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(dest)
    return dest


def _names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as zf:
        return set(zf.namelist())


@pytest.mark.packaging
def test_wheel_ships_every_rule_data_pack(wheel: Path) -> None:
    names = _names(wheel)
    assert "adlint/_rules/sections.yaml" in names
    assert "adlint/_rules/locale.yaml" in names
    # every pack in the source tree (sub-folders too), not only the two known today
    packs = sorted((ROOT / "rules").rglob("*.yaml"))
    assert packs
    missing = [p.relative_to(ROOT / "rules").as_posix() for p in packs
               if f"adlint/_rules/{p.relative_to(ROOT / 'rules').as_posix()}" not in names]
    assert not missing, f"rule data missing from the wheel: {missing}"


@pytest.mark.packaging
def test_wheel_does_not_ship_tests_or_the_top_level_rules_folder(wheel: Path) -> None:
    names = _names(wheel)
    assert not any(n.startswith(("tests/", "rules/", "benchmarks/")) for n in names), sorted(names)


@pytest.mark.packaging
def test_wheel_declares_the_console_script(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as zf:
        ep_name = next(n for n in zf.namelist() if n.endswith(".dist-info/entry_points.txt"))
        text = zf.read(ep_name).decode("utf-8")
    parser = configparser.ConfigParser()
    parser.read_string(text)
    assert parser.get("console_scripts", "adlint").replace(" ", "") == "adlint.cli:main"


def _run_unpacked(unpacked: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env["PYTHONPATH"] = str(unpacked)  # before site-packages, so it wins over an editable install
    return subprocess.run([sys.executable, "-m", "adlint", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)


@pytest.mark.packaging
def test_python_m_adlint_version_from_the_wheel(unpacked: Path, tmp_path: Path) -> None:
    proc = _run_unpacked(unpacked, tmp_path, "--version")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"adlint {__version__}"


@pytest.mark.packaging
def test_wheel_reads_its_own_rule_data(unpacked: Path, tmp_path: Path) -> None:
    """AD101 needs sections.yaml and AD402 locale data: both must load from ``adlint/_rules``."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(unpacked)
    where = subprocess.run(
        [sys.executable, "-c", "import adlint.ruledata as r; print(r.__file__); print(r.rules_dir())"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60,
    )
    assert where.returncode == 0, where.stderr
    module_file, rules_dir = where.stdout.split()
    assert Path(module_file).is_relative_to(unpacked)
    assert Path(rules_dir) == unpacked / "adlint" / "_rules"

    posting = tmp_path / "job.md"
    posting.write_text("---\nlanguage: fr_CA\ncountry: FR\n---\n\n## Requirements\n\n- SQL\n", encoding="utf-8")
    proc = _run_unpacked(unpacked, tmp_path, "check", "--isolated", "--extend-select", "AD101",
                         "--output-format", "concise", "job.md")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "job.md:2:11: AD402" in proc.stdout
    assert "AD101" in proc.stdout and "missing required section 'benefits'" in proc.stdout
    # a near miss: the requirements heading is read from sections.yaml, so "Requirements" names a section
    # and the posting is not a short announcement (AD504 would then say "short posting")
    assert "short posting" not in proc.stdout


def test_readme_generated_parts_are_current() -> None:
    """README.md (the wheel's long description) shows the real rule table and real adlint output.

    ``docs/sync_readme.py --check`` regenerates them by running adlint and compares;
    when it fails, run ``python docs/sync_readme.py --write`` and review the diff.
    """
    proc = subprocess.run([sys.executable, str(ROOT / "docs" / "sync_readme.py"), "--check"], cwd=ROOT,
                          capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, proc.stderr
