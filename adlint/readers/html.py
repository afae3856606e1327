"""HTML reader: documents and fragments, with the standard library's ``html.parser``.

``html.parser`` tolerates malformed markup and reports where each token
starts; character references are handled one by one (``convert_charrefs`` is
off) so every plain-text character maps to its exact source span. The parser
keeps no tree, so 10,000 nested tags cost nothing special.

Blocks: ``<p>``, ``<div>``, ``<li>``, table cells and ``<br>``-separated lines;
headings: ``<h1>``–``<h6>``, block elements styled as one (``<div class="h3">``,
Bootstrap's heading classes), and short paragraphs that are wholly bold.
``<script type="application/ld+json">`` bodies are collected as JSON-LD.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from adlint.positions import LineIndex, TextMap
from adlint.posting import Block, Comment, MetaField, Posting, TextRun
from adlint.sections import SHORT, STRONG, WEAK, Element, assemble

_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BLOCKS = frozenset(
    "p div li ul ol dl dt dd table tr td th thead tbody tfoot caption section article header footer "
    "main nav aside blockquote pre form fieldset figure figcaption address hr body html details summary "
    "h1 h2 h3 h4 h5 h6".split()
)
# Bootstrap-style heading classes on a block element: ``<div class="h3">Requirements</div>`` is shown as a heading.
_HEADING_CLASS = re.compile(r"(?:^|\s)h([1-6])(?:\s|$)")
_BOLD = frozenset(("strong", "b"))
_SKIP = frozenset(("script", "style", "template", "noscript", "head", "title"))
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
_ENTITY = re.compile(r"&(?:#[xX][0-9a-fA-F]+;?|#[0-9]+;?|[A-Za-z][A-Za-z0-9]*;?)")
_LANG_ATTR = re.compile(r"""\blang\s*=\s*(["']?)([^"'\s>]*)\1""", re.I)
_WS = re.compile(r"\s+")


class _Reader(HTMLParser):
    """Turns HTML into :class:`Element` objects with exact source offsets."""

    def __init__(self, text: str, base: int, outer: TextMap | None) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.base = base
        self.outer = outer
        self.index = LineIndex(text)
        self.elements: list[Element] = []
        self.comments: list[Comment] = []
        self.scripts: list[tuple[str, int]] = []
        self.lang: tuple[str, int, int] | None = None
        self.buf = TextMap()
        self.bold_depth = 0
        self.buf_bold = 0
        self.buf_plain = 0
        self.li_depth = 0
        self.pre_depth = 0
        self.heading = 0
        # The block element styled as a heading by its class, and how many of its tag are open inside it.
        self.class_heading: list = []  # [tag, depth] while inside one
        self.skip_depth = 0
        self.script_start: int | None = None
        self.script_is_jsonld = False
        self.marker: str | None = None
        # Open lists: [index of first element, items seen, last item wholly bold]
        self.lists: list[list] = []

    # -- positions -------------------------------------------------------
    def _here(self) -> int:
        line, col = self.getpos()
        return self.index.starts[line - 1] + col if line - 1 < len(self.index.starts) else len(self.text)

    def _src(self, a: int, b: int) -> tuple[int, int]:
        """Offsets in ``self.text`` to offsets in the file."""
        if self.outer is None:
            return self.base + a, self.base + b
        return self.outer.span(a, b)

    # -- text accumulation ---------------------------------------------------
    def _add(self, piece: str, a: int, b: int, literal: bool) -> None:
        if self.skip_depth:
            return
        if self.pre_depth and literal and "\n" in piece:
            # Preformatted text keeps its lines: each line is a block of its own (a list typed in <pre>).
            pos = 0
            for i, line in enumerate(piece.split("\n")):
                if i:
                    self._flush()
                if line:
                    self._add(line, a + pos, a + pos + len(line), literal)
                pos += len(line) + 1
            return
        # Collapse white space as a browser does, keeping exact offsets for the rest.
        pos = 0
        for m in _WS.finditer(piece):
            if m.start() > pos:
                self._emit(piece[pos:m.start()], a + pos if literal else a, a + m.start() if literal else b, literal)
            if len(self.buf) and not self.buf.endswith((" ", "\n")):
                s = a + m.start() if literal else a
                self.buf.add(" ", s, s + 1 if literal else b, literal)
            pos = m.end()
        if pos < len(piece):
            self._emit(piece[pos:], a + pos if literal else a, b, literal)

    def _emit(self, piece: str, a: int, b: int, literal: bool) -> None:
        self.buf.add(piece, a, b, literal)
        n = len(piece)
        self.buf_plain += n
        if self.bold_depth:
            self.buf_bold += n

    def _flush(self) -> None:
        text = self.buf.text
        stripped = text.strip()
        if stripped:
            lead = len(text) - len(text.lstrip())
            inner = self.buf.slice(lead, lead + len(stripped))
            if self.outer is not None or self.base:
                inner = _shift(inner, self)
            run = TextRun(inner.text, inner)
            start, end = run.span()
            if self.heading:
                self.elements.append(Element(run, start, end, level=self.heading))
            elif self.li_depth:
                block = Block("item", run, marker=self.marker if self.marker is not None else "", depth=self.li_depth - 1)
                self.elements.append(Element(run, start, end, block=block))
                self.marker = None
                if self.lists:
                    self.lists[-1][1] += 1
                    self.lists[-1][2] = self.buf_bold > 0 and self.buf_bold >= self.buf_plain - 2
            else:
                # "<b>Skills</b>:" counts as wholly bold: allow trailing punctuation outside the tag.
                whole_bold = self.buf_bold > 0 and self.buf_bold >= self.buf_plain - 2
                if whole_bold:
                    cand = STRONG
                elif stripped.endswith(":"):
                    cand = WEAK
                elif not stripped.endswith((".", "!", "?", ";", ",")) and len(stripped) < 60:
                    cand = SHORT
                else:
                    cand = 0
                self.elements.append(Element(run, start, end, block=Block("paragraph", run), candidate=cand))
        self.buf = TextMap()
        self.buf_bold = 0
        self.buf_plain = 0

    # -- parser callbacks ------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        here = self._here()
        if tag == "html" and self.lang is None:
            raw = self.get_starttag_text() or ""
            m = _LANG_ATTR.search(raw)
            if m:
                self.lang = (m.group(2), here + m.start(2), here + m.end(2))
        if tag == "script":
            kind = dict(attrs).get("type") or ""
            self.script_is_jsonld = kind.strip().lower() == "application/ld+json"
            self.script_start = None
        if tag in _SKIP:
            self.skip_depth += 1
            return
        if tag == "br":
            if self.li_depth or self.heading:
                self._add(" ", here, here, False)
            else:
                self._flush()
            return
        if tag in _BLOCKS:
            self._flush()
            if self.class_heading and tag == self.class_heading[0]:
                self.class_heading[1] += 1
            if tag in _HEADINGS:
                self.heading = _HEADINGS[tag]
            elif not self.heading and not self.li_depth and tag not in ("ul", "ol", "li") and (
                    m := _HEADING_CLASS.search(dict(attrs).get("class") or "")):
                self.heading = int(m.group(1))
                self.class_heading = [tag, 1]
            elif tag == "li":
                self.li_depth += 1
                self.marker = ""
            elif tag in ("ul", "ol"):
                self.lists.append([len(self.elements), 0, False])
            elif tag == "pre":
                self.pre_depth += 1
        elif tag in _BOLD:
            self.bold_depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.handle_starttag(tag, attrs)
        elif tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            if tag == "script" and self.skip_depth:
                self.script_is_jsonld = False
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if tag in _BLOCKS:
            self._flush()
            if self.class_heading and tag == self.class_heading[0]:
                self.class_heading[1] -= 1
                if self.class_heading[1] == 0:
                    self.class_heading = []
                    self.heading = 0
            if tag in _HEADINGS:
                self.heading = 0
            elif tag == "li":
                self.li_depth = max(0, self.li_depth - 1)
            elif tag == "pre":
                self.pre_depth = max(0, self.pre_depth - 1)
            elif tag in ("ul", "ol") and self.lists:
                first, count, bold = self.lists.pop()
                if count == 1 and bold and len(self.elements) == first + 1:
                    # A list of one bold item ("1. Prozessentwicklung") is a numbered sub-heading.
                    el = self.elements[first]
                    if el.block is not None:
                        el.block = Block("paragraph", el.run)
                        el.candidate = STRONG
        elif tag in _BOLD:
            self.bold_depth = max(0, self.bold_depth - 1)

    def handle_data(self, data: str) -> None:
        here = self._here()
        if self.skip_depth:
            if self.script_is_jsonld:
                self.scripts.append((data, here))
            return
        self._add(data, here, here + len(data), True)

    def _ref(self) -> None:
        here = self._here()
        m = _ENTITY.match(self.text, here)
        raw = m.group(0) if m else "&"
        self._add(unescape(raw), here, here + len(raw), len(unescape(raw)) == len(raw))

    def handle_entityref(self, name: str) -> None:
        self._ref()

    def handle_charref(self, name: str) -> None:
        self._ref()

    def handle_comment(self, data: str) -> None:
        here = self._here()
        a, b = self._src(here, here + len(data) + 7)
        self.comments.append(Comment(data.strip(), a, b))


def _shift(tm: TextMap, reader: _Reader) -> TextMap:
    """Carry a map over the HTML text into file offsets (base offset or outer map)."""
    if reader.outer is not None:
        return tm.compose(reader.outer)
    out = TextMap()
    for piece, a, b, lit in tm.pieces():
        out.add(piece, a + reader.base, b + reader.base, lit)
    return out


def parse_html(text: str, base: int = 0, outer: TextMap | None = None) -> _Reader:
    """Parse HTML ``text`` and return the reader holding elements, comments, JSON-LD and lang.

    ``base`` is the file offset of ``text``'s first character; ``outer``, when
    given, maps offsets in ``text`` to file offsets instead (HTML inside a
    JSON string). Never raises for malformed HTML.
    """
    reader = _Reader(text, base, outer)
    try:
        reader.feed(text)
        reader.close()
    except (AssertionError, ValueError):  # pragma: no cover - html.parser is lenient
        pass
    reader._flush()
    return reader


def read_html(posting: Posting) -> None:
    """Fill ``posting`` from an HTML document or fragment."""
    reader = parse_html(posting.source)
    posting.comments.extend(reader.comments)
    if reader.lang is not None and reader.lang[0]:
        value, a, b = reader.lang
        posting.metadata["language"] = MetaField("language", value, (a, b), None, "html-lang")
    elements = reader.elements
    if reader.scripts:
        from adlint.readers.jsonld import apply_embedded

        for data, offset in reader.scripts:
            apply_embedded(posting, data, offset)
    title = next((e for e in elements if e.block is None and e.level == 1), None)
    if title is not None and elements and elements[0] is title:
        posting.title = title.run
        elements = elements[1:]
    elif posting.title is None and "title" in posting.metadata:
        from adlint.readers.markdown import metadata_title

        posting.title = metadata_title(posting)
    posting.sections = assemble(elements, len(posting.source))
