"""``adlint server``: a language server (LSP over stdio) built on pygls 2.

Editors get, for each open posting:

- diagnostics on open, change and save, each with the rule code, a link to
  its documentation (``codeDescription.href``) and ``source`` ``adlint``;
- the rule's documentation on hover over a finding (as ``adlint rule CODE``);
- quick fixes: a rule's :class:`~adlint.diagnostics.Fix` edits, and nothing
  else. A diagnostic's ``suggestion`` is advice for the reader (it may be
  "describe the dress code, if there is one"), so it is shown in the message,
  never written into the posting.

Configuration is found from the document's folder exactly as on the command
line (:class:`adlint.config.ConfigResolver`), afresh on every lint, so editing
``.adlint.toml`` takes effect on the next change; a configuration error is
shown as one error diagnostic on the first line. Files the configuration
excludes get no diagnostics.

pygls is an optional dependency (``pip install 'adlint[lsp]'``) and is imported
only by :func:`create_server`, never by ``adlint check``. The position helpers
(:class:`PositionMapper`, :func:`lint_document`) need no pygls and are what
the tests of positions use.

Positions: adlint's diagnostics carry 0-based character (code point) offsets
into the decoded text; LSP wants 0-based lines and characters counted in the
negotiated position encoding, UTF-16 code units unless the client offers
another. :class:`PositionMapper` converts.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable
from urllib.parse import unquote, urlparse

from adlint.diagnostics import Diagnostic, Severity

SOURCE = "adlint"
#: adlint severity to LSP ``DiagnosticSeverity`` (1 error, 2 warning, 3 information, 4 hint).
LSP_SEVERITY = {Severity.ERROR: 1, Severity.WARNING: 2, Severity.INFO: 3}
#: LSP ``languageId`` to adlint reader format, for documents whose name has no known extension.
LANGUAGE_FORMATS = {"markdown": "markdown", "plaintext": "text", "html": "html", "json": "jsonld",
                    "jsonld": "jsonld", "yaml": "yaml"}

Pos = tuple[int, int]  # (0-based line, character in the client's units)


def utf16_units(text: str) -> int:
    """Length of ``text`` in UTF-16 code units (characters beyond U+FFFF count 2)."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


class PositionMapper:
    """Maps 0-based code-point offsets of ``text`` to LSP positions.

    ``units`` measures a string in the client's position encoding (default
    UTF-16 code units). Lines break at ``\\n``; ``\\r\\n`` counts as one break.
    Offsets past the end are clamped to the end.
    """

    def __init__(self, text: str, units: Callable[[str], int] = utf16_units) -> None:
        from adlint.positions import LineIndex

        self.text = text
        self.units = units
        self._index = LineIndex(text)

    def position(self, offset: int) -> Pos:
        """``(line, character)`` of an offset, both 0-based, character in client units."""
        offset = max(0, min(offset, len(self.text)))
        line, col = self._index.position(offset)
        start = self._index.starts[line - 1]
        return line - 1, self.units(self.text[start:start + col - 1])


@dataclass
class Finding:
    """One adlint diagnostic as the server keeps it: its LSP range and the edits of its quick fix.

    ``start``/``end`` are LSP positions; ``edits`` are ``(start, end, new_text)``
    with LSP positions; ``action`` titles the quick fix (``None``: no fix);
    ``related`` holds ``(start, end, message)`` of the places behind the finding.
    """

    diagnostic: Diagnostic
    start: Pos
    end: Pos
    edits: list[tuple[Pos, Pos, str]] = field(default_factory=list)
    action: str | None = None
    preferred: bool = False
    related: list[tuple[Pos, Pos, str]] = field(default_factory=list)

    def covers(self, pos: Pos) -> bool:
        """True when ``pos`` is inside the range (ends included); a point finding covers its whole line."""
        if self.start == self.end:
            return pos[0] == self.start[0]
        return self.start <= pos <= self.end

    def overlaps(self, start: Pos, end: Pos) -> bool:
        """True when the range ``[start, end]`` touches this finding (a point finding: its line)."""
        if self.start == self.end:
            return start[0] <= self.start[0] <= end[0]
        return start <= self.end and self.start <= end


