"""AD404, AD405, AD408, AD409, AD410: whether the declared locale matches the posting.

Language detection is offline (fastText ``lid.176.ftz``, :mod:`adlint.detect`)
and lazy: the model loads only when one of these rules runs on a posting
with text. When no detector is installed, the detection rules report nothing.
"""

from typing import Iterable

from pydantic import BaseModel, ConfigDict, Field

from adlint.diagnostics import Diagnostic, Severity
from adlint.language import primary_subtag
from adlint.posting import MetaField, Posting
from adlint.rule import Rule, RuleOptions

#: Languages that are easily confused or are variants of one macrolanguage: no mismatch between them.
_SAME = [{"no", "nb", "nn"}, {"hr", "sr", "bs", "sh", "cnr"}, {"id", "ms", "in"}, {"he", "iw"}, {"yi", "ji"},
         {"zh", "yue", "wuu", "cmn"}, {"fa", "prs", "pes"}, {"tl", "fil"}, {"ro", "mo"}]

#: Language families (rule-code prefixes) that need a language pack.
SKIPPED_FAMILIES = "requirement lists (AD2xx), inclusive language (AD3xx) and readability (AD5xx)"


def same_language(a: str, b: str) -> bool:
    """True when ISO 639 codes ``a`` and ``b`` name the same language or a confusable pair (``nb``/``no``)."""
    a, b = a.lower(), b.lower()
    return a == b or any(a in g and b in g for g in _SAME)


def language_name(code: str) -> str:
    """English name of an ISO 639-1/639-3 code (``"de"`` → ``"German"``); the code itself if unknown."""
    import pycountry

    lang = pycountry.languages.get(alpha_2=code) if len(code) == 2 else pycountry.languages.get(alpha_3=code)
    return getattr(lang, "name", code) if lang is not None else code


def country_name(code: str) -> str:
    """English short name of an ISO 3166-1 alpha-2 code; the code itself if unknown."""
    import pycountry

    import warnings

    c = pycountry.countries.get(alpha_2=code)
    if c is None:
        return code
    with warnings.catch_warnings():  # pycountry 23.12 warns on stderr when a country has no common name
        warnings.simplefilter("ignore", UserWarning)
        common = getattr(c, "common_name", None)
    return common or getattr(c, "name", code)


def _lang_field(posting: Posting) -> MetaField | None:
    f = posting.metadata.get("language")
    return f if f is not None and isinstance(f.value, str) and f.value.strip() else None


def _where(f: MetaField) -> str:
    from adlint.metadata import describe_origin

    return f" (from {describe_origin(f.origin, f.key)})" if f.origin.startswith("config") else ""


class MismatchOptions(RuleOptions):
    """Options of AD404."""

    model_config = ConfigDict(extra="forbid")
    min_chars: int = Field(200, ge=1, description="fewest characters of text to judge")
    min_confidence: float = Field(0.7, ge=0.0, le=1.0, description="lowest detector probability to report (the "
                                  "length-weighted mean over the pieces of text the detector reads)")


class LanguageMismatch(Rule):
    """AD404: the declared language is not the language of the text."""

    code = "AD404"
    name = "language-mismatch"
    severity = Severity.ERROR
    summary = "The declared language differs from the language the text is written in."
    why = ("Job boards show a posting to readers of its declared language and search engines index it by that "
           "language; adlint picks word lists, section headings and readability formulas by it. A wrong tag "
           "hides the posting and applies the wrong rules. Reported only on enough text (`min_chars`) and a "
           "confident detection (`min_confidence`).")
    source = ("fastText language identification, lid.176.ftz (Joulin et al. 2016, CC-BY-SA-3.0); BCP 47; "
              "schema.org inLanguage")
    example_fires = ("---\nlanguage: en\n---\n\n## Missions\n\nVous rejoindrez une équipe de six personnes qui construit "
                     "un service public numérique pour aider les collectivités à publier leurs données. Vous "
                     "travaillerez avec les développeurs et les agents pour comprendre leurs besoins.\n")
    example_passes = ("---\nlanguage: fr\n---\n\n## Missions\n\nVous rejoindrez une équipe de six personnes qui construit "
                      "un service public numérique pour aider les collectivités à publier leurs données. Vous "
                      "travaillerez avec les développeurs et les agents pour comprendre leurs besoins.\n")
    Options = MismatchOptions

    def check(self, posting: Posting, options: MismatchOptions) -> Iterable[Diagnostic]:
        from adlint import detect

        f = _lang_field(posting)
        if f is None:
            return
        declared = primary_subtag(f.value)
        if not (2 <= len(declared) <= 3 and declared.isalpha()):
            return
        d = detect.posting_detection(posting)
        if d.lang is None or d.chars < options.min_chars or d.confidence < options.min_confidence:
            return
        if same_language(declared, d.lang):
            return
        msg = (f"declared language '{f.value}'{_where(f)} but the text is in {language_name(d.lang)} "
               f"('{d.lang}', detected with {d.confidence:.0%} confidence on {d.chars:,} characters)")
        yield self.at(posting, f.value_span(posting.source), msg, suggestion=d.lang)


