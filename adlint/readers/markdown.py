"""Markdown reader: YAML front matter plus a CommonMark body (markdown-it-py).

markdown-it gives each block its source lines (``token.map``) and its raw
inline source (``token.content``); each text piece is found again in that raw
source, past the markup before it (emphasis markers, link destinations,
closing backticks), so plain-text offsets map back to exact columns.
markdown-it-pyrs (markdown-it in Rust) was measured as a faster parser and
not adopted: see ``benchmarks/README.md``.
"""

from __future__ import annotations

import re
import string
from functools import lru_cache
from html import unescape
from typing import Any

from adlint.positions import LineIndex, TextMap
from adlint.posting import Block, Comment, Posting, Problem, TextRun
from adlint.readers import normalise_metadata
from adlint.readers import yamlmeta
from adlint.sections import STRONG, Element, assemble

_FENCE = re.compile(r"^---[ \t]*\r?$")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$")
_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
_ENTITY = re.compile(r"&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});")
_WORD_OR_ENTITY = re.compile(r"[\w&]")
_DECODED = re.compile(r"[&\\\n]")
_PUNCTUATION = frozenset(string.punctuation)


@lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark")


def split_front_matter(posting: Posting) -> int:
    """Read YAML front matter into ``posting`` and return the body's first line (0-based).

    Front matter opens with ``---`` on the first line and closes with ``---``
    or ``...``. Problems (unterminated, not YAML, not a mapping) are recorded
    as ``parse`` problems; the body is still read.
    """
    lines = posting.lines
    text = posting.source
    if not _FENCE.match(lines.line_text(1)):
        return 0
    start = lines.starts[1] if lines.line_count > 1 else len(text)
    for n in range(2, lines.line_count + 1):
        if _CLOSE.match(lines.line_text(n)):
            break
    else:
        posting.front_matter = (start, None)
        posting.problems.append(Problem(
            "parse", "front matter opened on line 1 is never closed with '---'", 1, 1, 1, 4))
        return 0
    end = lines.starts[n - 1]
    posting.front_matter = (start, end)
    yaml_text = text[start:end]
    for body, a, b in yamlmeta.directive_comments(yaml_text, start):
        posting.comments.append(Comment(body, a, b))
    try:
        node = yamlmeta.compose(yaml_text)
        if node is not None:
            normalise_metadata(yamlmeta.mapping_fields(node, start, "front-matter"), posting)
    except yamlmeta.YamlError as exc:
        posting.problems.append(yamlmeta.problem(exc, 2, "invalid front matter"))
    return n  # the closing fence is line n (1-based), so the body starts at 0-based line n


def metadata_title(posting: Posting) -> TextRun | None:
    """The ``title`` metadata value as a run pointing at its text in the source, if any."""
    return posting.metadata_title_run()


def read_markdown(posting: Posting) -> None:
    """Fill ``posting`` from Markdown source: front matter, title, sections and blocks."""
    body_line = split_front_matter(posting)
    lines = posting.lines
    body_start = lines.starts[body_line] if body_line < lines.line_count else len(posting.source)
    builder = _Builder(posting)
    _read_tokens(builder, _parser().parse(posting.source[body_start:]), body_line)
    title_run = builder.title
    posting.title = metadata_title(posting) or title_run
    if title_run is not None and posting.title is not title_run:
        posting.visible_title = title_run  # "# Rockstar Developer" under "title: Developer" is a title too
    posting.sections = assemble(builder.elements, len(posting.source))


