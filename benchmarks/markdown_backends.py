"""adlint's two Markdown parsers compared on the real corpus: same output, and how fast.

adlint reads Markdown with markdown-it-pyrs (markdown-it in Rust, a source
span on every node) where it is installed, and with markdown-it-py elsewhere and
for the few bodies markdown-it-pyrs 0.4 reads differently
(``adlint.readers.markdown``: ``BACKENDS``, ``_pyrs_reads``). This script reads
every Markdown posting of the corpus (``../shared/corpus``) three ways:

* ``pyrs``: ``read_markdown(posting, "markdown-it-pyrs")``;
* ``py``: ``read_markdown(posting, "markdown-it-py")``;
* ``before``: the reader as it stood before issue 12 (markdown-it-py only, each
  inline text piece found in its raw source from a cursor that did not skip
  link destinations or markup), kept in this file for reference.

Two readings are identical when everything a rule sees is: title and visible
title, every section (heading text, level, id, span, flags), every block (kind,
marker, depth, text) and, in every run, the source offset of every plain-text
offset (the start and the end mapping of :class:`~adlint.positions.TextMap`),
the comments and the problems. Where two readings differ, each differing
character's source span is judged on the source alone: it must hold the
character verbatim, or an entity or escape that renders it (a line break: a
zero-width place), and never lie inside a link destination ``](…)`` or, for a
verbatim character, inside an entity. "before misplaces" means every
differing character is right in the new reading and wrong in the old one.

It prints how many postings markdown-it-pyrs reads itself; for ``pyrs``
against ``py`` and for each against ``before``, how many postings are
identical and the first difference of a few others; then the parse time (on
the bodies markdown-it-pyrs reads) and the read time (on all) per posting
(median over the corpus, mean and total; each posting's best of ``--runs``
passes). ``--extra`` also reads the plain-text and HTML postings as Markdown
(not how adlint reads them, but more markup to compare).

Usage, from the project root::

    .venv/bin/python benchmarks/markdown_backends.py [--runs 3] [--extra] [--show 5]

Exit status 0 when ``pyrs`` and ``py`` are identical on every posting and every
difference from ``before`` is one where ``before`` misplaces text; 1 otherwise;
2 when the corpus is missing.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from functools import lru_cache
from html import unescape
from pathlib import Path
from typing import Any, Callable

from adlint.positions import LineIndex, TextMap
from adlint.posting import Block, Comment, Posting, TextRun
from adlint.readers import markdown
from adlint.readers.markdown import metadata_title, split_front_matter
from adlint.sections import STRONG, Element, assemble
from adlint.source import decode

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"

# --- the reader before issue 12 (markdown-it-py, text found from a cursor) ----------------------

_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
_ENTITY = re.compile(r"&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});")


@lru_cache(maxsize=1)
def _ref_parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark")


def _ref_inline_map(raw: str, first_line: int, lines: LineIndex) -> TextMap:
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


def _ref_plain(token: Any, first_line: int, posting: Posting) -> tuple[TextRun, bool]:
    raw_map = _ref_inline_map(token.content, first_line, posting.lines)
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
            else:
                for ch in content:
                    m = _ENTITY.match(raw, cursor) if raw.startswith("&", cursor) else None
                    if m is not None and unescape(m.group(0)) == ch:
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
    return TextRun(out.text, out), text_chars > 0 and bold_chars == text_chars


def before_read_markdown(posting: Posting) -> None:
    """The Markdown reader as it stood before issue 12."""
    body_line = split_front_matter(posting)
    lines = posting.lines
    body_start = lines.starts[body_line] if body_line < lines.line_count else len(posting.source)
    tokens = _ref_parser().parse(posting.source[body_start:])
    elements: list[Element] = []
    item_stack: list[str] = []
    pending_item: str | None = None
    heading_level = 0
    first_heading = True
    title_run: TextRun | None = None
    for tok in tokens:
        t = tok.type
        if t == "list_item_open":
            marker = f"{tok.info}{tok.markup}"
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
            run, bold = _ref_plain(tok, body_line + tok.map[0], posting)
            if not run.text.strip():
                heading_level = 0
                continue
            start, end = run.span()
            if heading_level and item_stack and pending_item is not None:
                heading_level = 0
            if heading_level:
                if first_heading and heading_level == 1 and not elements:
                    title_run = run
                else:
                    elements.append(Element(run, start, end, level=heading_level))
                first_heading = False
                heading_level = 0
            elif item_stack:
                if pending_item is not None:
                    block = Block("item", run, marker=pending_item, depth=len(item_stack) - 1)
                    elements.append(Element(run, start, end, block=block))
                    pending_item = None
                else:
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
        posting.visible_title = title_run
    posting.sections = assemble(elements, len(posting.source))


# --- comparison ------------------------------------------------------------------------------


def run_signature(run: TextRun | None) -> Any:
    """Text plus the source offset of every plain-text offset, as a start and as an end."""
    if run is None:
        return None
    m = run.map
    n = len(run.text)
    return (run.text, tuple(m.source(i) for i in range(n + 1)),
            tuple(m.source(i, end=True) for i in range(1, n + 1)))


def signature(p: Posting) -> list[tuple[str, Any]]:
    """Everything a reader produced, as a flat list of labelled items in document order."""
    out: list[tuple[str, Any]] = [
        ("title", run_signature(p.title)),
        ("visible_title", run_signature(p.visible_title)),
        ("front_matter", p.front_matter),
        ("metadata", sorted((k, repr(f.value), f.span) for k, f in p.metadata.items())),
        ("problems", [(x.kind, x.message, x.line, x.col) for x in p.problems]),
        ("comments", [(c.text, c.start, c.end) for c in p.comments]),
    ]
    for i, s in enumerate(p.sections):
        out.append((f"section {i}", (s.level, s.id, s.start, s.end, s.inherited, s.promoted)))
        out.append((f"section {i} heading", run_signature(s.heading)))
        for j, b in enumerate(s.blocks):
            out.append((f"section {i} block {j}", (b.kind, b.marker, b.depth, run_signature(b.run))))
    return out


def runs(p: Posting) -> list[TextRun]:
    """Every run of a posting: titles, headings and blocks."""
    found = [r for r in (p.title, p.visible_title) if r is not None]
    for s in p.sections:
        if s.heading is not None:
            found.append(s.heading)
        found.extend(b.run for b in s.blocks)
    return found


_DESTINATION = re.compile(r"\]\((?:[^()]|\([^()]*\))*\)")


def faithful(c: str, a: int, b: int, source: str, destinations: list[tuple[int, int]]) -> bool:
    """Whether plain-text character ``c`` may come from source span ``[a, b)``.

    Verbatim, or an entity or a backslash escape that renders it; a line break
    points at a place (zero width). Never inside a link destination ``](…)``,
    and a verbatim character never inside an entity (``;`` of ``&nbsp;``).
    """
    if any(x < a < y for x, y in destinations):
        return False
    if b - a == 1 and any(m.start() <= a < m.end() for m in _ENTITY.finditer(source, max(0, a - 40), a + 40)):
        return False
    if c == "\n":
        return a == b
    if b - a == 1:
        return source[a] == c
    return b > a and (unescape(source[a:b]) == c or source[a:b] == "\\" + c)


def verdict(pa: Posting, pb: Posting, names: tuple[str, str]) -> str:
    """Which reading is wrong where two differ, character by character."""
    ra, rb = runs(pa), runs(pb)
    if len(ra) != len(rb) or any(x.text != y.text for x, y in zip(ra, rb)):
        return "different text or structure"
    src = pa.source
    dest = [m.span() for m in _DESTINATION.finditer(src)]
    kinds = set()
    for x, y in zip(ra, rb):
        for i, c in enumerate(x.text):
            sa, sb = x.map.span(i, i + 1), y.map.span(i, i + 1)
            if sa != sb:
                ok_a, ok_b = faithful(c, *sa, src, dest), faithful(c, *sb, src, dest)
                kinds.add(f"{names[0]} misplaces" if ok_b and not ok_a else f"{names[1]} misplaces"
                          if ok_a and not ok_b else "both plausible" if ok_a else "both misplace")
    return " + ".join(sorted(kinds)) or "other"


def first_difference(p: Posting, a: list, b: list, names: tuple[str, str]) -> str:
    """A one-paragraph description of where two signatures first differ."""
    for (la, va), (lb, vb) in zip(a, b):
        if la != lb or va != vb:
            label = la if la == lb else f"{la} / {lb}"
            detail = f"{names[0]}={va!r:.200} {names[1]}={vb!r:.200}"
            run_a = _find_run(va)
            run_b = _find_run(vb)
            if run_a and run_b:
                ta, sa, ea = run_a
                tb, sb, eb = run_b
                if ta != tb:
                    k = next((i for i, (x, y) in enumerate(zip(ta, tb)) if x != y), min(len(ta), len(tb)))
                    detail = (f"text differs at {k}: {names[0]}={ta[max(0, k - 20):k + 30]!r} "
                              f"{names[1]}={tb[max(0, k - 20):k + 30]!r}")
                else:
                    k = next((i for i, (x, y) in enumerate(zip(sa + ea, sb + eb)) if x != y), 0)
                    kind = "start" if k < len(sa) else "end"
                    i = k if k < len(sa) else k - len(sa) + 1
                    pa = (sa + ea)[k]
                    pb = (sb + eb)[k]
                    detail = (f"map ({kind}) of text offset {i} ({ta[max(0, i - 15):i + 15]!r}): "
                              f"{names[0]} {p.position(pa)} {names[1]} {p.position(pb)}")
            return f"{label}: {detail}"
    return f"lengths differ: {names[0]} {len(a)} items, {names[1]} {len(b)} items"


def _find_run(v: Any) -> tuple | None:
    if isinstance(v, tuple) and len(v) == 3 and isinstance(v[0], str) and isinstance(v[1], tuple):
        return v
    if isinstance(v, tuple) and v and isinstance(v[-1], tuple):
        return _find_run(v[-1])
    return None


# --- timing ----------------------------------------------------------------------------------


def parse_functions() -> dict[str, Callable[[str], Any]]:
    """The bare parse of each backend (no mapping)."""
    fns: dict[str, Callable[[str], Any]] = {"markdown-it-py": _ref_parser().parse}
    try:
        from markdown_it_pyrs import MarkdownIt

        fns["markdown-it-pyrs"] = MarkdownIt("commonmark").tree
    except ImportError:
        pass
    return fns


def timed(fn: Callable[[Any], Any], items: list, runs: int) -> list[float]:
    """Per-item seconds, the best of ``runs`` passes for each item."""
    best = [float("inf")] * len(items)
    for _ in range(runs):
        for k, item in enumerate(items):
            t0 = time.perf_counter()
            fn(item)
            best[k] = min(best[k], time.perf_counter() - t0)
    return best


def fmt(ts: list[float]) -> str:
    return (f"median {statistics.median(ts) * 1e3:6.3f} ms  mean {statistics.mean(ts) * 1e3:6.3f} ms  "
            f"total {sum(ts):6.3f} s")


def readers() -> dict[str, Callable[[Posting], None]]:
    """The readings compared: each parser adlint ships with, installed here, and the reader before."""
    found: dict[str, Callable[[Posting], None]] = {}
    for backend in markdown.BACKENDS:
        try:
            markdown._parser(backend)
        except ImportError:
            print(f"{backend} is not installed: left out", file=sys.stderr)
            continue
        found[backend.removeprefix("markdown-it-")] = lambda p, b=backend: markdown.read_markdown(p, b)
    found["before"] = before_read_markdown
    return found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--show", type=int, default=5, help="differences to print per comparison")
    ap.add_argument("--extra", action="store_true", help="also read .txt and .html postings as Markdown")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    fns = readers()
    names = list(fns)
    pairs = [(a, b) for i, a in enumerate(names) for b in names[i + 1:]]
    groups = {"Markdown postings (.md)": sorted(args.corpus.rglob("*.md"))}
    if args.extra:
        groups["other postings read as Markdown (.txt, .html)"] = sorted(
            [*args.corpus.rglob("*.txt"), *args.corpus.rglob("*.html")])
    status = 0
    for title, paths in groups.items():
        sources = [(str(p.relative_to(args.corpus)), decode(p.read_bytes()).text) for p in paths]
        print(f"{title}: {len(sources)} postings")
        diffs: dict[tuple[str, str], list[str]] = {pair: [] for pair in pairs}
        verdicts: dict[tuple[str, str], dict[str, int]] = {pair: {} for pair in pairs}
        for name, src in sources:
            read = {}
            for reader, fn in fns.items():
                p = Posting(path=name, format="markdown", source=src)
                fn(p)
                read[reader] = (p, signature(p))
            for a, b in pairs:
                (pa, sa), (pb, sb) = read[a], read[b]
                if sa != sb:
                    why = verdict(pa, pb, (a, b))
                    verdicts[a, b][why] = verdicts[a, b].get(why, 0) + 1
                    diffs[a, b].append(f"    {name}: [{why}] {first_difference(pa, sa, sb, (a, b))}")
        for a, b in pairs:
            found = diffs[a, b]
            counts = ", ".join(f"{k}: {v}" for k, v in sorted(verdicts[a, b].items()))
            print(f"  {a} / {b}: {len(sources) - len(found)} identical, {len(found)} different"
                  + (f" ({counts})" if counts else ""))
            for line in found[:args.show]:
                print(line)
            if any(k != "before misplaces" for k in verdicts[a, b]):
                status = 1
        bodies = []
        for _, src in sources:
            p = Posting(path="", format="markdown", source=src)
            line = split_front_matter(p)
            body = src[p.lines.starts[line]:] if line < p.lines.line_count else ""
            if markdown._pyrs_reads(body):
                bodies.append(body)
        print(f"  markdown-it-pyrs reads {len(bodies)} of the {len(sources)} bodies itself, markdown-it-py the others")
        print(f"  parse only (no mapping), per posting, on those {len(bodies)} bodies:")
        for name, fn in parse_functions().items():
            print(f"    {name:18} {fmt(timed(fn, bodies, args.runs))}")
        print(f"  read (front matter, parse, mapping, sections), per posting, all {len(sources)}:")
        for name, fn in fns.items():
            t = timed(lambda s, fn=fn: fn(Posting(path="", format="markdown", source=s)), [s for _, s in sources],
                      args.runs)
            print(f"    {name:18} {fmt(t)}")
    return status


if __name__ == "__main__":
    sys.exit(main())
