"""The pay extractor (adlint.pay) on real salary strings and on money that is not pay.

REAL holds short salary phrases copied from postings in ../shared/corpus (en-remote,
de-arbeitnow, fr-betagouv; the file each comes from is named), with the minimum, maximum,
ISO 4217 currency and period a careful reader takes from them (None: not written).
"""

from __future__ import annotations

import pytest

from adlint.linter import lint_text
from adlint.pay import extract, from_metadata, parse_number, pay_in, posting_pay
from adlint.paydata import zone_states_at

# (source file in the corpus, text, min, max, currency, period)
REAL = [
    ("en-remote/jobicy_0189", "COMPENSATION RANGE: $80,000-$90,000 USD", 80000, 90000, "USD", None),
    ("en-remote/jobicy_0190", "$120,000 – $130,000 a year", 120000, 130000, "USD", "YEAR"),
    ("en-remote/jobicy_0197", "The salary range for this role is $162,000 – $175,000.", 162000, 175000, "USD", None),
    ("en-remote/jobicy_0201", "the potential salary for this position is from $100,000 to $130,000", 100000, 130000, "USD", None),
    ("en-remote/jobicy_0204", "Canada based applicants, the salary range is $155,509 – $234,118 CAD + equity + benefits.",
     155509, 234118, "CAD", None),
    ("en-remote/jobicy_0206", "Total Cash Compensation Range $145K – $170K • Offers Equity", 145000, 170000, "USD", None),
    ("en-remote/jobicy_0212", "Base Pay Range: $132,000.00 – 181,500.00 per year", 132000, 181500, "USD", "YEAR"),
    ("en-remote/jobicy_0217", "Annual Base Salary Range (SF/NY Hub): $136,000 – $210,000 USD", 136000, 210000, "USD", "YEAR"),
    ("en-remote/jobicy_0218", "Compensation Range: $45 – $55/hr.", 45, 55, "USD", "HOUR"),
    ("en-remote/jobicy_0219", "salary range for this position is between $70,000 and $130,000 USD.", 70000, 130000, "USD", None),
    ("en-remote/jobicy_0221", "The hourly rate for this role is $15 – $16.", 15, 16, "USD", "HOUR"),
    ("en-remote/jobicy_0222", "The hourly rate for this role is $25/hour, 25 – 29 hours per week.", 25, 25, "USD", "HOUR"),
    ("en-remote/jobicy_0224", "£176,300 – £295,000", 176300, 295000, "GBP", None),
    ("en-remote/jobicy_0227", "Compensation Range: $34-$35 per hour", 34, 35, "USD", "HOUR"),
    ("en-remote/jobicy_0229", "the salary range for this position is 125,500 to 140,000 CAD.", 125500, 140000, "CAD", None),
    ("en-remote/jobicy_0234", "annual base salary for this role is between $94,000 CAD and $128,000 CAD, plus",
     94000, 128000, "CAD", "YEAR"),
    ("en-remote/jobicy_0238", "range for this position is $151,000.00-$227,000.00 with a pay mix of 80/20",
     151000, 227000, "USD", None),
    ("en-remote/jobicy_0250", "Starting base salary is $45K with opportunity for growth.", 45000, 45000, "USD", None),
    ("en-remote/jobicy_0250", "can earn up to $85k+.", None, 85000, "USD", None),
    ("en-remote/jobicy_0253", "Salary Band: $95-115K CAD per annum.", 95000, 115000, "CAD", "YEAR"),
    ("en-remote/jobicy_0254", "The base salary range is $52,000 (entry-level) – $60,000 (highly experienced)",
     52000, 60000, "USD", None),
    ("en-remote/jobicy_0255", "$156,100—$211,100 USD", 156100, 211100, "USD", None),
    ("en-remote/jobicy_0262", "The OTE for this role is £180,000 – £220,000.", 180000, 220000, "GBP", "YEAR"),
    ("en-remote/jobicy_0273", "Starting from €2500 after taxes, depending on your skills", 2500, None, "EUR", None),
    ("en-remote/jobicy_0275", "Hiring Ranges: Remote UK £110,000 – £147,000 GBP", 110000, 147000, "GBP", None),
    ("en-remote/jobicy_0292", "range for this role in the primary location is C$150,900 – C$226,300.",
     150900, 226300, "CAD", None),
    ("en-remote/jobicy_0295", "Compensation: Hourly rates from $40 to $150 per hour.", 40, 150, "USD", "HOUR"),
    ("en-remote/jobicy_0306", "The base salary range for this job is USD $127,600.00 – USD $338,500.00 /Yr.",
     127600, 338500, "USD", "YEAR"),
    ("en-remote/jobicy_0311", "the OTE compensation range for this role is CHF 198,000 – CHF 236,000.",
     198000, 236000, "CHF", "YEAR"),
    ("en-remote/jobicy_0313", "Pay Range: $15.25-16.00 or State/Local minimum wage,", 15.25, 16, "USD", None),
    ("en-remote/jobicy_0367", "3.5k – 4.5k euro monthly gross pay, based on e", 3500, 4500, "EUR", "MONTH"),
    ("en-remote/remotive_0053", "anywhere between 10 000 - 16 000 PLN provided, however,", 10000, 16000, "PLN", None),
    ("en-remote/remotive_0071", "Competitive hourly rates: €25–€65/hour.", 25, 65, "EUR", "HOUR"),
    ("en-remote/remotive_0080", "Fair compensation - €30k to €60k per year based on experience", 30000, 60000, "EUR", "YEAR"),
    ("en-remote/remotive_0093", "$148,900—$148,900 SGD", 148900, 148900, "SGD", None),
    ("en-remote/remotive_0097", "Germany: €49,031.40-€55,116.61 (target salary offer", 49031.40, 55116.61, "EUR", None),
    ("en-remote/remotive_0112", "Salary Range: $110-$140K + benefits.", 110000, 140000, "USD", None),
    ("en-remote/remotive_0156", "€3300-€5500 per month based on experience", 3300, 5500, "EUR", "MONTH"),
    ("en-remote/remotive_0162", "with the pay band of $90k - $110k/Annually", 90000, 110000, "USD", "YEAR"),
    ("en-remote/remotive_0171", "within the range of CAD $125,000 to $175,000 annually.", 125000, 175000, "CAD", "YEAR"),
    ("en-remote/weworkremotely_0388", "Starting Pay: USD $50-75K/year, Further pay promotions", 50000, 75000, "USD", "YEAR"),
    ("en-remote/weworkremotely_0407", "Compensation : $3,700–$5,300 per month", 3700, 5300, "USD", "MONTH"),
    ("en-remote/weworkremotely_0467", "Salary range: $42,000 - $60,000 / year (USD, gross)", 42000, 60000, "USD", "YEAR"),
    ("en-remote/weworkremotely_0481", "Working Hours : Monday to Friday, 9 am–5 pm BST Salary: €60,000- €100,000, Depending",
     60000, 100000, "EUR", None),
    ("de-arbeitnow/devops-engineer-karlsruhe-249356",
     "eine Vergütung zwischen 60.000 und 95.000 Euro brutto im Jahr", 60000, 95000, "EUR", "YEAR"),
    ("de-arbeitnow/interim-sen-accountant-bilanzbuchhalter-berlin-65380", "Stundensatz: 65-75€/Std. netto",
     65, 75, "EUR", "HOUR"),
    ("de-arbeitnow/ki-automatisierungsingenieur-hanover-119467", "Gehalt: 3800 Euro pro Monat (brutto)",
     3800, 3800, "EUR", "MONTH"),
    ("de-arbeitnow/praktikantin-kundenberatung-scaling-phase-berlin-377063", "Monatliche Vergütung von 1.200-2.160€",
     1200, 2160, "EUR", "MONTH"),
    ("de-arbeitnow/sap-fico-berater-frankfurt-am-main-45285", "Gehalt– bis zu 110.000 EUR (abhängig von Erfahrung)",
     None, 110000, "EUR", None),
    ("de-arbeitnow/steuerberater-in-erfurt-342828", "Außerordentliche Vergütung von 90.000 € bis 130.000 € / Jahr",
     90000, 130000, "EUR", "YEAR"),
    ("de-arbeitnow/system-engineer-virtualisierung-plattform-cologne-410796", "50.000–65.000 € brutto pro Jahr",
     50000, 65000, "EUR", "YEAR"),
    ("de-arbeitnow/working-student-it-security-hamburg-320005",
     "As a Bachelor's student you will receive 15 euros/h", 15, 15, "EUR", "HOUR"),
    ("fr-betagouv/2017-12-20-Developpeur-Python-Django-FUN", "Salaire : 45-55k€", 45000, 55000, "EUR", None),
    ("fr-betagouv/2018-02-06-business-developer", "Rémunération : 30 000 – 70 000 € brut selon expérience",
     30000, 70000, "EUR", None),
    ("fr-betagouv/2018-02-06-charge-de-support-client", "Rémunération : 25 000 – 50 000\u00a0€ brut selon expérience",
     25000, 50000, "EUR", None),
    ("fr-betagouv/2018-09-27-developpeurJS-PIX", "Salaire : entre 40K€ et 60K€ voire plus", 40000, 60000, "EUR", None),
    ("fr-betagouv/2018-11-26-mobilot-bizdev", "Rémunération : 1600€ net", 1600, 1600, "EUR", None),
    ("fr-betagouv/2019-10-29-transport_bizdev", "entre 150 et 300 euros / jour.", 150, 300, "EUR", "DAY"),
    ("fr-betagouv/2019-12-18-fullstack-ruby-poubellesbattle", "TJM : 350euros HT/jour", 350, 350, "EUR", "DAY"),
    ("fr-betagouv/2020-11-20-offre-dev-egalim", "TJM : max 600 euros HT/jour", None, 600, "EUR", "DAY"),
    ("fr-betagouv/2021-12-16-urbanvitaliz-deploiement", "Rémunération : 300 à 400€ HT /jour selon expérience",
     300, 400, "EUR", "DAY"),
    ("fr-betagouv/2022-05-10-developpeur-developpeuse-ds", "TJM\u00a0: entre 450\u00a0et 700\u00a0€ (très junior - très senior)",
     450, 700, "EUR", "DAY"),
    ("fr-betagouv/2022-06-01-developpeuse.principale", "Rémunération envisagée entre 600 et 700 € HT par jour",
     600, 700, "EUR", "DAY"),
    ("fr-betagouv/2022-07-28", "Entre 400\u2009€ et 600\u2009€ par jour suivant le profil.", 400, 600, "EUR", "DAY"),
]

