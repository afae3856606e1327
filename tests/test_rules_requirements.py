"""AD2xx requirement-list rules on real-looking sentences in English, French, German and Spanish.

Each rule is checked where it must fire (code, line and column) and on near
misses where it must not. Postings declare their language in front matter,
except where a test is about the language being unknown.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from adlint.checks import requirements as rq
from adlint.config import resolve
from adlint.linter import lint_bytes, lint_text
from tests.conftest import corpus_or_skip, lint_rule


def lint(text: str, codes: list[str], options: dict | None = None, path: str = "posting.md") -> list:
    """Diagnostics of ``codes`` for ``text`` (Markdown unless ``path`` says otherwise)."""
    raw: dict = {"select": codes}
    if options:
        raw["rules"] = options
    cfg = resolve(raw, None, Path.cwd())
    res = lint_bytes(path, text.encode("utf-8"), cfg)
    assert res.crashes == []
    return [d for d in res.diagnostics if d.code in codes]


def doc(lang: str, body: str) -> str:
    """A Markdown posting declaring ``lang``; the body starts on line 5."""
    return f"---\nlanguage: {lang}\n---\n\n{body}"


def where(diags: list) -> list[tuple[str, int, int]]:
    return [(d.code, d.line, d.col) for d in diags]


# -- the seed posting ------------------------------------------------------------------------

def test_seed_posting() -> None:
    corpus = corpus_or_skip()
    path = corpus / "seed" / "tradingview-backend-services-architect.txt"
    if not path.exists():
        pytest.skip(f"seed posting not found at {path}")
    cfg = resolve({"select": ["AD2"]}, None, Path.cwd())
    res = lint_bytes(str(path), path.read_bytes(), cfg)
    assert res.crashes == []
    lines = path.read_text(encoding="utf-8").splitlines()
    row = next(i for i, line in enumerate(lines, 1) if line.startswith("10+ years of experience in backend"))
    ad204 = [d for d in res.diagnostics if d.code == "AD204"]
    assert [(d.line, d.col) for d in ad204] == [(row, 1)]
    assert ad204[0].end_col == 1 + len("10+ years")
    assert "10+ years" in ad204[0].message
    mindset = next(i for i, line in enumerate(lines, 1) if line.startswith("strong engineering mindset"))
    assert {d.code for d in res.diagnostics if d.line == mindset} & {"AD208", "AD209"}
    assert "AD202" not in {d.code for d in res.diagnostics}


# -- AD204 high years of experience ----------------------------------------------------------

@pytest.mark.parametrize("lang, item, col, severity", [
    ("en", "10+ years of experience in backend development", 3, "warning"),
    ("en", "At least 7 years of hands-on experience with payments", 3, "info"),
    ("en", "6-8 years of experience in B2B sales", 3, "info"),
    ("de", "Mindestens 10 Jahre Berufserfahrung im Vertrieb", 3, "warning"),
    ("de", "Du hast 7+ Jahre Erfahrung im Performance Marketing", 11, "info"),
    ("fr", "8 ans d'expérience minimum en gestion de projet", 3, "info"),
    ("fr", "Vous justifiez d’au moins 9 ans d’expérience en développement web", 20, "warning"),
    ("es", "Al menos 7 años de experiencia en ventas", 3, "info"),
    ("es", "Experiencia mínima de 10 años en puestos similares", 25, "warning"),
])
def test_ad204_fires(lang: str, item: str, col: int, severity: str) -> None:
    diags = lint(doc(lang, f"## Requirements\n\n- {item}\n"), ["AD204"])
    assert where(diags) == [("AD204", 7, col)]
    assert str(diags[0].severity) == severity


@pytest.mark.parametrize("lang, item", [
    ("en", "5 years of experience with Go"),           # at the info threshold, not above it
    ("en", "We were founded 10 years ago"),
    ("en", "We have 5 years of runway"),
    ("en", "Up to 10 years of experience welcome"),      # a cap (AD206), not a minimum
    ("fr", "CDD de 10 ans renouvelable"),
    ("de", "Ein Kind im Alter von 6 - 9 Jahren"),
    ("es", "Contrato de 10 años"),
])
def test_ad204_near_misses_in_requirements(lang: str, item: str) -> None:
    assert lint(doc(lang, f"## Requirements\n\n- {item}\n"), ["AD204"]) == []


@pytest.mark.parametrize("lang, text", [
    ("en", "Founded 10 years ago, we help shops sell online. Consultants with over 40 years of collective "
           "project management experience work with you."),
    ("de", "Wir sind ein Planungsbüro mit über 40 Jahren Erfahrung."),
    ("de", "Seit über 25 Jahren entwickeln wir Software für den Handel."),
    ("fr", "Depuis 10 ans, notre équipe accompagne les collectivités."),
])
def test_ad204_company_history_is_not_a_requirement(lang: str, text: str) -> None:
    assert lint(doc(lang, f"## About us\n\n{text}\n\n## Who we are\n\n{text}\n"), ["AD204"]) == []


def test_ad204_options_and_ranges() -> None:
    body = doc("en", "## Requirements\n\n- 5-7 years of experience in data engineering\n")
    assert lint(body, ["AD204"]) == []
    diags = lint(body, ["AD204"], {"AD204": {"years-info": 4}})
    assert where(diags) == [("AD204", 7, 3)] and diags[0].end_col == 3 + len("5-7 years")


@pytest.mark.parametrize("lang, text, low, high, cap", [
    ("de", "mindestens 5 Jahre Berufserfahrung", 5, None, False),
    ("fr", "3 ans d'expérience minimum", 3, None, False),
    ("es", "5 años de experiencia", 5, None, False),
    ("en", "5-7 years of experience", 5, 7, False),
    ("fr", "de 3 à 5 ans d'expérience", 3, 5, False),
    ("de", "2-jähriger Berufserfahrung", 2, None, False),
    ("en", "no more than 4 years of experience", 4, None, True),
    ("en", "three years of experience", 3, None, False),
    ("de", "5+ years of experience in B2B sales", 5, None, False),  # English in a German posting
])
def test_years_parsing(lang: str, text: str, low: float, high: float | None, cap: bool) -> None:
    res = lint_text(doc(lang, f"## Requirements\n\n- {text}\n"))
    (e,) = rq.years_expressions(res.posting)
    assert (e.low, e.high, e.cap) == (low, high, cap)


def test_years_patterns_run_in_every_language_when_language_is_unknown(monkeypatch: pytest.MonkeyPatch) -> None:
    import adlint.language as language

    monkeypatch.setattr(language, "detected_language", lambda posting: None)
    text = "## Anforderungen\n\n- Mindestens 10 Jahre Berufserfahrung im Vertrieb\n"
    assert where(lint(text, ["AD204"])) == [("AD204", 3, 3)]


# -- AD201 / AD202 / AD203 -------------------------------------------------------------------

def _items(n: int, extra: str = "") -> str:
    return "".join(f"- Skill number {i} with real tools\n" for i in range(1, n + 1)) + extra


def test_ad201_counts_must_haves() -> None:
    # Reported at the heading's text: line 5, column 4 (after "## ").
    diags = lint(doc("en", "## Requirements\n\n" + _items(9)), ["AD201"])
    assert where(diags) == [("AD201", 5, 4)] and str(diags[0].severity) == "warning"
    diags = lint(doc("en", "## Requirements\n\n" + _items(7)), ["AD201"])
    assert where(diags) == [("AD201", 5, 4)] and str(diags[0].severity) == "info"
    assert lint(doc("en", "## Requirements\n\n" + _items(6)), ["AD201"]) == []
    # Items labelled optional are not must-haves.
    assert lint(doc("en", "## Requirements\n\n" + _items(6, "- Kafka is a plus\n- Ideally some Go\n")),
                ["AD201"]) == []


def test_ad201_german_and_nested_items() -> None:
    body = "## Dein Profil\n\n" + "".join(f"- Kenntnis Nummer {i}\n  - Detail {i}\n" for i in range(1, 10))
    assert where(lint(doc("de", body), ["AD201"])) == [("AD201", 5, 4)]


@pytest.mark.parametrize("lang, heading, marker_item", [
    ("en", "Requirements", "- Experience with Kafka is a plus\n"),
    ("fr", "Profil recherché", "- Une expérience en design serait un plus\n"),
    ("de", "Dein Profil", "- Erfahrung mit SAP ist von Vorteil\n"),
    ("es", "Requisitos", "- Se valorará experiencia con SAP\n"),
])
def test_ad202_split(lang: str, heading: str, marker_item: str) -> None:
    diags = lint(doc(lang, f"## {heading}\n\n" + _items(8)), ["AD202"])
    assert where(diags) == [("AD202", 5, 4)]
    assert lint(doc(lang, f"## {heading}\n\n" + _items(7, marker_item)), ["AD202"]) == []
    assert lint(doc(lang, f"## {heading}\n\n" + _items(8) + "\n## Nice to have\n\n- Go\n"), ["AD202"]) == []


def _list(items: list[str]) -> str:
    return "".join(f"- {i}\n" for i in items)


_MUST = {
    "en": ["Three years of Python", "SQL and data modelling", "Shipping APIs to production", "Writing clear docs",
           "Reviewing pull requests"],
    "fr": ["Trois ans de Python", "Maîtrise de SQL", "Mise en production d'API", "Rédaction de documentation",
           "Revue de code"],
    "de": ["Drei Jahre Python", "Sicherer Umgang mit SQL", "Betrieb von APIs", "Saubere Dokumentation",
           "Code-Reviews"],
    "es": ["Tres años de Python", "Dominio de SQL", "Despliegue de APIs", "Documentación clara",
           "Revisión de código"],
}
_MORE = {
    "en": ["Terraform", "Kubernetes", "Grafana", "Kafka"],
    "fr": ["Terraform", "Kubernetes", "Grafana", "Kafka"],
    "de": ["Terraform", "Kubernetes", "Grafana", "Kafka"],
    "es": ["Terraform", "Kubernetes", "Grafana", "Kafka"],
}


@pytest.mark.parametrize("lang, heading, lead", [
    ("en", "Requirements", "Helpful traits:"),
    ("fr", "Profil recherché", "Idéalement, vous avez de l'expérience dans un ou plusieurs de ces domaines :"),
    ("fr", "Votre profil", "Votre profil nous intéresse tout particulièrement si :"),
    ("de", "Dein Profil", "Idealerweise kennst du dich außerdem aus mit:"),
    ("es", "Requisitos", "Idealmente también conoces:"),
])
def test_ad201_items_after_a_nice_to_have_lead_in_are_not_must_haves(lang: str, heading: str, lead: str) -> None:
    body = f"## {heading}\n\n" + _list(_MUST[lang]) + f"\n{lead}\n\n" + _list(_MORE[lang])
    assert lint(doc(lang, body), ["AD201", "AD202"]) == []
    plain = f"## {heading}\n\n" + _list(_MUST[lang]) + "\nAlso:\n\n" + _list(_MORE[lang])
    assert where(lint(doc(lang, plain), ["AD201", "AD202"])) == [("AD201", 5, 4), ("AD202", 5, 4)]


@pytest.mark.parametrize("lang, lead", [
    ("en", "Do you hold one of these licences?"),
    ("fr", "Vous avez l'une de ces certifications :"),
    ("de", "Du hast eine der folgenden Zulassungen:"),
    ("es", "Tienes una de las siguientes certificaciones:"),
])
def test_ad201_alternatives_count_as_one_requirement(lang: str, lead: str) -> None:
    body = "## Requirements\n\n" + _list(_MUST[lang]) + f"\n{lead}\n\n" + _list(_MORE[lang])
    assert lint(doc(lang, body), ["AD201"]) == []


@pytest.mark.parametrize("lang, disclaimer", [
    ("en", "You don't tick every box? Apply anyway"),
    ("fr", "Vous ne maîtrisez pas tout ça, mais vous avez envie d'apprendre"),
    ("de", "Du erfüllst nicht alle Anforderungen? Bewirb dich trotzdem"),
    ("es", "¿No cumples todos los requisitos? Escríbenos igualmente"),
])
def test_ad201_a_disclaimer_says_the_list_is_not_all_gates(lang: str, disclaimer: str) -> None:
    body = "## Requirements\n\n" + _list(_MUST[lang] + _MORE[lang] + [disclaimer])
    assert lint(doc(lang, body), ["AD201"]) == []
    assert where(lint(doc(lang, "## Requirements\n\n" + _list(_MUST[lang] + _MORE[lang])), ["AD201"])) == [
        ("AD201", 5, 4)]


@pytest.mark.parametrize("lang, disclaimer", [
    ("en", "Many successful candidates do not meet every single requirement, so please apply."),
    ("en", "We encourage you to apply even if you don't meet every qualification."),
    ("fr", "Ne te censure pas si tu ne coches pas toutes les cases."),
    ("de", "Auch wenn du nicht alle Anforderungen erfüllst, zögere nicht, dich zu bewerben."),
    ("de", "Und auch wenn Dein Profil nicht jedes Kriterium erfüllt: Bewirb Dich trotzdem!"),
    ("es", "Aunque no cumplas todos los requisitos, escríbenos."),
])
def test_ad201_ad202_a_disclaimer_far_below_the_list_counts(lang: str, disclaimer: str) -> None:
    items = _list(_MUST[lang] + _MORE[lang])
    body = f"## Requirements\n\n{items}\n## Benefits\n\n- Remote work\n\n## How to apply\n\n{disclaimer}\n"
    assert lint(doc(lang, body), ["AD201", "AD202"]) == []
    body = f"## Requirements\n\n{items}\n## Benefits\n\n- Remote work\n"
    assert where(lint(doc(lang, body), ["AD201", "AD202"])) == [("AD201", 5, 4), ("AD202", 5, 4)]


@pytest.mark.parametrize("lang, label", [
    ("en", "Nice to have:"),
    ("fr", "Atouts :"),
    ("de", "Nice-to-have:"),
    ("es", "Se valorará:"),
])
def test_ad201_items_after_an_inline_nice_to_have_label_are_not_must_haves(lang: str, label: str) -> None:
    # The label closes the last must-have item, as HTML postings put it ("<li>…<p>Nice to have:</p></li>").
    must = _MUST[lang][:-1] + [f"{_MUST[lang][-1]}\n\n  {label}"]
    body = "## Requirements\n\n" + _list(must + _MORE[lang])
    assert lint(doc(lang, body), ["AD201", "AD203"]) == []
    body = "## Requirements\n\n" + _list(_MUST[lang] + [label] + _MORE[lang])
    assert lint(doc(lang, body), ["AD201", "AD203"]) == []
    body = "## Requirements\n\n" + _list(_MUST[lang] + _MORE[lang])
    assert where(lint(doc(lang, body), ["AD201"])) == [("AD201", 5, 4)]


@pytest.mark.parametrize("lang, lead, marker_item", [
    ("en", "On top:", "Strong reporting skills will be an added advantage"),
    ("fr", "En plus :", "Une expérience en intégration web serait un plus"),
    ("de", "Nice-to-have (Motion ist Zukunft – kein Knock-out)", "After Effects ist kein Knock-out"),
    ("es", "Extras:", "Se valorará experiencia con SAP"),
])
def test_ad202_more_ways_to_split(lang: str, lead: str, marker_item: str) -> None:
    body = "## Requirements\n\n" + _list(_MUST[lang]) + f"\n{lead}\n\n" + _list(["Illustration", "Motion design"])
    assert lint(doc(lang, body), ["AD202"]) == []
    body = "## Requirements\n\n" + _list(_MUST[lang] + ["Illustration", marker_item])
    assert lint(doc(lang, body), ["AD202"]) == []
    body = "## Requirements\n\n" + _list(_MUST[lang]) + "\nAlso:\n\n" + _list(["Illustration", "Motion design"])
    assert where(lint(doc(lang, body), ["AD202"])) == [("AD202", 5, 4)]


@pytest.mark.parametrize("lang, marker_item", [
    ("en", "Strong reporting and data analytics skills will be an added advantage"),
    ("fr", "Une connaissance de SQL (de l'expérience avec PostGIS est un avantage)"),
    ("de", "Erfahrung mit SAP ist ein Vorteil"),
    ("es", "La experiencia con SAP es una ventaja"),
])
def test_ad202_an_advantage_marks_an_item_optional(lang: str, marker_item: str) -> None:
    body = "## Requirements\n\n" + _list(_MUST[lang] + ["Illustration", marker_item])
    assert lint(doc(lang, body), ["AD202"]) == []
    body = "## Requirements\n\n" + _list(_MUST[lang] + ["Illustration", "Motion design"])
    assert where(lint(doc(lang, body), ["AD202"])) == [("AD202", 5, 4)]


def test_ad201_perks_after_an_unheaded_paragraph_are_not_requirements() -> None:
    body = ("## What you'll need\n\n" + _list(_MUST["en"]) +
            "\nOn top of great colleagues, we look after you.\n\n"
            "- A 401(k) match and health insurance\n- Flexible vacation\n- A home-office stipend\n- Equity\n")
    assert lint(doc("en", body), ["AD201", "AD202"]) == []


def test_ad202_a_list_repeated_in_english_is_one_list() -> None:
    de = ["Abgeschlossenes Studium der Chemie oder eine vergleichbare Qualifikation", "Flexibel und motiviert",
          "Sehr gute Deutschkenntnisse in Wort und Schrift", "Gute Englischkenntnisse auf dem Niveau B2"]
    en = ["Completed degree in chemistry or a comparable qualification", "Flexible and motivated",
          "Very good written and spoken German", "Good English at level B2"]
    body = "## Qualifikation\n\n" + _list(de) + "\nKlingt nach dir? Dann bewirb dich.\n\n" + _list(en)
    assert lint(doc("de", body), ["AD201", "AD202"]) == []


@pytest.mark.parametrize("lang, lead", [
    ("en", "It would be great if you also knew a little about:"),
    ("fr", "Par ailleurs, il pourrait être intéressant d'avoir quelques notions de :"),
    ("de", "Außerdem wäre schön, wenn du etwas kennst von:"),
    ("es", "Además, sería interesante que conocieras:"),
])
def test_ad202_a_nice_to_have_lead_in_in_another_section_is_a_split(lang: str, lead: str) -> None:
    items = _list(_MUST[lang] + ["Go", "Rust", "Elixir"])
    body = f"## Responsibilities\n\nBuild the service.\n\n{lead}\n\n- Docker\n- CI\n\n## Requirements\n\n{items}"
    assert lint(doc(lang, body), ["AD202"]) == []
    body = "## Responsibilities\n\nBuild the service.\n\n## Requirements\n\n" + items
    assert [c for c, *_ in where(lint(doc(lang, body), ["AD202"]))] == ["AD202"]


@pytest.mark.parametrize("lang, heading, lead", [
    ("en", "About you", "We would love to start conversations about the following topics:"),
    ("fr", "À propos de vous", "L'idée serait d'ouvrir des conversations sur les sujets suivants :"),
    ("de", "Dein Profil", "Wir möchten uns gern mit dir über folgende Themen austauschen:"),
    ("es", "Tu perfil", "Nos gustaría conversar sobre los siguientes temas:"),
])
def test_ad202_topics_to_talk_about_are_not_requirements(lang: str, heading: str, lead: str) -> None:
    body = f"## {heading}\n\n{lead}\n\n" + _list(_MUST[lang] + _MORE[lang])
    assert lint(doc(lang, body), ["AD201", "AD202"]) == []
    plain = f"## {heading}\n\nYou have:\n\n" + _list(_MUST[lang] + _MORE[lang])
    assert [c for c, *_ in where(lint(doc(lang, plain), ["AD201", "AD202"]))] == ["AD201", "AD202"]


def col_of(item: str, phrase: str) -> int:
    """1-based column of ``phrase`` in the list line ``- {item}``."""
    return 3 + item.index(phrase)


@pytest.mark.parametrize("lang, heading, item, marker", [
    ("en", "Requirements", "Experience with Kafka is a plus", "is a plus"),
    ("en", "Requirements", "Preferred: experience with the 1Password product", "Preferred"),
    ("fr", "Profil recherché", "Idéalement, une expérience en design de services", "Idéalement"),
    ("de", "Dein Profil", "Kenntnisse in SAP sind von Vorteil", "sind von Vorteil"),
    ("es", "Requisitos", "Se valorará experiencia con SAP", "Se valorará"),
])
def test_ad203_optional_item_among_must_haves(lang: str, heading: str, item: str, marker: str) -> None:
    nice = {"en": "Nice to have", "fr": "Atouts", "de": "Wünschenswert", "es": "Se valorará"}[lang]
    diags = lint(doc(lang, f"## {heading}\n\n- Python\n- {item}\n\n## {nice}\n\n- Go\n"), ["AD203"])
    assert where(diags) == [("AD203", 8, col_of(item, marker))]
    # Without a nice-to-have list to move it to, the inline label is what AD202 asks for.
    assert lint(doc(lang, f"## {heading}\n\n- Python\n- {item}\n"), ["AD203"]) == []


@pytest.mark.parametrize("lang, heading, item, lead, marker", [
    ("en", "Requirements", "Experience working with YAML files is desirable", "Bonus points if you also know:",
     "is desirable"),
    ("fr", "Profil recherché", "Idéalement, vous êtes familier·ère avec les tunnels d'acquisition",
     "Idéalement vous avez de l'expérience dans un ou plusieurs des domaines suivants :", "Idéalement"),
    ("de", "Qualifikation", "Erste Erfahrungen im Vertrieb sind von Vorteil", "Idealerweise kennst du außerdem:",
     "sind von Vorteil"),
    ("es", "Requisitos", "Se valorará experiencia con SAP", "Idealmente también conoces:", "Se valorará"),
])
def test_ad203_a_nice_to_have_list_in_the_requirements_is_somewhere_to_move_it(
        lang: str, heading: str, item: str, lead: str, marker: str) -> None:
    body = f"## {heading}\n\n- Python\n- {item}\n\n{lead}\n\n- Go\n- Rust\n- Elixir\n"
    assert where(lint(doc(lang, body), ["AD203"])) == [("AD203", 8, col_of(item, marker))]


@pytest.mark.parametrize("lang, tail", [
    ("de", "## Vorteile, die du bei uns genießt:\n\n- 30 Tage Urlaub\n- Jobrad\n"),
    ("fr", "## En savoir plus\n\n- Le site de la startup\n- Notre blog\n"),
    ("en", "## Pay\n\nFor sales roles the ranges are on-target earnings, which include the commission target and the "
           "base salary; a signing bonus is possible and would be paid with the first salary.\n\n- 401(k)\n"),
])
def test_ad203_a_benefits_or_reading_section_is_no_nice_to_have_list(lang: str, tail: str) -> None:
    item = {"de": "Erste Erfahrungen im Vertrieb sind von Vorteil", "fr": "Une expérience en design serait un plus",
            "en": "Experience with Kafka is a plus"}[lang]
    assert lint(doc(lang, f"## Requirements\n\n- Python\n- {item}\n\n{tail}"), ["AD203"]) == []


@pytest.mark.parametrize("lang, item", [
    ("en", "You are fluent in English, German is an advantage"),
    ("fr", "Maîtrise des technologies ES6, React, la maîtrise d'ElasticSearch est un gros plus"),
    ("de", "Sehr gutes Deutsch in Wort und Schrift, Englisch ist von Vorteil"),
    ("es", "Inglés fluido en reuniones diarias, el alemán es un plus"),
])
def test_ad203_a_marker_closing_a_clause_of_its_own_qualifies_only_that_clause(lang: str, item: str) -> None:
    body = f"## Requirements\n\n- Python\n- {item}\n\n## Nice to have\n\n- Go\n"
    assert lint(doc(lang, body), ["AD203"]) == []
    # The whole item stays optional when the marker ends a list or follows an aside.
    whole = {"en": "Experience with Kafka, Kubernetes or Terraform is a plus",
             "fr": "Une expérience en ML-Ops, notamment avec Git, serait un plus",
             "de": "Kenntnisse in Kafka, Kubernetes oder Terraform sind von Vorteil",
             "es": "Experiencia con Kafka, Kubernetes o Terraform es un plus"}[lang]
    body = f"## Requirements\n\n- Python\n- {whole}\n\n## Nice to have\n\n- Go\n"
    assert [c for c, *_ in where(lint(doc(lang, body), ["AD203"]))] == ["AD203"]


@pytest.mark.parametrize("lang, lead", [
    ("en", "You have at least 3 of the following skills:"),
    ("fr", "Tu justifies d'au moins 3 des compétences suivantes :"),
    ("de", "Du bringst mindestens drei der folgenden Kenntnisse mit:"),
    ("es", "Tienes al menos tres de las siguientes habilidades:"),
])
def test_ad203_a_pick_any_list_is_not_must_haves(lang: str, lead: str) -> None:
    body = (f"## Requirements\n\n{lead}\n\n- Python\n- Openstack\n- Bonus: React or iOS\n\n"
            "## Nice to have\n\n- Go\n")
    assert lint(doc(lang, body), ["AD203"]) == []


@pytest.mark.parametrize("lang, heading, item, marker", [
    ("en", "Nice to have", "A driving licence is required", "required"),
    ("de", "Wünschenswert", "Ein Führerschein ist zwingend erforderlich", "zwingend erforderlich"),
    ("fr", "Atouts", "La maîtrise de Django est indispensable", "indispensable"),
    ("es", "Se valorará", "Inglés fluido imprescindible", "imprescindible"),
])
def test_ad203_required_item_among_nice_to_haves(lang: str, heading: str, item: str, marker: str) -> None:
    diags = lint(doc(lang, f"## {heading}\n\n- Go\n- {item}\n"), ["AD203"])
    assert where(diags) == [("AD203", 8, col_of(item, marker))]


@pytest.mark.parametrize("body", [
    "## Requirements\n\n- SQL, ideally PostgreSQL\n- Python\n",
    "## Dein Profil\n\n- Erfahrung im IT-Support, idealerweise bei einem Dienstleister\n",
    "## Nice to have\n\n- Ability to travel as required\n- A degree is not required\n",
    "## Atouts\n\n- Le permis de conduire n'est pas obligatoire\n",
])
def test_ad203_near_misses(body: str) -> None:
    assert lint(doc("en", body), ["AD203"]) == []


@pytest.mark.parametrize("lang, heading, item, marker", [
    ("en", "Nice to have", "Knowledge of the talent market and the tools required to source them", ""),
    ("en", "Nice to have", "A driving licence is required for this role", "required"),
    ("en", "Nice to have", "Strong SQL skills are essential to this role", "are essential"),
    ("fr", "Atouts", "Connaissance des outils requis pour la cartographie", ""),
    ("fr", "Atouts", "Le permis B est requis pour les déplacements", "requis"),
    ("es", "Se valorará", "Conocer las herramientas requeridas para el análisis", ""),
    ("es", "Se valorará", "El inglés es imprescindible para el puesto", "imprescindible"),
])
def test_ad203_a_participle_describing_a_noun_is_no_label(lang: str, heading: str, item: str, marker: str) -> None:
    diags = lint(doc(lang, f"## {heading}\n\n- Go\n- {item}\n"), ["AD203"])
    assert where(diags) == ([("AD203", 8, col_of(item, marker))] if marker else [])


def test_ad203_the_required_x_is_not_a_label() -> None:
    body = "## Nice to have\n\n- Experience delivering projects to the required quality\n"
    assert lint(doc("en", body), ["AD203"]) == []
    body = "## Nice to have\n\n- A driving licence is required\n"
    assert [c for c, *_ in where(lint(doc("en", body), ["AD203"]))] == ["AD203"]


# -- AD205 / AD206 ---------------------------------------------------------------------------

@pytest.mark.parametrize("lang, item, col", [
    ("en", "15+ years of experience with Kubernetes", 3),
    ("en", "Solid experience as a Swift engineer (14+ years)", 41),
    ("de", "Mindestens 15 Jahre Erfahrung mit Kubernetes", 3),
    ("fr", "10 ans d'expérience en ChatGPT", 3),
    ("es", "12 años de experiencia con SwiftUI", 3),
])
def test_ad205_fires(lang: str, item: str, col: int) -> None:
    diags = lint(doc(lang, f"## Requirements\n\n- {item}\n"), ["AD205"], {"AD205": {"as-of": "2026-06-30"}})
    assert where(diags) == [("AD205", 7, col)]
    assert str(diags[0].severity) == "error"


@pytest.mark.parametrize("item", [
    "10 years of experience with Kubernetes",                               # 2014 + 10 < 2026
    "15 years of Go-to-market experience",                                   # not the Go language
    "10+ years of experience in backend development (our stack includes Go)",
    "15 years of experience in sales, including Salesforce",
])
def test_ad205_near_misses(item: str) -> None:
    assert lint(doc("en", f"## Requirements\n\n- {item}\n"), ["AD205"], {"AD205": {"as-of": "2026-06-30"}}) == []


@pytest.mark.parametrize("lang, item, col", [
    ("en", "No more than 5 years of experience in sales", 3),
    ("fr", "3 ans d'expérience maximum en communication", 3),
    ("de", "Maximal 5 Jahre Berufserfahrung im Einkauf", 3),
    ("es", "Máximo 3 años de experiencia en atención al cliente", 3),
])
def test_ad206_fires(lang: str, item: str, col: int) -> None:
    assert where(lint(doc(lang, f"## Requirements\n\n- {item}\n"), ["AD206"])) == [("AD206", 7, col)]


@pytest.mark.parametrize("lang, item", [
    ("en", "At least 2 years of experience in sales"),
    ("en", "3-5 years of experience in sales"),
    ("fr", "Pour un profil jusqu'à 5 ans d'expérience, le salaire est de 2500 euros nets"),
    ("fr", "Mission de 2 ans maximum"),
])
def test_ad206_near_misses(lang: str, item: str) -> None:
    assert lint(doc(lang, f"## Requirements\n\n- {item}\n"), ["AD206"]) == []


# -- AD207 degree ----------------------------------------------------------------------------

@pytest.mark.parametrize("lang, item, col", [
    ("en", "Bachelor's degree in Computer Science", 3),
    ("en", "BS/MS in Electrical Engineering", 3),
    ("fr", "Diplôme d'ingénieur en informatique", 3),
    ("de", "Abgeschlossenes Studium der Informatik", 19),
    ("es", "Título universitario en Ingeniería Informática", 3),
])
def test_ad207_fires(lang: str, item: str, col: int) -> None:
    assert where(lint(doc(lang, f"## Requirements\n\n- {item}\n"), ["AD207"])) == [("AD207", 7, col)]


@pytest.mark.parametrize("lang, item", [
    ("en", "BA/BS degree or equivalent practical experience"),
    ("en", "Currently pursuing a BA/BS degree in Computer Science"),
    ("en", "Proficient in MS Office and MS Excel"),
    ("en", "Bachelor's degree preferred"),
    ("en", "Ability to master new tools quickly"),
    ("fr", "Bac+5 ou expérience équivalente"),
    ("de", "Abgeschlossenes Studium der Informatik oder eine vergleichbare Qualifikation"),
    ("de", "Scrum Master Zertifizierung"),
    ("es", "Grado en Informática o experiencia equivalente"),
])
def test_ad207_near_misses(lang: str, item: str) -> None:
    assert lint(doc(lang, f"## Requirements\n\n- {item}\n"), ["AD207"]) == []


@pytest.mark.parametrize("lang, item", [
    ("en", "CFA or MBA"),
    ("en", "Bachelor's degree in Finance and/or certifications in payroll accounting"),
    ("en", "Experience in one of these: nursing licence, Master's degree in public health, pharmacy board"),
    ("fr", "Un BTS en comptabilité ou un Master en gestion"),
    ("fr", "Une formation professionnelle, un diplôme ou des projets personnels en développement web"),
    ("de", "Eine abgeschlossene Berufsausbildung im Handel oder ein abgeschlossenes Studium"),
    ("de", "Job, Ausbildung, Studium oder eigene Projekte im Online-Marketing"),
    ("es", "Formación profesional en electricidad o un grado en Ingeniería Eléctrica"),
    ("es", "Un grado en Marketing o proyectos propios demostrables"),
])
def test_ad207_degree_among_alternative_credentials_is_not_required(lang: str, item: str) -> None:
    assert lint(doc(lang, f"## Requirements\n\n- {item}\n"), ["AD207"]) == []


@pytest.mark.parametrize("lang, item, col", [
    ("en", "Bachelor's or Master's degree in Computer Science", 17),
    ("en", "BS degree in Civil Engineering or Structural Engineering", 3),
    ("fr", "Licence ou master en informatique", 14),
    ("de", "Studium der Informatik oder eines verwandten Fachs mit Zertifizierung in Cloud-Themen", 3),
    ("es", "Grado en Física o Matemáticas", 3),
])
def test_ad207_degrees_or_fields_joined_by_or_still_require_a_degree(lang: str, item: str, col: int) -> None:
    assert where(lint(doc(lang, f"## Requirements\n\n- {item}\n"), ["AD207"])) == [("AD207", 7, col)]


@pytest.mark.parametrize("lang, title, item", [
    ("en", "Finance MBA Intern, Summer", "Must return to an MBA program after the internship"),
    ("en", "Data Science Intern", "Master's degree in Statistics"),
    ("fr", "Stagiaire produit", "Profil type : Bac +3"),
    ("de", "Praktikum Marketing (m/w/d)", "Bachelor in BWL"),
    ("es", "Becario de análisis de datos", "Grado en Estadística"),
])
def test_ad207_a_degree_in_an_internship_is_the_students_level(lang: str, title: str, item: str) -> None:
    text = f"---\nlanguage: {lang}\ntitle: {title}\n---\n\n## Requirements\n\n- {item}\n"
    assert lint(text, ["AD207"]) == []


@pytest.mark.parametrize("lang, body", [
    ("en", "- Bachelor's degree in Marketing\n- Alternatively, a completed apprenticeship and two years of experience\n"),
    ("fr", "- Vous êtes titulaire :\n  - d'un diplôme d'école de commerce de niveau BAC+5 ;\n"
           "  - d'un titre de niveau III en développement commercial ; ou\n"
           "  - d'une expérience professionnelle équivalente.\n"),
    ("de", "- Abgeschlossene kaufmännische Ausbildung, Studium (z. B. Marketing)\n\n**oder**\n\n"
           "Einschlägige Berufserfahrung im Online Marketing\n"),
    ("de", "- Abgeschlossenes Studium mit Vertiefung Marketing\n"
           "- Alternativ eine abgeschlossene Berufsausbildung mit mind. 2-jähriger Berufserfahrung\n"),
    ("es", "- Grado en Marketing\n- O bien experiencia equivalente de tres años en agencias\n"),
])
def test_ad207_an_alternative_in_the_next_items(lang: str, body: str) -> None:
    assert lint(doc(lang, "## Requirements\n\n" + body), ["AD207"]) == []


@pytest.mark.parametrize("lang, body, col", [
    ("en", "- Bachelor's degree in Marketing\n- Two years of experience in agencies\n", 3),
    ("de", "- Abgeschlossenes Studium mit Vertiefung Marketing\n- Mehrjährige Berufserfahrung im Vertrieb\n", 19),
])
def test_ad207_experience_as_another_item_is_not_an_alternative(lang: str, body: str, col: int) -> None:
    assert where(lint(doc(lang, "## Requirements\n\n" + body), ["AD207"])) == [("AD207", 7, col)]


@pytest.mark.parametrize("lang, body", [
    ("en", "Data Analyst\n\nThis internship lasts six months.\n\n## Requirements\n\n- Bachelor's degree in Statistics\n"),
    ("fr", "## Profil\n\n- Profil type : A partir de Bac +3\n\n## Modalités\n\n- Type de contrat : Stage\n"),
    ("de", "Als Werkstudent*in unterstützt du unser Team.\n\n## Qualifikation\n\n- Bachelor in BWL\n"),
    ("de", "## Qualifikation\n\n- Aktuelles Studium im Bereich Gesundheitswissenschaften oder BWL\n"),
    ("es", "## Requisitos\n\n- Grado en Estadística\n\n## Condiciones\n\n- Contrato de prácticas de seis meses\n"),
])
def test_ad207_an_internship_or_student_job_by_its_text(lang: str, body: str) -> None:
    assert lint(doc(lang, body), ["AD207"]) == []


@pytest.mark.parametrize("lang, heading", [
    ("en", "Education Level"),
    ("fr", "Niveau d'études"),
    ("de", "Bildungsniveau"),
    ("es", "Nivel de estudios"),
])
def test_ad207_an_ats_education_field_beside_the_requirements(lang: str, heading: str) -> None:
    body = (f"## Requirements\n\n- High School Degree\n- Fluent English\n\n"
            f"## {heading}\n\nAssociate's Degree/College Diploma, Bachelor's degree\n")
    text = doc(lang, body)
    assert lint(text, ["AD207"], {"AD207": {"sections": ["requirements"]}}) == []


def test_ad207_degree_as_one_of_several_items() -> None:
    body = "## Requirements\n\n- 7 years of experience in C++ OR\n- Master's degree in Computer Science\n"
    assert lint(doc("en", body), ["AD207"]) == []


# -- AD208 vague / AD209 overloaded ----------------------------------------------------------

@pytest.mark.parametrize("lang, item, col, phrase", [
    ("en", "Team player with a strong work ethic", 3, "Team player"),
    ("fr", "Vous êtes force de proposition et rigoureux", 13, "force de proposition"),
    ("de", "Teamfähigkeit und Belastbarkeit", 3, "Teamfähigkeit"),
    ("es", "Persona proactiva y con don de gentes", 11, "proactiva"),
])
def test_ad208_fires(lang: str, item: str, col: int, phrase: str) -> None:
    diags = lint(doc(lang, f"## Requirements\n\n- {item}\n"), ["AD208"])
    assert where(diags) == [("AD208", 7, col)]
    assert f"'{phrase}'" in diags[0].message


@pytest.mark.parametrize("lang, item", [
    ("en", "You review teammates' pull requests within a day"),
    ("en", "Experience with dynamic programming"),
    ("fr", "Vous avez déjà animé des ateliers avec des usagers"),
    ("de", "Du hast Erfahrung mit dynamischen Preismodellen im Handel"),
])
def test_ad208_near_misses(lang: str, item: str) -> None:
    assert lint(doc(lang, f"## Requirements\n\n- {item}\n"), ["AD208"]) == []


@pytest.mark.parametrize("lang, item", [
    ("en", "Passionate about dogs and their health"),
    ("en", "Proactive: Brings risks, trends and opportunities to leadership's attention without waiting to be asked"),
    ("en", "Excellent communication skills and executive presence to influence colleagues and manage business priorities"),
    ("fr", "Esprit d'initiative pour améliorer les outils de l'équipe de validation"),
    ("de", "Leidenschaft für Food & Fitness"),
    ("de", "Teamplayer: Du stimmst dich täglich mit Redaktion, Design und Vertrieb ab"),
    ("es", "Proactividad: propones mejoras al proceso de facturación cada trimestre"),
])
def test_ad208_an_explained_trait_is_checkable(lang: str, item: str) -> None:
    assert lint(doc(lang, f"## Requirements\n\n- {item}\n"), ["AD208"]) == []


@pytest.mark.parametrize("lang, item, col, phrase", [
    ("en", "Passionate about the partners, possessing the drive to succeed", 3, "Passionate"),
    ("en", "Attention to detail with the ability to multitask and work independently", 3, "Attention to detail"),
    ("en", "Excellent communication skills (written and verbal)", 3, "Excellent communication skills"),
    ("fr", "Bon relationnel et capacité de vulgarisation", 3, "Bon relationnel"),
    ("de", "Leidenschaft für das, was du tust", 3, "Leidenschaft"),
    ("de", "Eine echte Leidenschaft für Technik", 14, "Leidenschaft"),
    ("en", "Passionate about partners and customers", 3, "Passionate"),
    ("es", "Proactividad y ganas de aprender", 3, "Proactividad"),
])
def test_ad208_a_trait_with_a_generic_object_or_another_trait_stays_vague(
        lang: str, item: str, col: int, phrase: str) -> None:
    diags = lint(doc(lang, f"## Requirements\n\n- {item}\n"), ["AD208"])
    assert where(diags) == [("AD208", 7, col)] and f"'{phrase}'" in diags[0].message


@pytest.mark.parametrize("lang, item", [
    ("en", "Strong background in object-oriented design, multithreading, SQL databases, caching, and "
           "distributed systems"),
    ("en", "Tech stack: Go, Kafka, Terraform, Docker and React"),
    ("fr", "Maîtrise de Python, Django, PostgreSQL, Docker et Kubernetes"),
    ("fr", "Vous maîtrisez les outils suivants : Figma, Miro, Notion, Jira et Confluence"),
    ("de", "Erfahrung mit: Kubernetes, Terraform, Ansible, Prometheus und Grafana"),
    ("de", "Kenntnisse in Python, Java, Go, Rust und C++"),
    ("es", "Conocimientos de Python, Django, PostgreSQL, Docker y Kubernetes"),
    ("en", "Experience " + "with many different kinds of customer-facing work " * 6),
])
def test_ad209_fires(lang: str, item: str) -> None:
    assert where(lint(doc(lang, f"## Requirements\n\n- Python\n- {item}\n"), ["AD209"])) == [("AD209", 8, 3)]


@pytest.mark.parametrize("lang, item", [
    ("en", "Hands-on experience with cloud platforms such as AWS, Azure, GCP, OCI or Alibaba Cloud"),
    ("en", "Experience with AWS, GCP, Azure, OCI, or DigitalOcean"),
    ("en", "Ability to speak and write in English and German fluently and idiomatically"),
    ("de", "Erfahrung mit Cloud-Plattformen (AWS, Azure, GCP, OCI, Hetzner)"),
    ("fr", "Connaissance d'un framework front, par exemple React, Vue, Svelte, Angular ou Solid"),
])
def test_ad209_near_misses(lang: str, item: str) -> None:
    assert lint(doc(lang, f"## Requirements\n\n- {item}\n"), ["AD209"]) == []


@pytest.mark.parametrize("lang, item", [
    ("en", "Experience with one or more of the following: payroll, pensions, benefits, equity plans, relocation"),
    ("fr", "Une expérience dans l'un des domaines suivants : santé, logement, emploi, mobilité, éducation"),
    ("de", "Erfahrung in einem der folgenden Bereiche: Pflege, Logistik, Handel, Gastronomie, Bildung"),
    ("es", "Experiencia en uno de los siguientes sectores: salud, banca, seguros, energía, transporte"),
])
def test_ad209_alternatives_are_one_requirement(lang: str, item: str) -> None:
    assert lint(doc(lang, f"## Requirements\n\n- {item}\n"), ["AD209"]) == []


@pytest.mark.parametrize("lang, item", [
    ("en", "Solid security mindset: threat models, secrets, audits, patching, and incident response"),
    ("en", "Clear writer – you document decisions, share context, and keep design, support, and sales informed"),
    ("en", "Experience with modern frontend tooling; bundlers, linters, formatters, and test runners"),
    ("fr", "Vous avez une bonne connaissance du cycle de vie d'une donnée : collecte, nettoyage, stockage, "
           "publication, archivage"),
    ("fr", "Stack à construire ensemble (nous aimons les outils éprouvés : Elixir (Phoenix), Go, Rust…)"),
    ("de", "Sicherer Betrieb: Ein gutes Verständnis von Backups, einschließlich Verschlüsselung, Rotation, "
           "Tests und Wiederherstellung"),
    ("es", "Buena comprensión del ciclo de vida de un producto: visión, priorización, estimación, backlog, pruebas"),
])
def test_ad209_facets_of_a_skill_named_before_a_colon_are_one_requirement(lang: str, item: str) -> None:
    assert lint(doc(lang, f"## Requirements\n\n- {item}\n"), ["AD209"]) == []


@pytest.mark.parametrize("lang, item", [
    ("en", "Comfortable with product, legal and finance stakeholders, while keeping priorities, scope, and "
           "deadlines clear"),
    ("en", "The job is remote so, you only need a laptop, a headset, a quiet room and curiosity"),
    ("fr", "Vous ne cherchez pas un poste tranquille, mais voulez construire, tester, mesurer et améliorer"),
    ("de", "Du willst keinen Bürojob, sondern Verantwortung übernehmen, Prozesse aufbauen und Teams begleiten"),
    ("es", "No buscas un trabajo rutinario, sino asumir retos, proponer mejoras, medir y aprender"),
])
def test_ad209_a_sentence_with_several_verbs_is_not_a_bundle(lang: str, item: str) -> None:
    assert lint(doc(lang, f"## Requirements\n\n- {item}\n"), ["AD209"]) == []


# -- AD210 -----------------------------------------------------------------------------------

@pytest.mark.parametrize("lang, heading, item, phrase", [
    ("en", "Responsibilities", "Lead the team; you must have 5+ years of experience managing people", "5+ years"),
    ("de", "Deine Aufgaben", "Betrieb der Server (mind. 5 Jahre Berufserfahrung)", "mind. 5 Jahre"),
    ("fr", "Vos missions", "Animer l'équipe ; vous devez avoir une expérience en management", "vous devez avoir"),
    ("es", "Funciones", "Gestionar el equipo; es imprescindible hablar alemán", "es imprescindible"),
])
def test_ad210_fires(lang: str, heading: str, item: str, phrase: str) -> None:
    diags = lint(doc(lang, f"## {heading}\n\n- {item}\n\n## Requirements\n\n- Python\n"), ["AD210"])
    assert where(diags) == [("AD210", 7, col_of(item, phrase))]


@pytest.mark.parametrize("item", [
    "Guarantee high availability where required",
    "Travel to customer sites as required",
    "Mentor engineers with 2 years of experience or less",
])
def test_ad210_near_misses(item: str) -> None:
    body = f"## Responsibilities\n\n- {item}\n\n## Requirements\n\n- Python\n"
    assert lint(doc("en", body), ["AD210"]) == []


@pytest.mark.parametrize("lang, heading, item", [
    ("en", "What we offer", "A fair process: we never ask for a fee, nor do we require a photo with your CV"),
    ("en", "Benefits", "No cover letter needed and we don't require a degree"),
    ("fr", "Avantages", "Pas de lettre de motivation, ni diplôme ni photo : aucun prérequis"),
    ("de", "Wir bieten", "Ein Anschreiben ist nicht zwingend erforderlich"),
    ("es", "Ofrecemos", "Proceso sencillo: no se requiere carta de presentación"),
])
def test_ad210_negated_requirement_wording_is_not_a_requirement(lang: str, heading: str, item: str) -> None:
    body = f"## {heading}\n\n- {item}\n\n## Requirements\n\n- Python\n"
    assert lint(doc(lang, body), ["AD210"]) == []


@pytest.mark.parametrize("lang, heading", [
    ("en", "The right person for this role will have:"),
    ("en", "What we expect from you:"),
    ("en", "What We Look For:"),
    ("en", "You'll succeed in this role if you:"),
    ("en", "The Right Fit:"),
    ("en", "We're looking for someone who:"),
    ("fr", "Ce que nous attendons de toi :"),
    ("de", "Was wir von dir erwarten:"),
    ("es", "Lo que esperamos de ti:"),
])
def test_ad210_quiet_under_requirement_headings_worded_as_expectations(lang: str, heading: str) -> None:
    body = f"## What you'll do\n\n- Run customer onboarding\n\n### {heading}\n\n- 5+ years of experience in SaaS\n"
    assert lint(doc(lang, body), ["AD210"]) == []


def test_ad210_reads_a_div_styled_as_a_heading() -> None:
    html = ("<div class=\"h3\">What you'll do:</div><ul><li>Run onboarding projects</li></ul>\n"
            "<div class=\"h3\">The right person for this role will have:</div>\n"
            "<ul><li>+5 years of experience leading implementation teams</li></ul>\n")
    assert lint(html, ["AD210"], path="posting.html") == []
    moved = html.replace("<div class=\"h3\">The right person for this role will have:</div>", "")
    assert where(lint(moved, ["AD210"], path="posting.html")) == [("AD210", 3, 9)]


# -- data and robustness ---------------------------------------------------------------------

def test_rule_data_patterns_compile_and_cite_sources() -> None:
    from adlint import reqdata

    data = reqdata.requirements()
    assert data.degree.patterns.errors() == [] and data.degree.equivalence.errors() == []
    for tech in data.technologies:
        tech.regex()
        assert tech.source in {s.id for s in data.sources}
    m = rq.matchers(("en", "fr", "de", "es"))
    for name in ("years", "experience", "not_experience", "pay", "cues", "cap_after", "nice_start", "nice_end",
                 "nice_any", "must", "negation", "not_before", "req_phrases", "degree", "equivalence",
                 "in_progress", "vague", "separators", "examples"):
        assert getattr(m, name).pattern


def test_bad_rule_data_is_a_clear_error(tmp_path: Path) -> None:
    from adlint import reqdata
    from adlint.ruledata import RuleDataError, load_model

    bad = tmp_path / "requirements.yaml"
    text = (reqdata.rules_dir() / "requirements.yaml").read_text(encoding="utf-8")
    bad.write_text(text.replace("source: wikipedia-initial-release", "source: nowhere", 1), encoding="utf-8")
    with pytest.raises(RuleDataError, match="cites unknown source 'nowhere'"):
        load_model(bad, reqdata.RequirementsData)


@pytest.mark.parametrize("text", [
    "", "## Requirements\n", "## Requirements\n\n- \n- 99999 years\n- 0 years of experience\n",
    "## Requirements\n\n- " + "and, " * 500 + "\n", "## Requirements\n\n- (((( [[[ 10+ years\n",
])
def test_no_crash_on_odd_input(text: str) -> None:
    res = lint_text(text)
    assert res.crashes == []


AGE_RANGES = [
    ("en", "You are between 25 and 35 years old.", "between 25 and 35 years old"),
    ("fr", "Vous avez entre 25 et 35 ans.", "entre 25 et 35 ans"),
    ("de", "Du bist zwischen 25 und 35 Jahren.", "zwischen 25 und 35 Jahren"),
    ("es", "Tienes entre 25 y 35 años.", "entre 25 y 35 años"),
]


@pytest.mark.parametrize("lang,item,flagged", AGE_RANGES)
def test_an_age_range_is_an_age_limit_never_years_of_experience(lang: str, item: str, flagged: str) -> None:
    diags = _req(lang, "Profil", [item], ["AD204", "AD306"])
    assert [(d.code, d.line, d.col, d.severity.name) for d in diags] == [("AD306", 7, 3 + item.index(flagged), "ERROR")]
    assert f"'{flagged}' is an explicit age limit" in diags[0].message


@pytest.mark.parametrize("lang,item,years", [
    ("en", "3 to 5 years of experience with Go", "3 to 5 years"),
    ("fr", "Vous avez de 3 à 5 ans d'expérience en Python.", "3 à 5 ans"),
    ("de", "Du hast zwischen 3 und 5 Jahren Berufserfahrung.", "3 und 5 Jahren"),
    ("es", "Tienes entre 25 y 30 años de experiencia en ventas.", "25 y 30 años"),
])
def test_a_range_of_experience_is_not_an_age(lang: str, item: str, years: str) -> None:
    diags = _req(lang, "Profil", [item], ["AD204", "AD306"])
    assert "AD306" not in {d.code for d in diags}


def _req(lang: str, heading: str, items: list[str], select: list[str]) -> list:
    from adlint.config import resolve
    from adlint.linter import lint_text

    text = f"---\nlanguage: {lang}\n---\n\n## {heading}\n\n" + "".join(f"- {i}\n" for i in items)
    return lint_text(text, "posting.md", resolve({"select": select}, None, Path.cwd())).diagnostics


@pytest.mark.parametrize("lang,heading,item,marker", [
    ("en", "Requirements", "Optionally, experience with Rust", "Optionally"),
    ("fr", "Profil recherché", "Idéalement, une expérience dans la santé", "Idéalement"),
    ("de", "Dein Profil", "Idealerweise Erfahrung mit Kubernetes", "Idealerweise"),
    ("es", "Requisitos", "Opcionalmente, experiencia con Rust", "Opcionalmente"),
])
def test_a_marker_opening_the_item_makes_all_of_it_optional(lang, heading, item, marker) -> None:
    # AD203 reports it where the posting has a nice-to-have list to move it to.
    diags = lint(doc(lang, f"## {heading}\n\n- Python\n- {item}\n\n## Nice to have\n\n- Go\n"), ["AD203"])
    assert [(d.code, d.line, d.col) for d in diags] == [("AD203", 8, 3)]
    assert f"'{marker}' marks this as optional" in diags[0].message


@pytest.mark.parametrize("lang,heading,item", [
    ("en", "Requirements", "Experience with Prometheus; Grafana is a plus"),
    ("fr", "Profil recherché", "Maîtrise de Django (la connaissance de FastAPI serait un plus)"),
    ("de", "Dein Profil", "Erfahrung mit Python (Kenntnisse in Rust sind von Vorteil)"),
    ("es", "Requisitos", "Experiencia con SQL; conocer dbt es un plus"),
])
def test_a_marker_closing_an_aside_leaves_the_item_a_must_have(lang, heading, item) -> None:
    # A nice-to-have list exists, so only the aside keeps AD203 quiet.
    assert lint(doc(lang, f"## {heading}\n\n- Python\n- {item}\n\n## Nice to have\n\n- Go\n"), ["AD203"]) == []


def test_a_range_is_not_a_cap_but_a_maximum_is() -> None:
    assert _req("en", "Requirements", ["2–3 years of experience (or less if you're exceptional)"], ["AD206"]) == []
    diags = _req("en", "Requirements", ["No more than 5 years of experience"], ["AD206"])
    assert [(d.code, d.line, d.col) for d in diags] == [("AD206", 7, 3)]


@pytest.mark.parametrize("lang,heading,item", [
    ("en", "Requirements", "Social media, specifically Instagram, TikTok, YouTube and Facebook"),
    ("de", "Dein Profil", "Social Media, speziell Instagram, TikTok, YouTube und Facebook"),
    ("fr", "Profil recherché", "Réseaux sociaux, plus précisément Instagram, TikTok, YouTube et Facebook"),
    ("es", "Requisitos", "Redes sociales, específicamente Instagram, TikTok, YouTube y Facebook"),
])
def test_examples_after_specifically_are_one_skill(lang, heading, item) -> None:
    assert _req(lang, heading, [item], ["AD209"]) == []


def test_ad210_respects_a_run_in_requirements_label() -> None:
    from adlint.config import resolve
    from adlint.linter import lint_text

    html = ("<h2>Your tasks</h2>\n<ul><li>Build the billing API</li></ul>\n"
            "<p>Requirements: you must have 5+ years of experience with Go.</p>\n")
    diags = lint_text(html, "posting.html", resolve({"select": ["AD210"]}, None, Path.cwd())).diagnostics
    assert diags == []
    moved = html.replace("<p>Requirements: ", "<p>")
    diags = lint_text(moved, "posting.html", resolve({"select": ["AD210"]}, None, Path.cwd())).diagnostics
    assert [(d.code, d.line) for d in diags] == [("AD210", 3)]



@pytest.mark.parametrize("lang, body", [
    ("en", "- Bachelor's degree in Marketing or 2 – 5 years relevant work experience"),
    ("en", "- BA/BS degree or 3+ years of hands-on experience"),
])
def test_ad207_years_of_experience_are_the_alternative(lang, body):
    text = f"---\nlanguage: {lang}\n---\n\n## Requirements\n\n{body}\n"
    assert lint_rule(text, "AD207") == []


def test_ad207_leaves_the_nice_to_have_qualifications_alone():
    text = ("---\nlanguage: en\n---\n\n## Must-have Qualifications:\n\n- Five years of sales experience\n\n"
            "## Nice-to-have Qualifications:\n\n- BA/BS technical degree\n")
    assert lint_rule(text, "AD207") == []
    assert [(d.line, d.col) for d in lint_rule(text.replace("Nice-to-have", "Other"), "AD207")] == [(11, 3)]


def test_ad202_privilegie_marks_an_item_optional_and_modalites_are_not_requirements():
    items = "\n".join(f"- Compétence numéro {i} en gestion de projet" for i in range(1, 8))
    text = f"---\nlanguage: fr\n---\n\n## Profil recherché\n\n{items}\n- Une expérience en équipe produit privilégiée\n"
    assert lint_rule(text, "AD202") == []
    assert [d.line for d in lint_rule(text.replace(" privilégiée", ""), "AD202")] == [5]
    four = "\n".join(f"- Compétence numéro {i} en gestion de projet" for i in range(1, 5))
    terms = "\n".join(f"- Condition numéro {i} du contrat" for i in range(1, 5))
    text = f"---\nlanguage: fr\n---\n\n## Compétences et expérience\n\n{four}\n\n**Modalités**\n\n{terms}\n"
    assert lint_rule(text, "AD202") == []
