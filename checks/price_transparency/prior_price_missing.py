"""prior-price-missing: price reductions announced without the lowest price of the previous 30 days."""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.artifacts import Artifacts, PageSnapshot
from auditor.catalog import inside, pages_by_product, product_name, product_urls, tile_roots, tiles, url_key
from auditor.check import Check, CheckContext, CheckResult, Finding
from auditor.checkkit import langs_of
from auditor.jurisdiction import rule
from auditor.legal import Ref
from auditor.promos import codes_in
from auditor.text.lexicon import Lexicons, lexicons
from auditor.text.normalize import clip, normalize

_PERCENT = re.compile(r"\d\s?%")


@dataclass
class Reduction:
    how: str  # strike-through | was/now | percentage
    text: str
    locator: str


def reductions(page: PageSnapshot, lex: Lexicons, roots: tuple[str, ...], within: str | None = None) -> list[Reduction]:
    """Reduction markup on a page (or within one tile): struck prices, "was" prices, "-25 %".

    A manufacturer's recommended price struck through ("RRP £120") is a comparison, not a
    reduction of the trader's own price, and a "20% off with code X" is a coupon.
    """
    langs = langs_of(page)

    def mine(locator: str) -> bool:
        if within is not None:
            return inside(locator, within)
        return not any(inside(locator, r) for r in roots)

    out: list[Reduction] = []
    for p in page.prices:
        if p.struck and p.amount and p.region in ("main", "aside") and mine(p.locator) \
                and not lex.has("price.rrp", p.context, langs):
            out.append(Reduction("strike-through", clip(p.context or p.text, 160), p.locator))
    for b in page.text_blocks:
        if b.region not in ("main", "aside") or not mine(b.locator) or len(b.text) > 200:
            continue
        norm = normalize(b.text)
        if lex.has("price.rrp", norm, langs) or codes_in(b.text, lex, langs):
            continue
        was = lex.find("price.was", norm, langs, normalized=True)
        if was and any(ch.isdigit() for ch in norm) and not lex.has("price.prior_30d", norm, langs):
            out.append(Reduction("was/now", clip(b.text, 160), b.locator))
        elif _PERCENT.search(norm) and lex.find("price.reduction", norm, langs, normalized=True):
            out.append(Reduction("percentage", clip(b.text, 160), b.locator))
    return out


def prior_statement(page: PageSnapshot, lex: Lexicons, roots: tuple[str, ...] = (),
                    within: str | None = None) -> str | None:
    """The 30-day prior-price statement that covers one product of the page: one inside its
    own tile (`within`), or one outside every tile in `roots` (a page-wide notice, or the
    product page's own price block). Another tile's statement speaks for that tile only."""
    langs = langs_of(page)
    for b in page.text_blocks:
        mine = (within is not None and inside(b.locator, within)) or not any(inside(b.locator, r) for r in roots)
        if mine and lex.has("price.prior_30d", b.text, langs):
            return clip(b.text, 200)
    return None