# Money in postings that is not pay (corpus phrases): found, but is_pay is false.
NOT_PAY = [
    ("en-remote/jobicy_0249", "a mid-market customer base with ARR ranging from $50K to $150K."),
    ("en-remote/jobicy_0265", "with monthly budgets ranging between $50,000-$500,000 per client"),
    ("en-remote/jobicy_0277", "as well as $1,000 sign-on bonus as a welcome"),
    ("en-remote/jobicy_0207", "Learning and Development wallet of £800 per year."),
    ("en-remote/remotive_0053", "One-time $500 office budget to set up your workspace"),
    ("de-arbeitnow/account-executive-dach-munich", "Entwickle dich weiter mit einem Studienbudget von 2.000 € pro Jahr!"),
    ("de-arbeitnow/system-engineer-virtualisierung-plattform-cologne-410796", "Coworking-Budget von 100 € pro Monat"),
]


def _close(a: float | None, b: float | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and abs(a - b) < 0.005)


@pytest.mark.parametrize(("where", "text", "lo", "hi", "currency", "period"), REAL, ids=[r[0] for r in REAL])
def test_real_salary_strings(where, text, lo, hi, currency, period):
    found = pay_in(text)
    assert found, f"no pay found in {text!r}"
    p = found[0]
    assert _close(p.min, lo) and _close(p.max, hi), (p.min, p.max)
    assert p.currency == currency
    assert p.period == period


