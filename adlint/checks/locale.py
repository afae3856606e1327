"""AD4xx: language and country metadata.

Language tags are validated against the IANA Language Subtag Registry through
the ``language-tags`` package (BCP 47 / RFC 5646); countries against ISO
3166-1 through ``pycountry``. ``rules/locale.yaml`` only supplies suggestions
for known mistakes. Both libraries load lazily: only when a value is present.
"""

from __future__ import annotations

from typing import Any, Iterable

from adlint.diagnostics import Diagnostic, Edit, Fix, Severity
from adlint.posting import MetaField, Posting
from adlint.rule import NoOptions, Rule

_DEPRECATED_TAG = 1
_DEPRECATED_SUBTAG = 11


def _fix(posting: Posting, f: MetaField, new: str, what: str) -> Fix | None:
    span = f.value_span(posting.source)
    if span is None or f.origin.startswith("config") or posting.source[span[0]:span[1]] != f.value:
        return None
    return Fix((Edit(span[0], span[1], new),), f"{what} '{f.value}' → '{new}'", "safe")


def language_analysis(value: str) -> tuple[str, str | None, str]:
    """Judge a language tag.

    Returns ``(verdict, suggestion, reason)`` where ``verdict`` is ``"ok"``,
    ``"invalid"``, ``"deprecated"`` or ``"case"`` and ``suggestion`` the tag to
    use instead (``None`` when there is no single right one).
    """
    from language_tags import tags

    from adlint import ruledata

    fixes = ruledata.locale()
    tag = tags.tag(value)
    if tag.valid:
        canonical = tag.format
        return ("ok", None, "") if canonical == value else ("case", canonical, "letter case is not canonical")
    codes = {e.code for e in tag.errors}
    if codes <= {_DEPRECATED_TAG, _DEPRECATED_SUBTAG}:
        if tag.preferred is not None:
            return "deprecated", tag.preferred.format, "the tag is deprecated in the IANA registry"
        parts = []
        for sub in value.split("-"):
            ls = tags.language(sub) if not parts else (tags.region(sub) if len(sub) in (2, 3) else None)
            parts.append(ls.preferred.format if ls is not None and ls.deprecated and ls.preferred else sub)
        suggestion = tags.tag("-".join(parts)).format
        return "deprecated", suggestion, "a subtag is deprecated in the IANA registry"
    # Invalid: try the usual mistakes one after the other.
    candidate = value.strip().replace("_", "-")
    subtags = candidate.split("-")
    primary = subtags[0].lower()
    reasons = ["BCP 47 separates subtags with '-', not '_'"] if "_" in value else []
    # A known mistake only where the subtag is not valid itself ('br' is Breton, not Brazil).
    if primary in fixes.language_fixes and tags.language(primary) is None:
        reasons.append(f"'{subtags[0]}' is not an ISO 639-1 language code")
        subtags[0] = fixes.language_fixes[primary]
    if len(subtags) > 1 and fixes.country_fixes.get(subtags[1].upper()):
        region = subtags[1].upper()
        subtags[1] = fixes.country_fixes[region] or subtags[1]
        reasons.append(fixes.notes.get(region, f"{region} is not an ISO 3166-1 region code"))
    candidate = "-".join(subtags)
    fixed = tags.tag(candidate)
    reason = "; ".join(reasons or [e.message.rstrip(".") for e in tag.errors]) or "not a valid BCP 47 tag"
    if fixed.valid:
        return "invalid", fixed.format, reason
    return "invalid", None, reason


def country_analysis(value: str) -> tuple[str, str | None, str]:
    """Judge a country code: ``(verdict, suggestion, reason)`` as :func:`language_analysis`.

    Verdicts: ``"ok"``, ``"invalid"``, ``"case"``.
    """
    import pycountry

    from adlint import ruledata

    fixes = ruledata.locale()
    v = value.strip()
    up = v.upper()
    if len(v) == 2 and v.isalpha():
        if pycountry.countries.get(alpha_2=up) is not None:
            return ("ok", None, "") if v == up else ("case", up, "ISO 3166-1 codes are upper case")
        if up in fixes.country_fixes:
            return "invalid", fixes.country_fixes[up], fixes.notes.get(up, f"{up} is not an ISO 3166-1 code")
        old = pycountry.historic_countries.get(alpha_2=up)
        if old is not None:
            return "invalid", None, f"{up} ({old.name}) was withdrawn from ISO 3166-1"
        return "invalid", None, f"{up} is not an assigned ISO 3166-1 alpha-2 code"
    if len(v) == 3 and v.isalpha():
        c = pycountry.countries.get(alpha_3=up)
        if c is not None:
            return "invalid", c.alpha_2, f"{up} is an alpha-3 code; use alpha-2"
    try:
        c = pycountry.countries.lookup(v)
        return "invalid", c.alpha_2, f"'{v}' is a country name, not a code"
    except LookupError:
        return "invalid", None, f"'{v}' is not an ISO 3166-1 alpha-2 code"


