"""AD4xx: language and country metadata in front matter, HTML and JSON-LD.

Findings point at the value itself (not the key, not the quotes), and a fix
replaces exactly that value.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from adlint.config import resolve
from adlint.diagnostics import Diagnostic, Severity
from adlint.linter import lint_bytes


LOCALE = ["AD401", "AD402", "AD403", "AD406", "AD407"]


def lint(text: str, path: str = "posting.md", select: list[str] | None = None, **settings) -> tuple[list[Diagnostic], str]:
    """Diagnostics and decoded source for ``text`` linted as ``path`` with only ``select`` (default: LOCALE)."""
    cfg = resolve({"select": select or LOCALE, **settings}, None, Path.cwd())
    res = lint_bytes(path, text.encode("utf-8"), cfg)
    assert res.crashes == []
    return res.diagnostics, res.posting.source


def one(diags: list[Diagnostic], code: str) -> Diagnostic:
    """The only diagnostic; it must have ``code``."""
    assert [d.code for d in diags] == [code], [(d.code, d.message) for d in diags]
    return diags[0]


def apply_fix(source: str, d: Diagnostic) -> str:
    """``source`` with the diagnostic's fix applied."""
    assert d.fix is not None
    out = source
    for e in sorted(d.fix.edits, key=lambda e: e.start, reverse=True):
        out = out[:e.start] + e.text + out[e.end:]
    return out


def fm(language: str | None = None, country: str | None = "FR", body: str = "## Vos missions\n\n- Coder\n") -> str:
    """A Markdown posting with front matter: title (line 2), language (line 3), country (line 3 or 4)."""
    lines = ["---", "title: Développeur·se backend"]
    if language is not None:
        lines.append(f"language: {language}")
    if country is not None:
        lines.append(f"country: {country}")
    return "\n".join(lines + ["---", "", body])


# -- AD401 missing-language ---------------------------------------------------------------------

def test_ad401_markdown_without_language() -> None:
    d = one(lint(fm())[0], "AD401")
    assert (d.line, d.col) == (1, 1)
    assert "no language declared" in d.message and "front matter" in d.message


def test_ad401_html_hint_names_the_lang_attribute() -> None:
    page = "<html><body><h2>Deine Aufgaben</h2>\n<ul><li>Kunden beraten</li></ul></body></html>\n"
    d = one(lint(page, "job.html", ["AD401"])[0], "AD401")
    assert "<html> element" in d.message and "lang=" in d.message


def test_ad401_html_fragment_hint_names_the_config_table() -> None:
    d = one(lint("<h2>Deine Aufgaben</h2>\n<ul><li>Kunden beraten</li></ul>\n", "job.html", ["AD401"])[0], "AD401")
    assert "an HTML fragment has no place for it" in d.message and "[[metadata]]" in d.message


def test_ad401_near_misses() -> None:
    assert lint(fm(language="fr"), select=["AD401"])[0] == []
    assert lint('<html lang="de"><body><h2>Dein Profil</h2></body></html>\n', "job.html", ["AD401"])[0] == []
    # default-language in the configuration counts as a declaration.
    assert lint(fm(), select=["AD401"], **{"default-language": "fr"})[0] == []
    # "lang" is accepted as a front-matter spelling of "language".
    assert lint("---\nlang: es\n---\n\n## Tus funciones\n", select=["AD401"])[0] == []


# -- AD402 invalid-language-tag -----------------------------------------------------------------

@pytest.mark.parametrize(
    "value, suggestion, words",
    [
        ("fr_CA", "fr-CA", "'-', not '_'"),
        ("en-UK", "en-GB", "United Kingdom is GB"),
        ("jp", "ja", "'jp' is not an ISO 639-1 language code"),
        ("de_DE", "de-DE", "'-', not '_'"),
        ("es_419", "es-419", "'-', not '_'"),
        ("eng", "en", "not an ISO 639-1"),
    ],
)
def test_ad402_suggestion_and_fix_replace_exactly_the_value(value: str, suggestion: str, words: str) -> None:
    diags, source = lint(fm(language=value))
    d = one(diags, "AD402")
    assert (d.line, d.col) == (3, 11)  # "language: " is 10 characters
    assert (d.end_line, d.end_col) == (3, 11 + len(value))
    assert d.severity is Severity.ERROR
    assert f"invalid language tag '{value}'" in d.message and words in d.message
    assert d.message.endswith(f"use '{suggestion}'")
    assert d.suggestion == suggestion
    assert apply_fix(source, d) == fm(language=suggestion)


