"""Who sells: trader name, geographic address, e-mail, phone and registration number.

Language-independent where the thing has a shape: e-mails and phones by pattern (phone numbers
validated with `phonenumbers`, Google's libphonenumber), addresses by structure (a street word or
an <address> element, a house number, and a postcode or a city after a comma), registration
numbers by a register word with a number after it or a VAT-number shape. Names of streets,
registers and company forms come from the lexicons, so every supported language is read the
same way. Structured data (schema.org Organization and its kin) counts as a statement too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any
from urllib.parse import unquote

import phonenumbers
from babel import Locale

from auditor.text.lexicon import Lexicons
from auditor.text.normalize import normalize

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})*\.[^\W\d_]{2,24}(?![\w@])")
_EMAIL_AT = re.compile(r"(?<![\w.+-])([\w.+-]{1,64})\s*[\[(]\s*(?:at|ät|@)\s*[\])]\s*([\w-]{1,63}(?:\s*(?:\.|[\[(]\s*dot\s*[\])])\s*[\w-]{1,63})+)",
                       re.IGNORECASE)
_NOT_EMAIL_TLD = {"png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "css", "js"}

# Postcode shapes. Lettered ones are matched on the original text (they are upper case).
_POSTCODES: tuple[tuple[str | None, re.Pattern[str]], ...] = (
    ("GB", re.compile(r"(?<![A-Za-z0-9])[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}(?![A-Za-z0-9])")),
    ("US", re.compile(r"(?<![A-Za-z])(?:[A-Z]{2})\s+\d{5}(?:-\d{4})?(?!\d)")),
    ("NL", re.compile(r"(?<![\d\w])\d{4}\s?[A-Z]{2}(?![A-Za-z])")),
    (None, re.compile(r"(?<![\d\w+.,-])\d{2}-\d{3}(?![\d\w])")),  # PL
    (None, re.compile(r"(?<![\d\w+.,-])\d{3}\s\d{2}(?![\d\w])")),  # CZ, SK, SE, GR
    (None, re.compile(r"(?<![\d\w+.,-])\d{7}(?![\d\w])")),  # IL
    (None, re.compile(r"(?<![\d\w+.,-])\d{6}(?![\d\w])")),  # RU, KZ, IN
    (None, re.compile(r"(?<![\d\w+.,-])\d{5}(?![\d\w])")),  # DE, FR, ES, IT, UA, US without state
    (None, re.compile(r"(?<![\d\w+.,-])\d{4}(?![\d\w.,])")),  # AT, BE, DK, CH, HU...
)
_HOUSE_NUMBER = re.compile(r"(?<![\w+])\d{1,4}[^\W\d_]?(?:\s?[/-]\s?\d{1,4}[^\W\d_]?)?(?![\w])")
# ", Kendal", "، الرياض", ", г. Казань", ", м. Львів": a town after a comma, abbreviations allowed.
_CITY_AFTER_COMMA = re.compile(r"[,،]\s*(?:[^\W\d_]{1,4}\.\s*)?[^\W\d_][^\W\d_'’\-]{2,}")
_VAT = re.compile(r"(?<![A-Za-z0-9])(?:ATU|BE0?|BG|CY|CZ|DE|DK|EE|EL|ES[A-Z0-9]?|FI|FR[A-Z0-9]{2}|GB|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|SE|SI|SK|XI)"
                  r"\s?\d[\d ]{6,13}(?:B\d{2})?(?![A-Za-z0-9])")
# A post-office box is an address for letters, not the geographic address the law asks for.
_PO_BOX = re.compile(r"(?<!\w)(?:p\.?\s?o\.?\s?box|postfach|bo[iî]te postale|apartado de correos|а/с|а/я|"
                     r"абонентськ\w*\s+скриньк\w*|абонентск\w*\s+ящик\w*|ת\.ד|ص\.ب|صندوق بريد)", re.IGNORECASE)
_LONG_NUMBER = re.compile(r"\d(?:[\d .\-/]{3,18})\d")

ORG_TYPES = {"Organization", "Corporation", "LocalBusiness", "Store", "OnlineStore", "OnlineBusiness",
             "ClothingStore", "HomeGoodsStore", "SportingGoodsStore", "ElectronicsStore", "BookStore",
             "JewelryStore", "ShoeStore", "GroceryStore", "FurnitureStore", "HardwareStore", "PetStore",
             "DepartmentStore", "OutletStore", "ToyStore", "GardenStore", "MobilePhoneStore"}

EU_MEMBERS = ("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "IE", "IT", "LV",
              "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO")
COUNTRIES_OF_INTEREST = (*EU_MEMBERS, "GB", "US", "IL", "UA")
NAME_LANGS = ("en", "de", "fr", "es", "uk", "ru", "he", "ar")
# Names babel's CLDR data lacks that shops write in addresses.
_COUNTRY_ALIASES = {
    "uk": "GB", "u.k.": "GB", "england": "GB", "scotland": "GB", "wales": "GB", "northern ireland": "GB",
    "great britain": "GB", "usa": "US", "u.s.a.": "US", "u.s.": "US", "california": "US", "україна": "UA",
    "украина": "UA", "ukraine": "UA", "ישראל": "IL", "israel": "IL", "إسرائيل": "IL",
}


@dataclass(frozen=True)
class Statement:
    """One identity element as found: its status, the quote, the page and a normalised value."""

    status: str  # present | vague
    quote: str
    value: str = ""
    via: str = "text"  # text | link | structured-data


def emails_in(text: str) -> list[str]:
    found = [m.group(0) for m in EMAIL.finditer(text)]
    for m in _EMAIL_AT.finditer(text):
        domain = re.sub(r"\s*(?:\.|[\[(]\s*dot\s*[\])])\s*", ".", m.group(2), flags=re.IGNORECASE)
        found.append(f"{m.group(1)}@{domain}")
    return [e for e in dict.fromkeys(found) if e.rsplit(".", 1)[-1].lower() not in _NOT_EMAIL_TLD]


def email_from_href(href: str) -> str | None:
    if href.lower().startswith("mailto:"):
        addr = unquote(href[7:].split("?", 1)[0]).strip()
        return addr if EMAIL.fullmatch(addr) else None
    return None


def phone_from_href(href: str, regions: Sequence[str] = ()) -> str | None:
    if not href.lower().startswith("tel:"):
        return None
    raw = unquote(href[4:]).strip()
    for region in (*regions, None) if not raw.startswith("+") else (None,):
        try:
            num = phonenumbers.parse(raw, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_possible_number(num):
            return phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
    return None


def phones_in(text: str, regions: Sequence[str], lenient: bool = False) -> list[tuple[str, str]]:
    """(E.164, raw text) of phone numbers in text. Strict (valid numbers) unless the text says
    it is a phone number (`lenient`): then any possible number counts, as fictional and new
    ranges fail libphonenumber's validity data."""
    leniency = phonenumbers.Leniency.POSSIBLE if lenient else phonenumbers.Leniency.VALID
    out: dict[str, str] = {}
    for region in dict.fromkeys([*regions, "US"]):
        for m in phonenumbers.PhoneNumberMatcher(text, region, leniency=leniency):
            digits = re.sub(r"\D", "", m.raw_string)
            if len(digits) < 7 or re.fullmatch(r"(19|20)\d\d[-./ ]\d\d?[-./ ]\d\d?", m.raw_string.strip()):
                continue  # dates and short codes
            out.setdefault(phonenumbers.format_number(m.number, phonenumbers.PhoneNumberFormat.E164), m.raw_string)
    return list(out.items())


