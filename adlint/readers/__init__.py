"""Source readers: file bytes to a :class:`~adlint.posting.Posting`, one module per format.

:func:`read` picks the reader by file extension, decodes the bytes
(:mod:`adlint.source`) and never raises for bad input: problems are recorded
on the posting for the AD0xx rules to report.
"""

from __future__ import annotations

import os
from typing import Callable

from adlint.posting import MetaField, Posting, Problem
from adlint.source import decode

#: File extension (lower case, with dot) to format name.
FORMATS = {
    ".md": "markdown", ".markdown": "markdown",
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html",
    ".jsonld": "jsonld", ".json": "jsonld",
    ".yaml": "yaml", ".yml": "yaml",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
}

#: Formats that hold many postings, one record per line (:mod:`adlint.records`), not one posting.
RECORD_STREAM_FORMATS = frozenset(["jsonl"])

#: Formats linted when a directory is walked; ``.json`` and ``.yaml`` only when named or included.
DEFAULT_EXTENSIONS = (".md", ".markdown", ".txt", ".html", ".htm", ".jsonld")

#: Spellings of metadata keys accepted in front matter, mapped to the model's keys.
KEY_ALIASES = {
    "lang": "language", "locale": "language", "inlanguage": "language",
    "country_code": "country", "countrycode": "country",
    "employmenttype": "employment_type", "dateposted": "date_posted", "validthrough": "valid_through",
    "baseSalary": "salary", "basesalary": "salary", "company": "employer",
}


def format_of(path: str) -> str:
    """The format name for ``path`` by its extension; unknown extensions read as plain text."""
    return FORMATS.get(os.path.splitext(path)[1].lower(), "text")


def normalise_metadata(fields: dict[str, MetaField], posting: Posting) -> None:
    """Sort raw metadata fields into ``posting.metadata`` (model keys) and ``posting.extra``."""
    from adlint.posting import METADATA_KEYS

    for key, f in fields.items():
        k = key.strip()
        model_key = k if k in METADATA_KEYS else KEY_ALIASES.get(k, KEY_ALIASES.get(k.lower().replace("-", "_")))
        if model_key is None and k.lower().replace("-", "_") in METADATA_KEYS:
            model_key = k.lower().replace("-", "_")
        if model_key and model_key not in posting.metadata:
            f.key = model_key
            posting.metadata[model_key] = f
        else:
            posting.extra[k] = f


def _reader(fmt: str) -> Callable[[Posting], None]:
    if fmt == "markdown":
        from adlint.readers.markdown import read_markdown
        return read_markdown
    if fmt == "html":
        from adlint.readers.html import read_html
        return read_html
    if fmt == "jsonld":
        from adlint.readers.jsonld import read_jsonld
        return read_jsonld
    if fmt == "yaml":
        from adlint.readers.yamlposting import read_yaml
        return read_yaml
    from adlint.readers.text import read_text
    return read_text


def read(path: str, data: bytes, fmt: str | None = None) -> Posting:
    """Build a :class:`Posting` from a file's bytes.

    ``path`` is used for reports and, unless ``fmt`` is given, to pick the
    format. Never raises for bad input: an undecodable file gives a posting
    with ``readable=False`` and an ``"unreadable"`` problem; a parse error gives
    a ``"parse"`` problem and as much of the posting as could be read. A JSON
    Lines file holds many postings and is read record by record
    (:mod:`adlint.records`); given here whole, it gives a ``"parse"`` problem.
    """
    fmt = fmt or format_of(path)
    posting = Posting(path=path, format=fmt)
    decoded = decode(data)
    if decoded.problem is not None:
        posting.readable = False
        posting.problems.append(decoded.problem)
        return posting
    posting.source = decoded.text
    posting.encoding = decoded.encoding
    return _fill(posting, "file")


def read_text(path: str, text: str, fmt: str) -> Posting:
    """Build a :class:`Posting` from text already decoded: the content of a JSON Lines record.

    ``fmt`` is the format name (``"markdown"``, ``"text"``, ``"html"``,
    ``"jsonld"``, ``"yaml"``). A leading byte-order mark is dropped and each
    lone CR read as LF, as for a file. Never raises for bad input (see :func:`read`).
    """
    from adlint.source import _lines  # the same lone-CR rule as for files

    posting = Posting(path=path, format=fmt)
    posting.source = _lines(text[1:] if text.startswith("\ufeff") else text)
    return _fill(posting, "record")


def _fill(posting: Posting, what: str) -> Posting:
    """Run the format's reader on a posting whose ``source`` is set (``what``: "file" or "record", for messages)."""
    if not posting.source.strip():
        posting.problems.append(Problem("empty", f"the {what} is empty"))
        return posting
    if posting.format in RECORD_STREAM_FORMATS:
        posting.readable = False
        posting.problems.append(Problem("parse", "a JSON Lines file holds one posting per line; "
                                                 "lint it with 'adlint check', which reads it record by record"))
        return posting
    _reader(posting.format)(posting)
    return posting
