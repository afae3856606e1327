"""Inclusive-language term packs: ``rules/inclusive/*.yaml``, validated by pydantic.

One pack is one topic in one or more languages (``age.en.yaml``,
``gender_coded.de.yaml``) and feeds one rule (``rule: AD306``), or none for
context packs such as the equal-opportunity statement markers. Each entry
names what it matches (``term``: literal words and phrases, or ``pattern``: a
regular expression), its category, severity, considerate alternatives, a note,
the conditions and exceptions that keep it from firing, and the sources it
rests on. The model is the one of retext-equality's data (MIT), extended with
the context fields a job posting needs.

Term syntax (``term``): words separated by spaces, matched case-insensitively
on word boundaries (Unicode letters and digits); any run of spaces, hyphens,
slashes, commas or apostrophes in the text may separate the words of a phrase.
A word ending in ``*`` is a stem: it matches every word starting with it
(Gaucher et al. mark their wildcard stems the same way).

Users add packs of their own in the same format: :func:`load_pack` reads one
file; the inclusive rules take their paths in the ``packs`` option.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from adlint.literal import advice_reason
from adlint.ruledata import RuleDataError, Source, load_model, rules_dir

Lang = Literal["en", "fr", "de", "es"]
SeverityName = Literal["info", "warning", "error"]

#: A term word: letters and digits, joined by ``·``, ``'``, ``/`` or ``-``, with an optional trailing ``*``.
_TERM_WORD = re.compile(r"^[^\W_]+(?:[·‧'’/-][^\W_]+)*\*?$")


def _as_list(value: object) -> object:
    """Accept a single string where a list of strings is expected."""
    return [value] if isinstance(value, str) else value


class TermEntry(BaseModel):
    """One flagged term, phrase or pattern.

    Exactly one of ``term`` (literal words or phrases, ``*`` marks a stem) and
    ``pattern`` (a Python regular expression, matched case-insensitively
    between word boundaries) is given.

    Context fields, all optional:
        exceptions: phrases that contain a match and make it fine
            (``young people`` for ``young``); matched case-insensitively.
        unless_near: words or phrases whose presence in the same sentence makes
            the match fine (``security clearance`` for a citizenship rule).
        only_near: the match counts only when one of these is in the same or
            the previous sentence (``candidate`` for a pronoun).
        preceded_by: the match counts only when the word just before it is one
            of these (French ``un`` before the epicene ``designer``).
        feminine: feminine forms of a role noun; a nearby feminine form makes
            a pair ("Entwicklerin oder Entwickler") and the match fine.
        compound: German: the term also matches as the last part of a compound
            (``leiter`` in ``Projektleiter``).
        case_sensitive: match the letter case as written.
        triggers: for a ``pattern``: lower-case words of which at least one
            must occur in a text for the pattern to be tried there (a speed
            hint; without it the pattern is tried on every text).
        not_after: the match is not reported when the word right before it
            is one of these (lower case; an elided article keeps its
            apostrophe: ``l'``). A definite singular article before a
            colleague's role noun names one specific person ("du développeur
            en place"), not a generic.
        antecedent: ``title``: the match counts only when the same or the
            previous sentence mentions the posting's job title, or its head
            noun after a determiner ("The Sales Representative greets
            customers. He will…"); read by :mod:`adlint.context`.
        negatable: overrides the pack's ``negatable`` for this entry.
        not_in_sections: section ids where this entry is not reported, added
            to the pack's.
        replacement: drop-in replacements for an automatic (unsafe) fix:
            the matched text in lower case, white space collapsed
            (``salesmen``, ``master/slave``) → the text to put in its place
            (``salespeople``). Only forms that fit wherever the term does
            belong here; a match without a key gets no fix.
    """

    model_config = ConfigDict(extra="forbid", defer_build=True)
    id: str | None = None
    term: list[str] = Field(default_factory=list)
    pattern: str | None = None
    category: str
    severity: SeverityName | None = None
    alternatives: list[str] = Field(default_factory=list)
    note: str | None = None
    condition: str | None = Field(None, description="when the entry applies, in words (documentation)")
    exceptions: list[str] = Field(default_factory=list)
    unless_near: list[str] = Field(default_factory=list)
    only_near: list[str] = Field(default_factory=list)
    preceded_by: list[str] = Field(default_factory=list)
    feminine: list[str] = Field(default_factory=list)
    compound: bool = False
    case_sensitive: bool = False
    triggers: list[str] = Field(default_factory=list)
    replacement: dict[str, str] = Field(default_factory=dict)
    not_after: list[str] = Field(default_factory=list)
    antecedent: Literal["title"] | None = None
    negatable: bool | None = None
    not_in_sections: list[str] = Field(default_factory=list)
    source: list[str] = Field(min_length=1)

    _as_lists = field_validator(
        "term", "alternatives", "exceptions", "unless_near", "only_near", "preceded_by", "feminine", "source",
        "triggers", "not_in_sections", "not_after", mode="before")(_as_list)

    @field_validator("term")
    @classmethod
    def _terms_are_words(cls, value: list[str]) -> list[str]:
        for t in value:
            words = t.split()
            if not words:
                raise ValueError("a term may not be empty")
            for w in words:
                if not _TERM_WORD.match(w):
                    raise ValueError(f"term {t!r}: {w!r} is not a word (letters and digits, optional trailing *)")
        return value

    @field_validator("replacement")
    @classmethod
    def _replacements_plain(cls, value: dict[str, str]) -> dict[str, str]:
        for k, v in value.items():
            if not k.strip() or k != " ".join(k.lower().split()):
                raise ValueError(f"replacement key {k!r} must be the matched text in lower case, single-spaced")
            if not v.strip() or v != v.strip() or any(c in v for c in "\r\n"):
                raise ValueError(f"replacement for {k!r} must be text on one line without outer spaces")
            advice = advice_reason(v)
            if advice:  # a fix writes this into the posting: advice belongs in `alternatives`
                raise ValueError(f"replacement for {k!r} must be the words to write, not advice ({advice}); "
                                 "put advice in alternatives")
        return value

    @field_validator("pattern")
    @classmethod
    def _pattern_compiles(cls, value: str | None) -> str | None:
        if value is None:
            return value
        if "(?P<" in value:
            raise ValueError("patterns may not use named groups")
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"pattern does not compile: {exc}") from None
        return value

    @model_validator(mode="after")
    def _term_or_pattern(self) -> "TermEntry":
        if bool(self.term) == bool(self.pattern):
            raise ValueError("give exactly one of 'term' and 'pattern'")
        if self.triggers and not self.pattern:
            raise ValueError("'triggers' only applies to a 'pattern'")
        if any(t != t.lower() or not t.strip() for t in self.triggers):
            raise ValueError("triggers are lower-case words")
        return self

    @property
    def label(self) -> str:
        """A short name for messages and ``allow`` lists: the id, else the first term, else the pattern."""
        return self.id or (self.term[0] if self.term else str(self.pattern))


class Marker(BaseModel):
    """A gender marker pattern (``(m/w/d)``, ``H/F``, ``(h/m)``) that shows a title addresses everyone.

    ``incomplete`` marks an older form that leaves people out (``(m/w)`` without ``d``);
    ``note`` says what to use instead.
    """

    model_config = ConfigDict(extra="forbid", defer_build=True)
    pattern: str
    incomplete: bool = False
    note: str | None = None
    source: list[str] = Field(default_factory=list)

    _as_lists = field_validator("source", mode="before")(_as_list)

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"pattern does not compile: {exc}") from None
        return value


class TermPack(BaseModel):
    """One pack file: a topic, the rule it feeds, its languages, sources and entries.

    ``rule`` is the code of the rule that reports the entries, or ``None`` for
    a context pack (its matches only mark text, such as equal-opportunity
    statements). ``exceptions`` are whole words never matched by any entry of
    the pack (false friends: ``sharepoint`` for ``share*``); one ending in
    ``*`` excludes every word starting with it. ``inflections``
    are endings added to every term word at load time (German ``s``, ``n``,
    ``en``). ``validated`` is False for lists no study has validated; rules
    then keep their document-level findings at ``info``.

    Context (read by :mod:`adlint.context`, the same way for every pack):
    ``negatable`` packs name something asked of the applicant, so a negated
    match ("no native speaker required", "ohne Muttersprache") is not
    reported; ``not_in_sections`` lists section ids whose matches are not
    reported (a native speaker among the benefits is a perk, not a
    requirement); ``skip_in`` lists the kinds of name a match inside is not
    reported: ``name`` (a multi-word proper name: "Django Girls"),
    ``company`` (the employer, or a name before Ltd/GmbH/Inc), ``title`` (a
    capitalised job title: "Product Lead"); by default none: only packs whose
    words collide with names (age, jargon titles, technical terms, perks,
    ableist idioms, gender-coded words) skip them.
    """

    model_config = ConfigDict(extra="forbid", defer_build=True)
    pack: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    rule: str | None = Field(None, pattern=r"^AD\d{3}$")
    languages: list[Lang] = Field(min_length=1)
    description: str = ""
    validated: bool = True
    sources: list[Source]
    exceptions: list[str] = Field(default_factory=list)
    inflections: list[str] = Field(default_factory=list)
    negatable: bool = False
    not_in_sections: list[str] = Field(default_factory=list)
    skip_in: list[Literal["name", "company", "title"]] = Field(default_factory=list)
    markers: list[Marker] = Field(default_factory=list)
    #: Regexes matched right after a role noun that make it an inclusive form (``·se``, ``*in``, ``/a``).
    inclusive_after: list[str] = Field(default_factory=list)
    #: Regexes matched right before a role noun (anchored at its start) that make it inclusive (``une ou un``).
    inclusive_before: list[str] = Field(default_factory=list)
    entries: list[TermEntry] = Field(default_factory=list)

    @field_validator("inclusive_after", "inclusive_before")
    @classmethod
    def _regexes_compile(cls, value: list[str]) -> list[str]:
        for v in value:
            try:
                re.compile(v)
            except re.error as exc:
                raise ValueError(f"pattern {v!r} does not compile: {exc}") from None
        return value

    @model_validator(mode="after")
    def _sources_known(self) -> "TermPack":
        known = {s.id for s in self.sources}
        for i, e in enumerate(self.entries):
            for ref in e.source:
                if ref not in known:
                    raise ValueError(f"entry {i} ({e.label!r}) cites unknown source {ref!r}")
        for m in self.markers:
            for ref in m.source:
                if ref not in known:
                    raise ValueError(f"marker {m.pattern!r} cites unknown source {ref!r}")
        return self

    def source_titles(self, entry: TermEntry) -> list[str]:
        """Titles of the sources an entry cites."""
        by_id = {s.id: s for s in self.sources}
        return [by_id[r].title for r in entry.source if r in by_id]


def inclusive_dir() -> Path:
    """The folder of the built-in inclusive-language packs."""
    return rules_dir() / "inclusive"


@lru_cache(maxsize=None)
def builtin_packs() -> tuple[TermPack, ...]:
    """Every built-in pack (``rules/inclusive/*.yaml``), in file-name order.

    Raises :class:`~adlint.ruledata.RuleDataError` for a bad file.
    """
    return tuple(load_model(p, TermPack) for p in sorted(inclusive_dir().glob("*.yaml")))


def load_pack(path: str | Path) -> TermPack:
    """Read and validate one user pack file, cached by path and modification time.

    Raises :class:`~adlint.ruledata.RuleDataError` naming the file.
    """
    p = Path(path).expanduser()
    try:
        mtime = p.stat().st_mtime_ns
    except OSError as exc:
        raise RuleDataError(f"{p}: cannot read rule pack: {exc.strerror}") from None
    return _load_pack_cached(str(p.resolve()), mtime)


@lru_cache(maxsize=64)
def _load_pack_cached(path: str, mtime: int) -> TermPack:
    return load_model(Path(path), TermPack)


@lru_cache(maxsize=None)
def builtin_packs_for(language: str) -> tuple[TermPack, ...]:
    """The built-in packs that may cover ``language``, read without touching the others.

    Files are named ``<topic>.<lang>.yaml``; a file whose name carries another
    supported language is skipped unread, which keeps a one-posting run from
    loading four languages of packs.
    """
    from adlint.ruledata import LANGUAGES

    files = []
    for p in sorted(inclusive_dir().glob("*.yaml")):
        tag = p.name[: -len(".yaml")].rsplit(".", 1)[-1]
        if tag == language or tag not in LANGUAGES:
            files.append(p)
    return tuple(load_model(p, TermPack) for p in files)


def packs_for(language: str, extra: tuple[str, ...] = ()) -> tuple[TermPack, ...]:
    """Built-in packs plus the packs at paths ``extra`` that cover ``language``."""
    packs = builtin_packs_for(language) + tuple(load_pack(p) for p in extra)
    return tuple(p for p in packs if language in p.languages)


def check_pack_paths(paths: list[str]) -> list[str]:
    """Validate user pack paths for a rule option; raises ``ValueError`` with the file's problems.

    Used by the rules' ``packs`` option so that a bad pack is a configuration
    error (exit 2) rather than a crash while linting.
    """
    for p in paths:
        try:
            load_pack(p)
        except RuleDataError as exc:
            raise ValueError(str(exc)) from None
    return paths
