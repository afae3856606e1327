"""Baselines: ``--write-baseline FILE`` records today's findings, ``--baseline FILE`` hides them.

Findings are matched on rule code, path, the flagged text and its context,
never on line numbers: inserting lines above a finding keeps it baselined, and
a new problem is still reported.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from adlint.baseline import finding_key, fingerprints, read_baseline, BaselineError
from adlint.cli import main
from adlint.diagnostics import Diagnostic, Severity
from tests.conftest import corpus_or_skip


def findings(capsys, *args: str) -> tuple[int, list[dict]]:
    code = main(["check", "--output-format", "json", *args])
    out = capsys.readouterr().out
    return code, json.loads(out) if out.strip() else []


def test_corpus_baseline_makes_the_next_run_pass(tmp_path: Path, capsys) -> None:
    corpus = corpus_or_skip()
    base = tmp_path / "adlint-baseline.json"
    assert main(["check", "--write-baseline", str(base), str(corpus)]) == 0
    err = capsys.readouterr().err
    doc = json.loads(base.read_text(encoding="utf-8"))
    n = len(doc["findings"])
    assert n > 5_000 and f"wrote {n} findings" in err  # thousands of findings, every one fingerprinted once
    assert len({f["fingerprint"] for f in doc["findings"]}) == n  # unique
    assert main(["check", "--baseline", str(base), "--output-format", "concise", str(corpus)]) == 0
    assert capsys.readouterr().out == ""


def _insert_top(path: Path, lines: str) -> None:
    """Insert ``lines`` at the top of a posting (after YAML front matter in Markdown, which must stay first)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md" and text.startswith("---\n"):
        end = text.index("\n---\n", 4) + 5
        text = text[:end] + lines + text[end:]
    else:
        text = lines + text
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def copies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """One real posting of each format copied into a temporary project (the current folder)."""
    corpus = corpus_or_skip()
    monkeypatch.chdir(tmp_path)
    (tmp_path / "jobs").mkdir()
    picks = [sorted((corpus / "de-arbeitnow").glob("*.html"))[3], sorted((corpus / "en-remote").glob("*.txt"))[2],
             sorted((corpus / "en-remote").glob("*.jsonld"))[1], sorted((corpus / "fr-betagouv").glob("*.md"))[5],
             sorted((corpus / "en-google").glob("*.md"))[7]]
    out = []
    for i, src in enumerate(picks):
        dst = tmp_path / "jobs" / f"p{i}{src.suffix}"
        shutil.copyfile(src, dst)
        out.append(dst)
    return out


TOP = {".html": "<!-- reviewed by legal -->\n\n", ".md": "\n<!-- reviewed by legal -->\n\n", ".txt": "\n\n\n",
       ".jsonld": "\n\n\n"}


def test_inserted_lines_do_not_resurrect_findings(copies: list[Path], capsys) -> None:
    _, before = findings(capsys, "jobs")
    assert {f["path"] for f in before} == {f"jobs/{p.name}" for p in copies}
    assert main(["check", "--write-baseline", "base.json", "jobs"]) == 0
    for p in copies:
        _insert_top(p, TOP[p.suffix])
    _, after = findings(capsys, "jobs")
    # The findings really moved (the same findings, on other lines) ...
    moved = [(a["code"], a["location"]["line"] - b["location"]["line"]) for a, b in zip(after, before)]
    assert len(after) == len(before) and any(delta > 0 for _, delta in moved)
    # ... and the baseline still knows every one of them.
    code, left = findings(capsys, "--baseline", "base.json", "jobs")
    assert (code, left) == (0, [])


def test_new_problem_is_reported(copies: list[Path], capsys) -> None:
    assert main(["check", "--write-baseline", "base.json", "jobs"]) == 0
    capsys.readouterr()
    html = next(p for p in copies if p.suffix == ".html")
    _insert_top(html, TOP[".html"])
    text = html.read_text(encoding="utf-8")
    new_line = text.count("\n") + 2
    html.write_text(text + "\n<p>We are hiring a guru.</p>\n", encoding="utf-8")
    code, left = findings(capsys, "--baseline", "base.json", "jobs")
    assert code == 1
    assert [(f["path"], f["code"], f["location"]["line"], f["location"]["column"]) for f in left
            if f["code"] == "AD312"] == [(f"jobs/{html.name}", "AD312", new_line, 20)]
    # nothing that was there before comes back
    assert all(f["location"]["line"] >= new_line or f["location"] == {"line": 1, "column": 1} for f in left)
    assert all(f["code"] != "AD312" or f["location"]["line"] == new_line for f in left)


