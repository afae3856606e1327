"""AD301–AD305: gender-coded wording, pronouns, gendered terms, gender markers, masculine generics."""

from __future__ import annotations

from pathlib import Path

import pytest

from adlint.checks.inclusive_gender import GenderCodedOptions, coded_counts, verdict
from adlint.config import resolve
from adlint.diagnostics import Severity
from adlint.linter import lint_text
from tests.conftest import lint_rule as lint

ROOT = Path(__file__).resolve().parent.parent




def md(body: str, lang: str = "en", title: str | None = None) -> str:
    """A Markdown posting with front matter: line 5 is ``## Role``, the body starts on line 7."""
    head = f"---\nlanguage: {lang}\n" + (f"title: {title}\n" if title else "") + "---\n"
    return head + "\n## Role\n\n" + body + "\n"


def where(ds) -> list[tuple[int, int, str | None]]:
    return [(d.line, d.col, d.suggestion) for d in ds]


# -- AD301 gender-coded wording --------------------------------------------------------

#: Gaucher, Friesen & Kay (2011), Appendix A: one word per entry (a form of each stem).
PAPER_MASCULINE = ["active", "adventurous", "aggressive", "ambitious", "analytical", "assertive", "athletic",
                   "autonomous", "boastful", "challenging", "competitive", "confident", "decide", "decisive",
                   "decision-making", "determined", "dominant", "dominate", "forceful", "greedy", "headstrong",
                   "hierarchical", "hostile", "impulsive", "independent", "individualistic", "intellectual",
                   "leader", "logic", "masculine", "objective", "opinion", "outspoken", "persist", "principled",
                   "reckless", "stubborn", "superior", "self-confident", "self-sufficient", "self-reliant"]
PAPER_FEMININE = ["affectionate", "childlike", "cheerful", "committed", "communal", "compassionate", "connected",
                  "considerate", "cooperative", "dependable", "emotional", "empathetic", "feminine", "flatterable",
                  "gentle", "honest", "interpersonal", "interdependent", "kind", "kinship", "loyal", "modesty",
                  "nag", "nurturing", "pleasant", "polite", "quiet", "responsible", "sensitive", "submissive",
                  "supportive", "sympathetic", "tenderness", "together", "trusting", "understanding", "warm",
                  "whiny", "yielding"]


@pytest.mark.parametrize("word", PAPER_MASCULINE + PAPER_FEMININE)
def test_every_paper_word_counts_once(word):
    text = md(f"You are {word} at work.")
    res = lint_text(text, "p.md", resolve({"select": ["AD301"]}, None, ROOT))
    m, f, _, hits = coded_counts(res.posting, GenderCodedOptions(sources=["gaucher2011"]))
    assert (m, f) == ((1, 0) if word in PAPER_MASCULINE else (0, 1))
    assert [r.text[h.start:h.end] for r, h in hits] == [word]


def filler(n: int) -> str:
    return " ".join(["plain"] * n)


@pytest.mark.parametrize("masc, fem, words, expected, severity", [
    # short texts are scored as 500 words: 4 more masculine words = 0.8 per 100 = strongly
    (["competitive", "dominant", "decisive", "ambitious", "assertive"], ["supportive"], 100,
     "strongly masculine-coded", Severity.WARNING),
    (["competitive", "dominant", "decisive"], ["supportive"], 100, "somewhat masculine-coded", Severity.INFO),
    # the same difference in a 1,000-word text is only 0.4 per 100 words
    (["competitive", "dominant", "decisive", "ambitious", "assertive"], ["supportive"], 1000,
     "somewhat masculine-coded", Severity.INFO),
    (["decisive"], ["supportive", "honest", "polite", "loyal", "gentle", "kind"], 100,
     "strongly feminine-coded", Severity.INFO),
    (["decisive"], ["supportive"], 100, "neutral", Severity.INFO),
])
def test_verdict_on_constructed_texts(masc, fem, words, expected, severity):
    body = filler(words) + " " + " ".join(masc + fem) + "."
    ds = lint(md(body), "AD301")
    if expected == "neutral":
        assert ds == []  # no lean: nothing to report by default
        ds = lint(md(body), "AD301", verdict="always")
    elif "feminine" in expected:
        assert ds == []  # a feminine lean is reported only on request
        ds = lint(md(body), "AD301", verdict="coded")
    doc = [d for d in ds if d.message.startswith("posting is")]
    assert len(doc) == 1
    assert doc[0].message.startswith(f"posting is {expected}: {len(masc)} masculine-coded and {len(fem)} "
                                     f"feminine-coded words in {words + len(masc) + len(fem)} words")
    assert doc[0].severity == severity and (doc[0].line, doc[0].col) == (1, 1)
    assert len(ds) == 1  # one finding; the coded words on the verdict's side are its related locations
    side = masc if "masculine" in expected else fem if "feminine" in expected else []
    assert [r.message for r in doc[0].related] == [f"'{w}' is {'masculine' if side is masc else 'feminine'}-coded"
                                                  for w in side]


