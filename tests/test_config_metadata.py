"""Per-path metadata in the configuration: ``[[metadata]]`` tables and ``default-*`` keys.

Covers how values are found (first matching table, globs relative to the
configuration file, the file's own metadata first), that a region from the
configuration reaches the pay rules as a region in the file would, and that a
bad value is one configuration error (exit 2, naming the file and the key),
checked with the real command line in a subprocess.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from adlint.cli import main

# Postings written for these tests, in the style of real ones.
TEXT_POSTING = """\
Senior Payments Engineer

About the role
You will design and run the services that move money for our customers, with a team of six engineers.

Requirements
- Five years of building backend services in Go or Java
- Experience with payment networks

How to apply
Send your CV and a short note to jobs@example.org
"""

MD_WITH_LANGUAGE = """\
---
title: Payments engineer
language: en
country: GB
---

## Responsibilities

- Run the payment services
"""


def write(root: Path, files: dict[str, str]) -> None:
    """Create ``files`` (relative path → text) under ``root``."""
    for rel, text in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")


def inspect_meta(capsys: pytest.CaptureFixture[str], path: str) -> dict[str, tuple[object, str]]:
    """``adlint inspect PATH``: metadata key → (value, origin)."""
    assert main(["inspect", path]) == 0
    data = json.loads(capsys.readouterr().out)
    return {k: (v["value"], v["origin"]) for k, v in data["metadata"].items()}


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    """``adlint check --output-format concise ARGS``: exit code and stdout lines."""
    code = main(["check", "--output-format", "concise", *args])
    return code, capsys.readouterr().out.splitlines()


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty project folder that is the current directory."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


# -- which values a file gets -----------------------------------------------------------------------

TABLES = """\
default-language = "en"
default-country = "GB"

[[metadata]]
path = "jobs/fr/*.txt"
language = "fr"
country = "FR"

[[metadata]]
path = "jobs/**"
language = "de"

