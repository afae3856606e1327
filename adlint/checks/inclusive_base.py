"""Shared machinery of the inclusive-language rules (AD3xx): one scan per posting.

:func:`scan` tokenises the posting's title, headings and blocks once, picks
the language, runs the language's :class:`~adlint.terms.Matcher` over every
run (all AD3xx packs at once), and drops what must never be reported:

- matches inside URLs, e-mail addresses, domain names and short quotations
  (product names) — done by the matcher;
- matches inside code spans and code blocks of the source (Markdown
  backticks, HTML ``<code>``/``<pre>``);
- matches inside an equal-opportunity or diversity statement: a sentence
  holding one of the ``eeo`` context pack's markers ("regardless of",
  "Chancengleichheit"), or a section classified ``equal_opportunity``.
  Such statements name the groups they protect ("women and men", "age") and
  must not trigger the rules that look for those words;
- matches that their context reads otherwise (:mod:`adlint.context`): inside
  a proper name or job title, negated, or in a section where they mean
  something else.

The result is cached on the posting, so the seventeen rules share one pass.

Language: the declared or detected language
(``adlint.language.posting_language``), else a guess from function words
(:func:`guess_language`, for installs without a detector); when neither gives
an answer, English. English is the one language whose packs are safe to
run on unknown text: its terms are English words that rarely occur in
French, German or Spanish prose, and the gender-marker rules (AD304, AD305)
only run for a language that was declared or recognised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import ClassVar, Iterable, Iterator

from pydantic import BaseModel, ConfigDict, Field, field_validator

from adlint.context import TermContext, clean_title, context_for
from adlint.diagnostics import Diagnostic, Edit, Fix, Severity
from adlint.posting import Block, Posting, Section, TextRun
from adlint.rule import Rule
from adlint.terms import Match, Matcher, matcher_for, role_heads_for, sentence_bounds, words_of
from adlint.termdata import TermEntry, check_pack_paths

#: Function words that tell the four languages apart (shared words such as "de", "la", "en" left out).
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the and you we our with for are will of to is your this that have an be".split()),
    "fr": frozenset("le les des et vous nous une pour est dans du au sur avec qui ou aux ce cette sont votre nos "
                    "notre".split()),
    "de": frozenset("der die das und mit für wir sie ist ein eine den dem zu auf bei von du dich dein deine ihre "
                    "uns oder im als sind werden auch".split()),
    "es": frozenset("el los las y con para una por del se tu tus nuestro nuestra nuestros como más al lo son su "
                    "sus".split()),
}

_CODE_MD = re.compile(r"(`+)[^`\n][\s\S]*?\1|^(?:```|~~~)[\s\S]*?^(?:```|~~~)", re.M)
_CODE_HTML = re.compile(r"<(code|pre|kbd|samp)\b[^>]*>[\s\S]*?</\1\s*>", re.I)


_WORD_LANG: dict[str, str] = {w: lang for lang, ws in _FUNCTION_WORDS.items() for w in ws}


def guess_language(word_lists: list[list[str]]) -> str | None:
    """The language whose function words dominate, or ``None`` when the text is too short or mixed.

    ``word_lists`` holds lower-cased words. Needs at least 8 function words
    and 1.5 times as many as the runner-up.
    """
    counts = {lang: 0 for lang in _FUNCTION_WORDS}
    get = _WORD_LANG.get
    for words in word_lists:
        for w in words:
            lang = get(w)
            if lang is not None:
                counts[lang] += 1
    ranked = sorted(counts.items(), key=lambda kv: kv[1], reverse=True)
    (best, n1), (_, n2) = ranked[0], ranked[1]
    if n1 >= 8 and n1 >= 1.5 * n2:
        return best
    return None


@dataclass(slots=True)
class Run:
    """One piece of text the rules look at.

    ``kind`` is ``"title"``, ``"heading"`` or ``"block"``; ``section`` and
    ``block`` are set for blocks (``section`` also for headings).
    """

    kind: str
    run: TextRun
    section: Section | None = None
    block: Block | None = None
    words: list[str] = field(default_factory=list)
    matches: list[Match] = field(default_factory=list)
    #: ``(start, end)`` text ranges of sentences that are equal-opportunity statements.
    eeo: list[tuple[int, int]] = field(default_factory=list)
    #: ``(start, end)`` text ranges of sentences that state a legal basis (context pack ``legal_basis``).
    legal: list[tuple[int, int]] = field(default_factory=list)
    #: ``(start, end)`` text ranges of negators (context pack ``negation``), read by :mod:`adlint.context`.
    negators: list[tuple[int, int]] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The run's plain text."""
        return self.run.text


