"""Bytes to text: decoding a posting file, or saying precisely why not.

A posting is UTF-8 (with or without a BOM), or UTF-16/UTF-32 with a BOM.
Anything else is reported where it breaks (AD001), never guessed: a guessed
code page would move every column that follows.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from adlint.posting import Problem

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)


@dataclass(slots=True)
class Decoded:
    """The result of :func:`decode`: ``text`` and its ``encoding`` name, or a ``problem``."""

    text: str = ""
    encoding: str = "utf-8"
    problem: Problem | None = None


def decode(data: bytes) -> Decoded:
    """Decode a posting file's bytes.

    Returns a :class:`Decoded` whose ``text`` has the BOM removed. On failure
    ``problem`` is an ``"unreadable"`` :class:`~adlint.posting.Problem` with the
    1-based line and column of the first undecodable byte (the column counts the
    characters decoded before it on that line). Never raises.
    """
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            try:
                return Decoded(body.decode(codec), name)
            except UnicodeDecodeError as exc:
                return Decoded(problem=Problem(
                    "unreadable", f"file starts with a {name} byte-order mark but is not valid {name}: {exc.reason}"))
    if b"\x00" in data[:8192]:
        return Decoded(problem=Problem("unreadable", "binary file (contains NUL bytes); not a posting"))
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        head = data[: exc.start]
        line = head.count(b"\n") + 1
        line_start = head.rfind(b"\n") + 1
        col = len(head[line_start:].decode("utf-8", errors="replace")) + 1
        bad = data[exc.start: exc.end].hex(" ")
        return Decoded(problem=Problem(
            "unreadable",
            f"invalid UTF-8 (byte {bad} at byte offset {exc.start}); save the file as UTF-8",
            line, col,
        ))
