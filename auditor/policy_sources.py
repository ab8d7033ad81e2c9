"""Where policy terms are stated: policy pages, and the shop's own pages beside the price.

The policy checks (returns, cancellation, delivery, seller identity) read the same places:
dedicated policy pages first, then terms/FAQ pages that carry a section on the subject, then
product, cart and checkout pages and the journey's steps ("free delivery over £50" beside the
price counts). This module turns those places into `Source`s for auditor.text.facts and finds
the seller's identity statements for auditor.text.identity.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from auditor.artifacts import Artifacts, PageSnapshot, TextBlock
from auditor.checkkit import langs_of
from auditor.classify import URL_HINTS
from auditor.text.facts import Source, sentences
from auditor.text.identity import (
    Statement, address_in, country_named, email_from_href, emails_in, org_country, org_text,
    organizations, phone_country, phone_from_href, phones_in, registration_in, trader_in,
)
from auditor.text.lexicon import Lexicons, lexicons
from auditor.text.normalize import clip

SHOP_KINDS = ("product", "cart", "checkout")
IDENTITY_KINDS = ("imprint", "contact", "about", "terms", "privacy")
BODY_REGIONS = ("main", "aside", "dialog")
LANG_REGIONS = {"en": ("GB", "US", "IE"), "de": ("DE", "AT", "CH"), "fr": ("FR", "BE", "CH"), "es": ("ES",),
                "uk": ("UA",), "ru": ("UA", "RU"), "he": ("IL",), "ar": ("IL", "AE", "SA", "EG")}


def page_source(page: PageSnapshot, origin: str, regions: Iterable[str] = BODY_REGIONS) -> Source:
    wanted = set(regions)
    langs = langs_of(page)
    return Source(page.final_url, tuple(sentences(b.text for b in page.text_blocks if b.region in wanted)),
                  tuple(langs) if langs else None, origin)


def pages_with(artifacts: Artifacts, kinds: Iterable[str]) -> list[PageSnapshot]:
    wanted = set(kinds)
    return [p for p in artifacts.pages if wanted & set(p.policy_kinds)]


def policy_pages(artifacts: Artifacts, kinds: Iterable[str], section_kinds: Iterable[str],
                 concepts: Iterable[str]) -> list[PageSnapshot]:
    """Dedicated pages of `kinds`; failing those, `section_kinds` pages (terms, FAQ) that carry
    a section on the subject (one of `concepts` in their text)."""
    dedicated = pages_with(artifacts, kinds)
    if dedicated:
        return dedicated
    lex = lexicons()
    wanted = tuple(concepts)
    return [p for p in pages_with(artifacts, section_kinds)
            if any(lex.has(c, p.full_text(), langs_of(p)) for c in wanted)]


def shop_sources(artifacts: Artifacts) -> list[Source]:
    """Product, cart and checkout pages, then the journey's steps: terms stated where shoppers buy."""
    out = [page_source(p, p.kind) for p in artifacts.pages if p.kind in SHOP_KINDS]
    journey = artifacts.journey
    if journey:
        for step in journey.steps:
            page = artifacts.pages[step.page] if step.page is not None and step.page < len(artifacts.pages) else None
            texts = [*step.messages, *(o.label for o in step.shipping_options)]
            if step.ledger:
                texts += [ln.text or ln.label for ln in step.ledger.lines if ln.kind == "shipping"]
            if texts:
                langs = langs_of(page)
                out.append(Source(step.url, tuple(sentences(texts)), tuple(langs) if langs else None, "journey"))
    return out


def topical(sources: Iterable[Source], concepts: Iterable[str]) -> list[Source]:
    """Only the sentences on the subject: a product page's "3 working days" is about delivery,
    not returns, unless the sentence names returns."""
    lex = lexicons()
    wanted = tuple(concepts)
    out = []
    for src in sources:
        kept = tuple(s for s in src.sentences if any(lex.has(c, s, src.langs) for c in wanted))
        if kept:
            out.append(Source(src.url, kept, src.langs, src.origin))
    return out


def unvisited(artifacts: Artifacts, kind: str) -> list[str]:
    """Policy URLs of a kind the crawl saw linked but did not open (budget, robots, errors)."""
    hints = URL_HINTS.get(kind, ())
    out = []
    for s in artifacts.skipped:
        words = s.get("url", "").lower().replace("_", "-").replace(".", "-").split("/")
        if any(h in part.split("-") or part == h for part in words for h in hints):
            out.append(s["url"])
    return out


def any_policy_seen(artifacts: Artifacts) -> bool:
    return any(p.policy_kinds for p in artifacts.pages)


# ---------------------------------------------------------------- seller identity

@dataclass(frozen=True)
class IdentityHit:
    element: str  # trader | address | email | phone | registration
    statement: Statement
    url: str


def identity_pages(artifacts: Artifacts) -> list[PageSnapshot]:
    return [p for p in artifacts.pages if set(IDENTITY_KINDS) & set(p.policy_kinds)]


