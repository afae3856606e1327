"""AD404, AD405, AD408, AD409, AD410: declared locale against the text, the country and the currency."""

from __future__ import annotations

from pathlib import Path

import pytest

from adlint import detect
from adlint.config import resolve
from adlint.diagnostics import Severity
from adlint.linter import lint_text

needs_model = pytest.mark.skipif(not detect.available(), reason="no language-identification model installed")

FR = ("Vous rejoindrez une équipe de six personnes qui construit un service public numérique pour aider les "
      "collectivités à publier leurs données. Vous travaillerez avec les développeurs et les agents.")
EN = ("You will join a team of six people building a public digital service that helps local authorities publish "
      "their open data. You will work closely with developers and civil servants every day.")


def lint(text: str, path: str = "p.md", code: str = "AD404", **settings):
    """Diagnostics of rule ``code`` only."""
    cfg = resolve({"select": [code], **settings}, None, Path.cwd())
    return [d for d in lint_text(text, path, cfg).diagnostics if d.code == code]


@needs_model
def test_ad404_declared_english_text_french():
    (d,) = lint(f"---\nlanguage: en\n---\n\n## Missions\n\n{FR}\n")
    assert (d.line, d.col, d.end_col, d.severity) == (2, 11, 13, Severity.ERROR)
    assert "French ('fr'" in d.message and d.suggestion == "fr"


@needs_model
def test_ad404_near_misses():
    assert lint(f"---\nlanguage: fr\n---\n\n## Missions\n\n{FR}\n") == []
    assert lint(f"---\nlanguage: en-GB\n---\n\n## About\n\n{EN}\n") == []
    # too little text to judge
    assert lint("---\nlanguage: en\n---\n\n## Missions\n\nVous rejoindrez une équipe.\n") == []
    # no language declared: AD401's business, not AD404's
    assert lint(f"## Missions\n\n{FR}\n") == []


@needs_model
def test_ad404_default_language_from_config_points_at_file_start():
    (d,) = lint(f"## Missions\n\n{FR}\n", **{"default-language": "de"})
    assert (d.line, d.col) == (1, 1)
    assert "default-language" in d.message


@needs_model
def test_ad404_html_lang_attribute():
    html = f'<html lang="de">\n<body>\n<h2>About</h2>\n<p>{EN}</p>\n<p>{EN}</p>\n</body></html>\n'
    (d,) = lint(html, "p.html")
    assert (d.line, d.col, d.end_col) == (1, 13, 15)


@needs_model
def test_ad404_min_chars_option():
    text = f"---\nlanguage: en\n---\n\n## Missions\n\n{FR}\n"
    assert lint(text, rules={"AD404": {"min-chars": 5000}}) == []


def test_ad405_declared_unsupported():
    (d,) = lint("---\nlanguage: it\n---\n\n## Responsabilità\n\n- Sviluppare servizi\n", code="AD405")
    assert (d.line, d.col, d.severity) == (2, 11, Severity.INFO)
    assert "Italian" in d.message and "AD3xx" in d.message
    assert lint("---\nlanguage: es\n---\n\n## Responsabilidades\n", code="AD405") == []
    assert lint("---\nlanguage: it\n---\n\n## X\n", code="AD405", rules={"AD405": {"supported-languages": ["it"]}}) == []


@needs_model
def test_ad405_detected_when_undeclared():
    it = ("Cerchiamo una sviluppatrice che ami costruire servizi pubblici digitali affidabili insieme al nostro "
          "gruppo di lavoro a Milano.")
    (d,) = lint(f"## Chi siamo\n\n{it}\n", code="AD405")
    assert (d.line, d.col) == (1, 1)
    assert "detected from the text" in d.message
    assert lint(f"## Missions\n\n{FR}\n", code="AD405") == []


def test_ad408_region_differs_from_country():
    (d,) = lint("---\nlanguage: fr-FR\ncountry: CA\n---\n\n## Missions\n", code="AD408")
    assert (d.line, d.col, d.end_col, d.severity) == (2, 11, 16, Severity.INFO)
    assert d.suggestion == "fr-CA" and "Canada" in d.message


@pytest.mark.parametrize("front", [
    "language: fr-CA\ncountry: CA",  # same region
    "language: fr\ncountry: CA",     # no region subtag
    "language: fr-FR",               # no country
    "language: es-419\ncountry: MX",  # numeric region
])
def test_ad408_near_misses(front):
    assert lint(f"---\n{front}\n---\n\n## Missions\n", code="AD408") == []


@needs_model
def test_ad409_mixed_paragraphs():
    text = ("---\nlanguage: de\n---\n\n## Aufgaben\n\n"
            "- Du entwickelst unsere Plattform für Kunden in ganz Europa weiter und betreust sie im Betrieb.\n"
            "- Du arbeitest eng mit dem Produktteam zusammen und planst neue Funktionen.\n"
            "- Du schreibst Tests und sorgst dafür, dass unsere Dienste zuverlässig laufen.\n\n"
            "## Requirements\n\n- You have five years of experience building web services in Python.\n"
            "- You write clear documentation and enjoy reviewing code with others.\n")
    (d,) = lint(text, code="AD409")
    assert (d.line, d.col, d.severity) == (13, 3, Severity.INFO)
    assert "English, not German (declared)" in d.message
    assert lint(text, code="AD409", rules={"AD409": {"max-share": 0.9}}) == []
    german_only = text.split("## Requirements")[0]
    assert lint(german_only, code="AD409") == []


@needs_model
def test_ad409_leaves_whole_text_mismatch_to_ad404():
    assert lint(f"---\nlanguage: de\n---\n\n## About\n\n{EN}\n\n{EN}\n", code="AD409") == []


def test_ad410_currency_not_of_country():
    text = "---\ncountry: DE\n---\n\n## Gehalt\n\nSalary: $70,000–$85,000 per year\n"
    (d,) = lint(text, code="AD410")
    assert (d.line, d.col, d.end_col, d.severity) == (7, 9, 24, Severity.INFO)
    assert "USD" in d.message and "EUR" in d.message


def test_ad410_near_misses():
    assert lint("---\ncountry: DE\n---\n\n## Gehalt\n\n70.000–85.000 € pro Jahr\n", code="AD410") == []
    assert lint("---\ncountry: CA\n---\n\n## Pay\n\nSalary: $70,000–$85,000 per year\n", code="AD410") == []
    remote = "---\ncountry: DE\nremote: true\n---\n\n## Pay\n\nSalary: $70,000–$85,000 per year\n"
    assert lint(remote, code="AD410") == []
    assert len(lint(remote, code="AD410", rules={"AD410": {"ignore-remote": False}})) == 1


def test_ad410_salary_metadata():
    text = "---\ncountry: FR\nsalary:\n  min: 50000\n  max: 60000\n  currency: GBP\n---\n\n## Missions\n"
    (d,) = lint(text, code="AD410")
    assert d.line == 4 and "salary metadata in GBP" in d.message


def test_country_names_come_without_warnings():
    """pycountry 23.12 (the lowest version allowed) warns on stderr when a country has no common name."""
    import warnings

    from adlint.checks.locale_truth import country_name

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert country_name("DE") == "Germany"
        assert country_name("TW") == "Taiwan"
        assert country_name("ZZ") == "ZZ"
