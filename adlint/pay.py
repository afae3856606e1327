"""Pay extraction from posting text and metadata, in English, French, German and Spanish,
and the date the pay and structured-data rules judge by (:func:`as_of`).

:func:`extract` finds money amounts in a string ("$120,000–$150,000 per year",
"50 000 € – 60 000 € brut annuel", "60.000–75.000 € p.a.", "entre 30.000 y
35.000 €", "45-55k€", "$45 – $55/hr") and returns :class:`Pay` records with
the minimum, maximum, ISO 4217 currency, period and the span of the words.
:func:`from_metadata` reads a ``salary`` metadata value (front-matter mapping
or string, or a schema.org ``MonetaryAmount``). :func:`posting_pay` does both
for a whole posting and maps spans to source offsets.

A money amount counts as *pay* (``Pay.is_pay``) when salary words or a pay
period stand near it and no budget, bonus or funding word stands nearer; a
"$1,000 home-office budget" is found but is not pay.

Numbers: a separator followed by exactly three digits groups thousands
(``120,000``, ``60.000``, ``50 000``, ``50'000``); one or two digits after
the last separator are decimals (``132,000.00``, ``500,00``). ``k``/``K``
multiplies by 1,000 and carries over a range ("45-55k€" is 45,000–55,000), and
a range with ``k`` and salary words needs no currency ("base compensation range
is 135-150k"). A range whose two sides use the comma differently ("$173,00 -
$216,300") is a typo: its ``malformed`` note says so and its ratio is not trusted.

Wording from ``rules/pay_phrases.yaml`` also marks a figure ``fixed`` ("The
hourly rate for this role is $25/hour", "$40,000 base salary") and ``ote``
(on-target earnings, not base pay); referral and signing bonuses, stipends and
allowances ("other_money") are not pay.
"""

import os
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Iterator

from pydantic import ConfigDict, Field

from adlint.rule import RuleOptions

if TYPE_CHECKING:
    from adlint.posting import Posting

PERIODS = ("HOUR", "DAY", "WEEK", "MONTH", "YEAR")

#: Environment variable holding the ``--as-of`` date (ISO 8601, ``YYYY-MM-DD``).
AS_OF_ENV = "ADLINT_AS_OF"


def as_of(options: Any = None) -> date:
    """The day the date-dependent rules (AD6xx, AD7xx) judge by.

    The rule option ``as_of`` (a date) wins; then ``$ADLINT_AS_OF``
    (``YYYY-MM-DD``; a value that is not a date is ignored); then today.
    """
    value = getattr(options, "as_of", None)
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    env = os.environ.get(AS_OF_ENV, "").strip()
    if env:
        try:
            return date.fromisoformat(env[:10])
        except ValueError:
            pass
    return date.today()


class AsOfOption(RuleOptions):
    """Options model of the date-dependent rules: ``as_of``, the date laws and expiry are judged by."""

    model_config = ConfigDict(extra="forbid")
    as_of: date | None = Field(None, description="judge laws and expiry as on this date (YYYY-MM-DD); default: "
                               f"${AS_OF_ENV} or today")


class LazyRegex:
    """A regular expression compiled on first use, so importing a rule module stays cheap.

    Behaves like the compiled :class:`re.Pattern` (``search``, ``finditer``, ``match``, ``sub``...).
    """

    __slots__ = ("_args", "_rx")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args = (pattern, flags)
        self._rx: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern."""
        if self._rx is None:
            self._rx = re.compile(*self._args)
        return self._rx

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled(), name)


class PhraseRegex(LazyRegex):
    """A group of pay wording from ``rules/pay_phrases.yaml``, compiled (case-insensitive) on first use."""

    __slots__ = ("_group",)

    def __init__(self, group: str) -> None:
        super().__init__("", re.I)
        self._group = group

    def compiled(self) -> re.Pattern[str]:
        """The group's patterns joined as alternatives. Raises ``RuleDataError`` for bad rule data."""
        if self._rx is None:
            from adlint.paydata import pay_phrases

            self._rx = re.compile("|".join(pay_phrases().groups[self._group].patterns), re.I)
        return self._rx