def test_at_least_forty_real_strings():
    assert len(REAL) >= 40
    assert {w.split("/")[0] for w, *_ in REAL} == {"en-remote", "de-arbeitnow", "fr-betagouv"}


@pytest.mark.parametrize(("where", "text"), NOT_PAY, ids=[r[0] for r in NOT_PAY])
def test_money_that_is_not_pay(where, text):
    found = extract(text)
    assert found, "the amount itself is still found"
    assert not any(p.is_pay for p in found)


@pytest.mark.parametrize(("text", "lo", "hi", "currency", "period"), [
    ("$120,000–$150,000 per year", 120000, 150000, "USD", "YEAR"),
    ("50 000 € – 60 000 € brut annuel", 50000, 60000, "EUR", "YEAR"),
    ("60.000–75.000 € p.a.", 60000, 75000, "EUR", "YEAR"),
    ("entre 30.000 y 35.000 €", 30000, 35000, "EUR", None),
    ("Salario: 28.000 - 32.000 € brutos anuales", 28000, 32000, "EUR", "YEAR"),
    ("18 € por hora", 18, 18, "EUR", "HOUR"),
])
def test_issue_examples_in_four_languages(text, lo, hi, currency, period):
    p = pay_in(text)[0]
    assert (p.min, p.max, p.currency, p.period) == (lo, hi, currency, period)


