"""Configuration through the command line: discovery, selection, path filters, severities, errors.

Every test builds a small project under ``tmp_path``, changes into it and runs
``adlint.cli.main``; findings are read from the concise output.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from adlint.cli import main

# An English posting with exactly one empty section (AD104, warning, line 8) that declares its
# language and country and has every required section: nothing else among the rules of BASE.
POSTING = """\
---
title: Data engineer
language: en
country: GB
location: London
---

## Benefits

## Responsibilities

- Build the pipelines behind our hiring analytics

## Requirements

- Solid SQL

## How to apply

Send your CV to jobs@example.org
"""

# Same, without the empty section and with a long paragraph of requirements (AD105, info).
INFO_ONLY = POSTING.replace("## Benefits\n\n", "").replace(
    "- Solid SQL", " ".join(["You know SQL and Python well and like explaining data to people."] * 8)
) + "\n## Benefits\n\n- Pension\n"


# The rules these tests are about; other families are left out so that their findings do not count.
BASE = 'select = ["AD101", "AD104", "AD105", "AD401", "AD406"]\n'


def write(root: Path, files: dict[str, str]) -> None:
    """Create ``files`` (relative path -> text) under ``root``."""
    for rel, text in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], str]:
    """Run ``adlint check --output-format concise ARGS``: exit code, stdout lines, stderr."""
    code = main(["check", "--output-format", "concise", *args])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err


def codes(lines: list[str]) -> list[tuple[str, str]]:
    """``(path, code)`` per concise line, paths with ``/``."""
    out = []
    for ln in lines:
        loc, rest = ln.split(": ", 1)
        out.append((loc.rsplit(":", 2)[0].replace("\\", "/"), rest.split()[0]))
    return out


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty project folder that is the current directory."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


# -- discovery ------------------------------------------------------------------------------------

def test_dot_adlint_toml_beats_adlint_toml_beats_pyproject(project: Path, capsys) -> None:
    write(project, {"p.md": POSTING, "pyproject.toml": '[tool.adlint]\nselect = ["AD406"]\n',
                    "adlint.toml": 'select = ["AD401"]\n', ".adlint.toml": 'select = ["AD104"]\n'})
    (project / "p.md").write_text(POSTING.replace("language: en\ncountry: GB\n", ""), encoding="utf-8")
    assert codes(run(capsys, "p.md")[1]) == [("p.md", "AD104")]
    (project / ".adlint.toml").unlink()
    assert codes(run(capsys, "p.md")[1]) == [("p.md", "AD401")]
    (project / "adlint.toml").unlink()
    assert codes(run(capsys, "p.md")[1]) == [("p.md", "AD406")]


def test_nearest_folder_wins_without_merging(project: Path, capsys) -> None:
    write(project, {".adlint.toml": 'select = ["AD104"]\n', "root.md": POSTING,
                    "fr/adlint.toml": 'select = ["AD101"]\n', "fr/job.md": "## Vos missions\n\n- Coder\n",
                    "fr/deep/job.md": "## Vos missions\n\n- Coder\n"})
    code, lines, _ = run(capsys, ".")
    assert code == 1
    found = codes(lines)
    assert ("root.md", "AD104") in found
    assert {c for p, c in found if p.startswith("fr/")} == {"AD101"}  # AD104 from the root file is not merged
    assert any(p == "fr/deep/job.md" for p, _ in found)


def test_pyproject_without_tool_adlint_is_skipped(project: Path, capsys) -> None:
    write(project, {".adlint.toml": 'select = ["AD104"]\n', "sub/pyproject.toml": "[tool.black]\nline-length = 100\n",
                    "sub/p.md": POSTING})
    assert codes(run(capsys, "sub/p.md")[1]) == [("sub/p.md", "AD104")]


def test_pyproject_with_tool_adlint_is_used(project: Path, capsys) -> None:
    write(project, {".adlint.toml": 'select = ["AD104"]\n',
                    "sub/pyproject.toml": '[tool.black]\n\n[tool.adlint]\nselect = ["AD406"]\n', "sub/p.md": POSTING})
    assert run(capsys, "sub/p.md")[:2] == (0, [])


def test_config_file_applies_to_every_path(project: Path, capsys) -> None:
    write(project, {".adlint.toml": 'select = ["AD104"]\n', "other.toml": 'select = ["AD406"]\n',
                    "p.md": POSTING.replace("country: GB\n", "")})
    assert codes(run(capsys, "--config", "other.toml", "p.md")[1]) == [("p.md", "AD406")]


def test_config_file_may_be_a_pyproject(project: Path, capsys) -> None:
    write(project, {"cfg/pyproject.toml": '[tool.adlint]\nselect = ["AD104"]\n', "p.md": POSTING})
    assert codes(run(capsys, "--config", "cfg/pyproject.toml", "p.md")[1]) == [("p.md", "AD104")]


def test_isolated_ignores_config_files(project: Path, capsys) -> None:
    write(project, {".adlint.toml": 'ignore = ["ALL"]\n', "p.md": POSTING})
    assert run(capsys, "p.md")[:2] == (0, [])
    code, lines, _ = run(capsys, "--isolated", "p.md")
    assert code == 1 and ("p.md", "AD504") in codes(lines)


# -- selection ------------------------------------------------------------------------------------

BARE = "## Contact\n\n## Tasks\n\n- Build\n"  # AD104; AD101 (no benefits), AD401, AD406 by default too


@pytest.mark.parametrize(
    "config, expected",
    [
        ('select = ["AD104"]', {"AD104"}),
        ('select = ["empty-section", "missing-country"]', {"AD104", "AD406"}),
        ('select = ["missing-required-section"]\nextend-select = ["AD401", "AD104"]', {"AD101", "AD104", "AD401"}),
        ('select = ["AD101", "AD104", "AD401", "AD406"]\nignore = ["empty-section", "AD40"]', {"AD101"}),
        ('select = ["ad104", "Missing-Country"]', {"AD104", "AD406"}),
    ],
)
def test_selection_in_config(project: Path, capsys, config: str, expected: set[str]) -> None:
    write(project, {".adlint.toml": config + "\n", "p.md": BARE})
    assert {c for _, c in codes(run(capsys, "p.md")[1])} == expected


@pytest.mark.parametrize(
    "config, present, absent_prefixes",
    [
        ('select = ["AD4"]', {"AD401", "AD406"}, ("AD0", "AD1", "AD2", "AD3", "AD5", "AD6", "AD7")),
        ('select = ["AD10"]', {"AD101", "AD104"}, ("AD0", "AD2", "AD3", "AD4", "AD5", "AD6", "AD7")),
        ('ignore = ["AD1", "missing-country"]', {"AD401"}, ("AD1", "AD406")),
        ('select = ["ALL"]\nignore = ["AD4"]', {"AD101", "AD104", "AD002"}, ("AD4",)),
        ("", {"AD401", "AD406"}, ("AD002", "AD101", "AD104")),  # AD101, AD104 are opt-in
    ],
)
def test_selection_by_prefix_and_all(project: Path, capsys, config: str, present: set[str],
                                     absent_prefixes: tuple[str, ...]) -> None:
    # Families grow: assert what a prefix must and must not bring in, not the whole set.
    text = BARE + "\n<!-- adlint-disable-next-line -->\n"  # an unused all-rules directive (AD002 when selected)
    write(project, {".adlint.toml": config + "\n", "p.md": text})
    found = {c for _, c in codes(run(capsys, "p.md")[1])}
    assert present <= found
    assert not any(c.startswith(absent_prefixes) for c in found), found


def test_selection_on_command_line_overrides_and_extends(project: Path, capsys) -> None:
    write(project, {".adlint.toml": 'select = ["AD104"]\nignore = ["AD406"]\n', "p.md": BARE})
    assert {c for _, c in codes(run(capsys, "--select", "AD401,missing-country", "p.md")[1])} == {"AD401"}  # file's ignore stays
    assert {c for _, c in codes(run(capsys, "--extend-select", "missing-language", "p.md")[1])} == {"AD104", "AD401"}
    assert {c for _, c in codes(run(capsys, "--select", "AD104,AD401", "--ignore", "AD1,AD4", "p.md")[1])} == set()


def test_off_by_default_rule_enabled_by_all(project: Path, capsys) -> None:
    write(project, {"p.md": "## Tasks\n\n- Build\n\n<!-- adlint-disable-next-line -->\n"})
    assert "AD002" not in {c for _, c in codes(run(capsys, "p.md")[1])}
    assert "AD002" in {c for _, c in codes(run(capsys, "--select", "ALL", "p.md")[1])}


def test_per_file_ignores_globs(project: Path, capsys) -> None:
    write(project, {
        ".adlint.toml": 'select = ["AD104", "AD406"]\n[per-file-ignores]\n"drafts/*" = ["AD104"]\n'
                        '"**/legacy-*.md" = ["missing-country", "AD1"]\n',
        "drafts/a.md": BARE, "live/b.md": BARE, "live/old/legacy-c.md": BARE, "legacy-d.md": BARE,
    })
    assert sorted(codes(run(capsys, ".")[1])) == [("drafts/a.md", "AD406"), ("live/b.md", "AD104"),
                                                   ("live/b.md", "AD406")]


def test_per_file_ignores_are_relative_to_the_config_file(project: Path, capsys, monkeypatch) -> None:
    write(project, {".adlint.toml": 'select = ["AD104"]\n[per-file-ignores]\n"drafts/*.md" = ["ALL"]\n',
                    "drafts/a.md": BARE})
    monkeypatch.chdir(project / "drafts")
    assert run(capsys, "a.md")[:2] == (0, [])


# -- include / exclude ------------------------------------------------------------------------------

def test_exclude_when_walking_and_force_exclude(project: Path, capsys) -> None:
    write(project, {".adlint.toml": 'select = ["AD104"]\nexclude = ["drafts", "*.txt"]\n',
                    "drafts/a.md": BARE, "live/b.md": BARE, "live/c.txt": "Benefits:\n\nTasks:\n- Build\n"})
    assert codes(run(capsys, ".")[1]) == [("live/b.md", "AD104")]
    # A file named explicitly is linted (editors and pre-commit name files) ...
    assert codes(run(capsys, "drafts/a.md")[1]) == [("drafts/a.md", "AD104")]
    # ... unless --force-exclude is given.
    code, lines, err = run(capsys, "--force-exclude", "drafts/a.md", "live/c.txt")
    assert (code, lines) == (0, [])
    assert "no postings found" in err


def test_default_excluded_folders(project: Path, capsys) -> None:
    write(project, {"node_modules/x/README.md": BARE, ".venv/y.md": BARE, "jobs/p.md": BARE})
    assert [p for p, _ in codes(run(capsys, "--select", "AD104", ".")[1])] == ["jobs/p.md"]


def test_include_replaces_the_default_extensions(project: Path, capsys) -> None:
    write(project, {".adlint.toml": 'select = ["AD104"]\ninclude = ["postings/**/*.md"]\n',
                    "postings/en/a.md": BARE, "notes/b.md": BARE, "postings/c.html": "<h2>Benefits</h2>\n"})
    assert codes(run(capsys, ".")[1]) == [("postings/en/a.md", "AD104")]


def test_walking_skips_json_and_yaml_unless_included(project: Path, capsys) -> None:
    write(project, {"a.md": BARE, "data.json": '{"not": "a posting"}\n', "ci.yaml": "on: push\n"})
    assert {p for p, _ in codes(run(capsys, "--select", "ALL", ".")[1])} == {"a.md"}


# -- severities and fail level ----------------------------------------------------------------------

def test_info_finding_does_not_fail_by_default(project: Path, capsys) -> None:
    write(project, {".adlint.toml": BASE, "p.md": INFO_ONLY})
    code, lines, _ = run(capsys, "p.md")
    assert [c for _, c in codes(lines)] == ["AD105"]
    assert "[info]" in lines[0]
    assert code == 0


def test_fail_level_info_fails_on_info(project: Path, capsys) -> None:
    write(project, {".adlint.toml": BASE, "p.md": INFO_ONLY})
    assert run(capsys, "p.md")[0] == 0
    assert run(capsys, "--fail-level", "info", "p.md")[0] == 1
    write(project, {".adlint.toml": BASE + 'fail-level = "info"\n'})
    assert run(capsys, "p.md")[0] == 1


def test_fail_level_error_passes_warnings(project: Path, capsys) -> None:
    write(project, {".adlint.toml": BASE + 'fail-level = "error"\n', "p.md": POSTING})
    code, lines, _ = run(capsys, "p.md")
    assert (code, [c for _, c in codes(lines)]) == (0, ["AD104"])


def test_rule_severity_override(project: Path, capsys) -> None:
    write(project, {".adlint.toml": BASE + '[rules.AD105]\nseverity = "error"\n', "p.md": INFO_ONLY})
    code, lines, _ = run(capsys, "p.md")
    assert code == 1
    assert len(lines) == 1 and " AD105 [error] " in lines[0]


def test_rule_severity_off(project: Path, capsys) -> None:
    write(project, {".adlint.toml": BASE + '[rules.empty-section]\nseverity = "off"\n', "p.md": POSTING})
    assert run(capsys, "p.md")[:2] == (0, [])


def test_rule_options(project: Path, capsys) -> None:
    write(project, {".adlint.toml": 'extend-select = ["AD101"]\n[rules.AD101]\nseverity = "error"\n'
                                    'required = ["compensation"]\n', "p.md": POSTING})
    code, lines, _ = run(capsys, "p.md")
    assert code == 1
    msgs = [ln for ln in lines if " AD101 " in ln]
    assert len(msgs) == 1
    assert "AD101 [error] missing required section 'compensation'" in msgs[0]


def test_kebab_case_rule_options(project: Path, capsys) -> None:
    write(project, {".adlint.toml": BASE + '[rules.AD104]\nmin-words = 4\n',
                    "p.md": POSTING.replace("## Benefits\n", "## Benefits\n\nPension and gym\n")})
    code, lines, _ = run(capsys, "p.md")
    assert code == 1
    assert len(lines) == 1 and "p.md:8:4: AD104 [warning] section 'Benefits' has only 3 words" in lines[0]


def test_default_language_and_country(project: Path, capsys) -> None:
    write(project, {".adlint.toml": 'select = ["AD401", "AD406"]\ndefault-language = "fr"\ndefault-country = "FR"\n',
                    "p.md": "## Vos missions\n\n- Coder\n"})
    assert run(capsys, "p.md")[:2] == (0, [])


# -- errors: exit 2, the file, the key, what is allowed, never a traceback ---------------------------

def _error(project: Path, capsys, config_name: str, text: str) -> str:
    write(project, {config_name: text, "p.md": POSTING})
    code, lines, err = run(capsys, "p.md")
    assert code == 2
    assert lines == []
    assert "Traceback" not in err
    assert str(project / config_name) in err
    return err


def test_error_unknown_key(project: Path, capsys) -> None:
    err = _error(project, capsys, ".adlint.toml", 'selcet = ["AD104"]\n')
    assert "selcet: unknown key" in err
    assert "allowed keys:" in err and "extend-select" in err and "per-file-ignores" in err


def test_error_unknown_key_in_pyproject(project: Path, capsys) -> None:
    err = _error(project, capsys, "pyproject.toml", '[tool.adlint]\nfail_levle = "info"\n')
    assert "fail_levle: unknown key" in err


def test_error_bad_value(project: Path, capsys) -> None:
    err = _error(project, capsys, "adlint.toml", 'fail-level = "fatal"\n')
    assert "fail-level:" in err and "'info', 'warning' or 'error'" in err and "'fatal'" in err


def test_error_bad_value_type(project: Path, capsys) -> None:
    err = _error(project, capsys, ".adlint.toml", 'select = "AD104"\n')
    assert "select:" in err and "list" in err


def test_error_unknown_rule_selector(project: Path, capsys) -> None:
    err = _error(project, capsys, ".adlint.toml", 'ignore = ["AD9"]\n')
    assert "ignore: unknown rule selector 'AD9'" in err and "prefix" in err and "ALL" in err


def test_error_unknown_selector_in_per_file_ignores(project: Path, capsys) -> None:
    err = _error(project, capsys, ".adlint.toml", '[per-file-ignores]\n"*.md" = ["emtpy-section"]\n')
    assert "per-file-ignores" in err and "'emtpy-section'" in err


def test_error_unknown_rule_table(project: Path, capsys) -> None:
    err = _error(project, capsys, ".adlint.toml", '[rules.AD999]\nseverity = "error"\n')
    assert "rules" in err and "unknown rule 'AD999'" in err


def test_error_bad_rule_severity(project: Path, capsys) -> None:
    err = _error(project, capsys, ".adlint.toml", '[rules.AD101]\nseverity = "fatal"\n')
    assert "rules.AD101.severity" in err and "'off', 'info', 'warning' or 'error'" in err


def test_error_unknown_rule_option_lists_allowed_options(project: Path, capsys) -> None:
    err = _error(project, capsys, ".adlint.toml", '[rules.AD101]\nrequird = ["benefits"]\n')
    assert "rules.AD101.requird: unknown option" in err
    assert "allowed keys: severity, required, error-sections" in err


def test_error_bad_rule_option_value(project: Path, capsys) -> None:
    err = _error(project, capsys, ".adlint.toml", '[rules.empty-section]\nmin-words = -1\n')
    assert "rules.empty-section.min-words" in err and "greater than or equal to 0" in err


def test_error_unknown_section_id_in_rule_option(project: Path, capsys) -> None:
    err = _error(project, capsys, ".adlint.toml", '[rules.AD101]\nrequired = ["responsibilities", "salary"]\n')
    assert "rules.AD101.required" in err and "unknown section id 'salary'" in err
    assert "compensation" in err  # the known ids are listed


def test_error_option_for_a_rule_without_options(project: Path, capsys) -> None:
    err = _error(project, capsys, ".adlint.toml", '[rules.AD401]\nmin-words = 3\n')
    assert "rules.AD401.min-words: unknown option" in err and "allowed keys: severity" in err


def test_error_invalid_toml(project: Path, capsys) -> None:
    err = _error(project, capsys, ".adlint.toml", 'fail-level = "info"\nselect = [AD104]\n')
    assert "invalid TOML" in err and "line 2" in err


def test_error_in_nested_config_only_when_used(project: Path, capsys) -> None:
    write(project, {"good/p.md": POSTING, "bad/.adlint.toml": "nope = 1\n", "bad/p.md": POSTING})
    assert run(capsys, "--select", "AD104", "good/p.md")[0] == 1
    code, _, err = run(capsys, "--select", "AD104", "bad/p.md")
    assert code == 2 and "nope: unknown key" in err


def test_bad_file_is_reported_even_when_the_command_line_overrides_the_key(project: Path, capsys) -> None:
    err = _error(project, capsys, ".adlint.toml", 'select = ["AD9"]\n')
    code, _, err2 = run(capsys, "--select", "AD104", "p.md")
    assert code == 2 and "'AD9'" in err2


def test_error_bad_command_line_selector_blames_the_command_line(project: Path, capsys) -> None:
    write(project, {".adlint.toml": 'select = ["AD104"]\n', "p.md": POSTING})
    code, lines, err = run(capsys, "--select", "AD9", "p.md")
    assert code == 2
    assert "command line" in err and "'AD9'" in err
    assert ".adlint.toml" not in err


def test_error_missing_config_file(project: Path, capsys) -> None:
    write(project, {"p.md": POSTING})
    code, _, err = run(capsys, "--config", "missing.toml", "p.md")
    assert code == 2 and "missing.toml" in err and "not found" in err


def test_error_config_pyproject_without_table(project: Path, capsys) -> None:
    write(project, {"pyproject.toml": "[tool.black]\n", "p.md": POSTING})
    code, _, err = run(capsys, "--config", "pyproject.toml", "p.md")
    assert code == 2 and "no [tool.adlint] table" in err


def test_error_missing_path(project: Path, capsys) -> None:
    code, _, err = run(capsys, "nope.md")
    assert code == 2 and "nope.md" in err and "Traceback" not in err
