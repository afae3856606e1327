"""Fixes offered by the rules: term replacements (AD303, AD307, AD312, AD316), the gender marker
(AD304) and the removal of unused suppressions (AD002), applied through ``adlint check --fix``."""

from __future__ import annotations

from pathlib import Path

import pytest

from adlint.checks.inclusive_base import match_case
from adlint.cli import main
from adlint.linter import lint_text
from adlint.suppressions import removal_fix


def run_fix(path: Path, select: str, *extra: str, unsafe: bool = True) -> int:
    """``adlint check --fix [--unsafe-fixes] --select SELECT PATH``; returns the exit code."""
    argv = ["check", "--isolated", "--select", select, "--fix", *extra, str(path)]
    if unsafe:
        argv.insert(-1, "--unsafe-fixes")
    return main(argv)


def fixed(tmp_path: Path, name: str, text: str, select: str, *extra: str, unsafe: bool = True,
          newline: str = "\n") -> str:
    """Write ``text`` to ``tmp_path/name``, fix it, check that a second run changes nothing; return the result."""
    p = tmp_path / name
    p.write_bytes(text.replace("\n", newline).encode())
    run_fix(p, select, *extra, unsafe=unsafe)
    once = p.read_bytes()
    run_fix(p, select, *extra, unsafe=unsafe)
    assert p.read_bytes() == once, "a second --fix run changed the file"
    return once.decode()


# --------------------------------------------------------------------------
# Term replacements
# --------------------------------------------------------------------------

EN = """\
---
title: Salesman
language: en
---

## The role

We are hiring a salesman and a rockstar developer. A middleman. Set up
master/slave replication and IP whitelists. SALESMEN wanted, no sanity checks.
Talk to the guys on the team.
"""

EN_FIXED = """\
---
title: Salesperson
language: en
---

## The role

We are hiring a salesperson and an expert developer. An intermediary. Set up
primary/replica replication and IP allowlists. SALESPEOPLE wanted, no quick checks.
Talk to the guys on the team.
"""


def test_term_replacements_keep_case_and_fix_the_article(tmp_path: Path, capsys) -> None:
    out = fixed(tmp_path, "p.md", EN, "AD303,AD307,AD312,AD316")
    # 'guys' has alternatives that are no drop-in ("the everyone on the team"): no fix, still reported.
    assert out == EN_FIXED
    left = capsys.readouterr().out  # findings left after the fix
    assert "p.md:10:13: AD303 [warning] 'guys' names one gender" in left


def test_term_replacements_are_unsafe_so_plain_fix_leaves_them(tmp_path: Path) -> None:
    assert fixed(tmp_path, "p.md", EN, "AD303,AD307,AD312,AD316", unsafe=False) == EN


def test_term_fix_message_names_the_alternatives_and_the_article() -> None:
    ds = lint_text(EN, "p.md").diagnostics
    by = {(d.line, d.col): d for d in ds if d.fix is not None and d.code.startswith("AD3")}
    salesman = by[(8, 17)]
    assert salesman.code == "AD303" and salesman.fix.applicability == "unsafe"
    assert salesman.fix.message == "replace 'salesman' with 'salesperson' (the first of 3 alternatives; review the wording)"
    rockstar = by[(8, 32)]
    assert rockstar.code == "AD312"
    assert rockstar.fix.message.startswith("replace 'rockstar' with 'expert' and 'a' with 'an'")
    assert by[(8, 54)].fix.message == "replace 'middleman' with 'intermediary' and 'A' with 'An'"  # one alternative


def test_term_fix_crlf_file_keeps_its_line_endings(tmp_path: Path) -> None:
    out = fixed(tmp_path, "p.md", EN, "AD303,AD307,AD312,AD316", newline="\r\n")
    assert out == EN_FIXED.replace("\n", "\r\n")


def test_german_and_french_drop_in_forms(tmp_path: Path) -> None:
    de = "---\nlanguage: de\n---\n\n## Aufgaben\n\nDie Blacklist pflegen, mit der Putzfrau und in Mannstunden planen.\n"
    assert fixed(tmp_path, "de.md", de, "AD303,AD316") == (
        "---\nlanguage: de\n---\n\n## Aufgaben\n\n"
        "Die Sperrliste pflegen, mit der Reinigungskraft und in Personenstunden planen.\n")
    fr = "---\nlanguage: fr\n---\n\n## Missions\n\nGérer la liste noire et la liste blanche du pare-feu.\n"
    assert fixed(tmp_path, "fr.md", fr, "AD316") == (
        "---\nlanguage: fr\n---\n\n## Missions\n\n"
        "Gérer la liste de blocage et la liste d'autorisation du pare-feu.\n")


def test_no_term_fix_when_the_match_is_not_verbatim_in_the_source(tmp_path: Path) -> None:
    # HTML entity inside the word: the text reads 'salesman', the source does not.
    html = ("<html lang=\"en\"><body><h2>The role</h2><p>We hire a sales&#109;an for Paris.</p></body></html>\n")
    ds = [d for d in lint_text(html, "p.html").diagnostics if d.code == "AD303"]
    assert len(ds) == 1 and ds[0].fix is None
    assert fixed(tmp_path, "p.html", html, "AD303") == html


def test_match_case() -> None:
    assert match_case("Salesman", "salesperson") == "Salesperson"
    assert match_case("SALESMEN", "salespeople") == "SALESPEOPLE"
    assert match_case("salesman", "salesperson") == "salesperson"
    assert match_case("blacklist", "Sperrliste") == "Sperrliste"  # a German noun keeps its capital
    assert match_case("A", "an") == "An"


