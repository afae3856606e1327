"""The JSON Lines path at scale: throughput and peak memory on the corpus repeated ×1, ×5, ×10.

Builds a JSON Lines file from every posting of the real corpus
(``../shared/corpus``; :func:`build_jsonl`), repeated N times, then runs
``adlint check`` on it as a real subprocess, with ``--jobs 1``, with the
default (one process per CPU) and, when the ``dask`` extra is installed, on a
two-worker Dask cluster started here on 127.0.0.1 (``--scheduler``), with dask's
defaults and with the workers' statistical profiler off (it keeps an hour of
profiles, which grows a worker's memory during a long run). Each row
gives the wall time, records per second, the peak resident memory of the
``adlint`` process and of its largest worker (GNU ``/usr/bin/time -f %M`` for
the process and its pool; the Dask workers' resident set sampled every 0.1 s
with ``psutil``), and
checks that every run wrote the same findings as ``--jobs 1``.

Usage, from the project root with adlint installed (``pip install '.[dask]'``
for the Dask rows)::

    .venv/bin/python benchmarks/records_bench.py [--times 1 5 10] [--format json-lines] [--json]

Exit status 0; 1 when a run failed or its findings differ; 2 when the corpus is missing.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
TIME = "/usr/bin/time"
FORMATS = {".md": "markdown", ".markdown": "markdown", ".txt": "text", ".html": "html", ".htm": "html"}
#: Metadata the records of a corpus folder carry (the folder's postings declare none themselves).
FOLDER_METADATA = {"fr-betagouv": {"language": "fr", "country": "FR"}}


def corpus_records(corpus: Path = CORPUS) -> list[dict]:
    """One record per posting of the corpus, in path order.

    Markdown, text and HTML files become posting records (``id`` = path in
    the corpus, ``format``, ``content``; the ``fr-betagouv`` ones also
    ``language`` and ``country``); every 50th has no ``id`` (it is named by its
    line). JSON-LD files become schema.org JobPosting object records.
    """
    out = []
    files = sorted(p for p in corpus.rglob("*") if p.is_file() and p.name != "README.md")
    for i, p in enumerate(files):
        rel = p.relative_to(corpus).as_posix()
        text = p.read_bytes().decode("utf-8", "replace")
        if p.suffix == ".jsonld":
            obj = json.loads(text)
            out.append(obj)
            continue
        fmt = FORMATS.get(p.suffix.lower())
        if fmt is None:
            continue
        rec = {"id": rel, "format": fmt, "content": text, **FOLDER_METADATA.get(rel.split("/", 1)[0], {})}
        if i % 50 == 49:
            del rec["id"]
        out.append(rec)
    return out


def build_jsonl(path: Path, times: int = 1, corpus: Path = CORPUS, records: list[dict] | None = None) -> int:
    """Write the corpus's records ``times`` over to JSON Lines file ``path``; returns the number of lines.

    Repeats get ids made unique with ``#2``, ``#3``... (records without an id stay without).
    """
    base = records if records is not None else corpus_records(corpus)
    n = 0
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for rep in range(1, times + 1):
            for rec in base:
                if rep > 1 and "id" in rec:
                    rec = {**rec, "id": f"{rec['id']}#{rep}"}
                fh.write(json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n")
                n += 1
    return n


def _timed(cmd: list[str], out: Path, cwd: Path) -> dict:
    """Run ``cmd`` with stdout to ``out``: wall seconds, peak KiB (``/usr/bin/time -f %M``), exit code."""
    wrap = [TIME, "-f", "%M"] if os.path.exists(TIME) else []
    t0 = time.perf_counter()
    with open(out, "wb") as fh:
        proc = subprocess.run(wrap + cmd, stdout=fh, stderr=subprocess.PIPE, cwd=cwd)
    wall = time.perf_counter() - t0
    lines = proc.stderr.decode(errors="replace").strip().splitlines()
    peak = int(lines[-1]) if wrap and lines and lines[-1].strip().isdigit() else None
    return {"wall": wall, "peak_kib": peak, "exit": proc.returncode,
            "error": None if proc.returncode in (0, 1) else "\n".join(lines[-5:])}


def _worker_profiling() -> bool:
    """Whether this (Dask worker) process runs distributed's statistical profiler."""
    import dask

    return bool(dask.config.get("distributed.worker.profile.enabled"))


