"""Inline suppressions in Markdown, HTML and YAML front matter; AD004 (bad directive) and AD002 (unused)."""

from __future__ import annotations

from pathlib import Path

import pytest

from adlint.config import resolve
from adlint.linter import lint_bytes

META = ["AD002", "AD004"]
LOCALE = ["AD401", "AD402", "AD403", "AD406", "AD407"]


def lint(text: str, path: str = "posting.md", select: list[str] | None = None):
    """``(code, line, col)`` of each diagnostic with ``select`` enabled (plus AD002 and AD004)."""
    cfg = resolve({"select": (select or ["AD104"]) + META}, None, Path.cwd())
    res = lint_bytes(path, text.encode("utf-8"), cfg)
    assert res.crashes == []
    return [(d.code, d.line, d.col) for d in res.diagnostics]


def messages(text: str, path: str = "posting.md", select: list[str] | None = None) -> list[str]:
    cfg = resolve({"select": (select or ["AD104"]) + META}, None, Path.cwd())
    return [d.message for d in lint_bytes(path, text.encode("utf-8"), cfg).diagnostics]


# Two empty sections (lines 1 and 3 when nothing is inserted) and a filled one.
BODY = "## Avantages\n\n## Vos missions\n\n- Concevoir l'API\n"


def test_without_directives_both_findings_are_reported() -> None:
    assert lint("## Avantages\n\n## Profil\n\n## Vos missions\n\n- Coder\n") == [("AD104", 1, 4), ("AD104", 3, 4)]


# -- Markdown -------------------------------------------------------------------------------------

@pytest.mark.parametrize("selector", ["AD104", "AD10", "AD1", "empty-section", "AD104, AD101", "ALL", ""])
def test_disable_next_line_by_code_prefix_name(selector: str) -> None:
    text = f"<!-- adlint-disable-next-line {selector} -->\n## Avantages\n\n## Profil\n\n- Python\n"
    assert lint(text) == []


def test_disable_next_line_only_covers_the_next_line() -> None:
    text = "<!-- adlint-disable-next-line AD104 -->\n## Avantages\n\n## Profil\n\n## Missions\n\n- x\n"
    assert lint(text) == [("AD104", 4, 4)]


def test_disable_next_line_skips_blank_lines() -> None:
    text = "<!-- adlint-disable-next-line AD104 -->\n\n## Avantages\n\n## Missions\n\n- x\n"
    assert lint(text) == []


def test_disable_next_line_other_rule_does_not_suppress() -> None:
    text = "<!-- adlint-disable-next-line AD103 -->\n## Avantages\n\n## Missions\n\n- x\n"
    assert lint(text) == [("AD104", 2, 4)]


def test_disable_next_line_with_reason() -> None:
    text = "<!-- adlint-disable-next-line AD104 -- template section, filled by HR -->\n" + BODY
    assert lint(text) == []


def test_disable_line_on_the_heading() -> None:
    assert lint("## Avantages <!-- adlint-disable-line empty-section -->\n\n## Missions\n\n- x\n") == []
    # on another line it does not reach the heading
    text = "## Avantages\n\n## Missions\n\n- Coder <!-- adlint-disable-line AD104 -->\n"
    assert lint(text) == [("AD104", 1, 4), ("AD002", 5, 9)]


def test_disable_enable_range() -> None:
    text = ("## Deine Aufgaben\n\n- Kunden beraten\n\n<!-- adlint-disable AD1 -- Vorlage -->\n## Was wir bieten\n\n"
            "## Benefits\n<!-- adlint-enable AD1 -->\n\n## Dein Profil\n\n## Bewerbung\n\nBewirb dich jetzt.\n")
    assert lint(text) == [("AD104", 11, 4)]


def test_disable_without_enable_runs_to_the_end() -> None:
    text = "## Tus funciones\n\n<!-- adlint-disable AD104 -->\n## Requisitos\n\n## Beneficios\n"
    assert lint(text) == [("AD104", 1, 4)]


