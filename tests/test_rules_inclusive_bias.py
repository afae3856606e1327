"""AD306–AD311, AD313, AD314: age, disability, body, native speaker, citizenship, culture fit, looks, family."""

from __future__ import annotations

from pathlib import Path

import pytest

from adlint.config import resolve
from adlint.diagnostics import Severity
from adlint.linter import lint_text
from tests.conftest import found, lint_rule as lint

ROOT = Path(__file__).resolve().parent.parent




def md(body: str, lang: str = "en") -> str:
    """A Markdown posting whose body starts on line 7."""
    return f"---\nlanguage: {lang}\n---\n\n## Role\n\n{body}\n"




# (code, language, sentence where it fires, [(col, severity, suggestion)], near miss)
CASES = [
    # AD306 age
    ("AD306", "en", "We are a young and dynamic team looking for a digital native.",
     [(10, "warning", "motivated"), (47, "warning", "confident with digital tools (name them)")],
     "Our product helps young people find apprenticeships; you are confident with Figma."),
    ("AD306", "en", "Candidates aged 25 to 35 are preferred.", [(12, "error", "remove the age limit")],
     "You have 2 to 5 years of experience and work 20 to 30 hours a week."),
    ("AD306", "en", "Ideal for recent graduates.", [(11, "warning", "entry-level")],
     "Ideal for people early in their career."),
    ("AD306", "fr", "Rejoignez une jeune équipe dynamique.", [(15, "warning", "équipe récente")],
     "Le service aide les jeunes de moins de 26 ans à trouver un apprentissage."),
    ("AD306", "fr", "Vous avez moins de 30 ans.", [(11, "error", "supprimer la limite d'âge")],
     "Vous avez moins de 30 minutes de trajet."),
    ("AD306", "de", "Dich erwartet ein junges, dynamisches Team.", [(19, "warning", "motiviertes Team")],
     "Dich erwartet ein junges Unternehmen mit einem erfahrenen Team."),
    ("AD306", "de", "Bewerben können sich Personen zwischen 25 und 35 Jahren alt.",
     [(31, "error", "Altersgrenze streichen")], "Du hast zwischen 2 und 5 Jahren Berufserfahrung."),
    ("AD306", "es", "Buscamos joven dinámico para nuestra tienda.", [(1, "warning", "buscamos a una persona")],
     "Buscamos a una persona dinámica para nuestra tienda."),
    ("AD306", "es", "Requisito: menores de 30 años.", [(12, "error", "eliminar el límite de edad")],
     "Requisito: entre 2 y 5 años de experiencia."),
    # AD307 ableist idioms
    ("AD307", "en", "We ship crazy fast and never turn a blind eye to bugs.",
     [(9, "warning", "intense"), (30, "warning", "ignore")], "We ship quickly; our app is screen-reader friendly."),
    ("AD307", "fr", "Une équipe de fous qui code vite.", [(15, "warning", "incroyable")],
     "Une équipe passionnée qui code vite."),
    ("AD307", "de", "Ein wahnsinnig spannendes Projekt.", [(5, "warning", "unglaublich")],
     "Ein sehr spannendes Projekt für Menschen mit Behinderung."),
    ("AD307", "es", "Un ritmo de locos en un equipo joven.", [(13, "warning", "increíble")],
     "Un ritmo exigente en un equipo unido."),
    # AD308 physical requirements
    ("AD308", "en", "Must be able to lift 25 kg.", [(1, "info", "move items up to N kg (with or without assistance)")],
     "Move parcels of up to 25 kg (lifting aids available)."),
    ("AD308", "fr", "Vous êtes en bonne santé et mobile.",
     [(11, "info", "décrire les tâches physiques du poste (port de charges de N kg...)")],
     "Le poste comprend le port de charges de 10 kg."),
    ("AD308", "de", "Du bist körperlich belastbar.",
     [(9, "info", "Tätigkeit beschreiben (z. B. Heben von Lasten bis N kg)")],
     "Du bist belastbar und behältst den Überblick."),
    ("AD308", "es", "Se requiere buen estado físico.", [(13, "info", "describir las tareas físicas del puesto")],
     "El puesto incluye mover cajas de hasta 10 kg."),
    # AD309 native speaker
    ("AD309", "en", "Native English speaker required.", [(1, "warning", "fluent (CEFR C1)")],
     "Fluent English (CEFR C1); experience with React Native and cloud-native apps."),
    ("AD309", "fr", "Anglais langue maternelle exigé.", [(1, "warning", "courant (niveau C1 du CECRL)")],
     "Anglais courant (C1) exigé ; développement d'applications natives."),
    ("AD309", "de", "Deutsch als Muttersprache.", [(13, "warning", "verhandlungssicher (C1)")],
     "Deutsch verhandlungssicher (C1)."),
    ("AD309", "de", "Deutsch sollte auf Muttersprache Niveau sein.", [(20, "info", "C2")],
     "Deutsch sollte auf C2-Niveau sein."),
    ("AD309", "es", "Inglés nativo imprescindible.", [(1, "warning", "nivel C1 (MCER)")],
     "Inglés C1 imprescindible; desarrollo de apps nativas."),
    # AD310 citizenship
    ("AD310", "en", "US citizens only.", [(1, "info", "must be authorised to work in <country>")],
     "Must be a U.S. citizen or authorized to work in the U.S."),
    ("AD310", "fr", "Nationalité française exigée.",
     [(1, "info", "autorisation de travail en France")],
     "Poste ouvert aux fonctionnaires : nationalité française exigée par le statut."),
    ("AD310", "de", "Deutsche Staatsangehörigkeit erforderlich.", [(1, "info", "Arbeitserlaubnis für Deutschland")],
     "Eine Arbeitserlaubnis für Deutschland ist erforderlich."),
    ("AD310", "es", "Nacionalidad española imprescindible.", [(1, "info", "permiso de trabajo en España")],
     "Permiso de trabajo en España imprescindible."),
    # AD311 culture fit
    ("AD311", "en", "You are a great culture fit and we work hard, play hard.",
     [(17, "warning", "name the values you mean (gives direct feedback, documents decisions)"),
      (36, "warning", "describe working hours and pace")],
     "You give direct feedback; our setup wizard fits into your workflow."),
    ("AD311", "fr", "Nous cherchons un bon fit culturel.", [(19, "warning", "nommer les valeurs attendues")],
     "Nous cherchons une personne qui partage nos valeurs."),
    ("AD311", "de", "Der Kulturfit ist uns wichtig.", [(5, "warning", "konkrete Werte und Verhaltensweisen nennen")],
     "Offenes Feedback ist uns wichtig."),
    ("AD311", "es", "Valoramos el encaje cultural.", [(14, "warning", "nombrar los valores concretos")],
     "Valoramos el trabajo en equipo."),
    # AD313 bro and appearance
    ("AD313", "en", "A good-looking dude who writes sexy code.",
     [(3, "warning", "describe the dress code, if there is one"), (16, "warning", "colleague"),
      (32, "warning", "elegant")], "You write clear, well-tested code."),
    ("AD313", "fr", "Bonne présentation exigée.", [(1, "error", "décrire la tenue de travail, s'il y en a une")],
     "Une bonne présentation orale des résultats."),
    ("AD313", "de", "Gepflegtes Erscheinungsbild erwünscht.", [(1, "warning", "Dresscode beschreiben, falls es einen gibt")],
     "Gepflegte Codebasis erwünscht."),
    ("AD313", "es", "Se requiere buena presencia.", [(13, "error", "describir el uniforme o la vestimenta, si la hay")],
     "Se requiere buena capacidad de comunicación."),
    # AD314 family status
    ("AD314", "en", "Preferably single, with no children.",
     [(1, "error", "remove the requirement"), (25, "error", "state the schedule or travel the job needs")],
     "A single point of contact for the children's hospital."),
    ("AD314", "fr", "Célibataire, sans enfants.", [(1, "error", "décrire les horaires ou déplacements du poste"),
                                                  (14, "error", "décrire les horaires ou déplacements du poste")],
     "Sans déplacements, horaires fixes."),
    ("AD314", "de", "Du bist ledig und kinderlos.", [(9, "error", "Arbeitszeiten oder Reisetätigkeit beschreiben"),
                                                    (19, "error", "Arbeitszeiten oder Reisetätigkeit beschreiben")],
     "Du bist flexibel und reist gern."),
    ("AD314", "es", "Persona sin cargas familiares.", [(9, "error", "describir el horario o los viajes del puesto")],
     "Persona con disponibilidad para viajar."),
]


