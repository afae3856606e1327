"""``concise``: one line per finding, ``path:line:col: CODE [severity] message``."""

from __future__ import annotations

from typing import TextIO

from adlint.diagnostics import Diagnostic
from adlint.report.style import paint


def line(d: Diagnostic, color: bool = False) -> str:
    """The concise line for one diagnostic."""
    sev = str(d.severity)
    return (f"{paint(d.path, 'bold', color)}:{d.line}:{d.col}: {paint(d.code, 'red' if sev == 'error' else 'yellow' if sev == 'warning' else 'cyan', color)}"
            f" [{sev}] {d.message}")


def write(diagnostics: list[Diagnostic], sources: dict[str, str], out: TextIO, color: bool) -> None:
    """Write each diagnostic as a concise line."""
    for d in diagnostics:
        out.write(line(d, color) + "\n")