#: Currency words and symbols → ISO 4217 code. ``$`` and ``kr`` depend on the country (see :func:`resolve_currency`).
_CURRENCY_WORDS = {
    "us$": "USD", "usd": "USD", "dollars": "USD", "dollar": "USD",
    "c$": "CAD", "ca$": "CAD", "can$": "CAD", "cad": "CAD",
    "a$": "AUD", "au$": "AUD", "aud": "AUD", "nz$": "NZD", "nzd": "NZD",
    "r$": "BRL", "brl": "BRL", "mx$": "MXN", "mxn": "MXN", "s$": "SGD", "sgd": "SGD", "hk$": "HKD", "hkd": "HKD",
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR",
    "£": "GBP", "gbp": "GBP", "chf": "CHF", "fr.": "CHF",
    "₹": "INR", "inr": "INR", "pln": "PLN", "¥": "JPY", "jpy": "JPY",
    "sek": "SEK", "nok": "NOK", "dkk": "DKK", "czk": "CZK", "huf": "HUF", "ron": "RON", "bgn": "BGN",
    "$": "$", "kr": "kr", "kr.": "kr",
}
_PREFIX_CUR = (r"(?:(?:USD|CAD|AUD|NZD|SGD|HKD|MXN)\s?\$|US\$|USD|C\$|CA\$|CAN\$|CAD|A\$|AU\$|AUD|NZ\$|NZD|R\$|MX\$|S\$|HK\$"
               r"|\$|€|EUR|£|GBP|CHF|(?<![\w-])Fr\.|₹|INR|¥|JPY|SEK|NOK|DKK|PLN|CZK|HUF|RON|BGN|BRL|ZAR|ILS{before})")
_SUFFIX_CUR = (r"(?:€|EUR\b|[Ee]uros?\b|USD\b|CAD\b|AUD\b|NZD\b|GBP\b|CHF\b|SGD\b|INR\b|PLN\b|SEK\b|NOK\b|DKK\b"
               r"|CZK\b|HUF\b|RON\b|BGN\b|BRL\b|MXN\b|HKD\b|JPY\b|kr\.?(?![a-zäöå])|[Dd]ollars?\b|\$|£{after})")


@lru_cache(maxsize=1)
def _local_symbols() -> dict[str, str]:
    """Local currency signs ("lei", "zł", "Ft", "лв") → ISO 4217 code, from ``rules/currencies.yaml``."""
    from adlint.paydata import currencies

    return {s.symbol.lower(): s.code for s in currencies().local_symbols}


def _symbol_alternatives(position: str) -> str:
    """``|``-prefixed regex alternatives of the local signs written at ``position`` (longest first); a sign
    ending in a letter must not run on into a word ("lei" in "leicht", "Ft" in "Fte")."""
    from adlint.paydata import currencies

    syms = sorted((s.symbol for s in currencies().local_symbols if position in s.position), key=len, reverse=True)
    out = ""
    for sym in syms:
        rx = re.escape(sym)
        if position == "before":
            rx = r"(?<![\w-])" + rx
        if sym[-1].isalpha():
            rx += r"(?![^\W\d_])"
        out += "|" + rx
    return out
_NUM = (r"\d{1,2}(?:,\d{2})+,\d{3}(?!\d)"  # Indian grouping: 25,00,000 (lakh)
        r"|\d{1,3}(?:(?:[,.'’\u00a0\u202f\u2009]|\s(?=\d{3}(?!\d)))\d{3}(?!\d))+(?:[.,]\d{1,2}(?!\d))?"
        r"|\d+(?:[.,]\d{1,2}(?!\d))?")
_MULT = r"(?:\s?(?:[kK](?![a-zA-Z])|Mio\.?(?![a-zA-Z])|Tsd\.?(?![a-zA-Z])))"


def _amount(p: str) -> str:
    """The regex of one amount, its groups prefixed with ``p`` (with the local currency signs of
    ``rules/currencies.yaml``)."""
    pre = _PREFIX_CUR.format(before=_symbol_alternatives("before"))
    post = _SUFFIX_CUR.format(after=_symbol_alternatives("after"))
    return (rf"(?:(?P<{p}pre>{pre})\s?)?(?P<{p}num>{_NUM})(?P<{p}mult>{_MULT})?"
            rf"(?:\s?(?P<{p}post>{post})(?!\s?:))?")


