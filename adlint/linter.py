"""The linter: read → Posting → rules → diagnostics → suppressions and selection.

:func:`lint_bytes` lints one file's content under one :class:`~adlint.config.Config`.
It never raises for bad input. A rule that raises is a bug in adlint: it is
caught and returned in :attr:`Result.crashes` so the CLI can say so and exit 2
while still reporting every other finding.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from adlint.config import Config
from adlint.diagnostics import Diagnostic
from adlint.posting import Posting, Problem


@dataclass
class Result:
    """The outcome of linting one file: the posting, its diagnostics, and any rule crashes."""

    posting: Posting
    diagnostics: list[Diagnostic] = field(default_factory=list)
    crashes: list[str] = field(default_factory=list)


def _apply_defaults(posting: Posting, config: Config, path: Path) -> None:
    """Give the posting the language, country and region the config sets for ``path`` where it declares none.

    See :mod:`adlint.metadata`: the first matching ``[[metadata]]`` table, then
    ``default-language``/``default-country``/``default-region``; the file's own
    values win.
    """
    from adlint import metadata

    metadata.apply(posting, config.metadata_for(path))


def read_posting(display_path: str, data: bytes, config: Config, fmt: str | None = None,
                 file_size: int | None = None, real_path: Path | None = None) -> Posting:
    """Read a posting (size limit from ``config``) and apply the config's metadata for it.

    ``real_path`` (default: ``display_path``) is the path the config's
    ``[[metadata]]`` globs are matched against.

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
        from adlint.genre import is_short

        _apply_defaults(posting, config, real_path or Path(display_path))
        posting.short = is_short(posting, config.settings.short_posting_words)
        posting.board_apply = config.settings.board_apply_button
    return posting


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
               fmt: str | None = None, file_size: int | None = None) -> Result:
    """Lint one file's bytes. ``real_path`` (default: ``display_path``) selects per-file ignores.

    ``file_size``: as in :func:`read_posting`, when ``data`` is only the file's start.
    """
    posting = read_posting(display_path, data, config, fmt, file_size, real_path)
    codes = config.codes_for(real_path or Path(display_path))
    return lint_posting(posting, codes, config)


def lint_text(text: str, path: str = "posting.md", config: Config | None = None) -> Result:
    """Lint a posting given as text (for tests and the language server); default config if none."""
    from adlint.config import resolve

    cfg = config or resolve({}, None, Path.cwd())
    return lint_bytes(path, text.encode("utf-8", "surrogateescape"), cfg)
