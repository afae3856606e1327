"""The Posting: the one document model every rule sees.

Readers (``adlint.readers``) build a :class:`Posting` from a file of any format;
rules only ever read it. All offsets are 0-based character offsets into
``Posting.source``, the decoded file text (a UTF-8 BOM removed); ``line:col``
comes from :meth:`Posting.position`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator

from adlint.positions import LineIndex, TextMap

#: Metadata keys of the posting model (DESIGN.md, "Inputs").
METADATA_KEYS = (
    "title", "language", "country", "region", "location", "remote", "employment_type",
    "salary", "date_posted", "valid_through", "employer",
)


@dataclass(slots=True)
class TextRun:
    """A piece of plain text with the map back to the source.

    ``text`` is what a reader sees (markup removed, entities and escapes
    decoded); ``map`` maps offsets in ``text`` to offsets in the source.
    """

    text: str
    map: TextMap

    def span(self, start: int = 0, end: int | None = None) -> tuple[int, int]:
        """Source ``(start, end)`` offsets of ``text[start:end]`` (the whole run by default)."""
        return self.map.span(start, len(self.text) if end is None else end)

    @classmethod
    def verbatim(cls, text: str, src_start: int) -> "TextRun":
        """A run copied unchanged from the source at ``src_start``."""
        return cls(text, TextMap.identity(text, src_start))


@dataclass(slots=True)
class Block:
    """A paragraph or a list item inside a section.

    ``kind`` is ``"paragraph"`` or ``"item"``. ``marker`` is the list marker as
    written (``"-"``, ``"1."``, ``"•"``), ``""`` for an HTML ``<li>``, or
    ``None`` for a line that a plain-text reader took as an item because it
    stood alone on its line inside a run of such lines.
    """

    kind: str
    run: TextRun
    marker: str | None = None
    depth: int = 0

    @property
    def text(self) -> str:
        """The block's plain text."""
        return self.run.text

    @property
    def is_item(self) -> bool:
        """True for a list item."""
        return self.kind == "item"


@dataclass(slots=True)
class Section:
    """A heading and the blocks under it, up to the next heading.

    The first section of a posting has ``heading=None``: it holds what comes
    before the first heading. ``id`` is the canonical section id once
    classified (``adlint.sections``), or ``None``; ``inherited`` is true when
    the heading itself names no section and the id comes from the heading it is
    nested under; ``promoted`` is true for a heading that a reader found as a
    paragraph (a bold line, a ``Label:`` line) rather than as markup. ``level`` is 1–6 for markup
    headings and 0 for the preamble; plain-text and bold-paragraph headings get 2.
    ``start`` and ``end`` are source offsets of the whole section.
    """

    heading: TextRun | None
    level: int
    blocks: list[Block] = field(default_factory=list)
    id: str | None = None
    start: int = 0
    end: int = 0
    inherited: bool = False
    promoted: bool = False

    @property
    def title(self) -> str:
        """Heading text without a trailing colon, or ``""`` for the preamble (for messages)."""
        return self.heading.text.rstrip().rstrip(":：").rstrip() if self.heading else ""

    @property
    def items(self) -> list[Block]:
        """The list items of the section."""
        return [b for b in self.blocks if b.kind == "item"]

    @property
    def paragraphs(self) -> list[Block]:
        """The paragraphs of the section."""
        return [b for b in self.blocks if b.kind == "paragraph"]

    def word_count(self) -> int:
        """Words in the section's blocks (whitespace-separated)."""
        return sum(len(b.text.split()) for b in self.blocks)