class _BuiltRegex(LazyRegex):
    """A regular expression whose pattern is built on first use (it needs rule data)."""

    __slots__ = ("_build",)

    def __init__(self, build: Any, flags: int = 0) -> None:
        super().__init__("", flags)
        self._build = build

    def compiled(self) -> re.Pattern[str]:
        """The built pattern, compiled. Raises ``RuleDataError`` for bad rule data."""
        if self._rx is None:
            self._rx = re.compile(self._build(), self._args[1])
        return self._rx

_CONNECT = r"\s*(?:-|–|—|‑|−|to|bis|à|au|a|hasta|through)\s*"
_BETWEEN_CONNECT = r"\s*(?:and|und|et|y)\s*"
# A unit written on the first amount of a range too ("$40/hr – $55/hr"), and a period glued to the
# last amount ("$90,000annually"), do not break a range.
_UNIT_ON_FIRST = r"(?:\s*/\s?(?:hr|hour|h|yr|year|mo|month|day|week|an|jahr|mois|año)\b\.?)?"
_END = r"(?:(?![\w])|(?=(?:annually|yearly|monthly|hourly|weekly|daily|per\b|p\.a\.)))"
_RANGE_RE = _BuiltRegex(lambda: rf"(?<![\w.,])(?:{_amount('a')}){_UNIT_ON_FIRST}(?:\s*\([^()\d]{{1,30}}\))?"
                                 rf"(?P<conn>{_CONNECT}|{_BETWEEN_CONNECT})(?:{_amount('b')}){_END}")
_SINGLE_RE = _BuiltRegex(lambda: rf"(?<![\w.,])(?:{_amount('a')}){_END}")

_BETWEEN_WORDS = LazyRegex(r"(?:between|zwischen|entre)\s*$", re.I)

_PERIOD_AFTER = [
    ("HOUR", r"(?:/\s?(?:hr|hour|h|std|stunde|heure)\b|per\s+hour|an\s+hour|hourly|/hour|p\.?\s?h\.?(?!\w)|pro\s+stunde|je\s+stunde|die\s+stunde|de\s+l['’]heure|par\s+heure|(?:brut\s+)?horaire|por\s+hora|la\s+hora|/\s?hora)"),
    ("DAY", r"(?:/\s?(?:day|jour|tag|d[ií]a)\b|per\s+day|a\s+day|daily|pro\s+tag|je\s+tag|par\s+jour|/jour|por\s+d[ií]a|al\s+d[ií]a)"),
    ("WEEK", r"(?:/\s?(?:week|wk|woche|semaine|semana)\b|per\s+week|a\s+week|weekly|pro\s+woche|par\s+semaine|por\s+semana|a\s+la\s+semana)"),
    ("MONTH", r"(?:/\s?(?:month|mo|monat|mois|mes)\b|per\s+month|a\s+month|monthly|pro\s+monat|im\s+monat|monatlich|je\s+monat|par\s+mois|mensuel(?:le)?s?|/mois|al\s+mes|por\s+mes|mensual(?:es)?|(?:brutto\s+|netto\s+)?(?:pro|im)\s+monat)"),
    ("YEAR", r"(?:/\s?(?:year|yr|y|annum|jahr|an|año)\b|per\s+(?:year|annum)|a\s+year|annually|annual|yearly|p\.?\s?a\.?(?!\w)|pro\s+jahr|im\s+jahr|j[äa]hrlich|jahresgehalt|par\s+an|annuel(?:le)?s?|/an\b|al\s+año|anual(?:es)?|por\s+año|brutos?\s+anual(?:es)?|k€\s+brut|brut\s+annuel)"),
]
_PERIOD_BEFORE = [
    ("HOUR", r"(?:hourly|per\s+hour|stundenlohn|stundensatz|taux\s+horaire|salaire\s+horaire|por\s+hora)"),
    ("DAY", r"(?:daily\s+rate|day\s+rate|tagessatz|tjm|taux\s+jour(?:nalier)?|tarif\s+journalier)"),
    ("MONTH", r"(?:monthly|monatlich\w*|monatsgehalt|mensuel\w*|mensual\w*|per\s+month)"),
    ("YEAR", r"(?:annual|yearly|per\s+year|jahresgehalt|bruttojahresgehalt|jahres\w*|annuel\w*|anual\w*|ote|on[- ]target)"),
]
_PERIOD_AFTER_RE = [(p, LazyRegex(r"^[\s,)*:(/]*(?:usd|eur|cad|gbp|brutto|gross|brut|bruto|net|nets|netto|ht|hors\s+taxes?|ttc)?[\s,)(]*" + rx, re.I))
                    for p, rx in _PERIOD_AFTER]