@pytest.mark.parametrize(("text", "value"), [
    ("120,000", 120000), ("60.000", 60000), ("50 000", 50000), ("50\u202f000", 50000), ("132,000.00", 132000),
    ("500,00", 500), ("3,5", 3.5), ("1.234.567", 1234567), ("12", 12), ("abc", None),
])
def test_parse_number_locales(text, value):
    assert parse_number(text) == value


def test_dollar_follows_the_country():
    assert extract("Salary: $90,000 – $110,000", country="CA")[0].currency == "CAD"
    assert extract("Salary: $90,000 – $110,000", country="DE")[0].currency == "USD"
    assert extract("Lön: 40 000 kr per månad", country="SE")[0].currency == "SEK"
    assert extract("Lön: 40 000 kr per månad")[0].currency is None


def test_years_and_counts_are_not_money():
    assert extract("Founded in 2014, 250 employees, 3 to 5 years of experience") == []


def test_kind_of_open_ended_pay():
    assert pay_in("Salary up to €90,000")[0].kind == "upto"
    assert pay_in("Salary from $100,000+")[0].kind == "from"
    assert pay_in("Salary: $95,000")[0].kind == "single"


@pytest.mark.parametrize(("value", "expected"), [
    ({"@type": "MonetaryAmount", "currency": "USD",
      "value": {"@type": "QuantitativeValue", "minValue": 100000, "maxValue": 120000, "unitText": "YEAR"}},
     (100000, 120000, "USD", "YEAR", "range")),
    ({"currency": "EUR", "value": {"value": 25, "unitText": "HOUR"}}, (25, 25, "EUR", "HOUR", "single")),
    ({"min": 50000, "max": 60000, "currency": "GBP", "period": "year"}, (50000, 60000, "GBP", "YEAR", "range")),
    ({"max": "90.000", "currency": "EUR"}, (None, 90000, "EUR", None, "upto")),
    ("€45,000–55,000 per year", (45000, 55000, "EUR", "YEAR", "range")),
    (75000, (75000, 75000, None, None, "single")),
])
def test_salary_metadata(value, expected):
    p = from_metadata(value)
    assert p is not None
    assert (p.min, p.max, p.currency, p.period, p.kind) == expected


@pytest.mark.parametrize("value", [None, "Competitive", {"currency": "USD"}, [], True])
def test_salary_metadata_without_figures(value):
    assert from_metadata(value) is None


def test_posting_pay_points_at_the_words():
    text = "---\ntitle: Engineer\n---\n\n## Salary\n\nWe pay 60.000–75.000 € p.a. plus a 1.000 € budget.\n"
    posting = lint_text(text, "p.md").posting
    pays = [p for p in posting_pay(posting) if p.is_pay]
    assert len(pays) == 1
    assert posting.position(pays[0].start) == (7, 8)
    assert posting.source[pays[0].start:pays[0].end] == "60.000–75.000 €"


