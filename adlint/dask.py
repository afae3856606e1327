"""adlint on a Dask cluster: ``adlint check --scheduler tcp://HOST:PORT``, and :func:`lint_bag` for your own pipelines.

Needs the ``dask`` extra (``pip install 'adlint[dask]'``: ``dask`` and
``distributed``) here and on every worker, with the same adlint version: the
workers run adlint's own functions (:func:`adlint.runner.lint_record_batch`),
which rules and rule data they load once per worker process and keep.

``--scheduler``: :func:`connect` gives the runner a :class:`DaskRemote`. The
configuration is resolved here, on the machine that runs ``adlint check``
(the nearest ``.adlint.toml``, ``--select``...), and sent to each worker once;
files are read here; records are cut into batches (``--batch-size``, default
:data:`BATCH_SIZE`) and sent to the workers, a few per worker thread in
flight, and their results are gathered in file order, so the report is
exactly the one a local run writes. Workers need no access to the files or
the configuration, only user rule packs (``rule-packs``) at the same paths.

:func:`lint_bag`: a ``dask.bag.Bag`` of records (dicts or JSON lines) in, a
bag of finding dicts out, partition by partition, lazily.

``import adlint.dask`` imports dask; nothing else in adlint does.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

import dask
import dask.bag as db

from adlint import __version__

if TYPE_CHECKING:  # pragma: no cover
    from adlint.config import Config

#: Records per task sent to a Dask worker (about 4 s of work at ~8 ms a record).
BATCH_SIZE = 500
#: Batches in flight per worker thread.
IN_FLIGHT_PER_THREAD = 2


def _worker_version() -> str:
    """adlint's version on a worker (run there by :func:`connect`)."""
    import adlint

    return adlint.__version__


class DaskRemote:
    """The runner's :class:`~adlint.runner.Remote` on a ``distributed.Client``: submits batches, shares the config.

    ``window`` is :data:`IN_FLIGHT_PER_THREAD` per worker thread (at least 2);
    ``batch_size`` the records per task.
    """

    def __init__(self, client: Any, batch_size: int = BATCH_SIZE) -> None:
        self.client = client
        self.batch_size = batch_size
        threads = sum(client.nthreads().values())
        self.window = max(2, IN_FLIGHT_PER_THREAD * threads)

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Run ``fn(*args)`` on a worker; a ``distributed.Future``."""
        return self.client.submit(fn, *args, pure=False)

    def share(self, obj: Any) -> Any:
        """Send ``obj`` to every worker once; a future to pass in its place."""
        return self.client.scatter(obj, broadcast=True, hash=False)

    def cancel(self, futures: list[Any]) -> None:
        """Drop futures whose results are no longer wanted."""
        self.client.cancel(futures)

    def close(self) -> None:
        """Disconnect from the scheduler (the cluster keeps running)."""
        self.client.close()


def connect(address: str, *, batch_size: int = BATCH_SIZE, worker_timeout: float = 60) -> DaskRemote:
    """Connect to the Dask scheduler at ``address`` (``tcp://HOST:PORT``) for ``adlint check --scheduler``.

    Waits up to ``worker_timeout`` seconds for a worker, then checks that every
    worker runs this adlint version. Raises ``RuntimeError`` with a message for
    the user when the scheduler cannot be reached (after dask's connect
    timeout, ``distributed.comm.timeouts.connect``, 30 s by default), when no
    worker joins, or when a worker cannot import adlint or runs another version.
    """
    from distributed import Client

    try:
        client = Client(address, set_as_default=False)
    except Exception as exc:  # OSError, TimeoutError, ValueError for a malformed address
        raise RuntimeError(f"cannot connect to the Dask scheduler at {address}: {exc}") from None
    try:
        try:
            client.wait_for_workers(1, timeout=worker_timeout)
        except Exception:
            raise RuntimeError(f"no Dask worker joined the scheduler at {address} within {worker_timeout:g} s") from None
        try:
            versions = client.run(_worker_version)
        except Exception as exc:
            raise RuntimeError(f"the Dask workers at {address} cannot run adlint ({type(exc).__name__}: {exc}); "
                               f"install adlint {__version__} with its dask extra on every worker") from None
        other = {v for v in versions.values() if v != __version__}
        if other:
            raise RuntimeError(f"the Dask workers at {address} run adlint {', '.join(sorted(other))}, this is "
                               f"{__version__}: install the same version on every worker")
    except BaseException:
        client.close()
        raise
    return DaskRemote(client, batch_size)


# -- lint_bag --------------------------------------------------------------------------------------------


def _lint_partition(items: Any, config: "Config", codes: frozenset[str], given: Any, path: str,
                    partition: int, keep_source: bool) -> list[dict[str, Any]]:
    """Lint one partition's records; their findings as dicts (see :func:`lint_bag`)."""
    from adlint.api import RuleCrash, to_record
    from adlint.runner import lint_record_batch

    records = []
    for j, item in enumerate(items, 1):
        rec = to_record(item, j, f"{partition}:{j}")
        if rec is not None:
            records.append(rec)
    out: list[dict[str, Any]] = []
    for res in lint_record_batch(config, codes, given, path, records, keep_source):
        if res.crashes:
            raise RuleCrash(res.crashes, res.diagnostics)
        for d in res.diagnostics:
            row = d.to_dict()
            row["partition"] = partition
            if keep_source:
                row["source"] = res.source
            out.append(row)
    return out


def lint_bag(records: "db.Bag", config: "Config | None" = None, *, path: str = "records.jsonl",
             keep_source: bool = False) -> "db.Bag":
    """Lint a bag of records on Dask; a bag of findings (dicts), lazily, partition by partition.

    ``records``: a ``dask.bag.Bag`` whose items are posting records or
    schema.org JobPosting objects (dicts), or JSON lines (``str``/``bytes``,
    e.g. ``dask.bag.read_text("s3://bucket/postings-*.jsonl")``); for a dask
    DataFrame with the record columns, pass ``df.to_bag(format="dict")``.
    ``config``: from :func:`adlint.load_config` (default: the configuration
    for ``path`` here), sent to the workers once. ``path``: the name findings
    are reported under, also matched by the configuration's
    ``per-file-ignores`` and ``[[metadata]]`` globs.

    Each finding is the JSON object of ``adlint check --output-format json``
    (``path``, ``id``, ``record_line``, ``code``, ``name``, ``severity``,
    ``message``, ``location``, ``end_location``...) plus ``partition``, the
    number of the partition it comes from. ``record_line`` is the record's
    1-based position in its partition; a record without an id is named
    ``"<partition>:<position>"``. With ``keep_source``, ``source`` holds the
    record's content as read (what positions point into). Findings come in
    record order within each partition, partitions in order.

    Computing the bag raises :class:`adlint.api.RuleCrash` if a rule fails
    (a bug in adlint); broken records are AD003 findings, never errors.
    """
    from adlint.api import load_config

    cfg = config if config is not None else load_config(for_path=Path(path))
    real = Path(path)
    shared = dask.delayed(cfg, pure=True)
    codes, given = cfg.codes_for(real), cfg.metadata_for(real)
    lint = dask.delayed(_lint_partition, pure=True)
    parts = records.to_delayed()
    return db.from_delayed([lint(part, shared, codes, given, path, i, keep_source) for i, part in enumerate(parts)])
