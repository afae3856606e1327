"""The Python API: lint postings from your own code (a job board's pipeline, a notebook, a Spark or Dask job).

Everything here is also importable from :mod:`adlint` itself
(``adlint.lint_text``...), loaded on first use: ``import adlint`` stays free.

.. code-block:: python

    import adlint

    config = adlint.load_config()                      # the nearest .adlint.toml, once
    for f in adlint.lint_text("## Role\\n\\nWe need a rockstar.\\n", config=config, language="en"):
        print(f.code, f.line, f.col, f.message)        # AD312 3 11 'rockstar' is a jargon job title; ...

    adlint.lint_record({"id": "job-42", "format": "html", "content": "<p>...</p>", "country": "DE"}, config=config)

Findings are :class:`~adlint.diagnostics.Diagnostic` objects (also exported
as ``adlint.Finding``): ``code`` (``"AD312"``), ``name``, ``severity``
(:class:`~adlint.diagnostics.Severity`, an ``IntEnum``: ``INFO`` < ``WARNING``
< ``ERROR``; ``str()`` gives ``"warning"``), ``message``, ``line``/``col`` and
``end_line``/``end_col`` (1-based, end exclusive, in code points, relative to
the text linted), ``start``/``end`` (0-based offsets into that text),
``suggestion`` and ``fix`` when the rule offers them, ``related`` places, and
for a record ``record_id``/``record_line``. ``finding.to_dict()`` is the
JSON object ``adlint check --output-format json`` prints. Findings come in
position order.

A :class:`~adlint.config.Config` (from :func:`load_config`) is a plain,
picklable object: load it once and pass it to every call, or ship it to
worker processes (Dask, Spark, ``multiprocessing``); unpickled in a fresh
process it lints the same. Bad input is never an exception: it is a finding
(AD001 unreadable or too large, AD003 not a posting, AD005 empty), as on the
command line.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Iterable, Iterator, Mapping

if TYPE_CHECKING:  # pragma: no cover
    from adlint.config import Config
    from adlint.diagnostics import Diagnostic
    from adlint.records import Record

#: The keys of :func:`finding_row`, in order, with their types (a Spark DDL schema: ``", ".join(f"{k} {t}" ...)``).
ROW_FIELDS = (("path", "string"), ("id", "string"), ("record_line", "long"), ("code", "string"), ("name", "string"),
              ("severity", "string"), ("message", "string"), ("line", "int"), ("column", "int"),
              ("end_line", "int"), ("end_column", "int"), ("suggestion", "string"))
#: Formats :func:`lint_text` reads (a JSON Lines record's ``format`` may be any but ``yaml``).
TEXT_FORMATS = ("markdown", "text", "html", "jsonld", "yaml")
_EXTENSIONS = {"markdown": ".md", "text": ".txt", "html": ".html", "jsonld": ".jsonld", "yaml": ".yaml"}


class RuleCrash(RuntimeError):
    """A rule raised an exception (a bug in adlint, never the input's fault).

    ``crashes`` holds one message per failed rule; ``findings`` what the other
    rules found, so a caller may log the bug and still use them.
    """

    def __init__(self, crashes: list[str], findings: list["Diagnostic"]) -> None:
        super().__init__("; ".join(crashes))
        self.crashes = crashes
        self.findings = findings


def load_config(path: str | Path | None = None, *, isolated: bool = False,
                overrides: Mapping[str, Any] | None = None, for_path: str | Path = ".") -> "Config":
    """Load and resolve a configuration, as ``adlint check`` does for one file.

    ``path``: a configuration file (``.adlint.toml``, ``adlint.toml`` or a
    ``pyproject.toml`` with ``[tool.adlint]``), as ``--config``. Without it,
    the nearest configuration file at or above the folder of ``for_path``
    (default: the current folder) is used, or none with ``isolated=True`` (as
    ``--isolated``). ``overrides`` are settings applied on top, with the keys
    of the file (``{"select": ["AD3"], "ignore": ["AD301"], "default-language":
    "en", "as-of": datetime.date(2026, 1, 1)}``; ``_`` may stand for ``-``):
    ``select`` replaces the file's, ``extend-select`` and ``ignore`` add to it.

    Returns a :class:`~adlint.config.Config` (picklable). Raises
    :class:`~adlint.config.ConfigError` (also ``adlint.ConfigError``) for a
    missing or invalid file or a bad override; its message names the file and
    the key.
    """
    from adlint.config import ConfigResolver

    given = {str(k).replace("_", "-"): v for k, v in (overrides or {}).items()}
    if path is not None:
        file = Path(path)
        return ConfigResolver(file, False, given).for_path(file)
    return ConfigResolver(None, isolated, given).for_path(Path(for_path))


def _config(config: "Config | None") -> "Config":
    return config if config is not None else load_config()


def _checked(result: Any) -> list["Diagnostic"]:
    if result.crashes:
        raise RuleCrash(list(result.crashes), result.diagnostics)
    return result.diagnostics


def lint_text(text: str, *, format: str = "markdown", path: str | None = None, config: "Config | None" = None,
              language: str | None = None, country: str | None = None,
              region: str | None = None) -> list["Diagnostic"]:
    """Lint one posting given as text; its findings, in position order.

    ``format``: ``"markdown"`` (default), ``"text"``, ``"html"``, ``"jsonld"``
    or ``"yaml"``. ``path``: the name findings are reported under, and the
    path the configuration's ``per-file-ignores`` and ``[[metadata]]`` globs
    are matched against (default ``posting.md``, ``posting.txt``... by
    format). ``config``: from :func:`load_config` (default: loaded afresh for
    the current folder on each call; pass one for repeated calls).
    ``language`` (BCP 47), ``country`` (ISO 3166-1 alpha-2) and ``region``
    (ISO 3166-2) are used where the text declares none, before the
    configuration's values; they are checked like declared values (AD402,
    AD407).

    Positions are relative to ``text``. Raises ``ValueError`` for an unknown
    format, ``TypeError`` when ``text`` is not a string,
    :class:`~adlint.config.ConfigError` when the default configuration is
    invalid, and :class:`RuleCrash` when a rule fails.
    """
    from adlint.linter import lint_posting, read_content

    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if format not in TEXT_FORMATS:
        raise ValueError(f"unknown format {format!r}; use one of {', '.join(TEXT_FORMATS)}")
    cfg = _config(config)
    shown = path or f"posting{_EXTENSIONS[format]}"
    real = Path(shown)
    posting = read_content(shown, text, format, cfg, cfg.metadata_for(real),
                           {"language": language, "country": country, "region": region})
    return _checked(lint_posting(posting, cfg.codes_for(real), cfg))


def to_record(record: Any, line: int = 1, default_id: str | None = None) -> "Record | None":
    """A :class:`~adlint.records.Record` from a dict (a posting record or a schema.org JobPosting), a JSON
    line (``str`` or UTF-8 ``bytes``) or a ``Record``; ``None`` for a blank line.

    ``line`` is its 1-based line (or position); a record without an id is
    named ``default_id``, by default ``str(line)``. Never raises for bad
    content (a broken record says why); raises ``TypeError`` for another type of value.
    """
    from adlint.records import Record, from_object, parse_line

    if isinstance(record, Record):
        return record
    if isinstance(record, Mapping):
        return from_object(dict(record), line, None, default_id)
    if isinstance(record, (str, bytes)):
        return parse_line(record, line, default_id)
    raise TypeError(f"a record is a dict, a JSON line (str or bytes) or a Record, not {type(record).__name__}")


def lint_record(record: Any, *, config: "Config | None" = None, line: int = 1,
                path: str = "records.jsonl") -> list["Diagnostic"]:
    """Lint one JSON Lines record; its findings, in position order, each with ``record_id`` and ``record_line``.

    ``record``: a dict, either a posting record ``{"id": "job-42", "format":
    "markdown" | "text" | "html" | "jsonld", "content": "...", "language"?,
    "country"?, "region"?}`` or a schema.org ``JobPosting`` object (linted as
    JSON-LD, serialised with ``json.dumps``); or one JSON line (``str`` or
    ``bytes``); or a :class:`~adlint.records.Record`. ``line``: its line number
    (the id of a record without one, and ``record_line``). ``path``: the name
    of the file it belongs to (reported as ``path``; matched by the
    configuration's globs). A broken record (no content, unknown format, not
    JSON) gives one AD003 finding, not an exception; a blank line gives none.

    Positions are relative to the record's content. Raises ``TypeError`` for
    a value of another type, :class:`~adlint.config.ConfigError` when the
    default configuration is invalid, and :class:`RuleCrash` when a rule fails.
    """
    rec = to_record(record, line)
    if rec is None:
        return []
    from adlint.linter import lint_record as lint_one

    cfg = _config(config)
    real = Path(path)
    return _checked(lint_one(rec, path, cfg, cfg.codes_for(real), cfg.metadata_for(real)))


def lint_records(records: Iterable[Any], *, config: "Config | None" = None,
                 path: str = "records.jsonl") -> Iterator["Diagnostic"]:
    """Lint many records (as in :func:`lint_record`); yields their findings, record after record.

    The n-th item is line n (from 1). Items are taken one at a time, so an
    iterator over a database cursor or a file keeps memory flat. Same errors
    as :func:`lint_record`.
    """
    from adlint.linter import lint_record as lint_one

    cfg = _config(config)
    real = Path(path)
    codes, given = cfg.codes_for(real), cfg.metadata_for(real)
    for n, item in enumerate(records, 1):
        rec = to_record(item, n)
        if rec is not None:
            yield from _checked(lint_one(rec, path, cfg, codes, given))


def finding_row(finding: "Diagnostic") -> dict[str, Any]:
    """A finding as one flat row for tables (pandas, Spark, SQL): the keys of :data:`ROW_FIELDS`, in order.

    ``severity`` is ``"info"``, ``"warning"`` or ``"error"``; ``line``,
    ``column``, ``end_line``, ``end_column`` are 1-based (end exclusive),
    relative to the record's content; ``id``, ``record_line`` and
    ``suggestion`` are ``None`` when absent. Fixes and related places are left out.
    """
    f = finding
    return {"path": f.path, "id": f.record_id, "record_line": f.record_line, "code": f.code, "name": f.name,
            "severity": str(f.severity), "message": f.message, "line": f.line, "column": f.col,
            "end_line": f.end_line, "end_column": f.end_col, "suggestion": f.suggestion}


def read_records(stream: BinaryIO, max_bytes: int | None = None) -> Iterator["Record"]:
    """The records of a JSON Lines binary stream (``open(path, "rb")``), one line at a time.

    See :func:`adlint.records.iter_records`: blank lines are skipped, broken
    lines are records with ``problem`` set, a line over ``max_bytes`` bytes is
    skipped unread. Raises only what reading the stream raises (``OSError``).
    """
    from adlint.records import iter_records

    return iter_records(stream, max_bytes)