class _Builder:
    """Section elements from the parsed blocks."""

    def __init__(self, posting: Posting) -> None:
        self.posting = posting
        self.elements: list[Element] = []
        self.items: list[str] = []  # markers of the open list items
        self.pending: str | None = None  # marker of an item whose text is still to come
        self.first_heading = True
        self.title: TextRun | None = None

    def open_item(self, marker: str) -> None:
        self.items.append(marker)
        self.pending = marker

    def close_item(self) -> None:
        self.items.pop()
        self.pending = None

    def comment(self, text: str, start: int, end: int) -> None:
        self.posting.comments.append(Comment(text.strip(), start, end))

    def html_block(self, content: str, offset: int) -> None:
        """Comments in an HTML block whose source starts at or before ``offset``."""
        for m in _COMMENT.finditer(content):
            idx = self.posting.source.find(m.group(0), offset)
            a = idx if idx >= 0 else offset + m.start()
            self.comment(m.group(1), a, a + len(m.group(0)))

    def add(self, out: TextMap, heading_level: int, bold: bool) -> None:
        """The plain text of a paragraph or heading (``bold``: all of its text is strong)."""
        text = out.text
        if not text.strip():
            return
        run = TextRun(text, out)
        start, end = run.span()
        elements = self.elements
        if heading_level and self.items and self.pending is not None:
            heading_level = 0  # "* ###### Widget development": a list item styled as a heading is still a list item
        if heading_level:
            if self.first_heading and heading_level == 1 and not elements:
                self.title = run  # a leading H1 is the posting's title, not a section
            else:
                elements.append(Element(run, start, end, level=heading_level))
            self.first_heading = False
        elif self.items:
            if self.pending is not None:
                block = Block("item", run, marker=self.pending, depth=len(self.items) - 1)
                elements.append(Element(run, start, end, block=block))
                self.pending = None
            else:  # a further paragraph of the same item
                last = elements[-1].block if elements and elements[-1].block else None
                if last is not None and last.kind == "item":
                    last.run.map.add("\n", start, start)
                    last.run.map.extend(run.map)
                    last.run.text = last.run.map.text
                else:
                    elements.append(Element(run, start, end, block=Block("paragraph", run)))
        else:
            self.first_heading = False if elements else self.first_heading
            elements.append(Element(run, start, end, block=Block("paragraph", run),
                                    candidate=STRONG if bold else 0))


def _inline_map(raw: str, first_line: int, lines: LineIndex) -> TextMap:
    """Map a block's raw inline source (``token.content``) to file offsets.

    markdown-it strips indentation and block markers from each line (and
    closing ``#`` from a heading); every content line is found again in its
    source line, as far right as it stands.
    """
    tm = TextMap()
    for i, part in enumerate(raw.split("\n")):
        n = first_line + i + 1
        if n > lines.line_count:
            break
        src = lines.line_text(n)
        col = src.rfind(part) if part else -1
        if col < 0:
            col = len(src) - len(src.lstrip())
        start = lines.starts[n - 1] + col
        if i:
            tm.add("\n", start, start)
        tm.add(part, start, start + len(part))
    return tm


def _link_end(raw: str, i: int) -> int:
    """The end of a link's ``](destination "title")``, ``][label]`` or ``]`` at or after ``i``."""
    j = raw.find("]", i)
    if j < 0:
        return i
    j += 1
    n = len(raw)
    if raw.startswith("[", j):
        k = raw.find("]", j)
        return k + 1 if k >= 0 else j
    if not raw.startswith("(", j):
        return j
    k = j + 1
    while k < n and raw[k] in " \t\n":
        k += 1
    if raw.startswith("<", k):
        k = raw.find(">", k) + 1 or k
    else:
        depth = 0
        while k < n and raw[k] not in " \t\n" and (raw[k] != ")" or depth):
            depth += (raw[k] == "(") - (raw[k] == ")")
            k += 2 if raw[k] == "\\" else 1
    while k < n and raw[k] in " \t\n":
        k += 1
    if k < n and raw[k] in "\"'(":
        k = raw.find(")" if raw[k] == "(" else raw[k], k + 1) + 1 or k
        while k < n and raw[k] in " \t\n":
            k += 1
    return k + 1 if raw.startswith(")", k) else j


