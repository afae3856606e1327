"""Data for the AD4xx locale, AD6xx pay and AD7xx structured-data rules, and where a posting is.

Loaders (validated by pydantic, cached like :mod:`adlint.ruledata`):
    :func:`jurisdictions` (``rules/jurisdictions.yaml``), :func:`currencies`
    (``rules/currencies.yaml``), :func:`jobposting` (``rules/jobposting.yaml``),
    :func:`pay_phrases` (``rules/pay_phrases.yaml``), :func:`timezones` (``rules/timezones.yaml``).

Posting helpers:
    :func:`posting_place`: countries, regions, places, remote flag and
    employer head count, from metadata, JSON-LD ``jobLocation`` and
    ``applicantLocationRequirements``, and the ``location`` text.
    :func:`applicable`: the jurisdictions whose posting duty covers a posting on a date.
    :func:`freelance_stated`: the text states the role as freelance or independent-contractor work, which
    the employee pay laws do not cover; :func:`contractor_only`: that, or JSON-LD CONTRACTOR alone (AD604).
"""

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Iterable, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from adlint.diagnostics import Severity
from adlint.ruledata import Source, load_model, rules_dir

if TYPE_CHECKING:
    from adlint.posting import Posting


Requirement = Literal["pay", "range", "benefits", "deadline", "minimum_pay", "overpay_note",
                      "ai_statement", "vacancy_statement", "no_canadian_experience"]
Confidence = Literal["high", "medium", "low"]
_COUNTRY = r"^[A-Z]{2}$"
_REGION = r"^[A-Z]{2}-[A-Z0-9]{1,3}$"


class RangeLimit(BaseModel):
    """The widest pay range a jurisdiction allows: ``amount`` per year in ``currency``,
    unless the top of the range is above ``exempt_above``."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    amount: float = Field(gt=0)
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    exempt_above: float | None = None


class _Law(BaseModel):
    """What every law record has: an id, a name, where it applies (ISO 3166-1 / 3166-2, cities), the law and its start."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    code: str
    name: str
    country: str = Field(pattern=_COUNTRY)
    region: str | None = Field(None, pattern=_REGION)
    cities: list[str] = Field(default_factory=list)
    law: str
    effective: date


class Jurisdiction(_Law):
    """One law that puts pay or other content into job postings (see the header of ``rules/jurisdictions.yaml``)."""

    enforcement_from: date | None = None
    employer_threshold: int = Field(1, ge=1)
    threshold_note: str | None = None
    requires: list[Requirement] = Field(default_factory=list)
    range_width_limit: RangeLimit | None = None
    covers_remote: bool = False
    trigger: Literal["posting", "before_interview", "on_request", "after_interview", "at_offer"]
    confidence: Confidence
    notes: str | None = None
    source: list[str]

    def in_force(self, day: date) -> bool:
        """True when the duty applies on ``day``."""
        return self.effective <= day

    def severity(self, day: date, strong: Severity = Severity.ERROR) -> Severity:
        """``strong`` for a high-confidence law with penalties in force on ``day``; warning for medium
        confidence or before enforcement; info for low confidence."""
        if self.confidence == "low":
            return Severity.INFO
        if self.confidence == "medium" or (self.enforcement_from is not None and day < self.enforcement_from):
            return min(strong, Severity.WARNING)
        return strong

    def cite(self) -> str:
        """``"Colorado: Colorado Equal Pay for Equal Work Act (C.R.S. 8-5-201), in force since 2021-01-01"``."""
        text = f"{self.name}: {self.law}, in force since {self.effective.isoformat()}"
        if self.enforcement_from is not None:
            text += f" (enforced from {self.enforcement_from.isoformat()})"
        if self.confidence != "high":
            text += f" [{self.confidence} confidence: verify]"
        return text


class PayHistoryBan(_Law):
    """A ban on asking applicants about their current or past pay."""

    confidence: Confidence
    source: list[str]


