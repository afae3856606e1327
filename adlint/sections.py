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
#: A short paragraph with no closing punctuation: a heading only if it names a known section.
SHORT = 3
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


def fold_accents(text: str) -> str:
    """``text`` without combining accents ("a propos" matches "à propos")."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


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
            exact.setdefault(fold_accents(normalise(phrase)), sec.id)
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
    hit = m.exact.get(norm) or m.exact.get(fold_accents(norm))
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
    if len(tokens) == 1 and len(norm) >= 8:  # one long word: tolerate one typo ("Responsiblities")
        for phrase, sid in m.exact.items():
            if abs(len(phrase) - len(norm)) <= 1 and _within_one_edit(norm, phrase):
                return sid
    for tok in tokens:
        for cand in m.words.get(tok, ()):
            if best is None or cand < best:
                best = cand
        for prefix, prio, sid in m.prefixes:
            if tok.startswith(prefix) and (best is None or prio < best[0]):
                best = (prio, sid)
    return best[1] if best else None


def _within_one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by at most one insertion, deletion, substitution or swap."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:] or (a[i:i + 2] == b[i:i + 2][::-1] and a[i + 2:] == b[i + 2:])
    return a[i + 1:] == b[i:] if len(a) > len(b) else a[i:] == b[i + 1:]


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


#: Longest candidate paragraph (in words) that may become a heading, by candidate strength.
MAX_WORDS = {WEAK: 6, SHORT: 5, STRONG: 10}


def assemble(elements: list[Element], source_end: int) -> list[Section]:
    """Group elements into sections and classify their headings.

    Candidate blocks become headings when they are :data:`STRONG`, or
    :data:`WEAK`/:data:`SHORT` and name a known section. A promoted candidate
    sits one level below the last markup heading. A heading that names no
    section inherits the id of the section it is nested in: deeper than the
    last classified heading, or right after a classified heading left empty
    ("Dein Profil" followed by "Technisch:"); it is marked ``inherited``.
    Returns the preamble section followed by one section per heading.
    """
    sections = [Section(heading=None, level=0, start=0, end=source_end)]
    markup_level = 0
    parent: Section | None = None  # the last classified, non-inherited heading
    group_level = 0  # level of sub-headings that share an empty parent's id

    def open_section(run: TextRun, level: int, sid: str | None, start: int) -> None:
        nonlocal parent, group_level
        current = sections[-1]
        current.end = start
        sec = Section(heading=run, level=level, id=sid, start=start, end=source_end)
        if sid is not None:
            parent, group_level = sec, 0
        elif parent is not None:
            if level > parent.level or (level == group_level):
                sec.id, sec.inherited = parent.id, True
            elif current is parent and not current.blocks:
                sec.id, sec.inherited = parent.id, True
                group_level = level
            else:
                parent = None
        sections.append(sec)

    for el in elements:
        if el.block is None:
            markup_level = el.level
            open_section(el.run, el.level, classify(el.run.text), el.start)
            continue
        if el.candidate and len(el.run.text.split()) <= MAX_WORDS[el.candidate]:
            sid = classify(el.run.text)
            if el.candidate == STRONG or sid is not None:
                open_section(el.run, markup_level + 1 if markup_level else 2, sid, el.start)
                continue
        sections[-1].blocks.append(el.block)
    return sections