class UnsupportedOptions(RuleOptions):
    """Options of AD405."""

    model_config = ConfigDict(extra="forbid")
    supported_languages: list[str] = Field(["en", "fr", "de", "es"],
                                           description="languages adlint has rule packs for")


class UnsupportedLanguage(Rule):
    """AD405: the posting's language has no adlint rule packs."""

    code = "AD405"
    name = "unsupported-language"
    severity = Severity.INFO
    summary = "The posting's language (declared, or detected when none is declared) has no adlint rule packs."
    why = ("adlint's word lists, section headings and readability formulas exist for English, French, German and "
           "Spanish. In another language those checks are skipped, so a clean result says little; this note says "
           "which checks did not run.")
    source = "adlint design; ISO 639-1"
    example_fires = "---\nlanguage: it\n---\n\n## Responsabilità\n\n- Sviluppare servizi\n"
    example_passes = "---\nlanguage: es\n---\n\n## Responsabilidades\n\n- Desarrollar servicios\n"
    Options = UnsupportedOptions

    def check(self, posting: Posting, options: UnsupportedOptions) -> Iterable[Diagnostic]:
        from adlint import detect

        supported = {s.lower() for s in options.supported_languages}
        f = _lang_field(posting)
        if f is not None:
            lang = primary_subtag(f.value)
            if not (2 <= len(lang) <= 3 and lang.isalpha()) or lang in supported:
                return
            how, span = f"declared as '{f.value}'{_where(f)}", f.value_span(posting.source)
        else:
            found = detect.detect_posting(posting)
            if found is None or found in supported:
                return
            lang, how, span = found, "detected from the text (no language declared)", None
        yield self.at(posting, span,
                      f"{language_name(lang)} ('{lang}', {how}) has no adlint rule packs: {SKIPPED_FAMILIES} are "
                      f"skipped and section headings are matched in {', '.join(sorted(supported))} only")


class RegionMismatch(Rule):
    """AD408: the language tag's region is not the posting's country."""

    code = "AD408"
    name = "locale-region-mismatch"
    severity = Severity.INFO
    fixable = None
    summary = "The language tag names a region other than the posting's country (`fr-FR` for a job in Canada)."
    why = ("A regional tag tells job boards and readers which variety and conventions to expect (Quebec French, "
           "Swiss German, Mexican Spanish); a tag copied from another market misleads them and may hide the "
           "posting from local search. Write the language with the job's country, or the language alone.")
    source = "BCP 47 (RFC 5646) region subtags; ISO 3166-1"
    example_fires = "---\nlanguage: fr-FR\ncountry: CA\n---\n\n## Missions\n"
    example_passes = "---\nlanguage: fr-CA\ncountry: CA\n---\n\n## Missions\n"

    def check(self, posting: Posting, options: BaseModel) -> Iterable[Diagnostic]:
        from adlint.paydata import posting_place

        f = _lang_field(posting)
        if f is None:
            return
        parts = f.value.strip().replace("_", "-").split("-")
        region = next((p.upper() for p in parts[1:] if len(p) == 2 and p.isalpha()), None)
        if region is None:
            return
        place = posting_place(posting)
        if not place.countries or region in place.countries or (region == "UK" and "GB" in place.countries):
            return
        country = place.countries[0]
        suggestion = f"{primary_subtag(f.value)}-{country}"
        yield self.at(posting, f.value_span(posting.source),
                      f"language tag '{f.value}' names region {region} ({country_name(region)}) but the job is in "
                      f"{country_name(country)} ({country}); write '{suggestion}' or '{primary_subtag(f.value)}'",
                      suggestion=suggestion)


class MixedOptions(RuleOptions):
    """Options of AD409."""

    model_config = ConfigDict(extra="forbid")
    max_share: float = Field(0.2, ge=0.0, le=1.0, description="largest share of text allowed in another language")
    min_block_chars: int = Field(40, ge=1, description="shortest paragraph or item judged on its own")
    min_confidence: float = Field(0.8, ge=0.0, le=1.0, description="lowest detector probability for a block")
    min_chars: int = Field(200, ge=1, description="fewest characters of judged text for the rule to speak")