@pytest.mark.parametrize("code, lang, fires, expected, near", CASES,
                         ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(CASES)])
def test_rule_fires_with_position_and_alternative(code, lang, fires, expected, near):
    assert found(lint(md(fires, lang), code)) == [(7, col, sev, sug) for col, sev, sug in expected]
    assert lint(md(near, lang), code) == []


def test_messages_name_the_words_and_the_alternatives():
    ds = lint(md("Native English speaker required."), "AD309")
    assert ds[0].message == ("'Native English speaker' asks for a native language rather than a level of command; "
                             "consider 'fluent (CEFR C1)' or 'full professional proficiency (CEFR C1-C2)'")
    ds = lint(md("Candidates aged 25 to 35 are preferred."), "AD306")
    assert ds[0].message.startswith("'aged 25 to 35' is an explicit age limit")


def test_citizenship_with_legal_basis_follows_the_option():
    text = md("US citizenship required to obtain the security clearance for this role.")
    ds = lint(text, "AD310", **{"allow-with-legal-basis": False})
    assert [(d.line, d.col) for d in ds] == [(7, 1)]
    # the legal basis may sit in another list item
    items = md("- Must be a US citizen.\n- Able to obtain a secret clearance with the DoD.")
    assert lint(items, "AD310") == []
    assert [(d.line, d.col) for d in lint(items, "AD310", **{"allow-with-legal-basis": False})] == [(7, 3)]


def test_allow_list_silences_a_term():
    assert lint(md("We ship crazy fast."), "AD307", allow=["Crazy"]) == []
    assert found(lint(md("We ship crazy fast and insanely well."), "AD307", allow=["crazy"])) == [
        (7, 24, "warning", "intense")]


def test_family_words_in_an_equal_opportunity_statement_are_fine():
    text = md("Wir begrüßen alle Bewerbungen – unabhängig von z. B. Geschlecht, Alter, Familienstand oder "
              "Herkunft.", "de")
    assert lint(text, "AD314") == [] and lint(text, "AD306") == []
    assert [(d.line, d.col) for d in lint(md("Angaben zum Familienstand bitte beilegen.", "de"), "AD314")] == [
        (7, 13)]


def test_severity_override_from_config():
    cfg = resolve({"select": ["AD306"], "rules": {"AD306": {"severity": "info"}}}, None, ROOT)
    ds = lint_text(md("We are a young team."), "p.md", cfg).diagnostics
    assert [d.severity for d in ds] == [Severity.INFO]
