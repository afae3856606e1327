"""Reporters: diagnostics to text. One module per output format; none knows any rule.

Every format is a :class:`Stream`: ``add(diagnostics, source)`` is called
with the findings of one file (or of one record of a JSON Lines file), in
order, and the text their offsets point into; ``close()`` ends the report.
Line formats (``concise``, ``full``, ``json-lines``, ``github``) write each
finding at once; ``json``, ``gitlab`` and ``sarif`` write their array element
by element, so a run over a million records never holds its report in
memory; ``junit`` (totals in its first element) keeps its findings until
``close()``.

:func:`get` gives, for each format, the whole-report function
``write(diagnostics, sources, out, color)`` where ``sources`` maps a finding's
:attr:`~adlint.diagnostics.Diagnostic.source_key` (its path, or ``(path,
record_line)`` for a record) to the decoded text; it writes exactly what the
stream writes.
"""

from __future__ import annotations

import json as _stdjson  # not "json": the submodule adlint.report.json takes that name here
from typing import Any, Callable, TextIO

from adlint.diagnostics import Diagnostic

Reporter = Callable[[list[Diagnostic], dict, TextIO, bool], None]

NAMES = ("full", "concise", "json", "json-lines", "github", "gitlab", "sarif", "junit")


class Stream:
    """A report written as findings arrive: :meth:`add` per file or record, then :meth:`close` once."""

    def __init__(self, out: TextIO, color: bool = False) -> None:
        self.out = out
        self.color = color

    def add(self, diagnostics: list[Diagnostic], source: str | None) -> None:
        """Write (or keep) one file's or record's findings; ``source`` is the text their offsets point into."""
        raise NotImplementedError

    def close(self) -> None:
        """End the report (closing brackets, totals). Does not close :attr:`out`."""


class JsonArray:
    """Writes a JSON array element by element, byte for byte as ``json.dump(..., indent=2)`` would.

    ``depth`` is the array's nesting depth in the document (0 for a top-level array).
    """

    def __init__(self, out: TextIO, depth: int = 0) -> None:
        self.out = out
        self.depth = depth
        self.count = 0

    def add(self, item: Any) -> None:
        """Write one element."""
        pad = "  " * (self.depth + 1)
        text = _stdjson.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n" + pad)
        self.out.write(("[\n" if self.count == 0 else ",\n") + pad + text)
        self.count += 1

    def close(self) -> None:
        """Write the closing bracket (``[]`` for an empty array)."""
        self.out.write("[]" if self.count == 0 else "\n" + "  " * self.depth + "]")


def stream(name: str, out: TextIO, color: bool = False) -> Stream:
    """A :class:`Stream` for output format ``name``, writing to ``out``. Raises ``KeyError`` for unknown names."""
    if name == "full":
        from adlint.report.full import FullStream as cls
    elif name == "concise":
        from adlint.report.concise import ConciseStream as cls
    elif name == "json":
        from adlint.report.json import JsonStream as cls
    elif name == "json-lines":
        from adlint.report.json import JsonLinesStream as cls
    elif name == "github":
        from adlint.report.github import GithubStream as cls
    elif name == "gitlab":
        from adlint.report.gitlab import GitlabStream as cls
    elif name == "sarif":
        from adlint.report.sarif import SarifStream as cls
    elif name == "junit":
        from adlint.report.junit import JunitStream as cls
    else:
        raise KeyError(name)
    return cls(out, color)


def write_all(name: str, diagnostics: list[Diagnostic], sources: dict, out: TextIO, color: bool = False) -> None:
    """Write a whole report in format ``name`` through its stream (files and records grouped as they come)."""
    from adlint.baseline import groups

    s = stream(name, out, color)
    for group in groups(diagnostics):
        s.add(group, sources.get(group[0].source_key))
    s.close()


def get(name: str) -> Reporter:
    """The whole-report function ``write(diagnostics, sources, out, color)`` of a format. ``KeyError`` if unknown."""
    if name not in NAMES:
        raise KeyError(name)

    def write(diagnostics: list[Diagnostic], sources: dict, out: TextIO, color: bool) -> None:
        write_all(name, diagnostics, sources, out, color)

    return write
