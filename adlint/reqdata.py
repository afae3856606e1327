"""Rule data of the requirement-list (AD2xx) and readability (AD5xx) rules.

``rules/requirements.yaml`` and ``rules/readability.yaml`` are validated here
by pydantic models when first used and cached for the life of the process
(loading and compiling both takes a few milliseconds). Every list, pattern,
formula and technology cites a source id declared in its file's ``sources``.
Errors are :class:`adlint.ruledata.RuleDataError` naming the file and key.

Phrase lists follow one convention (:func:`phrase_pattern`): case-insensitive
whole words, any run of spaces between words, typographic apostrophes made
plain, and a trailing ``*`` for any word ending.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from pydantic import BaseModel, ConfigDict, Field, model_validator

from adlint.ruledata import LANGUAGES, PerLanguage, RuleDataError, Source, load_model, rules_dir

__all__ = [
    "RuleDataError", "RequirementsData", "ReadabilityData", "requirements", "readability",
    "phrase_pattern", "phrase_regex", "normalise_quotes", "langs_for",
]

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "\u00a0": " ", "\u202f": " ", "‑": "-"})


def normalise_quotes(text: str) -> str:
    """``text`` with typographic apostrophes and non-breaking spaces made plain; same length."""
    return text.translate(_QUOTES)


def _phrase_parts(phrase: str) -> tuple[str, bool, bool]:
    """``(body, word_start, word_end)`` of one phrase: its regex without boundaries, and whether it
    starts and ends at a word boundary (see the module docstring)."""
    p = normalise_quotes(phrase.strip()).lower()
    star = p.endswith("*")
    lead = p.startswith("*")
    p = p.strip("*")
    body = r"\s+".join(re.escape(w) for w in p.split())
    if lead:
        body = r"\w*" + body
    if star:
        body += r"\w*"
    return body, p[:1].isalnum() or lead, p[-1:].isalnum() or star


def phrase_regex(phrases: Iterable[str]) -> str | None:
    """The regex source (uncompiled) matching any of ``phrases``, longest first; ``None`` when empty.

    Phrases bounded by letters on both sides share one pair of word-boundary
    assertions, which keeps the pattern small and quick to compile.
    """
    ps = sorted({p for p in phrases if p.strip("* ")}, key=len, reverse=True)
    if not ps:
        return None
    words: list[str] = []
    others: list[str] = []
    for p in ps:
        body, left, right = _phrase_parts(p)
        if left and right:
            words.append(body)
        else:
            others.append((r"(?<!\w)" if left else "") + body + (r"(?!\w)" if right else ""))
    alts = others + ([r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)"] if words else [])
    return "|".join(alts)


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """One case-insensitive regex matching any of ``phrases``, longest first; ``None`` when empty."""
    body = phrase_regex(phrases)
    return re.compile(body, re.IGNORECASE) if body is not None else None


def langs_for(lang: str | None) -> tuple[str, ...]:
    """The languages whose phrase lists apply: ``(lang,)`` when known, all four otherwise."""
    return (lang,) if lang in LANGUAGES else LANGUAGES


class _Cited(BaseModel):
    """Something that cites sources by id."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    source: list[str] = Field(min_length=1)


class PerLanguagePatterns(BaseModel):
    """Regular expressions per language; each must compile."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    en: list[str] = Field(default_factory=list)
    fr: list[str] = Field(default_factory=list)
    de: list[str] = Field(default_factory=list)
    es: list[str] = Field(default_factory=list)

    def errors(self) -> list[str]:
        """Patterns that do not compile, as ``"lang[i]: message"`` (checked by the tests and on first use,
        not at load: compiling every pattern costs more than a run can spare)."""
        out = []
        for lang in LANGUAGES:
            for i, pat in enumerate(getattr(self, lang)):
                try:
                    re.compile(pat, re.IGNORECASE)
                except re.error as exc:
                    out.append(f"{lang}[{i}]: invalid regular expression {pat!r}: {exc}")
        return out

    def get(self, lang: str) -> list[str]:
        """The patterns of ``lang``."""
        return list(getattr(self, lang))


class NumberWords(BaseModel):
    """Spelled-out numbers per language (``three`` → 3)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    en: dict[str, int] = Field(default_factory=dict)
    fr: dict[str, int] = Field(default_factory=dict)
    de: dict[str, int] = Field(default_factory=dict)
    es: dict[str, int] = Field(default_factory=dict)

    def all(self) -> dict[str, int]:
        """Every word, lower case, all languages together."""
        out: dict[str, int] = {}
        for lang in LANGUAGES:
            out.update({k.lower(): v for k, v in getattr(self, lang).items()})
        return out


