"""Every title of a posting is checked: the metadata title and the visible one (Markdown # H1, HTML <h1>).

AD303 (gendered-term), AD304 (missing-gender-marker) and AD312 (jargon-job-title)
look at each title place once: a word in the front-matter title and the same word
in the H1 are two places; a JSON-LD title read twice is one.
"""

from __future__ import annotations

import json

from adlint.linter import lint_text
from tests.conftest import lint_rule as lint


def at(ds: list) -> list[tuple[int, int]]:
    return [(d.line, d.col) for d in ds]


def md(title: str | None, h1: str | None, lang: str = "en", body: str = "You build our API.") -> str:
    """Markdown with optional front-matter title and H1; the title is on line 3, the H1 on line 6 (5 without a title)."""
    meta = f"language: {lang}\n" + (f"title: {title}\n" if title is not None else "")
    head = f"# {h1}\n\n" if h1 is not None else ""
    return f"---\n{meta}---\n\n{head}## About the role\n\n{body}\n"


# -- the model -------------------------------------------------------------------------------------

def test_posting_lists_both_titles_with_their_places() -> None:
    p = lint_text(md("Backend Developer", "Rockstar Backend Developer")).posting
    assert [(t.text, p.position(t.span()[0])) for t in p.titles] == [
        ("Backend Developer", (3, 8)), ("Rockstar Backend Developer", (6, 3))]
    assert p.title is not None and p.title.text == "Backend Developer"


def test_a_section_heading_at_level_one_is_not_a_title() -> None:
    p = lint_text("---\nlanguage: en\ntitle: Backend Developer\n---\n\nIntro.\n\n# Requirements\n\n- Python\n").posting
    assert [t.text for t in p.titles] == ["Backend Developer"]


# -- AD312 -----------------------------------------------------------------------------------------

def test_ad312_fires_at_the_h1_under_a_plain_metadata_title() -> None:
    assert at(lint(md("Backend Developer", "Rockstar Backend Developer"), "AD312")) == [(6, 3)]


def test_ad312_each_title_is_its_own_place() -> None:
    assert at(lint(md("Rockstar Developer", "Rockstar Developer"), "AD312")) == [(3, 8), (6, 3)]


def test_ad312_does_not_fire_on_plain_titles() -> None:
    assert lint(md("Backend Developer", "Senior Backend Developer"), "AD312") == []
    assert lint(md(None, "Senior Backend Developer"), "AD312") == []


def test_ad312_html_h1_and_embedded_json_ld_title() -> None:
    html = ('<html lang="en"><head><script type="application/ld+json">'
            '{"@type": "JobPosting", "title": "Backend Developer"}</script></head>\n'
            "<body><h1>Ninja Backend Developer</h1>\n<h2>About the role</h2><p>You build our API.</p></body></html>\n")
    assert at(lint(html, "AD312", path="posting.html")) == [(2, 11)]
    calm = html.replace("Ninja ", "")
    assert lint(calm, "AD312", path="posting.html") == []


def test_ad312_json_ld_title_is_reported_once() -> None:
    text = json.dumps({"@context": "https://schema.org", "@type": "JobPosting", "title": "Python Guru",
                       "description": "<p>You build our API.</p>", "inLanguage": "en"})
    ds = lint(text, "AD312", path="posting.jsonld")
    assert at(ds) == [(1, text.index("Guru") + 1)]


def test_ad312_plain_text_heading_title() -> None:
    text = "# Data Wizard\n\nRequirements:\n- Python\n"
    assert at(lint(text, "AD312", path="posting.txt")) == [(1, 8)]


# -- AD303 -----------------------------------------------------------------------------------------

def test_ad303_fires_at_the_h1() -> None:
    assert at(lint(md("Sales Representative", "Salesman for the Nordics"), "AD303")) == [(6, 3)]
    assert lint(md("Sales Representative", "Salesperson for the Nordics"), "AD303") == []


# -- AD304 -----------------------------------------------------------------------------------------

def test_ad304_fires_at_the_h1_when_no_title_has_a_marker() -> None:
    ds = lint(md("Softwareentwicklung", "Softwareentwickler", "de", "Du entwickelst unsere API."), "AD304")
    assert at(ds) == [(6, 3)]
    assert ds[0].suggestion == "Softwareentwickler (m/w/d)"


def test_ad304_each_title_without_marker_is_reported() -> None:
    ds = lint(md("Softwareentwickler", "Softwareentwickler", "de", "Du entwickelst unsere API."), "AD304")
    assert at(ds) == [(3, 8), (6, 3)]


def test_ad304_a_marker_in_either_title_marks_the_posting() -> None:
    body = "Du entwickelst unsere API."
    assert lint(md("Softwareentwickler (m/w/d)", "Softwareentwickler", "de", body), "AD304") == []
    assert lint(md("Softwareentwickler", "Softwareentwickler (m/w/d)", "de", body), "AD304") == []


def test_ad304_fix_appends_the_marker_to_the_h1() -> None:
    ds = lint(md("Softwareentwicklung", "Softwareentwickler", "de", "Du entwickelst unsere API."), "AD304")
    fix = ds[0].fix
    assert fix is not None and [(e.text) for e in fix.edits] == [" (m/w/d)"]
    text = md("Softwareentwicklung", "Softwareentwickler", "de", "Du entwickelst unsere API.")
    assert fix.edits[0].start == text.index("# Softwareentwickler") + len("# Softwareentwickler")
