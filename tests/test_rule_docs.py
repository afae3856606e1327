"""Every registered rule: its own examples behave as documented, and its documentation is complete.

Each rule's ``example_fires`` must produce the rule's code when linted with
only that rule selected, in its ``example_format``; ``example_passes`` (the
near miss) must not. ``adlint rule CODE|NAME`` prints the documentation.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from adlint import registry
from adlint.cli import main
from adlint.config import resolve
from adlint.linter import lint_bytes

RULES = registry.all_rules()
CODES = sorted(RULES)
EXTENSION = {"markdown": ".md", "text": ".txt", "html": ".html", "jsonld": ".jsonld"}


def _codes(rule_code: str, text: str, fmt: str) -> list[str]:
    """Codes reported for ``text`` (a str; lone surrogates become raw bytes) with only ``rule_code`` selected."""
    cfg = resolve({"select": [rule_code]}, None, Path.cwd())
    res = lint_bytes("example" + EXTENSION[fmt], text.encode("utf-8", errors="surrogateescape"), cfg)
    assert res.crashes == []
    return [d.code for d in res.diagnostics]


def test_registry_holds_the_documented_rules() -> None:
    # The rules DESIGN.md and the brief list today; a rule lost by the registry is a silent regression.
    expected = {"AD001", "AD002", "AD003", "AD004", "AD005", "AD101", "AD103", "AD104", "AD105",
                "AD401", "AD402", "AD403", "AD406", "AD407"}
    assert expected <= set(RULES)


@pytest.mark.parametrize("code", CODES)
def test_example_fires(code: str) -> None:
    rule = RULES[code]
    assert code in _codes(code, rule.example_fires, rule.example_format)


@pytest.mark.parametrize("code", CODES)
def test_example_passes(code: str) -> None:
    rule = RULES[code]
    assert code not in _codes(code, rule.example_passes, rule.example_format)


@pytest.mark.parametrize("code", CODES)
def test_rule_metadata(code: str) -> None:
    rule = RULES[code]
    assert rule.code == code
    assert re.fullmatch(r"AD\d{3}", rule.code)
    assert re.fullmatch(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)+", rule.name), rule.name
    for attr in ("summary", "why", "source"):
        assert getattr(rule, attr).strip(), f"{code}.{attr} is empty"
    assert rule.example_format in EXTENSION
    assert rule.fixable in (None, "safe", "unsafe")


def test_names_are_unique() -> None:
    names = [r.name for r in RULES.values()]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("code", CODES)
def test_rule_command_by_code_and_name(code: str, capsys: pytest.CaptureFixture[str]) -> None:
    rule = RULES[code]
    for key in (code, rule.name, code.lower()):
        assert main(["rule", key]) == 0
        out = capsys.readouterr().out
        assert out.startswith(f"# {rule.name} ({code})\n")
        assert rule.summary in out
        assert rule.why in out
        assert rule.source in out
        assert "## Example" in out and "## Use instead" in out


def test_rule_command_shows_options_with_kebab_names(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rule", "AD104"]) == 0
    out = capsys.readouterr().out
    assert "## Options" in out
    assert "- `min-words` (default `1`)" in out


def test_rule_command_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rule", "missing-required-section", "--output-format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["code"] == "AD101"
    assert data["name"] == "missing-required-section"
    assert {o["name"] for o in data["options"]} == {"required", "error-sections"}


def test_unreadable_example_is_printable(capsys: pytest.CaptureFixture[str]) -> None:
    # AD001's example holds a lone surrogate (an undecodable byte); printing it must not crash on a
    # strict UTF-8 stdout, so the docs show it as an escape.
    assert main(["rule", "AD001"]) == 0
    out = capsys.readouterr().out
    assert "Caf\\xe9 manager" in out
    out.encode("utf-8")  # strict: raises if a surrogate slipped through
    assert main(["rules", "--output-format", "json"]) == 0
    capsys.readouterr().out.encode("utf-8")


def test_unknown_rule_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rule", "AD999"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "unknown rule 'AD999'" in captured.err
    assert "Traceback" not in captured.err


def test_rules_command_lists_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [ln.split()[0] for ln in lines] == CODES
    ad002 = next(ln for ln in lines if ln.startswith("AD002"))
    assert "unused-suppression" in ad002 and "(off by default)" in ad002
    ad402 = next(ln for ln in lines if ln.startswith("AD402"))
    assert "[fix]" in ad402 and " error " in ad402