def test_ad402_quoted_value_keeps_its_quotes() -> None:
    diags, source = lint(fm(language='"fr_CA"'))
    d = one(diags, "AD402")
    assert (d.line, d.col, d.end_col) == (3, 12, 17)
    assert apply_fix(source, d) == fm(language='"fr-CA"')


def test_ad402_real_language_is_not_mistaken_for_a_country_code() -> None:
    # br is Breton (not Brazil), se is Northern Sami: only the separator is wrong.
    for value, fixed in (("br_FR", "br-FR"), ("se_NO", "se-NO")):
        d = one(lint(fm(language=value))[0], "AD402")
        assert d.suggestion == fixed


def test_ad402_no_suggestion_for_unknown_language() -> None:
    d = one(lint(fm(language="english"))[0], "AD402")
    assert d.suggestion is None and d.fix is None
    assert "invalid language tag 'english'" in d.message


def test_ad402_not_a_string() -> None:
    d = one(lint(fm(language="[en, fr]"))[0], "AD402")
    assert (d.line, d.col) == (3, 11)
    assert "must be a BCP 47 tag string, not list" in d.message


def test_ad402_html_lang_attribute_position() -> None:
    html = '<!DOCTYPE html>\n<html lang="fr_FR">\n<body><h2>Vos missions</h2><ul><li>Coder</li></ul></body></html>\n'
    diags, source = lint(html, "job.html", ["AD402"])
    d = one(diags, "AD402")
    assert (d.line, d.col, d.end_col) == (2, 13, 18)
    assert apply_fix(source, d) == html.replace("fr_FR", "fr-FR")


def test_ad402_json_ld_in_language_position() -> None:
    src = ('{\n  "@context": "https://schema.org",\n  "@type": "JobPosting",\n  "title": "Data Engineer",\n'
           '  "inLanguage": "en_GB",\n  "description": "<h2>Responsibilities</h2><ul><li>Build</li></ul>"\n}\n')
    d = one(lint(src, "job.jsonld", ["AD402"])[0], "AD402")
    assert (d.line, d.col, d.end_col) == (5, 18, 23)
    assert d.suggestion == "en-GB"


@pytest.mark.parametrize("value", ["fr-CA", "en-GB", "de", "es-419", "zh-Hant-TW", "de-AT-1996", "se", "he"])
def test_ad402_near_miss_valid_tags(value: str) -> None:
    assert lint(fm(language=value))[0] == []


def test_ad402_language_from_config_is_a_configuration_error() -> None:
    # An invalid default-language is reported once, when the configuration loads, not on every posting.
    from adlint.config import ConfigError

    with pytest.raises(ConfigError, match=r"default-language: 'fr_FR' is not a valid BCP 47 language tag.*use 'fr-FR'"):
        lint(fm(), select=["AD402"], **{"default-language": "fr_FR"})


# -- AD403 deprecated-language-tag --------------------------------------------------------------

def test_ad403_deprecated_hebrew_code_is_a_warning_with_fix() -> None:
    diags, source = lint(fm(language="iw", country="IL"))
    d = one(diags, "AD403")
    assert (d.line, d.col, d.end_col) == (3, 11, 13)
    assert d.severity is Severity.WARNING
    assert "deprecated language tag 'iw'" in d.message and d.message.endswith("use 'he'")
    assert apply_fix(source, d) == fm(language="he", country="IL")


def test_ad403_non_canonical_case_is_info() -> None:
    diags, source = lint(fm(language="EN-us", country="US"))
    d = one(diags, "AD403")
    assert (d.line, d.col, d.end_col) == (3, 11, 16)
    assert d.severity is Severity.INFO
    assert "not in canonical case" in d.message and "'en-US'" in d.message
    assert apply_fix(source, d) == fm(language="en-US", country="US")


def test_ad403_deprecated_region() -> None:
    d = one(lint(fm(language="de-DD", country="DE"))[0], "AD403")
    assert d.suggestion == "de-DE"


def test_ad403_near_misses() -> None:
    assert lint(fm(language="he", country="IL"))[0] == []
    assert lint(fm(language="en-US", country="US"))[0] == []
    # an invalid tag is AD402's business, not AD403's
    assert [d.code for d in lint(fm(language="fr_CA"))[0]] == ["AD402"]


