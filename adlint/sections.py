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
# Text that is never a heading, however it is marked up: a bare link or address, or
# tracking hashtags that ATS exports append ("#LI-Remote #LI-EM2").
_NEVER_HEADING = re.compile(r"^(?:(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:#[\w-]+[\s,]*)+)$", re.I)
# A run-in label: "Role: Backend engineer", "Apply: https://…", "<b>Location:</b> Berlin".
_RUN_IN = re.compile(r"^([^\W\d_][^:.!?()\[\]\n]{0,40}?)[ \t]*[:：][ \t]+(?=\S)")
_RUN_IN_WORDS = 4
_INNER_SENTENCE = re.compile(r"\w[.!?]\s+\w")
#: Characters written as list bullets in plain text and typed into paragraphs ("• Python", "- SQL", "· Go").
BULLET_GLYPHS = "-*•·▪►✓✔➢➤○●■□◦–—+"
# A list typed as text: a bullet character and a space at the start of a line.
_TYPED_BULLET = re.compile(rf"([{re.escape(BULLET_GLYPHS)}])[ \u00a0]+(?=\S)")


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
    if heading.rstrip().endswith((".", "!")) or _INNER_SENTENCE.search(heading):
        return None  # a sentence, not a label ("Twilio thinks big. Do you?"): its words say nothing of its role
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


def never_heading(text: str) -> bool:
    """True for text that is never a heading, however it is marked up (a bare URL, an e-mail address, hashtags)."""
    return bool(_NEVER_HEADING.match(text.strip()))


def run_in_label(text: str) -> tuple[int, int] | None:
    """``(label_end, value_start)`` when ``text`` opens with a run-in section label, else ``None``.

    A run-in label is at most four words before a colon that is followed by the
    content on the same line ("Role: Backend engineer", "Apply: https://…",
    "Salary: €60k–€70k"), and names a known section. ``text[:label_end]`` is the
    label without the colon; ``text[value_start:]`` the content. A colon inside a
    URL or a clock time is not a label's (the label must start with a letter and
    the colon must be followed by white space).
    """
    m = _RUN_IN.match(text)
    if m is None or len(m.group(1).split()) > _RUN_IN_WORDS or classify(m.group(1)) is None:
        return None
    return m.end(1), m.end()


def typed_list(run: TextRun) -> list[Block] | None:
    """The blocks of a paragraph that is really a list typed with bullet characters, else ``None``.

    Every line starts with a bullet ("• Python\\n• SQL", "<p>- Product design"),
    or all lines but a lead-in line do ("What you'd do:\\n* Ship\\n* Review"):
    the lead-in stays a paragraph, each bulleted line becomes an item with its
    bullet as ``marker`` and the text after it.
    """
    text = run.text
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    hits = [_TYPED_BULLET.match(text, a) for a, _ in lines]
    lead = 0 if hits and hits[0] else 1
    if not lines or not all(hits[lead:]) or len(lines) - lead < (1 if lead == 0 else 2):
        return None
    blocks = [Block("paragraph", _sub_run(run, *lines[0]))] if lead else []
    for (_, b), m in zip(lines[lead:], hits[lead:]):
        blocks.append(Block("item", _sub_run(run, m.end(), b), marker=m.group(1)))  # type: ignore[union-attr]
    return blocks


# Where a label may end inside flattened text: a colon after a word, followed by white space.
_LABEL_COLON = re.compile(r"(?<=\w)[ \t]*[:：](?=\s)")
_LABEL_WORDS = 8
# A capitalised word standing alone between two sentences of flattened text (after a lower-case word
# or a full stop), followed by a capitalised word: "… to stakeholders Requirements Good English …",
# "… providers. Benefits Permanent …".
_BARE_WORD = re.compile(rf"(?<=[\s.;!?])([^\W\d_][\w'’-]{{5,}})\s+(?=[^\W\d_]|[{re.escape(BULLET_GLYPHS)}])")
#: Sections whose one-word heading ("Requirements", "Benefits") still reads as a heading without a colon.
_BARE_SECTIONS = frozenset(("requirements", "responsibilities", "benefits", "nice_to_have"))


