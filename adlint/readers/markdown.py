"""Markdown reader: YAML front matter plus a CommonMark body.

markdown-it-pyrs (markdown-it in Rust) parses the body where it is installed
(it has wheels for CPython 3.10-3.12 on x86-64 and ARM64): every node carries
its source span (UTF-8 bytes), so each text piece maps to exact character
offsets. markdown-it-py parses it elsewhere, and for the few bodies
markdown-it-pyrs 0.4 reads differently (:func:`_pyrs_reads`): its blocks
carry their source lines and its inline tokens their raw source, and each text
piece is found again in that raw source, past the markup before it. Both give
the same posting on the whole corpus (``benchmarks/markdown_backends.py``);
markdown-it-pyrs reads about twice as fast.
"""

from __future__ import annotations

import re
import string
import unicodedata
from functools import lru_cache
from html import unescape
from typing import Any, Callable

from adlint.positions import LineIndex, TextMap
from adlint.posting import Block, Comment, Posting, Problem, TextRun
from adlint.readers import normalise_metadata
from adlint.readers import yamlmeta
from adlint.sections import STRONG, Element, assemble

#: The Markdown parsers, fastest first.
BACKENDS = ("markdown-it-pyrs", "markdown-it-py")

_FENCE = re.compile(r"^---[ \t]*\r?$")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$")
_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
_ENTITY = re.compile(r"&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});")
_WORD_OR_ENTITY = re.compile(r"[\w&]")
_DECODED = re.compile(r"[&\\\n]")
_PUNCTUATION = frozenset(string.punctuation)
_BY_DELIMITER = re.compile(r"(?<=[*_])[^\x00-\x7f]|[^\x00-\x7f](?=[*_])")
# A tab in a line's indent, block quote markers or list marker: markdown-it-pyrs shifts the spans of
# that line's text by the tab's width.
_TAB_INDENT = re.compile(r"^[ \t>*+\-\d.)]*\t", re.M)
# Lists or block quotes nested 8 deep: markdown-it-py stops at 20 levels (a list is 2), markdown-it-pyrs
# goes on, in time quadratic in the depth.
_DEEP = re.compile(r"^(?:[ \t]*(?:>|[*+-][ \t]|\d{1,9}[.)][ \t])){8}|^[ \t]{16,}(?:[*+-]|\d{1,9}[.)])[ \t]", re.M)
_INLINE = frozenset({"text", "text_special", "softbreak", "hardbreak", "html_inline", "image",
                     "strong", "em", "link", "code_inline", "autolink"})


@lru_cache(maxsize=None)
def _parser(backend: str) -> Any:
    if backend == "markdown-it-pyrs":
        from markdown_it_pyrs import MarkdownIt
    else:
        from markdown_it import MarkdownIt
    return MarkdownIt("commonmark")


@lru_cache(maxsize=1)
def backend() -> str:
    """The parser this installation reads Markdown with: the first of :data:`BACKENDS` installed."""
    try:
        _parser("markdown-it-pyrs")
    except ImportError:
        return "markdown-it-py"
    return "markdown-it-pyrs"


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


def read_markdown(posting: Posting, parser: str | None = None) -> None:
    """Fill ``posting`` from Markdown source: front matter, title, sections and blocks.

    ``parser`` is one of :data:`BACKENDS` (default: :func:`backend`).
    """
    body_line = split_front_matter(posting)
    lines = posting.lines
    body_start = lines.starts[body_line] if body_line < lines.line_count else len(posting.source)
    body = posting.source[body_start:]
    builder = None
    if (parser or backend()) == "markdown-it-pyrs" and _pyrs_reads(body):
        builder = _read_rust(posting, body, body_start)
    if builder is None:
        builder = _Builder(posting)
        _read_tokens(builder, _parser("markdown-it-py").parse(body), body_line)
    title_run = builder.title
    posting.title = metadata_title(posting) or title_run
    if title_run is not None and posting.title is not title_run:
        posting.visible_title = title_run  # "# Rockstar Developer" under "title: Developer" is a title too
    posting.sections = assemble(builder.elements, len(posting.source))


def _read_rust(posting: Posting, body: str, body_start: int) -> _Builder | None:
    """The body read with markdown-it-pyrs; None, with nothing added to ``posting``, when it failed."""
    comments = len(posting.comments)
    builder = _Builder(posting)
    try:
        if _RsReader(builder, body, body_start).read():
            return builder
    except (UnicodeDecodeError, IndexError):  # a span inside a character or past the end
        pass
    del posting.comments[comments:]
    return None


class _Builder:
    """Section elements from the parsed blocks, whichever parser read them."""

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


# --- markdown-it-pyrs: source spans ---------------------------------------------------------------


def _columns(s: str, col: int = 0) -> int:
    """The column after ``s`` written from column ``col`` (tab stops every 4)."""
    for ch in s:
        col += 4 - col % 4 if ch == "\t" else 1
    return col