class PriorPriceMissing(Check):
    id = "prior-price-missing"
    title = "Price reductions state the lowest price of the previous 30 days"
    failure_title = "Price reductions without the lowest price of the previous 30 days"
    category = "price-transparency"
    severity = "serious"
    references = (
        Ref("PID", "art. 6a(1) and (2)"),
        Ref("UCPD", "art. 6(1)(d)", "the existence of a specific price advantage"),
    )
    description = """
    What it detects: announcements of a price reduction — a struck-through price, a "was/now" or
    "statt" price, a percentage such as "-25 %" beside a product's price — on product pages and
    on product tiles of listing pages, with no indication of the prior price, that is the lowest
    price the trader applied in the 30 days before the reduction ("Lowest price in the last 30
    days", "Niedrigster Preis der letzten 30 Tage", "Найнижча ціна за 30 днів"). A tile counts as
    covered when the statement is on the tile itself, in a notice of the listing page outside
    every tile, or on the product's own page one click away; one tile's statement does not cover
    its neighbours. Comparisons with a manufacturer's recommended price (RRP, UVP) and coupon offers
    are not reductions of the trader's own price and are left out. The rule is EU law (and its
    national implementations): the check runs only under profiles where it applies.
    Why it harms shoppers: without the prior price, a trader can raise a price for a few days and
    then "reduce" it, so the advertised saving is fictitious. The 30-day reference lets shoppers
    see whether the reduction is real.
    """
    remedy = ("Beside every announced reduction, show the lowest price applied in the 30 days before it "
              "(\u201cLowest price in the previous 30 days: \u2026\u201d) and compute percentages from that price.")

    def evaluate(self, artifacts: Artifacts, ctx: CheckContext) -> CheckResult:
        lex = lexicons()
        products = product_urls(artifacts)
        by_product = pages_by_product(artifacts)
        seen_pages = [p for p in artifacts.pages if p.kind in ("product", "listing", "home", "search")
                      and p.found_from != "journey"]
        if not rule(ctx.jurisdiction, "prior_price_30_days", False):
            note = rule(ctx.jurisdiction, "prior_price_missing_note", "")
            found = sum(len(reductions(p, lex, tile_roots(p, products))) for p in seen_pages if p.kind == "product")
            return self.not_assessed(
                f"the 30-day prior-price rule (PID art. 6a) does not apply under the {ctx.jurisdiction} profile"
                + (f": {note}" if note else "") + (f"; {found} reduction(s) were seen" if found else ""))
        if not seen_pages:
            return self.not_assessed("no product or listing page was reached")
        findings: list[Finding] = []
        checked = 0
        statement_of: dict[str, str | None] = {}
        for key, pages in by_product.items():
            page = next((p for p in pages if p.found_from != "journey"), pages[0])
            found = reductions(page, lex, tile_roots(page, products))
            statement = next((s for p in pages for s in [prior_statement(p, lex, tile_roots(p, products))] if s), None)
            statement_of[key] = statement
            if not found:
                continue
            checked += 1
            if statement is None:
                findings.append(self._finding(page, found, product_name(page), f"product:{key}"))
        for listing in seen_pages:
            if listing.kind == "product":
                continue
            shown = tiles(listing, products)
            roots = tuple(t.root for t in shown.values())
            for key, tile in shown.items():
                found = reductions(listing, lex, (), within=tile.root)
                if not found:
                    continue
                checked += 1
                if prior_statement(listing, lex, roots, within=tile.root) or statement_of.get(key):
                    continue
                if key not in statement_of:
                    continue  # the product page was not visited: what it says one click away is unknown
                name = next((b.text for b in tile.blocks if b.tag in ("h2", "h3", "h4", "a")), key)
                findings.append(self._finding(listing, found, name, f"tile:{url_key(listing.final_url)}:{key}",
                                              locator=tile.root))
        if checked == 0:
            return self.judged([], passed="no price reduction was announced on the pages reached")
        return self.judged(findings, passed=f"{checked} announced reduction(s), each with its 30-day prior price",
                           failed=f"{len(findings)} reduction(s) without the 30-day prior price", reductions=checked)

    def _finding(self, page: PageSnapshot, found: list[Reduction], name: str, key: str, locator: str = "") -> Finding:
        first = found[0]
        return Finding(
            url=page.final_url,
            message=(f"\u201c{clip(name, 80)}\u201d is shown as reduced ({first.how}: \u201c{first.text}\u201d) without "
                     "the lowest price of the previous 30 days"),
            locator=locator or first.locator, text=first.text,
            observed="; ".join(f"{r.how}: {r.text}" for r in found[:4]),
            expected="the prior price (lowest price of the 30 days before the reduction) stated with the reduction",
            key=key,
            evidence={"product": name, "reductions": [{"how": r.how, "text": r.text, "locator": r.locator} for r in found],
                      "statement_searched": "price.prior_30d on this page" + (" and the product's page" if key.startswith("tile") else "")},
        )
