"""The GitHub Action (``action.yml``), its steps run the way a runner runs them.

A composite action's ``run:`` steps are bash scripts. The runner replaces the ``${{ ... }}``
expressions in each step's ``env:`` (inputs, earlier steps' outputs), writes the script to a file and
runs ``bash --noprofile --norc -eo pipefail FILE`` in the workspace, with ``GITHUB_ACTION_PATH``,
``GITHUB_OUTPUT``, ``RUNNER_TEMP`` and ``GITHUB_WORKSPACE`` set; a step that fails ends the job.
:func:`run_action` does exactly that (and refuses any expression it does not know), in a temporary git
repository holding a few real postings from ``../shared/corpus``.

The install step really runs: ``python3 -m venv`` and ``pip install`` of this checkout (pip fetches
the build backend and the dependencies from PyPI or its cache, a few seconds with a warm cache). Those
tests are marked ``packaging`` like the wheel tests, so the second ``.ci/run`` pass, which deselects
``packaging``, does not run them again. The checks of the manifest itself are fast and unmarked.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from adlint import __version__
from tests.conftest import ROOT, corpus_or_skip
from tests.test_precommit import CLEAN_POSTING

ACTION = ROOT / "action.yml"
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
ANNOTATION = re.compile(r"^::(error|warning|notice) (?:[^:]*,)?file=([^,:]+),line=(\d+)")

#: Real postings copied into the test repository: (corpus folder, file), several formats and languages.
POSTINGS = [
    ("seed", "tradingview-backend-services-architect.txt"),
    ("en-google", "google_0001.md"),
    ("de-arbeitnow", "account-executive-dach-munich-38033.html"),
    ("fr-betagouv", "2017-01-12-mes-aides-dev.md"),
    ("en-remote", "jobicy_0189.jsonld"),
]


def _action() -> dict:
    return yaml.safe_load(ACTION.read_text(encoding="utf-8"))


# -- the manifest: fast, no install --------------------------------------------------------------------


def test_action_is_composite_with_the_inputs_the_docs_name() -> None:
    action = _action()
    assert action["runs"]["using"] == "composite"
    inputs = action["inputs"]
    assert inputs["paths"]["default"] == "."
    assert inputs["args"]["default"] == ""
    assert inputs["version"]["default"] == ""  # empty: this action's own checkout
    assert inputs["sarif"]["default"] == "false"
    assert set(action["outputs"]) >= {"sarif-file", "exit-code"}
    for name, spec in action["inputs"].items():
        assert spec.get("description"), f"input {name} has no description"


def test_run_scripts_hold_no_expressions() -> None:
    """Inputs reach the scripts through ``env:`` only: an expression inside ``run:`` is pasted into the
    script before bash reads it, so a value with shell syntax in it would run (script injection)."""
    steps = _action()["runs"]["steps"]
    assert steps
    for step in steps:
        assert step["shell"] == "bash", step.get("name")
        assert "${{" not in step["run"], f"expression in the script of step {step.get('name')!r}"
        assert "if" not in step, "run_action below does not evaluate `if:` conditions"
    text = ACTION.read_text(encoding="utf-8")
    for line in text.splitlines():
        if "${{" in line and not line.lstrip().startswith("#"):  # every expression sits in an env: value or an output's value
            assert re.match(r"^\s+(ADLINT_ACTION_[A-Z]+|value): \$\{\{ [a-z._-]+ \}\}$", line), line


# -- running the steps --------------------------------------------------------------------------------


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str
    outputs: dict[str, str]  # the action's outputs
    steps: dict[str, dict[str, str]] = field(default_factory=dict)  # each step's outputs

    @property
    def annotations(self) -> list[tuple[str, str, int]]:
        return [(m[1], m[2], int(m[3])) for m in map(ANNOTATION.match, self.stdout.splitlines()) if m]


def _read_outputs(path: Path) -> dict[str, str]:
    """``name=value`` lines and ``name<<DELIMITER`` blocks, as the runner reads ``$GITHUB_OUTPUT``."""
    out: dict[str, str] = {}
    lines = path.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            end = lines.index(delimiter, i + 1)
            out[name] = "\n".join(lines[i + 1:end])
            i = end + 1
            continue
        if line:
            name, value = line.split("=", 1)
            out[name] = value
        i += 1
    return out


def _runner_env(temp: Path, workspace: Path) -> dict[str, str]:
    """The environment of a runner: ``python3`` on ``PATH`` (the base interpreter of this test run), no
    ``adlint`` on ``PATH`` (the action must use the one it installed), the runner's variables."""
    bin_dir = temp / "runner-bin"
    bin_dir.mkdir(exist_ok=True)
    python = Path(getattr(sys, "_base_executable", "") or sys.executable)
    if not (bin_dir / "python3").exists():
        (bin_dir / "python3").symlink_to(python)
    path = [str(bin_dir)] + [d for d in os.environ.get("PATH", "").split(os.pathsep)
                             if d and not (Path(d) / "adlint").exists() and not (Path(d) / "python3").exists()]
    path += [d for d in ("/usr/bin", "/bin") if d not in path]  # bash, git, mktemp, dirname...
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("ADLINT", "GITHUB_", "RUNNER_", "INPUT_", "VIRTUAL_ENV", "PYTHON"))}
    env.update(PATH=os.pathsep.join(path), CI="true", GITHUB_ACTIONS="true", GITHUB_ACTION_PATH=str(ROOT),
               GITHUB_WORKSPACE=str(workspace), RUNNER_TEMP=str(temp), PIP_DISABLE_PIP_VERSION_CHECK="1",
               # adlint's rule-data cache (otherwise under ~/.cache): kept out of the user's home
               ADLINT_CACHE_DIR=str(temp / "adlint-cache"))
    return env