# Shapes written for these tests in the style of real postings: a unit on both ends of a range, a period
# glued to the amount, ISO 4217 codes written before the amount, and Indian lakh grouping.
@pytest.mark.parametrize(("text", "low", "high", "currency", "period"), [
    ("Pay: $40/hr – $55/hr, paid weekly", 40, 55, "USD", "HOUR"),
    ("Salary $71,000 to $90,000annually plus equity", 71000, 90000, "USD", "YEAR"),
    ("Lön: SEK 1,086,000 – SEK 1,304,000 per year", 1086000, 1304000, "SEK", "YEAR"),
    ("Wynagrodzenie: PLN 15 000–20 000 brutto", 15000, 20000, "PLN", None),
    ("Lønn: NOK 650 000–750 000 per year", 650000, 750000, "NOK", "YEAR"),
    ("Salary: DKK 45.000 - 55.000 per month", 45000, 55000, "DKK", "MONTH"),
    ("Salary: CZK 80 000 – 95 000 per month", 80000, 95000, "CZK", "MONTH"),
    ("Salary: JPY 6,000,000 - 8,000,000 per year", 6000000, 8000000, "JPY", "YEAR"),
    ("CTC: INR 25,00,000 - 35,00,000 per annum", 2500000, 3500000, "INR", "YEAR"),
])
def test_ranges_in_local_formats(text, low, high, currency, period):
    (p,) = [x for x in extract(text) if x.is_pay]
    assert (p.min, p.max, p.currency, p.period) == (low, high, currency, period)
    assert text[p.start:p.end].split()[0][0] in "$SPNDCJI0123456789"


def test_a_benefit_amount_is_not_pay():
    assert [p for p in extract("We contribute up to $800 a month towards health premiums.") if p.is_pay] == []


def test_pay_wording_is_rule_data_with_sources() -> None:
    import pydantic

    from adlint.paydata import PHRASE_GROUPS, PayPhrases, pay_phrases

    data = pay_phrases()
    assert set(PHRASE_GROUPS) <= set(data.groups)
    assert all(g.source for g in data.groups.values())
    bad = {"sources": [{"id": "s", "title": "t"}],
           "groups": {g: {"summary": "x", "source": ["s"], "patterns": ["pay"]} for g in PHRASE_GROUPS}}
    bad["groups"]["vague"]["patterns"] = ["(unclosed"]
    with pytest.raises(pydantic.ValidationError, match="not a valid regular expression"):
        PayPhrases.model_validate(bad)
    bad["groups"]["vague"]["patterns"] = ["fine"]
    bad["groups"]["scale"]["source"] = ["nowhere"]
    with pytest.raises(pydantic.ValidationError, match="unknown source id"):
        PayPhrases.model_validate(bad)


# -- issue 11 round 2: what a figure is (sentences written for these tests) -----------------------

@pytest.mark.parametrize("text", [
    "Invite a friend to apply and earn up to $750 if your referral joins us.",
    "Plus a $2,500 signing bonus after your first month.",
    "$60,000 base salary plus $4,000 annual variable compensation target",
    "Mitarbeiter werben Mitarbeiter: bis zu 1.500 € Empfehlungsprämie.",
    "Prime de cooptation : jusqu'à 1 000 € par recrutement.",
    "Bono por referido de hasta 800 € por cada contratación.",
])
def test_referral_and_other_money_is_not_pay(text):
    found = extract(text)
    assert found, "the amount itself is still found"
    other = [p for p in found if p.text.strip() not in ("$60,000",)]
    assert other and not any(p.is_pay for p in other)


def test_base_salary_next_to_variable_pay_stays_pay():
    base, target = extract("$60,000 base salary plus $4,000 annual variable compensation target")
    assert (base.is_pay, base.fixed, target.is_pay) == (True, True, False)


@pytest.mark.parametrize(("text", "fixed"), [
    ("The hourly rate for this position is $30/hour, 20 hours per week.", True),
    ("$72,000 base salary, paid twice a month.", True),
    ("Our salary for this role is $95,000 per year.", True),
    ("Das Gehalt beträgt 4.200 € brutto pro Monat.", True),
    ("Le salaire est de 2 900 € brut par mois.", True),
    ("El salario es de 2.400 € brutos al mes.", True),
    ("The maximum base pay for this position is $140,000.", False),
    ("Starting wage is $18 / hour.", False),
    ("Pay starts at $18 / hour.", False),
    # A label alone before one figure names it as the pay (issue 11, round 3: 'Hourly Rate: $90/hr').
    ("Salary: $95,000", True),
    ("Hourly Rate: $90/hr", True),
    ("Stundenlohn: 18 € brutto", True),
    ("Salaire : 42 000 € brut annuel", True),
    ("Tarifa: 30 €/hora", True),
    ("Annual salary target for the team: $95,000", False),
])
def test_a_figure_stated_as_the_pay_is_fixed(text, fixed):
    (p,) = pay_in(text)
    assert p.fixed is fixed


