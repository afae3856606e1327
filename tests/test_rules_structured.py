"""AD7xx: schema.org JobPosting structured data in JSON-LD files and in HTML."""

from __future__ import annotations

import collections
import json
from pathlib import Path

import pytest

from adlint.config import resolve
from adlint.diagnostics import Severity
from adlint.linter import lint_bytes, lint_text
from tests.conftest import corpus_or_skip

FULL = {
    "@context": "https://schema.org", "@type": "JobPosting", "title": "Data engineer",
    "description": "<p>You build and run the data pipelines that feed our reporting and our machine-learning "
                   "teams.</p><ul><li>Python</li><li>SQL</li></ul>",
    "datePosted": "2026-01-05", "validThrough": "2026-03-31", "employmentType": "FULL_TIME",
    "hiringOrganization": {"@type": "Organization", "name": "Example GmbH"},
    "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress", "streetAddress": "Hauptstr. 1",
                                                  "addressLocality": "Berlin", "addressRegion": "BE",
                                                  "postalCode": "10115", "addressCountry": "DE"}},
    "baseSalary": {"@type": "MonetaryAmount", "currency": "EUR",
                   "value": {"@type": "QuantitativeValue", "minValue": 60000, "maxValue": 70000, "unitText": "YEAR"}},
    "directApply": True, "identifier": {"@type": "PropertyValue", "name": "Example", "value": "123"},
}


def job(**changes) -> str:
    """FULL with properties changed (``None`` removes one), as indented JSON (one property a line)."""
    data = json.loads(json.dumps(FULL))
    for k, v in changes.items():
        if v is None:
            data.pop(k, None)
        else:
            data[k] = v
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def lint(text: str, code: str, path: str = "p.jsonld", as_of: str = "2026-02-01", **options):
    opts = dict(options)
    if code in ("AD703", "AD705", "AD706"):
        opts["as-of"] = as_of
    cfg = resolve({"select": [code], "rules": {code: opts} if opts else {}}, None, Path.cwd())
    return [d for d in lint_text(text, path, cfg).diagnostics if d.code == code]


def pos(text: str, needle: str, shift: int = 0) -> tuple[int, int]:
    """1-based (line, col) of ``needle`` in ``text`` (plus ``shift`` characters)."""
    i = text.index(needle) + shift
    return text.count("\n", 0, i) + 1, i - (text.rfind("\n", 0, i) + 1) + 1


@pytest.mark.parametrize("code", ["AD702", "AD703", "AD704", "AD705", "AD706", "AD707", "AD708", "AD709",
                                  "AD710", "AD711", "AD712"])
def test_complete_posting_passes(code):
    assert lint(job(), code) == []


def test_ad701_html_page_without_jsonld():
    (d,) = lint("<html><body><h1>Data engineer</h1><p>Join us.</p></body></html>\n", "AD701", "p.html")
    assert (d.line, d.col, d.severity) == (1, 1, Severity.INFO)
    assert lint("<h2>Data engineer</h2><p>Join us.</p>\n", "AD701", "p.html") == []  # a fragment
    assert lint("<h2>Data engineer</h2><p>Join us.</p>\n", "AD701", "p.html", only_for_pages=False) != []
    page = (f'<html><head><script type="application/ld+json">{job()}</script></head>'
            "<body><h1>Data engineer</h1></body></html>\n")
    assert lint(page, "AD701", "p.html") == []


def test_ad702_missing_required_at_the_type():
    text = job(datePosted=None, hiringOrganization={"@type": "Organization"})
    diags = lint(text, "AD702")
    assert [(d.line, d.col) for d in diags] == [pos(text, '"JobPosting"', 1), pos(text, '"hiringOrganization"', 1)]
    assert "datePosted" in diags[0].message and "no name" in diags[1].message


def test_ad702_remote_job_may_omit_location():
    remote = job(jobLocation=None, jobLocationType="TELECOMMUTE",
                 applicantLocationRequirements={"@type": "Country", "name": "DE"})
    assert lint(remote, "AD702") == []
    (d,) = lint(job(jobLocation=None), "AD702")
    assert "jobLocation" in d.message and d.severity == Severity.ERROR


def test_ad703_recommended_and_salary_law():
    (d,) = lint(job(validThrough=None), "AD703")
    assert d.severity == Severity.WARNING and "validThrough" in d.message
    (d,) = lint(job(directApply=None), "AD703")
    assert d.severity == Severity.INFO
    # The text gives pay the markup leaves out: an error where a pay law covers the posting.
    us = job(baseSalary=None, jobLocation={"@type": "Place", "address": {"@type": "PostalAddress",
             "addressRegion": "CO", "addressCountry": "US"}},
             description="<p>You build our data pipelines.</p><p>Pay: $120,000 to $140,000 per year.</p>")
    (d,) = lint(us, "AD703")
    assert d.severity == Severity.ERROR and "Colorado" in d.message
    assert pos(us, '"JobPosting"', 1) == (d.line, d.col)


