"""``json`` (one array) and ``json-lines`` (one object per line): stable machine-readable output.

Each object has ``path``, ``code``, ``name``, ``severity``, ``message``,
``location`` and ``end_location`` (1-based ``line``/``column``), and
``suggestion``/``fix`` when the rule offers one. A finding in a record of a
JSON Lines file also has ``id`` (the record's id, a string) and
``record_line`` (its line in the file), and its positions are relative to the
record's content; a file's findings have neither key. Both formats are
written finding by finding.
"""

from __future__ import annotations

import json
from typing import TextIO

from adlint.diagnostics import Diagnostic
from adlint.report import JsonArray, Stream


class JsonStream(Stream):
    """One JSON array (indented by 2), written element by element."""

    def __init__(self, out: TextIO, color: bool = False) -> None:
        super().__init__(out, color)
        self.array = JsonArray(out)

    def add(self, diagnostics: list[Diagnostic], source: str | None) -> None:
        for d in diagnostics:
            self.array.add(d.to_dict())

    def close(self) -> None:
        self.array.close()
        self.out.write("\n")


class JsonLinesStream(Stream):
    """One JSON object per line."""

    def add(self, diagnostics: list[Diagnostic], source: str | None) -> None:
        for d in diagnostics:
            self.out.write(json.dumps(d.to_dict(), ensure_ascii=False) + "\n")


def write(diagnostics: list[Diagnostic], sources: dict, out: TextIO, color: bool) -> None:
    """Write all diagnostics as one JSON array."""
    s = JsonStream(out, color)
    s.add(diagnostics, None)
    s.close()


def write_lines(diagnostics: list[Diagnostic], sources: dict, out: TextIO, color: bool) -> None:
    """Write one JSON object per line."""
    JsonLinesStream(out, color).add(diagnostics, None)