def phone_country(e164: str) -> str | None:
    try:
        region = phonenumbers.region_code_for_number(phonenumbers.parse(e164, None))
    except phonenumbers.NumberParseException:
        return None
    return region if region and region != "ZZ" else None


def _postcodes(text: str) -> list[tuple[str | None, re.Match[str]]]:
    found: list[tuple[str | None, re.Match[str]]] = []
    taken: list[tuple[int, int]] = []
    for country, rx in _POSTCODES:
        for m in rx.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            digits = re.sub(r"\D", "", m.group(0))
            if len(digits) == 4 and m.group(0).isdigit() and 1900 <= int(digits) <= 2099:
                continue  # a year ("© 2026", "updated 3 February 2026") is not a postcode
            found.append((country, m))
            taken.append((m.start(), m.end()))
    return found


def address_in(text: str, lex: Lexicons, langs: Sequence[str | None] | None, tag: str = "") -> Statement | None:
    """A geographic address by its structure, or None. Vague: a postcode or town without a street."""
    clean = text
    for raw in emails_in(clean):
        clean = clean.replace(raw, " ")
    clean = re.sub(r"\+?\d[\d ()\-./]{8,}\d", " ", clean)  # phone-like runs are not house numbers
    if len(clean) > 250:
        return None  # a paragraph of prose is not an address block
    norm = normalize(clean)
    street = tag == "address" or any(h.concept == "seller.address" for h in lex.find("seller.address", norm, langs, normalized=True))
    codes = _postcodes(clean)
    code_spans = [(m.start(), m.end()) for _c, m in codes]
    numbers = [m for m in _HOUSE_NUMBER.finditer(clean)
               if not any(a <= m.start() < b for a, b in code_spans) and not _is_quantity(clean, m.end(), lex, langs)]
    city = bool(_CITY_AFTER_COMMA.search(clean))
    if _PO_BOX.search(clean) and not re.search(r"\d+\s*[^\W\d_]{3,}\s+(?:st|street|rd|road|ave)\b", clean, re.I):
        return Statement("vague", clean.strip()) if numbers or codes else None
    if street and numbers and (codes or city):
        return Statement("present", clean.strip(), _postcode_country(codes, clean) or "")
    if codes and numbers and city and len(clean) < 160:
        return Statement("present", clean.strip(), _postcode_country(codes, clean) or "")
    if street and (codes or city) and len(clean) < 120 and not numbers:
        return Statement("vague", clean.strip())
    return None


