"""AD6xx: pay transparency and other legal content of postings, by jurisdiction and date.

Which laws apply comes from ``rules/jurisdictions.yaml`` (:mod:`adlint.paydata`):
the posting's country, region, city and remote flag, the employer's head count
(``employer.headcount``; unknown means "assume covered", and messages say so),
and the date the rules judge by: the rule option ``as_of``, else
``$ADLINT_AS_OF``, else today. Pay is found by :mod:`adlint.pay`.

Not legal advice: every message names the law and the day it took effect, and
records of less than high confidence are reported as warnings that say "verify".
"""

import re
from datetime import date
from typing import TYPE_CHECKING, Any, Iterable

from pydantic import Field

from adlint.diagnostics import Diagnostic, Severity
from adlint.pay import (BEFORE_INTERVIEW_RE, ONGOING_APPLICATIONS_RE, SCALE_RE, UNPAID_RE, VAGUE_RE, AsOfOption,
                        LazyRegex, Pay, as_of, find_in_posting, posting_pay, text_runs)
from adlint.posting import Posting
from adlint.rule import Rule

if TYPE_CHECKING:
    from adlint.paydata import Applicable


def _pd() -> Any:
    """:mod:`adlint.paydata`, imported on first use so that loading the rules stays cheap."""
    from adlint import paydata

    return paydata

#: Words that show a description of benefits and other compensation.
BENEFITS_RE = LazyRegex(
    r"\b(?:benefits?|health\s+(?:insurance|care|coverage|plan)|medical|dental|vision|401\s?\(?k\)?|pension|retirement|"
    r"paid\s+time\s+off|\bPTO\b|vacation|holidays|parental\s+leave|sick\s+leave|equity|stock\s+options?|RSUs?|bonus|"
    r"RRSP|life\s+insurance|disability\s+insurance|commission|incentive)", re.I)

#: Austria: a note on willingness to pay more than the collective-agreement minimum.
OVERPAY_RE = LazyRegex(
    r"Überzahlung|überzahl|überkollektiv|über\s+dem\s+(?:KV|Kollektivvertrag)|marktkonform|Bereitschaft\s+zur|"
    r"je\s+nach\s+(?:Qualifikation|Erfahrung)|abhängig\s+von\s+(?:Qualifikation|Erfahrung|deiner|Ihrer)|"
    r"willing(?:ness)?\s+to\s+pay\s+(?:more|above)|higher\s+(?:pay|salary)\s+(?:is\s+)?possible|"
    r"depending\s+on\s+(?:your\s+)?(?:qualifications?|experience)", re.I)

#: Questions about current or past pay, in the four languages (salary *expectations* are allowed).
PAY_HISTORY_RE = LazyRegex(
    r"\b(?:current|present|previous|prior|past|last|existing)\s+(?:base\s+|annual\s+|gross\s+)?"
    r"(?:salary|salaries|pay|compensation|wages?|CTC|remuneration|earnings|package)\b"
    r"|\b(?:salary|pay|compensation|wage)\s+history\b|\bcurrent\s*(?:and|&|/)\s*expected\s+(?:salary|CTC|compensation|pay)\b"
    r"|\b(?:salaire|rémunération)\s+(?:actuel(?:le)?|précédent(?:e)?|antérieur(?:e)?)\b|\b(?:dernier|précédent)\s+salaire\b"
    r"|\bhistorique\s+(?:des?\s+)?(?:salaires?|rémunérations?)\b"
    r"|\b(?:aktuelle[snm]?|derzeitige[snm]?|bisherige[snm]?|letzte[snm]?|jetzige[snm]?)\s+"
    r"(?:Gehalt|Gehalts\w*|Vergütung|Einkommen|Bruttogehalt|Jahresgehalt|Bruttojahresgehalt)\b|\bGehaltshistorie\b"
    r"|\b(?:salario|sueldo|remuneración)\s+(?:actual|anterior|previo)\b|\b(?:último|anterior)\s+(?:salario|sueldo)\b"
    r"|\bhistorial\s+salarial\b",
    re.I)
_NEGATION = LazyRegex(r"\b(?:not|never|neither|nor|no|don['’]t|won['’]t|nicht|kein\w*|nie|pas|jamais|ne|sin|nunca|without|"
                       r"prohibit\w*|ban\w*|illegal|unlawful|law|verboten|interdit\w*)\b", re.I)