_PERIOD_BEFORE_RE = [(p, LazyRegex(r"\b" + rx + r"\b", re.I)) for p, rx in _PERIOD_BEFORE]

_PAY_WORDS = PhraseRegex("pay_words")
_NOT_PAY_WORDS = PhraseRegex("not_pay_words")
_NOT_PAY_AFTER = PhraseRegex("not_pay_after")
_OTHER_MONEY = PhraseRegex("other_money")
_FIXED = PhraseRegex("fixed")
_OTE = PhraseRegex("ote")
_BASE = PhraseRegex("base")
_ABBREV = r"(?<!\bmind)(?<!\bca)(?<!\bmin)(?<!\bmax)(?<!\binkl)(?<!\bzzgl)(?<!\bapprox)(?<!\bev)(?<!\bvs)"
_CLAUSE_END = LazyRegex(_ABBREV + r"[.;!?](?:\s|$)|\n|•")
_HUGE_AFTER = LazyRegex(r"\s*\+?\s*(?:million|billion|trillion|milliard|mrd|bn|mn|mio|millones|millions)\b", re.I)
_UPTO = LazyRegex(r"(?:up\s+to|bis\s+zu|jusqu['’]?\s*à|hasta|maximum(?:\s+of)?|max\.?|maximal|no\s+more\s+than|höchstens)\s*$", re.I)
_FROM = LazyRegex(r"(?:from|starting\s+(?:at|from)|starts?\s+at|ab|à\s+partir\s+de|dès|desde|a\s+partir\s+de|"
                   r"minimum(?:\s+of)?|min\.?|at\s+least|mindestens|au\s+moins|al\s+menos)\s*$", re.I)
_PLUS_AFTER = LazyRegex(r"^\s*(?:\+|and\s+up|or\s+more|and\s+above|et\s+plus|und\s+mehr|o\s+más|y\s+más)", re.I)

#: Pay given as words only: "competitive salary", "DOE", "selon profil", "nach Vereinbarung", "a convenir".
VAGUE_RE = PhraseRegex("vague")

#: A collective agreement or pay scale named instead of figures ("TVöD E 9", "Entgeltgruppe 11", "nach KV").
SCALE_RE = PhraseRegex("scale")

#: A statement that pay is given before the interview (Directive (EU) 2023/970 Art. 5(1) allows that).
BEFORE_INTERVIEW_RE = PhraseRegex("before_interview")

#: An explicit statement that the role is unpaid ("There's no salary at this stage"): the pay is stated.
UNPAID_RE = PhraseRegex("unpaid")

#: Words restricting where applicants live ("reside within the state of"); the place follows (see paydata.residence_limits).
RESIDENCE_RE = PhraseRegex("residence")

#: The role stated as freelance or independent-contractor work ("a remote freelance position", "mission freelance").
FREELANCE_RE = PhraseRegex("freelance")

#: Applications accepted on an ongoing or rolling basis, or until filled (Colorado accepts it instead of a date).
ONGOING_APPLICATIONS_RE = PhraseRegex("ongoing_applications")


@dataclass(frozen=True, slots=True)
class Pay:
    """One pay statement.

    ``min``/``max`` are amounts in ``currency`` per ``period`` (``None`` when
    open: "up to $90k" has ``min=None``); a single figure has ``min == max``.
    ``currency`` is an ISO 4217 code, ``"$"``/``"kr"`` when the symbol's
    currency is unknown, or ``None``. ``period`` is one of :data:`PERIODS` or
    ``None`` when not written. ``kind``: ``"range"``, ``"single"``,
    ``"upto"``, ``"from"``. ``start``/``end`` are offsets in the text that
    was searched (source offsets for :func:`posting_pay`). ``is_pay``: salary
    context (see the module doc); ``origin``: ``"text"`` or the metadata origin.
    ``fixed``: one figure stated as the pay itself ("the rate for this role is
    $25/hour", "$40,000 base salary"), a fixed pay rather than a vague one.
    ``ote``: given as on-target earnings (base plus expected commission or
    bonus). ``malformed``: why the figures are not trusted ("" when they are).
    """

    min: float | None
    max: float | None
    currency: str | None
    period: str | None
    kind: str
    start: int
    end: int
    text: str = ""
    is_pay: bool = True
    origin: str = "text"
    fixed: bool = False
    ote: bool = False
    malformed: str = ""

    @property
    def is_range(self) -> bool:
        """True for a closed range with two different ends."""
        return self.kind == "range" and self.min is not None and self.max is not None and self.max > self.min

    def annual(self, hours_per_year: float = 2080.0) -> tuple[float | None, float | None]:
        """``(min, max)`` per year; a missing period is taken as a year for amounts of 10,000 or more,
        as a month for 1,000–9,999, and as an hour below 200; otherwise ``(None, None)``."""
        period = self.period or _guess_period(self.max or self.min or 0.0)
        factor = {"HOUR": hours_per_year, "DAY": 260.0, "WEEK": 52.0, "MONTH": 12.0, "YEAR": 1.0}.get(period or "")
        if factor is None:
            return None, None
        return (None if self.min is None else self.min * factor, None if self.max is None else self.max * factor)


