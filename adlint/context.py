"""What the words around a term match say about it: one context layer for every term rule.

A term list matches words; whether the words mean what the list means depends
on their context. This module decides that, once, for every rule that reports
term matches (:func:`adlint.checks.inclusive_base.scan` asks
:meth:`TermContext.accepts` for each match):

- **proper names**: a match inside a name says nothing about the applicant
  ("Django Girls", "Ernst & Young", "Blacklist Games", "AI Risk Decisioning").
  Names are the employer's name from the metadata, capitalised words before
  a company form (Ltd, GmbH, Inc, SAS…), words joined by "&", and, in
  English, French and Spanish (where common nouns are written in lower case),
  runs of two or more capitalised words in running text (capitalised words
  that open a line or sentence are a label: "Tech-Savvy Collaborator:"). A run of
  capitalised words holding a role head noun (Engineer, Lead, Développeur) is
  a job **title** when a determiner or "as" introduces it ("our Product Lead",
  "a Sales Ninja"; "on Django Ninja" is a name); packs choose which kinds
  they skip (``TermPack.skip_in``; none by default).
- **negation**: packs that name something asked of the applicant
  (``negatable``) are not reported when a negator stands before the match in
  its clause ("no native speaker required", "sans être de langue
  maternelle"), or right after it ("native speaker not required",
  "Muttersprache ist keine Voraussetzung").
- **a specific person**: an entry may list words that, right before the
  match, make it name one person rather than a group (``not_after``: "du
  développeur en place", "dem Leiter der Produktentwicklung").
- **sections**: packs and entries list section ids where a match is not
  reported (``not_in_sections``): a native speaker among the benefits is a
  perk, not a requirement.

Quoted text, URLs and code are left out earlier, by the matcher
(:mod:`adlint.terms`) and the scan. The word data (negators, role heads,
company forms) are context packs in ``rules/inclusive`` (``negation.*``,
``role_heads.*``), with their sources.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from adlint.posting import Posting, TextRun
from adlint.terms import Match, sentence_starts

if TYPE_CHECKING:  # pragma: no cover
    from adlint.checks.inclusive_base import Run

#: A word of a name: letters and digits, inner apostrophes, dots and hyphens ("O'Neil", "Node.js", "Mercedes-Benz"); or "&".
_TOKEN = re.compile(r"[^\W_][^\W_]*(?:['’.\-][^\W_]+)*|&")
#: Small words that may join the capitalised words of one name ("Bank of America", "Ernst & Young").
_JOINERS = frozenset(["&", "of", "for", "de", "du", "des", "la", "le", "del"])
#: Company forms after a name ("Acme Ltd", "Beispiel GmbH"), in any letter case; the short ones below only as written.
_COMPANY_FORMS = frozenset("ltd limited gmbh inc llc llp plc corp corporation sarl".split())
_COMPANY_FORMS_CASED = frozenset("AG SE KG SAS SA SL BV NV AB AS ASA OY SpA SRL Co".split())
#: What may stand between a sentence start and its first word: spaces, bullets, quotes, brackets.
_LEAD_CHARS = " \t\n\u00a0\"'“”‘’«»([*•·–—-"
#: A clause ends here: negation does not reach past it.
_CLAUSE_BREAK = re.compile(r"[,;:.!?()\[\]\n]|\b(?:but|however|mais|aber|sondern|pero|sino)\b", re.I)
_LETTERS = re.compile(r"[^\W\d_]+")
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
#: A determiner before a title's head noun ("the engineer", "le développeur", "der Entwickler", "el analista").
_DETERMINERS = {
    "en": r"\b(?:the|our|this|your|that)\s+(?:new\s+|future\s+)?",
    "fr": r"(?:\b(?:le|la|ce|cette|notre|votre|du|au)\s+|\bl['’])(?:futur\s+|future\s+|nouveau\s+|nouvelle\s+)?",
    "de": r"\b(?:der|die|dem|den|unser|unsere|unseren|unserem|dieser|diese)\s+(?:neue\s+|neuen\s+|künftige\s+)?",
    "es": r"\b(?:el|la|del|al|nuestro|nuestra|este|esta)\s+(?:nuevo\s+|nueva\s+|futuro\s+|futura\s+)?",
}
#: Words that introduce a job title: "our Product Lead", "as Head of Data", "un Product Owner".
_INTRODUCERS = frozenset("a an the our your their this that as new senior junior lead hiring with "
                         "un une le la notre votre en tant comme "
                         "ein eine einen der die den dem unser unsere unseren als "
                         "el la un una nuestro nuestra como".split())
#: Languages whose common nouns are written in lower case: capitalised runs there are names or titles.
_CASE_NAMES = frozenset(["en", "fr", "es"])


@dataclass(slots=True)
class NameSpan:
    """A name in a run's text: ``[start, end)`` offsets and its kind (``name``, ``company`` or ``title``)."""

    start: int
    end: int
    kind: str