#: Ontario: a statement on AI use in screening, and on whether the vacancy exists.
AI_STATEMENT_RE = LazyRegex(r"\b(?:artificial\s+intelligence|AI|intelligence\s+artificielle|IA)\b[^.\n]{0,120}"
                             r"\b(?:screen\w*|assess\w*|select\w*|evaluat\w*|review\w*|sélection\w*|évalu\w*|présélection\w*)"
                             r"|\b(?:screen\w*|assess\w*|select\w*|sélection\w*)[^.\n]{0,120}\b(?:artificial\s+intelligence|AI|IA)\b",
                             re.I)
VACANCY_RE = LazyRegex(r"\b(?:existing|current|vacant|new(?:ly\s+created)?)\s+(?:vacancy|position|role|opening)\b|"
                        r"\bvacancy\s+(?:exists|is\s+(?:open|existing|current))|\bnot\s+an?\s+existing\s+vacancy|"
                        r"\bposte\s+(?:vacant|existant|à\s+pourvoir)|\bposte\s+nouvellement\s+créé", re.I)
CANADIAN_EXPERIENCE_RE = LazyRegex(r"\bCanadian\s+(?:work\s+|job\s+|professional\s+)?experience\b|"
                                    r"\bexpérience\s+(?:de\s+travail\s+|professionnelle\s+)?(?:au\s+Canada|canadienne)\b", re.I)
DEADLINE_RE = LazyRegex(r"\b(?:apply\s+by|application\s+deadline|deadline\s+(?:to|for)\s+appl\w+|applications?\s+"
                         r"(?:close|closes|are\s+due|due|will\s+be\s+accepted\s+(?:until|through))|closing\s+date|"
                         r"(?:posting|position|window)\s+(?:will\s+)?(?:close|closes|expires?)|accepting\s+applications\s+"
                         r"(?:until|through)|anticipated\s+(?:close|closing)\s+date|expected\s+(?:close|closing)\s+date)\b",
                         re.I)


class PayOptions(AsOfOption):
    """Options of the AD6xx rules: ``as_of`` (date, default today)."""


def _figures(posting: Posting) -> list[Pay]:
    """Pay statements with at least one figure, judged as pay."""
    country = _pd().posting_place(posting).country
    return [p for p in posting_pay(posting, country) if p.is_pay and (p.min is not None or p.max is not None)]


def _states_unpaid(posting: Posting) -> bool:
    """The posting says outright that the role has no pay ("There's no salary at this stage"): pay is stated.
    Cached on the posting."""
    key = "adlint.checks.pay.unpaid"
    if key in posting.cache:
        return posting.cache[key]
    result = next(find_in_posting(posting, UNPAID_RE), None) is not None
    posting.cache[key] = result
    return result


def employee_laws(posting: Posting, day: date, requirement: str, contractor: bool = False) -> "list[Applicable]":
    """The employee laws that require ``requirement`` of ``posting`` on ``day``.

    ``requirement`` is a :data:`adlint.paydata.Requirement` (``"pay"``, ``"benefits"``, ``"deadline"``, ...).
    Returns :func:`adlint.paydata.applicable` ``(posting, day, requirement)``: one
    :class:`~adlint.paydata.Applicable` (jurisdiction, ``via``, ``assumed_size``) per jurisdiction in force on
    ``day`` whose posting duty covers the posting (employers below a known head-count threshold left out), in
    ``rules/jurisdictions.yaml`` order; ``[]`` when none does. Also ``[]`` for a role the text states as freelance or independent-contractor work
    (:func:`adlint.paydata.freelance_stated`), which those laws do not cover. ``contractor``: ``[]`` as well
    for JSON-LD ``employmentType`` CONTRACTOR alone (:func:`adlint.paydata.contractor_only`; enough for the
    benefit duties, not for pay). Used by the AD6xx rules and by AD703 (baseSalary)."""
    if _pd().contractor_only(posting) if contractor else _pd().freelance_stated(posting):
        return []
    return _pd().applicable(posting, day, requirement)


def pay_missing(posting: Posting) -> bool:
    """True when the text and metadata give no pay figure and do not say the role is unpaid (what AD601
    reports where a law applies); AD703 uses it not to report the same missing pay twice."""
    return not _figures(posting) and not _states_unpaid(posting)


def _anchor(posting: Posting) -> tuple[int, int] | None:
    """Where to report a missing thing: the country or location value, else the start of the file."""
    place = _pd().posting_place(posting)
    if place.country_span is not None:
        return place.country_span
    for key in ("location", "region", "country"):
        f = posting.metadata.get(key)
        if f is not None and f.span is not None:
            return f.span
    return None


def _laws(found: "list[Applicable]", limit: int = 3) -> str:
    text = "; ".join(a.describe() for a in found[:limit])
    if len(found) > limit:
        text += f"; and {len(found) - limit} more"
    return text