def _identity_blocks(artifacts: Artifacts) -> Iterator[tuple[PageSnapshot, TextBlock]]:
    """Every block of identity pages; the header and footer of every other page (where shops
    print their address, phone and company line); blocks of checkout pages."""
    seen: set[str] = set()
    for page in artifacts.pages:
        whole = bool(set(IDENTITY_KINDS) & set(page.policy_kinds)) or page.kind == "checkout"
        for block in page.text_blocks:
            if whole or block.region in ("footer", "header"):
                key = block.text.strip()
                if key and key not in seen:
                    seen.add(key)
                    yield page, block


def phone_regions(artifacts: Artifacts, extra: Iterable[str] = ()) -> list[str]:
    langs = Counter(p.lang for p in artifacts.pages if p.lang)
    regions: list[str] = list(extra)
    for lang, _n in langs.most_common(3):
        regions += LANG_REGIONS.get(lang or "", ())
    return list(dict.fromkeys(regions)) or ["US"]


def identity_hits(artifacts: Artifacts, lex: Lexicons | None = None,
                  regions: Iterable[str] = ()) -> list[IdentityHit]:
    """Every statement of the seller's identity the pages make, strongest first per element:
    structured data, then links (mailto:, tel:), then text. National phone numbers are read
    in the page's own country first, then the profile's."""
    lex = lex or lexicons()
    regions = list(regions)
    regs = phone_regions(artifacts, regions)
    hits: list[IdentityHit] = []
    for page in artifacts.pages:
        for org in organizations(page.structured_data):
            name = org_text(org.get("legalName") or org.get("name"))
            if name:
                hits.append(IdentityHit("trader", Statement("present", f"{name} (structured data)", name, "structured-data"), page.final_url))
            address = org_text(org.get("address"))
            if address and any(ch.isdigit() for ch in address):
                hits.append(IdentityHit("address", Statement("present", f"{address} (structured data)", org_country(org) or "", "structured-data"), page.final_url))
            for key, element in (("email", "email"), ("telephone", "phone")):
                value = org_text(org.get(key))
                if value:
                    hits.append(IdentityHit(element, Statement("present", f"{value} (structured data)", value, "structured-data"), page.final_url))
            reg = org_text(org.get("vatID") or org.get("taxID") or org.get("leiCode") or org.get("duns"))
            if reg:
                hits.append(IdentityHit("registration", Statement("present", f"{reg} (structured data)", reg, "structured-data"), page.final_url))
        identity = bool(set(IDENTITY_KINDS) & set(page.policy_kinds))
        for link in page.links:
            if not (identity or link.region in ("footer", "header") or page.kind == "checkout"):
                continue
            mail = email_from_href(link.href)
            if mail:
                hits.append(IdentityHit("email", Statement("present", clip(link.text or mail, 200), mail, "link"), page.final_url))
            tel = phone_from_href(link.href, regs)
            if tel:
                hits.append(IdentityHit("phone", Statement("present", clip(link.text or tel, 200), tel, "link"), page.final_url))
    for page, block in _identity_blocks(artifacts):
        langs = langs_of(page)
        text = block.text
        regs = phone_regions(artifacts, [*LANG_REGIONS.get(page.lang or "", ()), *regions])
        for mail in emails_in(text):
            hits.append(IdentityHit("email", Statement("present", clip(text, 300), mail), page.final_url))
        labelled = lex.has("seller.phone", text, langs)
        # A tax or company number ("РНОКПП 3123456789") can look like a phone number.
        numbered = not labelled and registration_in(text, lex, langs) is not None
        for e164, _raw in ([] if numbered else phones_in(text, regs, lenient=labelled)):
            hits.append(IdentityHit("phone", Statement("present", clip(text, 300), e164), page.final_url))
        # Short blocks whole ("ח.פ. 514123456" would split at its abbreviation), prose by sentence.
        for sent in ([text] if len(text) <= 300 else sentences([text])):
            for element, finder in (("registration", registration_in), ("trader", trader_in)):
                found = finder(sent, lex, langs)
                if found:
                    hits.append(IdentityHit(element, Statement(found.status, clip(found.quote, 300), found.value), page.final_url))
        found = address_in(text, lex, langs, block.tag)
        if found:
            hits.append(IdentityHit("address", Statement(found.status, clip(found.quote, 300), found.value), page.final_url))
    rank = {"structured-data": 0, "link": 1, "text": 2}
    return sorted(hits, key=lambda h: (h.statement.status != "present", rank.get(h.statement.via, 3)))


def seller_countries(artifacts: Artifacts) -> list[tuple[str, str]]:
    """(ISO country, evidence) where the seller says it is established, most supported first:
    addresses (their country name or postcode shape), then phone country codes."""
    votes: Counter[str] = Counter()
    evidence: dict[str, str] = {}
    for hit in identity_hits(artifacts):
        country = None
        if hit.element == "address" and hit.statement.status == "present":
            country = hit.statement.value or country_named(hit.statement.quote)
            weight = 3
        elif hit.element == "phone" and hit.statement.value.startswith("+") and hit.statement.via != "text":
            country = phone_country(hit.statement.value)
            weight = 1
        if country:
            votes[country] += weight
            evidence.setdefault(country, hit.statement.quote)
    return [(c, evidence[c]) for c, _n in votes.most_common()]
