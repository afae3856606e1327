"""Diagnostics: what a rule reports, and severities.

A :class:`Diagnostic` is a finding at a 1-based ``line:col`` range of one
file, with a rule code, a severity and a message, and optionally a suggested
:class:`Fix`. Reporters only ever see diagnostics, never rules.

A finding in a record of a JSON Lines file (:mod:`adlint.records`) also
carries the record's id and line in the file; its ``line:col`` stay relative
to the record's content. :func:`record_label` is how text formats show them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from enum import IntEnum


class Severity(IntEnum):
    """Severity of a finding, ordered: ``info`` < ``warning`` < ``error``."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> "Severity":
        """Severity from its name (``"info"``, ``"warning"``, ``"error"``). Raises ``ValueError``."""
        try:
            return cls[name.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {name!r}; use info, warning or error") from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(slots=True, frozen=True)
class Edit:
    """Replace source ``[start, end)`` (0-based character offsets) with ``text``."""

    start: int
    end: int
    text: str


@dataclass(slots=True, frozen=True)
class Fix:
    """A suggested change: its edits, a short description, and whether it is safe.

    ``applicability`` is ``"safe"`` (meaning kept: a code made canonical) or
    ``"unsafe"`` (wording a person should review).
    """

    edits: tuple[Edit, ...]
    message: str
    applicability: str = "safe"


@dataclass(frozen=True, slots=True)
class Related:
    """A place that supports a finding without being one: a coded word behind an AD301 verdict.

    Positions as in :class:`Diagnostic` (1-based ``line``/``col``, exclusive
    end; ``start``/``end`` 0-based offsets); ``message`` says what stands there.
    Reported as JSON ``related``, SARIF ``relatedLocations`` and LSP
    ``relatedInformation``, and listed under the finding in ``full`` output.
    """

    message: str
    line: int
    col: int
    end_line: int
    end_col: int
    start: int
    end: int

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready view."""
        return {"message": self.message, "location": {"line": self.line, "column": self.col},
                "end_location": {"line": self.end_line, "column": self.end_col}}


@dataclass(slots=True)
class Diagnostic:
    """One finding.

    ``line``/``col`` are 1-based; ``end_line``/``end_col`` mark the exclusive
    end (equal to the start for a point). ``start``/``end`` are the same range
    as 0-based character offsets in the decoded text. ``path`` is set by the
    linter. ``related`` lists the places that support the finding.

    For a finding in a JSON Lines record, ``record_id`` is the record's id (a
    string: its ``id``, or its line number when it has none) and
    ``record_line`` its 1-based line in the file; positions and offsets are
    then relative to the record's content. Both are ``None`` for a file.
    """

    code: str
    name: str
    severity: Severity
    message: str
    line: int = 1
    col: int = 1
    end_line: int = 1
    end_col: int = 1
    start: int = 0
    end: int = 0
    path: str = ""
    fix: Fix | None = None
    suggestion: str | None = None
    extra: dict[str, object] = field(default_factory=dict)
    related: tuple[Related, ...] = ()
    record_id: str | None = None
    record_line: int | None = None

    def sort_key(self) -> tuple[str, int, int, str]:
        """Order by path, position, then code."""
        return (self.path, self.line, self.col, self.code)

    @property
    def source_key(self) -> "str | tuple[str, int]":
        """The key of the text this finding's offsets point into: ``path``, or ``(path, record_line)`` for a record."""
        return self.path if self.record_line is None else (self.path, self.record_line)

    @property
    def file_line(self) -> int:
        """The 1-based line of the file to point at: :attr:`line`, or the record's line for a record."""
        return self.line if self.record_line is None else self.record_line

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready view (the ``json`` output format).

        Keys: ``path``, for a record ``id`` (string) and ``record_line`` (its
        line in the file), then ``code``, ``name``, ``severity``, ``message``,
        ``location`` and ``end_location`` (``{"line", "column"}``, 1-based,
        relative to the record's content for a record), and ``suggestion``,
        ``related`` and ``fix`` when there are. A file's findings have no
        ``id`` or ``record_line`` key.
        """
        d: dict[str, object] = {"path": self.path}
        if self.record_line is not None:
            d["id"] = self.record_id
            d["record_line"] = self.record_line
        d.update({
            "code": self.code,
            "name": self.name,
            "severity": str(self.severity),
            "message": self.message,
            "location": {"line": self.line, "column": self.col},
            "end_location": {"line": self.end_line, "column": self.end_col},
        })
        if self.suggestion is not None:
            d["suggestion"] = self.suggestion
        if self.related:
            d["related"] = [r.to_dict() for r in self.related]
        if self.fix is not None:
            d["fix"] = {
                "message": self.fix.message,
                "applicability": self.fix.applicability,
                "edits": [{"start": e.start, "end": e.end, "content": e.text} for e in self.fix.edits],
            }
        return d


_PLAIN_ID = re.compile(r"[^\s\[\]\"\\\x00-\x1f\x7f]+")


def shown_id(record_id: str) -> str:
    """A record id as text output shows it: as is when it is one plain word, else as a JSON string.

    ``job-42`` stays ``job-42``; ``"job 42"``, ids with brackets, quotes or
    control characters (a newline would break line-oriented output) are quoted.
    """
    if _PLAIN_ID.fullmatch(record_id):
        return record_id
    return json.dumps(record_id, ensure_ascii=False)


def record_label(d: Diagnostic, line: int | None = None, col: int | None = None) -> str:
    """``[ID LINE:COL]``: a record finding's id and its position in the record's content (``""`` for a file).

    ``line``/``col`` default to the finding's own; text formats put the label
    at the start of the message, after ``path:record_line:1:``.
    """
    if d.record_line is None:
        return ""
    return f"[{shown_id(d.record_id or str(d.record_line))} {d.line if line is None else line}:{d.col if col is None else col}]"
