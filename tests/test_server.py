"""``adlint server``: the language server, end to end with a real LSP client over stdio.

The client (pytest-lsp's, built on pygls) starts ``python -m adlint server`` as
a subprocess, opens a real posting, and checks diagnostics (0-based lines,
UTF-16 characters), their update on change and save, hover and code actions.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from adlint.cli import main
from adlint.linter import lint_text
from adlint.server import PositionMapper, lint_document, uri_to_path, utf16_units
from tests.conftest import ROOT, corpus_or_skip

# A line with accents and an emoji (outside the BMP: 2 UTF-16 units) before the finding.
EMOJI_LINE = "Équipe 😀 café — we need a guru here.\n"
GURU_CHAR = len("Équipe 😀 café — we need a ".encode("utf-16-le")) // 2  # 27 UTF-16 units, 26 code points


def lsp_pos(text: str, line: int, col: int) -> tuple[int, int]:
    """The LSP position (0-based line, UTF-16 character) of a 1-based line:column in code points."""
    src = text.split("\n")[line - 1]
    return line - 1, len(src[: col - 1].encode("utf-16-le")) // 2


# -- without a client --------------------------------------------------------------


def test_check_does_not_import_pygls(tmp_path: Path) -> None:
    posting = tmp_path / "a.md"
    posting.write_text("# Data guru\n\n## Team\n\nWe need a guru.\n", encoding="utf-8")
    p = str(posting)
    code = ("import sys, adlint.cli\n"
            f"rcs = [adlint.cli.main(['check', {p!r}]),\n"
            f"       adlint.cli.main(['check', '--output-format', 'sarif', {p!r}]),\n"
            f"       adlint.cli.main(['check', '--output-format', 'github', '--write-baseline', 'b.json', {p!r}]),\n"
            f"       adlint.cli.main(['check', '--baseline', 'b.json', {p!r}])]\n"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('pygls', 'lsprotocol'))\n"
            "print('LOADED', bad, rcs)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert "LOADED [] [1, 1, 0, 0]" in out.stdout, out.stdout + out.stderr


def test_server_without_pygls_exits_2_with_a_clear_message() -> None:
    code = ("import sys\n"
            "for m in ('pygls', 'pygls.lsp', 'pygls.lsp.server', 'lsprotocol', 'lsprotocol.types'):\n"
            "    sys.modules[m] = None  # importing them now raises ImportError\n"
            "import adlint.cli\n"
            "sys.exit(adlint.cli.main(['server']))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 2
    assert "needs pygls" in out.stderr and "pip install 'adlint[lsp]'" in out.stderr
    assert "Traceback" not in out.stderr


def test_position_mapper_counts_utf16_units() -> None:
    text = "ab\r\n" + EMOJI_LINE + "x"
    m = PositionMapper(text)
    start = text.index("guru")
    assert m.position(start) == (1, GURU_CHAR)
    assert m.position(start) != (1, start - 4)  # code points would be one less
    assert m.position(text.index("\r")) == (0, 2)
    assert m.position(len(text)) == (2, 1)
    assert m.position(10_000) == (2, 1)  # clamped
    utf8 = PositionMapper(text, lambda s: len(s.encode("utf-8")))
    assert utf8.position(start) == (1, len("Équipe 😀 café — we need a ".encode("utf-8")))
    assert utf16_units("😀é") == 3


def test_lint_document_ranges_and_config_from_folder(tmp_path: Path) -> None:
    text = "# Data engineer\n\n## Team\n\n" + EMOJI_LINE
    out = lint_document(text, tmp_path / "a.md")
    guru = [f for f in out.findings if f.diagnostic.code == "AD312"]
    assert [(f.start, f.end) for f in guru] == [((4, GURU_CHAR), (4, GURU_CHAR + 4))]
    # The fix replaces the term and turns the article before it into "an" ("a guru" -> "an expert").
    assert guru[0].edits == [((4, GURU_CHAR - 2), (4, GURU_CHAR - 1), "an"),
                             ((4, GURU_CHAR), (4, GURU_CHAR + 4), "expert")]
    # A config beside the document applies; one with an error is reported, not raised.
    sub = tmp_path / "team"
    sub.mkdir()
    (sub / ".adlint.toml").write_text('ignore = ["AD312"]\n', encoding="utf-8")
    assert "AD312" not in {f.diagnostic.code for f in lint_document(text, sub / "a.md").findings}
    (sub / ".adlint.toml").write_text('selekt = ["AD312"]\n', encoding="utf-8")
    bad = lint_document(text, sub / "a.md")
    assert bad.findings == [] and "selekt" in bad.config_error
    # a BOM is a character of line 1 for the editor
    bom = lint_document("\ufeff# Data guru\n", tmp_path / "b.md")
    (g,) = [f for f in bom.findings if f.diagnostic.code == "AD312"]
    assert g.start == (0, len("\ufeff# Data "))


def test_uri_to_path() -> None:
    assert uri_to_path("file:///tmp/a%20b/caf%C3%A9.md") == Path("/tmp/a b/café.md")
    assert uri_to_path("untitled:Untitled-1") is None


# -- end to end --------------------------------------------------------------------


def _client_modules():
    pytest.importorskip("pygls.lsp.server")  # pygls 2
    lsp = pytest.importorskip("pytest_lsp")
    from lsprotocol import types

    return lsp, types


def _apply(text: str, edits) -> str:
    """Apply LSP TextEdits (UTF-16 positions) to ``text``."""
    lines = text.split("\n")

    def offset(pos) -> int:
        before = sum(len(line) + 1 for line in lines[: pos.line])
        src, units, i = lines[pos.line], 0, 0
        while units < pos.character:
            units += 2 if ord(src[i]) > 0xFFFF else 1
            i += 1
        return before + i

    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        a, b = offset(e.range.start), offset(e.range.end)
        text = text[:a] + e.new_text + text[b:]
    return text


def test_language_server_end_to_end(tmp_path: Path) -> None:
    lsp, t = _client_modules()
    corpus = corpus_or_skip()
    posting = sorted((corpus / "en-google").glob("*.md"))[0]
    work = tmp_path / "jobs"
    work.mkdir()
    (tmp_path / ".adlint.toml").write_text('extend-select = ["AD312"]\n', encoding="utf-8")
    doc = work / "posting.md"
    shutil.copyfile(posting, doc)
    text = doc.read_text(encoding="utf-8")
    uri = doc.as_uri()
    # What the command line reports for this file, as the reference.
    cli = subprocess.run([sys.executable, "-m", "adlint", "check", "--output-format", "json", str(doc)],
                         capture_output=True, text=True, timeout=120, cwd=tmp_path)
    expected = json.loads(cli.stdout)
    assert expected

    async def scenario() -> None:
        client = lsp.make_test_lsp_client()
        await client.start_io(sys.executable, "-m", "adlint", "server", cwd=str(ROOT))
        try:
            await client.initialize_session(t.InitializeParams(
                capabilities=lsp.client_capabilities("visual-studio-code"), root_uri=tmp_path.as_uri()))
            version = 1
            client.text_document_did_open(t.DidOpenTextDocumentParams(text_document=t.TextDocumentItem(
                uri=uri, language_id="markdown", version=version, text=text)))
            await client.wait_for_notification(t.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
            got = client.diagnostics[uri]
            assert [(d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character)
                    for d in got] == [
                (e["code"], *lsp_pos(text, e["location"]["line"], e["location"]["column"]),
                 *lsp_pos(text, e["end_location"]["line"], e["end_location"]["column"])) for e in expected]
            assert [d.message for d in got] == [e["message"] for e in expected]
            # Related locations (the words behind an AD301 verdict) travel as relatedInformation.
            assert [[(ri.location.uri, ri.location.range.start.line, ri.location.range.start.character, ri.message)
                     for ri in (d.related_information or [])] for d in got] == [
                [(uri, *lsp_pos(text, r["location"]["line"], r["location"]["column"]), r["message"])
                 for r in e.get("related", [])] for e in expected]
            for d in got:
                assert d.source == "adlint"
                assert d.code_description.href.startswith("https://")
                assert d.severity == {"error": 1, "warning": 2, "info": 3}[
                    next(e["severity"] for e in expected if e["code"] == d.code)]

            async def change(new_text: str, start: tuple[int, int] | None = None, end: tuple[int, int] = (0, 0),
                             inserted: str = "") -> list:
                """Send an incremental change (``start``..``end`` replaced by ``inserted``) or, without
                ``start``, the whole new text; ``new_text`` is what the document then holds."""
                nonlocal version, text
                version += 1
                text = new_text
                if start is None:
                    edit = t.TextDocumentContentChangeWholeDocument(text=new_text)
                else:
                    edit = t.TextDocumentContentChangePartial(
                        range=t.Range(start=t.Position(line=start[0], character=start[1]),
                                      end=t.Position(line=end[0], character=end[1])), text=inserted)
                client.text_document_did_change(t.DidChangeTextDocumentParams(
                    text_document=t.VersionedTextDocumentIdentifier(uri=uri, version=version),
                    content_changes=[edit]))
                await client.wait_for_notification(t.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
                return list(client.diagnostics[uri])

            # 1. Insert a line holding accents and an emoji before a finding, after the title.
            lines = text.split("\n")
            at = next(i for i, line in enumerate(lines) if line.startswith("# ")) + 1
            new_lines = lines[:at] + ["", EMOJI_LINE.rstrip("\n")] + lines[at:]
            got = await change("\n".join(new_lines), (at, 0), (at, 0), "\n" + EMOJI_LINE.rstrip("\n") + "\n")
            guru = [d for d in got if d.code == "AD312"]
            assert [(d.range.start.line, d.range.start.character, d.range.end.character) for d in guru] == [
                (at + 1, GURU_CHAR, GURU_CHAR + 4)]
            # the old findings below moved down by two lines, the same in number
            assert len(got) == len(expected) + 1
            old_lines = sorted(d.range.start.line for d in got if d.code != "AD312" and d.range.start.line > 0)
            want_lines = sorted(e["location"]["line"] - 1 + 2 for e in expected if e["location"]["line"] > at)
            assert [x for x in old_lines if x > at + 1] == want_lines

            # 2. Hover over the finding: the rule's documentation.
            hover = await client.text_document_hover_async(t.HoverParams(
                text_document=t.TextDocumentIdentifier(uri=uri), position=t.Position(line=at + 1, character=GURU_CHAR + 2)))
            assert hover is not None and hover.contents.kind == t.MarkupKind.Markdown
            assert "# jargon-job-title (AD312)" in hover.contents.value
            assert "## Why is this bad?" in hover.contents.value
            assert (hover.range.start.character, hover.range.end.character) == (GURU_CHAR, GURU_CHAR + 4)
            nothing = await client.text_document_hover_async(t.HoverParams(
                text_document=t.TextDocumentIdentifier(uri=uri), position=t.Position(line=at + 1, character=2)))
            assert nothing is None

            # 3. Code action on it: replace the flagged words with the suggestion; then it is gone.
            actions = await client.text_document_code_action_async(t.CodeActionParams(
                text_document=t.TextDocumentIdentifier(uri=uri), range=guru[0].range,
                context=t.CodeActionContext(diagnostics=guru)))
            (action,) = [a for a in actions if a.diagnostics[0].code == "AD312"]
            assert action.kind == t.CodeActionKind.QuickFix and "expert" in action.title
            edits = action.edit.changes[uri]
            fixed = _apply(text, edits)
            assert "we need an expert here." in fixed
            got = await change(fixed)
            assert [d for d in got if d.code == "AD312"] == []
            assert len(got) == len(expected)

            # 4. A rule's Fix (several edits possible): an invalid language tag in the front matter.
            got = await change(text.replace("---\n", "---\nlanguage: en_GB\n", 1), (1, 0), (1, 0), "language: en_GB\n")
            (tag,) = [d for d in got if d.code == "AD402"]
            assert (tag.range.start.line, tag.range.start.character, tag.range.end.character) == (1, 10, 15)
            actions = await client.text_document_code_action_async(t.CodeActionParams(
                text_document=t.TextDocumentIdentifier(uri=uri), range=tag.range,
                context=t.CodeActionContext(diagnostics=[tag])))
            (fix,) = [a for a in actions if a.diagnostics[0].code == "AD402"]
            assert fix.is_preferred and "en-GB" in fix.title
            fixed = _apply(text, fix.edit.changes[uri])
            assert fixed.split("\n")[1] == "language: en-GB"
            got = await change(fixed, (1, 10), (1, 15), "en-GB")
            assert "AD402" not in {d.code for d in got} and "AD401" not in {d.code for d in got}

            # 5. Save after changing the configuration beside the document: re-linted with it.
            (tmp_path / ".adlint.toml").write_text('ignore = ["AD1", "AD3"]\n', encoding="utf-8")
            client.text_document_did_save(t.DidSaveTextDocumentParams(text_document=t.TextDocumentIdentifier(uri=uri)))
            await client.wait_for_notification(t.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
            codes = {d.code for d in client.diagnostics[uri]}
            assert codes and not any(c.startswith(("AD1", "AD3")) for c in codes)

            # 6. Close: diagnostics cleared.
            client.text_document_did_close(t.DidCloseTextDocumentParams(text_document=t.TextDocumentIdentifier(uri=uri)))
            await client.wait_for_notification(t.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
            assert list(client.diagnostics[uri]) == []
        finally:
            await client.shutdown_session()
            await client.stop()

    asyncio.run(asyncio.wait_for(scenario(), timeout=120))


def test_language_server_reports_config_errors(tmp_path: Path) -> None:
    lsp, t = _client_modules()
    (tmp_path / "adlint.toml").write_text('fail-level = "sometimes"\n', encoding="utf-8")
    uri = (tmp_path / "a.md").as_uri()

    async def scenario() -> None:
        client = lsp.make_test_lsp_client()
        await client.start_io(sys.executable, "-m", "adlint", "server")
        try:
            await client.initialize_session(t.InitializeParams(capabilities=t.ClientCapabilities()))
            client.text_document_did_open(t.DidOpenTextDocumentParams(text_document=t.TextDocumentItem(
                uri=uri, language_id="markdown", version=1, text="# Guru\n")))
            await client.wait_for_notification(t.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
            (d,) = client.diagnostics[uri]
            assert d.code == "config" and d.severity == t.DiagnosticSeverity.Error
            assert "fail-level" in d.message and "adlint.toml" in d.message
        finally:
            await client.shutdown_session()
            await client.stop()

    asyncio.run(asyncio.wait_for(scenario(), timeout=60))


def test_lint_text_and_server_agree_on_a_plain_line() -> None:
    """Near miss for the UTF-16 conversion: on an ASCII line, LSP character = column - 1."""
    text = "# Data engineer\n\n## Team\n\nWe need a guru here.\n"
    (d,) = [d for d in lint_text(text).diagnostics if d.code == "AD312"]
    (f,) = [f for f in lint_document(text, None, "markdown").findings if f.diagnostic.code == "AD312"]
    assert f.start == (d.line - 1, d.col - 1) and f.end == (d.end_line - 1, d.end_col - 1)


def test_cli_has_server_command(capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["server", "--help"])
    assert exc.value.code == 0
    assert "language server" in capsys.readouterr().out


def test_related_locations_reach_the_editor_in_utf16_units(tmp_path: Path) -> None:
    # An emoji (two UTF-16 units) before the coded words shifts their LSP columns by one more than Python's.
    text = "---\nlanguage: en\n---\n\n## About you\n\n- 🚀 You are competitive, dominant and decisive.\n"
    (tmp_path / ".adlint.toml").write_text('extend-select = ["AD301"]\n', encoding="utf-8")  # off by default
    out = lint_document(text, tmp_path / "a.md")
    (verdict,) = [f for f in out.findings if f.diagnostic.code == "AD301"]
    assert [(a, b, msg) for a, b, msg in verdict.related] == [
        ((6, 13), (6, 24), "'competitive' is masculine-coded"),
        ((6, 26), (6, 34), "'dominant' is masculine-coded"),
        ((6, 39), (6, 47), "'decisive' is masculine-coded")]