def test_disable_file_anywhere_in_the_file() -> None:
    text = BODY + "\n## Profil\n\n<!-- adlint-disable-file AD104 -- brouillon -->\n"
    assert lint(text) == []


def test_disable_file_for_a_position_less_finding() -> None:
    # AD401 reports at 1:1 (no language anywhere); a file-wide directive is the way to silence it.
    assert lint("## Missions\n\n- Coder\n", select=["AD401"]) == [("AD401", 1, 1)]
    text = "## Missions\n\n- Coder\n\n<!-- adlint-disable-file missing-language -->\n"
    assert lint(text, select=["AD401"]) == []


# -- HTML -----------------------------------------------------------------------------------------

HTML = """<!DOCTYPE html>
<html lang="de">
<head><!-- adlint-disable-file AD406 -- Land kommt aus dem ATS --></head>
<body>
<h2>Deine Aufgaben</h2>
<ul><li>Kunden beraten</li></ul>
<!-- adlint-disable AD104 -->
<h2>Was wir bieten</h2>
<h2>Benefits</h2>
<!-- adlint-enable AD104 -->
<h2>Dein Profil</h2>
<!-- adlint-disable-next-line AD104 -->
<h2>Kontakt</h2>
</body>
</html>
"""


def test_html_directives() -> None:
    assert lint(HTML, "job.html", ["AD104", "AD406"]) == [("AD104", 11, 5)]


def test_html_without_directives_reports_everything() -> None:
    bare = "\n".join(ln for ln in HTML.splitlines() if "adlint-" not in ln and "<head>" not in ln) + "\n"
    assert [c for c, _, _ in lint(bare, "job.html", ["AD104", "AD406"])] == ["AD406"] + ["AD104"] * 4


def test_html_disable_line() -> None:
    html = '<html lang="en"><body>\n<h2>Benefits</h2> <!-- adlint-disable-line AD104 -->\n<h2>Tasks</h2>\n' \
           '<ul><li>Build</li></ul>\n</body></html>\n'
    assert lint(html, "job.html") == []


# -- YAML front matter ----------------------------------------------------------------------------

def test_front_matter_disable_next_line_as_first_line() -> None:
    text = "---\n# adlint-disable-next-line AD402 -- legacy ATS export\nlanguage: fr_CA\ncountry: UK\n---\n\n" \
           "## Missions\n\n- Coder\n"
    assert lint(text, select=LOCALE) == [("AD407", 4, 10)]


def test_front_matter_disable_next_line_above_the_key() -> None:
    text = "---\ntitle: Développeur·se\n# adlint-disable-next-line AD402\nlanguage: fr_CA\ncountry: UK\n---\n\n" \
           "## Missions\n\n- Coder\n"
    assert lint(text, select=LOCALE) == [("AD407", 5, 10)]


def test_front_matter_disable_line_by_name() -> None:
    text = "---\ntitle: Dev\ncountry: UK  # adlint-disable-line invalid-country-code\nlanguage: fr_CA\n---\n\n" \
           "## Missions\n\n- x\n"
    assert lint(text, select=LOCALE) == [("AD402", 4, 11)]


def test_front_matter_hash_inside_a_value_is_not_a_comment() -> None:
    text = "---\ntitle: 'C#adlint-disable-line AD402'\nlanguage: fr_CA\n---\n\n## Missions\n\n- x\n"
    assert lint(text, select=["AD402"]) == [("AD402", 3, 11)]


# -- AD004 invalid-directive ----------------------------------------------------------------------

def test_ad004_unknown_code_at_the_comment_position() -> None:
    text = "# Data engineer\n\nWe build hiring tools.\n\n  <!-- adlint-disable-next-line AD999 -->\n## Benefits\n"
    assert lint(text) == [("AD004", 5, 3), ("AD104", 6, 4)]
    assert "unknown rule 'AD999' in adlint-disable-next-line" in messages(text)[0]