class PayRangeMissing(Rule):
    """AD601: no pay in a posting that a pay-transparency law covers."""

    code = "AD601"
    name = "pay-range-missing"
    severity = Severity.ERROR
    summary = "The posting has no pay figure or range although a pay-transparency law covers it."
    why = ("Colorado, New York, California, Washington, Illinois, British Columbia, Ontario (from 2026) and others "
           "require the pay or pay range in the job posting itself; several cover remote jobs that could be done "
           "there. The law, the day it took effect and the employer-size threshold come from "
           "rules/jurisdictions.yaml; set `employer.headcount` to leave out laws for larger employers. A remote "
           "job limited to one state ('reside within the state of Texas') is placed there; one open to several "
           "states ('Available States: Utah, Texas', 'must live in one of ...') or a US time zone ('open to "
           "candidates in the Central time zone'; states per 49 CFR Part 71 in rules/timezones.yaml) is held "
           "only to those states' laws that cover remote jobs. These are "
           "employee pay laws: a role the text states as freelance or independent-contractor work ('freelance "
           "position', 'independent contractor', '1099', 'freiberuflich', 'mission freelance', 'autónomo'; not "
           "W-2) is not checked; JSON-LD employmentType CONTRACTOR alone is not enough, since a contract role "
           "may be W-2 employment.")
    source = "State, provincial and national pay-transparency laws listed in rules/jurisdictions.yaml"
    example_fires = "---\ncountry: US\nregion: US-CO\n---\n\n## Responsibilities\n\n- Build services\n"
    example_passes = ("---\ncountry: US\nregion: US-CO\n---\n\n## Responsibilities\n\n- Build services\n\n"
                      "## Compensation\n\n$120,000–$150,000 per year, plus health insurance and a 401(k).\n")
    Options = PayOptions

    def check(self, posting: Posting, options: PayOptions) -> Iterable[Diagnostic]:
        day = as_of(options)
        found = employee_laws(posting, day, "pay")
        if not found or not pay_missing(posting):
            return
        yield self.at(posting, _anchor(posting),
                      f"no pay figure or range; required by {_laws(found)}",
                      severity=_pd().strongest(found, day))


class PayNotRangeOptions(PayOptions):
    """Options of AD602."""

    report_elsewhere: bool = Field(True, description="also report vague or open-ended pay (as info) where no law applies")


class PayNotARange(Rule):
    """AD602: pay given as words, open-ended, or as one figure where a range is required."""

    code = "AD602"
    name = "pay-range-not-a-range"
    severity = Severity.ERROR
    summary = "Pay is vague (\"competitive\", \"DOE\"), open-ended (\"up to $90k\", \"$100k+\") or one figure where a range is required."
    why = ("Pay-transparency laws want the pay the employer expects to pay: New York City, Washington DC, Maryland "
           "and Massachusetts require a minimum and a maximum, and British Columbia's guidance wants specific lower "
           "and upper limits. \"Competitive\" or \"up to\" tells the applicant nothing. One figure stated as the pay "
           "itself (\"the hourly rate for this role is $25\", \"$40,000 base salary\", or after a label: "
           "\"Hourly Rate: $90/hr\", \"Stundenlohn: 18 €\", \"Salaire : 42 000 €\", \"Tarifa: 30 €/hora\") is a fixed pay, which these laws "
           "accept. Pay given only as on-target earnings (OTE: base plus expected commission) does not state the "
           "salary or wage the laws ask for (a warning). Where no law applies this is reported as info; a "
           "freelance or independent-contractor role (see AD601) is not held to the employee pay laws. Vague "
           "wording is not reported where the posting states outright that the role has no pay (\"Sweat "
           "Equity only\", \"unpaid internship\"): the current pay is stated.")
    source = "NYC Local Law 32 (2022); D.C. Act 25-367; Maryland SB 525; BC Pay Transparency Act guidance"
    example_fires = "---\ncountry: US\nregion: US-NY\nlocation: New York, NY\n---\n\n## Compensation\n\nCompetitive salary, up to $150,000.\n"
    example_passes = "---\ncountry: US\nregion: US-NY\nlocation: New York, NY\n---\n\n## Compensation\n\n$120,000–$150,000 per year.\n"
    Options = PayNotRangeOptions

    def check(self, posting: Posting, options: PayNotRangeOptions) -> Iterable[Diagnostic]:
        day = as_of(options)
        found = employee_laws(posting, day, "pay")
        need_range = [a for a in found if "range" in a.jurisdiction.requires]
        figures = _figures(posting)
        if found:
            sev, why = _pd().strongest(found, day), f"figures are required by {_laws(found)}"
        elif options.report_elsewhere:
            sev, why = Severity.INFO, "applicants need a figure or a range to judge the job"
        else:
            return
        closed = [p for p in figures if p.kind in ("range", "single")]
        if found and figures and all(p.ote for p in figures):
            # A law asking for the salary or wage (range) is not met by base plus expected commission alone.
            p = figures[0]
            yield self.at(posting, (p.start, p.end),
                          f"pay '{p.text.strip()}' is on-target earnings (base plus expected commission or bonus) with "
                          f"no base pay; the salary or wage is required by {_laws(found)}",
                          severity=min(sev, Severity.WARNING))
        for p in figures:
            if p.kind == "upto":
                yield self.at(posting, (p.start, p.end), f"open-ended pay 'up to {p.text.strip()}' has no minimum; {why}",
                              severity=sev)
            elif p.kind == "from":
                yield self.at(posting, (p.start, p.end), f"open-ended pay '{p.text.strip()}' has no maximum; {why}",
                              severity=sev)
            elif p.kind == "single" and need_range and not p.fixed and not any(q.is_range for q in figures):
                laws = _laws(need_range)
                yield self.at(posting, (p.start, p.end),
                              f"pay '{p.text.strip()}' is a single figure; a minimum and a maximum are required by "
                              f"{laws} (for a fixed pay, say so or give it as both)",
                              severity=min(_pd().strongest(need_range, day), Severity.WARNING))
        if closed or _states_unpaid(posting):
            # An explicit no-pay statement ("Phase 1 (Now): Sweat Equity only") states the current pay; words
            # about pay in a later phase ("Post-Funding: Competitive Salary") leave nothing missing now.
            return
        for span, text in find_in_posting(posting, VAGUE_RE):
            yield self.at(posting, span, f"pay given as '{text}' instead of figures; {why}", severity=sev)
            break


