"""AD5xx: readability.

Scores are computed here from the counts of :mod:`adlint.textstats` with the
formulas in ``rules/readability.yaml``: Flesch reading ease for English,
Kandel-Moles for French, Amstad for German and Fernández-Huerta for Spanish,
with Flesch-Kincaid (English) and the Wiener Sachtextformel (German) as grade
levels. What a sentence is (headings and list items are units of their own,
navigation is not counted) is decided in :mod:`adlint.prose`. No
hyphenation dictionary or pronouncing dictionary is loaded, so these rules work
offline and add only a few milliseconds to a run.

The language-specific scores (AD501, AD502) need the posting's language
(declared, or detected when a detector is installed); when it is unknown they
do not run, since a formula of the wrong language gives a wrong number. The
length rules (AD503-AD505) run for every posting.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from pydantic import ConfigDict, Field, field_validator

from adlint import prose, reqdata, textstats
from adlint.diagnostics import Diagnostic, Severity
from adlint.genre import is_flattened
from adlint.language import posting_language
from adlint.posting import Block, Posting
from adlint.rule import Rule, RuleOptions
from adlint.ruledata import LANGUAGES

#: Sections left out of the length and score counts: legal boilerplate the writer does not choose.
BOILERPLATE_SECTIONS = ("equal_opportunity",)


def formula_value(f: reqdata.Formula, c: textstats.Counts) -> float:
    """The value of a linear formula on counts ``c`` (0.0 when there is no word)."""
    if not c.words or not c.sentences:
        return 0.0
    pct = 100.0 / c.words
    return (f.const + f.asl * c.asl + f.asw * c.asw + f.poly_pct * c.poly * pct
            + f.long_pct * c.long * pct + f.mono_pct * c.mono * pct)


@dataclass(slots=True)
class Analysis:
    """Readability of one posting.

    ``lang`` is the language scored in (``None``: unknown, no syllables and no
    scores); ``sentences`` every sentence outside boilerplate sections;
    ``counts`` their totals; ``ease``/``grade`` the scores, or ``None`` when
    the language has no such formula or is unknown.
    """

    lang: str | None
    sentences: list[textstats.Sentence]
    counts: textstats.Counts
    ease: float | None
    ease_name: str | None
    grade: float | None
    grade_name: str | None


def analyse(posting: Posting) -> Analysis:
    """The readability analysis of ``posting`` (cached on the posting)."""
    key = "adlint.readability.analysis"
    if key in posting.cache:
        return posting.cache[key]
    lang = posting_language(posting)
    sents = [s for s in prose.sentences(posting, lang) if s.section_id not in BOILERPLATE_SECTIONS]
    counts = textstats.total(sents)
    ease = grade = None
    ease_name = grade_name = None
    if lang is not None:
        data = reqdata.readability()
        if lang in data.reading_ease:
            ease, ease_name = formula_value(data.reading_ease[lang], counts), data.reading_ease[lang].name
        if lang in data.grade:
            grade, grade_name = formula_value(data.grade[lang], counts), data.grade[lang].name
    result = Analysis(lang, sents, counts, ease, ease_name, grade, grade_name)
    posting.cache[key] = result
    return result


def body_anchor(posting: Posting) -> tuple[int, int] | None:
    """Where to report a finding about the whole text: the start of its first heading or block."""
    for section in posting.sections:
        if section.heading is not None and section.heading.text.strip():
            a = section.heading.span()[0]
            return (a, a)
        for block in section.blocks:
            a = block.run.span()[0]
            return (a, a)
    return None


def _per_language(value: dict[str, float]) -> dict[str, float]:
    unknown = set(value) - set(LANGUAGES)
    if unknown:
        raise ValueError(f"unknown language(s) {', '.join(sorted(unknown))}; use {', '.join(LANGUAGES)}")
    return value


class EaseOptions(RuleOptions):
    """Options of AD501."""

    model_config = ConfigDict(extra="forbid")
    info_below: dict[str, float] = Field(
        default={"en": 5.0, "fr": 52.0, "de": 25.0, "es": 50.0},
        description="score below which the posting is reported as info, per language")
    warning_below: dict[str, float] = Field(
        default={"en": 0.0, "fr": 48.0, "de": 15.0, "es": 40.0},
        description="score below which the posting is a warning, per language")
    min_words: int = Field(100, ge=1, description="postings with fewer words are not scored (formulas need text)")

    @field_validator("info_below", "warning_below")
    @classmethod
    def _languages(cls, value: dict[str, float]) -> dict[str, float]:
        return _per_language(value)


class LowReadingEase(Rule):
    """AD501: the reading-ease score is low."""

    code = "AD501"
    name = "low-reading-ease"
    severity = Severity.WARNING
    summary = ("The reading-ease score (Flesch, Kandel-Moles, Amstad or Fernández-Huerta by language) is below "
               "`info_below` (info) or `warning_below` (warning).")
    why = ("Hard-to-read postings lose readers with low literacy, readers in their second language and dyslexic "
           "readers. The scores fall with long sentences and long words. The thresholds are set from real "
           "postings (docs/calibration.md), well below the 60 of plain-language guidance that most real postings "
           "miss, so that the rule points at the hardest postings rather than at all of them. Headings and list "
           "items count as sentences of their own. Not run when the language is unknown.")
    source = ("Flesch (1948); Kandel & Moles (1958); Amstad (1978); Fernández Huerta (1959); "
              "adlint calibration on real postings")
    example_fires = ("---\nlanguage: en\n---\n\n## About the role\n\n" + (
        "The incumbent will be responsible for the conceptualization, operationalization and continuous "
        "optimization of organizational infrastructure considerations, interdepartmental communication "
        "methodologies and comprehensive administrative documentation requirements. ") * 6 + "\n")
    example_passes = ("---\nlanguage: en\n---\n\n## About the role\n\n" + (
        "You will run our help desk. You answer calls and fix laptops. You keep a list of what breaks. "
        "Each week you tell the team what you learned. ") * 8 + "\n")
    Options = EaseOptions

    def check(self, posting: Posting, options: EaseOptions) -> Iterable[Diagnostic]:
        a = analyse(posting)
        if a.ease is None or a.lang is None or a.counts.words < options.min_words:
            return
        warn = options.warning_below.get(a.lang)
        info = options.info_below.get(a.lang)
        if warn is not None and a.ease < warn:
            sev, limit = Severity.WARNING, warn
        elif info is not None and a.ease < info:
            sev, limit = Severity.INFO, info
        else:
            return
        band = reqdata.readability().bands.label(a.ease)
        msg = (f"{a.ease_name} is {a.ease:.0f} ({band}), below {limit:g}: sentences average "
               f"{a.counts.asl:.1f} words and words {a.counts.asw:.2f} syllables")
        hardest = _hardest(a)
        if hardest is not None:
            line, _ = posting.position(hardest.span()[0])
            msg += f"; the hardest sentence is on line {line}"
        yield self.at(posting, body_anchor(posting), msg + "; use shorter sentences and plainer words", severity=sev)


def _hardest(a: Analysis) -> textstats.Sentence | None:
    """The sentence of 8+ words with the most syllables per word times words (a cheap difficulty proxy)."""
    best, best_key = None, 0.0
    for s in a.sentences:
        c = s.counts
        if c.words >= 8:
            key = c.words * 1.015 + 84.6 * c.asw
            if key > best_key:
                best, best_key = s, key
    return best


class GradeOptions(RuleOptions):
    """Options of AD502."""

    model_config = ConfigDict(extra="forbid")
    max_grade: dict[str, float] = Field(default={"en": 16.0, "de": 15.0},
                                        description="grade above which the posting is reported, per language")
    min_words: int = Field(100, ge=1, description="postings with fewer words are not scored")

    @field_validator("max_grade")
    @classmethod
    def _languages(cls, value: dict[str, float]) -> dict[str, float]:
        return _per_language(value)


class HighGradeLevel(Rule):
    """AD502: the school grade needed to read the posting is high."""

    code = "AD502"
    name = "high-grade-level"
    severity = Severity.INFO
    summary = "The grade level (Flesch-Kincaid for English, Wiener Sachtextformel for German) is above `max_grade`."
    why = ("A second view of the same problem as AD501, in school years: a posting that needs years of university "
           "to read loses applicants who could do the job. Only English and German have a grade formula in "
           "common use.")
    source = "Kincaid et al. (1975); Bamberger & Vanecek (1984); adlint calibration on real postings"
    example_fires = LowReadingEase.example_fires
    example_passes = LowReadingEase.example_passes
    Options = GradeOptions

    def check(self, posting: Posting, options: GradeOptions) -> Iterable[Diagnostic]:
        a = analyse(posting)
        if a.grade is None or a.lang is None or a.counts.words < options.min_words:
            return
        limit = options.max_grade.get(a.lang)
        if limit is None or a.grade <= limit:
            return
        yield self.at(posting, body_anchor(posting),
                      f"{a.grade_name} is {a.grade:.1f}, above {limit:g}: readers need about {a.grade:.0f} years "
                      "of school; shorten sentences and prefer common words")


class SentenceOptions(RuleOptions):
    """Options of AD503."""

    model_config = ConfigDict(extra="forbid")
    max_words: int = Field(45, ge=1, description="a sentence with more words is reported (info)")
    avg_max: float = Field(25.0, gt=0, description="an average sentence length above this is a warning")
    min_sentences: int = Field(5, ge=1, description="the average is judged only over at least this many sentences")


class LongSentence(Rule):
    """AD503: long sentences."""

    code = "AD503"
    name = "long-sentence"
    severity = Severity.WARNING
    summary = "A sentence is longer than `max_words` words (info), or sentences average more than `avg_max` (warning)."
    why = ("Sentence length drives every readability formula, and long sentences are where second-language "
           "readers get lost. Plain-language guidance aims at 15 to 20 words. Headings and list items are "
           "sentences of their own, so a list without full stops, or one flattened onto a single line, is not one "
           "endless sentence; page navigation scraped with a posting is not counted (adlint/prose.py).")
    source = "Flesch (1948); Paycor recruiting guidance (2024); adlint calibration on real postings"
    example_fires = ("## About the role\n\nYou will work with product managers, designers, data scientists and "
                     "engineers from several countries to plan, build, test, ship and measure the features that "
                     "our customers in retail, logistics, banking, insurance and healthcare use every day to run "
                     "and grow their businesses across many markets in Europe, Asia and the Americas.\n")
    example_passes = "## About the role\n\nYou will plan and build features with a small team. Customers use them daily.\n"
    Options = SentenceOptions

    def check(self, posting: Posting, options: SentenceOptions) -> Iterable[Diagnostic]:
        if is_flattened(posting):  # sentences and list items cannot be told apart; AD505 reports the wall
            return
        a = analyse(posting)
        if len(a.sentences) >= options.min_sentences and a.counts.asl > options.avg_max:
            yield self.at(posting, body_anchor(posting),
                          f"sentences average {a.counts.asl:.1f} words (more than {options.avg_max:g}); split the "
                          "long ones")
        for s in a.sentences:
            if s.counts.words > options.max_words:
                yield self.at(posting, s.span(), f"this sentence has {s.counts.words} words (more than "
                              f"{options.max_words}); split it", severity=Severity.INFO)


class LengthOptions(RuleOptions):
    """Options of AD504."""

    model_config = ConfigDict(extra="forbid")
    min_words: int = Field(150, ge=0, description="fewer words than this is a warning")
    info_max: int = Field(700, ge=1, description="more words than this is reported as info")
    max_words: int = Field(1000, ge=1, description="more words than this is a warning")


class PostingLength(Rule):
    """AD504: the posting is very short or very long."""

    code = "AD504"
    name = "posting-length"
    severity = Severity.WARNING
    summary = ("The body has fewer than `min_words` words or more than `max_words` (warning), or more than "
               "`info_max` (info); a short announcement under `min_words` is info. Equal-opportunity boilerplate "
               "is not counted.")
    why = ("A very short posting cannot describe the job, its requirements and its offer, which Google asks a "
           "job description to do; a very long one is skimmed or abandoned. Vendor data puts the fall in "
           "applications above about 700 words. The bands are the catalogue's; docs/calibration.md shows how "
           "often they fire on real postings.")
    source = "Google Search Central, job posting structured data (description); Paycor (2024); adlint calibration"
    example_fires = "## Responsibilities\n\n- Answer the phone\n\n## Requirements\n\n- Patience\n"
    example_passes = "## Responsibilities\n\n" + "".join(
        f"- Task {i}: answer customer questions by phone and e-mail, and log what they ask about\n"
        for i in range(1, 14))
    Options = LengthOptions

    def check(self, posting: Posting, options: LengthOptions) -> Iterable[Diagnostic]:
        a = analyse(posting)
        n = a.counts.words
        if n < options.min_words and posting.short:
            # A short announcement is a genre (adlint.genre): one note at info, not a failed commit.
            yield self.at(posting, body_anchor(posting), f"short posting ({n} words): a full posting describes "
                          "the job, what it requires and what it offers", severity=Severity.INFO)
        elif n < options.min_words:
            yield self.at(posting, body_anchor(posting), f"the posting has {n} words (fewer than "
                          f"{options.min_words}); describe the job, what it requires and what it offers")
        elif n > options.max_words:
            yield self.at(posting, body_anchor(posting), f"the posting has {n} words (more than "
                          f"{options.max_words}); cut what does not help an applicant decide")
        elif n > options.info_max:
            yield self.at(posting, body_anchor(posting), f"the posting has {n} words (more than "
                          f"{options.info_max}); readers skim long postings", severity=Severity.INFO)


class ParagraphOptions(RuleOptions):
    """Options of AD505."""

    model_config = ConfigDict(extra="forbid")
    max_words: int = Field(120, ge=1, description="a paragraph with more words is reported")


class LongParagraph(Rule):
    """AD505: a wall of text."""

    code = "AD505"
    name = "long-paragraph"
    severity = Severity.INFO
    summary = "A paragraph (or a single list item) runs longer than `max_words` words without a break."
    why = ("Readers scan a posting; a long block hides what they look for. Break it into short paragraphs or a "
           "list. Google's job renderer keeps paragraph breaks and lists. The block is what a reader sees: a "
           "Markdown paragraph (lines without a blank line between them render as one), an HTML paragraph or "
           "list item, and in plain text a line: a posting whose line breaks were lost is one wall of text, "
           "even where adlint finds headings and list items inside it.")
    source = "Google Search Central, job posting structured data (description formatting)"
    example_fires = "## About us\n\n" + ("We build tools that help small shops sell online and ship on time. " * 12) + "\n"
    example_passes = "## About us\n\nWe build tools that help small shops sell online.\n\nWe ship on time.\n"
    Options = ParagraphOptions

    def check(self, posting: Posting, options: ParagraphOptions) -> Iterable[Diagnostic]:
        # The block as a reader sees it. In plain text that is the physical line: a posting whose line breaks
        # were lost is one wall of text to the eye, even where adlint finds its headings inside it.
        groups: list[tuple[Block, int, str]] = []  # (first block, words, "paragraph" | "item" | "line")
        last_line = -1
        for section, block in posting.blocks():
            if section.id in BOILERPLATE_SECTIONS:
                last_line = -1
                continue
            a, b = block.run.span()
            n = textstats.word_count(block.text)
            if posting.format == "text" and groups and posting.position(a)[0] == last_line:
                groups[-1] = (groups[-1][0], groups[-1][1] + n, "line")
            else:
                groups.append((block, n, block.kind))
            last_line = posting.position(b)[0]
        for block, n, kind in groups:
            if n > options.max_words:
                what = "list item" if kind == "item" else kind
                yield self.at(posting, block.run.span(0, 0), f"this {what} has {n} words (more than "
                              f"{options.max_words}) without a break; break it up")
