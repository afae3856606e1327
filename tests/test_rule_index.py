"""The static rule index (adlint/rule_index.py) matches the rule classes, and resolving needs no rule module."""

from __future__ import annotations

import subprocess
import sys

from adlint import registry
from conftest import ROOT


def test_index_matches_the_rule_classes():
    assert [tuple(e) for e in registry.index().values()] == registry.build_index(), (
        "adlint/rule_index.py is stale: run `python -m adlint.registry --write-index`")


def test_generated_docs_match_the_rule_classes():
    from adlint.rule_docs import DOCS
    from adlint.ruledoc import rule_json

    assert DOCS == {code: rule_json(r) for code, r in registry.all_rules().items()}, (
        "adlint/rule_docs.py is stale: run `python -m adlint.registry --write-index`")


def test_selectors_resolve_from_the_index():
    assert registry.resolve("AD30") == {c for c in registry.index() if c.startswith("AD30")}
    assert registry.resolve("gender-coded-wording") == {"AD301"}
    assert registry.code_of("ad301") == "AD301" and registry.code_of("nope") is None


def _modules_after(code: str, prefix: str = "adlint.checks.") -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys\nprint('\\n'.join(sorted(sys.modules)))"],
                         capture_output=True, text=True, cwd=str(ROOT), check=True).stdout
    return {m for m in out.split() if m.startswith(prefix)}


def test_resolving_a_configuration_and_listing_rules_import_no_rule_module():
    assert _modules_after("from adlint.config import resolve; from pathlib import Path; "
                          "resolve({'select': ['AD3'], 'rules': {'AD301': {'severity': 'info'}}}, None, Path('.'))") == set()
    assert _modules_after("from adlint.cli import main; main(['rules'])") == set()
    assert _modules_after("from adlint.cli import main\ntry:\n    main(['--version'])\nexcept SystemExit:\n    pass") == set()


def test_rule_documentation_imports_no_rule_module_and_no_pydantic():
    for argv in (["rules"], ["rules", "--output-format", "json"], ["rule", "AD301"], ["rule", "gender-coded-wording"]):
        loaded = _modules_after(f"from adlint.cli import main; main({argv!r})", prefix="")
        assert not {m for m in loaded if m.startswith("adlint.checks.") or m == "pydantic"}, argv


def test_a_rule_module_is_imported_when_its_rule_runs():
    mods = _modules_after("from adlint.linter import lint_text; from adlint.config import resolve; "
                          "from pathlib import Path; lint_text('## Hi\\n', 'p.md', resolve({'select': ['AD301']}, None, Path('.')))")
    rule_modules = {e.module for e in registry.index().values()}
    assert mods & rule_modules == {"adlint.checks.inclusive_gender"}