CO_JOB = {"jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress", "addressRegion": "CO",
                                                         "addressCountry": "US"}}}


def test_ad703_no_pay_in_the_text_is_left_to_ad601():
    # AD601 reports the missing pay as the error; the markup finding stays a warning and says so.
    text = job(baseSalary=None, **CO_JOB)
    (d,) = lint(text, "AD703")
    assert (d.line, d.col, d.severity) == (*pos(text, '"JobPosting"', 1), Severity.WARNING)
    assert "AD601" in d.message and "Colorado" not in d.message


@pytest.mark.parametrize("statement", [
    "This is a part-time, remote freelance position paid per video. Pay: $200 to $400 per week.",
    "You work as an independent contractor (1099) and set your own hours. Pay: $200 to $400 per week.",
    "Freiberufliche Tätigkeit, Vergütung 40 bis 50 € pro Stunde.",
    "Mission freelance de six mois, TJM de 400 à 500 €.",
    "Trabajo como autónomo, de 30 a 40 € por hora.",
])
def test_ad703_freelance_role_is_not_escalated(statement):
    text = job(baseSalary=None, employmentType="PART_TIME", description=f"<p>{statement}</p>", **CO_JOB)
    (d,) = lint(text, "AD703")
    assert (d.line, d.col, d.severity) == (*pos(text, '"JobPosting"', 1), Severity.WARNING)
    assert "Colorado" not in d.message


def test_ad704_enum_with_safe_fix():
    text = job(employmentType="full-time")
    (d,) = lint(text, "AD704")
    assert (d.line, d.col) == pos(text, "full-time")
    assert d.suggestion == "FULL_TIME" and d.fix is not None
    edit = d.fix.edits[0]
    fixed = text[:edit.start] + edit.text + text[edit.end:]
    assert lint(fixed, "AD704") == []


def test_ad704_lists_and_unit_text():
    (d,) = lint(job(employmentType=["FULL_TIME", "Freelance"]), "AD704")
    assert "Freelance" in d.message and d.suggestion is None
    salary = dict(FULL["baseSalary"], value=dict(FULL["baseSalary"]["value"], unitText="ANNUAL"))
    text = job(baseSalary=salary)
    (d,) = lint(text, "AD704")
    assert (d.line, d.col) == pos(text, "ANNUAL")


def test_ad705_dates():
    text = job(datePosted="05/01/2026")
    (d,) = lint(text, "AD705")
    assert (d.line, d.col, d.end_col) == (*pos(text, "05/01/2026"), pos(text, "05/01/2026")[1] + 10)
    (d,) = lint(job(validThrough="2025-12-31"), "AD705")
    assert "before datePosted" in d.message
    assert lint(job(datePosted="2026-02-02"), "AD705", as_of="2026-02-01")[0].message.startswith("datePosted 2026-02-02 is in the future")
    assert lint(job(datePosted="2026-02-01T09:00:00+01:00"), "AD705", as_of="2026-02-01") == []


def test_ad706_expiry_boundary():
    text = job()
    assert lint(text, "AD706", as_of="2026-03-31") == []
    (d,) = lint(text, "AD706", as_of="2026-04-01")
    assert (d.line, d.col) == pos(text, "2026-03-31")
    assert "expired on 2026-03-31" in d.message
    md = "---\nvalid_through: 2026-03-31\n---\n\n## Missions\n"
    (d,) = lint(md, "AD706", "p.md", as_of="2026-04-01")
    assert (d.line, d.col) == (2, 16)


def test_ad707_country_name_and_missing_fields():
    loc = {"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": "Berlin",
                                         "addressCountry": "Germany"}}
    text = job(jobLocation=loc)
    diags = lint(text, "AD707")
    errors = [d for d in diags if d.severity == Severity.ERROR]
    (d,) = errors
    assert (d.line, d.col) == pos(text, "Germany") and d.suggestion == "DE"
    assert d.fix is not None and d.fix.edits[0].text == "DE"
    infos = [d for d in diags if d.severity == Severity.INFO]
    assert len(infos) == 1 and "postalCode" in infos[0].message
    (d,) = [d for d in lint(job(jobLocation={"@type": "Place", "address": {"@type": "PostalAddress"}}), "AD707")
            if d.severity == Severity.ERROR]
    assert "no addressCountry" in d.message


