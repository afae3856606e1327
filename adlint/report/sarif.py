"""``sarif``: a SARIF 2.1.0 log for code scanning (GitHub, Azure DevOps, IDE viewers).

One run whose driver lists every adlint rule, sorted by code, so a rule's
``ruleIndex`` is the same in every report of one adlint version. Each rule
carries its summary (``shortDescription``), rationale (``fullDescription``),
full documentation (``help``, as ``adlint rule CODE`` prints it) and a
``helpUri``. Result paths are relative to the report root
(:func:`adlint.baseline.report_root`: the CI checkout or the current folder)
with ``uriBaseId`` ``%SRCROOT%``; a path outside it is an absolute ``file:`` URI.
Columns count Unicode code points (``columnKind`` says so), 1-based, and a
region's end column is exclusive, as in SARIF. Each result has a
``partialFingerprints`` entry that survives edits elsewhere in the file
(:mod:`adlint.baseline`), and ``fixes`` when the rule offers a fix.

A finding in a record of a JSON Lines file is located on the record's line
of the file (``region.startLine``) with a ``logicalLocation`` (``kind``
``object``) named by the record's id; ``properties`` hold ``recordId``,
``recordLine`` and ``contentRegion``, the position in the record's content,
and the message starts with ``[id line:col]``. It has no ``fixes``: they would
edit the content, not the file.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from adlint import __version__
from adlint.diagnostics import Diagnostic, Severity, record_label
from adlint.positions import LineIndex
from adlint.report import JsonArray, Stream

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
#: Where a rule's documentation lives; ``{code}`` and ``{name}`` are filled in.
#: Override with the ``ADLINT_DOCS_URL`` environment variable (same placeholders).
HOME_URL = "https://github.com/adlint/adlint"
DOCS_URL = HOME_URL + "/blob/main/README.md#rules"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FAMILIES = {
    "0": "meta", "1": "structure", "2": "requirements", "3": "inclusive-language",
    "4": "language-and-country", "5": "readability", "6": "pay-transparency", "7": "structured-data",
}


def rule_url(code: str, name: str = "") -> str:
    """The documentation URL of a rule (:data:`DOCS_URL` or ``$ADLINT_DOCS_URL`` filled in)."""
    template = os.environ.get("ADLINT_DOCS_URL") or DOCS_URL
    try:
        return template.format(code=code, name=name)
    except (KeyError, IndexError, ValueError):
        return template


def clean(text: str) -> str:
    """``text`` safe to encode as UTF-8: lone surrogates (undecodable bytes) shown as escapes."""
    from adlint.ruledoc import shown

    return shown(text).encode("utf-8", "backslashreplace").decode("utf-8")


def _rules() -> list[dict[str, Any]]:
    from adlint import registry
    from adlint.ruledoc import rule_text

    out = []
    for code, rule in registry.all_rules().items():
        doc = clean(rule_text(rule))
        out.append({
            "id": code,
            "name": rule.name,
            "shortDescription": {"text": clean(rule.summary)},
            "fullDescription": {"text": clean(rule.why)},
            "help": {"text": doc, "markdown": doc},
            "helpUri": rule_url(code, rule.name),
            "defaultConfiguration": {"level": LEVELS[rule.severity], "enabled": bool(rule.default_enabled)},
            "properties": {"tags": ["adlint", FAMILIES.get(code[2:3], "other")]},
        })
    return out


def _artifact(path: str, root: Path) -> dict[str, str]:
    from adlint.baseline import repo_path

    rel, inside = repo_path(path, root)
    if inside:
        return {"uri": quote(clean(rel), safe="/"), "uriBaseId": "%SRCROOT%"}
    return {"uri": Path(rel).as_uri() if Path(rel).is_absolute() else quote(clean(rel), safe="/")}


def _region(line: int, col: int, end_line: int, end_col: int) -> dict[str, int]:
    region = {"startLine": max(1, line), "startColumn": max(1, col)}
    if (end_line, end_col) > (line, col):
        region["endLine"] = end_line
        region["endColumn"] = max(1, end_col)
    return region


def _fixes(d: Diagnostic, text: str | None, artifact: dict[str, str]) -> list[dict[str, Any]]:
    if d.fix is None or not text:
        return []
    idx = LineIndex(text)
    replacements = []
    for e in d.fix.edits:
        (l1, c1), (l2, c2) = idx.position(e.start), idx.position(e.end)
        region = {"startLine": l1, "startColumn": c1, "endLine": l2, "endColumn": c2}
        replacements.append({"deletedRegion": region, "insertedContent": {"text": clean(e.text)}})
    return [{"description": {"text": clean(d.fix.message)},
             "artifactChanges": [{"artifactLocation": artifact, "replacements": replacements}]}]


class _Results:
    """SARIF results of findings given one file (or record) at a time."""

    def __init__(self, root: Path | None = None) -> None:
        from adlint.baseline import Fingerprinter, relative_to, report_root

        self.base = root or report_root()
        self.rules = _rules()
        self.index = {r["id"]: i for i, r in enumerate(self.rules)}
        self._fp = Fingerprinter(lambda p: relative_to(p, self.base))

    def of(self, diagnostics: list[Diagnostic], text: str | None) -> list[dict[str, Any]]:
        """The results for one file's (or record's) diagnostics; ``text``: their source."""
        out = []
        for d, fp in zip(diagnostics, self._fp(diagnostics, text)):
            artifact = _artifact(d.path, self.base)
            record = d.record_line is not None
            result: dict[str, Any] = {"ruleId": d.code}
            if d.code in self.index:
                result["ruleIndex"] = self.index[d.code]
            label = record_label(d)
            message = (clean(label) + " " if label else "") + clean(d.message)
            if d.fix is None and d.suggestion:
                message += f" (use instead: '{clean(d.suggestion)}')"
            region = {"startLine": d.record_line} if record else _region(d.line, d.col, d.end_line, d.end_col)
            location: dict[str, Any] = {"physicalLocation": {"artifactLocation": artifact, "region": region}}
            if record:
                location["logicalLocations"] = [{"name": clean(d.record_id or str(d.record_line)), "kind": "object"}]
            result.update({
                "level": LEVELS.get(d.severity, "warning"),
                "message": {"text": message},
                "locations": [location],
                "partialFingerprints": {"adlintFingerprint/v1": fp},
            })
            if d.related:
                result["relatedLocations"] = [
                    {"id": i,
                     "message": {"text": (clean(record_label(d, r.line, r.col)) + " " if record else "") + clean(r.message)},
                     "physicalLocation": {"artifactLocation": artifact,
                                          "region": {"startLine": d.record_line} if record else
                                          _region(r.line, r.col, r.end_line, r.end_col)}}
                    for i, r in enumerate(d.related)]
            fixes = [] if record else _fixes(d, text, artifact)  # a fix edits the record's content, not the file
            if fixes:
                result["fixes"] = fixes
            if record:
                result["properties"] = {"recordId": d.record_id, "recordLine": d.record_line,
                                        "contentRegion": _region(d.line, d.col, d.end_line, d.end_col)}
            out.append(result)
        return out

    def log(self, results: Any) -> dict[str, Any]:
        """The SARIF log around ``results``."""
        run: dict[str, Any] = {
            "tool": {"driver": {"name": "adlint", "version": __version__, "semanticVersion": __version__,
                                "informationUri": HOME_URL, "rules": self.rules}},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": self.base.as_uri().rstrip("/") + "/"}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }
        return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def sarif_log(diagnostics: list[Diagnostic], sources: dict, root: Path | None = None) -> dict[str, Any]:
    """The SARIF log (a JSON-ready dict) for ``diagnostics``; ``sources`` maps ``source_key`` to decoded text."""
    from adlint.baseline import groups

    maker = _Results(root)
    return maker.log([r for g in groups(diagnostics) for r in maker.of(g, sources.get(g[0].source_key))])


_MARK = "@@adlint-sarif-results@@"


class SarifStream(Stream):
    """The SARIF log as indented JSON, its results written one by one (the rest of the log around them)."""

    def __init__(self, out: TextIO, color: bool = False) -> None:
        super().__init__(out, color)
        self.maker = _Results()
        text = json.dumps(self.maker.log(_MARK), ensure_ascii=False, indent=2)
        self.head, self.tail = text.split(f'"{_MARK}"')
        self.array: JsonArray | None = None

    def add(self, diagnostics: list[Diagnostic], source: str | None) -> None:
        if self.array is None:
            self.out.write(self.head)
            self.array = JsonArray(self.out, depth=3)  # log > runs > run > results
        for r in self.maker.of(diagnostics, source):
            self.array.add(r)

    def close(self) -> None:
        if self.array is None:
            self.out.write(self.head)
            self.array = JsonArray(self.out, depth=3)
        self.array.close()
        self.out.write(self.tail + "\n")


def write(diagnostics: list[Diagnostic], sources: dict, out: TextIO, color: bool) -> None:
    """Write the SARIF log as indented JSON."""
    from adlint.report import write_all

    write_all("sarif", diagnostics, sources, out, color)
