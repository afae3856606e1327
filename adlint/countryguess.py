"""The country a posting's text names for the job, when it names exactly one.

:func:`guess_country` reads the title and the text for the usual ways a
posting gives its place: ``"London, UK"``, ``"Berlin, DE"``, ``"Paris,
France"``, ``"Remote (US)"``, ``"Remote - Canada"``. It is conservative, so
that AD406 never offers a wrong country:

* a place counts only in the title, in a location section, or on a line that
  says it is about the place (``location``, ``based in``, ``office``,
  ``remote``, ``Standort``, ``lieu``, ``ubicación``...);
* country codes count only in upper case, and names only capitalised
  (pycountry's names, alpha-2 codes, and the usual ``UK``/``USA``; no
  alpha-3 codes: ``GTM`` is go-to-market more often than Guatemala; and
  not the alpha-2 codes postings use as other abbreviations: ``AI``, ``CI``,
  ``IT``, ``QA``, ``SE``);
* a two-letter code that is also a US state (``DE`` Delaware, ``CA``
  California, ``IN`` Indiana) counts only when the word before it names one of
  that country's subdivisions (``Berlin, DE``); otherwise it makes the whole
  guess ambiguous;
* a name that is also a US state (``Georgia``) makes the guess ambiguous;
* two different countries make it ambiguous.

An ambiguous text gives no guess at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    from adlint.posting import Posting, TextRun

#: Section id of the location section (``rules/sections.yaml``).
LOCATION_SECTION = "location_and_work_model"

#: Words that say a line is about where the job is (lower case; matched as words).
_PLACE_WORDS = re.compile(
    r"(?i)\b(?:locations?|located|based|office|offices|hq|headquarter(?:s|ed)?|remote|hybrid|on-?site|"
    r"relocat\w*|city|where|work\s+from|standort|arbeitsort|dienstort|sitz|lieu|localisation|bureaux?|"
    r"ubicaci[oó]n|sede|oficina|télétravail|remoto)\b")

_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’.\-]*"
#: ", XX" / ", Country Name" after a place: a comma, then a code or a capitalised name.
_COMMA_COUNTRY = re.compile(rf",[ \t]*(?P<country>{_WORD}(?: {_WORD}){{0,3}})")
#: The capitalised place right before that comma ("Berlin", "New York", "Frankfurt am Main" is not needed).
_CITY_BEFORE = re.compile(rf"(?P<city>{_WORD}(?:[ \-]{_WORD}){{0,3}})$")
#: "Remote (US)", "Remote - Canada", "Remote, UK", "Remote: Germany".
_REMOTE_COUNTRY = re.compile(rf"(?i:remote|fully remote|hybrid)[ \t]*[(\-–—,:|/][ \t]*(?P<country>{_WORD}(?: {_WORD}){{0,3}})")
#: What may follow a country for it to stand alone ("UK)", "UK.", "UK" at the end of the line).
_AFTER = re.compile(r"[ \t]*(?:$|[)\].,;:|/•·–—\-])")


#: Alpha-2 codes that postings mostly use as other abbreviations (AI, CI/CD, IT, QA, SE, CV, BA/MA degrees,
#: LA): never read as a country.
_NOT_COUNTRIES = frozenset({
    "AI", "AM", "AS", "AT", "BA", "BE", "BI", "CD", "CI", "CV", "DO", "EE", "EG", "GO", "HR", "ID", "IN", "IO",
    "IS", "IT", "LA", "MA", "ME", "ML", "MS", "NO", "PA", "PE", "PM", "PR", "PS", "QA", "SA", "SE", "SO", "TO",
    "TV",
})


@dataclass(frozen=True, slots=True)
class CountryGuess:
    """A country the text names: ``code`` (ISO 3166-1 alpha-2), the words as written, and their source span."""

    code: str
    words: str
    span: tuple[int, int]


@lru_cache(maxsize=1)
def _us_states() -> tuple[frozenset[str], frozenset[str]]:
    """US subdivision code suffixes (upper case) and names (lower case)."""
    import pycountry

    subs = pycountry.subdivisions.get(country_code="US") or []
    return (frozenset(s.code.split("-", 1)[1] for s in subs), frozenset(s.name.lower() for s in subs))


@lru_cache(maxsize=64)
def _subdivision_names(country: str) -> frozenset[str]:
    """Lower-case names of the subdivisions of ``country`` (``"berlin"``, ``"bayern"``...)."""
    import pycountry

    return frozenset(s.name.lower() for s in pycountry.subdivisions.get(country_code=country) or [])


def _code(words: str) -> tuple[str | None, bool]:
    """``(alpha-2 code, ambiguous)`` for a country written as ``words``; ``(None, False)`` when none.

    Upper-case codes of two or three letters, or capitalised names (the
    longest leading run of words that names a country: "United Kingdom and").
    """
    from adlint.paydata import country_code

    parts = words.split()
    for n in range(len(parts), 0, -1):
        w = " ".join(parts[:n]).rstrip(".")
        if len(w) <= 3:
            # Alpha-2 codes only ("GTM" is go-to-market more often than Guatemala), and the usual "USA".
            if not ((len(w) == 2 and w.isalpha() and w.isupper()) or w in ("USA", "U.S", "U.K", "U.S.A")):
                continue
            if w in _NOT_COUNTRIES:
                continue
        code = country_code(w)
        if code is None:
            continue
        states, state_names = _us_states()  # only now: pycountry's subdivisions take ~70 ms to load
        if len(w) == 2 and w in states:
            return code, True
        if len(w) > 3 and w.lower() in state_names:
            return code, True
        return code, False
    return None, False


def _runs(posting: "Posting") -> Iterator[tuple["TextRun", bool]]:
    """Text runs to read, with whether the whole run is about the place (title, location section)."""
    if posting.title is not None:
        yield posting.title, True
    for section in posting.sections:
        in_location = section.id == LOCATION_SECTION
        if section.heading is not None:
            yield section.heading, in_location
        for block in section.blocks:
            yield block.run, in_location


def _candidates(posting: "Posting") -> Iterator[tuple[CountryGuess | None, bool]]:
    """Each country named in a place context: ``(guess, ambiguous)``; an ambiguous one has no guess.

    A code or name that does not stand alone ("UK and ...", "IT department")
    is yielded as ambiguous.
    """
    seen: set[tuple[int, int]] = set()
    for run, whole in _runs(posting):
        text = run.text
        for line_m in re.finditer(r"[^\n]+", text):
            line = line_m.group()
            if not whole and not _PLACE_WORDS.search(line):
                continue
            for rx in (_REMOTE_COUNTRY, _COMMA_COUNTRY):
                for m in rx.finditer(line):
                    city = None
                    if rx is _COMMA_COUNTRY:
                        before = _CITY_BEFORE.search(line, 0, m.start())
                        if before is None:
                            continue  # "..., Germany" after lower-case words is a list, not a place
                        city = before.group("city")
                    words = m.group("country")
                    code, ambiguous = _code(words)
                    if code is None:
                        continue
                    parts = words.split()
                    # the words that make the code: the shortest leading run naming it
                    used = next(" ".join(parts[:n]) for n in range(1, len(parts) + 1)
                                if _code(" ".join(parts[:n]))[0] == code).rstrip(".")
                    a = line_m.start() + m.start("country")
                    b = a + len(used)
                    if (a, b) in seen:
                        continue
                    seen.add((a, b))
                    if not _AFTER.match(text, b):
                        # "London, UK and Paris": a country, but not standing alone; too unsure to offer,
                        # and enough to make another country found nearby doubtful.
                        yield None, True
                        continue
                    if ambiguous and city and city.split()[-1].lower() in _subdivision_names(code):
                        ambiguous = False  # "Berlin, DE": Berlin is a German Land, not a US county
                    yield (None if ambiguous else CountryGuess(code, used, run.span(a, b))), ambiguous


def guess_country(posting: "Posting") -> CountryGuess | None:
    """The one country the posting's text names for the job, or ``None`` (none, several, or ambiguous).

    Never raises; cached on the posting.
    """
    key = "adlint.countryguess"
    if key in posting.cache:
        return posting.cache[key]
    found: dict[str, CountryGuess] = {}
    ambiguous = False
    try:
        for guess, unsure in _candidates(posting):
            if unsure:
                ambiguous = True
                break
            assert guess is not None
            found.setdefault(guess.code, guess)
    except Exception:  # a guess is a courtesy: never let it break a rule
        found, ambiguous = {}, True
    result = next(iter(found.values())) if len(found) == 1 and not ambiguous else None
    posting.cache[key] = result
    return result