@dataclass(slots=True)
class MetaField:
    """One metadata value with where it was written.

    ``value`` is the plain Python value (``str``, ``int``, ``bool``, ``dict``,
    ``list``); ``span`` is the source span of the value and ``key_span`` that of
    its key (both ``None`` for values given on the command line or in config).
    ``origin`` names where it came from: ``"front-matter"``, ``"json-ld"``,
    ``"html-lang"``, ``"config"`` (a ``default-*`` key) or ``"config-metadata"`` (a
    ``[[metadata]]`` table of the configuration).
    """

    key: str
    value: Any
    span: tuple[int, int] | None
    key_span: tuple[int, int] | None = None
    origin: str = "front-matter"

    def value_span(self, source: str) -> tuple[int, int] | None:
        """Source span of a string value without its quotes, when it stands verbatim in ``source``.

        Falls back to :attr:`span` (quotes included, or an escaped string) and
        is ``None`` for values with no position (command line, config).
        """
        if self.span is None or not isinstance(self.value, str):
            return self.span
        idx = source.find(self.value, self.span[0], max(self.span[1], self.span[0] + len(self.value)))
        return (idx, idx + len(self.value)) if idx >= 0 else self.span


@dataclass(slots=True)
class Comment:
    """A comment in the source (HTML/Markdown ``<!-- -->``, YAML ``#``).

    ``text`` is the comment body without delimiters; ``start``/``end`` the
    source span of the whole comment. Used for inline suppressions.
    """

    text: str
    start: int
    end: int


@dataclass(slots=True)
class Problem:
    """A reading or parsing problem found by a reader.

    ``kind`` is ``"unreadable"`` (AD001), ``"parse"`` (AD003), ``"too-large"``
    (AD001) or ``"empty"`` (AD005). ``line``/``col`` are 1-based; ``end_line``
    and ``end_col`` may repeat them.
    """

    kind: str
    message: str
    line: int = 1
    col: int = 1
    end_line: int | None = None
    end_col: int | None = None


