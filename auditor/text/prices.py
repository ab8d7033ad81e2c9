"""Read prices the way a shopper reads them, in any script, and name their ISO 4217 currency.

Shops print the same amount as "1 299,00 грн", "₪1,299.90", "١٬٢٩٩٫٠٠ ر.س", "1.299 €" or a
split "1 299<sup>00</sup> ₴", and hidden-price checks compare amounts across pages, carts and
checkout steps: a misread separator turns 1299 into 1.299 and invents a price jump. So:

* Separators are decided per number, from its own shape first (price_parser's rule: 1-2 or 4+
  digits after the last separator mean decimals, exactly 3 mean thousands), then from the
  currency and the page language only where the shape cannot decide (see ``_amount``).
* Currency symbols, codes and local words are mapped to ISO codes with CLDR (babel) plus
  price_parser's currency table, and a hand-kept table for the words CLDR does not carry
  ("грн", "руб.", "ש״ח", "ريال", "درهم"...). Symbols shared by several currencies ("$", "kr",
  "ريال") are settled by the hint (currency, country or language), else by a documented default
  or left unknown rather than guessed.
* In running text a number only counts as a price when a currency marker touches it, because
  pages are full of phone numbers, dates, percentages, quantities and years.

price_parser's own ``Price.fromstring`` is not used for finding the number: it takes the first
number in the string (not the one next to the currency), returns a symbol rather than an ISO
code, and does not know Arabic-Indic digits or the Arabic separators ٫ ٬.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import NamedTuple

from babel import Locale
from babel.core import get_global
from babel.numbers import (
    get_currency_precision,
    get_decimal_symbol,
    get_territory_currencies,
    list_currencies,
)
from price_parser._currencies import CURRENCIES as _PP_CURRENCIES
from price_parser.parser import parse_number

from auditor.text.normalize import ascii_digits

__all__ = ["ParsedPrice", "currency_code", "find_prices", "minor_unit", "money_equal", "parse_price"]


@dataclass(frozen=True)
class ParsedPrice:
    """A price as read: callers compare amounts across pages, so it is hashable and immutable,
    and it keeps the span so evidence can quote exactly what the shop printed."""

    amount: Decimal | None  # None when no number ("Free" gives Decimal("0") and is_free=True)
    currency: str | None  # ISO 4217 code, None if unknown
    text: str  # the matched raw text
    is_free: bool = False
    start: int = 0  # span in the text given to find_prices / parse_price
    end: int = 0


# --------------------------------------------------------------------------- currency markers


class _Cur(NamedTuple):
    """What a marker can mean. ``codes`` empty: a known currency word with no ISO code (toman)."""

    codes: tuple[str, ...]
    default: str | None
    suffix_only: bool = False  # single letters ("р.", "đ") are too common to trust before a number
    iso_word: bool = False  # an ISO code that is also an English word ("TOP 10", "ALL 3")


_BIDI = ("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"  # direction marks
         "\u061c\ufeff\u200b\u200c\u200d")  # Arabic letter mark, BOM, zero-width (non-)joiners
_KEY_TABLE = str.maketrans(
    {**{c: None for c in _BIDI},
     **{chr(c): None for c in range(0x064B, 0x0660)}, "\u0670": None, "\u0640": None,
     "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ",
     "\u05f4": '"', "\u201d": '"', "\u201c": '"', "\u2019": "'", "\u05f3": "'"}
)

# Words and symbols CLDR lacks or spells differently from shops, and the defaults for shared
# symbols. A key with capitals is matched case-sensitively ("TL", "Fr.", "SR"); any other key
# case-insensitively. Order of ``codes`` is irrelevant; ``default`` is what no hint overrides.
_DOLLAR = ("USD", "CAD", "AUD", "NZD", "MXN", "SGD", "HKD", "TWD", "ARS", "CLP", "COP", "BSD",
           "BBD", "BMD", "BZD", "FJD", "JMD", "KYD", "LRD", "NAD", "SBD", "SRD", "TTD", "XCD",
           "UYU", "GYD", "BND")
_RIYAL = ("SAR", "QAR", "OMR", "YER")
_DINAR = ("KWD", "BHD", "JOD", "IQD", "DZD", "TND", "LYD", "RSD", "MKD")
_HANDWRITTEN: list[tuple[tuple[str, ...], tuple[str, ...], str | None]] = [
    (("₴", "грн", "гривня", "гривні", "гривень", "гривна", "гривны", "гривен", "uah", "hrn"),
     ("UAH",), "UAH"),
    (("₽", "rub"), ("RUB",), "RUB"),
    (("руб", "рубль", "рубля", "рублей", "рублів"), ("RUB", "BYN"), "RUB"),
    (("Br", "byn", "бел. руб", "бел.руб"), ("BYN",), "BYN"),
    (("₪", 'ש"ח', "שח", "ש'ח", "שקל", "שקלים", "שקל חדש", "שקלים חדשים", "nis", "ils"),
     ("ILS",), "ILS"),
    (("ر.س", "ر س", "ريال سعودي", "SR", "sar"), ("SAR",), "SAR"),
    (("ريال", "ريالات", "ريالا", "﷼"), _RIYAL + ("IRR",), "SAR"),
    (("ر.ق", "ريال قطري", "QR", "qar"), ("QAR",), "QAR"),
    (("ر.ع", "ريال عماني", "omr"), ("OMR",), "OMR"),
    (("ر.ي", "yer"), ("YER",), "YER"),
    (("ریال", "ريال ايراني"), ("IRR",), "IRR"),
    (("تومان", "تومن"), (), None),  # toman = 10 rial, no ISO code of its own
    (("د.إ", "د.ا", "درهم إماراتي", "درهم اماراتي", "Dhs", "DHS", "aed"), ("AED",), "AED"),
    (("درهم", "دراهم", "درهما"), ("AED", "MAD"), "AED"),
    (("د.م", "درهم مغربي"), ("MAD",), "MAD"),
    (("د.ك", "دينار كويتي", "KD", "kwd"), ("KWD",), "KWD"),
    (("د.ب", "دينار بحريني", "BD", "bhd"), ("BHD",), "BHD"),
    (("د.أ", "دينار أردني", "JD", "jod"), ("JOD",), "JOD"),
    (("د.ع", "دينار عراقي", "iqd"), ("IQD",), "IQD"),
    (("د.ج", "dzd"), ("DZD",), "DZD"),
    (("د.ت", "tnd"), ("TND",), "TND"),
    (("د.ل", "lyd"), ("LYD",), "LYD"),
    (("دينار", "دنانير"), _DINAR, None),
    (("ج.م", "جنيه مصري", "E£", "L.E", "egp"), ("EGP",), "EGP"),
    (("جنيه", "جنيها"), ("EGP", "SDG", "SSP"), "EGP"),
    (("ل.ل", "lbp"), ("LBP",), "LBP"),
    (("ل.س", "syp"), ("SYP",), "SYP"),
    (("ليرة",), ("LBP", "SYP", "TRY"), None),
    (("€", "eur", "euro", "euros", "евро", "євро", "יורו", "يورو", "یورو"), ("EUR",), "EUR"),
    (("£",), ("GBP", "EGP", "GIP", "FKP", "SHP", "SSP", "SYP", "LBP"), "GBP"),
    (("gbp", "UK£", "GB£"), ("GBP",), "GBP"),
    (("$", "dollar", "dollars", "долар", "долари", "доларів", "доллар", "доллара", "долларов", "дол",
      "דולר", "דולרים", "دولار", "دولارات"), _DOLLAR, "USD"),
    (("US$", "usd", "U$S", "US $"), ("USD",), "USD"),
    (("CA$", "C$", "CAD$", "CDN$", "cad"), ("CAD", "NIO"), "CAD"),
    (("A$", "AU$", "AUD$", "aud"), ("AUD",), "AUD"),
    (("NZ$", "nzd"), ("NZD",), "NZD"),
    (("HK$", "hkd"), ("HKD",), "HKD"),
    (("S$", "SG$", "sgd"), ("SGD",), "SGD"),
    (("R$", "brl"), ("BRL",), "BRL"),
    (("MX$", "mxn"), ("MXN",), "MXN"),
    (("NT$", "twd"), ("TWD",), "TWD"),
    (("chf", "Fr.", "SFr.", "CHF."), ("CHF",), "CHF"),
    (("zł", "pln"), ("PLN",), "PLN"),
    (("Kč", "czk"), ("CZK",), "CZK"),
    (("Ft", "huf"), ("HUF",), "HUF"),
    (("lei", "leu", "ron"), ("RON",), "RON"),
    (("лв", "bgn"), ("BGN",), "BGN"),
    (("kr", "kr.", "sek", "dkk", "nok", "isk"), ("SEK", "DKK", "NOK", "ISK"), None),
    (("Skr",), ("SEK",), "SEK"),
    (("₺", "TL"), ("TRY",), "TRY"),
    (("₹", "inr", "रु", "₨"), ("INR",), "INR"),
    (("Rs", "Rs."), ("INR", "PKR", "LKR", "NPR", "MUR", "SCR"), None),
    (("¥", "￥"), ("JPY", "CNY"), "JPY"),
    (("円", "jpy", "JP¥"), ("JPY",), "JPY"),
    (("元", "cny", "rmb", "CN¥"), ("CNY",), "CNY"),
    (("₩", "원", "krw"), ("KRW",), "KRW"),
    (("฿", "บาท", "thb"), ("THB",), "THB"),
    (("₫", "vnd"), ("VND",), "VND"),
    (("₸", "тг", "тңг", "тенге", "kzt"), ("KZT",), "KZT"),
    (("₾", "лари"), ("GEL",), "GEL"),
    (("₼", "ман", "azn"), ("AZN",), "AZN"),
    (("֏", "դր"), ("AMD",), "AMD"),
    (("дин", "rsd"), ("RSD",), "RSD"),
    (("ден", "mkd"), ("MKD",), "MKD"),
    (("₦", "ngn"), ("NGN",), "NGN"),
    (("₱",), ("PHP",), "PHP"),
    (("Rp", "idr"), ("IDR",), "IDR"),
    (("RM", "myr"), ("MYR",), "MYR"),
    (("৳", "টকা", "bdt"), ("BDT",), "BDT"),
    (("сом", "kgs"), ("KGS",), "KGS"),
    (("сум", "so'm", "uzs"), ("UZS",), "UZS"),
]
# Abbreviations that are everyday words or letters when they stand before a number ("р. Дніпро",
# "LE 5 MAI", "DA 5"), but currency when they follow one ("1 299 р.", "1 200 DA").
_SUFFIX_ONLY: list[tuple[str, tuple[str, ...], str | None]] = [
    ("р", ("RUB", "BYN"), "RUB"),
    ("đ", ("VND",), "VND"),
    ("DA", ("DZD",), "DZD"),
    ("DT", ("TND",), "TND"),
    ("DH", ("MAD",), "MAD"),
    ("Dh", ("AED", "MAD"), "AED"),
    ("LE", ("EGP",), "EGP"),
]
# ISO codes that are also everyday words; in running text they need the hint to name them.
_ISO_WORDS = frozenset({
    "ALL", "TOP", "TRY", "CUP", "MAD", "BOB", "MOP", "PHP", "SOS", "GEL", "AMD", "PEN", "RON", "DOP",
    "LAK", "BAM", "ANG", "KES", "NIO", "AOA", "BIF", "CVE", "ERN", "MGA", "MRU", "SLE", "SLL", "STN",
    "XAF", "XOF", "XPF", "CDF", "HNL", "GMD", "SHP", "FKP", "GIP", "TMT", "VES", "ZMW", "LSL", "SZL",
    "AWG", "BTN", "KMF", "MVR", "PAB", "PYG", "SCR", "TJS", "WST", "VUV", "GNF", "HTG", "MWK",
})
# CLDR locales whose currency symbols feed the table: the first-class languages and the
# biggest markets. Loading all ~1000 CLDR locales costs ~0.8 s for little gain.
_SYMBOL_LOCALES = (
    "en", "en_GB", "en_CA", "en_AU", "en_NZ", "en_IN", "en_SG", "en_HK", "de", "de_CH", "fr", "fr_CH",
    "fr_CA", "it", "es", "es_MX", "pt", "pt_BR", "nl", "pl", "cs", "sk", "hu", "ro", "bg", "hr", "sr",
    "sl", "el", "tr", "uk", "ru", "be", "kk", "ka", "hy", "az", "he", "ar", "ar_SA", "ar_AE", "ar_EG",
    "ar_MA", "ar_KW", "ar_QA", "ar_BH", "ar_OM", "ar_JO", "ar_DZ", "ar_TN", "ar_IQ", "ar_LB", "fa",
    "ur", "hi", "bn", "th", "vi", "id", "ms", "ja", "zh", "ko", "sv", "da", "nb", "fi", "is", "et",
    "lv", "lt", "fil", "sw",
)
# Currency names as written in running text ("1 299 українських гривень", "49 ريال سعودي").
# English names are left out on purpose: "5 pounds" is as often a weight as a price.
_NAME_LOCALES = {
    "uk": ("UAH", "USD", "EUR"), "ru": ("RUB", "BYN", "KZT", "UAH", "USD", "EUR"),
    "he": ("ILS", "USD", "EUR"), "fa": ("IRR",), "tr": ("TRY", "EUR", "USD"),
    "ar": ("SAR", "AED", "QAR", "KWD", "BHD", "OMR", "JOD", "EGP", "MAD", "USD", "EUR"),
    "de": ("EUR", "CHF"), "fr": ("EUR", "CHF"), "pl": ("PLN",), "cs": ("CZK",),
}
_COUNTRY_ALIASES = {"UK": "GB", "EL": "GR"}


def _marker_key(s: str) -> str:
    return s.translate(_KEY_TABLE).strip().rstrip(".").strip()


@functools.cache
def _current_codes() -> frozenset[str]:
    """Currencies legal tender somewhere today: symbols only map to these, never to EEK or DEM."""
    codes: set[str] = set()
    for territory in get_global("territory_currencies"):
        codes.update(get_territory_currencies(territory))
    return frozenset(codes)


@functools.cache
def _all_codes() -> frozenset[str]:
    return frozenset(list_currencies())


class _Tables(NamedTuple):
    exact: dict[str, _Cur]  # case-sensitive keys: "TL", "Fr", "EUR"
    folded: dict[str, _Cur]  # lower-case keys: "грн", "kr", "€"
    exact_heads: frozenset[str]  # every prefix of a key, to stop scanning as soon as none fits
    folded_heads: frozenset[str]
    exact_tails: frozenset[str]  # every suffix of a key, for markers read backwards
    folded_tails: frozenset[str]


@functools.cache
def _tables() -> _Tables:
    """Build the marker tables once, from CLDR, price_parser and the hand-kept list."""
    current = _current_codes()
    codes: dict[tuple[bool, str], set[str]] = {}
    defaults: dict[tuple[bool, str], str | None] = {}
    flags: dict[tuple[bool, str], tuple[bool, bool]] = {}

    def slot(raw: str) -> tuple[bool, str] | None:
        key = _marker_key(raw)
        if not key:
            return None
        if key.isascii() and key != key.lower():
            return (True, key)
        return (False, key.lower())

    def add(raw: str, cands: tuple[str, ...] | set[str], auto: bool) -> None:
        key = _marker_key(raw)
        if not key:
            return
        if auto:
            letters = key.replace(" ", "")
            if not any(c.isalpha() or unicodedata.category(c) == "Sc" for c in letters):
                return  # price_parser lists "-" for TJS
            if letters.isalpha() and (len(letters) <= 2 or letters.isascii()):
                return  # "R", "Rs", "KM", "км" (kilometres!): only hand-kept abbreviations are trusted
        s = slot(raw)
        if s is None:
            return
        codes.setdefault(s, set()).update(c for c in cands if not auto or c in current)
        if not codes[s] and auto:
            del codes[s]

    for loc in _SYMBOL_LOCALES:
        try:
            symbols = Locale.parse(loc).currency_symbols
        except Exception:  # noqa: BLE001 - an absent locale must not break parsing
            continue
        for code, sym in symbols.items():
            if sym != code:
                add(sym, {code}, auto=True)
    for code, info in _PP_CURRENCIES.items():
        for sym in [info.get("s", ""), info.get("sn", ""), *info.get("sn2", [])]:
            if sym and sym != code:
                add(sym, {code}, auto=True)
    for loc, wanted in _NAME_LOCALES.items():
        locale = Locale.parse(loc)
        plurals = locale._data.get("currency_names_plural", {})
        for code in wanted:
            names = {locale.currencies.get(code, "")}
            names.update(dict(plurals.get(code, {})).values())
            for name in names:
                if name and not name.isascii():
                    add(name, {code}, auto=False)
                elif name and " " not in name:
                    s = (False, _marker_key(name).lower())  # "Euro", "Forint": any case
                    codes.setdefault(s, set()).add(code)
    for keys, cands, default in _HANDWRITTEN:
        for raw in keys:
            add(raw, cands, auto=False)
            s = slot(raw)
            if s is not None:
                defaults[s] = default
    for raw, cands, default in _SUFFIX_ONLY:
        s = slot(raw)
        assert s is not None
        codes.setdefault(s, set()).update(cands)
        defaults[s] = default
        flags[s] = (True, False)
    for code in _current_codes():
        s = (True, code)
        codes.setdefault(s, set()).add(code)
        defaults.setdefault(s, code)
        if code in _ISO_WORDS:
            flags[s] = (False, True)

    en_symbols = Locale.parse("en").currency_symbols
    exact: dict[str, _Cur] = {}
    folded: dict[str, _Cur] = {}
    for (is_exact, key), cands in codes.items():
        if (is_exact, key) in defaults:
            default = defaults[(is_exact, key)]
        elif len(cands) == 1:
            default = next(iter(cands))
        else:  # shared symbol: the currency that owns it in plain English CLDR, if exactly one
            owners = [c for c in cands if _marker_key(en_symbols.get(c, "")) == key]
            default = owners[0] if len(owners) == 1 else None
        suffix_only, iso_word = flags.get((is_exact, key), (False, False))
        cur = _Cur(tuple(sorted(cands)), default, suffix_only, iso_word)
        table = exact if is_exact else folded
        for variant in _spellings(key):  # the text is matched raw, so list its spellings here
            table.setdefault(variant, cur)
    return _Tables(
        exact, folded,
        frozenset(k[:i] for k in exact for i in range(1, len(k) + 1)),
        frozenset(k[:i] for k in folded for i in range(1, len(k) + 1)),
        frozenset(k[i:] for k in exact for i in range(len(k))),
        frozenset(k[i:] for k in folded for i in range(len(k))),
    )


_QUOTE_FORMS = {'"': ('"', "\u05f4", "\u201d", "\u201c", "''"), "'": ("'", "\u2019", "\u05f3")}


def _spellings(key: str) -> set[str]:
    """A key as shops type it: Hebrew gershayim or ASCII quotes, NBSP or space between words."""
    out = {key}
    for plain, forms in _QUOTE_FORMS.items():
        if plain in key:
            out |= {v.replace(plain, f) for v in out for f in forms}
    if " " in key:
        out |= {v.replace(" ", "\u00a0") for v in out}
    return out


def _lookup(raw: str) -> _Cur | None:
    t = _tables()
    key = _marker_key(raw)
    if not key:
        return None
    hit = t.exact.get(key)
    if hit is None:
        hit = t.folded.get(key.lower())
    return hit


# --------------------------------------------------------------------------- hints


@functools.cache
def _likely_territory(lang: str) -> str | None:
    full = get_global("likely_subtags").get(lang.lower())
    if not full:
        return None
    parts = full.split("_")
    return parts[-1] if len(parts) > 1 and parts[-1].isupper() else None


@functools.cache
def _hint_currencies(hint: str | None) -> tuple[str, ...]:
    """Currencies a hint points to, most likely first.

    The hint may be a currency ("CAD"), a country ("CA", "UA"), a language ("uk", "he") or a
    locale ("en-CA"). Case separates "CA" (Canada) from "ca" (Catalan) and "AR" (Argentina)
    from "ar" (Arabic); a language counts through its most likely country (uk -> UA -> UAH).
    """
    if not hint:
        return ()
    h = hint.strip().replace("-", "_")
    if len(h) == 3 and h.isalpha() and h.upper() in _all_codes():
        return (h.upper(),)
    territories: list[str] = []
    if "_" in h:
        lang, _, rest = h.partition("_")
        terr = [p for p in rest.split("_") if len(p) == 2 and p.isalpha()]
        territories = [t.upper() for t in terr] or [t for t in [_likely_territory(lang)] if t]
    elif len(h) == 2 and h.isalpha():
        as_country = _COUNTRY_ALIASES.get(h.upper(), h.upper())
        as_lang = _likely_territory(h)
        order = [as_country, as_lang] if h.isupper() else [as_lang, as_country]
        territories = [t for t in order if t]
    out: list[str] = []
    for terr in territories:
        try:
            found = get_territory_currencies(terr)
        except Exception:  # noqa: BLE001 - unknown territory: no opinion
            found = []
        out.extend(c for c in found if c not in out)
    return tuple(out)


def _resolve(cur: _Cur, hint: str | None, lang: str | None) -> str | None:
    for h in (hint, lang):
        for code in _hint_currencies(h):
            if code in cur.codes:
                return code
    return cur.default


@functools.cache
def _decimal_symbol(lang: str | None) -> str:
    if not lang:
        return "."
    try:
        sym = get_decimal_symbol(Locale.parse(lang.replace("-", "_")))
    except Exception:  # noqa: BLE001 - unknown language: assume the "." convention
        return "."
    return "." if sym == "\u066b" else sym


def currency_code(token: str, hint: str | None = None) -> str | None:
    """ISO 4217 code for a currency symbol, code or local word; None when unknown or undecidable.

    Shared symbols need the hint: "kr" is SEK, DKK, NOK or ISK and stays None without one,
    "$" defaults to USD and "ريال" to SAR because that is what shops mean when nothing else is
    said. ``hint`` is a currency, ISO country, language or locale code.
    """
    if not token:
        return None
    key = _marker_key(token)
    if len(key) == 3 and key.isalpha() and key.upper() in _all_codes() and (key.isupper() or _lookup(key)):
        return key.upper()
    cur = _lookup(key)
    if cur is None:
        return None
    return _resolve(cur, hint, None)


@functools.cache
def minor_unit(currency: str | None) -> int:
    """Decimal places of the currency's minor unit (CLDR), 2 when the currency is unknown."""
    if not currency:
        return 2
    try:
        return int(get_currency_precision(currency.upper()))
    except Exception:  # noqa: BLE001
        return 2


