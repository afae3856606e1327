"""Diagnostics: what a rule reports, and severities.

A :class:`Diagnostic` is a finding at a 1-based ``line:col`` range of one
file, with a rule code, a severity and a message, and optionally a suggested
:class:`Fix`. Reporters only ever see diagnostics, never rules.
"""

from __future__ import annotations

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

    def sort_key(self) -> tuple[str, int, int, str]:
        """Order by path, position, then code."""
        return (self.path, self.line, self.col, self.code)

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready view (the ``json`` output format)."""
        d: dict[str, object] = {
            "path": self.path,
            "code": self.code,
            "name": self.name,
            "severity": str(self.severity),
            "message": self.message,
            "location": {"line": self.line, "column": self.col},
            "end_location": {"line": self.end_line, "column": self.end_col},
        }
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
