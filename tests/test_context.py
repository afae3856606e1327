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