def money_equal(a: Decimal, b: Decimal, currency: str | None) -> bool:
    """Equal as a shop would show them: computed totals and percentage discounts carry stray
    digits (12.499999) that no shopper ever sees, so compare at the currency's minor unit."""
    q = Decimal(1).scaleb(-minor_unit(currency))
    try:
        return Decimal(a).quantize(q, ROUND_HALF_UP) == Decimal(b).quantize(q, ROUND_HALF_UP)
    except InvalidOperation:
        return Decimal(a) == Decimal(b)


# --------------------------------------------------------------------------- numbers

_SP = "[ \u00a0\u202f\u2009\u2007]"
_G = "[ \u00a0\u202f\u2009\u2007.,'\u2019\u066c]"
_D = "[.,\u066b]"
_END = r"(?!\d|[.,\u066b\u066c]\d|[eE][+-]?\d)"
_START = r"(?<![\d.,\u066b\u066c'\u2019])(?<!\d[eE])(?<!\d[eE][+-])"
_ALTS = {
    # "35€99": the euro sign as decimal separator (French and Italian shops).
    "euro": rf"(?P<euro>\d+(?:[ .\u00a0\u202f]\d{{3}})*€\d{{2}}){_END}",
    # "1 299 00" and "1 29900": a grouped integer with its cents in a <sup> glued on.
    "split_sp": rf"(?P<split_sp>[1-9]\d{{0,2}}(?:{_G}\d{{3}}(?!\d))+{_SP}\d{{2}}){_END}",
    "split_glued": rf"(?P<split_glued>[1-9]\d{{0,2}}(?:{_G}\d{{3}}(?!\d))*{_G}\d{{5}}){_END}",
    # "12 50": only when the caller says the element is a split price.
    "split_plain": rf"(?P<split_plain>\d+{_SP}\d{{2}}){_END}",
    "grouped": rf"(?P<grouped>\d{{1,3}}(?:{_G}\d{{3}}(?!\d))+(?P<gfrac>{_D}\d+)?){_END}",
    "plain": rf"(?P<plain>\d+(?:{_D}\d+)?){_END}",
}
_NUM = re.compile(_START + "(?:" + "|".join(
    _ALTS[k] for k in ("euro", "split_sp", "split_glued", "grouped", "plain")) + ")")