# -- AD406 missing-country ----------------------------------------------------------------------

def test_ad406_missing_country() -> None:
    d = one(lint(fm(language="de", country=None))[0], "AD406")
    assert (d.line, d.col) == (1, 1)
    assert "no country declared" in d.message and "ISO 3166-1 alpha-2" in d.message


def test_ad406_near_misses() -> None:
    assert lint(fm(language="de", country="DE"))[0] == []
    assert lint(fm(language="de", country=None), **{"default-country": "AT"})[0] == []
    src = ('{"@type": "JobPosting", "title": "Dev", "inLanguage": "en", "description": "<p>x</p>",'
           ' "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress", "addressCountry": "GB"}}}\n')
    assert lint(src, "job.jsonld", ["AD406"])[0] == []


# -- AD407 invalid-country-code -----------------------------------------------------------------

@pytest.mark.parametrize(
    "value, suggestion, words",
    [
        ("UK", "GB", "the United Kingdom is GB"),
        ("Germany", "DE", "country name, not a code"),
        ("DEU", "DE", "alpha-3 code"),
        ("EL", "GR", "Greece"),
        ("United Kingdom", "GB", "country name"),
    ],
)
def test_ad407_suggestions_and_fix(value: str, suggestion: str, words: str) -> None:
    diags, source = lint(fm(language="en", country=value))
    d = one(diags, "AD407")
    assert (d.line, d.col) == (4, 10)  # "country: " is 9 characters
    assert (d.end_line, d.end_col) == (4, 10 + len(value))
    assert d.severity is Severity.ERROR
    assert f"invalid country code '{value}'" in d.message and words in d.message
    assert d.suggestion == suggestion
    assert apply_fix(source, d) == fm(language="en", country=suggestion)


@pytest.mark.parametrize("value, words", [("XX", "not an assigned"), ("EU", "European Union is not a country"),
                                          ("YU", "withdrawn")])
def test_ad407_invalid_without_suggestion(value: str, words: str) -> None:
    d = one(lint(fm(language="en", country=value))[0], "AD407")
    assert (d.line, d.col) == (4, 10)
    assert words in d.message
    assert d.suggestion is None and d.fix is None


def test_ad407_lower_case_is_info() -> None:
    diags, source = lint(fm(language="fr", country="fr"))
    d = one(diags, "AD407")
    assert d.severity is Severity.INFO
    assert apply_fix(source, d) == fm(language="fr", country="FR")


def test_ad407_json_ld_address_country() -> None:
    src = ('{\n  "@type": "JobPosting",\n  "title": "Dev",\n  "description": "<p>x</p>",\n'
           '  "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress", "addressCountry": "UK"}}\n}\n')
    d = one(lint(src, "job.jsonld", ["AD407"])[0], "AD407")
    assert d.line == 5
    assert src.splitlines()[4][d.col - 1:d.end_col - 1] == "UK"


@pytest.mark.parametrize("value", ["GB", "DE", "FR", "ES", "'CH'"])
def test_ad407_near_miss_valid_codes(value: str) -> None:
    assert lint(fm(language="en", country=value))[0] == []


def test_ad407_not_a_string() -> None:
    d = one(lint(fm(language="en", country="[FR, DE]"))[0], "AD407")
    assert (d.line, d.col) == (4, 10)
    assert "not list" in d.message


def test_ad406_accepts_the_country_of_a_remote_jobs_applicant_location() -> None:
    from adlint.config import resolve
    from adlint.linter import lint_text
    from pathlib import Path

    cfg = resolve({"select": ["AD406"]}, None, Path.cwd())
    remote = ('{"@context": "https://schema.org", "@type": "JobPosting", "title": "Support agent",\n'
              ' "jobLocationType": "TELECOMMUTE",\n'
              ' "applicantLocationRequirements": {"@type": "Country", "name": "USA"},\n'
              ' "description": "<p>Help customers.</p>"}\n')
    assert [d.code for d in lint_text(remote, "job.jsonld", cfg).diagnostics] == []
    nowhere = remote.replace('"applicantLocationRequirements": {"@type": "Country", "name": "USA"},\n', "")
    diags = lint_text(nowhere, "job.jsonld", cfg).diagnostics
    assert [(d.code, d.line, d.col) for d in diags] == [("AD406", 1, 1)]
