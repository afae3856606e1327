"""Bad input: every broken file gets a diagnostic or a one-line error, never a traceback.

Each case asserts the code, line AND column (1-based, code points), the exit
code where the CLI is run, and that adlint wrote nothing: every file keeps its
bytes and its modification time, and no file appears beside it. A few cases run
the real command line in a subprocess (tracebacks, exit codes, start-up); the
rest use :func:`adlint.cli.main` or :mod:`adlint.linter` in-process.
"""

from __future__ import annotations

import codecs
import json
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

from adlint.cli import main
from adlint.config import resolve
from adlint.linter import lint_bytes

MB = 1_000_000


def lint(data: bytes, path: str, select: tuple[str, ...] = ("AD0",), **settings):
    """Lint ``data`` as ``path`` in-process; returns the Result after checking no rule crashed."""
    cfg = resolve({"select": list(select), **settings}, None, Path.cwd())
    res = lint_bytes(path, data, cfg)
    assert res.crashes == []
    return res


def found(data: bytes, path: str, select: tuple[str, ...] = ("AD0",), **settings) -> list[tuple[str, int, int]]:
    """``(code, line, col)`` of every diagnostic, in report order."""
    return [(d.code, d.line, d.col) for d in lint(data, path, select, **settings).diagnostics]


def one(data: bytes, path: str, code: str, select: tuple[str, ...] = ("AD0",)):
    """The single diagnostic of AD0xx ``code``, asserting no other AD0xx diagnostic."""
    diags = lint(data, path, select).diagnostics
    assert [d.code for d in diags if d.code.startswith("AD0")] == [code]
    hits = [d for d in diags if d.code == code]
    assert len(hits) == 1, [(d.code, d.line, d.col, d.message) for d in diags]
    return hits[0]