def _guess_period(amount: float) -> str | None:
    if amount >= 10000:
        return "YEAR"
    if 1000 <= amount < 10000:
        return "MONTH"
    if 0 < amount < 200:
        return "HOUR"
    return None


def parse_number(text: str) -> float | None:
    """A number written with thousands separators and decimals in any of the four locales, or ``None``.

    ``"120,000"`` → 120000; ``"60.000"`` → 60000; ``"50 000"`` → 50000;
    ``"132,000.00"`` → 132000; ``"500,00"`` → 500; ``"3,5"`` → 3.5;
    ``"25,00,000"`` (Indian lakh grouping) → 2500000.
    """
    s = re.sub(r"[\s\u00a0\u202f\u2009'’]", " ", text.strip())
    if re.fullmatch(r"\d{1,2}(?:,\d{2})+,\d{3}", s):  # Indian grouping: 25,00,000 is 2.5 million
        return float(s.replace(",", ""))
    m = re.fullmatch(r"(\d+(?:[ ,.]\d{3})*)(?:[.,](\d{1,2}))?", s)
    if not m:
        return None
    whole = re.sub(r"[ ,.]", "", m.group(1))
    try:
        value = float(whole)
    except ValueError:
        return None
    if m.group(2):
        value += float("0." + m.group(2))
    return value


def resolve_currency(symbol: str | None, country: str | None = None) -> str | None:
    """ISO 4217 code for a currency word as written; ``$`` and ``kr`` by ``country`` (ISO 3166-1).

    ``"$"`` is the country's own dollar where it writes one (see
    ``rules/currencies.yaml``), else USD; ``"kr"`` needs a Nordic country and
    stays ``None`` otherwise.
    """
    if not symbol:
        return None
    combo = re.fullmatch(r"([A-Z]{3})\s?\$", symbol.strip())
    if combo:
        return combo.group(1)
    word = symbol.strip().lower()
    code = _CURRENCY_WORDS.get(word) or _local_symbols().get(word) or (word.upper() if len(word) == 3 else None)
    if code == "$":
        from adlint.paydata import currencies

        data = currencies()
        for cur in data.country_currencies.get(country or "", []):
            if cur in data.dollar_currencies:
                return cur
        return "USD"
    if code == "kr":
        from adlint.paydata import currencies

        return currencies().krone_currencies.get(country or "")
    return code


def _mult(m: str | None) -> float:
    if not m:
        return 1.0
    m = m.strip().lower().rstrip(".")
    return 1000.0 if m in ("k", "tsd") else 1_000_000.0 if m == "mio" else 1.0


def _period_near(text: str, start: int, end: int) -> str | None:
    after = text[end:end + 45]
    cut = re.search(r"[.;!?](?:\s|$)|\n", after)
    after = after[:cut.start()] if cut else after
    for period, rx in _PERIOD_AFTER_RE:
        if rx.search(after):
            return period
    before = text[max(0, start - 70):start]
    cut_b = list(re.finditer(r"[.;!?](?:\s|$)|\n", before))
    if cut_b:
        before = before[cut_b[-1].end():]
    found: tuple[int, str] | None = None
    for period, rx in _PERIOD_BEFORE_RE:
        for m in rx.finditer(before):
            if found is None or m.start() > found[0]:
                found = (m.start(), period)
    return found[1] if found else None