class MixedLanguage(Rule):
    """AD409: a large part of the text is in another language."""

    code = "AD409"
    name = "mixed-language-content"
    severity = Severity.INFO
    summary = "More than `max_share` of the text is in a language other than the posting's."
    why = ("Partial translations confuse readers and search engines, and checks tuned for one language misread "
           "the other part. Publish one posting per language, or mark the other part clearly. Quebec and "
           "France have their own rules on postings in other languages.")
    source = "fastText language identification (lid.176.ftz) per paragraph; adlint design"
    example_fires = ("---\nlanguage: de\n---\n\n## Aufgaben\n\n"
                     "- Du entwickelst unsere Plattform für Kunden in ganz Europa weiter und betreust sie im Betrieb.\n"
                     "- Du arbeitest eng mit dem Produktteam zusammen und planst neue Funktionen.\n"
                     "- Du schreibst Tests und sorgst dafür, dass unsere Dienste zuverlässig laufen.\n\n"
                     "## Requirements\n\n- You have five years of experience building web services in Python.\n"
                     "- You write clear documentation and enjoy reviewing code with others.\n")
    example_passes = ("---\nlanguage: de\n---\n\n## Aufgaben\n\n"
                      "- Du entwickelst unsere Plattform für Kunden in ganz Europa weiter und betreust sie im Betrieb.\n"
                      "- Du arbeitest eng mit dem Produktteam zusammen und planst neue Funktionen.\n"
                      "- Du schreibst Tests und sorgst dafür, dass unsere Dienste zuverlässig laufen.\n\n"
                      "## Anforderungen\n\n- Du hast fünf Jahre Erfahrung mit Webdiensten in Python.\n"
                      "- Du schreibst klare Dokumentation und machst gerne Code-Reviews im Team.\n")
    Options = MixedOptions

    def check(self, posting: Posting, options: MixedOptions) -> Iterable[Diagnostic]:
        from adlint import detect

        f = _lang_field(posting)
        if f is not None:
            main, how = primary_subtag(f.value), "declared"
        else:
            main, how = detect.detect_posting(posting), "detected"
        if not main:
            return
        whole = detect.posting_detection(posting)
        if whole.lang is not None and not same_language(whole.lang, main) and whole.confidence >= 0.5:
            return  # the whole text is in another language: AD404's finding, not a mix
        if not any(lang and not same_language(lang, main) and p >= 0.5 for lang, p in whole.windows):
            return  # every sampled piece of the text reads as the main language
        judged = [(b, d) for b, d in detect.block_detections(posting, options.min_block_chars)
                  if d.lang is not None and d.confidence >= options.min_confidence]
        total = sum(d.chars for _, d in judged)
        if total < options.min_chars:
            return
        other = [(b, d) for b, d in judged if not same_language(d.lang or "", main)]
        share = sum(d.chars for _, d in other) / total
        if not other or share <= options.max_share:
            return
        counts: dict[str, int] = {}
        for _, d in other:
            counts[d.lang or ""] = counts.get(d.lang or "", 0) + d.chars
        top = max(counts, key=lambda k: counts[k])
        first = other[0][0]
        yield self.at(posting, first.run.span(),
                      f"{share:.0%} of the text ({len(other)} of {len(judged)} paragraphs and items) is in "
                      f"{language_name(top)}, not {language_name(main)} ({how}); the first starts here")


class CurrencyOptions(RuleOptions):
    """Options of AD410."""

    model_config = ConfigDict(extra="forbid")
    ignore_remote: bool = Field(True, description="skip fully remote jobs, which may pay in another currency")


class CurrencyMismatch(Rule):
    """AD410: the salary currency is not a currency of the posting's country."""

    code = "AD410"
    name = "currency-country-mismatch"
    severity = Severity.INFO
    summary = "The salary is given in a currency not used in the posting's country (USD for a job in Germany)."
    why = ("A salary in a foreign currency is often a copy-paste mistake from another market's posting, and "
           "applicants cannot compare it. Remote jobs may legitimately pay in another currency, so they are "
           "skipped unless `ignore_remote` is false.")
    source = "ISO 4217; Unicode CLDR territory currencies (rules/currencies.yaml)"
    example_fires = "---\ncountry: DE\n---\n\n## Gehalt\n\nSalary: $70,000–$85,000 per year\n"
    example_passes = "---\ncountry: DE\n---\n\n## Gehalt\n\nGehalt: 70.000–85.000 € pro Jahr\n"
    Options = CurrencyOptions

    def check(self, posting: Posting, options: CurrencyOptions) -> Iterable[Diagnostic]:
        from adlint.pay import posting_pay
        from adlint.paydata import currencies, posting_place

        place = posting_place(posting)
        if not place.countries or (place.remote and options.ignore_remote):
            return
        table = currencies().country_currencies
        used = {c for ctry in place.countries for c in table.get(ctry, [])}
        if not used:
            return
        seen: set[str] = set()
        for p in posting_pay(posting, place.country):
            cur = p.currency
            if not p.is_pay or not cur or len(cur) != 3 or cur in used or cur in seen:
                continue
            seen.add(cur)
            where = "salary metadata" if p.origin != "text" else "salary"
            names = ", ".join(f"{country_name(c)} ({c})" for c in place.countries[:3])
            yield self.at(posting, (p.start, p.end) if p.end > p.start else None,
                          f"{where} in {cur}, but the job is in {names}, which uses "
                          f"{', '.join(sorted(used))}")
