"""JSON-LD reader: a schema.org ``JobPosting`` object, whose ``description`` is HTML.

The standard library's JSON decoder is run with its pure-Python scanner and a
string hook that remembers where each string value stands, so metadata values
and every character of the ``description`` map to exact file offsets, through
JSON escapes (``\\n``, ``\\u00e9``, surrogate pairs) and then through the HTML.
"""

from __future__ import annotations

import json
import json.decoder
import json.scanner
import re
from typing import Any

from adlint.positions import LineIndex, TextMap
from adlint.posting import MetaField, Posting, Problem, TextRun

_SURROGATE = re.compile("[\ud800-\udfff]")
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


class _PosStr(str):
    """A JSON string value that knows its source span (inside the quotes)."""

    start: int
    end: int


def _decoder() -> json.JSONDecoder:
    dec = json.JSONDecoder()
    plain = json.decoder.scanstring

    def parse_string(s: str, idx: int, strict: bool) -> tuple[str, int]:
        value, end = plain(s, idx, strict)
        if _SURROGATE.search(value):  # "\ud800" alone is valid JSON but not text
            value = _SURROGATE.sub("\ufffd", value)
        ps = _PosStr(value)
        ps.start, ps.end = idx, end - 1
        return ps, end

    dec.parse_string = parse_string  # type: ignore[assignment]
    dec.scan_once = json.scanner.py_make_scanner(dec)  # type: ignore[attr-defined]
    return dec


class JsonError(Exception):
    """JSON that does not parse; ``line``/``col`` are 1-based in the JSON text."""

    def __init__(self, message: str, line: int = 1, col: int = 1) -> None:
        super().__init__(message)
        self.message, self.line, self.col = message, line, col


def loads(text: str) -> Any:
    """Parse JSON keeping string positions. Raises :class:`JsonError`.

    Unpaired surrogate escapes (``"\\ud800"``) in strings become U+FFFD, so
    every string is valid Unicode text.
    """
    dec = _decoder()
    try:
        idx = json.decoder.WHITESPACE.match(text, 0).end()
        obj, end = dec.raw_decode(text, idx)
        end = json.decoder.WHITESPACE.match(text, end).end()
        if end != len(text):
            raise json.JSONDecodeError("Extra data after the JSON value", text, end)
        return obj
    except json.JSONDecodeError as exc:
        raise JsonError(exc.msg, exc.lineno, exc.colno) from None
    except RecursionError:
        depth, at = _deepest(text)
        line, col = LineIndex(text).position(at)
        raise JsonError(f"JSON nested too deeply to read ({depth:,} levels)", line, col) from None


_TOKENS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]', re.S)


def _deepest(text: str) -> tuple[int, int]:
    """``(depth, offset)``: the deepest bracket nesting in JSON ``text`` and where it is first reached."""
    depth = best = at = 0
    for m in _TOKENS.finditer(text):
        c = text[m.start()]
        if c in "[{":
            depth += 1
            if depth > best:
                best, at = depth, m.start()
        elif c in "]}":
            depth -= 1
    return best, at


def string_map(text: str, value: _PosStr) -> TextMap:
    """Map each character of a decoded JSON string to its span in ``text``.

    An unpaired surrogate escape reads as U+FFFD, as in the values :func:`loads` returns.
    """
    tm = TextMap()
    i, end = value.start, value.end
    run_start = i
    while i < end:
        if text[i] != "\\":
            i += 1
            continue
        if i > run_start:
            tm.add(text[run_start:i], run_start, i)
        kind = text[i + 1] if i + 1 < end else ""
        if kind == "u":
            code = int(text[i + 2:i + 6], 16)
            j = i + 6
            if 0xD800 <= code < 0xDC00 and text[j:j + 2] == "\\u":
                low = int(text[j + 2:j + 6], 16)
                if 0xDC00 <= low < 0xE000:
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    j += 6
            if 0xD800 <= code < 0xE000:  # an unpaired surrogate: U+FFFD, as in the decoded value
                code = 0xFFFD
            tm.add(chr(code), i, j, literal=False)
            i = j
        else:
            tm.add(_ESCAPES.get(kind, kind), i, i + 2, literal=False)
            i += 2
        run_start = i
    if end > run_start:
        tm.add(text[run_start:end], run_start, end)
    return tm