def test_no_verdict_on_fewer_than_three_words_of_its_side():
    # One or two coded words in a short posting are not evidence enough (min-evidence, default 3).
    assert lint(md("- You are competitive and dominant."), "AD301") == []
    ds = lint(md("- You are competitive, dominant and decisive."), "AD301")
    assert [d.message.split(":")[0] for d in ds] == ["posting is somewhat masculine-coded"]
    assert [(r.line, r.col) for r in ds[0].related] == [(7, 11), (7, 24), (7, 37)]
    assert lint(md("- You are competitive, dominant and decisive."), "AD301", **{"min-evidence": 4}) == []


def test_verdict_thresholds_are_options():
    opts = GenderCodedOptions(threshold=2.0, somewhat=1.0, min_words=100)
    assert verdict(3, 0, 100, opts) == ("strongly masculine-coded", 3.0)
    assert verdict(1, 0, 100, opts) == ("somewhat masculine-coded", 1.0)
    assert verdict(1, 0, 50, opts) == ("somewhat masculine-coded", 1.0)  # scored as min_words words
    assert verdict(1, 0, 200, opts) == ("neutral", 0.5)
    assert verdict(0, 3, 100, opts)[0] == "strongly feminine-coded"
    assert verdict(0, 1, 100, opts)[0] == "somewhat feminine-coded"
    assert verdict(2, 2, 100, opts)[0] == "neutral"


def test_per_word_findings_have_positions():
    ds = lint(md("- You are competitive and supportive."), "AD301", **{"per-word": True})
    words = [(d.line, d.col, d.message, d.severity) for d in ds if not d.message.startswith("posting")]
    assert words == [(7, 11, "'competitive' is masculine-coded wording", Severity.INFO),
                     (7, 27, "'supportive' is feminine-coded wording", Severity.INFO)]


def test_false_friends_give_no_finding_at_all():
    body = ("- Run our SharePoint and Nagios setup for the committee.\n"
            "- Competitive salary, data-driven planning, a kindergarten allowance.")
    assert lint(md(body), "AD301") == []


def test_options_per_word_verdict_and_allow():
    body = "- You are competitive, dominant, decisive, ambitious and assertive."
    only_verdict = lint(md(body), "AD301")
    assert len(only_verdict) == 1 and only_verdict[0].message.startswith("posting is strongly masculine-coded")
    assert len(lint(md(body), "AD301", **{"per-word": True})) == 6
    assert lint(md(body), "AD301", verdict="never") == []
    allowed = lint(md(body), "AD301", allow=["competitive", "dominant"])
    assert allowed[0].message.startswith("posting is somewhat masculine-coded: 3 masculine-coded")