_NUM_SPLIT = re.compile(_START + "(?:" + "|".join(
    _ALTS[k] for k in ("euro", "split_sp", "split_glued", "split_plain", "grouped", "plain")) + ")")
_KINDS = ("euro", "split_sp", "split_glued", "split_plain", "grouped", "plain")
_SEP_CANON = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ",
                            "\u2019": "'", "\u066c": ",", "\u066b": "."})
_NONDIGIT = re.compile(r"\D")
_DIGIT_RUN = re.compile(r"\d+")
_DASH_ZERO = (",-", ".-", ",\u2013", ".\u2013", ",\u2014")


def _amount(raw: str, kind: str, currency: str | None, lang: str | None) -> Decimal | None:
    """Decimal value of a matched number, or None when its separators contradict each other.

    Ambiguous "1,299" / "1.299" (one separator, exactly three digits after it): thousands,
    because prices in two-decimal currencies never show three decimals. It reads as a decimal
    only when the integer part is 0 ("0.299"), or when the currency has a three-digit minor unit
    (KWD, BHD, OMR, JOD, TND...) and the separator is the page language's decimal sign ("."
    when no language is known): "1.250 د.ك" is one dinar and a quarter.
    """
    s = ascii_digits(raw).translate(_SEP_CANON)
    if kind == "euro":
        head, _, cents = s.partition("€")
        return Decimal(_NONDIGIT.sub("", head) + "." + cents)
    if kind.startswith("split"):
        seps = [c for c in _NONDIGIT.findall(s)]
        if len(set(seps[:-1] if kind == "split_sp" else seps)) > 1:
            return None
        digits = _NONDIGIT.sub("", s)
        return Decimal(digits[:-2] + "." + digits[-2:])
    seps = _NONDIGIT.findall(s)
    if not seps:
        return Decimal(s)
    if kind == "plain":  # one separator and not three digits after it, or 4+ digits before it
        return parse_number(s, decimal_separator=seps[0])
    # grouped: every separator but a trailing fraction's is a group separator
    groups = _NONDIGIT.split(s)
    has_frac = len(groups[-1]) != 3 or (len(seps) > 1 and seps[-1] != seps[0])
    group_seps = seps[:-1] if has_frac else seps
    if len(set(group_seps)) != 1:
        return None
    gsep = group_seps[0]
    if has_frac:
        dsep = seps[-1]
        if dsep == gsep or dsep not in ".,":
            return None
        return parse_number(s.replace(" ", "").replace("'", ""), decimal_separator=dsep)
    if len(seps) == 1 and gsep in ".,":
        decimal = groups[0].strip("0") == "" or (
            minor_unit(currency) == 3 and gsep == _decimal_symbol(lang))
        if decimal:
            return Decimal(groups[0] + "." + groups[1])
    return Decimal("".join(groups))