_STRONG_PAY = LazyRegex(r"salar|\bpay\b|wage|compensation|\brate\b|gehalt|lohn|vergütung|salaire|rémunér|gratification|"
                         r"\btjm\b|\btaux\b|salario|sueldo|retribu", re.I)


def _clause_before(text: str, start: int) -> str:
    """The words before ``start`` back to the start of the clause (at most 90 characters)."""
    before = text[max(0, start - 90):start]
    cut = list(_CLAUSE_END.finditer(before))
    return before[cut[-1].end():] if cut else before


def _is_pay(text: str, start: int, end: int, period: str | None, is_range: bool = False) -> bool:
    """Salary words or a period near the amount (a range needs neither), and no budget/bonus/funding word nearer."""
    before = text[max(0, start - 90):start]
    cut = list(_CLAUSE_END.finditer(before))
    if cut:
        before = before[cut[-1].end():]
    after = text[end:end + 40]
    cut_a = re.search(r"[.;!?](?:\s|$)|\n|[,(]", after)
    after_clause = after[:cut_a.start()] if cut_a else after
    pos = [m.end() for m in _PAY_WORDS.finditer(before)]
    # Other money (referral bonus, stipend, variable pay target) outranks the pay word inside it
    # ("variable compensation" holds "compensation").
    neg = [m.end() for rx in (_NOT_PAY_WORDS, _OTHER_MONEY) for m in rx.finditer(before)]
    if _NOT_PAY_WORDS.search(after_clause) or _OTHER_MONEY.search(after_clause):
        # "$1,000 sign-on bonus", "$50K to $150K ARR": the amount qualifies the word after it.
        if not pos or (neg and max(neg) >= max(pos)):
            return False
        # Up to two words may stand between: "$3,000 annual variable compensation target".
        rest = after_clause.lstrip()
        for _ in range(3):
            if _NOT_PAY_AFTER.match(rest) or _OTHER_MONEY.match(rest):
                return False
            word = re.match(r"(?!with\b|plus\b|and\b)\w+\s+", rest, re.I)
            if word is None:
                break
            rest = rest[word.end():]
    if neg and (not pos or max(neg) > max(pos)):
        return False
    return is_range or bool(pos) or period is not None or bool(_PAY_WORDS.search(after_clause))