@pytest.mark.parametrize("lang, body, word, col", [
    ("de", "Du arbeitest durchsetzungsstark und analytisch in unserem Team.", "durchsetzungsstark", 14),
    ("fr", "Vous êtes autonome et bienveillante avec les usagers.", "autonome", 11),
    ("es", "Buscamos una persona ambiciosa y empática para el equipo.", "ambiciosa", 22),
])
def test_other_languages_count_but_keep_the_verdict_at_info(lang, body, word, col):
    ds = lint(md(body, lang), "AD301", verdict="always", **{"per-word": True})
    first = [d for d in ds if not d.message.startswith("posting")][0]
    assert (first.line, first.col, first.message) == (7, col, f"'{word}' is masculine-coded wording")
    doc = [d for d in ds if d.message.startswith("posting")][0]
    assert doc.severity == Severity.INFO and "unvalidated" in doc.message


# -- AD302 gendered pronoun -------------------------------------------------------------

def test_pronoun_for_the_hire_fires():
    body = "The successful candidate will report to the CTO. He will own our billing service."
    ds = lint(md(body), "AD302")
    assert where(ds) == [(7, 50, "they")] and ds[0].severity == Severity.WARNING
    assert ds[0].message == "'He' assumes the gender of the person hired; consider 'they' or 'you'"


def test_pronoun_for_a_named_person_does_not_fire():
    body = ("You will report to Maria, our CTO; she founded the team. The entrepreneur is prioritising quality, "
            "as he told the candidate.")
    assert lint(md(body), "AD302") == []


def test_pair_pronouns_follow_the_option():
    body = "Each applicant gets an answer, whether he or she is selected or not."
    ds = lint(md(body), "AD302")
    assert where(ds) == [(7, 40, "they")] and ds[0].severity == Severity.INFO
    assert lint(md(body), "AD302", **{"allow-pair-forms": True}) == []


def test_french_il_for_the_hire():
    body = "Le stagiaire accompagnera le chargé de produit. Il aura comme mission de tester le service."
    ds = lint(md(body, "fr"), "AD302")
    assert where(ds) == [(7, 49, "vous serez")]
    near = "Il sera possible de travailler à distance. Il/elle travaillera avec le ou la candidat·e."
    assert lint(md(near, "fr"), "AD302") == []


def test_spanish_el_for_the_hire():
    body = "El candidato seleccionado se une al equipo de datos. Él será responsable de los informes."
    ds = lint(md(body, "es"), "AD302")
    assert where(ds) == [(7, 54, "tú")]
    assert lint(md("El o ella será responsable de los informes, como él o ella quiera.", "es"), "AD302") == []


# -- AD303 gendered term ---------------------------------------------------------------------

def test_gendered_job_title_en():
    ds = lint(md("We are hiring a salesman and a chairman for the board."), "AD303")
    assert where(ds) == [(7, 17, "salesperson"), (7, 32, "chair")]
    assert lint(md("We are hiring a salesperson; you know Postman and Jira."), "AD303") == []


def test_group_noun_en():
    ds = lint(md("Hey guys, we need more manpower."), "AD303")
    assert where(ds) == [(7, 5, "everyone"), (7, 24, "workforce")]


def test_gendered_job_title_de():
    ds = lint(md("Du hast eine Ausbildung als Industriekaufmann abgeschlossen.", "de"), "AD303")
    assert where(ds) == [(7, 29, "Kauffrau/Kaufmann")]
    for near in ("Du hast eine Ausbildung als Industriekaufmann/-frau abgeschlossen.",
                 "Du hast eine Ausbildung als Industriekauffrau oder Industriekaufmann.",
                 "Ausbildung zum Kaufmann (m/w/d) für Büromanagement."):
        assert lint(md(near, "de"), "AD303") == [], near


def test_gendered_job_title_fr_and_es():
    assert where(lint(md("Nous recrutons une femme de ménage pour nos bureaux.", "fr"), "AD303")) == [
        (7, 20, "agent·e d'entretien")]
    assert lint(md("Nous recrutons un·e agent·e d'entretien pour nos bureaux.", "fr"), "AD303") == []
    assert where(lint(md("Se busca chica para atención al cliente.", "es"), "AD303")) == [(7, 10, "persona")]
    assert lint(md("Se busca chico/a para atención al cliente.", "es"), "AD303") == []