@dataclass(slots=True)
class Scan:
    """The result of :func:`scan`: language, runs with their matches, and the matcher used."""

    language: str
    language_known: bool
    runs: list[Run]
    matcher: Matcher
    #: ``(run, match)`` pairs by rule code, in document order.
    by_rule: dict[str, list[tuple[Run, Match]]] = field(default_factory=dict)

    def titles(self) -> list[Run]:
        """Every title run (metadata title, visible H1), each place once, in source order."""
        return [r for r in self.runs if r.kind == "title"]

    def has_section(self, section_id: str) -> bool:
        """True when some section of the posting is classified ``section_id``."""
        return any(r.section is not None and r.section.id == section_id for r in self.runs)

    def has_legal_basis(self) -> bool:
        """True when some sentence of the posting names a legal basis (context pack ``legal_basis``)."""
        return any(r.legal for r in self.runs)

    def body_words(self) -> int:
        """Words in the posting's blocks (headings and title left out)."""
        return sum(len(r.words) for r in self.runs if r.kind == "block")

    def matches(self, rule: str, kinds: tuple[str, ...] = ("title", "heading", "block")) -> Iterator[tuple[Run, Match]]:
        """``(run, match)`` for every reportable match of ``rule`` in runs of these kinds."""
        for r, m in self.by_rule.get(rule, ()):
            if r.kind in kinds:
                yield r, m


def _code_ranges(posting: Posting) -> list[tuple[int, int]]:
    """Source ranges of code spans and code blocks (cached on the posting)."""
    key = "adlint.inclusive.code"
    if key not in posting.cache:
        src = posting.source
        ranges: list[tuple[int, int]] = []
        if "`" in src or "~~~" in src:
            ranges += [m.span() for m in _CODE_MD.finditer(src)]
        if "<" in src:
            ranges += [m.span() for m in _CODE_HTML.finditer(src)]
        posting.cache[key] = ranges
    return posting.cache[key]


def _runs(posting: Posting) -> list[Run]:
    """Titles, headings and blocks, each place once (a title that is also a heading is kept as the title)."""
    runs: list[Run] = []
    seen: set[tuple[int, int]] = set()
    for title in posting.titles:
        runs.append(Run("title", title))
        seen.add(title.span())
    for section in posting.sections:
        if section.heading is not None and section.heading.text.strip():
            sp = section.heading.span()
            if sp not in seen:
                seen.add(sp)
                runs.append(Run("heading", section.heading, section))
        for block in section.blocks:
            runs.append(Run("block", block.run, section, block))
    return runs


def scan(posting: Posting, extra_packs: tuple[str, ...] = ()) -> Scan:
    """Scan ``posting`` once for every AD3xx pack (cached per set of extra packs)."""
    key = "adlint.inclusive.scan:" + "|".join(extra_packs)
    cached = posting.cache.get(key)
    if cached is not None:
        return cached
    from adlint.language import posting_language

    runs = _runs(posting)
    for r in runs:
        r.words = words_of(r.text)
    lang = posting_language(posting)
    known = lang is not None
    if lang is None:
        lang = guess_language([r.words for r in runs])
        known = lang is not None
    if lang is None:
        lang = "en"
    matcher = matcher_for(lang, extra_packs)
    code = None
    ctx: TermContext | None = None
    for r in runs:
        found = matcher.find(r.text, r.words)
        if not found:
            continue
        eeo_statement = r.section is not None and r.section.id == "equal_opportunity"
        for m in found:
            if m.pack.rule is None:
                if m.pack.pack == "negation":
                    r.negators.append((m.start, m.end))
                elif m.pack.pack in ("eeo", "legal_basis"):
                    rng = sentence_bounds(r.text, m.start, m.end)
                    (r.eeo if m.pack.pack == "eeo" else r.legal).append(rng)
        kept = []
        for m in found:
            if m.pack.rule is None:
                continue
            if eeo_statement or any(a <= m.start and m.end <= b for a, b in r.eeo):
                continue
            if ctx is None:
                ctx = context_for(posting, lang, role_heads_for(lang, extra_packs))
            if not ctx.accepts(r, m):
                continue
            if code is None:
                code = _code_ranges(posting)
            if code:
                s, e = r.run.span(m.start, m.end)
                if any(a <= s and e <= b for a, b in code):
                    continue
            kept.append(m)
        r.matches = kept
    result = Scan(lang, known, runs, matcher)
    for r in runs:
        for m in r.matches:
            result.by_rule.setdefault(m.pack.rule or "", []).append((r, m))
    posting.cache[key] = result
    return result