def inline_headings(text: str) -> list[tuple[int, int, int]]:
    """``(start, label_end, end)`` of the known section labels written inside a flattened paragraph.

    A posting whose line breaks were lost ("… join us. What You'll Do: Build …
    Requirements: Go …") still shows its headings to a reader: a known heading
    phrase (rules/sections.yaml, exact match) that starts with a capital letter
    and ends in a colon. Only a paragraph with two or more of them is read this
    way (one such phrase in running text is prose). In such a paragraph a
    capitalised one-word heading of a core section followed by a capitalised
    word is a heading too, colon or not ("… stakeholders Requirements Good
    English …": the line break after it was lost). ``text[start:label_end]`` is
    the label; ``end`` the offset after it and its colon.
    """
    exact = _matcher().exact
    found: list[tuple[int, int, int]] = []
    for m in _LABEL_COLON.finditer(text):
        # The longest run of up to eight words before the colon that is a known heading wins.
        words = list(re.finditer(r"\S+", text[max(0, m.start() - 80):m.start()]))
        base = max(0, m.start() - 80)
        for k in range(min(_LABEL_WORDS, len(words)), 0, -1):
            start = base + words[-k].start()
            if start < (found[-1][2] if found else 0) or not text[start].isupper():
                continue
            phrase = normalise(text[start:m.start()])
            if phrase in exact or fold_accents(phrase) in exact:
                found.append((start, m.start(), m.end()))
                break
    if len(found) < 2:
        return []
    for m in _BARE_WORD.finditer(text):
        a, b = m.span(1)
        nxt = text[m.end()]
        prev = (text[:a].split() or [""])[-1]
        if not text[a].isupper() or not (nxt.isupper() or not nxt.isalpha()) or any(x <= a < z for x, _, z in found):
            continue
        if prev[:1].isupper() and prev[-1] not in ".;!?":
            continue  # "Your Mission As our …": a word of a longer capitalised title, not a heading of its own
        if exact.get(normalise(m.group(1))) in _BARE_SECTIONS:
            found.append((a, b, b))
    return sorted(found)


