"""``gitlab``: a GitLab Code Quality report (the Code Climate JSON subset GitLab reads).

A JSON array (UTF-8, no BOM) of objects with ``description``, ``check_name``
(the rule code), ``fingerprint``, ``severity`` (``info``/``minor``/``major`` for
adlint's info/warning/error) and ``location`` (``path`` relative to the
project folder, ``CI_PROJECT_DIR`` or the current folder, and ``lines.begin``/
``lines.end``). GitLab merges findings with the same fingerprint, so each is
unique within the report; they are also stable across edits elsewhere in the
file, so the merge-request widget shows only what changed (see
:mod:`adlint.baseline`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TextIO

from adlint.diagnostics import Diagnostic, Severity

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def issues(diagnostics: list[Diagnostic], sources: dict[str, str], root: Path | None = None) -> list[dict[str, Any]]:
    """The Code Quality issues (JSON-ready dicts) for ``diagnostics``."""
    from adlint.baseline import fingerprints, repo_path, report_root
    from adlint.report.sarif import clean

    base = root or report_root()
    fps = fingerprints(diagnostics, sources, lambda p: repo_path(p, base)[0])
    out = []
    for d, fp in zip(diagnostics, fps):
        description = f"{d.code} {clean(d.message)}"
        if d.suggestion:
            description += f" (use instead: '{clean(d.suggestion)}')"
        out.append({
            "type": "issue",
            "description": description,
            "check_name": d.code,
            "categories": ["Style"],
            "fingerprint": fp,
            "severity": SEVERITIES.get(d.severity, "minor"),
            "location": {"path": clean(repo_path(d.path, base)[0]),
                         "lines": {"begin": d.line, "end": max(d.end_line, d.line)}},
        })
    return out


def write(diagnostics: list[Diagnostic], sources: dict[str, str], out: TextIO, color: bool) -> None:
    """Write the Code Quality report as indented JSON."""
    json.dump(issues(diagnostics, sources), out, ensure_ascii=False, indent=2)
    out.write("\n")