class YearsData(_Cited):
    """How years-of-experience expressions are recognised (see ``rules/requirements.yaml``)."""

    window_after: int = Field(8, ge=0, le=30)
    window_before: int = Field(6, ge=0, le=30)
    units: PerLanguagePatterns
    number_words: NumberWords
    at_least: PerLanguage
    at_most: PerLanguage
    at_least_after: PerLanguage
    at_most_after: PerLanguage
    plus: list[str]
    range: list[str]
    experience_words: PerLanguage
    not_experience: PerLanguage
    pay_words: PerLanguage = Field(default_factory=PerLanguage)
    applicant_cues: PerLanguage


class NiceMarkers(_Cited):
    """Nice-to-have markers that label a whole item at its start or its end, lead-ins that label the
    items after them, short labels that do so only as the whole lead-in ("En plus :"), and disclaimers
    that say a requirement list is not all must-haves."""

    start: PerLanguage
    end: PerLanguage
    lead_ins: PerLanguage = Field(default_factory=PerLanguage)
    lead_labels: PerLanguage = Field(default_factory=PerLanguage)
    disclaimers: PerLanguage = Field(default_factory=PerLanguage)


class MustMarkers(_Cited):
    """Must-have markers, and the negations that cancel them."""

    phrases: PerLanguage
    negations: PerLanguage
    not_before: PerLanguage = Field(default_factory=PerLanguage)
    modifier_after: PerLanguage = Field(default_factory=PerLanguage)
    be_words: PerLanguage = Field(default_factory=PerLanguage)


class PhraseList(_Cited):
    """A cited phrase list per language."""

    phrases: PerLanguage


class DegreeData(_Cited):
    """Degree patterns and the equivalence wording that makes a degree optional."""

    patterns: PerLanguagePatterns
    equivalence: PerLanguagePatterns
    in_progress: PerLanguage = Field(default_factory=PerLanguage)
    internship: PerLanguage = Field(default_factory=PerLanguage)
    internship_text: PerLanguage = Field(default_factory=PerLanguage)
    field_headings: PerLanguage = Field(default_factory=PerLanguage)
    other_credentials: PerLanguage = Field(default_factory=PerLanguage)


class AlternativesData(_Cited):
    """Lead-ins that make the items after them alternatives ("one or more of the following"), or topics
    to talk about rather than requirements ("les sujets suivants")."""

    lead_ins: PerLanguage
    topics: PerLanguage = Field(default_factory=PerLanguage)


class VagueEntry(BaseModel):
    """One vague phrase and, optionally, what to write instead."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    phrase: str = Field(min_length=2)
    hint: str | None = None
    #: The phrase names an interest: followed by one of ``object_prepositions`` and a specific object
    #: ("Leidenschaft für Hunde") it is checkable.
    takes_object: bool = False


class VagueEntries(BaseModel):
    """Vague phrases per language."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    en: list[VagueEntry] = Field(default_factory=list)
    fr: list[VagueEntry] = Field(default_factory=list)
    de: list[VagueEntry] = Field(default_factory=list)
    es: list[VagueEntry] = Field(default_factory=list)


class VagueData(_Cited):
    """Vague requirement phrases (AD208)."""

    entries: VagueEntries
    object_prepositions: PerLanguage = Field(default_factory=PerLanguage)
    generic_objects: PerLanguage = Field(default_factory=PerLanguage)
    purpose_words: PerLanguage = Field(default_factory=PerLanguage)
    not_purpose_after: PerLanguage = Field(default_factory=PerLanguage)