def _sub_run(run: TextRun, start: int, end: int | None = None) -> TextRun:
    end = len(run.text) if end is None else end
    return TextRun(run.text[start:end], run.map.slice(start, end))


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
    :data:`WEAK`/:data:`SHORT` and name a known section; never when they come
    right after a markup heading when short and unpunctuated (that is the heading's content), read as a sentence
    (end in "." or "!", unless the whole text is a known heading), or are a bare
    URL, address or hashtags. A paragraph typed as a list ("• Python" lines) is
    read as list items (:func:`typed_list`), and a flattened paragraph with known
    labels inside it ("… What You'll Do: … Requirements: …") as headings and
    their content (:func:`inline_headings`). A paragraph that opens with a run-in label
    ("Location: Berlin") becomes a heading and its content. A promoted candidate
    sits one level below the last markup heading. A heading that names no
    section inherits the id of the section it is nested in: deeper than the
    last classified heading, or right after a classified heading left empty
    ("Dein Profil" followed by "Technisch:", or by "Deine Stärken:" that names a
    section only through a keyword); it is marked ``inherited``. Finally a
    promoted candidate with nothing under it that heads no sub-sections and is
    not a known heading phrase goes back to being a paragraph: a bold slogan or
    a bold salary line is not an empty section (a label ending in a colon stays:
    "Einsatzart:" with no value is a template field left unfilled).
    Returns the preamble section followed by one section per heading.
    """
    sections = [Section(heading=None, level=0, start=0, end=source_end)]
    markup_level = 0
    parent: Section | None = None  # the last classified, non-inherited heading
    group_level = 0  # level of sub-headings that share an empty parent's id

    def open_section(run: TextRun, level: int, sid: str | None, start: int, promoted: bool = False) -> None:
        nonlocal parent, group_level
        current = sections[-1]
        current.end = start
        sec = Section(heading=run, level=level, id=sid, start=start, end=source_end, promoted=promoted)
        if (sid is not None and parent is not None and current is parent and not current.blocks
                and level > current.level and sid != current.id and classify_exact(run.text) is None):
            sec.id, sec.inherited = parent.id, True  # "Dein Profil" → "Deine Stärken, die wir brauchen:"
            group_level = level
        elif sid is not None:
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

    after_heading = False
    for el in elements:
        if el.block is None:
            markup_level = el.level
            open_section(el.run, el.level, classify(el.run.text), el.start)
            after_heading = True
            continue
        first_para, after_heading = after_heading, False
        text = el.run.text
        if el.block.kind != "paragraph" or never_heading(text):
            sections[-1].blocks.append(el.block)
            continue
        listed = typed_list(el.run)
        if listed is not None:
            sections[-1].blocks.extend(listed)
            continue
        level = markup_level + 1 if markup_level else 2
        inline = inline_headings(text)
        if inline:
            lead = text[:inline[0][0]].strip()
            if lead:
                sections[-1].blocks.append(Block("paragraph", _sub_run(el.run, 0, len(text[:inline[0][0]].rstrip()))))
            for k, (a, label_end, b) in enumerate(inline):
                end = inline[k + 1][0] if k + 1 < len(inline) else len(text)
                head = _sub_run(el.run, a, label_end)
                open_section(head, level, classify(head.text), el.run.span(a, b)[0], promoted=True)
                body = text[b:end]
                if body.strip():
                    x = b + len(body) - len(body.lstrip())
                    y = b + len(body.rstrip())
                    sections[-1].blocks.append(Block("paragraph", _sub_run(el.run, x, y)))
            continue
        label = None if first_para else run_in_label(text)
        if label is not None:
            head = _sub_run(el.run, 0, label[0])
            open_section(head, level, classify(head.text), el.start, promoted=True)
            sections[-1].blocks.append(Block("paragraph", _sub_run(el.run, label[1])))
            continue
        if el.candidate and len(text.split()) <= MAX_WORDS[el.candidate]:
            sid = classify(text)
            sentence = text.rstrip().endswith((".", "!")) and classify_exact(text) is None
            # A short unpunctuated line right under a markup heading is its content ("Benefits" → "Remote work").
            restated = sid is not None and sid == sections[-1].id  # "Benefits" → "Was wir bieten"
            if (el.candidate == STRONG or (sid is not None and not (first_para and el.candidate == SHORT))
                    or restated) and not sentence:
                open_section(el.run, level, sid, el.start, promoted=True)
                continue
        sections[-1].blocks.append(el.block)
    return _demote_empty(sections)


def heads_subsections(sections: list[Section], i: int) -> bool:
    """True when section ``i`` is a parent heading: the sections after it belong to it and hold content.

    A following section belongs to it when it is deeper, inherits its id, names
    the same section ("Qualifications" → "Minimum qualifications"), or names
    none (a topic sub-heading such as "Design & Kreativkonzeption" under
    "Deine Hauptaufgaben"). Sub-headings that are all empty make no parent.
    """
    if i + 1 >= len(sections) or sections[i].heading is None:
        return False
    sec = sections[i]
    for nxt in sections[i + 1:]:
        belongs = nxt.level > sec.level or (nxt.inherited and nxt.id == sec.id) or (
            nxt.level == sec.level and (nxt.id is None or nxt.id == sec.id))
        if not belongs:
            return False
        if nxt.blocks:
            return True
    return False


def _demote_empty(sections: list[Section]) -> list[Section]:
    """Fold promoted candidates with nothing under them back into the section before them."""
    i = len(sections) - 1
    while i > 0:
        sec = sections[i]
        if (sec.promoted and not sec.blocks and sec.heading is not None and not heads_subsections(sections, i)
                and classify_exact(sec.heading.text) is None and not sec.heading.text.rstrip().endswith((":", "："))):
            prev = sections[i - 1]
            prev.blocks.append(Block("paragraph", sec.heading))
            prev.end = sec.end
            del sections[i]
        i -= 1
    return sections