@dataclass
class LintOutcome:
    """What :func:`lint_document` found: the findings, or a configuration error message."""

    findings: list[Finding] = field(default_factory=list)
    config_error: str | None = None


def uri_to_path(uri: str) -> Path | None:
    """The local file path of a ``file:`` URI, or ``None`` for other schemes (``untitled:``)."""
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    path = unquote(parsed.path)
    if sys.platform == "win32" and len(path) > 2 and path[0] == "/" and path[2] == ":":
        path = path[1:]
    return Path(path)


def lint_document(text: str, path: Path | None, language_id: str | None = None,
                  units: Callable[[str], int] = utf16_units, cwd: Path | None = None) -> LintOutcome:
    """Lint an editor buffer as ``adlint check`` would lint the file at ``path``.

    ``path`` selects the configuration (nearest config file to its folder) and
    ``per-file-ignores``, and its extension the reader; ``None`` (an unsaved
    buffer) uses ``cwd`` (default: the current folder) for the configuration
    and ``language_id`` for the reader. Never raises for bad input.
    """
    from adlint.config import ConfigError, ConfigResolver
    from adlint.linter import lint_bytes
    from adlint.readers import FORMATS

    real = path if path is not None else (cwd or Path.cwd()) / "untitled"
    try:
        cfg = ConfigResolver().for_path(real)
    except ConfigError as exc:
        return LintOutcome(config_error=str(exc))
    if path is not None and cfg.is_excluded(path):
        return LintOutcome()
    fmt = None
    if path is None or path.suffix.lower() not in FORMATS:
        fmt = LANGUAGE_FORMATS.get(language_id or "", None)
    data = text.encode("utf-8", "surrogatepass")
    result = lint_bytes(str(path if path is not None else "untitled"), data, cfg, real, fmt=fmt)
    source = result.posting.source or ""
    # The reader drops a BOM; the editor keeps it as a character of line 1.
    shift = 1 if text.startswith("\ufeff") and not source.startswith("\ufeff") else 0
    mapper = PositionMapper(text, units)
    out = LintOutcome()
    for d in result.diagnostics:
        f = Finding(d, mapper.position(d.start + shift), mapper.position(max(d.end, d.start) + shift))
        f.related = [(mapper.position(r.start + shift), mapper.position(max(r.end, r.start) + shift), r.message)
                     for r in d.related]
        if d.fix is not None and d.fix.edits:
            f.edits = [(mapper.position(e.start + shift), mapper.position(e.end + shift), e.text) for e in d.fix.edits]
            f.action = f"{d.code}: {d.fix.message}"
            f.preferred = d.fix.applicability == "safe"
        out.findings.append(f)
    return out


def hover_markdown(findings: list[Finding]) -> str:
    """The hover text for the findings under the cursor: each message, then each rule's documentation."""
    from adlint import registry
    from adlint.ruledoc import rule_text

    parts = []
    done: set[str] = set()
    for f in findings:
        d = f.diagnostic
        parts.append(f"**adlint {d.code}** ({d.name}, {d.severity}): {d.message}")
    for f in findings:
        code = f.diagnostic.code
        rule = registry.lookup(code)
        if rule is not None and code not in done:
            done.add(code)
            parts.append("---\n\n" + rule_text(rule))
    return "\n\n".join(parts)