@dataclass
class TermContext:
    """The per-posting context of term matches (build with :func:`context_for`).

    ``language`` is the scan's language;
    ``employers`` the employer names from the metadata, lower case;
    ``role_heads`` lower-case head nouns of job titles (context packs
    ``role_heads``); ``titles`` the posting's titles and their head nouns.
    """

    language: str
    employers: tuple[str, ...]
    role_heads: frozenset[str]
    #: The posting's job titles as :func:`title_antecedents` gives them: lower-case titles and their head nouns.
    titles: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
    _names: dict[int, list[NameSpan]] = field(default_factory=dict)
    _starts: dict[int, list[int]] = field(default_factory=dict)  # sentence starts by run
    _heads_re: re.Pattern[str] | None = None

    # -- names --------------------------------------------------------------------------------------
    def names(self, run: "Run") -> list[NameSpan]:
        """The names in ``run``'s text (cached per run)."""
        key = id(run)
        got = self._names.get(key)
        if got is None:
            got = self._find_names(run.text)
            self._names[key] = got
        return got

    def _find_names(self, text: str) -> list[NameSpan]:
        out: list[NameSpan] = []
        low = text.lower()
        for emp in self.employers:
            i = low.find(emp)
            while i != -1:
                if (i == 0 or not low[i - 1].isalnum()) and (i + len(emp) >= len(low) or not low[i + len(emp)].isalnum()):
                    out.append(NameSpan(i, i + len(emp), "company"))
                i = low.find(emp, i + 1)
        tokens = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]
        if not tokens:
            return out
        capital_runs = self.language in _CASE_NAMES and not _title_case(tokens)
        i = 0
        n = len(tokens)
        while i < n:
            if not _capitalised(tokens[i][2]):
                i += 1
                continue
            j = i  # extend over capitalised words, allowing single joiners between them
            while j + 1 < n and _adjacent(text, tokens[j], tokens[j + 1]):
                nxt = tokens[j + 1][2]
                if _company_form(nxt):
                    break
                if _capitalised(nxt):
                    j += 1
                elif nxt.lower() in _JOINERS and j + 2 < n and _capitalised(tokens[j + 2][2]) \
                        and _adjacent(text, tokens[j + 1], tokens[j + 2]):
                    j += 2
                else:
                    break
            words = tokens[i:j + 1]
            form = j + 1 < n and _company_form(tokens[j + 1][2]) and _adjacent(text, tokens[j], tokens[j + 1], ", ")
            initial = bool(words) and self._sentence_initial(text, words[0][0])
            if initial and (words[0][2].lower() in _INTRODUCERS or words[0][2].lower() in _TITLE_SMALL):
                words = words[1:]  # "Our Lead iOS Engineer", "At Blacklist Games": a small word capitalised
                initial = False
            caps = [w for w in words if w[2] != "&"]
            if form and caps:
                out.append(NameSpan(caps[0][0], tokens[j + 1][1], "company"))
            elif len(caps) >= 2 and (capital_runs or any(w[2] == "&" for w in words)) and not initial:
                # Only in running text: capitalised words that open a line or sentence are a label or a heading
                # ("Tech-Savvy Collaborator: …", "Collaboration & Culture Fit"), not a name.
                kind = "title" if self._is_title(text, caps) else "name"
                out.append(NameSpan(caps[0][0], caps[-1][1], kind))
            i = j + 1
        return out

    def _is_title(self, text: str, caps: list[tuple[int, int, str]]) -> bool:
        """A capitalised run is a job title when it holds a role head noun and a determiner or "as" introduces it
        ("our Product Lead", "a Sales Ninja", "as Head of Data"); "on Django Ninja" names a framework."""
        if not any(w[2].lower() in self.role_heads for w in caps):
            return False
        return _word_before(text, caps[0][0]) in _INTRODUCERS

    @staticmethod
    def _sentence_initial(text: str, start: int) -> bool:
        before = text[:start].rstrip(_LEAD_CHARS)
        return not before or before.endswith((".", "!", "?", ":", ";"))

    def in_name(self, run: "Run", m: Match, kinds: tuple[str, ...] | list[str]) -> bool:
        """True when match ``m`` lies inside a name of one of ``kinds`` in ``run``."""
        if not kinds:
            return False
        for span in self.names(run):
            if span.kind in kinds and span.start <= m.start and m.end <= span.end:
                return True
        return False

    # -- negation -----------------------------------------------------------------------------------
    @staticmethod
    def negated(run: "Run", m: Match) -> bool:
        """True when a negator stands in the match's clause: before it within eight words, or right after it.

        Negators are the matches of the ``negation`` context pack, recorded on
        the run (``Run.negators``) by the scan.
        """
        text = run.text
        for a, b in run.negators:
            if b <= m.start:
                gap = text[b:m.start]
                if len(gap.split()) <= 8 and not _CLAUSE_BREAK.search(gap):
                    return True
            elif a >= m.end:
                gap = text[m.end:a]
                if len(gap.split()) <= 2 and not _CLAUSE_BREAK.search(gap):
                    return True
        return False

    # -- antecedents --------------------------------------------------------------------------------
    def title_before(self, run: "Run", m: Match) -> bool:
        """True when the sentence of ``m`` or the one before mentions the job title, or its head noun after a determiner."""
        titles, heads = self.titles
        if not titles and not heads:
            return False
        starts = self._starts.get(id(run))
        if starts is None:
            starts = self._starts[id(run)] = sentence_starts(run.text)
        i = bisect_right(starts, m.start) - 1
        window = run.text[starts[max(0, i - 1)]:m.start].lower()
        if any(t in window for t in titles):
            return True
        if self._heads_re is None and heads:
            det = _DETERMINERS.get(self.language, _DETERMINERS["en"])
            self._heads_re = re.compile(det + "(?:" + "|".join(map(re.escape, heads)) + r")\b")
        return self._heads_re is not None and self._heads_re.search(window) is not None

    # -- the decision -------------------------------------------------------------------------------
    def accepts(self, run: "Run", m: Match) -> bool:
        """True when match ``m`` in ``run`` means what its entry means: not in a skipped section, not negated, not in a name."""
        pack, entry = m.pack, m.entry
        sid = run.section.id if run.section is not None else None
        if sid is not None and (sid in pack.not_in_sections or sid in entry.not_in_sections):
            return False
        if entry.not_after and _word_before(run.text, m.start) in entry.not_after:
            return False
        if entry.antecedent == "title" and not self.title_before(run, m):
            return False
        negatable = pack.negatable if entry.negatable is None else entry.negatable
        if negatable and run.negators and self.negated(run, m):
            return False
        return not self.in_name(run, m, pack.skip_in)