def test_ad004_unknown_name_and_verb() -> None:
    text = "<!-- adlint-disable-next-line emtpy-section -->\n## Benefits\n"
    assert lint(text) == [("AD004", 1, 1), ("AD104", 2, 4)]
    text = "<!-- adlint-disabel AD104 -->\n## Benefits\n"
    assert lint(text) == [("AD004", 1, 1), ("AD104", 2, 4)]
    assert "unknown directive 'adlint-disabel'" in messages(text)[0]


def test_ad004_mixed_known_and_unknown_still_suppresses_the_known() -> None:
    text = "<!-- adlint-disable-next-line AD104, AD998 -->\n## Benefits\n\n## Perks\n"
    assert lint(text) == [("AD004", 1, 1), ("AD104", 4, 4)]


def test_ad004_in_html_and_front_matter() -> None:
    html = '<html lang="en"><body>\n<h2>Benefits</h2>\n   <!-- adlint-disable-line AD99x -->\n' \
           '<ul><li>Pension</li></ul>\n</body></html>\n'
    assert lint(html, "job.html") == [("AD004", 3, 4)]
    text = "---\n  # adlint-disable-next-line AD499\ncountry: GB\n---\n\n## Tasks\n\n- x\n"
    assert [(c, ln) for c, ln, _ in lint(text, select=LOCALE)] == [("AD401", 1), ("AD004", 2)]


def test_ad004_front_matter_column_is_the_hash() -> None:
    text = "---\n# adlint-disable-next-line AD499\ncountry: GB\nlanguage: en\n---\n\n## Tasks\n\n- x\n"
    assert lint(text, select=LOCALE) == [("AD004", 2, 1)]


def test_ad004_not_reported_when_deselected() -> None:
    cfg = resolve({"select": ["AD104"]}, None, Path.cwd())
    res = lint_bytes("p.md", b"<!-- adlint-disable-next-line AD999 -->\n## Benefits\n", cfg)
    assert [d.code for d in res.diagnostics] == ["AD104"]


def test_plain_words_are_not_directives() -> None:
    assert lint("<!-- please do not adlint-disable anything here -->\n## Benefits\n") == [("AD104", 2, 4)]


# -- AD002 unused-suppression ---------------------------------------------------------------------

def test_ad002_unused_directive_when_selected() -> None:
    text = "<!-- adlint-disable-next-line AD104 -->\n## Benefits\n\n- Pension\n"
    assert lint(text) == [("AD002", 1, 1)]
    assert messages(text) == ["unused suppression: adlint-disable-next-line AD104 suppresses nothing"]


def test_ad002_not_reported_unless_selected() -> None:
    cfg = resolve({"select": ["AD104", "AD004"]}, None, Path.cwd())
    res = lint_bytes("p.md", b"<!-- adlint-disable-next-line AD104 -->\n## Benefits\n\n- Pension\n", cfg)
    assert res.diagnostics == []


def test_ad002_used_directive_is_not_reported() -> None:
    assert lint("<!-- adlint-disable-next-line AD104 -->\n## Benefits\n") == []


def test_ad002_unused_range_and_file_directives() -> None:
    text = "<!-- adlint-disable-file AD104 -->\n<!-- adlint-disable AD1 -->\n## Benefits\n\n- Pension\n" \
           "<!-- adlint-enable AD1 -->\n"
    assert lint(text) == [("AD002", 1, 1), ("AD002", 2, 1)]


def test_ad002_directive_for_a_rule_that_did_not_run_is_left_alone() -> None:
    # AD103 is not enabled here: whether this directive is needed cannot be judged.
    text = "<!-- adlint-disable-next-line AD103 -->\n## Benefits\n\n- Pension\n"
    assert lint(text) == []
    # A directive for all rules is always judged.
    assert lint("<!-- adlint-disable-next-line -->\n## Benefits\n\n- Pension\n") == [("AD002", 1, 1)]


def test_ad002_in_front_matter() -> None:
    text = "---\n# adlint-disable-next-line AD402\nlanguage: fr-CA\n---\n\n## Missions\n\n- Coder\n"
    assert [c for c, _, _ in lint(text, select=["AD402"])] == ["AD002"]
