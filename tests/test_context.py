"""The context layer of the term rules (adlint.context): names, titles, negation and sections, in four languages."""

from __future__ import annotations

import pytest

from tests.conftest import lint_rule as lint


def md(body: str, lang: str = "en", head: str = "Profil", extra: str = "") -> str:
    """A posting whose body starts on line 7 under ``## head``."""
    return f"---\nlanguage: {lang}\n{extra}---\n\n## {head}\n\n{body}\n"


def at(ds) -> list[tuple[int, int]]:
    return [(d.line, d.col) for d in ds]


# -- proper names ------------------------------------------------------------------------------------

@pytest.mark.parametrize("code, body", [
    ("AD306", "You mentored at Django Girls and audited at Ernst & Young."),
    ("AD312", "Our API runs on Django Ninja and FastAPI."),
    ("AD316", "You shipped two titles at Blacklist Games Ltd."),
    ("AD306", "Tu as travaillé chez Young Business Factory à Lyon."),
])
def test_a_word_inside_a_proper_name_is_not_reported(code, body):
    lang = "fr" if "Tu " in body else "en"
    assert lint(md(body, lang), code) == []


def test_the_same_words_outside_a_name_are_reported():
    ds = lint(md("We are a young team. You are a coding ninja."), "AD306")
    assert at(ds) == [(7, 10)]
    assert at(lint(md("You maintain the IP blacklist."), "AD316")) == [(7, 21)]


def test_employer_name_from_metadata_is_a_name():
    text = md("You join Young Minds Studio, where young and old work side by side.", extra="company: Young Minds Studio\n")
    ds = lint(text, "AD306")
    assert at(ds) == [(8, 36)]  # 'young and old' is still read; the employer's name is not


def test_a_sentence_initial_capital_is_not_a_name():
    # "Young" opens the sentence and is written in lower case elsewhere: an ordinary word.
    ds = lint(md("Young people like our app. Young and hungry, you join a young team."), "AD306")
    assert at(ds) == [(7, 28), (7, 57)]


def test_title_case_lines_are_not_names():
    ds = lint(md("- Young Dynamic Team Player"), "AD306")
    assert at(ds) == [(7, 3)]


# -- negation ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang, body", [
    ("en", "No native English speaker required; C1 is enough."),
    ("en", "You don't need to be a native speaker."),
    ("en", "Native speaker not required."),
    ("fr", "Pas besoin d'être de langue maternelle française : un niveau C1 suffit."),
    ("de", "Deutsch als Muttersprache ist keine Voraussetzung, C1 genügt."),
    ("de", "Auch ohne Muttersprache Deutsch bist du willkommen."),
    ("es", "No es necesario ser hablante nativo, basta un nivel C1."),
])
def test_a_negated_native_speaker_requirement_is_not_reported(lang, body):
    assert lint(md(body, lang), "AD309") == []


@pytest.mark.parametrize("lang, body, col", [
    ("en", "Native English speaker required, no exceptions.", 1),
    ("fr", "Français langue maternelle exigé, pas de dérogation.", 1),
    ("de", "Deutsch als Muttersprache, keine Ausnahmen.", 13),
    ("es", "Se requiere lengua materna española, sin excepciones.", 13),
])
def test_negation_does_not_reach_past_its_clause(lang, body, col):
    assert at(lint(md(body, lang), "AD309")) == [(7, col)]


def test_age_limits_are_never_negatable():
    # Age wording is not a negatable pack: "no" in the sentence changes nothing.
    ds = lint(md("Maximum age 35, no exceptions. No young and dynamic team here, just a young team."), "AD306")
    assert at(ds) == [(7, 1), (7, 35), (7, 71)]


# -- sections ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang, head, body", [
    ("en", "Benefits", "- English lessons with a native speaker"),
    ("fr", "Avantages", "- Cours d'anglais avec un professeur de langue maternelle anglaise"),
    ("de", "Benefits", "- Englischkurse mit Muttersprachlern"),
    ("es", "Beneficios", "- Clases de inglés con profesores nativos de lengua materna inglesa"),
])
def test_a_native_speaker_among_the_benefits_is_a_perk(lang, head, body):
    assert lint(md(body, lang, head), "AD309") == []
    req = {"en": "Requirements", "fr": "Profil recherché", "de": "Anforderungen", "es": "Requisitos"}[lang]
    assert len(lint(md(body, lang, req), "AD309")) == 1


# -- antecedents: the job title ----------------------------------------------------------------------

