"""JSON Lines postings: one posting record per line, read as a stream.

A ``.jsonl`` / ``.ndjson`` file (or standard input with ``--stdin-format
jsonl``) holds one JSON object per line, in one of two shapes:

* a *posting record*::

      {"id": "job-42", "format": "markdown", "content": "## Role\\n...",
       "language": "en", "country": "GB", "region": "GB-ENG"}

  ``format`` is one of :data:`RECORD_FORMATS` and ``content`` the posting's
  source text in that format (a JSON string). ``id`` (a string or an integer)
  and ``language``/``country``/``region`` (strings) are optional; other keys
  (``title``, ``url``, database columns) are ignored.
* a schema.org ``JobPosting`` object (``{"@context": "https://schema.org",
  "@type": "JobPosting", ...}``), linted as JSON-LD: its content is the line
  itself, so in-content positions are columns of the line. Its id is its
  ``identifier`` (a string or number, or a ``PropertyValue``'s ``value``),
  else its ``@id``, else its ``url``.

A record without an id is named by its 1-based line number (as a string).
:func:`iter_records` reads a binary stream line by line and never holds more
than one line: memory does not grow with the file. Blank lines are skipped. A
line that is not a posting (not UTF-8, not JSON, not an object, no
``content``, an unknown ``format``, a value of the wrong type) gives a
:class:`Record` with :attr:`Record.problem` set, which the linter reports as
AD003 for that line; a line longer than ``max-file-size`` bytes is skipped
unread and reported as AD001. Nothing here raises for bad input.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, BinaryIO, Iterator

#: The values ``format`` may take in a posting record.
RECORD_FORMATS = ("markdown", "text", "html", "jsonld")
#: The record keys that fill the posting's metadata when its content declares none.
METADATA_FIELDS = ("language", "country", "region")
#: Bytes read at a time while skipping the rest of a line that is too long.
_SKIP_CHUNK = 1 << 20
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(slots=True)
class Record:
    """One line of a JSON Lines file: a posting to lint, or why the line is not one.

    Attributes:
        id: the record's id as a string: its ``id`` (posting record) or
            ``identifier``/``@id``/``url`` (JobPosting), else ``str(line)``.
        line: 1-based line number in the file (or position in a sequence).
        format: ``"markdown"``, ``"text"``, ``"html"`` or ``"jsonld"``; ``None`` when broken.
        content: the posting's source text; positions of findings are relative to it.
        language, country, region: metadata given by the record (``None`` when absent).
        problem: why the line is not a posting (``None`` for a good record).
        problem_kind: ``"parse"`` (reported as AD003) or ``"too-large"`` (AD001).
        col: 1-based column of the problem within the line (JSON syntax errors), else 1.
    """

    id: str
    line: int
    format: str | None = None
    content: str = ""
    language: str | None = None
    country: str | None = None
    region: str | None = None
    problem: str | None = None
    problem_kind: str = "parse"
    col: int = 1

    @property
    def broken(self) -> bool:
        """True when the line is not a posting (:attr:`problem` says why)."""
        return self.problem is not None

    @classmethod
    def bad(cls, line: int, problem: str, *, id: str | None = None, col: int = 1,
            kind: str = "parse") -> "Record":
        """A broken record at ``line`` (named ``id``, default the line number)."""
        return cls(id if id is not None else str(line), line, problem=problem, problem_kind=kind, col=col)


def _text(value: str) -> str:
    """``value`` with unpaired surrogates (from ``"\\ud800"`` escapes) as U+FFFD: valid Unicode text."""
    return _SURROGATE.sub("\ufffd", value) if _SURROGATE.search(value) else value


def _id_value(value: Any) -> str | None:
    """An id from a JSON value: a non-empty string, or an integer; ``None`` otherwise."""
    if isinstance(value, str) and value.strip():
        return _text(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


def jobposting_id(obj: dict[str, Any]) -> str | None:
    """The id of a schema.org JobPosting object: ``identifier`` (string, integer or
    ``PropertyValue.value``), else ``@id``, else ``url``; ``None`` when it has none of them."""
    ident = obj.get("identifier")
    if isinstance(ident, list):
        ident = ident[0] if ident else None
    if isinstance(ident, dict):
        ident = ident.get("value")
    for value in (ident, obj.get("@id"), obj.get("url")):
        got = _id_value(value)
        if got is not None:
            return got
    return None


def _kind(value: Any) -> str:
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean", int: "a number",
            float: "a number"}.get(type(value), "null" if value is None else type(value).__name__)


def from_object(obj: Any, line: int, text: str | None = None, default_id: str | None = None) -> Record:
    """The record for a decoded JSON value ``obj`` found at ``line``.

    ``text`` is the JSON text ``obj`` was read from; a JobPosting object is
    linted as that text (as written, so positions are columns of the line).
    Without it the object is serialised with :func:`json.dumps` (no ASCII
    escaping). ``default_id`` names a record that has no id (default: the
    line number). Never raises: a value that is not a posting gives a broken record.
    """
    fallback = default_id if default_id is not None else str(line)
    if not isinstance(obj, dict):
        return Record.bad(line, f"a record must be a JSON object, not {_kind(obj)}", id=fallback)
    if "content" not in obj and "format" not in obj:
        from adlint.readers.jsonld import find_job_posting

        if any(k in obj for k in ("@type", "@context", "@graph")):
            rid = jobposting_id(find_job_posting(obj) or obj)
            content = text if text is not None else json.dumps(obj, ensure_ascii=False)
            return Record(rid if rid is not None else fallback, line, "jsonld", _text(content))
        return Record.bad(line, "not a posting record: no 'content' (with 'format'), and not a schema.org "
                                'JobPosting object (no "@type")', id=_id_value(obj.get("id")) or fallback)
    raw_id = obj.get("id")
    rid = _id_value(raw_id)
    if raw_id is not None and rid is None and raw_id != "":
        return Record.bad(line, f"'id' must be a string or an integer, not {_kind(raw_id)}", id=fallback)
    rid = rid if rid is not None else fallback
    fmt = obj.get("format")
    if fmt is None:
        return Record.bad(line, f"the record has no 'format' (one of {', '.join(RECORD_FORMATS)})", id=rid)
    if not isinstance(fmt, str) or fmt not in RECORD_FORMATS:
        shown = repr(_text(fmt)) if isinstance(fmt, str) else _kind(fmt)
        return Record.bad(line, f"unknown format {shown}; use one of {', '.join(RECORD_FORMATS)}", id=rid)
    content = obj.get("content")
    if content is None:
        return Record.bad(line, "the record has no 'content'", id=rid)
    if not isinstance(content, str):
        return Record.bad(line, f"'content' must be a string, not {_kind(content)}", id=rid)
    meta: dict[str, str | None] = {}
    for key in METADATA_FIELDS:
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            return Record.bad(line, f"'{key}' must be a string, not {_kind(value)}", id=rid)
        meta[key] = _text(value) if value else None
    return Record(rid, line, fmt, _text(content), **meta)


def parse_line(raw: bytes | str, line: int, default_id: str | None = None) -> Record | None:
    """The record on one line of a JSON Lines file (its line ending may be included).

    Returns ``None`` for a blank line; a broken record when the line is not
    UTF-8 or not JSON (with the column of the JSON error). A UTF-8 byte-order
    mark at the start of line 1 is ignored. ``default_id``: as in :func:`from_object`.
    """
    if isinstance(raw, bytes):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            col = len(raw[:exc.start].decode("utf-8", "replace")) + 1
            return Record.bad(line, f"not UTF-8 (byte {raw[exc.start:exc.start + 1].hex()} at column {col}); "
                                    "JSON Lines files are UTF-8", col=col, id=default_id)
    else:
        text = raw
    if line == 1 and text.startswith("\ufeff"):
        text = text[1:]
    text = text.rstrip("\r\n")
    if not text.strip():
        return None
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        return Record.bad(line, f"not JSON: {exc.msg}", col=exc.colno if exc.lineno == 1 else 1, id=default_id)
    except RecursionError:
        return Record.bad(line, "not a posting: JSON nested too deeply to read", id=default_id)
    return from_object(obj, line, text, default_id)


def iter_records(stream: BinaryIO, max_bytes: int | None = None) -> Iterator[Record]:
    """Yield the records of a JSON Lines stream, in order, reading one line at a time.

    ``stream`` is a binary file object (``open(path, "rb")``, ``sys.stdin.buffer``).
    ``max_bytes``: a line longer than this many bytes (its line ending not
    counted) is skipped without being held in memory and given as a broken
    record of kind ``"too-large"`` (AD001). Raises only what reading the
    stream raises (``OSError``).
    """
    limit = max_bytes + 2 if max_bytes else -1  # room for the line ending ("\r\n")
    n = 0
    while True:
        raw = stream.readline(limit)
        if not raw:
            return
        n += 1
        if max_bytes and len(raw.rstrip(b"\r\n")) > max_bytes:
            size = len(raw)
            while not raw.endswith(b"\n"):
                raw = stream.readline(_SKIP_CHUNK)
                if not raw:
                    break
                size += len(raw)
            size -= 2 if raw.endswith(b"\r\n") else 1 if raw.endswith(b"\n") else 0
            yield Record.bad(n, f"the record is {size:,} bytes, over max-file-size ({max_bytes:,}); not read",
                             kind="too-large")
            continue
        rec = parse_line(raw, n)
        if rec is not None:
            yield rec
