"""``full``: each finding with its source line and a caret under the flagged words, as ruff shows them.

For a finding in a record of a JSON Lines file the head line is the concise
one (the record's line in the file, then ``[id line:col]``) and the excerpt
is the line of the record's content, numbered as in the content.
"""

from __future__ import annotations

from typing import TextIO

from adlint.diagnostics import Diagnostic, record_label
from adlint.positions import LineIndex
from adlint.report import Stream
from adlint.report.concise import line as head
from adlint.report.style import paint

_MAX_WIDTH = 120


#: Related places listed under a finding before the rest are summed up.
_MAX_RELATED = 12


class FullStream(Stream):
    """Writes each finding with a source excerpt, a caret line and its fix or suggestion."""

    def add(self, diagnostics: list[Diagnostic], source: str | None) -> None:
        idx = LineIndex(source) if source else None
        for d in diagnostics:
            self._one(d, idx)

    def _one(self, d: Diagnostic, idx: LineIndex | None) -> None:
        out, color = self.out, self.color
        # [*]: `--fix` fixes it, as in ruff (records are never fixed in place)
        fixable = d.fix is not None and d.fix.applicability == "safe" and d.record_line is None
        out.write(head(d, color) + (f" {paint('[*]', 'green', color)}" if fixable else "") + "\n")
        if idx is not None and d.line <= idx.line_count:
            src = idx.line_text(d.line).expandtabs(1)
            width = max(1, (d.end_col - d.col) if d.end_line == d.line else len(src) - d.col + 1)
            start = d.col - 1
            # Keep long lines (JSON-LD descriptions) readable: show a window around the finding.
            lead = ""
            if len(src) > _MAX_WIDTH:
                lo = max(0, start - 40)
                src = src[lo:lo + _MAX_WIDTH]
                start -= lo
                lead = "…" if lo else ""
                width = min(width, _MAX_WIDTH - start)
            gutter = str(d.line)
            pad = " " * len(gutter)
            out.write(f"{paint(pad + ' |', 'blue', color)}\n")
            out.write(f"{paint(gutter + ' |', 'blue', color)} {lead}{src}\n")
            caret = " " * (start + len(lead)) + "^" * max(1, width)
            out.write(f"{paint(pad + ' |', 'blue', color)} {paint(caret, 'red', color)}\n")
        if d.fix is not None:
            out.write(f"  {paint('fix', 'green', color)} ({d.fix.applicability}): {d.fix.message}\n")
        elif d.suggestion:
            out.write(f"  {paint('help', 'green', color)}: use '{d.suggestion}'\n")
        for r in d.related[:_MAX_RELATED]:
            where = f"{d.path}:{r.line}:{r.col}:" if d.record_line is None else record_label(d, r.line, r.col)
            out.write(f"  {paint('note', 'blue', color)}: {where} {r.message}\n")
        if len(d.related) > _MAX_RELATED:
            out.write(f"  {paint('note', 'blue', color)}: … and {len(d.related) - _MAX_RELATED} more\n")
        out.write("\n")


def write(diagnostics: list[Diagnostic], sources: dict, out: TextIO, color: bool) -> None:
    """Write each diagnostic with a source excerpt, a caret line and its fix or suggestion."""
    from adlint.report import write_all

    write_all("full", diagnostics, sources, out, color)