# --------------------------------------------------------------------------- scanning

_GAP = frozenset(" \t\n\r\u00a0\u202f\u2009\u2007\u2002\u2003\u2005\u200a" + _BIDI)
_HGAP = frozenset(" \t\u00a0\u202f\u2009\u2007\u2002\u2003\u2005\u200a" + _BIDI)  # no line breaks
_MAX_GAP = 3
_BIDI_SET = frozenset(_BIDI)
_SIGNS = "-\u2212"
_PERCENT = "%\u066a\u2030"


class _Marker(NamedTuple):
    start: int
    end: int
    cur: _Cur


@dataclass
class _Tok:
    start: int  # the number itself
    end: int
    kind: str
    raw: str
    blocked: bool = False
    pre: _Marker | None = None
    suf: _Marker | None = None
    inherited: _Cur | None = None  # from the other end of a range
    sign: int | None = None  # index of a minus sign

    @property
    def cur(self) -> _Cur | None:
        if self.kind == "euro":
            return _lookup("€")
        m = self.suf or self.pre
        return m.cur if m else self.inherited

    @property
    def span(self) -> tuple[int, int]:
        start = self.pre.start if self.pre else self.start
        if self.sign is not None:
            start = min(start, self.sign)
        return start, self.suf.end if self.suf else self.end


