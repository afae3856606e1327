"""The CI output formats (sarif, github, gitlab, junit, json-lines), -o and --output-format auto.

Each format is run on real postings from ../shared/corpus and compared with the
``json`` output of the same run, so every finding is accounted for with its
path, code, line and column.
"""

from __future__ import annotations

import io
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import quote

import pytest

from adlint import registry
from adlint.cli import main
from adlint.diagnostics import Diagnostic, Edit, Fix, Severity
from tests.conftest import ROOT, corpus_or_skip

SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
FORMATS = ("sarif", "github", "gitlab", "junit", "json-lines")


@pytest.fixture(autouse=True)
def _no_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("GITHUB_ACTIONS", "GITHUB_WORKSPACE", "CI_PROJECT_DIR", "ADLINT_DOCS_URL"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture
def sample(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Three real postings from each corpus folder (plus the seed), as paths relative to the cwd (corpus's parent)."""
    corpus = corpus_or_skip()
    monkeypatch.chdir(corpus.parent)
    paths: list[str] = []
    for folder in sorted(p for p in corpus.iterdir() if p.is_dir()):
        files = sorted(f for f in folder.iterdir() if f.suffix in (".md", ".txt", ".html", ".jsonld"))
        # a spread over the folder, and both kinds of en-remote files
        picks = files[:: max(1, len(files) // 3)][:3] + [f for f in files if f.suffix == ".txt"][:1]
        paths += sorted({f.relative_to(corpus.parent).as_posix() for f in picks})
    return paths


def run(tmp_path: Path, fmt: str, paths: list[str], *extra: str) -> tuple[int, str]:
    """Run ``adlint check`` with ``-o`` into tmp_path; returns the exit code and the report text."""
    out = tmp_path / f"report.{fmt}"
    code = main(["check", "--output-format", fmt, "-o", str(out), *extra, *paths])
    return code, out.read_text(encoding="utf-8")


def reference(tmp_path: Path, paths: list[str], *extra: str) -> list[dict]:
    code, text = run(tmp_path, "json", paths, *extra)
    found = json.loads(text)
    assert code == 1 and found, "the sample should have findings"
    return found


# -- SARIF ----------------------------------------------------------------------


def _validator():
    jsonschema = pytest.importorskip("jsonschema")
    if not SCHEMA.is_file():
        pytest.skip(f"SARIF schema not found at {SCHEMA}")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema)


def test_sarif_validates_and_matches_findings_on_corpus(sample: list[str], tmp_path: Path) -> None:
    validator = _validator()
    # AD301 (off by default) gives findings with related locations, which SARIF carries as relatedLocations.
    ref = reference(tmp_path, sample, "--extend-select", "AD301")
    code, text = run(tmp_path, "sarif", sample, "--extend-select", "AD301")
    assert code == 1
    log = json.loads(text)
    errors = sorted(validator.iter_errors(log), key=str)
    assert not errors, errors[0]
    assert log["version"] == "2.1.0"
    run_ = log["runs"][0]
    assert run_["columnKind"] == "unicodeCodePoints"
    assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"] == Path.cwd().resolve().as_uri() + "/"
    rules = run_["tool"]["driver"]["rules"]
    results = run_["results"]
    assert len(results) == len(ref)
    for r, want in zip(results, ref):
        assert r["ruleId"] == want["code"]
        assert rules[r["ruleIndex"]]["id"] == want["code"]
        loc = r["locations"][0]["physicalLocation"]
        # repository-relative, percent-encoded (real file names hold accents)
        assert loc["artifactLocation"] == {"uri": quote(want["path"], safe="/"), "uriBaseId": "%SRCROOT%"}
        assert not want["path"].startswith(("/", "."))
        assert loc["region"]["startLine"] == want["location"]["line"]
        assert loc["region"]["startColumn"] == want["location"]["column"]
        if want["end_location"] != want["location"]:
            assert (loc["region"]["endLine"], loc["region"]["endColumn"]) == (
                want["end_location"]["line"], want["end_location"]["column"])
        assert r["level"] == {"error": "error", "warning": "warning", "info": "note"}[want["severity"]]
        assert r["message"]["text"].startswith(want["message"])
        # The places behind a finding (the coded words of an AD301 verdict) are its related locations.
        rel = r.get("relatedLocations", [])
        assert [(x["physicalLocation"]["region"]["startLine"], x["physicalLocation"]["region"]["startColumn"],
                 x["message"]["text"]) for x in rel] == [
            (w["location"]["line"], w["location"]["column"], w["message"]) for w in want.get("related", [])]
    assert any("related" in w for w in ref), "the sample should hold a finding with related locations"
    fps = [r["partialFingerprints"]["adlintFingerprint/v1"] for r in results]
    assert len(set(fps)) == len(fps)


def test_sarif_rules_carry_documentation_and_stable_indexes(sample: list[str], tmp_path: Path) -> None:
    _, first = run(tmp_path, "sarif", sample[:2])
    _, second = run(tmp_path, "sarif", sample[-2:])
    rules1 = json.loads(first)["runs"][0]["tool"]["driver"]["rules"]
    rules2 = json.loads(second)["runs"][0]["tool"]["driver"]["rules"]
    # Every rule, in code order, whatever was found: the same index in every report.
    assert [r["id"] for r in rules1] == list(registry.all_rules()) == [r["id"] for r in rules2]
    by_id = {r["id"]: r for r in rules1}
    rule = registry.lookup("AD312")
    doc = by_id["AD312"]
    assert doc["name"] == "jargon-job-title"
    assert doc["shortDescription"]["text"] == rule.summary
    assert doc["fullDescription"]["text"] == rule.why
    assert doc["help"]["markdown"].startswith("# jargon-job-title (AD312)")
    assert "## Why is this bad?" in doc["help"]["markdown"]
    assert doc["helpUri"].startswith("https://")
    assert doc["defaultConfiguration"] == {"level": "warning", "enabled": True}
    assert by_id["AD002"]["defaultConfiguration"]["enabled"] is False  # off by default
    assert "inclusive-language" in doc["properties"]["tags"]


def test_sarif_fix_regions_and_outside_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    validator = _validator()
    work = tmp_path / "repo"
    (work / "jobs").mkdir(parents=True)
    monkeypatch.chdir(work)
    (work / "jobs" / "café, 1.md").write_text("---\nlanguage: fr_CA\n---\n\n# Titre\n", encoding="utf-8")
    outside = tmp_path / "elsewhere.md"
    outside.write_text("---\nlanguage: fr_CA\n---\n", encoding="utf-8")
    code, text = run(tmp_path, "sarif", ["jobs/café, 1.md", str(outside)], "--select", "AD402")
    assert code == 1
    log = json.loads(text)
    assert not list(validator.iter_errors(log))
    inside, out = log["runs"][0]["results"]
    art = inside["locations"][0]["physicalLocation"]["artifactLocation"]
    assert art == {"uri": "jobs/caf%C3%A9%2C%201.md", "uriBaseId": "%SRCROOT%"}
    assert out["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": outside.resolve().as_uri()}
    # 'fr_CA' sits at line 2, columns 11-16; the fix replaces exactly that.
    assert inside["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 2, "startColumn": 11, "endLine": 2, "endColumn": 16}
    (change,) = inside["fixes"][0]["artifactChanges"]
    assert change["artifactLocation"] == art
    assert change["replacements"] == [{
        "deletedRegion": {"startLine": 2, "startColumn": 11, "endLine": 2, "endColumn": 16},
        "insertedContent": {"text": "fr-CA"}}]


# -- GitHub ---------------------------------------------------------------------


def _unescape(text: str) -> str:
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def _parse_command(line: str) -> tuple[str, dict[str, str], str]:
    assert line.startswith("::")
    head, message = line[2:].split("::", 1)
    level, props = head.split(" ", 1)
    fields = dict(p.split("=", 1) for p in props.split(","))
    return level, {k: _unescape(v) for k, v in fields.items()}, _unescape(message)


def test_github_escaping() -> None:
    from adlint.report.github import command, escape_data, escape_property

    assert escape_data("50% off\r\nnext: a, b") == "50%25 off%0D%0Anext: a, b"
    assert escape_property("50% off\r\nnext: a, b") == "50%25 off%0D%0Anext%3A a%2C b"
    assert escape_data("%0A") == "%250A"  # an escape already in the text is not read as one
    d = Diagnostic(code="AD999", name="test-rule", severity=Severity.ERROR,
                   message="100% wrong: use a, b\nor c\r\nnot %0A", line=3, col=5, end_line=3, end_col=9,
                   path="jobs/a, b: c%.md")
    line = command(d, Path.cwd())
    assert line == ("::error title=adlint AD999 (test-rule),file=jobs/a%2C b%3A c%25.md,line=3,endLine=3,col=5,"
                    "endColumn=9::100%25 wrong: use a, b%0Aor c%0D%0Anot %250A")
    assert "\n" not in line and "\r" not in line
    level, props, message = _parse_command(line)
    assert (level, props["file"], message) == ("error", "jobs/a, b: c%.md", d.message)


def test_github_multiline_range_has_no_columns_and_info_is_notice() -> None:
    from adlint.report.github import command

    d = Diagnostic(code="AD503", name="long-sentence", severity=Severity.INFO, message="long",
                   line=4, col=7, end_line=6, end_col=2, path="a.md")
    assert command(d, Path.cwd()) == "::notice title=adlint AD503 (long-sentence),file=a.md,line=4,endLine=6::long"


def test_github_on_corpus(sample: list[str], tmp_path: Path) -> None:
    ref = reference(tmp_path, sample)
    code, text = run(tmp_path, "github", sample)
    assert code == 1
    lines = text.splitlines()
    assert len(lines) == len(ref)
    for line, want in zip(lines, ref):
        level, props, message = _parse_command(line)
        assert level == {"error": "error", "warning": "warning", "info": "notice"}[want["severity"]]
        assert props["file"] == want["path"]
        assert props["line"] == str(want["location"]["line"])
        assert props["title"] == f"adlint {want['code']} ({want['name']})"
        one_line = want["location"]["line"] == want["end_location"]["line"]
        assert ("col" in props) == one_line
        if one_line:
            assert props["col"] == str(want["location"]["column"])
        assert message.startswith(want["message"])


def test_github_paths_relative_to_workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "jobs").mkdir()
    (tmp_path / "jobs" / "a.md").write_text("---\nlanguage: fr_CA\n---\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "jobs")
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))
    code, text = run(tmp_path, "github", ["a.md"], "--select", "AD402")
    assert code == 1
    assert text.startswith("::error title=adlint AD402 (invalid-language-tag),file=jobs/a.md,line=2,endLine=2,col=11,"
                           "endColumn=16::")
    assert "%0Afix (safe)%3A" not in text and "%0Afix (safe): language tag" in text


# -- GitLab ---------------------------------------------------------------------


def test_gitlab_on_corpus(sample: list[str], tmp_path: Path) -> None:
    ref = reference(tmp_path, sample)
    code, text = run(tmp_path, "gitlab", sample)
    assert code == 1
    raw = (tmp_path / "report.gitlab").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    issues = json.loads(text)
    assert len(issues) == len(ref)
    for issue, want in zip(issues, ref):
        assert issue["check_name"] == want["code"]
        assert issue["description"].startswith(f"{want['code']} {want['message']}")
        assert issue["severity"] == {"error": "major", "warning": "minor", "info": "info"}[want["severity"]]
        assert issue["location"]["path"] == want["path"]
        assert issue["location"]["lines"]["begin"] == want["location"]["line"]
        assert len(issue["fingerprint"]) == 32
    fps = [i["fingerprint"] for i in issues]
    assert len(set(fps)) == len(fps), "GitLab merges equal fingerprints: they must be unique"


def test_gitlab_fingerprints_survive_moved_lines_and_same_word_twice(tmp_path: Path, monkeypatch) -> None:
    corpus = corpus_or_skip()
    monkeypatch.chdir(tmp_path)
    src = sorted((corpus / "de-arbeitnow").glob("*.html"))[0].read_text(encoding="utf-8")
    Path("a.html").write_text(src, encoding="utf-8")
    body_rules = ("--extend-select", "AD2,AD3")  # findings in the body, not only on line 1
    _, before = run(tmp_path, "gitlab", ["a.html"], *body_rules)
    Path("a.html").write_text("<!-- reviewed -->\n\n\n" + src, encoding="utf-8")
    _, after = run(tmp_path, "gitlab", ["a.html"], *body_rules)
    b, a = json.loads(before), json.loads(after)
    assert b and len(a) == len(b)
    assert [i["location"]["lines"]["begin"] for i in a] != [i["location"]["lines"]["begin"] for i in b]
    assert {i["fingerprint"] for i in a} == {i["fingerprint"] for i in b}
    # The same flagged word in two identical lines: two findings, two fingerprints.
    Path("b.md").write_text("# Guru\n\n## Team\n\nWe need a guru.\n\nWe need a guru.\n", encoding="utf-8")
    _, twice = run(tmp_path, "gitlab", ["b.md"], "--select", "AD312")
    fps = [i["fingerprint"] for i in json.loads(twice) if i["location"]["lines"]["begin"] > 1]
    assert len(fps) == 2 and fps[0] != fps[1]


# -- JUnit ----------------------------------------------------------------------


def test_junit_on_corpus(sample: list[str], tmp_path: Path) -> None:
    ref = reference(tmp_path, sample)
    code, text = run(tmp_path, "junit", sample)
    assert code == 1
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "testsuites"
    assert root.get("tests") == root.get("failures") == str(len(ref))
    cases = root.findall("./testsuite/testcase")
    assert len(cases) == len(ref)
    for case, want in zip(cases, ref):
        failure = case.find("failure")
        assert case.get("classname") == want["path"]
        assert case.get("line") == str(want["location"]["line"])
        assert failure.get("type") == want["code"]
        assert failure.get("message") == want["message"]
        assert failure.text.startswith(
            f"{want['path']}:{want['location']['line']}:{want['location']['column']}: {want['code']} ")
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == list(dict.fromkeys(w["path"] for w in ref))


def test_junit_no_findings_and_unsafe_characters() -> None:
    from adlint.report.junit import xml_report

    empty = ET.fromstring(xml_report([]).encode("utf-8"))
    assert empty.get("tests") == "1" and empty.get("failures") == "0"
    assert empty.find("./testsuite/testcase").get("name") == "no findings"
    d = Diagnostic(code="AD001", name="unreadable-file", severity=Severity.ERROR,
                   message='bad \x0c byte <&"> \udcff here', path="a\x01.txt")
    root = ET.fromstring(xml_report([d]).encode("utf-8"))
    failure = root.find("./testsuite/testcase/failure")
    assert failure.get("message") == 'bad \\x0c byte <&"> \\xff here'
    assert root.find("testsuite").get("name") == "a\\x01.txt"


# -- json-lines, -o and auto --------------------------------------------------------


def test_json_lines_on_corpus(sample: list[str], tmp_path: Path) -> None:
    ref = reference(tmp_path, sample)
    code, text = run(tmp_path, "json-lines", sample)
    assert code == 1
    assert [json.loads(line) for line in text.splitlines()] == ref


def test_output_file_leaves_stdout_empty_and_bad_file_is_exit_2(sample: list[str], tmp_path: Path, capsys) -> None:
    code = main(["check", "--output-format", "sarif", "-o", str(tmp_path / "r.sarif"), sample[0]])
    assert code == 1
    assert capsys.readouterr().out == ""
    assert json.loads((tmp_path / "r.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]
    code = main(["check", "--output-format", "gitlab", "-o", str(tmp_path / "missing" / "r.json"), sample[0]])
    assert code == 2
    assert "cannot write" in capsys.readouterr().err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _auto(monkeypatch, capsys, *args: str, tty: bool = False) -> str:
    if not tty:
        main(["check", "--select", "AD402", *args, "a.md"])
        return capsys.readouterr().out
    saved, sys.stdout = sys.stdout, _Terminal()
    try:
        main(["check", "--select", "AD402", *args, "a.md"])
        return sys.stdout.getvalue()
    finally:
        sys.stdout = saved


def test_output_format_auto(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.md").write_text("---\nlanguage: fr_CA\n---\n", encoding="utf-8")
    assert _auto(monkeypatch, capsys, "--output-format", "auto").startswith("a.md:2:11: AD402 [error]")
    full = _auto(monkeypatch, capsys, "--output-format", "auto", "--color", "never", tty=True)
    assert "2 | language: fr_CA" in full and "^^^^^" in full
    capsys.readouterr()
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert _auto(monkeypatch, capsys, "--output-format", "auto").startswith("::error title=adlint AD402")
    # the config key takes the same names
    Path(".adlint.toml").write_text('output-format = "auto"\n', encoding="utf-8")
    assert _auto(monkeypatch, capsys).startswith("::error title=adlint AD402")
    Path(".adlint.toml").write_text('output-format = "gitlab"\n', encoding="utf-8")
    monkeypatch.delenv("GITHUB_ACTIONS")
    assert json.loads(_auto(monkeypatch, capsys))[0]["check_name"] == "AD402"


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_findings_is_valid_output(fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.md").write_text("---\nlanguage: fr-CA\n---\n", encoding="utf-8")
    code, text = run(tmp_path, fmt, ["a.md"], "--select", "AD402")
    assert code == 0
    if fmt == "sarif":
        log = json.loads(text)
        assert log["runs"][0]["results"] == []
        assert not list(_validator().iter_errors(log))
    elif fmt == "gitlab":
        assert json.loads(text) == []
    elif fmt == "junit":
        assert ET.fromstring(text.encode()).get("failures") == "0"
    else:
        assert text == ""


def test_fix_shown_in_sarif_from_fix_object(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A hand-made diagnostic with two edits on two lines: both replacements, as line/column regions."""
    from adlint.report.sarif import sarif_log

    monkeypatch.chdir(tmp_path)
    text = "ab\ncdé\nfg"
    d = Diagnostic(code="AD402", name="invalid-language-tag", severity=Severity.ERROR, message="m",
                   line=2, col=3, end_line=2, end_col=4, start=5, end=6, path="x.md",
                   fix=Fix((Edit(5, 6, "e"), Edit(7, 9, "FG")), "two edits"))
    (result,) = sarif_log([d], {"x.md": text})["runs"][0]["results"]
    regions = [r["deletedRegion"] for r in result["fixes"][0]["artifactChanges"][0]["replacements"]]
    assert regions == [{"startLine": 2, "startColumn": 3, "endLine": 2, "endColumn": 4},
                       {"startLine": 3, "startColumn": 1, "endLine": 3, "endColumn": 3}]


# -- the CI recipes in docs/ci.md ---------------------------------------------------------


def _ci_recipes() -> tuple[dict, dict]:
    import re

    import yaml

    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    blocks = [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", text, re.S)]
    # the hand-built workflow (the action's recipes come first; tests/test_action.py checks those) and the GitLab job
    (github,) = [b for b in blocks if "jobs" in b and any(str(s.get("run", "")).startswith("adlint ")
                                                          for s in b["jobs"]["adlint"]["steps"])]
    (gitlab,) = [b for b in blocks if "adlint" in b and "script" in b["adlint"]]
    return github, gitlab


def _adlint(cmd: str, capsys) -> tuple[int, str]:
    import shlex

    argv = shlex.split(cmd)
    assert argv[0] == "adlint"
    code = main(argv[1:])
    return code, capsys.readouterr().out


@pytest.fixture
def ci_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A checkout with real postings under jobs/, as the current folder."""
    corpus = corpus_or_skip()
    (tmp_path / "jobs").mkdir()
    for src in (sorted((corpus / "en-google").glob("*.md"))[0], sorted((corpus / "de-arbeitnow").glob("*.html"))[0]):
        (tmp_path / "jobs" / src.name).write_bytes(src.read_bytes())
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_github_workflow_recipe_runs(ci_repo: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    github, _ = _ci_recipes()
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_WORKSPACE", str(ci_repo))
    steps = github["jobs"]["adlint"]["steps"]
    assert github["permissions"]["security-events"] == "write"
    runs = [s["run"] for s in steps if str(s.get("run", "")).startswith("adlint ")]
    assert len(runs) == 2
    code, out = _adlint(runs[0], capsys)  # SARIF, never failing
    assert code == 0 and out == ""
    code, out = _adlint(runs[1], capsys)  # annotations, failing on findings
    assert code == 1 and out and all(line.startswith(("::error ", "::warning ", "::notice ")) for line in out.splitlines())
    assert "file=jobs/" in out
    upload = next(s for s in steps if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif@"))
    log = json.loads((ci_repo / upload["with"]["sarif_file"]).read_text(encoding="utf-8"))
    assert not list(_validator().iter_errors(log))
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert uris and all(u.startswith("jobs/") for u in uris)


def test_gitlab_job_recipe_runs(ci_repo: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    _, gitlab = _ci_recipes()
    monkeypatch.setenv("CI_PROJECT_DIR", str(ci_repo))
    job = gitlab["adlint"]
    codes = [_adlint(line, capsys)[0] for line in job["script"] if line.startswith("adlint ")]
    assert codes == [0, 1]  # the JUnit step never fails; the Code Quality step fails on findings
    reports = job["artifacts"]["reports"]
    assert job["artifacts"]["when"] == "always"
    issues = json.loads((ci_repo / reports["codequality"]).read_text(encoding="utf-8"))
    assert issues and all(i["location"]["path"].startswith("jobs/") for i in issues)
    junit = ET.fromstring((ci_repo / reports["junit"]).read_bytes())
    assert int(junit.get("failures")) == len(issues)