def _content_column(src: str, a: int, j: int) -> int:
    """The column where the text of a list item with its marker at ``src[a:j]`` starts (markdown-it's
    ``blkIndent``): after the marker and 1-4 columns of space."""
    col = _columns(src[src.rfind("\n", 0, a) + 1:j])
    k = j
    while k < len(src) and src[k] in " \t":
        k += 1
    after = _columns(src[j:k], col) - col
    return col + (1 if after > 4 or k == len(src) or src[k] in "\r\n" else after)


def _pyrs_reads(body: str) -> bool:
    """Whether markdown-it-pyrs 0.4 reads ``body`` as markdown-it-py does, in good time.

    Not with a tab in the indent of a line (the spans of its text are off by
    the tab's width), nor with "[" and "`" (its markdown-it 0.6.0 panics on "[`"
    with no closing backtick, markdown-it-rust/markdown-it#40, fixed in 0.6.1:
    :func:`_read_rust` would catch it, but Rust prints the panic on stderr),
    nor with lists or quotes nested deeper than markdown-it-py reads them, nor
    with a symbol ("😎", "€", "⋅") next to "*" or "_": CommonMark 0.31
    (markdown-it-py 4) counts it as punctuation there, markdown-it-pyrs follows 0.30.
    """
    return not (("`" in body and "[" in body) or ("\t" in body and _TAB_INDENT.search(body))
                or _DEEP.search(body) or not body.isascii() and any(
                    unicodedata.category(m.group())[0] == "S" for m in _BY_DELIMITER.finditer(body)))


def _align(content: str, src: str, k: int, out: TextMap, line_start: Callable[[int], int]) -> None:
    """Map ``content``, the source from ``k`` on except that a code span's line endings read as
    spaces (each a zero-width point where the next line's text starts)."""
    for i, ch in enumerate(content):
        if src.startswith(ch, k) or ch == "\ufffd" and src.startswith("\x00", k):
            out.add(ch, k, k + 1)
            k += 1
        elif ch == " " and src.startswith(("\n", "\r\n"), k):
            j = src.index("\n", k) + 1
            while src.startswith((" ", "\t"), j) or src.startswith(">", j) and not content.startswith(">", i + 1):
                j += 1
            k = line_start(j)
            out.add(ch, k, k)
        else:
            j = src.find(ch, k, k + 12)
            if j >= 0:
                out.add(ch, j, j + 1)
                k = j + 1
            else:
                out.add(ch, k, k)


def _link_text(url: str) -> str:
    """An autolink's text as markdown-it shows it (percent-escapes and punycode decoded)."""
    if "%" not in url and "xn--" not in url.lower():
        return url
    from markdown_it.common.normalize_url import normalizeLinkText

    return normalizeLinkText(url)


class _Stripped:
    """A text node with whitespace stripped from its content."""

    __slots__ = ("name", "meta", "srcmap")

    def __init__(self, content: str, start: int, end: int) -> None:
        self.name = "text"
        self.meta = {"content": content}
        self.srcmap = (start, end)


def _strip(nodes: list[Any]) -> list[Any]:
    """Strip a block's text as markdown-it-py does (``str.strip``: no-break and other Unicode spaces too)."""
    while nodes:
        first = nodes[0]
        name = first.name
        if name == "text":
            c = first.meta["content"]
            s = c.lstrip()
            if s and s != c:
                nodes[0] = _Stripped(s, first.srcmap[0] + len(c[:len(c) - len(s)].encode()), first.srcmap[1])
        if name != "softbreak" and (name != "text" or s):
            break
        del nodes[0]
    while nodes:
        last = nodes[-1]
        name = last.name
        if name == "text":
            c = last.meta["content"]
            s = c.rstrip()
            if s and s != c:
                nodes[-1] = _Stripped(s, last.srcmap[0], last.srcmap[1])
        if name != "softbreak" and (name != "text" or s):
            break
        del nodes[-1]
    return nodes