class EuNational(BaseModel):
    """A member state's measure bringing Article 5 of Directive (EU) 2023/970 into force."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    law: str
    effective: date
    confidence: Confidence
    notes: str | None = None


class EuData(BaseModel):
    """Directive (EU) 2023/970: dates, member states and national measures."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    law: str
    in_force: date
    transposition_deadline: date
    members: list[str]
    source: list[str]
    national: dict[str, EuNational] = Field(default_factory=dict)


class FrenchRequired(BaseModel):
    """A place where a posting must (also) be in French (Quebec)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    code: str
    name: str
    country: str = Field(pattern=_COUNTRY)
    region: str | None = Field(None, pattern=_REGION)
    law: str
    effective: date
    confidence: Confidence
    source: list[str]


class JurisdictionData(BaseModel):
    """``rules/jurisdictions.yaml``."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    sources: list[Source]
    jurisdictions: list[Jurisdiction]
    pay_history_bans: list[PayHistoryBan] = Field(default_factory=list)
    eu: EuData
    french_required: list[FrenchRequired] = Field(default_factory=list)

    @model_validator(mode="after")
    def _check(self) -> "JurisdictionData":
        known = {s.id for s in self.sources}
        records: list[Any] = [*self.jurisdictions, *self.pay_history_bans, *self.french_required]
        for rec in records:
            for ref in rec.source:
                if ref not in known:
                    raise ValueError(f"{rec.code} cites unknown source {ref!r}")
        for ref in self.eu.source:
            if ref not in known:
                raise ValueError(f"eu cites unknown source {ref!r}")
        codes = [j.code for j in self.jurisdictions]
        dupes = {c for c in codes if codes.count(c) > 1}
        if dupes:
            raise ValueError(f"duplicate jurisdiction codes: {sorted(dupes)}")
        for code in self.eu.national:
            if code not in self.eu.members:
                raise ValueError(f"eu.national.{code} is not a member state")
        return self

    def source(self, ref: str) -> Source | None:
        """The source record with id ``ref``."""
        return next((s for s in self.sources if s.id == ref), None)


class CurrencyData(BaseModel):
    """``rules/currencies.yaml``: ISO 4217 currencies in use per ISO 3166-1 country (CLDR)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    sources: list[Source]
    dollar_currencies: list[str]
    krone_currencies: dict[str, str]
    local_symbols: list["LocalSymbol"] = Field(default_factory=list)
    country_currencies: dict[str, list[str]]

    @model_validator(mode="after")
    def _check(self) -> "CurrencyData":
        known = {s.id for s in self.sources}
        for sym in self.local_symbols:
            unknown = [r for r in sym.source if r not in known]
            if unknown:
                raise ValueError(f"local_symbols {sym.symbol!r} cites unknown source(s) {', '.join(unknown)}")
        return self


class LocalSymbol(BaseModel):
    """A currency sign written the local way ("lei", "zł", "Ft", "лв", "Kč"): ``code`` (ISO 4217), whether it
    stands ``before`` and/or ``after`` the amount (``position``), glued or spaced, and its sources."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    symbol: str = Field(min_length=1)
    code: str = Field(pattern=r"^[A-Z]{3}$")
    position: list[Literal["before", "after"]] = Field(min_length=1)
    example: str
    source: list[str] = Field(min_length=1)


class JobPostingData(BaseModel):
    """``rules/jobposting.yaml``: Google's JobPosting property lists and allowed values."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    sources: list[Source]
    required: list[str]
    remote_replaces: dict[str, list[str]] = Field(default_factory=dict)
    recommended: dict[str, Literal["info", "warning", "error"]]
    remote_only: list[str] = Field(default_factory=list)
    enums: dict[str, list[str]]
    salary_placeholders: list[str] = Field(default_factory=list)
    citizenship_words: list[str] = Field(default_factory=list)


PHRASE_GROUPS = ("pay_words", "not_pay_words", "vague", "scale", "before_interview", "not_pay_after", "other_money",
                 "fixed", "ote", "base", "unpaid", "ongoing_applications", "residence", "freelance")


class PhraseGroup(BaseModel):
    """One group of pay wording: alternatives of one case-insensitive regular expression, with sources."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    summary: str
    source: list[str] = Field(min_length=1)
    patterns: list[str] = Field(min_length=1)

    @model_validator(mode="after")
    def _compiles(self) -> "PhraseGroup":
        for p in self.patterns:
            try:
                re.compile(p, re.I)
            except re.error as exc:
                raise ValueError(f"pattern {p!r} is not a valid regular expression: {exc}") from None
        return self


