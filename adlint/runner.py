"""Linting many files: in this process, in a pool of worker processes or on a Dask cluster, through the result cache.

:func:`stream` takes the files to lint (``(display path, real path, bytes, a
binary stream or None)``; ``None`` reads the file) and yields one
:class:`FileResult` per file, in the order given, whatever the number of
workers: output with ``--jobs 4`` is the same as with ``--jobs 1``. This
process reads every file and answers what it can from the result cache
(:mod:`adlint.cache`); a pool starts only when two or more files are left to
lint and more than one job is allowed. Each worker builds its own
configuration resolver and loads rules and rule data once, then lints many
files. :func:`run` is :func:`stream` collected into a list.

A JSON Lines file (``.jsonl``, ``.ndjson``, or standard input read as
``jsonl``) is read as a stream of records (:mod:`adlint.records`), never
whole, and yields one :class:`FileResult` per record (``record_line`` set),
then one for the file itself (``records``: how many it held). Records go to
the workers in batches of :attr:`Settings.batch_size`, with at most a few
batches per worker in flight, so memory stays flat however long the file is;
results come back in file order. The cache is not used for records.

With a ``remote`` executor (:class:`Remote`, e.g. a Dask cluster:
:mod:`adlint.dask`) the batches go to it instead of a local pool, with the
resolved configuration: remote workers need no access to this machine's files.

Ctrl-C stops the pool (workers ignore SIGINT; the parent cancels what has not
started) and raises :class:`KeyboardInterrupt` for the caller to report.
"""

from __future__ import annotations

import io
import os
import signal
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Callable, Iterable, Iterator, Protocol

from adlint.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:  # pragma: no cover
    from adlint.config import Config
    from adlint.metadata import ConfigValues
    from adlint.records import Record

#: A file to lint: the path it is reported under, where to read it, and its bytes when already read (stdin),
#: or a binary stream to read records from (standard input read as JSON Lines).
Job = tuple[str, Path, "bytes | BinaryIO | None"]
#: A file read and not in the cache: display path, real path, bytes, file size (``None`` for stdin), cache key.
Task = tuple[str, Path, bytes, "int | None", "str | None"]

#: Records per batch sent to a local worker process (large enough to make the hand-over cheap, small enough
#: to share the work evenly).
LOCAL_BATCH = 64
#: Batches in flight per worker: enough to keep each busy while results are written, few enough to keep memory flat.
IN_FLIGHT_PER_WORKER = 4


@dataclass(slots=True)
class FileResult:
    """What linting one file (or one record of a JSON Lines file) gave.

    ``diagnostics``: the findings, in position order; ``source``: the decoded
    text they point into (for reporters, when there are findings); ``crashes``:
    internal rule errors; ``fail_level``: the file's fail level; ``cached``:
    whether the cache answered. For a record, ``record_line`` is its line in
    the file; the result that closes a JSON Lines file has ``record_line``
    ``None`` and ``records`` = the number of records it held.
    """

    display: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    source: str | None = None
    crashes: list[str] = field(default_factory=list)
    fail_level: Severity = Severity.WARNING
    cached: bool = False
    record_line: int | None = None
    records: int = 0


@dataclass(frozen=True, slots=True)
class Settings:
    """How to build the configuration in a worker: the ``ConfigResolver`` arguments, and the cache use.

    ``batch_size``: records per batch (0: :data:`LOCAL_BATCH`, or the remote
    executor's own default); ``keep_source``: send each finding's source text
    back from the workers (needed by ``full`` output, baselines, SARIF and
    GitLab fingerprints; not by ``concise`` or JSON).
    """

    config_file: Path | None
    isolated: bool
    overrides: dict
    cache_folder: Path | None
    batch_size: int = 0
    keep_source: bool = True


class Remote(Protocol):
    """An executor somewhere else (a Dask cluster): runs the module-level batch functions of this module.

    ``submit(fn, *args)`` returns a future (``.result()`` gives ``fn(*args)``
    or raises its error); ``share(obj)`` returns a handle to pass instead of
    ``obj`` in many submissions (sent once); ``window`` is the number of
    batches to keep in flight and ``batch_size`` the records per batch;
    ``cancel(futures)`` drops futures no longer wanted.
    """

    window: int
    batch_size: int

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any: ...

    def share(self, obj: Any) -> Any: ...

    def cancel(self, futures: list[Any]) -> None: ...


