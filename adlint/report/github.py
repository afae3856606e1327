"""``github``: GitHub Actions workflow commands, shown as annotations on the pull request.

One line per finding::

    ::warning title=adlint AD301 (gender-coded-wording),file=jobs/a.md,line=4,endLine=4,col=11,endColumn=19::message

``error`` findings become ``::error``, ``warning`` ``::warning`` and ``info``
``::notice``. Paths are relative to the checkout (:func:`adlint.baseline.report_root`).
Columns are 1-based code points with an exclusive end (as in the other
formats) and are given only for a range on one line, as GitHub requires.
Escaping follows actions/toolkit: in the message ``%``, CR and LF become
``%25``, ``%0D`` and ``%0A``; in property values ``:`` and ``,`` also become
``%3A`` and ``%2C``.

A finding in a record of a JSON Lines file is annotated on the record's line
(no column), and its message starts with ``[id line:col]``, the record's id
and the position in its content.
"""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from adlint.diagnostics import Diagnostic, Severity, record_label
from adlint.report import Stream

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a workflow command's message: ``%`` → ``%25``, CR → ``%0D``, LF → ``%0A``."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command's property value: as :func:`escape_data`, plus ``:`` → ``%3A``, ``,`` → ``%2C``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(d: Diagnostic, root: Path | None = None) -> str:
    """The workflow command line (without newline) for one diagnostic."""
    from adlint.baseline import repo_path
    from adlint.report.sarif import clean

    path, _ = repo_path(d.path, root)
    props = [("title", f"adlint {d.code} ({d.name})"), ("file", clean(path))]
    if d.record_line is not None:
        props += [("line", str(d.record_line)), ("endLine", str(d.record_line))]
    else:
        props += [("line", str(d.line)), ("endLine", str(max(d.end_line, d.line)))]
        if d.end_line == d.line:
            props.append(("col", str(d.col)))
            if d.end_col > d.col:
                props.append(("endColumn", str(d.end_col)))
    label = record_label(d)
    message = (clean(label) + " " if label else "") + clean(d.message)
    if d.fix is not None:
        message += f"\nfix ({d.fix.applicability}): {clean(d.fix.message)}"
    elif d.suggestion:
        message += f"\nuse instead: '{clean(d.suggestion)}'"
    head = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{COMMANDS.get(d.severity, 'warning')} {head}::{escape_data(message)}"


class GithubStream(Stream):
    """Writes one workflow command per finding."""

    def __init__(self, out: TextIO, color: bool = False) -> None:
        from adlint.baseline import report_root

        super().__init__(out, color)
        self.root = report_root()

    def add(self, diagnostics: list[Diagnostic], source: str | None) -> None:
        for d in diagnostics:
            self.out.write(command(d, self.root) + "\n")


def write(diagnostics: list[Diagnostic], sources: dict, out: TextIO, color: bool) -> None:
    """Write one workflow command per diagnostic."""
    GithubStream(out, color).add(diagnostics, None)
