"""The ``adlint`` command line: ``check``, ``rule``, ``rules``, ``inspect``.

Exit codes, as in ruff: 0 when nothing at or above ``fail-level`` was found,
1 when something was, 2 for usage, configuration or internal errors.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Sequence, TextIO

if TYPE_CHECKING:
    from datetime import date

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


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"not a number of processes (1 or more): {value!r}")
    return n


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
    c.add_argument("--baseline", type=Path, metavar="FILE", help="report only findings not recorded in this baseline")
    c.add_argument("--write-baseline", type=Path, metavar="FILE",
                   help="record all current findings in this baseline file and exit 0")
    c.add_argument("--force-exclude", action="store_true", help="apply exclude even to files named explicitly")
    c.add_argument("--max-file-size", type=int, help="bytes; larger files are reported, not read")
    c.add_argument("--as-of", type=_day, metavar="YYYY-MM-DD",
                   help="judge pay-transparency laws and expiry dates as on this day (default: today)")
    c.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour output")
    c.add_argument("-j", "--jobs", type=_jobs, metavar="N",
                   help="lint in N processes (default: the number of CPUs; 1 lints in this process)")
    c.add_argument("--no-cache", action="store_true", help="neither read nor write the result cache")
    c.add_argument("--no-progress", action="store_true", help="no progress bar on standard error")
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


def _check(args: argparse.Namespace) -> int:
    from adlint.config import ConfigError, ConfigResolver
    from adlint.diagnostics import Diagnostic
    from adlint.files import PathNotFound, discover
    from adlint.fixes import FixSession

    if args.write_baseline and (args.fix or args.diff):
        return _err("--write-baseline records findings as they are; run it without --fix or --diff")
    fixer = FixSession.from_args(args)  # None unless --fix or --diff

    overrides = {
        "select": args.select, "extend-select": args.extend_select, "ignore": args.ignore,
        "fail-level": args.fail_level, "output-format": args.output_format, "max-file-size": args.max_file_size,
        "as-of": args.as_of,
    }
    try:
        resolver = ConfigResolver(args.config, args.isolated, overrides)
    except ConfigError as exc:
        return _err(str(exc))

    paths: list[Path] = args.paths or [Path(".")]
    stdin = [p for p in paths if str(p) == "-"]
    files_paths = [p for p in paths if str(p) != "-"]
    diagnostics: list[Diagnostic] = []
    sources: dict[str, str] = {}
    crashes: list[str] = []
    fail_levels = []
    count = 0
    try:
        jobs: list[tuple[str, Path, bytes | None]] = []
        if stdin:
            name = args.stdin_filename or "-"
            data_in = sys.stdin.buffer.read()
            # As in ruff: --force-exclude with an excluded --stdin-filename lints nothing.
            if not (args.force_exclude and args.stdin_filename
                    and resolver.for_path(Path(name)).is_excluded(Path(name))):
                jobs.append((name, Path(name if args.stdin_filename else "stdin.md"), data_in))
        for f in discover(files_paths, resolver, args.force_exclude):
            jobs.append((str(f), f, None))
        base_cfg = resolver.for_path(Path(args.stdin_filename) if stdin and args.stdin_filename else (files_paths[0] if files_paths else Path(".")))
        if fixer is not None:  # fixes change files: in this process, never from the cache
            from adlint.runner import read_file

            for display, real, given in jobs:
                cfg = resolver.for_path(real)
                fail_levels.append(cfg.fail_level)
                data, size, unreadable = read_file(display, real, given, cfg)
                count += 1
                if unreadable is not None:
                    diagnostics.extend(unreadable)
                    continue
                from_stdin = given is not None
                res = fixer.lint(display, real, data, cfg, size, from_stdin)
                diagnostics.extend(res.diagnostics)
                crashes.extend(res.crashes)
                if res.diagnostics and res.posting.source:
                    sources[display] = res.posting.source
        else:
            from adlint import runner
            from adlint.cache import cache_folder

            folder = None if args.no_cache or os.environ.get("ADLINT_NO_CACHE") else cache_folder(base_cfg)
            settings = runner.Settings(args.config, args.isolated, overrides, folder)
            workers = args.jobs if args.jobs is not None else runner.default_jobs()
            from adlint.progress import bar_for

            progress = bar_for(len(jobs), disabled=args.no_progress, fmt=base_cfg.settings.output_format)
            try:
                for res in runner.run(jobs, settings, workers, progress.update if progress else None):
                    count += 1
                    fail_levels.append(res.fail_level)
                    diagnostics.extend(res.diagnostics)
                    crashes.extend(res.crashes)
                    if res.source:
                        sources[res.display] = res.source
            finally:
                if progress is not None:
                    progress.close()
    except PathNotFound as exc:
        return _err(f"no such file or directory: {exc}")
    except ConfigError as exc:
        return _err(str(exc))
    except KeyboardInterrupt:
        return _err("interrupted")

    if count == 0 and not crashes:
        sys.stderr.write("adlint: warning: no postings found under the given paths\n")

    if args.write_baseline or args.baseline:
        from adlint import baseline

        try:
            if args.write_baseline:
                n = baseline.write_baseline(args.write_baseline, diagnostics, sources)
                sys.stderr.write(f"adlint: wrote {n} finding{'s' if n != 1 else ''} to baseline {args.write_baseline}\n")
                diagnostics = []  # all of them are in the baseline now: the run passes (2 stays for errors)
            else:
                diagnostics = baseline.filter_new(args.baseline, diagnostics, sources,
                                                  baseline.read_baseline(args.baseline))
        except baseline.BaselineError as exc:
            return _err(str(exc))

    out: TextIO
    out_file = None
    if args.output_file:
        try:
            out_file = open(args.output_file, "w", encoding="utf-8")
        except OSError as exc:
            return _err(f"cannot write {args.output_file}: {exc.strerror}")
        out = out_file
    else:
        out = sys.stderr if fixer is not None and fixer.takes_stdout else sys.stdout
    color = args.color == "always" or (args.color == "auto" and out is sys.stdout and out.isatty()
                                       and not os.environ.get("NO_COLOR"))
    fmt = base_cfg.settings.output_format or ("full" if out.isatty() else "concise")
    if fmt == "auto":  # github under GitHub Actions, full on a terminal, concise otherwise
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "full" if out.isatty() else "concise"
    try:
        if fixer is not None and fixer.diff:
            pass  # --diff prints only the diff (in fixer.finish)
        elif args.statistics:
            _statistics(diagnostics, out)
        else:
            from adlint import report

            try:
                writer = report.get(fmt)
            except KeyError:
                return _err(f"output format '{fmt}' is not available yet")
            writer(diagnostics, sources, out, color)
            if fmt in ("full", "concise") and diagnostics:
                n = len(diagnostics)
                files = len({d.path for d in diagnostics})
                sys.stderr.write(f"Found {n} finding{'s' if n != 1 else ''} in {files} file{'s' if files != 1 else ''} "
                                 f"({count} checked).\n")
                if fmt == "full" and fixer is None:
                    from adlint.fixes import fix_hint

                    sys.stderr.write(fix_hint(diagnostics))  # "[*] 2 fixable with --fix."
    finally:
        if out_file is not None:
            out_file.close()

    if fixer is not None:
        fix_exit = fixer.finish(sys.stdout, sys.stderr)  # diffs, fixed stdin, what was fixed
        if fix_exit is not None and not crashes:
            return fix_exit
    for msg in crashes:
        sys.stderr.write(f"adlint: internal error: {msg}\n  This is a bug in adlint; please report it.\n")
    if crashes:
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_OK
    level = min(fail_levels) if fail_levels else base_cfg.fail_level
    return EXIT_FINDINGS if any(d.severity >= level for d in diagnostics) else EXIT_OK


def _statistics(diagnostics: list, out: TextIO) -> None:
    from collections import Counter

    counts = Counter((d.code, d.name) for d in diagnostics)
    fixable = {d.code for d in diagnostics if d.fix is not None}
    for (code, name), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        out.write(f"{n:6d}\t{code}\t{'[*] ' if code in fixable else '    '}{name}\n")


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
    try:
        cfg = ConfigResolver().for_path(path)
        data = path.read_bytes()
    except ConfigError as exc:
        return _err(str(exc))
    except OSError as exc:
        return _err(f"cannot read {path}: {exc.strerror}")
    posting = read_posting(str(path), data, cfg)
    sys.stdout.write(json.dumps(posting.to_dict(), ensure_ascii=False, indent=2, default=str) + "\n")
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