class _RsReader:
    """Walks the markdown-it-pyrs tree; text maps through each node's source span."""

    def __init__(self, builder: _Builder, body: str, base: int) -> None:
        self.builder = builder
        self.source = builder.posting.source
        self.body = body
        self.offset = self._offsets(base)
        self.markers: list[tuple[int, int]] = []  # marker spans of the open list items
        self.out = TextMap()
        self.strong = 0
        self.text = self.plain = False

    def _offsets(self, base: int) -> Callable[[int], int]:
        """Source character offset of a UTF-8 byte offset into the body."""
        if self.body.isascii():
            return lambda b: b + base
        data = self.body.encode()
        last = [0, 0]  # the last byte offset asked for and its character offset: the walk is in order

        def offset(b: int) -> int:
            b0, c0 = last
            c = c0 + len(data[b0:b].decode()) if b >= b0 else c0 - len(data[b:b0].decode())
            last[0], last[1] = b, c
            return c + base

        return offset

    def read(self) -> bool:
        """Read the body; False when markdown-it-pyrs failed on it (a panic in Rust)."""
        try:
            tree = _parser("markdown-it-pyrs").tree(self.body)
        except BaseException as exc:  # pyo3's PanicException derives from BaseException
            if type(exc).__name__ != "PanicException":
                raise
            return False
        self.blocks(tree.children)
        return True

    def blocks(self, children: Any) -> None:
        """Walk the block nodes (without recursion: nesting may be deep)."""
        src = self.source
        builder = self.builder
        stack = [(iter(children), False, False)]  # (nodes, in an ordered list, closes a list item)
        run: list[Any] = []
        while stack:
            nodes, ordered, item = stack[-1]
            n = next(nodes, None)
            name = n.name if n is not None else ""
            if name in _INLINE:  # a tight list item holds its inline nodes directly
                run.append(n)
                continue
            if run:
                self.inline(run, 0)
                run = []
            if n is None:
                stack.pop()
                if item:
                    builder.close_item()
                    self.markers.pop()
            elif name == "paragraph":
                self.inline(n.children, 0)
            elif name == "heading" or name == "lheading":
                self.inline(n.children, n.meta["level"])
            elif name == "bullet_list" or name == "ordered_list" or name == "blockquote":
                stack.append((iter(n.children), name == "ordered_list", False))
            elif name == "list_item":
                a = self.offset(n.srcmap[0])
                j = a + 1
                while ordered and src[j - 1].isdigit():
                    j += 1
                self.markers.append((a, j))
                builder.open_item(src[a:j])  # "-", "1.", "2)"
                stack.append((iter(n.children), False, True))
            elif name == "html_block":
                builder.html_block(n.meta["content"], self.offset(n.srcmap[0]))

    def inline(self, nodes: Any, heading_level: int) -> None:
        self.out = TextMap()
        self.strong = 0
        self.text = self.plain = False
        if nodes:
            self.nodes(_strip(nodes if isinstance(nodes, list) else list(nodes)))
        self.builder.add(self.out, heading_level, self.text and not self.plain)

    def nodes(self, nodes: Any) -> None:
        """Map the inline nodes' text (without recursion: nesting may be deep)."""
        out = self.out
        src = self.source
        offset = self.offset
        stack = [(iter(nodes), False)]  # (nodes, inside strong)
        while stack:
            n = next(stack[-1][0], None)
            if n is None:
                self.strong -= stack.pop()[1]
                continue
            name = n.name
            if name == "text" or name == "text_special":
                content = n.meta["content"]
                if not content:
                    continue
                a = offset(n.srcmap[0])
                if name == "text_special":
                    b = offset(n.srcmap[1])
                    info = n.meta.get("info")
                    if info == "escape" and b - a == 2 and len(content) == 1:
                        out.add(content, b - 1, b)  # "\*" is "*"
                    elif info == "entity":  # one character for all of "&amp;"
                        out.add(content, a, b, literal=False)
                    else:  # an autolink, or "\" before a character it does not escape
                        raw = src[a:b]
                        text = _link_text(raw) if info == "autolink" else raw
                        out.add(text, a, b, literal=text == raw)
                else:
                    if "\x00" in content:
                        content = content.replace("\x00", "\ufffd")  # as CommonMark asks
                    if src.startswith(content, a):
                        out.add(content, a, a + len(content))
                    else:  # a code span over lines
                        _align(content, src, a, out, self.line_start)
                if not content.isspace():
                    self.text = True
                    if not self.strong:
                        self.plain = True
            elif name == "softbreak" or name == "hardbreak":
                pos = self.line_start(offset(n.srcmap[1]))
                out.add("\n", pos, pos)
            elif name == "html_inline":
                m = _COMMENT.fullmatch(n.meta["content"].strip())
                if m:
                    self.builder.comment(m.group(1), offset(n.srcmap[0]), offset(n.srcmap[1]))
            elif name == "code_inline" and n.meta.get("marker_len"):
                k = n.meta["marker_len"]
                a, b = offset(n.srcmap[0]) + k, offset(n.srcmap[1]) - k
                if a < b and not src[a:b].strip(" "):  # only spaces: all of them (markdown-it-pyrs drops two)
                    out.add(src[a:b], a, b)
                else:
                    stack.append((iter(n.children), False))
            elif name == "strong":
                self.strong += 1
                stack.append((iter(n.children), True))
            elif name != "image":  # an image's alt text is not text of the posting
                stack.append((iter(n.children), False))  # em, link, autolink, code_inline

    def line_start(self, b: int) -> int:
        """Where a line break points: its next line after the block quote markers and the block's
        indent, which may be before more spaces (``b``: the line's first character of text)."""
        src = self.source
        if b == 0 or src[b - 1] not in " \t":
            return b
        line = src.rfind("\n", 0, b) + 1
        k = line
        quote = src.rfind(">", line, b)
        if quote >= 0:
            if src[line:quote].replace(">", "").strip(" \t"):
                return b
            k = quote + 2 if src[quote + 1] == " " else quote + 1
        elif src[line:b].strip(" \t"):
            return b
        col = _columns(src[line:k])
        indent = _content_column(src, *self.markers[-1]) if self.markers else 0
        while col < indent and k < b:
            col = _columns(src[k], col)
            k += 1
        return k


# --- markdown-it-py: source lines and raw inline source -------------------------------------------


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