class PayPhrases(BaseModel):
    """``rules/pay_phrases.yaml``: the pay extractor's and the pay rules' wording (see its header)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    sources: list[Source]
    groups: dict[str, PhraseGroup]

    @model_validator(mode="after")
    def _complete(self) -> "PayPhrases":
        missing = [g for g in PHRASE_GROUPS if g not in self.groups]
        if missing:
            raise ValueError(f"missing groups: {', '.join(missing)}")
        known = {s.id for s in self.sources}
        for name, g in self.groups.items():
            unknown = [s for s in g.source if s not in known]
            if unknown:
                raise ValueError(f"groups.{name}.source: unknown source id(s) {', '.join(unknown)}")
        return self


class TimeZone(BaseModel):
    """One US time zone: how it is written (``names`` as regular expressions in the four languages,
    ``abbreviations``) and the states (ISO 3166-2) wholly or partly in it, per ``section`` of 49 CFR Part 71."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    section: str
    source: list[str] = Field(min_length=1)
    names: list[str] = Field(min_length=1)
    abbreviations: list[str] = Field(default_factory=list)
    states: list[str] = Field(min_length=1)

    @model_validator(mode="after")
    def _check(self) -> "TimeZone":
        for p in self.names:
            try:
                re.compile(p, re.I)
            except re.error as exc:
                raise ValueError(f"name {p!r} is not a valid regular expression: {exc}") from None
        bad = [r for r in self.states if not re.fullmatch(_REGION, r)]
        if bad:
            raise ValueError(f"states are not ISO 3166-2 codes: {', '.join(bad)}")
        return self


