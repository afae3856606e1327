"""The fix engine (adlint/fixes.py) and ``adlint check --fix/--diff/--unsafe-fixes/--show-fixes``.

Real rules with fixes today: AD402, AD403, AD407 (front matter, ``<html lang>``,
JSON-LD) and AD704, AD707 (JSON-LD). Synthetic fixes (through a fake linter)
cover what no rule produces yet: unsafe fixes, fixes that need several passes,
fixes that never settle, and a fix that would break the file.
"""

from __future__ import annotations

import codecs
import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from adlint.cli import main
from adlint.config import resolve
from adlint.diagnostics import Diagnostic, Edit, Fix, Severity
from adlint.fixes import (SourceCodec, apply_edits, fix_bytes, fix_text, lsp_text_edits, plan,
                          unified_diff, write_atomic)

ROOT = Path(__file__).resolve().parent.parent

# language at line 3 col 11, country at line 4 col 10; a comment and key order to keep.
POSTING = """\
---
title: Data engineer   # shown on the board
language: fr_CA
country: UK
remote: false
---

## Missions

- Concevoir l'API
"""
FIXED = POSTING.replace("fr_CA", "fr-CA").replace("country: UK", "country: GB")
SELECT = ["--select", "AD402,AD403,AD407,AD104"]

JSONLD = ('{"@context": "https://schema.org", "@type": "JobPosting", "title": "Dev",\n'
          ' "inLanguage": "EN-us",\n'
          ' "employmentType": "full time",\n'
          ' "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress", "addressCountry": "USA"}}}\n')
JSONLD_FIXED = (JSONLD.replace('"EN-us"', '"en-US"').replace('"full time"', '"FULL_TIME"')
                .replace('"USA"', '"US"'))


def cfg(**overrides):
    """A default configuration (no files), with command-line style overrides."""
    return resolve({}, None, Path.cwd(), overrides)


def fx(*edits: tuple[int, int, str], app: str = "safe") -> Fix:
    return Fix(tuple(Edit(s, e, t) for s, e, t in edits), "test fix", app)


# --------------------------------------------------------------------------
# plan / apply_edits: pure text
# --------------------------------------------------------------------------

def test_plan_keeps_the_first_of_overlapping_fixes_by_position() -> None:
    text = "abcdefghij"
    fs = [fx((4, 7, "X")), fx((2, 5, "Y")), fx((8, 9, "Z"))]
    assert plan(fs, text) == [1, 2]  # (2,5) comes first by position; (4,7) overlaps it
    new, taken = fix_text(text, fs)
    assert new == "abYfghZj" and taken == [1, 2]


def test_touching_fixes_wait_for_the_next_pass_but_a_gap_of_one_does_not() -> None:
    text = "abcdefghij"
    assert plan([fx((2, 4, "X")), fx((4, 6, "Y"))], text) == [0]
    assert plan([fx((2, 4, "X")), fx((5, 6, "Y"))], text) == [0, 1]
    # two insertions at one point: their order would be a guess
    assert plan([fx((3, 3, "X")), fx((3, 3, "Y"))], text) == [0]


def test_a_fix_is_applied_whole_or_not_at_all() -> None:
    text = "abcdefghij"
    fs = [fx((1, 2, "X")), fx((0, 0, "<"), (1, 1, "!"), (9, 10, "Z"))]
    # the two-edit fix starts first; the single edit at 1..2 touches its edit at 1 → dropped
    assert plan(fs, text) == [1]
    assert fix_text(text, fs)[0] == "<a!bcdefghiZ"


def test_the_same_change_proposed_twice_counts_for_both_findings() -> None:
    text = "country: USA"
    fs = [fx((9, 12, "US")), fx((9, 12, "US"))]  # AD407 and AD707 on one addressCountry
    assert plan(fs, text) == [0, 1]
    assert fix_text(text, fs)[0] == "country: US"


@pytest.mark.parametrize("bad", [
    fx((5, 3, "x")),            # end before start
    fx((0, 99, "x")),           # past the end
    fx((-1, 2, "x")),           # before the start
    fx((1, 3, "bc")),           # changes nothing
    fx((1, 3, "X"), (2, 4, "Y")),  # overlaps itself
    Fix((), "empty", "safe"),
])
def test_invalid_fixes_are_never_taken(bad: Fix) -> None:
    assert plan([bad], "abcdef") == []