def test_ad708_remote_location():
    text = job(jobLocation=None, jobLocationType="TELECOMMUTE")
    (d,) = lint(text, "AD708")
    assert (d.line, d.col, d.severity) == (*pos(text, "TELECOMMUTE"), Severity.ERROR)
    vague = job(jobLocation=None, jobLocationType="TELECOMMUTE",
                applicantLocationRequirements={"@type": "Country", "name": "Worldwide"})
    (d,) = lint(vague, "AD708")
    assert (d.line, d.col, d.severity) == (*pos(vague, "Worldwide"), Severity.WARNING)
    ok = job(jobLocation=None, jobLocationType="TELECOMMUTE",
             applicantLocationRequirements=[{"@type": "Country", "name": "USA"}, {"@type": "Country", "name": "Canada"}])
    assert lint(ok, "AD708") == []


@pytest.mark.parametrize(("salary", "needle", "words"), [
    ("Competitive", "Competitive", "placeholder"),
    ({"@type": "MonetaryAmount", "value": {"minValue": 1, "maxValue": 2, "unitText": "YEAR"}}, '"baseSalary"', "no currency"),
    ({"@type": "MonetaryAmount", "currency": "EURO", "value": 60000}, "EURO", "ISO 4217"),
    ({"@type": "MonetaryAmount", "currency": "EUR", "value": {"minValue": "60k", "maxValue": 70000, "unitText": "YEAR"}},
     "60k", "not a number"),
    ({"@type": "MonetaryAmount", "currency": "EUR", "value": {"minValue": 80000, "maxValue": 70000, "unitText": "YEAR"}},
     "80000", "greater than"),
    ({"@type": "MonetaryAmount", "currency": "EUR", "value": {"value": 60000}}, '"value": {', "no unitText"),
])
def test_ad709_salary_structure(salary, needle, words):
    text = job(baseSalary=salary)
    (d,) = lint(text, "AD709")
    shift = 1 if needle.startswith('"') else 0
    assert (d.line, d.col) == pos(text, needle, shift)
    assert words in d.message


def test_ad710_description_quality():
    text = job(description="Data engineer")
    (d,) = lint(text, "AD710")
    assert (d.line, d.col) == pos(text, '"Data engineer",\n  "datePosted"', 1)
    assert "repeats the title" in d.message
    assert "only" in lint(job(description="<p>Pipelines.</p>"), "AD710")[0].message
    assert "without paragraphs" in lint(job(description="word " * 200), "AD710")[0].message


def test_ad711_markup_disagrees_with_text():
    text = job(description="<p>Salary: 50.000–60.000 € per year. You build and run our data pipelines with the "
                           "analytics team.</p>")
    (d,) = lint(text, "AD711")
    assert (d.line, d.col) == pos(text, '"baseSalary"', 1)
    pt = job(description="<p>This is a part-time role of 20 hours a week building data pipelines with the "
                         "analytics team.</p>")
    (d,) = lint(pt, "AD711")
    assert "part-time" in d.message
    assert lint(job(description="<p>Casual and part-time staff also get the benefits. You build pipelines for the "
                                "analytics team every day.</p>"), "AD711") == []


def test_ad711_html_title_not_on_page():
    page = (f'<html><head><script type="application/ld+json">{job(title="Senior platform engineer")}</script></head>'
            "<body><h1>Data engineer</h1><p>You build our pipelines.</p></body></html>\n")
    (d,) = lint(page, "AD711", "p.html")
    assert (d.line, d.col) == pos(page, "Senior platform engineer")


def test_ad712_citizenship_in_applicant_location():
    text = job(jobLocation=None, jobLocationType="TELECOMMUTE",
               applicantLocationRequirements={"@type": "Country", "name": "US citizens only"})
    (d,) = lint(text, "AD712")
    assert (d.line, d.col, d.severity) == (*pos(text, "US citizens only"), Severity.INFO)


def test_jsonld_embedded_in_html_points_into_the_script():
    page = (f'<html><head>\n<script type="application/ld+json">\n{job(employmentType="Full Time")}</script>\n</head>'
            "<body><h1>Data engineer</h1></body></html>\n")
    (d,) = lint(page, "AD704", "p.html")
    assert (d.line, d.col) == pos(page, "Full Time")


def test_en_remote_corpus_runs_without_crashes():
    corpus = corpus_or_skip()
    cfg = resolve({"select": ["AD7"], "rules": {"AD703": {"as-of": "2026-11-21"}, "AD705": {"as-of": "2026-11-21"},
                                                  "AD706": {"as-of": "2026-11-21"}}}, None, Path.cwd())
    counts: collections.Counter = collections.Counter()
    files = sorted((corpus / "en-remote").glob("*.jsonld"))
    assert len(files) > 200
    for f in files:
        result = lint_bytes(str(f), f.read_bytes(), cfg)
        assert result.crashes == [], result.crashes
        assert result.posting.jsonld is not None
        counts.update(d.code for d in result.diagnostics)
        assert all(d.line >= 1 and d.col >= 1 for d in result.diagnostics)
    # every file is a remote job with applicant locations: nothing required is missing
    assert counts["AD702"] == 0
    assert counts["AD703"] >= len(files)  # none has baseSalary, validThrough, directApply or identifier