def _is_quantity(text: str, end: int, lex: Lexicons, langs: Sequence[str | None] | None) -> bool:
    """"30 days", "20 %", "5 €": a number followed by a unit is not a house number."""
    rest = text[end:end + 16].lstrip()
    if rest[:1] in ("%", "€", "$", "£", "₴", "₪"):
        return True
    word = re.match(r"[^\W\d_]+", rest)
    return bool(word) and any(
        h.start == 0 and h.end == len(normalize(word.group(0)))
        for c in ("time.days", "time.hours")
        for h in lex.find(c, normalize(word.group(0)), langs, normalized=True))


def _postcode_country(codes: list[tuple[str | None, re.Match[str]]], text: str) -> str | None:
    named = country_named(text)
    if named:
        return named
    for country, m in codes:
        if country == "US" and not m.group(0)[:2].isalpha():
            continue
        if country in ("GB", "US"):
            return country
    return None


@cache
def _country_names() -> tuple[tuple[str, str], ...]:
    names: dict[str, str] = dict(_COUNTRY_ALIASES)
    for lang in NAME_LANGS:
        territories = Locale.parse(lang).territories
        for code in COUNTRIES_OF_INTEREST:
            if code in territories:
                names.setdefault(normalize(territories[code]), code)
    return tuple(sorted(names.items(), key=lambda kv: -len(kv[0])))


def country_named(text: str) -> str | None:
    """The country an address names, in any of the supported languages."""
    norm = normalize(text)
    for name, code in _country_names():
        if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", norm):
            return code
    if re.search(r"(?<![A-Za-z])CA\s+9[0-6]\d{3}(?!\d)", text):
        return "US"  # California ZIPs run 90000-96199
    return None


