"""The whole real-posting corpus: no rule crashes, every position is inside its file.

Every file of ``../shared/corpus`` is linted in-process with the default rules;
one run of the real command line over the same folder checks the exit code and
that nothing reaches stderr as a traceback. The command-line run is started
first and works in a second process while the in-process pass runs, so the
file costs about one pass over the corpus.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pytest

from adlint.config import resolve
from adlint.linter import lint_bytes
from tests.conftest import ROOT, corpus_or_skip


def corpus_files(corpus: Path) -> list[Path]:
    """Every posting file of the corpus (the README is not a posting)."""
    return sorted(p for p in corpus.rglob("*") if p.is_file() and p.name != "README.md")


@pytest.fixture(scope="module")
def cli_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    """Start ``python -m adlint check ../shared/corpus --output-format concise`` in the background.

    Yields a dict whose ``"result"`` callable waits and returns ``(exit code, stdout, stderr)``.
    Output goes to files, so a full pipe never stalls the run.
    """
    corpus_or_skip()
    folder = tmp_path_factory.mktemp("corpus-cli")
    out, err = (folder / "stdout").open("wb"), (folder / "stderr").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "adlint", "check", "../shared/corpus", "--output-format", "concise"],
        cwd=ROOT, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
    )

    def result() -> tuple[int, str, str]:
        code = proc.wait(timeout=600)
        out.close()
        err.close()
        return (code, (folder / "stdout").read_text(encoding="utf-8", errors="replace"),
                (folder / "stderr").read_text(encoding="utf-8", errors="replace"))

    try:
        yield {"result": result}
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        out.close()
        err.close()


def test_every_corpus_file_lints_without_crash_and_with_valid_positions(cli_run: dict) -> None:
    corpus = corpus_or_skip()
    files = corpus_files(corpus)
    assert len(files) > 1000
    cfg = resolve({}, None, ROOT)
    crashes: list[str] = []
    bad: list[str] = []
    unreadable: list[str] = []
    for f in files:
        res = lint_bytes(str(f), f.read_bytes(), cfg)
        crashes.extend(res.crashes)
        lines = res.posting.lines
        n = lines.line_count
        for d in res.diagnostics:
            where = f"{f.relative_to(corpus)}:{d.line}:{d.col}-{d.end_line}:{d.end_col} {d.code}"
            if d.code in ("AD001", "AD003"):
                unreadable.append(where)
            if not (1 <= d.line <= n and d.col >= 1):
                bad.append(f"{where}: outside the file ({n} lines)")
            elif d.col > len(lines.line_text(d.line)) + 1:
                bad.append(f"{where}: column past the end of line {d.line}")
            elif not (d.line, d.col) <= (d.end_line, d.end_col) or d.end_line > n:
                bad.append(f"{where}: end before start or outside the file")
    assert crashes == []
    assert bad == []
    assert unreadable == []  # every corpus file decodes and parses


def test_cli_over_the_whole_corpus(cli_run: dict) -> None:
    code, out, err = cli_run["result"]()
    assert "Traceback" not in err and "Traceback" not in out, err[-3000:]
    assert "internal error" not in err, err[-3000:]
    assert code == 1, err[-3000:]
    first = out.splitlines()[0]
    path, line, col, rest = first.split(":", 3)
    assert path.startswith("../shared/corpus/") and int(line) >= 1 and int(col) >= 1
    assert rest.startswith(" AD")