def _skip_gap_fwd(text: str, i: int) -> int:
    """End of the spaces (at most _MAX_GAP, bidi marks free) after a number; ``i`` if too wide."""
    n, j, spaces = len(text), i, 0
    while j < n and text[j] in _GAP:
        if text[j] not in _BIDI_SET:
            spaces += 1
            if spaces > _MAX_GAP:
                return i
        j += 1
    return j


def _skip_gap_back(text: str, i: int) -> int:
    j, spaces = i, 0
    while j > 0 and text[j - 1] in _GAP:
        if text[j - 1] not in _BIDI_SET:
            spaces += 1
            if spaces > _MAX_GAP:
                return i
        j -= 1
    return j


def _suffix_marker(text: str, pos: int) -> _Marker | None:
    """Longest marker starting after the gap that follows a number ("1 299 грн.", "12,50 EUR")."""
    t = _tables()
    p = _skip_gap_fwd(text, pos)
    n = len(text)
    best: _Marker | None = None
    e = p + 1
    while e <= n:
        cand = text[p:e]
        low = cand.lower()
        in_exact, in_folded = cand in t.exact_heads, low in t.folded_heads
        if not (in_exact or in_folded):
            break
        if not (e < n and text[e - 1].isalpha() and text[e].isalpha()):  # "EUR" inside "EUROPE"
            cur = (t.exact.get(cand) if in_exact else None) or (t.folded.get(low) if in_folded else None)
            if cur is not None:
                best = _Marker(p, e, cur)
        e += 1
    if best is not None and best.end < n and text[best.end] == "." and best.cur is not None:
        best = best._replace(end=best.end + 1)  # "грн.", "руб.", "р."
    return best