def run_action(workspace: Path, temp: Path, inputs: dict[str, str] | None = None,
               installed: dict[str, dict[str, str]] | None = None) -> Run:
    """Run the action's steps as a runner would, in ``workspace``, with ``inputs`` over the defaults.

    ``installed``: the step outputs of an earlier run; its steps are not run again (the install step
    does not depend on the inputs these tests vary).
    """
    action = _action()
    unknown = set(inputs or {}) - set(action["inputs"])
    assert not unknown, f"the action has no inputs {unknown}"
    context = {f"inputs.{name}": str((inputs or {}).get(name, spec.get("default", "")))
               for name, spec in action["inputs"].items()}
    context["github.action_path"] = str(ROOT)
    context["github.workspace"] = str(workspace)
    steps: dict[str, dict[str, str]] = dict(installed or {})
    temp.mkdir(parents=True, exist_ok=True)
    env = _runner_env(temp, workspace)

    def expand(value: object) -> str:
        def one(m: re.Match[str]) -> str:
            expr = m[1]
            sm = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", expr)
            if sm:
                return steps.get(sm[1], {}).get(sm[2], "")
            assert expr in context, f"the test runner does not know the expression {expr!r}"
            return context[expr]
        return EXPRESSION.sub(one, str(value))

    code, stdout, stderr = 0, "", ""
    for n, step in enumerate(action["runs"]["steps"]):
        sid = step.get("id", f"step{n}")
        if sid in steps:
            continue
        script = temp / f"step-{n}.sh"
        script.write_text(expand(step["run"]), encoding="utf-8")
        output = temp / f"output-{n}"
        output.write_text("", encoding="utf-8")
        step_env = {**env, "GITHUB_OUTPUT": str(output)}
        step_env.update({k: expand(v) for k, v in (step.get("env") or {}).items()})
        proc = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)], cwd=workspace,
                              env=step_env, capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL)
        steps[sid] = _read_outputs(output)
        code, stdout, stderr = proc.returncode, stdout + proc.stdout, stderr + proc.stderr
        if code != 0:
            break  # a failed step ends the action
    outputs = {name: expand(spec["value"]) for name, spec in action["outputs"].items()}
    return Run(code, stdout, stderr, outputs, steps)


def _git_repo(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "-c", "init.defaultBranch=main", "init", "-q", str(path)], check=True,
                   capture_output=True, timeout=60)
    return path


def _postings_repo(path: Path) -> Path:
    corpus = corpus_or_skip()
    repo = _git_repo(path)
    (repo / "jobs").mkdir()
    for folder, name in POSTINGS:
        shutil.copyfile(corpus / folder / name, repo / "jobs" / name)
    return repo