def test_an_edit_that_splits_a_crlf_pair_is_not_taken() -> None:
    text = "ab\r\ncd"
    assert plan([fx((3, 4, "x"))], text) == []
    assert plan([fx((2, 4, " "))], text) == [0]  # replaces the whole CRLF: fine
    assert plan([fx((4, 5, "C"))], text) == [0]


def test_apply_edits_writes_newlines_in_the_files_style() -> None:
    assert apply_edits("a\r\nb", [Edit(1, 1, "\nX")], "\r\n") == "a\r\nX\r\nb"
    assert apply_edits("a\nb", [Edit(1, 1, "\r\nX")], "\n") == "a\nX\nb"
    with pytest.raises(ValueError):
        apply_edits("abc", [Edit(0, 2, "x"), Edit(1, 3, "y")])


def test_lsp_edits_count_utf16_code_units() -> None:
    text = "😀é\nlanguage: fr_CA\n"
    start = text.index("fr_CA")
    [edit] = lsp_text_edits(text, fx((start, start + 5, "fr-CA")))
    assert edit == {"range": {"start": {"line": 1, "character": 10}, "end": {"line": 1, "character": 15}},
                    "newText": "fr-CA"}
    [first] = lsp_text_edits(text, fx((2, 2, "!")))  # after the emoji (2 UTF-16 units) and é
    assert first["range"]["start"] == {"line": 0, "character": 3}


def test_unified_diff_marks_a_missing_final_newline_and_keeps_crlf() -> None:
    assert unified_diff("a.md", b"x\r\ny", b"x\r\nz") == (
        "--- a.md\n+++ a.md\n@@ -1,2 +1,2 @@\n x\r\n-y\n\\ No newline at end of file\n"
        "+z\n\\ No newline at end of file\n")
    assert unified_diff("a.md", b"same", b"same") == ""


# --------------------------------------------------------------------------
# Encodings, BOM, line endings
# --------------------------------------------------------------------------

VARIANTS = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8-bom": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "utf-16-le": lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    "utf-16-be": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    "utf-32-le": lambda t: codecs.BOM_UTF32_LE + t.encode("utf-32-le"),
}
EOLS = {"lf": "\n", "crlf": "\r\n", "cr": "\r"}


@pytest.mark.parametrize("enc", VARIANTS)
@pytest.mark.parametrize("eol", EOLS)
def test_fix_keeps_encoding_bom_and_line_endings(enc: str, eol: str) -> None:
    data = VARIANTS[enc](POSTING.replace("\n", EOLS[eol]))
    out = fix_bytes("offre.md", data, cfg(select=["AD402", "AD407"]))
    assert out.fixed == VARIANTS[enc](FIXED.replace("\n", EOLS[eol]))
    assert [a.code for a in out.applied] == ["AD402", "AD407"]
    assert [(a.line, a.col) for a in out.applied] == [(3, 11), (4, 10)]
    assert out.result.diagnostics == [] and out.converged and out.passes == 2
    assert SourceCodec.of(data).newline == EOLS[eol]


def test_codec_round_trips_bytes_exactly() -> None:
    for enc, make in VARIANTS.items():
        data = make("é😀\r\nx\ry\n")
        sc = SourceCodec.of(data)
        assert sc.encode(sc.decode(data)) == data, enc


def test_jsonld_fixes_touch_only_the_values() -> None:
    out = fix_bytes("job.jsonld", JSONLD.encode(), cfg(select=["AD4", "AD7"]))
    assert out.fixed.decode() == JSONLD_FIXED
    assert sorted(a.code for a in out.applied) == ["AD403", "AD407", "AD704", "AD707"]
    assert not any(d.fix for d in out.result.diagnostics)


def test_html_lang_attribute_is_fixed() -> None:
    html = '<html lang="de_DE">\n<body><h2>Aufgaben</h2><ul><li>Code</li></ul></body></html>\n'
    out = fix_bytes("job.html", html.encode(), cfg(select=["AD402"]))
    assert out.fixed.decode() == html.replace("de_DE", "de-DE")