class RangeTooWideOptions(PayOptions):
    """Options of AD603."""

    ratio: float = Field(2.0, gt=1.0, description="largest max/min ratio before a range is reported where no cap applies")


class PayRangeTooWide(Rule):
    """AD603: the pay range is wider than the law allows, or than is useful."""

    code = "AD603"
    name = "pay-range-too-wide"
    severity = Severity.INFO
    summary = "The pay range is wider than allowed (Ontario: CAD 50,000 a year) or its maximum is more than `ratio` times its minimum."
    why = ("Ontario's O. Reg. 476/24 caps the spread of a posted range at CAD 50,000 a year unless the top exceeds "
           "CAD 200,000 (from 2026-01-01). Elsewhere a very wide range defeats the purpose of disclosure and may "
           "not be in good faith. A range with a typo in a figure (\"$173,00 - $216,300\") gives no ratio and is "
           "not reported.")
    source = "Ontario ESA 2000 Part III.1 and O. Reg. 476/24; Delaware HB 105 (good-faith range)"
    example_fires = "---\ncountry: CA\nregion: CA-ON\n---\n\n## Compensation\n\nCAD 60,000–120,000 per year.\n"
    example_passes = "---\ncountry: CA\nregion: CA-ON\n---\n\n## Compensation\n\nCAD 80,000–120,000 per year.\n"
    Options = RangeTooWideOptions

    def check(self, posting: Posting, options: RangeTooWideOptions) -> Iterable[Diagnostic]:
        day = as_of(options)
        capped = [a for a in _pd().applicable(posting, day) if a.jurisdiction.range_width_limit is not None]
        for p in _figures(posting):
            if not p.is_range or p.min is None or p.max is None or p.malformed:
                continue  # a typo such as "$173,00" gives no ratio worth reporting
            reported = False
            for a in capped:
                lim = a.jurisdiction.range_width_limit
                assert lim is not None
                if p.currency not in (None, lim.currency):
                    continue
                lo, hi = p.annual()
                if lo is None or hi is None:
                    continue
                if hi - lo > lim.amount and (lim.exempt_above is None or hi <= lim.exempt_above):
                    yield self.at(posting, (p.start, p.end),
                                  f"range '{p.text.strip()}' spans {lim.currency} {hi - lo:,.0f} a year, more than the "
                                  f"{lim.currency} {lim.amount:,.0f} allowed"
                                  + (f" when the top is at most {lim.currency} {lim.exempt_above:,.0f}" if lim.exempt_above else "")
                                  + f" by {a.describe()}",
                                  severity=a.jurisdiction.severity(day))
                    reported = True
                    break
            if not reported and p.max > p.min * options.ratio:
                yield self.at(posting, (p.start, p.end),
                              f"range '{p.text.strip()}' is wide: the maximum is {p.max / p.min:.1f} times the minimum "
                              f"(more than {options.ratio:g}); give the range you expect to pay")


