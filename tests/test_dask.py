"""adlint on Dask: ``adlint check --scheduler`` against a real two-worker cluster on 127.0.0.1, and ``lint_bag``.

The cluster is a ``distributed.LocalCluster`` with two worker processes (one
thread each), started once for the module and shut down by the fixture,
also when a test fails. ``test_cluster_run_equals_local_run_on_20000_records``
(marker ``dask_cluster``) lints the whole corpus repeated to 20,450 records
and compares the report with a local ``--jobs 1`` run, byte for byte.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, corpus_or_skip

pytest.importorskip("distributed", reason="the dask extra is not installed (pip install 'adlint[dask]')")

MD = "## Role\n\nWe need a rockstar to run the data platform.\n"


def _bench():
    """benchmarks/records_bench.py (builds JSON Lines files from the corpus)."""
    spec = importlib.util.spec_from_file_location("records_bench", ROOT / "benchmarks" / "records_bench.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


@pytest.fixture(scope="module")
def cluster():
    """A scheduler and two worker processes on 127.0.0.1; closed when the module's tests are done."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=":0", silence_logs=logging.ERROR) as lc:
        yield lc


def adlint(*args: str, cwd: Path, stdin: bytes | None = None, env: dict | None = None,
           timeout: int = 900) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "adlint", *args], input=stdin, capture_output=True, cwd=cwd,
                          timeout=timeout, env=env)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    lines = []
    for i in range(120):
        lines.append(json.dumps({"id": f"job-{i}", "format": ("markdown", "text", "html")[i % 3],
                                 "content": MD if i % 3 != 2 else "<p>We need a <b>guru</b> (m/w/d).</p>",
                                 **({"language": "en_GB"} if i % 7 == 0 else {})}))
        if i % 50 == 10:
            lines.append("{not json")
    (tmp_path / "postings.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "jobs").mkdir()
    for i in range(3):
        (tmp_path / "jobs" / f"j{i}.md").write_text(f"---\nlanguage: en_GB\n---\n{MD}\nTeam {i}.\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("fmt", ["json-lines", "full", "sarif", "concise"])
def test_scheduler_writes_what_a_local_run_writes(cluster, project: Path, fmt: str) -> None:
    args = ["check", "--isolated", "--no-cache", "--output-format", fmt, "--batch-size", "16", "postings.jsonl", "jobs"]
    local = adlint(*args, "--jobs", "1", cwd=project)
    remote = adlint(*args, "--scheduler", cluster.scheduler_address, cwd=project)
    assert local.returncode == 1, local.stderr
    assert (remote.returncode, remote.stdout, remote.stderr) == (local.returncode, local.stdout, local.stderr)
    assert b"job-119" in remote.stdout


def test_scheduler_fills_the_result_cache_for_every_format(cluster, project: Path) -> None:
    """Files linted remotely are cached here with their text: a later local `full` run shows the same excerpts."""
    env = {**os.environ, "ADLINT_CACHE_DIR": str(project / "cache")}
    remote = adlint("check", "--isolated", "--output-format", "concise", "--scheduler", cluster.scheduler_address,
                    "jobs", cwd=project, env=env)
    assert remote.returncode == 1, remote.stderr
    assert len(list((project / "cache").rglob("*.json"))) >= 3
    cached = adlint("check", "--isolated", "--output-format", "full", "jobs", cwd=project, env=env)
    fresh = adlint("check", "--isolated", "--no-cache", "--output-format", "full", "jobs", cwd=project, env=env)
    assert cached.stdout == fresh.stdout and b" | " in cached.stdout


def test_scheduler_reads_standard_input(cluster, project: Path) -> None:
    data = (project / "postings.jsonl").read_bytes()
    args = ["check", "--isolated", "--output-format", "json-lines", "--stdin-format", "jsonl", "-"]
    local = adlint(*args, "--jobs", "1", cwd=project, stdin=data)
    remote = adlint(*args, "--scheduler", cluster.scheduler_address, cwd=project, stdin=data)
    assert remote.stdout == local.stdout and remote.returncode == local.returncode == 1


def test_lint_bag_on_the_cluster_equals_the_api(cluster) -> None:
    import dask.bag as db
    from distributed import Client

    import adlint
    from adlint.dask import lint_bag

    cfg = adlint.load_config(isolated=True, overrides={"select": ["AD003", "AD312", "AD402"]})
    records = [{"id": f"r{i}", "format": "markdown", "content": MD} for i in range(30)]
    records[5] = json.dumps(records[5])  # JSON lines are records too
    records[7] = "{broken"
    del records[9]["id"]
    with Client(cluster.scheduler_address, set_as_default=False) as client:
        bag = db.from_sequence(records, npartitions=3)
        found = client.compute(lint_bag(bag, cfg, path="db.jsonl")).result()
    assert [f["partition"] for f in found] == sorted(f["partition"] for f in found)
    by_part: dict[int, list[dict]] = {}
    for f in found:
        by_part.setdefault(f.pop("partition"), []).append(f)
    want = []
    for p in range(3):
        part = records[p * 10:(p + 1) * 10]
        for f in adlint.lint_records(part, config=cfg, path="db.jsonl"):
            d = f.to_dict()
            if d["id"] == str(d["record_line"]):  # a record without an id is named <partition>:<position>
                d["id"] = f"{p}:{d['record_line']}"
            want.append(d)
    assert [f for p in sorted(by_part) for f in by_part[p]] == want
    ids = {f["id"] for f in found}
    assert {"r0", "r5", "0:8", "0:10"} <= ids  # r5 given as a JSON line; the broken line 8 and id-less 10 by position
    assert any(f["code"] == "AD003" and f["id"] == "0:8" for f in found)


def test_lint_bag_synchronously_keeps_sources() -> None:
    import dask
    import dask.bag as db

    import adlint
    from adlint.dask import lint_bag

    cfg = adlint.load_config(isolated=True, overrides={"select": ["AD312"]})
    bag = db.from_sequence([{"id": "a", "format": "markdown", "content": MD}], npartitions=1)
    with dask.config.set(scheduler="synchronous"):
        (f,) = lint_bag(bag, cfg, keep_source=True).compute()
    assert (f["id"], f["code"], f["source"], f["partition"]) == ("a", "AD312", MD, 0)


def test_connect_refuses_workers_of_another_version(cluster, monkeypatch) -> None:
    import adlint.dask as ad

    monkeypatch.setattr(ad, "__version__", "0.0.0-other")
    with pytest.raises(RuntimeError, match=r"run adlint .*, this is 0.0.0-other: install the same version"):
        ad.connect(cluster.scheduler_address)


def test_scheduler_unreachable_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(json.dumps({"format": "text", "content": "x"}) + "\n", encoding="utf-8")
    env = {**os.environ, "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "1s"}
    proc = adlint("check", "--scheduler", "tcp://127.0.0.1:9", "a.jsonl", cwd=tmp_path, env=env, timeout=120)
    assert proc.returncode == 2
    err = proc.stderr.decode()
    assert err.startswith("adlint: error: cannot connect to the Dask scheduler at tcp://127.0.0.1:9") and \
        "Traceback" not in err


def test_scheduler_without_the_dask_extra_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(json.dumps({"format": "text", "content": "x"}) + "\n", encoding="utf-8")
    code = ("import sys\nsys.modules['dask'] = None  # as if not installed\n"
            "from adlint.cli import main\nsys.exit(main(sys.argv[1:]))\n")
    proc = subprocess.run([sys.executable, "-c", code, "check", "--scheduler", "tcp://127.0.0.1:8786", "a.jsonl"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert (proc.returncode, proc.stderr) == (
        2, "adlint: error: --scheduler needs the dask extra: pip install 'adlint[dask]'\n")


def test_scheduler_refuses_fix(tmp_path: Path) -> None:
    proc = adlint("check", "--fix", "--scheduler", "tcp://127.0.0.1:8786", ".", cwd=tmp_path)
    assert proc.returncode == 2 and b"run them without --scheduler" in proc.stderr


@pytest.mark.dask_cluster
def test_cluster_run_equals_local_run_on_20000_records(cluster, tmp_path: Path) -> None:
    """The whole corpus repeated to 20,450 records: the cluster's report is the local --jobs 1 report."""
    corpus = corpus_or_skip()
    n = _bench().build_jsonl(tmp_path / "corpus.jsonl", 10, corpus)
    assert n > 20_000
    args = [sys.executable, "-m", "adlint", "check", "--isolated", "--no-cache", "--output-format", "json-lines",
            "corpus.jsonl"]
    # The local reference runs beside the cluster run (the two share the machine's CPUs).
    with open(tmp_path / "local.out", "wb") as out, open(tmp_path / "local.err", "wb") as err:
        local = subprocess.Popen([*args, "--jobs", "1"], stdout=out, stderr=err, cwd=tmp_path)
        try:
            remote = subprocess.run([*args, "--scheduler", cluster.scheduler_address], capture_output=True,
                                    cwd=tmp_path, timeout=1500)
            local_code = local.wait(timeout=1500)
        finally:
            if local.poll() is None:
                local.kill()
                local.wait()
    local_out = (tmp_path / "local.out").read_bytes()
    assert local_code == 1, (tmp_path / "local.err").read_text()
    assert remote.returncode == local_code, remote.stderr.decode()
    assert remote.stdout == local_out
    rows = [json.loads(line) for line in local_out.splitlines()]
    assert len(rows) > 50_000
    assert len({r["record_line"] for r in rows}) > 19_000  # nearly every record has a finding
    assert rows[-1]["record_line"] == n
