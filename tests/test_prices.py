"""Price parsing across scripts, separators and currencies (auditor.text.prices)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from auditor.text.prices import (
    ParsedPrice,
    currency_code,
    find_prices,
    minor_unit,
    money_equal,
    parse_price,
)

NBSP, NNBSP, RLM, MINUS = "\u00a0", "\u202f", "\u200f", "\u2212"


def _one(text: str, **kw) -> ParsedPrice:
    p = parse_price(text, **kw)
    assert p is not None, text
    return p


# ----------------------------------------------------------------------------- parse_price

FORMATS = [
    # Ukrainian
    ("1 299,00 грн", "1299.00", "UAH"),
    ("1 299 грн", "1299", "UAH"),
    ("1299.00 UAH", "1299.00", "UAH"),
    ("₴1 299", "1299", "UAH"),
    ("1 299 ₴", "1299", "UAH"),
    ("від 1 299 грн", "1299", "UAH"),
    ("1 299 грн.", "1299", "UAH"),
    ("ГРН 99", "99", "UAH"),
    (f"1{NBSP}299,00{NBSP}грн", "1299.00", "UAH"),
    (f"1{NNBSP}299 ₴", "1299", "UAH"),
    (f"12{NNBSP}345{NNBSP}678,90 ₴", "12345678.90", "UAH"),
    ("1 299 гривень", "1299", "UAH"),
    ("1 299 українських гривень", "1299", "UAH"),
    # Hebrew
    ("₪89.90", "89.90", "ILS"),
    ("89.90 ₪", "89.90", "ILS"),
    ('89.90 ש"ח', "89.90", "ILS"),
    ("89.90 ש״ח", "89.90", "ILS"),
    ("89.90 שח", "89.90", "ILS"),
    (f"{RLM}89.90 ₪", "89.90", "ILS"),
    (f"89.90{RLM} ₪{RLM}", "89.90", "ILS"),
    ("₪ 1,299.90", "1299.90", "ILS"),
    ("1,299.90 ש״ח", "1299.90", "ILS"),
    ("NIS 45", "45", "ILS"),
    ("120 שקלים", "120", "ILS"),
    # German / euro
    ("1.299,00 €", "1299.00", "EUR"),
    ("1.299 €", "1299", "EUR"),
    ("€1,299.00", "1299.00", "EUR"),
    ("12,50 €", "12.50", "EUR"),
    ("EUR 12,50", "12.50", "EUR"),
    ("12,50 EUR", "12.50", "EUR"),
    ("0,00 €", "0.00", "EUR"),
    ("12.50€", "12.50", "EUR"),
    ("€12", "12", "EUR"),
    ("1.299.999,99 €", "1299999.99", "EUR"),
    ("35€99", "35.99", "EUR"),
    ("12,50 Euro", "12.50", "EUR"),
    ("12,50 євро", "12.50", "EUR"),
    # Arabic and Persian
    ("١٢٫٥٠ ر.س", "12.50", "SAR"),
    ("١٬٢٩٩٫٠٠ ر.س", "1299.00", "SAR"),
    ("١٬٢٩٩٫٠٠ ر.س.\u200f", "1299.00", "SAR"),
    ("۱۲۹۹ ریال", "1299", "IRR"),
    ("٥٠ د.إ", "50", "AED"),
    ("AED 1,299.00", "1299.00", "AED"),
    ("1,299.00 درهم", "1299.00", "AED"),
    ("SAR 49", "49", "SAR"),
    ("49 ريال", "49", "SAR"),
    ("49 ريال سعودي", "49", "SAR"),
    ("SR 49", "49", "SAR"),
    ("٤٩ ج.م", "49", "EGP"),
    # Russian
    ("1 299,00 руб.", "1299.00", "RUB"),
    ("1299 ₽", "1299", "RUB"),
    ("1 299 р.", "1299", "RUB"),
    ("1 299 рублей", "1299", "RUB"),
    # English / dollar / pound
    ("£12.99", "12.99", "GBP"),
    ("£1,299", "1299", "GBP"),
    ("$1,299.99", "1299.99", "USD"),
    ("US$ 5", "5", "USD"),
    ("$5", "5", "USD"),
    ("5 USD", "5", "USD"),
    ("usd 5", "5", "USD"),
    ("CA$ 12.00", "12.00", "CAD"),
    ("A$12", "12", "AUD"),
    ("R$ 1.299,90", "1299.90", "BRL"),
    # Other European
    ("1 299,00 zł", "1299.00", "PLN"),
    ("1 299 Kč", "1299", "CZK"),
    ("CHF 1'299.00", "1299.00", "CHF"),
    ("CHF 12.-", "12", "CHF"),
    ("12 990 Ft", "12990", "HUF"),
    ("99 lei", "99", "RON"),
    ("₺1.299,90", "1299.90", "TRY"),
    ("¥1,299", "1299", "JPY"),
    ("₩12,000", "12000", "KRW"),
    # Huge but well formed
    ("1000000000 €", "1000000000", "EUR"),
    ("1 000 000 000 ₴", "1000000000", "UAH"),
]


@pytest.mark.parametrize(("text", "amount", "currency"), FORMATS)
def test_parse_price_formats(text: str, amount: str, currency: str) -> None:
    p = _one(text)
    assert p.amount == Decimal(amount)
    assert p.currency == currency
    assert not p.is_free
    assert text[p.start:p.end] == p.text
    assert any(ch.isdigit() for ch in p.text)


def test_parse_price_keeps_decimal_places() -> None:
    assert str(_one("1 299,00 грн").amount) == "1299.00"
    assert str(_one("12,5 €").amount) == "12.5"


@pytest.mark.parametrize(("text", "amount", "currency"), [
    ("-£5.00", "-5.00", "GBP"),
    (f"{MINUS} 5,00 €", "-5.00", "EUR"),
    (f"{MINUS}5,00 €", "-5.00", "EUR"),
    ("(£5.00)", "-5.00", "GBP"),
    (" ( 12,50 € ) ", "-12.50", "EUR"),
    ("£-5.00", "-5.00", "GBP"),
    (f"€ {MINUS}5", "-5", "EUR"),
    ("- 5,00 €", "-5.00", "EUR"),  # at the very start of a price element a spaced hyphen is a sign
    ("-200 грн", "-200", "UAH"),
])
def test_negative_amounts(text: str, amount: str, currency: str) -> None:
    p = _one(text)
    assert p.amount == Decimal(amount)
    assert p.currency == currency


def test_accounting_parentheses_span_includes_parens() -> None:
    p = _one("  (£5.00) ")
    assert p.text == "(£5.00)"
    assert (p.start, p.end) == (2, 9)


@pytest.mark.parametrize("text", [
    "Free", "FREE", "free!", "Безкоштовно", "Бесплатно", "חינם", "בחינם", "مجاناً", "مجانًا", "مجانا",
    "Gratis", "Kostenlos", "Gratuit", "Free delivery", "Безкоштовна доставка", "Livraison offerte", "Zdarma",
])
def test_free_words(text: str) -> None:
    p = _one(text)
    assert p.is_free is True
    assert p.amount == Decimal("0")
    assert p.currency is None


def test_free_takes_hint_currency() -> None:
    p = _one("Безкоштовно", currency_hint="UAH")
    assert (p.amount, p.currency, p.is_free) == (Decimal("0"), "UAH", True)


def test_zero_number_is_not_marked_free() -> None:
    p = _one("0,00 €")
    assert p.amount == 0 and not p.is_free


@pytest.mark.parametrize("text", [
    "Free shipping on orders over your birthday weekend", "This item is free for members",
])
def test_long_text_is_not_free(text: str) -> None:
    assert parse_price(text) is None


@pytest.mark.parametrize(("text", "hint", "amount", "currency"), [
    ("12.50", None, "12.50", None),
    ("12,50", None, "12.50", None),
    ("1 299", None, "1299", None),
    ("12.50", "EUR", "12.50", "EUR"),
    ("1 299", "UA", "1299", "UAH"),
    ("Ціна: 1 299", "UAH", "1299", "UAH"),
    ("٤٩", "SA", "49", "SAR"),
])
def test_bare_number_in_price_element(text: str, hint: str | None, amount: str, currency: str | None) -> None:
    p = _one(text, currency_hint=hint)
    assert p.amount == Decimal(amount)
    assert p.currency == currency


@pytest.mark.parametrize("text", [
    "1e9", "1E9", "2.5e10", "12.05.2025", "-30%", "30 %", "%30", "٣٠٪", "3 шт", "3 pcs", "15 Pro",
    "+380 44 123 45 67", "044 123 45 67", "12:30", "12/05/2025", "", "   ", "no digits here", "№ 5",
    "A4", "1 299 00 ₴",  # a split price is ambiguous unless the caller says so
])
def test_parse_price_rejects(text: str) -> None:
    assert parse_price(text) is None


def test_marker_beats_hint_and_hint_fills_bare() -> None:
    assert _one("₪89.90", currency_hint="USD").currency == "ILS"
    assert _one("12.50", currency_hint="GBP").currency == "GBP"
    assert _one("$5", currency_hint="CA").currency == "CAD"
    assert _one("$5", currency_hint="AUD").currency == "AUD"
    assert _one("$5", lang="en-AU").currency == "AUD"


def test_first_marked_price_wins_in_parse_price() -> None:
    p = _one("Was £20.00, now £15.00")
    assert p.amount == Decimal("20.00") and p.currency == "GBP"


@pytest.mark.parametrize(("text", "amount", "currency"), [
    ("1 299 00 ₴", "1299.00", "UAH"),
    ("1 29900", "1299.00", None),
    ("1 29900 ₴", "1299.00", "UAH"),
    ("₴1 299 00", "1299.00", "UAH"),
    ("12 50 €", "12.50", "EUR"),
    ("1.299 00 €", "1299.00", "EUR"),
])
def test_split_fraction(text: str, amount: str, currency: str | None) -> None:
    p = _one(text, split_fraction=True)
    assert p.amount == Decimal(amount)
    assert p.currency == currency


def test_split_fraction_off_does_not_invent_a_price() -> None:
    assert parse_price("1 29900") is None
    assert find_prices("1 299 00 ₴") == []
    assert find_prices("999 00 ₴") == []  # never "00 ₴" = 0


def test_split_fraction_leaves_normal_prices_alone() -> None:
    assert _one("1 299,00 грн", split_fraction=True).amount == Decimal("1299.00")
    assert _one("1 299 грн", split_fraction=True).amount == Decimal("1299")
    assert _one("12 500 ₴", split_fraction=True).amount == Decimal("12500")


# ----------------------------------------------------------------------------- ambiguity rules

@pytest.mark.parametrize(("text", "kw", "amount"), [
    ("1,299 €", {}, "1299"),  # three digits after one separator: thousands
    ("1.299 €", {}, "1299"),
    ("1.299 €", {"lang": "de"}, "1299"),
    ("1,299 €", {"lang": "de"}, "1299"),  # even where "," is the decimal sign: EUR has 2 decimals
    ("1,299", {}, "1299"),
    ("1.299", {}, "1299"),
    ("12,99 €", {}, "12.99"),  # one or two digits: decimals
    ("12.9 €", {}, "12.9"),
    ("1234,567 €", {}, "1234.567"),  # four digits before: cannot be grouping, so decimal
    ("0.299 €", {}, "0.299"),  # integer part 0: decimal
    ("1.250 د.ك", {}, "1.250"),  # KWD has three decimals and "." is the default decimal sign
    ("KWD 1.250", {}, "1.250"),
    ("KWD 1,250", {}, "1250"),  # "," is not the decimal sign without a language saying so
    ("1,250 KWD", {"lang": "de"}, "1.250"),
    ("BHD 12.500", {}, "12.500"),
    ("¥1.299", {}, "1299"),  # JPY has no minor unit
    ("1.299.000 €", {}, "1299000"),
    ("1,299,000 $", {}, "1299000"),
])
def test_ambiguous_separators(text: str, kw: dict, amount: str) -> None:
    assert _one(text, **kw).amount == Decimal(amount)


@pytest.mark.parametrize("text", ["1,299,00 €", "1.299.00 €", "1 299.000,00.5 €", "1.299,999,00 €"])
def test_contradictory_separators_are_rejected(text: str) -> None:
    assert parse_price(text) is None
    assert find_prices(text) == []


# ----------------------------------------------------------------------------- find_prices

def _amounts(prices: list[ParsedPrice]) -> list[tuple[Decimal | None, str | None]]:
    return [(p.amount, p.currency) for p in prices]


def test_find_was_now() -> None:
    text = "Was £20.00, now £15.00"
    found = find_prices(text)
    assert _amounts(found) == [(Decimal("20.00"), "GBP"), (Decimal("15.00"), "GBP")]
    assert [text[p.start:p.end] for p in found] == ["£20.00", "£15.00"]
    assert [p.text for p in found] == ["£20.00", "£15.00"]


def test_find_fee_in_sentence() -> None:
    text = "plus 49 грн service fee"
    (p,) = find_prices(text)
    assert (p.amount, p.currency, p.text, p.start, p.end) == (Decimal("49"), "UAH", "49 грн", 5, 11)


def test_find_free_shipping_threshold_is_not_free() -> None:
    found = find_prices("free shipping over £50")
    assert _amounts(found) == [(Decimal("50"), "GBP")]
    assert not found[0].is_free


@pytest.mark.parametrize(("text", "expected"), [
    ("1 299 – 1 599 грн", [("1299", "UAH"), ("1599", "UAH")]),
    ("1 299 - 1 599 грн", [("1299", "UAH"), ("1599", "UAH")]),
    ("1 299-1 599 грн", [("1299", "UAH"), ("1599", "UAH")]),
    ("₴1 299 – 1 599", [("1299", "UAH"), ("1599", "UAH")]),
    ("від 1 299 до 1 599 грн", [("1299", "UAH"), ("1599", "UAH")]),
    ("€10 to €20", [("10", "EUR"), ("20", "EUR")]),
    ("10 – 20 €", [("10", "EUR"), ("20", "EUR")]),
])
def test_find_ranges(text: str, expected: list[tuple[str, str]]) -> None:
    assert _amounts(find_prices(text)) == [(Decimal(a), c) for a, c in expected]


def test_range_low_end_must_not_exceed_high_end() -> None:
    assert _amounts(find_prices("Розмір 2 000 – 50 грн")) == [(Decimal("50"), "UAH")]


@pytest.mark.parametrize("text", [
    "Call us: +380 44 123 45 67",
    "Телефон 044 123 45 67, 0 800 300 500",
    "Order by 12.05.2025",
    "Sale -30% on everything",
    "Знижка 30 % на все",
    "3 шт в наявності",
    "© 2025 Shop Ltd",
    "Postcode 01001, Kyiv",
    "SW1A 1AA London",
    "Model X200, 15 inch, 4 cores",
    "Open 09:00–18:00",
    "TOP 10 products, ALL 3 sizes",  # ISO codes that are words need a hint
    "1e9 views",
    "Rating 4.5 out of 5",
    "Відстань 5 км",
])
def test_find_ignores_non_prices(text: str) -> None:
    assert find_prices(text) == []


def test_find_word_like_iso_code_with_hint() -> None:
    assert _amounts(find_prices("TRY 49,90", lang="tr")) == [(Decimal("49.90"), "TRY")]
    assert _amounts(find_prices("TRY 49,90", currency_hint="TRY")) == [(Decimal("49.90"), "TRY")]


def test_find_bare_numbers_with_hint() -> None:
    text = "Call 044 123 45 67 on 12.05.2025 at 12:30, -30% on 3 шт, since 2025, price 12.50"
    assert _amounts(find_prices(text, currency_hint="EUR")) == [(Decimal("12.50"), "EUR")]


def test_find_without_hint_needs_marker() -> None:
    assert find_prices("price 12.50") == []


def test_find_mixed_multilingual_text() -> None:
    text = "Ціна 1 299 грн, доставка 49 грн. Was £12.99. السعر ١٢٫٥٠ ر.س و ٥٠ د.إ. מחיר: ₪89.90"
    assert _amounts(find_prices(text)) == [
        (Decimal("1299"), "UAH"), (Decimal("49"), "UAH"), (Decimal("12.99"), "GBP"),
        (Decimal("12.50"), "SAR"), (Decimal("50"), "AED"), (Decimal("89.90"), "ILS"),
    ]


def test_find_spans_index_original_text() -> None:
    text = f"Ціна:{NBSP}1{NNBSP}299,00{NBSP}грн{RLM} і {MINUS}50 грн"
    found = find_prices(text)
    assert _amounts(found) == [(Decimal("1299.00"), "UAH"), (Decimal("-50"), "UAH")]
    for p in found:
        assert text[p.start:p.end] == p.text


@pytest.mark.parametrize(("text", "expected"), [
    ("£12.99 £10.99", [("12.99", "GBP"), ("10.99", "GBP")]),  # prefix style: middle £ goes right
    ("20 € 15 €", [("20", "EUR"), ("15", "EUR")]),  # suffix style: middle € goes left
    ("€20 €15", [("20", "EUR"), ("15", "EUR")]),
])
def test_marker_between_two_numbers(text: str, expected: list[tuple[str, str]]) -> None:
    assert _amounts(find_prices(text)) == [(Decimal(a), c) for a, c in expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("Discount: -£5.00", "-5.00"),
    ("Знижка: -200 грн", "-200"),
    (f"Rabatt {MINUS} 5,00 €", "-5.00"),
    ("Ціна - 50 грн", "50"),  # a spaced hyphen reads as "is" in Ukrainian and Russian
    ("Ціна – 50 грн", "50"),  # en dash is never a minus
    ("Delivery (£4.99)", "4.99"),  # parentheses in running text are not accounting negatives
])
def test_find_signs(text: str, expected: str) -> None:
    (p,) = find_prices(text)
    assert p.amount == Decimal(expected)


def test_find_range_hyphen_is_not_a_sign() -> None:
    assert [p.amount for p in find_prices("£20 -£5")] == [Decimal("20"), Decimal("5")]


@pytest.mark.parametrize(("text", "free_texts"), [
    ("Free", ["Free"]),
    ("Shipping: FREE", ["FREE"]),
    ("Доставка — безкоштовно.", ["безкоштовно"]),
    ("משלוח: חינם", ["חינם"]),
    ("الشحن: مجاناً", ["مجاناً"]),
    ("Versand: kostenlos | Rückgabe: gratis", ["kostenlos", "gratis"]),
    ("Free shipping on all orders", []),
    ("free returns within 30 days", []),
    ("Carefree living", []),
])
def test_find_standalone_free(text: str, free_texts: list[str]) -> None:
    found = [p for p in find_prices(text) if p.is_free]
    assert [p.text for p in found] == free_texts
    for p in found:
        assert p.amount == Decimal("0")
        assert text[p.start:p.end] == p.text


def test_find_empty() -> None:
    assert find_prices("") == []


@pytest.mark.parametrize(("token", "code"), [
    ("₴", "UAH"), ("грн", "UAH"), ("грн.", "UAH"), ("UAH", "UAH"), ("₪", "ILS"), ('ש"ח', "ILS"),
    ("ש״ח", "ILS"), ("NIS", "ILS"), ("€", "EUR"), ("EUR", "EUR"), ("£", "GBP"), ("$", "USD"),
    ("US$", "USD"), ("ر.س", "SAR"), ("ريال", "SAR"), ("د.إ", "AED"), ("درهم", "AED"), ("руб", "RUB"),
    ("руб.", "RUB"), ("₽", "RUB"), ("zł", "PLN"), ("Kč", "CZK"), ("CHF", "CHF"),
])
def test_currency_code(token: str, code: str) -> None:
    assert currency_code(token) == code


@pytest.mark.parametrize(("token", "hint", "code"), [
    ("kr", None, None),  # SEK, DKK, NOK or ISK: no guess
    ("kr", "SE", "SEK"), ("kr", "DK", "DKK"), ("kr", "NO", "NOK"), ("kr", "IS", "ISK"),
    ("kr", "sv", "SEK"), ("kr", "da", "DKK"), ("kr", "nb", "NOK"), ("kr.", "NOK", "NOK"),
    ("$", "CA", "CAD"), ("$", "AU", "AUD"), ("$", "en-CA", "CAD"), ("$", "en_AU", "AUD"),
    ("$", "MX", "MXN"), ("$", "US", "USD"), ("$", "de", "USD"), ("$", "CAD", "CAD"),
    ("ريال", "QA", "QAR"), ("ريال", "OM", "OMR"), ("ريال", "ar", "SAR"),
    ("درهم", "MA", "MAD"), ("درهم", "AE", "AED"),
    ("دينار", None, None), ("دينار", "KW", "KWD"), ("دينار", "JO", "JOD"),
    ("¥", "CN", "CNY"), ("¥", "zh", "CNY"), ("¥", "JP", "JPY"),
    ("руб.", "BY", "BYN"), ("£", "EG", "EGP"), ("£", None, "GBP"),
    ("₪", "US", "ILS"),  # an unambiguous symbol ignores the hint
])
def test_currency_code_with_hint(token: str, hint: str | None, code: str | None) -> None:
    assert currency_code(token, hint) == code


@pytest.mark.parametrize("token", ["", "   ", "xyz", "км", "R", "-", "hello", "all", "шт"])
def test_currency_code_unknown(token: str) -> None:
    assert currency_code(token) is None


def test_toman_is_a_marker_without_iso_code() -> None:
    p = _one("۱۲۰٬۰۰۰ تومان")
    assert p.amount == Decimal("120000") and p.currency is None
    assert _amounts(find_prices("قیمت ۱۲۰٬۰۰۰ تومان")) == [(Decimal("120000"), None)]


# ----------------------------------------------------------------------------- money helpers

@pytest.mark.parametrize(("code", "digits"), [
    ("USD", 2), ("EUR", 2), ("UAH", 2), ("ILS", 2), ("JPY", 0), ("KRW", 0), ("KWD", 3), ("BHD", 3),
    ("OMR", 3), ("jpy", 0), (None, 2),
])
def test_minor_unit(code: str | None, digits: int) -> None:
    assert minor_unit(code) == digits


@pytest.mark.parametrize(("a", "b", "cur", "equal"), [
    ("12.50", "12.5", "EUR", True),
    ("12.499999", "12.50", "EUR", True),
    ("12.494", "12.50", "EUR", False),
    ("12.005", "12.01", "USD", True),  # half up, as shops round
    ("1299", "1299.4", "JPY", True),
    ("1299", "1299.5", "JPY", False),
    ("1.2504", "1.250", "KWD", True),
    ("1.2504", "1.251", "KWD", False),
    ("12.50", "12.51", None, False),
    ("-5.00", "-5", "GBP", True),
])
def test_money_equal(a: str, b: str, cur: str | None, equal: bool) -> None:
    assert money_equal(Decimal(a), Decimal(b), cur) is equal


def test_parsed_price_is_frozen() -> None:
    p = _one("£5")
    with pytest.raises(AttributeError):
        p.amount = Decimal("1")  # type: ignore[misc]