class BenefitsMissing(Rule):
    """AD604: no description of benefits where the law requires one."""

    code = "AD604"
    name = "benefits-description-missing"
    severity = Severity.ERROR
    summary = "The posting describes no benefits or other compensation although the law requires it (CO, WA, MD, IL, MN, NJ, DE)."
    why = ("Colorado, Washington, Maryland, Illinois, Minnesota, New Jersey and (from 2027) Delaware require a "
           "general description of benefits and other compensation (health insurance, retirement, paid time off, "
           "bonuses, equity) in the posting; Illinois allows a link. The duties describe employees' benefits: a "
           "posting for an independent contractor or freelancer (JSON-LD employmentType CONTRACTOR only, or the "
           "text says 'freelance position', 'independent contractor', '1099', 'freiberuflich', 'mission "
           "freelance', 'autónomo'; not W-2) is not checked. A remote job limited to some states, or to a US time "
           "zone (49 CFR Part 71: the Central zone holds no Colorado, California or Washington), is checked "
           "against those states' laws only.")
    source = "C.R.S. 8-5-201; RCW 49.58.110; 820 ILCS 112; Minn. Stat. 181.173; N.J. P.L. 2024 c. 91; Maryland SB 525"
    example_fires = ("---\ncountry: US\nregion: US-WA\n---\n\n## Responsibilities\n\n- Build services\n\n"
                     "## Compensation\n\n$120,000–$150,000 per year.\n")
    example_passes = ("---\ncountry: US\nregion: US-WA\n---\n\n## Responsibilities\n\n- Build services\n\n"
                      "## Compensation\n\n$120,000–$150,000 per year, medical and dental insurance, 20 days of paid time off.\n")
    Options = PayOptions

    def check(self, posting: Posting, options: PayOptions) -> Iterable[Diagnostic]:
        day = as_of(options)
        # The benefit-disclosure duties describe benefits offered to employees; an independent contractor
        # or freelancer (see employee_laws) gets none to describe.
        found = employee_laws(posting, day, "benefits", contractor=True)
        if not found:
            return
        if any(s.id == "benefits" and s.blocks for s in posting.sections):
            return
        job = posting.jsonld or {}
        if job.get("jobBenefits") or job.get("benefits"):
            return
        if next(find_in_posting(posting, BENEFITS_RE), None) is not None:
            return
        yield self.at(posting, _anchor(posting),
                      f"no description of benefits and other compensation; required by {_laws(found)}",
                      severity=_pd().strongest(found, day))


class EuPayInfo(Rule):
    """AD605: an EU posting gives no pay and does not say pay information comes before the interview."""

    code = "AD605"
    name = "eu-pre-employment-pay-info"
    severity = Severity.WARNING
    summary = "An EU posting gives no pay or range and does not say that pay information is given before the interview."
    why = ("Directive (EU) 2023/970 Article 5(1) gives applicants the right to the initial pay or its range before "
           "the interview, in the vacancy notice or otherwise; member states had to apply it by 2026-06-07. The "
           "posting is the simplest place; a sentence saying when pay is shared also meets this check.")
    source = "Directive (EU) 2023/970, Articles 5(1) and 34; national transposition measures (EUR-Lex CELEX 32023L0970)"
    example_fires = "---\ncountry: DE\n---\n\n## Aufgaben\n\n- Du entwickelst unsere Plattform\n"
    example_passes = "---\ncountry: DE\n---\n\n## Aufgaben\n\n- Du entwickelst unsere Plattform\n\n## Gehalt\n\n60.000–75.000 € p.a.\n"
    Options = PayOptions

    def check(self, posting: Posting, options: PayOptions) -> Iterable[Diagnostic]:
        day = as_of(options)
        eu = _pd().jurisdictions().eu
        place = _pd().posting_place(posting)
        members = [c for c in place.countries if c in eu.members]
        if not members or (place.remote and len(members) != len(place.countries)):
            return
        country = members[0]
        national = eu.national.get(country)
        start = national.effective if national else eu.transposition_deadline
        if day < start:
            return
        if not pay_missing(posting) or next(find_in_posting(posting, SCALE_RE), None) is not None:
            return
        if next(find_in_posting(posting, BEFORE_INTERVIEW_RE), None) is not None:
            return
        from adlint.checks.locale_truth import country_name

        if national:
            law = f"{national.law}, in force since {start.isoformat()}"
        else:
            law = (f"{eu.law}, which member states had to apply by {start.isoformat()} "
                   f"({country_name(country)} had not transposed it at the data snapshot)")
        yield self.at(posting, _anchor(posting),
                      f"no pay or pay range, and no statement that pay information is given before the interview; "
                      f"applicants in {country_name(country)} ({country}) have that right under {law}")


