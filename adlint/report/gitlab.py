"""``gitlab``: a GitLab Code Quality report (the Code Climate JSON subset GitLab reads).

A JSON array (UTF-8, no BOM) of objects with ``description``, ``check_name``
(the rule code), ``fingerprint``, ``severity`` (``info``/``minor``/``major`` for
adlint's info/warning/error) and ``location`` (``path`` relative to the
project folder, ``CI_PROJECT_DIR`` or the current folder, and ``lines.begin``/
``lines.end``). GitLab merges findings with the same fingerprint, so each is
unique within the report; they are also stable across edits elsewhere in the
file, so the merge-request widget shows only what changed (see
:mod:`adlint.baseline`).

A finding in a record of a JSON Lines file is placed on the record's line,
its description starts with ``[id line:col]`` (the record's id and the
position in its content) and its fingerprint is keyed by the record's id.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TextIO

from adlint.diagnostics import Diagnostic, Severity, record_label
from adlint.report import JsonArray, Stream

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


class _Issues:
    """Code Quality issues of findings given one file (or record) at a time."""

    def __init__(self, root: Path | None = None) -> None:
        from adlint.baseline import Fingerprinter, repo_path, report_root

        self.base = root or report_root()
        self._repo_path = repo_path
        self._fp = Fingerprinter(lambda p: repo_path(p, self.base)[0])

    def of(self, diagnostics: list[Diagnostic], source: str | None) -> list[dict[str, Any]]:
        from adlint.report.sarif import clean

        out = []
        for d, fp in zip(diagnostics, self._fp(diagnostics, source)):
            label = record_label(d)
            description = f"{d.code} {clean(label) + ' ' if label else ''}{clean(d.message)}"
            if d.suggestion:
                description += f" (use instead: '{clean(d.suggestion)}')"
            lines = ({"begin": d.line, "end": max(d.end_line, d.line)} if d.record_line is None
                     else {"begin": d.record_line, "end": d.record_line})
            out.append({
                "type": "issue",
                "description": description,
                "check_name": d.code,
                "categories": ["Style"],
                "fingerprint": fp,
                "severity": SEVERITIES.get(d.severity, "minor"),
                "location": {"path": clean(self._repo_path(d.path, self.base)[0]), "lines": lines},
            })
        return out


def issues(diagnostics: list[Diagnostic], sources: dict, root: Path | None = None) -> list[dict[str, Any]]:
    """The Code Quality issues (JSON-ready dicts) for ``diagnostics``; ``sources`` by ``source_key``."""
    from adlint.baseline import groups

    maker = _Issues(root)
    return [i for g in groups(diagnostics) for i in maker.of(g, sources.get(g[0].source_key))]


class GitlabStream(Stream):
    """The Code Quality report as indented JSON, written issue by issue."""

    def __init__(self, out: TextIO, color: bool = False) -> None:
        super().__init__(out, color)
        self.maker = _Issues()
        self.array = JsonArray(out)

    def add(self, diagnostics: list[Diagnostic], source: str | None) -> None:
        for issue in self.maker.of(diagnostics, source):
            self.array.add(issue)

    def close(self) -> None:
        self.array.close()
        self.out.write("\n")


def write(diagnostics: list[Diagnostic], sources: dict, out: TextIO, color: bool) -> None:
    """Write the Code Quality report as indented JSON."""
    from adlint.report import write_all

    write_all("gitlab", diagnostics, sources, out, color)
