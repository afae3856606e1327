"""Positions: from offsets in the decoded source text to 1-based ``line:col``.

Every reader turns markup into plain text, and every rule matches on that plain
text. :class:`TextMap` carries each plain-text character back to the source
offset it came from, so a finding points at the exact words in the original
file, inside HTML, inside a JSON string with escapes, or inside a YAML block.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Iterable


class LineIndex:
    """Maps character offsets of a text to 1-based (line, column) pairs.

    Columns count Unicode code points, 1-based, like ruff and yamllint. Lines
    break at ``\\n``; a ``\\r`` before it belongs to the line it ends.
    """

    __slots__ = ("text", "starts")

    def __init__(self, text: str) -> None:
        self.text = text
        starts = [0]
        find = text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self.starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        """Return ``(line, col)``, both 1-based, for a 0-based character offset.

        Offsets past the end are clamped to the end of the text.
        """
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def offset(self, line: int, col: int) -> int:
        """Return the 0-based offset of a 1-based ``(line, col)``; clamps to the text."""
        line = max(1, min(line, len(self.starts)))
        return min(self.starts[line - 1] + max(col, 1) - 1, len(self.text))

    def line_text(self, line: int) -> str:
        """Return line ``line`` (1-based) without its line ending."""
        start = self.starts[line - 1]
        end = self.starts[line] - 1 if line < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r")

    @property
    def line_count(self) -> int:
        """Number of lines (a text without a newline has one)."""
        return len(self.starts)


class TextMap:
    """Maps offsets in a derived plain text back to offsets in a source text.

    Built piece by piece with :meth:`add`: a piece is a run of plain text and the
    source span it came from. When both have the same length (literal text) the
    mapping is one to one; otherwise (an entity such as ``&amp;``, a JSON escape
    such as ``\\u00e9``) every character of the piece maps to the start of the
    source span and its end maps to the span's end.

    ``text`` is the derived plain text; :meth:`source` maps one offset and
    :meth:`span` a half-open range.
    """

    __slots__ = ("_parts", "_text_starts", "_chunks", "_len")

    def __init__(self) -> None:
        # (text_start, text_len, src_start, src_len, one_to_one)
        self._parts: list[tuple[int, int, int, int, bool]] = []
        self._text_starts: list[int] = []
        # The text is kept as chunks and joined on demand: appending to one
        # growing string would copy it on every add (quadratic on big files).
        self._chunks: list[str] = []
        self._len = 0

    @property
    def text(self) -> str:
        """The derived plain text (all pieces added so far, in order)."""
        chunks = self._chunks
        if len(chunks) > 1:
            chunks[:] = ["".join(chunks)]
        return chunks[0] if chunks else ""

    def __len__(self) -> int:
        """Length of :attr:`text` in characters."""
        return self._len

    def endswith(self, suffix: str | tuple[str, ...]) -> bool:
        """``text.endswith(suffix)``, without joining the text when the last piece suffices."""
        if not self._chunks:
            return False
        last = self._chunks[-1]
        longest = max(map(len, suffix), default=0) if isinstance(suffix, tuple) else len(suffix)
        return last.endswith(suffix) if len(last) >= longest else self.text.endswith(suffix)

    @classmethod
    def identity(cls, text: str, src_start: int) -> "TextMap":
        """A map for ``text`` copied verbatim from the source at ``src_start``."""
        m = cls()
        m.add(text, src_start, src_start + len(text))
        return m

    @classmethod
    def pinned(cls, text: str, src_start: int, src_end: int) -> "TextMap":
        """A map pinning all of ``text`` to one source span.

        For text that does not stand verbatim in the source (an escaped or
        folded YAML string): a finding anywhere in it points at the whole span.
        """
        m = cls()
        m.add(text, src_start, src_end, literal=False)
        return m

    def add(self, text: str, src_start: int, src_end: int, literal: bool | None = None) -> None:
        """Append ``text``, which renders the source span ``[src_start, src_end)``.

        ``literal`` says the text stands verbatim in the source (one to one);
        by default it is assumed when both have the same length. A literal
        piece that continues the previous literal piece in the source is merged
        into it (same mapping, fewer pieces).
        """
        if not text:
            return
        t0 = self._len
        n = len(text)
        if literal is None:
            literal = n == src_end - src_start
        self._chunks.append(text)
        self._len = t0 + n
        parts = self._parts
        if literal and parts and src_end - src_start == n:
            p0, plen, ps0, pslen, plit = parts[-1]
            if plit and plen == pslen and ps0 + pslen == src_start:  # contiguous verbatim text: grow the last piece
                parts[-1] = (p0, plen + n, ps0, pslen + n, True)
                return
        parts.append((t0, n, src_start, src_end - src_start, literal))
        self._text_starts.append(t0)

    def extend(self, other: "TextMap") -> None:
        """Append all pieces of ``other`` (already mapped to the same source)."""
        text = other.text
        for t0, tlen, s0, slen, lit in other._parts:
            self.add(text[t0:t0 + tlen], s0, s0 + slen, lit)

    def source(self, offset: int, end: bool = False) -> int:
        """Source offset of plain-text ``offset``.

        With ``end=True`` the offset is read as the exclusive end of a range, so
        it maps to the end of the piece it closes rather than the start of the next.
        """
        parts = self._parts
        if not parts:
            return 0
        if end and offset > 0:
            i = bisect_right(self._text_starts, offset - 1) - 1
            t0, tlen, s0, slen, lit = parts[max(i, 0)]
            rel = offset - t0
            if lit:
                return s0 + min(rel, tlen)
            return s0 + slen
        i = bisect_right(self._text_starts, offset) - 1
        t0, tlen, s0, slen, lit = parts[max(i, 0)]
        rel = offset - t0
        if rel >= tlen:  # past the end of the last piece
            return s0 + slen
        return s0 + rel if lit else s0

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Source ``(start, end)`` of the plain-text half-open range ``[start, end)``."""
        return self.source(start), self.source(end, end=True)

    def compose(self, outer: "TextMap") -> "TextMap":
        """Return this map with its source offsets carried through ``outer``.

        Used when a reader parses a string that is itself derived text (the HTML
        inside a JSON-LD ``description`` string): this map points into that
        string and ``outer`` maps the string into the file.
        """
        result = TextMap()
        text = self.text
        for t0, tlen, s0, slen, lit in self._parts:
            piece = text[t0:t0 + tlen]
            if lit:
                # Split where the outer map is not one to one, to stay exact.
                for sub_text, a, b in _split_through(piece, s0, outer):
                    result.add(sub_text, a, b, b - a == len(sub_text))
            else:
                a, b = outer.span(s0, s0 + slen)
                result.add(piece, a, b, literal=False)
        return result

    def pieces(self) -> Iterable[tuple[str, int, int, bool]]:
        """Yield ``(text, src_start, src_end, literal)`` for each piece, in order."""
        text = self.text
        for t0, tlen, s0, slen, lit in self._parts:
            yield text[t0:t0 + tlen], s0, s0 + slen, lit

    def slice(self, start: int, end: int) -> "TextMap":
        """The sub-map covering plain-text ``[start, end)``, with the same source offsets."""
        result = TextMap()
        text = self.text
        first = max(bisect_right(self._text_starts, start) - 1, 0)
        for t0, tlen, s0, slen, lit in self._parts[first:]:
            lo, hi = max(start, t0), min(end, t0 + tlen)
            if lo < hi:
                piece = text[lo:hi]
                if lit:
                    result.add(piece, s0 + lo - t0, s0 + hi - t0, True)
                else:
                    result.add(piece, s0, s0 + slen, False)
            if t0 >= end:
                break
        return result


def _split_through(piece: str, s0: int, outer: TextMap) -> Iterable[tuple[str, int, int]]:
    """Split a literal piece at the boundaries of ``outer``'s pieces."""
    pos = 0
    n = len(piece)
    starts = outer._text_starts
    parts = outer._parts
    while pos < n:
        off = s0 + pos
        i = max(bisect_right(starts, off) - 1, 0)
        t0, tlen, o0, olen, lit = parts[i] if parts else (0, n, 0, n, True)
        take = min(n - pos, max(t0 + tlen - off, 1))
        if lit:
            a = o0 + (off - t0)
            yield piece[pos:pos + take], a, a + take
        else:
            yield piece[pos:pos + take], o0, o0 + olen
        pos += take
