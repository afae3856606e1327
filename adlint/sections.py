"""Section recognition: headings to canonical section ids, and blocks to sections.

Readers emit a flat list of :class:`Element` (headings, blocks, and blocks that
might be headings); :func:`assemble` groups them into
:class:`~adlint.posting.Section` objects and classifies each heading against
the taxonomy in ``rules/sections.yaml`` (see that file for the matching
policy). Unknown headings stay unclassified.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from adlint.posting import Block, Section, TextRun

# Candidate strength for blocks that may be headings.
NOT_HEADING = 0
#: A short paragraph ending in a colon right before a list: a heading only if it names a known section.
WEAK = 1
#: A short, wholly bold paragraph, or a short ALL CAPS / colon line in plain text: always a heading.
STRONG = 2

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "\u00a0": " ", "\u202f": " "})
_NUMBERING = re.compile(r"^(?:\(?\d{1,2}[.)\-–:]?|[ivx]{1,4}[.)]|[a-h][.)])\s+")
_WORD = re.compile(r"[\w'’-]+", re.UNICODE)
_PAREN = re.compile(r"\([^)]*\)")


def normalise(heading: str) -> str:
    """Normalise a heading for matching.

    Lower case, NFKC, plain apostrophes, no emoji or symbols, no list numbering,
    no Markdown emphasis, no trailing punctuation, single spaces.
    """
    s = unicodedata.normalize("NFKC", heading).translate(_APOSTROPHES).lower()
    # Keep letters, digits, spaces and in-word punctuation; drop emoji and symbols.
    s = "".join(ch if (ch.isalnum() or ch in " '-&/,") else " " for ch in s)
    s = " ".join(s.split())
    s = _NUMBERING.sub("", s)
    return s.strip(" -,&/'")


@dataclass(slots=True)
class _Matcher:
    exact: dict[str, str]
    words: dict[str, list[tuple[int, str]]]  # exact word -> [(priority, id)]
    prefixes: list[tuple[str, int, str]]  # (prefix, priority, id)
    max_words: int


@lru_cache(maxsize=1)
def _matcher() -> _Matcher:
    from adlint import ruledata

    tax = ruledata.sections()
    exact: dict[str, str] = {}
    words: dict[str, list[tuple[int, str]]] = {}
    prefixes: list[tuple[str, int, str]] = []
    for prio, sec in enumerate(tax.sections):
        for phrase in sec.headings.all():
            exact.setdefault(normalise(phrase), sec.id)
        for kw in sec.keywords.all():
            kw = kw.lower().translate(_APOSTROPHES)
            if kw.endswith("*"):
                prefixes.append((kw[:-1], prio, sec.id))
            else:
                words.setdefault(kw, []).append((prio, sec.id))
    return _Matcher(exact, words, prefixes, tax.max_keyword_words)


def classify_exact(heading: str) -> str | None:
    """The section id when the whole heading is a known phrase (no keyword matching), else ``None``."""
    m = _matcher()
    norm = normalise(heading)
    return m.exact.get(norm) or m.exact.get(normalise(_PAREN.sub(" ", heading))) if norm else None


def classify(heading: str) -> str | None:
    """Return the canonical section id of a heading, or ``None`` when unknown.

    Tries the exact phrase first, then the phrase without a parenthesised
    remark, then keywords (only for headings of at most ``max_keyword_words``
    words; the section listed first in the taxonomy wins).
    """
    m = _matcher()
    norm = normalise(heading)
    if not norm:
        return None
    hit = m.exact.get(norm)
    if hit:
        return hit
    bare = normalise(_PAREN.sub(" ", heading))
    if bare and bare in m.exact:
        return m.exact[bare]
    tokens = [t.strip("'-") for t in _WORD.findall(norm)]
    tokens = [t for t in tokens if t]
    if not tokens or len(tokens) > m.max_words:
        return None
    best: tuple[int, str] | None = None
    for tok in tokens:
        for cand in m.words.get(tok, ()):
            if best is None or cand < best:
                best = cand
        for prefix, prio, sid in m.prefixes:
            if tok.startswith(prefix) and (best is None or prio < best[0]):
                best = (prio, sid)
    return best[1] if best else None


@dataclass(slots=True)
class Element:
    """What a reader emits, in document order.

    A heading (``level`` ≥ 1, ``block`` is ``None``) or a block (``block`` set)
    with a ``candidate`` strength (:data:`NOT_HEADING`, :data:`WEAK`,
    :data:`STRONG`) saying whether it might be a heading. ``start``/``end`` are
    source offsets of the element.
    """

    run: TextRun
    start: int
    end: int
    level: int = 0
    block: Block | None = None
    candidate: int = NOT_HEADING


MAX_HEADING_WORDS = 12


def assemble(elements: list[Element], source_end: int) -> list[Section]:
    """Group elements into sections and classify their headings.

    Candidate blocks become headings when they are :data:`STRONG`, or
    :data:`WEAK` and name a known section; a weak candidate right under a
    heading of the same section is a sub-title and stays a paragraph.
    Returns the preamble section followed by one section per heading.
    """
    sections = [Section(heading=None, level=0, start=0, end=source_end)]
    for i, el in enumerate(elements):
        current = sections[-1]
        if el.block is not None and el.candidate and len(el.run.text.split()) <= MAX_HEADING_WORDS:
            sid = classify(el.run.text)
            promote = el.candidate == STRONG or sid is not None
            if el.candidate == WEAK and sid is not None and current.id == sid and not current.blocks:
                promote = False  # "Das bringst du mit:" right under "Qualifikation"
            if promote:
                current.end = el.start
                sections.append(Section(heading=el.run, level=current.level or 2, id=sid, start=el.start, end=source_end))
                continue
        if el.block is None:
            current.end = el.start
            sections.append(Section(heading=el.run, level=el.level, id=classify(el.run.text), start=el.start, end=source_end))
        else:
            current.blocks.append(el.block)
    return sections
