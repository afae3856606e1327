"""Output formats, statistics, exit codes and the output file, through the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from adlint.cli import main

# Line 2: AD402 at col 11-16; line 3: AD407 at col 10-12; line 6: AD104 at col 4-13.
POSTING = """\
---
language: fr_CA
country: UK
---

## Avantages

## Vos missions

- Concevoir l'API
"""
SELECT = ["--select", "AD402,AD407,AD104"]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder holding ``offre.md`` (POSTING), made the current directory."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "offre.md").write_text(POSTING, encoding="utf-8")
    return tmp_path


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", *SELECT, *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_concise_lines_exact(project: Path, capsys) -> None:
    code, out, err = check(capsys, "--output-format", "concise", "offre.md")
    assert code == 1
    assert out.splitlines() == [
        "offre.md:2:11: AD402 [error] invalid language tag 'fr_CA': BCP 47 separates subtags with '-', not '_'; "
        "use 'fr-CA'",
        "offre.md:3:10: AD407 [error] invalid country code 'UK': UK is not an ISO 3166-1 code; the United Kingdom "
        "is GB; use 'GB'",
        "offre.md:6:4: AD104 [warning] section 'Avantages' is empty",
    ]
    assert err == "Found 3 findings in 1 file (1 checked).\n"


def test_concise_is_the_default_when_not_a_terminal(project: Path, capsys) -> None:
    _, out, _ = check(capsys, "offre.md")
    assert out.splitlines()[0].startswith("offre.md:2:11: AD402 [error] ")
    assert "|" not in out


def test_full_format_source_line_and_caret(project: Path, capsys) -> None:
    code, out, _ = check(capsys, "--output-format", "full", "offre.md")
    assert code == 1
    blocks = out.split("\n\n")
    first = blocks[0].splitlines()
    assert first[0].startswith("offre.md:2:11: AD402 [error] invalid language tag 'fr_CA'")
    assert first[1] == "  |"
    assert first[2] == "2 | language: fr_CA"
    assert first[3] == "  |           ^^^^^"
    # The caret sits exactly under the value: same offset in the source line and the caret line.
    assert first[3].index("^") == first[2].index("fr_CA")
    assert first[4] == "  fix (safe): language tag 'fr_CA' → 'fr-CA'"
    third = blocks[2].splitlines()
    assert third[2] == "6 | ## Avantages"
    assert third[3] == "  |    ^^^^^^^^^"


def test_full_format_wide_gutter_and_unicode_columns(project: Path, capsys) -> None:
    text = "\n" * 10 + "## Rémunération\n\n## Tâches\n\n- Coder\n"
    (project / "long.md").write_text(text, encoding="utf-8")
    code = main(["check", "--select", "AD104", "--output-format", "full", "long.md"])
    lines = capsys.readouterr().out.splitlines()
    assert code == 1
    assert lines[0] == "long.md:11:4: AD104 [warning] section 'Rémunération' is empty"
    assert lines[1:4] == ["   |", "11 | ## Rémunération", "   |    ^^^^^^^^^^^^"]


def test_full_format_suggestion_without_fix(project: Path, capsys) -> None:
    # Plain text has no place to declare a language: the detected one is suggested, not fixed in the file.
    (project / "b.txt").write_text("Vos missions\n\nVous concevez et maintenez les services de paiement de "
                                   "l'entreprise avec une équipe de six personnes.\n", encoding="utf-8")
    main(["check", "--select", "AD401", "--output-format", "full", "b.txt"])
    out = capsys.readouterr().out
    assert "  help: use 'fr'" in out
    assert "fix (" not in out


def _check_object(obj: dict) -> None:
    assert set(obj) >= {"path", "code", "name", "severity", "message", "location", "end_location"}


def test_json_format(project: Path, capsys) -> None:
    code, out, err = check(capsys, "--output-format", "json", "offre.md")
    assert code == 1
    data = json.loads(out)
    assert [d["code"] for d in data] == ["AD402", "AD407", "AD104"]
    for d in data:
        _check_object(d)
        assert d["path"] == "offre.md"
    first = data[0]
    assert first["severity"] == "error"
    assert first["name"] == "invalid-language-tag"
    assert first["location"] == {"line": 2, "column": 11}
    assert first["end_location"] == {"line": 2, "column": 16}
    assert first["suggestion"] == "fr-CA"
    edit = first["fix"]["edits"][0]
    assert POSTING[edit["start"]:edit["end"]] == "fr_CA" and edit["content"] == "fr-CA"
    assert first["fix"]["applicability"] == "safe"
    assert data[2]["severity"] == "warning" and "fix" not in data[2]
    assert "Found" not in err  # machine formats keep stderr quiet


def test_json_format_with_no_findings_is_an_empty_array(project: Path, capsys) -> None:
    (project / "ok.md").write_text("---\nlanguage: fr\ncountry: FR\n---\n\n## Missions\n\n- Coder\n", encoding="utf-8")
    code, out, _ = check(capsys, "--output-format", "json", "ok.md")
    assert code == 0
    assert json.loads(out) == []


def test_json_lines_format(project: Path, capsys) -> None:
    code, out, _ = check(capsys, "--output-format", "json-lines", "offre.md")
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 3
    objs = [json.loads(ln) for ln in lines]
    for o in objs:
        _check_object(o)
    assert objs[1]["code"] == "AD407"
    assert objs[1]["location"] == {"line": 3, "column": 10}
    assert objs[1]["end_location"] == {"line": 3, "column": 12}
    assert objs[2]["message"] == "section 'Avantages' is empty"


def test_json_keeps_non_ascii_text(project: Path, capsys) -> None:
    (project / "e.md").write_text("## Qué ofrecemos\n\n## Tus funciones\n\n- Programar\n", encoding="utf-8")
    main(["check", "--select", "AD104", "--output-format", "json-lines", "e.md"])
    out = capsys.readouterr().out
    assert "Qué ofrecemos" in out
    assert json.loads(out)["message"] == "section 'Qué ofrecemos' is empty"


def test_statistics_counts_per_rule(project: Path, capsys) -> None:
    (project / "other.md").write_text("## Benefits\n\n## Perks\n\n## Tasks\n\n- Build\n", encoding="utf-8")
    code, out, _ = check(capsys, "--statistics", "offre.md", "other.md")
    assert code == 1
    rows = [ln.split("\t") for ln in out.splitlines()]
    assert rows == [
        ["     3", "AD104", "    empty-section"],
        ["     1", "AD402", "[*] invalid-language-tag"],
        ["     1", "AD407", "[*] invalid-country-code"],
    ]


def test_exit_zero(project: Path, capsys) -> None:
    code, out, _ = check(capsys, "--exit-zero", "--output-format", "concise", "offre.md")
    assert code == 0
    assert len(out.splitlines()) == 3  # findings still shown


def test_exit_zero_keeps_exit_2_for_errors(project: Path, capsys) -> None:
    code = main(["check", "--exit-zero", "--select", "AD9", "offre.md"])
    assert code == 2
    assert "AD9" in capsys.readouterr().err


def test_output_file(project: Path, capsys) -> None:
    code, out, _ = check(capsys, "-o", "report.json", "--output-format", "json", "offre.md")
    assert code == 1
    assert out == ""
    data = json.loads((project / "report.json").read_text(encoding="utf-8"))
    assert [d["code"] for d in data] == ["AD402", "AD407", "AD104"]


def test_output_file_concise_is_the_default(project: Path, capsys) -> None:
    check(capsys, "--output-file", "report.txt", "offre.md")
    text = (project / "report.txt").read_text(encoding="utf-8")
    assert text.splitlines()[2] == "offre.md:6:4: AD104 [warning] section 'Avantages' is empty"


def test_output_file_unwritable_exits_2(project: Path, capsys) -> None:
    code, out, err = check(capsys, "-o", "missing-dir/report.txt", "offre.md")
    assert code == 2
    assert "cannot write" in err and "Traceback" not in err


def test_output_format_from_config(project: Path, capsys) -> None:
    (project / ".adlint.toml").write_text('output-format = "json-lines"\n', encoding="utf-8")
    _, out, _ = check(capsys, "offre.md")
    assert json.loads(out.splitlines()[0])["code"] == "AD402"


def test_no_findings_exit_0_and_quiet(project: Path, capsys) -> None:
    (project / "ok.md").write_text("---\nlanguage: de\ncountry: DE\n---\n\n## Deine Aufgaben\n\n- Beraten\n",
                                   encoding="utf-8")
    code, out, err = check(capsys, "ok.md")
    assert (code, out, err) == (0, "", "")


def test_stdin_with_filename(project: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(POSTING.encode("utf-8"))))
    code, out, _ = check(capsys, "--output-format", "concise", "--stdin-filename", "jobs/offre.md", "-")
    assert code == 1
    assert out.splitlines()[0].startswith("jobs/offre.md:2:11: AD402 ")


def test_full_format_lists_related_locations_under_the_finding(project: Path, capsys) -> None:
    (project / "coded.md").write_text("---\nlanguage: en\n---\n\n## About you\n\n"
                                      "- You are competitive, dominant and decisive.\n", encoding="utf-8")
    main(["check", "--select", "AD301", "--output-format", "full", "coded.md"])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("coded.md:1:1: AD301 [info] posting is somewhat masculine-coded: 3 masculine-coded")
    notes = [ln.strip() for ln in lines if ln.strip().startswith("note:")]
    assert notes == ["note: coded.md:7:11: 'competitive' is masculine-coded",
                     "note: coded.md:7:24: 'dominant' is masculine-coded",
                     "note: coded.md:7:37: 'decisive' is masculine-coded"]
    main(["check", "--select", "AD301", "--output-format", "json", "coded.md"])
    (finding,) = json.loads(capsys.readouterr().out)
    assert finding["related"][0] == {"message": "'competitive' is masculine-coded", "location": {"line": 7, "column": 11},
                                     "end_location": {"line": 7, "column": 22}}
