"""The Spark recipe of docs/scale.md, run as written in Spark's local mode (skipped without pyspark).

The code between ``<!-- spark-recipe -->`` and ``<!-- /spark-recipe -->`` in
docs/scale.md is executed, and its ``lint_jsonl`` must give, row for row, the
findings ``adlint check --output-format json`` gives for the same file.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytest.importorskip("pyspark", reason="pyspark is not installed (the Spark recipe is optional; CI does not install it)")
pytest.importorskip("pandas", reason="mapInPandas needs pandas")
pytest.importorskip("pyarrow", reason="mapInPandas needs pyarrow")

MD = "## Role\n\nWe need a rockstar to run the data platform.\n"


def recipe() -> str:
    text = (ROOT / "docs" / "scale.md").read_text(encoding="utf-8")
    m = re.search(r"<!-- spark-recipe -->\n```python\n(.*?)```\n<!-- /spark-recipe -->", text, re.S)
    assert m, "docs/scale.md lost its spark-recipe block"
    return m.group(1)


def test_spark_recipe_in_local_mode_equals_adlint_check(tmp_path: Path, capsys, monkeypatch) -> None:
    from pyspark.sql import SparkSession

    import adlint
    from adlint.cli import main

    lines = [json.dumps({"id": f"job-{i}", "format": ("markdown", "text", "html")[i % 3],
                         "content": MD if i % 3 != 2 else "<p>We need a <b>guru</b>.</p>"}) for i in range(40)]
    lines[7] = "{broken"
    lines[9] = json.dumps({"format": "text", "content": "A ninja."})
    lines[11] = json.dumps({"@type": "JobPosting", "identifier": "J-11", "title": "Data guru"})
    path = tmp_path / "postings.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--isolated", "--no-cache", "--select", "AD003,AD312", "--output-format", "json",
                 "postings.jsonl"]) == 1
    want = json.loads(capsys.readouterr().out)

    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)  # the executors' Python: this one, with adlint and pandas
    namespace: dict = {}
    exec(compile(recipe(), "docs/scale.md#spark-recipe", "exec"), namespace)
    spark = SparkSession.builder.master("local[2]").appName("adlint-test").getOrCreate()
    try:
        config = adlint.load_config(isolated=True, overrides={"select": ["AD003", "AD312"]})
        rows = [r.asDict() for r in namespace["lint_jsonl"](spark, str(path), config).collect()]
    finally:
        spark.stop()
    rows.sort(key=lambda r: (r["record_line"], r["line"], r["column"], r["code"]))
    assert [(r["path"], r["id"], r["record_line"], r["code"], r["severity"], r["message"], r["line"], r["column"])
            for r in rows] == [
        (f["path"], f["id"], f["record_line"], f["code"], f["severity"], f["message"], f["location"]["line"],
         f["location"]["column"]) for f in want]
    assert {r["id"] for r in rows} >= {"job-0", "8", "10", "J-11"}