def test_quoted_front_matter_value_keeps_its_quotes() -> None:
    text = "---\nlanguage: 'fr_CA'\ncountry: \"uk\"\n---\n\n## Missions\n\n- Coder\n"
    out = fix_bytes("o.md", text.encode(), cfg(select=["AD402", "AD407"]))
    assert out.fixed.decode() == "---\nlanguage: 'fr-CA'\ncountry: \"GB\"\n---\n\n## Missions\n\n- Coder\n"


def test_suppressed_and_deselected_findings_are_not_fixed() -> None:
    text = POSTING.replace("language: fr_CA", "language: fr_CA  # adlint-disable-line AD402")
    sup = fix_bytes("o.md", text.encode(), cfg(select=["AD402", "AD407"]))
    assert "fr_CA" in sup.fixed.decode() and [a.code for a in sup.applied] == ["AD407"]
    ign = fix_bytes("o.md", POSTING.encode(), cfg(select=["AD4"], ignore=["AD407"]))
    assert ign.fixed.decode() == POSTING.replace("fr_CA", "fr-CA")


def test_files_that_are_not_all_here_or_not_readable_are_left_alone() -> None:
    data = POSTING.encode()
    partial = fix_bytes("o.md", data[:60], cfg(select=["AD402"]), file_size=len(data))
    assert partial.fixed == data[:60] and not partial.applied
    bad = b"\xff\xfe\xfflanguage: fr_CA"
    assert fix_bytes("o.md", bad, cfg()).fixed == bad


def test_a_second_fix_run_changes_nothing() -> None:
    once = fix_bytes("o.md", POSTING.encode(), cfg())
    twice = fix_bytes("o.md", once.fixed, cfg())
    assert once.changed and not twice.changed and twice.applied == []


# --------------------------------------------------------------------------
# The loop, with a fake linter (synthetic rules)
# --------------------------------------------------------------------------

def fake_linter(monkeypatch: pytest.MonkeyPatch, rule) -> list[str]:
    """Replace ``lint_bytes`` by one running ``rule(text) -> [(code, Fix)]``; returns the texts linted."""
    from adlint import linter
    from adlint.readers import read

    seen: list[str] = []

    def lint_bytes(display, data, config, real_path=None, fmt=None, file_size=None):
        posting = read(display, data, fmt)
        seen.append(posting.source)
        diags = [Diagnostic(code, "fake", Severity.WARNING, "m", fix=f) for code, f in rule(posting.source)]
        return linter.Result(posting, diags)

    monkeypatch.setattr(linter, "lint_bytes", lint_bytes)
    return seen


def test_overlapping_fixes_are_applied_over_several_passes(monkeypatch) -> None:
    # "aa" → "a" everywhere: neighbouring matches overlap, so it takes passes to settle.
    def rule(text):
        return [("AD900", fx((i, i + 2, "a"))) for i in range(len(text) - 1) if text[i:i + 2] == "aa"]

    fake_linter(monkeypatch, rule)
    out = fix_bytes("t.txt", b"aaaaaaaa b", cfg())
    assert out.fixed == b"a b" and out.converged and out.passes > 2


def test_unsafe_fixes_only_with_unsafe(monkeypatch) -> None:
    fake_linter(monkeypatch, lambda t: [("AD901", fx((0, 3, "person"), app="unsafe"))] if t.startswith("man") else [])
    assert fix_bytes("t.txt", b"man here", cfg()).fixed == b"man here"
    out = fix_bytes("t.txt", b"man here", cfg(), unsafe=True)
    assert out.fixed == b"person here" and out.applied[0].applicability == "unsafe"


def test_fixes_that_never_settle_stop_after_max_passes(monkeypatch) -> None:
    fake_linter(monkeypatch, lambda t: [("AD902", fx((len(t), len(t), "x")))])  # always one more
    out = fix_bytes("t.txt", b"go", cfg(), max_passes=4)
    assert out.fixed == b"goxxxx" and not out.converged and len(out.applied) == 4
    assert any("did not settle" in n for n in out.notes)


