"""``junit``: JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure).

One ``<testsuite>`` per file with findings, one failed ``<testcase>`` per
finding (``name`` is ``CODE at line:col``, ``classname`` the path, ``type``
of the failure the rule code, its text the concise line). With no finding at
all, one passing test case, so the report is never empty. Characters XML 1.0
cannot hold are written as ``\\xNN``/``\\uNNNN`` escapes. A finding in a
record of a JSON Lines file is named ``CODE in ID at line:col`` (the position
in the record's content) and its ``line`` is the record's line in the file.

The report's totals come first, so this format keeps its findings in memory
until the run ends.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TextIO

from adlint.diagnostics import Diagnostic
from adlint.report import Stream

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _x(text: str) -> str:
    """``text`` with characters XML 1.0 forbids written as escapes."""
    from adlint.ruledoc import shown

    return _NOT_XML.sub(lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}", shown(text))


def xml_report(diagnostics: list[Diagnostic]) -> str:
    """The JUnit XML document (with declaration) as a string."""
    from adlint.report.concise import line

    by_file: dict[str, list[Diagnostic]] = {}
    for d in diagnostics:
        by_file.setdefault(d.path, []).append(d)
    n = len(diagnostics)
    root = ET.Element("testsuites", name="adlint", tests=str(max(n, 1)), failures=str(n), errors="0")
    if not diagnostics:
        suite = ET.SubElement(root, "testsuite", name="adlint", tests="1", failures="0", errors="0")
        ET.SubElement(suite, "testcase", name="no findings", classname="adlint")
    for path, diags in by_file.items():
        p = _x(path)
        suite = ET.SubElement(root, "testsuite", name=p, tests=str(len(diags)), failures=str(len(diags)), errors="0")
        for d in diags:
            where = f"{d.line}:{d.col}" if d.record_line is None else \
                f"{d.record_id or d.record_line} at {d.line}:{d.col}"
            case = ET.SubElement(suite, "testcase", name=_x(f"{d.code} {'in' if d.record_line else 'at'} {where}"),
                                 classname=p, file=p, line=str(d.file_line))
            failure = ET.SubElement(case, "failure", message=_x(d.message), type=d.code)
            text = line(d)
            if d.fix is not None:
                text += f"\nfix ({d.fix.applicability}): {d.fix.message}"
            elif d.suggestion:
                text += f"\nuse instead: '{d.suggestion}'"
            failure.text = _x(text)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


class JunitStream(Stream):
    """Keeps the findings, and writes the JUnit XML report when closed."""

    def __init__(self, out: TextIO, color: bool = False) -> None:
        super().__init__(out, color)
        self.diagnostics: list[Diagnostic] = []

    def add(self, diagnostics: list[Diagnostic], source: str | None) -> None:
        self.diagnostics.extend(diagnostics)

    def close(self) -> None:
        self.out.write(xml_report(self.diagnostics))


def write(diagnostics: list[Diagnostic], sources: dict, out: TextIO, color: bool) -> None:
    """Write the JUnit XML report."""
    out.write(xml_report(diagnostics))