def create_server() -> Any:
    """Build the pygls ``LanguageServer`` with adlint's features. Raises ``ImportError`` without pygls 2."""
    from lsprotocol import types as t
    from pygls.lsp.server import LanguageServer

    from adlint import __version__
    from adlint.report.sarif import rule_url

    server = LanguageServer("adlint", __version__, text_document_sync_kind=t.TextDocumentSyncKind.Incremental)
    state: dict[str, list[Finding]] = {}

    def rng(start: Pos, end: Pos) -> Any:
        return t.Range(start=t.Position(line=start[0], character=start[1]),
                       end=t.Position(line=end[0], character=end[1]))

    def to_lsp(f: Finding, uri: str) -> Any:
        d = f.diagnostic
        return t.Diagnostic(
            range=rng(f.start, f.end), message=d.message, severity=t.DiagnosticSeverity(LSP_SEVERITY[d.severity]),
            code=d.code, code_description=t.CodeDescription(href=rule_url(d.code, d.name)), source=SOURCE,
            data={"name": d.name, "fixable": bool(f.edits)},
            related_information=[t.DiagnosticRelatedInformation(
                location=t.Location(uri=uri, range=rng(a, b)), message=msg) for a, b, msg in f.related] or None,
        )

    def folder_of_workspace(ls: Any) -> Path | None:
        root = ls.workspace.root_uri
        return uri_to_path(root) if root else None

    def refresh(ls: Any, uri: str) -> None:
        doc = ls.workspace.get_text_document(uri)
        units = ls.workspace.position_codec.client_num_units
        try:
            outcome = lint_document(doc.source, uri_to_path(uri), doc.language_id, units, folder_of_workspace(ls))
        except Exception as exc:  # a bug in adlint: say so, keep serving
            ls.window_log_message(t.LogMessageParams(type=t.MessageType.Error,
                                                     message=f"adlint: internal error on {uri}: {type(exc).__name__}: {exc}"))
            outcome = LintOutcome()
        state[uri] = outcome.findings
        diagnostics = [to_lsp(f, uri) for f in outcome.findings]
        if outcome.config_error:
            diagnostics.append(t.Diagnostic(range=rng((0, 0), (0, 0)), message=outcome.config_error,
                                            severity=t.DiagnosticSeverity.Error, code="config", source=SOURCE))
        ls.text_document_publish_diagnostics(t.PublishDiagnosticsParams(uri=uri, version=doc.version,
                                                                        diagnostics=diagnostics))

    @server.feature(t.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: Any, params: t.DidOpenTextDocumentParams) -> None:
        refresh(ls, params.text_document.uri)

    @server.feature(t.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: Any, params: t.DidChangeTextDocumentParams) -> None:
        refresh(ls, params.text_document.uri)

    @server.feature(t.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: Any, params: t.DidSaveTextDocumentParams) -> None:
        refresh(ls, params.text_document.uri)

    @server.feature(t.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: Any, params: t.DidCloseTextDocumentParams) -> None:
        state.pop(params.text_document.uri, None)
        ls.text_document_publish_diagnostics(t.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))

    @server.feature(t.TEXT_DOCUMENT_HOVER)
    def hover(ls: Any, params: t.HoverParams) -> Any:
        pos = (params.position.line, params.position.character)
        hits = [f for f in state.get(params.text_document.uri, []) if f.covers(pos)]
        if not hits:
            return None
        spans = [f for f in hits if f.start != f.end]
        target = spans[0] if spans else hits[0]
        return t.Hover(contents=t.MarkupContent(kind=t.MarkupKind.Markdown, value=hover_markdown(hits)),
                       range=rng(target.start, target.end))

    @server.feature(t.TEXT_DOCUMENT_CODE_ACTION,
                    t.CodeActionOptions(code_action_kinds=[t.CodeActionKind.QuickFix], resolve_provider=False))
    def code_action(ls: Any, params: t.CodeActionParams) -> list[Any]:
        uri = params.text_document.uri
        start = (params.range.start.line, params.range.start.character)
        end = (params.range.end.line, params.range.end.character)
        asked = {(d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character)
                 for d in params.context.diagnostics if d.source == SOURCE}
        actions = []
        for f in state.get(uri, []):
            if not f.edits:
                continue
            key = (f.diagnostic.code, *f.start, *f.end)
            if key not in asked and not f.overlaps(start, end):
                continue
            edits = [t.TextEdit(range=rng(a, b), new_text=text) for a, b, text in f.edits]
            actions.append(t.CodeAction(title=f.action or f.diagnostic.code, kind=t.CodeActionKind.QuickFix,
                                        diagnostics=[to_lsp(f, uri)], is_preferred=f.preferred,
                                        edit=t.WorkspaceEdit(changes={uri: edits})))
        return actions

    return server


def run() -> int:
    """Serve LSP over stdin/stdout until the client exits. Returns 2 when pygls 2 is not installed."""
    try:
        server = create_server()
    except ImportError as exc:
        sys.stderr.write(
            "adlint: error: 'adlint server' needs pygls 2 (the language-server library), "
            f"which is not installed ({exc}).\n  Install it with: pip install 'adlint[lsp]'\n")
        return 2
    server.start_io()
    return 0