def test_fixes_that_undo_each_other_stop(monkeypatch) -> None:
    fake_linter(monkeypatch, lambda t: [("AD903", fx((0, 1, "B" if t[0] == "A" else "A")))])
    out = fix_bytes("t.txt", b"A.", cfg())
    assert out.fixed == b"B." and any("undo each other" in n for n in out.notes)


def test_a_pass_that_breaks_the_front_matter_is_not_applied(monkeypatch) -> None:
    text = "---\ntitle: x\nlanguage: en\n---\n\n## Missions\n\n- a\n"
    fake_linter(monkeypatch, lambda t: [("AD904", fx((t.index("en"), t.index("en") + 2, "[en")))] if "[en" not in t else [])
    out = fix_bytes("o.md", text.encode(), cfg())
    assert out.fixed == text.encode() and out.applied == []
    assert any("would not read cleanly" in n for n in out.notes)


# --------------------------------------------------------------------------
# Atomic writes
# --------------------------------------------------------------------------

def test_write_atomic_keeps_mode_and_follows_symlinks(tmp_path: Path) -> None:
    f = tmp_path / "a.md"
    f.write_bytes(b"old")
    f.chmod(0o640)
    link = tmp_path / "link.md"
    link.symlink_to(f)
    write_atomic(link, b"new", expect=b"old")
    assert link.is_symlink() and f.read_bytes() == b"new"
    assert stat.S_IMODE(f.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "link.md"]


def test_write_atomic_refuses_a_file_changed_meanwhile(tmp_path: Path) -> None:
    f = tmp_path / "a.md"
    f.write_bytes(b"edited by someone else")
    with pytest.raises(OSError, match="changed on disk"):
        write_atomic(f, b"new", expect=b"old")
    assert f.read_bytes() == b"edited by someone else"


@pytest.mark.parametrize("where", ["replace", "fsync"])
def test_failed_write_leaves_the_original_intact(tmp_path, monkeypatch, capsys, where) -> None:
    monkeypatch.chdir(tmp_path)
    f = tmp_path / "offre.md"
    f.write_text(POSTING, encoding="utf-8")

    def boom(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, where, boom)
    code = main(["check", *SELECT, "--fix", "offre.md"])
    err = capsys.readouterr().err
    assert code == 2
    assert "adlint: error: cannot write fixes to offre.md: No space left on device" in err
    assert f.read_text(encoding="utf-8") == POSTING
    assert [p.name for p in tmp_path.iterdir()] == ["offre.md"]  # no temporary file left