#: ISO 639-1 codes the detector returns most that are valid BCP 47 tags unchanged (IANA registry, 2026).
_PLAIN_TAGS = frozenset("en fr de es it nl pt pl sv da nb fi cs ja zh ru uk tr ar ko".split())


def offered_language(posting: Posting) -> str | None:
    """The language detected from the posting's text as a valid BCP 47 tag (``"en"``), or ``None``.

    ``None`` when no detector is installed, the text is too short or the
    detection unsure, or the detected code is no valid tag.
    """
    from adlint.language import detected_language

    lang = detected_language(posting)
    if not lang:
        return None
    if lang in _PLAIN_TAGS:  # valid as they are: skip loading the IANA registry (about 35 ms) for them
        return lang
    verdict, suggestion, _ = language_analysis(lang)
    if verdict == "ok":
        return lang
    return suggestion if verdict in ("deprecated", "case") else None


class MissingLanguage(Rule):
    """AD401: no language declared for the posting.

    The message says where this file's format declares a language, with the
    language detected from the text when there is one. Markdown gets an unsafe
    fix that writes it: a ``language:`` key added to the front matter, or a
    front matter added at the top.
    """

    code = "AD401"
    name = "missing-language"
    severity = Severity.WARNING
    fixable = "unsafe"
    summary = "The posting declares no language (`language` in front matter, `<html lang>`, `inLanguage`)."
    why = ("The language decides which word lists, section headings and readability formula apply, and job "
           "boards and search engines show a posting to readers of its declared language. Markdown and YAML "
           "declare it with the `language:` key, an HTML page with `<html lang>`, JSON-LD with `inLanguage`. "
           "Plain text and HTML fragments have no place for it: give it in a `[[metadata]]` table of the "
           "configuration (matched by path), or for every posting with `default-language`. The message offers "
           "the language detected from the text; on Markdown, `--fix --unsafe-fixes` writes it into the front "
           "matter (check it first: detection can be wrong on short or mixed text).")
    source = "BCP 47 (RFC 5646); schema.org JobPosting inLanguage (via CreativeWork)"
    example_fires = "---\ntitle: Data engineer\n---\n\n## Responsibilities\n"
    example_passes = "---\ntitle: Data engineer\nlanguage: en\n---\n\n## Responsibilities\n"

    def check(self, posting: Posting, options: NoOptions) -> Iterable[Diagnostic]:
        from adlint import declare

        if posting.meta("language") not in (None, ""):
            return
        value = offered_language(posting)
        msg = f"no language declared; {declare.language_hint(posting, value)}"
        if value:
            msg += f" (detected from the text: {value})"
        yield self.at(posting, None, msg, suggestion=value,
                      fix=declare.language_fix(posting, value) if value else None)


class InvalidLanguageTag(Rule):
    """AD402: the language is not a valid BCP 47 tag."""

    code = "AD402"
    name = "invalid-language-tag"
    severity = Severity.ERROR
    fixable = "safe"
    summary = "The declared language is not a valid BCP 47 tag (`fr_CA`, `en-UK`, `jp`)."
    why = ("An invalid tag is ignored or misread by job boards, browsers and search engines, and adlint cannot "
           "pick the right rules from it. Common mistakes are an underscore (`fr_CA` → `fr-CA`), a country code "
           "as language (`jp` → `ja`) and `UK` as region (`en-UK` → `en-GB`).")
    source = "BCP 47 / RFC 5646 and the IANA Language Subtag Registry; ISO 639-1"
    example_fires = "---\nlanguage: fr_CA\n---\n\n## Missions\n"
    example_passes = "---\nlanguage: fr-CA\n---\n\n## Missions\n"

    def check(self, posting: Posting, options: NoOptions) -> Iterable[Diagnostic]:
        f = posting.metadata.get("language")
        if f is None or f.value in (None, ""):
            return
        if not isinstance(f.value, str):
            yield self.at(posting, f.span, f"language must be a BCP 47 tag string, not {type(f.value).__name__}")
            return
        verdict, suggestion, reason = language_analysis(f.value)
        if verdict != "invalid":
            return
        msg = f"invalid language tag '{f.value}': {reason}"
        if suggestion:
            msg += f"; use '{suggestion}'"
        yield self.at(posting, f.value_span(posting.source), msg, suggestion=suggestion,
                      fix=_fix(posting, f, suggestion, "language tag") if suggestion else None)