def registration_in(text: str, lex: Lexicons, langs: Sequence[str | None] | None) -> Statement | None:
    """A registration or VAT number: a register word followed by a number, or a VAT-number shape."""
    vat = _VAT.search(text)
    if vat:
        return Statement("present", text.strip(), vat.group(0))
    norm = normalize(text)
    hits = lex.find("seller.registration", norm, langs, normalized=True)
    for hit in hits:
        if re.search(r"\d", hit.found):
            return Statement("present", text.strip(), hit.found)
        number = _LONG_NUMBER.search(norm, hit.end, hit.end + 60)
        if number and len(re.sub(r"\D", "", number.group(0))) >= 5:
            return Statement("present", text.strip(), number.group(0))
    if hits:
        return Statement("vague", text.strip())
    return None


def trader_in(text: str, lex: Lexicons, langs: Sequence[str | None] | None) -> Statement | None:
    """The trader's name: "operated by X", or a company form beside a name ("Northwind Ltd",
    "ТОВ «Світанок»", 'אור בע"מ')."""
    norm = normalize(text)
    for concept in ("seller.trader", "seller.company_form"):
        for hit in lex.find(concept, norm, langs, normalized=True):
            if _names_something(text, hit.found):
                return Statement("present", text.strip(), _trader_value(text, hit.found))
    return None


def _trader_value(text: str, form: str) -> str:
    """The name as a reader would copy it: a short line whole ("ООО «Северная Нить»"), else a
    quoted name after the form, else the form that was matched."""
    line = " ".join(text.split())
    if len(line) <= 80:
        return line
    quoted = re.search(r"[«„“\"]([^»“”\"]{1,80})[»“”\"]", text)
    return quoted.group(0) if quoted else form


def _names_something(text: str, form: str) -> bool:
    """Is there a name beside the company form? Within three words of it there must be a
    capitalised word (the first word of the text only counts when the form itself is written
    capitalised, as in "Acme Ltd" but not "Limited stock"), a quoted name, or, in caseless
    scripts (Hebrew, Arabic), any word."""
    if re.search(r"[«»„“”\"]", text):
        return True
    words = re.findall(r"[^\W\d_][\w'’&.\-]*", text)
    punct = ' .,:;"\'()'
    head = normalize(form).split()[0].strip(punct) if normalize(form).split() else ""
    at = next((i for i, w in enumerate(words) if normalize(w).strip(punct) == head), None)
    if at is None:
        return False
    form_cased = words[at][:1].isupper()
    for i in range(max(0, at - 3), min(len(words), at + 4)):
        if i == at:
            continue
        w = words[i]
        if not w[0].isupper() and not w[0].islower():
            return True  # caseless script
        if w[0].isupper() and (i > 0 or form_cased):
            return True
    return False


def organizations(structured: Any) -> Iterator[dict[str, Any]]:
    """schema.org Organization-like items (top level or in @graph) from a page's structured data."""
    for item in [*structured.json_ld, *structured.microdata]:
        for node in _nodes(item):
            types = node.get("@type") or node.get("type") or []
            types = [types] if isinstance(types, str) else list(types)
            if any(str(t).rsplit("/", 1)[-1] in ORG_TYPES for t in types):
                yield node.get("properties", node) if isinstance(node.get("properties"), dict) else node


def _nodes(item: Any) -> Iterable[dict[str, Any]]:
    if isinstance(item, dict):
        yield item
        graph = item.get("@graph")
        if isinstance(graph, list):
            for g in graph:
                if isinstance(g, dict):
                    yield g


def org_text(value: Any) -> str:
    """A schema.org value as text: strings, PostalAddress objects, lists."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list):
        return ", ".join(t for t in (org_text(v) for v in value) if t)
    if isinstance(value, dict):
        props = value.get("properties", value)
        keys = ("streetAddress", "postalCode", "addressLocality", "addressRegion", "addressCountry", "name")
        return ", ".join(t for t in (org_text(props.get(k)) for k in keys) if t)
    return ""


def org_country(org: dict[str, Any]) -> str | None:
    address = org.get("address")
    props = address.get("properties", address) if isinstance(address, dict) else {}
    country = org_text(props.get("addressCountry")) if isinstance(props, dict) else ""
    if re.fullmatch(r"[A-Za-z]{2}", country or ""):
        code = country.upper()
        return "GB" if code == "UK" else code
    return country_named(country) if country else None