class AustriaMinimumPay(Rule):
    """AD606: an Austrian posting without the minimum pay in figures."""

    code = "AD606"
    name = "austria-minimum-pay"
    severity = Severity.ERROR
    summary = "An Austrian posting does not state the minimum pay in figures (or, as info, whether more may be paid)."
    why = ("Austria's Equal Treatment Act (GlBG section 9(2)) requires every job advertisement to state the "
           "minimum pay under the collective agreement or law, in figures, and whether the employer is willing to "
           "pay more. A first breach draws a warning, repeats a fine of up to EUR 360 per advertisement.")
    source = "Gleichbehandlungsgesetz section 9(2) (BGBl. I Nr. 7/2011)"
    example_fires = "---\ncountry: AT\n---\n\n## Aufgaben\n\n- Du entwickelst unsere Plattform\n"
    example_passes = ("---\ncountry: AT\n---\n\n## Gehalt\n\nDas Mindestgehalt laut Kollektivvertrag beträgt 3.200 € brutto "
                      "pro Monat; Bereitschaft zur Überzahlung je nach Qualifikation.\n")
    Options = PayOptions

    def check(self, posting: Posting, options: PayOptions) -> Iterable[Diagnostic]:
        day = as_of(options)
        found = [a for a in _pd().applicable(posting, day, "minimum_pay")]
        if not found:
            return
        law = found[0].describe()
        figures = _figures(posting)
        if not figures:
            yield self.at(posting, _anchor(posting), f"no minimum pay in figures; required by {law}",
                          severity=found[0].jurisdiction.severity(day))
            return
        if next(find_in_posting(posting, OVERPAY_RE), None) is None:
            p = figures[0]
            yield self.at(posting, (p.start, p.end) if p.end > p.start else None,
                          f"pay '{p.text.strip() or 'metadata'}' given, but not whether you are willing to pay more "
                          f"(e.g. 'Bereitschaft zur Überzahlung'); {law}", severity=Severity.INFO)


class PayHistoryQuestion(Rule):
    """AD607: the posting asks for current or past pay."""

    code = "AD607"
    name = "pay-history-question"
    severity = Severity.WARNING
    summary = "The posting asks for current or past pay (\"current salary\", \"salaire actuel\", \"aktuelles Gehalt\", \"salario actual\")."
    why = ("Asking for pay history carries past pay gaps into the new job. It is banned in the EU (Directive "
           "2023/970 Art. 5(2), as member states apply it), in British Columbia and in many US states and cities; "
           "elsewhere it is discouraged. Ask for salary expectations instead. An error where a ban applies.")
    source = "Directive (EU) 2023/970 Art. 5(2); BC Pay Transparency Act s. 3; US state and city bans (rules/jurisdictions.yaml)"
    example_fires = "## How to apply\n\nSend your CV and your current salary to jobs@example.org.\n"
    example_passes = "## How to apply\n\nSend your CV and your salary expectations to jobs@example.org.\n"
    Options = PayOptions

    def check(self, posting: Posting, options: PayOptions) -> Iterable[Diagnostic]:
        day = as_of(options)
        hits = []
        for run in text_runs(posting):
            for m in PAY_HISTORY_RE.finditer(run.text):
                clause = re.split(r"[.;!?\n]", run.text[max(0, m.start() - 80):m.start()])[-1]
                if _NEGATION.search(clause):
                    continue
                hits.append((run.span(m.start(), m.end()), m.group(0)))
        if not hits:
            return
        sev, why = self._law(posting, day)
        for span, text in hits:
            yield self.at(posting, span, f"asks for pay history ('{text}'); {why}; ask for salary expectations instead",
                          severity=sev)

    @staticmethod
    def _law(posting: Posting, day: date) -> tuple[Severity, str]:
        data = _pd().jurisdictions()
        place = _pd().posting_place(posting)
        for ban in data.pay_history_bans:
            if ban.effective <= day and _pd().covers(ban, place):
                sev = Severity.ERROR if ban.confidence == "high" else Severity.WARNING
                verify = "" if ban.confidence == "high" else " [medium confidence: verify]"
                return sev, f"banned in {ban.name} by {ban.law} since {ban.effective.isoformat()}{verify}"
        eu = data.eu
        member = next((c for c in place.countries if c in eu.members), None)
        if member is not None and day >= eu.transposition_deadline:
            return Severity.WARNING, (f"{eu.law} Art. 5(2) bans pay-history questions; member states had to apply "
                                      f"it by {eu.transposition_deadline.isoformat()}")
        return Severity.WARNING, "pay-history questions are banned in the EU and many US states and cities"