def _adlint_itself(workspace: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """adlint run directly (the interpreter of this test run), for the figures the action must match."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    return subprocess.run([sys.executable, "-m", "adlint", "check", "--no-cache", *args], cwd=workspace, env=env,
                          capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def default_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Run]:
    """The whole action, inputs at their defaults, in a repository of real postings."""
    if shutil.which("bash") is None or shutil.which("git") is None:
        pytest.skip("bash and git are needed to run the action's steps")
    base = tmp_path_factory.mktemp("action")
    repo = _postings_repo(base / "site")
    temp = base / "runner-temp"
    return repo, temp, run_action(repo, temp)


@pytest.mark.packaging
def test_default_inputs_annotate_real_postings_and_exit_as_adlint(default_run: tuple[Path, Path, Run]) -> None:
    repo, _, run = default_run
    assert f"adlint {__version__}" in run.stdout.splitlines(), run.stdout + run.stderr  # the install step's
    own = _adlint_itself(repo, "--output-format", "json-lines", ".")
    assert own.returncode in (0, 1), own.stderr
    findings = [json.loads(line) for line in own.stdout.splitlines() if line.strip()]
    assert findings, "the real postings were expected to have findings"
    assert run.code == own.returncode == 1, run.stdout + run.stderr
    assert run.outputs["exit-code"] == "1"
    assert run.outputs["sarif-file"] == ""  # not asked for
    # one annotation per finding, on the file and line adlint reports, paths relative to the workspace
    assert len(run.annotations) == len(findings), run.stdout
    assert {(a[1], a[2]) for a in run.annotations} == {(f["path"], f["location"]["line"]) for f in findings}
    assert {a[1] for a in run.annotations} <= {f"jobs/{name}" for _, name in POSTINGS}
    assert any(level in ("warning", "error") for level, _, _ in run.annotations)
    assert not (repo / "adlint.sarif").exists()


@pytest.mark.packaging
def test_install_step_uses_its_own_virtualenv(default_run: tuple[Path, Path, Run]) -> None:
    _, temp, run = default_run
    adlint = Path(run.steps["install"]["adlint"])
    assert adlint.is_file() and temp in adlint.parents, run.steps
    version = subprocess.run([str(adlint), "--version"], capture_output=True, text=True, timeout=60)
    assert version.stdout.strip() == f"adlint {__version__}", version


@pytest.mark.packaging
def test_sarif_report_is_written_and_named_in_the_outputs(default_run: tuple[Path, Path, Run]) -> None:
    repo, temp, first = default_run
    run = run_action(repo, temp / "sarif", {"sarif": "true"}, installed={"install": first.steps["install"]})
    assert run.code == 1, run.stdout + run.stderr  # still adlint's status, not the SARIF run's (--exit-zero)
    assert len(run.annotations) == len(first.annotations)
    sarif = Path(run.outputs["sarif-file"])
    assert sarif == repo / "adlint.sarif"
    report = json.loads(sarif.read_text(encoding="utf-8"))
    assert report["version"] == "2.1.0"
    results = report["runs"][0]["results"]
    assert len(results) == len(first.annotations)
    assert f"sarif-file={sarif}" in (temp / "sarif" / "output-1").read_text(encoding="utf-8")


@pytest.mark.packaging
def test_clean_postings_exit_0(default_run: tuple[Path, Path, Run], tmp_path: Path) -> None:
    _, temp, first = default_run
    repo = _git_repo(tmp_path / "clean")
    (repo / "jobs").mkdir()
    (repo / "jobs" / "data-engineer.md").write_text(CLEAN_POSTING, encoding="utf-8")
    run = run_action(repo, tmp_path / "temp", {"paths": "jobs", "sarif": "reports/adlint.sarif"},
                     installed={"install": first.steps["install"]})
    assert _adlint_itself(repo, "jobs").returncode == 0
    assert run.code == 0, run.stdout + run.stderr
    assert run.outputs["exit-code"] == "0"
    assert not [a for a in run.annotations if a[0] != "notice"], run.stdout
    # a SARIF path of the user's choosing, in a folder the action creates
    assert run.outputs["sarif-file"] == str(repo / "reports" / "adlint.sarif")
    report = json.loads((repo / "reports" / "adlint.sarif").read_text(encoding="utf-8"))
    assert report["version"] == "2.1.0" and not [r for r in report["runs"][0]["results"] if r["level"] != "note"]


@pytest.mark.packaging
def test_usage_error_exits_2_like_adlint(default_run: tuple[Path, Path, Run], tmp_path: Path) -> None:
    repo, _, first = default_run
    run = run_action(repo, tmp_path / "temp", {"args": "--select NOPE"}, installed={"install": first.steps["install"]})
    assert _adlint_itself(repo, "--select", "NOPE").returncode == 2
    assert run.code == 2, run.stdout + run.stderr
    assert run.outputs["exit-code"] == "2"


@pytest.mark.packaging
def test_inputs_are_split_like_a_shell_and_never_run(default_run: tuple[Path, Path, Run], tmp_path: Path) -> None:
    repo, _, first = default_run
    spaced = repo / "more jobs"
    spaced.mkdir(exist_ok=True)
    shutil.copyfile(repo / "jobs" / POSTINGS[0][1], spaced / "copy.txt")
    installed = {"install": first.steps["install"]}
    run = run_action(repo, tmp_path / "a", {"paths": "'more jobs'", "args": "--select AD204 --fail-level warning"},
                     installed=installed)
    assert run.code == 1, run.stdout + run.stderr
    assert {a[1] for a in run.annotations} == {"more jobs/copy.txt"}, run.stdout
    assert all("AD204" in line for line in run.stdout.splitlines() if line.startswith("::warning"))

    hostile = {"paths": "jobs $(touch pwned) `touch pwned2`", "args": "--select AD204 $(touch pwned3) `touch pwned4`"}
    run = run_action(repo, tmp_path / "b", hostile, installed=installed)
    assert run.code == 2, run.stdout + run.stderr  # nonexistent paths named "$(touch", "pwned)"...
    assert not [p.name for p in repo.glob("pwned*")]

    run = run_action(repo, tmp_path / "c", {"args": "--select 'AD204"}, installed=installed)
    assert run.code == 2 and "not a list of words" in run.stdout, run.stdout + run.stderr


# -- the recipes in the docs ----------------------------------------------------------------------------


def _documented_uses() -> list[tuple[str, dict]]:
    """``(file, step)`` for every step in a YAML block of docs/ci.md and README.md that uses this action."""
    found = []
    for doc in (ROOT / "docs" / "ci.md", ROOT / "README.md"):
        for block in re.findall(r"```ya?ml\n(.*?)```", doc.read_text(encoding="utf-8"), re.S):
            data = yaml.safe_load(block)
            if isinstance(data, dict):  # a workflow; README shows a few steps alone, a list
                data = [s for job in (data.get("jobs") or {}).values() for s in job.get("steps", [])]
            steps = data if isinstance(data, list) else []
            found += [(doc.name, s) for s in steps if isinstance(s, dict) and "/adlint@" in str(s.get("uses", ""))]
    return found


def test_documented_recipes_use_only_the_action_inputs_and_outputs() -> None:
    action = _action()
    uses = _documented_uses()
    assert {doc for doc, _ in uses} == {"ci.md", "README.md"}, uses
    for doc, step in uses:
        assert set(step.get("with") or {}) <= set(action["inputs"]), (doc, step)
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    for output in re.findall(r"steps\.adlint\.outputs\.([\w-]+)", text):
        assert output in action["outputs"], output


@pytest.mark.packaging
def test_documented_recipes_run(default_run: tuple[Path, Path, Run], tmp_path: Path) -> None:
    """Each documented ``with:`` on the real postings: the status of adlint with the same arguments."""
    repo, _, first = default_run
    for n, (doc, step) in enumerate(_documented_uses()):
        inputs = {k: str(v).lower() if isinstance(v, bool) else str(v) for k, v in (step.get("with") or {}).items()}
        run = run_action(repo, tmp_path / str(n), inputs, installed={"install": first.steps["install"]})
        own = _adlint_itself(repo, *inputs.get("args", "").split(), *inputs.get("paths", ".").split())
        assert run.code == own.returncode, (doc, inputs, run.stdout, run.stderr)
        assert run.annotations or own.returncode == 0, (doc, inputs)
        if inputs.get("sarif") == "true":
            assert json.loads(Path(run.outputs["sarif-file"]).read_text(encoding="utf-8"))["version"] == "2.1.0"