class TimeZoneData(BaseModel):
    """``rules/timezones.yaml``: US time zones and their states (49 CFR Part 71)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    sources: list[Source]
    zones: dict[str, TimeZone]

    @model_validator(mode="after")
    def _check(self) -> "TimeZoneData":
        known = {s.id for s in self.sources}
        for name, z in self.zones.items():
            unknown = [r for r in z.source if r not in known]
            if unknown:
                raise ValueError(f"zones.{name}.source: unknown source id(s) {', '.join(unknown)}")
        return self


@lru_cache(maxsize=None)
def timezones() -> TimeZoneData:
    """The US time zones (``rules/timezones.yaml``). Raises ``RuleDataError``."""
    return load_model(rules_dir() / "timezones.yaml", TimeZoneData)


@lru_cache(maxsize=None)
def pay_phrases() -> PayPhrases:
    """The pay wording (``rules/pay_phrases.yaml``). Raises ``RuleDataError``."""
    return load_model(rules_dir() / "pay_phrases.yaml", PayPhrases)


@lru_cache(maxsize=None)
def jurisdictions() -> JurisdictionData:
    """The built-in jurisdiction table (``rules/jurisdictions.yaml``). Raises ``RuleDataError``."""
    return load_model(rules_dir() / "jurisdictions.yaml", JurisdictionData)


@lru_cache(maxsize=None)
def currencies() -> CurrencyData:
    """The built-in currency table (``rules/currencies.yaml``). Raises ``RuleDataError``."""
    return load_model(rules_dir() / "currencies.yaml", CurrencyData)


@lru_cache(maxsize=None)
def jobposting() -> JobPostingData:
    """The built-in JobPosting property lists (``rules/jobposting.yaml``). Raises ``RuleDataError``."""
    return load_model(rules_dir() / "jobposting.yaml", JobPostingData)


# -- where a posting is -----------------------------------------------------------------------------

@dataclass
class Place:
    """Where a posting's job is, as far as the posting says.

    ``countries``: ISO 3166-1 alpha-2 codes (first = most direct evidence);
    ``regions``: ISO 3166-2 codes; ``places``: lower-case location strings for
    matching city names; ``remote``: the job is fully remote; ``headcount``:
    the employer's employee count if given; ``country_span``/``country_origin``:
    where the first country was written (``None`` for config or derived values);
    ``allowed_regions``: for a remote job open to several states or a US time zone, those states
    (ISO 3166-2): they narrow the remote-covering laws to theirs, and add none (see :func:`covers`).
    """

    countries: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    remote: bool = False
    headcount: int | None = None
    allowed_regions: list[str] = field(default_factory=list)
    country_span: tuple[int, int] | None = None
    country_origin: str | None = None

    @property
    def country(self) -> str | None:
        """The first country, or ``None``."""
        return self.countries[0] if self.countries else None


_SPLIT = re.compile(r"\s*(?:[,;/|]|\bor\b|\band\b|\bet\b|\boder\b|\bund\b|\by\b|\bo\b)\s*", re.I)
_EXTRA_NAMES = {"usa": "US", "u.s.": "US", "u.s.a.": "US", "united states of america": "US", "america": "US",
                "uk": "GB", "u.k.": "GB", "great britain": "GB", "england": "GB", "scotland": "GB", "wales": "GB",
                "deutschland": "DE", "allemagne": "DE", "alemania": "DE", "österreich": "AT", "autriche": "AT",
                "schweiz": "CH", "suisse": "CH", "espagne": "ES", "españa": "ES", "spanien": "ES",
                "frankreich": "FR", "francia": "FR", "south korea": "KR", "russia": "RU", "czech republic": "CZ",
                "the netherlands": "NL", "holland": "NL", "vietnam": "VN", "taiwan": "TW", "iran": "IR",
                "bolivia": "BO", "venezuela": "VE", "tanzania": "TZ", "moldova": "MD", "turkey": "TR", "türkiye": "TR"}


@lru_cache(maxsize=512)
def country_code(value: str) -> str | None:
    """ISO 3166-1 alpha-2 code for a code, alpha-3 code or English country name; ``None`` if none.

    ``"us"`` → ``US``; ``"USA"`` → ``US``; ``"United Kingdom"`` and ``"UK"`` → ``GB``; ``"Europe"`` → ``None``.
    """
    v = value.strip().strip(".").strip()
    if not v or len(v) > 60:
        return None
    low = v.lower()
    if low in _EXTRA_NAMES:
        return _EXTRA_NAMES[low]
    import pycountry

    from adlint import ruledata

    if len(v) == 2 and v.isalpha():
        up = v.upper()
        fix = ruledata.locale().country_fixes.get(up)
        if fix:
            return fix
        return up if pycountry.countries.get(alpha_2=up) is not None else None
    if len(v) == 3 and v.isalpha() and v.isupper():
        c = pycountry.countries.get(alpha_3=v)
        return c.alpha_2 if c is not None else None
    try:
        return pycountry.countries.lookup(v).alpha_2
    except LookupError:
        return None


@lru_cache(maxsize=64)
def _subdivisions(country: str) -> dict[str, str]:
    """Lower-case subdivision code suffixes and names → ISO 3166-2 code, for one country."""
    import pycountry

    out: dict[str, str] = {}
    for sub in pycountry.subdivisions.get(country_code=country) or []:
        out[sub.code.split("-", 1)[1].lower()] = sub.code
        out[sub.name.lower()] = sub.code
    return out


def region_code(value: str, country: str | None) -> str | None:
    """ISO 3166-2 code for ``"US-CO"``, or ``"CO"``/``"Colorado"`` with ``country`` ``"US"``; else ``None``."""
    v = value.strip()
    m = re.fullmatch(r"([A-Za-z]{2})-([A-Za-z0-9]{1,3})", v)
    if m:
        code = f"{m.group(1).upper()}-{m.group(2).upper()}"
        return code if m.group(2).lower() in _subdivisions(m.group(1).upper()) else None
    if not country:
        return None
    return _subdivisions(country).get(v.lower())


def _texts(value: Any) -> Iterable[str]:
    """Strings inside a metadata value: a string, the ``name`` of a mapping, or list members."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key in ("name", "addressCountry", "addressRegion", "addressLocality"):
            v = value.get(key)
            if isinstance(v, (str, dict)):
                yield from _texts(v)
    elif isinstance(value, list):
        for item in value[:20]:
            yield from _texts(item)


