"""JSON Lines input: record shapes, ids in every output format, broken lines, standard input, --jobs, baseline,
--fix, statistics and flat memory (issue 13)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from adlint.cli import main
from adlint.records import Record, iter_records, parse_line
from tests.conftest import ROOT

SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"

# Markdown content with 'rockstar' (AD312) on line 3, columns 11-19.
MD = "## Role\n\nWe need a rockstar to run the data platform.\n"
JOBPOSTING = {"@context": "https://schema.org", "@type": "JobPosting", "title": "Data guru",
              "identifier": {"@type": "PropertyValue", "name": "ACME", "value": "acme-7"},
              "description": "<p>We need a guru.</p>"}
LINES = [
    json.dumps({"id": "job-1", "format": "markdown", "content": MD}),                      # line 1
    "",                                                                                    # line 2: blank, skipped
    "{not json",                                                                           # line 3: broken
    json.dumps({"format": "text", "content": "We need a ninja.\n"}),                        # line 4: no id
    json.dumps(JOBPOSTING),                                                                # line 5: JobPosting
    json.dumps({"id": 42, "format": "pdf", "content": "x"}),                               # line 6: unknown format
    json.dumps({"id": "job 7", "format": "html", "content": "<p>A <b>guru</b>.</p>"}),     # line 7: id with a space
]
SELECT = ["--select", "AD003,AD312"]


@pytest.fixture(autouse=True)
def _no_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("GITHUB_ACTIONS", "GITHUB_WORKSPACE", "CI_PROJECT_DIR", "ADLINT_DOCS_URL"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "postings.jsonl").write_text("\n".join(LINES) + "\n", encoding="utf-8")
    return tmp_path


def check(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["check", "--no-cache", *args])
    cap = capsys.readouterr()
    return code, cap.out, cap.err


def as_json(capsys, *args: str) -> list[dict]:
    code, out, err = check(capsys, "--output-format", "json", *args)
    assert code in (0, 1), err
    return json.loads(out)


# -- reading records ----------------------------------------------------------------------------------------


def test_posting_record_fields() -> None:
    rec = parse_line(json.dumps({"id": "a", "format": "html", "content": "<p>x</p>", "language": "de",
                                 "country": "DE", "region": "DE-BE", "title": "ignored"}).encode(), 9)
    assert rec == Record("a", 9, "html", "<p>x</p>", "de", "DE", "DE-BE")
    assert parse_line(b'{"id": 12, "format": "text", "content": "x"}\n', 3).id == "12"
    assert parse_line(b'{"format": "text", "content": "x"}\r\n', 3).id == "3"  # no id: the line number
    assert parse_line(b"   \n", 4) is None  # blank lines are skipped


@pytest.mark.parametrize("obj, want", [
    ({"@type": "JobPosting", "identifier": "J-1", "url": "https://x/1"}, "J-1"),
    ({"@type": "JobPosting", "identifier": {"@type": "PropertyValue", "value": 77}}, "77"),
    ({"@type": "JobPosting", "@id": "https://x/jobs#2", "url": "https://x/2"}, "https://x/jobs#2"),
    ({"@type": "JobPosting", "url": "https://x/3"}, "https://x/3"),
    ({"@type": "JobPosting", "title": "T"}, "8"),
    ({"@context": "https://schema.org", "@graph": [{"@type": "JobPosting", "identifier": "G"}]}, "G"),
])
def test_jobposting_record_ids(obj: dict, want: str) -> None:
    text = json.dumps(obj)
    rec = parse_line(text, 8)
    assert (rec.id, rec.format, rec.content, rec.problem) == (want, "jsonld", text, None)


@pytest.mark.parametrize("line, problem", [
    (b"{not json", "not JSON: Expecting property name enclosed in double quotes"),
    (b"[1, 2]", "a record must be a JSON object, not an array"),
    (b'"text"', "a record must be a JSON object, not a string"),
    (b'{"id": "a", "content": "x"}', "the record has no 'format' (one of markdown, text, html, jsonld)"),
    (b'{"id": "a", "format": "pdf", "content": "x"}', "unknown format 'pdf'; use one of markdown, text, html, jsonld"),
    (b'{"id": "a", "format": "text"}', "the record has no 'content'"),
    (b'{"id": "a", "format": "text", "content": null}', "the record has no 'content'"),
    (b'{"id": "a", "format": "text", "content": {"x": 1}}', "'content' must be a string, not an object"),
    (b'{"id": [1], "format": "text", "content": "x"}', "'id' must be a string or an integer, not an array"),
    (b'{"id": "a", "format": "text", "content": "x", "language": 5}', "'language' must be a string, not a number"),
    (b'{"title": "no content"}', "not a posting record: no 'content' (with 'format'), and not a schema.org "
                                 'JobPosting object (no "@type")'),
    (b'{"id": "a", "format": "text", "content": "caf\xe9"}', "not UTF-8 (byte e9 at column 46); JSON Lines files "
                                                             "are UTF-8"),
])
def test_broken_lines_say_why(line: bytes, problem: str) -> None:
    rec = parse_line(line, 5)
    assert rec.broken and rec.problem == problem and rec.line == 5


def test_broken_record_keeps_its_id_when_it_has_one() -> None:
    assert parse_line(b'{"id": "job-9", "format": "pdf", "content": "x"}', 5).id == "job-9"
    assert parse_line(b"{oops", 5).id == "5"


def test_json_error_column_and_bom_on_the_first_line() -> None:
    assert parse_line(b'{"id": "a",, }', 1).col == 12
    rec = parse_line('\ufeff{"id": "a", "format": "text", "content": "x"}'.encode(), 1)
    assert rec.id == "a" and not rec.broken


def test_unpaired_surrogates_become_replacement_characters() -> None:
    rec = parse_line(b'{"id": "a\\ud800", "format": "text", "content": "x\\udc00y"}', 1)
    assert (rec.id, rec.content) == ("a\ufffd", "x\ufffdy")


class _Trickle(io.RawIOBase):
    """A stream that hands out its lines one by one and fails if read past ``stop`` lines before they are used."""

    def __init__(self, lines: list[bytes]) -> None:
        self.lines = lines
        self.given = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:  # type: ignore[override]
        if self.given >= len(self.lines):
            return 0
        data = self.lines[self.given]
        self.given += 1
        buf[:len(data)] = data
        return len(data)


def test_records_are_read_one_line_at_a_time() -> None:
    lines = [json.dumps({"id": str(i), "format": "text", "content": "x"}).encode() + b"\n" for i in range(100)]
    raw = _Trickle(lines)
    it = iter_records(io.BufferedReader(raw, buffer_size=64))
    first = next(it)
    assert first.id == "0" and raw.given <= 2  # the rest of the stream is not read yet
    assert [r.id for r in it] == [str(i) for i in range(1, 100)]


def test_a_line_over_max_file_size_is_skipped_unread(tmp_path: Path) -> None:
    big = json.dumps({"id": "big", "format": "text", "content": "x" * 5000})
    data = (json.dumps({"id": "a", "format": "text", "content": "x"}) + "\n" + big + "\n"
            + json.dumps({"id": "c", "format": "text", "content": "x"}) + "\n").encode()
    recs = list(iter_records(io.BufferedReader(io.BytesIO(data), buffer_size=256), max_bytes=1000))
    assert [(r.id, r.line, r.problem_kind if r.broken else None) for r in recs] == [
        ("a", 1, None), ("2", 2, "too-large"), ("c", 3, None)]
    assert recs[1].problem == f"the record is {len(big):,} bytes, over max-file-size (1,000); not read"


# -- the command line: ids in every output format ---------------------------------------------------------------


def test_json_has_id_and_record_line_and_content_positions(project: Path, capsys) -> None:
    found = as_json(capsys, *SELECT, "postings.jsonl")
    got = [(f["id"], f["record_line"], f["code"], f["location"]["line"], f["location"]["column"]) for f in found]
    assert got == [
        ("job-1", 1, "AD312", 3, 11),
        ("3", 3, "AD003", 1, 2),          # not JSON: the line number names it; the column of the error
        ("4", 4, "AD312", 1, 11),         # no id: the line number
        ("acme-7", 5, "AD312", 1, 74),    # JobPosting: positions are columns of the line itself (the title)
        ("acme-7", 5, "AD312", 1, 187),   # and the description
        ("42", 6, "AD003", 1, 1),
        ("job 7", 7, "AD312", 1, 9),
    ]
    assert all(f["path"] == "postings.jsonl" for f in found)
    assert LINES[4][73:77] == LINES[4][186:190] == "guru"
    # findings in a file have no id key at all
    (Path("job.md")).write_text(MD, encoding="utf-8")
    (f,) = as_json(capsys, *SELECT, "job.md")
    assert "id" not in f and "record_line" not in f


def test_json_lines_has_ids(project: Path, capsys) -> None:
    code, out, _ = check(capsys, *SELECT, "--output-format", "json-lines", "postings.jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert [(r["id"], r["record_line"]) for r in rows] == [("job-1", 1), ("3", 3), ("4", 4), ("acme-7", 5), ("acme-7", 5),
                                                           ("42", 6), ("job 7", 7)]


def test_concise_points_at_the_record_line_with_id_and_content_position(project: Path, capsys) -> None:
    code, out, err = check(capsys, *SELECT, "--output-format", "concise", "postings.jsonl")
    lines = out.splitlines()
    assert lines[0] == ("postings.jsonl:1:1: AD312 [warning] [job-1 3:11] 'rockstar' is a jargon job title; "
                        "consider 'expert', 'senior' or 'experienced'")
    assert lines[1] == "postings.jsonl:3:1: AD003 [error] [3 1:2] not JSON: Expecting property name enclosed in double quotes"
    assert lines[5].startswith("postings.jsonl:6:1: AD003 [error] [42 1:1] unknown format 'pdf'")
    assert lines[6].startswith('postings.jsonl:7:1: AD312 [warning] ["job 7" 1:9] ')  # an id with a space is quoted
    assert err == "Found 7 findings in 6 records (1 file checked, 6 records read).\n"
    assert code == 1


def test_full_shows_the_record_content_line(project: Path, capsys) -> None:
    _, out, _ = check(capsys, *SELECT, "--output-format", "full", "postings.jsonl")
    first = out.split("\n\n")[0].splitlines()
    assert first == [
        "postings.jsonl:1:1: AD312 [warning] [job-1 3:11] 'rockstar' is a jargon job title; consider 'expert', "
        "'senior' or 'experienced'",
        "  |",
        "3 | We need a rockstar to run the data platform.",
        "  |           ^^^^^^^^",
        "  fix (unsafe): replace 'rockstar' with 'expert' and 'a' with 'an' (the first of 4 alternatives; review the "
        "wording)",
    ]


def test_github_annotates_the_record_line(project: Path, capsys) -> None:
    _, out, _ = check(capsys, *SELECT, "--output-format", "github", "postings.jsonl")
    assert out.splitlines()[0].startswith(
        "::warning title=adlint AD312 (jargon-job-title),file=postings.jsonl,line=1,endLine=1::"
        "[job-1 3:11] 'rockstar' is a jargon job title; consider 'expert', 'senior' or 'experienced'%0Afix (unsafe): ")


def test_gitlab_lines_ids_and_unique_fingerprints(project: Path, capsys) -> None:
    _, out, _ = check(capsys, *SELECT, "--output-format", "gitlab", "postings.jsonl")
    issues = json.loads(out)
    assert [(i["location"]["lines"]["begin"], i["description"].split("]")[0]) for i in issues] == [
        (1, "AD312 [job-1 3:11"), (3, "AD003 [3 1:2"), (4, "AD312 [4 1:11"), (5, "AD312 [acme-7 1:74"),
        (5, "AD312 [acme-7 1:187"), (6, "AD003 [42 1:1"), (7, 'AD312 ["job 7" 1:9')]
    assert all(i["location"]["path"] == "postings.jsonl" for i in issues)
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_sarif_validates_with_record_locations(project: Path, capsys) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    if not SCHEMA.is_file():
        pytest.skip(f"SARIF schema not found at {SCHEMA}")
    _, out, _ = check(capsys, *SELECT, "--output-format", "sarif", "postings.jsonl")
    log = json.loads(out)
    validator = jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    errors = sorted(validator.iter_errors(log), key=str)
    assert not errors, errors[0]
    first = log["runs"][0]["results"][0]
    loc = first["locations"][0]
    assert loc["physicalLocation"]["region"] == {"startLine": 1}
    assert loc["logicalLocations"] == [{"name": "job-1", "kind": "object"}]
    assert first["properties"] == {"recordId": "job-1", "recordLine": 1,
                                   "contentRegion": {"startLine": 3, "startColumn": 11, "endLine": 3, "endColumn": 19}}
    assert first["message"]["text"].startswith("[job-1 3:11] 'rockstar'")
    assert "fixes" not in first


def test_junit_names_the_record(project: Path, capsys) -> None:
    _, out, _ = check(capsys, *SELECT, "--output-format", "junit", "postings.jsonl")
    cases = ET.fromstring(out).findall(".//testcase")
    assert [(c.get("name"), c.get("line")) for c in cases][:2] == [("AD312 in job-1 at 3:11", "1"),
                                                                 ("AD003 in 3 at 1:2", "3")]


def test_stream_writers_equal_whole_documents(project: Path, capsys) -> None:
    """json, gitlab and sarif are written element by element: the bytes json.dump would write for the whole."""
    from adlint import report
    from adlint.report.gitlab import issues
    from adlint.report.sarif import sarif_log

    found = as_json(capsys, "postings.jsonl")
    _, out, _ = check(capsys, "--output-format", "json", "postings.jsonl")
    assert out == json.dumps(found, ensure_ascii=False, indent=2) + "\n"
    _, out, _ = check(capsys, "--output-format", "gitlab", "postings.jsonl")
    assert out == json.dumps(json.loads(out), ensure_ascii=False, indent=2) + "\n"
    _, out, _ = check(capsys, "--output-format", "sarif", "postings.jsonl")
    assert out == json.dumps(json.loads(out), ensure_ascii=False, indent=2) + "\n"
    for name in ("json", "gitlab", "sarif"):  # and with no findings at all
        buf = io.StringIO()
        report.get(name)([], {}, buf, False)
        whole = {"json": [], "gitlab": issues([], {}), "sarif": sarif_log([], {})}[name]
        assert buf.getvalue() == json.dumps(whole, ensure_ascii=False, indent=2) + "\n"


# -- metadata, configuration, statistics, baseline, fixes ----------------------------------------------------------


def test_record_metadata_fills_the_posting_where_the_content_declares_none(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    recs = [{"id": "a", "format": "markdown", "content": MD, "language": "en_GB", "country": "UK"},
            {"id": "b", "format": "markdown", "content": "---\nlanguage: en\n---\n" + MD, "language": "fr"},
            {"id": "c", "format": "markdown", "content": MD, "language": "en", "country": "GB"}]
    Path("r.jsonl").write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    found = as_json(capsys, "--isolated", "--select", "AD401,AD402,AD404,AD406,AD407", "r.jsonl")
    assert sorted((f["id"], f["code"]) for f in found) == [("a", "AD402"), ("a", "AD407"), ("b", "AD406")]
    # no language and no country: the advice is to add them to the record
    Path("s.jsonl").write_text(json.dumps({"id": "x", "format": "text", "content": "We are looking for an engineer who "
                                                          "will build and run the data platform with our team.\n"}) + "\n",
                               encoding="utf-8")
    msgs = {f["code"]: f["message"] for f in as_json(capsys, "--isolated", "--select", "AD401,AD406", "s.jsonl")}
    assert 'add "language": "en" to the record' in msgs["AD401"]
    assert 'add "country" with an ISO 3166-1 alpha-2 code' in msgs["AD406"] and "to the record" in msgs["AD406"]


def test_config_per_file_ignores_and_metadata_tables_match_the_jsonl_path(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "exports").mkdir()
    Path("exports/fr.jsonl").write_text(json.dumps({"id": "a", "format": "text", "content": "Nous recrutons un "
                                                    "développeur pour notre équipe à Paris.\n"}) + "\n", encoding="utf-8")
    Path(".adlint.toml").write_text('select = ["AD401", "AD406", "AD312"]\n[[metadata]]\npath = "exports/fr.jsonl"\n'
                                    'language = "fr"\ncountry = "FR"\n', encoding="utf-8")
    assert as_json(capsys, "exports/fr.jsonl") == []
    Path(".adlint.toml").write_text('select = ["AD401"]\n[per-file-ignores]\n"exports/*.jsonl" = ["AD401"]\n',
                                    encoding="utf-8")
    assert as_json(capsys, "exports/fr.jsonl") == []


def test_statistics_count_record_findings(project: Path, capsys) -> None:
    code, out, _ = check(capsys, *SELECT, "--statistics", "postings.jsonl")
    assert out.splitlines() == ["     5\tAD312\t    jargon-job-title", "     2\tAD003\t    parse-error"]
    assert code == 1


def test_baseline_keys_record_findings_by_id(project: Path, capsys) -> None:
    code, _, err = check(capsys, *SELECT, "--write-baseline", "base.json", "postings.jsonl")
    assert code == 0 and "wrote 7 findings" in err
    rows = json.loads(Path("base.json").read_text(encoding="utf-8"))["findings"]
    assert {(r["id"], r["record_line"]) for r in rows} == {("job-1", 1), ("3", 3), ("4", 4), ("acme-7", 5), ("42", 6),
                                                           ("job 7", 7)}
    assert as_json(capsys, *SELECT, "--baseline", "base.json", "postings.jsonl") == []
    # Records moved to other lines keep their findings' fingerprints (keyed by id) ...
    lines = Path("postings.jsonl").read_text(encoding="utf-8").splitlines()
    moved = [lines[6], lines[0], lines[4]]
    Path("postings.jsonl").write_text("\n".join(moved) + "\n", encoding="utf-8")
    assert as_json(capsys, *SELECT, "--baseline", "base.json", "postings.jsonl") == []
    # ... and the same finding in a record with a new id is new.
    Path("postings.jsonl").write_text(moved[1].replace("job-1", "job-99") + "\n", encoding="utf-8")
    assert [f["id"] for f in as_json(capsys, *SELECT, "--baseline", "base.json", "postings.jsonl")] == ["job-99"]


def test_two_records_with_one_id_get_distinct_fingerprints(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    line = json.dumps({"id": "same", "format": "markdown", "content": MD})
    Path("d.jsonl").write_text(line + "\n" + line + "\n", encoding="utf-8")
    _, out, _ = check(capsys, "--select", "AD312", "--output-format", "gitlab", "d.jsonl")
    fps = [i["fingerprint"] for i in json.loads(out)]
    assert len(fps) == 2 and len(set(fps)) == 2


def test_fix_never_changes_a_jsonl_file(project: Path, capsys) -> None:
    before = Path("postings.jsonl").read_bytes()
    code, out, err = check(capsys, "--select", "AD402,AD312", "--fix", "--unsafe-fixes", "--output-format", "concise",
                           "postings.jsonl")
    assert Path("postings.jsonl").read_bytes() == before
    assert "JSON Lines records are never fixed in place" in err
    assert "[job-1 3:11]" in out and code == 1
    code, out, err = check(capsys, "--select", "AD312", "--diff", "postings.jsonl")
    assert out == "" and code == 0 and Path("postings.jsonl").read_bytes() == before


# -- standard input, --jobs, unreadable files --------------------------------------------------------------------


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_with_stdin_format_jsonl(project: Path, monkeypatch, capsys) -> None:
    _stdin(monkeypatch, Path("postings.jsonl").read_bytes())
    from_stdin = as_json(capsys, *SELECT, "--stdin-format", "jsonl", "-")
    from_file = as_json(capsys, *SELECT, "postings.jsonl")
    assert [(f["path"], f["id"]) for f in from_stdin][:2] == [("-", "job-1"), ("-", "3")]
    assert [{**f, "path": ""} for f in from_stdin] == [{**f, "path": ""} for f in from_file]
    # a --stdin-filename ending in .jsonl reads records too, and names them
    _stdin(monkeypatch, Path("postings.jsonl").read_bytes())
    named = as_json(capsys, *SELECT, "--stdin-filename", "export.ndjson", "-")
    assert [{**f, "path": ""} for f in named] == [{**f, "path": ""} for f in from_file]
    assert {f["path"] for f in named} == {"export.ndjson"}


def test_stdin_format_jsonl_in_a_subprocess_streams(project: Path) -> None:
    lines = "".join(json.dumps({"id": f"r{i}", "format": "markdown", "content": MD}) + "\n" for i in range(300))
    proc = subprocess.run([sys.executable, "-m", "adlint", "check", "--isolated", "--select", "AD312", "--jobs", "2",
                           "--batch-size", "16", "--output-format", "concise", "--stdin-format", "jsonl", "-"],
                          input=lines.encode(), capture_output=True, cwd=project, timeout=300)
    out = proc.stdout.decode().splitlines()
    assert proc.returncode == 1, proc.stderr
    assert out == [f"-:{i + 1}:1: AD312 [warning] [r{i} 3:11] 'rockstar' is a jargon job title; consider 'expert', "
                   "'senior' or 'experienced'" for i in range(300)]


def test_jobs_give_the_same_output_in_the_same_order(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    rows = []
    for i in range(150):
        rows.append(json.dumps({"id": f"j{i}", "format": ("markdown", "text", "html")[i % 3],
                                "content": f"We need a {('rockstar', 'ninja', 'guru')[i % 3]} ({i}).\n"}))
        if i % 40 == 0:
            rows.append("{broken")
    Path("many.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    one = check(capsys, "--jobs", "1", "--output-format", "json-lines", "many.jsonl")
    two = check(capsys, "--jobs", "2", "--batch-size", "7", "--output-format", "json-lines", "many.jsonl")
    assert one == two
    assert len(one[1].splitlines()) > 300


def test_a_jsonl_file_that_cannot_be_read_is_ad001(project: Path, monkeypatch, capsys) -> None:
    def refuse(job):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("adlint.runner._open_records", refuse)
    found = as_json(capsys, "postings.jsonl")
    assert [(f["code"], f["message"], "id" in f) for f in found] == [
        ("AD001", "cannot read file: Permission denied", False)]


def test_a_jsonl_file_and_postings_in_one_run(project: Path, capsys) -> None:
    Path("job.md").write_text(MD, encoding="utf-8")
    code, out, err = check(capsys, *SELECT, "--output-format", "concise", "job.md", "postings.jsonl")
    lines = out.splitlines()
    assert lines[0] == ("job.md:3:11: AD312 [warning] 'rockstar' is a jargon job title; consider 'expert', 'senior' "
                        "or 'experienced'")
    assert lines[1].startswith("postings.jsonl:1:1: AD312 [warning] [job-1 3:11] ")
    assert err == "Found 8 findings in 1 file and 6 records (2 files checked, 6 records read).\n"


def test_jsonl_files_are_linted_when_named_not_when_a_folder_is_walked(project: Path, capsys) -> None:
    code, out, err = check(capsys, *SELECT, ".")
    assert out == "" and "no postings found" in err


# -- memory stays flat ---------------------------------------------------------------------------------------------


_PEAK = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=False)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def _peak_kib(args: list[str], cwd: Path) -> int:
    """Peak resident memory (KiB) of ``adlint check ARGS`` and its worker processes, run afresh."""
    proc = subprocess.run([sys.executable, "-c", _PEAK, sys.executable, "-m", "adlint", "check", *args],
                          capture_output=True, text=True, cwd=cwd, timeout=600)
    return int(proc.stdout.strip())


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_memory_stays_flat_as_the_file_grows(tmp_path: Path, jobs: str) -> None:
    """Eight times the records (13 MB more of content) and as many findings: the peak stays within 8 MB."""
    para = "We build the payment platform that small shops use every day, and we look after it together. " * 10
    content = "## Role\n\n" + "\n\n".join([para] * 20) + "\n"  # ~19 kB: AD504 (too long) in every record
    for n in (100, 800):
        with open(tmp_path / f"r{n}.jsonl", "w", encoding="utf-8") as fh:
            for i in range(n):
                fh.write(json.dumps({"id": f"r{i}", "format": "markdown", "content": content}) + "\n")
    # Small batches: the records in flight (workers × 4 batches) are fewer than the small file holds.
    args = ["--isolated", "--no-cache", "--select", "AD504", "--jobs", jobs, "--batch-size", "8", "--output-format", "full"]
    small = _peak_kib([*args, "r100.jsonl"], tmp_path)
    large = _peak_kib([*args, "r800.jsonl"], tmp_path)
    assert (tmp_path / "r800.jsonl").stat().st_size > 14_000_000
    assert large - small < 8 * 1024, (small, large)


def test_inspect_prints_one_object_per_record(project: Path, capsys) -> None:
    assert main(["inspect", "postings.jsonl"]) == 0
    docs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(d["id"], d["record_line"], d["format"]) for d in docs] == [
        ("job-1", 1, "markdown"), ("3", 3, "text"), ("4", 4, "text"), ("acme-7", 5, "jsonld"), ("42", 6, "text"),
        ("job 7", 7, "html")]
    assert [s["heading"]["text"] for s in docs[0]["sections"] if s["heading"]] == ["Role"]
    assert docs[1]["problems"][0]["message"].startswith("not JSON")
