"""Linting many files: in this process or in a pool of worker processes, through the result cache.

:func:`run` takes the files to lint (``(display path, real path, bytes or
None)``; ``None`` reads the file) and returns one :class:`FileResult` per
file, in the order given, whatever the number of workers: output with
``--jobs 4`` is the same as with ``--jobs 1``. This process reads every file
and answers what it can from the result cache (:mod:`adlint.cache`); a pool
starts only when two or more files are left to lint and more than one job is
allowed. Each worker builds its own configuration resolver and loads rules
and rule data once, then lints many files.
Ctrl-C stops the pool (workers ignore SIGINT; the parent cancels what has not
started) and raises :class:`KeyboardInterrupt` for the caller to report.
"""

from __future__ import annotations

import os
import signal
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from adlint.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:  # pragma: no cover
    from adlint.config import Config

#: A file to lint: the path it is reported under, where to read it, and its bytes when already read (stdin).
Job = tuple[str, Path, "bytes | None"]
#: A file read and not in the cache: display path, real path, bytes, file size (``None`` for stdin), cache key.
Task = tuple[str, Path, bytes, "int | None", "str | None"]


@dataclass(slots=True)
class FileResult:
    """What linting one file gave: findings, the decoded text (for reporters, when there are findings),
    internal rule errors, the file's fail level, and whether the cache answered."""

    display: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    source: str | None = None
    crashes: list[str] = field(default_factory=list)
    fail_level: Severity = Severity.WARNING
    cached: bool = False


@dataclass(frozen=True, slots=True)
class Settings:
    """How to build the configuration in a worker: the ``ConfigResolver`` arguments, and the cache use."""

    config_file: Path | None
    isolated: bool
    overrides: dict
    cache_folder: Path | None


def default_jobs() -> int:
    """The number of CPUs this process may use (at least 1)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def read_file(display: str, real: Path, data: bytes | None,
              cfg: "Config") -> tuple[bytes | None, int | None, list[Diagnostic] | None]:
    """``(bytes, file size, None)`` of a file to lint (``data`` as given for standard input), or
    ``(None, None, findings)`` when it cannot be read: an AD001 finding says why.

    A file over ``max-file-size`` is read just far enough for the linter to refuse it.
    """
    if data is not None:
        return data, None, None
    try:
        size = real.stat().st_size
        if size > cfg.settings.max_file_size:
            with real.open("rb") as fh:
                return fh.read(cfg.settings.max_file_size + 1), size, None
        return real.read_bytes(), size, None
    except OSError as exc:
        from adlint.linter import lint_posting
        from adlint.posting import Posting, Problem

        posting = Posting(path=display, format="text", readable=False)
        posting.problems.append(Problem("unreadable", f"cannot read file: {exc.strerror}"))
        return None, None, lint_posting(posting, cfg.codes_for(real), cfg).diagnostics


class _Worker:
    """Reads and lints files with one resolver and one cache (one per process)."""

    def __init__(self, settings: Settings) -> None:
        from adlint.cache import ResultCache
        from adlint.config import ConfigResolver

        self.resolver = ConfigResolver(settings.config_file, settings.isolated, settings.overrides)
        self.cache = ResultCache(settings.cache_folder) if settings.cache_folder is not None else None

    def lookup(self, job: Job) -> tuple[FileResult | None, "Task", "Config"]:
        """Read the file and look it up in the cache: ``(result, task, config)``.

        The result is given when the cache answers or the file cannot be read;
        otherwise it is ``None`` and ``task`` is what :meth:`lint` needs.
        """
        display, real, data = job
        cfg = self.resolver.for_path(real)
        data, size, unreadable = read_file(display, real, data, cfg)
        task: Task = (display, real, data or b"", size, None)
        if unreadable is not None:
            return FileResult(display, unreadable, fail_level=cfg.fail_level), task, cfg
        if self.cache is not None:
            key = self.cache.key(display, task[2], cfg, real)
            hit = self.cache.get(key)
            if hit is not None:
                return FileResult(display, hit[0], hit[1], fail_level=cfg.fail_level, cached=True), task, cfg
            task = (display, real, task[2], size, key)
        return None, task, cfg

    def lint(self, task: "Task", cfg: "Config | None" = None) -> FileResult:
        """Lint a file read by :meth:`lookup` (``cfg``: its config when known), and store the result under its key."""
        from adlint.linter import lint_bytes

        display, real, data, size, key = task
        cfg = cfg or self.resolver.for_path(real)
        res = lint_bytes(display, data, cfg, real, file_size=size)
        out = FileResult(display, res.diagnostics, res.posting.source if res.diagnostics and res.posting.source
                         else None, res.crashes, cfg.fail_level)
        if key is not None and self.cache is not None and not res.crashes:
            self.cache.put(key, out.diagnostics, out.source)
        return out


_WORKER: _Worker | None = None


def _init(settings: Settings) -> None:
    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the pool
    _WORKER = _Worker(settings)


def _work(task: "Task") -> FileResult:
    assert _WORKER is not None
    return _WORKER.lint(task)


def run(jobs: list[Job], settings: Settings, workers: int = 1,
        progress: Callable[[FileResult], None] | None = None) -> list[FileResult]:
    """Lint ``jobs``; their results, in order. Files the cache answers are never sent to workers; the rest go to a
    process pool when ``workers`` > 1 and two or more remain.

    ``progress`` is called with each result as it is known. Raises
    ``ConfigError`` when a configuration file is bad (in this process, before
    any pool starts) and :class:`KeyboardInterrupt` on Ctrl-C.
    """
    here = _Worker(settings)
    results: list[FileResult | None] = []
    todo: list[tuple[int, Task, Config]] = []
    for job in jobs:
        res, task, cfg = here.lookup(job)
        results.append(res)
        if res is None:
            todo.append((len(results) - 1, task, cfg))
        elif progress is not None:
            progress(res)
    pool = None
    if workers > 1 and len(todo) > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
        workers = min(workers, len(todo))
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init, initargs=(settings,))
        done = pool.map(_work, [t for _, t, _ in todo], chunksize=max(1, min(32, len(todo) // (workers * 8))))
    else:
        done = (here.lint(t, cfg) for _, t, cfg in todo)
    try:
        for (i, _, _), res in zip(todo, done):
            results[i] = res
            if progress is not None:
                progress(res)
    except BaseException:
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
        raise
    if pool is not None:
        pool.shutdown(wait=True)
    return [r for r in results if r is not None]
