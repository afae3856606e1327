"""``json`` (one array) and ``json-lines`` (one object per line): stable machine-readable output.

Each object has ``path``, ``code``, ``name``, ``severity``, ``message``,
``location`` and ``end_location`` (1-based ``line``/``column``), and
``suggestion``/``fix`` when the rule offers one.
"""

from __future__ import annotations

import json
from typing import TextIO

from adlint.diagnostics import Diagnostic


def write(diagnostics: list[Diagnostic], sources: dict[str, str], out: TextIO, color: bool) -> None:
    """Write all diagnostics as one JSON array."""
    json.dump([d.to_dict() for d in diagnostics], out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_lines(diagnostics: list[Diagnostic], sources: dict[str, str], out: TextIO, color: bool) -> None:
    """Write one JSON object per line."""
    for d in diagnostics:
        out.write(json.dumps(d.to_dict(), ensure_ascii=False) + "\n")