@pytest.mark.parametrize(("text", "lo", "hi"), [
    ("The base compensation range for this role is 120-140k.", 120000, 140000),
    ("Salaire : 45-55k brut annuel selon profil.", 45000, 55000),
    ("Gehalt: 60-70k brutto im Jahr.", 60000, 70000),
    ("Salario: 30-36k brutos anuales.", 30000, 36000),
])
def test_k_range_after_salary_words_needs_no_currency(text, lo, hi):
    (p,) = pay_in(text)
    assert (p.min, p.max, p.kind) == (lo, hi, "range")


def test_k_range_without_salary_words_is_not_money():
    assert extract("We serve 10-15k customers a day.") == []


def test_comma_typo_in_a_range_is_marked():
    (p,) = pay_in("Base salary range: $154,00 - $182,400 per year.")
    assert "154,00" in p.malformed and "typo" in p.malformed
    (q,) = pay_in("Tagessatz: 500,00 € - 650,00 €")
    assert q.malformed == ""  # a decimal comma on both sides is no typo


@pytest.mark.parametrize(("text", "ote"), [
    ("OTE: $150,000 - $200,000 per year.", True),
    ("On-target earnings of $140,000 - $180,000 (uncapped commission).", True),
    ("Base salary $90,000 - $110,000 per year, OTE $180,000.", False),
    ("Zieleinkommen: 70.000 € - 90.000 € im Jahr.", True),
    ("Fixgehalt 50.000 € im Jahr plus Provision, Zieleinkommen 80.000 €.", False),
    ("Rémunération cible : 60 000 € - 80 000 € par an.", True),
    ("Salario objetivo: 40.000 € - 55.000 € al año.", True),
])
def test_on_target_earnings(text, ote):
    found = pay_in(text)
    assert found and all(p.ote is ote for p in found)


@pytest.mark.parametrize(("text", "expected"), [
    # Romanian leu as job boards write it (glued before, '.' groups thousands) and as CLDR's ro locale does.
    ("lei7.855 – lei8.500 a month, expected monthly NET salary range", (7855.0, 8500.0, "RON", "MONTH")),
    ("Salariu: 7.855 - 8.500 lei net pe lună", (7855.0, 8500.0, "RON", None)),
    ("Fizetés: 450 000 - 600 000 Ft bruttó", (450000.0, 600000.0, "HUF", None)),
    ("Заплата: 2 500 - 3 200 лв. бруто", (2500.0, 3200.0, "BGN", None)),
    ("Wynagrodzenie: 8 000 - 11 000 zł brutto", (8000.0, 11000.0, "PLN", None)),
    ("Mzda: 50 000 - 65 000 Kč", (50000.0, 65000.0, "CZK", None)),
])
def test_local_currency_signs(text, expected):
    (p,) = extract(text)
    assert (p.min, p.max, p.currency, p.period) == expected and p.is_pay


@pytest.mark.parametrize("text", [
    "Das ist leicht 7 Tage lang",      # 'lei' inside a word is no currency
    "Ceiling height 12 Ftx",           # 'Ft' running on into a word
])
def test_local_currency_signs_inside_words(text):
    assert extract(text) == []


@pytest.mark.parametrize(("text", "has", "lacks"), [
    ("the Central time zone", {"US-TX", "US-IL", "US-WI"}, {"US-CO", "US-CA", "US-WA"}),
    ("the Mountain or Pacific time zones", {"US-CO", "US-CA", "US-WA", "US-AZ"}, {"US-NY", "US-IL"}),
    ("EST/CST", {"US-NY", "US-IL"}, {"US-CO", "US-CA"}),
    ("le fuseau horaire du Centre", {"US-TX"}, {"US-CO"}),
    ("Pacific-Zeitzone", {"US-CA", "US-WA"}, {"US-CO"}),
    ("la zona horaria del Pacífico", {"US-CA"}, {"US-TX"}),
])
def test_time_zone_states(text, has, lacks):
    states = set(zone_states_at(text, 0))
    assert has <= states and not (lacks & states)


@pytest.mark.parametrize("text", ["CT", "Pacific Northwest", "central Europe", "the Eastern region"])
def test_no_time_zone_named(text):
    assert zone_states_at(text, 0) == []  # 'CT' is Connecticut; a zone needs 'time zone' or an abbreviation