@dataclass(slots=True)
class Posting:
    """A job posting as every rule sees it.

    Attributes:
        path: the path as given by the user (used in reports).
        format: ``"markdown"``, ``"text"``, ``"html"``, ``"jsonld"`` or ``"yaml"``.
        source: the decoded file text (without a UTF-8 BOM); all offsets point into it.
        encoding: the encoding the file was decoded with (``"utf-8"``, ``"utf-8-sig"``, ``"utf-16"``...).
        metadata: normalised metadata by key (see :data:`METADATA_KEYS`).
        extra: other front-matter or JSON-LD keys, kept for rules that want them.
        title: the posting's title text (from metadata or the first level-1 heading).
        visible_title: the title shown in the body (a leading Markdown ``# H1``) when a
            reader took one but ``title`` holds the metadata title; see :attr:`titles`.
        sections: preamble first, then one section per heading, in document order.
        comments: comments found in the source (for suppressions).
        problems: reading and parsing problems (reported by AD0xx rules).
        jsonld: the JSON-LD ``JobPosting`` object, when there is one.
        front_matter: Markdown front matter as ``(start, close)``: the source offset
            where its YAML starts and that of the closing fence line (``close`` is
            ``None`` when the front matter is never closed); ``None`` without one.
        readable: False when the file could not be decoded; only AD0xx rules run then.
        short: True for a short announcement rather than a full posting (``adlint.genre``),
            set by the linter from the ``short-posting-words`` setting.
        board_apply: True when the job board that shows the posting has its own apply
            button (the ``board-apply-button`` setting), so the text needs no how-to-apply.
        cache: values derived from the posting and shared by rules (detected language,
            token streams); keys are module-qualified names.
    """

    path: str
    format: str
    source: str = ""
    encoding: str = "utf-8"
    metadata: dict[str, MetaField] = field(default_factory=dict)
    extra: dict[str, MetaField] = field(default_factory=dict)
    title: TextRun | None = None
    visible_title: TextRun | None = None
    sections: list[Section] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    jsonld: dict[str, Any] | None = None
    front_matter: tuple[int, int | None] | None = None
    readable: bool = True
    short: bool = False
    board_apply: bool = False
    cache: dict[str, Any] = field(default_factory=dict)
    _lines: LineIndex | None = None

    @property
    def lines(self) -> LineIndex:
        """The line index of :attr:`source` (built on first use)."""
        if self._lines is None:
            self._lines = LineIndex(self.source)
        return self._lines

    def position(self, offset: int) -> tuple[int, int]:
        """1-based ``(line, col)`` of a source offset."""
        return self.lines.position(offset)

    def meta(self, key: str) -> Any:
        """The value of metadata ``key``, or ``None``."""
        f = self.metadata.get(key)
        return f.value if f else None

    def blocks(self) -> Iterator[tuple[Section, Block]]:
        """Yield ``(section, block)`` for every block, in document order."""
        for section in self.sections:
            for block in section.blocks:
                yield section, block

    @property
    def titles(self) -> list[TextRun]:
        """Every title of the posting, each place once, in source order.

        The metadata ``title`` (front matter, JSON-LD), the body's visible title
        (a leading Markdown ``# H1`` or HTML ``<h1>``), and a first heading of
        level 1 that names no section (an ``<h1>`` after a line of page chrome).
        Two titles at the same place (a JSON-LD ``title`` that is also
        :attr:`title`) count once; two at different places count twice, even
        when their words are the same. Empty titles are left out.
        """
        found: list[TextRun] = []
        meta = self.metadata_title_run()
        candidates = [meta, self.title, self.visible_title]
        first = next((s for s in self.sections if s.heading is not None), None)
        if first is not None and first.level == 1 and first.id is None:
            candidates.append(first.heading)  # "# Requirements" used as a section heading is no title
        spans: list[tuple[int, int]] = []
        for run in candidates:
            if run is None or not run.text.strip():
                continue
            a, b = run.span()
            if any(a < y and x < b or (a, b) == (x, y) for x, y in spans):
                continue  # the same place seen through two fields
            spans.append((a, b))
            found.append(run)
        return sorted(found, key=lambda r: r.span()[0])

    def metadata_title_run(self) -> TextRun | None:
        """The metadata ``title`` as a run at its value in the source, or ``None``.

        ``None`` when there is no string title or it has no source position
        (given on the command line or in config). A value that does not stand
        verbatim in the source (escaped) is pinned to its whole span.
        """
        f = self.metadata.get("title")
        if f is None or not isinstance(f.value, str) or not f.value.strip() or f.span is None:
            return None
        span = f.value_span(self.source)
        if span is not None and self.source[span[0]:span[1]] == f.value:
            return TextRun.verbatim(f.value, span[0])
        return TextRun(f.value, TextMap.pinned(f.value, *f.span))

    def find_sections(self, section_id: str) -> list[Section]:
        """All sections classified as ``section_id``."""
        return [s for s in self.sections if s.id == section_id]

    @property
    def is_empty(self) -> bool:
        """True when the posting has no text at all besides metadata."""
        return not any(True for _ in self.blocks()) and not any(
            s.heading for s in self.sections
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready view of the posting, for ``adlint inspect``.

        Positions are 1-based ``[line, col]`` pairs; spans are ``start``/``end``.
        """
        def pos(span: tuple[int, int] | None) -> dict[str, list[int]] | None:
            if span is None:
                return None
            return {"start": list(self.position(span[0])), "end": list(self.position(span[1]))}

        def run(r: TextRun | None) -> dict[str, Any] | None:
            return None if r is None else {"text": r.text, **(pos(r.span()) or {})}

        return {
            "path": self.path,
            "format": self.format,
            "encoding": self.encoding,
            "metadata": {
                k: {"value": f.value, "origin": f.origin, "span": pos(f.span)}
                for k, f in self.metadata.items()
            },
            "extra": sorted(self.extra),
            "title": run(self.title),
            "titles": [run(t) for t in self.titles],
            "sections": [
                {
                    "heading": run(s.heading),
                    "id": s.id,
                    "inherited": s.inherited,
                    "level": s.level,
                    "span": pos((s.start, s.end)),
                    "blocks": [
                        {"kind": b.kind, "marker": b.marker, **(run(b.run) or {})}
                        for b in s.blocks
                    ],
                }
                for s in self.sections
            ],
            "problems": [
                {"kind": p.kind, "message": p.message, "line": p.line, "col": p.col}
                for p in self.problems
            ],
        }