@pytest.mark.parametrize("lang, title, body, col", [
    ("en", "Sales Representative", "The Sales Representative greets our customers. He will also run the demo days.", 48),
    ("en", "Senior Backend Engineer", "The engineer owns the billing service. She will be on call one week in six.", 40),
    ("fr", "Product Owner", "Le Product Owner anime l'équipe au quotidien. Il sera garant de la feuille de route.", 47),
    ("de", "Backend-Entwickler (m/w/d)", "Der Entwickler betreut unsere Plattform. Er wird eng mit dem Produktteam arbeiten.", 42),
    ("es", "Analista de datos", "El analista revisa los datos cada semana. Él será responsable de los informes.", 43),
])
def test_a_pronoun_whose_antecedent_is_the_job_title_is_reported(lang, title, body, col):
    ds = lint(md(body, lang, extra=f"title: {title}\n"), "AD302")
    assert at(ds) == [(8, col)]


@pytest.mark.parametrize("lang, title, body", [
    ("en", "Sales Representative", "Our founder Tom started the company in 2015. He will interview you."),
    ("en", "Sales Representative", "You will greet our customers. The customer is king; he expects speed."),
    ("fr", "Product Owner", "Notre directeur technique a fondé l'équipe. Il sera votre mentor."),
    ("es", "Analista de datos", "Nuestro CEO fundó la empresa. Él será tu responsable."),
])
def test_a_pronoun_for_someone_else_is_not_reported(lang, title, body):
    assert lint(md(body, lang, extra=f"title: {title}\n"), "AD302") == []


# -- a specific person, not a generic -----------------------------------------------------------------

@pytest.mark.parametrize("lang, body", [
    ("fr", "Tu travailleras au côté du product manager, du designer et du développeur de l'équipe."),
    ("fr", "Tu reprendras le code du développeur en place depuis le lancement."),
    ("fr", "L'équipe : Nicolas : développeur, Claire : designer."),
    ("fr", "Diplôme d'école d'ingénieur ou équivalent."),
    ("de", "Frag Marcel M. (Kreditspezialist) nach den Details."),
    ("de", "Du arbeitest eng mit dem Leiter der Produktentwicklung zusammen."),
    ("es", "Trabajarás con el desarrollador principal del equipo."),
])
def test_a_role_noun_for_one_specific_person_is_not_a_generic(lang, body):
    assert lint(md(body, lang), "AD305") == []


@pytest.mark.parametrize("lang, body, col", [
    ("fr", "Nous recrutons deux développeurs pour renforcer l'équipe.", 21),
    ("de", "Alle Entwickler arbeiten remote.", 6),
    ("es", "Buscamos desarrolladores con experiencia en Python.", 10),
])
def test_plural_and_indefinite_role_nouns_stay_generics(lang, body, col):
    assert at(lint(md(body, lang), "AD305")) == [(7, col)]


# -- other senses decided by the neighbours ----------------------------------------------------------

@pytest.mark.parametrize("code, lang, body", [
    ("AD306", "en", "Experience: any (new grads ok)."),
    ("AD306", "en", "We are also open to recent college graduates and career changers."),
    ("AD306", "fr", "La rémunération des jeunes diplômé·e·s est fixée selon le diplôme."),
    ("AD306", "de", "Level: Berufseinsteiger oder bereits mit Erfahrung."),
    ("AD306", "es", "También aceptamos candidaturas de recién graduados."),
    ("AD309", "de", "PHP ist deine zweite Muttersprache."),
    ("AD309", "fr", "CSS et HTML sont ta deuxième langue maternelle."),
    ("AD309", "en", "Native English speaker (or 100% fluent)."),
    ("AD311", "en", "If you would rather build and own systems than sit in meetings, you will fit right in."),
    ("AD311", "de", "Du passt zu uns, wenn du gerne Verantwortung übernimmst."),
    ("AD313", "en", "You build really good-looking websites for small shops."),
    ("AD315", "en", "The free-as-in-beer version stays open source."),
])
def test_another_sense_of_the_words_is_not_reported(code, lang, body):
    assert lint(md(body, lang), code) == []


@pytest.mark.parametrize("code, lang, body, col", [
    ("AD306", "en", "We are looking for a recent graduate to join the team.", 22),
    ("AD306", "fr", "Nous recherchons de jeunes diplômés en informatique.", 21),
    ("AD306", "de", "Wir suchen Berufseinsteiger für unser Team.", 12),
    ("AD306", "es", "Buscamos recién graduados en informática.", 10),
    ("AD309", "de", "Deutsch als Muttersprache.", 13),
    ("AD311", "en", "You will fit right in with our team spirit.", 10),
    ("AD313", "en", "You are good-looking and smart.", 9),
    ("AD315", "en", "- Free beer on Fridays.", 8),
])
def test_the_sense_the_rule_means_is_still_reported(code, lang, body, col):
    assert at(lint(md(body, lang), code)) == [(7, col)]


@pytest.mark.parametrize("body", [
    "Tu rejoins des équipes intervenant sur d'autres produits de l'État.",
    "Tu informes les conseillers du salarié sur leurs droits.",
])
def test_a_participle_or_an_institution_is_not_a_masculine_generic(body):
    assert lint(md(body, "fr"), "AD305") == []