def _from_location_text(text: str, place: Place) -> None:
    """Read "Mountain View, CA, United States" or "Denver, CO" into ``place``."""
    parts = [p.strip() for p in re.split(r"\s*(?:,|\s[-–—|]\s|[()])\s*", text)
             if p.strip() and not re.fullmatch(r"(?i)remote|hybrid|anywhere|worldwide|home\s?office|télétravail", p.strip())]
    if not parts:
        return
    country = None
    last = parts[-1]
    if len(parts) >= 2 and len(last) == 2 and last.isupper() and region_code(last, "US"):
        country = "US"  # "Denver, CO": the US convention City, ST wins over a country code
    else:
        for part in reversed(parts):
            country = country_code(part) if len(part) > 2 or (part.isupper() and part is last) else None
            if country:
                break
    if country and country not in place.countries:
        place.countries.append(country)
    ctry = country or (place.countries[0] if place.countries else None)
    for part in parts[1:]:
        reg = region_code(part, ctry)
        if reg and reg not in place.regions:
            place.regions.append(reg)
    place.places.append(", ".join(parts).lower())


_PLACE_WORDS = re.compile(r"[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*){0,2}")
_LIST_SEP = re.compile(r"\s*(?:,|/|\bor\b|\band\b|\bou\b|\boder\b|\bo\b|\bet\b|\bund\b|\by\b)\s*")


def _regions_after(text: str, pos: int, countries: list[str]) -> list[str]:
    """ISO 3166-2 codes of the places listed at ``pos`` ("Texas", "NM", "Texas, Florida or Georgia"), for
    ``countries``. A two-letter code must be upper case ("IN" is Indiana, "in" is not)."""
    out: list[str] = []
    while True:
        m = _PLACE_WORDS.match(text, pos)
        if m is None:
            return out
        words = m.group(0).split()
        found = None
        for n in range(len(words), 0, -1):  # the longest name first: "New Mexico" before "New"
            name = " ".join(words[:n]).rstrip(".")
            if len(name) == 2 and not name.isupper():
                continue
            found = next((r for c in countries for r in [region_code(name, c)] if r), None)
            if found:
                pos = m.start() + len(" ".join(words[:n]))
                break
        if found is None:
            return out
        out.append(found)
        sep = _LIST_SEP.match(text, pos)
        if sep is None or sep.end() == pos:
            return out
        pos = sep.end()


_ZONE_JOIN = r"\s*(?:,|/|&|\bor\b|\band\b|\bou\b|\bet\b|\boder\b|\bund\b|\bo\b|\by\b)\s*(?:the\s+)?"


