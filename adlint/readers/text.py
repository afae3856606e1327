"""Plain-text reader: headings, bullets and paragraphs recognised from lines.

A line is a heading when it is a ``#`` heading, a short line ending in a colon
(``Requirements:``), a short ALL CAPS line, or a short line that names a known
section. A line starting with a bullet (``-``, ``*``, ``•``, ``1.``...) is a
list item. Other lines group into runs between blank lines; a run reads as one
paragraph when it looks hard-wrapped, and as one item per line when each line
stands alone (the common shape of a pasted list without bullets).
"""

from __future__ import annotations

import re

from adlint.posting import Block, Posting, TextRun
from adlint.sections import BULLET_GLYPHS, STRONG, WEAK, Element, assemble, classify_exact, run_in_label

_BULLET = re.compile(rf"^([ \t]*)([{re.escape(BULLET_GLYPHS)}]|\d{{1,3}}[.)])[ \t]+(?=\S)")
_MD_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+(.+?)[ \t#]*$")
_MAX_HEADING_WORDS = 8
_WRAP_MAX = 100
_WRAP_MIN = 50


_BOLD_LINE = re.compile(r"^(\*\*|__)(?=\S)(.+?)(?<=\S)\1:?$")


def _heading_strength(line: str) -> int:
    """How likely a stripped line is a heading: STRONG, WEAK or 0."""
    if _BOLD_LINE.match(line) and len(line.split()) <= _MAX_HEADING_WORDS:
        return STRONG  # "**What we're looking for**" typed in a plain-text file
    words = line.split()
    if not words or len(words) > _MAX_HEADING_WORDS:
        return 0
    if line.endswith(":") and ":" not in line[:-1]:
        return STRONG
    letters = [c for c in line if c.isalpha()]
    if len(letters) >= 3 and all(c.isupper() for c in letters) and not line.endswith((".", ",", ";")):
        return STRONG
    if not line.endswith((".", ",", ";", "!")) and classify_exact(line.rstrip(':')) is not None and len(words) <= 5:
        return WEAK
    return 0


def _wrapped(lines: list[str]) -> bool:
    """True when a run of lines looks like one hard-wrapped paragraph."""
    if len(lines) < 2:
        return True
    heads = [len(x) for x in lines[:-1]]
    # Hard-wrapped lines stand near one width; short lines are items even when unpunctuated.
    if max(heads) > _WRAP_MAX or min(heads) < _WRAP_MIN or max(heads) - min(heads) > 25:
        return False
    return any(not x.rstrip().endswith((".", "!", "?", ":", ";")) for x in lines[:-1])


def read_text(posting: Posting) -> None:
    """Fill ``posting`` from plain text: sections and blocks, with exact positions."""
    lines = posting.lines
    src = posting.source
    elements: list[Element] = []
    run: list[tuple[int, int, str]] = []  # (start, end, text) of content lines

    def flush() -> None:
        if not run:
            return
        texts = [t for _, _, t in run]
        if _wrapped(texts):
            from adlint.positions import TextMap

            tm = TextMap()
            for i, (a, b, t) in enumerate(run):
                if i:
                    tm.add("\n", a, a)
                tm.add(t, a, b)
            r = TextRun(tm.text, tm)
            elements.append(Element(r, run[0][0], run[-1][1], block=Block("paragraph", r)))
        else:
            for a, b, t in run:
                r = TextRun.verbatim(t, a)
                elements.append(Element(r, a, b, block=Block("item", r, marker=None)))
        run.clear()

    for n in range(1, lines.line_count + 1):
        raw = lines.line_text(n)
        stripped = raw.strip()
        line_start = lines.starts[n - 1]
        if not stripped:
            flush()
            continue
        start = line_start + (len(raw) - len(raw.lstrip()))
        end = start + len(stripped)
        m = _MD_HEADING.match(raw)
        if m:
            flush()
            a = line_start + m.start(2)
            text = m.group(2)
            elements.append(Element(TextRun.verbatim(text, a), a, a + len(text), level=len(m.group(1))))
            continue
        m = _BULLET.match(raw)
        if m:
            flush()
            a = line_start + m.end()
            text = raw[m.end():].rstrip()
            r = TextRun.verbatim(text, a)
            elements.append(Element(r, start, a + len(text), block=Block("item", r, marker=m.group(2), depth=len(m.group(1)) // 2)))
            continue
        strength = _heading_strength(stripped)
        if strength or run_in_label(stripped):  # "Role: Backend engineer" stands on its own
            flush()
            r = TextRun.verbatim(stripped, start)
            elements.append(Element(r, start, end, block=Block("paragraph", r), candidate=strength))
            continue
        run.append((start, end, stripped))
    flush()
    posting.sections = assemble(elements, len(src))