KILLER = """
import os, signal, sys
def die(*a, **k):
    os.kill(os.getpid(), signal.SIGKILL)
setattr(os, sys.argv[1], die)
from adlint.cli import main
main(["check", "--select", "AD402,AD407", "--fix", sys.argv[2]])
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
@pytest.mark.parametrize("where", ["fsync", "replace"])  # killed after writing the temporary file, before the rename
def test_a_killed_fix_run_leaves_the_original_intact(tmp_path: Path, where: str) -> None:
    f = tmp_path / "offre.md"
    f.write_text(POSTING, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", KILLER, where, str(f)], cwd=ROOT, capture_output=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode(errors="replace")
    assert f.read_text(encoding="utf-8") == POSTING
    # Killed mid-write: the temporary file is there (with the whole fix when killed just before the rename),
    # and it is never linted later (not a posting extension).
    [left] = [p for p in tmp_path.iterdir() if p.name != "offre.md"]
    assert left.name.startswith(".offre.md.") and left.name.endswith(".adlint-tmp")
    if where == "replace":
        assert left.read_text(encoding="utf-8") == POSTING.replace("fr_CA", "fr-CA").replace("country: UK", "country: GB")


# --------------------------------------------------------------------------
# The command line
# --------------------------------------------------------------------------

@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "offre.md").write_text(POSTING, encoding="utf-8")
    return tmp_path


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["check", *SELECT, "--output-format", "concise", *args])
    c = capsys.readouterr()
    return code, c.out, c.err


def test_fix_writes_and_reports_what_remains(project: Path, capsys) -> None:
    (project / "offre.md").write_text(POSTING + "\n## Avantages\n", encoding="utf-8")
    code, out, err = run(capsys, "--fix", "offre.md")
    assert (project / "offre.md").read_text(encoding="utf-8") == FIXED + "\n## Avantages\n"
    assert out == "offre.md:12:4: AD104 [warning] section 'Avantages' is empty\n"
    assert code == 1  # a finding remains
    assert "Fixed 2 findings in 1 file (AD402 × 1, AD407 × 1).\n" in err


def test_fix_exits_0_when_everything_was_fixed_unless_asked(project: Path, capsys) -> None:
    code, out, err = run(capsys, "--fix", "offre.md")
    assert code == 0 and out == "" and (project / "offre.md").read_text(encoding="utf-8") == FIXED
    (project / "offre.md").write_text(POSTING, encoding="utf-8")
    code, _, _ = run(capsys, "--fix", "--exit-non-zero-on-fix", "offre.md")
    assert code == 1
    code, _, _ = run(capsys, "--fix", "--exit-non-zero-on-fix", "offre.md")  # nothing left to fix
    assert code == 0


def test_diff_prints_and_writes_nothing(project: Path, capsys) -> None:
    code, out, err = run(capsys, "--diff", "offre.md")
    assert code == 1
    assert (project / "offre.md").read_text(encoding="utf-8") == POSTING
    assert out == (
        "--- offre.md\n+++ offre.md\n@@ -1,7 +1,7 @@\n ---\n title: Data engineer   # shown on the board\n"
        "-language: fr_CA\n-country: UK\n+language: fr-CA\n+country: GB\n remote: false\n ---\n \n"
    )
    assert err == "Would fix 2 findings in 1 file (AD402 × 1, AD407 × 1).\n"
    (project / "offre.md").write_text(FIXED, encoding="utf-8")
    assert run(capsys, "--diff", "offre.md") == (0, "", "")


def test_show_fixes_lists_files_rules_and_positions(project: Path, capsys) -> None:
    _, _, err = run(capsys, "--fix", "--show-fixes", "offre.md")
    assert err.splitlines()[1:] == [
        "offre.md:",
        "    1 × AD402 (invalid-language-tag)",
        "        3:11: language tag 'fr_CA' → 'fr-CA'",
        "    1 × AD407 (invalid-country-code)",
        "        4:10: country code 'UK' → 'GB'",
    ]


def test_stdin_fix_prints_the_fixed_posting_and_reports_on_stderr(project: Path, monkeypatch) -> None:
    data = codecs.BOM_UTF8 + (POSTING + "\n## Avantages\n").replace("\n", "\r\n").encode()
    proc = subprocess.run([sys.executable, "-m", "adlint", "check", *SELECT, "--fix", "--stdin-filename", "x.md", "-"],
                          input=data, capture_output=True, cwd=project, timeout=120)
    assert proc.stdout == codecs.BOM_UTF8 + (FIXED + "\n## Avantages\n").replace("\n", "\r\n").encode()
    assert b"x.md:12:4: AD104" in proc.stderr and proc.returncode == 1


def test_full_output_marks_safe_fixes(project: Path, capsys) -> None:
    code = main(["check", *SELECT, "--output-format", "full", "offre.md"])
    c = capsys.readouterr()
    heads = [ln for ln in c.out.splitlines() if ln.startswith("offre.md:")]
    assert heads[0].endswith("use 'fr-CA' [*]") and heads[1].endswith("use 'GB' [*]")
    assert "[*] 2 fixable with --fix.\n" in c.err and code == 1


def test_fix_of_a_folder_counts_per_rule(project: Path, capsys) -> None:
    (project / "job.jsonld").write_text(JSONLD, encoding="utf-8")
    (project / "ok.md").write_text(FIXED, encoding="utf-8")
    before = (project / "ok.md").stat().st_mtime_ns
    code = main(["check", "--select", "AD4,AD704,AD707", "--fix", "."])
    err = capsys.readouterr().err
    assert "Fixed 6 findings in 2 files (AD402 × 1, AD403 × 1, AD407 × 2, AD704 × 1, AD707 × 1)." in err
    assert (project / "job.jsonld").read_text(encoding="utf-8") == JSONLD_FIXED
    assert (project / "ok.md").stat().st_mtime_ns == before  # untouched: nothing to fix
