"""``concise``: one line per finding, ``path:line:col: CODE [severity] message``.

A finding in a record of a JSON Lines file points at the record's line in the
file, column 1, and its message starts with the record's id and the position
in the record's content::

    postings.jsonl:17:1: AD312 [warning] [job-42 3:11] 'rockstar' is a jargon job title; ...
"""

from __future__ import annotations

from typing import TextIO

from adlint.diagnostics import Diagnostic, record_label
from adlint.report import Stream
from adlint.report.style import paint


def line(d: Diagnostic, color: bool = False) -> str:
    """The concise line for one diagnostic."""
    sev = str(d.severity)
    label = record_label(d)
    col = d.col if d.record_line is None else 1
    return (f"{paint(d.path, 'bold', color)}:{d.file_line}:{col}: "
            f"{paint(d.code, 'red' if sev == 'error' else 'yellow' if sev == 'warning' else 'cyan', color)}"
            f" [{sev}] {label + ' ' if label else ''}{d.message}")


class ConciseStream(Stream):
    """Writes each finding as its concise line."""

    def add(self, diagnostics: list[Diagnostic], source: str | None) -> None:
        for d in diagnostics:
            self.out.write(line(d, self.color) + "\n")


def write(diagnostics: list[Diagnostic], sources: dict, out: TextIO, color: bool) -> None:
    """Write each diagnostic as a concise line."""
    ConciseStream(out, color).add(diagnostics, None)
