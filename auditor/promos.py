"""Promotion claims, the codes they advertise and the conditions stated with them.

A claim is text that promises a coupon, a promo code, a gift certificate or an amount or share
off ("-20% with code SPRING20", "Знижка 15% за промокодом ВЕСНА15", "קוד הנחה", "كود الخصم").
A bare "Sale" or a struck-through price beside a product is a price reduction, not a coupon
claim: prior-price-missing judges those. Conditions (minimum spend, a cap, expiry, exclusions,
one per customer) count when they stand in the claim's own block or the blocks around it, in
the same overlay, or on a page one click away from the claim (its "terms apply" link).

Both the journey (which codes to try in the cart) and the promotion checks read this module,
so the shop is judged on the same claims the journey acted on.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from auditor.artifacts import Artifacts, Box, JourneyStep, Link, PageSnapshot, TextBlock
from auditor.checkkit import langs_of
from auditor.text.facts import sentences
from auditor.text.lexicon import Lexicons
from auditor.text.normalize import ascii_digits, clip, normalize

CONDITION_KINDS = ("min_spend", "cap", "expiry", "exclusions", "per_customer")
CONDITION_NAMES = {"min_spend": "minimum order", "cap": "cap on the discount", "expiry": "expiry",
                   "exclusions": "exclusions", "per_customer": "one per customer / first order"}
NEAR = 2  # blocks either side of the claim that still read as part of it

_UPPER = "A-Z\u0410-\u042f\u0401\u0406\u0407\u0404\u0490\u0391-\u03a9"  # Latin, Cyrillic (uk/ru), Greek capitals
_CODE = re.compile(rf"(?<![\w-])([{_UPPER}0-9][{_UPPER}0-9_-]{{2,23}})(?![\w-])")
_NUMBERISH = re.compile(r"\d")


@dataclass
class PromoClaim:
    url: str
    text: str
    locator: str = ""
    region: str = "main"
    box: Box | None = None
    codes: tuple[str, ...] = ()
    conditions: dict[str, str] = field(default_factory=dict)  # kind -> the sentence stating it
    condition_urls: dict[str, str] = field(default_factory=dict)  # kind -> page it was read on
    unvisited_terms: list[str] = field(default_factory=list)  # "terms apply" links not crawled
    seen_on: list[str] = field(default_factory=list)  # every page showing the same claim
    overlay: bool = False


def _original(text: str) -> str:
    """Compatibility forms folded and digits made ASCII, case kept (codes are case-sensitive)."""
    return ascii_digits(unicodedata.normalize("NFKC", text))


def codes_in(text: str, lex: Lexicons, langs: list[str | None] | None = None) -> list[str]:
    """Codes a promotion text advertises: capitalised tokens next to a code word.

    A token with letters and digits ("SPRING20", "ВЕСНА15") counts anywhere in a promotion
    text; an all-letter token ("WELCOME") only right after a code word ("use code WELCOME"),
    since banners are often written in capitals ("SPRING SALE").
    """
    if not (lex.has("promo", text, langs) or lex.has("promo_field", text, langs)):
        return []
    src = _original(text)
    out: list[str] = []
    for m in _CODE.finditer(src):
        token = m.group(1).strip("-_")
        letters = sum(ch.isalpha() for ch in token)
        digits = sum(ch.isdigit() for ch in token)
        if len(token) < 4 or letters < 2:
            continue
        if digits == 0 and not _after_code_word(src[max(0, m.start() - 40):m.start()], lex, langs):
            continue
        if token not in out:
            out.append(token)
    return out


def _after_code_word(before: str, lex: Lexicons, langs: list[str | None] | None) -> bool:
    """Does the text end with a code word ("use code", "mit dem Code", "промокод")? Amount
    claims ("20% off") and sale words are not code words: "20% OFF EVERYTHING" has no code."""
    norm = normalize(before).rstrip(" :\"'«»“”„")
    hits = lex.find("promo_field", norm, langs, normalized=True) + [
        h for h in lex.find("promo", norm, langs, normalized=True)
        if "{n}" not in h.term and not lex.has("price.reduction", h.found, langs)]
    return any(h.end >= len(norm) - 1 for h in hits)


def condition_kinds(text: str, lex: Lexicons, langs: list[str | None] | None = None) -> dict[str, str]:
    """Which condition kinds a text states: kind -> the lexicon term that matched."""
    found: dict[str, str] = {}
    norm = normalize(text)
    for kind in CONDITION_KINDS:
        hits = lex.find(f"promo_condition.{kind}", norm, langs, normalized=True)
        if hits:
            found[kind] = hits[0].term
    return found


def _in_block(locator: str, block: TextBlock) -> bool:
    return locator == block.locator or locator.startswith(block.locator + " > ")


def _is_claim(block_text: str, codes: list[str], lex: Lexicons, langs: list[str | None] | None) -> bool:
    """A promotion promising something measurable: a code, a share or an amount off."""
    if codes:
        return True
    hits = lex.find("promo", block_text, langs)
    if not hits:
        return False
    norm = normalize(block_text)
    return any(_NUMBERISH.search(h.found) for h in hits) or ("%" in norm and any(ch.isdigit() for ch in norm))


def _reduction_badge(page: PageSnapshot, index: int) -> bool:
    """A "-20%" beside a struck-through price is a price reduction of that product; so is a
    bare "-20%" anywhere on a product page whose struck and current prices differ by 20%
    (an image flag far from the price block in DOM order)."""
    lo, hi = max(0, index - 1), min(len(page.text_blocks), index + 2)
    near = page.text_blocks[lo:hi]
    if any(p.struck and any(_in_block(p.locator, b) for b in near) for p in page.prices) or any(b.struck for b in near):
        return True
    percent = bare_reduction(page.text_blocks[index].text)
    return page.kind == "product" and percent is not None and reduction_shown(page, percent)


_BARE_PERCENT = re.compile(r"^\W*-\s*(\d{1,2})(?:[.,]\d+)?\s*%\W*$")


def bare_reduction(text: str) -> int | None:
    """N for a text that is only "-N %" (a reduction flag), else None: "-20% with code X" or
    "-20% on everything this weekend" say more than a price cut and stay promotion claims."""
    m = _BARE_PERCENT.match(normalize(text))
    return int(m.group(1)) if m else None


def reduction_shown(page: PageSnapshot, percent: int) -> bool:
    """Whether the page shows a struck price P0 and a current price P1 with P1 = P0 less
    `percent` (one point either way: shops round the flag)."""
    struck = [p for p in page.prices if p.struck and p.amount]
    current = [p for p in page.prices if not p.struck and p.amount]
    for was in struck:
        for now in current:
            if was.currency and now.currency and was.currency != now.currency:
                continue
            if now.amount < was.amount and abs(round(100 * (1 - float(now.amount / was.amount))) - percent) <= 1:
                return True
    return False


def _linked_conditions(link: Link, artifacts: Artifacts, codes: list[str], lex: Lexicons) -> tuple[dict[str, str], str | None]:
    """Conditions on the page a claim links to, read where that page talks about a promotion
    (the code itself, or promotion words) and the sentences right after: a terms page's
    unrelated "until" or "except" must not count."""
    target = artifacts.page_for(link.href)
    if target is None:
        return {}, None
    langs = langs_of(target)
    sents = sentences(b.text for b in target.text_blocks if b.region not in ("header", "nav", "footer"))
    found: dict[str, str] = {}
    for i, sent in enumerate(sents):
        about = any(c in sent for c in codes) or lex.has("promo", sent, langs) or lex.has("price.discount", sent, langs)
        if not about:
            continue
        for follow in sents[i:i + 4]:
            for kind in condition_kinds(follow, lex, langs):
                found.setdefault(kind, clip(follow, 240))
    return found, target.final_url


def claims_on(page: PageSnapshot, artifacts: Artifacts, lex: Lexicons,
              skip_locators: tuple[str, ...] = ()) -> list[PromoClaim]:
    """The promotion claims of one page, each with the conditions stated near it or one click
    away. `skip_locators`: roots of product tiles, whose "-20%" badges are price reductions."""
    langs = langs_of(page)
    blocks = page.text_blocks
    # The label of a purchase option ("Subscribe & save 15%") is a price the shopper chooses, with
    # the option itself as its condition, not an advertised promotion.
    option_labels = {normalize(c.label) for c in page.controls
                     if c.kind in ("radio", "checkbox") and c.label and not codes_in(c.label, lex, langs)}
    out: list[PromoClaim] = []
    for i, block in enumerate(blocks):
        if any(block.locator == r or block.locator.startswith(r + " > ") for r in skip_locators):
            continue
        own = normalize(block.text)
        if len(own) >= 4 and any(own in label for label in option_labels):
            continue
        codes = codes_in(block.text, lex, langs)
        if not _is_claim(block.text, codes, lex, langs) or (not codes and _reduction_badge(page, i)):
            continue
        near = [b for b in blocks[max(0, i - NEAR): i + NEAR + 1] if b.region == block.region]
        claim = PromoClaim(url=page.final_url, text=clip(block.text, 300), locator=block.locator,
                           region=block.region, box=block.box, codes=tuple(codes), seen_on=[page.final_url])
        _conditions_near(claim, " \n".join(b.text for b in near), page, artifacts, lex, langs, near)
        out.append(claim)
    for overlay in page.overlays:
        codes = codes_in(overlay.text, lex, langs)
        if not _is_claim(overlay.text, codes, lex, langs):
            continue
        claim = PromoClaim(url=page.final_url, text=clip(overlay.text, 300), locator=overlay.locator,
                           region="dialog", box=overlay.box, codes=tuple(codes), seen_on=[page.final_url], overlay=True)
        _conditions_near(claim, overlay.text, page, artifacts, lex, langs, [])
        out.append(claim)
    return out


def _conditions_near(claim: PromoClaim, text: str, page: PageSnapshot, artifacts: Artifacts, lex: Lexicons,
                     langs: list[str | None] | None, near: list[TextBlock]) -> None:
    for kind in condition_kinds(text, lex, langs):
        sentence = next((s for s in sentences([text]) if kind in condition_kinds(s, lex, langs)), text)
        claim.conditions.setdefault(kind, clip(sentence, 240))
        claim.condition_urls.setdefault(kind, page.final_url)
    norm_text = normalize(text)
    for link in page.links:
        # A "Sale" item in the site's menu is not the banner's terms link, even if the banner
        # says "sale": only links inside the claim, or beside it in the content, count.
        in_chrome = link.region in ("header", "nav", "footer")
        inside = any(_in_block(link.locator, b) for b in near) or (
            not in_chrome and link.text.strip() and len(link.text.strip()) > 2 and normalize(link.text) in norm_text
            and (lex.has("promo_condition.link", link.text, langs) or lex.has("policy.terms", link.text, langs)
                 or lex.has("promo", link.text, langs)))
        if not inside or not link.href.startswith("http"):
            continue
        found, url = _linked_conditions(link, artifacts, list(claim.codes), lex)
        if url is None:
            if lex.has("promo_condition.link", link.text, langs) or lex.has("policy.terms", link.text, langs):
                claim.unvisited_terms.append(link.href)
            continue
        for kind, quote in found.items():
            claim.conditions.setdefault(kind, quote)
            claim.condition_urls.setdefault(kind, url)


def promo_claims(artifacts: Artifacts, lex: Lexicons, skip: dict[str, tuple[str, ...]] | None = None) -> list[PromoClaim]:
    """Every distinct claim across the pages the crawl saw. The same banner on many pages is one
    claim; conditions found beside any copy of it count for all."""
    merged: dict[str, PromoClaim] = {}
    # The journey's own pages are left out: after a code is applied the cart shows the shop's
    # answer, which must not count as a condition stated beforehand.
    for page in (p for p in artifacts.pages if p.found_from != "journey"):
        for claim in claims_on(page, artifacts, lex, (skip or {}).get(page.final_url, ())):
            key = normalize(claim.text)
            if key not in merged:
                merged[key] = claim
                continue
            first = merged[key]
            if page.final_url not in first.seen_on:
                first.seen_on.append(page.final_url)
            for kind, quote in claim.conditions.items():
                first.conditions.setdefault(kind, quote)
                first.condition_urls.setdefault(kind, claim.condition_urls.get(kind, claim.url))
            first.unvisited_terms += [u for u in claim.unvisited_terms if u not in first.unvisited_terms]
    return list(merged.values())


def advertised_codes(artifacts: Artifacts, lex: Lexicons, limit: int = 3) -> list[str]:
    """Codes the shop advertises, most widely shown first."""
    claims = promo_claims(artifacts, lex)
    ranked = sorted(claims, key=lambda c: -len(c.seen_on))
    out: list[str] = []
    for claim in ranked:
        for code in claim.codes:
            if code not in out:
                out.append(code)
    return out[:limit]


def claims_for_code(claims: list[PromoClaim], code: str) -> list[PromoClaim]:
    return [c for c in claims if code.casefold() in (x.casefold() for x in c.codes)]


# --------------------------------------------------------------------------- applying codes

_APPLIED = re.compile(r"\u201c([^\u201d]+)\u201d")


def coupon_accepted(step: JourneyStep, lex: Lexicons, langs: list[str | None] | None) -> bool:
    """The shop took the code: a discount row appeared and no refusal was answered."""
    refused = any(lex.has("promo_rejection", m, langs) for m in step.messages)
    discount = step.ledger is not None and any(ln.kind == "discount" and ln.amount for ln in step.ledger.lines)
    return discount and not refused


@dataclass
class CouponOutcome:
    """One code the journey applied in the cart, and what the shop answered."""

    code: str
    step: JourneyStep
    accepted: bool
    answer: str  # the shop's messages, joined
    revealed: dict[str, str] = field(default_factory=dict)  # condition kinds the answer states
    refused: bool = False


def coupon_outcomes(artifacts: Artifacts, lex: Lexicons) -> list[CouponOutcome]:
    journey = artifacts.journey
    if journey is None:
        return []
    out = []
    for step in journey.steps:
        if step.kind != "coupon":
            continue
        m = _APPLIED.search(step.action)
        if not m:
            continue
        page = artifacts.pages[step.page] if step.page is not None and step.page < len(artifacts.pages) else None
        langs = langs_of(page)
        answer = " | ".join(step.messages)
        revealed: dict[str, str] = {}
        for msg in step.messages:
            for kind in condition_kinds(msg, lex, langs):
                revealed.setdefault(kind, clip(msg, 240))
        out.append(CouponOutcome(code=m.group(1), step=step, accepted=coupon_accepted(step, lex, langs),
                                 answer=clip(answer, 600), revealed=revealed,
                                 refused=any(lex.has("promo_rejection", msg, langs) for msg in step.messages)))
    return out