def _prefix_marker(text: str, pos: int) -> _Marker | None:
    """Longest marker ending before the gap that precedes a number ("US$ 5", "kr. 199")."""
    t = _tables()
    q = _skip_gap_back(text, pos)
    if q > 0 and text[q - 1] in _SIGNS:  # "£-5.00", "€ −5": the sign sits inside
        q = _skip_gap_back(text, q - 1)
    best: _Marker | None = None
    for end in (q, q - 1) if q > 0 and text[q - 1] == "." else (q,):
        s = end - 1
        while s >= 0:
            cand = text[s:end]
            low = cand.lower()
            in_exact, in_folded = cand in t.exact_tails, low in t.folded_tails
            if not (in_exact or in_folded):
                break
            if not (s > 0 and text[s].isalpha() and text[s - 1].isalpha()):
                cur = (t.exact.get(cand) if in_exact else None) or (t.folded.get(low) if in_folded else None)
                if cur is not None and not cur.suffix_only and (best is None or s < best.start):
                    best = _Marker(s, q, cur)
            s -= 1
    return best


def _sign_before(text: str, pos: int, at_start_ok: bool) -> int | None:
    """Index of a minus sign governing the price that starts at ``pos``, if any.

    A hyphen counts only when glued to the price ("-£5.00"): "Ціна - 50 грн" uses the dash as
    "is", and "1 299 -1 599" is a range. U+2212 MINUS may stand one space off ("− 5,00 €").
    En and em dashes are never signs. Anything right after a digit is a range, not a sign.
    """
    j = pos
    while j > 0 and text[j - 1] in _BIDI:
        j -= 1
    k = None
    if j > 0 and text[j - 1] in _SIGNS:
        k = j - 1
    elif j > 1 and text[j - 1] in _HGAP and text[j - 2] in _SIGNS:
        if text[j - 2] == "\u2212" or (at_start_ok and not text[: j - 2].strip()):
            k = j - 2
    if k is None:
        return None
    before = text[:k].rstrip()
    if k > 0 and text[k - 1].isalnum():
        return None
    if before and (before[-1].isdigit() or before[-1] in "-\u2212"):
        return None
    return k


def _scan(text: str, split: bool) -> list[_Tok]:
    toks: list[_Tok] = []
    n = len(text)
    rx = _NUM_SPLIT if split else _NUM
    last_end = -1
    # Anchor the number pattern only where a digit run starts: its look-behinds are too slow
    # to try at every character of a long text.
    for run in _DIGIT_RUN.finditer(text):
        if run.start() < last_end:
            continue
        m = rx.match(text, run.start())
        if m is None:
            continue
        kind = m.lastgroup if m.lastgroup in _KINDS else next(k for k in _KINDS if m.groupdict().get(k))
        start, end = m.start(), m.end()
        last_end = end
        tok = _Tok(start, end, kind, m.group())
        if kind.startswith("split") and not split:
            tok.blocked = True  # ambiguous without the caller's word: no price beats a wrong one
        if text[end:end + 2] in _DASH_ZERO and (end + 2 >= n or not text[end + 2].isdigit()):
            tok.end = end + 2  # "199,-": Scandinavian and Swiss round prices
        after = text[tok.end:tok.end + 2].lstrip(" \u00a0\u202f")
        if (after[:1] and after[0] in _PERCENT) or (start > 0 and text[start - 1] in _PERCENT):
            tok.blocked = True  # "-30%", Turkish "%30"
        if (not split and len(tok.raw) == 2 and tok.raw.isdigit() and start >= 2
                and text[start - 1] in " \u00a0\u202f" and text[start - 2].isdigit()):
            tok.blocked = True  # "999 00": the cents of a split price, not a price of their own
        toks.append(tok)
    return toks