def _decoded(content: str, raw: str, raw_map: TextMap, cursor: int, out: TextMap) -> int:
    """Map text that markdown-it decoded (entities, escapes, a code span's line endings) character
    by character from ``cursor`` in the raw source; returns the new cursor."""
    i = 0
    n = len(content)
    while i < n:
        m = _DECODED.search(raw, cursor)
        verbatim = raw[cursor:m.start() if m else len(raw)]  # up to the next entity, escape or line end
        take = len(verbatim) if content.startswith(verbatim, i) else n - i if verbatim.startswith(content[i:]) else 0
        if take:
            out.extend(raw_map.slice(cursor, cursor + take))
            cursor += take
            i += take
            continue
        ch = content[i]
        i += 1
        if raw.startswith("\\" + ch, cursor) and ch in _PUNCTUATION:
            cursor += 1  # "\*" is "*"
        elif ch == "&" or not raw.startswith(ch, cursor):
            amp = raw.find("&", cursor, cursor + 12)
            m = _ENTITY.match(raw, amp) if amp >= 0 and not _WORD_OR_ENTITY.search(raw, cursor, amp) else None
            if m is not None and unescape(m.group(0)) == ch:  # "&amp;" renders "&": map to all of it
                out.add(ch, *raw_map.span(amp, m.end()), literal=False)
                cursor = m.end()
                continue
            if ch == " " and raw.startswith("\n", cursor):  # a line ending in a code span
                a = raw_map.source(cursor)
                out.add(ch, a, a)
                cursor += 1
                continue
        j = cursor if raw.startswith(ch, cursor) else raw.find(ch, cursor, cursor + 12)
        if j >= 0:
            out.add(ch, *raw_map.span(j, j + 1))
            cursor = j + 1
        else:
            a = raw_map.source(cursor)
            out.add(ch, a, a)
    return cursor


def _plain(token: Any, first_line: int, posting: Posting, builder: _Builder) -> tuple[TextMap, bool]:
    """Plain text of an inline token with its map, and whether all of it is strong."""
    raw_map = _inline_map(token.content, first_line, posting.lines)
    raw = raw_map.text
    out = TextMap()
    cursor = 0
    strong = 0
    text = plain = autolink = False
    for child in token.children or ():
        t = child.type
        if t in ("strong_open", "strong_close", "em_open", "em_close"):
            if t[0] == "s":
                strong += 1 if t == "strong_open" else -1
            if raw.startswith(child.markup, cursor):
                cursor += len(child.markup)
        elif t == "link_open":
            autolink = child.markup == "autolink"
        elif t == "link_close":
            if autolink:
                cursor += raw.startswith(">", cursor)
                autolink = False
            else:
                cursor = _link_end(raw, cursor)
        elif t == "image":
            j = raw.find("![", cursor)
            if j >= 0:
                cursor = _link_end(raw, j + 2)
        elif t in ("text", "code_inline"):
            content = child.content
            if not content:
                continue
            idx = raw.find(content, cursor)
            if idx >= 0 and not _WORD_OR_ENTITY.search(raw, cursor, idx) and (
                    t == "code_inline" or "&" not in content and "\\" not in content):  # only markup skipped
                out.extend(raw_map.slice(idx, idx + len(content)))
                cursor = idx + len(content)
            elif autolink and raw.startswith("<", cursor):  # decoded: "%C3%A9" shows "é"
                end = raw.find(">", cursor)
                out.add(content, *raw_map.span(cursor + 1, end), literal=False)
                cursor = end
            else:  # entities and escapes decoded by markdown-it
                cursor = _decoded(content, raw, raw_map, cursor, out)
            if t == "code_inline" and raw.startswith(child.markup, cursor):
                cursor += len(child.markup)
            if not content.isspace():
                text = True
                if not strong:
                    plain = True
        elif t in ("softbreak", "hardbreak"):
            j = raw.find("\n", cursor)
            pos = raw_map.source(j if j >= 0 else cursor)
            out.add("\n", pos, pos)
            if j >= 0:
                cursor = j + 1
        elif t == "html_inline":
            m = _COMMENT.fullmatch(child.content.strip())
            idx = raw.find(child.content, cursor)
            if idx >= 0:
                cursor = idx + len(child.content)
                if m:
                    a, b = raw_map.span(idx, idx + len(child.content))
                    builder.comment(m.group(1), a, b)
    return out, text and not plain


def _read_tokens(builder: _Builder, tokens: list[Any], body_line: int) -> None:
    posting = builder.posting
    lines = posting.lines
    heading_level = 0
    for tok in tokens:
        t = tok.type
        if t == "list_item_open":
            builder.open_item(f"{tok.info}{tok.markup}")  # "-" or "1."
        elif t == "list_item_close":
            builder.close_item()
        elif t == "heading_open":
            heading_level = int(tok.tag[1])
        elif t == "html_block":
            first = body_line + (tok.map[0] if tok.map else 0)
            builder.html_block(tok.content, lines.starts[first] if first < lines.line_count else len(posting.source))
        elif t == "inline" and tok.map is not None:
            out, bold = _plain(tok, body_line + tok.map[0], posting, builder)
            builder.add(out, heading_level, bold)
            heading_level = 0
