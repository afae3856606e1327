"""Bytes to text: decoding a posting file, or saying precisely why not.

A posting is UTF-8 (with or without a BOM), or UTF-16/UTF-32 with a BOM.
Anything else is reported where it breaks (AD001), never guessed: a guessed
code page would move every column that follows. Line endings may be LF, CRLF
or a lone CR (old Mac files); a lone CR is read as LF, which keeps every offset.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from adlint.posting import Problem

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)
_LONE_CR = re.compile(r"\r(?!\n)")


@dataclass(slots=True)
class Decoded:
    """The result of :func:`decode`: ``text`` and its ``encoding`` name, or a ``problem``."""

    text: str = ""
    encoding: str = "utf-8"
    problem: Problem | None = None


def decode(data: bytes) -> Decoded:
    """Decode a posting file's bytes.

    Returns a :class:`Decoded` whose ``text`` has the BOM removed and each lone
    ``\\r`` turned into ``\\n`` (same length, so offsets still match the file). On failure
    ``problem`` is an ``"unreadable"`` :class:`~adlint.posting.Problem` with the
    1-based line and column of the first undecodable byte (the column counts the
    characters decoded before it on that line), with or without a BOM. Never raises.
    """
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            try:
                return Decoded(_lines(body.decode(codec)), name)
            except UnicodeDecodeError as exc:
                what = "UTF-8" if name == "utf-8-sig" else name.upper()
                return Decoded(problem=_bad_bytes(body, codec, exc, len(bom),
                                                  f"invalid {what} after the byte-order mark"))
    if b"\x00" in data[:8192]:
        return Decoded(problem=Problem("unreadable", "binary file (contains NUL bytes); not a posting"))
    try:
        return Decoded(_lines(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError as exc:
        return Decoded(problem=_bad_bytes(data, "utf-8", exc, 0, "invalid UTF-8"))


def _lines(text: str) -> str:
    """``text`` with each lone CR (a classic Mac line ending) read as LF."""
    return _LONE_CR.sub("\n", text) if "\r" in text else text


def _bad_bytes(body: bytes, codec: str, exc: UnicodeDecodeError, skip: int, what: str) -> Problem:
    """The problem for undecodable ``body`` at ``exc.start``; ``skip`` is the BOM's length in bytes."""
    head = body[: exc.start].decode(codec, errors="replace")
    line = head.count("\n") + 1
    col = len(head) - (head.rfind("\n") + 1) + 1
    bad = body[exc.start: exc.end].hex(" ")
    return Problem(
        "unreadable",
        f"{what} (byte {bad} at byte offset {skip + exc.start}); save the file as UTF-8",
        line, col,
    )
