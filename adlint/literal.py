"""Telling a literal replacement from advice.

A fix, or a language-server code action, writes its text into the posting, so
that text must be a literal replacement: words the posting could say
(``chair``, ``(m/w/d)``, ``language: en``). Advice for the writer ("describe
the dress code, if there is one", "name the values you mean", "(remove)",
"move items up to N kg") belongs in the message or help, never in a fix.

:func:`advice_reason` says why a text reads as advice, or ``None`` for a text
that may be written into a posting. It checks, in English, French, German and
Spanish:

* instructions: a text that starts with an imperative or infinitive of the
  verbs advice uses (describe, name, state, remove, décrire, préciser,
  describir, indicar...), or, in German, ends with one (``Dresscode
  beschreiben``);
* an instruction in parentheses (``(remove)``, ``(name them)``, ``(welchen)``);
* conditions addressed to the writer (``if there is one``, ``falls es``,
  ``s'il y en a``, ``si la hay``, ``if applicable``);
* placeholders to fill in (``<country>``, ``N kg``, ``...``, ``TODO``, ``e.g.``).

It is used to validate rule data (``replacement`` values) on load and by the
tests that walk every fix the rules produce.
"""

from __future__ import annotations

import re

#: Verbs that open advice (imperative or infinitive), English, French, Spanish; lower case.
_LEADING_VERBS = frozenset({
    "describe", "name", "state", "say", "list", "remove", "delete", "drop", "add", "consider", "explain",
    "specify", "mention", "replace", "use", "write", "give", "avoid", "rephrase", "reword", "clarify",
    "décrire", "décrivez", "préciser", "précisez", "nommer", "nommez", "supprimer", "supprimez", "indiquer",
    "indiquez", "retirer", "retirez", "remplacer", "remplacez", "éviter", "évitez",
    "describir", "describa", "indicar", "indique", "nombrar", "nombre", "suprimir", "suprima", "eliminar",
    "elimine", "quitar", "quite", "sustituir", "sustituya", "evitar", "evite",
})
#: German advice ends with the infinitive ("Dresscode beschreiben", "Werte nennen").
_TRAILING_VERBS = frozenset({"beschreiben", "nennen", "streichen", "angeben", "entfernen", "ersetzen",
                             "vermeiden", "erklären", "formulieren"})
#: Words that make a parenthesis an instruction ("(remove)", "(name them)", "(welchen)", "(lesquels)").
_PAREN_WORDS = frozenset({"remove", "delete", "name", "list", "say", "state", "describe", "optional", "if",
                          "streichen", "welche", "welchen", "welches", "nennen", "supprimer", "lesquels",
                          "lesquelles", "lequel", "préciser", "suprimir", "cuáles", "cuál", "indicar"})
_CONDITIONS = re.compile(
    r"(?i)\b(?:if there is one|if any|if applicable|where relevant|where applicable|as needed|"
    r"falls es|falls zutreffend|s'il y en a|si applicable|le cas échéant|si la hay|si lo hay|si aplica)\b")
_PLACEHOLDER = re.compile(
    r"<[^<>]{1,40}>(?![^<>]*</)|\[[A-Za-z ]{1,30}\]|\.\.\.|…|\b(?:TODO|TBD|XXX|e\.g\.|z\. ?B\.|p\. ?ex\.|p\. ?ej\.)|"
    r"(?<![\w/])[NX](?=\s*(?:kg|lb|lbs|hours?|h|years?|%|km|Stunden|heures|horas)\b)")
_PAREN = re.compile(r"\(([^()]*)\)")
_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def advice_reason(text: str) -> str | None:
    """Why ``text`` reads as advice rather than words for the posting, or ``None`` when it is literal.

    ``text`` is what a fix would write (any length; newlines allowed, so a
    front-matter block such as ``"---\\nlanguage: en\\n---\\n"`` is judged line by
    line). Never raises.
    """
    for line in text.splitlines() or [""]:
        reason = _line_reason(line.strip())
        if reason:
            return reason
    return None


def _line_reason(line: str) -> str | None:
    if not line:
        return None
    words = [w.lower() for w in _WORDS.findall(line)]
    if words and words[0] in _LEADING_VERBS:
        return f"starts with the instruction '{words[0]}'"
    outside = [w.lower() for w in _WORDS.findall(_PAREN.sub(" ", line))]  # "Grundlage nennen (z. B. ...)"
    if len(outside) > 1 and outside[-1] in _TRAILING_VERBS:
        return f"ends with the instruction '{outside[-1]}'"
    for m in _PAREN.finditer(line):
        inner = [w.lower() for w in _WORDS.findall(m.group(1))]
        if inner and (inner[0] in _PAREN_WORDS or inner[0] in _LEADING_VERBS):
            return f"holds an instruction in parentheses: '{m.group(0)}'"
    m = _CONDITIONS.search(line)
    if m:
        return f"addresses the writer: '{m.group(0)}'"
    m = _PLACEHOLDER.search(line)
    if m:
        return f"holds a placeholder to fill in: '{m.group(0)}'"
    return None