# --------------------------------------------------------------------------
# AD304: gender marker
# --------------------------------------------------------------------------

DE_TITLE = "---\ntitle: Softwareentwickler\nlanguage: de\n---\n\n## Aufgaben\n\n- Du entwickelst unsere API.\n"


@pytest.mark.parametrize(("lang", "title", "mark", "body"), [
    ("de", "Softwareentwickler", "(m/w/d)", "## Aufgaben\n\n- Du entwickelst unsere API.\n"),
    ("fr", "Développeur backend", "(H/F)", "## Missions\n\n- Vous développez notre API.\n"),
    ("es", "Desarrollador backend", "(h/m)", "## Funciones\n\n- Desarrollas nuestra API.\n"),
])
def test_marker_is_appended_to_the_title(tmp_path: Path, lang: str, title: str, mark: str, body: str) -> None:
    text = f"---\ntitle: {title}   # board title\nlanguage: {lang}\n---\n\n{body}"
    assert fixed(tmp_path, "p.md", text, "AD304") == text.replace(title, f"{title} {mark}")


def test_marker_fix_is_unsafe(tmp_path: Path) -> None:
    assert fixed(tmp_path, "p.md", DE_TITLE, "AD304", unsafe=False) == DE_TITLE


def test_marker_fix_in_a_markdown_heading_and_in_jsonld(tmp_path: Path) -> None:
    md = "---\nlanguage: de\n---\n\n# Softwareentwickler\n\n## Aufgaben\n\n- Du entwickelst unsere API.\n"
    assert fixed(tmp_path, "h.md", md, "AD304") == md.replace("# Softwareentwickler", "# Softwareentwickler (m/w/d)")
    text = '{"@context": "https://schema.org", "@type": "JobPosting", "title": "Softwareentwickler", "inLanguage": "de"}\n'
    assert fixed(tmp_path, "p.jsonld", text, "AD304") == text.replace("Softwareentwickler", "Softwareentwickler (m/w/d)")


def test_marker_option_chooses_the_marker(tmp_path: Path) -> None:
    cfg = tmp_path / "adlint.toml"
    cfg.write_text('[rules.missing-gender-marker]\nmarkers = { de = "(w/m/d)" }\n')
    p = tmp_path / "p.md"
    p.write_text(DE_TITLE)
    main(["check", "--config", str(cfg), "--select", "AD304", "--fix", "--unsafe-fixes", str(p)])
    assert p.read_text() == DE_TITLE.replace("Softwareentwickler", "Softwareentwickler (w/m/d)")


def test_bad_marker_option_is_a_config_error(tmp_path: Path, capsys) -> None:
    cfg = tmp_path / "adlint.toml"
    cfg.write_text('[rules.AD304]\nmarkers = { it = "(m/f)" }\n')
    p = tmp_path / "p.md"
    p.write_text(DE_TITLE)
    assert main(["check", "--config", str(cfg), "--select", "AD304", str(p)]) == 2
    assert "unknown language 'it'" in capsys.readouterr().err


def test_no_marker_fix_when_the_title_is_escaped_in_json(tmp_path: Path) -> None:
    text = ('{"@context": "https://schema.org", "@type": "JobPosting", '
            '"title": "Software\\u0065ntwickler", "inLanguage": "de"}\n')
    ds = [d for d in lint_text(text, "p.jsonld").diagnostics if d.code == "AD304"]
    assert len(ds) == 1 and ds[0].fix is None  # still reported, but not fixed
    assert fixed(tmp_path, "p.jsonld", text, "AD304") == text


# --------------------------------------------------------------------------
# AD002: unused suppressions
# --------------------------------------------------------------------------

SUPPRESSED = """\
---
title: Data engineer
language: en   # adlint-disable-line AD401
---

<!-- adlint-disable-next-line AD104 -->
## Responsibilities

- Build APIs for hiring teams <!-- adlint-disable-line AD104 --> today
"""

SUPPRESSED_FIXED = """\
---
title: Data engineer
language: en
---

## Responsibilities

- Build APIs for hiring teams  today
"""


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_unused_suppressions_are_removed_safely(tmp_path: Path, newline: str) -> None:
    out = fixed(tmp_path, "p.md", SUPPRESSED, "AD002,AD104,AD401", unsafe=False, newline=newline)
    assert out == SUPPRESSED_FIXED.replace("\n", newline)


def test_used_suppressions_stay(tmp_path: Path) -> None:
    text = "<!-- adlint-disable-next-line AD104 -->\n## Responsibilities\n\n## Requirements\n\n- Python\n"
    assert fixed(tmp_path, "p.md", text, "AD002,AD104", unsafe=False) == text


def test_removal_fix_spans() -> None:
    src = "a\r\n  <!-- x -->  \r\nb <!-- y -->\nc"
    whole = removal_fix(src, src.index("<!-- x"), src.index("-->") + 3)
    assert whole is not None and whole.applicability == "safe"
    (e,) = whole.edits
    assert src[:e.start] + src[e.end:] == "a\r\nb <!-- y -->\nc"
    (e,) = removal_fix(src, src.index("<!-- y"), src.rindex("-->") + 3).edits
    assert src[:e.start] + src[e.end:] == "a\r\n  <!-- x -->  \r\nb\nc"
    assert removal_fix(src, 0, 1) is None  # not a comment as written
