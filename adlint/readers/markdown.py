"""Markdown reader: YAML front matter plus a CommonMark body (markdown-it-py).

markdown-it gives each block its source lines (``token.map``) and its raw
inline source (``token.content``); this reader finds each inline text piece in
that raw source, so plain-text offsets map back to exact columns.
"""

from __future__ import annotations

import re
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


def _inline_map(raw: str, first_line: int, lines: LineIndex) -> TextMap:
    """Map a block's raw inline source (``token.content``) to file offsets.

    markdown-it strips indentation and block markers from each line; every
    content line is found again in its source line.
    """
    tm = TextMap()
    for i, part in enumerate(raw.split("\n")):
        n = first_line + i + 1
        if n > lines.line_count:
            break
        src = lines.line_text(n)
        col = src.find(part) if part else -1
        if col < 0:
            col = len(src) - len(src.lstrip())
        start = lines.starts[n - 1] + col
        if i:
            tm.add("\n", start, start)
        tm.add(part, start, start + len(part))
    return tm


def _plain(token: Any, first_line: int, posting: Posting) -> tuple[TextRun, bool]:
    """Plain text of an inline token with its map, and whether all of it is strong."""
    raw_map = _inline_map(token.content, first_line, posting.lines)
    raw = raw_map.text
    out = TextMap()
    cursor = 0
    strong = 0
    text_chars = 0
    bold_chars = 0
    for child in token.children or ():
        t = child.type
        if t == "strong_open":
            strong += 1
        elif t == "strong_close":
            strong -= 1
        elif t in ("text", "code_inline"):
            content = child.content
            if not content:
                continue
            idx = raw.find(content, cursor)
            if idx >= 0:
                out.extend(raw_map.slice(idx, idx + len(content)))
                cursor = idx + len(content)
            else:  # entities decoded by markdown-it: align character by character
                for ch in content:
                    m = _ENTITY.match(raw, cursor) if raw.startswith("&", cursor) else None
                    if m is not None and unescape(m.group(0)) == ch:  # "&amp;" renders "&": map to all of it
                        a, b = raw_map.span(cursor, m.end())
                        cursor = m.end()
                        out.add(ch, a, b, literal=False)
                        continue
                    j = raw.find(ch, cursor, cursor + 12)
                    if j >= 0:
                        a, b = raw_map.span(j, j + 1)
                        cursor = j + 1
                    else:
                        a = b = raw_map.source(cursor)
                    out.add(ch, a, b)
            if content.strip():
                text_chars += len(content.strip())
                if strong > 0:
                    bold_chars += len(content.strip())
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
                    posting.comments.append(Comment(m.group(1).strip(), a, b))
    run = TextRun(out.text, out)
    return run, text_chars > 0 and bold_chars == text_chars


def metadata_title(posting: Posting) -> TextRun | None:
    """The ``title`` metadata value as a run pointing at its text in the source, if any."""
    return posting.metadata_title_run()


def read_markdown(posting: Posting) -> None:
    """Fill ``posting`` from Markdown source: front matter, title, sections and blocks."""
    body_line = split_front_matter(posting)
    lines = posting.lines
    body_start = lines.starts[body_line] if body_line < lines.line_count else len(posting.source)
    body = posting.source[body_start:]
    tokens = _parser().parse(body)
    elements: list[Element] = []
    item_stack: list[str] = []
    pending_item: str | None = None
    heading_level = 0
    first_heading = True
    title_run: TextRun | None = None
    for i, tok in enumerate(tokens):
        t = tok.type
        if t in ("bullet_list_open", "ordered_list_open"):
            continue
        if t == "list_item_open":
            marker = f"{tok.info}{tok.markup}"  # "-" or "1."
            item_stack.append(marker)
            pending_item = marker
        elif t == "list_item_close":
            item_stack.pop()
            pending_item = None
        elif t == "heading_open":
            heading_level = int(tok.tag[1])
        elif t == "html_block":
            first = body_line + (tok.map[0] if tok.map else 0)
            offset = lines.starts[first] if first < lines.line_count else len(posting.source)
            for m in _COMMENT.finditer(tok.content):
                a = offset + m.start()
                idx = posting.source.find(m.group(0), offset)
                if idx >= 0:
                    a = idx
                posting.comments.append(Comment(m.group(1).strip(), a, a + len(m.group(0))))
        elif t == "inline" and tok.map is not None:
            first = body_line + tok.map[0]
            run, bold = _plain(tok, first, posting)
            if not run.text.strip():
                heading_level = 0
                continue
            start, end = run.span()
            if heading_level and item_stack and pending_item is not None:
                # "* ###### Widget development": a list item styled as a heading is still a list item
                heading_level = 0
            if heading_level:
                if first_heading and heading_level == 1 and not elements:
                    title_run = run  # a leading H1 is the posting's title, not a section
                else:
                    elements.append(Element(run, start, end, level=heading_level))
                first_heading = False
                heading_level = 0
            elif item_stack:
                if pending_item is not None:
                    block = Block("item", run, marker=pending_item, depth=len(item_stack) - 1)
                    elements.append(Element(run, start, end, block=block))
                    pending_item = None
                else:  # a further paragraph of the same item
                    last = elements[-1].block if elements and elements[-1].block else None
                    if last is not None and last.kind == "item":
                        last.run.map.add("\n", start, start)
                        last.run.map.extend(run.map)
                        last.run.text = last.run.map.text
                    else:
                        elements.append(Element(run, start, end, block=Block("paragraph", run)))
            else:
                first_heading = False if elements else first_heading
                elements.append(Element(run, start, end, block=Block("paragraph", run),
                                        candidate=STRONG if bold else 0))
    posting.title = metadata_title(posting) or title_run
    if title_run is not None and posting.title is not title_run:
        posting.visible_title = title_run  # "# Rockstar Developer" under "title: Developer" is a title too
    posting.sections = assemble(elements, len(posting.source))