class OntarioStatements(Rule):
    """AD608: an Ontario posting lacks the AI-use or existing-vacancy statement."""

    code = "AD608"
    name = "ontario-required-statements"
    severity = Severity.ERROR
    summary = "An Ontario posting (employer with 25+ employees) does not say whether AI screens applicants or whether the vacancy exists."
    why = ("From 2026-01-01 Ontario's Employment Standards Act requires publicly advertised postings of employers "
           "with 25 or more employees to state whether artificial intelligence is used to screen, assess or select "
           "applicants, and whether the posting is for an existing vacancy.")
    source = "Ontario ESA 2000 Part III.1 (Working for Workers Four and Five Acts, 2024); O. Reg. 476/24"
    example_fires = "---\ncountry: CA\nregion: CA-ON\n---\n\n## Compensation\n\nCAD 80,000–100,000 per year.\n"
    example_passes = ("---\ncountry: CA\nregion: CA-ON\n---\n\n## Compensation\n\nCAD 80,000–100,000 per year.\n\n"
                      "This posting is for an existing vacancy. We do not use artificial intelligence to screen, assess "
                      "or select applicants.\n")
    Options = PayOptions

    def check(self, posting: Posting, options: PayOptions) -> Iterable[Diagnostic]:
        day = as_of(options)
        for req, rx, what in (("ai_statement", AI_STATEMENT_RE, "whether artificial intelligence is used to screen, "
                               "assess or select applicants"),
                              ("vacancy_statement", VACANCY_RE, "whether the posting is for an existing vacancy")):
            found = _pd().applicable(posting, day, req)
            if found and next(find_in_posting(posting, rx), None) is None:
                yield self.at(posting, _anchor(posting), f"the posting does not state {what}; required by {_laws(found)}",
                              severity=_pd().strongest(found, day))


class CanadianExperience(Rule):
    """AD609: a Canadian posting requires Canadian experience."""

    code = "AD609"
    name = "canadian-experience-requirement"
    severity = Severity.WARNING
    summary = "A Canadian posting requires \"Canadian experience\" (prohibited in Ontario postings from 2026-01-01)."
    why = ("Ontario bars employers from requiring Canadian experience in postings and application forms from "
           "2026-01-01, and human-rights commissions elsewhere in Canada treat it as likely discrimination against "
           "newcomers. Ask for the skills the experience stands for.")
    source = "Ontario Working for Workers Four Act, 2024 (ESA 2000 Part III.1); Ontario Human Rights Commission policy (2013)"
    example_fires = "---\ncountry: CA\nregion: CA-ON\n---\n\n## Requirements\n\n- Two years of Canadian experience\n"
    example_passes = "---\ncountry: CA\nregion: CA-ON\n---\n\n## Requirements\n\n- Two years of experience in retail\n"
    Options = PayOptions

    def check(self, posting: Posting, options: PayOptions) -> Iterable[Diagnostic]:
        place = _pd().posting_place(posting)
        if "CA" not in place.countries:
            return
        day = as_of(options)
        found = _pd().applicable(posting, day, "no_canadian_experience")
        for span, text in find_in_posting(posting, CANADIAN_EXPERIENCE_RE):
            if found:
                yield self.at(posting, span, f"requires '{text}'; prohibited by {_laws(found)}",
                              severity=_pd().strongest(found, day))
            else:
                yield self.at(posting, span, f"requires '{text}', which screens out newcomers to Canada; "
                                             "ask for the skills instead")