#: The word right before a position, with an elided article's apostrophe ("l'", "d’").
_WORD_BEFORE = re.compile(r"([^\W\d_]+['’]?)[^\S\n]*$")


def _word_before(text: str, start: int) -> str:
    """The lower-case word right before ``start`` (``l'`` for "l'ingénieur"), or ``""``."""
    m = _WORD_BEFORE.search(text, max(0, start - 24), start)
    return m.group(1).lower().replace("’", "'") if m else ""


def _capitalised(word: str) -> bool:
    """A word written with a capital: "Django", "iOS", "AI" (not "&", not a number)."""
    return word != "&" and (word[0].isupper() or (word[0].isalpha() and any(c.isupper() for c in word[1:])))


def _company_form(word: str) -> bool:
    """True for a company form: "Ltd", "GmbH", "inc", "AG", "SAS" (short forms only as written)."""
    bare = word.rstrip(".").replace(".", "")
    return bare.lower() in _COMPANY_FORMS or bare in _COMPANY_FORMS_CASED


def _adjacent(text: str, a: tuple[int, int, str], b: tuple[int, int, str], also: str = "") -> bool:
    """True when only spaces (or the characters in ``also``) stand between tokens ``a`` and ``b``."""
    gap = text[a[1]:b[0]]
    return len(gap) <= 3 and all(c == " " or c == "\u00a0" or c in also for c in gap)


def _title_case(tokens: list[tuple[int, int, str]]) -> bool:
    """True for Title Case text ("Strong Analytical Skills"): capitals there mark nothing.

    Title Case leaves only short function words in lower case ("Experience with Python and Go").
    """
    words = [t[2] for t in tokens if t[2][0].isalpha()]
    return len(words) >= 2 and all(w[0].isupper() or w.lower() in _TITLE_SMALL for w in words)


#: Words Title Case leaves in lower case.
_TITLE_SMALL = frozenset("a an the and or nor but of for to in on at with by from as vs via per de la le les et du des "
                         "en y el los las und der die das für mit von zu".split())


def _employers(posting: Posting) -> tuple[str, ...]:
    """The employer's name(s) from the metadata, lower case, at least 3 characters."""
    field_ = posting.metadata.get("employer")
    value: Any = field_.value if field_ is not None else None
    names = []
    if isinstance(value, dict):
        value = value.get("name") or value.get("legalName")
    if isinstance(value, str) and len(value.strip()) >= 3:
        names.append(" ".join(value.lower().split()))
    return tuple(names)


def clean_title(title: "TextRun") -> str:
    """A job title in lower case, without brackets and without a " - " or "|" tail, white space collapsed."""
    text = _BRACKETS.sub(" ", title.text.lower())
    return " ".join(text.split(" - ")[0].split("|")[0].split())


def title_antecedents(posting: Posting) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``(titles, heads)``: the posting's job titles in lower case without brackets or a " - "/"|" tail, and their
    head nouns of at least 4 letters: the last word ("engineer" of "Senior Backend Engineer", "entwickler" of
    "Backend-Entwickler"), and the first one too, the head in French and Spanish ("analista" of "Analista de datos")."""
    titles, heads = [], []
    for title in map(clean_title, posting.titles):
        words = _LETTERS.findall(title)
        if len(words) >= 2:
            titles.append(title)
        for w in (words[-1:] + words[:1]) if words else ():
            if len(w) >= 4:
                heads.append(w)
    return tuple(titles), tuple(dict.fromkeys(heads))


def context_for(posting: Posting, language: str, role_heads: frozenset[str]) -> TermContext:
    """The term context of ``posting`` read in ``language``; ``role_heads`` are lower-case head nouns of job titles
    (:func:`adlint.terms.role_heads_for`)."""
    return TermContext(language, _employers(posting), role_heads, title_antecedents(posting))