class _RssSampler:
    """The largest resident set of some processes (the Dask workers), sampled every 0.1 s while in use.

    Not ``ru_maxrss``: a worker started by ``fork`` + ``exec`` inherits its parent's high-water mark.
    """

    def __init__(self, pids) -> None:
        import psutil

        self.procs = [psutil.Process(pid) for pid in pids]
        self.peak_kib = 0
        self._stop = None

    def _sample(self) -> None:
        for p in self.procs:
            try:
                self.peak_kib = max(self.peak_kib, p.memory_info().rss // 1024)
            except Exception:  # a worker gone
                pass

    def __enter__(self) -> "_RssSampler":
        import threading

        self._stop = threading.Event()

        def loop() -> None:
            while not self._stop.wait(0.1):
                self._sample()

        self._thread = threading.Thread(target=loop, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--times", type=int, nargs="+", default=[1, 5, 10], help="corpus repeats (default: 1 5 10)")
    ap.add_argument("--format", default="json-lines", help="output format written (default: json-lines)")
    ap.add_argument("--no-dask", action="store_true", help="leave out the Dask rows")
    ap.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = ap.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"corpus not found at {CORPUS}", file=sys.stderr)
        return 2
    try:
        import distributed  # noqa: F401
        dask_ok = not args.no_dask
    except ImportError:
        dask_ok = False
        print("dask extra not installed: no Dask rows (pip install '.[dask]')", file=sys.stderr)
    base = corpus_records()
    rows, failed = [], False
    adlint = [sys.executable, "-m", "adlint", "check", "--isolated", "--no-cache", "--no-progress",
              "--output-format", args.format]
    with tempfile.TemporaryDirectory(prefix="adlint-records-bench-") as tmp:
        work = Path(tmp)
        for times in args.times:
            path = work / f"corpus-x{times}.jsonl"
            n = build_jsonl(path, times, records=base)
            size = path.stat().st_size
            modes: list[tuple[str, list[str]]] = [("--jobs 1", ["--jobs", "1"]), ("default", [])]
            if dask_ok:
                modes += [("dask, 2 workers", []), ("dask, 2 workers, profiler off", [])]
            reference = None
            for label, extra in modes:
                out = work / f"out-x{times}-{len(rows)}"
                if label.startswith("dask"):
                    import dask
                    from distributed import Client, LocalCluster

                    # distributed's statistical profiler keeps an hour of per-second profiles on each worker;
                    # the nannies pass this process's dask configuration to the workers they start
                    on = not label.endswith("profiler off")
                    with dask.config.set({"distributed.worker.profile.enabled": on}), \
                            LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                         dashboard_address=":0") as lc, Client(lc) as client:
                        assert set(client.run(_worker_profiling).values()) == {on}
                        with _RssSampler(client.run(os.getpid).values()) as sampler:
                            r = _timed(adlint + ["--scheduler", lc.scheduler_address, path.name], out, work)
                        r["worker_peak_kib"] = sampler.peak_kib
                else:
                    r = _timed(adlint + extra + [path.name], out, work)
                data = out.read_bytes()
                if reference is None:
                    reference = data
                r.update({"times": times, "records": n, "bytes": size, "mode": label,
                          "records_per_s": n / r["wall"], "same_as_jobs_1": data == reference,
                          "findings": data.count(b"\n") if args.format == "json-lines" else None})
                failed |= r["exit"] not in (0, 1) or not r["same_as_jobs_1"]
                rows.append(r)
                out.unlink()
            path.unlink()
    if args.json:
        print(json.dumps(rows, indent=2))
    else:
        print(f"JSON Lines path, corpus ({len(base)} postings) repeated; {os.cpu_count()} CPUs; "
              f"output {args.format} to a file\n")
        print("| corpus | records | MB | mode | wall s | records/s | peak RSS adlint MiB | peak RSS worker MiB | "
              "findings | same as --jobs 1 |")
        print("|---|---:|---:|---|---:|---:|---:|---:|---:|---|")
        for r in rows:
            peak = f"{r['peak_kib'] / 1024:.0f}" if r["peak_kib"] else "?"
            wpeak = f"{r['worker_peak_kib'] / 1024:.0f}" if r.get("worker_peak_kib") else "–"
            print(f"| ×{r['times']} | {r['records']:,} | {r['bytes'] / 1e6:.0f} | {r['mode']} | {r['wall']:.1f} | "
                  f"{r['records_per_s']:.0f} | {peak} | {wpeak} | {r['findings'] or ''} | "
                  f"{'yes' if r['same_as_jobs_1'] else 'NO'} |")
        print("\nPeak RSS adlint: the adlint process, or its largest pool worker (GNU time %M); for Dask the "
              "client process only, the workers' own peak in the next column.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