class NonCanonicalLanguageTag(Rule):
    """AD403: a deprecated or non-canonical language tag."""

    code = "AD403"
    name = "deprecated-language-tag"
    severity = Severity.WARNING
    fixable = "safe"
    summary = "The language tag is deprecated (`iw` → `he`) or not in canonical case (`EN-us` → `en-US`)."
    why = ("Deprecated subtags are replaced in the IANA registry and may not be recognised by newer software; "
           "canonical case (language lower case, region upper case, script title case) is the convention every "
           "tool expects. Case alone is reported as info.")
    source = "IANA Language Subtag Registry (Deprecated and Preferred-Value fields); BCP 47 section 2.1.1"
    example_fires = "---\nlanguage: iw\n---\n\n## Responsibilities\n"
    example_passes = "---\nlanguage: he\n---\n\n## Responsibilities\n"

    def check(self, posting: Posting, options: NoOptions) -> Iterable[Diagnostic]:
        f = posting.metadata.get("language")
        if f is None or not isinstance(f.value, str) or not f.value:
            return
        verdict, suggestion, reason = language_analysis(f.value)
        if verdict == "deprecated":
            msg = f"deprecated language tag '{f.value}': {reason}" + (f"; use '{suggestion}'" if suggestion else "")
            yield self.at(posting, f.value_span(posting.source), msg, suggestion=suggestion,
                          fix=_fix(posting, f, suggestion, "language tag") if suggestion else None)
        elif verdict == "case" and suggestion:
            yield self.at(posting, f.value_span(posting.source),
                          f"language tag '{f.value}' is not in canonical case; write '{suggestion}'",
                          severity=Severity.INFO, suggestion=suggestion,
                          fix=_fix(posting, f, suggestion, "language tag"))


class MissingCountry(Rule):
    """AD406: no country declared for the posting.

    The message says where this file's format declares a country, with the
    country the text names for the job when it names exactly one
    (:mod:`adlint.countryguess`).
    """

    code = "AD406"
    name = "missing-country"
    severity = Severity.WARNING
    summary = ("The posting declares no country (`country` in front matter, JSON-LD `addressCountry` or "
               "`applicantLocationRequirements`).")
    why = ("Pay-transparency and anti-discrimination duties depend on the jurisdiction; without a country the "
           "legal rules cannot tell what applies. Markdown and YAML declare it with the `country:` key, JSON-LD "
           "with `jobLocation.address.addressCountry`. Plain text and HTML have no place for it: give it in a "
           "`[[metadata]]` table of the configuration (matched by path), or for every posting with "
           "`default-country`. When the text names exactly one country where it gives the place (\"London, UK\", "
           "\"Remote (US)\"), the message offers it; two countries, or a code that is also a US state "
           "(\"Wilmington, DE\"), give no offer.")
    source = "ISO 3166-1; schema.org PostalAddress addressCountry; Google job posting structured data"
    example_fires = "---\nlanguage: en\n---\n\n## Responsibilities\n"
    example_passes = "---\nlanguage: en\ncountry: GB\n---\n\n## Responsibilities\n"

    def check(self, posting: Posting, options: NoOptions) -> Iterable[Diagnostic]:
        if posting.meta("country") not in (None, ""):
            return
        from adlint import declare
        from adlint.countryguess import guess_country
        from adlint.paydata import posting_place

        # JSON-LD names the country in jobLocation or, for remote jobs, applicantLocationRequirements;
        # a region (from the file or the configuration) names its country too.
        if posting_place(posting).countries:
            return
        guess = guess_country(posting)
        value = guess.code if guess else None
        msg = f"no country declared; {declare.country_hint(posting, value)}"
        if guess is not None:
            line, col = posting.position(guess.span[0])
            msg += f" (the text names it: '{guess.words}' at {line}:{col})"
        yield self.at(posting, None, msg, suggestion=value)


class InvalidCountryCode(Rule):
    """AD407: the country is not an ISO 3166-1 alpha-2 code."""

    code = "AD407"
    name = "invalid-country-code"
    severity = Severity.ERROR
    fixable = "safe"
    summary = "The declared country is not an ISO 3166-1 alpha-2 code (`UK` → `GB`, `Germany` → `DE`)."
    why = ("The country selects the law that applies to the posting. `UK` is only 'exceptionally reserved' in "
           "ISO 3166-1 (the United Kingdom is `GB`), `EL` is the EU's name for Greece (`GR`), and names or "
           "alpha-3 codes are not what structured data expects. Lower case is reported as info.")
    source = "ISO 3166-1 (via pycountry); Google job posting structured data (addressCountry)"
    example_fires = "---\ncountry: UK\n---\n\n## Responsibilities\n"
    example_passes = "---\ncountry: GB\n---\n\n## Responsibilities\n"

    def check(self, posting: Posting, options: NoOptions) -> Iterable[Diagnostic]:
        f = posting.metadata.get("country")
        if f is None or f.value in (None, ""):
            return
        value: Any = f.value
        if not isinstance(value, str):
            yield self.at(posting, f.span, f"country must be an ISO 3166-1 alpha-2 code, not {type(value).__name__}")
            return
        verdict, suggestion, reason = country_analysis(value)
        if verdict == "ok":
            return
        sev = Severity.INFO if verdict == "case" else None
        msg = f"invalid country code '{value}': {reason}" + (f"; use '{suggestion}'" if suggestion else "")
        yield self.at(posting, f.value_span(posting.source), msg, severity=sev, suggestion=suggestion,
                      fix=_fix(posting, f, suggestion, "country code") if suggestion else None)