def find_job_posting(obj: Any, depth: int = 0) -> dict[str, Any] | None:
    """Find the first ``JobPosting`` object in a JSON-LD value (top level, list or ``@graph``)."""
    if depth > 8:
        return None
    if isinstance(obj, dict):
        kind = obj.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if any(isinstance(k, str) and k.rsplit("/", 1)[-1].rsplit(":", 1)[-1] == "JobPosting" for k in kinds):
            return obj
        graph = obj.get("@graph")
        if graph is not None:
            return find_job_posting(graph, depth + 1)
    elif isinstance(obj, list):
        for item in obj:
            found = find_job_posting(item, depth + 1)
            if found is not None:
                return found
    return None


def _span(value: Any) -> tuple[int, int] | None:
    return (value.start, value.end) if isinstance(value, _PosStr) else None


def _country(job: dict[str, Any]) -> Any:
    locs = job.get("jobLocation")
    for loc in locs if isinstance(locs, list) else [locs]:
        if isinstance(loc, dict):
            addr = loc.get("address")
            if isinstance(addr, dict):
                c = addr.get("addressCountry")
                if isinstance(c, dict):
                    c = c.get("name")
                if isinstance(c, str) and c.strip():
                    return c
    return None


def _metadata(job: dict[str, Any], offset: int, posting: Posting) -> None:
    """Copy JobPosting properties into the posting model's metadata keys."""
    def put(key: str, value: Any) -> None:
        if value is None or key in posting.metadata:
            return
        span = _span(value)
        if span is not None:
            span = (span[0] + offset, span[1] + offset)
        posting.metadata[key] = MetaField(key, _plain(value), span, None, "json-ld")

    put("title", job.get("title"))
    put("language", job.get("inLanguage"))
    put("country", _country(job))
    put("date_posted", job.get("datePosted"))
    put("valid_through", job.get("validThrough"))
    put("employment_type", job.get("employmentType"))
    put("salary", job.get("baseSalary"))
    org = job.get("hiringOrganization")
    put("employer", org if isinstance(org, dict) else org)
    if job.get("jobLocationType") == "TELECOMMUTE":
        put("remote", True)
    for key, value in job.items():
        if key not in posting.extra:
            span = _span(value)
            posting.extra[key] = MetaField(key, _plain(value), span and (span[0] + offset, span[1] + offset), None, "json-ld")


def _plain(value: Any) -> Any:
    """Strip position subclasses so values compare and serialise as plain JSON."""
    if isinstance(value, str):
        return str(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def _read_description(job: dict[str, Any], json_text: str, offset: int, posting: Posting) -> list:
    """Parse the description HTML; returns its elements (already in file offsets)."""
    from adlint.readers.html import parse_html

    desc = job.get("description")
    if not isinstance(desc, _PosStr) or not desc.strip():
        return []
    inner = string_map(json_text, desc)
    if offset:
        shifted = TextMap()
        for piece, a, b, lit in inner.pieces():
            shifted.add(piece, a + offset, b + offset, lit)
        inner = shifted
    reader = parse_html(str(desc), outer=inner)
    posting.comments.extend(reader.comments)
    return reader.elements


def apply_embedded(posting: Posting, data: str, offset: int) -> None:
    """Read JSON-LD embedded in an HTML ``<script>`` at file ``offset`` into ``posting``'s metadata."""
    try:
        obj = loads(data)
    except JsonError as exc:
        line, col = LineIndex(posting.source).position(offset + LineIndex(data).offset(exc.line, exc.col))
        posting.problems.append(Problem("parse", f"invalid JSON-LD in <script>: {exc.message}", line, col))
        return
    job = find_job_posting(obj)
    if job is not None:
        posting.jsonld = _plain(job)
        _metadata(job, offset, posting)


def read_jsonld(posting: Posting) -> None:
    """Fill ``posting`` from a JSON-LD file holding a schema.org ``JobPosting``."""
    from adlint.sections import assemble

    text = posting.source
    try:
        obj = loads(text)
    except JsonError as exc:
        posting.problems.append(Problem("parse", f"invalid JSON: {exc.message}", exc.line, exc.col))
        return
    job = find_job_posting(obj)
    if job is None:
        posting.problems.append(Problem(
            "parse", 'not a schema.org JobPosting: no object with "@type": "JobPosting" found', 1, 1))
        return
    posting.jsonld = _plain(job)
    _metadata(job, 0, posting)
    title = job.get("title")
    if isinstance(title, _PosStr) and title.strip():
        tm = string_map(text, title)
        posting.title = TextRun(tm.text, tm)
    elements = _read_description(job, text, 0, posting)
    posting.sections = assemble(elements, len(text))