def _sentence_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The clause before ``start`` (see :func:`_clause_before`) and the words after ``end`` to the sentence end (at most 60)."""
    after = text[end:end + 60]
    cut = re.search(r"[.;!?](?:\s|$)|\n|•", after)
    return _clause_before(text, start), after[:cut.start()] if cut else after


def _is_fixed(text: str, start: int, end: int) -> bool:
    """One figure stated as the pay itself: "the hourly rate for this role is $25", "$40,000 base salary"."""
    before, after = _sentence_around(text, start, end)
    # Wording before must run up to the amount; wording after must start right after it.
    return any(m.end() >= len(before.rstrip()) for m in _FIXED.finditer(before)) or bool(_FIXED.match(after))


def _is_ote(text: str, start: int, end: int) -> bool:
    """On-target earnings ("OTE $120k", "$120k OTE") named in the sentence around the amount, which names no
    base pay ("base salary $80k, OTE $150k" and "OTE ... pay mix 80/20 (base/commission)" give the base)."""
    before, after = _sentence_around(text, start, end)
    around = before + " " + after
    return bool(_OTE.search(around)) and not _BASE.search(around)


_DECIMAL_COMMA = re.compile(r"\d{1,3},\d{2}")
_THOUSANDS_COMMA = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?")


def _malformed_range(a: str, b: str) -> str:
    """Why a range's two numbers as written are not to be trusted, or "". One side with two digits after
    its only comma ("173,00") next to a side grouped by commas ("216,300") is a typo for a thousands group,
    not a decimal comma: one range does not use the comma both ways."""
    for x, y in ((a, b), (b, a)):
        if _DECIMAL_COMMA.fullmatch(x.strip()) and _THOUSANDS_COMMA.fullmatch(y.strip()):
            return f"'{x.strip()}' looks like a typo (a thousands group needs three digits)"
    return ""


def _currency_of(m: re.Match[str], side: str) -> str | None:
    post = m.group(f"{side}post")
    pre = m.group(f"{side}pre")
    # An ISO code written after a "$" wins ("$95-115K CAD").
    if post and pre and len(post.strip()) == 3 and post.strip().upper() != "EUR" and pre.strip() == "$":
        return post
    return pre or post


def extract(text: str, country: str | None = None) -> list[Pay]:
    """Money amounts in ``text`` as :class:`Pay` records, in text order.

    ``country`` (ISO 3166-1) decides what a bare ``$`` or ``kr`` means.
    Ranges are preferred to single amounts; amounts without any currency are
    ignored (a year, a head count), except the unmarked side of a range whose
    other side has one ("45-55k€").
    """
    out: list[Pay] = []
    taken: list[tuple[int, int]] = []
    for m in _RANGE_RE.finditer(text):
        conn = m.group("conn").strip().lower()
        if conn in ("and", "und", "et", "y") and not _BETWEEN_WORDS.search(text[max(0, m.start() - 20):m.start()]):
            continue
        cur_a, cur_b = _currency_of(m, "a"), _currency_of(m, "b")
        # "The base compensation range for this role is 135-150k": a k-range after salary words needs no currency.
        if not (cur_a or cur_b) and not (_mult(m.group("bmult")) > 1.0
                                         and _STRONG_PAY.search(_clause_before(text, m.start()))):
            continue
        lo, hi = parse_number(m.group("anum")), parse_number(m.group("bnum"))
        if lo is None or hi is None:
            continue
        ma, mb = _mult(m.group("amult")), _mult(m.group("bmult"))
        if ma == 1.0 and mb > 1.0 and lo * mb <= hi * mb * 1.0001 and lo < 1000:
            ma = mb
        lo, hi = lo * ma, hi * mb
        if hi < lo or lo <= 0:
            continue
        if conn in ("a", "à", "au", "to", "bis", "hasta") and hi > lo * 20:
            continue
        currency = resolve_currency(cur_b if cur_b and (not cur_a or len(cur_b.strip()) == 3) else cur_a, country)
        period = _period_near(text, m.start(), m.end())
        out.append(Pay(lo, hi, currency, period, "range", m.start(), m.end(), m.group(0),
                       _is_pay(text, m.start(), m.end(), period, True), ote=_is_ote(text, m.start(), m.end()),
                       malformed=_malformed_range(m.group("anum"), m.group("bnum"))))
        taken.append((m.start(), m.end()))
    for m in _SINGLE_RE.finditer(text):
        if any(a <= m.start() < b or a < m.end() <= b for a, b in taken):
            continue
        cur = m.group("apre") or m.group("apost")
        if not cur or _HUGE_AFTER.match(text, m.end()) or re.match(r":\d\d", text[m.end():m.end() + 3]):
            continue
        value = parse_number(m.group("anum"))
        if value is None or value <= 0:
            continue
        value *= _mult(m.group("amult"))
        before = text[max(0, m.start() - 25):m.start()]
        kind = "single"
        lo: float | None = value
        hi: float | None = value
        if _UPTO.search(before):
            kind, lo = "upto", None
        elif _FROM.search(before) or _PLUS_AFTER.match(text[m.end():m.end() + 12]):
            kind, hi = "from", None
        end = m.end()
        plus = _PLUS_AFTER.match(text[end:end + 12])
        if plus and kind == "from":
            end += plus.end()
        period = _period_near(text, m.start(), end)
        pay = Pay(lo, hi, resolve_currency(cur, country), period, kind, m.start(), end, text[m.start():end],
                  _is_pay(text, m.start(), end, period), fixed=kind == "single" and _is_fixed(text, m.start(), end),
                  ote=_is_ote(text, m.start(), end))
        if pay.is_pay and period is not None and max(pay.annual(), key=lambda v: v or 0.0) is not None \
                and (max(v or 0.0 for v in pay.annual())) < 3000 and not _STRONG_PAY.search(_clause_before(text, m.start())):
            pay = replace(pay, is_pay=False)  # "$500 annual ..." is an allowance, not a salary
        out.append(pay)
    out.sort(key=lambda p: p.start)
    return out


def pay_in(text: str, country: str | None = None) -> list[Pay]:
    """Only the amounts of :func:`extract` that read as pay (``is_pay``)."""
    return [p for p in extract(text, country) if p.is_pay]


def _num(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        return parse_number(value.strip())
    return None


_PERIOD_NAMES = {
    "hour": "HOUR", "hourly": "HOUR", "hr": "HOUR", "day": "DAY", "daily": "DAY", "week": "WEEK", "weekly": "WEEK",
    "month": "MONTH", "monthly": "MONTH", "year": "YEAR", "yearly": "YEAR", "annual": "YEAR", "annually": "YEAR",
    "annum": "YEAR", "yr": "YEAR",
}


def from_metadata(value: Any, span: tuple[int, int] | None = None, origin: str = "front-matter",
                  country: str | None = None) -> Pay | None:
    """A :class:`Pay` from a ``salary`` metadata value, or ``None`` when it holds no figure.

    Accepts a schema.org ``MonetaryAmount`` (``currency``, ``value`` as a
    number or ``QuantitativeValue`` with ``value``/``minValue``/``maxValue``/
    ``unitText``), a front-matter mapping (``min``, ``max``, ``currency``,
    ``period``; also ``minimum``/``maximum``/``amount``/``unit``), a number,
    or a string parsed with :func:`extract`.
    """
    start, end = span if span is not None else (0, 0)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return Pay(float(value), float(value), None, None, "single", start, end, str(value), True, origin)
    if isinstance(value, str):
        found = extract(value, country)
        if not found:
            return None
        best = found[0]
        return replace(best, start=start, end=end, is_pay=True, origin=origin)
    if not isinstance(value, dict):
        return None
    currency = value.get("currency") or value.get("salaryCurrency")
    inner = value.get("value", None)
    period = value.get("period") or value.get("unit") or value.get("unitText")
    lo = _num(value.get("min", value.get("minimum", value.get("minValue"))))
    hi = _num(value.get("max", value.get("maximum", value.get("maxValue"))))
    if isinstance(inner, dict):
        period = inner.get("unitText") or period
        lo = _num(inner.get("minValue")) if lo is None else lo
        hi = _num(inner.get("maxValue")) if hi is None else hi
        single = _num(inner.get("value"))
        if lo is None and hi is None and single is not None:
            lo = hi = single
    elif inner is not None:
        single = _num(inner)
        if lo is None and hi is None and single is not None:
            lo = hi = single
    amount = _num(value.get("amount"))
    if lo is None and hi is None and amount is not None:
        lo = hi = amount
    if lo is None and hi is None:
        return None
    per = _PERIOD_NAMES.get(str(period).strip().lower(), str(period).strip().upper()) if period else None
    if per not in PERIODS:
        per = None
    kind = "range" if lo is not None and hi is not None and lo != hi else (
        "single" if lo is not None and hi is not None else "upto" if lo is None else "from")
    cur = resolve_currency(currency, country) if isinstance(currency, str) else None
    return Pay(lo, hi, cur, per, kind, start, end, "", True, origin)


def posting_pay(posting: "Posting", country: str | None = None) -> list[Pay]:
    """Every money amount in the posting: the ``salary`` metadata first, then the text, with source spans.

    Text amounts keep their ``is_pay`` judgement. Cached on the posting per country.
    """
    key = f"adlint.pay.{country}"
    if key in posting.cache:
        return posting.cache[key]
    out: list[Pay] = []
    f = posting.metadata.get("salary")
    if f is not None:
        p = from_metadata(f.value, f.span or f.key_span, f.origin, country)
        if p is not None:
            out.append(p)
    for run in text_runs(posting):
        for p in extract(run.text, country):
            s, e = run.span(p.start, p.end)
            out.append(replace(p, start=s, end=e))
    posting.cache[key] = out
    return out


def text_runs(posting: "Posting") -> Iterator[Any]:
    """The posting's title, headings and block runs (:class:`~adlint.posting.TextRun`), in document order."""
    if posting.title is not None:
        yield posting.title
    for section in posting.sections:
        if section.heading is not None:
            yield section.heading
        for block in section.blocks:
            yield block.run


def find_in_posting(posting: "Posting", pattern: Any) -> Iterator[tuple[tuple[int, int], str]]:
    """``(source span, matched text)`` of every match of ``pattern`` (a compiled or :class:`LazyRegex`)
    in the title, headings and blocks."""
    for run in text_runs(posting):
        for m in pattern.finditer(run.text):
            yield run.span(m.start(), m.end()), m.group(0)
