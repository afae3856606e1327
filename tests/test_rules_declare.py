"""AD401/AD406 say what to add for the file's own format, offer the value, and (Markdown) fix the language.

The language offered is the detected one (fastText; those tests are skipped
without a model); the country is the one the text names where it gives the
place, when it names exactly one.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from adlint import detect
from adlint.cli import main
from adlint.config import resolve
from adlint.countryguess import guess_country
from adlint.diagnostics import Diagnostic
from adlint.linter import lint_text

needs_model = pytest.mark.skipif(not detect.available(), reason="no language-identification model installed")

ABOUT = ("You will design and run the services that move money for our customers, working with a team of six "
         "engineers and two product managers.")


def lint(text: str, path: str, codes: tuple[str, ...] = ("AD401", "AD406")) -> list[Diagnostic]:
    """Findings of ``codes`` on ``text`` linted as ``path`` with the default configuration."""
    res = lint_text(text, path, resolve({"select": list(codes)}, None, Path.cwd()))
    assert res.crashes == []
    return res.diagnostics


def by_code(ds: list[Diagnostic]) -> dict[str, Diagnostic]:
    return {d.code: d for d in ds}


# -- per format: where to declare, the value offered, the position ------------------------------------

MD_FM = f"---\ntitle: Payments engineer\n---\n\n# Payments engineer\n\n{ABOUT}\n\n## Location\n\nLondon, UK\n"
MD_NO_FM = f"# Payments engineer\n\n{ABOUT}\n\n## Location\n\nBerlin, DE\n"
YAML = f"title: Payments engineer\ndescription: |\n  {ABOUT}\n\n  Location: Paris, France\n"
HTML_DOC = f"<html>\n<body>\n<h1>Payments engineer</h1>\n<p>{ABOUT}</p>\n<p>Location: Remote (US)</p>\n</body>\n</html>\n"
HTML_FRAGMENT = f"<h2>About the role</h2>\n<p>{ABOUT}</p>\n<p>Based in Dublin, Ireland.</p>\n"
JSONLD = ('{\n  "@context": "https://schema.org",\n  "@type": "JobPosting",\n  "title": "Payments engineer",\n'
          f'  "description": "<p>{ABOUT}</p><p>Location: Toronto, Canada</p>"\n}}\n')
TEXT = f"Payments engineer\n\n{ABOUT}\n\nLocation: Madrid, Spain\n"


def at(text: str, words: str) -> str:
    """``line:col`` (1-based) of the last ``words`` in ``text``."""
    i = text.rindex(words)
    return f"{text.count(chr(10), 0, i) + 1}:{i - text.rfind(chr(10), 0, i)}"


@needs_model
@pytest.mark.parametrize("path, text, language, country", [
    ("p.md", MD_FM,
     "no language declared; add 'language: en' to the front matter (detected from the text: en)",
     "no country declared; add 'country: GB' to the front matter (the text names it: 'UK' at {})"),
    ("p.md", MD_NO_FM,
     "no language declared; add front matter with 'language: en' at the top of the file (detected from the text: en)",
     "no country declared; add front matter with 'country: DE' at the top of the file "
     "(the text names it: 'DE' at {})"),
    ("p.yaml", YAML,
     "no language declared; add 'language: en' at the top level of the YAML (detected from the text: en)",
     "no country declared; add 'country: FR' at the top level of the YAML (the text names it: 'France' at {})"),
    ("p.html", HTML_DOC,
     'no language declared; add lang="en" to the <html> element (detected from the text: en)',
     'no country declared; an HTML page has no country attribute: add a [[metadata]] table to .adlint.toml '
     'with path = "p.html" and country = "US" (the text names it: \'US\' at {})'),
    ("p.html", HTML_FRAGMENT,
     'no language declared; an HTML fragment has no place for it: add a [[metadata]] table to .adlint.toml '
     'with path = "p.html" and language = "en" (detected from the text: en)',
     'no country declared; an HTML fragment has no place for it: add a [[metadata]] table to .adlint.toml '
     'with path = "p.html" and country = "IE" (the text names it: \'Ireland\' at {})'),
    ("p.jsonld", JSONLD,
     'no language declared; add "inLanguage": "en" to the JobPosting (detected from the text: en)',
     'no country declared; add "addressCountry": "CA" to jobLocation.address '
     "(the text names it: 'Canada' at {})"),
    ("p.txt", TEXT,
     'no language declared; plain text has no place for it: add a [[metadata]] table to .adlint.toml '
     'with path = "p.txt" and language = "en" (detected from the text: en)',
     'no country declared; plain text has no place for it: add a [[metadata]] table to .adlint.toml '
     'with path = "p.txt" and country = "ES" (the text names it: \'Spain\' at {})'),
])
def test_messages_per_format(path: str, text: str, language: str, country: str) -> None:
    ds = by_code(lint(text, path))
    assert set(ds) == {"AD401", "AD406"}
    for d in ds.values():
        assert (d.line, d.col, d.end_line, d.end_col) == (1, 1, 1, 1)
    words = re.search(r"names it: '([^']+)' at", country).group(1)
    assert ds["AD401"].message == language
    assert ds["AD406"].message == country.format(at(text, words))
    assert ds["AD401"].suggestion == "en"
    codes = {MD_FM: "GB", MD_NO_FM: "DE", YAML: "FR", HTML_DOC: "US", HTML_FRAGMENT: "IE", JSONLD: "CA", TEXT: "ES"}
    assert ds["AD406"].suggestion == codes[text]


def test_country_position_names_the_words(tmp_path: Path) -> None:
    guess = guess_country(lint_text(MD_FM, "p.md").posting)
    assert guess is not None and MD_FM[guess.span[0]:guess.span[1]] == "UK"


def test_no_value_known_names_the_kind_of_code() -> None:
    ds = by_code(lint("---\ntitle: x\n---\n\n## Aufgaben\n", "p.md"))
    assert ds["AD401"].message == "no language declared; add 'language:' with a BCP 47 tag such as en or fr-CA " \
                                  "to the front matter"
    assert ds["AD406"].message == "no country declared; add 'country:' with an ISO 3166-1 alpha-2 code such as " \
                                  "DE or GB to the front matter"
    assert ds["AD401"].fix is None and ds["AD401"].suggestion is None and ds["AD406"].suggestion is None


def test_message_names_the_matching_table_and_config_file(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "jobs").mkdir()
    (tmp_path / "adlint.toml").write_text('select = ["AD406"]\n[[metadata]]\npath = "jobs/*.txt"\nlanguage = "en"\n',
                                          encoding="utf-8")
    (tmp_path / "jobs" / "a.txt").write_text("Payments engineer\n\nRun the payment services.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Payments engineer\n\nRun the payment services.\n", encoding="utf-8")
    main(["check", "--output-format", "concise", "jobs/a.txt", "b.txt"])
    out = sorted(capsys.readouterr().out.splitlines())
    assert out == [
        "b.txt:1:1: AD406 [warning] no country declared; plain text has no place for it: add a [[metadata]] table "
        "to adlint.toml with path = \"b.txt\" and country = <an ISO 3166-1 alpha-2 code such as DE or GB>",
        "jobs/a.txt:1:1: AD406 [warning] no country declared; plain text has no place for it: add country = "
        "<an ISO 3166-1 alpha-2 code such as DE or GB> to [[metadata]] table 1 in adlint.toml (it matches this file)",
    ]


# -- the country guess is conservative ----------------------------------------------------------------

@pytest.mark.parametrize("line, code", [
    ("Location: London, UK", "GB"),
    ("Our office is in Berlin, DE.", "DE"),          # DE is also Delaware, but Berlin is a German Land
    ("Remote (US)", "US"),
    ("You will be based in Paris, France.", "FR"),
    ("Location: Remote - Canada", "CA"),
    ("Standort: München, Deutschland", "DE"),
])
def test_country_named_in_the_text(line: str, code: str) -> None:
    guess = guess_country(lint_text(f"# Engineer\n\n{line}\n", "p.md").posting)
    assert guess is not None and guess.code == code


@pytest.mark.parametrize("line", [
    "Office in Wilmington, DE.",                      # a US state code too: ambiguous
    "Location: Atlanta, Georgia",                     # a US state and a country
    "Offices in London, UK and Paris, France.",       # two countries
    "Location: Remote, IT department",                # a code that does not stand alone
    "We sell to customers in Paris, France.",         # no location word on the line
    "Location: london, uk",                           # codes and names count only capitalised
])
def test_no_guess_when_unsure(line: str) -> None:
    assert guess_country(lint_text(f"# Engineer\n\n{line}\n", "p.md").posting) is None
    (d,) = lint(f"# Engineer\n\n{line}\n", "p.md", ("AD406",))
    assert d.suggestion is None and "the text names it" not in d.message


# -- the unsafe language fix on Markdown ----------------------------------------------------------------

@needs_model
def test_language_fix_adds_the_key_to_the_front_matter(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "p.md").write_text(MD_FM, encoding="utf-8")
    d = by_code(lint(MD_FM, "p.md"))["AD401"]
    assert d.fix is not None and d.fix.applicability == "unsafe"
    assert main(["check", "--select", "AD401", "--fix", "p.md"]) == 1  # safe fixes only: nothing changes
    assert (tmp_path / "p.md").read_text(encoding="utf-8") == MD_FM
    capsys.readouterr()
    assert main(["check", "--select", "AD401", "--fix", "--unsafe-fixes", "p.md"]) == 0
    assert (tmp_path / "p.md").read_text(encoding="utf-8") == MD_FM.replace("---\n\n", "language: en\n---\n\n", 1)


@needs_model
def test_language_fix_adds_front_matter(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "p.md").write_bytes(MD_NO_FM.replace("\n", "\r\n").encode("utf-8"))
    assert main(["check", "--select", "AD401", "--fix", "--unsafe-fixes", "p.md"]) == 0
    assert (tmp_path / "p.md").read_bytes() == ("---\nlanguage: en\n---\n\n" + MD_NO_FM).replace("\n", "\r\n").encode()


@needs_model
@pytest.mark.parametrize("front_matter", [
    "---\ntitle: [unclosed\n---\n",                 # front matter that does not parse
    "---\n{title: Payments engineer}\n---\n",      # a flow mapping: a key line would not read back
    "---\ntitle: Payments engineer\n",              # never closed
])
def test_no_language_fix_when_the_front_matter_is_not_plain(front_matter: str) -> None:
    text = front_matter + f"\n# Payments engineer\n\n{ABOUT}\n"
    ds = [d for d in lint(text, "p.md", ("AD401",))]
    assert all(d.fix is None for d in ds)


@needs_model
@pytest.mark.parametrize("path, text", [("p.txt", TEXT), ("p.html", HTML_DOC), ("p.jsonld", JSONLD), ("p.yaml", YAML)])
def test_no_language_fix_outside_markdown(path: str, text: str) -> None:
    assert by_code(lint(text, path))["AD401"].fix is None


def test_no_finding_when_declared() -> None:
    assert lint(f"---\nlanguage: en\ncountry: GB\n---\n\n{ABOUT}\n", "p.md") == []
    assert lint('<html lang="en"><body><p>x</p></body></html>\n', "p.html", ("AD401",)) == []
