"""AD312, AD315–AD317: jargon job titles, hollow perks, loaded technical terms, condescending filler."""

from __future__ import annotations

from pathlib import Path

import pytest

from adlint.config import resolve
from adlint.linter import lint_text
from tests.conftest import found, lint_rule as lint

ROOT = Path(__file__).resolve().parent.parent




def md(body: str, lang: str = "en", section: str = "Role") -> str:
    """A Markdown posting whose body starts on line 7."""
    return f"---\nlanguage: {lang}\n---\n\n## {section}\n\n{body}\n"




CASES = [
    ("AD312", "en", "We are looking for a JavaScript ninja and a data guru.",
     [(33, "warning", "expert"), (50, "warning", "expert")],
     "Ninja Van is our client; finish the setup wizard; the hero image loads fast; Rockstar Games ships."),
    ("AD312", "fr", "Nous cherchons un·e rockstar du front.", [(21, "warning", "expérimenté·e")],
     "Nous cherchons un·e développeur·se front confirmé·e."),
    ("AD312", "de", "Wir suchen einen Coding-Ninja.", [(25, "warning", "Expertin/Experte")],
     "Wir suchen eine erfahrene Fachkraft; Delivery Hero ist unser Kunde."),
    ("AD312", "es", "Buscamos un gurú del marketing.", [(13, "warning", "especialista")],
     "Buscamos especialista en marketing."),
    ("AD315", "en", "- Free beer on Fridays and a foosball table.",
     [(8, "info", "state pay, leave, health cover, learning budget, flexible hours"),
      (30, "info", "state pay, leave, health cover, learning budget, flexible hours")],
     "- 30 days of leave and a learning budget."),
    ("AD315", "fr", "- Baby-foot et bières le jeudi.", [(3, "info", "préciser salaire, congés, mutuelle, télétravail, formation"),
                                                     (16, "info", "préciser salaire, congés, mutuelle, télétravail, formation")],
     "- 25 jours de congés et une mutuelle."),
    ("AD315", "de", "- Feierabendbier und ein Tischkicker.",
     [(3, "info", "Gehalt, Urlaub, Weiterbildung, flexible Arbeitszeiten nennen"),
      (26, "info", "Gehalt, Urlaub, Weiterbildung, flexible Arbeitszeiten nennen")],
     "- 30 Tage Urlaub und ein Weiterbildungsbudget; Turniere im Team."),
    ("AD315", "es", "- Cerveza los viernes y futbolín.", [(3, "info", "indicar salario, vacaciones, formación, horario flexible"),
                                                         (25, "info", "indicar salario, vacaciones, formación, horario flexible")],
     "- 23 días de vacaciones y formación."),
    ("AD316", "en", "Set up master/slave replication and IP whitelists.",
     [(8, "info", "primary/replica"), (40, "info", "denylist / allowlist")],
     "Set up primary/replica replication; a Master's degree is a plus; we are no slave to process."),
    ("AD316", "fr", "Gestion de la liste noire des adresses IP.", [(15, "info", "liste de blocage / liste d'autorisation")],
     "Gestion de la liste de blocage des adresses IP."),
    ("AD316", "de", "Pflege der Blacklist für Spam.", [(12, "info", "Sperrliste / Positivliste")],
     "Pflege der Sperrliste für Spam."),
    ("AD316", "es", "Mantener la lista negra de dominios.", [(13, "info", "lista de bloqueo / lista de permitidos")],
     "Mantener la lista de bloqueo de dominios."),
]


@pytest.mark.parametrize("code, lang, fires, expected, near", CASES,
                         ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(CASES)])
def test_rule_fires_with_position_and_alternative(code, lang, fires, expected, near):
    assert found(lint(md(fires, lang), code)) == [(7, col, sev, sug) for col, sev, sug in expected]
    assert lint(md(near, lang), code) == []


def test_jargon_in_the_title_is_reported():
    text = "---\nlanguage: en\ntitle: Python Rockstar\n---\n\n## Role\n\nBuild our API.\n"
    assert [(d.line, d.col) for d in lint(text, "AD312")] == [(3, 15)]


def test_hollow_perks_are_looked_for_in_the_benefits_section():
    text = "---\nlanguage: en\n---\n\n## About us\n\nWe started in a pizza place.\n\n## Benefits\n\n- Free pizza.\n"
    assert [(d.line, d.col) for d in lint(text, "AD315")] == [(11, 8)]
    assert [(d.line, d.col) for d in lint(text, "AD315", **{"benefits-only": False})] == [(7, 17), (11, 8)]
    no_benefits = "---\nlanguage: en\n---\n\n## About us\n\nPizza brings people together.\n\n- Weekly pizza stipend\n"
    assert [(d.line, d.col) for d in lint(no_benefits, "AD315")] == [(9, 10)]


@pytest.mark.parametrize("lang, section, item, col", [
    ("en", "Requirements", "- You simply know Kubernetes inside out.", 7),
    ("fr", "Profil recherché", "- Vous maîtrisez évidemment Python.", 18),
    ("de", "Anforderungen", "- Du kannst selbstverständlich Python.", 13),
    ("es", "Requisitos", "- Obviamente dominas Python.", 3),
])
def test_condescending_filler_in_requirement_items(lang, section, item, col):
    ds = lint(md(item, lang, section), "AD317")
    assert [(d.line, d.col, d.severity.name) for d in ds] == [(7, col, "INFO")]
    # the same word in a paragraph of another section, or not said to the reader, is fine
    assert lint(md(item.lstrip("- "), lang, "About us"), "AD317") == []


def test_condescending_filler_must_address_the_reader():
    text = md("- Design dashboards so that teams can easily access data.", "en", "Requirements")
    assert lint(text, "AD317") == []


def test_condescending_filler_is_off_by_default():
    cfg = resolve({}, None, ROOT)
    text = md("- You simply know Kubernetes.", "en", "Requirements")
    assert [d for d in lint_text(text, "p.md", cfg).diagnostics if d.code == "AD317"] == []
