"""The ``adlint`` command line: ``check``, ``rule``, ``rules``, ``inspect``.

Exit codes, as in ruff: 0 when nothing at or above ``fail-level`` was found,
1 when something was, 2 for usage, configuration or internal errors.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence, TextIO

if TYPE_CHECKING:
    from datetime import date

    from adlint.config import Config, ConfigResolver
    from adlint.fixes import FixSession
    from adlint.report import Stream
    from adlint.runner import FileResult

from adlint import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse that exits 2 with a one-line message (its default) and never a traceback."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"adlint: error: {message}\n")


def _day(value: str) -> "date":
    from datetime import date

    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _at_least_one(what: str) -> Callable[[str], int]:
    """An argparse type: an integer of 1 or more, else an error naming ``what``."""
    def parse(value: str) -> int:
        try:
            n = int(value)
        except ValueError:
            n = 0
        if n < 1:
            raise argparse.ArgumentTypeError(f"not {what} (1 or more): {value!r}")
        return n

    return parse


_jobs = _at_least_one("a number of processes")
_positive = _at_least_one("a positive number")


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="adlint", description="A linter for job postings.")
    p.add_argument("--version", action="version", version=f"adlint {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    c = sub.add_parser("check", help="lint postings", description="Lint job postings and report findings.")
    c.add_argument("paths", nargs="*", type=Path, help="files or folders to lint ('-' reads standard input); default: .")
    c.add_argument("--select", type=_csv, help="rules to enable (codes, prefixes, names, ALL), replacing the config's")
    c.add_argument("--extend-select", type=_csv, help="rules to enable in addition")
    c.add_argument("--ignore", type=_csv, help="rules to disable")
    c.add_argument("--output-format", choices=("full", "concise", "json", "json-lines", "github", "gitlab", "sarif",
                                               "junit", "auto"),
                   help="output format (default: full on a terminal, concise otherwise; "
                        "auto: also github under GitHub Actions)")
    c.add_argument("-o", "--output-file", type=Path, help="write the report to this file")
    c.add_argument("--fail-level", choices=("info", "warning", "error"), help="lowest severity that fails (default: warning)")
    c.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings fail (2 stays for errors)")
    c.add_argument("--statistics", action="store_true", help="print the number of findings per rule instead of each one")
    c.add_argument("--config", type=Path, help="use this configuration file for every path")
    c.add_argument("--isolated", action="store_true", help="ignore all configuration files")
    c.add_argument("--stdin-filename", help="path of the posting read from standard input (for config and format)")
    c.add_argument("--stdin-format", choices=("jsonl",),
                   help="read standard input as JSON Lines posting records (implied by a --stdin-filename "
                        "ending in .jsonl or .ndjson)")
    c.add_argument("--baseline", type=Path, metavar="FILE", help="report only findings not recorded in this baseline")
    c.add_argument("--write-baseline", type=Path, metavar="FILE",
                   help="record all current findings in this baseline file and exit 0")
    c.add_argument("--force-exclude", action="store_true", help="apply exclude even to files named explicitly")
    c.add_argument("--max-file-size", type=int,
                   help="bytes; larger files (in JSON Lines: records) are reported, not read")
    c.add_argument("--as-of", type=_day, metavar="YYYY-MM-DD",
                   help="judge pay-transparency laws and expiry dates as on this day (default: today)")
    c.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour output")
    c.add_argument("-j", "--jobs", type=_jobs, metavar="N",
                   help="lint in N processes (default: the number of CPUs; 1 lints in this process)")
    c.add_argument("--no-cache", action="store_true", help="neither read nor write the result cache")
    c.add_argument("--no-progress", action="store_true", help="no progress bar on standard error")
    c.add_argument("--scheduler", metavar="ADDRESS",
                   help="lint on the Dask cluster whose scheduler is at ADDRESS (tcp://HOST:PORT; "
                        "needs the dask extra: pip install 'adlint[dask]')")
    c.add_argument("--batch-size", type=_positive, metavar="N",
                   help="JSON Lines records sent to a worker at a time (default: 64 locally, 500 on Dask)")
    from adlint.fixes import add_arguments as add_fix_arguments

    add_fix_arguments(c)  # --fix, --unsafe-fixes, --diff, --show-fixes, --exit-non-zero-on-fix

    r = sub.add_parser("rule", help="show a rule's documentation", description="Show a rule's documentation.")
    r.add_argument("rule", help="a rule code (AD101) or name (missing-required-section)")
    r.add_argument("--output-format", choices=("text", "json"), default="text")

    rs = sub.add_parser("rules", help="list all rules", description="List all rules.")
    rs.add_argument("--output-format", choices=("text", "json"), default="text")

    i = sub.add_parser("inspect", help="print a posting as adlint reads it (JSON)",
                       description="Print the Posting model of a file as JSON: metadata, sections with canonical ids and positions, blocks.")
    i.add_argument("path", type=Path)
    cl = sub.add_parser("clean", help="remove the result cache")
    cl.add_argument("--config", type=Path, help="use this configuration file (its cache-dir)")
    cl.add_argument("--isolated", action="store_true", help="ignore all configuration files")

    sub.add_parser("server", help="run the language server (LSP over stdio; needs the 'lsp' extra)",
                   description="Run adlint as a language server speaking LSP over standard input and output. "
                               "Needs pygls: pip install 'adlint[lsp]'.")
    return p


def _err(message: str) -> int:
    sys.stderr.write(f"adlint: error: {message}\n")
    return EXIT_ERROR


class _Outcome:
    """What a ``check`` run found, taken in one file (or one JSON Lines record) at a time.

    Findings go through the baseline (``--baseline`` drops known ones,
    ``--write-baseline`` records them instead of reporting them) to the report
    stream, or are counted for ``--statistics``. Only counts are kept, plus
    the findings with a fix in files (for the ``[*]`` hint), so memory does not
    grow with the number of records.
    """

    def __init__(self, report: "Stream | None", statistics: bool, baseline_filter: object = None,
                 baseline_writer: object = None) -> None:
        from collections import Counter

        self.report = report
        self.statistics = statistics
        self.filter = baseline_filter
        self.writer = baseline_writer
        self.counts: Counter[tuple[str, str]] = Counter()
        self.fixable_codes: set[str] = set()
        self.file_fixes: list = []  # findings in files (not records) that have a fix: the [*] hint
        self.findings = 0
        self.files_with: set[str] = set()
        self.records_with = 0
        self.files = 0
        self.records = 0
        self.worst = 0  # the highest severity reported
        self.fail_level: object = None  # the lowest fail level of any file
        self.crashes: list[str] = []

    def add(self, res: "FileResult") -> None:
        """Take one result: a file's, a record's, or the one closing a JSON Lines file."""
        if res.record_line is None:
            self.files += 1
            self.records += res.records
        if self.fail_level is None or res.fail_level < self.fail_level:
            self.fail_level = res.fail_level
        self.crashes.extend(res.crashes)
        diags = res.diagnostics
        if not diags:
            return
        if self.writer is not None:
            self.writer.add(diags, res.source)
            return
        if self.filter is not None:
            diags = self.filter.new(diags, res.source)
            if not diags:
                return
        self.findings += len(diags)
        if res.record_line is None:
            self.files_with.add(res.display)
            self.file_fixes.extend(d for d in diags if d.fix is not None)
        else:
            self.records_with += 1
        self.worst = max(self.worst, max(d.severity for d in diags))
        if self.statistics:
            self.counts.update((d.code, d.name) for d in diags)
            if res.record_line is None:  # records are never fixed in place: no [*] for their findings
                self.fixable_codes.update(d.code for d in diags if d.fix is not None)
        elif self.report is not None:
            self.report.add(diags, res.source)

    def summary(self) -> str:
        """``Found 3 findings in 1 file (1 checked).`` (with records: in how many records, and how many were read)."""
        n = self.findings
        if not self.records:
            f = len(self.files_with)
            return (f"Found {n} finding{'s' if n != 1 else ''} in {f} file{'s' if f != 1 else ''} "
                    f"({self.files} checked).\n")
        where = []
        if self.files_with:
            f = len(self.files_with)
            where.append(f"{f} file{'s' if f != 1 else ''}")
        r = self.records_with
        where.append(f"{r} record{'s' if r != 1 else ''}")
        return (f"Found {n} finding{'s' if n != 1 else ''} in {' and '.join(where)} "
                f"({self.files} file{'s' if self.files != 1 else ''} checked, "
                f"{self.records} record{'s' if self.records != 1 else ''} read).\n")


def _check(args: argparse.Namespace) -> int:
    from adlint.config import ConfigError, ConfigResolver
    from adlint.files import PathNotFound, discover
    from adlint.fixes import FixSession
    from adlint.readers import format_of

    if args.write_baseline and (args.fix or args.diff):
        return _err("--write-baseline records findings as they are; run it without --fix or --diff")
    if args.scheduler and (args.fix or args.diff):
        return _err("--fix and --diff change files here; run them without --scheduler")
    fixer = FixSession.from_args(args)  # None unless --fix or --diff

    as_of = args.as_of
    if args.scheduler and as_of is None:  # remote workers may see another day: judge by this machine's
        from datetime import date

        as_of = date.today()
    overrides = {
        "select": args.select, "extend-select": args.extend_select, "ignore": args.ignore,
        "fail-level": args.fail_level, "output-format": args.output_format, "max-file-size": args.max_file_size,
        "as-of": as_of,
    }
    try:
        resolver = ConfigResolver(args.config, args.isolated, overrides)
    except ConfigError as exc:
        return _err(str(exc))

    paths: list[Path] = args.paths or [Path(".")]
    stdin = [p for p in paths if str(p) == "-"]
    files_paths = [p for p in paths if str(p) != "-"]
    formats: dict[str, str] = {}
    try:
        jobs: list[tuple[str, Path, object]] = []
        if stdin:
            name = args.stdin_filename or "-"
            records = args.stdin_format == "jsonl" or (args.stdin_filename and format_of(name) == "jsonl")
            real = Path(name if args.stdin_filename else ("stdin.jsonl" if records else "stdin.md"))
            # As in ruff: --force-exclude with an excluded --stdin-filename lints nothing.
            if not (args.force_exclude and args.stdin_filename and resolver.for_path(real).is_excluded(real)):
                if records:  # read as a stream, record by record
                    formats[name] = "jsonl"
                    jobs.append((name, real, sys.stdin.buffer))
                else:
                    jobs.append((name, real, sys.stdin.buffer.read()))
        for f in discover(files_paths, resolver, args.force_exclude):
            jobs.append((str(f), f, None))
        base_cfg = resolver.for_path(Path(args.stdin_filename) if stdin and args.stdin_filename else (files_paths[0] if files_paths else Path(".")))
    except PathNotFound as exc:
        return _err(f"no such file or directory: {exc}")
    except ConfigError as exc:
        return _err(str(exc))

    baseline_filter = baseline_writer = None
    if args.write_baseline or args.baseline:
        from adlint import baseline

        try:
            if args.write_baseline:
                baseline_writer = baseline.BaselineWriter(args.write_baseline)
            else:
                baseline_filter = baseline.BaselineFilter(args.baseline, baseline.read_baseline(args.baseline))
        except baseline.BaselineError as exc:
            return _err(str(exc))

    if fixer is not None:
        return _check_fixing(args, fixer, jobs, formats, resolver, base_cfg, baseline_filter, baseline_writer)

    out_file = None
    if args.output_file:
        try:
            out_file = open(args.output_file, "w", encoding="utf-8")
        except OSError as exc:
            return _err(f"cannot write {args.output_file}: {exc.strerror}")
    try:
        out: TextIO = out_file or sys.stdout
        fmt = _format(base_cfg, out)
        report = None
        if not args.statistics:
            from adlint import report as report_mod

            try:
                report = report_mod.stream(fmt, out, _color(args, out))
            except KeyError:
                return _err(f"output format '{fmt}' is not available yet")
        outcome = _Outcome(report, args.statistics, baseline_filter, baseline_writer)

        from adlint import runner
        from adlint.cache import cache_folder

        folder = None if args.no_cache or os.environ.get("ADLINT_NO_CACHE") else cache_folder(base_cfg)
        # Source text travels back from the workers only for the formats that show or hash it.
        keep_source = fmt in ("full", "gitlab", "sarif") or bool(args.baseline or args.write_baseline)
        settings = runner.Settings(args.config, args.isolated, overrides, folder, args.batch_size or 0, keep_source)
        workers = args.jobs if args.jobs is not None else runner.default_jobs()
        remote = None
        if args.scheduler:
            try:
                from adlint.dask import connect
            except ImportError:
                return _err("--scheduler needs the dask extra: pip install 'adlint[dask]'")
            try:
                remote = connect(args.scheduler)
            except Exception as exc:  # unreachable address, version mismatch, workers without adlint
                return _err(str(exc))
        from adlint.progress import bar_for

        progress = bar_for(len(jobs), disabled=args.no_progress, fmt=base_cfg.settings.output_format)
        results = runner.stream(jobs, settings, workers, progress.update if progress else None,  # type: ignore[arg-type]
                                remote=remote, formats=formats)
        try:
            for res in results:
                outcome.add(res)
        except ConfigError as exc:
            return _err(str(exc))
        except KeyboardInterrupt:
            return _err("interrupted")
        except Exception as exc:
            if remote is None:
                raise
            return _err(f"the Dask cluster at {args.scheduler} failed: {type(exc).__name__}: {exc}")
        finally:
            results.close()  # stops the pool at once when the run ends early (a closed pipe, an error)
            if progress is not None:
                progress.close()
            if remote is not None:
                remote.close()
        if report is not None:
            report.close()
        elif args.statistics:
            _write_statistics(outcome, out)
    finally:
        if out_file is not None:
            out_file.close()
    return _finish(args, outcome, fmt, base_cfg, None)


def _format(base_cfg: "Config", out: TextIO) -> str:
    """The output format: configured or given, ``auto`` resolved (github under GitHub Actions, full on a terminal)."""
    fmt = base_cfg.settings.output_format or ("full" if out.isatty() else "concise")
    if fmt == "auto":
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "full" if out.isatty() else "concise"
    return fmt


def _color(args: argparse.Namespace, out: TextIO) -> bool:
    return args.color == "always" or (args.color == "auto" and out is sys.stdout and out.isatty()
                                      and not os.environ.get("NO_COLOR"))


def _finish(args: argparse.Namespace, outcome: _Outcome, fmt: str, base_cfg: "Config", fixer: object) -> int:
    """The summary lines on standard error, the baseline file, and the exit status."""
    if outcome.files == 0 and not outcome.crashes:
        sys.stderr.write("adlint: warning: no postings found under the given paths\n")
    if outcome.writer is not None:
        from adlint import baseline

        try:
            n = outcome.writer.write()
        except baseline.BaselineError as exc:
            return _err(str(exc))
        sys.stderr.write(f"adlint: wrote {n} finding{'s' if n != 1 else ''} to baseline {args.write_baseline}\n")
    diff = fixer is not None and fixer.diff  # type: ignore[attr-defined]
    if fmt in ("full", "concise") and outcome.findings and not args.statistics and not diff:
        sys.stderr.write(outcome.summary())
        if fmt == "full" and fixer is None:
            from adlint.fixes import fix_hint

            sys.stderr.write(fix_hint(outcome.file_fixes))  # "[*] 2 fixable with --fix."
    if fixer is not None:
        fix_exit = fixer.finish(sys.stdout, sys.stderr)  # type: ignore[attr-defined]  # diffs, fixed stdin, what was fixed
        if fix_exit is not None and not outcome.crashes:
            return fix_exit
    for msg in outcome.crashes:
        sys.stderr.write(f"adlint: internal error: {msg}\n  This is a bug in adlint; please report it.\n")
    if outcome.crashes:
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_OK
    level = outcome.fail_level if outcome.fail_level is not None else base_cfg.fail_level
    return EXIT_FINDINGS if outcome.findings and outcome.worst >= level else EXIT_OK


def _check_fixing(args: argparse.Namespace, fixer: "FixSession", jobs: list, formats: dict[str, str],
                  resolver: "ConfigResolver", base_cfg: "Config", baseline_filter: object,
                  baseline_writer: object) -> int:
    """``--fix`` / ``--diff``: in this process, never from the cache; the report is written once all is fixed
    (fixing standard input sends the report to standard error). JSON Lines records are linted, never changed."""
    from adlint.config import ConfigError
    from adlint.runner import FileResult, Settings, is_record_stream, read_file, stream

    results: list[FileResult] = []
    try:
        for display, real, given in jobs:
            cfg = resolver.for_path(real)
            if is_record_stream((display, real, given), formats.get(display)):
                sys.stderr.write(f"adlint: warning: {display}: JSON Lines records are never fixed in place; "
                                 "their findings are reported as they are\n")
                results.extend(stream([(display, real, given)], Settings(args.config, args.isolated,
                                                                          resolver.overrides, None)))
                continue
            data, size, unreadable = read_file(display, real, given, cfg)
            if unreadable is not None:
                results.append(FileResult(display, unreadable, fail_level=cfg.fail_level))
                continue
            res = fixer.lint(display, real, data, cfg, size, given is not None)  # type: ignore[arg-type]
            source = res.posting.source if res.diagnostics and res.posting.source else None
            results.append(FileResult(display, res.diagnostics, source, res.crashes, cfg.fail_level))
    except ConfigError as exc:
        return _err(str(exc))
    except KeyboardInterrupt:
        return _err("interrupted")

    out_file = None
    if args.output_file:
        try:
            out_file = open(args.output_file, "w", encoding="utf-8")
        except OSError as exc:
            return _err(f"cannot write {args.output_file}: {exc.strerror}")
    try:
        out: TextIO = out_file or (sys.stderr if fixer.takes_stdout else sys.stdout)
        fmt = _format(base_cfg, out)
        report = None
        if not fixer.diff and not args.statistics:  # --diff prints only the diff (in fixer.finish)
            from adlint import report as report_mod

            try:
                report = report_mod.stream(fmt, out, _color(args, out))
            except KeyError:
                return _err(f"output format '{fmt}' is not available yet")
        outcome = _Outcome(report, args.statistics, baseline_filter, baseline_writer)
        for res in results:
            outcome.add(res)
        if report is not None:
            report.close()
        elif args.statistics and not fixer.diff:
            _write_statistics(outcome, out)
    finally:
        if out_file is not None:
            out_file.close()
    return _finish(args, outcome, fmt, base_cfg, fixer)


def _write_statistics(outcome: _Outcome, out: TextIO) -> None:
    """``--statistics``: one line per rule: count, code, ``[*]`` when fixable, name; most frequent first."""
    for (code, name), n in sorted(outcome.counts.items(), key=lambda kv: (-kv[1], kv[0])):
        out.write(f"{n:6d}\t{code}\t{'[*] ' if code in outcome.fixable_codes else '    '}{name}\n")


def _rule(args: argparse.Namespace) -> int:
    from adlint import registry
    from adlint.ruledoc import rule_text

    doc = registry.doc(args.rule)  # generated documentation: no rule module imported
    if doc is None:
        return _err(f"unknown rule '{args.rule}'; see 'adlint rules'")
    if args.output_format == "json":
        import json

        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(rule_text(doc))
    return EXIT_OK


def _rules(args: argparse.Namespace) -> int:
    from adlint import registry

    if args.output_format == "json":
        import json

        docs = [registry.doc(code) for code in registry.index()]
        sys.stdout.write(json.dumps(docs, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    for r in registry.index().values():  # the listing imports no rule module
        flags = ("" if r.default_enabled else " (off by default)") + (" [fix]" if r.fixable else "")
        sys.stdout.write(f"{r.code}  {r.name:<34} {r.severity:<8} {r.summary}{flags}\n")
    return EXIT_OK


def _clean(args: argparse.Namespace) -> int:
    from adlint.cache import cache_folder, clear
    from adlint.config import ConfigError, ConfigResolver

    try:
        folder = cache_folder(ConfigResolver(args.config, args.isolated).for_path(Path(".")))
        n = clear(folder)
    except ConfigError as exc:
        return _err(str(exc))
    except OSError as exc:
        return _err(f"cannot remove the cache: {exc}")
    sys.stderr.write(f"adlint: removed {n} cached result{'s' if n != 1 else ''} from {folder}\n" if n
                     else f"adlint: no cache at {folder}\n")
    return EXIT_OK


def _server(args: argparse.Namespace) -> int:
    from adlint.server import run  # pygls is imported there, only now

    return run()


def _inspect(args: argparse.Namespace) -> int:
    import json

    from adlint.config import ConfigError, ConfigResolver
    from adlint.linter import read_posting

    path: Path = args.path
    if not path.is_file():
        return _err(f"no such file: {path}")
    from adlint.readers import format_of

    try:
        cfg = ConfigResolver().for_path(path)
        if format_of(str(path)) == "jsonl":  # one JSON object per record, as read
            return _inspect_records(path, cfg)
        data = path.read_bytes()
    except ConfigError as exc:
        return _err(str(exc))
    except OSError as exc:
        return _err(f"cannot read {path}: {exc.strerror}")
    posting = read_posting(str(path), data, cfg)
    sys.stdout.write(json.dumps(posting.to_dict(), ensure_ascii=False, indent=2, default=str) + "\n")
    return EXIT_OK


def _inspect_records(path: Path, cfg: "Config") -> int:
    """``adlint inspect`` of a JSON Lines file: one line per record, ``{"id", "record_line", ...posting}``."""
    import json

    from adlint.linter import read_record
    from adlint.records import iter_records

    given = cfg.metadata_for(path)
    with path.open("rb") as fh:
        for record in iter_records(fh, cfg.settings.max_file_size):
            posting = read_record(record, str(path), cfg, given)
            doc = {"id": record.id, "record_line": record.line, **posting.to_dict()}
            sys.stdout.write(json.dumps(doc, ensure_ascii=False, default=str) + "\n")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0, 1 or 2)."""
    args = _parser().parse_args(argv)
    if args.command is None:
        _parser().print_help()
        return EXIT_ERROR
    try:
        return {"check": _check, "rule": _rule, "rules": _rules, "inspect": _inspect,
                "server": _server, "clean": _clean}[args.command](args)
    except BrokenPipeError:  # e.g. `adlint check | head`
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return EXIT_OK
    except Exception as exc:  # last resort: never a traceback
        return _err(f"internal error: {type(exc).__name__}: {exc} (this is a bug in adlint; please report it)")