def _attach_markers(text: str, toks: list[_Tok], hint: str | None, lang: str | None,
                    running: bool) -> None:
    """Give each number the currency marker touching it, and its minus sign.

    ``running`` is True for find_prices: there ISO codes that are words ("TOP 10") need the
    hint, and a spaced hyphen at the start is not a sign.
    """
    hinted = set(_hint_currencies(hint)) | set(_hint_currencies(lang))

    def usable(m: _Marker | None) -> _Marker | None:
        if m is None:
            return None
        if running and m.cur.iso_word and not (set(m.cur.codes) & hinted):
            return None
        return m

    for t in toks:
        if t.kind == "euro" or t.blocked:
            continue  # a blocked number ("-30%", unsplit "1 299 00") must not take a neighbour's marker
        t.pre = usable(_prefix_marker(text, t.start))
        t.suf = usable(_suffix_marker(text, t.end))
    # A marker between two numbers belongs to one of them: prefix style if the left number
    # already has a prefix ("£20 £15"), suffix style if the right one has a suffix ("20 € 15 €").
    for a, b in zip(toks, toks[1:]):
        if a.suf and b.pre and a.suf.start == b.pre.start:
            if a.pre is not None:
                a.suf = None
            else:
                b.pre = None
    for t in toks:
        if t.blocked:
            continue
        t.sign = _sign_before(text, t.pre.start if t.pre else t.start, at_start_ok=not running)
        if t.sign is None and t.pre is not None:
            inner = _sign_before(text, t.start, at_start_ok=False)  # "£-5.00", "€ −5"
            if inner is not None and inner >= t.pre.end:
                t.sign = inner
    for a, b in zip(toks, toks[1:]):
        if b.sign is not None and text[a.span[1]:b.sign].strip() == "":
            b.sign = None  # "£20 -£5": a range or a list, not a discount


_RANGE_JOIN = re.compile(
    r"\s*(?:[-\u2010-\u2015\u2212~]|to|до|bis|à|עד|إلى|الى|حتى|تا)\s*", re.IGNORECASE)


def _propagate_ranges(text: str, toks: list[_Tok], lang: str | None) -> None:
    """"1 299 – 1 599 грн", "₴1 299 – 1 599", "від 1 299 до 1 599 грн": both ends are prices.

    The low end must not exceed the high end, so "Nike 90 – 1 299 грн" can still mislead but
    "Ціна 1 299 – 3 шт" or a bigger number before the dash does not borrow a currency.
    """
    for a, b in zip(toks, toks[1:]):
        if a.blocked or b.blocked:
            continue
        if a.cur is None and b.cur is not None and b.pre is None:
            target, source = a, b
        elif b.cur is None and a.cur is not None and a.suf is None:
            target, source = b, a
        else:
            continue
        if not _RANGE_JOIN.fullmatch(text[a.span[1]:b.span[0]]):
            continue
        code = source.cur.default if source.cur else None
        low, high = _amount(a.raw, a.kind, code, lang), _amount(b.raw, b.kind, code, lang)
        if low is not None and high is not None and low <= high:
            target.inherited = source.cur


_BARE_AFTER = re.compile(r"[ \u00a0\u202f]?\d|\s?[:/\-\u2013]\s?\d")
_BARE_BEFORE = re.compile(r"(?:\d[ \u00a0\u202f]?|\d\s?[:/\-\u2013]\s?|[+#№]\s?|[^\W\d_])$")
_SPACES_BIDI = " \t\u00a0\u202f\u2009" + _BIDI


def _bare_ok(text: str, t: _Tok) -> bool:
    """A number with no currency is a price only if nothing says it is something else.

    Rejected: a word right after it ("3 шт", "15 Pro"), another number beside it (phone numbers,
    article codes), a time, date or phone shape ("12:30", "12/05", "+380", "№ 5"), letters glued
    before it ("A4"), or a leading zero ("044"): prices never have one.
    """
    raw = ascii_digits(t.raw)
    if len(raw) > 1 and raw[0] == "0" and raw[1].isdigit():
        return False
    tail = text[t.end:t.end + 8]
    if _BARE_AFTER.match(tail) or tail.lstrip(_SPACES_BIDI)[:1].isalpha():
        return False
    return not _BARE_BEFORE.search(text[max(0, t.start - 6):t.start])


# --------------------------------------------------------------------------- free


_FREE_WORDS = sorted([
    "free", "free of charge", "gratis", "kostenlos", "kostenfrei", "umsonst", "gratuit", "gratuite",
    "offert", "offerte", "gratuito", "gratuita", "grátis", "darmowa", "darmowy", "darmowe", "za darmo",
    "bezpłatnie", "bezpłatna", "bezpłatny", "zdarma", "ücretsiz", "bedava", "безкоштовно",
    "безкоштовна", "безкоштовний", "безкоштовне", "безплатно", "бесплатно", "бесплатная",
    "бесплатный", "бесплатное", "חינם", "בחינם", "חינמי", "חינמית", "مجانا", "مجاناً", "مجانًا",
    "مجاني", "مجانية", "بلاش", "رایگان",
], key=len, reverse=True)
_FREE = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, _FREE_WORDS)) + r")(?![\w\u064b-\u065f])",
                   re.IGNORECASE)
# Lower-case twin without look-behind: lets the engine jump between candidate first letters.
_FREE_LOW = re.compile("|".join(map(re.escape, _FREE_WORDS)))
_FREE_BEFORE = frozenset(":\n|•·(—–-/[")
_FREE_AFTER = frozenset(".!,;)|•·\n/]")


_FREE_STEMS = ("free", "grat", "kosten", "umsonst", "offert", "grátis", "darm", "bezpł", "zdarma", "ücretsiz",
               "bedava", "безкошт", "безплат", "бесплат", "חינם", "مجان", "بلاش", "رایگان")