def test_baseline_works_from_another_folder(copies: list[Path], capsys, monkeypatch, tmp_path: Path) -> None:
    assert main(["check", "--write-baseline", "base.json", "jobs"]) == 0
    rows = json.loads(Path("base.json").read_text(encoding="utf-8"))["findings"]
    assert all(r["path"].startswith("jobs/p") for r in rows)  # relative to the baseline's folder
    monkeypatch.chdir(tmp_path / "jobs")
    code, left = findings(capsys, "--baseline", "../base.json", ".")
    assert (code, left) == (0, [])
    code, left = findings(capsys, "--baseline", str(tmp_path / "base.json"), str(tmp_path / "jobs" / copies[0].name))
    assert (code, left) == (0, [])


def test_baseline_file_errors_exit_2(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.md").write_text("# Guru\n", encoding="utf-8")
    assert main(["check", "--baseline", "missing.json", "a.md"]) == 2
    assert "baseline file not found: missing.json" in capsys.readouterr().err
    Path("bad.json").write_text("{not json", encoding="utf-8")
    assert main(["check", "--baseline", "bad.json", "a.md"]) == 2
    assert "not a baseline file" in capsys.readouterr().err
    Path("other.json").write_text('{"findings": []}', encoding="utf-8")
    assert main(["check", "--baseline", "other.json", "a.md"]) == 2
    assert "not an adlint baseline" in capsys.readouterr().err
    assert main(["check", "--write-baseline", "nodir/b.json", "a.md"]) == 2
    assert "cannot write baseline" in capsys.readouterr().err
    with pytest.raises(BaselineError):
        read_baseline(Path("other.json"))


# -- fingerprints ----------------------------------------------------------------------


def _d(code: str, start: int, end: int, message: str = "m", path: str = "a.md", line: int = 1) -> Diagnostic:
    return Diagnostic(code=code, name="x", severity=Severity.WARNING, message=message, start=start, end=end,
                      path=path, line=line)


def test_fingerprint_ignores_position_and_path_spelling() -> None:
    text = "We need a guru.\n"
    moved = "\n\n\n" + text
    a = fingerprints([_d("AD312", 10, 14)], {"a.md": text}, lambda p: "jobs/a.md")
    b = fingerprints([_d("AD312", 13, 17, path="./jobs/a.md")], {"./jobs/a.md": moved}, lambda p: "jobs/a.md")
    assert a == b
    other_path = fingerprints([_d("AD312", 10, 14)], {"a.md": text}, lambda p: "jobs/b.md")
    other_code = fingerprints([_d("AD313", 10, 14)], {"a.md": text}, lambda p: "jobs/a.md")
    assert len({a[0], other_path[0], other_code[0]}) == 3


def test_fingerprint_uses_flagged_text_and_its_context_on_the_line() -> None:
    def key_of(text: str) -> str:
        i = text.index("guru")
        return finding_key(_d("AD312", i, i + 4), text)

    key = key_of("Intro line\nWe need a guru.\n")
    assert key == "span\x1fguru\x1fWe need a\x1f."  # not the line above
    assert key_of("Changed intro\nWe  need a\tguru.\n") == key  # whitespace normalised
    assert key_of("Intro line\nWe want a guru.\n") != key  # its own context changed


def test_duplicate_findings_get_distinct_fingerprints_matched_in_order() -> None:
    text = "We need a guru.\nWe need a guru.\n"
    two = fingerprints([_d("AD312", 10, 14), _d("AD312", 26, 30)], {"a.md": text}, str)
    assert len(set(two)) == 2
    one = fingerprints([_d("AD312", 10, 14)], {"a.md": "We need a guru.\n"}, str)
    assert one[0] == two[0]  # one removed: the other still matches


def test_point_findings_match_on_message_without_numbers() -> None:
    a = fingerprints([_d("AD504", 0, 0, "the posting has 860 words (more than 700)")], {"a.md": "x"}, str)
    b = fingerprints([_d("AD504", 5, 5, "the posting has 912 words (more than 700)")], {"a.md": "yyyyyy"}, str)
    c = fingerprints([_d("AD504", 0, 0, "the posting has 90 words (fewer than 150)")], {"a.md": "x"}, str)
    assert a == b and a != c
