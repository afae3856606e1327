"""The Python API (adlint.api, re-exported lazily by adlint): shapes, errors, picklable configuration."""

from __future__ import annotations

import io
import json
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

import adlint
from adlint.config import ConfigError
from tests.conftest import ROOT

MD = "## Role\n\nWe need a rockstar to run the data platform.\n"


def test_import_adlint_imports_nothing_else() -> None:
    code = ("import sys, adlint\n"
            "mods = sorted(m for m in sys.modules if m.startswith(('adlint.', 'pydantic', 'yaml', 'dask')))\n"
            "print(mods)\n"
            "adlint.lint_text\n"
            "print('adlint.api' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert out.stdout.splitlines() == ["[]", "True"], out.stderr


def test_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'lint_everything'"):
        adlint.lint_everything  # noqa: B018
    assert {"lint_text", "lint_record", "load_config", "Config"} <= set(dir(adlint))


def test_lint_text_shapes() -> None:
    cfg = adlint.load_config(isolated=True, overrides={"select": ["AD312", "AD402"]})
    (f,) = adlint.lint_text(MD, config=cfg, language="en")
    assert isinstance(f, adlint.Finding)
    assert (f.code, f.name, str(f.severity), f.line, f.col, f.end_line, f.end_col) == (
        "AD312", "jargon-job-title", "warning", 3, 11, 3, 19)
    assert MD[f.start:f.end] == "rockstar"
    assert f.severity == adlint.Severity.WARNING and f.record_id is None
    assert f.to_dict()["path"] == "posting.md" and "id" not in f.to_dict()
    # language/country given beside the text are checked like declared ones
    (bad,) = adlint.lint_text("We need an engineer.", format="text", config=cfg, language="en_GB")
    assert bad.code == "AD402" and "'en_GB'" in bad.message
    # the text's own declaration wins over the one given beside it
    assert adlint.lint_text("---\nlanguage: en\n---\n" + MD, config=cfg, language="en_GB")[0].code == "AD312"


def test_lint_text_formats_and_path() -> None:
    cfg = adlint.load_config(isolated=True, overrides={"select": ["AD312"]})
    html = adlint.lint_text("<p>We need a <b>guru</b>.</p>", format="html", config=cfg)
    assert [(f.path, f.line, f.col) for f in html] == [("posting.html", 1, 17)]
    named = adlint.lint_text(MD, path="jobs/a.md", config=cfg)
    assert named[0].path == "jobs/a.md"


def test_lint_text_errors() -> None:
    with pytest.raises(ValueError, match="unknown format 'pdf'"):
        adlint.lint_text(MD, format="pdf")
    with pytest.raises(TypeError, match="text must be a str"):
        adlint.lint_text(b"bytes")  # type: ignore[arg-type]


def test_load_config_file_overrides_and_errors(tmp_path: Path) -> None:
    toml = tmp_path / ".adlint.toml"
    toml.write_text('select = ["AD312"]\n', encoding="utf-8")
    cfg = adlint.load_config(toml)
    assert cfg.enabled == frozenset({"AD312"})
    assert adlint.load_config(for_path=tmp_path / "job.md").enabled == frozenset({"AD312"})  # nearest to the path
    assert adlint.load_config(toml, overrides={"extend_select": ["AD402"]}).enabled == frozenset({"AD312", "AD402"})
    assert "AD101" not in adlint.load_config(isolated=True).enabled  # off by default
    toml.write_text('selekt = ["AD312"]\n', encoding="utf-8")
    with pytest.raises(adlint.ConfigError, match="selekt: unknown key"):
        adlint.load_config(toml)
    with pytest.raises(ConfigError, match="not found"):
        adlint.load_config(tmp_path / "missing.toml")
    with pytest.raises(ConfigError, match="unknown rule selector 'AD999'"):
        adlint.load_config(isolated=True, overrides={"select": ["AD999"]})


def test_lint_record_shapes() -> None:
    cfg = adlint.load_config(isolated=True, overrides={"select": ["AD003", "AD312"]})
    (f,) = adlint.lint_record({"id": "job-42", "format": "markdown", "content": MD}, config=cfg, line=17)
    assert (f.record_id, f.record_line, f.line, f.col, f.path) == ("job-42", 17, 3, 11, "records.jsonl")
    assert f.to_dict()["id"] == "job-42" and f.to_dict()["record_line"] == 17
    (g,) = adlint.lint_record(json.dumps({"format": "text", "content": "A ninja."}), config=cfg, line=4)
    assert g.record_id == "4"
    (b,) = adlint.lint_record(b"{broken", config=cfg, line=9, path="export.jsonl")
    assert (b.code, b.record_id, b.record_line, b.path) == ("AD003", "9", 9, "export.jsonl")
    assert adlint.lint_record("  \n", config=cfg) == []
    job = {"@type": "JobPosting", "identifier": "J-1", "title": "Data guru", "description": "<p>x</p>"}
    assert [(x.record_id, x.code) for x in adlint.lint_record(job, config=cfg)] == [("J-1", "AD312")]
    with pytest.raises(TypeError, match="a record is a dict"):
        adlint.lint_record(42, config=cfg)


def test_lint_records_numbers_lines_and_streams() -> None:
    cfg = adlint.load_config(isolated=True, overrides={"select": ["AD003", "AD312"]})
    taken = []

    def rows():
        for i in range(5):
            taken.append(i)
            yield {"format": "text", "content": "We need a ninja."} if i != 2 else "{bad"

    it = adlint.lint_records(rows(), config=cfg)
    first = next(it)
    assert first.record_id == "1" and taken == [0]  # lazily, one record at a time
    rest = list(it)
    assert [(f.record_id, f.code) for f in rest] == [("2", "AD312"), ("3", "AD003"), ("4", "AD312"), ("5", "AD312")]


def test_read_records_from_a_stream() -> None:
    data = b'{"id": "a", "format": "text", "content": "x"}\n\n{oops\n'
    recs = list(adlint.read_records(io.BytesIO(data)))
    assert [(r.id, r.line, r.broken) for r in recs] == [("a", 1, False), ("3", 3, True)]
    assert isinstance(recs[0], adlint.Record)


def test_a_rule_crash_raises_with_the_other_findings(monkeypatch) -> None:
    from adlint import registry

    cfg = adlint.load_config(isolated=True, overrides={"select": ["AD312", "AD306"]})
    rule = registry.rule_class("AD306")

    def boom(self, posting, options):
        raise ZeroDivisionError("oops")

    monkeypatch.setattr(rule, "check", boom)
    with pytest.raises(adlint.RuleCrash) as exc:
        adlint.lint_text(MD, config=cfg)
    assert "AD306" in str(exc.value) and [f.code for f in exc.value.findings] == ["AD312"]


def test_config_pickles_and_lints_the_same_in_a_fresh_process(tmp_path: Path) -> None:
    toml = tmp_path / ".adlint.toml"
    toml.write_text('extend-select = ["AD301"]\ndefault-country = "GB"\n[rules.AD204]\nyears_info = 2\nyears_warning = 3\n'
                    '[[metadata]]\npath = "*.jsonl"\nlanguage = "en"\n', encoding="utf-8")
    cfg = adlint.load_config(toml)
    record = {"id": "r1", "format": "markdown",
              "content": "## Requirements\n\n- 5+ years of experience in Python\n- A competitive, dominant rockstar\n"}
    here = [f.to_dict() for f in adlint.lint_record(record, config=cfg)]
    assert {"AD204", "AD312"} <= {f["code"] for f in here}
    blob = tmp_path / "cfg.pickle"
    blob.write_bytes(pickle.dumps(cfg))
    code = ("import json, pickle, sys\n"
            "cfg = pickle.loads(open(sys.argv[1], 'rb').read())\n"
            "import adlint\n"
            "record = json.loads(sys.argv[2])\n"
            "print(json.dumps([f.to_dict() for f in adlint.lint_record(record, config=cfg)]))\n")
    # a fresh interpreter, elsewhere (the configuration file is not read again)
    out = subprocess.run([sys.executable, "-c", code, str(blob), json.dumps(record)], capture_output=True, text=True,
                         cwd=ROOT.parent, timeout=120)
    assert json.loads(out.stdout) == here, out.stderr


def test_finding_row_is_flat_and_ordered() -> None:
    from adlint.api import ROW_FIELDS

    cfg = adlint.load_config(isolated=True, overrides={"select": ["AD312"]})
    (f,) = adlint.lint_record({"id": "a", "format": "markdown", "content": MD}, config=cfg, line=3)
    row = adlint.finding_row(f)
    assert list(row) == [k for k, _ in ROW_FIELDS]
    assert row == {"path": "records.jsonl", "id": "a", "record_line": 3, "code": "AD312", "name": "jargon-job-title",
                   "severity": "warning", "message": f.message, "line": 3, "column": 11, "end_line": 3,
                   "end_column": 19, "suggestion": "expert"}
    (g,) = adlint.lint_text(MD, config=cfg)
    assert (adlint.finding_row(g)["id"], adlint.finding_row(g)["record_line"]) == (None, None)
