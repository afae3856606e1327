"""The linter: read → Posting → rules → diagnostics → suppressions and selection.

:func:`lint_bytes` lints one file's content under one :class:`~adlint.config.Config`.
It never raises for bad input. A rule that raises is a bug in adlint: it is
caught and returned in :attr:`Result.crashes` so the CLI can say so and exit 2
while still reporting every other finding.

:func:`lint_record` lints one record of a JSON Lines file
(:class:`~adlint.records.Record`): its content is read in the record's
format, its ``language``/``country``/``region`` fill the posting's metadata
where the content declares none, and every finding carries the record's id
and line. It takes the file's enabled rules and configured metadata already
worked out (``codes``, ``given``), so it needs no file system: it runs the
same in a worker process or on a Dask worker.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from adlint.config import Config
from adlint.diagnostics import Diagnostic
from adlint.posting import Posting, Problem

if TYPE_CHECKING:  # pragma: no cover
    from adlint.metadata import ConfigValues
    from adlint.records import Record

#: ``Posting.cache`` key holding the record id of a posting read from a JSON Lines record.
RECORD_KEY = "adlint.linter.record"
#: ``MetaField.origin`` of a value given by a record's ``language``/``country``/``region``.
ORIGIN_RECORD = "record"


@dataclass
class Result:
    """The outcome of linting one file: the posting, its diagnostics, and any rule crashes."""

    posting: Posting
    diagnostics: list[Diagnostic] = field(default_factory=list)
    crashes: list[str] = field(default_factory=list)


def read_posting(display_path: str, data: bytes, config: Config, fmt: str | None = None,
                 file_size: int | None = None, real_path: Path | None = None,
                 given: "ConfigValues | None" = None) -> Posting:
    """Read a posting (size limit from ``config``) and apply the config's metadata for it.

    ``real_path`` (default: ``display_path``) is the path the config's
    ``[[metadata]]`` globs are matched against; ``given`` is that metadata
    already worked out (``config.metadata_for(real_path)``), when known.

    ``file_size`` is the file's size in bytes when ``data`` holds only its start
    (the CLI reads no more than the limit allows); by default ``len(data)``.
    """
    from adlint.readers import format_of, read

    size = max(len(data), file_size or 0)
    if size > config.settings.max_file_size:
        posting = Posting(path=display_path, format=fmt or format_of(display_path), readable=False)
        posting.problems.append(Problem(
            "too-large",
            f"file is {size:,} bytes, over max-file-size ({config.settings.max_file_size:,}); not read",
        ))
        return posting
    posting = read(display_path, data, fmt)
    if posting.readable:
        _finish(posting, config, given, real_path or Path(display_path))
    return posting


def _finish(posting: Posting, config: Config, given: "ConfigValues | None", path: Path) -> None:
    """Configured metadata (``given``, else looked up for ``path``), genre and board settings for a read posting."""
    from adlint import metadata
    from adlint.genre import is_short

    metadata.apply(posting, given if given is not None else config.metadata_for(path))
    posting.short = is_short(posting, config.settings.short_posting_words)
    posting.board_apply = config.settings.board_apply_button


def read_content(display_path: str, text: str, fmt: str, config: Config, given: "ConfigValues",
                 values: dict[str, str | None] | None = None, record_id: str | None = None) -> Posting:
    """The posting of source ``text`` already decoded (a record's content, or text given to the API).

    ``fmt`` is its format; ``values`` the ``language``/``country``/``region``
    given beside it, set where the content declares none (origin
    ``"record"``), then ``given`` (the configuration's metadata for
    ``display_path``) as for any file. ``record_id``: the id of the JSON Lines
    record it comes from (AD401/AD406 then say to add the value to the record).
    Content over ``max-file-size`` bytes is refused (AD001), as a file would be.
    """
    from adlint.readers import read_text

    size = len(text.encode("utf-8", "surrogatepass"))
    if size > config.settings.max_file_size:
        posting = Posting(path=display_path, format=fmt, readable=False)
        what = "record's content" if record_id is not None else "text"
        posting.problems.append(Problem(
            "too-large", f"the {what} is {size:,} bytes, over max-file-size ({config.settings.max_file_size:,}); "
                         "not read"))
    else:
        posting = read_text(display_path, text, fmt)
    if record_id is not None:
        posting.cache[RECORD_KEY] = record_id
    if posting.readable:
        from adlint.posting import MetaField

        for key, value in (values or {}).items():
            if value and posting.meta(key) in (None, ""):
                posting.metadata[key] = MetaField(key, value, None, None, ORIGIN_RECORD)
        _finish(posting, config, given, Path(display_path))
    return posting


def read_record(record: "Record", display_path: str, config: Config, given: "ConfigValues") -> Posting:
    """The posting of a JSON Lines record, reported under ``display_path`` (the file's path).

    A broken record gives an unreadable posting with its problem (AD003, or
    AD001 for a record over ``max-file-size``) at the line's column. A good
    one is read in its format by :func:`read_content`, with the record's
    ``language``, ``country`` and ``region``.
    """
    if record.problem is not None:
        posting = Posting(path=display_path, format=record.format or "text", readable=False)
        posting.problems.append(Problem(record.problem_kind, record.problem, 1, record.col))
        posting.cache[RECORD_KEY] = record.id
        return posting
    values = {"language": record.language, "country": record.country, "region": record.region}
    return read_content(display_path, record.content, record.format or "text", config, given, values, record.id)


def lint_record(record: "Record", display_path: str, config: Config, codes: frozenset[str],
                given: "ConfigValues") -> Result:
    """Lint one JSON Lines record; every diagnostic gets the record's id and line.

    ``codes`` are the rules enabled for the file (``config.codes_for(path)``)
    and ``given`` its configured metadata (``config.metadata_for(path)``).
    Positions are relative to the record's content (``result.posting.source``).
    Never raises for bad input; rule crashes are in ``result.crashes``.
    """
    result = lint_posting(read_record(record, display_path, config, given), codes, config)
    for d in result.diagnostics:
        d.record_id = record.id
        d.record_line = record.line
    if result.crashes:
        result.crashes = [f"{c} (record {record.id}, line {record.line})" for c in result.crashes]
    return result


def lint_posting(posting: Posting, codes: frozenset[str], config: Config) -> Result:
    """Run the enabled rules on a posting and apply suppressions and severities."""
    from adlint import registry, suppressions

    result = Result(posting)
    content_ok = posting.readable and not any(p.kind == "empty" for p in posting.problems)
    diags: list[Diagnostic] = []
    for code in sorted(codes):
        rule_cls = registry.rule_class(code)
        if rule_cls is None or (rule_cls.needs_content and not content_ok):
            continue
        rule = rule_cls()
        try:
            diags.extend(rule.check(posting, config.options(code)))
        except Exception as exc:  # a bug in adlint, never the user's fault
            result.crashes.append(f"rule {code} ({rule_cls.name}) failed on {posting.path}: "
                                  f"{type(exc).__name__}: {exc}")

    def make(code: str, span: tuple[int, int], message: str) -> Diagnostic:
        return registry.rule_class(code)().at(posting, span, message)  # type: ignore[misc]

    if content_ok:
        diags = suppressions.apply(posting, diags, codes, make)
    for d in diags:
        d.path = posting.path
        override = config.severities.get(d.code)
        if override is not None:
            d.severity = override
    diags.sort(key=Diagnostic.sort_key)
    result.diagnostics = diags
    return result


def lint_bytes(display_path: str, data: bytes, config: Config, real_path: Path | None = None,
               fmt: str | None = None, file_size: int | None = None, codes: frozenset[str] | None = None,
               given: "ConfigValues | None" = None) -> Result:
    """Lint one file's bytes. ``real_path`` (default: ``display_path``) selects per-file ignores.

    ``file_size``: as in :func:`read_posting`, when ``data`` is only the file's start.
    ``codes`` and ``given``: the enabled rules and configured metadata for the
    file when already worked out (a Dask worker has no access to the paths).
    """
    path = real_path or Path(display_path)
    posting = read_posting(display_path, data, config, fmt, file_size, real_path, given)
    return lint_posting(posting, codes if codes is not None else config.codes_for(path), config)


def lint_text(text: str, path: str = "posting.md", config: Config | None = None) -> Result:
    """Lint a posting given as text (for tests and the language server); default config if none."""
    from adlint.config import resolve

    cfg = config or resolve({}, None, Path.cwd())
    return lint_bytes(path, text.encode("utf-8", "surrogateescape"), cfg)