[[metadata]]
path = "jobs/fr/special.txt"
language = "es"
"""


def test_first_matching_table_wins(project: Path, capsys) -> None:
    write(project, {".adlint.toml": TABLES, "jobs/fr/special.txt": TEXT_POSTING, "jobs/fr/a.txt": TEXT_POSTING,
                    "jobs/b.txt": TEXT_POSTING})
    # The third table also matches special.txt, but the first one that matches is the one used.
    assert inspect_meta(capsys, "jobs/fr/special.txt") == {"language": ("fr", "config-metadata"),
                                                           "country": ("FR", "config-metadata")}
    # The second table sets no country: default-country fills it.
    assert inspect_meta(capsys, "jobs/b.txt") == {"language": ("de", "config-metadata"), "country": ("GB", "config")}


def test_no_table_matches_defaults_apply(project: Path, capsys) -> None:
    write(project, {".adlint.toml": TABLES, "other/c.txt": TEXT_POSTING})
    assert inspect_meta(capsys, "other/c.txt") == {"language": ("en", "config"), "country": ("GB", "config")}


def test_file_metadata_beats_config(project: Path, capsys) -> None:
    write(project, {".adlint.toml": TABLES.replace("jobs/**", "jobs/*.md"), "jobs/p.md": MD_WITH_LANGUAGE})
    assert inspect_meta(capsys, "jobs/p.md") == {"title": ("Payments engineer", "front-matter"),
                                                 "language": ("en", "front-matter"), "country": ("GB", "front-matter")}


def test_html_lang_beats_config(project: Path, capsys) -> None:
    write(project, {".adlint.toml": '[[metadata]]\npath = "*.html"\nlanguage = "fr"\n',
                    "p.html": '<html lang="de"><body><h2>Deine Aufgaben</h2></body></html>\n'})
    assert inspect_meta(capsys, "p.html")["language"] == ("de", "html-lang")


@pytest.mark.parametrize("glob, path, matches", [
    ("*.txt", "deep/down/a.txt", True),              # no '/': any basename, as per-file-ignores
    ("jobs/*.txt", "jobs/a.txt", True),
    ("jobs/*.txt", "jobs/sub/a.txt", False),          # '*' stops at '/'
    ("jobs/**/*.txt", "jobs/sub/a.txt", True),
    ("jobs/", "jobs/sub/a.txt", True),                # a folder and everything in it
    ("jobs/?.txt", "jobs/ab.txt", False),
])
def test_glob_matching(project: Path, capsys, glob: str, path: str, matches: bool) -> None:
    write(project, {".adlint.toml": f'[[metadata]]\npath = "{glob}"\nlanguage = "fr"\n', path: TEXT_POSTING})
    assert ("language" in inspect_meta(capsys, path)) is matches


def test_path_may_be_a_list_and_globs_are_relative_to_the_config_file(project: Path, capsys, monkeypatch) -> None:
    write(project, {"site/.adlint.toml": '[[metadata]]\npath = ["nope/*", "jobs/*.txt"]\ncountry = "IE"\n',
                    "site/jobs/a.txt": TEXT_POSTING})
    monkeypatch.chdir(project / "site" / "jobs")  # run from elsewhere: still matched against site/
    assert inspect_meta(capsys, "a.txt")["country"] == ("IE", "config-metadata")


def test_pyproject_array_of_tables(project: Path, capsys) -> None:
    write(project, {"pyproject.toml": '[tool.adlint]\nselect = ["AD401"]\n\n[[tool.adlint.metadata]]\n'
                                      'path = "*.txt"\nlanguage = "en"\n',
                    "a.txt": TEXT_POSTING})
    assert check(capsys, "a.txt") == (0, [])


# -- must not fire ---------------------------------------------------------------------------------

def test_table_declaring_language_and_country_silences_ad401_and_ad406(project: Path, capsys) -> None:
    write(project, {".adlint.toml": 'select = ["AD401", "AD406"]\n[[metadata]]\npath = "jobs/*.txt"\n'
                                    'language = "en"\ncountry = "GB"\n',
                    "jobs/a.txt": TEXT_POSTING, "b.txt": TEXT_POSTING})
    code, lines = check(capsys, "jobs/a.txt", "b.txt")
    assert sorted(ln.split(": ")[1].split()[0] for ln in lines) == ["AD401", "AD406"]
    assert all(ln.startswith("b.txt:1:1:") for ln in lines)  # only the file no table matches


def test_table_region_counts_as_country(project: Path, capsys) -> None:
    write(project, {".adlint.toml": 'select = ["AD406"]\n[[metadata]]\npath = "*.txt"\nregion = "CA-ON"\n',
                    "a.txt": TEXT_POSTING})
    assert check(capsys, "a.txt") == (0, [])


# -- a configured region reaches the pay rules ------------------------------------------------------

PAY_CONFIG = 'select = ["AD601"]\nas-of = "2026-11-21"\n'


def test_default_region_reaches_the_pay_rules(project: Path, capsys) -> None:
    write(project, {".adlint.toml": PAY_CONFIG + 'default-country = "US"\ndefault-region = "US-CO"\n',
                    "a.txt": TEXT_POSTING})
    code, lines = check(capsys, "a.txt")
    assert code == 1 and len(lines) == 1
    assert lines[0].startswith("a.txt:1:1: AD601 [error]") and "Colorado" in lines[0]


def test_default_region_alone_gives_its_country(project: Path, capsys) -> None:
    write(project, {".adlint.toml": PAY_CONFIG + 'default-region = "US-CO"\n', "a.txt": TEXT_POSTING})
    code, lines = check(capsys, "a.txt")
    assert len(lines) == 1 and "AD601" in lines[0] and "Colorado" in lines[0]


def test_table_region_reaches_the_pay_rules_like_the_files_own(project: Path, capsys) -> None:
    own = "---\ncountry: US\nregion: US-CO\n---\n\n## Responsibilities\n\n- Run the payment services\n"
    configured = "## Responsibilities\n\n- Run the payment services\n"
    write(project, {".adlint.toml": PAY_CONFIG + '[[metadata]]\npath = "cfg.md"\nregion = "US-CO"\n',
                    "own.md": own, "cfg.md": configured})
    _, lines = check(capsys, "own.md", "cfg.md")
    msgs = {ln.split(":", 1)[0]: ln.split(" AD601 [error] ", 1)[1] for ln in lines}
    assert set(msgs) == {"own.md", "cfg.md"}
    assert "Colorado" in msgs["cfg.md"] and msgs["cfg.md"].split(";")[0] == msgs["own.md"].split(";")[0]


def test_configured_region_in_another_country_than_the_file_is_not_applied(project: Path, capsys) -> None:
    md = "---\ncountry: DE\n---\n\n## Responsibilities\n\n- Run the payment services\n"
    write(project, {".adlint.toml": PAY_CONFIG + 'default-region = "US-CO"\n', "de.md": md})
    assert check(capsys, "de.md") == (0, [])
    assert "region" not in inspect_meta(capsys, "de.md")


# -- bad values: one configuration error, exit 2, file and key named --------------------------------

def run_cli(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    """The real command line in a subprocess."""
    return subprocess.run([sys.executable, "-m", "adlint", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120)


@pytest.mark.parametrize("config_name, text, key, words", [
    (".adlint.toml", 'default-language = "english"\n', "default-language", "'english' is not a valid BCP 47"),
    (".adlint.toml", 'default-language = "fr_FR"\n', "default-language", "use 'fr-FR'"),
    (".adlint.toml", 'default-country = "UK"\n', "default-country", "use 'GB'"),
    (".adlint.toml", 'default-country = "Germany"\n', "default-country", "use 'DE'"),
    (".adlint.toml", 'default-region = "California"\n', "default-region", "not an ISO 3166-2 subdivision code"),
    (".adlint.toml", 'default-region = "US-XX"\n', "default-region", "not an ISO 3166-2 subdivision of US"),
    (".adlint.toml", 'default-country = "GB"\ndefault-region = "US-CA"\n', "default-region",
     "not a subdivision of default-country 'GB'"),
    ("adlint.toml", '[[metadata]]\npath = "*.txt"\nlanguage = "english"\n', "metadata[1].language",
     "'english' is not a valid BCP 47"),
    ("adlint.toml", '[[metadata]]\npath = "a/*"\n[[metadata]]\npath = "*.txt"\ncountry = "XX"\n',
     "metadata[2].country", "'XX' is not an ISO 3166-1 alpha-2"),
    ("adlint.toml", '[[metadata]]\npath = "*.txt"\ncountry = "CA"\nregion = "US-CA"\n', "metadata[1].region",
     "not a subdivision of country 'CA'"),
    ("adlint.toml", '[[metadata]]\npath = "*.txt"\nlang = "en"\n', "metadata[1].lang",
     "allowed keys: path, language, country, region"),
    ("adlint.toml", '[[metadata]]\nlanguage = "en"\n', "metadata[1].path", "Field required"),
    ("pyproject.toml", '[tool.adlint]\n[[tool.adlint.metadata]]\npath = "*.txt"\nregion = "ca-on"\n',
     "metadata[1].region", "use 'CA-ON'"),
])
def test_bad_metadata_value_is_a_config_error(tmp_path: Path, config_name: str, text: str, key: str,
                                              words: str) -> None:
    write(tmp_path, {config_name: text, "a.txt": TEXT_POSTING})
    proc = run_cli(tmp_path, "check", "a.txt")
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert proc.stdout == ""  # not a finding on every posting
    assert "Traceback" not in proc.stderr
    assert f"{tmp_path / config_name}: invalid configuration:" in proc.stderr
    line = next(ln for ln in proc.stderr.splitlines() if ln.strip().startswith(f"{key}:"))
    assert words in line, proc.stderr


def test_valid_metadata_values_load(tmp_path: Path) -> None:
    write(tmp_path, {".adlint.toml": 'select = ["AD401", "AD406"]\ndefault-language = "fr-CA"\n'
                                     'default-country = "CA"\ndefault-region = "CA-QC"\n',
                     "a.txt": TEXT_POSTING})
    proc = run_cli(tmp_path, "check", "a.txt")
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "")