def _word_char(ch: str) -> bool:
    return ch.isalnum() or "\u064b" <= ch <= "\u065f"  # Arabic tanween continues the word


def _standalone_free(text: str) -> list[tuple[int, int]]:
    """Free words that stand where a price would: the whole text, or a value after a label.

    "Free", "Shipping: FREE", "Доставка — безкоштовно." count; "Free shipping over £50" and
    "free returns" do not, since there "free" describes a perk and the price is elsewhere.
    """
    out: list[tuple[int, int]] = []
    low = text.lower()
    if not any(stem in low for stem in _FREE_STEMS):
        return out  # cheap guard: the word regex is slow to try at every position
    if len(low) == len(text):
        hits = [(m.start(), m.end()) for m in _FREE_LOW.finditer(low)
                if not (m.start() > 0 and low[m.start() - 1].isalnum())
                and not (m.end() < len(low) and _word_char(low[m.end()]))]
    else:  # lower() changed the length ("İ"): spans would drift, use the slow case-blind pattern
        hits = [(m.start(), m.end()) for m in _FREE.finditer(text)]
    for start, end in hits:
        i = start
        while i > 0 and text[i - 1] in _HGAP:
            i -= 1
        j = end
        while j < len(text) and text[j] in _HGAP:
            j += 1
        if (i == 0 or text[i - 1] in _FREE_BEFORE) and (j == len(text) or text[j] in _FREE_AFTER):
            out.append((start, end))
    return out


# --------------------------------------------------------------------------- public parsing


def _hint_default(hint: str | None) -> str | None:
    found = _hint_currencies(hint)
    return found[0] if found else None


def _price(text: str, t: _Tok, currency: str | None, lang: str | None,
           negate: bool = False) -> ParsedPrice | None:
    amount = _amount(t.raw, t.kind, currency, lang)
    if amount is None:
        return None
    if (t.sign is not None) != negate:
        amount = -amount
    start, end = t.span
    return ParsedPrice(amount, currency, text[start:end], False, start, end)


def find_prices(text: str, currency_hint: str | None = None, lang: str | None = None, *,
                split_fraction: bool = False) -> list[ParsedPrice]:
    """Every price in running text, with spans, in reading order.

    A number needs a currency marker touching it (or across a range dash from it), because
    running text is full of phone numbers, dates, quantities and years. With ``currency_hint``
    a bare number counts too, unless its surroundings say otherwise (``_bare_ok``) or it is a
    plain year (1900-2099). Parentheses do not negate here ("Delivery (£4.99)" is a charge).
    """
    if not text:
        return []
    toks = _scan(text, split_fraction)
    _attach_markers(text, toks, currency_hint, lang, running=True)
    _propagate_ranges(text, toks, lang)
    hinted = _hint_default(currency_hint)
    out: list[ParsedPrice] = []
    for t in toks:
        if t.blocked:
            continue
        cur = t.cur
        if cur is not None:
            currency = _resolve(cur, currency_hint, lang)
        else:
            if hinted is None or not _bare_ok(text, t):
                continue
            if re.fullmatch(r"(?:19|20)\d\d", t.raw):
                continue
            currency = hinted
        p = _price(text, t, currency, lang)
        if p is not None:
            out.append(p)
    taken = [(p.start, p.end) for p in out]
    for s, e in _standalone_free(text):
        if not any(s < b and a < e for a, b in taken):
            out.append(ParsedPrice(Decimal("0"), hinted, text[s:e], True, s, e))
    out.sort(key=lambda p: p.start)
    return out


_PARENS = re.compile(r"^\s*[" + _BIDI + r"]*\((.*)\)[" + _BIDI + r"]*\s*$", re.DOTALL)


def parse_price(text: str, currency_hint: str | None = None, lang: str | None = None, *,
                split_fraction: bool = False) -> ParsedPrice | None:
    """The one price shown by a price element's text, or None.

    Unlike ``find_prices`` this trusts that the text is a price: the first number touching a
    currency marker wins; failing that a lone bare number is taken (currency from the hint,
    else None) if exactly one number is present and nothing marks it as a quantity, time or
    phone; failing that a short text (three words at most, no digits) holding a free word is
    free. "(£5.00)" is negative, as in accounting. Scientific notation ("1e9") is never a price:
    shops do not print it, JavaScript does. ``split_fraction`` says the element joins integer and
    cents from separate nodes ("1 299 00 ₴", "1 29900"), so a trailing two-digit group is cents.
    """
    if not text or not text.strip():
        return None
    negate = False
    body_start, body = 0, text
    paren = _PARENS.match(text)
    if paren:
        negate, body_start, body = True, paren.start(1), paren.group(1)
    toks = _scan(body, split_fraction)
    _attach_markers(body, toks, currency_hint, lang, running=False)
    _propagate_ranges(body, toks, lang)
    chosen: _Tok | None = None
    currency: str | None = None
    for t in toks:
        if not t.blocked and t.cur is not None:
            chosen, currency = t, _resolve(t.cur, currency_hint, lang)
            break
    if chosen is None and len(toks) == 1 and not toks[0].blocked and _bare_ok(body, toks[0]):
        chosen, currency = toks[0], _hint_default(currency_hint)
    if chosen is not None:
        p = _price(body, chosen, currency, lang, negate)
        if p is None:
            return None
        start, end = p.start + body_start, p.end + body_start
        if paren:  # the parentheses are part of what the shop printed
            start, end = len(text) - len(text.lstrip()), len(text.rstrip())
        return ParsedPrice(p.amount, p.currency, text[start:end], False, start, end)
    if not toks and not any(c.isdigit() for c in text):
        words = text.split()
        if len(words) <= 3 and _FREE.search(text):
            start = len(text) - len(text.lstrip())
            end = len(text.rstrip())
            return ParsedPrice(Decimal("0"), _hint_default(currency_hint), text[start:end], True, start, end)
    return None