class OverloadData(_Cited):
    """Item splitting for AD209: separators between skills, markers that introduce examples, words that
    open a clause or close a lead clause, and the words that make a lead-in a mere frame for its list."""

    separators: PerLanguage
    examples: PerLanguage
    clause_starts: PerLanguage = Field(default_factory=PerLanguage)
    lead_clause_ends: PerLanguage = Field(default_factory=PerLanguage)
    frames: PerLanguage = Field(default_factory=PerLanguage)


class Technology(BaseModel):
    """A technology and the year of its first public release (AD205)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    name: str
    aliases: list[str] = Field(min_length=1)
    year: int = Field(ge=1950, le=2100)
    source: str
    url: str | None = None
    note: str | None = None
    case_sensitive: bool = False
    pattern: str | None = None

    def regex(self) -> re.Pattern[str]:
        """The compiled matcher of this technology's names."""
        if self.pattern:
            return re.compile(self.pattern, re.IGNORECASE)
        body = "|".join(re.escape(a) for a in sorted(self.aliases, key=len, reverse=True))
        return re.compile(rf"(?<![\w.]){'(?:' + body + ')'}(?![\w]|\.\w)", 0 if self.case_sensitive else re.IGNORECASE)


class RequirementsData(BaseModel):
    """``rules/requirements.yaml``: phrases and patterns of the AD2xx rules."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    sources: list[Source]
    years: YearsData
    nice_to_have: NiceMarkers
    must_have: MustMarkers
    requirement_phrases: PhraseList
    degree: DegreeData
    alternatives: AlternativesData
    vague: VagueData
    overload: OverloadData
    technologies: list[Technology]

    @model_validator(mode="after")
    def _sources_known(self) -> "RequirementsData":
        known = {s.id for s in self.sources}
        cited: list[tuple[str, str]] = []
        for key in ("years", "nice_to_have", "must_have", "requirement_phrases", "degree", "alternatives", "vague",
                    "overload"):
            cited += [(key, ref) for ref in getattr(self, key).source]
        cited += [(f"technologies.{t.name}", t.source) for t in self.technologies]
        for where, ref in cited:
            if ref not in known:
                raise ValueError(f"{where} cites unknown source {ref!r}")
        return self


class Formula(BaseModel):
    """A linear readability formula: ``const + asl*ASL + asw*ASW + poly_pct*MS + long_pct*IW + mono_pct*ES``."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    name: str
    source: list[str] = Field(min_length=1)
    const: float
    asl: float = 0.0
    asw: float = 0.0
    poly_pct: float = 0.0
    long_pct: float = 0.0
    mono_pct: float = 0.0


class Band(BaseModel):
    """A reading-ease band: scores at or above ``min`` read as ``label``."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    min: float
    label: str


class Bands(_Cited):
    """Reading-ease bands, highest first."""

    levels: list[Band] = Field(min_length=1)

    def label(self, score: float) -> str:
        """The label of the band ``score`` falls in."""
        for band in self.levels:
            if score >= band.min:
                return band.label
        return self.levels[-1].label


class ReadabilityData(BaseModel):
    """``rules/readability.yaml``: reading-ease and grade formulas per language."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    sources: list[Source]
    reading_ease: dict[str, Formula]
    grade: dict[str, Formula]
    bands: Bands

    @model_validator(mode="after")
    def _check(self) -> "ReadabilityData":
        known = {s.id for s in self.sources}
        for table in ("reading_ease", "grade"):
            for lang, f in getattr(self, table).items():
                if lang not in LANGUAGES:
                    raise ValueError(f"{table}.{lang}: unknown language (use one of {', '.join(LANGUAGES)})")
                for ref in f.source:
                    if ref not in known:
                        raise ValueError(f"{table}.{lang} cites unknown source {ref!r}")
        for ref in self.bands.source:
            if ref not in known:
                raise ValueError(f"bands cites unknown source {ref!r}")
        return self


@lru_cache(maxsize=None)
def requirements() -> RequirementsData:
    """The built-in AD2xx data (``rules/requirements.yaml``). Raises :class:`RuleDataError`."""
    return load_model(rules_dir() / "requirements.yaml", RequirementsData)


@lru_cache(maxsize=None)
def readability() -> ReadabilityData:
    """The built-in AD5xx data (``rules/readability.yaml``). Raises :class:`RuleDataError`."""
    return load_model(rules_dir() / "readability.yaml", ReadabilityData)