@lru_cache(maxsize=1)
def _zone_phrase() -> tuple[re.Pattern[str], list[tuple[list[str], re.Pattern[str]]]]:
    """The regex of a time-zone phrase at a position ("the Central time zone", "Eastern or Central time",
    "EST/CST", "fuseau horaire de l'Est", "zona horaria del Pacífico", "Pacific-Zeitzone"), and per zone
    the regex finding it inside such a phrase, from ``rules/timezones.yaml``."""
    zones = timezones().zones.values()
    names = "|".join(f"(?:{n})" for z in zones for n in z.names)
    abbrs = "|".join(a for z in zones for a in z.abbreviations)
    one = rf"(?:{names}|\b(?:{abbrs})\b)"
    many = rf"{one}(?:{_ZONE_JOIN}{one})*"
    abbr_many = rf"\b(?:{abbrs})\b(?:{_ZONE_JOIN}\b(?:{abbrs})\b)*"
    phrase = (rf"(?:the\s+|der\s+|le\s+|la\s+|el\s+|les\s+|los\s+)?(?:"
              rf"(?:{many})\s+(?:standard\s+)?time(?:\s*zones?)?\b"          # Central time zone, Pacific Time
              rf"|(?:{many})[-\s]?Zeitzonen?"                                  # Pacific-Zeitzone
              rf"|(?:fuseaux?|zones?)\s+horaires?\s+(?:{many})"               # fuseau horaire de l'Est
              rf"|zonas?\s+horarias?\s+(?:{many})"                            # zona horaria del Pacífico
              rf"|{abbr_many})")                                              # EST/CST (not ET, CT: Connecticut)
    per_zone = []
    for z in zones:
        alts = [f"(?:{n})" for n in z.names] + [rf"\b{a}\b" for a in z.abbreviations]
        per_zone.append((z.states, re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)", re.I)))
    return re.compile(phrase, re.I), per_zone


def zone_states_at(text: str, pos: int) -> list[str]:
    """States (ISO 3166-2) of the US time zones named at ``pos`` ("the Central time zone" → Alabama...
    Wisconsin; see ``rules/timezones.yaml``), or ``[]`` when no time zone is named there."""
    rx, per_zone = _zone_phrase()
    m = rx.match(text, pos)
    if m is None:
        return []
    out: list[str] = []
    for states, zone_rx in per_zone:
        if zone_rx.search(m.group(0)):
            out.extend(s for s in states if s not in out)
    return out


#: Words before a place list that make it the places left out ("not accepting applications from candidates
#: residing in", "except residents of"), in the four languages.
_EXCLUDED = re.compile(r"\b(?:not|no|cannot|can['’]t|unable|except(?:ing)?|excluding|outside(?:\s+of)?|nicht|kein\w*|"
                       r"au[sß]er|ausgenommen|pas|sauf|hors|excepto|salvo|fuera)\b|n['’]t\b", re.I)


def _clause_start(text: str, pos: int) -> str:
    """The words before ``pos`` in its sentence (at most 80 characters)."""
    before = text[max(0, pos - 80):pos]
    cut = list(re.finditer(r"[.;!?](?:\s|$)|\n", before))
    return before[cut[-1].end():] if cut else before


def residence_limits(posting: "Posting", countries: list[str]) -> tuple[list[str], list[str]]:
    """Where the posting restricts applicants to live, for the posting's ``countries``, as ``(places,
    allowed)`` (ISO 3166-2). ``places``: one state named alone ("reside within the state of Texas",
    "(Remote in NM)", "résider en Ontario"), where the job then is. ``allowed``: several states ("Available
    States: Utah, Texas, Florida", "must live in one of ...", "open to candidates in Texas or Florida") or
    a US time zone ("open to qualified candidates in the Central time zone": its states per
    ``rules/timezones.yaml``), which narrow a remote job's laws to those states' remote-covering laws.
    Wording: ``residence`` in ``rules/pay_phrases.yaml``; not after a negation ("not accepting
    applications from residents of ...")."""
    if not countries:
        return [], []
    from adlint.pay import RESIDENCE_RE, text_runs

    places: list[str] = []
    allowed: list[str] = []
    for run in text_runs(posting):
        for m in RESIDENCE_RE.finditer(run.text):
            if _EXCLUDED.search(_clause_start(run.text, m.start())):
                continue  # "not accepting applications from candidates residing in ...": places left out
            regs = _regions_after(run.text, m.end(), countries)
            into = places if len(regs) == 1 else allowed
            if not regs and "US" in countries:
                regs, into = zone_states_at(run.text, m.end()), allowed
            into.extend(r for r in regs if r not in into)
    return places, allowed


#: A contract role paid as an employee (US W-2), which the employee pay laws do cover.
_W2_RE = re.compile(r"\bW-?2\b", re.I)


def freelance_stated(posting: "Posting") -> bool:
    """The text states the role as freelance or independent-contractor work ("a part-time, remote freelance
    position", "as an independent contractor", "1099 contract", "freiberufliche Tätigkeit", "mission
    freelance", "como autónomo"; ``freelance`` in ``rules/pay_phrases.yaml``), does not call it a W-2
    (employee) contract, and JSON-LD ``employmentType`` names no employee kind (FULL_TIME, TEMPORARY,
    INTERN, PER_DIEM). Employee pay laws (Colorado's Equal Pay for Equal Work Act and its kin) do not cover
    such a role. Cached on the posting."""
    key = "adlint.paydata.freelance"
    if key in posting.cache:
        return posting.cache[key]
    from adlint.pay import FREELANCE_RE, find_in_posting

    result = (not (_employment_types(posting) & {"FULL_TIME", "TEMPORARY", "INTERN", "PER_DIEM"})
              and next(find_in_posting(posting, FREELANCE_RE), None) is not None and not _says_w2(posting))
    posting.cache[key] = result
    return result


def contractor_only(posting: "Posting") -> bool:
    """The posting is for a contractor, not an employee: JSON-LD ``employmentType`` (or ``employment_type``
    metadata) names only CONTRACTOR and the text does not call it W-2, or :func:`freelance_stated`. The
    benefit-disclosure duties (AD604) describe employees' benefits, so either is enough there; the pay rules
    need the text's own wording (:func:`freelance_stated`), since a "contract role" in JSON-LD may still be
    an employee one (judged so on the corpus)."""
    if _employment_types(posting) == {"CONTRACTOR"} and not _says_w2(posting):
        return True
    return freelance_stated(posting)


def _employment_types(posting: "Posting") -> set[str]:
    """JSON-LD ``employmentType`` (or ``employment_type`` metadata) values, upper case with underscores."""
    job = posting.jsonld if isinstance(posting.jsonld, dict) else {}
    kinds = job.get("employmentType", posting.meta("employment_type"))
    kinds = [kinds] if isinstance(kinds, str) else kinds if isinstance(kinds, list) else []
    return {str(k).strip().upper().replace("-", "_").replace(" ", "_") for k in kinds}


def _says_w2(posting: "Posting") -> bool:
    """The text calls the role a W-2 (employee) engagement."""
    from adlint.pay import find_in_posting

    return next(find_in_posting(posting, _W2_RE), None) is not None


def _truthy(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return value.strip().lower() in ("true", "yes", "y", "remote", "fully remote", "full remote", "100% remote",
                                         "telecommute", "oui", "ja", "sí", "si")
    return False


def _headcount(employer: Any) -> int | None:
    if not isinstance(employer, dict):
        return None
    for key in ("headcount", "employees", "numberOfEmployees", "size"):
        v = employer.get(key)
        if isinstance(v, dict):
            v = v.get("value", v.get("maxValue"))
        if isinstance(v, bool):
            continue
        if isinstance(v, int):
            return v
        if isinstance(v, float):
            return int(v)
        if isinstance(v, str) and v.strip().isdigit():
            return int(v.strip())
    return None


def posting_place(posting: "Posting") -> Place:
    """Where the posting's job is (cached on the posting). Never raises."""
    key = "adlint.paydata.place"
    if key in posting.cache:
        return posting.cache[key]
    place = Place()
    meta = posting.metadata
    f = meta.get("country")
    if f is not None:
        for text in _texts(f.value):
            code = country_code(text)
            if code and code not in place.countries:
                place.countries.append(code)
                if place.country_span is None:
                    place.country_span, place.country_origin = f.span, f.origin
    job = posting.jsonld if isinstance(posting.jsonld, dict) else {}
    locs = job.get("jobLocation")
    for loc in locs if isinstance(locs, list) else [locs]:
        addr = loc.get("address") if isinstance(loc, dict) else None
        if isinstance(addr, dict):
            for c in _texts(addr.get("addressCountry")):
                code = country_code(c)
                if code and code not in place.countries:
                    place.countries.append(code)
            ctry = place.countries[0] if place.countries else None
            for r in _texts(addr.get("addressRegion")):
                reg = region_code(r, ctry)
                if reg and reg not in place.regions:
                    place.regions.append(reg)
            locality = addr.get("addressLocality")
            if isinstance(locality, str):
                place.places.append(", ".join(x for x in (locality, addr.get("addressRegion")) if isinstance(x, str)).lower())
    for text in _texts(job.get("applicantLocationRequirements")):
        for part in _SPLIT.split(text):
            code = country_code(part) if part else None
            if code and code not in place.countries:
                place.countries.append(code)
    rf = meta.get("region")
    if rf is not None:
        for text in _texts(rf.value):
            reg = region_code(text, place.country)
            if reg and reg not in place.regions:
                place.regions.append(reg)
                if reg[:2] not in place.countries:
                    place.countries.append(reg[:2])
    lf = meta.get("location")
    if lf is not None:
        for text in _texts(lf.value):
            if re.search(r"\bremote\b|\btélétravail\b|\bhome\s?office\b|\bremoto\b", text, re.I):
                place.remote = True
            _from_location_text(text, place)
    place.remote = place.remote or _truthy(posting.meta("remote")) or job.get("jobLocationType") == "TELECOMMUTE"
    places, allowed = residence_limits(posting, place.countries)
    for reg in places:
        if reg not in place.regions:
            place.regions.append(reg)
    place.allowed_regions = allowed
    place.headcount = _headcount(posting.meta("employer"))
    posting.cache[key] = place
    return place


# -- which laws apply ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Applicable:
    """A jurisdiction that covers a posting: ``via`` is ``"region"``, ``"city"``, ``"country"`` or
    ``"remote"``; ``assumed_size`` is true when the employer's head count is unknown."""

    jurisdiction: Jurisdiction
    via: str
    assumed_size: bool

    def describe(self) -> str:
        """The law and why it applies, for messages."""
        j = self.jurisdiction
        text = j.cite()
        if self.via == "remote":
            text += f"; it covers remote jobs open to applicants in {j.name}"
        if self.assumed_size and j.employer_threshold > 1:
            text += f"; applies to employers with {j.employer_threshold}+ employees (head count unknown: assumed)"
        return text


def _city_match(names: list[str], place: Place) -> bool:
    for text in place.places:
        for name in names:
            if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text):
                return True
    return False


def covers(record: Any, place: Place) -> str | None:
    """How ``record`` (a jurisdiction-like model with country/region/cities/covers_remote) covers
    ``place``: ``"city"``, ``"region"``, ``"country"``, ``"remote"``, or ``None``."""
    if record.country not in place.countries:
        return None
    own_regions = [r for r in place.regions if r.startswith(record.country + "-")]
    allowed = [r for r in place.allowed_regions if r.startswith(record.country + "-")]
    # A remote job open only to some states (a list, a time zone) is covered by the remote-covering laws of
    # those states only: the list narrows, it does not place the job in each state.
    remote_ok = (getattr(record, "covers_remote", False) and place.remote and not own_regions
                 and (not allowed or record.region is None or record.region in allowed))
    cities = getattr(record, "cities", None) or []
    if cities:
        if _city_match(cities, place) and (record.region is None or not own_regions or record.region in own_regions):
            return "city"
        return "remote" if remote_ok else None
    if record.region:
        if record.region in own_regions:
            return "region"
        return "remote" if remote_ok else None
    if place.remote and len(place.countries) > 1:
        return None  # a remote job open to several countries is not "in" any one of them
    return "country"


def applicable(posting: "Posting", day: date, requirement: str | None = None) -> list[Applicable]:
    """Jurisdictions whose posting duty covers ``posting`` on ``day``, optionally only those requiring
    ``requirement`` (see :data:`Requirement`). Employers below a known head-count threshold are left out."""
    place = posting_place(posting)
    if not place.countries:
        return []
    out: list[Applicable] = []
    for j in jurisdictions().jurisdictions:
        if j.trigger != "posting" or not j.in_force(day):
            continue
        if requirement is not None and requirement not in j.requires:
            continue
        via = covers(j, place)
        if via is None:
            continue
        if place.headcount is not None and place.headcount < j.employer_threshold:
            continue
        out.append(Applicable(j, via, place.headcount is None))
    return out


def strongest(found: list[Applicable], day: date, strong: Severity = Severity.ERROR) -> Severity:
    """The highest severity among ``found`` jurisdictions on ``day`` (info when empty)."""
    return max((a.jurisdiction.severity(day, strong) for a in found), default=Severity.INFO)