# -- AD304 missing gender marker ------------------------------------------------------------

def test_german_title_without_marker():
    ds = lint(md("Du entwickelst unsere API.", "de", title="Softwareentwickler"), "AD304")
    assert where(ds) == [(3, 8, "Softwareentwickler (m/w/d)")] and ds[0].severity == Severity.WARNING


@pytest.mark.parametrize("title", [
    "Softwareentwickler (m/w/d)", "Softwareentwickler (w/m/d)", "Softwareentwickler (d/w/m)",
    "Softwareentwickler (all genders)", "Softwareentwickler*in", "Softwareentwickler:in",
    "Softwareentwicklerin/Softwareentwickler", "Teamleitung Vertrieb", "Fachkraft für Lagerlogistik",
    "Softwareentwickler m/w/d", "Senior Engineer (m/f/d)",
])
def test_german_titles_with_marker_or_inclusive_form(title):
    assert lint(md("Du entwickelst unsere API.", "de", title=title), "AD304") == []


def test_german_incomplete_marker_and_english_title():
    ds = lint(md("Du entwickelst unsere API.", "de", title="Softwareentwickler (m/w)"), "AD304")
    assert [(d.line, d.col, d.severity, d.suggestion) for d in ds] == [(3, 27, Severity.INFO, "(m/w/d)")]
    ds = lint(md("Du entwickelst unsere API.", "de", title="Senior Software Engineer"), "AD304")
    assert [(d.line, d.col, d.severity) for d in ds] == [(3, 24, Severity.INFO)]


def test_french_titles():
    ds = lint(md("Vous piloterez le produit.", "fr", title="Chef de projet"), "AD304")
    assert where(ds) == [(3, 8, "Chef de projet (H/F)")]
    ds = lint(md("Vous piloterez le produit.", "fr", title="beta.gouv recrute un développeur"), "AD304")
    assert where(ds) == [(3, 29, "beta.gouv recrute un développeur (H/F)")]
    for near in ("beta.gouv recherche un·e développeur·se", "Développeur (H/F)", "Développeuse ou développeur",
                 "une ou un responsable", "Responsable produit", "un.e développeur.e fullstack",
                 "Chargé‧e de déploiement", "Le pass Culture recrute un(e) référent(e) !"):
        assert lint(md("Vous piloterez le produit.", "fr", title=near), "AD304") == [], near


def test_spanish_titles():
    ds = lint(md("Desarrollarás nuestra API.", "es", title="Desarrollador backend"), "AD304")
    assert where(ds) == [(3, 8, "Desarrollador backend (h/m)")]
    for near in ("Desarrollador/a backend", "Desarrollador backend (h/m)", "Analista de datos",
                 "Desarrolladora o desarrollador backend"):
        assert lint(md("Desarrollarás nuestra API.", "es", title=near), "AD304") == [], near


def test_no_title_or_english_posting_is_not_checked():
    assert lint("<h2>Aufgaben</h2><ul><li>Du entwickelst unsere API mit uns und für dich.</li></ul>",
                "AD304", path="p.html") == []
    assert lint(md("You build our API.", "en", title="Software Developer"), "AD304") == []


# -- AD305 masculine generics in the body ---------------------------------------------------

def test_german_masculine_generics():
    body = "Unsere Mitarbeiter arbeiten remote. Die Kollegen helfen dir, und die Kollegen im Vertrieb auch."
    ds = lint(md(body, "de"), "AD305")
    assert where(ds) == [(7, 8, "Mitarbeitende"), (7, 41, "Kolleginnen und Kollegen")]
    assert "2 times" in ds[1].message and ds[0].severity == Severity.INFO
    near = "Unsere Kolleginnen und Kollegen helfen dir. Dein Ansprechpartner: Max Muster. Alle Mitarbeitenden."
    assert lint(md(near, "de"), "AD305") == []


