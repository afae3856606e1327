"""AD0xx: unreadable files, parse errors, empty files, and the suppression meta rules' basics.

Positions are 1-based line and column in code points. Suppression details
(AD002, AD004 in every comment syntax) are in ``test_suppressions.py``.
"""

from __future__ import annotations

from pathlib import Path

from adlint.config import resolve
from adlint.diagnostics import Severity
from adlint.linter import lint_bytes


def lint(data: bytes | str, path: str = "posting.md", select: list[str] | None = None, **settings):
    """Diagnostics for ``data`` linted as ``path`` with ``select`` (default: AD0) and other settings."""
    cfg = resolve({"select": select or ["AD0"], **settings}, None, Path.cwd())
    if isinstance(data, str):
        data = data.encode("utf-8")
    res = lint_bytes(path, data, cfg)
    assert res.crashes == []
    return res.diagnostics


def only(diags, code: str):
    """The single diagnostic of ``code``."""
    found = [d for d in diags if d.code == code]
    assert len(found) == 1, [(d.code, d.message) for d in diags]
    return found[0]


# -- AD001 unreadable-file ----------------------------------------------------------------------

def test_ad001_latin1_byte_points_at_the_byte() -> None:
    text = "## Vos missions\n\n- Développer l'API\n"
    data = text.encode("utf-8").replace("é".encode("utf-8"), b"\xe9")  # saved as Latin-1
    d = only(lint(data), "AD001")
    assert (d.line, d.col) == (3, 4)  # "- D" then the bad byte
    assert d.severity is Severity.ERROR
    assert "invalid UTF-8" in d.message and "e9" in d.message


def test_ad001_column_counts_characters_not_bytes() -> None:
    data = "Stellenangebot\nGehalt: 50.000 € brutto \xa0".encode("utf-8") + b"\xff\n"
    d = only(lint(data, "posting.txt"), "AD001")
    assert (d.line, d.col) == (2, 26)  # "€" is 3 bytes but one column


def test_ad001_binary_file() -> None:
    d = only(lint(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "logo.md"), "AD001")
    assert "binary" in d.message


def test_ad001_too_large_reports_and_reads_nothing() -> None:
    data = b"## Tasks\n\n## Benefits\n" * 10
    diags = lint(data, select=["AD0", "AD104"], **{"max-file-size": 50})
    d = only(diags, "AD001")
    assert "max-file-size" in d.message and str(len(data)) in d.message
    assert [x.code for x in diags] == ["AD001"]  # content rules did not run


def test_ad001_near_miss_utf16_with_bom_and_utf8_bom() -> None:
    text = "Stellenbeschreibung\n\nAufgaben:\n- Kunden beraten\n"
    assert lint(text.encode("utf-16"), "posting.txt") == []
    assert lint(b"\xef\xbb\xbf" + "## Missions\n\n- Développer\n".encode("utf-8")) == []


def test_unreadable_file_only_reports_ad001() -> None:
    diags = lint(b"## Benefits\n\n\xff\n", select=["ALL"])
    assert [d.code for d in diags] == ["AD001"]


# -- AD003 parse-error --------------------------------------------------------------------------

def test_ad003_front_matter_yaml_error_position() -> None:
    src = "---\ntitle: Développeur·se\nlanguage: fr\n  country: FR\n---\n\n## Vos missions\n\n- Coder\n"
    d = only(lint(src), "AD003")
    assert (d.line, d.col) == (4, 10)
    assert d.message.startswith("invalid front matter:")


def test_ad003_front_matter_not_a_mapping() -> None:
    d = only(lint("---\n- Paris\n- Lyon\n---\n\n## Missions\n"), "AD003")
    assert (d.line, d.col) == (2, 1)
    assert "must be a mapping" in d.message and "list" in d.message


def test_ad003_unclosed_front_matter() -> None:
    d = only(lint("---\ntitle: Data engineer\n\n## Responsibilities\n\n- Build\n"), "AD003")
    assert (d.line, d.col) == (1, 1)
    assert "never closed" in d.message


def test_ad003_invalid_json_ld_position() -> None:
    src = '{\n  "@type": "JobPosting",\n  "title": "Data Engineer",\n}\n'
    d = only(lint(src, "job.jsonld"), "AD003")
    assert (d.line, d.col) == (4, 1)
    assert "invalid JSON" in d.message


def test_ad003_json_ld_without_job_posting() -> None:
    d = only(lint('{"@type": "Organization", "name": "ACME"}\n', "job.jsonld"), "AD003")
    assert "JobPosting" in d.message


def test_ad003_near_miss_front_matter_with_colon_in_quotes() -> None:
    src = '---\ntitle: "Data engineer: platform team"\nlanguage: en\n---\n\n## Responsibilities\n'
    assert lint(src) == []


def test_ad003_body_still_linted_after_bad_front_matter() -> None:
    src = "---\ntitle: [unclosed\n---\n\n## Benefits\n\n## Tasks\n\n- Build\n"
    diags = lint(src, select=["AD003", "AD104"])
    assert [(d.code, d.line, d.col) for d in diags] == [("AD003", 3, 1), ("AD104", 5, 4)]


# -- AD005 empty-posting ------------------------------------------------------------------------

def test_ad005_empty_and_whitespace_files() -> None:
    for data, path in ((b"", "a.md"), (b"  \n\t\n", "b.txt"), (b"\n\n", "c.html"), (b"\xef\xbb\xbf\n", "d.md")):
        d = only(lint(data, path, select=["ALL"]), "AD005")
        assert (d.line, d.col) == (1, 1)
        assert d.severity is Severity.WARNING


def test_ad005_empty_file_gets_no_other_findings() -> None:
    assert [d.code for d in lint(b"\n  \n", "a.md", select=["ALL"])] == ["AD005"]


def test_ad005_near_miss_a_single_line_posting() -> None:
    assert lint("Data engineer\n", "a.txt", select=["AD005"]) == []


# -- AD004 / AD002 basics (details in test_suppressions.py) ---------------------------------------

def test_ad004_unknown_rule_in_directive() -> None:
    d = only(lint("# Data engineer\n\n<!-- adlint-disable-next-line AD999 -->\n## Benefits\n"), "AD004")
    assert (d.line, d.col) == (3, 1)
    assert "AD999" in d.message


def test_ad002_is_off_by_default() -> None:
    cfg = resolve({}, None, Path.cwd())
    assert "AD002" not in cfg.enabled
    assert "AD004" in cfg.enabled