# -- options and messages shared by the rules -----------------------------------

class TermOptions(BaseModel):
    """Options every term-list rule accepts.

    ``allow``: terms never reported (compared case-insensitively with the
    matched words or the entry's id; a trailing ``*`` allows every word
    starting so). ``packs``: paths of
    extra packs in the ``rules/inclusive`` format (relative to the working
    directory); the entries of a pack whose ``rule`` is this rule's code are
    reported by it.
    """

    model_config = ConfigDict(extra="forbid")
    allow: list[str] = Field(default_factory=list, description="terms never reported (case-insensitive)")
    packs: list[str] = Field(default_factory=list, description="extra rule packs (YAML files in the rules/inclusive format)")

    @field_validator("packs")
    @classmethod
    def _packs_load(cls, value: list[str]) -> list[str]:
        return check_pack_paths(value)


def allowed(options: TermOptions, entry: TermEntry, matched: str) -> bool:
    """True when the user's ``allow`` list covers this match.

    An item matches the matched words (case-insensitively, white space
    collapsed) or the entry's ``id``; an item ending in ``*`` matches every
    match starting with it (``support*``).
    """
    if not options.allow:
        return False
    norm = " ".join(matched.lower().split())
    for item in options.allow:
        a = " ".join(item.lower().split())
        if a == norm or (entry.id and a == entry.id.lower()) or (a.endswith("*") and norm.startswith(a[:-1])):
            return True
    return False


def severity_of(entry: TermEntry, default: Severity) -> Severity:
    """The entry's own severity, or the rule's."""
    return Severity.parse(entry.severity) if entry.severity else default


def suggestion_of(entry: TermEntry) -> str | None:
    """The entry's preferred alternative (its first), or ``None``."""
    return entry.alternatives[0] if entry.alternatives else None


def matched_text(run: Run, m: Match) -> str:
    """The matched words, with runs of white space collapsed."""
    return " ".join(run.text[m.start:m.end].split())


def with_alternatives(message: str, entry: TermEntry) -> str:
    """``message`` plus "; consider 'a', 'b' or 'c'" when the entry has alternatives."""
    alts = [f"'{a}'" for a in entry.alternatives[:3]]
    if not alts:
        return message
    shown = alts[0] if len(alts) == 1 else ", ".join(alts[:-1]) + " or " + alts[-1]
    return f"{message}; consider {shown}"


#: An English indefinite article right before a match ("a ", "An\u00a0").
_ARTICLE_BEFORE = re.compile(r"(?<![^\W_])(an?)[^\S\n]+$", re.I)