def default_jobs() -> int:
    """The number of CPUs this process may use (at least 1)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def is_record_stream(job: Job, fmt: str | None = None) -> bool:
    """True when ``job`` is a JSON Lines file (by ``fmt``, else by its display path's extension) or a stream."""
    from adlint.readers import RECORD_STREAM_FORMATS, format_of

    display, _, data = job
    if data is not None and not isinstance(data, bytes):
        return True
    return (fmt or format_of(display)) in RECORD_STREAM_FORMATS


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
        return None, None, unreadable(display, real, cfg, exc)


def unreadable(display: str, real: Path, cfg: "Config", exc: OSError) -> list[Diagnostic]:
    """The AD001 finding for a file that cannot be opened or read (empty when AD001 is not enabled)."""
    from adlint.linter import lint_posting
    from adlint.posting import Posting, Problem

    posting = Posting(path=display, format="text", readable=False)
    posting.problems.append(Problem("unreadable", f"cannot read file: {exc.strerror or exc}"))
    return lint_posting(posting, cfg.codes_for(real), cfg).diagnostics


# -- pure batch functions: no file system, the same in a worker process and on a Dask worker --------------


def lint_record_batch(config: "Config", codes: frozenset[str], given: "ConfigValues", display: str,
                      batch: list["Record"], keep_source: bool = True) -> list[FileResult]:
    """Lint a batch of records of the JSON Lines file ``display``: one :class:`FileResult` per record, in order.

    ``codes`` and ``given`` are the file's enabled rules and configured
    metadata (``config.codes_for``/``config.metadata_for`` of its path), worked
    out where the file is. Needs nothing but its arguments, so it runs as well
    on a remote worker; rules and rule data load once per process.
    """
    from adlint.linter import lint_record

    out = []
    for record in batch:
        res = lint_record(record, display, config, codes, given)
        source = res.posting.source if keep_source and res.diagnostics and res.posting.source else None
        out.append(FileResult(display, res.diagnostics, source, res.crashes, config.fail_level,
                              record_line=record.line))
    return out


def lint_file_batch(config: "Config", items: list[tuple[str, bytes, "int | None", frozenset[str], "ConfigValues"]],
                    keep_source: bool = True) -> list[FileResult]:
    """Lint files already read, under one configuration: ``items`` are ``(display, bytes, file size, codes, given)``.

    Like :func:`lint_record_batch`, it needs nothing but its arguments.
    """
    from adlint.linter import lint_bytes

    out = []
    for display, data, size, codes, given in items:
        res = lint_bytes(display, data, config, None, file_size=size, codes=codes, given=given)
        source = res.posting.source if keep_source and res.diagnostics and res.posting.source else None
        out.append(FileResult(display, res.diagnostics, source, res.crashes, config.fail_level))
    return out


class _Worker:
    """Reads and lints files with one resolver and one cache (one per process)."""

    def __init__(self, settings: Settings) -> None:
        from adlint.cache import ResultCache
        from adlint.config import ConfigResolver

        self.settings = settings
        self.resolver = ConfigResolver(settings.config_file, settings.isolated, settings.overrides)
        self.cache = ResultCache(settings.cache_folder) if settings.cache_folder is not None else None
        self._file_settings: dict[Path, tuple[frozenset[str], ConfigValues]] = {}

    def lookup(self, job: Job) -> tuple[FileResult | None, "Task", "Config"]:
        """Read the file and look it up in the cache: ``(result, task, config)``.

        The result is given when the cache answers or the file cannot be read;
        otherwise it is ``None`` and ``task`` is what :meth:`lint` needs.
        """
        display, real, data = job
        cfg = self.resolver.for_path(real)
        data, size, unreadable_ = read_file(display, real, data, cfg)  # type: ignore[arg-type]
        task: Task = (display, real, data or b"", size, None)
        if unreadable_ is not None:
            return FileResult(display, unreadable_, fail_level=cfg.fail_level), task, cfg
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

    def file_settings(self, real: Path) -> tuple["Config", frozenset[str], "ConfigValues"]:
        """The config of file ``real`` with its enabled rules and configured metadata (worked out once per file)."""
        cfg = self.resolver.for_path(real)
        got = self._file_settings.get(real)
        if got is None:
            got = self._file_settings[real] = (cfg.codes_for(real), cfg.metadata_for(real))
        return cfg, got[0], got[1]

    def lint_records(self, display: str, real: Path, batch: list["Record"]) -> list[FileResult]:
        """Lint a batch of records of JSON Lines file ``real`` (reported as ``display``)."""
        cfg, codes, given = self.file_settings(real)
        return lint_record_batch(cfg, codes, given, display, batch, self.settings.keep_source)


_WORKER: _Worker | None = None


def _init(settings: Settings) -> None:
    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the pool
    _WORKER = _Worker(settings)


def _work(task: "Task") -> FileResult:
    assert _WORKER is not None
    return _WORKER.lint(task)


def _work_records(args: tuple[str, Path, list["Record"]]) -> list[FileResult]:
    assert _WORKER is not None
    return _WORKER.lint_records(*args)


class _Pool:
    """The local process pool of one run, started on first need and shared by its files and record streams."""

    def __init__(self, settings: Settings, workers: int) -> None:
        self.settings = settings
        self.workers = workers
        self.pool: Any = None

    def get(self, tasks: int) -> Any:
        """The pool (started for at most ``tasks`` workers when it does not exist yet)."""
        if self.pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
            self.pool = ProcessPoolExecutor(max_workers=max(1, min(self.workers, tasks)), mp_context=ctx,
                                            initializer=_init, initargs=(self.settings,))
        return self.pool

    def close(self, abort: bool) -> None:
        """Stop the pool: at once, dropping work not started (``abort``), or after the work in hand."""
        if self.pool is not None:
            self.pool.shutdown(wait=not abort, cancel_futures=abort)
            self.pool = None


def _ordered(futures_of: Iterable[Any], window: int, cancel: Callable[[list[Any]], None]) -> Iterator[Any]:
    """The results of futures, in order, with at most ``window`` in flight (``futures_of`` is consumed lazily)."""
    pending: deque[Any] = deque()
    try:
        for fut in futures_of:
            pending.append(fut)
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        if pending:
            cancel(list(pending))


def _cancel_local(futures: list[Any]) -> None:
    for f in futures:
        f.cancel()


def _chunks(items: Iterator[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def stream(jobs: list[Job], settings: Settings, workers: int = 1,
           progress: Callable[[FileResult], None] | None = None, remote: Remote | None = None,
           formats: dict[str, str] | None = None) -> Iterator[FileResult]:
    """Lint ``jobs`` and yield their results in order (see the module docstring).

    Files the cache answers are never sent to workers; the rest go to a
    process pool when ``workers`` > 1 and two or more remain, or to
    ``remote`` when given. JSON Lines files yield one result per record, then
    one for the file. ``formats`` maps a display path to the format it must be
    read as (``--stdin-format``). ``progress`` is called with each file's
    result (not each record's) as it is known. Raises ``ConfigError`` when a
    configuration file is bad (in this process, before any pool starts) and
    :class:`KeyboardInterrupt` on Ctrl-C.
    """
    here = _Worker(settings)
    pool = _Pool(settings, workers)
    aborted = False
    try:
        files: list[Job] = []
        for job in jobs:
            if is_record_stream(job, (formats or {}).get(job[0])):
                yield from _files(files, here, pool, remote, progress)
                files = []
                yield from _records(job, here, pool, remote, progress)
            else:
                files.append(job)
        yield from _files(files, here, pool, remote, progress)
    except BaseException:
        aborted = True
        pool.close(abort=True)
        raise
    finally:
        if not aborted:
            pool.close(abort=False)


def run(jobs: list[Job], settings: Settings, workers: int = 1,
        progress: Callable[[FileResult], None] | None = None) -> list[FileResult]:
    """Lint ``jobs``; their results, in order (:func:`stream` collected: one result per file, or per record)."""
    return list(stream(jobs, settings, workers, progress))


def _files(jobs: list[Job], here: _Worker, pool: _Pool, remote: Remote | None,
           progress: Callable[[FileResult], None] | None) -> Iterator[FileResult]:
    """Results of ordinary files (one posting each), in order: cache hits here, misses in the pool or remote."""
    if not jobs:
        return
    looked = [here.lookup(job) for job in jobs]
    todo = [(task, cfg) for res, task, cfg in looked if res is None]
    done: Iterator[FileResult]
    if remote is not None and todo:
        done = _remote_files(todo, remote, True)  # sources too: the cache keeps them for `full` output
    elif pool.workers > 1 and len(todo) > 1:
        executor = pool.get(len(todo))
        n = min(pool.workers, len(todo))
        done = executor.map(_work, [t for t, _ in todo], chunksize=max(1, min(32, len(todo) // (n * 8))))
    else:
        done = (here.lint(t, cfg) for t, cfg in todo)
    for res, task, cfg in looked:
        if res is None:
            res = next(done)
            if remote is not None and task[4] is not None and here.cache is not None and not res.crashes:
                here.cache.put(task[4], res.diagnostics, res.source)
        if progress is not None:
            progress(res)
        yield res


def _remote_files(todo: list[tuple["Task", "Config"]], remote: Remote, keep_source: bool) -> Iterator[FileResult]:
    """Results of files linted remotely, in order: batches of files under one configuration."""
    shared: dict[int, Any] = {}

    def futures() -> Iterator[Any]:
        batch: list[tuple[Any, ...]] = []
        batch_cfg: Config | None = None
        for (display, real, data, size, _), cfg in todo:
            if batch and (cfg is not batch_cfg or len(batch) >= 8):
                yield _submit_files(remote, shared, batch_cfg, batch, keep_source)  # type: ignore[arg-type]
                batch = []
            batch_cfg = cfg
            batch.append((display, data, size, cfg.codes_for(real), cfg.metadata_for(real)))
        if batch:
            yield _submit_files(remote, shared, batch_cfg, batch, keep_source)  # type: ignore[arg-type]

    for results in _ordered(futures(), remote.window, remote.cancel):
        yield from results


def _submit_files(remote: Remote, shared: dict[int, Any], cfg: "Config", batch: list[Any], keep_source: bool) -> Any:
    handle = shared.get(id(cfg))
    if handle is None:
        handle = shared[id(cfg)] = remote.share(cfg)
    return remote.submit(lint_file_batch, handle, batch, keep_source)


def _open_records(job: Job) -> tuple[BinaryIO, bool]:
    """The binary stream of a JSON Lines job and whether this run opened it (and must close it). Raises ``OSError``."""
    _, real, data = job
    if data is None:
        return real.open("rb"), True
    if isinstance(data, bytes):
        return io.BytesIO(data), True
    return data, False


def _records(job: Job, here: _Worker, pool: _Pool, remote: Remote | None,
             progress: Callable[[FileResult], None] | None) -> Iterator[FileResult]:
    """Results of the records of one JSON Lines file, in file order, then the file's own result."""
    from adlint.records import iter_records

    display, real, _ = job
    cfg, codes, given = here.file_settings(real)
    try:
        fh, owned = _open_records(job)
    except OSError as exc:
        res = FileResult(display, unreadable(display, real, cfg, exc), fail_level=cfg.fail_level)
        if progress is not None:
            progress(res)
        yield res
        return
    n = 0
    errors: list[Diagnostic] = []
    try:
        records = iter_records(fh, cfg.settings.max_file_size)
        size = here.settings.batch_size or (remote.batch_size if remote is not None else LOCAL_BATCH)
        batches = _chunks(records, size)
        done: Iterator[list[FileResult]]
        if remote is not None:
            handle = remote.share(cfg)
            keep = here.settings.keep_source
            done = _ordered((remote.submit(lint_record_batch, handle, codes, given, display, b, keep) for b in batches),
                            remote.window, remote.cancel)
        elif pool.workers > 1:
            first = next(batches, None)
            second = next(batches, None) if first is not None else None
            if second is None:  # one batch: not worth starting a pool
                done = iter([here.lint_records(display, real, first)] if first else [])
            else:
                executor = pool.get(pool.workers)

                def submitted() -> Iterator[Any]:
                    for b in _prepend([first, second], batches):
                        yield executor.submit(_work_records, (display, real, b))

                done = _ordered(submitted(), pool.workers * IN_FLIGHT_PER_WORKER, _cancel_local)
        else:
            done = (here.lint_records(display, real, b) for b in batches)
        for results in done:
            for res in results:
                n += 1
                yield res
    except OSError as exc:  # the stream broke while being read: said on the file's own result
        errors = unreadable(display, real, cfg, exc)
        for d in errors:
            d.message += f" (after {n:,} records)"
    finally:
        if owned:
            fh.close()
    res = FileResult(display, errors, fail_level=cfg.fail_level, records=n)
    if progress is not None:
        progress(res)
    yield res


def _prepend(first: list[Any], rest: Iterator[Any]) -> Iterator[Any]:
    yield from first
    yield from rest
