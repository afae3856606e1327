"""``full``: each finding with its source line and a caret under the flagged words, as ruff shows them."""

from __future__ import annotations

from typing import TextIO

from adlint.diagnostics import Diagnostic
from adlint.positions import LineIndex
from adlint.report.concise import line as head
from adlint.report.style import paint

_MAX_WIDTH = 120


#: Related places listed under a finding before the rest are summed up.
_MAX_RELATED = 12


def write(diagnostics: list[Diagnostic], sources: dict[str, str], out: TextIO, color: bool) -> None:
    """Write each diagnostic with a source excerpt, a caret line and its fix or suggestion."""
    indexes: dict[str, LineIndex] = {}
    for d in diagnostics:
        fixable = d.fix is not None and d.fix.applicability == "safe"  # [*]: `--fix` fixes it, as in ruff
        out.write(head(d, color) + (f" {paint('[*]', 'green', color)}" if fixable else "") + "\n")
        text = sources.get(d.path)
        if text:
            idx = indexes.get(d.path) or indexes.setdefault(d.path, LineIndex(text))
            if d.line <= idx.line_count:
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
            out.write(f"  {paint('note', 'blue', color)}: {d.path}:{r.line}:{r.col}: {r.message}\n")
        if len(d.related) > _MAX_RELATED:
            out.write(f"  {paint('note', 'blue', color)}: … and {len(d.related) - _MAX_RELATED} more\n")
        out.write("\n")