def test_french_and_spanish_masculine_generics():
    ds = lint(md("Le candidat retenu rejoindra l'équipe.", "fr"), "AD305")
    assert where(ds) == [(7, 4, "candidat·e")]
    assert lint(md("Le ou la candidat·e retenu·e rejoindra deux développeurs (Lucien et Nicolas).", "fr"),
                "AD305") == []
    ds = lint(md("El candidato trabajará con los desarrolladores.", "es"), "AD305")
    assert where(ds) == [(7, 4, "la persona candidata"), (7, 32, "desarrollador/a")]
    assert lint(md("El candidato o la candidata trabajará con el equipo.", "es"), "AD305") == []


@pytest.mark.parametrize("lang, body, col, word", [
    ("en", "We are hiring a sales representative for our Leeds store. He will greet customers.", 59, "He"),
    ("fr", "Rattaché au directeur commercial, il sera chargé du portefeuille.", 35, "il sera"),
    ("de", "Wir suchen einen Vertriebsmitarbeiter für Hamburg. Er wird unsere Kunden betreuen.", 52, "Er wird"),
    ("es", "Buscamos un analista de datos. Él será responsable de los informes.", 32, "Él será"),
])
def test_pronoun_for_a_role_introduced_as_the_hire(lang, body, col, word):
    ds = lint(md(body, lang), "AD302")
    assert [(d.line, d.col) for d in ds] == [(7, col)]
    assert ds[0].message.startswith(f"'{word}' assumes the gender of the person hired")


@pytest.mark.parametrize("lang, body", [
    ("en", "Our founder started the company in 2010. He will mentor you."),
    ("fr", "Notre directeur a fondé l'entreprise. Il sera ravi de vous accueillir."),
    ("de", "Unser Gründer hat die Firma 2010 aufgebaut. Er wird dich einarbeiten."),
    ("es", "Nuestro fundador creó la empresa en 2010. Él será tu mentor."),
])
def test_pronoun_for_someone_else_is_not_reported(lang, body):
    assert lint(md(body, lang), "AD302") == []


def test_words_of_the_job_title_do_not_count():
    text = ("---\ntitle: Lead iOS Engineer\nlanguage: en\n---\n\n## About the role\n\n"
            "As our Lead iOS Engineer you will build the app. The Lead iOS Engineer reports to the CTO. "
            "You are competitive, decisive and ambitious, a leader of the mobile guild.\n")
    ds = lint(text, "AD301")
    assert [d.message.split(":")[0] for d in ds] == ["posting is strongly masculine-coded"]
    # 'Lead' inside the two title mentions is the role's name; 'leader' describes the person.
    assert [(r.line, r.col, r.message) for r in ds[0].related] == [
        (8, 100, "'competitive' is masculine-coded"), (8, 113, "'decisive' is masculine-coded"),
        (8, 126, "'ambitious' is masculine-coded"), (8, 139, "'leader' is masculine-coded")]


@pytest.mark.parametrize("body", [
    # task and role words: the work, not the person
    "- Run market analysis, analyze the data and own analytics.\n- Make data-driven decisions and solve challenges.\n"
    "- Qualify sales leads and follow design principles.",
    # names and titles: our Product Lead, the AI Risk Decisioning product
    "- Work with our Product Lead and our Head of Analytics on AI Risk Decisioning and Competitive Edge Labs.",
])
def test_task_words_names_and_titles_are_not_counted(body):
    assert lint(md(body), "AD301", verdict="always", **{"min-evidence": 1})[0].message.startswith(
        "posting is neutral: 0 masculine-coded")


def test_company_and_benefits_sections_are_not_counted():
    text = ("---\nlanguage: en\n---\n\n## About us\n\nWe are an ambitious, competitive, dominant market leader.\n\n"
            "## Benefits\n\n- A competitive, ambitious and decisive bonus scheme.\n\n"
            "## Requirements\n\n- You are analytical and decisive.\n")
    ds = lint(text, "AD301", verdict="always", **{"min-evidence": 1})
    assert ds[0].message.startswith("posting is somewhat masculine-coded: 2 masculine-coded")
    assert [(r.line, r.col) for r in ds[0].related] == [(15, 11), (15, 26)]  # the requirements only


