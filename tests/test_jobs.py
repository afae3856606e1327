"""--jobs: a pool of workers gives the same output, in the same order, as one process; one file starts no pool."""

from __future__ import annotations

import json

import pytest

from adlint import runner
from adlint.cli import main
from conftest import corpus_or_skip


def run(capsys, *args: str) -> tuple[int, str]:
    code = main(["check", "--no-cache", "--output-format", "json", *args])
    return code, capsys.readouterr().out


def test_jobs_output_equals_one_process_on_the_whole_corpus(capsys):
    corpus = str(corpus_or_skip())
    one = run(capsys, "--jobs", "1", corpus)
    two = run(capsys, "--jobs", "2", corpus)
    assert one == two
    assert len(json.loads(one[1])) > 5_000


def test_one_file_never_starts_a_pool(capsys, monkeypatch, tmp_path):
    f = tmp_path / "job.md"
    f.write_text("---\nlanguage: en\n---\n\n## Role\n\nYou build things.\n", encoding="utf-8")

    class NoPool:
        def __init__(self, *a, **k):
            raise AssertionError("a pool was started for one file")

    monkeypatch.setattr("concurrent.futures.ProcessPoolExecutor", NoPool)
    assert run(capsys, "--jobs", "4", str(f))[0] in (0, 1)


def test_cached_files_are_not_sent_to_workers(tmp_path, monkeypatch):
    for i in range(3):
        (tmp_path / f"j{i}.md").write_text(f"## Role\n\nJob {i}.\n", encoding="utf-8")
    jobs = [(str(p), p, None) for p in sorted(tmp_path.glob("*.md"))]
    settings = runner.Settings(None, True, {}, tmp_path / "cache")
    first = runner.run(jobs, settings, workers=2)

    class NoPool:
        def __init__(self, *a, **k):
            raise AssertionError("a pool was started although the cache answers every file")

    monkeypatch.setattr("concurrent.futures.ProcessPoolExecutor", NoPool)
    again = runner.run(jobs, settings, workers=2)
    assert [r.diagnostics for r in again] == [r.diagnostics for r in first] and all(r.cached for r in again)


@pytest.mark.parametrize("bad", ["0", "-2", "many"])
def test_jobs_must_be_a_positive_number(capsys, bad):
    with pytest.raises(SystemExit) as exc:
        main(["check", "--jobs", bad, "."])
    assert exc.value.code == 2
    assert "not a number of processes" in capsys.readouterr().err


def test_ctrl_c_stops_the_pool_cleanly(tmp_path):
    """SIGINT during a pooled run: exit 2, one line on standard error, no traceback, no worker left behind."""
    import os
    import signal
    import subprocess
    import sys
    import time

    corpus = corpus_or_skip()
    env = {**os.environ, "ADLINT_NO_CACHE": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "adlint", "check", "--jobs", "2", str(corpus)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=tmp_path,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    time.sleep(3)  # the pool is working through the corpus (about 10 s)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 2, err.decode()
    assert b"Traceback" not in err and err.decode().strip().endswith("adlint: error: interrupted")
    time.sleep(1)
    import shutil

    if shutil.which("pgrep"):  # forked workers share the parent's command line
        left = subprocess.run(["pgrep", "-f", f"adlint check --jobs 2 {corpus}"], capture_output=True, text=True)
        assert left.stdout.split() == []