def match_case(template: str, new: str) -> str:
    """``new`` in the letter case of ``template``.

    ALL CAPS (two letters or more) gives ALL CAPS; a capital first letter gives
    a capital first letter; otherwise ``new`` is kept as written (its own
    capitals, such as German nouns, stay).
    """
    letters = [c for c in template if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return new.upper()
    if letters and template.lstrip()[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


def replacement_fix(posting: Posting, run: Run, m: Match, language: str) -> Fix | None:
    """An unsafe fix putting the entry's drop-in replacement in place of the match, or ``None``.

    Offered only when the entry has a ``replacement`` for the matched text (in
    lower case, white space collapsed) and the matched text stands verbatim in
    the source (not decoded from an escape or an entity). The letter case of
    the first letter (or ALL CAPS) is kept. In English, an ``a``/``an`` right
    before the match is changed to suit the replacement when it, too, stands
    verbatim. The message says when the entry has other alternatives.
    """
    if not m.entry.replacement:
        return None
    old = run.text[m.start:m.end]
    new = m.entry.replacement.get(" ".join(old.lower().split()))
    if new is None:
        return None
    s, e = run.run.span(m.start, m.end)
    if posting.source[s:e] != old:
        return None
    new = match_case(old, new)
    edits = [Edit(s, e, new)]
    if language == "en":
        art = _ARTICLE_BEFORE.search(run.text, max(0, m.start - 8), m.start)
        if art is not None:
            want = "an" if new[:1].lower() in "aeiou" else "a"
            have = art.group(1)
            if have.lower() != want:
                a0, a1 = run.run.span(art.start(1), art.end(1))
                if posting.source[a0:a1] == have and a1 <= s:
                    edits.insert(0, Edit(a0, a1, match_case(have, want) if have[:1].isupper() else want))
    n = len(m.entry.alternatives)
    msg = f"replace '{old}' with '{new}'"
    if len(edits) > 1:
        msg += f" and '{posting.source[edits[0].start:edits[0].end]}' with '{edits[0].text}'"
    if n > 1:
        msg += f" (the first of {n} alternatives; review the wording)"
    return Fix(tuple(edits), msg, "unsafe")


class TermRule(Rule):
    """Base of the rules that report one term-list match at a time.

    Subclasses set ``code``, ``name``, the documentation attributes, and
    ``leads``: a message template per entry category (``{t}`` is the matched
    text), with ``default_lead`` for other categories. They may override
    :meth:`accept` to add conditions. A subclass that sets ``fixable`` gets
    :func:`replacement_fix` on matches whose entry has a ``replacement``.
    No ``code`` here, so the registry skips it.
    """

    Options: ClassVar[type[BaseModel]] = TermOptions
    kinds: ClassVar[tuple[str, ...]] = ("title", "heading", "block")
    leads: ClassVar[dict[str, str]] = {}
    default_lead: ClassVar[str] = "'{t}'"

    def check(self, posting: Posting, options: BaseModel) -> Iterable[Diagnostic]:
        assert isinstance(options, TermOptions)
        sc = scan(posting, tuple(options.packs))
        for run, m in sc.matches(self.code, self.kinds):
            text = matched_text(run, m)
            if allowed(options, m.entry, text) or not self.accept(sc, run, m, options):
                continue
            lead = self.leads.get(m.entry.category, self.default_lead).format(t=text)
            fix = replacement_fix(posting, run, m, sc.language) if self.fixable else None
            yield self.at(posting, run.run.span(m.start, m.end), with_alternatives(lead, m.entry),
                          severity=severity_of(m.entry, self.severity), suggestion=suggestion_of(m.entry), fix=fix)

    def accept(self, sc: Scan, run: Run, m: Match, options: BaseModel) -> bool:
        """Extra conditions of a subclass; True reports the match."""
        return True


# -- context shared by the term rules ----------------------------------------------------------------

def title_mentions(posting: Posting) -> list[str]:
    """The posting's job titles in lower case, without brackets or a " - " / "|" tail, for finding them in the text.

    Titles of one word are left out: "Lead" alone is too weak a clue that a word names the role.
    """
    # A one-word title ("Lead") is too weak a clue.
    return [title for title in map(clean_title, posting.titles) if len(title.split()) >= 2]


def inside_mention(text: str, start: int, end: int, titles: list[str]) -> bool:
    """True when ``text[start:end]`` lies inside a mention of one of ``titles`` (lower case, see :func:`title_mentions`).

    A word there names the role ("Lead" in "our Lead iOS Engineer"), not a trait asked of the applicant.
    """
    low = text.lower()
    for title in titles:
        i = low.find(title, max(0, start - len(title)), end + len(title))
        while i != -1 and i <= start:
            if i + len(title) >= end:
                return True
            i = low.find(title, i + 1, end + len(title))
    return False