def run_cli(*args: str, cwd: Path, stdin: bytes | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run ``python -m adlint ARGS`` as a user would; stdout/stderr as text."""
    proc = subprocess.run([sys.executable, "-m", "adlint", *args], cwd=cwd, input=stdin,
                          capture_output=True, timeout=timeout)
    proc.stdout = proc.stdout.decode("utf-8", "replace")
    proc.stderr = proc.stderr.decode("utf-8", "replace")
    return proc


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under ``folder`` (relative name) with its bytes and mtime in ns."""
    return {str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def assert_no_traceback(proc: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout, proc.stderr[-2000:]


# -- the files --------------------------------------------------------------------------------

POSTING = "---\ntitle: Dev\nlanguage: en_US\n---\n\n## Tâches\n"  # AD402 at 3:11-3:16, AD104 at 6:4
BILLION_LAUGHS = (
    "---\ntitle: Dev\n"
    'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
    + "".join(f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi"))
    + "---\n\n## Tasks\n\n- Laugh\n"
)  # 72 aliases (under the alias cap) expanding to 9**9 strings: only the node budget stops it


def bad_files() -> dict[str, tuple[bytes, list[tuple[str, int, int]]]]:
    """Name -> (bytes, expected AD0xx diagnostics as (code, line, col))."""
    return {
        "empty.md": (b"", [("AD005", 1, 1)]),
        "blank.txt": (b"  \n\t\n\n", [("AD005", 1, 1)]),
        "bom-only.md": (codecs.BOM_UTF8, [("AD005", 1, 1)]),
        "logo.md": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", [("AD001", 1, 1)]),
        # "- Büro in M" is 11 characters (12 bytes); the Latin-1 "ü" of München follows.
        "latin1.md": ("## Aufgaben\n\n- Büro in M".encode() + b"\xfcnchen\n", [("AD001", 3, 12)]),
        "latin1-bom.txt": (codecs.BOM_UTF8 + "Aufgaben:\n- Büro in M".encode() + b"\xfcnchen\n", [("AD001", 2, 12)]),
        "fm-syntax.md": (b"---\ntitle: Data: engineer\nlanguage: en\n---\n\n## Tasks\n\n- x\n", [("AD003", 2, 12)]),
        "fm-flow.md": (b"---\ntitle: Dev\nskills: [python, go\nlanguage: en\n---\n\n## Tasks\n\n- x\n", [("AD003", 4, 9)]),
        "fm-list.md": (b"---\n- title\n- Dev\n---\n\n## Tasks\n\n- x\n", [("AD003", 2, 1)]),
        "fm-scalar.md": (b"---\njust some text\n---\n\n## Tasks\n\n- x\n", [("AD003", 2, 1)]),
        "fm-open.md": (b"---\ntitle: Dev\n\n## Tasks\n\n- x\n", [("AD003", 1, 1)]),
        "fm-bomb.md": (BILLION_LAUGHS.encode(), [("AD003", 7, 4)]),
        "json-syntax.jsonld": (b'{\n  "@type": "JobPosting",\n  "title": "Dev"\n  "description": "x"\n}\n', [("AD003", 4, 3)]),
        "json-comma.jsonld": (b'{"@type": "JobPosting", "title": "Dev",}\n', [("AD003", 1, 40)]),
        "json-extra.jsonld": (b'{"@type": "JobPosting", "title": "Dev"} {}\n', [("AD003", 1, 41)]),
        "json-org.jsonld": (b'{"@type": "Organization", "name": "ACME"}\n', [("AD003", 1, 1)]),
        "json-list.jsonld": (b"[1, 2, 3]\n", [("AD003", 1, 1)]),
        "broken-link.html": (b'<h2>Aufgaben</h2><ul><li>Kunden <b>beraten</li></ul></div></span><p <p>Find more '
                             b'<a href="https://example.org/jobs?id=1&ref=board">Jobs</a> on the board</a>', []),
    }


@pytest.mark.parametrize("name", sorted(bad_files()))
def test_bad_file_gets_its_diagnostic(name: str) -> None:
    data, expected = bad_files()[name]
    assert found(data, name) == expected


def test_invalid_utf8_message_names_the_byte() -> None:
    d = one(bad_files()["latin1.md"][0], "latin1.md", "AD001")
    assert "invalid UTF-8" in d.message and "fc" in d.message and str(len("## Aufgaben\n\n- Büro in M".encode())) in d.message


def test_invalid_utf8_after_bom_keeps_its_position() -> None:
    # The BOM is not a character of the text: the bad byte is at 2:12 with or without it.
    plain = "Aufgaben:\n- Büro in M".encode() + b"\xfcnchen\n"
    assert found(plain, "a.txt") == found(codecs.BOM_UTF8 + plain, "a.txt") == [("AD001", 2, 12)]


def test_invalid_utf16_after_bom_reports_line_and_column() -> None:
    data = "Aufgaben:\n- ab".encode("utf-16") + b"\x00\xd8A\x00"  # a lone high surrogate, then "A"
    d = one(data, "a.txt", "AD001")
    assert (d.line, d.col) == (2, 5)
    assert "UTF-16" in d.message


def test_binary_message() -> None:
    assert "binary" in one(bad_files()["logo.md"][0], "logo.md", "AD001").message


@pytest.mark.parametrize("encode", [
    pytest.param(lambda s: s.encode("utf-8"), id="utf-8"),
    pytest.param(lambda s: codecs.BOM_UTF8 + s.encode("utf-8"), id="utf-8-bom"),
    pytest.param(lambda s: s.encode("utf-16"), id="utf-16-bom"),
    pytest.param(lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be"), id="utf-16-be-bom"),
    pytest.param(lambda s: s.replace("\n", "\r\n").encode("utf-8"), id="crlf"),
    pytest.param(lambda s: codecs.BOM_UTF8 + s.replace("\n", "\r\n").encode("utf-8"), id="utf-8-bom-crlf"),
    pytest.param(lambda s: s.replace("\n", "\r").encode("utf-8"), id="cr-only"),
    pytest.param(lambda s: s.replace("\n", "\r\n").encode("utf-16"), id="utf-16-crlf"),
])
def test_encodings_and_line_endings_keep_columns(encode) -> None:
    diags = lint(encode(POSTING), "posting.md", ("AD0", "AD402", "AD104")).diagnostics
    assert [(d.code, d.line, d.col, d.end_line, d.end_col) for d in diags] == [
        ("AD402", 3, 11, 3, 16),  # exactly "en_US", not the BOM and not the "\r"
        ("AD104", 6, 4, 6, 10),   # "Tâches": six code points
    ]


def test_utf16_without_bom_is_refused_not_guessed() -> None:
    assert found(POSTING.encode("utf-16-le"), "posting.md") == [("AD001", 1, 1)]


def test_front_matter_messages_say_what_is_wrong() -> None:
    files = bad_files()
    assert "mapping values are not allowed" in one(files["fm-syntax.md"][0], "a.md", "AD003").message
    assert "not a list" in one(files["fm-list.md"][0], "a.md", "AD003").message
    assert "not a single value" in one(files["fm-scalar.md"][0], "a.md", "AD003").message
    assert "never closed" in one(files["fm-open.md"][0], "a.md", "AD003").message


def test_front_matter_error_leaves_the_body_checked() -> None:
    # A broken header must not hide the body: the empty section is still reported.
    data = b"---\ntitle: Data: engineer\n---\n\n## Tasks\n"
    assert found(data, "a.md", ("AD0", "AD104")) == [("AD003", 2, 12), ("AD104", 5, 4)]


def test_alias_bomb_is_fast_and_bounded() -> None:
    tracemalloc.start()
    t0 = time.perf_counter()
    try:
        d = one(BILLION_LAUGHS.encode(), "bomb.md", "AD003")
        elapsed = time.perf_counter() - t0
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "alias bomb" in d.message
    assert (d.line, d.col) == (7, 4)  # the value of "e" is the first to expand past the budget
    assert elapsed < 5
    assert peak < 50 * MB


def test_many_aliases_are_refused_before_expansion() -> None:
    data = ("---\na: &a [x]\n" + "".join(f"k{i}: *a\n" for i in range(150)) + "---\n\n- x\n").encode()
    d = one(data, "a.md", "AD003")
    assert (d.line, d.col) == (103, 7)  # the 101st alias: key k100 on file line 103, "*a" at column 7
    assert "aliases" in d.message


def test_malformed_html_is_read_with_exact_positions() -> None:
    from adlint.readers import read

    data, _ = bad_files()["broken-link.html"]
    posting = read("broken.html", data)
    assert posting.problems == []
    heading = posting.sections[1].heading
    assert heading is not None and heading.text == "Aufgaben"
    item = posting.sections[1].items[0]
    assert item.text == "Kunden beraten"
    a, b = item.run.span(7, 14)
    assert posting.source[a:b] == "beraten" and posting.position(a) == (1, 36)
    # The board's trailer, with its stray </a>, is read as text (whether it counts as a heading is not asserted).
    runs = [s.heading for s in posting.sections if s.heading] + [b.run for _, b in posting.blocks()]
    trailer = [r for r in runs if r.text == "Find more Jobs on the board"]
    assert len(trailer) == 1
    a, b = trailer[0].span(10, 14)
    assert posting.source[a:b] == "Jobs" and posting.position(a) == (1, 132)


def test_json_error_message() -> None:
    d = one(bad_files()["json-syntax.jsonld"][0], "a.jsonld", "AD003")
    assert d.message == "invalid JSON: Expecting ',' delimiter"
    assert "JobPosting" in one(bad_files()["json-org.jsonld"][0], "a.jsonld", "AD003").message


def test_json_lone_surrogate_escape_reads_as_replacement_character() -> None:
    # "\ud800" alone is valid JSON but not Unicode: it must not break output or rules.
    data = b'{"@type": "JobPosting", "title": "Dev \\ud800", "description": "<h2>Tasks</h2><ul><li>\\udc00 Code</li></ul>"}'
    res = lint(data, "a.jsonld", ("ALL",))
    assert [d.code for d in res.diagnostics if d.code.startswith("AD0")] == []
    assert res.posting.meta("title") == "Dev \ufffd"
    item = res.posting.sections[1].items[0]
    assert item.text == "\ufffd Code"
    a, b = item.run.span(2, 6)
    assert res.posting.source[a:b] == "Code"
    json.dumps(res.posting.to_dict(), ensure_ascii=False).encode("utf-8")  # no UnicodeEncodeError


# -- 10,000 levels of nesting -------------------------------------------------------------------

DEPTH = 10_000


def timed(data: bytes, path: str, select: tuple[str, ...] = ("ALL",)):
    t0 = time.perf_counter()
    res = lint(data, path, select)
    return res, time.perf_counter() - t0


def test_deep_html_divs() -> None:
    data = b"<div>" * DEPTH + b"<h2>Aufgaben</h2><ul><li>Kunden beraten</li></ul>" + b"</div>" * DEPTH
    res, elapsed = timed(data, "deep.html")
    assert elapsed < 30
    assert [d for d in res.diagnostics if d.code.startswith("AD0")] == []
    heading = res.posting.sections[1].heading
    assert heading is not None and res.posting.position(heading.span()[0]) == (1, 5 * DEPTH + 5)


def test_deep_html_unclosed_lists() -> None:
    res, elapsed = timed(b"<ul><li>" * DEPTH + b"Kunden beraten", "deep.html")
    assert elapsed < 30
    items = [b for _, b in res.posting.blocks()]
    assert [b.text for b in items] == ["Kunden beraten"]
    assert res.posting.position(items[0].run.span()[0]) == (1, 8 * DEPTH + 1)


def test_deep_json_array() -> None:
    res, elapsed = timed(b"[" * DEPTH + b"]" * DEPTH, "deep.jsonld")
    assert elapsed < 30
    d = [d for d in res.diagnostics if d.code == "AD003"]
    assert [(x.line, x.col) for x in d] == [(1, DEPTH)]  # the bracket that opens the deepest level
    assert "nested too deeply" in d[0].message


def test_deep_json_inside_a_job_posting() -> None:
    data = b'{"@type": "JobPosting",\n "extra": ' + b"[" * DEPTH + b"]" * DEPTH + b"}"
    res, elapsed = timed(data, "deep.jsonld")
    assert elapsed < 30
    assert [(d.code, d.line, d.col) for d in res.diagnostics if d.code.startswith("AD0")] == [("AD003", 2, 10 + DEPTH)]


def test_deep_json_ld_in_html_script() -> None:
    tag = b'<script type="application/ld+json">'
    data = b"<p>Hallo</p>\n" + tag + b"[" * DEPTH + b"]" * DEPTH + b"</script>"
    res, elapsed = timed(data, "deep.html")
    assert elapsed < 30
    assert [(d.code, d.line, d.col) for d in res.diagnostics if d.code.startswith("AD0")] == [
        ("AD003", 2, len(tag) + DEPTH)]


def test_deep_html_inside_json_ld_description() -> None:
    desc = "<div>" * DEPTH + "<h2>Tasks</h2><ul><li>Code</li></ul>" + "</div>" * DEPTH
    data = json.dumps({"@type": "JobPosting", "title": "Dev", "description": desc}).encode()
    res, elapsed = timed(data, "deep.jsonld")
    assert elapsed < 30
    item = res.posting.sections[1].items[0]
    a, b = item.run.span()
    assert res.posting.source[a:b] == "Code"


@pytest.mark.parametrize("name,data,pos", [
    ("deep.md", b"---\ntags: " + b"[" * DEPTH + b"]" * DEPTH + b"\n---\n\n- x\n", (2, 70)),
    ("deep.yaml", b"{a: " * DEPTH + b"1" + b"}" * DEPTH + b"\n", (1, 257)),
    ("deep-block.yaml", b"".join(b" " * i + b"- \n" for i in range(200)), (65, 65)),
])
def test_deep_yaml(name: str, data: bytes, pos: tuple[int, int]) -> None:
    # The top-level mapping (or sequence) is level 1; the 65th level is refused where it opens.
    res, elapsed = timed(data, name)
    assert elapsed < 30
    d = [d for d in res.diagnostics if d.code.startswith("AD0")]
    assert [(x.code, x.line, x.col) for x in d] == [("AD003", *pos)]
    assert "nested deeper than 64 levels" in d[0].message


def test_deep_markdown() -> None:
    for data in (b"> " * DEPTH + b"Kunden beraten\n", b"- " * DEPTH + b"Kunden beraten\n",
                 b"*" * DEPTH + b"Kunden" + b"*" * DEPTH + b"\n", b"[" * DEPTH + b"x" + b"]" * DEPTH + b"\n"):
        res, elapsed = timed(data, "deep.md")
        assert elapsed < 30
        assert [d for d in res.diagnostics if d.code.startswith("AD0")] == []


# -- size -------------------------------------------------------------------------------------

def test_20mb_file_is_refused_fast(tmp_path: Path, capsys) -> None:
    big = tmp_path / "big.md"
    big.write_bytes(b"## Aufgaben\n\n" + b"- Kunden beraten und Angebote erstellen\n" * (20 * MB // 40))
    t0 = time.perf_counter()
    code = main(["check", str(big), "--output-format", "json"])
    elapsed = time.perf_counter() - t0
    out = json.loads(capsys.readouterr().out)
    assert code == 1
    assert elapsed < 10
    assert [(d["code"], d["location"]["line"], d["location"]["column"]) for d in out] == [("AD001", 1, 1)]
    assert "max-file-size" in out[0]["message"] and f"{big.stat().st_size:,}" in out[0]["message"]


def test_20mb_file_with_raised_limit_is_read_in_bounded_time() -> None:
    block = ("Aufgaben:\n- Kunden beraten und Angebote erstellen\n- Projekte planen\n\n"
             "Wir sind ein junges Team in München und suchen Verstärkung für unseren Vertrieb. Du arbeitest\n"
             "eng mit dem Produktteam zusammen.\n\n").encode()
    data = block * (20 * MB // len(block) + 1)
    assert found(data, "big.txt", ("AD0",), **{"max-file-size": 20 * MB}) == [("AD001", 1, 1)]
    t0 = time.perf_counter()
    res = lint(data, "big.txt", ("AD0", "AD1"), **{"max-file-size": 25 * MB})
    assert time.perf_counter() - t0 < 120  # linear: about 10 s; anything quadratic would take hours
    assert [d for d in res.diagnostics if d.code.startswith("AD0")] == []
    last = list(res.posting.blocks())[-1][1]
    assert last.text == "Wir sind ein junges Team in München und suchen Verstärkung für unseren Vertrieb. Du arbeitest\n" \
                        "eng mit dem Produktteam zusammen."
    assert res.posting.position(last.run.span()[0]) == (res.posting.lines.line_count - 3, 1)


# -- the command line ---------------------------------------------------------------------------

def _write_bad_files(folder: Path) -> None:
    for name, (data, _) in bad_files().items():
        (folder / name).write_bytes(data)
    (folder / "deep.html").write_bytes(b"<div>" * DEPTH + b"x" + b"</div>" * DEPTH)
    (folder / "deep.jsonld").write_bytes(b"[" * DEPTH + b"]" * DEPTH)
    (folder / "crlf.md").write_bytes(POSTING.replace("\n", "\r\n").encode())
    (folder / "utf16.md").write_bytes(POSTING.encode("utf-16"))


def test_cli_on_a_folder_of_bad_files_writes_nothing(tmp_path: Path) -> None:
    _write_bad_files(tmp_path)
    before = snapshot(tmp_path)
    time.sleep(0.01)
    proc = run_cli("check", ".", "--output-format", "json", cwd=tmp_path)
    assert_no_traceback(proc)
    assert proc.returncode == 1, proc.stderr
    assert "internal error" not in proc.stderr
    assert snapshot(tmp_path) == before
    got: dict[str, list[tuple[str, int, int]]] = {}
    for d in json.loads(proc.stdout):
        if d["code"].startswith("AD0"):
            got.setdefault(Path(d["path"]).name, []).append((d["code"], d["location"]["line"], d["location"]["column"]))
    for name, (_, expected) in bad_files().items():
        assert got.get(name, []) == expected, name
    assert got["deep.jsonld"] == [("AD003", 1, DEPTH)]
    assert "crlf.md" not in got and "utf16.md" not in got and "deep.html" not in got


def test_main_in_process_writes_nothing(tmp_path: Path, capsys) -> None:
    _write_bad_files(tmp_path)
    before = snapshot(tmp_path)
    time.sleep(0.01)
    for fmt in ("full", "concise", "json", "json-lines"):
        assert main(["check", str(tmp_path), "--output-format", fmt]) == 1
    capsys.readouterr()
    assert snapshot(tmp_path) == before


def test_cli_missing_path(tmp_path: Path) -> None:
    (tmp_path / "real.md").write_bytes(b"## Tasks\n\n- x\n")
    proc = run_cli("check", "real.md", "nope.md", cwd=tmp_path)
    assert_no_traceback(proc)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == ["adlint: error: no such file or directory: nope.md"]
    assert proc.stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["real.md"]


def test_cli_folder_without_postings(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "notes.rst").write_bytes(b"Not a posting\n")
    before = snapshot(tmp_path)
    proc = run_cli("check", ".", cwd=tmp_path)
    assert_no_traceback(proc)
    assert proc.returncode == 0
    assert proc.stdout == ""
    assert proc.stderr.strip().splitlines() == ["adlint: warning: no postings found under the given paths"]
    assert snapshot(tmp_path) == before


def test_cli_binary_on_stdin(tmp_path: Path) -> None:
    proc = run_cli("check", "-", "--stdin-filename", "logo.md", "--output-format", "concise", cwd=tmp_path,
                   stdin=b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert_no_traceback(proc)
    assert proc.returncode == 1
    assert proc.stdout.startswith("logo.md:1:1: AD001 [error] binary file")
    assert list(tmp_path.iterdir()) == []


def test_cli_20mb_file_refused_fast(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_bytes(b"Aufgaben:\n" + b"- Kunden beraten\n" * (20 * MB // 17))
    before = snapshot(tmp_path)
    t0 = time.perf_counter()
    proc = run_cli("check", "big.txt", "--output-format", "concise", cwd=tmp_path)
    assert time.perf_counter() - t0 < 30  # mostly interpreter start-up: the file is not read
    assert_no_traceback(proc)
    assert proc.returncode == 1
    assert proc.stdout.startswith("big.txt:1:1: AD001 [error] file is 20,")
    assert snapshot(tmp_path) == before


def test_inspect_missing_and_unreadable(tmp_path: Path, capsys) -> None:
    assert main(["inspect", str(tmp_path / "nope.md")]) == 2
    assert capsys.readouterr().err.strip() == f"adlint: error: no such file: {tmp_path / 'nope.md'}"
    (tmp_path / "bad.md").write_bytes(b"Caf\xe9\n")
    assert main(["inspect", str(tmp_path / "bad.md")]) == 0
    problems = json.loads(capsys.readouterr().out)["problems"]
    assert [(p["kind"], p["line"], p["col"]) for p in problems] == [("unreadable", 1, 4)]