class ColoradoDeadline(Rule):
    """AD613: a Colorado posting without the application deadline."""

    code = "AD613"
    name = "colorado-application-deadline"
    severity = Severity.WARNING
    summary = "A posting covered by Colorado's law does not state the expected application deadline."
    why = ("Since 2024-01-01 Colorado (SB 23-105) requires postings to state the expected date the application "
           "window closes. `valid_through` metadata or JSON-LD `validThrough` also counts, and so does a statement "
           "that applications are accepted on an ongoing or rolling basis or until the job is filled, which the "
           "CDLE's Equal Pay Transparency Rules accept instead of a date. A freelance or independent-contractor "
           "role, or a remote job limited to other states or time zones, is not covered (see AD601).")
    source = "C.R.S. 8-5-201 as amended by SB 23-105"
    example_fires = "---\ncountry: US\nregion: US-CO\n---\n\n## Compensation\n\n$90,000–$110,000 per year, medical and dental insurance.\n"
    example_passes = ("---\ncountry: US\nregion: US-CO\n---\n\n## Compensation\n\n$90,000–$110,000 per year, medical and "
                      "dental insurance.\n\nApplications close on 2026-03-31.\n")
    Options = PayOptions

    def check(self, posting: Posting, options: PayOptions) -> Iterable[Diagnostic]:
        day = as_of(options)
        found = employee_laws(posting, day, "deadline")
        if not found or posting.meta("valid_through") not in (None, ""):
            return
        if next(find_in_posting(posting, DEADLINE_RE), None) is not None:
            return
        if next(find_in_posting(posting, ONGOING_APPLICATIONS_RE), None) is not None:
            return  # "accepting applications on an ongoing basis" stands in for a date (CDLE rules)
        yield self.at(posting, _anchor(posting), f"no application deadline; required by {_laws(found)}",
                      severity=_pd().strongest(found, day, Severity.WARNING))


class _FrenchRequired(Rule):
    """Shared check of AD610 and AD611: the posting must be (also) in French where the job is."""

    def _law(self, posting: Posting, day: date) -> str | None:
        raise NotImplementedError

    def check(self, posting: Posting, options: PayOptions) -> Iterable[Diagnostic]:
        from adlint import detect
        from adlint.checks.locale_truth import language_name

        law = self._law(posting, as_of(options))
        if law is None:
            return
        lang = detect.detect_posting(posting)
        if lang is None or lang == "fr":
            return
        if any(d.lang == "fr" and d.confidence >= 0.8 for _, d in detect.block_detections(posting)):
            return  # a French version is present
        yield self.at(posting, _anchor(posting),
                      f"the posting is in {language_name(lang)} with no French version; {law}")


class QuebecFrench(_FrenchRequired):
    """AD610: a Quebec posting that is not in French."""

    code = "AD610"
    name = "quebec-french"
    severity = Severity.WARNING
    summary = "A posting for a job in Quebec has no French version."
    why = ("Quebec's Charter of the French Language, as amended by Bill 96 (from 2022-06-01), requires a job "
           "posting published in another language to be published in French at the same time, by the same means "
           "and with comparable reach.")
    source = "Quebec Charter of the French Language s. 41 ff. (Bill 96, 2022)"
    example_fires = ("---\ncountry: CA\nregion: CA-QC\n---\n\n## Responsibilities\n\nYou will join a team of six "
                     "people building a public digital service that helps local authorities publish their data.\n")
    example_passes = ("---\ncountry: CA\nregion: CA-QC\n---\n\n## Missions\n\nVous rejoindrez une équipe de six "
                      "personnes qui construit un service public numérique pour aider les collectivités.\n")
    Options = PayOptions

    def _law(self, posting: Posting, day: date) -> str | None:
        place = _pd().posting_place(posting)
        for rec in _pd().jurisdictions().french_required:
            if rec.effective <= day and _pd().covers(rec, place) in ("region", "city"):
                return f"required by {rec.name}: {rec.law}, in force since {rec.effective.isoformat()}"
        return None


class FranceFrench(_FrenchRequired):
    """AD611: a posting for a job in France that is not in French."""

    code = "AD611"
    name = "france-french"
    severity = Severity.WARNING
    summary = "A posting for a job in France is not written in French."
    why = ("France's Code du travail (L5331-4) requires job offers for work in France to be written in French; "
           "a part in another language is allowed when the job justifies it, after a French description. The "
           "criminal sanction was removed, so this is a warning.")
    source = "Code du travail, article L5331-4"
    example_fires = ("---\ncountry: FR\n---\n\n## Responsibilities\n\nYou will join a team of six people building a "
                     "public digital service that helps local authorities publish their open data.\n")
    example_passes = ("---\ncountry: FR\n---\n\n## Missions\n\nVous rejoindrez une équipe de six personnes qui construit "
                      "un service public numérique pour aider les collectivités à publier leurs données.\n")
    Options = PayOptions

    def _law(self, posting: Posting, day: date) -> str | None:
        place = _pd().posting_place(posting)
        if place.countries[:1] == ["FR"] and not (place.remote and len(place.countries) > 1):
            return "required by the French Code du travail, article L5331-4"
        return None
